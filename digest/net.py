"""The one HTTP client: timeouts, user agent, concurrency, size cap, retries, address guard.

Every request the package makes goes through :class:`HttpClient`, built by
:func:`create_client` from ``FetchConfig``:

- connect and read timeouts of ``timeout_seconds`` each, plus an overall deadline per
  request so a server that drips one byte at a time cannot hold a slot for ever;
- at most ``concurrency`` requests in flight, and at most ``per_host`` per host;
- bodies streamed and abandoned past ``max_bytes``, counted after decoding, which runs
  in bounded steps (:mod:`digest.inflate`), so a small compressed bomb, stacked or not,
  is refused after a few megabytes of work;
- ``retries`` retries on 429, 5xx and timeouts with exponential backoff, honouring
  ``Retry-After`` (seconds or an HTTP date) up to a cap;
- redirects followed by hand (at most five hops, loops detected) so each hop can be
  checked by the address guard (:mod:`digest.guard`): untrusted links never reach
  private, loopback, link-local or metadata addresses.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import time
import zlib
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from digest.config import FetchConfig
from digest.errors import FetchError
from digest.guard import (
    AddressGuard,
    AddressPolicy,
    Resolver,
    blocked_address_reason,
    parse_http_url,
)
from digest.inflate import ACCEPT_ENCODING, BodyDecoder, DecodeError, TooLarge

# The address guard lives in digest.guard; its names stay importable from here.
__all__ = [
    "AddressGuard",
    "AddressPolicy",
    "HttpClient",
    "HttpResponse",
    "Redirect",
    "Resolver",
    "Sleep",
    "blocked_address_reason",
    "create_client",
    "parse_http_date",
    "run_blocking",
]

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

_MAX_REDIRECTS = 5
_REDIRECT_CODES = frozenset(
    {
        httpx.codes.MOVED_PERMANENTLY,
        httpx.codes.FOUND,
        httpx.codes.SEE_OTHER,
        httpx.codes.TEMPORARY_REDIRECT,
        httpx.codes.PERMANENT_REDIRECT,
    }
)
_PERMANENT_CODES = frozenset({httpx.codes.MOVED_PERMANENTLY, httpx.codes.PERMANENT_REDIRECT})
_BACKOFF_SECONDS = 0.5
# Deterministic per-URL spread so feeds of one host that failed together do not
# retry in lockstep; a hash instead of random keeps runs reproducible.
_JITTER_SECONDS = 0.25
# A Retry-After longer than this is a "come back later", not a "wait a moment": we
# give up on this poll and report the status rather than hold a slot for minutes.
_MAX_RETRY_AFTER_SECONDS = 30.0
_TOTAL_TIMEOUT_FACTOR = 4
_CHUNK_BYTES = 65_536


@dataclass(frozen=True, slots=True)
class Redirect:
    """One redirect hop: ``url`` answered ``status`` pointing at ``location`` (absolute)."""

    status: int
    url: str
    location: str

    @property
    def is_permanent(self) -> bool:
        return self.status in _PERMANENT_CODES


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """The last response of a request after redirects.

    ``headers`` has lower-case names; repeated headers are joined with ", ".
    ``content`` is the decoded body of a 2xx response and empty for any other status.
    """

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    redirects: tuple[Redirect, ...] = ()

    @property
    def reason(self) -> str:
        """``HTTP 404 Not Found``: the status as a person reads it."""
        phrase = httpx.codes.get_reason_phrase(self.status)
        return f"HTTP {self.status} {phrase}".rstrip()


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: Mapping[str, str]
    content: bytes


class _Deadline:
    """The time limit of one whole request (``total_seconds``), or none.

    The clock starts when the first attempt holds its connection slots, so a request
    queued behind others to the same host is not charged for the wait.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._ends_at: float | None = None

    def start(self) -> None:
        if self.seconds is not None and self._ends_at is None:
            self._ends_at = time.monotonic() + self.seconds

    def cap(self, seconds: float) -> float:
        """``seconds``, or less if the deadline comes first (0 once it has passed)."""
        if self._ends_at is None:
            return seconds
        return max(0.0, min(seconds, self._ends_at - time.monotonic()))

    @property
    def is_spent(self) -> bool:
        return self._ends_at is not None and time.monotonic() >= self._ends_at

    def message(self) -> str:
        return f"no complete answer within {self.seconds:g} s (fetch.page_deadline_seconds)"


class HttpClient:
    """An httpx.AsyncClient with the package's limits. Use as ``async with``.

    One instance serves one event loop (its semaphores bind to it on first use).
    """

    def __init__(
        self,
        settings: FetchConfig,
        *,
        guard: AddressGuard | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        self.settings = settings
        self._guard = guard or AddressGuard(allow_private=settings.allow_private)
        self._sleep: Sleep = sleep or asyncio.sleep
        self._all = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout_seconds),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,
            limits=httpx.Limits(
                max_connections=settings.concurrency,
                max_keepalive_connections=settings.concurrency,
            ),
        )

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        trusted: bool = False,
        total_seconds: float | None = None,
    ) -> HttpResponse:
        """GET ``url``, following redirects by hand.

        ``trusted`` skips the address guard for ``url`` itself (feed URLs from
        feeds.yaml) and for redirects that stay on its host; a redirect to another host
        is checked like any untrusted link, so a publisher cannot send us to a metadata
        or intranet address. Loop and hop limits apply either way. Any status comes
        back as a response; transport problems raise FetchError with a human reason
        ("connection refused", "timed out after 15 s", "redirect loop", "body larger
        than N bytes", ...).

        ``total_seconds`` bounds the whole request, redirects, retries and the waits
        between them included, from the moment its first attempt holds a connection
        slot (time queued behind other requests to the host does not count).
        """
        deadline = _Deadline(total_seconds)
        current = url
        seen = {url}
        redirects: list[Redirect] = []
        home = urlsplit(url).hostname
        while True:
            hop_trusted = trusted and urlsplit(current).hostname == home
            answer = await self._get_with_retries(
                current, headers or {}, trusted=hop_trusted, deadline=deadline
            )
            location = answer.headers.get("location")
            if answer.status not in _REDIRECT_CODES or not location:
                return HttpResponse(
                    url, current, answer.status, answer.headers, answer.content, tuple(redirects)
                )
            target = urljoin(current, location.strip()).split("#", 1)[0]
            redirects.append(Redirect(answer.status, current, target))
            if target in seen:
                raise FetchError("redirect loop", url=url, status=answer.status)
            if len(redirects) > _MAX_REDIRECTS:
                raise FetchError("too many redirects", url=url, status=answer.status)
            seen.add(target)
            current = target

    async def _get_with_retries(
        self, url: str, headers: Mapping[str, str], *, trusted: bool, deadline: _Deadline
    ) -> _Answer:
        retries = self.settings.retries
        began = time.monotonic()
        for attempt in range(retries + 1):
            is_last = attempt == retries
            try:
                answer = await self._get_once(url, headers, trusted=trusted, deadline=deadline)
            except (httpx.TimeoutException, TimeoutError) as exc:
                if deadline.is_spent:
                    raise FetchError(deadline.message(), url=url) from exc
                if is_last:
                    message = self._timeout_message(exc)
                    if retries:
                        # Each try's limit alone hides how long the feed held the run.
                        message += (
                            f" on each of {retries + 1} tries (fetch.retries), "
                            f"{time.monotonic() - began:.0f} s in all"
                        )
                    raise FetchError(message, url=url) from exc
                await self._sleep(deadline.cap(_backoff(attempt, url)))
                continue
            if is_last or not _is_retryable(answer.status):
                return answer
            wait = _retry_after(answer.headers)
            if wait is None:
                wait = deadline.cap(_backoff(attempt, url))
            elif wait > _MAX_RETRY_AFTER_SECONDS or wait != deadline.cap(wait):
                logger.info("%s: Retry-After %.0f s is too long; not retrying", url, wait)
                return answer
            logger.debug("%s: HTTP %d, retrying in %.2f s", url, answer.status, wait)
            await self._sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _timeout_message(self, exc: BaseException) -> str:
        seconds = self.settings.timeout_seconds
        if not isinstance(exc, httpx.TimeoutException):  # the overall deadline
            seconds *= _TOTAL_TIMEOUT_FACTOR
        return f"timed out after {seconds:g} s"

    async def _get_once(
        self, url: str, headers: Mapping[str, str], *, trusted: bool, deadline: _Deadline
    ) -> _Answer:
        parts = parse_http_url(url)
        address = None if trusted else await self._guard.check(url)
        request_url, request_headers, extensions = _pin(parts, address, headers)
        host = parts.raw_host.decode("ascii").lower()
        semaphore = self._hosts.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        per_request = self.settings.timeout_seconds * _TOTAL_TIMEOUT_FACTOR
        # Host slot first: holding a global slot while queueing behind one busy host
        # would stall every other host. The deadline starts once we hold both, since
        # waiting in the queue is not the server's slowness.
        async with semaphore, self._all:
            deadline.start()
            limit = deadline.cap(per_request)
            if limit <= 0:
                raise TimeoutError
            try:
                async with asyncio.timeout(limit):
                    return await self._stream(url, request_url, request_headers, extensions)
            except httpx.TimeoutException:
                raise
            except httpx.HTTPError as exc:
                raise FetchError(_transport_reason(exc, host), url=url) from exc

    async def _stream(
        self,
        url: str,
        request_url: str,
        headers: Mapping[str, str],
        extensions: dict[str, str],
    ) -> _Answer:
        limit = self.settings.max_bytes
        async with self._client.stream(
            "GET", request_url, headers=headers, extensions=extensions
        ) as response:
            answer_headers = {name: value for name, value in response.headers.items()}
            if not response.is_success:
                # Redirects, 304s and errors: the body is never used.
                return _Answer(response.status_code, answer_headers, b"")
            declared = answer_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"body larger than {limit} bytes", url=url)
            body = bytearray()
            try:
                # Raw bytes, decoded here in bounded steps: httpx would inflate each chunk
                # whole, and a gzip bomb would fill memory before the cap was checked.
                decoder = BodyDecoder(answer_headers.get("content-encoding", ""), limit)
                async for chunk in response.aiter_raw(_CHUNK_BYTES):
                    body += decoder.feed(chunk)
                body += decoder.finish()
            except TooLarge:
                raise FetchError(f"body larger than {limit} bytes", url=url) from None
            except DecodeError as exc:
                raise FetchError(f"cannot decode response: {exc}", url=url) from exc
            return _Answer(response.status_code, answer_headers, bytes(body))


def create_client(
    settings: FetchConfig,
    *,
    guard: AddressGuard | None = None,
    sleep: Sleep | None = None,
) -> HttpClient:
    """The package's HTTP client for ``settings``.

    ``guard`` replaces the default ``AddressGuard(allow_private=settings.allow_private)``
    (its own ``allow_private`` then wins) and ``sleep`` replaces the waits between
    retries. Close it with ``await client.aclose()`` or use it
    as ``async with create_client(settings) as client``.
    """
    return HttpClient(settings, guard=guard, sleep=sleep)


def _pin(
    parts: httpx.URL, address: str | None, headers: Mapping[str, str]
) -> tuple[str, dict[str, str], dict[str, str]]:
    """The URL, headers and httpcore extensions that connect to the checked address."""
    if address is None:
        return str(parts), dict(headers), {}
    literal = f"[{address}]" if ":" in address else address
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    target = urlunsplit((parts.scheme, netloc, parts.raw_path.decode("ascii"), "", ""))
    host = parts.raw_host.decode("ascii")  # an IDN host goes on the wire in punycode
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    if ":" in host:
        host_header = f"[{host}]" + ("" if parts.port is None else f":{parts.port}")
    # sni_hostname makes httpcore send the real name in TLS and verify the
    # certificate against it, although the socket goes to the IP literal.
    return target, {**headers, "Host": host_header}, {"sni_hostname": host}


def _is_retryable(status: int) -> bool:
    return status == httpx.codes.TOO_MANY_REQUESTS or httpx.codes.is_server_error(status)


def _backoff(attempt: int, url: str) -> float:
    jitter = (zlib.crc32(url.encode("utf-8", "replace")) % 1000) / 1000 * _JITTER_SECONDS
    return float(_BACKOFF_SECONDS * 2**attempt + jitter)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from a Retry-After header (RFC 9110 §10.2.3), or None."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    when = parse_http_date(value)
    if when is None:
        return None
    # Measure against the server's own Date header when there is one, so a skewed
    # local clock does not turn "in 5 s" into "in 5 minutes".
    reference = parse_http_date(headers.get("date", "")) or datetime.now(UTC)
    return max(0.0, (when - reference).total_seconds())


def parse_http_date(value: str) -> datetime | None:
    """An HTTP date (``Date``, ``Retry-After``, ``Last-Modified``) as aware UTC, or None."""
    if not value.strip():
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000" means UTC in RFC 5322 dates
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def _transport_reason(exc: httpx.HTTPError, host: str) -> str:
    causes = _causes(exc)
    text = str(exc)
    if isinstance(exc, httpx.ConnectError):
        # httpx reports every failed connect as "All connection attempts failed";
        # the OS error that says why is further down the cause chain.
        if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
            return "connection refused"
        if any(isinstance(cause, socket.gaierror) for cause in causes):
            return f"cannot resolve host {host}"
        if any(isinstance(cause, ssl.SSLError) for cause in causes):
            return f"TLS error: {text}"
        return f"cannot connect: {text or type(exc).__name__}"
    if isinstance(exc, httpx.DecodingError):
        return f"cannot decode response: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"protocol error: {text or 'server closed the connection'}"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"invalid URL: {text}"
    return f"{type(exc).__name__}: {text}".rstrip(": ")


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


_Result = TypeVar("_Result")


def run_blocking(work: Coroutine[object, object, _Result]) -> _Result:
    """``asyncio.run(work)``, without the "Task exception was never retrieved" traceback
    a stop would print after the CLI's own message. asyncio turns Ctrl-C into a clean
    cancel only when Ctrl-C is not ignored; in a command started in the background it
    is, and a SIGTERM is raised as KeyboardInterrupt inside whichever task is running."""

    async def quietly() -> _Result:
        asyncio.get_running_loop().set_exception_handler(_unless_interrupted)
        return await work

    return asyncio.run(quietly())


def _unless_interrupted(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
    if not isinstance(context.get("exception"), KeyboardInterrupt):
        loop.default_exception_handler(context)
