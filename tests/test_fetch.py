"""Polling feeds and downloading pages against a real local server."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from digest.config import FetchConfig
from digest.feeds import html_to_text, parse_feed
from digest.fetch import (
    FeedRequest,
    PageRequest,
    check_feeds,
    fetch_pages,
    poll_feeds,
)
from digest.models import FetchOutcome, FetchResult

SETTINGS = FetchConfig.model_validate(dict(timeout_seconds=5, retries=2, allow_private=True))
CORPUS = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "feeds" / "feedparser_corpus"
)
NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Example News</title><link>https://example.org/</link>
  <lastBuildDate>Sun, 01 Mar 2026 09:00:00 GMT</lastBuildDate>
  <item>
    <title>Council approves budget</title>
    <link>/news/budget?utm_source=rss&amp;id=7#comments</link>
    <guid isPermaLink="false">story-1</guid>
    <description>&lt;p&gt;The council &lt;b&gt;approved&lt;/b&gt; it.&lt;/p&gt;
      &lt;p&gt;Caf&amp;eacute; owners cheered.&lt;/p&gt;</description>
    <pubDate>Sun, 01 Mar 2026 10:30:00 +0100</pubDate>
    <author>desk@example.org (Jane Doe)</author>
  </item>
  <item>
    <link>https://example.org/news/no-title</link>
    <description>A story with no title but a long enough teaser to borrow
      the first twelve words from it.</description>
  </item>
</channel></rss>"""


def _feed(server: HTTPServer, path: str = "/feed.xml", name: str = "Example") -> FeedRequest:
    return FeedRequest(url=server.url_for(path), name=name)


def _poll_one(request: FeedRequest, settings: FetchConfig = SETTINGS) -> FetchResult:
    [result] = poll_feeds([request], settings, now=NOW)
    return result


# ---------------------------------------------------------------------------- outcomes


def test_200_parses_entries(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        RSS,
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Sun, 01 Mar 2026 09:00:00 GMT"},
    )
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK
    assert (result.status, result.error, result.etag) == (200, "", '"v1"')
    assert result.last_modified == "Sun, 01 Mar 2026 09:00:00 GMT"
    first, second = result.entries
    base = httpserver.url_for("/")
    assert first.key == "story-1"
    assert first.url == base + "news/budget?id=7"
    assert first.title == "Council approves budget"
    assert first.summary == "The council approved it.\n\nCafé owners cheered."
    assert first.published == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert first.author == "desk@example.org (Jane Doe)"
    assert (first.outlet, first.feed_url) == ("Example", httpserver.url_for("/feed.xml"))
    # No guid: the canonical link is the key. No title: the teaser's first words.
    assert second.key == second.url == "https://example.org/news/no-title"
    assert second.title == "A story with no title but a long enough teaser to borrow …"
    # No date on the item: the feed's own lastBuildDate.
    assert second.published == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_conditional_get_gives_not_modified(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    httpserver.expect_request(
        "/feed.xml", headers={"If-Modified-Since": "Sun, 01 Mar 2026 09:00:00 GMT"}
    ).respond_with_data("", status=304)
    httpserver.expect_request("/feed.xml").respond_with_data(
        RSS, headers={"ETag": '"v1"', "Last-Modified": "Sun, 01 Mar 2026 09:00:00 GMT"}
    )
    cold = _poll_one(_feed(httpserver))
    assert cold.outcome is FetchOutcome.OK
    by_etag = _poll_one(FeedRequest(cold.feed_url, "Example", etag=cold.etag))
    by_date = _poll_one(FeedRequest(cold.feed_url, "Example", last_modified=cold.last_modified))
    for result in (by_etag, by_date):
        assert result.outcome is FetchOutcome.NOT_MODIFIED
        assert result.entries == () and result.status == 304
    assert by_date.last_modified == cold.last_modified  # kept for the next poll


def test_permanent_redirect_chain_is_moved(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old.xml").respond_with_data("", 301, {"Location": "/mid.xml"})
    httpserver.expect_request("/mid.xml").respond_with_data("", 308, {"Location": "/new.xml"})
    httpserver.expect_request("/new.xml").respond_with_data(RSS)
    result = _poll_one(_feed(httpserver, "/old.xml"))
    new_url = httpserver.url_for("/new.xml")
    assert result.outcome is FetchOutcome.MOVED
    assert result.final_url == new_url
    assert len(result.entries) == 2
    assert result.warnings == (), "the move is the outcome, reported once from the store"


def test_permanent_then_temporary_keeps_the_permanent_target(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old.xml").respond_with_data("", 301, {"Location": "/new.xml"})
    httpserver.expect_request("/new.xml").respond_with_data("", 302, {"Location": "/cdn.xml"})
    httpserver.expect_request("/cdn.xml").respond_with_data(RSS)
    result = _poll_one(_feed(httpserver, "/old.xml"))
    assert (result.outcome, result.final_url) == (
        FetchOutcome.MOVED,
        httpserver.url_for("/new.xml"),
    )


@pytest.mark.parametrize("status", [302, 307])
def test_temporary_redirect_is_followed_silently(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("", status, {"Location": "/tmp.xml"})
    httpserver.expect_request("/tmp.xml").respond_with_data(RSS)
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK
    assert result.final_url == httpserver.url_for("/feed.xml")
    assert result.warnings == () and len(result.entries) == 2


def test_redirect_loop_fails(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("", 301, {"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", 302, {"Location": "/feed.xml"})
    result = _poll_one(_feed(httpserver))
    assert (result.outcome, result.error) == (FetchOutcome.FAILED, "redirect loop")


@pytest.mark.parametrize(
    ("status", "outcome", "error"),
    [
        (404, FetchOutcome.FAILED, "HTTP 404 Not Found"),
        (403, FetchOutcome.FAILED, "HTTP 403 Forbidden"),
        (410, FetchOutcome.GONE, "HTTP 410 Gone"),
    ],
)
def test_error_statuses(
    httpserver: HTTPServer, status: int, outcome: FetchOutcome, error: str
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("nope", status=status)
    request = FeedRequest(httpserver.url_for("/feed.xml"), "Example", etag='"old"')
    result = _poll_one(request)
    assert (result.outcome, result.error, result.status) == (outcome, error, status)
    assert result.etag == '"old"'  # a failure does not wipe the stored validator


def test_server_error_then_success_is_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/feed.xml").respond_with_data("oops", status=500)
    httpserver.expect_request("/feed.xml").respond_with_data(RSS)
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK and len(result.entries) == 2
    assert len(httpserver.log) == 2


def test_429_with_retry_after_is_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/feed.xml").respond_with_data(
        "", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_request("/feed.xml").respond_with_data(RSS)
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK
    assert [entry.status_code for _, entry in httpserver.log] == [429, 200]


def test_read_timeout(httpserver: HTTPServer) -> None:
    import time

    def slow(_request: object) -> str:
        time.sleep(1.0)
        return "late"

    httpserver.expect_request("/feed.xml").respond_with_handler(slow)  # type: ignore[arg-type]
    settings = FetchConfig.model_validate(dict(timeout_seconds=0.2, retries=0, allow_private=True))
    result = _poll_one(_feed(httpserver), settings)
    assert (result.outcome, result.error) == (FetchOutcome.FAILED, "timed out after 0.2 s")


def test_connection_refused(refused_port: int) -> None:
    result = _poll_one(FeedRequest(f"http://127.0.0.1:{refused_port}/feed.xml", "Closed"))
    assert (result.outcome, result.error) == (FetchOutcome.FAILED, "connection refused")


def test_body_over_the_cap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(b"<rss>" + b" " * 10_000_000)
    settings = SETTINGS.model_copy(update={"max_bytes": 1_000_000})
    result = _poll_one(_feed(httpserver), settings)
    assert (result.outcome, result.error) == (
        FetchOutcome.FAILED,
        "body larger than 1000000 bytes",
    )


def test_charset_from_the_header_wins(httpserver: HTTPServer) -> None:
    # The XML declaration lies (utf-8); the bytes and the header say ISO-8859-1.
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>Café in Zürich</title><link>https://example.org/c</link></item>"
        "</channel></rss>"
    ).encode("iso-8859-1")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, headers={"Content-Type": "application/xml; charset=ISO-8859-1"}
    )
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK
    assert result.entries[0].title == "Café in Zürich"


def test_text_xml_over_a_windows_1252_document_is_read_without_a_warning(
    httpserver: HTTPServer,
) -> None:
    # "text/xml" with no charset defaults to us-ascii; the document says windows-1252.
    feed = (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
        "<title>x</title><item><title>Côte d’Ivoire: opposition figure arrested</title>"
        "<link>https://example.org/c</link></item></channel></rss>"
    ).encode("windows-1252")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, headers={"Content-Type": "text/xml"}
    )
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK
    assert result.entries[0].title == "Côte d’Ivoire: opposition figure arrested"
    assert result.warnings == ()


def test_html_instead_of_a_feed(httpserver: HTTPServer) -> None:
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"
    httpserver.expect_request("/feed.xml").respond_with_data(page, content_type="text/html")
    result = _poll_one(_feed(httpserver))
    assert (result.outcome, result.error) == (FetchOutcome.FAILED, "not a feed: got text/html page")


def test_empty_body(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(b"", content_type="application/xml")
    result = _poll_one(_feed(httpserver))
    assert (result.outcome, result.error) == (FetchOutcome.FAILED, "empty response")


def test_gzip_encoded_response(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        gzip.compress(RSS), headers={"Content-Encoding": "gzip"}
    )
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK and len(result.entries) == 2


def test_bozo_feed_with_entries_is_ok_with_a_warning(httpserver: HTTPServer) -> None:
    broken = RSS.replace(b"</channel></rss>", b"<item><title>Unclosed & bad</title></channel>")
    httpserver.expect_request("/feed.xml").respond_with_data(broken)
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.OK
    assert len(result.entries) >= 2
    assert result.warnings[0].startswith("malformed feed (line ")
    assert "entries recovered, others may be lost: tell the publisher" in result.warnings[0]
    assert "<unknown>" not in result.warnings[0]


def test_malformed_feed_without_entries_fails(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(b"<rss><channel><title>x</ti")
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.FAILED
    assert result.error.startswith("malformed XML and no entries: ")


def test_malformed_feed_whose_recovered_entries_have_no_link_fails(httpserver: HTTPServer) -> None:
    # The parser salvages an item but not its link: nothing to read, so the feed failed
    # (and says so on every poll), not "ok" with a warning seen once.
    cut = b'<rss version="2.0"><channel><title>x</title><item><title>A storm</title><link'
    httpserver.expect_request("/feed.xml").respond_with_data(cut)
    result = _poll_one(_feed(httpserver))
    assert result.outcome is FetchOutcome.FAILED, result
    assert result.error.startswith("malformed XML and no usable entries: line ")


def test_one_bad_feed_does_not_spoil_the_others(httpserver: HTTPServer, refused_port: int) -> None:
    httpserver.expect_request("/good.xml").respond_with_data(RSS)
    httpserver.expect_request("/missing.xml").respond_with_data("", status=404)
    httpserver.expect_request("/page.html").respond_with_data(
        "<html><body>hello</body></html>", content_type="text/html"
    )
    requests = [
        _feed(httpserver, "/good.xml", "A"),
        _feed(httpserver, "/missing.xml", "B"),
        FeedRequest(f"http://127.0.0.1:{refused_port}/x", "C"),
        _feed(httpserver, "/page.html", "D"),
        FeedRequest("not a url at all", "E"),
        _feed(httpserver, "/good.xml", "F"),
    ]
    seen: list[FetchResult] = []
    results = poll_feeds(requests, SETTINGS, progress=seen.append, now=NOW)
    assert [r.feed_url for r in results] == [r.url for r in requests]
    assert [r.outcome for r in results] == [
        FetchOutcome.OK,
        FetchOutcome.FAILED,
        FetchOutcome.FAILED,
        FetchOutcome.FAILED,
        FetchOutcome.FAILED,
        FetchOutcome.OK,
    ]
    assert [len(r.entries) for r in results] == [2, 0, 0, 0, 0, 2]
    assert results[4].error.startswith("invalid URL")
    assert sorted(r.feed_url for r in seen) == sorted(r.url for r in requests)


def _mixed_feeds(server: HTTPServer, count: int) -> list[FeedRequest]:
    """``count`` feeds cycling through every parse_feed outcome."""
    bodies: list[tuple[bytes, str]] = [
        (RSS, "application/rss+xml"),
        (RSS.replace(b"</channel></rss>", b"<item><title>Bad &</title></channel>"), "text/xml"),
        (b"<rss><channel><title>x</ti", "application/xml"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "text/html"),
        (b"", "application/xml"),
    ]
    for n, (body, content_type) in enumerate(bodies):
        server.expect_request(f"/mixed/{n}.xml").respond_with_data(body, content_type=content_type)
    return [_feed(server, f"/mixed/{n % len(bodies)}.xml", f"Outlet {n}") for n in range(count)]


def test_a_big_poll_parses_in_worker_processes_with_the_same_results(
    httpserver: HTTPServer,
) -> None:
    # 40 feeds: enough for poll_feeds to fork its own parser pool on a multi-core Linux
    # box (elsewhere it parses in a thread, and the assertions hold all the same).
    requests = _mixed_feeds(httpserver, 40)
    children_before = set(multiprocessing.active_children())
    pooled = poll_feeds(requests, SETTINGS, now=NOW)
    assert set(multiprocessing.active_children()) <= children_before  # pool shut down
    with ThreadPoolExecutor(1) as thread:
        in_thread = poll_feeds(requests, SETTINGS, now=NOW, executor=thread)
    assert pooled == in_thread
    assert [r.outcome for r in pooled[:5]] == [FetchOutcome.OK, FetchOutcome.OK] + [
        FetchOutcome.FAILED
    ] * 3
    assert [r.feed_url for r in pooled] == [r.url for r in requests]


def test_a_dead_parser_pool_falls_back_to_parsing_in_process(
    httpserver: HTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    requests = _mixed_feeds(httpserver, 10)
    expected = poll_feeds(requests, SETTINGS, now=NOW)
    # spawn, not fork: the test process runs the HTTP server's thread.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        with pytest.raises(BrokenExecutor):
            pool.submit(os._exit, 1).result()  # the worker dies, as under the OOM killer
        assert poll_feeds(requests, SETTINGS, now=NOW, executor=pool) == expected
    warnings = [r.message for r in caplog.records if "parser processes died" in r.message]
    assert len(warnings) == 1


def test_check_feeds_polls_without_state(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(RSS, headers={"ETag": '"v9"'})
    [result] = check_feeds([httpserver.url_for("/feed.xml")], SETTINGS)
    assert result.outcome is FetchOutcome.OK and result.etag == '"v9"'
    assert "If-None-Match" not in httpserver.log[0][0].headers


# ---------------------------------------------------------------------------- parse_feed


def test_parse_feed_entry_rules() -> None:
    feed = b"""<?xml version="1.0"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
      <updated>2026-02-01T00:00:00Z</updated>
      <entry><id>https://example.org/guid-link</id>
        <title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title>
        <updated>2026-02-03T12:00:00+02:00</updated>
        <content type="html">&lt;p&gt;One&lt;br/&gt;two&lt;/p&gt;
          &lt;script&gt;x()&lt;/script&gt;</content></entry>
      <entry><id>urn:no-link</id><title>No link</title></entry>
      <entry><id>https://example.org/guid-link</id><title>Repeat</title></entry>
    </feed>"""
    entries, warnings, error = parse_feed(
        feed, feed_url="https://example.org/atom", outlet="Ex", fetched_at=NOW
    )
    assert error == ""
    [entry] = entries
    # A guid that is an http URL stands in for the missing link.
    assert entry.url == entry.key == "https://example.org/guid-link"
    assert entry.title == "A bold move"
    assert entry.content == "One\ntwo"
    assert entry.published == datetime(2026, 2, 3, 10, 0, tzinfo=UTC)
    assert entry.dated
    assert warnings == (
        "1 entries without an http(s) link skipped (no article to read)",
        "1 entries with a repeated id skipped",
    )


def test_one_guid_on_two_links_keeps_both_reports() -> None:
    # Yonhap's CMS gave a preview and the report one guid; each link is an article.
    feed = b"""<rss version="2.0"><channel><title>t</title>
      <item><guid isPermaLink="false">AEN2026120400051</guid><title>Pact signed</title>
        <link>https://example.org/view/AEN2026120400051</link></item>
      <item><guid isPermaLink="false">AEN2026120400051</guid><title>Chief arrives</title>
        <link>https://example.org/view/AEN2026120300812</link></item>
      <item><guid isPermaLink="false">AEN2026120400051</guid><title>Pact signed again</title>
        <link>https://example.org/view/AEN2026120400051</link></item>
    </channel></rss>"""
    entries, warnings, _ = parse_feed(feed, feed_url="https://example.org/rss", outlet="Y")
    # Each is keyed by its link, whichever comes first.
    assert [(e.key, e.title) for e in entries] == [
        ("https://example.org/view/AEN2026120400051", "Pact signed"),
        ("https://example.org/view/AEN2026120300812", "Chief arrives"),
    ]
    # The same link twice is one report: that repeat alone is skipped.
    assert warnings == ("1 entries with a repeated id skipped",)


def test_an_aggregated_item_is_its_own_outlets() -> None:
    # Google News: the outlet in <source>, again after the title, and a description that
    # is only a link to the title and the outlet's name.
    feed = b"""<rss version="2.0"><channel><title>World - Google News</title>
      <item><title>Quake cuts State Highway 1 - RNZ</title>
        <link>https://www.rnz.co.nz/news/national/1</link>
        <description>&lt;a href="https://www.rnz.co.nz/news/national/1"&gt;Quake cuts State
          Highway 1&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;RNZ&lt;/font&gt;
        </description><source url="https://www.rnz.co.nz">RNZ</source></item>
      <item><title>Knesset votes to dissolve - Arab News</title>
        <link>https://www.arabnews.com/node/2</link>
        <description>Lawmakers voted 102-0 on Wednesday to dissolve the Knesset.</description>
        <source url="https://www.arabnews.com">Arab News</source></item>
      <item><title>Talks resume - what next for Gaza</title>
        <link>https://example.org/3</link></item>
    </channel></rss>"""
    entries, _, _ = parse_feed(feed, feed_url="https://news.example/rss", outlet="GN World")
    assert [(e.outlet, e.title, e.summary) for e in entries] == [
        ("RNZ", "Quake cuts State Highway 1", ""),
        (
            "Arab News",
            "Knesset votes to dissolve",
            "Lawmakers voted 102-0 on Wednesday to dissolve the Knesset.",
        ),
        # No <source>: the feed's own outlet, and a title's tail is the headline's.
        ("GN World", "Talks resume - what next for Gaza", ""),
    ]
    # Google News's description opens with the title: a link to it and the outlet's name,
    # or a list of other outlets' headlines on the story. Nothing of the report's own.
    listed = b"""<rss version="2.0"><channel><title>x</title>
      <item><title>Protest at BBC - BBC</title><link>https://www.bbc.example/1</link>
        <description>Protest at BBC</description><source url="https://bbc.example">BBC</source>
      </item>
      <item><title>Storm hits coast - Reuters.com</title><link>https://r.example/2</link>
        <description>&lt;ol&gt;&lt;li&gt;&lt;a href="https://r.example/2"&gt;Storm hits
          coast&lt;/a&gt; Reuters&lt;/li&gt;&lt;li&gt;&lt;a href="https://o.example/3"&gt;
          Gales close ports&lt;/a&gt; Other Paper&lt;/li&gt;&lt;/ol&gt;</description>
        <source url="https://r.example">Reuters</source></item></channel></rss>"""
    entries, _, _ = parse_feed(listed, feed_url="https://news.example/rss", outlet="GN World")
    assert [(e.outlet, e.title, e.summary) for e in entries] == [
        ("BBC", "Protest at BBC", ""),
        ("Reuters", "Storm hits coast", ""),
    ]


def test_parse_feed_falls_back_to_the_poll_time_and_untitled() -> None:
    feed = b"<rss version='2.0'><channel><title>t</title><item><link>https://e.org/1</link></item></channel></rss>"
    entries, _, _ = parse_feed(feed, feed_url="https://e.org/rss", outlet="E", fetched_at=NOW)
    assert (entries[0].title, entries[0].published) == ("(untitled)", NOW)
    assert not entries[0].dated  # so the page's own date can replace the poll time


def test_parse_feed_uses_the_given_encoding() -> None:
    feed = "<rss version='2.0'><channel><item><title>Łódź</title><link>https://e.org/1</link></item></channel></rss>"
    entries, _, error = parse_feed(
        feed.encode("iso-8859-2"), feed_url="https://e.org/", outlet="E", encoding="iso-8859-2"
    )
    assert error == "" and entries[0].title == "Łódź"


def test_parse_feed_errors_and_empty_feeds() -> None:
    def error_of(content: bytes, content_type: str) -> str:
        return parse_feed(
            content, feed_url="https://e.org/", outlet="E", content_type=content_type
        )[2]

    assert error_of(b"hello world", "text/plain").startswith("malformed XML and no entries: ")
    assert error_of(b"<html><p>hi</p></html>", "") == "not a feed: got text/html page"
    assert error_of(b"  \n ", "application/xml") == "empty response"
    # A valid feed with no items is fine, whatever type the server claims.
    empty = b'<rss version="2.0"><channel><title>x</title></channel></rss>'
    assert error_of(empty, "text/plain") == ""


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"),
        ("plain   text\n\n\n second", "plain text\n\nsecond"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<div><script>alert(1)</script><style>p{}</style>Kept</div>", "Kept"),
        ("<ul><li>x</li><li>y</li></ul>", "x\n\ny"),
        ("Caf&eacute; &#8217;quote&#8217; &nbsp;", "Café ’quote’"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("", ""),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


# ---------------------------------------------------------------------------- pages


def test_fetch_pages(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/article").respond_with_data(
        "<html><body><p>Story</p></body></html>".encode("latin-1"),
        headers={"Content-Type": "text/html; charset=ISO-8859-1", "ETag": '"p1"'},
    )
    httpserver.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.7", content_type="application/pdf"
    )
    httpserver.expect_request("/moved").respond_with_data("", 301, {"Location": "/article"})
    httpserver.expect_request("/cached", headers={"If-None-Match": '"c1"'}).respond_with_data(
        "", status=304
    )
    requests = [
        PageRequest(httpserver.url_for("/article")),
        PageRequest(httpserver.url_for("/paper.pdf")),
        PageRequest(httpserver.url_for("/moved")),
        PageRequest(httpserver.url_for("/cached"), etag='"c1"'),
    ]
    article, pdf, moved, cached = fetch_pages(requests, SETTINGS)
    assert article.ok and article.content.startswith(b"<html>")
    assert (article.encoding, article.etag, article.status) == ("iso-8859-1", '"p1"', 200)
    assert (pdf.ok, pdf.error, pdf.content) == (False, "not HTML: application/pdf", b"")
    assert moved.ok and moved.final_url == httpserver.url_for("/article")
    assert cached.ok and cached.not_modified and cached.etag == '"c1"'


def test_a_stop_inside_a_task_leaves_no_asyncio_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A SIGTERM to a command started in the background is raised as KeyboardInterrupt
    wherever it lands, often inside one of the tasks fetching pages. The CLI says it was
    interrupted; asyncio must not add "Task exception was never retrieved" and a
    traceback after that message (it did, in a CI run of the SIGTERM test)."""
    import asyncio
    import gc

    from digest.net import run_blocking

    async def one(n: int) -> None:
        await asyncio.sleep(0.01 * n)
        if n == 2:
            raise KeyboardInterrupt  # where the signal landed
        await asyncio.sleep(5)

    async def work() -> list[None]:
        return await asyncio.gather(*(one(n) for n in range(4)))

    def interrupted() -> bool:
        try:
            run_blocking(work())
        except KeyboardInterrupt:
            return True  # its traceback, which holds the task, goes with this frame
        return False

    assert interrupted()
    gc.collect()  # an unretrieved exception is reported when its task is collected
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []
    # Any other error a task leaves unretrieved is still reported.
    caplog.clear()

    async def failing() -> None:
        asyncio.get_running_loop().create_task(_boom())
        await asyncio.sleep(0.05)

    run_blocking(failing())
    gc.collect()
    assert any("never retrieved" in r.getMessage() for r in caplog.records)


async def _boom() -> None:
    raise ValueError("lost")


def test_page_on_a_private_address_needs_allow_private(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/article").respond_with_data(
        "<html>hi</html>", content_type="text/html"
    )
    url = f"http://127.0.0.1:{httpserver.port}/article"
    [refused] = fetch_pages(
        [PageRequest(url)], SETTINGS.model_copy(update={"allow_private": False})
    )
    assert not refused.ok
    # The reason says what to do about it.
    assert refused.error == (
        "blocked address: 127.0.0.1 (loopback) Set fetch.allow_private: true to fetch "
        "private hosts."
    )
    assert not httpserver.log
    [allowed] = fetch_pages([PageRequest(url)], SETTINGS)
    assert allowed.ok and allowed.content == b"<html>hi</html>"


def test_page_errors_are_results(httpserver: HTTPServer, refused_port: int) -> None:
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    requests = [
        PageRequest(httpserver.url_for("/gone")),
        PageRequest("javascript:alert(1)"),
        PageRequest(f"http://127.0.0.1:{refused_port}/"),
    ]
    errors = [r.error for r in fetch_pages(requests, SETTINGS)]
    assert errors == [
        "HTTP 404 Not Found",
        "refused scheme javascript: only http(s)",
        "connection refused",
    ]


# ---------------------------------------------------------------------------- corpus


def _corpus_sample() -> list[dict[str, object]]:
    manifest = CORPUS / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip(f"feedparser corpus not found at {CORPUS} (evaluation data is optional)")
    cases = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    return cases[::10]


def test_feedparser_corpus_sample_never_raises(httpserver: HTTPServer) -> None:
    cases = _corpus_sample()
    for case in cases:
        path = str(case["path"])
        headers = dict(case.get("http_headers") or {})  # type: ignore[call-overload]
        httpserver.expect_request("/" + path).respond_with_data(
            (CORPUS / path).read_bytes(), headers=headers or {"Content-Type": "application/xml"}
        )
    requests = [
        FeedRequest(httpserver.url_for("/" + str(c["path"])), str(c["path"])) for c in cases
    ]
    results = poll_feeds(requests, SETTINGS, now=NOW)
    assert len(results) == len(cases)
    internal = [r for r in results if r.error.startswith("internal error")]
    assert internal == []
    assert all(r.outcome in (FetchOutcome.OK, FetchOutcome.FAILED) for r in results)
    assert sum(r.outcome is FetchOutcome.OK for r in results) > len(cases) * 0.6


@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:1/feed.xml"]
)
def test_feed_redirect_to_another_host_goes_through_the_guard(
    httpserver: HTTPServer, target: str
) -> None:
    """The operator trusts the feed's URL, not wherever its server sends us next."""
    httpserver.expect_request("/feed.xml").respond_with_data("", 301, {"Location": target})
    guarded = FetchConfig.model_validate(dict(timeout_seconds=5, retries=0))
    [result] = poll_feeds([_feed(httpserver, "/feed.xml")], guarded)
    assert result.outcome is FetchOutcome.FAILED
    assert "blocked address" in result.error


def test_the_zone_of_a_feeds_dates_is_kept_and_utc_is_no_zone() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>E</title>
<item><title>Ferry sold</title><link>https://e.org/1</link>
<pubDate>Wed, 18 Nov 2026 11:00:00 -0500</pubDate></item>
<item><title>Port opens</title><link>https://e.org/2</link>
<pubDate>Thu, 19 Nov 2026 01:00:00 +0900</pubDate></item>
<item><title>Talks end</title><link>https://e.org/3</link>
<pubDate>Wed, 18 Nov 2026 16:00:00 GMT</pubDate></item>
</channel></rss>"""
    entries, _, error = parse_feed(feed, feed_url="https://e.org/rss", outlet="E", fetched_at=NOW)
    assert error == ""
    # All three were written at 16:00 UTC; only the first two say on whose clock.
    assert {e.published for e in entries} == {datetime(2026, 11, 18, 16, 0, tzinfo=UTC)}
    assert [e.utc_offset for e in entries] == [-300, 540, None]


def test_dates_written_all_in_figures_keep_their_day_and_time() -> None:
    """feedparser reads "2026/12/03 23:38:00" as 1 December at midnight and drops
    Drupal's "Tue, 12/01/2026 - 17:20": the item would be dated days off, or not at all."""
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>E</title>
<item><title>Rescue team arrives</title><link>https://e.org/1</link>
<pubDate>2026/12/03 23:38:00</pubDate></item>
<item><title>Leaders meet</title><link>https://e.org/2</link>
<pubDate>Tue, 12/01/2026 - 17:20</pubDate></item>
<item><title>Vote held</title><link>https://e.org/3</link>
<pubDate>04.12.2026 08:15</pubDate></item>
<item><title>Not a date</title><link>https://e.org/4</link>
<pubDate>2026/13/45 10:00</pubDate></item>
<item><title>Day first</title><link>https://e.org/5</link>
<pubDate>Wed, 02/12/2026 - 09:00</pubDate></item>
<item><title>No such weekday</title><link>https://e.org/6</link>
<pubDate>Fri, 02/12/2026 - 09:00</pubDate></item>
</channel></rss>"""
    entries, _, error = parse_feed(feed, feed_url="https://e.org/rss", outlet="E", fetched_at=NOW)
    assert error == ""
    assert [(e.published, e.dated) for e in entries[:3]] == [
        (datetime(2026, 12, 3, 23, 38, tzinfo=UTC), True),
        (datetime(2026, 12, 1, 17, 20, tzinfo=UTC), True),
        (datetime(2026, 12, 4, 8, 15, tzinfo=UTC), True),
    ]
    # No such day: undated, not some other day.
    assert not entries[3].dated
    # A weekday that fits the day-first reading only ("Wed, 02/12/2026" is 2 December);
    # one that fits neither leaves the item undated.
    assert (entries[4].published, entries[4].dated) == (datetime(2026, 12, 2, 9, tzinfo=UTC), True)
    assert not entries[5].dated


def test_an_outlet_signing_its_feed_titles_is_not_part_of_them() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>E</title>
<item><title>Ferry fares rise - Harbour Daily</title><link>https://e.org/1</link></item>
<item><title>Quay reopens | harbourdaily.com</title><link>https://e.org/2</link></item>
<item><title>Talks collapse - what next for the port</title><link>https://e.org/3</link></item>
</channel></rss>"""
    entries, _, error = parse_feed(
        feed, feed_url="https://e.org/rss", outlet="Harbour Daily", fetched_at=NOW
    )
    assert error == ""
    assert [e.title for e in entries] == [
        "Ferry fares rise",
        "Quay reopens | harbourdaily.com",
        "Talks collapse - what next for the port",
    ]


def test_an_rfc822_date_with_no_zone_keeps_its_day() -> None:
    """feedparser gives up on "Fri, 4 Dec 2026 07:45:00" (no zone): the item would be
    dated when it was polled, days later."""
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>E</title>
<item><title>Eruption begins</title><link>https://e.org/1</link>
<pubDate>Fri, 4 Dec 2026 07:45:00</pubDate></item>
<item><title>Still no date</title><link>https://e.org/2</link>
<pubDate>Fri, 31 Feb 2026 07:45:00</pubDate></item>
</channel></rss>"""
    entries, _, error = parse_feed(feed, feed_url="https://e.org/rss", outlet="E", fetched_at=NOW)
    assert error == ""
    assert (entries[0].published, entries[0].dated) == (
        datetime(2026, 12, 4, 7, 45, tzinfo=UTC),
        True,
    )
    assert entries[0].utc_offset is None
    assert not entries[1].dated


def test_a_date_written_in_words_keeps_its_day() -> None:
    """A feed that prints its dates as its pages do ("Wednesday, 2 December 2026 00:00",
    "December 3, 2026 5:40 PM"): feedparser reads neither, and the items would be dated
    when they were polled, after the week's other reports."""
    items = (
        ("Wednesday, 2 December 2026 00:00", datetime(2026, 12, 2, tzinfo=UTC)),
        ("December 3, 2026 5:40 PM", datetime(2026, 12, 3, 17, 40, tzinfo=UTC)),
        ("Thu, 3rd Dec 2026", datetime(2026, 12, 3, tzinfo=UTC)),
        # A weekday that names another day: which is wrong, the day or its name?
        ("Tuesday, 2 December 2026 00:00", None),
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>E</title>'
        + "".join(
            f"<item><title>Item {n}</title><link>https://e.org/{n}</link>"
            f"<pubDate>{written}</pubDate></item>"
            for n, (written, _) in enumerate(items)
        )
        + "</channel></rss>"
    ).encode()
    entries, _, error = parse_feed(feed, feed_url="https://e.org/rss", outlet="E", fetched_at=NOW)
    assert error == ""
    for entry, (written, dated) in zip(entries, items, strict=True):
        assert (entry.published if entry.dated else None) == dated, written


def test_a_feed_moved_to_another_host_is_checked_at_every_poll(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A 301 to another host is saved as the feed's address; the next polls must not
    trust it as they trust the operator's own URL: its name could later resolve inside
    the network (here "localhost", once private addresses are no longer allowed)."""
    from click.testing import CliRunner

    from digest.cli import cli
    from digest.store import open_store

    port = httpserver.port
    httpserver.expect_request("/feed.xml").respond_with_data(
        "", 301, {"Location": f"http://localhost:{port}/moved.xml"}
    )
    httpserver.expect_request("/moved.xml").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    config = tmp_path / "feeds.yaml"

    def poll(allow_private: bool) -> str:
        config.write_text(
            "newsletter: {name: Moved, from: desk@example.org,"
            " unsubscribe: 'https://example.org/u'}\n"
            "storage: {url: 'sqlite:///digest.db'}\n"
            f"fetch: {{allow_private: {str(allow_private).lower()}, retries: 0}}\n"
            f"feeds:\n  - {{url: 'http://127.0.0.1:{port}/feed.xml', name: Example}}\n",
            encoding="utf-8",
        )
        result = CliRunner().invoke(
            cli, ["fetch", "--config", str(config), "--now", "2026-03-03T06:00:00+00:00"]
        )
        return result.output

    poll(allow_private=True)  # moved: the store keeps the new address
    with open_store(f"sqlite:///{tmp_path / 'digest.db'}") as store:
        [state] = store.feed_states([f"http://127.0.0.1:{port}/feed.xml"])
    assert state.current_url == f"http://localhost:{port}/moved.xml"
    served = len(httpserver.log)
    output = poll(allow_private=False)
    moved = f'feed "Example" (http://localhost:{port}/moved.xml) failed: blocked address'
    assert moved in output, output
    # Nothing asked of the moved address (its pages, stored at the first poll, are
    # articles: they were always checked).
    assert [r for r, _ in httpserver.log[served:] if r.path == "/moved.xml"] == []
