"""A film page's kept data is retired by the curated lists it shows (see catalogue/tests/test_film_page_data.py)."""

import pytest

from catalogue.tests.factories import make_film_with_every_section
from catalogue.tests.test_film_page_data import text

from .factories import add_entry, make_list

# Kept page data switched on, the whole-page cache off: as right after an edit.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_data")]


@pytest.fixture
def miners():
    return make_film_with_every_section()


def test_a_draft_list_with_the_film_shows_on_its_page_once_published(client, miners, commit):
    curated = make_list("Coal on screen", slug="coal", published_at=None)
    add_entry(curated, miners, blurb="The first.")
    assert "Coal on screen" not in text(client, miners)

    def publish():
        curated.publish()
        curated.save()

    commit(publish)

    assert "Coal on screen" in text(client, miners)
