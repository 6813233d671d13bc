"""An export is put in place whole, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.exporting.export_job import export_dataset
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
    with pytest.raises(OSError, match="disk full"):
        export_dataset(filled, "claimline-jsonl", place / "data.jsonl")
    assert list(place.iterdir()) == []


def test_a_folder_export_replaces_its_own_files_only(filled: ProjectService,
                                                     place: Path) -> None:
    out = place / "tables"
    out.mkdir()
    (out / "README.txt").write_text("mine", encoding="utf-8")
    (out / "claims.csv").write_text("stale", encoding="utf-8")
    result = export_dataset(filled, "csv", out)
    assert result is not None
    assert (out / "README.txt").read_text(encoding="utf-8") == "mine"
    assert "40 homes" in (out / "claims.csv").read_text(encoding="utf-8")
    assert sorted(p.name for p in place.iterdir()) == ["tables"]


def test_a_destination_of_the_wrong_shape_is_refused(filled: ProjectService,
                                                     place: Path) -> None:
    with pytest.raises(ValueError, match="writes a single file"):
        export_dataset(filled, "claimline-jsonl", place)
    with pytest.raises(ValueError, match="does not exist"):
        export_dataset(filled, "csv", place / "no" / "such")
