"""
What an import refuses, and that a refused import writes nothing at all:
rows that are not content, rows that would blank an item's fields, two rows
for one item, and files that cannot be read.
"""

import importlib.util
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import serializers

from catalogue.models import Film
from core.importing import ImportRefused, import_fixtures
from core.tests.helpers import database_state

pytestmark = pytest.mark.django_db

MINERS = "the-miners-1937"
STUDIO = {"model": "catalogue.studio", "fields": {"name": "Mosfilm", "slug": "mosfilm"}}


@pytest.fixture
def catalogue(seed, editor):
    """The seed and the editor's account, as `make run` leaves them."""


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def refused(*paths, **options):
    """Import `paths`, expecting a refusal that changed nothing; return the problems."""
    before = database_state()
    with pytest.raises(ImportRefused) as refusal:
        import_fixtures(*paths, **options)
    assert database_state() == before
    return refusal.value.problems


def exported(*objects):
    """Rows as `dumpdata --natural-foreign --natural-primary` writes them."""
    return json.loads(
        serializers.serialize("json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True)
    )


# Rows that are not content


def test_a_user_row_in_a_catalogue_file_is_refused_by_name(tmp_path, catalogue):
    superuser = {
        "model": "auth.user",
        "fields": {"username": "intruder", "password": "md5$x$y", "is_superuser": True, "is_staff": True},
    }

    [problem] = refused(write(tmp_path, "catalogue.json", [STUDIO, superuser]))

    assert "“auth.user” row(s) refused (rows 2): not content" in problem


def test_a_row_naming_an_existing_account_changes_nothing_about_it(tmp_path, catalogue):
    takeover = {"model": "auth.user", "fields": {"username": "editor", "is_superuser": True, "groups": []}}

    [problem] = refused(write(tmp_path, "catalogue.json", [takeover]))

    assert "auth.user" in problem


@pytest.mark.parametrize(
    "label",
    [
        "auth.group",
        "auth.permission",
        "sessions.session",
        "admin.logentry",
        "contenttypes.contenttype",
        "axes.accessattempt",
    ],
)
def test_rows_of_accounts_sessions_the_admin_log_and_content_types_are_refused(tmp_path, catalogue, label):
    [problem] = refused(write(tmp_path, "catalogue.json", [STUDIO, {"model": label, "fields": {}}]))

    assert f"“{label}” row(s) refused" in problem


def test_a_row_of_a_model_that_does_not_exist_is_refused(tmp_path, catalogue):
    [problem] = refused(write(tmp_path, "catalogue.json", [{"model": "catalogue.nosuchthing", "fields": {}}]))

    assert "not a model" in problem


# Rows that would blank what exists


def test_a_row_for_an_existing_film_that_leaves_out_fields_is_refused_and_names_them(tmp_path, catalogue):
    plot = Film.objects.get(slug=MINERS).plot
    partial_row = {"model": "catalogue.film", "fields": {"slug": MINERS, "title": "The Miners (restored)"}}

    [problem] = refused(write(tmp_path, "catalogue.json", [partial_row]))

    assert "film “The Miners (1937)” exists and the row leaves out" in problem
    assert "plot" in problem and "runtime_minutes" in problem and "--partial" in problem
    assert len(plot) > 900


def test_with_partial_only_the_fields_a_row_names_change(tmp_path, catalogue):
    before = Film.objects.get(slug=MINERS)
    partial_row = {"model": "catalogue.film", "fields": {"slug": MINERS, "title": "The Miners (restored)"}}

    result = import_fixtures(write(tmp_path, "catalogue.json", [partial_row]), partial=True)

    after = Film.objects.get(slug=MINERS)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert after.title == "The Miners (restored)"
    assert (after.plot, after.runtime_minutes, after.year) == (before.plot, before.runtime_minutes, before.year)


# One item twice


def test_the_same_film_twice_in_one_file_is_refused_naming_both_rows(tmp_path, catalogue):
    [row] = exported(Film.objects.get(slug=MINERS))
    retitled = {**row, "fields": {**row["fields"], "title": "Shakhtery"}}

    [problem] = refused(write(tmp_path, "films.json", [row, STUDIO, retitled]))

    assert "film “the-miners-1937” appears twice: " in problem
    assert problem.endswith("films.json row 1 and " + str(tmp_path / "films.json") + " row 3.")


def test_the_same_film_in_two_files_is_refused_naming_both_files(tmp_path, catalogue):
    [row] = exported(Film.objects.get(slug=MINERS))

    [problem] = refused(write(tmp_path, "first.json", [row]), write(tmp_path, "second.json", [row]))

    assert "first.json row 1" in problem and "second.json row 1" in problem


# What an import reports


def test_the_import_reports_what_it_created_updated_and_left_unchanged(tmp_path, catalogue):
    miners, turksib = exported(*Film.objects.filter(slug__in=[MINERS, "turksib-1929"]).order_by("title"))
    turksib["fields"]["runtime_minutes"] = 61

    result = import_fixtures(write(tmp_path, "catalogue.json", [STUDIO, miners, turksib]))

    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    assert str(result) == "1 created, 1 updated, 1 unchanged"
    assert Film.objects.get(slug="turksib-1929").runtime_minutes == 61


# Files that cannot be read: one line each, naming the file and the line


MALFORMED = {
    "truncated.json": (
        '[{"model": "catalogue.studio",\n "fields": {"name": "Mos',
        "truncated.json: line 2: not valid JSON",
    ),
    "rows.csv": ("model,name\ncatalogue.studio,Mosfilm\n", "rows.csv: unknown fixture format “.csv”"),
    "dtd.xml": (
        '<?xml version="1.0"?>\n<!DOCTYPE django-objects SYSTEM "http://example.com/x.dtd">\n<django-objects/>',
        "dtd.xml: line 2: XML with a DTD or entities is refused",
    ),
    "entities.xml": (
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY lol "lol">]>\n<django-objects>&lol;</django-objects>',
        "entities.xml: line 2: XML with a DTD or entities is refused",
    ),
    "broken.xml": ('<?xml version="1.0"?>\n<django-objects>\n<object model="catalogue.studio">', "broken.xml: line 3"),
    "not-rows.json": ('{"model": "catalogue.studio"}', "not-rows.json: not a fixture"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_file_gets_one_line_naming_it_and_nothing_is_written(tmp_path, catalogue, name):
    content, expected = MALFORMED[name]

    [problem] = refused(write(tmp_path, name, content))

    assert problem.startswith(str(tmp_path / expected.split(":")[0]))
    assert expected in problem
    assert "\n" not in problem


@pytest.mark.skipif(importlib.util.find_spec("yaml") is not None, reason="PyYAML is installed here")
def test_a_yaml_file_without_pyyaml_is_refused_with_a_reason(tmp_path, catalogue):
    [problem] = refused(write(tmp_path, "catalogue.yaml", "- model: catalogue.studio\n  fields: {name: Mosfilm}\n"))

    assert problem.endswith(
        "catalogue.yaml: YAML fixtures need PyYAML, which is not installed; export as JSON instead."
    )


def test_the_command_exits_1_with_one_line_per_malformed_file_and_no_traceback(tmp_path):
    paths = [write(tmp_path, name, content) for name, (content, _) in MALFORMED.items()]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }

    command = subprocess.run(
        [sys.executable, "manage.py", "import_fixtures", *paths],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert command.returncode == 1
    assert "Traceback" not in command.stderr
    lines = command.stderr.strip().splitlines()
    assert lines[0] == "CommandError: Nothing was imported:"
    assert [line.split(": ")[0].removeprefix("  - ") for line in lines[1:]] == paths
