"""The ``digest`` command line: the only package that prints or exits.

Commands live by group: ``issue`` (fetch, run, build, demo, preview, schedule, send,
health), ``check`` (the pre-send check), ``store`` (why, status, db), ``feeds`` and
``evaluate`` (eval). Each parses its options, loads the config, calls one library
function and shows the result.

Every command runs inside one error boundary (:class:`_DigestGroup`): a
:class:`~digest.errors.DigestError` becomes its message and exit code, Ctrl-C exit 130.
Exit codes: 0 built; 1 built with warnings under --strict; 2 usage, config or input
error, nothing ran; 3 nothing could be built; 130 interrupted.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import click

from digest import __version__
from digest.cli._shared import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE
from digest.cli.check import check
from digest.cli.evaluate import evaluate
from digest.cli.feeds import feeds
from digest.cli.issue import build, demo, fetch, health, preview, run, schedule, send
from digest.cli.store import db, status, why
from digest.config import config_schema
from digest.errors import ConfigError, DigestError, InputError, LockedError
from digest.logs import LimitFilter, configure_logging

__all__ = ["cli", "main"]


def _fail(error: DigestError) -> NoReturn:
    """Show ``error`` as *where: what happened. What to do.* and exit with its code."""
    if isinstance(error, ConfigError):
        click.echo(f"error: {len(error.problems)} problem(s) in the configuration:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_USAGE)
    if isinstance(error, InputError | LockedError):
        # One line: the file and line (or the lock) and what to do.
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_USAGE if isinstance(error, InputError) else EXIT_FAILED)
    click.echo(f"error: {error.message}", err=True)
    if error.hint:
        click.echo(f"  {error.hint}", err=True)
    sys.exit(EXIT_FAILED)


class _DigestGroup(click.Group):
    """The one error boundary: wraps every command and subgroup invoked under it."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DigestError as error:
            _fail(error)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_DigestGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digest")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json writes one JSON object per log line, for containers.",
)
def cli(verbose: int, log_format: str) -> None:
    """Turn a list of news feeds into a send-ready weekly email digest.

    \b
    Quick start:
      digest demo --out /tmp/demo      # the bundled offline sample, end to end
      digest run --config feeds.yaml --out out

    Exit codes: 0 built; 1 built with warnings under --strict; 2 usage,
    config or input error, nothing ran; 3 nothing could be built; 130
    interrupted.
    """
    context = click.get_current_context()
    long_running = context.invoked_subcommand in ("schedule", "preview")
    limit = configure_logging(
        verbose=verbose,
        json_lines=log_format == "json",
        limit_repeats=not long_running,
        # A long-running process reports its routine progress (started, each build) at
        # INFO; the operator of a scheduler or preview wants to see it.
        show_info=long_running,
    )
    context.call_on_close(lambda: _print_tally(limit))


def _print_tally(limit: LimitFilter) -> None:
    """The warnings that were grouped away: "...and 37 more like ..."."""
    for kind, count in sorted(limit.hidden().items()):
        click.echo(f"WARNING: ...and {count} more like: {kind}", err=True)


@click.command()
@click.argument("which", type=click.Choice(["config", "digest"]))
def schema(which: str) -> None:
    """Print the JSON Schema of feeds.yaml (config) or of digest.json (digest).

    Example: digest schema config > digest-config.schema.json
    """
    if which == "config":
        data = config_schema()
    else:
        from digest.archive import digest_schema

        data = digest_schema()
    click.echo(json.dumps(data, indent=2, sort_keys=True))


for _command in (
    run,
    fetch,
    build,
    demo,
    preview,
    schedule,
    health,
    send,
    check,
    why,
    feeds,
    schema,
    status,
    db,
    evaluate,
):
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``digest`` console script."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
