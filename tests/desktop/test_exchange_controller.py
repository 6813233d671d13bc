"""File ▸ Export Dataset, Import Annotations and New Project from Dataset."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.export_dialog import ExportDialog
from desktop.import_annotations_dialog import ImportAnnotationsDialog
from desktop.main_window import MainWindow
from storage.exporting.export_job import export_dataset
from storage.service import ProjectService


def test_the_path_follows_the_format(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog((4, 9), tmp_path, "Floods")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentText("claimline-jsonl")
    assert dialog.path.text() == str(tmp_path / "Floods-claimline-jsonl.jsonl")
    dialog.format.setCurrentText("csv")
    assert dialog.path.text() == str(tmp_path / "Floods-csv")
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(tmp_path / "mine.jsonl"))  # typed: now the place is kept
    dialog.format.setCurrentText("brat")
    assert dialog.path.text() == str(tmp_path / "mine"), "brat writes a folder"
    dialog.format.setCurrentText("spacy-docbin")
    assert dialog.path.text() == str(tmp_path / "mine.spacy")
    choice = dialog.choice()
    assert (choice.format, choice.article_ids) == ("spacy-docbin", (4, 9)), \
        "two selected articles: those are exported"
    dialog.whole.setChecked(True)
    assert dialog.choice().article_ids is None
    dialog.path.clear()
    assert not dialog.export_button.isEnabled(), "nowhere to export to"


def test_every_registered_format_is_offered(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog((), tmp_path)
    qtbot.addWidget(dialog)
    offered = {dialog.format.itemText(i) for i in range(dialog.format.count())}
    assert {"claimline-jsonl", "spacy-docbin", "brat", "web-annotation", "inception-xmi",
            "timeml", "csv", "timelinejs"} <= offered
    assert not dialog.only_selected.isEnabled() and dialog.whole.isChecked()


def choose(monkeypatch: pytest.MonkeyPatch, format_name: str, out: Path) -> None:
    def accept(dialog: ExportDialog) -> int:
        dialog.format.setCurrentText(format_name)
        dialog.path.setText(str(out))
        dialog.whole.setChecked(True)
        return ExportDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportDialog, "exec", accept)


def test_exporting_the_project_runs_in_the_background(window: MainWindow, qtbot: QtBot,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "demo.jsonl"
    choose(monkeypatch, "claimline-jsonl", out)
    with qtbot.waitSignal(window.work.exportFinished, timeout=60_000) as done:
        window.action_export.trigger()
    assert done.args is not None and done.args[0].path == str(out)
    header, *records = (json.loads(line) for line in out.read_text("utf-8").splitlines())
    assert header["counts"]["article"] == 2
    assert sum(r["type"] == "article" for r in records) == 2, "both seed articles"
    assert window.statusBar().currentMessage().startswith("Wrote ")


def test_a_file_in_the_way_of_a_folder_format_is_explained(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "brat"
    blocker.write_text("not a folder", encoding="utf-8")
    choose(monkeypatch, "brat", blocker)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "warn", lambda title, text: told.append((title, text)))
    window.action_export.trigger()
    assert told == [("Cannot export there", f"{blocker} is a file; this format writes a "
                                            "folder.")]
    assert not window.work.busy


# ---------------------------------------------------------------- importing annotations
BUS_REPORT = "The council approved 40 new buses on Monday, the transport chief said.\n"


def brat_pair(folder: Path, ann: str) -> Path:
    folder.mkdir()
    (folder / "buses.txt").write_text(BUS_REPORT, encoding="utf-8")
    (folder / "buses.ann").write_text(ann, encoding="utf-8")
    return folder


def claim_line(quote: str) -> str:
    start = BUS_REPORT.index(quote)
    return f"T1\tClaim {start} {start + len(quote)}\t{quote}\n"


def choose_import(monkeypatch: pytest.MonkeyPatch, format_name: str, path: Path) -> None:
    def accept(dialog: ImportAnnotationsDialog) -> int:
        dialog.format.setCurrentText(format_name)
        dialog.path.setText(str(path))
        assert dialog.import_button.isEnabled()
        return ImportAnnotationsDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportAnnotationsDialog, "exec", accept)


def claim_texts(window: MainWindow) -> list[str]:
    service = window.document.service
    return sorted(c.quote for a in service.list_articles() for c in service.list_claims(a.id))


def test_brat_annotations_import_as_one_undoable_step(window: MainWindow, qtbot: QtBot,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before_claims = claim_texts(window)
    before_articles = window.articles.model.rowCount()
    quote = "The council approved 40 new buses on Monday"
    choose_import(monkeypatch, "brat", brat_pair(tmp_path / "brat", claim_line(quote)))
    with qtbot.waitSignal(window.work.annotationsImported, timeout=60_000):
        window.action_import_annotations.trigger()

    assert window.articles.model.rowCount() == before_articles + 1, "the text was new"
    assert claim_texts(window) == sorted([*before_claims, quote])
    assert window.statusBar().currentMessage().startswith("Imported ")
    assert window.undo_stack.undoText() == "Import annotations from brat"

    window.action_undo.trigger()
    assert claim_texts(window) == before_claims
    assert window.articles.model.rowCount() == before_articles
    window.action_redo.trigger()
    assert claim_texts(window) == sorted([*before_claims, quote])
    assert window.articles.model.rowCount() == before_articles + 1


def test_a_broken_annotation_file_is_refused_in_plain_words(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = claim_texts(window)
    choose_import(monkeypatch, "brat", brat_pair(tmp_path / "brat", "T1\tClaim 0 999\tThe\n"))
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "warn", lambda title, text: told.append((title, text)))
    with qtbot.waitSignal(window.work.failed, timeout=60_000):
        window.action_import_annotations.trigger()
    assert len(told) == 1
    title, text = told[0]
    assert title == "The import of annotations stopped"
    assert "buses.ann" in text and "Error" not in text and "Traceback" not in text
    assert claim_texts(window) == before, "nothing stored"
    assert window.undo_stack.count() == 0


def test_the_import_dialog_offers_what_adds_to_a_project(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ImportAnnotationsDialog(tmp_path)
    qtbot.addWidget(dialog)
    offered = {dialog.format.itemText(i) for i in range(dialog.format.count())}
    assert {"brat", "web-annotation", "inception-xmi"} <= offered
    assert "claimline-jsonl" not in offered, "that one makes a new project"
    assert not dialog.import_button.isEnabled()
    dialog.path.setText(str(tmp_path / "missing"))
    assert not dialog.import_button.isEnabled(), "nothing there to read"
    dialog.path.setText(str(tmp_path))
    assert dialog.import_button.isEnabled()


def test_a_dataset_becomes_a_new_project_and_opens(window: MainWindow, qtbot: QtBot,
                                                   demo_path: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = tmp_path / "shared.jsonl"
    with ProjectService.open(demo_path) as source:
        export_dataset(source, "claimline-jsonl", dataset)
        titles = sorted(a.title for a in source.list_articles())
    target = tmp_path / "restored.claimline"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(dataset), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target.with_suffix("")), ""))
    with qtbot.waitSignal(window.work.datasetRestored, timeout=60_000):
        window.action_new_from_dataset.trigger()
    assert window.document.path == target, "the suffix is added and the project opened"
    assert sorted(a.title for a in window.document.service.list_articles()) == titles


def gate_brat_reading(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the brat reader until the test lets it go: timing a click cannot be caused."""
    from storage.annotation_import import brat_import

    gate = threading.Event()
    original = brat_import.read_documents

    def held(path: Path) -> Any:
        gate.wait(10)
        return original(path)

    monkeypatch.setattr(brat_import, "read_documents", held)
    return gate


def test_cancelling_an_import_stores_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = claim_texts(window)
    choose_import(monkeypatch, "brat", brat_pair(tmp_path / "brat", claim_line("40 new buses")))
    gate = gate_brat_reading(monkeypatch)
    with qtbot.waitSignal(window.work.annotationsImported, timeout=60_000) as done:
        window.action_import_annotations.trigger()
        window.task_progress.cancelRequested.emit()  # the Cancel button
        gate.set()
    assert done.args is not None and done.args[0].result is None
    assert claim_texts(window) == before
    assert window.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was stored."


def test_an_import_stopped_by_opening_another_project_stays_out_of_it(
        window: MainWindow, qtbot: QtBot, demo_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from storage.annotation_import import brat_import

    choose_import(monkeypatch, "brat", brat_pair(tmp_path / "brat", claim_line("40 new buses")))
    stored, finish = threading.Event(), threading.Event()
    original = brat_import.read

    def read_then_linger(*args: Any) -> Any:  # committed, and too late to cancel
        result = original(*args)
        stored.set()
        finish.wait(10)
        return result

    monkeypatch.setattr(brat_import, "read", read_then_linger)
    other = tmp_path / "Other.claimline"
    other.write_bytes(demo_template.read_bytes())
    window.action_import_annotations.trigger()
    assert stored.wait(30)
    finish.set()
    assert window.open_project(other)
    qtbot.wait(200)  # anything the stopped job had queued would arrive now
    assert window.document.path == other
    assert window.undo_stack.count() == 0, "nothing of the first project's import to undo here"
    assert window.articles.model.rowCount() == 2
    assert not window.work.busy


def test_web_annotation_reads_a_file_not_a_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ImportAnnotationsDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentText("brat")
    assert dialog.pick_folder.isVisibleTo(dialog)
    dialog.path.setText(str(tmp_path))
    assert dialog.import_button.isEnabled()
    dialog.format.setCurrentText("web-annotation")
    assert not dialog.pick_folder.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled(), "a folder is no Web Annotation file"
    (tmp_path / "notes.jsonld").write_text("{}", encoding="utf-8")
    dialog.path.setText(str(tmp_path / "notes.jsonld"))
    assert dialog.import_button.isEnabled()


def test_an_earlier_folder_export_is_replaced_only_when_the_researcher_agrees(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "brat"
    service = window.document.service
    first = service.list_articles()[0].id
    export_dataset(service, "brat", out, [first])  # an earlier export, of one article
    earlier = sorted(p.name for p in out.iterdir())
    choose(monkeypatch, "brat", out)
    asked: list[str] = []

    def answer(_parent: object, title: str, _text: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.action_export.trigger()
    assert asked == ["Replace the folder?"] and not window.work.busy
    assert sorted(p.name for p in out.iterdir()) == earlier, "No: left as it was"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.work.exportFinished, timeout=60_000):
        window.action_export.trigger()
    assert len(list(out.glob("*.ann"))) == 2, "the whole project replaced the one article"


def test_a_folder_of_other_files_is_refused_before_anything_runs(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "my-sources"
    out.mkdir()
    (out / "interview.txt").write_text("my own transcript", encoding="utf-8")
    choose(monkeypatch, "brat", out)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "warn", lambda title, text: told.append((title, text)))
    window.action_export.trigger()
    assert told and "no Claimline export wrote (interview.txt)" in told[0][1]
    assert [p.name for p in out.iterdir()] == ["interview.txt"] and not window.work.busy


def test_a_redo_the_project_no_longer_allows_is_explained_and_dropped(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    quote = "The council approved 40 new buses on Monday"
    folder = brat_pair(tmp_path / "brat", claim_line(quote) + "A1\tLabel_Fresh_label T1\n")
    choose_import(monkeypatch, "brat", folder)
    with qtbot.waitSignal(window.work.annotationsImported, timeout=60_000):
        window.action_import_annotations.trigger()
    service = window.document.service
    assert "Fresh label" in {label.name for label in service.list_labels()}
    window.action_undo.trigger()
    assert "Fresh label" not in {label.name for label in service.list_labels()}
    # Something outside the undo history takes the label's name meanwhile.
    service.create_label("Fresh label", "#123456")
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "warn", lambda title, text: told.append((title, text)))
    window.action_redo.trigger()
    assert told and told[0][0] == "That step is no longer possible"
    assert "cannot be redone" in told[0][1]
    assert not window.undo_stack.canRedo(), "the refused step is gone from the history"
    assert quote not in claim_texts(window)
