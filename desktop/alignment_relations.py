"""How alignments look and read: relation colours and names, differences in words, sides.

Shared by the comparison's gutter, its readers, its table and its summary, so
that "conflicting" is the same red-orange and the same word everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storage.records import ALIGNMENT_RELATIONS, AlignmentRecord, DifferenceRecord

# Calm colours that stay apart: "same" recedes, "conflicting" is the one that calls.
RELATION_COLOURS: dict[str, str] = {
    "same": "#93b59d",  # neutral grey-green
    "reworded": "#86aad8",  # soft blue
    "conflicting": "#e2623a",  # clear red-orange
    "partial": "#e2ac3c",  # amber
    "added": "#9d86d0",  # violet: only in B
    "dropped": "#8b98a8",  # slate: only in A
}
RELATION_TITLES: dict[str, str] = {name: name.capitalize() for name in ALIGNMENT_RELATIONS}
RELATION_HINTS: dict[str, str] = {
    "same": "Both say the same thing in (nearly) the same words",
    "reworded": "Both say the same thing in other words",
    "conflicting": "The two sides disagree on a fact",
    "partial": "One side says only part of what the other says",
    "added": "Only in B: the rewrite added it",
    "dropped": "Only in A: the rewrite left it out",
}
ONE_SIDED = ("added", "dropped")

# The table's filters: label, and what it keeps (None: everything).
LEVEL_FILTERS: tuple[tuple[str, str | None], ...] = (
    ("Sentences", "sentence"), ("Claims", "claim"), ("Both", None))
RELATION_FILTERS: tuple[tuple[str, str | None], ...] = (
    ("All", None), ("Conflicts", "conflicting"), ("Added", "added"), ("Dropped", "dropped"),
    ("Reworded", "reworded"), ("Same", "same"), ("Partial", "partial"))

Range = tuple[int, int]  # Python offsets, end exclusive


def describe_difference(difference: DifferenceRecord) -> str:
    """ "number: 3,000 → 4,000" (a missing side is a dash)."""
    return f"{difference.kind}: {difference.a or '—'} → {difference.b or '—'}"


def describe_differences(differences: Iterable[DifferenceRecord]) -> str:
    """ "number: 3,000 → 4,000; certainty: about → more than"."""
    return "; ".join(map(describe_difference, differences))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summarise(records: Iterable[AlignmentRecord]) -> str:
    """ "31 passages: 18 same or reworded, 2 conflicting, 5 added, 3 dropped · 4 reviewed".

    Passages are the sentence-level rows; claim pairs and verdicts are counted after them.
    """
    records = list(records)
    if not records:
        return "Not compared yet"
    passages = [r for r in records if r.level == "sentence"]
    claims = len(records) - len(passages)
    counts = Counter(r.relation for r in passages)
    parts = []
    if counts["same"] + counts["reworded"]:
        parts.append(f"{counts['same'] + counts['reworded']} same or reworded")
    parts += [f"{counts[name]} {name}" for name in ("conflicting", "partial", "added", "dropped")
              if counts[name]]
    line = _plural(len(passages), "passage") + (": " + ", ".join(parts) if parts else "")
    if claims:
        line += " · " + _plural(claims, "claim pair")
    reviewed = sum(r.status != "proposed" for r in records)
    if reviewed:
        line += f" · {reviewed} reviewed"
    return line


@dataclass(frozen=True)
class Sides:
    """Where an alignment sits in each text (Python offsets), or None for a missing side."""

    a: Range | None
    b: Range | None


def sides_of(record: AlignmentRecord, claim_ranges: Mapping[int, Range]) -> Sides:
    """An alignment's two ranges; a claim pair stored without offsets takes its claims'."""
    a: Range | None = None
    b: Range | None = None
    if record.a_start is not None and record.a_end is not None:
        a = (record.a_start, record.a_end)
    elif record.claim_a_id is not None:
        a = claim_ranges.get(record.claim_a_id)
    if record.b_start is not None and record.b_end is not None:
        b = (record.b_start, record.b_end)
    elif record.claim_b_id is not None:
        b = claim_ranges.get(record.claim_b_id)
    return Sides(a, b)


def side_text(record: AlignmentRecord, side: str, claim_quotes: Mapping[int, str]) -> str:
    """The words of one side ("a" or "b"), from the record or from its claim."""
    text = record.a_text if side == "a" else record.b_text
    claim = record.claim_a_id if side == "a" else record.claim_b_id
    if not text and claim is not None:
        text = claim_quotes.get(claim, "")
    return " ".join(text.split())


def reading_order(records: Iterable[AlignmentRecord]) -> list[AlignmentRecord]:
    """Passages in the order a reader of both meets them: A's order, with each passage only
    B has placed where it falls in B (before the first pair that comes after it there).
    Claim pairs follow, in the order they came."""
    records = list(records)
    passages = [r for r in records if r.level == "sentence"]
    in_a = sorted((r for r in passages if r.a_start is not None), key=lambda r: (r.a_start, r.id))
    only_b = sorted((r for r in passages if r.a_start is None),
                    key=lambda r: (r.b_start or 0, r.id))
    ordered: list[AlignmentRecord] = []
    waiting = 0
    for record in in_a:
        if record.b_start is not None:
            while waiting < len(only_b) and (only_b[waiting].b_start or 0) < record.b_start:
                ordered.append(only_b[waiting])
                waiting += 1
        ordered.append(record)
    ordered += only_b[waiting:]
    return ordered + [r for r in records if r.level != "sentence"]
