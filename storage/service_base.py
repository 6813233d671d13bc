"""What every part of the project service shares: its sessions and its errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from storage.database import SessionFactory
from storage.models import Base, Change
from storage.refusals import InvalidEdit as InvalidEdit

Rows = tuple[tuple[str, tuple[dict[str, Any], ...]], ...]  # (table name, rows) in insert order

RESEARCHER = "researcher"


class RecordNotFound(LookupError, InvalidEdit):
    """The record an edit names is not in the project (deleted meanwhile, say)."""


class ArticleNotFound(RecordNotFound):
    pass


class ServicePart:
    """Base of the service's parts; each public method opens one session, one transaction."""

    _sessions: SessionFactory


def record_change(
    session: Session,
    actor: str,
    subject_type: str,
    subject_id: int,
    action: str,
    detail: dict[str, Any],
) -> None:
    """Append to the change history (who or what did what to which record)."""
    session.add(
        Change(
            actor=actor,
            subject_type=subject_type,
            subject_id=subject_id,
            action=action,
            detail=detail,
        )
    )


def table_rows(
    session: Session, model: type[Base], condition: Callable[[Any], Any]
) -> tuple[str, tuple[dict[str, Any], ...]]:
    """Every row of `model`'s table matching `condition(columns)`, as plain dicts.

    Snapshots for undo are made of these; `insert_rows` puts them back exactly.
    """
    table = cast(Table, model.__table__)
    result = session.execute(select(table).where(condition(table.c)))
    return table.name, tuple(dict(row._mapping) for row in result)


def insert_rows(session: Session, rows: Rows) -> None:
    for table_name, values in rows:
        if values:
            session.execute(insert(Base.metadata.tables[table_name]), [dict(v) for v in values])
