"""The claims browser: every filter, refreshes after claim/label edits and undo, jumping."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.claim_table_model import LABELS, QUOTE, ClaimIdRole, LabelChipsRole
from desktop.claims_browser import ClaimsBrowser
from desktop.project_document import ProjectDocument
from desktop.undo_commands import (
    CreateClaimCommand,
    DeleteClaimsCommand,
    DeleteLabelCommand,
    EditClaimCommand,
    EditLabelCommand,
)
from storage.records import ClaimFields
from storage.service import ProjectService

HARBOUR = (
    "🚢 The harbour reopened on Monday after the storms. Mayor Lind said 40 ships were "
    "waiting. Critics say the repairs cost 3 million euros."
)
MINE = "The copper mine will close in 2027, the company said. Unions say 300 jobs are at risk."


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def document(
    project: ProjectService, make_parsed: Callable[..., object]
) -> Iterator[ProjectDocument]:
    (harbour, mine), _ = project.add_articles([
        make_parsed(HARBOUR, title="Harbour reopens", outlet="Coast Daily"),
        make_parsed(MINE, title="Mine to close", outlet="Ore Weekly"),
    ])  # fmt: skip
    figure, event, statement = (label.id for label in project.list_labels()[:3])
    project.create_claim(
        harbour.id,
        ClaimFields(*span(HARBOUR, "The harbour reopened on Monday"), label_ids=(event,)),
    )
    project.create_claim(
        harbour.id,
        ClaimFields(
            *span(HARBOUR, "40 ships were waiting"),
            claimant="Mayor Lind",
            status="reviewed",
            label_ids=(figure, statement),
            note="port log says 38",
        ),
    )
    project.create_claim(
        mine.id,
        ClaimFields(
            *span(MINE, "The copper mine will close in 2027"),
            claimant="the company",
            status="flagged",
            label_ids=(event,),
        ),
    )
    project.create_claim(mine.id, ClaimFields(
        *span(MINE, "300 jobs are at risk"), claimant="Unions", label_ids=(figure,)))  # fmt: skip
    document = ProjectDocument()
    document.set_service(project)
    yield document
    document.close()


@pytest.fixture
def browser(qtbot: QtBot, document: ProjectDocument) -> ClaimsBrowser:
    widget = ClaimsBrowser(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    return widget


def quotes(browser: ClaimsBrowser) -> list[str]:
    proxy = browser.proxy
    return sorted(proxy.index(row, QUOTE).data() for row in range(proxy.rowCount()))


def article_id(document: ProjectDocument, title: str) -> int:
    return next(a.id for a in document.service.list_articles() if a.title == title)


def test_shows_every_claim_with_names_and_the_count(browser: ClaimsBrowser) -> None:
    assert browser.objectName() == "claimsBrowser"
    assert browser.table.objectName() == "claimTable"
    assert browser.proxy.rowCount() == 4
    assert browser.count.text() == "4 claims"
    assert [browser.label_filter.itemText(i) for i in range(4)] == [
        "Any label", "Figure", "Event", "Statement"
    ]  # fmt: skip
    row = browser.model.row_of(2)
    assert row is not None
    assert browser.model.index(row, LABELS).data() == "Figure, Statement"


def test_models_pass_the_qt_model_tester(
    browser: ClaimsBrowser, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(browser.model)
    qtmodeltester.check(browser.proxy)


def test_text_filters_narrow_the_list_after_a_pause(qtbot: QtBot, browser: ClaimsBrowser) -> None:
    qtbot.keyClicks(browser.claimant, "lind")
    qtbot.waitUntil(lambda: browser.proxy.rowCount() == 1)
    assert quotes(browser) == ["40 ships were waiting"]
    assert browser.count.text() == "1 of 4 claims"
    browser.claimant.clear()
    qtbot.keyClicks(browser.outlet, "ore week")
    qtbot.keyClick(browser.outlet, Qt.Key.Key_Return)  # Enter filters at once
    assert quotes(browser) == ["300 jobs are at risk", "The copper mine will close in 2027"]
    browser.outlet.clear()
    browser.words.setText("port log")  # words in the note count too
    browser.refresh()
    assert quotes(browser) == ["40 ships were waiting"]
    browser.words.setText("harbour")
    browser.refresh()
    assert quotes(browser) == ["The harbour reopened on Monday"]


def test_label_status_and_scope_filters(browser: ClaimsBrowser, document: ProjectDocument) -> None:
    browser.label_filter.setCurrentIndex(browser.label_filter.findText("Event"))
    assert quotes(browser) == [
        "The copper mine will close in 2027",
        "The harbour reopened on Monday",
    ]
    browser.status_filter.setCurrentIndex(browser.status_filter.findText("flagged"))
    assert quotes(browser) == ["The copper mine will close in 2027"]
    assert browser.count.text() == "1 of 4 claims"
    browser.clear_filters()
    assert browser.count.text() == "4 claims"

    browser.scope.setCurrentIndex(browser.scope.findText("This article"))
    assert quotes(browser) == []  # no article is being read yet
    browser.set_current_article(article_id(document, "Harbour reopens"))
    assert quotes(browser) == ["40 ships were waiting", "The harbour reopened on Monday"]
    browser.set_current_article(article_id(document, "Mine to close"))
    assert len(quotes(browser)) == 2 and "300 jobs are at risk" in quotes(browser)
    browser.scope.setCurrentIndex(browser.scope.findText("All articles"))
    assert len(quotes(browser)) == 4
    assert browser.filter_arguments() == {
        "label_ids": None, "claimant": None, "statuses": None, "article_ids": None,
        "outlet": None, "words": None,
    }  # fmt: skip


def test_follows_claim_edits_and_their_undo_keeping_the_selection(
    browser: ClaimsBrowser, document: ProjectDocument
) -> None:
    stack = document.undo_stack
    harbour = article_id(document, "Harbour reopens")
    assert browser.select_claim(2)
    create = CreateClaimCommand(
        document, harbour, ClaimFields(*span(HARBOUR, "the repairs cost 3 million euros")), "x"
    )
    stack.push(create)
    assert browser.count.text() == "5 claims"
    assert "the repairs cost 3 million euros" in quotes(browser)
    assert browser.current_claim_id() == 2

    before = ClaimFields.of(document.service.get_claim(2))
    after = ClaimFields(before.start, before.end, "Harbour master", None, "flagged", "", ())
    stack.push(EditClaimCommand(document, 2, before, after, "Edit claim"))
    row = browser.model.row_of(2)
    assert row is not None
    assert [browser.model.index(row, c).data() for c in (1, 2, 3)] == [
        "Harbour master", "", "flagged"
    ]  # fmt: skip
    assert browser.current_claim_id() == 2

    stack.push(DeleteClaimsCommand(document, (2,)))
    assert browser.count.text() == "4 claims" and browser.model.row_of(2) is None
    stack.undo()  # the deleted claim comes back, as it was after the edit
    assert browser.model.row_of(2) is not None and browser.count.text() == "5 claims"
    stack.undo()
    stack.undo()
    assert browser.count.text() == "4 claims"
    row = browser.model.row_of(2)
    assert row is not None and browser.model.index(row, 1).data() == "Mayor Lind"
    stack.redo()
    assert browser.count.text() == "5 claims"


def test_filters_hold_while_claims_change(
    browser: ClaimsBrowser, document: ProjectDocument
) -> None:
    browser.status_filter.setCurrentIndex(browser.status_filter.findText("reviewed"))
    assert browser.count.text() == "1 of 4 claims"
    mine = article_id(document, "Mine to close")
    fields = ClaimFields(*span(MINE, "the company said"), status="reviewed")
    document.undo_stack.push(CreateClaimCommand(document, mine, fields, "the company said"))
    assert browser.count.text() == "2 of 5 claims"
    document.undo_stack.undo()
    assert browser.count.text() == "1 of 4 claims"


def test_label_edits_show_in_the_rows_and_the_label_filter(
    browser: ClaimsBrowser, document: ProjectDocument
) -> None:
    figure = document.service.list_labels()[0]
    browser.label_filter.setCurrentIndex(browser.label_filter.findText("Figure"))
    assert browser.count.text() == "2 of 4 claims"
    renamed = type(figure)(figure.id, "Number", "#112233", figure.shortcut, "", figure.position)
    document.undo_stack.push(EditLabelCommand(document, figure, renamed))
    assert browser.label_filter.currentText() == "Number"
    assert browser.count.text() == "2 of 4 claims"
    row = browser.model.row_of(2)
    assert row is not None
    assert browser.model.index(row, LABELS).data() == "Number, Statement"
    assert browser.model.index(row, LABELS).data(LabelChipsRole)[0] == (
        "Number", "#112233"
    )  # fmt: skip
    document.undo_stack.push(DeleteLabelCommand(document, renamed))
    assert browser.label_filter.currentText() == "Any label"  # the chosen label is gone
    assert browser.count.text() == "4 claims"
    row = browser.model.row_of(2)
    assert row is not None
    assert browser.model.index(row, LABELS).data() == "Statement"
    document.undo_stack.undo()
    assert browser.label_filter.findText("Number") > 0
    assert browser.model.index(browser.model.row_of(2) or 0, LABELS).data() == "Number, Statement"


def test_activating_a_row_asks_to_jump_to_the_claim(
    qtbot: QtBot, browser: ClaimsBrowser, document: ProjectDocument
) -> None:
    browser.select_claim(4)
    browser.table.setFocus()
    with qtbot.waitSignal(browser.jumpRequested) as jump:
        qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    claim = document.service.get_claim(4)
    assert jump.args == [claim.article_id, claim.start, claim.end, 4]
    assert MINE[claim.start : claim.end] == "300 jobs are at risk"

    index = browser.proxy.index(0, QUOTE)
    rect = browser.table.visualRect(index)
    claim_id = index.data(ClaimIdRole)
    with qtbot.waitSignal(browser.jumpRequested) as jump:
        qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jump.args is not None and jump.args[3] == claim_id


def test_closing_and_opening_projects(
    browser: ClaimsBrowser, document: ProjectDocument, tmp_path: Path
) -> None:
    browser.words.setText("harbour")
    browser.refresh()
    document.close()
    assert browser.proxy.rowCount() == 0 and browser.count.text() == "0 claims"
    assert browser.words.text() == ""
    assert browser.label_filter.count() == 1
    document.set_service(ProjectService.create(tmp_path / "other.claimline"))
    assert browser.count.text() == "0 claims"
    assert browser.label_filter.count() == 6  # Any label and the five default labels
