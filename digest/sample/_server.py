"""A tiny static HTTP server for the sample site, bound to 127.0.0.1.

It serves files from one or more site roots (week 2 overlays week 1), fills in the
``__BASE__`` placeholder, answers conditional GETs with 304 and refuses any path that
would leave the site.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import Counter
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["SampleServer"]

_log = logging.getLogger(__name__)

_CONTENT_TYPES = {
    "atom.xml": "application/atom+xml; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
}
_PLACEHOLDER = b"__BASE__"


class SampleServer(ThreadingHTTPServer):
    """Serves ``roots`` (searched in order) on 127.0.0.1 at an ephemeral port."""

    daemon_threads = True

    def __init__(self, roots: tuple[Path, ...], *, delay: float = 0.0, port: int = 0) -> None:
        self.roots = tuple(root.resolve() for root in roots)
        self.delay = delay  # seconds before each answer: slow publishers, for crash tests
        # Full responses (200) served per URL path: lets tests prove that nothing is
        # fetched twice.
        self.hits: Counter[str] = Counter()
        self._hits_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    def count_hit(self, url_path: str) -> None:
        with self._hits_lock:
            self.hits[url_path] += 1

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def find(self, url_path: str) -> Path | None:
        """The file for ``url_path``, or None if there is none.

        Raises PermissionError if the path would resolve outside every root (``..``,
        encoded ``%2e%2e``, absolute paths or symlinks pointing out).
        """
        relative = unquote(url_path).lstrip("/")
        if "\x00" in relative or "\\" in relative:
            raise PermissionError(url_path)
        for root in self.roots:
            candidate = (root / relative).resolve()
            if not candidate.is_relative_to(root):
                raise PermissionError(url_path)
            if candidate.is_file():
                return candidate
        return None

    def body(self, path: Path) -> bytes:
        data = path.read_bytes()
        if path.suffix in (".xml", ".html"):
            data = data.replace(_PLACEHOLDER, self.base_url.encode("ascii"))
        return data


class _Handler(BaseHTTPRequestHandler):
    server: SampleServer
    server_version = "DigestSample/1.0"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        # The default writes every request to stderr, which would clutter test output.
        _log.debug("%s " + format, self.address_string(), *args)

    def _respond(self, *, send_body: bool) -> None:
        if self.server.delay:
            time.sleep(self.server.delay)
        url_path = urlsplit(self.path).path
        try:
            path = self.server.find(url_path)
        except PermissionError:
            self._send_error(HTTPStatus.FORBIDDEN, send_body)
            return
        if path is None:
            self._send_error(HTTPStatus.NOT_FOUND, send_body)
            return
        body = self.server.body(path)
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.server.count_hit(url_path)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", _content_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_error(self, status: HTTPStatus, send_body: bool) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def _content_type(path: Path) -> str:
    for ending, content_type in _CONTENT_TYPES.items():
        if path.name.endswith(ending):
            return content_type
    return "application/octet-stream"
