"""The seed pair: an original report and its rewrite, as the importer cleans them."""

from __future__ import annotations

from annotators.alignment import AlignedPassage

from .conftest import row_with, sentence_rows

Texts = tuple[str, str]


def test_the_closing_summary_paragraph_is_added(seed_rows: list[AlignedPassage],
                                                seed_texts: Texts) -> None:
    _a, b = seed_texts
    start = b.index("In summary, the discussions between Ukraine and South Korea")
    end = b.index("\n\n", start)
    paragraph = [r for r in sentence_rows(seed_rows)
                 if r.b_start is not None and start <= r.b_start < end]
    assert len(paragraph) == 3
    assert all(r.relation == "added" and r.a_start is None for r in paragraph)


def test_the_unsupported_framing_sentence_is_added(seed_rows: list[AlignedPassage],
                                                   seed_texts: Texts) -> None:
    _a, b = seed_texts
    row = row_with(seed_rows, b, "The discussions reflect a commitment to humanitarian", "b")
    assert row.relation == "added"
    assert b[row.b_start : row.b_end] == (
        "The discussions reflect a commitment to humanitarian support and international "
        "cooperation amid continuing military engagements.")


def _agree(row: AlignedPassage) -> None:
    assert row.relation in {"same", "reworded"}, row.reason
    assert not [d for d in row.differences if d.kind in {"number", "date"}]


def test_the_casualty_sentences_agree(seed_rows: list[AlignedPassage], seed_texts: Texts) -> None:
    a, b = seed_texts
    row = row_with(seed_rows, a, "Kyiv reported that as of the beginning of January 2025", "a")
    assert row.b_start is not None
    assert "Reports from Kyiv revealed that as of early January 2025, over 3,000" in \
        b[row.b_start : row.b_end]
    _agree(row)


def test_the_february_losses_agree(seed_rows: list[AlignedPassage], seed_texts: Texts) -> None:
    a, b = seed_texts
    row = row_with(seed_rows, a, "As of early February, North Korean troops had lost about", "a")
    assert row.b_start is not None
    assert "North Korea has lost approximately 4,000 soldiers" in b[row.b_start : row.b_end]
    _agree(row)


def test_the_dropped_heading_is_dropped_and_its_section_kept(
        seed_rows: list[AlignedPassage], seed_texts: Texts) -> None:
    a, _b = seed_texts
    heading = "Participation of North Korean military in war against Ukraine"
    row = row_with(seed_rows, a, heading, "a")
    assert row.relation == "dropped"
    assert a[row.a_start : row.a_end] == heading
    for sentence in ("Last year, the North Korean authorities sent",
                     "The head of Defense Intelligence of Ukraine, Kyrylo Budanov",
                     "Budanov also said that Russia has modernized"):
        assert row_with(seed_rows, a, sentence, "a").relation in {"same", "reworded", "partial"}


def test_the_rewrite_changes_no_figure_or_date(seed_rows: list[AlignedPassage]) -> None:
    kinds = {d.kind for r in seed_rows for d in r.differences}
    assert not kinds & {"number", "date"}


def test_seed_rows_partition_both_texts(seed_rows: list[AlignedPassage],
                                        seed_texts: Texts) -> None:
    from .test_partition import assert_partition

    assert_partition(seed_rows, *seed_texts)
