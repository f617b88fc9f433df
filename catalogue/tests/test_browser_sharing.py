"""
In a real Chromium: pages carrying JSON-LD pass the site's content security
policy (a data block is not a script to run, so no violation is reported),
and a title written to break out of the block runs nothing.
"""

import json

import pytest

from catalogue.models import Film
from core.tests.helpers import load_seed

from .factories import make_film

SCRIPT = "</script><script>alert(1)</script>"


@pytest.fixture
def seeded(transactional_db):
    load_seed()


@pytest.mark.browser
def test_pages_with_structured_data_load_without_a_csp_complaint(live_server, page, seeded, complaints):
    for path in ["/", "/lists/soviet-factory-films/", "/people/sergei-yutkevich/", "/films/the-miners-1937/"]:
        page.goto(f"{live_server.url}{path}")
        (block,) = page.locator('script[type="application/ld+json"]').all_text_contents()
        assert json.loads(block)["@context"] == "https://schema.org"

    assert json.loads(block)["name"] == Film.objects.get(slug="the-miners-1937").title  # the last page's
    assert complaints == []


@pytest.mark.browser
def test_a_title_that_closes_the_script_runs_nothing(live_server, page, transactional_db, complaints):
    film = make_film(f"The Miners {SCRIPT}", 1937, slug="the-miners-1937")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(f"{live_server.url}{film.get_absolute_url()}")

    assert dialogs == []
    assert json.loads(page.locator('script[type="application/ld+json"]').text_content())["name"] == film.title
    assert page.locator("h1").text_content() == film.title
    assert complaints == []
