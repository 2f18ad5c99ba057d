"""Ctrl-C and SIGTERM reach a command whichever thread takes them (digest.signals).

Read from /proc, so Linux only: a thread that does not block SIGINT may take a Ctrl-C
meant for the main thread, which then sleeps on forever (a preview that did not stop).
"""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from digest.preview import start_preview
from digest.signals import StopSignals, block_stop_signals, start_thread

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").exists(), reason="reads thread signal masks from /proc (Linux)"
)


def _blocks_stop_signals(native_id: int) -> bool:
    status = Path(f"/proc/self/task/{native_id}/status").read_text()
    [mask] = [line.split()[1] for line in status.splitlines() if line.startswith("SigBlk:")]
    bits = int(mask, 16)
    return all(bits & (1 << (number - 1)) for number in (signal.SIGINT, signal.SIGTERM))


def test_started_threads_and_pool_workers_block_the_stop_signals() -> None:
    seen: list[int] = []
    release = threading.Event()

    def record() -> None:
        seen.append(threading.get_native_id())
        release.wait(10)

    thread = start_thread(record, name="probe")
    with ThreadPoolExecutor(1, initializer=block_stop_signals) as pool:
        worker = pool.submit(threading.get_native_id).result()
        assert _blocks_stop_signals(worker)
    for _ in range(1000):
        if seen:
            break
        threading.Event().wait(0.01)
    assert _blocks_stop_signals(seen[0])
    assert not _blocks_stop_signals(threading.get_native_id()), "the main thread must not"
    release.set()
    thread.join()


def test_every_preview_thread_leaves_the_stop_signals_to_the_main_thread(
    tmp_path: Path,
) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
        'feeds: [{url: "http://127.0.0.1:9/feed.xml", name: Nowhere}]\n'
    )
    before = {t.native_id for t in threading.enumerate()}
    server, _url = start_preview(config, tmp_path / "out")
    try:
        started = [t for t in threading.enumerate() if t.native_id not in before]
        assert {t.name for t in started} >= {"preview-build", "preview-http", "preview-watch"}
        for thread in started:
            assert thread.native_id is not None
            assert _blocks_stop_signals(thread.native_id), thread.name
    finally:
        server.stop()


def test_a_stop_signal_that_comes_before_the_wait_is_kept_and_handlers_come_back() -> None:
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    with StopSignals() as stop:
        os.kill(os.getpid(), signal.SIGTERM)  # while the command is still starting
        assert stop.wait() == signal.SIGTERM
    assert stop.received == [signal.SIGTERM]
    assert {number: signal.getsignal(number) for number in before} == before


def test_stop_signals_outside_the_main_thread_refuse_and_leave_nothing_open() -> None:
    before = sorted(Path("/proc/self/fd").iterdir())
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    errors: list[BaseException] = []

    def enter() -> None:
        try:
            with StopSignals():
                pass
        except ValueError as error:
            errors.append(error)

    thread = threading.Thread(target=enter)
    thread.start()
    thread.join()
    assert len(errors) == 1, "Python handles signals in the main thread only"
    assert sorted(Path("/proc/self/fd").iterdir()) == before, "the pipe was not closed"
    assert {number: signal.getsignal(number) for number in handlers} == handlers
