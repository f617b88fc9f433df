"""Sign-in throttling: wrong passwords per account and per address, refused before any password is checked."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command

from core.tests.helpers import admin_url

PASSWORD = "the-editor's-own-password"
LIMIT = 5


class CountingHasher(MD5PasswordHasher):
    """The test suite's hasher, counting how often a password is hashed (checking one hashes it)."""

    hashed = 0

    def encode(self, password, salt):
        CountingHasher.hashed += 1
        return super().encode(password, salt)


@pytest.fixture(autouse=True)
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.test_sign_in.CountingHasher"]
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def editor_with_password(editor):
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def sign_in(client, username, password, address="127.0.0.1"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def test_after_too_many_wrong_passwords_the_next_sign_in_is_refused_without_hashing(client, editor_with_password):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")
    hashed_before = CountingHasher.hashed

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert CountingHasher.hashed == hashed_before
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_are_checked_until_the_limit_and_the_last_one_pauses_sign_in(client, editor_with_password):
    hashed_before = CountingHasher.hashed

    answers = [sign_in(client, "editor", "wrong").status_code for _ in range(LIMIT)]

    assert answers == [200] * (LIMIT - 1) + [429]
    assert CountingHasher.hashed == hashed_before + LIMIT


def test_one_account_is_locked_whichever_addresses_the_guesses_come_from(client, editor_with_password):
    for n in range(LIMIT):
        sign_in(client, "editor", "wrong", address=f"10.0.0.{n + 1}")

    assert sign_in(client, "editor", PASSWORD, address="10.0.1.1").status_code == 429


def test_one_address_is_locked_whichever_accounts_it_guesses(client, editor_with_password):
    for n in range(LIMIT):
        sign_in(client, f"guess{n}", "wrong", address="10.0.0.9")

    assert sign_in(client, "editor", PASSWORD, address="10.0.0.9").status_code == 429
    assert signed_in(sign_in(client, "editor", PASSWORD, address="10.0.0.10"))


def test_a_chief_editor_unlocks_an_account_with_axes_reset_username(client, editor_with_password):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")

    call_command("axes_reset_username", "editor", verbosity=0)

    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_a_chief_editor_unlocks_an_account_in_the_admin(client, chief_client, editor_with_password):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")
    [attempt] = AccessAttempt.objects.filter(username="editor")

    assert chief_client.get(admin_url(AccessAttempt, "changelist")).status_code == 200
    chief_client.post(admin_url(AccessAttempt, "delete", attempt.pk), {"post": "yes"})

    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_editors_cannot_see_or_clear_sign_in_attempts(editor_client):
    assert editor_client.get(admin_url(AccessAttempt, "changelist")).status_code == 403


def test_signing_in_clears_earlier_failures(client, editor_with_password):
    for _ in range(LIMIT - 1):
        sign_in(client, "editor", "wrong")
    assert signed_in(sign_in(client, "editor", PASSWORD))
    client.logout()

    sign_in(client, "editor", "wrong")

    assert signed_in(sign_in(client, "editor", PASSWORD))
