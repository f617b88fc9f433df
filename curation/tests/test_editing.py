"""Two editors on one curated list: the second, stale save is refused and the first editor's entries stay."""

import pytest
from django.test import Client

from core.tests.helpers import admin_url, change_form_data
from curation.models import CuratedList

from .factories import add_entry, make_film, make_list

pytestmark = pytest.mark.django_db


def test_a_stale_list_form_is_refused_and_the_other_editors_entry_stays(editor_client, chief_editor):
    dams = make_list("Dams", slug="dams", intro="Concrete and hope.")
    add_entry(dams, make_film("The Vow", 1946), blurb="Dnieper dam.")
    other = Client()
    other.force_login(chief_editor)
    stale = change_form_data(editor_client.get(admin_url(CuratedList, "change", dams.pk)), CuratedList)
    theirs = change_form_data(other.get(admin_url(CuratedList, "change", dams.pk)), CuratedList)
    theirs["entries-0-blurb"] = "The Dnieper dam, built twice."
    assert other.post(admin_url(CuratedList, "change", dams.pk), theirs).status_code == 302

    stale["intro"] = "Concrete, turbines and hope."
    refused = editor_client.post(admin_url(CuratedList, "change", dams.pk), stale)

    assert refused.status_code == 200
    assert "chief" in " ".join(refused.context["adminform"].form.non_field_errors())
    assert dams.entries.get().blurb == "The Dnieper dam, built twice."
    again = change_form_data(refused, CuratedList)
    assert again["intro"] == "Concrete, turbines and hope."
    assert editor_client.post(admin_url(CuratedList, "change", dams.pk), again).status_code == 302
    dams.refresh_from_db()
    assert (dams.intro, dams.entries.get().blurb) == ("Concrete, turbines and hope.", "The Dnieper dam, built twice.")
