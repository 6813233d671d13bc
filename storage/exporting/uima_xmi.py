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

Speed: nearly all of the time goes into cassis itself (adding each of the
about 400 feature structures per article to its CAS, and above all serialising
them). The type system is loaded, and the
layer types looked up, once per process; the loaded type system also remembers
the answers to the type questions cassis repeats for every feature it writes
(see `_remember_type_queries`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
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
    """The shipped type system, loaded by cassis (its `type` feature warning silenced).

    Loaded once per process and used only by this writer; nothing may add types
    to it, since it keeps answers about its types (`_remember_type_queries`).
    """
    import cassis  # type: ignore[import-untyped]

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*reserved name in Python.*")
        loaded = cassis.load_typesystem(type_system_bytes().decode("utf-8"))
    _remember_type_queries(loaded)
    return loaded


# Type-system questions that cassis' XMI writer asks again for every feature of
# every feature structure (is this an annotation? is this range a primitive, an
# array, a list?). They are pure functions of the types, so their answers can be kept.
_REPEATED_TYPE_QUERIES = ("is_instance_of", "is_primitive", "is_primitive_array",
                          "is_primitive_list")


def _remember_type_queries(ts: Any) -> None:
    """Make `ts` keep the answers to cassis' repeated type questions.

    Only sound because nothing adds types to this type system after loading (it
    is private to this writer). Cassis' own functions still give every answer;
    a cassis that stops asking them just loses the gain.
    """
    for name in _REPEATED_TYPE_QUERIES:
        query = getattr(ts, name, None)
        if callable(query):
            setattr(ts, name, cache(query))


@dataclass(frozen=True)
class LayerTypes:
    """The cassis types this writer creates, looked up once."""

    meta: Callable[..., Any]
    sentence: Callable[..., Any]
    token: Callable[..., Any]
    entity: Callable[..., Any]
    timex: Callable[..., Any]
    claim: Callable[..., Any]
    mention: Callable[..., Any]


@cache
def layer_types() -> LayerTypes:
    ts = type_system()
    return LayerTypes(
        meta=ts.get_type(DOCUMENT_META), sentence=ts.get_type(SENTENCE),
        token=ts.get_type(TOKEN), entity=ts.get_type(NAMED_ENTITY), timex=ts.get_type(TIMEX),
        claim=ts.get_type(CLAIM), mention=ts.get_type(EVENT_MENTION),
    )


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

    types = layer_types()
    cas = cassis.Cas(typesystem=type_system())
    cas.sofa_string = article.text
    cas.sofa_mime = "text/plain"
    cas.add(types.meta(
        begin=0, end=len(article.text), language=article.language or "x-unspecified",
        documentTitle=article.title, documentId=article.uid, documentUri=article.url,
        collectionId=article.outlet))
    annotations = _span_annotations(bundle, article, statuses, types)
    spans = [(a.begin, a.end) for a in annotations]
    # The order of adding gives the XMI ids, so sentences, tokens and then the
    # annotations, as always.
    cas.add_all([types.sentence(begin=start, end=end) for start, end in sentences(article.text)])
    cas.add_all([types.token(begin=start, end=end) for start, end in tokens(article.text, spans)])
    cas.add_all(annotations)
    return cas


def _span_annotations(bundle: ExportBundle, article: BundleArticle, statuses: tuple[str, ...],
                      types: LayerTypes) -> list[Any]:
    """Entities, then dates, then each claim with its event mentions, not yet in a CAS."""
    annotations: list[Any] = [
        types.entity(begin=s.start, end=s.end, value=s.label)
        for s in bundle.suggestions_of(article.id, "entity", statuses)
    ]
    for suggestion in bundle.suggestions_of(article.id, "timex", statuses):
        attributes = suggestion.attributes or {}
        annotations.append(types.timex(
            begin=suggestion.start, end=suggestion.end, value=attributes.get("value"),
            mod=attributes.get("mod"), type_=attributes.get("type") or suggestion.label))
    for claim in bundle.claims_of(article.id):
        annotations.extend(_claim_annotations(bundle, claim, types))
    return annotations


def _claim_annotations(bundle: ExportBundle, claim: BundleClaim, types: LayerTypes) -> list[Any]:
    found = [types.claim(
        begin=claim.start, end=claim.end, claimant=claim.claimant,
        labels=LABEL_SEPARATOR.join(bundle.label_names(claim)) or None,
        certainty=claim.certainty, status=claim.status, note=claim.note or None,
    )]
    for link in bundle.links_of(claim.id):
        event = bundle.event_by_id.get(link.event_id)
        if event is not None:
            found.append(types.mention(
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
