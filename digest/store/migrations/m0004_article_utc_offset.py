"""0004: ``articles.utc_offset``, the zone the feed wrote an article's date in.

The store keeps times in UTC; which calendar day it was where the outlet wrote "on
Tuesday" depends on the outlet's clock. Existing articles get NULL (unknown), which is
what they were read as before.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    connection.execute(text("ALTER TABLE articles ADD COLUMN utc_offset INTEGER"))
