"""What search finds in the catalogue: films, people, studios, and the trivia, quotes and scenes of films."""

from django.db.models import Prefetch
from taggit.models import Tag

from core.publishing import published_q
from core.search.registry import Entry, Kind, Source, register, register_kind, texts

from .models import AlternativeTitle, Character, Film, KeyTheme, Person, Quote, Scene, Studio, TaggedFilm, Trivia

# Searched as long texts: the film page's sections and the box-office line.
LONG_TEXTS = (*Film.LONG_TEXTS, "box_office")


def film_entry(film):
    subtitle = " · ".join(str(part) for part in (film.year, film.original_title) if part)
    return Entry(
        title=film.title,
        url=film.get_absolute_url(),
        subtitle=subtitle,
        a=film.title,
        b=texts(film.original_title, *(alternative.title for alternative in film.alternative_titles.all())),
        c=texts(film.tagline, film.tagline_translation, *(getattr(film, name) for name in LONG_TEXTS)),
        d=texts(
            *(theme.text for theme in film.key_themes.all()),
            *(tagged_item.tag.name for tagged_item in film.tagged_items.all()),
        ),
    )


def films():
    return Film.objects.prefetch_related(
        "alternative_titles", "key_themes", Prefetch("tagged_items", TaggedFilm.objects.select_related("tag"))
    )


def films_tagged(tag_pks):
    return TaggedFilm.objects.filter(tag__in=tag_pks).values_list("content_object_id", flat=True)


def person_entry(person):
    return Entry(
        title=person.name,
        url=person.get_absolute_url(),
        subtitle=" · ".join(part for part in (person.original_name, person.life_span) if part),
        a=person.name,
        b=person.original_name,
        c=person.biography,
    )


def studio_entry(studio):
    return Entry(
        title=studio.name,
        url=studio.get_absolute_url(),
        subtitle=" · ".join(part for part in (studio.original_name, studio.city) if part),
        a=studio.name,
        b=studio.original_name,
        c=texts(studio.city, studio.description),
    )


def item_source(model, kind, text, related=(), follows=None):
    """An item of a film's page, found by its own words and linking to its place on the page."""

    def entry(item):
        return Entry(
            title=str(item.film),
            url=f"{item.film.get_absolute_url()}#{item.item_anchor}",
            subtitle=str(model._meta.verbose_name).capitalize(),
            d=text(item),
        )

    def of_films(film_pks):
        return model.objects.filter(film__in=film_pks).values_list("pk", flat=True)

    return Source(
        model=model,
        kind=kind,
        entry=entry,
        # Only the items of films readers may see.
        visible=lambda: model.objects.filter(published_q("film__")),
        rows=lambda: model.objects.select_related("film", *related),
        # The film's title and address are in the entry.
        follows={Film: of_films, **(follows or {})},
    )


def quotes_of(character_pks):
    return Quote.objects.filter(character__in=character_pks).values_list("pk", flat=True)


def register_search():
    register_kind(Kind("film", "Film", "Films", 10))
    register_kind(Kind("person", "Person", "People", 20))
    register_kind(Kind("studio", "Studio", "Studios", 50))
    register_kind(Kind("trivia", "Trivia item", "Trivia", 60))
    register_kind(Kind("quote", "Quote", "Quotes", 70))
    register_kind(Kind("scene", "Scene", "Scenes", 80))
    register(
        Source(
            model=Film,
            kind="film",
            entry=film_entry,
            visible=Film.objects.published,
            rows=films,
            follows={
                AlternativeTitle: "film_id",
                KeyTheme: "film_id",
                TaggedFilm: "content_object_id",
                Tag: films_tagged,  # a renamed tag
            },
        )
    )
    register(Source(model=Person, kind="person", entry=person_entry, visible=Person.objects.all))
    register(Source(model=Studio, kind="studio", entry=studio_entry, visible=Studio.objects.all))
    register(item_source(Trivia, "trivia", lambda trivia: trivia.text))
    register(
        item_source(
            Quote,
            "quote",
            lambda quote: texts(quote.text, quote.character.name if quote.character else ""),
            related=("character",),
            follows={Character: quotes_of},
        )
    )
    register(item_source(Scene, "scene", lambda scene: scene.description))
