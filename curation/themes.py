"""
What theme pages show, read from the tags. Counts come from correlated
subqueries (not per-row queries, and not joins that multiply rows), so a page
costs the same number of queries whether a theme has three films or three
thousand.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Lower
from django.template.loader import render_to_string
from taggit.models import Tag

from catalogue.browsing import kept_film_count
from catalogue.models import Film, Poster, TaggedFilm
from core.data_cache import cached_data, every_row_of
from core.publishing import last_public_change_of, latest, latest_public_change, published_q

from .models import CuratedList, ListCover, ListEntry, TaggedList, Theme, ThemeCover, ThemeRedirect

RELATED_THEMES_SHOWN = 12
THEME_FILMS_CAPTION = "Films on this theme, oldest first"


def _count_tagged(through, published_only=True, **filters):
    """How many objects of `through` (published ones, by default) carry the outer tag and match `filters`."""
    published = published_q("content_object__") if published_only else Q()
    rows = (
        through.objects.filter(published, tag=OuterRef("pk"), **filters)
        .order_by()
        .values("tag")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_theme_counts(tags, published_only=True):
    """Annotate each tag with `film_count` and `list_count` (published ones only, unless told)."""
    return tags.annotate(
        film_count=_count_tagged(TaggedFilm, published_only),
        list_count=_count_tagged(TaggedList, published_only),
    )


def public_themes():
    """Tags that something published carries: every one of them has a theme page."""
    published_films = TaggedFilm.objects.filter(published_q("content_object__"), tag=OuterRef("pk"))
    published_lists = TaggedList.objects.filter(published_q("content_object__"), tag=OuterRef("pk"))
    return Tag.objects.filter(Exists(published_films) | Exists(published_lists))


def themes_with_last_change():
    """
    Public themes, each annotated with when the published films and lists
    carrying it and its published intro last changed (see `theme_last_change`).
    """
    return public_themes().annotate(
        films_changed=latest_public_change(TaggedFilm.objects, "content_object__", "tag"),
        lists_changed=latest_public_change(TaggedList.objects, "content_object__", "tag"),
        intro_changed=last_public_change_of("theme__"),
    )


def theme_last_change(tag):
    """When the page of `tag` (from `themes_with_last_change`) last changed."""
    return latest(tag.films_changed, tag.lists_changed, tag.intro_changed)


def themes_index(sort="name"):
    """All public themes with their counts, by name (as readers read an index) or by size."""
    counting_now = _count_tagged(TaggedFilm)
    # The film index's kept counts, not a count over every film; a tag without a
    # usable slug is no choice of the film index, so none is kept for it.
    film_count = Case(
        When(slug="", then=counting_now), default=kept_film_count("theme", OuterRef("slug"), counting_now)
    )
    themes = list(public_themes().annotate(film_count=film_count, list_count=_count_tagged(TaggedList)))
    themes.sort(key=lambda tag: tag_sort_key(tag.name))
    if sort == "films":
        themes.sort(key=lambda tag: (tag.film_count, tag.list_count), reverse=True)
    return themes


def tag_sort_key(name):
    # Python folds case in every script; SQLite's lower() folds ASCII only.
    return name.casefold()


def find_theme(slug):
    """(tag, None) for a live theme address, (None, tag) for an old one, (None, None) otherwise."""
    tag = Tag.objects.select_related("theme__cover").filter(slug=slug).first()
    if tag is not None:
        return tag, None
    redirect = ThemeRedirect.objects.select_related("tag").filter(old_slug=slug).first()
    return None, (redirect.tag if redirect else None)


def editorial_theme(tag):
    """The editor's words for `tag`, or None (the page then works from the tag alone)."""
    try:
        return tag.theme
    except Theme.DoesNotExist:
        return None


def films_with_theme(tag):
    return Film.objects.published().filter(tagged_items__tag=tag).for_listing().order_by("year", Lower("title"), "pk")


def lists_with_theme(tag):
    return CuratedList.objects.published().filter(tagged_items__tag=tag).with_entry_count().with_cover().newest_first()


def related_themes(tag, limit=RELATED_THEMES_SHOWN):
    """
    Tags that published films and lists carry together with `tag`, with how
    many they share: the most shared first, then by name.
    """
    counts = {}  # through model -> {tag pk: how many of this theme's films (lists) carry it}
    for through in (TaggedFilm, TaggedList):
        # One count per tag over the rows of this theme's films (lists), in one
        # pass, rather than a count per tag in the catalogue.
        carriers = through.objects.filter(published_q("content_object__"), tag=tag).values("content_object")
        rows = (
            through.objects.filter(content_object__in=carriers)
            .exclude(tag=tag)
            .order_by()
            .values("tag")
            .annotate(number=Count("pk"))
        )
        counts[through] = Counter({row["tag"]: row["number"] for row in rows})
    shared = counts[TaggedFilm] + counts[TaggedList]
    if not shared:
        return []
    # Every tag that can make the cut (ties included), by name as the database
    # orders names, then the most shared first: a stable sort keeps name order within a tie.
    cut = sorted(shared.values(), reverse=True)[:limit][-1]
    related = list(Tag.objects.filter(pk__in=[pk for pk, number in shared.items() if number >= cut]).order_by("name"))
    for related_tag in related:
        related_tag.shared_films = counts[TaggedFilm][related_tag.pk]
        related_tag.shared_lists = counts[TaggedList][related_tag.pk]
        related_tag.shared = shared[related_tag.pk]
    related.sort(key=lambda related_tag: related_tag.shared, reverse=True)
    return related[:limit]


@dataclass
class ThemePage:
    """What a reader's theme page shows, from `theme_page_for_readers`."""

    tag: Tag | None
    moved_to: Tag | None = None
    theme: Theme | None = None
    curated_lists: list | None = None
    film_count: int = 0
    page_number: int = 1
    films: list | None = None
    related_themes: list | None = None
    # Rendered once, as the page shows them, and retired with the rest.
    lists_html: str = ""
    related_html: str = ""
    films_html: str = ""

    @property
    def published(self):
        # A tag only drafts carry has no public page, unless it has a published intro.
        return bool(self.theme or self.curated_lists or self.film_count)


# A theme page counts and chooses among every published film and list.
THEME_PAGE_READS = (
    Tag,
    ThemeRedirect,
    Theme,
    ThemeCover,
    Film,
    Poster,
    TaggedFilm,
    CuratedList,
    ListEntry,
    ListCover,
    TaggedList,
)


def theme_page_for_readers(slug, page, per_page):
    """
    The theme page at `slug`, page `page` ("last", or a number) of its films,
    as readers see it (published things only), kept until a row of a model it
    reads changes (core/data_cache.py). Raises InvalidPage for a page that
    does not exist.
    """

    def load():
        tag, moved_to = find_theme(slug)
        if tag is None:  # an old address is kept (a redirect); no address at all is not
            return ThemePage(tag=None, moved_to=moved_to) if moved_to else None
        theme = editorial_theme(tag)
        page_data = ThemePage(
            tag=tag,
            theme=theme if theme is not None and theme.is_live else None,
            curated_lists=list(lists_with_theme(tag)),
        )
        paginator = Paginator(films_with_theme(tag), per_page)
        page_data.film_count = paginator.count
        if page_data.published:
            number = paginator.num_pages if page == "last" else int(page)
            films = paginator.page(number)
            page_data.page_number, page_data.films = films.number, list(films.object_list)
            # Rendered once, as the page would, and retired with the rest.
            page_data.films_html = render_to_string(
                "includes/film_table.html", {"films": page_data.films, "caption": THEME_FILMS_CAPTION}
            )
            page_data.related_themes = related_themes(tag)
            page_data.related_html = render_to_string(
                "curation/includes/related_themes.html", {"related_themes": page_data.related_themes}
            )
        if page_data.curated_lists:
            page_data.lists_html = render_to_string(
                "curation/includes/theme_lists.html", {"curated_lists": page_data.curated_lists}
            )
        return page_data

    try:
        number = page if page == "last" else int(page)
    except ValueError:
        raise InvalidPage("That page number is not an integer.") from None
    return cached_data(
        f"theme-page:{slug}:{number}:{per_page}", load, depends_on=every_row_of(*THEME_PAGE_READS)
    ) or ThemePage(tag=None)
