"""A cheap guess at whether a clause talks about the past or the future.

News says "on Monday" without saying which Monday; the verb decides. We do not
run a parser here (the tagger must keep pace with corpora), so we look for the
nearest tense marker in the same sentence: auxiliaries and modals, then
irregular and regular past forms. Good enough to pick last Monday or next Monday.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_FUTURE_WORDS = frozenset({
    "will", "won't", "'ll", "shall", "would", "upcoming", "next", "coming", "scheduled",
    "planned", "planning", "plans", "plan", "intends", "intend", "expected", "expects",
    "expect", "due", "forecast", "forecasts", "beginning", "starting",
    "буде", "будуть", "будемо", "планує", "планують", "будет", "будут", "планирует",
    "планируют", "wird", "werden", "sera", "seront", "prévu",
})
# "is to", "set to", "going to", "hopes to"... : a word followed by "to"
_FUTURE_BEFORE_TO = frozenset({"going", "set", "is", "are", "hopes", "hope", "aims", "aim",
                               "likely", "about"})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "didn't", "said", "told", "announced", "reported", "ago",
    "last", "earlier", "came", "went", "took", "made", "began", "met", "saw", "gave", "left",
    "spent", "held", "fell", "rose", "won", "lost", "found", "became", "sent", "led", "fled",
    "fought", "struck", "shot", "wrote", "spoke", "ran", "paid", "sold", "bought", "brought",
    "kept", "got", "put", "been", "thought", "felt", "knew", "hit", "cut", "set",
    "був", "була", "було", "були", "заявив", "заявила", "заявили", "повідомив", "повідомила",
    "повідомили", "сказав", "сказала", "был", "была", "было", "были", "заявил",
    "сообщил", "сообщила", "сообщили", "сказал", "war", "waren", "hatte", "était",
})
_NOT_PAST_ED = frozenset({"need", "speed", "hundred", "indeed", "united", "feed", "seed",
                          "breed", "proceed", "exceed", "succeed", "bleed", "bed", "red",
                          "shed", "ahead", "deed", "weed", "greed", "naked", "wicked",
                          "sacred", "kindred", "scheduled", "planned", "expected"})
# The "futurate" present of schedules, when the verb comes a few words before the
# span: "the Fed meets again Tuesday", "the Bobcats play at Morehead State Thursday".
_FUTURATE = frozenset({"meets", "meet", "begins", "starts", "opens", "resumes", "convenes",
                       "reconvenes", "plays", "play", "hosts", "host", "faces", "visits",
                       "arrives", "departs", "returns", "travels"})
_FUTURATE_REACH = 4  # words between the verb and the span, at most
# After these a past form is a participle, not a past tense: "will be held",
# "is expected", "to get used to".
_PASSIVE = frozenset({"be", "been", "being", "to", "is", "are", "am", "get", "gets", "got",
                      "getting", "become", "becomes", "seem", "seems"})
# Past forms that are themselves auxiliaries: past even after "is"/"be" ("has been").
_AUXILIARIES = frozenset({"was", "were", "had", "did", "didn't", "been", "said", "told",
                          "last", "ago", "earlier"})
# After these a past form is an adjective or a noun: "a revised plan", "of cancelled
# flights", "a sharp cut".
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "my",
                          "your", "this", "these", "those", "of", "newly", "recently"})
# A span right after one of these points back: "since December".
_PAST_PREPOSITIONS = frozenset({"since"})
_TOKEN = re.compile(r"[\w'’]+")
_BOUNDARY = re.compile(r"[.!?;\n]")


def sentence_bounds(text: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """Start and end of the sentence around a span, at most ``reach`` characters away."""
    lo = max(0, start - reach)
    left = max(text.rfind(mark, lo, start) for mark in ".!?;\n")
    sentence_start = left + 1 if left >= 0 else lo
    m = _BOUNDARY.search(text, end, min(len(text), end + reach))
    return sentence_start, (m.start() if m else min(len(text), end + reach))


def _kind(words: list[str], i: int) -> int:
    """+1 future marker, -1 past marker, 0 neither, for the i-th word of a sentence."""
    word = words[i]
    if word in _FUTURE_WORDS:
        return 1
    if word == "to" and i > 0 and words[i - 1] in _FUTURE_BEFORE_TO:
        return 1
    if word == "set" and i + 1 < len(words) and words[i + 1] == "for":
        return 1  # "is set for July 9"
    previous = words[i - 1] if i > 0 else ""
    if word in _PAST_WORDS:
        if word not in _AUXILIARIES and (previous in _PASSIVE or previous in _DETERMINERS):
            return 0  # "will be held", "a sharp cut"
        return -1
    if len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST_ED \
            and previous not in _PASSIVE and previous not in _DETERMINERS:
        return -1
    return 0


_CLAUSE_BREAK = re.compile(r",\s|\s[-–—]+\s|[()]")


def _clause_bounds(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The comma-delimited stretch of the sentence [lo, hi) around the span."""
    left = lo
    for found in _CLAUSE_BREAK.finditer(text, lo, start):
        left = found.end()
    after = _CLAUSE_BREAK.search(text, end, hi)
    return left, (after.start() if after else hi)


def _futurate(words: list[str], i: int, span_index: int) -> bool:
    """A schedule verb in the present just before the span ("meets again Tuesday")."""
    previous = words[i - 1] if i > 0 else ""
    return words[i] in _FUTURATE and 0 < span_index - i <= _FUTURATE_REACH \
        and previous not in _DETERMINERS and not previous.endswith("ed")


Sentence = tuple[list[int], list[int], list[str], list[int]]


@lru_cache(maxsize=64)
def _sentence(text: str, lo: int, hi: int) -> Sentence:
    """Token starts, ends, lower-case words and tense kinds of a sentence.

    Cached: the spans of one sentence usually share its bounds.
    """
    found = [(m.start(), m.end(), m.group().lower().replace("’", "'"))
             for m in _TOKEN.finditer(text, lo, hi)]
    words = [t[2] for t in found]
    return [t[0] for t in found], [t[1] for t in found], words, \
        [_kind(words, i) for i in range(len(words))]


def _nearest(sentence: Sentence, span_index: int, start: int, end: int, lo: int,
             hi: int) -> int:
    """Direction from the nearest tense markers among the tokens inside [lo, hi)."""
    best = {1: -1, -1: -1}
    starts, ends, words, kinds = sentence
    for i in range(bisect_left(starts, lo), bisect_left(starts, hi)):
        t_start, t_end = starts[i], ends[i]
        if start <= t_start < end or t_end > hi:
            continue
        kind = 1 if _futurate(words, i, span_index) else kinds[i]
        if kind == 0:
            continue
        distance = start - t_end if t_end <= start else t_start - end
        if best[kind] < 0 or distance < best[kind]:
            best[kind] = distance
    future, past = best[1], best[-1]
    if future < 0 and past < 0:
        return 0
    if past < 0:
        return 1
    if future < 0:
        return -1
    return 1 if future <= past * 2 else -1


def direction(text: str, start: int, end: int) -> int:
    """-1 if the sentence around text[start:end] reads as past, +1 as future, 0 unknown.

    "since" right before the span settles it (past). Otherwise the clause the
    span is in (between commas) decides if it has a tense marker, so that "will
    strike starting Wednesday, the union said" reads as future; else the whole
    sentence. The nearest marker wins; a future marker outranks a past one up
    to twice as far away, because "will be named ... in December" has a
    participle between, and "would" after "said" is the future of the report.
    """
    lo, hi = sentence_bounds(text, start, end)
    sentence = _sentence(text, lo, hi)
    first = bisect_left(sentence[0], start)
    if first > 0 and sentence[2][first - 1] in _PAST_PREPOSITIONS:
        return -1
    c_lo, c_hi = _clause_bounds(text, lo, hi, start, end)
    if (c_lo, c_hi) != (lo, hi):
        found = _nearest(sentence, first, start, end, c_lo, c_hi)
        if found:
            return found
    return _nearest(sentence, first, start, end, lo, hi)
