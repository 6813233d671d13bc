"""Claimants and cues from the dependency parse of the trained English pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from annotators.claims.attribution import find_attribution
from annotators.claims.candidate import Attribution
from annotators.claims.doc_index import DocIndex, strip_titles

from .helpers import claims, only


def attribution_of(nlp: Any, text: str) -> Attribution | None:
    doc = nlp(text)
    found = find_attribution(doc, 0, len(doc), DocIndex(doc))
    if found is not None:
        a = found.attribution
        assert doc.text[a.start : a.end], a
    return found.attribution if found else None


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "kind"),
    [
        ("Zelensky said that the front line had stabilised near Pokrovsk.",
         "Zelensky", "said", "speech-verb"),
        ("The European Commission announced that it would fine the company 2 billion euros.",
         "The European Commission", "announced", "speech-verb"),
        ("Kyiv reported that 40 drones were shot down overnight.",
         "Kyiv", "reported", "speech-verb"),
        ("According to Cho Tae-yul, the talks will continue in March.",
         "Cho Tae-yul", "According to", "according-to"),
        ("Prices rose by 4 percent last month, Reuters reports.",
         "Reuters", "reports", "source-tag"),
        ("The plant was shut down in 2022, as reported by the Associated Press.",
         "the Associated Press", "as reported by", "as-reported-by"),
        ("Reports from Kyiv revealed that the bridge had been hit twice.",
         "Kyiv", "revealed", "report-noun"),
        ("The Pentagon's statement said 300 troops would be deployed.",
         "The Pentagon", "said", "report-noun"),
        ("According to data from the World Bank, poverty fell to 8.5% in 2023.",
         "the World Bank", "According to", "according-to"),
        ("\"We shot down 12 drones overnight,\" said Volodymyr Zelensky.",
         "Volodymyr Zelensky", "said", "speech-verb"),
        ("Zelensky, who visited Kharkiv on Friday, said that 40 homes had been destroyed.",
         "Zelensky", "said", "speech-verb"),
        ("Reports indicate that the convoy reached the city on Tuesday.",
         "Reports", "indicate", "unnamed-source"),
        ("Officials said the airport would reopen on Friday.",
         "Officials", "said", "unnamed-source"),
    ],
)
def test_patterns(nlp: Any, text: str, claimant: str, cue: str, kind: str) -> None:
    a = attribution_of(nlp, text)
    assert a is not None
    assert (a.claimant, a.cue, a.kind) == (claimant, cue, kind)


@pytest.mark.parametrize(
    "verb", ["noted", "emphasized", "highlighted", "disclosed", "revealed", "announced",
             "added", "claimed", "stated", "warned", "confirmed"],
)
def test_reporting_verbs_with_a_that_clause(nlp: Any, verb: str) -> None:
    a = attribution_of(nlp, f"Finance Minister Anna Berg {verb} that the deficit fell to 3%.")
    assert a is not None
    assert (a.claimant, a.cue) == ("Anna Berg", verb)


def test_titles_stay_out_of_the_name(nlp: Any) -> None:
    doc = nlp("South Korean Foreign Minister Cho Tae-yul said that Seoul was ready to help.")
    a = only(doc).attribution
    assert a is not None
    assert a.claimant == "Cho Tae-yul"
    assert doc.text[a.start : a.end] == "Cho Tae-yul"


def test_an_apposed_name_wins_over_the_title_it_explains(nlp: Any) -> None:
    a = attribution_of(
        nlp, "The head of the central bank, Maria Costa, said that inflation had peaked.")
    assert a is not None and a.claimant == "Maria Costa"


def test_a_surname_resolves_to_the_full_name_mentioned_earlier(nlp: Any) -> None:
    doc = nlp("Defence Minister Rustem Umerov visited the plant on Monday. "
              "Umerov also said that production had doubled since spring.")
    c = claims(doc)[1]
    assert c.attribution is not None
    assert c.attribution.claimant == "Rustem Umerov"
    assert doc.text[c.attribution.start : c.attribution.end] == "Umerov"


def test_a_family_name_first_resolves_too(nlp: Any) -> None:
    doc = nlp("Cho Tae-yul met his counterpart in Kyiv. "
              "Minister Cho said that the two countries had agreed on a plan.")
    c = claims(doc)[1]
    assert c.attribution is not None and c.attribution.claimant == "Cho Tae-yul"


def test_he_resolves_to_the_last_person(nlp: Any) -> None:
    doc = nlp("Senator John Hale arrived in Ottawa on Friday. "
              "He said that 11,000 soldiers had been deployed.")
    c = claims(doc)[1]
    assert c.attribution is not None
    assert c.attribution.claimant == "John Hale"
    assert doc.text[c.attribution.start : c.attribution.end] == "He"


def test_a_pronoun_without_antecedent_is_an_unnamed_source(nlp: Any) -> None:
    a = attribution_of(nlp, "They said that the bridge had been closed since May.")
    assert a is not None and a.kind == "unnamed-source"


def test_the_highest_cue_wins(nlp: Any) -> None:
    a = attribution_of(nlp, "Reuters said that the ministry reported 20 deaths on Monday.")
    assert a is not None and a.claimant == "Reuters"


def test_a_denial_marks_the_claim_denied(nlp: Any) -> None:
    c = only(nlp("The Kremlin denied that its troops had crossed the border in March."))
    assert c.certainty == "denied"
    assert c.attribution is not None and c.attribution.claimant == "The Kremlin"
    assert "denied" in c.reasons


def test_no_cue_no_attribution(nlp: Any) -> None:
    assert attribution_of(nlp, "The bridge collapsed in 2018, killing 43 people.") is None
    # "said" without a clause or object is not a report of anything
    assert attribution_of(nlp, "Nothing more was said.") is None


def test_a_framing_verb_is_not_a_reporting_verb(nlp: Any) -> None:
    assert attribution_of(nlp, "The talks highlight the need for cooperation.") is None


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("President Joe Biden", "Joe Biden"),
        ("Foreign Minister Cho Tae-yul", "Cho Tae-yul"),
        ("Dr. Anna Lee", "Anna Lee"),
        ("Budanov's", "Budanov"),
        ("Minister", "Minister"),  # nothing but a title: kept
    ],
)
def test_strip_titles(written: str, name: str) -> None:
    assert strip_titles(written) == name
