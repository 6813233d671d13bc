"""A project is open in one window at a time; a crashed window's lock does not block it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.project_lock import lock_path


def second_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> tuple[MainWindow,
                                                                          list[str]]:
    other = MainWindow()
    qtbot.addWidget(other)
    told: list[str] = []
    monkeypatch.setattr(other, "warn", lambda _title, text: told.append(text))
    return other, told


def test_a_project_open_in_one_window_is_refused_in_another(
        window: MainWindow, demo_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    other, told = second_window(qtbot, monkeypatch)
    assert not other.open_project(demo_path)
    assert told == ["“Demo.claimline” is already open in another Claimline window."]
    assert not other.document.is_open

    window.close_project()
    assert other.open_project(demo_path), "free again once the first window let it go"
    other.close_project()
    assert not lock_path(demo_path).exists()


def test_reopening_the_open_project_keeps_it(window: MainWindow, demo_path: Path) -> None:
    before = window.document.service
    assert window.open_project(demo_path)
    assert window.document.service is before
    assert "already open here" in window.statusBar().currentMessage()


def test_the_lock_of_a_crashed_program_is_taken_over(
        demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    held = ("from PySide6.QtCore import QLockFile; import os, sys\n"
            "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
            "assert lock.tryLock(100)\n"
            "os._exit(0)  # killed: the lock file stays behind\n")
    subprocess.run([sys.executable, "-c", held, str(lock_path(demo_path))], check=True,
                   timeout=60)
    assert lock_path(demo_path).exists()
    window, told = second_window(qtbot, monkeypatch)
    assert window.open_project(demo_path), told
    window.close_project()
