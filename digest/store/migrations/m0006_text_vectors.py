"""0006: ``text_vectors``, the sentence vectors clustering reads, kept between runs.

Encoding a week of 2,500 pages takes minutes on two cores; without this table every
one-shot build from cron, and the preview's first build, paid that again.
"""

from __future__ import annotations

from sqlalchemy import Connection

from digest.store import schema

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    schema.text_vectors.create(connection)
