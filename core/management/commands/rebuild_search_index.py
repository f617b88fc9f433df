from django.core.management.base import BaseCommand

from core.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Index everything search can find, from scratch. Saves, deletes and imports keep the index up to date "
        "by themselves; this mends it after rows were written behind Django's back (raw SQL, a restored backup)."
    )

    def handle(self, *args, verbosity, **options):
        counts = rebuild()
        if verbosity:
            self.stdout.write(f"Search index rebuilt: {sum(counts.values())} rows indexed.")
