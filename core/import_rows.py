"""
The rows of an import, one at a time: what identifies them (natural keys as
text, padded as NaturalKeyManager pads them), the order their models go in,
which of their fields count, and what `full_clean()` says about them, as the
lines an import lists. `core.bulk_import` does the reading and writing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .locking import LockedForEditing

CHUNK = 500  # values in one `IN (…)`: well under SQLite's 999 parameters


def fields_a_row_must_name(model):
    """What an export (`dumpdata`) writes for `model`: every field but the id and ordered links."""
    return {field.name for field in model._meta.local_fields if field.serialize} | {
        field.name
        for field in model._meta.local_many_to_many
        if field.serialize and field.remote_field.through._meta.auto_created
    }


@dataclass(eq=False)
class Entry:
    place: str  # file and row, for messages
    row: object  # fixture_files.Row
    data: dict
    obj: object = None
    existing: object = None


class Index:
    """The rows of one model that the import knows about: by normalised natural key and by primary key."""

    def __init__(self, model):
        self.model = model
        self.by_key, self.by_pk = {}, {}
        self.refused_keys, self.refused_pks = set(), set()
        self.asked_keys, self.asked_pks = set(), set()

    def add(self, obj):
        self.by_pk[obj.pk] = obj
        if hasattr(obj, "natural_key"):
            self.by_key[normalised_key(self.model, obj.natural_key())] = obj

    def refuse(self, entry):
        key = natural_key_of(entry.obj) if entry.obj is not None else declared_key(self.model, entry.data)
        if key is not None:
            self.refused_keys.add(normalised_key(self.model, key))
        if "pk" in entry.data:
            self.refused_pks.add(str(entry.data["pk"]))


def normalised_key(model, key):
    """A natural key as text, padded as NaturalKeyManager pads it: `["x", 1]` and `("x", "1", None)` match."""
    key = list(key)
    key += [None] * (len(getattr(model, "natural_key_fields", ())) - len(key))
    return tuple(None if part is None else str(part) for part in key)


def in_dependency_order(models):
    """`models`, each after the models its rows name (in the order given otherwise)."""
    waiting = list(models)
    needs = {
        model: {
            field.related_model
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model in waiting and field.related_model is not model
        }
        for model in waiting
    }
    ordered = []
    while waiting:
        ready = next((model for model in waiting if needs[model] <= set(ordered)), waiting[0])
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def chunks(values, size=CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def reference_fields(model):
    return [field for field in model._meta.concrete_fields if field.is_relation]


def natural_key_of(obj):
    if not hasattr(obj, "natural_key"):
        return None
    try:
        return tuple(obj.natural_key())
    except (AttributeError, ValueError):
        return None


def declared_key(model, data):
    """The natural key a row declares for itself, read from its fields (for a row that could not be built)."""
    parts = []
    fields = data.get("fields", {})
    for lookup in getattr(model, "natural_key_fields", ()):
        name, _, rest = lookup.partition("__")
        value = fields.get(name.removesuffix("_id"))
        if rest and isinstance(value, list | tuple):
            related = model._meta.get_field(name).related_model
            lookups = list(getattr(related, "natural_key_fields", ()))
            value = value[lookups.index(rest)] if rest in lookups and lookups.index(rest) < len(value) else None
        parts.append(value)
    return tuple(parts) if parts else None


def is_stamped(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def is_version_field(model, field):
    return field.name == "version" and issubclass(model, LockedForEditing)


def problems_with(row, everything=False):
    """
    What `full_clean()` says about `row`, one line per message. References
    were resolved by the import (checking them would cost a query per row);
    unique and check constraints are left to the database unless `everything`.
    """
    references = reference_fields(type(row))
    messages = [
        (field.name, "This field cannot be null.")
        for field in references
        if getattr(row, field.attname) is None and not field.null
    ]
    try:
        row.full_clean(
            exclude=[field.name for field in references],
            validate_unique=everything,
            validate_constraints=everything,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            messages += [(field, message) for field, found in error.message_dict.items() for message in found]
        else:
            messages += [("__all__", message) for message in error.messages]
    if not messages:
        return []
    label = f"{row._meta.verbose_name} “{row}”"
    return [f"{label}: {message}" if name == "__all__" else f"{label}: {name}: {message}" for name, message in messages]


def first_line(error):
    # Database errors append SQL details on later lines; the first one says what went wrong.
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
