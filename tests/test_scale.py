"""
Every public page runs the same fixed number of queries on a catalogue of
10,000 films as on a small one, and a theme that thousands of films carry is
paginated. (How fast each page is at that size is the benchmark's business,
scripts/benchmark --scale, never a test's.)
"""

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from taggit.models import Tag

from catalogue.browsing import FilmBrowser, recount_published_films
from catalogue.models import Credit, Film, FilmStudio, Influence, Person, Role, Studio, TaggedFilm
from catalogue.tests.factories import make_films
from catalogue.tests.test_feeds import FEED_QUERIES
from catalogue.tests.test_film_page_queries import (
    FILM_INDEX_QUERIES,
    FILM_PAGE_QUERIES,
    INDEX_QUERIES,
    PERSON_PAGE_QUERIES,
    STUDIO_INDEX_QUERIES,
    STUDIO_PAGE_QUERIES,
    UNFILTERED_FILM_INDEX_QUERIES,
)
from catalogue.tests.test_influence_map import MAP_QUERIES
from catalogue.tests.test_sitemap import SITEMAP_INDEX_QUERIES, SITEMAP_QUERIES
from catalogue.tests.test_timeline import TIMELINE_QUERIES
from core.models import ChangeStamp
from curation.models import CuratedList, ListEntry, TaggedList
from curation.tests.factories import PUBLISHED
from curation.tests.test_feeds import LIST_FEED_QUERIES, THEME_FEED_QUERIES
from curation.tests.test_query_counts import (
    HOME_PAGE_QUERIES,
    LIST_INDEX_QUERIES,
    LIST_PAGE_QUERIES,
    THEME_INDEX_QUERIES,
    THEME_PAGE_QUERIES,
)
from curation.views import ThemeDetailView

pytestmark = pytest.mark.django_db

FILMS = 10_000
THEMES = 200


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """10,000 films, 200 themes (one carried by 5,000 films), 100 lists, a prolific person and studio."""
    with django_db_blocker.unblock():
        films = make_films(FILMS, prefix="Scale")
        tags = Tag.objects.bulk_create(Tag(name=f"scale theme {n}", slug=f"scale-theme-{n}") for n in range(THEMES))
        TaggedFilm.objects.bulk_create(
            [TaggedFilm(content_object=film, tag=tags[0]) for film in films[::2]]
            + [TaggedFilm(content_object=film, tag=tags[1 + n % (THEMES - 1)]) for n, film in enumerate(films)]
        )
        lists = CuratedList.objects.bulk_create(
            CuratedList(title=f"Scale list {n}", slug=f"scale-list-{n}", intro="Intro.", published_at=PUBLISHED)
            for n in range(100)
        )
        ListEntry.objects.bulk_create(
            ListEntry(curated_list=lists[0], film=film, position=n) for n, film in enumerate(films[:500])
        )
        TaggedList.objects.bulk_create(TaggedList(content_object=item, tag=tags[0]) for item in lists)
        person = Person.objects.create(name="Prolific Person", slug="prolific-person")
        Credit.objects.bulk_create(
            Credit(film=film, person=person, role=Role.DIRECTOR, position=1) for film in films[:1000]
        )
        studio = Studio.objects.create(name="Big Studio", slug="big-studio")
        FilmStudio.objects.bulk_create(FilmStudio(film=film, studio=studio, position=1) for film in films[:1000])
        Influence.objects.bulk_create(
            Influence(influencer=films[n], influenced=films[n + 1], note="Montage") for n in range(0, FILMS - 1, 2)
        )
        # As every writer in bulk does once it commits (core.tallies): the film index's counts are kept.
        recount_published_films()
    yield {"film": films[1], "tag": tags[0], "list": lists[0], "person": person, "studio": studio}
    # Plain SQL: deleting through the ORM would send a signal for each of the tens of thousands of rows.
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for model in (
            TaggedFilm,
            TaggedList,
            ListEntry,
            Credit,
            FilmStudio,
            Influence,
            CuratedList,
            Film,
            Person,
            Studio,
            Tag,
        ):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        recount_published_films()


def pages(catalogue):
    return [
        ("/", HOME_PAGE_QUERIES),
        (reverse("catalogue:film_list"), FILM_INDEX_QUERIES),
        (reverse("catalogue:film_list") + "?sort=-year&page=150", FILM_INDEX_QUERIES),
        (reverse("catalogue:film_list") + "?decade=1930&studio=big-studio&theme=scale-theme-0", FILM_INDEX_QUERIES),
        (catalogue["film"].get_absolute_url(), FILM_PAGE_QUERIES),
        (catalogue["person"].get_absolute_url(), PERSON_PAGE_QUERIES),
        (catalogue["studio"].get_absolute_url(), STUDIO_PAGE_QUERIES),
        (reverse("catalogue:person_list"), INDEX_QUERIES),
        (reverse("catalogue:studio_list"), STUDIO_INDEX_QUERIES),
        (reverse("curation:list_index"), LIST_INDEX_QUERIES),
        (catalogue["list"].get_absolute_url(), LIST_PAGE_QUERIES),
        (reverse("curation:theme_index"), THEME_INDEX_QUERIES),
        (catalogue["tag"].get_absolute_url(), THEME_PAGE_QUERIES),
        (catalogue["tag"].get_absolute_url() + "?page=50", THEME_PAGE_QUERIES),
        (reverse("catalogue:timeline"), TIMELINE_QUERIES),
        (reverse("catalogue:timeline") + f"?decade=1930&theme={catalogue['tag'].slug}&page=2", TIMELINE_QUERIES),
        (reverse("catalogue:influence_map"), MAP_QUERIES),
        (reverse("catalogue:influence_map") + "?page=40", MAP_QUERIES),
        (reverse("catalogue:film_feed"), FEED_QUERIES),
        (reverse("curation:list_feed"), LIST_FEED_QUERIES),
        (reverse("curation:theme_feed", args=[catalogue["tag"].slug]), THEME_FEED_QUERIES),
        (reverse("sitemap"), SITEMAP_INDEX_QUERIES),
        (reverse("sitemap_section", args=["films"]) + "?p=10", SITEMAP_QUERIES),
        (reverse("sitemap_section", args=["people"]), SITEMAP_QUERIES),
    ]


def test_every_public_page_runs_a_fixed_number_of_queries_on_10000_films(
    client, catalogue, django_assert_max_num_queries
):
    for url, queries in pages(catalogue):
        with django_assert_max_num_queries(queries, info=url):
            assert client.get(url).status_code == 200, url


def test_the_index_with_no_filter_reads_its_counts_instead_of_counting_10000_films(
    client, catalogue, django_assert_num_queries
):
    with django_assert_num_queries(UNFILTERED_FILM_INDEX_QUERIES):
        response = client.get(reverse("catalogue:film_list"))

    assert UNFILTERED_FILM_INDEX_QUERIES < INDEX_QUERIES + 4  # before: four grouped counts over every film
    counted = FilmBrowser(QueryDict()).counted()
    assert {facet.name: facet.choices for facet in response.context["facets"]} == counted


def test_a_theme_carried_by_thousands_of_films_is_paginated(client, catalogue):
    per_page = ThemeDetailView.paginate_by
    first = client.get(catalogue["tag"].get_absolute_url())
    last = client.get(catalogue["tag"].get_absolute_url(), {"page": "last"})

    assert len(first.context["films"]) == per_page
    assert first.context["paginator"].count == FILMS // 2
    assert last.context["page_obj"].number == FILMS // 2 // per_page


def test_pages_that_keep_their_data_run_one_query_on_10000_films_while_nothing_they_read_changes(
    client, catalogue, page_data, django_assert_num_queries
):
    # url -> queries: the change stamps, and on a filtered film index the
    # lookups of the chosen studio and theme that validate the address.
    kept = {
        "/": 1,
        reverse("catalogue:film_list"): 1,
        reverse("catalogue:film_list") + "?decade=1930&studio=big-studio&theme=scale-theme-0": 3,
        catalogue["film"].get_absolute_url(): 1,
        catalogue["list"].get_absolute_url(): 1,
        catalogue["tag"].get_absolute_url(): 1,
        catalogue["tag"].get_absolute_url() + "?page=50": 1,
        reverse("catalogue:person_list"): 1,
        reverse("catalogue:studio_list"): 1,
        reverse("curation:list_index"): 1,
        reverse("curation:theme_index") + "?sort=films": 1,
        reverse("catalogue:timeline") + f"?decade=1930&theme={catalogue['tag'].slug}&page=2": 1,
        reverse("catalogue:influence_map") + "?page=40": 1,
    }
    # The catalogue was written a moment ago: what it stamped is older than anything kept here.
    ChangeStamp.objects.all().delete()
    for url, queries in kept.items():
        first = client.get(url)
        with django_assert_num_queries(queries, info=url):
            again = client.get(url)
        assert again.content == first.content, url
