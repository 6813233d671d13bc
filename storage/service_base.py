"""What every part of the project service shares: its sessions and its errors."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from storage.database import SessionFactory
from storage.models import Change

RESEARCHER = "researcher"


class ArticleNotFound(LookupError):
    pass


class InvalidEdit(ValueError):
    """An edit the service refuses; the message is meant for the researcher."""


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
