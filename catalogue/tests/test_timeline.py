"""The timeline of the catalogue: every published film by year, narrowed by decade and theme."""

import datetime
import re

import pytest
from django.urls import reverse

from .charts import SVG, drawing, drawn_links
from .factories import make_film, make_films

pytestmark = pytest.mark.django_db

TIMELINE = reverse("catalogue:timeline")
# The theme, the counts by decade, the counts by theme, the count of films, one page of them.
TIMELINE_QUERIES = 5


def film_links(response):
    return drawn_links(drawing(response.text, "chart--timeline"), "chart__film")


def listed_films(response):
    """(href, title) of the films in the text alternative beside the drawing, in order."""
    html = response.text
    start = html.index('class="timeline-list"')
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', html[start : html.index("</section>", start)])


@pytest.fixture
def catalogue():
    strike = make_film("Strike", 1925)
    miners = make_film("The Miners", 1937, slug="the-miners-1937")
    turksib = make_film("Turksib", 1929)
    miners.tags.add("coal mining")
    strike.tags.add("strikes")
    make_film("Donbass Symphony", 1930).tags.add("coal mining")
    return {"strike": strike, "miners": miners, "turksib": turksib}


def test_the_timeline_drawing_parses_as_xml_with_a_title_and_a_description(client, catalogue):
    svg = drawing(client.get(TIMELINE).text, "chart--timeline")

    assert svg.get("viewBox").startswith("0 0 ")
    assert svg.get("role") == "group"
    assert svg.find(f"{SVG}title").text == "Timeline of the catalogue"
    assert svg.find(f"{SVG}desc").text


def test_every_published_film_is_drawn_with_a_link_to_its_page_oldest_first(client, catalogue):
    links = film_links(client.get(TIMELINE))

    assert links == [
        ("/films/strike-1925/", "Strike (1925)"),
        ("/films/turksib-1929/", "Turksib (1929)"),
        ("/films/donbass-symphony-1930/", "Donbass Symphony (1930)"),
        ("/films/the-miners-1937/", "The Miners (1937)"),
    ]


def test_drafts_and_scheduled_films_are_never_drawn_listed_or_counted(client, catalogue):
    make_film("Secret Draft", 1933, published_at=None)
    make_film("Not Yet", 1933, published_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC))

    response = client.get(TIMELINE)

    assert "Secret Draft" not in response.text
    assert "Not Yet" not in response.text
    assert "4 published films" in response.text


def test_a_decade_narrows_the_timeline_to_its_films(client, catalogue):
    response = client.get(TIMELINE, {"decade": "1920"})

    assert [href for href, _ in film_links(response)] == ["/films/strike-1925/", "/films/turksib-1929/"]
    assert "2 published films from the 1920s" in response.text


def test_a_theme_narrows_the_timeline_to_its_films(client, catalogue):
    response = client.get(TIMELINE, {"theme": "coal-mining"})

    assert [href for href, _ in film_links(response)] == ["/films/donbass-symphony-1930/", "/films/the-miners-1937/"]


def test_a_decade_and_a_theme_combine(client, catalogue):
    response = client.get(TIMELINE, {"theme": "coal-mining", "decade": "1930"})

    assert [href for href, _ in film_links(response)] == ["/films/donbass-symphony-1930/", "/films/the-miners-1937/"]
    assert client.get(TIMELINE, {"theme": "strikes", "decade": "1930"}).context["years"] == []


def test_each_decade_is_offered_with_its_count_and_keeps_the_chosen_theme(client, catalogue):
    response = client.get(TIMELINE, {"theme": "coal-mining"})

    assert [(decade, count) for decade, count, _ in response.context["decades"]] == [(1930, 2)]
    assert '<a href="?decade=1930&amp;theme=coal-mining">1930s <span class="count">(2)</span></a>' in response.text


def test_each_theme_is_offered_with_its_count_in_the_chosen_decade(client, catalogue):
    response = client.get(TIMELINE, {"decade": "1930"})

    assert [(theme.name, count) for theme, count in response.context["themes"]] == [("coal mining", 2)]


def test_the_list_beside_the_drawing_holds_the_same_films_in_the_same_order(client, catalogue):
    response = client.get(TIMELINE)

    drawn = [(href, title.rsplit(" (", 1)[0]) for href, title in film_links(response)]
    assert listed_films(response) == drawn


def test_a_long_title_is_shortened_in_the_drawing_and_whole_in_its_link(client):
    title = "Подземныешахтёрыдонбассакоторыевыполнилипятилетку" * 2
    make_film(title, 1931, slug="long-1931")

    svg = drawing(client.get(TIMELINE).text, "chart--timeline")

    link = next(link for link in svg.iter(f"{SVG}a") if link.get("class") == "chart__film")
    assert link.find(f"{SVG}title").text == f"{title} (1931)"
    assert link.find(f"{SVG}text").text.endswith("…")
    assert len(link.find(f"{SVG}text").text) < 40


def test_a_decade_or_theme_that_names_nothing_is_not_found(client, catalogue):
    for query in [{"decade": "1935"}, {"decade": "abc"}, {"decade": "0"}, {"theme": "no-such-theme"}, {"page": "x"}]:
        assert client.get(TIMELINE, query).status_code == 404, query
    assert client.get(f"{TIMELINE}?decade=1920&decade=1930").status_code == 404


def test_an_empty_decade_says_so_and_offers_the_whole_timeline(client, catalogue):
    response = client.get(TIMELINE, {"decade": "1960"})

    assert response.status_code == 200
    assert "No published films from the 1960s yet." in response.text


def test_a_large_catalogue_is_drawn_a_page_at_a_time(client):
    make_films(250)

    first = client.get(TIMELINE)
    second = client.get(TIMELINE, {"page": "2"})

    assert len(film_links(first)) == 200
    assert len(film_links(second)) == 50
    assert 'href="?page=2"' in first.text


def test_the_timeline_runs_a_fixed_number_of_queries_however_many_films(client, django_assert_max_num_queries):
    films = make_films(400)
    for film in films[:150]:
        film.tags.add("coal mining", f"theme {film.pk % 7}")

    with django_assert_max_num_queries(TIMELINE_QUERIES):
        response = client.get(TIMELINE, {"theme": "coal-mining", "decade": "1930"})

    assert len(film_links(response)) > 10


def test_the_site_navigation_links_to_the_timeline(client, catalogue):
    response = client.get(reverse("catalogue:film_list"))

    assert f'<a href="{TIMELINE}">Timeline</a>' in response.text


def test_a_film_page_links_to_its_year_on_the_timeline(client, catalogue):
    response = client.get(catalogue["miners"].get_absolute_url())

    assert f'<a href="{TIMELINE}?decade=1930#year-1937">1937 on the timeline</a>' in response.text
    assert 'id="year-1937"' in client.get(f"{TIMELINE}?decade=1930").text


def test_each_narrowing_is_cached_as_its_own_page_and_other_parameters_are_ignored(
    client, catalogue, page_cache, django_assert_num_queries
):
    twenties = client.get(TIMELINE, {"decade": "1920"})
    thirties = client.get(TIMELINE, {"decade": "1930", "theme": "coal-mining"})

    with django_assert_num_queries(0):
        again = client.get(TIMELINE, {"theme": "coal-mining", "decade": "1930", "utm_source": "feed"})

    assert again.content == thirties.content
    assert "Strike" in [title for _, title in listed_films(twenties)]
    assert "Strike" not in [title for _, title in listed_films(thirties)]


def test_a_film_published_after_a_visit_is_on_the_next_visit(
    client, catalogue, page_cache, django_capture_on_commit_callbacks
):
    draft = make_film("Enthusiasm", 1930, published_at=None)
    assert "Enthusiasm" not in client.get(TIMELINE).text

    with django_capture_on_commit_callbacks(execute=True):
        draft.publish()
        draft.save()

    assert "/films/enthusiasm-1930/" in [href for href, _ in film_links(client.get(TIMELINE))]
