"""An export bundle: everything about some articles (or a whole project), as plain data.

`ProjectService.export_bundle()` reads one in a few bulk queries; every export
format is written from one, and `ProjectService.restore_bundle()` loads one
into an empty project exactly. The classes mirror the tables of
`storage.models` column for column (same field names), so that a bundle can
hold a project without loss; JSON columns that hold a list become tuples.

The change history is not part of a bundle: it records how a project came to
be, not what it holds, and a restored project starts a history of its own.

Writers and importers share the small types at the end of this module
(`Progress`, `ExportResult`, `ImportResult`, `ImportedIds`, `ExchangeFormatError`), so that
`storage.exporting` modules need import nothing but this one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

T = TypeVar("T")

BUNDLE_TABLES = (
    "articles", "article_relations", "labels", "suggestions", "claims", "claim_labels",
    "events", "event_tags", "claim_event_links", "alignments", "settings",
)  # what a bundle holds, in the order a restore inserts it


@dataclass(frozen=True)
class BundleArticle:
    id: int
    uid: str
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    language: str | None
    published: dt.date | None
    reference_date: dt.date | None  # anchor of relative dates when not `published`
    text: str
    text_sha256: str
    char_count: int
    word_count: int
    origin: str
    source_format: str
    import_notes: tuple[Any, ...]
    extra: dict[str, Any]
    imported_at: dt.datetime

    @property
    def anchor_date(self) -> dt.date | None:
        return self.reference_date or self.published


@dataclass(frozen=True)
class BundleRelation:
    """`article_id` relates to `other_id` (derived_from, version_of, same_story)."""

    id: int
    article_id: int
    other_id: int
    kind: str
    note: str


@dataclass(frozen=True)
class BundleLabel:
    id: int
    name: str
    color: str
    shortcut: int | None
    description: str
    position: int


@dataclass(frozen=True)
class BundleSuggestion:
    id: int
    article_id: int
    kind: str  # entity | timex | claim
    start: int
    end: int
    label: str
    attributes: dict[str, Any]
    score: float | None
    status: str  # open | accepted | rejected
    pipeline: str
    pipeline_version: str
    component: str
    rule: str
    fingerprint: str
    created_at: dt.datetime
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class BundleClaim:
    id: int
    uid: str
    article_id: int
    start: int
    end: int
    quote: str
    claimant: str | None
    certainty: str | None
    status: str
    note: str
    from_suggestion_id: int | None
    created_at: dt.datetime
    label_ids: tuple[int, ...] = ()  # in the label list's order (position, id)


@dataclass(frozen=True)
class BundleEvent:
    id: int
    uid: str
    title: str
    description: str
    place: str | None
    participants: tuple[Any, ...]
    date_phrase: str | None
    timex_type: str | None
    timex_value: str | None
    timex_mod: str | None
    edtf: str | None
    earliest: dt.date | None
    latest: dt.date | None
    anchor_date: dt.date | None
    created_at: dt.datetime
    tags: tuple[str, ...] = ()  # sorted


@dataclass(frozen=True)
class BundleLink:
    claim_id: int
    event_id: int
    relation: str  # reports | disputes | gives_figure
    created_at: dt.datetime


@dataclass(frozen=True)
class BundleAlignment:
    id: int
    article_a_id: int
    article_b_id: int
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    claim_a_id: int | None
    claim_b_id: int | None
    relation: str
    differences: tuple[Any, ...]  # dicts with kind, a, b, note
    score: float | None
    reason: str
    status: str  # proposed | confirmed | rejected
    aligner: str
    created_at: dt.datetime
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class ExportBundle:
    """Everything about some articles. Each tuple is ordered by id (links by claim, event).

    `whole_project` bundles also hold every event (linked or not) and the
    settings; a bundle of chosen articles holds the events their claims are
    linked to and no settings. Labels are always all of the project's labels.
    """

    articles: tuple[BundleArticle, ...] = ()
    relations: tuple[BundleRelation, ...] = ()
    labels: tuple[BundleLabel, ...] = ()
    suggestions: tuple[BundleSuggestion, ...] = ()
    claims: tuple[BundleClaim, ...] = ()
    events: tuple[BundleEvent, ...] = ()
    links: tuple[BundleLink, ...] = ()
    alignments: tuple[BundleAlignment, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    whole_project: bool = False
    schema: int = 0  # the project file's schema number when exported
    exported_at: dt.datetime | None = None

    # ---------------------------------------------------------------- lookups
    @cached_property
    def article_by_id(self) -> dict[int, BundleArticle]:
        return {a.id: a for a in self.articles}

    @cached_property
    def label_by_id(self) -> dict[int, BundleLabel]:
        return {label.id: label for label in self.labels}

    @cached_property
    def event_by_id(self) -> dict[int, BundleEvent]:
        return {e.id: e for e in self.events}

    @cached_property
    def claim_by_id(self) -> dict[int, BundleClaim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def _claims_by_article(self) -> dict[int, list[BundleClaim]]:
        return _grouped(self.claims, lambda c: c.article_id, lambda c: (c.start, c.end, c.id))

    @cached_property
    def _suggestions_by_article(self) -> dict[int, list[BundleSuggestion]]:
        return _grouped(
            self.suggestions, lambda s: s.article_id, lambda s: (s.start, s.end, s.id)
        )

    @cached_property
    def _links_by_claim(self) -> dict[int, list[BundleLink]]:
        return _grouped(self.links, lambda link: link.claim_id, lambda link: link.event_id)

    def claims_of(self, article_id: int) -> list[BundleClaim]:
        """The article's claims in text order (start, end, id)."""
        return self._claims_by_article.get(article_id, [])

    def suggestions_of(
        self, article_id: int, kind: str | None = None, statuses: Iterable[str] | None = None
    ) -> list[BundleSuggestion]:
        """The article's suggestions in text order, of one kind and some statuses if given."""
        wanted = None if statuses is None else set(statuses)
        return [
            s for s in self._suggestions_by_article.get(article_id, [])
            if (kind is None or s.kind == kind) and (wanted is None or s.status in wanted)
        ]

    def links_of(self, claim_id: int) -> list[BundleLink]:
        return self._links_by_claim.get(claim_id, [])

    def label_names(self, claim: BundleClaim) -> list[str]:
        return [self.label_by_id[i].name for i in claim.label_ids if i in self.label_by_id]

    def span_text(self, article_id: int, start: int | None, end: int | None) -> str:
        if start is None or end is None:
            return ""
        return self.article_by_id[article_id].text[start:end]

    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles), "relations": len(self.relations),
            "labels": len(self.labels), "suggestions": len(self.suggestions),
            "claims": len(self.claims), "events": len(self.events), "links": len(self.links),
            "alignments": len(self.alignments), "settings": len(self.settings),
        }


def _grouped(
    items: Iterable[T], key: Callable[[T], int], order: Callable[[T], Any]
) -> dict[int, list[T]]:
    groups: dict[int, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    for members in groups.values():
        members.sort(key=order)
    return groups


# -------------------------------------------------------------------- writers and importers
class ExchangeFormatError(ValueError):
    """A file an importer cannot read; the message names the file (and line) and the fault."""


Progress = Callable[[int, int], None]  # (done, total): articles or rows, as each step says


@dataclass(frozen=True)
class ExportResult:
    """What a writer wrote: the file or folder, how many items, and what it had to leave out."""

    path: str
    items: int = 0  # documents, lines or rows, as the format counts them
    notes: tuple[str, ...] = ()  # "3 overlapping entities dropped (kept the longer span)"

    def summary_line(self) -> str:
        return f"Wrote {self.items} item{'s' if self.items != 1 else ''} to {self.path}."


@dataclass(frozen=True)
class ImportedIds:
    """The records one import of annotations created, by id: what undoing it removes.

    `claims` and `suggestions` include those on the new `articles`; `labels`
    are the labels the import had to create; `links` are (claim id, event id).
    """

    articles: tuple[int, ...] = ()
    claims: tuple[int, ...] = ()
    suggestions: tuple[int, ...] = ()
    labels: tuple[int, ...] = ()
    links: tuple[tuple[int, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.articles or self.claims or self.suggestions or self.labels
                    or self.links)


@dataclass(frozen=True)
class ImportResult:
    """What an importer stored, by kind of record, and what it could not use.

    `created` names every record stored, so that the import can be undone
    (`ProjectService.remove_imported`); an importer that restores a whole
    bundle into an empty project leaves it empty.
    """

    counts: Mapping[str, int] = field(default_factory=dict)  # plural kinds: "claims": 3
    notes: tuple[str, ...] = ()
    created: ImportedIds = ImportedIds()

    def summary_line(self) -> str:
        parts = [f"{n} {_singular(kind) if n == 1 else kind}"
                 for kind, n in self.counts.items() if n]
        return ("Imported " + ", ".join(parts) if parts else "Nothing imported") + "."


def _singular(kinds: str) -> str:
    """ "entities" → "entity", "new articles" → "new article", "links" → "link"."""
    if kinds.endswith("ies"):
        return kinds[:-3] + "y"
    return kinds[:-1] if kinds.endswith("s") else kinds
