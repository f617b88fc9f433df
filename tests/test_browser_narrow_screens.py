"""
On a 360 px phone no public page is wider than the screen, whatever an editor
types: a 60-character word with no place to break it in every field a page
shows (titles, names, intros, notes, table cells), in Chromium.
"""

import pytest
from django.urls import Resolver404, resolve
from django.utils.http import urlencode
from playwright.sync_api import expect

from catalogue.models import (
    AlternativeTitle,
    Award,
    ExternalLink,
    FilmingLocation,
    KeyTheme,
    Role,
    Scene,
)
from catalogue.tests.factories import (
    make_credit,
    make_film,
    make_influence,
    make_person,
    make_quote,
    make_recommendation,
    make_studio,
    make_trivia,
)
from curation.models import Theme
from curation.tests.factories import PUBLISHED, add_entry, make_list

PHONE = {"width": 360, "height": 740}


def unbroken(start):
    """A 60-character word with no place to break it, beginning with `start`."""
    word = (start + "шахтёрыдонбассаугольсталь" * 3).replace(" ", "")
    return word[:60]


TITLE = unbroken("Donbasscoalfaceheroes")  # the film
assert len(TITLE) == 60 and " " not in TITLE


@pytest.fixture
def long_words(transactional_db):
    """A film, its people, studio, list and theme with an unbroken 60-character word in every field readers see."""
    studio = make_studio(unbroken("Studio"), slug="long-studio", city=unbroken("City"), description=unbroken("About"))
    film = make_film(
        TITLE,
        1937,
        slug="long-film-1937",
        original_title=unbroken("Оригинал"),
        country=unbroken("Country"),
        runtime_minutes=89,
        tagline=unbroken("Лозунг"),
        tagline_translation=unbroken("Slogan"),
        box_office=unbroken("Boxoffice"),
        plot=f"The plot: {unbroken('Plot')} and on.",
        production_notes=unbroken("Production"),
        historical_background=unbroken("History"),
        why_it_matters=unbroken("Matters"),
        critics=unbroken("Critics"),
        restoration=unbroken("Restoration"),
    )
    film.studios.add(studio)
    KeyTheme.objects.create(film=film, text=unbroken("Keytheme"), position=1)
    FilmingLocation.objects.create(film=film, name=unbroken("Location"), position=1)
    AlternativeTitle.objects.create(film=film, title=unbroken("Alternative"), note=unbroken("Note"))
    ExternalLink.objects.create(film=film, site=unbroken("Site"), url=f"https://example.org/{unbroken('path')}")
    person = make_person(
        unbroken("Person"), slug="long-person", original_name=unbroken("Имя"), biography=unbroken("Bio")
    )
    make_credit(film, person, Role.DIRECTOR)
    make_credit(film, person, Role.ACTOR, character_name=unbroken("Character"))
    make_trivia(film, unbroken("Trivia"), source=unbroken("Source"), editor_note=unbroken("Editor"))
    make_quote(film, unbroken("Quote"))
    Scene.objects.create(film=film, description=unbroken("Scene"), position=1)
    Award.objects.create(
        film=film, name=unbroken("Award"), category=unbroken("Category"), note=unbroken("Awardnote"), position=1
    )
    other = make_film(unbroken("Otherfilm"), 1934, slug="other-film-1934")
    make_influence(other, film, note=unbroken("Influence"))
    make_recommendation(film, other, note=unbroken("Recommendation"))
    theme_name = unbroken("Theme")
    film.tags.add(theme_name)
    other.tags.add(theme_name)
    tag = film.tags.get()
    Theme.objects.create(tag=tag, intro=unbroken("Themeintro"), published_at=PUBLISHED)
    curated = make_list(unbroken("List"), slug="long-list", intro=unbroken("Listintro"))
    curated.tags.add(theme_name)
    add_entry(curated, film, blurb=unbroken("Blurb"))
    add_entry(curated, other, blurb=unbroken("Blurb2"))
    return {"film": film, "person": person, "studio": studio, "list": curated, "tag": tag}


def public_pages(content):
    pages = [
        "/",
        "/films/",
        f"/films/?studio={content['studio'].slug}&theme={content['tag'].slug}",
        content["film"].get_absolute_url(),
        "/people/",
        content["person"].get_absolute_url(),
        "/studios/",
        content["studio"].get_absolute_url(),
        "/lists/",
        content["list"].get_absolute_url(),
        "/themes/",
        content["tag"].get_absolute_url(),
        "/timeline/",
        "/influences/",
    ]
    # The search page, once it exists.
    try:
        resolve("/search/")
    except Resolver404:
        pass
    else:
        pages.append(f"/search/?{urlencode({'q': TITLE})}")
    return pages


@pytest.mark.browser
def test_no_public_page_is_wider_than_a_360_pixel_phone_whatever_the_words(live_server, page, long_words):
    page.set_viewport_size(PHONE)
    too_wide = {}
    for path in public_pages(long_words):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}


@pytest.mark.browser
def test_the_long_words_are_on_the_pages_in_full(live_server, page, long_words):
    """The test above means something only if the words are there, unbroken in the text, and not cut off."""
    page.set_viewport_size(PHONE)
    expected = {
        "/": TITLE,
        "/films/": TITLE,
        long_words["film"].get_absolute_url(): TITLE,
        long_words["person"].get_absolute_url(): TITLE,
        long_words["studio"].get_absolute_url(): TITLE,
        "/lists/": unbroken("List"),
        long_words["list"].get_absolute_url(): TITLE,
        "/themes/": unbroken("Theme"),
        long_words["tag"].get_absolute_url(): TITLE,
    }
    if public_pages(long_words)[-1].startswith("/search/"):
        expected[public_pages(long_words)[-1]] = TITLE
    for path, word in expected.items():
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("main").get_by_text(word, exact=True).first).to_be_visible()
