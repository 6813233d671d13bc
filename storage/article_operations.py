"""Articles: reading them, adding them, editing their metadata, deleting and restoring."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, or_, select, text
from sqlalchemy.orm import Session

from storage.article_relations import (
    derived_links,
    refuse_as_original,
    replace_links,
)
from storage.importing import ParsedArticle, normalize_text
from storage.models import (
    Alignment,
    Article,
    ArticleRelation,
    Claim,
    ClaimEventLink,
    ClaimLabel,
    Suggestion,
)
from storage.records import (
    ArticleDetail,
    ArticleMetadata,
    ArticleRelationRecord,
    ArticlesChanged,
    ArticleSnapshot,
    ArticleSummary,
    DerivedFromLink,
    ImportDuplicate,
    MetadataChange,
    OriginalChange,
)
from storage.service_base import (
    RESEARCHER,
    ArticleNotFound,
    InvalidEdit,
    ServicePart,
    insert_rows,
    record_change,
    table_rows,
)

RELATION_KINDS = ("derived_from", "version_of", "same_story")
_WORD = re.compile(r"\w+")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def text_digest(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


class ArticleOperations(ServicePart):
    def list_articles(self) -> list[ArticleSummary]:
        with self._sessions.read() as session:
            derived = _derived_from_map(session)
            rows = session.scalars(select(Article).order_by(Article.id))
            return [_summary(row, derived.get(row.id, ())) for row in rows]

    def article_summaries(self, ids: Iterable[int]) -> list[ArticleSummary]:
        wanted = list(ids)
        with self._sessions.read() as session:
            derived = _derived_from_map(session)
            rows = session.scalars(select(Article).where(Article.id.in_(wanted)))
            by_id = {row.id: _summary(row, derived.get(row.id, ())) for row in rows}
        return [by_id[i] for i in wanted if i in by_id]

    def get_article(self, article_id: int) -> ArticleDetail:
        with self._sessions.read() as session:
            row = _article(session, article_id)
            relations = _relations(session, article_id)
            derived = tuple(
                r.other_id
                for r in relations
                if r.kind == "derived_from" and r.article_id == article_id
            )
            return ArticleDetail(
                summary=_summary(row, derived),
                text=row.text,
                import_notes=tuple(str(n) for n in row.import_notes),
                extra=dict(row.extra),
                relations=relations,
            )

    def search_articles(self, query: str) -> list[int]:
        """Ids of articles whose title, outlet, author or text contain all the words."""
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join(f'"{w}"*' for w in words)
        with self._sessions.read() as session:
            rows = session.execute(
                text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank"),
                {"q": match},
            )
            return [int(r[0]) for r in rows]

    # ------------------------------------------------------------ articles: changing
    def add_articles(
        self, parsed: Sequence[ParsedArticle], actor: str = "import"
    ) -> tuple[list[ArticleSummary], list[ImportDuplicate]]:
        """Store new articles; an exact duplicate of a stored text is not stored again."""
        with self._sessions.write() as session:
            added, repeated = insert_articles(session, parsed, actor)
            summaries = [_summary(row, ()) for row in added]
            duplicates = [ImportDuplicate(origin, row.id, row.title) for origin, row in repeated]
        return summaries, duplicates

    def update_metadata(
        self, article_id: int, metadata: ArticleMetadata, actor: str = RESEARCHER
    ) -> MetadataChange:
        validate_metadata(metadata)
        with self._sessions.write() as session:
            row = _article(session, article_id)
            before = _metadata(row)
            changed = before.changed_fields(metadata)
            for name in changed:
                setattr(row, name, getattr(metadata, name))
            if changed:
                detail = {
                    n: [_jsonable(getattr(before, n)), _jsonable(getattr(metadata, n))]
                    for n in changed
                }
                record_change(session, actor, "article", article_id, "edited", detail)
            return MetadataChange(
                article_id, before, _metadata(row), ArticlesChanged(updated=(article_id,))
            )

    def add_relation(
        self, article_id: int, other_id: int, kind: str, note: str = "", actor: str = RESEARCHER
    ) -> None:
        """Record that `article_id` relates to `other_id`, e.g. is derived from it."""
        if kind not in RELATION_KINDS:
            raise InvalidEdit(f"Unknown relation “{kind}”; use one of {', '.join(RELATION_KINDS)}.")
        if article_id == other_id:
            raise InvalidEdit("An article cannot be related to itself.")
        with self._sessions.write() as session:
            _article(session, article_id)
            _article(session, other_id)
            exists = session.scalar(
                select(ArticleRelation).where(
                    ArticleRelation.article_id == article_id,
                    ArticleRelation.other_id == other_id,
                    ArticleRelation.kind == kind,
                )
            )
            if exists is None:
                session.add(
                    ArticleRelation(article_id=article_id, other_id=other_id, kind=kind, note=note)
                )
                record_change(
                    session,
                    actor,
                    "article",
                    article_id,
                    "related",
                    {"kind": kind, "other": other_id},
                )

    def set_original(
        self, article_id: int, original_id: int | None, actor: str = RESEARCHER
    ) -> OriginalChange:
        """Record `article_id` as a rewrite of `original_id`, replacing any earlier original;
        None records that it is a rewrite of nothing.

        Refuses (InvalidEdit, for the researcher) the article itself and an original
        that is, directly or through other rewrites, a rewrite of this article.
        """
        with self._sessions.write() as session:
            _article(session, article_id)
            before = derived_links(session, article_id)
            if original_id is not None:
                refuse_as_original(session, article_id, original_id)
            # A row that already names the chosen original stays as it is (id, note).
            after = tuple(link for link in before if link.other_id == original_id)[:1]
            if original_id is None or after:
                if after == before:
                    return OriginalChange(article_id, before, before, ArticlesChanged())
                replace_links(session, article_id, after)
            else:
                replace_links(session, article_id, ())
                session.add(
                    ArticleRelation(article_id=article_id, other_id=original_id,
                                    kind="derived_from", note="")
                )
                session.flush()
                after = derived_links(session, article_id)
            action = "original cleared" if original_id is None else "original set"
            return _original_changed(session, actor, article_id, before, after, action)

    def restore_original(
        self, article_id: int, links: Sequence[DerivedFromLink], actor: str = RESEARCHER
    ) -> OriginalChange:
        """Make `links` (the `before` or `after` of an OriginalChange) the article's
        "derived from" rows again, exactly: for undo and redo."""
        links = tuple(links)
        with self._sessions.write() as session:
            _article(session, article_id)
            for link in links:
                refuse_as_original(session, article_id, link.other_id)
            before = derived_links(session, article_id)
            replace_links(session, article_id, links)
            return _original_changed(
                session, actor, article_id, before, links, "original restored"
            )

    def delete_articles(self, ids: Iterable[int]) -> ArticleSnapshot:
        """Delete articles with everything attached to them; the snapshot restores them."""
        wanted = tuple(sorted(set(ids)))
        with self._sessions.write() as session:
            snapshot = _snapshot(session, wanted)
            session.execute(delete(Article).where(Article.id.in_(wanted)))
            for article_id in wanted:
                record_change(session, RESEARCHER, "article", article_id, "deleted", {})
        return snapshot

    def restore_articles(self, snapshot: ArticleSnapshot) -> ArticlesChanged:
        with self._sessions.write() as session:
            insert_rows(session, snapshot.rows)
            for article_id in snapshot.article_ids:
                record_change(session, RESEARCHER, "article", article_id, "restored", {})
        return ArticlesChanged(added=snapshot.article_ids)


# ---------------------------------------------------------------- helpers
def insert_articles(
    session: Session, parsed: Sequence[ParsedArticle], actor: str
) -> tuple[list[Article], list[tuple[str, Article]]]:
    """Add the articles whose text the project lacks, inside the caller's transaction.

    Returns the rows added and, for each one repeating a stored text (or an
    earlier one of `parsed`), its origin with the article it repeats.
    """
    added: list[Article] = []
    repeated: list[tuple[str, Article]] = []
    seen: dict[str, Article] = {}
    for item in parsed:
        body = normalize_text(item.text)
        digest = text_digest(body)
        existing = seen.get(digest) or session.scalar(
            select(Article).where(Article.text_sha256 == digest)
        )
        if existing is not None:
            repeated.append((item.origin, existing))
            continue
        row = Article(
            uid=str(uuid.uuid4()),
            title=(item.title or "").strip(),
            outlet=item.outlet,
            author=item.author,
            url=item.url,
            language=item.language,
            published=item.published,
            text=body,
            text_sha256=digest,
            char_count=len(body),
            word_count=len(_WORD.findall(body)),
            origin=item.origin,
            source_format=item.format,
            import_notes=list(item.cleanup),
            extra=dict(item.extra),
        )
        session.add(row)
        seen[digest] = row
        added.append(row)
    session.flush()
    for row in added:
        record_change(session, actor, "article", row.id, "imported", {"origin": row.origin})
    return added, repeated


def _article(session: Session, article_id: int) -> Article:
    row = session.get(Article, article_id)
    if row is None:
        raise ArticleNotFound(f"There is no article with id {article_id} in this project.")
    return row


def _metadata(row: Article) -> ArticleMetadata:
    return ArticleMetadata(
        title=row.title,
        outlet=row.outlet,
        author=row.author,
        url=row.url,
        language=row.language,
        published=row.published,
        reference_date=row.reference_date,
    )


def _summary(row: Article, derived_from: tuple[int, ...]) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        uid=row.uid,
        metadata=_metadata(row),
        char_count=row.char_count,
        word_count=row.word_count,
        origin=row.origin,
        source_format=row.source_format,
        imported_at=row.imported_at,
        derived_from=derived_from,
    )


def _derived_from_map(session: Session) -> dict[int, tuple[int, ...]]:
    result: dict[int, tuple[int, ...]] = {}
    rows = session.execute(
        select(ArticleRelation.article_id, ArticleRelation.other_id)
        .where(ArticleRelation.kind == "derived_from")
        .order_by(ArticleRelation.id)
    )
    for article_id, other_id in rows:
        result[article_id] = (*result.get(article_id, ()), other_id)
    return result


def _relations(session: Session, article_id: int) -> tuple[ArticleRelationRecord, ...]:
    rows = session.scalars(
        select(ArticleRelation)
        .where(
            or_(ArticleRelation.article_id == article_id, ArticleRelation.other_id == article_id)
        )
        .order_by(ArticleRelation.id)
    )
    records = []
    for r in rows:
        other = r.other_id if r.article_id == article_id else r.article_id
        title = session.scalar(select(Article.title).where(Article.id == other)) or ""
        records.append(ArticleRelationRecord(r.article_id, r.other_id, r.kind, r.note, title))
    return tuple(records)


def _original_changed(
    session: Session,
    actor: str,
    article_id: int,
    before: tuple[DerivedFromLink, ...],
    after: tuple[DerivedFromLink, ...],
    action: str,
) -> OriginalChange:
    """Record the change in the history and say which articles show something new."""
    was = [link.other_id for link in before]
    now = [link.other_id for link in after]
    record_change(session, actor, "article", article_id, action, {"before": was, "after": now})
    touched = tuple(dict.fromkeys((article_id, *was, *now)))
    return OriginalChange(article_id, before, after, ArticlesChanged(updated=touched))


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def validate_metadata(metadata: ArticleMetadata) -> None:
    if metadata.language and not _LANGUAGE_CODE.match(metadata.language):
        raise InvalidEdit(
            f"“{metadata.language}” is not a language code; use a code such as en, uk or ru."
        )
    if metadata.url and not re.match(r"^[a-z][a-z0-9+.-]*://\S+$", metadata.url, re.I):
        raise InvalidEdit(f"“{metadata.url}” is not a web address (it should start with https://).")


def _snapshot(session: Session, ids: tuple[int, ...]) -> ArticleSnapshot:
    """Rows owned by the articles `ids`, parents before children (the insert order)."""
    claims = list(session.scalars(select(Claim.id).where(Claim.article_id.in_(ids))))
    rows = (
        table_rows(session, Article, lambda c: c.id.in_(ids)),
        table_rows(
            session, ArticleRelation, lambda c: or_(c.article_id.in_(ids), c.other_id.in_(ids))
        ),
        table_rows(session, Suggestion, lambda c: c.article_id.in_(ids)),
        table_rows(session, Claim, lambda c: c.article_id.in_(ids)),
        table_rows(session, ClaimLabel, lambda c: c.claim_id.in_(claims)),
        table_rows(session, ClaimEventLink, lambda c: c.claim_id.in_(claims)),
        table_rows(
            session,
            Alignment,
            lambda c: or_(
                c.article_a_id.in_(ids),
                c.article_b_id.in_(ids),
                c.claim_a_id.in_(claims),
                c.claim_b_id.in_(claims),
            ),
        ),
    )
    return ArticleSnapshot(article_ids=ids, rows=rows)
