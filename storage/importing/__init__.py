"""File readers that turn article files into :class:`ParsedArticle` values.

No database and no Qt here: the storage service calls :func:`collect_files` and
:func:`read_file`, then stores what comes back. Heavy libraries (trafilatura,
charset-normalizer, py3langid) are imported only when a file needs them.
"""

from storage.importing.file_collection import collect_files
from storage.importing.formats import SUPPORTED_SUFFIXES
from storage.importing.normalization import normalize_text
from storage.importing.parsed import ImportProblem, ParsedArticle, ReadResult
from storage.importing.reading import parse_text, read_file

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ImportProblem",
    "ParsedArticle",
    "ReadResult",
    "collect_files",
    "normalize_text",
    "parse_text",
    "read_file",
]
