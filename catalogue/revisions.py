"""
What a film's revision holds: the film with every row its change form edits,
so that history compares and restores the whole page. Rows edited on their
own (trivia from the fact-checking view) are registered too; those views add
the film to the revision themselves.
"""

from core.revisions import register_again

from .models import (
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
    Scene,
    Studio,
    TaggedFilm,
    Trivia,
)

FILM_ROWS = {
    "studio_links": FilmStudio,
    "key_themes": KeyTheme,
    "characters": Character,
    "credits": Credit,
    "alternative_titles": AlternativeTitle,
    "filming_locations": FilmingLocation,
    "quotes": Quote,
    "scenes": Scene,
    "trivia": Trivia,
    "awards": Award,
    "influenced_by": Influence,
    "influences": Influence,
    "recommendations": Recommendation,
    "external_links": ExternalLink,
    "tagged_items": TaggedFilm,
}


def register():
    for model in {*FILM_ROWS.values(), Person, Studio}:
        register_again(model)
    # The version number only guards open forms; restoring an old one would undo that.
    register_again(Film, follow=list(FILM_ROWS), exclude=["version"])
