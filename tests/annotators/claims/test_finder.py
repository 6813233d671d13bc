"""find_claims: offsets, thresholds, feature sets, and docs that are odd in every way."""

from __future__ import annotations

from typing import Any

import pytest

from annotators.claims import DEFAULT_THRESHOLD, find_claims

from .helpers import claims, only


def test_offsets_survive_emoji_and_non_latin_scripts(nlp: Any) -> None:
    text = ("🔥🔥 Breaking 🇺🇦\n\n"
            "Mayor Vitali Klitschko said that 12 people were injured in Kyiv (Київ) on Monday 😢. "
            "Officials in Seoul (서울) reported that 3,000 households lost power on 4 January.\n"
            "Ціни зросли на 5% у березні, повідомив Держстат.")
    doc = nlp(text)
    found = claims(doc)
    for c in found:
        assert text[c.start : c.end] == c.text
        if c.attribution:
            assert text[c.attribution.start : c.attribution.end]
    klitschko = next(c for c in found if c.text.startswith("Mayor Vitali Klitschko"))
    assert klitschko.text.endswith("on Monday 😢.")
    assert klitschko.attribution is not None
    assert klitschko.attribution.claimant == "Vitali Klitschko"
    seoul = next(c for c in found if c.text.startswith("Officials in Seoul"))
    assert "(서울)" in seoul.text and "number" in seoul.reasons


def test_candidates_are_in_text_order_and_never_cross_a_line_break(nlp: Any) -> None:
    doc = nlp("Rescuers found 14 survivors on Tuesday\n"
              "The storm destroyed 300 homes in the province, officials said.\n\n"
              "Why did it take so long?")
    found = claims(doc)
    assert all("\n" not in c.text for c in found)
    assert [c.start for c in found] == sorted(c.start for c in found)


def test_threshold_filters_and_zero_returns_everything_scored(nlp: Any) -> None:
    doc = nlp("Parliament approved the budget by 231 votes to 178 on Thursday. "
              "What a day it was! This represents a profound commitment to reform.")
    everything = claims(doc)
    assert len(everything) == 3
    kept = claims(doc, DEFAULT_THRESHOLD)
    assert [c.text for c in kept] == [everything[0].text]
    assert claims(doc, 1.0) == [c for c in everything if c.score >= 1.0]


def test_the_score_is_monotone_in_evidence(nlp: Any) -> None:
    bare = only(nlp("The plant closed."))
    dated = only(nlp("The plant closed on 3 March 2024."))
    counted = only(nlp("The plant closed on 3 March 2024, and 1,200 workers lost their jobs."))
    sourced = only(nlp("The union said the plant closed on 3 March 2024, and 1,200 workers "
                       "lost their jobs."))
    assert bare.score < dated.score < counted.score <= sourced.score


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Will the ceasefire hold?", "question"),
        ("Sign the petition today.", "imperative"),
        ("I think the minister should resign.", "opinion"),
        ("Overall, the summit reflects a shared vision of partnership.", "framing"),
    ],
)
def test_non_claims_score_low(nlp: Any, text: str, reason: str) -> None:
    c = only(nlp(text))
    assert reason in c.reasons
    assert c.score < DEFAULT_THRESHOLD


def test_parse_rule_on_the_trained_pipeline(nlp: Any) -> None:
    assert only(nlp("Kyiv reported 40 attacks on Monday.")).rule == "claims.parse.v1"


def test_explanation_names_the_claimant_and_the_evidence(nlp: Any) -> None:
    c = only(nlp("According to Cho Tae-yul, 3,000 soldiers were captured in January."))
    assert c.explanation.startswith("Reports what Cho Tae-yul said")
    assert "gives a number" in c.explanation and "gives a date" in c.explanation


ODD_TEXTS = [
    "",
    " ",
    "\n\n\n",
    ".",
    "?!…",
    "—",
    "a",
    "0",
    "🙂",
    "🙂🙂🙂 🙂",
    "\"",
    "«»",
    "((()))",
    "Said.",
    "according to",
    "According to",
    "according to ,",
    "He said.",
    "said said said said",
    "1 2 3 4 5 6 7 8 9 10",
    "http://example.com/a?b=c",
    "ЗАЯВИВ",
    "за словами",
    "по данным",
    "Photo:",
    "\t\t x \t",
    "A" * 5000,
    "word " * 2000,
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_docs_never_crash(
    nlp: Any, blank_uk: Any, blank_ru: Any, blank_en: Any, text: str
) -> None:
    for pipeline in (nlp, blank_uk, blank_ru, blank_en):
        claims(pipeline(text))


def test_docs_without_sentences_or_annotations(nlp: Any) -> None:
    import spacy

    bare = spacy.blank("en")  # no sentencizer at all: the finder cuts at punctuation
    doc = bare("Kyiv reported 40 attacks on Monday. The army said 12 drones were downed!")
    found = claims(doc)
    assert [c.text for c in found] == [
        "Kyiv reported 40 attacks on Monday.",
        "The army said 12 drones were downed!",
    ]
    assert all(c.rule == "claims.lexical.v1" for c in found)
    empty = nlp.make_doc("")
    assert find_claims(empty) == []
    tokens_only = nlp.make_doc("Officials said 300 people were evacuated on Friday.")
    assert len(claims(tokens_only)) == 1


def test_a_long_document_keeps_offsets(nlp: Any, original: Any) -> None:
    text = "\n\n".join([original.text] * 5)
    doc = nlp(text)
    found = claims(doc)
    assert len(found) == 5 * len(claims(original))
