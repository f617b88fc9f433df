"""
The bulk import: a dry run writes nothing, a real one announces its rows once
after the commit, reads and writes in a few queries per model whatever the
number of rows, and keeps editors' open forms honest.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Film, Trivia
from core.importing import ImportRefused, import_fixtures
from core.page_cache import content_version
from core.signals import content_imported
from core.tests.helpers import SEED_FIXTURES, database_state, row_counts

pytestmark = pytest.mark.django_db

MINERS = "the-miners-1937"
STAMPS = {"created_at": "2026-11-26T00:00:00Z", "updated_at": "2026-11-26T00:00:00Z"}


def write(tmp_path, rows, name="catalogue.json"):
    path = tmp_path / name
    path.write_text(json.dumps(rows), encoding="utf-8")
    return str(path)


def films(count, start=0):
    """`count` films, each with three trivia items: 4 × count rows."""
    rows = []
    for number in range(start, start + count):
        slug = f"film-{number}-1930"
        rows.append({"model": "catalogue.film", "fields": {"title": f"Film {number}", "slug": slug, "year": 1930}})
        rows += [
            {"model": "catalogue.trivia", "fields": {"film": [slug], "text": f"Fact {fact}.", "position": fact}}
            for fact in (1, 2, 3)
        ]
    return rows


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(tmp_path, seed, page_cache):
    miners = json.loads(SEED_FIXTURES[0].read_text(encoding="utf-8"))
    retitled = [
        {**row, "fields": {**row["fields"], "title": "Shakhtery"}} if row["fields"].get("slug") == MINERS else row
        for row in miners
    ]
    before, version = database_state(), content_version()

    result = import_fixtures(write(tmp_path, retitled + films(2)), partial=True, dry_run=True)

    assert (result.created, result.updated, result.refused) == (8, 1, 0)
    assert result.unchanged == len(miners) - 1
    assert result.by_model["films"] == [2, 1, len([r for r in miners if r["model"] == "catalogue.film"]) - 1, 0]
    assert database_state() == before
    assert content_version() == version


def test_a_dry_run_of_a_refused_file_lists_its_problems_and_what_the_rest_would_do(tmp_path):
    rows = films(1) + [{"model": "catalogue.trivia", "fields": {"film": ["nowhere-1930"], "text": "A fact."}}]
    before = database_state()

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(write(tmp_path, rows), dry_run=True)

    [problem] = refused.value.problems
    assert problem.endswith("row 5: film: there is no film “nowhere-1930”.")
    assert (refused.value.result.created, refused.value.result.refused) == (4, 1)
    assert database_state() == before


def test_the_dry_run_command_says_nothing_was_written(tmp_path):
    out = io.StringIO()

    call_command("import_fixtures", write(tmp_path, films(2)), dry_run=True, stdout=out)

    assert "Dry run, nothing written: 1 file(s) would import: 8 created, 0 updated, 0 unchanged, 0 refused." in (
        out.getvalue()
    )
    assert not Film.objects.exists()


def test_listeners_hear_of_every_imported_row_once_it_commits(tmp_path, django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, rows, **kwargs):
        heard.append((sender, {model._meta.label: sorted(pks) for model, pks in rows.items()}))

    content_imported.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_fixtures(write(tmp_path, films(3)))
    finally:
        content_imported.disconnect(listener)

    [(sender, rows)] = heard
    assert sender == "import_fixtures"
    assert rows == {
        "catalogue.Film": sorted(Film.objects.values_list("pk", flat=True)),
        "catalogue.Trivia": sorted(Trivia.objects.values_list("pk", flat=True)),
    }


def test_an_unchanged_import_announces_nothing(tmp_path, django_capture_on_commit_callbacks):
    path = write(tmp_path, films(2))
    import_fixtures(path)

    with django_capture_on_commit_callbacks() as callbacks:
        result = import_fixtures(path, partial=True)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 8)
    assert callbacks == []


def test_the_queries_do_not_grow_with_the_number_of_rows(tmp_path):
    def queries(rows):
        with CaptureQueriesContext(connection) as captured:
            import_fixtures(write(tmp_path, rows, name=f"{len(rows)}.json"))
        return len(captured)

    small = queries(films(5))
    large = queries(films(200, start=5))

    assert Trivia.objects.count() == 615
    # 800 rows: a few more insert batches of dozens of rows each, never a query per row.
    assert large < small + 20


def test_a_row_added_under_a_film_makes_its_open_forms_out_of_date(tmp_path, seed):
    miners = Film.objects.get(slug=MINERS)
    fact = {"model": "catalogue.trivia", "fields": {"film": [MINERS], "text": "A new fact.", "position": 11}}

    import_fixtures(write(tmp_path, [fact]))

    assert Film.objects.get(pk=miners.pk).version == miners.version + 1


def test_an_import_keeps_the_time_stamps_its_rows_carry(tmp_path):
    row = {"model": "catalogue.film", "fields": {"title": "Counterplan", "slug": "counterplan-1932", "year": 1932}}
    row["fields"].update(STAMPS)

    import_fixtures(write(tmp_path, [row]))

    film = Film.objects.get()
    assert film.created_at.isoformat() == film.updated_at.isoformat() == "2026-11-26T00:00:00+00:00"


def test_a_row_the_database_refuses_is_named_with_the_rule_it_breaks(tmp_path):
    too_early = {"model": "catalogue.film", "fields": {"title": "Too Early", "slug": "too-early-1700", "year": 1700}}

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(write(tmp_path, films(2) + [too_early]))

    [problem] = refused.value.problems
    assert problem.endswith("row 9: film “Too Early (1700)”: The year must be between 1888 and 2100.")
    assert row_counts()["catalogue.Film"] == 0


def test_a_reference_by_an_id_that_cannot_be_one_is_named_as_missing(tmp_path):
    fact = {"model": "catalogue.trivia", "fields": {"film": "not-an-id", "text": "A fact.", "position": 1}}

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(write(tmp_path, [fact]))

    [problem] = refused.value.problems
    assert problem.endswith("row 1: film: there is no film “id not-an-id”.")
