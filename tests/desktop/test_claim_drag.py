"""Dragging a claim onto a timeline event from the reader and the claim panel links it.

Offscreen, a drag ends as soon as it starts (nothing takes it): the tests look
at the data each place puts on its drag, then drop that data on the timeline
as a drag from anywhere would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.claim_drag import (
    CLAIMS_MIME,
    DRAG_TO_LINK,
    dragged_claim_ids,
    dragged_claims,
    project_key,
)
from desktop.event_dialog import EventDialog
from desktop.main_window import MainWindow
from desktop.text_offsets import OffsetMap
from storage.records import EventFields, FuzzyDateFields

ACCORDING = "According to Cho Tae-yul, South Korea is ready to accept all North Korean soldiers"
EARLY_JAN = FuzzyDateFields("early January 2025", "DATE", "2025-01", "START",
                            "2025-01-01/2025-01-10", dt.date(2025, 1, 1), dt.date(2025, 1, 10))


def text_of(window: MainWindow) -> str:
    article = window.reader.article
    assert article is not None
    return article.text


def mark(window: MainWindow, words: str) -> int:
    """Mark `words` as a claim; the reader's selection is left on them, as after pressing M."""
    start = text_of(window).index(words)
    window.reader.select_span(start, start + len(words))
    window.action_mark_claim.trigger()
    claim = window.annotation.selected_claim
    assert claim is not None
    return claim.id


def point_in_text(window: MainWindow, index: int) -> QPoint:
    """A point (viewport coordinates) inside the character `index` of the article."""
    cursor = QTextCursor(window.reader.text.document())
    cursor.setPosition(OffsetMap(text_of(window)).to_qt(index))
    rect = window.reader.text.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def add_event(window: MainWindow, title: str) -> int:
    change = window.document.edit_events(
        lambda s: s.create_event(EventFields(title, EARLY_JAN), []))
    key = change.changed.event_ids[0]
    window.timeline_panel.view.zoom_to(dt.datetime(2024, 12, 1), dt.datetime(2025, 2, 1))
    return key


def linked_claims(window: MainWindow) -> list[tuple[str, tuple[int, ...]]]:
    return [(e.title, e.claim_ids) for e in window.document.service.list_events()]


def drop_on_event(window: MainWindow, key: int | None, data: QMimeData) -> bool:
    """Drag `data` over the timeline and let go on event `key` (None: on empty space, at the
    bottom left); whether the drop was taken."""
    view = window.timeline_panel.view
    if key is None:
        point = QPoint(5, view.height() - 5)
        assert view.key_at(QPointF(point)) == -1
    else:
        box = view.mark_rects(key)[0]
        point = QPoint(round(box.center().x()), round(box.center().y()))
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(view, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(view, drop)
    return drop.isAccepted()


# ------------------------------------------------------------ the reader
def test_a_selection_that_is_exactly_a_claim_drags_that_claim(window: MainWindow) -> None:
    claim = mark(window, ACCORDING)
    data = window.reader.text.createMimeDataFromSelection()
    assert dragged_claim_ids(data) == [claim]
    assert data.text() == ACCORDING
    # The very payload the Claims list drags for that claim.
    model = window.claims.model
    row = model.row_of(claim)
    assert row is not None
    listed = model.mimeData([model.index(row, 0)])
    assert bytes(data.data(CLAIMS_MIME).data()) == bytes(listed.data(CLAIMS_MIME).data())
    # It says which project the claim is of: ids are numbers only within one project.
    assert dragged_claims(data) == dragged_claims(listed)
    dragged = dragged_claims(data)
    assert dragged is not None and dragged.project == project_key(window.document.path)
    # Hovering the selected claim says it can be dragged.
    start = text_of(window).index(ACCORDING)
    assert DRAG_TO_LINK in window.reader.tooltip_at(point_in_text(window, start + 3))


def test_any_other_selection_drags_plain_text_only(window: MainWindow) -> None:
    claim = mark(window, ACCORDING)
    text = text_of(window)
    start = text.index(ACCORDING)
    for first, last in ((start, start + len("According to Cho Tae-yul")),  # inside the claim
                        (start, start + len(ACCORDING) + len(" captured")),  # beyond it
                        (0, len("Ukraine"))):  # elsewhere
        window.reader.select_span(first, last)
        data = window.reader.text.createMimeDataFromSelection()
        assert not data.hasFormat(CLAIMS_MIME), text[first:last]
        assert data.text() == text[first:last]
    window.reader.select_span(start, start + len(ACCORDING))
    assert dragged_claim_ids(window.reader.text.createMimeDataFromSelection()) == [claim]
    window.reader.set_layer_visible("claim", False)  # claims hidden: nothing to drag but words
    assert not window.reader.text.createMimeDataFromSelection().hasFormat(CLAIMS_MIME)
    assert DRAG_TO_LINK not in window.reader.tooltip_at(point_in_text(window, start + 3))


def test_pressing_in_the_selected_claim_and_moving_starts_its_drag(
        window: MainWindow, qtbot: QtBot) -> None:
    claim = mark(window, ACCORDING)
    viewport = window.reader.text.viewport()
    start = text_of(window).index(ACCORDING)
    press = point_in_text(window, start + 5)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(viewport, press + QPoint(0, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=press + QPoint(0, 40))
    drags = viewport.findChildren(QDrag)
    assert drags, "the read-only reader lets its selection be dragged"
    assert dragged_claim_ids(drags[-1].mimeData()) == [claim]


# ------------------------------------------------------------ the claim panel
def test_the_claim_panel_grip_drags_the_shown_claim(window: MainWindow, qtbot: QtBot) -> None:
    inspector = window.inspector
    assert not inspector.drag_handle.isVisible() and inspector.drag_mime_data() is None
    claim = mark(window, ACCORDING)
    handle = inspector.drag_handle
    assert handle.isVisible() and handle.toolTip() == DRAG_TO_LINK
    data = inspector.drag_mime_data()
    assert data is not None and dragged_claim_ids(data) == [claim] and data.text() == ACCORDING

    centre = handle.rect().center()
    qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=centre)  # a click is no drag
    assert handle.findChildren(QDrag) == []
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(handle, centre + QPoint(30, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=centre + QPoint(30, 0))
    drags = handle.findChildren(QDrag)
    assert [dragged_claim_ids(drag.mimeData()) for drag in drags] == [[claim]]


# ------------------------------------------------------------ the drop
@pytest.mark.parametrize("source", ["reader", "claim panel"])
def test_a_claim_dragged_onto_an_event_is_linked_and_undo_unlinks_it(
        window: MainWindow, source: str) -> None:
    claim = mark(window, ACCORDING)
    key = add_event(window, "Seoul offers to take prisoners")
    data = (window.reader.text.createMimeDataFromSelection() if source == "reader"
            else window.inspector.drag_mime_data())
    assert data is not None
    assert drop_on_event(window, key, data)
    assert linked_claims(window) == [("Seoul offers to take prisoners", (claim,))]
    assert window.inspector.events.item(0).text().startswith("Seoul offers to take prisoners")
    assert window.undo_stack.undoText().startswith("Link claim")
    window.action_undo.trigger()
    assert linked_claims(window) == [("Seoul offers to take prisoners", ())]
    assert window.inspector.events.item(0).text() == "Not linked to any event yet."


def test_words_dropped_on_an_event_link_nothing_a_claim_does(window: MainWindow) -> None:
    claim = mark(window, ACCORDING)
    key = add_event(window, "Seoul offers to take prisoners")
    start = text_of(window).index(ACCORDING)
    window.reader.select_span(start, start + len("According to Cho Tae-yul"))
    assert not drop_on_event(window, key, window.reader.text.createMimeDataFromSelection())
    assert linked_claims(window) == [("Seoul offers to take prisoners", ())]
    window.reader.select_span(start, start + len(ACCORDING))
    assert drop_on_event(window, key, window.reader.text.createMimeDataFromSelection())
    assert linked_claims(window) == [("Seoul offers to take prisoners", (claim,))]


# ------------------------------------------------------------ drops that are refused
@pytest.fixture
def other_window(qtbot: QtBot, demo_template: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """A second window on another project: a copy of the demo file of the same name, elsewhere
    (one project file opens in one window only)."""
    path = tmp_path / "elsewhere" / "Demo.claimline"
    path.parent.mkdir()
    path.write_bytes(demo_template.read_bytes())
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    assert main.open_project(path)
    yield main
    main.close()


@pytest.fixture
def no_dialog(monkeypatch: pytest.MonkeyPatch) -> list[EventDialog]:
    """Event dialogs that would open are cancelled at once, and listed."""
    opened: list[EventDialog] = []

    def cancel(dialog: EventDialog) -> int:
        opened.append(dialog)
        return EventDialog.DialogCode.Rejected.value

    monkeypatch.setattr(EventDialog, "exec", cancel)
    return opened


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


@pytest.mark.parametrize("source", ["claims list", "claim panel"])
def test_claims_from_another_projects_window_are_refused(
        window: MainWindow, other_window: MainWindow, no_dialog: list[EventDialog],
        source: str) -> None:
    own = mark(window, ACCORDING)
    key = add_event(window, "Seoul offers to take prisoners")
    theirs = mark(other_window, "Ukraine")
    assert theirs == own, "the same id names different claims in the two projects"
    if source == "claims list":
        model = other_window.claims.model
        row = model.row_of(theirs)
        assert row is not None
        data = model.mimeData([model.index(row, 0)])
    else:
        maybe = other_window.inspector.drag_mime_data()
        assert maybe is not None
        data = maybe
    depth = window.undo_stack.count()

    assert not drop_on_event(window, key, data)
    assert linked_claims(window) == [("Seoul offers to take prisoners", ())]
    elsewhere = project_key(other_window.document.path)
    assert status(window) == (f"Those claims belong to another project ({elsewhere}); "
                              "copy them by exporting and importing.")
    assert not drop_on_event(window, None, data)  # nor does one start an event
    assert no_dialog == [] and len(window.document.service.list_events()) == 1
    assert window.undo_stack.count() == depth
    # Their own window takes them.
    other_key = add_event(other_window, "Fighting in Ukraine")
    assert drop_on_event(other_window, other_key, data)
    assert linked_claims(other_window) == [("Fighting in Ukraine", (theirs,))]


def test_a_claim_deleted_since_it_was_picked_up_starts_no_event(
        window: MainWindow, no_dialog: list[EventDialog]) -> None:
    claim = mark(window, ACCORDING)
    add_event(window, "Seoul offers to take prisoners")
    data = window.inspector.drag_mime_data()
    assert data is not None and dragged_claim_ids(data) == [claim]
    window.action_undo.trigger()  # the claim is gone again
    article = window.annotation.article_id
    assert article is not None
    assert claim not in [c.id for c in window.document.service.list_claims(article)]
    depth = window.undo_stack.count()

    drop_on_event(window, None, data)  # raises nothing
    assert no_dialog == []
    assert linked_claims(window) == [("Seoul offers to take prisoners", ())]
    assert window.undo_stack.count() == depth
    assert status(window) == (f"Claim {claim} is no longer in this project (deleted "
                              "meanwhile?); nothing was created.")


def test_dropping_a_claim_already_linked_keeps_how_it_relates(window: MainWindow) -> None:
    claim = mark(window, ACCORDING)
    key = add_event(window, "Seoul offers to take prisoners")
    window.event_panel.relationRequested.emit(key, claim, "disputes")  # not yet linked: links
    window.timeline.select_event(key)
    assert [(c.claim.id, c.relation) for c in window.document.service.event_claims(key)] == [
        (claim, "disputes")]
    depth = window.undo_stack.count()
    data = window.inspector.drag_mime_data()
    assert data is not None

    assert drop_on_event(window, key, data)
    assert [(c.claim.id, c.relation) for c in window.document.service.event_claims(key)] == [
        (claim, "disputes")]
    assert window.undo_stack.count() == depth, "nothing changed: nothing to undo"
    assert status(window) == ("That claim is already linked to “Seoul offers to take "
                              "prisoners”; its relation is unchanged.")
    # With a claim not yet linked, that one is linked and the other still disputes it.
    other = mark(window, "Ukraine")
    listed = window.claims.model
    rows = [listed.row_of(c) for c in (claim, other)]
    assert None not in rows
    both = listed.mimeData([listed.index(r, 0) for r in rows if r is not None])
    assert drop_on_event(window, key, both)
    assert sorted((c.claim.id, c.relation) for c in window.document.service.event_claims(key)
                  ) == [(claim, "disputes"), (other, "reports")]
    assert "already linked" in status(window)
