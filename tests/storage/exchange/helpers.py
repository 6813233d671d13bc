"""Helpers: a project that uses everything the exchange formats carry, and how to compare.

Texts mix English, Ukrainian (Cyrillic) and emoji, including an emoji with a
skin-tone modifier (two code points, four UTF-16 units), so that offsets are
checked where code points and UTF-16 units differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from storage.importing import ParsedArticle
from storage.records import (
    ClaimFields,
    EventFields,
    FuzzyDateFields,
    ProposedSuggestion,
    Provenance,
)
from storage.service import ProjectService

TEXT_EN = (
    "Kyiv, 17 March 2025 😀 — President Volodymyr Zelensky said on Monday that 40 drones "
    "were shot down overnight.\nThe Ministry of Defence reported 👍🏽 that the figure rose "
    "to 45 by early February 2025.\n\nAnalysts doubt the numbers."
)
TEXT_UK = (
    "Київ, 17 березня 2025 року. Президент Володимир Зеленський заявив, що вночі збили "
    "40 дронів 🚀.\nМіністерство оборони повідомило про 45 дронів."
)


@dataclass
class Sample:
    service: ProjectService
    en: int
    uk: int
    claims: dict[str, int]
    events: dict[str, int]
    labels: dict[str, int]


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _parsed(text: str, title: str, language: str, url: str) -> ParsedArticle:
    return ParsedArticle(text=text, title=title, outlet="Test outlet", author=None, url=url,
                         language=language, published=dt.date(2025, 3, 17), origin=title,
                         format="txt")


def build_sample(service: ProjectService) -> Sample:
    added, _ = service.add_articles([
        _parsed(TEXT_EN, "Drones over Kyiv", "en", "https://example.org/en/drones"),
        _parsed(TEXT_UK, "Дрони над Києвом", "uk", "https://example.org/uk/drony"),
    ])
    en, uk = added[0].id, added[1].id
    labels = {label.name: label.id for label in service.list_labels()}
    labels["Needs, check"] = service.create_label("Needs, check", "#123456").id

    def entity(text: str, phrase: str, label: str) -> ProposedSuggestion:
        return ProposedSuggestion("entity", *span(text, phrase), label, "ner", rule="test")

    def timex(text: str, phrase: str, value: str, mod: str | None = None) -> ProposedSuggestion:
        return ProposedSuggestion("timex", *span(text, phrase), "DATE", "claimline_timex",
                                  {"type": "DATE", "value": value, "mod": mod}, rule="test")

    batch = {
        en: [entity(TEXT_EN, "Kyiv", "GPE"), entity(TEXT_EN, "Volodymyr Zelensky", "PERSON"),
             entity(TEXT_EN, "Ministry of Defence", "ORG"), entity(TEXT_EN, "40", "CARDINAL"),
             entity(TEXT_EN, "Analysts", "NORP"),
             timex(TEXT_EN, "17 March 2025", "2025-03-17"),
             timex(TEXT_EN, "early February 2025", "2025-02", "START")],
        uk: [entity(TEXT_UK, "Київ", "GPE"), entity(TEXT_UK, "Володимир Зеленський", "PERSON"),
             timex(TEXT_UK, "17 березня 2025 року", "2025-03-17")],
    }
    service.store_suggestions(batch, Provenance("test", "1"), replace_components=())
    suggestions = service.list_suggestions(en) + service.list_suggestions(uk)
    open_ones = {"40"}  # left open: only `include_open` exports it
    rejected = {"Analysts"}  # never exported
    service.set_suggestion_status(
        [s.id for s in suggestions if s.text not in open_ones | rejected], "accepted")
    service.set_suggestion_status([s.id for s in suggestions if s.text in rejected], "rejected")

    def claim(article: int, text: str, phrase: str, **values: Any) -> int:
        start, end = span(text, phrase)
        return service.create_claim(article, ClaimFields(start, end, **values)).id

    claims = {
        "drones": claim(en, TEXT_EN, "40 drones were shot down overnight",
                        claimant="Volodymyr Zelensky", certainty="asserted", status="reviewed",
                        note="Check with\nthe ministry\tand \\ others",
                        label_ids=(labels["Figure"], labels["Statement"])),
        "across": claim(en, TEXT_EN, "shot down overnight.\nThe Ministry of Defence reported 👍🏽",
                        claimant="an unnamed official", certainty="hedged", status="flagged",
                        label_ids=(labels["Needs, check"],)),
        "figure": claim(en, TEXT_EN, "the figure rose to 45 by early February 2025",
                        claimant="Ministry of Defence", label_ids=(labels["Figure"],)),
        "uk": claim(uk, TEXT_UK, "вночі збили 40 дронів 🚀", claimant="Володимир Зеленський",
                    certainty="denied", label_ids=(labels["Figure"],)),
    }
    attack = service.create_event(
        EventFields("Drone attack on Kyiv", FuzzyDateFields(
            "overnight", "DATE", "2025-03-16", None, "2025-03-16",
            dt.date(2025, 3, 16), dt.date(2025, 3, 16), dt.date(2025, 3, 17))),
        [(claims["drones"], "reports"), (claims["uk"], "disputes")],
    ).changed.event_ids[0]
    revision = service.create_event(
        EventFields("Figure revised | upwards (again)"), [(claims["figure"], "gives_figure")]
    ).changed.event_ids[0]
    return Sample(service, en, uk, claims, {"attack": attack, "revision": revision}, labels)


def claim_facts(service: ProjectService, article_id: int) -> list[tuple[Any, ...]]:
    """What must survive a round trip: span, quote, labels (by name), claimant, certainty..."""
    names = {label.id: label.name for label in service.list_labels()}
    return sorted(
        (c.start, c.end, c.quote, tuple(sorted(names[i] for i in c.label_ids)), c.claimant,
         c.certainty, c.status, c.note)
        for c in service.list_claims(article_id)
    )


def entity_facts(service: ProjectService, article_id: int,
                 statuses: tuple[str, ...] = ("accepted",)) -> list[tuple[Any, ...]]:
    return sorted(
        (s.kind, s.start, s.end, s.label, s.text)
        for s in service.list_suggestions(article_id, ("entity", "timex"), statuses)
    )
