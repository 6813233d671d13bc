"""The score: a documented weighted sum, monotone, with reasons and one sentence."""

from __future__ import annotations

import math

import pytest

from annotators.claims import checkworthiness
from annotators.claims.candidate import REASONS, Attribution
from annotators.claims.checkworthiness import (
    BIAS,
    DEFAULT_THRESHOLD,
    WEIGHTS,
    Features,
    assess,
    is_vague,
)

NAMED = Attribution("Kyiv", 0, 4, "reported", "speech-verb")
UNNAMED = Attribution("Officials", 0, 9, "said", "unnamed-source")


def plain(**values: object) -> Features:
    f = Features(n_words=12)
    for name, value in values.items():
        setattr(f, name, value)
    return f


def test_every_weight_is_a_reason_and_documented() -> None:
    assert set(WEIGHTS) == set(REASONS)
    doc = checkworthiness.__doc__ or ""
    for name, weight in WEIGHTS.items():
        assert f"{name} " in doc and f"{weight:+.2f}" in doc, name
    assert f"{BIAS:+.2f}" in doc
    assert f"DEFAULT_THRESHOLD is {DEFAULT_THRESHOLD}" in doc


def test_the_score_is_the_logistic_of_the_weighted_sum() -> None:
    a = assess(plain(numbers=["3,000"], dates=["January"]), None)
    z = BIAS + WEIGHTS["number"] + WEIGHTS["date"]
    assert a.score == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-4)
    assert a.reasons == ("number", "date")


def test_entities_count_up_to_three() -> None:
    scores = [assess(plain(entities=[f"E{i}" for i in range(n)]), None).score
              for n in range(5)]
    assert scores[0] < scores[1] < scores[2] < scores[3] == scores[4]


def test_each_positive_feature_raises_and_each_negative_lowers_the_score() -> None:
    base = plain(numbers=["5"])
    reference = assess(base, None).score
    positive = {"dates": ["May"], "entities": ["Kyiv"], "event_verbs": ["killed"],
                "comparisons": ["larger"], "causal": ["because"], "quote": True}
    for name, value in positive.items():
        assert assess(plain(numbers=["5"], **{name: value}), None).score > reference, name
    negative = {"hedges": ["may"], "opinion": ["crucial"], "framing": ["reflects"],
                "finite_verb": False, "headline": True, "question": True,
                "imperative": True, "n_words": 3}
    for name, value in negative.items():
        assert assess(plain(numbers=["5"], **{name: value}), None).score < reference, name
    assert assess(base, NAMED).score > assess(base, UNNAMED).score > reference


def test_certainty() -> None:
    assert assess(plain(), None).certainty == "asserted"
    assert assess(plain(hedges=["may"]), None).certainty == "hedged"
    assert assess(plain(approximations=["about"]), None).certainty == "hedged"
    assert assess(plain(negated=True), None).certainty == "denied"
    assert assess(plain(negated=True, hedges=["may"]), None).certainty == "hedged"
    assert assess(plain(), NAMED, denial_cue=True).certainty == "denied"


def test_an_approximate_figure_costs_less_than_speculation() -> None:
    sure = assess(plain(numbers=["4,000"]), None).score
    about = assess(plain(numbers=["4,000"], approximations=["about"]), None)
    may = assess(plain(numbers=["4,000"], hedges=["may"]), None)
    assert sure > about.score > may.score
    assert "hedged" in about.reasons and "hedged" in may.reasons


def test_vagueness_needs_abstract_nouns_and_nothing_concrete() -> None:
    assert is_vague(plain(nouns=5, abstract_nouns=3))
    assert not is_vague(plain(nouns=8, abstract_nouns=3))
    assert not is_vague(plain(nouns=5, abstract_nouns=3, numbers=["4"]))
    assert not is_vague(plain(nouns=5, abstract_nouns=3, entities=["Kyiv", "Seoul"]))


def test_explanations() -> None:
    a = assess(plain(numbers=["3,000"], dates=["May"], entities=["Kyiv", "Seoul"]), NAMED)
    assert a.explanation == (
        "Reports what Kyiv said (“reported”); names 2 entities; gives a number; gives a date."
    )
    assert assess(plain(), UNNAMED).explanation.startswith("Cites an unnamed source")
    assert assess(plain(), None).explanation == "No checkable detail found."
    assert assess(plain(headline=True), None).explanation == "Reads like a headline."
    dated_headline = assess(plain(headline=True, dates=["May"]), None)
    assert "; reads like a headline" in dated_headline.explanation
