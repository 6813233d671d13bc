"""spaCy DocBin (`.spacy`): one Doc per article, usable as `spacy train` input.

Mapping:

- Each article is tokenised with `spacy.blank(language)` (its language code;
  "xx", the multi-language tokenizer, when it has none or spaCy cannot build
  that language's tokenizer here, e.g. Korean without MeCab).
- `doc.ents`: accepted entity suggestions (with `include_open`, open ones
  too), labelled with the suggestion's label (PERSON, ORG, ...). Entities may
  not overlap: the longer span is kept, and the dropped ones are counted.
- `doc.spans["claims"]`: every claim, labelled with its first label's name
  (in the label list's order) or "CLAIM". Span groups may overlap.
- `doc.spans["timex"]`: accepted (and with `include_open`, open) timex
  suggestions, labelled with the TIMEX3 type (DATE, TIME, DURATION, SET).
  Span labels are strings in spaCy's vocabulary, so the calendar value is not
  one: it travels in `doc.user_data["claimline.timex"]`.
- `doc.user_data` (the DocBin keeps it): "claimline.article_id",
  "claimline.uid", "claimline.title", "claimline.outlet", "claimline.published"
  (ISO or None), "claimline.timex" (one dict per timex span, in the order of
  the span group: start, end (characters), type, value, mod, suggestion_id)
  and "claimline.claims" (one dict per claim span: id, uid, labels, claimant,
  certainty, status, event_ids).

Character offsets become tokens with `doc.char_span(..., alignment_mode="expand")`;
a span that covers no token, or only whitespace, cannot be aligned and is
left out (and counted). Spans inside a token grow to the whole token (Korean
claims often end inside one).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.bundle import BundleArticle, ExportBundle, ExportResult, Progress

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

FALLBACK_LANGUAGE = "xx"
CLAIM_LABEL = "CLAIM"


class _Tokenizers:
    """One blank pipeline per language, built when first needed."""

    def __init__(self) -> None:
        self._pipelines: dict[str, Language] = {}
        self.fallbacks: Counter[str] = Counter()

    def make_doc(self, article: BundleArticle) -> Doc:
        import spacy

        language = (article.language or FALLBACK_LANGUAGE).split("-")[0].lower()
        if language not in self._pipelines:
            try:
                self._pipelines[language] = spacy.blank(language)
            except (ImportError, ValueError, KeyError, OSError):
                # spaCy has no such language, or it needs a tokenizer not installed.
                self._pipelines[language] = self._pipelines.get(FALLBACK_LANGUAGE) or spacy.blank(
                    FALLBACK_LANGUAGE
                )
                self.fallbacks[language] = 0
        if language in self.fallbacks:
            self.fallbacks[language] += 1
        return self._pipelines[language].make_doc(article.text)


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The tokens covering start..end; None when they are none, or only whitespace."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span if span is not None and span.text.strip() else None


def _entities(spans: list[Span]) -> tuple[list[Span], int]:
    """Non-overlapping entities: longer first, then earlier; how many were dropped."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            continue
        kept.append(span)
        taken |= tokens
    return sorted(kept, key=lambda s: s.start), len(spans) - len(kept)


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    from spacy.tokens import DocBin

    statuses = ("accepted", "open") if include_open else ("accepted",)
    tokenizers = _Tokenizers()
    docs = DocBin(store_user_data=True)
    unaligned = dropped = 0
    total = len(bundle.articles)
    for done, article in enumerate(bundle.articles, start=1):
        doc = tokenizers.make_doc(article)
        entities = []
        for s in bundle.suggestions_of(article.id, "entity", statuses):
            span = _span(doc, s.start, s.end, s.label or "ENTITY")
            if span is None:
                unaligned += 1
            else:
                entities.append(span)
        doc.ents, lost = _entities(entities)
        dropped += lost

        timex_spans, timex_data = [], []
        for s in bundle.suggestions_of(article.id, "timex", statuses):
            kind = str(s.attributes.get("type") or s.label or "DATE")
            span = _span(doc, s.start, s.end, kind)
            if span is None:
                unaligned += 1
                continue
            timex_spans.append(span)
            timex_data.append({
                "start": s.start, "end": s.end, "type": kind, "value": s.attributes.get("value"),
                "mod": s.attributes.get("mod"), "suggestion_id": s.id,
            })
        doc.spans["timex"] = timex_spans

        claim_spans, claim_data = [], []
        for c in bundle.claims_of(article.id):
            names = bundle.label_names(c)
            span = _span(doc, c.start, c.end, names[0] if names else CLAIM_LABEL)
            if span is None:
                unaligned += 1
                continue
            claim_spans.append(span)
            claim_data.append({
                "id": c.id, "uid": c.uid, "labels": names, "claimant": c.claimant,
                "certainty": c.certainty, "status": c.status,
                "event_ids": [link.event_id for link in bundle.links_of(c.id)],
            })
        doc.spans["claims"] = claim_spans

        doc.user_data.update(_article_data(article, timex_data, claim_data))
        docs.add(doc)
        if progress and (done % 50 == 0 or done == total):
            progress(done, total)
    partial = path.with_name(path.name + ".part")
    docs.to_disk(partial)
    partial.replace(path)
    return ExportResult(str(path), total, _notes(dropped, unaligned, tokenizers.fallbacks))


def _article_data(article: BundleArticle, timexes: list[dict[str, Any]],
                  claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "claimline.article_id": article.id,
        "claimline.uid": article.uid,
        "claimline.title": article.title,
        "claimline.outlet": article.outlet,
        "claimline.published": article.published.isoformat() if article.published else None,
        "claimline.timex": timexes,
        "claimline.claims": claims,
    }


def _notes(dropped: int, unaligned: int, fallbacks: Counter[str]) -> tuple[str, ...]:
    notes = []
    if dropped:
        notes.append(f"{dropped} overlapping entit{'ies' if dropped != 1 else 'y'} dropped "
                     "(kept the longer span)")
    if unaligned:
        notes.append(f"{unaligned} span{'s' if unaligned != 1 else ''} could not be aligned to "
                     "tokens (left out)")
    for language, count in sorted(fallbacks.items()):
        notes.append(f"no spaCy tokenizer for “{language}” here: {count} article"
                     f"{'s' if count != 1 else ''} tokenised as “{FALLBACK_LANGUAGE}”")
    return tuple(notes)
