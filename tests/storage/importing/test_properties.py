"""Whatever bytes or text arrive, the readers answer with articles or problems, never a crash."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.importing import ImportProblem, ParsedArticle, normalize_text, parse_text
from storage.importing.text_cleanup import remove_debris

FORMATS = st.sampled_from(["txt", "md", "html", "json", "jsonl"])
MODERATE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the characters importers trip over: line separators, BOMs, controls,
# combining marks, surrogate-free astral characters, markup and JSON punctuation.
PIECES = [
    *'\r\n\t\u2028\u2029\x85\ufeff\x00\u0301\u200d{}[]":,<>/#-|*',
    "\n\n",
    "ua en ru",
    "EN | DE",
    "Leave a Reply",
    "Share this:",
    "By Jane Doe",
    "Author: Ана Лима",
    "0",
    "---",
    "title: x",
    "<p>",
    "</p>",
    '{"text": "',
    "The council met on Monday.",
]
TRICKY = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PIECES)), max_size=25).map(
    "".join
)


def check(results: list[ParsedArticle | ImportProblem]) -> None:
    assert results
    for result in results:
        if isinstance(result, ParsedArticle):
            assert result.text
            assert normalize_text(result.text) == result.text
            assert result.text.encode("utf-8")  # no lone surrogates
            json.dumps(dict(result.extra))
        else:
            assert isinstance(result, ImportProblem)
            assert result.reason.strip()


@MODERATE
@given(raw=st.binary(max_size=3000), format=FORMATS)
def test_arbitrary_bytes(raw: bytes, format: str) -> None:
    check(parse_text(raw, origin="fuzz", format=format))


@MODERATE
@given(raw=TRICKY, format=FORMATS)
def test_arbitrary_text(raw: str, format: str) -> None:
    check(parse_text(raw, origin="fuzz", format=format))


@MODERATE
@given(raw=st.text(), format=FORMATS)
def test_arbitrary_text_encoded(raw: str, format: str) -> None:
    check(parse_text(raw.encode("utf-8", "surrogatepass"), origin="fuzz", format=format))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TRICKY,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
ARTICLE_OBJECTS = st.fixed_dictionaries(
    {"text": TRICKY},
    optional=dict.fromkeys(
        ("title", "author", "source", "date", "lang", "url", "body", "misc"), JSON_VALUES
    ),
)


@MODERATE
@given(records=st.lists(st.one_of(ARTICLE_OBJECTS, JSON_VALUES), max_size=5))
def test_arbitrary_json_records(records: list[object]) -> None:
    check(parse_text(json.dumps(records), origin="fuzz", format="json"))
    lines = "\n".join(json.dumps(record) for record in records)
    check(parse_text(lines, origin="fuzz", format="jsonl"))


@settings(max_examples=300, deadline=None)
@given(raw=TRICKY)
def test_normalize_text_is_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert "\r" not in once and "\ufeff" not in once
    assert once == once.strip()
    assert "\n\n\n" not in once


@settings(max_examples=300, deadline=None)
@given(raw=TRICKY)
def test_cleanup_only_removes_whole_lines_and_never_everything(raw: str) -> None:
    text = normalize_text(raw)
    result = remove_debris(text)
    kept = [line for line in result.text.split("\n") if line.strip()]
    original = [line for line in text.split("\n") if line.strip()]
    assert bool(kept) == bool(original)
    remaining = iter(original)
    assert all(line in remaining for line in kept)  # an ordered subsequence
    assert len(result.notes) >= (1 if len(kept) < len(original) else 0)
