"""The catalogue's rules as an editor meets them: refused saves and readable messages."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import resolve
from taggit.models import Tag

from catalogue.models import (
    AlternativeTitle,
    Award,
    Character,
    Credit,
    ExternalLink,
    Film,
    FilmingLocation,
    FilmStudio,
    Influence,
    KeyTheme,
    Person,
    Quote,
    Recommendation,
    Role,
    Scene,
    Studio,
    TaggedFilm,
    Trivia,
    Verification,
)
from core.ordering import renumber

from .factories import make_credit, make_film, make_person, make_studio, make_trivia

pytestmark = pytest.mark.django_db


def refused_by_database():
    """The database refuses the save; the savepoint keeps PostgreSQL's transaction usable."""
    return pytest.raises(IntegrityError), transaction.atomic()


def validation_messages(obj):
    with pytest.raises(ValidationError) as raised:
        obj.full_clean()
    return raised.value.message_dict


# Films


@pytest.mark.parametrize("year", [1887, 2101])
def test_database_refuses_a_year_outside_cinema_history(year):
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        make_film("Impossible", year=year)


@pytest.mark.parametrize(
    "year, field, message",
    [
        (1887, "__all__", "The year must be between 1888 and 2100."),
        # Film.clean() catches a far-future year first, and on the year field itself.
        (2101, "year", "That is too far in the future for a film in this catalogue."),
    ],
)
def test_validation_explains_a_year_outside_cinema_history(year, field, message):
    film = Film(title="Impossible", slug=f"impossible-{year}", year=year)

    assert validation_messages(film)[field] == [message]


def test_the_first_year_of_cinema_is_accepted():
    Film(title="Roundhay Garden Scene", slug="roundhay-garden-scene-1888", year=1888).full_clean()


def test_a_runtime_of_zero_minutes_is_refused():
    film = Film(title="Empty", slug="empty-1937", year=1937, runtime_minutes=0)

    assert "The runtime must be a positive number of minutes." in validation_messages(film)["__all__"]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        film.save()


def test_two_films_cannot_share_a_slug():
    make_film("The Miners", year=1937)
    twin = Film(title="The Miners", slug="the-miners-1937", year=1937)

    assert validation_messages(twin)["slug"] == ["Film with this Slug already exists."]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        twin.save()


def test_published_hides_unpublished_films():
    shown = make_film("Shown")
    make_film("Draft", published_at=None)

    assert list(Film.objects.published()) == [shown]


# Credits


def test_a_person_is_credited_once_per_role_on_a_film():
    film, person = make_film(), make_person()
    make_credit(film, person, Role.DIRECTOR)
    again = Credit(film=film, person=person, role=Role.DIRECTOR)

    assert "This person already has this role on this film." in validation_messages(again)["__all__"]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        again.save()


def test_the_same_person_may_hold_another_role_on_the_same_film():
    film, person = make_film(), make_person()
    make_credit(film, person, Role.DIRECTOR)

    make_credit(film, person, Role.SCREENWRITER).full_clean()

    assert film.credits.count() == 2


def test_an_actor_is_credited_once_per_character():
    film, actor = make_film(), make_person()
    first = make_credit(film, actor, Role.ACTOR, character_name="Semyon Primak")
    again = Credit(film=film, person=actor, role=Role.ACTOR, character=first.character)

    assert "This person is already credited for this character." in validation_messages(again)["__all__"]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        again.save()


def test_an_actor_may_play_two_characters_in_one_film():
    film, actor = make_film(), make_person()
    make_credit(film, actor, Role.ACTOR, character_name="Semyon Primak")

    second = make_credit(film, actor, Role.ACTOR, character_name="Chub")
    second.full_clean()

    assert film.credits.filter(person=actor).count() == 2


def test_only_an_actors_credit_names_a_character():
    film = make_film()
    character = Character.objects.create(film=film, name="Chub")
    director = Credit(film=film, person=make_person(), role=Role.DIRECTOR, character=character)

    assert "Only an actor's credit names a character." in validation_messages(director)["__all__"]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        director.save()


def test_a_credits_character_must_belong_to_the_same_film():
    other_film_character = Character.objects.create(film=make_film(), name="Chub")
    credit = Credit(film=make_film(), person=make_person(), role=Role.ACTOR, character=other_film_character)

    assert validation_messages(credit)["character"] == ["That character belongs to another film."]


# Sourced claims


def test_a_verified_fact_needs_a_source():
    fact = Trivia(film=make_film(), text="A fact.", verification=Verification.VERIFIED)

    assert validation_messages(fact)["source"] == ["A verified claim needs a source."]

    fact.source = "Gosfilmofond catalogue, 1961"
    fact.full_clean()


def test_a_disputed_fact_needs_a_note_for_readers():
    fact = Trivia(film=make_film(), text="A fact.", verification=Verification.DISPUTED, editor_note="  ")

    assert validation_messages(fact)["editor_note"] == ["Say why this is disputed; readers will see the note."]

    fact.editor_note = "Standard filmographies give another festival."
    fact.full_clean()


# Studios


def test_a_studio_is_listed_once_per_film():
    film, studio = make_film(), make_studio("Lenfilm Studio")
    film.studios.add(studio)
    again = FilmStudio(film=film, studio=studio)

    assert "This studio is already listed for this film." in validation_messages(again)["__all__"]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        again.save()


def test_a_studio_with_films_cannot_be_deleted():
    film, studio = make_film(), make_studio("Lenfilm Studio")
    film.studios.add(studio)

    with pytest.raises(ProtectedError), transaction.atomic():
        studio.delete()

    assert list(film.studios.all()) == [studio]


# Connections


def test_a_film_cannot_influence_itself():
    film = make_film()
    link = Influence(influencer=film, influenced=film)

    assert "A film cannot be linked to itself." in validation_messages(link)["__all__"]
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        link.save()


def test_a_film_cannot_be_recommended_from_itself():
    film = make_film()
    refused, savepoint = refused_by_database()
    with refused, savepoint:
        Recommendation.objects.create(film=film, recommended=film)


# Ordering


def test_renumber_makes_positions_dense_and_keeps_their_order():
    film, other_film = make_film(), make_film()
    make_trivia(film, "Last", position=7)
    make_trivia(film, "First", position=3)
    make_trivia(film, "Second", position=3)  # a tie: the older row goes first
    untouched = make_trivia(other_film, "Another film's", position=9)

    moved = renumber(film.trivia.all())

    assert moved == 3
    assert list(film.trivia.values_list("text", "position")) == [("First", 1), ("Second", 2), ("Last", 3)]
    untouched.refresh_from_db()
    assert untouched.position == 9
    assert renumber(film.trivia.all()) == 0


# Names and addresses


def test_a_film_is_named_by_title_and_year_and_lives_at_its_slug():
    film = make_film("The Miners", year=1937)

    assert str(film) == "The Miners (1937)"
    assert film.get_absolute_url() == "/films/the-miners-1937/"


@pytest.mark.parametrize(
    "make, view_name",
    [(make_person, "catalogue:person_detail"), (make_studio, "catalogue:studio_detail")],
    ids=["person", "studio"],
)
def test_people_and_studios_are_named_and_have_their_own_page(make, view_name):
    obj = make("Lenfilm Studio")

    assert str(obj) == "Lenfilm Studio"
    match = resolve(obj.get_absolute_url())
    assert (match.view_name, match.kwargs) == (view_name, {"slug": "lenfilm-studio"})


# Natural keys: how fixtures find rows again


@pytest.fixture
def two_films_with_every_item():
    """Two films with two of each item, so a natural key must tell siblings apart."""
    films = [make_film("The Miners", year=1937), make_film("Strike", year=1925)]
    director, actor = make_person("Sergei Yutkevich"), make_person("Boris Poslavsky")
    for film in films:
        for n in (1, 2):
            AlternativeTitle.objects.create(film=film, title=f"Title {n}")
            KeyTheme.objects.create(film=film, text=f"Theme {n}")
            FilmingLocation.objects.create(film=film, name=f"Location {n}")
            ExternalLink.objects.create(film=film, site="Wikimedia", url=f"https://example.org/{film.slug}/{n}")
            Quote.objects.create(film=film, text=f"Quote {n}")
            Scene.objects.create(film=film, description=f"Scene {n}")
            make_trivia(film, f"Fact {n}")
            Award.objects.create(film=film, name="Stalin Prize", category=f"Category {n}")
            make_credit(film, actor, Role.ACTOR, character_name=f"Character {n}")
            film.tags.add(f"tag {n}")
        make_credit(film, actor, Role.ACTOR)  # the same actor, uncredited as to character
        make_credit(film, director, Role.DIRECTOR)
    studios = [make_studio("Lenfilm Studio"), make_studio("Goskino")]
    for film in films:
        film.studios.add(*studios)
    Influence.objects.create(influencer=films[0], influenced=films[1])
    Influence.objects.create(influencer=films[1], influenced=films[0])
    Recommendation.objects.create(film=films[0], recommended=films[1])
    Recommendation.objects.create(film=films[1], recommended=films[0])


NATURAL_KEY_MODELS = [
    Film,
    Person,
    Studio,
    AlternativeTitle,
    KeyTheme,
    FilmingLocation,
    ExternalLink,
    Character,
    Quote,
    Scene,
    Trivia,
    Award,
    Credit,
    FilmStudio,
    Influence,
    Recommendation,
    TaggedFilm,
    Tag,
]


@pytest.mark.parametrize("model", NATURAL_KEY_MODELS, ids=lambda model: model._meta.label)
def test_each_row_is_found_again_by_its_natural_key(two_films_with_every_item, model):
    rows = list(model.objects.all())
    assert len(rows) >= 2

    for row in rows:
        assert model.objects.get_by_natural_key(*row.natural_key()) == row
