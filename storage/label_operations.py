"""The project's label set: the researcher's own names, colours and number-key shortcuts."""

from __future__ import annotations

import re

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.models import ClaimLabel, Label
from storage.records import LabelRecord
from storage.service_base import (
    RESEARCHER,
    InvalidEdit,
    Rows,
    ServicePart,
    insert_rows,
    record_change,
    table_rows,
)

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# A starting point for a new project; every one can be renamed, recoloured or deleted.
DEFAULT_LABELS = (
    ("Figure", "#c0392b", "A number, amount or statistic"),
    ("Event", "#2e86c1", "Something that happened or will happen"),
    ("Statement", "#8e44ad", "What someone said or announced"),
    ("Prediction", "#d68910", "A claim about the future"),
    ("Framing", "#5d6d7e", "Interpretation or framing rather than fact"),
)


class LabelOperations(ServicePart):
    def list_labels(self) -> list[LabelRecord]:
        with self._sessions.read() as session:
            rows = session.scalars(select(Label).order_by(Label.position, Label.id))
            return [_record(r) for r in rows]

    def add_default_labels(self) -> list[LabelRecord]:
        """Give a project without labels the starting set (shortcuts 1–5)."""
        if self.list_labels():
            return []
        return [
            self.create_label(name, colour, shortcut=i, description=description)
            for i, (name, colour, description) in enumerate(DEFAULT_LABELS, start=1)
        ]

    def create_label(
        self,
        name: str,
        colour: str = "#888888",
        *,
        shortcut: int | None = None,
        description: str = "",
    ) -> LabelRecord:
        with self._sessions.write() as session:
            position = (session.scalar(select(func.max(Label.position))) or 0) + 1
            row = Label(
                name=name,
                color=colour,
                shortcut=shortcut,
                description=description,
                position=position,
            )
            _validate(session, row)
            session.add(row)
            session.flush()
            record_change(session, RESEARCHER, "label", row.id, "created", {"name": name})
            return _record(row)

    def label_refusal(self, label: LabelRecord) -> str | None:
        """Why storing `label` (new if its id is 0) would be refused, or None. Writes nothing."""
        candidate = Label(
            id=label.id or None, name=label.name, color=label.color, shortcut=label.shortcut
        )
        with self._sessions.read() as session:
            try:
                _validate(session, candidate)
            except InvalidEdit as refusal:
                return str(refusal)
        return None

    def update_label(self, label: LabelRecord) -> tuple[LabelRecord, LabelRecord]:
        """Rename, recolour, re-key or move a label; returns (before, after)."""
        with self._sessions.write() as session:
            row = session.get(Label, label.id)
            if row is None:
                raise InvalidEdit(f"There is no label with id {label.id}.")
            before = _record(row)
            row.name, row.color, row.shortcut = label.name, label.color, label.shortcut
            row.description, row.position = label.description, label.position
            with session.no_autoflush:  # compare with the other labels as they are stored
                _validate(session, row)
            record_change(
                session,
                RESEARCHER,
                "label",
                row.id,
                "edited",
                {"before": before.name, "after": label.name},
            )
            return before, _record(row)

    def delete_label(self, label_id: int) -> Rows:
        """Delete a label (claims lose it); the rows returned restore it with `restore_rows`."""
        with self._sessions.write() as session:
            rows = (
                table_rows(session, Label, lambda c: c.id == label_id),
                table_rows(session, ClaimLabel, lambda c: c.label_id == label_id),
            )
            session.execute(delete(Label).where(Label.id == label_id))
            record_change(session, RESEARCHER, "label", label_id, "deleted", {})
        return rows

    def restore_rows(self, rows: Rows) -> None:
        with self._sessions.write() as session:
            insert_rows(session, rows)


def _validate(session: Session, row: Label) -> None:
    if not row.name.strip():
        raise InvalidEdit("A label needs a name.")
    if not _COLOUR.match(row.color):
        raise InvalidEdit(f"“{row.color}” is not a colour; use the form #rrggbb.")
    if row.shortcut is not None and not 0 <= row.shortcut <= 9:
        raise InvalidEdit("A label's shortcut is a number key, 0 to 9.")
    clash = session.scalar(
        select(Label).where(
            (func.lower(Label.name) == row.name.strip().lower()) & (Label.id != (row.id or -1))
        )
    )
    if clash is not None:
        raise InvalidEdit(f"There is already a label called “{clash.name}”.")
    if row.shortcut is not None:
        taken = session.scalar(
            select(Label).where((Label.shortcut == row.shortcut) & (Label.id != (row.id or -1)))
        )
        if taken is not None:
            raise InvalidEdit(f"Key {row.shortcut} is already the shortcut of “{taken.name}”.")


def _record(row: Label) -> LabelRecord:
    return LabelRecord(row.id, row.name, row.color, row.shortcut, row.description, row.position)
