"""Sentence vectors kept between runs, so each text is encoded once per store.

``digest.embed`` asks for the rows of the texts it is about to encode and saves the
ones the store lacks. Rows are keyed by the encoder's identity as well as the text,
so another model or another way of reading never gets a stale row. A row's ``used_at``
moves forward when a build reads it (at most once a day, to keep reads cheap); rows
nobody read for ``RETENTION`` are deleted when new ones are saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, and_, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from digest.store import schema
from digest.store.base import StoreBase, store_error

__all__ = ["RETENTION", "VectorQueries"]

# Longer than any window a build reads again: up to 31 days of news (window_days), plus
# the six weeks of sent stories that new reports may continue.
RETENTION = timedelta(weeks=12)
# Keys per statement: well under SQLite's 32,766 bound parameters.
_CHUNK = 500


class VectorQueries(StoreBase):
    """Reading and keeping sentence vectors: what ``digest.embed.VectorMemo`` asks for.

    Every database error, a dropped connection included, comes out as a StoreError:
    the encoder treats that as "no memo" and computes the rows.
    """

    def text_vectors(
        self, model: str, keys: Sequence[str], *, now: datetime | None = None
    ) -> dict[str, bytes]:
        """Key -> stored vector bytes, for those of ``keys`` saved under ``model``."""
        now = now or datetime.now(UTC)
        table = schema.text_vectors
        found: dict[str, bytes] = {}
        try:
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
        except SQLAlchemyError as exc:
            raise store_error(self.url, exc, "cannot read the kept sentence vectors") from exc
        return found

    def save_text_vectors(
        self, model: str, rows: Mapping[str, bytes], *, now: datetime | None = None
    ) -> None:
        """Keep ``rows`` under ``model`` (a row of the same key and size stays), and
        prune rows nobody read for ``RETENTION``."""
        now = now or datetime.now(UTC)
        table = schema.text_vectors
        try:
            with self._begin() as connection:
                for chunk in _chunks(sorted(rows)):
                    values = [
                        {"model": model, "text_key": key, "vector": rows[key], "used_at": now}
                        for key in chunk
                    ]
                    _upsert(connection, values)
                connection.execute(delete(table).where(table.c.used_at < now - RETENTION))
        except SQLAlchemyError as exc:
            raise store_error(self.url, exc, "cannot keep the sentence vectors") from exc


def _upsert(connection: Connection, values: list[dict[str, object]]) -> None:
    # Two processes may encode the same text at once (a cron build and the preview): the
    # second write must not fail, and the first row stays, so every later reader gets
    # the same one. A row of another size (damaged) is replaced, not kept forever.
    table = schema.text_vectors
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.model, table.c.text_key],
        set_={"vector": statement.excluded.vector, "used_at": statement.excluded.used_at},
        where=func.length(table.c.vector) != func.length(statement.excluded.vector),
    )
    connection.execute(statement, values)


def _chunks(keys: Sequence[str]) -> list[Sequence[str]]:
    return [keys[start : start + _CHUNK] for start in range(0, len(keys), _CHUNK)]
