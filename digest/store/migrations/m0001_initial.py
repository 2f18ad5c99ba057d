"""0001: the initial schema.

Later migrations change tables with explicit DDL; this first one creates the tables
as they were at version 1. It takes them from ``schema.py`` except those a later
migration altered, whose version-1 definitions are kept here (``articles``: 0002 added
``owner_key``, 0004 ``utc_offset``), so that 0001 keeps creating the version-1
schema. Tables added by a later migration (``_ADDED_LATER``) are left to it.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, DateTime, Index, MetaData, String, Table, Text

from digest.store import schema

__all__ = ["upgrade"]

_ALTERED_LATER = frozenset({"articles"})
_ADDED_LATER = frozenset({"topic_examples", "text_vectors"})


def _version_1() -> MetaData:
    metadata = MetaData()
    Table(
        "articles",
        metadata,
        Column("id", String(40), primary_key=True),
        Column("url", Text, nullable=False, unique=True),
        Column("feed_url", Text, nullable=False),
        Column("outlet", Text, nullable=False),
        Column("title", Text, nullable=False),
        Column("summary", Text, nullable=False, default=""),
        Column("content", Text, nullable=False, default=""),
        Column("author", Text, nullable=False, default=""),
        Column("published", DateTime(timezone=True), nullable=False),
        Column("content_hash", String(40), nullable=False),
        Column("first_seen_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("extracted_at", DateTime(timezone=True)),
        Column("text", Text),
        Column("text_origin", String(20)),
        Column("language", String(20), nullable=False, default=""),
        Column("extract_error", Text),
        Column("claimed_at", DateTime(timezone=True)),
        Column("claimed_by", Text),
        Index("ix_articles_published", "published"),
        Index("ix_articles_extracted", "extracted_at"),
    )
    for table in schema.metadata.sorted_tables:
        if table.name not in _ALTERED_LATER | _ADDED_LATER and table.name != "schema_migrations":
            table.to_metadata(metadata)
    return metadata


def upgrade(connection: Connection) -> None:
    _version_1().create_all(connection)
