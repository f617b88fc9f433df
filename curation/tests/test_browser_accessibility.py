"""Every kind of public page passes an axe-core accessibility audit in a real Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.tests.helpers import load_seed

PUBLIC_PAGES = [
    "/",
    "/films/",
    "/films/the-miners-1937/",
    "/films/turksib-1929/",  # a film known only by its title and year
    "/people/",
    "/people/sergei-yutkevich/",
    "/studios/",
    "/studios/lenfilm-studio/",
    "/lists/",
    "/lists/soviet-factory-films/",
    "/themes/",
    "/themes/coal-mining/",
    "/search/",
    "/search/?q=coal+miners",  # results of several kinds, words marked
    "/search/?q=coal&kind=quote",
    "/films/no-such-film/",  # the not-found page
]


@pytest.fixture
def seeded(transactional_db):
    load_seed()


@pytest.mark.browser
def test_public_pages_have_no_accessibility_violations(live_server, page, seeded):
    axe = Axe()
    violations = {}
    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}{path}")
        found = axe.run(page).response["violations"]
        if found:
            violations[path] = [f"{rule['id']} ({rule['impact']}): {rule['help']}" for rule in found]

    assert violations == {}
