"""Where every article of the issue's window went: a story, Also in the news, left out
with a reason, or already sent. The run summary and ``digest status`` print it; a
non-zero ``unaccounted`` means an article was lost, which must never happen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from digest.continuity import Candidates
from digest.models import ArticleId, Issue, LeftOut, LeftOutReason
from digest.select import Selection

__all__ = ["NOTHING_ACCOUNTED", "Accounting", "account_articles"]


@dataclass(frozen=True, slots=True)
class Accounting:
    """Where every article of the window went, counted once each.

    ``left_out`` counts articles by the reason their story was left out (``SET_ASIDE``
    among them); ``sent_before`` are articles readers already had in a story that now
    has an update. ``unaccounted`` is what is left, and is 0 unless something is wrong.
    """

    window: int = 0
    in_stories: int = 0
    in_briefs: int = 0
    left_out: tuple[tuple[LeftOutReason, int], ...] = ()
    sent_before: int = 0
    unaccounted: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "in_window": self.window,
            "in_stories": self.in_stories,
            "in_also_in_the_news": self.in_briefs,
            "left_out": {str(reason): count for reason, count in self.left_out},
            "sent_before": self.sent_before,
            "unaccounted": self.unaccounted,
        }


NOTHING_ACCOUNTED = Accounting()


def account_articles(
    issue: Issue, candidates: Candidates, selection: Selection, left_out: Iterable[LeftOut]
) -> Accounting:
    """Where each article of the window went (see :class:`Accounting`)."""
    window = candidates.window
    printed = {s.story_id for s in issue.stories}
    listed = {b.story_id for b in issue.also_in_the_news}
    placed: set[ArticleId] = set()

    def take(ids: Iterable[ArticleId]) -> int:
        new = {i for i in ids if i in window and i not in placed}
        placed.update(new)
        return len(new)

    in_stories = take(a.id for s in selection.stories if s.id in printed for a in s.articles)
    in_briefs = take(a.id for s in selection.briefs if s.id in listed for a in s.articles)
    by_reason: Counter[LeftOutReason] = Counter()
    for item in left_out:
        by_reason[item.reason] += take(item.article_ids)
    sent_before = take(candidates.already_sent)
    return Accounting(
        window=len(window),
        in_stories=in_stories,
        in_briefs=in_briefs,
        left_out=tuple((r, n) for r, n in sorted(by_reason.items()) if n),
        sent_before=sent_before,
        unaccounted=len(window - placed),
    )
