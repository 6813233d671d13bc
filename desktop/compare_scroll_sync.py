"""Keeps two readers scrolled to the same place in the story, passage by passage.

A QPlainTextEdit scrolls by lines: its scroll bar's value is the number of the
first line it shows. So the sync works in lines. Each aligned pair gives two
knots, (first line in A, first line in B) and (line after its end in A, in B);
between the knots the map is linear, so a run of passages only one side has
(an added paragraph) is crossed at an even pace instead of in a jump.

The point kept in step is a reading line: the leader's top line, so that the
counterpart of the topmost passage shows at the top of the other side; over
the leader's last screenful it slides down to the bottom, so that when the
leader reaches its end the other side reaches its own (a rewrite's closing
paragraphs are not left out of view). A scroll the sync makes itself is not
followed back.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QPlainTextEdit

QtRange = tuple[int, int]


def lay_out(edit: QPlainTextEdit) -> None:
    """Lay out every paragraph of `edit` that is not yet.

    A QPlainTextEdit lays paragraphs out as they come into view, and counts one
    not laid out as a single line; line numbers (and scroll values) below it are
    only estimates until it is. Once laid out, a paragraph costs nothing here.
    """
    document = edit.document()
    layout = document.documentLayout()
    block = document.firstBlock()
    while block.isValid():
        if block.layout().lineCount() == 0:
            layout.blockBoundingRect(block)
        block = block.next()


def line_of(edit: QPlainTextEdit, position: int) -> int:
    """The number of the (wrapped) line of `edit` that holds Qt position `position`."""
    block = edit.document().findBlock(position)
    if not block.isValid():
        return max(0, edit.document().lineCount() - 1)
    line = block.layout().lineForTextPosition(position - block.position())
    return block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)


def lines_on_screen(edit: QPlainTextEdit) -> float:
    return edit.viewport().height() / max(1.0, QFontMetricsF(edit.font()).lineSpacing())


def line_extent(edit: QPlainTextEdit, span: QtRange) -> tuple[int, int]:
    """The first line of `span` and the line after its last."""
    return line_of(edit, span[0]), line_of(edit, max(span[0], span[1] - 1)) + 1


def piecewise(knots: Sequence[tuple[float, float]], x: float) -> float:
    """The piecewise linear map through `knots` (sorted by both coordinates) at `x`."""
    xs = [k[0] for k in knots]
    i = bisect_right(xs, x) - 1
    if i < 0:
        return knots[0][1] + (x - knots[0][0])
    if i >= len(knots) - 1:
        return knots[-1][1] + (x - knots[-1][0])
    (x0, y0), (x1, y1) = knots[i], knots[i + 1]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def monotonic(knots: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """`knots` sorted, without those that would make the map run backwards (moved passages)."""
    kept: list[tuple[float, float]] = []
    for x, y in sorted(knots):
        if not kept or (x >= kept[-1][0] and y >= kept[-1][1]):
            kept.append((x, y))
    return kept


class ScrollSync(QObject):
    """Scrolling `left` scrolls `right` to the counterpart passages, and the other way round."""

    def __init__(self, left: QPlainTextEdit, right: QPlainTextEdit,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._left, self._right = left, right
        self._pairs: list[tuple[QtRange, QtRange]] = []
        self._busy = False
        self._key: tuple[int, ...] | None = None  # the layout the line map was made for
        self._map: list[tuple[float, float]] = []
        self.enabled = True
        left.verticalScrollBar().valueChanged.connect(lambda _v: self.follow(left))
        right.verticalScrollBar().valueChanged.connect(lambda _v: self.follow(right))

    def set_pairs(self, pairs: Sequence[tuple[QtRange, QtRange]]) -> None:
        """The aligned passages (A's range, B's range, in Qt positions) to keep in step."""
        self._pairs = list(pairs)
        self._key = None

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Scroll either reader without the other following."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    # ------------------------------------------------------------ following
    def follow(self, leader: QPlainTextEdit) -> None:
        """Scroll the other reader to where `leader` is in the story (when enabled)."""
        if not self.enabled or self._busy:
            return
        follower = self._right if leader is self._left else self._left
        knots = self.line_map()
        if leader is not self._left:
            knots = [(b, a) for a, b in knots]
        bar = leader.verticalScrollBar()
        shown = lines_on_screen(leader)
        # The reading line leaves the top only in the last screenful, to reach the bottom.
        start = max(bar.minimum(), bar.maximum() - shown)
        room = bar.maximum() - start
        ramp = (bar.value() - start) / room if room > 0 else 0.0
        offset = min(max(ramp, 0.0), 1.0) * max(0.0, shown - 1)
        target = piecewise(knots, bar.value() + offset)
        with self.paused():
            follower.verticalScrollBar().setValue(round(target - offset))

    def _layout_key(self) -> tuple[int, ...]:
        # Paragraphs are laid out again (and their lines recounted) when the width changes;
        # any other change of the line count shows in the count.
        return tuple(n for edit in (self._left, self._right) for n in (
            edit.viewport().width(), edit.document().lineCount()))

    def line_map(self) -> list[tuple[float, float]]:
        """The knots (line in A, line in B) of the map between the readers' lines, made
        again only when the texts were laid out anew (so scrolling stays cheap)."""
        if self._key == self._layout_key():
            return self._map
        left, right = self._left, self._right
        with self.paused():  # laying out moves the scroll bars' ranges
            lay_out(left)
            lay_out(right)
        knots = [(0.0, 0.0), (float(left.document().lineCount()),
                              float(right.document().lineCount()))]
        for a, b in self._pairs:
            a_lines, b_lines = line_extent(left, a), line_extent(right, b)
            knots += [(a_lines[0], b_lines[0]), (a_lines[1], b_lines[1])]
        self._map, self._key = monotonic(knots), self._layout_key()
        return self._map

    # ------------------------------------------------------------ placing a pair
    def place(self, leader: QPlainTextEdit, lead: QtRange, other: QtRange | None,
              keep_if_visible: bool = True) -> None:
        """Show `lead` in `leader` (a third of the way down unless it is on screen already),
        and `other` in the other reader on the same line of the screen."""
        follower = self._right if leader is self._left else self._left
        self.line_map()  # every paragraph laid out: line numbers are exact
        with self.paused():
            bar = leader.verticalScrollBar()
            first, after = line_extent(leader, lead)
            shown = lines_on_screen(leader)
            if not (keep_if_visible and bar.value() <= first and after <= bar.value() + shown):
                bar.setValue(round(first - min(shown / 3, max(0.0, shown - (after - first)))))
            if other is not None:
                follower.verticalScrollBar().setValue(
                    line_of(follower, other[0]) - (first - bar.value()))
        if other is None:  # nothing to line up with: keep to the story around it
            self.follow(leader)
