"""One export, start to finish: read the bundle, write the format, put it in place.

The writer writes beside the destination (a hidden ".partial" file or folder)
and the result is moved into place only when it is complete, so a cancelled,
failed or killed export never leaves half a dataset where a whole one was, nor
spoils an earlier export of the same name. Both the GUI (in the background)
and `claimline export` run this.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from storage.bundle import ExchangeFormatError, ExportResult, Progress
from storage.exporting.formats import export_format, mark_export
from storage.service import ProjectService


class ExportCancelled(Exception):
    """The researcher cancelled; nothing was written."""


def export_dataset(
    project: ProjectService,
    format_name: str,
    out: Path,
    article_ids: Sequence[int] | None = None,
    *,
    include_open: bool = False,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> ExportResult | None:
    """Export (all or some) articles as `format_name` to `out`; None when cancelled.

    Raises ExchangeFormatError with a sentence for the researcher when `out`
    cannot take the format or cannot be written.
    """
    entry = export_format(format_name)
    if problem := entry.destination_problem(out):
        raise ExchangeFormatError(problem[0].upper() + problem[1:] + ".")
    bundle = project.export_bundle(article_ids)
    partial = out.with_name(f".{out.name}.partial")
    _remove(partial)

    def step(done: int, total: int) -> None:
        if should_cancel():
            raise ExportCancelled
        if progress is not None:
            progress(done, total)

    try:
        result = entry.load()(bundle, partial, step, include_open=include_open)
        if should_cancel():
            raise ExportCancelled
        if entry.is_folder:
            mark_export(partial, entry.name)
        _put_in_place(partial, out)
    except ExportCancelled:
        return None
    except OSError as error:  # a full disk, a folder without write permission, ...
        reason = error.strerror or str(error)
        raise ExchangeFormatError(f"Cannot write {out}: {reason}.") from error
    finally:
        _remove(partial)
    return dataclasses.replace(result, path=str(out))


def _put_in_place(partial: Path, out: Path) -> None:
    if partial.is_dir() and out.is_dir():
        # An earlier export in the folder is replaced as a whole, never merged
        # with this one (a one-article export must not keep the others' files).
        # `destination_problem` has made sure it holds nothing but that export.
        earlier = out.with_name(f".{out.name}.replaced")
        _remove(earlier)
        out.rename(earlier)
        partial.rename(out)
        _remove(earlier)
    else:
        partial.replace(out)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
