"""
What a film's page needs, for exports (curation.exporting adds lists and
themes): its row and poster, every row of its page (studios and their logos,
titles, key themes, locations, links, characters, credits and awards with
their people and portraits, trivia, quotes, scenes, stills, tags), its
connections, and the rows of the films at their other ends (with posters).
"""

from django.db.models import Q
from taggit.models import Tag

from . import models as catalogue

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


def film_pages(pages, more_tags=None):
    """
    {model: queryset} for the pages of the films in `pages` (a queryset);
    `more_tags` (a queryset of tags) joins the tags written out.
    """
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
    tags = Q(pk__in=catalogue.TaggedFilm.objects.filter(content_object__in=pages).values("tag"))
    if more_tags is not None:
        tags |= Q(pk__in=more_tags.values("pk"))
    return {
        catalogue.Studio: studios,
        catalogue.StudioLogo: catalogue.StudioLogo._base_manager.filter(studio__in=studios),
        catalogue.Person: people,
        catalogue.Portrait: catalogue.Portrait._base_manager.filter(person__in=people),
        catalogue.Film: films_shown,
        catalogue.Poster: catalogue.Poster._base_manager.filter(film__in=films_shown),
        **{model: model._base_manager.filter(**{f"{field}__in": pages}) for model, field in FILM_PAGE_ROWS.items()},
        catalogue.Influence: influences,
        catalogue.Recommendation: recommendations,
        Tag: Tag.objects.filter(tags),
    }
