"""
Whole-page caching for readers, retired by any edit.

Every cached page is keyed by a "content version" that changes whenever an
editor's change to anything readers can see commits (see `signals.py`), so a
page is either fresh or not used at all: there is no stale window to tune.
Requests carrying a session cookie (an editor may be signed in) always get a
freshly rendered page, marked private.

Nothing is saved when a scheduled item goes live, so the version also
carries the time of the next scheduled publication: the first request after
that moment retires the pages, as a save would have.

Pages live in the "pages" cache, the version in "page-version" (settings.CACHES):
both in Redis when the site runs on several machines; otherwise pages in each
worker process's memory and the version in one small file that all workers on
the machine read. The "pages" TIMEOUT is the one place that says how long a
page may live.

`PageCacheMiddleware` answers from the cache before sessions, users, CSRF and
the rest of the middleware run, so a cached page costs little more than a cache
read; it also gives every public page its ETag, Last-Modified and
Cache-Control, and answers conditional requests with 304.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache, wraps
from uuid import uuid4

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date, urlencode

from .data_cache import retire_everything
from .publishing import next_scheduled_time
from .tallies import recount_on_commit

PAGE_CACHE_ALIAS = "pages"
VERSION_CACHE_ALIAS = "page-version"
VERSION_KEY = "content-version"
# Shared caches in front of the site (nginx, deploy/nginx/front-cache.conf)
# may keep a reader's page this long; browsers ask again every time.
SHARED_MAX_AGE = 1


def _pages():
    return caches[PAGE_CACHE_ALIAS]


def _versions():
    return caches[VERSION_CACHE_ALIAS if VERSION_CACHE_ALIAS in settings.CACHES else PAGE_CACHE_ALIAS]


def _new_version():
    return {"token": uuid4().hex, "until": next_scheduled_time(), "since": int(timezone.now().timestamp())}


def _current_version(found=None):
    """The content version (in `found` if a lookup brought it along already)."""
    version = found or _versions().get_or_set(VERSION_KEY, _new_version, timeout=None)
    if version["until"] is not None and version["until"] <= timezone.now():
        version = _retire_pages()
    return version


def _lookup(key):
    """
    (content version, cached page or None). A page is stored with the version
    it was rendered under and used only while that version is current. Where
    pages and version share a cache (Redis), one round trip fetches both.
    """
    pages, versions = _pages(), _versions()
    if pages is versions:
        found = pages.get_many([VERSION_KEY, key])
        version, entry = _current_version(found.get(VERSION_KEY)), found.get(key)
    else:
        version, entry = _current_version(), pages.get(key)
    if entry is not None and entry[0] != version["token"]:
        entry = None
    return version, entry


def content_version():
    return _current_version()["token"]


def _retire_pages():
    version = _new_version()
    _versions().set(VERSION_KEY, version, timeout=None)
    return version


def retire_pages_on_commit():
    """
    Retire every cached page once the current transaction commits (at once
    outside one). Retiring earlier would let a reader who arrives before the
    commit render the old content and store it under the new version, where
    it would stay until it expired.
    """
    transaction.on_commit(_retire_pages)


def invalidate_pages():
    """
    After writes that send no signals (bulk updates): recount what is kept
    counted (core.tallies), then retire every cached page and all kept page data.
    """
    recount_on_commit()
    retire_pages_on_commit()
    retire_everything()


@dataclass(frozen=True)
class PublicPage:
    """How a readers' page is cached: the query parameters it reads (all others are dropped)."""

    query: frozenset

    def only_used_parameters(self, query_dict):
        """`query_dict` without the parameters the page does not read, in their order."""
        used = QueryDict(mutable=True)
        for name in query_dict:
            if name in self.query:
                used.setlist(name, query_dict.getlist(name))
        used._mutable = False
        return used

    def key(self, query_dict):
        """The parameters the page reads, in one order whatever the address's."""
        used = self.only_used_parameters(query_dict)
        return urlencode([(name, value) for name in sorted(used) for value in used.getlist(name)])


def cache_public_page(view, query=()):
    """
    Mark `view` as a readers' page that PageCacheMiddleware may cache. `query`
    names the query parameters it reads; it never sees any other, so the page
    is the same whatever else an address carries, and random query strings
    cannot fill the cache.
    """
    page = PublicPage(frozenset(query))

    @wraps(view)
    def public_view(request, *args, **kwargs):
        request.GET = page.only_used_parameters(request.GET)
        return view(request, *args, **kwargs)

    public_view.public_page = page
    return public_view


@lru_cache(maxsize=4096)
def _public_page_at(urlconf, path):
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return getattr(match.func, "public_page", None)


def _public_page(request):
    # Remembered per address: resolving costs as much as the rest of a cached page.
    return _public_page_at(settings.ROOT_URLCONF, request.path_info)


def _page_key(request, page):
    # Hashed: any host, path and query fit, and the key says nothing of them.
    address = f"{request.get_host()}{request.path}?{page.key(request.GET)}"
    return f"page:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"


def _from_cache(entry):
    _version, content, headers = entry
    return HttpResponse(content, headers=headers)


class PageCacheMiddleware:
    """
    Serve readers' pages (views marked with `cache_public_page`) from the page
    cache. Place it after SecurityMiddleware and WhiteNoise and before the
    session middleware: a reader without a session cookie is anonymous, so a
    cached page needs no session, user, CSRF token or database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page = _public_page(request)
        if page is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            response = self.get_response(request)
            patch_cache_control(response, private=True)
            return response

        cache = _pages()
        enabled = not isinstance(cache, DummyCache)
        key = _page_key(request, page) if enabled else None
        version, entry = _lookup(key) if enabled else (None, None)
        if entry is not None:
            response = _from_cache(entry)
        else:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            self._describe(response, version)
            if enabled:
                cache.set(key, (version["token"], response.content, list(response.items())))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=version and version["since"], response=response
        )

    @staticmethod
    def _describe(response, version):
        # The page is the same for every reader until the next edit; browsers
        # check back each time (a 304 costs little), shared caches may keep it
        # for SHARED_MAX_AGE, and a session cookie gets a page of its own.
        set_response_etag(response)
        if version is not None:
            response["Last-Modified"] = http_date(version["since"])
        patch_cache_control(response, public=True, max_age=0, s_maxage=SHARED_MAX_AGE)
        patch_vary_headers(response, ("Cookie",))
