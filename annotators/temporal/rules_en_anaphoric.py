"""English rules for phrases that point back at a date the text named.

"the following year", "that week", "the day before", "two years later", "the next
morning", "the following spring". The rule only records the unit and the offset
(Candidate.anaphor); discourse.resolve_anaphors gives the value once every span
of the text is known, from the latest date mentioned before the phrase.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from . import patterns as p
from .candidate import Candidate, Context, Rule, candidate
from .discourse import DAYPART_ANAPHOR, SEASON_ANAPHOR
from .numbers import quantity

_UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}
_ANAPHORIC = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1,
              "same": 0, "that": 0, "before": -1, "after": 1, "earlier": -1, "later": 1}
_DURATION_PREPOSITIONS = frozenset({"over", "for", "during", "within", "in", "through",
                                    "throughout", "across"})


def anaphoric(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit_word = (m["unit"] or m["unit2"] or m["unit3"] or m["unit4"]).lower().rstrip("s")
    unit = _UNIT_CODES.get(unit_word, "Y")
    if m["unit4"]:
        amount = quantity(m["q"])
        if amount is None or amount != int(amount):
            return None
        offset = int(amount) * _ANAPHORIC[m["dir"].lower()]
        return candidate(m, "DATE", "", "anaphoric-shift", confidence=0.7,
                         anaphor=(unit, offset))
    word = (m["which"] or m["dir3"] or "that").lower()
    if word in ("next", "following") and ctx.prev_word(m.start()) in _DURATION_PREPOSITIONS:
        return candidate(m, "DURATION", f"P1{unit}", "duration-next", confidence=0.7)
    return candidate(m, "DATE", "", "anaphoric", confidence=0.75, anaphor=(unit, _ANAPHORIC[word]))


def daypart_anaphor(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"the next morning", "that night": a part of the day before or after the one named."""
    part = lx.DAY_PARTS_EN[m["pod"].lower()]
    offset = _ANAPHORIC[(m["which"] or "that").lower()]
    return candidate(m, "TIME", f"T{part}", DAYPART_ANAPHOR, confidence=0.75,
                     anaphor=("D", offset))


def season_anaphor(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"the following spring", "that summer": the season after, before or of the date named."""
    season = lx.SEASONS_EN[m["season"].lower()]
    offset = _ANAPHORIC[(m["which"] or "that").lower()]
    return candidate(m, "DATE", season, SEASON_ANAPHOR, confidence=0.75,
                     anaphor=("SEASON", offset))


RULES: tuple[Rule, ...] = (
    Rule("anaphoric", ("unit",),
         r"\b(?:the\s+(?P<which>following|next|previous|prior|preceding|same)\s+"
         r"(?P<unit>day|week|month|year)|that\s+(?P<unit2>day|week|month|year)"
         r"|the\s+(?P<unit3>day|week|month|year)\s+(?P<dir3>before|after)"
         rf"|(?P<q>{p.QUANTITY})\s+(?P<unit4>days?|weeks?|months?|years?|decades?)\s+"
         r"(?P<dir>later|earlier))\b", anaphoric,
         back=30,
         words=frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                          "decade", "decades"}),
         lead=p.leads(("the", "that"), p.NUMBER_LEADS)),
    Rule("anaphoric-daypart", ("daypart",),
         r"\b(?:the\s+(?P<which>following|next|previous|preceding)|that)\s+"
         r"(?P<pod>morning|afternoon|evening|night)\b", daypart_anaphor,
         back=24, words=frozenset({"morning", "afternoon", "evening", "night"}),
         lead=p.leads(("the", "that"))),
    Rule("anaphoric-season", ("season",),
         rf"\b(?:the\s+(?P<which>following|next|previous|preceding)|that)\s+"
         rf"(?P<season>{p.SEASON})\b(?!\s+of\b)", season_anaphor,
         back=24, lead=p.leads(("the", "that"))),
)
