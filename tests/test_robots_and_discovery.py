"""
How crawlers and feed readers find the site: robots.txt names the sitemap and
keeps them out of the admin; robots.txt, the sitemap and the feeds are cached
like readers' pages and retired by an edit.
"""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.tests.factories import make_film
from core.tests.helpers import load_seed

pytestmark = pytest.mark.django_db

DISCOVERY = [
    "/robots.txt",
    "/sitemap.xml",
    "/sitemap-films.xml",
    "/feeds/films/",
    "/feeds/lists/",
    "/feeds/themes/coal-mining/",
]


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not [line for line in lines if line.startswith("Disallow:") and line != "Disallow: /admin/"]


@pytest.mark.parametrize("url", DISCOVERY)
def test_discovery_files_are_served_from_the_page_cache(client, page_cache, url):
    load_seed()
    first = client.get(url)
    assert first.status_code == 200

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)

    assert len(queries) == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_a_newly_published_film_reaches_the_cached_sitemap_and_feed(
    client, page_cache, django_capture_on_commit_callbacks
):
    load_seed()
    client.get("/sitemap-films.xml"), client.get("/feeds/films/")

    with django_capture_on_commit_callbacks(execute=True):
        make_film("Dneprostroi", 1932, slug="dneprostroi-1932")

    assert "/films/dneprostroi-1932/" in client.get("/sitemap-films.xml").text
    assert "Dneprostroi (1932)" in client.get("/feeds/films/").text


def test_a_scheduled_film_reaches_the_cached_feed_and_sitemap_at_its_time(client, page_cache):
    load_seed()
    goes_live = timezone.now() + datetime.timedelta(seconds=1.5)
    make_film("Dneprostroi", 1932, slug="dneprostroi-1932", published_at=goes_live)
    assert "Dneprostroi" not in client.get("/feeds/films/").text
    assert "/films/dneprostroi-1932/" not in client.get("/sitemap-films.xml").text

    time.sleep(max(0, (goes_live - timezone.now()).total_seconds()) + 0.05)

    assert "Dneprostroi (1932)" in client.get("/feeds/films/").text
    assert "/films/dneprostroi-1932/" in client.get("/sitemap-films.xml").text
