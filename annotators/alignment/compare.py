"""Two corresponding passages: what they disagree on, and how they relate.

Differences, each only between facts both passages state:

* **number** — a figure changed value ("4 million" → "6 million"); figures pair
  by equal value first, then the rest in order when their units agree and the
  word they count agrees (or each side has exactly one left and the passages
  are close, `CLOSE`);
* **certainty** — the same value under another qualifier class ("about" →
  "more than"), or one side hedges ("may", "reportedly") where the other asserts;
* **date** — dates that pair (same value and mod, or overlapping bounds, agree:
  "the beginning of January 2025" is "early January 2025") and whose bounds are
  disjoint ("Saturday" → "Sunday");
* **attribution** — both name a claimant and no name of one matches the other;
* **person / place / organisation** — a name of one side matches nothing on the
  other, the other has such a name too (after the same two words, or the only
  one left on each side), neither name occurs anywhere in the other text; the
  kind comes from cue words ("the village of", "… Pharma", "Judge …"), else the
  entity label.

Only figures are compared for pairs less similar than `CLOSE`.

Relation: any difference makes the pair **conflicting**; otherwise **same** when
the word sequences match at `SAME_RATIO` or more, **partial** when one side's
content is mostly missing from the other (`PARTIAL_LOW` / `PARTIAL_GAP`), else
**reworded**.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass

from .facts import DateMention, Facts, Mention, duration_days
from .figures import Figure, compatible_qualifiers, same_value
from .model import Difference
from .names import mentioned_in, same_name

SAME_RATIO = 0.85
CLOSE = 0.3
PARTIAL_LOW = 0.4
PARTIAL_GAP = 0.3
_ENTITY_KINDS = ("person", "place", "organisation")
ORGANISATION_WORDS = frozenset({
    "agency", "airlines", "airways", "association", "bank", "biologics", "bureau", "coal",
    "committee", "company", "construction", "corp", "corporation", "council", "energy",
    "engineering", "foundation", "fund", "group", "holdings", "inc", "industries", "institute",
    "labs", "league", "logistics", "ltd", "media", "ministry", "mining", "motors", "office",
    "partners", "party", "pharma", "pharmaceuticals", "rail", "railways", "steel", "systems",
    "technologies", "telecom", "union", "university", "works",
})
PLACE_NOUNS = frozenset({
    "village", "town", "city", "region", "province", "district", "county", "capital", "port",
    "island", "valley",
})
PLACE_CUES = frozenset({
    "near", "in", "at", "from",
})
PERSON_CUES = frozenset({
    "mr", "mrs", "ms", "dr", "judge", "minister", "mayor", "president", "chief", "spokesman",
    "spokeswoman", "spokesperson", "director", "leader", "governor", "senator", "general",
    "colonel", "lawyer", "prosecutor", "chairman", "chairwoman",
})
_ASSERTIVE = ("will", "would", "has", "have", "is", "are", "was", "were")


@dataclass(frozen=True, slots=True)
class Context:
    """What the comparison needs to know beyond the two passages."""

    keys_a: frozenset[str]  # word prefixes of all of A, for "named anywhere in A"
    keys_b: frozenset[str]
    coverage: Callable[[Facts, Facts], float]  # share of the first's content the second has


@dataclass(frozen=True, slots=True)
class Verdict:
    relation: str
    differences: tuple[Difference, ...]
    score: float
    reason: str


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _figures(a: Facts, b: Facts, similarity: float) -> list[Difference]:
    found: list[Difference] = []
    left_b: list[Figure] = list(b.figures)
    left_a: list[Figure] = []
    for fa in a.figures:
        match = next((fb for fb in left_b if same_value(fa, fb)), None)
        if match is None:
            left_a.append(fa)
            continue
        left_b.remove(match)
        if not compatible_qualifiers(fa, match):
            note = f"hedged: {fa.hedge.lower() or 'exact'} → {match.hedge.lower() or 'exact'}"
            found.append(Difference("certainty", fa.text, match.text, note))
    one_each = len(left_a) == 1 and len(left_b) == 1 and similarity >= CLOSE
    for fa in left_a:
        for fb in left_b:
            if fa.unit != fb.unit:
                continue
            if one_each or _counted(a, fa) == _counted(b, fb) != "":
                note = f"{_fmt(fa.value)} → {_fmt(fb.value)}"
                found.append(Difference("number", fa.text, fb.text, note))
                left_b.remove(fb)
                break
    return found


def _counted(facts: Facts, figure: Figure) -> str:
    """The first word after a figure: what it counts ("soldiers", "homes")."""
    rest = facts.text[figure.end - facts.start :].split()
    return rest[0].lower().strip(".,;:") if rest else ""


def _dates_agree(a: DateMention, b: DateMention) -> bool:
    if (a.value, a.mod) == (b.value, b.mod):
        return True
    if a.type == b.type == "DURATION":
        days_a, days_b = duration_days(a.value), duration_days(b.value)
        return days_a is not None and days_b is not None and math.isclose(days_a, days_b)
    if a.earliest and a.latest and b.earliest and b.latest:
        return a.earliest <= b.latest and b.earliest <= a.latest
    return False


def _dates(a: Facts, b: Facts) -> list[Difference]:
    found: list[Difference] = []
    for durations in (False, True):
        left_a = [d for d in a.dates if (d.type == "DURATION") == durations]
        left_b = [d for d in b.dates if (d.type == "DURATION") == durations]
        for da in list(left_a):
            match = next((db for db in left_b if _dates_agree(da, db)), None)
            if match is not None:
                left_a.remove(da)
                left_b.remove(match)
        for da, db in zip(left_a, left_b, strict=False):
            comparable = bool(da.earliest and db.earliest) or da.type == "DURATION"
            if comparable or not (da.earliest or db.earliest):
                kind = "number" if da.type == "DURATION" else "date"
                note = f"{da.value}{' ' + da.mod if da.mod else ''} → " \
                       f"{db.value}{' ' + db.mod if db.mod else ''}"
                found.append(Difference(kind, da.text, db.text, note))
    return found


def _attribution(a: Facts, b: Facts) -> list[Difference]:
    named_a = [c.name for c in a.claimants if c.named]
    named_b = [c.name for c in b.claimants if c.named]
    if not named_a or not named_b:
        return []
    for x in named_a:
        for y in named_b:
            if same_name(x, y) or mentioned_in(x, b.keys) or mentioned_in(y, a.keys):
                return []
    return [Difference("attribution", named_a[0], named_b[0],
                       f"claimant: {named_a[0]} → {named_b[0]}")]


def _unmatched(mentions: tuple[Mention, ...], other: Facts, elsewhere: frozenset[str]
               ) -> list[Mention]:
    """Names of one passage the other passage does not have, and the other text never says."""
    return [m for m in mentions if m.kind in _ENTITY_KINDS
            and not any(same_name(m.text, o.text) for o in other.entities)
            and not mentioned_in(m.text, other.keys)
            and not mentioned_in(m.text, elsewhere)]


def _entity_kind(a: Mention, b: Mention) -> str:
    """Person, place or organisation: the small model's labels for unfamiliar names
    disagree often ("the village of Korvet" as ORG, "Dorvet" as PERSON), so the words
    around and inside the names decide first, then labels that agree, then A's label."""
    for mention in (a, b):
        words = mention.text.lower().split()
        if words and words[-1] in ORGANISATION_WORDS:
            return "organisation"
        before = mention.before.split()
        if any(w in PLACE_NOUNS for w in before) or (before and before[-1] in PLACE_CUES):
            return "place"
        if before and before[-1] in PERSON_CUES:
            return "person"
    return a.kind


def _entities(a: Facts, b: Facts, context: Context, claimants: list[str]) -> list[Difference]:
    def fresh(mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if not any(same_name(m.text, c) for c in claimants)]

    left_a = fresh(_unmatched(a.entities, b, context.keys_b))
    left_b = fresh(_unmatched(b.entities, a, context.keys_a))
    found = []
    for ma in left_a:
        mb = next((m for m in left_b if m.before and m.before == ma.before), None)
        if mb is None and len(left_a) == 1 and len(left_b) == 1:
            mb = left_b[0]
        if mb is None:
            continue
        left_b.remove(mb)
        found.append(Difference(_entity_kind(ma, mb), ma.text, mb.text, f"{ma.text} → {mb.text}"))
    return found


def _hedging(a: Facts, b: Facts) -> list[Difference]:
    if bool(a.hedges) == bool(b.hedges):
        return []
    hedged, plain = (a, b) if a.hedges else (b, a)
    assertive = next((w for w in plain.words if w in _ASSERTIVE), "")
    word = hedged.hedges[0]
    if hedged is a:
        return [Difference("certainty", word, assertive, f"hedged in A only: {word} → asserted")]
    return [Difference("certainty", assertive, word, f"hedged in B only: asserted → {word}")]


def differences(a: Facts, b: Facts, similarity: float, context: Context) -> list[Difference]:
    """What the passages disagree on; below `CLOSE` only figures are compared (a weak
    match is too loose to say that its dates, sources or hedges contradict each other)."""
    found = _figures(a, b, similarity)
    if similarity < CLOSE:
        return found
    found += _dates(a, b)
    attribution = _attribution(a, b)
    claimants = [d.a for d in attribution] + [d.b for d in attribution]
    found += attribution
    found += _entities(a, b, context, claimants)
    found += _hedging(a, b)
    return found


def verdict(a: Facts, b: Facts, similarity: float, context: Context, *,
            merged: str = "", moved: bool = False) -> Verdict:
    """How passage `a` of A and passage `b` of B relate (`merged` says "A" or "B"
    when that side is two sentences)."""
    found = differences(a, b, similarity, context)
    where = " (moved)" if moved else ""
    if found:
        kinds = ", ".join(dict.fromkeys(d.kind for d in found))
        notes = "; ".join(d.note for d in found)
        score = min(1.0, 0.5 + similarity * 0.6)
        return Verdict("conflicting", tuple(found), score,
                       f"Corresponding passages{where} disagree on {kinds}: {notes} "
                       f"(similarity {similarity:.2f}).")
    ratio = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False).ratio()
    if ratio >= SAME_RATIO and not merged:
        return Verdict("same", (), ratio,
                       f"Same statement in near-identical wording{where} "
                       f"(similarity {similarity:.2f}).")
    cover_a, cover_b = context.coverage(a, b), context.coverage(b, a)
    low, high = sorted((cover_a, cover_b))
    shared = _shared(a, b)
    if low < PARTIAL_LOW and high - low >= PARTIAL_GAP:
        fuller = "A" if cover_a < cover_b else "B"
        return Verdict("partial", (), min(1.0, 0.4 + similarity),
                       f"{'B' if fuller == 'A' else 'A'} says only part of what {fuller} says"
                       f"{where} ({low:.0%} of it; similarity {similarity:.2f}).")
    if merged:
        text = (f"Two sentences of {merged} said as one of the other, with {shared}"
                f"{where} (similarity {similarity:.2f}).")
    else:
        text = (f"{shared[0].upper()}{shared[1:]} in other words{where} "
                f"(similarity {similarity:.2f}).").replace("The same", "Same", 1)
    return Verdict("reworded", (), min(1.0, 0.45 + similarity), text)


def _shared(a: Facts, b: Facts) -> str:
    things = []
    if a.figures and b.figures:
        things.append("figures" if len(a.figures) > 1 else "figure")
    if a.dates and b.dates:
        things.append("dates" if len(a.dates) > 1 else "date")
    if any(c.named for c in a.claimants) and any(c.named for c in b.claimants):
        things.append("source")
    if not things:
        return "the same content"
    return "the same " + (" and ".join(things) if len(things) < 3
                          else ", ".join(things[:-1]) + " and " + things[-1])
