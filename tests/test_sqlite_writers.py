"""
The default SQLite database serves several writers at once: saves queue
instead of failing, and readers keep reading while an import writes.

The in-memory test database cannot show this (it ignores WAL and shares one
process), so these tests run real processes with the production settings
against a real database file.
"""

import json
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's settings; the suite's SQLite run covers them",
)

# Run inside a worker process: Django set up with the production settings.
PRELUDE = """
import json, os, sys, time
import django
django.setup()
from django.db import transaction
from catalogue.models import Film
"""

SETUP = (
    PRELUDE
    + """
for slug in ("shared", "first", "second"):
    Film.objects.create(title=slug.title(), slug=slug, year=1930, runtime_minutes=1)
"""
)

# Each writer saves its own film and the shared one, read-then-write inside one
# transaction: the pattern SQLite refuses at once ("database is locked") unless
# the transaction holds the write lock from its start.
WRITER = (
    PRELUDE
    + """
own, saves, start_at = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
while time.time() < start_at:
    time.sleep(0.001)
errors = []
for _ in range(saves):
    try:
        with transaction.atomic():
            for slug in (own, "shared"):
                film = Film.objects.get(slug=slug)
                film.runtime_minutes += 1
                film.save()
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
print(json.dumps(errors))
"""
)

READER = (
    PRELUDE
    + """
ready, stop = sys.argv[1], sys.argv[2]
counts, problems = set(), []
open(ready, "w").close()
while not os.path.exists(stop):
    try:
        counts.add(len(Film.objects.values_list("slug", flat=True)))
    except Exception as error:
        problems.append(f"{type(error).__name__}: {error}")
print(json.dumps({"counts": sorted(counts), "problems": problems}))
"""
)


STAMPS = {"created_at": "2026-11-26T00:00:00Z", "updated_at": "2026-11-26T00:00:00Z"}
RUN = {"cwd": settings.BASE_DIR, "check": True, "capture_output": True, "text": True}


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=production_env(path), **RUN)
    return path


def production_env(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "tests-only-not-a-secret",
        "DJANGO_DEBUG": "0",
        "DJANGO_PAGE_CACHE_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{database}",
    }


@pytest.fixture
def database(migrated_database, tmp_path):
    path = tmp_path / "db.sqlite3"
    path.write_bytes(migrated_database.read_bytes())
    return path


def python(env, code, *args):
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def result(process, timeout=120):
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-2000:]
    return json.loads(out)


def runtimes(env):
    code = PRELUDE + "print(json.dumps(dict(Film.objects.values_list('slug', 'runtime_minutes'))))"
    return result(python(env, code))


def test_two_processes_saving_at_the_same_moment_both_succeed_and_every_save_is_kept(database):
    env = production_env(database)
    subprocess.run([sys.executable, "-c", SETUP], env=env, **RUN)
    saves, start_at = 150, time.time() + 2  # both start together, once Django is loaded

    writers = [python(env, WRITER, slug, saves, start_at) for slug in ("first", "second")]

    assert [result(writer) for writer in writers] == [[], []]
    assert runtimes(env) == {"first": 1 + saves, "second": 1 + saves, "shared": 1 + 2 * saves}


def test_readers_keep_reading_the_last_committed_catalogue_while_an_import_writes(database, tmp_path):
    env = production_env(database)
    films = [
        {"model": "catalogue.film", "fields": {"title": f"Film {n}", "slug": f"film-{n}", "year": 1930, **STAMPS}}
        for n in range(1500)
    ]
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps(films))
    ready, stop = tmp_path / "reader-ready", tmp_path / "reader-stop"
    reader = python(env, READER, ready, stop)
    while not ready.exists():
        assert reader.poll() is None, reader.communicate()[1][-2000:]
        time.sleep(0.05)

    subprocess.run([sys.executable, "manage.py", "import_fixtures", str(catalogue)], env=env, **RUN)
    stop.touch()

    seen = result(reader)
    assert seen["problems"] == []
    # One transaction: readers saw the catalogue before the import or after it, nothing in between.
    assert set(seen["counts"]) <= {0, 1500}
    assert runtimes(env).keys() == {f"film-{n}" for n in range(1500)}
