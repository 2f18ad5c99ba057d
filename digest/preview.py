"""The editors' preview: a local server that shows the draft and rebuilds on change.

One thread builds; page requests wait for a build in progress so nobody sees half a
draft. When a rebuild fails the last good draft stays on screen and the error, with
file and line, is shown above it. Editing actions post to ``/api/edit`` with a
per-session token and are written to editorial.yaml, which stays the single source of
truth; the rebuild that follows picks them up.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
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
from digest.editorial import StoryEdit, update_story_edit
from digest.errors import ConfigError, DigestError, TemplateError

__all__ = ["PreviewServer", "PreviewState", "serve_preview", "start_preview"]

logger = logging.getLogger(__name__)

_WATCH_SECONDS = 0.3
_ALLOWED_EDITS = set(StoryEdit.model_fields)


@dataclass
class PreviewState:
    """What the page shows: the last good build, the last error and a version counter."""

    version: int = 0
    result: IssueResult | None = None
    error: str = ""
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
            with self.state.lock:
                self.state.result, self.state.error = result, ""
                self.state.version += 1
        except DigestError as error:
            with self.state.lock:
                self.state.error = _error_text(error)
                self.state.version += 1
        finally:
            self.state.building.clear()

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
        host_text = bound_host.decode() if isinstance(bound_host, bytes) else bound_host
        return f"http://{host_text}:{bound_port}/"

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def edit(self, story_id: str, changes: dict[str, Any]) -> None:
        """Write one story's edit to the editorial file and rebuild before returning."""
        with self._build_lock:
            config = load_config(self.config_path)
            update_story_edit(config.editorial_path, story_id, changes)
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
    logger.warning("preview at %s (Ctrl-C to stop)", url)
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

        def do_GET(self) -> None:
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
            length = min(int(self.headers.get("Content-Length", "0") or 0), 100_000)
            try:
                payload = json.loads(self.rfile.read(length))
                story_id = str(payload["story"])
                changes = {k: v for k, v in dict(payload["changes"]).items()}
                if not set(changes) <= _ALLOWED_EDITS or not story_id.startswith("s-"):
                    raise ValueError("unknown edit")
                server.edit(story_id, changes)
            except (ValueError, KeyError, TypeError, DigestError) as exc:
                self._send(HTTPStatus.BAD_REQUEST, str(exc).encode(), "text/plain")
                return
            body = json.dumps({"version": server.state.version}).encode()
            self._send(HTTPStatus.OK, body, "application/json")

    return Handler


def _force_dark(html_bytes: bytes) -> bytes:
    """The email as a dark-mode reader sees it: its dark media query made unconditional.

    A frame cannot be told to prefer dark on its own, so the preview shows the email's
    own dark palette by turning ``prefers-color-scheme: dark`` into a query that always
    matches.
    """
    return html_bytes.replace(b"prefers-color-scheme: dark", b"min-width: 0px").replace(
        b"prefers-color-scheme:dark", b"min-width: 0px"
    )


_SCRIPT = """
const token = document.body.dataset.token;
let version = Number(document.body.dataset.version);
async function edit(story, changes) {
  const r = await fetch('/api/edit', {method: 'POST', headers: {'Content-Type':
    'application/json', 'X-Digest-Token': token}, body: JSON.stringify({story, changes})});
  if (!r.ok) { alert(await r.text()); return; }
  version = (await r.json()).version;
  location.reload();
}
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  const story = b.dataset.story, action = b.dataset.action;
  if (action === 'pin') edit(story, {pin: true});
  if (action === 'unpin') edit(story, {pin: null});
  if (action === 'drop') edit(story, {drop: true});
  if (action === 'restore') edit(story, {drop: null});
  if (action === 'take' || action === 'headline') {
    const box = document.getElementById(action + '-' + story);
    edit(story, {[action]: box.value.trim() || null});
  }
});
setInterval(async () => {
  try {
    const r = await fetch('/api/version');
    const v = (await r.json()).version;
    if (v !== version) location.reload();
  } catch (e) {}
}, 700);
"""

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111}
header{background:#111827;color:#fff;padding:10px 16px}
main{display:flex;gap:16px;padding:16px;flex-wrap:wrap}
section{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px #0002}
.error{background:#fee2e2;color:#7f1d1d;white-space:pre-wrap;font-family:monospace;padding:12px}
iframe{border:1px solid #ccc;background:#fff}
pre{white-space:pre-wrap;max-width:80ch}
.story{border-top:1px solid #ddd;padding:8px 0}
.why{color:#444;font-size:13px}
textarea{width:100%;min-height:3em}
"""


def _page(server: PreviewServer) -> str:
    with server.state.lock:
        result, error, version = server.state.result, server.state.error, server.state.version
    esc = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>digest preview</title>",
        f"<style>{_STYLE}</style></head>",
        f"<body data-token='{esc(server.token)}' data-version='{version}'>",
        "<header><strong>digest preview</strong></header>",
    ]
    if error:
        parts.append(
            f"<div class='error' id='build-error'>Build failed:\n{esc(error)}\n"
            "The last good draft is shown below.</div>"
        )
    if result is None:
        parts.append("<main><p>No draft yet.</p></main>")
    else:
        parts.append(_draft(result, server.out_dir))
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "".join(parts)


def _draft(result: IssueResult, out_dir: Path) -> str:
    esc = html.escape
    relative = result.path.relative_to(out_dir).as_posix()
    size = len(result.rendered.html.encode("utf-8"))
    src = f"/out/{relative}/email.html"
    frames = "".join(
        f"<figure><figcaption>{label}</figcaption><iframe title='{label}' src='{src}{query}' "
        f"width='{width}' height='900'></iframe></figure>"
        for label, width, query in (
            ("Phone, 375 px", 375, ""),
            ("Desktop, 600 px", 620, ""),
            ("Phone, dark", 375, "?scheme=dark"),
            ("Desktop, dark", 620, "?scheme=dark"),
        )
    )
    warnings = "".join(f"<li>{esc(w)}</li>" for w in result.issue.warnings) or "<li>none</li>"
    stories = []
    for topic in result.issue.topics:
        for story in topic.stories:
            take_state = story.take_origin.value
            stories.append(
                f"<div class='story' id='story-{esc(story.story_id)}'>"
                f"<strong>{esc(story.headline)}</strong> <code>{esc(story.story_id)}</code> "
                f"<span class='why'>{esc(topic.name)}; take: {esc(take_state)}</span><br>"
                f"<button data-action='pin' data-story='{esc(story.story_id)}'>Pin</button> "
                f"<button data-action='drop' data-story='{esc(story.story_id)}'>Drop</button>"
                f"<br><label>Headline <input id='headline-{esc(story.story_id)}' "
                f"value='{esc(story.headline)}'></label>"
                f"<button data-action='headline' data-story='{esc(story.story_id)}'>Save</button>"
                f"<br><label>Our take<textarea id='take-{esc(story.story_id)}'>"
                f"{esc(story.take)}</textarea></label>"
                f"<button data-action='take' data-story='{esc(story.story_id)}'>Save take</button>"
                "<ul>"
                + "".join(
                    f"<li>{esc(s.outlet)}: <a href='{esc(s.url)}'>{esc(s.title)}</a></li>"
                    for s in story.sources
                )
                + "</ul></div>"
            )
    left_out = (
        "".join(
            f"<li><code>{esc(story_id)}</code>: {esc(reason)}</li>"
            for story_id, reason in result.left_out
        )
        or "<li>none</li>"
    )
    return (
        "<main>"
        f"<section><h2>Inbox</h2><p><strong id='subject'>{esc(result.rendered.subject)}</strong>"
        f"<br><span id='preheader'>{esc(result.rendered.preheader)}</span></p>"
        f"<p id='size'>HTML size: {size / 1024:.1f} KB of Gmail's 102 KB limit</p>"
        f"<h3>Warnings</h3><ul id='warnings'>{warnings}</ul>"
        f"<h3>Stories</h3>{''.join(stories)}"
        f"<h3>Left out</h3><ul>{left_out}</ul></section>"
        f"<section><h2>Email</h2>{frames}</section>"
        f"<section><h2>Plain text</h2><pre id='text'>{esc(result.rendered.text)}</pre></section>"
        "</main>"
    )
