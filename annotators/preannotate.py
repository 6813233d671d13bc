"""Pre-annotation of one text or a whole corpus: the entry point for the GUI and the CLI.

    annotator = Preannotator("en_core_web_sm", processes=2)
    annotator.annotate_text(text, language="en", dct=date(2025, 3, 17))  # -> [Suggestion]
    for result in annotator.annotate_many((key, item) for ...):  # streams AnnotatedText
        ...

Texts are grouped by language (each language has its own pipeline) and fed to
`nlp.pipe` in chunks, so a corpus streams through in bounded memory and a
caller can stop between chunks. With `processes > 1` spaCy parses in worker
processes; our components run there too, so they scale with the parse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from annotators.doc_suggestions import doc_suggestions
from annotators.pipelines import DEFAULT_PIPELINE, LoadedPipeline, PipelineInfo, load_pipeline
from annotators.suggestion import Suggestion

# Texts per `nlp.pipe` call. With worker processes each call starts them anew,
# so chunks are larger there; with one process a small chunk costs nothing.
CHUNK_TEXTS = 64
CHUNK_TEXTS_PER_PROCESS = 256


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
        size = CHUNK_TEXTS if self.processes == 1 else CHUNK_TEXTS_PER_PROCESS * self.processes
        chunk: list[tuple[Hashable, TextToAnnotate]] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= size:
                yield from self._annotate_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._annotate_chunk(chunk)

    def _annotate_chunk(
        self, chunk: list[tuple[Hashable, TextToAnnotate]]
    ) -> Iterator[AnnotatedText]:
        by_language: dict[str, list[tuple[Hashable, TextToAnnotate]]] = {}
        for key, item in chunk:
            by_language.setdefault((item.language or "en").split("-")[0], []).append((key, item))
        for language, group in by_language.items():
            loaded = self.pipeline(language)
            nlp = loaded.nlp
            docs = []
            for _key, item in group:
                doc = nlp.make_doc(item.text)
                doc._.dct = item.anchor_date.isoformat() if item.anchor_date else None
                docs.append(doc)
            processes = self.processes if len(docs) > 1 else 1
            annotated = nlp.pipe(docs, batch_size=self.batch_size, n_process=processes)
            for (key, _item), doc in zip(group, annotated, strict=True):
                yield AnnotatedText(key, doc_suggestions(doc), loaded.info)
