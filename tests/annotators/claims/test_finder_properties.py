"""Whatever the text, the finder does not crash and keeps its contract."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import claims

NEWSY = st.sampled_from([
    "said", "according to", "за словами", "по данным", "заявив", "сообщил", "Reuters",
    "Kyiv", "3,000", "2025", "January", "about", "may", "?", ".", "\n", "\n\n", "«", "»",
    "\"", "—", "Photo:", "Author:", "🙂", "ﬁ", "Cho Tae-yul", "he", "that", " ", ",",
])
TEXTS = st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=40).map("".join) | st.text()
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXTS)
def test_trained_pipeline(nlp: Any, text: str) -> None:
    claims(nlp(text))


@SETTINGS
@given(text=TEXTS)
def test_blank_pipelines(blank_uk: Any, blank_ru: Any, text: str) -> None:
    claims(blank_uk(text))
    claims(blank_ru(text))
