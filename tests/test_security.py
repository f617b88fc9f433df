"""Security headers, sessions and logs as readers, editors and operators meet them."""

import logging
import os
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.sessions import LAST_REFRESH

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.parametrize("path", ["/", "/films/", "/admin/login/"])
def test_public_pages_and_the_admin_allow_only_their_own_scripts_and_styles_and_no_framing(client, path):
    policy = directives(client.get(path))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_pages_switch_off_browser_features_the_site_never_uses(client):
    features = client.get("/").headers["Permissions-Policy"]

    assert "camera=()" in features
    assert "geolocation=()" in features
    assert "microphone=()" in features


def test_a_request_with_a_bad_host_is_refused_and_logged_in_one_line(client, caplog):
    response = client.get("/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    [record] = [record for record in caplog.records if record.name == "django.security.DisallowedHost"]
    line = logging.Formatter().format(record)
    assert "attacker.example" in line
    assert "\n" not in line


def idle_for(client, seconds):
    """Make the client's session look as if its last request was `seconds` ago."""
    session = client.session
    session[LAST_REFRESH] = int(time.time()) - seconds
    session.save()
    Session.objects.filter(pk=session.session_key).update(
        expire_date=timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - seconds)
    )
    return session.session_key


def expires_in(session_key):
    return Session.objects.get(pk=session_key).expire_date - timezone.now()


def test_the_idle_limit_defaults_to_a_few_hours():
    assert timedelta(hours=1) <= timedelta(seconds=settings.SESSION_COOKIE_AGE) <= timedelta(hours=8)


def test_a_signed_in_editors_request_restarts_the_idle_period(editor_client):
    session_key = idle_for(editor_client, 3 * 60 * 60)

    editor_client.get("/admin/")

    assert expires_in(session_key) > timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_requests_within_a_minute_do_not_write_the_session_again(editor_client):
    session_key = idle_for(editor_client, 10)
    before = expires_in(session_key)

    editor_client.get("/admin/")

    assert expires_in(session_key) <= before


def test_an_editor_idle_past_the_limit_must_sign_in_again(editor_client):
    idle_for(editor_client, settings.SESSION_COOKIE_AGE + 1)

    response = editor_client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_the_deployment_check_is_clean_with_production_settings():
    # conftest.py allows sync database access in Playwright's event loop; production does not.
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECURE": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "a-production-length-secret-key-for-this-test-only-9f8e7d6c5b4a",
    }
    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert check.returncode == 0, check.stderr
    assert "no issues" in check.stdout
