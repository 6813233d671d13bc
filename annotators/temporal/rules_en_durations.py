"""English rules for durations ("three days", "the last five years", "for years")
and sets ("every week", "twice a month", "annually").

TimeML conventions kept here: the quantifier and modifiers ("at least", "more
than", "nearly") are inside the span, prepositions are not; "within a year"
gets EQUAL_OR_LESS from the preposition. Rates ("four flights a week") and ages
("a 48-year-old") are not durations.
"""

from __future__ import annotations

import re
from itertools import pairwise

from . import lexicon as lx
from . import patterns as p
from .candidate import Candidate, Context, RejectedDate, Rule, candidate
from .numbers import quantity
from .rulekit import followed_by_noun, quantity_mod, unit_letter
from .timex_value import duration_value

# Words after which "a month", "one year" is a length of time, not a rate or "one day".
_SINGLE_CONTEXT = frozenset({
    "for", "within", "in", "over", "after", "before", "than", "about", "around", "nearly",
    "almost", "barely", "just", "only", "least", "most", "spent", "spend", "spends",
    "spending", "took", "take", "takes", "taking", "lasted", "last", "lasts", "lasting",
    "of", "during", "through", "throughout", "up", "to", "entire", "whole", "full", "another",
    "extra", "additional", "once", "by", "until", "till", "past", "first", "roughly",
    "approximately", "some", "under", "and", "or", "half", "quarter",
})
_SINGLE_FOLLOWERS = frozenset({"ago", "later", "earlier", "long", "after", "before", "and",
                               "or", "since", "from", "into", "of"})


def duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit = unit_letter(m["unit"])
    if unit in ("WE", "Q"):
        return None
    tail = ctx.text[m.end():m.end() + 5].lower()
    if tail.startswith(("-old", " old", "-year", "-month", "-day")):
        return None  # ages ("a 48-year-old") and compounds ("two-year-old")
    q = " ".join(m["q"].split()).lower()
    try:
        amount = quantity(q)
    except ValueError:
        return None
    if m["half"]:
        amount = None if amount is None else amount + 0.5
    singular = q in ("a", "an", "one", "a single", "single")
    if singular and not ctx.phrase_mode and not m["qmod"] and not m["more"]:
        before = ctx.prev_word(m.start())
        after = ctx.next_word(m.end()).lower()
        if not (before in _SINGLE_CONTEXT or after in _SINGLE_FOLLOWERS
                or ctx.at_sentence_start(m.start())):
            return None
        if after not in _SINGLE_FOLLOWERS and followed_by_noun(after):
            return None  # "a second time", "a day trip"
        if q == "one" and unit == "D" and after not in _SINGLE_FOLLOWERS \
                and before not in _SINGLE_CONTEXT:
            return None  # "One day, he said, things will change"
    if amount is not None and amount >= 1000 and unit in ("Y", "D"):
        return None
    mod = quantity_mod(m["qmod"])
    if mod is None and ctx.prev_word(m.start()) == "within":
        mod = "EQUAL_OR_LESS"
    return candidate(m, "DURATION", duration_value(amount, unit), "duration", mod=mod,
                     confidence=0.85 if not singular else 0.75)


def adjectival_duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    if ctx.text[m.end():m.end() + 4].lower() in ("-old", "-ol") or \
            ctx.text[m.end():m.end() + 5].lower() == " old ":
        return None
    try:
        amount = quantity(m["q"])
    except ValueError:
        return None
    unit = unit_letter(m["unit"])
    if unit in ("WE", "Q"):
        return None
    return candidate(m, "DURATION", duration_value(amount, unit), "duration-adjective",
                     confidence=0.8)


_FRAME = {"past": "past", "last": "past", "previous": "past", "recent": "past",
          "next": "future", "coming": "future", "following": "future", "first": "first",
          "final": "first", "initial": "first", "remaining": "future"}


def framed_duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"the last five years", "the past year", "the coming weeks", "recent months"."""
    unit = unit_letter(m["unit"])
    if unit in ("WE",):
        return None
    plural = m["unit"].lower().endswith(("s", "ies"))
    rel = m["rel"].lower()
    if m["q"]:
        try:
            amount = quantity(m["q"])
        except ValueError:
            return None
    elif plural:
        amount = None
    else:
        if rel in ("following", "next", "previous") and \
                ctx.prev_word(m.start()) not in ("over", "for", "during", "within", "in",
                                                 "through", "throughout"):
            return None  # "the following year": a date, see the anaphoric rule
        if rel in ("first", "final", "initial"):
            return None  # "the first year of his term"
        amount = 1.0
    if unit == "Q":
        unit, amount = "M", None if amount is None else amount * 3
    return candidate(m, "DURATION", duration_value(amount, unit), "duration-framed",
                     confidence=0.85)


def bare_plural(m: re.Match[str], ctx: Context) -> Candidate | None:
    if ctx.prev_word(m.start()) not in ("for", "in", "over", "within", "after", "take",
                                        "took", "takes", "lasted", "last", "through"):
        return None
    after = ctx.next_word(m.end()).lower()
    if after in ("ago", "of", "later", "earlier", "before", "after") or followed_by_noun(after):
        return None
    return candidate(m, "DURATION", duration_value(None, unit_letter(m["unit"])),
                     "duration-vague", confidence=0.7)


def every(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = m["what"].lower()
    step = 2.0 if m["other"] else 1.0
    if m["q"]:
        try:
            amount = quantity(m["q"])
        except ValueError:
            return None
        step = amount if amount is not None else step
    if word in lx.UNITS_EN or word in ("minute", "minutes"):
        unit = unit_letter(word)
        if unit == "WE":
            return candidate(m, "SET", "XXXX-WXX-WE", "set-every", confidence=0.85)
        return candidate(m, "SET", duration_value(step, unit), "set-every", confidence=0.85)
    if word in lx.DAY_PARTS_EN:
        return candidate(m, "SET", f"XXXX-XX-XXT{lx.DAY_PARTS_EN[word]}", "set-every",
                         confidence=0.85)
    if word in lx.SEASONS_EN:
        return candidate(m, "SET", f"XXXX-{lx.SEASONS_EN[word]}", "set-every", confidence=0.85)
    if word in lx.MONTHS_EN:
        return candidate(m, "SET", f"XXXX-{lx.MONTHS_EN[word]:02d}", "set-every",
                         confidence=0.85)
    return None


# Order of TIMEX3 duration units, largest first, for "four years and nine months".
_UNIT_ORDER = {"E": 0, "DE": 1, "Y": 2, "M": 3, "W": 4, "D": 5, "H": 6, "MIN": 7, "S": 8}
_TO_YEARS = {"E": 100, "DE": 10, "Y": 1}


def _compose(parts: list[tuple[str, int]]) -> str:
    """One TIMEX3 duration from (unit, amount) parts: [("Y", 4), ("M", 9)] -> "P4Y9M"."""
    amounts = dict(parts)
    years = sum(amounts.get(u, 0) * k for u, k in _TO_YEARS.items())
    if "W" in amounts and "D" in amounts:
        amounts["D"] += 7 * amounts.pop("W")
    date_part = (f"{years}Y" if years else "") + "".join(
        f"{amounts[u]}{u}" for u in ("M", "W", "D") if u in amounts)
    time_part = "".join(f"{amounts[u]}{'M' if u == 'MIN' else u}"
                        for u in ("H", "MIN", "S") if u in amounts)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def compound_duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"four years and nine months", "2 hours, 9 minutes, 37 seconds": one duration."""
    tail = ctx.text[m.end():m.end() + 10].lower()
    if re.match(r"[\s-]+old\b", tail):
        raise RejectedDate("an age is not a length of time")  # none of its parts either
    if re.match(r"[\s-]+(?:ago|later|earlier)\b", tail):
        return None  # a date: "two years and a month ago"
    parts: list[tuple[str, int]] = []
    for q, u in (("q1", "u1"), ("q2", "u2"), ("q3", "u3")):
        if not m[q]:
            continue
        try:
            amount = quantity(m[q])
        except ValueError:
            return None
        unit = unit_letter(m[u])
        if amount is None or amount != int(amount) or unit not in _UNIT_ORDER:
            return None
        parts.append((unit, int(amount)))
    order = [_UNIT_ORDER[unit] for unit, _ in parts]
    if any(a >= b for a, b in pairwise(order)):
        return None  # "between two years and five years": two durations
    return candidate(m, "DURATION", _compose(parts), "duration-compound",
                     mod=quantity_mod(m["qmod"]), confidence=0.9)


_CLOCK_WORDS = frozenset({"at", "by", "until", "till", "from", "before", "after", "since",
                          "around", "about"})


def race_time(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"won in 2:24:11": hours, minutes and seconds of a result, not a time of day."""
    if ctx.prev_word(m.start()) in _CLOCK_WORDS:
        return None
    hours, minutes, seconds = int(m["h"]), int(m["m"]), int(m["s"])
    value = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") \
        + (f"{seconds}S" if seconds else "")
    return candidate(m, "DURATION", value, "duration-hms", confidence=0.8)


def times_per(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit = unit_letter(m["unit"])
    if unit in ("WE", "Q"):
        return None
    return candidate(m, "SET", duration_value(1.0, unit), "set-frequency", confidence=0.8)


def set_adverb(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = m.group().lower()
    if word != "annually" and not ctx.phrase_mode and followed_by_noun(ctx.next_word(m.end())):
        return None  # "daily flights", "a weekly magazine"
    if ctx.prev_word(m.start()) in ("a", "an", "the", "his", "her", "their", "its"):
        return None  # "the daily", a newspaper
    return candidate(m, "SET", lx.SET_ADVERBS_EN[word], "set-adverb", confidence=0.7)


_QM = rf"(?:(?P<qmod>{p.DURATION_MOD})\s+)?"
_EXACT = rf"(?:\d+|{p.NUMBER_WORD}|an?|one)"
_AND = r"(?:,\s*(?:and\s+)?|\s+and\s+)"
_PLURAL_UNITS = r"years|months|weeks|days|decades|centuries|hours|minutes"
_PLURAL_WORDS = frozenset(_PLURAL_UNITS.split("|"))

RULES: tuple[Rule, ...] = (
    Rule("duration-compound", ("unit",),
         rf"(?<![\w-]){_QM}(?P<q1>{_EXACT})\s+(?P<u1>{p.UNIT}){_AND}(?P<q2>{_EXACT})\s+"
         rf"(?P<u2>{p.UNIT})(?:{_AND}(?P<q3>{_EXACT})\s+(?P<u3>{p.UNIT}))?(?![\w-])",
         compound_duration, back=48, after=r"\s*(?:,|and\b)",
         lead=p.leads(p.QUANTITY_MOD_LEADS, p.NUMBER_LEADS)),
    Rule("duration-hms", ("digit",),
         r"(?<![\w:.,])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\w:]|[.,]\d)"
         r"(?!\s*(?:[ap]\.?m\b|GMT|UTC|[A-Z]{2}T\b))", race_time, back=0,
         after=r":\d\d:\d\d"),
    Rule("duration", ("unit",),
         rf"(?<![\w-]){_QM}(?:another\s+)?(?P<q>{p.QUANTITY})\s+(?:(?P<more>more|additional|further|full"
         rf"|straight|consecutive|long|whole)\s+)?(?P<unit>{p.UNIT})"
         r"(?P<half>\s+and\s+a\s+half)?(?![\w-])", duration, back=40,
         lead=p.leads(p.QUANTITY_MOD_LEADS, p.NUMBER_LEADS, ("another",))),
    Rule("duration-adjective", ("unit",),
         rf"(?<![\w-])(?P<q>\d+(?:\.\d+)?|{p.NUMBER_WORD}|half)-(?P<unit>{p.UNIT})(?![\w])",
         adjectival_duration, back=14, before="-",
         lead=p.leads(p.NUMBER_LEADS)),
    Rule("duration-framed", ("unit",),
         rf"\b{_QM}the\s+(?P<rel>past|last|next|coming|previous|following|first|final|initial"
         rf"|remaining|recent)\s+(?:(?P<q>{p.QUANTITY})\s+)?(?P<unit>{p.UNIT})(?![\w-])",
         framed_duration, back=44,
         lead=p.leads(p.QUANTITY_MOD_LEADS, ("the",))),
    Rule("duration-recent", ("unit",),
         rf"\b(?:in|over|for|during)\s+(?P<t>recent\s+(?P<unit>{_PLURAL_UNITS}))\b",
         lambda m, ctx: candidate(m, "DURATION", duration_value(None, unit_letter(m["unit"])),
                                  "duration-recent", confidence=0.75),
         back=14,
         words=_PLURAL_WORDS, lead=p.leads(("in", "over", "for", "during"))),
    Rule("duration-vague", ("unit",), rf"\b(?P<unit>{_PLURAL_UNITS})\b", bare_plural,
         back=0,
         words=_PLURAL_WORDS),
    Rule("set-every", ("unit", "weekday", "daypart", "season", "month"),
         rf"\b(?:every|each)\s+(?:single\s+)?(?:(?P<other>other|second)\s+)?(?:(?P<q>\d+|{p.NUMBER_WORD}"
         rf"|few)\s+)?(?P<what>{p.UNIT}|minutes?|morning|afternoon|evening|night"
         rf"|{p.SEASON}|{p.alternation(lx.MONTHS_EN)})\b", every, back=24,
         lead=p.leads(("every", "each"))),
    Rule("set-frequency", ("unit", "deictic"),
         rf"\b(?:once|twice|thrice|(?:\d+|{p.NUMBER_WORD}|several|many)\s+times)\s+"
         rf"(?:a|an|per|each|every)\s+(?P<unit>{p.UNIT}|minute)\b", times_per, back=28,
         lead=p.leads(("once", "twice", "thrice"), p.NUMBER_LEADS)),
    Rule("set-adverb", ("setadv",), rf"\b(?:{p.alternation(lx.SET_ADVERBS_EN)})\b", set_adverb,
         back=0),
)
