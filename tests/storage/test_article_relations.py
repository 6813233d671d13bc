"""Recording which article is a rewrite of which: set, replace, clear, restore, refuse."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from storage.records import ArticlesChanged
from storage.service import ArticleNotFound, InvalidEdit, ProjectService

TEXTS = (
    "The harbour of Tidewick reopened on Tuesday after a week of storms.",
    "Tidewick's harbour is open again after storms battered the coast for a week.",
    "After seven days of storms, boats are back in Tidewick harbour.",
    "A copper mine near Ostrava will close in 2027, the company announced.",
)

Row = tuple[object, ...]


@pytest.fixture
def ids(project: ProjectService, make_parsed) -> list[int]:  # type: ignore[no-untyped-def]
    added, _ = project.add_articles(
        [make_parsed(text, title=f"Story {n}") for n, text in enumerate(TEXTS)]
    )
    return [a.id for a in added]


def relations(path: Path) -> list[Row]:
    """The article_relations table as a separate connection reads it."""
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT * FROM article_relations ORDER BY id").fetchall()


def history(path: Path) -> list[Row]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT subject_id, action, detail FROM changes WHERE action LIKE 'original%'"
            " ORDER BY id"
        ).fetchall()


def test_set_original_records_the_rewrite(project: ProjectService, ids: list[int]) -> None:
    original, rewrite = ids[0], ids[1]
    change = project.set_original(rewrite, original)

    assert project.original_of(rewrite) == original
    assert change.original_before is None and change.original_after == original
    assert change.changed == ArticlesChanged(updated=(rewrite, original))
    assert [(r[1], r[2], r[3]) for r in relations(project.path)] == [
        (rewrite, original, "derived_from")
    ]
    (summary,) = project.article_summaries([rewrite])
    assert summary.derived_from == (original,)
    ((subject, action, detail),) = history(project.path)
    assert (subject, action) == (rewrite, "original set")
    assert json.loads(str(detail)) == {"before": [], "after": [original]}


def test_a_new_original_replaces_the_earlier_one(project: ProjectService, ids: list[int]) -> None:
    first, second, rewrite = ids[0], ids[2], ids[1]
    project.set_original(rewrite, first)
    change = project.set_original(rewrite, second)

    assert project.original_of(rewrite) == second
    assert [(r[1], r[2]) for r in relations(project.path)] == [(rewrite, second)]
    assert change.original_before == first and change.original_after == second
    assert set(change.changed.updated) == {rewrite, first, second}, "both bylines change"


def test_none_clears_the_original_and_keeps_other_relations(
    project: ProjectService, ids: list[int]
) -> None:
    original, rewrite = ids[0], ids[1]
    project.add_relation(rewrite, ids[3], "same_story")
    project.set_original(rewrite, original)
    change = project.set_original(rewrite, None)

    assert project.original_of(rewrite) is None
    assert change.after == ()
    assert [(r[1], r[2], r[3]) for r in relations(project.path)] == [
        (rewrite, ids[3], "same_story")
    ]
    assert history(project.path)[-1][1] == "original cleared"


def test_choosing_the_recorded_original_again_changes_nothing(
    project: ProjectService, ids: list[int]
) -> None:
    project.add_relation(ids[1], ids[0], "derived_from", note="names its source")
    before = relations(project.path)
    change = project.set_original(ids[1], ids[0])
    assert change.changed == ArticlesChanged()
    assert change.before == change.after
    assert relations(project.path) == before
    assert history(project.path) == []


def test_restore_puts_back_exactly_what_was_there(project: ProjectService, ids: list[int]) -> None:
    """Undo and redo: the same rows come back, with their ids and notes."""
    original, rewrite = ids[0], ids[1]
    project.add_relation(rewrite, original, "derived_from", note="names its source")
    project.add_relation(rewrite, ids[3], "version_of")
    start = relations(project.path)

    change = project.set_original(rewrite, ids[2])
    changed = relations(project.path)
    assert changed != start

    undone = project.restore_original(rewrite, change.before)
    assert relations(project.path) == start
    assert project.original_of(rewrite) == original
    assert set(undone.changed.updated) == {rewrite, original, ids[2]}

    project.restore_original(rewrite, change.after)
    assert relations(project.path) == changed
    assert [a for _s, a, _d in history(project.path)] == [
        "original set", "original restored", "original restored"
    ]


def test_an_article_is_not_its_own_original(project: ProjectService, ids: list[int]) -> None:
    before = relations(project.path)
    with pytest.raises(InvalidEdit, match="“Story 1” cannot be a rewrite of itself"):
        project.set_original(ids[1], ids[1])
    assert relations(project.path) == before
    assert history(project.path) == []


def test_a_rewrite_cannot_become_its_originals_original(
    project: ProjectService, ids: list[int]
) -> None:
    project.set_original(ids[1], ids[0])
    before = relations(project.path)
    with pytest.raises(InvalidEdit) as refused:
        project.set_original(ids[0], ids[1])
    message = str(refused.value)
    assert "“Story 0” cannot be a rewrite of “Story 1”" in message
    assert "that article is itself recorded as a rewrite of this one" in message
    assert relations(project.path) == before
    assert project.original_of(ids[0]) is None


def test_longer_cycles_are_refused_too(project: ProjectService, ids: list[int]) -> None:
    project.set_original(ids[1], ids[0])  # 1 rewrites 0
    project.set_original(ids[2], ids[1])  # 2 rewrites 1
    before = relations(project.path)
    with pytest.raises(InvalidEdit, match=r"through “Story 1”"):
        project.set_original(ids[0], ids[2])
    assert relations(project.path) == before
    # A chain that does not loop is fine.
    project.set_original(ids[3], ids[2])
    assert project.original_of(ids[3]) == ids[2]


def test_restoring_a_cycle_is_refused(project: ProjectService, ids: list[int]) -> None:
    change = project.set_original(ids[1], ids[0])
    project.restore_original(ids[1], change.before)
    project.set_original(ids[0], ids[1])
    before = relations(project.path)
    with pytest.raises(InvalidEdit, match="cannot be a rewrite of"):
        project.restore_original(ids[1], change.after)
    assert relations(project.path) == before


def test_unknown_articles_are_refused(project: ProjectService, ids: list[int]) -> None:
    with pytest.raises(ArticleNotFound):
        project.set_original(ids[1], 999)
    with pytest.raises(ArticleNotFound):
        project.set_original(999, ids[1])
    assert relations(project.path) == []


def test_restoring_an_original_deleted_meanwhile_is_refused(
    project: ProjectService, ids: list[int]
) -> None:
    change = project.set_original(ids[1], ids[0])
    project.set_original(ids[1], None)
    project.delete_articles([ids[0]])
    with pytest.raises(ArticleNotFound):
        project.restore_original(ids[1], change.after)
    assert relations(project.path) == []
