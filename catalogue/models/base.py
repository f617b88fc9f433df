from django.db import models


class SlugManager(models.Manager):
    """Models whose public address is their slug are identified by it in fixtures too."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class FilmItemManager(models.Manager):
    def get_by_natural_key(self, film_slug, *identity):
        lookups = dict(zip(self.model.identity_fields, identity, strict=True))
        return self.get(film__slug=film_slug, **lookups)


class FilmItem(models.Model):
    """
    Something shown on one film's page. Within its film it is identified by
    `identity_fields` (its text, its name…), which is also what makes loading
    the same fixture twice update rows instead of duplicating them.
    """

    identity_fields = ()

    objects = FilmItemManager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return f"{self.film.get_absolute_url()}#{self.page_anchor}"

    def natural_key(self):
        return self.film.natural_key() + tuple(getattr(self, f) for f in self.identity_fields)

    natural_key.dependencies = ["catalogue.film"]
