from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters

from ..completeness import SECTION_COUNT
from ..models import Film


class DecadeFilter(admin.SimpleListFilter):
    """The decades the catalogue's films come from, e.g. “1930s”."""

    title = "decade"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        years = Film.objects.values_list("year", flat=True).distinct()
        return [(str(decade), f"{decade}s") for decade in sorted({year - year % 10 for year in years})]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            decade = int(self.value())
        except ValueError:
            raise IncorrectLookupParameters(f"“{self.value()}” is not a decade.") from None
        return queryset.in_decade(decade)


class TagFilter(admin.SimpleListFilter):
    """The themes & topics used on films (not every tag of the site)."""

    title = "theme or topic"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        return [(tag.slug, tag.name) for tag in Film.tags.order_by("name")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(tags__slug=self.value())


class HasSourceFilter(admin.SimpleListFilter):
    """Sourced items can be verified; unsourced ones need research first."""

    title = "source"
    parameter_name = "sourced"

    def lookups(self, request, model_admin):
        return [("yes", "Has a source"), ("no", "No source yet")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(source="")
        if self.value() == "no":
            return queryset.filter(source="")
        return queryset


class CompletenessFilter(admin.SimpleListFilter):
    """How much of the film's page is written: what to work on next."""

    title = "completeness"
    parameter_name = "complete"

    def lookups(self, request, model_admin):
        return [
            ("all", "Every section filled"),
            ("gaps", "Some sections empty"),
            ("sparse", "Half or more empty"),
            ("uncast", "Characters without an actor"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return queryset.filter(sections_filled=SECTION_COUNT)
        if value == "gaps":
            return queryset.filter(sections_filled__lt=SECTION_COUNT)
        if value == "sparse":
            return queryset.filter(sections_filled__lte=SECTION_COUNT // 2)
        if value == "uncast":
            return queryset.filter(uncast_characters__gt=0)
        return queryset


class ClaimsFilter(admin.SimpleListFilter):
    title = "claims"
    parameter_name = "claims"

    def lookups(self, request, model_admin):
        return [
            ("unverified", "Has unverified claims"),
            ("disputed", "Has disputed claims"),
            ("checked", "All checked"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unverified":
            return queryset.filter(unverified_claims__gt=0)
        if self.value() == "disputed":
            return queryset.filter(disputed_claims__gt=0)
        if self.value() == "checked":
            return queryset.filter(unverified_claims=0, disputed_claims=0)
        return queryset
