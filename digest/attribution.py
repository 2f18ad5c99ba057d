"""Perspectives: who says what in a story's articles, grouped by stance.

An attributed statement is a speaker, a reporting verb and a claim ("X said that ...",
"According to X, ...", a quote followed by "said X"; ``attribute_sentence`` lists the
forms). The claim is a slice of the sentence (a quote keeps its quotation marks), so a
perspective can be traced to its article like every other part of the summary.
``summarize.py`` ranks the sentences; this module finds the attributed ones among them,
keeps one per speaker spread over outlets, and merges speakers who share a critical
(or supportive) stance into "Critics, like A and B".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.models import Perspective
from digest.text import word_count

__all__ = ["attribute_sentence", "find_perspectives"]

# Statements shorter than this are fragments (the same floor summarize.py uses for
# sentences); longer than _MAX_WORDS they are run-ons the splitter failed to cut.
_MIN_WORDS, _MAX_WORDS = 7, 70
_QUOTE_CHARS = '"“”'

_VERBS = (
    r"said|says|say|told|tells|argued|argues|warned|warns|claimed|claims|insisted|insists|"
    r"stated|states|added|adds|noted|notes|contended|maintained|maintains|believes|"
    r"believe|wrote|writes|explained|explains|acknowledged|acknowledges|conceded|"
    r"predicted|predicts|suggested|suggests|countered|counters|stressed|stresses|"
    r"cautioned|cautions|declared|declares"
)
_AUX = r"(?:(?:has|had|have|also|later|previously|earlier|then|publicly)\s+)*"
_WHO = r"(?:[A-Z]|the\s|an?\s)[^\"“”;:]{1,90}?"
_TIME = r"(?:\s+(?:on|last|this|in|at|late|early)\s+[\w:.\- ]{1,25}?)?"
# The object of "told"/"tells": "reporters", "the BBC", "Reuters", "him".
_TOLD = (
    r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|"
    r"the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,3}|"
    r"him|her|them|us))?"
)
_ATTRIBUTIONS = (
    # "Claim," said Jane Doe.  /  "Claim," Jane Doe said on Monday.
    re.compile(
        rf"^[\"“](?P<says>[^\"“”]{{12,}}?)[,.?!]?[\"”],?\s+(?:(?:{_VERBS})\s+(?P<who1>{_WHO})"
        rf"|(?P<who2>{_WHO})\s+{_AUX}(?:{_VERBS})){_TOLD}{_TIME}[.,]"
    ),
    # According to Jane Doe, claim.
    re.compile(rf"^According\s+to\s+(?P<who>{_WHO}),\s+(?P<says>[a-zA-Z\"“].{{12,}})$"),
    # Claim, according to Jane Doe.
    re.compile(r"^(?P<says>.{20,}?),\s+according\s+to\s+(?P<who>[^,]{3,80})\.$"),
    # Claim, Jane Doe said (on Monday).  /  Claim, said Jane Doe.
    re.compile(
        rf"^(?P<says>[A-Z].{{20,}}?),\s+(?:(?P<who1>{_WHO})\s+{_AUX}(?:{_VERBS})"
        rf"|(?:{_VERBS})\s+(?P<who2>{_WHO})){_TOLD}{_TIME}\.$"
    ),
    # Jane Doe said (on Monday) (that) claim.  /  Jane Doe told Reuters (that) claim.
    re.compile(
        rf"^(?:(?:In|On|At|Speaking|Earlier|Later|Meanwhile|Separately)\b[^,]{{0,60}},\s+)?"
        rf"(?P<who>{_WHO})\s+{_AUX}(?:{_VERBS}){_TOLD}{_TIME},?\s+(?P<that>that\s+)?"
        rf"(?P<says>[a-zA-Z\"“].{{12,}})$"
    ),
)
_PRONOUN = re.compile(
    r"^(?:he|she|they|it|we|i|you|this|that|these|those|there|who|which|what|his|her|"
    r"their|its|one|some|many|others|anyone|someone|everyone|nobody)\b",
    re.IGNORECASE,
)
# A speaker that is a single vague word ("officials", "an insider") says nothing useful.
_VAGUE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:officials?|sources?|insiders?|people|experts?|analysts?|"
    r"reports?|witness(?:es)?|residents?)$",
    re.IGNORECASE,
)
# Words a speaker's name never contains; finding one means the match ran over a clause.
_NOT_IN_SPEAKER = re.compile(
    r"\b(?:that|which|when|if|because|is|are|was|were|be|been|would|will|can|could|should|"
    r"must|do|did|does|not|to)\b"
)
# Leading adverbs and time phrases that are not part of the speaker.
_SPEAKER_LEAD = re.compile(
    r"^(?:(?:Now|Meanwhile|However|But|And|Still|Yet|Later|Earlier|Separately|Instead|"
    r"Previously|Also|Indeed|Today|Yesterday|Then|Asked about \w+(?: \w+){0,4}|"
    r"(?:In|On|At|During|After|Before|Speaking)\b[^,]{0,60}),\s+"
    r"|(?:Then|Now|Also|But|And|So)\s+)+"
)
_SPEAKER_TAIL = re.compile(
    r"(?:,?\s+(?:on|last|this|late|early|earlier|later|also|again|in a statement)"
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"night|morning|evening|afternoon|day|today))?)+$"
)
# Verbs that take a bare clause; any other ("wrote", "noted") needs "that" after it.
_CORE_VERB = re.compile(r"\b(?:said|says|say|told|tells|added|adds|insisted|insists)\b")
# An indirect claim starts like a clause ("that ...", "the plan ...", "it was ...");
# "to move indoors" or "has upwards of" means the verb had an object we cut off.
_CLAUSE_START = re.compile(
    r"^(?:that\s|[\"“]|[A-Z0-9]|(?:the|a|an|it|he|she|they|there|his|her|their|its|this|"
    r"these|those|we|no|none|some|most|all|only|more|nobody|nothing|such)\b)"
)
_CRITICAL = re.compile(
    r"\b(?:criticis|criticiz|condemn|denounc|slam|accus|oppos|reject|illegal|unlawful|"
    r"dangerous|reckless|mistake|wrong|threat|provocat|violat|unacceptable)\w*",
    re.IGNORECASE,
)
_SUPPORTIVE = re.compile(
    r"\b(?:welcom|prais|hail|back(?:ed|s)|support|applaud|endors|commend)\w*", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Statement:
    index: int
    who: str
    says: str
    stance: str  # "critical", "supportive" or ""


def attribute_sentence(sentence: str) -> tuple[str, str] | None:
    """(speaker, claim) of an attributed sentence, or None.

    Recognises "X said (that) ...", "X told Reuters ...", "According to X, ...",
    "..., according to X.", "\\"...,\\" said X." / "\\"...,\\" X said." and "..., X said.".
    The speaker is the source's words with a capital first letter; the claim is a slice
    of the sentence (a quote keeps its quotation marks and ends with a full stop).
    Pronoun and vague speakers ("he", "officials") give None: they need context.
    """
    if sum(sentence.count(q) for q in _QUOTE_CHARS) % 2:
        return None  # half a quote: the splitter cut inside it
    for number, pattern in enumerate(_ATTRIBUTIONS):
        match = pattern.match(sentence)
        if not match:
            continue
        groups = match.groupdict()
        who = (groups.get("who") or groups.get("who1") or groups.get("who2") or "").strip()
        says = (groups.get("says") or "").strip()
        who = _SPEAKER_TAIL.sub("", _SPEAKER_LEAD.sub("", who)).strip(" ,")
        if not _good_speaker(who) or word_count(says) < 4:
            continue
        if number == 0:
            says = f"“{says.rstrip(',')}.”" if says[-1] not in ".?!" else f"“{says}”"
        else:
            if number == 4 and not (
                _CLAUSE_START.match(says)
                and (groups.get("that") or _CORE_VERB.search(match.group(0)))
            ):
                continue
            says = says.removeprefix("that ")
            if says[-1] not in '.?!"”':
                says = says.rstrip(",;") + "."
        return who[0].upper() + who[1:], says
    return None


def _good_speaker(who: str) -> bool:
    words = who.split()
    return (
        0 < len(words) <= 9
        and (who[0].isupper() or words[0] in ("the", "a", "an"))
        and not _PRONOUN.match(who)
        and not _VAGUE.match(who)
        and not _NOT_IN_SPEAKER.search(who)
    )


def find_perspectives(
    sentences: Sequence[tuple[str, int]],
    articles: Sequence[tuple[str, str]],
    *,
    limit: int,
) -> list[tuple[int, Perspective]]:
    """Up to ``limit`` perspectives from ``sentences``, in the order they should be shown.

    ``sentences`` are ``(text, article index)`` pairs, best first (the caller's ranking
    decides which statement of a speaker wins); ``articles`` are ``(url, outlet)`` pairs.
    Each result is ``(position in sentences, Perspective)``, so the caller can tell
    which sentences were used. One statement per speaker; the first pass takes one per
    outlet so the voices come from several sources.
    """
    statements: list[_Statement] = []
    for position, (text, _) in enumerate(sentences):
        if not (_MIN_WORDS <= word_count(text) <= _MAX_WORDS):
            continue
        found = attribute_sentence(text)
        if found is None:
            continue
        stance = (
            "critical"
            if _CRITICAL.search(text)
            else "supportive"
            if _SUPPORTIVE.search(text)
            else ""
        )
        statements.append(_Statement(position, found[0], found[1], stance))
    chosen: list[_Statement] = []
    speakers: set[str] = set()
    for one_per_outlet in (True, False):
        outlets = {sentences[s.index][1] for s in chosen}
        for statement in statements:
            key = _speaker_key(statement.who)
            doc = sentences[statement.index][1]
            if len(chosen) >= limit or key in speakers or (one_per_outlet and doc in outlets):
                continue
            chosen.append(statement)
            speakers.add(key)
            outlets.add(doc)
    return [
        (s.index, _perspective(s, articles[sentences[s.index][1]]))
        for s in _group_by_stance(chosen)
    ]


def _speaker_key(who: str) -> str:
    # "Jane Doe", "Doe" and "Prime Minister Jane Doe" are one speaker: key on the last
    # capitalised word of the name before any appositive.
    name = re.split(r",|\s(?:of|from|at|for|with|in)\s", who)[0]
    names = [w for w in name.split() if w[:1].isupper()]
    return (names[-1] if names else who).lower().strip(".'’s")


def _group_by_stance(chosen: list[_Statement]) -> list[_Statement]:
    """Speakers sharing a stance become one voice: "Critics, like A and B" says A's claim."""
    grouped: list[_Statement] = []
    for stance, label in (("critical", "Critics"), ("supportive", "Supporters")):
        members = [s for s in chosen if s.stance == stance]
        if len(members) >= 2:
            names = [m.who.split(",")[0] for m in members[:3]]
            who = f"{label}, like {', '.join(names[:-1])} and {names[-1]}"
            grouped.append(_Statement(members[0].index, who, members[0].says, stance))
    merged = {s.stance for s in grouped}
    order = [s.index for s in chosen]
    kept = [s for s in chosen if s.stance not in merged] + grouped
    return sorted(kept, key=lambda s: order.index(s.index))


def _perspective(statement: _Statement, article: tuple[str, str]) -> Perspective:
    url, outlet = article
    return Perspective(who=statement.who, says=statement.says, source_url=url, outlet=outlet)
