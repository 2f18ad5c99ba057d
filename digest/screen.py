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
   page is kept: the headline alone can join its event's story.)

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
# A sentence goes when at least this share of its shingles are furniture.
_FURNITURE_SHARE = 0.5
# What must be left: a paragraph's worth of text, or a title that says something.
_MIN_WORDS = 25
_MIN_TITLE_WORDS = 4
# Sentences that announce a page that is not an article: crawl, paywall and reprint
# notices, error and placeholder pages as a browser-less fetch sees them.
_NOTICE = re.compile(
    r"Alexa Internet has been donating|Wayback Machine|crawl data|"
    r"This copy is for your personal,? non-commercial use|"
    r"page (?:you (?:requested|are looking for) )?(?:was |could )?not (?:be )?found|"
    r"(?:feature|content|video) is not available|could not be loaded|"
    r"(?:enable|disabled|turn on) JavaScript|JavaScript is (?:disabled|required|turned off)|"
    r"Your browser (?:does not|doesn't) support|please enable cookies|are you a robot",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article set aside, and why (shown by ``digest why`` and the preview)."""

    article: Article
    reason: str


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
    furniture = _furniture_shingles(articles)
    kept: list[Article] = []
    rejected: list[Rejected] = []
    teaser_used = 0
    for article in articles:
        text, problem = _clean_text(article.text, furniture)
        if problem and article.text_origin is TextOrigin.PAGE and article.summary:
            teaser, teaser_problem = _clean_text(article.summary, furniture)
            if not teaser_problem:
                text, problem = teaser, ""
                article = dataclasses.replace(article, text_origin=TextOrigin.FEED_SUMMARY)
                teaser_used += 1
        if problem and not _says_something(article.title, furniture):
            rejected.append(Rejected(article, _REASONS[problem].format(words=word_count(text))))
            continue
        kept.append(article if text == article.text else dataclasses.replace(article, text=text))
    return Screened(tuple(kept), tuple(rejected), teaser_used)


_REASONS = {
    "notice": "not an article: a crawl, error or paywall page",
    "furniture": "no article text: the page repeats text found on unrelated pages",
    "short": "too little text to say what happened ({words} words)",
}


def _says_something(title: str, furniture: frozenset[int]) -> bool:
    """A title that can carry a story alone: long enough, not a notice, and not itself
    furniture (most of its word runs repeated on unrelated pages)."""
    if word_count(title) < _MIN_TITLE_WORDS or _NOTICE.search(title):
        return False
    return not _is_furniture(title, furniture)


def _clean_text(text: str, furniture: frozenset[int]) -> tuple[str, str]:
    """The text without furniture and notice sentences, and what is wrong with what is
    left: "" (nothing), "notice", "furniture" or "short"."""
    paragraphs = []
    dropped = ""
    for paragraph in text.split("\n\n"):
        kept = []
        for sentence in _SENTENCE_END.split(paragraph):
            if not sentence.strip():
                continue
            if _NOTICE.search(sentence):
                dropped = "notice"
            elif _is_furniture(sentence, furniture):
                dropped = dropped or "furniture"
            else:
                kept.append(sentence.strip())
        if kept:
            paragraphs.append(" ".join(kept))
    cleaned = "\n\n".join(paragraphs) if dropped else text
    if word_count(cleaned) >= _MIN_WORDS:
        return cleaned, ""
    return cleaned, dropped or "short"


def _is_furniture(sentence: str, furniture: frozenset[int]) -> bool:
    shingles = _shingles(sentence)
    if not shingles or not furniture:
        return False
    return sum(s in furniture for s in shingles) >= _FURNITURE_SHARE * len(shingles)


def _furniture_shingles(articles: Sequence[Article]) -> frozenset[int]:
    """Word runs found in two or more outlets' articles over ``_SPREAD_HOURS`` apart."""
    seen: dict[int, tuple[str, datetime, datetime, bool]] = {}
    for article in articles:
        shingles = _shingles(f"{article.title}\n{article.summary}\n{article.text}")
        for shingle in shingles:
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
    return frozenset(
        shingle
        for shingle, (_, earliest, latest, several) in seen.items()
        if several and (latest - earliest).total_seconds() / 3600 > _SPREAD_HOURS
    )


def _shingles(text: str) -> set[int]:
    words = _WORDS.findall(text.lower())
    if len(words) < _SHINGLE_WORDS:
        return set()
    return {
        hash(tuple(words[i : i + _SHINGLE_WORDS])) for i in range(len(words) - _SHINGLE_WORDS + 1)
    }
