"""Stories -> topics: configured topics by keyword, then discovered ones.

``file_stories`` matches each story's words (title and lead counting ``_HEAD_WEIGHT``
times a body mention) against the configured keywords; see ``_MATCH_THRESHOLD``. The
multi-outlet stories left over are grouped under a title word they share, or
"Elsewhere". Ranking and the cap are the selection step's (``digest.select``).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.config import TopicConfig
from digest.models import Story
from digest.text import content_words

__all__ = ["Filing", "Placement", "file_stories"]

# Topic matching: a keyword in a title or lead counts this many body mentions, and a
# story needs this much per article on average. One title/lead mention (3) passes; a
# single passing body mention (1) does not, two per article do.
_HEAD_WEIGHT = 3.0
_MATCH_THRESHOLD = 2.0
_LEAD_CHARS = 400
# Discovered topics: a word shared by 2+ leftover stories, among each story's top
# terms, names a topic.
_TOPIC_TERMS = 5
_ELSEWHERE = "Elsewhere"
_MATCH_WORD = re.compile(r"\w(?:[\w'’.\-]*\w)?")


@dataclass(frozen=True, slots=True)
class Placement:
    """A story filed under a topic; ``score`` is its keyword match (0 when discovered)."""

    story: Story
    topic: str
    configured: bool
    score: float


@dataclass(frozen=True, slots=True)
class Filing:
    """Stories under topics (configured ones first, in config order, then discovered),
    and the stories no topic took: one outlet and no configured topic matched."""

    placed: tuple[Placement, ...]
    unplaced: tuple[Story, ...]


def file_stories(stories: Sequence[Story], topics: Sequence[TopicConfig]) -> Filing:
    """File each story under its best-scoring configured topic, else a discovered one.

    A story needs ``_MATCH_THRESHOLD`` per article to match a configured topic. The
    other stories with 2+ outlets form discovered topics named after words they share,
    or "Elsewhere"; single-outlet stories matching no topic are left unplaced. Each
    placed story's ``why`` says why it is there.
    """
    matchers = [_keyword_patterns(topic) for topic in topics]
    assigned: dict[int, list[tuple[Story, float]]] = {}
    leftovers: list[Story] = []
    unplaced: list[Story] = []
    for story in stories:
        best: tuple[float, int, list[str]] | None = None
        words = _story_match_words(story)
        for index, patterns in enumerate(matchers):
            score, hits = _match(words, patterns)
            score /= len(story.articles)
            if score >= _MATCH_THRESHOLD and (best is None or score > best[0]):
                best = (score, index, hits)
        if best is None:
            (leftovers if len(story.outlets) >= 2 else unplaced).append(story)
            continue
        score, index, hits = best
        why = f'topic "{topics[index].name}": keywords {", ".join(hits)}; {_outlets(story)}'
        assigned.setdefault(index, []).append((dataclasses.replace(story, why=why), score))
    placed = [
        Placement(story, topics[i].name, True, score)
        for i in range(len(topics))
        for story, score in assigned.get(i, [])
    ]
    placed.extend(
        Placement(story, name, False, score)
        for name, members in _discover_topics(leftovers)
        for story, score in members
    )
    return Filing(tuple(placed), tuple(unplaced))


def _match_words(text: str) -> list[str]:
    """Lower-cased words with possessive and plural -s stripped; stop words kept.

    Stop words stay so that phrases ("Bank of Japan") match as written.
    """
    words = []
    for raw in _MATCH_WORD.findall(text.lower()):
        word = raw.replace("’", "'").removesuffix("'s").strip(".'-")
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        if word:
            words.append(word)
    return words


def _keyword_patterns(topic: TopicConfig) -> list[tuple[str, tuple[str, ...]]]:
    patterns = []
    for keyword in topic.keywords:
        words = tuple(_match_words(keyword))
        if words:
            patterns.append((keyword, words))
    return patterns


def _story_match_words(story: Story) -> tuple[list[str], list[str]]:
    """The story's words in titles and leads, and in the rest of the bodies."""
    head: list[str] = []
    body: list[str] = []
    for article in story.articles:
        lead = article.summary or article.text[:_LEAD_CHARS]
        head.extend(_match_words(f"{article.title}\n{lead}"))
        rest = article.text if article.summary else article.text[_LEAD_CHARS:]
        body.extend(_match_words(rest))
    return head, body


def _match(
    words: tuple[list[str], list[str]], patterns: list[tuple[str, tuple[str, ...]]]
) -> tuple[float, list[str]]:
    """Weighted keyword count and the keywords found (as configured, in config order)."""
    head, body = words
    score = 0.0
    hits = []
    for keyword, phrase in patterns:
        found = _count_phrase(head, phrase) * _HEAD_WEIGHT + _count_phrase(body, phrase)
        if found:
            score += found
            hits.append(keyword)
    return score, hits


def _count_phrase(words: list[str], phrase: tuple[str, ...]) -> int:
    size = len(phrase)
    first = phrase[0]
    return sum(
        1 for i, word in enumerate(words) if word == first and tuple(words[i : i + size]) == phrase
    )


def _discover_topics(stories: list[Story]) -> list[tuple[str, list[tuple[Story, float]]]]:
    """Leftover multi-outlet stories grouped under a word they share, else "Elsewhere"."""
    if not stories:
        return []
    term_sets, surface = _salient_terms(stories)
    remaining = list(range(len(stories)))
    found: list[tuple[str, list[tuple[Story, float]]]] = []
    while True:
        counts: Counter[str] = Counter(t for i in remaining for t in term_sets[i])
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if not ranked or ranked[0][1] < 2:
            break
        term = ranked[0][0]
        members = [i for i in remaining if term in term_sets[i]]
        label = surface[term].title()
        why = f'discovered topic "{label}": stories share "{surface[term]}"'
        found.append(
            (
                label,
                [
                    (dataclasses.replace(stories[i], why=f"{why}; {_outlets(stories[i])}"), 0.0)
                    for i in members
                ],
            )
        )
        remaining = [i for i in remaining if i not in members]
    if remaining:
        found.append(
            (
                _ELSEWHERE,
                [
                    (dataclasses.replace(stories[i], why=_outlets(stories[i])), 0.0)
                    for i in remaining
                ],
            )
        )
    return found


def _salient_terms(stories: list[Story]) -> tuple[list[set[str]], dict[str, str]]:
    """Each story's top title words by tf-idf across stories, and a display form per word."""
    story_words: list[Counter[str]] = []
    forms: dict[str, Counter[str]] = {}
    for story in stories:
        words: Counter[str] = Counter()
        for article in story.articles:
            for raw in _MATCH_WORD.findall(article.title):
                key = content_words(raw)
                if key and len(key[0]) > 2 and not key[0].isdigit():
                    words[key[0]] += 1
                    forms.setdefault(key[0], Counter())[raw] += 1
        story_words.append(words)
    df = Counter(w for words in story_words for w in words)
    total = len(stories)
    term_sets = []
    for words in story_words:
        scored = sorted(
            words.items(),
            key=lambda item: (-item[1] * math.log((total + 1) / df[item[0]]), item[0]),
        )
        term_sets.append({w for w, _ in scored[:_TOPIC_TERMS]})
    surface = {w: sorted(c.items(), key=lambda i: (-i[1], i[0]))[0][0] for w, c in forms.items()}
    return term_sets, surface


def _outlets(story: Story) -> str:
    count = len(story.outlets)
    return f"{count} outlet" if count == 1 else f"{count} outlets"
