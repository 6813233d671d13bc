"""The TimelineJS export follows the documented JSON format."""

from __future__ import annotations

import datetime as dt
import json

from storage.exporting.timelinejs import precision, timeline_json
from storage.records import ClaimFields, EventFields, FuzzyDateFields
from storage.service import ProjectService


def test_precision_of_bounds() -> None:
    assert precision(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == "year"
    assert precision(dt.date(1950, 1, 1), dt.date(1959, 12, 31)) == "year"
    assert precision(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == "month"
    assert precision(dt.date(2025, 2, 1), dt.date(2025, 2, 10)) == "day"


def test_events_become_slides(project: ProjectService, make_parsed) -> None:
    (article,), _ = project.add_articles([make_parsed(
        "Kyiv said 3,000 <soldiers> were hurt.", title="Report", outlet="RBC-Ukraine")])
    claim = project.create_claim(article.id, ClaimFields(0, 37, claimant="Kyiv")).id
    project.create_event(EventFields("Losses <reported>", FuzzyDateFields(
        "early February 2025", "DATE", "2025-02", "START", "2025-02-01/2025-02-10",
        dt.date(2025, 2, 1), dt.date(2025, 2, 10)), description="From the front"),
        [(claim, "gives_figure")])
    project.create_event(EventFields("The 1950s war", FuzzyDateFields(
        "the 1950s", "DATE", "195X", None, "195X", dt.date(1950, 1, 1), dt.date(1959, 12, 31))))
    project.create_event(EventFields("Some day"))
    events = project.list_events()
    claims = {e.id: project.event_claims(e.id) for e in events}
    document, undated = timeline_json(events, claims, "Seeds")
    json.dumps(document)  # plain JSON
    assert undated == 1
    decade, losses = document["events"]
    assert decade["start_date"] == {"year": "1950"} and decade["end_date"] == {"year": "1959"}
    assert losses["start_date"] == {"year": "2025", "month": "2", "day": "1"}
    assert losses["end_date"] == {"year": "2025", "month": "2", "day": "10"}
    assert losses["display_date"] == "early February 2025"
    assert losses["group"] == "RBC-Ukraine"
    assert losses["text"]["headline"] == "Losses &lt;reported&gt;"
    assert "&lt;soldiers&gt;" in losses["text"]["text"] and "(Kyiv, RBC-Ukraine; " in (
        losses["text"]["text"])
    assert document["title"]["text"]["headline"] == "Seeds"
