"""
The film page: what it loads and the outline it shows.

The outline follows the seed page's order. A section without content is left
out, so the table of contents and the page always agree, and a film known only
by its title and year still gets a tidy page. Apps built on the catalogue add
sections of their own with `add_section` (the curated lists a film is in, for one).
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from operator import attrgetter

from django.db.models import Prefetch
from django.template.loader import render_to_string

from core.publishing import published_q

from .credits import group_by_role
from .models import Award, Credit, Film, FilmStudio, Influence, Quote, Recommendation, Role, TaggedFilm


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    template: str
    content: object = None
    html: str = ""  # rendered ahead, with a film kept for readers (render_sections_ahead)

    @property
    def heading_id(self):
        return f"{self.anchor}-heading"


@dataclass(frozen=True)
class Part:
    """A place in the outline; `content(film)` is what it shows, and nothing leaves it out."""

    anchor: str
    heading: str
    template: str
    content: Callable

    def section(self, film):
        return Section(self.anchor, self.heading, self.template, self.content(film))


@dataclass
class CastAndCrew:
    crew: list = field(default_factory=list)  # [RoleGroup], in Role order
    cast: list = field(default_factory=list)  # actor credits, billing order
    uncast_characters: list = field(default_factory=list)  # characters whose actor we don't know

    def __bool__(self):
        return bool(self.crew or self.cast or self.uncast_characters)


@dataclass
class Connections:
    """One film's influences, read from both ends of each Influence row."""

    influenced_by: list = field(default_factory=list)  # Influence rows, `influencer` is the other film
    influenced: list = field(default_factory=list)  # Influence rows, `influenced` is the other film

    def __bool__(self):
        return bool(self.influenced_by or self.influenced)


@dataclass(frozen=True)
class Pick:
    film: Film
    note: str = ""


def film_page_queryset():
    """
    Films with everything their page shows, in a fixed number of queries.
    Connected films are joined only when published: a draft has no page to
    link to.
    """
    return Film.objects.select_related("poster").prefetch_related(
        # Through the studio links, so studios keep the order of the film's
        # credits (Lenfilm Studio before Goskino), not their alphabetical order.
        Prefetch("studio_links", FilmStudio.objects.select_related("studio"), to_attr="studio_links_list"),
        Prefetch("key_themes", to_attr="key_themes_list"),
        Prefetch("filming_locations", to_attr="locations_list"),
        Prefetch("alternative_titles", to_attr="alternative_titles_list"),
        Prefetch("external_links", to_attr="external_links_list"),
        Prefetch("credits", Credit.objects.select_related("person", "character"), to_attr="credits_list"),
        Prefetch("characters", to_attr="characters_list"),
        Prefetch("quotes", Quote.objects.select_related("character"), to_attr="quotes_list"),
        Prefetch("scenes", to_attr="scenes_list"),
        Prefetch("stills", to_attr="stills_list"),
        Prefetch("trivia", to_attr="trivia_list"),
        Prefetch("awards", Award.objects.select_related("recipient"), to_attr="awards_list"),
        Prefetch(
            "influenced_by",
            Influence.objects.filter(published_q("influencer__")).select_related("influencer"),
            to_attr="influenced_by_list",
        ),
        Prefetch(
            "influences",
            Influence.objects.filter(published_q("influenced__")).select_related("influenced"),
            to_attr="influences_list",
        ),
        Prefetch(
            "recommendations",
            Recommendation.objects.filter(published_q("recommended__")).select_related("recommended"),
            to_attr="recommendations_list",
        ),
        Prefetch(
            "recommended_from",
            Recommendation.objects.filter(published_q("film__")).select_related("film"),
            to_attr="recommended_from_list",
        ),
        # Through the tagging rows rather than `tags`, so tags keep the order
        # the editor gave them (the seed lists "coal mining" first, not "class enemies").
        Prefetch("tagged_items", TaggedFilm.objects.select_related("tag").order_by("pk"), to_attr="tagged_items_list"),
        *(prefetch() for prefetch in _added_prefetches.values()),
    )


def cast_and_crew(film):
    crew = group_by_role(
        (credit for credit in film.credits_list if credit.role != Role.ACTOR),
        lambda credit: credit.position,
    )
    cast = [credit for credit in film.credits_list if credit.role == Role.ACTOR]
    cast_character_ids = {credit.character_id for credit in cast}
    uncast = [character for character in film.characters_list if character.pk not in cast_character_ids]
    return CastAndCrew(crew=crew, cast=cast, uncast_characters=uncast)


def connections(film):
    return Connections(influenced_by=film.influenced_by_list, influenced=film.influences_list)


def recommended_films(film):
    """This film's own picks in its order, then films that recommend it."""
    picks = [Pick(r.recommended, r.note) for r in film.recommendations_list]
    seen = {pick.film.pk for pick in picks}
    picks += [Pick(r.film, r.note) for r in film.recommended_from_list if r.film_id not in seen]
    return picks


def film_tags(film):
    return [tagged_item.tag for tagged_item in film.tagged_items_list]


def _text(anchor, heading, field_name):
    return Part(anchor, heading, "catalogue/sections/text.html", attrgetter(field_name))


def _items(anchor, heading, template, content):
    return Part(anchor, heading, f"catalogue/sections/{template}.html", content)


def _has_production_facts(film):
    facts = (
        film.release_date,
        film.box_office,
        film.studio_links_list,
        film.locations_list,
        film.alternative_titles_list,
        film.production_notes,
    )
    return film if any(facts) else None


OUTLINE = [
    _text("plot", "Plot", "plot"),
    _items("stills", "Stills", "stills", attrgetter("stills_list")),
    _items("cast-and-crew", "Cast & Crew", "cast_and_crew", cast_and_crew),
    _items("about-the-production", "About the Production", "production", _has_production_facts),
    _text("historical-background", "Historical Background", "historical_background"),
    _text("why-it-matters", "Why This Film Matters", "why_it_matters"),
    _text("making-of", "Making Of", "making_of"),
    _text("visual-style", "Visual Style", "visual_style"),
    _text("innovations", "Innovations", "innovations"),
    _text("music", "Music", "music"),
    _items("famous-quotes", "Famous Quotes", "quotes", attrgetter("quotes_list")),
    _items("memorable-scenes", "Memorable Scenes", "scenes", attrgetter("scenes_list")),
    _items("did-you-know", "Did You Know?", "trivia", attrgetter("trivia_list")),
    _text("what-critics-said", "What Critics Said", "critics"),
    _text("what-audiences-thought", "What Audiences Thought", "audiences"),
    _items("awards", "Awards & Recognition", "awards", attrgetter("awards_list")),
    _items("film-connections", "Film Connections", "connections", connections),
    _items("you-might-also-like", "You Might Also Like", "recommendations", recommended_films),
    _text("film-restoration", "Film Restoration", "restoration"),
    _items("themes-and-topics", "Themes & Topics", "tags", film_tags),
]
_added_prefetches = {}  # anchor -> prefetch()


def add_section(part, *, before, prefetch):
    """
    Show `part` on every film page, just before the section anchored at
    `before`. `prefetch()` returns the Prefetch that loads what it shows for
    the film page's queryset (called per request, so its filters are current),
    which keeps the page at a fixed number of queries. A film loaded for
    readers is kept between edits (DraftPreviewMixin) and retired by a change
    to any row it was loaded with: load everything a section shows through its
    prefetch (the rule: core/data_cache.py), never in `part.content` or a template.
    """
    OUTLINE[:] = [existing for existing in OUTLINE if existing.anchor != part.anchor]
    OUTLINE.insert([existing.anchor for existing in OUTLINE].index(before), part)
    _added_prefetches[part.anchor] = prefetch


def film_page_sections(film):
    """The sections `film` (from `film_page_queryset`) has content for, in page order."""
    sections = (part.section(film) for part in OUTLINE)
    ahead = getattr(film, "rendered_sections", {})
    return [replace(section, html=ahead.get(section.anchor, "")) for section in sections if section.content]


def render_sections_ahead(film, request):
    """
    Render each section of `film` once, as the page would, to keep with the
    film (DraftPreviewMixin): a kept film's page then renders only its frame.
    Kept HTML is retired with the film's data, by exactly the same rows.
    """
    film.rendered_sections = {
        section.anchor: render_to_string(
            section.template, {"content": section.content, "film": film, "section": section}, request
        )
        for section in film_page_sections(film)
    }
    return film
