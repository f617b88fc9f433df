"""The fact-checking desk: every claim of every kind in one admin view, with the rules for marking them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Version

from catalogue.models import Award, Film, Influence, Trivia, Verification
from core.tests.helpers import visible_text

from .factories import make_award, make_film, make_influence, make_trivia

pytestmark = pytest.mark.django_db

DESK = reverse("admin:catalogue_fact_check")


@pytest.fixture
def claims():
    miners, chapaev = make_film("The Miners", 1937), make_film("Chapaev", 1934)
    return {
        "sourced": make_trivia(miners, "Real miners played miners.", source="Iskusstvo Kino 1937/4"),
        "unsourced": make_trivia(miners, "Filmed underground."),
        "award": make_award(miners, "Stalin Prize", verification=Verification.DISPUTED, editor_note="No record."),
        "influence": make_influence(chapaev, miners, note="Eisenstein's montage techniques"),
        "verified": make_trivia(chapaev, "Shot in 1934.", source="Lenfilm", verification=Verification.VERIFIED),
    }


def listed(response):
    return [(row["kind"], row["pk"]) for row in response.context["page_obj"]]


def mark(client, action, *claims_to_mark):
    kinds = {Trivia: "trivia", Award: "award", Influence: "influence"}
    values = [f"{kinds[type(claim)]}:{claim.pk}" for claim in claims_to_mark]
    return client.post(DESK, {"action": action, "claim": values}, follow=True)


def test_the_desk_lists_every_open_claim_of_every_kind(editor_client, claims):
    response = editor_client.get(DESK)

    assert response.status_code == 200
    assert set(listed(response)) == {
        ("trivia", claims["sourced"].pk),
        ("trivia", claims["unsourced"].pk),
        ("award", claims["award"].pk),
        ("influence", claims["influence"].pk),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"kind": "influence"}, ["influence"]),
        ({"status": "disputed"}, ["award"]),
        ({"status": "verified"}, ["verified"]),
        ({"film": "chapaev", "status": "verified"}, ["verified"]),
        ({"film": "miners", "kind": "trivia"}, ["sourced", "unsourced"]),
    ],
)
def test_the_desk_filters_by_film_kind_and_status(editor_client, claims, query, expected):
    if "film" in query:
        query["film"] = Film.objects.get(title={"chapaev": "Chapaev", "miners": "The Miners"}[query["film"]]).pk

    response = editor_client.get(DESK, query)

    names = {(type(claim).__name__.lower(), claim.pk): name for name, claim in claims.items()}
    assert sorted(names[row] for row in listed(response)) == expected


def test_verifying_marks_only_claims_with_a_source_and_says_which_were_left(editor_client, claims):
    response = mark(editor_client, "verify", claims["sourced"], claims["unsourced"], claims["influence"])

    assert Trivia.objects.get(pk=claims["sourced"].pk).verification == Verification.VERIFIED
    assert Trivia.objects.get(pk=claims["unsourced"].pk).verification == Verification.UNVERIFIED
    assert Influence.objects.get().verification == Verification.UNVERIFIED
    text = visible_text(response)
    assert "Marked 1 claim(s) as verified." in text
    assert "Left 2 claim(s) as they were — A verified claim needs a source." in text


def test_disputing_needs_an_editors_note(chief_client, claims):
    mark(chief_client, "dispute", claims["sourced"])

    assert Trivia.objects.get(pk=claims["sourced"].pk).verification == Verification.UNVERIFIED


def test_marking_records_a_revision_of_the_film_and_makes_open_forms_stale(editor_client, claims):
    film = claims["sourced"].film
    version_before = Film.objects.get(pk=film.pk).version

    mark(editor_client, "verify", claims["sourced"])

    assert Film.objects.get(pk=film.pk).version > version_before
    revision = Version.objects.get_for_object(film).get().revision
    assert revision.user.username == "editor" and revision.comment == "Marked 1 claim(s) as verified."


def test_staff_without_claim_permissions_cannot_open_the_desk(client, claims):
    user = get_user_model().objects.create_user("intern", is_staff=True)
    client.force_login(user)

    assert client.get(DESK).status_code == 403


def test_an_influence_note_shows_its_status_to_readers(client, claims):
    text = visible_text(client.get(claims["influence"].influenced.get_absolute_url()))

    assert "Eisenstein's montage techniques Status: Unverified" in text
