"""What a build came to: :class:`IssueResult` and its :class:`BuildOutcome`.

The CLI, the scheduler and the preview read these; ``digest.build`` makes them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from digest.accounting import NOTHING_ACCOUNTED, Accounting
from digest.ingest import NO_FETCH, FetchReport
from digest.models import (
    Issue,
    LeftOut,
    LeftOutReason,
    RenderedIssue,
    Story,
    StorySummary,
    TakeOrigin,
)
from digest.store import FinalBuild

__all__ = ["BuildOutcome", "IssueResult"]


class BuildOutcome(StrEnum):
    """What a build came to."""

    BUILT = "built"  # written to the output directory and recorded
    EMPTY = "empty"  # no stories in the window: nothing written or recorded
    NOTHING_FETCHED = "nothing fetched"  # the store holds no article at all
    ALREADY_BUILT = "already built"  # a final build of this issue exists (no --force)
    FILES_GONE = "files gone"  # ... but its folder is no longer where it was written


@dataclass(frozen=True, slots=True)
class IssueResult:
    """A built issue and how it came about.

    ``issue.problems`` is the one list of problems, from the poll to the size check.
    ``stories`` are the selected stories as grouped, before writing (their articles and
    why each is in); ``briefs`` those of "Also in the news"; ``left_out`` every other
    story considered, with its reason (articles set aside by screening among them);
    ``articles`` where each article of the window went. ``path`` is the issue's
    directory; it exists only when ``outcome`` is BUILT. ``final`` is the issue's final
    build as it was before this one (if any), and ``sent_copy`` where the files of that
    build were kept when this one replaced them.
    """

    issue: Issue
    rendered: RenderedIssue
    path: Path
    fetch: FetchReport = NO_FETCH
    left_out: tuple[LeftOut, ...] = ()
    stories: tuple[Story, ...] = ()
    seconds: float = 0.0
    briefs: tuple[Story, ...] = ()
    articles: Accounting = NOTHING_ACCOUNTED
    outcome: BuildOutcome = BuildOutcome.BUILT
    final: FinalBuild | None = None
    sent_copy: Path | None = None
    is_final: bool = False

    @property
    def skipped(self) -> bool:
        return self.outcome is BuildOutcome.ALREADY_BUILT

    @property
    def is_written(self) -> bool:
        return self.outcome is BuildOutcome.BUILT

    @property
    def result_text(self) -> str:
        """How the build ended, in words (``digest status``'s result column)."""
        if self.outcome is BuildOutcome.BUILT:
            return "final issue built" if self.is_final else "draft built"
        return {
            BuildOutcome.EMPTY: "nothing to send",
            BuildOutcome.NOTHING_FETCHED: "nothing fetched yet",
            BuildOutcome.ALREADY_BUILT: "already built; nothing to do",
            BuildOutcome.FILES_GONE: "already built, but its files are gone",
        }[self.outcome]

    def files_gone(self) -> str:
        """What to do when the final build's folder is gone (``FILES_GONE``)."""
        final = self.final
        when = f" at {final.built_at:%Y-%m-%d %H:%M} UTC into {final.path}" if final else ""
        return (
            f"issue {self.issue.issue_date} was built by a final build{when}, but that "
            "folder is gone: restore it from a backup, or build the issue again with "
            "--force (its stories count as sent already)"
        )

    def left_out_counts(self) -> dict[str, int]:
        """Stories left out, by reason (articles set aside are not stories: not here)."""
        counts = Counter(
            str(item.reason) for item in self.left_out if item.reason is not LeftOutReason.SET_ASIDE
        )
        return dict(sorted(counts.items()))

    def set_aside(self) -> int:
        return sum(1 for item in self.left_out if item.reason is LeftOutReason.SET_ASIDE)

    @property
    def stories_without_take(self) -> tuple[StorySummary, ...]:
        """Stories that go out without "Our take" unless the editors write one."""
        return tuple(s for s in self.issue.stories if s.take_origin is TakeOrigin.MISSING)

    def summary(self) -> dict[str, object]:
        if self.outcome in (BuildOutcome.ALREADY_BUILT, BuildOutcome.FILES_GONE):
            return {
                "issue_date": self.issue.issue_date.isoformat(),
                "result": self.result_text,
                "seconds": round(self.seconds, 2),
            }
        return {
            "issue_date": self.issue.issue_date.isoformat(),
            "result": self.result_text,
            "feeds_polled": self.fetch.feeds_polled,
            "feeds_failed": self.fetch.feeds_failed,
            "articles_new": self.fetch.articles_new,
            "stories": len(self.issue.stories),
            "also_in_the_news": len(self.issue.also_in_the_news),
            "left_out": self.left_out_counts(),
            "set_aside": self.set_aside(),
            "articles": self.articles.as_dict(),
            "stories_without_take": len(self.stories_without_take),
            "html_bytes": len(self.rendered.html.encode("utf-8")),
            "warnings": len(self.issue.problems),
            "seconds": round(self.seconds, 2),
            "path": str(self.path) if self.is_written else "",
        }
