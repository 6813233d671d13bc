"""The word lists and patterns."""

from __future__ import annotations

from annotators.claims.cues import (
    ENGLISH_EVENT_PAST,
    REPORTING_VERBS,
    YEAR_RE,
    english_forms,
    english_past_forms,
    words,
)


def test_english_forms() -> None:
    forms = english_forms(frozenset({"say", "deploy", "stop", "modernize", "die", "cut"}))
    assert {"said", "says", "deployed", "deploying", "stopped", "modernized",
            "modernizes", "died", "cut"} <= forms


def test_past_forms_leave_out_bare_stems() -> None:
    forms = english_past_forms(frozenset({"attack", "lose", "ban", "carry"}))
    assert forms >= {"attacked", "lost", "banned", "carried"}
    assert "attack" not in forms
    assert {"killed", "sent", "deployed"} <= ENGLISH_EVENT_PAST


def test_word_lists() -> None:
    assert words(" a  b\nc ") == frozenset({"a", "b", "c"})
    assert {"say", "report", "note", "emphasize", "disclose", "reveal"} <= REPORTING_VERBS


def test_years() -> None:
    assert YEAR_RE.match("2025") and YEAR_RE.match("1950s") and YEAR_RE.match("2025-го")
    assert not YEAR_RE.match("3000") and not YEAR_RE.match("25")
