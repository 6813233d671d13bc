"""What the service hands out: frozen dataclasses, never ORM rows.

Views keep these as long as they like; they never touch the database. Each
mutation returns a small record of what changed so views refresh only that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from storage.bundle import ImportedIds


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
class DerivedFromLink:
    """One stored "derived from" row, exactly (id and note too), so undo can put it back."""

    id: int
    article_id: int
    other_id: int
    note: str = ""


@dataclass(frozen=True)
class OriginalChange:
    """The result of recording (or clearing) which article another one is a rewrite of.

    `before` and `after` are the article's "derived from" rows; giving either
    to `restore_original` puts that state back exactly. `changed` names the
    article and every original it gained or lost (their bylines mention it).
    """

    article_id: int
    before: tuple[DerivedFromLink, ...]
    after: tuple[DerivedFromLink, ...]
    changed: ArticlesChanged

    @property
    def original_before(self) -> int | None:
        return self.before[0].other_id if self.before else None

    @property
    def original_after(self) -> int | None:
        return self.after[0].other_id if self.after else None


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


# ---------------------------------------------------------------- suggestions
SUGGESTION_KINDS = ("entity", "timex", "claim")
SUGGESTION_STATUSES = ("open", "accepted", "rejected")


class SuggestionLike(Protocol):
    """What a model proposes, as the annotators hand it over (structurally typed).

    `attributes` holds what depends on the kind: for a timex its TIMEX3 type,
    value and mod, EDTF form and bounds; for a claim its claimant, reasons and
    explanation.
    """

    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def attributes(self) -> Mapping[str, Any]: ...
    @property
    def score(self) -> float | None: ...
    @property
    def component(self) -> str: ...
    @property
    def rule(self) -> str: ...


@dataclass(frozen=True)
class ProposedSuggestion:
    """A suggestion for `store_suggestions` from anyone but the annotators (an
    importer, a script, a test): the fields `SuggestionLike` asks for, with plain
    defaults."""

    kind: str
    start: int
    end: int
    label: str
    component: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    score: float | None = None
    rule: str = ""


@dataclass(frozen=True)
class Provenance:
    """Which pipeline (name and version) made a batch of suggestions."""

    pipeline: str
    version: str

    @property
    def actor(self) -> str:
        return f"pipeline:{self.pipeline}@{self.version}"


@dataclass(frozen=True)
class SuggestionRecord:
    id: int
    article_id: int
    kind: str
    start: int
    end: int
    text: str
    label: str
    attributes: dict[str, Any]
    score: float | None
    status: str
    pipeline: str
    pipeline_version: str
    component: str
    rule: str
    created_at: dt.datetime
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class SuggestionsStored:
    """What storing one article's suggestions did."""

    article_id: int
    added: int = 0
    refreshed: int = 0  # open suggestions proposed again (score and details updated)
    withdrawn: int = 0  # open suggestions this run no longer proposes (removed)
    decided: int = 0  # proposals matching an accepted or rejected one (left as they are)


@dataclass(frozen=True)
class SuggestionsChanged:
    """Which suggestions changed: some (a review decision) or all of some articles (None)."""

    article_ids: tuple[int, ...]
    suggestion_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class AnnotationInput:
    """An article as the annotators need it."""

    article_id: int
    text: str
    language: str | None
    anchor_date: dt.date | None


@dataclass(frozen=True)
class ReviewProgress:
    article_id: int
    open: int = 0
    accepted: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        return self.open + self.accepted + self.rejected

    @property
    def reviewed(self) -> int:
        return self.accepted + self.rejected


@dataclass(frozen=True)
class SuggestionStatusChange:
    """The statuses before a review decision, so undo can restore them."""

    before: tuple[tuple[int, str, dt.datetime | None], ...]  # (id, status, decided_at)
    status: str
    article_ids: tuple[int, ...]
    decided_at: dt.datetime | None = None  # when the new status was given, for an exact redo


# ---------------------------------------------------------------- claims and labels
CERTAINTIES = ("asserted", "hedged", "denied")


@dataclass(frozen=True)
class LabelRecord:
    id: int
    name: str
    color: str
    shortcut: int | None
    description: str
    position: int


@dataclass(frozen=True)
class ClaimRecord:
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
    label_ids: tuple[int, ...]
    from_suggestion_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class ClaimFields:
    """The editable fields of a claim; an edit replaces all of them at once."""

    start: int
    end: int
    claimant: str | None = None
    certainty: str | None = None
    status: str = "open"
    note: str = ""
    label_ids: tuple[int, ...] = ()

    @classmethod
    def of(cls, claim: ClaimRecord) -> ClaimFields:
        return cls(
            claim.start,
            claim.end,
            claim.claimant,
            claim.certainty,
            claim.status,
            claim.note,
            claim.label_ids,
        )

    def changed_fields(self, other: ClaimFields) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]


@dataclass(frozen=True)
class ClaimsChanged:
    """What a claim edit did, so views refresh only the claims and articles it names."""

    article_ids: tuple[int, ...]
    added: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()


@dataclass(frozen=True)
class ClaimSnapshot:
    """Rows of deleted claims (with their labels, links and alignments) for undo."""

    claim_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


@dataclass(frozen=True)
class ImportedSnapshot:
    """What undoing an import of annotations deleted, so that redoing it restores it exactly.

    `removed` names every record deleted: the import's articles, claims,
    suggestions, labels and event links that were still there, and what went
    with them (whatever else was on the new articles, the links of the deleted
    claims). `rows` holds those rows as plain dicts, in insert order.
    `claim_sources` are (claim id, suggestion id) references of claims that
    stayed, cleared because their suggestion went. `article_ids` are the
    articles whose list or annotations changed, for views to refresh.
    """

    removed: ImportedIds
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    claim_sources: tuple[tuple[int, int], ...] = ()
    article_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Acceptance:
    """What accepting suggestions did: their old statuses and the claims it created."""

    statuses: SuggestionStatusChange
    created_claims: tuple[int, ...]


@dataclass(frozen=True)
class ChangeRecord:
    at: dt.datetime
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class ClaimListing:
    """A claim with where it comes from, for lists across articles."""

    claim: ClaimRecord
    article_title: str
    outlet: str | None
    labels: tuple[str, ...]


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" | "claim"
    article_id: int
    article_title: str
    claim_id: int | None
    snippet: str  # with [ ] around matched words
    start: int  # where in the article text to jump to (Python offsets)
    end: int


@dataclass(frozen=True)
class LinkedEvent:
    """An event a claim is linked to, and how the claim relates to it."""

    event_id: int
    title: str
    date_phrase: str | None
    timex_value: str | None
    relation: str


# ---------------------------------------------------------------- events
LINK_RELATIONS = ("reports", "disputes", "gives_figure")


@dataclass(frozen=True)
class FuzzyDateFields:
    """A fuzzy date as the project stores it (see annotators.temporal.FuzzyDate)."""

    phrase: str | None = None
    timex_type: str | None = None
    value: str | None = None
    mod: str | None = None
    edtf: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor: dt.date | None = None

    @property
    def is_dated(self) -> bool:
        return self.earliest is not None or self.latest is not None


@dataclass(frozen=True)
class EventFields:
    """The editable fields of an event; an edit replaces all of them at once."""

    title: str
    date: FuzzyDateFields = FuzzyDateFields()
    description: str = ""
    place: str | None = None
    participants: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventRecord:
    id: int
    uid: str
    fields: EventFields
    claim_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    outlets: tuple[str, ...]
    created_at: dt.datetime

    @property
    def title(self) -> str:
        return self.fields.title


@dataclass(frozen=True)
class EventClaim:
    """A claim linked to an event, with where it comes from and how it relates."""

    claim: ClaimRecord
    article_title: str
    outlet: str | None
    relation: str


@dataclass(frozen=True)
class EventsState:
    """Every row of some events (with their tags and claim links), for exact undo and redo.

    Applying a state deletes those events and inserts these rows: an empty state
    for a new event's id removes it again.
    """

    event_ids: tuple[int, ...]
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


@dataclass(frozen=True)
class EventsChanged:
    event_ids: tuple[int, ...]
    claim_ids: tuple[int, ...] = ()  # claims whose links changed


@dataclass(frozen=True)
class EventChange:
    """An event edit: the state before and after, and what views must refresh."""

    before: EventsState
    after: EventsState
    changed: EventsChanged


# ---------------------------------------------------------------- alignments
ALIGNMENT_RELATIONS = ("same", "reworded", "conflicting", "partial", "added", "dropped")
ALIGNMENT_STATUSES = ("proposed", "confirmed", "rejected")
DIFFERENCE_KINDS = ("number", "date", "person", "place", "organisation", "attribution",
                    "certainty")


class AlignedLike(Protocol):
    """A passage pairing as the aligner proposes it (annotators.alignment.AlignedPassage)."""

    @property
    def a_start(self) -> int | None: ...
    @property
    def a_end(self) -> int | None: ...
    @property
    def b_start(self) -> int | None: ...
    @property
    def b_end(self) -> int | None: ...
    @property
    def claim_a(self) -> int | None: ...
    @property
    def claim_b(self) -> int | None: ...
    @property
    def relation(self) -> str: ...
    @property
    def differences(self) -> Sequence[Any]: ...  # objects with kind, a, b, note
    @property
    def score(self) -> float: ...
    @property
    def reason(self) -> str: ...


@dataclass(frozen=True)
class DifferenceRecord:
    kind: str
    a: str
    b: str
    note: str = ""


@dataclass(frozen=True)
class ProposedPassage:
    """A pairing for `store_alignments` from anyone but the aligner (a script, another
    tool's output, a test): the fields `AlignedLike` asks for, with plain defaults."""

    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    relation: str
    differences: tuple[DifferenceRecord, ...] = ()
    claim_a: int | None = None
    claim_b: int | None = None
    score: float = 0.8
    reason: str = "proposed by hand"


@dataclass(frozen=True)
class AlignmentRecord:
    id: int
    article_a_id: int
    article_b_id: int
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    a_text: str
    b_text: str
    claim_a_id: int | None
    claim_b_id: int | None
    relation: str
    differences: tuple[DifferenceRecord, ...]
    score: float | None
    reason: str
    status: str
    aligner: str
    created_at: dt.datetime
    decided_at: dt.datetime | None

    @property
    def level(self) -> str:
        return "claim" if self.claim_a_id is not None or self.claim_b_id is not None \
            else "sentence"


@dataclass(frozen=True)
class AlignmentsStored:
    added: int = 0
    replaced: int = 0  # proposals of an earlier run that this run replaced
    kept: int = 0  # proposals matching a researcher's verdict, left as decided
