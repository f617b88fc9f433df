"""
What the home page shows. Editors choose featured lists, films and themes in
the admin; each part they leave empty falls back to a sensible default, so a
fresh site has a useful home page too.
"""

from dataclasses import dataclass

from django.db.models import Count
from taggit.models import Tag

from catalogue.models import Film, Poster, TaggedFilm
from core.data_cache import cached_data, every_row_of

from .models import CuratedList, FeaturedFilm, FeaturedList, FeaturedTheme, HomePage, ListCover, ListEntry, TaggedList
from .themes import public_themes, tag_sort_key, with_theme_counts

DEFAULT_LIST_COUNT = 3
DEFAULT_FILM_COUNT = 6
DEFAULT_THEME_COUNT = 12


@dataclass
class HomePageContent:
    welcome: str
    lists: list
    films: list
    themes: list
    lists_chosen: bool
    films_chosen: bool
    themes_chosen: bool


def featured_lists(home_page):
    return list(
        CuratedList.objects.published()
        .filter(featured_on_home__home_page=home_page)
        .with_entry_count()
        .with_cover()
        .order_by("featured_on_home__position", "featured_on_home__pk")
    )


def default_lists():
    """The newest published lists."""
    return list(CuratedList.objects.published().with_entry_count().with_cover().newest_first()[:DEFAULT_LIST_COUNT])


def featured_films(home_page):
    return list(
        Film.objects.published()
        .filter(featured_on_home__home_page=home_page)
        .for_listing()
        .order_by("featured_on_home__position", "featured_on_home__pk")
    )


def default_films():
    """
    The films richest in themes: they lead furthest into the catalogue
    (the seed's *The Miners* carries fifteen).
    """
    return list(
        Film.objects.published()
        .for_listing()
        .annotate(theme_count=Count("tagged_items", distinct=True))
        .order_by("-theme_count", "-created_at", "pk")[:DEFAULT_FILM_COUNT]
    )


def featured_themes(home_page):
    return list(
        with_theme_counts(public_themes().filter(featured_on_home__home_page=home_page)).order_by(
            "featured_on_home__position", "featured_on_home__pk"
        )
    )


def default_themes():
    """A spread of themes: the most used ones, shown by name."""
    themes = list(
        with_theme_counts(public_themes()).order_by("-film_count", "-list_count", "name")[:DEFAULT_THEME_COUNT]
    )
    return sorted(themes, key=lambda tag: tag_sort_key(tag.name))


def home_page_content():
    home_page = HomePage.load()
    lists = featured_lists(home_page)
    films = featured_films(home_page)
    themes = featured_themes(home_page)
    return HomePageContent(
        welcome=home_page.welcome,
        lists=lists or default_lists(),
        films=films or default_films(),
        themes=themes or default_themes(),
        lists_chosen=bool(lists),
        films_chosen=bool(films),
        themes_chosen=bool(themes),
    )


# The home page chooses among every published film, list and theme (the
# richest in themes, the newest, the most used) unless editors choose.
HOME_PAGE_CHOOSES_FROM = (
    Film,
    Poster,
    TaggedFilm,
    Tag,
    CuratedList,
    ListEntry,
    ListCover,
    TaggedList,
    HomePage,
    FeaturedList,
    FeaturedFilm,
    FeaturedTheme,
)


def kept_home_page_content():
    """`home_page_content()`, kept until a row of a model it chooses from changes (core/data_cache.py)."""
    return cached_data("home-page", home_page_content, depends_on=every_row_of(*HOME_PAGE_CHOOSES_FROM))
