"""
The film page: what it loads and the outline it shows.

The outline follows the seed page's order. A section without content is left
out, so the table of contents and the page always agree, and a film known only
by its title and year still gets a tidy page.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch

from .models import Award, Credit, Film, Influence, Quote, Recommendation, Role


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    template: str
    content: object = None


@dataclass
class CastAndCrew:
    crew: list = field(default_factory=list)  # [(role label, [credits])], in Role order
    cast: list = field(default_factory=list)  # actor credits, billing order
    uncast_characters: list = field(default_factory=list)  # characters whose actor we don't know

    def __bool__(self):
        return bool(self.crew or self.cast or self.uncast_characters)


def film_page_queryset():
    """Published films with everything their page shows, in a fixed number of queries."""
    linked = Film.objects.published()
    return Film.objects.published().prefetch_related(
        Prefetch("studios", to_attr="studios_list"),
        Prefetch("key_themes", to_attr="key_themes_list"),
        Prefetch("filming_locations", to_attr="locations_list"),
        Prefetch("alternative_titles", to_attr="alternative_titles_list"),
        Prefetch("external_links", to_attr="external_links_list"),
        Prefetch("credits", Credit.objects.select_related("person", "character"), to_attr="credits_list"),
        Prefetch("characters", to_attr="characters_list"),
        Prefetch("quotes", Quote.objects.select_related("character"), to_attr="quotes_list"),
        Prefetch("scenes", to_attr="scenes_list"),
        Prefetch("trivia", to_attr="trivia_list"),
        Prefetch("awards", Award.objects.select_related("recipient"), to_attr="awards_list"),
        Prefetch(
            "influenced_by",
            Influence.objects.filter(influencer__in=linked).select_related("influencer"),
            to_attr="influenced_by_list",
        ),
        Prefetch(
            "influences",
            Influence.objects.filter(influenced__in=linked).select_related("influenced"),
            to_attr="influences_list",
        ),
        Prefetch(
            "recommendations",
            Recommendation.objects.filter(recommended__in=linked).select_related("recommended"),
            to_attr="recommendations_list",
        ),
        Prefetch(
            "recommended_from",
            Recommendation.objects.filter(film__in=linked).select_related("film"),
            to_attr="recommended_from_list",
        ),
        Prefetch("tags", to_attr="tags_list"),
    )


def cast_and_crew(film):
    crew_credits = sorted(
        (credit for credit in film.credits_list if credit.role != Role.ACTOR),
        key=lambda credit: (credit.role_rank, credit.position),
    )
    crew = [
        (Role(role).label, list(credits))
        for role, credits in groupby(crew_credits, key=lambda credit: credit.role)
    ]
    cast = [credit for credit in film.credits_list if credit.role == Role.ACTOR]
    cast_character_ids = {credit.character_id for credit in cast}
    uncast = [character for character in film.characters_list if character.pk not in cast_character_ids]
    return CastAndCrew(crew=crew, cast=cast, uncast_characters=uncast)


def recommended_films(film):
    """This film's own picks in its order, then films that recommend it."""
    picks = [recommendation.recommended for recommendation in film.recommendations_list]
    seen = {pick.pk for pick in picks}
    picks += [r.film for r in film.recommended_from_list if r.film_id not in seen]
    return picks


def _text(anchor, heading, field_name):
    return lambda film: Section(anchor, heading, "catalogue/sections/text.html", getattr(film, field_name))


def _items(anchor, heading, template, content):
    return lambda film: Section(anchor, heading, f"catalogue/sections/{template}.html", content(film))


def _has_production_facts(film):
    facts = (
        film.release_date,
        film.box_office,
        film.studios_list,
        film.locations_list,
        film.alternative_titles_list,
        film.production_notes,
    )
    return film if any(facts) else None


def _has_connections(film):
    return film if film.influenced_by_list or film.influences_list else None


OUTLINE = [
    _text("plot", "Plot", "plot"),
    _items("cast-and-crew", "Cast & Crew", "cast_and_crew", cast_and_crew),
    _items("about-the-production", "About the Production", "production", _has_production_facts),
    _text("historical-background", "Historical Background", "historical_background"),
    _text("why-it-matters", "Why This Film Matters", "why_it_matters"),
    _text("making-of", "Making Of", "making_of"),
    _text("visual-style", "Visual Style", "visual_style"),
    _text("innovations", "Innovations", "innovations"),
    _text("music", "Music", "music"),
    _items("famous-quotes", "Famous Quotes", "quotes", lambda film: film.quotes_list),
    _items("memorable-scenes", "Memorable Scenes", "scenes", lambda film: film.scenes_list),
    _items("did-you-know", "Did You Know?", "trivia", lambda film: film.trivia_list),
    _text("what-critics-said", "What Critics Said", "critics"),
    _text("what-audiences-thought", "What Audiences Thought", "audiences"),
    _items("awards", "Awards & Recognition", "awards", lambda film: film.awards_list),
    _items("film-connections", "Film Connections", "connections", _has_connections),
    _items("you-might-also-like", "You Might Also Like", "recommendations", recommended_films),
    _text("film-restoration", "Film Restoration", "restoration"),
    _items("themes-and-topics", "Themes & Topics", "tags", lambda film: film.tags_list),
]


def film_page_sections(film):
    """The sections `film` (from `film_page_queryset`) has content for, in page order."""
    sections = (build(film) for build in OUTLINE)
    return [section for section in sections if section.content]
