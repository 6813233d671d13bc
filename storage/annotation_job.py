"""Pre-annotating articles of a project and storing what the models propose.

The annotator is handed in (the GUI and the command line pass an
`annotators.preannotate.Preannotator`), so storage depends on no model: it
only needs something whose `annotate_many` turns (article id, text) pairs
into results carrying suggestions and the pipeline that made them.

Results are stored in batches, one transaction each, grouped by pipeline so
every suggestion keeps its true provenance, on a writer thread that overlaps
with the parsing. Cancelling stops between articles;
every batch already stored stays, and running again refreshes instead of
duplicating.
"""

from __future__ import annotations

import queue
import threading
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
            f"pre-annotated: {self.added} new suggestion{'s' if self.added != 1 else ''}, "
            f"{self.refreshed} refreshed, "
            f"{self.withdrawn} withdrawn"
        )
        if self.cancelled:
            line = f"Cancelled after {self.articles_done} of {self.articles_total}. {line}"
        return line + "."


ProgressCallback = Callable[[AnnotationProgress], None]
StoredCallback = Callable[[tuple[int, ...]], None]


class _Writer:
    """Stores batches of suggestions on a thread of its own.

    SQLite does its work (and waits for the disk) without holding Python's
    lock, so while one batch is written the next articles are being parsed.
    The queue is short: parsing never runs far ahead of what is stored, and a
    failure to store stops the run at the next batch.
    """

    def __init__(self, project: ProjectService, stored: StoredCallback | None) -> None:
        self._project = project
        self._stored = stored
        self._queue: queue.Queue[_Batches | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self.counts = {"added": 0, "refreshed": 0, "withdrawn": 0}
        # Started with the first batch, after the annotator has forked any worker
        # processes it needs: forking a process that runs threads is unsafe.
        self._thread: threading.Thread | None = None

    def submit(self, batches: _Batches) -> None:
        self._raise_if_failed()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="suggestion-writer", daemon=True)
            self._thread.start()
        self._queue.put(batches)

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
        self._raise_if_failed()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (batches := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain after a failure; close() reports it
            try:
                for (name, version, components), batch in batches.items():
                    results = self._project.store_suggestions(
                        batch, Provenance(name, version), components
                    )
                    for result in results:
                        self.counts["added"] += result.added
                        self.counts["refreshed"] += result.refreshed
                        self.counts["withdrawn"] += result.withdrawn
                    if self._stored is not None:
                        self._stored(tuple(batch))
            except BaseException as error:
                self._error = error


_Batches = dict[tuple[str, str, tuple[str, ...]], dict[int, Sequence[SuggestionLike]]]


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
    done: list[int] = []
    pipelines: dict[str, None] = {}
    notices: dict[str, None] = {}
    pending: _Batches = {}
    last_store = time.monotonic()
    writer = _Writer(project, stored)

    def inputs() -> Iterator[tuple[Hashable, AnnotationInput]]:
        for start in range(0, len(ids), READ_CHUNK):
            for item in project.annotation_inputs(ids[start : start + READ_CHUNK]):
                yield item.article_id, item

    def store() -> None:
        nonlocal pending, last_store
        if pending:
            writer.submit(pending)
        pending = {}
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
                progress(AnnotationProgress(len(done), len(ids), writer.counts["added"]))
            if should_cancel is not None and should_cancel():
                cancelled = len(done) < len(ids)
                break
        store()
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops worker processes of a pipeline we left early
        writer.close()
    counts = writer.counts
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
