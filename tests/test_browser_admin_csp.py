"""The admin's own scripts and django-admin-sortable2's keep working under the Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from core.tests.helpers import admin_url, make_staff_accounts, sign_in
from curation.models import CuratedList
from curation.tests.factories import make_film, make_list_of_dams


@pytest.fixture
def dams(transactional_db):
    make_film("Turksib", 1929)
    return make_list_of_dams()


@pytest.mark.browser
def test_an_editor_drags_entries_and_picks_a_film_by_autocomplete_without_a_single_browser_error(
    live_server, page, complaints, dams
):
    make_staff_accounts()
    sign_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}{admin_url(CuratedList, 'change', dams.pk)}")

    handles = page.locator("#entries-group td.original p")
    expect(handles).to_have_count(3)
    handles.nth(2).drag_to(handles.nth(0), target_position={"x": 5, "y": 2})
    expect(handles.nth(0)).to_contain_text("Bratsk")

    new_row = page.locator("#entries-group tr.form-row:not(.has_original):not(.empty-form)").first
    new_row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Turk")
    page.locator(".select2-results__option", has_text="Turksib").click()
    new_row.locator("textarea").fill("The railway that joined two republics.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    titles = list(dams.entries.order_by("position").values_list("film__title", flat=True))
    assert titles == ["Bratsk", "The Height", "Dneprostroi", "Turksib"]
    assert complaints == []
