"""The installed `claimline` command, run as a researcher's script would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from storage.service import ProjectService
from tests.storage.test_opening_problems import read_only


def claimline(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = shutil.which("claimline", path=str(Path(sys.executable).parent))
    assert command, "the claimline command is not installed next to this Python"
    return subprocess.run([command, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=dict(os.environ), timeout=120, check=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "inner").mkdir(parents=True)
    (folder / "a.txt").write_text("Dam opens\n\nThe new dam at Harrow opened on Friday.\n")
    (folder / "inner" / "b.md").write_text("# Bridge closes\n\nThe old bridge closed again.\n")
    (folder / "inner" / "c.jsonl").write_text(
        '{"text": "Rail fares rise by 3% in April.", "title": "Fares", "outlet": "Wire",'
        ' "published": "2025-03-01"}\n'
    )
    return folder


def test_version() -> None:
    result = claimline("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("claimline ")


def test_import_then_list(corpus: Path, tmp_path: Path) -> None:
    project = tmp_path / "work.claimline"
    result = claimline("import", project, corpus)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 articles imported."
    assert "Creating a new project" in result.stderr

    listing = claimline("list", project)
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["ID", "PUBLISHED", "LANG", "WORDS", "OUTLET", "TITLE"]
    assert any(line.endswith("Fares") and "2025-03-01" in line and "Wire" in line
               for line in lines[1:])

    rows = [json.loads(line) for line in claimline("list", project, "--json").stdout.splitlines()]
    assert sorted(r["title"] for r in rows) == ["Bridge closes", "Dam opens", "Fares"]

    again = claimline("import", project, corpus)
    assert again.returncode == 0
    assert "0 articles imported, 3 already in the project." in again.stdout


def test_unreadable_input_gives_exit_code_one(corpus: Path, tmp_path: Path) -> None:
    (corpus / "blank.txt").write_text("\n\n")
    project = tmp_path / "work.claimline"
    result = claimline("import", project, corpus, tmp_path / "missing.txt")
    assert result.returncode == 1
    assert "3 articles imported, 2 could not be read." in result.stdout
    assert "blank.txt" in result.stderr and "missing.txt" in result.stderr
    with ProjectService.open(project) as service:
        assert len(service.list_articles()) == 3


def test_project_that_is_not_ours_gives_exit_code_two(tmp_path: Path) -> None:
    fake = tmp_path / "fake.claimline"
    fake.write_text("hello")
    result = claimline("list", fake)
    assert result.returncode == 2
    assert "not a Claimline project" in result.stderr
    assert fake.read_text() == "hello"


def test_usage_errors_give_exit_code_two() -> None:
    assert claimline("import").returncode == 2


@pytest.mark.slow
def test_gui_starts_on_the_demo_project_and_quits(claimline_home: Path) -> None:
    env_home = claimline_home
    result = subprocess.run(
        [shutil.which("claimline", path=str(Path(sys.executable).parent)), "--quit-after-shown"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMLINE_HOME": str(env_home)},
    )
    assert result.returncode == 0, result.stderr
    demo = env_home / "data" / "Demo project.claimline"
    with ProjectService.open(demo) as project:
        assert len(project.list_articles()) == 2


def test_a_project_open_in_a_window_is_read_but_not_written(
        corpus: Path, tmp_path: Path, qtbot: QtBot) -> None:
    """The window would not see the change and its undo history would not know of it."""
    from desktop.main_window import MainWindow

    project = tmp_path / "open.claimline"
    assert claimline("import", project, corpus / "a.txt").returncode == 0
    window = MainWindow()
    assert window.open_project(project)
    try:
        refused = claimline("import", project, corpus / "inner")
        assert refused.returncode == 2
        assert "“open.claimline” is already open in Claimline elsewhere (process " \
            f"{os.getpid()} on " in refused.stderr
        listed = claimline("list", project, "--json")
        assert listed.returncode == 0
        assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == ["Dam opens"]
    finally:
        window.close()
    assert claimline("import", project, corpus / "inner").returncode == 0, "free once closed"


def test_a_project_in_a_read_only_folder_is_refused_without_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    project = folder / "R.claimline"
    ProjectService.create(project).close()
    with read_only(folder):
        for command in (("list", project), ("export", project, "--format", "claimline-jsonl",
                                            "--out", tmp_path / "out.jsonl")):
            result = claimline(*command)
            assert result.returncode == 2, result.stderr
            assert result.stderr.startswith(
                "claimline: “R.claimline” cannot be written (its folder is read-only"), \
                result.stderr
            assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_refused_write_command_releases_the_project_lock(tmp_path: Path) -> None:
    from desktop.project_lock import lock_path

    project = tmp_path / "R.claimline"
    ProjectService.create(project).close()
    with read_only(project):
        result = claimline("settings", project, "annotation.claim_threshold", "0.6")
        assert result.returncode == 2, result.stderr
        assert "“R.claimline” cannot be written (the file is read-only)" in result.stderr
        assert "Traceback" not in result.stderr
        assert not lock_path(project).exists(), "the lock taken for the command is let go"
    assert claimline("settings", project, "annotation.claim_threshold", "0.6").returncode == 0
