"""Who says so: claimant and cue from the dependency parse of the trained pipeline.

The patterns, most reliable first:

* a reporting verb with a clausal complement and a subject:
  "Budanov also said that …", "Kyiv reported that …", "…, Reuters reports."
  (the complement before the verb makes it a *source tag*);
* "according to X, …" (and a coordinated list "according to A, B, and C, …");
* a passive agent: "…, as reported by Reuters.";
* a report noun with its author: "Reports from Kyiv revealed that …",
  "The ministry's statement said …".

The claimant is the subject's full noun phrase ("Seoul's Joint Chiefs of
Staff"), except that a person is named by their name alone: titles stay out
("Foreign Minister Cho Tae-yul" -> "Cho Tae-yul"), an apposed name wins over the
title it explains ("The head of Defense Intelligence, Kyrylo Budanov, said"),
and a bare surname or "he"/"she" resolves to the longest earlier PERSON mention
("Budanov" -> "Kyrylo Budanov"). Sources that name nobody ("Reports indicate",
"officials said", "the senator said": a description without a proper noun or a
named entity) come back with kind "unnamed-source".

When a sentence has several cues, the one highest in the tree wins: in "X said
that Y reported …" the claimant is X.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .candidate import Attribution
from .cues import (
    DENIAL_VERBS,
    NAME_LABELS,
    PRONOUN_PERSONS,
    REPORT_NOUNS,
    REPORTING_VERBS,
    REPORTING_WITH_OBJECT,
)
from .doc_index import DocIndex, strip_titles

Doc = Any  # spacy.tokens.Doc
Token = Any  # spacy.tokens.Token

_NP_EXCLUDED_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "prep_clause"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


@dataclass(frozen=True, slots=True)
class AttributionResult:
    """The attribution of one unit, and whether its cue is a denial ("X denied that …")."""

    attribution: Attribution
    denial: bool


def find_attribution(
    doc: Doc, start: int, end: int, index: DocIndex
) -> AttributionResult | None:
    """The attribution of tokens [start, end) of a parsed doc, or None."""
    best: tuple[int, int, AttributionResult] | None = None
    for i in range(start, end):
        token = doc[i]
        found: AttributionResult | None = None
        lower = token.lower_
        if lower == "according" and i + 1 < end and doc[i + 1].lower_ == "to":
            found = _according_to(doc, i, start, end, index)
        elif token.pos_ == "VERB" and token.lemma_ in REPORTING_VERBS:
            found = _reporting_verb(doc, token, start, end, index)
        if found is not None:
            depth = _depth(token, start, end)
            if best is None or (depth, i) < (best[0], best[1]):
                best = (depth, i, found)
    return best[2] if best is not None else None


def _depth(token: Token, start: int, end: int) -> int:
    depth = 0
    while token.head.i != token.i and start <= token.head.i < end and depth < 50:
        token = token.head
        depth += 1
    return depth


# --------------------------------------------------------------------------- patterns


def _according_to(
    doc: Doc, i: int, start: int, end: int, index: DocIndex
) -> AttributionResult | None:
    to = doc[i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj" and start <= child.i < end]
    if objects:
        head = objects[0]
    elif i + 2 < end and not doc[i + 2].is_punct:
        head = doc[i + 2]
    else:
        return None
    cue_start, cue_end = int(doc[i].idx), int(to.idx) + len(to.text)
    cue = str(index.text[cue_start:cue_end])
    owner = _report_owner(head, start, end)
    if owner is not None:
        return _from_noun_phrase(doc, owner, start, end, index, cue, "according-to")
    result = _from_noun_phrase(doc, head, start, end, index, cue, "according-to")
    if result is None or result.attribution.kind != "according-to":
        return result
    # "According to Ukraine, the United States, and South Korea, …": the parser
    # often attaches the later conjuncts to the main clause; follow the list.
    attribution = result.attribution
    list_end = _coordinated_entities_end(index, attribution.end, start, end)
    if list_end is not None:
        attribution = Attribution(
            claimant=str(index.text[attribution.start : list_end]),
            start=attribution.start,
            end=list_end,
            cue=cue,
            kind="according-to",
        )
    return AttributionResult(attribution, denial=False)


def _reporting_verb(
    doc: Doc, verb: Token, start: int, end: int, index: DocIndex
) -> AttributionResult | None:
    children = [child for child in verb.children if start <= child.i < end]
    denial = verb.lemma_ in DENIAL_VERBS
    agents = [child for child in children if child.dep_ == "agent"]
    if agents:  # "…, as reported by Reuters."
        objects = [c for c in agents[0].children if c.dep_ == "pobj" and start <= c.i < end]
        if not objects:
            return None
        cue_start = int(verb.idx)
        marks = [c for c in children if c.dep_ == "mark" and c.i < verb.i]
        if marks:
            cue_start = int(marks[0].idx)
        cue = str(index.text[cue_start : int(agents[0].idx) + len(agents[0].text)])
        result = _from_noun_phrase(doc, objects[0], start, end, index, cue, "as-reported-by")
        return AttributionResult(result.attribution, denial) if result else None
    clauses = [child for child in children if child.dep_ in _CLAUSE_DEPS]
    takes_object = verb.lemma_ in REPORTING_WITH_OBJECT and any(
        child.dep_ == "dobj" for child in children
    )
    if not clauses and not takes_object:
        return None
    subject = _subject_of(verb, start, end)
    if subject is None:
        return None
    postposed = bool(clauses) and all(clause.i < verb.i for clause in clauses)
    kind = "speech-verb"
    if postposed and (verb.lemma_ == "report" or subject.ent_type_ == "ORG"):
        kind = "source-tag"
    owner = _report_owner(subject, start, end)
    if owner is not None:  # "Reports from Kyiv revealed that …"
        result = _from_noun_phrase(doc, owner, start, end, index, str(verb.text), "report-noun")
    else:
        result = _from_noun_phrase(doc, subject, start, end, index, str(verb.text), kind)
    return AttributionResult(result.attribution, denial) if result else None


def _subject_of(verb: Token, start: int, end: int) -> Token | None:
    """The verb's subject, or that of the verb it hangs from ("…, emphasizing that …")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS and start <= child.i < end:
                return child
        if current.dep_ not in {"advcl", "conj", "xcomp", "relcl"} or current.head.i == current.i:
            return None
        if current.dep_ == "relcl":  # "Zelensky, who said that …"
            head = current.head
            return head if start <= head.i < end else None
        current = current.head
        if not start <= current.i < end:
            return None
    return None


def _report_owner(noun: Token, start: int, end: int) -> Token | None:
    """X in "reports from X", "a statement by X", "X's figures"; None for other nouns."""
    if noun.lemma_.lower() not in REPORT_NOUNS:
        return None
    for child in noun.children:
        if not start <= child.i < end:
            continue
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and start <= grandchild.i < end:
                    return grandchild
    return None


# --------------------------------------------------------------------------- names


def _from_noun_phrase(
    doc: Doc,
    head: Token,
    start: int,
    end: int,
    index: DocIndex,
    cue: str,
    kind: str,
) -> AttributionResult | None:
    if head.lower_ in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        head = head.head.head  # "Zelensky, who said …" -> Zelensky
        if not start <= head.i < end:
            return None
    if head.pos_ == "PRON":
        return _from_pronoun(head, index, cue, kind)
    for child in head.children:  # "The head of …, Kyrylo Budanov, said"
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and start <= child.i < end:
            head = child
            break
    left, right = _noun_phrase_bounds(doc, head, start, end)
    person = _person_in(index, head, left, right)
    if person is not None:
        p_start, p_end = person
        written = str(index.text[p_start:p_end])
        name = strip_titles(written)
        at = written.rfind(name) if name else -1
        if at >= 0:  # point the mention at the name without its title
            p_start, p_end = p_start + at, p_start + at + len(name)
        else:
            name = written
        claimant = index.resolve_person(name, p_start)
        return AttributionResult(Attribution(claimant, p_start, p_end, cue, kind), denial=False)
    phrase_start = int(doc[left].idx)
    phrase_end = int(doc[right].idx) + len(doc[right].text)
    phrase = str(index.text[phrase_start:phrase_end])
    if head.pos_ == "PROPN" and left == right:
        phrase = index.resolve_person(phrase, phrase_start)
    names_something = any(
        doc[k].pos_ == "PROPN" or doc[k].ent_type_ in NAME_LABELS for k in range(left, right + 1)
    )
    if not names_something:  # "officials", "the senator", "the fire brigade"
        kind = "unnamed-source"
    return AttributionResult(
        Attribution(phrase, phrase_start, phrase_end, cue, kind), denial=False
    )


def _from_pronoun(
    pronoun: Token, index: DocIndex, cue: str, kind: str
) -> AttributionResult:
    p_start = int(pronoun.idx)
    p_end = p_start + len(pronoun.text)
    if pronoun.lower_ in PRONOUN_PERSONS:
        name = index.person_before(p_start)
        if name is not None:
            return AttributionResult(Attribution(name, p_start, p_end, cue, kind), denial=False)
    text = str(pronoun.text)
    return AttributionResult(
        Attribution(text, p_start, p_end, cue, "unnamed-source"), denial=False
    )


def _noun_phrase_bounds(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """First and last token of the head's noun phrase, without clauses or appositions."""
    excluded: set[int] = set()
    for child in head.children:
        if child.dep_ in _NP_EXCLUDED_DEPS or child.dep_ == "case":  # "the Pentagon['s]"
            excluded.update(t.i for t in child.subtree)
    left = right = head.i
    lo, hi = max(int(head.left_edge.i), start), min(int(head.right_edge.i), end - 1)
    while left - 1 >= lo and left - 1 not in excluded:
        left -= 1
    while right + 1 <= hi and right + 1 not in excluded:
        right += 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return left, right


def _person_in(index: DocIndex, head: Token, left: int, right: int) -> tuple[int, int] | None:
    """Char bounds of the PERSON entity in the phrase, preferring the one at its head."""
    chosen: tuple[int, int] | None = None
    for ent in index.entities_in(left, right + 1):
        if ent.label != "PERSON":
            continue
        bounds = (ent.start_char, ent.end_char)
        if ent.start <= head.i < ent.end:
            return bounds
        if chosen is None:
            chosen = bounds
    return chosen


def _coordinated_entities_end(
    index: DocIndex, after_char: int, start: int, end: int
) -> int | None:
    """End of "…, B, and C" following a name, when it is a list of named entities."""
    ents = [e for e in index.entities_in(start, end) if e.start_char >= after_char]
    if not ents:
        return None
    position = after_char
    last_end: int | None = None
    text = index.text
    for ent in ents:
        gap = text[position : ent.start_char].strip().lower()
        if gap in {",", ", and", ",and", "and", ", or", "or"} and ent.label in NAME_LABELS:
            position = ent.end_char
            if gap.endswith(("and", "or")):
                last_end = position
                break
            continue
        break
    return last_end
