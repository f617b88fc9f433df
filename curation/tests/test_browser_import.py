"""A chief editor imports a catalogue in a real Chromium: upload, read the report, confirm."""

import json

import pytest
from playwright.sync_api import expect

from catalogue.models import Film
from core.tests.helpers import load_seed, make_staff_accounts, sign_in


@pytest.mark.browser
def test_a_chief_editor_uploads_reads_the_report_and_confirms(
    live_server, page, complaints, transactional_db, tmp_path
):
    load_seed()
    make_staff_accounts()
    fixture = tmp_path / "counterplan.json"
    fixture.write_text(
        json.dumps(
            [{"model": "catalogue.film", "fields": {"title": "Counterplan", "slug": "counterplan-1932", "year": 1932}}]
        ),
        encoding="utf-8",
    )
    sign_in(page, live_server.url, "chief")

    page.get_by_role("link", name="Import a catalogue").click()
    page.get_by_label("Fixture file").set_input_files(str(fixture))
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", name="What importing counterplan.json will do")).to_be_visible()
    expect(page.locator(".import-report caption")).to_have_text("1 created, 0 updated, 0 unchanged, 0 refused")
    assert not Film.objects.filter(slug="counterplan-1932").exists()
    page.get_by_role("button", name="Import counterplan.json").click()

    expect(page.locator(".messagelist .success")).to_have_text(
        "Imported counterplan.json: 1 created, 0 updated, 0 unchanged."
    )
    assert Film.objects.filter(slug="counterplan-1932").exists()
    assert complaints == []
