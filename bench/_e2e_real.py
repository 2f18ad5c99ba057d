"""The "realfeeds" week of bench/e2e.py: real outlets' feed items, as they published them.

Reads ../shared/data/clustering/realfeeds_dev.jsonl at run time (never copied: the
feed texts belong to their publishers, evaluation use only). Each of its outlets gets
an RSS feed of its items with the real title, description and pubDate; every link
points at a page the local server does not have, so the build works from feed text
alone, as it must when an outlet's pages are paywalled or unreachable. The hand-made
event labels are the gold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bench._e2e_week import WeekArticle

__all__ = ["RealOutlet", "load_real_week", "render_real_feed"]


@dataclass(frozen=True, slots=True)
class RealOutlet:
    slug: str
    name: str


def load_real_week(path: Path) -> tuple[tuple[WeekArticle, ...], tuple[RealOutlet, ...], datetime]:
    """The file's items as week articles, their outlets, and when the cron runs: the
    first full hour at least six hours after the newest item (so all are in the window).
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    events: dict[str, int] = {}
    outlets: dict[str, RealOutlet] = {}
    positions: dict[int, int] = {}
    articles = []
    for row in rows:
        event = events.setdefault(str(row["event"]), len(events))
        position = positions.get(event, 0)
        positions[event] = position + 1
        name = str(row["outlet"])
        outlet = outlets.setdefault(name, RealOutlet(_slug(name), name))
        published = datetime.fromisoformat(str(row["published"]).replace("Z", "+00:00"))
        snippet = str(row.get("snippet") or "").strip()
        articles.append(
            WeekArticle(
                key=f"{event}-{position}",
                event=event,
                position=position,
                text=str(row.get("text") or row["title"]),
                is_degenerate=False,  # each item was read and labelled as a report
                title=str(row["title"]),
                lede=(snippet,) if snippet else (),
                outlet=outlet.slug,
                published=published,
                slug=f"item-{row['id']}",
            )
        )
    newest = max(article.published for article in articles)
    now = (newest + timedelta(hours=7)).replace(minute=0, second=0, microsecond=0)
    return tuple(articles), tuple(outlets.values()), now


def real_article_path(outlet: RealOutlet, article: WeekArticle) -> str:
    return f"{outlet.slug}/{article.slug}"


def render_real_feed(
    outlet: RealOutlet, items: Sequence[tuple[WeekArticle, str]], *, now: datetime
) -> str:
    """An RSS 2.0 feed of ``items`` ((article, link) pairs), newest first."""
    entries = []
    for article, link in sorted(items, key=lambda item: item[0].published, reverse=True):
        description = " ".join(article.lede)
        entries.append(
            f"""    <item>
      <title>{escape(article.title)}</title>
      <link>{escape(link)}</link>
      <guid isPermaLink="false">{outlet.slug}-{article.slug}</guid>
      <pubDate>{format_datetime(article.published)}</pubDate>
      {f"<description>{escape(description)}</description>" if description else ""}
    </item>
"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>{escape(outlet.name)}</title>
    <link>__BASE__/{outlet.slug}/</link>
    <description>{escape(outlet.name)}: latest news.</description>
    <lastBuildDate>{format_datetime(now - timedelta(minutes=20))}</lastBuildDate>
{"".join(entries)}  </channel>
</rss>
"""


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
