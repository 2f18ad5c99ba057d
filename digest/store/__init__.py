"""The store: feeds, articles, stories and issues, in SQLite or PostgreSQL.

Every query is a named method of :class:`Store`; no SQL outside this package. Work is
committed at stage boundaries (a feed's entries with its new ETag; each article's text
on its own; the issue last), so a killed run leaves the store consistent and the next
run picks up where it stopped (``extracted_at IS NULL``).

The queries live by concern, each module a mixin on :class:`~digest.store.base.StoreBase`:
``feeds`` (feed rows and polls), ``articles`` (extraction and reading articles back) and
``issues`` (issues, the stories readers have seen, runs), ``runs`` (recording a
command's run around its work) and ``vectors`` (the sentence vectors clustering reads,
kept between runs). :class:`Store` combines them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from digest.errors import StoreError
from digest.store.articles import ArticleQueries, PendingPage, new_claimer
from digest.store.base import store_error
from digest.store.feeds import FeedQueries, FeedState, PollCounts
from digest.store.issues import FiledStory, FinalBuild, SentStory
from digest.store.migrate import Migration, applied_versions, require_current, upgrade
from digest.store.runs import RunRecord, RunRecords
from digest.store.vectors import VectorQueries

__all__ = [
    "FeedState",
    "FiledStory",
    "FinalBuild",
    "PendingPage",
    "PollCounts",
    "RunRecord",
    "SentStory",
    "Store",
    "connect",
    "new_claimer",
    "open_store",
    "open_store_to_read",
    "upgrade_schema",
]


class Store(FeedQueries, ArticleQueries, RunRecords, VectorQueries):
    """A connection to the database. Use :func:`open_store`."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets a preview read while a poller writes; the busy timeout turns a brief lock
    # into a wait instead of an error.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # Take the write lock when a transaction starts. SQLite's default deferred start
    # lets two processes read the same pending rows and then fail to upgrade to a
    # write (SQLITE_BUSY_SNAPSHOT under WAL, which busy_timeout does not retry);
    # IMMEDIATE makes the second wait instead, so claims never overlap.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def connect(url: str) -> Engine:
    """An engine for ``url`` with our connection settings, schema untouched.

    Raises StoreError when the URL cannot be used (unknown dialect, missing driver).
    """
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(
            f"{url}: cannot open the store: {exc}",
            url=url,
            hint="Check storage.url in feeds.yaml (postgresql needs: pip install "
            "'newsletter-digest[postgres]').",
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def upgrade_schema(engine: Engine, url: str) -> tuple[Migration, ...]:
    """Apply pending migrations; database errors become a StoreError with a hint."""
    try:
        return upgrade(engine, url=url)
    except SQLAlchemyError as exc:
        # A corrupt SQLite file raises DatabaseError, a refused login OperationalError:
        # both are the store's state, said in one line, never a traceback.
        raise store_error(url, exc, "cannot open the store") from exc


def open_store(url: str) -> Store:
    """Connect to ``url`` and bring its schema up to date.

    Raises StoreError when the database cannot be opened or is newer than this program.
    """
    return _opened(url, lambda engine: upgrade_schema(engine, url))


def open_store_to_read(url: str) -> Store:
    """Connect to ``url`` to read what is recorded, leaving its schema as it is.

    A store of an earlier version is refused with what to do (:func:`require_current`):
    a read command must not upgrade, unasked, a store that a running scheduler of that
    version may share. A database with no schema yet gets it, as :func:`open_store`
    does: nothing of an earlier version uses it.
    """

    def prepare(engine: Engine) -> None:
        if applied_versions(engine):
            require_current(engine, url=url)
        else:
            upgrade_schema(engine, url)

    return _opened(url, prepare)


def _opened(url: str, prepare: Callable[[Engine], object]) -> Store:
    """A store on ``url`` once ``prepare`` accepted its schema; the connection closed if
    it did not."""
    engine = connect(url)
    try:
        prepare(engine)
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, url)
