"""Claims: marking, editing, deleting, accepting suggestions, history and filters."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage.records import ClaimFields, Provenance
from storage.service import InvalidEdit, ProjectService

TEXT = (
    "Officials said on Monday that 3,000 people had fled. 👩‍👩‍👧 Київ denied it.\n\n"
    "서울 reported 12 new cases, the ministry said."
)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        return {
            t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall())
            for t in ("claims", "claim_labels", "suggestions")
        }


@pytest.fixture
def article(project: ProjectService, make_parsed) -> int:
    (row,), _ = project.add_articles([make_parsed(TEXT, title="Mixed", outlet="Wire")])
    return row.id


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_a_claim_keeps_its_exact_quote_across_scripts(
    project: ProjectService, article: int
) -> None:
    for words in ("Київ denied it.", "서울 reported 12 new cases", "👩‍👩‍👧 Київ"):
        claim = project.create_claim(article, ClaimFields(*span(words)))
        assert claim.quote == words
    path = project.path
    project.close()
    with ProjectService.open(path) as reopened:
        assert [c.quote for c in reopened.list_claims(article)] == [
            "👩‍👩‍👧 Київ",
            "Київ denied it.",
            "서울 reported 12 new cases",
        ]


def test_edit_returns_before_and_after_and_is_recorded(
    project: ProjectService, article: int
) -> None:
    figure, event = project.list_labels()[:2]
    claim = project.create_claim(article, ClaimFields(*span("Officials said on Monday")))
    fields = dataclasses.replace(
        ClaimFields.of(claim),
        end=span("had fled.")[1],
        claimant="Officials",
        certainty="asserted",
        note="check",
        status="flagged",
        label_ids=(event.id, figure.id),
    )
    before, after = project.update_claim(claim.id, fields)
    assert before == claim
    assert after.quote == "Officials said on Monday that 3,000 people had fled."
    assert after.label_ids == (figure.id, event.id), "labels come back in label order"
    assert (after.claimant, after.certainty, after.status, after.note) == (
        "Officials",
        "asserted",
        "flagged",
        "check",
    )
    history = project.claim_history(claim.id)
    assert [h.action for h in history] == ["created", "edited"]
    assert history[1].detail["claimant"] == [None, "Officials"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": 10, "end": 10}, "at least one character"),
        ({"end": 10_000}, "at least one"),
        ({"certainty": "sure"}, "Certainty"),
        ({"status": "done"}, "Status"),
        ({"label_ids": (999,)}, "Unknown label"),
    ],
)
def test_invalid_edits_are_refused(
    project: ProjectService, article: int, change: dict[str, object], message: str
) -> None:
    claim = project.create_claim(article, ClaimFields(*span("Київ denied it.")))
    with pytest.raises(InvalidEdit, match=message):
        project.update_claim(claim.id, dataclasses.replace(ClaimFields.of(claim), **change))
    assert project.get_claim(claim.id) == claim


def test_blank_spans_are_refused(project: ProjectService, article: int) -> None:
    start = TEXT.index("\n\n")
    with pytest.raises(InvalidEdit, match="only spaces"):
        project.create_claim(article, ClaimFields(start, start + 2))


def test_delete_and_restore_are_exact(project: ProjectService, article: int) -> None:
    label = project.list_labels()[0]
    claim = project.create_claim(
        article, ClaimFields(*span("Київ denied it."), label_ids=(label.id,))
    )
    before = dump(project.path)
    snapshot = project.delete_claims([claim.id])
    assert project.list_claims(article) == []
    project.restore_claims(snapshot)
    assert dump(project.path) == before


def store_candidate(project: ProjectService, article: int) -> int:
    @dataclasses.dataclass(frozen=True)
    class Candidate:
        kind: str = "claim"
        start: int = span("서울 reported 12 new cases, the ministry said.")[0]
        end: int = span("서울 reported 12 new cases, the ministry said.")[1]
        label: str = "claim"
        component: str = "claimline_claims"
        rule: str = "claims.parse.v1"
        score: float = 0.9
        attributes: dict[str, object] = dataclasses.field(
            default_factory=lambda: {"claimant": "the ministry", "certainty": "asserted"}
        )

    project.store_suggestions(
        {article: [Candidate()]}, Provenance("en_core_web_sm", "3.8.0"), {"claimline_claims"}
    )
    (suggestion,) = project.list_suggestions(article)
    return suggestion.id


def test_accepting_a_candidate_creates_its_claim_and_undo_removes_it(
    project: ProjectService, article: int
) -> None:
    suggestion = store_candidate(project, article)
    before = dump(project.path)
    acceptance = project.accept_suggestions([suggestion])
    (claim,) = project.list_claims(article)
    assert claim.claimant == "the ministry" and claim.certainty == "asserted"
    assert claim.from_suggestion_id == suggestion
    assert project.list_suggestions(article)[0].status == "accepted"
    created = project.claim_history(claim.id)[0]
    assert created.detail["from_suggestion"] == suggestion
    assert created.detail["pipeline"] == "en_core_web_sm 3.8.0"

    project.undo_acceptance(acceptance)
    assert dump(project.path) == before


def test_undoing_an_acceptance_keeps_what_the_claim_gathered_since(
    project: ProjectService, article: int, make_parsed
) -> None:
    """Links and alignments made after accepting go with the claim on undo, back on redo."""
    from storage.records import EventFields, FuzzyDateFields

    suggestion = store_candidate(project, article)
    acceptance = project.accept_suggestions([suggestion])
    (claim,) = project.list_claims(article)
    project.create_event(EventFields("New cases", FuzzyDateFields("")), [(claim.id, "reports")])
    (other,), _ = project.add_articles([make_parsed("Seoul counted 14 new cases.", title="B")])
    other_claim = project.create_claim(other.id, ClaimFields(0, 27))

    @dataclasses.dataclass(frozen=True)
    class Pair:
        a_start: int | None = None
        a_end: int | None = None
        b_start: int | None = None
        b_end: int | None = None
        relation: str = "conflicting"
        differences: tuple[object, ...] = ()
        score: float = 0.8
        reason: str = "made by hand"
        claim_a: int | None = claim.id
        claim_b: int | None = other_claim.id

    project.store_alignments(article, other.id, [Pair()], "test")
    (pair,) = project.list_alignments(article, other.id)
    project.decide_alignment(pair.id, "conflicting", "confirmed")
    everything = {t: rows for t, rows in full_dump(project.path).items() if t != "changes"}

    snapshot = project.undo_acceptance(acceptance)
    assert project.list_alignments(article, other.id) == []
    project.redo_acceptance(acceptance, snapshot)
    after = {t: rows for t, rows in full_dump(project.path).items() if t != "changes"}
    assert after == everything, "the confirmed pair and the event link are back"


def full_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        tables = [t for (t,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in tables}


def test_edit_then_accept(project: ProjectService, article: int) -> None:
    suggestion = store_candidate(project, article)
    edited = ClaimFields(*span("서울 reported 12 new cases"), claimant="Seoul officials")
    project.accept_suggestions([suggestion], {suggestion: edited})
    (claim,) = project.list_claims(article)
    assert (claim.quote, claim.claimant) == ("서울 reported 12 new cases", "Seoul officials")


def test_claimant_choices_come_from_the_article_and_past_claims(
    project: ProjectService, article: int
) -> None:
    @dataclasses.dataclass(frozen=True)
    class Entity:
        start: int
        end: int
        label: str
        kind: str = "entity"
        component: str = "ner"
        rule: str = "ner"
        score: None = None
        attributes: dict[str, object] = dataclasses.field(default_factory=dict)

    project.store_suggestions(
        {article: [Entity(*span("Київ"), "GPE"), Entity(*span("3,000"), "CARDINAL")]},
        Provenance("en_core_web_sm", "3.8.0"),
        {"ner"},
    )
    project.create_claim(article, ClaimFields(*span("Київ denied it."), claimant="Kyiv"))
    assert project.claimant_choices(article) == ["Київ", "Kyiv"]


def test_claims_are_found_by_every_filter(
    project: ProjectService, article: int, make_parsed
) -> None:
    (other,), _ = project.add_articles(
        [make_parsed("Ferries stop on Friday, the port said.", outlet="Coast Daily")]
    )
    figure = project.list_labels()[0]
    a = project.create_claim(
        article,
        ClaimFields(
            *span("서울 reported 12 new cases"), claimant="ministry", label_ids=(figure.id,)
        ),
    )
    b = project.create_claim(other.id, ClaimFields(0, 24, claimant="the port", status="flagged"))

    def ids(**filters: object) -> list[int]:
        return [listing.claim.id for listing in project.find_claims(**filters)]

    assert ids() == [a.id, b.id]
    assert ids(label_ids=[figure.id]) == [a.id]
    assert ids(claimant="PORT") == [b.id]
    assert ids(statuses=["flagged"]) == [b.id]
    assert ids(article_ids=[article]) == [a.id]
    assert ids(outlet="coast") == [b.id]
    assert ids(words="ferries") == [b.id]
    assert ids(words="서울") == [a.id]
    listing = project.find_claims(label_ids=[figure.id])[0]
    assert (listing.article_title, listing.outlet, listing.labels) == ("Mixed", "Wire", ("Figure",))


def test_redoing_an_acceptance_whose_suggestion_was_withdrawn_is_refused(
    project: ProjectService, article: int
) -> None:
    """Accept, undo, pre-annotate again (the candidate is withdrawn), redo."""
    suggestion = store_candidate(project, article)
    acceptance = project.accept_suggestions([suggestion])
    snapshot = project.undo_acceptance(acceptance)
    project.store_suggestions({article: []}, Provenance("en_core_web_sm", "3.8.0"),
                              {"claimline_claims"})  # the re-run no longer proposes it
    assert project.list_suggestions(article) == []
    before = dump(project.path)
    with pytest.raises(InvalidEdit, match="the project has changed since"):
        project.redo_acceptance(acceptance, snapshot)
    assert dump(project.path) == before, "nothing half-done"
