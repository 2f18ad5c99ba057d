"""Plain, frozen data passed between the pipeline stages.

Collections are tuples, times are timezone-aware UTC, identifiers are ``NewType``s.
Third-party objects (feedparser dicts, trafilatura documents, SQLAlchemy rows) never
appear here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NewType

from digest.text import TITLE_WORDS, repeated_copies, republished_from, same_outlet
from digest.urls import redact_secrets

__all__ = [
    "ALSO_IN_THE_NEWS",
    "ELSEWHERE",
    "Article",
    "ArticleId",
    "Brief",
    "ExtractedText",
    "FeedEntry",
    "FetchOutcome",
    "FetchResult",
    "Issue",
    "LeftOut",
    "LeftOutReason",
    "NewsWindow",
    "Perspective",
    "Problem",
    "RenderedIssue",
    "Sentence",
    "Source",
    "Stage",
    "Story",
    "StoryId",
    "StoryStatus",
    "StorySummary",
    "TakeOrigin",
    "TextOrigin",
    "TopicSection",
    "TopicStories",
    "WatchItem",
]

ArticleId = NewType("ArticleId", str)
StoryId = NewType("StoryId", str)


class Stage(StrEnum):
    """The pipeline stage a problem belongs to."""

    FETCH = "fetch"  # polling a feed
    EXTRACT = "extract"  # fetching and extracting an article page
    EDITORIAL = "editorial"  # an entry of editorial.yaml that could not be applied
    SUMMARIZE = "summarize"  # writing a story up
    LLM = "llm"  # the language model's Briefly or take
    RENDER = "render"  # the rendered email (its size)
    SCREEN = "screen"  # articles set aside as not news before clustering


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that went wrong for one item; the run goes on without it.

    ``where`` names the item (a feed name, an article URL, a story id, a file) and
    ``message`` is the whole line an editor reads: where, what happened, what to do.
    Each fact has one producer, so the list needs no de-duplication.
    """

    stage: Stage
    where: str
    message: str

    def __post_init__(self) -> None:
        # Problems are published (digest.json, the preview, logs): a feed URL's token or
        # a database password in one must never reach a reader.
        object.__setattr__(self, "where", redact_secrets(self.where))
        object.__setattr__(self, "message", redact_secrets(self.message))

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class NewsWindow:
    """The issue date (in the newsletter's time zone) and the news it covers."""

    issue_date: date
    start: datetime
    end: datetime


class LeftOutReason(StrEnum):
    """Why a story considered for an issue is not in it."""

    SENT = "sent"  # sent in an earlier issue, nothing new since
    MERGED = "merged"  # merged into another story by the editors
    DROPPED = "dropped"  # dropped by the editors
    ONE_OUTLET = "one_outlet"  # one outlet only, no standing topic, "Also in the news" full
    OVER_CAP = "over_cap"  # ranked below newsletter.max_stories
    FAILED = "failed"  # could not be written up
    SET_ASIDE = "set_aside"  # not news: a crawl notice, an empty page, repeated furniture


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A story the issue considered and left out; ``detail`` is the line editors read.

    ``article_ids`` are this issue's articles the story held (none for a story merged
    into another: its articles are counted there), so every article of the window is
    accounted for once. An article set aside before clustering is a story of its own.
    ``topic`` is the standing topic a story cut by the cap was filed under, if any.
    """

    story_id: StoryId
    reason: LeftOutReason
    detail: str
    headline: str = ""
    article_ids: tuple[ArticleId, ...] = ()
    topic: str = ""


class FetchOutcome(StrEnum):
    OK = "ok"  # 200, entries parsed (maybe with warnings)
    NOT_MODIFIED = "not_modified"  # 304 on a conditional GET: nothing new
    MOVED = "moved"  # 301/308: the store records final_url
    GONE = "gone"  # 410: feed deactivated, editors told
    FAILED = "failed"  # network error, other 4xx/5xx, unparseable: `error` says why


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, normalised.

    ``key`` is stable across polls (guid, else canonical link, else a hash of title and
    date). ``url`` is the canonical article URL. ``content`` and ``summary`` are plain
    text (markup removed) taken from the feed itself.
    """

    key: str
    feed_url: str
    outlet: str
    url: str
    title: str
    summary: str
    content: str
    published: datetime
    author: str = ""
    # Minutes east of UTC the feed wrote the date in ("-0500": -300); None when it gave
    # none or wrote UTC itself, which many feeds do whatever their outlet's clock.
    utc_offset: int | None = None
    # False when the feed gave the item no date of its own: ``published`` is then the
    # feed's date or the poll time, until the article's page says when it came out.
    dated: bool = True


@dataclass(frozen=True, slots=True)
class FetchResult:
    feed_url: str
    outcome: FetchOutcome
    final_url: str
    etag: str | None = None
    last_modified: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    error: str = ""
    warnings: tuple[str, ...] = ()
    status: int | None = None


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """The main text of an article page and its language (``en``; "" when unknown).

    ``text`` holds paragraphs separated by a blank line; it is plain text.
    ``published`` is when the page says it was first published (timezone-aware), if
    it says so; ``utc_offset`` the minutes east of UTC it wrote that time in, if not UTC.
    ``modified`` is when the page says it was last changed, if it says so.
    ``kind`` is "opinion" or "analysis" when the page says it is one, else "".
    ``canonical`` is the article's own address when the page is an AMP copy of it on the
    same site ("/lite/"), else "".
    ``next_page`` is the address of the article's next page when the page is one of
    several ("Page 1 of 2"), else "".
    ``title`` is the page's own headline, without the site's name ("" if it states none).
    ``update_shown`` is whether the page shows the reader it was updated ("Updated:
    January 10", "This story has been updated to ..."), in its body or not.
    """

    text: str
    language: str = ""
    published: datetime | None = None
    utc_offset: int | None = None
    kind: str = ""
    canonical: str = ""
    modified: datetime | None = None
    next_page: str = ""
    title: str = ""
    update_shown: bool = False

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.text.split("\n\n") if p.strip())


class TextOrigin(StrEnum):
    """Where an article's text came from."""

    PAGE = "page"  # extracted from the article page
    FEED_CONTENT = "feed_content"  # the feed's full content
    FEED_SUMMARY = "feed_summary"  # the feed's teaser only


@dataclass(frozen=True, slots=True)
class Article:
    """An entry with its full text, ready for clustering."""

    id: ArticleId
    url: str
    outlet: str
    feed_url: str
    title: str
    published: datetime
    text: str  # plain text, paragraphs separated by a blank line
    summary: str = ""  # the feed's teaser, plain text
    text_origin: TextOrigin = TextOrigin.PAGE
    author: str = ""
    language: str = ""
    utc_offset: int | None = None  # as FeedEntry.utc_offset: the outlet's clock, if known
    page_kind: str = ""  # "opinion" or "analysis" when its page says so (ExtractedText.kind)
    # When its page says it last changed the text (within a week of ``published``).
    updated: datetime | None = None

    @property
    def written(self) -> datetime:
        """When the text was written as it reads: its last change, else its date. Its
        days ("on Friday") are told from this."""
        return self.updated or self.published


class StoryStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same event, from one or more outlets."""

    id: StoryId
    articles: tuple[Article, ...]  # ordered: earliest first
    status: StoryStatus = StoryStatus.NEW
    why: str = ""  # why it is in the issue (topic match, outlets, update)
    sent_on: str = ""  # an update: the date (YYYY-MM-DD) of the issue that told it last
    rank: int = 0  # 1 = the issue's most important story (selection sets it); 0 = unranked
    # The articles the headline and the Briefly's lead come from when one of them can:
    # a story the editors merged others into keeps its own (empty: any article).
    lead_articles: frozenset[ArticleId] = frozenset()

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that reported it: a piece another outlet republished under its
        credit ("This article first appeared in The Times") is the first outlet's, and
        so is the same wire copy carried word for word by a later one."""
        names = {article.outlet for article in self.articles}
        copies = (
            repeated_copies(tuple((a.outlet, a.text) for a in self.articles))
            if len(names) > 1
            else ()
        )
        seen: dict[str, None] = {}
        for n, article in enumerate(self.articles):
            credited = republished_from(article.text) if len(names) > 1 else ""
            if (n < len(copies) and copies[n] is not None) or (
                credited
                and any(same_outlet(credited, name) for name in names if name != article.outlet)
            ):
                continue
            seen.setdefault(article.outlet, None)
        return tuple(seen) or tuple(dict.fromkeys(a.outlet for a in self.articles))

    @property
    def has_text(self) -> bool:
        """Whether any article has text beyond its title (a page read or a feed teaser)."""
        return any(a.text or a.summary for a in self.articles)


@dataclass(frozen=True, slots=True)
class TopicStories:
    """A topic (configured or discovered) with its stories, best first."""

    name: str
    configured: bool
    stories: tuple[Story, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a summary and the article it was taken from."""

    text: str
    source_url: str


@dataclass(frozen=True, slots=True)
class Perspective:
    """Who says what: an attributed viewpoint.

    ``verb`` ("says", "say") makes the bullet read "who says what" in the present tense;
    without one (an editor's own perspective) it reads "who: what". ``connective`` is
    what goes between ``who`` and ``says`` either way.
    """

    who: str
    says: str
    source_url: str
    outlet: str = ""
    verb: str = ""

    @property
    def connective(self) -> str:
        if not self.verb:
            return ":"
        # "Jane Doe, a farmer, says ..."; a quote is introduced: "says: “...”". No comma
        # closes a list of names ("Russia, Kazakhstan and Turkey say") or a body's name
        # ("Meteorology, Climatology and Geophysics Agency"): every word capitalised. Nor
        # a title's portfolios before the name ("Minister for Business, Trade, Justice and
        # Gender Equality Naaja Nathanielsen"): a title first, every word after the last
        # comma capitalised. (After a name, a role's list is an apposition: "Sarah Doe,
        # vice president of Strategy, Planning and Design, says".)
        # An acronym in brackets is part of the name: "... Geophysics Agency (BMKG)".
        who = self.who.replace("(", "").replace(")", "")
        words = who.replace(",", " ").split()
        last = who.rsplit(",", 1)[-1].split()
        # Portfolios only, every part after the first capitalised ("Trade", "Mineral
        # Resources"): not "Professor Jane Doe, head of the School of Law, Politics and ...".
        parts = who.split(",")
        titled = any(w in TITLE_WORDS for w in parts[0].split()) and all(
            w[:1].isupper() for part in parts[1:] for w in part.split() if w != "and"
        )
        listed = (
            "and" in (last if titled else words)
            and all(w[:1].isupper() for w in (last if titled else words) if w != "and")
            and (titled or not any(w in TITLE_WORDS for w in words))
        )
        comma = "," if "," in self.who and not listed else ""
        colon = ":" if self.says[:1] in '"“' else ""
        return f"{comma} {self.verb}{colon}"


@dataclass(frozen=True, slots=True)
class Source:
    outlet: str
    title: str
    url: str
    published: datetime


class TakeOrigin(StrEnum):
    EDITOR = "editor"  # editorial.yaml
    LLM = "llm"  # the configured model, checked against the sources
    MISSING = "missing"  # nobody wrote one; left out of the email


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story written up in the house style."""

    story_id: StoryId
    headline: str
    briefly: tuple[Sentence, ...]
    perspectives: tuple[Perspective, ...]
    also_worth_noting: tuple[Sentence, ...]
    sources: tuple[Source, ...]
    take: str = ""
    take_origin: TakeOrigin = TakeOrigin.MISSING
    status: StoryStatus = StoryStatus.NEW
    sent_on: str = ""  # an update: the date (YYYY-MM-DD) of the issue that told it last
    # For the editors, never printed: what to check before sending (figures the outlets
    # disagree on, a future tense about a date already past) and the sources' strongest
    # analytical sentences as starting points for a take (the outlets' words, not ours).
    flags: tuple[str, ...] = ()
    take_starters: tuple[Sentence, ...] = ()
    rank: int = 0  # the story's Story.rank: 1 = most important; 0 = unranked

    @property
    def briefly_text(self) -> str:
        return " ".join(s.text for s in self.briefly)


@dataclass(frozen=True, slots=True)
class TopicSection:
    name: str
    configured: bool
    stories: tuple[StorySummary, ...]

    @property
    def anchor(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.name.lower())
        return "-".join(part for part in slug.split("-") if part) or "topic"


# The heading of the one-line list of one-outlet stories, and its topic in the store.
ALSO_IN_THE_NEWS = "Also in the news"
# The section of stories that match no topic and share nothing with another story.
ELSEWHERE = "Elsewhere"


@dataclass(frozen=True, slots=True)
class Brief:
    """A one-outlet story told in one line under "Also in the news".

    ``sentence`` is the article's lead sentence, cleaned; it may be empty when the
    article has none worth printing.
    """

    story_id: StoryId
    headline: str
    outlet: str
    url: str
    sentence: str
    published: datetime


@dataclass(frozen=True, slots=True)
class WatchItem:
    """An event ahead that an article mentions: a summit, a vote, a deadline.

    ``day`` is None when the article names only the month (``month`` is then the first
    of it); ``text`` is the sentence that mentions it, as written.
    """

    month: date
    day: date | None
    text: str
    outlet: str
    url: str
    story_id: StoryId


@dataclass(frozen=True, slots=True)
class Issue:
    """One issue of the newsletter, fully written, ready to render."""

    newsletter: str
    issue_date: date
    window_start: datetime
    window_end: datetime
    topics: tuple[TopicSection, ...]
    problems: tuple[Problem, ...] = ()
    generated_at: datetime | None = None
    also_in_the_news: tuple[Brief, ...] = ()  # after the main stories, in this order
    watch: tuple[WatchItem, ...] = ()  # dated events ahead, soonest first
    number: int = 0  # the issue's number (1 = the first); 0 = not numbered
    # Built as a draft (not the issue to send): the archive page marks it, its feed omits it.
    is_draft: bool = False

    @property
    def stories(self) -> tuple[StorySummary, ...]:
        return tuple(s for t in self.topics for s in t.stories)


@dataclass(frozen=True, slots=True)
class RenderedIssue:
    """The issue as email parts. ``eml`` is the complete RFC 5322 message."""

    subject: str
    preheader: str
    html: str
    text: str
    eml: bytes
    web_html: str = ""
    # What the email's HTML left out to stay under Gmail's clip ("" when it is whole):
    # a layout.Fit label such as "Briefly for every story".
    shortened: str = ""
