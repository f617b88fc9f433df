"""
Numbers kept about the whole catalogue (how many published films each decade,
studio, theme… has), so that no reader counts thousands of rows: the writer
brings them up to date once its change commits, once per transaction however
many rows it wrote.

Apps register what they keep (`keep_counted`) with the content models it is
counted from; `core.signals` and `invalidate_pages()` call `recount_on_commit`
for every content change and bulk write. The recount is the first thing done
after the commit, before the pages are retired, so a reader never renders a
page with the new rows and the old counts and keeps it.

Rows computed from content (`derived_from_content = True` on the model) are
not content themselves: writing them retires nothing, and they are never
exported, imported or counted as the catalogue's rows.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction


@dataclass(frozen=True)
class _Tally:
    recount: object  # callable(using), idempotent
    models: frozenset  # the content models it is counted from


_tallies = []


def keep_counted(recount, models):
    """Call `recount(using)` after every commit that changed a row of `models` (or wrote in bulk)."""
    _tallies.append(_Tally(recount, frozenset(models)))


def is_content(model):
    """Editors' rows (settings.CONTENT_APPS), not the numbers the site keeps about them."""
    return model._meta.app_label in settings.CONTENT_APPS and not getattr(model, "derived_from_content", False)


def content_models(include_auto_created=False):
    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=include_auto_created)
        if is_content(model)
    ]


@dataclass(eq=False)
class _Recount:
    """What one transaction changed, recounted once it commits."""

    using: str
    changed: set = field(default_factory=set)  # content models; None: anything (a bulk write)
    done: bool = False

    def note(self, model):
        if self.changed is not None:
            if model is None:
                self.changed = None
            else:
                self.changed.add(model._meta.concrete_model)

    def due(self):
        return [tally for tally in _tallies if self.changed is None or tally.models & self.changed]

    def __call__(self):
        self.done = True
        for tally in self.due():
            tally.recount(self.using)


def recount_on_commit(model=None, using=DEFAULT_DB_ALIAS):
    """A row of `model` (None: anything, in bulk) changed: recount what depends on it once this transaction commits."""
    if not _tallies or (model is not None and not is_content(model)):
        return
    connection = connections[using]
    pending = _pending(connection)
    if pending is None:
        pending = _Recount(using)
        pending.note(model)
        # Rolling a savepoint back makes a new list of callbacks, without those registered inside it.
        connection._kinozavod_recount = (pending, connection.run_on_commit)
        # Robust: the commit stands and the pages must still be retired if counting fails.
        transaction.on_commit(pending, using=using, robust=True)  # outside a transaction: at once
    else:
        pending.note(model)


def _pending(connection):
    marker = connection.__dict__.get("_kinozavod_recount")
    if marker is None or not connection.in_atomic_block:
        return None
    pending, registered_in = marker
    return None if pending.done or registered_in is not connection.run_on_commit else pending


def counts_pending(using=DEFAULT_DB_ALIAS):
    """
    Whether this transaction changed rows that the kept numbers do not count
    yet (they are recounted when it commits): a reader inside it (a view that
    writes, then reads; a test) counts for itself.
    """
    connection = connections[using]
    if not connection.in_atomic_block:
        return False
    return any(isinstance(func, _Recount) and not func.done and func.due() for _, func, _ in connection.run_on_commit)
