"""Full-text search across the project: article texts and claims (SQLite FTS5).

Every word of the query must match (as a word prefix, case and accents
ignored). A hit says where in the article to jump: the claim's span, or the
first place in the text where a query word starts.
"""

from __future__ import annotations

import re

from sqlalchemy import select, text

from storage.claim_operations import fts_query
from storage.models import Article
from storage.records import SearchHit
from storage.service_base import ServicePart

SNIPPET_WORDS = 14


class SearchOperations(ServicePart):
    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        words = re.findall(r"\w+", query)
        hits: list[SearchHit] = []
        with self._sessions.read() as session:
            claim_rows = session.execute(
                text(
                    'SELECT claims.id, claims.article_id, claims.start, claims."end", '
                    "snippet(claims_fts, -1, '[', ']', '…', :n) FROM claims_fts "
                    "JOIN claims ON claims.id = claims_fts.rowid "
                    "WHERE claims_fts MATCH :match ORDER BY rank LIMIT :limit"
                ),
                {"match": match, "n": SNIPPET_WORDS, "limit": limit},
            ).all()
            article_rows = session.execute(
                text(
                    "SELECT rowid, snippet(articles_fts, -1, '[', ']', '…', :n) FROM articles_fts "
                    "WHERE articles_fts MATCH :match ORDER BY rank LIMIT :limit"
                ),
                {"match": match, "n": SNIPPET_WORDS, "limit": limit},
            ).all()
            ids = {r[1] for r in claim_rows} | {r[0] for r in article_rows}
            articles = {
                row.id: (row.title, row.text)
                for row in session.execute(
                    select(Article.id, Article.title, Article.text).where(Article.id.in_(ids))
                )
            }
        for claim_id, article_id, start, end, snippet in claim_rows:
            title = articles[article_id][0]
            hits.append(SearchHit("claim", article_id, title, claim_id, snippet, start, end))
        for article_id, snippet in article_rows:
            title, body = articles[article_id]
            start, end = first_occurrence(body, words)
            hits.append(SearchHit("article", article_id, title, None, snippet, start, end))
        return hits


def first_occurrence(body: str, words: list[str]) -> tuple[int, int]:
    """Span of the first word in `body` that starts with one of `words` (0, 0 if none)."""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    found = pattern.search(body)
    return (found.start(), found.end()) if found else (0, 0)
