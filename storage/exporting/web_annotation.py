"""W3C Web Annotation (JSON-LD): the bundle as one `AnnotationCollection`.

The mapping (`storage.annotation_import.web_annotation_import` reads it back):

- Each claim is an `Annotation` (id `urn:uuid:<claim uid>`, motivation
  `classifying`) whose target is a `SpecificResource`: the article
  (`urn:uuid:<article uid>`, typed `Text`, with its language, its title as
  `dcterms:title` and its web address as `dcterms:source`) narrowed by a
  `TextQuoteSelector` (the exact quote with 32 characters of prefix and
  suffix) and a `TextPositionSelector` (start and end in code points, as the
  model requires).
- Its bodies are `TextualBody`s: `{purpose: classifying, label: "kind", value:
  "claim"}` says what it is; each label is a `tagging` body; the claimant a
  `describing` body labelled "claimant"; certainty and status `classifying`
  bodies labelled so; the note a `commenting` body.
- Accepted entities and dates (and open ones with `include_open`) are
  annotations of kind "entity" / "timex" in the same way, with their spaCy label
  or TIMEX3 type, value and mod as labelled bodies.
- A claim's link to a timeline event is a separate `linking` annotation whose
  target is the claim's annotation and whose bodies are the event
  (`urn:uuid:<event uid>`, typed `schema:Event`, with `schema:name` and
  `dcterms:date`) and a `describing` body labelled "relation" (reports,
  disputes, gives_figure).

`@context` is "http://www.w3.org/ns/anno.jsonld", as the model requires.
Claimline never fetches it: `context_document_loader` answers a JSON-LD
processor's request for that address with `data/web_annotation_terms.json`, a
context written for Claimline (see `data/README.md`) that maps the terms
Claimline writes and reads to the IRIs the Web Annotation Vocabulary gives
them. It is deliberately smaller than the published context: a term it does
not map (one Claimline neither writes nor reads) is dropped when a
third-party document is expanded with it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

from storage.bundle import (
    BundleArticle,
    BundleClaim,
    BundleLink,
    BundleSuggestion,
    ExportBundle,
    ExportResult,
    Progress,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_URLS = frozenset({ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld"})
CONTEXT_CHARS = 32
KIND, CLAIMANT, CERTAINTY, STATUS, RELATION = "kind", "claimant", "certainty", "status", \
    "relation"
ENTITY_TYPE, TIMEX_TYPE, TIMEX_VALUE, TIMEX_MOD = "entity type", "TIMEX3 type", \
    "TIMEX3 value", "TIMEX3 mod"
_IDS = uuid.UUID("5b0f7c53-5d3e-4c1c-9d7e-2f3a6c1e8b40")  # namespace of derived ids


CONTEXT_FILE = "web_annotation_terms.json"


def context_text() -> str:
    """The text of Claimline's own JSON-LD context for the Web Annotation terms it uses."""
    return (resources.files("storage.exporting") / "data" / CONTEXT_FILE).read_text("utf-8")


def context_document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-LD document loader (pyld's shape) that serves Claimline's context, and only it.

    The Web Annotation context address is answered with `context_text()`;
    anything else is refused, so expanding a document never reaches the network.
    """
    if url not in CONTEXT_URLS:
        raise ValueError(f"offline: no local copy of the JSON-LD document {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(context_text())}


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """Write the bundle as a Web Annotation collection (JSON-LD) to the file `path`."""
    document = collection(bundle, include_open=include_open, progress=progress)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ExportResult(str(path), int(document["total"]))


def collection(
    bundle: ExportBundle, *, include_open: bool = False, progress: Progress | None = None
) -> dict[str, Any]:
    """The `AnnotationCollection` for the bundle, as plain JSON data."""
    statuses = ("accepted", "open") if include_open else ("accepted",)
    items: list[dict[str, Any]] = []
    total = len(bundle.articles)
    if progress:
        progress(0, total)
    for done, article in enumerate(bundle.articles, start=1):
        for claim in bundle.claims_of(article.id):
            items.append(_claim_annotation(bundle, article, claim))
            items.extend(_link_annotation(bundle, claim, link) for link in
                         bundle.links_of(claim.id) if link.event_id in bundle.event_by_id)
        for kind in ("entity", "timex"):
            items.extend(_span_annotation(article, s) for s in
                         bundle.suggestions_of(article.id, kind, statuses))
        if progress:
            progress(done, total)
    exported = bundle.exported_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return {
        "@context": ANNO_CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": "Claimline export",
        "generator": {"type": "Software", "name": "Claimline"},
        "generated": _timestamp(exported),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _timestamp(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def _body(purpose: str, value: str, label: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "TextualBody", "purpose": purpose, "value": value}
    if label is not None:
        body["label"] = label
    return body


def target(article: BundleArticle, start: int, end: int) -> dict[str, Any]:
    """A `SpecificResource` on the article narrowed to text[start:end] by quote and position."""
    text = article.text
    source: dict[str, Any] = {"id": f"urn:uuid:{article.uid}", "type": "Text",
                              "format": "text/plain"}
    if article.language:
        source["language"] = article.language
    if article.title:
        source["dcterms:title"] = article.title
    if article.url:
        source["dcterms:source"] = {"id": article.url}
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": text[start:end]}
    if start > 0:
        quote["prefix"] = text[max(0, start - CONTEXT_CHARS) : start]
    if end < len(text):
        quote["suffix"] = text[end : end + CONTEXT_CHARS]
    position = {"type": "TextPositionSelector", "start": start, "end": end}
    return {"type": "SpecificResource", "source": source, "selector": [quote, position]}


def _claim_annotation(bundle: ExportBundle, article: BundleArticle,
                      claim: BundleClaim) -> dict[str, Any]:
    bodies = [_body("classifying", "claim", KIND)]
    bodies += [_body("tagging", name) for name in bundle.label_names(claim)]
    if claim.claimant:
        bodies.append(_body("describing", claim.claimant, CLAIMANT))
    if claim.certainty:
        bodies.append(_body("classifying", claim.certainty, CERTAINTY))
    bodies.append(_body("classifying", claim.status, STATUS))
    if claim.note:
        bodies.append(_body("commenting", claim.note))
    return {
        "id": f"urn:uuid:{claim.uid}", "type": "Annotation", "motivation": "classifying",
        "created": _timestamp(claim.created_at), "body": bodies,
        "target": target(article, claim.start, claim.end),
    }


def _link_annotation(bundle: ExportBundle, claim: BundleClaim,
                     link: BundleLink) -> dict[str, Any]:
    event = bundle.event_by_id[link.event_id]
    node: dict[str, Any] = {"id": f"urn:uuid:{event.uid}", "type": "schema:Event",
                            "schema:name": event.title}
    if event.timex_value:
        node["dcterms:date"] = event.timex_value
    return {
        "id": f"urn:uuid:{uuid.uuid5(_IDS, f'link/{claim.uid}/{event.uid}')}",
        "type": "Annotation", "motivation": "linking", "created": _timestamp(link.created_at),
        "body": [node, _body("describing", link.relation, RELATION)],
        "target": f"urn:uuid:{claim.uid}",
    }


def _span_annotation(article: BundleArticle, suggestion: BundleSuggestion) -> dict[str, Any]:
    key = f"{article.uid}/{suggestion.kind}/{suggestion.start}/{suggestion.end}/{suggestion.label}"
    bodies = [_body("classifying", suggestion.kind, KIND)]
    if suggestion.kind == "timex":
        attributes = suggestion.attributes or {}
        bodies.append(_body("classifying", str(attributes.get("type") or suggestion.label),
                            TIMEX_TYPE))
        for label, name in ((TIMEX_VALUE, "value"), (TIMEX_MOD, "mod")):
            if attributes.get(name):
                bodies.append(_body("describing", str(attributes[name]), label))
    else:
        bodies.append(_body("classifying", suggestion.label, ENTITY_TYPE))
    return {
        "id": f"urn:uuid:{uuid.uuid5(_IDS, key)}", "type": "Annotation",
        "motivation": "classifying", "created": _timestamp(suggestion.created_at),
        "body": bodies, "target": target(article, suggestion.start, suggestion.end),
    }
