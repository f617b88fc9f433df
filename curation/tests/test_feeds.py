"""The Atom feeds of curated lists and of each theme: only what readers may see, in a fixed number of queries."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from catalogue.models import TaggedFilm
from curation.models import TaggedList
from curation.tags import record_slug_change

from .factories import PUBLISHED, make_film, make_films, make_list
from .test_query_counts import make_lists

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
# The lists with their authors, their tags.
LIST_FEED_QUERIES = 2
# An old address's redirect, the tag, its films and their tags, its lists and their tags.
THEME_FEED_QUERIES = 6


def feed_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def titles(feed):
    return [entry.findtext("atom:title", namespaces=ATOM) for entry in feed.findall("atom:entry", ATOM)]


def test_the_new_lists_feed_lists_published_lists_newest_first_without_drafts(client):
    make_list("Dams", published_at=PUBLISHED)
    make_list("Mines", published_at=PUBLISHED + datetime.timedelta(days=1))
    make_list("Draft Steel", published_at=None)
    make_list("Scheduled Oil", published_at=timezone.now() + datetime.timedelta(days=3))

    assert titles(feed_of(client, reverse("curation:list_feed"))) == ["Mines", "Dams"]


def test_a_list_entry_carries_its_intro_author_and_themes(client):
    curated_list = make_list("Dams", intro="Water & <concrete>.")
    curated_list.tags.add("hydropower")

    (entry,) = feed_of(client, reverse("curation:list_feed")).findall("atom:entry", ATOM)

    assert entry.find("atom:link", ATOM).get("href") == "http://testserver/lists/dams/"
    assert entry.findtext("atom:summary", namespaces=ATOM) == "<p>Water &amp; &lt;concrete&gt;.</p>"
    assert entry.findtext("atom:author/atom:name", namespaces=ATOM) == "Kinozavod editors"
    assert [category.get("term") for category in entry.findall("atom:category", ATOM)] == ["hydropower"]


def test_a_themes_feed_carries_its_published_films_and_lists_newest_first(client):
    make_film("The Miners", 1937, published_at=PUBLISHED).tags.add("coal mining")
    make_list("Coal on screen", published_at=PUBLISHED + datetime.timedelta(days=1)).tags.add("coal mining")
    make_film("Draft Seam", 1938, published_at=None).tags.add("coal mining")
    make_list("Draft coal", published_at=None).tags.add("coal mining")
    make_film("Dneprostroi", 1932).tags.add("hydropower")

    feed = feed_of(client, reverse("curation:theme_feed", args=["coal-mining"]))

    assert feed.findtext("atom:title", namespaces=ATOM) == "Coal mining — Themes — Kinozavod"
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == "http://testserver/themes/coal-mining/"
    assert titles(feed) == ["Coal on screen", "The Miners (1937)"]


def test_a_theme_only_drafts_carry_has_no_feed(client):
    make_film("Draft Seam", 1938, published_at=None).tags.add("secret seam")

    assert client.get(reverse("curation:theme_feed", args=["secret-seam"])).status_code == 404
    assert client.get(reverse("curation:theme_feed", args=["no-such-theme"])).status_code == 404


def test_a_renamed_themes_old_feed_address_redirects_to_the_new_one(client):
    make_film("The Miners", 1937).tags.add("coal mining")
    record_slug_change(Tag.objects.get(name="coal mining"), "coal")

    response = client.get(reverse("curation:theme_feed", args=["coal"]))

    assert response.status_code == 301
    assert response["Location"] == reverse("curation:theme_feed", args=["coal-mining"])


def test_the_feeds_of_lists_and_themes_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    tag = Tag.objects.create(name="coal mining", slug="coal-mining")
    films, lists = make_films(300), make_lists(100)
    TaggedFilm.objects.bulk_create(TaggedFilm(content_object=film, tag=tag) for film in films)
    TaggedList.objects.bulk_create(TaggedList(content_object=item, tag=tag) for item in lists)

    with django_assert_max_num_queries(LIST_FEED_QUERIES):
        assert len(titles(feed_of(client, reverse("curation:list_feed")))) == 30
    with django_assert_max_num_queries(THEME_FEED_QUERIES):
        assert len(titles(feed_of(client, reverse("curation:theme_feed", args=["coal-mining"])))) == 30


def test_every_page_advertises_the_site_feeds_and_a_theme_page_its_own(client):
    make_film("The Miners", 1937).tags.add("coal mining")

    for url in ["/", "/films/", "/films/the-miners-1937/", "/lists/", "/themes/coal-mining/"]:
        html = client.get(url).text
        assert (
            '<link rel="alternate" type="application/atom+xml" title="New films — Kinozavod" href="/feeds/films/">'
            in html
        )
        assert 'title="New curated lists — Kinozavod" href="/feeds/lists/">' in html
    theme_page = client.get("/themes/coal-mining/").text
    assert 'title="Coal mining — Themes — Kinozavod" href="/feeds/themes/coal-mining/">' in theme_page
