"""Small pairs written for each relation and each kind of difference."""

from __future__ import annotations

import pytest

from annotators.alignment import AlignedPassage

from .conftest import Aligner, sentence_rows


def only(rows: list[AlignedPassage]) -> AlignedPassage:
    rows = sentence_rows(rows)
    assert len(rows) == 1, [(r.relation, r.reason) for r in rows]
    return rows[0]


def kinds(row: AlignedPassage) -> set[str]:
    return {d.kind for d in row.differences}


def test_same(align: Aligner) -> None:
    text = "The bridge over the Lesna River reopened on Friday after two years of repairs."
    row = only(align(text, text))
    assert row.relation == "same"
    assert row.score > 0.9
    assert row.reason.startswith("Same statement")


def test_near_identical_wording_is_same(align: Aligner) -> None:
    row = only(align(
        "The bridge over the Lesna River reopened on Friday after two years of repairs.",
        "The bridge over the Lesna River reopened on Friday after two years of repair work."))
    assert row.relation == "same"


def test_reworded(align: Aligner) -> None:
    row = only(align(
        "Kavrin's health ministry reported that as of the beginning of March 2024, more than "
        "1,500 patients had been treated at the new clinic.",
        "Figures from Kavrin's health ministry showed that as of early March 2024, over 1,500 "
        "patients had received treatment at the new clinic."))
    assert row.relation == "reworded"
    assert row.differences == ()
    assert "similarity" in row.reason


@pytest.mark.parametrize(("a", "b", "kind", "note"), [
    ("The storm damaged 340 houses in the coastal town of Perla, officials said.",
     "The storm damaged 430 houses in the coastal town of Perla, officials said.",
     "number", "340 → 430"),
    ("The museum will reopen on 4 May 2024 after a long renovation, the city said.",
     "The museum will reopen on 14 May 2024 after a long renovation, the city said.",
     "date", "2024-05-04 → 2024-05-14"),
    ("About 4,000 people attended the march in Tovel on Sunday, police said.",
     "More than 4,000 people attended the march in Tovel on Sunday, police said.",
     "certainty", "hedged: about → more than"),
    ("The new tunnel will cut the journey to the coast by half, engineers said.",
     "The new tunnel may cut the journey to the coast by half, engineers said.",
     "certainty", "hedged in B only: asserted → may"),
    ("It is not yet known whether the fire at the Tomsby depot was started deliberately.",
     "The fire at the Tomsby depot was started deliberately.",
     "certainty", "hedged in A only: not yet known → asserted"),
    ("Interior minister Arvid Kolberg said the border post at Narsk would close on Monday.",
     "Police chief Dana Weller said the border post at Narsk would close on Monday.",
     "attribution", "claimant: Arvid Kolberg → Dana Weller"),
    ("The ceremony was opened by Lena Haugstad, who cut a red ribbon at the gate.",
     "The ceremony was opened by Marit Solberg, who cut a red ribbon at the gate.",
     "person", "Lena Haugstad → Marit Solberg"),
    ("The earthquake struck near the town of Valbreck early on Tuesday morning.",
     "The earthquake struck near the town of Ostrelle early on Tuesday morning.",
     "place", "Valbreck → Ostrelle"),
    ("The contract to build the stadium went to Hollin Construction after a long tender.",
     "The contract to build the stadium went to Brask Engineering after a long tender.",
     "organisation", "Hollin Construction → Brask Engineering"),
])
def test_conflicting(align: Aligner, a: str, b: str, kind: str, note: str) -> None:
    row = only(align(a, b))
    assert row.relation == "conflicting", row.reason
    assert kinds(row) == {kind}
    (difference,) = row.differences
    assert difference.note == note
    assert difference.a in a and difference.b in b
    assert kind in row.reason


def test_approximations_that_agree(align: Aligner) -> None:
    row = only(align("About 4,000 soldiers were lost in the fighting near Kursk.",
                     "Approximately 4,000 soldiers were lost in the fighting near Kursk."))
    assert row.relation in {"same", "reworded"}


@pytest.mark.parametrize(("a", "b"), [
    ("The fire burned 3,000 hectares.", "The fire burned three thousand hectares."),
    ("The fire burned 4 thousand hectares.", "The fire burned 4,000 hectares."),
    ("The fire burned more than 3,000 hectares.", "The fire burned over 3,000 hectares."),
])
def test_figures_written_differently_agree(align: Aligner, a: str, b: str) -> None:
    row = only(align(a, b))
    assert row.relation in {"same", "reworded"}, row.reason


def test_dates_said_differently_agree(align: Aligner) -> None:
    row = only(align(
        "As of the beginning of January 2025, the agency had counted 212 cases.",
        "As of early January 2025, the agency had counted 212 cases."))
    assert row.relation in {"same", "reworded"}, row.reason


def test_place_names_said_differently_agree(align: Aligner) -> None:
    row = only(align(
        "Pyongyang may be ready to send more troops to the front, Seoul's military said.",
        "North Korea may be ready to send more troops to the front, South Korea's military said."))
    assert row.relation in {"same", "reworded"}, row.reason


def test_partial(align: Aligner) -> None:
    a = ("The council approved the budget on Tuesday, voted to close two branch libraries, "
         "agreed to sell the old town hall and raised parking fees across the city centre.")
    b = "The council approved the budget on Tuesday."
    row = only(align(a, b))
    assert row.relation == "partial", row.reason
    assert "only part" in row.reason


def test_added_and_dropped(align: Aligner) -> None:
    a = ("The harbour in Selvik reopened on Monday after the storm. "
         "Fishing boats returned to their moorings by the afternoon. "
         "The harbour master thanked volunteers who cleared the quays.")
    b = ("The harbour in Selvik reopened on Monday after the storm. "
         "Fishing boats returned to their moorings by the afternoon. "
         "The episode raises deep questions about the country's readiness for climate change.")
    rows = sentence_rows(align(a, b))
    relations = [r.relation for r in rows]
    assert relations.count("same") == 2
    dropped = next(r for r in rows if r.relation == "dropped")
    added = next(r for r in rows if r.relation == "added")
    assert a[dropped.a_start : dropped.a_end].startswith("The harbour master")
    assert dropped.b_start is None and added.a_start is None
    assert b[added.b_start : added.b_end].startswith("The episode")
    assert added.reason.startswith("Only in B")


def test_moved_sentence(align: Aligner) -> None:
    a = ("Workers at the Tarvo shipyard began a strike on Monday over unpaid wages. "
         "The yard employs 2,100 people and builds ferries for Baltic routes. "
         "Managers said salaries for March would be paid by the end of the week. "
         "The union said the strike would go on until every worker was paid.")
    b = ("The union said the strike would go on until every worker was paid. "
         "Workers at the Tarvo shipyard began a strike on Monday over unpaid wages. "
         "The yard employs 2,100 people and builds ferries for Baltic routes. "
         "Managers said salaries for March would be paid by the end of the week.")
    rows = sentence_rows(align(a, b))
    assert all(r.relation == "same" for r in rows), [(r.relation, r.reason) for r in rows]
    assert len(rows) == 4
    assert sum("moved" in r.reason for r in rows) == 1


def test_merged_sentences(align: Aligner) -> None:
    a = ("The ruling Farmers' Alliance came second with 29.8 percent of the vote. "
         "Turnout was 61 percent, up from 55 percent five years ago.")
    b = ("The ruling Farmers' Alliance came second with 29.8 percent, while turnout rose to "
         "61 percent from 55 percent five years ago.")
    row = only(align(a, b))
    assert row.relation in {"reworded", "partial"}
    assert (row.a_start, row.a_end) == (0, len(a))
    assert "Two sentences of A" in row.reason


def test_split_sentence(align: Aligner) -> None:
    a = ("The carmaker Velta will close its plant in Dornau in May 2025, putting 1,900 jobs at "
         "risk, the company said, blaming falling demand for petrol cars.")
    b = ("Carmaker Velta will close its plant in Dornau in May 2025, putting 1,900 jobs at risk, "
         "the company said. Velta blamed falling demand for petrol cars.")
    row = only(align(a, b))
    assert row.relation in {"reworded", "partial"}
    assert (row.b_start, row.b_end) == (0, len(b))


def test_a_heading_aligns_only_with_a_heading(align: Aligner) -> None:
    a = ("Flood defences in Marlow\n\nThe flood defences along the river in Marlow were "
         "raised by one metre last year.")
    b = "The flood defences along the river in Marlow were raised by one metre last year."
    rows = sentence_rows(align(a, b))
    assert [r.relation for r in rows] == ["dropped", "same"]
    assert "heading" in rows[0].reason


def test_durations_said_differently_agree(align: Aligner) -> None:
    row = only(align("The line opened ten years after construction began, officials said.",
                     "The line opened a decade after construction began, officials said."))
    assert row.relation in {"same", "reworded"}, row.reason


def test_a_one_line_paragraph_with_a_full_stop_is_a_sentence(align: Aligner) -> None:
    a = ("Intro line.\n\n"
         "The 11-kilometre line has nine stations and connects the port with the airport.")
    b = "Intro line.\n\nThe nine-station, 11-kilometre line links the port to the airport."
    rows = sentence_rows(align(a, b))
    assert [r.relation for r in rows] == ["same", "reworded"]


@pytest.mark.parametrize("modal", ["could not", "could no longer", "couldn't"])
def test_inability_is_no_hedge(align: Aligner, modal: str) -> None:
    """ "could not open" states what happened; only a guess ("could open") is a hedge."""
    row = only(align(
        f"On Sunday the ferry crews {modal} leave the harbour at Velm because of the ice.",
        "On Sunday the ferry crews were unable to leave the harbour at Velm because of the ice."))
    assert "certainty" not in kinds(row), row.differences


def test_may_not_still_hedges(align: Aligner) -> None:
    row = only(align(
        "The ferry from Velm may not sail on Sunday because of the ice, the operator said.",
        "The ferry from Velm will not sail on Sunday because of the ice, the operator said."))
    assert "certainty" in kinds(row)
