from __future__ import annotations

from storage.importing.front_matter import split_front_matter


def test_simple_front_matter_is_split_off() -> None:
    text = (
        "---\n"
        'title: "Bridge: the long wait"\n'
        "author:\n"
        "  - Ana Lima\n"
        "  - Piet Bos\n"
        "tags: [transport, city]\n"
        "# a comment\n"
        "date: 2024-02-29\n"
        "---\n"
        "Body starts here."
    )
    fields, rest = split_front_matter(text)
    assert fields == {
        "title": "Bridge: the long wait",
        "author": ["Ana Lima", "Piet Bos"],
        "tags": ["transport", "city"],
        "date": "2024-02-29",
    }
    assert rest == "Body starts here."


def test_no_front_matter() -> None:
    text = "Title\n\n---\n\nA horizontal rule above."
    assert split_front_matter(text) == (None, text)


def test_unclosed_block_is_text() -> None:
    text = "---\ntitle: Never closed\n\nBody."
    assert split_front_matter(text) == (None, text)


def test_rich_yaml_is_left_in_the_text() -> None:
    text = "---\nauthor:\n  name: Ana\n  email: ana@example.org\n---\nBody."
    assert split_front_matter(text) == (None, text)


def test_thematic_breaks_around_prose_are_not_front_matter() -> None:
    text = "---\nSome prose between rules.\n---\nMore prose."
    assert split_front_matter(text) == (None, text)
