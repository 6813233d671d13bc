"""Claimants from cue words on blank pipelines (no parser, no NER)."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import only


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "kind"),
    [
        ("За словами Зеленського, 12 березня загинули 5 людей.",
         "Зеленського", "За словами", "according-to"),
        ("За даними Генштабу ЗСУ, збито 40 дронів.", "Генштабу ЗСУ", "За даними", "according-to"),
        ("Буданов також заявив, що Росія модернізувала ракети KN-23.",
         "Буданов", "заявив", "speech-verb"),
        ("«Ми готові допомогти», — заявив Чо Те Йоль.", "Чо Те Йоль", "заявив", "speech-verb"),
        ("Ціни зросли на 5% у березні, повідомив Держстат.", "Держстат", "повідомив",
         "speech-verb"),
        ("Росія запустила 50 дронів, передає Укрінформ.", "Укрінформ", "передає", "source-tag"),
        ("Як повідомляє Reuters, розмова відбулася в понеділок.", "Reuters", "Як повідомляє",
         "according-to"),
    ],
)
def test_ukrainian_cues(blank_uk: Any, text: str, claimant: str, cue: str, kind: str) -> None:
    a = only(blank_uk(text)).attribution
    assert a is not None
    assert (a.claimant, a.cue, a.kind) == (claimant, cue, kind)


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "kind"),
    [
        ("По словам Зеленского, в пятницу было сбито 40 дронов.",
         "Зеленского", "По словам", "according-to"),
        ("По данным Минздрава, 200 человек госпитализированы.",
         "Минздрава", "По данным", "according-to"),
        ("Песков заявил, что переговоры возможны в марте.", "Песков", "заявил", "speech-verb"),
        ("Как сообщает Интерфакс, около 200 человек эвакуированы.",
         "Интерфакс", "Как сообщает", "according-to"),
        ("В Кремле это опровергли, сообщил Песков.", "Песков", "сообщил", "speech-verb"),
    ],
)
def test_russian_cues(blank_ru: Any, text: str, claimant: str, cue: str, kind: str) -> None:
    a = only(blank_ru(text)).attribution
    assert a is not None
    assert (a.claimant, a.cue, a.kind) == (claimant, cue, kind)


def test_a_long_source_phrase_is_kept_as_written(blank_uk: Any) -> None:
    doc = blank_uk("За словами міністра закордонних справ Дмитра Кулеби, переговори тривали "
                   "дві години.")
    a = only(doc).attribution
    assert a is not None
    assert a.claimant == "міністра закордонних справ Дмитра Кулеби"
    assert doc.text[a.start : a.end] == a.claimant


def test_a_pronoun_is_an_unnamed_source(blank_uk: Any) -> None:
    a = only(blank_uk("Він заявив, що 30 військових отримали поранення.")).attribution
    assert a is not None and a.kind == "unnamed-source"


def test_english_blank_pipeline(blank_en: Any) -> None:
    a = only(blank_en("According to the ministry, about 200 people were evacuated.")).attribution
    assert a is not None
    assert (a.claimant, a.kind) == ("the ministry", "unnamed-source")
    a = only(blank_en("Officials said on Monday that 40 drones were shot down.")).attribution
    assert a is not None and a.kind == "unnamed-source"  # capitalised only as first word
    a = only(blank_en("The strike killed 12 people, said Governor Oleh Syniehubov.")).attribution
    assert a is not None and a.claimant == "Governor Oleh Syniehubov"


def test_denial_cue(blank_uk: Any) -> None:
    c = only(blank_uk("Міноборони заперечило, що 20 солдатів потрапили в полон."))
    # "заперечило" (neuter) is not in the list: no attribution, but no crash either
    assert c.certainty in {"asserted", "denied"}
    c = only(blank_uk("Буданов заперечив, що 20 солдатів потрапили в полон."))
    assert c.certainty == "denied"
