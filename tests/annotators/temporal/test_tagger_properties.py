"""Properties of find_timexes that hold for any document date."""

from __future__ import annotations

import pickle
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from .helpers import tag

TEXT = (
    "On Monday the minister said that last year, in early February and since the 1950s, "
    "prices rose; two weeks ago they fell, and next month, by the end of this year, or in "
    "the third quarter they may rise again. Talks will resume on Friday at 10 a.m., then "
    "yesterday's deal, the following week and last summer are history. It is calm now."
)


@settings(max_examples=60, deadline=None)
@given(dct=st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)))
def test_bounds_are_ordered_for_any_dct(dct: date) -> None:
    found = tag(TEXT, dct)  # tag() checks offsets and earliest <= latest
    assert len(found) >= 14
    for s in found:
        assert not s.date.needs_anchor
        if s.date.timex_type == "DATE" and not s.date.value.endswith("_REF"):
            assert s.date.earliest is not None and s.date.latest is not None


def test_same_text_without_dct_has_no_bounds_on_relative_values() -> None:
    for s in tag(TEXT, None):
        if s.date.needs_anchor:
            assert s.date.earliest is None and s.date.latest is None and s.date.anchor is None
            assert "X" in s.date.value or s.date.value.endswith("_REF")


def test_suggestions_survive_pickling() -> None:
    found = tag(TEXT, date(2025, 3, 17))
    assert pickle.loads(pickle.dumps(found)) == found
