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


# Holds the lock file as a live QLockFile does while it is still writing it: created, empty,
# with the native lock taken.
HOLDS_EMPTY = ("import fcntl, os, sys\n"
               "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)\n"
               "fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
               "print('holding', flush=True)\n"
               "sys.stdin.read()\n")


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage\n"], ids=["empty", "garbled"])
def test_a_lock_file_naming_no_process_is_taken_over_once_nobody_holds_it(
        demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDS_EMPTY, str(lock_path(demo_path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    window, told = second_window(qtbot, monkeypatch)
    try:
        assert not window.open_project(demo_path), "a live holder is respected"
        assert told == ["“Demo.claimline” is already open in Claimline elsewhere. Close it "
                        "there first: two windows editing one project would undo each "
                        "other's work."]
    finally:
        holder.communicate("")
    lock_path(demo_path).write_bytes(content)  # left behind by a crash, or copied by a sync tool

    assert window.open_project(demo_path), told[1:]
    other, refusals = second_window(qtbot, monkeypatch)
    assert not other.open_project(demo_path), "the lock is really held now"
    assert refusals == ["“Demo.claimline” is already open in another Claimline window."]
    window.close_project()
    assert not lock_path(demo_path).exists()


def test_a_project_reached_through_symbolic_links_shares_one_lock(
        window: MainWindow, demo_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shortcut = demo_path.parent / "shortcut"
    shortcut.symlink_to(demo_path.parent, target_is_directory=True)
    link = demo_path.parent / "Link.claimline"
    link.symlink_to(demo_path)
    other, told = second_window(qtbot, monkeypatch)
    assert not other.open_project(shortcut / demo_path.name)
    assert not other.open_project(link)
    assert told == ["“Demo.claimline” is already open in another Claimline window.",
                    "“Link.claimline” is already open in another Claimline window."]
    assert lock_path(link) == lock_path(shortcut / demo_path.name) == lock_path(demo_path)
    assert sorted(p.name for p in demo_path.parent.glob(".*.lock")) == [".Demo.claimline.lock"]

    window.close_project()
    assert other.open_project(link), "free through the link once the real path is closed"
    monkeypatch.setattr(window, "warn", lambda _title, text: told.append(text))
    assert not window.open_project(demo_path)
    assert told[-1] == "“Demo.claimline” is already open in another Claimline window."
    other.close_project()
