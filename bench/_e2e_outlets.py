"""The fictional outlets of bench/e2e.py and their feeds (RSS 2.0 and Atom).

Every name, label and line of furniture here is written for this bench. Each outlet
differs the way real publishers do: feed format and description style, URL scheme,
time zone, dateline style and which furniture its pages carry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from enum import StrEnum
from html import escape as escape_html
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from bench._e2e_week import WeekArticle

__all__ = ["OUTLETS", "Describe", "Outlet", "article_path", "describe", "render_feed"]


class Describe(StrEnum):
    """What a feed item's description holds."""

    LEDE = "lede"  # the first sentence
    LEDE2 = "lede2"  # the first two sentences
    TEASER = "teaser"  # the first 25 words and an ellipsis
    PROMO = "promo"  # HTML: the first sentence and a "The post ... appeared first on" line
    NONE = "none"  # no description at all: the title is all a feed reader gets


@dataclass(frozen=True, slots=True)
class Outlet:
    slug: str
    name: str
    handle: str  # social-media handle, without "@"
    is_atom: bool
    describe: Describe
    path_style: str  # "dated", "story-id" or "section"
    timezone: str
    home_city: str  # dateline city when the article names none of _CITIES
    dateline: str  # "{city} —"-style format, "" for none
    staff: tuple[str, ...]
    layout: str  # page skeleton in _e2e_pages
    parts: frozenset[str]  # furniture this outlet's pages carry (see _e2e_pages)
    cookie: str
    newsletter: str
    footer: str
    related_heading: str
    extra: str  # a widget line of its own (weather, app promo, paywall count)


def _parts(names: str) -> frozenset[str]:
    return frozenset(names.split())


OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        slug="harbour",
        name="The Harbour Courier",
        handle="harbourcourier",
        is_atom=False,
        describe=Describe.LEDE,
        path_style="dated",
        timezone="America/New_York",
        home_city="BOSTON",
        dateline="{city} —",
        staff=("Dana Whitlock", "Marcus Oyelaran"),
        layout="semantic",
        parts=_parts("cookie nav byline dateline gallery related newsletter footer"),
        cookie="We use cookies to run the Courier and to measure what you read. Accept or manage "
        "your choices.",
        newsletter="Breaking News Emails: get alerts from the Courier newsroom the moment news "
        "breaks. "
        "Sign up free.",
        footer="© 2026 Harbour Courier Media Group. All rights reserved.",
        related_heading="Related coverage",
        extra="Courier Weather: 41° and clearing over the harbour tonight.",
    ),
    Outlet(
        slug="wirepoint",
        name="Wirepoint News",
        handle="wirepointnews",
        is_atom=True,
        describe=Describe.LEDE2,
        path_style="story-id",
        timezone="UTC",
        home_city="NEW YORK",
        dateline="{city} (Wirepoint) -",
        staff=("Ilse Marchetti", "Tom Achterberg"),
        layout="wire",
        parts=_parts("signoff dateline correction footer"),
        cookie="",
        newsletter="",
        footer="All quotes delayed a minimum of 15 minutes. Wirepoint Trust Principles apply.",
        related_heading="",
        extra="",
    ),
    Outlet(
        slug="lantern",
        name="The Evening Lantern",
        handle="eveninglantern",
        is_atom=False,
        describe=Describe.TEASER,
        path_style="section",
        timezone="Europe/London",
        home_city="LONDON",
        dateline="",
        staff=("Shona Breck", "Callum Perrett"),
        layout="tabloid",
        parts=_parts("video mostread readmore figure social comments ad footer cookie"),
        cookie="The Lantern and our partners store cookies on your device. Tap Agree to continue "
        "to the Lantern.",
        newsletter="",
        footer="© Evening Lantern Ltd 2026. Lantern and Evening Lantern are registered "
        "trade marks.",
        related_heading="Most read",
        extra="Join the debate: readers have left 312 comments on this story.",
    ),
    Outlet(
        slug="capitol",
        name="Capitol Dispatch",
        handle="capitoldispatch",
        is_atom=False,
        describe=Describe.PROMO,
        path_style="dated",
        timezone="America/New_York",
        home_city="WASHINGTON",
        dateline="{city} —",
        staff=("Renata Solberg", "Owen Castellanos"),
        layout="semantic",
        parts=_parts("highlights byline dateline updated tweet newsletter related footer"),
        cookie="",
        newsletter="Get the Dispatch Daily: the day's politics in your inbox every weekday "
        "morning. "
        "Subscribe now.",
        footer="Capitol Dispatch, an independent newsroom. Terms of Use and Privacy Policy.",
        related_heading="More from the Dispatch",
        extra="",
    ),
    Outlet(
        slug="pinecrest",
        name="Pinecrest Public Radio",
        handle="pinecrestradio",
        is_atom=True,
        describe=Describe.LEDE,
        path_style="section",
        timezone="America/Denver",
        home_city="DENVER",
        dateline="",
        staff=("Hollis Achebe", "June Varga"),
        layout="sidebar",
        parts=_parts("audio figure byline newsletter related footer"),
        cookie="",
        newsletter="Sign up for Pinecrest Politics, our weekly newsletter on the people in power.",
        footer="Copyright 2026 Pinecrest Public Radio. To see more, visit our website.",
        related_heading="More stories from Pinecrest",
        extra="",
    ),
    Outlet(
        slug="pulse",
        name="Globe Pulse",
        handle="globepulse",
        is_atom=False,
        describe=Describe.PROMO,
        path_style="story-id",
        timezone="America/Los_Angeles",
        home_city="LOS ANGELES",
        dateline="",
        staff=("Priya Naidoo", "Ezra Lindqvist"),
        layout="tabloid",
        parts=_parts("tweet readmore social bio figure related footer cookie"),
        cookie="Globe Pulse uses cookies and similar tools. Read our cookie policy to learn more.",
        newsletter="",
        footer="© 2026 Globe Pulse Inc. Terms of Service. Do not sell my personal information.",
        related_heading="Trending on Pulse",
        extra="",
    ),
    Outlet(
        slug="causeway",
        name="The Causeway Review",
        handle="causewayreview",
        is_atom=True,
        describe=Describe.LEDE2,
        path_style="dated",
        timezone="Europe/Dublin",
        home_city="DUBLIN",
        dateline="",
        staff=("Aoife Brennan-Kerr", "Lucas Mendonca"),
        layout="sidebar",
        parts=_parts("figure correction bio mostread paywall footer"),
        cookie="",
        newsletter="",
        footer="The Causeway Review is published by Causeway Periodicals. All rights reserved.",
        related_heading="Most popular",
        extra="You have 2 free articles left this month. Subscribe for full access.",
    ),
    Outlet(
        slug="skyline",
        name="Skyline 7 News",
        handle="skyline7",
        is_atom=False,
        describe=Describe.LEDE,
        path_style="section",
        timezone="America/Chicago",
        home_city="CHICAGO",
        dateline="{city} (Skyline 7) —",
        staff=("Tasha Greenlee", "Bo Whitaker"),
        layout="wire",
        parts=_parts("video dateline gallery related extra footer"),
        cookie="",
        newsletter="",
        footer="Copyright 2026 Skyline Broadcasting Group. Not for republication without "
        "permission.",
        related_heading="Trending stories",
        extra="Download the Skyline 7 app for live news and weather alerts.",
    ),
    Outlet(
        slug="bayfront",
        name="Bayfront Herald",
        handle="bayfrontherald",
        is_atom=False,
        describe=Describe.NONE,
        path_style="dated",
        timezone="America/Los_Angeles",
        home_city="SAN DIEGO",
        dateline="{city}, {date} —",
        staff=("Lorna Pike", "Felix Adeyemi"),
        layout="semantic",
        parts=_parts("cookie nav byline dateline ad newsletter related footer"),
        cookie="By continuing to browse the Herald you agree to our use of cookies.",
        newsletter="Herald Headlines: the morning's top stories from the Bay, in your inbox "
        "by 7. Sign up.",
        footer="© 2026 Bayfront Herald Company. Terms of Service. Privacy Policy.",
        related_heading="You might also like",
        extra="",
    ),
    Outlet(
        slug="northgate",
        name="Northgate Tribune",
        handle="northgatetrib",
        is_atom=True,
        describe=Describe.LEDE,
        path_style="story-id",
        timezone="America/Toronto",
        home_city="TORONTO",
        dateline="",
        staff=("Mireille Caron", "Adam Szabo"),
        layout="sidebar",
        parts=_parts("cookie figure credit mostread social footer"),
        cookie="Northgate Tribune uses cookies to personalise content. Manage settings.",
        newsletter="",
        footer="© Copyright 2026 Northgate Tribune Publishing. All rights reserved.",
        related_heading="Trending",
        extra="",
    ),
)


def article_path(outlet: Outlet, article: WeekArticle) -> str:
    """The article's URL path (no leading slash), in the outlet's own scheme."""
    digest = hashlib.sha256(article.key.encode()).hexdigest()[:8]
    if outlet.path_style == "story-id":
        return f"{outlet.slug}/story/{int(digest, 16) % 10**7:07d}-{article.slug}"
    if outlet.path_style == "section":
        return f"{outlet.slug}/news/{article.slug}-{digest[:6]}.html"
    day = article.published
    return f"{outlet.slug}/{day:%Y/%m/%d}/{article.slug}/"


def describe(outlet: Outlet, article: WeekArticle) -> str:
    """The plain-text description an item of ``outlet``'s feed carries ("" for none)."""
    lede = article.lede or (" ".join(article.text.split()[:30]),)
    if outlet.describe is Describe.NONE:
        return ""
    if outlet.describe is Describe.LEDE2:
        return " ".join(lede[:2])
    if outlet.describe is Describe.TEASER:
        words = " ".join(lede).split()
        return " ".join(words[:25]) + ("…" if len(words) > 25 else "")
    return lede[0]


def promo_line(outlet: Outlet, article: WeekArticle) -> str:
    """The line a WordPress-style feed appends to each description."""
    return f"The post {article.title} appeared first on {outlet.name}."


def render_feed(outlet: Outlet, items: Sequence[tuple[WeekArticle, str]], *, now: datetime) -> str:
    """The outlet's feed document: (article, link) pairs, newest first."""
    ordered = sorted(items, key=lambda item: item[0].published, reverse=True)
    built = now - timedelta(minutes=20)
    if outlet.is_atom:
        return _atom(outlet, ordered, built)
    return _rss(outlet, ordered, built)


def _rss(outlet: Outlet, items: Sequence[tuple[WeekArticle, str]], built: datetime) -> str:
    zone = ZoneInfo(outlet.timezone)
    entries = []
    for article, link in items:
        text = describe(outlet, article)
        if outlet.describe is Describe.PROMO:
            html = f"<p>{escape_html(text)}</p><p>{escape_html(promo_line(outlet, article))}</p>"
            description = f"<description><![CDATA[{html}]]></description>"
        else:
            description = f"<description>{escape(text)}</description>" if text else ""
        author = outlet.staff[int(article.key.split("-")[1]) % len(outlet.staff)]
        entries.append(
            f"""    <item>
      <title>{escape(article.title)}</title>
      <link>{escape(link)}</link>
      <guid isPermaLink="false">{outlet.slug}-{article.key}</guid>
      <pubDate>{format_datetime(article.published.astimezone(zone))}</pubDate>
      <dc:creator>{escape(author)}</dc:creator>
      {description}
    </item>
"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{escape(outlet.name)}</title>
    <link>__BASE__/{outlet.slug}/</link>
    <description>Latest news from {escape(outlet.name)}.</description>
    <language>en</language>
    <lastBuildDate>{format_datetime(built.astimezone(zone))}</lastBuildDate>
{"".join(entries)}  </channel>
</rss>
"""


def _atom(outlet: Outlet, items: Sequence[tuple[WeekArticle, str]], built: datetime) -> str:
    zone = ZoneInfo(outlet.timezone)
    entries = []
    for article, link in items:
        text = describe(outlet, article)
        stamp = article.published.astimezone(zone).isoformat()
        summary = f'<summary type="text">{escape(text)}</summary>' if text else ""
        author = outlet.staff[int(article.key.split("-")[1]) % len(outlet.staff)]
        entries.append(
            f"""  <entry>
    <title type="text">{escape(article.title)}</title>
    <link rel="alternate" type="text/html" href={quoteattr(link)}/>
    <id>tag:{outlet.slug}.example,2026:{article.key}</id>
    <published>{stamp}</published>
    <updated>{stamp}</updated>
    <author><name>{escape(author)}</name></author>
    {summary}
  </entry>
"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>{escape(outlet.name)}</title>
  <link rel="alternate" type="text/html" href="__BASE__/{outlet.slug}/"/>
  <id>tag:{outlet.slug}.example,2026:/feed</id>
  <updated>{built.astimezone(zone).isoformat()}</updated>
{"".join(entries)}</feed>
"""
