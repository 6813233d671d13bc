#!/usr/bin/env python3
"""Score the temporal tagger on a TimeML evaluation set (TempEval-3 metrics) and time it.

    python benchmarks/timex_eval.py [--eval-dir PATH ...] [--per-doc] [--keep FILE]

An evaluation set is a folder with docs.jsonl ({doc, dct, text_file}), the
texts and gold.jsonl. Every set is scored by the TempEval-3 scorer that comes
with the dev set (../shared/eval/timeml-dev/score.py; --scorer to use another).
By default three sets are scored: the TimeBank development set ../shared/eval/timeml-dev beside
the repository (the rules were written while reading it, so its scores are
optimistic), the in-house held-out set benchmarks/data/timex_heldout (written
before any rule was changed against it, then used for error analysis) and its
second part benchmarks/data/timex_heldout/fresh (written after those changes
and first scored blind; see its README). Pass --eval-dir once or more to score
other folders. Predictions go to a temporary JSONL file, the scorer
prints strict/relaxed span F1, type F1 and value F1; a summary table follows.

Speed is printed in words per second for each set's texts (repeated to a
measurable size), next to a baseline measured in the same run on the same
machine: a plain regex word count, since these machines are noisy. The dev set
is plain news text; the held-out sets are written dense with time expressions
(about one every eleven words) and tag more slowly.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotators.temporal import find_timexes  # noqa: E402

DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval" / "timeml-dev"
HELDOUT_EVAL_DIR = ROOT / "benchmarks" / "data" / "timex_heldout"
FRESH_EVAL_DIR = HELDOUT_EVAL_DIR / "fresh"
_METRICS = ("strict_f1", "relaxed_f1", "type_f1", "value_f1")


def parse_dct(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return date.fromisoformat(text[:10])


def load_docs(eval_dir: Path) -> list[tuple[str, str, date | None]]:
    docs = []
    with (eval_dir / "docs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                text = (eval_dir / row["text_file"]).read_text(encoding="utf-8")
                docs.append((row["doc"], text, parse_dct(row.get("dct"))))
    return docs


def predict(docs: list[tuple[str, str, date | None]], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc, text, dct in docs:
            for s in find_timexes(text, dct):
                row = {"doc": doc, "start": s.start, "end": s.end, "type": s.date.timex_type,
                       "value": s.date.value, "mod": s.date.mod, "text": s.text,
                       "rule": s.rule}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count


def words_per_second(docs: list[tuple[str, str, date | None]], min_words: int) -> tuple[
        float, float]:
    """Tagger speed and, as a same-run baseline, a plain \\w+ regex scan."""
    texts = [(text, dct) for _, text, dct in docs]
    words_once = sum(len(text.split()) for text, _ in texts)
    rounds = max(1, min_words // max(words_once, 1))
    find_timexes("warm up on Monday, 3 March 2024", date(2024, 3, 4))  # compile lazily first
    start = time.perf_counter()
    for _ in range(rounds):
        for text, dct in texts:
            find_timexes(text, dct)
    tagger = words_once * rounds / (time.perf_counter() - start)
    word = re.compile(r"\w+")
    start = time.perf_counter()
    for _ in range(rounds):
        for text, _ in texts:
            sum(1 for _ in word.finditer(text))
    baseline = words_once * rounds / (time.perf_counter() - start)
    return tagger, baseline


def missing_files(eval_dir: Path) -> list[str]:
    needed = [eval_dir / "docs.jsonl", eval_dir / "gold.jsonl"]
    return [str(p) for p in needed if not p.exists()]


def score_set(eval_dir: Path, scorer: Path, per_doc: bool, keep: Path | None
              ) -> tuple[list[tuple[str, str, date | None]], int, dict[str, float] | None]:
    """Tag one evaluation set and run its scorer, which prints its own table.

    Returns the documents, the scorer's exit code and its metrics (None when
    the scorer wrote no --json file).
    """
    docs = load_docs(eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predictions.jsonl"
        metrics_file = Path(tmp) / "metrics.json"
        count = predict(docs, pred)
        if keep:
            keep.write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        print(f"== {eval_dir}\n{len(docs)} documents, {count} predicted expressions")
        command = [sys.executable, str(scorer), str(pred), "--gold", str(eval_dir / "gold.jsonl")]
        if "--json" in scorer.read_text(encoding="utf-8"):  # scorers without it still run
            command += ["--json", str(metrics_file)]
        if per_doc:
            command.append("--per-doc")
        completed = subprocess.run(command, check=False)
        if completed.returncode != 0 or not metrics_file.exists():
            return docs, completed.returncode, None
        metrics = json.loads(metrics_file.read_text(encoding="utf-8"))["metrics"]
    return docs, 0, {k: float(metrics[k]) for k in _METRICS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, action="append",
                        help="evaluation set folder (repeatable; default: the dev set, "
                             "the held-out set and its fresh part)")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_EVAL_DIR / "score.py",
                        help="the TempEval-3 scorer (default: the dev set's score.py)")
    parser.add_argument("--per-doc", action="store_true", help="per-document counts")
    parser.add_argument("--keep", type=Path,
                        help="also write the predictions here (with one --eval-dir)")
    parser.add_argument("--speed-words", type=int, default=300_000,
                        help="words to tag for the speed measurement (0: skip)")
    args = parser.parse_args()

    explicit = args.eval_dir is not None
    eval_dirs = [d.resolve() for d in (
        args.eval_dir or [DEFAULT_EVAL_DIR, HELDOUT_EVAL_DIR, FRESH_EVAL_DIR])]
    if args.keep and len(eval_dirs) > 1:
        parser.error("--keep needs exactly one --eval-dir")
    usable = []
    for eval_dir in eval_dirs:
        missing = missing_files(eval_dir)
        if missing:
            print(f"timex_eval: evaluation set not found ({', '.join(missing)} missing).",
                  file=sys.stderr)
            if explicit:
                print("Pass --eval-dir PATH to a folder with docs.jsonl and gold.jsonl.",
                      file=sys.stderr)
                return 2
        else:
            usable.append(eval_dir)
    if not usable:
        return 2
    if not args.scorer.exists():
        print(f"timex_eval: the scorer {args.scorer} is missing; pass --scorer PATH.",
              file=sys.stderr)
        return 2

    results: list[tuple[str, dict[str, float]]] = []
    sets: list[tuple[str, list[tuple[str, str, date | None]]]] = []
    for eval_dir in usable:
        docs, returncode, metrics = score_set(eval_dir, args.scorer, args.per_doc, args.keep)
        if returncode != 0:
            return returncode
        sets.append((eval_dir.name, docs))
        if metrics is not None:
            results.append((eval_dir.name, metrics))
        print()

    if len(results) > 1:
        print(f"{'set':22s} {'strict':>7s} {'relaxed':>7s} {'type':>7s} {'value':>7s}  (F1)")
        for name, m in results:
            print(f"{name:22s} " + " ".join(f"{m[k]:7.4f}" for k in _METRICS))

    if args.speed_words > 0:
        # One line per set: the first (by default the TimeBank dev set) is plain
        # news text; the held-out set is written dense with time expressions
        # (about one every eleven words), so it tags more slowly.
        for name, docs in sets:
            tagger, baseline = words_per_second(docs, args.speed_words)
            print(f"speed: {tagger:,.0f} words/second on {name} "
                  f"(plain regex word scan in the same run: {baseline:,.0f} words/second, "
                  f"ratio {tagger / baseline:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
