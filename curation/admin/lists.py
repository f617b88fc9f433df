from adminsortable2.admin import SortableAdminBase, SortableTabularInline
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Count

from core.admin_editing import EditorialAdmin, LockingAdminMixin
from core.admin_publishing import PublishingAdminMixin, StateFilter
from core.exporting import fixture_download
from core.pictures.admin import SinglePictureInline

from ..exporting import chosen
from ..forms import CuratedListAdminForm, ListEntryForm, ListEntryFormSet
from ..models import CuratedList, ListCover, ListEntry


class ListCoverInline(SinglePictureInline):
    model = ListCover


class ListEntryInline(SortableTabularInline):
    """Entries in reading order: drag a row by its handle to move it."""

    model = ListEntry
    form = ListEntryForm
    formset = ListEntryFormSet
    autocomplete_fields = ["film"]
    fields = ["film", "blurb", "featured_fact"]
    extra = 1

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "featured_fact":
            # Facts belong to the film: they are added and deleted on the film's page,
            # but can be corrected from here (the change shows on both pages).
            formfield.widget.can_add_related = False
            formfield.widget.can_delete_related = False
        return formfield


@admin.register(CuratedList)
class CuratedListAdmin(PublishingAdminMixin, LockingAdminMixin, SortableAdminBase, EditorialAdmin):
    form = CuratedListAdminForm
    inlines = [ListCoverInline, ListEntryInline]
    actions = [*PublishingAdminMixin.actions, "export_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "intro", "closing_text", "tags"]}),
        ("Publishing", {"fields": ["author", ("published_at", "review_requested")]}),
    ]
    prepopulated_fields = {"slug": ["title"]}
    list_display = ["title", "entry_count", "author_display", "state_display"]
    list_filter = [StateFilter]
    search_fields = ["title", "slug", "intro"]
    date_hierarchy = "published_at"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author").annotate(entry_count=Count("entries"))

    @admin.action(description="Export selected lists with their films (a fixture file)", permissions=["view"])
    def export_selected(self, request, queryset):
        return fixture_download(chosen(lists=list(queryset.values_list("slug", flat=True))), "lists")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A short list of the editorial staff: editors need no permission on user accounts to pick one.
        if db_field.name == "author":
            kwargs["queryset"] = (
                get_user_model().objects.filter(is_staff=True).order_by("first_name", "last_name", "username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """A new list is signed by the editor writing it (they can clear it: “Kinozavod editors”)."""
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description="entries", ordering="entry_count")
    def entry_count(self, curated_list):
        return curated_list.entry_count

    @admin.display(description="author", ordering="author__last_name")
    def author_display(self, curated_list):
        return curated_list.author_name
