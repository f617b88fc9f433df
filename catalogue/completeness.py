"""
How complete a film's page is, so editors see what to work on next: which of
the page's sections are empty, how many of its claims are unverified or
disputed, and which characters have no actor credited. The same measures
annotate the admin's film list (one query, whatever its length) and fill the
panel on the film's form.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import Award, Character, Credit, Influence, Quote, Recommendation, Role, Scene, TaggedFilm, Trivia

# The film page's sections, in page order: text fields, then rows (model, the key naming the film).
SECTIONS = [
    ("Plot", "plot"),
    ("Cast & crew", (Credit, "film")),
    ("About the production", "production_notes"),
    ("Historical background", "historical_background"),
    ("Why this film matters", "why_it_matters"),
    ("Making of", "making_of"),
    ("Visual style", "visual_style"),
    ("Innovations", "innovations"),
    ("Music", "music"),
    ("Famous quotes", (Quote, "film")),
    ("Memorable scenes", (Scene, "film")),
    ("Did you know?", (Trivia, "film")),
    ("What critics said", "critics"),
    ("What audiences thought", "audiences"),
    ("Awards", (Award, "film")),
    ("Film connections", (Influence, ("influenced", "influencer"))),
    ("You might also like", (Recommendation, "film")),
    ("Film restoration", "restoration"),
    ("Themes & topics", (TaggedFilm, "content_object")),
]
SECTION_COUNT = len(SECTIONS)
CLAIMS = [(Trivia, "film"), (Award, "film"), (Influence, "influenced")]
OPEN_STATUSES = ["unverified", "disputed"]


def _filled(source):
    if isinstance(source, str):
        return ~Q(**{source: ""})
    model, keys = source
    keys = keys if isinstance(keys, tuple) else (keys,)
    condition = Q()
    for key in keys:
        condition |= Exists(model.objects.filter(**{key: OuterRef("pk")}))
    return condition


def _count(queryset, key):
    """How many rows of `queryset` (filtered on `key` = the outer film) there are, as a subquery."""
    counted = queryset.order_by().values(key).annotate(number=Count("pk")).values("number")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _claims(status):
    total = Value(0)
    for model, key in CLAIMS:
        total = total + _count(model.objects.filter(**{key: OuterRef("pk")}, verification=status), key)
    return total


def _uncast(characters):
    return characters.exclude(Exists(Credit.objects.filter(character=OuterRef("pk"), role=Role.ACTOR)))


def _uncast_characters():
    return _count(_uncast(Character.objects.filter(film=OuterRef("pk"))), "film")


def with_completeness(films):
    """Annotate films with `sections_filled`, `unverified_claims`, `disputed_claims` and `uncast_characters`."""
    filled = Value(0)
    for _label, source in SECTIONS:
        filled = filled + Case(When(_filled(source), then=Value(1)), default=Value(0), output_field=IntegerField())
    return films.annotate(
        sections_filled=filled,
        unverified_claims=_claims("unverified"),
        disputed_claims=_claims("disputed"),
        uncast_characters=_uncast_characters(),
    )


@dataclass
class Completeness:
    empty_sections: list
    unverified_claims: int
    disputed_claims: int
    uncast_characters: list

    @property
    def sections_filled(self):
        return SECTION_COUNT - len(self.empty_sections)


def completeness(film):
    """The panel's facts for one film: two queries."""
    flags = {
        f"section_{index}": Case(
            When(_filled(source), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
        for index, (_label, source) in enumerate(SECTIONS)
    }
    row = (
        with_completeness(type(film).objects.filter(pk=film.pk))
        .annotate(**flags)
        .values(*flags, "unverified_claims", "disputed_claims")
        .get()
    )
    return Completeness(
        empty_sections=[label for index, (label, _source) in enumerate(SECTIONS) if not row[f"section_{index}"]],
        unverified_claims=row["unverified_claims"],
        disputed_claims=row["disputed_claims"],
        uncast_characters=list(_uncast(Character.objects.filter(film=film)).values_list("name", flat=True)),
    )
