#!/usr/bin/env python3
"""Time the source aligner on two long articles against spaCy's parse of them.

    python benchmarks/align_speed.py [--words N] [--repeat K]

Article A is the seed original and the originals of the evaluation pairs
(benchmarks/data/alignment), repeated until it has about N words (10,000 by
default); article B is its rewrite: the rewritten versions of the same texts,
with a few further changes per round (a paragraph dropped, two swapped, a
figure changed, a framing sentence added). Both are parsed with the trained
English pipeline (``nlp.pipe``, timed), then ``align_docs`` runs on the parsed
docs (fastest of K runs). Parse and alignment are timed in the same run; the
ratio align / parse is what to compare between machines. Goal: alignment
under 2 s.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotators.alignment import align_docs  # noqa: E402
from annotators.pipelines import load_pipeline  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "alignment" / "pairs"
SEEDS = ROOT / "seeds"
FRAMING = (
    "The episode shows how fragile public trust has become.",
    "Observers see the decision as a turning point for the whole region.",
    "Critics say the authorities have once again failed to plan ahead.",
)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def build(words: int, seed: int = 7) -> tuple[str, str]:
    rng = random.Random(seed)
    sources = [(SEEDS / "000_e47a78e8ed6366d9.txt", SEEDS / "001_d3e2940cdaa93234.txt")]
    sources += [(a, a.with_name(a.name.replace(".a.txt", ".b.txt")))
                for a in sorted(PAIRS.glob("*.a.txt"))]
    texts = [(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) for a, b in sources]
    out_a: list[str] = []
    out_b: list[str] = []
    count = 0
    while count < words:
        for text_a, text_b in texts:
            out_a += _paragraphs(text_a)
            version = _paragraphs(text_b)
            k = rng.randrange(len(version))
            version[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), version[k], count=1)
            if len(version) > 3:
                del version[rng.randrange(len(version))]
                i = rng.randrange(len(version) - 1)
                version[i], version[i + 1] = version[i + 1], version[i]
            version.insert(rng.randrange(len(version) + 1), rng.choice(FRAMING))
            out_b += version
            count += len(text_a.split())
            if count >= words:
                break
    return "\n\n".join(out_a), "\n\n".join(out_b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text_a, text_b = build(args.words)
    nlp = load_pipeline(None, "en").nlp
    nlp("Warm up the pipeline.")
    docs = []
    for text in (text_a, text_b):
        doc = nlp.make_doc(text)
        doc._.dct = "2025-03-17"
        docs.append(doc)
    started = time.perf_counter()
    doc_a, doc_b = nlp.pipe(docs)
    parse = time.perf_counter() - started
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        rows = align_docs(doc_a, doc_b)
        timings.append(time.perf_counter() - started)
    align = min(timings)
    relations: dict[str, int] = {}
    for row in rows:
        relations[row.relation] = relations.get(row.relation, 0) + 1
    print(f"A: {len(text_a.split()):,} words, {len(list(doc_a.sents))} sentences; "
          f"B: {len(text_b.split()):,} words, {len(list(doc_b.sents))} sentences")
    print(f"rows: {len(rows)} {dict(sorted(relations.items()))}")
    print(f"parse both (nlp.pipe):   {parse:8.3f} s")
    print(f"align_docs (best of {args.repeat}): {align:8.3f} s   (goal < 2 s)")
    print(f"ratio align / parse:     {align / parse:8.3f}")


if __name__ == "__main__":
    main()
