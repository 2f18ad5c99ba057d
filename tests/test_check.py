"""`digest check` on built issues: each category flagged where an editor would see it.

The issue is a real build of the bundled sample (all clear once the demo's takes are
in), then the same digest.json with one fault of each kind written into it.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from digest.check import check_issue
from digest.cli import cli


def _demo(tmp_path: Path) -> Path:
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    [issue] = [p for p in (tmp_path / "demo").iterdir() if p.name[:2] == "20"]
    return issue


def test_the_demo_issue_is_all_clear_and_each_fault_is_flagged(tmp_path: Path) -> None:
    issue = _demo(tmp_path)

    clean = CliRunner().invoke(cli, ["check", str(issue)])
    assert clean.exit_code == 0, clean.output
    assert check_issue(issue).findings == ()

    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    first, second = document["topics"][0]["stories"][:2]
    first["briefly_sentences"][0]["text"] = "He said the plan was dead after the talks."
    first["also_worth_noting"].append(
        {"text": "Hide Caption 1 of 13 Photos: The summit.", "source_url": ""}
    )
    first["perspectives"][0]["who"] = "NATO's Article 10"
    first["perspectives"][1]["says"] = "and that the allies would decide in the spring."
    first["take"] = ""
    second["briefly_sentences"][0]["text"] = "CHICAGO (Skyline 7) — Ministers met again this week."
    second["also_worth_noting"].append(dict(first["briefly_sentences"][-1]))
    second["sources"].append(dict(second["sources"][0]))
    # What the build flagged for the editors: the preview shows it, and the check too.
    second["flags"] = ["outlets disagree on the death toll: 12 (Wire) and 14 (Ledger)"]
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")

    result = CliRunner().invoke(cli, ["check", str(issue), "--json"])

    assert result.exit_code == 1
    counts = json.loads(result.output)["counts"]
    for category in (
        "dangling start",
        "furniture",
        "speaker",
        "missing take",
        "dateline",
        "relative date",
        "repeated sentence",
        "duplicate link",
        "to verify",
    ):
        assert counts.get(category), (category, counts)
    text = CliRunner().invoke(cli, ["check", str(issue)]).output
    assert ": missing take: write one in editorial.yaml" in text  # not "take: take:"
    assert ": to verify: outlets disagree on the death toll: 12 (Wire)" in text


def test_a_speaker_named_with_the_role_after_the_name_is_a_speaker(tmp_path: Path) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    voices = document["topics"][0]["stories"][0]["perspectives"]
    voices[0]["who"] = "Budiyono, who heads the port's rescue unit"
    voices[1]["who"] = "Ines Duarte, one of the harbour board's lawyers in the dredging case"
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    assert not [f for f in check_issue(issue).findings if f.category == "speaker"]
    # A thing is still no speaker, role or not.
    voices[0]["who"] = "NATO's Article 10, the clause on consultation"
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    assert [f.where for f in check_issue(issue).findings if f.category == "speaker"] == [
        "perspective 1"
    ]


def test_a_source_title_the_build_keeps_as_the_pages_own_is_no_furniture(
    tmp_path: Path,
) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    sources = document["topics"][0]["stories"][0]["sources"]
    # A title that reads as a teaser, kept whole by the build; a short promo is flagged.
    sources[0]["title"] = "Norland wants to buy the island. Here’s why Denmark is nervous"
    sources[1]["title"] = "Here’s why"
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    furniture = [f.where for f in check_issue(issue).findings if f.category == "furniture"]
    assert furniture == ["source 2 title"]


def test_a_page_that_failed_at_build_time_is_a_dead_link(tmp_path: Path) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    url = document["topics"][0]["stories"][0]["sources"][0]["url"]
    document["warnings"].append(
        f"article {url} (Outlet): HTTP 404 Not Found; used the feed's text instead."
    )
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")

    report = check_issue(issue)

    assert [f.category for f in report.findings] == ["dead link"]
    assert "HTTP 404" in report.findings[0].detail


def test_a_dead_link_in_also_in_the_news_or_what_to_watch_is_flagged(tmp_path: Path) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    dead = "https://harbour.example/2026/11/20/dead-link.html"
    document["also_in_the_news"] = [
        {"id": "s-0123456789ab", "headline": "Harbour closes", "url": dead, "outlet": "Harbour"}
    ]
    document["watch"] = [{"story_id": "", "text": "A vote on Tuesday.", "url": "ftp://x"}]
    document["warnings"].append(
        f"article {dead} (Harbour): HTTP 404 Not Found; used the feed's text instead."
    )
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")

    found = [(f.category, f.where) for f in check_issue(issue).findings if "link" in f.category]

    assert found == [("dead link", "also in the news"), ("dead link", "what to watch")]


def test_a_page_behind_a_paywall_or_rate_limit_is_not_a_dead_link(tmp_path: Path) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    sources = document["topics"][0]["stories"][0]["sources"]
    for source, status in zip(sources, ("403 Forbidden", "429 Too Many Requests"), strict=False):
        document["warnings"].append(
            f"article {source['url']} (Outlet): HTTP {status}; used the feed's text instead."
        )
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")

    assert not [f for f in check_issue(issue).findings if f.category == "dead link"]


def test_sentences_sharing_only_the_date_the_build_added_are_not_a_repeat(
    tmp_path: Path,
) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    story = document["topics"][0]["stories"][0]
    story["briefly_sentences"][0]["text"] = (
        "The incident was broadcast live from the lawn on Tuesday night (17 November)."
    )
    story["also_worth_noting"][0]["text"] = "Incidents such as Tuesday’s (17 November) are rare."
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    assert not [f for f in check_issue(issue).findings if f.category == "repeated sentence"]
    # The same sentence twice is still one.
    story["also_worth_noting"][0]["text"] = story["briefly_sentences"][0]["text"]
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    assert [f for f in check_issue(issue).findings if f.category == "repeated sentence"]


def test_a_teaser_under_its_own_articles_title_is_flagged_as_reading_only_there(
    tmp_path: Path,
) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    story = document["topics"][0]["stories"][0]
    own, other = story["sources"][:2]
    own["title"] = "Harbour Pilot Maria Lind Says She Will 'Seriously Consider' a Council Run"
    story["headline"] = "Harbour pilot Maria Lind says she will ‘seriously consider’ a council run"
    story["briefly_sentences"][0] = {
        "text": "The former ferry captain says the port needs a voice in the council.",
        "source_url": own["url"],
    }
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    # The outlet wrote the two as a pair, but the Briefly alone says neither who nor
    # what: the editors are told, and why it reads at all.
    [under_title] = [f for f in check_issue(issue).findings if f.category == "dangling start"]
    assert under_title.where == "Briefly sentence 1"
    assert "its own article's title (the headline)" in under_title.detail

    # Under another outlet's title the same teaser leans on nothing the reader has seen.
    story["briefly_sentences"][0]["source_url"] = other["url"]
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    [elsewhere] = [f for f in check_issue(issue).findings if f.category == "dangling start"]
    assert "its own article's title" not in elsewhere.detail


def test_a_briefly_or_note_leaning_on_an_unseen_sentence_is_flagged(tmp_path: Path) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    story = document["topics"][0]["stories"][0]
    story["briefly_sentences"][0]["text"] = (
        "Harbour master Ines Duarte said she was puzzled by that ruling."
    )
    story["also_worth_noting"][0]["text"] = "Ines Duarte wrote on her Save the Night Ferry page."
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    found = [f.where for f in check_issue(issue).findings if f.category == "dangling start"]
    assert found == ["Briefly sentence 1", "note 1"]


def test_a_second_demo_keeps_the_editors_edits(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    first = CliRunner().invoke(cli, ["demo", "--out", str(out)])
    assert first.exit_code == 0, first.output
    [issue] = [p for p in out.iterdir() if p.name[:2] == "20"]
    editorial = out / "_demo" / "editorial.yaml"
    story = json.loads((issue / "digest.json").read_text())["topics"][0]["stories"][0]["id"]
    # An editor drops a story in the preview, then runs the demo again.
    edited = editorial.read_text().replace(f"  {story}:\n", f"  {story}:\n    drop: true\n", 1)
    assert edited != editorial.read_text()
    editorial.write_text(edited)

    again = CliRunner().invoke(cli, ["demo", "--out", str(out)])

    assert again.exit_code == 0, again.output
    assert editorial.read_text() == edited
    assert f"kept your edits in {editorial}" in again.output
    topics = json.loads((issue / "digest.json").read_text())["topics"]
    assert story not in [s["id"] for t in topics for s in t["stories"]]


def test_links_to_a_site_that_was_down_are_told_once_per_site(tmp_path: Path) -> None:
    """A refused connection or a 5xx at build time says the site was down, not the page
    gone: one line per site and reason (the realfeeds week had 62 "dead link" lines for
    one site), while a 404 stays a dead link of its own."""
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    stories = [s for t in document["topics"] for s in t["stories"]]
    urls = [s["url"] for story in stories[:3] for s in story["sources"]]
    refused, failing, gone = urls[:-3], urls[-3:-1], urls[-1]
    for url in refused:
        document["warnings"].append(f"article {url} (A): connection refused; used the feed's text.")
    for url in failing:
        document["warnings"].append(f"article {url} (B): HTTP 503 Service Unavailable; used it.")
    document["warnings"].append(f"article {gone} (C): HTTP 404 Not Found; used the feed's text.")
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")

    found = [f for f in check_issue(issue).findings if "link" in f.category]

    site = urlsplit(urls[0]).netloc
    assert sorted((f.category, f.detail.split(" at build time")[0]) for f in found) == [
        ("dead link", f"{gone}: HTTP 404 Not Found"),
        ("unreachable link", f"2 links to {site}: HTTP 503 Service Unavailable"),
        ("unreachable link", f"{len(refused)} links to {site}: connection refused"),
    ]


def test_what_the_build_asks_to_verify_is_listed_but_does_not_fail(tmp_path: Path) -> None:
    """Two outlets' figures stay in the text however the editors settle them: listed as
    "to verify", the check still exits 0 when nothing else is to fix."""
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    document["topics"][0]["stories"][0]["flags"] = [
        "outlets give different figures: 12 (Wire) and 14 (Ledger); check which is right."
    ]
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(issue)])
    assert result.exit_code == 0, result.output
    assert ": to verify: outlets give different figures: 12 (Wire)" in result.output


class _Links(BaseHTTPRequestHandler):
    """A site whose pages answer 200, except /gone/ (404) and /slow/ (which never
    answers while the test runs)."""

    served: ClassVar[list[str]] = []  # the paths asked for, in order

    def do_GET(self) -> None:
        self.served.append(self.path)
        if self.path.startswith("/slow/"):
            time.sleep(30)
        status = 404 if self.path.startswith("/gone/") else 200
        body = b"<html><body><p>A page.</p></body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _links_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Links)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _point_sources_at(issue: Path, base: str, kinds: list[str]) -> list[str]:
    """Each link of the issue (sources, Also in the news, What to watch) moved to ``base``,
    under the next of ``kinds`` in turn ("ok", "gone", "slow"); the links written."""
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    sources = [s for t in document["topics"] for story in t["stories"] for s in story["sources"]]
    urls = []
    for n, link in enumerate([*sources, *document["also_in_the_news"], *document["watch"]]):
        link["url"] = f"{base}/{kinds[n % len(kinds)]}/{n}.html"
        urls.append(link["url"])
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    return urls


def _private_ok(tmp_path: Path) -> Path:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
        'feeds: [{url: "http://127.0.0.1:9/feed.xml", name: Nowhere}]\n'
        "fetch: {allow_private: true, retries: 0, timeout_seconds: 5}\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def demo_issue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo build for the --online tests, each of which edits a copy."""
    return _demo(tmp_path_factory.mktemp("online"))


def _copy(issue: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(issue, tmp_path / issue.name))


def test_online_flags_the_links_that_fail_now_and_only_those(
    demo_issue: Path, tmp_path: Path
) -> None:
    issue = _copy(demo_issue, tmp_path)
    config = _private_ok(tmp_path)
    _Links.served.clear()
    with _links_site() as base:
        urls = _point_sources_at(issue, base, ["ok", "ok", "gone"])
        offline = CliRunner().invoke(cli, ["check", str(issue), "--json"])
        online = CliRunner().invoke(
            cli, ["check", str(issue), "--online", "--config", str(config), "--json"]
        )
    assert "dead link" not in json.loads(offline.output)["counts"], offline.output
    assert len(_Links.served) == len(urls), "each link is fetched once, and only online"
    assert online.exit_code == 1, online.output
    dead = [f for f in json.loads(online.output)["findings"] if f["category"] == "dead link"]
    gone = {u for u in urls if "/gone/" in u}
    assert gone and {f["detail"].split(": ")[0] for f in dead} == gone
    assert all("404" in f["detail"] for f in dead), dead


def test_online_without_allow_private_does_not_fetch_a_private_address(
    demo_issue: Path, tmp_path: Path
) -> None:
    issue = _copy(demo_issue, tmp_path)
    _Links.served.clear()
    with _links_site() as base:
        _point_sources_at(issue, base, ["ok"])
        result = CliRunner().invoke(cli, ["check", str(issue), "--online", "--json"])
    dead = [f for f in json.loads(result.output)["findings"] if f["category"] == "dead link"]
    assert dead and all("private" in f["detail"] or "loopback" in f["detail"] for f in dead), dead
    assert _Links.served == [], "a private address was fetched"


def test_a_sigterm_during_online_checks_says_interrupted_without_a_traceback(
    demo_issue: Path, tmp_path: Path
) -> None:
    # A cron timeout while links are fetched: the message and exit code of any stopped
    # command. (The check runs its requests as fetch does, so a signal that lands inside
    # a task leaves no asyncio traceback either: tests/test_fetch.py.)
    issue = _copy(demo_issue, tmp_path)
    config = _private_ok(tmp_path)
    with _links_site() as base:
        _point_sources_at(issue, base, ["ok", "slow"])
        command = ["check", str(issue), "--online", "--config", str(config)]
        check = subprocess.Popen(
            [sys.executable, "-m", "digest", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # Started as a shell starts a job with "&": Ctrl-C ignored, so asyncio does
            # not turn the signal into a clean cancel.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
        time.sleep(2.5)  # the fast links answered; the slow ones are in flight
        assert check.poll() is None, check.communicate()
        check.send_signal(signal.SIGTERM)
        _stdout, stderr = check.communicate(timeout=60)
    assert check.returncode == 130, stderr
    assert "Traceback" not in stderr and "never retrieved" not in stderr, stderr
    assert stderr.strip().splitlines()[-1].startswith("error: interrupted"), stderr


def test_a_voice_sharing_the_briefly_s_event_but_not_its_claim_is_not_a_repeat(
    tmp_path: Path,
) -> None:
    issue = _demo(tmp_path)
    document = json.loads((issue / "digest.json").read_text(encoding="utf-8"))
    story = document["topics"][0]["stories"][0]
    story["briefly_sentences"][0]["text"] = (
        "Egypt will host a conference on Gaza's reconstruction in Cairo on 14 January."
    )
    voice = story["perspectives"][0]
    voice["who"], voice["says"] = (
        "Israeli officials",
        "they were not invited to the Cairo conference on Gaza's reconstruction.",
    )
    (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    assert not [f for f in check_issue(issue).findings if f.category == "repeated sentence"]
    # A voice that says what the Briefly says is still one, whoever says it.
    for who, says in (
        ("Egypt", "it will host a conference on Gaza's reconstruction in Cairo on 14 January."),
        (
            "Foreign Minister Badr Abdelatty of Egypt",
            "Cairo will host a conference on Gaza's reconstruction.",
        ),
    ):
        voice["who"], voice["says"] = who, says
        (issue / "digest.json").write_text(json.dumps(document), encoding="utf-8")
        assert [f for f in check_issue(issue).findings if f.category == "repeated sentence"], who
