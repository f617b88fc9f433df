"""
Public pages cost a fixed number of queries, however much a film, a person or
a studio has: a page with hundreds of items runs exactly as many as a bare one.
"""

import pytest

from catalogue.models import (
    Award,
    Character,
    Credit,
    ExternalLink,
    FilmingLocation,
    Influence,
    KeyTheme,
    Person,
    Quote,
    Recommendation,
    Role,
    Scene,
    Still,
    Trivia,
)

from .factories import PICTURE_ROW, add_poster_rows, make_film, make_films, make_person, make_studio

pytestmark = pytest.mark.django_db

MANY = 200

# One query for the film (with its poster), one per prefetched kind of item
# (studios, key themes, locations, alternative titles, links, credits,
# characters, quotes, scenes, stills, trivia, awards, both directions of
# influences and recommendations, tags, the curated lists that include the film).
FILM_PAGE_QUERIES = 19
STILLS = 50
# A count of the rows, then one page of them.
INDEX_QUERIES = 2
# The film index also counts the films behind each choice of its filters, one
# grouped query per kind (decades, countries, studios, themes), and looks up
# the chosen country, studio and theme (catalogue/browsing.py).
FILM_INDEX_QUERIES = INDEX_QUERIES + 4 + 3
# Unfiltered, it reads the counts kept for it (when they were made, then the
# rows) instead of counting every film (catalogue/models/counts.py).
UNFILTERED_FILM_INDEX_QUERIES = INDEX_QUERIES + 2
# The studio index reads each studio's count from the same rows, once it has
# asked whether they still hold.
STUDIO_INDEX_QUERIES = INDEX_QUERIES + 1
# The person or studio, then their films.
PERSON_PAGE_QUERIES = 2
# A studio's films come a page at a time: their count, then the page.
STUDIO_PAGE_QUERIES = 3


@pytest.fixture
def crowded_film():
    """A film with hundreds of items in every list its page shows."""
    film = make_film("The Miners", 1937, plot="Coal.", original_title="Шахтёры", tagline="За уголь!")
    others = make_films(MANY, prefix="Connected")
    people = Person.objects.bulk_create(Person(name=f"Miner {n}", slug=f"miner-{n}") for n in range(MANY))
    characters = Character.objects.bulk_create(Character(film=film, name=f"Character {n}") for n in range(MANY))
    Credit.objects.bulk_create(
        [Credit(film=film, person=person, role=Role.CINEMATOGRAPHER, position=n) for n, person in enumerate(people)]
        + [
            Credit(film=film, person=person, role=Role.ACTOR, character=character, position=n)
            for n, (person, character) in enumerate(zip(people[: MANY // 2], characters[: MANY // 2], strict=True))
        ]
    )
    for model, field in [(Trivia, "text"), (Quote, "text"), (Scene, "description"), (KeyTheme, "text")]:
        model.objects.bulk_create(model(film=film, **{field: f"{model.__name__} {n}"}) for n in range(MANY))
    Quote.objects.filter(film=film).update(character=characters[0])
    Award.objects.bulk_create(Award(film=film, name=f"Prize {n}", recipient=people[n]) for n in range(MANY))
    FilmingLocation.objects.bulk_create(FilmingLocation(film=film, name=f"Mine {n}") for n in range(MANY))
    ExternalLink.objects.bulk_create(
        ExternalLink(film=film, site=f"Archive {n}", url=f"https://example.org/{n}") for n in range(MANY)
    )
    Influence.objects.bulk_create(
        [Influence(influencer=other, influenced=film, note="montage") for other in others[: MANY // 2]]
        + [Influence(influencer=film, influenced=other) for other in others[MANY // 2 :]]
    )
    Recommendation.objects.bulk_create(
        [Recommendation(film=film, recommended=other) for other in others[: MANY // 2]]
        + [Recommendation(film=other, recommended=film) for other in others[MANY // 2 :]]
    )
    film.studios.add(*(make_studio(f"Studio {n}") for n in range(20)))
    film.tags.add(*(f"theme {n}" for n in range(MANY)))
    add_poster_rows([film])
    Still.objects.bulk_create(
        Still(film=film, image=f"pictures/stills/{n}.jpg", position=n, caption=f"Still {n}", **PICTURE_ROW)
        for n in range(STILLS)
    )
    return film


def test_a_crowded_film_page_runs_a_fixed_number_of_queries(client, crowded_film, django_assert_max_num_queries):
    with django_assert_max_num_queries(FILM_PAGE_QUERIES):
        response = client.get(crowded_film.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="badge badge--unverified"') == 2 * MANY + MANY // 2  # trivia, awards, influence notes
    assert "Connected 199</a>" in html
    assert "Miner 199</a>" in html
    assert html.count('<figure class="still">') == STILLS
    assert html.count("<picture") == STILLS + 1  # and the poster


def test_a_bare_film_page_runs_no_more_queries_than_a_crowded_one(client, django_assert_max_num_queries):
    film = make_film("Strike", 1925)

    with django_assert_max_num_queries(FILM_PAGE_QUERIES):
        response = client.get(film.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("sort", ["title", "-year"])
def test_film_index_runs_a_fixed_number_of_queries(client, sort, django_assert_max_num_queries):
    add_poster_rows(make_films(120)[::2])

    with django_assert_max_num_queries(FILM_INDEX_QUERIES):
        response = client.get("/films/", {"sort": sort, "page": 2})

    assert len(response.context["films"]) == 50
    with_posters = [film for film in response.context["films"] if hasattr(film, "poster")]
    assert 0 < response.text.count("<picture") == len(with_posters) < 50


def test_person_page_with_hundreds_of_credits_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    person = make_person("Sergei Yutkevich")
    films = make_films(MANY)
    roles = [Role.DIRECTOR, Role.SCREENWRITER, Role.ACTOR]
    Credit.objects.bulk_create(Credit(film=film, person=person, role=roles[n % 3]) for n, film in enumerate(films))
    for film in films[:50]:
        character = Character.objects.create(film=film, name="Himself")
        Credit.objects.create(film=film, person=person, role=Role.ACTOR, character=character)

    with django_assert_max_num_queries(PERSON_PAGE_QUERIES):
        response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count("as</span> Himself") == 50


def test_studio_page_with_hundreds_of_films_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    studio = make_studio("Mosfilm")
    studio.films.add(*make_films(MANY))

    with django_assert_max_num_queries(STUDIO_PAGE_QUERIES):
        response = client.get(studio.get_absolute_url())

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == MANY


def test_people_and_studio_indexes_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    Person.objects.bulk_create(Person(name=f"Miner {n}", slug=f"miner-{n}") for n in range(120))
    for n in range(60):
        make_studio(f"Studio {n}")

    for url in ("/people/", "/studios/"):
        with django_assert_max_num_queries(INDEX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200
