"""The claim inspector shows a claim and turns each change into one edit request."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.claim_drag import DRAG_TO_LINK, dragged_claim_ids
from desktop.claim_inspector import ClaimInspector, describe_change
from storage.records import ChangeRecord, ClaimFields, ClaimRecord, LabelRecord, LinkedEvent

LABELS = [LabelRecord(1, "Figure", "#c0392b", 1, "A number", 1),
          LabelRecord(2, "Event", "#2e86c1", 2, "", 2)]
CLAIM = ClaimRecord(
    id=7, uid="u", article_id=3, start=10, end=40, quote="Kyiv reported   3,000 wounded",
    claimant="Kyiv", certainty="asserted", status="open", note="check",
    label_ids=(2,), from_suggestion_id=12, created_at=dt.datetime(2025, 1, 1))
CREATED = ChangeRecord(dt.datetime(2025, 1, 1, 9, 30), "researcher", "created",
                       {"span": [10, 40], "from_suggestion": 12,
                        "pipeline": "en_core_web_sm 3.8.0", "component": "claimline_claims",
                        "rule": "claims.parse.v1"})


def inspector(qtbot: QtBot) -> ClaimInspector:
    widget = ClaimInspector()
    qtbot.addWidget(widget)
    widget.set_labels(LABELS)
    widget.show_claim(CLAIM, ["Kyiv", "Reuters"], [CREATED],
                      [LinkedEvent(4, "Casualty report", "early January 2025", "2025-01",
                                   "reports")])
    widget.show()
    return widget


def test_shows_every_part_of_the_claim(qtbot: QtBot) -> None:
    widget = inspector(qtbot)
    assert widget.quote.text() == "“Kyiv reported 3,000 wounded”"
    assert widget.claimant.currentText() == "Kyiv"
    assert widget.certainty.currentText() == "asserted"
    assert widget.note.toPlainText() == "check"
    assert [widget.labels_row.item(i).checkState() for i in range(2)] == [
        Qt.CheckState.Unchecked, Qt.CheckState.Checked]
    assert widget.events.item(0).text() == "Casualty report — early January 2025 (reports)"
    assert "accepted from suggestion 12 of en_core_web_sm 3.8.0" in widget.history.item(0).text()


def test_each_change_is_one_edit_with_before_and_after(qtbot: QtBot) -> None:
    widget = inspector(qtbot)
    with qtbot.waitSignal(widget.claimEdited) as edited:
        widget.labels_row.item(0).setCheckState(Qt.CheckState.Checked)
    claim_id, before, after, what = edited.args
    assert (claim_id, what) == (7, "Edit claim labels")
    assert before == ClaimFields.of(CLAIM)
    assert after.label_ids == (1, 2)

    widget.show_claim(CLAIM)
    with qtbot.waitSignal(widget.claimEdited) as edited:
        widget.certainty.setCurrentText("hedged")
        widget.certainty.activated.emit(widget.certainty.currentIndex())
    assert edited.args[2].certainty == "hedged"

    widget.show_claim(CLAIM)
    widget.note.setPlainText("check the ministry's figure")
    with qtbot.waitSignal(widget.claimEdited) as edited:
        qtbot.keyClick(widget.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert edited.args[2].note == "check the ministry's figure"
    widget.show_claim(CLAIM)
    widget.note.setPlainText("second thoughts")
    with qtbot.waitSignal(widget.claimEdited) as edited:  # leaving the note saves it too
        QApplication.sendEvent(widget.note, QFocusEvent(QEvent.Type.FocusOut))
    assert edited.args[2].note == "second thoughts"


def test_the_grip_beside_the_quote_drags_the_claim(qtbot: QtBot) -> None:
    widget = inspector(qtbot)
    assert widget.drag_handle.isVisible() and widget.drag_handle.toolTip() == DRAG_TO_LINK
    data = widget.drag_mime_data()
    assert data is not None
    assert dragged_claim_ids(data) == [7] and data.text() == CLAIM.quote
    widget.show_claim(None)
    assert widget.drag_mime_data() is None and not widget.drag_handle.isVisible()


def test_no_claim_means_nothing_to_edit(qtbot: QtBot) -> None:
    widget = inspector(qtbot)
    widget.show_claim(None)
    assert not widget.claimant.isEnabled()
    assert widget.quote.text().startswith("Select a claim")
    with qtbot.assertNotEmitted(widget.claimEdited):
        widget.labels_row.item(0).setCheckState(Qt.CheckState.Checked)


def test_history_names_labels() -> None:
    change = ChangeRecord(dt.datetime(2025, 1, 2), "researcher", "edited",
                          {"label_ids": [[2], [1, 2]], "claimant": [None, "Kyiv"]})
    line = describe_change(change, {1: "Figure", 2: "Event"})
    assert "labels: Event → Figure, Event" in line and "claimant: None → 'Kyiv'" in line
