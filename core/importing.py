"""
Importing whole catalogues from fixture files: all or nothing, and only what
the models accept.

`loaddata` saves rows as they come, without the validation an editor's form
gets (on SQLite a 300-character title lands in a 200-character field), and it
reports trouble as raw database errors. Here the files load in one
transaction; every row written is then checked with `full_clean()`, and any
problem rolls the whole import back and is reported row by row.
"""

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save


class ImportRefused(Exception):
    """Nothing was imported; `problems` says why, one line per problem."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def import_fixtures(*paths):
    """Load fixture files together; return how many rows were written."""
    written = []

    def remember(sender, instance, raw, **kwargs):
        if raw:  # a row written by loaddata, not by a signal handler or model code
            written.append(instance)

    with transaction.atomic():
        post_save.connect(remember, weak=False, dispatch_uid="core-import-fixtures")
        try:
            call_command("loaddata", *paths, verbosity=0)
        except (CommandError, DeserializationError, DatabaseError) as error:
            raise ImportRefused([_first_line(error)]) from error
        finally:
            post_save.disconnect(dispatch_uid="core-import-fixtures")
        problems = [problem for row in written for problem in _problems_with(row)]
        if problems:
            raise ImportRefused(problems)
    return len(written)


def _problems_with(row):
    try:
        row.full_clean()
    except ValidationError as error:
        label = f"{row._meta.verbose_name} “{row}”"
        if hasattr(error, "error_dict"):
            return [
                f"{label}: {field}: {message}" if field != "__all__" else f"{label}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
        return [f"{label}: {message}" for message in error.messages]
    return []


def _first_line(error):
    # Database errors append SQL details on later lines; the first one says what went wrong.
    return str(error).strip().splitlines()[0]
