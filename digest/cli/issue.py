"""Commands that make an issue: fetch, run, build, demo, preview, schedule, send, health."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click

from digest.cli._shared import (
    EXIT_FAILED,
    EXIT_OK,
    config_option,
    now_option,
    out_option,
    parse_now,
    progress_display,
    report_issue,
)
from digest.config import Config, load_config

__all__ = ["build", "demo", "fetch", "health", "preview", "run", "schedule", "send"]

logger = logging.getLogger("digest")

_strict_option = click.option(
    "--strict", is_flag=True, help="Exit 1 if the issue was built with warnings."
)


def _build(
    config: Config,
    out_dir: str,
    now: str | None,
    *,
    fetch: bool,
    is_final: bool,
    force: bool,
    strict: bool,
    wait: float,
) -> None:
    from digest.build import BuildOptions, run_issue

    with progress_display() as progress:
        options = BuildOptions(
            out_dir=Path(out_dir),
            now=parse_now(now),
            fetch=fetch,
            is_final=is_final,
            force=force,
            lock_wait_seconds=wait,
            progress=progress,
        )
        result = run_issue(config, options)
    report_issue(result, strict=strict)


@click.command()
@config_option
@out_option
@now_option
@_strict_option
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

    This is the final build: its stories count as sent, and later issues do not
    repeat them.

    Example: digest run --config feeds.yaml --out /srv/digest --now 2026-11-23T06:00:00Z
    """
    config = load_config(config_path)
    _build(config, out_dir, now, fetch=True, is_final=True, force=force, strict=strict, wait=wait)


@click.command()
@config_option
@now_option
def fetch(config_path: str, now: str | None) -> None:
    """Poll the feeds and extract new articles into the store, without building.

    Example: digest fetch --config feeds.yaml
    """
    from digest.ingest import fetch_all, intake_problems
    from digest.store import open_store

    config = load_config(config_path)
    moment = parse_now(now)
    with progress_display() as progress, open_store(config.database_url) as store:
        report = fetch_all(config, store, now=moment, progress=progress)
        problems = (*intake_problems(config, store, config.news_window(moment)), *report.problems)
    for problem in problems:
        logger.warning("%s", problem)
    click.echo(
        f"{report.feeds_polled} feeds polled ({report.feeds_failed} failed), "
        f"{report.articles_new} new and {report.articles_updated} updated articles, "
        f"{report.pages_fetched} pages fetched",
        err=True,
    )


@click.command()
@config_option
@out_option
@now_option
@_strict_option
def build(config_path: str, out_dir: str, now: str | None, strict: bool) -> None:
    """Build the draft issue from the store (no polling), applying editorial.yaml.

    A draft: its stories stay available to the final build (`digest run`).

    Example: digest build --config feeds.yaml --out out
    """
    config = load_config(config_path)
    _build(config, out_dir, now, fetch=False, is_final=False, force=True, strict=strict, wait=30)


@click.command()
@click.option(
    "--out",
    "out_dir",
    default="digest-demo",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where to write the sample issue.",
)
@_strict_option
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
        config = load_config(write_sample_config(site, work, with_takes=True))
        click.echo(f"serving the sample outlets at {site.base_url}", err=True)
        _build(
            config,
            str(out),
            site.now.isoformat(),
            fetch=True,
            is_final=False,
            force=True,
            strict=strict,
            wait=0,
        )


@click.command()
@config_option
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
@now_option
def preview(config_path: str, out_dir: str | None, port: int, host: str, now: str | None) -> None:
    """Serve the latest draft locally, rebuilding when files change.

    Example: digest preview --config feeds.yaml  (then open http://127.0.0.1:8765/)
    """
    from digest.preview import serve_preview

    load_config(config_path)
    if out_dir is None:
        out_dir = tempfile.mkdtemp(prefix="digest-preview-")
    serve_preview(
        Path(config_path),
        Path(out_dir),
        host=host,
        port=port,
        now=parse_now(now) if now else None,
    )


@click.command()
@config_option
@out_option
@click.option("--once", is_flag=True, help="Run the build job once now and exit.")
def schedule(config_path: str, out_dir: str, once: bool) -> None:
    """Run builds on the config's cron, in the newsletter's time zone (APScheduler).

    Each scheduled build is a final build: its stories count as sent.

    Example: digest schedule --config /data/feeds.yaml --out /data/out
    """
    from digest.schedule import run_scheduler

    config = load_config(config_path)
    run_scheduler(config, Path(config_path), Path(out_dir), once=once)


@click.command()
@out_option
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


@click.command()
@config_option
@click.argument("issue_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--to", "recipients", multiple=True, required=True, help="Recipient address.")
def send(config_path: str, issue_dir: str, recipients: tuple[str, ...]) -> None:
    """Send a built issue over SMTP (settings under smtp:, credentials from env).

    Example: digest send out/2026-11-23 --to editors@example.org
    """
    from digest.send import send_issue

    config = load_config(config_path)
    message_id = send_issue(Path(issue_dir), list(recipients), config.smtp)
    click.echo(f"sent {message_id} to {', '.join(recipients)}", err=True)
