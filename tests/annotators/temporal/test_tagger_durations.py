"""Durations and sets (rules_en_durations)."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import only, tag, values


@pytest.mark.parametrize("dct", [date(2025, 3, 17), None])
@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("The siege lasted three days.", "three days", "P3D", None),
    ("The siege lasted several years.", "several years", "PXY", None),
    ("The siege lasted for a month.", "a month", "P1M", None),
    ("It came barely a month after the strike.", "a month", "P1M", None),
    ("The lease runs 20 years.", "20 years", "P20Y", None),
    ("The lease ran for twenty years.", "twenty years", "P20Y", None),
    ("Police held him for 48 hours.", "48 hours", "PT48H", None),
    ("The camps stood for 2 1/2 years.", "2 1/2 years", "P2Y6M", None),
    ("The camps stood for two and a half years.", "two and a half years", "P2Y6M", None),
    ("Repairs took half an hour.", "half an hour", "PT30M", None),
    ("The rift lasted a decade.", "a decade", "P1DE", None),
    ("Kyiv was ruled from Moscow for centuries.", "centuries", "PXE", None),
    ("The panel will finish within a year.", "a year", "P1Y", "EQUAL_OR_LESS"),
    ("The base is leased for at least 20 more years.", "at least 20 more years", "P20Y",
     "EQUAL_OR_MORE"),
    ("The reply came in less than one hour.", "less than one hour", "PT1H", "LESS_THAN"),
    ("The strike lasted more than two weeks.", "more than two weeks", "P2W", "MORE_THAN"),
    ("It was the first time in years.", "years", "PXY", None),
    ("Killings rose over the last five years.", "the last five years", "P5Y", None),
    ("Killings rose over the past year.", "the past year", "P1Y", None),
    ("Prices will rise in the coming weeks.", "the coming weeks", "PXW", None),
    ("Officials have worried in recent months.", "recent months", "PXM", None),
    ("Kuchma began a four-day visit.", "four-day", "P4D", None),
    ("They signed a 10-year program.", "10-year", "P10Y", None),
])
def test_durations(dct: date | None, text: str, span: str, value: str, mod: str | None) -> None:
    s = only(text, dct)
    assert (s.text, s.date.timex_type, s.date.value, s.date.mod) == (span, "DURATION", value,
                                                                     mod)
    assert s.date.earliest is None and s.date.latest is None and s.date.edtf is None
    assert not s.date.needs_anchor


@pytest.mark.parametrize("text", [
    "A 48-year-old man was arrested.",
    "The boy, 12 years old, was unhurt.",
    "The airline adds four flights a week.",
    "She won for a second time.",
    "The airline plans daily flights to Bombay.",
])
def test_not_durations(text: str) -> None:
    assert [s for s in tag(text) if s.date.timex_type in ("DURATION", "SET")] == []


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The committee meets every week.", "every week", "P1W"),
    ("The committee meets each year.", "each year", "P1Y"),
    ("The committee meets every two months.", "every two months", "P2M"),
    ("The ferry departs each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("The ferry departs on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
    ("The paper is printed daily.", "daily", "P1D"),
    ("The fee is paid annually.", "annually", "P1Y"),
    ("The board meets twice a month.", "twice a month", "P1M"),
    ("The drug is taken three times a day.", "three times a day", "P1D"),
])
def test_sets(text: str, span: str, value: str) -> None:
    s = only(text)
    assert (s.text, s.date.timex_type, s.date.value) == (span, "SET", value)
    assert s.date.earliest is None and s.date.edtf is None


def test_durations_and_dates_in_one_sentence() -> None:
    assert values("He spent six days in orbit in October 1984 and flew again in 1995.") == [
        ("six days", "DURATION", "P6D"), ("October 1984", "DATE", "1984-10"),
        ("1995", "DATE", "1995")]
