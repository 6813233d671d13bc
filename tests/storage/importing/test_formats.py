from __future__ import annotations

from pathlib import Path

from storage.importing import SUPPORTED_SUFFIXES
from storage.importing.formats import format_for, unsupported_reason


def test_suffixes_and_formats() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"} == SUPPORTED_SUFFIXES
    assert format_for(Path("a/B.MARKDOWN")) == "md"
    assert format_for(Path("page.HTM")) == "html"
    assert format_for(Path("feed.jsonl")) == "jsonl"
    assert format_for(Path("report.docx")) is None
    assert format_for(Path("README")) is None


def test_unsupported_reason_names_the_suffix() -> None:
    assert unsupported_reason(Path("r.docx")).startswith('Claimline cannot import ".docx" files')
    assert "without an extension" in unsupported_reason(Path("README"))
