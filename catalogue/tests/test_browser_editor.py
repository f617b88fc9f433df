"""An editor adds a fact in the admin, in a real browser, and readers see it on the film's page."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from .factories import make_film, make_trivia

PASSWORD = "a-test-only-password"
NEW_FACT = "Mining equipment shown in the film was actual operational machinery borrowed from Soviet mines"


@pytest.fixture
def editor(transactional_db):
    call_command("ensure_editor", stdout=io.StringIO())
    user = get_user_model().objects.get(username="editor")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_adds_trivia_that_readers_then_see(live_server, page, editor):
    film = make_film("The Miners", 1937, slug="the-miners")
    make_trivia(film, "Real Donbas miners were used as extras")

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_have_text("Kinozavod editorial")

    page.get_by_role("link", name="Films").first.click()
    page.get_by_role("link", name="The Miners").click()
    trivia = page.locator("#trivia-group")
    trivia.get_by_role("button", name="Add another Trivia item").click()
    trivia.locator("textarea[name='trivia-1-text']").fill(NEW_FACT)
    page.locator("input[name='_save']").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}{film.get_absolute_url()}")
    facts = page.locator("#did-you-know")
    expect(facts).to_contain_text("Real Donbas miners were used as extras")
    expect(facts).to_contain_text(NEW_FACT)
    assert list(film.trivia.values_list("position", flat=True)) == [1, 2]
