"""The ``digest`` command line: the only package that prints or exits.

Commands live by group: ``setup`` (init), ``issue`` (fetch, run, build, demo, preview,
schedule, send, health), ``check`` (the pre-send check), ``store`` (why, status, db),
``feeds`` and ``evaluate`` (eval). Each parses its options, loads the config, calls one
library function and shows the result.

Every command runs inside one error boundary (:class:`_DigestGroup`): a
:class:`~digest.errors.DigestError` becomes its message and exit code, Ctrl-C exit 130.
Exit codes: 0 built; 1 built with warnings under --strict; 2 usage, config or input
error, nothing ran; 3 nothing could be built; 130 interrupted.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import signal
import sys
import warnings
from typing import Any, NoReturn

import click

from digest import __version__
from digest.cli._shared import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, output
from digest.cli.check import check
from digest.cli.evaluate import evaluate
from digest.cli.feeds import feeds
from digest.cli.issue import build, demo, fetch, health, preview, run, schedule, send
from digest.cli.setup import init
from digest.cli.store import db, status, why
from digest.config import config_schema
from digest.errors import ConfigError, DigestError, InputError, IssueSentError, LockedError
from digest.logs import LimitFilter, configure_logging

__all__ = ["cli", "main"]


def _fail(error: DigestError) -> NoReturn:
    """Show ``error`` as *where: what happened. What to do.* and exit with its code."""
    if isinstance(error, ConfigError):
        lines = [f"{len(error.problems)} problem(s) in the configuration:"]
        lines += [f"  {problem}" for problem in error.problems]
        output.error("%s", "\n".join(lines))
        sys.exit(EXIT_USAGE)
    if isinstance(error, InputError | LockedError):
        # One line: the file and line (or the lock) and what to do.
        output.error("%s", error)
        sys.exit(EXIT_USAGE if isinstance(error, InputError) else EXIT_FAILED)
    output.error("%s", f"{error.message}\n  {error.hint}" if error.hint else error.message)
    sys.exit(EXIT_USAGE if isinstance(error, IssueSentError) else EXIT_FAILED)


# Options of the whole program that may also be written after the command
# (`digest run -v`): they are moved in front of it before parsing.
_FLAGS = frozenset({"-v", "-vv", "-vvv", "--verbose"})
_VALUED = "--log-format"


def _hoist_global_options(args: list[str]) -> list[str]:
    """``args`` with -v/--verbose and --log-format moved before the first command name."""
    hoisted: list[str] = []
    rest: list[str] = []
    index = 0
    seen_command = False
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if seen_command and arg in _FLAGS:
            hoisted.append(arg)
        elif arg == _VALUED and index + 1 < len(args):
            hoisted.extend(args[index : index + 2])
            index += 1
        elif seen_command and arg.startswith(_VALUED + "="):
            hoisted.append(arg)
        else:
            seen_command = seen_command or not arg.startswith("-")
            rest.append(arg)
        index += 1
    return hoisted + rest


class _DigestGroup(click.Group):
    """The one error boundary: wraps every command and subgroup invoked under it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = _hoist_global_options(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DigestError as error:
            _fail(error)
        except KeyboardInterrupt:
            pass  # said below, once the traceback is gone (see _interrupted)
        _interrupted()


@click.group(cls=_DigestGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digest")
@click.option(
    "-v", "--verbose", count=True, help="More log output (-vv for debug); also after the command."
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json writes every line (logs, summary, errors) as one JSON object, for "
    "containers; also after the command.",
)
def cli(verbose: int, log_format: str) -> None:
    """Turn a list of news feeds into a send-ready weekly email digest.

    \b
    Quick start:
      digest demo --out /tmp/demo      # the bundled offline sample, end to end
      digest init                      # a starter feeds.yaml in this folder
      digest fetch                     # poll the feeds into the store
      digest build                     # a draft: try it as often as you like
      digest run                       # the final issue: its stories count as sent

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
        output.warning("...and %d more like: %s", count, limit.first_hidden(kind))


@click.command()
@click.argument("which", type=click.Choice(["config", "digest"]))
def schema(which: str) -> None:
    """Print the JSON Schema of feeds.yaml (config) or of digest.json (digest).

    Example: digest schema config > digest-config.schema.json
    """
    if which == "config":
        data = config_schema()
    else:
        from digest.issue_json import digest_schema

        data = digest_schema()
    click.echo(json.dumps(data, indent=2, sort_keys=True))


for _command in (
    init,
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


# The store commits stage by stage, page by page: nothing done is lost.
_INTERRUPTED = (
    "interrupted; what was already stored (feeds polled, pages read) is kept, and the "
    "next run goes on from there"
)


def _stop(_number: int, _frame: object) -> None:
    # Passed on as a Ctrl-C, so whoever handles that (asyncio's runner while pages are
    # fetched) stops the work as cleanly as for Ctrl-C. A command started in the
    # background by a shell ignores Ctrl-C: the SIGTERM must stop it all the same.
    if signal.getsignal(signal.SIGINT) in (signal.SIG_IGN, None):
        raise KeyboardInterrupt
    os.kill(os.getpid(), signal.SIGINT)


def main() -> None:
    """Entry point of the ``digest`` console script."""
    # SIGTERM (a cron timeout, `kill`) stops a command as Ctrl-C does, with its message
    # and exit code rather than a silent 143. The scheduler and the preview set their own.
    signal.signal(signal.SIGTERM, _stop)
    stopped = False
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        stopped = True  # said below, once the traceback is gone (see _interrupted)
    except click.ClickException as error:
        if _wants_json(sys.argv[1:]):
            # Raised while parsing, before logging was set up: still one JSON line.
            configure_logging(json_lines=True)
            output.error("%s", error.format_message())
        else:
            error.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    if stopped:
        _interrupted()


def _interrupted() -> NoReturn:
    # A stop while pages are fetched can leave a connection attempt's coroutine never
    # awaited, in garbage the collector has not freed yet; Python would say so at exit
    # ("RuntimeWarning: coroutine ... was never awaited"), under the message that says
    # what the stop kept. Collected here, quietly, once the stop's traceback (which holds
    # the frames that held them) is gone.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"coroutine .* was never awaited", category=RuntimeWarning
        )
        gc.collect()
    if not any(
        not isinstance(handler, logging.NullHandler)
        for handler in logging.getLogger("digest").handlers
    ):
        # Stopped before the command began (while the program loaded or read its
        # options): logging is not set up yet, and the message would be lost.
        configure_logging(json_lines=_wants_json(sys.argv[1:]))
    output.error("%s", _INTERRUPTED)
    sys.exit(EXIT_INTERRUPTED)


def _wants_json(args: list[str]) -> bool:
    pairs = zip(args, [*args[1:], ""], strict=True)
    return any(a == "--log-format=json" or (a, b) == ("--log-format", "json") for a, b in pairs)
