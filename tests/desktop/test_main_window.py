"""The main window driven like a researcher would: read, edit, undo, import, open."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app_settings
from desktop.import_report_dialog import ImportReportDialog
from desktop.main_window import MainWindow
from storage.service import ProjectService

ORIGINAL = "Ukraine and South Korea discuss fate of North Korean prisoners of war"
REWRITE = "Ukraine and South Korea Collaborate on North Korean Prisoners of War Issue"


def titles(window: MainWindow) -> list[str]:
    model = window.articles.proxy
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def stored_metadata(path: Path, title: str):  # type: ignore[no-untyped-def]
    """What is in the file, read by a separate connection."""
    with ProjectService.open(path) as project:
        (article,) = [a for a in project.list_articles() if a.title == title]
        return article.metadata


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_demo_project_opens_on_the_original_report(window: MainWindow) -> None:
    assert window.windowTitle() == "Demo — Claimline"
    # Sorted by publication date: the dated original first, the undated rewrite after it.
    assert titles(window) == [ORIGINAL, f"↳ {REWRITE}"]
    assert window.reader.title.text() == ORIGINAL
    text = window.reader.text.toPlainText()
    assert text.startswith(ORIGINAL)
    assert "Kyiv reported that as of the beginning of January 2025" in text
    assert "RBC-Ukraine" in window.reader.byline.text()
    assert window.articles.count.text() == "2 articles"
    assert window.project_label.text() == str(window.document.path)


def test_rewrite_links_to_its_original(window: MainWindow) -> None:
    window.articles.select_article(window.articles.model.article_at(1).id)
    assert window.reader.title.text() == REWRITE
    byline = window.reader.byline.text()
    assert "Rewritten from" in byline
    original_id = window.articles.model.article_at(0).id
    window.reader.byline.linkActivated.emit(f"article:{original_id}")
    assert window.reader.title.text() == ORIGINAL


def test_metadata_edit_is_saved_and_undoable(window: MainWindow, qtbot: QtBot) -> None:
    path = window.document.path
    assert path is not None
    window.articles.select_article(window.articles.model.article_at(1).id)
    type_into(qtbot, window.metadata.outlet, "Mirror Site")
    type_into(qtbot, window.metadata.published, "2025-03-18")

    assert stored_metadata(path, REWRITE).outlet == "Mirror Site"
    assert stored_metadata(path, REWRITE).published == dt.date(2025, 3, 18)
    assert window.articles.proxy.index(1, 1).data() == "Mirror Site"
    assert window.undo_stack.count() == 2
    assert window.action_undo.text() == "&Undo Edit published of “Ukraine and South Korea " \
        "Collaborate on North Korean Prisoners of War Issue”"

    window.action_undo.trigger()
    assert stored_metadata(path, REWRITE).published is None
    assert window.metadata.published.text() == ""
    window.action_undo.trigger()
    assert stored_metadata(path, REWRITE).outlet is None
    assert window.articles.proxy.index(1, 1).data() == ""
    window.action_redo.trigger()
    assert stored_metadata(path, REWRITE).outlet == "Mirror Site"


def test_unreadable_date_is_explained_and_not_saved(window: MainWindow, qtbot: QtBot) -> None:
    type_into(qtbot, window.metadata.published, "17/03/2025")
    assert window.metadata.error.isVisibleTo(window)
    assert "is not a date" in window.metadata.error.text()
    assert window.undo_stack.count() == 0
    qtbot.keyClick(window.metadata.published, Qt.Key.Key_Escape)
    assert window.metadata.published.text() == "2025-03-17"
    assert not window.metadata.error.isVisibleTo(window)


def test_language_must_be_a_code(window: MainWindow, qtbot: QtBot) -> None:
    field = window.metadata.language.lineEdit()
    assert field is not None
    type_into(qtbot, field, "English")
    assert "not a language code" in window.metadata.error.text()
    assert window.undo_stack.count() == 0


def test_delete_and_undo_restore_the_article(window: MainWindow) -> None:
    path = window.document.path
    assert path is not None
    before = hashlib.sha256(window.document.service.get_article(
        window.articles.model.article_at(0).id).text.encode()).hexdigest()
    window.articles.select_article(window.articles.model.article_at(0).id)
    window.action_delete.trigger()
    assert titles(window) == [REWRITE], "its original is gone, and so is the ↳"
    assert window.reader.title.text() == REWRITE
    assert "Rewritten from" not in window.reader.byline.text()
    window.action_undo.trigger()
    assert sorted(titles(window)) == sorted([ORIGINAL, f"↳ {REWRITE}"])
    window.articles.select_article(next(
        a.id for a in window.document.service.list_articles() if a.title == REWRITE))
    assert window.metadata.rewrite_of.currentText().startswith(ORIGINAL), \
        "the details say again what it rewrites"
    with ProjectService.open(path) as project:
        restored = next(a for a in project.list_articles() if a.title == ORIGINAL)
        detail = project.get_article(restored.id)
        assert hashlib.sha256(detail.text.encode()).hexdigest() == before
        assert [a.derived_from for a in project.list_articles() if a.title == REWRITE] == [
            (restored.id,)
        ]


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"bulletin-{i:03}.txt").write_text(
            f"Bulletin {i}\n\nThe river at Marrow Bridge rose by {i} centimetres overnight.\n"
        )


def test_folder_import_runs_in_the_background_and_is_undoable(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "bulletins"
    write_articles(folder, 12)
    (folder / "broken.json").write_text("{not json")
    with qtbot.waitSignal(window.work.importFinished, timeout=20000) as finished:
        window.import_paths([folder])
    report = finished.args[0]
    assert len(report.imported) == 12
    assert len(report.failures) == 1
    assert window.articles.model.rowCount() == 14
    dialog = window.findChild(ImportReportDialog, "importReport")
    assert dialog is not None and dialog.isVisible()
    assert "broken.json" in dialog.problems.topLevelItem(0).text(0)
    assert "12 articles imported" in window.statusBar().currentMessage()

    window.action_undo.trigger()
    assert window.articles.model.rowCount() == 2
    window.action_redo.trigger()
    assert window.articles.model.rowCount() == 14


def test_import_can_be_cancelled(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    write_articles(folder, 400)
    with qtbot.waitSignal(window.work.importFinished, timeout=60000) as finished:
        window.import_paths([folder])
        assert window.task_progress.isVisible(), "progress shows in the status bar"
        window.task_progress.cancel.click()
    report = finished.args[0]
    assert not window.task_progress.isVisible()
    assert report.cancelled
    assert report.files_read < 400
    assert window.articles.model.rowCount() == 2 + len(report.imported)


def test_dropping_files_imports_them(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "dropped"
    write_articles(folder, 3)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted(folder.iterdir())])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.work.importFinished, timeout=20000):
        window.dropEvent(event)
    assert window.articles.model.rowCount() == 5


def test_foreign_file_is_refused_and_the_project_stays_open(
    window: MainWindow, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.claimline"
    notes.write_text("my notes, not a project")
    assert not window.open_project(notes)
    box = window.findChild(QMessageBox, "warningMessage")
    assert box is not None and box.isVisible()
    assert "not a Claimline project" in box.text()
    assert notes.read_text() == "my notes, not a project"
    assert window.windowTitle() == "Demo — Claimline"
    assert window.articles.model.rowCount() == 2


def test_new_project_and_recent_projects(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = window.document.path
    target = tmp_path / "Fieldwork"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    window.action_new.trigger()
    assert window.document.path == tmp_path / "Fieldwork.claimline"
    assert window.articles.model.rowCount() == 0
    assert window.windowTitle() == "Fieldwork — Claimline"
    assert window.undo_stack.count() == 0

    window.fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names == ["Fieldwork.claimline", "Demo.claimline"]
    window.recent_menu.actions()[1].trigger()
    assert window.document.path == demo
    assert app_settings.last_project() == demo


def test_filter_finds_words_in_titles_and_texts(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.articles.filter, "Getty")  # only in the original's photo caption
    qtbot.waitUntil(lambda: window.articles.count.text() == "1 of 2 articles")
    assert titles(window) == [ORIGINAL]
    window.articles.filter.clear()
    qtbot.keyClicks(window.articles.filter, "collaborate")
    qtbot.waitUntil(lambda: titles(window) == [f"↳ {REWRITE}"])
    window.articles.filter.clear()
    qtbot.waitUntil(lambda: window.articles.count.text() == "2 articles")


def test_sorting_by_words_orders_by_length(window: MainWindow) -> None:
    window.articles.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert titles(window) == [f"↳ {REWRITE}", ORIGINAL]


def test_dropping_a_project_file_opens_it(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "Other.claimline"
    ProjectService.create(other).close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.windowTitle() == "Other — Claimline"
    assert window.articles.model.rowCount() == 0


def test_closing_the_project_empties_the_window(window: MainWindow) -> None:
    window.action_close.trigger()
    assert window.windowTitle() == "Claimline"
    assert window.articles.model.rowCount() == 0
    assert window.reader.text.toPlainText() == ""
    assert not window.action_import.isEnabled()
    assert not window.metadata.isEnabled()


def test_a_new_project_over_an_old_one_keeps_the_old_one_when_there_is_no_trash(
        window: MainWindow, demo_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QFile

    target = tmp_path / "Old study.claimline"
    target.write_bytes(demo_template.read_bytes())
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr(QFile, "moveToTrash", lambda *_args: False)  # a system without one
    window.action_new.trigger()
    assert window.document.path == target
    assert window.articles.model.rowCount() == 0, "the new project is empty"
    (kept,) = tmp_path.glob("Old study.backup-replaced-*.claimline")
    assert f"was kept as “{kept.name}”" in window.statusBar().currentMessage()
    with ProjectService.open(kept) as old:
        assert len(old.list_articles()) == 2, "the old project is whole beside it"
