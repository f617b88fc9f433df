"""Importing a catalogue from fixture files: all or nothing, and only rows the models accept."""

import json

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import Film, Studio, Trivia
from core.importing import ImportRefused, import_fixtures
from core.tests.helpers import SEED_FIXTURES, row_counts

pytestmark = pytest.mark.django_db

STAMPS = {"created_at": "2026-11-26T00:00:00Z", "updated_at": "2026-11-26T00:00:00Z"}
GOOD_STUDIO = {"model": "catalogue.studio", "fields": {"name": "Mosfilm", "slug": "mosfilm"}}
GOOD_FILM = {
    "model": "catalogue.film",
    "fields": {"title": "Counterplan", "slug": "counterplan-1932", "year": 1932, **STAMPS},
}


def fixture_file(tmp_path, *rows, name="catalogue.json"):
    path = tmp_path / name
    path.write_text(json.dumps(list(rows)), encoding="utf-8")
    return str(path)


def test_a_valid_file_is_imported(tmp_path):
    result = import_fixtures(fixture_file(tmp_path, GOOD_STUDIO, GOOD_FILM))

    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert Film.objects.get(slug="counterplan-1932").title == "Counterplan"


def test_a_title_too_long_for_its_field_is_refused_and_nothing_is_imported(tmp_path):
    too_long = {**GOOD_FILM, "fields": {**GOOD_FILM["fields"], "title": "T" * 300}}

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(fixture_file(tmp_path, GOOD_STUDIO, too_long))

    # SQLite stores the long value and validation names the field; PostgreSQL refuses it outright.
    assert "title" in str(refused.value) or "too long" in str(refused.value)
    assert not Studio.objects.exists()
    assert not Film.objects.exists()


def test_a_rule_the_database_cannot_see_is_enforced_too(tmp_path):
    verified_without_source = {
        "model": "catalogue.trivia",
        "fields": {"film": ["counterplan-1932"], "text": "A fact.", "position": 1, "verification": "verified"},
    }

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(fixture_file(tmp_path, GOOD_FILM, verified_without_source))

    [problem] = refused.value.problems
    assert problem.endswith("catalogue.json row 2: trivia item “A fact.”: source: A verified claim needs a source.")
    assert not Trivia.objects.exists()
    assert not Film.objects.exists()


def test_a_reference_to_a_missing_film_names_the_file_and_imports_nothing(tmp_path):
    orphan = {"model": "catalogue.trivia", "fields": {"film": ["no-such-film-1937"], "text": "A fact.", "position": 1}}

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(fixture_file(tmp_path, GOOD_STUDIO, orphan, name="orphans.json"))

    assert "orphans.json" in str(refused.value)
    assert not Studio.objects.exists()


def test_a_bad_second_file_rolls_back_the_first(tmp_path):
    first = fixture_file(tmp_path, GOOD_STUDIO, name="first.json")
    second = fixture_file(tmp_path, {**GOOD_FILM, "fields": {**GOOD_FILM["fields"], "year": 1700}}, name="second.json")

    with pytest.raises(ImportRefused):
        import_fixtures(first, second)

    assert not Studio.objects.exists()


def test_the_command_says_nothing_was_imported_and_lists_each_problem(tmp_path):
    bad = fixture_file(tmp_path, {**GOOD_FILM, "fields": {**GOOD_FILM["fields"], "title": ""}})

    with pytest.raises(
        CommandError,
        match=r"Nothing was imported:\n  - .*catalogue.json row 1: film “ \(1932\)”: title: This field cannot be blank",
    ):
        call_command("import_fixtures", bad)

    assert not Film.objects.exists()


def test_an_exported_catalogue_imports_back_whole(tmp_path):
    import_fixtures(*map(str, SEED_FIXTURES))
    export = tmp_path / "export.json"
    call_command(
        "dumpdata", "catalogue", "curation", "taggit.tag", natural_foreign=True, natural_primary=True, output=export
    )
    before = row_counts()
    call_command("flush", interactive=False, verbosity=0)

    import_fixtures(str(export))

    assert row_counts() == before
    assert Film.objects.get(slug="the-miners-1937").trivia.count() == 10
