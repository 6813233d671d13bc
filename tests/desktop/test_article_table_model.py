"""The article list model and its sort/filter proxy."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.article_table_model import (
    PUBLISHED,
    TITLE,
    WORDS,
    ArticleFilterProxy,
    ArticleIdRole,
    ArticleTableModel,
)
from storage.records import ArticleMetadata, ArticlesChanged, ArticleSummary


def summary(article_id: int, title: str, *, outlet: str | None = None,
            published: dt.date | None = None, words: int = 100,
            derived_from: tuple[int, ...] = ()) -> ArticleSummary:
    return ArticleSummary(
        id=article_id, uid=f"u{article_id}",
        metadata=ArticleMetadata(title=title, outlet=outlet, published=published, language="en"),
        char_count=words * 6, word_count=words, origin=f"/corpus/{article_id}.txt",
        source_format="txt", imported_at=dt.datetime(2025, 1, 1), derived_from=derived_from,
    )


ARTICLES = [
    summary(1, "Harbour reopens", outlet="Coast Daily", published=dt.date(2025, 3, 4), words=420),
    summary(2, "Mine to close", outlet="Ore Weekly", words=1250),
    summary(3, "Strike ends", outlet="Wire", published=dt.date(2024, 11, 30), words=80,
            derived_from=(1,)),
]


def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = ArticleTableModel()
    model.set_articles(ARTICLES)
    qtmodeltester.check(model)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(PUBLISHED)
    qtmodeltester.check(proxy)


def test_changes_are_applied_row_by_row(qtmodeltester: ModelTester) -> None:
    model = ArticleTableModel()
    model.set_articles(ARTICLES)
    qtmodeltester.check(model, force_py=True)
    fresh = {4: summary(4, "Ferries", words=60),
             2: summary(2, "Mine to close in 2027", outlet="Ore Weekly", words=1250)}
    model.apply_change(ArticlesChanged(added=(4,), updated=(2,), removed=(1,)),
                       lambda ids: [fresh[i] for i in ids if i in fresh])
    assert [model.index(r, TITLE).data() for r in range(model.rowCount())] == [
        "Mine to close in 2027", "↳ Strike ends", "Ferries"
    ]
    assert [model.index(r, 0).data(ArticleIdRole) for r in range(model.rowCount())] == [2, 3, 4]


def test_unknown_dates_sort_after_known_ones() -> None:
    model = ArticleTableModel()
    model.set_articles(ARTICLES)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(PUBLISHED, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, PUBLISHED).data() for r in range(3)] == [
        "2024-11-30", "2025-03-04", ""
    ]
    proxy.sort(WORDS, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, WORDS).data() for r in range(3)] == ["1,250", "420", "80"]


def test_filter_matches_every_word_in_metadata_or_the_text_index() -> None:
    model = ArticleTableModel()
    model.set_articles(ARTICLES)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("coast harbour")
    assert proxy.rowCount() == 1
    proxy.set_filter("weekly")
    assert proxy.index(0, TITLE).data() == "Mine to close"
    proxy.set_filter("centimetres", text_matches={3})
    assert proxy.index(0, TITLE).data() == "↳ Strike ends"
    proxy.set_filter("")
    assert proxy.rowCount() == 3


def test_derived_articles_say_where_they_come_from() -> None:
    model = ArticleTableModel()
    model.set_articles(ARTICLES)
    tip = model.index(2, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Derived from: Harbour reopens" in tip
