"""0007: ``articles.page_kind``, what the page says it is: "opinion", "analysis" or "".

A column or an analysis argues; told as the week's facts its sentences would be the
outlet's view passed off as news. Feeds and addresses do not always say so (The
Diplomat files its commentary under the year like its reports); the page's JSON-LD type
or its ``article:section`` does. Existing articles get NULL, read as "" (a report).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    connection.execute(text("ALTER TABLE articles ADD COLUMN page_kind VARCHAR(20)"))
