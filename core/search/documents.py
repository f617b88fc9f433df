from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """
    One row of the search index: what search matches and shows for one row of
    a registered source (a film, a trivia item…). Whether readers may see it is
    asked of the source at query time, never stored here.
    """

    source = models.CharField(max_length=100, help_text="The indexed model, e.g. “catalogue.film”.")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=30, db_index=True)
    title = models.CharField(max_length=500)
    subtitle = models.CharField(max_length=500, blank=True)
    url = models.CharField(max_length=500)
    # The texts by weight, as written: excerpts are cut from them.
    text_a = models.TextField(blank=True)
    text_b = models.TextField(blank=True)
    text_c = models.TextField(blank=True)
    text_d = models.TextField(blank=True)
    # SQLite: " a:шахтер c:miner … ", each weight and stem once (core.search.engines), matched through the
    # FTS5 table that triggers keep in step (migration 0004). SQLite alters a table by rewriting it, which
    # drops its triggers: a migration altering this model must create them again.
    stems = models.TextField(blank=True)
    # PostgreSQL: the weighted vector in the russian and english configurations (GIN index in the migration).
    vector = SearchVectorField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "object_id"], name="search_document_once_per_row")]

    def __str__(self):
        return f"{self.kind}: {self.title}"

    def get_absolute_url(self):
        return self.url
