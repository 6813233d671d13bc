"""TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Each dated event becomes a slide: its start and end dates at the precision the
fuzzy date has (a year, a month or a day), the phrase as the display date, the
outlets reporting it as the group, and the linked claims as the slide text.
TimelineJS needs a start date, so undated events are left out (and counted).
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import Any

from storage.records import EventClaim, EventRecord

NO_SOURCE = "No source"


def _date(day: dt.date, precision: str) -> dict[str, str]:
    parts = {"year": str(day.year)}
    if precision in ("month", "day"):
        parts["month"] = str(day.month)
    if precision == "day":
        parts["day"] = str(day.day)
    return parts


def precision(earliest: dt.date, latest: dt.date) -> str:
    """The coarsest unit that spans exactly earliest..latest: "year", "month" or "day"."""
    if (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31):
        return "year"
    last = calendar.monthrange(latest.year, latest.month)[1]
    if earliest.day == 1 and latest.day == last:
        return "month"
    return "day"


def _slide_text(event: EventRecord, claims: Sequence[EventClaim]) -> str:
    paragraphs = []
    if event.fields.description:
        paragraphs.append(f"<p>{html.escape(event.fields.description)}</p>")
    for item in claims:
        source = item.outlet or item.article_title
        who = f"{item.claim.claimant}, " if item.claim.claimant else ""
        paragraphs.append(f"<p>“{html.escape(' '.join(item.claim.quote.split()))}” "
                          f"<em>({html.escape(who + source)}; {item.relation})</em></p>")
    return "\n".join(paragraphs)


def timeline_json(
    events: Sequence[EventRecord],
    claims: Mapping[int, Sequence[EventClaim]],
    title: str,
) -> tuple[dict[str, Any], int]:
    """The TimelineJS document, and how many events were left out for having no date."""
    slides = []
    undated = 0
    for event in events:
        date = event.fields.date
        earliest = date.earliest or date.latest
        latest = date.latest or date.earliest
        if earliest is None or latest is None:
            undated += 1
            continue
        unit = precision(earliest, latest)
        slide: dict[str, Any] = {
            "unique_id": event.uid,
            "start_date": _date(earliest, unit),
            "text": {"headline": html.escape(event.title),
                     "text": _slide_text(event, claims.get(event.id, ()))},
            "group": ", ".join(event.outlets) or NO_SOURCE,
        }
        if earliest != latest and not (unit == "year" and earliest.year == latest.year) and not (
                unit == "month" and (earliest.year, earliest.month) == (latest.year,
                                                                        latest.month)):
            slide["end_date"] = _date(latest, unit)
        if date.phrase:
            slide["display_date"] = date.phrase
        slides.append(slide)
    document = {"title": {"text": {"headline": html.escape(title),
                                   "text": f"<p>{len(slides)} events</p>"}},
                "events": slides}
    return document, undated
