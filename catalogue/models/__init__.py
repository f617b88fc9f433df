from .claims import SourcedClaim, Verification
from .connections import Influence, Recommendation
from .counts import PublishedFilmCount, PublishedFilmCounting
from .films import (
    AlternativeTitle,
    ExternalLink,
    Film,
    FilmingLocation,
    FilmStudio,
    KeyTheme,
    Studio,
    TaggedFilm,
)
from .page_items import Award, Outcome, Quote, Scene, Trivia
from .people import Character, Credit, Person, Role
from .pictures import Portrait, Poster, Still, StudioLogo

__all__ = [
    "AlternativeTitle",
    "Award",
    "Character",
    "Credit",
    "ExternalLink",
    "Film",
    "FilmingLocation",
    "FilmStudio",
    "Influence",
    "KeyTheme",
    "Outcome",
    "Person",
    "Portrait",
    "Poster",
    "PublishedFilmCount",
    "PublishedFilmCounting",
    "Quote",
    "Recommendation",
    "Role",
    "Scene",
    "SourcedClaim",
    "Still",
    "Studio",
    "StudioLogo",
    "TaggedFilm",
    "Trivia",
    "Verification",
]
