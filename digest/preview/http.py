"""The preview's HTTP side: routes, the checks every request passes, and security headers.

Routes: ``/`` the page, ``/static/*`` its script and style, ``/events`` the draft's
version as server-sent events, ``/out/*`` the built files (``?scheme=dark`` shows an
email's dark palette), ``POST /api/edit`` an edit.

Every answer carries a Content-Security-Policy and X-Frame-Options: the page cannot be
framed by another site (a click in a frame would post a real edit), runs only its own
script file, and the built emails it frames run no script at all.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import logging
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from digest.errors import DeliveryError, DigestError
from digest.signals import start_thread

if TYPE_CHECKING:
    from digest.preview.server import PreviewServer

__all__ = ["PAGE_POLICY", "port_in_use", "serve_http"]

logger = logging.getLogger(__name__)

_MAX_BODY = 100_000
# The page: its own script and style files only, frames of its own /out/ files, fetch
# and events to itself; nobody may frame it.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: http: https:; "
    "frame-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
# A built email or archive page, shown in the page's frames: its inline styles and remote
# images as a mail client would show them, never a script, framed only by the preview.
_OUTPUT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'self'"
)
# Seconds between keep-alive comments on an idle event stream.
_EVENT_PING_SECONDS = 15.0
_OUTPUT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".eml": "message/rfc822",
}
_STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def serve_http(server: PreviewServer, host: str, port: int) -> ThreadingHTTPServer:
    """Bind ``host:port`` and serve ``server`` from a background thread."""
    try:
        httpd = ThreadingHTTPServer((host, port), _handler_for(server))
    except OSError as exc:
        raise DeliveryError(
            f"{host}:{port}: cannot serve the preview: {exc.strerror or exc}",
            path=f"{host}:{port}",
            hint="Pass another --port (or stop the process using this one).",
        ) from exc
    httpd.daemon_threads = True
    start_thread(httpd.serve_forever, name="preview-http")
    return httpd


def port_in_use(host: str, port: int) -> str:
    """Why ``host:port`` cannot be listened on ("" when it can), checked by binding it.

    Checked before the first build, so a busy port is reported at once, not after it.
    """
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As the server binds (ThreadingHTTPServer sets SO_REUSEADDR): a port left in
        # TIME_WAIT by a preview just stopped is free, one being listened on is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return ""


def _handler_for(server: PreviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            logger.debug("preview: " + format, *args)

        def _headers(self, status: int, content_type: str, *, policy: str = PAGE_POLICY) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", policy)
            frame = "SAMEORIGIN" if policy is _OUTPUT_POLICY else "DENY"
            self.send_header("X-Frame-Options", frame)
            self.send_header("Referrer-Policy", "no-referrer")

        def _send(
            self, status: int, body: bytes, content_type: str, *, policy: str = PAGE_POLICY
        ) -> None:
            self._headers(status, content_type, policy=policy)
            self.send_header("Content-Length", str(len(body)))
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
            if path == "/":
                page = server.page().encode("utf-8")
                self._send(HTTPStatus.OK, page, "text/html; charset=utf-8")
            elif path == "/events":
                self._stream_versions()
            elif path.startswith("/static/"):
                self._serve_static(path[len("/static/") :])
            elif path.startswith("/out/"):
                dark = urlsplit(self.path).query == "scheme=dark"
                server.wait_idle()
                self._serve_output(unquote(path[len("/out/") :]), dark=dark)
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

        def _stream_versions(self) -> None:
            """Server-sent events: the draft's version now, then each new one."""
            self._headers(HTTPStatus.OK, "text/event-stream")
            self.end_headers()
            seen = -1
            try:
                while True:
                    version = server.wait_version(seen, timeout=_EVENT_PING_SECONDS)
                    if server.is_stopping:
                        return
                    if version == seen:
                        self.wfile.write(b": keep-alive\n\n")
                    else:
                        self.wfile.write(f"event: version\ndata: {version}\n\n".encode())
                        seen = version
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return  # the page went away (a reload); its next load opens a new stream

        def _serve_static(self, name: str) -> None:
            suffix = "." + name.rpartition(".")[2]
            resource = importlib.resources.files("digest.preview") / "static" / name
            if "/" in name or suffix not in _STATIC_TYPES or not resource.is_file():
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                return
            self._send(HTTPStatus.OK, resource.read_bytes(), _STATIC_TYPES[suffix])

        def _serve_output(self, relative: str, *, dark: bool) -> None:
            target = (server.out_dir / relative).resolve()
            if not target.is_relative_to(server.out_dir) or not target.is_file():
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                return
            body = target.read_bytes()
            if dark and target.suffix == ".html":
                body = _force_dark(body)
            content_type = _OUTPUT_TYPES.get(target.suffix, "application/octet-stream")
            self._send(HTTPStatus.OK, body, content_type, policy=_OUTPUT_POLICY)

        def do_POST(self) -> None:
            from digest.preview.server import checked_edits

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
                version = server.edit(checked_edits(json.loads(self.rfile.read(length))))
            except (ValueError, KeyError, TypeError, DigestError) as exc:
                self._send(HTTPStatus.BAD_REQUEST, str(exc).encode(), "text/plain")
                return
            body = json.dumps({"version": version}).encode()
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
