"""The record of each command run, for ``digest status``: when, what, and how it ended.

A run is recorded when it starts, with its process: on this machine an unfinished run
shows as "running" or, its process gone (or its id taken by a later process), "killed
before it finished"; run on another machine, as "running, or killed". Its end records ``ok``
and a summary whose ``result`` says in words how it ended ("final issue built", "nothing
to send", "interrupted", "failed: ..."). Times are the wall clock, not the issue's
``--now``, so the list reads in the order things happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from digest.store.articles import new_claimer
from digest.store.issues import IssueQueries
from digest.urls import redact_secrets

__all__ = ["RunRecord", "RunRecords"]


def _wall_clock() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class RunRecord:
    """What the run reports when it ends: filled in by the command as it goes."""

    summary: dict[str, object] = field(default_factory=dict)
    ok: bool = False


class RunRecords(IssueQueries):
    """Recording a command's run around the work it does."""

    @contextmanager
    def recorded_run(
        self, command: str, *, clock: Callable[[], datetime] = _wall_clock
    ) -> Iterator[RunRecord]:
        """Record the run of ``command`` around the block; an empty ``command`` records none.

        An exception leaving the block is recorded as the result ("interrupted" for
        Ctrl-C) and raised again.
        """
        record = RunRecord()
        run_id = self.start_run(command, now=clock(), worker=new_claimer()) if command else None
        try:
            yield record
        except KeyboardInterrupt:
            record.ok = False
            record.summary["result"] = "interrupted"
            raise
        except Exception as error:
            record.ok = False
            record.summary["result"] = redact_secrets(f"failed: {error}")
            raise
        finally:
            if run_id is not None:
                self.finish_run(run_id, now=clock(), ok=record.ok, summary=record.summary)
