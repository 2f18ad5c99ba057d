"""What to watch: dated events ahead that the issue's articles mention.

A summit, a vote, a deadline, a court hearing: a sentence that puts an event on a date
after the issue date becomes a :class:`~digest.models.WatchItem`. Pure (no I/O, no
clock): the issue date is passed in.

Conservative on purpose, because a wrong date printed as a fact is worse than a missing
line. A sentence counts only when all of these hold:

- it names a date: "1 December", "December 1", "Tuesday 1 December 2026", "on
  Thursday", "next Tuesday" (a weekday is the first one after the article was
  published), or a month alone after "in"/"by"/"until"/"next month" ("in January");
  not the weekday of the day it was written ("will meet on Friday" on a Friday is that
  very day in wire style, or a week on: no telling), nor, when the feed gave no zone and
  stamped it before 10:00 UTC, of the day before;
- the date follows a preposition that points at a time ("on", "from", "by", "until",
  "in", ...) and not a reporting verb ("said on 3 March", "announced on Friday" report
  the past);
- it speaks of the future: "will", "is due", "expected", "scheduled", "set to",
  "deadline", "takes effect", "plans to", a timetable's present ("funding runs out on",
  "expires on"), a deadline given ("have given the government until"), ...; or reports
  it a tense back after a verb
  of saying ("told reporters that the board would hold its first meeting on", "warned
  that a surge was expected ... between"), not "would not", "had said" or "said last
  year"; or it names an event right before a day
  and month one to :data:`_EVENT_AHEAD_DAYS` days after the day of writing ("at a summit
  in Brussels on Dec. 17-18"), with nothing in the sentence that reports, wishes or
  tells it as past;
- it tells no event called off, put off, in doubt or last year's ("has been postponed",
  "will not go ahead", "on 14 December last year"), but for the day it is put off to
  ("postponed until 15 January"), and is no part of a quotation;
- the date (a year inferred from the publication date when none is written) falls on
  or after the issue date and within :data:`HORIZON_DAYS` of it.

One item per event: the same date in the same story is reported once (the shortest
sentence, which usually says it most plainly). A sentence the story already prints (in
its Briefly or Also worth noting) gives way to another outlet's sentence about the same
date; told by no other, it is the calendar's line all the same (the Senate's vote on
the bill the Briefly ends on). A one-outlet item's line under Also in the news is not
printed again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher
from typing import Final

from digest.briefly import needs_antecedent
from digest.dates import (
    a_week_on,
    annotate_dates,
    local_date,
    names_a_day,
    spoken_on,
    unsure_of_the_day,
)
from digest.hygiene import clean_sentences
from digest.models import Article, Brief, Story, StoryId, TopicSection, WatchItem
from digest.naming import name_in_full
from digest.places import countries_named
from digest.softnews import is_opinion
from digest.text import (
    MONTH_WRITTEN_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    curl_quotes,
    inside_quotations,
    lower_words,
    month_number,
    quotes_balance,
)

__all__ = ["HORIZON_DAYS", "MAX_ITEMS", "find_events", "printed_sentences"]

# Events further ahead than this are rarely what a weekly reader plans around, and a
# year inferred for a bare "3 March" is less certain the further it lies.
HORIZON_DAYS: Final = 300
# A short list: the section is a calendar, not a second issue. Eight: in the replica
# weeks of real outlets' news (sessions 42-44) the stories put ten to fifteen dates
# ahead, and six filled with the main stories' soonest, leaving out a one-outlet
# story's state funeral and a ministry's public hearing. Ten since the coming week's
# days come first (session 56): with eight, a week of deadlines pushed out the main
# stories' hearings and summits of the next month.
MAX_ITEMS: Final = 10
# The days until the next weekly issue: their dates come first (find_events).
_NEXT_ISSUE_DAYS: Final = 7
# How much of an article names the story's actors: its opening.
_OPENING_CHARS: Final = 600
# A longer "sentence" is usually several run together by the page; not worth printing.
_MAX_SENTENCE_CHARS: Final = 300
# "It is unclear whether ...", "It is expected that ...": no thing for "it" to stand
# for. ("It is set to come into force", "It is due to be signed": the law, the deal.)
_ON_IT = re.compile(
    r"\b(?:on|about|over|against|for|with)\s+(?:it|them)\b(?:\s+(?:on|by|in|at|before)\s+"
    r"[^,;.]{1,30})?\s*[.!]?$"
)
_EXPLETIVE_IT = re.compile(
    r"^It(?: is|['’]s| was| remains| seems)\s+(?:not\s+)?(?:(?:unclear|clear|expected|likely|"
    r"possible|unlikely|uncertain|planned|hoped|understood|thought|believed)\s+(?:that|whether|"
    r"when|if|how|who|what|where)\b|(?:not\s+)?(?:yet\s+)?(?:clear|known))"
)
# A bare "18 November" in an article of 20 November is two days ago, not next year's.
_RECENT_PAST_DAYS: Final = 31
# How alike two sentences' words must be for one to be the other as printed: the
# Briefly adds dates in brackets, curls quotes and may introduce a name in full, so
# equality is too strict; two outlets' sentences about the same date share far less.
_SAME_SENTENCE: Final = 0.8

_WEEKDAYS: Final = tuple(day.lower() for day in WEEKDAYS)
_MONTH = (
    r"(?P<{name}>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{name}>20\d\d))?"
# The word before the date: it must place something in time. Month and weekday names are
# matched with their capital only, so "march" and "may" the verbs never count.
_LEAD = (
    r"\b(?P<lead>(?i:on|from|by|until|till|before|after|in|starting|beginning|through|"
    r"for|next|this|between|as\s+of|within|"
    # A day moved to: "has been moved to December 18" (not "from 10 to 18 December").
    r"(?:(?<=moved\s)|(?<=postponed\s)|(?<=rescheduled\s)|(?<=delayed\s)|(?<=deferred\s)|"
    r"(?<=forward\s)|(?<=back\s))to))\s+"
    r"(?:(?i:early|late|the\s+end\s+of|the\s+start\s+of)\s+)?"
)
_DATE = re.compile(
    _LEAD
    + r"(?:(?:"
    # "Tuesday 1 December 2026", "1 December", "1st of December"
    # (of a span, "17-18 December", "17 and 18 December", the first day)
    + rf"(?:{WEEKDAY_PATTERN},?\s+)?(?P<day1>\d{{1,2}}){_ORDINAL}"
    + rf"(?:\s*(?:[-–]|and|to)\s*\d{{1,2}}{_ORDINAL})?"
    + r"\s+(?:of\s+)?"
    + rf"{_MONTH.format(name='month1')}{_YEAR.format(name='year1')}"
    + r")|(?:"
    # "Tuesday, December 1, 2026", "December 1"
    + rf"(?:{WEEKDAY_PATTERN},?\s+)?{_MONTH.format(name='month2')}"
    + rf"\s+(?P<day2>\d{{1,2}}){_ORDINAL}\b"
    + _YEAR.format(name="year2")
    + r")|(?:"
    # "in January", "in January 2027": a month alone
    + rf"{_MONTH.format(name='month3')}(?:\s+(?P<year3>20\d\d))?(?!\s*\d)"
    + r")|(?:"
    # "15.12.2026", as Central Asian and European outlets write a day in figures.
    + r"(?P<day4>\d{1,2})\.(?P<month4>\d{1,2})\.(?P<year4>20\d\d)(?![\d.]\d)"
    + r")|(?:"
    # "on the 15th": this month's, or the next month's once it has passed.
    + r"the\s+(?P<day5>\d{1,2})(?:st|nd|rd|th)"
    # (Not "from the 12th to the 15th century": a span of centuries.)
    + r"(?=\s*(?:[.,;:!?)]|$|\s(?:at|in|when|and|as|after|before|with|or|unless|if|for)\b"
    + r"|\sto\s(?!the\b)))"
    + r")|(?:"
    # "until 15/1": a day and a month in figures, the day first where it cannot be a
    # month (an American "1/15" the other way round).
    + r"(?P<day6>\d{1,2})/(?P<month6>\d{1,2})(?![/\d])"
    + r")|(?:"
    # "within ten days", "within the next ten days", "within a week": from the report's day.
    + r"(?:the\s+next\s+)?(?P<span_n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|"
    + r"eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(?P<span_unit>days?|weeks?)"
    + r")|(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    # "on Thursday", "next Tuesday"; "next month"; "by the end of the month"
    + r"|(?P<this_month>(?:the|this)\s+month)|(?P<next_month>month))\b"
)
# Words after which a date reports the past: "said on 3 March", "voted on Tuesday".
_REPORTING = (
    r"said|says|told|announced|added|wrote|reported|confirmed|published|released|"
    r"stated|declared|warned|argued|noted|voted|met|signed|agreed|began|ended|opened|"
    r"closed|arrived|died|launched|began|started|took place|happened|was|were"
)
_REPORTED = re.compile(rf"\b(?:{_REPORTING})\s*$", re.IGNORECASE)
# A future marker this many words before the date still governs it: "is expected to
# hold a first hearing in January" (6), not a verb at the far end of a long clause.
_MARKER_WORDS: Final = 8
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]|\s(?:and|but|while|after|as)\s")
# A verb reporting what someone said would come ("said (that)", "told reporters ...
# that", "warned that"), and the future as such a report puts it ("would hold").
_REPORTED_THAT = re.compile(
    r"\b(?:said|says|told(?:\s+[\w'’]+){0,6}?|announced|added|confirmed|warned|"
    r"stated|noted)\s*,?\s+(?:that\s)?"
)
_REPORTED_FUTURE = re.compile(r"\bwould\s+(?!have\b|not\b|never\b|like\b|rather\b)")
_HAD_BEEN_DUE = re.compile(r"\bhad\s+been\s+(?:due|expected|scheduled|set)\b")
# "was expected to hit", reported: the future then, a tense back ("had been" is past).
_WAS_EXPECTED = re.compile(r"\b(?:was|were)\s+(?:due|expected|scheduled|set)\b")
# A report made long ago or since overtaken: "had said", "said last winter that".
_LONG_SAID = re.compile(
    r"\bhad\s+(?:said|told|announced|confirmed|warned)\b|\b(?:last|in)\s+(?:year|month|"
    r"winter|spring|summer|autumn|fall|\d{4})\b"
)
# What will not happen after all, or happened otherwise.
_NOT_AHEAD = re.compile(
    r"\b(?:would|will)\s+(?:\w+\s+)?(?:not|never)\b|\bno longer\b|\bbut\s+(?:it|they|he|she)\s+"
    r"(?:is|are|was|were|has|have)\s+still\b|\bbefore\s+the\s+\w+\s+(?:fell|collapsed)\b"
)
# "was due to", "were expected to": what was planned then, often already past.
_PAST_EXPECTATION = re.compile(r"\b(?:was|were|had been)\s+(?:due|expected|scheduled|set)\b")
# First person is a quote or an opinion ("I hope it will ... on Monday"), not a calendar.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|our|Our|us)\b")
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# (Who was given until the day: "have given SNCF and the government".)
_GIVEN_UNTIL = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+)?(?:given|set)\b(?:\s+[\w'’-]+){1,8}\s*$", re.IGNORECASE
)
_FUTURE = re.compile(
    # A timetable's present: "funding runs out at midnight on Dec. 11", "the mandate
    # expires on 31 December" (not "ran out", "had run out", "expired"; not "lapses", a
    # noun as often).
    r"\b(?:(?<!had\s)(?<!has\s)(?<!have\s)(?<!already\s)(?<!but\s)(?<!just\s)(?<!nearly\s)(?<!largely\s)(?<!also\s)(?<!almost\s)(?<!virtually\s)runs?\s+out|expires?|"
    r"will|shall|is due|are due|due to|due on|due in|is expected|are expected|"
    r"expected to|is scheduled|are scheduled|scheduled (?:for|to)|is set to|are set to|"
    r"set for|deadline|takes? effect|comes? into force|plans? to|(?:is|are) planned|"
    r"planned for|is to|are to|to be held|upcoming|would (?:take|come) into|"
    # An obligation with its deadline: "must withdraw within ten days".
    r"(?<!who )must(?! have\b)|has to|have to|"
    # A navtex or a visa "valid until 18 December": an end ahead (not "were valid").
    r"(?<!was )(?<!were )valid(?=\s*$))\b",
    re.IGNORECASE,
)

# An event in the diary, a few words before its date: "a summit in Brussels on", "the
# hearing at the High Court on". Not "the accident near the border on": a date after
# the day of writing is ahead only for what can be planned.
_EVENT_NOUN = re.compile(
    r"\b(?:summit|meeting|talks|hearing|vote|elections?|referendum|run-?off|visit|"
    r"conference|trial|session|ballot|debate|ceremony|inauguration|congress|plenum|"
    r"negotiations|sitting)s?(?:\s+(?!(?:was|were|had|has)\b)[\w.'’-]+){0,3}\s*$",
    re.IGNORECASE,
)
# An item naming an event of the diary anywhere in it.
_EVENT_NAMED = re.compile(
    r"\b(?:summit|meeting|talks|hearing|vote|votes|elections?|by-elections?|referendum|"
    r"run-?off|visit|conference|trial|ballot|debate|inauguration|congress|negotiations)\b",
    re.IGNORECASE,
)
# A date moved: what follows "from" is the day given up.
_MOVED = re.compile(
    r"\b(?:pushed back|moved|postponed|brought forward|delayed|extended|shifted|"
    r"rescheduled|put back|changed)\s*$",
    re.IGNORECASE,
)
# A diary's present tense, right before the date: "the European Council, which meets on
# December 17-18", "who meet in Brussels on". (The past, "met", is a report.)
_SCHEDULE = re.compile(
    r"\b(?:meets?|convenes?|reconvenes?|gathers?|sits?|votes?|holds?|hosts?|travels?|"
    r"visits?|resumes?|begins?|starts?|takes? office|go(?:es)? to the polls)"
    r"(?:\s+(?!(?:was|were|had|has)\b)[\w.'’-]+){0,3}\s*$",
    re.IGNORECASE,
)
# A decision to hold an event on the day: "voted on Thursday to hold a referendum on
# independence on April 6, 2027", "agreed to stage the talks in Doha on 12 January".
# Not a decision since undone or never taken: "had voted", "voted against a proposal
# to hold", "voted down" (and see _UNDONE after the date).
_DECIDED_TO_HOLD = re.compile(
    r"(?<!\bhad\s)(?<!\bnot\s)\b(?:voted|agreed|decided|resolved|approved\s+a\s+(?:plan|motion|"
    r"bill))\b(?![^.;]{0,60}?\b(?:against|down|not|reject\w*|refus\w*)\b[^.;]{0,40}?\bto\s+hold)"
    r"[^.;]{0,60}?\bto\s+(?:hold|stage|call|host|convene|put)\b"
)
# What undid it, told after the date: "..., a move the governor vetoed".
_UNDONE = re.compile(
    r"(?:,\s+(?:a\s+(?:move|decision|plan|vote)|which)|\bbut)\b[^.;]{0,60}?\b(?:vetoe?d|vetoes|"
    r"blocked|struck\s+down|overturned|annulled|cancell?ed|suspended|scrapped|called\s+off|"
    r"collapsed|fell\s+through|reneged|pulled\s+out|broke\s+down|"
    r"ruled\s+(?:it\s+)?unconstitutional)\b",
    re.IGNORECASE,
)
# English puts the future in the present after "when", "once", "until": "said the
# council was expected to sign off when allied foreign ministers meet in Brussels on
# Dec. 9" gives the meeting's day however the sentence reports around it ("met" would be
# the past, and is no verb of the diary).
_WHEN_IT_MEETS = re.compile(
    r"\b(?:when|once|until|as soon as)\s+(?:(?!(?:was|were|had|has|would|could|might)\b)"
    r"[\w.'’-]+\s+){1,5}?(?:meets?|convenes?|reconvenes?|gathers?|sits?|votes?|"
    # Where or again, not what: "once the government meets its demands by Dec. 4".
    r"go(?:es)? to the polls)(?:\s+(?:again|next|in|at)\b(?:\s+[\w.'’-]+){0,3})?\s*$",
    re.IGNORECASE,
)
_NOT_PLANNED = re.compile(
    # (An agreement to act is a plan: "agreed to meet again at a summit on ...".)
    rf"\b(?!(?:agreed|committed)\s+to\s)(?:{_REPORTING}|say|should|ought|must|could|might|"
    r"would)\b",
    re.IGNORECASE,
)
# After the date, in its clause: "Talks on 3 December between the two sides ended ...".
_TOLD_AS_PAST = re.compile(
    r"[^,;:()—–]{0,60}?\b(?:was|were|had|ended|broke|collapsed|failed|took|went|began|"
    r"opened|closed|passed|approved|agreed|voted|signed|met|held|decided|adopted)\b"
)
# A date moved to, before its "until": "has been postponed until 15 January 2027", "The
# commission postponed the vote until", "was delayed again until". The new day is in the
# diary, whatever the sentence says of the old one; not a move wished or weighed
# (``_WISHED_MOVE``).
_MOVED_TO = re.compile(
    r"\b(?:postponed|delayed|pushed back|put off|moved|rescheduled|put back|deferred|"
    r"brought forward)"
    # Not "Troops moved into the town and stayed until": another verb between.
    r"(?:\s+(?!(?:from|on|and|but|then|stayed|remained|lived|waited)\b)[\w'’-]+){0,5}?\s*$",
    re.IGNORECASE,
)
# In the move's clause, before it: "want the vote postponed until", "could be postponed
# until", "rejected calls for the vote to be delayed until", "will not be postponed".
_WISHED_MOVE = re.compile(
    r"\b(?:wants?|wanted|demand(?:s|ed|ing)?|calls?\s+for|called\s+for|urg(?:e|es|ed|ing)|"
    r"ask(?:s|ed|ing)?\s+(?:for|that|to)|propos(?:e|es|ed|ing)\s+(?:to|that)|"
    r"seek(?:s|ing)?\s+to|sought\s+to|could|might|may|would|should|if|whether|not|never|"
    r"reject\w*|refus\w*|threat\w*)\b",
    re.IGNORECASE,
)
# Words of putting off, which a day put off to may be told with ("After repeated
# delays, the launch has been postponed until ..."): no event called off.
_PUT_OFF = re.compile(
    r"\b(?:postpon\w*|delay\w*|put\s+off|pushed\s+back|deferr\w*|reschedul\w*)\b",
    re.IGNORECASE,
)
# A quotation inside a sentence: what it says of a date is someone's words.
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
# An event called off, put off or in doubt, or last year's: no date in the diary.
_PLACE_RELATIVE = re.compile(r"\s(?:where|in\s+which)\s[^,;]*", re.IGNORECASE)
_CALLED_OFF = re.compile(
    r"\b(?:cancel(?:l?ed|s|ling)?|postpon\w*|called off|call off|scrapp\w*|scrap|"
    r"delay(?:ed|s)?|put off|suspended|will not go ahead|won['’]t go ahead|not go ahead|"
    # ... not "will not be held until 13 December": put off to that day (but "until
    # further notice" or "until the courts rule" is off).
    r"(?:will|would)\s+not\s+(?:take\s+place|be\s+held|happen)(?!\s+(?:until|till)\s+"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))|"
    r"won['’]t\s+(?:take\s+place|be\s+held|happen)(?!\s+(?:until|till)\s+"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))|"
    r"unlikely|last year|a year ago|years ago|the previous year)\b",
    re.IGNORECASE,
)
# How soon after the day of writing such a date must lie: a day and month with no year
# written ("Dec. 17") a few weeks on is this year's, never last year's.
_EVENT_AHEAD_DAYS: Final = 60


@dataclass(frozen=True, slots=True)
class _Mention:
    month: date  # the first of the month
    day: date | None
    weekday_at: int = -1  # where the sentence names it by its weekday ("on Friday")
    weekday: str = ""  # that weekday's name as written
    said: str = ""  # "on 1 March 2027", "on Thursday": how the sentence puts it on its day


# A date gloss after a weekday, and what stays of it: "('s) (20 November)" -> "'s".
_GLOSS = re.compile(
    r"(?P<kept>(?:['’]s)?(?: (?:morning|afternoon|evening|night))?)"
    r"(?: \(\d{1,2} [A-Z][a-z]+\)|, \d{1,2} [A-Z][a-z]+(?=\)))"
)


def find_events(
    stories: Sequence[Story],
    issue_date: date,
    printed: Mapping[StoryId, Sequence[str]] | None = None,
    *,
    also: Sequence[Story] = (),
) -> tuple[WatchItem, ...]:
    """Events ahead that the articles of ``stories`` put on a date, soonest first.

    At most :data:`MAX_ITEMS`, chosen the coming week's days first (until the next
    issue), then each story's soonest first in the order of
    ``stories``, then the stories' second ones, soonest first; dated events come before
    month-only ones of the same month. ``printed`` maps a story id to the sentences the
    issue prints for it; none of them is repeated here. ``also`` (the stories under Also
    in the news) give dates too, each rank of theirs after the main stories' next, and
    soonest first: a one-outlet report's only date ("Copom's next meeting") comes after
    the main stories' second dates and before their third. A main story's date that only
    a sentence it prints gives ranks after Also in the news' first dates. See the module
    docstring for what counts.
    """
    ranked = [
        ((nth + group, group, *rest), item)
        for group, (some, repeat) in enumerate(((stories, True), (also, False)))
        for (nth, *rest), item in _events(some, issue_date, printed, repeat=repeat)
    ]
    # The week until the next issue first, whatever story gives it: a reader plans that
    # week from this list, and a deadline on Friday matters more than a hearing in
    # March of a story ranked above it.
    # Each story's first such day only: one story's many deadlines do not push out
    # another's only date.
    week = issue_date + timedelta(days=_NEXT_ISSUE_DAYS)
    ranked.sort(key=lambda pair: pair[0])
    soon: set[StoryId] = set()
    first_soon: set[int] = set()
    for place, (_, item) in enumerate(ranked):
        if item.day is not None and item.day <= week and item.story_id not in soon:
            soon.add(item.story_id)
            first_soon.add(place)
    ranked = [pair for _, pair in sorted(enumerate(ranked), key=lambda p: p[0] not in first_soon)]
    items = [item for _, item in ranked[:MAX_ITEMS]]
    items.sort(key=lambda i: (i.month, i.day is None, i.day or i.month, i.story_id))
    return tuple(items)


def _undone_events(story: Story, issue_date: date) -> list[tuple[datetime, str, frozenset[str]]]:
    """When each report of ``story`` tells an event itself put off or called off, with
    no day given for it ("The summit in Manila has been postponed.": not "the vote,
    postponed last month, will be held on 14 December", nor "was not called off"),
    which kind of event it is, and the names the sentence gives it ("Manila"): a date
    an earlier report gave that event is gone."""
    undone = []
    for article in story.articles:
        published = local_date(article.written, article.utc_offset)
        # Every sentence: "The third summit ... has been postponed" is no line to print
        # alone, but it says the summit is off.
        for sentence in clean_sentences(article.text):
            told = _PUT_OFF_EVENT.search(sentence)
            if told is None or _mentions(sentence, published, issue_date):
                continue
            undone.append((article.published, told["kind"], _names(sentence)))
    return undone


def _undone_later(
    sentence: str,
    published: datetime,
    undone: Sequence[tuple[datetime, str, frozenset[str]]],
) -> bool:
    """Whether a report later than ``published`` put off or called off the event
    ``sentence`` dates: one of its kind, named no other way (a "summit in Rome" is not
    the summit in Manila; see :func:`_undone_events`)."""
    kinds = {m["kind"] for m in _EVENT_KIND.finditer(sentence)}
    names = _names(sentence)
    return any(
        when > published and kind in kinds and (not told or told & names)
        for when, kind, told in undone
    )


def _names(sentence: str) -> frozenset[str]:
    """The capitalised words inside ``sentence`` (past its first), months and days
    aside: where and whose an event is."""
    words = re.findall(r"(?<=\s)[A-Z][\w'’-]+", sentence)
    return frozenset(
        w for w in words if w.lower()[:3] not in _CALENDAR and w not in ("The", "A", "An")
    )


_CALENDAR = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split()  # noqa: SIM905
)
# An event as a noun after its article or a possessive, in lower case ("the summit",
# "Thursday's vote"; not "will visit", "will strike", nor the month "March").
_EVENT_KIND = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his|[Nn]ext|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w'’]*['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?P<kind>summit|meeting|talks|hearing|vote|election|referendum|run-?off|visit|"
    r"conference|trial|session|ballot|debate|ceremony|inauguration|congress|forum|"
    r"negotiations)s?\b"
)
# That event itself put off or called off, as the subject of the verb: "The summit in
# Manila has been postponed", "The third summit ..., which had been scheduled for Dec.
# 14 in Manila, has been postponed", "the talks were called off" (not "was not called
# off", "calls for the vote to be delayed").
_PUT_OFF_EVENT = re.compile(
    rf"{_EVENT_KIND.pattern}(?:[^.;,]|,\s+which\s[^;]{{0,80}}?,|\.(?=\s?\d)){{0,120}}?"
    r"\b(?<!\bnot\s)(?:has|have|had|was|were|is|are)\s+(?:been\s+)?"
    r"(?:postponed|called\s+off|cancell?ed|scrapped|put\s+off)\b"
)


def _events(
    stories: Sequence[Story],
    issue_date: date,
    printed: Mapping[StoryId, Sequence[str]] | None,
    *,
    repeat: bool,
) -> list[tuple[tuple[int, bool, date, int], WatchItem]]:
    """:func:`find_events` of ``stories`` alone, each with its rank in the calendar:
    which of its story's dates it is, then whether it has no day, when, and its story's
    place. With ``repeat``, a date only a printed sentence gives is told again in that
    sentence."""
    found: dict[tuple[str, date, date | None], WatchItem] = {}
    # The keys whose sentence is one the story prints: another sentence replaces it.
    repeated: set[tuple[str, date, date | None]] = set()
    for story in stories:
        already = [lower_words(text) for text in (printed or {}).get(story.id, ())]
        undone = _undone_events(story, issue_date)
        # A column's dates are its argument's ("When Mirzoyan ... announced that the
        # crossing would open on January 15, it was tempting to see a breakthrough"):
        # the reports give the diary.
        for article in [a for a in story.articles if not is_opinion(a)] or story.articles:
            # The day the outlet wrote it on, as the Briefly dates its days.
            published = local_date(article.written, article.utc_offset)
            # The weekdays that may be the day of writing itself: "will meet on Friday"
            # written on a Friday is that day, in wire style, or a week on. With no zone
            # from the feed and a stamp before 10:00 UTC, the day before may be it too.
            today = {published.weekday()}
            if unsure_of_the_day(article.written, article.utc_offset):
                today.add((published - timedelta(days=1)).weekday())
            for sentence in _sentences(article.text):
                mentions = _mentions(sentence, published, issue_date, frozenset(today))
                again = bool(mentions) and _is_printed(sentence, already)
                if again and not repeat:
                    continue
                if mentions and _undone_later(sentence, article.published, undone):
                    continue  # a later report of the story put the event off
                if mentions:
                    sentence = _speaker_named(_named(sentence, story), article)
                for mention in mentions:
                    key = (story.id, mention.month, mention.day)
                    known = found.get(key)
                    if (
                        known is None
                        or (key in repeated and not again)
                        or (len(sentence) < len(known.text) and again == (key in repeated))
                    ):
                        if again:
                            repeated.add(key)
                        else:
                            repeated.discard(key)
                        found[key] = WatchItem(
                            month=mention.month,
                            day=mention.day,
                            text=_dated_text(sentence, article, mention),
                            outlet=article.outlet,
                            url=article.url,
                            story_id=story.id,
                        )
    items = _without_vaguer_duplicates(found.values())
    # A day another story gives in a sentence of its own is told there: one story's
    # printed sentence is not the calendar's line too.
    items = [
        item
        for item in items
        if (item.story_id, item.month, item.day) not in repeated
        or not any(
            other.story_id != item.story_id
            and (other.month, other.day) == (item.month, item.day)
            and (other.story_id, other.month, other.day) not in repeated
            for other in items
        )
    ]
    items.sort(key=lambda i: (i.month, i.day is None, i.day or i.month, i.story_id))
    # Each story's soonest date before any story's second: the list is the week's
    # calendar, not one story's (a party board's meeting on Monday does not push the
    # alliance's office opening in January off it). Stories' first dates come in the
    # issue's order; their second ones soonest first, as a calendar reads (the summit
    # in two weeks before the office opening in April).
    order = {story.id: place for place, story in enumerate(stories)}
    nth: dict[StoryId, int] = {}
    ranked: list[tuple[tuple[int, bool, date, int], WatchItem]] = []
    # A story's event comes before its other dates ("the by-election on 21 January"
    # before "voter rolls would be updated until December 14").
    for item in sorted(items, key=lambda i: not _EVENT_NAMED.search(i.text)):
        nth[item.story_id] = nth.get(item.story_id, -1) + 1
        # The main stories' first dates in the issue's order; Also in the news' (a list
        # of one-outlet reports, ``repeat`` off) soonest first, as a calendar reads.
        first = not nth[item.story_id] and repeat
        when = date.min if first else item.day or item.month
        # A line that repeats a sentence the story prints tells the reader nothing new:
        # it ranks after Also in the news' first dates.
        again = (item.story_id, item.month, item.day) in repeated
        rank = nth[item.story_id] + 2 * again
        ranked.append(((rank, item.day is None, when, order[item.story_id]), item))
    return ranked


def _speaker_named(sentence: str, article: Article) -> str:
    """``sentence`` with a surname that opens it before a verb of saying ("Dingyadi said
    both parties would meet again on Tuesday, December 8") named in full, as the article
    names them ("Minister of Labour and Employment, Muhammad Dingyadi"): a line in a
    list of dates has no story above it to introduce them."""
    opening = _SURNAME_SAYS.match(sentence)
    if opening is None:
        return sentence
    surname = opening.group("surname")
    full = name_in_full(surname, clean_sentences(article.text), article.outlet)
    if not full or full == surname or surname not in full:
        return sentence
    comma = "," if "," in full else ""
    return f"{full}{comma}" + sentence[opening.end("surname") :]


# A surname alone before its verb of saying, opening a sentence.
_SURNAME_SAYS = re.compile(
    r"(?P<surname>[A-Z][a-z][\w'’\-]+)\s+(?:said|says|told|added|announced|confirmed)\b"
)


def _named(sentence: str, story: Story) -> str:
    """``sentence`` with "The bank" that opens it named as the story names it ("The
    Bank of Canada's next rate announcement is scheduled for Jan. 27"): printed in a
    list of dates, the line cannot lean on its story's headline. As it was when the
    story's articles' openings and titles name no one such, or more than one."""
    noun = needs_antecedent(sentence)
    opening = re.match(rf"The {re.escape(noun)}\b", sentence) if noun.isalpha() else None
    if opening is None:
        return _national(sentence, story)
    name = re.compile(
        rf"(?<![\w'’])((?:[A-Z][\w'’.\-]*\s+){{0,3}}{re.escape(noun.capitalize())}"
        r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})?)\b"
    )
    # Names read from the openings, in sentence case (a Title Case headline, "Bank of
    # Canada Cuts Key Rate", would run the name into its verb), that a title names
    # too: what the story is about, not "Bank of Canada Governor Tiff" nor the
    # "Deutsche Bank economists" quoted on it.
    texts = [(a.text or a.summary)[:_OPENING_CHARS] for a in story.articles]
    titles = " | ".join(a.title for a in story.articles).lower()
    named = set()
    for found in (m.group(1).removeprefix("The ") for t in texts for m in name.finditer(t)):
        words = found.split()
        # The longest part of it a title names: "Bank of Canada" of "Bank of Canada
        # Governor Tiff".
        told = (
            " ".join(words[:end])
            for end in range(len(words), 0, -1)
            if re.search(rf"\b{re.escape(' '.join(words[:end]).lower())}\b", titles)
        )
        if (longest := next(told, "")) and noun.lower() in longest.lower().split():
            named.add(longest)
    if not named:
        named = _described(noun, texts, titles)
    if len(named) != 1:
        return _national(sentence, story)
    return f"The {named.pop()}" + sentence[opening.end() :]


# A country's own institutions, which "The new parliament" of a story about one country
# can only be.
_INSTITUTION: Final = re.compile(
    r"The\s+(?P<kind>(?:(?:new|next|incoming|outgoing|interim|caretaker|current)\s+)?"
    r"(?:parliament|government|cabinet|senate|national assembly|central bank|"
    r"army|military|navy|air force|coast guard|opposition|ruling party|"
    r"ruling coalition|(?:election|electoral) commission|supreme court|constitutional court|"
    r"(?:finance|foreign|defen[cs]e|interior|health) ministry))\b(?!\s+of\b)"
)
# Countries named "the ...": "the Philippines' new parliament".
_THE_COUNTRY: Final = re.compile(r"United |Netherlands|Philippines|Czech|Gambia|Bahamas|Maldives")


def _national(sentence: str, story: Story) -> str:
    """``sentence`` with "The new parliament" that opens it made the one country's its
    story's titles name ("Bulgaria's new parliament is due to hold its first session"):
    in a list of dates, "the new parliament" is no one's. As it was when the titles name
    no country or several, or the sentence names one itself."""
    opening = _INSTITUTION.match(sentence)
    if opening is None or countries_named(sentence):
        return sentence
    countries = {c for a in story.articles for c in countries_named(a.title)}
    if len(countries) != 1:
        return sentence
    country = countries.pop()
    # Each report opens on that country, and on no other ("Hamas hands over remains of
    # Gaza hostage" is Israel's military's search too).
    openings = [countries_named((a.text or a.summary)[:_OPENING_CHARS]) for a in story.articles]
    if any(named != {country} for named in openings):
        return sentence
    owner = f"the {country}" if _THE_COUNTRY.match(country) else country
    owner += "'" if owner.endswith("s") else "'s"
    return f"{owner[0].upper()}{owner[1:]} {opening['kind']}{sentence[opening.end() :]}"


def _described(noun: str, texts: Sequence[str], titles: str) -> set[str]:
    """ "The law" as the story's openings describe it, in words its titles use too: "the
    foreign investment screening law" under "Greenland's parliament passes foreign
    investment screening law", not "the new law" nor "a law he called unfair"."""
    described = re.compile(
        rf"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z][a-z\-]*\s+){{1,3}}){re.escape(noun.lower())}\b"
    )
    title_words = set(re.findall(r"[\w\-]+", titles))
    found = {
        words
        for text in texts
        for match in described.finditer(text)
        if (words := tuple(w for w in match.group(1).split() if w not in _VAGUE))
        and all(word in title_words for word in words)
        # As a title writes it, whole: "the state abortion law" the court struck down is
        # no title's "replacement bill".
        and re.search(rf"\b{re.escape(' '.join(words))} {re.escape(noun.lower())}\b", titles)
    }
    # "screening law" is the "foreign investment screening law" told shorter.
    fullest = {w for w in found if not any(set(w) < set(other) for other in found)}
    return {f"{' '.join(words)} {noun.lower()}" for words in fullest}


# Words that do not say which one: "the new law" is any law.
_VAGUE: Final = frozenset({"new", "latest", "proposed", "planned", "draft", "controversial"})


def _dated_text(sentence: str, article: Article, mention: _Mention) -> str:
    """``sentence`` with its other days dated as the Briefly's are ("announced on
    Tuesday (17 November)"): beside the item's own date, a bare weekday reads as that
    date's. The item's own day needs no second date, least of all another one (the
    Briefly's rules may date a "Friday" told on a Friday otherwise). A relative day
    keeps its word ("began today (21 November)"): the item's own weekday is found by
    counting the sentence's weekdays, which a reworded "today" would add to.

    When the sentence ends on its day ("The law takes effect on March 1, 2027."), the
    day goes: the item is printed after its date, and would say it twice."""
    if mention.said:
        # Not after a bare verb "to be": "The deadline for applications is on 5 January."
        told = re.compile(
            rf"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bbe)(?<!\bwere)(?<!\bbeen),?\s+{re.escape(mention.said)}"
            r"(?=[.!?]?[\"”’]?\s*$)"
        )
        shorter = told.sub("", sentence, count=1)
        if shorter != sentence:
            text = annotate_dates(shorter, article.written, article.utc_offset, reword=False)
            return curl_quotes(text)
    # "Mediation talks are scheduled for next Monday.": the item's date says when.
    ending = _WEEKDAY_ENDING.search(sentence) if mention.weekday else None
    if (
        ending
        and ending["weekday"] == mention.weekday
        and ending.start() >= mention.weekday_at - len(", for next ")
        # (A deadline's or a span's word before it keeps it: "by Sunday", "until next
        # Thursday"; so does "a week on Monday", which the date alone does not say.)
        and not {w.lower() for w in sentence[: ending.start()].split()[-1:]} & _SPAN_WORDS
        and not a_week_on(sentence, ending.start() + 1)
    ):
        sentence = sentence[: ending.start()] + sentence[ending.end() :]
        mention = dataclasses.replace(mention, weekday_at=-1)
    text = annotate_dates(sentence, article.written, article.utc_offset, reword=False)
    if mention.day is not None:
        own = f"{mention.day.day} {MONTHS[mention.day.month - 1]}"
        # Set inside the sentence's own brackets, the date follows a comma instead.
        text = text.replace(f" ({own})", "").replace(f", {own})", ")")
    if mention.weekday_at >= 0:
        name = re.compile(rf"\b{re.escape(mention.weekday)}\b")
        nth = len(name.findall(sentence, 0, mention.weekday_at))
        found = list(name.finditer(text))
        if nth < len(found):
            at = found[nth].end()
            gloss = _GLOSS.match(text, at)
            if gloss:
                text = text[:at] + gloss.group("kept") + text[gloss.end() :]
    return curl_quotes(text)


_WEEKDAY_ENDING = re.compile(
    rf"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bbe),?\s+(?:(?:on|for)\s+)?(?:next\s+|this\s+)?"
    rf"(?P<weekday>{WEEKDAY_PATTERN})(?=[.!?]?[\"”’]?\s*$)"
)
_SPAN_WORDS = frozenset({"by", "until", "till", "before", "after", "from", "since"})


def _sentences(text: str) -> Iterable[str]:
    sentences = clean_sentences(text)
    # A sentence inside someone's quotation ("We have agreed ... The next meeting will
    # be held in Miami next Thursday. ...") is theirs, and printed alone, no one's.
    quoted = inside_quotations(sentences)
    for sentence, inside in zip(sentences, quoted, strict=True):
        # ... and so is one that opens or closes it (half a quotation).
        if inside or not quotes_balance(sentence):
            continue
        if len(sentence) <= _MAX_SENTENCE_CHARS and not _FIRST_PERSON.search(sentence):
            # Printed alone, a line must say whose event it is: "Their deployment will
            # begin on Thursday" and "And Nintendo, too, will ..." lean on the sentence
            # before. "It is unclear whether ..." is no pronoun.
            if needs_antecedent(sentence) == "sentence" and not _EXPLETIVE_IT.match(sentence):
                continue
            # Nor "The Danish parliament is set to vote on it on December 17": what "it"
            # is, the sentence before said.
            if _ON_IT.search(sentence):
                continue
            yield sentence


def printed_sentences(
    topics: Iterable[TopicSection], briefs: Iterable[Brief] = ()
) -> dict[StoryId, list[str]]:
    """Each story's printed Briefly and Also worth noting sentences, and each brief's
    line, for ``printed``."""
    printed = {
        s.story_id: [x.text for x in (*s.briefly, *s.also_worth_noting)]
        for t in topics
        for s in t.stories
    }
    printed.update((brief.story_id, [brief.sentence]) for brief in briefs if brief.sentence)
    return printed


def _is_printed(sentence: str, printed: Sequence[list[str]]) -> bool:
    words = lower_words(sentence)
    return any(
        SequenceMatcher(None, words, other, autojunk=False).ratio() >= _SAME_SENTENCE
        for other in printed
    )


def _mentions(
    sentence: str, published: date, issue_date: date, today: frozenset[int] = frozenset()
) -> list[_Mention]:
    # A sentence that names an earlier year ("Road Trip 2010") may be old news: a bare
    # "24 June" in it cannot be placed in a year with any confidence.
    is_dated_in_past = any(int(y) < published.year for y in _ANY_YEAR.findall(sentence))
    # "... will take place on Tuesday, police said Monday": the Tuesday after the Monday
    # they spoke on, which may be days before the report was published.
    said_on = spoken_on(sentence, published)
    mentions = []
    quoted = [m.span() for m in _QUOTATION.finditer(sentence)]
    for match in _DATE.finditer(sentence):
        if _MOVED.search(sentence[: match.start()]) and match.group("lead").lower() == "from":
            continue  # "pushed back from 10 to 24 December": the day given up
        # "“... just as valid in January,” her office said": a month in someone's words
        # is how they put it, not a day in the diary (a day they give may be).
        in_quote = any(start < match.start() < end for start, end in quoted)
        moved = (
            _MOVED_TO.search(sentence[: match.start()])
            if match.group("lead").lower() in ("until", "till", "to")
            else None
        )
        if moved is not None and _WISHED_MOVE.search(
            re.split(r"[,;:]|\band\b", sentence[: moved.start()])[-1]
        ):
            moved = None
        future = (
            moved is not None
            or _speaks_of_future(sentence, match)
            or _ahead_in_a_later_year(sentence, match, published)
        )
        if not future and not _names_an_event(sentence, match):
            continue
        # A day put off to is kept, unless the sentence calls the event off besides
        # ("postponed until 15 December and then cancelled").
        # (Not what a place after the date went through: "by-elections on January 11 in
        # 56 townships where voting last year was cancelled".)
        told = sentence[: match.end()] + _PLACE_RELATIVE.sub("", sentence[match.end() :])
        if _CALLED_OFF.search(_PUT_OFF.sub(" ", told) if moved is not None else told):
            continue  # "The vote on 2 December has been postponed": no date to keep
        weekday = match.group("weekday")
        spoken = today if said_on == published else {said_on.weekday()}
        if (
            weekday
            and _WEEKDAYS.index(weekday.lower()) in spoken
            and match.group("lead").lower() != "next"
            and not a_week_on(sentence, match.start())
        ):
            continue  # that very day, already past, or a week on: no telling
        mention = _resolve(match, said_on if weekday else published)
        if mention is None or (is_dated_in_past and not _has_year(match)):
            continue
        if in_quote and mention.day is None:
            continue
        # An event named on a day of a later year written out ("a referendum on April 6,
        # 2027" written in December) lies ahead, however far: no year is inferred.
        later_year = _has_year(match) and mention.month.year > published.year
        lead = " ".join(match.group("lead").lower().split())
        # "As of June 30, reserves stood at ...": a figure's date, unless the future
        # leads up to it ("will apply as of January 1") or a day of a later year is
        # written out ("opened ... as of 15 January 2027").
        if lead == "as of" and not later_year and not _future_before(sentence, match):
            continue
        # A day moved to with no year written, many months on, is no year's inferred:
        # "The final, which was moved to September 5 because of the heat, drew a crowd".
        if (
            moved is not None
            and not _has_year(match)
            and mention.day is not None
            and mention.day > published + timedelta(days=_MOVED_AHEAD_DAYS)
        ):
            continue
        if not future and not (
            mention.day is not None
            and published < mention.day
            and (later_year or mention.day <= published + timedelta(days=_EVENT_AHEAD_DAYS))
        ):
            continue
        if weekday:
            mention = dataclasses.replace(
                mention, weekday_at=match.start("weekday"), weekday=weekday
            )
        # A span's first day ("on 17-18 December") is not all of how it is put.
        spans = re.match(r"\s*(?:[-–]|and\b|to\b)\s*\d", sentence[match.end() :]) or re.search(
            r"\d\s*(?:[-–]|and\b|to\b)\s*\d", match.group(0)
        )
        if (
            mention.day is not None
            and match.group("lead").lower() == "on"
            and not spans
            and not a_week_on(sentence, match.start())
        ):
            mention = dataclasses.replace(mention, said=match.group(0))
        # A month alone counts only from the next month on: "in November" read on 23
        # November may well be over.
        first_day = mention.day or mention.month
        if issue_date <= first_day <= issue_date + timedelta(days=HORIZON_DAYS):
            mentions.append(mention)
    return mentions


def _speaks_of_future(sentence: str, match: re.Match[str]) -> bool:
    """Whether the date belongs to a future event: a future marker leads up to it in
    its own clause ("is due to take effect on 1 December"), or, for a written date that
    opens the sentence, follows it ("On 3 December, ministers will meet")."""
    before = sentence[: match.start()]
    clause = _CLAUSE_BREAK.split(before)[-1]
    if _REPORTED.search(clause):
        return False
    # Reported speech shifts the future back a tense: "told reporters that the board
    # would hold its first meeting on December 8", "warned that a second surge was
    # expected to hit the coast between December 12 and 16".
    if _HAD_BEEN_DUE.search(clause):
        return False
    reported = _REPORTED_THAT.search(before)
    near = _near(sentence, match)
    if (
        reported
        and (_REPORTED_FUTURE.search(near) or _WAS_EXPECTED.search(near))
        # Not "had said", "said last winter", "would not take place", "would never":
        # a promise since broken, or a date that is none.
        and not _LONG_SAID.search(before[: reported.end()])
        and not _NOT_AHEAD.search(sentence)
    ):
        return True
    if _PAST_EXPECTATION.search(clause):
        return False
    if _FUTURE.search(near) and not _UNDONE.search(sentence, match.end()):
        return True
    # A deadline given: "Rail unions have given the government until Saturday, December
    # 12 to improve their offer".
    if (
        match.group("lead").lower() in ("until", "till")
        and _GIVEN_UNTIL.search(before)
        and not _UNDONE.search(sentence, match.end())
    ):
        return True
    if _DECIDED_TO_HOLD.search(clause) and not _UNDONE.search(sentence, match.end()):
        return True
    is_opening = len(before.split()) <= 1 and not match.group("weekday")
    return is_opening and _FUTURE.search(sentence[match.end() :]) is not None


_DAY_LEADS = frozenset({"on", "from", "as of", "starting", "beginning", "until", "by"})
# An agreement to act, for a day of a later year written out: "agreed to sign ... at a
# heads of state summit on January 15, 2027" (a weekday after it may be the day it was
# agreed: "agreed to extend the truce on Tuesday").
_AGREED_TO_ACT = re.compile(
    r"\b(?:agreed|agrees|committed|commits|pledged|pledges|promised|vowed)\s+to\s+"
    r"(?!(?:be|a|an|the|its|their|his|her|this|that|these|those|it|them)\b)[a-z]+"
)
# How far ahead a day moved to may lie with no year written: a move is to the coming
# weeks or months ("postponed until February 15" written on 1 December is 76 days on).
_MOVED_AHEAD_DAYS = 100


def _future_before(sentence: str, match: re.Match[str]) -> bool:
    """Whether a future marker leads up to the date in its own clause ("will apply as of
    January 1")."""
    return _FUTURE.search(_near(sentence, match)) is not None


def _near(sentence: str, match: re.Match[str]) -> str:
    """The last ``_MARKER_WORDS`` words of the date's own clause before it: where a
    future marker still governs it."""
    clause = _CLAUSE_BREAK.split(sentence[: match.start()])[-1]
    return " ".join(clause.split()[-_MARKER_WORDS:])


def _ahead_in_a_later_year(sentence: str, match: re.Match[str], published: date) -> bool:
    """Whether the date, written with a later year than the report's, follows a future
    marker anywhere in its sentence, however long the clause between: "the border will
    be opened for third-country citizens and for holders of diplomatic passports ... as
    of 15 January 2027". A day of next year told in this year's future is in the diary;
    not one told as reported or called off (:func:`_speaks_of_future` decides those)."""
    year = next((match.group(f"year{n}") for n in ("1", "2", "3") if match.group(f"year{n}")), "")
    if not year or int(year) <= published.year:
        return False
    # A day a thing happens from or on; not a month a forecast reaches ("is forecast to
    # ease to 2% by March 2027", "losses to continue until June 2027").
    lead = " ".join(match.group("lead").lower().split())
    if lead not in _DAY_LEADS or not (match.group("day1") or match.group("day2")):
        return False
    before = sentence[: match.start()]
    return (
        (_FUTURE.search(before) is not None or _AGREED_TO_ACT.search(before) is not None)
        and not _REPORTED.search(_CLAUSE_BREAK.split(before)[-1])
        and not _PAST_EXPECTATION.search(before)
        and not _NOT_AHEAD.search(sentence)
    )


def _names_an_event(sentence: str, match: re.Match[str]) -> bool:
    """Whether the date is an event's, named as a noun right before it with no verb of
    reporting in its clause ("at a summit in Brussels on Dec. 17-18"), or by a verb of
    the diary in the present ("which meets on December 17-18"). Such a date needs
    no future tense when it lies shortly after the day the outlet wrote: written down
    ahead of it, it is a date in the diary (checked in :func:`_mentions`)."""
    if match.group("weekday") or match.group("next_month"):
        return False  # a weekday is always placed ahead: it needs the tense to say so
    before = sentence[: match.start()]
    # Anywhere before it: "said at a summit on 3 December"; "should be held on"; "Her
    # lawyer said ..., in which he called for a boycott of by-elections on December 13"
    # (a line about the lawyer's words, under the by-elections' date).
    if (
        _NOT_PLANNED.search(before) or _PAST_EXPECTATION.search(before)
    ) and not _WHEN_IT_MEETS.search(before):
        return False
    if _UNDONE.search(sentence, match.end()):
        return False  # "..., a move the governor vetoed"
    clause = _CLAUSE_BREAK.split(before)[-1]
    # "Talks in Geneva on 3 December ended without a deal": told as past after all (not
    # "... on 17 December will be held in Brussels").
    past = _TOLD_AS_PAST.match(sentence, match.end())
    if past and not _FUTURE.search(past.group(0)):
        return False
    return _EVENT_NOUN.search(clause) is not None or _SCHEDULE.search(clause) is not None


_SPAN_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
# A span from the report longer than this is no day to plan for ("within 90 days").
_SPAN_AHEAD = timedelta(days=31)
# A day of a month the sentence names, which a span "within" it may count from, as from
# a weekday or "last week" (``names_a_day``): "On 2 November the court ruled ... within
# 30 days".
_DAY_OF_MONTH = re.compile(
    rf"\b(?:\d{{1,2}}\s+{MONTH_WRITTEN_PATTERN}|{MONTH_WRITTEN_PATTERN}\s+\d{{1,2}})\b"
)


def _resolve(match: re.Match[str], published: date) -> _Mention | None:
    """The date a match names, its year inferred from ``published`` when not written."""
    groups = match.groupdict()
    lead = groups["lead"].lower()
    if groups["next_month"]:
        if lead != "next":
            return None
        month = _add_months(published.replace(day=1), 1)
        return _Mention(month, None)
    if groups["this_month"]:
        # "by the end of the month": the month's last day, a deadline (not "the end of
        # the month of Ramadan").
        if (
            lead not in ("by", "before", "until", "till")
            or "end of" not in match.group(0)
            or re.match(r"\s+of\b", match.string[match.end() :])
        ):
            return None
        month = published.replace(day=1)
        return _Mention(month, _add_months(month, 1) - timedelta(days=1))
    if groups["span_n"]:
        # (Not "within 14 days of the declaration": a span from another day; nor one
        # after a day the sentence names, which it may count from.)
        if (
            lead != "within"
            or re.match(r"\s+(?:of|after|from)\b", match.string[match.end() :])
            or names_a_day(match.string)
            or _DAY_OF_MONTH.search(match.string)
        ):
            return None
        count = _SPAN_NUMBERS.get(groups["span_n"].lower()) or int(groups["span_n"])
        weeks = groups["span_unit"].startswith("week")
        day = published + timedelta(days=count * (7 if weeks else 1))
        return _Mention(day.replace(day=1), day) if day - published <= _SPAN_AHEAD else None
    if groups["day6"]:
        day_number, month_number_ = int(groups["day6"]), int(groups["month6"])
        if day_number <= 12 < month_number_:
            day_number, month_number_ = month_number_, day_number  # "1/15"
        if (
            day_number <= 12
            or month_number_ > 12
            or lead not in ("on", "by", "until", "till")
            or (day_number, month_number_) == (24, 7)
        ):
            return None  # "5/1" may be either; "3/4 of" is no day; "24/7" all the time
        return _dated(month_number_, str(day_number), None, published)
    if groups["weekday"]:
        if lead not in ("on", "next", "this", "by", "until", "before", "from", "for"):
            return None
        # The first such weekday after publication ("on Monday" in a Monday article is
        # a week on; "next Monday" is read the same way, the commoner sense).
        target = _WEEKDAYS.index(groups["weekday"].lower())
        day = published + timedelta(days=(target - published.weekday() - 1) % 7 + 1)
        if a_week_on(match.string, match.start()):
            day += timedelta(days=7)  # "a week on Monday": the Monday after next
        return _Mention(day.replace(day=1), day)
    if groups["day4"]:
        return _dated(int(groups["month4"]), groups["day4"], groups["year4"], published)
    if groups["day5"]:
        if lead not in ("on", "by", "until", "till", "from", "before"):
            return None
        day_number = int(groups["day5"])
        month = published.replace(day=1)
        if day_number <= published.day:
            month = _add_months(month, 1)
        return _dated(month.month, groups["day5"], str(month.year), published)
    for n in ("1", "2", "3"):
        if groups[f"month{n}"]:
            number_of_month = month_number(groups[f"month{n}"])
            year_text = groups[f"year{n}"]
            day_text = groups.get(f"day{n}")
            break
    else:  # pragma: no cover - the pattern always fills one alternative
        return None
    if day_text is None and lead not in ("in", "by", "until", "till", "from"):
        return None  # "of May", "mid May" without a day: too loose for a calendar
    return _dated(number_of_month, day_text, year_text, published)


def _dated(
    month_number: int, day_text: str | None, year_text: str | None, published: date
) -> _Mention | None:
    year = int(year_text) if year_text else published.year
    day_number = int(day_text) if day_text else 1
    try:
        candidate = date(year, month_number, day_number)
    except ValueError:
        return None  # "31 February": not a date, so not an event
    if not year_text and candidate < published - timedelta(days=_RECENT_PAST_DAYS):
        try:
            candidate = candidate.replace(year=year + 1)
        except ValueError:
            return None  # 29 February in a year without one
    month = candidate.replace(day=1)
    return _Mention(month, candidate if day_text else None)


def _has_year(match: re.Match[str]) -> bool:
    return any(match.group(f"year{n}") for n in ("1", "2", "3", "4"))


def _without_vaguer_duplicates(items: Iterable[WatchItem]) -> list[WatchItem]:
    """Drop a month-only item when the same story also gives a day in that month."""
    items = list(items)
    dated = {(i.story_id, i.month) for i in items if i.day is not None}
    return [i for i in items if i.day is not None or (i.story_id, i.month) not in dated]


def _add_months(first: date, months: int) -> date:
    index = first.month - 1 + months
    return date(first.year + index // 12, index % 12 + 1, 1)
