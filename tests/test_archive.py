"""Writing issues: the output contract (files, digest.json, archive index, Atom feed)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from lxml import etree  # type: ignore[import-untyped]  # no stubs installed

from digest.archive import write_issue
from digest.errors import DeliveryError
from digest.issue_json import digest_schema, issue_to_json
from digest.models import Brief, Issue, StoryId
from digest.render import render_issue
from tests.test_render import (
    hostile_story,
    make_full_issue,
    make_issue,
    make_newsletter,
    make_story,
)

ATOM = "{http://www.w3.org/2005/Atom}"
CONTRACT = {"email.html", "email.txt", "email.eml", "digest.json", "index.html"}


def build(out_dir: Path, issue: Issue) -> Path:
    return write_issue(out_dir, issue, render_issue(issue, make_newsletter()))


def test_write_issue_writes_the_contract_files(tmp_path: Path) -> None:
    issue = make_issue(12)
    rendered = render_issue(issue, make_newsletter())
    issue_dir = write_issue(tmp_path / "out", issue, rendered)
    assert issue_dir == tmp_path / "out" / "2024-05-06"
    assert {p.name for p in issue_dir.iterdir()} == CONTRACT
    assert (issue_dir / "email.eml").read_bytes() == rendered.eml
    assert (issue_dir / "email.html").read_text(encoding="utf-8") == rendered.html
    assert (issue_dir / "email.txt").read_text(encoding="utf-8") == rendered.text
    assert (issue_dir / "index.html").read_text(encoding="utf-8") == rendered.web_html
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        "2024-05-06",
        "index.html",
        "feed.xml",
    }


def test_digest_json_content(tmp_path: Path) -> None:
    issue = make_issue(12)
    document = json.loads((build(tmp_path, issue) / "digest.json").read_text(encoding="utf-8"))
    assert document == issue_to_json(issue)
    assert document["newsletter"] == "The Weekly Brief"
    assert document["issue_date"] == "2024-05-06"
    assert document["window"] == {"start": "2024-04-29T06:00:00Z", "end": "2024-05-06T06:00:00Z"}
    assert document["warnings"] == ["feed Harbour City Post returned 503; skipped"]
    topic = document["topics"][0]
    assert topic["name"] == "Climate & Energy" and topic["configured"] is True
    story = topic["stories"][0]
    assert story["id"] == "story-01"
    assert story["briefly"].startswith("Negotiators from twelve countries")
    assert story["briefly_sentences"][0]["source_url"].startswith("https://outlet1.example.com/")
    assert story["perspectives"][0]["who"] == "The lead negotiator"
    assert story["take_origin"] == "editor" and story["take"]
    assert story["also_worth_noting"][0] == {
        "text": "Markets barely moved on the news; bond yields ended flat.",
        "source_url": "https://outlet2.example.com/2024/05/story-1-1",
    }
    assert story["sources"][0]["published"] == "2024-05-01T15:00:00Z"
    assert story["status"] == "new"
    statuses = [s["status"] for t in document["topics"] for s in t["stories"]]
    assert statuses.count("update") == 1


def test_digest_json_matches_its_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = digest_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for issue in (
        make_issue(12),
        make_issue(1, extra=(hostile_story(),)),
        make_issue(0),
        make_full_issue(3),
    ):
        jsonschema.validate(issue_to_json(issue), schema)


def test_schema_names_every_key_written() -> None:
    # Runs without jsonschema: every key of the document is declared, and required.
    schema = digest_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def check(value: object, node: Any) -> None:
        if isinstance(value, dict):
            properties = node["properties"]
            assert set(value) == set(properties) == set(node["required"])
            for key, item in value.items():
                check(item, properties[key])
        elif isinstance(value, list):
            for item in value:
                check(item, node["items"])

    check(issue_to_json(make_full_issue(12)), schema)
    document = issue_to_json(make_full_issue(12))
    assert document["number"] == 42
    assert [(w["month"], w["day"]) for w in document["watch"]] == [
        ("2024-05", "2024-05-14"),
        ("2025-01", None),
    ]
    assert [s["rank"] for s in document["topics"][0]["stories"]] == [1, 5, 9]


def test_output_is_deterministic(tmp_path: Path) -> None:
    first = build(tmp_path / "a", make_issue(12))
    second = build(tmp_path / "b", make_issue(12))
    for name in [*sorted(CONTRACT)]:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    for name in ("index.html", "feed.xml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_archive_lists_issues_newest_first(tmp_path: Path) -> None:
    for day in (date(2024, 5, 13), date(2024, 4, 29), date(2024, 5, 6)):
        build(tmp_path, make_issue(3, issue_date=day))
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(\d{4}-\d{2}-\d{2})/index\.html"', index)
    assert links == ["2024-05-13", "2024-05-06", "2024-04-29"]
    assert "13 May 2024" in index and '<html lang="en">' in index
    for link in links:
        assert (tmp_path / link / "index.html").is_file()


def test_archive_and_feed_name_the_issues_story_no_1(tmp_path: Path) -> None:
    """The lead is story no. 1 wherever its topic stands (a standing topic may come first
    with a smaller story)."""
    issue = make_full_issue(12)
    lead = next(s for t in issue.topics for s in t.stories if s.rank == 1)
    lead_topic = next(t for t in issue.topics if lead in t.stories)
    reordered = replace(
        issue, topics=(*[t for t in issue.topics if t is not lead_topic], lead_topic)
    )
    build(tmp_path, reordered)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    feed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert html.escape(lead.headline, quote=False) in index
    assert feed.entries[0].title.startswith(lead.headline[:30])


def test_feed_is_valid_atom(tmp_path: Path) -> None:
    for day in (date(2024, 4, 29), date(2024, 5, 6)):
        build(tmp_path, make_issue(3, issue_date=day))
    raw = (tmp_path / "feed.xml").read_bytes()
    root = etree.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    for tag in ("title", "id", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for tag in ("title", "id", "updated", "link"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "The Weekly Brief"
    assert [e.link for e in parsed.entries] == ["2024-05-06/index.html", "2024-04-29/index.html"]
    assert parsed.entries[0].title.startswith("Twelve countries agree draft framework")
    assert parsed.entries[0].updated == "2024-05-06T06:00:00Z"
    assert len({e.id for e in parsed.entries}) == 2


def test_hostile_text_is_escaped_in_archive(tmp_path: Path) -> None:
    build(tmp_path, make_issue(0, extra=(hostile_story(),)))
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in index
    parsed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert not parsed.bozo
    assert parsed.entries[0].title.startswith("<script>alert(1)</script> {{ 7*7 }}")


def test_same_date_is_replaced(tmp_path: Path) -> None:
    build(tmp_path, make_issue(3))
    story = replace(make_story(1), headline="A corrected headline")
    second = build(tmp_path, make_issue(1, extra=(story,)))
    document = json.loads((second / "digest.json").read_text(encoding="utf-8"))
    assert document["topics"][0]["stories"][0]["headline"] == "A corrected headline"
    assert "A corrected headline" in (second / "email.html").read_text(encoding="utf-8")
    # No staging or old directories are left behind, and the archive lists the date once.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024-05-06", "feed.xml", "index.html"]
    assert (tmp_path / "index.html").read_text(encoding="utf-8").count('href="2024-05-06/') == 1


def test_failed_write_keeps_the_previous_issue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(tmp_path, make_issue(3))
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    issue = make_issue(1)
    rendered = render_issue(issue, make_newsletter())
    real_write = Path.write_bytes

    def failing_write(self: Path, data: bytes) -> int:
        if self.name == "digest.json":
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(DeliveryError) as info:
        write_issue(tmp_path, issue, rendered)
    assert info.value.path == str(first)
    assert "No space left on device" in str(info.value)
    assert {p.name: p.read_bytes() for p in first.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024-05-06", "feed.xml", "index.html"]


def test_unwritable_output_is_a_delivery_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    issue = make_issue(1)
    with pytest.raises(DeliveryError) as info:
        write_issue(blocker / "out", issue, render_issue(issue, make_newsletter()))
    assert info.value.path == str(blocker / "out")


def test_archive_skips_broken_issue_dirs(tmp_path: Path) -> None:
    (tmp_path / "2024-01-01").mkdir()
    (tmp_path / "2024-01-01" / "digest.json").write_text("{not json")
    (tmp_path / "notes").mkdir()
    build(tmp_path, make_issue(2))
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="(\d{4}-\d{2}-\d{2})/', index) == ["2024-05-06"]


def test_archive_page_uses_the_editors_template_override(tmp_path: Path) -> None:
    overrides = tmp_path / "templates"
    overrides.mkdir()
    (overrides / "archive.html.j2").write_text(
        "OUR ARCHIVE of {{ newsletter }}: {{ entries | length }} issue(s)"
    )
    issue = make_issue(2)
    out = tmp_path / "out"
    write_issue(out, issue, render_issue(issue, make_newsletter()), templates_dir=overrides)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page == "OUR ARCHIVE of The Weekly Brief: 1 issue(s)"


def test_also_in_the_news_is_written_and_declared() -> None:
    brief = Brief(
        StoryId("s-000000000001"),
        "Riksbank holds its rate",
        "Baltic Wire",
        "https://baltic.example/riksbank",
        "Sweden's central bank kept its policy rate at 1.75 per cent on Monday.",
        datetime(2024, 5, 5, 9, 30, tzinfo=UTC),
    )
    issue = replace(make_issue(2), also_in_the_news=(brief,))
    document = issue_to_json(issue)
    assert document["also_in_the_news"] == [
        {
            "id": "s-000000000001",
            "headline": "Riksbank holds its rate",
            "outlet": "Baltic Wire",
            "url": "https://baltic.example/riksbank",
            "sentence": "Sweden's central bank kept its policy rate at 1.75 per cent on Monday.",
            "published": "2024-05-05T09:30:00Z",
        }
    ]
    node = digest_schema()["properties"]["also_in_the_news"]["items"]  # type: ignore[index]
    assert set(node["properties"]) == set(node["required"]) == set(document["also_in_the_news"][0])


def test_also_in_the_news_in_the_email_is_inert() -> None:
    """Feed text in the one-line list is escaped, and a link that is not http(s) is
    shown as text, not linked, in both parts."""
    hostile = Brief(
        StoryId("s-000000000002"),
        "<script>alert(1)</script> Rates held",
        "Wire & Co",
        "javascript:alert(1)",
        "The bank <b>held</b> its rate.",
        datetime(2024, 5, 5, 9, 30, tzinfo=UTC),
    )
    rendered = render_issue(replace(make_issue(1), also_in_the_news=(hostile,)), make_newsletter())
    assert "Also in the news" in rendered.html and "ALSO IN THE NEWS" in rendered.text
    assert "<script>alert" not in rendered.html and "javascript:" not in rendered.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Rates held" in rendered.html
    assert "Wire &amp; Co" in rendered.html and "&lt;b&gt;held&lt;/b&gt;" in rendered.html
    assert "javascript:" not in rendered.text


def test_a_draft_is_marked_in_the_archive_and_left_out_of_its_feed(tmp_path: Path) -> None:
    build(tmp_path, make_issue(3, issue_date=date(2024, 4, 29)))
    build(tmp_path, replace(make_issue(3, issue_date=date(2024, 5, 6)), is_draft=True))

    document = json.loads((tmp_path / "2024-05-06" / "digest.json").read_text(encoding="utf-8"))
    assert document["draft"] is True
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="(\d{4}-\d{2}-\d{2})/index\.html"', index) == [
        "2024-05-06",
        "2024-04-29",
    ]
    assert index.count("<strong>Draft</strong>") == 1
    assert index.index("<strong>Draft</strong>") < index.index("2024-04-29/index.html")
    parsed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert [e.link for e in parsed.entries] == ["2024-04-29/index.html"]
    assert parsed.feed.updated == "2024-04-29T06:00:00Z"

    build(tmp_path, make_issue(3, issue_date=date(2024, 5, 6)))  # the final build

    parsed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert [e.link for e in parsed.entries] == ["2024-05-06/index.html", "2024-04-29/index.html"]
    assert "<strong>Draft</strong>" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_an_issue_written_before_the_draft_flag_is_listed_as_before(tmp_path: Path) -> None:
    issue_dir = build(tmp_path, make_issue(3))
    document = json.loads((issue_dir / "digest.json").read_text(encoding="utf-8"))
    del document["draft"]
    document["schema_version"] = 1
    (issue_dir / "digest.json").write_text(json.dumps(document), encoding="utf-8")
    build(tmp_path, make_issue(3, issue_date=date(2024, 5, 13)))

    parsed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert [e.link for e in parsed.entries] == ["2024-05-13/index.html", "2024-05-06/index.html"]
