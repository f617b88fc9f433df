"""
What an export carries: the whole catalogue, or chosen films, lists and
themes with every row their pages need, so that the file imports into an
empty database and those pages read as they did.

- a film: its row and every row of its page (catalogue.exporting);
- a list: its row, cover, tags and entries, and each entry's film as above;
- a theme (a tag): the tag, its intro, cover and old addresses, the films and
  lists that carry it, each as above.

Accounts are never exported; a list names its author by user name, and the
database it goes to must have that account (or the import says it has not).
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from taggit.models import Tag

from catalogue import models as catalogue
from catalogue.exporting import film_pages
from core.bundles import write_bundle
from core.exporting import write_fixture
from core.tallies import is_content

from . import models as curation


class NotFound(LookupError):
    """Some of the chosen films, lists or tags do not exist; the message names them."""


def whole_catalogue():
    """{model: every row}, for every model of the content apps (taggit's own generic tagging aside)."""
    models = [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if (model._meta.app_label != "taggit" or model is Tag) and is_content(model)
    ]
    return {model: model._base_manager.all() for model in models}


def chosen(films=(), lists=(), tags=()):
    """{model: queryset} for the chosen films (slugs), lists (slugs) and themes (tag names), with what they need."""
    _all_exist(catalogue.Film, "slug", films, "film")
    _all_exist(curation.CuratedList, "slug", lists, "list")
    _all_exist(Tag, "name", tags, "tag")
    themes = Tag.objects.filter(name__in=tags)
    chosen_lists = curation.CuratedList._base_manager.filter(
        Q(slug__in=lists) | Q(pk__in=curation.TaggedList.objects.filter(tag__in=themes).values("content_object"))
    )
    pages = catalogue.Film._base_manager.filter(
        Q(slug__in=films)
        | Q(pk__in=curation.ListEntry._base_manager.filter(curated_list__in=chosen_lists).values("film"))
        | Q(pk__in=catalogue.TaggedFilm.objects.filter(tag__in=themes).values("content_object"))
    )
    all_tags = Tag.objects.filter(
        Q(pk__in=themes.values("pk"))
        | Q(pk__in=curation.TaggedList.objects.filter(content_object__in=chosen_lists).values("tag"))
    )
    selection = film_pages(pages, more_tags=all_tags)
    intros = curation.Theme._base_manager.filter(tag__in=selection[Tag])
    return {
        **selection,
        curation.Theme: intros,
        curation.ThemeCover: curation.ThemeCover._base_manager.filter(theme__in=intros),
        curation.ThemeRedirect: curation.ThemeRedirect._base_manager.filter(tag__in=themes),
        curation.CuratedList: chosen_lists,
        curation.ListCover: curation.ListCover._base_manager.filter(curated_list__in=chosen_lists),
        curation.TaggedList: curation.TaggedList._base_manager.filter(content_object__in=chosen_lists),
        curation.ListEntry: curation.ListEntry._base_manager.filter(curated_list__in=chosen_lists),
    }


def export(stream, films=(), lists=(), tags=(), pictures=None):
    """Write the chosen content (everything if nothing is chosen) to `stream`; returns the number of rows."""
    selection = chosen(films, lists, tags) if films or lists or tags else whole_catalogue()
    return write_fixture(selection, stream, pictures=pictures)


def export_bundle(path, films=(), lists=(), tags=()):
    """Write a bundle (core.bundles): the chosen content and its picture files; returns (rows, pictures)."""
    return write_bundle(path, lambda stream, pictures: export(stream, films, lists, tags, pictures=pictures))


def _all_exist(model, field, values, kind):
    found = set(model._base_manager.filter(**{f"{field}__in": values}).values_list(field, flat=True))
    missing = [value for value in values if value not in found]
    if missing:
        raise NotFound(f"No {kind} “{'”, “'.join(missing)}”.")
