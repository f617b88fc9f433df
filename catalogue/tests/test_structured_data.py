"""
schema.org JSON-LD on film and person pages: parsed and checked against the
film, safe whatever an editor types, never naming a draft, at no extra query.
"""

import json

import pytest

from catalogue.models import AlternativeTitle, Role
from catalogue.structured_data import iso_duration
from core.tests.helpers import Head

from .factories import make_credit, make_film, make_film_with_every_section, make_person, make_portrait, make_poster
from .test_film_page_queries import FILM_PAGE_QUERIES

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    (block,) = Head(response.text).json_ld
    return json.loads(block)


@pytest.fixture
def miners():
    film = make_film_with_every_section()
    AlternativeTitle.objects.create(film=film, title="Miners", note="English release title")
    make_credit(film, make_person("Lev Sverdlin"), Role.ACTOR, character_name="Chub")
    make_credit(film, make_person("An Extra"), Role.ACTOR)
    return film


def test_a_film_page_describes_the_film_as_a_schema_org_movie(client, miners):
    data = json_ld(client, miners.get_absolute_url())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Movie"
    assert data["name"] == "The Miners"
    assert data["url"] == f"{ORIGIN}/films/the-miners-1937/"
    assert data["alternateName"] == ["Шахтёры", "Miners"]
    assert data["datePublished"] == "1937-03-15"
    assert data["duration"] == "PT1H29M"
    assert data["description"] == miners.plot
    assert data["director"] == [
        {"@type": "Person", "name": "Sergei Yutkevich", "url": f"{ORIGIN}/people/sergei-yutkevich/"}
    ]
    assert data["musicBy"] == [
        {"@type": "Person", "name": "Dmitri Kabalevsky", "url": f"{ORIGIN}/people/dmitri-kabalevsky/"}
    ]
    assert data["actor"] == [
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Boris Poslavsky", "url": f"{ORIGIN}/people/boris-poslavsky/"},
            "characterName": "Semyon Primak",
        },
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Lev Sverdlin", "url": f"{ORIGIN}/people/lev-sverdlin/"},
            "characterName": "Chub",
        },
        {"@type": "Person", "name": "An Extra", "url": f"{ORIGIN}/people/an-extra/"},
    ]
    assert data["productionCompany"] == [
        {"@type": "Organization", "name": "Lenfilm Studio", "url": f"{ORIGIN}/studios/lenfilm/"}
    ]
    assert data["keywords"] == "coal mining, Donbas"
    assert data["countryOfOrigin"] == {"@type": "Country", "name": "Soviet Union"}
    assert "image" not in data  # no poster yet


def test_a_film_known_only_by_title_and_year_is_still_a_movie(client):
    film = make_film("Turksib", 1929)
    assert json_ld(client, film.get_absolute_url()) == {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": "Turksib",
        "url": f"{ORIGIN}/films/turksib-1929/",
        "datePublished": "1929",
    }


def test_a_films_poster_is_its_image(client, miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(miners)
    assert json_ld(client, miners.get_absolute_url())["image"] == f"{ORIGIN}{poster.share_rendition().url}"


SCRIPT = "</script><script>alert(1)</script>"


def test_a_title_that_closes_the_script_stays_inside_it(client):
    film = make_film(f"The Miners {SCRIPT}", 1937, slug="the-miners-1937", original_title=f"Шахтёры {SCRIPT}")
    make_credit(film, make_person(f"Sergei {SCRIPT}", slug="sergei"), Role.ACTOR, character_name=SCRIPT)
    film.tags.add(f"coal {SCRIPT}")

    response = client.get(film.get_absolute_url())
    data = json.loads(Head(response.text).json_ld[0])

    assert data["name"] == f"The Miners {SCRIPT}"
    assert data["alternateName"] == [f"Шахтёры {SCRIPT}"]
    assert data["actor"][0]["characterName"] == SCRIPT
    assert data["actor"][0]["actor"]["name"] == f"Sergei {SCRIPT}"
    assert data["keywords"] == f"coal {SCRIPT}"
    assert "<script>alert(1)" not in response.text
    # The page's only scripts are the JSON-LD block and the site's own files.
    assert response.text.count("<script") == response.text.count('<script type="application/ld+json">') + (
        response.text.count('<script src="/static/')
    )


def test_a_person_page_describes_the_person(client, miners, django_capture_on_commit_callbacks):
    person = miners.credits.get(role=Role.DIRECTOR).person
    person.original_name, person.biography = "Сергей Юткевич", "A director of the Soviet screen."
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        portrait = make_portrait(person)

    assert json_ld(client, person.get_absolute_url()) == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Sergei Yutkevich",
        "url": f"{ORIGIN}/people/sergei-yutkevich/",
        "alternateName": "Сергей Юткевич",
        "birthDate": "1904",
        "deathDate": "1985",
        "description": "A director of the Soviet screen.",
        "image": f"{ORIGIN}{portrait.share_rendition().url}",
    }


def test_a_draft_films_staff_preview_is_its_only_mention(client, miners):
    draft = make_film("Secret Seam", 1938, published_at=None)
    make_credit(draft, miners.credits.get(role=Role.DIRECTOR).person, Role.DIRECTOR)

    for url in ["/", "/films/the-miners-1937/", "/people/sergei-yutkevich/", "/studios/lenfilm/"]:
        assert "Secret Seam" not in client.get(url).text


@pytest.mark.parametrize(("minutes", "duration"), [(89, "PT1H29M"), (60, "PT1H"), (45, "PT45M"), (120, "PT2H")])
def test_a_runtime_is_an_iso_8601_duration(minutes, duration):
    assert iso_duration(minutes) == duration


def test_a_film_page_with_hundreds_of_credits_and_tags_adds_no_query_for_its_json_ld(
    client, miners, django_assert_max_num_queries
):
    people = [make_person(f"Miner {n}") for n in range(200)]
    for person in people:
        make_credit(miners, person, Role.ACTOR)
    miners.tags.add(*[f"theme {n}" for n in range(100)])

    with django_assert_max_num_queries(FILM_PAGE_QUERIES):
        data = json_ld(client, miners.get_absolute_url())
    assert len(data["actor"]) == 203
