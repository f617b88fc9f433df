"""
`address(viewname, *args)`: `reverse()`, remembered. A page names dozens of
other pages (a film page links every person, film and theme on it), and
reversing costs more than rendering the link: about a sixth of a film page.
An address depends only on the view's name, its arguments, the URLconf and the
script prefix, which are all part of what is remembered.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=50_000)
def _address(urlconf, prefix, viewname, args):
    return reverse(viewname, urlconf=urlconf, args=args)


def address(viewname, *args):
    return _address(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), viewname, args)
