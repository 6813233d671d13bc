"""What the service hands out: frozen dataclasses, never ORM rows.

Views keep these as long as they like; they never touch the database. Each
mutation returns a small record of what changed so views refresh only that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class ArticleMetadata:
    """The fields of an article a researcher may edit."""

    title: str = ""
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    published: dt.date | None = None
    # The date relative expressions ("on Monday", "last year") are resolved
    # against, when it is not the publication date or that is unknown.
    reference_date: dt.date | None = None

    @property
    def anchor_date(self) -> dt.date | None:
        return self.reference_date or self.published

    def changed_fields(self, other: ArticleMetadata) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: metadata and sizes, no text."""

    id: int
    uid: str
    metadata: ArticleMetadata
    char_count: int
    word_count: int
    origin: str
    source_format: str
    imported_at: dt.datetime
    derived_from: tuple[int, ...] = ()

    @property
    def title(self) -> str:
        return self.metadata.title


@dataclass(frozen=True)
class ArticleRelationRecord:
    article_id: int
    other_id: int
    kind: str
    note: str
    other_title: str


@dataclass(frozen=True)
class ArticleDetail:
    """An article with its text, for reading."""

    summary: ArticleSummary
    text: str
    import_notes: tuple[str, ...]
    extra: dict[str, Any]
    relations: tuple[ArticleRelationRecord, ...]

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def metadata(self) -> ArticleMetadata:
        return self.summary.metadata


@dataclass(frozen=True)
class ArticlesChanged:
    """What a mutation did to the article list."""

    added: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()


@dataclass(frozen=True)
class MetadataChange:
    """The result of editing an article's metadata, with what undo needs."""

    article_id: int
    before: ArticleMetadata
    after: ArticleMetadata
    changed: ArticlesChanged


@dataclass(frozen=True)
class ArticleSnapshot:
    """Everything that belonged to some deleted articles, so that undo can restore them.

    `rows` maps a table name to its rows as plain dicts, in the order they
    must be inserted back.
    """

    article_ids: tuple[int, ...]
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


@dataclass(frozen=True)
class ImportFailure:
    origin: str
    reason: str


@dataclass(frozen=True)
class ImportDuplicate:
    origin: str
    existing_id: int
    existing_title: str


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[ArticleSummary, ...] = ()
    duplicates: tuple[ImportDuplicate, ...] = ()
    failures: tuple[ImportFailure, ...] = ()
    files_total: int = 0
    files_read: int = 0
    cancelled: bool = False

    @property
    def imported_ids(self) -> tuple[int, ...]:
        return tuple(a.id for a in self.imported)

    def summary_line(self) -> str:
        parts = [f"{len(self.imported)} article{'s' if len(self.imported) != 1 else ''} imported"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the project")
        if self.failures:
            parts.append(f"{len(self.failures)} could not be read")
        line = ", ".join(parts)
        if self.cancelled:
            line = f"Cancelled after {self.files_read} of {self.files_total} files: {line}"
        return line + "."


@dataclass(frozen=True)
class ImportProgress:
    files_done: int
    files_total: int
    current: str
    articles_imported: int


@dataclass(frozen=True)
class ProjectInfo:
    path: str
    schema: int
    article_count: int
    backup_made: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
