"""
schema.org JSON-LD on curation's pages: a curated list is an ItemList of
Movies (its published entries only), the home page says the site is a
WebSite with a search; lists and themes preview with their covers.
"""

import json

import pytest
from taggit.models import Tag

from catalogue.tests.factories import make_poster
from catalogue.tests.test_structured_data import ORIGIN, json_ld
from core.tests.helpers import Head, image_upload
from curation.models import ListCover, Theme, ThemeCover

from .factories import PUBLISHED, add_entry, make_film, make_list

pytestmark = pytest.mark.django_db


def test_a_curated_list_is_an_item_list_of_its_published_films_in_order(client, django_capture_on_commit_callbacks):
    curated_list = make_list("Dams", slug="dams", intro="Water and concrete.")
    height = make_film("The Height", 1957, slug="the-height-1957", original_title="Высота")
    add_entry(curated_list, height)
    add_entry(curated_list, make_film("Secret Dam", 1958, published_at=None))
    add_entry(curated_list, make_film("Bratsk", 1967, slug="bratsk-1967"))
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(height)

    data = json_ld(client, "/lists/dams/")

    assert data == {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "Dams",
        "url": f"{ORIGIN}/lists/dams/",
        "description": "Water and concrete.",
        "numberOfItems": 2,
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": 1,
                "item": {
                    "@type": "Movie",
                    "name": "The Height",
                    "url": f"{ORIGIN}/films/the-height-1957/",
                    "datePublished": "1957",
                    "alternateName": "Высота",
                    "image": f"{ORIGIN}{poster.share_rendition().url}",
                },
            },
            {
                "@type": "ListItem",
                "position": 3,  # its number on the page: the draft's place stays empty
                "item": {
                    "@type": "Movie",
                    "name": "Bratsk",
                    "url": f"{ORIGIN}/films/bratsk-1967/",
                    "datePublished": "1967",
                },
            },
        ],
    }


def test_the_home_page_says_the_site_can_be_searched(client):
    data = json_ld(client, "/")

    assert data["@type"] == "WebSite"
    assert data["name"] == "Kinozavod"
    assert data["url"] == f"{ORIGIN}/"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == {"@type": "EntryPoint", "urlTemplate": f"{ORIGIN}/search/?q={{search_term_string}}"}
    assert action["query-input"] == "required name=search_term_string"


def test_a_list_title_that_closes_the_script_stays_inside_it(client):
    script = "</script><script>alert(1)</script>"
    make_list(f"Dams {script}", slug="dams", intro=script)

    response = client.get("/lists/dams/")

    assert json.loads(Head(response.text).json_ld[0])["name"] == f"Dams {script}"
    assert "<script>alert(1)" not in response.text


def test_a_list_and_a_theme_preview_with_their_covers(client, django_capture_on_commit_callbacks):
    curated_list = make_list("Dams", slug="dams")
    curated_list.tags.add("dams")
    theme = Theme.objects.create(tag=Tag.objects.get(name="dams"), intro="Concrete.", published_at=PUBLISHED)
    picture = {"alt_text": "Workers on the dam wall at dusk", "source": "Wikimedia Commons, public domain"}
    with django_capture_on_commit_callbacks(execute=True):
        list_cover = ListCover.objects.create(
            curated_list=curated_list, image=image_upload("dam.jpg", (1280, 720)), **picture
        )
        theme_cover = ThemeCover.objects.create(theme=theme, image=image_upload("dam.jpg", (1280, 720)), **picture)

    for url, cover in [("/lists/dams/", list_cover), ("/themes/dams/", theme_cover)]:
        tags = Head(client.get(url).text)
        assert tags.meta["og:image"] == f"{ORIGIN}{cover.share_rendition().url}"
        assert (tags.meta["og:image:width"], tags.meta["og:image:height"]) == ("1280", "720")
        assert tags.meta["twitter:card"] == "summary_large_image"
