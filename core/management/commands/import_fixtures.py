from django.core.management.base import BaseCommand, CommandError

from core.importing import ImportRefused, import_fixtures


class Command(BaseCommand):
    help = (
        "Import fixture files (e.g. a whole catalogue exported with `dumpdata --natural-foreign "
        "--natural-primary`): all files or nothing, every row validated as an editor's form would."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="+", help="Fixture files, imported together.")

    def handle(self, *args, fixtures, **options):
        try:
            count = import_fixtures(*fixtures)
        except ImportRefused as refused:
            problems = "\n".join(f"  - {problem}" for problem in refused.problems)
            raise CommandError(f"Nothing was imported:\n{problems}") from refused
        self.stdout.write(self.style.SUCCESS(f"Imported {count} rows from {len(fixtures)} file(s)."))
