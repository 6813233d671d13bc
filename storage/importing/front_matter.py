"""Simple YAML front matter at the top of Markdown files (``---`` ... ``---``).

Static-site exports and note-taking apps store title, author and date this way. We read
the flat ``key: value`` subset with a few lines of code instead of adding a YAML
dependency; a block using anything richer is left in the text untouched, so nothing is
lost when we do not understand it.
"""

from __future__ import annotations

import re

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$")
_LIST_ITEM = re.compile(r"^\s+-\s+(.*?)\s*$|^-\s+(.*?)\s*$")
_MAX_LINES = 100


def split_front_matter(text: str) -> tuple[dict[str, object] | None, str]:
    """Return (fields, rest of the text), or (None, text) when there is no front matter."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text
    end = next(
        (i for i in range(1, min(len(lines), _MAX_LINES)) if lines[i].strip() in ("---", "...")),
        None,
    )
    if end is None:
        return None, text
    fields = _parse_block(lines[1:end])
    if not fields:
        return None, text
    return fields, "\n".join(lines[end + 1 :])


def _parse_block(lines: list[str]) -> dict[str, object] | None:
    fields: dict[str, object] = {}
    list_key: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item is not None and list_key is not None:
            values = fields.setdefault(list_key, [])
            assert isinstance(values, list)
            values.append(_unquote(item.group(1) or item.group(2) or ""))
            continue
        pair = _KEY_VALUE.match(line)
        if pair is None:
            return None  # nested or otherwise rich YAML: not ours to interpret
        key, value = pair.group(1), pair.group(2) or ""
        list_key = key if not value else None
        fields[key] = _parse_value(value) if value else []
    return {key: value for key, value in fields.items() if value != []} or None


def _parse_value(value: str) -> object:
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(part) for part in value[1:-1].split(",") if part.strip()]
    return _unquote(value)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
