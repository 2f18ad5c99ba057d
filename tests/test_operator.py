"""An operator's week through the command line: nothing recorded that was not built,
drafts that never use up or overwrite what was sent, and output that says what happened.

Feeds are two fictional outlets on 127.0.0.1 (``tests/local_site.py``), dated relative
to the real clock, as an operator's would be.
"""

from __future__ import annotations

import ctypes
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, func, select

from digest.cli import cli
from digest.sample import serve_sample, write_sample_config
from digest.store import schema

from .local_site import LocalSite, serve_outlets, write_config

REPO = Path(__file__).resolve().parents[1]


def _digest(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _issue_dirs(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir()) if out.exists() else []


def _story_ids(issue: Path) -> list[str]:
    data = json.loads((issue / "digest.json").read_text())
    return [story["id"] for topic in data["topics"] for story in topic["stories"]]


def test_a_run_that_builds_nothing_writes_and_records_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serve_outlets() as site:
        # Every feed broken: the URLs answer 404.
        broken = {name: url.replace("feed.xml", "gone.xml") for name, url in site.feeds.items()}
        config = write_config(site, tmp_path)
        good = config.read_text()
        text = good
        for name, url in site.feeds.items():
            text = text.replace(url, broken[name])
        config.write_text(text)
        failed = _digest("run", "--config", str(config), "--out", str(out))
        assert failed.exit_code == 3, failed.output
        assert _issue_dirs(out) == [], "an empty issue, archive page or feed.xml was written"
        assert "nothing fetched yet: no feed has given an article" in failed.output
        assert "No issue was written or recorded" in failed.output
        status = _digest("status", "--config", str(config))
        assert "final issue built" not in status.output and " ok" not in status.output
        assert "nothing fetched yet" in status.output
        # The feeds fixed, the next run builds this issue.
        config.write_text(good)
        fixed = _digest("run", "--config", str(config), "--out", str(out))
    assert fixed.exit_code == 0, fixed.output
    assert "already built" not in fixed.output
    [issue] = [p for p in out.iterdir() if p.is_dir()]
    assert _story_ids(issue), "the fixed run built an empty issue"
    feed = (out / "feed.xml").read_text()
    assert feed.count("<entry>") == 1 and "0 stories" not in feed


def test_a_window_without_stories_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    with serve_outlets() as site:
        config = write_config(site, tmp_path)
        assert _digest("fetch", "--config", str(config)).exit_code == 0
    result = _digest("build", "--config", str(config), "--out", str(out), "--now", later)
    assert result.exit_code == 3
    assert _issue_dirs(out) == []
    assert "no stories in the window" in result.output and "No issue was written" in result.output
    # Why: the newest article is older than the window, and what to do about it.
    assert "no article in this issue's window" in result.output
    assert "the newest in the store was published" in result.output and "--now" in result.output


def test_a_draft_never_uses_up_or_rewrites_what_was_sent(tmp_path: Path) -> None:
    """A try-out (`digest build`) after the final build of the same issue changes
    nothing about what counts as sent: the next issue still leaves those stories out."""
    now = datetime.now(UTC).replace(microsecond=0)
    next_week = (now + timedelta(days=7)).isoformat()
    with serve_outlets(now=now) as site:
        # Two weeks of news per issue, so next week's window still holds this week's.
        config = write_config(site, tmp_path)
        config.write_text(
            config.read_text().replace("unsubscribe:", "window_days: 14, unsubscribe:")
        )
        args = ["--config", str(config)]
        assert _digest("fetch", *args).exit_code == 0
        tried = _digest("build", *args, "--out", str(tmp_path / "try"), "--now", now.isoformat())
        assert tried.exit_code == 0, tried.output
        sent = _digest("run", *args, "--out", str(tmp_path / "out"), "--now", now.isoformat())
        assert sent.exit_code == 0, sent.output
    issue = tmp_path / "out" / now.date().isoformat()
    stories = _story_ids(issue)
    assert stories == _story_ids(tmp_path / "try" / now.date().isoformat()), (
        "the try-out used up stories of the final issue"
    )
    # The editors drop a story and build another draft of the sent issue elsewhere.
    dropped = stories[0]
    (tmp_path / "editorial.yaml").write_text(f"stories:\n  {dropped}: {{drop: true}}\n")
    redraft = _digest("build", *args, "--out", str(tmp_path / "try2"), "--now", now.isoformat())
    assert redraft.exit_code == 0, redraft.output
    why = _digest("why", dropped, *args)
    assert ": in under" in why.output, why.output
    (tmp_path / "editorial.yaml").unlink()
    following = _digest("build", *args, "--out", str(tmp_path / "next"), "--now", next_week)
    # Every story went out last week: nothing new to send.
    assert following.exit_code == 3, following.output
    # It says why: every story of the window went out last week, not "fix the warnings".
    assert "no story to print in the window" in following.output
    assert "sent in an earlier issue, with nothing new since" in following.output
    assert "fix what the warnings above say" not in following.output
    # Each command says which kind of build it made, and `why` which build it means.
    assert "a try-out: nothing counts as sent" in tried.output
    assert "its stories now count as sent" in sent.output
    assert why.output.startswith(f"{now.date()} (sent: final build of ")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _sent_issue(site: LocalSite, tmp_path: Path) -> tuple[list[str], Path, dict[str, bytes]]:
    """A final run of the local outlets into ``tmp_path/out``: the arguments it took, the
    issue's folder and its files as sent."""
    config = write_config(site, tmp_path)
    args = ["--config", str(config), "--out", str(tmp_path / "out")]
    assert _digest("run", *args).exit_code == 0
    [issue] = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
    return args, issue, _files(issue)


def test_a_draft_refuses_to_overwrite_a_sent_issue_and_force_keeps_the_sent_copy(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    with serve_outlets() as site:
        args, issue, sent = _sent_issue(site, tmp_path)
    (tmp_path / "editorial.yaml").write_text(
        f"stories:\n  {_story_ids(issue)[0]}: {{headline: A draft headline}}\n"
    )
    refused = _digest("build", *args)
    assert refused.exit_code == 2, refused.output
    assert f"error: {issue}: issue {issue.name} was already sent (final build of " in (
        refused.output
    )
    assert "--force: the sent copy is then kept as" in refused.output
    assert _files(issue) == sent
    # Moved (or restored from a backup), the folder no longer matches the store's record
    # of where the issue was written; its own digest.json still says it was sent.
    moved = tmp_path / "moved"
    out.rename(moved)
    elsewhere = _digest("build", *args[:2], "--out", str(moved))  # the same feeds.yaml
    assert elsewhere.exit_code == 2, elsewhere.output
    assert f"issue {issue.name} was already sent" in elsewhere.output
    assert _files(moved / issue.name) == sent
    moved.rename(out)
    forced = _digest("build", *args, "--force")
    assert forced.exit_code == 0, forced.output
    kept = issue.with_name(issue.name + ".sent")
    assert f"kept the sent copy of issue {issue.name} as {kept}" in forced.output
    assert _files(kept) == sent
    assert "A draft headline" in (issue / "digest.json").read_text()
    # The store knows where the sent files went; a second draft replaces the first.
    assert f"into {kept};" in _digest("run", *args).output
    assert _digest("build", *args).exit_code == 0
    # A final rebuild replaces the draft; another keeps the files of the one before it.
    assert _digest("run", *args, "--force").exit_code == 0
    assert not issue.with_name(issue.name + ".sent-2").exists()
    assert "A draft headline" in (issue / "digest.json").read_text()
    again = _digest("run", *args, "--force")
    assert again.exit_code == 0, again.output
    assert "A draft headline" in (out / f"{issue.name}.sent-2" / "digest.json").read_text()
    assert _files(kept) == sent
    assert (out / "feed.xml").read_text().count("<entry>") == 1


def test_a_final_run_with_no_record_of_the_sent_issue_keeps_its_files_aside(
    tmp_path: Path,
) -> None:
    with serve_outlets() as site:
        args, issue, sent = _sent_issue(site, tmp_path)
        # The store lost its record (restored without it, or killed before recording):
        # cron's next run must neither stop every week nor write over what was sent.
        for store_file in tmp_path.glob("digest.db*"):
            if store_file.is_dir():
                shutil.rmtree(store_file)  # its lock files (digest.db.locks/)
            else:
                store_file.unlink()
        again = _digest("run", *args)
    assert again.exit_code == 0, again.output
    kept = issue.with_name(issue.name + ".sent")
    assert _files(kept) == sent
    assert json.loads((issue / "digest.json").read_text())["draft"] is False


def _spawn(*args: str, cwd: Path, background: bool = False) -> subprocess.Popen[str]:
    """``digest`` with ``args``; ``background``: with Ctrl-C ignored, as a shell starts
    a job with "&"."""
    return subprocess.Popen(
        [sys.executable, "-m", "digest", *args],
        cwd=cwd,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if background else None,
    )


def test_schedule_once_says_which_build_made_the_issue(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = write_config(site, tmp_path)
        manual = _digest("run", "--config", str(config), "--out", str(tmp_path / "elsewhere"))
        assert manual.exit_code == 0
        once = _spawn("schedule", "--once", "--config", str(config), "--out", "out", cwd=tmp_path)
        _stdout, stderr = once.communicate(timeout=120)
    assert once.returncode == 0, stderr
    [line] = [line for line in stderr.splitlines() if "already built" in line]
    assert re.fullmatch(
        r"INFO: issue \d{4}-\d\d-\d\d was already built by a final build at "
        rf"\d{{4}}-\d\d-\d\d \d\d:\d\d UTC into {re.escape(str(tmp_path / 'elsewhere'))}/"
        r"\d{4}-\d\d-\d\d; nothing to do",
        line,
    ), line
    assert "build finished" not in stderr and not (tmp_path / "out" / "2").exists()
    assert not any(p.is_dir() for p in (tmp_path / "out").iterdir())


def _wait_for_line(process: subprocess.Popen[str], text: str, timeout: float = 60) -> str:
    assert process.stderr is not None
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        if text in line:
            return line
    raise AssertionError(f"no line with {text!r} in {''.join(seen)!r}")


def test_the_scheduler_logs_its_next_run_and_exits_130_on_ctrl_c(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = write_config(site, tmp_path)
        config.write_text(config.read_text() + 'schedule: {cron: "0 6 * * MON"}\n')
        scheduler = _spawn("schedule", "--config", str(config), "--out", "out", cwd=tmp_path)
        started = _wait_for_line(scheduler, "scheduler started")
        scheduler.send_signal(signal.SIGINT)
        scheduler.communicate(timeout=60)
        assert scheduler.returncode == 130
        assert re.fullmatch(
            r"INFO: scheduler started: build on '0 6 \* \* MON' \(UTC\); next build at "
            r"\d{4}-\d\d-\d\d 06:00 UTC\n",
            started,
        ), started
        stopped = _spawn("schedule", "--config", str(config), "--out", "out", cwd=tmp_path)
        _wait_for_line(stopped, "scheduler started")
        stopped.send_signal(signal.SIGTERM)
        stopped.communicate(timeout=60)
    assert stopped.returncode == 0, "a stopped container's scheduler exits 0"


def _signal_another_thread(pid: int, number: int) -> None:
    """Send a signal to a thread of ``pid`` other than its main one that can take it.

    The kernel hands a signal sent to a process to any thread that does not block it:
    rarely a helper's (OpenBLAS starts one when numpy is imported). This makes the
    rare case happen every time.
    """
    for task in sorted(Path(f"/proc/{pid}/task").iterdir()):
        status = (task / "status").read_text()
        [mask] = [line.split()[1] for line in status.splitlines() if line.startswith("SigBlk:")]
        if int(task.name) != pid and not int(mask, 16) & (1 << (number - 1)):
            assert ctypes.CDLL(None, use_errno=True).tgkill(pid, int(task.name), number) == 0
            return
    raise AssertionError(f"process {pid} has no other thread that takes signal {number}")


_NO_FEEDS = """\
newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}
feeds: [{url: "http://127.0.0.1:9/feed.xml", name: Nowhere}]
schedule: {cron: "0 6 * * MON"}
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads threads from /proc (Linux)")
@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 0)])
def test_the_scheduler_stops_whichever_thread_takes_the_signal(
    tmp_path: Path, number: int, code: int
) -> None:
    (tmp_path / "feeds.yaml").write_text(_NO_FEEDS)
    scheduler = _spawn("schedule", "--config", "feeds.yaml", "--out", "out", cwd=tmp_path)
    try:
        _wait_for_line(scheduler, "scheduler started")
        _signal_another_thread(scheduler.pid, number)
        _stdout, stderr = scheduler.communicate(timeout=60)
    finally:
        scheduler.kill()
    assert scheduler.returncode == code, stderr
    assert "finishing the current job, if any, then exiting" in stderr


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads threads from /proc (Linux)")
def test_the_preview_stops_whichever_thread_takes_the_signal(tmp_path: Path) -> None:
    (tmp_path / "feeds.yaml").write_text(_NO_FEEDS)
    (tmp_path / "tmp").mkdir()
    preview = subprocess.Popen(
        [sys.executable, "-m", "digest", "preview", "--config", "feeds.yaml", "--port", "0"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path / "tmp")},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_line(preview, "preview at http://")
        _signal_another_thread(preview.pid, signal.SIGTERM)
        _stdout, stderr = preview.communicate(timeout=60)
    finally:
        preview.kill()
    assert preview.returncode == 130, stderr
    assert list((tmp_path / "tmp").iterdir()) == [], "the preview left its temporary folder"


def test_status_is_a_table_of_every_command_newest_first(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = write_config(site, tmp_path)
        args = ["--config", str(config)]
        out = ["--out", str(tmp_path / "out")]
        # Before anything ran: nothing recorded, and asking creates nothing.
        before = set(tmp_path.iterdir())
        empty = _digest("status", *args)
        assert empty.exit_code == 0 and "no store yet at" in empty.output
        assert json.loads(_digest("status", *args, "--json").output) == []
        why = _digest("why", *args)
        assert why.exit_code == 3 and "no store yet at" in why.output
        # A headline pasted for an id is a usage error, store or not.
        pasted = _digest("why", "Greenland vote", *args)
        assert pasted.exit_code == 2 and "is neither a story id" in pasted.output
        assert set(tmp_path.iterdir()) == before
        assert _digest("fetch", *args).exit_code == 0
        assert _digest("build", *args, *out).exit_code == 0
        assert _digest("run", *args, *out).exit_code == 0
        # An issue clock in the past: runs still list in the order they ran.
        past = "2020-01-06T06:00:00+00:00"
        assert _digest("build", *args, *out, "--now", past).exit_code == 3
    status = _digest("status", *args)
    assert status.exit_code == 0
    lines = status.output.splitlines()
    assert lines[0].split() == [
        "time",
        "(UTC)",
        "command",
        "issue",
        "stories",
        "warnings",
        "result",
    ]
    commands = [line.split()[2] for line in lines[1:]]
    assert commands == ["build", "run", "build", "fetch"]
    assert lines[1].split()[3:] == ["2020-01-06", "0", "0", "nothing", "to", "send"]
    assert lines[2].endswith("final issue built") and lines[3].endswith("draft built")
    assert re.search(
        r"fetch\s+0\s+2 feeds polled \(0 failed\), 6 new articles, 6 of 6 pages read$", lines[4]
    )
    assert "{" not in status.output, "raw JSON in the table"
    limited = _digest("status", *args, "--limit", "2")
    assert len(limited.output.splitlines()) == 3
    data = json.loads(_digest("status", *args, "--json").output)
    assert [run["command"] for run in data] == commands
    assert data[1]["result"] == "final issue built" and data[1]["ok"] is True
    assert data[1]["summary"]["stories"] > 0


def test_preview_rebuilds_are_not_runs(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = write_config(site, tmp_path)
        assert _digest("fetch", "--config", str(config)).exit_code == 0
    preview = _spawn("preview", "--config", str(config), "--port", "0", cwd=tmp_path)
    try:
        _wait_for_line(preview, "preview at http://")
    finally:
        preview.send_signal(signal.SIGINT)
        preview.communicate(timeout=60)
    status = _digest("status", "--config", str(config))
    assert "digest-preview-" not in status.output
    assert [line.split()[2] for line in status.output.splitlines()[1:]] == ["fetch"]


def test_feeds_status_shows_the_configured_feeds_in_full(tmp_path: Path) -> None:
    with serve_outlets() as site:
        old = '  - {url: "http://127.0.0.1:9/old.xml", name: Old Gazette}\n'
        config = write_config(site, tmp_path, extra=old)
        assert _digest("fetch", "--config", str(config)).exit_code == 0
        write_config(site, tmp_path)  # the editors remove the Old Gazette
    # A pipe, as in a cron mail or a log: no terminal width to cut to.
    run = subprocess.run(
        [sys.executable, "-m", "digest", "feeds", "status", "--config", str(config)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "COLUMNS": "80"},
    )
    assert run.returncode == 0, run.stderr
    rows = run.stdout.splitlines()
    assert [row.split("  ")[0] for row in rows] == [
        "feed",
        "The Harbour Post",
        "The Northern Ledger",
    ]
    for row in rows[1:]:
        assert re.search(r"  ok  +\d{4}-\d\d-\d\d \d\d:\d\d  +0  +3$", row), row
    assert "Old Gazette" not in run.stdout
    assert "1 feed(s) no longer in" in run.stderr and "Old Gazette" in run.stderr


def test_feeds_status_says_a_feed_with_nothing_new_in_words(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        # Before any poll: every feed never polled, and reading that writes nothing.
        before = _digest("feeds", "status", "--config", str(config))
        assert before.exit_code == 0 and "never polled" in before.output
        assert not (tmp_path / "digest.db").exists()
        for _ in range(2):  # the second poll: the sample's feeds answer 304
            _digest("fetch", "--config", str(config), "--now", site.now.isoformat())
        status = _digest("feeds", "status", "--config", str(config))
    assert status.exit_code == 0, status.output
    assert "not modified (304)" in status.output and "not_modified" not in status.output


def _extracted(database: Path) -> int:
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as connection:
            query = select(func.count()).select_from(schema.articles)
            return int(
                connection.execute(
                    query.where(schema.articles.c.extracted_at.is_not(None))
                ).scalar()
                or 0
            )
    finally:
        engine.dispose()


def _pages_served(hits: Counter[str]) -> int:
    return sum(count for path, count in hits.items() if path.endswith(".html"))


@pytest.mark.parametrize(
    ("number", "background"),
    [(signal.SIGINT, False), (signal.SIGTERM, False), (signal.SIGTERM, True)],
)
def test_ctrl_c_while_fetching_pages_keeps_every_page_fetched(
    tmp_path: Path, number: signal.Signals, background: bool
) -> None:
    """Pages are saved as they arrive: Ctrl-C (or a SIGTERM, from a cron timeout) loses
    none, says so, and a rerun fetches the rest."""
    # Slow enough that a test process starved by a busy machine still sees the fetch
    # under way (at 0.25 s a fetch once finished before the test saw 8 pages).
    with serve_sample(week=1, delay=0.5) as site:
        config = write_sample_config(site, tmp_path)
        fetch = _spawn(
            "fetch",
            "--config",
            str(config),
            "--now",
            site.now.isoformat(),
            cwd=tmp_path,
            background=background,
        )
        deadline = time.monotonic() + 120
        while (served_before := _pages_served(site.hits)) < 8:
            assert fetch.poll() is None and time.monotonic() < deadline, fetch.communicate()
            time.sleep(0.05)
        fetch.send_signal(number)
        _stdout, stderr = fetch.communicate(timeout=60)
        assert fetch.returncode == 130, stderr
        kept = _extracted(tmp_path / "digest.db")
        # Served but not yet saved at Ctrl-C: the two in flight (fetch.per_host) and
        # the one being saved.
        assert kept >= served_before - 3, f"{kept} kept of {served_before} pages served"
        assert stderr.splitlines()[-1] == (
            "error: interrupted; what was already stored (feeds polled, pages read) is kept, "
            "and the next run goes on from there"
        ), stderr
        served = {path for path, n in site.hits.items() if path.endswith(".html")}
        rerun = _spawn(
            "fetch", "--config", str(config), "--now", site.now.isoformat(), cwd=tmp_path
        )
        assert rerun.wait(timeout=300) == 0
    assert _extracted(tmp_path / "digest.db") == 36
    fetched_twice = [path for path in served if site.hits[path] > 1]
    # At most the few pages in flight at the moment of Ctrl-C are fetched again.
    assert len(fetched_twice) <= 3, fetched_twice
