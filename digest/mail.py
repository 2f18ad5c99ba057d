"""The email message (``email.eml``): headers that feed text can only ever be encoded into.

The subject carries the lead story's headline, which comes from a feed. Several
CPython releases (3.11 before 3.11.10, 3.12 before 3.12.5) decode an RFC 2047 encoded
word in a header *value* (``=?utf-8?q?x=0D=0ABcc:_v@evil.test?=``) into real CR/LF and
then write it out raw, so a headline could add headers or replace the body
(CVE-2024-6923). This module does not rely on the standard library being fixed:

- :func:`header_text` removes every control, line and bidi character and breaks up
  ``=?``, so no header parser finds an encoded word or a line break to decode;
- :func:`build_message` sets each header from such text only, and
- re-parses the bytes it made and raises DeliveryError unless they hold exactly the
  headers it set (one Subject saying what it was given) and the two body parts.

Standard library only (plus :mod:`digest.errors`), so the header tests can run this
module on every Python interpreter found on the machine, below the supported floor too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Final

from digest.errors import DeliveryError

__all__ = ["MessageParts", "build_message", "fold_subject", "header_text"]

# C0 and C1 controls (CR, LF, TAB included: a header value is one line), the Unicode
# line and paragraph separators, and the bidi and byte-order marks, which can make a
# subject display as something other than what it says.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)


def header_text(value: str) -> str:
    """``value`` made safe to put in a header: one line, no encoded words, no controls.

    Unsafe characters become spaces, runs of whitespace one space, and ``=?`` (the start
    of an RFC 2047 encoded word) becomes ``= ?``, so the text can only be encoded, never
    decoded as header syntax.
    """
    text = " ".join(_UNSAFE.sub(" ", value).split())
    return text.replace("=?", "= ?")


@dataclass(frozen=True)
class MessageParts:
    """Everything an issue's message holds; header values are plain text."""

    from_: str
    to: str
    subject: str
    date: str
    message_id: str
    unsubscribe: str
    text: str
    html: str
    list_id: str = ""  # RFC 2919 "Name <label.domain>"; no header when empty


def build_message(parts: MessageParts) -> bytes:
    """The multipart/alternative message (text, then HTML) as RFC 5322 bytes.

    Byte-identical for the same parts: the MIME boundary is derived from the content.
    Raises DeliveryError if the bytes, parsed back, do not hold exactly the headers and
    parts that were set (a header value must never become a header or a body).
    """
    headers = _headers(parts)
    msg = EmailMessage(policy=policy.SMTP)
    for name, value in headers:
        if name == "Subject":
            # Folded here, not by the email package: its folding of a long ASCII subject
            # puts the whole value on a continuation line, which parsers read back with
            # a leading space (so the subject would not say what was set).
            msg.set_raw(name, fold_subject(value))
        else:
            msg[name] = value
    # Quoted-printable keeps every line under 78 octets and all-ASCII; the default "8bit"
    # for non-ASCII text breaks on relays that are not 8BITMIME.
    msg.set_content(parts.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(parts.html, subtype="html", charset="utf-8", cte="quoted-printable")
    # The random default boundary would make every build differ; derive it from the parts.
    digest = hashlib.sha256((parts.text + parts.html).encode("utf-8")).hexdigest()[:32]
    msg.set_boundary(f"=_nd_{digest}")
    data = msg.as_bytes(policy=policy.SMTP)
    _verify(data, headers)
    return data


def _headers(parts: MessageParts) -> list[tuple[str, str]]:
    headers = [
        ("From", header_text(parts.from_)),
        ("To", header_text(parts.to)),
        ("Subject", header_text(parts.subject)),
        ("Date", header_text(parts.date)),
        ("Message-ID", header_text(parts.message_id)),
        ("List-Unsubscribe", f"<{header_text(parts.unsubscribe)}>"),
    ]
    if parts.unsubscribe.startswith("https://"):
        # RFC 8058 one-click: mailbox providers POST to the https URI, no page visit.
        headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    if parts.list_id:
        # RFC 2919: mail filters and mailbox providers group a list's messages by it.
        headers.append(("List-Id", header_text(parts.list_id)))
    return headers


# RFC 5322's recommended line length, and RFC 2047's longest encoded word.
_LINE: Final = 78
_ENCODED_WORD: Final = 75


def fold_subject(subject: str) -> str:
    """The Subject's value, folded so that unfolding gives ``subject`` back exactly.

    ASCII text is folded at its own spaces (unfolding only removes the CRLF before a
    space). Other text is written as base64 encoded words of whole characters, one per
    line; decoders join adjacent encoded words and drop the folding between them.
    ``subject`` must be :func:`header_text` already (one line, no ``=?``).
    """
    if subject.isascii():
        lines = [""]
        room = _LINE - len("Subject: ")
        for word in subject.split(" "):
            if lines[-1] and len(lines[-1]) + 1 + len(word) > room:
                lines.append(word)
                room = _LINE - 1
            else:
                lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
        return "\r\n ".join(lines)
    words: list[str] = []
    chunk = ""
    room = _LINE - len("Subject: ")  # the first line also holds the header's name
    for character in subject:
        if len(_encoded(chunk + character)) > room:
            words.append(_encoded(chunk))
            chunk = ""
            room = _ENCODED_WORD
        chunk += character
    words.append(_encoded(chunk))
    return "\r\n ".join(words)


def _encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "?="


_MIME_HEADERS = ["MIME-Version", "Content-Type"]


def _verify(data: bytes, headers: list[tuple[str, str]]) -> None:
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    names = [name.lower() for name in parsed]
    expected = [name.lower() for name, _ in headers] + [n.lower() for n in _MIME_HEADERS]
    problem = ""
    if sorted(names) != sorted(expected):
        problem = f"headers {parsed.keys()} instead of {[n for n, _ in headers]}"
    elif str(parsed["Subject"]) != dict(headers)["Subject"]:
        problem = "the Subject did not survive encoding"
    elif parsed.get_content_type() != "multipart/alternative":
        problem = f"body is {parsed.get_content_type()}, not multipart/alternative"
    else:
        kinds = [part.get_content_type() for part in parsed.iter_parts()]
        if kinds != ["text/plain", "text/html"]:
            problem = f"body parts are {kinds}, not text/plain and text/html"
    if problem:
        raise DeliveryError(
            f"email.eml: the message would not say what was set: {problem}",
            hint="A header value carried header syntax; report this with the feed's title.",
        )
