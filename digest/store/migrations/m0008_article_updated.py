"""0008: ``articles.updated``, when the article's page says it last changed its text.

A report rewritten in place over the days of its event ("raised the toll to 23 on
Friday", updated on Friday) tells its days from that change, not from the date its feed
gave it, which stays the article's date (its place in the week and among the reports).
Existing articles get NULL: their text is as of their date.
"""

from __future__ import annotations

from sqlalchemy import Connection, DateTime, text

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    kind = DateTime(timezone=True).compile(dialect=connection.dialect)
    connection.execute(text(f"ALTER TABLE articles ADD COLUMN updated {kind}"))
