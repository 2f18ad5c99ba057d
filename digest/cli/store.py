"""Commands that read the store: why, status, and the database schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from digest.cli._shared import EXIT_FAILED, config_option
from digest.config import load_config
from digest.models import ALSO_IN_THE_NEWS

if TYPE_CHECKING:
    from sqlalchemy import Engine

__all__ = ["db", "status", "why"]


@click.command()
@config_option
@click.argument("story_id", required=False)
def why(config_path: str, story_id: str | None) -> None:
    """Say why a story or article was in or out of each issue that considered it.

    STORY_ID is a story id (from the preview or digest.json) or an article URL. Without
    it, list every story the latest issue did not print as a main story, with its
    reason: those in Also in the news, those left out and the articles set aside.

    Example: digest why s-3f2a9c1d0b7e --config feeds.yaml
    """
    from digest.store import open_store

    config = load_config(config_path)
    with open_store(config.database_url) as store:
        if story_id is None:
            _why_latest(store.issue_accounting())
            return
        is_url = story_id.startswith(("http://", "https://"))
        history = store.article_history(story_id) if is_url else store.story_history(story_id)
    if not history:
        what = "article" if is_url else "story"
        click.echo(
            f"{story_id}: this {what} is not in any issue. Story ids are in digest.json "
            "and the preview; run `digest why` alone for the latest issue's list.",
            err=True,
        )
        sys.exit(EXIT_FAILED)
    for row in history:
        state = "in" if row["is_included"] else "left out"
        topic = f' under "{row["topic"]}"' if row["topic"] else ""
        held = f" (story {row['story_id']})" if "story_id" in row else ""
        click.echo(
            f"{row['issue_date']}: {state}{topic}{held}: {row['why'] or 'no reason recorded'}"
        )


def _why_latest(records: list[dict[str, object]]) -> None:
    if not records:
        click.echo("no issue built yet", err=True)
        sys.exit(EXIT_FAILED)
    printed = [r for r in records if r["is_included"] and r["topic"] != ALSO_IN_THE_NEWS]
    others = [r for r in records if r not in printed]
    click.echo(
        f"issue {records[0]['issue_date']}: {len(printed)} stories printed; "
        f"{len(others)} other stories and articles considered:"
    )
    for row in others:
        state = "in" if row["is_included"] else "left out"
        click.echo(f"{row['story_id']} {row['headline']!r}: {state}: {row['why']}")


@click.command()
@config_option
def status(config_path: str) -> None:
    """Print the last runs recorded in the store.

    Example: digest status --config feeds.yaml
    """
    from digest.store import open_store

    config = load_config(config_path)
    with open_store(config.database_url) as store:
        runs = store.recent_runs()
    if not runs:
        click.echo("no runs yet")
    for entry in runs:
        state = {True: "ok", False: "failed", None: "running or killed"}[entry["ok"]]
        started = entry["started_at"].isoformat(timespec="seconds")
        click.echo(
            f"#{entry['id']} {entry['kind']:6} {started} {state} "
            f"{json.dumps(entry['summary'], sort_keys=True)}"
        )


@click.group("db")
def db() -> None:
    """Database schema commands."""


@contextmanager
def _engine(config_path: str) -> Iterator[tuple[Engine, str]]:
    """The store's engine (schema untouched) and URL, disposed of afterwards."""
    from digest.store import connect

    url = load_config(config_path).database_url
    engine = connect(url)
    try:
        yield engine, url
    finally:
        engine.dispose()


@db.command("upgrade")
@config_option
def db_upgrade(config_path: str) -> None:
    """Apply pending migrations to the store.

    Example: digest db upgrade --config feeds.yaml
    """
    from digest.store import upgrade_schema

    with _engine(config_path) as (engine, url):
        applied = upgrade_schema(engine, url)
    for migration in applied:
        click.echo(f"applied {migration.version:04d} {migration.name}")
    if not applied:
        click.echo("the schema is up to date")


@db.command("status")
@config_option
def db_status(config_path: str) -> None:
    """List the migrations this program knows and whether each is applied (read-only).

    Example: digest db status --config feeds.yaml
    """
    from digest.store.migrate import all_migrations, applied_versions

    with _engine(config_path) as (engine, _url):
        applied = applied_versions(engine)
    for migration in all_migrations():
        state = "applied" if migration.version in applied else "pending"
        click.echo(f"{migration.version:04d} {migration.name:30} {state}")
    unknown = sorted(applied - {m.version for m in all_migrations()})
    for version in unknown:
        click.echo(f"{version:04d} {'(unknown to this program)':30} applied")
    if unknown:
        sys.exit(EXIT_FAILED)
