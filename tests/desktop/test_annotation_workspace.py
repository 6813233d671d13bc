"""The annotation workspace driven with the keyboard: mark, label, adjust, review, find."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from storage.importing import ParsedArticle
from storage.service import ProjectService

ACCORDING = "According to Cho Tae-yul, South Korea is ready to accept all North Korean soldiers"


def reader_text(window: MainWindow) -> str:
    article = window.reader.article
    assert article is not None
    return article.text


def select_words(window: MainWindow, words: str, trim: int = 0) -> tuple[int, int]:
    """Select `words` in the reader, minus `trim` characters at each end (a sloppy drag)."""
    text = reader_text(window)
    start = text.index(words)
    window.reader.select_span(start + trim, start + len(words) - trim)
    return start, start + len(words)


def claims(window: MainWindow) -> list[tuple[str, str | None, tuple[int, ...]]]:
    service = window.document.service
    article = window.articles.current_article_id()
    assert article is not None
    return [(c.quote, c.claimant, c.label_ids) for c in service.list_claims(article)]


def test_mark_a_claim_with_one_key_snapping_to_words(window: MainWindow, qtbot: QtBot) -> None:
    select_words(window, ACCORDING, trim=2)
    window.reader.setFocus()
    window.action_mark_claim.trigger()
    assert claims(window) == [(ACCORDING, None, ())]
    assert window.inspector.quote.text() == f"“{ACCORDING}”"
    assert window.articles.model.index(0, 5).data() == "1"  # the Claims column

    window.action_undo.trigger()
    assert claims(window) == []
    assert window.inspector.claim is None
    window.action_redo.trigger()
    assert claims(window) == [(ACCORDING, None, ())]


def test_exact_mark_keeps_the_selection_as_it_is(window: MainWindow) -> None:
    start, end = select_words(window, ACCORDING, trim=2)
    window.action_mark_exact.trigger()
    assert claims(window) == [(reader_text(window)[start + 2:end - 2], None, ())]


def test_labels_claimant_and_span_edits_are_undoable(window: MainWindow, qtbot: QtBot) -> None:
    select_words(window, ACCORDING)
    window.action_mark_claim.trigger()
    event = window.document.service.list_labels()[1]
    window.label_key_actions[0].trigger()  # key 1
    window.label_key_actions[1].trigger()  # key 2
    window.label_key_actions[0].trigger()  # key 1 again: off
    assert claims(window)[0][2] == (event.id,)

    combo = window.inspector.claimant
    line = combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Cho Tae-yul")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert claims(window)[0][1] == "Cho Tae-yul"
    assert "Cho Tae-yul" in [combo.itemText(i) for i in range(combo.count())]

    end_later, = [a for a in window.claim_edge_actions if a.objectName() == "actionClaimEndLater"]
    end_later.trigger()
    assert claims(window)[0][0] == ACCORDING + " captured"
    history = [window.inspector.history.item(i).text()
               for i in range(window.inspector.history.count())]
    assert any("claimant" in line for line in history)

    for _ in range(5):
        window.action_undo.trigger()
    assert claims(window) == [(ACCORDING, None, ())]


def test_delete_claim_from_the_reader(window: MainWindow) -> None:
    select_words(window, ACCORDING)
    window.action_mark_claim.trigger()
    window.action_delete_claim.trigger()
    assert claims(window) == []
    window.action_undo.trigger()
    assert claims(window) == [(ACCORDING, None, ())]


def test_a_claim_after_emoji_and_other_scripts_is_exact_after_reopening(
    window: MainWindow, tmp_path: object
) -> None:
    text = "Fans 🇺🇦👩‍👩‍👧 in 서울 cheered. Then Київ said ١٢ ships (٣ sank) arrived."
    (article,), _ = window.document.service.add_articles([ParsedArticle(
        text=text, title="Mixed", outlet=None, author=None, url=None, language="en",
        published=None, origin="test", format="txt", cleanup=(), extra={})])
    window.document.announce_added((article,))
    window.articles.select_article(article.id)
    select_words(window, "Київ said ١٢ ships")
    window.action_mark_claim.trigger()
    path = window.document.path
    assert path is not None
    window.close_project()
    with ProjectService.open(path) as project:
        (claim,) = project.list_claims(article.id)
    assert claim.quote == "Київ said ١٢ ships"
    assert text[claim.start:claim.end] == claim.quote


@pytest.mark.slow
def test_keyboard_review_of_suggestions(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.work.annotationFinished, timeout=120_000):
        window.action_preannotate.trigger()
    panel = window.suggestions
    model = panel.model
    claims_group = model.index(0, 0)
    first = model.index(0, 0, claims_group)
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(first)
    candidate = panel.current_suggestion()
    assert candidate is not None and candidate.kind == "claim"

    qtbot.keyClick(panel.tree, Qt.Key.Key_A)
    statuses = {s.id: s.status for s in window.document.service.list_suggestions(
        candidate.article_id)}
    assert statuses[candidate.id] == "accepted"
    assert claims(window)[0][0] == candidate.text
    following = panel.current_suggestion()
    assert following is not None and following.id != candidate.id, "the review moves on"

    qtbot.keyClick(panel.tree, Qt.Key.Key_R)
    assert {s.id: s.status for s in window.document.service.list_suggestions(
        candidate.article_id)}[following.id] == "rejected"
    reviewed = window.articles.model.index(0, 6).data()
    assert reviewed and reviewed.endswith("%") and reviewed != "0%"

    qtbot.keyClick(panel.tree, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    service = window.document.service
    open_claims = [s for s in service.list_suggestions(candidate.article_id)
                   if s.kind == "claim" and s.status == "open"]
    assert open_claims == []
    with_cho = [c for c in service.list_claims(candidate.article_id)
                if c.quote.startswith("According to Cho Tae-yul")]
    assert with_cho and with_cho[0].claimant == "Cho Tae-yul"

    window.action_undo.trigger()  # accept all of the kind
    window.action_undo.trigger()  # the rejection
    window.action_undo.trigger()  # the first acceptance
    assert service.list_claims(candidate.article_id) == []
    assert all(s.status == "open" for s in service.list_suggestions(candidate.article_id))


def test_search_and_claims_list_jump_to_the_place(window: MainWindow, qtbot: QtBot) -> None:
    select_words(window, ACCORDING)
    window.action_mark_claim.trigger()
    window.articles.select_article(window.articles.model.article_at(1).id)  # the rewrite

    window.claims.select_claim(window.document.service.find_claims()[0].claim.id)
    listing = window.document.service.find_claims()[0]
    window.claims.jumpRequested.emit(listing.claim.article_id, listing.claim.start,
                                     listing.claim.end, listing.claim.id)
    assert window.articles.current_article_id() == listing.claim.article_id
    assert window.reader.text.textCursor().selectedText() == ACCORDING
    assert window.inspector.claim is not None and window.inspector.claim.id == listing.claim.id

    window.action_search.trigger()
    assert window.search.field.hasFocus() or window.search_dock.isVisible()
    window.search.set_query("Budanov modernized")
    assert window.search.hit_count() == 1  # only the original says "modernized"
    first = window.search.model.first_hit()
    window.search.results.setCurrentIndex(first)
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert window.reader.title.text().startswith("Ukraine and South Korea discuss")
    assert window.reader.text.textCursor().selectedText() in ("Budanov", "modernized")
