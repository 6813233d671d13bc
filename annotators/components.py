"""Claimline's spaCy components, registered as factories so pipelines name them.

    nlp.add_pipe("claimline_timex", config={"language": "en"})
    nlp.add_pipe("claimline_numbers")
    nlp.add_pipe("claimline_claims", config={"threshold": 0.0})

The document date that anchors relative expressions travels on the Doc
(`doc._.dct`, an ISO date string), set before the Doc enters the pipeline.
Results are kept on the Doc as plain lists and dicts (`doc._.timexes`,
`doc._.numbers`, `doc._.claims`): with several processes spaCy sends Docs
back through msgpack, which carries nothing richer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from annotators.claims import component as _claims_component
from annotators.numbers import find_numbers
from annotators.temporal import TimexSuggestion, find_timexes

TIMEX = "claimline_timex"
NUMBERS = "claimline_numbers"
CLAIMS = _claims_component.FACTORY_NAME

for _name in ("dct", "timexes", "numbers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class TimexComponent:
    """Finds and normalises temporal expressions (annotators.temporal)."""

    def __init__(self, language: str | None) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        dct = dt.date.fromisoformat(doc._.dct) if doc._.dct else None
        found = find_timexes(doc.text, dct, lang=self.language or doc.lang_)
        doc._.timexes = [timex_record(t) for t in found]
        return doc


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def timex_record(timex: TimexSuggestion) -> dict[str, Any]:
    """A found temporal expression as msgpack-safe data."""
    date = timex.date
    return {
        "start": timex.start, "end": timex.end, "text": timex.text, "rule": timex.rule,
        "confidence": timex.confidence, "type": date.timex_type, "value": date.value,
        "mod": date.mod, "edtf": date.edtf, "earliest": _iso(date.earliest),
        "latest": _iso(date.latest), "anchor": _iso(date.anchor),
        "needs_anchor": date.needs_anchor,
    }


class NumbersComponent:
    """Figures by rules, for pipelines without trained entity recognition."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.numbers = [list(mention) for mention in find_numbers(doc.text)]
        return doc


@Language.factory(TIMEX, default_config={"language": None})
def make_timex(nlp: Language, name: str, language: str | None) -> TimexComponent:
    return TimexComponent(language or nlp.lang)


@Language.factory(NUMBERS)
def make_numbers(nlp: Language, name: str) -> NumbersComponent:
    return NumbersComponent()
