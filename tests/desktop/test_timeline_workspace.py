"""The timeline in the main window: events from claims, dragging dates, linking, exporting."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.event_dialog import EventDialog
from desktop.main_window import MainWindow
from storage.records import EventFields, FuzzyDateFields

KYIV = "Kyiv reported that as of the beginning of January 2025, more than 3,000 North Korean"


def answer_dialog(qtbot: QtBot, fill: Callable[[EventDialog], None]) -> None:
    """Fill in the next event dialog that opens (modally) and press OK."""
    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EventDialog):
            QTimer.singleShot(10, respond)
            return
        fill(dialog)
        assert dialog.can_accept()
        dialog.accept()

    QTimer.singleShot(0, respond)


def mark(window: MainWindow, words: str) -> int:
    text = window.reader.article.text if window.reader.article else ""
    start = text.index(words)
    window.reader.select_span(start, start + len(words))
    window.action_mark_claim.trigger()
    claim = window.annotation.selected_claim
    assert claim is not None
    return claim.id


def events(window: MainWindow) -> list[tuple[str, str | None, tuple[int, ...]]]:
    return [(e.title, e.fields.date.phrase, e.claim_ids)
            for e in window.document.service.list_events()]


def test_an_event_from_a_claim_links_it(window: MainWindow, qtbot: QtBot) -> None:
    claim = mark(window, KYIV)
    answer_dialog(qtbot, lambda d: d.title_edit.setText("Casualty count"))
    window.action_event_from_claim.trigger()
    assert events(window) == [("Casualty count", None, (claim,))]
    assert window.event_panel.current_event is not None
    assert window.event_panel.claims.topLevelItem(0).text(0) == "RBC-Ukraine"
    window.action_undo.trigger()
    assert events(window) == []
    window.action_redo.trigger()
    assert events(window) == [("Casualty count", None, (claim,))]


@pytest.mark.slow
def test_pre_annotated_dates_prefill_the_event(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.work.annotationFinished, timeout=120_000):
        window.action_preannotate.trigger()
    claim = mark(window, KYIV)
    answer_dialog(qtbot, lambda d: d.title_edit.setText("Casualties by January"))
    window.inspector.new_event.click()
    ((title, phrase, claims),) = events(window)
    assert (title, phrase, claims) == ("Casualties by January", "the beginning of January 2025",
                                       (claim,))
    (event,) = window.document.service.list_events()
    assert (event.fields.date.value, event.fields.date.mod) == ("2025-01", "START")
    assert window.timeline_panel.count.text() == "1 events"


def add_event(window: MainWindow, title: str, date: FuzzyDateFields | None = None,
              tags: tuple[str, ...] = (), claims: tuple[int, ...] = ()) -> int:
    change = window.document.edit_events(lambda s: s.create_event(
        EventFields(title, date or FuzzyDateFields(), tags=tags), [(c, "reports") for c in claims]))
    return change.changed.event_ids[0]


EARLY_FEB = FuzzyDateFields("early February 2025", "DATE", "2025-02", "START",
                            "2025-02-01/2025-02-10", dt.date(2025, 2, 1), dt.date(2025, 2, 10))


def test_dragging_an_event_says_what_its_date_became(window: MainWindow) -> None:
    key = add_event(window, "Losses in Kursk", EARLY_FEB)
    window.timeline_panel.view.moveRequested.emit(
        key, dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 10, 23, 59, 59))
    (event,) = window.document.service.list_events()
    date = event.fields.date
    assert (date.phrase, date.value, date.mod) == ("early March 2025", "2025-03", "START")
    assert "early March 2025" in window.statusBar().currentMessage()
    window.timeline_panel.view.boundsRequested.emit(
        key, dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 31, 23, 59, 59))
    assert window.document.service.list_events()[0].fields.date.phrase == "March 2025"
    window.action_undo.trigger()
    window.action_undo.trigger()
    assert window.document.service.list_events()[0].fields.date == EARLY_FEB


def test_dropping_claims_links_them_and_the_panel_groups_them(window: MainWindow) -> None:
    original_claim = mark(window, KYIV)
    window.articles.select_article(window.articles.model.article_at(1).id)
    rewrite_claim = mark(window, "Reports from Kyiv revealed that as of early January 2025")
    key = add_event(window, "Casualties by January", EARLY_FEB)
    window.timeline_panel.view.claimsDropped.emit(key, [original_claim, rewrite_claim])
    ((_t, _p, linked),) = events(window)
    assert set(linked) == {original_claim, rewrite_claim}
    window.timeline.select_event(key)
    tree = window.event_panel.claims
    sources = sorted(tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()))
    assert sources[0] == "RBC-Ukraine" and len(sources) == 2, "one group per source"
    window.annotation.select_claim(rewrite_claim)
    assert window.inspector.events.item(0).text().startswith("Casualties by January")


def test_filters_and_undated_events(window: MainWindow) -> None:
    add_event(window, "Talks", EARLY_FEB, tags=("diplomacy",))
    add_event(window, "Shelling", EARLY_FEB, tags=("war",))
    add_event(window, "Someday", tags=("war",))
    panel = window.timeline_panel
    assert panel.count.text() == "3 events"
    assert panel.undated.count() == 1
    panel.tag.setCurrentText("war")
    assert panel.count.text() == "2 of 3 events"
    panel.words.setText("shell")
    panel.filtersChanged.emit()
    assert panel.count.text() == "1 of 3 events"


def test_timelinejs_export(window: MainWindow, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    add_event(window, "Talks", EARLY_FEB, tags=("diplomacy",))
    target = tmp_path / "timeline.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.timeline.export_timelinejs()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["events"][0]["text"]["headline"] == "Talks"
    assert document["events"][0]["display_date"] == "early February 2025"


def test_selecting_a_claim_highlights_its_events(window: MainWindow) -> None:
    claim = mark(window, KYIV)
    key = add_event(window, "Casualties", EARLY_FEB, claims=(claim,))
    add_event(window, "Other", EARLY_FEB)
    window.annotation.select_claim(claim)
    assert window.timeline_panel.view.highlighted() == [key]


def test_a_claim_can_be_linked_from_the_claim_panel(window: MainWindow) -> None:
    claim = mark(window, KYIV)
    key = add_event(window, "Casualties", EARLY_FEB)
    window.inspector.linkEventRequested.emit(claim, key)
    assert events(window)[0][2] == (claim,)
    window.action_undo.trigger()
    assert events(window)[0][2] == ()


def test_events_whose_claims_disagree_are_marked(window: MainWindow) -> None:
    original_claim = mark(window, KYIV)
    window.articles.select_article(window.articles.model.article_at(1).id)
    rewrite_claim = mark(window, "Reports from Kyiv revealed that as of early January 2025")
    key = add_event(window, "Casualties by January", EARLY_FEB,
                    claims=(original_claim, rewrite_claim))
    index = window.timeline_panel.view.index
    assert not index.items[key].conflict
    window.timeline.event_panel.relationRequested.emit(key, rewrite_claim, "disputes")
    assert index.items[key].conflict, "a claim disputing the event marks it"
    window.action_undo.trigger()
    assert not index.items[key].conflict
