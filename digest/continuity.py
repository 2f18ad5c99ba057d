"""Continuity across issues: this week's candidate stories, given what was already sent.

The window's articles are clustered together with the articles of stories sent in the
last ``_CONTINUITY_WEEKS`` weeks. A cluster holding articles already sent keeps that
story's id; it is left out when it has nothing new, and comes back as an update (with
only its new articles) when it has.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from digest.cluster import cluster_stories
from digest.models import (
    Article,
    ArticleId,
    LeftOut,
    LeftOutReason,
    NewsWindow,
    Story,
    StoryId,
    StoryStatus,
)
from digest.store import SentStory, Store

__all__ = ["Candidates", "continue_stories", "gather_candidates"]

# Previous issues looked at for continuity: a story sent within this many weeks does
# not come back unless it gained new articles.
_CONTINUITY_WEEKS = 6


@dataclass(frozen=True, slots=True)
class Candidates:
    """The stories this issue may print, those already told, and what readers have read.

    ``previous_sentences`` are the sentences of recently sent stories: an update does
    not repeat them.
    """

    stories: tuple[Story, ...]
    left_out: tuple[LeftOut, ...] = ()
    previous_sentences: frozenset[str] = frozenset()


def gather_candidates(store: Store, window: NewsWindow) -> Candidates:
    """Cluster the window's articles, continuing recently sent stories (see module doc)."""
    articles = store.articles_between(window.start, window.end)
    sent = store.sent_stories(
        before=window.issue_date.isoformat(),
        since=(window.issue_date - timedelta(weeks=_CONTINUITY_WEEKS)).isoformat(),
    )
    window_ids = {a.id for a in articles}
    sent_ids = {a for s in sent for a in s.article_ids}
    earlier = store.articles_by_id(a for a in sorted(sent_ids) if a not in window_ids)
    stories, left_out = continue_stories([*articles, *earlier], window_ids, sent)
    return Candidates(
        stories=stories,
        left_out=left_out,
        previous_sentences=frozenset(s for story in sent for s in story.sentences),
    )


def continue_stories(
    articles: Sequence[Article], window_ids: set[ArticleId], sent: Sequence[SentStory]
) -> tuple[tuple[Story, ...], tuple[LeftOut, ...]]:
    """Cluster ``articles``; clusters holding sent articles continue those stories."""
    sent_by_article = {a: s for s in sent for a in s.article_ids}
    kept: dict[StoryId, Story] = {}
    left_out: list[LeftOut] = []
    carried = {a.id for a in articles if a.id not in window_ids}
    for story in cluster_stories(articles, carried=carried):
        old = [sent_by_article[a.id] for a in story.articles if a.id in sent_by_article]
        fresh = tuple(
            a for a in story.articles if a.id not in sent_by_article and a.id in window_ids
        )
        if not old:
            if fresh:
                kept[story.id] = story
            continue
        # The latest issue's story wins; among its stories (the editors split one), the
        # one holding most of this cluster's articles, so its id and edits carry on.
        held = Counter(s.story_id for s in old)
        previous = max(old, key=lambda s: (s.issue_date, held[s.story_id], s.story_id))
        if not fresh:
            left_out.append(
                LeftOut(
                    previous.story_id,
                    LeftOutReason.SENT,
                    f"sent on {previous.issue_date}; nothing new",
                    story.articles[0].title,
                )
            )
            continue
        if previous.story_id in kept:
            # Two clusters continue the same story: one update with all the new reporting.
            merged = kept[previous.story_id].articles + fresh
            fresh = tuple(sorted(merged, key=lambda a: (a.published, a.url)))
        outlets = sorted({a.outlet for a in fresh})
        kept[previous.story_id] = dataclasses.replace(
            story,
            id=previous.story_id,
            articles=fresh,
            status=StoryStatus.UPDATE,
            why=f"update to the story sent on {previous.issue_date}: new reporting from "
            + ", ".join(outlets),
        )
    unique: dict[StoryId, LeftOut] = {}
    for item in left_out:
        if item.story_id not in kept:
            unique.setdefault(item.story_id, item)
    return tuple(kept.values()), tuple(unique.values())
