"""
The timeline of the catalogue: published films by year, narrowed by decade
and theme, laid out as a column of years (it reads down the page on a phone
as on a wide screen) with each year's films beside it.
"""

from dataclasses import dataclass
from itertools import groupby

from django.db.models import Count, F
from django.db.models.functions import Lower, Mod
from django.http import Http404
from django.utils.http import urlencode
from taggit.models import Tag

from core.publishing import published_q

from ..models import Film, TaggedFilm
from . import narrowing
from .svg import FONT_SIZE, WIDTH, fit

PAGE_SIZE = 200  # films drawn at once: a decade of a large catalogue spans several pages

# Layout, in drawing units (the viewBox is WIDTH wide).
TOP = 4
BOTTOM = 8
DECADE_HEADING = 32  # the decade's label above its years
LINE = 22  # one film
YEAR_GAP = 8  # between one year's films and the next year's
YEAR_X = 40  # the year's label ends here
SPINE_X = 50  # the line the years hang on
TITLE_X = 62  # film titles start here
RIGHT = 6


@dataclass(frozen=True)
class Narrowing:
    """What the reader narrowed the timeline to; every address of it is stable and shareable."""

    decade: int | None = None
    theme: Tag | None = None

    @classmethod
    def from_query(cls, query_dict):
        decade = narrowing.decade(query_dict)
        slug = narrowing.one_value(query_dict, "theme")
        theme = None
        if slug is not None:
            theme = Tag.objects.filter(slug=slug).only("name", "slug").first()
            if theme is None:
                raise Http404("No such theme.")
        return cls(decade, theme)

    def films(self):
        films = Film.objects.published()
        if self.theme is not None:
            films = films.filter(tagged_items__tag=self.theme)
        return films

    def decade_counts(self):
        """[(decade, published films in it)] with the theme applied, oldest first: one query."""
        rows = (
            self.films()
            .annotate(decade=F("year") - Mod("year", 10))
            .values("decade")
            .annotate(count=Count("pk"))
            .order_by("decade")
        )
        return [(int(row["decade"]), row["count"]) for row in rows]  # SQLite gives MOD() as a float

    def theme_counts(self):
        """[(tag, published films with it)] within the decade, by name: one query."""
        taggings = TaggedFilm.objects.filter(published_q("content_object__"))
        if self.decade is not None:
            taggings = taggings.filter(content_object__year__gte=self.decade, content_object__year__lt=self.decade + 10)
        rows = (
            taggings.values("tag__slug", "tag__name")
            .annotate(count=Count("pk"))
            .order_by(Lower("tag__name"), "tag__slug")
        )
        return [(Tag(slug=row["tag__slug"], name=row["tag__name"]), row["count"]) for row in rows]

    def shown_films(self):
        films = self.films()
        if self.decade is not None:
            films = films.in_decade(self.decade)
        return films.only("title", "slug", "year").order_by("year", Lower("title"), "pk")

    def address(self, **changes):
        """The timeline's query string with `changes` (None drops a parameter); pages start again."""
        values = {"decade": self.decade, "theme": self.theme.slug if self.theme else None} | changes
        query = urlencode({name: value for name, value in values.items() if value is not None})
        return f"?{query}" if query else "?"


@dataclass(frozen=True)
class Year:
    year: int
    films: list


def by_year(films):
    """Films (in year order) grouped into Years: what the drawing and its text alternative both show."""
    return [Year(year, list(group)) for year, group in groupby(films, key=lambda film: film.year)]


@dataclass(frozen=True)
class FilmMark:
    y: float
    text: str  # fitted to the drawing
    title: str  # in full, for the link's accessible name and tooltip
    href: str


@dataclass(frozen=True)
class YearMark:
    y: float
    year: int


@dataclass(frozen=True)
class DecadeBand:
    y: float
    height: float
    label: str
    href: str | None  # narrows the timeline to the decade; None when it already is

    @property
    def label_y(self):
        return self.y + DECADE_HEADING // 2


@dataclass(frozen=True)
class TimelineDrawing:
    width: int
    height: float
    bands: list
    years: list
    films: list
    spine_top: float
    spine_bottom: float
    year_x: int = YEAR_X
    spine_x: int = SPINE_X
    title_x: int = TITLE_X
    font_size: int = FONT_SIZE


def layout(years, decade_href=None):
    """
    Place `years` (from `by_year`) down the drawing: a band per decade with
    its label, each year on the spine, its films one per line beside it.
    `decade_href(decade)` is where a decade's label leads (None: no link).
    """
    bands, year_marks, film_marks = [], [], []
    title_width = WIDTH - TITLE_X - RIGHT
    y = TOP
    for decade, decade_years in groupby(years, key=lambda year: year.year - year.year % 10):
        top = y
        y += DECADE_HEADING
        for year in decade_years:
            year_marks.append(YearMark(y + LINE // 2, year.year))
            for film in year.films:
                label = fit(film.title, title_width)
                film_marks.append(FilmMark(y + LINE // 2, label, str(film), film.get_absolute_url()))
                y += LINE
            y += YEAR_GAP
        bands.append(DecadeBand(top, y - top, f"{decade}s", decade_href(decade) if decade_href else None))
    return TimelineDrawing(
        width=WIDTH,
        height=y + BOTTOM,
        bands=bands,
        years=year_marks,
        films=film_marks,
        spine_top=year_marks[0].y if year_marks else 0,
        spine_bottom=year_marks[-1].y if year_marks else 0,
    )
