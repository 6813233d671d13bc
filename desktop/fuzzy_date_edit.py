"""A date field that reads dates the way researchers write them, and says how it read them.

"early Feb 2025", "between 10 and 14 January 2025", "the 1950s", "2025-02~" and,
given the article's publication date, "mid-March" or "on Monday": what was typed
is read by ``annotators.temporal.parse_date_phrase`` and the line under the field
shows, while typing, what it became::

    early February 2025 · TIMEX3 2025-02 START · EDTF 2025-02-01/2025-02-10 · 1–10 February 2025

A researcher should never have to guess whether "early" meant the first ten days
or the first third of a year, nor whether "on Monday" was the Monday before or
after publication. Text that cannot be read gets the parser's explanation in a
calm error colour instead.

The temporal package compiles its rules on import (some 60 ms), so it is
imported when the first date is read, not when the window starts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from desktop.object_names import named

if TYPE_CHECKING:
    from annotators.temporal import FuzzyDate

DEBOUNCE_MS = 150
EMPTY_READING = "No date: the event stays undated."
PLACEHOLDER = "e.g. early February 2025, 10–14 January 2025, the 1950s"
FORMS_HELP = (
    "Type a date as you would write it: “17 March 2025”, “early Feb 2025”, “between 10 and 14 "
    "January 2025”, “Q3 2024”, “summer 2023”, “the 1950s”, “before 2020”, or EDTF such as "
    "“2025-02~”. With the article’s publication date, relative dates work too: “mid-March”, "
    "“on Monday”, “last year”."
)
SEPARATOR = " · "
ANCHOR_NOTE = "read against the publication date, "
NBSP = "\u00a0"
_REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_ERROR_LIGHT, _ERROR_DARK = "#b3261e", "#f2b8b5"


def date_problem(date: FuzzyDate, typed: str, anchor: dt.date | None) -> str | None:
    """Why a reading cannot date an event (a length of time, a relative date with no anchor)."""
    if date.timex_type == "DURATION":
        return (f"'{typed}' is a length of time ({date.value}), not a date. Type when it "
                f"happened, such as '17 March 2025' or 'early February 2025'.")
    if date.timex_type == "SET":
        return (f"'{typed}' is a repeating time ({date.value}), not one date. Type when it "
                f"happened, such as '17 March 2025'.")
    if date.needs_anchor or (date.earliest is None and date.latest is None):
        if anchor is None:
            return (f"'{typed}' is relative, and there is no publication date to read it "
                    f"against. Type the full date, with its year.")
        return f"'{typed}' cannot be placed on a calendar. Type a fuller date, with its year."
    return None


def reading_parts(date: FuzzyDate) -> list[str]:
    """The parts of the interpretation line for a date an event can carry.

    ["early February 2025", "TIMEX3 2025-02 START", "EDTF 2025-02-01/2025-02-10",
    "1–10 February 2025"], and where the publication date was used to read it,
    "read against the publication date, 17 March 2025" as well.
    """
    from annotators.temporal import fuzzy_date_for_bounds
    from annotators.temporal.bounds import describe_days

    lo, hi = date.earliest, date.latest
    if lo is not None and hi is not None and date.timex_type == "DATE" \
            and date.value not in _REFERENCES:
        description = fuzzy_date_for_bounds(lo, hi, was=date).phrase
    else:
        description = " ".join(date.phrase.split())
    parts = [description, f"TIMEX3 {date.value}" + (f" {date.mod}" if date.mod else "")]
    if date.edtf:
        parts.append(f"EDTF {date.edtf}")
    if lo is not None and hi is not None:
        days = describe_days(lo, hi)
    elif lo is not None:
        days = f"from {describe_days(lo, lo)} on"
    elif hi is not None:
        days = f"up to {describe_days(hi, hi)}"
    else:
        days = ""
    if days and days != description:
        parts.append(days)
    if date.anchor is not None:
        parts.append(f"{ANCHOR_NOTE}{describe_days(date.anchor, date.anchor)}")
    return parts


def describe_reading(date: FuzzyDate) -> str:
    """The interpretation line as one string: the parts joined by " · "."""
    return SEPARATOR.join(reading_parts(date))


def shown_reading(date: FuzzyDate) -> str:
    """``describe_reading`` with no line break inside a part (for the label)."""
    return SEPARATOR.join(map(_unbreakable, reading_parts(date)))


def _unbreakable(part: str) -> str:
    """A part that wraps as a whole ("1–10 February 2025" never loses its year to the next line)."""
    if part.startswith(ANCHOR_NOTE):
        return ANCHOR_NOTE + part[len(ANCHOR_NOTE):].replace(" ", NBSP)
    return part.replace(" ", NBSP)


class FuzzyDateEdit(QWidget):
    """A line for a fuzzy date and, under it, how the line was understood.

    ``dateChanged`` carries the FuzzyDate (or None for an emptied field) when the
    researcher commits a valid, different date (Return or leaving the field);
    ``set_date`` loads a date without emitting it. ``validityChanged`` follows
    the live reading. A date loaded with ``set_date`` is kept exactly as given
    (value, mod, bounds) until its text is edited.
    """

    dateChanged = Signal(object)  # FuzzyDate | None
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, anchor: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fuzzyDateEdit")
        self._anchor = anchor
        self._date: FuzzyDate | None = None
        self._committed: FuzzyDate | None = None
        self._valid = True
        self._loaded = False  # the current date came from set_date, not from typing
        self._setting = False

        self.input = named(QLineEdit(), "fuzzyDateInput")
        self.input.setPlaceholderText(PLACEHOLDER)
        self.input.setToolTip(FORMS_HELP)
        self.input.setClearButtonEnabled(True)
        self.reading = named(QLabel(), "fuzzyDateReading")
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        font = self.reading.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.reading.setFont(font)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._read)
        self.input.textChanged.connect(self._text_changed)
        self.input.editingFinished.connect(self._commit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.input)
        layout.addWidget(self.reading)
        self.setFocusProxy(self.input)
        self._show(EMPTY_READING, error=False)

    # ------------------------------------------------------------ API
    def anchor(self) -> dt.date | None:
        return self._anchor

    def set_anchor(self, anchor: dt.date | None) -> None:
        """The publication date relative phrases are read against (None: there is none)."""
        if anchor == self._anchor:
            return
        self._anchor = anchor
        loaded_absolute = self._loaded and self._date is not None and not self._date.is_relative
        if self.input.text().strip() and not loaded_absolute:
            self._read()

    def set_date(self, date: FuzzyDate | None) -> None:
        """Show ``date`` (None empties the field); does not emit ``dateChanged``.

        A relative date that was found with nothing to read it against ("early
        February", no bounds) is read against this field's anchor, if it has one,
        exactly as if its words had been typed.
        """
        self._timer.stop()
        self._setting = True
        try:
            self.input.setText(date.phrase if date is not None else "")
        finally:
            self._setting = False
        self.input.setCursorPosition(0)
        self._loaded = True
        self._committed = date
        if date is None:
            self._settle(None, True, EMPTY_READING)
            return
        if date.needs_anchor and self._anchor is not None:
            self._read()
            self._committed = self._date  # what it reads as now was loaded, not typed
            return
        problem = date_problem(date, date.phrase.strip(), self._anchor)
        if problem is not None:
            self._settle(None, False, problem)
        else:
            self._settle(date, True, shown_reading(date))

    def date(self) -> FuzzyDate | None:
        """The date as read now: None when the field is empty or cannot be read."""
        self._flush()
        return self._date

    def is_valid(self) -> bool:
        """True when the field is empty or holds a date an event can carry."""
        self._flush()
        return self._valid

    def text(self) -> str:
        return self.input.text()

    def reading_text(self) -> str:
        """The interpretation line as shown (with ordinary spaces)."""
        return self.reading.text().replace(NBSP, " ")

    # ------------------------------------------------------------ reading
    def _text_changed(self, _text: str) -> None:
        if not self._setting:
            self._loaded = False
            self._timer.start()

    def _flush(self) -> None:
        if self._timer.isActive():
            self._read()

    def _read(self) -> None:
        """Read the text now (the debounce timer ran out, or someone needs the answer)."""
        self._timer.stop()
        typed = " ".join(self.input.text().split())
        if not typed:
            self._settle(None, True, EMPTY_READING)
            return
        from annotators.temporal import DatePhraseError, parse_date_phrase

        try:
            date = parse_date_phrase(typed, self._anchor)
        except DatePhraseError as error:
            self._settle(None, False, str(error))
            return
        problem = date_problem(date, typed, self._anchor)
        if problem is not None:
            self._settle(None, False, problem)
        else:
            self._loaded = False
            self._settle(date, True, shown_reading(date))

    def _settle(self, date: FuzzyDate | None, valid: bool, reading: str) -> None:
        self._date = date
        self._show(reading, error=not valid)
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    def _commit(self) -> None:
        self._flush()
        if self._valid and self._date != self._committed:
            self._committed = self._date
            self.dateChanged.emit(self._date)

    # ------------------------------------------------------------ looks
    def _show(self, reading: str, *, error: bool) -> None:
        self.reading.setText(reading)
        self.reading.setProperty("error", error)
        self.input.setAccessibleDescription(reading.replace(NBSP, " "))
        if error:
            window = self.palette().color(QPalette.ColorRole.Window)
            colour = _ERROR_DARK if window.lightnessF() < 0.5 else _ERROR_LIGHT
            self.reading.setStyleSheet(f"color: {colour}")
        else:
            self.reading.setStyleSheet("color: palette(placeholder-text)")
