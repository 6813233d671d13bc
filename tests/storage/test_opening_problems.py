"""Projects the service cannot write: refused at once, in plain words, with nothing changed.

Read-only here means read-only even to root: the tests run `chattr +i` (immutable) when
they run as root, and take away the write permission otherwise.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from storage import database, schema
from storage.project_file import ProjectFileError
from storage.service import ProjectService


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make the file or folder `path` refuse every write for the duration, root's included."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None:
            pytest.skip("running as root without chattr: cannot make a file read-only")
        made = subprocess.run([chattr, "+i", str(path)], capture_output=True, text=True,
                              check=False)
        if made.returncode != 0:
            pytest.skip(f"chattr +i refused here: {made.stderr.strip()}")
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def closed_project(tmp_path: Path) -> Path:
    """A healthy project, closed, alone in its folder."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "Study.claimline"
    ProjectService.create(path).close()
    return path


def refused(path: Path) -> str:
    before = fingerprint(path.parent)
    with pytest.raises(ProjectFileError) as caught:
        ProjectService.open(path)
    assert fingerprint(path.parent) == before, "a refused project is left as it was"
    message = str(caught.value)
    assert message.startswith(f"“{path.name}” cannot be written (")
    assert "copy it to a folder you can write to" in message
    assert "sqlite" not in message.lower() and "INSERT" not in message
    return message


def test_a_project_in_a_read_only_folder_is_refused_in_plain_words(closed_project: Path) -> None:
    with read_only(closed_project.parent):
        message = refused(closed_project)
    assert "cannot be written (its folder is read-only" in message


def test_a_read_only_project_file_is_refused_before_any_edit(closed_project: Path) -> None:
    with read_only(closed_project):
        message = refused(closed_project)
    assert "cannot be written (the file is read-only)" in message


def test_an_older_project_in_a_read_only_folder_is_refused_before_its_backup(
        tmp_path: Path) -> None:
    path = tmp_path / "Old.claimline"
    schema.upgrade(path, "0001")
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with read_only(tmp_path):
        assert "its folder is read-only" in refused(path)


def test_creating_a_project_in_a_read_only_folder_is_refused_in_plain_words(
        tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    with read_only(folder), pytest.raises(ProjectFileError) as caught:
        ProjectService.create(folder / "New.claimline")
    assert isinstance(caught.value, OSError), "the window explains OSErrors from creating"
    assert str(caught.value).startswith(
        "“New.claimline” cannot be created (its folder is read-only")
    assert list(folder.iterdir()) == []


def test_an_sqlite_error_while_opening_becomes_a_sentence(
        closed_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds the file exclusively: SQLite gives up with 'database is locked'."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(closed_project, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(ProjectFileError) as caught:
            ProjectService.open(closed_project)
    finally:
        holder.close()
    message = str(caught.value)
    assert message.startswith("“Study.claimline” cannot be opened now: another program")
    assert "database is locked" in message
    with ProjectService.open(closed_project) as project:  # free again
        assert project.list_articles() == []
