"""The issue as printed: story numbers, the opening, and how much of each story fits.

Pure functions from an :class:`~digest.models.Issue` to what the templates loop over.

**Order and numbers.** Stories print as one numbered list, most important first: the
selection's rank (``StorySummary.rank``) decides, and the editors' order within a topic
(pins, ``order:``) is kept by letting a topic's stories take that topic's places in
the ranking in the editors' order. Unranked stories (rank 0) keep the order of the
sections. Each story carries its topic as a kicker, but for "Elsewhere".

**Fit.** Gmail clips an email's HTML past about 102 KB, hiding the rest of the issue
and the unsubscribe link. With a web version to link to, the email holds up to four
sources per story ("and 3 more" links to the rest); without one, every source, since
the reader has nowhere else to find them. When the rendered HTML is over budget, a
:class:`Fit` says what to shorten, least important first: source lists, background
notes, "Also in the news", then the less important stories down to their Briefly, the
opening's stories last. The web version and the text part always hold everything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from digest.models import (
    ELSEWHERE,
    Issue,
    Sentence,
    Source,
    StoryStatus,
    StorySummary,
    TakeOrigin,
    WatchItem,
)
from digest.templating import http_url
from digest.text import MONTHS, WEEKDAYS

__all__ = [
    "BRIEFLY",
    "FITS",
    "FULL",
    "LAST_FITS",
    "OPENING_STORIES",
    "WEB",
    "Detail",
    "Fit",
    "Link",
    "NewsLine",
    "PrintedStory",
    "Voice",
    "briefs",
    "covered_dates",
    "email_fits",
    "format_date",
    "graded_fit",
    "lay_out",
    "print_order",
    "reading_minutes",
    "short_date",
    "story_links",
    "told_before",
    "watch_date",
]

# "Five or so" stories open the issue: enough to stop after, few enough to read at once.
OPENING_STORIES: Final = 5
# Silent reading of non-fiction in English averages about 238 words a minute
# (Brysbaert 2019, a meta-analysis of 190 studies).
_WORDS_PER_MINUTE: Final = 238


@dataclass(frozen=True, slots=True)
class Detail:
    """How much of one story the email holds: at most ``sources`` sources, ``notes``
    background notes and ``voices`` who-says-what lines (``None``: all)."""

    sources: int | None
    notes: int | None = None
    voices: int | None = None


# Everything but long source lists: the opening's stories keep this to the last step.
FULL: Final = Detail(sources=4)
# The least a story is shown with: its headline, Briefly and one source.
BRIEFLY: Final = Detail(sources=1, notes=0, voices=0)
# Between the two, least important first off: sources, then notes (voices stay).
_SHORTER: Final = (
    Detail(sources=2),
    Detail(sources=2, notes=1),
    Detail(sources=1, notes=0, voices=2),
)


@dataclass(frozen=True, slots=True)
class Fit:
    """How much of each story the email holds.

    The first :data:`OPENING_STORIES` stories get ``top``; the next ones up to story
    number ``middle_until`` (``None``: all) get ``middle``; the rest ``rest``.
    ``briefs`` caps "Also in the news" (``None``: all of it).
    """

    top: Detail = FULL
    middle: Detail = FULL
    middle_until: int | None = None
    rest: Detail = BRIEFLY
    briefs: int | None = None
    label: str = "in full"

    def detail(self, number: int) -> Detail:
        if number <= OPENING_STORIES:
            return self.top
        if self.middle_until is None or number <= self.middle_until:
            return self.middle
        return self.rest


# Tried in order until the HTML is within budget (render.py measures); then
# :func:`graded_fit` for fewer and fewer middle stories; then :data:`LAST_FITS`. Each
# step takes off what matters least: sources, notes, Also in the news, then the
# detail of the least important stories; the opening's stories last of all. A 60-story
# week of real articles (bench/e2e.py) is about 200 KB of HTML in full.
FITS: Final = (
    Fit(label="4 sources a story"),
    Fit(middle=_SHORTER[0], label="2 sources a story"),
    Fit(middle=_SHORTER[1], briefs=10, label="2 sources, 1 note a story; 10 news items"),
    Fit(middle=_SHORTER[2], briefs=5, label="1 source, 2 voices a story; 5 news items"),
)
LAST_FITS: Final = (
    Fit(middle_until=OPENING_STORIES, briefs=0, label="Briefly after the opening"),
    Fit(top=BRIEFLY, middle_until=0, briefs=0, label="Briefly for every story"),
)
# The web version and the text part: where the full source lists live.
WEB: Final = Fit(top=Detail(None), middle=Detail(None), label="in full")


def email_fits(has_web_version: bool) -> tuple[Fit, ...]:
    """The fits to try for the email's HTML, fullest first: :data:`FITS`, after every
    source of every story when there is no web version for "and 3 more" to link to."""
    return FITS if has_web_version else (WEB, *FITS)


def graded_fit(middle_until: int) -> Fit:
    """Stories up to ``middle_until`` with a source and two voices, later ones Briefly."""
    return Fit(
        middle=_SHORTER[2],
        middle_until=middle_until,
        briefs=5,
        label=f"1 source, 2 voices up to story {middle_until}, then Briefly; 5 news items",
    )


@dataclass(frozen=True, slots=True)
class Voice:
    """A "who says what" line; ``url`` is "" when the outlet is not linked."""

    who: str
    says: str
    outlet: str
    url: str
    connective: str = ":"  # between who and what: ":" or " says" (Perspective.connective)


@dataclass(frozen=True, slots=True)
class PrintedStory:
    """A story as the email prints it: its number, kicker and what fits of it."""

    number: int
    anchor: str  # the id of its block in the page: "story-3"
    topic: str  # the kicker
    story: StorySummary
    voices: tuple[Voice, ...]
    notes: tuple[Sentence, ...]
    sources: tuple[Source, ...]  # shown
    more_sources: int  # in the web version only

    @property
    def kicker(self) -> str:
        """The story's topic: printed above the headline in the HTML, as "Topic: ..."
        under it in the text part; none for "Elsewhere", which says only that the story
        has no topic, and read above the issue's lead story as "minor"."""
        return "" if self.topic == ELSEWHERE else self.topic

    @property
    def has_take(self) -> bool:
        return self.story.take_origin != TakeOrigin.MISSING and bool(self.story.take)

    @property
    def titled_outlets(self) -> frozenset[str]:
        """Outlets shown more than once under Sources: the email prints their titles,
        or the reader sees "NDTV; NDTV; NDTV" with no way to tell the links apart."""
        counts = Counter(source.outlet for source in self.sources)
        return frozenset(outlet for outlet, count in counts.items() if count > 1)


@dataclass(frozen=True, slots=True)
class NewsLine:
    """An "Also in the news" line: a story one outlet reported."""

    headline: str
    outlet: str
    url: str
    sentence: str


def lay_out(issue: Issue, fit: Fit) -> tuple[PrintedStory, ...]:
    """The issue's stories in print order, numbered from 1, cut to ``fit``."""
    printed = []
    for number, (topic, story) in enumerate(print_order(issue), start=1):
        detail = fit.detail(number)
        notes = story.also_worth_noting[: detail.notes]
        perspectives = story.perspectives[: detail.voices]
        sources = _shown_sources(
            story.sources, detail.sources, frozenset(s.source_url for s in story.briefly)
        )
        shown = {http_url(s.url) for s in sources}
        voices = tuple(
            Voice(
                p.who,
                p.says,
                p.outlet,
                # An article already linked under Sources is not linked again: the bytes
                # count against Gmail's clip and the reader finds it one line below.
                url if (url := http_url(p.source_url)) and url not in shown else "",
                p.connective,
            )
            for p in perspectives
        )
        printed.append(
            PrintedStory(
                number=number,
                anchor=f"story-{number}",
                topic=topic,
                story=story,
                voices=voices,
                notes=notes,
                sources=sources,
                more_sources=len(story.sources) - len(sources),
            )
        )
    return tuple(printed)


def _shown_sources(
    sources: Sequence[Source], room: int | None, quoted: frozenset[str] = frozenset()
) -> tuple[Source, ...]:
    """The ``room`` sources the email shows, in their order: one per outlet before any
    outlet's second, so "ABC News; ABC News; BBC News; CBS News and 4 more" does not
    hide the other outlets that covered the story. Within a turn, and within an outlet,
    the articles Briefly is ``quoted`` from come first: a reader who wants more of a
    sentence finds its article linked."""
    if room is None or len(sources) <= room:
        return tuple(sources)
    by_quote = sorted(range(len(sources)), key=lambda p: (sources[p].url not in quoted, p))
    seen: Counter[str] = Counter()
    turns = []  # (how many of its outlet came before it, not quoted, position)
    for position in by_quote:
        source = sources[position]
        turns.append((seen[source.outlet], source.url not in quoted, position))
        seen[source.outlet] += 1
    return tuple(sources[position] for position in sorted(p for *_, p in sorted(turns)[:room]))


def briefs(issue: Issue, fit: Fit) -> tuple[NewsLine, ...]:
    """The issue's "Also in the news" items, cut to ``fit``."""
    return tuple(
        NewsLine(item.headline, item.outlet, item.url, item.sentence)
        for item in issue.also_in_the_news[: fit.briefs]
    )


def reading_minutes(issue: Issue) -> int:
    """Minutes to read the whole issue at :data:`_WORDS_PER_MINUTE`, at least one: its
    stories, What to watch and Also in the news (not the sources' links)."""
    words = 0
    for story in issue.stories:
        parts = [story.headline, story.briefly_text, story.take]
        parts += [f"{p.who} {p.says}" for p in story.perspectives]
        parts += [s.text for s in story.also_worth_noting]
        words += sum(len(part.split()) for part in parts)
    words += sum(len(item.text.split()) for item in issue.watch)
    # Also in the news is read too: its headlines and their one sentence each.
    words += sum(len(f"{b.headline} {b.sentence}".split()) for b in issue.also_in_the_news)
    return max(1, round(words / _WORDS_PER_MINUTE))


def covered_dates(issue: Issue, timezone: str) -> str:
    """The days the issue's news window covers, in the newsletter's time zone:
    "16–23 November 2026", "28 November – 5 December 2026"."""
    zone = ZoneInfo(timezone)
    first = _local(issue.window_start, zone)
    # The window's end is exclusive.
    last = _local(issue.window_end - timedelta(microseconds=1), zone)
    if first == last:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return (
            f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]} "
            f"{last.year}"
        )
    return (
        f"{first.day} {MONTHS[first.month - 1]} {first.year} – "
        f"{last.day} {MONTHS[last.month - 1]} {last.year}"
    )


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone) if moment.tzinfo else moment


def print_order(issue: Issue) -> list[tuple[str, StorySummary]]:
    """(topic, story) pairs, most important first; each topic's stories take its places
    in the ranking in the order the sections give them (the editors' order)."""
    entries = [(t.name, s) for t in issue.topics for s in t.stories]
    # Places by rank; unranked stories after the ranked ones, in section order.
    places = sorted(
        range(len(entries)),
        key=lambda i: (entries[i][1].rank <= 0, entries[i][1].rank, i),
    )
    slots: dict[str, list[int]] = {}
    for place, index in enumerate(places):
        slots.setdefault(entries[index][0], []).append(place)
    order: list[tuple[str, StorySummary] | None] = [None] * len(entries)
    for name, stories in _by_topic(entries).items():
        for place, story in zip(slots[name], stories, strict=True):
            order[place] = (name, story)
    return [entry for entry in order if entry is not None]


def _by_topic(entries: Sequence[tuple[str, StorySummary]]) -> dict[str, list[StorySummary]]:
    grouped: dict[str, list[StorySummary]] = {}
    for name, story in entries:
        grouped.setdefault(name, []).append(story)
    return grouped


def told_before(story: StorySummary, web_url: str = "") -> tuple[str, str]:
    """For an update, the date of the issue that last told the story ("23 November
    2026") and that issue's page in the archive when ``web_url`` (the newsletter's
    archive) is set; ("", "") for a new story. A reader who sees "Update" finds what it
    updates."""
    if story.status != StoryStatus.UPDATE or not story.sent_on:
        return "", ""
    try:
        day = date.fromisoformat(story.sent_on)
    except ValueError:
        return "", ""
    href = f"{web_url.rstrip('/')}/{story.sent_on}/" if web_url else ""
    return format_date(day), href


def format_date(day: date, *, weekday: bool = False) -> str:
    """``6 May 2024`` (``Monday 6 May 2024`` with ``weekday``), in English.

    Built by hand: strftime("%A %B") follows the process locale, which would make the
    output differ between machines.
    """
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def short_date(moment: datetime | date) -> str:
    """``18 Nov`` (a no-break space between): a source's publication day, as ``moment``
    reads it (a source is dated on its outlet's clock)."""
    return f"{moment.day}\u00a0{MONTHS[moment.month - 1][:3]}"


def watch_date(item: WatchItem, issue_date: date) -> str:
    """``Tuesday 1 December``, or ``January 2027`` for a month alone; the year only
    when it is not the issue's."""
    year = f" {item.month.year}" if item.month.year != issue_date.year else ""
    if item.day is None:
        return f"{MONTHS[item.month.month - 1]}{year}"
    day = item.day
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}{year}"


@dataclass(frozen=True, slots=True)
class Link:
    """A line of a story's link list in the text part; ``url`` is empty when unsafe."""

    label: str
    url: str


def story_links(entry: PrintedStory) -> list[Link]:
    """The text part's link list of a story: the sources shown, then any other article
    a voice links, each once."""
    links: list[Link] = []
    seen: set[str] = set()
    every = {http_url(s.url): s for s in entry.story.sources}
    for source in entry.sources:
        url = http_url(source.url)
        links.append(Link(_source_label(source), url))
        seen.add(url)
    for voice in entry.voices:
        url = http_url(voice.url)
        if url and url not in seen:
            # Labelled like the sources above it, when the story lists the article.
            listed = every.get(url)
            label = _source_label(listed) if listed else voice.outlet or voice.who
            links.append(Link(label, url))
            seen.add(url)
    return links


def _source_label(source: Source) -> str:
    """ "Outlet, 18 Nov: Title", or "Outlet, 18 Nov" when the page's title was furniture
    (a caption, a columnist's credit): the reader still sees when it was published."""
    label = f"{source.outlet}, {short_date(source.published)}"
    return f"{label}: {source.title}" if source.title else label
