"""An editor adds a fact in the admin, in a real browser, and readers see it on the film's page."""

import pytest
from playwright.sync_api import expect

from core.tests.helpers import make_staff_accounts, sign_in

from .factories import make_film, make_trivia

NEW_FACT = "Mining equipment shown in the film was actual operational machinery borrowed from Soviet mines"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_adds_trivia_that_readers_then_see(live_server, page, transactional_db):
    make_staff_accounts()
    film = make_film("The Miners", 1937, slug="the-miners")
    make_trivia(film, "Real Donbas miners were used as extras")

    sign_in(page, live_server.url, "editor")
    expect(page.locator("#site-name")).to_have_text("Kinozavod editorial")

    page.get_by_role("link", name="Films").first.click()
    page.get_by_role("link", name="The Miners").click()
    page.get_by_role("tab", name="Quotes, scenes, trivia, awards").click()
    trivia = page.locator("#trivia-group")
    trivia.get_by_role("button", name="Add another Trivia item").click()
    trivia.locator("textarea[name='trivia-1-text']").fill(NEW_FACT)
    page.locator("input[name='_save']").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}{film.get_absolute_url()}")
    facts = page.locator("#did-you-know")
    expect(facts).to_contain_text("Real Donbas miners were used as extras")
    expect(facts).to_contain_text(NEW_FACT)
    assert list(film.trivia.values_list("position", flat=True)) == [1, 2]
