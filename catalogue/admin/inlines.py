"""
The rows of a film's page, edited on the film. Ordered lists can be dragged
into order (django-admin-sortable2); short rows are tabular, long texts stacked.
"""

from adminsortable2.admin import SortableStackedInline, SortableTabularInline
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models

from core.formsets import CheckedInlineFormSet, DensePositionsFormSet
from core.locking import OnlyChangesForm
from core.pictures.admin import PictureInlineMixin, SinglePictureInline

from ..models import (
    AlternativeTitle,
    Award,
    Character,
    Credit,
    ExternalLink,
    FilmingLocation,
    FilmStudio,
    Influence,
    KeyTheme,
    Poster,
    Quote,
    Recommendation,
    Scene,
    Still,
    Trivia,
)
from .forms import CreditFormSet, FarEndFormSet, FilmStudioFormSet, QuoteFormSet

# Quotes and scenes are a sentence or two: a short box keeps their rows compact.
SHORT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 70})}}
# A sentence in one line: wide enough to read it whole.
WIDE_LINE = {models.CharField: {"widget": forms.TextInput(attrs={"class": "vLargeTextField"})}}


class QuietRowsMixin:
    """Inline rows without clutter: a long page of them must stay readable."""

    extra = 0  # "Add another" adds rows; empty ones would only lengthen the page
    form = OnlyChangesForm  # a row saves only what this editor changed in it (core.locking)
    view_on_site = False  # a row is part of the page the record links to at its top

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            # Beside a row, editing or deleting the person or film it names
            # would be a surprise; adding one the catalogue lacks is not.
            widget.can_change_related = widget.can_delete_related = widget.can_view_related = False
        return formfield


class OrderedTabularInline(QuietRowsMixin, SortableTabularInline):
    formset = DensePositionsFormSet


class OrderedStackedInline(QuietRowsMixin, SortableStackedInline):
    formset = DensePositionsFormSet


class FilmStudioInline(OrderedTabularInline):
    """The studios credited with the film, in the order its credits name them."""

    classes = ["tab-identity"]
    model = FilmStudio
    formset = FilmStudioFormSet
    fields = ["studio"]
    autocomplete_fields = ["studio"]


class KeyThemeInline(OrderedTabularInline):
    classes = ["tab-identity"]
    model = KeyTheme
    fields = ["text"]
    formfield_overrides = WIDE_LINE
    verbose_name_plural = "key themes (under the tagline)"


class PosterInline(SinglePictureInline):
    model = Poster
    classes = ["tab-pictures"]


class StillInline(PictureInlineMixin, OrderedStackedInline):
    """The film page's gallery, in the order given here: drag a still by its handle to move it."""

    model = Still
    classes = ["tab-pictures"]
    fields = [*PictureInlineMixin.fields, "caption"]
    verbose_name_plural = "stills (gallery)"


class CharacterInline(OrderedTabularInline):
    classes = ["tab-people"]
    model = Character
    fields = ["name", "description"]
    formfield_overrides = WIDE_LINE


class CreditInline(OrderedTabularInline):
    classes = ["tab-people"]
    model = Credit
    formset = CreditFormSet
    fields = ["person", "role", "character", "note"]
    autocomplete_fields = ["person"]
    verbose_name_plural = "cast & crew"


class AlternativeTitleInline(QuietRowsMixin, admin.TabularInline):
    classes = ["tab-identity"]
    model = AlternativeTitle
    formset = CheckedInlineFormSet
    fields = ["title", "note"]


class FilmingLocationInline(OrderedTabularInline):
    classes = ["tab-identity"]
    model = FilmingLocation
    fields = ["name"]
    verbose_name_plural = "filmed in"


class QuoteInline(OrderedTabularInline):
    classes = ["tab-items"]
    model = Quote
    formset = QuoteFormSet
    fields = ["text", "character"]
    formfield_overrides = SHORT_TEXT
    verbose_name_plural = "famous quotes"


class SceneInline(OrderedTabularInline):
    classes = ["tab-items"]
    model = Scene
    fields = ["description"]
    formfield_overrides = SHORT_TEXT


class TriviaInline(OrderedStackedInline):
    classes = ["tab-items"]
    model = Trivia
    # Every field the verification rules speak of is on the form, so a broken
    # rule shows beside its field.
    fields = ["text", ("source", "verification"), "editor_note"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 90})}}
    verbose_name_plural = "did you know? (trivia)"


class AwardInline(OrderedStackedInline):
    classes = ["tab-items"]
    model = Award
    fields = [("name", "category"), ("year", "outcome", "recipient"), "note", ("source", "verification"), "editor_note"]
    autocomplete_fields = ["recipient"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 90})}}


# An influence note is a claim: its source and status sit beside it.
INFLUENCE_FIELDS = [("note", "source"), ("verification", "editor_note")]
CLAIM_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}}


class InfluencedByInline(OrderedStackedInline):
    """The films that influenced this one: this film's list, in its order."""

    classes = ["tab-connections"]
    model = Influence
    fk_name = "influenced"
    fields = ["influencer", *INFLUENCE_FIELDS]
    formfield_overrides = CLAIM_TEXT
    autocomplete_fields = ["influencer"]
    verbose_name = "influence on this film"
    verbose_name_plural = "influenced by"


class InfluencedFilmsInline(QuietRowsMixin, admin.StackedInline):
    """
    The films this one influenced. Each row is the same record as the other
    film's "Influenced by" row and is ordered there, so it has no handle here.
    """

    classes = ["tab-connections"]
    model = Influence
    fk_name = "influencer"
    formset = FarEndFormSet
    fields = ["influenced", *INFLUENCE_FIELDS]
    formfield_overrides = CLAIM_TEXT
    autocomplete_fields = ["influenced"]
    verbose_name = "film this film influenced"
    verbose_name_plural = "this film influenced"


class RecommendationInline(OrderedTabularInline):
    classes = ["tab-connections"]
    model = Recommendation
    fk_name = "film"
    fields = ["recommended", "note"]
    autocomplete_fields = ["recommended"]
    verbose_name = "recommended film"
    verbose_name_plural = "you might also like"


class ExternalLinkInline(OrderedTabularInline):
    classes = ["tab-identity"]
    model = ExternalLink
    fields = ["site", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    verbose_name_plural = "also available on (external links)"


# The production studios first, next to the film's facts above them; then in
# the order of the public film page.
FILM_INLINES = [
    FilmStudioInline,
    KeyThemeInline,
    PosterInline,
    StillInline,
    CharacterInline,
    CreditInline,
    AlternativeTitleInline,
    FilmingLocationInline,
    QuoteInline,
    SceneInline,
    TriviaInline,
    AwardInline,
    InfluencedByInline,
    InfluencedFilmsInline,
    RecommendationInline,
    ExternalLinkInline,
]
