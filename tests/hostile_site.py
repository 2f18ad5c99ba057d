"""Feeds, pages and configs written by the hostile-input tests, served by pytest-httpserver.

Each test builds the few feeds it needs (``rss``), serves them on 127.0.0.1, writes a
feeds.yaml pointing at them (``write_config``) and runs the real command line
(``digest``). Stories are kept in the issue by one standing topic whose keyword,
"Ruritania", the summaries carry.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from click.testing import CliRunner, Result

from digest.cli import cli

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
ISSUE = NOW.date().isoformat()
KEYWORD = "Ruritania"


@dataclass(frozen=True)
class Item:
    title: str
    link: str
    guid: str = ""
    summary: str = ""  # none by default: the page's text is the article's only text
    hours_ago: int = 5


def _description(summary: str) -> str:
    return f"<description>{escape(summary)}</description>" if summary else ""


def rss(items: list[Item] | tuple[Item, ...], title: str = "Outlet") -> bytes:
    """An RSS 2.0 document holding ``items``; every value is XML-escaped text."""
    entries = []
    for item in items:
        published = format_datetime(NOW - timedelta(hours=item.hours_ago))
        guid = f"<guid isPermaLink='false'>{escape(item.guid)}</guid>" if item.guid else ""
        entries.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f"{guid}{_description(item.summary)}"
            f"<pubDate>{published}</pubDate></item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>https://example.org/</link>"
        f"<description>feed</description>{''.join(entries)}</channel></rss>"
    ).encode()


# Distinct reporting per page, so that pages meant as separate stories do not cluster.
BODIES = (
    f"The foreign ministry of {KEYWORD} confirmed on Sunday that negotiators would meet "
    "again next week in the capital, after three days of talks ended without a deal. "
    "Officials described the discussions as difficult but useful, and said the main "
    "disagreement concerned the schedule for lifting border controls.",
    f"Farmers in northern {KEYWORD} began the harvest early this year after a dry summer "
    "shrank the rivers that irrigate the valley. Grain cooperatives warned that yields "
    "could fall by a fifth, and the agriculture minister promised emergency credit lines "
    "for small holdings before the winter sowing.",
    f"The central bank of {KEYWORD} raised its main interest rate by half a point on "
    "Thursday, its third increase this year, citing stubborn inflation in food and "
    "housing. The governor told reporters that further rises were possible if wage "
    "settlements in the spring exceeded productivity growth.",
    f"Engineers in {KEYWORD} opened a new rail tunnel under the mountain pass on Friday, "
    "cutting the journey between the two largest cities by an hour. The project ran four "
    "years late and well over budget, and unions said maintenance crews remained short.",
)


def article_page(title: str, words: str = "", *, body: int = 0) -> str:
    """An article page with enough body text for extraction to keep it.

    ``body`` picks one of :data:`BODIES` (pages with different bodies are different
    stories); ``words`` replaces it.
    """
    text = words or BODIES[body % len(BODIES)]
    paragraphs = "".join(f"<p>{text}</p>" for _ in range(3))
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def write_config(
    directory: Path,
    feeds: list[tuple[str, str]],
    *,
    fetch: dict[str, object] | None = None,
    storage_url: str = "sqlite:///digest.db",
    extra: str = "",
) -> Path:
    """``directory/feeds.yaml`` for ``feeds`` (name, url); article fetches may use loopback."""
    directory.mkdir(parents=True, exist_ok=True)
    settings: dict[str, object] = {"allow_private": True, "retries": 0, **(fetch or {})}
    lines = [
        "newsletter:",
        '  name: "The Desk"',
        '  from: "The Desk <desk@example.org>"',
        '  unsubscribe: "https://example.org/unsubscribe"',
        "storage:",
        f"  url: {json.dumps(storage_url)}",
        "fetch:",
        *(f"  {key}: {json.dumps(value)}" for key, value in settings.items()),
        "topics:",
        f"  - name: {KEYWORD}",
        f"    keywords: [{KEYWORD}]",
        "feeds:",
    ]
    for name, url in feeds:
        lines += [f"  - name: {json.dumps(name)}", f"    url: {json.dumps(url)}"]
    path = directory / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def digest(*args: str) -> Result:
    """Run the ``digest`` command line in this process."""
    return CliRunner().invoke(cli, list(args))


def run_issue(config: Path, out: Path, *extra: str, now: datetime = NOW) -> Result:
    return digest(
        "run", "--config", str(config), "--out", str(out), "--now", now.isoformat(), *extra
    )


def build_draft(config: Path, out: Path, *extra: str, now: datetime = NOW) -> Result:
    return digest(
        "build", "--config", str(config), "--out", str(out), "--now", now.isoformat(), *extra
    )


def issue_json(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / ISSUE / "digest.json").read_text("utf-8"))
    return data


@dataclass
class SlowSite:
    """Pages on a server of their own, each answered after ``delay`` seconds, or trickled.

    With ``drip_seconds`` the headers go out at once and the body follows one byte every
    ``drip_seconds``: a per-read timeout never fires, only a deadline on the whole page
    can stop it. Serving threads are daemons and stop when the client hangs up.
    """

    pages: dict[str, bytes]
    delay: float = 0.0
    drip_seconds: float | None = None
    base_url: str = ""

    def url(self, path: str) -> str:
        return self.base_url + path


@contextmanager
def serve_slowly(site: SlowSite) -> Iterator[SlowSite]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = site.pages.get(self.path)
            if body is None:
                self.send_error(404)
                return
            time.sleep(site.delay)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if site.drip_seconds is None:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                if site.drip_seconds is None:
                    self.wfile.write(body)
                    return
                for index in range(len(body)):
                    self.wfile.write(body[index : index + 1])
                    self.wfile.flush()
                    time.sleep(site.drip_seconds)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
