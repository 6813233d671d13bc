"""Suggestions: what models propose, stored with provenance, never mistaken for decisions.

Storing is idempotent. A proposal is identified by its fingerprint (kind,
span, label, component), so running a pipeline again never duplicates it:
an open suggestion is refreshed with the new score and details, one that a
researcher accepted or rejected is left exactly as it is, and open ones the
run no longer proposes are withdrawn.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from storage.models import Article, Suggestion, utcnow
from storage.records import (
    SUGGESTION_KINDS,
    SUGGESTION_STATUSES,
    AnnotationInput,
    Provenance,
    ReviewProgress,
    SuggestionLike,
    SuggestionRecord,
    SuggestionsStored,
    SuggestionStatusChange,
)
from storage.service_base import RESEARCHER, InvalidEdit, ServicePart, record_change


def fingerprint(item: SuggestionLike) -> str:
    key = f"{item.kind}|{item.start}|{item.end}|{item.label}|{item.component}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class SuggestionOperations(ServicePart):
    # ------------------------------------------------------------ input for the annotators
    def article_ids(self) -> list[int]:
        with self._sessions.read() as session:
            return list(session.scalars(select(Article.id).order_by(Article.id)))

    def annotation_inputs(self, ids: Sequence[int]) -> list[AnnotationInput]:
        with self._sessions.read() as session:
            rows = session.execute(
                select(
                    Article.id,
                    Article.text,
                    Article.language,
                    Article.published,
                    Article.reference_date,
                ).where(Article.id.in_(list(ids)))
            )
            found = {
                r.id: AnnotationInput(r.id, r.text, r.language, r.reference_date or r.published)
                for r in rows
            }
        return [found[i] for i in ids if i in found]

    # ------------------------------------------------------------ storing
    def store_suggestions(
        self,
        batch: Mapping[int, Sequence[SuggestionLike]],
        provenance: Provenance,
        replace_components: Collection[str],
    ) -> list[SuggestionsStored]:
        """Store the suggestions of several articles in one transaction.

        `replace_components` names the components that ran: their open
        suggestions that are not proposed again are withdrawn. Written with
        bulk statements: a corpus run stores tens of thousands of rows.
        """
        results = []
        with self._sessions.write() as session:
            query = select(Article.id, Article.char_count).where(Article.id.in_(list(batch)))
            lengths = dict(session.execute(query).all())
            now = utcnow()
            for article_id, items in batch.items():
                if article_id not in lengths:
                    continue  # deleted while it was being annotated
                existing = {
                    row.fingerprint: row
                    for row in session.execute(
                        select(
                            Suggestion.id,
                            Suggestion.fingerprint,
                            Suggestion.status,
                            Suggestion.component,
                        ).where(Suggestion.article_id == article_id)
                    )
                }
                new_rows: list[dict[str, object]] = []
                refreshed: list[dict[str, object]] = []
                decided = 0
                proposed: set[str] = set()
                for item in items:
                    _check(item, lengths[article_id])
                    key = fingerprint(item)
                    if key in proposed:
                        continue
                    proposed.add(key)
                    row = existing.get(key)
                    if row is None:
                        new_rows.append(_new_row(article_id, item, key, provenance, now))
                    elif row.status == "open":
                        refreshed.append(
                            {
                                "row_id": row.id,
                                "score": item.score,
                                "attributes": dict(item.attributes),
                                "rule": item.rule,
                                "pipeline": provenance.pipeline,
                                "pipeline_version": provenance.version,
                            }
                        )
                    else:
                        decided += 1
                stale = [
                    row.id
                    for key, row in existing.items()
                    if row.status == "open"
                    and row.component in replace_components
                    and key not in proposed
                ]
                if new_rows:
                    session.execute(insert(_TABLE), new_rows)
                if refreshed:
                    session.execute(_REFRESH, refreshed)
                if stale:
                    session.execute(delete(Suggestion).where(Suggestion.id.in_(stale)))
                result = SuggestionsStored(
                    article_id, len(new_rows), len(refreshed), len(stale), decided
                )
                record_change(
                    session,
                    provenance.actor,
                    "article",
                    article_id,
                    "pre-annotated",
                    {
                        "added": result.added,
                        "refreshed": result.refreshed,
                        "withdrawn": result.withdrawn,
                    },
                )
                results.append(result)
        return results

    # ------------------------------------------------------------ reading
    def list_suggestions(
        self,
        article_id: int,
        kinds: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
    ) -> list[SuggestionRecord]:
        query = select(*SUGGESTION_COLUMNS).where(Suggestion.article_id == article_id)
        if kinds is not None:
            query = query.where(Suggestion.kind.in_(list(kinds)))
        if statuses is not None:
            query = query.where(Suggestion.status.in_(list(statuses)))
        with self._sessions.read() as session:
            text = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
            rows = session.execute(
                query.order_by(Suggestion.start, Suggestion.end, Suggestion.kind, Suggestion.id)
            )
            return [suggestion_record(row, text) for row in rows]

    def get_suggestions(self, ids: Iterable[int]) -> list[SuggestionRecord]:
        """The suggestions `ids` as they are now (after a review decision, say)."""
        with self._sessions.read() as session:
            query = select(*SUGGESTION_COLUMNS).where(Suggestion.id.in_(list(ids)))
            rows = session.execute(query).all()
            texts = dict(
                session.execute(
                    select(Article.id, Article.text).where(
                        Article.id.in_({row.article_id for row in rows})
                    )
                ).all()
            )
            return [suggestion_record(row, texts[row.article_id]) for row in rows]

    def review_progress(
        self, article_ids: Iterable[int] | None = None
    ) -> dict[int, ReviewProgress]:
        query = select(Suggestion.article_id, Suggestion.status, func.count()).group_by(
            Suggestion.article_id, Suggestion.status
        )
        if article_ids is not None:
            query = query.where(Suggestion.article_id.in_(list(article_ids)))
        counts: dict[int, Counter[str]] = {}
        with self._sessions.read() as session:
            for article_id, status, count in session.execute(query):
                counts.setdefault(article_id, Counter())[status] = count
        return {
            a: ReviewProgress(a, c["open"], c["accepted"], c["rejected"]) for a, c in counts.items()
        }

    # ------------------------------------------------------------ review decisions
    def set_suggestion_status(
        self, ids: Sequence[int], status: str, actor: str = RESEARCHER
    ) -> SuggestionStatusChange:
        with self._sessions.write() as session:
            return set_statuses(session, ids, status, actor)

    def restore_suggestion_statuses(self, change: SuggestionStatusChange) -> None:
        """Undo `set_suggestion_status`: put every status back as it was."""
        with self._sessions.write() as session:
            restore_statuses(session, change)

    def redo_suggestion_status(self, change: SuggestionStatusChange) -> None:
        with self._sessions.write() as session:
            reapply_statuses(session, change)


def set_statuses(
    session: Session, ids: Sequence[int], status: str, actor: str
) -> SuggestionStatusChange:
    """Decide suggestions inside an open transaction; returns what undo needs."""
    if status not in SUGGESTION_STATUSES:
        raise InvalidEdit(f"“{status}” is not a suggestion status.")
    rows = list(session.scalars(select(Suggestion).where(Suggestion.id.in_(list(ids)))))
    rows = [row for row in rows if row.status != status]
    before = tuple((row.id, row.status, row.decided_at) for row in rows)
    decided_at = None if status == "open" else utcnow()
    session.execute(
        update(Suggestion)
        .where(Suggestion.id.in_([r.id for r in rows]))
        .values(status=status, decided_at=decided_at)
    )
    for row in rows:
        record_change(session, actor, "suggestion", row.id, status, {"before": row.status})
    articles = tuple(sorted({row.article_id for row in rows}))
    return SuggestionStatusChange(before, status, articles, decided_at)


def reapply_statuses(session: Session, change: SuggestionStatusChange) -> None:
    """Redo a decision exactly as it was first made (same status, same time)."""
    ids = [suggestion_id for suggestion_id, _status, _at in change.before]
    session.execute(
        update(Suggestion)
        .where(Suggestion.id.in_(ids))
        .values(status=change.status, decided_at=change.decided_at)
    )
    for suggestion_id in ids:
        record_change(
            session, RESEARCHER, "suggestion", suggestion_id, change.status, {"redone": True}
        )


def restore_statuses(session: Session, change: SuggestionStatusChange) -> None:
    for suggestion_id, status, decided_at in change.before:
        session.execute(
            update(Suggestion)
            .where(Suggestion.id == suggestion_id)
            .values(status=status, decided_at=decided_at)
        )
        record_change(
            session, RESEARCHER, "suggestion", suggestion_id, "restored", {"status": status}
        )


def _check(item: SuggestionLike, text_length: int) -> None:
    if item.kind not in SUGGESTION_KINDS:
        raise ValueError(f"unknown suggestion kind {item.kind!r}")
    if not 0 <= item.start <= item.end <= text_length:
        raise ValueError(f"suggestion span {item.start}:{item.end} is outside the text")


def _new_row(
    article_id: int, item: SuggestionLike, key: str, provenance: Provenance, now: dt.datetime
) -> dict[str, object]:
    return {
        "article_id": article_id,
        "kind": item.kind,
        "start": item.start,
        "end": item.end,
        "label": item.label,
        "attributes": dict(item.attributes),
        "score": item.score,
        "status": "open",
        "pipeline": provenance.pipeline,
        "pipeline_version": provenance.version,
        "component": item.component,
        "rule": item.rule,
        "fingerprint": key,
        "created_at": now,
        "decided_at": None,
    }


_TABLE = cast(Table, Suggestion.__table__)
_REFRESH = (
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("row_id"))
    .values(
        score=bindparam("score"),
        attributes=bindparam("attributes"),
        rule=bindparam("rule"),
        pipeline=bindparam("pipeline"),
        pipeline_version=bindparam("pipeline_version"),
    )
)


# Plain columns: a long article has thousands of suggestions, and loading them as
# ORM objects would cost ten times as much as reading the rows.
SUGGESTION_COLUMNS = (
    Suggestion.id,
    Suggestion.article_id,
    Suggestion.kind,
    Suggestion.start,
    Suggestion.end,
    Suggestion.label,
    Suggestion.attributes,
    Suggestion.score,
    Suggestion.status,
    Suggestion.pipeline,
    Suggestion.pipeline_version,
    Suggestion.component,
    Suggestion.rule,
    Suggestion.created_at,
    Suggestion.decided_at,
)


def suggestion_record(row: Any, text: str) -> SuggestionRecord:
    # Unpacked by position (the order of SUGGESTION_COLUMNS): reading a row's
    # fields by name costs more than building the record, and a long article
    # lists thousands of these each time it is opened.
    (id_, article_id, kind, start, end, label, attributes, score, status, pipeline,
     pipeline_version, component, rule, created_at, decided_at) = row
    return SuggestionRecord(
        id=id_,
        article_id=article_id,
        kind=kind,
        start=start,
        end=end,
        text=text[start:end],
        label=label,
        attributes=dict(attributes),
        score=score,
        status=status,
        pipeline=pipeline,
        pipeline_version=pipeline_version,
        component=component,
        rule=rule,
        created_at=created_at,
        decided_at=decided_at,
    )
