"""Content-Encoding decoding in bounded steps, so a compression bomb is refused cheaply.

httpx's own decoders inflate each network chunk in one call: a 64 KB chunk of a gzip
bomb becomes ~64 MB at once, and with ``Content-Encoding: gzip, gzip`` the second layer
multiplies that again (3.9 KB on the wire took 8.3 GB before the size cap tripped).
:class:`BodyDecoder` instead asks every layer for at most ``_STEP`` bytes at a time and
pulls input from the layer below only when it needs some, so memory stays at a few
steps per layer and decoding stops as soon as the output passes the cap, however many
layers are stacked (at most ``_MAX_LAYERS``; more is refused outright).

gzip (also concatenated members) and deflate (zlib-wrapped or raw) are decoded;
``identity`` is skipped; any other coding is refused, since we never ask for one.
"""

from __future__ import annotations

import zlib

__all__ = ["ACCEPT_ENCODING", "BodyDecoder", "DecodeError", "TooLarge"]

ACCEPT_ENCODING = "gzip, deflate"
"""What to send as Accept-Encoding: the codings :class:`BodyDecoder` decodes."""

# Output asked of a layer at once: big enough that Python overhead stays small, small
# enough that a bomb costs ~_STEP bytes per layer before the cap is checked.
_STEP = 65_536
# No server has a reason to stack more codings than this; refusing more keeps the
# per-layer memory bounded too.
_MAX_LAYERS = 4
_GZIP_MAGIC = b"\x1f\x8b"


class DecodeError(Exception):
    """The body cannot be decoded (bad data, unknown or too many codings)."""


class TooLarge(DecodeError):
    """The decoded (or raw) body passed the limit."""


class _Layer:
    """One coding: compressed input in, at most ``size`` decoded bytes out per call."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self.pending = b""  # input not yet consumed by the decompressor
        self.finished = False
        self._inflater: zlib._Decompress | None = None

    def decode(self, size: int) -> bytes:
        if self.finished:
            self.pending = b""  # data after the end of the stream is ignored, as browsers do
            return b""
        if self._inflater is None:
            self._inflater = self._start()
            if self._inflater is None:
                return b""  # too few bytes yet to tell which deflate variant this is
        try:
            out = self._inflater.decompress(self.pending, size)
        except zlib.error as exc:
            raise DecodeError(f"cannot decode the {self.coding} body: {exc}") from exc
        self.pending = self._inflater.unconsumed_tail
        if self._inflater.eof:
            rest = self._inflater.unused_data
            if self.coding != "deflate" and rest.startswith(_GZIP_MAGIC):
                # The next gzip member. At the end of a stream all the input left over is
                # in unused_data (unconsumed_tail may repeat part of it).
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.pending = rest
            else:
                self.finished = True
                self.pending = b""
        return out

    def _start(self) -> zlib._Decompress | None:
        if self.coding != "deflate":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if len(self.pending) < 2:
            return None
        # "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send
        # raw deflate; a zlib header is two bytes whose big-endian value divides by 31.
        first, second = self.pending[0], self.pending[1]
        is_zlib = first & 0x0F == 8 and (first << 8 | second) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if is_zlib else -zlib.MAX_WBITS)


class BodyDecoder:
    """Decodes a body sent with ``Content-Encoding: content_encoding``, at most ``limit`` bytes.

    Feed it the raw body chunk by chunk (:meth:`feed`), then call :meth:`finish`. Raises
    TooLarge as soon as the decoded body, or the raw body, passes ``limit``; DecodeError
    for a coding it does not know, too many codings, or data that does not decode.
    """

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise DecodeError(f"unsupported Content-Encoding: {coding}")
        if len(codings) > _MAX_LAYERS:
            raise DecodeError(f"{len(codings)} stacked Content-Encodings (at most {_MAX_LAYERS})")
        # Codings are listed in the order they were applied; undo the last one first.
        self._layers = [_Layer("deflate" if c == "deflate" else "gzip") for c in reversed(codings)]
        self._limit = limit
        self._raw = b""
        self._raw_total = 0
        self._decoded_total = 0

    def feed(self, data: bytes) -> bytes:
        """Decode what ``data`` (the next raw bytes) makes available."""
        self._raw_total += len(data)
        if self._raw_total > self._limit:
            raise TooLarge(f"body larger than {self._limit} bytes")
        if not self._layers:
            return self._count(data)
        self._raw += data
        pieces = []
        while piece := self._read(len(self._layers) - 1):
            pieces.append(self._count(piece))
        return b"".join(pieces)

    def finish(self) -> bytes:
        """Whatever is left once the raw body has ended (nothing for a complete stream)."""
        return self.feed(b"")

    def _count(self, piece: bytes) -> bytes:
        self._decoded_total += len(piece)
        if self._decoded_total > self._limit:
            raise TooLarge(f"body larger than {self._limit} bytes")
        return piece

    def _read(self, index: int) -> bytes:
        """At most _STEP decoded bytes of layer ``index``; b"" when it needs more input."""
        layer = self._layers[index]
        while True:
            if layer.pending:
                before = len(layer.pending)
                out = layer.decode(_STEP)
                if out:
                    return out
                if layer.pending and len(layer.pending) < before:
                    continue  # input consumed without output yet (a header, a new member)
            if index == 0:
                source, self._raw = self._raw, b""
            else:
                source = self._read(index - 1)
            if not source:
                return b""
            layer.pending += source
