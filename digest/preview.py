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
from digest.cluster import story_id_for
from digest.config import load_config
from digest.editorial import StoryEdit, load_editorial, update_story_edits
from digest.errors import ConfigError, DigestError, TemplateError
from digest.models import Story, StorySummary, TopicSection

__all__ = ["PreviewServer", "PreviewState", "serve_preview", "start_preview"]

logger = logging.getLogger(__name__)

_WATCH_SECONDS = 0.3
_ALLOWED_EDITS = set(StoryEdit.model_fields)
_STORY_ID = re.compile(r"s-[0-9a-f]{12}")
# One request may reorder a whole topic; no page action needs more entries than this.
_MAX_EDITS = 200


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
            edits = load_editorial(config.editorial_path).stories
            with self.state.lock:
                self.state.result, self.state.error = result, ""
                self.state.edits = edits
                self.state.topic_names = tuple(t.name for t in config.topics)
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


_SCRIPT = """
const token = document.body.dataset.token;
let version = Number(document.body.dataset.version);
async function post(body) {
  const r = await fetch('/api/edit', {method: 'POST', headers: {'Content-Type':
    'application/json', 'X-Digest-Token': token}, body: JSON.stringify(body)});
  if (!r.ok) { alert(await r.text()); return; }
  version = (await r.json()).version;
  location.reload();
}
function field(action, story) { return document.getElementById(action + '-' + story); }
function lines(text) { return text.split('\\n').map((l) => l.trim()).filter((l) => l); }
const readers = {
  take: (box) => box.value.trim() || null,
  headline: (box) => box.value.trim() || null,
  briefly: (box) => box.value.trim() || null,
  topic: (box) => box.value || null,
  merge_into: (box) => box.value || null,
  also_worth_noting: (box) => lines(box.value).length ? lines(box.value) : null,
  perspectives: (box) => {
    const items = lines(box.value).map((l) => {
      const at = l.indexOf(':');
      if (at < 1) throw new Error('Write each perspective as "Who: what they say".');
      return {who: l.slice(0, at).trim(), says: l.slice(at + 1).trim()};
    });
    return items.length ? items : null;
  },
};
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  const story = b.dataset.story;
  if (b.dataset.edits) return post({edits: JSON.parse(b.dataset.edits)});
  if (b.dataset.changes) return post({story, changes: JSON.parse(b.dataset.changes)});
  const key = b.dataset.field;
  let value;
  try { value = readers[key](field(key, story)); } catch (err) { alert(err.message); return; }
  if (key === 'merge_into' && !value) return;
  post({story, changes: {[key]: value}});
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
section.panel{max-width:44em}
.error{background:#fee2e2;color:#7f1d1d;white-space:pre-wrap;font-family:monospace;padding:12px}
iframe{border:1px solid #ccc;background:#fff}
pre{white-space:pre-wrap;max-width:80ch}
.story{border-top:1px solid #ddd;padding:8px 0}
.why,.members{color:#444;font-size:13px}
textarea{width:100%;min-height:3em}
input[type=text]{width:70%}
details{margin:4px 0}
"""


def _page(server: PreviewServer) -> str:
    with server.state.lock:
        result, error, version = server.state.result, server.state.error, server.state.version
        edits, topic_names = server.state.edits, server.state.topic_names
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
        view = _View.of(result, edits, topic_names)
        parts.append(_draft(result, server.out_dir, view))
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "".join(parts)


@dataclass(frozen=True)
class _View:
    """What the editing panel needs besides the issue: current edits and the clustering."""

    edits: dict[str, StoryEdit]
    clustered: dict[str, Story]
    topic_names: tuple[str, ...]
    headlines: tuple[tuple[str, str], ...]  # (story id, headline) of the issue's stories

    @classmethod
    def of(
        cls, result: IssueResult, edits: dict[str, StoryEdit], configured: tuple[str, ...]
    ) -> _View:
        names = dict.fromkeys([*(t.name for t in result.issue.topics), *configured])
        return cls(
            edits=edits,
            clustered={s.id: s for s in result.stories},
            topic_names=tuple(names),
            headlines=tuple((s.story_id, s.headline) for s in result.issue.stories),
        )

    def edit(self, story_id: str) -> StoryEdit:
        return self.edits.get(story_id, StoryEdit())


def _button(label: str, action: str, story_id: str, **data: Any) -> str:
    """A button the page script posts: ``changes``/``edits`` as JSON, or ``field`` to read."""
    attributes = "".join(
        f" data-{name}='{html.escape(value if isinstance(value, str) else json.dumps(value))}'"
        for name, value in data.items()
    )
    return (
        f"<button type='button' data-action='{action}' data-story='{html.escape(story_id)}'"
        f"{attributes}>{html.escape(label)}</button>"
    )


def _draft(result: IssueResult, out_dir: Path, view: _View) -> str:
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
    stories = "".join(
        _story_panel(topic, index, view)
        for topic in result.issue.topics
        for index in range(len(topic.stories))
    )
    return (
        "<main>"
        f"<section class='panel'><h2>Inbox</h2>"
        f"<p><strong id='subject'>{esc(result.rendered.subject)}</strong>"
        f"<br><span id='preheader'>{esc(result.rendered.preheader)}</span></p>"
        f"<p id='size'>HTML size: {size / 1024:.1f} KB of Gmail's 102 KB limit</p>"
        f"<h3>Warnings</h3><ul id='warnings'>{warnings}</ul>"
        f"<h3>Stories</h3>{stories}"
        f"<h3>Left out</h3><ul id='left-out'>{_left_out(result, view)}</ul></section>"
        f"<section><h2>Email</h2>{frames}</section>"
        f"<section><h2>Plain text</h2><pre id='text'>{esc(result.rendered.text)}</pre></section>"
        "</main>"
    )


def _story_panel(topic: TopicSection, index: int, view: _View) -> str:
    esc = html.escape
    story = topic.stories[index]
    story_id = story.story_id
    edit = view.edit(story_id)
    clustered = view.clustered.get(story_id)
    why = clustered.why if clustered is not None else ""
    pin = (
        _button("Unpin", "unpin", story_id, changes={"pin": None})
        if edit.pin
        else _button("Pin", "pin", story_id, changes={"pin": True})
    )
    return (
        f"<div class='story' id='story-{esc(story_id)}'>"
        f"<strong>{esc(story.headline)}</strong> <code>{esc(story_id)}</code> "
        f"<span class='why'>{esc(topic.name)}; {esc(story.status.value)}; "
        f"take: {esc(story.take_origin.value)}</span>"
        f"<div class='why' id='why-{esc(story_id)}'>In because: {esc(why or 'not recorded')}</div>"
        f"{pin} {_button('Drop', 'drop', story_id, changes={'drop': True})} "
        f"{_move_buttons(topic, index, view)}"
        f"<br>{_topic_select(story_id, topic.name, edit, view)} "
        f"{_merge_select(story_id, view)}"
        f"{_members(story, clustered, view)}"
        f"{_text_fields(story, edit)}"
        "</div>"
    )


def _move_buttons(topic: TopicSection, index: int, view: _View) -> str:
    """Up and Down: write ``order`` 1..n for the whole topic, with two stories swapped.

    Pinned stories sort before the rest whatever their order, so a story only moves
    past a neighbour with the same pin state.
    """
    ids = [s.story_id for s in topic.stories]
    buttons = []
    for label, action, other in (("Up", "up", index - 1), ("Down", "down", index + 1)):
        if not 0 <= other < len(ids) or view.edit(ids[index]).pin != view.edit(ids[other]).pin:
            buttons.append(f"<button type='button' disabled>{label}</button>")
            continue
        swapped = list(ids)
        swapped[index], swapped[other] = swapped[other], swapped[index]
        edits = [
            {"story": sid, "changes": {"order": position}}
            for position, sid in enumerate(swapped, start=1)
        ]
        buttons.append(_button(label, action, ids[index], edits=edits))
    return " ".join(buttons)


def _topic_select(story_id: str, current: str, edit: StoryEdit, view: _View) -> str:
    esc = html.escape
    options = ["<option value=''>(as grouped)</option>"] + [
        f"<option value='{esc(name)}'{' selected' if name == edit.topic else ''}>"
        f"{esc(name)}</option>"
        for name in view.topic_names
    ]
    return (
        f"<label>Topic <select id='topic-{esc(story_id)}'>{''.join(options)}</select></label>"
        + _button("Move", "topic", story_id, field="topic")
    )


def _merge_select(story_id: str, view: _View) -> str:
    esc = html.escape
    others = [(i, h) for i, h in view.headlines if i != story_id]
    if not others:
        return ""
    options = ["<option value=''>(choose a story)</option>"] + [
        f"<option value='{esc(i)}'>{esc(h[:70])} ({esc(i)})</option>" for i, h in others
    ]
    return (
        f"<label>Merge into <select id='merge_into-{esc(story_id)}'>"
        f"{''.join(options)}</select></label>"
        + _button("Merge", "merge", story_id, field="merge_into")
    )


def _members(story: StorySummary, clustered: Story | None, view: _View) -> str:
    """The story's articles, with a Split out button for each but the one giving its id."""
    esc = html.escape
    if clustered is None:
        return ""
    split = list(view.edit(story.story_id).split)
    items = []
    for article in clustered.articles:
        button = ""
        if len(clustered.articles) > 1 and story_id_for(article.url) != story.story_id:
            button = " " + _button(
                "Split out", "split", story.story_id, changes={"split": [*split, article.url]}
            )
        items.append(
            f"<li>{esc(article.outlet)}: <a href='{esc(article.url)}'>{esc(article.title)}</a> "
            f"<time>{article.published.strftime('%Y-%m-%d %H:%M UTC')}</time>{button}</li>"
        )
    items.extend(_put_back(story.story_id, view))
    return f"<ul class='members' id='members-{esc(story.story_id)}'>{''.join(items)}</ul>"


def _put_back(story_id: str, view: _View) -> list[str]:
    """For a story the editors split out: a button removing it from its origin's split."""
    items = []
    for origin, edit in sorted(view.edits.items()):
        for url in edit.split:
            if story_id_for(url) == story_id:
                rest = [u for u in edit.split if u != url] or None
                button = _button(
                    f"Put back into {origin}", "unsplit", origin, changes={"split": rest}
                )
                items.append(f"<li>split out of <code>{html.escape(origin)}</code> {button}</li>")
    return items


def _text_fields(story: StorySummary, edit: StoryEdit) -> str:
    esc = html.escape
    story_id = esc(story.story_id)
    perspectives = "\n".join(f"{p.who}: {p.says}" for p in story.perspectives)
    notes = "\n".join(s.text for s in story.also_worth_noting)
    fields = [
        f"<label>Headline <input type='text' id='headline-{story_id}' "
        f"value='{esc(story.headline)}'></label>"
        + _button("Save", "headline", story.story_id, field="headline"),
        f"<label>Our take<textarea id='take-{story_id}'>{esc(story.take)}</textarea></label>"
        + _button("Save take", "take", story.story_id, field="take"),
    ]
    for key, label, text, is_set in (
        ("briefly", "Briefly", story.briefly_text, edit.briefly is not None),
        (
            "perspectives",
            "Perspectives (Who: what they say)",
            perspectives,
            edit.perspectives is not None,
        ),
        (
            "also_worth_noting",
            "Also worth noting (one per line)",
            notes,
            edit.also_worth_noting is not None,
        ),
    ):
        state = " (edited; empty it and save to restore)" if is_set else ""
        fields.append(
            f"<details><summary>{esc(label)}{state}</summary>"
            f"<textarea id='{key}-{story_id}'>{esc(text)}</textarea>"
            + _button(f"Save {label.split(' (')[0]}", key, story.story_id, field=key)
            + "</details>"
        )
    return "".join(f"<div>{f}</div>" for f in fields)


def _left_out(result: IssueResult, view: _View) -> str:
    """Stories not in the issue and why, with the button that undoes an editor's choice."""
    esc = html.escape
    items = []
    for story_id, reason in result.left_out:
        edit = view.edit(story_id)
        clustered = view.clustered.get(story_id)
        title = f"{esc(clustered.articles[0].title)} " if clustered else ""
        button = ""
        if edit.drop:
            button = _button("Restore", "restore", story_id, changes={"drop": None})
        elif edit.merge_into:
            button = _button("Unmerge", "unmerge", story_id, changes={"merge_into": None})
        items.append(
            f"<li id='left-{esc(story_id)}'>{title}<code>{esc(story_id)}</code>: "
            f"{esc(reason)} {button}</li>"
        )
    return "".join(items) or "<li>none</li>"
