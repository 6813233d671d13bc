"""Importing W3C Web Annotations (JSON-LD) onto the articles a project already holds.

A Web Annotation document carries no article text, so every annotation must
find its article: by its source (`urn:uuid:<article uid>`, or the article's
web address), or else by its quote, the one article whose text holds it. The
position selector is used when the text there is the quote; otherwise the
quote is searched for with its prefix and suffix. What cannot be anchored is
listed in the report, and the rest is imported.

Claimline's own documents (`storage.exporting.web_annotation`) come back
whole; annotations from other tools become claims with their tags as labels
and their comments as the note. Accepts an `AnnotationCollection` (its first
page embedded), an `AnnotationPage`, a list of annotations or one annotation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.annotation_import.anchoring import anchor, context_fit
from storage.annotation_import.documents import (
    AnnotationImportError,
    ImportedClaim,
    ImportedDocument,
    ImportedEventLink,
    ImportedSpan,
)
from storage.bundle import ImportResult, Progress
from storage.exporting.web_annotation import (
    CERTAINTY,
    CLAIMANT,
    ENTITY_TYPE,
    KIND,
    RELATION,
    STATUS,
    TIMEX_MOD,
    TIMEX_TYPE,
    TIMEX_VALUE,
)

if TYPE_CHECKING:
    from storage.service import ProjectService


def read(service: ProjectService, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import the Web Annotation document at `path` onto the project's articles."""
    path = Path(path)
    if path.is_dir():
        raise AnnotationImportError(f"{path.name} is a folder; a Web Annotation import reads "
                                    "one JSON-LD file")
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise AnnotationImportError(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise AnnotationImportError(
            f"{path.name}, line {error.lineno}: not JSON ({error.msg})") from None
    documents, notes = annotation_documents(service, annotations_in(data, path.name), path.name)
    return service.store_imported(documents, "web-annotation", progress, notes=notes)


def annotations_in(data: Any, name: str) -> list[dict[str, Any]]:
    """The annotation objects of a collection, page, list or single annotation."""
    if isinstance(data, list):
        items: Any = data
    elif isinstance(data, dict) and _has_type(data, "Annotation"):
        items = [data]
    elif isinstance(data, dict) and isinstance(data.get("items"), list):
        items = data["items"]
    elif isinstance(data, dict) and isinstance(data.get("first"), dict):
        items = data["first"].get("items", [])
    else:
        raise AnnotationImportError(f"{name}: neither an Annotation, an AnnotationPage with "
                                    "items, an AnnotationCollection with its first page, "
                                    "nor a list")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise AnnotationImportError(f"{name}: the annotations must be JSON objects")
    return items


@dataclass
class _Article:
    id: int
    text: str
    claims: list[ImportedClaim] = field(default_factory=list)
    spans: list[ImportedSpan] = field(default_factory=list)


def annotation_documents(service: ProjectService, items: list[dict[str, Any]],
                         name: str) -> tuple[list[ImportedDocument], list[str]]:
    """The annotations anchored in the project's articles (one document per article),
    and what could not be anchored."""
    summaries = service.list_articles()
    texts = {a.article_id: a.text for a in service.annotation_inputs([s.id for s in summaries])}
    articles = {s.id: _Article(s.id, texts[s.id]) for s in summaries}
    by_reference = {f"urn:uuid:{s.uid}": s.id for s in summaries}
    by_reference.update({s.metadata.url: s.id for s in summaries if s.metadata.url})
    links = _links(items)
    notes: list[str] = []
    for index, item in enumerate(items, start=1):
        where = f"{name}, annotation {index}" + (f" ({_id(item)})" if _id(item) else "")
        if "linking" in _strings(item.get("motivation")):
            continue
        found = _anchored(item, articles, by_reference)
        if isinstance(found, str):
            notes.append(f"{where}: {found}; left out")
            continue
        article, start, end = found
        _add(article, item, start, end, where, links.get(_id(item), []))
    documents = [
        ImportedDocument(origin=name, article_id=a.id, claims=tuple(a.claims),
                         spans=tuple(a.spans))
        for a in articles.values() if a.claims or a.spans
    ]
    return documents, notes


def _links(items: Iterable[dict[str, Any]]) -> dict[str, list[ImportedEventLink]]:
    """Event links by the id of the claim annotation they target."""
    found: dict[str, list[ImportedEventLink]] = {}
    for item in items:
        if "linking" not in _strings(item.get("motivation")):
            continue
        bodies = _objects(item.get("body"))
        relation = next((str(b.get("value")) for b in bodies if b.get("label") == RELATION),
                        "reports")
        events = [b for b in bodies if _id(b).startswith("urn:uuid:")]
        for target in _as_list(item.get("target")):
            claim_id = target if isinstance(target, str) else _id(target)
            for event in events:
                title = str(event.get("schema:name") or event.get("label") or "")
                found.setdefault(claim_id, []).append(
                    ImportedEventLink(_id(event), title, relation))
    return found


def _anchored(item: dict[str, Any], articles: dict[int, _Article],
              by_reference: dict[str, int]) -> tuple[_Article, int, int] | str:
    """(article, start, end), or why the annotation cannot be placed."""
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
    target = next((t for t in targets if _objects(t.get("selector"))), None)
    if target is None:
        return "its target has no selector, so it cannot be placed in a text"
    selectors = _objects(target.get("selector"))
    quote = next((s for s in selectors if _has_type(s, "TextQuoteSelector")), None)
    position = next((s for s in selectors if _has_type(s, "TextPositionSelector")), None)
    exact = str(quote.get("exact", "")) if quote else ""
    prefix = str(quote.get("prefix", "")) if quote else ""
    suffix = str(quote.get("suffix", "")) if quote else ""
    start, end = _int(position, "start"), _int(position, "end")
    source = target.get("source")
    references = [source] if isinstance(source, str) else (
        [_id(source), _id(source.get("dcterms:source") or {})] if isinstance(source, dict) else [])
    chosen = [articles[by_reference[r]] for r in references if r in by_reference][:1]
    if not chosen and exact:
        chosen = _best_by_context(articles.values(), exact, prefix, suffix, start)
    if not chosen:
        return "its source is not an article of this project and its quote is in none"
    if len(chosen) > 1:
        return f"its quote “{exact[:40]}” is in {len(chosen)} articles; it is ambiguous"
    article = chosen[0]
    if not exact:
        if start is not None and end is not None and 0 <= start < end <= len(article.text):
            return article, start, end
        return "it has neither a quote nor a position inside the article"
    span = anchor(article.text, exact, start=start, end=end, prefix=prefix, suffix=suffix)
    if span is None:
        return f"its quote “{exact[:40]}” is not in the article's text"
    return article, span[0], span[1]


def _best_by_context(articles: Iterable[_Article], exact: str, prefix: str, suffix: str,
                     start: int | None) -> list[_Article]:
    """The articles holding the quote whose context fits best (an original and its rewrite
    often share a sentence: the prefix, suffix and position usually tell them apart)."""
    scored: list[tuple[int, _Article]] = []
    for article in articles:
        span = anchor(article.text, exact, start=start,
                      end=None if start is None else start + len(exact),
                      prefix=prefix, suffix=suffix)
        if span is not None:
            fit = context_fit(article.text, span, prefix, suffix) + (span[0] == start)
            scored.append((fit, article))
    best = max((fit for fit, _ in scored), default=0)
    return [article for fit, article in scored if fit == best]


def _add(article: _Article, item: dict[str, Any], start: int, end: int, where: str,
         links: list[ImportedEventLink]) -> None:
    bodies = _objects(item.get("body"))
    labelled = {str(b["label"]): str(b.get("value", "")) for b in bodies if "label" in b}
    quote = article.text[start:end]
    kind = labelled.get(KIND, "claim")
    if kind == "entity":
        article.spans.append(ImportedSpan("entity", start, end, labelled.get(ENTITY_TYPE, "ENTITY"),
                                          quote, {}, where))
        return
    if kind == "timex":
        kind_value = labelled.get(TIMEX_TYPE, "DATE")
        attributes = {"type": kind_value, "value": labelled.get(TIMEX_VALUE),
                      "mod": labelled.get(TIMEX_MOD)}
        article.spans.append(ImportedSpan("timex", start, end, kind_value, quote, attributes,
                                          where))
        return
    motivations = _strings(item.get("motivation"))
    tags = [str(b.get("value", "")) for b in bodies if "label" not in b and (
        "tagging" in _strings(b.get("purpose"))
        or (not b.get("purpose") and "tagging" in motivations))]
    comments = [str(b.get("value", "")) for b in bodies if "label" not in b and (
        "commenting" in _strings(b.get("purpose"))
        or (not b.get("purpose") and "tagging" not in motivations))]
    if isinstance(item.get("bodyValue"), str):
        comments.append(item["bodyValue"])
    article.claims.append(ImportedClaim(
        start, end, quote, labelled.get(CLAIMANT), labelled.get(CERTAINTY),
        labelled.get(STATUS, "open"), "\n".join(c for c in comments if c),
        tuple(t for t in tags if t), tuple(links), where,
    ))


# ---------------------------------------------------------------- JSON-LD shapes
def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _objects(value: Any) -> list[dict[str, Any]]:
    return [v for v in _as_list(value) if isinstance(v, dict)]


def _strings(value: Any) -> list[str]:
    return [str(v).removeprefix("oa:") for v in _as_list(value) if isinstance(v, str)]


def _id(node: dict[str, Any]) -> str:
    value = node.get("id", node.get("@id", ""))
    return value if isinstance(value, str) else ""


def _has_type(node: dict[str, Any], name: str) -> bool:
    return name in _strings(node.get("type", node.get("@type")))


def _int(node: dict[str, Any] | None, key: str) -> int | None:
    value = node.get(key) if node else None
    if isinstance(value, dict):  # {"@value": 5, "@type": xsd:nonNegativeInteger}
        value = value.get("@value")
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None
