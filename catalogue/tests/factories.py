"""Small builders for test data: each makes a valid row and takes overrides."""

import datetime
import itertools

from django.utils.text import slugify

from catalogue.models import (
    Award,
    Character,
    Credit,
    ExternalLink,
    Film,
    FilmingLocation,
    Influence,
    KeyTheme,
    Outcome,
    Person,
    Portrait,
    Poster,
    Quote,
    Recommendation,
    Role,
    Scene,
    Still,
    Studio,
    Trivia,
    Verification,
)
from core.tests.helpers import image_upload

_sequence = itertools.count(1)

# Test films are published unless a test says otherwise (`published_at=None`: a draft).
PUBLISHED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def make_film(title=None, year=1937, **fields):
    title = title or f"Film {next(_sequence)}"
    fields.setdefault("slug", slugify(f"{title} {year}"))
    fields.setdefault("published_at", PUBLISHED)
    return Film.objects.create(title=title, year=year, **fields)


def make_films(count, prefix="Film", **fields):
    """Many published films in one query."""
    fields.setdefault("published_at", PUBLISHED)
    return Film.objects.bulk_create(
        Film(title=f"{prefix} {number}", slug=f"{slugify(prefix)}-{number}", year=1920 + number % 70, **fields)
        for number in range(count)
    )


def make_person(name=None, **fields):
    name = name or f"Person {next(_sequence)}"
    fields.setdefault("slug", slugify(name))
    return Person.objects.create(name=name, **fields)


def make_studio(name=None, **fields):
    name = name or f"Studio {next(_sequence)}"
    fields.setdefault("slug", slugify(name))
    return Studio.objects.create(name=name, **fields)


def make_poster(film, size=(600, 900), **fields):
    fields.setdefault("alt_text", f"The poster of {film.title}: a miner raises his lamp")
    fields.setdefault("source", "Wikimedia Commons, public domain")
    return Poster.objects.create(film=film, image=image_upload("poster.jpg", size), **fields)


def make_still(film, size=(800, 600), **fields):
    fields.setdefault("alt_text", f"A scene from {film.title}: miners at the coal face")
    fields.setdefault("source", "Wikimedia Commons, public domain")
    return Still.objects.create(film=film, image=image_upload("still.jpg", size), **fields)


def make_portrait(person, size=(600, 800), **fields):
    fields.setdefault("alt_text", f"{person.name} in a dark suit, looking at the camera")
    fields.setdefault("source", "Wikimedia Commons, public domain")
    return Portrait.objects.create(person=person, image=image_upload("portrait.jpg", size), **fields)


# Rows only, without files: a page names renditions without reading them.
PICTURE_ROW = {"width": 1200, "height": 1800, "alt_text": "A miner raises his lamp", "source": "Public domain"}


def add_poster_rows(films):
    """Posters for many films in one query (rows only)."""
    return Poster.objects.bulk_create(
        Poster(film=film, image=f"pictures/posters/{film.slug}.jpg", **PICTURE_ROW) for film in films
    )


def make_credit(film, person=None, role=Role.DIRECTOR, character_name=None, **fields):
    character = None
    if character_name:
        character, _ = Character.objects.get_or_create(film=film, name=character_name)
    return Credit.objects.create(film=film, person=person or make_person(), role=role, character=character, **fields)


def make_trivia(film, text=None, **fields):
    return Trivia.objects.create(film=film, text=text or f"Fact {next(_sequence)}", **fields)


def make_quote(film, text=None, **fields):
    return Quote.objects.create(film=film, text=text or f"Quote {next(_sequence)}", **fields)


def make_scene(film, description=None, **fields):
    return Scene.objects.create(film=film, description=description or f"Scene {next(_sequence)}", **fields)


def make_award(film, name=None, **fields):
    return Award.objects.create(film=film, name=name or f"Prize {next(_sequence)}", **fields)


def make_influence(influencer, influenced, note="", **fields):
    return Influence.objects.create(influencer=influencer, influenced=influenced, note=note, **fields)


def make_recommendation(film, recommended, note="", **fields):
    return Recommendation.objects.create(film=film, recommended=recommended, note=note, **fields)


def make_film_with_every_section():
    """*The Miners* in brief: something in every section of the film page, and films connected to it."""
    film = make_film(
        "The Miners",
        1937,
        slug="the-miners-1937",
        original_title="Шахтёры",
        runtime_minutes=89,
        country="Soviet Union",
        release_date=datetime.date(1937, 3, 15),
        tagline="В борьбе за уголь – борьба за социализм!",
        tagline_translation="In the fight for coal – the fight for socialism!",
        box_office="Unknown",
        plot="Semyon Primak arrives in a small Donbas mining town.",
        production_notes="Filmed during the height of the Great Purge.",
        historical_background="1937, the height of the Great Purge.",
        why_it_matters="A quintessential industrial epic.",
        making_of="Officials were present on set daily.",
        visual_style="High-contrast lighting in the mine shafts.",
        innovations="Waterproof microphone housings.",
        music="Score by Dmitri Kabalevsky.",
        critics="Pravda called it a powerful weapon.",
        audiences="Mining regions organised collective viewings.",
        restoration="Preserved in the Gosfilmofond.",
    )
    for position, text in enumerate(["Class struggle", "Vigilance against saboteurs"], start=1):
        KeyTheme.objects.create(film=film, text=text, position=position)
    ExternalLink.objects.create(film=film, site="Wikimedia", url="https://commons.wikimedia.org/wiki/The_Miners")
    film.studios.add(make_studio("Lenfilm Studio", slug="lenfilm"))
    FilmingLocation.objects.create(film=film, name="Donbas region (Ukraine)")

    yutkevich = make_person("Sergei Yutkevich", birth_year=1904, death_year=1985)
    make_credit(film, yutkevich, Role.DIRECTOR)
    make_credit(film, make_person("Dmitri Kabalevsky"), Role.COMPOSER)
    make_credit(film, make_person("Boris Poslavsky"), Role.ACTOR, character_name="Semyon Primak")
    Character.objects.create(film=film, name="Chub", description="the corrupt mine chief")

    make_quote(film, "Every ton of coal is a blow against the capitalist encirclement!")
    make_scene(film, "The opening montage of the Donbas")
    make_trivia(film, "Real Donbas miners were used as extras")
    make_trivia(film, "Premiered in March 1937", verification=Verification.VERIFIED, source="Pravda, 16 March 1937")
    make_trivia(
        film,
        "Poslavsky was Stalin's favourite actor",
        verification=Verification.DISPUTED,
        editor_note="No source names Stalin's preference.",
    )
    make_award(film, "Order of the Red Banner of Labour", year=1937, recipient=yutkevich, outcome=Outcome.WON)
    make_award(film, "Stalin Prize", outcome=Outcome.NOMINATED, note="Not awarded due to political changes")

    chapaev = make_film("Chapaev", 1934, slug="chapaev-1934")
    make_influence(chapaev, film, note="Character archetypes of the heroic worker")
    make_influence(film, make_film("The Great Citizen", 1938), note="Similar themes of hunting internal enemies")
    make_recommendation(film, make_film("The Height", 1957, slug="the-height-1957"))
    film.tags.add("coal mining", "Donbas")
    return film
