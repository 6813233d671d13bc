"""Metadata from key/value sources (JSON objects, Markdown front matter).

Exports from scrapers, NewsAPI-style dumps and hand-written files name the same thing in
different ways, so each field accepts a few aliases. Nothing is thrown away: a key we do
not use, or a value we cannot use, is kept in ``extra`` and a note says why.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from storage.importing.dates import parse_date
from storage.importing.language import language_code
from storage.importing.normalization import clean_field
from storage.importing.text_cleanup import quote

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "author": ("author", "authors"),
    "url": ("url",),
    "language": ("language", "lang"),
    "published": ("published", "date", "publication_date", "pubdate", "published_at"),
}


@dataclass
class Metadata:
    """Article metadata gathered while reading, plus notes on anything changed."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    published: datetime.date | None = None
    extra: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def metadata_from_mapping(source: Mapping[str, object]) -> Metadata:
    """Read the known fields of ``source`` (keys matched case-insensitively)."""
    meta = Metadata()
    used: set[str] = set()
    by_lower = {key.lower(): key for key in source}
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            key = by_lower.get(alias)
            if key is None:
                continue
            used.add(key)
            value = source[key]
            if value is None or value == "" or value == []:
                continue  # an empty field carries nothing worth keeping
            if _apply(meta, name, key, value):
                break
            meta.extra[json_safe_key(key)] = json_safe(value)
    for key, value in source.items():
        if key not in used:
            meta.extra[json_safe_key(key)] = json_safe(value)
    return meta


def _apply(meta: Metadata, name: str, key: str, value: object) -> bool:
    """Store ``value`` as field ``name``; False (with a note) if it cannot be used."""
    if name == "author":
        author = _names(value)
        if author is None:
            meta.notes.append(f'Kept "{key}" as extra metadata: it is not a name or list of names.')
            return False
        meta.author = author
        return True
    if name == "outlet" and isinstance(value, Mapping) and isinstance(value.get("name"), str):
        value = value["name"]  # NewsAPI style: {"id": ..., "name": ...}
    if not isinstance(value, str):
        meta.notes.append(f'Kept "{key}" as extra metadata: it is not text.')
        return False
    text = clean_field(value)
    if text is None:
        return False
    if name == "language":
        code = language_code(text)
        if code is None:
            meta.notes.append(
                f"Ignored the language {quote(text)}, which is not an ISO 639-1 code; "
                "the language was detected from the text instead."
            )
            return False
        meta.language = code
    elif name == "published":
        date = parse_date(text)
        if date is None:
            meta.notes.append(
                f"Could not read the publication date {quote(text)} "
                "(expected a date like 2024-03-14); it was left empty."
            )
            return False
        meta.published = date
    else:
        setattr(meta, name, text)
    return True


def _names(value: object) -> str | None:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            item = item.get("name")
        if not isinstance(item, str):
            return None
        name = clean_field(item)
        if name:
            names.append(name)
    return "; ".join(names) or None


def json_safe_key(key: str) -> str:
    """``key`` without lone surrogates, which a JSON decoder lets through from escapes."""
    return key.encode("utf-8", "replace").decode("utf-8")


def json_safe(value: object) -> object:
    """``value`` with every string made encodable, so the service can store it as JSON."""
    if isinstance(value, str):
        return json_safe_key(value)
    if isinstance(value, list):
        return [json_safe(item) for item in value]
    if isinstance(value, dict):
        return {json_safe_key(str(key)): json_safe(item) for key, item in value.items()}
    return value
