"""0003: ``topic_examples``, the stories the editors filed under a topic, by issue."""

from __future__ import annotations

from sqlalchemy import Connection

from digest.store import schema

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    schema.topic_examples.create(connection)
