"""Commands that make an issue: fetch, run, build, demo, preview, schedule, send, health."""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path

import click

from digest.cli._shared import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    config_option,
    now_option,
    out_option,
    output,
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
    command: str,
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
            command=command,
        )
        result = run_issue(config, options)
    report_issue(result, strict=strict, config_path=str(config.path))


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
    repeat them. To try things out, use `digest build` or `digest preview`. With
    --force, an issue already built is built again; the files of the earlier one
    are kept beside it as OUT/<issue-date>.sent/.

    Example: digest run --config feeds.yaml --out /srv/digest --now 2026-11-23T06:00:00Z
    """
    config = load_config(config_path)
    _build(
        config,
        out_dir,
        now,
        command="run",
        fetch=True,
        is_final=True,
        force=force,
        strict=strict,
        wait=wait,
    )


@click.command()
@config_option
@now_option
def fetch(config_path: str, now: str | None) -> None:
    """Poll the feeds and extract new articles into the store, without building.

    Example: digest fetch --config feeds.yaml
    """
    from digest.ingest import run_fetch
    from digest.store import open_store

    config = load_config(config_path)
    moment = parse_now(now)
    with progress_display() as progress, open_store(config.database_url) as store:
        report, problems = run_fetch(config, store, now=moment, progress=progress)
    for problem in problems:
        logger.warning("%s", problem)
    output.info(
        "%d feeds polled (%d failed), %d new and %d updated articles, %d of %d pages read%s",
        report.feeds_polled,
        report.feeds_failed,
        report.articles_new,
        report.articles_updated,
        report.pages_read,
        report.pages_fetched,
        # The others keep the feed's text; the warnings above say why, page by page.
        "" if report.pages_read == report.pages_fetched else " (the rest keep the feed's text)",
    )
    if report.feeds_polled and report.feeds_failed == report.feeds_polled:
        # A cron job reads the exit code: a poll that reached no feed is a failure.
        output.error(
            "every feed failed (see the warnings above): check the network and the feed "
            "URLs in %s; nothing new was fetched.",
            config_path,
        )
        sys.exit(EXIT_FAILED)


@click.command()
@config_option
@out_option
@now_option
@_strict_option
@click.option(
    "--force",
    is_flag=True,
    help="Build the draft even into the folder of an issue already sent; the sent "
    "copy is kept as OUT/<issue-date>.sent/.",
)
def build(config_path: str, out_dir: str, now: str | None, strict: bool, force: bool) -> None:
    """Build the draft issue from the store (no polling), applying editorial.yaml.

    A draft, to try as often as you like: its stories stay available to the final
    build (`digest run`). It refuses to overwrite the folder of an issue already
    sent, unless --force.

    Example: digest build --config feeds.yaml --out out
    """
    config = load_config(config_path)
    _build(
        config,
        out_dir,
        now,
        command="build",
        fetch=False,
        is_final=False,
        force=force,
        strict=strict,
        wait=30,
    )


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
    # The editors' edits from an earlier demo's preview are theirs: kept, not reset.
    edited = work / "editorial.yaml"
    earlier = edited.read_text(encoding="utf-8") if edited.is_file() else None
    # A fresh store each time: the sample's URLs carry the server's random port.
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    with serve_sample(week=1) as site:
        config = load_config(write_sample_config(site, work, with_takes=True))
        if earlier is not None and earlier != config.editorial_path.read_text(encoding="utf-8"):
            config.editorial_path.write_text(earlier, encoding="utf-8")
            output.info(
                "kept your edits in %s (delete it to start from the demo's own)",
                config.editorial_path,
            )
        output.info("serving the sample outlets at %s", site.base_url)
        _build(
            config,
            str(out),
            site.now.isoformat(),
            command="demo",
            fetch=True,
            is_final=False,
            force=True,
            strict=strict,
            wait=0,
        )
    output.info(
        "to edit this draft in the preview: %s preview --config %s --now %s",
        _program(),
        work / "feeds.yaml",
        site.now.isoformat(),
    )


def _program() -> str:
    """How to call this program again from here: ``digest`` when that is the one on the
    PATH, else the path it was run by (``make demo`` runs ``.venv/bin/digest``, which a
    fresh shell does not find as ``digest``)."""
    invoked = Path(sys.argv[0])
    if invoked.name != "digest":
        return "digest"  # python -m digest, or a test's runner
    found = shutil.which("digest")
    if found and Path(found).resolve() == invoked.resolve():
        return "digest"
    return str(invoked)


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

    A draft: nothing it builds counts as sent. Builds from the store, so run
    `digest fetch` first. Stop it with Ctrl-C.

    Example: digest preview --config feeds.yaml  (then open http://127.0.0.1:8765/)
    """
    from digest.preview import serve_preview
    from digest.preview.http import port_in_use

    load_config(config_path)
    # Before the first build, which can take a while: a busy port is said at once.
    busy = port_in_use(host, port)
    if busy:
        raise click.BadParameter(
            f"port {port} on {host} cannot be used ({busy}); another preview may be "
            f"running. Stop it, or pass another port, e.g. --port {port + 1}.",
            param_hint="--port",
        )
    is_temporary = out_dir is None
    folder = Path(tempfile.mkdtemp(prefix="digest-preview-") if out_dir is None else out_dir)
    try:
        serve_preview(
            Path(config_path),
            folder,
            host=host,
            port=port,
            now=parse_now(now) if now else None,
        )
    finally:
        if is_temporary:
            shutil.rmtree(folder, ignore_errors=True)
    # Ctrl-C is how a preview ends: said as such, not as an error, with the exit status
    # of a stop by signal (130) as before; SIGTERM ends it the same way.
    output.info("preview stopped")
    sys.exit(EXIT_INTERRUPTED)


@click.command()
@config_option
@out_option
@click.option("--once", is_flag=True, help="Run the build job once now and exit.")
@click.option(
    "--now", help="With --once: fix the clock (ISO date-time), to try the job on a past week."
)
def schedule(config_path: str, out_dir: str, once: bool, now: str | None) -> None:
    """Run builds on the config's cron, in the newsletter's time zone (APScheduler).

    Each scheduled build is a final build: its stories count as sent. Logs each
    build and the next run time. SIGTERM finishes the current job and exits 0;
    Ctrl-C exits 130. With --once: exit 0 when the issue is built (or already
    was), 3 when nothing could be built.

    Example: digest schedule --config /data/feeds.yaml --out /data/out
    """
    from digest.schedule import run_scheduler

    if now is not None and not once:
        raise click.UsageError("--now is for --once: the scheduler runs on the clock.")
    config = load_config(config_path)
    moment = parse_now(now) if now is not None else None
    sys.exit(run_scheduler(config, Path(config_path), Path(out_dir), once=once, now=moment))


@click.command()
@out_option
@click.option(
    "--max-age-hours",
    default=24 * 8,
    show_default=True,
    help="Unhealthy when the last run or start is older than this.",
)
def health(out_dir: str, max_age_hours: int) -> None:
    """Exit 0 when the scheduler ran recently and its last build did not fail.

    For a container's HEALTHCHECK: a recent run, poll or start counts as alive.

    Example: digest health --out /data/out
    """
    from digest.schedule import read_heartbeat

    beat = read_heartbeat(Path(out_dir))
    if beat is None:
        output.error("unhealthy: no heartbeat yet (is `digest schedule` running?)")
        sys.exit(EXIT_FAILED)
    age_hours = (datetime.now(UTC) - beat.finished_at).total_seconds() / 3600
    # What the run came to, so "last build" is not read as an issue built.
    outcome = f": {beat.result}" if beat.result else ""
    click.echo(
        f"last {beat.kind} at {beat.finished_at.isoformat()} ({age_hours:.1f} h ago){outcome}"
    )
    if beat.failed:
        # Alive, but the issue did not go out: a check that only asks "alive?" would
        # stay green all week.
        output.error(
            "unhealthy: the last scheduled build failed: %s; fix it, then run `digest "
            "schedule --once` or wait for the next build",
            beat.failed,
        )
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK if age_hours <= max_age_hours else EXIT_FAILED)


def _addresses(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """Each --to as a plain address (Name <addr> accepted), checked before connecting."""
    checked = []
    for value in values:
        _name, address = parseaddr(value)
        local, _, domain = address.rpartition("@")
        has_domain = "." in domain.strip(".") or domain == "localhost"
        if not local or not has_domain or any(c.isspace() for c in address):
            raise click.BadParameter(
                f'"{value}" is not an email address; write it as name@example.org.'
            )
        checked.append(value.strip())
    return tuple(checked)


@click.command()
@config_option
@click.argument("issue_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--to",
    "recipients",
    multiple=True,
    required=True,
    callback=_addresses,
    help="Recipient address; repeat for several.",
)
def send(config_path: str, issue_dir: str, recipients: tuple[str, ...]) -> None:
    """Send a built issue over SMTP (settings under smtp:, credentials from env).

    The server is smtp.host, smtp.port and smtp.security in feeds.yaml. The user
    name and password come from the environment variables DIGEST_SMTP_USER and
    DIGEST_SMTP_PASSWORD (or those named by smtp.username_env and
    smtp.password_env), never from the file; without them no login is tried.

    Example: digest send out/2026-11-23 --to editors@example.org
    """
    from digest.send import send_issue

    config = load_config(config_path)
    if _is_draft(Path(issue_dir)):
        # A proof to oneself is what a draft is for; a list send of one is a mistake the
        # next issue would repeat (its stories do not count as sent).
        output.warning(
            "%s is a draft (digest build): sending it as a proof; its stories do not "
            "count as sent. `digest run` builds the issue to send to subscribers.",
            issue_dir,
        )
    configured = "smtp" in config.model_fields_set
    message_id = send_issue(Path(issue_dir), list(recipients), config.smtp, configured=configured)
    output.info("sent %s to %s", message_id, ", ".join(recipients))


def _is_draft(issue_dir: Path) -> bool:
    """Whether the issue in ``issue_dir`` was built as a draft (its digest.json says so)."""
    try:
        document = json.loads((issue_dir / "digest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # send_issue reports what is missing
    return isinstance(document, dict) and document.get("draft") is True
