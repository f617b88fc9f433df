"""
Drafts and scheduled items across the whole public site: readers never meet
them, they go live at their time without anyone saving, and staff preview them.
"""

import datetime
import time

import pytest
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from catalogue.models import Film, Role
from catalogue.tests.factories import (
    PUBLISHED,
    make_credit,
    make_film,
    make_influence,
    make_person,
    make_recommendation,
    make_studio,
)
from core.tests.helpers import visible_text
from curation.models import CuratedList, FeaturedFilm, HomePage, Theme
from curation.models.home import HOME_PAGE_ID
from curation.tests.factories import add_entry, make_list

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/films/", "/lists/", "/themes/", "/themes/coal-mining/", "/people/", "/studios/"]


def soon():
    return timezone.now() + datetime.timedelta(seconds=1.5)


def wait_until(moment):
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.05)


@pytest.fixture
def catalogue():
    """A published film and list, and a studio, a person and a theme that a hidden film would also appear under."""
    miners = make_film("The Miners", 1937)
    miners.tags.add("coal mining")
    make_list("Coal on screen", slug="coal").tags.add("coal mining")
    return miners


def hide_everywhere(film, miners):
    """Put `film` everywhere a reader could meet it."""
    film.tags.add("coal mining")
    film.studios.add(make_studio("Lenfilm Studio", slug="lenfilm"))
    make_credit(film, make_person("Sergei Yutkevich", slug="yutkevich"), Role.DIRECTOR)
    make_influence(film, miners, note="Montage")
    make_recommendation(miners, film)
    add_entry(CuratedList.objects.get(slug="coal"), film, blurb="Hidden blurb.")
    FeaturedFilm.objects.create(home_page=HomePage.objects.get_or_create(pk=HOME_PAGE_ID)[0], film=film, position=1)


def pages_text(client, film):
    pages = [*PUBLIC_PAGES, "/films/the-miners-1937/", "/lists/coal/", "/people/yutkevich/", "/studios/lenfilm/"]
    return {page: visible_text(client.get(page)) for page in pages}


@pytest.mark.parametrize("published_at", [None, "future"], ids=["draft", "scheduled"])
def test_readers_never_meet_a_draft_or_scheduled_film(client, catalogue, published_at):
    when = None if published_at is None else timezone.now() + datetime.timedelta(days=3)
    film = make_film("Secret Seam", 1938, published_at=when)
    hide_everywhere(film, catalogue)

    assert client.get(film.get_absolute_url()).status_code == 404
    for page, text in pages_text(client, film).items():
        assert "Secret Seam" not in text, page
    assert "0 films" in visible_text(client.get("/studios/"))
    assert "1 film " in visible_text(client.get("/themes/coal-mining/"))


def test_a_scheduled_film_goes_live_at_its_time_without_anyone_saving(client, catalogue, page_cache):
    film = make_film("Secret Seam", 1938, published_at=timezone.now() + datetime.timedelta(days=1))
    hide_everywhere(film, catalogue)
    # Scheduled only now that it is everywhere: the window is for reading the pages, however slow the setup.
    film.published_at = timezone.now() + datetime.timedelta(seconds=3)
    film.save()
    before = pages_text(client, film)  # now cached
    assert timezone.now() < film.published_at, "the pages took longer to read than the test waits"
    assert not any("Secret Seam" in text for text in before.values())

    wait_until(film.published_at)

    assert client.get(film.get_absolute_url()).status_code == 200
    after = pages_text(client, film)
    for page in [
        "/",
        "/films/",
        "/themes/coal-mining/",
        "/films/the-miners-1937/",
        "/lists/coal/",
        "/people/yutkevich/",
    ]:
        assert "Secret Seam" in after[page], page


def test_a_scheduled_list_and_theme_intro_go_live_at_their_time(client, catalogue, page_cache):
    make_list("Dams", slug="dams", published_at=soon())
    Theme.objects.create(tag=Tag.objects.get(name="coal mining"), intro="Coal fed the plans.", published_at=soon())
    assert "Dams" not in visible_text(client.get("/lists/"))
    assert "Coal fed the plans." not in visible_text(client.get("/themes/coal-mining/"))

    wait_until(soon())

    assert "Dams" in visible_text(client.get("/lists/"))
    assert "Coal fed the plans." in visible_text(client.get("/themes/coal-mining/"))


def test_an_unpublished_film_disappears_from_cached_pages(
    client, catalogue, page_cache, django_capture_on_commit_callbacks
):
    assert "The Miners" in visible_text(client.get("/films/"))

    with django_capture_on_commit_callbacks(execute=True):
        catalogue.unpublish()
        catalogue.save()

    assert "The Miners" not in visible_text(client.get("/films/"))
    assert client.get(catalogue.get_absolute_url()).status_code == 404


# Preview


@pytest.mark.parametrize("kind", ["film", "list"])
def test_staff_preview_a_draft_at_its_address_with_a_banner(editor_client, kind):
    item = make_film("Secret Seam", 1938, published_at=None) if kind == "film" else make_list(published_at=None)

    response = editor_client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert "Draft: readers cannot see this page." in visible_text(response)
    assert '<meta name="robots" content="noindex">' in response.text
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_scheduled_preview_says_when_it_goes_live(editor_client):
    film = make_film("Secret Seam", 1938, published_at=timezone.now() + datetime.timedelta(days=3))

    text = visible_text(editor_client.get(film.get_absolute_url()))

    assert "Scheduled for" in text and "readers cannot see this page until then" in text


def test_a_published_page_has_no_banner_and_may_be_indexed(editor_client, catalogue):
    response = editor_client.get(catalogue.get_absolute_url())

    assert "readers cannot see" not in visible_text(response)
    assert "noindex" not in response.text


def test_a_draft_preview_is_never_stored_in_the_page_cache(client, editor, page_cache):
    film = make_film("Secret Seam", 1938, published_at=None)
    client.force_login(editor)
    client.get(film.get_absolute_url())
    client.logout()

    assert client.get(film.get_absolute_url()).status_code == 404


def test_a_draft_theme_intro_is_shown_to_staff_only(editor_client, catalogue):
    client = Client()
    Theme.objects.create(
        tag=Tag.objects.get(name="coal mining"), intro="Coal fed the plans.", share_description="Coal."
    )

    assert "Coal fed the plans." not in visible_text(client.get("/themes/coal-mining/"))
    preview = editor_client.get("/themes/coal-mining/")
    assert "Coal fed the plans." in visible_text(preview)
    assert "Draft: readers see this theme page without this introduction." in visible_text(preview)
    assert preview["X-Robots-Tag"] == "noindex"


def test_a_tag_with_only_a_draft_intro_has_no_public_page(client):
    make_film("Secret Seam", 1938, published_at=None).tags.add("seams")
    Theme.objects.create(tag=Tag.objects.get(name="seams"), intro="Draft words.")

    assert client.get("/themes/seams/").status_code == 404


def test_the_seed_films_lists_and_theme_are_published(seed):
    assert Film.objects.published().count() == Film.objects.count() > 0
    assert CuratedList.objects.published().count() == 1
    assert Theme.objects.published().count() == 1
    assert Film.objects.get(slug="the-miners-1937").published_at == PUBLISHED.replace(month=11, day=26, year=2026)
