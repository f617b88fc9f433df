"""
Kinozavod settings. Everything that differs between machines comes from the
environment, or on a developer's machine from `.env` (written by `make setup`);
the defaults are safe for production and convenient only where that costs
nothing (DEBUG must be asked for explicitly).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

# A developer's machine keeps its generated secret key in a git-ignored `.env`,
# so `manage.py` commands typed by hand work like make's own. The real
# environment always wins over the file; a server has no file, and without
# DJANGO_SECRET_KEY it still refuses to start.
load_dotenv(BASE_DIR / ".env", override=False)


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (on a developer's machine `make setup` writes one to .env).")
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-on"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "taggit",
    "adminsortable2",
    "axes",
    "csp",
    "reversion",
    "reversion_compare",
    "imagekit",
    # Ours, each building only on those above it: core <- catalogue <- curation.
    "core",
    "catalogue",
    "curation",
]

# What readers see and editors edit: saving any of these retires cached pages,
# the Editors group may change them, and fixtures of them can be imported.
CONTENT_APPS = ["catalogue", "curation", "taggit"]

# Models that shape the whole site rather than one item: only chief editors
# change them (core.roles); editors may look.
CHIEF_EDITOR_MODELS = [
    "taggit.tag",
    "curation.themeredirect",
    "curation.homepage",
    "curation.featuredlist",
    "curation.featuredfilm",
    "curation.featuredtheme",
]


# Tags are shared by every content app; the page a tag leads to is curation's theme page.
def _theme_address(tag):
    from core.addresses import address  # settings load before the apps

    return address("curation:theme_detail", tag.slug)


ABSOLUTE_URL_OVERRIDES = {"taggit.tag": _theme_address}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached readers' pages are answered here, before anything below runs.
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.sessions.IdleExpiryMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# A bare view at /__floor__/ for the benchmark's yardstick (scripts/benchmark):
# what Django costs with nothing to do. Never on in production.
BENCHMARK_FLOOR = env_flag("DJANGO_BENCHMARK_FLOOR")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers (two editors, an import beside readers) must queue, not
    # fail with "database is locked": every transaction takes the write lock
    # when it begins (IMMEDIATE), so none has to upgrade a read lock halfway,
    # which SQLite refuses at once whatever the timeout; waiting writers give up
    # only after `timeout` seconds. WAL lets readers keep reading the last
    # committed state while a write (a whole import) is under way. WAL alone,
    # without IMMEDIATE, fails more often than SQLite's default.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords
# for one account, or from one address, further attempts are refused before
# any password is checked (no hashing: a flood of guesses costs almost
# nothing) until the cool-off ends or a chief editor unlocks (README).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_SIGNIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: per account and per address
AXES_RESET_ON_SUCCESS = True
# A paused sign-in writes nothing either (no hashing, no database write), so a
# flood of guesses costs little; the pause ends AXES_COOLOFF_TIME after the
# failure that started it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "core.sign_in.locked_out"
# The client's address: the connection's, unless the site runs behind
# DJANGO_PROXY_COUNT trusted proxies that append it to X-Forwarded-For.
# Trusting that header without a proxy would let anyone pick their address.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Django serves uploads itself only for development (DEBUG) or when told to;
# in production a web server or object storage does (see the README).
SERVE_MEDIA = env_flag("DJANGO_SERVE_MEDIA", DEBUG)

# Renditions of pictures (core.pictures.renditions): made once after an upload
# commits and named by a hash of what they are, so a page names them without
# checking that they exist.
IMAGEKIT_CACHEFILE_DIR = "renditions"
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

TAGGIT_CASE_INSENSITIVE = True
# One spelling per tag and no tags without a letter or digit, in every tag field.
TAGGIT_TAGS_FROM_STRING = "core.tagging.parse_tags"
# Written so that parsing gives back every name, commas and quotes included.
TAGGIT_STRING_FROM_TAGS = "core.tagging.edit_string_for_tags"

# Readers' pages are cached whole and retired on every edit (core.page_cache).
# With REDIS_URL, pages and their content version live in Redis, shared by every
# app server. Without it, each worker process keeps pages in its own memory and
# the content version (one small entry, so FileBasedCache never has a directory
# to list) lives in DJANGO_PAGE_CACHE_DIR, shared by the workers of one machine.
# Developers (DJANGO_DEBUG) see template changes at once;
# DJANGO_PAGE_CACHE_SECONDS=0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
REDIS_URL = os.environ.get("REDIS_URL", "")
if DEBUG or PAGE_CACHE_SECONDS <= 0:
    PAGE_CACHES = {"pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif REDIS_URL:
    # Pages and their version in one cache: a cached page is one round trip.
    PAGE_CACHES = {
        "pages": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "KEY_PREFIX": "kinozavod",
        }
    }
else:
    PAGE_CACHES = {
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kinozavod-pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            # About 30 KB a page: a worker holds at most ~60 MB of pages.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_PAGE_CACHE_ENTRIES", "2000"))},
        },
        "page-version": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
        },
    }
# What readers' pages are built from (a film with everything its page shows),
# kept between edits and retired row by row when what it holds changes
# (core.data_cache): after an edit, the pages it did not touch render without
# loading their data again. In Redis with REDIS_URL, else in each worker's
# memory; the stamps that retire entries are in the database, which every
# app server shares. DJANGO_DATA_CACHE_SECONDS=0 turns it off.
DATA_CACHE_SECONDS = int(os.environ.get("DJANGO_DATA_CACHE_SECONDS", "3600"))
if DATA_CACHE_SECONDS > 0:
    PAGE_CACHES["page-data"] = {
        "BACKEND": "core.cache.RedisCache" if REDIS_URL else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": REDIS_URL or "kinozavod-page-data",
        "TIMEOUT": DATA_CACHE_SECONDS,
        **(
            {"KEY_PREFIX": "kinozavod-data"}
            # Up to 60 KB a film (The Miners, sections rendered): a worker holds at most ~60 MB.
            if REDIS_URL
            else {"OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_DATA_CACHE_ENTRIES", "1000"))}}
        ),
    }
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, **PAGE_CACHES}

# Behind a proxy these come from the environment; the defaults assume plain HTTP
# on a developer's machine and are hardened by DJANGO_SECURE=1.
if env_flag("DJANGO_SECURE"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading puts the domain on browsers' built-in HTTPS-only lists, which
    # takes months to undo: a decision for whoever owns the domain, so it is
    # asked for explicitly (README, "Security headers").
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Every page and the admin: scripts and styles only from our own files (an
# inline script needs the request's nonce: `<script nonce="{{ request.csp_nonce }}">`),
# never framed. Public pages are cached whole, so they must not carry a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the site never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Editors' sessions end after this long without a request (each request
# starts the period again: core.sessions), not two weeks after they signed in.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(4 * 60 * 60)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "core.log.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},
}
