"""A project that uses every feature a bundle must carry, for the exchange format tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.importing import ParsedArticle
from storage.records import (
    ClaimFields,
    DifferenceRecord,
    EventFields,
    FuzzyDateFields,
    ProposedPassage,
    ProposedSuggestion,
    Provenance,
)
from storage.service import ProjectService

ENGLISH = (
    "Harrow, 4 March 2024 👩‍👩‍👧 🇺🇦\n\n"
    "The Harrow dam opened on 3 March 2024, officials said. "
    "Mayor Olena Petrenko said 3,000 people attended the opening. "
    "Talks on the second dam failed in early February 2025, according to the ministry."
)
UKRAINIAN = (
    "Харрow, 5 березня 2024\n\n"
    "Дамбу в Харрові відкрили 3 березня 2024 року, повідомили посадовці. "
    "Мер Олена Петренко заявила, що на відкриття прийшли 4000 людей 🇺🇦."
)
KOREAN = "하로우 댐이 2024년 3월 3일 개통되었다고 관계자들이 말했다. 👩‍👩‍👧"
ARABIC = "افتتح سد هارو في 3 مارس 2024، حسبما قال المسؤولون."


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def article(text: str, **fields: Any) -> ParsedArticle:
    values: dict[str, Any] = {"title": None, "outlet": None, "author": None, "url": None,
                              "language": "en", "published": None, "origin": "test",
                              "format": "txt", "cleanup": (), "extra": {}}
    values.update(fields)
    return ParsedArticle(text=text, **values)


def entity(text: str, words: str, label: str) -> ProposedSuggestion:
    return ProposedSuggestion("entity", *span(text, words), label, "ner", rule="test-rule")


def timex(text: str, words: str, value: str, mod: str | None = None) -> ProposedSuggestion:
    return ProposedSuggestion("timex", *span(text, words), "DATE", "claimline_timex",
                              {"type": "DATE", "value": value, "mod": mod, "edtf": value},
                              0.9, "date-rule")


def build_rich_project(service: ProjectService) -> dict[str, int]:
    """Articles in four scripts with every kind of record; returns the ids tests need."""
    added, _ = service.add_articles([
        article(ENGLISH, title="Harrow dam opens", outlet="Wire", author="A. Reporter",
                url="https://example.org/dam", published=dt.date(2024, 3, 4),
                cleanup=("removed 2 boilerplate lines",), extra={"section": "Regional",
                                                                 "tags": ["dam", "🇺🇦"]}),
        article(UKRAINIAN, title="Дамбу відкрито", outlet="Вісті", language="uk",
                published=dt.date(2024, 3, 5), origin="folder/uk.txt"),
        article(KOREAN, title="하로우 댐 개통", language="ko", format="md"),
        article(ARABIC, title="افتتاح سد هارو", language="ar", format="html"),
    ])
    en, uk, ko, ar = (a.id for a in added)
    meta = service.get_article(ko).metadata
    service.update_metadata(ko, dataclasses.replace(meta, reference_date=dt.date(2024, 3, 6)))
    service.add_relation(uk, en, "derived_from", note="translated rewrite")
    service.add_relation(ar, en, "same_story")
    casualties = service.create_label("Casualties", "#112233", shortcut=7,
                                      description="Dead, hurt or missing")
    labels = {label.name: label.id for label in service.list_labels()}

    provenance = Provenance("en_core_web_sm", "3.8.0")
    claim_words = "The Harrow dam opened on 3 March 2024, officials said."
    service.store_suggestions({
        en: [
            entity(ENGLISH, "Olena Petrenko", "PERSON"),
            entity(ENGLISH, "The Harrow dam", "FAC"),
            entity(ENGLISH, "Harrow dam", "ORG"),
            entity(ENGLISH, "3,000", "CARDINAL"),
            entity(ENGLISH, "the ministry", "ORG"),
            timex(ENGLISH, "3 March 2024", "2024-03-03"),
            timex(ENGLISH, "early February 2025", "2025-02", "START"),
            timex(ENGLISH, "4 March 2024", "2024-03-04"),
            ProposedSuggestion("claim", *span(ENGLISH, claim_words), "claim", "claimline_claims",
                               {"claimant": "officials", "certainty": "asserted",
                                "reasons": ["reporting verb"], "explanation": "said"}, 0.81,
                               "attribution"),
            ProposedSuggestion("claim",
                               *span(ENGLISH, "Mayor Olena Petrenko said 3,000 people attended"),
                               "claim", "claimline_claims", {"claimant": "Olena Petrenko"}, 0.6,
                               "said"),
        ],
        uk: [timex(UKRAINIAN, "3 березня 2024 року", "2024-03-03"),
             entity(UKRAINIAN, "Олена Петренко", "PER")],
        ko: [timex(KOREAN, "2024년 3월 3일", "2024-03-03")],
    }, provenance, ("ner", "claimline_timex", "claimline_claims"))
    by_text = {
        (s.article_id, s.text): s.id
        for a in (en, uk, ko) for s in service.list_suggestions(a)
    }
    accepted = service.accept_suggestions([by_text[en, claim_words]])
    service.set_suggestion_status(
        [by_text[en, "Olena Petrenko"], by_text[en, "The Harrow dam"], by_text[en, "Harrow dam"],
         by_text[en, "3 March 2024"], by_text[en, "early February 2025"],
         by_text[uk, "3 березня 2024 року"], by_text[ko, "2024년 3월 3일"]], "accepted")
    service.set_suggestion_status([by_text[en, "3,000"]], "rejected")

    from_suggestion = accepted.created_claims[0]
    before = service.get_claim(from_suggestion)
    service.update_claim(from_suggestion, dataclasses.replace(
        ClaimFields.of(before), label_ids=(labels["Event"],), status="reviewed"))
    figure = service.create_claim(en, ClaimFields(
        *span(ENGLISH, "Mayor Olena Petrenko said 3,000 people attended the opening."),
        claimant="Olena Petrenko", certainty="hedged", status="flagged", note="Check the count 📝",
        label_ids=(labels["Figure"], casualties.id))).id
    talks = service.create_claim(en, ClaimFields(
        *span(ENGLISH, "Talks on the second dam failed in early February 2025"),
        certainty="denied", label_ids=(labels["Statement"],))).id
    uk_claim = service.create_claim(uk, ClaimFields(
        *span(UKRAINIAN, "на відкриття прийшли 4000 людей 🇺🇦"), claimant="Олена Петренко",
        label_ids=(labels["Figure"],))).id
    ko_words = "하로우 댐이 2024년 3월 3일 개통"
    ko_claim = service.create_claim(ko, ClaimFields(*span(KOREAN, ko_words))).id

    opening = service.create_event(EventFields(
        "Harrow dam opens", FuzzyDateFields("3 March 2024", "DATE", "2024-03-03", None,
                                            "2024-03-03", dt.date(2024, 3, 3),
                                            dt.date(2024, 3, 3), dt.date(2024, 3, 4)),
        description="The opening ceremony", place="Harrow",
        participants=("Olena Petrenko", "Міністерство"), tags=("dam", "ceremony 🎉")),
        [(from_suggestion, "reports"), (uk_claim, "reports"), (ko_claim, "reports")],
    ).changed.event_ids[0]
    service.link_claims(opening, [figure], "gives_figure")
    failed = service.create_event(EventFields(
        "Second dam talks fail", FuzzyDateFields("early February 2025", "DATE", "2025-02", "START",
                                                 "2025-02-01/2025-02-10", dt.date(2025, 2, 1),
                                                 dt.date(2025, 2, 10), dt.date(2024, 3, 4)),
        tags=("talks",)), [(talks, "disputes")]).changed.event_ids[0]
    lonely = service.create_event(EventFields("The 1950s flood", FuzzyDateFields(
        "the 1950s", "DATE", "195X", None, "195X", dt.date(1950, 1, 1),
        dt.date(1959, 12, 31)))).changed.event_ids[0]

    pair = ProposedPassage
    service.store_alignments(en, uk, [
        pair(*span(ENGLISH, "Mayor Olena Petrenko said 3,000 people attended the opening."),
             *span(UKRAINIAN, "на відкриття прийшли 4000 людей 🇺🇦."), "conflicting",
             (DifferenceRecord("number", "3,000", "4000", "3,000 → 4000"),),
             claim_a=figure, claim_b=uk_claim),
        pair(*span(ENGLISH, "Talks on the second dam failed"), None, None, "dropped"),
        pair(*span(ENGLISH, "officials said."), *span(UKRAINIAN, "повідомили посадовці."),
             "same", score=0.95),
    ], "claimline-align 1")
    found = {r.relation: r for r in service.list_alignments(en, uk)}
    conflict, dropped, same = found["conflicting"], found["dropped"], found["same"]
    service.decide_alignment(conflict.id, "conflicting", "confirmed",
                             [DifferenceRecord("number", "3,000", "4000", "count differs")])
    service.decide_alignment(dropped.id, "dropped", "rejected")
    service.set_setting("annotation.pipeline", "rule-based")
    service.set_setting("annotation.claim_threshold", 0.45)
    return {"en": en, "uk": uk, "ko": ko, "ar": ar, "from_suggestion": from_suggestion,
            "figure": figure, "talks": talks, "uk_claim": uk_claim, "ko_claim": ko_claim,
            "opening": opening, "failed": failed, "lonely": lonely, "same": same.id}


@pytest.fixture
def rich(project: ProjectService) -> dict[str, int]:
    return build_rich_project(project)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[ProjectService]:
    service = ProjectService.create(tmp_path / "fresh.claimline")
    yield service
    service.close()
