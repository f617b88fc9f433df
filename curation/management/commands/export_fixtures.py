import sys

from django.core.management.base import BaseCommand, CommandError

from curation.exporting import NotFound, chosen, export, export_bundle


class Command(BaseCommand):
    help = (
        "Export the catalogue as natural-key fixtures that import_fixtures reads into any database: everything, "
        "or the chosen films, lists and themes with every row their pages need."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="The file to write (default: standard output).")
        parser.add_argument(
            "--bundle", metavar="FILE.zip", help="Write one zip archive: the fixture and the picture files it names."
        )
        parser.add_argument("--film", action="append", default=[], metavar="SLUG", help="A film (repeatable).")
        parser.add_argument("--list", action="append", default=[], metavar="SLUG", help="A curated list (repeatable).")
        parser.add_argument("--tag", action="append", default=[], metavar="NAME", help="A theme's tag (repeatable).")

    def handle(self, *args, output, bundle, film, list, tag, verbosity, **options):
        try:
            chosen(films=film, lists=list, tags=tag)  # says what does not exist before a file is made
            if bundle:
                rows, pictures = export_bundle(bundle, films=film, lists=list, tags=tag)
                if verbosity:
                    self.stderr.write(f"Exported {rows} rows and {pictures} picture files to {bundle}.")
                return
            if output:
                with open(output, "w", encoding="utf-8") as stream:
                    rows = export(stream, films=film, lists=list, tags=tag)
            else:
                rows = export(sys.stdout, films=film, lists=list, tags=tag)
        except NotFound as missing:
            raise CommandError(f"Nothing was exported: {missing}") from missing
        if output and verbosity:
            self.stderr.write(f"Exported {rows} rows to {output}.")
