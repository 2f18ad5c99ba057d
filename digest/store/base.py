"""The connection every query mixin shares: engine, URL and the one way to open a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, SQLAlchemyError

from digest.errors import StoreError

__all__ = ["StoreBase", "store_error"]


def store_error(url: str, exc: SQLAlchemyError, what: str = "database error") -> StoreError:
    """A StoreError naming the store (password masked) and saying what to do about ``exc``."""
    reason = getattr(exc, "orig", None) or exc
    text = str(reason).strip().splitlines()[0] if str(reason).strip() else type(exc).__name__
    if "not a database" in text or "malformed" in text:
        hint = (
            "The SQLite file is damaged or not a database: restore it from a backup, or "
            "point storage.url at a new file (the next run fetches the window again)."
        )
    elif "password" in text or "authentication" in text:
        hint = "Check the user and password in storage.url (or the server's pg_hba.conf)."
    else:
        hint = "Check that the database is reachable, its directory writable, and not locked."
    return StoreError(f"{url}: {what}: {text}", url=url, hint=hint)


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; everything we store is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class StoreBase:
    """A connection to the database; the query mixins build :class:`Store` on it."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except IntegrityError:
            raise  # a constraint, not the store: callers handle insert races
        except DatabaseError as exc:
            raise store_error(self.url, exc) from exc
