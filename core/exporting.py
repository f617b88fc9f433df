"""
Writing content out as natural-key fixtures that `import_fixtures` (and
`loaddata`) read into any database: slugs and names instead of ids, models in
an order where every row comes after the rows it names.

What to write is a selection, {model: queryset}, chosen by the apps that know
what a page needs (curation.exporting). Each row's references are written as
the natural keys of the rows they name; those keys are read once per model
(just the fields the keys use), never one query per row.
"""

import datetime

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone

from .bulk_import import in_dependency_order
from .pictures.models import Picture


def write_fixture(selection, stream, pictures=None):
    """
    Write the rows of `selection` ({model: queryset}) to `stream` as JSON; add
    the file names of every picture written to `pictures` (a set) if given.
    Returns the number of rows written.
    """
    written = [0]

    def rows():
        holders = {}
        for model in in_dependency_order(list(selection)):
            references = [field for field in model._meta.concrete_fields if field.is_relation]
            for field in references:
                if field.related_model not in holders:
                    holders[field.related_model] = _key_holders(field.related_model, selection.get(field.related_model))
            for obj in selection[model].order_by("pk").iterator(chunk_size=2000):
                for field in references:
                    holder = holders[field.related_model].get(getattr(obj, field.attname))
                    if holder is not None:
                        field.set_cached_value(obj, holder)
                if pictures is not None and isinstance(obj, Picture) and obj.image:
                    pictures.add(obj.image.name)
                written[0] += 1
                yield obj

    serializers.serialize(
        "json",
        rows(),
        stream=stream,
        indent=1,
        cls=ExactEncoder,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    return written[0]


def fixture_download(selection, name):
    """A response that downloads the rows of `selection` as a fixture file (the admin's "export selected")."""
    response = HttpResponse(content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kinozavod-{name}-{timezone.now():%Y-%m-%d}.json"'
    write_fixture(selection, response)
    return response


class ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond (Django's encoder keeps milliseconds): an export loses nothing."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _key_holders(model, queryset):
    """{pk: the row with just the fields its natural key reads}, for the rows of `model` being written (or all)."""
    if not hasattr(model, "natural_key"):
        return {}
    rows = model._base_manager.all() if queryset is None else model._base_manager.filter(pk__in=queryset.values("pk"))
    lookups = list(getattr(model, "natural_key_fields", ()))
    if lookups:
        relations = {lookup.rsplit("__", 1)[0] for lookup in lookups if "__" in lookup}
        rows = rows.select_related(*relations).only(*lookups)
    return {row.pk: row for row in rows.iterator(chunk_size=5000)}
