"""Article details ▸ Rewrite of: record, change or clear which article another one rewrites."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from tests.conftest import parsed

ORIGINAL = "Ukraine and South Korea discuss fate of North Korean prisoners of war"
REWRITE = "Ukraine and South Korea Collaborate on North Korean Prisoners of War Issue"
HARBOUR = "Harbour reopens after storms"
HARBOUR_COPY = "Tidewick harbour open again"

Rows = list[tuple[object, ...]]

# The offscreen platform cannot grab the keyboard for the combo box's popup.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def relations(window: MainWindow) -> Rows:
    """The article_relations table, read from the file by a separate connection."""
    path = window.document.path
    assert path is not None
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT * FROM article_relations ORDER BY id").fetchall()


def derived(window: MainWindow) -> list[tuple[object, object]]:
    return [(r[1], r[2]) for r in relations(window) if r[3] == "derived_from"]


def article_id(window: MainWindow, title: str) -> int:
    (found,) = [a.id for a in window.document.service.list_articles() if a.title == title]
    return found


def combo(window: MainWindow) -> QComboBox:
    found = window.findChild(QComboBox, "detailsRewriteOf")
    assert isinstance(found, QComboBox)
    return found


def offered(window: MainWindow) -> dict[object, str]:
    box = combo(window)
    return {box.itemData(i): box.itemText(i) for i in range(box.count())}


def choose(window: MainWindow, qtbot: QtBot, original: int | None) -> None:
    """Pick an entry in the Rewrite of list as the researcher would, from its popup."""
    box = combo(window)
    index = box.findData(-1 if original is None else original)
    assert index >= 0, f"{original} is not offered"
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())


def add_harbour_pair(window: MainWindow) -> tuple[int, int]:
    """Two more articles, stored as an import of files stores them (no relation)."""
    added, _ = window.document.service.add_articles([
        parsed("The harbour of Tidewick reopened on Tuesday after a week of storms.",
               title=HARBOUR, outlet="Coast Daily", published=dt.date(2025, 3, 4)),
        parsed("Tidewick's harbour is open again after a week of storms, officials said.",
               title=HARBOUR_COPY, outlet="Aggregator"),
    ])
    window.document.announce_added(tuple(added))
    return added[0].id, added[1].id


def list_titles(window: MainWindow) -> set[str]:
    model = window.articles.proxy
    return {model.index(row, 0).data() for row in range(model.rowCount())}


def test_details_show_the_recorded_original(window: MainWindow) -> None:
    original, rewrite = article_id(window, ORIGINAL), article_id(window, REWRITE)
    window.articles.select_article(rewrite)
    box = combo(window)
    assert window.metadata.rewrite_of is box
    assert box.currentData() == original
    assert box.currentText() == f"{ORIGINAL} · RBC-Ukraine · 2025-03-17"
    assert offered(window) == {-1: "(none)", original: box.currentText()}, "never itself"

    window.articles.select_article(original)
    assert box.currentText() == "(none)"
    assert set(offered(window)) == {-1, rewrite}


def test_clearing_the_original_is_one_undoable_step(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    original, rewrite = article_id(window, ORIGINAL), article_id(window, REWRITE)
    start = relations(window)
    window.articles.select_article(rewrite)
    choose(window, qtbot, None)

    cleared = relations(window)
    assert derived(window) == []
    assert window.document.service.original_of(rewrite) is None
    assert window.undo_stack.count() == 1
    step = window.undo_stack.undoText()
    assert step.startswith("Record “Ukraine and South Korea Collaborate")
    assert "” as not a rewrite of “Ukraine and South Korea discuss" in step
    assert combo(window).currentText() == "(none)"
    assert list_titles(window) == {ORIGINAL, REWRITE}, "the list no longer marks it ↳"
    assert "Rewritten from" not in window.reader.byline.text()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, title, _text: told.append(title))
    window.action_compare_original.trigger()
    assert told == ["No original recorded"]

    window.undo_stack.undo()
    assert relations(window) == start, "the very row comes back: id, note and all"
    assert combo(window).currentData() == original
    assert list_titles(window) == {ORIGINAL, f"↳ {REWRITE}"}
    assert "Rewritten from" in window.reader.byline.text()

    window.undo_stack.redo()
    assert relations(window) == cleared


def test_recording_the_original_of_imported_articles(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tester's case: an original and its rewrite imported from files."""
    harbour, copy = add_harbour_pair(window)
    start = relations(window)
    window.articles.select_article(copy)
    assert offered(window)[harbour] == f"{HARBOUR} · Coast Daily · 2025-03-04", \
        "new articles are offered at once"
    assert combo(window).currentText() == "(none)"

    choose(window, qtbot, harbour)
    assert window.document.service.original_of(copy) == harbour
    assert combo(window).currentData() == harbour
    assert window.undo_stack.undoText() == (
        f"Record “{HARBOUR_COPY}” as a rewrite of “{HARBOUR}”")
    assert f"↳ {HARBOUR_COPY}" in list_titles(window)
    assert f'Rewritten from: <a href="article:{harbour}">{HARBOUR}</a>' in (
        window.reader.byline.text())
    after = relations(window)
    assert after == [*start, (after[-1][0], copy, harbour, "derived_from", "")]

    # Compare with Original now pairs them (the comparison itself is not run here).
    def refuse(*_args: object) -> None:
        raise AssertionError("Compare with Original found no original")

    monkeypatch.setattr(QMessageBox, "information", refuse)
    opened: list[tuple[int, int]] = []
    monkeypatch.setattr(window.comparing, "open", lambda a, b: opened.append((a, b)))
    assert window.action_compare_original.isEnabled()
    window.action_compare_original.trigger()
    assert opened == [(harbour, copy)]

    window.undo_stack.undo()
    assert relations(window) == start
    assert window.document.service.original_of(copy) is None
    assert combo(window).currentText() == "(none)"
    window.undo_stack.redo()
    assert relations(window) == after, "redo restores the same row, same id"


def test_choosing_another_original_replaces_the_first(window: MainWindow, qtbot: QtBot) -> None:
    original, rewrite = article_id(window, ORIGINAL), article_id(window, REWRITE)
    harbour, _copy = add_harbour_pair(window)
    start = relations(window)
    window.articles.select_article(rewrite)
    choose(window, qtbot, harbour)

    changed = relations(window)
    assert derived(window) == [(rewrite, harbour)], "one original, the new one"
    assert window.undo_stack.count() == 1
    assert f'Rewritten from: <a href="article:{harbour}">{HARBOUR}</a>' in (
        window.reader.byline.text())
    window.articles.select_article(original)
    assert "Rewritten as" not in window.reader.byline.text()

    window.undo_stack.undo()
    assert relations(window) == start
    assert window.document.service.original_of(rewrite) == original
    assert "Rewritten as" in window.reader.byline.text()
    window.undo_stack.redo()
    assert relations(window) == changed


def test_a_cycle_is_refused_with_a_sentence(window: MainWindow, qtbot: QtBot) -> None:
    original, rewrite = article_id(window, ORIGINAL), article_id(window, REWRITE)
    start = relations(window)
    window.articles.select_article(original)
    choose(window, qtbot, rewrite)

    error = window.metadata.error
    assert error.isVisibleTo(window)
    assert "is itself recorded as a rewrite of" in error.text()
    assert "cannot be a rewrite of" in error.text()
    assert relations(window) == start
    assert window.undo_stack.count() == 0
    assert combo(window).currentText() == "(none)", "the list shows what is stored"

    choose(window, qtbot, None)  # choosing what is stored changes nothing, clears the message
    assert not error.isVisibleTo(window)
    assert window.undo_stack.count() == 0


def test_an_article_is_refused_as_its_own_original(window: MainWindow) -> None:
    rewrite = article_id(window, REWRITE)
    window.articles.select_article(rewrite)
    assert rewrite not in offered(window)
    start = relations(window)
    window.metadata.originalChosen.emit(rewrite, rewrite)
    assert "cannot be a rewrite of itself" in window.metadata.error.text()
    assert window.metadata.error.isVisibleTo(window)
    assert relations(window) == start
    assert window.undo_stack.count() == 0


def test_the_list_follows_renames_and_deletions(window: MainWindow, qtbot: QtBot) -> None:
    original, rewrite = article_id(window, ORIGINAL), article_id(window, REWRITE)
    harbour, _copy = add_harbour_pair(window)
    window.articles.select_article(original)
    title = window.metadata.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Prisoners of war: talks")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    window.articles.select_article(rewrite)
    assert combo(window).currentText() == "Prisoners of war: talks · RBC-Ukraine · 2025-03-17"
    window.undo_stack.undo()  # renames the original while the rewrite is shown
    assert combo(window).currentText() == f"{ORIGINAL} · RBC-Ukraine · 2025-03-17"

    window.articles.select_article(harbour)
    window.action_delete.trigger()
    window.articles.select_article(rewrite)
    assert harbour not in offered(window)
    assert combo(window).currentData() == original
    window.undo_stack.undo()
    assert harbour in offered(window)


def test_closing_the_project_empties_the_list(window: MainWindow) -> None:
    window.close_project()
    assert offered(window) == {-1: "(none)"}
    assert not window.metadata.isEnabled()


def test_typing_into_other_fields_leaves_the_original_alone(
        window: MainWindow, qtbot: QtBot) -> None:
    rewrite = article_id(window, REWRITE)
    start = relations(window)
    window.articles.select_article(rewrite)
    outlet = window.metadata.outlet
    assert isinstance(outlet, QLineEdit)
    outlet.setFocus()
    qtbot.keyClicks(outlet, "Mirror")
    qtbot.keyClick(outlet, Qt.Key.Key_Return)
    assert relations(window) == start
    assert combo(window).currentData() == article_id(window, ORIGINAL)
