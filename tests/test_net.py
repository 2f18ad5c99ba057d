"""The HTTP client: address guard, redirects, retries, limits, size cap.

Everything runs against real sockets on loopback (pytest-httpserver, plus a small
threaded server where we need to count requests in flight).
"""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bench.hostile import gzip_bomb
from digest.config import FetchConfig
from digest.errors import FetchError
from digest.net import (
    AddressGuard,
    HttpResponse,
    Resolver,
    blocked_address_reason,
    create_client,
    parse_http_date,
)

FAST = FetchConfig.model_validate(dict(timeout_seconds=5, retries=2, allow_private=True))


def _get(
    url: str,
    settings: FetchConfig = FAST,
    *,
    guard: AddressGuard | None = None,
    trusted: bool = False,
    headers: dict[str, str] | None = None,
    waits: list[float] | None = None,
) -> HttpResponse:
    async def record(seconds: float) -> None:
        if waits is not None:
            waits.append(seconds)

    async def run() -> HttpResponse:
        async with create_client(settings, guard=guard, sleep=record) as client:
            return await client.get(url, headers=headers, trusted=trusted)

    return asyncio.run(run())


def _resolver(table: Mapping[str, Sequence[str]]) -> Resolver:
    async def resolve(host: str, port: int) -> Sequence[str]:
        if host in table:
            return table[host]
        raise OSError(f"unknown host {host}")

    return resolve


# ---------------------------------------------------------------------------- address rules


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.5", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "private"),  # Python files 240/4 under is_private as well as reserved
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        # Blocked whatever this Python's ipaddress flags say of them.
        ("fec0::1", "site-local"),
        ("192.0.0.9", "non-public"),
        ("192.88.99.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_blocked_address_reason(address: str, reason: str | None) -> None:
    assert blocked_address_reason(address) == reason


def test_guard_returns_the_checked_address_to_connect_to() -> None:
    guard = AddressGuard(
        allow_private=False, resolver=_resolver({"news.example": ["93.184.216.34"]})
    )
    assert asyncio.run(guard.check("https://news.example/a")) == "93.184.216.34"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://evil.example/", "blocked address: evil.example resolves to 127.0.0.1 (loopback)"),
        ("http://meta.example/", "blocked address: meta.example resolves to 169.254.169.254"),
        # One bad address among good ones is enough: the connector may pick any.
        ("http://mixed.example/", "blocked address: mixed.example resolves to 10.0.0.8"),
        ("http://127.0.0.1:8080/x", "blocked address: 127.0.0.1 (loopback)"),
        ("http://[::1]/x", "blocked address: ::1 (loopback)"),
        ("ftp://news.example/a", "refused scheme ftp"),
        ("file:///etc/passwd", "refused scheme file"),
        ("http://nowhere.example/", "cannot resolve host nowhere.example"),
    ],
)
def test_guard_refuses(url: str, message: str) -> None:
    table = {
        "evil.example": ["127.0.0.1"],
        "meta.example": ["169.254.169.254"],
        "mixed.example": ["93.184.216.34", "10.0.0.8"],
        "news.example": ["93.184.216.34"],
        "127.0.0.1": ["127.0.0.1"],
        "::1": ["::1"],
    }
    guard = AddressGuard(allow_private=False, resolver=_resolver(table))
    with pytest.raises(FetchError) as caught:
        asyncio.run(guard.check(url))
    assert caught.value.message.startswith(message)


def test_guard_with_allow_private_skips_resolution_but_not_the_scheme_check() -> None:
    guard = AddressGuard(allow_private=True, resolver=_resolver({}))
    assert asyncio.run(guard.check("http://127.0.0.1/x")) is None
    with pytest.raises(FetchError, match="refused scheme gopher"):
        asyncio.run(guard.check("gopher://127.0.0.1/x"))


# ---------------------------------------------------------------------------- guard over HTTP


@pytest.fixture
def public_server() -> Iterator[HTTPServer]:
    """A server on 127.0.0.2 that the tests' policy treats as a public host.

    The whole 127/8 block is loopback on Linux, so this is still local, but it lets a
    request pass the guard and then redirect to an address the guard must refuse.
    """
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


def _public_guard() -> AddressGuard:
    def policy(address: str) -> str | None:
        return None if address == "127.0.0.2" else blocked_address_reason(address)

    return AddressGuard(
        allow_private=False,
        resolver=_resolver({"public.test": ["127.0.0.2"], "127.0.0.1": ["127.0.0.1"]}),
        policy=policy,
    )


def test_guarded_request_connects_to_the_checked_address(public_server: HTTPServer) -> None:
    # "public.test" exists only in the injected resolver: the page can only arrive
    # if the client connected to the address the guard checked (no second lookup),
    # and the Host header still names the site.
    public_server.expect_request(
        "/page", headers={"Host": f"public.test:{public_server.port}"}
    ).respond_with_data("<html>ok</html>", content_type="text/html")
    response = _get(f"http://public.test:{public_server.port}/page", guard=_public_guard())
    assert response.status == 200
    assert response.content == b"<html>ok</html>"


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("http://127.0.0.1:{port}/secret", "blocked address: 127.0.0.1 (loopback)"),
        ("http://169.254.169.254/latest/meta-data/", "blocked address: 169.254.169.254"),
        ("file:///etc/passwd", "refused scheme file"),
    ],
)
def test_redirect_to_a_private_address_is_refused(
    public_server: HTTPServer, httpserver: HTTPServer, location: str, message: str
) -> None:
    httpserver.expect_request("/secret").respond_with_data("private data")
    target = location.format(port=httpserver.port)
    public_server.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": target}
    )
    with pytest.raises(FetchError) as caught:
        _get(f"http://public.test:{public_server.port}/go", guard=_public_guard())
    assert caught.value.message.startswith(message)
    assert not httpserver.log  # the private server never saw a request


def test_trusted_request_skips_the_guard(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data("<rss/>")
    settings = FAST.model_copy(update={"allow_private": False})
    assert _get(httpserver.url_for("/feed"), settings, trusted=True).status == 200
    with pytest.raises(FetchError, match=r"blocked address: localhost resolves to 127\.0\.0\.1"):
        _get(httpserver.url_for("/feed"), settings)


# ---------------------------------------------------------------------------- redirects


def test_redirects_are_recorded_hop_by_hop(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", 301, {"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", 302, {"Location": "/c#frag"})
    httpserver.expect_request("/c").respond_with_data("done")
    response = _get(httpserver.url_for("/a"))
    assert response.final_url == httpserver.url_for("/c")
    assert [(hop.status, hop.is_permanent) for hop in response.redirects] == [
        (301, True),
        (302, False),
    ]
    assert response.redirects[0].location == httpserver.url_for("/b")


def test_redirect_loop(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", 302, {"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", 302, {"Location": "/a"})
    with pytest.raises(FetchError, match=r"^redirect loop$"):
        _get(httpserver.url_for("/a"))


def test_too_many_redirects(httpserver: HTTPServer) -> None:
    for hop in range(10):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", 307, {"Location": f"/r{hop + 1}"}
        )
    with pytest.raises(FetchError, match=r"^too many redirects$"):
        _get(httpserver.url_for("/r0"))


def test_five_redirects_are_allowed(httpserver: HTTPServer) -> None:
    for hop in range(5):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", 302, {"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/r5").respond_with_data("end")
    assert _get(httpserver.url_for("/r0")).content == b"end"


# ---------------------------------------------------------------------------- retries


def test_server_error_is_retried_with_backoff(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/f").respond_with_data("boom", status=500)
    httpserver.expect_oneshot_request("/f").respond_with_data("boom", status=503)
    httpserver.expect_request("/f").respond_with_data("fine")
    waits: list[float] = []
    response = _get(httpserver.url_for("/f"), waits=waits)
    assert response.content == b"fine"
    assert len(httpserver.log) == 3
    assert len(waits) == 2 and 0.5 <= waits[0] < 0.75 and 1.0 <= waits[1] < 1.25


def test_retries_run_out_and_the_status_comes_back(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/f").respond_with_data("down", status=502)
    response = _get(httpserver.url_for("/f"))
    assert (response.status, response.reason) == (502, "HTTP 502 Bad Gateway")
    assert len(httpserver.log) == 3  # one try and two retries


def test_retry_after_seconds_is_honoured(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/f").respond_with_data("", 429, {"Retry-After": "1"})
    httpserver.expect_request("/f").respond_with_data("fine")
    waits: list[float] = []
    assert _get(httpserver.url_for("/f"), waits=waits).content == b"fine"
    assert waits == [1.0]


def test_retry_after_date_is_honoured(httpserver: HTTPServer) -> None:
    # The server stamps its own Date header; the wait is measured against it.
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=4), usegmt=True)
    httpserver.expect_oneshot_request("/f").respond_with_data("", 503, {"Retry-After": later})
    httpserver.expect_request("/f").respond_with_data("fine")
    waits: list[float] = []
    assert _get(httpserver.url_for("/f"), waits=waits).content == b"fine"
    assert len(waits) == 1 and 2.0 <= waits[0] <= 5.0


def test_retry_after_beyond_the_cap_gives_up(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/f").respond_with_data("", 503, {"Retry-After": "3600"})
    waits: list[float] = []
    assert _get(httpserver.url_for("/f"), waits=waits).status == 503
    assert waits == [] and len(httpserver.log) == 1


def test_client_errors_are_not_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/f").respond_with_data("", 404)
    assert _get(httpserver.url_for("/f")).reason == "HTTP 404 Not Found"
    assert len(httpserver.log) == 1


def test_parse_http_date() -> None:
    parsed = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")
    assert parsed is not None and parsed.isoformat() == "1994-11-06T08:49:37+00:00"
    assert parse_http_date("yesterday") is None
    assert parse_http_date("") is None


# ---------------------------------------------------------------------------- slow, big, closed


class _SlowServer:
    """A threaded server that answers after ``delay`` and counts requests in flight."""

    def __init__(self, delay: float) -> None:
        outer = self
        self.delay = delay
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with outer._lock:
                    outer.in_flight += 1
                    outer.peak = max(outer.peak, outer.in_flight)
                time.sleep(outer.delay)
                with outer._lock:
                    outer.in_flight -= 1
                body = b"slow but here"
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up first
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def slow_server() -> Iterator[_SlowServer]:
    server = _SlowServer(delay=0.2)
    yield server
    server.close()


def test_read_timeout(slow_server: _SlowServer) -> None:
    slow_server.delay = 1.0
    settings = FetchConfig.model_validate(dict(timeout_seconds=0.2, retries=0, allow_private=True))
    with pytest.raises(FetchError, match=r"^timed out after 0\.2 s$"):
        _get(f"http://127.0.0.1:{slow_server.port}/", settings)


def test_per_host_limit_caps_requests_in_flight(slow_server: _SlowServer) -> None:
    settings = FetchConfig.model_validate(dict(concurrency=16, per_host=2, allow_private=True))

    async def run() -> list[HttpResponse]:
        async with create_client(settings) as client:
            urls = [f"http://127.0.0.1:{slow_server.port}/{n}" for n in range(8)]
            return await asyncio.gather(*(client.get(url) for url in urls))

    responses = asyncio.run(run())
    assert all(r.status == 200 for r in responses)
    assert slow_server.peak == 2


def test_connection_refused(refused_port: int) -> None:
    with pytest.raises(FetchError, match=r"^connection refused$"):
        _get(f"http://127.0.0.1:{refused_port}/feed")


def test_body_over_the_cap_with_content_length(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 10_000_000)
    settings = FAST.model_copy(update={"max_bytes": 1_000_000})
    with pytest.raises(FetchError, match=r"^body larger than 1000000 bytes$"):
        _get(httpserver.url_for("/big"), settings)


def test_body_over_the_cap_without_content_length(httpserver: HTTPServer) -> None:
    def stream(_request: Request) -> Response:
        chunks = (b"y" * 100_000 for _ in range(100))  # 10 MB, length not announced
        return Response(chunks, content_type="application/xml")

    httpserver.expect_request("/big").respond_with_handler(stream)
    settings = FAST.model_copy(update={"max_bytes": 1_000_000})
    with pytest.raises(FetchError, match=r"^body larger than 1000000 bytes$"):
        _get(httpserver.url_for("/big"), settings)


def test_user_agent_and_gzip(httpserver: HTTPServer) -> None:
    import gzip

    body = b"<rss>" + b"word " * 1000 + b"</rss>"
    httpserver.expect_request("/f", headers={"User-Agent": "digest-test/1.0"}).respond_with_data(
        gzip.compress(body), headers={"Content-Encoding": "gzip"}
    )
    settings = FAST.model_copy(update={"user_agent": "digest-test/1.0"})
    assert _get(httpserver.url_for("/f"), settings).content == body


# ---------------------------------------------------------------- compression bombs


@pytest.mark.parametrize(
    ("layers", "decoded"), [(1, 64 << 20), (2, 256 << 20), (3, 256 << 20)], ids=["1", "2", "3"]
)
def test_gzip_bombs_are_refused_in_bounded_memory(
    httpserver: HTTPServer, layers: int, decoded: int
) -> None:
    """Stacked or not, a bomb costs a few steps of decoding, not its decoded size.

    Python allocations are traced (the decompressors allocate their output as bytes), so
    the peak is measured, not timed. Before decoding in bounded steps, these peaked at
    193 MB (1 layer) and 768 MB (2 and 3 layers) against the 1 MB cap.
    """
    encoding = ", ".join(["gzip"] * layers)
    httpserver.expect_request("/bomb").respond_with_data(
        gzip_bomb(decoded, layers), content_type="text/html", headers={"Content-Encoding": encoding}
    )
    settings = FAST.model_copy(update={"max_bytes": 1_000_000, "retries": 0})
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=r"^body larger than 1000000 bytes$"):
            _get(httpserver.url_for("/bomb"), settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, f"peak {peak / 2**20:.0f} MB of Python allocations"


@pytest.mark.parametrize("kind", ["gzip-members", "zlib-deflate", "raw-deflate", "gzip-gzip"])
def test_encoded_bodies_decode_in_steps(httpserver: HTTPServer, kind: str) -> None:
    body = b"<rss>" + b"word " * 50_000 + b"</rss>"
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    encoded, encoding = {
        "gzip-members": (gzip.compress(body[:1000]) + gzip.compress(body[1000:]), "gzip"),
        "zlib-deflate": (zlib.compress(body), "deflate"),
        "raw-deflate": (raw_deflate.compress(body) + raw_deflate.flush(), "deflate"),
        "gzip-gzip": (gzip.compress(gzip.compress(body)), "gzip, gzip"),
    }[kind]
    httpserver.expect_request("/f").respond_with_data(
        encoded, headers={"Content-Encoding": encoding}
    )
    assert _get(httpserver.url_for("/f")).content == body


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("br", "unsupported Content-Encoding: br"),
        ("gzip, gzip, gzip, gzip, gzip", "5 stacked Content-Encodings"),
        ("gzip", "cannot decode the gzip body"),
    ],
)
def test_bodies_that_cannot_be_decoded_are_errors(
    httpserver: HTTPServer, encoding: str, message: str
) -> None:
    httpserver.expect_request("/f").respond_with_data(
        b"not compressed at all", headers={"Content-Encoding": encoding}
    )
    with pytest.raises(FetchError, match=f"^cannot decode response: {message}"):
        _get(httpserver.url_for("/f"), FAST.model_copy(update={"retries": 0}))
