"""
Every row of the content apps travels in fixtures by natural key: slugs, names
and texts instead of database ids, so a catalogue loads into any database and
loading it twice updates rows instead of duplicating them.

A model lists the lookups that identify it in `natural_key_fields`; a lookup
may cross relations (`film__slug`). One manager and one `natural_key()` serve
them all.
"""

from django.db import models


class NaturalKeyManager(models.Manager):
    def get_by_natural_key(self, *key):
        fields = self.model.natural_key_fields
        if len(key) > len(fields):
            raise self.model.DoesNotExist(f"{self.model.__name__} has no natural key {key!r}.")
        # Keys written before an optional last part existed (a credit without
        # a character) leave it out: missing parts mean "none".
        key = (*key, *[None] * (len(fields) - len(key)))
        return self.get(**dict(zip(fields, key, strict=True)))


def follow(obj, lookup):
    """The value `lookup` ("film__slug") names on `obj`; None past an empty relation."""
    for name in lookup.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


class NaturalKeyModel(models.Model):
    natural_key_fields = ()

    objects = NaturalKeyManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return tuple(follow(self, lookup) for lookup in self.natural_key_fields)
