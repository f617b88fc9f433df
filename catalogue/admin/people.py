from django.contrib import admin
from django.db.models import Count

from core.admin_editing import EditorialAdmin
from core.pictures.admin import SinglePictureInline

from ..models import Credit, Person, Portrait
from .forms import PersonCreditFormSet
from .inlines import QuietRowsMixin


class FilmographyInline(admin.TabularInline):
    """
    A person's credits, read only: a credit is edited on its film, where the
    film's characters and the order of its cast are.
    """

    model = Credit
    fields = readonly_fields = ["film", "role", "character", "note"]
    ordering = ["film__year", "film__title", "position"]
    verbose_name_plural = "filmography (edited on each film's page)"
    view_on_site = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("film", "character")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NewCreditInline(QuietRowsMixin, admin.TabularInline):
    """Credits added from the person's side join the end of the film's credits."""

    model = Credit
    formset = PersonCreditFormSet
    fields = ["film", "role", "note"]
    autocomplete_fields = ["film"]
    verbose_name = "new credit"
    verbose_name_plural = "add to the filmography (choose characters on the film's page)"

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PortraitInline(SinglePictureInline):
    model = Portrait


@admin.register(Person)
class PersonAdmin(EditorialAdmin):
    fields = [("name", "original_name"), "slug", ("birth_year", "death_year"), "biography"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PortraitInline, FilmographyInline, NewCreditInline]
    list_display = ["name", "original_name", "life_span", "credit_count"]
    search_fields = ["name", "original_name"]
    ordering = ["name"]  # the annotated (grouped) queryset would drop the model's ordering

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(credit_count=Count("credits"))

    @admin.display(description="life")
    def life_span(self, person):
        return person.life_span

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, person):
        return person.credit_count
