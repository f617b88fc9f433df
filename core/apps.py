from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every content app stands on: page cache, ordering, tags, natural keys, set-up commands."""

    name = "core"
    verbose_name = "Kinozavod core"

    def ready(self):
        from . import checks, locking, search, sessions, signals  # noqa: F401 - checks register themselves

        signals.connect()
        sessions.connect()
        locking.connect()
        search.connect()
