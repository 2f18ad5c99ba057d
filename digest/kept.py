"""Results kept in the process between builds: the last few, by a key of their inputs.

The preview rebuilds the same issue on every edit, and the scheduler builds in threads
of one process. A stage whose work is dear and depends only on its inputs keeps its
latest results in a :class:`Kept`, keyed by a digest of those inputs (the write-ups in
``digest.summarize``, the window's candidates in ``digest.continuity``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

__all__ = ["Kept"]

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


class Kept(Generic[_Key, _Value]):
    """At most ``size`` results, the least recently used dropped first; safe to share
    between threads (two that miss at once both compute, and the later one is kept)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._results: OrderedDict[_Key, _Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: _Key) -> _Value | None:
        with self._lock:
            result = self._results.get(key)
            if result is not None:
                self._results.move_to_end(key)
            return result

    def put(self, key: _Key, result: _Value) -> None:
        with self._lock:
            self._results[key] = result
            self._results.move_to_end(key)
            while len(self._results) > self._size:
                self._results.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._results)
