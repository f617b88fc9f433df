from adminsortable2.admin import SortableAdminBase, SortableTabularInline
from django import forms
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse

from core.admin_editing import EditorialAdmin
from core.formsets import DensePositionsFormSet

from ..models import FeaturedFilm, FeaturedList, FeaturedTheme, HomePage
from ..models.home import HOME_PAGE_ID


class FeaturedInline(SortableTabularInline):
    formset = DensePositionsFormSet
    extra = 0


class FeaturedListInline(FeaturedInline):
    model = FeaturedList
    autocomplete_fields = ["curated_list"]
    verbose_name_plural = "featured lists (empty: the newest lists)"


class FeaturedFilmInline(FeaturedInline):
    model = FeaturedFilm
    autocomplete_fields = ["film"]
    verbose_name_plural = "featured films (empty: the films with the most themes)"


class FeaturedThemeInline(FeaturedInline):
    model = FeaturedTheme
    autocomplete_fields = ["tag"]
    verbose_name_plural = "featured themes (empty: the most used themes)"


@admin.register(HomePage)
class HomePageAdmin(SortableAdminBase, EditorialAdmin):
    """There is one home page: the list of home pages opens it directly."""

    fields = ["welcome"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}
    inlines = [FeaturedListInline, FeaturedFilmInline, FeaturedThemeInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        home_page, _created = HomePage.objects.get_or_create(pk=HOME_PAGE_ID)
        return redirect(reverse("admin:curation_homepage_change", args=[home_page.pk]))
