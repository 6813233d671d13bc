"""Alignments between two articles: what the aligner proposes, and the researcher's verdict.

A re-run replaces the earlier run's proposals for the same pair of articles,
but never a confirmed or rejected alignment: a proposal for the same passages
as a decided one is not stored again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, and_, delete, insert, or_, select, update
from sqlalchemy.engine import CursorResult

from storage.models import (
    Alignment,
    Article,
    ArticleRelation,
    Claim,
    ClaimEventLink,
    utcnow,
)
from storage.records import (
    ALIGNMENT_RELATIONS,
    ALIGNMENT_STATUSES,
    DIFFERENCE_KINDS,
    AlignedLike,
    AlignmentRecord,
    AlignmentsStored,
    DifferenceRecord,
)
from storage.service_base import (
    RESEARCHER,
    ArticleNotFound,
    InvalidEdit,
    ServicePart,
    record_change,
)

_TABLE = cast(Table, Alignment.__table__)


class AlignmentOperations(ServicePart):
    # ------------------------------------------------------------ reading
    def original_of(self, article_id: int) -> int | None:
        """The article this one is recorded as derived from (its original), if any."""
        with self._sessions.read() as session:
            return session.scalar(
                select(ArticleRelation.other_id)
                .where(
                    ArticleRelation.article_id == article_id, ArticleRelation.kind == "derived_from"
                )
                .order_by(ArticleRelation.id)
                .limit(1)
            )

    def list_alignments(self, article_a: int, article_b: int) -> list[AlignmentRecord]:
        with self._sessions.read() as session:
            texts = dict(
                session.execute(
                    select(Article.id, Article.text).where(Article.id.in_([article_a, article_b]))
                ).all()
            )
            rows = session.scalars(
                select(Alignment).where(
                    Alignment.article_a_id == article_a, Alignment.article_b_id == article_b
                )
            )
            records = [_record(row, texts) for row in rows]
        return sorted(records, key=_position)

    def get_alignment(self, alignment_id: int) -> AlignmentRecord:
        with self._sessions.read() as session:
            row = session.get(Alignment, alignment_id)
            if row is None:
                raise LookupError(f"There is no alignment with id {alignment_id}.")
            texts = dict(
                session.execute(
                    select(Article.id, Article.text).where(
                        Article.id.in_([row.article_a_id, row.article_b_id])
                    )
                ).all()
            )
            return _record(row, texts)

    def compared_pairs(self) -> list[tuple[int, int]]:
        """Pairs of articles that have alignments (A, B)."""
        with self._sessions.read() as session:
            return [
                (a, b)
                for a, b in session.execute(
                    select(Alignment.article_a_id, Alignment.article_b_id).distinct()
                )
            ]

    def event_conflicts(self, event_ids: Iterable[int] | None = None) -> set[int]:
        """Events whose linked claims disagree: two of them aligned as conflicting (and not
        rejected), or one linked as disputing the event."""
        links_a = ClaimEventLink.__table__.alias("a")
        links_b = ClaimEventLink.__table__.alias("b")
        conflicting = (
            select(links_a.c.event_id)
            .join(
                Alignment,
                or_(
                    Alignment.claim_a_id == links_a.c.claim_id,
                    Alignment.claim_b_id == links_a.c.claim_id,
                ),
            )
            .join(
                links_b,
                and_(
                    links_b.c.event_id == links_a.c.event_id,
                    or_(
                        Alignment.claim_a_id == links_b.c.claim_id,
                        Alignment.claim_b_id == links_b.c.claim_id,
                    ),
                    links_b.c.claim_id != links_a.c.claim_id,
                ),
            )
            .where(Alignment.relation == "conflicting", Alignment.status != "rejected")
        )
        disputed = select(ClaimEventLink.event_id).where(ClaimEventLink.relation == "disputes")
        if event_ids is not None:
            wanted = list(event_ids)
            conflicting = conflicting.where(links_a.c.event_id.in_(wanted))
            disputed = disputed.where(ClaimEventLink.event_id.in_(wanted))
        with self._sessions.read() as session:
            return set(session.scalars(conflicting)) | set(session.scalars(disputed))

    # ------------------------------------------------------------ storing proposals
    def store_alignments(
        self, article_a: int, article_b: int, passages: Sequence[AlignedLike], aligner: str
    ) -> AlignmentsStored:
        """Store the aligner's proposals for A and B, keeping the researcher's verdicts.

        The articles or claims may have been deleted while the aligner ran:
        a missing article refuses the whole store, a missing claim drops its rows.
        """
        with self._sessions.write() as session:
            present = set(session.scalars(
                select(Article.id).where(Article.id.in_((article_a, article_b)))))
            if present != {article_a, article_b}:
                raise ArticleNotFound("One of the two articles was deleted while they were "
                                      "being compared; nothing was stored.")
            named = {c for p in passages for c in (p.claim_a, p.claim_b) if c is not None}
            claims = set(session.scalars(select(Claim.id).where(Claim.id.in_(named))))
            decided = {
                _key(r.a_start, r.a_end, r.b_start, r.b_end, r.claim_a_id, r.claim_b_id)
                for r in session.scalars(
                    select(Alignment).where(
                        Alignment.article_a_id == article_a,
                        Alignment.article_b_id == article_b,
                        Alignment.status != "proposed",
                    )
                )
            }
            stale = list(
                session.scalars(
                    select(Alignment.id).where(
                        Alignment.article_a_id == article_a,
                        Alignment.article_b_id == article_b,
                        Alignment.status == "proposed",
                    )
                )
            )
            session.execute(delete(Alignment).where(Alignment.id.in_(stale)))
            replaced = len(stale)
            now = utcnow()
            rows, kept = [], 0
            for p in passages:
                if p.relation not in ALIGNMENT_RELATIONS:
                    raise ValueError(f"unknown alignment relation {p.relation!r}")
                if _key(p.a_start, p.a_end, p.b_start, p.b_end, p.claim_a, p.claim_b) in decided:
                    kept += 1
                    continue
                if any(c is not None and c not in claims for c in (p.claim_a, p.claim_b)):
                    continue  # a claim deleted meanwhile
                rows.append(
                    {
                        "article_a_id": article_a,
                        "article_b_id": article_b,
                        "a_start": p.a_start,
                        "a_end": p.a_end,
                        "b_start": p.b_start,
                        "b_end": p.b_end,
                        "claim_a_id": p.claim_a,
                        "claim_b_id": p.claim_b,
                        "relation": p.relation,
                        "differences": [_difference(d) for d in p.differences],
                        "score": p.score,
                        "reason": p.reason,
                        "status": "proposed",
                        "aligner": aligner,
                        "created_at": now,
                        "decided_at": None,
                    }
                )
            if rows:
                session.execute(insert(_TABLE), rows)
            record_change(
                session,
                aligner,
                "article",
                article_b,
                "aligned",
                {"with": article_a, "added": len(rows), "replaced": replaced},
            )
        return AlignmentsStored(len(rows), replaced, kept)

    # ------------------------------------------------------------ the researcher's verdict
    def decide_alignment(
        self,
        alignment_id: int,
        relation: str,
        status: str,
        differences: Sequence[DifferenceRecord] | None = None,
    ) -> tuple[AlignmentRecord, AlignmentRecord]:
        """Confirm, change or reject a proposal; returns (before, after) for undo."""
        if relation not in ALIGNMENT_RELATIONS:
            raise InvalidEdit(f"An alignment is one of: {', '.join(ALIGNMENT_RELATIONS)}.")
        if status not in ALIGNMENT_STATUSES:
            raise InvalidEdit(f"An alignment's status is one of: {', '.join(ALIGNMENT_STATUSES)}.")
        for difference in differences or ():
            if difference.kind not in DIFFERENCE_KINDS:
                raise InvalidEdit(f"A difference is one of: {', '.join(DIFFERENCE_KINDS)}.")
        before = self.get_alignment(alignment_id)
        values: dict[str, Any] = {
            "relation": relation,
            "status": status,
            "decided_at": None if status == "proposed" else utcnow(),
            "differences": [
                _difference(d) for d in (before.differences if differences is None else differences)
            ],
        }
        with self._sessions.write() as session:
            session.execute(update(Alignment).where(Alignment.id == alignment_id).values(**values))
            record_change(
                session,
                RESEARCHER,
                "alignment",
                alignment_id,
                status,
                {"relation": [before.relation, relation]},
            )
        return before, self.get_alignment(alignment_id)

    def restore_alignment(self, record: AlignmentRecord) -> None:
        """Put an alignment's verdict back exactly as `record` has it (undo, redo)."""
        with self._sessions.write() as session:
            done = cast(CursorResult[Any], session.execute(
                update(Alignment)
                .where(Alignment.id == record.id)
                .values(
                    relation=record.relation,
                    status=record.status,
                    decided_at=record.decided_at,
                    differences=[_difference(d) for d in record.differences],
                )
            ))
            if done.rowcount == 0:
                raise InvalidEdit("That pair is no longer in the comparison (aligning again "
                                  "replaced it), so its verdict cannot be put back.")


# ---------------------------------------------------------------- helpers
def _key(*values: int | None) -> tuple[int | None, ...]:
    return values


def _difference(d: Any) -> dict[str, str]:
    return {"kind": d.kind, "a": d.a, "b": d.b, "note": getattr(d, "note", "")}


def _position(record: AlignmentRecord) -> tuple[int, int, int]:
    """Reading order: by where the passage is in A, B's additions where they fall in B."""
    first = record.a_start if record.a_start is not None else record.b_start or 0
    return (0 if record.level == "sentence" else 1, first, record.id)


def _record(row: Alignment, texts: dict[int, str]) -> AlignmentRecord:
    a_text = texts.get(row.article_a_id, "")
    b_text = texts.get(row.article_b_id, "")
    return AlignmentRecord(
        id=row.id,
        article_a_id=row.article_a_id,
        article_b_id=row.article_b_id,
        a_start=row.a_start,
        a_end=row.a_end,
        b_start=row.b_start,
        b_end=row.b_end,
        a_text=a_text[row.a_start : row.a_end] if row.a_start is not None else "",
        b_text=b_text[row.b_start : row.b_end] if row.b_start is not None else "",
        claim_a_id=row.claim_a_id,
        claim_b_id=row.claim_b_id,
        relation=row.relation,
        differences=tuple(
            DifferenceRecord(d.get("kind", ""), d.get("a", ""), d.get("b", ""), d.get("note", ""))
            for d in row.differences or ()
        ),
        score=row.score,
        reason=row.reason,
        status=row.status,
        aligner=row.aligner,
        created_at=row.created_at,
        decided_at=row.decided_at,
    )
