"""Entry points that turn a file, or its bytes, into articles and problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from storage.importing.decoding import NotText, declared_html_charset, decode_bytes
from storage.importing.formats import FORMATS, format_for, unsupported_reason
from storage.importing.html_reader import parse_html
from storage.importing.json_reader import parse_json, parse_jsonl
from storage.importing.parsed import ImportProblem, ReadResult
from storage.importing.text_reader import parse_markdown, parse_plain_text

_READERS: dict[str, Callable[[str, str], list[ReadResult]]] = {
    "txt": lambda text, origin: [parse_plain_text(text, origin=origin)],
    "md": lambda text, origin: [parse_markdown(text, origin=origin)],
    "html": lambda text, origin: [parse_html(text, origin=origin)],
    "json": lambda text, origin: parse_json(text, origin=origin),
    "jsonl": lambda text, origin: parse_jsonl(text, origin=origin),
}


def read_file(path: Path) -> list[ReadResult]:
    """Read every article in the file at ``path``.

    Never raises for bad content or an unreadable file: the researcher gets an
    :class:`ImportProblem` per thing that went wrong and the articles that did work.
    """
    origin = str(path)
    file_format = format_for(path)
    if file_format is None:
        return [ImportProblem(origin, unsupported_reason(path))]
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        return [ImportProblem(origin, "This is a folder, not a file.")]
    except FileNotFoundError:
        return [ImportProblem(origin, "The file does not exist (any more).")]
    except OSError as error:
        detail = error.strerror or str(error)
        return [ImportProblem(origin, f"The file could not be read: {detail}.")]
    return parse_text(raw, origin=origin, format=file_format)


def parse_text(raw: bytes | str, *, origin: str, format: str) -> list[ReadResult]:
    """Read articles from file content already in memory (``format`` as in ParsedArticle).

    Raises ``ValueError`` only for an unknown ``format``, which is a programming error.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown import format {format!r}; expected one of {sorted(FORMATS)}")
    if isinstance(raw, bytes):
        declared = declared_html_charset(raw) if format == "html" else None
        try:
            text = decode_bytes(raw, declared)
        except NotText as problem:
            return [ImportProblem(origin, problem.reason)]
    elif not raw:
        return [ImportProblem(origin, "The file is empty.")]
    else:
        text = raw
    return _READERS[format](text, origin)
