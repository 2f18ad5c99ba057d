"""The ``digest`` command line: the only module that prints or exits.

Exit codes: 0 built; 1 built with warnings under --strict; 2 usage or config error,
nothing ran; 3 nothing could be built; 130 interrupted.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from digest import __version__
from digest.config import Config, config_schema, load_config
from digest.errors import ConfigError, DigestError, LockedError
from digest.logs import LimitFilter, configure_logging

__all__ = ["main"]

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_INTERRUPTED = 130

logger = logging.getLogger("digest")


def _fail(error: DigestError) -> NoReturn:
    code = EXIT_USAGE if isinstance(error, ConfigError) else EXIT_FAILED
    if isinstance(error, ConfigError):
        count = len(error.problems)
        click.echo(f"error: {count} problem(s) in the configuration:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
    else:
        click.echo(f"error: {error.message}", err=True)
        if error.hint:
            click.echo(f"  {error.hint}", err=True)
    sys.exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except DigestError as error:
        _fail(error)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)


def _load(config_path: str) -> Config:
    with _errors():
        return load_config(config_path)


def _parse_now(value: str | None) -> datetime:
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


_config_option = click.option(
    "--config",
    "config_path",
    default="feeds.yaml",
    show_default=True,
    envvar="DIGEST_CONFIG",
    type=click.Path(dir_okay=False),
    help="The settings file (env DIGEST_CONFIG).",
)
_now_option = click.option(
    "--now", help="Fix the clock (ISO date-time) so a build is reproducible."
)
_out_option = click.option(
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    envvar="DIGEST_OUT",
    type=click.Path(file_okay=False),
    help="Output directory; each issue goes to OUT/<issue-date>/ (env DIGEST_OUT).",
)


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None] | None]:
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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

    Exit codes: 0 built; 1 built with warnings under --strict; 2 usage or
    config error, nothing ran; 3 nothing could be built; 130 interrupted.
    """
    context = click.get_current_context()
    long_running = context.invoked_subcommand in ("schedule", "preview")
    limit = configure_logging(
        verbose=verbose, json_lines=log_format == "json", limit_repeats=not long_running
    )
    context.call_on_close(lambda: _print_tally(limit))


def _print_tally(limit: LimitFilter) -> None:
    """The warnings that were grouped away: "...and 37 more like ..."."""
    for kind, count in sorted(limit.hidden().items()):
        click.echo(f"WARNING: ...and {count} more like: {kind}", err=True)


def _report(result: Any, strict: bool) -> None:
    from digest.build import IssueResult

    assert isinstance(result, IssueResult)
    if result.skipped:
        click.echo(
            f"issue {result.issue.issue_date} was already built by a scheduled run; "
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
    click.echo(
        f"built issue {result.issue.issue_date}: {len(result.issue.stories)} stories in "
        f"{len(result.issue.topics)} topics, {size_kb:.1f} KB HTML, "
        f"{len(result.issue.problems)} warning(s), {result.fetch.feeds_polled} feeds polled "
        f"({result.fetch.feeds_failed} failed), {result.fetch.articles_new} new articles, "
        f"{result.seconds:.1f} s",
        err=True,
    )
    if not result.issue.stories:
        click.echo("error: no stories in the window; nothing to send.", err=True)
        sys.exit(EXIT_FAILED)
    if strict and result.issue.problems:
        sys.exit(EXIT_WARNINGS)


def _run(
    config: Config,
    out_dir: str,
    now: str | None,
    *,
    fetch: bool,
    scheduled: bool,
    force: bool,
    strict: bool,
    wait: float,
) -> None:
    from digest.build import BuildOptions, run_issue

    with _errors(), _progress() as progress:
        options = BuildOptions(
            out_dir=Path(out_dir),
            now=_parse_now(now),
            fetch=fetch,
            is_scheduled=scheduled,
            force=force,
            lock_wait_seconds=wait,
            progress=progress,
        )
        try:
            result = run_issue(config, options)
        except LockedError as error:
            click.echo(f"{error.message} {error.hint}", err=True)
            sys.exit(EXIT_FAILED)
    _report(result, strict)


@cli.command()
@_config_option
@_out_option
@_now_option
@click.option("--strict", is_flag=True, help="Exit 1 if the issue was built with warnings.")
@click.option("--force", is_flag=True, help="Build again even if this issue was already built.")
@click.option(
    "--wait",
    default=0.0,
    show_default=True,
    help="Seconds to wait for another run building the same issue.",
)
def run(
    config_path: str, out_dir: str, now: str | None, strict: bool, force: bool, wait: float
) -> None:
    """Poll, extract, cluster, summarize and render one issue (one shot, for cron).

    Example: digest run --config feeds.yaml --out /srv/digest --now 2026-11-23T06:00:00Z
    """
    config = _load(config_path)
    _run(config, out_dir, now, fetch=True, scheduled=True, force=force, strict=strict, wait=wait)


@cli.command()
@_config_option
@_now_option
def fetch(config_path: str, now: str | None) -> None:
    """Poll the feeds and extract new articles into the store, without building.

    Example: digest fetch --config feeds.yaml
    """
    from digest.ingest import fetch_all
    from digest.store import open_store

    config = _load(config_path)
    with _errors(), _progress() as progress, open_store(config.database_url) as store:
        report = fetch_all(config, store, now=_parse_now(now), progress=progress)
    for problem in report.problems:
        logger.warning("%s", problem)
    click.echo(
        f"{report.feeds_polled} feeds polled ({report.feeds_failed} failed), "
        f"{report.articles_new} new and {report.articles_updated} updated articles, "
        f"{report.pages_fetched} pages fetched",
        err=True,
    )


@cli.command()
@_config_option
@_out_option
@_now_option
@click.option("--strict", is_flag=True, help="Exit 1 if the issue was built with warnings.")
def build(config_path: str, out_dir: str, now: str | None, strict: bool) -> None:
    """Build the draft issue from the store (no polling), applying editorial.yaml.

    Example: digest build --config feeds.yaml --out out
    """
    config = _load(config_path)
    _run(config, out_dir, now, fetch=False, scheduled=False, force=True, strict=strict, wait=30)


@cli.command()
@click.option(
    "--out",
    "out_dir",
    default="digest-demo",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where to write the sample issue.",
)
@click.option("--strict", is_flag=True, help="Exit 1 if the issue was built with warnings.")
def demo(out_dir: str, strict: bool) -> None:
    """Run the real pipeline on the bundled offline sample feeds.

    Serves the sample outlets on 127.0.0.1 (a random free port), polls them, builds an
    issue and prints where the email is. Nothing leaves this machine.

    Example: digest demo --out /tmp/demo
    """
    from digest.sample import serve_sample, write_sample_config

    out = Path(out_dir)
    work = out / "_demo"
    # A fresh store each time: the sample's URLs carry the server's random port.
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    with serve_sample(week=1) as site:
        config = _load(str(write_sample_config(site, work)))
        click.echo(f"serving the sample outlets at {site.base_url}", err=True)
        _run(
            config,
            str(out),
            site.now.isoformat(),
            fetch=True,
            scheduled=False,
            force=True,
            strict=strict,
            wait=0,
        )


@cli.command()
@_config_option
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Where drafts are built (default: a new temporary directory, so the preview "
    "never overwrites a built issue).",
)
@click.option("--port", default=8765, show_default=True, help="Port on 127.0.0.1.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; keep 127.0.0.1 unless you know why.",
)
@_now_option
def preview(config_path: str, out_dir: str | None, port: int, host: str, now: str | None) -> None:
    """Serve the latest draft locally, rebuilding when files change.

    Example: digest preview --config feeds.yaml  (then open http://127.0.0.1:8765/)
    """
    from digest.preview import serve_preview

    config_file = Path(config_path)
    _load(config_path)
    if out_dir is None:
        out_dir = tempfile.mkdtemp(prefix="digest-preview-")
    with _errors():
        serve_preview(
            config_file, Path(out_dir), host=host, port=port, now=_parse_now(now) if now else None
        )


@cli.command()
@_config_option
@_out_option
@click.option("--once", is_flag=True, help="Run the build job once now and exit.")
def schedule(config_path: str, out_dir: str, once: bool) -> None:
    """Run builds on the config's cron, in the newsletter's time zone (APScheduler).

    Example: digest schedule --config /data/feeds.yaml --out /data/out
    """
    from digest.schedule import run_scheduler

    config = _load(config_path)
    with _errors():
        run_scheduler(config, Path(config_path), Path(out_dir), once=once)


@cli.command()
@_out_option
@click.option(
    "--max-age-hours",
    default=24 * 8,
    show_default=True,
    help="Unhealthy when the last run or start is older than this.",
)
def health(out_dir: str, max_age_hours: int) -> None:
    """Exit 0 when the scheduler recorded a run (or its start) recently; for HEALTHCHECK.

    Example: digest health --out /data/out
    """
    from digest.schedule import read_heartbeat

    beat = read_heartbeat(Path(out_dir))
    if beat is None:
        click.echo("unhealthy: no heartbeat yet (is `digest schedule` running?)", err=True)
        sys.exit(EXIT_FAILED)
    age_hours = (datetime.now(UTC) - beat.finished_at).total_seconds() / 3600
    click.echo(f"last {beat.kind} at {beat.finished_at.isoformat()} ({age_hours:.1f} h ago)")
    sys.exit(EXIT_OK if age_hours <= max_age_hours else EXIT_FAILED)


@cli.command()
@_config_option
@click.argument("issue_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--to", "recipients", multiple=True, required=True, help="Recipient address.")
def send(config_path: str, issue_dir: str, recipients: tuple[str, ...]) -> None:
    """Send a built issue over SMTP (settings under smtp:, credentials from env).

    Example: digest send out/2026-11-23 --to editors@example.org
    """
    from digest.send import send_issue

    config = _load(config_path)
    with _errors():
        message_id = send_issue(Path(issue_dir), list(recipients), config.smtp)
    click.echo(f"sent {message_id} to {', '.join(recipients)}", err=True)


@cli.command()
@_config_option
@click.argument("story_id")
def why(config_path: str, story_id: str) -> None:
    """Say why a story was in or out of each issue that considered it.

    Example: digest why s-3f2a9c1d0b7e --config feeds.yaml
    """
    from digest.store import open_store

    config = _load(config_path)
    with _errors(), open_store(config.database_url) as store:
        history = store.story_history(story_id)
    if not history:
        click.echo(f"{story_id}: not found in any issue. Story ids are in digest.json.", err=True)
        sys.exit(EXIT_FAILED)
    for row in history:
        state = "in" if row["is_included"] else "left out"
        topic = f' under "{row["topic"]}"' if row["topic"] else ""
        click.echo(f"{row['issue_date']}: {state}{topic}: {row['why'] or 'no reason recorded'}")


@cli.group()
def feeds() -> None:
    """Inspect and manage feeds."""


@feeds.command("check")
@_config_option
@click.argument("urls", nargs=-1, required=True)
def feeds_check(config_path: str, urls: tuple[str, ...]) -> None:
    """Try feeds without storing anything.

    Example: digest feeds check https://example.org/rss.xml
    """
    from digest.config import FetchConfig
    from digest.fetch import check_feeds

    settings = _load(config_path).fetch if Path(config_path).exists() else FetchConfig()
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
@_config_option
def feeds_status(config_path: str) -> None:
    """Show every feed's health: last success, last error, failures in a row.

    Example: digest feeds status --config feeds.yaml
    """
    from rich.console import Console
    from rich.table import Table

    from digest.store import open_store

    config = _load(config_path)
    with _errors(), open_store(config.database_url) as store:
        store.sync_feeds((f.url, f.name) for f in config.feeds if f.enabled)
        states = store.feed_states()
    table = Table("feed", "last outcome", "last success", "failures", "entries", "last error")
    for state in states:
        table.add_row(
            state.name,
            "gone" if state.is_gone else (state.last_outcome or "never polled"),
            state.last_success_at.isoformat(timespec="minutes") if state.last_success_at else "",
            str(state.consecutive_failures),
            str(state.entries_seen),
            state.last_error,
        )
    Console().print(table)


@feeds.command("import")
@_config_option
@click.argument("opml", type=click.Path(exists=True, dir_okay=False))
def feeds_import(config_path: str, opml: str) -> None:
    """Add the feeds of an OPML file to feeds.yaml, keeping its comments and order.

    Example: digest feeds import subscriptions.opml --config feeds.yaml
    """
    from digest.opml import import_opml

    _load(config_path)
    with _errors():
        report = import_opml(Path(opml), Path(config_path))
    for name, url in report.added:
        click.echo(f"added    {name} <{url}>")
    for name, url in report.skipped:
        click.echo(f"skipped  {name} <{url}> (already present or not http(s))")
    click.echo(f"{len(report.added)} feed(s) added to {config_path}", err=True)


@feeds.command("export")
@_config_option
def feeds_export(config_path: str) -> None:
    """Print the configured feeds as OPML 2.0.

    Example: digest feeds export --config feeds.yaml > feeds.opml
    """
    from digest.opml import export_opml

    config = _load(config_path)
    click.echo(export_opml(config.feeds, title=config.newsletter.name), nl=False)


@cli.command()
@click.argument("which", type=click.Choice(["config", "digest"]))
def schema(which: str) -> None:
    """Print the JSON Schema of feeds.yaml (config) or of digest.json (digest).

    Example: digest schema config > digest-config.schema.json
    """
    if which == "config":
        data = config_schema()
    else:
        from digest.deliver import digest_schema

        data = digest_schema()
    click.echo(json.dumps(data, indent=2, sort_keys=True))


@cli.command()
@_config_option
def status(config_path: str) -> None:
    """Print the last runs recorded in the store.

    Example: digest status --config feeds.yaml
    """
    from digest.store import open_store

    config = _load(config_path)
    with _errors(), open_store(config.database_url) as store:
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


@cli.group("db")
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
@_config_option
def db_upgrade(config_path: str) -> None:
    """Apply pending migrations to the store.

    Example: digest db upgrade --config feeds.yaml
    """
    from digest.store import connect, upgrade_schema

    config = _load(config_path)
    with _errors():
        engine = connect(config.database_url)
        try:
            applied = upgrade_schema(engine, config.database_url)
        finally:
            engine.dispose()
    for migration in applied:
        click.echo(f"applied {migration.version:04d} {migration.name}")
    if not applied:
        click.echo("the schema is up to date")


@db.command("status")
@_config_option
def db_status(config_path: str) -> None:
    """List the migrations this program knows and whether each is applied (read-only).

    Example: digest db status --config feeds.yaml
    """
    from digest.store import connect
    from digest.store.migrate import all_migrations, applied_versions

    config = _load(config_path)
    with _errors():
        engine = connect(config.database_url)
        try:
            applied = applied_versions(engine)
        finally:
            engine.dispose()
    for migration in all_migrations():
        state = "applied" if migration.version in applied else "pending"
        click.echo(f"{migration.version:04d} {migration.name:30} {state}")
    unknown = sorted(applied - {m.version for m in all_migrations()})
    for version in unknown:
        click.echo(f"{version:04d} {'(unknown to this program)':30} applied")
    if unknown:
        sys.exit(EXIT_FAILED)


@cli.group("eval")
def evaluate() -> None:
    """Score a stage on an evaluation set."""


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(scores, sort_keys=True))
    else:
        for key, value in scores.items():
            click.echo(f"{key:24} {value}")


@evaluate.command("extract")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_extract(directory: str, as_json: bool) -> None:
    """Score extraction on pages with ground truth (AEB layout).

    Example: digest eval extract ../shared/data/extraction/aeb_dev --json
    """
    from digest.evaluate.extract import evaluate_extraction

    _print_scores(dict(evaluate_extraction(Path(directory))), as_json)


@evaluate.command("cluster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_cluster(file: str, as_json: bool) -> None:
    """Score story clustering on a labelled JSONL file.

    Example: digest eval cluster ../shared/data/clustering/googlenews_dev.jsonl --json
    """
    from digest.evaluate.cluster import evaluate_clustering

    _print_scores(dict(evaluate_clustering(Path(file))), as_json)


@evaluate.command("summarize")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--words", default=70, show_default=True, help="Word budget of Briefly.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_summarize(file: str, words: int, as_json: bool) -> None:
    """Score extractive Briefly against reference summaries (ROUGE), beside a lead baseline.

    Example: digest eval summarize ../shared/data/summarization/multinews_longbench_dev100.jsonl
    """
    from digest.evaluate.summarize import evaluate_summaries

    _print_scores(dict(evaluate_summaries(Path(file), words=words)), as_json)


def main() -> None:
    """Entry point of the ``digest`` console script."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.UsageError as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
