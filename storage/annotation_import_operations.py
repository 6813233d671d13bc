"""Imports of annotations made in other tools: storing them, and undoing and redoing that.

The readers in `storage.annotation_import` parse files into plain
`ImportedDocument`s and hand them to `store_imported`, which writes them in
one transaction (see `storage.annotation_storing`) and says, in
`ImportResult.created`, which records it made. `remove_imported` deletes
exactly those records (and whatever hangs on them) and returns their rows;
`restore_imported` puts those rows back with the same ids, uids and
timestamps. The full-text indexes follow by themselves: their triggers run on
every insert and delete of `articles` and `claims`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.annotation_import.documents import ImportedDocument
from storage.annotation_storing import write_documents
from storage.bundle import ImportedIds, ImportResult, Progress
from storage.models import (
    Alignment,
    Article,
    ArticleRelation,
    Claim,
    ClaimEventLink,
    ClaimLabel,
    Label,
    Suggestion,
)
from storage.records import ImportedSnapshot
from storage.service_base import (
    RESEARCHER,
    InvalidEdit,
    ServicePart,
    insert_rows,
    record_change,
    table_rows,
)

_UNDONE = {"reason": "import undone"}
_REDONE = {"reason": "import redone"}


class AnnotationImportOperations(ServicePart):
    def store_imported(
        self,
        documents: Sequence[ImportedDocument],
        source: str,
        progress: Progress | None = None,
        *,
        notes: Sequence[str] = (),
    ) -> ImportResult:
        """Store documents read from files of format `source` ("brat", "inception", ...).

        A document without `article_id` becomes a new article unless the
        project already holds its text. Everything arrives in one transaction,
        with history entries by "import:<source>"; `notes` are what the reader
        already could not use, for the report. Progress counts documents.
        """
        with self._sessions.write() as session:
            return write_documents(session, documents, source, progress, notes=notes)

    def remove_imported(self, created: ImportedIds) -> ImportedSnapshot:
        """Delete what one import created (`ImportResult.created`); the snapshot restores it.

        New articles go with everything on them; claims go with their label
        assignments, event links and alignments; a label the import created
        goes only if no remaining claim uses it. Ids no longer in the project
        are ignored.
        """
        with self._sessions.write() as session:
            snapshot = _snapshot(session, created)
            _delete(session, snapshot.removed)
            _record(session, snapshot, "withdrawn", "annotations withdrawn", _UNDONE)
        return snapshot

    def restore_imported(self, snapshot: ImportedSnapshot) -> None:
        """Put back what `remove_imported` deleted: same ids, uids, timestamps and statuses."""
        with self._sessions.write() as session:
            try:
                insert_rows(session, snapshot.rows)
            except IntegrityError as error:
                raise InvalidEdit(
                    "The import cannot be redone: the project has changed since it was "
                    f"undone ({error.orig})."
                ) from None
            for claim_id, suggestion_id in snapshot.claim_sources:
                session.execute(
                    update(Claim)
                    .where(Claim.id == claim_id, Claim.from_suggestion_id.is_(None))
                    .values(from_suggestion_id=suggestion_id)
                )
            _record(session, snapshot, "restored", "annotations restored", _REDONE)


# ---------------------------------------------------------------- helpers
def _present(session: Session, column: Any, ids: Iterable[int]) -> set[int]:
    """Those of `ids` that are still in `column` (a primary key)."""
    return set(session.scalars(select(column).where(column.in_(sorted(set(ids))))))


def _pair_in(columns: Any, pairs: Sequence[tuple[int, int]]) -> Any:
    return tuple_(columns.claim_id, columns.event_id).in_(list(pairs))


def _snapshot(session: Session, created: ImportedIds) -> ImportedSnapshot:
    """The rows `created` names that are still there, with all that hangs on them."""
    articles = sorted(_present(session, Article.id, created.articles))
    claims = sorted(
        _present(session, Claim.id, created.claims)
        | set(session.scalars(select(Claim.id).where(Claim.article_id.in_(articles))))
    )
    suggestions = sorted(
        _present(session, Suggestion.id, created.suggestions)
        | set(session.scalars(select(Suggestion.id).where(Suggestion.article_id.in_(articles))))
    )
    still_used = set(session.scalars(
        select(ClaimLabel.label_id).where(
            ClaimLabel.label_id.in_(sorted(set(created.labels))), ClaimLabel.claim_id.not_in(claims)
        )
    ))
    labels = sorted(_present(session, Label.id, created.labels) - still_used)
    going = set(claims)
    named_links = [(c, e) for c, e in dict.fromkeys(created.links) if c not in going]
    link_rows = table_rows(
        session, ClaimEventLink, lambda c: or_(c.claim_id.in_(claims), _pair_in(c, named_links))
    )
    rows = (
        table_rows(session, Label, lambda c: c.id.in_(labels)),
        table_rows(session, Article, lambda c: c.id.in_(articles)),
        table_rows(
            session, ArticleRelation,
            lambda c: or_(c.article_id.in_(articles), c.other_id.in_(articles)),
        ),
        table_rows(session, Suggestion, lambda c: c.id.in_(suggestions)),
        table_rows(session, Claim, lambda c: c.id.in_(claims)),
        table_rows(session, ClaimLabel, lambda c: c.claim_id.in_(claims)),
        link_rows,
        table_rows(
            session, Alignment,
            lambda c: or_(
                c.article_a_id.in_(articles), c.article_b_id.in_(articles),
                c.claim_a_id.in_(claims), c.claim_b_id.in_(claims),
            ),
        ),
    )
    sources = tuple(
        (claim_id, suggestion_id) for claim_id, suggestion_id in session.execute(
            select(Claim.id, Claim.from_suggestion_id)
            .where(Claim.from_suggestion_id.in_(suggestions), Claim.id.not_in(claims))
            .order_by(Claim.id)
        )
        if suggestion_id is not None
    )
    touched = set(articles)
    touched.update(session.scalars(select(Claim.article_id).where(Claim.id.in_(claims))))
    touched.update(
        session.scalars(select(Suggestion.article_id).where(Suggestion.id.in_(suggestions)))
    )
    removed = ImportedIds(
        articles=tuple(articles), claims=tuple(claims), suggestions=tuple(suggestions),
        labels=tuple(labels),
        links=tuple((row["claim_id"], row["event_id"]) for row in link_rows[1]),
    )
    return ImportedSnapshot(removed, rows, sources, tuple(sorted(touched)))


def _delete(session: Session, removed: ImportedIds) -> None:
    """Links of claims that stay, then claims, suggestions, articles and labels.

    The cascades take only what the snapshot holds: the label assignments,
    links and alignments of the claims, and everything on the articles.
    """
    claims = set(removed.claims)
    named_links = [pair for pair in removed.links if pair[0] not in claims]
    if named_links:
        session.execute(delete(ClaimEventLink).where(_pair_in(ClaimEventLink, named_links)))
    session.execute(delete(Claim).where(Claim.id.in_(removed.claims)))
    session.execute(delete(Suggestion).where(Suggestion.id.in_(removed.suggestions)))
    session.execute(delete(Article).where(Article.id.in_(removed.articles)))
    session.execute(delete(Label).where(Label.id.in_(removed.labels)))


def _record(
    session: Session,
    snapshot: ImportedSnapshot,
    action: str,
    suggestions_action: str,
    detail: dict[str, str],
) -> None:
    """History entries by the researcher, one per article, claim and label, and one per
    article for its suggestions (as the import wrote them)."""
    removed = snapshot.removed
    new_articles = set(removed.articles)
    for article_id in removed.articles:
        record_change(session, RESEARCHER, "article", article_id, action, dict(detail))
    for claim_id in removed.claims:
        record_change(session, RESEARCHER, "claim", claim_id, action, dict(detail))
    per_article: dict[int, int] = {}
    for row in dict(snapshot.rows).get("suggestions", ()):
        if row["article_id"] not in new_articles:
            per_article[row["article_id"]] = per_article.get(row["article_id"], 0) + 1
    for article_id, count in sorted(per_article.items()):
        record_change(session, RESEARCHER, "article", article_id, suggestions_action,
                      {"suggestions": count, **detail})
    for label_id in removed.labels:
        record_change(session, RESEARCHER, "label", label_id, action, dict(detail))
