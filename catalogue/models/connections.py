"""
Links between films. Each link is stored once and read from both ends: an
Influence of Chapaev on The Miners shows as "influenced by Chapaev" on one
page and "influenced The Miners" on the other, with the same note.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from core.natural_keys import NaturalKeyModel
from core.ordering import OrderedItem

from .claims import SourcedClaim, verification_constraint
from .films import Film


class FilmPair(NaturalKeyModel, OrderedItem):
    """Two films linked, ordered in the list of the `ordered_within` one."""

    pair_fields = ()

    class Meta(OrderedItem.Meta):
        abstract = True

    def clean(self):
        super().clean()
        first, second = (getattr(self, f"{name}_id") for name in self.pair_fields)
        if first and first == second:
            raise ValidationError("A film cannot be linked to itself.")


class Influence(FilmPair, SourcedClaim):
    influencer = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="influences")
    influenced = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="influenced_by")
    note = models.CharField(max_length=300, blank=True, help_text="How, e.g. “Eisenstein's montage techniques”.")

    pair_fields = ("influencer", "influenced")
    claim_film = "influenced"  # the film whose "Influenced by" list states the claim
    locked_parents = ("influencer", "influenced")  # edited on both films' forms
    natural_key_fields = ("influencer__slug", "influenced__slug")
    ordered_within = "influenced"  # the influenced film's "Influenced by" list

    class Meta(FilmPair.Meta):
        constraints = [
            models.UniqueConstraint(fields=["influencer", "influenced"], name="influence_once_per_pair"),
            models.CheckConstraint(condition=~Q(influencer=F("influenced")), name="influence_not_on_itself"),
            verification_constraint("influence"),
        ]

    def __str__(self):
        return f"{self.influencer} influenced {self.influenced}"

    def get_absolute_url(self):
        return f"{self.influenced.get_absolute_url()}#film-connections"


class Recommendation(FilmPair):
    """A "You might also like" pick, shown on both films' pages."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="recommendations")
    recommended = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="recommended_from")
    note = models.CharField(max_length=300, blank=True)

    pair_fields = ("film", "recommended")
    locked_parents = ("film",)
    natural_key_fields = ("film__slug", "recommended__slug")
    ordered_within = "film"

    class Meta(FilmPair.Meta):
        constraints = [
            models.UniqueConstraint(fields=["film", "recommended"], name="recommendation_once_per_pair"),
            models.CheckConstraint(condition=~Q(film=F("recommended")), name="recommendation_not_of_itself"),
        ]

    def __str__(self):
        return f"{self.film} → {self.recommended}"

    def get_absolute_url(self):
        return f"{self.film.get_absolute_url()}#you-might-also-like"
