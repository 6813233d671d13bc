#!/usr/bin/env python3
"""Score the temporal tagger on a TimeML evaluation set (TempEval-3 metrics) and time it.

    python benchmarks/timex_eval.py [--eval-dir PATH] [--per-doc] [--repeat N]

The evaluation set is a folder with docs.jsonl ({doc, dct, text_file}), the
texts, gold.jsonl and the scorer score.py (see its README); by default
../shared/eval/timeml-dev beside the repository. Predictions go to a temporary
JSONL file, the scorer prints strict/relaxed span F1, type F1 and value F1.

Speed is printed in words per second over the same texts (repeated to a
measurable size), next to a baseline measured in the same run on the same
machine: a plain regex word count, since these machines are noisy.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--per-doc", action="store_true", help="per-document counts")
    parser.add_argument("--keep", type=Path, help="also write the predictions here")
    parser.add_argument("--speed-words", type=int, default=300_000,
                        help="words to tag for the speed measurement (0: skip)")
    args = parser.parse_args()

    eval_dir = args.eval_dir.resolve()
    needed = [eval_dir / "docs.jsonl", eval_dir / "gold.jsonl", eval_dir / "score.py"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        print(f"timex_eval: evaluation set not found ({', '.join(missing)} missing).\n"
              f"Pass --eval-dir PATH to a folder with docs.jsonl, gold.jsonl and score.py.",
              file=sys.stderr)
        return 2

    docs = load_docs(eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predictions.jsonl"
        count = predict(docs, pred)
        if args.keep:
            args.keep.write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        print(f"{len(docs)} documents, {count} predicted expressions")
        command = [sys.executable, str(eval_dir / "score.py"), str(pred),
                   "--gold", str(eval_dir / "gold.jsonl")]
        if args.per_doc:
            command.append("--per-doc")
        completed = subprocess.run(command, check=False)
        if completed.returncode != 0:
            return completed.returncode

    if args.speed_words > 0:
        tagger, baseline = words_per_second(docs, args.speed_words)
        print(f"speed: {tagger:,.0f} words/second "
              f"(plain regex word scan in the same run: {baseline:,.0f} words/second, "
              f"ratio {tagger / baseline:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
