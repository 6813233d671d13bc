"""Which file names Claimline reads, and as what."""

from __future__ import annotations

from pathlib import Path

FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMAT_BY_SUFFIX)
FORMATS: frozenset[str] = frozenset(FORMAT_BY_SUFFIX.values())


def format_for(path: Path) -> str | None:
    """The reader format for ``path`` by its suffix (any case), or ``None``."""
    return FORMAT_BY_SUFFIX.get(path.suffix.lower())


def unsupported_reason(path: Path) -> str:
    """The sentence shown when someone picks a file type we cannot read."""
    readable = ", ".join(sorted(SUPPORTED_SUFFIXES))
    kind = f'"{path.suffix}" files' if path.suffix else "files without an extension"
    return f"Claimline cannot import {kind}; it reads {readable}."
