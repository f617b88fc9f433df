import posixpath
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.pictures import renditions
from core.pictures.models import Picture


def walk(storage, directory):
    """Every file under `directory` of `storage`, by its storage name."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(directory, name)
    for name in folders:
        yield from walk(storage, posixpath.join(directory, name))


def named_pictures():
    """The stored names of every picture a row names."""
    names = set()
    for model in apps.get_models():
        if issubclass(model, Picture):
            names.update(model._default_manager.exclude(image="").values_list("image", flat=True))
    return names


class Command(BaseCommand):
    help = (
        "Delete picture files that no row names, and the renditions of pictures that are gone. A save that "
        "stored its upload and then rolled back (a failed inline, a lost database connection) leaves such a "
        "file: Django has no hook on rollback. Files younger than --min-age are kept: an upload may be in flight."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age", type=int, default=60, help="Minutes a file must be old to go (60).")
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be deleted.")

    def handle(self, *args, min_age, dry_run, **options):
        storage = default_storage
        kept = named_pictures()
        kept_folders = {renditions.folder(name) for name in kept}
        cutoff = timezone.now() - timedelta(minutes=min_age)
        doomed = [
            name for name in walk(storage, "pictures") if name not in kept and storage.get_modified_time(name) < cutoff
        ]
        doomed += [
            name
            for name in walk(storage, settings.IMAGEKIT_CACHEFILE_DIR)
            if posixpath.dirname(name) not in kept_folders and storage.get_modified_time(name) < cutoff
        ]
        for name in doomed:
            self.stdout.write(f"{'Would delete' if dry_run else 'Deleted'} {name}")
            if not dry_run:
                storage.delete(name)
        self.stdout.write(f"{len(doomed)} file(s) no picture names {'found' if dry_run else 'deleted'}.")
