"""The search panel: article and claim hits, bold matches, jumping, and staying current."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.project_document import ProjectDocument
from desktop.search_panel import SearchPanel, SearchResultModel, plain_snippet, snippet_html
from desktop.undo_commands import CreateClaimCommand, DeleteArticlesCommand
from storage.records import ClaimFields, SearchHit
from storage.service import ProjectService

# An emoji and Cyrillic before the words searched for: offsets are Python code points.
HARBOUR = (
    "🚢 Київ. The harbour reopened on Monday after the storms. Mayor Lind said 40 ships were "
    "waiting in the harbour. Critics say the repairs cost 3 million euros."
)
MINE = "The copper mine will close in 2027, the company said. Ships carried its ore for decades."


@pytest.fixture
def document(
    project: ProjectService, make_parsed: Callable[..., object]
) -> Iterator[ProjectDocument]:
    project.add_articles(
        [
            make_parsed(HARBOUR, title="Harbour reopens", outlet="Coast Daily"),
            make_parsed(MINE, title="Mine to close", outlet="Ore Weekly"),
        ]
    )
    document = ProjectDocument()
    document.set_service(project)
    yield document
    document.close()


@pytest.fixture
def panel(qtbot: QtBot, document: ProjectDocument) -> SearchPanel:
    widget = SearchPanel(document)
    qtbot.addWidget(widget)
    widget.resize(360, 480)
    widget.show()
    return widget


def article_id(document: ProjectDocument, title: str) -> int:
    return next(a.id for a in document.service.list_articles() if a.title == title)


def mark(document: ProjectDocument, title: str, text: str, words: str) -> int:
    start = text.index(words)
    command = CreateClaimCommand(
        document, article_id(document, title), ClaimFields(start, start + len(words)), words
    )
    document.undo_stack.push(command)
    assert command.claim_id is not None
    return command.claim_id


def rows(panel: SearchPanel) -> list[tuple[str, list[str]]]:
    """Each heading with the titles of its hits."""
    model = panel.model
    result = []
    for group in range(model.rowCount()):
        heading = model.index(group, 0)
        hits = [model.hit(model.index(r, 0, heading)) for r in range(model.rowCount(heading))]
        result.append((heading.data(), [h.article_title for h in hits if h is not None]))
    return result


def hit_index(panel: SearchPanel, kind: str, title: str) -> QModelIndex:
    model = panel.model
    for group in range(model.rowCount()):
        heading = model.index(group, 0)
        for row in range(model.rowCount(heading)):
            index = model.index(row, 0, heading)
            hit = model.hit(index)
            if hit is not None and hit.kind == kind and hit.article_title == title:
                return index
    raise AssertionError(f"no {kind} hit in {title}")


def test_snippets_mark_matches_in_bold_and_escape_the_rest() -> None:
    assert snippet_html("…the [harbour] <b>re</b>opened…") == (
        "…the <b>harbour</b> &lt;b&gt;re&lt;/b&gt;opened…"
    )
    assert plain_snippet("[Mayor] [Lind]\nsaid") == "Mayor Lind said"


def test_typing_searches_articles_and_claims_after_a_pause(
    qtbot: QtBot, panel: SearchPanel, document: ProjectDocument
) -> None:
    assert panel.objectName() == "searchPanel"
    assert (panel.field.objectName(), panel.results.objectName()) == (
        "searchField",
        "searchResults",
    )
    mark(document, "Harbour reopens", HARBOUR, "The harbour reopened on Monday")
    qtbot.keyClicks(panel.field, "harbo")
    assert panel.hit_count() == 0  # not at every keystroke
    qtbot.waitUntil(lambda: panel.hit_count() == 2)
    assert rows(panel) == [
        ("Articles · 1", ["Harbour reopens"]),
        ("Claims · 1", ["Harbour reopens"]),
    ]
    assert panel.status.text() == "1 article and 1 claim"


def test_enter_searches_at_once_and_no_matches_says_so(qtbot: QtBot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.field, "ships")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    ((heading, titles),) = rows(panel)
    assert heading == "Articles · 2" and sorted(titles) == ["Harbour reopens", "Mine to close"]
    assert panel.status.text() == "2 articles and 0 claims"
    panel.set_query("zebra")
    assert panel.model.rowCount() == 0 and panel.status.text() == "No matches"
    panel.set_query("")
    assert panel.status.text().startswith("Type words")


def test_activating_an_article_hit_jumps_to_the_first_match(
    qtbot: QtBot, panel: SearchPanel, document: ProjectDocument
) -> None:
    panel.set_query("harbour")
    index = hit_index(panel, "article", "Harbour reopens")
    panel.results.setCurrentIndex(index)
    panel.results.setFocus()
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    start = HARBOUR.index("harbour")
    assert jump.args == [
        article_id(document, "Harbour reopens"),
        start,
        start + len("harbour"),
        -1,
    ]


def test_double_clicking_a_claim_hit_jumps_to_the_claim(
    qtbot: QtBot, panel: SearchPanel, document: ProjectDocument
) -> None:
    claim_id = mark(document, "Harbour reopens", HARBOUR, "40 ships were waiting")
    panel.set_query("ships waiting")
    index = hit_index(panel, "claim", "Harbour reopens")
    centre = panel.results.visualRect(index).center()
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    start = HARBOUR.index("40 ships were waiting")
    assert jump.args == [article_id(document, "Harbour reopens"), start, start + 21, claim_id]


def test_down_in_the_field_moves_to_the_first_hit(
    qtbot: QtBot, panel: SearchPanel, document: ProjectDocument
) -> None:
    mark(document, "Harbour reopens", HARBOUR, "40 ships were waiting")
    panel.set_query("ships")
    panel.field.setFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    hit = panel.current_hit()
    assert hit is not None and hit == panel.model.hit(panel.model.first_hit())
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)  # the other article
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)  # over the Claims heading, to the claim
    hit = panel.current_hit()
    assert hit is not None and hit.kind == "claim"


def test_results_follow_claim_and_article_changes(
    panel: SearchPanel, document: ProjectDocument
) -> None:
    panel.set_query("copper")
    panel.results.setCurrentIndex(hit_index(panel, "article", "Mine to close"))
    mark(document, "Mine to close", MINE, "The copper mine will close in 2027")
    assert panel.status.text() == "1 article and 1 claim"
    current = panel.current_hit()
    assert current is not None and current.kind == "article"  # the selection stays
    document.undo_stack.undo()
    assert panel.status.text() == "1 article and 0 claims"
    mine = article_id(document, "Mine to close")
    document.undo_stack.push(DeleteArticlesCommand(document, (mine,)))
    assert panel.status.text() == "No matches"
    document.undo_stack.undo()
    assert panel.hit_count() == 1


def test_a_project_change_clears_the_search(
    panel: SearchPanel, document: ProjectDocument, tmp_path: Path
) -> None:
    panel.set_query("harbour")
    document.set_service(ProjectService.create(tmp_path / "other.claimline"))
    assert panel.field.text() == "" and panel.hit_count() == 0
    document.close()
    panel.set_query("harbour")  # nothing open: nothing to search, and no error
    assert panel.hit_count() == 0


def test_rows_are_tall_enough_for_title_and_snippet(panel: SearchPanel) -> None:
    panel.set_query("harbour")
    heading = panel.results.visualRect(panel.model.index(0, 0))
    hit = panel.results.visualRect(hit_index(panel, "article", "Harbour reopens"))
    line = panel.results.fontMetrics().height()
    assert heading.height() >= line
    assert hit.height() >= 2 * line
    assert not panel.grab().isNull()  # the delegate paints without errors


def test_result_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = SearchResultModel()
    model.set_hits(
        [
            SearchHit("claim", 1, "Harbour reopens", 7, "[harbour] reopened", 10, 30),
            SearchHit("article", 1, "Harbour reopens", None, "the [harbour]", 4, 11),
            SearchHit("article", 2, "Mine to close", None, "[harbour] fees", 0, 7),
        ]
    )
    qtmodeltester.check(model)
    assert model.counts() == {"article": 2, "claim": 1}
    assert model.index(0, 0).data() == "Articles · 2"
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
