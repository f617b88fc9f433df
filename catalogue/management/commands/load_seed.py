from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalogue.models import Film


class Command(BaseCommand):
    help = (
        "Load the seed fixtures into a database whose catalogue is empty. A catalogue with "
        "films is left alone, so editors' changes survive a restart; --force reloads the seed "
        "(natural keys make that an update in place, never a duplicate)."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="+", help="Fixture files, loaded together: all or nothing.")
        parser.add_argument("--force", action="store_true", help="Load even if the catalogue has films.")

    def handle(self, *args, fixtures, force, verbosity, **options):
        if Film.objects.exists() and not force:
            self.stdout.write(
                "The catalogue already has films: seed not reloaded, editors' changes kept. "
                "`make seed` reloads the seed content."
            )
            return
        # The same checks as any import: the seed is content like any other.
        call_command("import_fixtures", *fixtures, verbosity=verbosity)
