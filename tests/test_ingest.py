"""Ingest through a real server on 127.0.0.1: feeds polled, pages read into a real
SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer

from digest.config import load_config
from digest.ingest import fetch_all
from digest.models import Article
from digest.store import open_store
from tests.hostile_site import write_config

NOW = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
FIRST = (
    "Garment workers blocked the Ardel ring road for five hours on Wednesday, demanding "
    "three months of unpaid wages, and traffic backed up for miles on both sides.",
    "The workers, from three factories owned by one group, walked out in the morning and "
    "took to the road at about half past nine, the industrial police said.",
)
SECOND = (
    "The workers left the road in the afternoon after the owners promised to pay "
    "October's wages by December 7, the police superintendent, Sara Alam, said.",
    '"If they do not pay by the 7th, we will come back to the road," said Rita Khan, a '
    "machine operator at one of the factories.",
)
THIRD = (
    "The exporters' association said it would step in if the owners failed to pay, and "
    "that it had asked the labour ministry to call both sides to talks next week.",
)
OTHER = (
    "A ferry ran aground off the Ardel islands on Thursday; all 120 passengers were taken "
    "ashore by lifeboat and the coast guard said nobody was hurt.",
    "The ferry company said it would inspect the hull before the vessel sails again, and "
    "that its other routes would keep to their timetables this week.",
)


def _page(title: str, paragraphs: tuple[str, ...], head: str = "", foot: str = "") -> str:
    return (
        f"<html><head><title>{escape(title)}</title>{head}</head><body><article>"
        f"<h1>{escape(title)}</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        + f"{foot}</article></body></html>"
    )


def _feed(base: str, slugs: list[str]) -> str:
    items = "".join(
        f"<item><title>{slug}</title><link>{base}/news/{slug}/</link>"
        f"<guid>{base}/news/{slug}/</guid>"
        f"<pubDate>{format_datetime(NOW - timedelta(hours=10 + n))}</pubDate></item>"
        for n, slug in enumerate(slugs)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ardel Post</title>'
        f"<link>{base}/</link><description>x</description>{items}</channel></rss>"
    )


def _serve_feed(httpserver: HTTPServer, items: str) -> None:
    """Serve an RSS feed of ``items`` (``<item>`` elements) at /feed.xml."""
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ardel Post</title>'
        f"<link>{base}/</link><description>x</description>{items}</channel></rss>",
        content_type="application/rss+xml",
    )


def _fetched(httpserver: HTTPServer, tmp_path: Path) -> list[Article]:
    """The window's articles after one poll of the test site's feed into a new store."""
    config = write_config(
        tmp_path,
        [("Ardel Post", httpserver.url_for("/feed.xml"))],
        storage_url=f"sqlite:///{tmp_path / 'digest.db'}",
    )
    loaded = load_config(config)
    store = open_store(loaded.storage.url)
    try:
        fetch_all(loaded, store, now=NOW)
        window = loaded.news_window(NOW)
        return store.articles_between(window.start, window.end)
    finally:
        store.close()


def _texts(httpserver: HTTPServer, tmp_path: Path) -> dict[str, str]:
    return {a.url.rstrip("/").rsplit("/", 1)[-1]: a.text for a in _fetched(httpserver, tmp_path)}


def test_an_article_over_several_pages_is_read_whole(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    title = "Garment workers block Ardel ring road over unpaid wages"
    pager = (
        '<div class="pagination"><span>Page {n} of 3</span> '
        '<a rel="next" href="{href}">Next page</a></div>'
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        _feed(base, ["ring-road-blocked", "ferry-aground"]), content_type="application/rss+xml"
    )
    # The first page links its second in its head and its pager; the second its third
    # by a relative link in its pager only.
    httpserver.expect_request("/news/ring-road-blocked/").respond_with_data(
        _page(
            title,
            ("Page 1 of 3", *FIRST),
            head=f'<link rel="next" href="{base}/news/ring-road-blocked/2/">',
            foot=pager.format(n=1, href="/news/ring-road-blocked/2/"),
        ),
        content_type="text/html",
    )
    httpserver.expect_request("/news/ring-road-blocked/2/").respond_with_data(
        _page(title, SECOND, foot=pager.format(n=2, href="../3/")),
        content_type="text/html",
    )
    httpserver.expect_request("/news/ring-road-blocked/3/").respond_with_data(
        _page(title, THIRD), content_type="text/html"
    )
    # The site's next article, linked "next" as some sites do, is another story.
    httpserver.expect_request("/news/ferry-aground/").respond_with_data(
        _page(
            "Ferry runs aground off the Ardel islands",
            OTHER,
            head=f'<link rel="next" title="Next post" href="{base}/news/ring-road-blocked/">',
        ),
        content_type="text/html",
    )

    texts = _texts(httpserver, tmp_path)

    assert texts["ring-road-blocked"].split("\n\n") == [*FIRST, *SECOND, *THIRD]
    assert texts["ferry-aground"].split("\n\n") == list(OTHER)


def test_a_feed_item_titled_with_its_slug_takes_the_pages_headline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>{title}</title><link>{base}/news/{slug}/</link>"
        f"<guid>{base}/news/{slug}/</guid>"
        f"<pubDate>{format_datetime(NOW - timedelta(hours=10 + n))}</pubDate></item>"
        for n, (slug, title) in enumerate(
            [
                ("ring-road-blocked", "ring-road-blocked"),
                ("ferry-aground", "Ferry aground"),
                ("ferry-strike", "Huelga de los ferris en las islas de Ardel"),
            ]
        )
    )
    _serve_feed(httpserver, items)
    road = _page("Garment workers block Ardel ring road over unpaid wages", FIRST).replace(
        "<title>Garment workers block Ardel ring road over unpaid wages</title>",
        "<title>Garment workers block Ardel ring road over unpaid wages | Ardel Post</title>",
    )
    httpserver.expect_request("/news/ring-road-blocked/").respond_with_data(
        road, content_type="text/html"
    )
    # A feed's own headline stays, whatever the page calls itself.
    httpserver.expect_request("/news/ferry-aground/").respond_with_data(
        _page("Ferry runs aground off the Ardel islands", OTHER), content_type="text/html"
    )
    # A feed's headline in another language than its English page gives way to the page's.
    httpserver.expect_request("/news/ferry-strike/").respond_with_data(
        _page("Ferry crews strike over pay in the Ardel islands", (*SECOND, *THIRD)),
        content_type="text/html",
    )
    titles = {a.url: a.title for a in _fetched(httpserver, tmp_path)}

    assert titles == {
        f"{base}/news/ring-road-blocked/": (
            "Garment workers block Ardel ring road over unpaid wages"
        ),
        f"{base}/news/ferry-aground/": "Ferry aground",
        f"{base}/news/ferry-strike/": "Ferry crews strike over pay in the Ardel islands",
    }


GERMAN = (
    "Die Regierung in Ardel hat am Mittwoch ein neues Paket für die Inseln angekündigt, "
    "das nach Angaben des Ministeriums rund zwei Milliarden Kronen umfassen soll.",
    "Mit dem Geld sollen Häfen, Straßen und Schulen auf den Inseln erneuert werden, sagte "
    "die Ministerin vor Journalisten, und die ersten Aufträge sollen im März vergeben werden.",
)


def test_a_page_in_another_language_than_its_english_feed_item_gives_way_to_the_feeds_text(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    teaser = (
        "Ardel's government announced a package of about two billion crowns for the "
        "islands on Wednesday, to renew their ports, roads and schools."
    )
    items = "".join(
        f"<item><title>{title}</title><link>{base}/news/{slug}/</link>"
        f"<guid>{base}/news/{slug}/</guid><description>{description}</description>"
        f"<pubDate>{format_datetime(NOW - timedelta(hours=10 + n))}</pubDate></item>"
        for n, (slug, title, description) in enumerate(
            [
                ("islands-package", "Ardel unveils two-billion package for the islands", teaser),
                ("ferry-aground", "Ferry runs aground off the Ardel islands", ""),
            ]
        )
    )
    _serve_feed(httpserver, items)
    httpserver.expect_request("/news/islands-package/").respond_with_data(
        _page("Ardel kündigt Milliardenpaket für die Inseln an", GERMAN),
        content_type="text/html",
    )
    httpserver.expect_request("/news/ferry-aground/").respond_with_data(
        _page("Ferry runs aground off the Ardel islands", OTHER), content_type="text/html"
    )

    texts = _texts(httpserver, tmp_path)

    assert texts["islands-package"] == teaser
    # An English page is read as ever.
    assert texts["ferry-aground"].split("\n\n") == list(OTHER)


def test_a_page_rewritten_in_place_is_written_as_of_its_last_change(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    first = NOW - timedelta(days=3)
    items = "".join(
        f"<item><title>{title}</title><link>{base}/news/{slug}/</link>"
        f"<guid>{base}/news/{slug}/</guid>"
        f"<pubDate>{format_datetime(first)}</pubDate></item>"
        for slug, title in [
            ("ring-road-blocked", "Garment workers block Ardel ring road"),
            ("ferry-aground", "Ferry runs aground off the Ardel islands"),
            ("ferry-strike", "Ferry crews strike over pay"),
            ("ferry-fares", "Ferry fares to rise in March"),
        ]
    )
    _serve_feed(httpserver, items)

    def dated(modified: datetime) -> str:
        return (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "{first.isoformat()}", "dateModified": "{modified.isoformat()}"}}'
            "</script>"
        )

    changed = NOW - timedelta(days=1)
    httpserver.expect_request("/news/ring-road-blocked/").respond_with_data(
        # Rewritten since the feed listed it, under a headline of its own: the newer.
        _page("Garment workers leave Ardel ring road", (*FIRST, *SECOND), head=dated(changed)),
        content_type="text/html",
    )
    # A change dated ahead of the run is a wrong clock: the feed's date stands.
    httpserver.expect_request("/news/ferry-aground/").respond_with_data(
        _page(
            "Ferry runs aground off the Ardel islands", OTHER, head=dated(NOW + timedelta(days=2))
        ),
        content_type="text/html",
    )

    # A stamp the page tells nothing of (no note, the same headline): a touch-up.
    httpserver.expect_request("/news/ferry-strike/").respond_with_data(
        _page("Ferry crews strike over pay", (*SECOND, *THIRD), head=dated(changed)),
        content_type="text/html",
    )

    # A stamp the reader sees above the body ("Updated: ..."), under the same headline:
    # its text is as of then.
    shown = _page("Ferry fares to rise in March", (*SECOND, *THIRD), head=dated(changed)).replace(
        "<body>", f"<body><p class='updated'>Updated: {changed:%B %d, %Y}</p>"
    )
    httpserver.expect_request("/news/ferry-fares/").respond_with_data(
        shown, content_type="text/html"
    )

    fetched = {a.url.rstrip("/").rsplit("/", 1)[-1]: a for a in _fetched(httpserver, tmp_path)}

    # Its text is as of the change; its date stays the feed's.
    assert {slug: (a.published, a.written) for slug, a in fetched.items()} == {
        "ring-road-blocked": (first, changed),
        "ferry-aground": (first, first),
        "ferry-strike": (first, first),
        "ferry-fares": (first, changed),
    }
    assert {slug: a.title for slug, a in fetched.items()} == {
        "ring-road-blocked": "Garment workers leave Ardel ring road",
        "ferry-aground": "Ferry runs aground off the Ardel islands",
        "ferry-strike": "Ferry crews strike over pay",
        "ferry-fares": "Ferry fares to rise in March",
    }
