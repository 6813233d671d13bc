"""Two articles side by side, their aligned passages tied together between them.

Article A (say the original) reads on the left, B (its rewrite) on the right,
each in an `ArticleReader`, with a `CompareGutter` between them drawing a band
from every passage to its counterpart. Scrolling one reader scrolls the other
to the same place in the story (`ScrollSync`); clicking a passage in either
reader, or its band, selects the pair on both sides.

How the readers mark passages. The reader paints only its own layers
(`highlight_layers.LAYERS`) and refuses other names, so the comparison lends
itself four of them, recoloured in these two readers only, and leaves the rest
empty:

- "claim" (a tint that deepens where passages overlap): conflicting passages,
  in the conflict colour, the one thing that should catch the eye;
- "candidate" (a faint wash): what only one side has, dropped passages in A and
  added ones in B, each in its relation's colour;
- "entity:number" (a plain underline): partial matches, in amber;
- "timex" (a wavy underline): the words that differ ("3,000" / "4,000").

Same and reworded passages stay unmarked in the text: the gutter's bands say
it, and a page that is mostly "reworded" reads best plain. The selected pair is
the readers' text selection, tinted with its relation's colour; rejected
alignments are not marked at all.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop.alignment_relations import (
    RELATION_COLOURS,
    RELATION_TITLES,
    Range,
    Sides,
    describe_differences,
    sides_of,
)
from desktop.compare_gutter import Band, BandGeometry, CompareGutter, QtRange
from desktop.compare_scroll_sync import ScrollSync
from desktop.highlight_layers import CANDIDATE, CLAIM, TIMEX, HighlightSpan
from desktop.object_names import named
from desktop.reader_view import ArticleReader
from desktop.span_highlighter import mix
from desktop.text_offsets import OffsetMap
from storage.records import AlignmentRecord, ArticleDetail

PARTIAL_LAYER = "entity:number"
SELECTION_STRENGTH = 0.42  # how much of the relation's colour the selected pair takes
_SIDE_NAMES = ("a", "b")


def legend_html() -> str:
    """One line naming the relation colours, as the gutter and the table use them."""
    chips = " ".join(
        f'<span style="color:{RELATION_COLOURS[name]}">■</span> {title.lower()}'
        for name, title in RELATION_TITLES.items())
    return f'<span style="color: palette(placeholder-text)">{chips}</span>'


def _side_header(label: str, article: ArticleDetail | None) -> str:
    if article is None:
        return f'<span style="color: palette(placeholder-text)">{label} · no article</span>'
    meta = article.metadata
    about = [label, meta.outlet or "Unknown outlet",
             f"{meta.published.day} {meta.published:%B %Y}" if meta.published else "date unknown"]
    line = html.escape(" · ".join(about))
    return (f'<span style="color: palette(placeholder-text)">{line}</span><br>'
            f"<b>{html.escape(meta.title or '(untitled)')}</b>")


class CompareView(QWidget):
    """Article A and article B side by side; emits `pairSelected(alignment id)` on a click."""

    pairSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.reader_a = named(ArticleReader(), "compareReaderA")
        self.reader_b = named(ArticleReader(), "compareReaderB")
        self.readers = (self.reader_a, self.reader_b)
        self.gutter = CompareGutter(self.reader_a.text, self.reader_b.text)
        self.gutter.bandClicked.connect(lambda key: self._on_pick(key, "a"))
        self.sync = ScrollSync(self.reader_a.text, self.reader_b.text, self)
        self.sync_toggle = named(QCheckBox("Sync scrolling"), "compareSync")
        self.sync_toggle.setToolTip("Scrolling one article scrolls the other to the same passage")
        self.sync_toggle.setChecked(True)
        self.sync_toggle.toggled.connect(self.set_sync_enabled)
        self.title_a = named(QLabel(), "compareTitleA")
        self.title_b = named(QLabel(), "compareTitleB")
        for reader, side, title in zip(self.readers, _SIDE_NAMES, (self.title_a, self.title_b),
                                       strict=True):
            suffix = side.upper()  # the reader's own names would clash with the main window's
            named(reader.text, f"compareText{suffix}")
            named(reader.title, f"compareReaderTitle{suffix}")
            named(reader.byline, f"compareReaderByline{suffix}")
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.RichText)
            reader.text.clicked.connect(lambda point, s=side: self._on_text_click(s, point))
            reader.set_layer_visible("entity", False)
            reader.set_layer_visible(PARTIAL_LAYER, True)
            reader.set_layer_colour(CLAIM, QColor(RELATION_COLOURS["conflicting"]))
            reader.set_layer_colour(PARTIAL_LAYER, QColor(RELATION_COLOURS["partial"]))
            reader.set_layer_colour(
                CANDIDATE, QColor(RELATION_COLOURS["dropped" if side == "a" else "added"]))
        for reader, left, right in ((self.reader_a, 8, 0), (self.reader_b, 0, 8)):
            reader_layout = reader.layout()
            assert reader_layout is not None
            reader_layout.setContentsMargins(left, 0, right, 0)

        self._articles: list[ArticleDetail | None] = [None, None]
        self._offsets = [OffsetMap(""), OffsetMap("")]
        self._records: dict[int, AlignmentRecord] = {}
        self._sides: dict[int, Sides] = {}
        self._selected: int | None = None

        self.legend = named(QLabel(legend_html()), "compareLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        # The bar above the articles; a window may put more in front (a summary, say).
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(20, 6, 20, 0)
        self.bar.addStretch(1)
        self.bar.addWidget(self.legend)
        self.bar.addSpacing(16)
        self.bar.addWidget(self.sync_toggle)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(0)
        layout.setVerticalSpacing(6)
        layout.addLayout(self.bar, 0, 0, 1, 3)
        layout.addWidget(self.title_a, 1, 0)
        layout.addWidget(self.title_b, 1, 2)
        self.title_a.setContentsMargins(20, 0, 8, 0)
        self.title_b.setContentsMargins(8, 0, 20, 0)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.reader_a, 1)
        body.addWidget(self.gutter)
        body.addWidget(self.reader_b, 1)
        layout.addLayout(body, 2, 0, 1, 3)
        layout.setRowStretch(2, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(2, 1)
        layout.setColumnMinimumWidth(1, self.gutter.width())
        self.set_articles(None, None)

    # ------------------------------------------------------------ content
    def set_articles(self, article_a: ArticleDetail | None,
                     article_b: ArticleDetail | None) -> None:
        """Show the two articles, without alignments (`set_alignments` brings them)."""
        self._articles = [article_a, article_b]
        for i, (reader, article) in enumerate(zip(self.readers, self._articles, strict=True)):
            reader.show_article(article)
            reader.title.hide()  # the comparison's own header names both articles
            reader.byline.hide()
            self._offsets[i] = OffsetMap(article.text if article else "")
        self.title_a.setText(_side_header("A", article_a))
        self.title_b.setText(_side_header("B", article_b))
        self.set_alignments(())

    def set_alignments(self, records: Sequence[AlignmentRecord],
                       claim_ranges: Mapping[int, Range] | None = None) -> None:
        """Mark `records` in both readers and the gutter; a selected pair still there stays."""
        ranges = claim_ranges or {}
        self._records = {r.id: r for r in records}
        self._sides = {r.id: sides_of(r, ranges) for r in records}
        for i, reader in enumerate(self.readers):
            reader.set_spans(self._spans(i))
        self.sync.set_pairs([
            (self._qt(0, s.a), self._qt(1, s.b)) for key, s in self._sides.items()
            if s.a and s.b and self._records[key].level == "sentence"
            and self._records[key].status != "rejected"])
        if self._selected not in self._records:
            self.clear_selection()
            return
        self._set_selection_colour(self._records[self._selected].relation)
        self._update_bands()

    @property
    def records(self) -> tuple[AlignmentRecord, ...]:
        return tuple(self._records.values())

    def sides(self, key: int) -> Sides | None:
        """Where alignment `key` sits in each text (Python offsets)."""
        return self._sides.get(key)

    def _qt(self, index: int, span: Range) -> QtRange:
        offsets = self._offsets[index]
        return offsets.to_qt(min(span[0], offsets.length)), offsets.to_qt(
            min(span[1], offsets.length))

    def _spans(self, index: int) -> list[HighlightSpan]:
        """The highlight spans of reader `index` (0: A, 1: B)."""
        article = self._articles[index]
        text = article.text if article else ""
        folded = text.lower() if len(text.lower()) == len(text) else None
        spans: list[HighlightSpan] = []
        for key, record in self._records.items():
            span = self._sides[key].a if index == 0 else self._sides[key].b
            if span is None or record.status == "rejected" or span[1] <= span[0]:
                continue
            tip = _tooltip(record)
            layer = {"conflicting": CLAIM, "partial": PARTIAL_LAYER, "added": CANDIDATE,
                     "dropped": CANDIDATE}.get(record.relation)
            if layer is not None:
                spans.append(HighlightSpan(span[0], span[1], layer, key, tip))
            for difference in record.differences:
                words = (difference.a if index == 0 else difference.b).strip()
                if not words or folded is None:
                    continue
                at = folded.find(words.lower(), span[0], span[1])
                if at >= 0:
                    spans.append(HighlightSpan(at, at + len(words), TIMEX, key, tip))
        return spans

    # ------------------------------------------------------------ selection
    @property
    def selected_pair(self) -> int | None:
        return self._selected

    def select_pair(self, key: int | None, leader: str = "a") -> None:
        """Select alignment `key` in both readers and bring both sides into view, level with
        each other; `leader` ("a" or "b") is the side that moves only if it must."""
        if key is None or key not in self._records:
            self.clear_selection()
            return
        self._selected = key
        sides = self._sides[key]
        self._set_selection_colour(self._records[key].relation)
        spans = (sides.a, sides.b)
        lead = 0 if leader == "a" else 1
        if spans[lead] is None:
            lead = 1 - lead
        lead_span, other_span = spans[lead], spans[1 - lead]
        if lead_span is not None:  # placed first: whether it was on screen decides
            self.sync.place(self.readers[lead].text, self._qt(lead, lead_span),
                            None if other_span is None else self._qt(1 - lead, other_span))
        with self.sync.paused():
            for reader, span in zip(self.readers, spans, strict=True):
                if span is None:
                    _clear_text_selection(reader)
                else:
                    reader.select_span(*span)
        self._update_bands()

    def clear_selection(self) -> None:
        self._selected = None
        for reader in self.readers:
            _clear_text_selection(reader)
        self._update_bands()

    def alignment_at(self, side: str, offset: int) -> int | None:
        """The alignment covering Python offset `offset` of side "a" or "b": a passage
        before a claim pair (claims sit inside passages), the shortest first."""
        found = [(record.level != "sentence", span[1] - span[0], key)
                 for key, record in self._records.items()
                 if (span := getattr(self._sides[key], side)) is not None
                 and span[0] <= offset < span[1]]
        return min(found)[2] if found else None

    def _on_text_click(self, side: str, point: QPoint) -> None:
        index = _SIDE_NAMES.index(side)
        reader = self.readers[index]
        position = reader.text.character_at(point)  # None beyond the end of a line
        if position is None:
            return
        key = self.alignment_at(side, self._offsets[index].from_qt(position))
        if key is not None:
            self._on_pick(key, side)

    def _on_pick(self, key: int, side: str) -> None:
        self.select_pair(key, leader=side)
        self.pairSelected.emit(key)

    def _set_selection_colour(self, relation: str) -> None:
        for reader in self.readers:
            palette = reader.text.palette()
            base = palette.color(QPalette.ColorRole.Base)
            tint = mix(base, QColor(RELATION_COLOURS.get(relation, "#999999")),
                       SELECTION_STRENGTH)
            text = palette.color(QPalette.ColorRole.Text)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                palette.setColor(group, QPalette.ColorRole.Highlight, tint)
                palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
            reader.text.setPalette(palette)

    # ------------------------------------------------------------ gutter and sync
    def _update_bands(self) -> None:
        bands = []
        for key, record in self._records.items():
            sides = self._sides[key]
            if record.level != "sentence" and key != self._selected:
                continue  # claim pairs are drawn only when selected
            bands.append(Band(key, record.relation, record.status,
                              None if sides.a is None else self._qt(0, sides.a),
                              None if sides.b is None else self._qt(1, sides.b),
                              _tooltip(record)))
        self.gutter.set_bands(bands)
        self.gutter.set_selected(self._selected)

    def band_geometry(self, key: int) -> BandGeometry | None:
        """Where the band of alignment `key` meets each reader, in gutter coordinates."""
        return self.gutter.geometry_of(key)

    @property
    def sync_enabled(self) -> bool:
        return self.sync.enabled

    def set_sync_enabled(self, enabled: bool) -> None:
        self.sync.enabled = enabled
        if self.sync_toggle.isChecked() != enabled:
            self.sync_toggle.setChecked(enabled)
        if enabled:
            self.sync.follow(self.reader_a.text)


def _clear_text_selection(reader: ArticleReader) -> None:
    cursor = reader.text.textCursor()
    if cursor.hasSelection():
        cursor.clearSelection()
        reader.text.setTextCursor(cursor)


def _tooltip(record: AlignmentRecord) -> str:
    lines = [RELATION_TITLES.get(record.relation, record.relation)
             + ("" if record.status == "proposed" else f" ({record.status})")]
    if record.differences:
        lines.append(describe_differences(record.differences))
    if record.reason:
        lines.append(record.reason)
    return "\n".join(lines)
