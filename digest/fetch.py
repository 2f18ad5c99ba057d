"""Poll feeds (conditional GET) and download article pages.

The HTTP side (limits, retries, redirects, address guard) lives in :mod:`digest.net`;
this module decides what a response means (:class:`~digest.models.FetchOutcome`) and
hands feed bodies to :func:`digest.feeds.parse_feed`, in worker processes when a
poll is big enough to gain from them.
Nothing here raises for a single feed or page: each gets a result saying what went
wrong, and the others carry on.

Feed URLs come from the operator's feeds.yaml and are fetched without the address
guard; article links come from feeds (untrusted) and always go through it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import httpx

from digest.config import FetchConfig
from digest.errors import FetchError
from digest.feeds import is_html_type, looks_like_html, mime_type, parse_feed
from digest.models import FeedEntry, FetchOutcome, FetchResult
from digest.net import HttpClient, HttpResponse, create_client, parse_http_date, run_blocking
from digest.urls import redact_secrets

__all__ = [
    "FeedRequest",
    "PageRequest",
    "PageResult",
    "check_feeds",
    "fetch_pages",
    "fetch_pages_async",
    "poll_feeds",
    "poll_feeds_async",
]

logger = logging.getLogger(__name__)

_FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# Parsing is CPU-bound pure Python (~5 ms of one core per 20-item feed, measured by
# bench/poll.py), so a big poll parses in worker processes, one per CPU, while the
# event loop keeps the sockets busy. Forking two workers and joining them costs
# ~10-15 ms; below 16 feeds (~80 ms of parsing) the gain is lost in the noise, so
# small polls such as `digest feeds check URL` stay in one process.
_POOL_MIN_FEEDS = 16


@dataclass(frozen=True, slots=True)
class FeedRequest:
    """A feed to poll, with the validators stored from its last poll.

    ``trusted`` skips the address guard for ``url``: true for the operator's own URLs
    (feeds.yaml, ``digest feeds check``), false for where a publisher moved its feed to
    another host, which is checked at every poll as any link from a feed is (a moved
    host's address could later point inside the network).
    """

    url: str
    name: str
    etag: str | None = None
    last_modified: str | None = None
    trusted: bool = True


@dataclass(frozen=True, slots=True)
class PageRequest:
    """An article page to download, with validators from an earlier download."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class PageResult:
    """A downloaded page, or why it could not be used.

    ``ok`` is true for an HTML page (``content`` holds its bytes, ``encoding`` the
    charset the server declared) and for a 304 (``not_modified``, empty content).
    ``final_url`` is where the last redirect led.
    """

    url: str
    final_url: str
    ok: bool
    status: int | None
    content: bytes
    encoding: str | None
    content_type: str
    error: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    is_out_of_time: bool = False  # the stage's budget ran out first: not tried, or cut off


_Result = TypeVar("_Result")


# ---------------------------------------------------------------------------- feeds


async def poll_feeds_async(
    feeds: Sequence[FeedRequest],
    settings: FetchConfig,
    *,
    progress: Callable[[FetchResult], None] | None = None,
    client: HttpClient | None = None,
    now: datetime | None = None,
    executor: Executor | None = None,
) -> list[FetchResult]:
    """Poll every feed concurrently; results come back in input order.

    Sends If-None-Match / If-Modified-Since when a request carries validators.
    ``progress`` is called once per feed as it completes (in completion order).
    ``client`` shares an existing :class:`~digest.net.HttpClient` (else one is made
    and closed here). ``now`` is the poll time given to entries that carry no date
    at all (else the response's Date header, else the current UTC time).
    ``executor`` runs :func:`parse_feed` on each body as it arrives (it is left
    open). Without one, a poll of at least 16 feeds on Linux with two or more CPUs
    forks a process pool, one worker per CPU, and shuts it down before returning;
    smaller polls parse in a thread. Either way the results are the same.
    Never raises for one feed: its FetchResult says what went wrong.
    """
    pool = None if executor is not None else _parse_pool(len(feeds))
    parser = _FeedParser(executor or pool)

    def poll(http: HttpClient, feed: FeedRequest) -> Awaitable[FetchResult]:
        return _poll_isolated(http, feed, now, parser)

    try:
        return await _run_all(feeds, settings, poll, progress, client)
    finally:
        if pool is not None:
            # By now every parse has finished (or was cancelled with the poll), so
            # this only joins idle workers: a few milliseconds.
            pool.shutdown(wait=True, cancel_futures=True)


def poll_feeds(
    feeds: Sequence[FeedRequest],
    settings: FetchConfig,
    *,
    progress: Callable[[FetchResult], None] | None = None,
    now: datetime | None = None,
    executor: Executor | None = None,
) -> list[FetchResult]:
    """Blocking :func:`poll_feeds_async`; call it outside any running event loop."""
    return run_blocking(
        poll_feeds_async(feeds, settings, progress=progress, now=now, executor=executor)
    )


def check_feeds(urls: Sequence[str], settings: FetchConfig) -> list[FetchResult]:
    """Poll ``urls`` once with no stored state (for ``digest feeds check URL...``).

    The URLs are the operator's, so they are trusted like feeds.yaml entries.
    """
    return poll_feeds([FeedRequest(url=url, name=url) for url in urls], settings)


async def _poll_isolated(
    client: HttpClient, feed: FeedRequest, now: datetime | None, parser: _FeedParser
) -> FetchResult:
    try:
        return await _poll_feed(client, feed, now, parser)
    except Exception as exc:
        # Per-feed isolation: one feed that trips a bug in feedparser or in our
        # mapping must not cost the other feeds their entries. Logged with traceback.
        logger.exception("%s: unexpected error while polling", feed.url)
        return _failed(feed, f"internal error: {type(exc).__name__}: {exc}")


async def _poll_feed(
    client: HttpClient, feed: FeedRequest, now: datetime | None, parser: _FeedParser
) -> FetchResult:
    headers = {"Accept": _FEED_ACCEPT, **_conditional_headers(feed.etag, feed.last_modified)}
    try:
        response = await client.get(feed.url, headers=headers, trusted=feed.trusted)
    except FetchError as exc:
        return _failed(feed, exc.message, status=exc.status)
    etag = response.headers.get("etag") or feed.etag
    last_modified = response.headers.get("last-modified") or feed.last_modified
    status = response.status
    if status == httpx.codes.NOT_MODIFIED:
        return FetchResult(
            feed.url, FetchOutcome.NOT_MODIFIED, feed.url, etag, last_modified, status=status
        )
    if status == httpx.codes.GONE:
        return _failed(feed, response.reason, status=status, outcome=FetchOutcome.GONE)
    if not httpx.codes.is_success(status):
        return _failed(feed, response.reason, status=status)
    moved_to = _permanent_target(response)
    fetched_at = now or parse_http_date(response.headers.get("date", "")) or datetime.now(UTC)
    # A move is not a warning here: the outcome and final_url carry it, the store keeps
    # it, and ``ingest.intake_problems`` reports it (one producer per fact).
    entries, warnings, error = await parser.parse(response, feed, fetched_at)
    outcome = FetchOutcome.MOVED if moved_to else FetchOutcome.OK
    return FetchResult(
        feed.url,
        FetchOutcome.FAILED if error else outcome,
        moved_to or feed.url,
        response.headers.get("etag"),
        response.headers.get("last-modified"),
        entries,
        error,
        warnings,
        status,
    )


_Parsed = tuple[tuple[FeedEntry, ...], tuple[str, ...], str]


class _FeedParser:
    """Runs :func:`parse_feed` off the event loop: in ``executor``, else in a thread."""

    def __init__(self, executor: Executor | None) -> None:
        self._executor = executor

    async def parse(
        self, response: HttpResponse, feed: FeedRequest, fetched_at: datetime
    ) -> _Parsed:
        # A partial of a module-level function with plain arguments pickles, so the
        # same job runs in a worker process or in a thread.
        job = functools.partial(
            parse_feed,
            response.content,
            feed_url=feed.url,
            outlet=feed.name,
            content_type=response.headers.get("content-type", ""),
            base_url=response.final_url,
            fetched_at=fetched_at,
        )
        executor = self._executor
        if executor is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(executor, job)
            except BrokenExecutor:
                # A worker died (the OOM killer, a stray signal) and took the pool with
                # it; every later feed would fail the same way, so parse here instead.
                if self._executor is executor:
                    logger.warning("feed parser processes died; parsing in this process")
                    self._executor = None
        return await asyncio.to_thread(job)


def _parse_pool(feed_count: int) -> ProcessPoolExecutor | None:
    """Worker processes to parse ``feed_count`` feeds, or None to parse in a thread.

    Fork only, so Linux only (fork is unsafe on macOS). The forkserver and spawn
    methods re-run the caller's ``__main__`` in each worker (a script without an
    ``if __name__ == "__main__":`` guard would start polling again) and take
    0.25-0.5 s to start; forking takes ~10 ms. The workers are forked here, before
    the poll starts any thread of its own (DNS lookups, parse threads), so no lock of
    ours can be held mid-fork; the child only ever runs parse_feed.
    """
    if feed_count < _POOL_MIN_FEEDS or sys.platform != "linux":
        return None
    # Forking while other threads run (the scheduler's job threads, the preview's
    # server) can copy a lock another thread holds into the child; parse in a thread
    # then instead.
    if threading.active_count() > 1:
        return None
    workers = len(os.sched_getaffinity(0))
    if workers < 2:  # one CPU: a worker process would only add copying
        return None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    # With fork, the first submit starts every worker at once; do it now, while the
    # process has no threads of ours.
    pool.submit(os.getpid)
    return pool


def _permanent_target(response: HttpResponse) -> str:
    """Where the feed now lives if the chain holds a 301/308, else "".

    The target of the last permanent hop: after ``A -301-> B -302-> C`` the store
    should poll B (C is only B's temporary answer).
    """
    target = ""
    for hop in response.redirects:
        if hop.is_permanent:
            target = hop.location
    return target


def _failed(
    feed: FeedRequest,
    error: str,
    *,
    status: int | None = None,
    outcome: FetchOutcome = FetchOutcome.FAILED,
) -> FetchResult:
    # Keep the validators we were given: a failed poll must not make the store
    # forget them and re-download everything next time. The error is stored and shown.
    return FetchResult(
        feed.url,
        outcome,
        feed.url,
        feed.etag,
        feed.last_modified,
        error=redact_secrets(error),
        status=status,
    )


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


# ---------------------------------------------------------------------------- pages


async def fetch_pages_async(
    requests: Sequence[PageRequest],
    settings: FetchConfig,
    *,
    progress: Callable[[PageResult], None] | None = None,
    client: HttpClient | None = None,
    budget_seconds: float | None = None,
) -> list[PageResult]:
    """Download article pages concurrently; results in input order.

    Links come from feeds, so the address guard applies at every hop unless
    ``settings.allow_private``. Only HTML is ok: other types give
    ``error="not HTML: application/pdf"``. Each page may take at most
    ``settings.page_deadline_seconds`` in all. Pages still unfinished when
    ``budget_seconds`` (from the call) runs out come back with ``is_out_of_time``.
    Never raises for one page.
    """
    loop = asyncio.get_running_loop()
    ends_at = None if budget_seconds is None else loop.time() + budget_seconds

    def fetch(http: HttpClient, request: PageRequest) -> Awaitable[PageResult]:
        return _fetch_page_isolated(http, request, ends_at)

    return await _run_all(requests, settings, fetch, progress, client)


def fetch_pages(
    requests: Sequence[PageRequest],
    settings: FetchConfig,
    *,
    progress: Callable[[PageResult], None] | None = None,
    budget_seconds: float | None = None,
) -> list[PageResult]:
    """Blocking :func:`fetch_pages_async`; call it outside any running event loop."""
    return run_blocking(
        fetch_pages_async(requests, settings, progress=progress, budget_seconds=budget_seconds)
    )


async def _fetch_page_isolated(
    client: HttpClient, request: PageRequest, ends_at: float | None
) -> PageResult:
    try:
        async with asyncio.timeout_at(ends_at):
            return await _fetch_page(client, request)
    except TimeoutError:
        # Only the stage's budget raises this here (a page's own time limits come back
        # as FetchError): the page is left for the next run.
        return dataclasses.replace(
            _page_failed(request, "not fetched within the fetch budget"), is_out_of_time=True
        )
    except Exception as exc:
        # Per-page isolation, as for feeds: one page must not stop the others.
        logger.exception("%s: unexpected error while downloading", request.url)
        return _page_failed(request, f"internal error: {type(exc).__name__}: {exc}")


async def _fetch_page(client: HttpClient, request: PageRequest) -> PageResult:
    headers = {
        "Accept": _PAGE_ACCEPT,
        **_conditional_headers(request.etag, request.last_modified),
    }
    try:
        response = await client.get(
            request.url,
            headers=headers,
            trusted=False,
            total_seconds=client.settings.page_deadline_seconds,
        )
    except FetchError as exc:
        # With its hint: "blocked address: ... Set fetch.allow_private: true ...".
        return _page_failed(request, str(exc), status=exc.status)
    content_type = response.headers.get("content-type", "")
    etag = response.headers.get("etag") or request.etag
    last_modified = response.headers.get("last-modified") or request.last_modified
    status = response.status
    error = ""
    if status == httpx.codes.NOT_MODIFIED:
        pass
    elif not httpx.codes.is_success(status):
        error = response.reason
    elif not response.content.strip():
        error = "empty response"
    elif not _is_html_page(response.content, content_type):
        error = f"not HTML: {mime_type(content_type) or 'no content type'}"
    return PageResult(
        url=request.url,
        final_url=response.final_url,
        ok=not error,
        status=status,
        content=b"" if error else response.content,
        encoding=_charset(content_type),
        content_type=content_type,
        error=error,
        etag=etag,
        last_modified=last_modified,
        not_modified=status == httpx.codes.NOT_MODIFIED,
    )


def _page_failed(request: PageRequest, error: str, *, status: int | None = None) -> PageResult:
    return PageResult(
        url=request.url,
        final_url=request.url,
        ok=False,
        status=status,
        content=b"",
        encoding=None,
        content_type="",
        error=redact_secrets(error),
        etag=request.etag,
        last_modified=request.last_modified,
    )


def _is_html_page(content: bytes, content_type: str) -> bool:
    """HTML by its Content-Type; only a response without one is sniffed."""
    if mime_type(content_type):
        return is_html_type(content_type)
    return looks_like_html(content, "")


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


# ---------------------------------------------------------------------------- running


_Item = TypeVar("_Item")


async def _run_all(
    items: Sequence[_Item],
    settings: FetchConfig,
    work: Callable[[HttpClient, _Item], Awaitable[_Result]],
    progress: Callable[[_Result], None] | None,
    client: HttpClient | None,
) -> list[_Result]:
    """Run ``work`` on every item at once (the client's semaphores pace them)."""

    async def one(http: HttpClient, item: _Item) -> _Result:
        result = await work(http, item)
        if progress is not None:
            progress(result)
        return result

    if client is not None:
        return list(await asyncio.gather(*(one(client, item) for item in items)))
    async with create_client(settings) as own:
        return list(await asyncio.gather(*(one(own, item) for item in items)))
