"""Export and import speed on a large project: 1,000 articles, about 50,000 annotations.

Builds the project with bulk service calls (articles of about 300 words made
from the seed texts and sentences of our own; entity, timex and claim
suggestions; claims accepted from some of them; events linked to claims;
alignments between pairs of articles), then times:

- `export_bundle()` of the whole project;
- every writer registered in `storage.exporting.formats.FORMATS` at run time
  (so formats added later are measured too);
- the Claimline JSONL import (reading the file and restoring it into a new project).

The baseline, measured in the same run, is a plain sqlite3 `SELECT *` over
the same tables; each figure is also printed as a ratio to it. Goal: every
step under 10 s.

    python benchmarks/export_speed.py [--articles 1000] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.exporting.claimline_jsonl import import_into
from storage.exporting.formats import FORMATS
from storage.importing import ParsedArticle, read_file
from storage.records import (
    DifferenceRecord,
    EventFields,
    FuzzyDateFields,
    ProposedPassage,
    ProposedSuggestion,
    Provenance,
)
from storage.seed_corpus import seed_directory
from storage.service import ProjectService

GOAL_SECONDS = 10.0
OWN_SENTENCES = (
    "The regional council said on Tuesday that {n} households were still without water.",
    "According to the ministry, repairs will cost about {n} million hryvnias.",
    "Olena Kovalenko, a spokeswoman for the utility, said crews worked through the night.",
    "Residents of Harrow told reporters that the sirens sounded twice before dawn.",
    "In early February {y}, the mayor announced a new shelter programme.",
    "Officials in Kyiv denied that the bridge had been closed for {n} days.",
    "The agency reported {n} incidents in the first quarter of {y}.",
    "Analysts at the institute expect prices to rise by {n} percent next year.",
)
ENTITIES, TIMEXES, CANDIDATES, ACCEPTED = 15, 10, 12, 6  # per article
PASSAGES = 12  # per aligned pair


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(seed_directory().glob("*.txt")):
        (article,) = read_file(path)
        assert isinstance(article, ParsedArticle)
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", article.text)
                      if len(s.split()) > 5]
    return sentences


def article_text(number: int, rng: random.Random, seeds: list[str]) -> str:
    parts, words = [f"Report {number}: "], 0
    while words < 300:
        if rng.random() < 0.6:
            sentence = rng.choice(seeds)
        else:
            sentence = rng.choice(OWN_SENTENCES).format(n=rng.randint(2, 9000),
                                                        y=rng.randint(1990, 2025))
        parts.append(sentence + (" " if rng.random() < 0.8 else "\n\n"))
        words += len(sentence.split())
    return "".join(parts).strip()


def proposals(text: str, rng: random.Random) -> list[ProposedSuggestion]:
    names = [m.span() for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", text)]
    numbers = [m.span() for m in re.finditer(r"\b\d[\d,]*\b", text)]
    sentences = [m.span() for m in re.finditer(r"[^.\n]+[.]", text)]
    found = [ProposedSuggestion("entity", s, e, rng.choice(("PERSON", "ORG", "GPE")), "ner")
             for s, e in rng.sample(names, min(ENTITIES, len(names)))]
    found += [ProposedSuggestion("timex", s, e, "DATE", "claimline_timex", score=0.9,
                       attributes={"type": "DATE", "value": f"{2000 + i}-0{1 + i % 9}",
                                   "mod": "START" if i % 3 == 0 else None})
              for i, (s, e) in enumerate(rng.sample(numbers, min(TIMEXES, len(numbers))))]
    found += [ProposedSuggestion("claim", s + (1 if text[s] == " " else 0), e, "claim",
                                 "claimline_claims", score=round(rng.random(), 3),
                                 attributes={"claimant": "officials"})
              for s, e in rng.sample(sentences, min(CANDIDATES, len(sentences)))]
    return found


def build(path: Path, count: int) -> None:
    rng = random.Random(7)
    seeds = seed_sentences()
    texts = [article_text(i, rng, seeds) for i in range(count)]
    with ProjectService.create(path) as project:
        added, _ = project.add_articles([
            ParsedArticle(text=t, title=f"Report {i}", outlet=f"Outlet {i % 17}", author=None,
                          url=None, language="en", published=dt.date(2024, 1, 1)
                          + dt.timedelta(days=i % 400), origin="benchmark", format="txt",
                          cleanup=(), extra={}) for i, t in enumerate(texts)])
        ids = [a.id for a in added]
        project.store_suggestions({i: proposals(t, rng) for i, t in zip(ids, texts, strict=True)},
                                  Provenance("benchmark", "1"),
                                  ("ner", "claimline_timex", "claimline_claims"))
        candidates = [s.id for i in ids for s in project.list_suggestions(i, ["claim"])
                      [:ACCEPTED]]
        project.accept_suggestions(candidates)
        claims = {i: project.list_claims(i) for i in ids}
        for a, b in zip(ids[0::2], ids[1::2], strict=False):
            passages = [ProposedPassage(c.start, c.end, d.start, d.end,
                                        rng.choice(("same", "reworded")),
                                        claim_a=c.id, claim_b=d.id)
                        for c, d in zip(claims[a], claims[b], strict=False)]
            passages += [ProposedPassage(0, 10 + k, 0, 10 + k, "conflicting", (DifferenceRecord(
                "number", "1", "2"),)) for k in range(PASSAGES - len(passages))]
            project.store_alignments(a, b, passages, "benchmark")
        for n, article_id in enumerate(ids):
            first = claims[article_id][:2]
            project.create_event(EventFields(f"Event {n}", FuzzyDateFields(
                "early 2024", "DATE", "2024", "START", "2024", dt.date(2024, 1, 1),
                dt.date(2024, 4, 30)), tags=("benchmark",)), [(c.id, "reports") for c in first])


def timed(what: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = what()
    return time.perf_counter() - start, result


def baseline(path: Path) -> float:
    start = time.perf_counter()
    with sqlite3.connect(path) as connection:
        for table in ("articles", "suggestions", "claims", "claim_labels", "events",
                      "event_tags", "claim_event_links", "alignments", "labels"):
            connection.execute(f"SELECT * FROM {table}").fetchall()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build and export into this folder")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="claimline-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    project_path = folder / "large.claimline"
    if not project_path.exists():
        seconds, _ = timed(lambda: build(project_path, options.articles))
        print(f"built the project in {seconds:.1f} s ({project_path})")
    base = baseline(project_path)
    rows: list[tuple[str, float, str]] = []
    with ProjectService.open(project_path) as project:
        seconds, bundle = timed(project.export_bundle)
        counts = bundle.counts()
        annotations = sum(counts[k] for k in ("suggestions", "claims", "events", "links",
                                              "alignments"))
        print(f"{counts['articles']} articles, {annotations} annotations "
              f"({', '.join(f'{n} {k}' for k, n in counts.items())})")
        print(f"baseline (sqlite3 SELECT * of the same tables): {base:.3f} s")
        rows.append(("export_bundle", seconds, ""))
        for name, entry in FORMATS.items():
            out = folder / f"export-{name}{entry.suffix}"
            write = entry.load()
            try:
                seconds, result = timed(lambda: write(bundle, out, include_open=True))  # noqa: B023
            except Exception as error:  # a format still being written must not stop the rest
                rows.append((f"write {name}", float("nan"), f"failed: {error}"))
                continue
            rows.append((f"write {name}", seconds, "; ".join(result.notes)))
    jsonl = folder / "export-claimline-jsonl.jsonl"
    copy = folder / "restored.claimline"
    copy.unlink(missing_ok=True)
    with ProjectService.create(copy) as fresh:
        seconds, _ = timed(lambda: import_into(fresh, jsonl))
    rows.append(("import claimline-jsonl", seconds, ""))
    print(f"\n{'step':<28}{'seconds':>9}{'× baseline':>12}  goal < {GOAL_SECONDS:.0f} s")
    for step, seconds, note in rows:
        verdict = "ok" if seconds < GOAL_SECONDS else "SLOW"
        print(f"{step:<28}{seconds:>9.2f}{seconds / base:>12.1f}  {verdict}  {note[:60]}")


if __name__ == "__main__":
    main()
