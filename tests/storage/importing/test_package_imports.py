"""The package stays light to import: the GUI imports it at start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import storage.importing as importing

REPO = Path(__file__).resolve().parents[3]
HEAVY = ("trafilatura", "charset_normalizer", "py3langid", "PySide6", "sqlalchemy")


def test_public_api() -> None:
    assert set(importing.__all__) >= {
        "SUPPORTED_SUFFIXES",
        "ImportProblem",
        "ParsedArticle",
        "collect_files",
        "normalize_text",
        "parse_text",
        "read_file",
    }


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = (
        f"import sys, storage.importing\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout.strip()
    assert loaded == ""
