"""The sitemap in sections and pages of a bounded size, so that no request's cost grows with the catalogue."""

from django.contrib.sitemaps import Sitemap


class PagedSitemap(Sitemap):
    """A section of models: /sitemap-<section>.xml, in pages of `limit` addresses (?p=2…)."""

    limit = 1000

    def get_latest_lastmod(self):
        # Django would compute it for the index by reading every item of the section;
        # each address carries its own lastmod on the section's pages instead.
        return None
