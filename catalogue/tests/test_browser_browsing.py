"""A reader narrows the film index with its form and reads a film page as its contents follow, in Chromium."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .factories import make_film, make_studio

# Long enough that each section fills more than a window.
LONG_TEXT = "\n\n".join(["Coal, steel and the people who mined and smelted them. " * 12] * 8)


@pytest.fixture
def catalogue(transactional_db):
    lenfilm, mosfilm = make_studio("Lenfilm Studio", slug="lenfilm"), make_studio("Mosfilm", slug="mosfilm")
    make_film("Turksib", 1929).studios.add(make_studio("Vostokkino", slug="vostokkino"))
    make_film("Counterplan", 1932).studios.add(lenfilm)
    make_film("The Miners", 1937).studios.add(lenfilm)
    make_film("Tractor Drivers", 1939).studios.add(mosfilm)
    make_film("The Height", 1957).studios.add(mosfilm)


def film_titles(page):
    return page.locator(".film-table tbody th a").all_inner_texts()


@pytest.mark.browser
@pytest.mark.browser_context_args(java_script_enabled=False)
def test_a_reader_narrows_the_film_index_to_the_1930s_and_one_studio_with_the_form(
    live_server, page, catalogue, complaints
):
    page.goto(f"{live_server.url}/films/?sort=-year")
    filters = page.get_by_role("form", name="Narrow the films")

    filters.get_by_label("Decade").select_option(label="1930s (3)")
    filters.get_by_label("Studio").select_option(label="Lenfilm Studio (2)")
    filters.get_by_role("button", name="Show films").click()

    expect(page).to_have_url(f"{live_server.url}/films/?decade=1930&studio=lenfilm&sort=-year")
    expect(page.locator(".lead")).to_have_text("2 films match: 1930s, Lenfilm Studio.")
    assert film_titles(page) == ["The Miners", "Counterplan"]  # still newest first
    # The counts now say what each other choice would leave.
    expect(filters.get_by_label("Studio").locator("option:checked")).to_have_text("Lenfilm Studio (2)")
    expect(filters.get_by_label("Studio").locator("option", has_text="Mosfilm")).to_have_text("Mosfilm (1)")

    page.get_by_role("link", name="Remove 1930s").click()
    expect(page).to_have_url(f"{live_server.url}/films/?studio=lenfilm&sort=-year")
    assert film_titles(page) == ["The Miners", "Counterplan"]

    filters = page.get_by_role("form", name="Narrow the films")
    filters.get_by_label("Studio").select_option(label="Any studio")
    filters.get_by_label("From").fill("1950")
    filters.get_by_role("button", name="Show films").click()
    expect(page).to_have_url(f"{live_server.url}/films/?year_from=1950&sort=-year")
    assert film_titles(page) == ["The Height"]
    assert complaints == []


@pytest.mark.browser
def test_a_reader_goes_from_a_film_page_to_the_films_of_its_decade_and_studio(live_server, page, catalogue):
    page.goto(f"{live_server.url}/films/the-miners-1937/")

    page.get_by_role("link", name="Films of the 1930s").click()
    assert film_titles(page) == ["Counterplan", "The Miners", "Tractor Drivers"]

    page.go_back()
    page.get_by_role("link", name="Films by Lenfilm Studio").click()
    expect(page).to_have_url(f"{live_server.url}/films/?studio=lenfilm")
    assert film_titles(page) == ["Counterplan", "The Miners"]


@pytest.fixture
def long_film(transactional_db):
    return make_film(
        "The Miners",
        1937,
        plot=LONG_TEXT,
        historical_background=LONG_TEXT,
        why_it_matters=LONG_TEXT,
        music="Score by Dmitri Kabalevsky.",
    )


def current_entries(page):
    return page.get_by_role("navigation", name="On this page").locator("a[aria-current]").all_inner_texts()


@pytest.mark.browser
def test_the_table_of_contents_marks_the_section_being_read(live_server, page, long_film, complaints):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}{long_film.get_absolute_url()}")
    expect(page.get_by_role("heading", name="Key themes")).to_have_count(0)  # this film has none
    assert current_entries(page) == []  # the header: no section is being read yet

    page.locator("#historical-background").evaluate("section => section.scrollIntoView()")
    page.mouse.wheel(0, 200)
    expect(page.get_by_role("link", name="Historical Background")).to_have_attribute("aria-current", "location")
    assert current_entries(page) == ["Historical Background"]

    page.locator("#plot").evaluate("section => section.scrollIntoView()")
    page.mouse.wheel(0, 200)
    expect(page.get_by_role("link", name="Plot")).to_have_attribute("aria-current", "location")
    assert current_entries(page) == ["Plot"]

    # The last section is too short to reach the reading line: at the foot of the page it is the one read.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    expect(page.get_by_role("link", name="Music")).to_have_attribute("aria-current", "location")
    assert current_entries(page) == ["Music"]

    page.evaluate("window.scrollTo(0, 0)")
    expect(page.locator(".toc a[aria-current]")).to_have_count(0)
    assert complaints == []


@pytest.mark.browser
@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_script_the_table_of_contents_still_leads_to_each_section(live_server, page, long_film):
    page.goto(f"{live_server.url}{long_film.get_absolute_url()}")

    page.get_by_role("navigation", name="On this page").get_by_role("link", name="Why This Film Matters").click()

    expect(page).to_have_url(re.compile(r"#why-it-matters$"))
    expect(page.get_by_role("region", name="Why This Film Matters")).to_be_in_viewport()
    expect(page.locator(".toc a[aria-current]")).to_have_count(0)


@pytest.mark.browser
def test_the_narrowed_index_and_its_empty_state_have_no_accessibility_violations(live_server, page, catalogue):
    axe = Axe()
    violations = {}
    for path in ["/films/?decade=1930&studio=lenfilm", "/films/?decade=1950&studio=lenfilm", "/films/?decade=abc"]:
        page.goto(f"{live_server.url}{path}")
        found = axe.run(page).response["violations"]
        if found:
            violations[path] = [f"{rule['id']} ({rule['impact']}): {rule['help']}" for rule in found]

    assert violations == {}
