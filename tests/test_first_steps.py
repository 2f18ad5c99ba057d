"""A newcomer's first hour, following only the README: the demo, its preview, then
`digest init` in a new folder, two feeds of one's own, fetch, preview, build and run.

The commands are read from the README's own code blocks and run with the installed
`digest` command (the one `make demo` puts in .venv/bin/), each a real process; the two
feeds are fictional outlets on 127.0.0.1 (``tests/local_site.py``).
"""

from __future__ import annotations

import json
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import httpx
import pytest

from digest.config import load_config
from digest.editorial import load_plan

from .local_site import ARTICLES, serve_outlets

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The README from ``heading`` to the next heading of its level or above."""
    start = README.index(heading)
    level = len(heading) - len(heading.lstrip("#"))
    following = re.search(rf"\n#{{1,{level}}} ", README[start + len(heading) :])
    return README[start : start + len(heading) + following.start() if following else None]


def _shell_lines(section: str) -> list[str]:
    """The commands of a section's ```sh blocks, comments removed."""
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    lines = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line]


def _digest_command() -> Path:
    command = Path(sys.executable).parent / "digest"
    if not command.exists():
        pytest.skip(f"{command} is not installed (make demo installs it)")
    return command


def _environment(tmp_path: Path) -> dict[str, str]:
    # Temporary folders of the preview land here, to check they are removed.
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    return {"PATH": f"{_digest_command().parent}:/usr/bin:/bin", "TMPDIR": str(temp)}


def _run(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        shlex.split(line), cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


class _Preview:
    """`digest preview` as a process: its URL, its page, then Ctrl-C."""

    def __init__(self, line: str, cwd: Path, env: dict[str, str]) -> None:
        # Port 0: a free port, so the test does not depend on 8765 being free.
        args = [*shlex.split(line), "--port", "0"]
        self.process = subprocess.Popen(
            args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.process.stderr is not None
        deadline = time.monotonic() + 120
        seen = []
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            seen.append(line)
            match = re.search(r"preview at (http://\S+/)", line)
            if match:
                self.url = match[1]
                return
            if not line:
                break
        raise AssertionError(f"the preview did not start: {''.join(seen)}")

    def page(self) -> str:
        return httpx.get(self.url, timeout=120).text

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)
        _stdout, stderr = self.process.communicate(timeout=60)
        return self.process.returncode, stderr


def test_the_readme_says_how_to_call_digest_and_how_long_the_tests_take() -> None:
    quick = _section("## Quick start")
    assert "`.venv/bin/digest`" in quick and "source .venv/bin/activate" in quick
    assert re.search(r"`make test` takes about \d+ to \d+ minutes", quick)
    assert _shell_lines(quick)[:2] == ["make demo", "make test"]


def test_the_demo_and_its_preview_as_the_readme_says(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    [demo_line] = [line for line in _shell_lines(README) if line.startswith("make demo")][:1]
    assert demo_line == "make demo"
    # What `make demo` runs (Makefile: $(BIN)/digest demo --out $(DEMO_OUT)).
    assert "$(BIN)/digest demo --out $(DEMO_OUT)" in (REPO / "Makefile").read_text()
    demo = _run("digest demo --out demo-out", tmp_path, env)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.strip() == "demo-out/2026-11-23/email.html"
    assert "to edit this draft in the preview: digest preview --config" in demo.stderr
    [preview_line] = [
        line.replace(".venv/bin/digest", "digest")
        for line in _shell_lines(_section("### Calling `digest`"))
        if "preview" in line
    ]
    preview = _Preview(preview_line, tmp_path, env)
    try:
        page = preview.page()
    finally:
        code, stderr = preview.stop()
    assert "Greenland" in page and 'id="empty"' not in page
    # Ctrl-C is how the README says to stop it: no error, the status of a stop by signal.
    assert code == 130
    assert stderr.splitlines()[-1] == "preview stopped" and "error" not in stderr


def test_a_new_newsletter_from_init_to_the_final_issue(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    steps = _shell_lines(_section("### Your own newsletter: the first hour"))
    assert steps == [
        "mkdir my-news && cd my-news",
        "digest init",
        "digest fetch",
        "digest preview",
        "digest build",
        "digest run",
    ]
    folder = tmp_path / "my-news"
    folder.mkdir()
    init = _run("digest init", folder, env)
    assert init.returncode == 0, init.stderr
    with serve_outlets() as site:
        # "replace the two example feeds under feeds: with yours, one line each" and
        # allow private addresses: these outlets are on this machine.
        config = folder / "feeds.yaml"
        text = config.read_text()
        ours = "".join(f'  - {{url: "{url}", name: {name}}}\n' for name, url in site.feeds.items())
        text = re.sub(r"\nfeeds:\n(?:  - .*\n)+", f"\nfeeds:\n{ours}", text)
        config.write_text(text + "fetch: {allow_private: true}\n")
        assert [f.name for f in load_config(config).feeds] == list(site.feeds)

        # A preview before anything is fetched says what to do, and picks up the fetch.
        preview = _Preview("digest preview", folder, env)
        try:
            before = preview.page()
            fetch = _run("digest fetch", folder, env)
            after = preview.page()
        finally:
            code, stderr = preview.stop()
        assert "Nothing fetched yet: run `digest fetch --config feeds.yaml`" in before
        assert fetch.returncode == 0, fetch.stderr
        assert "2 feeds polled (0 failed), 6 new and 0 updated articles, 6 of 6 pages read" in (
            fetch.stderr
        )
        assert 'id="empty"' not in after
        assert all(a.title in after for a in ARTICLES if a.outlet == "harbour")
        assert code == 130, stderr
        assert list((tmp_path / "tmp").iterdir()) == [], "the preview left its temporary folder"

        build = _run("digest build", folder, env)
        assert build.returncode == 0, build.stderr
        [draft] = build.stdout.splitlines()
        assert re.fullmatch(r"out/\d{4}-\d\d-\d\d/email\.html", draft)
        assert "a try-out: nothing counts as sent" in build.stderr
        # The draft is marked on the archive page and kept out of its subscribers' feed.
        assert "<strong>Draft</strong>" in (folder / "out" / "index.html").read_text()
        assert feedparser.parse((folder / "out" / "feed.xml").read_bytes()).entries == []
        run = _run("digest run", folder, env)
        assert run.returncode == 0, run.stderr
        assert run.stdout.splitlines() == [draft]
        assert "its stories now count as sent" in run.stderr
        assert "<strong>Draft</strong>" not in (folder / "out" / "index.html").read_text()
        [entry] = feedparser.parse((folder / "out" / "feed.xml").read_bytes()).entries
        assert entry.link == draft.removeprefix("out/").replace("email.html", "index.html")
        again = _run("digest run", folder, env)
    assert again.returncode == 0 and "already built by a final build" in again.stderr
    issue = json.loads((folder / draft).with_name("digest.json").read_text())
    outlets = {
        s["outlet"] for t in issue["topics"] for story in t["stories"] for s in story["sources"]
    }
    assert outlets == set(site.feeds)
    status = _run("digest status", folder, env).stdout.splitlines()
    assert [line.split()[2] for line in status[1:]] == ["run", "run", "build", "fetch"]


def test_init_writes_a_commented_starter_that_loads(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    first = _run("digest init --dir news", tmp_path, env)
    assert first.returncode == 0, first.stderr
    folder = tmp_path / "news"
    feeds = (folder / "feeds.yaml").read_text()
    assert feeds.splitlines()[0] == "# yaml-language-server: $schema=digest-config.schema.json"
    schema = json.loads((folder / "digest-config.schema.json").read_text())
    assert schema["title"] == "newsletter-digest feeds.yaml"
    assert sum(line.lstrip().startswith("#") for line in feeds.splitlines()) >= 10
    config = load_config(folder / "feeds.yaml")
    assert config.feeds and config.topics
    assert load_plan(config.editorial_path).stories == {}
    # The postal address every build asks for is one uncommented line away.
    (folder / "with-address.yaml").write_text(
        feeds.replace("  # postal_address:", "  postal_address:")
    )
    assert load_config(folder / "with-address.yaml").newsletter.postal_address
    assert "stories:" in (folder / "editorial.yaml").read_text()
    (folder / "feeds.yaml").write_text(feeds + "# mine now\n")
    second = _run("digest init --dir news", tmp_path, env)
    assert second.returncode == 0
    assert f"kept   {Path('news') / 'feeds.yaml'} (already there" in second.stdout
    assert (folder / "feeds.yaml").read_text().endswith("# mine now\n")


_MINIMAL = """\
newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}
feeds: [{url: "http://127.0.0.1:9/feed.xml", name: Nowhere}]
"""


def test_a_preview_of_an_empty_store_says_to_fetch_and_removes_its_folder(
    tmp_path: Path,
) -> None:
    env = _environment(tmp_path)
    (tmp_path / "feeds.yaml").write_text(_MINIMAL)
    preview = _Preview("digest preview", tmp_path, env)
    try:
        page = preview.page()
        assert len(list((tmp_path / "tmp").glob("digest-preview-*"))) == 1
    finally:
        code, stderr = preview.stop()
    assert code == 130, stderr
    assert list((tmp_path / "tmp").iterdir()) == [], "the preview left its temporary folder"
    assert "Nothing fetched yet: run `digest fetch --config feeds.yaml`, then reload" in page


def test_a_busy_port_is_named_before_any_build(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    (tmp_path / "feeds.yaml").write_text(_MINIMAL)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run(f"digest preview --port {port}", tmp_path, env)
    assert result.returncode == 2, result.stderr
    assert f"port {port} on 127.0.0.1 cannot be used (Address already in use)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "digest.db").exists(), "the store was opened: a build ran first"
    assert list((tmp_path / "tmp").iterdir()) == []
