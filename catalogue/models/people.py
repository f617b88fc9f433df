from django.db import models
from django.db.models import Q

from core.addresses import address
from core.natural_keys import NaturalKeyModel
from core.ordering import OrderedItem

from .base import FilmItem, SameFilmMixin
from .films import Film


class Person(NaturalKeyModel):
    name = models.CharField(max_length=200)
    original_name = models.CharField(
        max_length=200, blank=True, help_text="In the original script, e.g. «Сергей Юткевич»."
    )
    slug = models.SlugField(max_length=200, unique=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    death_year = models.PositiveSmallIntegerField(null=True, blank=True)
    biography = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    natural_key_fields = ("slug",)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | Q(death_year__isnull=True)
                | Q(death_year__gte=models.F("birth_year")),
                name="person_died_after_birth",
                violation_error_message="The year of death cannot be before the year of birth.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("catalogue:person_detail", self.slug)

    @property
    def life_span(self):
        if self.birth_year and self.death_year:
            return f"{self.birth_year}–{self.death_year}"
        if self.birth_year:
            return f"born {self.birth_year}"
        return ""


class Character(FilmItem, OrderedItem):
    """A character of a film's story, whether or not we know who played them."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="characters")
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=500, blank=True)

    natural_key_fields = ("film__slug", "name")
    page_anchor = "cast-and-crew"

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(fields=["film", "name"], name="character_once_per_film"),
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    # Listed in the order the film page shows them.
    DIRECTOR = "director", "Director"
    SCREENWRITER = "screenwriter", "Screenwriter"
    CINEMATOGRAPHER = "cinematographer", "Cinematographer"
    COMPOSER = "composer", "Composer"
    PRODUCTION_DESIGNER = "production_designer", "Production designer"
    EDITOR = "editor", "Editor"
    SOUND = "sound", "Sound"
    PRODUCER = "producer", "Producer"
    ACTOR = "actor", "Actor"


ROLE_ORDER = {role: index for index, role in enumerate(Role.values)}


class Credit(SameFilmMixin, FilmItem, OrderedItem):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=24, choices=Role.choices, db_index=True)
    character = models.ForeignKey(
        Character,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credits",
        help_text="For actors: one of this film's characters (add it under Characters first).",
    )
    note = models.CharField(max_length=200, blank=True, help_text="e.g. “uncredited”, “co-director”.")

    # A credit without a character leaves the last part of its key empty.
    natural_key_fields = ("film__slug", "person__slug", "role", "character__name")
    same_film_fields = ("character",)
    page_anchor = "cast-and-crew"

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role"],
                condition=Q(character__isnull=True),
                name="credit_once_per_person_and_role",
                violation_error_message="This person already has this role on this film.",
            ),
            models.UniqueConstraint(
                fields=["film", "person", "role", "character"],
                condition=Q(character__isnull=False),
                name="credit_once_per_person_role_and_character",
                violation_error_message="This person is already credited for this character.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values),
                name="credit_role_valid",
            ),
            models.CheckConstraint(
                condition=Q(character__isnull=True) | Q(role="actor"),
                name="credit_character_only_for_actors",
                violation_error_message="Only an actor's credit names a character.",
            ),
        ]

    def __str__(self):
        credit = f"{self.person} — {self.get_role_display()}"
        return f"{credit} ({self.character})" if self.character_id else credit

    @property
    def role_rank(self):
        return ROLE_ORDER.get(self.role, len(ROLE_ORDER))
