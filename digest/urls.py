"""URL normalisation shared by fetching and storing.

Two links to the same article must compare equal, so the store can upsert on the
canonical URL: ``HTTP://Example.com:80/a?utm_source=x#top`` and
``http://example.com/a`` are one article.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

__all__ = ["canonical_url", "is_http_url"]

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Click and campaign trackers: they never select content, and keeping them would
# split one article into as many rows as there are newsletters linking to it.
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid"})
_TRACKING_PREFIXES = ("utm_",)


def is_http_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        has_host = bool(parts.hostname)
    except ValueError:  # e.g. "http://[::1" (unbalanced bracket)
        return False
    return parts.scheme.lower() in _DEFAULT_PORTS and has_host


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of ``url``, resolved against ``base`` when relative.

    Lower-cases scheme and host, drops the default port, the fragment and tracking
    parameters (``utm_*``, ``fbclid``, ``gclid``, ``mc_cid``, ``mc_eid``), keeps the
    other parameters in their order and spelling, and gives an empty path as ``/``.
    Non-http(s) URLs come back resolved and stripped of their fragment only. A URL
    that cannot be parsed comes back stripped of surrounding whitespace.
    """
    text = url.strip()
    if base:
        text = urljoin(base.strip(), text)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # bad port or bracket: leave it for is_http_url to reject
        return text
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    netloc = _canonical_netloc(parts.netloc, parts.hostname or "", port, scheme)
    return urlunsplit((scheme, netloc, parts.path or "/", _strip_tracking(parts.query), ""))


def _canonical_netloc(netloc: str, host: str, port: int | None, scheme: str) -> str:
    userinfo, _, _ = netloc.rpartition("@")
    # urlsplit drops the brackets of an IPv6 literal; put them back.
    hostpart = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        hostpart += f":{port}"
    return f"{userinfo}@{hostpart}" if userinfo else hostpart


def _strip_tracking(query: str) -> str:
    # Filter the raw "a=1&b=2" pieces instead of parse_qsl/urlencode so the kept
    # parameters keep their exact percent-encoding (re-encoding would change keys).
    kept = []
    for piece in query.split("&"):
        if not piece:
            continue
        name = piece.split("=", 1)[0].lower()
        if name in _TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES):
            continue
        kept.append(piece)
    return "&".join(kept)
