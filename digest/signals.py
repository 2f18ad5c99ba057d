"""Helper threads that leave Ctrl-C and SIGTERM to the main thread.

Linux delivers a signal sent to the process to any thread that does not block it. If
a helper thread (an HTTP server, a file watcher, a scheduler's worker) takes SIGINT,
the main thread, asleep on a lock with no timeout, never wakes to raise
KeyboardInterrupt or to run a handler: the process hangs. Threads started here block
both signals (their children inherit that), so the main thread always gets them.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Final

__all__ = ["block_stop_signals", "start_thread"]

_STOP_SIGNALS: Final = {signal.SIGINT, signal.SIGTERM}


def block_stop_signals() -> None:
    """Block SIGINT and SIGTERM in the calling thread (a thread pool's initializer)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)


def start_thread(target: Callable[[], object], *, name: str) -> threading.Thread:
    """Start a daemon thread that blocks SIGINT and SIGTERM from its first instruction.

    A new thread inherits the signal mask of the one that starts it, so the signals
    are blocked here for the instant of the start and then restored.
    """
    thread = threading.Thread(target=target, name=name, daemon=True)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        thread.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    return thread
