from __future__ import annotations

import datetime
import json

from storage.importing import ImportProblem, ParsedArticle
from storage.importing.json_reader import parse_json, parse_jsonl

TEXT_A = "The night bus will run every twenty minutes from next week, the operator said."
TEXT_B = "A new cycle lane on the bridge opened on Monday after months of delays."


def test_single_object() -> None:
    data = {
        "text": TEXT_A,
        "title": "Night bus runs more often",
        "publisher": "Metro Post",
        "author": ["Ana Lima", "Piet Bos"],
        "url": "https://example.org/bus",
        "lang": "en",
        "published": "2024-10-02T06:00:00Z",
        "section": "transport",
        "wordcount": 15,
    }
    (article,) = parse_json(json.dumps(data), origin="bus.json")
    assert isinstance(article, ParsedArticle)
    assert article.text == TEXT_A
    assert article.title == "Night bus runs more often"
    assert article.outlet == "Metro Post"
    assert article.author == "Ana Lima; Piet Bos"
    assert article.published == datetime.date(2024, 10, 2)
    assert article.origin == "bus.json"
    assert article.format == "json"
    assert dict(article.extra) == {"section": "transport", "wordcount": 15}


def test_list_of_objects_and_articles_wrapper() -> None:
    items = [{"text": TEXT_A}, {"body": TEXT_B}]
    for payload in (items, {"articles": items, "exported": "2024-01-01"}):
        results = parse_json(json.dumps(payload), origin="many.json")
        assert [r.origin for r in results] == ["many.json#item 1", "many.json#item 2"]
        assert [r.text for r in results if isinstance(r, ParsedArticle)] == [TEXT_A, TEXT_B]


def test_bad_items_are_reported_and_good_ones_kept() -> None:
    payload = [{"text": TEXT_A}, "just a string", {"title": "No body"}, {"text": 5}, {"text": " "}]
    results = parse_json(json.dumps(payload), origin="m.json")
    assert isinstance(results[0], ParsedArticle)
    assert results[1:] == [
        ImportProblem("m.json#item 2", "Item 2 holds a string, not an article object."),
        ImportProblem("m.json#item 3", 'Item 3 has no "text" field (nor "body" or "content").'),
        ImportProblem("m.json#item 4", 'Item 4 has a "text" field that is not text.'),
        ImportProblem("m.json#item 5", 'Item 5 has an empty "text" field.'),
    ]


def test_malformed_json_file() -> None:
    (problem,) = parse_json('{"text": "unfinished', origin="bad.json")
    assert isinstance(problem, ImportProblem)
    assert problem.reason == ("The file is not valid JSON: Unterminated string starting at "
                              "column 10.")


def test_nan_and_deep_nesting_are_rejected() -> None:
    (problem,) = parse_json('{"text": "x", "score": NaN}', origin="n.json")
    assert problem == ImportProblem(
        "n.json", "The file is not valid JSON: NaN is not a valid JSON value."
    )
    (deep,) = parse_json("[" * 100_000 + "]" * 100_000, origin="d.json")
    assert isinstance(deep, ImportProblem)
    assert "nested too deeply" in deep.reason


def test_whitespace_only_json() -> None:
    assert parse_json(" \n ", origin="w.json") == [ImportProblem("w.json", "The file has no text.")]


def test_empty_list_and_scalar() -> None:
    assert parse_json("[]", origin="e.json") == [
        ImportProblem("e.json", "The file holds an empty list: there are no articles.")
    ]
    assert parse_json("42", origin="s.json") == [
        ImportProblem("s.json", "The file holds a single JSON value, not an article object.")
    ]


def test_jsonl_bad_line_among_good_ones() -> None:
    lines = [
        json.dumps({"text": TEXT_A, "date": "2024-10-02"}),
        "",
        '{"text": "broken" "title": "x"}',
        json.dumps({"content": TEXT_B, "date": "next Tuesday"}),
        "[1, 2]",
    ]
    results = parse_jsonl("\n".join(lines) + "\n", origin="feed.jsonl")
    assert [r.origin for r in results] == [
        "feed.jsonl#line 1",
        "feed.jsonl#line 3",
        "feed.jsonl#line 4",
        "feed.jsonl#line 5",
    ]
    first, bad, second, listed = results
    assert isinstance(first, ParsedArticle)
    assert first.format == "jsonl"
    assert bad == ImportProblem(
        "feed.jsonl#line 3", "Line 3 is not valid JSON: Expecting ',' delimiter at column 19."
    )
    assert isinstance(second, ParsedArticle)
    assert second.published is None
    assert second.cleanup == (
        'Could not read the publication date "next Tuesday" (expected a date like 2024-03-14);'
        " it was left empty.",
    )
    assert dict(second.extra) == {"date": "next Tuesday"}
    assert listed == ImportProblem(
        "feed.jsonl#line 5", "Line 5 holds a list, not an article object."
    )


def test_jsonl_text_may_hold_raw_line_separators() -> None:
    line = '{"text": "First part\u2028second part of the same article here."}'
    (article,) = parse_jsonl(line, origin="u.jsonl")
    assert isinstance(article, ParsedArticle)
    assert article.text == "First part\nsecond part of the same article here."


def test_jsonl_with_only_blank_lines() -> None:
    assert parse_jsonl("\n \n", origin="b.jsonl") == [
        ImportProblem("b.jsonl", "The file has no text.")
    ]


def test_debris_is_cleaned_in_json_text_too() -> None:
    text = f"EN | FR\n\nNight bus\n\n{TEXT_A}\n\nShare this:\n\nFacebook"
    (article,) = parse_jsonl(json.dumps({"text": text}), origin="d.jsonl")
    assert isinstance(article, ParsedArticle)
    assert article.text == f"Night bus\n\n{TEXT_A}"
    assert article.title is None  # JSON metadata is explicit; no title is guessed
    assert len(article.cleanup) == 2
