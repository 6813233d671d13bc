"""A cheap guess at whether a clause talks about the past or the future.

News says "on Monday" without saying which Monday; the verb decides. We do not
run a parser here (the tagger must keep pace with corpora), so we look for the
nearest tense marker in the same sentence: auxiliaries and modals, then
irregular and regular past forms. Good enough to pick last Monday or next Monday.
"""

from __future__ import annotations

import re

_FUTURE_WORDS = frozenset({
    "will", "won't", "'ll", "shall", "would", "upcoming", "next", "coming", "scheduled",
    "planned", "planning", "plans", "plan", "intends", "intend", "expected", "expects",
    "due", "буде", "будуть", "будемо", "планує", "планують", "будет", "будут", "планирует",
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
_PASSIVE = frozenset({"be", "been", "being", "to"})
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
    if word in _PAST_WORDS:
        return -1
    if len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST_ED \
            and not (i > 0 and words[i - 1] in _PASSIVE):
        return -1
    return 0


def direction(text: str, start: int, end: int) -> int:
    """-1 if the sentence around text[start:end] reads as past, +1 as future, 0 unknown.

    The nearest marker wins; a future marker outranks a past one up to twice
    as far away, because "will be named ... in December" has a participle
    between, and "would" after "said" is the future of the report.
    """
    lo, hi = sentence_bounds(text, start, end)
    tokens = [(m.start(), m.end(), m.group().lower().replace("’", "'"))
              for m in _TOKEN.finditer(text, lo, hi)]
    words = [t[2] for t in tokens]
    best = {1: -1, -1: -1}
    for i, (t_start, t_end, _) in enumerate(tokens):
        if start <= t_start < end:
            continue
        kind = _kind(words, i)
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
