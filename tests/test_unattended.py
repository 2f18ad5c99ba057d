"""Unattended operation with real processes: concurrent runs, concurrent pollers, kill -9.

Each test runs on SQLite and, when DIGEST_TEST_PG_URL is set (.ci/run sets it), on a
fresh PostgreSQL database.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from digest.sample import SampleSite, serve_sample, write_sample_config
from digest.store import schema

from .conftest import fresh_pg_database

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.db'}"
        return
    with fresh_pg_database(tmp_path.name) as url:
        yield url


def _config(site: SampleSite, directory: Path, store_url: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = write_sample_config(site, directory)
    path.write_text(path.read_text().replace('"sqlite:///digest.db"', f'"{store_url}"'))
    return path


def _digest(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "digest", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _count(url: str, query: Callable[[], object]) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(query()).scalar() or 0)  # type: ignore[call-overload]
    except Exception:  # the store may not exist yet while the process starts
        return 0
    finally:
        engine.dispose()


def test_two_concurrent_runs_build_the_issue_once(tmp_path: Path, store_url: str) -> None:
    with serve_sample(week=1, delay=0.02) as site:
        config = _config(site, tmp_path, store_url)
        out = tmp_path / "out"
        args = ("run", "--config", str(config), "--out", str(out), "--now", site.now.isoformat())
        first, second = _digest(*args), _digest(*args)
        results = [
            (p.wait(timeout=300), p.stdout.read() if p.stdout else "") for p in (first, second)
        ]
    built = [output for code, output in results if code == 0 and "built final issue" in output]
    others = [output for code, output in results if "built final issue" not in output]
    assert len(built) == 1, results
    [other] = others
    assert "already built" in other or "another digest process is building" in other, other
    issues = _count(store_url, lambda: select(func.count()).select_from(schema.issues))
    assert issues == 1


def test_two_pollers_fetch_each_article_once(tmp_path: Path, store_url: str) -> None:
    with serve_sample(week=1, delay=0.05) as site:
        config = _config(site, tmp_path, store_url)
        args = ("fetch", "--config", str(config), "--now", site.now.isoformat())
        pollers = [_digest(*args), _digest(*args)]
        outputs = [(p.wait(timeout=300), p.stdout.read() if p.stdout else "") for p in pollers]
        pages = {path: n for path, n in site.hits.items() if path.endswith(".html")}
    assert all(code == 0 for code, _ in outputs), outputs
    assert len(pages) >= 30
    assert {path: n for path, n in pages.items() if n != 1} == {}
    pending = _count(
        store_url,
        lambda: (
            select(func.count())
            .select_from(schema.articles)
            .where(schema.articles.c.extracted_at.is_(None))
        ),
    )
    assert pending == 0


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> bool:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.slow
def test_kill_9_at_any_stage_then_rerun_completes(tmp_path: Path, store_url: str) -> None:
    articles, extracted = schema.articles, schema.articles.c.extracted_at

    def polled() -> bool:
        return _count(store_url, lambda: select(func.count()).select_from(articles)) > 0

    def half_extracted() -> bool:
        count = select(func.count()).select_from(articles).where(extracted.is_not(None))
        return _count(store_url, lambda: count) >= 12

    def all_extracted() -> bool:
        count = select(func.count()).select_from(articles).where(extracted.is_(None))
        return polled() and _count(store_url, lambda: count) == 0

    with serve_sample(week=1, delay=0.08) as site:
        reference = _config(site, tmp_path / "reference", f"sqlite:///{tmp_path / 'ref.db'}")
        clean = _digest(
            "run",
            "--config",
            str(reference),
            "--out",
            str(tmp_path / "ref-out"),
            "--now",
            site.now.isoformat(),
        )
        assert clean.wait(timeout=300) == 0
        config = _config(site, tmp_path / "crashy", store_url)
        args = (
            "run",
            "--config",
            str(config),
            "--out",
            str(tmp_path / "out"),
            "--now",
            site.now.isoformat(),
            "--force",
        )
        killed_at = []
        for stage, condition in (
            ("polled", polled),
            ("extracting", half_extracted),
            ("building", all_extracted),
        ):
            process = _digest(*args)
            if _wait_for(condition, process):
                if stage == "polled":
                    # Alive on this machine: said to be running, not "running, or killed".
                    running = _digest("status", "--config", str(config), "--json")
                    output, _ = running.communicate(timeout=120)
                    assert json.loads(output)[0]["result"] == "running", output
                process.send_signal(signal.SIGKILL)
                killed_at.append(stage)
            process.wait(timeout=60)
        # The store's record of each killed run says so, not "running". (A run killed
        # in its first instant, before it recorded itself, is not listed at all: the
        # last stage's condition may already hold when it starts.)
        status = _digest("status", "--config", str(config), "--json")
        output, _ = status.communicate(timeout=120)
        results = [run["result"] for run in json.loads(output)]
        assert results.count("killed before it finished") >= 2, results
        assert not any(result.startswith("running") for result in results), results
        final = _digest(*args)
        assert final.wait(timeout=300) == 0, final.stdout.read() if final.stdout else ""
    assert killed_at[:2] == ["polled", "extracting"], killed_at
    day = site.now.date().isoformat()
    expected = json.loads((tmp_path / "ref-out" / day / "digest.json").read_text())
    got = json.loads((tmp_path / "out" / day / "digest.json").read_text())
    # The broken feed failed once per attempt, so its warning counts more failures.
    assert len(got.pop("warnings")) == len(expected.pop("warnings"))
    assert got == expected, "the issue after crashes differs from a clean build"
    total = _count(store_url, lambda: select(func.count()).select_from(articles))
    urls = _count(store_url, lambda: select(func.count(articles.c.url.distinct())))
    assert total == urls == 36
    if store_url.startswith("sqlite"):
        engine = create_engine(store_url)
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        engine.dispose()
    leftovers = [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]
    assert leftovers == [], "a killed build left a temporary directory behind"


def _claims(url: str) -> int:
    articles = schema.articles
    return _count(
        url,
        lambda: (
            select(func.count()).select_from(articles).where(articles.c.claimed_by.is_not(None))
        ),
    )


def _poll_then_run(
    site: SampleSite, config: Path, run_config: Path, out: Path, store_url: str
) -> tuple[int, str]:
    """Start a poller, and once it holds claims on pages, a build on the same store."""
    poller = _digest("fetch", "--config", str(config), "--now", site.now.isoformat())
    assert _wait_for(lambda: _claims(store_url) > 0, poller), "the poller never claimed pages"
    run = _digest(
        "run", "--config", str(run_config), "--out", str(out), "--now", site.now.isoformat()
    )
    code = run.wait(timeout=300)
    output = run.stdout.read() if run.stdout else ""
    assert poller.wait(timeout=300) == 0
    return code, output


def test_a_build_waits_for_the_pages_a_concurrent_poll_claimed(
    tmp_path: Path, store_url: str
) -> None:
    """Issue 13 item 7: the README starts the poll and the build at the same minute.

    The build must not write stories from feed summaries while the poller is still
    downloading their pages: it waits, and the issue equals a build made alone.
    """
    with serve_sample(week=1, delay=0.12) as site:
        alone = _config(site, tmp_path / "alone", f"sqlite:///{tmp_path / 'alone.db'}")
        reference = _digest(
            *("run", "--config", str(alone), "--out", str(tmp_path / "ref")),
            *("--now", site.now.isoformat()),
        )
        assert reference.wait(timeout=300) == 0
        config = _config(site, tmp_path / "shared", store_url)
        code, output = _poll_then_run(site, config, config, tmp_path / "out", store_url)
    assert code == 0, output
    day = site.now.date().isoformat()
    expected = json.loads((tmp_path / "ref" / day / "digest.json").read_text())
    got = json.loads((tmp_path / "out" / day / "digest.json").read_text())
    assert not [w for w in got["warnings"] if "another process" in w]
    assert len(got.pop("warnings")) == len(expected.pop("warnings"))
    assert got == expected, "the concurrent build differs from one made alone"


def test_a_build_that_cannot_wait_says_which_pages_it_lacks(tmp_path: Path, store_url: str) -> None:
    with serve_sample(week=1, delay=0.3) as site:
        config = _config(site, tmp_path / "shared", store_url)
        hurried = tmp_path / "hurried" / "feeds.yaml"
        hurried.parent.mkdir()
        hurried.write_text(
            config.read_text().replace(
                "  allow_private: true", "  allow_private: true\n  budget_seconds: 1"
            )
        )
        code, output = _poll_then_run(site, config, hurried, tmp_path / "out", store_url)
    assert code == 0, output
    got = json.loads((tmp_path / "out" / site.now.date().isoformat() / "digest.json").read_text())
    waiting = [w for w in got["warnings"] if "another process" in w]
    assert waiting and all("was still fetching its page" in w for w in waiting), got["warnings"]
    assert all("used the feed's text instead" in w for w in waiting)


def test_a_draft_built_during_a_poll_names_the_pages_in_flight(
    tmp_path: Path, store_url: str
) -> None:
    with serve_sample(week=1, delay=0.3) as site:
        config = _config(site, tmp_path / "shared", store_url)
        poller = _digest("fetch", "--config", str(config), "--now", site.now.isoformat())
        assert _wait_for(lambda: _claims(store_url) > 0, poller), "the poller never claimed pages"
        draft = _digest(
            *("build", "--config", str(config), "--out", str(tmp_path / "out")),
            *("--now", site.now.isoformat()),
        )
        code = draft.wait(timeout=300)
        output = draft.stdout.read() if draft.stdout else ""
        assert poller.wait(timeout=300) == 0
    assert code == 0, output
    got = json.loads((tmp_path / "out" / site.now.date().isoformat() / "digest.json").read_text())
    in_flight = [w for w in got["warnings"] if "is fetching its page right now" in w]
    assert in_flight and all("used the feed's text instead" in w for w in in_flight)
