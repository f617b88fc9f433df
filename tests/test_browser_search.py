"""A reader searches from the home page in a real Chromium and lands on the film."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.helpers import load_seed


@pytest.mark.browser
def test_a_reader_searches_for_shakhtery_from_the_home_page_and_lands_on_the_miners(
    live_server, page, transactional_db, complaints
):
    load_seed()  # committed as it loads: the index is filled as `make run` fills it
    page.goto(f"{live_server.url}/")

    box = page.get_by_role("search").get_by_label("Search films, people, lists and themes")
    box.fill("Шахтеры")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=%D0%A8%D0%B0%D1%85%D1%82%D0%B5%D1%80%D1%8B$"))
    films = page.get_by_role("region", name="Films (1)")
    expect(films.locator("mark")).to_have_text("Шахтёры")
    films.get_by_role("link", name="The Miners").click()

    expect(page).to_have_url(f"{live_server.url}/films/the-miners-1937/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The Miners")
    assert complaints == []


@pytest.mark.browser
def test_a_trivia_result_opens_the_film_page_at_that_fact(live_server, page, transactional_db, complaints):
    load_seed()
    page.goto(f"{live_server.url}/search/?q=extras")

    page.get_by_role("region", name=re.compile(r"^Trivia")).get_by_role("link").first.click()

    expect(page).to_have_url(re.compile(r"/films/the-miners-1937/#trivia-\d+$"))
    fact = page.locator("li:target")
    expect(fact).to_contain_text("extras")
    expect(fact).to_be_in_viewport()
    assert complaints == []
