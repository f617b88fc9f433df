"""
Trivia across all films, for reviewing facts: much of the seed text was never
checked, and this is where editors work through it.
"""

from functools import partial

import reversion
from django.contrib import admin, messages
from django.urls import path
from django.utils.text import Truncator

from core.admin_editing import EditorialAdmin
from core.ordering import renumber

from ..factcheck import set_verification
from ..models import Trivia, Verification
from .factcheck import fact_check_view
from .filters import HasSourceFilter


@admin.register(Trivia)
class TriviaAdmin(EditorialAdmin):
    fields = ["film", "text", ("source", "verification"), "editor_note"]
    autocomplete_fields = ["film"]
    list_display = ["short_text", "film", "verification", "has_source"]
    list_filter = ["verification", HasSourceFilter]
    list_select_related = ["film"]
    search_fields = ["text", "source", "film__title", "film__original_title"]
    ordering = ["film__title", "position"]
    actions = ["mark_verified", "mark_unverified", "mark_disputed"]

    @admin.display(description="trivia item")
    def short_text(self, item):
        return Truncator(item.text).chars(90)

    @admin.display(description="source", boolean=True)
    def has_source(self, item):
        return bool(item.source.strip())

    def save_model(self, request, obj, form, change):
        """An item moved to another film joins the end of its list (new ones do by themselves); both lists stay 1..n."""
        moved_from = form.initial.get("film") if change and "film" in form.changed_data else None
        if moved_from:
            obj.place_at_end()
        super().save_model(request, obj, form, change)
        if reversion.is_active():
            reversion.add_to_revision(obj.film)  # the film's history shows the change too
        for film_id in {obj.film_id, moved_from} - {None}:
            renumber(Trivia.objects.filter(film_id=film_id))

    @admin.action(description="Mark selected trivia as verified (those with a source)", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._set_verification(request, queryset, Verification.VERIFIED)

    @admin.action(description="Mark selected trivia as unverified", permissions=["change"])
    def mark_unverified(self, request, queryset):
        self._set_verification(request, queryset, Verification.UNVERIFIED)

    @admin.action(description="Mark selected trivia as disputed (those with an editor's note)", permissions=["change"])
    def mark_disputed(self, request, queryset):
        self._set_verification(request, queryset, Verification.DISPUTED)

    def _set_verification(self, request, queryset, verification):
        result = set_verification(list(queryset), verification, request.user)
        label = Verification(verification).label.lower()
        if result.changed:
            self.message_user(request, f"Marked {len(result.changed)} trivia item(s) as {label}.", messages.SUCCESS)
        for reason, items in result.refused.items():
            examples = "; ".join(f"“{Truncator(item.text).chars(60)}”" for item in items[:3])
            more = f" and {len(items) - 3} more" if len(items) > 3 else ""
            self.message_user(
                request,
                f"Left {len(items)} item(s) as they were — {reason} {examples}{more}",
                messages.WARNING,
            )

    def get_urls(self):
        fact_check = path(
            "fact-check/",
            self.admin_site.admin_view(partial(fact_check_view, self)),
            name="catalogue_fact_check",
        )
        return [fact_check, *super().get_urls()]
