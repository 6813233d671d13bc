"""What a passage says, read once per document: terms, figures, dates, names, claimants.

`DocFacts` walks a parsed Doc once and keeps doc-wide, position-sorted lists;
`facts(start, end)` then slices them for any passage (a sentence, two merged
sentences, a researcher's claim), so nothing is re-parsed.

Terms for lexical similarity are content-word lemmas cut to their first six
letters (five for other languages, which have no lemmatiser here): "deploy"
meets "deployment", "improve" meets "improving". Figures and dates enter as
their normalised values ("#3000", "@2025-01/START") rather than their words,
so "4 thousand" meets "4,000" and "the beginning of January" meets "early January".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from annotators.claims.cues import HEDGE_MODALS, LEXICAL_HEDGES
from annotators.claims.segmentation import split_units

from .figures import Figure, find_figures, value_key
from .names import alias_country, word_keys

Doc = Any  # spacy.tokens.Doc; spaCy ships no type information

ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                "FAC": "place", "NORP": "group", "EVENT": "event"}
_VAGUE_DATES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_TERMINAL = (".", "!", "?", "…", ":", ";", '."', ".”", "?”", "!”", '?"', '!"', ".»", "»")
# Words that hedge the statement itself; adjectives that hedge a noun ("an unconfirmed
# grant", "the alleged attacker") do not make the sentence less certain.
_HEDGES = LEXICAL_HEDGES | HEDGE_MODALS | frozenset(
    ["perhaps", "presumably", "supposedly", "purportedly", "seemingly"])
_NAME_TYPES = frozenset({"GPE", "NORP", "LOC", "ORG", "PERSON", "FAC"})
# Phrases that leave the statement open ("it is not yet known whether the data were
# taken"): a version that states it plainly has dropped the doubt.
_HEDGE_PHRASES = re.compile(
    r"\b(?:not (?:yet |immediately |independently )?(?:known|clear|confirmed|verified)"
    r"|unclear|uncertain|remains to be seen)\b", re.IGNORECASE)
# After "could", these make it a statement of inability, not a guess: "nurses could
# no longer open the records". ("may not", "might not" still leave the matter open.)
_NEGATIONS = frozenset({"not", "n't", "never", "no", "hardly"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # person | organisation | place | group | event (from the NER label)
    before: str = ""  # the two words before it, lower case ("village of", "said judge")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION
    value: str
    mod: str | None
    earliest: dt.date | None
    latest: dt.date | None


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    named: bool  # False for "Reports indicate", "officials said"


@dataclass(frozen=True, slots=True)
class Facts:
    """What one passage says, in the forms the comparison needs."""

    start: int
    end: int
    text: str
    terms: Counter[str]
    words: tuple[str, ...]  # lower-case word forms, for "near-identical wording"
    keys: frozenset[str]  # word prefixes (capitals add their country), for name look-ups
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    entities: tuple[Mention, ...]
    claimants: tuple[Claimant, ...]
    hedges: tuple[str, ...]
    heading: bool = False


_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?)(ML|CE|DE|Y|M|W|D))$|PT(\d+(?:\.\d+)?)(H|M|S)$")
_DAYS = {"ML": 365250.0, "CE": 36525.0, "DE": 3652.5, "Y": 365.25, "M": 30.44, "W": 7.0,
         "D": 1.0, "H": 1 / 24, "S": 1 / 86400}


def duration_days(value: str) -> float | None:
    """A TIMEX3 duration in days, so that P10Y ("ten years") meets P1DE ("a decade")."""
    match = _DURATION.match(value)
    if match is None:
        return None
    if match.group(1):
        return float(match.group(1)) * _DAYS[match.group(2)]
    unit = match.group(4)
    return float(match.group(3)) * (_DAYS[unit] if unit != "M" else 1 / 1440)


def date_key(date: DateMention) -> str:
    """A date as a term for lexical similarity: its value and mod, a duration in days."""
    days = duration_days(date.value) if date.type == "DURATION" else None
    if days is not None:
        return f"@{days:.4g}d"
    return f"@{date.value}/{date.mod or ''}"


def _date(record: dict[str, Any]) -> DateMention:
    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    return DateMention(int(record["start"]), int(record["end"]), str(record["text"]),
                       str(record["type"]), str(record["value"]), record.get("mod"),
                       day(record.get("earliest")), day(record.get("latest")))


class DocFacts:
    """Doc-wide, position-sorted facts of one parsed document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = str(doc.text)
        self.parsed = bool(doc.has_annotation("DEP"))
        self.prefix = 6 if doc.lang_ == "en" else 5
        timexes = [_date(t) for t in (getattr(doc._, "timexes", None) or [])]
        self.dates = [d for d in timexes if d.value not in _VAGUE_DATES and d.type != "SET"]
        spans = [(d.start, d.end) for d in timexes]
        self.figures = find_figures(self.text, spans)
        self.entities = [
            Mention(e.start_char, e.end_char, e.text, ENTITY_KINDS[e.label_],
                    _two_words_before(self.text, e.start_char))
            for e in doc.ents if e.label_ in ENTITY_KINDS
        ]
        self.claims = list(getattr(doc._, "claims", None) or [])
        self._index_tokens(spans)
        self.segments = [self._segment(unit) for unit in _units(doc, self.text)]

    def _index_tokens(self, date_spans: list[tuple[int, int]]) -> None:
        covered = bytearray(len(self.text) + 1)
        for s, e in [*date_spans, *((f.start, f.end) for f in self.figures)]:
            covered[s:e] = b"\x01" * (e - s)
        self.token_starts: list[int] = []
        self.token_terms: list[tuple[str, ...]] = []
        self.token_words: list[str] = []
        self.token_hedge: list[bool] = []
        for token in self.doc:
            if token.is_space:
                continue
            start = int(token.idx)
            self.token_starts.append(start)
            lower = str(token.lower_)
            self.token_words.append(lower if not token.is_punct else "")
            inside = covered[start] == 1
            self.token_hedge.append(not inside and self._is_hedge(token, lower))
            if token.is_punct or token.is_stop or token.like_num or inside:
                self.token_terms.append(())
                continue
            lemma = str(token.lemma_ or token.text).lower()
            for ending in ("’s", "'s"):
                lemma = lemma.removesuffix(ending)
            # Names are cut shorter so that demonyms meet their places ("Korean", "Korea").
            cut = 5 if token.ent_type_ in _NAME_TYPES else self.prefix
            term = lemma[:cut]
            country = alias_country(lower)
            extra = tuple(part[: self.prefix] for part in country.split()) if country else ()
            self.token_terms.append((term, *extra) if term else extra)

    def _is_hedge(self, token: Any, lower: str) -> bool:
        if lower not in _HEDGES:
            return False
        if lower in HEDGE_MODALS:
            unable = (lower == "could" and token.i + 1 < len(token.doc)
                      and token.nbor(1).lower_ in _NEGATIONS)
            return not unable and (not self.parsed or str(token.tag_) == "MD")
        return True

    def _segment(self, unit: Any) -> Facts:
        facts = self.facts(unit.start_char, unit.end_char)
        text = facts.text
        # A heading is a line of its own without sentence punctuation. (Asking the tagger for
        # a finite verb instead misreads lines like "The nine-station line links …".)
        heading = unit.line_start and unit.line_end and not text.rstrip().endswith(_TERMINAL)
        if heading:
            return Facts(**{**_fields(facts), "heading": True})
        return facts

    def facts(self, start: int, end: int) -> Facts:
        """The facts of the passage text[start:end]."""
        lo = bisect.bisect_left(self.token_starts, start)
        hi = bisect.bisect_left(self.token_starts, end)
        terms: Counter[str] = Counter()
        for token_terms in self.token_terms[lo:hi]:
            terms.update(token_terms)
        figures = tuple(f for f in self.figures if start <= f.number_start < end)
        dates = tuple(d for d in self.dates if start <= d.start < end)
        terms.update(value_key(f) for f in figures)
        terms.update(date_key(d) for d in dates)
        hedges = tuple(self.token_words[i] for i in range(lo, hi) if self.token_hedge[i])
        text = self.text[start:end]
        hedges += tuple(m.group(0).lower() for m in _HEDGE_PHRASES.finditer(text))
        return Facts(
            start=start,
            end=end,
            text=text,
            terms=terms,
            words=tuple(w for w in self.token_words[lo:hi] if w),
            keys=word_keys(text),
            figures=figures,
            dates=dates,
            entities=tuple(e for e in self.entities if start <= e.start < end),
            claimants=self._claimants(start, end),
            hedges=hedges,
        )

    def _claimants(self, start: int, end: int) -> tuple[Claimant, ...]:
        found = []
        for claim in self.claims:
            if claim.attribution is None or not (start <= claim.start < end):
                continue
            named = claim.attribution.kind != "unnamed-source"
            found.append(Claimant(claim.attribution.claimant, named))
        return tuple(found)


def _two_words_before(text: str, start: int) -> str:
    return " ".join(text[max(0, start - 40) : start].lower().split()[-2:])


def _units(doc: Doc, text: str) -> list[Any]:
    """The claim finder's sentence units, with stray marks (a lone closing quote the
    sentencizer cut off) joined to the sentence before them."""
    units: list[Any] = []
    for unit in split_units(doc, text):
        if units and not any(c.isalnum() for c in text[unit.start_char : unit.end_char]):
            last = units[-1]
            units[-1] = replace(last, end=unit.end, end_char=unit.end_char,
                                line_end=unit.line_end, more_text=unit.more_text)
        else:
            units.append(unit)
    return units


def _fields(facts: Facts) -> dict[str, Any]:
    return {name: getattr(facts, name) for name in Facts.__slots__}


def merge(parts: list[Facts], text: str) -> Facts:
    """Consecutive passages read as one (a rewrite's merged sentence)."""
    if len(parts) == 1:
        return parts[0]
    terms: Counter[str] = Counter()
    for part in parts:
        terms.update(part.terms)
    start, end = parts[0].start, parts[-1].end
    return Facts(
        start=start,
        end=end,
        text=text[start:end],
        terms=terms,
        words=tuple(w for p in parts for w in p.words),
        keys=frozenset().union(*(p.keys for p in parts)),
        figures=tuple(f for p in parts for f in p.figures),
        dates=tuple(d for p in parts for d in p.dates),
        entities=tuple(e for p in parts for e in p.entities),
        claimants=tuple(c for p in parts for c in p.claimants),
        hedges=tuple(h for p in parts for h in p.hedges),
        heading=all(p.heading for p in parts),
    )
