"""The film form fits the screen: its groups as tabs, Save at the top and bottom, no sideways scrolling."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from core.tests.helpers import make_staff_accounts, sign_in

from .factories import make_film_with_every_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABS = [
    "Identity & production",
    "Poster & stills",
    "Texts",
    "Cast & crew",
    "Quotes, scenes, trivia, awards",
    "Connections",
    "Themes & topics",
]


@pytest.mark.parametrize("width", [1280, 1024])
def test_every_tab_of_the_film_form_fits_the_screen_without_sideways_scrolling(live_server, page, complaints, width):
    make_staff_accounts()
    film = make_film_with_every_section()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "chief")
    page.goto(f"{live_server.url}/admin/catalogue/film/{film.pk}/change/")

    expect(page.get_by_role("tab")).to_have_text(TABS)
    expect(page.locator("input[name='_save']")).to_have_count(2)  # at the top and at the bottom
    for name in TABS:
        page.get_by_role("tab", name=name).click()
        expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")
        screenshot = Image.open(io.BytesIO(page.screenshot(full_page=True)))
        assert screenshot.width == width, f"{name}: the page is wider than the window"
    assert complaints == []


def test_a_tab_with_an_error_is_marked_and_opened(live_server, page):
    make_staff_accounts()
    film = make_film_with_every_section()
    sign_in(page, live_server.url, "chief")
    page.goto(f"{live_server.url}/admin/catalogue/film/{film.pk}/change/")
    page.get_by_role("tab", name="Quotes, scenes, trivia, awards").click()
    page.locator("select[name='trivia-0-verification']").select_option("verified")
    page.locator("input[name='trivia-0-source']").fill("")
    page.locator("input[name='_continue']").first.click()

    tab = page.get_by_role("tab", name="Quotes, scenes, trivia, awards (needs attention)")
    expect(tab).to_have_attribute("aria-selected", "true")
    expect(page.locator("#trivia-group")).to_contain_text("A verified claim needs a source.")
