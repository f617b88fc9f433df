"""
Settings take what the environment lacks from a developer's `.env`, and
nothing else: a machine with neither, such as a server, refuses to start
without a real secret key. Each test works in a fresh copy of the repository,
so that this machine's own `.env` plays no part.
"""

import subprocess

import pytest

from tests.fresh_clone import clean_env, copy_fresh_clone


@pytest.fixture
def clone(tmp_path):
    return copy_fresh_clone(tmp_path)


def manage(clone, *arguments, **environment):
    return subprocess.run(
        [".venv/bin/python", "manage.py", *arguments],
        cwd=clone,
        env=clean_env(**environment),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def secret_key(clone, **environment):
    result = manage(
        clone,
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        **environment,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_a_secret_key_or_an_env_file_manage_py_refuses_to_start(clone):
    result = manage(clone, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set DJANGO_SECRET_KEY" in result.stderr


def test_the_secret_key_comes_from_the_env_file_when_the_environment_has_none(clone):
    (clone / ".env").write_text("DJANGO_SECRET_KEY=from-the-file\n")
    assert secret_key(clone) == "from-the-file"


def test_a_secret_key_in_the_environment_wins_over_the_env_file(clone):
    (clone / ".env").write_text("DJANGO_SECRET_KEY=from-the-file\n")
    assert secret_key(clone, DJANGO_SECRET_KEY="from-the-environment") == "from-the-environment"
