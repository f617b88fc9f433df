"""
Synthetic films with everything a film page shows, in the proportions of the
seed catalogue: a few credits and characters per film, some trivia, quotes,
scenes and awards, a connection or two, tags and studios. Rows are built in
memory and written with one `bulk_create` per model, so ten thousand films
take seconds; every row is valid under `full_clean()` and the constraints.

The same seed on the same starting catalogue gives the same content; slugs
and tags already taken are stepped around, never reused or changed.
"""

import datetime
from collections import defaultdict

from django.utils.text import slugify
from taggit.models import Tag

from core.tagging import tag_identity

from ..models import (
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
    Outcome,
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
from . import words

BATCH_SIZE = 2000
# Published, at a fixed moment in the past so that a seed gives the same content whenever it runs.
PUBLISHED_FROM = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
CREW_ROLES = [Role.SCREENWRITER, Role.CINEMATOGRAPHER, Role.COMPOSER, Role.PRODUCTION_DESIGNER, Role.EDITOR]


class UniqueSlugs:
    """Slugs not yet taken in the database nor by this run: `the-miners-1937`, then `the-miners-1937-2`…"""

    def __init__(self, model):
        self.taken = set(model._default_manager.values_list("slug", flat=True))

    def __call__(self, text):
        base = slugify(text, allow_unicode=False) or "item"
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        return slug


def pick(rng, pairs):
    return rng.choice(pairs)


def sentence(rng, russian=False):
    place_en, place_ru = pick(rng, words.PLACES)
    noun_en, noun_ru = pick(rng, words.NOUNS)
    if russian:
        return rng.choice(words.SENTENCES_RU).format(place=place_ru, noun=noun_ru)
    return rng.choice(words.SENTENCES_EN).format(place=place_en, noun=noun_en.lower())


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def distinct(rng, count, make):
    """`count` different values from `make(rng)` (fewer if it keeps repeating itself)."""
    values = []
    for _ in range(count * 4):
        value = make(rng)
        if value not in values:
            values.append(value)
        if len(values) == count:
            break
    return values


class FilmGenerator:
    def __init__(self, rng, films):
        self.rng = rng
        self.film_count = films
        self.rows = defaultdict(list)  # model -> unsaved rows, written in dependency order

    def generate(self):
        studios = self.make_studios(max(3, self.film_count // 40))
        people = self.make_people(max(10, self.film_count * 3 // 2))
        tags = self.make_tags()
        films = self.make_films()
        self.save(Studio, Person, Film)
        for film in films:
            self.add_film_items(film, studios, people, tags)
        self.add_connections(films)
        self.save(FilmStudio, Character, TaggedFilm, AlternativeTitle, KeyTheme, FilmingLocation, ExternalLink)
        self.save(Credit, Quote, Trivia, Scene, Award, Influence, Recommendation)
        return films

    def save(self, *models):
        for model in models:
            rows = self.rows.get(model, [])
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    def make_studios(self, count):
        unique = UniqueSlugs(Studio)
        studios = []
        for number in range(count):
            name, original, city = words.STUDIO_NAMES[number % len(words.STUDIO_NAMES)]
            if number >= len(words.STUDIO_NAMES):
                name, original = f"{name} No. {number // len(words.STUDIO_NAMES) + 1}", f"{original} № {number}"
            studios.append(
                Studio(
                    name=name, slug=unique(name), original_name=original, city=city, description=paragraph(self.rng, 1)
                )
            )
        self.rows[Studio] = studios
        return studios

    def make_people(self, count):
        rng, unique = self.rng, UniqueSlugs(Person)
        people = []
        for _ in range(count):
            (first, first_ru), (last, last_ru) = pick(rng, words.FIRST_NAMES), pick(rng, words.SURNAMES)
            born = rng.randint(1870, 1945)
            died = rng.choice([None, born + rng.randint(30, 80)])
            name = f"{first} {last}"
            people.append(
                Person(
                    name=name,
                    original_name=f"{first_ru} {last_ru}",
                    slug=unique(name),
                    birth_year=born,
                    death_year=died if died and died <= 2024 else None,
                    biography=paragraph(rng, rng.randint(0, 3)),
                )
            )
        self.rows[Person] = people
        return people

    def make_tags(self):
        existing = {tag_identity(tag.name): tag for tag in Tag.objects.all()}
        new = [
            Tag(name=name, slug=slugify(name, allow_unicode=True))
            for name in words.TAGS
            if tag_identity(name) not in existing
        ]
        self.rows[Tag] = Tag.objects.bulk_create(new)
        existing.update((tag_identity(tag.name), tag) for tag in self.rows[Tag])
        return [existing[tag_identity(name)] for name in words.TAGS]

    def make_films(self):
        rng, unique = self.rng, UniqueSlugs(Film)
        films = []
        for number in range(self.film_count):
            (adjective, adjective_ru), (noun, noun_ru) = pick(rng, words.ADJECTIVES), pick(rng, words.NOUNS)
            title = f"The {adjective} {noun}" if rng.random() < 0.5 else f"{adjective} {noun}"
            year = rng.randint(1924, 1991)
            release = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.7 else None
            films.append(
                Film(
                    title=title,
                    original_title=f"{adjective_ru} {noun_ru}".capitalize(),
                    slug=unique(f"{title} {year}"),
                    year=year,
                    runtime_minutes=rng.randint(45, 170) if rng.random() < 0.9 else None,
                    country=rng.choice(words.COUNTRIES),
                    release_date=release,
                    tagline=sentence(rng, russian=True) if rng.random() < 0.6 else "",
                    tagline_translation=sentence(rng) if rng.random() < 0.4 else "",
                    box_office=f"{rng.randint(5, 40)} million viewers" if rng.random() < 0.3 else "",
                    plot=paragraph(rng, rng.randint(2, 5)),
                    production_notes=paragraph(rng, rng.randint(0, 3)),
                    historical_background=paragraph(rng, rng.randint(0, 2)),
                    why_it_matters=paragraph(rng, rng.randint(1, 2)),
                    visual_style=paragraph(rng, rng.randint(0, 1)),
                    music=paragraph(rng, rng.randint(0, 1)),
                    critics=paragraph(rng, rng.randint(0, 2)),
                    published_at=PUBLISHED_FROM + datetime.timedelta(minutes=number),
                )
            )
        self.rows[Film] = films
        return films

    def add_film_items(self, film, studios, people, tags):
        rng, rows = self.rng, self.rows
        for position, studio in enumerate(rng.sample(studios, rng.choice([1, 1, 1, 2])), start=1):
            rows[FilmStudio].append(FilmStudio(film=film, studio=studio, position=position))
        for tag in rng.sample(tags, rng.randint(1, 4)):
            rows[TaggedFilm].append(TaggedFilm(content_object=film, tag=tag))
        if rng.random() < 0.2:
            rows[AlternativeTitle].append(AlternativeTitle(film=film, title=film.original_title, note="Original title"))
        for position, (place, _) in enumerate(rng.sample(words.PLACES, rng.randint(0, 2)), start=1):
            rows[FilmingLocation].append(FilmingLocation(film=film, name=place, position=position))
        for position, text in enumerate(distinct(rng, rng.randint(1, 3), sentence), start=1):
            rows[KeyTheme].append(KeyTheme(film=film, text=text, position=position))
        if rng.random() < 0.3:
            url = f"https://archive.example.org/films/{film.slug}"
            rows[ExternalLink].append(ExternalLink(film=film, site="Film archive", url=url, position=1))
        characters = self.add_cast_and_crew(film, people)
        self.add_page_items(film, characters)

    def add_cast_and_crew(self, film, people):
        rng, rows = self.rng, self.rows
        names = distinct(
            rng, rng.randint(2, 5), lambda rng: f"{pick(rng, words.FIRST_NAMES)[1]} {pick(rng, words.SURNAMES)[1]}"
        )
        characters = [
            Character(film=film, name=name, description=sentence(rng) if rng.random() < 0.5 else "", position=position)
            for position, name in enumerate(names, start=1)
        ]
        rows[Character].extend(characters)
        crew = [(Role.DIRECTOR, None)] + [(role, None) for role in rng.sample(CREW_ROLES, rng.randint(1, 3))]
        cast = [(Role.ACTOR, character) for character in characters]
        for position, ((role, character), person) in enumerate(
            zip(crew + cast, rng.sample(people, len(crew) + len(cast)), strict=True), start=1
        ):
            note = "uncredited" if rng.random() < 0.05 else ""
            rows[Credit].append(
                Credit(film=film, person=person, role=role, character=character, note=note, position=position)
            )
        return characters

    def add_page_items(self, film, characters):
        rng, rows = self.rng, self.rows
        for position, text in enumerate(distinct(rng, rng.randint(0, 4), lambda rng: paragraph(rng, 2)), start=1):
            rows[Trivia].append(Trivia(film=film, text=text, position=position, **self.claim()))
        for position, text in enumerate(distinct(rng, rng.randint(0, 3), lambda rng: sentence(rng, True)), start=1):
            speaker = rng.choice(characters) if characters and rng.random() < 0.6 else None
            rows[Quote].append(Quote(film=film, text=text, character=speaker, position=position))
        for position, text in enumerate(distinct(rng, rng.randint(0, 3), lambda rng: paragraph(rng, 2)), start=1):
            rows[Scene].append(Scene(film=film, description=text, position=position))
        awards = distinct(
            rng,
            rng.choice([0, 0, 0, 1, 1, 2]),
            lambda rng: (pick(rng, words.AWARDS)[0], rng.choice(words.AWARD_CATEGORIES)),
        )
        for position, (name, category) in enumerate(awards, start=1):
            rows[Award].append(
                Award(
                    film=film,
                    name=name,
                    category=category,
                    year=min(film.year + 1, 2100),
                    outcome=rng.choice([Outcome.WON, Outcome.NOMINATED]),
                    position=position,
                    **self.claim(),
                )
            )

    def claim(self):
        """A source and verification as editors leave them: mostly unchecked, some verified, a few disputed."""
        roll = self.rng.random()
        if roll < 0.2:
            return {"verification": Verification.VERIFIED, "source": "Iskusstvo Kino, 1958, no. 4"}
        if roll < 0.25:
            return {"verification": Verification.DISPUTED, "editor_note": "Memoirs of the crew disagree on this."}
        return {"verification": Verification.UNVERIFIED, "source": "" if roll < 0.7 else "Studio press release"}

    def add_connections(self, films):
        """About one recommendation and half an influence per film, each pair once, never a film with itself."""
        rng = self.rng
        for model, per_film, ends in [
            (Recommendation, 1.0, ("film", "recommended")),
            (Influence, 0.5, ("influenced", "influencer")),
        ]:
            seen, positions = set(), defaultdict(int)
            for _ in range(int(len(films) * per_film)):
                first, second = rng.sample(films, 2) if len(films) > 1 else (None, None)
                if first is None or (first.slug, second.slug) in seen:
                    continue
                seen.add((first.slug, second.slug))
                positions[first.slug] += 1
                note = sentence(rng) if rng.random() < 0.5 else ""
                self.rows[model].append(
                    model(**{ends[0]: first, ends[1]: second}, note=note, position=positions[first.slug])
                )

    @property
    def trivia(self):
        return self.rows[Trivia]
