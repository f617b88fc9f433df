from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView

from core.page_meta import PageMeta, PageMetaMixin

from . import registry
from .query import PAGE_SIZE, Query, search


class SearchView(PageMetaMixin, TemplateView):
    """
    The results page. Not page-cached: its addresses are whatever readers type,
    so caching them would let anyone push the catalogue's pages out of the
    cache; a search costs two queries anyway.
    """

    template_name = "core/search.html"
    extra_context = {"nav_section": "search"}
    canonical_query = ("q", "kind", "page")

    def get_page_meta(self, context):
        query = context["query"].text
        return PageMeta(
            title=f"“{query}” — Search" if query else "Search",
            description="Search Kinozavod's films, people, curated lists, themes, trivia, quotes and scenes.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = Query.parse(self.request.GET.get("q", ""))
        kind = registry.kind(self.request.GET.get("kind", ""))
        page = self._page()
        groups = search(query, kind=kind.name if kind else None, page=page)
        total = sum(group.count for group in groups)
        pages = -(-groups[0].count // PAGE_SIZE) if kind and groups else 1
        context.update(
            query=query,
            search_query=query.text,
            kind=kind,
            groups=groups,
            total=total,
            page=page,
            pages=pages,
            kinds=registry.kinds(),
        )
        return context

    def _page(self):
        page = self.request.GET.get("page", "1")
        return int(page) if page.isdigit() and 0 < int(page) < 10_000 else 1

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_cache_control(response, private=True, max_age=0)
        # Results pages are for readers, not for search engines' indexes.
        response["X-Robots-Tag"] = "noindex"
        return response


search_view = SearchView.as_view()
