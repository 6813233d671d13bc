"""Features of the lexical path: numbers, dates, quotes, hedges, capitals, events."""

from __future__ import annotations

from typing import Any

import pytest

from annotators.claims import DEFAULT_THRESHOLD

from .helpers import claims, only


def test_numbers_dates_and_events_in_ukrainian(blank_uk: Any) -> None:
    c = only(blank_uk("За даними Генштабу ЗСУ, станом на 12 березня 2025 року загинули понад "
                      "3000 військових КНДР."))
    assert {"attribution", "number", "date", "named-entity", "event-verb"} <= set(c.reasons)
    assert c.rule == "claims.lexical.v1"
    assert c.score >= DEFAULT_THRESHOLD


def test_a_day_after_a_month_is_a_date_not_a_number(blank_ru: Any) -> None:
    c = only(blank_ru("Встреча прошла 5 мая в Женеве."))
    assert "date" in c.reasons
    assert "number" not in c.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Як повідомляє Reuters, близько 200 людей евакуювали.",
        "Ймовірно, ракета впала на поле.",
        "Как сообщает Интерфакс, около 200 человек эвакуированы.",
        "Якобы взрыв произошел в 5 утра.",
    ],
)
def test_hedges(blank_uk: Any, blank_ru: Any, text: str) -> None:
    pipeline = blank_ru if any(ch in text for ch in "ыэъ") else blank_uk
    assert only(pipeline(text)).certainty == "hedged"


def test_quotes_count(blank_uk: Any) -> None:
    c = only(blank_uk("«Ми готові допомогти», — заявив Чо Те Йоль."))
    assert "quote" in c.reasons


def test_capitalised_words_inside_the_sentence_stand_for_names(blank_uk: Any) -> None:
    c = only(blank_uk("Сили оборони знищили склад поблизу Бахмута та Соледара."))
    assert "named-entity" in c.reasons
    assert "event-verb" in c.reasons


def test_questions_and_headlines_score_low(blank_uk: Any) -> None:
    doc = blank_uk("Україна і Корея обговорили долю полонених\n\n"
                   "Чи готова Україна до переговорів?\n\n"
                   "За даними ЗСУ, 12 березня збито 40 дронів.")
    found = claims(doc)
    headline, question, claim = found
    assert "headline" in headline.reasons and headline.score < DEFAULT_THRESHOLD
    assert "question" in question.reasons and question.score < DEFAULT_THRESHOLD
    assert claim.score >= DEFAULT_THRESHOLD


def test_page_furniture_is_dropped(blank_uk: Any) -> None:
    doc = blank_uk("Фото: Getty Images\nАвтор: Ліліана Оленяк\nua en ru\n"
                   "Буданов заявив, що ракети KN-23 модернізовано.")
    assert [c.text for c in claims(doc)] == ["Буданов заявив, що ракети KN-23 модернізовано."]


def test_sentencizer_quotes_are_repaired(blank_uk: Any) -> None:
    doc = blank_uk("Загинули 5 людей. «Ми не здамося», — заявив він.")
    assert [c.text for c in claims(doc)] == [
        "Загинули 5 людей.",
        "«Ми не здамося», — заявив він.",
    ]


def test_english_opinion_and_framing_on_a_blank_pipeline(blank_en: Any) -> None:
    c = only(blank_en("In summary, the talks reflect a significant commitment to peace."))
    assert {"framing", "opinion"} <= set(c.reasons)
    assert c.score < DEFAULT_THRESHOLD
