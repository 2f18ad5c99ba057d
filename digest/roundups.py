"""Stories -> the same stories without the pages that round up several of them.

A weekly roundup ("The world this week"), a morning newsletter or a news-in-brief page
gives a paragraph to each of several events. Clustering files it under one of them (the
one its opening paragraph tells), where its other paragraphs are another story's news:
the Gaza story printed "The Taliban government says an earthquake ... killed more than
1,000 people" from The Economist's roundup, and counted the roundup as one of its
outlets. Such a page is set aside, with its reason, as screening sets aside pages that
are no article (:mod:`digest.screen`): each of its events is told by the reports that
tell it alone.

A page is a roundup when its paragraphs tell at least ``_ROUNDUP_STORIES`` of the
week's stories, two of them others than its own, and more than half its paragraphs tell
other stories. A paragraph (``_PARAGRAPH_WORDS`` words or more) tells a story when at
least ``_CLAIM`` of its words' weight (idf over the stories' articles) is in words that
story's other reports use (two of them, where it has two or more), and ``_CLAIM_LEAD``
times as much as in the next story's: a paragraph of background shares a word or two
with another story, a roundup's paragraph that story's names and its event. Only
stories with two outlets or more are told, as only they can show what their event's
words are.

The bars were chosen on the four replica weeks of real outlets' pages and on
`bench/e2e.py --seed 1`'s week (298 pages, with related-link lists, players and live
pages; docs/quality.md, "Session 38"). The one roundup among them is found with
``_CLAIM`` anywhere from 0.35 to 0.6 (it tells five stories up to 0.45, three at 0.6),
and no other page is; ``_CLAIM`` is the middle of that range. Without the rule of more
than half the paragraphs, a live page (three stories at 0.35) and pages whose player or sign-up
box is another story's (up to 0.45) were taken for roundups.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence

from digest.ids import story_id_for
from digest.models import Article, ArticleId, Story
from digest.screen import Rejected
from digest.text import content_words

__all__ = ["set_aside_roundups"]

_PARAGRAPH_WORDS = 12
_CLAIM = 0.45
_CLAIM_LEAD = 1.5
_ROUNDUP_STORIES = 3
# Words in more stories than this tell no story apart; leaving them out of the index
# keeps the work linear (their weight still counts in a paragraph's whole).
_COMMON_IN_STORIES = 50
_PARAGRAPH = re.compile(r"\n+")


def set_aside_roundups(
    stories: Sequence[Story], candidates: Collection[ArticleId]
) -> tuple[tuple[Story, ...], tuple[Rejected, ...]]:
    """``stories`` without the roundup pages among ``candidates`` (the window's articles:
    a report of an earlier issue stays where it is), and those pages, set aside with
    their reason. A story left with no article is gone; its order is kept."""
    covered = _roundups(stories, candidates)
    if not covered:
        return tuple(stories), ()
    kept: list[Story] = []
    rejected: list[Rejected] = []
    for story in stories:
        members = tuple(a for a in story.articles if a.id not in covered)
        for article in story.articles:
            if article.id in covered:
                reason = (
                    f"a roundup of {covered[article.id]} of this issue's stories, each told "
                    "by its own reports"
                )
                rejected.append(Rejected(article, reason, "roundup"))
        if not members:
            continue
        if len(members) == len(story.articles):
            kept.append(story)
            continue
        # A story is named by its earliest report, as clustering names it.
        kept.append(dataclasses.replace(story, id=story_id_for(members[0].url), articles=members))
    return tuple(kept), tuple(rejected)


def _roundups(stories: Sequence[Story], candidates: Collection[ArticleId]) -> dict[ArticleId, int]:
    """Each roundup page among ``candidates``, with the number of stories it tells."""
    articles = [a for story in stories for a in story.articles]
    bags = {a.id: frozenset(content_words(f"{a.title} {a.text or a.summary}")) for a in articles}
    frequency = Counter(word for bag in bags.values() for word in bag)
    idf = {word: math.log((len(articles) + 1) / (count + 1)) for word, count in frequency.items()}
    told = [s for s in stories if len({a.outlet for a in s.articles}) >= 2]
    uses = [Counter(word for a in s.articles for word in bags[a.id]) for s in told]
    index: dict[str, list[int]] = {}
    for number, counts in enumerate(uses):
        for word in counts:
            index.setdefault(word, []).append(number)
    common = {word for word, found in index.items() if len(found) > _COMMON_IN_STORIES}
    own_story = {a.id: number for number, s in enumerate(told) for a in s.articles}
    found: dict[ArticleId, int] = {}
    for article in articles:
        if article.id not in candidates:
            continue
        paragraphs = [
            p for p in _PARAGRAPH.split(article.text or "") if len(p.split()) >= _PARAGRAPH_WORDS
        ]
        if len(paragraphs) < _ROUNDUP_STORIES:
            continue
        own = own_story.get(article.id)
        tells = Counter(
            story
            for paragraph in paragraphs
            if (story := _tells(paragraph, article, own, told, uses, index, common, idf, bags))
            is not None
        )
        elsewhere = sum(count for story, count in tells.items() if story != own)
        # Most of its paragraphs are other stories' news: a report keeps half its
        # paragraphs or more to its own event, whatever it recalls of others.
        if (
            len(tells) >= _ROUNDUP_STORIES
            and len(tells.keys() - {own}) >= 2
            and 2 * elsewhere > len(paragraphs)
        ):
            found[article.id] = len(tells)
    return found


def _tells(
    paragraph: str,
    article: Article,
    own: int | None,
    told: Sequence[Story],
    uses: Sequence[Counter[str]],
    index: dict[str, list[int]],
    common: set[str],
    idf: dict[str, float],
    bags: dict[ArticleId, frozenset[str]],
) -> int | None:
    """The story (its number in ``told``) ``paragraph`` tells, if one stands out."""
    words = set(content_words(paragraph))
    whole = sum(idf.get(word, 0.0) for word in words)
    if whole <= 0:
        return None
    shared: dict[int, float] = {}
    for word in words - common:
        for number in index.get(word, ()):
            others = len(told[number].articles) - (number == own)
            # The story's other reports: the page's own words are no evidence.
            count = uses[number][word] - (number == own and word in bags[article.id])
            if count >= min(2, others) and count > 0:
                shared[number] = shared.get(number, 0.0) + idf.get(word, 0.0)
    if not shared:
        return None
    (best, weight), *rest = sorted(shared.items(), key=lambda item: -item[1])[:2]
    runner_up = rest[0][1] if rest else 0.0
    if weight / whole >= _CLAIM and weight >= _CLAIM_LEAD * runner_up:
        return best
    return None
