"""The entry point: propose the check-worthy sentences of a spaCy doc.

    find_claims(doc, threshold=0.0) -> list[ClaimCandidate]

Two feature sets, chosen by what the doc carries:

* ``claims.parse.v1`` for docs with a dependency parse (the trained English
  pipeline): claimants from the parse, entities from NER, event verbs by lemma;
* ``claims.lexical.v1`` for docs without one (a blank pipeline with a
  sentencizer, e.g. Ukrainian or Russian news): cue words, digits, month names,
  quotation marks and capitalisation.

Page furniture (bylines, captions, "Leave a Reply", language menus, lines of
fewer than two words) is never proposed, whatever the threshold. Everything
else is scored; `threshold` keeps candidates with ``score >= threshold``. The
default 0.0 returns every scored sentence so a UI can filter live;
`DEFAULT_THRESHOLD` (0.44) is the recommended cut and the default of the spaCy
component.

The finder never re-parses: it reads the annotations spaCy already made and
makes one pass over each sentence.
"""

from __future__ import annotations

from typing import Any

from .attribution import AttributionResult, find_attribution
from .candidate import ClaimCandidate
from .checkworthiness import assess
from .doc_index import DocIndex
from .lexical_attribution import lexical_attribution
from .lexical_features import lexical_features
from .parsed_features import parsed_features
from .segmentation import is_page_furniture, split_units

Doc = Any  # spacy.tokens.Doc

PARSE_RULE = "claims.parse.v1"
LEXICAL_RULE = "claims.lexical.v1"


def find_claims(doc: Doc, *, threshold: float = 0.0) -> list[ClaimCandidate]:
    """Claim candidates of `doc` with ``score >= threshold``, in text order."""
    if len(doc) == 0:
        return []
    parsed = bool(doc.has_annotation("DEP"))
    index = DocIndex(doc)
    entity_at = index.entity_at
    text = index.text
    candidates: list[ClaimCandidate] = []
    for unit in split_units(doc, text):
        unit_text = text[unit.start_char : unit.end_char]
        if parsed:
            features = parsed_features(doc, unit, entity_at)
        else:
            features = lexical_features(doc, unit, entity_at)
        if is_page_furniture(unit_text, features.n_words):
            continue
        found: AttributionResult | None
        if parsed:
            found = find_attribution(doc, unit.start, unit.end, index)
        else:
            found = lexical_attribution(doc, unit.start, unit.end)
        attribution = found.attribution if found else None
        assessment = assess(features, attribution, denial_cue=bool(found and found.denial))
        if assessment.score < threshold:
            continue
        candidates.append(
            ClaimCandidate(
                start=unit.start_char,
                end=unit.end_char,
                text=unit_text,
                score=assessment.score,
                reasons=assessment.reasons,
                explanation=assessment.explanation,
                attribution=attribution,
                certainty=assessment.certainty,
                rule=PARSE_RULE if parsed else LEXICAL_RULE,
            )
        )
    return candidates

