"""Importing files and folders into a project: progress, cancel, bad files, duplicates."""

from __future__ import annotations

from pathlib import Path

from storage.import_job import import_paths
from storage.records import ImportProgress
from storage.service import ProjectService


def write_corpus(folder: Path) -> None:
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / "harbour.txt").write_text(
        "Harbour reopens\n\nThe harbour of Tidewick reopened on Tuesday after storms.\n"
    )
    (folder / "nested" / "mine.md").write_text(
        "# Mine to close\n\nA copper mine near Ostrava will close in 2027, the owner said.\n"
    )
    (folder / "nested" / "deeper" / "feed.jsonl").write_text(
        '{"text": "Rail strike ends after two days.", "title": "Strike ends", "outlet": "Wire"}\n'
        "{broken json\n"
        '{"text": "Ferry timetable changes in May.", "title": "Ferries",'
        ' "published": "2025-04-30"}\n'
    )
    (folder / "nested" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "empty.txt").write_text("   \n\n")
    (folder / "copy-of-harbour.txt").write_text(
        "Harbour reopens\r\n\r\nThe harbour of Tidewick reopened on Tuesday after storms.\r\n"
    )


def test_folder_import_reports_every_file(project: ProjectService, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus)
    steps: list[ImportProgress] = []
    report = import_paths(project, [corpus], progress=steps.append)

    titles = sorted(a.title for a in report.imported)
    assert titles == ["Ferries", "Harbour reopens", "Mine to close", "Strike ends"]
    # Files are read in sorted order: the CRLF copy comes first, the other is its duplicate.
    (duplicate,) = report.duplicates
    assert Path(duplicate.origin).name == "harbour.txt"
    assert duplicate.existing_title == "Harbour reopens"
    origins = [f.origin.removeprefix(str(corpus)) for f in report.failures]
    assert origins == ["/empty.txt", "/nested/deeper/feed.jsonl#line 2"], "the .png is skipped"
    assert report.failures[1].reason.startswith("Line 2 is not valid JSON")
    assert not report.cancelled
    assert steps[-1].files_done == steps[-1].files_total == report.files_total == 5
    assert len(project.list_articles()) == 4
    assert "4 articles imported" in report.summary_line()


def test_importing_again_adds_nothing(project: ProjectService, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus)
    import_paths(project, [corpus])
    again = import_paths(project, [corpus])
    assert again.imported == ()
    assert len(again.duplicates) == 5
    assert len(project.list_articles()) == 4


def test_cancel_keeps_what_was_stored_and_stops(project: ProjectService, tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"report-{i:02}.txt").write_text(f"Report {i}: the river rose by {i} cm.\n")
    seen: list[ImportProgress] = []

    def cancel_after_ten() -> bool:
        return len(seen) >= 10

    report = import_paths(project, [tmp_path], progress=seen.append, should_cancel=cancel_after_ten)
    assert report.cancelled
    assert report.files_read == 10
    assert len(report.imported) == 10
    assert len(project.list_articles()) == 10
    assert report.summary_line().startswith("Cancelled after 10 of 30 files")


def test_named_files_that_are_missing_or_unsupported_are_reported(
    project: ProjectService, tmp_path: Path
) -> None:
    sheet = tmp_path / "table.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    report = import_paths(project, [tmp_path / "gone.txt", sheet])
    assert len(report.failures) == 2
    assert all(f.reason for f in report.failures)
    assert report.imported == ()
