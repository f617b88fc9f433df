"""
Search: what readers type in the header's box, and the admin's search fields.

- `folding`: case and ё/е folded alike on both databases (the admin's search).
- `registry`: what is indexed, as the apps above core register it.
- `documents`, `indexing`: the one index table and how it stays up to date.
- `engines`, `query`: matching and ranking on PostgreSQL and SQLite.
"""

from .folding import SQLITE_FOLD, Folded, fold, folded_contains

__all__ = ["SQLITE_FOLD", "Folded", "connect", "fold", "folded_contains"]


def connect():
    from . import folding, indexing

    folding.connect()
    indexing.connect()
