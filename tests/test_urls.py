"""canonical_url: two spellings of one article must give one store row."""

from __future__ import annotations

import pytest

from digest.urls import canonical_url, display_url, is_http_url, reader_url, url_date


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("HTTP://Example.COM/a/b", None, "http://example.com/a/b"),
        ("http://example.com:80/a", None, "http://example.com/a"),
        ("https://example.com:443/a", None, "https://example.com/a"),
        ("https://example.com:8443/a", None, "https://example.com:8443/a"),
        ("http://example.com:443/a", None, "http://example.com:443/a"),
        ("https://example.com", None, "https://example.com/"),
        ("https://example.com/a#comments", None, "https://example.com/a"),
        (
            "https://example.com/a?id=7&utm_source=rss&utm_MEDIUM=x&fbclid=1&gclid=2&page=2",
            None,
            "https://example.com/a?id=7&page=2",
        ),
        ("https://example.com/a?mc_cid=1&mc_eid=2", None, "https://example.com/a"),
        # What outlets add to their feeds' and share buttons' links.
        ("https://news.example/a-1.7389012?cmp=rss", None, "https://news.example/a-1.7389012"),
        (
            "https://news.example/a?CMP=share_btn&xtor=RSS-3&at_medium=RSS&ns_source=x&id=4",
            None,
            "https://news.example/a?id=4",
        ),
        # A parameter that only begins like one is the page's own.
        ("https://news.example/a?cmpx=1&attr=2", None, "https://news.example/a?cmpx=1&attr=2"),
        ("https://news.example/a?at_time=10", None, "https://news.example/a?at_time=10"),
        # Other parameters keep their order and their exact encoding.
        ("https://example.com/s?q=a%20b&z=1&a=2", None, "https://example.com/s?q=a%20b&z=1&a=2"),
        # The path keeps its case: servers may treat /A and /a as different pages.
        ("https://Example.com/Story/ABC", None, "https://example.com/Story/ABC"),
        ("/news/1?utm_campaign=x", "https://Example.com/feed.xml", "https://example.com/news/1"),
        ("2.html", "https://example.com/news/feed", "https://example.com/news/2.html"),
        ("//cdn.example.com/x", "https://example.com/", "https://cdn.example.com/x"),
        ("http://[2001:DB8::1]:80/x", None, "http://[2001:db8::1]/x"),
        ("https://user@Example.com/x", None, "https://user@example.com/x"),
        ("  https://example.com/x  ", None, "https://example.com/x"),
        ("mailto:desk@example.com", None, "mailto:desk@example.com"),
    ],
)
def test_canonical_url(url: str, base: str | None, expected: str) -> None:
    assert canonical_url(url, base=base) == expected


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url("HTTPS://Example.com:443/a?utm_source=x&b=1#top")
    assert canonical_url(once) == once == "https://example.com/a?b=1"


def test_canonical_url_leaves_unparseable_urls_alone() -> None:
    assert canonical_url("http://example.com:99999/x") == "http://example.com:99999/x"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a", True),
        ("HTTP://example.com", True),
        ("ftp://example.com/a", False),
        ("javascript:alert(1)", False),
        ("/relative/path", False),
        ("https://", False),
        ("http://[::1", False),
        ("", False),
    ],
)
def test_is_http_url(url: str, expected: bool) -> None:
    assert is_http_url(url) is expected


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://аррӏе.com/login", "http://xn--80ak6aa92e.com/login"),
        ("https://u@pаypal.com:8443/a?b=1#c", "https://u@xn--pypal-4ve.com:8443/a?b=1#c"),
        ("https://münchen.de/karte", "https://münchen.de/karte"),
        ("https://пример.рф/", "https://пример.рф/"),
        ("https://example.org/", "https://example.org/"),
    ],
)
def test_display_url_shows_mixed_script_hosts_in_punycode(url: str, shown: str) -> None:
    assert display_url(url) == shown


def test_the_day_an_address_gives_its_article() -> None:
    from datetime import date

    assert url_date("https://post.example/world/2025/11/12/strikes/") == date(2025, 11, 12)
    assert url_date("https://x.example/news/2026/2/17/item") == date(2026, 2, 17)
    assert url_date("https://x.example/2026/02/31/item") is None  # no such day
    assert url_date("https://x.example/item-2026-02-17") is None  # not a path date
    assert url_date("https://x.example/?d=/2026/02/17/") is None  # the query is no path


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "https://news.example/nation/pact-signed/amp/",
            "https://news.example/nation/pact-signed/",
        ),
        ("https://news.example/mena/talks/?outputType=amp", "https://news.example/mena/talks/"),
        ("https://news.example/a?amp=1&id=7", "https://news.example/a?id=7"),
        # Not an AMP copy: a word that ends in "amp", a section called "amp", a parameter.
        ("https://news.example/summer-camp/", "https://news.example/summer-camp/"),
        ("https://news.example/amp/", "https://news.example/amp/"),
        ("https://news.example/a?example=amp", "https://news.example/a?example=amp"),
    ],
)
def test_an_amp_copy_is_shown_as_its_own_page(url: str, shown: str) -> None:
    assert reader_url(url) == shown
