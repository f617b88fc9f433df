"""Builders for curation test data; films and trivia come from the catalogue's factories."""

import itertools

from django.utils.text import slugify

from catalogue.tests.factories import PICTURE_ROW, PUBLISHED, add_poster_rows, make_film, make_films, make_trivia
from curation.models import CuratedList, ListCover, ListEntry

_sequence = itertools.count(1)


def make_list(title=None, published_at=PUBLISHED, **fields):
    title = title or f"List {next(_sequence)}"
    fields.setdefault("slug", slugify(title))
    fields.setdefault("intro", f"Why {title} matters.")
    return CuratedList.objects.create(title=title, published_at=published_at, **fields)


def add_entry(curated_list, film=None, blurb=None, featured_fact=None, **fields):
    film = film or make_film()
    return ListEntry.objects.create(
        curated_list=curated_list,
        film=film,
        blurb=blurb or f"Why {film.title} is here.",
        featured_fact=featured_fact,
        **fields,
    )


def make_list_of_dams():
    """A list of three dam films, in an order an editor will want to change."""
    curated_list = make_list("Dams", slug="dams")
    for title, year in [("The Height", 1957), ("Dneprostroi", 1932), ("Bratsk", 1967)]:
        add_entry(curated_list, make_film(title, year))
    return curated_list


def add_cover_rows(lists):
    """Covers for many lists in one query (rows only, like `add_poster_rows`)."""
    return ListCover.objects.bulk_create(
        ListCover(curated_list=item, image=f"pictures/covers/{item.slug}.jpg", **PICTURE_ROW) for item in lists
    )


__all__ = [
    "PUBLISHED",
    "add_cover_rows",
    "add_entry",
    "add_poster_rows",
    "make_film",
    "make_films",
    "make_list",
    "make_list_of_dams",
    "make_trivia",
]
