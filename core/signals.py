"""
Any committed change to what readers see retires the cached pages.

Imports and generated catalogues write rows in bulk, without a save signal
per row; they call `announce_bulk_write` instead, which retires the pages
once and, after the commit, sends `content_imported` naming every row written,
for whatever else follows saves (a search index).
"""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from .page_cache import invalidate_pages

# Sent after the commit with `rows` ({model: [primary keys created or updated]}) and `using`.
content_imported = Signal()


def _invalidate_on_content_change(sender, **kwargs):
    if sender._meta.app_label in settings.CONTENT_APPS:
        invalidate_pages()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_invalidate_on_content_change, dispatch_uid=f"kinozavod-pages-{signal!r}")


def announce_bulk_write(writer, rows, using=DEFAULT_DB_ALIAS):
    """`writer` (a name, e.g. "import_fixtures") wrote `rows` in bulk: once it commits, say so, once."""
    rows = {model: list(pks) for model, pks in rows.items() if pks}
    if not rows:
        return
    invalidate_pages()
    transaction.on_commit(lambda: content_imported.send(sender=writer, rows=rows, using=using), using=using)
