"""Which article is a rewrite of which: the "derived from" rows, inside a caller's transaction.

An article has at most one original as far as the researcher's edits go
(older projects or imports may hold several rows; the first one counts, as in
`original_of`). The chain of originals must never loop back: an article that
is, directly or through other rewrites, the source of another cannot also be
its rewrite.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from storage.models import Article, ArticleRelation
from storage.records import DerivedFromLink
from storage.service_base import ArticleNotFound, InvalidEdit

DERIVED_FROM = "derived_from"


def derived_links(session: Session, article_id: int) -> tuple[DerivedFromLink, ...]:
    """The article's "derived from" rows, oldest first."""
    rows = session.scalars(
        select(ArticleRelation)
        .where(ArticleRelation.article_id == article_id, ArticleRelation.kind == DERIVED_FROM)
        .order_by(ArticleRelation.id)
    )
    return tuple(DerivedFromLink(r.id, r.article_id, r.other_id, r.note) for r in rows)


def replace_links(
    session: Session, article_id: int, links: Sequence[DerivedFromLink]
) -> None:
    """Make `links` (rows of `article_id`, ids included) the article's only "derived from" rows."""
    session.execute(
        delete(ArticleRelation).where(
            ArticleRelation.article_id == article_id, ArticleRelation.kind == DERIVED_FROM
        )
    )
    if links:
        session.execute(
            insert(ArticleRelation),
            [
                {
                    "id": link.id,
                    "article_id": article_id,
                    "other_id": link.other_id,
                    "kind": DERIVED_FROM,
                    "note": link.note,
                }
                for link in links
            ],
        )


def refuse_as_original(session: Session, article_id: int, original_id: int) -> None:
    """Raise InvalidEdit if `original_id` cannot be the original of `article_id`."""
    titles = _titles(session, (article_id, original_id))
    if article_id == original_id:
        raise InvalidEdit(f"{titles[article_id]} cannot be a rewrite of itself.")
    path = _path_of_originals(session, original_id, article_id)
    if path is None:
        return
    if len(path) == 2:
        how = "that article is itself recorded as a rewrite of this one"
    else:
        between = ", ".join(_titles(session, path[1:-1]).values())
        how = f"that article is itself a rewrite of this one, through {between}"
    raise InvalidEdit(
        f"{titles[article_id]} cannot be a rewrite of {titles[original_id]}: {how}. "
        "Change or clear the original recorded for that article first."
    )


def _path_of_originals(session: Session, start: int, goal: int) -> list[int] | None:
    """The chain start → its original → … → goal along "derived from" rows, if there is one."""
    came_from: dict[int, int] = {start: start}
    frontier = [start]
    while frontier:
        rows = session.execute(
            select(ArticleRelation.article_id, ArticleRelation.other_id).where(
                ArticleRelation.article_id.in_(frontier), ArticleRelation.kind == DERIVED_FROM
            )
        )
        frontier = []
        for article, other in rows:
            if other in came_from:
                continue
            came_from[other] = article
            if other == goal:
                path = [goal]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return path[::-1]
            frontier.append(other)
    return None


def _titles(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Each article's title in quotes, for messages; ArticleNotFound if one is missing."""
    rows = dict(session.execute(select(Article.id, Article.title).where(Article.id.in_(ids))).all())
    for article_id in ids:
        if article_id not in rows:
            raise ArticleNotFound(f"There is no article with id {article_id} in this project.")
    return {i: f"“{_short(rows[i]) or f'article {i}'}”" for i in ids}


def _short(title: str, limit: int = 50) -> str:
    title = " ".join(title.split())
    return f"{title[:limit]}…" if len(title) > limit else title
