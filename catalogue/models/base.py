from django.core.exceptions import ValidationError

from core.natural_keys import NaturalKeyModel


class FilmItem(NaturalKeyModel):
    """
    Something shown on one film's page. Its natural key is its film's slug
    and what identifies it within the film (its text, its name…), which is
    also what makes loading the same fixture twice update rows instead of
    duplicating them.
    """

    ordered_within = "film"  # for the ordered ones: each film has its own list
    locked_parents = ("film",)  # a change to the item is a change to its film (core.locking)

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return f"{self.film.get_absolute_url()}#{self.page_anchor}"

    @property
    def item_anchor(self):
        """The id of the item itself on its film's page, for links to one fact, quote or scene."""
        return f"{self._meta.model_name}-{self.pk}"


class SameFilmMixin:
    """
    Rows that belong to a film and point at another item of a film (a credit's
    character, a quote's speaker, a list entry's featured fact): that item
    must be one of the same film's.
    """

    same_film_fields = ()

    def clean(self):
        super().clean()
        errors = {}
        for name in self.same_film_fields:
            item = getattr(self, name)
            if item is not None and self.film_id and item.film_id != self.film_id:
                label = self._meta.get_field(name).verbose_name
                errors[name] = f"That {label} belongs to another film."
        if errors:
            raise ValidationError(errors)
