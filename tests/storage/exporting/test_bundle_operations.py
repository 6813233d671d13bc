"""Export bundles: read in bulk, chosen articles only, and restored exactly."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event

from storage.bundle import ExchangeFormatError, ExportBundle
from storage.importing import ParsedArticle
from storage.service import InvalidEdit, ProjectService

from .compare import assert_same_rows


def test_a_whole_project_bundle_holds_everything(
    project: ProjectService, rich: dict[str, int]
) -> None:
    bundle = project.export_bundle()
    assert bundle.whole_project
    assert bundle.counts() == {"articles": 4, "relations": 2, "labels": 6, "suggestions": 13,
                               "claims": 5, "events": 3, "links": 5, "alignments": 3,
                               "settings": 2}
    assert bundle.settings == {"annotation.pipeline": "rule-based",
                               "annotation.claim_threshold": 0.45}
    claim = bundle.claim_by_id[rich["figure"]]
    assert bundle.label_names(claim) == ["Figure", "Casualties"]
    assert bundle.claim_by_id[rich["from_suggestion"]].from_suggestion_id is not None
    opening = bundle.event_by_id[rich["opening"]]
    assert opening.tags == ("ceremony 🎉", "dam")
    assert opening.participants == ("Olena Petrenko", "Міністерство")
    article = bundle.article_by_id[rich["en"]]
    assert article.import_notes == ("removed 2 boilerplate lines",)
    assert article.extra == {"section": "Regional", "tags": ["dam", "🇺🇦"]}
    assert bundle.article_by_id[rich["ko"]].anchor_date is not None
    assert [s.start for s in bundle.suggestions_of(rich["en"], "timex")] == sorted(
        s.start for s in bundle.suggestions_of(rich["en"], "timex"))
    assert {s.status for s in bundle.suggestions} == {"open", "accepted", "rejected"}


def test_a_bundle_of_chosen_articles_holds_only_what_is_theirs(
    project: ProjectService, rich: dict[str, int]
) -> None:
    bundle = project.export_bundle([rich["en"], rich["ar"], 999])
    assert sorted(a.id for a in bundle.articles) == [rich["en"], rich["ar"]]
    assert not bundle.whole_project and bundle.settings == {}
    assert [(r.article_id, r.other_id, r.kind) for r in bundle.relations] == [
        (rich["ar"], rich["en"], "same_story")]
    assert {c.article_id for c in bundle.claims} == {rich["en"]}
    assert {s.article_id for s in bundle.suggestions} == {rich["en"]}
    # the events the English claims are linked to, and their links only
    assert sorted(e.id for e in bundle.events) == [rich["opening"], rich["failed"]]
    assert {link.claim_id for link in bundle.links} <= {c.id for c in bundle.claims}
    assert bundle.alignments == ()  # the Ukrainian side is not included
    assert len(bundle.labels) == 6  # always every label

    pair = project.export_bundle([rich["en"], rich["uk"]])
    assert len(pair.alignments) == 3 and len(pair.relations) == 1


def test_a_restore_is_exact(project: ProjectService, rich: dict[str, int],
                            fresh: ProjectService) -> None:
    bundle = project.export_bundle()
    steps: list[tuple[int, int]] = []
    fresh.restore_bundle(bundle, progress=lambda done, total: steps.append((done, total)))
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]
    assert_same_rows(project.path, fresh.path)
    again = fresh.export_bundle()
    assert dataclasses.replace(again, exported_at=None) == dataclasses.replace(
        bundle, exported_at=None)
    assert fresh.search_articles("Петренко") == [rich["uk"]]  # the search index is built


def test_a_partial_bundle_restores_into_its_own_project(
    project: ProjectService, rich: dict[str, int], fresh: ProjectService
) -> None:
    bundle = project.export_bundle([rich["en"]])
    fresh.restore_bundle(bundle)
    assert [a.id for a in fresh.list_articles()] == [rich["en"]]
    assert fresh.get_setting("annotation.pipeline") is None
    assert len(fresh.list_claims(rich["en"])) == 3


def test_a_restore_refuses_a_project_with_articles(
    project: ProjectService, rich: dict[str, int], fresh: ProjectService,
    make_parsed: Callable[..., ParsedArticle],
) -> None:
    fresh.add_articles([make_parsed("Something else entirely.")])
    with pytest.raises(InvalidEdit, match="already holds 1 article"):
        fresh.restore_bundle(project.export_bundle())
    assert len(fresh.list_articles()) == 1


def test_an_inconsistent_bundle_stores_nothing(
    project: ProjectService, rich: dict[str, int], fresh: ProjectService
) -> None:
    bundle = project.export_bundle()
    broken = dataclasses.replace(bundle, events=bundle.events[1:])
    with pytest.raises(InvalidEdit, match="refers to event"):
        fresh.restore_bundle(broken)
    assert fresh.list_articles() == [] and len(fresh.list_labels()) == 5


def test_a_bundle_contradicting_itself_is_refused_in_words(
    project: ProjectService, rich: dict[str, int], fresh: ProjectService
) -> None:
    """Two articles with one uid (two exports joined by hand, say): a sentence, not SQL."""
    bundle = project.export_bundle()
    first, second, *rest = bundle.articles
    twin = dataclasses.replace(second, uid=first.uid)
    with pytest.raises(ExchangeFormatError) as refused:
        fresh.restore_bundle(dataclasses.replace(bundle, articles=(first, twin, *rest)))
    message = str(refused.value)
    assert message.startswith("The dataset cannot be loaded: its articles break a rule")
    assert "articles.uid" in message and "Nothing was stored." in message
    assert "INSERT" not in message and first.text not in message
    assert fresh.list_articles() == []


def test_an_empty_project_gives_an_empty_bundle(fresh: ProjectService, tmp_path: Path) -> None:
    bundle = fresh.export_bundle()
    assert isinstance(bundle, ExportBundle) and bundle.articles == ()
    other = ProjectService.create(tmp_path / "other.claimline")
    with other:
        other.restore_bundle(bundle)
        assert len(other.list_labels()) == 5


def test_export_reads_in_a_few_queries(project: ProjectService, rich: dict[str, int]) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(project._engine, "before_cursor_execute", count)
    try:
        project.export_bundle()
    finally:
        event.remove(project._engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 12


def test_an_import_summary_reads_as_english() -> None:
    from storage.bundle import ImportResult

    result = ImportResult(counts={"new articles": 1, "entities": 1, "claims": 2, "dates": 0})
    assert result.summary_line() == "Imported 1 new article, 1 entity, 2 claims."
    assert ImportResult().summary_line() == "Nothing imported."
