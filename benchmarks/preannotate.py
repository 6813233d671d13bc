"""Pre-annotation speed: our full path against plain spaCy, measured in the same run.

The corpus (at least 100,000 words) is built from the seed articles and the
news samples in benchmarks/data/news_samples, each copy numbered so that no
two texts are equal. Three timings, after the pipelines have been loaded:

1. baseline: `nlp.pipe` over the texts with the trained pipeline alone;
2. full path, 1 process: `storage.annotation_job.preannotate` on a project
   holding the corpus (pipeline + temporal normaliser + claim finder +
   writing every suggestion to the project file);
3. the same full path with `--processes` worker processes (default 2).

Each timing is repeated (--repeats, default 2; the baseline and the full path
alternate) and the fastest run of each counts. The full/baseline ratio
(goal >= 0.85) compares CPU time of this process (all its threads): on a
shared machine wall-clock time swings by 10% between identical runs, CPU
time much less. Wall-clock figures are printed too, and the speed-up with
several processes (which is about wall-clock time) uses them.

    python benchmarks/preannotate.py [--words 100000] [--processes 2] [--repeats 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from annotators.pipelines import DEFAULT_PIPELINE, PACKAGE_ALIASES
from annotators.preannotate import Preannotator
from storage.annotation_job import preannotate
from storage.importing import ParsedArticle, read_file
from storage.seed_corpus import seed_directory
from storage.service import ProjectService

if TYPE_CHECKING:
    from spacy.language import Language

SAMPLES = Path(__file__).resolve().parent / "data" / "news_samples"


def corpus(min_words: int) -> list[str]:
    sources = sorted(seed_directory().glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
    texts = []
    for path in sources:
        (article,) = read_file(path)
        assert isinstance(article, ParsedArticle)
        texts.append(article.text)
    result: list[str] = []
    words = 0
    copy = 0
    while words < min_words:
        copy += 1
        for text in texts:
            numbered = f"Bulletin {copy}. {text}"
            result.append(numbered)
            words += len(numbered.split())
    return result


def fill_project(path: Path, texts: list[str]) -> ProjectService:
    project = ProjectService.create(path)
    articles = [
        ParsedArticle(text=t, title=t.split("\n", 1)[0][:80], outlet=None, author=None, url=None,
                      language="en", published=None, origin="benchmark", format="txt",
                      cleanup=(), extra={})
        for t in texts
    ]
    for start in range(0, len(articles), 200):
        project.add_articles(articles[start : start + 200])
    return project


def plain_pipeline() -> Language:
    import spacy

    for package in PACKAGE_ALIASES.get(DEFAULT_PIPELINE, (DEFAULT_PIPELINE,)):
        try:
            return spacy.load(package)
        except OSError:
            continue
    raise SystemExit(f"{DEFAULT_PIPELINE} is not installed")


def baseline(nlp: Language, texts: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of plain nlp.pipe over `texts`."""
    list(nlp.pipe(texts[:8]))  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def full_path(
    folder: Path, texts: list[str], processes: int, run: int
) -> tuple[float, float, int]:
    """(wall-clock, CPU seconds) to pre-annotate a fresh project of `texts`; suggestions stored."""
    project = fill_project(folder / f"run{run}-{processes}.claimline", texts)
    annotator = Preannotator(DEFAULT_PIPELINE, processes=processes)
    annotator.annotate_text("Warm-up: the pipeline loads before timing starts on Monday.")
    start, cpu = time.perf_counter(), time.process_time()
    report = preannotate(project, annotator)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.articles_done == report.articles_total
    project.close()
    return elapsed, cpu, report.added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    texts = corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words")
    nlp = plain_pipeline()
    base, one, many = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.repeats):
            base.append(baseline(nlp, texts))
            *timing, stored = full_path(Path(folder), texts, 1, run)
            one.append(tuple(timing))
            many.append(full_path(Path(folder), texts, args.processes, run)[0])
    base_wall, base_cpu = min(t[0] for t in base), min(t[1] for t in base)
    one_wall, one_cpu = min(t[0] for t in one), min(t[1] for t in one)
    many_wall = min(many)
    print(f"baseline nlp.pipe, 1 process:   {words / base_wall:7,.0f} words/s wall, "
          f"{words / base_cpu:7,.0f} words/CPU-s")
    print(f"full path, 1 process:           {words / one_wall:7,.0f} words/s wall, "
          f"{words / one_cpu:7,.0f} words/CPU-s")
    print(f"full path, {args.processes} processes:         {words / many_wall:7,.0f} words/s wall")
    print(f"({stored:,} suggestions stored per run; fastest of {args.repeats} runs each)")
    print(f"ratio full / baseline, CPU time (goal >= 0.85): {base_cpu / one_cpu:.2f}")
    print(f"ratio full / baseline, wall-clock:              {base_wall / one_wall:.2f}")
    print(f"speed-up with {args.processes} processes, wall-clock:     {one_wall / many_wall:.2f}")


if __name__ == "__main__":
    main()
