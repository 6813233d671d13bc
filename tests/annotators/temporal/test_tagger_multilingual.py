"""Ukrainian, Russian, German and French (rules_slavic, rules_de_fr)."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import only, tag, values


@pytest.mark.parametrize(("lang", "text", "span", "value"), [
    ("uk", "Указ підписали 17 березня 2025 року.", "17 березня 2025 року", "2025-03-17"),
    ("ru", "Указ подписали 17 марта 2025 года.", "17 марта 2025 года", "2025-03-17"),
    ("uk", "Завод закрили у 2023 році.", "2023 році", "2023"),
    ("ru", "Завод закрыли в 2023 году.", "2023 году", "2023"),
    ("uk", "Це сталося у 1950-х роках.", "1950-х роках", "195X"),
    ("ru", "Собор построили в XIX веке.", "XIX веке", "18XX"),
    ("uk", "Виставка відкрилася у листопаді 2024 року.", "листопаді 2024 року", "2024-11"),
    ("de", "Die Wahl fand am 17. März 2025 statt.", "17. März 2025", "2025-03-17"),
    ("fr", "Le vote a eu lieu le 17 mars 2025.", "le 17 mars 2025", "2025-03-17"),
])
def test_absolute_dates(lang: str, text: str, span: str, value: str) -> None:
    for dct in (date(2025, 3, 17), None):
        s = only(text, dct, lang)
        assert (s.text, s.date.value, s.date.needs_anchor) == (span, value, False)


@pytest.mark.parametrize(("lang", "text", "span", "value"), [
    ("uk", "Вчора уряд ухвалив рішення.", "Вчора", "2025-03-16"),
    ("ru", "Вчера правительство приняло решение.", "Вчера", "2025-03-16"),
    ("uk", "Переговори відбулися у понеділок.", "понеділок", "2025-03-17"),
    ("ru", "Переговоры прошли в пятницу.", "пятницу", "2025-03-14"),
    ("uk", "Зустріч була в п'ятницю.", "п'ятницю", "2025-03-14"),
    ("uk", "Ціни зросли минулого року.", "минулого року", "2024"),
    ("ru", "Цены выросли в прошлом году.", "прошлом году", "2024"),
    ("uk", "Торік ціни зросли.", "Торік", "2024"),
    ("ru", "Встреча прошла на прошлой неделе.", "прошлой неделе", "2025-W11"),
    ("uk", "Зараз ситуація спокійна.", "Зараз", "PRESENT_REF"),
    ("ru", "Сейчас ситуация спокойная.", "Сейчас", "PRESENT_REF"),
    ("uk", "Нещодавно міністр подав у відставку.", "Нещодавно", "PAST_REF"),
    ("uk", "Міст збудували три роки тому.", "три роки тому", "2022"),
    ("ru", "Мост построили два года назад.", "два года назад", "2023"),
    ("uk", "Наступ почався на початку лютого.", "початку лютого", "2025-02"),
    ("ru", "Наступление началось в конце февраля.", "конце февраля", "2025-02"),
])
def test_relative_dates(lang: str, text: str, span: str, value: str) -> None:
    s = only(text, date(2025, 3, 17), lang)
    assert (s.text, s.date.value) == (span, value)
    floating = only(text, None, lang)
    assert floating.date.needs_anchor and floating.date.earliest is None


def test_position_mods() -> None:
    assert only("Наступ почався на початку лютого.", lang="uk").date.mod == "START"
    assert only("Наступление началось в конце февраля.", lang="ru").date.mod == "END"


def test_durations() -> None:
    assert values("Облога тривала 5 років.", lang="uk") == [("5 років", "DURATION", "P5Y")]
    assert values("Осада длилась несколько лет.", lang="ru") == [
        ("несколько лет", "DURATION", "PXY")]


def test_german_and_french_day_words() -> None:
    assert values("Die Regierung hat heute entschieden.", lang="de") == [
        ("heute", "DATE", "2025-03-17")]
    assert values("Le gouvernement a décidé hier.", lang="fr") == [
        ("hier", "DATE", "2025-03-16")]
    assert values("Der Vertrag endet im Mai 2026.", lang="de") == [
        ("Mai 2026", "DATE", "2026-05")]


def test_numeric_dates_in_every_language() -> None:
    for lang in ("uk", "ru", "de", "fr"):
        assert values("Наказ від 03.02.2025 діє.", lang=lang) == [
            ("03.02.2025", "DATE", "2025-02-03")]


def test_offsets_with_emoji_and_cyrillic() -> None:
    text = "🇺🇦 Ukraine 🙏 said on Monday, 17 March 2025, that ✨ talks resume next week."
    found = tag(text)
    assert [s.text for s in found] == ["Monday, 17 March 2025", "next week"]


def test_unknown_language_falls_back_to_english() -> None:
    assert values("Tariffs rose last year.", lang="xx") == [("last year", "DATE", "2024")]
