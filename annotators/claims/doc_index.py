"""What the finder reads from a doc once, instead of once per sentence.

`Doc.ents` and `Doc.text` rebuild their value on every access (a pass over the
whole doc), so the finder takes them once here and hands this index around.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .cues import NAME_LABELS, TITLE_WORDS

Doc = Any  # spacy.tokens.Doc

_NAME_ENTITY_LABELS = NAME_LABELS - {"NORP", "LANGUAGE"}


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    label: str
    text: str


class DocIndex:
    """Text, entities and PERSON mentions of one doc."""

    def __init__(self, doc: Doc) -> None:
        self.text: str = str(doc.text)
        self.text_end = len(self.text.rstrip())
        entities: list[Entity] = []
        if doc.has_annotation("ENT_IOB"):
            for ent in doc.ents:
                entities.append(
                    Entity(
                        int(ent.start),
                        int(ent.end),
                        int(ent.start_char),
                        int(ent.end_char),
                        str(ent.label_),
                        str(ent.text),
                    )
                )
        self.entities = entities
        self._starts = [entity.start for entity in entities]
        self.entity_at = {entity.start: entity for entity in entities}
        self._persons = [
            (entity.start_char, name)
            for entity in entities
            if entity.label == "PERSON" and (name := strip_titles(entity.text))
        ]
        self._doc = doc

    @cached_property
    def _names(self) -> list[tuple[int, str]]:
        """Every multi-word name, found only when a bare surname needs resolving:
        it walks all tokens, which most docs never need."""
        return sorted(self._persons + _other_full_names(self._doc, self.entities, self.text))

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Entities wholly inside tokens [start, end)."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        return [e for e in self.entities[first:last] if e.end <= end]

    def resolve_person(self, name: str, before: int) -> str:
        """The longest PERSON mention up to `before` that ends (or starts) with `name`.

        "Budanov" -> "Kyrylo Budanov"; "Cho" -> "Cho Tae-yul" (family name first).
        Names of several words are returned unchanged. The small English model
        often tags a full name as ORG, or not at all, so besides PERSON entities
        any earlier multi-word proper name counts ("Defence Minister Rustem
        Umerov" -> "Rustem Umerov"), as long as it has no lowercase word in it
        ("England" never resolves to "Bank of England").
        """
        if " " in name:
            return name
        return _longest(self._persons, name, before) or _longest(self._names, name, before) or name

    def person_before(self, position: int) -> str | None:
        """The most recent PERSON mention before `position`, in its longest known form."""
        found: str | None = None
        for start, text in self._persons:
            if start >= position:
                break
            found = text
        if found is None or " " in found:
            return found
        return self.resolve_person(found, position)


def strip_titles(name: str) -> str:
    """ "President Joe Biden" -> "Joe Biden"; keeps the name if only titles are left."""
    name = name.strip(" ,").removesuffix("'s").removesuffix("’s").rstrip()
    words = name.split(" ")
    k = 0
    while k < len(words) - 1 and words[k].lower().rstrip(".") in TITLE_WORDS:
        k += 1
    return " ".join(words[k:])


def _longest(mentions: list[tuple[int, str]], name: str, before: int) -> str | None:
    best: str | None = None
    for start, text in mentions:
        if start > before:
            break
        words = text.split()
        if len(words) > 1 and name in (words[0], words[-1]) and len(text) > len(best or ""):
            best = text
    return best


def _after_last_title(name: str) -> str:
    """ "Defense Intelligence Director Kyrylo Budanov" -> "Kyrylo Budanov"."""
    words = name.split()
    cut = 0
    for k, word in enumerate(words[:-1]):
        if word.lower().rstrip(".") in TITLE_WORDS:
            cut = k + 1
    return " ".join(words[cut:])


def _other_full_names(doc: Doc, entities: list[Entity], text: str) -> list[tuple[int, str]]:
    """Multi-word proper names that are not PERSON entities: runs of PROPN tokens
    (joined by hyphens: "Tae-yul") and named entities, titles stripped."""
    found: list[tuple[int, str]] = []
    for entity in entities:
        if entity.label in _NAME_ENTITY_LABELS and entity.label != "PERSON":
            found.append((entity.start_char, entity.text))
    if doc.has_annotation("POS"):
        run_start: int | None = None
        run_end = 0
        for token in doc:
            glue = token.text in {"-", "'", "’"} and run_start is not None and not token.whitespace_
            if token.pos_ == "PROPN" or glue:
                if run_start is None:
                    run_start = int(token.idx)
                run_end = int(token.idx) + len(token.text)
            elif run_start is not None:
                found.append((run_start, text[run_start:run_end]))
                run_start = None
        if run_start is not None:
            found.append((run_start, text[run_start:run_end]))
    names: list[tuple[int, str]] = []
    for start, written in found:
        name = _after_last_title(strip_titles(written))
        words = name.split()
        if len(words) > 1 and all(word[:1].isupper() for word in words):
            names.append((start, name))
    return names
