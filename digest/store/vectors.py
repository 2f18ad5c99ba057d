"""Sentence vectors kept between runs, so each text is encoded once per store.

``digest.embed`` asks for the rows of the texts it is about to encode and saves the
ones it had to compute. Rows are keyed by the encoder's identity as well as the text,
so another model or another way of reading never gets a stale row. A row's ``used_at``
moves forward when a build reads it (at most once a day, to keep reads cheap); rows
nobody read for ``RETENTION`` are deleted when new ones are saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, and_, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from digest.store import schema
from digest.store.base import StoreBase

__all__ = ["RETENTION", "VectorQueries"]

# Longer than any window a build reads again: the week, plus the six weeks of sent
# stories that new reports may continue.
RETENTION = timedelta(weeks=8)
# Keys per statement: well under SQLite's 32,766 bound parameters.
_CHUNK = 500


class VectorQueries(StoreBase):
    def text_vectors(
        self, model: str, keys: Sequence[str], *, now: datetime | None = None
    ) -> dict[str, bytes]:
        """Key -> stored vector bytes, for those of ``keys`` saved under ``model``."""
        now = now or datetime.now(UTC)
        table = schema.text_vectors
        found: dict[str, bytes] = {}
        with self._begin() as connection:
            for chunk in _chunks(sorted(set(keys))):
                mine = and_(table.c.model == model, table.c.text_key.in_(chunk))
                rows = connection.execute(select(table.c.text_key, table.c.vector).where(mine))
                found.update((key, bytes(vector)) for key, vector in rows)
                connection.execute(
                    update(table)
                    .where(mine, table.c.used_at < now - timedelta(days=1))
                    .values(used_at=now)
                )
        return found

    def save_text_vectors(
        self, model: str, rows: Mapping[str, bytes], *, now: datetime | None = None
    ) -> None:
        """Keep ``rows`` under ``model`` (a row already there stays) and prune old ones."""
        now = now or datetime.now(UTC)
        table = schema.text_vectors
        with self._begin() as connection:
            for chunk in _chunks(sorted(rows)):
                values = [
                    {"model": model, "text_key": key, "vector": rows[key], "used_at": now}
                    for key in chunk
                ]
                _insert_new(connection, values)
            connection.execute(delete(table).where(table.c.used_at < now - RETENTION))


def _insert_new(connection: Connection, values: list[dict[str, object]]) -> None:
    # Two processes may encode the same text at once (the cron build and a preview);
    # the second insert must not fail, and either row is right.
    table = schema.text_vectors
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).on_conflict_do_nothing(
        index_elements=[table.c.model, table.c.text_key]
    )
    connection.execute(statement, values)


def _chunks(keys: Sequence[str]) -> list[Sequence[str]]:
    return [keys[start : start + _CHUNK] for start in range(0, len(keys), _CHUNK)]
