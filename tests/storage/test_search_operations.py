"""Searching article texts and claims together."""

from __future__ import annotations

from storage.records import ClaimFields
from storage.service import ProjectService


def test_search_finds_articles_and_claims_with_where_to_jump(
    project: ProjectService, make_parsed
) -> None:
    text = "The ferry to Ostrava stopped on Friday. Port officials blamed the storm."
    (article,), _ = project.add_articles([make_parsed(text, title="Ferries")])
    (other,), _ = project.add_articles([make_parsed("A storm hit the naïve coast.", title="Coast")])
    claim = project.create_claim(
        article.id, ClaimFields(40, 72, claimant="Port officials", note="check the weather log")
    )
    hits = project.search("storm")
    kinds = [(h.kind, h.article_id, h.claim_id) for h in hits]
    assert ("claim", article.id, claim.id) in kinds
    assert ("article", article.id, None) in kinds and ("article", other.id, None) in kinds
    article_hit = next(h for h in hits if h.kind == "article" and h.article_id == article.id)
    assert text[article_hit.start : article_hit.end] == "storm"
    assert "[storm]" in article_hit.snippet
    claim_hit = next(h for h in hits if h.kind == "claim")
    assert (claim_hit.start, claim_hit.end) == (40, 72)
    assert [h.kind for h in project.search("weather log")] == ["claim"]
    assert {h.article_id for h in project.search("naive")} == {other.id}
    assert project.search('" OR *') == []
