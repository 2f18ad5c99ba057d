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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from digest.accounting import account_articles
from digest.archive import keep_sent_copy, refuse_over_sent, sent_at, write_issue
from digest.config import Config
from digest.continuity import gather_candidates, gather_examples
from digest.editorial import apply_text, as_last_printed, check_moves, load_plan
from digest.ingest import (
    NO_FETCH,
    FetchReport,
    Progress,
    fetch_all,
    gone_pages,
    intake_problems,
    moved_pages,
    pages_in_flight,
)
from digest.models import Issue, LeftOut, NewsWindow, Problem, RenderedIssue, Stage, Story, StoryId
from digest.outcome import BuildOutcome, IssueResult
from digest.render import render_issue_isolated
from digest.select import select_stories
from digest.store import FinalBuild, Store, open_store
from digest.store.locks import build_lock
from digest.watch import find_events, printed_sentences
from digest.writeup import window_cases, window_names, write_briefs, write_stories

__all__ = ["BuildOptions", "BuildOutcome", "IssueResult", "build_issue", "run_issue"]

logger = logging.getLogger(__name__)


def _wall_clock() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    out_dir: Path
    now: datetime
    fetch: bool = True
    # The final build that counts as sent (digest run, the scheduler): later issues
    # do not repeat its stories. Drafts (digest build, the preview) are not final.
    is_final: bool = False
    # A final build: build again although the issue was built. A draft: build although
    # the issue was sent (its files are kept beside the draft's).
    force: bool = False
    lock_wait_seconds: float = 0.0
    progress: Progress | None = field(default=None, compare=False)
    # The command, as `digest status` shows it; "" records no run (the preview's
    # rebuilds, which would crowd out the runs an operator looks for).
    command: str = "run"
    # The wall clock, for the run's record (``now`` is the issue's clock).
    clock: Callable[[], datetime] = field(default=_wall_clock, compare=False)


def run_issue(config: Config, options: BuildOptions) -> IssueResult:
    """Fetch (unless told not to), then build the issue of ``options.now``.

    Holds the store's build lock for the issue; raises LockedError if another process
    builds the same issue and does not finish within ``lock_wait_seconds``, and
    IssueSentError if a draft (not forced) would replace the files of a sent issue.
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
    with store.recorded_run(options.command, clock=options.clock) as record:
        record.summary["issue_date"] = window.issue_date.isoformat()
        final = store.final_build(window.issue_date.isoformat())
        if final is not None and not options.force and options.is_final:
            result = _already_built(config, options, final)
        else:
            target = options.out_dir / window.issue_date.isoformat()
            sent = sent_at(final, target)
            if sent is not None and not options.force and not options.is_final:
                # A draft must not silently replace the files of what was sent. A final
                # run the store has no record of (killed before it recorded, or the
                # folder restored without the store) goes on: the files are kept aside.
                refuse_over_sent(target, sent_at=sent)
            # A build waits for pages a concurrent poll is fetching, or says it could not.
            if options.fetch:
                report = fetch_all(
                    config, store, now=options.now, progress=options.progress, wait_for_others=True
                )
            else:
                report = pages_in_flight(config, store, now=options.now)
            result = build_issue(config, store, options=options, fetch_report=report)
        result = dataclasses.replace(result, seconds=time.monotonic() - started)
        record.ok = result.is_written or result.skipped
        record.summary = result.summary()
        return result


def _already_built(config: Config, options: BuildOptions, final: FinalBuild) -> IssueResult:
    window = config.news_window(options.now)
    path = options.out_dir / window.issue_date.isoformat()
    empty = Issue(config.newsletter.name, window.issue_date, window.start, window.end, ())
    rendered = RenderedIssue("", "", "", "", b"")
    # Cleaned up or on a lost volume: saying "nothing to do" would leave cron green with
    # no issue to send. A project moved, or a store shared by machines that mount the
    # folder elsewhere, has it where this run writes.
    gone = not any((folder / "digest.json").is_file() for folder in (Path(final.path), path))
    outcome = BuildOutcome.FILES_GONE if gone else BuildOutcome.ALREADY_BUILT
    return IssueResult(empty, rendered, path, outcome=outcome, final=final)


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
    # A story the editors asked for comes back even when screening set it aside.
    asked = {StoryId(story_id) for story_id, edit in plan.stories.items() if edit.pin or edit.keep}
    candidates = gather_candidates(store, window, keep=asked)
    selection = select_stories(
        candidates.stories,
        plan,
        config.topics,
        max_stories=config.newsletter.max_stories,
        also_in_the_news=config.newsletter.also_in_the_news,
        examples=gather_examples(store, window),
        soft_news_last=config.newsletter.soft_news_last,
        gone=gone_pages(store, window.start, window.end),
        moved=moved_pages(store, window.start, window.end),
        told=candidates.told,
    )
    check_moves(plan, selection.topics, {t.name for t in config.topics})
    problems = (
        *intake_problems(config, store, window),
        *fetch_report.problems,
        *candidates.problems,
        *selection.problems,
    )
    if not selection.stories:
        # Nothing to send: nothing is written or recorded, so the archive, feed.xml
        # and the record of sent issues never hold an empty issue, and the next run
        # (once the feeds are fixed) builds it.
        left_out = (*candidates.left_out, *selection.left_out)
        return _empty(config, store, options, fetch_report, problems, left_out, selection.briefs)
    # How the week's articles write each word mid-sentence: Title Case titles (NYT,
    # TIME) go into sentence case on that evidence, not only their own teaser's.
    cases = window_cases(candidates.stories)
    # Names the whole window uses alone ("Trump said") need no introduction, in the
    # stories and in the Also in the news lines alike.
    names = window_names(candidates.stories)
    written = write_stories(
        config,
        selection,
        previous_sentences=candidates.previous_sentences,
        issue_date=window.issue_date,
        known_names=names,
        cases=cases,
    )
    topics = apply_text(written.sections, plan, candidates.printed_before)
    also = write_briefs(selection.briefs, cases, names, selection.moved)
    issue = Issue(
        newsletter=config.newsletter.name,
        issue_date=window.issue_date,
        window_start=window.start,
        window_end=window.end,
        topics=topics,
        problems=(*problems, *written.problems),
        generated_at=options.now,
        also_in_the_news=also,
        watch=find_events(
            selection.stories,
            window.issue_date,
            printed_sentences(topics, also),
            also=selection.briefs,
        ),
        number=store.issue_number(window.issue_date.isoformat()),
        is_draft=not options.is_final,
    )
    # A story that cannot be rendered is left out with a warning, never the issue.
    issue, rendered, unrendered = render_issue_isolated(
        issue, config.newsletter, templates_dir=config.templates_dir
    )
    by_id = {s.id: s for s in selection.stories}
    unrendered = tuple(
        dataclasses.replace(item, article_ids=tuple(a.id for a in by_id[item.story_id].articles))
        if item.story_id in by_id
        else item
        for item in unrendered
    )
    left_out = as_last_printed(
        (*candidates.left_out, *selection.left_out, *written.left_out, *unrendered),
        store.printed_headlines(window.issue_date.isoformat()),
    )
    if not issue.stories:  # every story failed to render
        return _empty(config, store, options, fetch_report, issue.problems, left_out)
    final = store.final_build(window.issue_date.isoformat())
    target = options.out_dir / window.issue_date.isoformat()
    # Reached over a sent issue's files only when forced: they are kept, not replaced.
    sent_copy = keep_sent_copy(target) if sent_at(final, target) is not None else None
    if sent_copy is not None and final is not None and not options.is_final:
        store.move_issue_files(window.issue_date.isoformat(), str(sent_copy.resolve()))
    path = write_issue(options.out_dir, issue, rendered, templates_dir=config.templates_dir)
    store.record_issue(
        issue,
        path=str(path.resolve()),
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
        final=final,
        sent_copy=sent_copy,
        is_final=options.is_final,
    )


def _empty(
    config: Config,
    store: Store,
    options: BuildOptions,
    fetch_report: FetchReport,
    problems: tuple[Problem, ...],
    left_out: tuple[LeftOut, ...],
    briefs: tuple[Story, ...] = (),
) -> IssueResult:
    """The result of a build with no story to print: problems, the stories left out and
    the one-outlet items that alone make no issue."""
    window = config.news_window(options.now)
    newest = store.newest_published()
    if newest is not None and newest < window.start and not (left_out or briefs):
        # The feeds have gone quiet, or the run's clock is not the week wanted: say which.
        problems = (*problems, _before_window(newest, window))
    issue = Issue(
        newsletter=config.newsletter.name,
        issue_date=window.issue_date,
        window_start=window.start,
        window_end=window.end,
        topics=(),
        problems=problems,
        generated_at=options.now,
    )
    outcome = BuildOutcome.EMPTY if newest is not None else BuildOutcome.NOTHING_FETCHED
    return IssueResult(
        issue=issue,
        rendered=RenderedIssue("", "", "", "", b""),
        path=options.out_dir / window.issue_date.isoformat(),
        fetch=fetch_report,
        left_out=left_out,
        briefs=briefs,
        outcome=outcome,
    )


def _before_window(newest: datetime, window: NewsWindow) -> Problem:
    return Problem(
        Stage.FETCH,
        "window",
        f"no article in this issue's window (from {window.start:%Y-%m-%d %H:%M} UTC): the "
        f"newest in the store was published {newest:%Y-%m-%d %H:%M} UTC. Check that the "
        "feeds still publish (digest feeds status); to build an earlier week, give --now "
        "with its date; to reach further back, raise newsletter.window_days.",
    )
