"""
What every public page says about itself in its head: a unique title, a
description, an absolute canonical address (index pages canonicalise their
sort orders away and keep their page), and Open Graph and Twitter card tags,
with the poster, portrait or cover as the link preview's picture.
"""

import pytest
from taggit.models import Tag

from catalogue.models import Role
from catalogue.tests.factories import (
    PUBLISHED,
    make_credit,
    make_film,
    make_films,
    make_person,
    make_portrait,
    make_poster,
    make_studio,
)
from core.tests.helpers import Head
from curation.models import Theme
from curation.tests.factories import add_entry, make_list

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def site():
    """One page of every kind: a film with a studio, director and theme, a list, the theme's intro."""
    film = make_film("The Miners", 1937, slug="the-miners-1937", plot="Primak arrives in a Donbas town.")
    film.studios.add(make_studio("Lenfilm Studio", slug="lenfilm"))
    make_credit(film, make_person("Sergei Yutkevich", slug="sergei-yutkevich"), Role.DIRECTOR)
    film.tags.add("coal mining")
    curated_list = make_list("Coal on screen", slug="coal-on-screen", intro="Films of the coal face.")
    add_entry(curated_list, film)
    Theme.objects.create(
        tag=Tag.objects.get(name="coal mining"), share_description="Coal fed the plans.", published_at=PUBLISHED
    )
    return film


PAGES = {
    "/": ("Kinozavod — Soviet films about industry", "website"),
    "/films/": ("Films — Kinozavod", "website"),
    "/films/the-miners-1937/": ("The Miners (1937) — Kinozavod", "video.movie"),
    "/people/": ("People — Kinozavod", "website"),
    "/people/sergei-yutkevich/": ("Sergei Yutkevich — Kinozavod", "profile"),
    "/studios/": ("Studios — Kinozavod", "website"),
    "/studios/lenfilm/": ("Lenfilm Studio — Kinozavod", "website"),
    "/lists/": ("Curated lists — Kinozavod", "website"),
    "/lists/coal-on-screen/": ("Coal on screen — Kinozavod", "article"),
    "/themes/": ("Themes — Kinozavod", "website"),
    "/themes/coal-mining/": ("Coal mining — Themes — Kinozavod", "website"),
    "/timeline/": ("Timeline — Kinozavod", "website"),
    "/influences/": ("Influence map — Kinozavod", "website"),
    "/search/": ("Search — Kinozavod", "website"),
}


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.text)


@pytest.mark.parametrize("url", PAGES)
def test_every_public_page_has_a_title_description_canonical_and_link_preview(client, site, url):
    title, kind = PAGES[url]
    tags = head(client, url)

    assert tags.title == title
    assert tags.meta["description"]
    assert tags.link("canonical") == f"{ORIGIN}{url}"
    assert tags.meta["og:url"] == f"{ORIGIN}{url}"
    assert tags.meta["og:type"] == kind
    assert tags.meta["og:site_name"] == "Kinozavod"
    assert tags.meta["og:title"] and tags.meta["og:title"] in title
    assert tags.meta["og:description"] == tags.meta["description"]
    assert tags.meta["twitter:card"] == "summary"  # no pictures here


def test_titles_are_unique_across_every_kind_of_page(client, site):
    make_films(60)  # a second page of films
    extra = ["/films/?page=2", "/films/?decade=1930", "/search/?q=miners"]
    titles = [head(client, url).title for url in [*PAGES, *extra]]
    assert len(set(titles)) == len(titles), titles


def test_a_film_pages_description_is_the_start_of_its_plot_or_says_what_it_is(client, site):
    assert head(client, "/films/the-miners-1937/").meta["description"] == "Primak arrives in a Donbas town."
    make_film("Turksib", 1929, slug="turksib-1929", country="Soviet Union")
    assert head(client, "/films/turksib-1929/").meta["description"] == (
        "Turksib (1929, Soviet Union) in Kinozavod, a catalogue of Soviet films about industry."
    )


def test_a_theme_page_is_described_by_its_share_description(client, site):
    assert head(client, "/themes/coal-mining/").meta["description"] == "Coal fed the plans."


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/films/?sort=-year", "/films/"),
        ("/films/?page=1", "/films/"),
        ("/films/?sort=year&page=2", "/films/?page=2"),
        ("/films/?utm_source=mail", "/films/"),
        ("/films/?decade=1930&sort=-year", "/films/?decade=1930"),
        ("/timeline/?decade=1930&page=1", "/timeline/?decade=1930"),
        ("/themes/?sort=films", "/themes/"),
        ("/search/?q=miners&utm_source=mail", "/search/?q=miners"),
    ],
)
def test_index_pages_canonicalise_sort_orders_away_and_keep_their_page_and_narrowing(client, site, address, canonical):
    make_films(60)
    assert head(client, address).link("canonical") == f"{ORIGIN}{canonical}"


def test_the_second_page_of_an_index_says_so_in_its_title(client, site):
    make_films(60)
    assert head(client, "/films/?page=2").title == "Films, page 2 — Kinozavod"


def test_a_film_with_a_poster_previews_with_its_plain_rendition(client, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(site, alt_text="A miner raises his lamp over the pithead")
    rendition = poster.share_rendition()

    tags = head(client, "/films/the-miners-1937/")

    assert tags.meta["og:image"] == f"{ORIGIN}{rendition.url}"
    assert rendition.url.endswith(".jpg")
    assert (tags.meta["og:image:width"], tags.meta["og:image:height"]) == ("480", "720")
    assert tags.meta["og:image:type"] == "image/jpeg"
    assert tags.meta["og:image:alt"] == "A miner raises his lamp over the pithead"
    assert tags.meta["twitter:card"] == "summary_large_image"
    assert client.get(rendition.url).status_code == 200


def test_a_person_with_a_portrait_previews_with_it(client, site, django_capture_on_commit_callbacks):
    person = site.credits.get().person
    with django_capture_on_commit_callbacks(execute=True):
        portrait = make_portrait(person)

    assert head(client, person.get_absolute_url()).meta["og:image"] == f"{ORIGIN}{portrait.share_rendition().url}"


def test_a_theme_advertises_its_own_feed_besides_the_sites(client, site):
    tags = head(client, "/themes/coal-mining/")
    feeds = {link["title"]: link["href"] for link in tags.links if link.get("type") == "application/atom+xml"}
    assert feeds == {
        "New films — Kinozavod": "/feeds/films/",
        "New curated lists — Kinozavod": "/feeds/lists/",
        "Coal mining — Themes — Kinozavod": "/feeds/themes/coal-mining/",
    }
