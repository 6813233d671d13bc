"""Paints the reader's annotation layers as a syntax highlighter over its document.

Why a highlighter: its formats live in each paragraph's layout, not in the
document, so thousands of spans cost a few `setFormat` calls per paragraph
(`mergeCharFormat` per span is twenty times slower; extra selections slow
every repaint).

Why lazily: highlighting a 50,000-word article at once takes longer than
showing it. So `set_spans` only sorts the spans (`SpanIndex`), and the spans
touching a paragraph are found by bisection when it is painted. Changed
paragraphs are marked pending: those on screen are highlighted at once, the
rest in slices of a few milliseconds from the event loop, and the view asks for
any pending paragraph it is about to paint (`highlight_now`).

A paragraph's spans are cut into non-overlapping segments, each with a
signature (the visible layers covering it, how many claims overlap, whether the
selected claim is among them); a signature's format is built once and cached.

Spans arrive in Python offsets and become Qt positions paragraph by paragraph
(`in_utf16`): `OffsetMap`'s rule, without its per-character scan of the whole
text (~11 ms on such an article); the tests hold the two equal.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import chain

from PySide6.QtCore import Q_ARG, SIGNAL, SLOT, QMetaObject, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.highlight_layers import (
    CANDIDATE,
    CLAIM,
    COUNT_SHIFT,
    LAYER_INDEX,
    LAYERS,
    SELECTED,
    HighlightSpan,
    LayerStyle,
    Segment,
    SpanIndex,
    astral_positions,
    in_utf16,
    matching_layers,
    paragraph_of,
    paragraph_starts,
    paragraphs_touched,
    segments,
)

# Background strength of claims, by how many overlap (1, 2, 3 or more), and of the
# selected claim, mixed into the base colour; candidates get a lighter wash.
CLAIM_TINTS = (0.34, 0.52, 0.68)
SELECTED_TINT = 0.88
CANDIDATE_TINT = 0.2
DARK_INK = QColor("#1d1d1f")  # text on a strong tint when the theme's own text is light
SYNC_LIMIT = 48  # more changed paragraphs than this are highlighted lazily
SLICE_SECONDS = 0.008  # one slice of background highlighting
RUN_GAP = 3  # paragraphs this close are highlighted in one pass
_UNDERLINES = {
    LayerStyle.UNDERLINE: QTextCharFormat.UnderlineStyle.SingleUnderline,
    LayerStyle.WAVE: QTextCharFormat.UnderlineStyle.WaveUnderline,
}
_CLAIM, _CANDIDATE = LAYER_INDEX[CLAIM], LAYER_INDEX[CANDIDATE]
# Sentence-long and word-long spans are indexed apart: each index bisects with its own reach.
_GROUP = [0 if i in (_CLAIM, _CANDIDATE) else 1 for i in range(len(LAYERS))]
_CONTENTS_CHANGE = SIGNAL("contentsChange(int,int,int)")
# QSyntaxHighlighter's own slot for text changes: it highlights a range of paragraphs in
# one pass. Private, but there since Qt 4; without it, the slower public way is taken.
_REFORMAT_SIGNATURE = "_q_reformatBlocks(int,int,int)"
_REFORMAT = SLOT(_REFORMAT_SIGNATURE)


def mix(base: QColor, colour: QColor, strength: float) -> QColor:
    """`colour` laid over `base` at `strength` (0..1), as an opaque colour."""
    return QColor.fromRgbF(*(
        b + (c - b) * strength for b, c in zip(
            (base.redF(), base.greenF(), base.blueF()),
            (colour.redF(), colour.greenF(), colour.blueF()), strict=True)))


class SpanHighlighter(QSyntaxHighlighter):
    """Highlights `HighlightSpan`s of every layer in one document (offsets in Python units).

    `settled` is emitted when background highlighting has caught up; `flush()`
    does the rest at once. `visible_blocks`, set by a view, names the paragraphs
    on screen, which are highlighted before the others.
    """

    settled = Signal()

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._visible = [True] * len(LAYERS)
        self._colours = [QColor(lay.colour) for lay in LAYERS]
        self._base = QColor("white")
        self._formats: dict[int, QTextCharFormat | None] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._work)
        self._prepared: dict[int, list[Segment]] = {}  # segments of paragraphs about to be painted
        self.visible_blocks: Callable[[], Iterable[int]] | None = None
        self._has_reformat = self.metaObject().indexOfSlot(_REFORMAT_SIGNATURE) >= 0
        self.set_text("")

    # ------------------------------------------------------------ the text
    def set_text(self, text: str) -> None:
        """Start over on a new text (it must be the document's next text); drops all spans."""
        self._timer.stop()
        self._length = len(text)
        self._block_starts = paragraph_starts(text)
        self._astral = astral_positions(text)
        self._block_of = partial(paragraph_of, self._block_starts)
        self._spans: list[list[HighlightSpan]] = [[] for _ in LAYERS]
        self._groups: list[SpanIndex | None] = [None, None]
        self._indexed = True  # whether `_groups` index every span
        self._pending: set[int] = set()
        self._unsettled = False
        self._formatted: set[int] = set()
        self._selected: int | None = None

    @contextmanager
    def replacing_text(self, text: str) -> Iterator[None]:
        """Around the document's `setPlainText(text)`: skip the pass Qt would make over it."""
        self.set_text(text)
        document = self.document()
        quiet = self._has_reformat and QObject.disconnect(
            document, _CONTENTS_CHANGE, self, _REFORMAT)
        try:
            yield
        finally:
            if quiet:
                QObject.connect(document, _CONTENTS_CHANGE, self, _REFORMAT)

    # ------------------------------------------------------------ spans
    def set_spans(self, spans: Iterable[HighlightSpan]) -> None:
        """Replace the spans of every layer."""
        by_name: dict[str, list[HighlightSpan]] = {}
        for span in spans:
            by_name.setdefault(span.layer, []).append(span)
        self._spans = [[] for _ in LAYERS]
        for name, layer_spans in by_name.items():
            self._spans[self._index(name)] = layer_spans
        blocks = set(range(len(self._block_starts)))
        visible = sorted(blocks.intersection(self.visible_blocks() if self.visible_blocks else ()))
        if visible:  # the first frame need not wait for the whole index: only its spans
            low, high = self._block_starts[visible[0]], self._block_end(visible[-1])
            self._groups = [self._build_group(g, lambda s: s.start < high and s.end > low)
                            for g in (0, 1)]
            self._indexed = True
            self._highlight(visible)
        self._indexed = False  # built when next needed
        self._invalidate(blocks.difference(visible))

    def update_spans(self, name: str, spans: Iterable[HighlightSpan]) -> set[int]:
        """Replace the spans of one layer (or all under a prefix); returns the blocks changed."""
        by_layer: dict[int, list[HighlightSpan]] = {
            LAYER_INDEX[lay.name]: [] for lay in matching_layers(name)}
        for span in spans:
            index = self._index(span.layer)
            if index not in by_layer:
                raise ValueError(f"a {span.layer!r} span cannot replace layer {name!r}")
            by_layer[index].append(span)
        changed: set[int] = set()
        for index, new in by_layer.items():
            if self._visible[index]:
                differing = set(self._spans[index]).symmetric_difference(new)
                changed.update(*map(self._blocks_of, differing))
            self._spans[index] = new
        self._index_all()
        for group in {_GROUP[i] for i in by_layer}:
            self._groups[group] = self._build_group(group)
        self._invalidate(changed)
        return changed

    def spans(self, name: str) -> list[HighlightSpan]:
        """The spans of a layer (or of every layer under a prefix)."""
        return [s for lay in matching_layers(name) for s in self._spans[LAYER_INDEX[lay.name]]]

    def spans_at(self, offset: int) -> list[HighlightSpan]:
        """The visible spans covering Python offset `offset`, topmost first."""
        block = self._block_of(offset)
        self._index_all()
        hits = [
            (LAYERS[i].rank, span.end - span.start, i, span)
            for group in self._groups if group is not None
            for span, i in group.touching(block, offset, offset + 1) if self._visible[i]
        ]
        hits.sort(key=lambda hit: hit[:3])
        return [hit[3] for hit in hits]

    def set_selected_claim(self, key: int | None) -> None:
        """Emphasise the claim `key` (None: no claim); repaints only its paragraphs."""
        if key == self._selected:
            return
        keys, self._selected = {self._selected, key}, key
        claims = self._spans[_CLAIM] if self._visible[_CLAIM] else []
        self._invalidate(set().union(*(self._blocks_of(s) for s in claims if s.key in keys)))

    @property
    def selected_claim(self) -> int | None:
        return self._selected

    # ------------------------------------------------------------ looks
    def set_layer_visible(self, name: str, visible: bool) -> None:
        """Show or hide a layer, or every layer under a prefix ("entity")."""
        indices = [LAYER_INDEX[lay.name] for lay in matching_layers(name)]
        indices = [i for i in indices if self._visible[i] != visible]
        for index in indices:
            self._visible[index] = visible
        self._restyle(indices)

    def layer_visible(self, name: str) -> bool:
        """Whether a layer is shown (for a prefix: whether any layer under it is)."""
        return any(self._visible[LAYER_INDEX[lay.name]] for lay in matching_layers(name))

    def set_colour(self, name: str, colour: QColor) -> None:
        index = self._index(name)
        if colour != self._colours[index]:
            self._colours[index] = QColor(colour)
            self._restyle([index])

    def colour(self, name: str) -> QColor:
        """The colour chosen for a layer."""
        return QColor(self._colours[self._index(name)])

    def swatch_colour(self, name: str) -> QColor:
        """The colour a layer shows: its tint for a background layer, else its colour."""
        index = self._index(name)
        style = LAYERS[index].style
        if style in (LayerStyle.TINT, LayerStyle.LIGHT_TINT):
            strength = CLAIM_TINTS[0] if style is LayerStyle.TINT else CANDIDATE_TINT
            return mix(self._base, self._colours[index], strength)
        return QColor(self._colours[index])

    def set_base_colour(self, colour: QColor) -> None:
        """The text's background, into which the tints are mixed (dark themes differ)."""
        if colour != self._base:
            self._base = QColor(colour)
            self._restyle([_CLAIM, _CANDIDATE])

    # ------------------------------------------------------------ pending work
    @property
    def pending(self) -> bool:
        """Whether some paragraphs still wait to be highlighted."""
        return bool(self._pending)

    def highlight_now(self, blocks: Iterable[int] | None = None) -> None:
        """Highlight at once the pending paragraphs among `blocks` (default: those on screen)."""
        if not self._pending:
            return
        if blocks is None:
            blocks = self.visible_blocks() if self.visible_blocks is not None else ()
        self._highlight(sorted(self._pending.intersection(blocks)))

    def flush(self) -> None:
        """Highlight every pending paragraph now."""
        self._highlight(sorted(self._pending))

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock().blockNumber()
        parts = self._prepared.pop(block) if block in self._prepared else self._segments_of(block)
        self._pending.discard(block)
        if not parts:
            self._formatted.discard(block)
            return
        self._formatted.add(block)
        formats = self._formats
        for start, length, signature in parts:
            if signature in formats:
                fmt = formats[signature]
            else:
                fmt = formats[signature] = self._build_format(signature)
            if fmt is not None:
                self.setFormat(start, length, fmt)

    # ------------------------------------------------------------ inside
    @staticmethod
    def _index(name: str) -> int:
        try:
            return LAYER_INDEX[name]
        except KeyError:
            raise ValueError(f"no reader layer is called {name!r}") from None

    def _build_group(self, group: int, keep: Callable[[HighlightSpan], bool] | None = None,
                     ) -> SpanIndex | None:
        spans = list(filter(keep, chain.from_iterable(
            self._spans[i] for i, g in enumerate(_GROUP) if g == group)))
        return SpanIndex(spans, self._block_of) if spans else None

    def _index_all(self) -> None:
        if not self._indexed:
            self._groups = [self._build_group(0), self._build_group(1)]
            self._indexed = True

    def _block_end(self, block: int) -> int:
        """The Python offset where paragraph `block` ends (before its line break)."""
        starts = self._block_starts
        return starts[block + 1] - 1 if block + 1 < len(starts) else self._length

    def _blocks_of(self, span: HighlightSpan) -> range:
        return range(self._block_of(span.start), self._block_of(max(span.start, span.end - 1)) + 1)

    def _invalidate(self, blocks: set[int]) -> None:
        if len(blocks) <= SYNC_LIMIT:
            self._highlight(sorted(blocks))
            return
        self._pending |= blocks
        self._unsettled = True
        self.highlight_now()
        if self._pending:
            self._timer.start(0)

    def _highlight(self, blocks: list[int], deadline: float | None = None) -> None:
        """Highlight `blocks` (ascending), until `deadline` if one is given."""
        document = self.document()
        run: dict[int, list[Segment]] = {}
        for block in blocks:
            self._pending.discard(block)
            parts = self._segments_of(block)
            if not parts and block not in self._formatted:
                continue  # nothing to paint nor to clear
            if run and block > max(run) + RUN_GAP:
                self._reformat(document, run)
                run = {}
            run[block] = parts
            if deadline is not None and time.perf_counter() > deadline:
                break
        if run:
            self._reformat(document, run)
        if self._pending and deadline is not None:
            self._timer.start(0)
        elif self._unsettled and not self._pending:
            self._unsettled = False
            self._timer.stop()
            self.settled.emit()

    def _reformat(self, document: QTextDocument, run: dict[int, list[Segment]]) -> None:
        """Have Qt highlight the paragraphs from the first to the last of `run` in one pass.

        `rehighlightBlock` lays its paragraph out before highlighting it (its
        cursor moves to the end of the block), which costs more than the
        highlighting; the slot Qt itself calls on a text change does not.
        """
        self._prepared = run
        first, last = document.findBlockByNumber(min(run)), document.findBlockByNumber(max(run))
        start, end = first.position(), last.position() + last.length() - 1
        if self._has_reformat:
            QMetaObject.invokeMethod(
                self, "_q_reformatBlocks", Qt.ConnectionType.DirectConnection,
                Q_ARG(int, start), Q_ARG(int, 0), Q_ARG(int, end - start))
        for block in list(self._prepared):  # what the slot did not do (if it is missing)
            self.rehighlightBlock(document.findBlockByNumber(block))
        self._prepared = {}

    def _work(self) -> None:
        """One slice of background highlighting."""
        self._highlight(sorted(self._pending), time.perf_counter() + SLICE_SECONDS)

    def _segments_of(self, block: int) -> list[Segment]:
        """The paragraph's spans cut into non-overlapping segments, with their signatures."""
        if block >= len(self._block_starts):
            return []
        if not self._indexed:
            self._index_all()
        base, end = self._block_starts[block], self._block_end(block)
        limit, selected, visible = end - base, self._selected, self._visible
        events: list[tuple[int, int, int]] = []
        for group in self._groups:
            if group is None:
                continue
            for span, index in group.touching(block, base, end):
                if not visible[index]:
                    continue
                first, last = max(span.start - base, 0), min(span.end - base, limit)
                events += ((first, 1, index), (last, -1, index))
                if index == _CLAIM and span.key == selected:
                    events += ((first, 1, SELECTED), (last, -1, SELECTED))
        return in_utf16(segments(events), self._astral, base, end)

    def _build_format(self, signature: int) -> QTextCharFormat | None:
        claims, colours = signature >> COUNT_SHIFT, self._colours
        fmt = QTextCharFormat()
        used = False
        if claims:
            strength = SELECTED_TINT if signature & 1 << SELECTED else CLAIM_TINTS[claims - 1]
            background = mix(self._base, colours[_CLAIM], strength)
            fmt.setBackground(background)
            if self._base.lightnessF() < 0.5 < background.lightnessF():  # light on a dark theme
                fmt.setForeground(DARK_INK)
            used = True
        elif signature & 1 << _CANDIDATE:
            fmt.setBackground(mix(self._base, colours[_CANDIDATE], CANDIDATE_TINT))
            used = True
        for index, lay in enumerate(LAYERS):
            underline = _UNDERLINES.get(lay.style)
            if underline is not None and signature & 1 << index:
                fmt.setUnderlineStyle(underline)
                fmt.setUnderlineColor(colours[index])
                used = True
                break
        return fmt if used else None

    def _restyle(self, indices: list[int]) -> None:
        """Repaint after layers `indices` changed their looks or were shown or hidden."""
        if not indices:
            return
        self._formats = {}
        if sum(len(self._spans[i]) for i in indices) > len(self._block_starts):
            self._invalidate(set(range(len(self._block_starts))))  # about every paragraph
        else:
            self._invalidate(set().union(*(
                paragraphs_touched(self._spans[i], self._block_starts) for i in indices)))

