"""The itemised sections of a film page: trivia, quotes, scenes and awards."""

from django.db import models
from django.db.models import Q

from core.ordering import OrderedItem

from .base import FilmItem, SameFilmMixin
from .claims import SourcedClaim, verification_constraint
from .films import Film
from .people import Character, Person


class Trivia(FilmItem, OrderedItem, SourcedClaim):
    """A "Did you know?" item."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="trivia")
    text = models.TextField(max_length=1000)

    natural_key_fields = ("film__slug", "text")
    page_anchor = "did-you-know"
    claim_film = "film"

    class Meta(OrderedItem.Meta):
        verbose_name = "trivia item"
        verbose_name_plural = "trivia"
        constraints = [
            models.UniqueConstraint(fields=["film", "text"], name="trivia_once_per_film"),
            verification_constraint("trivia"),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"


class Quote(SameFilmMixin, FilmItem, OrderedItem):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField(max_length=1000)
    character = models.ForeignKey(
        Character,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="Who says it, if known.",
    )

    natural_key_fields = ("film__slug", "text")
    same_film_fields = ("character",)
    page_anchor = "famous-quotes"

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(fields=["film", "text"], name="quote_once_per_film"),
        ]

    def __str__(self):
        return self.text


class Scene(FilmItem, OrderedItem):
    """A memorable scene."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="scenes")
    description = models.TextField(max_length=1000)

    natural_key_fields = ("film__slug", "description")
    page_anchor = "memorable-scenes"

    class Meta(OrderedItem.Meta):
        verbose_name = "memorable scene"
        constraints = [
            models.UniqueConstraint(fields=["film", "description"], name="scene_once_per_film"),
        ]

    def __str__(self):
        return self.description if len(self.description) <= 80 else f"{self.description[:79]}…"


class Outcome(models.TextChoices):
    WON = "won", "Won"
    NOMINATED = "nominated", "Nominated"


class Award(FilmItem, OrderedItem, SourcedClaim):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="awards")
    name = models.CharField(max_length=200, help_text="The prize or honour, e.g. “Stalin Prize”.")
    category = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.WON)
    recipient = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        help_text="Leave empty when the film itself was honoured.",
    )
    note = models.CharField(max_length=300, blank=True)

    natural_key_fields = ("film__slug", "name", "category")
    page_anchor = "awards"
    claim_film = "film"

    class Meta(OrderedItem.Meta):
        verbose_name = "award or nomination"
        verbose_name_plural = "awards and nominations"
        constraints = [
            models.UniqueConstraint(fields=["film", "name", "category"], name="award_once_per_film_and_category"),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="award_outcome_valid"),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1888, year__lte=2100),
                name="award_year_in_cinema_history",
                violation_error_message="The year must be between 1888 and 2100.",
            ),
            verification_constraint("award"),
        ]

    def __str__(self):
        label = f"{self.name} — {self.category}" if self.category else self.name
        return f"{label} ({self.get_outcome_display().lower()})"
