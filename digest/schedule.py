"""APScheduler wiring: build on the config's cron, poll on ``poll_cron``, in the newsletter's zone.

Each job runs through the same orchestrator as ``digest run``. Jobs have
``max_instances=1`` and ``coalesce=True`` (missed runs collapse into one), a misfire
grace time from the config, and the store's build lock keeps a cron one-shot and the
scheduler from building the same issue at once. On SIGTERM the scheduler stops taking
jobs and waits for the running one; the store's per-stage commits make an abandoned
step safe to redo.
"""

from __future__ import annotations

import json
import logging
import signal
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    JobExecutionEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger

from digest.build import BuildOptions, BuildOutcome, IssueResult, run_issue
from digest.config import Config, load_config
from digest.errors import DigestError, LockedError
from digest.files import replace_file
from digest.ingest import run_fetch
from digest.signals import StopSignals, block_stop_signals
from digest.store import open_store

__all__ = [
    "DstSafeCronTrigger",
    "Heartbeat",
    "build_trigger",
    "heartbeat_path",
    "read_heartbeat",
    "run_scheduled_build",
    "run_scheduled_poll",
    "run_scheduler",
]

logger = logging.getLogger(__name__)


class DstSafeCronTrigger(BaseTrigger):  # type: ignore[misc]  # APScheduler 3 is untyped
    """A crontab trigger in a time zone that fires once per wall-clock time.

    APScheduler 3's CronTrigger fires twice when the clocks go back (02:30 exists twice
    on the last Sunday of October in Europe) and, when they go forward, fires at the
    first instant after the missing time. We keep the latter (no run is skipped) and
    drop the second firing of a repeated wall-clock time (no run is doubled).
    """

    def __init__(self, cron: str, timezone: str) -> None:
        self.zone = ZoneInfo(timezone)
        self.cron = CronTrigger.from_crontab(cron, timezone=self.zone)

    def _wall(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone).replace(tzinfo=None, fold=0)

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        candidate: datetime | None = self.cron.get_next_fire_time(previous_fire_time, now)
        while (
            candidate is not None
            and previous_fire_time is not None
            and self._wall(candidate) == self._wall(previous_fire_time)
        ):
            # Step in UTC: aware local arithmetic drops `fold`, so 02:30 (second) + 1 µs
            # would land back before the candidate and return it again.
            after = candidate.astimezone(UTC) + timedelta(microseconds=1)
            candidate = self.cron.get_next_fire_time(candidate, after)
        return candidate

    def __str__(self) -> str:
        return f"dst-safe {self.cron}"


def build_trigger(cron: str, timezone: str) -> DstSafeCronTrigger:
    """The trigger for a crontab line in an IANA zone, DST-safe."""
    return DstSafeCronTrigger(cron, timezone)


def heartbeat_path(out_dir: Path) -> Path:
    """File the container's HEALTHCHECK reads: the last successful run."""
    return out_dir / ".digest-heartbeat.json"


@dataclass(frozen=True, slots=True)
class Heartbeat:
    kind: str  # start, build or poll
    finished_at: datetime
    result: str = ""  # what a build came to ("built", "nothing to send", ...), if said
    # Why the last scheduled build failed, kept through later polls until a build works
    # or the scheduler is restarted (with a config it could load).
    failed: str = ""


def read_heartbeat(out_dir: Path) -> Heartbeat | None:
    try:
        data = json.loads(heartbeat_path(out_dir).read_text(encoding="utf-8"))
        return Heartbeat(
            str(data["kind"]),
            datetime.fromisoformat(data["finished_at"]),
            str(data.get("result") or ""),
            str(data.get("failed") or ""),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, or not a heartbeat this version wrote


def _write_heartbeat(out_dir: Path, summary: dict[str, Any]) -> None:
    """Write the heartbeat; a poll keeps the last build's failure (``Heartbeat.failed``),
    so a health check between weekly builds still sees it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if summary["kind"] == "poll":
        previous = read_heartbeat(out_dir)
        if previous is not None and previous.failed:
            summary = {**summary, "failed": previous.failed}
    path = heartbeat_path(out_dir)
    replace_file(path, json.dumps(summary, sort_keys=True, default=str))


def run_scheduled_build(
    config_path: Path, out_dir: Path, *, now: datetime | None = None, command: str = "schedule"
) -> IssueResult | None:
    """One final build on schedule; logs what came of it and returns it (None when it
    could not run). Never raises: the scheduler keeps going.
    """
    started = now or datetime.now(UTC).replace(microsecond=0)
    try:
        config = load_config(config_path)  # re-read: editors may have changed it
        options = BuildOptions(out_dir=out_dir, now=started, is_final=True, command=command)
        result = run_issue(config, options)
    except LockedError as error:
        logger.warning("build skipped: %s", error)
        return None
    except Exception as error:  # any failure is the build's: logged and in the heartbeat
        if isinstance(error, DigestError):
            logger.error("build failed: %s", error)
        else:
            logger.exception("build failed")
        _write_heartbeat(
            out_dir,
            {
                "kind": "build",
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "result": "failed",
                "failed": str(error),
            },
        )
        return None
    _log_build(result)
    summary = result.summary()
    summary["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    summary["kind"] = "build"
    if result.outcome is BuildOutcome.FILES_GONE:
        summary["failed"] = result.files_gone()
    elif result.outcome is BuildOutcome.NOTHING_FETCHED:
        # No feed has given an article: the issue cannot go out until one does, and the
        # health check says so until a build works, as for a build that raised. A week
        # with nothing new to send is a build that worked.
        summary["failed"] = f"{result.result_text}: no feed has given an article"
    _write_heartbeat(out_dir, summary)
    return result


def _log_build(result: IssueResult) -> None:
    date = result.issue.issue_date
    if result.outcome is BuildOutcome.ALREADY_BUILT:
        final = result.final
        where = f" at {final.built_at:%Y-%m-%d %H:%M} UTC into {final.path}" if final else ""
        logger.info("issue %s was already built by a final build%s; nothing to do", date, where)
    elif result.outcome is BuildOutcome.FILES_GONE:
        logger.error("%s", result.files_gone())
    elif result.outcome is BuildOutcome.BUILT:
        logger.info(
            "built final issue %s: %d stories, %d warning(s), %.1f s, in %s",
            date,
            len(result.issue.stories),
            len(result.issue.problems),
            result.seconds,
            result.path,
        )
    else:
        for problem in result.issue.problems:
            logger.warning("%s", problem)
        logger.error(
            "issue %s: %s; no issue written or recorded (see the warnings above), the next "
            "run tries again",
            date,
            result.result_text,
        )


def run_scheduled_poll(config_path: Path, out_dir: Path) -> None:
    """One poll on schedule (fetch and extract); logs it and beats. Never raises."""
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        config = load_config(config_path)
        with open_store(config.database_url) as store:
            report, _problems = run_fetch(config, store, now=now, command="poll")
    except DigestError as error:
        logger.error("poll failed: %s", error)
        return
    logger.info(
        "poll finished: %d feeds (%d failed), %d new articles",
        report.feeds_polled,
        report.feeds_failed,
        report.articles_new,
    )
    _write_heartbeat(out_dir, {"kind": "poll", "finished_at": now.isoformat()})


def run_scheduler(
    config: Config,
    config_path: Path,
    out_dir: Path,
    *,
    once: bool = False,
    now: datetime | None = None,
) -> int:
    """Block, running builds (and polls) on schedule until SIGTERM or SIGINT.

    Returns the exit code: 0 after SIGTERM (a container stopped), 130 after Ctrl-C
    (SIGINT), as every other command; with ``once``, 0 when the issue is built or
    already was, 3 when nothing could be built.
    """
    if once:
        result = run_scheduled_build(config_path, out_dir, now=now, command="schedule --once")
        return 0 if result is not None and (result.is_written or result.skipped) else 3
    zone = config.newsletter.timezone
    # Workers block SIGINT and SIGTERM: they are left to the main thread (see
    # digest.signals).
    workers = ThreadPoolExecutor(pool_kwargs={"initializer": block_stop_signals})
    scheduler = BackgroundScheduler(timezone=ZoneInfo(zone), executors={"default": workers})
    defaults = {
        "max_instances": 1,
        "coalesce": True,
        "misfire_grace_time": config.schedule.misfire_grace_seconds,
    }
    scheduler.add_job(
        run_scheduled_build,
        build_trigger(config.schedule.cron, zone),
        args=(config_path, out_dir),
        id="build",
        **defaults,
    )
    if config.schedule.poll_cron:
        scheduler.add_job(
            run_scheduled_poll,
            build_trigger(config.schedule.poll_cron, zone),
            args=(config_path, out_dir),
            id="poll",
            **defaults,
        )

    def next_runs(event: JobExecutionEvent) -> None:
        job = scheduler.get_job(event.job_id)
        if job is not None and job.next_run_time is not None:
            logger.info("next %s at %s", job.id, _local(job.next_run_time))

    scheduler.add_listener(next_runs, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    # The scheduler runs in its own thread and the main thread sleeps on StopSignals,
    # caught from here on, so a signal at any moment stops it, whichever thread the
    # kernel gives it to. (In CI, Ctrl-C once went to a library's thread and never woke
    # a main thread asleep in the scheduler's loop; and a handler that shut the
    # scheduler down itself could run while that loop held its wake-up event's lock.)
    with StopSignals() as stop:
        _write_heartbeat(out_dir, {"kind": "start", "finished_at": datetime.now(UTC).isoformat()})
        scheduler.start()
        first = scheduler.get_job("build").next_run_time
        logger.info(
            "scheduler started: build on %r (%s); next build at %s",
            config.schedule.cron,
            zone,
            _local(first) if first else "never",
        )
        number = stop.wait()
        logger.info(
            "received signal %d (%s): finishing the current job, if any, then exiting",
            number,
            signal.Signals(number).name,
        )
        # A second signal while the job finishes is noted and changes nothing.
        scheduler.shutdown(wait=True)
    return 130 if number == signal.SIGINT else 0


def _local(moment: datetime) -> str:
    """A fire time as the operator reads it: date, time and zone abbreviation."""
    return moment.strftime("%Y-%m-%d %H:%M %Z")
