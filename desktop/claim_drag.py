"""The drag payload of claims, shared by every place a claim can be dragged from.

The Claims list, the reader (a selection that is exactly a claim) and the
claim panel's handle all put the same data on a drag, so the timeline links a
claim dropped on an event however it was picked up.

The payload, under `CLAIMS_MIME`, is a JSON object saying which project the
claims belong to and which claims they are:

    {"project": "/home/ana/Projects/Korea.claimline", "claims": [3, 17]}

Claim ids are numbers only within one project file, so "project" is the
project file's resolved path (`project_key`; null when the source knows no
project): a drop checks it before it links anything, and claims from another
window's project are refused rather than mistaken for its own. Plain text may
come along for other targets.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData

CLAIMS_MIME = "application/x-claimline-claims"
DRAG_TO_LINK = "Drag onto an event on the timeline to link"  # where a claim can be dragged
# Where a drag source learns which project its claims belong to (a `project_key`).
ProjectOfClaims = Callable[[], str | None]


@dataclass(frozen=True)
class DraggedClaims:
    """What a claims drag carries: the project the claims belong to (`project_key`, None if
    the source did not know) and their ids in that project."""

    project: str | None
    ids: list[int]


def project_key(path: Path | None) -> str | None:
    """The project a drag names: its file's resolved path (one window per file), or None."""
    return None if path is None else str(Path(path).resolve())


def encode_claims(ids: Iterable[int], project: str | None) -> bytes:
    """The payload of the claims `ids` of `project` (a `project_key`)."""
    return json.dumps({"project": project, "claims": sorted(set(ids))}).encode()


def decode_claims(payload: bytes) -> DraggedClaims | None:
    """The claims of a drag payload, or None if it is not a well-formed one."""
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    ids, project = data.get("claims"), data.get("project")
    if not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return None
    if project is not None and not isinstance(project, str):
        return None
    return DraggedClaims(project, list(ids))


def claims_mime_data(ids: Iterable[int], project: str | None,
                     text: str | None = None) -> QMimeData:
    """Drag data carrying the claims `ids` of `project`, and `text` as plain text if given."""
    data = QMimeData()
    data.setData(CLAIMS_MIME, QByteArray(encode_claims(ids, project)))
    if text is not None:
        data.setText(text)
    return data


def dragged_claims(data: QMimeData | None) -> DraggedClaims | None:
    """The claims `data` carries, or None if it carries no (well-formed) claims."""
    if data is None or not data.hasFormat(CLAIMS_MIME):
        return None
    return decode_claims(bytes(data.data(CLAIMS_MIME).data()))


def dragged_claim_ids(data: QMimeData | None) -> list[int] | None:
    """The claim ids `data` carries (of whichever project), or None if it carries none."""
    claims = dragged_claims(data)
    return None if claims is None else claims.ids
