"""The editors' preview: a local server that shows the draft and rebuilds on change.

One thread builds; page requests wait for a build in progress so nobody sees half a
draft. When a rebuild fails the last good draft stays on screen and the error, with
file and line, is shown above it. Editing actions post to ``/api/edit`` with a
per-session token and are written to editorial.yaml, which stays the single source of
truth; the rebuild that follows picks them up.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from digest.build import BuildOptions, IssueResult, run_issue
from digest.config import load_config
from digest.editorial import StoryEdit, load_plan, update_story_edits
from digest.errors import ConfigError, DigestError, TemplateError
from digest.preview_page import render_page

__all__ = ["PreviewServer", "PreviewState", "serve_preview", "start_preview"]

logger = logging.getLogger(__name__)

_WATCH_SECONDS = 0.3
_ALLOWED_EDITS = set(StoryEdit.model_fields)
_STORY_ID = re.compile(r"s-[0-9a-f]{12}")
# One request may reorder a whole topic; no page action needs more entries than this.
_MAX_EDITS = 200
_MAX_BODY = 100_000


@dataclass
class PreviewState:
    """What the page shows: the last good build, the last error and a version counter."""

    version: int = 0
    result: IssueResult | None = None
    error: str = ""
    # The editorial file and configured topics as of the last good build, for the page.
    edits: dict[str, StoryEdit] = field(default_factory=dict)
    topic_names: tuple[str, ...] = ()
    building: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _error_text(error: DigestError) -> str:
    if isinstance(error, ConfigError):
        return "\n".join(str(p) for p in error.problems)
    if isinstance(error, TemplateError):
        where = error.template + (f":{error.line}" if error.line else "")
        return f"{where}: {error.message}"
    return str(error)


class PreviewServer:
    """Builds drafts into ``out_dir`` and serves them; see :func:`start_preview`."""

    def __init__(
        self,
        config_path: Path,
        out_dir: Path,
        *,
        now: datetime | None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.config_path = config_path.resolve()
        self.out_dir = out_dir.resolve()
        self.now = now
        self.clock = clock or (lambda: datetime.now(UTC).replace(microsecond=0))
        self.token = secrets.token_urlsafe(24)
        self.state = PreviewState()
        self._stop = threading.Event()
        self._build_lock = threading.Lock()
        self.host, self.port = "127.0.0.1", 0  # set when the server is bound
        self._seen: dict[Path, int] = {}
        self._httpd: ThreadingHTTPServer | None = None

    # -- building ------------------------------------------------------------

    def rebuild(self) -> None:
        with self._build_lock:
            self._rebuild_locked()

    def _rebuild_locked(self) -> None:
        self.state.building.set()
        try:
            config = load_config(self.config_path)
            result = run_issue(
                config,
                BuildOptions(
                    out_dir=self.out_dir,
                    now=self.now or self.clock(),
                    fetch=False,
                    lock_wait_seconds=30,
                ),
            )
            edits = load_plan(config.editorial_path).stories
            with self.state.lock:
                self.state.result, self.state.error = result, ""
                self.state.edits = edits
                self.state.topic_names = tuple(t.name for t in config.topics)
                self.state.version += 1
        except DigestError as error:
            self._show_error(_error_text(error))
        except Exception as error:
            # Whatever goes wrong in one rebuild is shown in the page, and the watcher
            # keeps running: the next save gets a new build.
            logger.exception("preview rebuild failed")
            self._show_error(f"unexpected error: {type(error).__name__}: {error}")
        finally:
            self.state.building.clear()

    def _show_error(self, message: str) -> None:
        with self.state.lock:
            self.state.error = message
            self.state.version += 1

    def _watched(self) -> dict[Path, int]:
        paths: list[Path] = [self.config_path]
        try:
            config = load_config(self.config_path)
            paths.append(config.editorial_path)
            if config.templates_dir is not None and config.templates_dir.is_dir():
                paths.extend(p for p in config.templates_dir.rglob("*") if p.is_file())
        except ConfigError:
            pass
        stamps = {}
        for path in paths:
            try:
                stamps[path] = path.stat().st_mtime_ns
            except FileNotFoundError:
                stamps[path] = 0
        return stamps

    def _watch(self) -> None:
        while not self._stop.wait(_WATCH_SECONDS):
            # Checked under the build lock: an edit from the page rebuilds itself and
            # records the new file times, so the watcher does not build it again.
            with self._build_lock:
                current = self._watched()
                if current != self._seen:
                    self._seen = current
                    self._rebuild_locked()

    # -- serving -------------------------------------------------------------

    def start(self, host: str, port: int) -> str:
        with self._build_lock:
            self._seen = self._watched()
            self._rebuild_locked()
        handler = _handler_for(self)
        self._httpd = ThreadingHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        threading.Thread(target=self._watch, daemon=True).start()
        bound_host, bound_port = self._httpd.server_address[:2]
        self.host = bound_host.decode() if isinstance(bound_host, bytes) else str(bound_host)
        self.port = int(bound_port)
        return f"http://{self.host}:{self.port}/"

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def edit(self, edits: list[tuple[str, dict[str, Any]]]) -> None:
        """Write stories' edits to the editorial file in one go and rebuild before returning."""
        with self._build_lock:
            config = load_config(self.config_path)
            update_story_edits(config.editorial_path, edits)
            self._seen = self._watched()
            self._rebuild_locked()


def start_preview(
    config_path: Path,
    out_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    now: datetime | None = None,
) -> tuple[PreviewServer, str]:
    """Start the preview in background threads; returns the server and its URL."""
    server = PreviewServer(config_path, out_dir, now=now)
    return server, server.start(host, port)


def serve_preview(
    config_path: Path,
    out_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    now: datetime | None = None,
) -> None:
    """Run the preview until interrupted."""
    server, url = start_preview(config_path, out_dir, host=host, port=port, now=now)
    logger.info("preview at %s (Ctrl-C to stop)", url)
    try:
        while True:
            time.sleep(3600)
    finally:
        server.stop()


def _handler_for(server: PreviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            logger.debug("preview: " + format, *args)

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            # The page may reload before reading the answer; that is not an error.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def _is_ours(self) -> bool:
            """Refuse requests for another host name (DNS rebinding) or from another origin.

            A page on an attacker's site whose name is made to resolve to 127.0.0.1
            would otherwise read the draft and the token; the Host header gives it away.
            """
            port = server.port
            allowed = {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
            if server.host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
                allowed.add(f"{server.host}:{port}")
            if self.headers.get("Host", "") not in allowed:
                return False
            origin = self.headers.get("Origin")
            return origin is None or origin.removeprefix("http://") in allowed

        def do_GET(self) -> None:
            if not self._is_ours():
                self._send(HTTPStatus.FORBIDDEN, b"unknown host", "text/plain")
                return
            path = urlsplit(self.path).path
            # A page asked for while a build runs waits for it: nobody sees half a draft.
            deadline = time.monotonic() + 60
            while server.state.building.is_set() and time.monotonic() < deadline:
                time.sleep(0.05)
            if path == "/":
                self._send(HTTPStatus.OK, _page(server).encode(), "text/html; charset=utf-8")
            elif path == "/api/version":
                body = json.dumps({"version": server.state.version}).encode()
                self._send(HTTPStatus.OK, body, "application/json")
            elif path.startswith("/out/"):
                dark = urlsplit(self.path).query == "scheme=dark"
                self._serve_output(unquote(path[len("/out/") :]), dark=dark)
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

        def _serve_output(self, relative: str, *, dark: bool) -> None:
            target = (server.out_dir / relative).resolve()
            if not target.is_relative_to(server.out_dir) or not target.is_file():
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                return
            types = {
                ".html": "text/html; charset=utf-8",
                ".txt": "text/plain; charset=utf-8",
                ".json": "application/json",
                ".xml": "application/xml",
                ".eml": "message/rfc822",
            }
            body = target.read_bytes()
            if dark and target.suffix == ".html":
                body = _force_dark(body)
            self._send(HTTPStatus.OK, body, types.get(target.suffix, "application/octet-stream"))

        def do_POST(self) -> None:
            if not self._is_ours():
                self._send(HTTPStatus.FORBIDDEN, b"unknown host or origin", "text/plain")
                return
            if urlsplit(self.path).path != "/api/edit":
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                return
            # The token is only in the page we served; a cross-site form cannot read it, and
            # a JSON content type cannot be sent cross-site without a CORS preflight.
            if (
                self.headers.get("X-Digest-Token") != server.token
                or self.headers.get("Content-Type", "").split(";")[0] != "application/json"
            ):
                self._send(HTTPStatus.FORBIDDEN, b"missing or wrong token", "text/plain")
                return
            try:
                length = int(self.headers.get("Content-Length", "0") or 0)
                if not 0 < length <= _MAX_BODY:
                    raise ValueError(f"the body must be 1 to {_MAX_BODY} bytes")
                server.edit(_checked_edits(json.loads(self.rfile.read(length))))
            except (ValueError, KeyError, TypeError, DigestError) as exc:
                self._send(HTTPStatus.BAD_REQUEST, str(exc).encode(), "text/plain")
                return
            body = json.dumps({"version": server.state.version}).encode()
            self._send(HTTPStatus.OK, body, "application/json")

    return Handler


def _checked_edits(payload: Any) -> list[tuple[str, dict[str, Any]]]:
    """The edits of a request body, each checked before anything is written.

    The body is ``{"story": id, "changes": {...}}`` or ``{"edits": [that, ...]}``.
    Keys must be StoryEdit fields and values of the right JSON type (strictly: no
    "true" for true); null removes a key. Raises ValueError, KeyError or TypeError.
    """
    if not isinstance(payload, dict):
        raise TypeError("the body must be a JSON object")
    items = payload.get("edits", [payload])
    if not isinstance(items, list) or not 0 < len(items) <= _MAX_EDITS:
        raise ValueError(f"edits must be a list of 1 to {_MAX_EDITS} edits")
    edits = []
    for item in items:
        story_id, changes = item["story"], item["changes"]
        if not isinstance(story_id, str) or not _STORY_ID.fullmatch(story_id):
            raise ValueError(f"not a story id: {story_id!r}")
        if not isinstance(changes, dict) or not set(changes) <= _ALLOWED_EDITS:
            raise ValueError(f"unknown edit for {story_id}")
        present = {k: v for k, v in changes.items() if v is not None}
        StoryEdit.model_validate_json(json.dumps(present), strict=True)
        edits.append((story_id, changes))
    return edits


def _force_dark(html_bytes: bytes) -> bytes:
    """The email as a dark-mode reader sees it: its dark media query made unconditional.

    A frame cannot be told to prefer dark on its own, so the preview shows the email's
    own dark palette by turning ``prefers-color-scheme: dark`` into a query that always
    matches.
    """
    return html_bytes.replace(b"prefers-color-scheme: dark", b"min-width: 0px").replace(
        b"prefers-color-scheme:dark", b"min-width: 0px"
    )


def _page(server: PreviewServer) -> str:
    with server.state.lock:
        return render_page(
            token=server.token,
            version=server.state.version,
            error=server.state.error,
            result=server.state.result,
            out_dir=server.out_dir,
            edits=server.state.edits,
            topic_names=server.state.topic_names,
        )
