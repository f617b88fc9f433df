import io
import os
import uuid

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse database access from it there. The live server still serves
# requests from its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, kept off the network: Playwright must not download a browser."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def playwright(playwright):
    yield playwright
    # While Playwright's event loop runs in this thread, Django keeps the
    # thread's database connections in a context variable instead of the
    # thread's own storage. Close them before the loop stops, or they outlive
    # the test session and PostgreSQL refuses to drop the test database.
    from django.db import connections

    connections.close_all()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test stores uploads in a folder of its own, never in the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# The page-cache tests run against Redis too (`make test` starts it); each test
# has keys of its own, so runs side by side never see each other's pages.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(params=["embedded", "redis"])
def page_cache(request, settings, tmp_path):
    """
    The whole-page cache switched on (tests otherwise see freshly rendered
    pages), empty: as one machine keeps it (pages in memory, the content
    version in a file), and in Redis, as several app servers share it. Kept
    page data (core.data_cache) is switched on with it, in the same place.
    """
    from django.core.cache import caches

    prefix = f"kinozavod-test-{uuid.uuid4().hex}"
    if request.param == "embedded":
        page_caches = {
            "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-cache-tests"},
            "page-version": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "page-version"),
            },
            "page-data": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-data-tests"},
        }
    else:
        redis = {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": prefix,
        }
        page_caches = {"pages": redis, "page-data": {**redis, "KEY_PREFIX": f"{prefix}-data"}}
    settings.CACHES = {"default": settings.CACHES["default"], **page_caches}
    if request.param == "embedded":
        caches["pages"].clear()
        caches["page-data"].clear()
    yield caches["pages"]
    if request.param == "redis":
        client = caches["pages"]._cache.get_client(write=True)
        keys = list(client.scan_iter(f"{prefix}*"))
        if keys:
            client.delete(*keys)


@pytest.fixture
def page_data(settings):
    """Kept page data (core.data_cache) switched on, empty, with the whole-page cache still off."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "page-data": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-data-tests"},
    }
    caches["page-data"].clear()
    return caches["page-data"]


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`commit(change)` runs `change()` as an editor's committed transaction: its after-commit work runs."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


@pytest.fixture
def seed(db):
    """The content `make run` shows a new user: The Miners and the seed list."""
    from core.tests.helpers import load_seed

    load_seed()


@pytest.fixture
def editor(db):
    """The editor `make run` creates: staff, in the Editors group, not a superuser."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("ensure_editor", stdout=io.StringIO())
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def chief_editor(editor):
    """The chief editor `make run` creates alongside the editor: staff, in the Chief editors group."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="chief")


@pytest.fixture
def chief_client(chief_editor):
    from django.test import Client

    client = Client()
    client.force_login(chief_editor)
    return client


@pytest.fixture
def complaints(page):
    """Everything the browser objects to: console errors (CSP violations among them) and uncaught exceptions."""
    found = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on("response", lambda r: found.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return found
