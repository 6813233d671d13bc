"""Claims and their labels: marking, editing, deleting, and accepting suggestions as claims.

Every edit is recorded in the change history with who made it; a claim made
by accepting a suggestion says which suggestion of which pipeline it came from.
Edits return before/after records or snapshots, so the GUI's undo restores the
database exactly.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, text
from sqlalchemy.orm import Session

from storage.models import (
    CLAIM_STATUSES,
    Alignment,
    Article,
    Change,
    Claim,
    ClaimEventLink,
    ClaimLabel,
    Event,
    Label,
    Suggestion,
)
from storage.records import (
    CERTAINTIES,
    Acceptance,
    ChangeRecord,
    ClaimFields,
    ClaimListing,
    ClaimRecord,
    ClaimsChanged,
    ClaimSnapshot,
    LinkedEvent,
)
from storage.service_base import (
    RESEARCHER,
    InvalidEdit,
    RecordNotFound,
    Rows,
    ServicePart,
    insert_rows,
    record_change,
    table_rows,
)
from storage.suggestion_operations import reapply_statuses, restore_statuses, set_statuses

ENTITY_CLAIMANT_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


class ClaimNotFound(RecordNotFound):
    pass


class ClaimOperations(ServicePart):
    # ------------------------------------------------------------ reading
    def list_claims(self, article_id: int) -> list[ClaimRecord]:
        with self._sessions.read() as session:
            rows = session.scalars(
                select(Claim)
                .where(Claim.article_id == article_id)
                .order_by(Claim.start, Claim.end, Claim.id)
            )
            return claim_records(session, list(rows))

    def get_claim(self, claim_id: int) -> ClaimRecord:
        with self._sessions.read() as session:
            return claim_records(session, [_claim(session, claim_id)])[0]

    def claim_history(self, claim_id: int) -> list[ChangeRecord]:
        with self._sessions.read() as session:
            rows = session.scalars(
                select(Change)
                .where(Change.subject_type == "claim", Change.subject_id == claim_id)
                .order_by(Change.id)
            )
            return [ChangeRecord(r.at, r.actor, r.action, dict(r.detail)) for r in rows]

    def claim_counts(self, article_ids: Iterable[int] | None = None) -> dict[int, int]:
        query = select(Claim.article_id, func.count()).group_by(Claim.article_id)
        if article_ids is not None:
            query = query.where(Claim.article_id.in_(list(article_ids)))
        with self._sessions.read() as session:
            return dict(session.execute(query).all())

    def claim_events(self, claim_id: int) -> list[LinkedEvent]:
        """The events a claim is linked to (claims become events on the timeline)."""
        with self._sessions.read() as session:
            rows = session.execute(
                select(
                    Event.id,
                    Event.title,
                    Event.date_phrase,
                    Event.timex_value,
                    ClaimEventLink.relation,
                )
                .join(ClaimEventLink, ClaimEventLink.event_id == Event.id)
                .where(ClaimEventLink.claim_id == claim_id)
                .order_by(Event.earliest, Event.id)
            ).all()
        return [LinkedEvent(*row) for row in rows]

    def claimant_choices(self, article_id: int) -> list[str]:
        """Names a claimant may be chosen from: the article's people, organisations and
        places (as proposed or accepted entities), then claimants already used anywhere."""
        with self._sessions.read() as session:
            article_text = session.scalar(select(Article.text).where(Article.id == article_id))
            spans = session.execute(
                select(Suggestion.start, Suggestion.end)
                .where(
                    Suggestion.article_id == article_id,
                    Suggestion.kind == "entity",
                    Suggestion.label.in_(ENTITY_CLAIMANT_LABELS),
                    Suggestion.status != "rejected",
                )
                .order_by(Suggestion.start)
            ).all()
            used = session.scalars(
                select(Claim.claimant).where(Claim.claimant.is_not(None)).distinct()
            ).all()
        names: dict[str, None] = {}
        for start, end in spans:
            names[" ".join((article_text or "")[start:end].split())] = None
        for name in sorted(n for n in used if n):
            names[name] = None
        return [n for n in names if n]

    def find_claims(
        self,
        *,
        label_ids: Iterable[int] | None = None,
        claimant: str | None = None,
        statuses: Iterable[str] | None = None,
        article_ids: Iterable[int] | None = None,
        outlet: str | None = None,
        words: str | None = None,
    ) -> list[ClaimListing]:
        """Claims across the project matching every filter given."""
        query = select(Claim, Article.title, Article.outlet).join(Article)
        if label_ids is not None:
            query = query.where(
                Claim.id.in_(
                    select(ClaimLabel.claim_id).where(ClaimLabel.label_id.in_(list(label_ids)))
                )
            )
        if claimant:
            query = query.where(Claim.claimant.ilike(f"%{claimant}%"))
        if statuses is not None:
            query = query.where(Claim.status.in_(list(statuses)))
        if article_ids is not None:
            query = query.where(Claim.article_id.in_(list(article_ids)))
        if outlet:
            query = query.where(Article.outlet.ilike(f"%{outlet}%"))
        if words and (match := fts_query(words)):
            query = query.where(
                Claim.id.in_(
                    select(text("rowid"))
                    .select_from(text("claims_fts"))
                    .where(text("claims_fts MATCH :match"))
                    .params(match=match)
                )
            )
        with self._sessions.read() as session:
            rows = session.execute(query.order_by(Claim.article_id, Claim.start)).all()
            records = claim_records(session, [r[0] for r in rows])
            names = dict(session.execute(select(Label.id, Label.name)).all())
        return [
            ClaimListing(record, title, outlet_, tuple(names[i] for i in record.label_ids))
            for record, (_claim_row, title, outlet_) in zip(records, rows, strict=True)
        ]

    # ------------------------------------------------------------ changing
    def create_claim(
        self, article_id: int, fields: ClaimFields, *, actor: str = RESEARCHER
    ) -> ClaimRecord:
        with self._sessions.write() as session:
            row = _new_claim(session, article_id, fields)
            record_change(
                session, actor, "claim", row.id, "created", {"span": [fields.start, fields.end]}
            )
            return claim_records(session, [row])[0]

    def update_claim(
        self, claim_id: int, fields: ClaimFields, *, actor: str = RESEARCHER
    ) -> tuple[ClaimRecord, ClaimRecord]:
        """Replace a claim's editable fields; returns (before, after)."""
        with self._sessions.write() as session:
            row = _claim(session, claim_id)
            before = claim_records(session, [row])[0]
            article_text = _article_text(session, row.article_id)
            _validate(fields, article_text, session)
            changed = ClaimFields.of(before).changed_fields(fields)
            for name in ("start", "end", "claimant", "certainty", "status", "note"):
                setattr(row, name, getattr(fields, name))
            row.quote = article_text[fields.start : fields.end]
            if "label_ids" in changed:
                session.execute(delete(ClaimLabel).where(ClaimLabel.claim_id == claim_id))
                _add_labels(session, claim_id, fields.label_ids)
            if changed:
                detail = {
                    name: [_plain(getattr(before, name)), _plain(getattr(fields, name))]
                    for name in changed
                }
                record_change(session, actor, "claim", claim_id, "edited", detail)
            session.flush()
            return before, claim_records(session, [row])[0]

    def delete_claims(self, ids: Iterable[int], *, actor: str = RESEARCHER) -> ClaimSnapshot:
        wanted = tuple(sorted(set(ids)))
        with self._sessions.write() as session:
            articles = tuple(
                sorted(set(session.scalars(select(Claim.article_id).where(Claim.id.in_(wanted)))))
            )
            rows = _rows_of_claims(session, wanted)
            session.execute(delete(Claim).where(Claim.id.in_(wanted)))
            for claim_id in wanted:
                record_change(session, actor, "claim", claim_id, "deleted", {})
        return ClaimSnapshot(wanted, articles, rows)

    def restore_claims(self, snapshot: ClaimSnapshot) -> ClaimsChanged:
        with self._sessions.write() as session:
            insert_rows(session, snapshot.rows)
            for claim_id in snapshot.claim_ids:
                record_change(session, RESEARCHER, "claim", claim_id, "restored", {})
        return ClaimsChanged(snapshot.article_ids, added=snapshot.claim_ids)

    # ------------------------------------------------------------ suggestions into claims
    def accept_suggestions(
        self,
        ids: Sequence[int],
        overrides: Mapping[int, ClaimFields] | None = None,
        *,
        actor: str = RESEARCHER,
    ) -> Acceptance:
        """Accept suggestions; each claim candidate becomes a claim with its claimant.

        `overrides` edits a candidate before it is accepted (span, claimant, ...).
        Accepting a date or an entity creates nothing yet but is recorded.
        """
        overrides = overrides or {}
        created: list[int] = []
        with self._sessions.write() as session:
            rows = list(session.scalars(select(Suggestion).where(Suggestion.id.in_(list(ids)))))
            for row in rows:
                if row.kind != "claim" or row.status == "accepted":
                    continue
                attributes = row.attributes or {}
                certainty = attributes.get("certainty")
                fields = overrides.get(row.id) or ClaimFields(
                    row.start,
                    row.end,
                    claimant=attributes.get("claimant"),
                    certainty=certainty if certainty in CERTAINTIES else None,
                )
                claim = _new_claim(session, row.article_id, fields, from_suggestion=row.id)
                created.append(claim.id)
                record_change(
                    session,
                    actor,
                    "claim",
                    claim.id,
                    "created",
                    {
                        "span": [fields.start, fields.end],
                        "from_suggestion": row.id,
                        "pipeline": f"{row.pipeline} {row.pipeline_version}",
                        "component": row.component,
                        "rule": row.rule,
                    },
                )
            statuses = set_statuses(session, ids, "accepted", actor)
        return Acceptance(statuses, tuple(created))

    def undo_acceptance(self, acceptance: Acceptance) -> ClaimSnapshot:
        """Remove the claims an acceptance created and put the suggestions back as they were.

        The snapshot returned lets `redo_acceptance` bring back the very same claims.
        """
        created = acceptance.created_claims
        with self._sessions.write() as session:
            # Since the acceptance the claims may have gained event links and
            # alignments; they go with the claims and come back on redo.
            rows = _rows_of_claims(session, created)
            session.execute(delete(Claim).where(Claim.id.in_(created)))
            for claim_id in created:
                record_change(
                    session,
                    RESEARCHER,
                    "claim",
                    claim_id,
                    "withdrawn",
                    {"reason": "acceptance undone"},
                )
            restore_statuses(session, acceptance.statuses)
        return ClaimSnapshot(created, acceptance.statuses.article_ids, rows)

    def redo_acceptance(self, acceptance: Acceptance, snapshot: ClaimSnapshot) -> None:
        with self._sessions.write() as session:
            insert_rows(session, snapshot.rows)
            reapply_statuses(session, acceptance.statuses)


# ---------------------------------------------------------------- helpers
def _rows_of_claims(session: Session, ids: Sequence[int]) -> Rows:
    """Every row that deleting the claims `ids` removes (the claims, their label
    assignments, event links and alignments), to put back exactly on undo."""
    return (
        table_rows(session, Claim, lambda c: c.id.in_(ids)),
        table_rows(session, ClaimLabel, lambda c: c.claim_id.in_(ids)),
        table_rows(session, ClaimEventLink, lambda c: c.claim_id.in_(ids)),
        table_rows(session, Alignment,
                   lambda c: or_(c.claim_a_id.in_(ids), c.claim_b_id.in_(ids))),
    )


def fts_query(words: str) -> str:
    """An FTS5 query matching every word (as a prefix), safe from FTS syntax."""
    import re

    tokens = re.findall(r"\w+", words)
    return " ".join(f'"{t}"*' for t in tokens)


def _claim(session: Session, claim_id: int) -> Claim:
    row = session.get(Claim, claim_id)
    if row is None:
        raise ClaimNotFound(f"There is no claim with id {claim_id} in this project.")
    return row


def _article_text(session: Session, article_id: int) -> str:
    value = session.scalar(select(Article.text).where(Article.id == article_id))
    if value is None:
        raise InvalidEdit(f"There is no article with id {article_id} in this project.")
    return value


def _validate(fields: ClaimFields, article_text: str, session: Session) -> None:
    if not 0 <= fields.start < fields.end <= len(article_text):
        raise InvalidEdit("A claim must cover at least one character of the article's text.")
    if not article_text[fields.start : fields.end].strip():
        raise InvalidEdit("A claim cannot be only spaces or line breaks.")
    if fields.certainty is not None and fields.certainty not in CERTAINTIES:
        raise InvalidEdit(f"Certainty must be one of: {', '.join(CERTAINTIES)}.")
    if fields.status not in CLAIM_STATUSES:
        raise InvalidEdit(f"Status must be one of: {', '.join(CLAIM_STATUSES)}.")
    if fields.label_ids:
        known = set(session.scalars(select(Label.id).where(Label.id.in_(fields.label_ids))))
        if missing := set(fields.label_ids) - known:
            raise InvalidEdit(f"Unknown label id(s): {sorted(missing)}.")


def _new_claim(
    session: Session, article_id: int, fields: ClaimFields, from_suggestion: int | None = None
) -> Claim:
    article_text = _article_text(session, article_id)
    _validate(fields, article_text, session)
    row = Claim(
        uid=str(uuid.uuid4()),
        article_id=article_id,
        start=fields.start,
        end=fields.end,
        quote=article_text[fields.start : fields.end],
        claimant=fields.claimant,
        certainty=fields.certainty,
        status=fields.status,
        note=fields.note,
        from_suggestion_id=from_suggestion,
    )
    session.add(row)
    session.flush()
    _add_labels(session, row.id, fields.label_ids)
    return row


def _add_labels(session: Session, claim_id: int, label_ids: Iterable[int]) -> None:
    values = [{"claim_id": claim_id, "label_id": i} for i in dict.fromkeys(label_ids)]
    if values:
        session.execute(insert(ClaimLabel), values)


def claim_records(session: Session, rows: list[Claim]) -> list[ClaimRecord]:
    ids = [r.id for r in rows]
    labels: dict[int, list[int]] = {}
    for claim_id, label_id in session.execute(
        select(ClaimLabel.claim_id, ClaimLabel.label_id)
        .join(Label)
        .where(ClaimLabel.claim_id.in_(ids))
        .order_by(Label.position, Label.id)
    ):
        labels.setdefault(claim_id, []).append(label_id)
    return [
        ClaimRecord(
            id=r.id,
            uid=r.uid,
            article_id=r.article_id,
            start=r.start,
            end=r.end,
            quote=r.quote,
            claimant=r.claimant,
            certainty=r.certainty,
            status=r.status,
            note=r.note,
            label_ids=tuple(labels.get(r.id, ())),
            from_suggestion_id=r.from_suggestion_id,
            created_at=r.created_at,
        )
        for r in rows
    ]


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
