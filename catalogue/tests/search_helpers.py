"""Asking the search layer what a reader would find, and letting the index catch up as after a commit."""

from django.utils.html import strip_tags

from core.search.query import Query, search


def found(text, kind=None):
    """{kind: [result titles, best first]} for the query `text`, as the results page shows them."""
    return {group.kind.name: [strip_tags(hit.title) for hit in group.hits] for group in search(Query.parse(text), kind)}


def hits(text, kind):
    return next((group.hits for group in search(Query.parse(text)) if group.kind.name == kind), [])
