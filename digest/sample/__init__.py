"""The bundled offline sample: four fictional outlets, two weeks of news, one local server.

``digest demo`` and the tests run the real pipeline against it::

    with serve_sample(week=1) as site:
        config_path = write_sample_config(site, tmp_dir)
        ...  # build an issue with now=site.now

The pages and feeds are static files under ``site/`` generated from ``data/week*.txt``
by ``python -m tools.sample_site`` (development tooling, outside the package). Links in
them carry the placeholder ``__BASE__``, which the server replaces with its own address.

Faults on purpose: ``BROKEN_FEED_NAME``'s feed is not XML, and the page at
``DEAD_LINK_PATH`` is listed in a feed (with a summary) but answers 404.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from digest.sample._data import BROKEN_OUTLET, OUTLETS, WEEK_NOW, load_articles
from digest.sample._server import SampleServer

__all__ = [
    "BROKEN_FEED_NAME",
    "DEAD_LINK_PATH",
    "EXPECTED_STORIES",
    "EXPECTED_TOPIC",
    "STANDING_TOPICS",
    "WEEK2_CONTINUES",
    "WEEK2_STORIES",
    "SampleSite",
    "serve_sample",
    "write_sample_config",
]

# The server reads real files, which an installed wheel has (pip never runs from a zip).
_SITE_DIR = Path(str(resources.files(__name__).joinpath("site")))

# Topic name -> keywords, as the sample config writes them.
STANDING_TOPICS: dict[str, tuple[str, ...]] = {
    "NATO in Asia": ("NATO", "Indo-Pacific", "Japan", "Tokyo", "liaison office"),
    "Greenland": ("Greenland", "Nuuk", "Denmark"),
    "Frozen Russian assets": ("frozen assets", "Euroclear", "reparations loan"),
}


def _multi_outlet_stories(week: int) -> dict[str, tuple[str, ...]]:
    stories: dict[str, list[str]] = {}
    for article in load_articles(week):
        stories.setdefault(article.story, []).append(article.path)
    return {
        label: tuple(paths)
        for label, paths in stories.items()
        if len({path.split("/", 1)[0] for path in paths}) >= 2
    }


def _continuations() -> dict[str, tuple[str, ...]]:
    result: dict[str, list[str]] = {}
    for article in load_articles(2):
        if article.continues:
            result.setdefault(article.continues, []).append(article.path)
    return {label: tuple(paths) for label, paths in result.items()}


# Week 1: story label -> the article paths (outlet/yyyy/mm/dd/slug.html) that form it.
EXPECTED_STORIES: dict[str, tuple[str, ...]] = _multi_outlet_stories(1)
# Week 2's new multi-outlet stories, including those that continue a week-1 story.
WEEK2_STORIES: dict[str, tuple[str, ...]] = _multi_outlet_stories(2)
EXPECTED_TOPIC: dict[str, str] = {
    "nato-tokyo-office": "NATO in Asia",
    "nato-ip4-maritime": "NATO in Asia",
    "greenland-us-pressure": "Greenland",
    "greenland-minerals": "Greenland",
    "reparations-loan": "Frozen Russian assets",
    "russia-euroclear-lawsuit": "Frozen Russian assets",
}
# Week-1 story label -> week-2 article paths that report new developments in it.
WEEK2_CONTINUES: dict[str, tuple[str, ...]] = _continuations()
DEAD_LINK_PATH: str = next(a.path for a in load_articles(1) if a.is_dead)
BROKEN_FEED_NAME: str = BROKEN_OUTLET.name


@dataclass(frozen=True, slots=True)
class SampleSite:
    """A running sample server. ``now`` is the fixed clock to build this week's issue."""

    base_url: str
    week: int
    now: datetime
    feeds: tuple[tuple[str, str], ...]  # (outlet name, feed URL), the broken one included
    hits: Counter[str] = field(default_factory=Counter, compare=False)  # 200s per URL path


@contextmanager
def serve_sample(week: int = 1, *, delay: float = 0.0, port: int = 0) -> Iterator[SampleSite]:
    """Serve week ``week`` (1 or 2) of the sample on 127.0.0.1 at a free port.

    The server runs in a daemon thread and is shut down when the block exits. Week 2
    serves week 2's files first and falls back to week 1's pages, which stay online.

    ``delay`` makes every answer wait that many seconds (a slow publisher). ``port``
    0 picks a free port; serving week 2 on week 1's port keeps the URLs the same, as a
    real publisher's would be from one week to the next.

    Raises ValueError for any other week.
    """
    if week not in WEEK_NOW:
        raise ValueError(f"the sample has weeks {sorted(WEEK_NOW)}, not {week}")
    roots = tuple(_SITE_DIR / f"week{n}" for n in range(week, 0, -1))
    server = SampleServer(roots, delay=delay, port=port)
    thread = threading.Thread(
        target=server.serve_forever, name=f"digest-sample-week{week}", daemon=True
    )
    thread.start()
    try:
        base = server.base_url
        yield SampleSite(
            base_url=base,
            week=week,
            now=WEEK_NOW[week],
            feeds=tuple((o.name, f"{base}/{o.feed_path}") for o in OUTLETS),
            hits=server.hits,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def write_sample_config(site: SampleSite, directory: Path, *, with_takes: bool = False) -> Path:
    """Write ``directory/feeds.yaml`` for ``site`` and return its path.

    The database (``digest.db``) is relative to that file, so each directory gets its
    own store. Private addresses are allowed because the server is on 127.0.0.1. With
    ``with_takes`` the sample's own ``editorial.yaml`` (our takes on week 1's stories)
    is written beside it, as ``digest demo`` does.
    """
    directory.mkdir(parents=True, exist_ok=True)
    if with_takes:
        takes = resources.files(__name__).joinpath("data", "editorial.yaml")
        (directory / "editorial.yaml").write_text(takes.read_text(encoding="utf-8"), "utf-8")
    lines = [
        "# The offline sample's settings, written by digest.sample.write_sample_config.",
        "# Its outlets are served on 127.0.0.1 only while `digest demo` (or `make demo`)",
        "# runs: `digest fetch` with this file later finds them gone (connection refused).",
        "# Run `digest demo` again to poll them again; `digest preview` and `digest build`",
        "# work from the store without them.",
        "newsletter:",
        f"  name: {_quote('The Foreign Desk Sample')}",
        f"  from: {_quote('The Foreign Desk <desk@example.org>')}",
        f"  unsubscribe: {_quote('https://example.org/unsubscribe')}",
        "  timezone: Europe/Brussels",
        "  window_days: 7",
        # The whole frame of the house style, as a real newsletter would set it.
        f"  postal_address: {_quote('The Foreign Desk, Rue de la Loi 1, 1000 Brussels, Belgium')}",
        f"  web_url: {_quote('https://example.org/foreign-desk')}",
        f"  subscribe: {_quote('https://example.org/subscribe')}",
        f"  preferences: {_quote('https://example.org/preferences')}",
        "  brand:",
        f"    tagline: {_quote('The week in foreign affairs, from every side')}",
        "storage:",
        f"  url: {_quote('sqlite:///digest.db')}",
        "fetch:",
        "  allow_private: true",
        "topics:",
    ]
    for name, keywords in STANDING_TOPICS.items():
        lines += [f"  - name: {_quote(name)}", "    keywords:"]
        lines += [f"      - {_quote(keyword)}" for keyword in keywords]
    lines.append("feeds:")
    for name, url in site.feeds:
        lines += [f"  - name: {_quote(name)}", f"    url: {_quote(url)}"]
    path = directory / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _quote(value: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar, whatever characters it holds.
    return json.dumps(value, ensure_ascii=False)
