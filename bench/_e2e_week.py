"""The week of bench/e2e.py: Multi-News events as articles of fictional outlets.

Everything here is derived at run time from the shared Multi-News dev file (never
copied into the repo) and a seed: which documents are degenerate, each article's title
and lede, which outlet publishes it and when.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

__all__ = [
    "FURNITURE_PATTERNS",
    "Event",
    "WeekArticle",
    "build_week",
    "degenerate_documents",
    "headline_from",
    "lede_sentences",
    "load_events",
    "native_dateline",
    "split_sentences",
]

# Rule for "degenerate" (not a report of its event), chosen by reading every short or
# repeated document of the dev file: a document is degenerate when fewer than
# _OWN_WORDS words of it are its own (paragraphs that no other event's documents
# contain), or when it is an archive/crawl notice or a "not found" page with fewer
# than _NOTICE_WORDS own words. Repeated paragraphs are what crawl notices, tweet
# widgets and video-player errors are made of; 60 separates the shortest real report
# in the file (66 words) from the longest widget or promo text (59).
_OWN_WORDS = 60
_NOTICE_WORDS = 150
_NOTICE = re.compile(
    r"\bWayback\b|Internet Archive|\bWARCs?\b|page you requested (?:was|could) not",
    re.IGNORECASE,
)

# A dateline a wire or local paper puts before its first sentence: "WASHINGTON (AP) --",
# "LOS ANGELES (Reuters) -", "(CNN) --", "FILE -", "Salahuddin, Libya (CNN) --".
_DATELINE = re.compile(
    r"""^(?:
        (?:[A-Z][A-Za-z.'’ ]{1,30},\s[A-Z][A-Za-z.'’ ]{1,20}\s)?\(CNN\)\s*(?:[—–-]{1,2}\s*)?
      | [A-Z]{3,}(?:/[A-Z]{3,}[A-Z ]*)+(?:,\s[A-Z][a-z]+)?\s
      | FILE\s*[—–-]{1,2}\s*
      | [A-Z][A-Za-z.'’ ]{1,30},?(?:\s[A-Z][A-Za-z.'’ ]{1,20})?
        \s\((?:[A-Z][\w.]{1,20})\)\s*[—–-]{1,2}\s*
      | [A-Z][A-Z.'’ ]{2,30}(?:,\s[A-Z][A-Za-z. ]{1,15})?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+
    )""",
    re.VERBOSE,
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘'(]?[A-Z0-9])")
# A split after one of these is not a sentence end ("Sen. Davis", "Calif. (CN)").
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|Rev|Prof|No|vs|"
    r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|Ill|Calif|Wash|Mass|Fla|Ga|Pa|Va|Ariz|"
    r"Colo|Conn|Mich|Minn|Mo|Nev|Okla|Ore|Tenn|Tex|Wis|Inc|Corp|Co|Ltd)\.$"
)
_TERMINAL = re.compile(r"[.!?][\"'”’)]*$")
_BYLINE = re.compile(r"^(?:By|BY|Written by)\s", re.MULTILINE)

# Page furniture as a regex per kind, written for this bench: what no story field
# should print, whether we injected it or the crawled text already had it. Titles
# and ledes are never drawn from a sentence that matches one, so a match in the
# built issue is the pipeline's, not the feeds'.
FURNITURE_PATTERNS: dict[str, re.Pattern[str]] = {
    "dateline": re.compile(
        r"(?:^|(?<=[.!?]\s))(?:\(CNN\)\s*[—–-]|FILE\s*[—–-]|[A-Z][A-Z.'’ ]{2,30}"
        r"(?:,\s[A-Z][A-Za-z. ]{1,15})?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s)"
    ),
    "photo caption/credit": re.compile(
        r"Hide Caption|\b\d+ of \d+(?: Photos)?\b[.:]|Enlarge this image|Expand image|"
        r"Media caption|Image copyright|Image caption|Getty Images|AP Photo|"
        r"\((?:AP|Reuters|Getty|AFP)[^)]{0,40}\)|\b(?:Photo|Credit|Image)s?:\s|"
        r"\b[A-Z][a-z]+ [A-Z][a-z]+ ?/ ?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*\b|file photo"
    ),
    "player chrome": re.compile(
        r"\bAutoplay\b|Skip Ad|Full Screen|Now Playing|Media playback|video has been rented|"
        r"interactive transcript|EMBED More|^CLOSE\b|\bListen\s*·|Watch Now"
    ),
    "story highlights": re.compile(r"Story highlights|Key points|Story at a glance"),
    "correction": re.compile(r"\bCORRECTS?\b|\bCorrection\b|[Aa]n earlier version of this"),
    "promo/newsletter": re.compile(
        r"(?i)\bsign up\b|\bsubscrib|newsletter|breaking news (?:alerts|emails)|\binbox\b|"
        r"read more|click here|appeared first on|opens in new window|download (?:the|our) app|"
        r"free articles? left|\bjoin the (?:debate|conversation)\b"
    ),
    "cookie banner": re.compile(
        r"(?i)\bcookies\b|cookie policy|privacy policy|manage (?:choices|settings)"
    ),
    "social/tweet": re.compile(
        r"(?i)share (?:this|on)\b|pic\.twitter|\(@\w+\)|\bretweet|follow (?:\w+ ){0,4}on "
        r"(?:twitter|x|facebook|instagram)\b|your tweets|tweet location"
    ),
    "advert": re.compile(r"\bAdvertisement\b|ADVERTISEMENT|Story continues below"),
    "crawl notice": re.compile(r"Wayback Machine|Internet Archive|crawl data|\bWARCs?\b"),
    "footer/copyright": re.compile(
        r"©|All rights reserved|\bCopyright 20\d\d|Terms of (?:Use|Service)"
    ),
    "byline": re.compile(r"(?:^|(?<=[.!?]\s))By [A-Z][a-z]+ [A-Z][a-z]+|Reporting by|Editing by"),
}
# Words a headline does not end on when it is cut short.
_WEAK_ENDINGS = frozenset(
    (  # noqa: SIM905 (a word list reads better as one string)
        "a an the of to in on at for and or but with by from as that which who is was are "
        "were be been has have had its his her their our this these those after before "
        "about into over than while when some many all more most any each every no not "
        "will would could can may might should must said says its"
    ).split()
)
_CLAUSE_WORDS = frozenset(
    ["who", "which", "after", "when", "while", "because", "as", "amid", "despite"]
)


@dataclass(frozen=True, slots=True)
class Event:
    """One Multi-News example: an event and the documents that report it."""

    index: int  # the file's longbench_index
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WeekArticle:
    """One document of an event, published by one outlet during the week."""

    key: str  # "<event>-<position>", stable across seeds
    event: int
    position: int
    text: str
    is_degenerate: bool
    title: str
    lede: tuple[str, ...]  # the first sentences, dateline removed
    outlet: str  # slug
    published: datetime
    slug: str


def load_events(path: Path) -> list[Event]:
    """Every event of the JSONL file, in file order."""
    events = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                events.append(Event(int(row["longbench_index"]), tuple(row["documents"])))
    return events


def degenerate_documents(events: Sequence[Event]) -> set[tuple[int, int]]:
    """(event index, document position) of each degenerate document (rule above).

    Computed over all ``events`` given, so pass the whole file: whether a paragraph is
    repeated must not depend on which events a run samples.
    """
    where: defaultdict[str, set[int]] = defaultdict(set)
    for event in events:
        for document in event.documents:
            for paragraph in _paragraphs(document):
                where[paragraph].add(event.index)
    result = set()
    for event in events:
        for position, document in enumerate(event.documents):
            own = sum(len(p.split()) for p in _paragraphs(document) if len(where[p]) == 1)
            is_notice = bool(_NOTICE.search(document)) and own < _NOTICE_WORDS
            if own < _OWN_WORDS or is_notice:
                result.add((event.index, position))
    return result


def native_dateline(text: str) -> str:
    """The dateline the document itself opens with ("WASHINGTON (AP) —"), or ""."""
    match = _DATELINE.match(_first_paragraph(text))
    return match.group(0).strip() if match else ""


def lede_sentences(text: str, count: int = 2) -> tuple[str, ...]:
    """The first ``count`` clean sentences of the document, without a dateline.

    Finished sentences (ending in ".", "!" or "?") of six words or more, from
    paragraphs of eight words or more, skipping any sentence that matches a furniture
    pattern (captions, promos, widgets).
    """
    found: list[str] = []
    for paragraph in _paragraphs(text):
        if len(paragraph.split()) < 8 or _BYLINE.match(paragraph):
            continue
        paragraph = _DATELINE.sub("", paragraph, count=1).strip()
        for sentence in split_sentences(paragraph):
            if (
                len(sentence.split()) >= 6
                and _TERMINAL.search(sentence)
                and not _is_furniture(sentence)
            ):
                found.append(sentence)
                if len(found) == count:
                    return tuple(found)
    return tuple(found)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, not split after common abbreviations."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        piece = piece.strip()
        if sentences and _ABBREVIATION.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        elif piece:
            sentences.append(piece)
    return sentences


def headline_from(text: str) -> str:
    """A plausible headline for a document that has none: its first sentence, shortened.

    The first sentence ``lede_sentences`` finds (the first clean one). Up to 14 words
    it is kept whole; a longer one is cut at its first clause
    boundary between words 6 and 14 (a comma, semicolon, colon or dash, or before
    "who", "which", "after", ...), else after 12 words, then trailing function words and
    punctuation are dropped. Unbalanced quotation marks are removed.
    """
    lede = lede_sentences(text, 1)
    words = (lede[0] if lede else " ".join(text.split()[:12])).split()
    if len(words) > 14:
        words = words[: _cut_point(words)]
    while len(words) > 3 and words[-1].lower().strip(",;:—–-") in _WEAK_ENDINGS:
        words.pop()
    title = " ".join(words).strip(" ,;:.—–-")
    for marks in ('"', "“”"):
        if sum(title.count(mark) for mark in marks) % 2:
            title = "".join(ch for ch in title if ch not in marks)
    title = title.strip()
    return title[:1].upper() + title[1:]


def build_week(
    events: Sequence[Event],
    degenerate: set[tuple[int, int]],
    *,
    outlets: Sequence[str],
    now: datetime,
    seed: int,
) -> tuple[WeekArticle, ...]:
    """The week's articles: each event's documents at different outlets, over 7 days.

    Each event gets a first-report time uniform in the window (from 6 days 22 hours to
    20 hours before ``now``); each document of it is published 0 to 30 hours after that
    (never later than 30 minutes before ``now``), at an outlet no other document of
    the event uses. Raises ValueError if an event has more documents than outlets.
    """
    rng = random.Random(seed)
    start = now - timedelta(days=7)
    articles = []
    slugs: Counter[str] = Counter()
    for event in events:
        if len(event.documents) > len(outlets):
            raise ValueError(f"event {event.index} has more documents than the week has outlets")
        first = start + timedelta(minutes=rng.uniform(2 * 60, (7 * 24 - 20) * 60))
        chosen = rng.sample(list(outlets), len(event.documents))
        for position, (document, outlet) in enumerate(zip(event.documents, chosen, strict=True)):
            published = first + timedelta(minutes=rng.uniform(0, 30 * 60))
            published = min(published, now - timedelta(minutes=30)).replace(microsecond=0)
            published = published.replace(second=0)
            title = headline_from(document)
            slug = _slug(title)
            slugs[slug] += 1
            if slugs[slug] > 1:
                slug = f"{slug}-{slugs[slug]}"
            articles.append(
                WeekArticle(
                    key=f"{event.index}-{position}",
                    event=event.index,
                    position=position,
                    text=document,
                    is_degenerate=(event.index, position) in degenerate,
                    title=title,
                    lede=lede_sentences(document, 2),
                    outlet=outlet,
                    published=published,
                    slug=slug,
                )
            )
    return tuple(articles)


def _paragraphs(document: str) -> list[str]:
    return [p.strip() for p in document.split("\n") if p.strip()]


def _first_paragraph(text: str) -> str:
    paragraphs = _paragraphs(text)
    for paragraph in paragraphs:
        if len(paragraph.split()) >= 8 and not _BYLINE.match(paragraph):
            return paragraph
    return paragraphs[0] if paragraphs else ""


def _is_furniture(sentence: str) -> bool:
    return any(pattern.search(sentence) for pattern in FURNITURE_PATTERNS.values())


def _cut_point(words: list[str]) -> int:
    for index in range(6, min(len(words), 15)):
        if words[index - 1][-1:] in ",;:" or words[index] in ("—", "–", "-", "--"):
            return index
        if words[index].lower() in _CLAUSE_WORDS:
            return index
    return 12


def _slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower().encode("ascii", "ignore").decode())
    return "-".join(words[:8]) or "story"
