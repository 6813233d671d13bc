"""Interactions in the real main window on a long, heavily annotated article.

The reader benchmark (benchmarks/reader.py) times the text widget alone; this
one times what a researcher waits for, through the project file, the undo
stack, the panels and the reader: opening the article, selecting a claim,
toggling a layer, accepting a suggestion (which creates a claim and updates
the reader, the suggestions list, the claim panel and the article list).
The article has about 50,000 words and 5,000 highlights (4,000 entities and
1,000 claim candidates). Goal: every interaction under 50 ms. Medians of 9,
each ending with a repaint of the reader.

    QT_QPA_PLATFORM=offscreen python benchmarks/workspace.py
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import create_application, settle_after_start_up
from desktop.main_window import MainWindow
from storage.importing import ParsedArticle, read_file
from storage.records import ProposedSuggestion, Provenance
from storage.seed_corpus import seed_directory
from storage.service import ProjectService

WORDS = 50_000
ENTITIES, CANDIDATES = 4_000, 1_000


def long_article() -> str:
    paragraphs = []
    for path in sorted(seed_directory().glob("*.txt")):
        (article,) = read_file(path)
        assert isinstance(article, ParsedArticle)
        paragraphs += [p for p in article.text.split("\n\n") if len(p) > 80]
    out, words, i = [], 0, 0
    while words < WORDS:
        paragraph = f"{i + 1}. {paragraphs[i % len(paragraphs)]}"
        out.append(paragraph)
        words += len(paragraph.split())
        i += 1
    return "\n\n".join(out)


def build(path: Path) -> int:
    text = long_article()
    with ProjectService.create(path) as project:
        (article,), _ = project.add_articles([ParsedArticle(
            text=text, title="Long report", outlet="Wire", author=None, url=None,
            language="en", published=None, origin="benchmark", format="txt", cleanup=(),
            extra={})])
        names = [m.span() for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", text)]
        step = max(1, len(names) // ENTITIES)
        proposals = [ProposedSuggestion("entity", s, e, "GPE", "ner")
                     for s, e in names[::step][:ENTITIES]]
        sentences = [m.span() for m in re.finditer(r"[^.\n]+\.", text)]
        step = max(1, len(sentences) // CANDIDATES)
        proposals += [ProposedSuggestion("claim", s, e, "claim", "claimline_claims", score=0.7,
                               attributes={"claimant": "Kyiv"})
                      for s, e in sentences[::step][:CANDIDATES]]
        project.store_suggestions({article.id: proposals}, Provenance("benchmark", "1"),
                                  {"ner", "claimline_claims"})
        return article.id


def median_ms(run: Callable[[int], None], window: MainWindow, repeats: int = 9) -> float:
    app = create_application([])
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        run(i)
        window.reader.text.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    app = create_application([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CLAIMLINE_HOME"] = folder
        path = Path(folder) / "long.claimline"
        article_id = build(path)
        window = MainWindow()
        window.resize(1440, 900)
        window.show()
        window.open_project(path)
        app.processEvents()
        settle_after_start_up()  # as the application does once its first project is open
        service = window.document.service
        text_words = service.list_articles()[0].word_count
        candidates = [s.id for s in service.list_suggestions(article_id, kinds=["claim"])]
        window.annotation.accept(candidates[:3])  # warm up, and claims to select
        claims = [c.id for c in service.list_claims(article_id)]

        def reopen(_i: int) -> None:
            window.annotation.show_article(article_id)

        results = {
            "open the article (claims, suggestions, highlights)": median_ms(reopen, window),
            "select a claim": median_ms(
                lambda i: window.annotation.select_claim(claims[i % len(claims)]), window),
            "toggle the entity layers": median_ms(
                lambda i: window.reader.set_layer_visible("entity", i % 2 == 1), window),
            "accept a claim candidate": median_ms(
                lambda i: window.annotation.accept([candidates[10 + i]]), window),
            "undo that acceptance": median_ms(lambda _i: window.undo_stack.undo(), window),
        }
        window.close()
    print(f"article: {text_words:,} words, {ENTITIES + CANDIDATES:,} suggestions; "
          "medians of 9, each with a repaint")
    for name, value in results.items():
        print(f"{name:<52} {value:6.1f} ms")


if __name__ == "__main__":
    main()
