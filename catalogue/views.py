from django.db.models import Count, OuterRef
from django.db.models.functions import Lower
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from core.page_meta import PageMeta, PageMetaMixin, describe, paged, picture_of
from core.preview import DraftPreviewMixin
from core.publishing import published_q
from core.views import KeptForReadersMixin, KeptListMixin, KeptPage, Sort, SortMixin

from . import structured_data
from .browsing import FILTERS, FilmBrowser, address_of, kept_film_count, query_pairs, tidy_query
from .charts import narrowing
from .credits import filmography
from .film_page import film_page_queryset, film_page_sections, render_sections_ahead
from .models import Film, FilmStudio, Person, Poster, Studio, TaggedFilm

PAGE_SIZE = 50


CATALOGUE = "Kinozavod, a catalogue of Soviet films about industry"


class FilmListView(KeptForReadersMixin, PageMetaMixin, SortMixin, ListView):
    template_name = "catalogue/film_list.html"
    context_object_name = "films"
    paginate_by = PAGE_SIZE
    extra_context = {"nav_section": "films"}
    # It lists, filters and counts every published film.
    reads = (Film, Poster, FilmStudio, Studio, TaggedFilm, Tag)
    # The primary key comes last so that films with the same title and year
    # keep their place from page to page.
    sorts = {
        "title": Sort("Title, A–Z", (Lower("title"), "year", "pk")),
        "-title": Sort("Title, Z–A", (Lower("title").desc(), "-year", "-pk")),
        "year": Sort("Year, oldest first", ("year", Lower("title"), "pk")),
        "-year": Sort("Year, newest first", ("-year", Lower("title"), "pk")),
    }
    default_sort = "title"
    # The filters make a page of its own; every sort order shows the same films, so it is left out.
    canonical_query = (*FILTERS, "page")

    def get(self, request, *args, **kwargs):
        # One address per combination of filters: a submitted form (empty
        # fields, its own order) lands on the address a reader would share.
        tidy = tidy_query(request.GET)
        if tidy != query_pairs(request.GET):
            return redirect(f"{request.path}{address_of(tidy)}")
        self.browser = FilmBrowser(request.GET)
        # Odd values are not kept: each would be an entry of its own.
        self.page_data = self.load_page() if self.browser.ignored else self.kept(self.load_page)
        response = super().get(request, *args, **kwargs)
        if self.browser.ignored:
            # The page still shows, saying what it ignored; a 400 keeps the
            # page cache from storing a copy for every odd value.
            response.status_code = 400
        return response

    def load_page(self):
        """
        This page of films, with the filters (every choice and its count) and
        the table of films rendered once, as the page shows them: at 10,000
        films the form alone lists hundreds of studios.
        """
        films = self.browser.films().for_listing().order_by(*self.get_ordering())
        paginator, page, _, _ = super().paginate_queryset(films, self.paginate_by)
        caption = f"Films, sorted by {self.sorts[self.get_sort()].label}"
        films_html = render_to_string("includes/film_table.html", {"films": page.object_list, "caption": caption})
        filters_html = render_to_string(
            "catalogue/includes/film_filters.html",
            {"browser": self.browser, "facets": self.browser.facets(), "sort": self.get_sort()},
            self.request,
        )
        return KeptPage.of(paginator, page, filters_html=filters_html, films_html=films_html)

    def get_queryset(self):
        return self.page_data.object_list

    def paginate_queryset(self, queryset, page_size):
        return self.page_data.paginate(page_size)

    def get_context_data(self, **kwargs):
        return super().get_context_data(browser=self.browser, **self.page_data.extra, **kwargs)

    def get_page_meta(self, context):
        if self.browser.is_filtered:
            return PageMeta(
                title=paged(f"Films: {self.browser.summary}", context),
                description=f"Soviet films about industry in Kinozavod's catalogue: {self.browser.summary}.",
            )
        return PageMeta(
            title=paged("Films", context),
            description="Every film in Kinozavod's catalogue of Soviet films about industry, by title or by year, "
            "by decade, country, studio or theme.",
        )


class FilmDetailView(PageMetaMixin, DraftPreviewMixin, DetailView):
    template_name = "catalogue/film_detail.html"
    context_object_name = "film"
    extra_context = {"nav_section": "films"}

    def get_page_queryset(self):
        return film_page_queryset()

    def to_keep(self, film):
        return film and render_sections_ahead(film, self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = film_page_sections(self.object)
        return context

    def get_page_meta(self, context):
        film = self.object
        about = ", ".join(str(fact) for fact in (film.year, film.country) if fact)
        return PageMeta(
            title=str(film),
            description=describe(film.plot, f"{film.title} ({about}) in {CATALOGUE}."),
            kind="video.movie",
            picture=picture_of(film, "poster"),
            structured_data=(structured_data.movie(film, self.request),),
        )


class PersonListView(KeptListMixin, PageMetaMixin, ListView):
    model = Person
    reads = (Person,)
    template_name = "catalogue/person_list.html"
    context_object_name = "people"
    paginate_by = PAGE_SIZE
    extra_context = {"nav_section": "people"}
    canonical_query = ("page",)

    def get_page_meta(self, context):
        return PageMeta(
            title=paged("People", context),
            description="Directors, writers, cinematographers, composers and actors of Soviet films about industry.",
        )

    def get_queryset(self):
        return Person.objects.only("name", "original_name", "slug", "birth_year", "death_year").order_by(
            Lower("name"), "pk"
        )


class PersonDetailView(PageMetaMixin, DetailView):
    queryset = Person.objects.select_related("portrait")
    template_name = "catalogue/person_detail.html"
    context_object_name = "person"
    extra_context = {"nav_section": "people"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filmography"] = filmography(self.object)
        return context

    def get_page_meta(self, context):
        person = self.object
        life = f" ({person.life_span})" if person.life_span else ""
        return PageMeta(
            title=person.name,
            description=describe(person.biography, f"{person.name}{life}: films in {CATALOGUE}."),
            kind="profile",
            picture=picture_of(person, "portrait"),
            structured_data=(structured_data.person(person, self.request),),
        )


class StudioListView(KeptListMixin, PageMetaMixin, ListView):
    # Each studio with its number of published films.
    reads = (Studio, FilmStudio, Film)
    rows_template = "catalogue/includes/studio_rows.html"
    template_name = "catalogue/studio_list.html"
    context_object_name = "studios"
    paginate_by = PAGE_SIZE
    extra_context = {"nav_section": "studios"}
    canonical_query = ("page",)

    def get_page_meta(self, context):
        return PageMeta(
            title=paged("Studios", context),
            description="The film studios behind Soviet films about industry, and the films they made.",
        )

    def get_queryset(self):
        return Studio.objects.only("name", "original_name", "slug", "city").order_by(Lower("name"), "pk")

    def when_built(self, studios):
        # Kept counts, not a count over every film: this index is built afresh after each edit.
        counting_now = Count("films", filter=published_q("films__"))
        return studios.annotate(film_count=kept_film_count("studio", OuterRef("slug"), counting_now))


class StudioDetailView(PageMetaMixin, DetailView):
    queryset = Studio.objects.select_related("logo")
    template_name = "catalogue/studio_detail.html"
    context_object_name = "studio"
    extra_context = {"nav_section": "studios"}

    canonical_query = ("page",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        films = self.object.films.published().for_listing().order_by("year", Lower("title"), "pk")
        # A studio of thousands of films (Mosfilm) is read a page at a time.
        context["page_obj"] = narrowing.page(films, PAGE_SIZE, self.request.GET)
        context["films"] = context["page_obj"].object_list
        return context

    def get_page_meta(self, context):
        studio = self.object
        city = f", {studio.city}" if studio.city else ""
        return PageMeta(
            title=paged(studio.name, context),
            description=describe(studio.description, f"{studio.name}{city}: its films in {CATALOGUE}."),
            picture=picture_of(studio, "logo"),
        )
