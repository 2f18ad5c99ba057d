"""Page bytes -> text: the HTML encoding rules, then charset detection. Pure, no I/O.

A downloaded page is decoded by, in order, its byte-order mark, the HTTP
``Content-Type`` charset, its ``<meta charset>``, UTF-8, and only then a guess from the
bytes (charset_normalizer). Binary content (a PDF, an image) is not a page and gives
``None``. ``extract.py`` calls :func:`decode_page` before it parses anything.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["decode_page"]

# Pages are scanned this far for <meta charset>, as the HTML spec's prescan does (1024)
# with headroom for long <head> preambles.
_CHARSET_PRESCAN_BYTES = 4096

# Per the WHATWG Encoding Standard, these labels mean windows-1252 in HTML.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}
)

# Charset detection reads this much: enough text to decide, bounded time on huge pages.
_DETECTION_SAMPLE_BYTES = 200_000

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_page(data: bytes, declared: str | None) -> str | None:
    """Bytes -> str, or None for binary content (PDF, images) that is not a page.

    ``declared`` is the HTTP ``Content-Type`` charset, if any; a declared codec that
    does not decode cleanly is passed over, not trusted.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    # Text encodings without a BOM that could hold NUL bytes (UTF-16/32) are not
    # used for web pages in practice; NULs mean an image, a PDF or an archive.
    head = data[:1024]
    if b"\x00" in head or head.startswith(b"%PDF"):
        return None
    meta = _META_CHARSET.search(data[:_CHARSET_PRESCAN_BYTES])
    labels = [declared, meta.group(1).decode("ascii") if meta else None]
    codecs_declared = [c for c in (_codec_for(label) for label in labels) if c]
    for codec in codecs_declared:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    if "utf-8" not in codecs_declared:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    # Nothing decodes cleanly: the declaration is wrong (often "utf-8" on a legacy
    # page) or missing, so let charset detection guess from the bytes themselves.
    guess = _detect_codec(data[:_DETECTION_SAMPLE_BYTES])
    if guess is not None:
        return data.decode(guess, errors="replace")
    return data.decode(codecs_declared[0] if codecs_declared else "cp1252", errors="replace")


def _detect_codec(sample: bytes) -> str | None:
    """charset_normalizer's guess; windows-1252 wins ties, being the web's legacy default.

    Western European text often scores the same as windows-1250 or -1257, which would
    turn "naïve" into "naďve".
    """
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return "cp1252" if "cp1252" in tied else _codec_for(best.encoding)


def _codec_for(label: str | None) -> str | None:
    """A Python codec name for an HTTP/HTML charset label, or None if unusable."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A byte stream that declares UTF-16/32 in ASCII is really ASCII-compatible
    # (HTML spec, "prescan"): the BOM case is handled before we get here.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name
