"""The seed articles: what a researcher must see when opening the demo project."""

from __future__ import annotations

from typing import Any

import pytest

from annotators.claims import DEFAULT_THRESHOLD

from .helpers import by_start, claims, proposed

DEBRIS = ("ua en ru", "Author:", "0", "Leave a Reply", "Your email address",
          "Required fields", "Original Source:")


def test_cho_tae_yul_is_the_claimant_of_the_according_to_sentence(original: Any) -> None:
    c = by_start(proposed(original), "According to Cho Tae-yul")
    assert c.text == (
        "According to Cho Tae-yul, South Korea is ready to accept all North Korean soldiers "
        "captured by Ukraine if they want to come to South Korea."
    )
    assert c.attribution is not None
    assert c.attribution.claimant == "Cho Tae-yul"
    assert c.attribution.kind == "according-to"
    assert original.text[c.attribution.start : c.attribution.end] == "Cho Tae-yul"
    assert "attribution" in c.reasons


def test_kyiv_reports_the_casualty_figure_with_a_date(original: Any) -> None:
    c = by_start(proposed(original), "Kyiv reported that")
    assert c.text.endswith("killed or wounded in combat in Ukraine.")
    assert c.attribution is not None
    assert (c.attribution.claimant, c.attribution.cue) == ("Kyiv", "reported")
    assert {"attribution", "number", "date", "event-verb"} <= set(c.reasons)
    assert c.certainty == "asserted"


def test_the_kursk_losses_are_a_hedged_figure_with_a_date(original: Any) -> None:
    c = by_start(proposed(original), "As of early February")
    assert c.text == (
        "As of early February, North Korean troops had lost about 4,000 soldiers "
        "in the fighting in Kursk."
    )
    assert {"number", "date", "hedged", "event-verb"} <= set(c.reasons)
    assert c.certainty == "hedged"
    assert "about" in c.explanation


def test_budanov_resolves_to_his_full_name(original: Any) -> None:
    c = by_start(proposed(original), "Budanov also said that Russia has modernized")
    assert c.attribution is not None
    assert c.attribution.claimant == "Kyrylo Budanov"
    assert original.text[c.attribution.start : c.attribution.end] == "Budanov"


def test_other_claimants_of_the_original(original: Any) -> None:
    found = proposed(original)
    reuters = by_start(found, "They are ready to accept them")
    assert reuters.attribution is not None
    assert (reuters.attribution.claimant, reuters.attribution.kind) == ("Reuters", "source-tag")
    chiefs = by_start(found, "In addition, Seoul's Joint Chiefs")
    assert chiefs.attribution is not None
    assert chiefs.attribution.claimant == "Seoul's Joint Chiefs of Staff"
    assert chiefs.certainty == "hedged"  # "may be ready"
    head = by_start(found, "The head of Defense Intelligence")
    assert head.attribution is not None and head.attribution.claimant == "Kyrylo Budanov"
    countries = by_start(found, "According to Ukraine, the United States")
    assert countries.attribution is not None
    assert countries.attribution.claimant == "Ukraine, the United States, and South Korea"


def test_rewrite_claimants(rewrite: Any) -> None:
    found = proposed(rewrite)
    kyiv = by_start(found, "Reports from Kyiv revealed")
    assert kyiv.attribution is not None
    assert (kyiv.attribution.claimant, kyiv.attribution.kind) == ("Kyiv", "report-noun")
    assert {"number", "date"} <= set(kyiv.reasons)
    reuters = by_start(found, "South Korea has expressed its willingness")
    assert reuters.attribution is not None
    assert (reuters.attribution.claimant, reuters.attribution.kind) == (
        "Reuters", "as-reported-by")
    chiefs = by_start(found, "Seoul’s Joint Chiefs of Staff outlined")
    assert chiefs.attribution is not None
    assert chiefs.attribution.claimant == "Seoul’s Joint Chiefs of Staff"
    budanov = by_start(found, "Budanov further disclosed")
    assert budanov.attribution is not None
    assert budanov.attribution.claimant == "Kyrylo Budanov"
    director = by_start(found, "Defense Intelligence Director Kyrylo Budanov")
    assert director.attribution is not None
    assert director.attribution.claimant == "Kyrylo Budanov"  # the title stays out
    reports = by_start(found, "Reports indicate that")
    assert reports.attribution is not None and reports.attribution.kind == "unnamed-source"
    assert reports.certainty == "hedged"  # "approximately 4,000"


@pytest.mark.parametrize(
    "prefix",
    [
        "In summary, the discussions between Ukraine and South Korea reflect",
        "The collaboration between nations underscores a broader commitment",
        "The discussions reflect a commitment to humanitarian support",
    ],
)
def test_the_rewrites_framing_scores_below_the_threshold(rewrite: Any, prefix: str) -> None:
    c = by_start(claims(rewrite), prefix)
    assert c.score < DEFAULT_THRESHOLD
    assert "framing" in c.reasons


@pytest.mark.parametrize("doc_name", ["original", "rewrite"])
def test_page_debris_is_never_proposed(request: pytest.FixtureRequest, doc_name: str) -> None:
    doc = request.getfixturevalue(doc_name)
    for c in claims(doc):  # any threshold: not even at 0.0
        assert not c.text.startswith(DEBRIS), c.text
        assert "Photo:" not in c.text


@pytest.mark.parametrize(
    "headline",
    [
        "Ukraine and South Korea discuss fate of North Korean prisoners of war",
        "Participation of North Korean military in war against Ukraine",
        "Ukraine and South Korea Collaborate on North Korean Prisoners of War Issue",
    ],
)
def test_headlines_score_low_and_stay_on_their_own(
    original: Any, rewrite: Any, headline: str
) -> None:
    found = [c for c in claims(original) + claims(rewrite) if c.text == headline]
    assert found, "a headline is its own unit, not glued to the next sentence"
    assert all(c.score < DEFAULT_THRESHOLD for c in found)
    assert all("headline" in c.reasons for c in found)


def test_the_original_proposes_most_of_its_factual_sentences(original: Any) -> None:
    texts = [c.text for c in proposed(original)]
    assert len(texts) >= 10
    assert "Last year, the North Korean authorities sent their military to Russia's war " \
        "against Ukraine." in texts
