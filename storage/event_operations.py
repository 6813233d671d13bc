"""Events on the timeline: fuzzy-dated happenings, and the claims that report them.

Every edit returns the state of the events it touched before and after (their
rows, tags and claim links), so undo and redo put back exactly what was there,
whatever the edit was: create, edit, delete, link, merge or split.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.claim_operations import claim_records
from storage.models import Article, Claim, ClaimEventLink, Event, EventTag, Suggestion
from storage.records import (
    LINK_RELATIONS,
    EventChange,
    EventClaim,
    EventFields,
    EventRecord,
    EventsChanged,
    EventsState,
    FuzzyDateFields,
    SuggestionRecord,
)
from storage.service_base import (
    RESEARCHER,
    InvalidEdit,
    RecordNotFound,
    ServicePart,
    insert_rows,
    record_change,
    table_rows,
)
from storage.suggestion_operations import SUGGESTION_COLUMNS, suggestion_record


class EventNotFound(RecordNotFound):
    pass


class EventOperations(ServicePart):
    # ------------------------------------------------------------ reading
    def list_events(self) -> list[EventRecord]:
        with self._sessions.read() as session:
            rows = list(session.scalars(select(Event).order_by(Event.earliest, Event.id)))
            return _records(session, rows)

    def get_events(self, ids: Iterable[int]) -> list[EventRecord]:
        wanted = list(ids)
        with self._sessions.read() as session:
            rows = list(session.scalars(select(Event).where(Event.id.in_(wanted))))
            by_id = {r.id: r for r in _records(session, rows)}
        return [by_id[i] for i in wanted if i in by_id]

    def event_tags(self) -> list[str]:
        with self._sessions.read() as session:
            return list(session.scalars(select(EventTag.tag).distinct().order_by(EventTag.tag)))

    def event_claims(self, event_id: int) -> list[EventClaim]:
        """The claims linked to an event, grouped by outlet and article, in reading order."""
        with self._sessions.read() as session:
            rows = session.execute(
                select(Claim, Article.title, Article.outlet, ClaimEventLink.relation)
                .join(ClaimEventLink, ClaimEventLink.claim_id == Claim.id)
                .join(Article, Article.id == Claim.article_id)
                .where(ClaimEventLink.event_id == event_id)
                .order_by(Article.outlet, Article.title, Claim.article_id, Claim.start)
            ).all()
            records = claim_records(session, [r[0] for r in rows])
        return [
            EventClaim(record, title, outlet, relation)
            for record, (_c, title, outlet, relation) in zip(records, rows, strict=True)
        ]

    def claim_timexes(self, claim_id: int) -> list[SuggestionRecord]:
        """Dates and times proposed inside a claim (not rejected), to date an event from it."""
        with self._sessions.read() as session:
            claim = session.get(Claim, claim_id)
            if claim is None:
                return []
            start, end, article_id = claim.start, claim.end, claim.article_id
            text = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
            rows = session.execute(
                select(*SUGGESTION_COLUMNS)
                .where(
                    Suggestion.article_id == article_id,
                    Suggestion.kind == "timex",
                    Suggestion.status != "rejected",
                    Suggestion.start >= start,
                    Suggestion.end <= end,
                )
                .order_by(Suggestion.start)
            )
            return [suggestion_record(row, text) for row in rows]

    # ------------------------------------------------------------ changing
    def create_event(
        self, fields: EventFields, links: Sequence[tuple[int, str]] = ()
    ) -> EventChange:
        """A new event, optionally linked at once to claims: (claim id, relation) pairs."""

        def change(session: Session, _ids: tuple[int, ...]) -> tuple[int, ...]:
            row = Event(uid=str(uuid.uuid4()), title="")
            _apply_fields(row, fields)
            session.add(row)
            session.flush()
            _set_tags(session, row.id, fields.tags)
            for claim_id, relation in links:
                _link(session, row.id, claim_id, relation)
            record_change(
                session,
                RESEARCHER,
                "event",
                row.id,
                "created",
                {"title": fields.title, "claims": [c for c, _r in links]},
            )
            return (row.id,)

        return self._edit((), change, claims=tuple(c for c, _r in links))

    def update_event(self, event_id: int, fields: EventFields) -> EventChange:
        def change(session: Session, _ids: tuple[int, ...]) -> tuple[int, ...]:
            row = _event(session, event_id)
            before = _fields(row, _tags(session, event_id))
            _apply_fields(row, fields)
            session.execute(delete(EventTag).where(EventTag.event_id == event_id))
            _set_tags(session, event_id, fields.tags)
            record_change(
                session,
                RESEARCHER,
                "event",
                event_id,
                "edited",
                {
                    "before": before.title,
                    "after": fields.title,
                    "date": [before.date.phrase, fields.date.phrase],
                },
            )
            return ()

        return self._edit((event_id,), change)

    def delete_events(self, ids: Sequence[int]) -> EventChange:
        def change(session: Session, wanted: tuple[int, ...]) -> tuple[int, ...]:
            session.execute(delete(Event).where(Event.id.in_(wanted)))
            for event_id in wanted:
                record_change(session, RESEARCHER, "event", event_id, "deleted", {})
            return ()

        return self._edit(tuple(ids), change)

    def link_claims(
        self, event_id: int, claim_ids: Sequence[int], relation: str = "reports"
    ) -> EventChange:
        def change(session: Session, _ids: tuple[int, ...]) -> tuple[int, ...]:
            _event(session, event_id)
            for claim_id in claim_ids:
                _link(session, event_id, claim_id, relation)
            return ()

        return self._edit((event_id,), change, claims=tuple(claim_ids))

    def unlink_claims(self, event_id: int, claim_ids: Sequence[int]) -> EventChange:
        def change(session: Session, _ids: tuple[int, ...]) -> tuple[int, ...]:
            session.execute(
                delete(ClaimEventLink).where(
                    ClaimEventLink.event_id == event_id,
                    ClaimEventLink.claim_id.in_(list(claim_ids)),
                )
            )
            for claim_id in claim_ids:
                record_change(
                    session, RESEARCHER, "claim", claim_id, "unlinked", {"event": event_id}
                )
            return ()

        return self._edit((event_id,), change, claims=tuple(claim_ids))

    def merge_events(self, keep_id: int, other_ids: Sequence[int]) -> EventChange:
        """Fold other events into one: their claims, tags and participants move to it."""
        others = tuple(i for i in other_ids if i != keep_id)

        def change(session: Session, _ids: tuple[int, ...]) -> tuple[int, ...]:
            keep = _event(session, keep_id)
            linked = set(
                session.scalars(
                    select(ClaimEventLink.claim_id).where(ClaimEventLink.event_id == keep_id)
                )
            )
            tags = _tags(session, keep_id)
            participants = list(keep.participants or [])
            for other_id in others:
                other = _event(session, other_id)
                for link in session.scalars(
                    select(ClaimEventLink).where(ClaimEventLink.event_id == other_id)
                ):
                    if link.claim_id not in linked:
                        _link(session, keep_id, link.claim_id, link.relation, record=False)
                        linked.add(link.claim_id)
                tags += tuple(t for t in _tags(session, other_id) if t not in tags)
                participants += [p for p in other.participants or [] if p not in participants]
                session.delete(other)
            session.flush()
            keep.participants = participants
            session.execute(delete(EventTag).where(EventTag.event_id == keep_id))
            _set_tags(session, keep_id, tags)
            record_change(session, RESEARCHER, "event", keep_id, "merged", {"from": list(others)})
            return ()

        return self._edit((keep_id, *others), change)

    def split_event(
        self, event_id: int, claim_ids: Sequence[int], fields: EventFields
    ) -> EventChange:
        """Make a new event of `fields` and move the links of `claim_ids` to it."""

        def change(session: Session, _ids: tuple[int, ...]) -> tuple[int, ...]:
            _event(session, event_id)
            row = Event(uid=str(uuid.uuid4()), title="")
            _apply_fields(row, fields)
            session.add(row)
            session.flush()
            _set_tags(session, row.id, fields.tags)
            for link in list(
                session.scalars(
                    select(ClaimEventLink).where(
                        ClaimEventLink.event_id == event_id,
                        ClaimEventLink.claim_id.in_(list(claim_ids)),
                    )
                )
            ):
                relation = link.relation
                session.delete(link)
                session.flush()
                _link(session, row.id, link.claim_id, relation, record=False)
            record_change(
                session,
                RESEARCHER,
                "event",
                event_id,
                "split",
                {"into": row.id, "claims": list(claim_ids)},
            )
            return (row.id,)

        return self._edit((event_id,), change, claims=tuple(claim_ids))

    def apply_events_state(self, state: EventsState) -> EventsChanged:
        """Put some events back exactly as a state recorded them (undo and redo)."""
        with self._sessions.write() as session:
            claims = set(
                session.scalars(
                    select(ClaimEventLink.claim_id).where(
                        ClaimEventLink.event_id.in_(state.event_ids)
                    )
                )
            )
            session.execute(delete(Event).where(Event.id.in_(state.event_ids)))
            insert_rows(session, state.rows)
            for table, rows in state.rows:
                if table == ClaimEventLink.__tablename__:
                    claims.update(row["claim_id"] for row in rows)
        return EventsChanged(state.event_ids, tuple(sorted(claims)))

    # ------------------------------------------------------------ the shape of an edit
    def _edit(
        self,
        ids: tuple[int, ...],
        change: Callable[[Session, tuple[int, ...]], tuple[int, ...]],
        claims: tuple[int, ...] = (),
    ) -> EventChange:
        """Run `change` in one transaction between two snapshots of the events it touches.

        `change` returns the ids of events it created, which join the snapshots (a
        new event is absent before and present after).
        """
        with self._sessions.write() as session:
            before = _state(session, ids)
            created = change(session, ids)
            session.flush()
            every = (*ids, *created)
            after = _state(session, every)
            linked = set(claims)
            for state in (before, after):
                for table, rows in state.rows:
                    if table == ClaimEventLink.__tablename__:
                        linked.update(row["claim_id"] for row in rows)
        return EventChange(
            EventsState(every, before.rows), after, EventsChanged(every, tuple(sorted(linked)))
        )


# ---------------------------------------------------------------- helpers
def _state(session: Session, ids: tuple[int, ...]) -> EventsState:
    rows = (
        table_rows(session, Event, lambda c: c.id.in_(ids)),
        table_rows(session, EventTag, lambda c: c.event_id.in_(ids)),
        table_rows(session, ClaimEventLink, lambda c: c.event_id.in_(ids)),
    )
    return EventsState(ids, rows)


def _event(session: Session, event_id: int) -> Event:
    row = session.get(Event, event_id)
    if row is None:
        raise EventNotFound(f"There is no event with id {event_id} in this project.")
    return row


def _apply_fields(row: Event, fields: EventFields) -> None:
    if not fields.title.strip():
        raise InvalidEdit("An event needs a title.")
    date = fields.date
    if date.earliest and date.latest and date.earliest > date.latest:
        raise InvalidEdit("An event's date cannot end before it starts.")
    row.title = fields.title.strip()
    row.description = fields.description
    row.place = fields.place
    row.participants = list(fields.participants)
    row.date_phrase, row.timex_type, row.timex_value = date.phrase, date.timex_type, date.value
    row.timex_mod, row.edtf = date.mod, date.edtf
    row.earliest, row.latest, row.anchor_date = date.earliest, date.latest, date.anchor


def _tags(session: Session, event_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(EventTag.tag).where(EventTag.event_id == event_id).order_by(EventTag.tag)
        )
    )


def _set_tags(session: Session, event_id: int, tags: Iterable[str]) -> None:
    for tag in dict.fromkeys(t.strip() for t in tags if t.strip()):
        session.add(EventTag(event_id=event_id, tag=tag))


def _link(
    session: Session, event_id: int, claim_id: int, relation: str, record: bool = True
) -> None:
    if relation not in LINK_RELATIONS:
        raise InvalidEdit(f"A claim relates to an event as one of: {', '.join(LINK_RELATIONS)}.")
    if session.get(Claim, claim_id) is None:
        raise InvalidEdit(f"There is no claim with id {claim_id} in this project.")
    existing = session.get(ClaimEventLink, (claim_id, event_id))
    if existing is not None:
        existing.relation = relation
    else:
        session.add(ClaimEventLink(claim_id=claim_id, event_id=event_id, relation=relation))
    if record:
        record_change(
            session,
            RESEARCHER,
            "claim",
            claim_id,
            "linked",
            {"event": event_id, "relation": relation},
        )


def _fields(row: Event, tags: tuple[str, ...]) -> EventFields:
    return EventFields(
        title=row.title,
        date=FuzzyDateFields(
            row.date_phrase,
            row.timex_type,
            row.timex_value,
            row.timex_mod,
            row.edtf,
            row.earliest,
            row.latest,
            row.anchor_date,
        ),
        description=row.description,
        place=row.place,
        participants=tuple(row.participants or ()),
        tags=tags,
    )


def _records(session: Session, rows: list[Event]) -> list[EventRecord]:
    ids = [r.id for r in rows]
    tags: dict[int, list[str]] = {}
    for event_id, tag in session.execute(
        select(EventTag.event_id, EventTag.tag)
        .where(EventTag.event_id.in_(ids))
        .order_by(EventTag.tag)
    ):
        tags.setdefault(event_id, []).append(tag)
    links: dict[int, list[tuple[int, int, str | None]]] = {}
    for event_id, claim_id, article_id, outlet in session.execute(
        select(ClaimEventLink.event_id, Claim.id, Claim.article_id, Article.outlet)
        .join(Claim, Claim.id == ClaimEventLink.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .where(ClaimEventLink.event_id.in_(ids))
        .order_by(Claim.id)
    ):
        links.setdefault(event_id, []).append((claim_id, article_id, outlet))
    records = []
    for row in rows:
        linked = links.get(row.id, [])
        records.append(
            EventRecord(
                id=row.id,
                uid=row.uid,
                fields=_fields(row, tuple(tags.get(row.id, ()))),
                claim_ids=tuple(c for c, _a, _o in linked),
                article_ids=tuple(dict.fromkeys(a for _c, a, _o in linked)),
                outlets=tuple(dict.fromkeys(o for _c, _a, o in linked if o)),
                created_at=row.created_at,
            )
        )
    return records
