"""read_file and parse_text end to end, including the two seed articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storage.importing import ImportProblem, ParsedArticle, parse_text, read_file

ORIGINAL_TITLE = "Ukraine and South Korea discuss fate of North Korean prisoners of war"
REWRITE_TITLE = "Ukraine and South Korea Collaborate on North Korean Prisoners of War Issue"


def paragraphs(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    return [p.strip() for p in raw.replace("\r\n", "\n").split("\n\n") if p.strip()]


def test_seed_original_report(seeds: Path) -> None:
    path = seeds / "000_e47a78e8ed6366d9.txt"
    (article,) = read_file(path)
    assert isinstance(article, ParsedArticle)
    assert article.title == ORIGINAL_TITLE
    assert article.author == "Liliana Oleniak"
    assert article.language == "en"
    assert article.origin == str(path)
    assert article.format == "txt"
    assert article.text.startswith(ORIGINAL_TITLE + "\n\n")
    assert "ua en ru" not in article.text
    assert "Author:" not in article.text
    body = [p for p in paragraphs(path) if p != "ua en ru"]
    for paragraph in body:
        if paragraph.startswith(ORIGINAL_TITLE + " Photo:"):
            # the caption paragraph loses only its byline line
            paragraph = paragraph.split("\nAuthor:")[0]
        assert paragraph in article.text
    assert article.cleanup == (
        'Removed language switcher line "ua en ru"',
        'Moved byline "Author: Liliana Oleniak" to the author field (Liliana Oleniak)',
    )


def test_seed_rewrite(seeds: Path) -> None:
    path = seeds / "001_d3e2940cdaa93234.txt"
    (article,) = read_file(path)
    assert isinstance(article, ParsedArticle)
    assert article.title == REWRITE_TITLE
    assert article.author is None
    assert article.language == "en"
    assert article.text.endswith("\n\nOriginal Source: newsukraine.rbc.ua")
    assert "\n0\n" not in article.text
    assert "Leave a Reply" not in article.text
    assert "Required fields" not in article.text
    debris = {"0", "Leave a Reply"}
    for paragraph in paragraphs(path):
        if paragraph not in debris and not paragraph.startswith("Your email address"):
            assert paragraph in article.text
    assert len(article.cleanup) == 2


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_files(newline: str, article: Callable[..., ParsedArticle]) -> None:
    raw = newline.join(["Tram line extended", "", "The new stop opens on Monday."])
    result = article(raw.encode("utf-8"))
    assert result.text == "Tram line extended\n\nThe new stop opens on Monday."
    assert result.title == "Tram line extended"


@pytest.mark.parametrize("format", ["txt", "md", "html", "json", "jsonl"])
def test_empty_file(format: str, problem: Callable[..., ImportProblem]) -> None:
    assert problem(b"", format).reason == "The file is empty."
    assert problem("", format).reason == "The file is empty."


@pytest.mark.parametrize("format", ["txt", "md", "html"])
def test_whitespace_only_file(format: str, problem: Callable[..., ImportProblem]) -> None:
    assert problem(b" \r\n\t \n", format).reason in (
        "The file has no text.",
        "The page has no readable text.",
    )


@pytest.mark.parametrize("format", ["txt", "md", "html", "json", "jsonl"])
def test_binary_content_in_any_format(format: str, problem: Callable[..., ImportProblem]) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    assert problem(png, format).reason == "This looks like a PNG image, not text."


def test_many_scripts_survive_unchanged(article: Callable[..., ParsedArticle]) -> None:
    text = (
        "Festival 🎉 in Busan\n\n"
        "부산 국제 영화제가 오늘 개막했다. 관객 👩‍👩‍👧 가족 단위가 많았다.\n\n"
        "افتتح المهرجان اليوم في المدينة بحضور جمهور كبير\n\n"
        "Ukrainian: Фестиваль відкрився сьогодні 🇺🇦"
    )
    result = article(text.encode("utf-8"))
    assert result.text == text
    assert result.title == "Festival 🎉 in Busan"


def test_parse_text_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown import format"):
        parse_text("x", origin="o", format="docx")


def test_read_file_reports_unreadable_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("Some text here.", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert read_file(target) == [
        ImportProblem(str(target), "The file could not be read: Permission denied.")
    ]


def test_read_file_odd_paths(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like.txt"
    folder.mkdir()
    missing = tmp_path / "gone.md"
    other = tmp_path / "slides.pptx"
    assert read_file(folder) == [ImportProblem(str(folder), "This is a folder, not a file.")]
    assert read_file(missing) == [
        ImportProblem(str(missing), "The file does not exist (any more).")
    ]
    (unsupported,) = read_file(other)
    assert isinstance(unsupported, ImportProblem)
    assert '".pptx"' in unsupported.reason


def test_read_file_jsonl_origins(tmp_path: Path) -> None:
    path = tmp_path / "Feed.JSONL"
    path.write_bytes(
        b'{"text": "A dog rescued a hiker stuck on the ridge for two days."}\nnot json\n'
    )
    first, second = read_file(path)
    assert isinstance(first, ParsedArticle)
    assert first.origin == f"{path}#line 1"
    assert second == ImportProblem(
        f"{path}#line 2", "Line 2 is not valid JSON: Expecting value at column 1."
    )
