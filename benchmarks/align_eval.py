#!/usr/bin/env python3
"""Score the source aligner on self-written article pairs with gold labels.

    python benchmarks/align_eval.py [--split dev|heldout|blind2|all|both] [--errors]

The pairs are benchmarks/data/alignment/pairs/ID.a.txt (an original) and
ID.b.txt (a version of it); benchmarks/data/alignment/gold.json names, by a
snippet of each sentence, the sentences of B that are added, those of A that
are dropped, and the pairs of sentences that conflict, with the kinds of
conflict. The gold was written before the aligner was tuned; the "heldout"
pairs were scored once, at the end. The "blind2" pairs were written and
labelled later, without looking at the aligner, and scored once. The default
("both") scores dev and heldout; "all" pools every pair.

Sentence level only. A predicted added (dropped) row is right when it holds a
gold added (dropped) sentence; a gold sentence is found when a predicted row
of that relation holds it. A predicted conflicting row is right when its A side
holds a gold pair's A sentence and its B side the B sentence. For the conflicts
found, the kinds are right when every gold kind is reported and nothing beyond
the gold kinds and their allowed alternatives ("also").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotators.alignment import AlignedPassage, align_docs  # noqa: E402
from annotators.pipelines import load_pipeline  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "alignment"


@dataclass
class Tally:
    predicted: int = 0
    correct_predicted: int = 0
    gold: int = 0
    found: int = 0
    kinds_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.correct_predicted += other.correct_predicted
        self.gold += other.gold
        self.found += other.found
        self.kinds_right += other.kinds_right
        self.errors += other.errors

    def prf(self) -> tuple[float, float, float]:
        p = self.correct_predicted / self.predicted if self.predicted else 1.0
        r = self.found / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _holds(start: int | None, end: int | None, position: int) -> bool:
    return start is not None and end is not None and start <= position < end


def score_lonely(rows: list[AlignedPassage], text: str, snippets: list[str], side: str,
                 relation: str, pair: str) -> Tally:
    tally = Tally()
    positions = [text.index(s) for s in snippets]
    predicted = [r for r in rows if r.relation == relation]
    for row in predicted:
        start, end = (row.a_start, row.a_end) if side == "a" else (row.b_start, row.b_end)
        tally.predicted += 1
        if any(_holds(start, end, p) for p in positions):
            tally.correct_predicted += 1
        else:
            tally.errors.append(f"{pair}: false {relation}: {text[start:end][:80]!r}")
    for snippet, p in zip(snippets, positions, strict=True):
        tally.gold += 1
        ok = any(_holds(*((r.a_start, r.a_end) if side == "a" else (r.b_start, r.b_end)), p)
                 for r in predicted)
        tally.found += ok
        if not ok:
            tally.errors.append(f"{pair}: missed {relation}: {snippet!r}")
    return tally


def score_conflicts(rows: list[AlignedPassage], text_a: str, text_b: str,
                    gold: list[dict[str, Any]], pair: str) -> Tally:
    tally = Tally()
    items = [(text_a.index(g["a"]), text_b.index(g["b"]), g) for g in gold]
    predicted = [r for r in rows if r.relation == "conflicting"]
    for row in predicted:
        tally.predicted += 1
        if any(_holds(row.a_start, row.a_end, pa) and _holds(row.b_start, row.b_end, pb)
               for pa, pb, _g in items):
            tally.correct_predicted += 1
        else:
            notes = [(d.kind, d.note) for d in row.differences]
            tally.errors.append(f"{pair}: false conflict {notes}: "
                                f"{text_a[row.a_start:row.a_end][:60]!r}")
    for pa, pb, g in items:
        tally.gold += 1
        found = next((r for r in predicted if _holds(r.a_start, r.a_end, pa)
                      and _holds(r.b_start, r.b_end, pb)), None)
        if found is None:
            where = next((r for r in rows if _holds(r.a_start, r.a_end, pa)), None)
            seen = f"{where.relation}: {where.reason}" if where else "?"
            tally.errors.append(f"{pair}: missed conflict {g['kinds']} {g['a']!r} ({seen})")
            continue
        tally.found += 1
        kinds = {d.kind for d in found.differences}
        wanted, allowed = set(g["kinds"]), set(g["kinds"]) | set(g.get("also", ()))
        if wanted <= kinds <= allowed:
            tally.kinds_right += 1
        else:
            tally.errors.append(f"{pair}: conflict kinds {sorted(kinds)} for gold "
                                f"{sorted(wanted)}: {g['a']!r}")
    return tally


def evaluate(split: str) -> dict[str, Tally]:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    nlp = load_pipeline(None, "en").nlp
    totals = {"added": Tally(), "dropped": Tally(), "conflicting": Tally()}
    for pair in gold["pairs"]:
        if split != "all" and pair["split"] != split:
            continue
        text_a = (DATA / "pairs" / f"{pair['id']}.a.txt").read_text(encoding="utf-8")
        text_b = (DATA / "pairs" / f"{pair['id']}.b.txt").read_text(encoding="utf-8")
        docs = []
        for text, dct in ((text_a, pair["dct_a"]), (text_b, pair["dct_b"])):
            doc = nlp.make_doc(text)
            doc._.dct = dt.date.fromisoformat(dct).isoformat()
            docs.append(doc)
        doc_a, doc_b = nlp.pipe(docs)
        rows = [r for r in align_docs(doc_a, doc_b) if r.level == "sentence"]
        totals["added"].add(score_lonely(rows, text_b, pair["added"], "b", "added", pair["id"]))
        totals["dropped"].add(
            score_lonely(rows, text_a, pair["dropped"], "a", "dropped", pair["id"]))
        totals["conflicting"].add(
            score_conflicts(rows, text_a, text_b, pair["conflicting"], pair["id"]))
    return totals


def report(split: str, totals: dict[str, Tally], errors: bool) -> None:
    print(f"\n{split} pairs")
    print(f"{'':12s} {'P':>6s} {'R':>6s} {'F1':>6s}   predicted / gold")
    for name, tally in totals.items():
        p, r, f = tally.prf()
        print(f"{name:12s} {p:6.3f} {r:6.3f} {f:6.3f}   {tally.predicted} / {tally.gold}")
    conflicts = totals["conflicting"]
    if conflicts.found:
        print(f"conflict kinds right: {conflicts.kinds_right} of {conflicts.found} found "
              f"({conflicts.kinds_right / conflicts.found:.3f})")
    if errors:
        for tally in totals.values():
            for line in tally.errors:
                print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout", "blind2", "all", "both"),
                        default="both")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args()
    splits = ("dev", "heldout") if args.split == "both" else (args.split,)
    for split in splits:
        report(split, evaluate(split), args.errors)


if __name__ == "__main__":
    main()
