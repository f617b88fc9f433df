"""
How many published films each decade, country, studio and theme has, as the
film index's unfiltered choices show them, kept in the database so that no
reader counts the whole catalogue (catalogue/browsing.py recounts them after
each commit that could change them, through core.tallies).

Numbers derived from content, not content: never exported or imported, and
writing them retires no page (`derived_from_content`).
"""

from django.db import models
from django.utils import timezone

LOCK_ROW = 1


class Kind(models.TextChoices):
    DECADE = "decade", "Decade"
    COUNTRY = "country", "Country"
    STUDIO = "studio", "Studio"
    THEME = "theme", "Theme"


class PublishedFilmCountQuerySet(models.QuerySet):
    def by_kind(self):
        """{kind: [(value, label, count)]} of every kept row."""
        kept = {kind: [] for kind in Kind.values}
        for value, kind, label, count in self.values_list("value", "kind", "label", "count"):
            kept[kind].append((value, label, count))
        return kept

    def replace_with(self, counts):
        """Make `counts` ({kind: [(value, label, count)]}) the only rows."""
        # Raw: a delete through the ORM would fetch every row to send signals nobody needs for them.
        self.all()._raw_delete(self.db)
        self.bulk_create(
            PublishedFilmCount(kind=kind, value=value, label=label, count=count)
            for kind, rows in counts.items()
            for value, label, count in rows
        )


class PublishedFilmCount(models.Model):
    derived_from_content = True

    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=255, help_text="As the film index's address spells it: 1930, a slug…")
    label = models.CharField(max_length=255)
    count = models.PositiveIntegerField()

    objects = PublishedFilmCountQuerySet.as_manager()

    class Meta:
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="one_published_film_count_per_choice")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.label}: {self.count} published films"


class PublishedFilmCountingQuerySet(models.QuerySet):
    def locked(self):
        """The one row, locked until the transaction ends: recounts take their turns."""
        self.get_or_create(pk=LOCK_ROW)
        return self.select_for_update().get(pk=LOCK_ROW)

    def current(self):
        """The one row, or None if nothing was ever counted here."""
        return self.filter(pk=LOCK_ROW).first()


class PublishedFilmCounting(models.Model):
    """When the published film counts were made and until when they hold (the next scheduled film's time)."""

    derived_from_content = True

    counted_at = models.DateTimeField(null=True, blank=True)
    true_until = models.DateTimeField(null=True, blank=True, help_text="Empty: until something changes.")

    objects = PublishedFilmCountingQuerySet.as_manager()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"Published films counted at {self.counted_at}"

    @property
    def holds(self):
        return self.counted_at is not None and (self.true_until is None or timezone.now() < self.true_until)
