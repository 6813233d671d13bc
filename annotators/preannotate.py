"""Pre-annotation of one text or a whole corpus: the entry point for the GUI and the CLI.

    annotator = Preannotator("en_core_web_sm", processes=2)
    annotator.annotate_text(text, language="en", dct=date(2025, 3, 17))  # -> [Suggestion]
    for result in annotator.annotate_many((key, item) for ...):  # streams AnnotatedText
        ...

Texts are gathered into small batches of one language (each language has its
own pipeline) and run through `nlp.pipe`. With `processes > 1` whole batches
go to worker processes, which parse, run our components and hand back only
the suggestions: no Doc crosses a process boundary, so the work scales with
the cores. At most two batches per worker are in flight, so a corpus streams
through in bounded memory, and a caller can stop at any time.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
from collections import deque
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import Protocol

from annotators.doc_suggestions import doc_suggestions
from annotators.pipelines import DEFAULT_PIPELINE, LoadedPipeline, PipelineInfo, load_pipeline
from annotators.suggestion import Suggestion

IN_FLIGHT_PER_PROCESS = 2


class TextToAnnotate(Protocol):
    """Anything with the text, its language and the date anchoring relative expressions."""

    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str | None: ...
    @property
    def anchor_date(self) -> dt.date | None: ...


@dataclass(frozen=True)
class PlainText:
    text: str
    language: str | None = "en"
    anchor_date: dt.date | None = None


@dataclass(frozen=True)
class AnnotatedText:
    key: Hashable
    suggestions: list[Suggestion]
    pipeline: PipelineInfo


class Preannotator:
    def __init__(
        self,
        pipeline: str | None = None,
        *,
        claim_threshold: float | None = None,
        processes: int = 1,
        batch_size: int = 16,
    ) -> None:
        self.pipeline_name = pipeline or DEFAULT_PIPELINE
        self.claim_threshold = claim_threshold
        self.processes = max(1, processes)
        self.batch_size = batch_size

    def pipeline(self, language: str | None) -> LoadedPipeline:
        loaded = load_pipeline(self.pipeline_name, (language or "en").split("-")[0])
        if self.claim_threshold is not None:
            from annotators.components import CLAIMS

            component = loaded.nlp.get_pipe(CLAIMS)
            component.threshold = self.claim_threshold  # type: ignore[attr-defined]
        return loaded

    def annotate_text(
        self, text: str, language: str | None = "en", dct: dt.date | None = None
    ) -> list[Suggestion]:
        (result,) = self.annotate_many([(0, PlainText(text, language, dct))])
        return result.suggestions

    def annotate_many(
        self, items: Iterable[tuple[Hashable, TextToAnnotate]]
    ) -> Iterator[AnnotatedText]:
        batches = self._batches(items)
        if self.processes == 1:
            for batch in batches:
                yield from self._run_batch(batch)
            return
        self.pipeline("en")  # loaded once here; forked workers inherit it
        with _pool(self.processes) as pool:
            in_flight: deque[AsyncResult[list[AnnotatedText]]] = deque()
            for batch in batches:
                in_flight.append(pool.apply_async(_run_in_worker, (self._settings(), batch)))
                if len(in_flight) >= IN_FLIGHT_PER_PROCESS * self.processes:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()

    # ------------------------------------------------------------ batches
    def _batches(self, items: Iterable[tuple[Hashable, TextToAnnotate]]) -> Iterator[list[_Job]]:
        """Consecutive texts grouped by language, `batch_size` at a time."""
        pending: dict[str, list[_Job]] = {}
        for key, item in items:
            language = (item.language or "en").split("-")[0]
            anchor = item.anchor_date.isoformat() if item.anchor_date else None
            group = pending.setdefault(language, [])
            group.append((key, item.text, language, anchor))
            if len(group) >= self.batch_size:
                yield pending.pop(language)
        yield from pending.values()

    def _run_batch(self, batch: list[_Job]) -> list[AnnotatedText]:
        loaded = self.pipeline(batch[0][2])
        nlp = loaded.nlp
        docs = []
        for _key, text, _language, anchor in batch:
            doc = nlp.make_doc(text)
            doc._.dct = anchor
            docs.append(doc)
        return [
            AnnotatedText(key, doc_suggestions(doc), loaded.info)
            for (key, *_rest), doc in zip(batch, nlp.pipe(docs, batch_size=self.batch_size),
                                          strict=True)
        ]

    def _settings(self) -> tuple[str, float | None, int]:
        return (self.pipeline_name, self.claim_threshold, self.batch_size)


# (key, text, language, anchor date as ISO string or None)
_Job = tuple[Hashable, str, str, str | None]
_worker_annotators: dict[tuple[str, float | None, int], Preannotator] = {}


def _run_in_worker(settings: tuple[str, float | None, int], batch: list[_Job]
                   ) -> list[AnnotatedText]:
    annotator = _worker_annotators.get(settings)
    if annotator is None:
        name, threshold, batch_size = settings
        annotator = Preannotator(name, claim_threshold=threshold, batch_size=batch_size)
        _worker_annotators[settings] = annotator
    return annotator._run_batch(batch)


def _pool(processes: int) -> Pool:
    # Forking shares the loaded model with the workers at no cost; where fork is
    # not available (or not safe, as on macOS) workers start fresh and load it.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method).Pool(processes)
