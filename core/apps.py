from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every content app stands on: page cache, ordering, tags, natural keys, pictures, set-up commands."""

    name = "core"
    verbose_name = "Kinozavod core"

    def ready(self):
        from django.db.models.signals import post_delete

        from . import checks, locking, search, sessions, signals  # noqa: F401 - checks register themselves
        from .pictures.models import delete_files_after_commit

        signals.connect()
        sessions.connect()
        locking.connect()
        search.connect()
        post_delete.connect(delete_files_after_commit, dispatch_uid="kinozavod-picture-files")
