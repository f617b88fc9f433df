"""
Atom feeds of curation: newly published curated lists, and one per theme
(the films and lists that carry it, newest first). Only what readers may see.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.text import capfirst

from catalogue.feeds import FEED_LENGTH, KinozavodFeed, NewFilmsFeed, summary
from catalogue.models import Film

from .models import CuratedList
from .themes import find_theme, public_themes


class NewListsFeed(KinozavodFeed):
    title = "New curated lists — Kinozavod"
    subtitle = "Soviet films about industry, chosen and introduced by Kinozavod's editors."

    def link(self):
        return reverse("curation:list_index")

    def items(self):
        return CuratedList.objects.published().newest_first().select_related("author").with_tags()[:FEED_LENGTH]

    def item_title(self, curated_list):
        return curated_list.title

    def item_description(self, curated_list):
        return summary(curated_list.intro)

    def item_author_name(self, curated_list):
        return curated_list.author_name

    def item_pubdate(self, curated_list):
        return curated_list.published_at

    def item_updateddate(self, curated_list):
        return curated_list.last_public_change

    def item_categories(self, curated_list):
        return [tag.name for tag in curated_list.tag_list]


class ThemeFeed(KinozavodFeed):
    """A theme's films and lists in one feed, each entry described as its own kind's feed describes it."""

    kinds = {Film: NewFilmsFeed(), CuratedList: NewListsFeed()}

    def __call__(self, request, *args, **kwargs):
        tag, moved_to = find_theme(kwargs["slug"])
        if tag is None and moved_to is not None:
            return HttpResponsePermanentRedirect(reverse("curation:theme_feed", args=[moved_to.slug]))
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, slug):
        tag = public_themes().filter(slug=slug).first()
        if tag is None:
            raise Http404("Nothing published carries this theme yet.")
        return tag

    def title(self, tag):
        return f"{capfirst(tag.name)} — Themes — Kinozavod"

    def subtitle(self, tag):
        return f"Soviet films about industry and curated lists on the theme “{tag.name}”, newest first."

    def link(self, tag):
        return tag.get_absolute_url()

    def items(self, tag):
        films = Film.objects.published().filter(tagged_items__tag=tag).newest_first().for_feed()[:FEED_LENGTH]
        lists = (
            CuratedList.objects.published()
            .filter(tagged_items__tag=tag)
            .newest_first()
            .select_related("author")
            .with_tags()[:FEED_LENGTH]
        )
        return sorted([*films, *lists], key=lambda item: (item.published_at, item.pk), reverse=True)[:FEED_LENGTH]

    def _as_its_kind(name):
        def describe(self, item):
            return getattr(self.kinds[type(item)], name)(item)

        return describe

    item_title = _as_its_kind("item_title")
    item_description = _as_its_kind("item_description")
    item_pubdate = _as_its_kind("item_pubdate")
    item_updateddate = _as_its_kind("item_updateddate")
    item_categories = _as_its_kind("item_categories")
    del _as_its_kind

    def item_author_name(self, item):
        return item.author_name if isinstance(item, CuratedList) else None
