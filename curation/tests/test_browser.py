"""Editors and readers in a real Chromium: drag entries into order, and follow the links readers follow."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.helpers import load_seed, make_staff_accounts, sign_in
from curation.models import CuratedList

from .conftest import SEED_LIST_SLUG
from .factories import make_list_of_dams


@pytest.fixture
def signed_in_editor(live_server, page, transactional_db):
    make_staff_accounts()
    sign_in(page, live_server.url, "editor")
    return page


@pytest.fixture
def three_dams(transactional_db):
    return make_list_of_dams()


def public_order(page):
    return [re.sub(r"\s+", " ", text).strip() for text in page.locator(".list-entry__title").all_inner_texts()]


@pytest.mark.browser
def test_an_editor_drags_an_entry_to_a_new_place_and_readers_see_the_new_order(
    live_server, signed_in_editor, three_dams
):
    page = signed_in_editor
    page.goto(f"{live_server.url}/admin/curation/curatedlist/{three_dams.pk}/change/")

    handles = page.locator("#entries-group td.original p")
    expect(handles).to_have_count(3)
    # Drag "Bratsk" (third) above "The Height" (first), by the row's handle.
    handles.nth(2).drag_to(handles.nth(0), target_position={"x": 5, "y": 2})
    expect(handles.nth(0)).to_contain_text("Bratsk")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(f"{live_server.url}{three_dams.get_absolute_url()}")
    assert public_order(page) == ["Bratsk (1967)", "The Height (1957)", "Dneprostroi (1932)"]
    assert list(three_dams.entries.values_list("position", flat=True)) == [1, 2, 3]


@pytest.mark.browser
def test_a_reader_goes_from_home_to_the_seed_list_a_film_a_theme_and_back(live_server, page, transactional_db):
    load_seed()
    seed_list = CuratedList.objects.get(slug=SEED_LIST_SLUG)

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=seed_list.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(seed_list.title)
    expect(page.locator(".list-entry")).to_have_count(10)
    assert public_order(page)[0] == "Strike (1925)"
    assert public_order(page)[-1] == "The Ascent (1977)"

    page.get_by_role("link", name="The Iron Stream").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Iron Stream")
    lists_section = page.get_by_role("region", name="In Curated Lists")
    expect(lists_section).to_contain_text("no. 4 on the list")

    # Back to the list by the film page's link, and on through the list's themes.
    lists_section.get_by_role("link", name=seed_list.title).click()
    expect(page).to_have_url(re.compile(r"/lists/soviet-factory-films/#film-the-iron-stream-1967$"))
    page.locator(".curated-list__footer").get_by_role("link", name="industrialization").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Industrialization")
    expect(page.get_by_role("region", name="Curated lists")).to_contain_text(seed_list.title)

    page.get_by_role("region", name="Films").get_by_role("link", name="The Miners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Miners")
    page.get_by_role("region", name="Themes & Topics").get_by_role("link", name="coal mining").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Coal mining")
    expect(page.locator(".theme__intro")).to_contain_text("Coal fed the furnaces")

    # …and back to the film.
    page.get_by_role("link", name="The Miners").click()
    expect(page).to_have_url(re.compile(r"/films/the-miners-1937/$"))
