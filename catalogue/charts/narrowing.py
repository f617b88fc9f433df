"""
Reading the query parameters of a picture's page strictly: a value that names
nothing is a 404, never a page, so odd addresses cannot fill the page cache
with copies (the cache keeps only 200s).
"""

import re

from django.core.paginator import Paginator
from django.http import Http404

from ..models.films import FIRST_FILM_YEAR, LAST_PLAUSIBLE_YEAR

_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
_DECADE = re.compile(r"[12][0-9]{2}0")


def one_value(query_dict, name):
    """The parameter's only value, None when absent; a repeated one is a 404."""
    values = query_dict.getlist(name)
    if len(values) > 1:
        raise Http404(f"Give “{name}” once.")
    return values[0] if values else None


def decade(query_dict, name="decade"):
    value = one_value(query_dict, name)
    if value is None:
        return None
    if not _DECADE.fullmatch(value) or not FIRST_FILM_YEAR // 10 * 10 <= int(value) <= LAST_PLAUSIBLE_YEAR:
        raise Http404("No such decade.")
    return int(value)


def page(object_list, per_page, query_dict, name="page"):
    """The requested page of `object_list` (the first without the parameter); no such page is a 404."""
    value = one_value(query_dict, name)
    if value is not None and not _PAGE_NUMBER.fullmatch(value):
        raise Http404("No such page.")
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    number = int(value or 1)
    if number > paginator.num_pages:
        raise Http404("No such page.")
    return paginator.page(number)
