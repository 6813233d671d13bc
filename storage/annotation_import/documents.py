"""What every annotation importer hands over: documents with spans and claims, as plain data.

Readers of brat, Web Annotation and INCEpTION files only parse and check their
input, and describe what they found with these types; `ProjectService.store_imported`
then writes all of it into a project. Keeping the two apart means a malformed
file is refused before anything is stored, with a message that names the file
and the line (or the annotation) at fault.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from storage.bundle import ExchangeFormatError


class AnnotationImportError(ExchangeFormatError):
    """Input that cannot be imported; the message names the file and the place in it."""


@dataclass(frozen=True)
class ImportedSpan:
    """An entity or a temporal expression, to be stored as a suggestion."""

    kind: str  # "entity" | "timex"
    start: int
    end: int
    label: str
    quote: str  # the text the source file says the span covers
    attributes: Mapping[str, Any] = field(default_factory=dict)
    where: str = ""  # "x.ann, line 4": for messages


@dataclass(frozen=True)
class ImportedEventLink:
    """A claim's link to an event, known by its uid (urn:uuid:...) and title."""

    event_uid: str | None
    title: str = ""
    relation: str = "reports"


@dataclass(frozen=True)
class ImportedClaim:
    start: int
    end: int
    quote: str
    claimant: str | None = None
    certainty: str | None = None
    status: str = "open"
    note: str = ""
    labels: tuple[str, ...] = ()
    events: tuple[ImportedEventLink, ...] = ()
    where: str = ""
    prefix: str = ""  # text just before and after the quote, to find it again
    suffix: str = ""


@dataclass(frozen=True)
class ImportedDocument:
    """One article's annotations, with its text (or the article they belong to).

    `text` is the text exactly as the source file holds it; offsets point into
    it. If the project stores that text normalised differently, the spans are
    found again by their quotes. A document with `article_id` annotates an
    article already in the project, and its offsets point into that article's text.
    """

    origin: str  # the file it came from, as the researcher named it
    text: str | None = None
    article_id: int | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    published: dt.date | None = None
    spans: tuple[ImportedSpan, ...] = ()
    claims: tuple[ImportedClaim, ...] = ()
    notes: tuple[str, ...] = ()  # what the reader could not use, for the report
    annotation_file: str = ""  # the file holding the annotations, if not `origin` (brat's .ann)

    @property
    def file_name(self) -> str:
        """The name provenance and history give the file the annotations came from."""
        return PurePath(self.annotation_file or self.origin).name
