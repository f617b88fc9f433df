"""
A fresh clone of this work tree, for tests that use the project as a developer
would: through make and manage.py, in their own processes.
"""

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_fresh_clone(destination):
    """
    Copy what a clone would hold into `destination`, uncommitted and untracked
    work included so that it is tested too. Ignored files stay behind: no
    `.env`, no database, no caches. The current `.venv` is linked in, so nothing
    is downloaded or installed.
    """
    venv = REPO / ".venv"
    if not (venv / "bin" / "python").exists():
        raise RuntimeError(f"{venv} is missing: run the tests through make, which creates it.")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if not source.is_file():  # deleted in the work tree, not yet committed
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # Modification times are kept so that make finds the linked .venv no
        # older than the requirements files and installs nothing.
        shutil.copy2(source, target)
    (destination / ".venv").symlink_to(venv, target_is_directory=True)
    return destination


def clean_env(**variables):
    """
    A developer's shell: PATH and HOME only. Nothing of this test run's own
    configuration (DJANGO_SECRET_KEY from the test settings, DATABASE_URL from
    `make test-postgres`) may help a command that must work on its own.
    """
    return {**{name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}, **variables}
