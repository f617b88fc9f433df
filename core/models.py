from django.db import models

from .search.documents import SearchDocument

__all__ = ["ChangeStamp", "SearchDocument"]


class ChangeStamp(models.Model):
    """When a row (or a whole model) readers see last changed: retires kept page data (`core.data_cache`)."""

    name = models.CharField(max_length=255, primary_key=True)  # "catalogue.film:3", "catalogue.film", "*"
    changed_at = models.FloatField()  # seconds since the epoch, as time.time() gives them

    def __str__(self):
        return self.name
