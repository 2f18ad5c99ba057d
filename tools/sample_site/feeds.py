"""The sample outlets' feeds: two RSS 2.0 dialects, two Atom dialects and one broken feed.

The dialects differ the way real publishers do: permalink guids against opaque ones,
``dc:creator`` against ``<author>``, UTC against local offsets (``+1300``, ``+02:00``)
and plain against HTML-escaped summaries, so the fetch stage's normalising is exercised.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from digest.sample._data import FeedFormat, Outlet, SampleArticle

__all__ = ["BROKEN_FEED_BODY", "render_feed"]

# What a crashed CMS might send with a 200: not XML, so feedparser finds no entries.
BROKEN_FEED_BODY = """Meridian Daily CMS: fatal error while rendering feed template
Traceback (most recent call last):
  File "/srv/meridian/render.py", line 88, in render_rss
    items = cache.load("frontpage")
CacheCorruptedError: frontpage cache segment 0x7f3a truncated at byte 4096
{{ items | rss }} {% endfor %} ]]> <<< ?? --
"""

_UUID_NAMESPACE = uuid.UUID("6f1c3e0a-8a52-4c52-9e0e-6b3f8d9a2c71")


def render_feed(outlet: Outlet, articles: Sequence[SampleArticle], now: datetime) -> str:
    """The feed document of ``outlet`` listing ``articles`` newest first.

    ``now`` stamps the channel (lastBuildDate / updated): an hour before the week's demo
    clock, as if the publisher last rebuilt the feed overnight.
    """
    items = sorted(articles, key=lambda a: a.published, reverse=True)
    built = now - timedelta(hours=1)
    if outlet.feed_format is FeedFormat.BROKEN:
        return BROKEN_FEED_BODY
    if outlet.slug == "ledger":
        return _ledger_rss(outlet, items, built)
    if outlet.slug == "observer":
        return _observer_rss(outlet, items, built)
    if outlet.slug == "baltic":
        return _baltic_atom(outlet, items, built)
    return _review_atom(outlet, items, built)


def _link(article: SampleArticle) -> str:
    return f"__BASE__/{article.path}"


def _ledger_rss(outlet: Outlet, items: Sequence[SampleArticle], built: datetime) -> str:
    entries = "".join(
        f"""    <item>
      <title>{escape(a.title)}</title>
      <link>{_link(a)}</link>
      <guid isPermaLink="true">{_link(a)}</guid>
      <pubDate>{format_datetime(a.published)}</pubDate>
      <dc:creator>{escape(a.author)}</dc:creator>
      <category>World</category>
      <description>{escape(a.summary)}</description>
    </item>
"""
        for a in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{escape(outlet.name)}: World</title>
    <link>__BASE__/ledger/</link>
    <atom:link href="__BASE__/{outlet.feed_path}" rel="self" type="application/rss+xml"/>
    <description>World news and analysis from The Atlantic Ledger.</description>
    <language>en-gb</language>
    <lastBuildDate>{format_datetime(built)}</lastBuildDate>
    <ttl>30</ttl>
{entries}  </channel>
</rss>
"""


def _observer_rss(outlet: Outlet, items: Sequence[SampleArticle], built: datetime) -> str:
    auckland = ZoneInfo("Pacific/Auckland")
    entries = "".join(
        f"""  <item>
    <title>{escape(a.title)}</title>
    <link>{_link(a)}</link>
    <guid isPermaLink="false">pacific-observer:{a.published:%Y-%m-%d}:{a.slug}</guid>
    <pubDate>{format_datetime(a.published.astimezone(auckland))}</pubDate>
    <author>newsdesk@pacific-observer.example ({escape(a.author)})</author>
    <description><![CDATA[<p>{escape(a.summary)}</p>]]></description>
  </item>
"""
        for a in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>{escape(outlet.name)}</title>
  <link>__BASE__/observer/</link>
  <description>News from Asia and the Pacific.</description>
  <language>en-nz</language>
  <lastBuildDate>{format_datetime(built.astimezone(auckland))}</lastBuildDate>
{entries}</channel>
</rss>
"""


def _baltic_atom(outlet: Outlet, items: Sequence[SampleArticle], built: datetime) -> str:
    tallinn = ZoneInfo("Europe/Tallinn")
    entries = "".join(
        f"""  <entry>
    <title type="text">{escape(a.title)}</title>
    <link rel="alternate" type="text/html" href={quoteattr(_link(a))}/>
    <id>tag:balticwire.example,{a.published:%Y-%m-%d}:/{a.slug}</id>
    <published>{a.published.astimezone(tallinn).isoformat()}</published>
    <updated>{a.published.astimezone(tallinn).isoformat()}</updated>
    <author><name>{escape(a.author)}</name></author>
    <summary type="text">{escape(a.summary)}</summary>
  </entry>
"""
        for a in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>{escape(outlet.name)}</title>
  <subtitle>Independent news from the Baltic Sea region</subtitle>
  <link rel="alternate" type="text/html" href="__BASE__/baltic/"/>
  <link rel="self" type="application/atom+xml" href="__BASE__/{outlet.feed_path}"/>
  <id>tag:balticwire.example,2011:/feed</id>
  <updated>{built.astimezone(tallinn).isoformat()}</updated>
{entries}</feed>
"""


def _review_atom(outlet: Outlet, items: Sequence[SampleArticle], built: datetime) -> str:
    entries = "".join(
        f"""<entry>
<id>urn:uuid:{uuid.uuid5(_UUID_NAMESPACE, a.path)}</id>
<title>{escape(a.title)}</title>
<link href={quoteattr(_link(a))}/>
<updated>{_zulu(a.published)}</updated>
<author><name>{escape(a.author)}</name><uri>__BASE__/review/authors</uri></author>
<summary type="html">{escape(f"<p>{escape(a.summary)}</p>")}</summary>
</entry>
"""
        for a in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{escape(outlet.name)}: latest</title>
<link href="__BASE__/review/"/>
<link rel="self" href="__BASE__/{outlet.feed_path}"/>
<id>urn:uuid:{uuid.uuid5(_UUID_NAMESPACE, outlet.slug)}</id>
<updated>{_zulu(built)}</updated>
<rights>Copyright 2026, all rights reserved</rights>
{entries}</feed>
"""


def _zulu(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
