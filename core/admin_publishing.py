"""
Publishing in the admin, the same for every publishable model: a state column
and filter, and the rule that only those allowed to publish (chief editors)
set a publish time, publish, unpublish or delete what is published or
scheduled. Editors write drafts and submit them for review.
"""

import reversion
from django.contrib import admin, messages
from django.db.models import F
from django.utils import timezone

from .locking import LockedForEditing
from .publishing import State, publish_permission


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(self.value())
        return queryset


class PublishingAdminMixin:
    publishing_fieldset = ("Publishing", {"fields": [("published_at", "review_requested")]})
    actions = ["publish_now", "unpublish", "submit_for_review"]

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(publish_permission(self.model))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields.append("published_at")
        return fields

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and obj.published_at is not None:
            return self.has_publish_permission(request)
        return allowed

    def get_deleted_objects(self, objs, request):
        """The delete confirmation (one item or the bulk action) refuses published items to those who can't publish."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not self.has_publish_permission(request) and any(obj.published_at is not None for obj in objs):
            perms_needed.add(f"published or scheduled {self.model._meta.verbose_name_plural}")
        return deleted, model_count, perms_needed, protected

    @admin.display(description="state", ordering="published_at")
    def state_display(self, obj):
        return obj.state_label

    def save_publishing(self, request, obj, comment):
        """Save a change of publishing state made by an action (not through the form), as a revision."""
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            obj.save(update_fields=["published_at", "review_requested"])
            if isinstance(obj, LockedForEditing):
                type(obj)._base_manager.filter(pk=obj.pk).update(version=F("version") + 1)
        self.log_change(request, obj, comment)

    @admin.action(description="Publish selected now", permissions=["publish"])
    def publish_now(self, request, queryset):
        items = [obj for obj in queryset if not obj.is_live]
        for obj in items:
            obj.publish(timezone.now())
            self.save_publishing(request, obj, "Published.")
        self.message_user(request, f"Published {len(items)} {self._plural(items)}.", messages.SUCCESS)

    @admin.action(description="Unpublish selected (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        items = [obj for obj in queryset if obj.published_at is not None]
        for obj in items:
            obj.unpublish()
            self.save_publishing(request, obj, "Unpublished.")
        self.message_user(
            request,
            f"{len(items)} {self._plural(items)} back to draft: readers no longer see them.",
            messages.SUCCESS,
        )

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        items = [obj for obj in queryset if obj.state == State.DRAFT]
        for obj in items:
            obj.review_requested = True
            self.save_publishing(request, obj, "Submitted for review.")
        skipped = queryset.count() - len(items)
        note = f" ({skipped} were not drafts and were left as they were)" if skipped else ""
        self.message_user(request, f"Submitted {len(items)} {self._plural(items)} for review{note}.")

    def _plural(self, items):
        opts = self.model._meta
        return opts.verbose_name if len(items) == 1 else opts.verbose_name_plural
