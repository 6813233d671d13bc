"""Alignments: stored proposals, re-runs that respect verdicts, conflicts on events."""

from __future__ import annotations

import pytest

from storage.records import ClaimFields, DifferenceRecord, EventFields, ProposedPassage
from storage.service import InvalidEdit, ProjectService

A = "Kyiv reported 3,000 casualties in January. The talks were held on Monday."
B = "Kyiv reported 4,000 casualties in January. In summary, hopes are high."


@pytest.fixture
def pair(project: ProjectService, make_parsed) -> tuple[int, int]:
    (a,), _ = project.add_articles([make_parsed(A, title="Original", outlet="Wire")])
    (b,), _ = project.add_articles([make_parsed(B, title="Rewrite")])
    project.add_relation(b.id, a.id, "derived_from")
    return a.id, b.id


def proposals() -> list[ProposedPassage]:
    return [
        ProposedPassage(0, 42, 0, 42, "conflicting",
                (DifferenceRecord("number", "3,000", "4,000", "3,000 → 4,000"),)),
        ProposedPassage(43, 73, None, None, "dropped"),
        ProposedPassage(None, None, 43, 70, "added"),
    ]


def test_proposals_come_back_in_reading_order_with_their_texts(
    project: ProjectService, pair: tuple[int, int]
) -> None:
    a, b = pair
    stored = project.store_alignments(a, b, proposals(), "claimline-align 1")
    assert (stored.added, stored.replaced, stored.kept) == (3, 0, 0)
    rows = project.list_alignments(a, b)
    assert [r.relation for r in rows] == ["conflicting", "dropped", "added"]
    conflict = rows[0]
    assert conflict.a_text.endswith("3,000 casualties in January.")
    assert conflict.differences[0] == DifferenceRecord("number", "3,000", "4,000",
                                                       "3,000 → 4,000")
    assert rows[2].b_text == "In summary, hopes are high."
    assert rows[1].a_text == "The talks were held on Monday."
    assert project.original_of(b) == a and project.original_of(a) is None


def test_what_was_deleted_while_aligning_is_not_stored(
    project: ProjectService, pair: tuple[int, int]
) -> None:
    a, b = pair
    claim = project.create_claim(a, ClaimFields(0, 42))
    project.delete_claims([claim.id])  # deleted while the aligner ran
    rows = [*proposals(), ProposedPassage(None, None, None, None, "same", claim_a=claim.id)]
    assert project.store_alignments(a, b, rows, "test").added == 3, "the claim's row left out"
    project.delete_articles([b])
    with pytest.raises(InvalidEdit, match="deleted while they were being compared"):
        project.store_alignments(a, b, proposals(), "test")


def test_a_rerun_replaces_proposals_but_keeps_verdicts(
    project: ProjectService, pair: tuple[int, int]
) -> None:
    a, b = pair
    project.store_alignments(a, b, proposals(), "claimline-align 1")
    conflict, _dropped, added = project.list_alignments(a, b)
    project.decide_alignment(conflict.id, "reworded", "confirmed", ())
    project.decide_alignment(added.id, "added", "rejected")
    again = project.store_alignments(a, b, proposals(), "claimline-align 1")
    assert (again.added, again.replaced, again.kept) == (1, 1, 2)
    rows = {r.relation: r for r in project.list_alignments(a, b)}
    assert rows["reworded"].status == "confirmed" and rows["reworded"].differences == ()
    assert rows["added"].status == "rejected"
    assert len(project.list_alignments(a, b)) == 3


def test_verdicts_are_validated_and_restorable(project: ProjectService,
                                               pair: tuple[int, int]) -> None:
    a, b = pair
    project.store_alignments(a, b, proposals(), "x")
    row = project.list_alignments(a, b)[0]
    with pytest.raises(InvalidEdit):
        project.decide_alignment(row.id, "similar", "confirmed")
    with pytest.raises(InvalidEdit):
        project.decide_alignment(row.id, "same", "maybe")
    before, after = project.decide_alignment(row.id, "same", "confirmed", ())
    assert after.decided_at is not None
    project.restore_alignment(before)
    assert project.get_alignment(row.id) == before


def test_events_with_disagreeing_claims_are_conflicts(project: ProjectService,
                                                      pair: tuple[int, int]) -> None:
    a, b = pair
    claim_a = project.create_claim(a, ClaimFields(0, 42)).id
    claim_b = project.create_claim(b, ClaimFields(0, 42)).id
    disagreeing = project.create_event(EventFields("Casualties"),
                                       [(claim_a, "reports"), (claim_b, "reports")])
    calm = project.create_event(EventFields("Talks"), [(claim_a, "reports")])
    disputed = project.create_event(EventFields("Hopes"), [(claim_b, "disputes")])
    project.store_alignments(a, b, [ProposedPassage(0, 42, 0, 42, "conflicting", claim_a=claim_a,
                                            claim_b=claim_b)], "x")
    conflicts = project.event_conflicts()
    assert disagreeing.changed.event_ids[0] in conflicts
    assert disputed.changed.event_ids[0] in conflicts
    assert calm.changed.event_ids[0] not in conflicts
    (row,) = project.list_alignments(a, b)
    project.decide_alignment(row.id, "conflicting", "rejected")
    assert disagreeing.changed.event_ids[0] not in project.event_conflicts()


def test_a_verdict_whose_pair_was_replaced_cannot_be_put_back(
    project: ProjectService, pair: tuple[int, int]
) -> None:
    """Confirm, undo, align again, redo: the pair the verdict was on is gone."""
    a, b = pair
    project.store_alignments(a, b, proposals(), "claimline-align 1")
    proposed = project.list_alignments(a, b)[0]
    project.decide_alignment(proposed.id, "conflicting", "confirmed")
    confirmed = project.list_alignments(a, b)[0]
    project.restore_alignment(proposed)  # undo
    project.store_alignments(a, b, proposals(), "claimline-align 1")  # align again
    with pytest.raises(InvalidEdit, match="no longer in the comparison"):
        project.restore_alignment(confirmed)  # redo
    assert all(r.status == "proposed" for r in project.list_alignments(a, b))
