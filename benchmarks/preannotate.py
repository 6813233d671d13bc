"""Pre-annotation speed: our full path against plain spaCy, measured in the same run.

The corpus (at least 100,000 words) is built from the seed articles and the
news samples in benchmarks/data/news_samples, each copy numbered so that no
two texts are equal. Three timings, after the pipelines have been loaded:

1. baseline: `nlp.pipe` over the texts with the trained pipeline alone;
2. full path, 1 process: `storage.annotation_job.preannotate` on a project
   holding the corpus (pipeline + temporal normaliser + claim finder +
   writing every suggestion to the project file);
3. the same full path with `--processes` worker processes (default 2).

Prints words/second of each and the ratios: full/baseline (goal >= 0.85)
and the speed-up with several processes.

    python benchmarks/preannotate.py [--words 100000] [--processes 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from annotators.pipelines import DEFAULT_PIPELINE, PACKAGE_ALIASES
from annotators.preannotate import Preannotator
from storage.annotation_job import preannotate
from storage.importing import ParsedArticle, read_file
from storage.seed_corpus import seed_directory
from storage.service import ProjectService

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


def baseline(texts: list[str]) -> float:
    import spacy

    for package in PACKAGE_ALIASES.get(DEFAULT_PIPELINE, (DEFAULT_PIPELINE,)):
        try:
            nlp = spacy.load(package)
            break
        except OSError:
            continue
    list(nlp.pipe(texts[:8]))  # warm up
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start


def full_path(project: ProjectService, processes: int) -> float:
    annotator = Preannotator(DEFAULT_PIPELINE, processes=processes)
    annotator.annotate_text("Warm-up: the pipeline loads before timing starts on Monday.")
    start = time.perf_counter()
    report = preannotate(project, annotator)
    elapsed = time.perf_counter() - start
    assert report.articles_done == report.articles_total
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    texts = corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words")
    with tempfile.TemporaryDirectory() as folder:
        single = fill_project(Path(folder) / "one.claimline", texts)
        multi = fill_project(Path(folder) / "many.claimline", texts)
        base = baseline(texts)
        one = full_path(single, 1)
        many = full_path(multi, args.processes)
        suggestions = len(single.list_suggestions(1))
        single.close()
        multi.close()
    print(f"baseline nlp.pipe (1 process):       {words / base:9,.0f} words/s")
    print(f"full path, 1 process:                {words / one:9,.0f} words/s")
    print(f"full path, {args.processes} processes:              {words / many:9,.0f} words/s")
    print(f"({suggestions} suggestions stored for the first article)")
    print(f"ratio full / baseline (goal >= 0.85): {base / one:.2f}")
    print(f"speed-up with {args.processes} processes:            {one / many:.2f}")


if __name__ == "__main__":
    main()
