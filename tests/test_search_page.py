"""The results page as readers meet it: the header's box, grouped results, bad queries, the real middleware."""

import re

import pytest
from django.urls import reverse

from catalogue.models import Film, Trivia
from catalogue.tests.factories import make_films
from core.search.indexing import rebuild
from core.search.query import MAX_QUERY_LENGTH
from core.tests.helpers import load_seed, visible_text

pytestmark = pytest.mark.django_db

SEARCH_PAGE_QUERIES = 2  # counts by kind, then the best results of each kind


@pytest.fixture
def seed(django_capture_on_commit_callbacks):
    """The seed `make run` loads, indexed as its commit would index it."""
    with django_capture_on_commit_callbacks(execute=True):
        load_seed()


def results(response):
    """{group heading: [result links]} as the page lists them."""
    html = response.content.decode()
    groups = {}
    for section in re.findall(r'<section id="results-.*?</section>', html, flags=re.S):
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h2[^>]*>(.*?)</h2>", section, flags=re.S).group(1))
        groups[" ".join(heading.split())] = re.findall(r'class="search-result__title" href="([^"]+)"', section)
    return groups


def test_the_search_address_is_named_search_for_other_pages_to_link_to():
    assert reverse("search") == "/search/"


@pytest.mark.parametrize("address", ["/", "/films/", "/films/the-miners-1937/", "/lists/", "/themes/", "/people/"])
def test_every_page_has_a_labelled_search_box_in_its_header_that_works_without_script(client, seed, address):
    html = client.get(address).content.decode()

    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert '<form class="site-search" role="search" aria-label="Site" action="/search/" method="get">' in header
    assert '<label class="visually-hidden" for="site-search-q">' in header
    assert 'id="site-search-q"' in header and 'name="q"' in header


@pytest.mark.parametrize("typed", ["шахтеры", "ШАХТЁРЫ", "Шахтёры"])
def test_a_reader_finds_the_miners_however_they_type_it(client, seed, typed):
    response = client.get("/search/", {"q": typed})

    assert response.status_code == 200
    assert results(response) == {"Films (1)": ["/films/the-miners-1937/"]}
    assert "<mark>Шахтёры</mark>" in response.text


def test_results_are_grouped_by_kind_with_counts_and_link_to_their_pages(client, seed):
    response = client.get("/search/", {"q": "coal"})

    groups = results(response)
    assert list(groups) == ["Films (1)", "Themes (1)", "Quotes (2)", "Scenes (1)"]
    assert groups["Films (1)"] == ["/films/the-miners-1937/"]
    assert groups["Themes (1)"] == ["/themes/coal-mining/"]
    assert all(re.fullmatch(r"/films/the-miners-1937/#quote-\d+", url) for url in groups["Quotes (2)"])
    assert "5 results for “coal”." in visible_text(response)


def test_the_strike_finds_strike_by_its_alternative_title(client, seed):
    assert results(client.get("/search/", {"q": "The Strike"}))["Films (1)"] == ["/films/strike-1925/"]
    assert results(client.get("/search/", {"q": "стачки"}))["Films (1)"] == ["/films/strike-1925/"]


def test_one_kind_has_a_page_of_its_own(client, seed):
    response = client.get("/search/", {"q": "coal", "kind": "quote"})

    assert list(results(response)) == ["Quotes (2)"]
    assert "2 results among quotes for “coal”." in visible_text(response)


@pytest.mark.parametrize("kind", ["", "nonsense", "<b>"])
def test_an_unknown_kind_searches_everything(client, seed, kind):
    assert "Films (1)" in results(client.get("/search/", {"q": "coal", "kind": kind, "page": "x"}))


def test_an_empty_search_asks_for_words(client, seed):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert "Type a title (in Russian or English)" in visible_text(response)
    assert results(response) == {}


def test_a_search_of_only_punctuation_says_it_has_no_words(client, seed):
    response = client.get("/search/", {"q": "?!… — ''"})

    assert response.status_code == 200
    assert "has no words to search for" in visible_text(response)


@pytest.mark.parametrize("typed", ['"', '""', "* : -", "( ) ^", '"*" - :()', "OR AND", "-- 'or' (and)"])
def test_a_search_of_only_full_text_syntax_says_it_has_no_words(client, seed, typed):
    response = client.get("/search/", {"q": typed})

    assert response.status_code == 200
    assert "has no words to search for" in visible_text(response)


@pytest.mark.parametrize("typed", ['"miners"', '"miners', "miners*", "(miners)", "miners:", "^miners", "miners OR"])
def test_full_text_syntax_around_a_word_is_not_read_as_syntax(client, seed, typed):
    response = client.get("/search/", {"q": typed})

    assert response.status_code == 200
    assert results(response)["Films (1)"] == ["/films/the-miners-1937/"]


def test_a_search_for_near_finds_nothing_rather_than_failing(client, seed):
    response = client.get("/search/", {"q": "NEAR(miners strike)"})

    assert response.status_code == 200
    assert "Nothing found for “NEAR(miners strike)”." in visible_text(response)


def test_a_search_that_finds_nothing_says_so(client, seed):
    response = client.get("/search/", {"q": "hovercraft"})

    assert response.status_code == 200
    assert "Nothing found for “hovercraft”." in visible_text(response)


def test_a_five_thousand_character_search_is_shortened_and_says_so(client, seed):
    response = client.get("/search/", {"q": ("miners " * 715)[:5000]})

    assert response.status_code == 200
    assert "Films (1)" in results(response)
    used = re.search(r"Only the first (\d+) characters of your search were used\.", visible_text(response))
    assert used and int(used.group(1)) <= MAX_QUERY_LENGTH


def test_sql_in_a_search_is_only_words(client, seed):
    response = client.get("/search/", {"q": "'; DROP TABLE catalogue_film; -- miners\" OR 1=1"})

    assert response.status_code == 200
    assert Film.objects.count() == 23
    assert "&#x27;; DROP TABLE catalogue_film; -- miners&quot; OR 1=1" in response.text


def test_html_in_a_search_is_echoed_escaped(client, seed):
    response = client.get("/search/", {"q": '<script>alert("x")</script><b>Шахтёры</b>'})

    assert response.status_code == 200
    assert "<script>alert" not in response.text and "<b>Шахтёры" not in response.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Шахтёры&lt;/b&gt;" in response.text


def test_results_pages_are_kept_out_of_caches_and_search_engines(client, seed):
    response = client.get("/search/", {"q": "miners"})

    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text


def test_a_search_through_the_cached_site_finds_what_each_query_asks(client, seed, page_cache):
    client.get("/")  # the page cache is in use
    first = client.get("/search/?q=шахтеры&utm_source=x")
    second = client.get("/search/?q=стачки&utm_source=x")

    assert results(first) == {"Films (1)": ["/films/the-miners-1937/"]}
    assert results(second) == {"Films (1)": ["/films/strike-1925/"]}
    assert "ETag" not in second


def test_the_results_page_runs_a_fixed_number_of_queries_on_hundreds_of_films(client, django_assert_max_num_queries):
    films = make_films(400, prefix="Miner Film")
    Trivia.objects.bulk_create(Trivia(film=film, text=f"Miners dug coal in film {film.pk}.") for film in films)
    rebuild()

    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES):
        response = client.get("/search/", {"q": "miner coal"})
    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES):
        one_kind = client.get("/search/", {"q": "miner", "kind": "trivia", "page": "3"})

    assert "Trivia (400)" in results(response)
    assert len(results(response)["Trivia (400)"]) == 5
    assert len(results(one_kind)["Trivia (400)"]) == 20
    assert "Page 3 of 20" in visible_text(one_kind)
