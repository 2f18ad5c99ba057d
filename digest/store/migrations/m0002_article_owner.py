"""0002: ``articles.owner_key``, the feed entry whose content the article carries.

An article's content belongs to the entry that created it (``feed_url`` + this key);
other feeds listing the same URL only link to it. Existing articles get the key of
the entry of their own feed that links to them (the smallest, if there are several).
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, select, text, update

from digest.store import schema

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    connection.execute(text("ALTER TABLE articles ADD COLUMN owner_key TEXT"))
    articles, entries = schema.articles, schema.entries
    own_entry = (
        select(func.min(entries.c.key))
        .where(
            and_(entries.c.article_id == articles.c.id, entries.c.feed_url == articles.c.feed_url)
        )
        .scalar_subquery()
    )
    connection.execute(update(articles).values(owner_key=own_entry))
