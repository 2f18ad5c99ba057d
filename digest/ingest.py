"""Ingest: poll the feeds and extract the new articles' text into the store.

The first half of a run, shared by ``digest fetch``, ``digest run`` and the scheduler's
poll job. Each feed's entries commit with its new state and each article's text on its
own, so a killed ingest resumes where it stopped.

The intake path reads in this order: ``net`` (the HTTP client and its guards) ->
``fetch`` (feeds and pages over HTTP) -> ``feeds`` (feed bytes to entries) -> this
module (what to poll, extraction, saving) -> ``store.feeds`` / ``store.articles``.

Problems with feeds and pages that the store remembers (a failing, gone or moved feed;
a page whose text could not be used) have one producer, :func:`intake_problems`, which
reads them from the store, so a rebuild reports them exactly as the run that met them.
A poll's :class:`FetchReport` carries only what is not stored (a feed parsed with
warnings).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from digest.config import Config
from digest.extract import extract_article
from digest.fetch import FeedRequest, PageRequest, PageResult, fetch_pages, poll_feeds
from digest.models import (
    Article,
    FetchOutcome,
    FetchResult,
    NewsWindow,
    Problem,
    Stage,
    TextOrigin,
)
from digest.store import Store

logger = logging.getLogger(__name__)

__all__ = ["NO_FETCH", "FetchReport", "Progress", "fetch_all", "intake_problems"]

Progress = Callable[[str, int, int], None]
"""progress(step, done, total): called as work advances; the CLI draws a bar."""

# Pages claimed per batch; a killed run loses at most one batch's claims, which are
# freed at once when their process is gone (or after this long on another host).
_PAGE_BATCH = 64
_STALE_CLAIM = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class FetchReport:
    feeds_polled: int = 0
    feeds_failed: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    pages_fetched: int = 0
    problems: tuple[Problem, ...] = ()


NO_FETCH = FetchReport()  # a build from the store alone: nothing was polled


def _wall_clock() -> datetime:
    return datetime.now(UTC)


def fetch_all(
    config: Config,
    store: Store,
    *,
    now: datetime,
    progress: Progress | None = None,
    clock: Callable[[], datetime] = _wall_clock,
) -> FetchReport:
    """Poll every due feed, then fetch and extract every new article page of the window."""
    report = _poll(config, store, now=now, progress=progress)
    start = config.news_window(now).start
    pages = _extract_pending(config, store, since=start, now=now, progress=progress, clock=clock)
    return dataclasses.replace(report, pages_fetched=pages)


def _poll(config: Config, store: Store, *, now: datetime, progress: Progress | None) -> FetchReport:
    enabled = [f for f in config.feeds if f.enabled]
    store.sync_feeds((f.url, f.name) for f in enabled)
    states = store.feed_states([f.url for f in enabled])
    due = [s for s in states if not s.is_gone and (s.next_poll_at is None or s.next_poll_at <= now)]
    requests = [FeedRequest(s.current_url, s.name, s.etag, s.last_modified) for s in due]
    done = 0

    def tick(_result: FetchResult) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("Polling feeds", done, len(requests))

    results = poll_feeds(requests, config.fetch, progress=tick) if requests else []
    problems: list[Problem] = []
    new = updated = failed = 0
    for state, result in zip(due, results, strict=True):
        counts = store.record_poll(state.url, result, now=now)
        new += counts.new
        updated += counts.updated
        if result.outcome is FetchOutcome.FAILED:
            failed += 1
        for warning in result.warnings:
            problems.append(Problem(Stage.FETCH, state.name, f'feed "{state.name}": {warning}'))
    return FetchReport(
        feeds_polled=len(results),
        feeds_failed=failed,
        articles_new=new,
        articles_updated=updated,
        problems=tuple(problems),
    )


def _extract_pending(
    config: Config,
    store: Store,
    *,
    since: datetime,
    now: datetime,
    progress: Progress | None,
    clock: Callable[[], datetime],
) -> int:
    fetched = 0
    total = len(store.pending_pages(since=since))
    while True:
        batch = store.claim_pages(
            since=since, clock_now=clock(), limit=_PAGE_BATCH, stale=_STALE_CLAIM
        )
        if not batch:
            break
        requests = [PageRequest(p.url, p.etag, p.last_modified) for p in batch]
        results = fetch_pages(requests, config.fetch)
        by_id = {a.id: a for a in store.articles_by_id(p.article_id for p in batch)}
        for page, result in zip(batch, results, strict=True):
            article = by_id.get(page.article_id)
            if article is None:
                continue
            _save_page(store, article, result, now=now)
            fetched += 1
            if progress is not None:
                progress("Extracting articles", fetched, total)
    return fetched


def _save_page(store: Store, article: Article, result: PageResult, *, now: datetime) -> None:
    """Extract one page and store its text, falling back to the feed's own text.

    A fallback is stored with its reason; :func:`intake_problems` reports it.
    """
    if result.not_modified:
        store.keep_extraction(article.id, now=now)
        return
    extracted, failure = None, ""
    if result.ok:
        try:
            extracted = extract_article(
                result.content, result.final_url or article.url, encoding=result.encoding
            )
        except Exception as exc:
            # Per-article isolation: a page that trips a bug in the extractor would
            # otherwise fail every rerun at the same place. Logged with its traceback;
            # the feed's text stands in for it.
            logger.exception("%s: extraction failed", article.url)
            failure = f"extraction failed ({type(exc).__name__}: {exc})"
    if extracted is not None:
        store.save_extraction(
            article.id,
            text=extracted.text,
            origin=TextOrigin.PAGE,
            now=now,
            language=extracted.language,
            etag=result.etag,
            last_modified=result.last_modified,
            final_url=result.final_url,
        )
        return
    reason = result.error or failure or "no article text found on the page"
    origin = TextOrigin.FEED_CONTENT if article.summary != article.text else TextOrigin.FEED_SUMMARY
    store.save_extraction(
        article.id,
        text=article.text,
        origin=origin,
        now=now,
        error=reason,
        final_url=result.final_url,
    )
    logger.info("%s: %s; used the feed's text instead", article.url, reason)


def intake_problems(config: Config, store: Store, window: NewsWindow) -> tuple[Problem, ...]:
    """What the store knows went wrong with the enabled feeds and the window's pages."""
    problems = []
    enabled = [f.url for f in config.feeds if f.enabled]
    for state in store.feed_states(enabled):
        if state.is_gone:
            message = (
                f'feed "{state.name}" ({state.url}) is gone (HTTP 410); it is no longer polled. '
                "Remove it from feeds.yaml."
            )
        elif state.last_outcome == FetchOutcome.FAILED.value:
            message = (
                f'feed "{state.name}" ({state.current_url}) failed: {state.last_error}. '
                f"{state.consecutive_failures} failure(s) in a row; check the URL."
            )
        elif state.current_url != state.url:
            message = (
                f'feed "{state.name}" moved permanently to {state.current_url}; '
                "update its url in feeds.yaml."
            )
        else:
            continue
        problems.append(Problem(Stage.FETCH, state.name, message))
    for url, outlet, error in store.extraction_problems(window.start, window.end):
        message = f"article {url} ({outlet}): {error}; used the feed's text instead."
        problems.append(Problem(Stage.EXTRACT, url, message))
    return tuple(problems)
