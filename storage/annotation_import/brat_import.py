"""Importing brat standoff: a folder of `.txt`/`.ann` pairs (or one pair) into a project.

Each `.txt` is an article: one whose text the project already holds gets the
annotations, any other is added. `Claim` spans become claims (with the
labels, certainty, status, claimant, note and event links that
`storage.exporting.brat` writes); `Timex` spans become date suggestions and
every other span type an entity suggestion labelled with the type, with the
provenance "import:brat". Every file is read and checked before anything is
stored, so a malformed file leaves the project as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from storage.annotation_import.brat_standoff import (
    AnnFile,
    TextBound,
    parse_ann,
    unescape_note,
    visual_labels,
)
from storage.annotation_import.documents import (
    AnnotationImportError,
    ImportedClaim,
    ImportedDocument,
    ImportedEventLink,
    ImportedSpan,
)
from storage.bundle import ImportResult, Progress
from storage.exporting.brat import (
    CERTAINTY,
    CLAIM,
    CLAIMANT,
    LABEL_PREFIX,
    METADATA_FILE,
    NOTE_CLAIMANT,
    NOTE_EVENT,
    NOTE_TEXT,
    STATUS,
    TIMEX,
    TIMEX_MOD,
    TIMEX_TYPE,
    TIMEX_VALUE,
)

if TYPE_CHECKING:
    from storage.service import ProjectService

_EVENT_NOTE = re.compile(r"^Event (?P<relation>\S+) (?P<uid>urn:uuid:[0-9A-Fa-f-]{36})"
                         r"(?: \[[^\]]*\])?: (?P<title>.*)$")


def read(service: ProjectService, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import the brat collection at `path` (a folder, or one `.ann` or `.txt` file)."""
    documents = read_documents(Path(path))
    return service.store_imported(documents, "brat", progress)


def read_documents(path: Path) -> list[ImportedDocument]:
    """Every `.ann`/`.txt` pair under `path`, parsed and checked; nothing is stored."""
    pairs = _pairs(path)
    root = path if path.is_dir() else path.parent
    return [_with_metadata(_document(ann, txt, _labels_near(ann.parent, root)), txt)
            for ann, txt in pairs]


def _with_metadata(document: ImportedDocument, txt: Path) -> ImportedDocument:
    """The article metadata a Claimline export left beside the text, if any."""
    sidecar = txt.parent / METADATA_FILE
    if not sidecar.is_file():
        return document
    try:
        described = json.loads(_decode(sidecar))
    except json.JSONDecodeError as error:
        raise AnnotationImportError(f"{METADATA_FILE}, line {error.lineno}: not JSON "
                                    f"({error.msg})") from None
    found = described.get(txt.name) if isinstance(described, dict) else None
    if not isinstance(found, dict):
        return document

    def text(key: str) -> str | None:
        value = found.get(key)
        return value.strip() or None if isinstance(value, str) else None

    published = None
    if (day := text("published")) is not None:
        try:
            published = dt.date.fromisoformat(day)
        except ValueError:
            raise AnnotationImportError(f"{METADATA_FILE}: “{day}” for {txt.name} is not a "
                                        "date (YYYY-MM-DD)") from None
    return replace(document, title=text("title") or document.title, outlet=text("outlet"),
                   author=text("author"), url=text("url"), language=text("language"),
                   published=published)


def _pairs(path: Path) -> list[tuple[Path, Path]]:
    if path.is_dir():
        anns = sorted(p for p in path.rglob("*.ann") if p.is_file())
        if not anns:
            raise AnnotationImportError(f"{path.name}: no brat .ann files in this folder")
    elif path.suffix in (".ann", ".txt") and path.exists():
        anns = [path.with_suffix(".ann")]
    else:
        raise AnnotationImportError(f"{path.name}: not a folder, .ann or .txt file")
    pairs = []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not ann.is_file():
            raise AnnotationImportError(f"{txt.name}: has no .ann file beside it")
        if not txt.is_file():
            raise AnnotationImportError(f"{ann.name}: has no .txt file beside it")
        pairs.append((ann, txt))
    return pairs


def _labels_near(folder: Path, root: Path) -> dict[str, str]:
    """Display names from the nearest visual.conf, as brat looks for it: here, then upwards."""
    current = folder
    while True:
        conf = current / "visual.conf"
        if conf.is_file():
            return visual_labels(_decode(conf))
        if current == root or current.parent == current:
            return {}
        current = current.parent


def _decode(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AnnotationImportError(f"{path.name}: not UTF-8 text (byte {error.start})") from None


def _document(ann_path: Path, txt_path: Path, labels: dict[str, str]) -> ImportedDocument:
    text = _decode(txt_path)
    ann = parse_ann(_decode(ann_path), text, ann_path.name)
    triggers = {e.trigger for e in ann.events}
    spans: list[ImportedSpan] = []
    claims: list[ImportedClaim] = []
    notes: list[str] = []
    for bound in ann.text_bounds.values():
        where = f"{ann.name}, line {bound.line}"
        quote = text[bound.start : bound.end]
        if bound.id in triggers:
            continue
        if bound.type == CLAIM:
            claims.append(_claim(ann, bound, quote, labels, where))
        elif bound.type == TIMEX:
            spans.append(_timex(ann, bound, quote, where))
        else:
            spans.append(ImportedSpan("entity", bound.start, bound.end, bound.type, quote,
                                      {}, where))
    if ann.events:
        notes.append(f"{ann.name}: {len(ann.events)} brat event(s) not imported "
                     "(Claimline's events are not text spans)")
    other = [r for r in ann.relations if r.type != CLAIMANT]
    if other:
        notes.append(f"{ann.name}: {len(other)} relation(s) other than Claimant not imported")
    return ImportedDocument(origin=str(txt_path), text=text, title=txt_path.stem,
                            spans=tuple(spans), claims=tuple(claims), notes=tuple(notes),
                            annotation_file=str(ann_path))


def _timex(ann: AnnFile, bound: TextBound, quote: str, where: str) -> ImportedSpan:
    values = {a.name: a.value for a in ann.attributes_of(bound.id)}
    for note in ann.notes_of(bound.id):  # values brat attributes could not hold
        name, colon, value = unescape_note(note.text).partition(": ")
        if colon and name in (TIMEX_VALUE, TIMEX_MOD):
            values[name] = value
    kind = values.get(TIMEX_TYPE) or "DATE"
    attributes = {"type": kind, "value": values.get(TIMEX_VALUE),
                  "mod": values.get(TIMEX_MOD)}
    return ImportedSpan("timex", bound.start, bound.end, kind, quote, attributes, where)


def _claim(ann: AnnFile, bound: TextBound, quote: str, labels: dict[str, str],
           where: str) -> ImportedClaim:
    names: list[str] = []
    certainty: str | None = None
    status = "open"
    for attribute in ann.attributes_of(bound.id):
        if attribute.name.startswith(LABEL_PREFIX) and attribute.value is None:
            names.append(labels.get(attribute.name)
                         or attribute.name[len(LABEL_PREFIX):].replace("_", " "))
        elif attribute.name == CERTAINTY:
            certainty = attribute.value
        elif attribute.name == STATUS and attribute.value:
            status = attribute.value
    claimant = _claimant_by_relation(ann, bound)
    note_parts: list[str] = []
    events: list[ImportedEventLink] = []
    for note in ann.notes_of(bound.id):
        body = unescape_note(note.text)
        event = _EVENT_NOTE.match(body) if body.startswith(NOTE_EVENT) else None
        if body.startswith(NOTE_CLAIMANT):
            claimant = body[len(NOTE_CLAIMANT):].strip() or claimant
        elif body.startswith(NOTE_TEXT):
            note_parts.append(body[len(NOTE_TEXT):])
        elif event:
            events.append(ImportedEventLink(event["uid"], event["title"], event["relation"]))
        else:
            note_parts.append(body)
    return ImportedClaim(
        bound.start, bound.end, quote, claimant, certainty, status, "\n".join(note_parts),
        tuple(names), tuple(events), where,
    )


def _claimant_by_relation(ann: AnnFile, bound: TextBound) -> str | None:
    for relation in ann.relations:
        roles = dict(relation.arguments)
        if relation.type == CLAIMANT and roles.get("Arg2") == bound.id:
            source = ann.text_bounds.get(roles.get("Arg1", ""))
            if source is not None:
                return " ".join(source.text.split())
    return None
