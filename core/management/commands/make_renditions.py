from django.apps import apps
from django.core.management.base import BaseCommand

from core.pictures import renditions
from core.pictures.models import Picture


class Command(BaseCommand):
    help = (
        "Make every picture's missing renditions and delete the ones no longer used. Pages name renditions "
        "without checking that they exist: run this after restoring the media folder or changing a Shape."
    )

    def handle(self, *args, **options):
        made = pictures = 0
        for model in apps.get_models():
            if not issubclass(model, Picture):
                continue
            for picture in model._default_manager.iterator():
                made += renditions.make_renditions(picture)
                renditions.prune_renditions(picture)
                pictures += 1
        self.stdout.write(f"{pictures} pictures, {made} renditions made.")
