"""The drag payload of claims, shared by every place a claim can be dragged from.

The Claims list, the reader (a selection that is exactly a claim) and the
claim panel's handle all put the same data on a drag, so the timeline links a
claim dropped on an event however it was picked up. The payload is a JSON list
of claim ids under `CLAIMS_MIME`; plain text may come along for other targets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData

CLAIMS_MIME = "application/x-claimline-claims"
DRAG_TO_LINK = "Drag onto an event on the timeline to link"  # where a claim can be dragged


def claims_mime_data(ids: Iterable[int], text: str | None = None) -> QMimeData:
    """Drag data carrying the claims `ids`, and `text` as plain text if given."""
    data = QMimeData()
    data.setData(CLAIMS_MIME, QByteArray(json.dumps(sorted(set(ids))).encode()))
    if text is not None:
        data.setText(text)
    return data


def claim_ids(payload: bytes) -> list[int] | None:
    """The claim ids of a drag payload (a JSON list of integers), or None if it is not one."""
    try:
        ids = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return None
    return list(ids)


def dragged_claim_ids(data: QMimeData | None) -> list[int] | None:
    """The claim ids `data` carries, or None if it carries no (well-formed) claims."""
    if data is None or not data.hasFormat(CLAIMS_MIME):
        return None
    return claim_ids(bytes(data.data(CLAIMS_MIME).data()))
