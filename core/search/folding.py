"""
Search that folds case in every script and treats ё as е, on both databases.
SQLite's LIKE folds ASCII only, so «шахт» would not find «Шахтёры»; SQLite
gets a small SQL function doing Python's casefold, PostgreSQL its own LOWER.
"""

from django.db.backends.signals import connection_created
from django.db.models import CharField, Func
from django.db.models.lookups import Contains

SQLITE_FOLD = "kz_fold"


def fold(text):
    """The form both sides of a search are compared in: «Шахтёры» → «шахтеры»."""
    return None if text is None else str(text).casefold().replace("ё", "е")


class Folded(Func):
    output_field = CharField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            function="TRANSLATE",
            template="%(function)s(LOWER(%(expressions)s), 'ё', 'е')",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function=SQLITE_FOLD, **extra)


def folded_contains(field_path, term):
    """A filter condition: the field at `field_path` contains `term`, folded."""
    return Contains(Folded(field_path), fold(term))


def _add_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FOLD, 1, fold, deterministic=True)


def connect():
    connection_created.connect(_add_sqlite_function, dispatch_uid="kinozavod-sqlite-fold")
