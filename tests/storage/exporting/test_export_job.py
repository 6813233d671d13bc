"""An export is put in place whole, or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storage.bundle import ExchangeFormatError
from storage.exporting.export_job import export_dataset
from storage.exporting.formats import FORMATS
from storage.importing import ParsedArticle
from storage.records import ClaimFields
from storage.service import ProjectService

TEXT = "The council said on Monday that 40 homes were flooded. Repairs start in May."


@pytest.fixture
def filled(project: ProjectService, make_parsed) -> ProjectService:
    (article,), _ = project.add_articles([make_parsed(TEXT, title="Flood")])
    project.create_claim(article.id, ClaimFields(0, 55))
    return project


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """An empty folder of the researcher's (the project file lives elsewhere)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_a_file_export_lands_complete(filled: ProjectService, place: Path) -> None:
    out = place / "data.jsonl"
    steps: list[tuple[int, int]] = []
    result = export_dataset(filled, "claimline-jsonl", out,
                            progress=lambda done, total: steps.append((done, total)))
    assert result is not None and result.path == str(out)
    assert out.read_text(encoding="utf-8").count("\n") >= 3
    assert steps and steps[-1][0] == steps[-1][1]
    assert sorted(p.name for p in place.iterdir()) == ["data.jsonl"], "no partial left"


def test_cancelling_keeps_the_earlier_export(filled: ProjectService, place: Path) -> None:
    out = place / "data.jsonl"
    out.write_text("an earlier export\n", encoding="utf-8")
    assert export_dataset(filled, "claimline-jsonl", out, should_cancel=lambda: True) is None
    assert out.read_text(encoding="utf-8") == "an earlier export\n"
    assert [p.name for p in place.iterdir()] == ["data.jsonl"]


def test_a_failing_writer_leaves_nothing_behind(filled: ProjectService, place: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from storage.exporting import claimline_jsonl

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(claimline_jsonl, "write", broken)  # a full disk cannot be caused here
    out = place / "data.jsonl"
    with pytest.raises(ExchangeFormatError, match=f"^Cannot write {out}: disk full.$"):
        export_dataset(filled, "claimline-jsonl", out)
    assert list(place.iterdir()) == []


def test_cancelling_mid_file_leaves_no_hidden_file(filled: ProjectService, place: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from storage.exporting import claimline_jsonl

    monkeypatch.setattr(claimline_jsonl, "_PROGRESS_EVERY", 1)  # a step after every line
    steps: list[int] = []

    def cancel_after_two() -> bool:
        steps.append(1)
        return len(steps) > 2

    assert export_dataset(filled, "claimline-jsonl", place / "data.jsonl",
                          should_cancel=cancel_after_two) is None
    assert list(place.iterdir()) == [], "neither the export nor a partial file"


def test_a_folder_export_replaces_the_earlier_one_whole(
        filled: ProjectService, make_parsed: Callable[..., ParsedArticle], place: Path) -> None:
    (other,), _ = filled.add_articles([make_parsed("A second report about the weather.",
                                                   title="Weather")])
    out = place / "brat"
    export_dataset(filled, "brat", out)
    assert len(list(out.glob("*.txt"))) == 2
    export_dataset(filled, "brat", out, [other.id])
    assert [p.name.startswith("Weather-") for p in out.glob("*.txt")] == [True], \
        "the first article's files went with the earlier export"
    assert sorted(p.name for p in place.iterdir()) == ["brat"]


def test_a_folder_holding_other_files_is_never_replaced(filled: ProjectService,
                                                         place: Path) -> None:
    mine = place / "notes.docx"
    mine.write_bytes(b"the researcher's own notes")
    with pytest.raises(ExchangeFormatError, match=r"notes\.docx"):
        export_dataset(filled, "brat", place)
    assert mine.read_bytes() == b"the researcher's own notes"
    assert [p.name for p in place.iterdir()] == ["notes.docx"]


def test_a_destination_of_the_wrong_shape_is_refused(filled: ProjectService,
                                                     place: Path) -> None:
    with pytest.raises(ValueError, match="writes a single file"):
        export_dataset(filled, "claimline-jsonl", place)
    with pytest.raises(ValueError, match="does not exist"):
        export_dataset(filled, "csv", place / "no" / "such")


@pytest.mark.parametrize("format_name", sorted(n for n, f in FORMATS.items() if f.is_folder))
def test_a_folder_export_can_be_replaced_by_the_next(filled: ProjectService, place: Path,
                                                     format_name: str) -> None:
    """Whatever a folder format writes, it declares, so exporting again is allowed."""
    out = place / format_name
    export_dataset(filled, format_name, out)
    assert FORMATS[format_name].destination_problem(out) is None
    (out / "my notes.json").write_text("{}", encoding="utf-8")
    assert "my notes.json" in (FORMATS[format_name].destination_problem(out) or "")


def test_a_folder_of_the_researchers_own_texts_is_never_replaced(filled: ProjectService,
                                                                  place: Path) -> None:
    """The same kind of files a brat export writes, but not written by one."""
    sources = place / "my-sources"
    sources.mkdir()
    (sources / "interview.txt").write_text("my transcript", encoding="utf-8")
    with pytest.raises(ExchangeFormatError, match="no Claimline export wrote"):
        export_dataset(filled, "brat", sources)
    assert [p.name for p in sources.iterdir()] == ["interview.txt"]


def test_a_project_file_is_never_an_export_destination(filled: ProjectService) -> None:
    before = filled.path.read_bytes()[:100]
    with pytest.raises(ExchangeFormatError, match="is a Claimline project or another database"):
        export_dataset(filled, "claimline-jsonl", filled.path)
    assert filled.path.read_bytes()[:100] == before
    assert len(filled.list_articles()) == 1


def test_hidden_files_of_the_researcher_are_not_taken_with_an_export(
        filled: ProjectService, place: Path) -> None:
    out = place / "dataset"
    export_dataset(filled, "csv", out)
    (out / ".git").mkdir()
    (out / ".my-notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExchangeFormatError, match=r"\.git, \.my-notes\.txt"):
        export_dataset(filled, "csv", out)
    assert (out / ".my-notes.txt").read_text(encoding="utf-8") == "mine"
    (out / ".DS_Store").write_bytes(b"")  # what a file browser leaves is no obstacle
    (out / ".my-notes.txt").unlink()
    (out / ".git").rmdir()
    assert export_dataset(filled, "csv", out) is not None


def test_a_projects_log_file_is_never_an_export_destination(filled: ProjectService,
                                                            place: Path) -> None:
    other = place / "Crashed.claimline"
    ProjectService.create(other).close()
    log = other.with_name(other.name + "-wal")
    log.write_bytes(b"the edits of a crashed session")
    with pytest.raises(ExchangeFormatError, match="or one of its files"):
        export_dataset(filled, "claimline-jsonl", log)
    assert log.read_bytes() == b"the edits of a crashed session"
