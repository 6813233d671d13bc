"""The registry of formats, and the TimelineJS export of a bundle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.exporting.formats import (
    FORMATS,
    IMPORTERS,
    ExportFormat,
    export_format,
    import_format,
    register,
)
from storage.service import ProjectService


def test_our_formats_are_registered_and_load() -> None:
    assert {"claimline-jsonl", "spacy-docbin", "timeml", "csv", "timelinejs"} <= set(FORMATS)
    assert FORMATS["timeml"].is_folder and FORMATS["csv"].is_folder
    assert FORMATS["spacy-docbin"].suffix == ".spacy"
    for entry in FORMATS.values():
        assert callable(entry.load()), entry.name
    assert IMPORTERS["claimline-jsonl"].needs_empty_project
    assert callable(IMPORTERS["claimline-jsonl"].load())


def test_unknown_names_list_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"known: .*claimline-jsonl"):
        export_format("docx")
    with pytest.raises(KeyError, match="Unknown import format"):
        import_format("docx")


def test_a_format_can_be_added(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storage.exporting.formats.FORMATS", dict(FORMATS))
    from storage.exporting import formats

    entry = register(ExportFormat("plain", ".txt", "Plain text", "json:dumps"))
    assert formats.FORMATS["plain"] is entry and "plain" not in FORMATS


def test_every_format_writes_the_rich_project(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle()
    for entry in FORMATS.values():
        out = tmp_path / f"out-{entry.name}{entry.suffix}"
        steps: list[tuple[int, int]] = []

        def progress(done: int, total: int, steps: list[tuple[int, int]] = steps) -> None:
            steps.append((done, total))

        result = entry.load()(bundle, out, progress, include_open=True)
        assert out.exists() and result.path == str(out), entry.name
        assert steps and steps[-1][0] == steps[-1][1], entry.name


def test_timelinejs_has_a_slide_per_dated_event(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "timeline.json"
    result = FORMATS["timelinejs"].load()(project.export_bundle(), out)
    document = json.loads(out.read_text(encoding="utf-8"))
    headlines = [slide["text"]["headline"] for slide in document["events"]]
    assert headlines == ["The 1950s flood", "Harrow dam opens", "Second dam talks fail"]
    assert result.items == 3 and result.notes == ()
    opening = document["events"][1]
    assert opening["group"] == "Wire, Вісті"
    assert "Mayor Olena Petrenko" in opening["text"]["text"]
