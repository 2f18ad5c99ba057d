"""The scheduler's trigger across DST changes, driven by a fake clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.sample import serve_sample, write_sample_config
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

    # The build runs, but its one feed gives nothing: no issue can go out, and health
    # says so rather than "alive".
    run_scheduled_build(config, out)
    beat = read_heartbeat(out)
    assert beat is not None and beat.kind == "build" and "nothing fetched" in beat.failed
    assert CliRunner().invoke(cli, ["health", "--out", str(out)]).exit_code == EXIT_FAILED

    # A build that works clears it.
    with serve_sample(week=1) as site:
        working = write_sample_config(site, tmp_path / "working")
        assert run_scheduled_build(working, out, now=site.now) is not None
    beat = read_heartbeat(out)
    assert beat is not None and beat.kind == "build" and not beat.failed
    assert CliRunner().invoke(cli, ["health", "--out", str(out)]).exit_code == 0


def test_a_final_build_whose_folder_is_gone_is_not_nothing_to_do(tmp_path: Path) -> None:
    """The out folder cleaned, moved or on a lost volume: "already built; nothing to do"
    would leave cron green with no issue to send. It fails, and says what to do."""
    import shutil

    from click.testing import CliRunner

    from digest.cli import cli
    from digest.cli._shared import EXIT_FAILED
    from digest.schedule import read_heartbeat, run_scheduled_build

    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        out = tmp_path / "out"
        run = ["run", "--config", str(config), "--out", str(out), "--now", site.now.isoformat()]
        assert CliRunner().invoke(cli, run).exit_code == 0
        again = CliRunner().invoke(cli, run)
        assert again.exit_code == 0 and "already built" in again.output
        # The project moved: the issue is where this run writes, not where it was built.
        moved = tmp_path / "moved"
        shutil.copytree(out, moved)
        elsewhere = [*run[:4], str(moved), *run[5:]]
        assert CliRunner().invoke(cli, elsewhere).exit_code == 0
        shutil.rmtree(out)
        assert CliRunner().invoke(cli, elsewhere).exit_code == 0
        shutil.rmtree(moved)

        gone = CliRunner().invoke(cli, run)
        assert gone.exit_code == EXIT_FAILED
        assert "but that folder is gone" in gone.output and "--force" in gone.output
        assert run_scheduled_build(config, out, now=site.now) is not None
        beat = read_heartbeat(out)
        assert beat is not None and "folder is gone" in beat.failed
        # As it says: --force builds it again.
        forced = CliRunner().invoke(cli, [*run, "--force"])
        assert forced.exit_code == 0, forced.output
    assert (out / site.now.date().isoformat() / "email.eml").is_file()


def test_a_heartbeat_file_this_version_did_not_write_is_no_heartbeat(tmp_path: Path) -> None:
    from digest.schedule import heartbeat_path, read_heartbeat

    for text in ("[]", "null", '"x"', '{"kind": "poll", "finished_at": 123}', "{"):
        heartbeat_path(tmp_path).write_text(text)
        assert read_heartbeat(tmp_path) is None, text


def test_the_scheduled_job_is_tried_once_on_a_past_week_with_now(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from digest.cli import cli

    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        out = tmp_path / "out"
        once = ["schedule", "--config", str(config), "--out", str(out), "--once"]
        tried = CliRunner().invoke(cli, [*once, "--now", site.now.isoformat()])
        assert tried.exit_code == 0, tried.output
    assert (out / site.now.date().isoformat() / "email.eml").is_file()
    # The scheduler itself runs on the clock: --now alone is a usage error.
    alone = CliRunner().invoke(
        cli, ["schedule", "--config", str(config), "--now", site.now.isoformat()]
    )
    assert alone.exit_code == 2 and "--now is for --once" in alone.output
