"""Articles -> the ones that can make a story, and the others with their reason.

Real pages are not always articles: a crawl or paywall notice, a video page whose only
text is the player's error, a tweet embed's "Tweet with a location" boilerplate. Such
"articles" from unrelated events share their text word for word, so clustering would
happily turn twelve of them into one twelve-outlet story. ``screen_articles`` sets
them aside before clustering; they stay in the store, and the build reports them once.

Three tests, in order:

1. **Notices.** Sentences that announce a page that is not an article (``_NOTICE``:
   crawl and paywall notices, error and placeholder pages) are dropped.
2. **Text repeated across unrelated articles.** A run of ``_SHINGLE_WORDS`` words found
   in articles of two or more outlets published more than ``_SPREAD_HOURS`` apart is
   site furniture, not reporting: wire copy of one event repeats too, but within a day
   or so. A sentence made mostly of such runs is dropped. (The text used downstream
   loses it; the store keeps the page as fetched.)
3. **Too little left.** Fewer than ``_MIN_WORDS`` words of text besides the title, and
   a title of fewer than ``_MIN_TITLE_WORDS`` words or one that is itself the start of
   a furniture sentence: nothing says what happened. (A real headline over an empty
   page is kept: the headline alone can join its event's story.) Sentences the page's
   own outlet repeats on ``_OUTLET_PAGES`` or more pages over ``_SPREAD_HOURS`` apart
   (its promos and sign-offs) stay in the text but do not count as words here.

Where a page fails but the feed's own teaser passes, the teaser stands in for the page
(``TextOrigin.FEED_SUMMARY``), so a bad page never costs a good feed item.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from digest.models import Article, TextOrigin
from digest.text import word_count

__all__ = ["Rejected", "Screened", "screen_articles"]

# Word n-grams this long are specific enough that unrelated pages do not share them by
# chance ("he said he would" repeats innocently; an 8-word run of a notice does not).
_SHINGLE_WORDS = 8
# Wire copy of one event is published within a day or so (on the real feed set, every
# same-event pair within 32 hours); the same words 48 hours apart are furniture.
_SPREAD_HOURS = 48.0
# Text an outlet repeats on this many of its own pages, over _SPREAD_HOURS apart, is
# its own furniture ("Latest on this story: here is what we know so far.").
_OUTLET_PAGES = 3
# A sentence goes when at least this share of its shingles are furniture.
_FURNITURE_SHARE = 0.5
# What must be left: a paragraph's worth of text, or a title that says something.
_MIN_WORDS = 25
_MIN_TITLE_WORDS = 4
# Sentences that announce a page that is not an article: crawl, paywall and reprint
# notices, error and placeholder pages as a browser-less fetch sees them.
_NOTICE = re.compile(
    r"Alexa Internet has been donating|Wayback (?:Machine|Team)|crawl data|"
    r"crawls are part of an effort|effort to archive pages|"
    r"This copy is for your personal,? non-commercial use|"
    r"page (?:you (?:requested|are looking for) )?(?:was |could )?not (?:be )?found|"
    r"(?:feature|content|video) is not available|could not be loaded|"
    r"(?:enable|disabled|turn on) JavaScript|JavaScript is (?:disabled|required|turned off)|"
    r"Your browser (?:does not|doesn't) support|please enable cookies|are you a robot|"
    # Twitter's embed widget, which page fetches keep when a tweet is all a page holds.
    r"Tweet with a location|Add a location to your Tweets",
    re.IGNORECASE,
)
# An outlet's corrections page by its title: "Corrections and clarifications",
# "Corrections & Clarifications, January 3", "Corrections: week of 28 December".
# (Not "Clarification: PM did not resign": a report's label.)
_CORRECTIONS = re.compile(
    r"^\s*(?:Corrections?|Clarifications?)(?:\s+(?:and|&)\s+(?:corrections?|clarifications?))?"
    r"\s*(?:$|\|.*$|[,:–—-]\s*(?:for\s+|week\s+of\s+)?(?:\d|(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[^:]{0,30}$)",
    re.IGNORECASE,
)
# A year told in its stories: "2026 in review: the ten stories that shaped ...", "The
# year in review", "Ten stories that defined 2026" (not "Court to review 2026 vote").
_YEAR_IN_REVIEW = re.compile(
    r"^(?:(?:The\s+)?Year|\d{4})\s+in\s+review\b"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+(?:stories|"
    r"events|moments)\s+that\s+(?:shaped|defined|marked|changed)\s+(?:the\s+)?(?:year|20\d\d)\b"
    r"(?!\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# An embedded social post's signature: "— Jane Doe (@janedoe) November 23, 2026".
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*(?:[^()\n]{1,60}\(@\w{1,30}\)|@\w{1,30},?)\s*(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
)
# Sentences that are about the page, not the news, and so do not count towards
# _MIN_WORDS: a post's signature, WordPress's "The post ... appeared first on ...".
_NOT_REPORTING = re.compile(rf"{_POST_SIGNATURE.pattern}|\bappeared first on\b")
_NONE: frozenset[int] = frozenset()
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article set aside, and why (shown by ``digest why`` and the preview)."""

    article: Article
    reason: str
    kind: str = ""  # "notice", "furniture" or "short": what ``reason`` says, for counting


@dataclass(frozen=True, slots=True)
class Screened:
    kept: tuple[Article, ...]
    rejected: tuple[Rejected, ...]
    # Articles whose page failed and whose feed teaser stands in for it.
    teaser_used: int = 0


def screen_articles(articles: Sequence[Article]) -> Screened:
    """Split ``articles`` into those that can make a story and those that cannot.

    Kept articles come back in input order, with furniture and notice sentences removed
    from their text (see the module docstring). The result depends only on the input.
    """
    furniture, own = _furniture_shingles(articles)
    kept: list[Article] = []
    rejected: list[Rejected] = []
    teaser_used = 0
    for article in articles:
        cleaned = _clean_text(article.text, furniture, own.get(article.outlet, _NONE))
        text, problem, notices = cleaned
        if problem and article.text_origin is TextOrigin.PAGE and article.summary:
            teaser, teaser_problem, _ = _clean_text(article.summary, furniture, _NONE)
            if not teaser_problem:
                text, problem = teaser, ""
                article = dataclasses.replace(article, text_origin=TextOrigin.FEED_SUMMARY)
                teaser_used += 1
        if _NOTICE.search(article.title):
            problem = "notice"  # the page says what it is: not an article
        elif _CORRECTIONS.match(article.title):
            # An outlet's list of corrections to earlier reports: each line a number or a
            # name of another story, no event of its own.
            rejected.append(Rejected(article, _REASONS["corrections"], "corrections"))
            continue
        elif _YEAR_IN_REVIEW.search(article.title):
            # A paragraph for each of a year's events, a few of them this week's: none
            # is its news (the briefings of digest.roundups tell the week's).
            rejected.append(Rejected(article, _REASONS["year"], "roundup"))
            continue
        if problem and not _says_something(article.title, furniture, notices):
            reason = _REASONS[problem].format(words=word_count(text))
            rejected.append(Rejected(article, reason, problem))
            continue
        kept.append(article if text == article.text else dataclasses.replace(article, text=text))
    return Screened(tuple(kept), tuple(rejected), teaser_used)


_REASONS = {
    "notice": "not an article: a crawl, error or paywall page",
    "corrections": "not a report: the outlet's list of corrections to earlier articles",
    "year": "not a report: a review of the year's stories",
    "furniture": "no article text: the page repeats text found on unrelated pages",
    "short": "too little text to say what happened ({words} words)",
}


def _says_something(title: str, furniture: frozenset[int], notices: str) -> bool:
    """A title that can carry a story alone: long enough, not a notice nor the start of
    one the page holds (``notices``: a page's title is often its first sentence), and
    not itself furniture (most of its word runs repeated on unrelated pages)."""
    if word_count(title) < _MIN_TITLE_WORDS or _NOTICE.search(title):
        return False
    words = " ".join(_WORDS.findall(title.lower()))
    if words and words in " ".join(_WORDS.findall(notices.lower())):
        return False
    return not _is_furniture(title, furniture)


def _clean_text(text: str, furniture: frozenset[int], own: frozenset[int]) -> tuple[str, str, str]:
    """The text without furniture and notice sentences, what is wrong with what is left
    ("" for nothing, "notice", "furniture" or "short") and the sentences that say the
    page is no article (notices dropped, an embedded post kept).

    Sentences of the outlet's own furniture (``own``) stay but do not count towards
    ``_MIN_WORDS``, nor do a post's signature and "The post ... appeared first on ...",
    nor an embedded social post: the paragraph before its signature ("— Jane Doe
    (@janedoe) November 23, 2026"), which is someone's post, not the page's reporting."""
    paragraphs: list[str] = []
    dropped = ""
    notices = []
    counted: list[list[str]] = []  # each kept paragraph's sentences that count
    signatures: list[int] = []  # the kept paragraphs that sign an embedded post
    for paragraph in text.split("\n\n"):
        kept = []
        counts = []
        for sentence in _SENTENCE_END.split(paragraph):
            if not sentence.strip():
                continue
            if _NOTICE.search(sentence):
                dropped = "notice"
                notices.append(sentence)
            elif _is_furniture(sentence, furniture):
                dropped = dropped or "furniture"
            else:
                kept.append(sentence.strip())
                if not _is_furniture(sentence, own):
                    counts.append(sentence)
        if kept:
            if _POST_SIGNATURE.search(paragraph):
                signatures.append(len(paragraphs))
            paragraphs.append(" ".join(kept))
            counted.append(counts)
    words = [
        sum(word_count(s) for s in counts if not _NOT_REPORTING.search(s)) for counts in counted
    ]
    for at in signatures:
        # The post is the last paragraph above its signature that counted: the outlet's
        # own furniture ("Latest on this story: ...") may sit in between. A title taken
        # from anything above the signature is the post's words, not a headline.
        post = next((i for i in range(at - 1, -1, -1) if words[i]), None)
        if post is not None:
            words[post] = 0
        notices.extend(paragraphs[:at])
    cleaned = "\n\n".join(paragraphs) if dropped else text
    if sum(words) >= _MIN_WORDS:
        return cleaned, "", ""
    return cleaned, dropped or "short", " ".join(notices)


def _is_furniture(sentence: str, furniture: frozenset[int]) -> bool:
    shingles = _shingles(sentence)
    if not shingles or not furniture:
        return False
    return sum(s in furniture for s in shingles) >= _FURNITURE_SHARE * len(shingles)


def _furniture_shingles(
    articles: Sequence[Article],
) -> tuple[frozenset[int], dict[str, frozenset[int]]]:
    """Word runs found in two or more outlets' articles over ``_SPREAD_HOURS`` apart, and
    per outlet, those it repeats on ``_OUTLET_PAGES`` of its own pages that far apart."""
    seen: dict[int, tuple[str, datetime, datetime, bool]] = {}
    for article in articles:
        for shingle in _article_shingles(article):
            first = seen.get(shingle)
            if first is None:
                seen[shingle] = (article.outlet, article.published, article.published, False)
                continue
            outlet, earliest, latest, several = first
            seen[shingle] = (
                outlet,
                min(earliest, article.published),
                max(latest, article.published),
                several or outlet != article.outlet,
            )
    across = frozenset(
        shingle
        for shingle, (_, earliest, latest, several) in seen.items()
        if several and _hours(earliest, latest) > _SPREAD_HOURS
    )
    del seen
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        by_outlet.setdefault(article.outlet, []).append(article)
    return across, {outlet: _repeated(pages) for outlet, pages in by_outlet.items()}


def _repeated(pages: Sequence[Article]) -> frozenset[int]:
    """Word runs on ``_OUTLET_PAGES`` or more of one outlet's pages, over
    ``_SPREAD_HOURS`` apart (one outlet at a time, to keep memory to one outlet's)."""
    if len(pages) < _OUTLET_PAGES:
        return _NONE
    seen: dict[int, tuple[int, datetime, datetime]] = {}
    for page in pages:
        for shingle in _article_shingles(page):
            count, earliest, latest = seen.get(shingle, (0, page.published, page.published))
            seen[shingle] = (count + 1, min(earliest, page.published), max(latest, page.published))
    return frozenset(
        shingle
        for shingle, (count, earliest, latest) in seen.items()
        if count >= _OUTLET_PAGES and _hours(earliest, latest) > _SPREAD_HOURS
    )


def _article_shingles(article: Article) -> set[int]:
    return _shingles(f"{article.title}\n{article.summary}\n{article.text}")


def _hours(earliest: datetime, latest: datetime) -> float:
    return (latest - earliest).total_seconds() / 3600


def _shingles(text: str) -> set[int]:
    words = _WORDS.findall(text.lower())
    if len(words) < _SHINGLE_WORDS:
        return set()
    return {
        hash(tuple(words[i : i + _SHINGLE_WORDS])) for i in range(len(words) - _SHINGLE_WORDS + 1)
    }
