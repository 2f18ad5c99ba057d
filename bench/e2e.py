"""End-to-end week: the real ``digest run`` on a realistic week of fictional outlets.

Builds a week of news from ../shared/data/summarization/multinews_longbench_dev100.jsonl
(read at run time, never copied: the data is licensed for internal evaluation only).
Each Multi-News example is one event; its documents become articles of different
fictional outlets, each with its own page layout, furniture and RSS or Atom feed, with
pubDates over the week. A local server on 127.0.0.1 serves it, the real CLI builds the
issue as a user would, and the built digest.json (plus the store) is scored against the
events: B-cubed over all articles, events covered whole, stories that mix events or
hold degenerate articles, what the cap and the sections did, and which of the injected
furniture reached a story. See docs/quality.md ("End-to-end week") for definitions.

    .venv/bin/python bench/e2e.py                      # the whole dev week, summary
    .venv/bin/python bench/e2e.py --show               # plus every story and the worst
    .venv/bin/python bench/e2e.py --variant feedtext   # pages unreachable: feed text only
    .venv/bin/python bench/e2e.py --variant realfeeds  # real outlets' feed items (15-18 Feb)
    .venv/bin/python bench/e2e.py --events 10 --keep /tmp/week --json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._e2e_outlets import OUTLETS, Describe, Outlet, article_path, promo_line, render_feed
from bench._e2e_pages import Marker, render_page
from bench._e2e_real import RealOutlet, load_real_week, real_article_path, render_real_feed
from bench._e2e_score import GoldArticle, IssueStory, Score, score_issue, score_stage
from bench._e2e_week import WeekArticle, build_week, degenerate_documents, load_events
from digest.sample._server import SampleServer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "summarization" / "multinews_longbench_dev100.jsonl"
REAL_DATA = ROOT.parent / "shared" / "data" / "clustering" / "realfeeds_dev.jsonl"
NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # a Monday morning, as the cron would run
# "realfeeds" is another week: real outlets' feed items, their pages out of reach.
VARIANTS = ("pages", "feedtext", "realfeeds")
# Standing topics that fit this week's news, besides the shipped feeds.yaml's own.
EXTRA_TOPICS: dict[str, tuple[str, str]] = {
    "Trump White House": ("Trump, White House", "The Trump presidency and the White House."),
    "Middle East": ("Israel, Gaza, Hamas, Syria, Egypt, Iran", "Conflict and politics."),
    "North Korea": ("North Korea, Pyongyang, Kim Jong", "North Korea and its neighbours."),
    "Tech companies": ("Tesla, Microsoft, Netflix, Elon Musk", "The big technology firms."),
}


@dataclass(frozen=True, slots=True)
class WeekOptions:
    seed: int = 1
    events: int | None = None  # None: every event of the file
    variant: str = "pages"
    max_stories: int | None = None  # None: the highest the config schema allows
    keep: Path | None = None
    data: Path | None = None  # None: DATA, or REAL_DATA for "realfeeds"


@dataclass(frozen=True, slots=True)
class WeekResult:
    score: Score
    run: dict[str, Any]  # the CLI run: command, exit code, seconds, stderr tail
    week: dict[str, Any]  # what was built: seed, variant, events, outlets, max_stories
    work_dir: Path | None  # kept directory, if any


def run_week(options: WeekOptions) -> WeekResult:
    """Build the week, serve it, run ``digest run`` on it and score the issue.

    Raises FileNotFoundError if the data file is absent, ValueError on a bad option.
    """
    if options.variant not in VARIANTS:
        raise ValueError(f"--variant must be one of {', '.join(VARIANTS)}")
    feeds: Sequence[Outlet | RealOutlet]
    real_outlets: Sequence[RealOutlet] = ()
    if options.variant == "realfeeds":
        articles, real_outlets, now = load_real_week(options.data or REAL_DATA)
        feeds = real_outlets
        events = sorted({a.event for a in articles})
    else:
        loaded = load_events(options.data or DATA)
        degenerate = degenerate_documents(loaded)  # over the whole file, whatever is sampled
        if options.events is not None and options.events < len(loaded):
            picked = set(random.Random(options.seed).sample(range(len(loaded)), options.events))
            loaded = [event for n, event in enumerate(loaded) if n in picked]
        events = [event.index for event in loaded]
        articles = build_week(
            loaded, degenerate, outlets=[o.slug for o in OUTLETS], now=NOW, seed=options.seed
        )
        feeds, now = OUTLETS, NOW
    markers: list[Marker]
    with _work_dir(options.keep) as work:
        max_stories = _max_stories(options.max_stories)
        with _serve(work / "site") as base:
            if options.variant == "realfeeds":
                paths, markers = _write_real_site(work / "site", articles, real_outlets, now), []
            else:
                paths, markers = _write_site(work / "site", articles, options, base, now)
            config = _write_config(work, base, max_stories, feeds)
            run = _run_cli(config, work / "out", now)
        built = _read_issue(work, paths)
        gold = [_gold(a) for a in articles]
        score = score_issue(
            gold,
            built.stories,
            anywhere=built.anywhere,
            left_out=built.left_out,
            markers=markers,
            topics=_standing_topics(),
        )
        stage = _stage_partition(work / "digest.db", paths, now)
        if isinstance(stage, str):
            score.stage = {"error": stage}
        else:
            partition, seen = stage
            score.stage = score_stage(
                gold, partition, built.stories, topics=_standing_topics(), texts=seen
            )
        if built.assembled:
            score.assembled = score_stage(
                gold, built.assembled, built.stories, topics=_standing_topics()
            )
        score.standing_cut = built.standing_cut
        score.single_unaccounted = sum(
            1
            for keys in _real_reports(gold).values()
            if len(keys) == 1 and not keys & built.accounted
        )
        score.unaccounted = sum(1 for a in gold if a.key not in built.accounted)
        week = {
            "seed": options.seed,
            "variant": options.variant,
            "events": len(events),
            "outlets": len(feeds),
            "max_stories": max_stories,
            "now": now.isoformat(),
            "furniture_injected": dict(Counter(marker.kind for marker in markers)),
            # Source URLs of the issue that match no article of the week: should be 0,
            # or the pipeline rewrote URLs in a way this harness does not follow.
            "unknown_source_urls": built.unknown_urls,
        }
        emails = sorted((work / "out").glob("*/email.html"))
        run["email_html_bytes"] = emails[-1].stat().st_size if emails else 0
        if options.keep is not None:
            _write_gold(work, articles, paths)
        return WeekResult(score, run, week, options.keep)


# -- the site ---------------------------------------------------------------------------


def _write_site(
    site: Path,
    articles: Sequence[WeekArticle],
    options: WeekOptions,
    base: str,
    now: datetime,
) -> tuple[dict[str, str], list[Marker]]:
    """Write feeds (and, for "pages", article pages); return URL path -> key, markers."""
    outlets = {o.slug: o for o in OUTLETS}
    dead_port = _closed_port()
    paths: dict[str, str] = {}
    markers: list[Marker] = []
    items: dict[str, list[tuple[WeekArticle, str]]] = {o.slug: [] for o in OUTLETS}
    for number, article in enumerate(articles):
        outlet = outlets[article.outlet]
        path = article_path(outlet, article)
        paths["/" + path.rstrip("/")] = article.key
        link = f"__BASE__/{path}"
        if options.variant == "feedtext" and OUTLETS.index(outlet) % 2:
            link = f"http://127.0.0.1:{dead_port}/{path}"  # connection refused
        items[outlet.slug].append((article, link))
        if outlet.describe is Describe.PROMO:
            markers.append(Marker("feed promo", promo_line(outlet, article)))
        if options.variant == "pages":
            page = render_page(
                outlet, article, url=f"{base}/{path}", others=articles, seed=options.seed + number
            )
            target = site / _file_path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.html, encoding="utf-8")
            markers.extend(page.markers)
    for outlet in OUTLETS:
        feed = site / _feed_path(outlet)
        feed.parent.mkdir(parents=True, exist_ok=True)
        feed.write_text(render_feed(outlet, items[outlet.slug], now=now), encoding="utf-8")
    return paths, markers


def _write_real_site(
    site: Path, articles: Sequence[WeekArticle], outlets: Sequence[RealOutlet], now: datetime
) -> dict[str, str]:
    """One RSS feed per real outlet; no pages. Every article link points at a port nothing
    listens on, so a fetch is refused, as an outlet's paywall or bot wall leaves a crawler:
    a 404 would say the page is gone, and a one-outlet item with a dead link is withheld
    from Also in the news."""
    paths: dict[str, str] = {}
    dead_port = _closed_port()
    for outlet in outlets:
        items = []
        for article in articles:
            if article.outlet == outlet.slug:
                path = real_article_path(outlet, article)
                paths["/" + path] = article.key
                items.append((article, f"http://127.0.0.1:{dead_port}/{path}"))
        feed = site / _feed_path(outlet)
        feed.parent.mkdir(parents=True, exist_ok=True)
        feed.write_text(render_real_feed(outlet, items, now=now), encoding="utf-8")
    return paths


def _file_path(path: str) -> str:
    """Where the page of URL path ``path`` is stored (see _WeekServer.find)."""
    if path.endswith("/"):
        return path + "index.html"
    return path if path.endswith(".html") else path + ".html"


class _WeekServer(SampleServer):
    """The sample's server, plus the outlets' URL schemes: "slug/" and extensionless."""

    def find(self, url_path: str) -> Path | None:
        found = super().find(url_path)
        if found is None and not url_path.endswith(".html"):
            found = super().find(_file_path(url_path))
        return found


def _feed_path(outlet: Outlet | RealOutlet) -> str:
    is_atom = isinstance(outlet, Outlet) and outlet.is_atom
    return f"{outlet.slug}/{'atom.xml' if is_atom else 'feed.xml'}"


def _closed_port() -> int:
    # A port that was free a moment ago: nothing listens there, so connecting is refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _serve(site: Path) -> Iterator[str]:
    site.mkdir(parents=True, exist_ok=True)
    server = _WeekServer((site,))
    thread = threading.Thread(target=server.serve_forever, name="e2e-week", daemon=True)
    thread.start()
    try:
        yield server.base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def _work_dir(keep: Path | None) -> Iterator[Path]:
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="digest-e2e-") as temporary:
            yield Path(temporary)
        return
    if keep.exists() and any(keep.iterdir()):
        raise ValueError(f"--keep {keep}: the directory is not empty; name a new one")
    keep.mkdir(parents=True, exist_ok=True)
    yield keep


# -- config and the CLI run -------------------------------------------------------------


def _standing_topics() -> dict[str, tuple[str, ...]]:
    """Topic name -> keywords: the shipped feeds.yaml's topics, then EXTRA_TOPICS."""
    shipped = _shipped_config()
    topics = {t["name"]: tuple(t.get("keywords", ())) for t in shipped.get("topics", [])}
    for name, (keywords, _) in EXTRA_TOPICS.items():
        topics[name] = tuple(k.strip() for k in keywords.split(","))
    return topics


def _write_config(
    work: Path, base: str, max_stories: int, feeds: Sequence[Outlet | RealOutlet]
) -> Path:
    shipped = _shipped_config()
    topics = list(shipped.get("topics", []))
    for name, (keywords, description) in EXTRA_TOPICS.items():
        topics.append(
            {
                "name": name,
                "keywords": [k.strip() for k in keywords.split(",")],
                "description": description,
            }
        )
    config = {
        "newsletter": {
            "name": "The E2E Week",
            "from": "The E2E Week <week@example.org>",
            "unsubscribe": "https://example.org/unsubscribe",
            "timezone": "Europe/Brussels",
            "window_days": 7,
            "max_stories": max_stories,
            "postal_address": "The E2E Week, 1 Example Street, 1000 Brussels, Belgium",
        },
        "storage": {"url": "sqlite:///digest.db"},
        "fetch": {"allow_private": True},
        "topics": topics,
        "feeds": [{"name": o.name, "url": f"{base}/{_feed_path(o)}"} for o in feeds],
    }
    path = work / "feeds.yaml"
    header = "# Written by bench/e2e.py for one run; the served week is under site/.\n"
    with path.open("w", encoding="utf-8") as file:
        file.write(header)
        writer = YAML()
        writer.default_flow_style = False
        writer.dump(config, file)
    return path


def _shipped_config() -> dict[str, Any]:
    loaded = YAML(typ="safe", pure=True).load(ROOT / "feeds.yaml")
    return dict(loaded) if isinstance(loaded, dict) else {}


def _digest_command() -> list[str]:
    script = Path(sys.executable).with_name("digest")
    return [str(script)] if script.exists() else [sys.executable, "-m", "digest"]


def _max_stories(requested: int | None) -> int:
    """``requested``, or the highest ``newsletter.max_stories`` the config schema allows."""
    if requested is not None:
        return requested
    schema = subprocess.run(
        [*_digest_command(), "schema", "config"], capture_output=True, text=True, check=True
    )
    found = _find_key(json.loads(schema.stdout), "max_stories")
    return int(found.get("maximum", 60)) if isinstance(found, dict) else 60


def _find_key(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        if key in node:
            return node[key]
        for value in node.values():
            found = _find_key(value, key)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find_key(value, key)
            if found is not None:
                return found
    return None


def _run_cli(config: Path, out: Path, now: datetime) -> dict[str, Any]:
    command = [*_digest_command(), "run", "--config", str(config), "--out", str(out)]
    command += ["--now", now.strftime("%Y-%m-%dT%H:%M:%SZ")]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    return {
        "command": " ".join(command[1:]),
        "exit_code": done.returncode,
        "seconds": round(time.perf_counter() - started, 1),
        "stdout_tail": done.stdout.strip().splitlines()[-3:],
        "stderr_tail": done.stderr.strip().splitlines()[-5:],
        "warning_lines": sum(1 for line in done.stderr.splitlines() if "WARNING" in line),
    }


# -- reading the issue back -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _BuiltIssue:
    stories: list[IssueStory]
    anywhere: set[str]  # keys of the articles linked anywhere in digest.json
    left_out: int  # stories the store says this issue considered and left out
    unknown_urls: int  # source URLs matching no article of the week (should be 0)
    # Article key -> the story the build put it in, printed or not (the store's record
    # of every story the issue considered); absent from an older store.
    assembled: dict[str, str] = dataclasses.field(default_factory=dict)
    standing_cut: int = 0  # left out by the cap while filed under a standing topic
    accounted: set[str] = dataclasses.field(default_factory=set)  # keys with a record


def _read_issue(work: Path, paths: Mapping[str, str]) -> _BuiltIssue:
    """The built issue as the harness scores it.

    Members come from each story's sources in digest.json, completed by the store's
    story links (the email may shorten a source list; the store keeps them all).
    """
    built = sorted((work / "out").glob("*/digest.json"))
    if not built:
        return _BuiltIssue([], set(), 0, 0)
    issue = json.loads(built[-1].read_text(encoding="utf-8"))
    topics = _standing_topics()
    linked, records = _store_links(work / "digest.db", str(issue.get("issue_date", "")))
    left_out = sum(1 for included, _, _ in records.values() if not included)
    assembled = {_key(url, paths): story_id for story_id, urls in linked.items() for url in urls}
    assembled.pop("", None)
    standing_cut = sum(
        1
        for included, topic, why in records.values()
        if not included and topic in topics and why.startswith("cut by max_stories")
    )
    stories = []
    unknown = 0
    for section in issue.get("topics", []):
        name = str(section.get("name", ""))
        for story in section.get("stories", []):
            members = {_key(s.get("url", ""), paths) for s in story.get("sources", [])}
            unknown += sum(1 for member in members if not member)
            members |= {_key(url, paths) for url in linked.get(str(story.get("id")), ())}
            stories.append(
                IssueStory(
                    id=str(story.get("id")),
                    section=name,
                    is_standing=name in topics,
                    headline=str(story.get("headline", "")),
                    fields=tuple(_fields(story)),
                    members=frozenset(members - {""}),
                )
            )
    anywhere = {_key(url, paths) for url in _strings(issue)} - {""}
    return _BuiltIssue(
        stories,
        anywhere,
        left_out,
        unknown,
        assembled=assembled,
        standing_cut=standing_cut,
        accounted=set(assembled),
    )


def _store_links(
    database: Path, issue_date: str
) -> tuple[dict[str, list[str]], dict[str, tuple[bool, str, str]]]:
    """Story id -> article URLs, and story id -> (printed, topic, why), from the store:
    every story the issue considered, printed or not."""
    if not database.exists():
        return {}, {}
    links: dict[str, list[str]] = {}
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "SELECT l.story_id, a.url FROM story_articles l JOIN articles a"
                " ON a.id = l.article_id WHERE l.issue_date = ?",
                (issue_date,),
            ).fetchall()
            told = connection.execute(
                "SELECT story_id, is_included, topic, why FROM issue_stories WHERE issue_date = ?",
                (issue_date,),
            ).fetchall()
    except sqlite3.Error:
        return {}, {}  # another schema: digest.json alone
    for story_id, url in rows:
        links.setdefault(str(story_id), []).append(str(url))
    records = {str(i): (bool(included), str(topic), str(why)) for i, included, topic, why in told}
    return links, records


def _stage_partition(
    database: Path, paths: Mapping[str, str], now: datetime
) -> tuple[dict[str, str], dict[str, str]] | str:
    """Article key -> story id from the clustering stage alone, and article key -> the
    text clustering saw; or why they are unavailable.

    Calls the library (``digest.screen.screen_articles``, then
    ``digest.cluster.cluster_stories`` on the store's articles of the window, as the
    build does): before continuity, selection, the cap and the editors. An article
    screening sets aside is a story of its own.
    """
    try:
        from digest.cluster import cluster_stories, clustering_texts
        from digest.screen import screen_articles
        from digest.store import open_store

        with open_store(f"sqlite:///{database}") as store:
            window = store.articles_between(now - timedelta(days=7), now)
        kept = screen_articles(window).kept
        clustered = cluster_stories(kept)
        seen = clustering_texts(kept)
    except (ImportError, AttributeError, TypeError) as exc:  # the library API moved on
        return f"{type(exc).__name__}: {exc}"
    partition = {
        _key(article.url, paths): str(story.id)
        for story in clustered
        for article in story.articles
        if _key(article.url, paths)
    }
    texts = {_key(a.url, paths): seen[a.id] for a in kept if _key(a.url, paths)}
    return partition, texts


def _real_reports(gold: Sequence[GoldArticle]) -> dict[int, set[str]]:
    reports: dict[int, set[str]] = {}
    for article in gold:
        if not article.is_degenerate:
            reports.setdefault(article.event, set()).add(article.key)
    return reports


def _fields(story: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, text) pairs of a story's printed text: headline, briefly, voices, notes..."""
    fields = [
        ("headline", str(story.get("headline", ""))),
        ("briefly", str(story.get("briefly", ""))),
    ]
    for voice in story.get("perspectives", []):
        fields.append(("perspectives", f"{voice.get('who', '')}: {voice.get('says', '')}"))
    for note in story.get("also_worth_noting", []):
        fields.append(("notes", str(note.get("text", ""))))
    for source in story.get("sources", []):
        fields.append(("sources", str(source.get("title", ""))))
    known = {"headline", "briefly", "briefly_sentences", "perspectives", "also_worth_noting"}
    known |= {"sources", "id", "status", "take_origin"}
    for name, value in story.items():
        if name not in known and isinstance(value, str) and value:
            fields.append((name, value))
    return fields


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _key(url: str, paths: Mapping[str, str]) -> str:
    if not url.startswith("http"):
        return ""
    return paths.get(urlsplit(url).path.rstrip("/"), "")


def _gold(article: WeekArticle) -> GoldArticle:
    return GoldArticle(
        article.key,
        article.event,
        article.is_degenerate,
        article.outlet,
        article.title,
        " ".join(article.lede),
    )


def _write_gold(work: Path, articles: Sequence[WeekArticle], paths: Mapping[str, str]) -> None:
    """gold.json in a kept directory: each article's URL path, event and degeneracy."""
    path_of = {key: path for path, key in paths.items()}
    rows = [
        {
            "key": a.key,
            "path": path_of.get(a.key, ""),
            "event": a.event,
            "degenerate": a.is_degenerate,
            "outlet": a.outlet,
            "published": a.published.isoformat(),
        }
        for a in articles
    ]
    (work / "gold.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


# -- the report -------------------------------------------------------------------------


def summary_lines(result: WeekResult) -> list[str]:
    s, week, run = result.score, result.week, result.run
    lines = [
        f"e2e week (seed {week['seed']}, variant {week['variant']}): {week['events']} events, "
        f"{s.articles} articles ({s.degenerate} degenerate), {week['outlets']} outlets",
        f"digest run: exit {run['exit_code']} in {run['seconds']} s, "
        f"{run['warning_lines']} warning line(s); max_stories {week['max_stories']}; "
        f"email.html {run.get('email_html_bytes', 0) / 1024:.0f} KB",
        f"stories: {s.stories} printed, {s.left_out} left out; sections: "
        + ", ".join(f"{name} {count}" for name, count in s.sections.items()),
        _assembled_line(s.assembled),
        f"B-cubed over all articles, printed stories only: P {s.bcubed_precision:.3f}  "
        f"R {s.bcubed_recall:.3f}  F1 {s.bcubed_f1:.3f}",
        f"events with 2+ real reports: {s.events_multi}; covered whole {s.covered} "
        f"(clean {s.covered_clean}), split {s.split}, partly left out {s.partial}, "
        f"missing {s.missing}",
        f"stories mixing events: {s.mixed_stories}; with degenerate articles: "
        f"{s.junk_stories} (only degenerate: {s.all_junk_stories})",
        f"single-report events: {s.events_single}; nowhere in digest.json (stories or Also "
        f"in the news): {s.single_lost}; without a record in the store: "
        f"{s.single_unaccounted}; articles of the week without a record: {s.unaccounted}",
        f"standing-topic events (by keywords): {s.standing_expected}; filed under it "
        f"{s.standing_filed}, under another section {s.standing_elsewhere}, not printed "
        f"{s.standing_absent} while {s.non_standing_printed} non-standing stories were; "
        f"standing-topic stories cut by the cap: {s.standing_cut}",
        _stage_line(s.stage),
        "injected furniture in story fields: "
        + (", ".join(f"{k} {v}" for k, v in s.injected.items()) or "none"),
        "furniture patterns in story fields: "
        + (", ".join(f"{k} {v}" for k, v in s.patterns.items()) or "none"),
    ]
    if week["unknown_source_urls"]:
        lines.append(f"NOTE: {week['unknown_source_urls']} source URL(s) match no article")
    if run["exit_code"] not in (0, 1):
        lines.append("digest run failed: " + " | ".join(run["stderr_tail"]))
    return lines


def _assembled_line(assembled: Mapping[str, Any]) -> str:
    if not assembled:
        return "B-cubed over all articles, every story the build assembled: n/a (no records)"
    return (
        "B-cubed over all articles, every story the build assembled (printed, Also in the "
        f"news, left out, set aside): P {assembled['bcubed_precision']:.3f}  "
        f"R {assembled['bcubed_recall']:.3f}  F1 {assembled['bcubed_f1']:.3f}; events "
        f"covered whole {assembled['covered']}, split {assembled['split']}, mixing "
        f"{assembled['mixed_stories']}, junk {assembled['junk_stories']}"
    )


def _stage_line(stage: Mapping[str, Any]) -> str:
    if "error" in stage:
        return f"clustering stage alone: n/a ({stage['error']})"
    return (
        f"clustering stage alone (screened): B-cubed P {stage['bcubed_precision']:.3f}  "
        f"R {stage['bcubed_recall']:.3f}  F1 {stage['bcubed_f1']:.3f}; "
        f"{stage['stories']} multi-outlet stories, events covered whole {stage['covered']}, "
        f"split {stage['split']}, mixing {stage['mixed_stories']}, junk {stage['junk_stories']}; "
        f"not printed: {stage['multi_outlet_not_printed']} multi-outlet stories "
        f"({stage['standing_not_printed']} of standing-topic events)"
    )


def show_lines(result: WeekResult) -> list[str]:
    s = result.score
    lines = ["", "stories (section | headline | events: reports | outlets | flags):"]
    for row in s.story_rows:
        events = " ".join(f"{event}:{count}" for event, count in row.events.items())
        junk = f" +{row.degenerate} degenerate" if row.degenerate else ""
        lines.append(
            f"  [{row.section}] {row.headline[:70]} | {events}{junk} | "
            f"{','.join(row.outlets)} | {' '.join(row.flags)}"
        )
    lines += ["", "worst mixes:"]
    lines += [f"  {m.events} in {m.headline!r} [{m.section}]" for m in s.worst_mixes]
    lines += ["", "worst splits (event: reports -> stories + in no story):"]
    lines += [
        f"  {m.event}: {m.reports} -> {m.stories} + {m.in_no_story}  {m.title!r}"
        for m in s.worst_splits
    ]
    lines += _stage_case_lines(s.stage)
    not_printed = s.stage.get("not_printed")
    if isinstance(not_printed, list):
        lines += ["", "multi-outlet stories of the clustering stage not printed (events, title):"]
        lines += [f"  {row}" for row in not_printed]
    lines += ["", "furniture examples:"]
    for kind, examples in s.examples.items():
        lines += [f"  {kind}: {example}" for example in examples]
    return lines


def _stage_case_lines(stage: Mapping[str, Any]) -> list[str]:
    """The clustering stage's split events and mixing stories, report by report."""
    lines: list[str] = []
    for kind, heading in (
        ("split_events", "clustering stage: split events (event: reports -> stage stories)"),
        ("mixed_cases", "clustering stage: stories mixing events"),
    ):
        cases = stage.get(kind)
        if not isinstance(cases, list):
            continue
        lines += ["", f"{heading}:"]
        for case in cases:
            lines.append(f"  {case['label']}")
            lines += [
                f"    [{r['story']}] {'*' if r['degenerate'] else ''}ev {r['event']} "
                f"{r['outlet']} | {r['title'][:80]!r} | {r['text']!r}"
                for r in case["reports"]
            ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="outlets, times, furniture")
    parser.add_argument("--events", type=int, help="sample this many events (default all)")
    parser.add_argument("--variant", choices=VARIANTS, default="pages")
    parser.add_argument("--max-stories", type=int, help="default: the schema's maximum")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("--show", action="store_true", help="list every story, worst cases")
    parser.add_argument("--keep", type=Path, help="build in this new directory and keep it")
    args = parser.parse_args(argv)
    data = REAL_DATA if args.variant == "realfeeds" else DATA
    if not data.exists():
        print(f"skipped: {data} is not present (../shared is provided beside the repo)")
        return 0
    options = WeekOptions(
        seed=args.seed,
        events=args.events,
        variant=args.variant,
        max_stories=args.max_stories,
        keep=args.keep,
    )
    result = run_week(options)
    if args.json:
        report = {"week": result.week, "run": result.run, **result.score.as_dict()}
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print("\n".join(summary_lines(result)))
        if args.show:
            print("\n".join(show_lines(result)))
        if result.work_dir is not None:
            print(f"kept: {result.work_dir} (out/ has the issue, gold.json the events)")
    return 0 if result.run["exit_code"] in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
