"""Hostile feeds through the real command line and a real HTTP server (issue 13).

Each test serves feeds an attacker (or a careless publisher) controls and checks what a
subscriber or an editor would notice in the issue.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import create_engine, text
from werkzeug import Request, Response

from bench.hostile import gzip_bomb

from .conftest import fresh_pg_database
from .hostile_site import (
    ISSUE,
    KEYWORD,
    NOW,
    Item,
    SlowSite,
    article_page,
    build_draft,
    digest,
    issue_json,
    rss,
    run_issue,
    serve_slowly,
    write_config,
)


def _stories(out: Path) -> list[dict[str, object]]:
    data = issue_json(out)
    topics = data["topics"]
    assert isinstance(topics, list)
    return [story for topic in topics for story in topic["stories"]]


def _warnings(out: Path) -> str:
    warnings = issue_json(out)["warnings"]
    assert isinstance(warnings, list)
    return "\n".join(str(w) for w in warnings)


def _serve_pages(server: HTTPServer, *names: str) -> None:
    """Pages /NAME.html; each name's page reports a different story."""
    for index, name in enumerate(names):
        server.expect_request(f"/{name}.html").respond_with_data(
            article_page(f"{KEYWORD} {name}", body=index), content_type="text/html"
        )


# ----------------------------------------------------------------- item 4: controls


def test_a_control_character_in_a_title_does_not_stop_the_issue(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _serve_pages(httpserver, "a", "b")
    feed = rss(
        [
            Item(f"{KEYWORD} talks\x08 resume\u202e in the capital", httpserver.url_for("/a.html")),
            Item(f"{KEYWORD} border reopens", httpserver.url_for("/b.html"), hours_ago=30),
        ]
    )
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))])
    first = run_issue(config, tmp_path / "out")
    assert first.exit_code == 0, first.output
    headlines = [str(s["headline"]) for s in _stories(tmp_path / "out")]
    assert f"{KEYWORD} talks resume in the capital" in headlines
    assert all("\x08" not in h and "\u202e" not in h for h in headlines)
    html = (tmp_path / "out" / ISSUE / "email.html").read_text("utf-8")
    assert "\x08" not in html and "\u202e" not in html
    # The stored title is clean too: a rebuild from the store works the same way.
    rebuilt = build_draft(config, tmp_path / "again")
    assert rebuilt.exit_code == 0, rebuilt.output


_FAILING_STORY_PARTIAL = """{#- An editors' override with a bug: it assumes two sources. -#}
{% include "default:partials/story.mjml.j2" %}
<mj-section><mj-column><mj-text>Also from {{ story.sources[1].outlet }}</mj-text>
</mj-column></mj-section>
"""


def test_a_story_that_cannot_be_rendered_is_left_out_with_a_warning(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Whatever makes one story fail (here a template bug only it trips), not the issue."""
    for name, body in (("a", 0), ("b", 1), ("c", 1)):
        httpserver.expect_request(f"/{name}.html").respond_with_data(
            article_page(name, body=body), content_type="text/html"
        )
    one = rss([Item(f"{KEYWORD} talks resume", httpserver.url_for("/a.html"))])
    two = rss([Item(f"{KEYWORD} harvest starts early", httpserver.url_for("/b.html"))])
    three = rss([Item(f"Early harvest in {KEYWORD}", httpserver.url_for("/c.html"))])
    for path, body in (("/1.xml", one), ("/2.xml", two), ("/3.xml", three)):
        httpserver.expect_request(path).respond_with_data(body, content_type="text/xml")
    feeds = [(f"Outlet {n}", httpserver.url_for(f"/{n}.xml")) for n in (1, 2, 3)]
    (tmp_path / "templates" / "partials").mkdir(parents=True)
    (tmp_path / "templates" / "partials" / "story.mjml.j2").write_text(_FAILING_STORY_PARTIAL)
    config = write_config(tmp_path, feeds, extra="")
    text = config.read_text().replace("newsletter:\n", "newsletter:\n  templates: templates\n")
    config.write_text(text)
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    stories = _stories(tmp_path / "out")
    assert len(stories) == 1
    sources = stories[0]["sources"]
    assert isinstance(sources, list) and len(sources) == 2
    warnings = _warnings(tmp_path / "out")
    assert "talks resume" in warnings and "could not be rendered" in warnings
    match = re.search(r"\((\S+)\) was left out", warnings)
    assert match is not None, warnings
    why = digest("why", match.group(1), "--config", str(config))
    assert "left out" in why.output and "could not be rendered" in why.output, why.output


# ------------------------------------------------------ item 2: content ownership


def _feed_handler(feeds: dict[str, bytes], path: str) -> Callable[[Request], Response]:
    def respond(_request: Request) -> Response:
        return Response(feeds[path], content_type="application/rss+xml")

    return respond


def test_a_second_feed_cannot_rewrite_another_outlets_article(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _serve_pages(httpserver, "story")
    real = httpserver.url_for("/story.html")
    feeds = {"/real.xml": rss([Item(f"{KEYWORD} talks resume", real, guid="real-1")])}
    feeds["/hostile.xml"] = rss([], title="Hostile")
    for path in feeds:
        httpserver.expect_request(path).respond_with_handler(_feed_handler(feeds, path))
    # Feeds are polled and stored in name order: the hostile one comes last, so on the
    # old code its copy was the one left standing.
    config = write_config(
        tmp_path,
        [
            ("Real Outlet", httpserver.url_for("/real.xml")),
            ("The Hostile Times", httpserver.url_for("/hostile.xml")),
        ],
    )
    fetch = ("fetch", "--config", str(config), "--now", NOW.isoformat())
    assert digest(*fetch).exit_code == 0
    fake = Item(
        f"{KEYWORD} surrenders, minister flees",
        f"{real}?utm_source=hostile",
        guid="hostile-1",
        summary="A fabricated report.",
    )
    feeds["/hostile.xml"] = rss([fake], title="Hostile")
    for _ in range(2):  # the overwrite happened on the second poll of the same entry
        assert digest(*fetch).exit_code == 0
    result = build_draft(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    [story] = _stories(tmp_path / "out")
    assert story["headline"] == f"{KEYWORD} talks resume"
    sources = story["sources"]
    assert isinstance(sources, list)
    assert [(s["outlet"], s["title"], s["url"]) for s in sources] == [
        ("Real Outlet", f"{KEYWORD} talks resume", real)
    ]
    email = (tmp_path / "out" / ISSUE / "email.eml").read_text("utf-8")
    assert "surrenders" not in email and "fabricated" not in email


# ------------------------------------- item 14: same guid, new link: the new link wins


def test_an_entry_that_changes_its_link_moves_to_the_new_page(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _serve_pages(httpserver, "old", "new")
    feeds = {"/feed.xml": rss([Item(f"{KEYWORD} talks", httpserver.url_for("/old.html"), "g")])}
    httpserver.expect_request("/feed.xml").respond_with_handler(_feed_handler(feeds, "/feed.xml"))
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))])
    fetch = ("fetch", "--config", str(config), "--now", NOW.isoformat())
    assert digest(*fetch).exit_code == 0
    moved = Item(f"{KEYWORD} talks", httpserver.url_for("/new.html"), "g")
    feeds["/feed.xml"] = rss([moved])
    assert digest(*fetch).exit_code == 0
    fetched = [request.path for request, _ in httpserver.log]
    assert fetched.count("/new.html") == 1, fetched
    result = build_draft(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    [story] = _stories(tmp_path / "out")
    sources = story["sources"]
    assert isinstance(sources, list)
    assert [source["url"] for source in sources] == [httpserver.url_for("/new.html")]
    assert "/old.html" not in (tmp_path / "out" / ISSUE / "email.eml").read_text("utf-8")


def test_one_guid_on_two_links_keeps_each_article_across_polls(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # A CMS gives a preview and the report one guid. The preview comes out first; a poll
    # later the feed lists the report above it. Neither article takes the other's over.
    _serve_pages(httpserver, "preview", "report")
    preview = Item(
        f"{KEYWORD} chief arrives", httpserver.url_for("/preview.html"), "g", hours_ago=30
    )
    feeds = {"/feed.xml": rss([preview])}
    httpserver.expect_request("/feed.xml").respond_with_handler(_feed_handler(feeds, "/feed.xml"))
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))])
    fetch = ("fetch", "--config", str(config), "--now", NOW.isoformat())
    assert digest(*fetch).exit_code == 0
    report = Item(f"{KEYWORD} pact signed", httpserver.url_for("/report.html"), "g")
    feeds["/feed.xml"] = rss([report, preview])
    assert digest(*fetch).exit_code == 0
    result = build_draft(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    data = issue_json(tmp_path / "out")
    told = [
        (s["title"], s["url"], s["published"][:13])
        for story in _stories(tmp_path / "out")
        for s in story["sources"]
    ]
    told += [(b["headline"], b["url"], b["published"][:13]) for b in data["also_in_the_news"]]
    # Each with its own date: the report is no preview moved to a new link.
    hour = "%Y-%m-%dT%H"
    assert sorted(told) == [
        (
            f"{KEYWORD} chief arrives",
            httpserver.url_for("/preview.html"),
            (NOW - timedelta(hours=30)).astimezone(UTC).strftime(hour),
        ),
        (
            f"{KEYWORD} pact signed",
            httpserver.url_for("/report.html"),
            (NOW - timedelta(hours=5)).astimezone(UTC).strftime(hour),
        ),
    ]


# ------------------------------------------------------- item 12: 100 KB titles


def test_a_huge_title_is_shortened_at_parse_time(httpserver: HTTPServer, tmp_path: Path) -> None:
    _serve_pages(httpserver, "a")
    words = " ".join(f"{KEYWORD}{n % 10}" for n in range(12_000))  # ~130 KB
    feed = rss([Item(f"{KEYWORD} {words}", httpserver.url_for("/a.html"))])
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))])
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    [story] = _stories(tmp_path / "out")
    sources = story["sources"]
    assert isinstance(sources, list)
    title = str(sources[0]["title"])
    assert 100 < len(title) <= 300 and title.endswith("…")
    assert len(str(story["headline"])) <= 300
    eml = (tmp_path / "out" / ISSUE / "email.eml").stat().st_size
    assert eml < 60_000, f"email.eml is {eml} bytes"


# ------------------------------------------------------------- item 3: gzip bombs


def test_gzip_bombs_as_a_feed_and_as_a_page_cost_only_themselves(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _serve_pages(httpserver, "a")
    bomb = gzip_bomb(256 << 20, 2)
    for path, kind in (("/bomb.xml", "application/rss+xml"), ("/bomb.html", "text/html")):
        httpserver.expect_request(path).respond_with_data(
            bomb, content_type=kind, headers={"Content-Encoding": "gzip, gzip"}
        )
    honest = rss([Item(f"{KEYWORD} talks resume", httpserver.url_for("/a.html"))])
    links = rss([Item(f"{KEYWORD} harvest", httpserver.url_for("/bomb.html"), summary="Teaser.")])
    httpserver.expect_request("/honest.xml").respond_with_data(honest, content_type="text/xml")
    httpserver.expect_request("/links.xml").respond_with_data(links, content_type="text/xml")
    feeds = [
        ("Honest", httpserver.url_for("/honest.xml")),
        ("Bomb", httpserver.url_for("/bomb.xml")),
        ("Links", httpserver.url_for("/links.xml")),
    ]
    config = write_config(tmp_path, feeds, fetch={"max_bytes": 1_000_000})
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    warnings = _warnings(tmp_path / "out")
    assert 'feed "Bomb"' in warnings and "body larger than 1000000 bytes" in warnings
    assert "/bomb.html" in warnings and "used the feed's text instead" in warnings
    headlines = {str(s["headline"]) for s in _stories(tmp_path / "out")}
    assert f"{KEYWORD} talks resume" in headlines


# ------------------------------------- item 6: a page deadline and a fetch budget


def test_trickling_pages_cost_a_bounded_time_and_fall_back_to_feed_text(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Pages that send one byte every 0.4 s never trip a 1 s read timeout.

    Each page is given up after page_deadline_seconds; the stage stops at
    budget_seconds; every article left keeps its feed text, and the issue says so.
    """
    pages = {f"/p{n}.html": article_page(f"p{n}", body=n).encode() for n in range(10)}
    with serve_slowly(SlowSite(pages, drip_seconds=0.4)) as site:
        # Feed text that says what happened: a real headline (screening sets aside an
        # item whose title and text are too short to, e.g. "Ruritania story 3").
        items = [
            Item(
                f"{KEYWORD} opens border crossing number {n} to trucks",
                site.url(f"/p{n}.html"),
                summary=f"{KEYWORD} teaser {n}.",
            )
            for n in range(10)
        ]
        httpserver.expect_request("/feed.xml").respond_with_data(
            rss(items), content_type="text/xml"
        )
        settings = {"timeout_seconds": 1, "retries": 2, "per_host": 2}
        settings |= {"page_deadline_seconds": 1.5, "budget_seconds": 3}
        config = write_config(tmp_path, [("Slow", httpserver.url_for("/feed.xml"))], fetch=settings)
        result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    warnings = _warnings(tmp_path / "out")
    assert "no complete answer within 1.5 s (fetch.page_deadline_seconds)" in warnings
    assert "not fetched within the fetch budget (3 s, fetch.budget_seconds)" in warnings
    assert warnings.count("used the feed's text instead") == 10
    assert _stories(tmp_path / "out"), "the issue is built from the feed's text"


# -------------------------------------- item 10: model errors echo nothing back


def test_a_model_error_is_summarised_without_its_body_or_the_endpoint(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "sk-live-0123456789abcdef"
    body = {"error": {"message": f"Incorrect API key provided: {key}", "code": "invalid_api_key"}}
    httpserver.expect_request("/v1/chat/completions").respond_with_json(body, status=401)
    _serve_pages(httpserver, "a")
    feed = rss([Item(f"{KEYWORD} talks resume", httpserver.url_for("/a.html"))])
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    base_url = httpserver.url_for("/v1")
    extra = f"llm:\n  base_url: {json.dumps(base_url)}\n  model: m\n  api_key_env: TEST_LLM_KEY\n"
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))], extra=extra)
    monkeypatch.setenv("TEST_LLM_KEY", key)
    result = digest(
        *("-vv", "run", "--config", str(config), "--out", str(tmp_path / "out")),
        *("--now", NOW.isoformat()),
    )
    assert result.exit_code == 0, result.output
    published = (tmp_path / "out" / ISSUE / "digest.json").read_text("utf-8")
    assert "LLM server: HTTP 401 Unauthorized (invalid_api_key)" in published
    for leak in (key, "Incorrect API key", base_url):
        assert leak not in published, leak
        assert leak not in result.output, leak


# ------------------------------------------------ item 13: look-alike hosts


def test_a_look_alike_host_is_shown_in_punycode(httpserver: HTTPServer, tmp_path: Path) -> None:
    spoof = "http://аррӏе.com/account/verify"  # Cyrillic letters under a Latin .com
    feed = rss(
        [
            Item(
                f"{KEYWORD} bank warns customers",
                spoof,
                summary=f"The central bank of {KEYWORD} warned customers about fake pages.",
            )
        ]
    )
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    # The page cannot be fetched here (no network); the deadline keeps a slow resolver short.
    settings = {"page_deadline_seconds": 2}
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))], fetch=settings)
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    issue = tmp_path / "out" / ISSUE
    text = (issue / "email.txt").read_text("utf-8")
    html = (issue / "email.html").read_text("utf-8")
    assert "http://xn--80ak6aa92e.com/account/verify" in text
    assert 'href="http://xn--80ak6aa92e.com/account/verify"' in html
    for part in (text, html, (issue / "digest.json").read_text("utf-8")):
        assert "аррӏе" not in part


# ------------------------------------- a feed that dates none of its items


def _undated_rss(links: list[tuple[str, str]]) -> bytes:
    """RSS whose items carry no date, as some sites' hand-made or plugin feeds do."""
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link></item>" for title, link in links
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Outlet"
        f"</title><link>https://example.org/</link><description>feed</description>{items}"
        "</channel></rss>"
    ).encode()


def _dated_page(title: str, head: str, *, body: int) -> str:
    return article_page(title, body=body).replace("</head>", f"{head}</head>")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_undated_feed_item_takes_its_pages_date(
    httpserver: HTTPServer, tmp_path: Path, backend: str
) -> None:
    """On its first poll an undated feed must not pass a site's old articles off as this
    week's: the page's own publication date replaces the poll time."""
    with ExitStack() as stack:
        url = f"sqlite:///{tmp_path / 'digest.db'}"
        if backend == "postgresql":
            url = stack.enter_context(fresh_pg_database(f"undated_{tmp_path.name}"))
        _check_undated_feed(httpserver, tmp_path, url)


def _check_undated_feed(httpserver: HTTPServer, tmp_path: Path, storage_url: str) -> None:
    pages = {
        "/recent.html": _dated_page(
            f"{KEYWORD} talks resume",
            '<meta property="article:published_time" content="2026-11-21T09:30:00-05:00">',
            body=0,
        ),
        "/old.html": _dated_page(
            f"{KEYWORD} harvest starts early",
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-03-05T10:00:00Z", "dateModified": "2026-11-22T10:00:00Z"}'
            "</script>",
            body=1,
        ),
        "/2026/11/20/tunnel.html": article_page(f"{KEYWORD} tunnel opens", body=3),
        # A page cannot come out after it is read: its date is wrong, the poll time stands.
        "/ahead.html": _dated_page(
            f"{KEYWORD} rates rise",
            '<meta property="article:published_time" content="2099-01-01T00:00:00Z">',
            body=2,
        ),
    }
    for path, page in pages.items():
        httpserver.expect_request(path).respond_with_data(page, content_type="text/html")
    feed = _undated_rss(
        [
            (title, httpserver.url_for(path))
            for title, path in (
                (f"{KEYWORD} talks resume", "/recent.html"),
                (f"{KEYWORD} harvest starts early", "/old.html"),
                (f"{KEYWORD} tunnel opens", "/2026/11/20/tunnel.html"),
                (f"{KEYWORD} rates rise", "/ahead.html"),
            )
        ]
    )
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    config = write_config(
        tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))], storage_url=storage_url
    )
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    printed = {str(s["headline"]): s for s in _stories(tmp_path / "out")}
    published = {
        headline: [source["published"] for source in story["sources"]]  # type: ignore[union-attr]
        for headline, story in printed.items()
    }
    # The page dated in the future keeps its poll time: the run's own (--now), never a
    # later one that would put it outside the week the run builds.
    assert published == {
        f"{KEYWORD} talks resume": ["2026-11-21T14:30:00Z"],
        f"{KEYWORD} tunnel opens": ["2026-11-20T12:00:00Z"],
        f"{KEYWORD} rates rise": ["2026-11-23T06:00:00Z"],
    }
    # The 2024 article stays in the store under its own date, outside this week.
    engine = create_engine(storage_url)
    try:
        with engine.connect() as connection:
            rows = dict(connection.execute(text("SELECT url, published FROM articles")).all())
    finally:
        engine.dispose()
    stored = {url: _as_utc(value) for url, value in rows.items()}
    assert stored[httpserver.url_for("/old.html")] == datetime(2024, 3, 5, 10, tzinfo=UTC)
    assert stored[httpserver.url_for("/ahead.html")] < datetime.now(UTC)
    # And `digest why` tells the editor where it went.
    why = digest("why", httpserver.url_for("/old.html"), "--config", str(config))
    assert why.exit_code == 3
    assert "published 2024-03-05 10:00 UTC (its feed gave no date: the page's own" in why.output
    assert "no issue has held it yet" in why.output
    # Pasted with what a feed or a share button adds, it is the same article.
    tracked = httpserver.url_for("/old.html") + "?cmp=rss&utm_source=feed"
    assert digest("why", tracked, "--config", str(config)).output == why.output


def _as_utc(value: object) -> datetime:
    """A stored time: SQLite keeps no zone (the store writes UTC), PostgreSQL answers in
    its own."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def test_a_feeds_own_date_wins_over_its_pages(httpserver: HTTPServer, tmp_path: Path) -> None:
    page = _dated_page(
        f"{KEYWORD} talks resume",
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">',
        body=0,
    )
    httpserver.expect_request("/a.html").respond_with_data(page, content_type="text/html")
    feed = rss([Item(f"{KEYWORD} talks resume", httpserver.url_for("/a.html"), hours_ago=5)])
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))])
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    [story] = _stories(tmp_path / "out")
    assert [s["published"] for s in story["sources"]] == ["2026-11-23T01:00:00Z"]  # type: ignore[union-attr]


# ------------------------------------- a page that fails for a reason that may pass


def test_a_page_that_failed_for_a_passing_reason_is_fetched_again(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A 503 (or a timeout, or an address the settings blocked) is not the page's answer:
    the next run fetches it again. A 404 is, and is not asked for twice."""
    httpserver.expect_oneshot_request("/busy.html").respond_with_data("busy", status=503)
    httpserver.expect_request("/busy.html").respond_with_data(
        article_page(f"{KEYWORD} talks resume", body=0), content_type="text/html"
    )
    httpserver.expect_request("/gone.html").respond_with_data("no such page", status=404)
    feed = rss(
        [
            Item(f"{KEYWORD} talks resume", httpserver.url_for("/busy.html"), summary="Talks."),
            Item(f"{KEYWORD} harvest", httpserver.url_for("/gone.html"), summary="Harvest."),
        ]
    )
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="text/xml")
    config = write_config(tmp_path, [("Outlet", httpserver.url_for("/feed.xml"))])

    def origins() -> dict[str, tuple[str, str | None]]:
        with sqlite3.connect(tmp_path / "digest.db") as db:
            rows = db.execute("SELECT url, text_origin, extract_error FROM articles")
            return {url.rsplit("/", 1)[1]: (origin, error) for url, origin, error in rows}

    fetch = ("fetch", "--config", str(config), "--now", NOW.isoformat())
    first = digest(*fetch)
    assert first.exit_code == 0, first.output
    assert origins()["busy.html"][0] == "feed_summary"
    assert "503" in str(origins()["busy.html"][1])
    second = digest(*fetch)
    assert second.exit_code == 0, second.output
    assert origins() == {
        "busy.html": ("page", None),
        "gone.html": ("feed_summary", "HTTP 404 Not Found"),
    }
    asked = [request.path for request, _ in httpserver.log]
    assert asked.count("/busy.html") == 2 and asked.count("/gone.html") == 1


def test_a_fetch_that_reaches_no_feed_fails(httpserver: HTTPServer, tmp_path: Path) -> None:
    """A cron job reads the exit code: a poll where every feed failed is no success; one
    good feed among broken ones is (the broken ones are warnings)."""
    httpserver.expect_request("/broken.xml").respond_with_data("oops", status=500)
    httpserver.expect_request("/good.xml").respond_with_data(
        rss([Item(f"{KEYWORD} talks", httpserver.url_for("/a.html"))]), content_type="text/xml"
    )
    fetch = ("fetch", "--now", NOW.isoformat(), "--config")
    broken = write_config(tmp_path / "one", [("Broken", httpserver.url_for("/broken.xml"))])
    result = digest(*fetch, str(broken))
    assert result.exit_code == 3
    assert "every feed failed" in result.output
    # A build after it does not send the editor to `digest fetch` again.
    built = build_draft(broken, tmp_path / "one" / "out")
    assert built.exit_code == 3
    assert "no feed has given an article" in built.output
    assert "digest fetch" not in built.output
    both = write_config(
        tmp_path / "two",
        [("Broken", httpserver.url_for("/broken.xml")), ("Good", httpserver.url_for("/good.xml"))],
    )
    result = digest(*fetch, str(both))
    assert result.exit_code == 0, result.output
    assert "every feed failed" not in result.output
