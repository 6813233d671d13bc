"""Writing imported documents into a project, inside one transaction of the service.

`AnnotationImportOperations.store_imported` opens the transaction and calls
`write_documents`; nothing here opens a session of its own, so an import
either arrives whole (articles, suggestions, claims, labels, links and their
history) or not at all.

An imported text that the project already holds (after the usual
normalisation) is matched to that article instead of stored twice. Importing
the same files again adds nothing: suggestions and claims already present on
the same span are skipped. Imported entities and dates are suggestions with the
provenance "import:<format>" (version "", rule = the file name), never
decisions; claims are the researcher's own, and their history says
"imported from <format> <file>". A label the project lacks is created (grey,
no shortcut); an event link is kept only if the event is in the project.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from storage.annotation_import.anchoring import anchor
from storage.annotation_import.documents import (
    ImportedClaim,
    ImportedDocument,
    ImportedSpan,
)
from storage.article_operations import insert_articles
from storage.bundle import ImportedIds, ImportResult, Progress
from storage.importing import ParsedArticle
from storage.models import (
    CLAIM_STATUSES,
    Article,
    Change,
    Claim,
    ClaimEventLink,
    ClaimLabel,
    Event,
    Label,
    Suggestion,
)
from storage.records import CERTAINTIES, LINK_RELATIONS, ProposedSuggestion
from storage.service_base import record_change
from storage.suggestion_operations import fingerprint

NEW_LABEL_COLOUR = "#888888"


@dataclass
class _Tally:
    """Counts for the report and the ids of everything created, for undo."""

    entities: int = 0
    timexes: int = 0
    notes: list[str] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    suggestions: list[int] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)

    def result(self) -> ImportResult:
        counts = {
            "new articles": len(self.articles), "claims": len(self.claims),
            "entities": self.entities, "dates": self.timexes, "event links": len(self.links),
            "new labels": len(self.labels),
        }
        created = ImportedIds(
            articles=tuple(self.articles), claims=tuple(self.claims),
            suggestions=tuple(self.suggestions), labels=tuple(self.labels),
            links=tuple(self.links),
        )
        return ImportResult(counts, tuple(self.notes), created)


def write_documents(
    session: Session,
    documents: Sequence[ImportedDocument],
    source: str,
    progress: Progress | None = None,
    *,
    notes: Sequence[str] = (),
) -> ImportResult:
    """Store `documents` read from files of format `source` in the session's transaction."""
    tally = _Tally(notes=list(notes))
    for document in documents:
        tally.notes.extend(document.notes)
    actor = f"import:{source}"
    article_ids = _article_ids(session, documents, source, tally)
    texts: dict[int, str] = dict(
        session.execute(
            select(Article.id, Article.text).where(Article.id.in_(sorted(set(article_ids))))
        ).all()
    )
    missing = sorted(set(article_ids) - set(texts))
    if missing:
        raise ValueError(f"There is no article with id {missing[0]} in this project.")
    total = len(documents)
    if progress:
        progress(0, total)
    labels: dict[str, int] = dict(session.execute(select(Label.name, Label.id)).all())
    events: dict[str, int] = dict(session.execute(select(Event.uid, Event.id)).all())
    for done, (document, article_id) in enumerate(
        zip(documents, article_ids, strict=True), start=1
    ):
        placer = _Placer(document, texts[article_id], tally)
        _store_spans(session, document, article_id, placer, source, actor, tally)
        _store_claims(session, document, article_id, placer, labels, events, source, tally)
        if progress:
            progress(done, total)
    return tally.result()


def _article_ids(
    session: Session,
    documents: Sequence[ImportedDocument],
    source: str,
    tally: _Tally,
) -> list[int]:
    """The article of each document: the one it names, or its text stored (or found) now."""
    new = [d for d in documents if d.article_id is None]
    origins = [d.origin for d in new]
    if len(set(origins)) != len(origins):
        raise ValueError("every imported document needs its own origin")
    parsed = [
        ParsedArticle(
            text=d.text or "", title=d.title or PurePath(d.origin).stem, outlet=d.outlet,
            author=d.author, url=d.url, language=d.language, published=d.published,
            origin=d.origin,
            format=source[:16],
        )
        for d in new
    ]
    found: dict[str, int] = {}
    if parsed:
        added, repeated = insert_articles(session, parsed, f"import:{source}")
        tally.articles.extend(row.id for row in added)
        found.update({row.origin: row.id for row in added})
        for origin, row in repeated:
            found[origin] = row.id
            tally.notes.append(
                f"{origin}: the text is article {row.id} “{row.title}”, already in the "
                "project; its annotations go there (those it has already are skipped)"
            )
    return [d.article_id if d.article_id is not None else found[d.origin] for d in documents]


class _Placer:
    """Puts a document's spans into the stored text, finding them again if it differs."""

    def __init__(self, document: ImportedDocument, text: str, tally: _Tally) -> None:
        self.same_text = document.text is None or document.text == text
        self.text = text
        self.tally = tally
        self.origin = document.origin

    def place(self, start: int, end: int, quote: str, where: str,
              prefix: str = "", suffix: str = "") -> tuple[int, int] | None:
        if self.same_text and 0 <= start < end <= len(self.text):
            return start, end
        span = anchor(self.text, quote, start=start, end=end, prefix=prefix, suffix=suffix)
        if span is None:
            self.tally.notes.append(
                f"{where or self.origin}: “{_short(quote)}” is not in the stored text; left out"
            )
        return span


def _store_spans(
    session: Session,
    document: ImportedDocument,
    article_id: int,
    placer: _Placer,
    source: str,
    actor: str,
    tally: _Tally,
) -> None:
    existing: set[tuple[str, int, int, str]] = set(
        session.execute(
            select(Suggestion.kind, Suggestion.start, Suggestion.end, Suggestion.label).where(
                Suggestion.article_id == article_id
            )
        )
    )
    rule = document.file_name
    rows: list[dict[str, Any]] = []
    for span in document.spans:
        placed = placer.place(span.start, span.end, span.quote, span.where)
        if placed is None:
            continue
        key = (span.kind, placed[0], placed[1], span.label)
        if key in existing:
            continue
        existing.add(key)
        rows.append(_suggestion_row(article_id, span, placed, source, rule))
        if span.kind == "timex":
            tally.timexes += 1
        else:
            tally.entities += 1
    if rows:
        ids = session.scalars(
            insert(Suggestion).returning(Suggestion.id, sort_by_parameter_order=True), rows
        )
        tally.suggestions.extend(ids)
        record_change(session, actor, "article", article_id, "annotations imported",
                      {"suggestions": len(rows), "file": rule})


def _suggestion_row(
    article_id: int, span: ImportedSpan, placed: tuple[int, int], source: str, rule: str
) -> dict[str, Any]:
    proposal = ProposedSuggestion(span.kind, placed[0], placed[1], span.label, source,
                                  dict(span.attributes), None, rule)
    return {
        "article_id": article_id, "kind": span.kind, "start": placed[0], "end": placed[1],
        "label": span.label, "attributes": dict(span.attributes), "score": None,
        "status": "open", "pipeline": f"import:{source}", "pipeline_version": "",
        "component": source, "rule": rule, "fingerprint": fingerprint(proposal),
    }


def _store_claims(
    session: Session,
    document: ImportedDocument,
    article_id: int,
    placer: _Placer,
    labels: dict[str, int],
    events: dict[str, int],
    source: str,
    tally: _Tally,
) -> None:
    """The document's claims, written a statement per kind of row, not per claim.

    An import holds the project's write lock until it commits; batching keeps
    that short enough that an edit in the window is not kept waiting.
    """
    taken: set[tuple[int, int]] = set(
        session.execute(
            select(Claim.start, Claim.end).where(Claim.article_id == article_id)
        )
    )
    accepted: list[tuple[ImportedClaim, int, int, str]] = []
    rows: list[dict[str, Any]] = []
    for claim in document.claims:
        placed = placer.place(claim.start, claim.end, claim.quote, claim.where,
                              claim.prefix, claim.suffix)
        if placed is None:
            continue
        where = claim.where or document.origin
        start, end = placed
        if not placer.text[start:end].strip():
            tally.notes.append(f"{where}: a claim of only spaces or line breaks; left out")
            continue
        if (start, end) in taken:
            continue
        taken.add((start, end))
        accepted.append((claim, start, end, where))
        rows.append(_claim_row(article_id, claim, placer.text[start:end], start, end, where,
                               tally))
    if not rows:
        return
    ids = list(session.scalars(
        insert(Claim).returning(Claim.id, sort_by_parameter_order=True), rows))
    actor = f"import:{source}"
    assigned: list[dict[str, int]] = []
    changes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for claim_id, (claim, start, end, where) in zip(ids, accepted, strict=True):
        label_ids = [_label_id(session, name, labels, actor, tally) for name in claim.labels]
        assigned.extend({"claim_id": claim_id, "label_id": i} for i in dict.fromkeys(label_ids))
        changes.append({
            "actor": actor, "subject_type": "claim", "subject_id": claim_id,
            "action": "imported", "detail": {
                "span": [start, end], "format": source, "file": document.file_name,
                "summary": f"imported from {source} {document.file_name}",
            },
        })
        tally.claims.append(claim_id)
        links.extend(_event_links(claim_id, claim, events, where, tally))
    for model, values in ((ClaimLabel, assigned), (Change, changes), (ClaimEventLink, links)):
        if values:
            session.execute(insert(model), values)


def _claim_row(article_id: int, claim: ImportedClaim, quote: str, start: int, end: int,
               where: str, tally: _Tally) -> dict[str, Any]:
    certainty = claim.certainty
    if certainty is not None and certainty not in CERTAINTIES:
        tally.notes.append(f"{where}: certainty “{certainty}” is not one of "
                           f"{', '.join(CERTAINTIES)}; left unset")
        certainty = None
    status = claim.status
    if status not in CLAIM_STATUSES:
        tally.notes.append(f"{where}: status “{status}” is not one of "
                           f"{', '.join(CLAIM_STATUSES)}; set to open")
        status = "open"
    return {
        "uid": str(uuid.uuid4()), "article_id": article_id, "start": start, "end": end,
        "quote": quote, "claimant": (claim.claimant or "").strip() or None,
        "certainty": certainty, "status": status, "note": claim.note,
    }


def _label_id(session: Session, name: str, labels: dict[str, int], actor: str,
              tally: _Tally) -> int:
    """The id of the label called `name`; a project without one gets it (grey, no shortcut)."""
    if name not in labels:
        position = (session.scalar(select(func.max(Label.position))) or 0) + 1
        row = Label(name=name, color=NEW_LABEL_COLOUR, position=position)
        session.add(row)
        session.flush()
        labels[name] = row.id
        tally.labels.append(row.id)
        tally.notes.append(f"label “{name}” was not in the project; created")
        record_change(session, actor, "label", row.id, "created", {"name": name})
    return labels[name]


def _event_links(claim_id: int, claim: ImportedClaim, events: dict[str, int], where: str,
                 tally: _Tally) -> list[dict[str, Any]]:
    """The claim's links to events the project holds, as rows; the others are noted."""
    rows: list[dict[str, Any]] = []
    linked: set[int] = set()
    for link in claim.events:
        uid = (link.event_uid or "").removeprefix("urn:uuid:")
        event_id = events.get(uid)
        if event_id is None:
            tally.notes.append(f"{where}: event “{link.title or uid}” is not in this project; "
                               "link left out")
            continue
        if event_id in linked:  # the same event named twice for one claim
            continue
        linked.add(event_id)
        relation = link.relation if link.relation in LINK_RELATIONS else "reports"
        rows.append({"claim_id": claim_id, "event_id": event_id, "relation": relation})
        tally.links.append((claim_id, event_id))
    return rows


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
