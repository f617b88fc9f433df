from django.core.management.base import BaseCommand, CommandError

from core.importing import ImportRefused, import_fixtures


class Command(BaseCommand):
    help = (
        "Import content from fixture files (e.g. a catalogue exported with `dumpdata --natural-foreign "
        "--natural-primary`): all files or nothing, content apps only, every row validated as an editor's "
        "form would validate it. A row for an existing item must carry every field unless --partial."
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

    def handle(self, *args, fixtures, partial, **options):
        try:
            result = import_fixtures(*fixtures, partial=partial)
        except ImportRefused as refused:
            problems = "\n".join(f"  - {problem}" for problem in refused.problems)
            raise CommandError(f"Nothing was imported:\n{problems}") from refused
        self.stdout.write(self.style.SUCCESS(f"Imported {len(fixtures)} file(s): {result}."))
