"""Articles exported as JSON (one object, a list, or {"articles": [...]}) or JSON Lines.

Scrapers and notebooks produce these in bulk, often with a few broken records; each
record therefore stands alone, and a bad one is reported by its line or item number
while the rest import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from storage.importing.article_building import finish_article
from storage.importing.metadata_fields import json_safe, json_safe_key, metadata_from_mapping
from storage.importing.parsed import ImportProblem, ParsedArticle, ReadResult

TEXT_KEYS = ("text", "body", "content")


class _NonStandardNumber(ValueError):
    """Raised for NaN and Infinity, which Python's json accepts but JSON forbids."""


def _reject_constant(name: str) -> object:
    raise _NonStandardNumber(f"{name} is not a valid JSON value")


def _loads(text: str) -> object:
    return json.loads(text, parse_constant=_reject_constant)


def parse_json(text: str, *, origin: str) -> list[ReadResult]:
    """Read a ``.json`` file holding one article object or a collection of them."""
    if not text.strip():
        return [ImportProblem(origin, "The file has no text.")]
    try:
        data = _loads(text)
    except (json.JSONDecodeError, _NonStandardNumber, RecursionError) as error:
        return [ImportProblem(origin, f"The file is not valid JSON: {_describe(error)}.")]
    if isinstance(data, Mapping) and not _has_text_key(data) and "articles" in data:
        data = data["articles"]
    if isinstance(data, Mapping):
        return [_article(data, origin=origin, where="The JSON object", format="json")]
    if not isinstance(data, list):
        return [ImportProblem(origin, "The file holds a single JSON value, not an article object.")]
    if not data:
        return [ImportProblem(origin, "The file holds an empty list: there are no articles.")]
    return [
        _article(item, origin=f"{origin}#item {number}", where=f"Item {number}", format="json")
        for number, item in enumerate(data, start=1)
    ]


def parse_jsonl(text: str, *, origin: str) -> list[ReadResult]:
    """Read a ``.jsonl`` file: one article object per non-blank line."""
    results: list[ReadResult] = []
    # Split on "\n" only: JSON strings may legally hold raw U+2028 and U+2029.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        line_origin = f"{origin}#line {number}"
        try:
            data = _loads(line)
        except (json.JSONDecodeError, _NonStandardNumber, RecursionError) as error:
            reason = f"Line {number} is not valid JSON: {_describe(error)}."
            results.append(ImportProblem(line_origin, reason))
            continue
        results.append(_article(data, origin=line_origin, where=f"Line {number}", format="jsonl"))
    if not results:
        results.append(ImportProblem(origin, "The file has no text."))
    return results


def _describe(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        # One JSONL record is one line, so its line number would only confuse.
        where = (f"column {error.colno}" if error.lineno == 1
                 else f"line {error.lineno}, column {error.colno}")
        # Some messages end with "at" already ("Unterminated string starting at").
        return f"{error.msg} {where}" if error.msg.endswith(" at") else f"{error.msg} at {where}"
    if isinstance(error, RecursionError):
        return "it is nested too deeply"
    return str(error)


def _has_text_key(data: Mapping[str, object]) -> bool:
    return any(key in data for key in TEXT_KEYS)


def _article(
    data: object, *, origin: str, where: str, format: str
) -> ParsedArticle | ImportProblem:
    if not isinstance(data, Mapping):
        kind = {list: "a list", str: "a string", bool: "true or false", type(None): "null"}
        shown = kind.get(type(data), "a number")
        return ImportProblem(origin, f"{where} holds {shown}, not an article object.")
    fields = {json_safe_key(str(key)): value for key, value in data.items()}
    text_key = next((key for key in TEXT_KEYS if key in fields), None)
    if text_key is None:
        return ImportProblem(origin, f'{where} has no "text" field (nor "body" or "content").')
    body = fields.pop(text_key)
    if not isinstance(body, str):
        return ImportProblem(origin, f'{where} has a "{text_key}" field that is not text.')
    meta = metadata_from_mapping(fields)
    meta.extra = {key: json_safe(value) for key, value in meta.extra.items()}
    return finish_article(
        body,
        meta,
        origin=origin,
        format=format,
        no_text_reason=f'{where} has an empty "{text_key}" field.',
    )
