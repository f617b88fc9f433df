from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "curation"
    verbose_name = "Curation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .film_pages import add_lists_section
        from .revisions import register
        from .search import register_search

        add_lists_section()
        register()
        register_search()
