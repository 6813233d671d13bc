"""The reader: selections in Python offsets snapped to words, clicks on spans, its menu."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from desktop.highlight_layers import HighlightSpan, timex_tooltip
from desktop.reader_view import ArticleReader
from desktop.text_offsets import OffsetMap
from storage.records import ArticleDetail, ArticleMetadata, ArticleSummary

SENTENCE = "South Korea is ready to accept them on their territory, Reuters reports."


def article(text: str, title: str = "A title", article_id: int = 1) -> ArticleDetail:
    summary = ArticleSummary(
        id=article_id, uid=f"uid{article_id}", metadata=ArticleMetadata(
            title=title, outlet="RBC-Ukraine", published=dt.date(2025, 3, 17)),
        char_count=len(text), word_count=len(text.split()), origin="test", source_format="txt",
        imported_at=dt.datetime(2025, 3, 17))
    return ArticleDetail(summary=summary, text=text, import_notes=(), extra={}, relations=())


@pytest.fixture
def reader(qtbot: QtBot) -> Iterator[ArticleReader]:
    widget = ArticleReader()
    qtbot.addWidget(widget)
    widget.resize(760, 560)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def select_qt(reader: ArticleReader, anchor: int, position: int) -> None:
    cursor = reader.text.textCursor()
    cursor.setPosition(anchor)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)


def select(reader: ArticleReader, text: str, start: int, end: int) -> None:
    offsets = OffsetMap(text)
    select_qt(reader, offsets.to_qt(start), offsets.to_qt(end))


def point_of(reader: ArticleReader, text: str, index: int) -> QPoint:
    """A point inside the character `text[index]` on screen (left-to-right text)."""
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(OffsetMap(text).to_qt(index))
    rect = reader.text.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def test_the_reader_keeps_its_names_and_shows_an_article(reader: ArticleReader) -> None:
    assert reader.objectName() == "articleReaderPanel"
    assert reader.text.objectName() == "articleReader"
    assert reader.title.objectName() == "articleTitle" and reader.byline.objectName() == (
        "articleByline")
    assert reader.selected_range() is None
    reader.show_article(article(SENTENCE, "Prisoners of war"))
    assert reader.title.text() == "Prisoners of war"
    assert "RBC-Ukraine" in reader.byline.text()
    assert reader.text.toPlainText() == SENTENCE
    reader.show_article(None)
    assert reader.text.toPlainText() == "" and reader.title.isHidden()


def test_a_partial_word_snaps_to_the_whole_word_unless_asked_not_to(
        reader: ArticleReader) -> None:
    reader.show_article(article(SENTENCE))
    start = SENTENCE.index("accept")
    select(reader, SENTENCE, start, start + 5)
    assert reader.selected_range() == (start, start + 6)
    assert reader.selected_range(snap_to_words=False) == (start, start + 5)
    select(reader, SENTENCE, SENTENCE.index("ready") + 2, SENTENCE.index("them") + 1)
    first, last = reader.selected_range() or (0, 0)
    assert SENTENCE[first:last] == "ready to accept them"
    select(reader, SENTENCE, start - 1, start + 6)  # a space and a whole word stay as they are
    assert reader.selected_range() == (start - 1, start + 6)


@pytest.mark.parametrize(("text", "part", "word"), [
    ("Київ заявив про втрати.", "иї", "Київ"),
    ("회담은 서울에서 열렸다.", "울에", "서울에서"),
    ("قال الوزير إن الاتفاق قريب", "وزي", "الوزير"),
    ("אמר השר היום", "ש", "השר"),
    ("Tae-yul said 3,000 died", ",00", "3,000"),
    ("a naïve café", "ïv", "naïve"),
    ("the cafe\u0301 opened", "caf", "cafe\u0301"),
    ("Fans 🇺🇦 cheered", "🇺", "🇺🇦"),
    ("family 👩‍👩‍👧 photo", "👩‍👩", "👩‍👩‍👧"),
    ("𝔘nicode text", "nic", "𝔘nicode"),
])
def test_snapping_works_in_every_script(
        reader: ArticleReader, text: str, part: str, word: str) -> None:
    reader.show_article(article(text))
    start = text.index(part)
    select(reader, text, start, start + len(part))
    first, last = reader.selected_range() or (0, 0)
    assert text[first:last] == word


def test_an_exact_selection_never_splits_a_character(reader: ArticleReader) -> None:
    text = "x 👩‍👩‍👧 y 🇺🇦 z 𝔘"
    reader.show_article(article(text))
    offsets = OffsetMap(text)
    family, flag = text.index("👩"), text.index("🇺")
    select_qt(reader, offsets.to_qt(family) + 1, offsets.to_qt(family) + 3)  # mid-surrogates
    assert reader.selected_range(snap_to_words=False) == (family, family + 5)
    select_qt(reader, offsets.to_qt(flag) + 2, offsets.to_qt(flag) + 3)  # the second half
    assert reader.selected_range(snap_to_words=False) == (flag, flag + 2)
    select_qt(reader, offsets.qt_length - 1, offsets.qt_length)
    assert reader.selected_range(snap_to_words=False) == (len(text) - 1, len(text))


TOKENS = ["Kyiv", "naïve", "cafe\u0301", "Київ", "서울에서", "مرحبا", "שלום", "🇺🇦", "👩‍👩‍👧",
          "𝔘nicode", "3,000", "Tae-yul", " ", " ", " ", ", ", ".", "\n", "(", ")"]
MARKS = ("Mn", "Me")


def regional(c: str) -> bool:
    return "\U0001f1e6" <= c <= "\U0001f1ff"


def splits_a_cluster(text: str, index: int) -> bool:
    """Whether `index` falls inside what a reader sees as one character."""
    if index in (0, len(text)) or text[index - 1] == "\n":
        return False
    if unicodedata.category(text[index]) in MARKS or "\u200d" in text[index - 1:index + 1]:
        return True
    if regional(text[index - 1]) and regional(text[index]):
        run = len(text[:index]) - len(text[:index].rstrip("".join(map(chr, range(
            0x1F1E6, 0x1F200)))))
        return run % 2 == 1
    return False


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25), st.data())
def test_any_selection_comes_back_as_exactly_its_python_range(
        reader: ArticleReader, tokens: list[str], data: st.DataObject) -> None:
    text = "".join(tokens)
    reader.show_article(article(text))
    offsets = OffsetMap(text)
    anchor = data.draw(st.integers(0, offsets.qt_length))
    position = data.draw(st.integers(0, offsets.qt_length))
    low, high = min(anchor, position), max(anchor, position)
    for snap in (True, False):
        select_qt(reader, anchor, position)
        found = reader.selected_range(snap_to_words=snap)
        if low == high:
            assert found is None
            continue
        assert found is not None
        start, end = found
        assert 0 <= start < end <= len(text)
        assert offsets.to_qt(start) <= low and offsets.to_qt(end) >= high  # only ever widens
        select(reader, text, start, end)
        assert reader.text.textCursor().selectedText().replace("\u2029", "\n") == text[start:end]
        assert not splits_a_cluster(text, start) and not splits_a_cluster(text, end)
        first, last = offsets.from_qt(low), offsets.from_qt(high)
        last += offsets.to_qt(last) < high
        assert not any(c.isspace() for c in text[start:first] + text[last:end])
        if snap:  # a word is never cut
            for edge in (start, end):
                assert not (0 < edge < len(text) and text[edge - 1].isalnum()
                            and text[edge].isalnum())


def test_releasing_the_mouse_snaps_the_visible_selection_unless_alt_is_held(
        reader: ArticleReader, qtbot: QtBot) -> None:
    reader.show_article(article(SENTENCE))
    viewport = reader.text.viewport()
    ready, accept = SENTENCE.index("ready"), SENTENCE.index("accept")
    for modifier, chosen in ((Qt.KeyboardModifier.AltModifier, "ady to acc"),
                             (Qt.KeyboardModifier.NoModifier, "ready to accept")):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(reader, SENTENCE, 0))
        with qtbot.waitSignal(reader.selectionChanged):
            qtbot.mousePress(viewport, Qt.MouseButton.LeftButton,
                             pos=point_of(reader, SENTENCE, ready + 2))
            qtbot.mouseMove(viewport, point_of(reader, SENTENCE, accept + 3))
            qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier,
                               point_of(reader, SENTENCE, accept + 3))
        first, last = reader.selected_range() or (0, 0)
        assert SENTENCE[first:last] == chosen
        assert reader.text.textCursor().selectedText() == chosen


def test_a_click_on_a_span_names_the_topmost_one(reader: ArticleReader, qtbot: QtBot) -> None:
    reader.show_article(article(SENTENCE))
    korea, reuters = SENTENCE.index("Korea"), SENTENCE.index("Reuters")
    reader.set_spans([
        HighlightSpan(0, 11, "entity:place", 7),
        HighlightSpan(reuters, reuters + 7, "entity:organisation", 8),
        HighlightSpan(0, 35, "claim", 9),
        HighlightSpan(0, 55, "candidate", 10),
    ])
    viewport = reader.text.viewport()
    with qtbot.waitSignal(reader.spanClicked) as clicked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=point_of(reader, SENTENCE, reuters + 2))
    assert clicked.args == ["entity:organisation", 8]
    with qtbot.waitSignal(reader.spanClicked) as clicked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=point_of(reader, SENTENCE, korea + 1))
    assert clicked.args == ["claim", 9]
    reader.set_layer_visible("claim", False)
    with qtbot.waitSignal(reader.spanClicked) as clicked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=point_of(reader, SENTENCE, korea + 1))
    assert clicked.args == ["candidate", 10]
    reader.set_layer_visible("candidate", False)
    with qtbot.waitSignal(reader.spanClicked) as clicked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=point_of(reader, SENTENCE, korea + 1))
    assert clicked.args == ["entity:place", 7]
    end = point_of(reader, SENTENCE, len(SENTENCE) - 1)
    with qtbot.assertNotEmitted(reader.spanClicked):  # beside the text, and on plain words
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(
            viewport.width() - 2, end.y()))
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=point_of(reader, SENTENCE, SENTENCE.index("ready")))


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen tooltips
def test_hovering_a_date_shows_what_it_resolves_to(reader: ArticleReader, qtbot: QtBot) -> None:
    text = "🇺🇦 As of early February, troops had lost about 4,000 soldiers."
    reader.show_article(article(text))
    start = text.index("early February")
    tip = timex_tooltip("2025-02", "START", "2025-02-01", "2025-02-10")
    reader.set_spans([HighlightSpan(start, start + 14, "timex", 3, tip)])
    point = point_of(reader, text, start + 3)
    assert reader.tooltip_at(point) == "2025-02 (start) · 1–10 February 2025"
    assert reader.tooltip_at(point_of(reader, text, text.index("troops"))) == ""
    viewport = reader.text.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    reader.text.viewportEvent(event)
    qtbot.waitUntil(lambda: QToolTip.text() == tip)
    QToolTip.hideText()


def test_context_actions_come_first_in_the_menu(reader: ArticleReader) -> None:
    reader.show_article(article(SENTENCE))
    mark = QAction("Mark as claim", reader)
    reader.add_context_action(mark)
    menu = reader.build_context_menu()
    actions = menu.actions()
    assert actions[0] is mark and actions[1].isSeparator()
    assert any("Copy" in a.text() for a in actions[2:])
    assert any("Select All" in a.text() for a in actions[2:])
    menu.deleteLater()


def test_spans_follow_their_article(reader: ArticleReader, qtbot: QtBot) -> None:
    reader.show_article(article(SENTENCE))
    with qtbot.waitSignal(reader.layersChanged):
        reader.set_spans([HighlightSpan(0, 5, "claim", 1), HighlightSpan(6, 11, "candidate", 2)])
    assert [s.key for s in reader.spans_at(2)] == [1]
    reader.show_article(article(SENTENCE, "Renamed"))  # the same text: the spans stay
    assert [s.key for s in reader.spans_at(2)] == [1]
    reader.update_spans("candidate", [])
    assert reader.spans_at(7) == []
    reader.set_selected_claim(1)
    assert reader.highlighter.selected_claim == 1
    reader.show_article(article("Another text entirely.", article_id=2))
    assert reader.spans_at(2) == [] and reader.highlighter.selected_claim is None


def test_paragraphs_scrolled_into_view_are_painted_before_they_show(
        reader: ArticleReader) -> None:
    paragraphs = [f"{n}. Kyiv reported losses on Monday." for n in range(600)]
    text = "\n".join(paragraphs)
    reader.show_article(article(text))
    reader.set_spans([HighlightSpan(i, i + 4, "entity:place", i) for i in range(len(text))
                      if text.startswith("Kyiv", i)])
    assert reader.highlighter.pending
    bar = reader.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    reader.text.viewport().repaint()
    document = reader.text.document()
    for block in reader.text.blocks_on_screen():
        assert document.findBlockByNumber(block).layout().formats(), block
