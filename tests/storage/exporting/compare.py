"""Row-by-row comparison of two project files (for round-trip tests)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

# Not part of what a project holds: its history, its schema bookkeeping, its search indexes.
SKIPPED = ("changes", "alembic_version", "sqlite_sequence")


def tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if n not in SKIPPED and "_fts" not in n]


def rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)


def assert_same_rows(original: Path, copy: Path) -> None:
    assert tables(original) == tables(copy)
    for table in tables(original):
        before, after = rows(original, table), rows(copy, table)
        assert len(before) == len(after), table
        for a, b in zip(before, after, strict=True):
            assert a == b, (table, a, b)
