"""
The filtered film index as readers get it: through the page cache (warm and
cold), across pages and sort orders, and at a fixed number of queries however
large the catalogue.
"""

import re
from collections import Counter

import pytest
from taggit.models import Tag

from catalogue.models import Film, FilmStudio, Studio, TaggedFilm

from .factories import PUBLISHED, add_poster_rows, make_film, make_films, make_studio
from .test_film_page_queries import FILM_INDEX_QUERIES

pytestmark = pytest.mark.django_db

INDEX = "/films/"


def titles(response):
    return re.findall(r'<a href="/films/[^"]+/">([^<]+)</a>', response.text)


def next_page_link(response):
    return re.search(r'<a href="([^"]+)" rel="next">', response.text)[1].replace("&amp;", "&")


# Through the page cache


@pytest.fixture
def lenfilm_and_mosfilm(page_cache):
    lenfilm, mosfilm = make_studio("Lenfilm Studio", slug="lenfilm"), make_studio("Mosfilm", slug="mosfilm")
    make_film("The Miners", 1937).studios.add(lenfilm)
    make_film("Counterplan", 1932).studios.add(lenfilm)
    make_film("Tractor Drivers", 1939).studios.add(mosfilm)
    make_film("The Height", 1957).studios.add(mosfilm)
    return lenfilm


def test_filters_narrow_the_cached_index_on_a_cold_and_a_warm_cache(client, lenfilm_and_mosfilm):
    everything = client.get(INDEX)  # the whole index is in the cache now

    cold = client.get(INDEX, {"decade": "1930", "studio": "mosfilm"})
    warm = client.get(INDEX, {"decade": "1930", "studio": "mosfilm"})

    assert len(titles(everything)) == 4
    assert titles(cold) == titles(warm) == ["Tractor Drivers"]
    assert warm.content == cold.content


def test_a_warm_filtered_page_is_served_without_the_database(client, lenfilm_and_mosfilm, django_assert_num_queries):
    client.get(INDEX, {"studio": "lenfilm"})

    with django_assert_num_queries(0):
        warm = client.get(INDEX, {"studio": "lenfilm"})

    assert titles(warm) == ["Counterplan", "The Miners"]


def test_each_filter_gets_a_cached_page_of_its_own(client, lenfilm_and_mosfilm):
    for name, value, expected in [
        ("decade", "1950", ["The Height"]),
        ("year_from", "1938", ["The Height", "Tractor Drivers"]),
        ("year_to", "1932", ["Counterplan"]),
        ("studio", "lenfilm", ["Counterplan", "The Miners"]),
    ]:
        client.get(INDEX)
        assert titles(client.get(INDEX, {name: value})) == expected, name
        assert titles(client.get(INDEX, {name: value})) == expected, name


def test_country_and_theme_get_cached_pages_of_their_own(client, page_cache):
    make_film("Turksib", 1929, country="Soviet Union").tags.add("railways")
    make_film("Earth", 1930, country="Ukrainian SSR").tags.add("collective farms")
    client.get(INDEX)

    for _ in range(2):
        assert titles(client.get(INDEX, {"country": "Ukrainian SSR"})) == ["Earth"]
        assert titles(client.get(INDEX, {"theme": "railways"})) == ["Turksib"]


def test_a_form_submission_through_the_cache_lands_on_the_tidy_address(client, lenfilm_and_mosfilm):
    form = "decade=1930&year_from=&year_to=&country=&studio=lenfilm&theme="

    response = client.get(f"{INDEX}?{form}", follow=True)

    assert response.redirect_chain == [("/films/?decade=1930&studio=lenfilm", 302)]
    assert titles(response) == ["Counterplan", "The Miners"]


def test_a_value_that_means_nothing_is_never_cached(client, lenfilm_and_mosfilm, django_assert_max_num_queries):
    client.get(INDEX, {"decade": "abc", "studio": "lenfilm"})

    with django_assert_max_num_queries(FILM_INDEX_QUERIES) as queries:
        again = client.get(INDEX, {"decade": "abc", "studio": "lenfilm"})

    assert len(queries) > 0
    assert again.status_code == 400
    assert titles(again) == ["Counterplan", "The Miners"]


def test_an_edit_shows_on_the_next_visit_to_a_filtered_page(
    client, lenfilm_and_mosfilm, django_capture_on_commit_callbacks
):
    client.get(INDEX, {"studio": "lenfilm"})

    with django_capture_on_commit_callbacks(execute=True):
        make_film("Great Life", 1939).studios.add(lenfilm_and_mosfilm)

    assert titles(client.get(INDEX, {"studio": "lenfilm"})) == ["Counterplan", "Great Life", "The Miners"]


# Pages and sort orders


@pytest.fixture
def many_thirties_films():
    """120 Lenfilm films of the 1930s (more than two pages), and films of other decades and studios."""
    lenfilm, mosfilm = make_studio("Lenfilm Studio", slug="lenfilm"), make_studio("Mosfilm", slug="mosfilm")
    films = Film.objects.bulk_create(
        Film(title=f"Thirties {n:03}", slug=f"thirties-{n}", year=1930 + n % 10, published_at=PUBLISHED)
        for n in range(120)
    )
    FilmStudio.objects.bulk_create(FilmStudio(film=film, studio=lenfilm, position=1) for film in films)
    make_film("Elsewhere", 1935).studios.add(mosfilm)
    make_film("Later", 1957).studios.add(lenfilm)


def test_the_next_page_keeps_the_filters_and_the_sort_order(client, many_thirties_films):
    first = client.get(INDEX, {"decade": "1930", "studio": "lenfilm", "sort": "-year"})

    assert next_page_link(first) == "?decade=1930&studio=lenfilm&sort=-year&page=2"
    second = client.get(f"{INDEX}{next_page_link(first)}")
    assert second.status_code == 200
    years = [film.year for film in first.context["films"]] + [film.year for film in second.context["films"]]
    assert years == sorted(years, reverse=True)
    assert {film.title for film in second.context["films"]} <= {f"Thirties {n:03}" for n in range(120)}
    assert next_page_link(second) == "?decade=1930&studio=lenfilm&sort=-year&page=3"


def test_every_page_of_a_filtered_index_holds_only_matching_films(client, many_thirties_films):
    seen = []
    for page in (1, 2, 3):
        response = client.get(INDEX, {"decade": "1930", "studio": "lenfilm", "sort": "year", "page": page})
        seen += [film.title for film in response.context["films"]]

    assert sorted(seen) == [f"Thirties {n:03}" for n in range(120)]


def test_sorting_keeps_the_filters_and_starts_again_at_page_one(client, many_thirties_films):
    response = client.get(INDEX, {"decade": "1930", "studio": "lenfilm", "page": 2})

    sort_links = re.findall(r'<li><a href="([^"]+)"[^>]*>(?:Title|Year)', response.text)
    assert [link.replace("&amp;", "&") for link in sort_links] == [
        "?decade=1930&studio=lenfilm&sort=title",
        "?decade=1930&studio=lenfilm&sort=-title",
        "?decade=1930&studio=lenfilm&sort=year",
        "?decade=1930&studio=lenfilm&sort=-year",
    ]


def test_filtering_again_starts_at_page_one(client, many_thirties_films):
    response = client.get(INDEX, {"decade": "1930", "sort": "-year", "page": 2})

    start = response.text.index('<form class="film-filters"')
    form = response.text[start : response.text.index("</form>", start)]
    assert 'name="page"' not in form
    assert '<input type="hidden" name="sort" value="-year">' in form


# Queries


@pytest.fixture
def large_catalogue():
    """300 published films with posters over seven decades, 30 studios, 40 themes and 5 countries; 20 drafts."""
    countries = ["Soviet Union", "Ukrainian SSR", "Georgian SSR", "Kazakh SSR", "Latvian SSR"]
    films = Film.objects.bulk_create(
        Film(
            title=f"Film {n}",
            slug=f"film-{n}",
            year=1920 + n % 70,
            country=countries[n % 5],
            published_at=PUBLISHED if n < 300 else None,
        )
        for n in range(320)
    )
    add_poster_rows(films[::3])
    studios = Studio.objects.bulk_create(Studio(name=f"Studio {n}", slug=f"studio-{n}") for n in range(30))
    FilmStudio.objects.bulk_create(
        FilmStudio(film=film, studio=studios[(n + offset) % 30], position=offset + 1)
        for n, film in enumerate(films)
        for offset in (0, 7)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"theme {n}", slug=f"theme-{n}") for n in range(40))
    TaggedFilm.objects.bulk_create(
        TaggedFilm(content_object=film, tag=tags[(n + offset) % 40])
        for n, film in enumerate(films)
        for offset in (0, 3)
    )
    return films


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"sort": "-year", "page": "2"},
        {"decade": "1930"},
        {"studio": "studio-3", "theme": "theme-3"},
        {"decade": "1930", "year_from": "1931", "year_to": "1938", "country": "Soviet Union", "studio": "studio-0"},
        {"decade": "1930", "year_from": "1931", "country": "Soviet Union", "studio": "studio-0", "theme": "theme-0"},
        {"decade": "abc", "studio": "no-such-studio", "theme": "no-such-theme"},
    ],
)
def test_the_filtered_index_runs_a_fixed_number_of_queries(
    client, large_catalogue, query, django_assert_max_num_queries
):
    with django_assert_max_num_queries(FILM_INDEX_QUERIES):
        response = client.get(INDEX, query)

    assert response.status_code in (200, 400)


def test_the_filtered_index_counts_hundreds_of_films_right(client, large_catalogue):
    response = client.get(INDEX, {"decade": "1930"})

    decades = {choice.label: choice.count for choice in response.context["facets"][0].choices}
    assert decades == Counter(f"{film.year // 10 * 10}s" for film in large_catalogue[:300])
    assert response.context["paginator"].count == decades["1930s"]
    make_films(5, prefix="Unfiltered")  # 1920–1924, published
    assert client.get(INDEX, {"decade": "1920"}).context["paginator"].count == decades["1920s"] + 5
