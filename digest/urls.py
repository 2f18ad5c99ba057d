"""URLs shared by fetching, storing and reporting: normalisation, spoofing, redaction.

Two links to the same article must compare equal, so the store can upsert on the
canonical URL: ``HTTP://Example.com:80/a?utm_source=x#top`` and
``http://example.com/a`` are one article.

A host that mixes scripts (``аррӏе.com``: Cyrillic letters that look Latin, under a
Latin ``.com``) is kept and shown in its ASCII (punycode) form, ``xn--80ak6aa92e.com``,
so a reader sees it is not ``apple.com``; see :func:`display_url`.

Credentials must never reach a log line, an error or a file (digest.json is published):
:func:`redact_url` masks the password of a URL and the values of query parameters that
carry secrets, and :func:`redact_secrets` does that to every URL (and every libpq
``password=`` pair) inside a text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import urljoin, urlsplit, urlunsplit

__all__ = [
    "REDACTED",
    "canonical_url",
    "display_url",
    "is_http_url",
    "reader_url",
    "redact_secrets",
    "redact_url",
    "url_date",
]

REDACTED = "***"

_DEFAULT_PORTS = {"http": 80, "https": 443}

# A path that dates its page, as most outlets' do: /2026/02/17/ or /2026/2/17/.
_PATH_DATE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$)")

# Click and campaign trackers: they never select content, and keeping them would
# split one article into as many rows as there are newsletters linking to it.
# Parameters that say where a reader came from, never which page: the ad and mail
# platforms' click ids, and what outlets add to their feeds' and share buttons' links
# (CBC's and the Guardian's "cmp=rss", Le Monde's "xtor", the BBC's "at_medium", the
# Times's "smid", MSN's "ocid", Yahoo's "guccounter").
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
     "mkt_tok", "_ga", "_gl", "cmp", "cmpid", "xtor", "ito", "smid", "ocid", "ncid",
     "mbid", "taid", "sr_share", "soc_src", "soc_trk", "wt.mc_id", "guccounter",
     "guce_referrer", "guce_referrer_sig", "at_medium", "at_campaign", "at_link",
     "at_format", "at_ptr_name", "at_link_origin", "at_link_type", "at_bbc_team"}
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "ns_")


# Query parameters whose values are secrets in the wild: private feed tokens, signed
# URLs, API keys. Matched case-insensitively on the whole name.
_SECRET_PARAMS = frozenset(
    {
        *("access_token", "api_key", "apikey", "auth", "auth_token", "client_secret", "key"),
        *("pass", "passwd", "password", "pwd", "secret", "sig", "signature", "token"),
        *("x-amz-signature", "x-goog-signature"),
    }
)
# A URL inside free text: scheme, "://", then anything up to whitespace or a quote.
_URL_IN_TEXT = re.compile(r"\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s\"'<>`]+")
# libpq keyword/value connection strings ("host=db password=secret").
_PASSWORD_PAIR = re.compile(r"\b(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)


def redact_url(url: str) -> str:
    """``url`` with its password and secret query values replaced by ``***``.

    ``postgresql://digest:pw@db/digest`` becomes ``postgresql://digest:***@db/digest``;
    ``https://x.org/feed?token=abc&page=2`` becomes ``https://x.org/feed?token=***&page=2``.
    The user information ends at the last ``@`` before the query, so a password with an
    unescaped ``/`` or ``@`` in it is masked whole too.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        return url
    head, mark, tail = _split_query(rest)
    userinfo, at, host = head.rpartition("@")
    user, colon, _password = userinfo.partition(":")
    if at and colon:
        head = f"{user}:{REDACTED}@{host}"
    if mark == "?":
        query, hash_mark, fragment = tail.partition("#")
        query = "&".join(_redact_param(piece) for piece in query.split("&"))
        tail = query + hash_mark + fragment
    return f"{scheme}://{head}{mark}{tail}"


def _split_query(rest: str) -> tuple[str, str, str]:
    """``rest`` split at the first "?" or "#": (before, the mark, after)."""
    for index, character in enumerate(rest):
        if character in "?#":
            return rest[:index], character, rest[index + 1 :]
    return rest, "", ""


def _redact_param(piece: str) -> str:
    name, equals, _value = piece.partition("=")
    if equals and name.lower() in _SECRET_PARAMS:
        return f"{name}={REDACTED}"
    return piece


def redact_secrets(text: str) -> str:
    """``text`` with every URL in it redacted (:func:`redact_url`) and ``password=`` masked."""
    if "://" not in text and "password" not in text.lower():
        return text
    text = _URL_IN_TEXT.sub(lambda match: redact_url(match.group(0)), text)
    return _PASSWORD_PAIR.sub(lambda match: match.group(1) + REDACTED, text)


# Scripts whose letters are written together in one name as a matter of course
# (Japanese mixes kanji and kana; Korean mixes hanja and hangul): one group each way.
_SCRIPT_GROUPS = {"CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


def _scripts(host: str) -> set[str]:
    """The scripts of the letters in ``host`` (digits, dots and hyphens have none)."""
    scripts = set()
    for character in host:
        if not unicodedata.category(character).startswith("L"):
            continue
        script = unicodedata.name(character, "UNKNOWN").split(" ", 1)[0]
        scripts.add(_SCRIPT_GROUPS.get(script, script))
    return scripts


def display_url(url: str) -> str:
    """``url`` with its host in punycode when the host's letters mix scripts.

    ``http://аррӏе.com/`` becomes ``http://xn--80ak6aa92e.com/``; ``https://münchen.de/``
    (Latin only) and ``https://пример.рф/`` (Cyrillic only) are left as they are. A
    mixed host that cannot be encoded gives "" (no link is better than a spoof).
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return url
    if host.isascii() or len(_scripts(host)) < 2:
        return url
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return ""
    userinfo, at, _ = parts.netloc.rpartition("@")
    port = f":{parts.port}" if parts.port is not None else ""
    netloc = f"{userinfo}{at}{ascii_host}{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


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
    parameters (``utm_*``, ``fbclid``, ``cmp``, ...: ``_TRACKING_PARAMS``), keeps the
    other parameters in their order and spelling, gives an empty path as ``/`` and a
    host that mixes scripts in punycode (:func:`display_url`).
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
    canonical = urlunsplit((scheme, netloc, parts.path or "/", _strip_tracking(parts.query), ""))
    return display_url(canonical) or canonical


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


def reader_url(url: str) -> str:
    """The address a reader should open for ``url``: an AMP copy's own page
    ("/nato-pact-signed/amp/" -> "/nato-pact-signed/", "?outputType=amp" or "?amp=1"
    dropped), else ``url`` as it is. Feeds link AMP copies; in an email they open a
    stripped page, and on a desktop a mobile one. The article keeps its stored address:
    this is how it is shown."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = _AMP_PATH.sub("/", parts.path) if parts.path != "/amp/" else parts.path
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece
        and piece.split("=", 1)[0].lower() not in _AMP_PARAMS
        and piece.lower() != "outputtype=amp"
    ]
    query = "&".join(kept)
    if path == parts.path and query == parts.query:
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


# "/amp" or "/amp/" ending a path; and the parameters that ask for the AMP copy.
_AMP_PATH = re.compile(r"/amp/?$")
_AMP_PARAMS = frozenset({"amp", "_amp"})


def url_date(url: str) -> date | None:
    """The day an article's address gives it (``/2026/02/17/``), or None."""
    match = _PATH_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:  # 31 February
        return None
