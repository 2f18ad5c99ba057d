"""The migration runner: ordered, forward-only, one transaction per step."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from digest.errors import StoreError
from digest.store import migrations, schema
from digest.store.base import store_error
from digest.store.locks import MIGRATION_LOCK, build_lock

__all__ = [
    "Migration",
    "all_migrations",
    "applied_versions",
    "pending",
    "require_current",
    "upgrade",
]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[Connection], None]


def all_migrations() -> tuple[Migration, ...]:
    """Every migration the package ships, in order (modules named ``mNNNN_name``)."""
    found = []
    for info in pkgutil.iter_modules(migrations.__path__):
        if not info.name.startswith("m") or not info.name[1:5].isdigit():
            continue
        module = importlib.import_module(f"{migrations.__name__}.{info.name}")
        found.append(Migration(int(info.name[1:5]), info.name[6:], module.upgrade))
    found.sort(key=lambda m: m.version)
    return tuple(found)


def applied_versions(engine: Engine) -> set[int]:
    """Versions recorded in the store; StoreError when it cannot be read."""
    try:
        if not inspect(engine).has_table("schema_migrations"):
            return set()
        with engine.connect() as connection:
            rows = connection.execute(select(schema.schema_migrations.c.version))
            return {row[0] for row in rows}
    except SQLAlchemyError as exc:
        url = engine.url.render_as_string(hide_password=True)
        raise store_error(url, exc, "cannot read the store") from exc


def pending(engine: Engine) -> tuple[Migration, ...]:
    """Migrations not yet applied (read-only)."""
    done = applied_versions(engine)
    return tuple(m for m in all_migrations() if m.version not in done)


def upgrade(engine: Engine, *, url: str = "") -> tuple[Migration, ...]:
    """Apply every pending migration; refuse a schema newer than this program knows.

    Holds a lock while it works, so that two processes starting on a fresh store (a
    cron run and the scheduler, or two pollers) do not both create the tables.
    """
    with build_lock(engine, MIGRATION_LOCK, wait_seconds=120):
        return _upgrade_locked(engine, url)


def _upgrade_locked(engine: Engine, url: str) -> tuple[Migration, ...]:
    known = all_migrations()
    newest_known = known[-1].version if known else 0
    schema.schema_migrations.create(engine, checkfirst=True)
    with engine.connect() as connection:
        newest = connection.execute(select(func.max(schema.schema_migrations.c.version))).scalar()
    if newest is not None and newest > newest_known:
        raise _newer(url, int(newest), newest_known)
    applied = []
    for migration in pending(engine):
        with engine.begin() as connection:
            migration.upgrade(connection)
            connection.execute(
                schema.schema_migrations.insert().values(
                    version=migration.version, name=migration.name, applied_at=datetime.now(UTC)
                )
            )
        applied.append(migration)
    return tuple(applied)


def require_current(engine: Engine, *, url: str = "") -> None:
    """Raise StoreError unless the store's schema is exactly the one this program knows.

    Read-only, for the commands that only read what is recorded (``digest status``,
    ``why``, ``feeds status``): upgrading from one of those would change, unasked, a
    store that a running scheduler of the earlier version may share.
    """
    known = {m.version for m in all_migrations()}
    applied = applied_versions(engine)
    newest_known = max(known, default=0)
    if applied and max(applied) > newest_known:
        raise _newer(url, max(applied), newest_known)
    missing = sorted(known - applied)
    if missing:
        named = ", ".join(f"{version:04d}" for version in missing)
        raise StoreError(
            f"{url or 'store'}: the store's schema is older than this program "
            f"(migration{'s' if len(missing) > 1 else ''} {named} not applied).",
            url=url,
            schema_version=max(applied, default=0),
            hint="Stop every digest process of the earlier version (the scheduler, a "
            "preview, a cron job), then run `digest db upgrade`; `digest fetch`, `build` "
            "and `run` upgrade it too.",
        )


def _newer(url: str, newest: int, newest_known: int) -> StoreError:
    return StoreError(
        f"{url or 'store'}: schema version {newest} is newer than this program knows "
        f"({newest_known}).",
        url=url,
        schema_version=newest,
        hint="Upgrade newsletter-digest, or point storage.url at another database.",
    )
