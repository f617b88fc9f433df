"""
The admin's editing rules for content: every save that changes something
records a revision of the whole item (django-reversion, compared and restored
with django-reversion-compare); a save that changes nothing records and logs
nothing; an item edited as a whole refuses a form loaded before someone
else's save (`core.locking`).
"""

from django.contrib import messages
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db import models
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal
from reversion_compare.admin import CompareVersionAdmin

from .locking import EditLock
from .search import folded_contains


class EditorialAdmin(CompareVersionAdmin):
    history_latest_first = True

    def get_search_results(self, request, queryset, search_term):
        """Every word must be in one of `search_fields`, whatever its case or script (`core.search`)."""
        search_fields = self.get_search_fields(request)
        if not search_fields or not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        may_have_duplicates = False
        for word in smart_split(search_term):
            word = unescape_string_literal(word) if word[0] in "\"'" else word
            condition = Q()
            for field in search_fields:
                condition |= Q(folded_contains(field.lstrip("^=@"), word))
                may_have_duplicates |= lookup_spawns_duplicates(self.opts, field.lstrip("^=@"))
            queryset = queryset.filter(condition)
        return queryset, may_have_duplicates

    def _create_formsets(self, request, obj, change):
        # The rows' formsets, kept for deciding whether the save changes anything.
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        request.editorial_formsets = formsets
        return formsets, inline_instances

    def nothing_changed(self, request, form, change):
        if not change or getattr(request, "restoring_revision", False):
            return False
        formsets = getattr(request, "editorial_formsets", [])
        return not form.has_changed() and not any(formset.has_changed() for formset in formsets)

    def save_model(self, request, obj, form, change):
        # The item is saved whenever anything in it changed, rows included, so
        # that its revision holds the whole item and its version rises.
        if self.nothing_changed(request, form, change):
            request.editorial_unchanged = str(obj)
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not getattr(request, "editorial_unchanged", None):
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "editorial_unchanged", None):
            return []
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "editorial_unchanged", None):
            return None
        return super().log_change(request, obj, message)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        unchanged = getattr(request, "editorial_unchanged", None)
        if unchanged and level == messages.SUCCESS:
            message, level = f"Nothing was changed in “{unchanged}”, so nothing was saved.", messages.INFO
        super().message_user(request, message, level, *args, **kwargs)

    def _reversion_revisionform_view(self, request, version, *args, **kwargs):
        # Restoring an old revision is a change even where the form shows no edit.
        request.restoring_revision = True
        return super()._reversion_revisionform_view(request, version, *args, **kwargs)


class LockingAdminMixin:
    """For an admin whose form is a `core.locking.LockedForm`: gives it the request's lock."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"lock": EditLock(request, self.model)})

    def get_fieldsets(self, request, obj=None):
        # The hidden version fields ride along with the first group of fields.
        (name, options), *rest = super().get_fieldsets(request, obj)
        return [(name, {**options, "fields": [*options["fields"], "version_seen", "loaded_at"]}), *rest]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not getattr(request, "editorial_unchanged", None):
            type(obj)._base_manager.filter(pk=obj.pk).update(version=models.F("version") + 1)

    def _reversion_revisionform_view(self, request, version, *args, **kwargs):
        current = self.model._base_manager.filter(pk=version.object_id).values_list("version", flat=True).first()
        if current is not None:
            request.version_before_restore = current
        return super()._reversion_revisionform_view(request, version, *args, **kwargs)
