"""Two articles side by side: selecting pairs, clicking passages, the gutter, scroll sync."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.alignment_relations import reading_order
from desktop.compare_view import CompareView
from desktop.text_offsets import OffsetMap
from storage.importing import ParsedArticle
from storage.records import AlignmentRecord
from storage.service import ProjectService

from .harbour_pair import ADDED, KYIV_A, KYIV_B, SHIPS_A, SHIPS_B, harbour_pair

HARBOUR = harbour_pair(sections=24)
A_TEXT, B_TEXT = HARBOUR.a_text, HARBOUR.b_text


@pytest.fixture
def view(qtbot: QtBot, project: ProjectService,
         make_parsed: Callable[..., ParsedArticle]) -> Iterator[CompareView]:
    a, b = HARBOUR.store(project, make_parsed)
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_articles(project.get_article(a), project.get_article(b))
    claims = {c.id: (c.start, c.end) for i in (a, b) for c in project.list_claims(i)}
    widget.set_alignments(reading_order(project.list_alignments(a, b)), claims)
    yield widget


def find(view: CompareView, a_words: str | None = None,
         b_words: str | None = None, level: str = "sentence") -> AlignmentRecord:
    return next(r for r in view.records if r.level == level
                and (a_words is None or r.a_text == a_words)
                and (b_words is None or r.b_text == b_words))


def selected(edit: QPlainTextEdit) -> str:
    return edit.textCursor().selectedText()


def cursor_rect_top(edit: QPlainTextEdit, position: int, bottom: bool = False) -> int:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    rect = edit.cursorRect(cursor)
    return rect.bottom() + 1 if bottom else rect.top()


def test_selecting_a_pair_selects_both_sides_exactly(view: CompareView) -> None:
    for a_words, b_words in ((KYIV_A, KYIV_B), (SHIPS_A, SHIPS_B),
                             ("Harbour report 🚢", "Port news 🌊⚓")):
        record = find(view, a_words, b_words)
        view.select_pair(record.id)
        assert view.selected_pair == record.id
        assert selected(view.reader_a.text) == A_TEXT[record.a_start:record.a_end] == a_words
        assert selected(view.reader_b.text) == B_TEXT[record.b_start:record.b_end] == b_words
        assert view.reader_a.selected_range(snap_to_words=False) == (record.a_start,
                                                                     record.a_end)
        assert view.reader_b.selected_range(snap_to_words=False) == (record.b_start,
                                                                     record.b_end)
    dropped = find(view, "The mayor thanked the crews.")
    view.select_pair(dropped.id)
    assert selected(view.reader_a.text) == "The mayor thanked the crews."
    assert selected(view.reader_b.text) == ""
    view.clear_selection()
    assert view.selected_pair is None and selected(view.reader_a.text) == ""


def test_a_claim_pair_selects_the_two_claims(view: CompareView) -> None:
    record = find(view, level="claim")
    view.select_pair(record.id)
    assert (selected(view.reader_a.text), selected(view.reader_b.text)) == ("40 ships",
                                                                            "60 ships")
    assert record.id in {band.key for band in view.gutter.bands}  # drawn while selected
    view.clear_selection()
    assert record.id not in {band.key for band in view.gutter.bands}


def test_clicking_a_passage_selects_its_pair(view: CompareView, qtbot: QtBot) -> None:
    record = find(view, KYIV_A, KYIV_B)
    edit = view.reader_b.text
    inside = OffsetMap(B_TEXT).to_qt(B_TEXT.index("надіслав"))
    cursor = QTextCursor(edit.document())
    cursor.setPosition(inside)
    point = edit.cursorRect(cursor).center() + QPoint(4, 0)
    with qtbot.waitSignal(view.pairSelected) as signal:
        qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [record.id]
    assert selected(view.reader_a.text) == KYIV_A
    assert selected(view.reader_b.text) == KYIV_B


def test_a_far_pair_is_brought_into_view_level_on_both_sides(view: CompareView) -> None:
    record = find(view, b_words="In section 11, port crews repaired and painted quay 11.")
    view.select_pair(record.id, leader="b")
    a_map, b_map = OffsetMap(A_TEXT), OffsetMap(B_TEXT)
    assert record.a_start is not None and record.b_start is not None
    a_top = cursor_rect_top(view.reader_a.text, a_map.to_qt(record.a_start))
    b_top = cursor_rect_top(view.reader_b.text, b_map.to_qt(record.b_start))
    height = view.reader_a.text.viewport().height()
    assert 0 <= a_top < height and 0 <= b_top < height
    assert abs(a_top - b_top) <= 2  # level with each other


def test_gutter_bands_meet_the_passages_lines(view: CompareView, qtbot: QtBot) -> None:
    record = find(view, SHIPS_A, SHIPS_B)
    assert record.a_start is not None and record.a_end is not None
    assert record.b_start is not None and record.b_end is not None
    assert record.id in {band.key for band in view.gutter.visible_bands()}
    geometry = view.band_geometry(record.id)
    assert geometry is not None and geometry.a is not None and geometry.b is not None
    gutter = view.gutter
    for edit, text, (start, end), (top, bottom) in (
            (view.reader_a.text, A_TEXT, (record.a_start, record.a_end), geometry.a),
            (view.reader_b.text, B_TEXT, (record.b_start, record.b_end), geometry.b)):
        offsets = OffsetMap(text)
        first = cursor_rect_top(edit, offsets.to_qt(start))
        last = cursor_rect_top(edit, offsets.to_qt(end), bottom=True)
        to_gutter = gutter.mapFromGlobal(edit.viewport().mapToGlobal(QPoint(0, 0))).y()
        assert abs(top - (first + to_gutter)) <= 3
        assert abs(bottom - (last + to_gutter)) <= 3
    added = find(view, b_words=ADDED)
    added_geometry = view.band_geometry(added.id)
    assert added_geometry is not None and added_geometry.a is None
    assert added_geometry.b is not None

    gutter.grab()  # paint once, so that the gutter knows where its bands are
    middle = (geometry.a[0] + geometry.a[1]) / 2  # bands may cross in the middle, not here
    with qtbot.waitSignal(view.pairSelected) as signal:
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(6, round(middle)))
    assert signal.args == [record.id]
    assert selected(view.reader_b.text) == SHIPS_B


def test_scrolling_one_reader_scrolls_the_other(view: CompareView) -> None:
    a_bar = view.reader_a.text.verticalScrollBar()
    b_bar = view.reader_b.text.verticalScrollBar()
    assert a_bar.maximum() > 10 and b_bar.value() == 0
    record = find(view, b_words="In section 4, port crews repaired and painted quay 4.")
    assert record.a_start is not None and record.b_start is not None
    edit_a, edit_b = view.reader_a.text, view.reader_b.text
    a_qt, b_qt = OffsetMap(A_TEXT).to_qt(record.a_start), OffsetMap(B_TEXT).to_qt(record.b_start)
    line = edit_a.document().findBlock(a_qt).firstLineNumber()
    a_bar.setValue(line)
    assert a_bar.value() == line  # no echo back
    assert b_bar.value() > 0
    # The counterpart of A's topmost passage is at the top of B too.
    assert edit_a.cursorForPosition(QPoint(1, 1)).position() == a_qt
    assert abs(cursor_rect_top(edit_b, b_qt) - cursor_rect_top(edit_a, a_qt)) <= 2
    b_bar.setValue(b_bar.maximum())  # and the ends meet
    assert a_bar.value() == a_bar.maximum()

    view.sync_toggle.click()
    assert not view.sync_enabled
    before = b_bar.value()
    a_bar.setValue(2)
    assert b_bar.value() == before
    view.sync_toggle.click()
    assert view.sync_enabled and b_bar.value() != before  # catches up at once


def test_passages_are_marked_by_relation(view: CompareView) -> None:
    def layers(reader_index: int, text: str, words: str) -> set[str]:
        reader = view.readers[reader_index]
        return {s.layer for s in reader.spans_at(text.index(words))}

    assert "claim" in layers(0, A_TEXT, "Officials said")  # conflicting: the strong tint
    assert "claim" in layers(1, B_TEXT, "officials said")
    assert "timex" in layers(0, A_TEXT, "40 ships")  # a differing word
    assert "timex" in layers(1, B_TEXT, "More than")
    assert "timex" not in layers(0, A_TEXT, "Officials")
    assert layers(0, A_TEXT, "mayor") == {"candidate"}  # dropped
    assert layers(1, B_TEXT, "Tourism") == {"candidate"}  # added
    assert layers(0, A_TEXT, "Section 5:") == {"entity:number"}  # partial
    assert layers(0, A_TEXT, "Київ") == set()  # same: left plain
    assert view.alignment_at("a", A_TEXT.index("40 ships")) == find(view, SHIPS_A).id
    assert view.alignment_at("b", len(B_TEXT) + 5) is None
