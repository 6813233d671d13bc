"""Reading a whole project (or some articles) at once for export, and restoring one.

`export_bundle` reads each table in one query (a sub-select picks the rows of
the chosen articles), so a thousand articles with fifty thousand annotations
take a handful of queries, not one per row. `restore_bundle` writes a bundle
into an empty project with executemany inserts, ids, uids and timestamps kept,
in one transaction: it either all arrives or nothing does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any, TypeVar, cast

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage import schema
from storage.bundle import (
    BundleAlignment,
    BundleArticle,
    BundleClaim,
    BundleEvent,
    BundleLabel,
    BundleLink,
    BundleRelation,
    BundleSuggestion,
    ExchangeFormatError,
    ExportBundle,
    Progress,
)
from storage.models import (
    Alignment,
    Article,
    ArticleRelation,
    Base,
    Claim,
    ClaimEventLink,
    ClaimLabel,
    Event,
    EventTag,
    Label,
    Setting,
    Suggestion,
    utcnow,
)
from storage.service_base import InvalidEdit, ServicePart, record_change

D = TypeVar("D")
_CHUNK = 5000  # rows per executemany; also how often a restore reports progress
_TUPLE_COLUMNS = {"import_notes", "participants", "differences"}  # JSON lists → tuples


class BundleOperations(ServicePart):
    def export_bundle(self, article_ids: Sequence[int] | None = None) -> ExportBundle:
        """Everything about the chosen articles (all when None), read in one transaction.

        Ids that are not in the project are ignored. A bundle of chosen articles
        holds the relations and alignments among them only, and the events their
        claims are linked to; a whole-project bundle also holds unlinked events
        and the settings.
        """
        whole = article_ids is None
        with self._sessions.read() as session:
            if whole:
                chosen: Any = select(Article.id)
            else:
                chosen = select(Article.id).where(Article.id.in_(sorted(set(article_ids or ()))))
            claims_of_chosen = select(Claim.id).where(Claim.article_id.in_(chosen))
            articles = _read(session, Article, BundleArticle, Article.id.in_(chosen))
            relations = _read(
                session, ArticleRelation, BundleRelation,
                ArticleRelation.article_id.in_(chosen), ArticleRelation.other_id.in_(chosen),
            )
            labels = _read(session, Label, BundleLabel)
            suggestions = _read(
                session, Suggestion, BundleSuggestion, Suggestion.article_id.in_(chosen)
            )
            label_ids = _claim_label_ids(session, claims_of_chosen)
            claims = tuple(
                _build(BundleClaim, {**row, "label_ids": label_ids.get(row["id"], ())})
                for row in _rows(session, Claim, Claim.article_id.in_(chosen))
            )
            links = _read(
                session, ClaimEventLink, BundleLink, ClaimEventLink.claim_id.in_(claims_of_chosen),
                order=(ClaimEventLink.claim_id, ClaimEventLink.event_id),
            )
            event_filter = (
                [] if whole else [Event.id.in_(select(ClaimEventLink.event_id).where(
                    ClaimEventLink.claim_id.in_(claims_of_chosen)))]
            )
            tags = _event_tags(session, event_filter)
            events = tuple(
                _build(BundleEvent, {**row, "tags": tags.get(row["id"], ())})
                for row in _rows(session, Event, *event_filter)
            )
            alignments = _read(
                session, Alignment, BundleAlignment,
                Alignment.article_a_id.in_(chosen), Alignment.article_b_id.in_(chosen),
            )
            settings = (
                {row.key: row.value for row in session.scalars(select(Setting).order_by(
                    Setting.key))} if whole else {}
            )
        return ExportBundle(
            articles=articles, relations=relations, labels=labels, suggestions=suggestions,
            claims=claims, events=events, links=links, alignments=alignments,
            settings=settings, whole_project=whole, schema=schema.latest_schema(),
            exported_at=utcnow(),
        )

    def restore_bundle(self, bundle: ExportBundle, progress: Progress | None = None) -> None:
        """Load `bundle` into this project, which must hold no articles and no events.

        Everything keeps its id, uid, timestamps, status and provenance. The
        project's labels are replaced by the bundle's; a whole-project bundle
        also replaces the settings. One transaction: on any error nothing is stored.
        Progress is reported in rows, (done, total).
        """
        tables = _restore_rows(bundle)
        total = sum(len(rows) for _, rows in tables)
        with self._sessions.write() as session:
            held = [
                f"{n} {what}" for what, model in (("articles", Article), ("events", Event))
                if (n := session.scalar(select(func.count()).select_from(model)) or 0)
            ]
            if held:
                raise InvalidEdit(
                    f"This project already holds {' and '.join(held)}; a bundle can only be "
                    "loaded into a new, empty project."
                )
            session.execute(delete(Label))
            if bundle.whole_project:
                session.execute(delete(Setting))
            done = 0
            if progress:
                progress(0, total)
            for table_name, rows in tables:
                table = Base.metadata.tables[table_name]
                for start in range(0, len(rows), _CHUNK):
                    chunk = rows[start : start + _CHUNK]
                    try:
                        session.execute(insert(table), chunk)
                    except IntegrityError as error:
                        raise ExchangeFormatError(_contradiction(table_name, error)) from None
                    done += len(chunk)
                    if progress:
                        progress(done, total)
            record_change(
                session, "import", "project", 0, "restored",
                {k: v for k, v in bundle.counts().items() if v},
            )


def _contradiction(table_name: str, error: IntegrityError) -> str:
    """A sentence for a bundle whose records contradict each other or the schema."""
    reason = str(error.orig).split("\n")[0]  # "UNIQUE constraint failed: articles.uid"
    return (f"The dataset cannot be loaded: its {table_name.replace('_', ' ')} break a rule "
            f"of the project file ({reason}). Was it edited by hand or joined from two "
            "exports? Nothing was stored.")


# ---------------------------------------------------------------- reading
def _rows(session: Session, model: type[Base], *conditions: Any,
          order: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    table = cast(Table, model.__table__)
    query = select(table).where(*conditions).order_by(*(order or table.primary_key.columns))
    return [dict(row._mapping) for row in session.execute(query)]


def _read(session: Session, model: type[Base], cls: type[D], *conditions: Any,
          order: Sequence[Any] | None = None) -> tuple[D, ...]:
    return tuple(_build(cls, row) for row in _rows(session, model, *conditions, order=order))


def _build(cls: type[D], row: dict[str, Any]) -> D:
    for name in _TUPLE_COLUMNS.intersection(row):
        row[name] = tuple(row[name] or ())
    if "extra" in row and row["extra"] is None:
        row["extra"] = {}
    if "attributes" in row and row["attributes"] is None:
        row["attributes"] = {}
    return cls(**row)


def _claim_label_ids(session: Session, claim_ids: Any) -> dict[int, tuple[int, ...]]:
    result: dict[int, list[int]] = {}
    query = (
        select(ClaimLabel.claim_id, ClaimLabel.label_id)
        .join(Label)
        .where(ClaimLabel.claim_id.in_(claim_ids))
        .order_by(Label.position, Label.id)
    )
    for claim_id, label_id in session.execute(query):
        result.setdefault(claim_id, []).append(label_id)
    return {k: tuple(v) for k, v in result.items()}


def _event_tags(session: Session, event_filter: list[Any]) -> dict[int, tuple[str, ...]]:
    result: dict[int, list[str]] = {}
    query = select(EventTag.event_id, EventTag.tag).order_by(EventTag.event_id, EventTag.tag)
    if event_filter:
        query = query.where(EventTag.event_id.in_(select(Event.id).where(*event_filter)))
    for event_id, tag in session.execute(query):
        result.setdefault(event_id, []).append(tag)
    return {k: tuple(v) for k, v in result.items()}


# ---------------------------------------------------------------- restoring
def _columns(record: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    left_out = set(skip)
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name not in left_out}
    for name in _TUPLE_COLUMNS.intersection(values):
        values[name] = list(values[name])
    return values


def _restore_rows(bundle: ExportBundle) -> list[tuple[str, list[dict[str, Any]]]]:
    """The bundle as table rows, parents before children."""
    _check_references(bundle)
    return [
        ("articles", [_columns(a) for a in bundle.articles]),
        ("article_relations", [_columns(r) for r in bundle.relations]),
        ("labels", [_columns(label) for label in bundle.labels]),
        ("suggestions", [_columns(s) for s in bundle.suggestions]),
        ("claims", [_columns(c, ("label_ids",)) for c in bundle.claims]),
        ("claim_labels", [{"claim_id": c.id, "label_id": i}
                          for c in bundle.claims for i in dict.fromkeys(c.label_ids)]),
        ("events", [_columns(e, ("tags",)) for e in bundle.events]),
        ("event_tags", [{"event_id": e.id, "tag": t} for e in bundle.events
                        for t in dict.fromkeys(e.tags)]),
        ("claim_event_links", [_columns(link) for link in bundle.links]),
        ("alignments", [_columns(a) for a in bundle.alignments]),
        ("settings", [{"key": k, "value": v} for k, v in sorted(bundle.settings.items())]),
    ]


def _check_references(bundle: ExportBundle) -> None:
    """Refuse a bundle whose records point at records it does not hold, naming the first."""
    articles, claims = set(bundle.article_by_id), set(bundle.claim_by_id)
    events, labels = set(bundle.event_by_id), set(bundle.label_by_id)
    suggestions = {s.id for s in bundle.suggestions}
    problems: list[str] = []

    def check(what: str, ident: object, ref: str, value: int | None, known: set[int]) -> None:
        if value is not None and value not in known:
            problems.append(f"{what} {ident} refers to {ref} {value}, which the bundle lacks")

    for r in bundle.relations:
        check("relation", r.id, "article", r.article_id, articles)
        check("relation", r.id, "article", r.other_id, articles)
    for s in bundle.suggestions:
        check("suggestion", s.id, "article", s.article_id, articles)
    for c in bundle.claims:
        check("claim", c.id, "article", c.article_id, articles)
        check("claim", c.id, "suggestion", c.from_suggestion_id, suggestions)
        for label_id in c.label_ids:
            check("claim", c.id, "label", label_id, labels)
    for link in bundle.links:
        check("link of event", link.event_id, "claim", link.claim_id, claims)
        check("link of claim", link.claim_id, "event", link.event_id, events)
    for a in bundle.alignments:
        check("alignment", a.id, "article", a.article_a_id, articles)
        check("alignment", a.id, "article", a.article_b_id, articles)
        check("alignment", a.id, "claim", a.claim_a_id, claims)
        check("alignment", a.id, "claim", a.claim_b_id, claims)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidEdit(f"The bundle is inconsistent: {problems[0]}{more}.")

