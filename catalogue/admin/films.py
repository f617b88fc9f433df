from adminsortable2.admin import SortableAdminBase
from django.contrib import admin
from django.db.models import Count

from core.admin_editing import EditorialAdmin, LockingAdminMixin
from core.admin_publishing import PublishingAdminMixin, StateFilter

from ..models import Film
from .filters import DecadeFilter, TagFilter
from .forms import FilmAdminForm
from .inlines import FILM_INLINES

# Long texts fold away so the page opens on what an editor checks first.
LONG_TEXT = ["collapse"]


@admin.register(Film)
class FilmAdmin(PublishingAdminMixin, LockingAdminMixin, SortableAdminBase, EditorialAdmin):
    form = FilmAdminForm
    # The fieldsets follow the public film page from top to bottom.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "original_title"),
                    "slug",
                    ("year", "runtime_minutes", "country"),
                    "release_date",
                    "tagline",
                    "tagline_translation",
                    "box_office",
                ]
            },
        ),
        PublishingAdminMixin.publishing_fieldset,
        ("Plot", {"fields": ["plot"]}),
        ("About the production", {"fields": ["production_notes"]}),
        ("Historical background", {"fields": ["historical_background"], "classes": LONG_TEXT}),
        ("Why this film matters", {"fields": ["why_it_matters"], "classes": LONG_TEXT}),
        ("Making of", {"fields": ["making_of"], "classes": LONG_TEXT}),
        ("Visual style", {"fields": ["visual_style"], "classes": LONG_TEXT}),
        ("Innovations", {"fields": ["innovations"], "classes": LONG_TEXT}),
        ("Music", {"fields": ["music"], "classes": LONG_TEXT}),
        ("What critics said", {"fields": ["critics"], "classes": LONG_TEXT}),
        ("What audiences thought", {"fields": ["audiences"], "classes": LONG_TEXT}),
        ("Film restoration", {"fields": ["restoration"], "classes": LONG_TEXT}),
        ("Themes & topics", {"fields": ["tags"]}),
    ]
    prepopulated_fields = {"slug": ["title", "year"]}
    inlines = FILM_INLINES

    list_display = ["title", "year", "country", "state_display", "trivia_count"]
    list_filter = [DecadeFilter, "country", ("studios", admin.RelatedOnlyFieldListFilter), TagFilter, StateFilter]
    search_fields = ["title", "original_title", "alternative_titles__title"]
    # Explicit, because the annotated (grouped) queryset drops the model's
    # default ordering, and autocomplete pages through it.
    ordering = ["title", "year"]

    def get_queryset(self, request):
        # Distinct: searching alternative titles joins them, which would
        # otherwise count each trivia item once per matching title.
        return super().get_queryset(request).annotate(trivia_count=Count("trivia", distinct=True))

    @admin.display(description="trivia", ordering="trivia_count")
    def trivia_count(self, film):
        return film.trivia_count
