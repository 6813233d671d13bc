"""The highlighter paints exactly the characters of each span, in the right combined look."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Collection

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument, QTextFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.highlight_layers import (
    LAYER_NAMES,
    LAYERS,
    HighlightSpan,
    LayerStyle,
    entity_layer,
    timex_tooltip,
)
from desktop.span_highlighter import (
    CANDIDATE_TINT,
    CLAIM_TINTS,
    SELECTED_TINT,
    SpanHighlighter,
    mix,
)
from desktop.text_offsets import OffsetMap

WHITE = QColor("white")
COLOUR = {lay.name: QColor(lay.colour) for lay in LAYERS}
Look = tuple[str | None, str | None]  # background, underline colour (names)
EMOJI_TEXT = (
    "Fans 🎉🇺🇦 in 서울 cheered 𝔘 today.\n"
    "Then Cho Tae-yul 👩‍👩‍👧 spoke in Київ on Monday, (مرحبا) naïve.\n"
    "\n"
    "𝔘𝔘 A last line about 3,000 troops."
)


class CountingHighlighter(SpanHighlighter):
    """Records the paragraphs Qt asks it to paint."""

    def __init__(self, document: QTextDocument) -> None:
        self.painted: list[int] = []
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        self.painted.append(self.currentBlock().blockNumber())
        super().highlightBlock(text)


def loaded(text: str, spans: list[HighlightSpan], kind: type[SpanHighlighter] = SpanHighlighter,
           ) -> tuple[QTextDocument, SpanHighlighter]:
    document = QTextDocument()
    highlighter = kind(document)
    with highlighter.replacing_text(text):
        document.setPlainText(text)
    highlighter.set_spans(spans)
    highlighter.flush()
    return document, highlighter


def span(text: str, word: str, layer: str, key: int = 0, nth: int = 0) -> HighlightSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return HighlightSpan(start, start + len(word), layer, key)


def look(fmt: QTextCharFormat) -> Look:
    background = (fmt.background().color().name()
                  if fmt.hasProperty(QTextFormat.Property.BackgroundBrush) else None)
    underline = (
        fmt.underlineColor().name()
        if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline else None
    )
    return background, underline


def painted(document: QTextDocument, text: str) -> dict[int, Look]:
    """What each character (Python offset) looks like, read back from the block layouts."""
    offsets = OffsetMap(text)
    found: dict[int, Look] = {}
    block = document.begin()
    while block.isValid():
        for fmt in block.layout().formats():
            first = block.position() + fmt.start
            for position in range(first, first + fmt.length):
                index = offsets.from_qt(position)
                assert found.get(index, look(fmt.format)) == look(fmt.format), "split character"
                found[index] = look(fmt.format)
        block = block.next()
    return found


def expected(text: str, spans: list[HighlightSpan], hidden: Collection[str] = (),
             selected: int | None = None) -> dict[int, Look]:
    """The same, worked out character by character from the spans (the reference)."""
    covering: list[list[HighlightSpan]] = [[] for _ in text]
    for s in spans:
        if s.layer not in hidden:
            for i in range(max(s.start, 0), min(s.end, len(text))):
                covering[i].append(s)
    result: dict[int, Look] = {}
    for i, here in enumerate(covering):
        if not here or text[i] == "\n":
            continue
        claims = [s for s in here if s.layer == "claim"]
        background = None
        if claims:
            strength = (SELECTED_TINT if any(s.key == selected for s in claims)
                        else CLAIM_TINTS[min(len(claims), 3) - 1])
            background = mix(WHITE, COLOUR["claim"], strength).name()
        elif any(s.layer == "candidate" for s in here):
            background = mix(WHITE, COLOUR["candidate"], CANDIDATE_TINT).name()
        layers = {s.layer for s in here}
        underline = next((lay.colour for lay in LAYERS if lay.name in layers and lay.style in (
            LayerStyle.UNDERLINE, LayerStyle.WAVE)), None)
        if background or underline:
            result[i] = (background, underline)
    return result


def test_formats_cover_exactly_each_span_after_astral_characters(qapp: QApplication) -> None:
    text = EMOJI_TEXT
    spans = [
        span(text, "Cho Tae-yul", "entity:person", 1),
        span(text, "Київ", "entity:place", 2),
        span(text, "서울", "entity:place", 3),
        span(text, "Monday", "timex", 4),
        span(text, "3,000 troops", "entity:number", 5),
        span(text, "مرحبا", "entity:other", 6),
    ]
    document, _ = loaded(text, spans)
    found = painted(document, text)
    for s in spans:
        chars = {i for i, (_, underline) in found.items() if underline == COLOUR[s.layer].name()}
        word = [i for i in chars if s.start <= i < s.end]
        assert sorted(word) == list(range(s.start, s.end)), text[s.start:s.end]
    assert found == expected(text, spans)
    assert "".join(text[i] for i in sorted(found) if found[i][1] == COLOUR["timex"].name()) == (
        "Monday")


def test_overlapping_spans_combine_into_one_look(qapp: QApplication) -> None:
    text = "Kyiv reported that more than 3,000 North Korean soldiers had been killed."
    spans = [
        HighlightSpan(0, 50, "claim", 1),
        span(text, "more than 3,000 North Korean soldiers had been", "claim", 2),
        span(text, "3,000", "entity:number", 3),
        span(text, "North Korean", "entity:group", 4),
        HighlightSpan(0, len(text), "candidate", 5),
    ]
    document, highlighter = loaded(text, spans)
    found = painted(document, text)
    assert found == expected(text, spans)
    two = mix(WHITE, COLOUR["claim"], CLAIM_TINTS[1]).name()
    assert found[text.index("3,000")] == (two, COLOUR["entity:number"].name())
    assert found[0][0] == mix(WHITE, COLOUR["claim"], CLAIM_TINTS[0]).name()
    assert found[len(text) - 1][0] == mix(WHITE, COLOUR["candidate"], CANDIDATE_TINT).name()

    highlighter.set_selected_claim(2)
    assert painted(document, text) == expected(text, spans, selected=2)
    assert painted(document, text)[text.index("soldiers")][0] == mix(
        WHITE, COLOUR["claim"], SELECTED_TINT).name()


def test_hiding_a_layer_removes_its_formats_and_showing_brings_them_back(
        qapp: QApplication) -> None:
    text = EMOJI_TEXT
    spans = [span(text, "Cho Tae-yul", "entity:person"), span(text, "Київ", "entity:place"),
             span(text, "Monday", "timex"), span(text, "Then Cho Tae-yul 👩‍👩‍👧 spoke", "claim"),
             span(text, "Fans 🎉🇺🇦 in 서울", "candidate")]
    document, highlighter = loaded(text, spans)
    entities = {"entity:person", "entity:place"}
    highlighter.set_layer_visible("entity", False)
    highlighter.flush()
    assert not highlighter.layer_visible("entity") and highlighter.layer_visible("timex")
    assert painted(document, text) == expected(text, spans, hidden=entities)
    highlighter.set_layer_visible("claim", False)
    highlighter.set_layer_visible("candidate", False)
    assert painted(document, text) == expected(text, spans, hidden=entities | {
        "claim", "candidate"})
    for name in ("entity", "claim", "candidate"):
        highlighter.set_layer_visible(name, True)
    highlighter.flush()
    assert painted(document, text) == expected(text, spans)


def test_update_spans_repaints_only_the_paragraphs_that_change(qapp: QApplication) -> None:
    paragraphs = [f"Paragraph {n} says Kyiv counted {n * 7} losses on Monday." for n in range(60)]
    text = "\n".join(paragraphs)
    starts = [sum(len(p) + 1 for p in paragraphs[:n]) for n in range(60)]
    spans = [HighlightSpan(s, s + len(p), "candidate", n) for n, (s, p) in enumerate(
        zip(starts, paragraphs, strict=True))]
    spans += [HighlightSpan(s + 20, s + 24, "entity:place", 100 + n) for n, s in enumerate(starts)]
    spans += [HighlightSpan(starts[30] + 10, starts[31] + 5, "claim", 500)]
    document, highlighter = loaded(text, spans, CountingHighlighter)
    assert isinstance(highlighter, CountingHighlighter)
    candidates = [s for s in spans if s.layer == "candidate"]

    highlighter.painted.clear()
    accepted = [s for s in candidates if s.key != 10]
    changed = highlighter.update_spans("candidate", accepted)
    assert changed == {10} and highlighter.painted == [10]

    highlighter.painted.clear()
    moved = [*accepted, HighlightSpan(starts[40], starts[40] + 9, "candidate", 77)]
    assert highlighter.update_spans("candidate", moved) == {40}
    assert highlighter.painted == [40]

    highlighter.painted.clear()
    assert highlighter.update_spans("candidate", moved) == set()
    highlighter.set_selected_claim(500)
    assert sorted(highlighter.painted) == [30, 31]
    highlighter.set_layer_visible("claim", False)
    highlighter.painted.clear()
    highlighter.update_spans("claim", [])
    assert highlighter.painted == []
    assert painted(document, text) == expected(text, moved + spans[60:120], hidden={"claim"})


def test_twenty_thousand_spans_paint_as_the_reference_says(qapp: QApplication) -> None:
    rng = random.Random(7)
    words = ["Kyiv", "said", "3,000", "troops", "🇺🇦", "𝔘nicode", "Київ", "서울", "on", "Monday"]
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
                  for _ in range(1500)]
    text = "\n".join(paragraphs)
    spans = []
    for key in range(20_000):
        layer = rng.choice(LAYER_NAMES)
        start = rng.randrange(len(text))
        length = rng.choices((rng.randint(1, 12), rng.randint(1, 60), rng.randint(200, 900)),
                             weights=(70, 27, 3))[0]
        spans.append(HighlightSpan(start, min(start + length, len(text)), layer, key))
    spans += [HighlightSpan(5, 5, "claim", -1), HighlightSpan(len(text) - 3, len(text) + 50,
                                                              "timex", -2)]
    document, highlighter = loaded(text, spans)
    highlighter.set_selected_claim(next(s.key for s in spans if s.layer == "claim"))
    assert painted(document, text) == expected(text, spans, selected=highlighter.selected_claim)
    assert len(highlighter.spans("entity")) == sum(s.layer.startswith("entity") for s in spans)


TOKENS = ["Kyiv", "naïve", "cafe\u0301", "Київ", "서울", "مرحبا", "שלום", "🇺🇦", "👩‍👩‍👧", "𝔘",
          "3,000", " ", " ", "\n", ", ", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30), st.data())
def test_any_spans_on_any_text_paint_as_the_reference_says(
        qapp: QApplication, tokens: list[str], data: st.DataObject) -> None:
    text = "".join(tokens)
    position = st.integers(0, len(text))
    spans = [
        HighlightSpan(a, b, data.draw(st.sampled_from(LAYER_NAMES)), k)
        for k, (a, b) in enumerate(sorted(pair) for pair in data.draw(
            st.lists(st.tuples(position, position), max_size=8)))
    ]
    document, _ = loaded(text, spans)
    assert painted(document, text) == expected(text, spans)


def test_lazy_highlighting_paints_the_visible_paragraphs_first(qtbot: QtBot) -> None:
    text = "\n".join(f"Line {n} about Kyiv." for n in range(400))
    spans = [span(text, "Kyiv", "entity:place", n, nth=n) for n in range(400)]
    document = QTextDocument()
    highlighter = SpanHighlighter(document)
    highlighter.visible_blocks = lambda: range(3)
    with highlighter.replacing_text(text):
        document.setPlainText(text)
    highlighter.set_spans(spans)
    assert highlighter.pending
    assert document.findBlockByNumber(2).layout().formats()
    assert not document.findBlockByNumber(300).layout().formats()
    highlighter.highlight_now([300])
    assert document.findBlockByNumber(300).layout().formats()
    with qtbot.waitSignal(highlighter.settled, timeout=5000):
        pass
    assert not highlighter.pending
    assert painted(document, text) == expected(text, spans)


def test_spans_at_lists_the_topmost_first_and_skips_hidden_layers(qapp: QApplication) -> None:
    text = "Cho Tae-yul said on Monday that Seoul was ready."
    spans = [HighlightSpan(0, 48, "candidate", 1), HighlightSpan(0, 26, "claim", 2),
             HighlightSpan(0, 11, "claim", 3), HighlightSpan(0, 3, "entity:person", 4),
             HighlightSpan(0, 11, "entity:person", 5), HighlightSpan(0, 3, "timex", 6)]
    _, highlighter = loaded(text, spans)
    assert [s.key for s in highlighter.spans_at(1)] == [3, 2, 1, 6, 4, 5]
    highlighter.set_layer_visible("claim", False)
    assert [s.key for s in highlighter.spans_at(1)] == [1, 6, 4, 5]
    assert highlighter.spans_at(47) == [spans[0]]


def test_a_new_colour_repaints_its_layer(qapp: QApplication) -> None:
    text = "Cho Tae-yul met Kyiv officials."
    spans = [span(text, "Cho Tae-yul", "entity:person"), span(text, "Cho Tae-yul met", "claim")]
    document, highlighter = loaded(text, spans)
    highlighter.set_colour("entity:person", QColor("#123456"))
    highlighter.set_colour("claim", QColor("#ff0000"))
    assert highlighter.colour("entity:person").name() == "#123456"
    found = painted(document, text)
    assert found[0] == (mix(WHITE, QColor("#ff0000"), CLAIM_TINTS[0]).name(), "#123456")
    assert highlighter.swatch_colour("claim") == mix(WHITE, QColor("#ff0000"), CLAIM_TINTS[0])


def test_layers_and_their_names() -> None:
    assert entity_layer("PERSON") == "entity:person"
    assert {entity_layer(x) for x in ("GPE", "LOC", "FAC")} == {"entity:place"}
    assert entity_layer("NORP") == "entity:group"
    assert {entity_layer(x) for x in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")} == {
        "entity:number"}
    assert entity_layer("WORK_OF_ART") == entity_layer("DATE") == "entity:other"
    assert all(entity_layer(x) in LAYER_NAMES for x in ("ORG", "LAW", "whatever"))
    assert timex_tooltip("2025-02", "START", "2025-02-01", "2025-02-10") == (
        "2025-02 (start) · 1–10 February 2025")
    assert timex_tooltip("2025-03-17", None, "2025-03-17", "2025-03-17") == (
        "2025-03-17 · 17 March 2025")
    assert timex_tooltip("PAST_REF") == "PAST_REF"


def test_unknown_layers_are_refused(qapp: QApplication) -> None:
    _, highlighter = loaded("Some text.", [])
    with pytest.raises(ValueError, match="no reader layer"):
        highlighter.set_spans([HighlightSpan(0, 4, "entity:planet", 1)])
    with pytest.raises(ValueError, match="cannot replace"):
        highlighter.update_spans("claim", [HighlightSpan(0, 4, "candidate", 1)])
    with pytest.raises(ValueError):
        highlighter.set_layer_visible("nothing", False)


def test_offsets_agree_with_offset_map_on_astral_text(qapp: QApplication) -> None:
    text = EMOJI_TEXT
    spans = [HighlightSpan(i, i + 1, "entity:other", i) for i in range(len(text))
             if not unicodedata.category(text[i]).startswith("Z") and text[i] != "\n"]
    document, _ = loaded(text, spans)
    assert sorted(painted(document, text)) == [s.start for s in spans]


def test_qt_own_passes_paint_the_same(qapp: QApplication) -> None:
    text = EMOJI_TEXT
    spans = [span(text, "Cho Tae-yul", "entity:person"), span(text, "spoke in Київ", "claim"),
             span(text, "Fans", "candidate")]
    document = QTextDocument()
    document.documentLayout()  # as in a text view: only then does Qt report text changes
    highlighter = SpanHighlighter(document)
    highlighter.set_text(text)
    highlighter.set_spans(spans)
    document.setPlainText(text)  # without `replacing_text`: Qt highlights every block itself
    assert painted(document, text) == expected(text, spans)
    highlighter.rehighlight()
    assert painted(document, text) == expected(text, spans)


def test_strong_tints_on_a_dark_theme_take_dark_text(qapp: QApplication) -> None:
    text = "Seoul is ready to accept them."
    document, highlighter = loaded(text, [HighlightSpan(0, 5, "claim", 1)])
    highlighter.set_base_colour(QColor("#1e1f22"))
    assert highlighter.swatch_colour("claim") == mix(QColor("#1e1f22"), COLOUR["claim"],
                                                     CLAIM_TINTS[0])
    ranges = document.firstBlock().layout().formats()
    assert not ranges[0].format.hasProperty(QTextFormat.Property.ForegroundBrush)
    highlighter.set_selected_claim(1)
    ranges = document.firstBlock().layout().formats()
    assert ranges[0].format.foreground().color().lightnessF() < 0.2


def test_without_qt_private_slot_the_public_way_paints_the_same(qapp: QApplication) -> None:
    text = EMOJI_TEXT
    spans = [span(text, "Cho Tae-yul", "entity:person"), span(text, "spoke in Київ", "claim"),
             span(text, "Fans", "candidate"), span(text, "troops", "timex")]
    document = QTextDocument()
    highlighter = SpanHighlighter(document)
    highlighter._has_reformat = False  # as if a future Qt dropped the slot
    with highlighter.replacing_text(text):
        document.setPlainText(text)
    highlighter.set_spans(spans)
    highlighter.set_selected_claim(0)
    assert painted(document, text) == expected(text, spans, selected=0)
