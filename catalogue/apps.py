from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogue"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate
        from taggit.models import Tag

        from core.tallies import keep_counted

        from .browsing import recount_published_films
        from .models import Film, FilmStudio, Studio, TaggedFilm
        from .revisions import register
        from .search import register_search

        register()
        register_search()
        keep_counted(recount_published_films, models=(Film, FilmStudio, Studio, TaggedFilm, Tag))
        post_migrate.connect(recount_after_migrate, sender=self, dispatch_uid="kinozavod-film-counts-migrate")


def recount_after_migrate(app_config, using, **kwargs):
    """
    A migration (or `flush`) may have changed films without a signal; a
    database migrated back to before the counts has nowhere to keep them.
    """
    from django.db import connections

    from .browsing import recount_published_films
    from .models import PublishedFilmCount, PublishedFilmCounting

    tables = set(connections[using].introspection.table_names())
    if {PublishedFilmCount._meta.db_table, PublishedFilmCounting._meta.db_table} <= tables:
        recount_published_films(using)
