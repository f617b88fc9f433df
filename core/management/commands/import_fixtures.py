import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from core.importing import ImportRefused, import_fixtures


class Command(BaseCommand):
    help = (
        "Import content from fixture files (e.g. a catalogue written by `export_fixtures`): all files or "
        "nothing, content apps only, every row validated as an editor's form would validate it. A row for an "
        "existing item must carry every field unless --partial. --dry-run says what would happen and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "fixtures", nargs="+", help="Fixture files (.json, .jsonl, .xml, .yaml), imported together."
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Rows for existing items change only the fields they name; the rest is kept.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check everything and report what would be created, updated, unchanged and refused; write nothing.",
        )

    def handle(self, *args, fixtures, partial, dry_run, verbosity, **options):
        started = time.perf_counter()
        with _progress_bar(verbosity) as progress:
            try:
                result = import_fixtures(*fixtures, partial=partial, dry_run=dry_run, progress=progress)
            except ImportRefused as refused:
                problems = "\n".join(f"  - {problem}" for problem in refused.problems)
                checked = f"\nThe rest, checked: {refused.result}." if refused.result.refused else ""
                raise CommandError(f"Nothing was imported:\n{problems}{checked}") from refused
        if dry_run:
            self.stdout.write(f"Dry run, nothing written: {len(fixtures)} file(s) would import: {result}, 0 refused.")
            for label, (created, updated, unchanged, _) in result.by_model.items():
                self.stdout.write(f"  {label}: {created} created, {updated} updated, {unchanged} unchanged")
            return
        seconds = f" in {time.perf_counter() - started:.1f} s" if verbosity > 1 else ""
        self.stdout.write(self.style.SUCCESS(f"Imported {len(fixtures)} file(s){seconds}: {result}."))


class _progress_bar:
    """A progress bar on a terminal (tqdm, on stderr); nothing when output goes to a file or a pipe."""

    def __init__(self, verbosity):
        self.bar = None
        self.enabled = verbosity > 0 and sys.stderr.isatty()

    def __enter__(self):
        return self.advance if self.enabled else None

    def advance(self, rows, total):
        if self.bar is None:
            self.bar = tqdm(total=total, unit=" rows", file=sys.stderr, leave=False)
        self.bar.update(rows)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
