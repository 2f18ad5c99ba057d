"""A story told over days: which reports tell its latest turn.

A weekly issue says where a story stands at the end of the week. When a truce agreed
on Tuesday collapsed on Thursday, the issue opens with the collapse, and the agreement
is its background; a day-one lede ("agreed on Tuesday to a 10-day truce") under it would
tell the reader a state that no longer holds. The turn is read from the titles: a later
report whose title tells the thing the earlier ones are about doing something that
changes its state ("Sudan truce collapses ...", "Strike called off", "Rescuers free all
12 miners", "Parliament passes the mining law").

Two more readings of a story over days: :func:`newest_report`, an outlet's later report
that moves its own story on (for Also in the news), and :func:`counts_in_progress`, a
vote's count still going on that its result overtook.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.briefly import is_explainer_title
from digest.dates import local_date
from digest.models import Article
from digest.places import DEMONYMS, PLACES
from digest.softnews import (
    dead_counted,
    denies_deaths,
    is_gallery,
    is_opinion,
    is_video,
    opening,
    people_counted,
    tells_deaths,
)
from digest.text import (
    MONTH_WRITTEN_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    content_words,
    is_live_page,
)

__all__ = ["counts_in_progress", "latest_turn", "newest_report"]

# Verbs that change the state of the thing a story is about, as titles write them, by
# the kind of turn they tell: "resigns", "quits" and "steps down" are one turn told
# three ways. A reaction ("welcomes", "rejects", "wins backing") or a saying verb
# changes nothing. The thing turning is the verb's subject ("Sudan truce collapses",
# "Strike called off") or, for a verb of doing it to the thing, its object ("Rescuers
# free all 12 miners", "Unions call off strike"); a thing acting on another ("Rail strike
# halts freight") turns nothing of its own.
# Subject verbs: intransitive, or a participle told in the passive.
_AS_SUBJECT = {
    "ended": r"collaps(?:es|ed)|breaks?\s+down|broke\s+down|falls?\s+apart|fell\s+apart|"
    r"ends|ended|expire[sd]|lapsed|fail(?:s|ed)|lifted|"
    # A plural subject's, where a title's verb stands: at its end or before how ("Brasília
    # talks collapse as ...", "Black Sea talks end with hotline deal"); not a noun ("an
    # end to", "calls for end to war", "Risk of ceasefire collapse rises").
    r"(?<!\ban\s)(?<!\bthe\s)(?<!\bto\s)(?<!\bfor\s)(?<!\bno\s)(?<!\bits\s)"
    r"(?:end|collapse)(?=\s*$|\s*[,:;]|\s+(?:as|with|after|without|over|amid|in\s+(?!sight)))",
    # "Press law passes": a bill's own turn.
    "passed": r"passes|passed|approved|adopted|ratified|signed|agreed|"
    # "Online Safety amendments clear Parliament 141–52", "Budget clears Senate".
    r"clear(?:s|ed)?\s+(?:the\s+)?(?:parliament|senate|house|congress|(?:national\s+)?assembly|"
    r"(?:lower|upper)\s+house|legislature|lawmakers|majlis|duma|knesset|bundestag|"
    r"final\s+(?:vote|hurdle|reading))|"
    # "Term extension bill sails through second reading".
    r"(?:sails?|sailed|breezes?|breezed)\s+through",
    "stopped": r"halted|suspended|scrapped|called\s+off|cancell?ed|postponed|overturned|"
    r"struck\s+down|rejected|vetoed",
    # Not "begins to fray": what it begins is another thing.
    "started": r"(?:resumes|resumed|reopens|reopened|begins|began|starts|started)(?!\s+to\b)|"
    r"takes?\s+effect|took\s+effect|comes?\s+into\s+force|came\s+into\s+force",
    "freed": r"freed|rescued|(?:pulled|brought)\s+out",
    # Found is not yet freed: "Twelve miners found alive" on day three of five.
    "found": r"found\s+(?:dead|alive)",
    # (Not an aside: "Lara, sacked in March, launches new party".)
    "left": r"resign(?:s|ed)|quits?|steps\s+down|stepped\s+down|ousted|"
    r"(?<!,\s)(?:censured|impeached|sacked)",
    # ("Mayor Smith, elected in 2019, faces ..." tells an aside, not a turn.)
    "won": r"sworn\s+in|(?<!,\s)(?:re-?)?elected(?!\s+(?:in\s+)?(?:19|20)\d\d)|"
    # A government's or a leader's vote of confidence: "Bolojan government survives
    # censure vote", "Government Survives Opposition Bid to Topple It".
    r"(?:survives|survived)(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:votes?|motion|ballot|"
    r"challenge|impeachment|(?:opposition|ouster|impeachment|censure)\s+bid)\b"
    r"|\s+(?:\w+\s+){0,2}?bid\s+to\s+(?:topple|oust|unseat|remove|impeach|bring\s+down)\b)",
}
# A participle is passive only with no object after it: "Strike suspended for talks",
# not "Senate passed the budget" (the Senate did).
_PARTICIPLES = frozenset({"stopped", "passed", "freed", "found"})
# Object verbs: the doer before, the thing after.
# (Base forms only where no noun is written alike: "Mine rescue stalls", "an end to",
# "a halt", "a lift" are nouns.)
_AS_OBJECT = {
    "ended": r"ends|lifts?",
    "stopped": r"halts|suspends?|scraps?|calls?\s+off|cancels?|postpones?|overturns?|"
    r"strikes?\s+down|vetoes|"
    # A chamber's or a vote's against the thing ("Chamber rejects constitutional
    # accusation", "Ferry crews vote down wage deal"); another's "rejects" is a reaction.
    r"(?:"
    + "|".join(
        rf"(?<=\b{body}\s)"
        for body in (
            "chamber",
            "parliament",
            "senate",
            "house",
            "congress",
            "assembly",
            "lawmakers",
            "legislators",
            "deputies",
            "mps",
            "voters",
            "members",
            "majlis",
            "duma",
            "knesset",
        )
    )
    + r")(?:rejects|defeats|throws\s+out|threw\s+out)|votes?\s+down|voted\s+down",
    "passed": r"passe[sd]|approve[sd]?|adopt(?:s|ed)?|ratif(?:y|ies|ied)|sign(?:s|ed)",
    "freed": r"frees?|rescues",
    # ("Congress censures interior minister" after "... admits censure motion".)
    "left": r"ousts?|censures|censured|impeach(?:es|ed)|sacks|sacked",
    # An election's outcome: "Hichilema wins Zambia presidential election".
    "won": r"wins|won|concedes?|conceded",
}


def _verbs_of(kinds: dict[str, str]) -> re.Pattern[str]:
    return re.compile(
        "|".join(rf"\b(?P<{kind}>{verbs})\b" for kind, verbs in kinds.items()), re.IGNORECASE
    )


_SUBJECT_TURN = _verbs_of(_AS_SUBJECT)
_OBJECT_TURN = _verbs_of(_AS_OBJECT)
# What may follow a passive participle: nothing, a preposition, a stop.
_AFTER_PASSIVE = re.compile(r"\s*(?:$|[,:;.!—–-]|(?:alive|again|early|late|today|\w+ly)\b)")
# A turn ahead is no turn yet: "India to resume visas", "Talks will begin Monday".
_AHEAD = frozenset({"to", "will", "would", "could", "may", "might", "should", "must", "set"})
_NOT = frozenset(
    {"not", "never", "no", "won't", "don't", "doesn't", "didn't", "cannot", "can't"}
    | {"haven't", "hasn't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "wouldn't"}
)
# Where a title's main clause ends: what follows is a circumstance ("O'Leary demands
# ... as French strike ends" is O'Leary's demand).
_SUBORDINATE = re.compile(
    # (Not the count a vote survived with: "Anutin survives with 286 votes".)
    r"(?<!\bsurvives)(?<!\bsurvived)"
    r"\s(?:as|after|while|amid|when|following|despite|before|with|once|until|since)\s",
    re.IGNORECASE,
)
# A turn someone says happened is their claim ("Government says strike 'failed'").
_SAYING = re.compile(
    r"\b(?:says?|said|claims?|claimed|insists?|denies|denied|warns?|fears?|hopes?|"
    r"expects?|predicts?|urges?|calls?\s+for|asks?)\b",
    re.IGNORECASE,
)
# Words between a subject and its verb ("the truce has finally collapsed").
_BETWEEN = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "been", "be", "being", "now"}
    | {"finally", "officially", "formally", "effectively", "largely", "partly", "quickly"}
    | {"narrowly", "comfortably", "easily", "yet", "still"}
)
# A preposition ends the object: "resumes after quake" is no turn of the quake.
_PREPOSITIONS = frozenset(
    {"in", "at", "on", "after", "as", "over", "for", "with", "from", "to", "by", "amid"}
    | {"despite", "following", "into", "of", "against", "before", "under", "near"}
)
# How far after the verb its object may stand ("free all 12 trapped miners").
_OBJECT_WORDS = 4
_WORD = re.compile(r"[\w’'-]+")


def latest_turn(articles: Sequence[Article]) -> frozenset[int]:
    """Indices of the reports telling the story's latest turn: the reports of the last
    day whose title tells a turn of the thing the story is about (a word of at least
    half of the story's other titles and of a title of an earlier day, and no place),
    that thing the turn verb's subject or object, and of another kind than the turn an
    earlier title told last (the strike suspended, then resumed). A report eight hours
    or more after the first, and no opinion, gallery, video, live page or explainer."""
    days = [local_date(a.written, a.utc_offset) for a in articles]
    if not days:
        return frozenset()
    first = min(a.published for a in articles)
    words = [_things(a.title) - _PLACE_WORDS for a in articles]
    told: list[tuple[int, str]] = []  # (index, kind) of each title telling a turn
    cores: dict[int, set[str]] = {}
    for index, article in enumerate(articles):
        if not _is_report(article):
            continue
        others = [w for i, w in enumerate(words) if i != index]
        cores[index] = {
            word
            for word in words[index]
            if others and 2 * sum(word in other for other in others) >= len(others)
        }
        if kind := _tells_turn(article.title, cores[index]):
            told.append((index, kind))
        elif _FINAL_COUNT.search(article.title) and not _SAYING.search(article.title):
            told.append((index, _COUNTED))
        elif _DENIAL.search(article.title):
            told.append((index, _DENIED))
        elif (
            (ultimatum := _ULTIMATUM.search(article.title))
            and not _SAYING.search(article.title)
            # Given by or to one of the story's parties, named in another title
            # ("Greenland gives US until Friday ..." after "Greenland's foreign minister
            # says ...", "Syria gives SDF ten days ..." after "Damascus and SDF resume
            # talks"): not a court's or a mayor's order on the side of the story.
            and (_things(article.title[: ultimatum.end()]) - _ULTIMATUM_WORDS - _PLACE_WORDS)
            & set().union(*(_things(a.title) for i, a in enumerate(articles) if i != index))
            and not (
                _ORDER_GIVER.search(article.title[: ultimatum.start()])
                and not _things(article.title[: ultimatum.start()])
                & set().union(*(_things(a.title) for i, a in enumerate(articles) if i != index))
            )
            # Nor a disaster's: its deaths are its news, an order to aid agencies no turn.
            and not any(tells_deaths(a.title) for a in articles)
        ):
            told.append((index, _WARNED))
        elif (
            tells_deaths(article.title)
            and not _SAYING.search(article.title)
            # Not another year's dead: "Residents recall 1991 quake that killed 48".
            and not any(
                int(year) < article.published.year for year in _YEAR_OF_EVENT.findall(article.title)
            )
        ):
            told.append((index, _DIED))
    # A count first told as an exit poll's or a preliminary one: the final count is its
    # turn, whatever words its title shares with the others ("Election Commission
    # Confirms 70.9% Backing" under "Kazakhs back ... 72.6% of vote, exit poll shows").
    provisional = [
        days[i] for i, a in enumerate(articles) if _PROVISIONAL.search(opening(a, _OPENING_CHARS))
    ]
    # A disaster first told without deaths ("No immediate reports of deaths"): a later
    # title telling of any ("One dead, 46 homes damaged after Nicoya quake") is its turn.
    deathless = [
        days[i] for i, a in enumerate(articles) if denies_deaths(opening(a, _OPENING_CHARS))
    ]
    turns: list[int] = []
    for index, kind in told:
        article = articles[index]
        earlier = [(i, k) for i, k in told if days[i] < days[index]]
        named_before = set().union(*(words[i] for i, d in enumerate(days) if d < days[index]))
        if (
            days[index] == min(days)
            or (article.published - first).total_seconds() < _LATER_HOURS * 3600
            or not (
                kind == _WARNED
                # A denial of what an earlier title told ("PCM denies reports that
                # premier Villarán has resigned" after "... Villarán submits
                # resignation, sources say"): the same person or thing named before.
                or (
                    kind == _DENIED
                    and bool(cores[index] & named_before)
                    # ... which an earlier title told: "has not resigned" denies nothing
                    # no one reported.
                    and any(
                        _CLAIMED.search(articles[i].title)
                        for i, d in enumerate(days)
                        if d < days[index]
                    )
                )
                or (
                    _tells_turn(article.title, cores[index] & named_before)
                    if kind not in (_COUNTED, _DIED)
                    else any(
                        day < days[index]
                        for day in (provisional if kind == _COUNTED else deathless)
                    )
                )
            )
        ):
            continue
        # A turn the title before it told already ("Danish parliament approves ..." and,
        # the next day on an outlet's clock further east, "Denmark approves ...") is the
        # same stage told again.
        last = max(earlier, key=lambda e: articles[e[0]].published, default=None)
        if last is None or last[1] != kind:
            turns.append(index)
    # A deal or an ultimatum is the latest turn only on the story's last day of reports:
    # a deal since voted down, an ultimatum since answered, are told by the reports after
    # them in words no rule here reads ("Teachers vote down pay deal").
    final_day = max(days[i] for i, a in enumerate(articles) if _is_report(a)) if turns else None
    turns = [
        i for i in turns if dict(told).get(i) not in (_AGREED, _WARNED) or days[i] == final_day
    ]
    if not turns:
        return frozenset()
    day = max(days[i] for i in turns)
    return frozenset(i for i in turns if days[i] == day)


def counts_in_progress(texts: Sequence[str]) -> frozenset[int]:
    """The indices of ``texts`` telling a vote's count still going on ("Whitfield leads
    with 41 per cent of the vote to 39 per cent", "... leads the count") of someone
    another text gives the result of ("Whitfield took 41.2 per cent of the vote"): a
    live page's figure the result overtook. The same name (no weekday, month or place)
    and, where both give a share, shares within ``_COUNT_MARGIN`` points: a poll of last
    summer and an election's result are two counts."""
    overtaken = set()
    # Where a text tells the count done ("the final provisional results", "With all 508
    # ballot boxes counted"), one telling it under way ("41% of ballots have been
    # counted", "Counting is finished in 14 of the 17 districts") is a live page's
    # older entry.
    if any(_COUNT_DONE.search(text) and not _COUNT_AHEAD.search(text) for text in texts):
        overtaken |= {
            i
            for i, text in enumerate(texts)
            if _COUNT_UNDER_WAY.search(text) and not _COUNT_DONE.search(text)
        }
    results = [
        (names, float(found["share"].replace(",", ".")))
        for text in texts
        if (found := _RESULT.search(text)) and (names := _names(text))
    ]
    if not results:
        return frozenset(overtaken)
    for index, text in enumerate(texts):
        leading = _LEADING.search(text)
        if leading is None or _RESULT.search(text):
            continue
        names = _names(text)
        share = float(leading["share"].replace(",", ".")) if leading["share"] else None
        if any(
            names & named and (share is None or abs(share - result) <= _COUNT_MARGIN)
            for named, result in results
        ):
            overtaken.add(index)
    return frozenset(overtaken)


# What a vote's count runs over, and the count told done or under way.
_BALLOTS = (
    r"(?:ballots?|votes|ballot\s+boxes|polling\s+(?:stations|centres|centers)|precincts|"
    r"districts|constituencies)"
)
_COUNT_DONE = re.compile(
    rf"\bfinal\s+(?:provisional\s+|official\s+)?(?:results?|count|tally)\b"
    rf"|\b(?:all|every)\s+(?:[\d,]+\s+|the\s+)?{_BALLOTS}\s+(?:have\s+been\s+|were\s+)?"
    r"(?:counted|reporting|declared)\b"
    r"|\bcounting\s+(?:is|was|has\s+been)\s+(?:complete|completed|over)\b",
    re.IGNORECASE,
)
# The count done told ahead: "Final results are expected on Thursday", "once all
# ballots have been counted", "has until Friday to publish the final results".
_COUNT_AHEAD = re.compile(
    r"\b(?:expected|will|due|until|once|awaited|not\s+yet|to\s+(?:be\s+)?(?:publish|announc|"
    r"releas|declar|certif)\w*)\b",
    re.IGNORECASE,
)
_COUNT_UNDER_WAY = re.compile(
    rf"\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+of\s+(?:the\s+)?{_BALLOTS}\s+"
    r"(?:have\s+been\s+|had\s+been\s+|were\s+|are\s+)?(?:counted|tallied|processed|reporting)\b"
    rf"|\bcounting\s+(?:is|was|has\s+been)\s+(?:finished|complete|completed|over)\s+in\s+"
    rf"\d+\s+of\b|\bcounting\s+(?:has\s+)?(?:begun|began|started|starts|continues|"
    r"is\s+under\s*way)\b",
    re.IGNORECASE,
)


def _names(text: str) -> set[str]:
    """Capitalised words of ``text`` that are no sentence's opening word ("Whitfield",
    not "The"), no weekday, no month and no place ("Ohio")."""
    return {w for w in _CAPITALISED.findall(text) if w not in _OPENERS and w not in PLACES}


_OPENERS = frozenset(
    {"The", "This", "That", "These", "Those", "But", "And", "According", "After", "Before"}
    | {"When", "While", "With", "For", "From", "His", "Her", "Their", "Its", "They", "She"}
    | set(WEEKDAYS)
    | set(MONTHS)
)
_COUNT_MARGIN = 5.0
_SHARE = r"(?P<share>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:%|per\s*cent|percent)"
_LEADING = re.compile(
    r"\b(?:leads|is\s+leading|was\s+leading|led|is\s+ahead|was\s+ahead)\s+(?:with\s+"
    rf"(?:about\s+|around\s+|nearly\s+)?{_SHARE}\s+of\s+(?:the\s+)?(?:vote|votes|ballots)|"
    r"the\s+(?:count|tally)\b)"
)
# A share of the vote won: not "shares got 3% higher".
_RESULT = re.compile(
    r"\b(?:took|won|wins|received|secured|garnered|polled|captured)\s+"
    rf"(?:about\s+|around\s+|nearly\s+|almost\s+)?{_SHARE}\s+of\s+(?:the\s+)?"
    r"(?:vote|votes|ballots|valid\s+votes)\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def newest_report(articles: Sequence[Article]) -> int | None:
    """The index of the newest report of ``articles`` that came out eight hours or more
    after the first of them and whose title tells the story's latest turn or a count an
    earlier title gave otherwise: an outlet's later report of its own story ("Ó
    Ceallaigh elected in Galway West" after "... favourite as Galway West goes to the
    polls") tells where the story stands. Not an opinion, gallery, video, live page or
    explainer."""
    if not articles:
        return None
    first = min(a.published for a in articles)
    later = sorted(
        (
            i
            for i, article in enumerate(articles)
            if _is_report(article)
            and (article.published - first).total_seconds() >= _LATER_HOURS * 3600
        ),
        key=lambda i: articles[i].published,
        reverse=True,
    )
    turns = latest_turn(articles) if later else frozenset()
    counts = [_title_counts(a.title) for a in articles]
    # What it tells must move the story on: its turn, or a count an earlier title gave
    # otherwise ("Badulla landslide toll revised to 9" after "14 killed ..."); not a side
    # piece of the day after ("Galway West count staff praised for quick tally").
    for index in later:
        if index in turns:
            return index
        # Against the latest earlier count of each kind: AP's "kills 14" and Reuters'
        # "15 dead" on day one make no "14 killed" of day two a new count.
        for kind, count in counts[index].items():
            told = [
                (articles[other].published, before[kind])
                for other, before in enumerate(counts)
                if kind in before and articles[other].published < articles[index].published
            ]
            if told and max(told)[1] != count:
                return index
    return None


def _title_counts(title: str) -> dict[str, int]:
    """The counts of people ``title`` gives, the dead's under "dead"."""
    counts = dict(people_counted(title))
    if dead := dead_counted(title, exact=True):
        counts["dead"] = dead
    return counts


def _is_report(article: Article) -> bool:
    """Whether ``article`` reports its event: not an opinion, a gallery, a live page, a
    video, a programme or an explainer."""
    return not (
        is_opinion(article)
        or is_gallery(article)
        or is_live_page(article.title, article.url)
        or is_video(article)
        or _HEARD.match(article.title)
        or is_explainer_title(article.title)
    )


# The final count of a vote, as titles tell it: "Final results show ...", "Election
# Commission Confirms 70.9% Backing ...", "Official count: ...". "Confirms" alone
# confirms anything ("Minister confirms resignation"): a result or a share with it.
_COUNTED = "counted"
# An ultimatum, the newest turn of a story it answers: "Greenland gives US until Friday
# to explain alleged influence campaign", "US gives Mexico two weeks to curb Asian steel
# or face full tariffs", "Tiraspol threatens to cut off power to right bank from Friday".
# The story's thing need not be its words: the reports were clustered as one event.
_WARNED = "warned"
_ULTIMATUM = re.compile(
    rf"\b(?:gives?|gave|sets?|issues?|issued)\s+[^,;:]{{1,40}}?\s+(?:until|till)\s+"
    rf"(?:{WEEKDAY_PATTERN}|{MONTH_WRITTEN_PATTERN}\s*\d{{1,2}}|\d{{1,2}}\s+{MONTH_WRITTEN_PATTERN}|"
    rf"(?:the\s+)?end\s+of|midnight|noon)\b[^,;:]{{0,30}}?\bto\b"
    r"|\b(?:gives?|gave)\s+[^,;:]{1,30}?\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?)\s+to\b"
    r"|\b(?:gives?|gave|sets?)\s+[^,;:]{1,40}?\bdeadline\s+(?:to|for)\b"
    r"|\bthreat(?:ens?|ened)\s+to\s+(?:cut|halt|suspend|strike|walk|quit|withdraw|block|"
    r"shut|stop|expel|sanction)\b",
    re.IGNORECASE,
)
# What a chamber votes on, as the thing a rejection turns.
_VOTED_ON = frozenset(
    {"motion", "bill", "law", "accusation", "impeachment", "censure", "amendment", "treaty"}
    | {"deal", "agreement", "accord", "nomination", "resolution", "referendum", "budget"}
)
# Who gives orders on the side of a story: a court's or a mayor's deadline is no turn
# of it, unless the giver is one of the story's parties.
_ORDER_GIVER = re.compile(
    r"\b(?:court|judge|tribunal|mayor|council|police|prosecutors?|regulator|commission|"
    r"central\s+bank|bank)\b",
    re.IGNORECASE,
)
# The ultimatum's own words, which name no party.
_ULTIMATUM_WORDS = frozenset(
    content_words(
        "gives give gave sets set issues issued until till end midnight noon deadline hours "
        "days weeks months threatens threatened one two three five seven ten fourteen "
        + " ".join((*WEEKDAYS, *MONTHS))
    )
)
_FINAL_COUNT = re.compile(
    r"\b(?:final|official|certified|definitive)\s+(?:(?:election|vote|referendum)\s+)?"
    r"(?:results?|count|tally|figures)\b"
    r"|\b(?:confirms?|confirmed|certif(?:y|ies|ied))\b(?=[^.;]*?(?:\bresults?\b|\bwin\b|"
    r"\bvictory\b|\d(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)))",
    re.IGNORECASE,
)
# A count told before it was final: an exit poll's, a preliminary or partial one.
_PROVISIONAL = re.compile(
    r"\bexit\s+polls?\b|\b(?:preliminary|provisional|partial|early|initial|unofficial)\s+"
    r"(?:(?:election|vote|referendum)\s+)?(?:results?|count|tally|figures)\b"
    r"|\bwith\s+(?:about\s+|over\s+|more\s+than\s+)?\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)\s+of\s+"
    r"(?:the\s+)?(?:votes|ballots|polling\s+stations|precincts)\s+(?:counted|tallied|processed)\b",
    re.IGNORECASE,
)
_DIED = "died"
# A report's claim denied: "PCM denies reports that premier Villarán has resigned",
# "Tonga denies deputy PM has quit", "Deputy PM has not resigned, office says".
_DENIED = "denied"
_CLAIMED = re.compile(
    r"\b(?:resign\w*|quits?|stepp\w+\s+down|steps?\s+down|sacked|fired|dismissed|ousted|"
    r"died|dies|dead|arrested|detained)\b",
    re.IGNORECASE,
)
# Only a claim of a person's turn is undone so: a party denying an attack or a massacre
# ("Russia denies claims it struck Kyiv hospital") gives its line, no turn of the story.
_DENIAL = re.compile(
    r"\b(?:denies|denied|rejects|rejected|dismisses|dismissed|refutes|refuted|quashes|"
    r"quashed)\s+(?:(?:the|media|news|press|earlier|social\s+media)\s+)*(?:reports?|claims?|"
    r"rumou?rs?|speculation)\s+(?:that|of|about)\b[^:;]{0,60}?\b(?:resign\w*|quit|quitting|"
    r"stepp\w+\s+down|step\s+down|sack\w*|fired|dismiss\w*|ousted|removal)\b"
    r"|\b(?:denies|denied)\s+(?:that\s+)?(?:[\w'’.-]+\s+){1,4}?(?:has|had|have|is|was)\s+"
    r"(?:not\s+)?(?:resigned|quit|died|dead|stepped\s+down|been\s+(?:arrested|sacked|fired|"
    r"detained|killed|dismissed))\b"
    r"|\b(?:has|had)\s+not\s+(?:resigned|quit|stepped\s+down|died)\b"
    r"|\b(?:did|does)\s+not\s+(?:resign|quit|step\s+down)\b",
    re.IGNORECASE,
)
# A year naming another event ("recall 1991 quake"), not a record's ("strongest since 2012").
_YEAR_OF_EVENT = re.compile(
    r"\b((?:19|20)\d\d)(?:['’]s)?\s+(?:[a-z]+\s+)?(?:quake|earthquake|floods?|storm|cyclone|"
    r"typhoon|hurricane|fire|blast|attack|disaster|tsunami|crash|war|massacre|landslide)"
)
# Where a report says its count is provisional, or that no one died: its title and first
# sentences.
_OPENING_CHARS = 600


# A turn's report comes eight hours or more after the story's first: two reports an
# hour apart either side of midnight on an outlet's clock are one day's; a strike
# called off at dawn after a night of talks is a turn of the evening's strike.
_LATER_HOURS = 8
# A programme's page: what it plays, not a report ("Podcast: ...", "Listen: ...").
_HEARD = re.compile(r"^\W*(?:Podcast|PODCAST|Listen|LISTEN)\b")
# Places are where a story happens, not the thing that turns ("Myanmar begins three
# days of mourning" is no turn of the quake).
_PLACE_WORDS = frozenset(
    content_word
    for place in (*PLACES, *(form for forms in DEMONYMS.values() for form in forms))
    # One word: "West Bank" makes no bank a place, "Central African Republic" no state.
    if " " not in place.strip()
    for content_word in content_words(place)
)


def _things(text: str) -> set[str]:
    """The content words of ``text``, a thing outlets name two ways named one way:
    "Sudan truce collapses" turns the thing of "ceasefire agreed in Jeddah"."""
    return {_SAME_THING.get(word, word) for word in content_words(text)}


_SAME_THING = {
    "ceasefire": "truce",
    "cease-fire": "truce",
    "armistice": "truce",
    "walkout": "strike",
    "earthquake": "quake",
    "tremor": "quake",
    "poll": "vote",
    "referendum": "vote",
    # "files no-confidence motion against Bolojan cabinet", then "Bolojan government
    # survives censure vote".
    "motion": "vote",
    "cabinet": "government",
}


# A deal the sides reach, whatever its name: "Erbil and Baghdad reach agreement to
# release Kurdistan Region salaries" after "talks on November salaries stall". The deal
# is no word of the other titles; the thing it settles is, anywhere in the title.
_DEAL = re.compile(
    # "reach a tentative pay deal", "seal Gaza ceasefire deal"; "strike a deal", "struck
    # deal" with no word between but an article (not "strikes threaten deal").
    r"\b(?:reach(?:es|ed)?|seals?|sealed|clinch(?:es|ed)?)\s+(?:an?\s+|the\s+)?"
    r"(?:(?!(?:to|on|over|with)\b)[\w-]+\s+){0,2}?(?:agreement|deal|accord|pact)\b"
    r"|\b(?:strike|strikes|struck)\s+(?:an?\s+|the\s+)?(?:agreement|deal|accord|pact)\b"
    # "Vell and Norland sign trade agreement", "ink border protocol" (not "sign letter
    # urging deal", "sign petition against pact").
    r"|\b(?:sign|signs|signed|ink|inks|inked)\s+(?:an?\s+|the\s+)?(?:(?!(?:to|on|over|with|"
    r"for|against|letter|petition|petitions|letters)\b)(?![\w-]+ing\b)[\w-]+\s+){0,3}?"
    r"(?:agreement|deal|accord|pact|treaty|protocol)\b"
    r"|\b(?:agreement|deal|accord|pact)\s+(?:is\s+|was\s+)?(?:reached|struck|sealed|"
    r"clinched)\b(?!\s+down)",
    re.IGNORECASE,
)


# ... not one ahead, or missed: "Sides fail to reach agreement", "No deal reached".
_DEAL_AHEAD = re.compile(
    r"\b(?:to|will|would|could|may|might|set|seek|seeks|hope|hopes|aim|aims|no|without|"
    r"fail|fails|failed)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_AGREED = "agreed"
_AGREE = re.compile(r"\bagree[sd]?(?:\s+(?:on|to|upon))?\s+", re.IGNORECASE)
# Who agree in a view, not on a deal.
_VIEWERS = frozenset(
    {"analysts", "economists", "experts", "observers", "critics", "commentators"}
    | {"scientists", "most", "many", "few", "nobody", "one", "all", "both", "voters"}
    | {"investors", "historians", "scholars", "pundits", "markets"}
)
# A clause's verb after "agree": what they agree is so.
_VIEW_VERBS = frozenset(
    {"is", "are", "was", "were", "will", "would", "must", "should", "can", "could"}
    | {"may", "might", "needs", "need", "has", "have", "remains", "looks", "seems"}
)
# A step agreed to be put off or talked over: no deal yet.
_PUT_OFF = re.compile(
    r"(?:delay|postpone|defer|discuss|disagree|continue|consider|study|review|revisit|"
    r"keep|return|resume\s+talks|talks?|meet|push\s+back|put\s+off|hold\s+(?:further\s+)?"
    r"talks|seek|examine|weigh|look\s+at|explore|work\s+on)\b",
    re.IGNORECASE,
)
# A name right before a bare "agreed": "EU agreed", "Belgium agreed".
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
# The words after "agree on" where its thing stands: "guarantees for reparations loan".
_AGREED_WORDS = 5
_CLAUSE_END = re.compile(r"[,;:]|\s[-–—]\s")


def _tells_turn(title: str, core: set[str]) -> str:
    """The kind of the turn verb of ``title``'s main clause whose subject or object is a
    ``core`` word, told as a fact (not what someone says, nor in quotation marks); ""
    when it has none."""
    if title.rstrip().endswith("?") or not core:
        return ""
    main = _QUOTED.sub(" ", _SUBORDINATE.split(title, maxsplit=1)[0])
    for found in _SUBJECT_TURN.finditer(main):
        kind = str(found.lastgroup)
        # ("Press bill passes Senate": the present tense has its object.)
        verb = found.group().lower()
        if (
            kind in _PARTICIPLES
            and not verb.endswith("s")
            # "amendments clear Parliament", "bill sails through ...": a verb with its own
            # object, not a participle.
            and not verb.startswith(("clear ", "sail", "breez"))
            and not _AFTER_PASSIVE.match(main, found.end())
        ):
            after = _WORD.findall(main[found.end() :].lower())[:1]
            if after and after[0] not in _PREPOSITIONS:
                continue
        before = _before(main, found.start())
        if before and _things(" ".join(_subject(before, kind))) & core:
            return kind
        # A vote survived is the vote's turn too: "Lind government survives censure vote"
        # after "opposition files censure motions".
        if (
            before
            and found.group().lower().startswith("surviv")
            and _things(" ".join(_WORD.findall(main[found.end() :].lower())[:_OBJECT_WORDS])) & core
        ):
            return kind
    for found in _OBJECT_TURN.finditer(main):
        if not _before(main, found.start()):
            continue
        # A chamber's "rejects" turns a motion or a bill, not whatever it names: "House
        # rejects Lind's budget" in the story of Lind's impeachment is another vote.
        rejected = found.group().lower().startswith(("reject", "defeat", "throw", "threw"))
        words = _WORD.findall(main[found.end() :].lower())[:_OBJECT_WORDS]
        # (Nor a procedural vote on the way: "rejects motion to adjourn ...", "rejects
        # opposition amendment to ...".)
        if rejected and (
            not _VOTED_ON & set(words)
            or "to" in words[:3]
            or {"amendment", "request", "bid", "proposal"} & set(words)
        ):
            continue
        for word in words:
            if word in _PREPOSITIONS:
                break
            # (Whose budget is no part of it: "Holt's budget".)
            if _things(word) & core and not (rejected and word.endswith(("'s", "’s"))):
                return str(found.lastgroup)
    for found in _AGREE.finditer(main):
        # "EU envoys agree on guarantees for reparations loan", "EU agrees reparations
        # loan": the thing agreed on, or what it is for, within a few words. Not
        # someone's view ("Analysts agree the truce is unlikely to last"), a step put
        # off ("agree to delay decision on ..."), nor a thing agreed before ("violates
        # agreed truce": a bare "agreed" after a name only, "EU agreed loan").
        before = _before(main, found.start())
        after = _WORD.findall(_CLAUSE_END.split(main[found.end() :], maxsplit=1)[0].lower())
        bare_past = found.group().rstrip().lower() == "agreed"
        if (
            before
            and before[-1] not in _VIEWERS
            and not _PUT_OFF.match(main, found.end())
            # "agree that ...", "agree truce is fragile": a view, a clause after it.
            and not (after[:1] == ["that"] or _VIEW_VERBS & set(after[: _AGREED_WORDS + 2]))
            and not (
                bare_past
                and (not _NAME_BEFORE.search(main[: found.start()]) or _is_title_case(main))
            )
            and _things(" ".join(after[:_AGREED_WORDS])) & core
        ):
            return _AGREED
    deal = _DEAL.search(main)
    if (
        deal
        and _things(title) & core
        and not _SAYING.search(main[: deal.start()])
        and not _AVERTED.search(main[: deal.start()])
        and not _DEAL_AHEAD.search(main[: deal.start()])
    ):
        return _AGREED
    return ""


def _is_title_case(title: str) -> bool:
    """Whether ``title`` capitalises its words (a house style), so that a capital says
    nothing of a name: most of its words of four letters or more open with one."""
    long_words = [w for w in _WORD.findall(title) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) > 0.6 * len(long_words)


def _subject(before: list[str], kind: str) -> list[str]:
    """The verb's subject in the words ``before`` it: the last word, or, for a bill
    passed, its name with its head ("Online Safety (Amendment) Bill passed", whose
    story's core words are its name's). Only a passing: a pact "struck down" is its
    head's turn alone, not that of talks on its subject that never reached one."""
    if kind != "passed" or before[-1] not in _NAMED_HEADS:
        return before[-1:]
    return before[-1 - _NAME_WORDS :]


# Heads of a thing a story names ("the Online Safety (Amendment) Bill"), and how many
# words of its name before them are read.
_NAMED_HEADS = frozenset(
    {"bill", "bills", "law", "act", "budget", "treaty", "deal", "accord", "pact"}
)
_NAME_WORDS = 3


def _before(main: str, at: int) -> list[str]:
    """The words of ``main`` before ``at`` up to the verb's subject (the words between a
    subject and its verb dropped); [] when someone says it or the turn is ahead."""
    if _SAYING.search(main[:at]) or _AVERTED.search(main[:at]):
        return []
    # Where it stood is no part of the subject: "Black Sea talks in Istanbul end ...".
    before = _WORD.findall(_WHERE_BEFORE_VERB.sub("", main[:at]).lower())
    if before and before[-1] in _AHEAD:
        return []
    while before and before[-1] in _BETWEEN:
        before.pop()
    if before and before[-1].replace("’", "'") in _NOT:
        return []  # "Belgium does not agree to the loan"
    return before


# A turn someone works to stop, or fears: "Qatar races to prevent Gaza truce collapse".
_AVERTED = re.compile(
    r"\b(?:prevent|prevents|avert|averts|avoid|avoids|stave\s+off|fears?\s+of|"
    r"risk\s+of|threat\s+of|brink\s+of|verge\s+of)\b",
    re.IGNORECASE,
)
_WHERE_BEFORE_VERB = re.compile(r"(?<=\w)\s+(?:[Ii]n|[Aa]t)\s+(?:[A-Z][\w’'-]*\s*){1,3}$")
# Someone's words in the title: "Militia chief: 'river truce has failed'".
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)‘[^’]*’(?!\w)|(?<!\w)'[^']*'(?!\w)|:\s*[“\"'‘].*$")
