"""Stories -> the same stories without the pages that round up several of them.

A weekly roundup ("The world this week"), a morning newsletter or a news-in-brief page
gives a paragraph to each of several events. Clustering files it under one of them (the
one its opening paragraph tells), where its other paragraphs are another story's news:
the Gaza story printed "The Taliban government says an earthquake ... killed more than
1,000 people" from The Economist's roundup, and counted the roundup as one of its
outlets. Such a page is set aside, with its reason, as screening sets aside pages that
are no article (:mod:`digest.screen`): each of its events is told by the reports that
tell it alone.

A page is a roundup when its sentences tell at least ``_ROUNDUP_STORIES`` of the
week's stories, two of them others than its own, and more than half its sentences tell
other stories. A sentence (``_TELLING_WORDS`` words or more) tells a story when at
least ``_CLAIM`` of its words' weight (idf over the stories' articles) is in words that
story's other reports use (two of them, where it has two or more), and ``_CLAIM_LEAD``
times as much as in the next story's: a sentence of background shares a word or two
with another story, a roundup's sentence that story's names and its event. Only
stories with two outlets or more are told, as only they can show what their event's
words are. Sentences, not paragraphs: a brief's paragraph may tell two events ("In
Belgrade, tens of thousands demanded early elections on Monday ... By Wednesday, a
Kosovo police officer was in Serbian custody"), and then tells neither.

The bars were chosen on the five replica weeks of real outlets' pages and on
`bench/e2e.py`'s weeks (seeds 1, 29, 41 and 53, 298 pages each with related-link lists,
players and live pages, and seed 41's feed text; docs/quality.md, "Session 38" and
"Session 39"). The Economist's roundup is found with ``_CLAIM`` anywhere from 0.35 to
0.6 (it tells five stories up to 0.45, three at 0.6), and no other page is; ``_CLAIM``
is the middle of that range. Counted by sentences of 10 to 15 words or more, both
roundups (The Economist's and a Euractiv brief) are found and no other page; counted by
paragraphs, the brief was not. Without the rule of more than half the sentences, a live
page and pages whose player or sign-up box is another story's were taken for roundups.

A page that calls itself a briefing ("Morning Brief: ...", "Playbook: ...", an address
under "/newsletters/") needs only to tell two stories besides its own: a newsletter's
asides, ads and gossip tell no story, so most of its sentences may tell none (the
twenty-fifth and twenty-sixth replica weeks' Playbook and Morning Brief, docs/quality.md,
"Session 50"). Its items may be stories one outlet tells, as a regional briefing's
small islands' news is ("The Caribbean Briefing: ...", the twenty-seventh week).

A live page (``digest.text.is_live_page``) in a story keeps only its own story's
entries: see ``_focused``.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from digest.ids import story_id_for
from digest.models import Article, ArticleId, Story
from digest.screen import Rejected
from digest.text import content_words, is_live_page

__all__ = ["set_aside_roundups"]

# A sentence (or a live page's paragraph) this long or longer may tell a story.
_TELLING_WORDS = 12
_CLAIM = 0.45
_CLAIM_LEAD = 1.5
_ROUNDUP_STORIES = 3
# A briefing's items may be stories one outlet tells, as a regional briefing's small
# islands' news is ("The Caribbean Briefing"); then it must tell three besides its own:
# an analysis of one event recalls two others in passing.
_BRIEF_ONE_OUTLET_OTHERS = 3
# An entry of a live page whose heading tells no story is its story's with this share
# of its words' weight in that story's words, the most of any story's (see _focused).
_ENTRY_SHARE = 0.1
# Words in more stories than this tell no story apart; leaving them out of the index
# keeps the work linear (their weight still counts in a paragraph's whole).
_COMMON_IN_STORIES = 50
_PARAGRAPH = re.compile(r"\n+")
# Where a sentence ends, well enough to count a roundup's: a stop and a capital after it
# ("Dr. Smith" splits too, into pieces under _TELLING_WORDS that count for nothing).
# A regular expression, not the segmenter: this reads every article of the window.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def set_aside_roundups(
    stories: Sequence[Story], candidates: Collection[ArticleId]
) -> tuple[tuple[Story, ...], tuple[Rejected, ...]]:
    """``stories`` without the roundup pages among ``candidates`` (the window's articles:
    a report of an earlier issue stays where it is), and those pages, set aside with
    their reason. A story left with no article is gone; its order is kept. A live page
    among ``candidates`` keeps only its own story's entries (``_focused``)."""
    week = _Week.of(stories)
    # A live page's entries on an event one outlet told (often its own paper's report)
    # are that event's news too: every story shows what its event's words are there.
    live = any(is_live_page(a.title, a.url) for s in stories for a in s.articles)
    every = _Week.of(stories, least_outlets=1) if live else week
    covered = _roundups(week, stories, candidates)
    kept: list[Story] = []
    rejected: list[Rejected] = []
    for story in stories:
        members = tuple(
            _focused(every, a) if a.id in candidates else a
            for a in story.articles
            if a.id not in covered
        )
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
            kept.append(dataclasses.replace(story, articles=members))
            continue
        # A story is named by its earliest report, as clustering names it.
        kept.append(dataclasses.replace(story, id=story_id_for(members[0].url), articles=members))
    return tuple(kept), tuple(rejected)


@dataclass(frozen=True, slots=True)
class _Week:
    """What the week's stories tell: the stories with two outlets or more (or
    ``least_outlets``), the words each one's reports use, and every word's idf over the
    stories' articles."""

    told: tuple[Story, ...]
    uses: tuple[Counter[str], ...]
    index: dict[str, list[int]]
    common: frozenset[str]
    idf: dict[str, float]
    bags: dict[ArticleId, frozenset[str]]
    own_story: dict[ArticleId, int]

    @classmethod
    def of(cls, stories: Sequence[Story], least_outlets: int = 2) -> _Week:
        articles = [a for story in stories for a in story.articles]
        bags = {
            a.id: frozenset(content_words(f"{a.title} {a.text or a.summary}")) for a in articles
        }
        frequency = Counter(word for bag in bags.values() for word in bag)
        idf = {
            word: math.log((len(articles) + 1) / (count + 1)) for word, count in frequency.items()
        }
        told = tuple(s for s in stories if len({a.outlet for a in s.articles}) >= least_outlets)
        uses = tuple(Counter(word for a in s.articles for word in bags[a.id]) for s in told)
        index: dict[str, list[int]] = {}
        for number, counts in enumerate(uses):
            for word in counts:
                index.setdefault(word, []).append(number)
        common = frozenset(word for word, found in index.items() if len(found) > _COMMON_IN_STORIES)
        own_story = {a.id: number for number, s in enumerate(told) for a in s.articles}
        return cls(told, uses, index, common, idf, bags, own_story)

    def tells(self, paragraph: str, article: Article) -> int | None:
        """The story (its number in ``told``) ``paragraph`` (or sentence) of ``article``
        tells, if one stands out."""
        if len(paragraph.split()) < _TELLING_WORDS:
            return None
        ranked = self.shares(paragraph, article)
        if not ranked:
            return None
        (best, share), *rest = ranked
        runner_up = rest[0][1] if rest else 0.0
        if share >= _CLAIM and share >= _CLAIM_LEAD * runner_up:
            return best
        return None

    def shares(self, text: str, article: Article) -> list[tuple[int, float]]:
        """The two stories ``text`` of ``article`` shares most with, by the share of its
        words' weight in words their other reports use, largest first."""
        own = self.own_story.get(article.id)
        words = set(content_words(text))
        whole = sum(self.idf.get(word, 0.0) for word in words)
        if whole <= 0:
            return []
        shared: dict[int, float] = {}
        for word in words - self.common:
            for number in self.index.get(word, ()):
                others = len(self.told[number].articles) - (number == own)
                # The story's other reports: the page's own words are no evidence.
                count = self.uses[number][word] - (number == own and word in self.bags[article.id])
                if count >= min(2, others) and count > 0:
                    shared[number] = shared.get(number, 0.0) + self.idf.get(word, 0.0)
        ranked = sorted(shared.items(), key=lambda item: -item[1])[:2]
        return [(number, weight / whole) for number, weight in ranked]


def _roundups(
    week: _Week, stories: Sequence[Story], candidates: Collection[ArticleId]
) -> dict[ArticleId, int]:
    """Each roundup page among ``candidates``, with the number of stories it tells: of
    ``week``'s (two outlets or more), or for a page that calls itself a briefing, one-
    outlet stories too (``_briefing_tells``)."""
    found: dict[ArticleId, int] = {}
    for each in stories:
        for article in each.articles:
            if article.id not in candidates:
                continue
            sentences = [
                sentence
                for paragraph in _PARAGRAPH.split(article.text or "")
                for sentence in _SENTENCE_END.split(paragraph)
                if len(sentence.split()) >= _TELLING_WORDS
            ]
            if len(sentences) < _ROUNDUP_STORIES:
                continue
            if _calls_itself_a_briefing(article) and (
                count := _briefing_tells(stories, each, article, sentences)
            ):
                found[article.id] = count
                continue
            own = week.own_story.get(article.id)
            tells = Counter(
                story
                for sentence in sentences
                if (story := week.tells(sentence, article)) is not None
            )
            elsewhere = sum(count for story, count in tells.items() if story != own)
            others = len(tells.keys() - {own})
            # Most of its sentences are other stories' news: a report keeps half its
            # sentences or more to its own event, whatever it recalls of others. A page
            # that calls itself a briefing ("Morning Brief: ...", a newsletter's address)
            # needs only to tell two stories besides its own: its asides, ads and
            # gossip tell none.
            if (
                len(tells) >= _ROUNDUP_STORIES
                and others >= 2
                and (2 * elsewhere > len(sentences) or _calls_itself_a_briefing(article))
            ):
                found[article.id] = len(tells)
    return found


def _briefing_tells(
    stories: Sequence[Story], own: Story, page: Article, sentences: list[str]
) -> int:
    """How many stories a page that calls itself a briefing tells, one-outlet stories
    among them, when it tells its own and ``_BRIEF_ONE_OUTLET_OTHERS`` more; else 0.

    Its own story's other reports are stories of their own here: a briefing's line on a
    one-outlet event may have drawn that event's report into its cluster."""
    apart = [s for s in stories if s is not own] + [
        Story(id=story_id_for(a.url), articles=(a,)) for a in own.articles if a.id != page.id
    ]
    week = _Week.of(apart, least_outlets=1)
    told = {story for sentence in sentences if (story := week.tells(sentence, page)) is not None}
    # A page that is its story alone (a week-ahead page no report joined) has no own
    # story to tell besides the others.
    needed = _BRIEF_ONE_OUTLET_OTHERS + (1 if len(own.articles) > 1 else 0)
    return len(told) if len(told) >= needed else 0


def _calls_itself_a_briefing(article: Article) -> bool:
    """Whether ``article``'s title or address names it a newsletter or a briefing of the
    day's news ("Morning Brief: ...", "Playbook: ...", "/newsletters/"); not "Five things
    to know about ..." nor a "/briefing/" section, which hold one subject's long reads."""
    return bool(
        _BRIEFING_TITLE.search(article.title) or _BRIEFING_PATH.search(urlsplit(article.url).path)
    )


_BRIEFING_TITLE = re.compile(
    r"^(?:(?:Your|The|Today['’]s)\s+)?(?:Morning|Evening|Afternoon|Daily|Weekend|Midday|Nightly|"
    r"Week(?:ly)?|World|News|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
    r"(?:Brief|Briefing|Digest|Wrap|Round-?up|Bulletin|Update)\b"
    # "5 things to know before the stock market opens" (not "... to know about" a subject).
    r"|\b(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+things\s+(?:to\s+know|you\s+need\s+"
    r"to\s+know)\s+(?:before|today|this\s+(?:morning|week)|now)\b"
    r"|^(?:Playbook|Morning\s+Edition|First\s+Edition|Newsletter)\b"
    # A week's list, behind or ahead: "The Real Russia. This week: A swap in Abu Dhabi,
    # Belgium backs down, and ...", "The week ahead: UN debate on Dnipro, EU loan vote,
    # ...", "Week ahead in world news" (not "Week ahead for Lai" alone: a list's commas).
    r"|(?:^|[.:!?]\s+)This\s+week\s*:\s*[^,:]+,[^,:]+,?\s+and\s"
    r"|^(?:The\s+)?(?:Week|Days?)\s+ahead\b(?:\s+in\s+[\w\s]+)?\s*:\s*[^,:]+,\s*[^,:]+,"
    r"|^(?:The\s+)?Week\s+ahead\s+in\s+(?:world\s+)?news\b"
    r"|^(?:The\s+)?(?:News|World)\s+in\s+(?:Brief|Briefs|Short)\b"
    # "The Week in Africa: ...", "The Day in Asia: ..." (before a colon: a section's
    # page may be titled "The week in Africa" with one subject of its own; not "Day in
    # court:").
    r"|^(?:The\s+)?(?:Week|Day|Weekend)\s+in\s+(?-i:(?!(?:Court|Review|Pictures|Photos)\b)"
    r"(?:[A-Z][\w’'-]+\s*){1,2}):"
    # A region's edition before a colon: "The Caribbean Briefing: ...", "Gulf Morning:
    # ...", "Asia Morning Brief: ..." (capitals as written; not a subject's: "Policy
    # Brief:", "Legal brief:", "Election Bulletin:", "Ukraine war briefing:").
    r"|^(?:The\s+)?(?-i:(?!(?:Policy|Legal|Amicus|Election|Research|Data|Fact|Issue|Court|"
    r"Press|Media|War|Trade|Tech|Health|Climate|Business|Market|Markets|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w’'-]+\s+(?:[A-Z][\w’'-]+\s+)?"
    r"(?:Brief|Briefing|Digest|Wrap|Round-?up|Morning|Evening))\s*:",
    re.IGNORECASE,
)
_BRIEFING_PATH = re.compile(
    r"/(?:newsletters?|morning-brief\w*|evening-brief\w*|playbook|news-in-brief|daily-digest)"
    r"(?:/|-|$)",
    re.IGNORECASE,
)


def _focused(week: _Week, article: Article) -> Article:
    """A live page with only the entries of its own story.

    A live page runs entries on several events, and clustering files it under one; its
    other entries are other stories' news ("The military says the incident is being
    reviewed", under the Knesset's vote). Each paragraph that tells one of the week's
    stories (``_Week.tells``) starts that story's run, and an entry's heading (a short
    line with no full stop, ``_HEADING``) that tells none starts a run of no story: an
    entry on an event the week has no story for ("Gaza: three killed in Israeli strike",
    under a survey ship's voyage). A paragraph that tells none (a quotation, an entry's
    second paragraph, a paragraph under ``_TELLING_WORDS`` words) goes with the run
    before it, or the first story's run when it comes before any. The page keeps its own
    story's runs; it is left whole when its story is told by one outlet (nothing shows
    what its words are) or when none of its runs is its story's.
    """
    own = week.own_story.get(article.id)
    if own is None or not is_live_page(article.title, article.url):
        return article
    paragraphs = article.text.split("\n\n")
    tells = [week.tells(paragraph, article) for paragraph in paragraphs]
    runs: list[int | None] = []
    current = next((story for story in tells if story is not None), None)
    for paragraph, story in zip(paragraphs, tells, strict=True):
        if story is not None:
            current = story
        elif _HEADING.match(paragraph):
            current = None
        elif current not in (None, own) and _leans_on(week, paragraph, article, own):
            # Back to its own story after a paragraph of another's background: "Opposition
            # leader Yair Lapid called the result a victory" after a line on the EU loan.
            current = own
        elif current == own and (other := _leaning(week, paragraph, article)) not in (None, own):
            # Off to another story's entry that does not name it outright: "Opposition
            # economists criticized the government after the rate cut" after the Gaza
            # conference's entry.
            current = other
        runs.append(current)
    # A run an untold heading starts is its own story's when, all its paragraphs
    # together, it shares most with that story, and at least _ENTRY_SHARE: an entry
    # on the story told in other words ("Jetstar cancels Bali flights" under an
    # eruption), not one on an event the week has no story for.
    start = 0
    while start < len(runs):
        end = start + 1
        if runs[start] is None:
            while end < len(runs) and runs[end] is None and not _HEADING.match(paragraphs[end]):
                end += 1
            if _leans_on(week, " ".join(paragraphs[start:end]), article, own):
                runs[start:end] = [own] * (end - start)
        start = end
    kept = [p for p, story in zip(paragraphs, runs, strict=True) if story == own]
    if not kept or len(kept) == len(paragraphs):
        return article
    return dataclasses.replace(article, text="\n\n".join(kept))


def _leans_on(week: _Week, text: str, article: Article, story: int) -> bool:
    """Whether ``text`` shares most with ``story``, and at least ``_ENTRY_SHARE``."""
    return _leaning(week, text, article) == story


def _leaning(week: _Week, text: str, article: Article) -> int | None:
    """The story ``text`` shares most with, if at least ``_ENTRY_SHARE``."""
    ranked = week.shares(text, article)
    return ranked[0][0] if ranked and ranked[0][1] >= _ENTRY_SHARE else None


# A live page's entry heading: a capitalised line of a few words with no full stop
# ("Gaza: three killed in Israeli strike in Khan Younis", "Updated at 11:59 PM").
_HEADING = re.compile(r"^\s*[A-Z0-9\"“‘'][^\n]{0,120}(?<![.!?\"”’'])\s*$")
