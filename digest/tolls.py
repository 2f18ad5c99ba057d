"""Counts that move during a week: tolls, counts of people and counts a later report
says it moved from.

A disaster's reports count the dead, the missing, the injured, the affected and the
displaced, and each day's count replaces the last. ``digest.summarize`` asks this module
which sentences give a count a later report updated (:func:`superseded_counts`), which
lede gives the newest toll (:func:`newest_toll`), whether two sentences count the same
people (:func:`counts_again`) and which notes give a lower toll than the Briefly
(:func:`below_told_toll`). A year named ("In 2018 a quake killed 4,300") or a running
total ("since the war began") is another count (:func:`other_count`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Sequence
from datetime import datetime, timedelta

from digest.briefly import LEDE_POSITIONS, ScoredSentences, is_briefly_candidate, is_reaction
from digest.figures import same_figure
from digest.models import Article
from digest.places import countries_named
from digest.softnews import dead_counted, is_opinion, opening, people_counted, tells_deaths
from digest.text import (
    MONTH_WRITTEN_PATTERN,
    WEEKDAY_PATTERN,
    content_words,
    is_live_page,
    word_count,
)

__all__ = [
    "below_told_toll",
    "counts_again",
    "elsewhere_on_live",
    "newest_toll",
    "other_count",
    "superseded_counts",
]


def other_count(text: str) -> bool:
    """Whether ``text`` counts another time or group: it names a year, or tells a running
    total, the killed and injured together or a massacre it recalls."""
    if _YEAR.search(text):
        return True
    for match in _OTHER_COUNT.finditer(text):
        # "in one of the deadliest attacks on the city since the war began": a
        # comparison of this count, not a running total.
        clause = re.split(r";|,\s", text[: match.start()])[-1]
        if (
            match.group(0).lower() == "since"
            and _SUPERLATIVE.search(clause)
            and not _RUNNING.search(text[: match.start()])
        ):
            continue
        return True
    return False


# A death toll a later report raised ("killing at least 43" on the first day, "has risen
# to 71" on the next), or a count of the missing, injured, affected or displaced it
# changed: the story tells the newest, and an older count is kept out of the Briefly,
# the voices and the notes. Counted as one when within rounding
# (digest.figures.same_figure), and only in sentences on one subject (sharing
# _TOLL_CONTEXT content words besides the figures and the words every count uses,
# _COUNTED) that name no year: "In 2018 a quake killed more than 4,300 people" is
# history, not the count.
_TOLL_CONTEXT = 3
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Nor a count of another group: a war's running total ("have been killed in Gaza since
# the war began"), the killed and injured together, a massacre the sentence recalls
# ("since the Bataclan massacre, in which gunmen killed 130"). A day's count is never
# ten times the one a later report raises it from: a larger one counts something else.
_OTHER_COUNT = re.compile(
    r"\bsince\b|\b(?:killed|dead) (?:or|and) (?:injured|wounded|hurt)\b|\bcasualties\b"
    r"|\bin which\b",
    re.IGNORECASE,
)
# "one of the deadliest attacks on the city": an event's rank among the war's events.
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest)\s+(?:single\s+)?"
    r"(?:attacks?|strikes?|bombings?|assaults?|raids?|days?|incidents?|massacres?|shelling|"
    r"barrages?)\b",
    re.IGNORECASE,
)
# "have died", "has been killed": a running total, whatever else the sentence ranks.
_RUNNING = re.compile(r"\b(?:have|has)\s+(?:been\s+)?(?:died|killed)\b")
_TOLL_JUMP = 10
# One disaster, as a live page's title names it.
# (A war's page names its strikes; "Political storm" is no weather.)
_WAR = re.compile(
    r"\b(?:war|(?<!quake\s)(?<!earthquake\s)(?<!storm\s)strikes?|attacks?|offensive|fighting|"
    r"shelling|bombardment|invasion|missiles?|"
    r"drones?|airstrikes?|ceasefire|truce)\b",
    re.IGNORECASE,
)
_DISASTER = re.compile(
    r"(?<!political )(?<!Political )\b(?:floods?|flooding|flash\s+floods|earthquakes?|quakes?|"
    r"landslides?|mudslides?|storms?|"
    r"typhoons?|cyclones?|hurricanes?|wildfires?|bushfires?|avalanches?|eruptions?|tsunamis?|"
    r"heatwaves?)\b",
    re.IGNORECASE,
)
# A death with a cause of its own told: in custody, in another attack, "after shelling
# hit the village", "after a drone hit a car".
_OWN_DEATH = re.compile(
    r"\b(?:custody|separate|another\s+(?:attack|strike|incident|shooting)|shot\s+(?:dead\s+)?by|"
    r"police|suicide|killed\s+himself|killed\s+herself|unrelated)\b"
    r"|\b(?:after|when|as)\b[^.;]{0,40}\b(?:shelling|drones?|strikes?|attacks?|shot|missiles?|"
    r"bombs?|gunmen|shooting)\b",
    re.IGNORECASE,
)
_IN_HOSPITAL = re.compile(r"\bin\s+hospital\b|\bof\s+(?:his|her|their)\s+(?:injuries|wounds)\b")
# One unnamed person's death, told as an increment: "A 74-year-old man has died in
# hospital", "Another victim was found dead", "One more person died overnight".
_ONE_DEATH = re.compile(
    r"^(?:(?:Another|A|An)\s+(?:(?:\d+-year-old|elderly|young|second|third|fourth|fifth|"
    r"further|injured|seriously\s+injured)\s+)*(?:man|woman|person|child|boy|girl|victim|"
    r"resident|pensioner|patient|teenager|baby|infant)|One\s+more\s+(?:person|victim))\b"
    r"[^.;]{0,60}?\b(?:has\s+died|had\s+died|died|succumbed|(?:was|has\s+been|had\s+been)\s+"
    r"(?:found|confirmed)\s+dead)\b"
)
# A count's sentence this short tells little besides the count: no subject to compare.
_SHORT_COUNT_WORDS = 12
# A later toll lower than an earlier one is the newer only where it says it corrects it
# ("stands at 12, the ministry said, revising down an earlier figure"): otherwise the
# lower count may be one place's or one day's.
_REVISED_DOWN = re.compile(
    r"\brevis(?:ed|ing|es)\s+(?:(?:the|its|an|an earlier|the earlier|its earlier)\s+)?"
    r"(?:(?:death\s+)?(?:toll|figure|count)|number of (?:dead|deaths|victims))\s+down(?:wards?)?"
    r"|\brevis(?:ed|ing|es)\s+down(?:wards?)?\s+(?:(?:the|its|an|an earlier|the earlier|"
    r"its earlier)\s+)?(?:(?:death\s+)?(?:toll|figure|count)|number of (?:dead|deaths|victims))"
    r"|\b(?:people|victims|dead|deaths|bodies|persons)\s+(?:had\s+been\s+|have\s+been\s+|were\s+|"
    r"was\s+)?counted twice\b|\bdouble[- ]counted\b"
    r"|\bcorrected\s+(?:the|its)\s+(?:death\s+)?(?:toll|figure|count)\b"
    # "lowered the death toll", "The toll now stands at 12, not 14 as reported earlier",
    # "two victims had been recorded twice", "The toll was earlier reported at 14",
    # "death toll revised to 12".
    r"|\b(?:lower(?:ed|s)?|cut|reduc(?:ed|es))\s+(?:the|its)\s+(?:death\s+)?toll\b(?!\s+on\b)"
    r"|\bnot\s+\d[\d,]*\s+as\s+(?:(?:was|had\s+been)\s+)?(?:earlier|previously|first|initially)?\s*"
    r"(?:reported|stated|announced|said)\b"
    r"|\b(?:victims?|dead|bodies|people|persons|deaths?|names?)\s+(?:had\s+been\s+|have\s+been\s+|"
    r"were\s+|was\s+)?(?:counted|recorded|registered|listed)\s+twice\b"
    r"|\btoll\s+(?:was|had\s+been)\s+(?:earlier|previously|initially|first)\s+"
    r"(?:reported|given|put)\s+at\b"
    r"|\b(?:death\s+)?toll\s+(?:was\s+|has\s+been\s+)?revised\s+to\b",
    re.IGNORECASE,
)
# Where a report says it corrects the toll: its title and opening.
_CORRECTION_CHARS = 1_500


def _corrects_toll(article: Article) -> bool:
    return bool(_REVISED_DOWN.search(opening(article, _CORRECTION_CHARS)))


def _corrects(article: Article, sentence: str) -> bool:
    """Whether ``sentence`` of ``article`` gives a toll corrected down: any of a report
    correcting it, only one saying so of a live page (whose other entries count other
    strikes: "Drone strike on Sumy kills four" under "Dnipro toll revised to 31")."""
    if is_live_page(article.title, article.url):
        return bool(_REVISED_DOWN.search(sentence))
    return _corrects_toll(article)


# Words any two counts share ("people were killed", "at least ... wounded"): no sign
# that they count one thing. ("The death toll" is: it is the count of the whole event.)
_COUNTED = frozenset(
    content_words(
        "killed killing kill dead died people person least wounded wounding injured "
        "injuring missing affected evacuated displaced"
    )
)


def superseded_counts(scored: ScoredSentences, articles: Sequence[Article]) -> dict[int, str]:
    """The candidates giving a count that a later article's sentence updates, with the
    kind of count: a death toll it raises ("dead"), or a count of the missing, injured,
    affected or displaced it changes (the missing are found, so that count may fall), or
    any count a later sentence says it moved from ("count": "up from 62")."""
    # Exact counts only, in figures or words ("has risen to nine"): "killing dozens"
    # is no count a later "71" contradicts.
    counts: dict[str, dict[int, int]] = {}
    for i, candidate in enumerate(scored.candidates):
        text = candidate.text
        if other_count(text):
            continue
        if dead := dead_counted(text, exact=True):
            counts.setdefault("dead", {})[i] = dead
        for kind, count in people_counted(text).items():
            counts.setdefault(kind, {})[i] = count
    superseded: dict[int, str] = {}
    corrects = [_corrects_toll(a) for a in articles]
    opinions = [is_opinion(a) for a in articles]

    def text_of(index: int) -> str:
        return scored.candidates[index].text

    as_of = _as_of(articles)
    live = frozenset(d for d, a in enumerate(articles) if is_live_page(a.title, a.url))

    def revised_down(index: int) -> bool:
        # A live page's entry correcting one toll corrects no other entry's count.
        doc = scored.candidates[index].doc
        return bool(_REVISED_DOWN.search(text_of(index))) or (corrects[doc] and doc not in live)

    # A live page whose title counts its one event's dead ("Live updates: ... floods
    # death toll rises to 37") or names its one disaster ("LIVE: Flash floods in the
    # south"), not a war's page of many strikes.
    tolled = frozenset(
        d
        for d in live
        if tells_deaths(articles[d].title)
        or (_DISASTER.search(articles[d].title) and not _WAR.search(articles[d].title))
    )

    def told_later(j: int, i: int, risen: bool) -> bool:
        """Whether candidate ``j``'s count was told after candidate ``i``'s. A live
        page's counts are its newest (``_as_of``), but on a page counting one event's
        dead, a toll below a report's published after the page opened is an entry
        from before that report: tolls rise, and the page's older entries run on below
        its newest."""
        doc = scored.candidates[i].doc
        # (An entry revising the toll down is the page's newest word, whatever came
        # before it.)
        back = risen and doc in tolled and not revised_down(i)
        written = articles[doc].published if back else as_of[doc]
        later = scored.candidates[j].doc
        # On one live page, the entry above is the newer.
        if later == doc and doc in live:
            return scored.candidates[j].position < scored.candidates[i].position
        if risen and later in live and later != doc and revised_down(i):
            # A live page's higher count does not undo a report's revision down when it
            # is the figure the revision moved from ("to 31 from 38"), or an entry below
            # the page's own entry giving the revised figure ("Death toll in Dnipro
            # rises to 38" below "Dnipro toll revised to 31"); another entry is as new
            # as the page.
            revised = dead_counted(text_of(i), exact=True)
            entry = dead_counted(text_of(j), exact=True)
            moved_from = {int(n.replace(",", "")) for n in _FROM_COUNT.findall(text_of(i))}
            pos = scored.candidates[j].position
            if entry in moved_from or any(
                c.doc == later
                and c.position < pos
                and _REVISED_DOWN.search(c.text)
                and dead_counted(c.text, exact=True) == revised
                for c in scored.candidates
            ):
                return False
        return as_of[later] > written

    for kind, found in counts.items():
        for i, count in found.items():
            if any(
                (
                    other > count or (other < count and revised_down(j))
                    if kind == "dead"
                    else other != count
                )
                and other <= count * _TOLL_JUMP
                and count <= other * _TOLL_JUMP
                and not _rounded(count, other)
                and told_later(j, i, kind == "dead" and other > count)
                and _one_subject(scored, i, j, tolled)
                and not (
                    {scored.candidates[k].doc for k in (i, j)} & (live - tolled)
                    and _elsewhere(text_of(i), text_of(j))
                )
                # A reaction's figure ("Egypt condemned the attack, which killed 47")
                # updates the count but does not tell the event (see newest_toll); nor
                # does a column's, which no Briefly leads with.
                and not is_reaction(scored.candidates[j].text)
                and not opinions[scored.candidates[j].doc]
                for j, other in found.items()
            ):
                superseded.setdefault(i, kind)
    # One more death told on its own ("A 74-year-old man has died in hospital") before a
    # report's toll is one of that toll's dead: printed after the toll, it reads as one
    # more on top of it. (A person the report names or describes by role, "A journalist
    # was killed", is news of its own.)
    for i, candidate in enumerate(scored.candidates):
        if i in superseded or not _ONE_DEATH.search(candidate.text):
            continue
        if _OWN_DEATH.search(candidate.text):
            continue  # "died in police custody", "a separate attack": a death of its own
        if any(
            other > 1
            and told_later(j, i, True)
            and not _in_another_country(candidate.text, text_of(j))
            # A death in hospital is the toll's injured; one elsewhere is another's.
            and (_IN_HOSPITAL.search(candidate.text) or not _elsewhere(candidate.text, text_of(j)))
            and not is_reaction(text_of(j))
            and not opinions[scored.candidates[j].doc]
            for j, other in counts.get("dead", {}).items()
        ):
            superseded[i] = "dead"
    # The same count in a sentence too short to show its subject ("At least 12 people
    # were treated for injuries, officials said."), written before a later report's
    # other count, is the same old count; not one that names a place of its own.
    for kind, found in counts.items():
        old = {found[i] for i, k in superseded.items() if k == kind and i in found}
        for i, count in found.items():
            text = scored.candidates[i].text
            written = as_of[scored.candidates[i].doc]
            if (
                count in old
                and word_count(text) <= _SHORT_COUNT_WORDS
                and not countries_named(text)
                and not {m.group(1) for m in _PLACE.finditer(text)} - _NOT_PLACES
                and any(
                    other != count and as_of[scored.candidates[j].doc] > written
                    for j, other in found.items()
                )
            ):
                superseded.setdefault(i, kind)
        # On a live page, an entry's count told again in its body ("Death toll in Dnipro
        # rises to 38", then "Regional head Oleksandr Hanzha says 38 people are now
        # confirmed dead") is the entry's, as old.
        for i, count in found.items():
            doc = scored.candidates[i].doc
            if doc in live and any(
                found.get(k) == count and scored.candidates[k].doc == doc
                for k, was in superseded.items()
                if was == kind
            ):
                superseded.setdefault(i, kind)
    # A toll revised down from a figure ("to 31 from 38"): every earlier count of that
    # many dead is the old toll, in whatever words ("Authorities say 38 people had been
    # confirmed dead").
    tolls = counts.get("dead", {})
    for j in tolls:
        if not _REVISED_DOWN.search(text_of(j)):
            continue
        moved = {int(n.replace(",", "")) for n in _FROM_COUNT.findall(text_of(j))}
        for i in _told_before(scored, articles, j):
            if tolls.get(i) in moved and tolls[i] > tolls[j]:
                superseded.setdefault(i, "dead")
    for i in _moved_from(scored, articles):
        superseded.setdefault(i, "count")
    for i in _moved_dates(scored, articles):
        superseded.setdefault(i, "date")
    for i in _ended_states(scored, articles):
        superseded.setdefault(i, "ended")
    return superseded


# A later sentence that names an earlier count as the one it moved from ("104 factories
# had closed, up from 62 on Monday"; "the number rose from 12 to 19"): any count, of
# people or of things, is the older one there.
_MOVED_FROM = re.compile(
    r"\b(?:up|down|rising|rose|risen|climbing|climbed|increas(?:ed|ing)|jump(?:ed|ing)|"
    r"fell|falling|fallen|dropp(?:ed|ing)|grew|growing|grown)\s+from\s+"
    r"(?:about\s+|around\s+|some\s+)?(\d[\d,]*)\b(?!,\d|\.\d|\s*(?:%|per\s*cent|percent))",
    re.IGNORECASE,
)


def _years(text: str) -> set[str]:
    return set(_YEAR.findall(text))


def _moved_from(scored: ScoredSentences, articles: Sequence[Article]) -> set[int]:
    """The candidates giving a count another, written later, says it moved from, both on
    one subject (as ``superseded_counts`` reads it)."""
    older: set[int] = set()
    for j, later in enumerate(scored.candidates):
        olds = {m.group(1) for m in _MOVED_FROM.finditer(later.text)} - _years(later.text)
        if not olds:
            continue
        for i in _told_before(scored, articles, j):
            earlier = scored.candidates[i]
            plain = _AGE.sub(" ", _DAY_OF_MONTH.sub(" ", earlier.text))
            said = {m.group(1) for m in _FIGURE.finditer(plain)}
            if said & olds and not _MOVED_FROM.search(earlier.text) and _one_subject(scored, i, j):
                older.add(i)
    return older


def _as_of(articles: Sequence[Article]) -> list[datetime]:
    """When each article's counts were told: its publication, or for a live page, its
    last change when the page states one, else the story's latest (its entries run on
    after it opened: "Toll rises to 19" at the top of a page opened before a report of
    11; a page last changed on Tuesday night tells Tuesday's counts under Thursday's)."""
    latest = max((a.published for a in articles), default=None)
    return [
        (a.updated or latest + _LIVE_AFTER)
        if latest is not None and is_live_page(a.title, a.url)
        else a.published
        for a in articles
    ]


_LIVE_AFTER = timedelta(minutes=1)


def _told_before(
    scored: ScoredSentences, articles: Sequence[Article], later: int, *, other_reports: bool = False
) -> Iterator[int]:
    """The candidates written before candidate ``later``: in an article published no
    later, and earlier in its own article. With ``other_reports``, only those of
    articles published before it."""
    last = scored.candidates[later]
    written = articles[last.doc].published
    for i, earlier in enumerate(scored.candidates):
        published = articles[earlier.doc].published
        if i == later or published > written:
            continue
        if earlier.doc == last.doc and (other_reports or earlier.position >= last.position):
            continue
        if other_reports and published >= written:
            continue
        yield i


def _one_subject(
    scored: ScoredSentences, i: int, j: int, live: frozenset[int] = frozenset()
) -> bool:
    """Whether candidates ``i`` and ``j`` share enough words, counts aside, to tell one
    subject (``_context``; ``live``: the live pages on one event's dead)."""
    return len((scored.bags[i] & scored.bags[j]) - _COUNTED) >= _context(scored, i, j, live)


def _moved_dates(scored: ScoredSentences, articles: Sequence[Article]) -> set[int]:
    """The candidates giving the day of an event that a later one says was moved from
    that day ("postponed by one week, moving it from December 10 to December 17"), both
    on one subject: "is set to vote on Dec. 10", written before, is no longer the plan."""
    older: set[int] = set()
    for j, later in enumerate(scored.candidates):
        moves = list(_DATE_MOVED.finditer(later.text))
        olds = {_day_of(m.group("day")) for m in moves} - {None}
        if not olds:
            continue
        news = {_day_of(m.group("new")) for m in moves if m.group("new")} - {None}
        for i in _told_before(scored, articles, j):
            earlier = scored.candidates[i]
            days = {_day_of(m.group(0)) for m in _DAY_OF_MONTH.finditer(earlier.text)}
            if (
                days & olds
                # "originally set for Dec. 10, will now be held on Dec. 17": it tells the
                # move itself, or already the new day.
                and not days & news
                and not _ORIGINALLY.search(earlier.text)
                and not _DATE_MOVED.search(earlier.text)
                and _one_subject(scored, i, j)
            ):
                older.add(i)
    return older


def _ended_states(scored: ScoredSentences, articles: Sequence[Article]) -> set[int]:
    """The candidates of earlier reports telling a strike, a blockade or a shutdown that
    a later report says has ended ("reached a tentative agreement, ending a three-day
    national strike"), both on one subject: "55,000 workers went on strike" and "cheques
    will still be delivered during the strike" are the week's past."""
    older: set[int] = set()
    for j, later in enumerate(scored.candidates):
        # "The last strike ended after 32 days in 2023": history. So is "who ended a
        # 40-day strike in 2026" of this year: a week's own end names its day.
        if _IN_A_YEAR_BEFORE.search(later.text) or _EARLIER_ONE.search(later.text):
            continue
        ended = {
            _STATE_FORMS.get(w, w)
            for m in _ENDED.finditer(later.text)
            if (w := (m.group("ended") or m.group("over")).lower())
            and not (not m.group("past") and _NOT_DONE.search(later.text[: m.start()]))
        }
        if not ended:
            continue
        for i in _told_before(scored, articles, j, other_reports=True):
            earlier = scored.candidates[i]
            told = {_STATE_FORMS.get(w, w) for w in _workforce_states(earlier.text)}
            if (
                told & ended
                and not _ENDED.search(earlier.text)
                # "The last national strike, in 2024, lasted 32 days": history stays.
                and not _years(earlier.text)
                and not _EARLIER_ONE.search(earlier.text)
                and _one_subject(scored, i, j)
            ):
                older.add(i)
    return older


def _workforce_states(text: str) -> list[str]:
    """The strikes, blockades and shutdowns ``text`` tells, in lower case: not a war's
    ("Israeli strikes", "an air strike", "air-strikes"), whose word comes after a
    nationality or a weapon."""
    found = []
    for match in _STATE.finditer(text):
        before = text[: match.start()].rstrip(" -")
        word = before.rsplit(" ", 1)[-1] if before else ""
        airline = before[: -len(word)].rstrip().endswith("Air")  # "Air Canada strike"
        if word.lower() in _WEAPONS or (
            word[:1].isupper() and countries_named(word) and not airline
        ):
            continue
        found.append(match.group(0).lower())
    return found


# A state that ends, and the words that end it: "ending a three-day national strike",
# "called off the blockade", "ended weeks of strikes", "the strike is over". Not "ended
# up joining the strike", "talks ended in a strike", "ends with a general strike".
_STATE_NOUNS = r"strikes?|walkouts?|blockades?|shutdowns?|lockouts?|sieges?|sit-ins?|boycotts?"
_ENDED = re.compile(
    # Done, not meant: not "talks to end the strike", "aimed at ending the blockade".
    r"(?<!\bto\s)(?<!\bat\s)(?<!\bof\s)(?<!\bon\s)(?<!\bfor\s)(?<!\bnot\s)"
    r"(?<!\bconsidering\s)(?<!\bconsider\s)(?<!\babout\s)"
    r"\b(?:(?P<past>ended|called\s+off|lifted)|ending|ends|call(?:s|ing)\s+off|lift(?:s|ing))\s+"
    # Not "ended their first week on strike", "lifted the ban on strikes".
    r"(?:(?:a|the|its|their)\s+(?:(?!(?:week|day|month|year|round|phase|stage|ban)\b)"
    r"[\w-]+\s+){0,3}?|(?:weeks|days|months)\s+of\s+(?:the\s+)?)"
    rf"(?P<ended>{_STATE_NOUNS})\b"
    rf"|\b(?P<over>{_STATE_NOUNS})\s+(?:has\s+|had\s+)?(?:ended|is\s+over|was\s+called\s+off)\b"
    # "The meeting to end the strike ended in a deadlock": the meeting ended.
    r"(?!\s+in\s+(?:a\s+)?(?:deadlock|stalemate|failure|impasse|disagreement|acrimony))",
    re.IGNORECASE,
)
_STATE = re.compile(rf"\b(?:{_STATE_NOUNS})\b", re.IGNORECASE)
_WEAPONS = frozenset({"air", "drone", "missile", "rocket", "military", "artillery", "naval"})
# An end in the present waited for or weighed: "until the union calls off the strike",
# "considering whether the union ends the strike". (A past one happened: "stayed out
# until the union ended the strike".)
_NOT_DONE = re.compile(
    r"\b(?:until|unless|if|whether|consider|considering|considers|threaten(?:s|ed|ing)?|"
    r"could|would|might|plans?\s+to|wants?\s+to|hopes?\s+to)\b[^.;,]*$",
    re.IGNORECASE,
)
_IN_A_YEAR_BEFORE = re.compile(r"\bin\s+(?:19|20)\d\d\b")
_EARLIER_ONE = re.compile(
    rf"\b(?:last|previous|earlier|past)\s+(?:[\w-]+\s+){{0,2}}?(?:{_STATE_NOUNS})\b",
    re.IGNORECASE,
)
# Each plural as its singular: "strikes" ended is the "strike" told.
_PLURAL_STATES = ("strikes", "walkouts", "blockades", "shutdowns", "lockouts", "sieges")
_STATE_FORMS = {form: form[:-1] for form in (*_PLURAL_STATES, "sit-ins", "boycotts")}


def _day_of(written: str) -> tuple[str, int] | None:
    """A day of a month as written ("Dec. 10", "10 December") as (month's first three
    letters, day)."""
    month = re.search(r"[A-Za-z]{3,}", written)  # not "th" of "10th December"
    day = re.search(r"\d{1,2}", written)
    if month is None or day is None:
        return None
    return month.group(0)[:3].lower(), int(day.group(0))


# A date an event was moved from: "moving it from December 10 to December 17",
# "postponed from 10 December", "pushed back from Dec. 10 to Dec. 17".
_DATE_MOVED = re.compile(
    r"\b(?:postpon(?:e|es|ed|ing)|mov(?:e|ed|es|ing)|push(?:ed|es|ing)?\s+back|"
    r"delay(?:ed|ing)|brought\s+forward|bring\w*\s+forward|reschedul\w+|put\s+back)"
    rf"[^.;]{{0,80}}?\bfrom\s+(?:(?:{WEEKDAY_PATTERN}),?\s+)?(?P<day>\d{{1,2}}(?:st|nd|rd|th)?"
    rf"\s+{MONTH_WRITTEN_PATTERN}|{MONTH_WRITTEN_PATTERN}\s+\d{{1,2}}\b)"
    rf"(?:\s+to\s+(?P<new>\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WRITTEN_PATTERN}"
    rf"|{MONTH_WRITTEN_PATTERN}\s+\d{{1,2}}\b))?",
    re.IGNORECASE,
)
# A sentence that tells an earlier move itself: "originally set for Dec. 10".
_ORIGINALLY = re.compile(
    r"\b(?:originally|initially|first)\s+(?:set|scheduled|planned|due)\b", re.IGNORECASE
)
# A day of a month is no count ("on 30 November", "Nov. 30").
_DAY_OF_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WRITTEN_PATTERN}"
    rf"|\b{MONTH_WRITTEN_PATTERN}\s+\d{{1,2}}\b"
)
# A count as a sentence gives it: a figure not part of a date, a sum or a share.
# An age: "aged 62", "Maria Costa, 62, said".
_AGE = re.compile(r"\baged\s+\d{1,3}\b|(?<=[a-z],\s)\d{1,3}(?=,\s)")
# Not a year ("up from 2019 levels") nor an age ("the union's 62-year-old leader").
_FIGURE = re.compile(
    r"(?<![\d,.$€£¥])\b(?!(?:19|20)\d\d\b)(\d[\d,]*)\b"
    r"(?!,\d|\.\d|\s*(?:%|per\s*cent|percent)|-year)"
)


def _rounded(one: int, two: int) -> bool:
    """Whether two counts are one, one of them rounded ("about 80,000" and 79,860):
    within rounding (``digest.figures.same_figure``) and one of them a round hundred or
    more. Two exact counts are two ("killed 12" and "rose to 13", 20 and 21)."""
    return same_figure(one, two) and any(n >= _ROUNDED_FROM and n % 10 == 0 for n in (one, two))


# Counts from this size are told rounded ("about 300"); below it, every one is exact.
_ROUNDED_FROM = 100


def _context(scored: ScoredSentences, i: int, j: int, live: frozenset[int] = frozenset()) -> int:
    """Content words two counting sentences must share to count one thing: one when
    both open their reports (two outlets' ledes count the story's event, in their own
    words: "At least five people have died ... by monsoon floods" and "bringing the death
    toll from the east coast floods to seven") and name no two different countries (a
    typhoon's dead in the Philippines, then in Vietnam), else ``_TOLL_CONTEXT``."""
    one, two = scored.candidates[i], scored.candidates[j]
    # The entries of a live page on one event's dead each open on their news, however
    # far down the page (a war's page runs entries on strikes in several towns, each its
    # own count: ``live`` holds only pages whose titles count the dead).
    if max(0 if c.doc in live else c.position for c in (one, two)) >= LEDE_POSITIONS:
        return _TOLL_CONTEXT
    places = countries_named(one.text), countries_named(two.text)
    apart = bool(places[0] and places[1] and not places[0] & places[1])
    return _TOLL_CONTEXT if apart else 1


def counts_again(earlier: str, later: str) -> bool:
    """Whether ``later`` counts a kind of people ``earlier`` counts (the missing, the
    injured, ...), in any words, and names no other place for them."""
    return bool(_people_kinds(earlier) & _people_kinds(later)) and not _elsewhere(earlier, later)


@functools.cache
def _people_kinds(text: str) -> frozenset[str]:
    return frozenset(people_counted(text, vague=True))


def _in_another_country(one: str, two: str) -> bool:
    """Whether both sentences name countries and none in common."""
    ones, twos = countries_named(one), countries_named(two)
    return bool(ones and twos and not ones & twos)


def _elsewhere(one: str, two: str) -> bool:
    """Whether two sentences counting people name places and none in common ("missing
    in Benguet after a landslide" beside "missing after their boat sank off Samar"):
    they count two groups. A sentence naming no place may count either."""
    places = [{m.group(1) for m in _PLACE.finditer(text)} - _NOT_PLACES for text in (one, two)]
    return bool(places[0] and places[1] and not places[0] & places[1])


def elsewhere_on_live(scored: ScoredSentences, articles: Sequence[Article]) -> frozenset[int]:
    """The sentences of a live page that tell an incident of their own (a count of
    people, not the story's toll) in a place no other report of the story names: a
    war's page runs entries on strikes in several towns ("Russian Shahed drones hit ...
    in Sumy overnight, killing four people" on the page of the Dnipro strike's story),
    each another event."""
    live = {d for d, a in enumerate(articles) if is_live_page(a.title, a.url)}
    if not live or len(live) == len(articles):
        return frozenset()
    others = " ".join(
        f"{a.title} {a.text or a.summary}" for d, a in enumerate(articles) if d not in live
    )
    elsewhere = set()
    for i, candidate in enumerate(scored.candidates):
        if candidate.doc not in live:
            continue
        # An incident of its own: its own count of people, not the story's toll.
        text = candidate.text
        if _RUNNING_COUNT.search(text) or not (
            dead_counted(text, exact=False) or people_counted(text)
        ):
            continue
        places = {m.group(1) for m in _TOWN.finditer(text)} - _NOT_PLACES
        # Named anywhere else in any case: "in Parliament" is the other reports'
        # "parliament".
        if places and not any(
            re.search(rf"\b{re.escape(p)}\b", others, re.IGNORECASE) for p in places
        ):
            elsewhere.add(i)
    return frozenset(elsewhere | _rest_of_entry(scored, articles, elsewhere, others))


def _rest_of_entry(
    scored: ScoredSentences, articles: Sequence[Article], sentences: Collection[int], others: str
) -> set[int]:
    """The sentences after each of ``sentences`` in its live-page entry (its paragraph):
    an entry on another town's strike goes with its spokesman's "the strike was not
    linked to the Mafa attack". Up to a sentence set in a place the story's other
    reports name, or one giving a running toll: a day's summary goes on to the story's
    own town ("In Tarsk, the toll was lowered to 31 ..."). A sentence matched to no
    paragraph, or to two, by its first words (a clean sentence is written otherwise)
    takes none with it."""
    rest: set[int] = set()
    for i in sentences:
        doc = scored.candidates[i].doc
        paragraphs = [p for p in (articles[doc].text or "").split("\n\n") if p.strip()]
        if len(paragraphs) < 2:
            continue  # a page of one paragraph has no entries to tell apart
        held = [p for p in paragraphs if _first_words(scored.candidates[i].text) in p]
        if len(held) != 1:
            continue
        after = sorted(
            (c.position, j)
            for j, c in enumerate(scored.candidates)
            if c.doc == doc and c.position > scored.candidates[i].position
        )
        for _, j in after:
            text = scored.candidates[j].text
            if _first_words(text) not in held[0]:
                break
            places = {m.group(1) for m in _TOWN.finditer(text)} - _NOT_PLACES
            if _RUNNING_COUNT.search(text) or any(
                re.search(rf"\b{re.escape(p)}\b", others, re.IGNORECASE) for p in places
            ):
                break  # the story's own town, or its running toll
            rest.add(j)
    return rest


def _first_words(sentence: str) -> str:
    """A sentence's first words as its page writes them (a clean sentence may lose its
    ending's quotation or stop)."""
    return sentence[:_OPENING_CHARS].rstrip()


_OPENING_CHARS = 40


# The count a revision moved from: "to 31 from 38".
_FROM_COUNT = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?(\d[\d,]*)\b(?![,.]\d)")
# A town or a region an entry is in ("in Sumy", "near Gwoza"): not "of" or "at", which
# name a body as often ("the Ministry of National Defence", "at Reuters").
_TOWN = re.compile(r"\b(?:[Ii]n|off|near|outside)\s+(?:the\s+)?([A-Z][a-z][\w\-]*)")
# The story's running count, which a live page's entry on another of its towns gives
# ("the death toll from the quake rose to 1,700", "Indeci's latest bulletin raises the
# number of dead to 19"), unlike another incident's own count ("killing four people").
_RUNNING_COUNT = re.compile(
    r"\b(?:toll|total|tally|number\s+of|count|(?:rais|ris|ros|climb)\w*\s+(?:\w+\s+){0,5}?to)\b",
    re.IGNORECASE,
)


# Where a count's people were among the event's places: "most of them in Donggala".
_BREAKDOWN = re.compile(r",?\s*\b(?:(?:most|many|all|some) of them|mostly|including)\b.*$")
# A place as a count's sentence names it: "in Benguet", "off Samar", "island of Luzon".
# A name, not a sum's "of P2 billion".
_PLACE = re.compile(
    r"\b(?:in|off|near|at|across|outside|of)\s+(?:the\s+)?([A-Z](?:[a-z][\w'’\-]*|[A-Z]+\b))"
)
_NOT_PLACES = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
     "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"}
)  # fmt: skip


def newest_toll(
    scored: ScoredSentences, superseded: dict[int, str], articles: Sequence[Article] = ()
) -> int | None:
    """The lede giving the highest exact death toll that no later report raised,
    when it is higher than every toll it superseded, or, of ``articles``' reports that
    correct the toll down ("The toll now stands at 12, not 14"), the latest's; else, by
    the first rule, the lede giving the highest count of the injured, displaced or
    affected (a quake that killed no one on day one: "the number of people injured has
    risen to 19"); else None. Not a reaction's ("Egypt condemned the attack, which
    killed 47 people"): lifted over the reports, it would lead the story with who
    condemned it."""
    usable = [
        i
        for i, candidate in enumerate(scored.candidates)
        if i not in superseded
        and _at_a_lede(candidate.position, candidate.doc, articles)
        and is_briefly_candidate(candidate)
        and not is_reaction(candidate.text)
        and not other_count(candidate.text)
    ]
    for kind in _RISING:
        ledes = {i: count for i in usable if (count := _counted(scored, i, kind))}
        if not ledes:
            continue
        raised = max(
            (_counted(scored, i, k, exact=False) for i, k in superseded.items() if k == kind),
            default=0,
        )
        # Of two ledes giving the toll, a report's before a live page's entry ("Civil
        # Defence confirms the recovery of two more bodies, raising the toll to 12"):
        # the report tells the event the entry adds to.
        best = max(ledes, key=lambda i: (ledes[i], not _on_live_page(scored, i, articles), -i))
        if raised and ledes[best] > raised:
            return best
        corrected = [
            i
            for i in ledes
            if kind == "dead"
            and raised
            and ledes[i] < raised
            and scored.candidates[i].doc < len(articles)
            and _corrects(articles[scored.candidates[i].doc], scored.candidates[i].text)
        ]
        if corrected:
            return max(corrected, key=lambda i: (articles[scored.candidates[i].doc].published, -i))
    return None


def _on_live_page(scored: ScoredSentences, index: int, articles: Sequence[Article]) -> bool:
    doc = scored.candidates[index].doc
    return doc < len(articles) and is_live_page(articles[doc].title, articles[doc].url)


def _at_a_lede(position: int, doc: int, articles: Sequence[Article]) -> bool:
    """Whether a sentence at ``position`` of article ``doc`` is where its report tells
    the news: a lede, or a live page's newest entry, below the page's standing line
    and the entry's heading ("This page is updated continuously.", "Toll rises to
    19.", then "Indeci's latest bulletin raises the number of dead to 19 ...")."""
    if position < LEDE_POSITIONS:
        return True
    article = articles[doc] if doc < len(articles) else None
    return (
        article is not None
        and is_live_page(article.title, article.url)
        and position < _LIVE_LEDE_POSITIONS
    )


_LIVE_LEDE_POSITIONS = 4
# Counts that rise as a disaster's reports come in, the dead first. (The missing are
# found, so their count falls: the newest is not the highest.)
_RISING = ("dead", "injured", "displaced", "affected")


def _counted(scored: ScoredSentences, index: int, kind: str, *, exact: bool = True) -> int:
    text = scored.candidates[index].text
    if kind == "dead":
        return dead_counted(text, exact=exact)
    return people_counted(text).get(kind, 0)


def below_told_toll(
    scored: ScoredSentences,
    articles: Sequence[Article],
    briefly: Sequence[int],
    notes: list[int],
    *,
    exact: bool = True,
    anywhere: bool = False,
) -> list[int]:
    """``notes`` without a toll lower than a later report's in the Briefly above them
    ("At least 56 people have been killed" under "has risen to 71"), whatever its words;
    not one that names another place ("three people were killed in Andijan"), where most
    of a toll's dead were being no other place. Without ``exact``, a vague toll too ("at
    least a dozen people were killed" under "climbed to 41"); with ``anywhere``, one
    naming a place of its own too, unless both name countries and none in common (the
    Briefly, where two tolls of two days read as one that moved: "27 ... in Agam and
    Padang Pariaman" under "31 in West Sumatra", not "five in the Philippines" under
    "seven in Vietnam")."""
    as_of = _as_of(articles)
    told_tolls = [
        (toll, as_of[scored.candidates[j].doc], text)
        for j in briefly
        if not other_count(text := scored.candidates[j].text)
        and (toll := dead_counted(text, exact=True))
    ]
    return [
        i
        for i in notes
        if not (
            (toll := dead_counted(note := scored.candidates[i].text, exact=exact))
            and not other_count(note)
            and any(
                toll < told
                # A count of a few beside the toll (two soldiers whose boat capsized) is
                # another group's, not the toll's older figure.
                and (not anywhere or told <= toll * _TOLL_JUMP)
                and on > as_of[scored.candidates[i].doc]
                and not (
                    _in_another_country(note, lead)
                    if anywhere
                    else _elsewhere(_BREAKDOWN.sub("", note), lead)
                )
                for told, on, lead in told_tolls
            )
        )
    ]
