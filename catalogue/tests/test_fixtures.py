"""The seed fixture: it loads, loads again without duplicates, and holds the whole seed."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError
from taggit.models import Tag

from catalogue.models import Film, Influence, Role, Studio, Trivia, Verification
from core.tests.helpers import row_counts

CATALOGUE_FIXTURE = settings.BASE_DIR / "fixtures" / "catalogue.json"

LIST_FILMS = [
    "strike-1925",
    "the-vow-1946",
    "the-road-to-life-1931",
    "the-iron-stream-1967",
    "the-big-ore-1964",
    "the-first-echelon-1956",
    "the-height-1957",
    "the-red-tent-1969",
    "the-optimistic-tragedy-1963",
    "the-ascent-1977",
]


def load(path=CATALOGUE_FIXTURE):
    call_command("loaddata", str(path), verbosity=0)


@pytest.fixture
def catalogue(db):
    load()


@pytest.fixture
def miners(catalogue):
    return Film.objects.get(slug="the-miners-1937")


def test_the_fixture_names_rows_by_natural_key_only():
    objects = json.loads(CATALOGUE_FIXTURE.read_text(encoding="utf-8"))

    assert objects
    assert [obj for obj in objects if "pk" in obj] == []


@pytest.mark.django_db
def test_loading_into_an_empty_database_creates_the_catalogue():
    assert Film.objects.count() == 0

    load()

    assert Film.objects.count() == 23
    assert Film.objects.filter(slug="the-miners-1937").exists()


def test_loading_twice_changes_no_row_count(catalogue):
    after_first_load = row_counts()

    load()

    assert row_counts() == after_first_load
    assert after_first_load["catalogue.Film"] == 23
    assert after_first_load["catalogue.FilmStudio"] == 2
    assert after_first_load["catalogue.TaggedFilm"] == after_first_load["taggit.Tag"] == 15


def test_every_row_passes_the_models_validation(catalogue):
    # loaddata skips full_clean(); this is where the fixture meets the models' rules.
    for model in [*apps.get_app_config("catalogue").get_models(), Tag]:
        for obj in model.objects.all():
            obj.full_clean()


def test_the_miners_has_its_identity_and_every_long_section(miners):
    assert (miners.title, miners.original_title, miners.year) == ("The Miners", "Шахтёры", 1937)
    assert (miners.runtime_minutes, miners.country, str(miners.release_date)) == (89, "Soviet Union", "1937-03-15")
    assert miners.tagline == "В борьбе за уголь – борьба за социализм!"
    assert miners.tagline_translation == "In the struggle for coal – the struggle for socialism!"
    assert miners.box_office.startswith("Unknown - Soviet films were not tracked")
    assert miners.production_notes.startswith("Filmed during the height of Stalin's Great Purge")
    for section in Film.LONG_TEXTS:
        assert getattr(miners, section), f"{section} is empty"


def test_the_miners_has_every_item_of_its_page(miners):
    assert miners.quotes.count() == 8
    assert miners.quotes.first().text == "Every ton of coal is a blow against the capitalist encirclement!"
    assert miners.scenes.count() == 5
    assert miners.trivia.count() == 10
    assert set(miners.trivia.values_list("verification", flat=True)) == {Verification.UNVERIFIED}
    assert [(award.name, award.outcome, award.year) for award in miners.awards.all()] == [
        ("Order of the Red Banner of Labour", "won", 1937),
        ("Stalin Prize", "nominated", None),
    ]
    assert miners.awards.first().recipient.name == "Sergei Yutkevich"
    assert list(miners.external_links.values_list("site", flat=True)) == ["Wikimedia"]


def test_the_miners_key_themes_locations_and_studios_keep_the_seed_order(miners):
    assert list(miners.key_themes.values_list("text", flat=True)) == [
        "Class struggle and the triumph of the proletariat",
        "Vigilance against internal enemies and saboteurs",
        "The superiority of socialist industrial methods",
        "Party leadership as essential for worker success",
        "Collective action over individual achievement",
    ]
    assert list(miners.filming_locations.values_list("name", flat=True)) == [
        "Donbas region (Ukraine)",
        "Leningrad Film Studio",
    ]
    assert sorted(miners.studios.values_list("original_name", flat=True)) == ["Госкино", "Ленфильм"]
    # The seed credits Lenfilm Studio first, though Goskino comes first alphabetically.
    assert [(link.studio.name, link.position) for link in miners.studio_links.select_related("studio")] == [
        ("Lenfilm Studio", 1),
        ("Goskino", 2),
    ]


def test_the_miners_has_the_seeds_fifteen_tags(miners):
    assert set(miners.tags.names()) == {
        "coal mining",
        "Soviet propaganda",
        "industrialization",
        "political struggle",
        "shock worker",
        "Donbas",
        "Stakhanovite movement",
        "class enemies",
        "Party leadership",
        "socialist competition",
        "sabotage",
        "collective farming",
        "industrial accident",
        "revolutionary fervor",
        "production quotas",
    }


def test_the_miners_cast_and_crew_in_billing_order(miners):
    credits = miners.credits.select_related("person", "character")
    assert [(c.person.name, c.role, c.character and c.character.name) for c in credits] == [
        ("Sergei Yutkevich", Role.DIRECTOR, None),
        ("Vladimir Rapoport", Role.CINEMATOGRAPHER, None),
        ("Dmitri Kabalevsky", Role.COMPOSER, None),
        ("Boris Poslavsky", Role.ACTOR, "Semyon Primak"),
    ]
    assert list(miners.characters.values_list("name", flat=True)) == ["Semyon Primak", "Matvey Bobylev", "Chub"]


def test_the_miners_connections_are_stored_once_with_their_notes(miners):
    influenced_by = miners.influenced_by.select_related("influencer")
    assert [(str(link.influencer), link.note) for link in influenced_by] == [
        ("Battleship Potemkin (1925)", "Eisenstein's montage techniques"),
        ("The General Line (1929)", "Vertov's industrial documentary style"),
        ("Chapaev (1934)", "Character archetypes of the heroic worker"),
        ("Strike (1925)", "Theme of worker struggle against management"),
        ("Turksib (1929)", "Documentary approach to industrial subjects"),
    ]
    influenced = miners.influences.select_related("influenced")
    assert [(str(link.influenced), link.note) for link in influenced] == [
        ("The Great Citizen (1938)", "Similar themes of hunting internal enemies"),
        ("The Radiant Path (1940)", "Industrial progress narrative"),
        ("The Fall of Berlin (1949)", "Heroic worker archetype"),
        ("The Communist (1957)", "Party leadership theme"),
        ("Andrei Rublev (1966)", "As a contrast in depicting historical periods"),
    ]
    assert [str(pick.recommended) for pick in miners.recommendations.select_related("recommended")] == [
        "The Height (1957)",
        "The Communist (1957)",
        "Nine Days of One Year (1962)",
        "The Beginning of the Century (1970)",
        "Love and Lies (1976)",
    ]
    assert Influence.objects.count() == 10


def test_strike_is_one_film_also_known_by_the_lists_title(catalogue):
    strike = Film.objects.get(slug="strike-1925")

    assert Film.objects.get(alternative_titles__title="The Strike") == strike
    assert Film.objects.filter(year=1925, title__icontains="strike").count() == 1
    assert strike.influences.get().influenced.slug == "the-miners-1937"
    assert strike.trivia.get().text.startswith("Eisenstein used non-professional actors")
    assert strike.credits.get().person.name == "Sergei Eisenstein"


def test_each_list_film_carries_its_fact_as_its_first_trivia_item(catalogue):
    for slug in LIST_FILMS:
        assert Trivia.objects.filter(film__slug=slug, position=1).count() == 1, slug
    assert Film.objects.get(slug="the-red-tent-1969").country == "Soviet Union, Italy"
    # The curation fixture points at facts by (film slug, text).
    fact = "The film won the Golden Prize at the 10th Moscow International Film Festival."
    assert Trivia.objects.get_by_natural_key("the-ascent-1977", fact).film.title == "The Ascent"


def test_facts_that_filmographies_contradict_are_disputed_with_a_note(catalogue):
    disputed = Trivia.objects.filter(verification=Verification.DISPUTED)

    assert sorted(disputed.values_list("film__slug", flat=True)) == [
        "the-ascent-1977",
        "the-height-1957",
        "the-iron-stream-1967",
    ]
    assert "Golden Bear" in disputed.get(film__slug="the-ascent-1977").editor_note


BAD_SECOND_ROWS = {
    "a film outside cinema's history": (
        {
            "model": "catalogue.film",
            "fields": {
                "title": "Too Early",
                "slug": "too-early-1700",
                "year": 1700,
                "created_at": "2026-11-26T00:00:00Z",
                "updated_at": "2026-11-26T00:00:00Z",
            },
        },
        IntegrityError,
        "film_year_in_cinema_history",
    ),
    "trivia of a film that does not exist": (
        {"model": "catalogue.trivia", "fields": {"film": ["no-such-film-1937"], "text": "A fact.", "position": 1}},
        DeserializationError,
        "Trivia has no film",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("bad_row", BAD_SECOND_ROWS.values(), ids=BAD_SECOND_ROWS.keys())
def test_a_fixture_with_a_bad_row_imports_nothing(tmp_path, bad_row):
    row, error, message = bad_row
    fixture = tmp_path / "bad.json"
    good_row = {"model": "catalogue.studio", "fields": {"name": "Mosfilm", "slug": "mosfilm"}}
    fixture.write_text(json.dumps([good_row, row]), encoding="utf-8")

    with pytest.raises(error, match=message) as raised:
        load(fixture)

    assert "bad.json" in str(raised.value), "the error should name the fixture"
    assert not Studio.objects.filter(slug="mosfilm").exists()
