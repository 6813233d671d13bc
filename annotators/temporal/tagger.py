"""find_timexes: temporal expressions in a text, normalized against the document date.

How it runs, and why so: one pass over the words looks each up in a table of
trigger words (month names, digits, "year", "now"...); each rule's fuller
pattern is tried, anchored, only at the few word starts just before a trigger
of its family; overlapping candidates are settled longest-first; phrases that
point back into the text ("the following year") are resolved last, against the
latest date the text named, and a clock time takes the day beside it or named
earlier in its sentence (both in discourse.py). No spaCy, no model: this keeps
pace with whole corpora (see benchmarks/timex_eval.py).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from functools import cache

from . import (
    patterns,
    rules_de_fr,
    rules_en_absolute,
    rules_en_anaphoric,
    rules_en_durations,
    rules_en_relative,
    rules_numeric,
    rules_slavic,
)
from .candidate import Candidate, Context, RejectedDate, Rule, to_fuzzy_date
from .discourse import attach_clock_times, resolve_anaphors
from .fuzzy_date import TimexSuggestion

_BACK = 48  # characters a rule may reach before its trigger word
_FORWARD = 48
SUPPORTED_LANGUAGES = ("en", "uk", "ru", "de", "fr")


def _ruleset(lang: str) -> tuple[tuple[Rule, ...], Mapping[str, Iterable[str]]]:
    """The rules of a language and its trigger words, by family."""
    if lang in ("uk", "ru"):
        return rules_slavic.RULES + rules_numeric.RULES, rules_slavic.TRIGGERS
    if lang == "de":
        return rules_de_fr.RULES_DE + rules_numeric.RULES, rules_de_fr.TRIGGERS_DE
    if lang == "fr":
        return rules_de_fr.RULES_FR + rules_numeric.RULES, rules_de_fr.TRIGGERS_FR
    english = (rules_en_absolute.RULES + rules_en_relative.RULES
               + rules_en_anaphoric.RULES + rules_en_durations.RULES
               + rules_numeric.RULES)
    return english, patterns.TRIGGER_WORDS_EN


class _Prepared:
    """A rule with its pattern and gates compiled."""

    __slots__ = ("after", "before", "lead_digits", "lead_words", "regex", "rule")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.lead_words = frozenset(w for w in rule.lead if not w[:1].isnumeric())
        self.lead_digits = any(w[:1].isnumeric() for w in rule.lead)
        self.regex = patterns.compiled(rule.pattern, rule.flags)
        self.after = re.compile(rule.after, re.IGNORECASE) if rule.after else None
        self.before = re.compile(f"(?:{rule.before})\\Z", re.IGNORECASE) if rule.before else None


class _Compiled:
    """A language's trigger words (lower case -> family) and its rules by family."""

    def __init__(self, lang: str) -> None:
        rules, triggers = _ruleset(lang)
        self.families: dict[str, str] = {}
        for family, words in triggers.items():
            for word in words:
                self.families.setdefault(_key(word), family)
        self.by_family: dict[str, list[_Prepared]] = defaultdict(list)
        for rule in rules:
            prepared = _Prepared(rule)
            for family in rule.families:
                self.by_family[family].append(prepared)


def _key(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


@cache
def _compiled(lang: str) -> _Compiled:
    return _Compiled(lang)


def _language(lang: str) -> str:
    key = (lang or "en").lower().split("-")[0].split("_")[0]
    return key if key in SUPPORTED_LANGUAGES else "en"


_TOKEN = re.compile(r"[\w'’ʼ]+")
_QUOTES = "'’ʼ"
_APOSTROPHE = re.compile(r"['’ʼ]")


def _quoted_trigger(word: str, start: int, get: Callable[[str], str | None]
                    ) -> tuple[int, int, str] | None:
    """A trigger inside a word with apostrophes: "п'ятниця", "'90s", "Friday's", "1990's"."""
    core = word.strip(_QUOTES)
    if not core:
        return None
    offset = start + word.index(core)
    if core[0].isdigit():
        return offset, offset + len(_APOSTROPHE.split(core)[0]), "digit"
    family = get(_key(core))
    if family is not None:
        return offset, offset + len(core), family
    head = _APOSTROPHE.split(core)[0]
    family = get(head) or get(head.lower())
    return (offset, offset + len(head), family) if family is not None else None


def triggers(text: str, families: dict[str, str]
             ) -> tuple[list[tuple[int, int, str]], list[int], list[str]]:
    """Trigger words as (start, end, family), where every word starts, and the words.

    A plain loop over word tokens with a dictionary look-up: much faster than
    one large alternation, and the word starts come for free. The words are in
    lower case, cut at an apostrophe ("yesterday's" -> "yesterday"), as the
    rules' lead sets spell them.
    """
    hits: list[tuple[int, int, str]] = []
    starts: list[int] = []
    words: list[str] = []
    add_start = starts.append
    add_word = words.append
    get = families.get
    for m in _TOKEN.finditer(text):
        start = m.start()
        word = m.group()
        low = word.lower()
        if "'" in word or "’" in word or "ʼ" in word:
            core = low.lstrip(_QUOTES)
            if core != low and core:
                add_start(start)
                add_word(low[0])
                start += len(low) - len(core)
            add_start(start)
            add_word(_APOSTROPHE.split(core)[0] if core else low)
            hit = _quoted_trigger(word, m.start(), get)
            if hit is not None:
                hits.append(hit)
            continue
        add_start(start)
        add_word(low)
        if low[0].isdigit():
            hits.append((start, m.end(), "digit"))
            continue
        family = get(low)
        if family is not None:
            hits.append((start, m.end(), family))
    return hits, starts, words


def collect_candidates(ctx: Context) -> list[Candidate]:
    """Every candidate any rule proposes, overlapping ones included.

    For each trigger, each rule of its family is tried anchored at the word
    starts up to ``rule.back`` characters before the trigger; a match counts if
    it covers the trigger. Anchored attempts fail in a few steps, which is what
    makes this fast.
    """
    text = ctx.text
    n = len(text)
    compiled = _compiled(_language(ctx.lang))
    hits, word_starts, words = triggers(text, compiled.families)
    if not hits:
        return []
    seen: set[tuple[str, int, int]] = set()
    found: list[Candidate] = []
    for h_start, h_end, family in hits:
        rules = compiled.by_family.get(family)
        if not rules:
            continue
        word = text[h_start:h_end].lower()
        first = bisect.bisect_left(word_starts, h_start - _BACK)
        last = bisect.bisect_right(word_starts, h_start)
        starts = word_starts[first:last]
        hi = min(n, h_end + _FORWARD)
        while hi < n and text[hi].isalnum():
            hi += 1
        openings = list(zip(starts, words[first:last], strict=True))
        for prepared in rules:
            rule, regex = prepared.rule, prepared.regex
            if rule.words and word not in rule.words:
                continue
            if prepared.after is not None and not prepared.after.match(text, h_end, hi):
                continue
            if prepared.before is not None and not prepared.before.search(
                    text, max(0, h_start - 24), h_start):
                continue
            reach = h_start - rule.back
            if rule.lead:
                lead_words, lead_digits = prepared.lead_words, prepared.lead_digits
                positions = [pos for pos, opening in openings if pos >= reach and (
                    opening in lead_words or (lead_digits and opening[:1].isnumeric()))]
            else:
                positions = [pos for pos, _ in openings if pos >= reach]
            for pos in positions:
                m = regex.match(text, pos, hi)
                if m is None or m.end() < h_end:
                    continue
                key = (rule.name, m.start(), m.end())
                if key in seen:
                    break
                seen.add(key)
                try:
                    c = rule.handler(m, ctx)
                except RejectedDate as reason:
                    ctx.rejections.append(str(reason))
                    ctx.rejected_spans.append(m.span())
                    continue
                except (ValueError, OverflowError):
                    continue  # calendar arithmetic past year 1 or 9999
                if c is not None and c.end > c.start:
                    found.append(c)
                    break
    if ctx.rejected_spans:  # "31 February 2025" is no date, not even "February 2025"
        found = [c for c in found if not any(
            bad_start <= c.start and c.end <= bad_end for bad_start, bad_end in ctx.rejected_spans)]
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: longest span first, then the surer rule."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.confidence, c.start))
    starts: list[int] = []
    chosen: list[Candidate] = []
    for c in ordered:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and chosen[i - 1].end > c.start:
            continue
        if i < len(chosen) and chosen[i].start < c.end:
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _as_date(dct: date | datetime | None) -> date | None:
    if isinstance(dct, datetime):
        return dct.date()
    return dct


def tag(text: str, dct: date | datetime | None, lang: str = "en",
        phrase_mode: bool = False) -> tuple[list[TimexSuggestion], Context]:
    """find_timexes with the context kept, for the phrase parser's error messages."""
    anchor = _as_date(dct)
    ctx = Context(text, anchor, lang=_language(lang), phrase_mode=phrase_mode)
    chosen = select(collect_candidates(ctx))
    resolve_anaphors(chosen, anchor)
    attach_clock_times(chosen, text)
    suggestions = [
        TimexSuggestion(c.start, c.end, text[c.start:c.end],
                        to_fuzzy_date(text[c.start:c.end], c, anchor), c.rule,
                        round(c.confidence, 3))
        for c in chosen
    ]
    return suggestions, ctx


def find_timexes(text: str, dct: date | datetime | None, lang: str = "en"
                 ) -> list[TimexSuggestion]:
    """Temporal expressions in ``text``, in order, normalized TimeML-style against ``dct``.

    ``dct`` is the document creation (publication) date. Without it, relative
    expressions come back with ``needs_anchor=True``, X placeholders and no
    bounds. ``lang`` is "en" (default), "uk", "ru", "de" or "fr".
    """
    return tag(text, dct, lang)[0]
