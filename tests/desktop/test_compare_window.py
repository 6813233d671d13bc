"""The comparison window: table and readers in step, verdicts with undo, the keyboard."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.alignment_table_model import AlignmentIdRole
from desktop.compare_window import CompareWindow
from desktop.project_document import ProjectDocument
from storage.importing import ParsedArticle
from storage.service import ProjectService

from .harbour_pair import ADDED, KYIV_A, KYIV_B, SHIPS_A, SHIPS_B, harbour_pair

HARBOUR = harbour_pair()
A_TEXT, B_TEXT = HARBOUR.a_text, HARBOUR.b_text


@pytest.fixture
def document(project_path: Path) -> Iterator[ProjectDocument]:
    doc = ProjectDocument()
    doc.set_service(ProjectService.create(project_path))
    yield doc
    doc.close()


@pytest.fixture
def pair(document: ProjectDocument, make_parsed: Callable[..., ParsedArticle]) -> tuple[int, int]:
    return HARBOUR.add_articles(document.service, make_parsed)


@pytest.fixture
def window(qtbot: QtBot, document: ProjectDocument,
           pair: tuple[int, int]) -> Iterator[CompareWindow]:
    HARBOUR.align(document.service, *pair)
    compare = CompareWindow(document, *pair)
    qtbot.addWidget(compare)
    compare.resize(1100, 700)
    compare.show()
    qtbot.waitExposed(compare)
    yield compare
    compare.close()


def table_ids(window: CompareWindow) -> list[int]:
    proxy = window.review.proxy
    return [proxy.index(row, 0).data(AlignmentIdRole) for row in range(proxy.rowCount())]


def record_id(window: CompareWindow, a_words: str | None = None,
              b_words: str | None = None, level: str = "sentence") -> int:
    return next(r.id for r in window.records if r.level == level
                and (a_words is None or r.a_text == a_words)
                and (b_words is None or r.b_text == b_words))


def current_id(window: CompareWindow) -> int | None:
    index = window.review.table.currentIndex()
    return index.data(AlignmentIdRole) if index.isValid() else None


def click_row(qtbot: QtBot, window: CompareWindow, key: int) -> None:
    table = window.review.table
    row = table_ids(window).index(key)
    rect = table.visualRect(window.review.proxy.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selections(window: CompareWindow) -> tuple[str, str]:
    return (window.view.reader_a.text.textCursor().selectedText(),
            window.view.reader_b.text.textCursor().selectedText())


def test_not_compared_yet_until_alignments_arrive(
        qtbot: QtBot, document: ProjectDocument, pair: tuple[int, int]) -> None:
    compare = CompareWindow(document, *pair)
    qtbot.addWidget(compare)
    compare.show()
    assert compare.objectName() == "compareWindow"
    assert compare.summary.text() == "Not compared yet"
    assert compare.review.stack.currentWidget() is compare.review.placeholder
    assert not compare.action_report.isEnabled()
    assert "Coast Daily" in compare.view.title_a.text()
    assert "Copy Site" in compare.view.title_b.text()
    HARBOUR.align(document.service, *pair)
    document.announce_alignments(*pair)  # the main window does this when the aligner is done
    assert compare.review.stack.currentWidget() is compare.review.table
    assert compare.action_report.isEnabled()
    assert compare.summary.text() == ("7 passages: 4 same or reworded, 1 conflicting, "
                                      "1 added, 1 dropped · 1 claim pair")
    document.announce_alignments(pair[1], pair[0])  # another pair: nothing to do


def test_table_rows_and_filters(window: CompareWindow) -> None:
    review = window.review
    assert len(table_ids(window)) == 7  # the passages, in reading order
    assert review.proxy.index(1, 1).data() == "The harbour reopened on Monday after a week of " \
        "storms."
    assert review.level_filter.currentText() == "Sentences"
    review.level_filter.setCurrentText("Both")
    assert len(table_ids(window)) == 8
    review.relation_filter.setCurrentText("Conflicts")
    assert table_ids(window) == [record_id(window, SHIPS_A),
                                 record_id(window, level="claim")]
    review.level_filter.setCurrentText("Claims")
    assert table_ids(window) == [record_id(window, level="claim")]
    review.relation_filter.setCurrentText("Added")
    assert table_ids(window) == []
    review.level_filter.setCurrentText("Sentences")
    assert table_ids(window) == [record_id(window, b_words=ADDED)]


def test_clicking_a_row_selects_both_sides(qtbot: QtBot, window: CompareWindow) -> None:
    for a_words, b_words in ((KYIV_A, KYIV_B), (SHIPS_A, SHIPS_B)):
        key = record_id(window, a_words, b_words)
        click_row(qtbot, window, key)
        assert window.view.selected_pair == key
        assert selections(window) == (a_words, b_words)
        record = next(r for r in window.records if r.id == key)
        assert record.a_start is not None and record.b_start is not None
        assert selections(window) == (A_TEXT[record.a_start:record.a_end],
                                      B_TEXT[record.b_start:record.b_end])
    reason = window.review.reason.toPlainText()
    assert "proposed by hand" in reason and "number: 40 → 60" in reason
    window.review.level_filter.setCurrentText("Claims")
    click_row(qtbot, window, record_id(window, level="claim"))
    assert selections(window) == ("40 ships", "60 ships")


def test_clicking_a_passage_selects_its_row(qtbot: QtBot, window: CompareWindow) -> None:
    key = record_id(window, b_words=ADDED)
    with qtbot.waitSignal(window.view.pairSelected):
        window.view.gutter.bandClicked.emit(key)
    assert current_id(window) == key
    assert selections(window) == ("", ADDED)
    assert window.review.relation_edit.currentText() == "Added"


def test_verdicts_are_undoable_exactly(qtbot: QtBot, window: CompareWindow) -> None:
    service, stack = window.document.service, window.document.undo_stack
    pair = window.article_ids
    original = service.list_alignments(*pair)
    ships = record_id(window, SHIPS_A)
    click_row(qtbot, window, ships)
    window.review.confirm_action.trigger()
    confirmed = service.list_alignments(*pair)
    assert next(r for r in confirmed if r.id == ships).status == "confirmed"
    assert current_id(window) == record_id(window, KYIV_A)  # on to the next proposal
    assert "1 reviewed" in window.summary.text()
    stack.undo()
    assert service.list_alignments(*pair) == original
    assert current_id(window) == record_id(window, KYIV_A)  # the refresh kept the selection
    stack.redo()
    assert service.list_alignments(*pair) == confirmed

    click_row(qtbot, window, ships)
    edit = window.review.relation_edit
    edit.setCurrentIndex(edit.findData("partial"))
    edit.activated.emit(edit.currentIndex())
    changed = next(r for r in service.list_alignments(*pair) if r.id == ships)
    assert (changed.relation, changed.status) == ("partial", "confirmed")
    assert stack.undoText() == "Change alignment to partial"
    click_row(qtbot, window, ships)
    window.review.reject_action.trigger()
    assert next(r for r in service.list_alignments(*pair) if r.id == ships).status == "rejected"
    assert selections(window)[0] == KYIV_A
    for _ in range(3):
        stack.undo()
    assert service.list_alignments(*pair) == original
    assert window.review.proxy.index(table_ids(window).index(ships), 0).data() == "Conflicting"


def test_the_keyboard_moves_and_decides(qtbot: QtBot, window: CompareWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    table = window.review.table
    ids = table_ids(window)
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert current_id(window) == ids[0]
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert current_id(window) == ids[2]
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert current_id(window) == ids[1]
    assert selections(window)[0] == "The harbour reopened on Monday after a week of storms."
    service = window.document.service

    def status(key: int) -> str:
        return next(r.status for r in service.list_alignments(*window.article_ids)
                    if r.id == key)

    reader = window.view.reader_a.text  # the letters work wherever the focus is in the window
    qtbot.keyClick(reader, Qt.Key.Key_C)
    assert status(ids[1]) == "confirmed" and current_id(window) == ids[2]
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert status(ids[2]) == "rejected" and current_id(window) == ids[3]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(ids[2]) == "proposed"


def test_an_article_change_or_closing_the_project(qtbot: QtBot, window: CompareWindow,
                                                  document: ProjectDocument) -> None:
    key = record_id(window, KYIV_A)
    window.select_pair(key)
    metadata = document.service.get_article(window.article_ids[1]).metadata
    document.update_metadata(window.article_ids[1],
                             dataclasses.replace(metadata, outlet="Harbour Wire"))
    assert "Harbour Wire" in window.view.title_b.text()
    assert window.view.selected_pair == key and selections(window) == (KYIV_A, KYIV_B)
    assert current_id(window) == key
    with qtbot.waitSignal(document.projectClosed):
        document.close()
    assert not window.isVisible()


def test_a_verdict_that_the_filter_hides(qtbot: QtBot, window: CompareWindow) -> None:
    review = window.review
    review.relation_filter.setCurrentText("Conflicts")
    ships = record_id(window, SHIPS_A)
    click_row(qtbot, window, ships)
    review.relation_edit.setCurrentIndex(review.relation_edit.findData("same"))
    review.relation_edit.activated.emit(review.relation_edit.currentIndex())
    assert table_ids(window) == []  # no conflicts left among the passages
    assert review.current is not None and review.current.relation == "same"
    assert "1 reviewed" in window.summary.text()
    window.document.undo_stack.undo()
    assert table_ids(window) == [ships]


def test_filtering_keeps_the_current_pair(qtbot: QtBot, window: CompareWindow) -> None:
    kyiv = record_id(window, KYIV_A)
    click_row(qtbot, window, kyiv)
    window.review.relation_filter.setCurrentText("Conflicts")  # hides it
    assert window.view.selected_pair == kyiv and selections(window) == (KYIV_A, KYIV_B)
    assert current_id(window) is None
    assert window.review.current is not None and window.review.current.id == kyiv
    window.review.relation_filter.setCurrentText("All")
    assert current_id(window) == kyiv


def test_the_window_asks_for_a_new_run_or_a_report(qtbot: QtBot,
                                                   window: CompareWindow) -> None:
    with qtbot.waitSignal(window.realignRequested):
        window.action_realign.trigger()
    with qtbot.waitSignal(window.reportRequested):
        window.action_report.trigger()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Comparison", "&Edit", "&Review"]
    assert window.review.confirm_action.shortcut().toString() == "C"
