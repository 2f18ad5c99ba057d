"""Store locks: one build of an issue at a time (``issue:DATE``), one schema upgrade at a
time (``MIGRATION_LOCK``). A file lock beside SQLite, an advisory lock on PostgreSQL."""

from __future__ import annotations

import fcntl
import glob
import hashlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from digest.errors import LockedError, StoreError

__all__ = ["MIGRATION_LOCK", "build_lock"]

MIGRATION_LOCK = "schema-migrations"

_POLL_SECONDS = 0.2
# What earlier versions named a lock file after the store's name: ".3f2a9c1d0b7e.lock".
_OLD_LOCK_FILE = re.compile(r"\.[0-9a-f]{12}\.lock")


@contextmanager
def build_lock(engine: Engine, name: str, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the lock called ``name`` (e.g. ``issue:2026-11-23``) for the block.

    Waits up to ``wait_seconds``, then raises LockedError. The lock dies with the
    process (flock, session advisory lock), so a killed run never leaves it stuck.
    """
    if engine.dialect.name == "sqlite":
        with _file_lock(engine, name, wait_seconds):
            yield
    else:
        with _advisory_lock(engine, name, wait_seconds):
            yield


def _locked(name: str) -> LockedError:
    """The error for a lock held elsewhere, saying which lock and what it guards."""
    kind, _, issue_date = name.partition(":")
    if kind == "issue":
        message = (
            f"the build lock of issue {issue_date} is held: another digest process is "
            "building this issue right now."
        )
    elif name == MIGRATION_LOCK:
        message = (
            "the migration lock is held: another digest process is upgrading the database "
            "schema right now."
        )
    else:
        message = f"the lock {name!r} is held by another digest process."
    return LockedError(
        message,
        lock=name,
        hint="Wait for it to finish (see `digest status`), or run again later.",
    )


@contextmanager
def _file_lock(engine: Engine, name: str, wait_seconds: float) -> Iterator[None]:
    database = engine.url.database
    if not database or database == ":memory:":
        # An in-memory database is this connection's alone: nothing to exclude, and no
        # lock file to leave in the working directory.
        yield
        return
    path = _lock_path(database, name)
    try:
        path.parent.mkdir(exist_ok=True)
        _remove_old_lock_files(database)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"{database}: cannot open the store: {exc.strerror} ({path})",
            url=str(engine.url),
            hint="Check that the directory exists and is writable.",
        ) from exc
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _locked(name) from None
                time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def _lock_path(database: str, name: str) -> Path:
    """``digest.db.locks/issue-2026-11-23.lock``: one folder beside the store holds every
    lock file, named for what it guards, rather than a file per issue beside it."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")
    if not readable or readable != name.replace(":", "-"):
        readable = f"{readable[:40]}-{hashlib.sha1(name.encode()).hexdigest()[:12]}"
    return Path(f"{database}.locks") / f"{readable}.lock"


def _remove_old_lock_files(database: str) -> None:
    """Remove the lock files earlier versions left beside the store (one per issue,
    ``digest.db.<hash>.lock``), each only when no process holds it."""
    store = Path(database)
    for old in store.parent.glob(f"{glob.escape(store.name)}.*.lock"):
        if not _OLD_LOCK_FILE.fullmatch(old.name[len(store.name) :]):
            continue
        try:
            descriptor = os.open(old, os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            old.unlink(missing_ok=True)
        except OSError:
            pass  # held by a running older version, or not ours to remove: leave it
        finally:
            os.close(descriptor)


@contextmanager
def _advisory_lock(engine: Engine, name: str, wait_seconds: float) -> Iterator[None]:
    key = int.from_bytes(hashlib.sha1(name.encode()).digest()[:8], "big", signed=True)
    with engine.connect() as connection:
        deadline = time.monotonic() + wait_seconds
        while True:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
            connection.commit()
            if got:
                break
            if time.monotonic() >= deadline:
                raise _locked(name)
            time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            connection.commit()
