from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.tallies import content_models


def has_content():
    return any(model._default_manager.exists() for model in content_models())


class Command(BaseCommand):
    help = (
        "Load the seed fixtures into a database without content. Content already there is left "
        "alone, so editors' changes survive a restart; --force reloads the seed (natural keys "
        "make that an update in place, never a duplicate)."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="+", help="Fixture files, loaded together: all or nothing.")
        parser.add_argument("--force", action="store_true", help="Load even if there is content already.")

    def handle(self, *args, fixtures, force, verbosity, **options):
        if has_content() and not force:
            self.stdout.write(
                "The catalogue already has content: seed not reloaded, editors' changes kept. "
                "`make seed` reloads the seed content."
            )
            return
        # The same checks as any import: the seed is content like any other. Partial:
        # a reload puts back the seed's wording of what the seed names and keeps
        # the fields it does not name (those added since it was written).
        call_command("import_fixtures", *fixtures, partial=True, verbosity=verbosity)
