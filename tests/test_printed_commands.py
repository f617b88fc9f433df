"""
Every command that `make run` or the README prints works exactly as printed,
pasted into a shell at the root of a fresh clone after `make run`.

The clone is a copy of this work tree (see `fresh_clone`), and each command runs
in a developer's environment: PATH and HOME only. So the copy always uses the
SQLite database that `make run` sets up, whatever DATABASE_URL this test run
has: that is the database a developer's printed commands work on, both engines
are covered by the rest of the suite, and a PostgreSQL database here would
have to be created and dropped around the test for nothing more.

Slow (a minute or two): `make run` runs twice, then everything it printed.
"""

import json
import os
import re
import shlex
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from tests.fresh_clone import clean_env, copy_fresh_clone

pytestmark = pytest.mark.integration

CHANGEPASSWORD = ".venv/bin/python manage.py changepassword editor"
NEW_PASSWORD = "Magnitka-1932-blast-furnace"

# Printed commands that this test cannot run as printed, each with the reason.
SKIPPED = {
    # `make run` never returns: the fixture starts it in the background on a
    # free port, checks that it serves the home page and stops it.
    "make run": "serves until stopped; run in the background instead",
    # The same on a fixed port, which another developer's server may hold.
    "PORT=8123 make run": "serves until stopped, on a port that may be taken",
    # Also a server until stopped, on port 8000; `make benchmark` serves the
    # site with gunicorn and production settings.
    ".venv/bin/gunicorn config.wsgi": "serves until stopped, on a port that may be taken",
    # These run the test suite, and so this test: recursion.
    "make test": "runs this test",
    "make test-sqlite": "runs this test",
    "make test-postgres": "runs this test",
    ".ci/run": "is make test, which runs this test",
    # Minutes of load on a shared two-core machine, measuring, not checking.
    "make benchmark": "a benchmark of several minutes",
    "scripts/benchmark": "a benchmark of several minutes",
    "make benchmark-import": "a benchmark of many minutes (loaddata of 10,000 films)",
    "scripts/benchmark-import": "a benchmark of many minutes (loaddata of 10,000 films)",
    # nginx in front of `make run` until stopped, on ports that may be taken.
    ".venv/bin/python scripts/front_cache.py --listen 8001 --upstream 127.0.0.1:8000": "serves until stopped",
    # Renders the site at another revision: needs the repository's history, which the copy has not.
    ".venv/bin/python scripts/compare-pages": "needs the git history",
    "make load": "a load test of several minutes",
    "scripts/load": "a load test of several minutes",
    # Lighthouse from the npm registry, then three audits of three pages: minutes, and measuring.
    "make lighthouse": "an audit of several minutes that needs the npm registry",
}

# Interactive commands read their answers from stdin: they run without a
# controlling terminal, so getpass reads there instead of from /dev/tty.
# Every account's `changepassword` (the editor's, the chief editor's) asks twice.
CHANGEPASSWORD_ANY = re.compile(r"manage\.py changepassword \w+$")


def answers_for(command):
    return f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n" if CHANGEPASSWORD_ANY.search(command) else None


BACKTICKED = re.compile(r"`([^`\n]+)`")
# In the README's prose, backticks also mark names, paths and settings: there a
# span is a command when it starts (after any VAR=value) with a script or
# program of this repository, or with a tool given arguments (a bare `make`
# names the tool).
PROSE_COMMAND = re.compile(
    r"^(?:[A-Z_]+=\S*\s+)*(?:(?:make|manage\.py|python3?|pip|gunicorn)\s|(?:\.venv/bin|\.ci|scripts)/)"
)
README_PARTS = re.compile(r"^```(?P<language>\w*)\n(?P<block>.*?)^```|`(?P<span>[^`\n]+)`", re.S | re.M)
SHELL_LANGUAGES = {"sh", "shell", "bash", "console"}
# A command in a shell block: its line and any lines it continues onto with a backslash.
SHELL_COMMAND = re.compile(r"(?:[^\n]*\\\n)*[^\n]+")


def readme_commands(text):
    """The README's commands in the order a reader meets them."""
    commands = []
    for part in README_PARTS.finditer(text):
        if part["span"] is not None:
            if PROSE_COMMAND.match(part["span"]):
                commands.append(part["span"])
        elif part["language"] in SHELL_LANGUAGES:
            commands += [line for line in SHELL_COMMAND.findall(part["block"]) if not line.lstrip().startswith("#")]
    return commands


def plain(command):
    """A command as one line, without its trailing comment: how SKIPPED names it."""
    return " ".join(re.sub(r"\s#.*", "", command.replace("\\\n", " ")).split())


def unique(commands):
    return list(dict.fromkeys(commands))


def run_as_printed(root, command, answers=None, timeout=300):
    """Run `command` as a developer pasting it into a shell at `root`, without a terminal."""
    process = subprocess.Popen(
        command,
        shell=True,
        cwd=root,
        env=clean_env(),
        # A command that asks for input it was not given reads end-of-file instead of waiting.
        stdin=subprocess.PIPE if answers is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(answers, timeout=timeout)
    except subprocess.TimeoutExpired:
        # A command that never returns (a server) must not outlive the test, nor anything it started.
        stop_process_group(process)
        stdout, stderr = process.communicate()
        stderr += f"\n(stopped after {timeout} seconds)"
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def free_port():
    # The kernel's pick: free now, and far above the ports people type by hand.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class MakeRun:
    output: str
    home_page_status: int | None
    env_file: str | None


def wait_for_page(url, server, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.5)
    return None


def signal_group(group, number):
    """Send a signal to a process group; False when none of its processes is left."""
    try:
        os.killpg(group, number)
    except ProcessLookupError:
        return False
    return True


def stop_process_group(process):
    """Stop `process` and everything it started, as Ctrl-C would in its terminal."""
    group = process.pid  # start_new_session made it the leader of a group of its own
    signal_group(group, signal.SIGINT)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        signal_group(group, signal.SIGKILL)
        process.wait()
    # The processes it started (runserver's) may outlive it by a moment.
    for _ in range(60):
        if not signal_group(group, 0):
            return
        time.sleep(0.5)
    signal_group(group, signal.SIGKILL)


def make_run_in_background(root, log_path):
    port = free_port()
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            "make run",
            shell=True,
            cwd=root,
            env=clean_env(PORT=str(port)),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        status = wait_for_page(f"http://127.0.0.1:{port}/", server)
    finally:
        stop_process_group(server)
    env_file = root / ".env"
    return MakeRun(
        output=log_path.read_text(encoding="utf-8", errors="replace"),
        home_page_status=status,
        env_file=env_file.read_text() if env_file.exists() else None,
    )


@dataclass
class Printed:
    by_make_run: list
    by_readme: list

    @property
    def all(self):
        return unique(self.by_make_run + self.by_readme)


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    return copy_fresh_clone(tmp_path_factory.mktemp("fresh-clone"))


@pytest.fixture(scope="module")
def make_runs(clone, tmp_path_factory):
    """The first `make run` in a fresh clone and a later one: they print different commands."""
    logs = tmp_path_factory.mktemp("make-run-logs")
    return [make_run_in_background(clone, logs / f"make-run-{number}.log") for number in (1, 2)]


@pytest.fixture(scope="module")
def printed(clone, make_runs):
    # In make's output every backticked span is a command to run.
    by_make_run = unique(span for run in make_runs for span in BACKTICKED.findall(run.output))
    return Printed(by_make_run, unique(readme_commands((clone / "README.md").read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def runs(clone, printed):
    """Every printed command that can run here, run once as printed, in the order printed."""
    return {
        command: run_as_printed(clone, command, answers=answers_for(plain(command)))
        for command in printed.all
        if plain(command) not in SKIPPED
    }


def run_python(clone, code):
    """What Python code prints in the clone's Django, run as a developer would run it."""
    result = run_as_printed(clone, f".venv/bin/python manage.py shell --no-imports -c {shlex.quote(code)}")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_make_run_serves_the_home_page_in_a_fresh_clone_every_time(make_runs):
    failed = [run for run in make_runs if run.home_page_status != 200]
    assert not failed, "\n\n".join(f"GET / {run.home_page_status}\n{run.output[-3000:]}" for run in failed)


def test_make_run_ends_with_the_seed_in_the_search_index(clone, make_runs):
    code = (
        "from core.search.query import Query, search; "
        "print([(g.kind.name, g.count) for g in search(Query.parse('шахтеры'))])"
    )
    assert run_python(clone, code) == "[('film', 1)]"


def test_make_run_prints_how_to_set_a_password_and_how_to_reload_the_seed(printed):
    assert {CHANGEPASSWORD, "make seed"} <= set(printed.by_make_run)


def test_every_printed_command_exits_zero_as_printed(runs):
    failed = {
        command: f"exit {result.returncode}\n{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
        for command, result in runs.items()
        if result.returncode != 0
    }
    assert not failed, "\n\n".join(f"$ {command}\n{report}" for command, report in failed.items())


def test_changepassword_as_printed_gives_the_editor_the_new_password(clone, make_runs, runs):
    assert runs[CHANGEPASSWORD].returncode == 0, runs[CHANGEPASSWORD].stderr
    first_password = re.search(r"with password: (\S+)", make_runs[0].output)[1]
    # check_password, not authenticate(): sign-in throttling needs a request to authenticate.
    signs_in = run_python(
        clone,
        "from django.contrib.auth import get_user_model; "
        "editor = get_user_model().objects.get(username='editor'); "
        f"print(editor.check_password({NEW_PASSWORD!r}), editor.check_password({first_password!r}))",
    )
    assert signs_in == "True False"


def test_the_readme_export_writes_the_catalogue_by_natural_key_and_imports_back(clone, printed, runs):
    export, reimport = (command for command in printed.by_readme if "catalogue-export.json" in command)
    assert runs[export].returncode == 0, runs[export].stderr
    rows = json.loads((clone / "catalogue-export.json").read_text(encoding="utf-8"))
    films = [row for row in rows if row["model"] == "catalogue.film"]
    assert films and all("pk" not in film for film in films)
    assert runs[reimport].returncode == 0, runs[reimport].stderr
    # Into the catalogue it came from: every row is already there as it is.
    assert f"Imported 1 file(s): 0 created, 0 updated, {len(rows)} unchanged." in runs[reimport].stdout


def test_the_printed_collectstatic_writes_the_static_files_manifest(clone, printed, runs):
    (collectstatic,) = (command for command in printed.by_readme if "collectstatic" in command)
    assert runs[collectstatic].returncode == 0, runs[collectstatic].stderr
    assert (clone / "staticfiles" / "staticfiles.json").is_file()


def test_a_later_make_run_keeps_the_env_file_the_first_one_wrote(make_runs):
    first, later = make_runs
    assert first.env_file is not None and re.search(r"^DJANGO_SECRET_KEY=\S{50,}$", first.env_file, re.M)
    assert later.env_file == first.env_file


def test_only_its_owner_may_read_the_env_file(clone, make_runs):
    assert (clone / ".env").stat().st_mode & 0o077 == 0


def test_commands_typed_after_make_run_have_the_secret_key_but_not_debug_mode(clone, make_runs):
    secret = re.search(r"^DJANGO_SECRET_KEY=(\S+)$", make_runs[0].env_file, re.M)[1]
    seen = run_python(clone, "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)")
    assert seen == f"{secret} False"


def test_every_skipped_command_is_still_printed(printed):
    assert set(SKIPPED) <= {plain(command) for command in printed.all}
