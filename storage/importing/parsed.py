"""The two values a reader hands back: an article it could read, or a problem it could not.

Readers never raise for bad content; a folder of a thousand files should import the
999 good ones and list the bad one with a reason a researcher can act on. Both types
are frozen so the service can pass them across threads without copying.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def _no_extra() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ParsedArticle:
    """An article read from a file, ready to be stored verbatim.

    ``text`` is final: annotations will point into it by code-point offsets, so every
    change made on the way in (debris removed, front matter moved) is recorded in
    ``cleanup`` for the researcher to audit.
    """

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    language: str | None
    published: datetime.date | None
    origin: str
    format: str
    cleanup: tuple[str, ...] = ()
    # Excluded from hashing because a mapping is not hashable; equality still uses it.
    extra: Mapping[str, object] = field(default_factory=_no_extra, hash=False)


@dataclass(frozen=True)
class ImportProblem:
    """Something that could not be imported, and why, in the researcher's words."""

    origin: str
    reason: str


ReadResult = ParsedArticle | ImportProblem
