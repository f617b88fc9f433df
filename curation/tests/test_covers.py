"""Covers lead list and theme pages and mark lists in their cards; list entries show their films' posters."""

import re

import pytest
from taggit.models import Tag

from catalogue.tests.factories import make_poster
from core.tests.helpers import image_upload, stored_files
from curation.models import ListCover, Theme, ThemeCover
from curation.tags import merge_tags

from .factories import PUBLISHED, add_entry, make_film, make_list

pytestmark = pytest.mark.django_db

PICTURE = {"alt_text": "Workers on the dam wall at dusk", "source": "Wikimedia Commons, public domain"}


@pytest.fixture
def dams(django_capture_on_commit_callbacks):
    curated_list = make_list("Dams", slug="dams")
    curated_list.tags.add("dams")
    with django_capture_on_commit_callbacks(execute=True):
        ListCover.objects.create(curated_list=curated_list, image=image_upload("dam.jpg", (1280, 720)), **PICTURE)
        add_entry(curated_list, make_film("The Height", 1957))
        make_poster(add_entry(curated_list, make_film("Bratsk", 1967)).film)
    return curated_list


def pictures_in(html):
    return re.findall(r"<picture\b.*?</picture>", html, flags=re.S)


def test_a_lists_page_leads_with_its_cover_and_shows_each_films_poster_or_a_placeholder(client, dams):
    html = client.get(dams.get_absolute_url()).text
    cover, poster = pictures_in(html)

    assert 'alt="Workers on the dam wall at dusk"' in cover
    assert 'fetchpriority="high"' in cover
    assert "1280w" in cover
    assert 'alt=""' in poster  # the film's title is beside it
    assert html.count("poster--none") == 1  # The Height has no poster


def test_lists_show_their_covers_in_the_lists_index_and_on_the_home_page(client, dams):
    for url in ["/lists/", "/"]:
        html = client.get(url).text
        assert any("cover--thumb" in picture for picture in pictures_in(html)), url


def test_the_home_pages_film_cards_show_posters(client, dams):
    html = client.get("/").text
    cards = re.search(r'<ul class="film-cards">.*?</ul>', html, flags=re.S).group(0)
    assert len(pictures_in(cards)) == 1
    assert cards.count("poster--none") == 1


def test_a_theme_page_leads_with_its_cover(client, dams, django_capture_on_commit_callbacks):
    theme = Theme.objects.create(tag=Tag.objects.get(name="dams"), intro="Concrete and hope.", published_at=PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        ThemeCover.objects.create(theme=theme, image=image_upload("dam.jpg", (1280, 720)), **PICTURE)

    html = client.get(theme.get_absolute_url()).text

    assert 'class="page-cover"' in html
    assert len(pictures_in(html)) == 2  # the cover, and the list's cover in its card


def test_merging_tags_carries_a_cover_over_to_a_tag_without_one(django_capture_on_commit_callbacks):
    make_film("The Height", 1957).tags.add("dams", "hydroelectric dams")
    kept, merged = Tag.objects.get(name="dams"), Tag.objects.get(name="hydroelectric dams")
    with django_capture_on_commit_callbacks(execute=True):
        cover = ThemeCover.objects.create(
            theme=Theme.objects.create(tag=merged), image=image_upload("dam.jpg", (640, 360)), **PICTURE
        )

    with django_capture_on_commit_callbacks(execute=True):
        merge_tags([kept, merged], into=kept)

    assert ThemeCover.objects.get().theme.tag == kept
    assert cover.image.name in stored_files()
