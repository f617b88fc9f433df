"""The film index narrowed by decade, year range, country, studio and theme, with counts beside each choice."""

import datetime
import re

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from .factories import make_film, make_film_with_every_section, make_studio

pytestmark = pytest.mark.django_db

INDEX = "/films/"


@pytest.fixture
def catalogue():
    """Five published films over three decades and two countries, one draft and one scheduled film."""
    lenfilm = make_studio("Lenfilm Studio", slug="lenfilm")
    rosfilm = make_studio("Rosfilm", slug="rosfilm")
    vostokkino = make_studio("Vostokkino", slug="vostokkino")
    turksib = make_film("Turksib", 1929, country="Soviet Union")
    turksib.studios.add(vostokkino)
    turksib.tags.add("railways")
    counterplan = make_film("Counterplan", 1932, country="Soviet Union")
    counterplan.studios.add(lenfilm, rosfilm)
    counterplan.tags.add("factories")
    miners = make_film("The Miners", 1937, country="Soviet Union")
    miners.studios.add(lenfilm)
    miners.tags.add("coal mining", "Donbas")
    citizen = make_film("The Great Citizen", 1938, country="Soviet Union")
    citizen.studios.add(lenfilm)
    spring = make_film("Spring on Zarechnaya Street", 1956, country="Ukrainian SSR")
    spring.tags.add("factories")
    draft = make_film("Secret Draft", 1935, country="Soviet Union", published_at=None)
    draft.studios.add(lenfilm, vostokkino)
    draft.tags.add("coal mining", "secret theme")
    scheduled = make_film(
        "Not Yet", 1936, country="Kazakh SSR", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    scheduled.studios.add(lenfilm)
    scheduled.tags.add("coal mining")


def titles(response):
    return sorted(film.title for film in response.context["films"])


def counts(response, facet_name):
    """{choice label: count} of one facet, as the page offers them."""
    facet = next(facet for facet in response.context["facets"] if facet.name == facet_name)
    return {choice.label: choice.count for choice in facet.choices}


# Narrowing


def test_a_decade_narrows_the_index_to_its_films(client, catalogue):
    response = client.get(INDEX, {"decade": "1930"})

    assert titles(response) == ["Counterplan", "The Great Citizen", "The Miners"]
    assertContains(response, "3 films match: 1930s.")


def test_a_year_range_includes_both_of_its_years(client, catalogue):
    response = client.get(INDEX, {"year_from": "1929", "year_to": "1937"})

    assert titles(response) == ["Counterplan", "The Miners", "Turksib"]


def test_a_year_range_may_be_open_at_either_end(client, catalogue):
    assert titles(client.get(INDEX, {"year_from": "1938"})) == ["Spring on Zarechnaya Street", "The Great Citizen"]
    assert titles(client.get(INDEX, {"year_to": "1929"})) == ["Turksib"]


def test_a_country_narrows_the_index_to_its_films(client, catalogue):
    assert titles(client.get(INDEX, {"country": "Ukrainian SSR"})) == ["Spring on Zarechnaya Street"]


def test_a_studio_narrows_the_index_to_the_films_it_made(client, catalogue):
    response = client.get(INDEX, {"studio": "lenfilm"})

    assert titles(response) == ["Counterplan", "The Great Citizen", "The Miners"]
    assertContains(response, "3 films match: Lenfilm Studio.")


def test_a_theme_narrows_the_index_to_the_films_that_carry_it(client, catalogue):
    response = client.get(INDEX, {"theme": "factories"})

    assert titles(response) == ["Counterplan", "Spring on Zarechnaya Street"]


def test_filters_combine(client, catalogue):
    response = client.get(INDEX, {"decade": "1930", "year_from": "1935", "studio": "lenfilm", "theme": "coal-mining"})

    assert titles(response) == ["The Miners"]
    assertContains(response, "1 film matches: 1930s, from 1935, Lenfilm Studio, theme: coal mining.")


def test_a_film_made_by_two_studios_is_listed_once(client, catalogue):
    response = client.get(INDEX, {"decade": "1930"})

    assert [film.title for film in response.context["films"]].count("Counterplan") == 1


# Counts


def test_each_choice_shows_how_many_published_films_it_would_leave(client, catalogue):
    response = client.get(INDEX)

    assert counts(response, "decade") == {"1920s": 1, "1930s": 3, "1950s": 1}
    assert counts(response, "country") == {"Soviet Union": 4, "Ukrainian SSR": 1}
    assert counts(response, "studio") == {"Lenfilm Studio": 3, "Rosfilm": 1, "Vostokkino": 1}
    assert counts(response, "theme") == {"coal mining": 1, "Donbas": 1, "factories": 2, "railways": 1}
    assertContains(response, '<option value="1930">1930s (3)</option>', html=True)
    assertContains(response, '<option value="lenfilm">Lenfilm Studio (3)</option>', html=True)


def test_drafts_and_scheduled_films_are_never_counted(client, catalogue):
    response = client.get(INDEX)

    assertNotContains(response, "secret theme")
    assertNotContains(response, "Kazakh SSR")
    assertContains(response, "5 films in the catalogue.")


def test_counts_respect_the_other_filters_but_not_their_own(client, catalogue):
    response = client.get(INDEX, {"decade": "1930", "studio": "lenfilm"})

    # Other decades still offered with what Lenfilm made in them; other studios with their 1930s films.
    assert counts(response, "decade") == {"1930s": 3}
    assert counts(response, "studio") == {"Lenfilm Studio": 3, "Rosfilm": 1}
    assert counts(response, "theme") == {"coal mining": 1, "Donbas": 1, "factories": 1}
    assert counts(response, "country") == {"Soviet Union": 3}


def test_the_chosen_values_are_selected_in_the_form(client, catalogue):
    response = client.get(INDEX, {"decade": "1930", "year_from": "1931", "studio": "lenfilm"})

    assertContains(response, '<option value="1930" selected>1930s (3)</option>', html=True)
    assertContains(response, '<option value="lenfilm" selected>Lenfilm Studio (3)</option>', html=True)
    assertContains(response, 'name="year_from" type="number" inputmode="numeric" min="1888" max="2100" value="1931"')


# Nothing found


def test_filters_that_leave_no_film_say_so_and_offer_a_way_back(client, catalogue):
    response = client.get(INDEX, {"decade": "1950", "studio": "lenfilm"})

    assert titles(response) == []
    assertContains(response, "No films match all of these: 1950s, Lenfilm Studio.")
    assertContains(response, '<a href="/films/">see every film</a>', html=True)
    # Each filter can be taken off on its own.
    assertContains(response, '<a href="/films/?studio=lenfilm">Remove<span class="visually-hidden"> 1950s</span></a>')
    assertContains(response, '<a href="/films/?decade=1950">Remove<span class="visually-hidden"> Lenfilm Studio</span>')


def test_a_chosen_value_that_leaves_no_film_is_still_offered_with_its_zero(client, catalogue):
    response = client.get(INDEX, {"decade": "1950", "studio": "lenfilm"})

    assert counts(response, "studio")["Lenfilm Studio"] == 0
    assertContains(response, '<option value="lenfilm" selected>Lenfilm Studio (0)</option>', html=True)


# What means nothing


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"decade": "abc"}, "“abc” is not a decade we know"),
        ({"decade": "1935"}, "“1935” is not a decade we know"),
        ({"decade": "99999999999999999999"}, "is not a decade we know"),
        ({"year_from": "soon"}, "“soon” is not a year between 1888 and 2100"),
        ({"year_to": "1066"}, "“1066” is not a year between 1888 and 2100"),
        ({"studio": "no-such-studio"}, "There is no studio “no-such-studio” in the catalogue"),
        ({"theme": "no-such-theme"}, "No film in the catalogue has the theme “no-such-theme”"),
        ({"theme": "secret-theme"}, "No film in the catalogue has the theme “secret-theme”"),
        ({"country": "x" * 500}, "is not a country"),
        ({"country": "Atlantis"}, "“Atlantis” is not a country"),
        ({"country": "Kazakh SSR"}, "“Kazakh SSR” is not a country"),  # only a scheduled film's
    ],
)
def test_a_value_that_means_nothing_is_ignored_with_a_note(client, catalogue, query, note):
    response = client.get(INDEX, query)

    # The whole page, saying what it left out; its status keeps it out of the page cache.
    assert response.status_code == 400
    assertContains(response, note, status_code=400)
    assert len(response.context["films"]) == 5


def test_a_value_that_means_nothing_leaves_the_other_filters_working(client, catalogue):
    response = client.get(INDEX, {"decade": "abc", "studio": "lenfilm"})

    assert titles(response) == ["Counterplan", "The Great Citizen", "The Miners"]


def test_a_reversed_year_range_is_read_the_right_way_round(client, catalogue):
    response = client.get(INDEX, {"year_from": "1937", "year_to": "1929"})

    assert titles(response) == ["Counterplan", "The Miners", "Turksib"]
    assertContains(response, "The years were the wrong way round: showing films from 1929 to 1937.")
    assertContains(response, '<a href="/films/?year_from=1929">Remove<span class="visually-hidden"> up to 1937</span>')


def test_markup_in_a_value_is_shown_as_text(client, catalogue):
    response = client.get(INDEX, {"studio": "<script>alert(1)</script>"})

    assert response.status_code == 400
    assertNotContains(response, "<script>alert(1)</script>", status_code=400)
    assertContains(
        response, "There is no studio “&lt;script&gt;alert(1)&lt;/script&gt;” in the catalogue", status_code=400
    )


# Addresses


def test_a_submitted_form_lands_on_the_tidy_address(client, catalogue):
    form = "decade=1930&year_from=&year_to=&country=&studio=lenfilm&theme=&sort=-year"

    response = client.get(f"{INDEX}?{form}")

    assert response.status_code == 302
    assert response["Location"] == "/films/?decade=1930&studio=lenfilm&sort=-year"


def test_filters_in_another_order_land_on_the_one_address(client, catalogue):
    response = client.get(f"{INDEX}?theme=factories&page=1&decade=1930")

    assert response["Location"] == "/films/?decade=1930&theme=factories&page=1"


def test_an_empty_form_lands_on_the_whole_index(client, catalogue):
    assert client.get(f"{INDEX}?decade=&studio=")["Location"] == "/films/"


def test_the_tidy_address_is_served_as_it_is(client, catalogue):
    response = client.get(f"{INDEX}?decade=1930&country=Soviet+Union&studio=lenfilm")

    assert response.status_code == 200
    assert titles(response) == ["Counterplan", "The Great Citizen", "The Miners"]


def test_a_parameter_the_index_does_not_read_is_left_alone(client, catalogue):
    response = client.get(f"{INDEX}?utm_source=newsletter&studio=lenfilm")

    assert response.status_code == 200
    assert titles(response) == ["Counterplan", "The Great Citizen", "The Miners"]


def test_the_form_works_without_javascript(client, catalogue):
    response = client.get(INDEX, {"sort": "-year"})

    assertContains(response, '<form class="film-filters" method="get" action="/films/"')
    assertContains(response, '<button type="submit">Show films</button>', html=True)
    # Filtering keeps the reader's sort order.
    assertContains(response, '<input type="hidden" name="sort" value="-year">', html=True)


# From a film page


@pytest.fixture
def miners_page(client):
    film = make_film_with_every_section()
    film.studio_links.create(studio=make_studio("Goskino", slug="goskino"), position=2)
    return client.get(film.get_absolute_url())


@pytest.mark.parametrize(
    ("href", "name"),
    [
        ("/films/?year_from=1937&amp;year_to=1937", "Films of 1937"),
        ("/films/?decade=1930", "Films of the 1930s"),
        ("/films/?country=Soviet+Union", "Films from Soviet Union"),
        ("/films/?studio=lenfilm", "Films by Lenfilm Studio"),
        ("/films/?studio=goskino", "Films by Goskino"),
    ],
)
def test_a_film_page_links_its_year_decade_country_and_studios_to_the_narrowed_index(client, miners_page, href, name):
    facts = miners_page.text[miners_page.text.index('<p class="film-facts">') :]
    link = re.search(rf'<a href="{re.escape(href)}" aria-label="([^"]+)">', facts[: facts.index("</p>")])

    assert link, href
    assert link[1] == name
    narrowed = client.get(href.replace("&amp;", "&"))
    assert narrowed.status_code == 200  # already the tidy address: no redirect
    assert "The Miners" in titles(narrowed)


def test_a_film_page_gives_its_key_themes_a_visible_heading(miners_page):
    assertContains(miners_page, '<h2 class="key-themes__heading" id="key-themes-heading">Key themes</h2>', html=True)


def test_the_table_of_contents_script_is_a_static_file(miners_page):
    assertContains(miners_page, '<script src="/static/js/toc.js" defer></script>', html=True)
    assert "<script>" not in miners_page.text
