from __future__ import annotations

import datetime

from storage.importing import ImportProblem, ParsedArticle
from storage.importing.text_reader import parse_markdown, parse_plain_text

BODY = (
    "Volunteers planted three hundred oak saplings along the canal on Sunday.\n\n"
    "The council says the trees will shade the towpath within ten years."
)


def test_plain_text_keeps_its_title_line() -> None:
    article = parse_plain_text(f"Canal gets new oaks\n\n{BODY}", origin="oaks.txt")
    assert isinstance(article, ParsedArticle)
    assert article.title == "Canal gets new oaks"
    assert article.text == f"Canal gets new oaks\n\n{BODY}"
    assert (article.format, article.origin, article.language) == ("txt", "oaks.txt", "en")
    assert article.cleanup == ()


def test_plain_text_without_headline_has_no_title() -> None:
    article = parse_plain_text(BODY, origin="oaks.txt")
    assert isinstance(article, ParsedArticle)
    assert article.title is None


def test_markdown_is_kept_as_written() -> None:
    text = f"# Canal gets *new* oaks\n\n{BODY}\n\n- [map](https://example.org/map)"
    article = parse_markdown(text, origin="oaks.md")
    assert isinstance(article, ParsedArticle)
    assert article.title == "Canal gets *new* oaks"
    assert article.text == text
    assert article.format == "md"


def test_markdown_front_matter_becomes_metadata() -> None:
    text = (
        "---\n"
        "title: Canal gets new oaks\n"
        "author: [Ana Lima, Piet Bos]\n"
        "date: 2024-04-21\n"
        "source: Towpath Times\n"
        "url: https://example.org/oaks\n"
        "language: en\n"
        "category: environment\n"
        "---\n\n"
        f"{BODY}"
    )
    article = parse_markdown(text, origin="oaks.md")
    assert isinstance(article, ParsedArticle)
    assert article.text == BODY
    assert article.title == "Canal gets new oaks"
    assert article.author == "Ana Lima; Piet Bos"
    assert article.published == datetime.date(2024, 4, 21)
    assert article.outlet == "Towpath Times"
    assert article.url == "https://example.org/oaks"
    assert dict(article.extra) == {"category": "environment"}
    assert article.cleanup == (
        "Moved the front matter block (title, author, date, source, url, language, category)"
        " out of the text into metadata.",
    )


def test_front_matter_author_beats_a_byline() -> None:
    text = f"---\nauthor: Ana Lima\n---\nBy Piet Bos\n\n{BODY}"
    article = parse_markdown(text, origin="oaks.md")
    assert isinstance(article, ParsedArticle)
    assert article.author == "Ana Lima"
    assert article.text == BODY
    assert 'Removed byline "By Piet Bos" (the author was already known)' in article.cleanup


def test_whitespace_only_is_a_problem() -> None:
    assert parse_plain_text(" \n\t\n ", origin="x.txt") == ImportProblem(
        "x.txt", "The file has no text."
    )
    assert parse_markdown("---\ntitle: Only metadata\n---\n", origin="x.md") == ImportProblem(
        "x.md", "The file has no text."
    )
