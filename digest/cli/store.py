"""Commands that read the store: why, status, and the database schema."""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from digest.cli._shared import EXIT_FAILED, config_option, no_store_yet, output, print_table
from digest.config import load_config
from digest.ids import is_story_id
from digest.models import ALSO_IN_THE_NEWS
from digest.urls import canonical_url

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

    Each line names the build it is about: the final build (what was sent) when
    the issue has one, else its latest draft.

    Example: digest why s-3f2a9c1d0b7e --config feeds.yaml
    """
    from digest.store import open_store_to_read

    is_url = story_id is not None and story_id.startswith(("http://", "https://"))
    malformed = story_id is not None and not is_url and not is_story_id(story_id)
    config = load_config(config_path)
    stored = config.sqlite_file
    if malformed and stored is not None and no_store_yet(stored):
        raise click.BadParameter(_not_an_id(str(story_id), ()), param_hint="STORY_ID")
    if stored is not None and no_store_yet(stored):
        # Asking creates nothing, as `digest status` does not.
        output.error(
            "no store yet at %s, so no issue built yet: `digest build` or `digest run` builds one",
            stored,
        )
        sys.exit(EXIT_FAILED)
    with open_store_to_read(config.database_url) as store:
        if story_id is None:
            _why_latest(store.issue_accounting())
            return
        if malformed:
            raise click.BadParameter(_not_an_id(story_id, store.story_ids()), param_hint="STORY_ID")
        history = store.article_history(story_id) if is_url else store.story_history(story_id)
        if is_url and not history and canonical_url(story_id) != story_id:
            # As the store keeps it now: "?cmp=rss" and the like pasted from a feed go
            # (a row stored before keeps them, and is found as pasted).
            story_id = canonical_url(story_id)
            history = store.article_history(story_id)
        known = () if is_url or history else store.story_ids()
        dating = store.article_dating(story_id) if is_url and not history else None
    if dating is not None:
        published, by_feed = dating
        source = (
            "its feed's date"
            if by_feed
            else "its feed gave no date: the page's own date if it states one, else the "
            "time it was first polled"
        )
        output.error(
            "%s: in the store, published %s UTC (%s), but no issue has held it yet: an "
            "issue takes the %d days of news before its date (newsletter.window_days).",
            story_id,
            f"{published:%Y-%m-%d %H:%M}",
            source,
            config.newsletter.window_days,
        )
        sys.exit(EXIT_FAILED)
    if not history:
        what = "article" if is_url else "story"
        output.error(
            "%s: this %s is not in any issue the store recorded.%s Story ids are in "
            "digest.json and the preview; run `digest why` alone for the latest issue's "
            "list. A draft of an issue already sent is not recorded (the sent build keeps "
            "the record): its own digest.json says what it holds.",
            story_id,
            what,
            _did_you_mean(story_id, known),
        )
        sys.exit(EXIT_FAILED)
    for row in history:
        state, why = _state(row)
        topic = f' under "{row["topic"]}"' if row["topic"] and state == "in" else ""
        built = f"{row['built_at']:%Y-%m-%d %H:%M} UTC" if row.get("built_at") else "unknown time"
        build = (
            f"sent: final build of {built}"
            if row.get("is_final")
            else f"draft of {built}, not sent"
        )
        held = f" (story {row['story_id']})" if "story_id" in row else ""
        click.echo(f"{row['issue_date']} ({build}): {state}{topic}{held}: {why}")


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
        state, why = _state(row)
        click.echo(f"{row['story_id']} {row['headline']!r}: {state}: {why}")


def _state(row: dict[str, Any]) -> tuple[str, str]:
    """Where a story went ("in", "in Also in the news", "left out") and why, without
    saying the place twice ("in: one outlet only (Wire): in Also in the news")."""
    why = str(row["why"] or "no reason recorded")
    if not row["is_included"]:
        return "left out", why
    if row["topic"] == ALSO_IN_THE_NEWS:
        return "in Also in the news", why.removesuffix(": in Also in the news")
    return "in", why


@click.command()
@config_option
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(min=1), help="Runs to show."
)
@click.option("--json", "as_json", is_flag=True, help="Print the runs as one JSON array.")
def status(config_path: str, limit: int, as_json: bool) -> None:
    """Show the last runs recorded in the store, newest first.

    One line per run of fetch, build, run, demo and the scheduler (the preview's
    rebuilds are not recorded): when it started (UTC), the command, the issue,
    stories, warnings and how it ended.

    Example: digest status --config feeds.yaml --limit 50
    """
    from digest.store import open_store_to_read

    config = load_config(config_path)
    stored = config.sqlite_file
    if stored is not None and no_store_yet(stored):
        # Reading what was recorded creates nothing: no store yet, no runs.
        if as_json:
            click.echo("[]")
        else:
            output.info(
                "no store yet at %s: `digest fetch` or `digest run` creates it%s",
                stored,
                "" if stored.parent.is_dir() else ", once its folder exists",
            )
        return
    with open_store_to_read(config.database_url) as store:
        runs = store.recent_runs(limit)
    if as_json:
        click.echo(json.dumps([_run_json(entry) for entry in runs], indent=2, sort_keys=True))
        return
    if not runs:
        output.info("no runs recorded yet: `digest fetch` or `digest run` records one")
        return
    rows = [
        (
            f"{entry['started_at']:%Y-%m-%d %H:%M:%S}",
            entry["kind"],
            str(entry["summary"].get("issue_date", "")),
            str(entry["summary"].get("stories", "")),
            str(entry["summary"].get("warnings", "")),
            _result(entry),
        )
        for entry in runs
    ]
    print_table(("time (UTC)", "command", "issue", "stories", "warnings", "result"), rows)


# An unfinished run, by what is known of its process (``recent_runs``).
_UNFINISHED = {"running": "running", "gone": "killed before it finished"}


def _result(entry: dict[str, Any]) -> str:
    """How a run ended, in words; rows from older versions have only ``ok``."""
    if entry["ok"] is None:
        return _UNFINISHED.get(entry.get("process", ""), "running, or killed")
    text = entry["summary"].get("result")
    if text:
        return str(text)
    return "ok" if entry["ok"] else "failed"


def _run_json(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": entry["id"],
        "command": entry["kind"],
        "started_at": entry["started_at"].isoformat(),
        "finished_at": entry["finished_at"].isoformat() if entry["finished_at"] else None,
        "ok": entry["ok"],
        "result": _result(entry),
        "summary": entry["summary"],
    }


@click.group("db")
def db() -> None:
    """Database schema commands.

    Example: digest db status --config feeds.yaml
    """


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


def _not_an_id(text: str, known: Sequence[str]) -> str:
    return (
        f"{text!r} is neither a story id (like s-3f2a9c1d0b7e, from the preview or "
        f"digest.json) nor an article URL.{_did_you_mean(text, known)}"
    )


def _did_you_mean(text: str, known: Sequence[str]) -> str:
    """ " Did you mean s-...?" for an id a character or two off a recorded one."""
    guess = difflib.get_close_matches(text, known, n=1, cutoff=0.85)
    return f" Did you mean {guess[0]}?" if guess else ""
