"""Two hand-written harbour reports and a hand-made alignment of them, for the comparison views.

The passages are proposed by hand (not by the aligner) so that the views are tested
against known pairs: reworded, conflicting on a number and a hedge, same,
partial, dropped, added, plus one claim-level pair.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storage.importing import ParsedArticle
from storage.records import ClaimFields, DifferenceRecord, ProposedPassage
from storage.service import ProjectService

SHIPS_A = "Officials said 40 ships were waiting outside."
SHIPS_B = "More than 60 ships were waiting outside, officials said."
KYIV_A, KYIV_B = "Київ прислав 🇺🇦 привітання.", "Київ 🇺🇦 надіслав вітання."
ADDED = "Tourism is expected to recover quickly."
DROPPED = "The mayor thanked the crews."


Pair = tuple[str | None, str | None, str, tuple[DifferenceRecord, ...]]


@dataclass(frozen=True)
class HarbourPair:
    a_text: str
    b_text: str
    pairs: tuple[Pair, ...]

    def store(self, service: ProjectService,
              make_parsed: Callable[..., ParsedArticle]) -> tuple[int, int]:
        """Add both articles and their alignment; returns the ids of A and B."""
        a, b = self.add_articles(service, make_parsed)
        self.align(service, a, b)
        return a, b

    def add_articles(self, service: ProjectService,
                     make_parsed: Callable[..., ParsedArticle]) -> tuple[int, int]:
        (a, b), _ = service.add_articles([
            make_parsed(self.a_text, title="Harbour reopens", outlet="Coast Daily"),
            make_parsed(self.b_text, title="Port news", outlet="Copy Site"),
        ])
        return a.id, b.id

    def align(self, service: ProjectService, a: int, b: int) -> None:
        """Store the hand-made alignment of articles `a` and `b` (and their two claims)."""
        passages = [ProposedPassage(*span(self.a_text, sa), *span(self.b_text, sb), relation, diffs)
                    for sa, sb, relation, diffs in self.pairs]
        claim_a = service.create_claim(a, claim_at(self.a_text, "40 ships"))
        claim_b = service.create_claim(b, claim_at(self.b_text, "60 ships"))
        passages.append(ProposedPassage(None, None, None, None, "conflicting",
                                (DifferenceRecord("number", "40", "60"),),
                                claim_a=claim_a.id, claim_b=claim_b.id))
        service.store_alignments(a, b, passages, "test")


def harbour_pair(sections: int = 0) -> HarbourPair:
    """The two reports; `sections` adds that many reworded paragraphs (one partial) to scroll."""
    numbers = range(1, sections + 1)
    a_text = "\n\n".join([
        "Harbour report 🚢",
        "The harbour reopened on Monday after a week of storms. " + SHIPS_A,
        KYIV_A + " Repairs will cost about 3 million euros.",
        *(f"Section {i}: the quay number {i} was repaired and painted by the crews of the port."
          for i in numbers),
        DROPPED,
    ])
    b_text = "\n\n".join([
        "Port news 🌊⚓",
        "After a week of storms, the harbour opened again on Monday. " + KYIV_B,
        SHIPS_B + " Repairs will cost about 3 million euros.",
        *(f"In section {i}, port crews repaired and painted quay {i}." for i in numbers),
        ADDED,
    ])
    pairs: list[Pair] = [
        ("Harbour report 🚢", "Port news 🌊⚓", "reworded", ()),
        ("The harbour reopened on Monday after a week of storms.",
         "After a week of storms, the harbour opened again on Monday.", "reworded", ()),
        (SHIPS_A, SHIPS_B, "conflicting", (DifferenceRecord("number", "40", "60"),
                                           DifferenceRecord("certainty", "", "More than"))),
        (KYIV_A, KYIV_B, "same", ()),
        ("Repairs will cost about 3 million euros.", "Repairs will cost about 3 million euros.",
         "same", ()),
        *((f"Section {i}: the quay number {i} was repaired and painted by the crews of the "
           f"port.", f"In section {i}, port crews repaired and painted quay {i}.",
           "partial" if i == 5 else "reworded", ()) for i in numbers),
        (DROPPED, None, "dropped", ()),
        (None, ADDED, "added", ()),
    ]
    return HarbourPair(a_text, b_text, tuple(pairs))


def span(text: str, words: str | None) -> tuple[int | None, int | None]:
    if words is None:
        return None, None
    start = text.index(words)
    return start, start + len(words)


def claim_at(text: str, words: str) -> ClaimFields:
    start = text.index(words)
    return ClaimFields(start, start + len(words))
