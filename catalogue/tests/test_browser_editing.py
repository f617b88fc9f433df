"""Two editors on one film, and a film's history compared and restored, in a real Chromium."""

import pytest
from playwright.sync_api import expect

from catalogue.models import Film
from core.tests.helpers import make_staff_accounts, sign_in

from .factories import make_film, make_trivia

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def miners(transactional_db):
    make_staff_accounts()
    film = make_film("The Miners", 1937, slug="the-miners", runtime_minutes=89, tagline_translation="For coal!")
    make_trivia(film, "Real Donbas miners were used as extras")
    return film


def change_page(live_server, film):
    return f"{live_server.url}/admin/catalogue/film/{film.pk}/change/"


def test_the_second_of_two_editors_is_refused_and_keeps_their_input(live_server, browser, miners):
    first, second = browser.new_page(), browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(first, live_server.url, "chief")
    sign_in(second, live_server.url, "editor")
    first.goto(change_page(live_server, miners))
    second.goto(change_page(live_server, miners))

    first.locator("#id_tagline_translation").fill("In the fight for coal – the fight for socialism!")
    first.get_by_role("tab", name="Quotes, scenes, trivia, awards").click()
    first.locator("textarea[name='trivia-0-text']").fill("Real miners from the Donbas played the miners.")
    first.locator("input[name='_continue']").first.click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    second.locator("#id_runtime_minutes").fill("95")
    second.locator("input[name='_continue']").first.click()

    error = second.locator(".errorlist.nonfield").first
    expect(error).to_contain_text("was changed after you opened it")
    expect(error).to_contain_text("chief")
    expect(error).to_contain_text("Tagline translation")
    expect(second.locator("#id_runtime_minutes")).to_have_value("95")
    expect(second.locator("#id_tagline_translation")).to_have_value("In the fight for coal – the fight for socialism!")
    film = Film.objects.get(pk=miners.pk)
    assert (film.runtime_minutes, film.tagline_translation) == (89, "In the fight for coal – the fight for socialism!")
    assert film.trivia.get().text == "Real miners from the Donbas played the miners."

    second.locator("input[name='_continue']").first.click()  # after checking, save again
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")
    film.refresh_from_db()
    assert (film.runtime_minutes, film.tagline_translation) == (95, "In the fight for coal – the fight for socialism!")
    assert film.trivia.get().text == "Real miners from the Donbas played the miners."


def test_an_editor_compares_two_revisions_and_restores_the_older(live_server, page, complaints, miners):
    sign_in(page, live_server.url, "editor")
    for runtime, fact in [("90", "First wording of the fact."), ("91", "Second wording of the fact.")]:
        page.goto(change_page(live_server, miners))
        page.get_by_role("tab", name="Identity & production").click()
        page.locator("#id_runtime_minutes").fill(runtime)
        page.get_by_role("tab", name="Quotes, scenes, trivia, awards").click()
        page.locator("textarea[name='trivia-0-text']").fill(fact)
        page.locator("input[name='_continue']").first.click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.get_by_role("link", name="History", exact=True).click()
    page.get_by_role("button", name="compare").click()
    changes = page.locator("#content-main")
    expect(changes.locator("del").first).to_be_visible()
    expect(changes).to_contain_text("First wording of the fact.")
    expect(changes).to_contain_text("Second wording of the fact.")

    page.get_by_role("link", name="History", exact=True).click()
    page.locator("#change-history tbody tr").last.get_by_role("link").click()  # the oldest revision
    page.get_by_role("tab", name="Identity & production").click()
    expect(page.locator("#id_runtime_minutes")).to_have_value("90")
    page.locator("input[name='_save']").first.click()
    expect(page.locator(".messagelist")).to_be_visible()

    film = Film.objects.get(pk=miners.pk)
    assert (film.runtime_minutes, film.trivia.get().text) == (90, "First wording of the fact.")
    assert page.goto(f"{live_server.url}/films/the-miners/").ok
    expect(page.locator("#did-you-know")).to_contain_text("First wording of the fact.")
    assert complaints == []  # history and compare pages too, under the Content-Security-Policy
