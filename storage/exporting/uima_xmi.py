"""UIMA CAS XMI for INCEpTION: a folder with `<article uid>.xmi` per article and `TypeSystem.xml`.

Written with dkpro-cassis against the type system in `data/TypeSystem.xml`:

- `DocumentMetaData`: documentTitle (title), documentId (article uid),
  documentUri (URL), collectionId (outlet), and the document language.
- `Sentence` and `Token` from a simple segmentation (sentence ends and line
  breaks; words, numbers and single symbols), cut so that every annotation
  begins and ends on a token boundary: INCEpTION's token-anchored layers then
  show them exactly. A claim may still cross sentences (enable "allow crossing
  sentence boundaries" on the Claim layer).
- `NamedEntity` (value = spaCy label) for accepted entities, and open ones with
  `include_open`; `webanno.custom.Timex` (value, mod, type) likewise for dates.
- `webanno.custom.Claim` (claimant, labels joined by ", ", certainty, status,
  note) for every claim.
- Events are not text, and INCEpTION's relation layers join two spans of one
  layer, so a claim's link to a timeline event is a `webanno.custom.EventMention`
  span on the claim's own span (event title, eventId `urn:uuid:<event uid>`,
  relation, date). One per link.

In INCEpTION, create span layers `Claim`, `Timex` and `EventMention` with these
string features before importing (layers a project lacks are dropped on import).
Offsets: Python counts code points and UIMA UTF-16 units; cassis converts both
ways when it writes and reads XMI.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from storage.bundle import (
    BundleArticle,
    BundleClaim,
    ExportBundle,
    ExportResult,
    Progress,
)

TYPE_SYSTEM_FILE = "TypeSystem.xml"
DOCUMENT_META = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
CLAIM = "webanno.custom.Claim"
TIMEX = "webanno.custom.Timex"
EVENT_MENTION = "webanno.custom.EventMention"
LABEL_SEPARATOR = ", "
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*(?=\s)|\n")
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|\S", re.UNICODE)


def type_system_bytes() -> bytes:
    return (resources.files("storage.exporting") / "data" / TYPE_SYSTEM_FILE).read_bytes()


@cache
def type_system() -> Any:
    """The shipped type system, loaded by cassis (its `type` feature warning silenced)."""
    import cassis  # type: ignore[import-untyped]

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*reserved name in Python.*")
        return cassis.load_typesystem(type_system_bytes().decode("utf-8"))


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """Write one XMI file per article and the type system into the folder `path`."""
    path.mkdir(parents=True, exist_ok=True)
    (path / TYPE_SYSTEM_FILE).write_bytes(type_system_bytes())
    statuses = ("accepted", "open") if include_open else ("accepted",)
    notes: list[str] = []
    comma_labels = sorted(label.name for label in bundle.labels if "," in label.name)
    if comma_labels:
        notes.append("label names with a comma are split there when read back: "
                     + "; ".join(comma_labels))
    total = len(bundle.articles)
    if progress:
        progress(0, total)
    for done, article in enumerate(bundle.articles, start=1):
        cas = article_cas(bundle, article, statuses)
        cas.to_xmi(path / f"{article.uid}.xmi", pretty_print=True)
        if progress:
            progress(done, total)
    return ExportResult(str(path), total, tuple(notes))


def article_cas(bundle: ExportBundle, article: BundleArticle, statuses: tuple[str, ...]) -> Any:
    """The CAS of one article with its claims, entities, dates and event links."""
    import cassis

    ts = type_system()
    cas = cassis.Cas(typesystem=ts)
    cas.sofa_string = article.text
    cas.sofa_mime = "text/plain"
    meta = ts.get_type(DOCUMENT_META)
    cas.add(meta(begin=0, end=len(article.text), language=article.language or "x-unspecified",
                 documentTitle=article.title, documentId=article.uid,
                 documentUri=article.url, collectionId=article.outlet))
    annotations: list[Any] = []
    entity, timex = ts.get_type(NAMED_ENTITY), ts.get_type(TIMEX)
    for suggestion in bundle.suggestions_of(article.id, "entity", statuses):
        annotations.append(entity(begin=suggestion.start, end=suggestion.end,
                                  value=suggestion.label))
    for suggestion in bundle.suggestions_of(article.id, "timex", statuses):
        attributes = suggestion.attributes or {}
        annotations.append(timex(
            begin=suggestion.start, end=suggestion.end, value=attributes.get("value"),
            mod=attributes.get("mod"), type_=attributes.get("type") or suggestion.label))
    for claim in bundle.claims_of(article.id):
        annotations.extend(_claim_annotations(bundle, claim, ts))
    spans = [(a.begin, a.end) for a in annotations]
    sentence, token = ts.get_type(SENTENCE), ts.get_type(TOKEN)
    for start, end in sentences(article.text):
        cas.add(sentence(begin=start, end=end))
    for start, end in tokens(article.text, spans):
        cas.add(token(begin=start, end=end))
    cas.add_all(annotations)
    return cas


def _claim_annotations(bundle: ExportBundle, claim: BundleClaim, ts: Any) -> list[Any]:
    claim_type, mention = ts.get_type(CLAIM), ts.get_type(EVENT_MENTION)
    found = [claim_type(
        begin=claim.start, end=claim.end, claimant=claim.claimant,
        labels=LABEL_SEPARATOR.join(bundle.label_names(claim)) or None,
        certainty=claim.certainty, status=claim.status, note=claim.note or None,
    )]
    for link in bundle.links_of(claim.id):
        event = bundle.event_by_id.get(link.event_id)
        if event is not None:
            found.append(mention(
                begin=claim.start, end=claim.end, event=event.title,
                eventId=f"urn:uuid:{event.uid}", relation=link.relation,
                date=event.timex_value or event.date_phrase,
            ))
    return found


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentences (or lines) of `text`, without the white space around them."""
    found: list[tuple[int, int]] = []
    at = 0
    for match in _SENTENCE_END.finditer(text):
        _add_trimmed(text, at, match.end(), found)
        at = match.end()
    _add_trimmed(text, at, len(text), found)
    return found


def _add_trimmed(text: str, start: int, end: int, found: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        found.append((start, end))


def tokens(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words, numbers and single symbols, split again wherever an annotation begins or ends."""
    cuts = sorted({offset for span in spans for offset in span})
    found: list[tuple[int, int]] = []
    index = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while index < len(cuts) and cuts[index] <= start:
            index += 1
        at, k = start, index
        while k < len(cuts) and cuts[k] < end:
            found.append((at, cuts[k]))
            at, k = cuts[k], k + 1
        found.append((at, end))
    return found
