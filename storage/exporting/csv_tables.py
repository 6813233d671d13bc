"""CSV tables: a folder with articles.csv, claims.csv, events.csv, links.csv, alignments.csv.

For spreadsheets and data-frame tools: UTF-8 without a byte-order mark, a
header row, one row per record, RFC 4180 quoting (so quotes with line breaks
stay in one cell), "\\n" line ends. Dates and times are ISO 8601, unknown
values are empty cells, and lists (labels, tags, participants, event ids)
are joined with "; ". The article texts are not repeated in articles.csv
(claims and alignments carry their passages); the Claimline JSONL export
holds everything.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storage.bundle import ExportBundle, ExportResult, Progress

SEPARATOR = "; "

ARTICLE_COLUMNS = ("id", "uid", "title", "outlet", "author", "url", "language", "published",
                   "reference_date", "char_count", "word_count", "origin", "source_format",
                   "derived_from", "imported_at")
CLAIM_COLUMNS = ("id", "uid", "article_id", "article_title", "outlet", "start", "end", "quote",
                 "claimant", "certainty", "status", "labels", "note", "event_ids",
                 "from_suggestion_id", "pipeline", "created_at")
EVENT_COLUMNS = ("id", "uid", "title", "description", "place", "participants", "tags",
                 "date_phrase", "timex_type", "timex_value", "timex_mod", "edtf", "earliest",
                 "latest", "anchor_date", "claim_ids", "article_ids", "created_at")
LINK_COLUMNS = ("claim_id", "claim_uid", "event_id", "event_uid", "event_title", "relation",
                "article_id", "created_at")
ALIGNMENT_COLUMNS = ("id", "article_a_id", "article_b_id", "level", "relation", "status",
                     "a_start", "a_end", "a_text", "b_start", "b_end", "b_text", "claim_a_id",
                     "claim_b_id", "differences", "score", "reason", "aligner", "created_at",
                     "decided_at")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(str(v) for v in value)
    return value


def _articles(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    derived: dict[int, list[int]] = {}
    for r in bundle.relations:
        if r.kind == "derived_from":
            derived.setdefault(r.article_id, []).append(r.other_id)
    for a in bundle.articles:
        row = {name: getattr(a, name) for name in ARTICLE_COLUMNS if name != "derived_from"}
        yield {**row, "derived_from": derived.get(a.id, [])}


def _claims(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    pipelines = {s.id: f"{s.pipeline} {s.pipeline_version}" for s in bundle.suggestions
                 if s.kind == "claim"}
    for c in bundle.claims:
        article = bundle.article_by_id[c.article_id]
        yield {
            "id": c.id, "uid": c.uid, "article_id": c.article_id, "article_title": article.title,
            "outlet": article.outlet, "start": c.start, "end": c.end, "quote": c.quote,
            "claimant": c.claimant, "certainty": c.certainty, "status": c.status,
            "labels": bundle.label_names(c), "note": c.note,
            "event_ids": [link.event_id for link in bundle.links_of(c.id)],
            "from_suggestion_id": c.from_suggestion_id,
            "pipeline": pipelines.get(c.from_suggestion_id or 0), "created_at": c.created_at,
        }


def _events(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    claims: dict[int, list[int]] = {}
    for link in bundle.links:
        claims.setdefault(link.event_id, []).append(link.claim_id)
    for e in bundle.events:
        linked = claims.get(e.id, [])
        articles = dict.fromkeys(bundle.claim_by_id[c].article_id for c in linked)
        row = {name: getattr(e, name) for name in EVENT_COLUMNS
               if name not in ("claim_ids", "article_ids")}
        yield {**row, "claim_ids": linked, "article_ids": list(articles)}


def _links(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    for link in bundle.links:
        claim, event = bundle.claim_by_id[link.claim_id], bundle.event_by_id[link.event_id]
        yield {
            "claim_id": claim.id, "claim_uid": claim.uid, "event_id": event.id,
            "event_uid": event.uid, "event_title": event.title, "relation": link.relation,
            "article_id": claim.article_id, "created_at": link.created_at,
        }


def _difference(d: Any) -> str:
    if not isinstance(d, dict):
        return str(d)
    change = d.get("note") or f"{d.get('a', '')} → {d.get('b', '')}"
    return f"{d.get('kind', '')}: {change}"


def _alignments(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    for a in bundle.alignments:
        level = "claim" if a.claim_a_id is not None or a.claim_b_id is not None else "sentence"
        row = {name: getattr(a, name) for name in ALIGNMENT_COLUMNS
               if name not in ("level", "a_text", "b_text", "differences")}
        yield {
            **row, "level": level,
            "a_text": bundle.span_text(a.article_a_id, a.a_start, a.a_end),
            "b_text": bundle.span_text(a.article_b_id, a.b_start, a.b_end),
            "differences": [_difference(d) for d in a.differences],
        }


TABLES = (
    ("articles.csv", ARTICLE_COLUMNS, _articles),
    ("claims.csv", CLAIM_COLUMNS, _claims),
    ("events.csv", EVENT_COLUMNS, _events),
    ("links.csv", LINK_COLUMNS, _links),
    ("alignments.csv", ALIGNMENT_COLUMNS, _alignments),
)


def _write_table(path: Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
            count += 1
    return count


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """Write the tables into the folder `path` (created if missing).

    `include_open` has no meaning here: the tables hold the researcher's own records.
    """
    path.mkdir(parents=True, exist_ok=True)
    rows = 0
    for done, (name, columns, produce) in enumerate(TABLES, start=1):
        rows += _write_table(path / name, columns, produce(bundle))
        if progress:
            progress(done, len(TABLES))
    return ExportResult(str(path), rows)
