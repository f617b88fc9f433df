"""The Atom feed of new films: only what readers may see, newest first, in a fixed number of queries."""

import datetime
import time
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Film

from .factories import PUBLISHED, make_film, make_films

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
MANY = 300
# The films, their tags.
FEED_QUERIES = 2


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, feed.findall("atom:entry", ATOM)


def entry_titles(client, url):
    return [entry.findtext("atom:title", namespaces=ATOM) for entry in entries(client, url)[1]]


def test_the_new_films_feed_lists_published_films_newest_first(client):
    make_film("Turksib", 1929, published_at=PUBLISHED)
    make_film("The Miners", 1937, published_at=PUBLISHED + datetime.timedelta(days=2))
    make_film("Strike", 1925, published_at=PUBLISHED + datetime.timedelta(days=1))

    assert entry_titles(client, reverse("catalogue:film_feed")) == [
        "The Miners (1937)",
        "Strike (1925)",
        "Turksib (1929)",
    ]


def test_the_new_films_feed_leaves_out_drafts_and_scheduled_films(client):
    make_film("The Miners", 1937)
    make_film("Draft Seam", 1938, published_at=None)
    make_film("Scheduled Seam", 1939, published_at=timezone.now() + datetime.timedelta(days=3))

    assert entry_titles(client, reverse("catalogue:film_feed")) == ["The Miners (1937)"]


def test_a_scheduled_film_enters_the_feed_once_its_time_has_come(client):
    goes_live = timezone.now() + datetime.timedelta(seconds=1.5)
    make_film("Scheduled Seam", 1939, published_at=goes_live)
    assert entry_titles(client, reverse("catalogue:film_feed")) == []

    time.sleep(max(0, (goes_live - timezone.now()).total_seconds()) + 0.05)

    assert entry_titles(client, reverse("catalogue:film_feed")) == ["Scheduled Seam (1939)"]


def test_a_feed_entry_links_the_film_and_carries_its_dates_plot_and_tags(client):
    film = make_film("The Miners", 1937, plot="Primak arrives in a <Donbas> town & fights sabotage.")
    film.tags.add("coal mining", "Donbas")
    film.refresh_from_db()

    feed, (entry,) = entries(client, reverse("catalogue:film_feed"))

    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == "http://testserver/films/"
    assert entry.find("atom:link", ATOM).get("href") == f"http://testserver{film.get_absolute_url()}"
    assert entry.findtext("atom:published", namespaces=ATOM) == PUBLISHED.isoformat()
    assert entry.findtext("atom:updated", namespaces=ATOM) == film.updated_at.isoformat()
    # The plot is text: its angle brackets reach the reader as characters, not markup.
    assert entry.findtext("atom:summary", namespaces=ATOM) == (
        "<p>Primak arrives in a &lt;Donbas&gt; town &amp; fights sabotage.</p>"
    )
    assert [category.get("term") for category in entry.findall("atom:category", ATOM)] == ["coal mining", "Donbas"]


def test_the_new_films_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    films = make_films(MANY)
    for film in films:
        film.tags.add("coal mining")  # tags on every film: categories must not cost a query each

    with django_assert_max_num_queries(FEED_QUERIES):
        feed, found = entries(client, reverse("catalogue:film_feed"))
    assert len(found) == 30
    assert Film.objects.count() == MANY
