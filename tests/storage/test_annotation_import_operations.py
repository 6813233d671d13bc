"""Storing an import of annotations, undoing it exactly and redoing it exactly."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from storage.annotation_import import brat_import, inception_import, web_annotation_import
from storage.annotation_import.documents import (
    AnnotationImportError,
    ImportedClaim,
    ImportedDocument,
    ImportedSpan,
)
from storage.bundle import ExchangeFormatError, ImportedIds
from storage.exporting import brat, uima_xmi, web_annotation
from storage.importing import ParsedArticle
from storage.records import ClaimFields
from storage.service import ProjectService

from .exchange.helpers import TEXT_EN, Sample, build_sample, span

State = dict[str, list[tuple[Any, ...]]]
EXTRA_ENTITY = "Volodymyr Zelensky"  # imported once more, as a LOC: a new suggestion


def state(service: ProjectService) -> State:
    """Every row of every table but the history, the search indexes and SQLite's own."""
    with closing(sqlite3.connect(service.path)) as connection:
        names = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr)
            for name in names
            if name != "changes" and not name.startswith("sqlite_") and "_fts" not in name
        }


def assert_search_index_sound(service: ProjectService) -> None:
    """FTS5 checks its index against the table it indexes (rank 1); a stale one is "malformed"."""
    with closing(sqlite3.connect(service.path)) as connection:
        for table in ("articles_fts", "claims_fts"):
            connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def trimmed(sample: Sample) -> None:
    """The sample without its Ukrainian article, two English claims and a label.

    What is left (the English text with its entities, dates, one claim, events
    and labels) is the project's own work, which an import must not touch.
    """
    service = sample.service
    service.delete_articles([sample.uk])
    service.delete_claims([sample.claims["drones"], sample.claims["across"]])
    service.delete_label(sample.labels["Needs, check"])


def brat_folder(sample: Sample, folder: Path) -> Path:
    brat.write(sample.service.export_bundle(), folder)
    ann = next(text.with_suffix(".ann") for text in folder.glob("*.txt")
               if text.read_text(encoding="utf-8") == TEXT_EN)
    start, end = span(TEXT_EN, EXTRA_ENTITY)
    with ann.open("a", encoding="utf-8") as out:
        out.write(f"T900\tLOC {start} {end}\t{EXTRA_ENTITY}\n")
    return folder


def web_annotation_file(sample: Sample, path: Path) -> Path:
    web_annotation.write(sample.service.export_bundle(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    for item in document["first"]["items"]:
        bodies = item["body"]
        if bodies[0].get("value") == "entity" and \
                item["target"]["selector"][0]["exact"] == EXTRA_ENTITY:
            bodies[1]["value"] = "LOC"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# ---------------------------------------------------------------- brat
def test_brat_import_is_removed_and_restored_exactly(project: ProjectService,
                                                     tmp_path: Path) -> None:
    sample = build_sample(project)
    folder = brat_folder(sample, tmp_path / "brat")
    trimmed(sample)
    before = state(project)
    own_claim = sample.claims["figure"]

    result = brat_import.read(project, folder)
    after = state(project)
    created = result.created
    assert len(created.articles) == 1 and created.articles[0] not in (sample.en, sample.uk)
    assert len(created.claims) == 3 and own_claim not in created.claims
    assert len(created.labels) == 1
    assert project.list_labels()[-1].name == "Needs, check"
    assert len(created.links) == 2  # "drones" reports the attack, the Ukrainian claim disputes it
    assert {s.article_id for s in project.get_suggestions(created.suggestions)} == \
        {sample.en, created.articles[0]}
    assert result.counts["claims"] == 3 and result.counts["new labels"] == 1

    snapshot = project.remove_imported(created)
    assert state(project) == before
    assert_search_index_sound(project)
    assert snapshot.removed == created
    assert set(snapshot.article_ids) == {sample.en, created.articles[0]}
    assert project.claim_history(own_claim)[-1].action != "withdrawn"

    project.restore_imported(snapshot)
    assert state(project) == after
    assert_search_index_sound(project)
    history = project.claim_history(created.claims[-1])
    assert [(h.actor, h.action) for h in history][-3:] == [
        ("import:brat", "imported"), ("researcher", "withdrawn"), ("researcher", "restored")]

    again = project.remove_imported(created)  # undo, redo, undo
    assert again.rows == snapshot.rows and state(project) == before


def test_reimporting_adds_nothing_and_creates_nothing(project: ProjectService,
                                                      tmp_path: Path) -> None:
    sample = build_sample(project)
    folder = brat_folder(sample, tmp_path / "brat")
    trimmed(sample)
    brat_import.read(project, folder)
    after = state(project)
    again = brat_import.read(project, folder)
    assert again.created == ImportedIds() and not again.created
    assert state(project) == after
    assert project.remove_imported(again.created).rows == (
        ("labels", ()), ("articles", ()), ("article_relations", ()), ("suggestions", ()),
        ("claims", ()), ("claim_labels", ()), ("claim_event_links", ()), ("alignments", ()),
    )
    assert state(project) == after


# ---------------------------------------------------------------- web annotation
def test_web_annotation_import_is_removed_and_restored_exactly(project: ProjectService,
                                                               tmp_path: Path) -> None:
    sample = build_sample(project)
    path = web_annotation_file(sample, tmp_path / "out.jsonld")
    trimmed(sample)
    before = state(project)

    result = web_annotation_import.read(project, path)
    after = state(project)
    created = result.created
    assert created.articles == ()  # web annotations carry no text
    assert len(created.claims) == 2 and len(created.labels) == 1 and len(created.links) == 1
    [suggestion] = project.get_suggestions(created.suggestions)
    assert (suggestion.label, suggestion.text, suggestion.pipeline) == \
        ("LOC", EXTRA_ENTITY, "import:web-annotation")

    snapshot = project.remove_imported(created)
    assert state(project) == before
    assert snapshot.article_ids == (sample.en,)
    project.restore_imported(snapshot)
    assert state(project) == after
    assert_search_index_sound(project)


# ---------------------------------------------------------------- inception
def test_inception_import_into_an_empty_project_is_undone_whole(
    project: ProjectService, tmp_path: Path
) -> None:
    sample = build_sample(project)
    folder = tmp_path / "xmi"
    uima_xmi.write(sample.service.export_bundle(), folder)
    fresh = ProjectService.create(tmp_path / "fresh.claimline")
    try:
        before = state(fresh)
        result = inception_import.read(fresh, folder)
        after = state(fresh)
        assert len(result.created.articles) == 2 and len(result.created.claims) == 4
        snapshot = fresh.remove_imported(result.created)
        assert state(fresh) == before and fresh.list_articles() == []
        fresh.restore_imported(snapshot)
        assert state(fresh) == after
        assert {a.id for a in fresh.list_articles()} == set(result.created.articles)
    finally:
        fresh.close()


# ---------------------------------------------------------------- search
def test_search_follows_removal_and_restoration(project: ProjectService, tmp_path: Path) -> None:
    sample = build_sample(project)
    folder = brat_folder(sample, tmp_path / "brat")
    trimmed(sample)
    result = brat_import.read(project, folder)
    [new_article] = result.created.articles
    claim_ids = set(result.created.claims)

    def hits(words: str) -> set[tuple[str, int | None]]:
        return {(h.kind, h.claim_id) for h in project.search(words)}

    uk_claim = next(c.id for c in project.list_claims(new_article))
    assert ("claim", uk_claim) in hits("збили дронів")
    assert project.search_articles("Міністерство") == [new_article]

    snapshot = project.remove_imported(result.created)
    assert hits("збили дронів") == set()
    assert project.search_articles("Міністерство") == []
    assert not claim_ids & {claim for _, claim in hits("overnight")}

    project.restore_imported(snapshot)
    assert ("claim", uk_claim) in hits("збили дронів")
    assert project.search_articles("Міністерство") == [new_article]
    assert claim_ids & {claim for _, claim in hits("overnight")}


# ---------------------------------------------------------------- what undo leaves alone
def test_a_created_label_in_use_elsewhere_stays(project: ProjectService) -> None:
    (article,), _ = project.add_articles([_parsed(TEXT_EN)])
    own = project.create_claim(article.id, ClaimFields(*span(TEXT_EN, "Analysts doubt")))
    document = ImportedDocument(
        origin="doc", article_id=article.id,
        claims=(ImportedClaim(*span(TEXT_EN, "the figure rose"), "the figure rose",
                              labels=("Imported label",)),),
        spans=(ImportedSpan("entity", *span(TEXT_EN, "Kyiv"), "LOC", "Kyiv"),),
    )
    result = project.store_imported([document], "test")
    [label] = result.created.labels
    project.update_claim(own.id, ClaimFields(own.start, own.end, label_ids=(label,)))
    after_edit = state(project)

    snapshot = project.remove_imported(result.created)
    assert snapshot.removed.labels == () and label in {x.id for x in project.list_labels()}
    assert project.get_claim(own.id).label_ids == (label,)
    assert project.list_suggestions(article.id) == []
    project.restore_imported(snapshot)
    assert state(project) == after_edit


def test_an_accepted_suggestion_keeps_its_claim_and_gets_its_source_back(
    project: ProjectService,
) -> None:
    (article,), _ = project.add_articles([_parsed(TEXT_EN)])
    start, end = span(TEXT_EN, "40 drones were shot down overnight")
    document = ImportedDocument(origin="doc", article_id=article.id, spans=(
        ImportedSpan("claim", start, end, "CLAIM", TEXT_EN[start:end]),))
    result = project.store_imported([document], "test")
    [suggestion] = result.created.suggestions
    [claim] = project.accept_suggestions([suggestion]).created_claims
    after = state(project)

    snapshot = project.remove_imported(result.created)
    assert snapshot.claim_sources == ((claim, suggestion),)
    assert project.get_claim(claim).from_suggestion_id is None
    project.restore_imported(snapshot)
    assert state(project) == after


def test_restoring_into_a_changed_project_is_refused(project: ProjectService) -> None:
    (article,), _ = project.add_articles([_parsed(TEXT_EN)])
    document = ImportedDocument(origin="doc", article_id=article.id, claims=(
        ImportedClaim(*span(TEXT_EN, "Analysts doubt"), "Analysts doubt", labels=("New",)),))
    snapshot = project.remove_imported(project.store_imported([document], "test").created)
    project.create_label("New")
    with pytest.raises(ValueError, match="cannot be redone"):
        project.restore_imported(snapshot)
    assert project.list_claims(article.id) == []


def test_import_errors_are_exchange_format_errors() -> None:
    assert issubclass(AnnotationImportError, ExchangeFormatError)
    assert issubclass(AnnotationImportError, ValueError)


def _parsed(text: str) -> ParsedArticle:
    return ParsedArticle(text=text, title="t", outlet=None, author=None, url=None,
                         language="en", published=None, origin="t", format="txt")
