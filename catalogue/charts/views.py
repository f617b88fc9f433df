from django.views.generic import TemplateView
from taggit.models import Tag

from core.page_meta import PageMeta, PageMetaMixin, paged
from core.views import KeptForReadersMixin, KeptPage

from ..models import Film, Influence, TaggedFilm
from . import influence_map, narrowing, timeline


class TimelineView(KeptForReadersMixin, PageMetaMixin, TemplateView):
    template_name = "catalogue/timeline.html"
    # Every published film by year, and the themes they carry with their counts.
    reads = (Film, TaggedFilm, Tag)
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
        drawn = dict(self.kept(self.draw))
        _, context["page_obj"], _, _ = drawn.pop("page").paginate(timeline.PAGE_SIZE)
        context.update(drawn)
        return context

    def draw(self):
        chosen = timeline.Narrowing.from_query(self.request.GET)
        page = narrowing.page(chosen.shown_films(), timeline.PAGE_SIZE, self.request.GET)
        years = timeline.by_year(page.object_list)

        def decade_href(decade):
            return chosen.address(decade=decade)

        return {
            "chosen": chosen,
            "page": KeptPage.of(page.paginator, page),
            "years": years,
            "drawing": timeline.layout(years, decade_href=None if chosen.decade else decade_href),
            "decades": [(decade, count, decade_href(decade)) for decade, count in chosen.decade_counts()],
            "all_decades_href": chosen.address(decade=None),
            "themes": chosen.theme_counts(),
        }


class InfluenceMapView(KeptForReadersMixin, PageMetaMixin, TemplateView):
    template_name = "catalogue/influence_map.html"
    # Every influence between two published films.
    reads = (Influence, Film)
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
        drawn = dict(self.kept(self.draw))
        _, context["page_obj"], _, _ = drawn.pop("page").paginate(influence_map.PAGE_SIZE)
        context.update(drawn)
        return context

    def draw(self):
        page = narrowing.page(influence_map.catalogue_influences(), influence_map.PAGE_SIZE, self.request.GET)
        influences = list(page.object_list)
        return {
            "page": KeptPage.of(page.paginator, page),
            "influences": influences,
            "drawing": influence_map.layout(influences),
        }
