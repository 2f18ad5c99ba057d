"""What the command line says, and how: options anywhere, JSON lines throughout, the
progress display, checked arguments, and messages that give the whole story."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli

from .local_site import serve_outlets, write_config

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """The real console entry point (``main``), as a user's shell runs it."""
    return subprocess.run(
        [sys.executable, "-c", "from digest.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def test_verbose_and_log_format_work_after_the_command(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = str(write_config(site, tmp_path))
        before = CliRunner().invoke(cli, ["-v", "fetch", "--config", config])
        after = CliRunner().invoke(cli, ["fetch", "--config", config, "-v"])
        nested = CliRunner().invoke(cli, ["feeds", "status", "--config", config, "-vv"])
        as_json = CliRunner().invoke(cli, ["fetch", "--config", config, "--log-format", "json"])
    assert before.exit_code == after.exit_code == nested.exit_code == 0, after.output
    assert "INFO: Polling feeds: 2/2" in before.output
    assert "INFO: Polling feeds: 2/2" in after.output
    assert json.loads(as_json.stderr.splitlines()[-1])["message"].startswith("2 feeds polled")


def test_log_format_json_makes_every_line_json(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
        "fetch: {retries: 0}\n"
        "feeds:\n"
        '  - {url: "http://127.0.0.1:9/a.xml", name: A}\n'
        '  - {url: "http://127.0.0.1:9/b.xml", name: B}\n'
    )
    out = str(tmp_path / "out")
    runs = {
        "nothing to send": _run(
            "--log-format", "json", "run", "--config", str(config), "--out", out
        ),
        "config error": _run("run", "--config", str(tmp_path / "nope.yaml"), "--log-format=json"),
        "usage error": _run("--log-format", "json", "run", "--no-such-option"),
        "summary": _run("fetch", "--config", str(config), "--log-format", "json"),
    }
    for what, run in runs.items():
        lines = run.stderr.splitlines()
        assert lines, what
        records = [json.loads(line) for line in lines]  # fails on any line not JSON
        assert all({"time", "level", "logger", "message"} <= set(r) for r in records), what
    assert runs["nothing to send"].returncode == 3
    assert records_of(runs["nothing to send"])[-1]["level"] == "error"
    assert "nothing fetched yet" in records_of(runs["nothing to send"])[-1]["message"]
    assert "digest init" in records_of(runs["config error"])[0]["message"]
    assert runs["usage error"].returncode == 2
    assert "No such option" in records_of(runs["usage error"])[0]["message"]
    summary = records_of(runs["summary"])
    assert summary[-2]["message"].startswith("2 feeds polled (2 failed)")
    assert summary[-1]["level"] == "error" and "every feed failed" in summary[-1]["message"]
    assert runs["summary"].returncode == 3


def records_of(run: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    return [json.loads(line) for line in run.stderr.splitlines()]


def test_progress_shows_fetching_pages_and_extracting_text_apart(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = str(write_config(site, tmp_path))
        result = CliRunner().invoke(cli, ["fetch", "--config", config, "-v"])
    assert result.exit_code == 0, result.output
    steps = [line.split(":")[1].strip() for line in result.output.splitlines() if "/6" in line]
    assert "Fetching pages" in steps and "Extracting text" in steps, result.output
    assert "INFO: Fetching pages: 6/6" in result.output
    assert "INFO: Extracting text: 6/6" in result.output


class _Hanging(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(3)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hanging_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hanging)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_a_hanging_feed_says_how_long_it_held_the_run(tmp_path: Path, hanging_url: str) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
        "fetch: {timeout_seconds: 0.4, retries: 1}\n"
        f'feeds: [{{url: "{hanging_url}", name: Slow News}}]\n'
    )
    result = CliRunner().invoke(cli, ["fetch", "--config", str(config)])
    [warning] = [line for line in result.output.splitlines() if "Slow News" in line]
    prefix = (
        f'WARNING: feed "Slow News" ({hanging_url}) failed: timed out after 0.4 s on each of '
        "2 tries (fetch.retries), "
    )
    assert warning.startswith(prefix), warning
    seconds = int(warning[len(prefix) :].split(" s in all")[0])
    assert seconds >= 1, warning  # two tries of 0.4 s and the wait between them


def test_send_checks_the_address_and_names_the_credentials(tmp_path: Path) -> None:
    issue = tmp_path / "2026-11-23"
    issue.mkdir()
    config = tmp_path / "feeds.yaml"
    config.write_text(
        'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
        'feeds: [{url: "https://example.org/rss", name: E}]\n'
        "smtp: {host: 127.0.0.1, port: 9}\n"
    )
    for bad in ("editors", "editors@example", "ed itors@example.org", "@example.org"):
        result = CliRunner().invoke(cli, ["send", str(issue), "--to", bad, "--config", str(config)])
        assert result.exit_code == 2, (bad, result.output)
        assert f'"{bad}" is not an email address; write it as name@example.org.' in result.output
    help_text = CliRunner().invoke(cli, ["send", "--help"], terminal_width=100).output
    assert "DIGEST_SMTP_USER" in help_text and "DIGEST_SMTP_PASSWORD" in help_text


def test_gitignore_covers_lock_files_and_the_demo_output() -> None:
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout (the .gitignore is checked in one)")
    paths = [
        "digest.db.3f2a9c1d0b7e.lock",
        "newsletter/digest.db.0123456789ab.lock",
        "digest.db.locks/issue-2026-11-23.lock",
        "newsletter/digest.db.locks/schema-migrations.lock",
        ".editorial.yaml.lock",
        "demo-out/2026-11-23/email.html",
        "digest-demo/index.html",
    ]
    run = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=REPO, capture_output=True, text=True
    )
    assert run.stdout.splitlines() == paths


def test_json_lines_on_a_terminal_draw_no_progress_bar(tmp_path: Path) -> None:
    """A container attached to a terminal still gets nothing but JSON lines."""
    import os
    import pty

    with serve_outlets() as site:
        config = str(write_config(site, tmp_path))
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "digest", "--log-format", "json", "fetch", "--config", config],
            cwd=REPO,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "TERM": "xterm"},
            stdout=subprocess.DEVNULL,
            stderr=follower,
        )
        os.close(follower)
        captured = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            captured += chunk
        os.close(leader)
        assert process.wait(timeout=120) == 0
    lines = [line for line in captured.decode().replace("\r", "").split("\n") if line]
    assert lines, "nothing was written to the terminal"
    for line in lines:
        json.loads(line)  # a progress bar's drawing is not JSON
