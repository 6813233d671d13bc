"""Choosing pipelines by name, with a fallback that says so."""

from __future__ import annotations

from annotators.pipelines import RULE_BASED, load_pipeline


def test_default_english_pipeline_is_the_trained_model() -> None:
    loaded = load_pipeline(None, "en")
    info = loaded.info
    assert info.trained
    assert info.name == "en_core_web_sm"
    assert info.version.startswith("3.8")
    assert info.notice is None
    assert {"parser", "ner", "claimline_timex", "claimline_claims"} <= set(info.components)


def test_missing_pipeline_falls_back_to_rules_and_says_so() -> None:
    info = load_pipeline("en_core_web_nonexistent", "en").info
    assert not info.trained
    assert info.name == "rule-based-en"
    assert info.notice is not None and "en_core_web_nonexistent" in info.notice
    assert "could not be loaded" in info.notice


def test_rule_based_can_be_chosen_on_purpose() -> None:
    info = load_pipeline(RULE_BASED, "en").info
    assert not info.trained
    assert info.notice is None


def test_other_languages_get_a_blank_pipeline_with_rules() -> None:
    info = load_pipeline(None, "uk").info
    assert info.name == "rule-based-uk"
    assert info.language == "uk"
    assert "sentencizer" in info.components and "claimline_timex" in info.components
    assert info.notice is not None and "rules only" in info.notice
