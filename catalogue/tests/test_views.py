"""The film index, people and studio pages, and what no public page shows."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error
from pytest_django.asserts import assertContains, assertNotContains

from catalogue.models import FilmStudio, Role
from catalogue.views import PAGE_SIZE
from core.tests.helpers import visible_text

from .factories import (
    make_credit,
    make_film,
    make_film_with_every_section,
    make_films,
    make_influence,
    make_person,
    make_recommendation,
    make_studio,
)
from .html import positions

pytestmark = pytest.mark.django_db


@pytest.fixture
def miners():
    return make_film_with_every_section()


# Unpublished films and unknown addresses


def test_unpublished_film_has_no_page(client):
    film = make_film("Draft", 1950, published_at=None)

    assert client.get(film.get_absolute_url()).status_code == 404


def test_unpublished_film_is_not_listed_anywhere(client, miners):
    draft = make_film("Secret Draft", 1950, published_at=None)
    make_influence(draft, miners, note="draft influence")
    make_recommendation(miners, draft)
    studio = miners.studios.get()
    draft.studios.add(studio)
    make_credit(draft, miners.credits.get(role=Role.DIRECTOR).person, Role.DIRECTOR)

    pages = [
        reverse("catalogue:film_list"),
        miners.get_absolute_url(),
        "/people/sergei-yutkevich/",
        studio.get_absolute_url(),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        assertNotContains(response, "Secret Draft")
        assertNotContains(response, draft.get_absolute_url())


@pytest.mark.parametrize("url", ["/films/no-such-film/", "/people/nobody/", "/studios/no-studio/"])
def test_unknown_slugs_get_the_sites_not_found_page(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assertContains(response, "<h1>Page not found</h1>", html=True, status_code=404)
    assertContains(response, 'href="/films/"', status_code=404)


def test_server_error_page_renders_without_request_context_or_database():
    request = RequestFactory().get("/films/")

    response = server_error(request)

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "Kinozavod" in render_to_string("500.html")


# The film index


def titles_on(response):
    return [film.title for film in response.context["films"]]


def test_film_index_lists_title_year_and_original_title(client, miners):
    response = client.get("/films/")

    assert response.status_code == 200
    assertContains(response, '<a href="/films/the-miners-1937/">The Miners</a>', html=True)
    assertContains(response, '<td lang="ru">Шахтёры</td>', html=True)
    assertContains(response, "<td>1937</td>", html=True)
    assertContains(response, "<title>Films — Kinozavod</title>", html=True)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["alpha", "Bravo", "Charlie"]),
        ("-title", ["Charlie", "Bravo", "alpha"]),
        ("year", ["Charlie", "alpha", "Bravo"]),
        ("-year", ["Bravo", "alpha", "Charlie"]),
        ("runtime", ["alpha", "Bravo", "Charlie"]),
        ("title;drop table", ["alpha", "Bravo", "Charlie"]),
    ],
)
def test_film_index_sorts_by_title_or_year_and_falls_back_to_title(client, sort, expected):
    make_film("Bravo", 1960)
    make_film("Charlie", 1930)
    make_film("alpha", 1945)

    response = client.get("/films/", {"sort": sort})

    assert response.status_code == 200
    assert titles_on(response) == expected


def test_film_index_is_paginated_and_page_links_keep_the_sort(client):
    for year in range(1920, 1975):  # 55 films
        make_film(f"Film of {year}", year)

    first = client.get("/films/", {"sort": "-year"})
    second = client.get("/films/", {"sort": "-year", "page": 2})

    assert len(first.context["films"]) == 50
    assert titles_on(first)[0] == "Film of 1974"
    assertContains(first, 'href="?sort=-year&amp;page=2"')
    assert titles_on(second) == [f"Film of {year}" for year in range(1924, 1919, -1)]
    assertContains(second, 'href="?sort=-year&amp;page=1"')
    # Changing the order starts again on the first page.
    assertContains(second, 'href="?sort=title"')


@pytest.mark.parametrize("page", ["3", "0", "many"])
def test_film_index_page_out_of_range_is_not_found(client, page):
    make_film("Only One", 1931)

    response = client.get("/films/", {"page": page})

    assert response.status_code == 404


# People


def test_person_page_shows_life_biography_and_filmography_by_role(client, miners):
    person = make_person(
        "Boris Barnet",
        original_name="Борис Барнет",
        birth_year=1902,
        death_year=1965,
        biography="Boxer, then director.",
    )
    make_credit(make_film("Outskirts", 1933), person, Role.DIRECTOR)
    make_credit(make_film("The Girl with the Hatbox", 1927), person, Role.DIRECTOR)
    make_credit(make_film("Miss Mend", 1926), person, Role.ACTOR, character_name="Tom Hopkins")
    make_credit(make_film("Late Script", 1920), person, Role.SCREENWRITER)

    response = client.get(person.get_absolute_url())
    html = response.text

    assert response.status_code == 200
    assertContains(response, '<p class="original-title" lang="ru">Борис Барнет</p>', html=True)
    assertContains(response, "1902–1965")
    assertContains(response, "Boxer, then director.")
    director, screenwriter, actor = positions(html, "<h3>Director</h3>", "<h3>Screenwriter</h3>", "<h3>Actor</h3>")
    assert director < screenwriter < actor
    hatbox, outskirts = positions(html, "The Girl with the Hatbox</a>", "Outskirts</a>")
    assert director < hatbox < outskirts < screenwriter
    assert re.search(r'Miss Mend</a> \(1926\) <span class="as">as</span> Tom Hopkins', html)
    assert "<title>Boris Barnet — Kinozavod</title>" in html


def test_people_index_lists_people_with_links(client, miners):
    response = client.get("/people/")

    assert response.status_code == 200
    assertContains(response, '<a href="/people/sergei-yutkevich/">Sergei Yutkevich</a>', html=True)
    assertContains(response, "(1904–1985)")


def test_people_index_is_paginated(client):
    for number in range(51):
        make_person(f"Person {number:02d}")

    assert len(client.get("/people/").context["people"]) == 50
    assert [p.name for p in client.get("/people/", {"page": 2}).context["people"]] == ["Person 50"]


# Studios


def test_studio_page_shows_its_published_films_by_year(client):
    studio = make_studio("Mosfilm", original_name="Мосфильм", city="Moscow", description="The largest studio.")
    for title, year in [("The Height", 1957), ("The Ascent", 1977), ("The Vow", 1946)]:
        make_film(title, year).studios.add(studio)

    response = client.get(studio.get_absolute_url())
    html = response.text

    assert response.status_code == 200
    assertContains(response, '<p class="original-title" lang="ru">Мосфильм</p>', html=True)
    assertContains(response, "Moscow")
    assertContains(response, "The largest studio.")
    vow, height, ascent = positions(html, "The Vow</a>", "The Height</a>", "The Ascent</a>")
    assert vow < height < ascent


def test_studio_index_lists_studios_with_their_number_of_published_films(client):
    studio = make_studio("Lenfilm", city="Leningrad")
    make_film("Counterplan", 1932).studios.add(studio)
    make_film("Hidden", 1933, published_at=None).studios.add(studio)

    response = client.get("/studios/")

    assertContains(response, '<a href="/studios/lenfilm/">Lenfilm</a>', html=True)
    assertContains(response, "Leningrad · 1 film")


def test_navigation_marks_the_current_part_of_the_site(client, miners):
    response = client.get("/people/")

    assertContains(response, '<a href="/people/" aria-current="true">People</a>', html=True)
    assertContains(response, '<a href="/films/">Films</a>', html=True)


def test_the_site_icon_is_served_for_pages_that_do_not_name_one(client):
    response = client.get("/favicon.ico", follow=True)

    assert response.redirect_chain[0][1] == 301
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")


def test_a_studio_of_many_films_shows_them_a_page_at_a_time(client):
    studio = make_studio("Mosfilm")
    for film in make_films(PAGE_SIZE + 5, prefix="Mosfilm film"):
        FilmStudio.objects.create(film=film, studio=studio, position=1)

    first = client.get(studio.get_absolute_url())
    last = client.get(studio.get_absolute_url(), {"page": "2"})

    assert len(first.context["films"]) == PAGE_SIZE
    assert f"{PAGE_SIZE + 5} films, oldest first" in visible_text(first)
    assert 'rel="next"' in first.content.decode()
    assert len(last.context["films"]) == 5
    assert "Mosfilm, page 2" in visible_text(last)
    assert client.get(studio.get_absolute_url(), {"page": "3"}).status_code == 404
    assert client.get(studio.get_absolute_url(), {"page": "two"}).status_code == 404
