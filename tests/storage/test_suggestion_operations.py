"""Storing suggestions: provenance, idempotent re-runs, and decisions left alone."""

from __future__ import annotations

import sqlite3

import pytest

from storage.records import ProposedSuggestion, Provenance
from storage.service import ProjectService

TEXT = "Kyiv reported on Monday that more than 3,000 soldiers were wounded."
SM = Provenance("en_core_web_sm", "3.8.0")
TRF = Provenance("en_core_web_trf", "3.8.0")
COMPONENTS = {"ner", "claimline_timex", "claimline_claims"}


def proposals(score: float = 0.8) -> list[ProposedSuggestion]:
    return [
        ProposedSuggestion("entity", 0, 4, "GPE", "ner"),
        ProposedSuggestion(
            "timex",
            17,
            23,
            "DATE",
            "claimline_timex",
            rule="weekday",
            attributes={"type": "DATE", "value": "2025-03-17", "mod": None},
        ),
        ProposedSuggestion(
            "claim",
            0,
            len(TEXT),
            "claim",
            "claimline_claims",
            score=score,
            rule="attribution",
            attributes={"claimant": "Kyiv", "reasons": ["number"]},
        ),
    ]


@pytest.fixture
def article_id(project: ProjectService, make_parsed) -> int:
    (article,), _ = project.add_articles([make_parsed(TEXT)])
    return article.id


def test_suggestions_are_stored_with_their_provenance(
    project: ProjectService, article_id: int
) -> None:
    (result,) = project.store_suggestions({article_id: proposals()}, SM, COMPONENTS)
    assert (result.added, result.refreshed, result.withdrawn) == (3, 0, 0)
    claim, entity, timex = sorted(project.list_suggestions(article_id), key=lambda s: s.kind)
    assert entity.text == "Kyiv" and entity.label == "GPE" and entity.status == "open"
    assert (claim.pipeline, claim.pipeline_version, claim.component, claim.rule) == (
        "en_core_web_sm",
        "3.8.0",
        "claimline_claims",
        "attribution",
    )
    assert claim.attributes["claimant"] == "Kyiv"
    assert timex.text == "Monday" and timex.attributes["value"] == "2025-03-17"
    assert [s.kind for s in project.list_suggestions(article_id, kinds=["timex"])] == ["timex"]


def test_running_again_duplicates_nothing_and_spares_decisions(
    project: ProjectService, article_id: int
) -> None:
    project.store_suggestions({article_id: proposals()}, SM, COMPONENTS)
    entity = next(s for s in project.list_suggestions(article_id) if s.kind == "entity")
    claim = next(s for s in project.list_suggestions(article_id) if s.kind == "claim")
    project.set_suggestion_status([entity.id], "rejected")
    (again,) = project.store_suggestions({article_id: proposals(score=0.6)}, TRF, COMPONENTS)
    assert (again.added, again.refreshed, again.decided) == (0, 2, 1)
    after = {s.id: s for s in project.list_suggestions(article_id)}
    assert len(after) == 3
    assert after[entity.id].status == "rejected"
    assert after[entity.id].pipeline == "en_core_web_sm", "a decided suggestion keeps its origin"
    assert after[claim.id].score == 0.6
    assert after[claim.id].pipeline == "en_core_web_trf"


def test_open_suggestions_no_longer_proposed_are_withdrawn(
    project: ProjectService, article_id: int
) -> None:
    project.store_suggestions({article_id: proposals()}, SM, COMPONENTS)
    claim = next(s for s in project.list_suggestions(article_id) if s.kind == "claim")
    project.set_suggestion_status([claim.id], "accepted")
    (result,) = project.store_suggestions({article_id: []}, SM, {"ner", "claimline_claims"})
    assert result.withdrawn == 1  # the entity; the timex component did not run
    remaining = sorted(s.kind for s in project.list_suggestions(article_id))
    assert remaining == ["claim", "timex"]


def test_review_progress_counts_decisions(project: ProjectService, article_id: int) -> None:
    project.store_suggestions({article_id: proposals()}, SM, COMPONENTS)
    ids = [s.id for s in project.list_suggestions(article_id)]
    project.set_suggestion_status(ids[:1], "accepted")
    project.set_suggestion_status(ids[1:2], "rejected")
    progress = project.review_progress()[article_id]
    assert (progress.open, progress.accepted, progress.rejected, progress.reviewed) == (1, 1, 1, 2)


def test_status_change_is_undone_exactly(project: ProjectService, article_id: int) -> None:
    project.store_suggestions({article_id: proposals()}, SM, COMPONENTS)
    ids = [s.id for s in project.list_suggestions(article_id)]
    project.set_suggestion_status(ids[:1], "rejected")

    def rows() -> list[tuple[object, ...]]:
        with sqlite3.connect(project.path) as connection:
            return connection.execute(
                "SELECT id, status, decided_at FROM suggestions ORDER BY id"
            ).fetchall()

    before = rows()
    change = project.set_suggestion_status(ids, "accepted")
    assert {r[1] for r in rows()} == {"accepted"}
    project.restore_suggestion_statuses(change)
    assert rows() == before


def test_spans_outside_the_text_are_refused(project: ProjectService, article_id: int) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        project.store_suggestions(
            {article_id: [ProposedSuggestion("entity", 60, 999, "GPE", "ner")]}, SM, COMPONENTS
        )
    assert project.list_suggestions(article_id) == []


def test_annotation_inputs_carry_the_anchor_date(project: ProjectService, make_parsed) -> None:
    import dataclasses
    import datetime as dt

    (article,), _ = project.add_articles([make_parsed(TEXT, published=dt.date(2025, 3, 18))])
    (plain,) = project.annotation_inputs([article.id])
    assert plain.anchor_date == dt.date(2025, 3, 18)
    project.update_metadata(
        article.id, dataclasses.replace(article.metadata, reference_date=dt.date(2025, 3, 17))
    )
    (anchored,) = project.annotation_inputs([article.id])
    assert anchored.anchor_date == dt.date(2025, 3, 17)
    assert anchored.text == TEXT
