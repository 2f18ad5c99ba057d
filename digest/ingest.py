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
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from digest.config import Config
from digest.extract import extract_article
from digest.fetch import FeedRequest, PageRequest, PageResult, fetch_pages, poll_feeds
from digest.models import (
    Article,
    ExtractedText,
    FetchOutcome,
    FetchResult,
    NewsWindow,
    Problem,
    Stage,
    TextOrigin,
)
from digest.store import PendingPage, Store, new_claimer
from digest.text import (
    in_another_language,
    is_live_page,
    is_slug,
    reads_as_english,
    remove_unsafe_characters,
)

logger = logging.getLogger(__name__)

__all__ = [
    "NO_FETCH",
    "FetchReport",
    "Progress",
    "fetch_all",
    "gone_pages",
    "intake_problems",
    "moved_pages",
    "pages_in_flight",
    "run_fetch",
]

Progress = Callable[[str, int, int], None]
"""progress(step, done, total): called as work advances; the CLI draws a bar."""

# Pages claimed per batch; a killed run loses at most one batch's claims, which are
# freed at once when their process is gone (or after this long on another host).
_PAGE_BATCH = 64
_STALE_CLAIM = timedelta(minutes=30)
# How often a build waiting for another process's pages looks again.
_CLAIM_POLL_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class FetchReport:
    feeds_polled: int = 0
    feeds_failed: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    pages_fetched: int = 0  # pages tried this run, read or not
    pages_read: int = 0  # of them, those whose own text the store now holds
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
    sleep: Callable[[float], None] = time.sleep,
    wait_for_others: bool = False,
) -> FetchReport:
    """Poll every due feed, then fetch and extract every new article page of the window.

    Page fetching stops after ``fetch.budget_seconds`` (on ``clock``): pages not fetched
    by then keep the feed's text for now, are reported, and are tried again next run.
    With ``wait_for_others`` (a build), pages another process has claimed are waited
    for, within the same budget, and taken over if that process dies; any still out
    of reach are reported, so an issue is never quietly written from feed summaries.
    """
    report = _poll(config, store, now=now, progress=progress)
    start = config.news_window(now).start
    (pages, read), page_problems = _extract_pending(
        config,
        store,
        _Budget(clock, config.fetch.budget_seconds, sleep),
        since=start,
        now=now,
        progress=progress,
        wait_for_others=wait_for_others,
    )
    return dataclasses.replace(
        report, pages_fetched=pages, pages_read=read, problems=report.problems + page_problems
    )


def run_fetch(
    config: Config,
    store: Store,
    *,
    now: datetime,
    command: str = "fetch",
    progress: Progress | None = None,
) -> tuple[FetchReport, tuple[Problem, ...]]:
    """:func:`fetch_all`, recorded as a run of ``command`` for ``digest status``.

    Returns the report and every problem the window's feeds and pages have now (the
    store's, as :func:`intake_problems` reads them, and the poll's own).
    """
    with store.recorded_run(command) as record:
        report = fetch_all(config, store, now=now, progress=progress)
        problems = (*intake_problems(config, store, config.news_window(now)), *report.problems)
        record.ok = True
        record.summary = {
            "issue_date": "",
            "warnings": len(problems),
            "result": (
                f"{report.feeds_polled} feeds polled ({report.feeds_failed} failed), "
                f"{report.articles_new} new articles, {report.pages_read} of "
                f"{report.pages_fetched} pages read"
            ),
        }
        return report, problems


def _same_host(url: str, configured: str) -> bool:
    """Whether a feed's URL is on the host its feeds.yaml entry names (moved or not)."""
    return urlsplit(url).hostname == urlsplit(configured).hostname


def _poll(config: Config, store: Store, *, now: datetime, progress: Progress | None) -> FetchReport:
    enabled = [f for f in config.feeds if f.enabled]
    store.sync_feeds((f.url, f.name) for f in enabled)
    states = store.feed_states([f.url for f in enabled])
    due = [s for s in states if not s.is_gone and (s.next_poll_at is None or s.next_poll_at <= now)]
    requests = [
        FeedRequest(
            s.current_url,
            s.name,
            s.etag,
            s.last_modified,
            trusted=_same_host(s.current_url, s.url),
        )
        for s in due
    ]
    done = 0

    def tick(_result: FetchResult) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("Polling feeds", done, len(requests))

    # An undated item is dated when it was polled, which is never after the run's own
    # time: a run for a past week (``--now``) keeps its undated items in that week.
    polled = min(now, _wall_clock())
    results = poll_feeds(requests, config.fetch, progress=tick, now=polled) if requests else []
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


def pages_in_flight(
    config: Config, store: Store, *, now: datetime, clock: Callable[[], datetime] = _wall_clock
) -> FetchReport:
    """A build from the store alone: which window pages another process is fetching now.

    Those articles go into the issue with the feed's text; the report says so.
    """
    start = config.news_window(now).start
    others = store.pages_claimed_by_others(
        since=start, clock_now=clock(), stale=_STALE_CLAIM, claimer=new_claimer()
    )
    problems = tuple(
        Problem(
            Stage.FETCH,
            page.url,
            f"article {page.url} ({page.outlet}): another process ({page.claimed_by}) is "
            "fetching its page right now; this build used the feed's text instead. Build "
            "again once it has finished.",
        )
        for page in others
    )
    return dataclasses.replace(NO_FETCH, problems=problems)


class _Budget:
    """The page-fetching stage's time limit, on the wall ``clock``."""

    def __init__(
        self, clock: Callable[[], datetime], seconds: float, sleep: Callable[[float], None]
    ):
        self.clock = clock
        self.seconds = seconds
        self.sleep = sleep
        self._ends = clock() + timedelta(seconds=seconds)

    def remaining(self) -> float:
        return max(0.0, (self._ends - self.clock()).total_seconds())


def _extract_pending(
    config: Config,
    store: Store,
    budget: _Budget,
    *,
    since: datetime,
    now: datetime,
    progress: Progress | None,
    wait_for_others: bool,
) -> tuple[tuple[int, int], tuple[Problem, ...]]:
    """Fetch the window's pending pages: ((pages tried, pages read), problems)."""
    fetched = downloaded = read = 0
    problems: list[Problem] = []
    total = len(store.pending_pages(since=since))
    claimer = new_claimer()
    waiting_logged = False
    while (remaining := budget.remaining()) > 0:
        batch = store.claim_pages(
            since=since,
            clock_now=budget.clock(),
            limit=_PAGE_BATCH,
            stale=_STALE_CLAIM,
            claimer=claimer,
        )
        if not batch:
            others = wait_for_others and store.pages_claimed_by_others(
                since=since, clock_now=budget.clock(), stale=_STALE_CLAIM, claimer=claimer
            )
            if not others:
                break
            if not waiting_logged:
                logger.info("waiting for %d pages another process is fetching", len(others))
                waiting_logged = True
            # Its claims end when it saves each page, or at once if it dies: then they
            # are ours to take on the next claim.
            budget.sleep(min(_CLAIM_POLL_SECONDS, remaining))
            continue
        counter = _PageCounter(progress, total, fetched=fetched, downloaded=downloaded, read=read)
        _fetch_batch(config, store, batch, counter, claimer=claimer, now=now, seconds=remaining)
        fetched, downloaded, read = counter.fetched, counter.downloaded, counter.read
    problems.extend(_unfetched(store, since, claimer, budget, wait_for_others))
    retried = store.release_failed(claimer=claimer)
    if retried:
        logger.info("%d pages failed for a reason that may pass; the next run tries again", retried)
    return (fetched, read), tuple(problems)


@dataclass
class _PageCounter:
    """Pages downloaded and pages saved so far, each shown as its own progress bar."""

    progress: Progress | None
    total: int
    fetched: int = 0
    downloaded: int = 0
    read: int = 0

    def downloaded_one(self) -> None:
        self.downloaded += 1
        if self.progress is not None:
            self.progress("Fetching pages", self.downloaded, self.total)

    def saved_one(self, read: bool) -> None:
        self.fetched += 1
        self.read += read
        if self.progress is not None:
            self.progress("Extracting text", self.fetched, self.total)


def _fetch_batch(
    config: Config,
    store: Store,
    batch: list[PendingPage],
    counter: _PageCounter,
    *,
    claimer: str,
    now: datetime,
    seconds: float,
) -> None:
    """Download a claimed batch, saving each page as it arrives.

    Saving page by page (not after the batch) means Ctrl-C or a kill keeps every page
    fetched so far, and the next run resumes with the rest.
    """
    started = time.monotonic()
    by_url = {p.url: p for p in batch}
    by_id = {a.id: a for a in store.articles_by_id(p.article_id for p in batch)}
    continued: list[_Continued] = []

    def save(result: PageResult) -> None:
        counter.downloaded_one()
        page = by_url[result.url]
        article = by_id.get(page.article_id)
        if article is None:
            return
        if result.is_out_of_time:
            store.release_claim(page.article_id, claimer=claimer)  # next run's
            return
        extracted = _save_page(store, article, result, now=now)
        counter.saved_one(extracted is not None)
        if extracted is not None and extracted.next_page:
            continued.append(_Continued(article, result, extracted))

    requests = [PageRequest(p.url, p.etag, p.last_modified) for p in batch]
    fetch_pages(requests, config.fetch, budget_seconds=seconds, progress=save)
    _add_next_pages(
        config, store, continued, now=now, seconds=seconds - (time.monotonic() - started)
    )


@dataclass(slots=True)
class _Continued:
    """An article whose page is the first of several, and its text read so far."""

    article: Article
    first: PageResult
    extracted: ExtractedText
    pages: int = 1


# An article's pages read at most: a longer run of "next" links is a section's listing.
_MAX_PAGES = 6


def _add_next_pages(
    config: Config, store: Store, continued: list[_Continued], *, now: datetime, seconds: float
) -> None:
    """Read the next pages of articles split over several ("Page 1 of 2") and store each
    article's text with theirs: the second page often holds the quotes and half the
    news. The first page's text is already stored, so a kill here loses no page read;
    a next page that fails or has no article text ends the article where it is."""
    started = time.monotonic()
    while continued:
        remaining = seconds - (time.monotonic() - started)
        if remaining <= 0:
            return
        requests = [PageRequest(c.extracted.next_page) for c in continued]
        results = fetch_pages(requests, config.fetch, budget_seconds=remaining)
        going = []
        for item, result in zip(continued, results, strict=True):
            more = None
            if result.ok and not result.not_modified:
                try:
                    more = extract_article(
                        result.content,
                        result.final_url or result.url,
                        encoding=result.encoding,
                        min_chars=1,  # a last page may hold one paragraph
                    )
                except Exception:
                    logger.exception("%s: extraction failed", result.url)
            if more is None:
                logger.info(
                    "%s: its next page %s has no article text", item.article.url, result.url
                )
                continue
            seen = set(item.extracted.paragraphs)
            added = [p for p in more.paragraphs if p not in seen]
            item.extracted = dataclasses.replace(
                item.extracted,
                text="\n\n".join((*item.extracted.paragraphs, *added)),
                next_page=more.next_page,
            )
            item.pages += 1
            _store_page(store, item.article, item.first, item.extracted, now=now)
            if item.extracted.next_page and item.pages < _MAX_PAGES:
                going.append(item)
        continued = going


def _unfetched(
    store: Store, since: datetime, claimer: str, budget: _Budget, wait_for_others: bool
) -> list[Problem]:
    """Problems for window pages the stage ends without: out of time, or someone else's."""
    if budget.remaining() > 0 and not wait_for_others:
        return []  # nothing was cut short; pages other pollers hold are theirs to report
    others = {
        p.article_id
        for p in store.pages_claimed_by_others(
            since=since, clock_now=budget.clock(), stale=_STALE_CLAIM, claimer=claimer
        )
    }
    problems = []
    for page in store.pending_pages(since=since):
        if page.article_id in others:
            if not wait_for_others:
                continue
            message = (
                f"another process ({page.claimed_by}) was still fetching its page when this "
                f"run's fetch budget ran out ({budget.seconds:g} s, fetch.budget_seconds)"
            )
        elif page.claimed_by is None and budget.remaining() <= 0:
            message = (
                f"its page was not fetched within the fetch budget ({budget.seconds:g} s, "
                "fetch.budget_seconds); the next run tries again"
            )
        else:
            continue
        problems.append(
            Problem(
                Stage.FETCH,
                page.url,
                f"article {page.url} ({page.outlet}): {message}; used the feed's text instead.",
            )
        )
    return problems


def _save_page(
    store: Store, article: Article, result: PageResult, *, now: datetime
) -> ExtractedText | None:
    """Extract one page and store its text, falling back to the feed's own text; returns
    the page's text when that is what the store holds, else None (a 304 keeps the text
    stored before, whole, and returns it with no next page).

    A fallback is stored with its reason; :func:`intake_problems` reports it.
    """
    if result.not_modified:
        store.keep_extraction(article.id, now=now)
        return ExtractedText(text=article.text)
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
    if extracted is not None and _in_another_language(extracted, article):
        # A German agency's page under an English feed title: its sentences cannot be
        # printed in an English issue; the feed's English text can.
        failure = f"the page is in another language ({extracted.language or 'not English'})"
        extracted = None
    if extracted is not None:
        _store_page(store, article, result, extracted, now=now)
        return extracted
    reason = result.error or failure or "no article text found on the page"
    origin = TextOrigin.FEED_CONTENT if article.summary != article.text else TextOrigin.FEED_SUMMARY
    store.save_extraction(
        article.id,
        text=article.text,
        origin=origin,
        now=now,
        error=reason,
        final_url=result.final_url,
        retry=_may_pass(result) and not failure,
    )
    logger.info("%s: %s; used the feed's text instead", article.url, reason)
    return None


# Below this share of English's commonest words a page is another language's whatever it
# says (0.03 to 0.06 in the replica weeks' German, Danish, French, Portuguese pages).
_PLAINLY_ENGLISH = 0.08


def _in_another_language(extracted: ExtractedText, article: Article) -> bool:
    """Whether the page is not in English while its feed item is: by the feed's text,
    or by its title when the text is too short to say."""
    if reads_as_english(extracted.text) is not False:
        return False
    # A page that says it is English (a list of names, results or key points reads as
    # little English prose) keeps its text, unless it reads as plainly another language.
    if extracted.language.lower().startswith("en") and reads_as_english(
        extracted.text, share=_PLAINLY_ENGLISH
    ):
        return False
    feed = reads_as_english(article.text or article.summary)
    if feed is None:
        feed = bool(re.search(r"\b(?:the|of|and|to|in|on|for|with|after|over)\b", article.title))
    return feed


def _store_page(
    store: Store, article: Article, result: PageResult, extracted: ExtractedText, *, now: datetime
) -> None:
    """Store a page's text as the article's."""
    page_date = extracted.published
    if page_date is not None and page_date > max(now, _wall_clock()):
        # A page cannot have come out after it was read: its zone is wrong (a local
        # time written without one) or its clock is. The poll time is closer.
        page_date = None
    # Not a change still ahead: a wrong zone or clock, as for the first date.
    modified = extracted.modified
    if modified is not None and modified > max(now, _wall_clock()):
        modified = None
    rewritten = _rewritten_since(article, extracted.title, modified)
    # Nor one the page does not tell of: a touch-up's stamp dates no text ("on Friday"
    # stays the Friday before the report), while "UPDATED 14:32 GMT with ...", a stamp
    # or an editor's note the reader sees ("Updated: January 10"), a new headline or a
    # live page's entries do.
    told = (
        rewritten
        or is_live_page(article.title, article.url)
        or extracted.update_shown
        or _UPDATE_TOLD.search(extracted.text)
    )
    store.save_extraction(
        article.id,
        text=remove_unsafe_characters(extracted.text),
        origin=TextOrigin.PAGE,
        now=now,
        language=extracted.language,
        etag=result.etag,
        last_modified=result.last_modified,
        # An AMP copy's own article is where a reader goes.
        final_url=extracted.canonical or result.final_url,
        page_published=page_date,
        page_utc_offset=extracted.utc_offset,
        page_modified=modified if told else None,
        page_kind=extracted.kind,
        # A feed that titles its item with the address's slug ("nato-asia-partners-meet"),
        # or in another language than its English page, gives no headline to print; the
        # page's own is one. So is the headline of a page rewritten since the feed listed
        # it: "EU envoys resume talks ..." became "EU envoys agree guarantees ...".
        title=remove_unsafe_characters(extracted.title)
        if is_slug(article.title)
        or in_another_language(article.title, extracted.title)
        or rewritten
        else "",
    )


# How long after the feed's date a page's change must come to be a rewrite, not the
# minutes of edits after publishing.
_REWRITTEN_AFTER = timedelta(hours=3)


def _rewritten_since(article: Article, headline: str, modified: datetime | None) -> bool:
    """Whether the page says it changed well after the feed dated the item, under a
    headline of its own."""
    return bool(
        headline
        and modified is not None
        and modified - article.published >= _REWRITTEN_AFTER
        and " ".join(headline.split()).casefold() != " ".join(article.title.split()).casefold()
    )


# A page telling of its update: "UPDATED 14:32 GMT with ...", "This article was updated
# on January 1 with ...", "Update, Dec. 20: ...".
# (Not a report's own news: "the UN's report was updated on Thursday".)
_UPDATE_TOLD = re.compile(
    r"^\s*(?:UPDATED?|Updated|Update\b)|\bUPDATED?\b"
    r"|\b(?i:this|the)\s+(?:story|article|page)\s+(?:has\s+been|was)\s+updated\b",
    re.MULTILINE,
)


def moved_pages(store: Store, start: datetime, end: datetime) -> dict[str, str]:
    """The window's article URLs whose page a redirect moved, and where to: what a
    reader's link should point at (not a feed's tracking hop)."""
    return store.moved_pages(start, end)


def gone_pages(store: Store, start: datetime, end: datetime) -> frozenset[str]:
    """URLs of the window's articles whose page answered 404 or 410 when fetched; other
    failures (a timeout, a server error, a paywall) may pass, and a reader gets through."""
    return frozenset(
        url
        for url, _, error in store.extraction_problems(start, end)
        if error.startswith(("HTTP 404", "HTTP 410"))
    )


def _may_pass(result: PageResult) -> bool:
    """Whether a page failed for a reason a later run may not meet: no answer (a timeout,
    a refused connection, an address the settings block, which the editors may allow),
    or a server's "try later" (408, 425, 429, 5xx). A 404 or a page with no article
    is the page's own answer."""
    if result.ok or result.not_modified:
        return False
    return result.status is None or result.status in (408, 425, 429) or result.status >= 500


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
        # The error may end in its own hint's full stop ("... private hosts."); an
        # ellipsis or an abbreviation's point ("... Inc.") is not one to drop.
        said = error[:-1] if error.endswith(".") and not error.endswith("..") else error
        message = f"article {url} ({outlet}): {said}; used the feed's text instead."
        problems.append(Problem(Stage.EXTRACT, url, message))
    return tuple(problems)
