"""Each debris rule on made-up pages, and the body text each rule must leave alone."""

from __future__ import annotations

import pytest

from storage.importing.text_cleanup import byline_names, quote, remove_debris

BODY = [
    "The ferry company said on Tuesday that it would add two evening crossings.",
    "Passengers had complained about queues at the terminal since the spring.",
    "A spokesperson said the new timetable starts in June.",
    "Local councillors welcomed the change but asked for lower fares.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def kept_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


# ---------------------------------------------------------------- language switcher


@pytest.mark.parametrize(
    "switcher", ["ua en ru", "EN | DE | FR", "en / uk", "De • Fr • It", "PL|EN", "en-GB fr-FR"]
)
def test_language_switcher_at_the_top_is_removed(switcher: str) -> None:
    result = remove_debris(page(switcher, "Ferry timetable changes", *BODY))
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]
    assert result.notes == (f'Removed language switcher line "{switcher}"',)


def test_language_switcher_at_the_bottom_is_removed() -> None:
    result = remove_debris(page("Ferry timetable changes", *BODY, "EN · UA"))
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]


@pytest.mark.parametrize(
    "line",
    [
        "it is",  # both codes, but English words
        "so be it",
        "En de",  # mixed case is prose, not a menu
        "en en",  # a menu does not repeat itself
        "en",  # one code is not a switcher
        "EN DE FR 2024",
        "In English and French.",
    ],
)
def test_lines_that_only_resemble_a_switcher_stay(line: str) -> None:
    text = page(line, "Ferry timetable changes", *BODY)
    assert remove_debris(text).text == text


def test_switcher_in_the_middle_of_the_text_stays() -> None:
    text = page("Title line", *BODY[:3], "en ru", *BODY, "Last words here.")
    assert remove_debris(text).text == text


# ---------------------------------------------------------------- counter widget


def test_counter_under_the_title_is_removed() -> None:
    result = remove_debris(page("Ferry timetable changes", "0", *BODY))
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]
    assert result.notes == ('Removed counter line "0" (a comment or share count)',)


def test_counters_at_the_bottom_are_removed() -> None:
    result = remove_debris(page("Ferry timetable changes", *BODY, "14", "3"))
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]
    assert len(result.notes) == 2


@pytest.mark.parametrize(
    "text",
    [
        # A numbered list written with the number on its own line, glued to its item.
        "Steps\n\n1\nBook a ticket online.\n2\nArrive early.\n\n" + page(*BODY),
        # A year, or a four-digit number, is data, not a counter.
        page("Ferry timetable changes", "2025", *BODY),
        # A bare number in the middle of the article stays: it may be a table cell.
        page("Ferry timetable changes", *BODY[:3], "7", *BODY),
        # Digits with other text are a sentence or a heading.
        page("Ferry timetable changes", "12 comments and 4 shares were counted.", *BODY),
    ],
)
def test_numbers_that_may_be_content_stay(text: str) -> None:
    assert remove_debris(text).text == text


# ---------------------------------------------------------------- comment form footer


def test_wordpress_comment_form_is_removed() -> None:
    text = page(
        "Ferry timetable changes",
        *BODY,
        "Original Source: ferries.example.net",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment *",
        "Name *",
        "Email *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    )
    result = remove_debris(text)
    assert kept_lines(result.text) == [
        "Ferry timetable changes",
        *BODY,
        "Original Source: ferries.example.net",
    ]
    (note,) = result.notes
    assert note.startswith('Removed comment form / sharing footer (7 lines): "Leave a Reply"')
    assert note.endswith("and 4 more")


def test_share_bar_is_removed() -> None:
    text = page("Ferry timetable changes", *BODY, "Share this:", "Facebook", "X", "Telegram")
    assert kept_lines(remove_debris(text).text) == ["Ferry timetable changes", *BODY]


def test_comments_closed_alone_is_removed() -> None:
    result = remove_debris(page("Ferry timetable changes", *BODY, "Comments are closed."))
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]


def test_footer_phrase_followed_by_body_text_stays() -> None:
    text = page(
        "Ferry timetable changes",
        *BODY[:2],
        "Leave a comment below if the new timetable affects you.",
        *BODY[2:],
    )
    assert remove_debris(text).text == text


def test_footer_phrase_early_in_a_long_text_stays() -> None:
    text = page("Reader survey", "Comments are closed.", *(BODY * 4))
    assert remove_debris(text).text == text


def test_phrase_must_end_at_a_word_boundary() -> None:
    text = page("Ferry timetable changes", *BODY, "Add commentary", "Extra")
    assert remove_debris(text).text == text


# ---------------------------------------------------------------- byline


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Author: Liliana Oleniak", "Liliana Oleniak"),
        ("By Jane Doe", "Jane Doe"),
        ("BY MARIA GONZÁLEZ", "MARIA GONZÁLEZ"),
        ("Written by Ana de la Cruz and Tom Ek", "Ana de la Cruz; Tom Ek"),
        ("Authors: J. R. Hartley, Sam O’Neill", "J. R. Hartley; Sam O’Neill"),
        ("Автор: Олена Шевчук", "Олена Шевчук"),
        ("By Reuters", "Reuters"),
    ],
)
def test_byline_moves_to_author(line: str, author: str) -> None:
    result = remove_debris(page("Ferry timetable changes", line, *BODY))
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]
    assert result.author == author
    assert result.notes == (f'Moved byline "{line}" to the author field ({author})',)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the council had approved the plan.",
        "by the river, crowds gathered",
        "By March 2025 the work should be done",
        "Author: the council press office said nothing.",
        "Bylines are changing at the paper.",
        "Par for the course",
    ],
)
def test_sentences_that_start_like_bylines_stay(line: str) -> None:
    text = page("Ferry timetable changes", line, *BODY)
    result = remove_debris(text)
    assert result.text == text
    assert result.author is None


def test_byline_deep_in_the_text_stays() -> None:
    text = page("Ferry timetable changes", *BODY, *BODY, "By Jane Doe", *BODY)
    assert remove_debris(text).text == text


def test_byline_is_removed_but_not_used_when_author_is_known() -> None:
    result = remove_debris(page("Title here", "By Jane Doe", *BODY), author_known=True)
    assert result.author is None
    assert kept_lines(result.text) == ["Title here", *BODY]
    assert result.notes == ('Removed byline "By Jane Doe" (the author was already known)',)


def test_byline_names_helper() -> None:
    assert byline_names("Words by Kim Lee & Ola Nordmann") == ["Kim Lee", "Ola Nordmann"]
    assert byline_names("Just a heading") is None


# ---------------------------------------------------------------- all rules together


def test_rules_combine_and_notes_come_in_order() -> None:
    text = page(
        "ua en ru",
        "Ferry timetable changes",
        "5",
        "Author: Jane Doe",
        *BODY,
        "Leave a Reply",
        "Post Comment",
    )
    result = remove_debris(text)
    assert kept_lines(result.text) == ["Ferry timetable changes", *BODY]
    assert [note.split(" ")[0:2] for note in result.notes] == [
        ["Removed", "language"],
        ["Removed", "counter"],
        ["Removed", "comment"],
        ["Moved", "byline"],
    ]


@pytest.mark.parametrize("text", ["ua en ru", "0", "Leave a Reply", "By Jane Doe"])
def test_a_rule_never_removes_all_the_text(text: str) -> None:
    result = remove_debris(text)
    assert result.text == text
    assert result.notes == ()


def test_quote_shortens_long_lines() -> None:
    assert quote("short") == '"short"'
    long = quote("word " * 40)
    assert len(long) <= 62
    assert long.endswith('…"')
