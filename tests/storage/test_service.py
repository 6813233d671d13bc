"""The project service: articles in, metadata edits, deletion and exact restoration."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from storage.records import ArticleMetadata
from storage.service import ArticleNotFound, InvalidEdit, ProjectService

TS = "2025-01-01 00:00:00.000000"  # how SQLAlchemy writes a DateTime
HARBOUR = "The harbour of Tidewick reopened on Tuesday after a week of storms.\n\nFishers said..."
MINE = "A copper mine near Ostrava will close in 2027, the company announced."


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table we own, for exact before/after comparisons."""
    with sqlite3.connect(path) as connection:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND instr(name, '_fts') = 0 AND name NOT IN ('changes', 'alembic_version')"
            )
        ]
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}


def test_added_articles_come_back_as_summaries(project: ProjectService, make_parsed) -> None:
    added, duplicates = project.add_articles(
        [
            make_parsed(
                HARBOUR,
                title="Harbour reopens",
                outlet="Coast Daily",
                published=dt.date(2025, 3, 4),
            )
        ]
    )
    assert duplicates == []
    (summary,) = added
    assert summary.title == "Harbour reopens"
    assert summary.metadata.outlet == "Coast Daily"
    assert summary.word_count == 14
    assert summary.char_count == len(HARBOUR)
    detail = project.get_article(summary.id)
    assert detail.text == HARBOUR
    assert project.list_articles() == [summary]


def test_exact_duplicates_are_not_stored_twice(project: ProjectService, make_parsed) -> None:
    (first,), _ = project.add_articles([make_parsed(HARBOUR, origin="a.txt")])
    added, duplicates = project.add_articles(
        [
            make_parsed(HARBOUR, origin="b.txt"),
            make_parsed(MINE, origin="c.txt"),
            make_parsed(MINE, origin="d.txt"),
        ]
    )
    assert [a.origin for a in added] == ["c.txt"]
    assert [(d.origin, d.existing_id) for d in duplicates] == [
        ("b.txt", first.id),
        ("d.txt", added[0].id),
    ]
    assert len(project.list_articles()) == 2


def test_metadata_edit_is_stored_and_reversible(project: ProjectService, make_parsed) -> None:
    (article,), _ = project.add_articles([make_parsed(HARBOUR, title="Harbour")])
    before = article.metadata
    after = dataclasses.replace(
        before,
        title="Tidewick harbour reopens",
        outlet="Coast Daily",
        published=dt.date(2025, 3, 4),
        language="en",
    )
    change = project.update_metadata(article.id, after)
    assert change.before == before
    assert change.after == after
    assert change.changed.updated == (article.id,)
    assert project.get_article(article.id).metadata == after
    project.update_metadata(article.id, before)
    assert project.get_article(article.id).metadata == before
    assert project.get_article(article.id).metadata.anchor_date is None


def test_anchor_date_prefers_the_reference_date() -> None:
    meta = ArticleMetadata(published=dt.date(2025, 3, 20), reference_date=dt.date(2025, 3, 17))
    assert meta.anchor_date == dt.date(2025, 3, 17)
    assert ArticleMetadata(published=dt.date(2025, 3, 20)).anchor_date == dt.date(2025, 3, 20)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("language", "English", "not a language code"), ("url", "rbc.ua/news", "web address")],
)
def test_invalid_metadata_is_refused_with_a_reason(
    project: ProjectService, make_parsed, field: str, value: str, message: str
) -> None:
    (article,), _ = project.add_articles([make_parsed(HARBOUR)])
    with pytest.raises(InvalidEdit, match=message):
        project.update_metadata(article.id, dataclasses.replace(article.metadata, **{field: value}))
    assert project.get_article(article.id).metadata == article.metadata


def test_unknown_article_is_a_clear_error(project: ProjectService) -> None:
    with pytest.raises(ArticleNotFound, match="no article with id 42"):
        project.get_article(42)


def test_relations_record_which_article_is_derived(project: ProjectService, make_parsed) -> None:
    (original,), _ = project.add_articles([make_parsed(HARBOUR, title="Original")])
    (rewrite,), _ = project.add_articles([make_parsed(MINE, title="Rewrite")])
    project.add_relation(rewrite.id, original.id, "derived_from")
    project.add_relation(rewrite.id, original.id, "derived_from")  # idempotent
    by_id = {a.id: a for a in project.list_articles()}
    assert by_id[rewrite.id].derived_from == (original.id,)
    assert by_id[original.id].derived_from == ()
    (relation,) = project.get_article(original.id).relations
    assert (relation.article_id, relation.other_id, relation.other_title) == (
        rewrite.id,
        original.id,
        "Rewrite",
    )
    with pytest.raises(InvalidEdit):
        project.add_relation(rewrite.id, rewrite.id, "derived_from")


def test_delete_and_restore_bring_back_every_row(project: ProjectService, make_parsed) -> None:
    (a,), _ = project.add_articles([make_parsed(HARBOUR, title="A")])
    (b,), _ = project.add_articles([make_parsed(MINE, title="B")])
    project.add_relation(b.id, a.id, "derived_from")
    # Rows that later features write, attached to article A.
    with sqlite3.connect(project.path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(f"""
            INSERT INTO labels (name, color, description, position)
                VALUES ('figure', '#f00', '', 0);
            INSERT INTO suggestions (article_id, kind, start, "end", label, attributes, status,
                pipeline, pipeline_version, component, rule, fingerprint, created_at)
                VALUES ({a.id}, 'entity', 4, 11, 'GPE', '{{}}', 'accepted', 'en_core_web_sm',
                '3.8.0', 'ner', '', 'f1', '{TS}');
            INSERT INTO claims (uid, article_id, start, "end", claimant, note, from_suggestion_id,
                created_at)
                VALUES ('c1', {a.id}, 0, 30, 'Fishers', 'n', 1, '{TS}');
            INSERT INTO claim_labels VALUES (1, 1);
            INSERT INTO events (uid, title, description, participants, created_at)
                VALUES ('e1', 'Harbour reopening', '', '[]', '{TS}');
            INSERT INTO claim_event_links VALUES (1, 1, 'reports', '{TS}');
            INSERT INTO alignments (article_a_id, article_b_id, a_start, a_end, claim_a_id,
                relation, differences, reason, status, aligner, created_at)
                VALUES ({a.id}, {b.id}, 0, 30, 1, 'dropped', '[]', '', 'proposed', 'x',
                '{TS}');
        """)
    before = dump(project.path)

    snapshot = project.delete_articles([a.id])
    after_delete = dump(project.path)
    assert [r[0] for r in after_delete["articles"]] == [b.id]
    assert after_delete["claims"] == after_delete["article_relations"] == []
    assert after_delete["events"] == before["events"], "events outlive their claims"
    assert project.search_articles("Tidewick") == []

    project.restore_articles(snapshot)
    assert dump(project.path) == before
    assert project.search_articles("Tidewick") == [a.id]


def test_full_text_search_matches_words_and_prefixes(project: ProjectService, make_parsed) -> None:
    (a,), _ = project.add_articles([make_parsed(HARBOUR, title="Harbour")])
    (b,), _ = project.add_articles([make_parsed("Київ заявив про переговори.", title="Київ")])
    assert project.search_articles("storms") == [a.id]
    assert project.search_articles("tidew") == [a.id]
    assert project.search_articles("київ") == [b.id]
    assert project.search_articles('"; DROP TABLE articles') == []
    assert project.search_articles("   ") == []


def test_settings_hold_json_values(project: ProjectService) -> None:
    assert project.get_setting("pipeline", "en_core_web_sm") == "en_core_web_sm"
    project.set_setting("pipeline", "en_core_web_trf")
    project.set_setting("claim_threshold", {"value": 0.4})
    assert project.get_setting("pipeline") == "en_core_web_trf"
    assert project.info().settings == {
        "pipeline": "en_core_web_trf",
        "claim_threshold": {"value": 0.4},
    }


def test_history_records_who_changed_what(project: ProjectService, make_parsed) -> None:
    (article,), _ = project.add_articles([make_parsed(HARBOUR, title="Harbour")])
    project.update_metadata(article.id, dataclasses.replace(article.metadata, title="Port"))
    with sqlite3.connect(project.path) as connection:
        rows = connection.execute(
            "SELECT actor, action, detail FROM changes WHERE subject_type = 'article' ORDER BY id"
        ).fetchall()
    assert rows == [
        ("import", "imported", '{"origin": "test"}'),
        ("researcher", "edited", '{"title": ["Harbour", "Port"]}'),
    ]
