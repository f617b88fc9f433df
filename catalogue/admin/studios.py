from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from core.admin_editing import EditorialAdmin
from core.pictures.admin import SinglePictureInline

from ..models import Studio, StudioLogo


class LogoInline(SinglePictureInline):
    model = StudioLogo
    verbose_name_plural = "logo (optional)"


@admin.register(Studio)
class StudioAdmin(EditorialAdmin):
    fields = ["name", "original_name", "slug", "city", "description", "film_list"]
    readonly_fields = ["film_list"]
    inlines = [LogoInline]
    prepopulated_fields = {"slug": ["name"]}
    list_display = ["name", "original_name", "city", "film_count"]
    search_fields = ["name", "original_name", "city"]
    ordering = ["name"]  # the annotated (grouped) queryset would drop the model's ordering

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(film_count=Count("films"))

    @admin.display(description="films", ordering="film_count")
    def film_count(self, studio):
        return studio.film_count

    @admin.display(description="films")
    def film_list(self, studio):
        """The studio's films, each linking to its own admin page (films are edited there)."""
        films = studio.films.order_by("year", "title") if studio.pk else []
        if not films:
            return "No films yet: add the studio to a film on the film's page."
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>',
            ((reverse("admin:catalogue_film_change", args=[film.pk]), film) for film in films),
        )
