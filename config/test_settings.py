"""
Settings for the test suite: the real settings, read from the environment like
everywhere else, with the few choices only tests need.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")

from .settings import *  # noqa: E402,F403
from .settings import STORAGES  # noqa: E402

# The manifest storage needs `collectstatic`; tests serve files as they are.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests see freshly rendered pages unless they test the page cache itself
# (those switch "pages" to a local-memory cache).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}

# Fast hashing: tests create users, they don't defend them.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Serve static files straight from the app and project directories, as the
# development server does; tests never run `collectstatic`.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The live server shows uploaded pictures as the development server does;
# each test gets a media folder of its own (conftest.py).
SERVE_MEDIA = True
