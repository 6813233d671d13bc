"""Turning an annotated spaCy Doc into suggestions.

Where two components propose the same thing, the richer proposal wins: a date
the temporal normaliser read (with its calendar value) replaces spaCy's bare
DATE/TIME entity on the same words, and a figure found by rules is dropped
where the trained recogniser or a temporal expression already covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from annotators.suggestion import Suggestion

NER = "ner"
SKIPPED_ENTITY_LABELS = frozenset({"ORDINAL"})
TIME_ENTITY_LABELS = frozenset({"DATE", "TIME"})


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


TIMEX_ATTRIBUTES = ("type", "value", "mod", "edtf", "earliest", "latest", "anchor",
                    "needs_anchor")


def timex_suggestions(doc: Doc) -> list[Suggestion]:
    return [
        Suggestion(kind="timex", start=t["start"], end=t["end"], text=t["text"], label=t["type"],
                   component="claimline_timex", rule=t["rule"], score=t["confidence"],
                   attributes={key: t[key] for key in TIMEX_ATTRIBUTES})
        for t in doc._.timexes or ()
    ]


def entity_suggestions(doc: Doc, timexes: list[Suggestion]) -> list[Suggestion]:
    time_spans = [(t.start, t.end) for t in timexes]
    found = []
    for ent in doc.ents:
        if ent.label_ in SKIPPED_ENTITY_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if ent.label_ in TIME_ENTITY_LABELS and _overlaps(start, end, time_spans):
            continue
        found.append(Suggestion(kind="entity", start=start, end=end, text=ent.text,
                                label=ent.label_, component=NER, rule=NER))
    taken = time_spans + [(e.start, e.end) for e in found]
    for start, end, label in doc._.numbers or ():
        if _overlaps(start, end, taken):
            continue
        found.append(Suggestion(kind="entity", start=start, end=end, text=doc.text[start:end],
                                label=label, component="claimline_numbers",
                                rule="number-pattern"))
    return found


def claim_suggestions(doc: Doc) -> list[Suggestion]:
    found = []
    for claim in doc._.claims or ():
        attribution = claim.attribution
        attributes: dict[str, Any] = {
            "claimant": attribution.claimant if attribution else None,
            "reasons": list(claim.reasons),
            "explanation": claim.explanation,
            "certainty": claim.certainty,
        }
        if attribution is not None:
            attributes.update(claimant_start=attribution.start, claimant_end=attribution.end,
                              cue=attribution.cue, attribution=attribution.kind)
        found.append(Suggestion(kind="claim", start=claim.start, end=claim.end, text=claim.text,
                                label="claim", component="claimline_claims", rule=claim.rule,
                                score=round(claim.score, 4), attributes=attributes))
    return found


def doc_suggestions(doc: Doc) -> list[Suggestion]:
    """Every suggestion for `doc`, in reading order."""
    timexes = timex_suggestions(doc)
    items = [*entity_suggestions(doc, timexes), *timexes, *claim_suggestions(doc)]
    return sorted(items, key=lambda s: (s.start, s.end, s.kind))
