"""Speed of the reader's annotation layers on a long article, against a plain text view.

Builds a ~50,000-word article from the seed texts (their paragraphs repeated,
numbered, with an emoji now and then so offsets need converting) and 5,000
highlights over every layer (`--spans 20000` for more), then measures in one
run, offscreen, with the real `ArticleReader` shown at a normal size:

a. `setPlainText` of the text on a plain QPlainTextEdit until its first frame (baseline);
b. `show_article` + `set_spans` in the reader until its first frame; the ratio b / a
   (goal: at most 3);
c. hiding and showing again a layer, each with its repaint (goal: under 50 ms);
d. selecting a claim (`set_selected_claim`) and repainting (goal: under 50 ms);
e. accepting a suggestion: the candidate layer loses it, the claim layer gains it
   (`update_spans` twice) and the repaint (goal: under 50 ms).

Medians of several repeats after a warm-up; a and b alternate so that noise hits both.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/reader.py [--spans N] [--repeats N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.highlight_layers import LAYERS, HighlightSpan
from desktop.reader_view import ArticleReader
from storage.records import ArticleDetail, ArticleMetadata, ArticleSummary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WORDS = re.compile(r"\w[\w'’.,-]*\w|\w")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
ENTITY_LAYERS = [lay.name for lay in LAYERS if lay.is_entity]


def long_text(words: int) -> str:
    paragraphs = [
        p.strip() for path in sorted(SEEDS.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8
    ]
    out: list[str] = []
    count = 0
    while count < words:
        n = len(out)
        paragraph = paragraphs[n % len(paragraphs)]
        if n % 40 == 7:
            paragraph += " 🇺🇦 👩‍👩‍👧"
        out.append(f"{n + 1}. {paragraph}")
        count += len(out[-1].split())
    return "\n\n".join(out)


def make_spans(text: str, total: int, rng: random.Random) -> list[HighlightSpan]:
    words = [m.span() for m in WORDS.finditer(text)]
    sentences = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for piece in SENTENCE_END.split(paragraph.group()):
            sentences.append((start, start + len(piece)))
            start += len(piece) + 1
    spans: list[HighlightSpan] = []

    def words_span(layer: str, longest: int, tooltip: str = "") -> None:
        i = rng.randrange(len(words) - longest)
        start, end = words[i][0], words[i + rng.randint(1, longest) - 1][1]
        spans.append(HighlightSpan(start, end, layer, len(spans), tooltip))

    for _ in range(total * 6 // 100):  # claims, a third of them overlapping another
        start, end = rng.choice(sentences)
        spans.append(HighlightSpan(start, end, "claim", len(spans)))
        if rng.random() < 0.33:
            middle = (start + end) // 2
            spans.append(HighlightSpan(middle, end, "claim", len(spans)))
    for _ in range(total * 10 // 100):
        start, end = rng.choice(sentences)
        spans.append(HighlightSpan(start, end, "candidate", len(spans)))
    for _ in range(total * 14 // 100):
        words_span("timex", 4, "2025-02 (start) · 1–10 February 2025")
    while len(spans) < total:
        words_span(rng.choice(ENTITY_LAYERS), 3)
    return spans


def article(text: str) -> ArticleDetail:
    summary = ArticleSummary(
        id=1, uid="bench", metadata=ArticleMetadata(title="A long article", outlet="Bench"),
        char_count=len(text), word_count=len(text.split()), origin="benchmark",
        source_format="txt", imported_at=dt.datetime(2025, 3, 17))
    return ArticleDetail(summary=summary, text=text, import_notes=(), extra={}, relations=())


def quiet_offscreen(kind: QtMsgType, context: object, message: str) -> None:
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:7.1f} ms"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=5000)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    qInstallMessageHandler(quiet_offscreen)
    app = QApplication.instance() or QApplication([])
    rng = random.Random(1)
    text = long_text(args.words)
    spans = make_spans(text, args.spans, rng)
    detail = article(text)

    reader = ArticleReader()
    reader.resize(900, 760)
    reader.show()
    plain = QPlainTextEdit()
    plain.setFont(reader.text.font())
    plain.resize(reader.text.size())
    plain.show()
    app.processEvents()

    def load_plain() -> None:
        plain.setPlainText(text)
        plain.viewport().repaint()

    def load_reader() -> None:
        reader.show_article(detail)
        reader.set_spans(spans)
        reader.text.viewport().repaint()

    baseline, loading, settling = [], [], []
    for run in range(args.repeats + 1):  # the first run warms up
        plain.setPlainText("")
        reader.show_article(None)
        app.processEvents()
        a, b = timed(load_plain), timed(load_reader)
        rest = timed(reader.highlighter.flush)  # what the event loop would do in slices
        if run:
            baseline.append(a)
            loading.append(b)
            settling.append(b + rest)

    def repaint() -> None:
        reader.text.viewport().repaint()

    def measured(action: Callable[[], object], into: list[float], settled: list[float]) -> None:
        """Time `action` and its repaint, then the background work it left, if any."""
        reader.highlighter.flush()
        first = timed(lambda: (action(), repaint()))
        into.append(first)
        settled.append(first + timed(reader.highlighter.flush))

    toggles: dict[str, tuple[list[float], list[float]]] = {}
    for layer in ("entity", "claim", "candidate", "timex"):
        times = toggles[layer] = ([], [])
        for _ in range(args.repeats + 1):
            for visible in (False, True):
                measured(lambda: reader.set_layer_visible(layer, visible), *times)  # noqa: B023
        for kept in times:
            del kept[:2]  # the warm-up

    claims = [s for s in spans if s.layer == "claim"]
    candidates = [s for s in spans if s.layer == "candidate"]
    selecting: tuple[list[float], list[float]] = ([], [])
    for _ in range(args.repeats + 1):
        measured(lambda: reader.set_selected_claim(rng.choice(claims).key), *selecting)

    accepting: tuple[list[float], list[float]] = ([], [])
    for run in range(args.repeats + 1):
        taken = rng.choice(candidates)
        claim = HighlightSpan(taken.start, taken.end, "claim", 10**6 + run)
        rest_of = [c for c in candidates if c is not taken]

        def accept(claim: HighlightSpan = claim, rest: list[HighlightSpan] = rest_of) -> None:
            reader.update_spans("candidate", rest)
            reader.update_spans("claim", [*claims, claim])

        measured(accept, *accepting)
        reader.update_spans("candidate", candidates)  # undo, untimed
        reader.update_spans("claim", claims)
    for kept in (*selecting, *accepting):
        del kept[0]

    blocks = reader.text.document().blockCount()
    print(f"article: {len(text.split()):,} words, {blocks:,} paragraphs, "
          f"{len(spans):,} spans; reader {reader.width()}x{reader.height()}; "
          f"medians of {args.repeats}")
    print(f"a. plain QPlainTextEdit setPlainText + first frame  {ms(baseline)}")
    print(f"b. reader show_article + set_spans + first frame    {ms(loading)}"
          f"   (every paragraph done: {ms(settling).strip()})")
    print(f"   ratio b / a                                      "
          f"{statistics.median(loading) / statistics.median(baseline):7.2f}   (goal <= 3)")
    print("   then, each with its repaint (and until every paragraph is done):")
    for layer, (times, settled) in toggles.items():
        print(f"c. toggle layer {layer!r:12}                         {ms(times)}"
              f"   ({ms(settled).strip()})")
    print(f"d. select a claim                                   {ms(selecting[0])}"
          f"   ({ms(selecting[1]).strip()})")
    print(f"e. accept a suggestion (2 x update_spans)           {ms(accepting[0])}"
          f"   ({ms(accepting[1]).strip()})")

if __name__ == "__main__":
    main()
