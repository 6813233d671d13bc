"""Comparing from the main window: the pair, the aligner in the background, the report."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.compare_controller import reading_pair
from desktop.compare_window import CompareWindow
from desktop.main_window import MainWindow
from storage.records import ArticleMetadata, ArticleSummary

ALIGNING = 120_000  # ms: the first comparison loads the spaCy pipeline


def rewrite_and_original(window: MainWindow) -> tuple[int, int]:
    service = window.document.service
    (rewrite,) = [a.id for a in service.list_articles() if service.original_of(a.id)]
    original = service.original_of(rewrite)
    assert original is not None
    return original, rewrite


def compared(window: MainWindow, qtbot: QtBot) -> CompareWindow:
    original, rewrite = rewrite_and_original(window)
    window.articles.select_article(rewrite)
    with qtbot.waitSignal(window.work.comparisonFinished, timeout=ALIGNING):
        window.action_compare_original.trigger()
    compare = window.comparing.windows[(original, rewrite)]
    qtbot.addWidget(compare)
    return compare


@pytest.mark.slow
def test_compare_with_original_aligns_in_the_background(window: MainWindow,
                                                         qtbot: QtBot) -> None:
    compare = compared(window, qtbot)
    relations = {r.relation for r in compare.records}
    assert compare.isVisible()
    assert len(compare.records) > 10
    assert {"added", "dropped"} <= relations, "the rewrite adds and drops passages"
    assert "Aligned:" in compare.statusBar().currentMessage()
    assert compare.summary.text().split()[0].isdigit()

    # Opening it again shows what is stored and does not align again.
    window.action_compare_original.trigger()
    assert not window.work.busy
    assert window.comparing.windows[compare.article_ids] is compare


@pytest.mark.slow
def test_aligning_again_keeps_the_researchers_verdicts(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    compare = compared(window, qtbot)
    first = compare.records[0]
    window.document.decide_alignment(first.id, "conflicting", "confirmed")
    with qtbot.waitSignal(window.work.comparisonFinished, timeout=ALIGNING):
        compare.realignRequested.emit()
    assert "1 of your verdicts kept" in compare.statusBar().currentMessage()
    decided = [r for r in compare.records if r.status == "confirmed"]
    assert [(r.relation, r.a_start, r.b_start) for r in decided] == [
        ("conflicting", first.a_start, first.b_start)]


@pytest.mark.slow
def test_the_report_is_saved_where_the_researcher_says(window: MainWindow, qtbot: QtBot,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    compare = compared(window, qtbot)
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    compare.reportRequested.emit()
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "added" in page and str(target) in compare.statusBar().currentMessage()


def test_an_article_without_an_original_says_how_to_compare(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    original, _rewrite = rewrite_and_original(window)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: told.append(text))
    window.articles.select_article(original)
    window.action_compare_original.trigger()
    assert "Compare Two Articles" in told[0]
    assert not window.comparing.windows and not window.work.busy


def test_two_selected_articles_are_compared_original_first(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    original, rewrite = rewrite_and_original(window)
    table = window.articles.table
    table.selectAll()
    assert set(window.articles.selected_article_ids()) == {original, rewrite}
    window.action_compare_two.trigger()
    assert set(window.comparing.windows) == {(original, rewrite)}
    compare = window.comparing.windows[(original, rewrite)]
    qtbot.addWidget(compare)
    assert window.work.busy, "a pair never compared is aligned at once"
    window.work.cancel()
    with qtbot.waitSignal(window.work.comparisonFinished, timeout=ALIGNING):
        pass
    assert "cancelled" in compare.statusBar().currentMessage()
    assert window.document.service.list_alignments(original, rewrite) == []


def summary(article_id: int, published: dt.date | None,
            derived_from: tuple[int, ...] = ()) -> ArticleSummary:
    return ArticleSummary(article_id, f"uid-{article_id}",
                          ArticleMetadata(f"Article {article_id}", published=published),
                          100, 20, "test", "txt", dt.datetime(2025, 1, 1), derived_from)


def test_which_article_is_a() -> None:
    early, late = summary(7, dt.date(2025, 1, 2)), summary(3, dt.date(2025, 1, 5))
    assert reading_pair(late, early) == (7, 3), "the earlier published is A"
    rewrite = summary(7, dt.date(2025, 1, 2), derived_from=(3,))
    assert reading_pair(rewrite, late) == (3, 7), "the original is A"
    assert reading_pair(summary(9, None), late) == (3, 9), "else the one imported first"


def test_no_empty_comparison_while_another_task_runs(window: MainWindow, qtbot: QtBot) -> None:
    release = threading.Event()
    window.work.runner.start("import", "Importing…", lambda *_: release.wait(10),
                             lambda step: (0, 1, ""))
    try:
        _original, rewrite = rewrite_and_original(window)
        window.articles.select_article(rewrite)
        window.action_compare_original.trigger()
        assert window.comparing.windows == {}, "no window that would wait for nothing"
        assert "background task" in window.statusBar().currentMessage()
    finally:
        release.set()
        window.work.wait()


def test_switching_projects_keeps_one_window_per_pair(window: MainWindow, qtbot: QtBot,
                                                      demo_template: Path,
                                                      tmp_path: Path) -> None:
    """The closed project's window, deleted later, must not take the new one's place."""
    from storage.records import ProposedPassage

    def open_compared() -> None:
        original, rewrite = rewrite_and_original(window)
        window.document.service.store_alignments(
            original, rewrite, [ProposedPassage(0, 10, 0, 10, "reworded")], "test")
        window.articles.select_article(rewrite)
        window.action_compare_original.trigger()  # stored: opens without aligning
        assert not window.work.busy

    open_compared()
    other = tmp_path / "Copy.claimline"
    other.write_bytes(demo_template.read_bytes())
    assert window.open_project(other)
    open_compared()
    qtbot.wait(50)  # the first project's window is deleted now
    (compare,) = window.comparing.windows.values()
    window.action_compare_original.trigger()
    assert list(window.comparing.windows.values()) == [compare]
    visible = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, CompareWindow) and w.isVisible()]
    assert visible == [compare]


def test_articles_are_not_deleted_under_a_running_task(window: MainWindow) -> None:
    """A running comparison or import may be reading them."""
    release = threading.Event()
    window.work.runner.start("compare", "Comparing…", lambda *_: release.wait(10),
                             lambda step: (0, 1, ""))
    try:
        _original, rewrite = rewrite_and_original(window)
        window.articles.select_article(rewrite)
        window.delete_selected()
        assert rewrite in {a.id for a in window.document.service.list_articles()}
        assert window.undo_stack.count() == 0
        assert "background task" in window.statusBar().currentMessage()
    finally:
        release.set()
        window.work.wait()
