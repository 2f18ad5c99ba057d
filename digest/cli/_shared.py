"""What every command shares: exit codes, options, the clock, progress and the report."""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from digest.logs import OUTPUT_LOGGER, is_json_lines
from digest.models import LeftOutReason

if TYPE_CHECKING:
    # The pipeline loads numpy, trafilatura and mjml: only commands that build import it.
    from digest.build import IssueResult

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WARNINGS",
    "config_option",
    "no_store_yet",
    "now_option",
    "out_option",
    "output",
    "parse_now",
    "print_table",
    "progress_display",
    "report_issue",
]

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_INTERRUPTED = 130

logger = logging.getLogger("digest")
# The command's own report: summaries and errors, plain or JSON (--log-format).
output = logging.getLogger(OUTPUT_LOGGER)


def parse_now(value: str | None) -> datetime:
    """``--now`` as an aware UTC time; the wall clock (to the second) when not given."""
    if value is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f'"{value}" is not an ISO date-time; write e.g. 2026-11-23T06:00:00+00:00',
            param_hint="'--now'",
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


config_option = click.option(
    "--config",
    "config_path",
    default="feeds.yaml",
    show_default=True,
    envvar="DIGEST_CONFIG",
    type=click.Path(dir_okay=False),
    help="The settings file (env DIGEST_CONFIG).",
)
now_option = click.option("--now", help="Fix the clock (ISO date-time) so a build is reproducible.")
out_option = click.option(
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    envvar="DIGEST_OUT",
    type=click.Path(file_okay=False),
    help="Output directory; each issue goes to OUT/<issue-date>/ (env DIGEST_OUT).",
)


@contextmanager
def progress_display() -> Iterator[Callable[[str, int, int], None] | None]:
    """A rich progress bar on an interactive terminal; plain log lines otherwise (and
    with --log-format json, whose lines must all be JSON)."""
    if not sys.stderr.isatty() or is_json_lines():
        last: dict[str, int] = {}

        def log_line(step: str, done: int, total: int) -> None:
            # About ten lines per step: enough to follow a cron log, not one per item.
            every = max(1, total // 10)
            if done == total or done - last.get(step, 0) >= every:
                last[step] = done
                logger.info("%s: %d/%d", step, done, total)

        yield log_line
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)

        yield update


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Rows in aligned columns, never cut to the terminal's width (a pipe or a log has
    none), the last column left ragged."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    for line in (headers, *rows):
        cells = [str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)]
        click.echo("  ".join(cells).rstrip())


# How the run summary names each reason a story was left out (LeftOutReason values).
_LEFT_OUT_WORDS = {
    "sent": "sent before",
    "merged": "merged",
    "dropped": "dropped by the editors",
    "one_outlet": "one outlet only",
    "over_cap": "cut by max_stories",
    "failed": "failed",
}


def report_issue(result: IssueResult, *, strict: bool, config_path: str = "feeds.yaml") -> None:
    """Show what a build did; exit 3 when there is nothing to send, 1 for --strict."""
    if result.skipped:
        final = result.final
        when = f" at {final.built_at:%Y-%m-%d %H:%M} UTC into {final.path}" if final else ""
        output.info(
            "issue %s was already built by a final build%s; nothing to do "
            "(use --force to build it again).",
            result.issue.issue_date,
            when,
        )
        sys.exit(EXIT_OK)
    for problem in result.issue.problems:
        logger.warning("%s", problem)
    for item in result.left_out:
        logger.info("left out %s: %s", item.story_id, item.detail)
    if not result.is_written:
        output.error("%s", _nothing_built(result, config_path))
        sys.exit(EXIT_FAILED)
    if result.sent_copy is not None:
        output.warning(
            "kept the sent copy of issue %s as %s", result.issue.issue_date, result.sent_copy
        )
    click.echo(str(result.path / "email.html"))
    output.info("%s", _built(result))
    if missing := _missing_takes(result):
        output.info("%s", missing)
    if strict and result.issue.problems:
        sys.exit(EXIT_WARNINGS)


# What a left-out story's reason means, counted in the message of a build with nothing
# to print (the run summary's words, above, are shorter: it has the issue to show).
_NOTHING_PRINTED_WORDS = {
    LeftOutReason.SENT: "sent in an earlier issue, with nothing new since",
    LeftOutReason.DROPPED: "dropped by the editors",
    LeftOutReason.MERGED: "merged into another by the editors",
    LeftOutReason.ONE_OUTLET: "from one outlet only, not listed",
    LeftOutReason.OVER_CAP: "cut by max_stories",
    LeftOutReason.FAILED: "could not be written up",
    LeftOutReason.SET_ASIDE: "set aside as no news (notices, empty pages)",
}


def _nothing_built(result: IssueResult, config_path: str) -> str:
    """Why a build wrote nothing, and what to do."""
    from digest.build import BuildOutcome
    from digest.models import Stage

    issue = result.issue
    if result.outcome is BuildOutcome.FILES_GONE:
        return f"{result.files_gone()}."
    window = f"{issue.window_start:%Y-%m-%d %H:%M} to {issue.window_end:%Y-%m-%d %H:%M} UTC"
    if result.outcome is not BuildOutcome.NOTHING_FETCHED and (result.left_out or result.briefs):
        # The window had stories; say what became of them (all sent already, most often).
        # Nothing is recorded, so `digest why` would tell of the last issue, not this one.
        reasons = Counter(item.reason for item in result.left_out)
        told = [
            f"{count} {_NOTHING_PRINTED_WORDS.get(reason, reason.value)}"
            for reason, count in reasons.most_common()
        ]
        if result.briefs:
            told.append(f"{len(result.briefs)} from one outlet only, which alone make no issue")
        warned = "; see the warnings above" if issue.problems else ""
        return (
            f"no story to print in the window ({window}): {'; '.join(told)}. No issue was "
            f"written or recorded{warned}."
        )
    if result.outcome is not BuildOutcome.NOTHING_FETCHED:
        return (
            f"no stories in the window ({window}); nothing to send. No issue was written "
            "or recorded: see the warnings above; once the window has news, the next run "
            f"builds issue {issue.issue_date}."
        )
    # A fetch that ran and reached no feed (this run's, or an earlier one the store
    # recorded as failed feeds) needs the feeds fixed, not another fetch.
    feeds_failed = any(p.stage is Stage.FETCH for p in issue.problems)
    if result.fetch.feeds_polled or feeds_failed:
        return (
            "nothing fetched yet: no feed has given an article (see the warnings above). "
            "No issue was written or recorded; fix the feeds and run again."
        )
    return (
        f"nothing fetched yet: run `digest fetch --config {config_path}` first. No issue "
        "was written."
    )


def _built(result: IssueResult) -> str:
    """The one-line tally of a build that was written: which kind, and what it holds."""
    date, fetch = result.issue.issue_date, result.fetch
    if result.is_final:
        kind = f"final issue {date} (its stories now count as sent)"
    else:
        kind = f"draft {date} (a try-out: nothing counts as sent)"
    fetched = (
        f"{fetch.feeds_polled} feeds polled ({fetch.feeds_failed} failed), "
        f"{fetch.articles_new} new articles"
        if fetch.feeds_polled
        else "from the store"
    )
    size_kb = len(result.rendered.html.encode("utf-8")) / 1024
    left_out = result.left_out_counts()
    reasons = ", ".join(f"{n} {_LEFT_OUT_WORDS.get(r, r)}" for r, n in left_out.items())
    return (
        f"built {kind}: {len(result.issue.stories)} stories in {len(result.issue.topics)} "
        f"topics, {len(result.issue.also_in_the_news)} in Also in the news, "
        f"{sum(left_out.values())} left out{f' ({reasons})' if reasons else ''}, "
        f"{result.set_aside()} article(s) set aside as not news, {size_kb:.1f} KB HTML, "
        f"{len(result.issue.problems)} warning(s), {fetched}, {result.seconds:.1f} s"
    )


def _missing_takes(result: IssueResult) -> str:
    """Which stories go out without "Our take" (empty when every story has one)."""
    missing = result.stories_without_take
    if not missing:
        return ""
    return (
        f"{len(missing)} of {len(result.issue.stories)} stories "
        f"{'has' if len(missing) == 1 else 'have'} no take yet: "
        + ", ".join(s.story_id for s in missing[:5])
        + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        + ". Write them in editorial.yaml (digest preview offers starting points)."
    )


def no_store_yet(stored: Path) -> bool:
    """Whether the SQLite file is certainly not there yet (a folder that cannot be read
    is left to opening the store, which says what to do)."""
    try:
        return not stored.exists()
    except OSError:
        return False
