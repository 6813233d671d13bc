"""Claimline JSON Lines: a whole bundle, lossless and versioned (docs/claimline-jsonl.md).

A header line, then one JSON object per record with a `type` and the fields of
the matching `storage.bundle` class under the same names. Reading checks every
line (its JSON, type, fields and their types) and the spans against the article
texts, and names the file and line of the
first fault, so a damaged or hand-edited file is refused before anything is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import MISSING, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.bundle import (
    BundleAlignment,
    BundleArticle,
    BundleClaim,
    BundleEvent,
    BundleLabel,
    BundleLink,
    BundleRelation,
    BundleSuggestion,
    ExchangeFormatError,
    ExportBundle,
    ExportResult,
    ImportResult,
    Progress,
)

if TYPE_CHECKING:
    from storage.service import ProjectService

FORMAT = "claimline-jsonl"
VERSION = 1

# type name → (bundle class, bundle attribute), in the order records are written
RECORD_TYPES: dict[str, tuple[type[Any], str]] = {
    "label": (BundleLabel, "labels"),
    "article": (BundleArticle, "articles"),
    "relation": (BundleRelation, "relations"),
    "suggestion": (BundleSuggestion, "suggestions"),
    "claim": (BundleClaim, "claims"),
    "event": (BundleEvent, "events"),
    "link": (BundleLink, "links"),
    "alignment": (BundleAlignment, "alignments"),
}
_PROGRESS_EVERY = 2000


# ---------------------------------------------------------------- writing
def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):  # datetime too: ISO 8601 either way
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _line(kind: str, record: Any) -> str:
    body = {"type": kind}
    body.update({f.name: _plain(getattr(record, f.name)) for f in fields(record)})
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def lines(bundle: ExportBundle) -> Iterator[str]:
    """The file's lines (without line breaks): the header, settings, then records by type."""
    counts = {kind: len(getattr(bundle, attr)) for kind, (_, attr) in RECORD_TYPES.items()}
    counts["setting"] = len(bundle.settings)
    yield json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "schema": bundle.schema,
            "exported_at": _plain(bundle.exported_at),
            "whole_project": bundle.whole_project,
            "counts": counts,
        },
        ensure_ascii=False,
    )
    for key, value in sorted(bundle.settings.items()):
        yield json.dumps({"type": "setting", "key": key, "value": value}, ensure_ascii=False,
                         separators=(",", ":"))
    for kind, (_, attr) in RECORD_TYPES.items():
        for record in getattr(bundle, attr):
            yield _line(kind, record)


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """Write the bundle to `path`, whole (open suggestions are always included).

    Written as it goes: `storage.exporting.export_job` gives every writer a
    hidden path beside the destination and puts the result in place when whole.
    """
    total = 1 + len(bundle.settings) + sum(len(getattr(bundle, a)) for _, a in
                                           RECORD_TYPES.values())
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for text in lines(bundle):
            out.write(text)
            out.write("\n")
            written += 1
            if progress and written % _PROGRESS_EVERY == 0:
                progress(written, total)
    if progress:
        progress(total, total)
    return ExportResult(str(path), written - 1)


# ---------------------------------------------------------------- reading
def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Fault(Exception):
    """A fault in one line; the reader adds the file name and line number."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function checking and converting a JSON value to the field type `hint`."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) and type(None) in args:
        inner = _converter(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _converter(args[0])
        return lambda v: tuple(item(x) for x in _expect(v, list, "a list"))
    if origin is dict:
        return lambda v: _expect(v, dict, "an object")
    if hint is dt.datetime:
        return lambda v: _iso(v, dt.datetime.fromisoformat, "a date and time")
    if hint is dt.date:
        return lambda v: _iso(v, dt.date.fromisoformat, "a date (YYYY-MM-DD)")
    if hint is int:
        return lambda v: v if _is_int(v) else _wrong(v, "a whole number")
    if hint is float:
        return lambda v: float(v) if _is_int(v) or isinstance(v, float) else _wrong(v, "a number")
    if hint is str:
        return lambda v: _expect(v, str, "a string")
    return lambda v: v  # Any


def _wrong(value: Any, wanted: str) -> Any:
    raise _Fault(f"{json.dumps(value, ensure_ascii=False)[:40]} is not {wanted}")


def _expect(value: Any, kind: type[Any], wanted: str) -> Any:
    return value if isinstance(value, kind) else _wrong(value, wanted)


def _iso(value: Any, parse: Callable[[str], Any], wanted: str) -> Any:
    if isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            pass
    return _wrong(value, wanted)


def _schema(cls: type[Any]) -> list[tuple[str, Callable[[Any], Any], Any]]:
    """(field, converter, default or MISSING): null-able and list-like fields may be omitted."""
    hints = typing.get_type_hints(cls)
    result = []
    for f in fields(cls):
        hint = hints[f.name]
        optional = isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
        origin = typing.get_origin(hint)
        default: Any = MISSING
        if optional:
            default = None
        elif origin is tuple:
            default = ()
        elif origin is dict:
            default = {}
        result.append((f.name, _converter(hint), default))
    return result


_SCHEMAS = {kind: _schema(cls) for kind, (cls, _) in RECORD_TYPES.items()}


def _record(kind: str, body: dict[str, Any]) -> Any:
    values = {}
    for name, convert, default in _SCHEMAS[kind]:
        if name not in body:
            if default is MISSING:
                raise _Fault(f"the {kind} has no “{name}” field")
            values[name] = default
            continue
        try:
            values[name] = convert(body[name])
        except _Fault as fault:
            raise _Fault(f"field “{name}” of the {kind}: {fault}") from None
    return RECORD_TYPES[kind][0](**values)


def _header(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _Fault(f"this is not a Claimline JSON Lines file (the first line must be the "
                     f'header {{"format": "{FORMAT}", "version": {VERSION}, ...}})')
    version = body.get("version")
    if version != VERSION:
        newer = isinstance(version, int) and version > VERSION
        raise _Fault(
            f"format version {json.dumps(version)} is not supported; this Claimline reads "
            f"version {VERSION}" + (" (the file was written by a newer Claimline)" if newer
                                     else "")
        )
    return body


def read_claimline_jsonl(path: Path) -> ExportBundle:
    """The bundle in the file at `path`; `ExchangeFormatError` naming the file and line if not."""
    path = Path(path)
    found: dict[str, list[Any]] = {kind: [] for kind in RECORD_TYPES}
    where: dict[tuple[str, int], int] = {}  # (type, id) → line, for the checks at the end
    settings: dict[str, Any] = {}
    header: dict[str, Any] | None = None
    number = 0
    try:
        with path.open("rb") as source:
            for number, raw in enumerate(source, start=1):
                try:
                    text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    raise _Fault("not UTF-8 text") from None
                if not text.strip():
                    continue
                try:
                    body = json.loads(text)
                except json.JSONDecodeError as error:
                    raise _Fault(f"not valid JSON ({error.msg} at column {error.colno})") from None
                if header is None:
                    header = _header(body)
                    continue
                if not isinstance(body, dict):
                    raise _Fault("a record must be a JSON object")
                kind = body.get("type")
                if kind == "setting":
                    if not isinstance(body.get("key"), str) or "value" not in body:
                        raise _Fault("a setting needs a string “key” and a “value”")
                    settings[body["key"]] = body["value"]
                    continue
                if kind not in RECORD_TYPES:
                    known = ", ".join(["setting", *RECORD_TYPES])
                    raise _Fault(f"unknown record type {json.dumps(kind)} (known: {known})")
                record = _record(kind, body)
                ident = getattr(record, "id", None)
                if ident is not None:
                    if (kind, ident) in where:
                        raise _Fault(f"a second {kind} with id {ident} (the first is on line "
                                     f"{where[kind, ident]})")
                    where[kind, ident] = number
                found[kind].append(record)
    except _Fault as fault:
        raise ExchangeFormatError(f"{path.name}, line {number}: {fault}.") from None
    except OSError as error:
        raise ExchangeFormatError(f"{path.name}: cannot be read ({error.strerror}).") from None
    if header is None:
        raise ExchangeFormatError(f"{path.name}: the file is empty (no header line).")
    bundle = ExportBundle(
        **{attr: tuple(sorted(found[kind], key=_order)) for kind, (_, attr) in
           RECORD_TYPES.items()},
        settings=settings,
        whole_project=bool(header.get("whole_project", False)),
        schema=header["schema"] if _is_int(header.get("schema")) else 0,
        exported_at=_header_time(header.get("exported_at")),
    )
    _check_counts(path, header, bundle, len(settings))
    _check_spans(path, bundle, where)
    return bundle


def _order(record: Any) -> tuple[int, int]:
    if isinstance(record, BundleLink):
        return record.claim_id, record.event_id
    return record.id, 0


def _header_time(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _check_counts(path: Path, header: dict[str, Any], bundle: ExportBundle, settings: int) -> None:
    counts = header.get("counts")
    if not isinstance(counts, dict):
        return
    actual = {kind: len(getattr(bundle, attr)) for kind, (_, attr) in RECORD_TYPES.items()}
    actual["setting"] = settings
    for kind, expected in counts.items():
        if kind in actual and expected != actual[kind]:
            raise ExchangeFormatError(
                f"{path.name}: the header announces {expected} {kind} records but the file holds "
                f"{actual[kind]} (is it cut short?)."
            )


def _check_spans(path: Path, bundle: ExportBundle, where: dict[tuple[str, int], int]) -> None:
    """Texts match their digests; every span lies inside the text of an article the file holds.

    (References between other records are checked by `restore_bundle`.)
    """
    texts = {a.id: a.text for a in bundle.articles}
    for item in bundle.articles:
        if text_digest(item.text) != item.text_sha256:
            raise ExchangeFormatError(
                f"{path.name}, line {where['article', item.id]}: the text of article "
                f"{item.id} does not match its text_sha256 (was it edited?)."
            )

    def fault(kind: str, ident: int, message: str) -> ExchangeFormatError:
        return ExchangeFormatError(f"{path.name}, line {where[kind, ident]}: {message}.")

    for kind, records in (("suggestion", bundle.suggestions), ("claim", bundle.claims)):
        for r in records:
            if r.article_id not in texts:
                raise fault(kind, r.id, f"the {kind} refers to article {r.article_id}, which "
                                        "the file does not hold")
            if not 0 <= r.start <= r.end <= len(texts[r.article_id]):
                raise fault(kind, r.id, f"span {r.start}–{r.end} lies outside the text of "
                                        f"article {r.article_id}")
    for a in bundle.alignments:
        for article, start, end in ((a.article_a_id, a.a_start, a.a_end),
                                    (a.article_b_id, a.b_start, a.b_end)):
            if article in texts and start is not None and end is not None \
                    and not 0 <= start <= end <= len(texts[article]):
                raise fault("alignment", a.id, f"span {start}–{end} lies outside the text of "
                                               f"article {article}")


# ---------------------------------------------------------------- importing
def import_into(
    service: ProjectService, path: Path, progress: Progress | None = None
) -> ImportResult:
    """Read the file and load it into `service`'s project, which must be new and empty."""
    bundle = read_claimline_jsonl(path)
    service.restore_bundle(bundle, progress)
    counts = bundle.counts()
    counts.pop("labels", None)
    return ImportResult(counts=counts)
