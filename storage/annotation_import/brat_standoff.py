"""A strict reader of brat standoff `.ann` files, and of the names in `visual.conf`.

Strict means that anything brat itself would not accept is refused with the
file and line: an unknown line type, a malformed or out-of-range offset, a
`T` line whose text is not what the `.txt` file holds at those offsets, an id
used twice, or a reference to an id that is not defined. Offsets are code
points, as brat counts them; a discontinuous span's text is its fragments'
texts joined by single spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storage.annotation_import.documents import AnnotationImportError

_ID = {
    "T": re.compile(r"^T\d+$"), "R": re.compile(r"^R\d+$"), "E": re.compile(r"^E\d+$"),
    "A": re.compile(r"^[AM]\d+$"), "N": re.compile(r"^N\d+$"), "#": re.compile(r"^#\d*$"),
}
_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_TYPE = re.compile(r"^[^\s:]+$")


@dataclass(frozen=True)
class TextBound:
    id: str
    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str
    line: int

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    arguments: tuple[tuple[str, str], ...]  # (role, id): ("Arg1", "T3"), ("Arg2", "T5")
    line: int


@dataclass(frozen=True)
class EventAnnotation:
    id: str
    type: str
    trigger: str
    arguments: tuple[tuple[str, str], ...]
    line: int


@dataclass(frozen=True)
class Attribute:
    id: str
    name: str
    target: str
    value: str | None  # None: a binary attribute (present means true)
    line: int


@dataclass(frozen=True)
class Note:
    id: str
    kind: str  # "AnnotatorNotes" (what brat writes)
    target: str
    text: str
    line: int


@dataclass(frozen=True)
class Normalization:
    id: str
    target: str
    reference: str  # "Wikipedia:534366"
    text: str
    line: int


@dataclass
class AnnFile:
    """Everything one `.ann` file holds, checked against its text."""

    name: str
    text_bounds: dict[str, TextBound] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    events: list[EventAnnotation] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    normalizations: list[Normalization] = field(default_factory=list)
    equivalences: list[tuple[str, ...]] = field(default_factory=list)

    def attributes_of(self, target: str) -> list[Attribute]:
        return [a for a in self.attributes if a.target == target]

    def notes_of(self, target: str) -> list[Note]:
        return [n for n in self.notes if n.target == target]


def unescape_note(text: str) -> str:
    """Undo `storage.exporting.brat.escape_note` (\\n, \\r, \\t, \\\\)."""
    return re.sub(r"\\([\\nrt])", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m[1], m[1]),
                  text)


def parse_ann(content: str, text: str, name: str) -> AnnFile:
    """Read the `.ann` file `name` (its `content`) against its `.txt` file's `text`."""
    parsed = AnnFile(name)
    seen: set[str] = set()
    references: list[tuple[str, int]] = []  # (id referred to, line)
    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        ident, _, rest = line.partition("\t")
        if ident == "*":
            _equivalence(parsed, rest, where, references, number)
            continue
        kind = ident[:1] if ident[:1] != "M" else "A"
        pattern = _ID.get(kind)
        if pattern is None or not pattern.match(ident):
            raise AnnotationImportError(f"{where}: “{_clip(ident)}” is not a brat annotation id "
                                        "(T, R, E, A, M, N, # or *)")
        if kind != "#" and ident in seen:
            raise AnnotationImportError(f"{where}: the id {ident} is used twice")
        seen.add(ident)
        if kind == "T":
            parsed.text_bounds[ident] = _text_bound(ident, rest, text, where, number)
        elif kind in ("R", "E"):
            _relation_or_event(parsed, kind, ident, rest, where, number, references)
        elif kind == "A":
            parsed.attributes.append(_attribute(ident, rest, where, number, references))
        elif kind == "#":
            parsed.notes.append(_note(ident, rest, where, number, references))
        else:
            parsed.normalizations.append(_normalization(ident, rest, where, number, references))
    for target, number in references:
        if target not in seen:
            raise AnnotationImportError(f"{name}, line {number}: refers to {target}, "
                                        "which the file does not define")
    return parsed


def _equivalence(parsed: AnnFile, rest: str, where: str, references: list[tuple[str, int]],
                 number: int) -> None:
    parts = rest.split()
    if len(parts) < 3:
        raise AnnotationImportError(f"{where}: an equivalence needs a type and two ids")
    parsed.equivalences.append(tuple(parts[1:]))
    references.extend((part, number) for part in parts[1:])


def _text_bound(ident: str, rest: str, text: str, where: str, number: int) -> TextBound:
    head, tab, quoted = rest.partition("\t")
    kind, _, offsets = head.partition(" ")
    if not tab or not _TYPE.match(kind) or not _OFFSETS.match(offsets):
        raise AnnotationImportError(f"{where}: expected “{ident}<tab>TYPE START END<tab>TEXT”")
    pieces = tuple(
        (int(s), int(e)) for s, e in (pair.split(" ") for pair in offsets.split(";"))
    )
    previous = 0
    for start, end in pieces:
        if not start < end <= len(text) or start < previous:
            raise AnnotationImportError(
                f"{where}: offsets {start}–{end} are not a span inside the text "
                f"({len(text)} characters) after the previous fragment"
            )
        previous = end
    actual = " ".join(text[s:e] for s, e in pieces)
    if actual != quoted:
        raise AnnotationImportError(
            f"{where}: the line says “{_clip(quoted)}” but the text at {offsets} "
            f"is “{_clip(actual)}”"
        )
    return TextBound(ident, kind, pieces, quoted, number)


def _relation_or_event(parsed: AnnFile, kind: str, ident: str, rest: str, where: str,
                       number: int, references: list[tuple[str, int]]) -> None:
    parts = rest.split()
    if not parts:
        raise AnnotationImportError(f"{where}: {ident} has no type")
    pairs: list[tuple[str, str]] = []
    for part in parts[1:] if kind == "R" else parts:
        role, colon, target = part.partition(":")
        if not colon or not role or not target:
            raise AnnotationImportError(f"{where}: “{_clip(part)}” is not ROLE:ID")
        pairs.append((role, target))
        references.append((target, number))
    if kind == "R":
        if len(pairs) != 2:
            raise AnnotationImportError(f"{where}: a relation needs exactly two arguments")
        parsed.relations.append(Relation(ident, parts[0], tuple(pairs), number))
    else:
        event_type, trigger = pairs[0]
        parsed.events.append(EventAnnotation(ident, event_type, trigger, tuple(pairs[1:]), number))


def _attribute(ident: str, rest: str, where: str, number: int,
               references: list[tuple[str, int]]) -> Attribute:
    parts = rest.split()
    if len(parts) not in (2, 3):
        raise AnnotationImportError(f"{where}: expected “{ident}<tab>NAME ID [VALUE]”")
    references.append((parts[1], number))
    return Attribute(ident, parts[0], parts[1], parts[2] if len(parts) == 3 else None, number)


def _note(ident: str, rest: str, where: str, number: int,
          references: list[tuple[str, int]]) -> Note:
    head, _, body = rest.partition("\t")
    parts = head.split()
    if len(parts) != 2:
        raise AnnotationImportError(f"{where}: expected “#<tab>AnnotatorNotes ID<tab>TEXT”")
    references.append((parts[1], number))
    return Note(ident, parts[0], parts[1], body, number)


def _normalization(ident: str, rest: str, where: str, number: int,
                   references: list[tuple[str, int]]) -> Normalization:
    head, _, body = rest.partition("\t")
    parts = head.split()
    if len(parts) != 3 or ":" not in parts[2]:
        raise AnnotationImportError(f"{where}: expected “N<tab>Reference ID DB:ENTRY<tab>TEXT”")
    references.append((parts[1], number))
    return Normalization(ident, parts[1], parts[2], body, number)


def visual_labels(content: str) -> dict[str, str]:
    """The display names `visual.conf` gives types and attributes: {brat name: first label}."""
    names: dict[str, str] = {}
    section = ""
    for raw in content.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            continue
        if section == "labels" and "|" in line:
            key, *labels = (part.strip() for part in line.split("|"))
            if key and labels and labels[0]:
                names[key] = labels[0]
    return names


def _clip(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
