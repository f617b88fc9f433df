from .covers import ListCover, ThemeCover
from .home import FeaturedFilm, FeaturedList, FeaturedTheme, HomePage
from .lists import ANONYMOUS_AUTHOR, CuratedList, ListEntry, TaggedList
from .themes import Theme, ThemeRedirect

__all__ = [
    "ANONYMOUS_AUTHOR",
    "CuratedList",
    "FeaturedFilm",
    "FeaturedList",
    "FeaturedTheme",
    "HomePage",
    "ListCover",
    "ListEntry",
    "TaggedList",
    "Theme",
    "ThemeCover",
    "ThemeRedirect",
]
