"""The one orchestrator: poll, extract, cluster, summarize, render and write one issue.

``digest run``, ``digest build``, the scheduler and the preview all call into here.
The whole issue is computed in memory and written to a temporary directory that is
renamed into place, so a failed build never leaves half an issue.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.cluster import cluster_stories
from digest.config import Config
from digest.deliver import write_issue
from digest.editorial import (
    Editorial,
    Restructured,
    apply_editorial,
    apply_structure,
    load_editorial,
)
from digest.ingest import NO_FETCH, FetchReport, Progress, fetch_all
from digest.llm import enhance_summary, model_from_config, prompts_dir_from_config
from digest.models import (
    Article,
    FetchOutcome,
    Issue,
    Problem,
    RenderedIssue,
    Story,
    StoryId,
    StoryStatus,
    StorySummary,
    TakeOrigin,
    TopicSection,
    TopicStories,
)
from digest.render import render_issue
from digest.store import SentStory, Store, StoryRecord, open_store
from digest.store.locks import build_lock
from digest.summarize import summarize_story
from digest.topics import group_topics

__all__ = [
    "BuildOptions",
    "IssueResult",
    "build_issue",
    "issue_window",
    "run_issue",
]

logger = logging.getLogger(__name__)

# Previous issues looked at for continuity: a story sent within this many weeks does
# not come back unless it gained new articles.
_CONTINUITY_WEEKS = 6


@dataclass(frozen=True, slots=True)
class IssueResult:
    issue: Issue
    rendered: RenderedIssue
    path: Path
    fetch: FetchReport = NO_FETCH
    problems: tuple[Problem, ...] = ()
    left_out: tuple[tuple[StoryId, str], ...] = ()
    # The stories as grouped, before writing: their articles and why each is in.
    stories: tuple[Story, ...] = ()
    seconds: float = 0.0
    skipped: bool = False

    def summary(self) -> dict[str, object]:
        return {
            "issue_date": self.issue.issue_date.isoformat(),
            "feeds_polled": self.fetch.feeds_polled,
            "feeds_failed": self.fetch.feeds_failed,
            "articles_new": self.fetch.articles_new,
            "stories": len(self.issue.stories),
            "html_bytes": len(self.rendered.html.encode("utf-8")),
            "warnings": len(self.issue.warnings),
            "seconds": round(self.seconds, 2),
            "path": str(self.path),
        }


@dataclass(frozen=True, slots=True)
class BuildOptions:
    out_dir: Path
    now: datetime
    fetch: bool = True
    is_scheduled: bool = False
    force: bool = False
    lock_wait_seconds: float = 0.0
    progress: Progress | None = field(default=None, compare=False)


def issue_window(config: Config, now: datetime) -> tuple[date, datetime, datetime]:
    """The issue date (in the newsletter's time zone) and the window it covers."""
    zone = ZoneInfo(config.newsletter.timezone)
    issue_date = now.astimezone(zone).date()
    return issue_date, now - timedelta(days=config.newsletter.window_days), now


def run_issue(config: Config, options: BuildOptions) -> IssueResult:
    """Fetch (unless told not to), then build the issue of ``options.now``.

    Holds the store's build lock for the issue; raises LockedError if another process
    builds the same issue and does not finish within ``lock_wait_seconds``.
    """
    issue_date, _, _ = issue_window(config, options.now)
    lock = f"issue:{issue_date.isoformat()}"
    with (
        open_store(config.database_url) as store,
        build_lock(store.engine, lock, wait_seconds=options.lock_wait_seconds),
    ):
        return _run_locked(config, store, options)


def _run_locked(config: Config, store: Store, options: BuildOptions) -> IssueResult:
    started = time.monotonic()
    issue_date, _, _ = issue_window(config, options.now)
    run_id = store.start_run("run" if options.fetch else "build", now=options.now)
    ok = False
    try:
        if (
            options.is_scheduled
            and not options.force
            and store.issue_is_scheduled_built(issue_date.isoformat())
        ):
            result = _already_built(config, store, options)
        else:
            report = (
                fetch_all(config, store, now=options.now, progress=options.progress)
                if options.fetch
                else NO_FETCH
            )
            result = build_issue(config, store, options=options, fetch_report=report)
        result = dataclasses.replace(result, seconds=time.monotonic() - started)
        ok = True
        return result
    finally:
        summary = result.summary() if ok else {"issue_date": issue_date.isoformat()}
        store.finish_run(run_id, now=options.now, ok=ok, summary=summary)


def _already_built(config: Config, store: Store, options: BuildOptions) -> IssueResult:
    issue_date, start, end = issue_window(config, options.now)
    path = options.out_dir / issue_date.isoformat()
    empty = Issue(config.newsletter.name, issue_date, start, end, ())
    rendered = RenderedIssue("", "", "", "", b"")
    return IssueResult(empty, rendered, path, skipped=True)


def build_issue(
    config: Config,
    store: Store,
    *,
    options: BuildOptions,
    fetch_report: FetchReport = NO_FETCH,
) -> IssueResult:
    """Cluster, summarize, render and write the issue of ``options.now`` from the store."""
    issue_date, start, end = issue_window(config, options.now)
    problems = list(fetch_report.problems)
    articles = store.articles_between(start, end)
    sent = store.sent_stories(
        before=issue_date.isoformat(),
        since=(issue_date - timedelta(weeks=_CONTINUITY_WEEKS)).isoformat(),
    )
    clustered, left_out = _continue_stories(store, articles, sent)
    editorial = load_editorial(config.editorial_path)
    # Merges and splits come before grouping and writing, so a merged story is placed
    # and summarized from all its articles.
    structure = apply_structure(clustered, editorial)
    stories = list(structure.stories)
    left_out.extend(structure.merged)
    grouped = group_topics(stories, config.topics, max_stories=config.newsletter.max_stories)
    grouped = _keep_editorial_stories(grouped, stories, structure)
    grouped_by_id = {s.id: s for t in grouped for s in t.stories}
    considered = [grouped_by_id.get(s.id, s) for s in stories]
    previous = frozenset(s for story in sent for s in story.sentences)
    sections, written_problems = _write_up(config, grouped, previous, editorial)
    problems.extend(written_problems)
    edited, notes = apply_editorial(
        sections, editorial, merged=[story_id for story_id, _ in structure.merged]
    )
    warnings = _warnings(config, store, start, end) + list(structure.notes) + list(notes)
    for problem in problems:
        # Page failures are already in the store-derived warnings above, which a rebuild
        # repeats; listing the run's own copy too would say it twice.
        message = problem.message if problem.stage == "llm" else str(problem)
        if problem.stage != "extract" and message not in warnings:
            warnings.append(message)
    issue = Issue(
        newsletter=config.newsletter.name,
        issue_date=issue_date,
        window_start=start,
        window_end=end,
        topics=edited,
        warnings=tuple(warnings),
        generated_at=options.now,
    )
    rendered = render_issue(issue, config.newsletter, templates_dir=config.templates_dir)
    if rendered.size_warnings:
        issue = dataclasses.replace(issue, warnings=issue.warnings + rendered.size_warnings)
        rendered = render_issue(issue, config.newsletter, templates_dir=config.templates_dir)
    path = write_issue(options.out_dir, issue, rendered, templates_dir=config.templates_dir)
    store.record_issue(
        issue_date.isoformat(),
        path=str(path),
        now=options.now,
        stories=_story_records(sections, edited, considered, left_out),
        is_scheduled=options.is_scheduled,
        html_bytes=len(rendered.html.encode("utf-8")),
    )
    return IssueResult(
        issue=issue,
        rendered=rendered,
        path=path,
        fetch=fetch_report,
        problems=tuple(problems),
        left_out=tuple(left_out) + _dropped(sections, edited),
        stories=tuple(s for t in grouped for s in t.stories),
    )


def _dropped(
    written: Sequence[TopicSection], edited: Sequence[TopicSection]
) -> tuple[tuple[StoryId, str], ...]:
    included = {s.story_id for t in edited for s in t.stories}
    return tuple(
        (s.story_id, "dropped in the editorial file")
        for t in written
        for s in t.stories
        if s.story_id not in included
    )


def _keep_editorial_stories(
    grouped: Sequence[TopicStories], stories: Sequence[Story], structure: Restructured
) -> tuple[TopicStories, ...]:
    """Grouped stories with their clustering reasons kept, and split stories placed.

    ``group_topics`` gives each story its topic reason; the reason it had before (an
    update, a merge or split by the editors) is kept after it. A story the editors split
    out that grouping left out (one outlet, no standing topic, or over the cap) goes
    under the topic of the story it came from: the editors asked for it.
    """
    before = {s.id: s for s in stories}
    placed = {s.id for t in grouped for s in t.stories}
    extra: dict[StoryId, list[Story]] = {}
    for new_id, origin in structure.split_from:
        story = before.get(new_id)
        if story is not None and new_id not in placed:
            extra.setdefault(origin, []).append(story)
    result = []
    for topic in grouped:
        members: list[Story] = []
        for story in topic.stories:
            earlier = before[story.id].why if story.id in before else ""
            why = f"{story.why}; {earlier}" if earlier and earlier not in story.why else story.why
            members.append(dataclasses.replace(story, why=why or earlier))
            members.extend(extra.pop(story.id, []))
        result.append(dataclasses.replace(topic, stories=tuple(members)))
    return tuple(result)


def _write_up(
    config: Config,
    grouped: Sequence[TopicStories],
    previous: frozenset[str],
    editorial: Editorial,
) -> tuple[list[TopicSection], list[Problem]]:
    """Summarize every story; with an LLM configured, let it improve what it can ground."""
    model = model_from_config(config.llm)
    prompts_dir = prompts_dir_from_config(config.llm, config.base_dir)
    sections: list[TopicSection] = []
    problems: list[Problem] = []
    for topic in grouped:
        summaries = []
        for story in topic.stories:
            try:
                summary = summarize_story(story, previous_sentences=previous)
            except Exception as exc:
                # Per-story isolation: one story that trips the summarizer is left out
                # with a warning; the rest of the issue is still built.
                logger.exception("story %s: summarizing failed", story.id)
                problems.append(Problem("summarize", story.id, f"left out: {exc}"))
                continue
            if model is not None:
                edit = editorial.stories.get(story.id)
                if edit is not None and edit.take:
                    # The editors wrote this take: the model is not asked for one.
                    summary = dataclasses.replace(
                        summary, take=edit.take, take_origin=TakeOrigin.EDITOR
                    )
                summary, notes = enhance_summary(summary, story, model, prompts_dir=prompts_dir)
                problems.extend(Problem("llm", story.id, note) for note in notes)
            summaries.append(summary)
        if summaries:
            sections.append(TopicSection(topic.name, topic.configured, tuple(summaries)))
    return sections, problems


def _warnings(config: Config, store: Store, start: datetime, end: datetime) -> list[str]:
    """Warnings that describe the store's state, so a rebuild repeats them exactly."""
    warnings = []
    enabled = [f.url for f in config.feeds if f.enabled]
    for state in store.feed_states(enabled):
        if state.is_gone:
            warnings.append(
                f'feed "{state.name}" ({state.url}) is gone (HTTP 410); it is no longer polled. '
                "Remove it from feeds.yaml."
            )
        elif state.last_outcome == FetchOutcome.FAILED.value:
            warnings.append(
                f'feed "{state.name}" ({state.current_url}) failed: {state.last_error}. '
                f"{state.consecutive_failures} failure(s) in a row; check the URL."
            )
        elif state.current_url != state.url:
            warnings.append(
                f'feed "{state.name}" moved permanently to {state.current_url}; '
                "update its url in feeds.yaml."
            )
    for url, outlet, error in store.extraction_problems(start, end):
        warnings.append(f"article {url} ({outlet}): {error}; used the feed's text instead.")
    return warnings


def _continue_stories(
    store: Store, articles: Sequence[Article], sent: Sequence[SentStory]
) -> tuple[list[Story], list[tuple[StoryId, str]]]:
    """Cluster the window's articles together with recently sent stories' articles.

    A cluster holding articles already sent keeps that story's id; it is left out when
    it has nothing new, and comes back as an update (with only its new articles) when
    it has.
    """
    sent_by_article = {a: s for s in sent for a in s.article_ids}
    window_ids = {a.id for a in articles}
    earlier = store.articles_by_id(a for a in sent_by_article if a not in window_ids)
    stories = cluster_stories([*articles, *earlier])
    kept: dict[StoryId, Story] = {}
    left_out: list[tuple[StoryId, str]] = []
    for story in stories:
        old = [sent_by_article[a.id] for a in story.articles if a.id in sent_by_article]
        fresh = tuple(
            a for a in story.articles if a.id not in sent_by_article and a.id in window_ids
        )
        if not old:
            if fresh:
                kept[story.id] = story
            continue
        # The latest issue's story wins; among its stories (the editors split one), the
        # one holding most of this cluster's articles, so its id and edits carry on.
        held = Counter(s.story_id for s in old)
        previous = max(old, key=lambda s: (s.issue_date, held[s.story_id], s.story_id))
        if not fresh:
            left_out.append((previous.story_id, f"sent on {previous.issue_date}; nothing new"))
            continue
        if previous.story_id in kept:
            # Two clusters continue the same story: one update with all the new reporting.
            merged = kept[previous.story_id].articles + fresh
            fresh = tuple(sorted(merged, key=lambda a: (a.published, a.url)))
        outlets = sorted({a.outlet for a in fresh})
        kept[previous.story_id] = dataclasses.replace(
            story,
            id=previous.story_id,
            articles=fresh,
            status=StoryStatus.UPDATE,
            why=f"update to the story sent on {previous.issue_date}: new reporting from "
            + ", ".join(outlets),
        )
    left_out = [(i, r) for i, r in left_out if i not in kept]
    return list(kept.values()), left_out


def _story_records(
    written: Sequence[TopicSection],
    edited: Sequence[TopicSection],
    stories: Sequence[Story],
    left_out: Sequence[tuple[StoryId, str]],
) -> list[StoryRecord]:
    """What this issue did with each story it considered, and why (for `digest why`)."""
    by_id = {s.id: s for s in stories}
    records = []
    included = set()
    for topic in edited:
        for summary in topic.stories:
            included.add(summary.story_id)
            story = by_id.get(summary.story_id)
            records.append(
                StoryRecord(
                    summary.story_id,
                    tuple(a.id for a in story.articles) if story else (),
                    summary.headline,
                    tuple(_sentences(summary)),
                    topic.name,
                    True,
                    story.why if story else "",
                )
            )
    for topic in written:
        for summary in topic.stories:
            if summary.story_id not in included:
                records.append(
                    StoryRecord(
                        summary.story_id,
                        (),
                        summary.headline,
                        (),
                        topic.name,
                        False,
                        "dropped in the editorial file",
                    )
                )
    grouped = {s.story_id for t in written for s in t.stories}
    for story in stories:
        if story.id not in grouped:
            records.append(
                StoryRecord(
                    story.id,
                    (),
                    story.articles[0].title,
                    (),
                    "",
                    False,
                    "no standing topic matched and fewer than two outlets covered it, "
                    "or the issue was full",
                )
            )
    for story_id, reason in left_out:
        records.append(StoryRecord(story_id, (), "", (), "", False, reason))
    unique: dict[StoryId, StoryRecord] = {}
    for record in records:
        unique.setdefault(record.story_id, record)
    return list(unique.values())


def _sentences(summary: StorySummary) -> list[str]:
    texts = [s.text for s in summary.briefly] + [s.text for s in summary.also_worth_noting]
    texts += [p.says for p in summary.perspectives]
    return texts
