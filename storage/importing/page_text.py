"""A tolerant pass over an HTML page with the standard library's parser.

It supplies what trafilatura does not: the page's declared language (``<html lang>``),
its ``<title>``, and, for pages where no main article text is recognised, all visible
text with block elements on lines of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_SPACES = re.compile(r"[^\S\n]+")
_WHITESPACE = re.compile(r"\s+")  # HTML collapses every run of whitespace to one space


@dataclass(frozen=True)
class PageText:
    """What a plain scan of the page found."""

    language: str | None
    title: str | None
    visible_text: str


def scan_page(html: str) -> PageText:
    """Scan ``html``; malformed markup yields whatever could be read before it."""
    scanner = _Scanner()
    try:
        scanner.feed(html)
        scanner.close()
    except Exception:  # the stdlib parser still trips on some broken declarations
        pass
    return scanner.result()


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._language: str | None = None
        self._seen_html = False
        self._title: list[str] = []
        self._in_title = False
        self._hidden_depth = 0
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html" and not self._seen_html:
            self._seen_html = True
            values = dict(attrs)
            self._language = values.get("lang") or values.get("xml:lang")
        elif tag == "title" and not self._title:
            self._in_title = True  # the first one only: SVG icons carry titles too
        elif tag == "body":
            self._hidden_depth = 0  # a page that never closed its <head>
        if tag in _INVISIBLE:
            self._hidden_depth += 1
        elif tag == "br":
            self._chunks.append("\n")
        elif tag in _BLOCKS:
            self._chunks.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _INVISIBLE:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCKS:
            self._chunks.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._hidden_depth:
            self._chunks.append(_WHITESPACE.sub(" ", data))

    def result(self) -> PageText:
        text = _SPACES.sub(" ", "".join(self._chunks))
        text = "\n".join(line.strip() for line in text.split("\n"))
        title = " ".join("".join(self._title).split()) or None
        return PageText(self._language, title, text)
