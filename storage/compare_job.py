"""Comparing two articles: run an aligner on them and store what it proposes.

The aligner is handed in (the GUI and the command line pass
`annotators.alignment.align_texts`), so storage depends on no model. It gets
both texts with their language, the dates that anchor their relative
expressions, and the researcher's claims in each, and returns passages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from storage.records import AlignedLike, AlignmentsStored
from storage.service import ProjectService

Aligner = Callable[..., Sequence[AlignedLike]]


def compare_articles(project: ProjectService, article_a: int, article_b: int,
                     align: Aligner, aligner_name: str,
                     should_cancel: Callable[[], bool] = lambda: False
                     ) -> AlignmentsStored | None:
    """Align article A (e.g. the original) with article B (e.g. its rewrite) and store it.

    Nothing is stored (and None returned) when `should_cancel()` says so once aligned.
    """
    a, b = project.get_article(article_a), project.get_article(article_b)
    passages = align(
        a.text, b.text,
        language=a.metadata.language or "en",
        dct_a=a.metadata.anchor_date, dct_b=b.metadata.anchor_date,
        claims_a=_claims(project, article_a), claims_b=_claims(project, article_b),
    )
    if should_cancel():
        return None
    return project.store_alignments(article_a, article_b, passages, aligner_name)


def _claims(project: ProjectService, article_id: int) -> list[Any]:
    """The researcher's claims, as the aligner takes them (id, start, end, claimant)."""
    return list(project.list_claims(article_id))


