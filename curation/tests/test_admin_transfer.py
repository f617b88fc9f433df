"""
Moving catalogues through the admin: a chief editor uploads a fixture file,
reads the dry run's report and confirms; a refused file changes nothing and
lists its problems; editors cannot reach the page. "Export selected" on
films, lists and themes downloads fixtures that import back.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import Film
from core.tests.helpers import admin_url, content_snapshot, database_state, empty_catalogue, visible_text
from curation.models import CuratedList

from .conftest import SEED_LIST_SLUG

pytestmark = pytest.mark.django_db

IMPORT = reverse("import_catalogue")
COUNTERPLAN = {
    "model": "catalogue.film",
    "fields": {"title": "Counterplan", "slug": "counterplan-1932", "year": 1932},
}


def upload(rows, name="catalogue.json"):
    return SimpleUploadedFile(name, json.dumps(rows).encode(), content_type="application/json")


def test_a_chief_editor_sees_what_an_upload_would_do_and_nothing_is_written_before_confirming(chief_client, seed):
    before = content_snapshot()

    response = chief_client.post(IMPORT, {"fixture": upload([COUNTERPLAN])})

    text = visible_text(response)
    assert "What importing catalogue.json will do" in text
    assert "1 created, 0 updated, 0 unchanged, 0 refused" in text
    assert 'name="confirm"' in response.text
    assert content_snapshot() == before  # only the session remembers the upload


def test_confirming_imports_the_file_and_says_what_it_did(chief_client, seed):
    chief_client.post(IMPORT, {"fixture": upload([COUNTERPLAN])})
    waiting = chief_client.session["kinozavod-import"]["file"]

    response = chief_client.post(IMPORT, {"confirm": "Import", "file": waiting}, follow=True)

    assert Film.objects.filter(slug="counterplan-1932").exists()
    assert "Imported catalogue.json: 1 created, 0 updated, 0 unchanged." in visible_text(response)
    # Confirming twice does not import twice: the upload is gone.
    again = chief_client.post(IMPORT, {"confirm": "Import", "file": waiting}, follow=True)
    assert "That upload is no longer waiting" in visible_text(again)


def test_a_refused_file_changes_nothing_lists_its_problems_and_cannot_be_confirmed(chief_client, seed):
    year_1700 = {**COUNTERPLAN, "fields": {**COUNTERPLAN["fields"], "slug": "too-early", "year": 1700}}
    orphan = {"model": "catalogue.trivia", "fields": {"film": ["nowhere-1930"], "text": "A fact."}}
    before = database_state()

    response = chief_client.post(IMPORT, {"fixture": upload([COUNTERPLAN, year_1700, orphan], "bad.json")})

    text = visible_text(response)
    assert "Refused: nothing was imported" in text
    assert "bad.json row 2: film “Counterplan (1700)”: The year must be between 1888 and 2100." in text
    assert "bad.json row 3: film: there is no film “nowhere-1930”." in text
    assert 'name="confirm"' not in response.text
    assert "kinozavod-import" not in chief_client.session
    assert database_state() == before


def test_a_file_that_is_not_a_fixture_is_refused_by_the_form(chief_client):
    response = chief_client.post(IMPORT, {"fixture": SimpleUploadedFile("notes.txt", b"hello")})

    assert "is not a fixture file" in visible_text(response)


def test_editors_cannot_reach_the_import_page(editor_client):
    assert editor_client.get(IMPORT).status_code == 403
    assert editor_client.post(IMPORT, {"fixture": upload([COUNTERPLAN])}).status_code == 403
    assert not Film.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(IMPORT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    ("model", "selected", "kind"),
    [
        (Film, lambda: Film.objects.filter(slug="the-miners-1937"), "films"),
        (CuratedList, lambda: CuratedList.objects.filter(slug=SEED_LIST_SLUG), "lists"),
    ],
    ids=["films", "lists"],
)
def test_export_selected_downloads_a_fixture_that_imports_back(
    editor_client, chief_client, seed, model, selected, kind
):
    pks = [obj.pk for obj in selected()]

    response = editor_client.post(
        admin_url(model, "changelist"), {"action": "export_selected", "_selected_action": pks}
    )

    assert response["Content-Disposition"].startswith(f'attachment; filename="kinozavod-{kind}-')
    rows = json.loads(response.content)
    assert {row["model"] for row in rows} >= {"catalogue.film", "catalogue.trivia"}
    empty_catalogue()
    chief_client.post(IMPORT, {"fixture": upload(rows)})
    waiting = chief_client.session["kinozavod-import"]["file"]
    chief_client.post(IMPORT, {"confirm": "Import", "file": waiting})
    assert model.objects.filter(pk__in=selected().values("pk")).count() == 1


def test_export_selected_themes_carries_their_films(editor_client, seed):
    from taggit.models import Tag

    tag = Tag.objects.get(name="coal mining")

    response = editor_client.post(
        admin_url(Tag, "changelist"), {"action": "export_selected", "_selected_action": [tag.pk]}
    )

    rows = json.loads(response.content)
    assert ["the-miners-1937"] in [
        row["fields"].get("content_object") for row in rows if row["model"] == "catalogue.taggedfilm"
    ]
