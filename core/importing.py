"""
Importing whole catalogues from fixture files: content only, all or nothing,
nothing lost, and fast enough for 10,000 films.

`loaddata` accepts rows of any model (a "catalogue" could create a superuser),
saves rows as they come without the validation an editor's form gets, blanks
every field a row leaves out, lets a second row with the same key silently
win, reports trouble as raw errors, and saves row by row with every save's
signals (a page-cache retirement each). Here:

- every file is read first; one that cannot be read gets one line saying why;
- only rows of the content apps (settings.CONTENT_APPS) are accepted; any
  other model is refused by name before anything is written; numbers the
  site keeps about its content (a `dumpdata` file carries them) are left out:
  they are recounted once the import commits;
- a row for an item that exists must carry every field, unless the import is
  `partial`: then only the fields a row names change;
- two rows for the same item (same natural key) are refused, naming both;
- tag names follow the one tag rule (core.tagging);
- every row written is checked with `full_clean()`, the database's own
  constraints stand behind that, and any problem rolls the whole import back;
- the pages are retired once, and `content_imported` names every row written
  once the import commits (`core.signals.announce_bulk_write`).

How rows are written, model by model in an order where every row's references
come first, is `core.bulk_import`. A dry run does all of it, then rolls back.
"""

import tempfile
from dataclasses import dataclass, field
from functools import partial as partial_call
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction

from .bulk_import import BulkImport, fields_a_row_must_name
from .bundles import read_bundle
from .fixture_files import Unreadable, read_fixture
from .signals import announce_bulk_write
from .tallies import is_content

__all__ = ["ImportRefused", "ImportResult", "content_model", "fields_a_row_must_name", "import_fixtures"]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    # {model verbose name plural: [created, updated, unchanged, refused]}, in the order they were imported
    by_model: dict = field(default_factory=dict)

    def count(self, model, outcome, number=1):
        counts = self.by_model.setdefault(str(model._meta.verbose_name_plural), [0, 0, 0, 0])
        counts[("created", "updated", "unchanged", "refused").index(outcome)] += number
        setattr(self, outcome, getattr(self, outcome) + number)

    def __str__(self):
        summary = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return f"{summary}, {self.refused} refused" if self.refused else summary


class ImportRefused(Exception):
    """Nothing was imported; `problems` says why, one line per problem; `result` what the rest would have done."""

    def __init__(self, problems, result=None):
        self.problems = problems
        self.result = result or ImportResult()
        super().__init__("\n".join(problems))


class _DryRun(Exception):
    pass


def import_fixtures(*paths, partial=False, dry_run=False, using=DEFAULT_DB_ALIAS, progress=None):
    """
    Import fixture files (and bundles: zip archives of a fixture and its
    pictures, core.bundles) together and return an ImportResult; raise
    ImportRefused, with nothing written, if anything is wrong. With `partial`,
    rows for existing items change only the fields they name. A `dry_run`
    checks everything and reports what would happen, writing nothing.
    `progress(rows, total)` is called as rows are done.
    """
    with tempfile.TemporaryDirectory(prefix="kinozavod-bundle-") as folder:
        fixture_paths, bundles, problems = [], [], []
        for path in paths:
            if str(path).lower().endswith(".zip"):
                bundle = read_bundle(path, tempfile.mkdtemp(dir=folder))
                bundles.append(bundle)
                problems += bundle.problems
                fixture_paths += bundle.fixtures
            else:
                fixture_paths.append(str(path))
        fixtures = []
        for path in fixture_paths:
            try:
                fixtures.append(_without_derived_rows(read_fixture(path)))
            except Unreadable as unreadable:
                problems.append(str(unreadable))
        problems += [problem for fixture in fixtures for problem in _refused_models(fixture)]
        if problems:
            raise ImportRefused(_as_named(problems, bundles))
        for fixture in fixtures:
            fixture.path = _as_named([fixture.path], bundles)[0]

    result = ImportResult()
    importer = BulkImport(fixtures, partial=partial, using=using, result=result, progress=progress)
    try:
        with transaction.atomic(using=using):
            importer.run()
            if importer.problems or dry_run:
                raise _DryRun
            announce_bulk_write("import_fixtures", importer.written, using=using)
            for bundle in bundles:
                # Files only once the rows naming them are committed: a failed import leaves none behind.
                transaction.on_commit(partial_call(bundle.write_pictures, importer.written), using=using)
    except _DryRun:
        pass
    if importer.problems:
        raise ImportRefused(importer.problems, result)
    return result


def _as_named(problems, bundles):
    """Problems naming a bundle's fixture by the archive (`films.zip: catalogue.json row 3`), not a temporary path."""
    for bundle in bundles:
        for fixture in bundle.fixtures:
            problems = [problem.replace(fixture, f"{bundle.path}: {Path(fixture).name}") for problem in problems]
    return problems


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def content_model(label):
    """The model `label` names if it is content that may be imported, else None."""
    model = _model(label)
    return model if model is not None and is_content(model) else None


def _without_derived_rows(fixture):
    derived = [getattr(_model(row.model_label), "derived_from_content", False) for row in fixture.rows]
    if any(derived):
        kept = [item for item, skip in zip(fixture.items(), derived, strict=True) if not skip]
        fixture.rows, fixture.data = [row for row, _ in kept], [data for _, data in kept]
    return fixture


def _refused_models(fixture):
    """One line per model in `fixture` that is not content (users, groups, sessions, the admin log…)."""
    refused = {}
    for row in fixture.rows:
        if content_model(row.model_label) is None:
            refused.setdefault(row.model_label, []).append(row.number)
    content = ", ".join(settings.CONTENT_APPS)
    return [
        f"{fixture.path}: {len(numbers)} “{label}” row(s) refused (rows {', '.join(map(str, numbers))}): "
        f"{'not a model' if _unknown(label) else 'not content'}; only {content} rows can be imported."
        for label, numbers in refused.items()
    ]


def _unknown(label):
    try:
        apps.get_model(label)
    except (LookupError, ValueError):
        return True
    return False
