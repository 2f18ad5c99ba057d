"""The scheduler's trigger across DST changes, driven by a fake clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.schedule import build_trigger

BRUSSELS = ZoneInfo("Europe/Brussels")


def _fires(cron: str, start: datetime, count: int) -> list[datetime]:
    """Step a trigger like the scheduler does: each run asks for the next instant."""
    trigger = build_trigger(cron, "Europe/Brussels")
    fires: list[datetime] = []
    previous = None
    now = start
    for _ in range(count):
        moment = trigger.get_next_fire_time(previous, now)
        assert moment is not None
        fires.append(moment.astimezone(UTC))
        previous, now = moment, moment.astimezone(UTC) + timedelta(microseconds=1)
    return fires


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_weekly_build_keeps_local_time_across_autumn_change() -> None:
    fires = _fires("0 6 * * MON", datetime(2026, 10, 12, tzinfo=BRUSSELS), 4)
    # 06:00 Brussels is 04:00 UTC in summer time and 05:00 UTC after 25 October.
    assert fires == [
        _utc(2026, 10, 12, 4, 0),
        _utc(2026, 10, 19, 4, 0),
        _utc(2026, 10, 26, 5, 0),
        _utc(2026, 11, 2, 5, 0),
    ]


def test_repeated_hour_in_autumn_runs_once() -> None:
    fires = _fires("30 2 * * *", datetime(2026, 10, 24, tzinfo=BRUSSELS), 3)
    assert fires == [
        _utc(2026, 10, 24, 0, 30),  # 02:30 CEST
        _utc(2026, 10, 25, 0, 30),  # 02:30 CEST, first of the two 02:30s
        _utc(2026, 10, 26, 1, 30),  # 02:30 CET: the second 02:30 of the 25th is skipped
    ]


def test_missing_hour_in_spring_still_runs() -> None:
    fires = _fires("30 2 * * *", datetime(2026, 3, 28, tzinfo=BRUSSELS), 3)
    assert fires == [
        _utc(2026, 3, 28, 1, 30),  # 02:30 CET
        _utc(2026, 3, 29, 1, 30),  # 02:30 does not exist on the 29th: runs at 03:30 CEST
        _utc(2026, 3, 30, 0, 30),  # 02:30 CEST
    ]


def test_health_says_what_the_last_build_came_to(tmp_path: Path) -> None:
    """A scheduler that ran but built nothing is alive (exit 0), and says so: "last
    build" alone read as an issue built."""
    from click.testing import CliRunner

    from digest.cli import cli
    from digest.schedule import heartbeat_path

    finished = datetime.now(UTC).isoformat(timespec="seconds")
    heartbeat_path(tmp_path).write_text(
        json.dumps({"kind": "build", "finished_at": finished, "result": "nothing to send"})
    )
    result = CliRunner().invoke(cli, ["health", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output.strip().endswith("h ago): nothing to send")


def test_a_failed_scheduled_build_makes_the_health_check_fail_until_one_works(
    tmp_path: Path,
) -> None:
    """A scheduler whose build fails (an editor's typo in the config) is alive, but the
    issue did not go out: health says so, and a poll in between does not hide it."""
    from click.testing import CliRunner

    from digest.cli import cli
    from digest.cli._shared import EXIT_FAILED
    from digest.schedule import read_heartbeat, run_scheduled_build, run_scheduled_poll

    config = tmp_path / "feeds.yaml"
    out = tmp_path / "out"
    good = (
        'newsletter: {name: Test, from: "Ed <ed@example.org>", unsubscribe: "https://x.org/u"}\n'
        "fetch: {allow_private: true}\n"
        'feeds:\n  - {url: "http://127.0.0.1:9/rss", name: Nowhere}\n'
    )
    config.write_text(good.replace("feeds:\n", "feeds:\n\t"))  # a tab: not valid YAML

    assert run_scheduled_build(config, out) is None
    beat = read_heartbeat(out)
    assert beat is not None and "not valid YAML" in beat.failed
    health = CliRunner().invoke(cli, ["health", "--out", str(out)])
    assert health.exit_code == EXIT_FAILED
    assert "unhealthy: the last scheduled build failed" in health.output

    # The editor fixes the file; the next poll works, and the failure still shows.
    config.write_text(good)
    run_scheduled_poll(config, out)
    beat = read_heartbeat(out)
    assert beat is not None and beat.kind == "poll" and "not valid YAML" in beat.failed
    assert CliRunner().invoke(cli, ["health", "--out", str(out)]).exit_code == EXIT_FAILED

    # A build that runs (here with nothing to send) clears it.
    run_scheduled_build(config, out)
    beat = read_heartbeat(out)
    assert beat is not None and beat.kind == "build" and not beat.failed
    assert CliRunner().invoke(cli, ["health", "--out", str(out)]).exit_code == 0


def test_a_heartbeat_file_this_version_did_not_write_is_no_heartbeat(tmp_path: Path) -> None:
    from digest.schedule import heartbeat_path, read_heartbeat

    for text in ("[]", "null", '"x"', '{"kind": "poll", "finished_at": 123}', "{"):
        heartbeat_path(tmp_path).write_text(text)
        assert read_heartbeat(tmp_path) is None, text
