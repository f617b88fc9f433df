"""What a revision of a list, a theme intro, a tag or the home page holds: the item with the rows its form edits."""

from taggit.models import Tag

from core.revisions import register_again

from .models import (
    CuratedList,
    FeaturedFilm,
    FeaturedList,
    FeaturedTheme,
    HomePage,
    ListEntry,
    TaggedList,
    Theme,
    ThemeRedirect,
)


def register():
    for model in (ListEntry, TaggedList, Theme, ThemeRedirect, FeaturedList, FeaturedFilm, FeaturedTheme):
        register_again(model)
    register_again(CuratedList, follow=["entries", "tagged_items"], exclude=["version"])
    register_again(HomePage, follow=["featured_lists", "featured_films", "featured_themes"])
    register_again(Tag, follow=["theme"])
