"""Publication dates: only unambiguous ISO 8601 forms are read.

"03/04/2024" means March or April depending on the country; guessing would silently put
events on the wrong day of a timeline, so such values are reported instead.
"""

from __future__ import annotations

import datetime
import re

_SLASHED = re.compile(r"^(\d{4})/(\d{2})/(\d{2})$")


def parse_date(value: str) -> datetime.date | None:
    """The calendar date in an ISO 8601 date or date-time string, else ``None``.

    A date-time keeps the date as written in its own time zone: that is the day the
    outlet printed, which is what relative phrases ("yesterday") are anchored to.
    """
    value = value.strip()
    value = _SLASHED.sub(r"\1-\2-\3", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError:
        return None
