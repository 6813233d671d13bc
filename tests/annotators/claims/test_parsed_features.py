"""Features from the parse: what counts as a number, a date, an event, a hedge."""

from __future__ import annotations

from typing import Any

import pytest

from annotators.claims.checkworthiness import Features
from annotators.claims.doc_index import DocIndex
from annotators.claims.parsed_features import parsed_features
from annotators.claims.segmentation import split_units


def features(nlp: Any, text: str) -> Features:
    doc = nlp(text)
    (unit,) = split_units(doc)
    return parsed_features(doc, unit, DocIndex(doc).entity_at)


def test_numbers_and_dates(nlp: Any) -> None:
    f = features(nlp, "More than 3,000 soldiers were killed between January and March 2025.")
    assert f.numbers and f.dates


def test_a_model_designation_is_a_name_not_a_number(nlp: Any) -> None:
    f = features(nlp, "Russia has modernized the KN-23 missiles.")
    assert not f.numbers
    assert "KN-23" in f.entities


def test_vague_amounts_count_as_numbers(nlp: Any) -> None:
    assert features(nlp, "Thousands of people fled the city.").numbers


def test_doubling_is_a_figure(nlp: Any) -> None:
    f = features(nlp, "Prices of bread have doubled since the war began.")
    assert f.numbers and f.changes


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Pyongyang may send more troops.", "may"),
        ("The blast reportedly killed 12 soldiers.", "reportedly"),
        ("The suspect is believed to have fled to Spain.", "believed"),
    ],
)
def test_hedges(nlp: Any, text: str, hedge: str) -> None:
    assert hedge in features(nlp, text).hedges


def test_an_approximate_figure_is_an_approximation_not_speculation(nlp: Any) -> None:
    f = features(nlp, "North Korean troops had lost about 4,000 soldiers.")
    assert f.approximations == ["about"] and not f.hedges
    f = features(nlp, "The ministers talked about the prisoners.")
    assert not f.approximations and not f.hedges


def test_expected_to_is_a_hedge_not_a_past_event(nlp: Any) -> None:
    f = features(nlp, "The minister is expected to visit the region.")
    assert f.hedges == ["expected"] and not f.past_event


def test_event_verbs_need_to_have_happened(nlp: Any) -> None:
    assert features(nlp, "The army sent 200 troops to the border.").event_verbs == ["sent"]
    assert not features(nlp, "The army is ready to send troops.").event_verbs
    assert features(nlp, "The army will send troops next week.").event_verbs == ["send"]


def test_other_past_actions(nlp: Any) -> None:
    f = features(nlp, "Farmers blocked the motorway for a second day.")
    assert f.past_event and not f.event_verbs


def test_comparisons(nlp: Any) -> None:
    assert features(nlp, "The missiles are now more accurate.").comparisons
    assert features(nlp, "It was the largest protest since 1990.").comparisons
    assert not features(nlp, "More than 3,000 people attended.").comparisons
    assert not features(nlp, "It reflects a broader commitment.").comparisons


def test_causal_links(nlp: Any) -> None:
    assert features(nlp, "The fire was caused by a faulty heater.").causal
    assert features(nlp, "Flights were cancelled due to fog.").causal


def test_negation(nlp: Any) -> None:
    assert features(nlp, "Russia has not withdrawn its troops.").negated
    assert features(nlp, "No casualties were reported.").negated


def test_opinion_and_framing(nlp: Any) -> None:
    f = features(nlp, "The collaboration underscores a broader commitment to humanitarian "
                      "efforts amidst complex warfare dynamics.")
    assert f.framing == ["underscores"]
    assert f.opinion
    assert f.abstract_nouns >= 3
    f = features(nlp, "Budanov highlighted that troops were deployed.")
    assert not f.framing  # a reporting use of "highlight"


def test_conditional_should_is_not_an_obligation(nlp: Any) -> None:
    assert not features(nlp, "Seoul will accept them, should they choose to come.").opinion
    assert features(nlp, "The government should resign.").opinion == ["should"]


def test_shapes(nlp: Any) -> None:
    assert features(nlp, "Will the ceasefire hold?").question
    assert features(nlp, "Leave your comments below.").imperative
    assert not features(nlp, "Participation of troops in the war").finite_verb
    assert features(nlp, "Inflation Cools As Central Bank Holds Rates").headline
    assert features(nlp, "The factory, the town's largest employer, closed in March.").finite_verb
