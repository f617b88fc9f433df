"""
Whole-page caching for readers, retired by any edit.

Every cached page is keyed by a "content version" that changes whenever an
editor's change to anything readers can see commits (see `signals.py`), so a
page is either fresh or not used at all: there is no stale window to tune.
Signed-in users always get a freshly rendered page.

Nothing is saved when a scheduled item goes live, so the version also
carries the time of the next scheduled publication: the first request after
that moment retires the pages, as a save would have.

The cache alias is "pages"; its TIMEOUT (settings.CACHES) is the one place that
says how long a page may live. In production point it at a cache that all
worker processes share.
"""

from functools import wraps
from uuid import uuid4

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.utils import timezone

from .publishing import next_scheduled_time

PAGE_CACHE_ALIAS = "pages"
VERSION_KEY = "content-version"


def _cache():
    return caches[PAGE_CACHE_ALIAS]


def _new_version():
    return {"token": uuid4().hex, "until": next_scheduled_time()}


def content_version():
    version = _cache().get_or_set(VERSION_KEY, _new_version, timeout=None)
    if version["until"] is not None and version["until"] <= timezone.now():
        version = _retire_pages()
    return version["token"]


def _retire_pages():
    version = _new_version()
    _cache().set(VERSION_KEY, version, timeout=None)
    return version


def invalidate_pages():
    """
    Retire every cached page once the current transaction commits (at once
    outside one). Retiring earlier would let a reader who arrives before the
    commit render the old content and store it under the new version, where
    it would stay until it expired.
    """
    transaction.on_commit(_retire_pages)


def _page_key(request):
    return f"page:{content_version()}:{request.get_host()}:{request.get_full_path()}"


def cache_public_page(view):
    """Serve anonymous GET requests for `view` from the page cache when possible."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        cache = _cache()
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated or isinstance(cache, DummyCache):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:

            def store(rendered):
                cache.set(key, rendered)

            if hasattr(response, "add_post_render_callback"):
                response.add_post_render_callback(store)
            else:
                store(response)
        return response

    return cached_view
