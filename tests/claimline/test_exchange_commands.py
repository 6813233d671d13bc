"""`claimline export` and `claimline import-annotations`, through their own parsers."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from claimline import exchange_commands
from claimline.command_support import EXIT_OK, EXIT_USAGE
from storage.importing import ParsedArticle
from storage.records import ClaimFields, EventFields, FuzzyDateFields
from storage.service import ProjectService

REPO = Path(__file__).resolve().parents[2]
TEXT = "Kyiv said 3,000 people left on 3 March 2024. Мер сказав 👩‍👩‍👧 🇺🇦."


def run(*args: str | Path) -> int:
    parser = argparse.ArgumentParser(prog="claimline")
    handlers = exchange_commands.register(parser.add_subparsers(dest="command", required=True))
    options = parser.parse_args([str(a) for a in args])
    code: int = handlers[options.command](options)
    return code


@pytest.fixture
def filled(project_path: Path, make_parsed: Callable[..., ParsedArticle]) -> Path:
    with ProjectService.create(project_path) as project:
        (a, _b), _ = project.add_articles([make_parsed(TEXT, title="One"),
                                          make_parsed("Another text.", title="Two")])
        claim = project.create_claim(a.id, ClaimFields(0, 44, claimant="Kyiv")).id
        project.create_event(EventFields("People leave", FuzzyDateFields(
            "3 March 2024", "DATE", "2024-03-03")), [(claim, "reports")])
    return project_path


def test_export_writes_each_format(filled: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from storage.exporting.formats import FORMATS

    for name, entry in FORMATS.items():
        out = tmp_path / f"export-{name}{entry.suffix}"
        assert run("export", filled, "--format", name, "--out", out, "--quiet") == EXIT_OK, name
        assert out.exists()
        assert capsys.readouterr().out.startswith("Wrote ")


def test_export_of_some_articles(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.jsonl"
    assert run("export", filled, "-f", "claimline-jsonl", "-o", out, "--articles", "2",
               "-q") == EXIT_OK
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records if r.get("type") == "article"] == ["Two"]


def test_export_refuses_unknown_articles_and_wrong_destinations(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", filled, "-f", "csv", "-o", tmp_path / "t", "--articles", "7") \
        == EXIT_USAGE
    assert "no article with id 7" in capsys.readouterr().err
    (tmp_path / "file.txt").write_text("x")
    assert run("export", filled, "-f", "timeml", "-o", tmp_path / "file.txt") == EXIT_USAGE
    assert "is a file; this format writes a folder" in capsys.readouterr().err
    assert run("export", filled, "-f", "claimline-jsonl", "-o", tmp_path / "no" / "x.jsonl") \
        == EXIT_USAGE
    with pytest.raises(SystemExit):
        run("export", filled, "-f", "docx", "-o", tmp_path / "x.docx")


def test_import_creates_a_new_project(filled: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.jsonl"
    run("export", filled, "-f", "claimline-jsonl", "-o", out, "-q")
    capsys.readouterr()
    copy = tmp_path / "copy.claimline"
    assert run("import-annotations", copy, out, "--format", "claimline-jsonl", "-q") == EXIT_OK
    captured = capsys.readouterr()
    assert "Creating a new project" in captured.err
    assert captured.out.strip() == "Imported 2 articles, 1 claim, 1 event, 1 link."
    with ProjectService.open(copy) as project:
        assert [a.metadata.title for a in project.list_articles()] == ["One", "Two"]
        assert project.list_claims(1)[0].claimant == "Kyiv"


def test_import_refuses_a_project_with_articles(filled: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.jsonl"
    run("export", filled, "-f", "claimline-jsonl", "-o", out, "-q")
    assert run("import-annotations", filled, out, "-f", "claimline-jsonl", "-q") == EXIT_USAGE
    assert "already holds 2 articles" in capsys.readouterr().err


def test_a_damaged_file_leaves_no_project_behind(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format": "claimline-jsonl", "version": 1}\n{"type": "claim"\n')
    target = tmp_path / "new.claimline"
    assert run("import-annotations", target, bad, "-f", "claimline-jsonl", "-q") == EXIT_USAGE
    assert "bad.jsonl, line 2: not valid JSON" in capsys.readouterr().err
    assert not target.exists()
    assert run("import-annotations", target, tmp_path / "missing.jsonl", "-f",
               "claimline-jsonl") == EXIT_USAGE


def test_unreadable_and_unwritable_places_are_refused_in_words(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A folder nobody may create files in, not even root (the tests may run as root).
    locked = Path("/proc")
    if not locked.is_dir():
        pytest.skip("needs Linux /proc")
    assert run("export", filled, "-f", "claimline-jsonl", "-o", locked / "x.jsonl",
               "-q") == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"Cannot write {locked / 'x.jsonl'}: " in err
    assert "Traceback" not in err and ".partial" not in err
    folder = tmp_path / "annotations"
    folder.mkdir()
    assert run("import-annotations", filled, folder, "-f", "web-annotation", "-q") \
        == EXIT_USAGE
    assert "annotations is a folder; a Web Annotation import reads one JSON-LD file" \
        in capsys.readouterr().err


@pytest.mark.slow
def test_round_trip_in_a_subprocess(filled: Path, tmp_path: Path) -> None:
    script = (
        "import sys, argparse\n"
        "from claimline import exchange_commands as x\n"
        "p = argparse.ArgumentParser(); h = x.register(p.add_subparsers(dest='command'))\n"
        "o = p.parse_args(sys.argv[1:]); sys.exit(h[o.command](o))\n"
    )
    out, copy = tmp_path / "sub.jsonl", tmp_path / "sub.claimline"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for args in (["export", filled, "-f", "claimline-jsonl", "-o", out],
                 ["import-annotations", copy, out, "-f", "claimline-jsonl"]):
        done = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    with ProjectService.open(copy) as project:
        assert len(project.list_articles()) == 2
