"""The cron container, as built by .ci/container from this checkout, run under podman.

What a user of the image relies on: `digest demo` works inside it; the default command
(the scheduler) runs as a non-root user, its HEALTHCHECK is green while the heartbeat is
fresh and red once it is stale or gone, and SIGTERM stops it cleanly with JSON logs;
`digest run` on a shared PostgreSQL builds an issue into the /data volume once; nothing
is written outside that volume; the image holds the checkout's source and no build
tools, tests or .git.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from digest.sample import serve_sample, write_sample_config
from digest.store import schema

from ..conftest import fresh_pg_database, shared_path
from .conftest import Podman

pytestmark = pytest.mark.container

REPO = Path(__file__).resolve().parents[2]
HEARTBEAT = "/data/out/.digest-heartbeat.json"
# Never fires during a test; the scheduler writes its heartbeat when it starts.
SCHEDULER_CONFIG = """\
newsletter:
  name: "Container check"
  from: "Desk <desk@example.org>"
  unsubscribe: "https://example.org/unsubscribe"
  timezone: Europe/Brussels
schedule:
  cron: "0 6 * * MON"
feeds:
  - name: "Nobody"
    url: "http://127.0.0.1:9/feed.xml"
"""
BUILT = re.compile(r"built (?:final issue|draft) (\S+) \([^)]*\): (\d+) stories")
# Compilers and tools, and what the Dockerfile's build stage leaves: /src and /dist.
BUILD_LEFTOVERS = ("usr/bin/gcc", "usr/bin/cc", "usr/bin/c++", "usr/bin/make", "usr/bin/git",
                   "src", "dist")  # fmt: skip
# The wheel build's own packages (pip, setuptools and wheel come with Python images).
BUILD_PACKAGES = re.compile(r"site-packages/(build|hatchling|pyproject_hooks)/__init__\.py$")


def _host_path(volume: tuple[str, Path], container_path: str) -> Path:
    """Where a path under the container's /data lies in the volume on this machine."""
    return volume[1] / PurePosixPath(container_path).relative_to("/data")


def _assert_wrote_only_volumes(
    podman: Podman, container: str, own: Callable[[str], set[str]], network: str
) -> None:
    extra = podman.changes(container) - own(network)
    assert extra == set(), f"{container} wrote outside its volumes: {sorted(extra)}"


# The image itself.


def test_image_runs_as_non_root_with_the_healthcheck_kept(podman: Podman) -> None:
    image = podman.inspect("image", "inspect", podman.image)
    config = image["Config"]
    assert isinstance(config, dict)
    assert config["User"] == "10001"
    assert config["Entrypoint"] == ["digest", "--log-format", "json"]
    assert config["Cmd"] == ["schedule"]
    # Only the docker image format keeps HEALTHCHECK; OCI images drop it silently.
    healthcheck = image.get("Healthcheck")
    assert isinstance(healthcheck, dict), "the image lost its HEALTHCHECK (build --format docker)"
    assert healthcheck["Test"] == ["CMD", "digest", "health"]


@dataclass(frozen=True, slots=True)
class _ImageFiles:
    names: frozenset[str]  # every path, without a leading slash
    package: dict[str, bytes]  # path under site-packages/digest/ -> content
    digests_by_size: dict[int, set[str]]  # size -> sha256 of regular files that size


def _image_files(podman: Podman, wanted_sizes: set[int]) -> _ImageFiles:
    """Read the image's whole filesystem from `podman export` of a fresh container."""
    container = podman.name("export")
    podman("create", "--name", container, podman.image)
    names: set[str] = set()
    package: dict[str, bytes] = {}
    digests: dict[int, set[str]] = {}
    with subprocess.Popen(["podman", "export", container], stdout=subprocess.PIPE) as export:
        assert export.stdout is not None
        with tarfile.open(fileobj=export.stdout, mode="r|") as tar:
            for member in tar:
                name = member.name.removeprefix("./").rstrip("/")
                names.add(name)
                if not member.isfile():
                    continue
                _, found, inside = name.partition("site-packages/digest/")
                if found or member.size in wanted_sizes:
                    data = tar.extractfile(member)
                    assert data is not None
                    content = data.read()
                    if found:
                        package[inside] = content
                    if member.size in wanted_sizes:
                        digest = hashlib.sha256(content).hexdigest()
                        digests.setdefault(member.size, set()).add(digest)
    assert export.returncode == 0, f"podman export {container} failed"
    return _ImageFiles(frozenset(names), package, digests)


def _checkout_package() -> dict[str, bytes]:
    """The package as the wheel lays it out: digest/ with templates/ inside."""
    files: dict[str, bytes] = {}
    for root, prefix in ((REPO / "digest", ""), (REPO / "templates", "templates/")):
        for path in root.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files[prefix + path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def test_image_holds_this_checkout_and_no_tests_git_or_build_tools(podman: Podman) -> None:
    tests = [p for p in (REPO / "tests").rglob("*") if p.is_file() and p.stat().st_size > 0]
    test_digests = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in tests}
    files = _image_files(podman, {p.stat().st_size for p in tests})

    installed = {name: data for name, data in files.package.items() if ".pyc" not in name}
    checkout = _checkout_package()
    stale = sorted(
        n for n in checkout.keys() | installed.keys() if checkout.get(n) != installed.get(n)
    )
    assert stale == [], f"the image's digest package differs from the checkout: {stale[:10]}"

    copied = {d for found in files.digests_by_size.values() for d in found} & test_digests.keys()
    unwanted = sorted(f"test file {test_digests[d].relative_to(REPO)}" for d in copied)
    unwanted += sorted(n for n in files.names if ".git" in PurePosixPath(n).parts)[:5]
    unwanted += [n for n in BUILD_LEFTOVERS if n in files.names]
    unwanted += sorted(n for n in files.names if BUILD_PACKAGES.search(n))
    assert unwanted == [], f"the image holds tests, .git or build tools: {unwanted}"


# `digest demo` inside the container.


@dataclass(frozen=True, slots=True)
class _Demo:
    container: str
    run: subprocess.CompletedProcess[str]
    issue: Path  # the issue directory, in the volume on this machine


@pytest.fixture(scope="module")
def demo(podman: Podman) -> Iterator[_Demo]:
    volume, mountpoint = podman.volume("demo")
    container = podman.name("demo")
    # No network at all: the demo serves its sample outlets on the container's loopback.
    run = podman(
        "run", "--name", container, "--network", "none", "-v", f"{volume}:/data",
        podman.image, "demo", "--out", "/data/out", check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    html = run.stdout.strip().splitlines()[-1]  # the email's path, as the container sees it
    issue = mountpoint / PurePosixPath(html).parent.relative_to("/data")
    yield _Demo(container, run, issue)


def test_demo_in_the_container_builds_the_issue_the_checkout_builds(
    demo: _Demo, demo_build: Path
) -> None:
    for name in ("email.html", "email.txt", "email.eml", "digest.json"):
        assert (demo.issue / name).stat().st_size > 0, name
    [host_issue] = [p for p in demo_build.iterdir() if p.name == demo.issue.name]
    headlines = [
        _headlines(json.loads((d / "digest.json").read_text())) for d in (demo.issue, host_issue)
    ]
    assert headlines[0] == headlines[1]
    match = BUILT.search(demo.run.stderr)
    assert match and int(match[2]) == len(headlines[0]) > 0, demo.run.stderr


def _headlines(digest: dict[str, Any]) -> list[str]:
    return [story["headline"] for topic in digest["topics"] for story in topic["stories"]]


def test_demo_email_from_the_container_passes_the_independent_checker(demo: _Demo) -> None:
    checker = shared_path("tools", "check_email.py")
    run = subprocess.run(
        [sys.executable, str(checker), "--json", str(demo.issue / "email.eml")],
        capture_output=True,
        text=True,
    )
    report = json.loads(run.stdout)
    failed = [c for c in report["checks"] if c["status"] == "FAIL"]
    assert failed == [] and run.returncode == 0


def test_demo_writes_nothing_outside_the_volume(
    podman: Podman, demo: _Demo, podman_own_changes: Callable[[str], set[str]]
) -> None:
    _assert_wrote_only_volumes(podman, demo.container, podman_own_changes, "none")


# The default command: the scheduler.


def _start_scheduler(podman: Podman, volume: tuple[str, Path], tmp_path: Path) -> str:
    config = tmp_path / "feeds.yaml"
    config.write_text(SCHEDULER_CONFIG)
    config.chmod(0o644)  # the container's user reads it through the bind mount
    container = podman.name("schedule")
    podman(
        "run", "--detach", "--name", container, "--network", "none",
        "-v", f"{volume[0]}:/data", "-v", f"{config}:/data/feeds.yaml:ro", podman.image,
    )  # fmt: skip
    heartbeat = _host_path(volume, HEARTBEAT)
    deadline = time.monotonic() + 60
    while not heartbeat.exists():
        state = podman.inspect("container", "inspect", container)["State"]
        assert isinstance(state, dict) and state["Running"], podman("logs", container).stderr
        assert time.monotonic() < deadline, "the scheduler wrote no heartbeat within 60 s"
        time.sleep(0.2)
    return container


def _write_heartbeat(podman: Podman, container: str, age: timedelta) -> None:
    """A heartbeat as the scheduler writes it, from ``age`` ago: its clock stopped then."""
    beat = json.dumps({"kind": "build", "finished_at": (datetime.now(UTC) - age).isoformat()})
    write = "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])"
    podman("exec", container, "python", "-c", write, HEARTBEAT, beat)


def test_scheduler_runs_as_non_root_and_its_healthcheck_follows_the_heartbeat(
    podman: Podman, volume: tuple[str, Path], tmp_path: Path
) -> None:
    container = _start_scheduler(podman, volume, tmp_path)
    status = podman("exec", container, "cat", "/proc/1/status").stdout
    [uids] = [line.split()[1:] for line in status.splitlines() if line.startswith("Uid:")]
    assert uids == ["10001"] * 4, "PID 1 (the scheduler) must not run as root"
    assert _host_path(volume, HEARTBEAT).stat().st_uid != 0

    assert podman("healthcheck", "run", container, check=False).returncode == 0
    # A weekly build renews the heartbeat every 7 days; the check allows 8.
    _write_heartbeat(podman, container, timedelta(days=7))
    assert podman("healthcheck", "run", container, check=False).returncode == 0
    _write_heartbeat(podman, container, timedelta(days=9))
    stale = podman("healthcheck", "run", container, check=False)
    assert (stale.returncode, stale.stdout.strip()) == (1, "unhealthy")
    podman("exec", container, "rm", HEARTBEAT)
    missing = podman("healthcheck", "run", container, check=False)
    assert (missing.returncode, missing.stdout.strip()) == (1, "unhealthy")


def test_scheduler_stops_on_sigterm_within_10_s_logging_json(
    podman: Podman,
    volume: tuple[str, Path],
    tmp_path: Path,
    podman_own_changes: Callable[[str], set[str]],
) -> None:
    container = _start_scheduler(podman, volume, tmp_path)
    podman("kill", "--signal", "TERM", container)
    try:
        code = podman("wait", container, timeout=10).stdout.strip()
    except subprocess.TimeoutExpired:
        pytest.fail("the scheduler did not stop within 10 s of SIGTERM")
    assert code == "0"
    logs = podman("logs", container)
    lines = [line for line in (logs.stdout + logs.stderr).splitlines() if line.strip()]
    records = [_json_record(line) for line in lines]
    messages = [record["message"] for record in records]
    assert any("scheduler started" in m for m in messages), messages
    assert any("received signal 15" in m for m in messages), messages
    assert all(record["level"] in ("info", "warning", "error") for record in records)
    _assert_wrote_only_volumes(podman, container, podman_own_changes, "none")


def _json_record(line: str) -> dict[str, Any]:
    try:
        record: dict[str, Any] = json.loads(line)
    except ValueError:
        pytest.fail(f"a log line is not one JSON object: {line!r}")
    return record


# `digest run` on a shared PostgreSQL, as cron or compose runs it.


@pytest.fixture
def pg_database(tmp_path: Path) -> Iterator[str]:
    with fresh_pg_database(f"container_{tmp_path.name}") as url:
        yield url


@pytest.mark.postgres
def test_run_builds_into_the_volume_once_and_a_second_container_sees_it_built(
    podman: Podman,
    volume: tuple[str, Path],
    tmp_path: Path,
    pg_database: str,
    podman_own_changes: Callable[[str], set[str]],
) -> None:
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        config.write_text(config.read_text().replace('"sqlite:///digest.db"', f'"{pg_database}"'))
        config.chmod(0o644)

        def run_in_container() -> tuple[str, subprocess.CompletedProcess[str]]:
            container = podman.name("run")
            # Host network: the sample outlets and PostgreSQL listen on this machine's loopback.
            run = podman(
                "run", "--name", container, "--network", "host",
                "-v", f"{volume[0]}:/data", "-v", f"{config}:/data/feeds.yaml:ro",
                podman.image, "run", "--now", site.now.isoformat(), check=False,
            )  # fmt: skip
            return container, run

        first, built = run_in_container()
        polled = sum(site.hits.values())
        second, again = run_in_container()
        assert sum(site.hits.values()) == polled, "the second run polled the feeds again"

    assert built.returncode == 0, built.stderr
    match = BUILT.search(built.stderr)
    assert match and int(match[2]) > 0, built.stderr
    issue = _host_path(volume, f"/data/out/{match[1]}")
    assert (issue / "email.eml").stat().st_size > 0
    assert again.returncode == 0, again.stderr
    assert f"issue {match[1]} was already built" in again.stderr
    engine = create_engine(pg_database)
    with engine.connect() as connection:
        issues = connection.execute(select(func.count()).select_from(schema.issues)).scalar()
    engine.dispose()
    assert issues == 1
    for container in (first, second):
        _assert_wrote_only_volumes(podman, container, podman_own_changes, "host")
