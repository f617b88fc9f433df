"""
Any committed change to what readers see retires the cached pages, and the
kept page data built from the rows it changed (core/data_cache.py).

Imports and generated catalogues write rows in bulk, without a save signal
per row; they call `announce_bulk_write` instead, which retires the pages
once and, after the commit, sends `content_imported` naming every row written,
for whatever else follows saves (a search index).
"""

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import Signal
from django.utils import timezone

from . import data_cache, tallies
from .page_cache import invalidate_pages, retire_pages_on_commit

# Sent after the commit with `rows` ({model: [primary keys created or updated]}) and `using`.
content_imported = Signal()


def _invalidate_on_content_change(sender, **kwargs):
    if tallies.is_content(sender):
        if not kwargs.get("action", "").startswith("pre_"):  # in autocommit, a recount before the change is wasted
            # Registered before the pages' retirement, so it runs before it too.
            tallies.recount_on_commit(sender, kwargs.get("using") or DEFAULT_DB_ALIAS)
        retire_pages_on_commit()


def _stamp_loaded_rows(sender, instance, raw=False, **kwargs):
    """
    A row loaded from a fixture that predates one of its model's save times
    (an older export's people have no `updated_at`) is stamped with the load
    time instead of being refused: the database requires one.
    """
    if not raw:
        return
    for field in sender._meta.concrete_fields:
        if (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)) and getattr(
            instance, field.attname
        ) is None:
            setattr(instance, field.attname, timezone.now())


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_invalidate_on_content_change, dispatch_uid=f"kinozavod-pages-{signal!r}")
    pre_save.connect(_stamp_loaded_rows, dispatch_uid="kinozavod-stamp-loaded-rows")
    # Kept page data is retired row by row (the rule is in core/data_cache.py).
    pre_save.connect(data_cache.remember_publish_time, dispatch_uid="kinozavod-data-publish-time")
    post_save.connect(data_cache.stamp_saved, dispatch_uid="kinozavod-data-saved")
    post_delete.connect(data_cache.stamp_deleted, dispatch_uid="kinozavod-data-deleted")
    m2m_changed.connect(data_cache.stamp_m2m, dispatch_uid="kinozavod-data-m2m")


def announce_bulk_write(writer, rows, using=DEFAULT_DB_ALIAS):
    """`writer` (a name, e.g. "import_fixtures") wrote `rows` in bulk: once it commits, say so, once."""
    rows = {model: list(pks) for model, pks in rows.items() if pks}
    if not rows:
        return
    invalidate_pages()
    transaction.on_commit(lambda: content_imported.send(sender=writer, rows=rows, using=using), using=using)
