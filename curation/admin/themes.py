"""Tags and their theme pages: rename, merge, and the editorial words."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models.functions import Lower
from django.template.response import TemplateResponse
from django.utils.html import format_html
from taggit.models import Tag

from core.admin_editing import EditorialAdmin
from core.admin_publishing import PublishingAdminMixin, StateFilter
from core.exporting import fixture_download
from core.pictures.admin import SinglePictureInline

from ..exporting import chosen
from ..forms import MergeTagsForm, TagAdminForm
from ..models import Theme, ThemeCover, ThemeRedirect
from ..tags import merge_tags, record_slug_change
from ..themes import with_theme_counts

# taggit registers a plain Tag admin; ours knows about theme pages.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


class ThemeInline(admin.StackedInline):
    model = Theme
    fields = ["intro", "share_description", ("published_at", "review_requested")]
    verbose_name = "theme page"
    verbose_name_plural = "theme page (editorial words; optional; its cover is set under Themes)"
    can_delete = True
    max_num = 1


@admin.register(Tag)
class TagAdmin(EditorialAdmin):
    form = TagAdminForm
    inlines = [ThemeInline]
    list_display = ["name", "slug", "film_count", "list_count", "has_intro"]
    search_fields = ["name", "slug"]
    ordering = [Lower("name")]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_selected", "export_selected"]

    def get_queryset(self, request):
        # Editors see every use, drafts included: they decide what to merge.
        return with_theme_counts(super().get_queryset(request), published_only=False).select_related("theme")

    @admin.action(description="Export selected themes with their films and lists", permissions=["view"])
    def export_selected(self, request, queryset):
        return fixture_download(chosen(tags=list(queryset.values_list("name", flat=True))), "themes")

    @admin.display(description="films", ordering="film_count")
    def film_count(self, tag):
        return tag.film_count

    @admin.display(description="lists", ordering="list_count")
    def list_count(self, tag):
        return tag.list_count

    @admin.display(description="editorial intro", boolean=True)
    def has_intro(self, tag):
        theme = getattr(tag, "theme", None)
        return bool(theme and theme.intro)

    def save_model(self, request, tag, form, change):
        old_slug = form.initial.get("slug") if change else None
        super().save_model(request, tag, form, change)
        if old_slug and old_slug != tag.slug:
            record_slug_change(tag, old_slug)
            self.message_user(
                request,
                format_html("The old address /themes/{}/ now redirects to the new one.", old_slug),
                messages.INFO,
            )

    @admin.action(description="Merge selected tags into…", permissions=["change"])
    def merge_selected(self, request, queryset):
        """Ask which tag survives, then merge: an intermediate page, as Django's delete action does."""
        tags = queryset.order_by("name")
        if len(tags) < 2:
            self.message_user(request, "Select at least two tags to merge.", messages.WARNING)
            return None
        form = MergeTagsForm(request.POST if "apply" in request.POST else None, tags=tags)
        if form.is_valid():
            target = form.cleaned_data["target"]
            result = merge_tags(list(tags), into=target)
            self.message_user(
                request,
                f"Merged {', '.join(f'“{name}”' for name in result.merged_names)} into “{target.name}”: "
                f"{result.moved} films and lists moved, {result.already_tagged} already had it. "
                "The old theme addresses redirect to the new one.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge tags",
            "opts": self.model._meta,
            "tags": tags,
            "form": form,
            "action_name": "merge_selected",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "curation/admin/merge_tags.html", context)


class ThemeCoverInline(SinglePictureInline):
    model = ThemeCover


@admin.register(Theme)
class ThemeAdmin(PublishingAdminMixin, EditorialAdmin):
    inlines = [ThemeCoverInline]
    list_display = ["__str__", "share_description", "state_display", "updated_at"]
    list_filter = [StateFilter]
    search_fields = ["tag__name", "intro"]
    autocomplete_fields = ["tag"]
    fields = ["tag", "intro", "share_description", ("published_at", "review_requested")]
    list_select_related = ["tag"]


@admin.register(ThemeRedirect)
class ThemeRedirectAdmin(EditorialAdmin):
    """Old theme addresses, recorded by renames and merges. Delete one to let the address go."""

    list_display = ["old_slug", "tag", "created_at"]
    search_fields = ["old_slug", "tag__name"]
    list_select_related = ["tag"]
    readonly_fields = ["old_slug", "tag", "created_at"]

    def has_add_permission(self, request):
        return False
