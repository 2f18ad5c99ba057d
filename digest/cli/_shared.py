"""What every command shares: exit codes, options, the clock, progress and the report."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click

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
    "now_option",
    "out_option",
    "parse_now",
    "progress_display",
    "report_issue",
]

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_INTERRUPTED = 130

logger = logging.getLogger("digest")


def parse_now(value: str | None) -> datetime:
    """``--now`` as an aware UTC time; the wall clock (to the second) when not given."""
    if value is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f'"{value}" is not an ISO date-time; write e.g. 2026-11-23T06:00:00+00:00'
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
    """A rich progress bar on an interactive terminal; plain log lines otherwise."""
    if not sys.stderr.isatty():
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


# How the run summary names each reason a story was left out (LeftOutReason values).
_LEFT_OUT_WORDS = {
    "sent": "sent before",
    "merged": "merged",
    "dropped": "dropped by the editors",
    "one_outlet": "one outlet only",
    "over_cap": "cut by max_stories",
    "failed": "failed",
}


def report_issue(result: IssueResult, *, strict: bool) -> None:
    """Show what a build did; exit 3 when there is nothing to send, 1 for --strict."""
    if result.skipped:
        click.echo(
            f"issue {result.issue.issue_date} was already built by a final run; "
            "nothing to do (use --force to build it again).",
            err=True,
        )
        sys.exit(EXIT_OK)
    for problem in result.issue.problems:
        logger.warning("%s", problem)
    for item in result.left_out:
        logger.info("left out %s: %s", item.story_id, item.detail)
    size_kb = len(result.rendered.html.encode("utf-8")) / 1024
    click.echo(str(result.path / "email.html"))
    left_out = result.left_out_counts()
    reasons = ", ".join(f"{n} {_LEFT_OUT_WORDS.get(r, r)}" for r, n in left_out.items())
    click.echo(
        f"built issue {result.issue.issue_date}: {len(result.issue.stories)} stories in "
        f"{len(result.issue.topics)} topics, {len(result.issue.also_in_the_news)} in "
        f"Also in the news, {sum(left_out.values())} left out"
        f"{f' ({reasons})' if reasons else ''}, {result.set_aside()} article(s) set aside "
        f"as not news, {size_kb:.1f} KB HTML, "
        f"{len(result.issue.problems)} warning(s), {result.fetch.feeds_polled} feeds polled "
        f"({result.fetch.feeds_failed} failed), {result.fetch.articles_new} new articles, "
        f"{result.seconds:.1f} s",
        err=True,
    )
    missing = result.stories_without_take
    if missing:
        click.echo(
            f"{len(missing)} of {len(result.issue.stories)} stories have no take yet: "
            + ", ".join(s.story_id for s in missing[:5])
            + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            + ". Write them in editorial.yaml (digest preview offers starting points).",
            err=True,
        )
    if not result.issue.stories:
        click.echo("error: no stories in the window; nothing to send.", err=True)
        sys.exit(EXIT_FAILED)
    if strict and result.issue.problems:
        sys.exit(EXIT_WARNINGS)
