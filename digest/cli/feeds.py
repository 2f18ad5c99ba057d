"""The ``digest feeds`` group: check, status, import and export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from digest.cli._shared import (
    EXIT_FAILED,
    EXIT_OK,
    config_option,
    no_store_yet,
    output,
    print_table,
)
from digest.config import load_config

__all__ = ["feeds"]


@click.group()
def feeds() -> None:
    """Inspect and manage feeds.

    Example: digest feeds status --config feeds.yaml
    """


@feeds.command("check")
@config_option
@click.argument("urls", nargs=-1, required=True)
def feeds_check(config_path: str, urls: tuple[str, ...]) -> None:
    """Try feeds without storing anything.

    Example: digest feeds check https://example.org/rss.xml
    """
    from digest.config import FetchConfig
    from digest.fetch import check_feeds

    settings = load_config(config_path).fetch if Path(config_path).exists() else FetchConfig()
    failed = 0
    for result in check_feeds(list(urls), settings):
        line = f"{result.outcome.value:13} {len(result.entries):4} entries  {result.feed_url}"
        if result.error:
            line += f"  ({result.error})"
            failed += 1
        click.echo(line)
        for warning in result.warnings:
            click.echo(f"    warning: {warning}")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@feeds.command("status")
@config_option
def feeds_status(config_path: str) -> None:
    """Show each feed's health: last success, last error, failures in a row.

    Times are UTC. Feeds removed from feeds.yaml are not listed (the store keeps
    their articles); disabled ones say so.

    Example: digest feeds status --config feeds.yaml
    """
    from digest.store import open_store_to_read

    config = load_config(config_path)
    # Reading the feeds' health writes nothing: no store is created, no feed saved.
    stored = config.sqlite_file
    states = {}
    if stored is None or not no_store_yet(stored):
        with open_store_to_read(config.database_url) as store:
            states = {state.url: state for state in store.feed_states()}
    rows = []
    for feed in config.feeds:
        state = states.pop(feed.url, None)
        if state is None:
            outcome = "disabled" if not feed.enabled else "never polled"
            rows.append((feed.name, outcome, "never", "0", "0", ""))
            continue
        if not feed.enabled:
            outcome = "disabled"
        elif state.is_gone:
            outcome = "gone"
        else:
            outcome = _OUTCOME_WORDS.get(
                state.last_outcome or "", state.last_outcome or "never polled"
            )
        success = state.last_success_at
        rows.append(
            (
                feed.name,
                outcome,
                f"{success:%Y-%m-%d %H:%M}" if success else "never",
                str(state.consecutive_failures),
                str(state.entries_seen),
                state.last_error,
            )
        )
    headers = ("feed", "last outcome", "last success", "failures", "entries", "last error")
    print_table(headers, rows)
    if states:
        output.info(
            "%d feed(s) no longer in %s are not shown: %s",
            len(states),
            config_path,
            ", ".join(sorted(state.name for state in states.values())),
        )


# The store's outcome codes, as the table says them.
_OUTCOME_WORDS = {"not_modified": "not modified (304)", "": "never polled"}


@feeds.command("import")
@config_option
@click.argument("opml", type=click.Path(exists=True, dir_okay=False))
def feeds_import(config_path: str, opml: str) -> None:
    """Add the feeds of an OPML file to feeds.yaml, changing no other line.

    New feeds go at the end of the feeds list; every other line stays exactly as
    it was. Outlines that are skipped (already there, not http(s), not a feed) are
    listed with the reason. A file that is not OPML is refused (exit 2).

    Example: digest feeds import subscriptions.opml --config feeds.yaml
    """
    from digest.opml import import_opml

    load_config(config_path)
    report = import_opml(Path(opml), Path(config_path))
    for name, url in report.added:
        click.echo(f"added    {name} <{url}>")
    for name, url, reason in report.skipped:
        where = f" <{url}>" if url else ""
        click.echo(f"skipped  {name}{where}: {reason}")
    output.info(
        "%d feed(s) added to %s, %d outline(s) skipped",
        len(report.added),
        config_path,
        len(report.skipped),
    )


@feeds.command("export")
@config_option
def feeds_export(config_path: str) -> None:
    """Print the configured feeds as OPML 2.0.

    Example: digest feeds export --config feeds.yaml > feeds.opml
    """
    from digest.opml import export_opml

    config = load_config(config_path)
    click.echo(export_opml(config.feeds, title=config.newsletter.name), nl=False)
