"""FuzzyDateEdit: dates typed the way researchers write them, and how they were read."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotators.temporal import FuzzyDate, fuzzy_date_for_bounds, parse_date_phrase
from desktop.fuzzy_date_edit import EMPTY_READING, NBSP, FuzzyDateEdit

ANCHOR = dt.date(2025, 3, 17)  # a Monday, the day of the seed articles


@pytest.fixture
def edit(qtbot: QtBot) -> FuzzyDateEdit:
    widget = FuzzyDateEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_in(qtbot: QtBot, edit: FuzzyDateEdit, text: str) -> None:
    """Replace the text the way a researcher does, then wait for the reading to catch up."""
    edit.input.clear()
    qtbot.waitUntil(lambda: edit.reading_text() == EMPTY_READING)
    QTest.keyClicks(edit.input, text)
    assert edit.reading_text() == EMPTY_READING  # nothing is read while keys keep coming
    qtbot.waitUntil(lambda: edit.reading_text() != EMPTY_READING)


@pytest.mark.parametrize(("typed", "reading"), [
    ("early Feb 2025", "early February 2025 · TIMEX3 2025-02 START · "
                       "EDTF 2025-02-01/2025-02-10 · 1–10 February 2025"),
    ("between 10 and 14 January 2025", "10–14 January 2025 · TIMEX3 2025-01 · "
                                       "EDTF 2025-01-10/2025-01-14"),
    ("2024", "2024 · TIMEX3 2024 · EDTF 2024 · 1 January – 31 December 2024"),
    ("the 1950s", "the 1950s · TIMEX3 195X · EDTF 195X · 1 January 1950 – 31 December 1959"),
    ("2025-02~", "about February 2025 · TIMEX3 2025-02 APPROX · EDTF 2025-02~ · "
                 "1–28 February 2025"),
    ("Q3 2024", "the third quarter of 2024 · TIMEX3 2024-Q3 · EDTF 2024-35 · "
                "1 July – 30 September 2024"),
    ("17 March 2025", "17 March 2025 · TIMEX3 2025-03-17 · EDTF 2025-03-17"),
    ("before 2020", "before 2020 · TIMEX3 2020 BEFORE · EDTF ../2019-12-31 · "
                    "up to 31 December 2019"),
])
def test_each_form_shows_how_it_was_read(qtbot: QtBot, edit: FuzzyDateEdit, typed: str,
                                         reading: str) -> None:
    type_in(qtbot, edit, typed)
    assert edit.reading_text() == reading
    assert edit.is_valid()
    found = edit.date()
    assert found is not None and found.phrase == typed
    assert found == parse_date_phrase(typed)
    assert edit.reading.property("error") is False


def test_parts_of_the_reading_do_not_break_across_lines(qtbot: QtBot,
                                                        edit: FuzzyDateEdit) -> None:
    type_in(qtbot, edit, "early Feb 2025")
    assert f"1–10{NBSP}February{NBSP}2025" in edit.reading.text()
    assert " · " in edit.reading.text()


def test_invalid_text_is_explained_in_the_error_colour(qtbot: QtBot,
                                                       edit: FuzzyDateEdit) -> None:
    with qtbot.waitSignal(edit.validityChanged, check_params_cb=lambda ok: ok is False):
        QTest.keyClicks(edit.input, "early Febtober 2025")
    assert edit.reading_text().startswith("I could not read 'early Febtober 2025' as a date")
    assert "Try forms like" in edit.reading_text()
    assert edit.reading.property("error") is True
    assert "#b3261e" in edit.reading.styleSheet()
    assert not edit.is_valid() and edit.date() is None
    with qtbot.waitSignal(edit.validityChanged, check_params_cb=lambda ok: ok is True):
        edit.input.clear()
    assert edit.reading_text() == EMPTY_READING


def test_the_parsers_own_explanation_is_shown(qtbot: QtBot, edit: FuzzyDateEdit) -> None:
    type_in(qtbot, edit, "31 February 2025")
    assert edit.reading_text() == ("I could not read '31 February 2025' as a date: "
                                   "February has 28 days in 2025.")
    assert not edit.is_valid()


@pytest.mark.parametrize(("typed", "why"), [
    ("three weeks", "'three weeks' is a length of time (P3W), not a date."),
    ("every Monday", "'every Monday' is a repeating time (XXXX-WXX-1), not one date."),
])
def test_lengths_and_repeating_times_are_not_dates(qtbot: QtBot, edit: FuzzyDateEdit,
                                                   typed: str, why: str) -> None:
    type_in(qtbot, edit, typed)
    assert edit.reading_text().startswith(why)
    assert not edit.is_valid() and edit.date() is None


@pytest.mark.parametrize(("typed", "reading"), [
    ("mid-March", "mid-March 2025 · TIMEX3 2025-03 MID · EDTF 2025-03-11/2025-03-20 · "
                  "11–20 March 2025 · read against the publication date, 17 March 2025"),
    ("on Monday", "17 March 2025 · TIMEX3 2025-03-17 · EDTF 2025-03-17 · "
                  "read against the publication date, 17 March 2025"),
    ("last year", "2024 · TIMEX3 2024 · EDTF 2024 · 1 January – 31 December 2024 · "
                  "read against the publication date, 17 March 2025"),
])
def test_the_anchor_reads_relative_dates_and_says_so(qtbot: QtBot, edit: FuzzyDateEdit,
                                                     typed: str, reading: str) -> None:
    edit.set_anchor(ANCHOR)
    type_in(qtbot, edit, typed)
    assert edit.reading_text() == reading
    found = edit.date()
    assert found is not None and found.anchor == ANCHOR


def test_absolute_dates_do_not_mention_the_anchor(qtbot: QtBot, edit: FuzzyDateEdit) -> None:
    edit.set_anchor(ANCHOR)
    type_in(qtbot, edit, "early February 2025")
    assert "publication date" not in edit.reading_text()


def test_relative_dates_without_an_anchor_wait_for_one(qtbot: QtBot,
                                                       edit: FuzzyDateEdit) -> None:
    type_in(qtbot, edit, "mid-March")
    assert edit.reading_text() == ("'mid-March' is relative, and there is no publication date "
                                   "to read it against. Type the full date, with its year.")
    assert not edit.is_valid()
    with qtbot.waitSignal(edit.validityChanged, check_params_cb=lambda ok: ok is True):
        edit.set_anchor(ANCHOR)
    found = edit.date()
    assert found is not None and (found.earliest, found.latest) == (dt.date(2025, 3, 11),
                                                                    dt.date(2025, 3, 20))
    assert edit.anchor() == ANCHOR


def test_committing_emits_the_date_once(qtbot: QtBot, edit: FuzzyDateEdit) -> None:
    edit.input.setFocus()
    QTest.keyClicks(edit.input, "early Feb 2025")
    with qtbot.waitSignal(edit.dateChanged) as blocker:
        QTest.keyClick(edit.input, Qt.Key.Key_Return)
    committed = blocker.args[0]
    assert isinstance(committed, FuzzyDate) and committed.value == "2025-02"
    with qtbot.assertNotEmitted(edit.dateChanged):
        QTest.keyClick(edit.input, Qt.Key.Key_Return)
    edit.input.selectAll()
    QTest.keyClick(edit.input, Qt.Key.Key_Delete)
    with qtbot.waitSignal(edit.dateChanged) as cleared:
        QTest.keyClick(edit.input, Qt.Key.Key_Return)
    assert cleared.args == [None]


def test_invalid_text_is_never_committed(qtbot: QtBot, edit: FuzzyDateEdit) -> None:
    QTest.keyClicks(edit.input, "sometime")
    with qtbot.assertNotEmitted(edit.dateChanged):
        QTest.keyClick(edit.input, Qt.Key.Key_Return)
    assert not edit.is_valid()


def test_set_date_shows_a_date_as_given_without_emitting(qtbot: QtBot,
                                                         edit: FuzzyDateEdit) -> None:
    week = fuzzy_date_for_bounds(dt.date(2025, 3, 17), dt.date(2025, 3, 23))
    with qtbot.assertNotEmitted(edit.dateChanged):
        edit.set_date(week)
    assert edit.text() == "17–23 March 2025"
    assert edit.date() == week  # kept as given: the week value, not the parser's month
    assert edit.reading_text() == "17–23 March 2025 · TIMEX3 2025-W12 · EDTF 2025-03-17/2025-03-23"
    edit.set_date(None)
    assert edit.text() == "" and edit.date() is None and edit.is_valid()
    assert edit.reading_text() == EMPTY_READING


def test_set_date_reads_a_date_found_without_an_anchor_against_the_anchor(
        qtbot: QtBot, edit: FuzzyDateEdit) -> None:
    unresolved = parse_date_phrase("early February")  # found before there was a date
    assert unresolved.needs_anchor and unresolved.earliest is None
    edit.set_date(unresolved)
    assert not edit.is_valid() and edit.date() is None
    assert edit.reading_text() == ("'early February' is relative, and there is no publication "
                                   "date to read it against. Type the full date, with its year.")
    edit.set_anchor(ANCHOR)
    with qtbot.assertNotEmitted(edit.dateChanged):
        edit.set_date(unresolved)
        edit.input.setFocus()
        edit.input.clearFocus()  # leaving the field commits nothing: nothing was typed
    assert edit.is_valid() and edit.text() == "early February"
    assert edit.date() == parse_date_phrase("early February", ANCHOR)
    assert edit.reading_text() == ("early February 2025 · TIMEX3 2025-02 START · "
                                   "EDTF 2025-02-01/2025-02-10 · 1–10 February 2025 · "
                                   "read against the publication date, 17 March 2025")


def test_an_empty_field_is_a_valid_undated_event(qtbot: QtBot, edit: FuzzyDateEdit) -> None:
    QTest.keyClicks(edit.input, "   ")
    assert edit.is_valid() and edit.date() is None
    assert edit.reading_text() == EMPTY_READING


def test_reading_is_debounced_but_never_stale_when_asked(qtbot: QtBot,
                                                         edit: FuzzyDateEdit) -> None:
    QTest.keyClicks(edit.input, "2024")
    assert edit.reading_text() == EMPTY_READING  # the timer has not run yet
    found = edit.date()  # asking reads the text now
    assert found is not None and found.value == "2024"
    assert edit.reading_text().startswith("2024 · TIMEX3 2024")


def test_the_widget_module_does_not_load_the_temporal_rules() -> None:
    code = ("import sys, desktop.fuzzy_date_edit, desktop.event_dialog; "
            "print('annotators.temporal' in sys.modules)")
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=repo)
    assert out.stdout.strip() == "False"
