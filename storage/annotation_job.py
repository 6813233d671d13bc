"""Pre-annotating articles of a project and storing what the models propose.

The annotator is handed in (the GUI and the command line pass an
`annotators.preannotate.Preannotator`), so storage depends on no model: it
only needs something whose `annotate_many` turns (article id, text) pairs
into results carrying suggestions and the pipeline that made them.

Results are stored in batches, one transaction each, grouped by pipeline so
every suggestion keeps its true provenance. Cancelling stops between articles;
every batch already stored stays, and running again refreshes instead of
duplicating.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from storage.records import AnnotationInput, Provenance, SuggestionLike
from storage.service import ProjectService

BATCH_ARTICLES = 25
BATCH_SECONDS = 2.0
READ_CHUNK = 50


class PipelineLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def components(self) -> tuple[str, ...]: ...
    @property
    def notice(self) -> str | None: ...


class AnnotationResult(Protocol):
    @property
    def key(self) -> Hashable: ...
    @property
    def suggestions(self) -> Sequence[SuggestionLike]: ...
    @property
    def pipeline(self) -> PipelineLike: ...


class BatchAnnotator(Protocol):
    def annotate_many(
        self, items: Iterable[tuple[Hashable, AnnotationInput]]
    ) -> Iterable[AnnotationResult]: ...


@dataclass(frozen=True)
class AnnotationProgress:
    articles_done: int
    articles_total: int
    suggestions_added: int


@dataclass(frozen=True)
class AnnotationReport:
    articles_total: int = 0
    articles_done: int = 0
    added: int = 0
    refreshed: int = 0
    withdrawn: int = 0
    cancelled: bool = False
    pipelines: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = field(default=())

    def summary_line(self) -> str:
        line = (
            f"{self.articles_done} article{'s' if self.articles_done != 1 else ''} "
            f"pre-annotated: {self.added} new suggestions, {self.refreshed} refreshed, "
            f"{self.withdrawn} withdrawn"
        )
        if self.cancelled:
            line = f"Cancelled after {self.articles_done} of {self.articles_total}. {line}"
        return line + "."


ProgressCallback = Callable[[AnnotationProgress], None]
StoredCallback = Callable[[tuple[int, ...]], None]


def preannotate(
    project: ProjectService,
    annotator: BatchAnnotator,
    article_ids: Sequence[int] | None = None,
    *,
    progress: ProgressCallback | None = None,
    stored: StoredCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> AnnotationReport:
    ids = list(article_ids) if article_ids is not None else project.article_ids()
    cancelled = False
    counts = {"added": 0, "refreshed": 0, "withdrawn": 0}
    done: list[int] = []
    pipelines: dict[str, None] = {}
    notices: dict[str, None] = {}
    pending: dict[tuple[str, str, tuple[str, ...]], dict[int, Sequence[SuggestionLike]]] = {}
    last_store = time.monotonic()

    def inputs() -> Iterator[tuple[Hashable, AnnotationInput]]:
        for start in range(0, len(ids), READ_CHUNK):
            for item in project.annotation_inputs(ids[start : start + READ_CHUNK]):
                yield item.article_id, item

    def store() -> None:
        nonlocal last_store
        for (name, version, components), batch in pending.items():
            results = project.store_suggestions(batch, Provenance(name, version), components)
            for result in results:
                counts["added"] += result.added
                counts["refreshed"] += result.refreshed
                counts["withdrawn"] += result.withdrawn
            if stored is not None:
                stored(tuple(batch))
        pending.clear()
        last_store = time.monotonic()

    if progress is not None:
        progress(AnnotationProgress(0, len(ids), 0))
    results = iter(annotator.annotate_many(inputs()))
    try:
        for result in results:
            info = result.pipeline
            pipelines[f"{info.name} {info.version}"] = None
            if info.notice:
                notices[info.notice] = None
            article_id = result.key
            assert isinstance(article_id, int), "results come back under the ids we sent"
            pending.setdefault((info.name, info.version, tuple(info.components)), {})[
                article_id
            ] = result.suggestions
            done.append(article_id)
            if sum(len(b) for b in pending.values()) >= BATCH_ARTICLES or (
                time.monotonic() - last_store > BATCH_SECONDS
            ):
                store()
            if progress is not None:
                progress(AnnotationProgress(len(done), len(ids), counts["added"]))
            if should_cancel is not None and should_cancel():
                cancelled = len(done) < len(ids)
                break
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops worker processes of a pipeline we left early
    store()
    return AnnotationReport(
        articles_total=len(ids),
        articles_done=len(done),
        added=counts["added"],
        refreshed=counts["refreshed"],
        withdrawn=counts["withdrawn"],
        cancelled=cancelled,
        pipelines=tuple(pipelines),
        notices=tuple(notices),
        article_ids=tuple(done),
    )
