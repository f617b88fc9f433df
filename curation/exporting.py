"""
What an export carries: the whole catalogue, or chosen films, lists and
themes with every row their pages need, so that the file imports into an
empty database and those pages read as they did.

- a film: its row and poster, every row of its page (studios and their logos,
  titles, key themes, locations, links, characters, credits and awards with
  their people and portraits, trivia, quotes, scenes, stills, tags), its
  connections, and the rows of the films at their other ends (with posters);
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
from core.exporting import write_fixture

from . import models as curation

# Rows that hang off one film's page, by the field naming the film.
FILM_PAGE_ROWS = {
    catalogue.FilmStudio: "film",
    catalogue.AlternativeTitle: "film",
    catalogue.KeyTheme: "film",
    catalogue.FilmingLocation: "film",
    catalogue.ExternalLink: "film",
    catalogue.Character: "film",
    catalogue.Credit: "film",
    catalogue.Trivia: "film",
    catalogue.Quote: "film",
    catalogue.Scene: "film",
    catalogue.Award: "film",
    catalogue.Still: "film",
    catalogue.TaggedFilm: "content_object",
}


class NotFound(LookupError):
    """Some of the chosen films, lists or tags do not exist; the message names them."""


def whole_catalogue():
    """{model: every row}, for every model of the content apps (taggit's own generic tagging aside)."""
    models = [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.app_label != "taggit" or model is Tag
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
    influences = catalogue.Influence._base_manager.filter(Q(influencer__in=pages) | Q(influenced__in=pages))
    recommendations = catalogue.Recommendation._base_manager.filter(Q(film__in=pages) | Q(recommended__in=pages))
    films_shown = catalogue.Film._base_manager.filter(
        Q(pk__in=pages.values("pk"))
        | Q(pk__in=influences.values("influencer"))
        | Q(pk__in=influences.values("influenced"))
        | Q(pk__in=recommendations.values("recommended"))
        | Q(pk__in=recommendations.values("film"))
    )
    studios = catalogue.Studio._base_manager.filter(
        pk__in=catalogue.FilmStudio._base_manager.filter(film__in=pages).values("studio")
    )
    people = catalogue.Person._base_manager.filter(
        Q(pk__in=catalogue.Credit._base_manager.filter(film__in=pages).values("person"))
        | Q(pk__in=catalogue.Award._base_manager.filter(film__in=pages).values("recipient"))
    )
    all_tags = Tag.objects.filter(
        Q(pk__in=themes.values("pk"))
        | Q(pk__in=catalogue.TaggedFilm.objects.filter(content_object__in=pages).values("tag"))
        | Q(pk__in=curation.TaggedList.objects.filter(content_object__in=chosen_lists).values("tag"))
    )
    intros = curation.Theme._base_manager.filter(tag__in=all_tags)
    selection = {
        catalogue.Studio: studios,
        catalogue.StudioLogo: catalogue.StudioLogo._base_manager.filter(studio__in=studios),
        catalogue.Person: people,
        catalogue.Portrait: catalogue.Portrait._base_manager.filter(person__in=people),
        catalogue.Film: films_shown,
        catalogue.Poster: catalogue.Poster._base_manager.filter(film__in=films_shown),
        **{model: model._base_manager.filter(**{f"{field}__in": pages}) for model, field in FILM_PAGE_ROWS.items()},
        catalogue.Influence: influences,
        catalogue.Recommendation: recommendations,
        Tag: all_tags,
        curation.Theme: intros,
        curation.ThemeCover: curation.ThemeCover._base_manager.filter(theme__in=intros),
        curation.ThemeRedirect: curation.ThemeRedirect._base_manager.filter(tag__in=themes),
        curation.CuratedList: chosen_lists,
        curation.ListCover: curation.ListCover._base_manager.filter(curated_list__in=chosen_lists),
        curation.TaggedList: curation.TaggedList._base_manager.filter(content_object__in=chosen_lists),
        curation.ListEntry: curation.ListEntry._base_manager.filter(curated_list__in=chosen_lists),
    }
    return selection


def export(stream, films=(), lists=(), tags=(), pictures=None):
    """Write the chosen content (everything if nothing is chosen) to `stream`; returns the number of rows."""
    selection = chosen(films, lists, tags) if films or lists or tags else whole_catalogue()
    return write_fixture(selection, stream, pictures=pictures)


def _all_exist(model, field, values, kind):
    found = set(model._base_manager.filter(**{f"{field}__in": values}).values_list(field, flat=True))
    missing = [value for value in values if value not in found]
    if missing:
        raise NotFound(f"No {kind} “{'”, “'.join(missing)}”.")
