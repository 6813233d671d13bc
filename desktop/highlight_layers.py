"""The reader's annotation layers: what each one is called, how it looks by default.

A layer is a kind of span the reader can paint: the researcher's claims, the
model's open claim candidates, temporal expressions, and entities grouped into
a handful of types a reader can tell apart at a glance (spaCy's eighteen labels
would be a rainbow). The order of `LAYERS` is the order of precedence: when
spans overlap, an earlier layer is "on top" for clicks, and an earlier
underline layer wins the one underline a character can carry.

Also the Qt-free arithmetic of spans in a text, kept here so that it can be
tested without a widget: finding the spans of a paragraph (`SpanIndex`),
cutting overlaps into segments with a signature (`segments`), paragraph
offsets, UTF-16 positions, and never cutting a flag in half.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial
from itertools import accumulate, compress
from operator import attrgetter, lt, sub

CLAIM = "claim"
CANDIDATE = "candidate"
TIMEX = "timex"
ENTITY = "entity"


class LayerStyle(Enum):
    """How a layer marks its characters. Backgrounds and underlines combine freely."""

    TINT = "tint"  # background whose strength grows with the number of overlapping spans
    LIGHT_TINT = "light tint"  # a faint background, under any tint
    WAVE = "wave"  # a wavy underline
    UNDERLINE = "underline"  # a plain underline


@dataclass(frozen=True)
class Layer:
    name: str
    title: str
    colour: str  # default colour, "#rrggbb"
    style: LayerStyle
    rank: int  # 0 is on top: claim, candidate, timex, entity

    @property
    def is_entity(self) -> bool:
        return self.name.startswith(ENTITY + ":")


@dataclass(frozen=True)
class HighlightSpan:
    """One painted span. Offsets are Python offsets into the article text, end exclusive."""

    start: int
    end: int
    layer: str  # "claim", "candidate", "timex" or "entity:<group>"
    key: int  # id of the claim or suggestion it shows
    tooltip: str = ""


# Calm colours, readable on white and on a dark base: the backgrounds are mixed
# into the text's base colour, so they never come out at full strength.
LAYERS: tuple[Layer, ...] = (
    Layer(CLAIM, "Claims", "#e9b949", LayerStyle.TINT, 0),
    Layer(CANDIDATE, "Claim candidates", "#7d9fc6", LayerStyle.LIGHT_TINT, 1),
    Layer(TIMEX, "Dates and times", "#c2631c", LayerStyle.WAVE, 2),
    Layer("entity:person", "People", "#4a78b5", LayerStyle.UNDERLINE, 3),
    Layer("entity:organisation", "Organisations", "#9a66a8", LayerStyle.UNDERLINE, 3),
    Layer("entity:place", "Places", "#4f9a5c", LayerStyle.UNDERLINE, 3),
    Layer("entity:group", "Groups and nationalities", "#a8805a", LayerStyle.UNDERLINE, 3),
    Layer("entity:number", "Numbers and amounts", "#c8564f", LayerStyle.UNDERLINE, 3),
    Layer("entity:other", "Other names", "#8f969c", LayerStyle.UNDERLINE, 3),
)
LAYER_NAMES: tuple[str, ...] = tuple(layer.name for layer in LAYERS)
LAYER_INDEX: dict[str, int] = {name: i for i, name in enumerate(LAYER_NAMES)}
LONG_SPAN = 300  # longer spans are filed by paragraph instead of found by bisection
# A segment's signature: one bit per layer covering it, one for the selected claim,
# and above COUNT_SHIFT how many claims overlap there (up to MAX_CLAIMS).
SELECTED = len(LAYERS)
COUNT_SHIFT = 16
MAX_CLAIMS = 3  # as many as the highlighter has tints for
_BY_NAME = {layer.name: layer for layer in LAYERS}

_ENTITY_GROUPS = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "CARDINAL": "number",
    "ORDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
}


def entity_layer(spacy_label: str) -> str:
    """The layer of an entity with this spaCy label; labels without a group go to "other".

    DATE and TIME entities land in "other" too: the ones the temporal
    normaliser could read are shown on the timex layer instead.
    """
    return f"{ENTITY}:{_ENTITY_GROUPS.get(spacy_label.upper(), 'other')}"


def layer(name: str) -> Layer:
    """The layer called `name`; a ValueError for a name no layer has."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"no reader layer is called {name!r}") from None


def matching_layers(name: str) -> tuple[Layer, ...]:
    """The layer `name`, or every layer under the prefix `name` ("entity" gives all entities)."""
    prefix = name.rstrip(":") + ":"
    found = tuple(lay for lay in LAYERS if lay.name == name or lay.name.startswith(prefix))
    if not found:
        raise ValueError(f"no reader layer is called {name!r}")
    return found


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def describe_date_range(earliest: dt.date, latest: dt.date) -> str:
    """A calendar range as a reader says it: "1–10 February 2025", "17 March 2025"."""
    if earliest == latest:
        return _day(earliest)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day}–{latest.day} {latest:%B %Y}"
    if earliest.year == latest.year:
        return f"{earliest.day} {earliest:%B} – {_day(latest)}"
    return f"{_day(earliest)} – {_day(latest)}"


def timex_tooltip(
    value: str, mod: str | None = None,
    earliest: dt.date | str | None = None, latest: dt.date | str | None = None,
) -> str:
    """The hover text of a temporal expression: "2025-02 (start) · 1–10 February 2025"."""
    text = f"{value} ({mod.lower()})" if mod else value
    try:
        first = dt.date.fromisoformat(earliest) if isinstance(earliest, str) else earliest
        last = dt.date.fromisoformat(latest) if isinstance(latest, str) else latest
    except ValueError:
        return text
    if first and last:
        text += " · " + describe_date_range(first, last)
    return text


Found = list[tuple[HighlightSpan, int]]  # spans with the index of their layer
_START, _END = attrgetter("start"), attrgetter("end")


class SpanIndex:
    """Spans sorted by start, so that those touching a paragraph are found by bisection."""

    def __init__(self, spans: list[HighlightSpan], block_of: Callable[[int], int]) -> None:
        spans = sorted(spans, key=_START)
        starts = list(map(_START, spans))
        lengths = list(map(sub, map(_END, spans), starts))
        self.long: dict[int, Found] = {}
        if spans and not 0 < min(lengths) <= max(lengths) <= LONG_SPAN:
            for span, length in zip(spans, lengths, strict=True):
                if length > LONG_SPAN:
                    for block in range(block_of(span.start), block_of(span.end - 1) + 1):
                        self.long.setdefault(block, []).append((span, LAYER_INDEX[span.layer]))
            spans = [s for s, n in zip(spans, lengths, strict=True) if 0 < n <= LONG_SPAN]
            starts = list(map(_START, spans))
            lengths = [n for n in lengths if 0 < n <= LONG_SPAN]
        self.spans, self.starts = spans, starts
        self.reach = max(lengths, default=0)

    def touching(self, block: int, start: int, end: int) -> Found:
        """The spans overlapping `start:end` of paragraph `block`."""
        lo = bisect_left(self.starts, start - self.reach)
        hi = bisect_left(self.starts, end, lo)
        found = [(s, LAYER_INDEX[s.layer]) for s in self.spans[lo:hi] if s.end > start]
        if block in self.long:
            found += [(s, i) for s, i in self.long[block] if s.start < end and s.end > start]
        return found


Segment = tuple[int, int, int]  # start, length, signature


def segments(events: list[tuple[int, int, int]]) -> list[Segment]:
    """Overlapping spans cut into non-overlapping segments, each with its signature.

    `events` holds (position, +1 or -1, layer index) for each span's start and
    end; SELECTED stands for the selected claim's own events.
    """
    if not events:
        return []
    events.sort()
    claim = LAYER_INDEX[CLAIM]
    counts = [0] * (len(LAYERS) + 1)
    mask = 0
    found: list[Segment] = []
    previous = events[0][0]
    for position, delta, index in events:
        if position != previous:
            if mask:
                claims = min(counts[claim], MAX_CLAIMS)
                found.append((previous, position - previous, mask | claims << COUNT_SHIFT))
            previous = position
        count = counts[index] = counts[index] + delta
        if count == 0:
            mask &= ~(1 << index)
        elif count == 1 and delta == 1:
            mask |= 1 << index
    return found


# ---------------------------------------------------------------- paragraphs of a text
_BREAK = re.compile("\r\n|[\n\r\u2029]")  # what a QTextDocument starts a new block after
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters taking two UTF-16 units


def paragraph_starts(text: str) -> list[int]:
    """The offset where each paragraph (Qt: block) of `text` starts."""
    if "\r" in text or "\u2029" in text:
        return [0, *map(re.Match.end, _BREAK.finditer(text))]
    starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]  # at C speed
    starts.pop()
    return starts


def paragraph_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def paragraphs_touched(spans: list[HighlightSpan], starts: list[int]) -> set[int]:
    """Every paragraph one of `spans` touches (C-speed maps: layers can be large)."""
    firsts = list(map(partial(bisect_right, starts), map(_START, spans)))
    lasts = list(map(partial(bisect_left, starts), map(_END, spans)))
    found = set(firsts)
    for first, last in compress(zip(firsts, lasts, strict=True), map(lt, firsts, lasts)):
        found.update(range(first, last + 1))
    return {paragraph - 1 for paragraph in found}  # bisect_right gives the one after


def astral_positions(text: str) -> list[int]:
    """The offsets of the characters that take two UTF-16 units (and so two Qt positions)."""
    if len(text.encode("utf-16-le", "surrogatepass")) // 2 == len(text):
        return []
    return list(map(re.Match.start, _ASTRAL.finditer(text)))


def in_utf16(parts: list[Segment], astral: list[int], start: int, end: int) -> list[Segment]:
    """Segments of the paragraph `start:end` in Qt positions: every character outside
    the BMP (`astral`, sorted offsets) takes two, so what follows one moves along."""
    first = bisect_left(astral, start)
    last = bisect_left(astral, end, first)
    if first == last or not parts:
        return parts
    local = [a - start for a in astral[first:last]]
    shifted = []
    for begin, length, signature in parts:
        qt_begin = begin + bisect_left(local, begin)
        qt_end = begin + length + bisect_left(local, begin + length)
        shifted.append((qt_begin, qt_end - qt_begin, signature))
    return shifted


_FLAG_LETTERS = "".join(map(chr, range(0x1F1E6, 0x1F200)))  # regional indicators


def keep_flags_whole(text: str, index: int, backward: bool) -> int:
    """`index`, moved off the middle of a flag (two regional indicators) if it is in one.

    Indicators pair up from the start of their run, so "🇺🇦🇺🇦" has a middle but
    no other break."""
    if 0 < index < len(text) and text[index - 1] in _FLAG_LETTERS and text[index] in (
            _FLAG_LETTERS) and (index - len(text[:index].rstrip(_FLAG_LETTERS))) % 2:
        return index - 1 if backward else index + 1
    return index
