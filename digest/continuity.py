"""Continuity across issues: this week's candidate stories, given what was already sent.

The window's articles are first screened (``digest.screen``): crawl notices, empty
pages and text repeated across unrelated pages never make a story; each is left out as
a story of its own with its reason, and the build reports them once. The rest are
clustered together with the articles of stories sent in the last ``_CONTINUITY_WEEKS``
weeks. A cluster holding articles already sent keeps that story's id; it is left out
when it has nothing new, and comes back as an update (with only its new articles) when
it has.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from digest.cluster import cluster_stories, proper_names
from digest.embed import VectorMemo
from digest.ids import story_id_for
from digest.kept import Kept
from digest.models import (
    Article,
    ArticleId,
    LeftOut,
    LeftOutReason,
    NewsWindow,
    Problem,
    Stage,
    Story,
    StoryId,
    StoryStatus,
)
from digest.places import DEMONYMS
from digest.roundups import set_aside_roundups
from digest.screen import Rejected, screen_articles
from digest.store import SentStory, Store
from digest.text import content_words, split_sentences
from digest.topics import TopicExample

__all__ = ["Candidates", "continue_stories", "gather_candidates", "gather_examples"]

# Previous issues looked at for continuity: a story sent within this many weeks does
# not come back unless it gained new articles.
_CONTINUITY_WEEKS = 6
# The editors' filings stay examples of their topic this long, the latest few per topic:
# a topic's news moves on, and a year of examples would outvote its keywords.
_EXAMPLE_WEEKS = 26
_EXAMPLES_PER_TOPIC = 12
# Screening and clustering a window take most of a rebuild once the write-ups are kept
# (``summarize._WRITTEN``): 9 s of a 14 s rebuild of a 2,000-article week
# (bench/bigweek.py). The preview rebuilds the same window on every edit, so the last
# windows' candidates are kept in the process, keyed by a digest of all they are made
# of: the window's articles, the sent stories they may continue and those stories'
# articles, and the pinned ids. Two: this week's, and the one before for a scheduler.
_GATHERED: Kept[bytes, Candidates] = Kept(2)
# A lead is looked for in the text's first characters: a sentence is rarely longer.
_LEAD_CHARS = 600
# A people's word stands for its place when titles are compared ("French", "France").
_PLACE_OF = {form.lower(): place.lower() for place, forms in DEMONYMS.items() for form in forms}


@dataclass(frozen=True, slots=True)
class Candidates:
    """The stories this issue may print, those already told, and what readers have read.

    ``left_out`` holds the stories sent before with nothing new, and each article set
    aside by screening (a story of its own, ``LeftOutReason.SET_ASIDE``).
    ``previous_sentences`` are the sentences of recently sent stories: an update does
    not repeat them. ``printed_before`` holds each sent story's, with its headline and
    take: the editors' text for a story that went out is not printed again in its update.
    ``window`` are the ids of every article of the window, and
    ``already_sent`` those of them that went out before in a story that now has an
    update: with the stories and left-out records, they account for every article.
    """

    stories: tuple[Story, ...]
    left_out: tuple[LeftOut, ...] = ()
    previous_sentences: frozenset[str] = frozenset()
    printed_before: Mapping[StoryId, frozenset[str]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    window: frozenset[ArticleId] = frozenset()
    already_sent: frozenset[ArticleId] = frozenset()

    @property
    def told(self) -> frozenset[StoryId]:
        """The stories sent before that have nothing new in this window."""
        return frozenset(o.story_id for o in self.left_out if o.reason is LeftOutReason.SENT)


def gather_candidates(
    store: Store, window: NewsWindow, *, keep: Collection[StoryId] = ()
) -> Candidates:
    """Screen and cluster the window's articles, continuing recently sent stories.

    An article set aside by screening whose own story id is in ``keep`` (the editors
    pinned it) is clustered all the same. See the module doc.
    """
    articles = store.articles_between(window.start, window.end)
    sent = store.sent_stories(
        before=window.issue_date.isoformat(),
        since=(window.issue_date - timedelta(weeks=_CONTINUITY_WEEKS)).isoformat(),
    )
    sent_ids = {a for s in sent for a in s.article_ids}
    all_ids = {a.id for a in articles}
    earlier = store.articles_by_id(a for a in sorted(sent_ids) if a not in all_ids)
    # Sets in the key sorted: their order is the process's hashing, not their content.
    made_of = (
        tuple(articles),
        [
            (
                s.story_id,
                s.issue_date,
                sorted(s.article_ids),
                sorted(s.sentences),
                sorted(s.headlines),
            )
            for s in sent
        ],
        tuple(earlier),
        sorted(keep),
    )
    key = hashlib.sha256(repr(made_of).encode("utf-8")).digest()
    kept = _GATHERED.get(key)
    if kept is not None:
        return kept
    candidates = _gathered(store, articles, sent, earlier, keep)
    _GATHERED.put(key, candidates)
    return candidates


def _gathered(
    store: Store,
    articles: Sequence[Article],
    sent: Sequence[SentStory],
    earlier: Sequence[Article],
    keep: Collection[StoryId],
) -> Candidates:
    screened = screen_articles(articles)
    kept_back = [r for r in screened.rejected if story_id_for(r.article.url) in keep]
    rejected = [r for r in screened.rejected if r not in kept_back]
    usable = [*screened.kept, *(r.article for r in kept_back)]
    window_ids = {a.id for a in usable}
    sent_ids = {a for s in sent for a in s.article_ids}
    all_ids = {a.id for a in articles}
    stories, left_out, roundups = continue_stories(
        [*usable, *earlier], window_ids, sent, memo=store, keep=keep
    )
    rejected.extend(roundups)
    told = {a.id for s in stories for a in s.articles} | {
        a for item in left_out for a in item.article_ids
    }
    return Candidates(
        stories=stories,
        left_out=(*left_out, *(_set_aside(r) for r in rejected)),
        previous_sentences=frozenset(s for story in sent for s in story.sentences),
        printed_before={
            story.story_id: frozenset((*story.sentences, *story.headlines)) for story in sent
        },
        problems=_set_aside_problem(rejected),
        window=frozenset(all_ids),
        already_sent=frozenset(a for a in window_ids & sent_ids if a not in told),
    )


def gather_examples(store: Store, window: NewsWindow) -> tuple[TopicExample, ...]:
    """The stories the editors filed under a topic in recent earlier issues, with their
    articles: examples of the topic for this issue's matching (``digest.topics``)."""
    filed = store.filed_stories(
        before=window.issue_date.isoformat(),
        since=(window.issue_date - timedelta(weeks=_EXAMPLE_WEEKS)).isoformat(),
    )
    latest: dict[str, list[tuple[str, StoryId]]] = {}
    for item in sorted(filed, key=lambda f: (f.issue_date, f.story_id), reverse=True):
        latest.setdefault(item.topic, []).append((item.issue_date, item.story_id))
    wanted = {key for keys in latest.values() for key in keys[:_EXAMPLES_PER_TOPIC]}
    kept = [f for f in filed if (f.issue_date, f.story_id) in wanted]
    articles = {
        a.id: a for a in store.articles_by_id(sorted({i for f in kept for i in f.article_ids}))
    }
    return tuple(
        TopicExample(
            f.topic,
            f.headline,
            f.issue_date,
            tuple(articles[i] for i in f.article_ids if i in articles),
        )
        for f in kept
    )


def _set_aside(rejected: Rejected) -> LeftOut:
    article = rejected.article
    return LeftOut(
        story_id_for(article.url),
        LeftOutReason.SET_ASIDE,
        f"set aside, {rejected.reason} ({article.outlet}, {article.url})",
        article.title,
        (article.id,),
    )


# Each kind of page set aside, as one and as several.
_KINDS = {
    "notice": ("crawl, error or paywall page", "crawl, error or paywall pages"),
    "furniture": (
        "page whose text is found on unrelated pages",
        "pages whose text is found on unrelated pages",
    ),
    "short": ("too little text to say what happened",) * 2,
    "corrections": ("list of corrections", "lists of corrections"),
    "roundup": ("roundup of several stories", "roundups of several stories"),
}


def _set_aside_problem(rejected: Sequence[Rejected]) -> tuple[Problem, ...]:
    """One warning for all the articles set aside, with their count by reason."""
    if not rejected:
        return ()
    kinds = Counter(r.kind for r in rejected)
    parts = "; ".join(
        f"{kinds[k]} {one if kinds[k] == 1 else several}"
        for k, (one, several) in _KINDS.items()
        if kinds[k]
    )
    count = len(rejected)
    noun = "article" if count == 1 else "articles"
    return (
        Problem(
            Stage.SCREEN,
            "screening",
            f"{count} {noun} set aside as not news ({parts}); they are kept in the store, "
            "and `digest why` and the preview's Left out list give each one's reason.",
        ),
    )


def _same_subject(
    articles: Sequence[Article],
    fresh: Sequence[Article],
    sent: Mapping[ArticleId, SentStory],
) -> bool:
    """Whether the new reports in a cluster with sent ones name, in a title or a lead,
    someone or somewhere the sent reports' titles and leads name ("NATO allies agree
    Tokyo liaison office" after "NATO revives plan for a liaison office in Tokyo";
    "France" for "French"). Reports that share a subject's words but no name tell two
    events. Without names on either side nothing can be said: the clustering stands.

    Titles and leads rather than titles alone: on the real feed items of
    ``realfeeds_dev.jsonl``, each event's later item against its earlier ones, titles
    alone held 5 of 27 continuations apart, titles and leads 2, while telling apart
    more pairs of different events that share a title word (133 of 391, against 109).
    """
    told = [a for a in articles if a.id in sent]
    names = {
        _PLACE_OF.get(n, n) for n in proper_names([a.text or a.summary for a in articles], None)
    }

    def named(group: Sequence[Article]) -> set[str]:
        words = {_PLACE_OF.get(w, w) for a in group for w in content_words(f"{a.title} {_lead(a)}")}
        return words & names

    before, after = named(told), named(fresh)
    return not before or not after or bool(before & after)


def _lead(article: Article) -> str:
    """The first sentence of an article's text after its title (a feed's text often
    starts with it)."""
    text = (article.text or article.summary)[:_LEAD_CHARS]
    if article.title and text.startswith(article.title):
        text = text[len(article.title) :].lstrip(" .:-–—")
    sentences = split_sentences(text)
    return sentences[0] if sentences else ""


def continue_stories(
    articles: Sequence[Article],
    window_ids: set[ArticleId],
    sent: Sequence[SentStory],
    *,
    memo: VectorMemo | None = None,
    keep: Collection[StoryId] = (),
) -> tuple[tuple[Story, ...], tuple[LeftOut, ...], tuple[Rejected, ...]]:
    """Cluster ``articles``; clusters holding sent articles continue those stories.
    Roundup pages of the window (``digest.roundups``) are set aside, and returned last,
    unless the editors keep them (``keep``: their story ids, as a set-aside page's); the
    rest is clustered again without them.

    ``memo`` keeps the sentence vectors clustering reads (see ``digest.embed``)."""
    sent_by_article = {a: s for s in sent for a in s.article_ids}
    kept: dict[StoryId, Story] = {}
    left_out: list[LeftOut] = []
    carried = {a.id for a in articles if a.id not in window_ids}
    candidates = {a.id for a in articles if a.id in window_ids and story_id_for(a.url) not in keep}
    # A roundup set aside may have joined two events' reports that nothing else joins
    # (a brief's items on a state visit and on relief sent abroad): the rest is
    # clustered again without it, until no page is set aside.
    remaining = list(articles)
    set_aside: list[Rejected] = []
    while True:
        clustered, found = set_aside_roundups(
            cluster_stories(remaining, carried=carried, memo=memo), candidates
        )
        if not found:
            break
        set_aside.extend(found)
        gone = {r.article.id for r in found}
        remaining = [a for a in remaining if a.id not in gone]
    roundups = tuple(set_aside)
    for story in clustered:
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
        if not fresh or not _same_subject(story.articles, fresh, sent_by_article):
            if fresh:
                # Reports a week apart that share a topic's words but no name in their
                # titles and leads tell two events: the new reports are a story of
                # their own, the sent one has nothing new.
                earliest = min(fresh, key=lambda a: (a.published, a.url))
                new_id = story_id_for(earliest.url)
                kept[new_id] = dataclasses.replace(story, id=new_id, articles=fresh)
            told = tuple(a.id for a in story.articles if a.id in window_ids and a not in fresh)
            left_out.append(
                LeftOut(
                    previous.story_id,
                    LeftOutReason.SENT,
                    f"sent on {previous.issue_date}; nothing new",
                    story.articles[0].title,
                    told,
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
            sent_on=previous.issue_date,
            why=f"update to the story sent on {previous.issue_date}: new reporting from "
            + ", ".join(outlets),
        )
    unique: dict[StoryId, LeftOut] = {}
    for item in left_out:
        if item.story_id in kept:
            continue  # its articles went out before; the update holds what is new
        first = unique.get(item.story_id)
        if first is not None:
            item = dataclasses.replace(first, article_ids=first.article_ids + item.article_ids)
        unique[item.story_id] = item
    return tuple(kept.values()), tuple(unique.values()), roundups
