"""The influence map: which published films influenced which, with the notes, for the catalogue and around each film."""

import re

import pytest
from django.urls import reverse

from catalogue.models import Film, Influence

from .charts import SVG, drawing, drawn_links, drawn_texts
from .factories import make_film, make_films, make_influence

pytestmark = pytest.mark.django_db

MAP = reverse("catalogue:influence_map")
# The count of influences, then one page of them with both films.
MAP_QUERIES = 2


def arcs(svg):
    """[(start row's y, end row's y, description)] of the drawing's arcs."""
    found = []
    for path in svg.iter(f"{SVG}path"):
        if path.get("class") != "chart__arc":
            continue
        start_y, end_y = re.fullmatch(r"M\d+ (\d+) A\S+ \S+ 0 0 [01] \d+ (\d+)", path.get("d")).groups()
        found.append((int(start_y), int(end_y), path.find(f"{SVG}title").text))
    return found


def row_of(svg, name):
    """The y of the row that names the film `name` ("Title (year)")."""
    for element in svg.iter(f"{SVG}text"):
        if "".join(element.itertext()) == name:
            return int(element.get("y"))
    raise AssertionError(f"{name} is not drawn")


def table_rows(html):
    """[(influencer href, influenced href, note)] of the table beside the whole map."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    found = []
    for row in rows:
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        hrefs = [re.search(r'href="([^"]+)"', cell).group(1) for cell in cells[:2]]
        found.append((*hrefs, cells[2].split("<p", 1)[0].strip()))
    return found


@pytest.fixture
def catalogue():
    strike = make_film("Strike", 1925)
    chapaev = make_film("Chapaev", 1934)
    miners = make_film("The Miners", 1937, slug="the-miners-1937")
    citizen = make_film("The Great Citizen", 1938)
    make_influence(strike, miners, note="Montage of the crowd")
    make_influence(chapaev, miners, note="Character archetypes of the heroic worker")
    make_influence(miners, citizen, note="Similar themes of hunting internal enemies")
    return {"strike": strike, "chapaev": chapaev, "miners": miners, "citizen": citizen}


def test_the_whole_map_parses_as_xml_with_a_title_and_a_description(client, catalogue):
    svg = drawing(client.get(MAP).text, "chart--influences")

    assert svg.get("role") == "group"
    assert svg.find(f"{SVG}title").text == "Influence map of the catalogue"
    assert "arc with an arrow" in svg.find(f"{SVG}desc").text


def test_every_connected_published_film_is_drawn_with_a_link_to_its_page_in_year_order(client, catalogue):
    make_film("Turksib", 1929)  # no influence: not on the map

    links = drawn_links(drawing(client.get(MAP).text, "chart--influences"))

    assert links == [
        ("/films/strike-1925/", "Strike (1925)"),
        ("/films/chapaev-1934/", "Chapaev (1934)"),
        ("/films/the-miners-1937/", "The Miners (1937)"),
        ("/films/the-great-citizen-1938/", "The Great Citizen (1938)"),
    ]


def test_each_arc_runs_from_the_influencer_to_the_film_it_influenced_with_the_note(client, catalogue):
    svg = drawing(client.get(MAP).text, "chart--influences")
    miners, chapaev, citizen = (
        row_of(svg, name) for name in ["The Miners (1937)", "Chapaev (1934)", "The Great Citizen (1938)"]
    )

    assert (
        chapaev,
        miners,
        "Chapaev (1934) influenced The Miners (1937): Character archetypes of the heroic worker",
    ) in arcs(svg)
    assert (
        miners,
        citizen,
        "The Miners (1937) influenced The Great Citizen (1938): Similar themes of hunting internal enemies",
    ) in arcs(svg)
    assert len(arcs(svg)) == 3


def test_influences_with_a_draft_or_scheduled_film_are_never_shown(client, catalogue):
    draft = make_film("Secret Draft", 1936, published_at=None)
    make_influence(draft, catalogue["miners"], note="Hidden note")
    make_influence(catalogue["miners"], make_film("Unreleased", 1939, published_at=None))

    response = client.get(MAP)

    assert "Secret Draft" not in response.text
    assert "Hidden note" not in response.text
    assert "Unreleased" not in response.text
    assert "3 influences" in response.text


def test_the_table_beside_the_map_lists_the_drawn_influences_with_their_notes(client, catalogue):
    response = client.get(MAP)
    svg = drawing(response.text, "chart--influences")
    titles = dict(drawn_links(svg))

    rows = table_rows(response.text)

    assert [f"{titles[a]} influenced {titles[b]}: {note}" for a, b, note in rows] == [text for *_, text in arcs(svg)]
    assert {href for a, b, _ in rows for href in (a, b)} == set(titles)


def test_the_whole_map_runs_a_fixed_number_of_queries_and_is_paged(client, django_assert_max_num_queries):
    films = make_films(400)
    Influence.objects.bulk_create(
        Influence(influencer=films[n], influenced=films[n + 1], note=f"note {n}") for n in range(0, 398, 2)
    )

    with django_assert_max_num_queries(MAP_QUERIES):
        first = client.get(MAP)
    second = client.get(MAP, {"page": "3"})

    assert len(arcs(drawing(first.text, "chart--influences"))) == 80
    assert len(arcs(drawing(second.text, "chart--influences"))) == 199 - 160
    assert client.get(MAP, {"page": "4"}).status_code == 404


def test_a_film_page_draws_the_map_around_the_film_with_the_notes(client, catalogue):
    html = client.get(catalogue["miners"].get_absolute_url()).text
    svg = drawing(html, "chart--influences")

    assert svg.find(f"{SVG}title").text == "Influence map of The Miners"
    assert [href for href, _ in drawn_links(svg)] == [
        "/films/strike-1925/",
        "/films/chapaev-1934/",
        "/films/the-great-citizen-1938/",
    ]
    assert drawn_texts(svg, "chart__focus") == ["The Miners (1937)"]  # the page's own film, not a link
    notes = drawn_texts(svg, "chart__note")
    assert " ".join(notes) == (
        "Montage of the crowd Character archetypes of the heroic worker Similar themes of hunting internal enemies"
    )
    assert len(notes) == 5  # the two longer notes take two lines each
    miners, citizen = row_of(svg, "The Miners (1937)"), row_of(svg, "The Great Citizen (1938)")
    assert (miners, citizen) in [(start, end) for start, end, _ in arcs(svg)]


def test_the_map_on_an_influenced_film_reads_the_same_influence_from_the_other_end(client, catalogue):
    svg = drawing(client.get(catalogue["citizen"].get_absolute_url()).text, "chart--influences")

    assert drawn_links(svg) == [("/films/the-miners-1937/", "The Miners (1937)")]
    assert drawn_texts(svg, "chart__focus") == ["The Great Citizen (1938)"]
    ((start, end, description),) = arcs(svg)
    assert (start, end) == (row_of(svg, "The Miners (1937)"), row_of(svg, "The Great Citizen (1938)"))
    assert description.endswith("Similar themes of hunting internal enemies")


def test_a_film_without_influences_has_no_map(client):
    film = make_film("Turksib", 1929)

    assert "chart--influences" not in client.get(film.get_absolute_url()).text


def test_a_film_page_links_to_the_whole_map_and_so_does_the_navigation(client, catalogue):
    html = client.get(catalogue["miners"].get_absolute_url()).text

    assert f'<a href="{MAP}">The influence map of the whole catalogue</a>' in html
    assert f'<a href="{MAP}">Influences</a>' in html


def test_an_empty_catalogue_has_an_empty_map_that_says_so(client):
    response = client.get(MAP)

    assert response.status_code == 200
    assert "No influences between published films are recorded yet." in response.text


def test_the_film_page_map_costs_no_query_of_its_own(client, catalogue, django_assert_num_queries):
    film = catalogue["miners"]
    client.get(film.get_absolute_url())  # warm up: content types, the outline's extension points
    Film.objects.filter(pk=film.pk).update(plot="Coal.")

    from .test_film_page_queries import FILM_PAGE_QUERIES

    with django_assert_num_queries(FILM_PAGE_QUERIES):
        response = client.get(film.get_absolute_url())
    assert "chart--influences" in response.text


def test_the_map_on_a_film_page_shows_the_same_films_and_notes_as_the_lists_beside_it(client, catalogue):
    html = client.get(catalogue["miners"].get_absolute_url()).text
    section = html[
        html.index('<section id="film-connections"') : html.index("</section>", html.index('id="film-connections"'))
    ]
    svg = drawing(section, "chart--influences")

    listed = re.findall(r'<li><a href="([^"]+)">[^<]+</a> \(\d+\) — ([^\n<]+)', section)

    hrefs = {name: href for href, name in drawn_links(svg)}
    drawn = []
    for *_, description in arcs(svg):
        films, note = description.split(": ", 1)
        other = next(name for name in films.split(" influenced ") if name != "The Miners (1937)")
        drawn.append((hrefs[other], note))
    assert sorted(listed) == sorted(drawn)
    assert len(listed) == 3


def test_an_influence_added_after_a_visit_is_on_the_next_visit(
    client, catalogue, page_cache, django_capture_on_commit_callbacks
):
    client.get(MAP)

    with django_capture_on_commit_callbacks(execute=True):
        make_influence(catalogue["strike"], catalogue["citizen"], note="The crowd as hero")

    assert "Strike (1925) influenced The Great Citizen (1938): The crowd as hero" in [
        text for *_, text in arcs(drawing(client.get(MAP).text, "chart--influences"))
    ]
