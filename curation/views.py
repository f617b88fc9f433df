from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import capfirst
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from catalogue.models import Film, TaggedFilm
from core.page_meta import SITE_TITLE, Feed, PageMeta, PageMetaMixin, describe, paged, picture_of
from core.preview import DraftPreviewMixin, can_preview, mark_preview
from core.views import KeptForReadersMixin, KeptListMixin, Sort, SortMixin

from . import structured_data
from .home import kept_home_page_content
from .models import CuratedList, ListCover, ListEntry, TaggedList, Theme
from .themes import (
    THEME_FILMS_CAPTION,
    editorial_theme,
    films_with_theme,
    find_theme,
    lists_with_theme,
    related_themes,
    theme_page_for_readers,
    themes_index,
)

SITE_DESCRIPTION = (
    "Kinozavod is an editorial catalogue of Soviet films about industry: "
    "mines, factories, dams and the people who worked them."
)


class HomeView(PageMetaMixin, TemplateView):
    template_name = "curation/home.html"
    extra_context = {"nav_section": "home"}

    def get_context_data(self, **kwargs):
        kwargs["home"] = kept_home_page_content()
        return super().get_context_data(**kwargs)

    def get_page_meta(self, context):
        return PageMeta(
            title=SITE_TITLE,
            description=describe(context["home"].welcome, SITE_DESCRIPTION),
            home=True,
            structured_data=(structured_data.website(self.request),),
        )


class CuratedListIndexView(KeptListMixin, PageMetaMixin, ListView):
    template_name = "curation/list_index.html"
    # Each published list with its cover, its tags and its number of published films.
    reads = (CuratedList, ListCover, TaggedList, Tag, ListEntry, Film)
    rows_template = "curation/includes/list_index_rows.html"
    context_object_name = "curated_lists"
    paginate_by = 30
    extra_context = {"nav_section": "lists"}
    canonical_query = ("page",)

    def get_page_meta(self, context):
        return PageMeta(
            title=paged("Curated lists", context),
            description="Kinozavod's curated lists: Soviet films about industry chosen and introduced by our editors.",
        )

    def get_queryset(self):
        return CuratedList.objects.published().with_entry_count().with_cover().with_tags().newest_first()


class CuratedListDetailView(PageMetaMixin, DraftPreviewMixin, DetailView):
    template_name = "curation/list_detail.html"
    context_object_name = "curated_list"
    extra_context = {"nav_section": "lists"}

    def get_page_queryset(self):
        return CuratedList.objects.for_list_page()

    def to_keep(self, curated_list):
        # Its entries rendered once, as the page would, and retired with the list's data.
        if curated_list is not None and curated_list.entries_shown:
            curated_list.entries_html = render_to_string(
                "curation/includes/list_entries.html", {"curated_list": curated_list}, self.request
            )
        return curated_list

    def get_page_meta(self, context):
        curated_list = self.object
        return PageMeta(
            title=curated_list.title,
            description=describe(
                curated_list.intro, f"{curated_list.title}: a curated list of Soviet films about industry."
            ),
            kind="article",
            picture=picture_of(curated_list, "cover"),
            structured_data=(structured_data.item_list(curated_list, self.request),),
        )


class ThemeIndexView(KeptForReadersMixin, PageMetaMixin, SortMixin, TemplateView):
    template_name = "curation/theme_index.html"
    # Every tag a published film or list carries, with how many of each.
    reads = (Tag, TaggedFilm, TaggedList, Film, CuratedList)
    extra_context = {"nav_section": "themes"}

    def get_page_meta(self, context):
        return PageMeta(
            title="Themes",
            description="Every theme in Kinozavod's catalogue of Soviet films about industry, "
            "with how many films and lists carry it.",
        )

    sorts = {"name": Sort("Name, A–Z"), "films": Sort("Most films")}
    default_sort = "name"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["themes"] = self.kept(lambda: themes_index(self.get_sort()))
        return context


class ThemeDetailView(PageMetaMixin, ListView):
    """A theme page: a tag's published films (paginated) and lists, and the themes around it."""

    template_name = "curation/theme_detail.html"
    context_object_name = "films"
    paginate_by = 50  # what a reader scans; the page renders the same whatever the theme's size
    extra_context = {"nav_section": "themes"}
    canonical_query = ("page",)

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.get_for_reader(request, *args, **kwargs)
        self.kept = None
        self.tag, moved_to = find_theme(kwargs["slug"])
        if self.tag is None:
            if moved_to is None:
                raise Http404("No theme has this address.")
            return HttpResponsePermanentRedirect(moved_to.get_absolute_url())
        self.theme = editorial_theme(self.tag)
        if self.theme is not None and not self.theme.is_live and not can_preview(request.user, Theme):
            self.theme = None
        self.curated_lists = list(lists_with_theme(self.tag))
        # A tag only drafts carry has no public page, unless it has a published intro.
        if not (self.theme or self.curated_lists or self.get_queryset().exists()):
            raise Http404("Nothing published carries this theme yet.")
        response = super().get(request, *args, **kwargs)
        return mark_preview(response) if self.theme and not self.theme.is_live else response

    def get_for_reader(self, request, *args, **kwargs):
        """The same page from what `theme_page_for_readers` kept: one query while nothing it reads changes."""
        try:
            self.kept = theme_page_for_readers(
                kwargs["slug"], request.GET.get(self.page_kwarg) or 1, self.get_paginate_by(None)
            )
        except InvalidPage as error:
            raise Http404(f"Invalid page: {error}") from None
        if self.kept.tag is None:
            if self.kept.moved_to is None:
                raise Http404("No theme has this address.")
            return HttpResponsePermanentRedirect(self.kept.moved_to.get_absolute_url())
        if not self.kept.published:
            raise Http404("Nothing published carries this theme yet.")
        self.tag, self.theme, self.curated_lists = self.kept.tag, self.kept.theme, self.kept.curated_lists
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.kept.films if self.kept else films_with_theme(self.tag)

    def paginate_queryset(self, queryset, page_size):
        if not self.kept:
            return super().paginate_queryset(queryset, page_size)
        paginator = Paginator(self.kept.films, page_size)
        paginator.count = self.kept.film_count  # the theme's, not this page's
        page = Page(self.kept.films, self.kept.page_number, paginator)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            tag=self.tag,
            theme=self.theme,
            curated_lists=self.curated_lists,
            related_themes=self.kept.related_themes if self.kept else related_themes(self.tag),
            films_html=self.kept.films_html if self.kept else "",
            lists_html=self.kept.lists_html if self.kept else "",
            related_html=self.kept.related_html if self.kept else "",
            FILMS_CAPTION=THEME_FILMS_CAPTION,
        )
        if self.theme and not self.theme.is_live:
            context["preview"] = self.theme
        return context

    def get_page_meta(self, context):
        name = capfirst(self.tag.name)
        share = self.theme.share_description if self.theme else ""
        return PageMeta(
            title=f"{paged(name, context)} — Themes",
            description=share
            or f"Soviet films about industry on the theme “{self.tag.name}”, in Kinozavod's catalogue.",
            picture=picture_of(self.theme, "cover") if self.theme else None,
            feed=Feed(f"{name} — Themes — Kinozavod", reverse("curation:theme_feed", args=[self.tag.slug])),
        )
