"""`claimline compare`: two articles aligned headless, printed, stored and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimline.cli import main
from storage.service import ProjectService

ORIGINAL = ("Storm closes harbour\n\nThe harbour closed on Tuesday after a storm damaged the "
            "pier. The port authority said 40 boats were stuck inside. Repairs will take "
            "about three weeks.")
REWRITE = ("Harbour shut by storm\n\nAfter a storm damaged the pier, the harbour closed on "
           "Tuesday. According to the port authority, 60 boats were stuck inside. Repairs "
           "will take about three weeks. Fishermen fear for their income.")


@pytest.fixture
def pair(project: ProjectService, project_path: Path, make_parsed) -> tuple[Path, int, int]:
    (a,), _ = project.add_articles([make_parsed(ORIGINAL, title="Storm closes harbour")])
    (b,), _ = project.add_articles([make_parsed(REWRITE, title="Harbour shut by storm")])
    project.close()
    return project_path, a.id, b.id


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


@pytest.mark.slow
def test_compare_prints_what_agrees_and_what_conflicts(
        pair: tuple[Path, int, int], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path, a, b = pair
    report = tmp_path / "report.csv"
    code, out, err = run(capsys, "compare", path, a, b, "--report", report)
    assert code == 0, err
    assert "aligned:" in err
    assert "CONFLICTING" in out and "40" in out and "60" in out
    assert "ADDED" in out and "Fishermen fear for their income." in out
    assert report.read_text(encoding="utf-8").count("\n") >= 4

    # Stored: printing again without aligning shows the same passages.
    code, again, _ = run(capsys, "compare", path, a, b, "--no-align")
    assert code == 0 and again == out


@pytest.mark.slow
def test_compare_as_json_lines(pair: tuple[Path, int, int],
                               capsys: pytest.CaptureFixture[str]) -> None:
    path, a, b = pair
    code, out, _ = run(capsys, "compare", path, a, b, "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    conflicts = [r for r in rows[1:] if r.get("relation") == "conflicting"]
    assert conflicts, rows
    assert any(d["kind"] == "number" for r in conflicts for d in r["differences"])


def test_an_unknown_article_is_a_usage_error(pair: tuple[Path, int, int],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path, a, _b = pair
    code, _out, err = run(capsys, "compare", path, a, 999, "--no-align")
    assert code == 2 and "999" in err
