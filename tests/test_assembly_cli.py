"""Story assembly through the CLI: every article accounted for, the cap and the editors.

A small week of our own outlets is served on 127.0.0.1 (feeds and pages), and the real
`digest run`, `digest build`, `digest why` and `digest status` work on it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner, Result
from pytest_httpserver import HTTPServer

from digest.cli import cli
from digest.sample import serve_sample, write_sample_config

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
NOTICE = (
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period.\n\nThe crawl data contributed by Alexa Internet is used by the "
    "archive to capture the web as it is, page by page, so that researchers and the "
    "public can see what a site looked like on a given day."
)
# A second paragraph for every real report: extraction wants an article's worth.
MORE = (
    "\n\nOfficials said more details would be released in the coming days, and several "
    "people who were there described what they saw to reporters at the scene on Friday."
)
# (outlet, slug, title, text, hours before NOW)
ARTICLES = [
    (
        "wire",
        "nuuk-vote",
        "Greenland's parliament votes to ban uranium mining",
        "Greenland's parliament in Nuuk voted 16-12 on Tuesday to ban uranium mining, "
        "halting the Kvanefjeld rare-earth project. The mining company said it would seek "
        "compensation from the government in Nuuk, and Denmark's prime minister welcomed it.",
        50,
    ),
    (
        "post",
        "kvanefjeld",
        "Nuuk lawmakers outlaw uranium extraction at Kvanefjeld",
        "Lawmakers in Greenland approved a ban on uranium mining on Tuesday, a decision that "
        "blocks the Kvanefjeld rare-earth mine. Its Australian owner said it would seek "
        "compensation, and shares in the company fell by a third in Sydney.",
        47,
    ),
    (
        "wire",
        "ferry-fire",
        "Baltic ferry fire forces 300 passengers into lifeboats",
        "A fire in the engine room of a ferry sailing from Tallinn to Helsinki forced 300 "
        "passengers into lifeboats on Thursday night; Finnish coast guards said all were "
        "rescued and the fire was out by morning.",
        30,
    ),
    (
        "post",
        "ferry-rescue",
        "All 300 rescued after Tallinn-Helsinki ferry fire",
        "Finnish coast guards rescued all 300 passengers from lifeboats after a fire broke "
        "out in the engine room of a ferry from Tallinn to Helsinki on Thursday night.",
        28,
    ),
    (
        "wire",
        "riksbank",
        "Riksbank holds its policy rate and signals the easing is over",
        "Sweden's central bank kept its policy rate at 1.75 per cent on Monday and said it "
        "no longer expected to lower borrowing costs, ending an easing cycle begun in 2024.",
        70,
    ),
    ("wire", "video-1", "Watch", NOTICE, 150),
    ("post", "video-2", "Photos", NOTICE, 90),
    ("post", "video-3", "Video", NOTICE, 10),
]


def _feed(base: str, outlet: str) -> str:
    items = []
    for _, slug, title, _, hours in (a for a in ARTICLES if a[0] == outlet):
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/{outlet}/{slug}.html</link>"
            f"<guid>{base}/{outlet}/{slug}.html</guid>"
            f"<pubDate>{format_datetime(NOW - timedelta(hours=hours))}</pubDate></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{outlet}</title>'
        f"<link>{base}/{outlet}/</link><description>x</description>{''.join(items)}"
        "</channel></rss>"
    )


def _page(title: str, text: str) -> str:
    return (
        f"<html><head><title>{escape(title)}</title></head><body><article>"
        f"<h1>{escape(title)}</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        + "</article></body></html>"
    )


@pytest.fixture
def week(httpserver: HTTPServer, tmp_path: Path) -> Iterator[Path]:
    base = httpserver.url_for("").rstrip("/")
    for outlet in ("wire", "post"):
        httpserver.expect_request(f"/{outlet}/feed.xml").respond_with_data(
            _feed(base, outlet), content_type="application/rss+xml"
        )
    for outlet, slug, title, text, _ in ARTICLES:
        body = text if text == NOTICE else text + MORE
        httpserver.expect_request(f"/{outlet}/{slug}.html").respond_with_data(
            _page(title, body), content_type="text/html"
        )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter:\n"
        "  name: The Week\n"
        '  from: "The Week <week@example.org>"\n'
        '  unsubscribe: "https://example.org/unsubscribe"\n'
        "  also_in_the_news: 4\n"
        "storage: {url: 'sqlite:///digest.db'}\n"
        "fetch: {allow_private: true}\n"
        "topics:\n"
        "  - {name: Greenland, keywords: [Greenland, Nuuk]}\n"
        "feeds:\n"
        f"  - {{name: Wire, url: '{base}/wire/feed.xml'}}\n"
        f"  - {{name: Post, url: '{base}/post/feed.xml'}}\n",
        encoding="utf-8",
    )
    yield config


def _cli(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_every_article_of_the_window_is_accounted_for(week: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _cli("run", "--config", str(week), "--out", str(out), "--now", NOW.isoformat())
    assert run.exit_code == 0, run.output
    assert (
        "2 stories in 2 topics, 1 in Also in the news, 0 left out, "
        "3 article(s) set aside as not news" in run.output
    )
    digest = json.loads((out / "2026-11-23" / "digest.json").read_text())
    assert [t["name"] for t in digest["topics"]] == ["Greenland", "Elsewhere"]
    [brief] = digest["also_in_the_news"]
    assert brief["url"].endswith("/wire/riksbank.html") and brief["outlet"] == "Wire"
    assert brief["sentence"].startswith("Sweden’s central bank kept its policy rate")
    warnings = "\n".join(digest["warnings"])
    assert "3 articles set aside as not news (3 crawl, error or paywall pages)" in warnings
    text = (out / "2026-11-23" / "email.txt").read_text()
    assert "ALSO IN THE NEWS" in text and "Riksbank holds its policy rate" in text

    status = _cli("status", "--config", str(week), "--json")
    summary: dict[str, Any] = json.loads(status.output)[0]["summary"]
    articles = summary["articles"]
    assert articles == {
        "in_window": 8,
        "in_stories": 4,
        "in_also_in_the_news": 1,
        "left_out": {"set_aside": 3},
        "sent_before": 0,
        "unaccounted": 0,
    }
    assert summary["stories"] == 2 and summary["also_in_the_news"] == 1
    assert summary["set_aside"] == 3 and summary["left_out"] == {}

    notice = brief["url"].replace("/wire/riksbank.html", "/post/video-3.html")
    why = _cli("why", notice, "--config", str(week))
    assert why.exit_code == 0, why.output
    assert re.fullmatch(
        r"2026-11-23 \(sent: final build of 2026-11-23 06:00 UTC\): left out "
        r"\(story s-[0-9a-f]{12}\): set aside, not an article: a crawl, "
        r"error or paywall page \(Post, http://\S+/post/video-3\.html\)\n",
        why.output,
    ), why.output
    listing = _cli("why", "--config", str(week))
    assert listing.exit_code == 0, listing.output
    lines = listing.output.splitlines()
    assert (
        lines[0] == "issue 2026-11-23: 2 stories printed; 4 other stories and articles considered:"
    )
    assert sum("set aside, not an article" in line for line in lines) == 3
    assert any(line.endswith(": in Also in the news: one outlet only (Wire)") for line in lines)

    # An editor who disagrees pins the page: selection brings it in, as any pinned story;
    # this one is only a video notice, so writing finds nothing to print and says so.
    set_aside = re.search(r"\(story (s-[0-9a-f]{12})\)", why.output)[1]  # type: ignore[index]
    (tmp_path / "editorial.yaml").write_text(f"stories:\n  {set_aside}: {{pin: true}}\n")
    drafts = tmp_path / "drafts"  # the sent issue's folder is not a draft's to overwrite
    draft = _cli("build", "--config", str(week), "--out", str(drafts), "--now", NOW.isoformat())
    assert draft.exit_code == 0, draft.output
    assert "1 left out (1 failed), 2 article(s) set aside" in draft.output
    assert f"story {set_aside}: left out, no article text left" in draft.output
    # Its article is still accounted for, under the reason it was left out.
    status = _cli("status", "--config", str(week), "--json")
    latest = json.loads(status.output)[0]
    assert latest["result"] == "draft built"
    assert latest["summary"]["articles"]["left_out"] == {"failed": 1, "set_aside": 2}
    assert latest["summary"]["articles"]["unaccounted"] == 0
    # The preview's "Bring in" writes keep, not pin: it brings the page back the same way.
    (tmp_path / "editorial.yaml").write_text(f"stories:\n  {set_aside}: {{keep: true}}\n")
    kept = _cli("build", "--config", str(week), "--out", str(drafts), "--now", NOW.isoformat())
    assert kept.exit_code == 0, kept.output
    assert "1 left out (1 failed), 2 article(s) set aside" in kept.output
    assert "not in this issue" not in kept.output


def _sample_build(config: Path, out: Path, now: str, command: str = "build") -> dict[str, Any]:
    result = _cli(command, "--config", str(config), "--out", str(out), "--now", now)
    assert result.exit_code == 0, result.output
    [path] = out.glob("*/digest.json")
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def test_with_max_stories_5_a_drop_still_gives_5_and_a_pin_from_beyond_the_cap_comes_in(
    tmp_path: Path,
) -> None:
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        text = config.read_text().replace(
            "  window_days: 7\n", "  window_days: 7\n  max_stories: 5\n"
        )
        config.write_text(text)
        now = site.now.isoformat()
        fetched = _cli("fetch", "--config", str(config), "--now", now)
        assert fetched.exit_code == 0, fetched.output
    before = _sample_build(config, tmp_path / "out", now)
    ids = [s["id"] for t in before["topics"] for s in t["stories"]]
    assert len(ids) == 5
    listing = _cli("why", "--config", str(config)).output
    cut = re.findall(
        r"^(s-[0-9a-f]{12}) .*: left out: cut by max_stories \(5\) at rank (\d+)\b", listing, re.M
    )
    assert cut, listing
    last_cut = max(cut, key=lambda item: int(item[1]))[0]
    (tmp_path / "editorial.yaml").write_text(
        f"stories:\n  {ids[0]}: {{drop: true}}\n  {last_cut}: {{pin: true}}\n"
    )
    after = _sample_build(config, tmp_path / "out", now)
    after_ids = [s["id"] for t in after["topics"] for s in t["stories"]]
    assert len(after_ids) == 5, "the drop freed a slot"
    assert ids[0] not in after_ids
    assert last_cut in after_ids, "the pinned story from beyond the cap came in"
    # The pin took the freed slot: the other four are the same as before.
    assert set(after_ids) - {last_cut} == set(ids[1:])
    why = _cli("why", last_cut, "--config", str(config))
    assert why.output.splitlines()[-1].startswith("2026-11-23 (draft of "), why.output
    assert ': in under "' in why.output.splitlines()[-1], why.output
    # "Bring in" (keep) instead of a pin: it comes in where its coverage ranks it, not
    # as the lead, and the cap then cuts the story ranked last before it.
    (tmp_path / "editorial.yaml").write_text(f"stories:\n  {last_cut}: {{keep: true}}\n")
    kept = _sample_build(config, tmp_path / "out", now)
    kept_stories = [s for t in kept["topics"] for s in t["stories"]]
    assert len(kept_stories) == 5 and last_cut in [s["id"] for s in kept_stories]
    lead = min((s for t in before["topics"] for s in t["stories"]), key=lambda s: s["rank"])
    assert min(kept_stories, key=lambda s: s["rank"])["id"] == lead["id"], "the same lead"
    why = _cli("why", last_cut, "--config", str(config)).output
    assert "brought in by the editors" in why, why


def test_a_story_dropped_after_a_draft_is_listed_under_the_headline_it_printed(
    tmp_path: Path,
) -> None:
    """The editor drops a story from the draft: the left-out list and `digest why` name
    it by the headline the draft printed, not by its first article's title."""
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        now = site.now.isoformat()
        fetched = _cli("fetch", "--config", str(config), "--now", now)
        assert fetched.exit_code == 0, fetched.output
    first = _sample_build(config, tmp_path / "out", now)
    stories = [s for t in first["topics"] for s in t["stories"]]
    # Its headline is made with the Briefly's lead; from the titles alone the build
    # would pick "Bulgarian voters stay home as GERB wins a hollow first place".
    story = next(s for s in stories if s["headline"].startswith("Bulgaria’s eighth election"))
    (tmp_path / "editorial.yaml").write_text(f"stories:\n  {story['id']}: {{drop: true}}\n")
    _sample_build(config, tmp_path / "out", now)
    listing = _cli("why", "--config", str(config)).output
    [line] = [line for line in listing.splitlines() if line.startswith(story["id"])]
    assert story["headline"] in line and "dropped" in line, line
