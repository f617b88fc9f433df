"""
Keeping the index up to date. A save or delete of an indexed row, or of a row
that an entry is made of (an alternative title, a tag…), notes what to
re-index; after the commit, everything a transaction noted is re-indexed once
from the database as it then is. Bulk writers announce their rows with
`core.signals.content_imported`, which re-indexes them the same way.
"""

from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from . import registry
from .documents import SearchDocument
from .engines import FTS_TABLE, stem_column, vector

BATCH = 500
WRITTEN_FIELDS = ["kind", "title", "subtitle", "url", "text_a", "text_b", "text_c", "text_d", "stems"]


def _document(source, row):
    entry = source.entry(row)
    if entry is None:
        return None
    return SearchDocument(
        source=source.label,
        object_id=row.pk,
        kind=source.kind,
        title=entry.title[:500],
        subtitle=entry.subtitle[:500],
        url=entry.url[:500],
        text_a=entry.a,
        text_b=entry.b,
        text_c=entry.c,
        text_d=entry.d,
        stems=stem_column(entry),
    )


def reindex(source, pks, using=DEFAULT_DB_ALIAS):
    """Bring the entries of `source`'s rows `pks` up to date: written, rewritten, or removed with their row."""
    pks = sorted(set(pks))
    documents = SearchDocument.objects.using(using)
    for start in range(0, len(pks), BATCH):
        batch = pks[start : start + BATCH]
        rows = source.queryset().using(using).filter(pk__in=batch)
        written = [document for document in map(lambda row: _document(source, row), rows) if document is not None]
        with transaction.atomic(using=using):
            documents.bulk_create(
                written,
                update_conflicts=True,
                unique_fields=["source", "object_id"],
                update_fields=[*WRITTEN_FIELDS, "indexed_at"],
            )
            kept = {document.object_id for document in written}
            documents.filter(source=source.label, object_id__in=[pk for pk in batch if pk not in kept]).delete()
            if connections[using].vendor == "postgresql":
                documents.filter(source=source.label, object_id__in=kept).update(vector=vector())


def _rebuild_fts_index(using):
    """
    SQLite: the FTS index read afresh from the index table. Triggers keep it in
    step with every write, but a file restored or mended by hand may not be,
    and then a trigger's delete of a row the FTS index does not hold as written
    fails: so first, before the rows are rewritten.
    """
    connection = connections[using]
    # Absent when `migrate` stops below core's 0004: its filling of an empty index comes here too.
    if connection.vendor == "sqlite" and FTS_TABLE in connection.introspection.table_names():
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")


def rebuild(using=DEFAULT_DB_ALIAS):
    """Index every row of every source and forget what belongs to none. Returns {source label: rows indexed}."""
    _rebuild_fts_index(using)
    counts = {}
    for source in registry.sources():
        pks = list(source.model._default_manager.using(using).values_list("pk", flat=True))
        SearchDocument.objects.using(using).filter(source=source.label).exclude(object_id__in=pks).delete()
        reindex(source, pks, using)
        counts[source.label] = len(pks)
    labels = [source.label for source in registry.sources()]
    SearchDocument.objects.using(using).exclude(source__in=labels).delete()
    return counts


class Pending:
    """What one transaction changed, re-indexed once it commits."""

    def __init__(self, using):
        self.using = using
        self.rows = defaultdict(set)  # source label -> its primary keys
        self.related = defaultdict(set)  # (source label, model) -> that model's primary keys
        self.done = False

    def note(self, model, pk, instance=None):
        for source in registry.sources():
            if model is source.model:
                self.rows[source.label].add(pk)
            follow = source.follows.get(model)
            if follow is None:
                continue
            if isinstance(follow, str) and instance is not None:
                # Read from the row itself: after a delete it is no longer there to ask.
                value = getattr(instance, follow, None)
                if value is not None:
                    self.rows[source.label].add(value)
            else:
                self.related[(source.label, model)].add(pk)

    def run(self):
        self.done = True
        for (label, model), pks in self.related.items():
            follow = registry.source(label).follows[model]
            if isinstance(follow, str):
                found = model._base_manager.using(self.using).filter(pk__in=pks).values_list(follow, flat=True)
            else:
                found = follow(pks)
            self.rows[label].update(pk for pk in found if pk is not None)
        for label, pks in self.rows.items():
            reindex(registry.source(label), pks, self.using)


def _pending(using):
    """The current transaction's Pending, or a new one (scheduled by the caller once filled)."""
    connection = connections[using]
    if connection.in_atomic_block:
        for _savepoints, callback, _robust in connection.run_on_commit:
            pending = getattr(callback, "__self__", None)
            if isinstance(pending, Pending) and not pending.done:
                return pending, False
    return Pending(using), True


def _watched(model):
    return any(model is source.model or model in source.follows for source in registry.sources())


def note_change(model, pk, instance=None, using=DEFAULT_DB_ALIAS):
    pending, new = _pending(using)
    pending.note(model, pk, instance)
    if new:
        # Robust: the change itself is committed whatever happens here; `rebuild_search_index` mends the index.
        transaction.on_commit(pending.run, using=using, robust=True)


def _on_row_change(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    if _watched(sender):
        note_change(sender, instance.pk, instance, using)


def _on_import(sender, rows, using=DEFAULT_DB_ALIAS, **kwargs):
    pending = Pending(using)
    for model, pks in rows.items():
        for pk in pks:
            pending.note(model, pk)
    pending.run()


def _fill_an_empty_index(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """After `migrate`: a catalogue that has content but no index yet (a new release, a copied database) gets one."""
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    models = [SearchDocument, *(source.model for source in registry.sources())]
    if any(model._meta.db_table not in tables for model in models):
        return
    if SearchDocument.objects.using(using).exists():
        return
    if not any(source.model._default_manager.using(using).exists() for source in registry.sources()):
        return
    counts = rebuild(using)
    if verbosity:
        print(f"Search index built: {sum(counts.values())} rows indexed.")


def connect():
    from django.apps import apps

    from ..signals import content_imported

    post_save.connect(_on_row_change, dispatch_uid="kinozavod-search-save")
    post_delete.connect(_on_row_change, dispatch_uid="kinozavod-search-delete")
    content_imported.connect(_on_import, dispatch_uid="kinozavod-search-import")
    post_migrate.connect(_fill_an_empty_index, sender=apps.get_app_config("core"), dispatch_uid="kinozavod-search-fill")
