"""
Atom feeds of the catalogue: newly published films. Only what readers may
see: a scheduled film enters the feed at its publish time, a draft never.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.text import Truncator

from .models import Film

FEED_LENGTH = 30
SUMMARY_WORDS = 60
FEED_AUTHOR = "Kinozavod editors"


def summary(text):
    """The start of a plain text as the HTML an Atom summary carries (escaped: a plot is text, not markup)."""
    return linebreaks(Truncator(text).words(SUMMARY_WORDS), autoescape=True)


class KinozavodFeed(Feed):
    feed_type = Atom1Feed
    author_name = FEED_AUTHOR


class NewFilmsFeed(KinozavodFeed):
    title = "New films — Kinozavod"
    subtitle = "Soviet films about industry, as they join Kinozavod's catalogue."

    def link(self):
        return reverse("catalogue:film_list")

    def items(self):
        return Film.objects.published().newest_first().for_feed()[:FEED_LENGTH]

    def item_title(self, film):
        return str(film)

    def item_description(self, film):
        return summary(film.plot) if film.plot else None

    def item_pubdate(self, film):
        return film.published_at

    def item_updateddate(self, film):
        return film.last_public_change

    def item_categories(self, film):
        return [tagged_item.tag.name for tagged_item in film.tagged_items_list]
