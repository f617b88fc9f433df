"""A reader finds their way through the catalogue in a real browser, without JavaScript of ours."""

import re

import pytest
from playwright.sync_api import expect

from catalogue.models import Role

from .factories import make_credit, make_film, make_influence, make_person


@pytest.fixture
def catalogue(transactional_db):
    miners = make_film("The Miners", 1937, original_title="Шахтёры", plot="Semyon Primak arrives in a Donbas town.")
    chapaev = make_film("Chapaev", 1934)
    make_influence(chapaev, miners, note="Character archetypes of the heroic worker")
    make_credit(miners, make_person("Sergei Yutkevich"), Role.DIRECTOR)
    make_film("Turksib", 1929)
    return miners


@pytest.mark.browser
def test_reader_goes_from_the_index_through_a_film_to_a_connected_film_and_a_person(live_server, page, catalogue):
    page.goto(f"{live_server.url}/films/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Films")

    page.get_by_role("link", name="The Miners").click()
    expect(page).to_have_title("The Miners (1937) — Kinozavod")
    expect(page.get_by_role("heading", level=1)).to_have_text("The Miners")

    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="Film Connections").click()
    expect(page).to_have_url(re.compile(r"/films/the-miners-1937/#film-connections$"))
    connections = page.get_by_role("region", name="Film Connections")
    expect(connections).to_be_in_viewport()

    connections.get_by_role("link", name="Chapaev", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chapaev")
    # The same connection, read from the other end.
    influenced = page.get_by_role("region", name="Film Connections")
    expect(influenced).to_contain_text("This film influenced")
    expect(influenced).to_contain_text("Character archetypes of the heroic worker")

    influenced.get_by_role("link", name="The Miners", exact=True).click()
    page.get_by_role("region", name="Cast & Crew").get_by_role("link", name="Sergei Yutkevich").click()
    expect(page).to_have_title("Sergei Yutkevich — Kinozavod")
    expect(page.get_by_role("heading", level=3, name="Director")).to_be_visible()
    expect(page.get_by_role("link", name="The Miners")).to_have_attribute("href", "/films/the-miners-1937/")
