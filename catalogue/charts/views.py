from django.views.generic import TemplateView

from core.page_meta import PageMeta, PageMetaMixin, paged

from . import influence_map, narrowing, timeline


class TimelineView(PageMetaMixin, TemplateView):
    template_name = "catalogue/timeline.html"
    extra_context = {"nav_section": "timeline"}
    canonical_query = ("decade", "theme", "page")  # each narrowing is a page of its own

    def get_page_meta(self, context):
        chosen = context["chosen"]
        theme = f": {chosen.theme.name}" if chosen.theme else ""
        decade = f", the {chosen.decade}s" if chosen.decade else ""
        return PageMeta(
            title=paged(f"Timeline{theme}{decade}", context),
            description="The films of Kinozavod's catalogue of Soviet films about industry, year by year"
            + (f" in the {chosen.decade}s" if chosen.decade else "")
            + (f" on {chosen.theme.name}" if chosen.theme else "")
            + ".",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = timeline.Narrowing.from_query(self.request.GET)
        page = narrowing.page(chosen.shown_films(), timeline.PAGE_SIZE, self.request.GET)
        years = timeline.by_year(page.object_list)

        def decade_href(decade):
            return chosen.address(decade=decade)

        context.update(
            chosen=chosen,
            page_obj=page,
            years=years,
            drawing=timeline.layout(years, decade_href=None if chosen.decade else decade_href),
            decades=[(decade, count, decade_href(decade)) for decade, count in chosen.decade_counts()],
            all_decades_href=chosen.address(decade=None),
            themes=chosen.theme_counts(),
        )
        return context


class InfluenceMapView(PageMetaMixin, TemplateView):
    template_name = "catalogue/influence_map.html"
    extra_context = {"nav_section": "influences"}
    canonical_query = ("page",)

    def get_page_meta(self, context):
        return PageMeta(
            title=paged("Influence map", context),
            description="Which films in Kinozavod's catalogue of Soviet films about industry influenced which, "
            "and how.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = narrowing.page(influence_map.catalogue_influences(), influence_map.PAGE_SIZE, self.request.GET)
        influences = list(page.object_list)
        context.update(page_obj=page, influences=influences, drawing=influence_map.layout(influences))
        return context
