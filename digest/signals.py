"""Ctrl-C and SIGTERM reach a long-running command whichever thread the kernel picks.

Linux delivers a signal sent to the process to any thread that does not block it. If
a helper thread (an HTTP server, a file watcher, a scheduler's worker) takes SIGINT,
the main thread, asleep on a lock with no timeout, never wakes to raise
KeyboardInterrupt or to run a handler: the process hangs. Threads started here block
both signals (their children inherit that). That is not enough on its own: libraries
start threads of their own (OpenBLAS starts one per core when numpy is imported), and
those do not block them. So a command that sleeps until it is stopped waits with
:class:`StopSignals`, on a pipe that the signal's C-level handler writes to from
whichever thread runs it.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Final, Self

__all__ = ["StopSignals", "block_stop_signals", "start_thread"]

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


class StopSignals:
    """Catch SIGINT and SIGTERM from entry; :meth:`wait` sleeps until one has come.

    Used from the main thread (Python runs handlers only there). A signal that comes
    before :meth:`wait`, while the command starts, is kept, not lost. The handler only
    notes the signal: a handler that stopped something itself could run while the
    main thread holds one of that thing's locks, and wait on it for ever.
    """

    def __init__(self) -> None:
        self.received: list[int] = []
        self._read = self._write = -1
        self._old_fd = -1
        self._old_handlers: dict[int, object] = {}

    def __enter__(self) -> Self:
        self._read, self._write = os.pipe()
        try:
            os.set_blocking(self._write, False)  # a handler must never block on a full pipe
            # Raises ValueError outside the main thread: nothing is changed then.
            self._old_fd = signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
            try:
                for number in sorted(_STOP_SIGNALS):
                    self._old_handlers[number] = signal.signal(number, self._note)
            except BaseException:
                self._restore()
                raise
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        try:
            self._restore()
        finally:
            self._close()

    def _restore(self) -> None:
        signal.set_wakeup_fd(self._old_fd)
        # SIGINT last: once Python's own handler is back, a Ctrl-C that is waiting raises
        # KeyboardInterrupt at once, and nothing may be left to restore by then.
        for number in sorted(self._old_handlers, key=lambda n: n == signal.SIGINT):
            signal.signal(number, self._old_handlers.pop(number))  # type: ignore[arg-type]

    def _close(self) -> None:
        for fd in (self._read, self._write):
            os.close(fd)

    def _note(self, number: int, _frame: FrameType | None) -> None:
        self.received.append(number)

    def wait(self) -> int:
        """Sleep until SIGINT or SIGTERM comes (or came); return the first one's number."""
        while not self.received:
            # The C-level handler writes each signal's number here from whichever
            # thread took it; a read interrupted on this thread runs _note, then
            # resumes (PEP 475) and finds the number written before.
            for number in os.read(self._read, 64):
                if number in _STOP_SIGNALS:
                    return number
        return self.received[0]
