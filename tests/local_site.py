"""Two small fictional outlets served on 127.0.0.1, dated relative to the real clock.

The newcomer tests follow the README with no ``--now``, so their news has to be this
week's: each feed's items are dated hours before the moment the site is made. Both
outlets report the same two events (so each is a story from two outlets) and one event
of their own; every article names Brussels or NATO, the keywords of the starter
config's standing topic. All text is written for these tests.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

__all__ = ["ARTICLES", "LocalSite", "serve_outlets", "write_config"]


@dataclass(frozen=True)
class _Article:
    outlet: str  # path prefix: "harbour" or "ledger"
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    hours_ago: int


ARTICLES: tuple[_Article, ...] = (
    _Article(
        "harbour",
        "fisheries-quota",
        "EU ministers agree a smaller cod quota after a night of talks in Brussels",
        (
            "Fisheries ministers of the European Union agreed early on Tuesday to cut the "
            "cod quota in the Baltic Sea by a fifth, after talks in Brussels that ran "
            "through the night.",
            "The Danish minister, Henrik Vallø, said the cut was painful but that the "
            "stock would not recover without it. Fishing crews in Bornholm had asked for "
            "the quota to stay as it was.",
            "Scientists at the council's advisory body had recommended a deeper cut of a "
            "third. Ministers settled on a fifth, with a review of the stock next spring.",
            "Environmental groups welcomed the direction but said the quota remained "
            "above what the science supports. The decision takes effect in January.",
        ),
        5,
    ),
    _Article(
        "ledger",
        "baltic-cod-cut",
        "Baltic cod quota cut by a fifth as Brussels talks end at dawn",
        (
            "European Union fisheries ministers meeting in Brussels cut next year's Baltic "
            "cod quota by a fifth, ending talks that lasted until dawn on Tuesday.",
            "Denmark's Henrik Vallø called the cut painful but necessary for the stock to "
            "recover, while crews from Bornholm had pressed to keep the quota unchanged.",
            "The cut is smaller than the third that scientific advisers had proposed, and "
            "the stock will be reviewed again in the spring.",
            "Conservation groups said the quota was still too high. It applies from January.",
        ),
        7,
    ),
    _Article(
        "harbour",
        "tallinn-cyber-centre",
        "NATO opens a cyber defence training centre in Tallinn",
        (
            "NATO opened a new cyber defence training centre in Tallinn on Monday, its "
            "second in Estonia, to train staff from allied ministries to answer attacks "
            "on power grids and ports.",
            "Estonia's defence minister, Liis Rebane, said the centre would train four "
            "hundred people a year. The alliance will pay most of the running costs.",
            "Officials said attacks on Baltic ports had doubled in two years. The first "
            "course begins in February with teams from nine allied countries.",
        ),
        20,
    ),
    _Article(
        "ledger",
        "nato-tallinn-training",
        "Tallinn hosts NATO's newest cyber training centre",
        (
            "A NATO centre for cyber defence training opened in Tallinn on Monday, where "
            "staff of allied ministries will learn to defend power grids and ports.",
            "Liis Rebane, Estonia's defence minister, said four hundred people a year would "
            "pass through it, with NATO covering most of the cost.",
            "Attacks on ports around the Baltic have doubled in two years, officials said. "
            "Teams from nine allied countries start the first course in February.",
        ),
        22,
    ),
    _Article(
        "harbour",
        "rail-link-funding",
        "Brussels approves funding for the northern rail link",
        (
            "The European Commission in Brussels approved funding on Wednesday for a rail "
            "link between the Finnish and Swedish borders, the last gap in the northern "
            "line.",
            "The grant covers half of the cost. Construction is due to start in two years "
            "and to finish before the end of the decade.",
        ),
        30,
    ),
    _Article(
        "ledger",
        "port-strike",
        "Dock workers in Gdansk end their strike after a pay deal",
        (
            "Dock workers at the port of Gdansk ended a week-long strike on Thursday after "
            "a pay deal with the port operator, which NATO planners had watched because "
            "the port handles allied supplies.",
            "The deal raises pay by seven percent over two years. Ships that waited at "
            "anchor began to unload on Thursday evening.",
        ),
        40,
    ),
)

_OUTLETS = {"harbour": "The Harbour Post", "ledger": "The Northern Ledger"}


def _page(article: _Article) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in article.paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(article.title)}</title></head><body>"
        f"<header><a href='/'>{escape(_OUTLETS[article.outlet])}</a></header>"
        f"<article><h1>{escape(article.title)}</h1>\n{body}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    ).encode()


def _feed(outlet: str, base_url: str, now: datetime) -> bytes:
    items = []
    for article in ARTICLES:
        if article.outlet != outlet:
            continue
        link = f"{base_url}/{outlet}/{article.slug}.html"
        published = format_datetime(now - timedelta(hours=article.hours_ago))
        items.append(
            f"<item><title>{escape(article.title)}</title><link>{escape(link)}</link>"
            f"<guid>{escape(link)}</guid><description>{escape(article.paragraphs[0])}"
            f"</description><pubDate>{published}</pubDate></item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(_OUTLETS[outlet])}</title><link>{base_url}/{outlet}/</link>"
        f"<description>news</description>{''.join(items)}</channel></rss>"
    ).encode()


@dataclass
class LocalSite:
    """The running site: feed URLs by outlet name, and 200s served per path."""

    base_url: str
    feeds: dict[str, str]
    hits: Counter[str] = field(default_factory=Counter)
    page_delay: float = 0.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, tuple[str, bytes]]
    site: LocalSite


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        route = self.server.routes.get(path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path.endswith(".html") and self.server.site.page_delay:
            time.sleep(self.server.site.page_delay)
        content_type, body = route
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.site.hits[path] += 1


@contextmanager
def serve_outlets(*, now: datetime | None = None, page_delay: float = 0.0) -> Iterator[LocalSite]:
    """Serve both outlets' feeds and pages; items dated hours before ``now`` (the clock)."""
    moment = now or datetime.now(UTC)
    server = _Server(("127.0.0.1", 0), _Handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    server.routes = {}
    for outlet in _OUTLETS:
        server.routes[f"/{outlet}/feed.xml"] = (
            "application/rss+xml; charset=utf-8",
            _feed(outlet, base_url, moment),
        )
    for article in ARTICLES:
        server.routes[f"/{article.outlet}/{article.slug}.html"] = (
            "text/html; charset=utf-8",
            _page(article),
        )
    server.site = LocalSite(
        base_url,
        {name: f"{base_url}/{outlet}/feed.xml" for outlet, name in _OUTLETS.items()},
        page_delay=page_delay,
    )
    thread = threading.Thread(target=server.serve_forever, name="local-outlets", daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def write_config(site: LocalSite, folder: Path, *, extra: str = "") -> Path:
    """A feeds.yaml for both outlets with one standing topic, "Europe"; ``extra`` is
    appended (more settings)."""
    folder.mkdir(parents=True, exist_ok=True)
    feeds = "".join(f'  - {{url: "{url}", name: {name}}}\n' for name, url in site.feeds.items())
    path = folder / "feeds.yaml"
    path.write_text(
        'newsletter: {name: North, from: "North <n@example.org>", '
        'unsubscribe: "https://example.org/u"}\n'
        "fetch: {allow_private: true}\n"
        "topics:\n  - {name: Europe, keywords: [European Union, Brussels, NATO]}\n"
        f"feeds:\n{feeds}{extra}"
    )
    return path
