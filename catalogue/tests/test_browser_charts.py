"""Readers look at the pictures of the catalogue in a real Chromium: on a phone, by keyboard, through axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .factories import make_film, make_influence

# A title no line break can fall into: the drawing must cut it, never widen the page.
UNBROKEN = "Шахтёрыдонбассаивеликийпереломвугольнойпромышленностиссср"  # 57 letters
UNBROKEN_TITLE = f"{UNBROKEN}!!!"  # 60 characters


@pytest.fixture
def catalogue(transactional_db):
    miners = make_film("The Miners", 1937, slug="the-miners-1937")
    miners.tags.add("coal mining")
    strike = make_film("Strike", 1925)
    unbroken = make_film(UNBROKEN_TITLE, 1932, slug="unbroken-1932")
    unbroken.tags.add("coal mining")
    make_influence(strike, miners, note="Montage of the crowd and the factory whistle as a call to arms")
    make_influence(unbroken, miners, note=UNBROKEN_TITLE)
    make_influence(miners, make_film("The Great Citizen", 1938), note="Similar themes of hunting internal enemies")
    return miners


def page_width(page):
    return page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


# The film page too: its map and the connection lists beside it.
PICTURES = ["/timeline/", "/timeline/?decade=1930&theme=coal-mining", "/influences/", "/films/the-miners-1937/"]


@pytest.mark.browser
def test_at_360_pixels_the_pictures_fit_the_screen_whatever_the_titles(live_server, page, catalogue, complaints):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in PICTURES:
        page.goto(f"{live_server.url}{path}")
        scroll_width, client_width = page_width(page)
        assert scroll_width <= client_width, path
        drawing = page.locator("svg.chart").first.bounding_box()
        assert drawing["x"] >= 0 and drawing["x"] + drawing["width"] <= 360, path
    assert complaints == []


@pytest.mark.browser
def test_a_keyboard_reader_tabs_to_a_film_in_the_drawing_and_follows_it(live_server, page, catalogue):
    page.goto(f"{live_server.url}/timeline/")
    film = page.locator("svg.chart a.chart__film", has_text="The Miners")

    for _ in range(60):
        page.keyboard.press("Tab")
        if film.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the film's link in the drawing")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("The Miners")


@pytest.mark.browser
def test_a_reader_narrows_the_timeline_to_a_theme_without_script(live_server, page, catalogue):
    page.goto(f"{live_server.url}/timeline/")
    page.get_by_role("navigation", name="Decades").get_by_role("link", name="1930s").click()
    page.get_by_label("Theme", exact=True).select_option(label="coal mining (2)")
    page.get_by_role("button", name="Show").click()

    expect(page).to_have_url(f"{live_server.url}/timeline/?decade=1930&theme=coal-mining")
    drawing = page.get_by_role("group", name="Timeline of the catalogue")
    expect(drawing.get_by_role("link")).to_have_count(2)  # the decade's label is no link once narrowed to it
    expect(drawing.get_by_role("link", name="The Miners (1937)")).to_be_visible()


@pytest.mark.browser
def test_the_pictures_have_no_accessibility_violations(live_server, page, catalogue):
    axe = Axe()
    violations = {}
    for path in PICTURES:
        page.goto(f"{live_server.url}{path}")
        found = axe.run(page).response["violations"]
        if found:
            violations[path] = [f"{rule['id']} ({rule['impact']}): {rule['help']}" for rule in found]

    assert violations == {}


@pytest.mark.browser
def test_a_reader_follows_an_influence_from_the_whole_map_to_a_film_and_its_own_map(live_server, page, catalogue):
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Influences").click()
    whole_map = page.get_by_role("group", name="Influence map of the catalogue")
    whole_map.get_by_role("link", name="Strike (1925)").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Strike")
    around = page.get_by_role("group", name="Influence map of Strike")
    expect(around).to_contain_text("Montage of the crowd")
    around.get_by_role("link", name="The Miners (1937)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Miners")
