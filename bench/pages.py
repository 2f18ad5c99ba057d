"""Write-ups of real outlets' pages, to read and to check: the writing stages on real HTML.

The e2e week's pages are Multi-News text in layouts written here; the 90 pages of
``../shared/data/extraction/aeb_dev`` are real pages of real sites (news, blogs, shops,
several languages), read at run time and never copied. Each page becomes a one-article
story: its title (``og:title``, else ``<title>``), the text ``digest.extract`` keeps, a
publication time of 2019-11-20 00:30 UTC (about when the pages were saved), then the
real ``summarize_story``. The stories are written as a ``digest.json`` and checked with
``digest check``'s rules, so the counts are the ones an editor would be shown::

    .venv/bin/python bench/pages.py                 # counts by category
    .venv/bin/python bench/pages.py --show          # and every write-up, to read
    .venv/bin/python bench/pages.py --keep DIR      # keep DIR/digest.json (digest check DIR)

Without the data it prints why and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]  # no stubs installed
from lxml import etree

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.charset import decode_page
from digest.check import check_issue
from digest.extract import extract_article
from digest.ids import story_id_for
from digest.issue_json import issue_to_json
from digest.models import Article, ArticleId, Issue, Story, StorySummary, TopicSection
from digest.summarize import summarize_story

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "extraction" / "aeb_dev" / "html"
PUBLISHED = datetime(2019, 11, 20, 0, 30, tzinfo=UTC)


def page_title(html: str) -> str:
    """The page's own headline: ``og:title``, else ``<title>``."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return ""
    og = tree.xpath('//meta[@property="og:title"]/@content')
    return " ".join(str(og[0] if og else tree.findtext(".//title") or "").split())


def write_ups(pages: Path, limit: int | None = None) -> list[StorySummary]:
    summaries = []
    for number, path in enumerate(sorted(pages.glob("*.html.gz"))[:limit]):
        raw = gzip.decompress(path.read_bytes())
        html = decode_page(raw, None) or ""
        url = f"https://pages.example/{path.name.removesuffix('.html.gz')}"
        extracted = extract_article(raw, url)
        if extracted is None:
            continue
        article = Article(
            id=ArticleId(str(number)),
            url=url,
            outlet=f"Page {number}",
            feed_url="https://pages.example/feed",
            title=page_title(html),
            published=PUBLISHED,
            text=extracted.text,
        )
        story = Story(story_id_for(url), (article,))
        summaries.append(summarize_story(story, issue_date=date(2019, 11, 25)))
    return summaries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every write-up")
    parser.add_argument("--keep", type=Path, help="write digest.json into this directory")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument("--limit", type=int, help="only the first N pages (by file name)")
    options = parser.parse_args()
    if not PAGES.is_dir():
        print(f"skipped: {PAGES} is not present (../shared is provided beside the repo)")
        return 0
    summaries = write_ups(PAGES, options.limit)
    issue = Issue(
        newsletter="Pages",
        issue_date=date(2019, 11, 25),
        window_start=PUBLISHED,
        window_end=PUBLISHED,
        topics=(TopicSection("Pages", True, tuple(summaries)),),
    )
    with tempfile.TemporaryDirectory() as scratch:
        out = options.keep or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        (out / "digest.json").write_text(json.dumps(issue_to_json(issue)), encoding="utf-8")
        findings = [f for f in check_issue(out).findings if f.category != "missing take"]
    counts = Counter(f.category for f in findings)
    printed = {
        "briefly": sum(len(s.briefly) for s in summaries),
        "perspectives": sum(len(s.perspectives) for s in summaries),
        "notes": sum(len(s.also_worth_noting) for s in summaries),
    }
    if options.json:
        print(json.dumps({"stories": len(summaries), "printed": printed, "findings": counts}))
        return 0
    if options.show:
        for summary in summaries:
            print(f"## {summary.headline}")
            for sentence in summary.briefly:
                print(f"  B: {sentence.text}")
            for perspective in summary.perspectives:
                print(f"  P: {perspective.who} | {perspective.says}")
            for note in summary.also_worth_noting:
                print(f"  N: {note.text}")
            print()
        for finding in findings:
            print(finding)
        print()
    shown = ", ".join(f"{k} {v}" for k, v in sorted(printed.items()))
    print(f"{len(summaries)} pages written up ({shown}); digest check findings (no take aside):")
    for category, number in sorted(counts.items()):
        print(f"  {category}: {number}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
