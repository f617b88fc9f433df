"""
Curation's part of sitemap.xml (assembled in config/urls.py): every published
curated list, every public theme, the home page and the index pages.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.sitemaps import PagedSitemap

from .models import CuratedList
from .themes import public_themes, theme_last_change, themes_with_last_change


class CuratedListSitemap(PagedSitemap):
    def items(self):
        return CuratedList.objects.published().only("slug", "updated_at", "published_at").order_by("pk")

    def lastmod(self, curated_list):
        return curated_list.last_public_change


class ThemeSitemap(PagedSitemap):
    def items(self):
        return themes_with_last_change().order_by("pk")

    @property
    def paginator(self):
        # Counting the themes needs none of their last changes, which read every tagged film:
        # those are read a page of themes at a time.
        paginator = super().paginator
        paginator.count = public_themes().count()
        return paginator

    def lastmod(self, tag):
        return theme_last_change(tag)


class IndexSitemap(Sitemap):
    def items(self):
        return ["curation:home", "curation:list_index", "curation:theme_index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"lists": CuratedListSitemap, "themes": ThemeSitemap, "curation": IndexSitemap}
