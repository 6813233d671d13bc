"""The ORM schema of a Claimline project file, for the whole product.

Rows of these classes never leave `storage/`: the service turns them into the
frozen dataclasses of `storage.records`. Every change to this module needs an
Alembic revision in `storage/migrations/versions/`; a test compares the two.

Offsets (`start`, `end`) are Python string offsets (code points) into
`Article.text`, end exclusive. The text of an article never changes after
import, so offsets stay valid for the life of the project.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so that Alembic batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Setting(Base):
    """Project-wide settings (pipeline name, claim threshold, ...), JSON values."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[dt.date | None] = mapped_column(Date)
    # Anchor for relative dates when it differs from `published` (or that is unknown).
    reference_date: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    char_count: Mapped[int] = mapped_column(Integer)
    word_count: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(Text, default="")
    source_format: Mapped[str] = mapped_column(String(16), default="")
    import_notes: Mapped[list[Any]] = mapped_column(default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    suggestions: Mapped[list[Suggestion]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class ArticleRelation(Base):
    """A directed relation between two articles: `article` is derived from `other`."""

    __tablename__ = "article_relations"
    __table_args__ = (
        UniqueConstraint("article_id", "other_id", "kind", name="uq_article_relations_triple"),
        CheckConstraint("article_id <> other_id", name="not_self"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # derived_from | version_of | same_story
    note: Mapped[str] = mapped_column(Text, default="")


class Label(Base):
    """A researcher-defined claim label with its colour and number-key shortcut."""

    __tablename__ = "labels"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#888888")
    shortcut: Mapped[int | None] = mapped_column(Integer, unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Suggestion(Base):
    """What a model proposed. Never mistaken for a researcher's decision.

    `fingerprint` makes re-runs idempotent: the same proposal from the same
    pipeline for the same span is stored once, whatever its status.
    """

    __tablename__ = "suggestions"
    __table_args__ = (
        UniqueConstraint("article_id", "fingerprint", name="uq_suggestions_fingerprint"),
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
        CheckConstraint("status IN ('open', 'accepted', 'rejected')", name="status"),
        Index("ix_suggestions_article_kind_status", "article_id", "kind", "status"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # entity | timex | claim
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(64), default="")
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    score: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="open")
    pipeline: Mapped[str] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(32))
    component: Mapped[str] = mapped_column(String(64))
    rule: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    article: Mapped[Article] = relationship(back_populates="suggestions")


class ClaimLabel(Base):
    __tablename__ = "claim_labels"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    label_id: Mapped[int] = mapped_column(
        ForeignKey("labels.id", ondelete="CASCADE"), primary_key=True, index=True
    )


CLAIM_STATUSES = ("open", "reviewed", "flagged")


class Claim(Base):
    """A span a researcher marked as a claim.

    `quote` repeats the marked text (the article text never changes, so it
    cannot drift) so that claims can be searched and exported on their own.
    `status` is the researcher's own workflow mark: open (just marked),
    reviewed (coded and checked), flagged (needs another look).
    """

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        CheckConstraint("status IN ('open', 'reviewed', 'flagged')", name="status"),
        Index("ix_claims_article_start", "article_id", "start"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="")
    claimant: Mapped[str | None] = mapped_column(Text)
    certainty: Mapped[str | None] = mapped_column(String(16))  # asserted | hedged | denied
    status: Mapped[str] = mapped_column(String(16), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    from_suggestion_id: Mapped[int | None] = mapped_column(
        ForeignKey("suggestions.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    article: Mapped[Article] = relationship(back_populates="claims")


class Event(Base):
    """Something that happened, with a fuzzy date (see annotators' FuzzyDate)."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("earliest IS NULL OR latest IS NULL OR earliest <= latest", name="bounds"),
        Index("ix_events_earliest", "earliest"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[list[Any]] = mapped_column(default=list)
    date_phrase: Mapped[str | None] = mapped_column(Text)
    timex_type: Mapped[str | None] = mapped_column(String(16))
    timex_value: Mapped[str | None] = mapped_column(String(64))
    timex_mod: Mapped[str | None] = mapped_column(String(32))
    edtf: Mapped[str | None] = mapped_column(String(64))
    earliest: Mapped[dt.date | None] = mapped_column(Date)
    latest: Mapped[dt.date | None] = mapped_column(Date)
    anchor_date: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EventTag(Base):
    __tablename__ = "event_tags"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(Text, primary_key=True, index=True)


class ClaimEventLink(Base):
    __tablename__ = "claim_event_links"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(32), default="reports")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Alignment(Base):
    """A passage or claim of one article matched (or not) to one of another.

    One side may be empty: an `added` passage exists only in article B, a
    `dropped` one only in article A.
    """

    __tablename__ = "alignments"
    __table_args__ = (
        CheckConstraint("status IN ('proposed', 'confirmed', 'rejected')", name="status"),
        Index("ix_alignments_pair", "article_a_id", "article_b_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_a_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    article_b_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    a_start: Mapped[int | None] = mapped_column(Integer)
    a_end: Mapped[int | None] = mapped_column(Integer)
    b_start: Mapped[int | None] = mapped_column(Integer)
    b_end: Mapped[int | None] = mapped_column(Integer)
    claim_a_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    claim_b_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(
        String(16)
    )  # same|reworded|conflicting|partial|added|dropped
    differences: Mapped[list[Any]] = mapped_column(default=list)
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    aligner: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Change(Base):
    """The change history: who or what did what to which record, and when."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(Text)  # "researcher" or "pipeline:<name>@<version>"
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
