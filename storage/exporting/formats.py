"""The registry of exchange formats: export writers and annotation importers, by name.

Entries name their function as "module:function" and are imported only when
used, so listing the formats (for `--help` or a menu) loads neither spaCy nor
any writer. To add a format, add a `register(...)` or `register_importer(...)`
line below (or call them from a plug-in at start-up).

A writer is called as `write(bundle, path, progress=None, *, include_open=False)`
and returns a `storage.bundle.ExportResult`; `path` is a file for formats with
a suffix and a folder (created if missing) for formats without one. An importer
is called as `read(service, path, progress=None)` and returns a
`storage.bundle.ImportResult`; it refuses input it cannot use with a
`ValueError` whose message is for the researcher (preferably
`storage.bundle.ExchangeFormatError`, naming the file and the place in it),
and stores nothing in that case.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from storage.bundle import (
    BundleClaim,
    BundleEvent,
    ExportBundle,
    ExportResult,
    ImportResult,
    Progress,
)
from storage.records import (
    ClaimRecord,
    EventClaim,
    EventFields,
    EventRecord,
    FuzzyDateFields,
)

if TYPE_CHECKING:
    from storage.service import ProjectService


class Writer(Protocol):
    def __call__(
        self,
        bundle: ExportBundle,
        path: Path,
        progress: Progress | None = None,
        *,
        include_open: bool = False,
    ) -> ExportResult: ...


class Importer(Protocol):
    def __call__(
        self, service: ProjectService, path: Path, progress: Progress | None = None
    ) -> ImportResult: ...


def _load(target: str) -> object:
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)


@dataclass(frozen=True)
class ExportFormat:
    name: str  # what --format takes: "claimline-jsonl"
    suffix: str  # ".jsonl"; "" for a format written as a folder of files
    description: str
    writer: str  # "storage.exporting.claimline_jsonl:write"

    @property
    def is_folder(self) -> bool:
        return not self.suffix

    def load(self) -> Writer:
        return cast(Writer, _load(self.writer))

    def destination_problem(self, out: Path) -> str | None:
        """Why this format cannot be written to `out` (None: it can).

        Only an earlier export is ever replaced: a folder must be new, empty or
        hold exactly what a Claimline export wrote there (its `EXPORT_MARKER`
        lists it), and no file that is a project or another database is taken.
        """
        if self.is_folder and out.exists() and not out.is_dir():
            return f"{out} is a file; this format writes a folder"
        if not self.is_folder and out.is_dir():
            return f"{out} is a folder; this format writes a single file"
        if not out.parent.is_dir():
            return f"the folder {out.parent} does not exist"
        if out.is_file() and (_is_database(out) or _is_database_side_file(out)):
            return (f"{out} is a Claimline project or another database (or one of its "
                    "files); an export never replaces one")
        if self.is_folder and out.is_dir() and (strangers := _not_exported(out)):
            shown = ", ".join(strangers[:3]) + (" …" if len(strangers) > 3 else "")
            return (f"{out} holds files that no Claimline export wrote ({shown}); choose a "
                    "new or empty folder, or the folder of an earlier export to replace it")
        return None

    def replaces(self, out: Path) -> bool:
        """Whether writing to `out` replaces something already there."""
        return out.is_dir() and any(out.iterdir()) if self.is_folder else out.exists()


# A folder export leaves this (hidden) file listing what it wrote, so that a
# later export may replace exactly that and nothing of the researcher's.
EXPORT_MARKER = ".claimline-export.json"


def mark_export(folder: Path, format_name: str) -> None:
    """Record in `folder` that a `format_name` export wrote everything now in it."""
    written = sorted(p.name for p in folder.iterdir())
    (folder / EXPORT_MARKER).write_text(
        json.dumps({"format": format_name, "files": written}, indent=1) + "\n",
        encoding="utf-8")


# What file browsers leave in any folder; an export may take these with it.
_BROWSER_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _not_exported(folder: Path) -> list[str]:
    """What in `folder` an earlier Claimline export did not write (hidden files count)."""
    present = sorted(p.name for p in folder.iterdir()
                     if p.name != EXPORT_MARKER and p.name not in _BROWSER_LITTER)
    try:
        listed = json.loads((folder / EXPORT_MARKER).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        listed = []
    return [name for name in present if name not in set(listed)]


def _is_database_side_file(path: Path) -> bool:
    """A database's log or shared-memory file ("Study.claimline-wal"), its file beside it."""
    for suffix in ("-wal", "-shm", "-journal"):
        if path.name.endswith(suffix):
            return _is_database(path.with_name(path.name.removesuffix(suffix)))
    return False


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


@dataclass(frozen=True)
class ImportFormat:
    name: str
    description: str
    importer: str  # "module:function"
    needs_empty_project: bool = False  # it restores a whole bundle (ids and all)
    reads_folders: bool = False  # it also takes a folder of such files

    def load(self) -> Importer:
        return cast(Importer, _load(self.importer))


FORMATS: dict[str, ExportFormat] = {}
IMPORTERS: dict[str, ImportFormat] = {}


def register(entry: ExportFormat) -> ExportFormat:
    FORMATS[entry.name] = entry
    return entry


def register_importer(entry: ImportFormat) -> ImportFormat:
    IMPORTERS[entry.name] = entry
    return entry


def export_format(name: str) -> ExportFormat:
    """The export format called `name`, or a `KeyError` whose message lists the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"Unknown export format “{name}”; known: {', '.join(sorted(FORMATS))}.") \
            from None


def import_format(name: str) -> ImportFormat:
    try:
        return IMPORTERS[name]
    except KeyError:
        raise KeyError(f"Unknown import format “{name}”; known: {', '.join(sorted(IMPORTERS))}.") \
            from None


# ---------------------------------------------------------------- export formats
register(ExportFormat(
    "claimline-jsonl", ".jsonl",
    "Claimline JSON Lines: the whole bundle, lossless, versioned (docs/claimline-jsonl.md)",
    "storage.exporting.claimline_jsonl:write",
))
register(ExportFormat(
    "spacy-docbin", ".spacy",
    "spaCy DocBin: one Doc per article, entities, claim and timex span groups",
    "storage.exporting.spacy_docbin:write",
))
register(ExportFormat(
    "timeml", "",
    "TimeML: a folder of .tml files, one per article, with TIMEX3 and EVENT tags",
    "storage.exporting.timeml:write",
))
register(ExportFormat(
    "csv", "",
    "CSV tables: articles, claims, events, links and alignments, one row per record",
    "storage.exporting.csv_tables:write",
))
register(ExportFormat(
    "timelinejs", ".json",
    "TimelineJS 3 JSON: one slide per dated event, with its claims",
    "storage.exporting.formats:write_timelinejs",
))

# ---------------------------------------------------------------- importers
register_importer(ImportFormat(
    "claimline-jsonl",
    "Claimline JSON Lines into a new, empty project (everything, ids kept)",
    "storage.exporting.claimline_jsonl:import_into",
    needs_empty_project=True,
))



# ---------------------------------------------------------------- TimelineJS from a bundle
def write_timelinejs(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """The bundle's events as a TimelineJS document (see `storage.exporting.timelinejs`).

    `include_open` has no meaning here: events and claims are the researcher's own.
    """
    from storage.exporting.timelinejs import timeline_json

    by_event: dict[int, list[EventClaim]] = {}
    for link in bundle.links:
        claim = bundle.claim_by_id[link.claim_id]
        article = bundle.article_by_id[claim.article_id]
        by_event.setdefault(link.event_id, []).append(
            EventClaim(_claim_record(claim), article.title, article.outlet, link.relation)
        )
    events = [
        _event_record(event, by_event.get(event.id, []))
        for event in sorted(bundle.events, key=lambda e: (e.earliest or e.latest or _LAST, e.id))
    ]
    titles = {a.title for a in bundle.articles}
    title = titles.pop() if len(titles) == 1 else "Claimline timeline"
    document, undated = timeline_json(events, by_event, title)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if progress:
        progress(len(events), len(events))
    notes = (f"{undated} undated event{'s' if undated != 1 else ''} left out",) if undated else ()
    return ExportResult(str(path), len(document["events"]), notes)


_LAST = dt.date.max


def _claim_record(claim: BundleClaim) -> ClaimRecord:
    return ClaimRecord(
        claim.id, claim.uid, claim.article_id, claim.start, claim.end, claim.quote,
        claim.claimant, claim.certainty, claim.status, claim.note, claim.label_ids,
        claim.from_suggestion_id, claim.created_at,
    )


def _event_record(event: BundleEvent, linked: list[EventClaim]) -> EventRecord:
    date = FuzzyDateFields(
        event.date_phrase, event.timex_type, event.timex_value, event.timex_mod, event.edtf,
        event.earliest, event.latest, event.anchor_date,
    )
    fields = EventFields(
        event.title, date, event.description, event.place,
        tuple(str(p) for p in event.participants), event.tags,
    )
    return EventRecord(
        event.id, event.uid, fields,
        tuple(item.claim.id for item in linked),
        tuple(dict.fromkeys(item.claim.article_id for item in linked)),
        tuple(dict.fromkeys(o for item in linked if (o := item.outlet))),
        event.created_at,
    )


# brat, web-annotation and inception-xmi (writers and importers) register themselves.
from storage.exporting import register_more  # noqa: E402, F401
