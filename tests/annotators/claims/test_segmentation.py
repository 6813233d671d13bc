"""Units: sentences, cut at line breaks, with stray quotes put back; page furniture."""

from __future__ import annotations

from typing import Any

import pytest

from annotators.claims.segmentation import is_page_furniture, split_units


def texts(doc: Any) -> list[str]:
    return [doc.text[u.start_char : u.end_char] for u in split_units(doc)]


def test_a_line_break_always_ends_a_unit(nlp: Any) -> None:
    doc = nlp("Participation of troops in the war\n\nLast year, the army sent 3,000 troops.")
    assert texts(doc) == [
        "Participation of troops in the war",
        "Last year, the army sent 3,000 troops.",
    ]


def test_line_position_is_recorded(nlp: Any) -> None:
    doc = nlp("A headline here\n\nThe first sentence. The second sentence.")
    headline, first, second = split_units(doc)
    assert headline.line_start and headline.line_end and headline.more_text
    assert first.line_start and not first.line_end
    assert not second.line_start and second.line_end and not second.more_text


def test_units_are_token_ranges_without_edge_whitespace(nlp: Any) -> None:
    doc = nlp("  \n Kyiv reported 40 attacks.  \n\n  ")
    (unit,) = split_units(doc)
    assert doc.text[unit.start_char : unit.end_char] == "Kyiv reported 40 attacks."
    assert doc[unit.start].idx == unit.start_char


def test_stray_opening_quotes_move_forward(blank_uk: Any) -> None:
    doc = blank_uk("Загинули 5 людей. «Ми не здамося», — заявив він.")
    assert texts(doc) == ["Загинули 5 людей.", "«Ми не здамося», — заявив він."]


def test_without_sentence_boundaries_the_text_is_cut_at_punctuation() -> None:
    import spacy

    doc = spacy.blank("en")("One sentence here. Another one?! \"A quoted one.\" Last bit")
    assert texts(doc) == ["One sentence here.", "Another one?!", "\"A quoted one.\"", "Last bit"]


def test_empty_docs_have_no_units(nlp: Any) -> None:
    assert split_units(nlp("")) == []
    assert split_units(nlp("\n\n")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Author: Liliana Oleniak",
        "Photo: South Korea and Ukraine discuss the possibility (Getty Images)",
        "Ukraine and South Korea discuss fate of prisoners Photo: Ukraine and Korea (Getty Images)",
        "Original Source: newsukraine.rbc.ua",
        "Leave a Reply",
        "Your email address will not be published.",
        "Required fields are marked *",
        "ua en ru",
        "By Jane Doe and John Roe",
        "Share this article",
        "Фото: Getty Images",
        "Newsletter",
    ],
)
def test_page_furniture(text: str) -> None:
    assert is_page_furniture(text, len(text.split()))


@pytest.mark.parametrize(
    "text",
    [
        "The court ruled on the copyright case on Monday.",
        "By 2025, the number of refugees had doubled.",
        "KYIV (Reuters) - Ukraine said on Monday it had shot down 40 drones.",
        "The comments section of the site was closed after 3,000 complaints.",
    ],
)
def test_prose_is_not_furniture(text: str) -> None:
    assert not is_page_furniture(text, len(text.split()))


def test_one_word_is_never_a_claim() -> None:
    assert is_page_furniture("0", 1)
    assert is_page_furniture("Background", 1)
