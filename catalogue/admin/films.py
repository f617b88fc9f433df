from adminsortable2.admin import SortableAdminBase
from django.contrib import admin
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse

from core.admin_editing import EditorialAdmin, LockingAdminMixin
from core.admin_publishing import PublishingAdminMixin, StateFilter
from core.exporting import fixture_download

from ..completeness import SECTION_COUNT, completeness, with_completeness
from ..exporting import film_pages
from ..models import Film
from .filters import ClaimsFilter, CompletenessFilter, DecadeFilter, TagFilter
from .forms import FilmAdminForm
from .inlines import FILM_INLINES


def tab(name, *more_classes):
    """The form's groups follow the public film page; editorial_tabs.js shows one group at a time."""
    return [f"tab-{name}", *more_classes]


@admin.register(Film)
class FilmAdmin(PublishingAdminMixin, LockingAdminMixin, SortableAdminBase, EditorialAdmin):
    form = FilmAdminForm
    save_on_top = True
    actions = [*PublishingAdminMixin.actions, "export_selected"]
    # The fieldsets follow the public film page from top to bottom; rows (inlines) join their group by class.
    fieldsets = [
        (
            None,
            {
                "classes": tab("identity"),
                "fields": [
                    "completeness_panel",
                    ("title", "original_title"),
                    "slug",
                    ("year", "runtime_minutes", "country"),
                    "release_date",
                    "tagline",
                    "tagline_translation",
                    "box_office",
                ],
            },
        ),
        ("Publishing", {"classes": tab("identity"), "fields": [("published_at", "review_requested")]}),
        ("Plot", {"classes": tab("texts"), "fields": ["plot"]}),
        ("About the production", {"classes": tab("texts"), "fields": ["production_notes"]}),
        ("Historical background", {"classes": tab("texts"), "fields": ["historical_background"]}),
        ("Why this film matters", {"classes": tab("texts"), "fields": ["why_it_matters"]}),
        ("Making of", {"classes": tab("texts"), "fields": ["making_of"]}),
        ("Visual style", {"classes": tab("texts"), "fields": ["visual_style"]}),
        ("Innovations", {"classes": tab("texts"), "fields": ["innovations"]}),
        ("Music", {"classes": tab("texts"), "fields": ["music"]}),
        ("What critics said", {"classes": tab("texts"), "fields": ["critics"]}),
        ("What audiences thought", {"classes": tab("texts"), "fields": ["audiences"]}),
        ("Film restoration", {"classes": tab("texts"), "fields": ["restoration"]}),
        ("Themes & topics", {"classes": tab("tags"), "fields": ["tags"]}),
    ]
    readonly_fields = ["completeness_panel"]
    prepopulated_fields = {"slug": ["title", "year"]}
    inlines = FILM_INLINES

    list_display = ["title", "year", "country", "state_display", "completeness_display", "claims_display"]
    list_filter = [
        DecadeFilter,
        "country",
        ("studios", admin.RelatedOnlyFieldListFilter),
        TagFilter,
        StateFilter,
        CompletenessFilter,
        ClaimsFilter,
    ]
    search_fields = ["title", "original_title", "alternative_titles__title"]
    # Explicit, because the annotated (grouped) queryset drops the model's
    # default ordering, and autocomplete pages through it.
    ordering = ["title", "year"]

    class Media:
        css = {"all": ["admin/css/editorial.css"]}
        js = ["admin/js/editorial_tabs.js"]

    def get_queryset(self, request):
        return with_completeness(super().get_queryset(request).annotate(trivia_count=Count("trivia", distinct=True)))

    @admin.display(description="sections filled", ordering="sections_filled")
    def completeness_display(self, film):
        gaps = f", {film.uncast_characters} without actor" if film.uncast_characters else ""
        return f"{film.sections_filled}/{SECTION_COUNT}{gaps}"

    @admin.display(description="claims to check", ordering="unverified_claims")
    def claims_display(self, film):
        parts = [f"{film.unverified_claims} unverified"] if film.unverified_claims else []
        parts += [f"{film.disputed_claims} disputed"] if film.disputed_claims else []
        return ", ".join(parts) or "—"

    @admin.display(description="completeness")
    def completeness_panel(self, film):
        if film.pk is None:
            return "Save the film to see which of its sections are still empty."
        return render_to_string(
            "catalogue/admin/completeness_panel.html",
            {
                "facts": completeness(film),
                "section_count": SECTION_COUNT,
                "fact_check_url": f"{reverse('admin:catalogue_fact_check')}?film={film.pk}",
            },
        )

    @admin.action(description="Export selected films with their pages (a fixture file)", permissions=["view"])
    def export_selected(self, request, queryset):
        return fixture_download(film_pages(Film._base_manager.filter(pk__in=queryset.values("pk"))), "films")
