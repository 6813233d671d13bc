"""The job runner: one job at a time, results only for the project that started them."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.background_job import JobRunner
from desktop.task_progress import TaskProgress


def runner(qtbot: QtBot) -> JobRunner:
    progress = TaskProgress()
    qtbot.addWidget(progress)
    return JobRunner(progress)


def test_a_finished_job_reports_its_result(qtbot: QtBot) -> None:
    jobs = runner(qtbot)
    with qtbot.waitSignal(jobs.finished, timeout=5000) as done:
        jobs.start("test", "Working…", lambda progress, stored, cancelled: 42,
                   lambda step: (0, 1, ""))
    assert done.args == [42] and not jobs.busy


def test_a_job_stopped_by_wait_reports_nothing_afterwards(qtbot: QtBot) -> None:
    """What a closed project's job finishes must not reach the next project's views."""
    jobs = runner(qtbot)
    reported: list[Any] = []
    jobs.finished.connect(reported.append)
    jobs.stored.connect(reported.append)
    jobs.failed.connect(reported.append)
    release = threading.Event()

    def job(progress: Any, stored: Any, cancelled: Any) -> str:
        release.wait(5)
        stored("a batch committed to the old project")
        return "the old project's result"

    jobs.start("test", "Working…", job, lambda step: (0, 1, ""))
    release.set()
    assert jobs.wait() is True, "a job was running"
    qtbot.wait(100)  # let anything the job queued be delivered
    assert reported == []
    assert not jobs.busy
    assert jobs.wait() is False, "nothing left to stop"


def test_a_file_the_job_cannot_write_is_named_without_a_type_name(qtbot: QtBot) -> None:
    jobs = runner(qtbot)

    def job(progress: Any, stored: Any, cancelled: Any) -> None:
        raise PermissionError(13, "Permission denied", "/data/export.jsonl")

    with qtbot.waitSignal(jobs.failed, timeout=5000) as failed:
        jobs.start("test", "Working…", job, lambda step: (0, 1, ""))
    assert failed.args == ["Permission denied (/data/export.jsonl)."]
