"""The list seed ships as fixtures/curation.json, loaded together with the catalogue."""

import json

import pytest

from catalogue.models import Trivia
from core.tests.helpers import SEED_FIXTURES, load_seed, row_counts
from curation.models import CuratedList, ListEntry

from .conftest import SEED_LIST_SLUG

pytestmark = pytest.mark.django_db


def test_the_curation_fixture_uses_natural_keys_only():
    rows = json.loads(SEED_FIXTURES[1].read_text(encoding="utf-8"))

    assert all("pk" not in row for row in rows)


def test_loading_the_fixtures_twice_changes_nothing(seed):
    before = row_counts()

    load_seed()

    assert row_counts() == before
    assert before["curation.ListEntry"] == 10


def test_the_seed_list_features_each_films_own_trivia_item(seed):
    entries = ListEntry.objects.filter(curated_list__slug=SEED_LIST_SLUG).select_related("film", "featured_fact")

    assert len(entries) == 10
    for entry in entries:
        assert entry.featured_fact.film_id == entry.film_id
        # Stored once: the fact is the film's only trivia item with that text.
        assert Trivia.objects.filter(text=entry.featured_fact.text).count() == 1


def test_the_seed_list_is_published_with_its_themes(seed):
    seed_list = CuratedList.objects.get(slug=SEED_LIST_SLUG)

    assert seed_list.is_live
    assert sorted(seed_list.tags.names()) == ["factories", "industrialization", "working class"]


def test_the_seeded_home_page_shows_the_editors_picks(client, seed):
    page = client.get("/").text

    assert '<a href="/lists/soviet-factory-films/">' in page
    miners, strike, ascent = (
        page.index(f'href="/films/{slug}/"') for slug in ("the-miners-1937", "strike-1925", "the-ascent-1977")
    )
    assert miners < strike < ascent
    assert 'href="/themes/coal-mining/"' in page
