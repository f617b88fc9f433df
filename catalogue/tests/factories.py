"""Small builders for test data: each makes a valid row and takes overrides."""

import itertools

from django.utils.text import slugify

from catalogue.models import Character, Credit, Film, Person, Role, Studio, Trivia

_sequence = itertools.count(1)


def make_film(title=None, year=1937, **fields):
    title = title or f"Film {next(_sequence)}"
    fields.setdefault("slug", slugify(f"{title} {year}"))
    return Film.objects.create(title=title, year=year, **fields)


def make_person(name=None, **fields):
    name = name or f"Person {next(_sequence)}"
    fields.setdefault("slug", slugify(name))
    return Person.objects.create(name=name, **fields)


def make_studio(name=None, **fields):
    name = name or f"Studio {next(_sequence)}"
    fields.setdefault("slug", slugify(name))
    return Studio.objects.create(name=name, **fields)


def make_credit(film, person=None, role=Role.DIRECTOR, character_name=None, **fields):
    character = None
    if character_name:
        character, _ = Character.objects.get_or_create(film=film, name=character_name)
    return Credit.objects.create(
        film=film, person=person or make_person(), role=role, character=character, **fields
    )


def make_trivia(film, text=None, **fields):
    return Trivia.objects.create(film=film, text=text or f"Fact {next(_sequence)}", **fields)
