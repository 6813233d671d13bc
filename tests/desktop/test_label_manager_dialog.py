"""The label manager: every change is one undo command that undoes and redoes exactly."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.label_manager_dialog import (
    COLOUR,
    DESCRIPTION,
    KEY,
    NAME,
    LabelManagerDialog,
    LabelTableModel,
)
from desktop.project_document import ProjectDocument
from desktop.undo_commands import (
    CreateLabelCommand,
    DeleteLabelCommand,
    EditLabelCommand,
)
from storage.records import ClaimFields, LabelRecord
from storage.service import ProjectService

TEXT = "Mayor Lind said 40 ships were waiting. The harbour reopened on Monday."


@pytest.fixture
def document(
    project: ProjectService, make_parsed: Callable[..., object]
) -> Iterator[ProjectDocument]:
    (article,), _ = project.add_articles([make_parsed(TEXT, title="Harbour reopens")])
    figure, event = project.list_labels()[:2]
    project.create_claim(article.id, ClaimFields(16, 37, label_ids=(figure.id, event.id)))
    project.create_claim(article.id, ClaimFields(39, 69, label_ids=(event.id,)))
    document = ProjectDocument()
    document.set_service(project)
    yield document
    document.close()


@pytest.fixture
def dialog(qtbot: QtBot, document: ProjectDocument) -> LabelManagerDialog:
    widget = LabelManagerDialog(document)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def labels(document: ProjectDocument) -> list[LabelRecord]:
    return document.service.list_labels()


def shown(dialog: LabelManagerDialog, column: int = NAME) -> list[str]:
    model = dialog.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def check_undo_redo(document: ProjectDocument, before: list[LabelRecord]) -> None:
    """The last command undoes to `before` and redoes to what is stored now."""
    after = labels(document)
    assert after != before
    document.undo_stack.undo()
    assert labels(document) == before
    document.undo_stack.redo()
    assert labels(document) == after


def test_lists_the_labels_with_colours_keys_and_use(dialog: LabelManagerDialog) -> None:
    assert dialog.objectName() == "labelManager"
    for name in ("addLabel", "deleteLabel", "renameLabel", "labelColour", "labelShortcut"):
        assert dialog.findChild(QWidget, name) is not None, name
    assert shown(dialog) == ["Figure", "Event", "Statement", "Prediction", "Framing"]
    assert shown(dialog, KEY) == ["1", "2", "3", "4", "5"]
    assert shown(dialog, COLOUR)[0] == "#C0392B"
    assert shown(dialog, 3)[:3] == ["1", "2", "0"]  # claims carrying each label
    assert shown(dialog, DESCRIPTION)[0] == "A number, amount or statistic"
    assert not dialog.error.isVisible()


def test_model_passes_the_qt_model_tester(
    dialog: LabelManagerDialog, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(dialog.model)
    empty = LabelTableModel()
    qtmodeltester.check(empty)


def test_add_is_one_command_and_undoes_exactly(
    qtbot: QtBot, dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    before = labels(document)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert isinstance(document.undo_stack.command(0), CreateLabelCommand)
    new = labels(document)[-1]
    assert (new.name, new.shortcut) == ("New label", 6)  # the first free key
    assert new.color not in {label.color for label in before}
    assert dialog.current_label() == new
    editor = dialog.table.findChild(QLineEdit)  # the name is ready to be typed over
    assert editor is not None and editor.isVisible()
    check_undo_redo(document, before)
    assert shown(dialog)[-1] == "New label"
    assert dialog.add_label() is not None
    assert labels(document)[-1].name == "New label 2"


def test_inline_rename_and_description_edit(
    qtbot: QtBot, dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    before = labels(document)
    dialog.select_label(before[0].id)
    dialog.rename_selected()
    editor = dialog.table.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Number")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: labels(document)[0].name == "Number")  # committed when idle
    assert dialog.isVisible()  # Enter finished the edit and did not close the dialog
    assert isinstance(document.undo_stack.command(0), EditLabelCommand)
    assert shown(dialog)[0] == "Number"
    check_undo_redo(document, before)

    before = labels(document)
    index = dialog.model.index(1, DESCRIPTION)
    assert dialog.model.setData(index, "Happened, or will")
    assert labels(document)[1].description == "Happened, or will"
    check_undo_redo(document, before)
    count = document.undo_stack.count()
    assert dialog.model.setData(index, "Happened, or will")  # no change, no command
    assert document.undo_stack.count() == count


def test_colour_comes_from_the_chooser_and_undoes(
    dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    before = labels(document)
    asked: list[str] = []

    def choose(initial: QColor, _parent: QWidget) -> QColor | None:
        asked.append(initial.name())
        return QColor("#123456")

    dialog.choose_colour = choose
    dialog.select_label(before[2].id)
    dialog.colour_button.click()
    assert asked == [before[2].color]
    assert labels(document)[2].color == "#123456"
    assert shown(dialog, COLOUR)[2] == "#123456"
    check_undo_redo(document, before)

    dialog.choose_colour = lambda _initial, _parent: None  # cancelled
    count = document.undo_stack.count()
    dialog.choose_colour_for_selected()
    assert document.undo_stack.count() == count


def test_shortcut_from_the_combo_and_the_key_column(
    dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    before = labels(document)
    dialog.select_label(before[3].id)  # Prediction, key 4
    combo = dialog.shortcut
    assert combo.currentData() == 4
    position = combo.findData(9)
    combo.setCurrentIndex(position)
    combo.activated.emit(position)  # what choosing it with the mouse does
    assert labels(document)[3].shortcut == 9
    check_undo_redo(document, before)

    before = labels(document)
    assert dialog.set_shortcut_for_selected(None)  # no key at all
    assert labels(document)[3].shortcut is None
    assert shown(dialog, KEY)[3] == "—"
    assert dialog.shortcut.currentText() == "None"
    check_undo_redo(document, before)
    assert dialog.set_shortcut_for_selected(0)
    assert labels(document)[3].shortcut == 0
    assert dialog.shortcut.itemText(dialog.shortcut.findData(1)) == "1  (Figure)"  # taken


def test_refusals_are_shown_and_leave_the_history_alone(
    dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    stack = document.undo_stack
    before = labels(document)
    dialog.select_label(before[3].id)
    assert not dialog.set_shortcut_for_selected(1)  # Figure has key 1
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Key 1 is already the shortcut of “Figure”."
    assert dialog.shortcut.currentData() == 4  # the combo shows what is stored
    assert not dialog.model.setData(dialog.model.index(3, NAME), "event")
    assert dialog.error.text() == "There is already a label called “Event”."
    assert dialog.add_label(name="Figure") is None
    assert dialog.add_label(name="Rumour", colour="teal") is None
    assert "#rrggbb" in dialog.error.text()
    assert stack.count() == 0 and labels(document) == before

    stack.push(CreateLabelCommand(document, "Rumour", "#008080", None))
    stack.undo()  # something to redo…
    assert not dialog.edit_label(before[0], dataclasses.replace(before[0], name=" "))
    assert dialog.error.text() == "A label needs a name."
    assert stack.count() == 1 and stack.canRedo()  # …is still there: nothing was pushed
    assert dialog.add_label(name="Fine") is not None
    assert not dialog.error.isVisible()  # a change that works clears the message


def test_delete_and_undo_bring_back_the_label_on_its_claims(
    qtbot: QtBot, dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    before = labels(document)
    claims_before = document.service.find_claims()
    dialog.select_label(before[1].id)  # Event, on both claims
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert isinstance(document.undo_stack.command(0), DeleteLabelCommand)
    assert "Event" not in shown(dialog)
    assert dialog.current_label() == before[2]  # the next label is selected
    assert all(before[1].id not in c.claim.label_ids for c in document.service.find_claims())
    check_undo_redo(document, before)
    document.undo_stack.undo()
    assert document.service.find_claims() == claims_before
    assert shown(dialog, 3)[1] == "2"


def test_follows_undo_and_redo_made_elsewhere(
    qtbot: QtBot, dialog: LabelManagerDialog, document: ProjectDocument
) -> None:
    figure = labels(document)[0]
    stack = document.undo_stack
    assert not dialog.undo_button.isEnabled()
    stack.push(EditLabelCommand(document, figure, dataclasses.replace(figure, name="Amount")))
    assert shown(dialog)[0] == "Amount"
    assert dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert shown(dialog)[0] == "Figure"
    assert dialog.redo_button.isEnabled()
    stack.redo()
    assert shown(dialog)[0] == "Amount"
    document.close()
    assert dialog.model.rowCount() == 0 and not dialog.add_button.isEnabled()


def test_a_refusal_by_the_service_itself_never_reaches_the_history(
    dialog: LabelManagerDialog, document: ProjectDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the dialog does not foresee, the service refuses; the dialog says why."""
    service = document.service
    monkeypatch.setattr(type(service), "label_refusal", lambda _self, _label: None)
    before = labels(document)
    stack = document.undo_stack
    assert not dialog.edit_label(before[0], dataclasses.replace(before[0], name="  "))
    assert dialog.error.text() == "A label needs a name."
    assert dialog.add_label(name="Rumour", colour="teal") is None
    assert dialog.error.text() == "“teal” is not a colour; use the form #rrggbb."
    assert stack.count() == 0 and not stack.canUndo()
    assert labels(document) == before
    command = CreateLabelCommand(document, "", "#123456", None)
    stack.push(command)  # pushed by anyone: still no exception, still nothing stored
    assert command.refusal == "A label needs a name." and stack.count() == 0
