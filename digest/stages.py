"""A story told over days: which reports tell its latest turn.

A weekly issue says where a story stands at the end of the week. When a truce agreed
on Tuesday collapsed on Thursday, the issue opens with the collapse, and the agreement
is its background; a day-one lede ("agreed on Tuesday to a 10-day truce") under it would
tell the reader a state that no longer holds. The turn is read from the titles: a later
report whose title tells the thing the earlier ones are about doing something that
changes its state ("Sudan truce collapses ...", "Strike called off", "Rescuers free all
12 miners", "Parliament passes the mining law").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from digest.dates import local_date
from digest.models import Article
from digest.softnews import is_gallery, is_opinion
from digest.text import content_words

__all__ = ["latest_turn"]

# Verbs that change the state of the thing a story is about, as titles write them (the
# present of headlines, the past and passive of reports), by the kind of turn they tell:
# "resigns", "quits" and "steps down" are one turn told three ways. A reaction
# ("welcomes", "condemns") or a saying verb changes nothing; "collapse" as a noun ("after
# the collapse of the truce") is no turn either: the thing is then no subject. A plural
# subject's verb ("Rescuers free ...", "Talks break down") only where it is no noun as
# well: "fears of a truce collapse" tells no turn.
_KINDS = {
    "ended": r"collaps(?:es|ed)|breaks?\s+down|broke\s+down|falls?\s+apart|fell\s+apart|"
    r"ends|ended|expire[sd]|lapsed|fail(?:s|ed)",
    "stopped": r"halt(?:s|ed)|suspend(?:s|ed)?|scrap(?:s|ped)?|calls?\s+off|called\s+off|"
    r"cancel(?:s|led|ed)?|postpone[sd]?|overturn(?:s|ed)?|strikes?\s+down|struck\s+down|"
    r"reject(?:s|ed)?|vetoe[sd]",
    "started": r"resumes?|resumed|reopen(?:s|ed)?|lifted|lifts|begins?|began|starts|started|"
    r"takes?\s+effect|took\s+effect|comes?\s+into\s+force|came\s+into\s+force",
    "passed": r"pass(?:es|ed)?|approve[sd]?|adopt(?:s|ed)?|ratif(?:y|ies|ied)|signs?|signed|"
    r"agree[sd]?",
    "freed": r"frees?|freed|rescued|(?:pulled|brought)\s+out(?:\s+alive)?",
    # Found is not yet freed: "Twelve miners found alive" on day three of five.
    "found": r"found\s+(?:dead|alive)",
    "left": r"resign(?:s|ed)?|quits?|steps?\s+down|stepped\s+down|ousts?|ousted",
    "won": r"wins|won|concede[sd]?|sworn\s+in",
}
_TURN = re.compile(
    "|".join(rf"\b(?P<{kind}>{verbs})\b" for kind, verbs in _KINDS.items()), re.IGNORECASE
)
# A turn ahead is no turn yet: "India to resume visas", "Talks will begin Monday".
_AHEAD = frozenset({"to", "will", "would", "could", "may", "might", "should", "must", "set"})
# Where a title's main clause ends: what follows is a circumstance ("O'Leary demands
# ... as French strike ends" is O'Leary's demand).
_SUBORDINATE = re.compile(
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
    day whose title tells a turn (:data:`_TURN`) of a thing named by at least half of
    the story's other titles and by a title of an earlier day, that thing being the
    verb's subject or object. Empty when no title of a day after the story's first
    does; an opinion or a gallery tells no turn."""
    days = [local_date(a.published, a.utc_offset) for a in articles]
    first = min(days, default=None)
    words = [set(content_words(a.title)) for a in articles]
    turns: dict[int, date] = {}
    for index, article in enumerate(articles):
        if days[index] == first or is_opinion(article) or is_gallery(article):
            continue
        others = [w for i, w in enumerate(words) if i != index]
        earlier = set().union(*(w for i, w in enumerate(words) if days[i] < days[index]))
        core = {
            word
            for word in words[index] & earlier
            if 2 * sum(word in other for other in others) >= len(others)
        }
        # A turn an earlier title told already ("Danish parliament approves ..." and,
        # the next day on an outlet's clock further east, "Denmark approves ...") is the
        # same stage told again.
        told = {
            verb
            for i, a in enumerate(articles)
            if days[i] < days[index]
            for verb in _verbs(a.title)
        }
        if core and (verb := _tells_turn(article.title, core)) and verb not in told:
            turns[index] = days[index]
    if not turns:
        return frozenset()
    last = max(days[i] for i in turns)
    return frozenset(i for i in turns if days[i] == last)


def _verbs(title: str) -> set[str]:
    """The kinds of turn (:data:`_KINDS`) the verbs of ``title`` tell."""
    return {str(found.lastgroup) for found in _TURN.finditer(title)}


def _tells_turn(title: str, core: set[str]) -> str:
    """The kind (:data:`_KINDS`) of the turn verb of ``title``'s main clause whose
    subject or object is a ``core`` word, told as a fact (not what someone says); ""
    when it has none."""
    if title.rstrip().endswith("?"):
        return ""
    main = _SUBORDINATE.split(title, maxsplit=1)[0]
    for found in _TURN.finditer(main):
        if _SAYING.search(main[: found.start()]):
            continue
        before = _WORD.findall(main[: found.start()].lower())
        if before and before[-1] in _AHEAD:
            continue
        while before and before[-1] in _BETWEEN:
            before.pop()
        if before and set(content_words(before[-1])) & core:
            return str(found.lastgroup)
        for word in _WORD.findall(main[found.end() :].lower())[:_OBJECT_WORDS]:
            if word in _PREPOSITIONS:
                break
            if set(content_words(word)) & core:
                return str(found.lastgroup)
    return ""
