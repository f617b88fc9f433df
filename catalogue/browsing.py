"""
Narrowing the film index by decade, year range, country, studio and theme,
combined, with the number of films beside each choice.

A choice's count respects every other active filter but not its own kind, so a
reader who has picked the 1930s and Lenfilm sees how many Lenfilm films each
other decade holds. Each kind of choice is counted in one grouped query, so the
index runs the same number of queries whatever the catalogue's size. Only
published films count.

An address lists its filters in one order (`QUERY_ORDER`), without empty
values, so every combination has one stable, shareable address; the index
redirects any other spelling (a submitted form with empty fields) to it.
A value that means nothing (decade=abc, an unknown studio) is ignored with a
note saying so: the reader gets the index without it, never an error page
(its status says 400, so the page cache keeps no copy for odd addresses).

The unfiltered index's counts are kept in the database (PublishedFilmCount),
recounted by the writer once a change commits (`recount_published_films`), so
the first reader after an edit does not count 10,000 films; a filtered index
counts its narrower set as it is asked.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Count, Exists, ExpressionWrapper, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode
from taggit.models import Tag

from core.publishing import next_scheduled_time, published_q
from core.tallies import counts_pending

from .models import Film, FilmStudio, PublishedFilmCount, PublishedFilmCounting, Studio, TaggedFilm
from .models.films import FIRST_FILM_YEAR, LAST_PLAUSIBLE_YEAR

FILTERS = ("decade", "year_from", "year_to", "country", "studio", "theme")
# The index's query parameters in the one order its addresses use: filters,
# then the sort order, then the page (what {% querystring %} appends).
QUERY_ORDER = (*FILTERS, "sort", "page")

DECADES = range(FIRST_FILM_YEAR // 10 * 10, LAST_PLAUSIBLE_YEAR + 1, 10)


def decade_label(decade):
    return f"{decade}s"


def tidy_query(query_dict):
    """
    The (name, value) pairs of the address `query_dict` stands for: the index's
    parameters in `QUERY_ORDER`, one value each (the last, as the page reads
    it), without empty ones.
    """
    pairs = ((name, query_dict.get(name, "").strip()) for name in QUERY_ORDER)
    return [(name, value) for name, value in pairs if value]


def address_of(pairs):
    """The query string of an index address (with its "?"), empty for the whole index."""
    return f"?{urlencode(pairs)}" if pairs else ""


def query_pairs(query_dict):
    """The (name, value) pairs of `query_dict` as its address spells them."""
    return [(name, value) for name in query_dict for value in query_dict.getlist(name)]


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class FilmFilterForm(forms.Form):
    def clean_country(self):
        # Only a country some published film has: any other string would be a page of its own in the page cache.
        country = self.cleaned_data.get("country")
        if country and not Film.objects.published().filter(country=country).exists():
            raise forms.ValidationError("No published film has this country.")
        return country

    def clean(self):
        cleaned_data = super().clean()
        self.notes = []
        start, end = cleaned_data.get("year_from"), cleaned_data.get("year_to")
        if start is not None and end is not None and start > end:
            cleaned_data["year_from"], cleaned_data["year_to"] = end, start
            self.notes.append(f"The years were the wrong way round: showing films from {end} to {start}.")
        return cleaned_data


# Why a value was ignored, by filter; the reader's value is `{value}`.
IGNORED = {
    "decade": "“{value}” is not a decade we know (a decade looks like 1930); films of every decade are shown.",
    "year_from": f"“{{value}}” is not a year between {FIRST_FILM_YEAR} and {LAST_PLAUSIBLE_YEAR}; "
    "it is left out of the year range.",
    "year_to": f"“{{value}}” is not a year between {FIRST_FILM_YEAR} and {LAST_PLAUSIBLE_YEAR}; "
    "it is left out of the year range.",
    "country": "“{value}” is not a country of any film in the catalogue; films of every country are shown.",
    "studio": "There is no studio “{value}” in the catalogue; films of every studio are shown.",
    "theme": "No film in the catalogue has the theme “{value}”; films of every theme are shown.",
}


def _published_film_themes():
    # Built per request: "published" is decided by the clock when the query runs.
    carried = TaggedFilm.objects.filter(published_q("content_object__"), tag=OuterRef("pk"))
    return Tag.objects.exclude(slug="").filter(Exists(carried)).only("name", "slug")


class FilmFilter(django_filters.FilterSet):
    decade = django_filters.TypedChoiceFilter(
        choices=[(str(decade), decade_label(decade)) for decade in DECADES], coerce=int, method="in_decade"
    )
    year_from = YearFilter(
        field_name="year", lookup_expr="gte", min_value=FIRST_FILM_YEAR, max_value=LAST_PLAUSIBLE_YEAR
    )
    year_to = YearFilter(field_name="year", lookup_expr="lte", min_value=FIRST_FILM_YEAR, max_value=LAST_PLAUSIBLE_YEAR)
    country = django_filters.CharFilter(field_name="country", max_length=Film._meta.get_field("country").max_length)
    studio = django_filters.ModelChoiceFilter(
        queryset=Studio.objects.only("name", "slug"), to_field_name="slug", field_name="studios"
    )
    # Only a theme some published film carries: a draft's tags are not named to readers. Tags with an
    # unusable slug (punctuation only, from before names were checked) cannot be chosen.
    theme = django_filters.ModelChoiceFilter(
        queryset=lambda request: _published_film_themes(), to_field_name="slug", field_name="tags"
    )

    class Meta:
        form = FilmFilterForm

    def in_decade(self, queryset, name, value):
        return queryset.in_decade(value)


@dataclass(frozen=True)
class Choice:
    value: str  # as the address carries it
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str  # the query parameter
    label: str
    any_label: str  # the choice that leaves this filter off
    choices: list
    selected: str = ""


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_address: str  # the same filters and sort without this one


class FilmBrowser:
    """
    The film index narrowed by the filters in `query` (a QueryDict): the films
    (`films()`), the choices with their counts (`facets()`), the filters in use
    (`active`) and what was ignored or corrected (`notes`).
    """

    first_year, last_year = FIRST_FILM_YEAR, LAST_PLAUSIBLE_YEAR

    def __init__(self, query):
        self.query = query
        self.filterset = FilmFilter(query, queryset=Film.objects.published())
        form = self.filterset.form
        form.is_valid()
        self.valid = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
        self.ignored = [name for name in FILTERS if name in form.errors]
        self.notes = [IGNORED[name].format(value=query.get(name, "").strip()) for name in self.ignored]
        self.notes += form.notes

    def films(self, leaving_out=None):
        """Published films that pass every valid filter but `leaving_out`, unordered."""
        films = Film.objects.published()
        for name, value in self.valid.items():
            if name != leaving_out:
                films = self.filterset.filters[name].filter(films, value)
        return films.order_by()

    @property
    def is_filtered(self):
        return bool(self.valid)

    @property
    def active(self):
        # As the page reads them: corrected (a reversed year range), without what was ignored.
        kept = [(name, _address_value(name, value)) for name, value in self.valid.items()]
        sort = [("sort", self.query["sort"])] if self.query.get("sort") else []
        return [
            ActiveFilter(self._describe(name, value), address_of([pair for pair in kept if pair[0] != name] + sort))
            for name, value in self.valid.items()
        ]

    @property
    def summary(self):
        """The filters in use, in words: "1930s, Lenfilm Studio"."""
        return ", ".join(active.label for active in self.active)

    def _describe(self, name, value):
        return {
            "year_from": lambda: f"from {value}",
            "year_to": lambda: f"up to {value}",
            "theme": lambda: f"theme: {value.name}",
        }.get(name, lambda: _choice_label(name, value))()

    def facets(self):
        choices = self.counted() if self.is_filtered else kept_choices()
        return [
            self._facet("decade", "Decade", "Any decade", choices["decade"]),
            self._facet("country", "Country", "Any country", choices["country"]),
            self._facet("studio", "Studio", "Any studio", choices["studio"]),
            self._facet("theme", "Theme", "Any theme", choices["theme"]),
        ]

    def counted(self):
        """{filter: [Choice]}, counted now: one grouped query per kind of choice."""
        return {
            "decade": self._decades(),
            "country": self._countries(),
            "studio": self._studios(),
            "theme": self._themes(),
        }

    def _facet(self, name, label, any_label, choices):
        selected = self.valid.get(name)
        if selected is None:
            return Facet(name, label, any_label, choices)
        value = _address_value(name, selected)
        if value not in {choice.value for choice in choices}:
            # Chosen, but no film passes the other filters too: still shown, with its 0.
            choices = [*choices, Choice(value, _choice_label(name, selected), 0)]
        return Facet(name, label, any_label, choices, selected=value)

    def _decades(self):
        decade = ExpressionWrapper(F("year") / 10 * 10, output_field=IntegerField())
        rows = self.films("decade").annotate(decade=decade).values("decade").annotate(count=Count("pk"))
        return [
            Choice(str(row["decade"]), decade_label(row["decade"]), row["count"]) for row in rows.order_by("decade")
        ]

    def _countries(self):
        rows = self.films("country").exclude(country="").values("country").annotate(count=Count("pk"))
        return _by_label(Choice(row["country"], row["country"], row["count"]) for row in rows)

    def _studios(self):
        rows = (
            FilmStudio.objects.filter(film__in=self.films("studio").values("pk"))
            .values("studio__slug", "studio__name")
            .annotate(count=Count("film"))
            .order_by()
        )
        return _by_label(Choice(row["studio__slug"], row["studio__name"], row["count"]) for row in rows)

    def _themes(self):
        rows = (
            TaggedFilm.objects.filter(content_object__in=self.films("theme").values("pk"))
            .exclude(tag__slug="")
            .values("tag__slug", "tag__name")
            .annotate(count=Count("content_object"))
            .order_by()
        )
        return _by_label(Choice(row["tag__slug"], row["tag__name"], row["count"]) for row in rows)


def recount_published_films(using=DEFAULT_DB_ALIAS, unless_they_hold=False):
    """
    Count the unfiltered index's choices and keep them (PublishedFilmCount),
    in place of what was kept. Two recounts at once take turns on one locked
    row and count only once they hold it, so the later one counts what the
    earlier one did and more, and writes last. `unless_they_hold`: a reader
    found the counts out of date; another may have recounted meanwhile.
    """
    with transaction.atomic(using=using):
        counting = PublishedFilmCounting.objects.using(using).locked()
        if unless_they_hold and counting.holds:
            return
        # Asked first: a film going live while the rest is counted leaves the counts already out of date.
        counting.true_until = next_scheduled_time()
        counting.counted_at = timezone.now()
        choices = FilmBrowser(QueryDict()).counted()
        PublishedFilmCount.objects.using(using).replace_with(
            {kind: [(choice.value, choice.label, choice.count) for choice in rows] for kind, rows in choices.items()}
        )
        counting.save()


def kept_choices():
    """
    {filter: [Choice]} of the unfiltered index, as kept. Counted afresh if they
    are not (yet) kept or a scheduled film has gone live since; counted
    without keeping them inside a transaction that changed films and has not
    committed (what is kept does not count its changes).
    """
    if counts_pending():
        return FilmBrowser(QueryDict()).counted()
    _make_sure_counts_hold()
    kept = PublishedFilmCount.objects.by_kind()
    choices = {kind: [Choice(value, label, count) for value, label, count in rows] for kind, rows in kept.items()}
    choices["decade"].sort(key=lambda choice: int(choice.value))
    for kind in ("country", "studio", "theme"):
        choices[kind] = _by_label(choices[kind])
    return choices


def kept_film_count(kind, value, counting_now):
    """
    For annotations: how many published films the choice `value` (an
    OuterRef) of `kind` has, as kept (0 for none), or `counting_now` (the
    same number counted as the query runs) inside a transaction whose changes
    are not counted yet.
    """
    if counts_pending():
        return counting_now
    _make_sure_counts_hold()
    kept = PublishedFilmCount.objects.filter(kind=kind, value=value).values("count")
    return Coalesce(Subquery(kept, output_field=IntegerField()), Value(0))


def _make_sure_counts_hold():
    counting = PublishedFilmCounting.objects.current()
    if counting is None or not counting.holds:
        recount_published_films(unless_they_hold=True)


def _address_value(name, value):
    """How an address spells a filter's cleaned value."""
    return value.slug if name in ("studio", "theme") else str(value)


def _choice_label(name, value):
    """What a choice is called: `value` is a filter's cleaned value (a decade, a country, a studio, a tag)."""
    if name == "decade":
        return decade_label(value)
    return value if name == "country" else value.name


def _by_label(choices):
    # In Python: SQLite orders Cyrillic by code point, whatever its case.
    return sorted(choices, key=lambda choice: (choice.label.casefold(), choice.value))
