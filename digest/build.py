"""The one orchestrator: a flat sequence of stage calls that makes one issue.

``digest run``, ``digest build``, the scheduler and the preview all call into here.
The whole issue is computed in memory and written to a temporary directory that is
renamed into place, so a failed build never leaves half an issue. The editors' plan
is read once and acts twice: on selection (before ranking and the cap) and on the text
(after writing).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from digest.accounting import NOTHING_ACCOUNTED, Accounting, account_articles
from digest.archive import write_issue
from digest.config import Config
from digest.continuity import gather_candidates, gather_examples
from digest.editorial import apply_text, load_plan
from digest.ingest import (
    NO_FETCH,
    FetchReport,
    Progress,
    fetch_all,
    intake_problems,
    pages_in_flight,
)
from digest.models import (
    Issue,
    LeftOut,
    LeftOutReason,
    RenderedIssue,
    Story,
    StoryId,
    StorySummary,
    TakeOrigin,
)
from digest.render import render_issue_isolated
from digest.select import select_stories
from digest.store import Store, open_store
from digest.store.locks import build_lock
from digest.watch import find_events
from digest.writeup import write_briefs, write_stories

__all__ = ["BuildOptions", "IssueResult", "build_issue", "run_issue"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IssueResult:
    """A built issue and how it came about.

    ``issue.problems`` is the one list of problems, from the poll to the size check.
    ``stories`` are the selected stories as grouped, before writing (their articles and
    why each is in); ``briefs`` those of "Also in the news"; ``left_out`` every other
    story considered, with its reason (articles set aside by screening among them);
    ``articles`` where each article of the window went.
    """

    issue: Issue
    rendered: RenderedIssue
    path: Path
    fetch: FetchReport = NO_FETCH
    left_out: tuple[LeftOut, ...] = ()
    stories: tuple[Story, ...] = ()
    seconds: float = 0.0
    skipped: bool = False
    briefs: tuple[Story, ...] = ()
    articles: Accounting = NOTHING_ACCOUNTED

    def left_out_counts(self) -> dict[str, int]:
        """Stories left out, by reason (articles set aside are not stories: not here)."""
        counts = Counter(
            str(item.reason) for item in self.left_out if item.reason is not LeftOutReason.SET_ASIDE
        )
        return dict(sorted(counts.items()))

    def set_aside(self) -> int:
        return sum(1 for item in self.left_out if item.reason is LeftOutReason.SET_ASIDE)

    @property
    def stories_without_take(self) -> tuple[StorySummary, ...]:
        """Stories that go out without "Our take" unless the editors write one."""
        return tuple(s for s in self.issue.stories if s.take_origin is TakeOrigin.MISSING)

    def summary(self) -> dict[str, object]:
        return {
            "issue_date": self.issue.issue_date.isoformat(),
            "feeds_polled": self.fetch.feeds_polled,
            "feeds_failed": self.fetch.feeds_failed,
            "articles_new": self.fetch.articles_new,
            "stories": len(self.issue.stories),
            "also_in_the_news": len(self.issue.also_in_the_news),
            "left_out": self.left_out_counts(),
            "set_aside": self.set_aside(),
            "articles": self.articles.as_dict(),
            "stories_without_take": len(self.stories_without_take),
            "html_bytes": len(self.rendered.html.encode("utf-8")),
            "warnings": len(self.issue.problems),
            "seconds": round(self.seconds, 2),
            "path": str(self.path),
        }


@dataclass(frozen=True, slots=True)
class BuildOptions:
    out_dir: Path
    now: datetime
    fetch: bool = True
    # The final build that counts as sent (digest run, the scheduler): later issues
    # do not repeat its stories. Drafts (digest build, the preview) are not final.
    is_final: bool = False
    force: bool = False
    lock_wait_seconds: float = 0.0
    progress: Progress | None = field(default=None, compare=False)


def run_issue(config: Config, options: BuildOptions) -> IssueResult:
    """Fetch (unless told not to), then build the issue of ``options.now``.

    Holds the store's build lock for the issue; raises LockedError if another process
    builds the same issue and does not finish within ``lock_wait_seconds``.
    """
    issue_date = config.news_window(options.now).issue_date
    lock = f"issue:{issue_date.isoformat()}"
    with (
        open_store(config.database_url) as store,
        build_lock(store.engine, lock, wait_seconds=options.lock_wait_seconds),
    ):
        return _run_locked(config, store, options)


def _run_locked(config: Config, store: Store, options: BuildOptions) -> IssueResult:
    started = time.monotonic()
    window = config.news_window(options.now)
    run_id = store.start_run("run" if options.fetch else "build", now=options.now)
    ok = False
    try:
        if (
            options.is_final
            and not options.force
            and store.issue_is_final(window.issue_date.isoformat())
        ):
            result = _already_built(config, options)
        else:
            # A build waits for pages a concurrent poll is fetching, or says it could not.
            if options.fetch:
                report = fetch_all(
                    config, store, now=options.now, progress=options.progress, wait_for_others=True
                )
            else:
                report = pages_in_flight(config, store, now=options.now)
            result = build_issue(config, store, options=options, fetch_report=report)
        result = dataclasses.replace(result, seconds=time.monotonic() - started)
        ok = True
        return result
    finally:
        summary = result.summary() if ok else {"issue_date": window.issue_date.isoformat()}
        store.finish_run(run_id, now=options.now, ok=ok, summary=summary)


def _already_built(config: Config, options: BuildOptions) -> IssueResult:
    window = config.news_window(options.now)
    path = options.out_dir / window.issue_date.isoformat()
    empty = Issue(config.newsletter.name, window.issue_date, window.start, window.end, ())
    rendered = RenderedIssue("", "", "", "", b"")
    return IssueResult(empty, rendered, path, skipped=True)


def build_issue(
    config: Config,
    store: Store,
    *,
    options: BuildOptions,
    fetch_report: FetchReport = NO_FETCH,
) -> IssueResult:
    """Select, write, render and record the issue of ``options.now`` from the store."""
    window = config.news_window(options.now)
    plan = load_plan(config.editorial_path)
    pinned = {StoryId(story_id) for story_id, edit in plan.stories.items() if edit.pin}
    candidates = gather_candidates(store, window, keep=pinned)
    selection = select_stories(
        candidates.stories,
        plan,
        config.topics,
        max_stories=config.newsletter.max_stories,
        also_in_the_news=config.newsletter.also_in_the_news,
        examples=gather_examples(store, window),
    )
    written = write_stories(
        config,
        selection,
        previous_sentences=candidates.previous_sentences,
        issue_date=window.issue_date,
    )
    issue = Issue(
        newsletter=config.newsletter.name,
        issue_date=window.issue_date,
        window_start=window.start,
        window_end=window.end,
        topics=apply_text(written.sections, plan),
        problems=(
            *intake_problems(config, store, window),
            *fetch_report.problems,
            *candidates.problems,
            *selection.problems,
            *written.problems,
        ),
        generated_at=options.now,
        also_in_the_news=write_briefs(selection.briefs),
        watch=find_events(selection.stories, window.issue_date),
        number=store.issue_number(window.issue_date.isoformat()),
    )
    # A story that cannot be rendered is left out with a warning, never the issue.
    issue, rendered, unrendered = render_issue_isolated(
        issue, config.newsletter, templates_dir=config.templates_dir
    )
    path = write_issue(options.out_dir, issue, rendered, templates_dir=config.templates_dir)
    by_id = {s.id: s for s in selection.stories}
    unrendered = tuple(
        dataclasses.replace(item, article_ids=tuple(a.id for a in by_id[item.story_id].articles))
        if item.story_id in by_id
        else item
        for item in unrendered
    )
    left_out = (*candidates.left_out, *selection.left_out, *written.left_out, *unrendered)
    store.record_issue(
        issue,
        path=str(path),
        now=options.now,
        chosen=selection.stories,
        left_out=left_out,
        is_final=options.is_final,
        html_bytes=len(rendered.html.encode("utf-8")),
        briefs=selection.briefs,
        filed=selection.filed,
    )
    return IssueResult(
        issue=issue,
        rendered=rendered,
        path=path,
        fetch=fetch_report,
        left_out=left_out,
        stories=selection.stories,
        briefs=selection.briefs,
        articles=account_articles(issue, candidates, selection, left_out),
    )
