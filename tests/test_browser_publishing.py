"""Publishing in a real Chromium: a draft previewed with its banner, a scheduled film going live by itself."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalogue.models import Film
from catalogue.tests.factories import make_film
from core.tests.helpers import make_staff_accounts, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def accounts(transactional_db):
    make_staff_accounts()


def test_an_editor_previews_a_new_draft_that_readers_cannot_see(live_server, page, browser, accounts):
    sign_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/admin/catalogue/film/add/")
    page.locator("#id_title").fill("Secret Seam")
    page.locator("#id_slug").fill("secret-seam")
    page.locator("#id_year").fill("1938")
    page.locator("input[name='_continue']").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.get_by_role("link", name="View on site").click()
    expect(page.locator(".preview-banner")).to_have_text("Draft: readers cannot see this page.")
    expect(page.locator("h1")).to_have_text("Secret Seam")

    reader = browser.new_page()
    response = reader.goto(f"{live_server.url}/films/secret-seam/")
    assert response.status == 404
    reader.goto(f"{live_server.url}/films/")
    expect(reader.locator("main")).not_to_contain_text("Secret Seam")


def test_a_scheduled_film_appears_for_readers_after_its_time(live_server, page, browser, accounts, page_cache):
    film = make_film("Secret Seam", 1938, slug="secret-seam", published_at=None)
    reader = browser.new_page()
    reader.goto(f"{live_server.url}/films/")  # cached without the film
    expect(reader.locator("main")).not_to_contain_text("Secret Seam")

    sign_in(page, live_server.url, "chief")
    page.goto(f"{live_server.url}/admin/catalogue/film/{film.pk}/change/")
    # Time enough to sign in and save on a busy machine (it runs twice: embedded cache and Redis).
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(seconds=10)
    page.locator("#id_published_at_0").fill(go_live.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill(go_live.strftime("%H:%M:%S"))
    page.locator("input[name='_continue']").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Film.objects.get(pk=film.pk).published_at == go_live

    assert reader.goto(f"{live_server.url}/films/secret-seam/").status == 404
    reader.goto(f"{live_server.url}/films/")
    expect(reader.locator("main")).not_to_contain_text("Secret Seam")

    reader.wait_for_timeout(max(0, (go_live - timezone.now()).total_seconds() * 1000) + 300)

    reader.goto(f"{live_server.url}/films/")
    expect(reader.locator("main")).to_contain_text("Secret Seam")
    assert reader.goto(f"{live_server.url}/films/secret-seam/").status == 200
