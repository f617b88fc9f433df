"""What is left to do on each film: the completeness panel, and the film list sorted and filtered by it."""

import pytest

from catalogue.completeness import SECTION_COUNT, SECTIONS, completeness
from catalogue.models import Film, Role, Verification
from core.tests.helpers import admin_url, visible_text

from .factories import make_credit, make_film, make_film_with_every_section, make_trivia

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf():
    rich = make_film_with_every_section()
    bare = make_film("Bare", 1930)
    make_trivia(bare, "Unchecked.")
    make_trivia(bare, "Doubtful.", verification=Verification.DISPUTED, editor_note="No source found.")
    bare.characters.create(name="Nobody plays me")
    return rich, bare


def listed(response):
    return [film.title for film in response.context["cl"].result_list]


def test_the_panel_names_the_empty_sections_the_claims_to_check_and_uncast_characters(shelf):
    _rich, bare = shelf

    facts = completeness(bare)

    assert facts.sections_filled == 1  # only "Did you know?"
    assert "Plot" in facts.empty_sections and "Did you know?" not in facts.empty_sections
    assert (facts.unverified_claims, facts.disputed_claims) == (1, 1)
    assert facts.uncast_characters == ["Nobody plays me"]


def test_the_panel_shows_on_the_film_form(editor_client, shelf):
    _rich, bare = shelf

    text = visible_text(editor_client.get(admin_url(Film, "change", bare.pk)))

    assert f"1 of {SECTION_COUNT} sections filled." in text
    assert "Claims to check: 1 unverified, 1 disputed" in text
    assert "Characters without an actor: Nobody plays me." in text


def test_an_actor_credit_casts_a_character(shelf):
    _rich, bare = shelf
    make_credit(bare, role=Role.ACTOR, character_name="Nobody plays me")

    assert completeness(bare).uncast_characters == []


@pytest.mark.parametrize("order, expected", [("5", ["Bare", "The Miners"]), ("-5", ["The Miners", "Bare"])])
def test_the_film_list_sorts_by_completeness(editor_client, shelf, order, expected):
    response = editor_client.get(admin_url(Film, "changelist"), {"o": order})  # column 5: sections filled

    assert [title for title in listed(response) if title in expected] == expected
    assert f"{SECTION_COUNT}/{SECTION_COUNT}" in response.text


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"complete": "sparse"}, ["Bare"]),
        ({"complete": "uncast"}, ["Bare", "The Miners"]),
        ({"claims": "disputed"}, ["Bare", "The Miners"]),
        ({"claims": "checked"}, []),
    ],
)
def test_the_film_list_filters_by_completeness_and_claims(editor_client, shelf, query, expected):
    response = editor_client.get(admin_url(Film, "changelist"), query)

    assert [title for title in listed(response) if title in ("Bare", "The Miners")] == expected


def test_every_long_text_of_a_film_counts_towards_its_completeness_in_page_order():
    assert [source for _, source in SECTIONS if isinstance(source, str)] == list(Film.LONG_TEXTS)
