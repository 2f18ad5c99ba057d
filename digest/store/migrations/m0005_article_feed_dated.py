"""0005: ``articles.feed_dated``, whether the feed gave the article a date of its own.

An item the feed leaves undated is stored with the feed's date or the poll time, which
would pass a site's old articles off as this week's on the first poll; its page's own
publication date replaces that time once the page is read. Existing articles get NULL,
read as dated: what they were taken for before.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    connection.execute(text("ALTER TABLE articles ADD COLUMN feed_dated BOOLEAN"))
