"""Sections for the stories no standing topic took, named after what they share.

Stories are grouped, most shared first, by

1. a **name** their titles share: a run of capitalised words holding a proper name
   (``digest.cluster.proper_names``: a word the texts capitalise inside sentences),
   such as "Iran", "South Korea" or "Donald Trump". A compass word ("South") or a
   first name ("Donald") never stands alone: it only joins the name it precedes, and a
   one-word name that is only ever the first word of longer ones is not a key. Or
2. a **phrase** of two content words adjacent in their titles ("nuclear talks").

A group's name has two or three words that say what it shares: the name and a word or
phrase its titles also share ("Iran nuclear talks"), else the name and the kind of news
they are (``_KINDS``: "Peru politics"), else a name of two words alone ("South Korea").
Stories that share only a one-word name are no group, nor are hard and soft news
(``digest.softnews``: a government's fall and a tennis final) or two kinds of soft
news. Stories left over that are the same kind of news are grouped under that kind
("Crime and courts"); the rest go under "Elsewhere".
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.cluster import proper_names
from digest.models import ELSEWHERE, Story
from digest.softnews import soft_news
from digest.text import content_words
from digest.topics import outlet_count

__all__ = ["ELSEWHERE", "Section", "discover_sections"]

_TEXT_CHARS = 1500  # of each article's text, read for the names it capitalises
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
# Capitalised words that begin a name but are not one alone ("South Korea", "New York").
_JOINERS = frozenset(
    """north south east west northern southern eastern western central new san santa st
    saint upper lower greater united""".split()  # noqa: SIM905 (a word list reads better so)
)
# Capitalised words that end a name but are not one alone ("Supreme Court").
_NAME_TAILS = frozenset(
    """court house department ministry party council union bank university republic
    army navy police senate assembly agency commission office""".split()  # noqa: SIM905
)
# Kinds of news, by words their titles use: (short name after a place, section name,
# words). Only words that seldom mean anything else: "strike" and "deal" are not here.
_KINDS: dict[str, tuple[str, str, frozenset[str]]] = {
    name: (short, long, frozenset(words.split()))
    for name, short, long, words in (
        (
            "politics",
            "politics",
            "Politics and elections",
            "election elections vote votes voter voters voting ballot campaign parliament "
            "parliamentary congress senate lawmakers legislature cabinet coalition "
            "referendum impeachment impeached presidential governor opposition",
        ),
        (
            "crime",
            "crime",
            "Crime and courts",
            "court courts judge judges trial jury verdict sentenced convicted guilty "
            "charged indicted indictment lawsuit sued prosecutor prosecutors police "
            "arrested arrest arrests murder murdered shooting stabbing robbery prison jail "
            "fraud suspect suspects",
        ),
        (
            "disasters",
            "weather",
            "Weather and disasters",
            "storm storms hurricane typhoon cyclone tornado flood floods flooding wildfire "
            "wildfires earthquake quake tsunami volcano eruption blizzard heatwave drought "
            "landslide avalanche",
        ),
        (
            "economy",
            "economy",
            "Business and the economy",
            "economy economic market markets stock stocks shares investor investors "
            "inflation tariff tariffs earnings profit profits merger ceo unemployment "
            "recession",
        ),
        (
            "health",
            "health",
            "Health",
            "health hospital hospitals virus outbreak vaccine vaccines disease cancer "
            "patients doctors medical flu measles",
        ),
        (
            "conflict",
            "war",
            "War and security",
            "war troops military army soldiers missile missiles airstrike airstrikes "
            "ceasefire bombing rebels militants drone drones invasion",
        ),
        (
            "science",
            "science",
            "Science and space",
            "space nasa rocket spacecraft planet mars scientists researchers telescope asteroid",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Section:
    """A discovered section: its name and stories (each with ``why`` set)."""

    name: str
    stories: tuple[Story, ...]


@dataclass(frozen=True, slots=True)
class _Features:
    names: dict[str, str]  # key (lower case) -> surface form as the title writes it
    phrases: dict[str, str]  # "nuclear talk" -> "nuclear talks"
    words: dict[str, str]  # content word -> surface form
    kind: str  # a key of _KINDS, or ""
    soft: str  # what makes the story soft news ("sport"), or "" (digest.softnews)


def discover_sections(stories: Sequence[Story]) -> tuple[Section, ...]:
    """Group ``stories`` (in rank order) into named sections; "Elsewhere" comes last."""
    if not stories:
        return ()
    features = _features(stories)
    remaining = list(range(len(stories)))
    sections: list[Section] = []
    for kind, value in _ranked_keys(features, remaining):
        members = [i for i in remaining if value in getattr(features[i], kind)]
        if len(members) < 2:
            continue  # an earlier section took the others
        named = _label(kind, value, [features[i] for i in members])
        if named is None:
            continue
        label, shared = named
        sections.append(_section(label, f'stories share "{shared}"', stories, members))
        remaining = [i for i in remaining if i not in members]
    by_kind: dict[str, list[int]] = {}
    for i in remaining:
        if features[i].kind:
            by_kind.setdefault(features[i].kind, []).append(i)
    for kind, members in by_kind.items():
        if len(members) >= 2:
            label = _KINDS[kind][1]
            sections.append(_section(label, f"{kind} news", stories, members))
            remaining = [i for i in remaining if i not in members]
    if remaining:
        elsewhere = tuple(
            dataclasses.replace(stories[i], why=outlet_count(stories[i])) for i in remaining
        )
        sections.append(Section(ELSEWHERE, elsewhere))
    return tuple(sections)


def _section(label: str, reason: str, stories: Sequence[Story], members: list[int]) -> Section:
    why = f'discovered topic "{label}": {reason}'
    return Section(
        label,
        tuple(
            dataclasses.replace(stories[i], why=f"{why}; {outlet_count(stories[i])}")
            for i in members
        ),
    )


def _ranked_keys(features: Sequence[_Features], remaining: list[int]) -> list[tuple[str, str]]:
    """Names and phrases two or more stories share, most shared first."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    for i in remaining:
        for kind in ("names", "phrases"):
            for value in getattr(features[i], kind):
                counts[kind, value] += 1
                first.setdefault((kind, value), i)
    return sorted(
        (key for key, count in counts.items() if count >= 2),
        key=lambda key: (-counts[key], key[0] != "names", first[key], key[1]),
    )


def _label(kind: str, value: str, members: Sequence[_Features]) -> tuple[str, str] | None:
    """A group's name (two or three words) and what its stories share, in words; None
    when a one-word name is all they share (two stories that name Florida are not a
    section)."""
    if len({m.soft for m in members}) > 1:
        # A country's government crisis and its tennis team's final share its name
        # and a word ("Italy falls"), not a section.
        return None
    if kind == "phrases":
        surface = _surface([m.phrases[value] for m in members])
        return surface[:1].upper() + surface[1:], surface
    name = _surface([m.names[value] for m in members])
    size = len(name.split())
    name_words = {w for part in name.split() for w in content_words(part)}
    shared = _shared(members, exclude=name_words)
    if shared and size + len(shared.split()) <= 3:
        return f"{name} {shared}", f"{name}, {shared}"
    kinds = Counter(m.kind for m in members if m.kind)
    if kinds and size < 3:
        kind, count = kinds.most_common(1)[0]
        if count * 2 > len(members):
            return f"{name} {_KINDS[kind][0]}", f"{name}, {kind} news"
    if size >= 2:
        return name, name
    return None


def _shared(members: Sequence[_Features], *, exclude: set[str]) -> str:
    """A phrase, else a word, that every member's title has (besides the name)."""
    for kind in ("phrases", "words"):
        common = set.intersection(*(set(getattr(m, kind)) for m in members))
        common = {c for c in common if not set(c.split()) & exclude}
        if kind == "words":
            # A word alone says what they share when it is a thing news is about ("talks",
            # "budget"), not how a title put it ("ready", "agree").
            common = {c for c in common if c in _NEWS_NOUNS}
        if common:
            best = sorted(common, key=lambda c: (-len(c), c))[0]
            return _surface([getattr(m, kind)[best] for m in members]).lower()
    return ""


def _surface(forms: Sequence[str]) -> str:
    counts = Counter(forms)
    return sorted(counts, key=lambda form: (-counts[form], form))[0]


def _features(stories: Sequence[Story]) -> list[_Features]:
    articles = [a for story in stories for a in story.articles]
    names = proper_names(
        [f"{a.title}\n{a.summary}\n{a.text[:_TEXT_CHARS]}" for a in articles],
        [a.title for a in articles],
    )
    found = []
    for story in stories:
        units: dict[str, str] = {}
        phrases: dict[str, str] = {}
        words: dict[str, str] = {}
        kinds: Counter[str] = Counter()
        for article in story.articles:
            tokens = _WORD.findall(article.title)
            units.update(_name_units(tokens, names))
            for key, surface in _title_words(tokens):
                words.setdefault(key, surface)
            phrases.update(_phrases(tokens, names))
            kinds.update(_kinds(tokens))
        # A story is of a kind when most of its titles say so, and of no other as much.
        kind = ""
        top = kinds.most_common(2)
        if top and top[0][1] * 2 > len(story.articles) and (len(top) == 1 or top[1][1] < top[0][1]):
            kind = top[0][0]
        found.append(_Features(units, phrases, words, kind, soft_news(story)))
    _drop_lone_first_words(found)
    return found


def _name_units(tokens: Sequence[str], names: frozenset[str]) -> dict[str, str]:
    """Runs of capitalised words holding a proper name: key -> surface form.

    A run is made of names, joiners before a name ("South Korea") and institution words
    after one ("Supreme Court"); any other word ends it ("Iran And US" is two runs).
    """
    units: dict[str, str] = {}
    run: list[str] = []
    for token in [*tokens, "."]:
        capital = token[:1].isupper() and token[:1].isalpha()
        lower = token.lower().removesuffix("'s").removesuffix("’s")
        if capital and (
            _key(token) in names or lower in _JOINERS or (run and lower in _NAME_TAILS)
        ):
            run.append(token)
            continue
        while run and run[-1].lower() in _JOINERS:
            run.pop()
        if run and any(_key(word) in names for word in run) and len(run) <= 3:
            surface = " ".join(word.removesuffix("'s").removesuffix("’s") for word in run)
            if sum(c.isalpha() for c in surface) >= 2:  # not "X" of "X-Men"
                units[surface.lower()] = surface
        run = []
    return units


def _key(word: str) -> str:
    words = content_words(word)
    return words[0] if words else ""


def _title_words(tokens: Sequence[str]) -> list[tuple[str, str]]:
    result = []
    for token in tokens:
        key = _key(token)
        if (
            key
            and len(key) > 2
            and not key.isdigit()
            and not token[:1].isupper()
            and key not in _HEADLINE_VERBS
        ):
            result.append((key, token))
    return result


# Things news is about, in a word: a section's second word when no phrase is shared.
_NEWS_NOUNS = frozenset(
    """budget election vote poll summit truce ceasefire deal strike war trade border court
    trial quake earthquake flood storm protest referendum parliament government economy
    inflation rate tariff sanction nuclear military army navy energy gas oil power climate
    migration asylum visa debt loan aid talk plan price wage pension migrant refugee""".split()  # noqa: SIM905
)
# What headlines say was done, which any two stories' titles may share: no subject of a
# section ("Türkiye agree" of a Greek-Turkish meeting and a truce Turkey welcomed).
_HEADLINE_VERBS = frozenset(
    """agree agreed warn warned urge urged call called vow vowed hold held meet met sign
    discuss discussed
    signed reach reached back backed win won lose lost face faced seek sought planned
    set launch launched pass passe passed voted join joined open opened rise rose fall fell
    hit kill killed say said tell told claim claimed deny denied slam slammed hail hailed
    welcome welcomed reject rejected accuse accused announce announced approve approved""".split()  # noqa: SIM905
)


# A headline verb's past ("Deal reached", "Soldiers killed"): what was done, as in "holds
# talks"; its base ("rate rise", "election win") may be a thing.
_PAST_VERBS = frozenset(
    w
    for w in _HEADLINE_VERBS
    if w.endswith("ed")
    or w in {"held", "met", "won", "lost", "fell", "rose", "sought", "told", "said", "set", "hit"}
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _phrases(tokens: Sequence[str], names: frozenset[str]) -> dict[str, str]:
    """Two adjacent lower-case content words of a title: "nuclear talk" -> "nuclear talks"."""
    phrases = {}
    for place, (left, right) in enumerate(itertools.pairwise(tokens)):
        if left[:1].isupper() or right[:1].isupper():
            continue
        a, b = _key(left), _key(right)
        # Not a verb and its object ("holds talks": what two meetings' titles say; "rate
        # rise" is a thing), nor a sum or its unit ("500 crore", "crore flood" of "₹2,500
        # crore flood aid"): neither says what the stories are about.
        before = tokens[place - 1] if place else ""
        after_number = any(c.isdigit() for c in before) and not _YEAR.fullmatch(before)
        if (
            a in _HEADLINE_VERBS
            or b in _PAST_VERBS
            or after_number
            or any(c.isdigit() for c in a + b)
        ):
            continue
        if a and b and len(a) > 2 and len(b) > 2 and a not in names and b not in names:
            if f"{left} {right}".lower() in _COUNTS:
                continue  # "death toll": what two disasters' titles count, not a subject
            phrases[f"{a} {b}"] = f"{left} {right}"
    return phrases


# Phrases of a report's count, which any two disasters or attacks share.
_COUNTS = frozenset({"death toll", "toll rises", "toll climbs", "people killed", "people dead"})


def _kinds(tokens: Sequence[str]) -> list[str]:
    lowered = {token.lower() for token in tokens}
    return [kind for kind, (_, _, words) in _KINDS.items() if lowered & words]


def _drop_lone_first_words(features: list[_Features]) -> None:
    """A one-word name that is only ever the first word of longer names ("Donald" of
    "Donald Trump") is a first name: it is not a key on its own."""
    firsts: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for feature in features:
        for key in feature.names:
            parts = key.split()
            if len(parts) > 1:
                firsts[parts[0]] += 1
            else:
                alone[key] += 1
    for feature in features:
        for key in list(feature.names):
            if " " not in key and firsts[key] and firsts[key] >= alone[key]:
                del feature.names[key]
