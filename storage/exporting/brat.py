"""brat standoff: a `.txt` and `.ann` per article, named after its title, and the configuration.

How Claimline's records become brat annotations (brat has no place for some of
them, so these are decisions; `storage.annotation_import.brat_import` reads
them back the same way):

- Claims are `T` annotations of type `Claim`; accepted entities are `T` lines
  typed by their spaCy label (open ones too with `include_open`); accepted
  dates are `Timex` (likewise). Offsets are code points, as brat counts them.
  A span that crosses a line break is written as discontinuous fragments split
  at the line breaks, since a brat fragment cannot contain one (line breaks at
  the very start or end of a span are left out with them).
- Labels are binary attributes, one per label (`Label_<name>`: brat names allow
  only ASCII letters, digits, `_` and `-`; `visual.conf` maps each back to the
  label's real name, and shows it as the attribute's glyph). Certainty and
  status are multi-valued attributes. A date's TIMEX3 type, value and mod are
  attributes of `Timex`, declared with the values the export uses.
- The claimant is a `Claimant` relation from an entity to the claim when an
  exported entity of the same article has exactly the claimant's text (the
  nearest such entity); otherwise an `AnnotatorNotes` line "Claimant: …".
- brat has no free-standing events (its events need a trigger span of their
  own), so a claim's link to a timeline event is an `AnnotatorNotes` line on
  the claim: "Event <relation> urn:uuid:<event uid> [<TIMEX3 value>]: <title>".
- The researcher's note is an `AnnotatorNotes` line "Note: …", with line
  breaks, tabs and backslashes escaped as `\\n`, `\\t`, `\\\\`.
- Article metadata (title, outlet, author, URL, language, publication date,
  uid) has no place in brat: `claimline-articles.json` beside the files holds
  it by text file name; brat ignores it, and the importer gives an article it
  creates that metadata instead of the file name.
- brat cannot colour a span by an attribute, so `visual.conf` colours the span
  types (claims, dates and entity groups in the reader's colours) and records
  each label's colour in a comment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storage.bundle import (
    BundleArticle,
    BundleClaim,
    BundleSuggestion,
    ExportBundle,
    ExportResult,
    Progress,
)

CLAIM, TIMEX, CLAIMANT = "Claim", "Timex", "Claimant"
# Beside the brat files (brat ignores it): each text file's article metadata, by file name.
METADATA_FILE = "claimline-articles.json"
CERTAINTY, STATUS = "Certainty", "Status"
TIMEX_TYPE, TIMEX_VALUE, TIMEX_MOD = "TimexType", "TimexValue", "TimexMod"
LABEL_PREFIX = "Label_"
NOTE_CLAIMANT, NOTE_TEXT, NOTE_EVENT = "Claimant: ", "Note: ", "Event "
CERTAINTIES = ("asserted", "hedged", "denied")
STATUSES = ("open", "reviewed", "flagged")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_VALUE_OK = re.compile(r"^[^\s|,]+$")
_LINE_BREAK = re.compile(r"[\n\r]")
# The reader's layer colours (desktop/highlight_layers.py), so brat looks familiar.
_SPAN_COLOURS = {CLAIM: "#e9b949", TIMEX: "#c2631c"}
_ENTITY_COLOURS = {
    "PERSON": "#4a78b5", "PER": "#4a78b5", "ORG": "#9a66a8", "GPE": "#4f9a5c",
    "LOC": "#4f9a5c", "FAC": "#4f9a5c", "NORP": "#a8805a", "CARDINAL": "#c8564f",
    "ORDINAL": "#c8564f", "QUANTITY": "#c8564f", "MONEY": "#c8564f", "PERCENT": "#c8564f",
}
_OTHER_ENTITY_COLOUR = "#8f969c"


def brat_name(name: str) -> str:
    """A name brat accepts for a type or attribute: ASCII letters, digits, `_` and `-`."""
    return _NAME_UNSAFE.sub("_", name.strip()).strip("_") or "unnamed"


def escape_note(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") \
        .replace("\t", "\\t")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between line breaks (brat fragments), empty ones dropped."""
    pieces: list[tuple[int, int]] = []
    at = start
    for match in _LINE_BREAK.finditer(text, start, end):
        if match.start() > at:
            pieces.append((at, match.start()))
        at = match.end()
    if end > at:
        pieces.append((at, end))
    return pieces


def fragment_text(text: str, pieces: Iterable[tuple[int, int]]) -> str:
    """What brat writes after the offsets: the fragments' texts joined by a space."""
    return " ".join(text[s:e] for s, e in pieces)


@dataclass
class _Conf:
    """What the export used, for annotation.conf and visual.conf."""

    entity_types: set[str] = field(default_factory=set)
    label_attributes: dict[str, str] = field(default_factory=dict)  # attribute → label name
    label_colours: dict[str, str] = field(default_factory=dict)
    timex_values: set[str] = field(default_factory=set)
    timex_mods: set[str] = field(default_factory=set)
    timexes: bool = False
    claims: bool = False


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """Write the bundle's articles as a brat collection in the folder `path`."""
    path.mkdir(parents=True, exist_ok=True)
    conf = _Conf()
    attribute_of_label = _label_attributes(bundle, conf)
    statuses = ("accepted", "open") if include_open else ("accepted",)
    notes: list[str] = []
    split = 0
    total = len(bundle.articles)
    if progress:
        progress(0, total)
    taken: set[str] = set()
    described: dict[str, dict[str, str | None]] = {}
    for done, article in enumerate(bundle.articles, start=1):
        name = document_name(article, taken)
        described[f"{name}.txt"] = article_metadata(article)
        ann = _ArticleAnn(bundle, article, conf, attribute_of_label)
        for kind in ("entity", "timex"):
            for suggestion in bundle.suggestions_of(article.id, kind, statuses):
                ann.span(suggestion)
        for claim in bundle.claims_of(article.id):
            ann.claim(claim)
        split += ann.split
        (path / f"{name}.txt").write_text(article.text, encoding="utf-8", newline="")
        (path / f"{name}.ann").write_text(ann.render(), encoding="utf-8", newline="")
        if progress:
            progress(done, total)
    (path / "annotation.conf").write_text(_annotation_conf(conf), encoding="utf-8")
    (path / "visual.conf").write_text(_visual_conf(conf), encoding="utf-8")
    (path / METADATA_FILE).write_text(
        json.dumps(described, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if split:
        notes.append(f"{split} span{'s' if split != 1 else ''} crossing line breaks written "
                     "as discontinuous fragments")
    return ExportResult(str(path), total, tuple(notes))


def _label_attributes(bundle: ExportBundle, conf: _Conf) -> dict[int, str]:
    """A brat attribute name for each label, distinct even where names differ only in symbols."""
    names: dict[int, str] = {}
    used: set[str] = set()
    for label in bundle.labels:
        base = LABEL_PREFIX + brat_name(label.name)
        name, n = base, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        names[label.id] = name
        conf.label_attributes[name] = label.name
        conf.label_colours[name] = label.color
    return names


def article_metadata(article: BundleArticle) -> dict[str, str | None]:
    """What brat has no place for: the article's title, outlet, date and so on."""
    return {
        "uid": article.uid, "title": article.title, "outlet": article.outlet,
        "author": article.author, "url": article.url, "language": article.language,
        "published": article.published.isoformat() if article.published else None,
    }


def document_name(article: BundleArticle, taken: set[str]) -> str:
    """A file name brat lists readably: the title's ASCII words and the start of the uid.

    brat shows documents by file name, so a bare uid would leave the researcher
    guessing; the uid part keeps two articles with one title apart. Titles
    without ASCII words (Cyrillic, say) are named by the uid alone.
    """
    words = re.findall(r"[A-Za-z0-9]+", article.title)
    slug = "-".join(words)[:60].strip("-")
    name = f"{slug}-{article.uid[:8]}" if slug else article.uid
    if name in taken:
        name = f"{slug}-{article.uid}" if slug else f"{article.uid}-{len(taken)}"
    taken.add(name)
    return name


class _ArticleAnn:
    """The lines of one article's .ann file, numbered as they are added."""

    def __init__(self, bundle: ExportBundle, article: BundleArticle, conf: _Conf,
                 attribute_of_label: dict[int, str]) -> None:
        self.bundle, self.article, self.conf = bundle, article, conf
        self.attribute_of_label = attribute_of_label
        self.lines: list[tuple[int, int, str]] = []  # (order, sequence, line)
        self.counters = {"T": 0, "R": 0, "A": 0, "#": 0}
        self.entities: list[tuple[int, int, str, str]] = []  # start, end, T id, flat text
        self.split = 0

    def _next(self, prefix: str) -> str:
        self.counters[prefix] += 1
        return f"{prefix}{self.counters[prefix]}"

    def _add(self, order: int, line: str) -> None:
        self.lines.append((order, len(self.lines), line))

    def _text_bound(self, kind: str, start: int, end: int) -> str | None:
        pieces = fragments(self.article.text, start, end)
        if not pieces:
            return None
        if len(pieces) > 1:
            self.split += 1
        ident = self._next("T")
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        self._add(0, f"{ident}\t{kind} {offsets}\t{fragment_text(self.article.text, pieces)}")
        return ident

    def _attribute(self, name: str, target: str, value: str | None = None) -> None:
        tail = f" {value}" if value is not None else ""
        self._add(2, f"{self._next('A')}\t{name} {target}{tail}")

    def _note(self, target: str, text: str) -> None:
        self._add(3, f"{self._next('#')}\tAnnotatorNotes {target}\t{escape_note(text)}")

    def span(self, suggestion: BundleSuggestion) -> None:
        if suggestion.kind == "timex":
            ident = self._text_bound(TIMEX, suggestion.start, suggestion.end)
            if ident is None:
                return
            self.conf.timexes = True
            attributes = suggestion.attributes or {}
            kind = str(attributes.get("type") or suggestion.label or "")
            if kind in TIMEX_TYPES:
                self._attribute(TIMEX_TYPE, ident, kind)
            for name, key, values in ((TIMEX_VALUE, "value", self.conf.timex_values),
                                      (TIMEX_MOD, "mod", self.conf.timex_mods)):
                value = attributes.get(key)
                if value and _VALUE_OK.match(str(value)):
                    values.add(str(value))
                    self._attribute(name, ident, str(value))
                elif value:
                    self._note(ident, f"{name}: {value}")
            return
        kind = brat_name(suggestion.label or "ENTITY")
        ident = self._text_bound(kind, suggestion.start, suggestion.end)
        if ident is not None:
            self.conf.entity_types.add(kind)
            flat = " ".join(self.article.text[suggestion.start : suggestion.end].split())
            self.entities.append((suggestion.start, suggestion.end, ident, flat))

    def claim(self, claim: BundleClaim) -> None:
        ident = self._text_bound(CLAIM, claim.start, claim.end)
        if ident is None:
            return
        self.conf.claims = True
        for label_id in claim.label_ids:
            if label_id in self.attribute_of_label:
                self._attribute(self.attribute_of_label[label_id], ident)
        if claim.certainty in CERTAINTIES:
            self._attribute(CERTAINTY, ident, claim.certainty)
        self._attribute(STATUS, ident, claim.status if claim.status in STATUSES else "open")
        claimant = (claim.claimant or "").strip()
        if claimant:
            source = self._claimant_entity(claimant, claim)
            if source is not None:
                self._add(1, f"{self._next('R')}\t{CLAIMANT} Arg1:{source} Arg2:{ident}")
            else:
                self._note(ident, NOTE_CLAIMANT + claimant)
        if claim.note:
            self._note(ident, NOTE_TEXT + claim.note)
        for link in self.bundle.links_of(claim.id):
            event = self.bundle.event_by_id.get(link.event_id)
            if event is None:
                continue
            date = event.timex_value or event.edtf or event.date_phrase
            when = f" [{date}]" if date and "]" not in date else ""
            self._note(ident, f"{NOTE_EVENT}{link.relation} urn:uuid:{event.uid}{when}: "
                              f"{event.title}")

    def _claimant_entity(self, claimant: str, claim: BundleClaim) -> str | None:
        wanted = " ".join(claimant.split())
        matches = [e for e in self.entities if e[3] == wanted]
        if not matches:
            return None

        def distance(entity: tuple[int, int, str, str]) -> int:
            start, end = entity[0], entity[1]
            return max(claim.start - end, start - claim.end, 0)

        return min(matches, key=distance)[2]

    def render(self) -> str:
        ordered = sorted(self.lines, key=lambda item: (item[0], item[1]))
        return "".join(line + "\n" for _order, _seq, line in ordered)


def _annotation_conf(conf: _Conf) -> str:
    entity_types = sorted(conf.entity_types - {CLAIM, TIMEX})
    lines = ["# brat configuration written by Claimline: claims, dates and entities.",
             "[entities]", CLAIM, TIMEX, *entity_types, "", "[relations]"]
    if entity_types:
        lines.append(f"{CLAIMANT}\tArg1:{'|'.join(entity_types)}, Arg2:{CLAIM}")
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
              "[events]", "", "[attributes]",
              f"{CERTAINTY}\tArg:{CLAIM}, Value:{'|'.join(CERTAINTIES)}",
              f"{STATUS}\tArg:{CLAIM}, Value:{'|'.join(STATUSES)}"]
    lines += [f"{name}\tArg:{CLAIM}" for name in conf.label_attributes]
    lines.append(f"{TIMEX_TYPE}\tArg:{TIMEX}, Value:{'|'.join(TIMEX_TYPES)}")
    for name, values in ((TIMEX_VALUE, conf.timex_values), (TIMEX_MOD, conf.timex_mods)):
        if values:
            lines.append(f"{name}\tArg:{TIMEX}, Value:{'|'.join(sorted(values))}")
    return "\n".join(lines) + "\n"


def _visual_conf(conf: _Conf) -> str:
    lines = ["# brat display settings written by Claimline.", "[labels]",
             f"{CLAIM} | Claim", f"{TIMEX} | Date or time | Date", f"{CLAIMANT} | Claimant"]
    lines += [f"{name} | {label}" for name, label in conf.label_attributes.items()]
    lines += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, "
              "borderColor:darken", "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
              f"{CLAIM}\tbgColor:{_SPAN_COLOURS[CLAIM]}",
              f"{TIMEX}\tbgColor:{_SPAN_COLOURS[TIMEX]}",
              f"{CLAIMANT}\tcolor:#7d3c98"]
    for kind in sorted(conf.entity_types):
        lines.append(f"{kind}\tbgColor:{_ENTITY_COLOURS.get(kind, _OTHER_ENTITY_COLOUR)}")
    for name, label in conf.label_attributes.items():
        glyph = brat_name(label)
        lines.append(f"# label “{label}” has the colour {conf.label_colours[name]} in Claimline")
        lines.append(f"{name}\tglyph:[{glyph}]")
    return "\n".join(lines) + "\n"
