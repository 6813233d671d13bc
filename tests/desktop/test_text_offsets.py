"""Python offsets and Qt positions agree on every character, emoji included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.text_offsets import OffsetMap

MIXED = "Київ 🇺🇦 said 서울 (مرحبا) naïve 👩‍👩‍👧 𝔘nicode done."


def test_known_text_round_trips() -> None:
    offsets = OffsetMap(MIXED)
    assert offsets.qt_length == len(MIXED.encode("utf-16-le")) // 2
    for i in range(len(MIXED) + 1):
        assert offsets.from_qt(offsets.to_qt(i)) == i


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60), st.data())
def test_a_python_span_selects_exactly_its_characters(text: str, data: st.DataObject) -> None:
    # Qt turns some line separators into paragraph breaks; the reader only ever holds "\n".
    text = text.replace("\r", " ").replace("\u2028", " ").replace("\u2029", " ")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    offsets = OffsetMap(text)
    document = QTextDocument()
    document.setPlainText(text)
    cursor = QTextCursor(document)
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    selected = cursor.selectedText().replace("\u2029", "\n")
    assert selected == text[start:end]
    assert offsets.from_qt(cursor.selectionStart()) == start
    assert offsets.from_qt(cursor.selectionEnd()) == end


def test_a_position_inside_a_surrogate_pair_snaps_to_the_character_start() -> None:
    text = "a😀b"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [offsets.from_qt(q) for q in range(5)] == [0, 1, 1, 2, 3]
