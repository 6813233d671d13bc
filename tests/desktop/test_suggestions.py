"""Pre-annotation from the window, and the suggestions panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.suggestion_model import READING, TEXT, SuggestionTreeModel
from desktop.text_offsets import OffsetMap
from storage import project_settings
from storage.records import SuggestionRecord


def record(i: int, kind: str, text: str, **attributes: object) -> SuggestionRecord:
    return SuggestionRecord(
        id=i, article_id=1, kind=kind, start=i * 10, end=i * 10 + len(text), text=text,
        label={"claim": "claim", "timex": "DATE"}.get(kind, "GPE"), attributes=dict(attributes),
        score=0.7 if kind == "claim" else None, status="open", pipeline="en_core_web_sm",
        pipeline_version="3.8.0", component="ner", rule="", created_at=dt.datetime(2025, 1, 1),
        decided_at=None)


def test_suggestion_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SuggestionTreeModel()
    model.set_suggestions([
        record(1, "claim", "Kyiv said 3,000 were hurt.", claimant="Kyiv"),
        record(2, "timex", "Monday", value="2025-03-17", mod=None),
        record(3, "entity", "Kyiv"),
        record(4, "timex", "early February", value="2025-02", mod="START"),
    ])
    qtmodeltester.check(model)
    timexes = model.index(1, 0)
    assert model.rowCount(timexes) == 2
    assert model.index(1, READING, timexes).data() == "2025-02 (start)"
    assert model.index(0, READING, model.index(0, 0)).data() == "claimant: Kyiv"
    assert model.index(0, TEXT).data() == "Claim candidates (0/1 reviewed)"


def test_preannotate_article_fills_the_panel(window: MainWindow, qtbot: QtBot) -> None:
    assert window.suggestions.model.rowCount(window.suggestions.model.index(0, 0)) == 0
    with qtbot.waitSignal(window.work.annotationFinished, timeout=120_000) as finished:
        window.action_preannotate.trigger()
        assert window.task_progress.isVisible()
    report = finished.args[0]
    assert report.articles_done == 1 and report.added > 0
    model = window.suggestions.model
    claims = model.index(0, 0)
    assert model.rowCount(claims) >= 8
    texts = [model.index(r, TEXT, claims).data() for r in range(model.rowCount(claims))]
    row = next(r for r, t in enumerate(texts) if t.startswith("According to Cho Tae-yul"))
    window.suggestions.tree.setCurrentIndex(model.index(row, TEXT, claims))
    selected = window.reader.text.textCursor().selectedText()
    assert selected.startswith("According to Cho Tae-yul, South Korea is ready")
    assert "en_core_web_sm 3.8.0" in window.suggestions.summary.text()
    tree = window.suggestions.tree
    assert all(tree.isExpanded(model.index(r, 0)) for r in range(model.rowCount())), \
        "every group is open, its suggestions visible"
    assert tree.visualRect(model.index(row, TEXT, claims)).isValid()


def test_a_fallback_pipeline_is_announced(window: MainWindow, qtbot: QtBot) -> None:
    window.document.service.set_setting(project_settings.PIPELINE, "en_core_web_missing")
    with qtbot.waitSignal(window.work.annotationFinished, timeout=120_000):
        window.action_preannotate.trigger()
    box = window.findChild(QMessageBox, "warningMessage")
    assert box is not None and box.isVisible()
    assert "en_core_web_missing" in box.text()


def test_spans_after_emoji_select_the_right_words(window: MainWindow) -> None:
    from storage.importing import ParsedArticle

    text = "Fans 🎉🇺🇦 in 서울 cheered. Then Cho Tae-yul 👩‍👩‍👧 spoke in Київ."
    (article,), _ = window.document.service.add_articles([ParsedArticle(
        text=text, title="Emoji", outlet=None, author=None, url=None, language="en",
        published=None, origin="test", format="txt", cleanup=(), extra={})])
    window.document.announce_added((article,))
    window.articles.select_article(article.id)
    for word in ("Cho Tae-yul", "Київ", "서울"):
        start = text.index(word)
        window.reader.select_span(start, start + len(word))
        assert window.reader.text.textCursor().selectedText() == word
    assert OffsetMap(text).to_qt(text.index("Київ")) > text.index("Київ")
