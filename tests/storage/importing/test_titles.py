from __future__ import annotations

import pytest

from storage.importing.titles import guess_markdown_title, guess_title

BODY = "The mayor opened the new library on Saturday. Hundreds of residents came."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"New library opens\n\n{BODY}", "New library opens"),
        (f"New library opens\n{BODY}", "New library opens"),
        (f"Is the new library too small?\n\n{BODY}", "Is the new library too small?"),
        (f"Нова бібліотека відкрилася\n\n{BODY}", "Нова бібліотека відкрилася"),
        (f"Library: opening day in pictures\n\n{BODY}", "Library: opening day in pictures"),
    ],
)
def test_headline_like_first_line_is_the_title(text: str, title: str) -> None:
    assert guess_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}\n\nMore text follows here.",  # two sentences
        "The mayor opened the new library.\n\nMore text.",  # ends with a full stop
        # a hard-wrapped paragraph
        "The mayor opened the new library on\nthe corner of Elm Street, and people came.",
        "Only one line of text",  # nothing but the line itself
        f"{'Long ' * 50}\n\n{BODY}",  # too long
        f"2024-05-01\n\n{BODY}",  # no letters
        "And then they said:\n\nsomething",
    ],
)
def test_prose_first_line_gives_no_title(text: str) -> None:
    assert guess_title(text) is None


def test_markdown_heading() -> None:
    assert guess_markdown_title(f"# New *library* opens #\n\n{BODY}") == "New *library* opens"
    assert guess_markdown_title(f"New library opens\n=================\n\n{BODY}") == (
        "New library opens"
    )
    assert guess_markdown_title(f"Plain headline\n\n{BODY}") == "Plain headline"
    assert guess_markdown_title("") is None
