"""Converting between Python string offsets and Qt text positions.

Python counts code points; Qt's QTextCursor counts UTF-16 code units, in
which every character outside the Basic Multilingual Plane (most emoji, some
CJK ideographs, historic scripts) takes two. Everything we store uses Python
offsets; every conversion to or from a Qt position goes through here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Offsets of one text. Texts without astral characters (most) map one to one."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Code-point indices of characters that take two UTF-16 units.
        self._astral = (
            [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if not text.isascii() else []
        )
        # Qt index of the second unit of each such character.
        self._second_units = [i + k + 1 for k, i in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        """The Qt position of Python offset `index` (0..len(text))."""
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        """The Python offset of Qt position `position`.

        A position between the two halves of a surrogate pair snaps to the start
        of that character, so a selection never splits one.
        """
        return position - bisect_right(self._second_units, position)

    @property
    def qt_length(self) -> int:
        return self.to_qt(self.length)
