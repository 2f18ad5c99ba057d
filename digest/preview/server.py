"""The editors' preview: a small local web app that shows the draft and rebuilds on change.

Three kinds of thread, none of which polls:

* **the builder** waits for a build request, builds the draft with ``run_issue`` and
  tells everyone waiting. Requests that arrive during a build are coalesced into the
  next one, so ten quick edits cost two builds, not ten;
* **the watcher** (``watchfiles``, inotify on Linux) asks for a build when feeds.yaml,
  editorial.yaml or a template override changes. The config is read again only when
  feeds.yaml changed; a change the last build already saw (the preview's own edit)
  asks for nothing;
* **request handlers**: a page asked for while a build runs waits for it (nobody sees
  half a draft); ``/events`` pushes each new draft version to the page (server-sent
  events), which reloads once.

When a build fails the last good draft stays and the error, with file and line, is
shown above it. Edits post to ``/api/edit`` with a per-session token and go to
editorial.yaml (``update_story_edits`` locks it across processes), which stays the
single source of truth. Every answer forbids framing by other sites.
"""

from __future__ import annotations

import difflib
import json
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import watchfiles
from pydantic import ValidationError

from digest.build import BuildOptions, IssueResult, run_issue
from digest.config import Config, load_config
from digest.config_yaml import validation_problems
from digest.editorial import StoryEdit, load_plan
from digest.editorial_edits import update_story_edits
from digest.errors import ConfigError, DigestError, IssueSentError, TemplateError
from digest.ids import is_story_id
from digest.preview.http import serve_http
from digest.preview.page import render_page
from digest.signals import StopSignals, start_thread

__all__ = ["PreviewServer", "PreviewState", "checked_edits", "serve_preview", "start_preview"]

logger = logging.getLogger(__name__)

_ALLOWED_EDITS = set(StoryEdit.model_fields)
# One request may reorder a whole topic; no page action needs more entries than this.
_MAX_EDITS = 200
# A page (or an edit) waits at most this long for a build; a build of a big week takes
# a few seconds, so this only bounds a stuck one.
_BUILD_WAIT_SECONDS = 120.0
# Changes within this many milliseconds come as one batch (an editor saving several
# files, or an editor's save-by-rename).
_DEBOUNCE_MS = 300


@dataclass
class PreviewState:
    """What the page shows: the last good build, the last error and a version counter."""

    version: int = 0
    result: IssueResult | None = None
    error: str = ""
    # The editorial file and configured topics as of the last good build, for the page.
    edits: dict[str, StoryEdit] = field(default_factory=dict)
    topic_names: tuple[str, ...] = ()


def _error_text(error: DigestError) -> str:
    if isinstance(error, ConfigError):
        return "\n".join(str(p) for p in error.problems)
    if isinstance(error, TemplateError):
        where = error.template + (f":{error.line}" if error.line else "")
        return f"{where}: {error.message}"
    if isinstance(error, IssueSentError):
        # The preview has no --force: the way on is another folder.
        return f"{error.message} Preview the draft in another folder: digest preview --out drafts."
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
        self.host, self.port = "127.0.0.1", 0  # set when the server is bound
        # Guards everything below and ``state``; waiters sleep on it, never in a loop.
        self._changed = threading.Condition()
        self._requested = 0  # build requests so far
        self._started = 0  # the request count the current (or last) build started at
        self._finished = 0  # the request count the last finished build started at
        self._is_building = False
        self._is_stopping = False
        self._config: Config | None = None
        self._config_error = ""
        self._seen: tuple[tuple[str, int, int], ...] = ()  # files as the last build saw them
        self._stop_watching = threading.Event()
        self._threads: list[threading.Thread] = []
        self._http: Any = None

    # -- building ------------------------------------------------------------------

    def request_build(self) -> int:
        """Ask the builder for a build; returns the request number to wait for."""
        with self._changed:
            self._requested += 1
            self._changed.notify_all()
            return self._requested

    def wait_built(self, request: int, timeout: float = _BUILD_WAIT_SECONDS) -> None:
        """Wait until a build started after ``request`` was made has finished."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._finished >= request or self._is_stopping, timeout=timeout
            )

    def rebuild(self) -> None:
        """Build now and wait for it (tests and the first build use this)."""
        self.wait_built(self.request_build())

    def wait_idle(self, timeout: float = _BUILD_WAIT_SECONDS) -> None:
        """Wait while a build runs, so a page never shows a draft about to be replaced."""
        with self._changed:
            self._changed.wait_for(
                lambda: not self._is_building or self._is_stopping, timeout=timeout
            )

    @property
    def is_stopping(self) -> bool:
        return self._is_stopping

    def wait_version(self, seen: int, timeout: float) -> int:
        """The version once it differs from ``seen`` (or after ``timeout``)."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.state.version != seen or self._is_stopping, timeout=timeout
            )
            return self.state.version

    def _build_loop(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._requested > self._started or self._is_stopping)
                if self._is_stopping:
                    return
                self._started = self._requested
                self._is_building = True
                started = self._started
            try:
                self._build_once()
            finally:
                with self._changed:
                    self._finished = started
                    self._is_building = False
                    self._changed.notify_all()

    def _build_once(self) -> None:
        self._seen = self._fingerprint()
        try:
            config = self._current_config()
            options = BuildOptions(
                out_dir=self.out_dir,
                now=self.now or self.clock(),
                fetch=False,
                lock_wait_seconds=30,
                command="",  # rebuilds are not runs an operator looks for
            )
            result = run_issue(config, options)
            edits = load_plan(config.editorial_path).stories
        except DigestError as error:
            # In the terminal too: an editor who keeps it in view sees the typo at once.
            logger.warning("preview not rebuilt: %s", _error_text(error))
            self._show(error=_error_text(error))
            return
        except Exception as error:
            # Whatever goes wrong in one build is shown in the page, and the watcher
            # keeps running: the next save gets a new build.
            logger.exception("preview rebuild failed")
            self._show(error=f"unexpected error: {type(error).__name__}: {error}")
            return
        with self._changed:
            unchanged = _same_empty_draft(self.state.result, result) and not self.state.error
            self.state.result, self.state.error = result, ""
            self.state.edits = edits
            self.state.topic_names = tuple(t.name for t in config.topics)
            if not unchanged:  # an empty draft rebuilt on a page load reloads nothing
                self.state.version += 1

    def _show(self, *, error: str) -> None:
        with self._changed:
            self.state.error = error
            self.state.version += 1

    def _current_config(self) -> Config:
        """The config, read again only after feeds.yaml changed (or failed to load)."""
        if self._config is None:
            try:
                self._config = load_config(self.config_path)
            except ConfigError:
                self._config = None
                raise
        return self._config

    # -- watching ------------------------------------------------------------------

    def _watched(self) -> tuple[Path, Path | None, Path | None]:
        """feeds.yaml, editorial.yaml and the template override directory."""
        try:
            config = self._current_config()
        except ConfigError:
            return self.config_path, None, None
        templates = config.templates_dir
        return (
            self.config_path,
            config.editorial_path.resolve(),
            (templates.resolve() if templates is not None else None),
        )

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Modification time and size of every watched file, to spot our own changes."""
        config, editorial, templates = self._watched()
        files = [config, *([editorial] if editorial else [])]
        if templates is not None and templates.is_dir():
            files.extend(p for p in templates.rglob("*") if p.is_file())
        stamps = []
        for path in sorted(files):
            try:
                stat = path.stat()
            except OSError:
                continue
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(stamps)

    def _watch_loop(self) -> None:
        while not self._stop_watching.is_set():
            config, editorial, templates = self._watched()
            roots = {config.parent}
            if editorial is not None:
                roots.add(editorial.parent)
            if templates is not None:
                roots.add(templates if templates.is_dir() else templates.parent)

            for changes in watchfiles.watch(
                *sorted(roots),
                watch_filter=_relevant_to(config, editorial, templates),
                debounce=_DEBOUNCE_MS,
                stop_event=self._stop_watching,
                recursive=True,
            ):
                config_changed = any(Path(path) == config for _, path in changes)
                if config_changed:
                    self._config = None  # read again; the watched paths may move
                if self._fingerprint() != self._seen:
                    self.request_build()
                if config_changed:
                    break  # start again with the new config's paths

    # -- serving -------------------------------------------------------------------

    def start(self, host: str, port: int) -> str:
        self._threads.append(start_thread(self._build_loop, name="preview-build"))
        self.rebuild()
        self._http = serve_http(self, host, port)
        bound_host, bound_port = self._http.server_address[:2]
        self.host = bound_host.decode() if isinstance(bound_host, bytes) else str(bound_host)
        self.port = int(bound_port)
        self._threads.append(start_thread(self._watch_loop, name="preview-watch"))
        return f"http://{self.host}:{self.port}/"

    def stop(self) -> None:
        self._stop_watching.set()
        with self._changed:
            self._is_stopping = True
            self._changed.notify_all()
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
        for thread in self._threads:
            thread.join(timeout=10)

    def edit(self, edits: list[tuple[str, dict[str, Any]]]) -> int:
        """Write stories' edits to the editorial file, then wait for a build that has
        them; returns the draft's version. Raises ValueError for a move to a topic that
        is neither configured nor a section of the draft: written, it would stop every
        build until an editor took it out of the file by hand."""
        config = self._current_config()
        with self._changed:
            result = self.state.result
            known = {t.name for t in config.topics} | (
                {t.name for t in result.issue.topics} if result is not None else set()
            )
        for story_id, changes in edits:
            topic = changes.get("topic")
            if topic is not None and topic not in known:
                guess = difflib.get_close_matches(str(topic), sorted(known), n=1)
                hint = f' Did you mean "{guess[0]}"?' if guess else ""
                raise ValueError(
                    f'{story_id}: no topic "{topic}" in {self.config_path.name} or in this '
                    f"draft.{hint} Known topics: {', '.join(sorted(known))}."
                )
        update_story_edits(config.editorial_path, edits)
        self.wait_built(self.request_build())
        return self.state.version

    def page(self) -> str:
        result = self.state.result
        if result is not None and not result.is_written:
            # The store is not watched: a page load after `digest fetch` builds again.
            self.rebuild()
        self.wait_idle()
        with self._changed:
            return render_page(
                token=self.token,
                version=self.state.version,
                error=self.state.error,
                result=self.state.result,
                out_dir=self.out_dir,
                edits=self.state.edits,
                topic_names=self.state.topic_names,
                config_name=self.config_path.name,
            )


def _same_empty_draft(before: IssueResult | None, after: IssueResult) -> bool:
    """Both builds printed nothing, for the same reasons: the page need not reload."""
    return (
        before is not None
        and not before.is_written
        and not after.is_written
        and before.outcome is after.outcome
        and before.issue.problems == after.issue.problems
    )


def _relevant_to(
    config: Path, editorial: Path | None, templates: Path | None
) -> Callable[[watchfiles.Change, str], bool]:
    """A watchfiles filter: the config, the editorial file, files under the templates."""

    def relevant(_change: watchfiles.Change, path: str) -> bool:
        changed = Path(path)
        return changed in (config, editorial) or (
            templates is not None and changed.is_relative_to(templates)
        )

    return relevant


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
) -> int:
    """Run the preview until Ctrl-C or SIGTERM; returns that signal's number."""
    with StopSignals() as stop:
        server, url = start_preview(config_path, out_dir, host=host, port=port, now=now)
        logger.info("preview at %s (Ctrl-C to stop)", url)
        try:
            return stop.wait()
        finally:
            server.stop()


def checked_edits(payload: Any) -> list[tuple[str, dict[str, Any]]]:
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
        if not isinstance(story_id, str) or not is_story_id(story_id):
            raise ValueError(f"not a story id: {story_id!r}")
        if not isinstance(changes, dict) or not set(changes) <= _ALLOWED_EDITS:
            raise ValueError(f"unknown edit for {story_id}")
        present = {k: v for k, v in changes.items() if v is not None}
        try:
            StoryEdit.model_validate_json(json.dumps(present), strict=True)
        except ValidationError as exc:
            # pydantic's own text speaks Python and links its docs; say it as the file does.
            problems = validation_problems(exc, present, story_id, StoryEdit)
            told = [f"{story_id} {p.key}: {p.message.removesuffix('.')}" for p in problems]
            raise ValueError("; ".join(told) + ".") from None
        edits.append((story_id, changes))
    return edits
