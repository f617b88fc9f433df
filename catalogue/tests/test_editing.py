"""
Editing a film safely: revisions of the whole film, nothing recorded for a
save that changes nothing, restore and recover, and no lost edits when two
editors work on the same film.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from reversion.models import Revision, Version

from catalogue.models import Film, Trivia
from core.tests.helpers import admin_url, change_form_data

from .factories import make_film, make_trivia

pytestmark = pytest.mark.django_db


@pytest.fixture
def miners():
    film = make_film("The Miners", 1937, slug="the-miners", runtime_minutes=89, tagline_translation="For coal!")
    film.tags.add("coal mining", "Donbas")
    make_trivia(film, "Real Donbas miners were used as extras")
    return film


@pytest.fixture
def second_editor(editor_client, chief_editor):
    client = Client()
    client.force_login(chief_editor)
    return client


def open_form(client, film):
    return change_form_data(client.get(admin_url(Film, "change", film.pk)), Film)


def save(client, film, data):
    return client.post(admin_url(Film, "change", film.pk), data)


def test_a_save_that_changes_nothing_records_and_logs_nothing(editor_client, miners):
    response = save(editor_client, miners, open_form(editor_client, miners))

    assert response.status_code == 302
    assert not Revision.objects.exists()
    assert not LogEntry.objects.exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["Nothing was changed in “The Miners (1937)”, so nothing was saved."]


def test_a_change_to_one_row_records_the_whole_film(editor_client, miners):
    data = open_form(editor_client, miners)
    data["trivia-0-text"] = "Real Donbas miners played the miners."

    save(editor_client, miners, data)

    revision = Revision.objects.get()
    assert revision.user.username == "editor"
    kinds = sorted(version.content_type.model for version in revision.version_set.all())
    assert kinds == ["film", "taggedfilm", "taggedfilm", "trivia"]
    assert revision.comment == "Changed Text for trivia item “Real Donbas miners played the miners.”."


def test_restoring_an_old_revision_brings_back_the_rows_and_is_a_new_revision(editor_client, miners):
    data = open_form(editor_client, miners)
    data["trivia-0-text"] = "First wording."
    save(editor_client, miners, data)
    data = open_form(editor_client, miners)
    data.update({"trivia-0-text": "Second wording.", "runtime_minutes": "90", "tags": "coal mining"})
    save(editor_client, miners, data)
    first = Version.objects.get_for_object(miners).order_by("pk").first()

    restore_url = admin_url(Film, "revision", miners.pk, first.pk)
    restore_form = change_form_data(editor_client.get(restore_url), Film)
    assert editor_client.post(restore_url, restore_form).status_code == 302

    miners.refresh_from_db()
    assert (miners.runtime_minutes, list(miners.trivia.values_list("text", flat=True))) == (89, ["First wording."])
    assert sorted(miners.tags.names()) == ["Donbas", "coal mining"]
    assert Revision.objects.count() == 3
    assert Revision.objects.order_by("pk").last().comment.startswith("Reverted to previous version")


def test_a_deleted_film_is_recovered_with_its_rows(chief_client, miners):
    data = open_form(chief_client, miners)
    data["runtime_minutes"] = "88"
    save(chief_client, miners, data)
    chief_client.post(admin_url(Film, "delete", miners.pk), {"post": "yes"})
    assert not Film.objects.exists()

    deleted = Version.objects.get_deleted(Film).get()
    recover_url = admin_url(Film, "recover", deleted.pk)
    assert chief_client.post(recover_url, change_form_data(chief_client.get(recover_url), Film)).status_code == 302

    film = Film.objects.get(slug="the-miners")
    assert film.runtime_minutes == 88
    assert list(film.trivia.values_list("text", flat=True)) == ["Real Donbas miners were used as extras"]


# Two editors


def test_a_form_loaded_before_anothers_save_is_refused_naming_who_changed_what(editor_client, second_editor, miners):
    stale = open_form(editor_client, miners)
    theirs = open_form(second_editor, miners)
    theirs.update({"tagline_translation": "In the fight for coal!", "trivia-0-text": "Miners played miners."})
    assert save(second_editor, miners, theirs).status_code == 302

    stale["runtime_minutes"] = "95"
    response = save(editor_client, miners, stale)

    assert response.status_code == 200
    error = " ".join(response.context["adminform"].form.non_field_errors())
    assert "was changed after you opened it" in error
    assert "chief" in error and "Tagline translation" in error and "Miners played miners." in error
    miners.refresh_from_db()
    assert (miners.runtime_minutes, miners.tagline_translation) == (89, "In the fight for coal!")
    assert miners.trivia.get().text == "Miners played miners."
    # The editor's input is still there; what they had not touched shows the other editor's values.
    shown = change_form_data(response, Film)
    assert shown["runtime_minutes"] == "95"
    assert shown["tagline_translation"] == "In the fight for coal!"
    assert shown["trivia-0-text"] == "Miners played miners."


def test_saving_again_after_a_refusal_keeps_both_editors_changes(editor_client, second_editor, miners):
    stale = open_form(editor_client, miners)
    theirs = open_form(second_editor, miners)
    theirs.update({"tagline_translation": "In the fight for coal!", "trivia-0-text": "Miners played miners."})
    save(second_editor, miners, theirs)
    stale["runtime_minutes"] = "95"
    refused = save(editor_client, miners, stale)

    assert save(editor_client, miners, change_form_data(refused, Film)).status_code == 302

    miners.refresh_from_db()
    assert (miners.runtime_minutes, miners.tagline_translation) == (95, "In the fight for coal!")
    assert miners.trivia.get().text == "Miners played miners."


def test_an_edit_from_the_trivia_page_also_makes_open_film_forms_stale(editor_client, second_editor, miners):
    stale = open_form(editor_client, miners)
    trivia = miners.trivia.get()
    fact_form = change_form_data(second_editor.get(admin_url(Trivia, "change", trivia.pk)), Trivia)
    fact_form["text"] = "Checked wording."
    assert second_editor.post(admin_url(Trivia, "change", trivia.pk), fact_form).status_code == 302

    stale["trivia-0-text"] = "My wording."
    response = save(editor_client, miners, stale)

    assert response.status_code == 200
    assert Trivia.objects.get().text == "Checked wording."


def test_a_row_deleted_by_another_editor_gets_a_clear_message(editor_client, second_editor, miners):
    stale = open_form(editor_client, miners)
    theirs = open_form(second_editor, miners)
    theirs["trivia-0-DELETE"] = "on"
    save(second_editor, miners, theirs)
    stale["trivia-0-text"] = "My wording."
    refused = save(editor_client, miners, stale)

    error = " ".join(refused.context["adminform"].form.non_field_errors())
    assert "chief" in error and "Deleted trivia item" in error
    assert (
        "Rows deleted meanwhile, as you had them (add them again if they should stay): trivia item: “My wording.”"
        in error
    )
    assert save(editor_client, miners, change_form_data(refused, Film)).status_code == 302
    assert not Trivia.objects.exists()
