"""The last step every reader shares: from raw body text and metadata to an article.

Keeping it in one place guarantees that TXT, Markdown, HTML and JSON articles get the
same normalization, the same debris rules and the same language detection, so that the
same story imported from two formats hashes the same.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from storage.importing.language import detect_language
from storage.importing.metadata_fields import Metadata
from storage.importing.normalization import normalize_text
from storage.importing.parsed import ImportProblem, ParsedArticle
from storage.importing.text_cleanup import remove_debris

NO_TEXT_REASON = "The file has no text."

TitleGuesser = Callable[[str], str | None]


def finish_article(
    body: str,
    meta: Metadata,
    *,
    origin: str,
    format: str,
    no_text_reason: str = NO_TEXT_REASON,
    title_guesser: TitleGuesser | None = None,
) -> ParsedArticle | ImportProblem:
    """Normalize and clean ``body``, fill in what metadata lacks, build the article.

    The title is guessed after cleanup, so a language switcher above the headline is
    never mistaken for the title.
    """
    text = normalize_text(body)
    if not text:
        return ImportProblem(origin, no_text_reason)
    cleaned = remove_debris(text, author_known=meta.author is not None)
    text = normalize_text(cleaned.text)
    if not text:  # cannot happen (cleanup never removes every line), but stay safe
        return ImportProblem(origin, no_text_reason)
    title = meta.title
    if title is None and title_guesser is not None:
        title = title_guesser(text)
    return ParsedArticle(
        text=text,
        title=title,
        outlet=meta.outlet,
        author=meta.author or cleaned.author,
        url=meta.url,
        language=meta.language or detect_language(text),
        published=meta.published,
        origin=origin,
        format=format,
        cleanup=(*meta.notes, *cleaned.notes),
        extra=MappingProxyType(dict(meta.extra)),
    )
