"""Events: fuzzy dates, claim links, merge and split, each undone exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage.records import ClaimFields, EventFields, FuzzyDateFields, Provenance
from storage.service import InvalidEdit, ProjectService

EARLY_FEB = FuzzyDateFields("early February", "DATE", "2025-02", "START",
                            "2025-02-01/2025-02-10", dt.date(2025, 2, 1), dt.date(2025, 2, 10),
                            dt.date(2025, 3, 17))
TEXT = ("As of early February, North Korean troops had lost about 4,000 soldiers in Kursk. "
        "Kyiv reported more than 3,000 casualties by the beginning of January 2025.")


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall())
                for t in ("events", "event_tags", "claim_event_links")}


@pytest.fixture
def claims(project: ProjectService, make_parsed) -> tuple[int, int, int]:
    (a,), _ = project.add_articles([make_parsed(TEXT, title="Original", outlet="RBC-Ukraine")])
    (b,), _ = project.add_articles([make_parsed(TEXT.replace("about", "approximately"),
                                                title="Rewrite", outlet="Mirror")])
    first = project.create_claim(a.id, ClaimFields(0, 83)).id
    second = project.create_claim(a.id, ClaimFields(84, len(TEXT))).id
    third = project.create_claim(b.id, ClaimFields(0, 91)).id
    return first, second, third


def test_an_event_keeps_its_fuzzy_date_and_links(project: ProjectService,
                                                 claims: tuple[int, int, int]) -> None:
    first, _second, third = claims
    change = project.create_event(
        EventFields("North Korean losses in Kursk", EARLY_FEB, place="Kursk",
                    participants=("North Korea",), tags=("casualties", "kursk")),
        links=[(first, "gives_figure"), (third, "reports")])
    (event,) = project.get_events(change.changed.event_ids)
    assert event.fields.date == EARLY_FEB
    assert event.fields.tags == ("casualties", "kursk")
    assert event.claim_ids == (first, third)
    assert event.outlets == ("RBC-Ukraine", "Mirror")
    grouped = project.event_claims(event.id)
    assert [(c.outlet, c.relation) for c in grouped] == [("Mirror", "reports"),
                                                         ("RBC-Ukraine", "gives_figure")]
    assert [e.title for e in project.claim_events(first)] == ["North Korean losses in Kursk"]
    assert project.event_tags() == ["casualties", "kursk"]


def test_every_edit_is_undone_and_redone_exactly(project: ProjectService,
                                                 claims: tuple[int, int, int]) -> None:
    first, second, third = claims
    base = project.create_event(EventFields("Losses", EARLY_FEB, tags=("a",)),
                                links=[(first, "reports")])
    event_id = base.changed.event_ids[0]
    other = project.create_event(EventFields("Casualty report", tags=("b",)),
                                 links=[(second, "reports"), (third, "disputes")])
    other_id = other.changed.event_ids[0]
    edits = [
        lambda: project.update_event(event_id, EventFields("Losses in Kursk", tags=("c",))),
        lambda: project.link_claims(event_id, [second, third], "disputes"),
        lambda: project.unlink_claims(other_id, [third]),
        lambda: project.merge_events(event_id, [other_id]),
        lambda: project.split_event(other_id, [third], EventFields("Dispute", tags=("d",))),
        lambda: project.delete_events([event_id, other_id]),
        lambda: project.create_event(EventFields("New one"), links=[(first, "reports")]),
    ]
    for edit in edits:
        before = dump(project.path)
        change = edit()
        after = dump(project.path)
        assert after != before
        project.apply_events_state(change.before)
        assert dump(project.path) == before
        project.apply_events_state(change.after)
        assert dump(project.path) == after
        project.apply_events_state(change.before)


def test_merge_moves_claims_tags_and_participants(project: ProjectService,
                                                  claims: tuple[int, int, int]) -> None:
    first, second, _third = claims
    keep = project.create_event(EventFields("Losses", participants=("Kyiv",), tags=("a",)),
                                links=[(first, "reports")]).changed.event_ids[0]
    gone = project.create_event(EventFields("Casualties", participants=("Kyiv", "Seoul"),
                                            tags=("b",)),
                                links=[(first, "disputes"), (second, "reports")]
                                ).changed.event_ids[0]
    project.merge_events(keep, [gone])
    (event,) = project.list_events()
    assert event.id == keep
    assert event.claim_ids == (first, second)
    assert event.fields.tags == ("a", "b")
    assert event.fields.participants == ("Kyiv", "Seoul")
    assert project.event_claims(keep)[0].relation == "reports", "the kept link wins"


def test_split_moves_the_chosen_claims(project: ProjectService,
                                       claims: tuple[int, int, int]) -> None:
    first, second, third = claims
    event_id = project.create_event(EventFields("Everything"),
                                     links=[(c, "reports") for c in claims]).changed.event_ids[0]
    change = project.split_event(event_id, [third], EventFields("The rewrite's version"))
    new_id = change.changed.event_ids[-1]
    assert project.get_events([event_id])[0].claim_ids == (first, second)
    assert project.get_events([new_id])[0].claim_ids == (third,)


@pytest.mark.parametrize(
    ("fields", "message"),
    [(EventFields(""), "needs a title"),
     (EventFields("Backwards", FuzzyDateFields(earliest=dt.date(2025, 2, 2),
                                               latest=dt.date(2025, 2, 1))), "cannot end")],
)
def test_invalid_events_are_refused(project: ProjectService, fields: EventFields,
                                    message: str) -> None:
    with pytest.raises(InvalidEdit, match=message):
        project.create_event(fields)
    assert project.list_events() == []


def test_unknown_relation_is_refused(project: ProjectService,
                                     claims: tuple[int, int, int]) -> None:
    with pytest.raises(InvalidEdit, match="relates to an event"):
        project.create_event(EventFields("X"), links=[(claims[0], "mentions")])


def test_dates_inside_a_claim_prefill_an_event(project: ProjectService,
                                               claims: tuple[int, int, int]) -> None:
    @dataclasses.dataclass(frozen=True)
    class Timex:
        start: int
        end: int
        kind: str = "timex"
        label: str = "DATE"
        component: str = "claimline_timex"
        rule: str = "month-part"
        score: float = 0.9
        attributes: dict[str, object] = dataclasses.field(default_factory=lambda: {
            "value": "2025-02", "mod": "START"})

    article_id = project.list_articles()[0].id
    start = TEXT.index("early February")
    project.store_suggestions({article_id: [Timex(start, start + 14)]},
                              Provenance("m", "1"), {"claimline_timex"})
    (timex,) = project.claim_timexes(claims[0])
    assert timex.text == "early February" and timex.attributes["mod"] == "START"
    assert project.claim_timexes(claims[1]) == []
