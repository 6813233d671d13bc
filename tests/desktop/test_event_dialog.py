"""EventDialog: create or edit an event; OK only when there is a title and a readable date."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from annotators.temporal import fuzzy_date_for_bounds, parse_date_phrase
from desktop.event_dialog import EventDialog, EventDraft, LastItemCompleter, split_tags
from desktop.fuzzy_date_edit import EMPTY_READING

ANCHOR = dt.date(2025, 3, 17)
NAMES = ("North Korea", "Russia", "Ukraine", "Armed Forces of Ukraine", "Kim Jong Un")
PLACES = ("Kursk", "Kursk Oblast", "Kyiv", "Pyongyang")
TAGS = ("casualties", "North Korea", "Kursk offensive", "foreign troops")
# Typing into fields with completions opens popups, which the offscreen platform cannot
# raise or give the keyboard to.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def kursk_draft() -> EventDraft:
    return EventDraft(
        title="North Korean troops lose about 4,000 soldiers in Kursk",
        date=parse_date_phrase("early February 2025", ANCHOR),
        description="Ukrainian and South Korean intelligence estimates; not verified.",
        place="Kursk",
        participants=("North Korea", "Russia", "Armed Forces of Ukraine"),
        tags=("casualties", "North Korea", "Kursk offensive"),
    )


def open_dialog(qtbot: QtBot, draft: EventDraft | None = None, **kwargs: object) -> EventDialog:
    options: dict[str, object] = {"anchor": ANCHOR, "names": NAMES, "places": PLACES,
                                  "tags": TAGS, **kwargs}
    dialog = EventDialog(draft=draft, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as a dialog opened by the user is: completion needs it
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_draft_comes_back_unchanged(qtbot: QtBot) -> None:
    draft = kursk_draft()
    dialog = open_dialog(qtbot, draft, title="Edit event")
    assert dialog.objectName() == "eventDialog"
    assert dialog.windowTitle() == "Edit event"
    assert dialog.title_edit.text() == draft.title
    assert dialog.date_edit.text() == "early February 2025"
    assert dialog.date_edit.reading_text() == (
        "early February 2025 · TIMEX3 2025-02 START · EDTF 2025-02-01/2025-02-10 · "
        "1–10 February 2025")
    assert dialog.place.currentText() == "Kursk"
    assert dialog.tags_edit.text() == "casualties, North Korea, Kursk offensive"
    assert dialog.ok_button.isEnabled()
    assert dialog.draft() == draft


def test_a_dragged_date_comes_back_exactly(qtbot: QtBot) -> None:
    week = fuzzy_date_for_bounds(dt.date(2025, 3, 17), dt.date(2025, 3, 23))
    draft = EventDraft("Talks in Riyadh", week, "", None, (), ())
    assert open_dialog(qtbot, draft).draft() == draft


def test_a_new_event_starts_empty_and_needs_a_title(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "New event"
    assert not dialog.ok_button.isEnabled()
    assert "title" in dialog.ok_button.toolTip()
    assert dialog.date_edit.reading_text() == EMPTY_READING
    QTest.keyClicks(dialog.title_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.title_edit, "Phone call between Putin and Trump")
    assert dialog.ok_button.isEnabled()  # an undated event is fine
    with qtbot.waitSignal(dialog.accepted):
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.draft() == EventDraft("Phone call between Putin and Trump", None, "", None,
                                        (), ())


def test_an_unreadable_date_disables_ok_and_says_why(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.date_edit.input.clear()
    with qtbot.waitSignal(dialog.date_edit.validityChanged,
                          check_params_cb=lambda ok: ok is False):
        QTest.keyClicks(dialog.date_edit.input, "early Febtober 2025")
    assert not dialog.ok_button.isEnabled()
    assert "date cannot be read" in dialog.ok_button.toolTip()
    assert dialog.date_edit.reading_text().startswith("I could not read 'early Febtober 2025'")
    with qtbot.waitSignal(dialog.date_edit.validityChanged,
                          check_params_cb=lambda ok: ok is True):
        dialog.date_edit.input.clear()
    assert dialog.ok_button.isEnabled()  # emptied: the event becomes undated
    assert dialog.draft().date is None


def test_ok_checks_text_typed_just_before_it(qtbot: QtBot) -> None:
    """A click on OK within the debounce time still sees the unreadable date."""
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.date_edit.input.setText("sometime soon-ish")
    assert dialog.ok_button.isEnabled()  # the reading has not caught up yet...
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.ok_button.isEnabled()  # ...and now it has


@pytest.mark.parametrize(("typed", "reading"), [
    ("mid-March", "mid-March 2025 · TIMEX3 2025-03 MID · EDTF 2025-03-11/2025-03-20 · "
                  "11–20 March 2025 · read against the publication date, 17 March 2025"),
    ("on Monday", "17 March 2025 · TIMEX3 2025-03-17 · EDTF 2025-03-17 · "
                  "read against the publication date, 17 March 2025"),
])
def test_the_anchor_reads_relative_dates(qtbot: QtBot, typed: str, reading: str) -> None:
    dialog = open_dialog(qtbot)
    QTest.keyClicks(dialog.title_edit, "Call")
    QTest.keyClicks(dialog.date_edit.input, typed)
    qtbot.waitUntil(lambda: dialog.date_edit.reading_text() == reading)
    date = dialog.draft().date
    assert date is not None and date.anchor == ANCHOR and date.phrase == typed


def test_without_an_anchor_relative_dates_are_refused(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, anchor=None)
    QTest.keyClicks(dialog.title_edit, "Call")
    with qtbot.waitSignal(dialog.date_edit.validityChanged):
        QTest.keyClicks(dialog.date_edit.input, "on Monday")
    assert "no publication date" in dialog.date_edit.reading_text()
    assert not dialog.ok_button.isEnabled()


def test_participants_are_added_and_removed(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.participant_input.setFocus()
    QTest.keyClicks(dialog.participant_input, "  kim   jong un ")
    QTest.keyClick(dialog.participant_input, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Return in the name field adds the name; it is not OK
    assert dialog.participant_input.text() == ""
    QTest.keyClicks(dialog.participant_input, "Wagner Group")
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(dialog.participant_input, "RUSSIA")  # already there: not twice
    QTest.keyClick(dialog.participant_input, Qt.Key.Key_Return)
    assert dialog.draft().participants == (
        "North Korea", "Russia", "Armed Forces of Ukraine", "Kim Jong Un", "Wagner Group")
    assert dialog.participants.currentItem().text() == "Russia"  # the existing one is shown

    dialog.participants.clearSelection()
    assert not dialog.remove_button.isEnabled()
    dialog.participants.item(0).setSelected(True)
    dialog.participants.item(2).setSelected(True)
    assert dialog.remove_button.isEnabled()
    QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.draft().participants == ("Russia", "Kim Jong Un", "Wagner Group")
    dialog.participants.setFocus()
    dialog.participants.setCurrentRow(2)
    QTest.keyClick(dialog.participants, Qt.Key.Key_Delete)
    assert dialog.draft().participants == ("Russia", "Kim Jong Un")


def test_a_participant_can_be_corrected_in_place(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.participants.item(1).setText("  Russian Federation ")
    assert dialog.draft().participants == ("North Korea", "Russian Federation",
                                           "Armed Forces of Ukraine")


def test_choosing_a_suggested_name_adds_it(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    dialog.participant_input.setFocus()
    QTest.keyClicks(dialog.participant_input, "ukr")
    completer = dialog.participant_input.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None and popup.isVisible() and completer.completionCount() == 2
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.participants.count() == 1)
    assert dialog.participant_names() == ("Armed Forces of Ukraine",)
    assert dialog.participant_input.text() == ""
    assert dialog.isVisible()


def test_tags_are_split_tidied_and_spelt_as_known(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.tags_edit.clear()
    QTest.keyClicks(dialog.tags_edit, " casualties ,north korea,, new  tag, CASUALTIES, ")
    assert dialog.draft().tags == ("casualties", "North Korea", "new tag")
    assert split_tags("") == ()


def test_tags_complete_the_item_after_the_last_comma(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    completer = dialog.tags_edit.completer()
    assert isinstance(completer, LastItemCompleter)
    popup = completer.popup()
    assert popup is not None
    dialog.tags_edit.setFocus()
    QTest.keyClicks(dialog.tags_edit, "casualties, kur")
    assert popup.isVisible() and completer.completionCount() == 1
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.tags_edit.text() == "casualties, Kursk offensive, "
    QTest.keyClicks(dialog.tags_edit, "troops")  # "contains", not only "starts with"
    assert completer.completionCount() == 1
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.draft().tags == ("casualties", "Kursk offensive", "foreign troops")


def test_place_is_chosen_or_typed(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert [dialog.place.itemText(i) for i in range(dialog.place.count())] == list(PLACES)
    assert dialog.place.currentText() == "" and dialog.draft().place is None
    dialog.place.setCurrentIndex(PLACES.index("Pyongyang"))
    assert dialog.draft().place == "Pyongyang"
    dialog.place.setEditText("  Sudzha ")
    assert dialog.draft().place == "Sudzha"


def test_description_is_multi_line(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.description.setPlainText("First line.\n\nSecond paragraph.\n")
    assert dialog.draft().description == "First line.\n\nSecond paragraph."


def test_return_in_the_title_accepts_a_complete_form(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    dialog.title_edit.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.title_edit, Qt.Key.Key_Return)


def test_cancel_rejects(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, kursk_draft())
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_lists_given_as_lists_still_make_equal_drafts() -> None:
    draft = EventDraft("x", None, "", None, ["A", "B"], ["t"])  # type: ignore[arg-type]
    assert draft == EventDraft("x", None, "", None, ("A", "B"), ("t",))
