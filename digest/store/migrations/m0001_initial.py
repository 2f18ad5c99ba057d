"""0001: the initial schema.

Later migrations change tables with explicit DDL; this first one creates the tables
as ``schema.py`` described them at version 1. When a later migration alters a table,
the definition it starts from must be copied here first, so that 0001 keeps creating
the version-1 schema.
"""

from __future__ import annotations

from sqlalchemy import Connection

from digest.store import schema

__all__ = ["upgrade"]


def upgrade(connection: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name != "schema_migrations"]
    schema.metadata.create_all(connection, tables=tables)
