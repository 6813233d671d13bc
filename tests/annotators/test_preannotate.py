"""Pre-annotation end to end on the seeds and on texts in other languages."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotators.preannotate import PlainText, Preannotator
from annotators.suggestion import Suggestion
from storage.importing import ParsedArticle, read_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CALL = dt.date(2025, 3, 17)


def seed_text(name: str) -> str:
    (article,) = read_file(SEEDS / name)
    assert isinstance(article, ParsedArticle)
    return article.text


@pytest.fixture(scope="module")
def original() -> list[Suggestion]:
    return Preannotator().annotate_text(seed_text("000_e47a78e8ed6366d9.txt"), "en", CALL)


def claim_starting(suggestions: list[Suggestion], words: str) -> Suggestion:
    (claim,) = [s for s in suggestions if s.kind == "claim" and s.text.startswith(words)]
    return claim


def test_every_suggestion_points_at_its_text(original: list[Suggestion]) -> None:
    text = seed_text("000_e47a78e8ed6366d9.txt")
    assert {s.kind for s in original} == {"entity", "timex", "claim"}
    for s in original:
        assert text[s.start:s.end] == s.text


def test_claims_name_their_claimants(original: list[Suggestion]) -> None:
    accept = claim_starting(original, "According to Cho Tae-yul, South Korea is ready to accept")
    assert accept.attributes["claimant"] == "Cho Tae-yul"
    assert "attribution" in accept.attributes["reasons"]
    casualties = claim_starting(original, "Kyiv reported that")
    assert casualties.attributes["claimant"] == "Kyiv"
    assert {"number", "date"} <= set(casualties.attributes["reasons"])
    losses = claim_starting(original, "As of early February")
    assert losses.attributes["certainty"] == "hedged"
    assert claim_starting(original, "Budanov also said").attributes["claimant"] == "Kyrylo Budanov"
    assert all(s.score is not None and s.score >= 0.44 for s in original if s.kind == "claim")


def test_dates_are_read_against_the_anchor(original: list[Suggestion]) -> None:
    values = {s.text: (s.attributes["value"], s.attributes["mod"])
              for s in original if s.kind == "timex"}
    assert values["Monday"] == ("2025-03-17", None)
    assert values["the beginning of January 2025"] == ("2025-01", "START")
    assert values["the 1950s"] == ("195X", None)
    assert values["Last year"] == ("2024", None)
    assert values["early February"] == ("2025-02", "START")


def test_normalised_dates_replace_bare_date_entities(original: list[Suggestion]) -> None:
    timex_spans = [(s.start, s.end) for s in original if s.kind == "timex"]
    for s in original:
        if s.kind == "entity" and s.label in ("DATE", "TIME"):
            assert not any(s.start < e and b < s.end for b, e in timex_spans)
    labels = {s.label for s in original if s.kind == "entity"}
    assert {"GPE", "CARDINAL"} <= labels


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    suggestions = Preannotator().annotate_text("Officials met on Monday, a year after 3 May 2024.")
    by_text = {s.text: s.attributes for s in suggestions if s.kind == "timex"}
    assert by_text["Monday"]["needs_anchor"] is True
    assert by_text["Monday"]["earliest"] is None
    assert by_text["3 May 2024"]["value"] == "2024-05-03"


def test_ukrainian_text_gets_sentences_dates_numbers_and_claims() -> None:
    text = ("Київ, 18 березня. За словами міністра, понад 3 000 військових загинули вчора. "
            "Уряд заявив, що допомога прибуде в понеділок.")
    suggestions = Preannotator().annotate_text(text, "uk", dt.date(2025, 3, 18))
    kinds = {(s.kind, s.label) for s in suggestions}
    assert ("entity", "CARDINAL") in kinds
    timex = {s.text: s.attributes["value"] for s in suggestions if s.kind == "timex"}
    assert timex["вчора"] == "2025-03-17"
    assert any(s.kind == "claim" for s in suggestions)
    for s in suggestions:
        assert text[s.start:s.end] == s.text


def test_many_texts_in_mixed_languages_come_back_under_their_keys() -> None:
    items = [
        ("a", PlainText("The council voted on Tuesday to close 4 schools.", "en", CALL)),
        ("b", PlainText("Рада проголосувала вчора за закриття 4 шкіл.", "uk", CALL)),
        ("c", PlainText("The mayor said 20% of roads were flooded.", "en", None)),
    ]
    results = {r.key: r for r in Preannotator().annotate_many(items)}
    assert set(results) == {"a", "b", "c"}
    assert results["a"].pipeline.trained and not results["b"].pipeline.trained


@pytest.mark.slow
def test_two_processes_give_the_same_suggestions() -> None:
    texts = [(i, PlainText(seed_text(name), "en", CALL))
             for i, name in enumerate(["000_e47a78e8ed6366d9.txt", "001_d3e2940cdaa93234.txt"] * 3)]
    one = {r.key: r.suggestions for r in Preannotator(processes=1).annotate_many(texts)}
    two = {r.key: r.suggestions for r in Preannotator(processes=2).annotate_many(texts)}
    assert one == two


def test_suggest_command_prints_one_json_object_per_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Officials said on Monday that 3,000 people had fled since early February.\n",
                    encoding="utf-8")
    command = Path(sys.executable).parent / "claimline"
    result = subprocess.run([command, "suggest", "--dct", "2025-03-17", path],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text(encoding="utf-8")
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
    timex = {r["text"]: r for r in rows if r["kind"] == "timex"}
    assert timex["Monday"]["value"] == "2025-03-17"
    assert {"type", "value", "mod", "edtf", "earliest", "latest"} <= set(timex["early February"])
    (claim,) = [r for r in rows if r["kind"] == "claim"]
    assert claim["claimant"] == "Officials"
    assert isinstance(claim["score"], float) and "number" in claim["reasons"]
