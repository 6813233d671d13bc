"""Plain text and Markdown articles.

Markdown is stored as written (the researcher may want the emphasis and links); only
front matter, which is metadata rather than article, leaves the text.
"""

from __future__ import annotations

from storage.importing.article_building import finish_article
from storage.importing.front_matter import split_front_matter
from storage.importing.metadata_fields import Metadata, metadata_from_mapping
from storage.importing.normalization import normalize_text
from storage.importing.parsed import ImportProblem, ParsedArticle
from storage.importing.titles import guess_markdown_title, guess_title


def parse_plain_text(text: str, *, origin: str) -> ParsedArticle | ImportProblem:
    """Read a ``.txt`` article: the first line is the title if it looks like one."""
    return finish_article(text, Metadata(), origin=origin, format="txt", title_guesser=guess_title)


def parse_markdown(text: str, *, origin: str) -> ParsedArticle | ImportProblem:
    """Read a Markdown article, taking metadata from front matter when present."""
    text = normalize_text(text)
    fields, body = split_front_matter(text)
    meta = Metadata()
    if fields is not None:
        meta = metadata_from_mapping(fields)
        keys = ", ".join(fields)
        meta.notes.insert(
            0, f"Moved the front matter block ({keys}) out of the text into metadata."
        )
    return finish_article(
        body, meta, origin=origin, format="md", title_guesser=guess_markdown_title
    )
