"""The bundled offline sample: its server, feeds, pages, faults and data quality.

Everything here runs against the real server on 127.0.0.1, as `digest demo` does.
"""

from __future__ import annotations

import calendar
import http.client
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from digest.config import load_config
from digest.sample import (
    BROKEN_FEED_NAME,
    DEAD_LINK_PATH,
    EXPECTED_STORIES,
    EXPECTED_TOPIC,
    STANDING_TOPICS,
    WEEK2_CONTINUES,
    WEEK2_STORIES,
    SampleSite,
    serve_sample,
    write_sample_config,
)
from digest.sample._data import load_articles
from tools.sample_site.generate import SITE_DIR, build_site
from tools.sample_site.pages import BOILERPLATE

WEEK1_START = datetime(2026, 11, 16, tzinfo=UTC)
WEEK2_START = datetime(2026, 11, 23, tzinfo=UTC)
WEEK2_END = datetime(2026, 11, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def week1() -> Iterator[SampleSite]:
    with serve_sample(week=1) as site:
        yield site


@pytest.fixture(scope="module")
def week2() -> Iterator[SampleSite]:
    with serve_sample(week=2) as site:
        yield site


def _get(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers=headers, timeout=5)


def _entries(site: SampleSite) -> list[tuple[str, feedparser.FeedParserDict]]:
    result = []
    for name, url in site.feeds:
        if name != BROKEN_FEED_NAME:
            parsed = feedparser.parse(_get(url).content)
            result += [(name, entry) for entry in parsed.entries]
    return result


def _published(entry: feedparser.FeedParserDict) -> datetime:
    parsed = entry.get("published_parsed") or entry["updated_parsed"]
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)


def _path(site: SampleSite, url: str) -> str:
    assert url.startswith(site.base_url + "/"), url
    return url.removeprefix(site.base_url + "/")


@pytest.mark.parametrize("week", [1, 2])
def test_every_feed_is_served_with_its_content_type(week: int) -> None:
    with serve_sample(week=week) as site:
        assert site.now == datetime(2026, 11, 23 + 7 * (week - 1), 6, tzinfo=UTC)
        assert len(site.feeds) >= 5
        for _name, url in site.feeds:
            response = _get(url)
            assert response.status_code == 200, url
            expected = "application/atom+xml" if url.endswith("atom.xml") else "application/rss+xml"
            assert response.headers["content-type"].startswith(expected)


@pytest.mark.parametrize(("week", "minimum"), [(1, 8), (2, 4)])
def test_feeds_parse_except_the_broken_one(week: int, minimum: int) -> None:
    with serve_sample(week=week) as site:
        formats = set()
        for name, url in site.feeds:
            parsed = feedparser.parse(_get(url).content)
            if name == BROKEN_FEED_NAME:
                assert parsed.bozo and parsed.entries == [], "the broken feed parsed"
                continue
            assert not parsed.bozo, f"{name}: {parsed.get('bozo_exception')}"
            assert len(parsed.entries) >= minimum, name
            formats.add(parsed.version[:3])
            for entry in parsed.entries:
                assert entry.title and entry.link and entry.id and entry.summary
                assert "__BASE__" not in entry.link and entry.link.startswith(site.base_url)
        assert formats == {"rss", "ato"}


def test_week1_has_enough_articles_inside_the_week(week1: SampleSite) -> None:
    entries = _entries(week1)
    assert len(entries) >= 34
    assert {name for name, _ in entries} >= {"The Atlantic Ledger", "Baltic Wire"}
    for name, entry in entries:
        assert WEEK1_START <= _published(entry) < WEEK2_START, (name, entry.title)


def test_week2_adds_new_articles_and_keeps_some_old_ones_unchanged(
    week1: SampleSite, week2: SampleSite
) -> None:
    old = {entry.id: entry for _, entry in _entries(week1)}
    new, kept = 0, 0
    for _name, entry in _entries(week2):
        published = _published(entry)
        assert published < WEEK2_END
        if published >= WEEK2_START:
            new += 1
            assert entry.id not in old
        else:
            kept += 1
            before = old[entry.id.replace(week2.base_url, week1.base_url)]
            assert (entry.title, entry.summary) == (before.title, before.summary)
    assert new >= 12
    assert kept >= 2


@pytest.mark.parametrize("week", [1, 2])
def test_every_linked_page_is_served_with_boilerplate(week: int) -> None:
    with serve_sample(week=week) as site:
        for _name, entry in _entries(site):
            response = _get(entry.link)
            if _path(site, entry.link) == DEAD_LINK_PATH:
                assert response.status_code == 404
                continue
            assert response.status_code == 200, entry.link
            assert response.headers["content-type"] == "text/html; charset=utf-8"
            html = response.text
            assert "__BASE__" not in html and site.base_url in html
            assert entry.title.replace("'", "&#x27;") in html or entry.title in html
            assert any(b in html for b in BOILERPLATE), entry.link


def test_dead_link_is_a_404_with_a_summary_in_its_feed(week1: SampleSite) -> None:
    [entry] = [e for _, e in _entries(week1) if _path(week1, e.link) == DEAD_LINK_PATH]
    assert len(entry.summary.split()) >= 10
    assert _get(f"{week1.base_url}/{DEAD_LINK_PATH}").status_code == 404
    assert _get(f"{week1.base_url}/no/such/page.html").status_code == 404


def test_expected_stories_exist_and_span_outlets(week1: SampleSite) -> None:
    assert len(EXPECTED_STORIES) >= 10
    for label, paths in EXPECTED_STORIES.items():
        assert len({p.split("/")[0] for p in paths}) >= 2, label
        for path in paths:
            assert _get(f"{week1.base_url}/{path}").status_code == 200, (label, path)
    assert set(EXPECTED_TOPIC) <= set(EXPECTED_STORIES)
    assert set(EXPECTED_TOPIC.values()) == set(STANDING_TOPICS)


def test_week2_continuations_are_new_pages(week1: SampleSite, week2: SampleSite) -> None:
    assert set(WEEK2_CONTINUES) <= set(EXPECTED_STORIES)
    multi_outlet = [paths for paths in WEEK2_CONTINUES.values() if len(paths) >= 2]
    assert len(multi_outlet) >= 3
    assert {"reparations-loan", "greenland-us-pressure"} <= set(WEEK2_CONTINUES)
    assert any(label not in _continued_labels() for label in WEEK2_STORIES)
    for paths in WEEK2_CONTINUES.values():
        for path in paths:
            assert _get(f"{week2.base_url}/{path}").status_code == 200
            assert _get(f"{week1.base_url}/{path}").status_code == 404, "week 2 leaked"
    week1_page = next(iter(EXPECTED_STORIES.values()))[0]
    assert _get(f"{week2.base_url}/{week1_page}").status_code == 200


def _continued_labels() -> set[str]:
    return {a.story for a in load_articles(2) if a.continues}


@pytest.mark.parametrize(
    "target",
    [
        "/../__init__.py",
        "/../../sample/__init__.py",
        "/ledger/../../_data.py",
        "/%2e%2e/%2e%2e/_server.py",
        "/ledger/%2E%2E/%2E%2E/%2E%2E/config.py",
        "//etc/passwd",
        "/ledger/..%2f..%2f_pages.py",
    ],
)
def test_paths_escaping_the_site_are_refused(week1: SampleSite, target: str) -> None:
    # http.client sends the target byte for byte; httpx would normalise the dots away.
    parts = urlsplit(week1.base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    assert response.status in (403, 404)
    assert b"import" not in body and b"root:" not in body


def test_conditional_get_answers_304(week1: SampleSite) -> None:
    url = week1.feeds[0][1]
    first = _get(url)
    again = _get(url, **{"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_sample_config_loads(week1: SampleSite, tmp_path: Path) -> None:
    path = write_sample_config(week1, tmp_path)
    assert path == tmp_path / "feeds.yaml"
    config = load_config(path)
    assert config.newsletter.name == "The Foreign Desk Sample"
    assert config.newsletter.from_ == "The Foreign Desk <desk@example.org>"
    assert config.newsletter.unsubscribe == "https://example.org/unsubscribe"
    assert config.newsletter.timezone == "Europe/Brussels"
    assert config.newsletter.window_days == 7
    assert config.fetch.allow_private is True
    assert config.database_url == f"sqlite:///{tmp_path.resolve() / 'digest.db'}"
    assert {t.name: t.keywords for t in config.topics} == STANDING_TOPICS
    assert tuple((f.name, f.url) for f in config.feeds) == week1.feeds


def test_serve_sample_rejects_unknown_weeks() -> None:
    with pytest.raises(ValueError, match="weeks"), serve_sample(week=3):
        pass


def test_server_stops_when_the_block_exits() -> None:
    with serve_sample() as site:
        url = site.feeds[0][1]
    with pytest.raises(httpx.ConnectError):
        _get(url)


# Data quality: what the clustering and summary tests rely on.


@pytest.mark.parametrize("week", [1, 2])
def test_articles_are_news_length_and_free_of_boilerplate(week: int) -> None:
    for article in load_articles(week):
        text = " ".join((article.title, article.summary, *article.paragraphs)).lower()
        assert not [b for b in BOILERPLATE if b.lower() in text], article.path
        if article.is_dead:
            continue
        assert 250 <= article.word_count <= 450, (article.path, article.word_count)
        assert len(article.paragraphs) >= 5, article.path
        assert "said" in text and "according to" in text, article.path


def test_unrelated_stories_avoid_standing_topic_keywords() -> None:
    # Otherwise a topic-assignment test could pass or fail for the wrong reason.
    keywords = [k.lower() for words in STANDING_TOPICS.values() for k in words]
    for week in (1, 2):
        for article in load_articles(week):
            if (article.continues or article.story) in EXPECTED_TOPIC:
                continue
            text = " ".join((article.title, article.summary, *article.paragraphs)).lower()
            assert [k for k in keywords if k in text] == [], article.path


def test_paths_are_unique_and_week2_articles_are_new() -> None:
    week1_paths = [a.path for a in load_articles(1)]
    week2_paths = [a.path for a in load_articles(2)]
    assert len(set(week1_paths)) == len(week1_paths) >= 34
    assert len(set(week2_paths)) == len(week2_paths) >= 12
    assert not set(week1_paths) & set(week2_paths)


def test_committed_site_matches_the_generator(tmp_path: Path) -> None:
    written = build_site(tmp_path / "site")
    generated = {p.relative_to(tmp_path / "site"): p.read_bytes() for p in written}
    committed = {
        p.relative_to(SITE_DIR): p.read_bytes() for p in SITE_DIR.rglob("*") if p.is_file()
    }
    assert generated.keys() == committed.keys(), "run python -m tools.sample_site"
    stale = [str(p) for p in generated if generated[p] != committed[p]]
    assert stale == [], "run python -m tools.sample_site"
    assert sum(len(b) for b in committed.values()) < 1_500_000
