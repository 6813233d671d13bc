"""Saved web pages: keep the article, drop the menus, read the metadata.

trafilatura does the hard part. It is only ever handed a string, never a URL, so it
cannot fetch anything; date extraction is told not to search the body text, where dates
of the events reported would be mistaken for the publication date. When trafilatura
finds no main text (very short or oddly built pages), the visible text of the whole page
is used instead, so a page is never rejected just for being unusual.
"""

from __future__ import annotations

import datetime
from typing import Any

from storage.importing.article_building import finish_article
from storage.importing.dates import parse_date
from storage.importing.language import language_code
from storage.importing.metadata_fields import Metadata
from storage.importing.normalization import clean_field
from storage.importing.page_text import scan_page
from storage.importing.parsed import ImportProblem, ParsedArticle

NO_PAGE_TEXT_REASON = "The page has no readable text."
MAIN_TEXT_NOTE = "Kept the main text of the page; menus, sidebars and footers were left out."
WHOLE_PAGE_NOTE = (
    "No main article text was recognised, so the visible text of the whole page was kept "
    "(scripts and styles left out)."
)


def parse_html(text: str, *, origin: str) -> ParsedArticle | ImportProblem:
    """Read one article from the HTML source ``text``."""
    page = scan_page(text)
    meta = Metadata(language=language_code(page.language or ""))
    document = _extract(text)
    body = _main_text(document) if document is not None else ""
    if body.strip():
        meta.notes.append(MAIN_TEXT_NOTE)
    else:
        body = page.visible_text
        if body.strip():
            meta.notes.append(WHOLE_PAGE_NOTE)
        document = _extract_metadata(text) if document is None else document
    if document is not None:
        _read_metadata(document, meta)
    meta.title = meta.title or clean_field(page.title or "")
    return finish_article(
        body, meta, origin=origin, format="html", no_text_reason=NO_PAGE_TEXT_REASON
    )


def _date_params() -> dict[str, Any]:
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": datetime.date.today().isoformat(),
    }


def _extract(text: str) -> Any:
    import trafilatura  # imported late: it takes a third of a second

    try:
        return trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=_date_params(),
        )
    except Exception:  # a parser bug on one odd page must not stop a folder import
        return None


def _extract_metadata(text: str) -> Any:
    import trafilatura

    try:
        return trafilatura.extract_metadata(text, date_config=_date_params(), extensive=False)
    except Exception:  # see _extract
        return None


def _field(document: Any, name: str) -> Any:
    """Read a field from a trafilatura result: a Document in 2.x, a dict in 1.x."""
    if isinstance(document, dict):
        return document.get(name)
    return getattr(document, name, None)


def _main_text(document: Any) -> str:
    """The extracted text with one blank line between paragraphs, headings and lists."""
    body = _field(document, "body")
    if body is not None and len(body):
        try:
            from trafilatura.xml import xmltotxt

            return "\n\n".join(xmltotxt(child, False) for child in body)
        except Exception:  # fall back on the flat text below
            pass
    text = _field(document, "text")
    return "\n\n".join(text.split("\n")) if isinstance(text, str) else ""


def _read_metadata(document: Any, meta: Metadata) -> None:
    for source, target in (
        ("title", "title"),
        ("author", "author"),
        ("sitename", "outlet"),
        ("url", "url"),
    ):
        value = _field(document, source)
        if isinstance(value, str) and getattr(meta, target) is None:
            setattr(meta, target, clean_field(value))
    date = _field(document, "date")
    if isinstance(date, str) and meta.published is None:
        meta.published = parse_date(date)
