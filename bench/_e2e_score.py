"""Scoring a built issue against the week it was built from (bench/e2e.py).

Pure functions over plain data: the gold (article key -> event, degenerate or not),
the issue as read back from digest.json and the store, and the injected furniture.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bench._e2e_pages import Marker
from bench._e2e_week import FURNITURE_PATTERNS
from digest.text import split_sentences

__all__ = [
    "GoldArticle",
    "IssueStory",
    "Score",
    "SplitRow",
    "StoryRow",
    "bcubed",
    "expected_topics",
    "score_issue",
    "score_stage",
]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    key: str
    event: int
    is_degenerate: bool
    outlet: str
    title: str
    lede: str


@dataclass(frozen=True, slots=True)
class IssueStory:
    """One story of the built issue: where it is filed, its text fields and members."""

    id: str
    section: str
    is_standing: bool  # filed under a topic of the config (not discovered, not Elsewhere)
    headline: str
    fields: tuple[tuple[str, str], ...]  # (field name, text), for the furniture counts
    members: frozenset[str]  # article keys


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A printed story as --show lists it: which events and outlets it holds."""

    section: str
    headline: str
    events: dict[int, int]  # event -> real reports in this story, most first
    degenerate: int
    outlets: tuple[str, ...]
    flags: tuple[str, ...]  # "MIX" (two or more events), "JUNK" (a degenerate article)


@dataclass(frozen=True, slots=True)
class SplitRow:
    """An event whose real reports are not together in one story."""

    event: int
    title: str
    reports: int
    stories: int  # printed stories holding some of its reports
    in_no_story: int


@dataclass
class Score:
    """Everything the harness reports; ``as_dict`` is the --json form."""

    articles: int = 0
    degenerate: int = 0
    events: int = 0
    events_multi: int = 0  # with two or more real reports
    events_single: int = 0  # with exactly one real report
    stories: int = 0
    sections: dict[str, int] = field(default_factory=dict)
    bcubed_precision: float = 0.0
    bcubed_recall: float = 0.0
    bcubed_f1: float = 0.0
    covered: int = 0  # multi-report events whose real reports are all in one story
    covered_clean: int = 0  # ... and that story holds nothing else
    split: int = 0  # real reports in two or more stories
    partial: int = 0  # in one story, but some real reports in none
    missing: int = 0  # no real report in any story
    mixed_stories: int = 0
    junk_stories: int = 0  # holding at least one degenerate article
    all_junk_stories: int = 0
    single_lost: int = 0  # one-report events whose article is nowhere in the issue
    left_out: int = 0  # stories the store says were considered and left out
    standing_expected: int = 0  # events the standing topics' keywords point to
    standing_filed: int = 0  # ... in a story under that topic
    standing_elsewhere: int = 0  # ... in a story under another section
    standing_absent: int = 0  # ... in no story
    non_standing_printed: int = 0
    injected: dict[str, int] = field(default_factory=dict)
    patterns: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    story_rows: list[StoryRow] = field(default_factory=list)
    worst_mixes: list[StoryRow] = field(default_factory=list)
    worst_splits: list[SplitRow] = field(default_factory=list)
    stage: dict[str, object] = field(default_factory=dict)  # the clustering stage alone
    # Every story the build assembled, printed or not (the store's records), scored as
    # the stage is: what assembly did, apart from what the cap and the list caps chose.
    assembled: dict[str, object] = field(default_factory=dict)
    standing_cut: int = 0  # stories under a standing topic that the cap left out
    single_unaccounted: int = 0  # one-report events whose article no record holds
    unaccounted: int = 0  # articles of the week no record of the issue holds

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) over the items of ``gold``.

    Per item, precision is the share of its predicted cluster that shares its gold
    class, recall the share of its gold class inside its predicted cluster; each is
    averaged over items. An item missing from ``predicted`` is its own cluster.
    """
    if not gold:
        return 1.0, 1.0, 1.0
    clusters = {item: predicted.get(item, f"\0alone:{item}") for item in gold}
    by_cluster: defaultdict[str, list[str]] = defaultdict(list)
    by_class: defaultdict[str, list[str]] = defaultdict(list)
    for item, cluster in clusters.items():
        by_cluster[cluster].append(item)
        by_class[gold[item]].append(item)
    pairs = Counter((clusters[item], gold[item]) for item in gold)
    precision = sum(pairs[clusters[i], gold[i]] / len(by_cluster[clusters[i]]) for i in gold)
    recall = sum(pairs[clusters[i], gold[i]] / len(by_class[gold[i]]) for i in gold)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def expected_topics(
    articles: Sequence[GoldArticle], topics: Mapping[str, Sequence[str]]
) -> dict[int, str]:
    """Event -> the standing topic its feed items point to, for events that have one.

    A report points to a topic when its title or lede holds one of the topic's
    keywords (whole words, any case); an event belongs to the topic most of its real
    reports point to, if at least half of them do (ties: the config's order).
    """
    patterns = {
        name: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in words) + r")\b", re.I)
        for name, words in topics.items()
        if words
    }
    reports: defaultdict[int, list[GoldArticle]] = defaultdict(list)
    for article in articles:
        if not article.is_degenerate:
            reports[article.event].append(article)
    result = {}
    for event, members in reports.items():
        hits = {
            name: sum(1 for a in members if pattern.search(f"{a.title} {a.lede}"))
            for name, pattern in patterns.items()
        }
        best = max(hits, key=lambda name: hits[name], default="")
        if best and hits[best] * 2 >= len(members):
            result[event] = best
    return result


def score_issue(
    articles: Sequence[GoldArticle],
    stories: Sequence[IssueStory],
    *,
    anywhere: Iterable[str],
    left_out: int,
    markers: Iterable[Marker],
    topics: Mapping[str, Sequence[str]],
) -> Score:
    """Score the issue's ``stories`` (``anywhere``: keys of articles linked anywhere in it)."""
    score = Score(articles=len(articles), left_out=left_out, stories=len(stories))
    gold = {a.key: a for a in articles}
    score.degenerate = sum(a.is_degenerate for a in articles)
    real: defaultdict[int, set[str]] = defaultdict(set)
    for article in articles:
        real[article.event]
        if not article.is_degenerate:
            real[article.event].add(article.key)
    score.events = len(real)
    score.events_multi = sum(len(keys) >= 2 for keys in real.values())
    score.events_single = sum(len(keys) == 1 for keys in real.values())
    story_of = {key: story.id for story in stories for key in story.members if key in gold}
    labels = {a.key: f"junk:{a.key}" if a.is_degenerate else f"event:{a.event}" for a in articles}
    score.bcubed_precision, score.bcubed_recall, score.bcubed_f1 = bcubed(story_of, labels)
    score.sections = dict(Counter(story.section for story in stories))
    _score_events(score, real, story_of, stories, gold)
    _score_stories(score, stories, gold)
    placed = set(anywhere)
    score.single_lost = sum(1 for keys in real.values() if len(keys) == 1 and not keys & placed)
    _score_topics(score, articles, stories, story_of, topics)
    _count_furniture(score, stories, markers, gold)
    return score


def score_stage(
    articles: Sequence[GoldArticle],
    partition: Mapping[str, str],
    printed: Sequence[IssueStory],
    *,
    topics: Mapping[str, Sequence[str]],
    texts: Mapping[str, str] | None = None,
) -> dict[str, object]:
    """The clustering stage's own partition (article key -> story), before selection.

    Besides its B-cubed and event coverage: the stories of two or more outlets that
    no printed story holds (what the cap and selection cut), and how many of those
    belong to an event the standing topics' keywords point to; each split event and
    each mixing story report by report (outlet, title, the start of the text
    clustering saw, from ``texts``, and which stage story it went to).
    """
    gold = {a.key: a for a in articles}
    members: defaultdict[str, set[str]] = defaultdict(set)
    for key, story in partition.items():
        members[story].add(key)
    stories = [
        IssueStory(story, "", False, "", (), frozenset(keys)) for story, keys in members.items()
    ]
    score = score_issue(articles, stories, anywhere=(), left_out=0, markers=(), topics=topics)
    printed_keys = {key for story in printed for key in story.members}
    expected = expected_topics(articles, topics)
    multi = [s for s in stories if len({gold[k].outlet for k in s.members if k in gold}) >= 2]
    cut = [s for s in multi if not s.members & printed_keys]
    return {
        "bcubed_precision": round(score.bcubed_precision, 4),
        "bcubed_recall": round(score.bcubed_recall, 4),
        "bcubed_f1": round(score.bcubed_f1, 4),
        "stories": len(multi),
        "single_article_stories": sum(len(s.members) == 1 for s in stories),
        "covered": score.covered,
        "split": score.split,
        "missing": score.missing + score.partial,
        "mixed_stories": score.mixed_stories,
        "junk_stories": sum(
            1
            for s in stories
            if len(s.members) > 1 and any(gold[k].is_degenerate for k in s.members)
        ),
        "multi_outlet_not_printed": len(cut),
        "not_printed": [
            f"{sorted({gold[k].event for k in s.members if k in gold})} "
            f"{min((gold[k] for k in s.members if k in gold), key=lambda a: a.key).title}"
            for s in sorted(cut, key=lambda s: min(s.members))
        ],
        "standing_not_printed": sum(
            1 for s in cut if any(gold[k].event in expected for k in s.members if k in gold)
        ),
        **_stage_cases(articles, partition, texts or {}),
    }


# Characters of the clustering text shown per report.
_SHOWN_CHARS = 150


def _stage_cases(
    articles: Sequence[GoldArticle], partition: Mapping[str, str], texts: Mapping[str, str]
) -> dict[str, list[dict[str, object]]]:
    """Split events and mixing stories of a partition, each with its reports listed.

    Stories are numbered S1, S2... in order of first appearance in the listing, so the
    report reads without 16-character ids; a report in no story (set aside) shows "-".
    """
    names: dict[str, str] = {}

    def story(key: str) -> str:
        found = partition.get(key)
        return "-" if found is None else names.setdefault(found, f"S{len(names) + 1}")

    def report(article: GoldArticle) -> dict[str, object]:
        return {
            "key": article.key,
            "event": article.event,
            "degenerate": article.is_degenerate,
            "outlet": article.outlet,
            "title": article.title,
            "text": " ".join(texts.get(article.key, "").split())[:_SHOWN_CHARS],
            "story": story(article.key),
        }

    real: defaultdict[int, list[GoldArticle]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.key):
        if not article.is_degenerate:
            real[article.event].append(article)
    splits: list[dict[str, object]] = []
    for event, reports in sorted(real.items()):
        homes = {partition.get(a.key, f"\0{a.key}") for a in reports}
        if len(reports) >= 2 and len(homes) > 1:
            rows = sorted((report(a) for a in reports), key=lambda r: str(r["story"]))
            label = f"{event}: {len(reports)} -> {len(homes)}  {reports[0].title[:70]!r}"
            splits.append({"event": event, "label": label, "reports": rows})
    members: defaultdict[str, list[GoldArticle]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.key):
        if article.key in partition:
            members[partition[article.key]].append(article)
    mixes: list[dict[str, object]] = []
    for held in sorted(members.values(), key=lambda held: held[0].key):
        events = Counter(a.event for a in held if not a.is_degenerate)
        junk = any(a.is_degenerate for a in held) and len(held) > 1
        if len(events) > 1 or junk:
            kind = "MIX" if len(events) > 1 else "JUNK"
            label = f"{kind} story {story(held[0].key)}: events {dict(events.most_common())}"
            mixes.append({"label": label, "reports": [report(a) for a in held]})
    return {"split_events": splits, "mixed_cases": mixes}


def _score_events(
    score: Score,
    real: Mapping[int, set[str]],
    story_of: Mapping[str, str],
    stories: Sequence[IssueStory],
    gold: Mapping[str, GoldArticle],
) -> None:
    by_id = {story.id: story for story in stories}
    splits = []
    for event, keys in real.items():
        if len(keys) < 2:
            continue
        homes = Counter(story_of[key] for key in keys if key in story_of)
        unplaced = sum(1 for key in keys if key not in story_of)
        if not homes:
            score.missing += 1
        elif len(homes) > 1:
            score.split += 1
        elif unplaced:
            score.partial += 1
        else:
            score.covered += 1
            (home,) = homes
            if by_id[home].members <= keys:
                score.covered_clean += 1
        if len(homes) + unplaced > 1:
            splits.append(SplitRow(event, gold[min(keys)].title, len(keys), len(homes), unplaced))
    splits.sort(key=lambda row: (-row.stories - row.in_no_story, row.event))
    score.worst_splits = splits[:10]


def _score_stories(
    score: Score, stories: Sequence[IssueStory], gold: Mapping[str, GoldArticle]
) -> None:
    for story in stories:
        members = [gold[key] for key in sorted(story.members) if key in gold]
        events = Counter(a.event for a in members if not a.is_degenerate)
        junk = sum(a.is_degenerate for a in members)
        flags = []
        if len(events) > 1:
            score.mixed_stories += 1
            flags.append("MIX")
        if junk:
            score.junk_stories += 1
            flags.append("JUNK")
            if junk == len(members):
                score.all_junk_stories += 1
        if not story.is_standing:
            score.non_standing_printed += 1
        score.story_rows.append(
            StoryRow(
                section=story.section,
                headline=story.headline,
                events=dict(events.most_common()),
                degenerate=junk,
                outlets=tuple(sorted({a.outlet for a in members})),
                flags=tuple(flags),
            )
        )
    mixes = [row for row in score.story_rows if "MIX" in row.flags]
    mixes.sort(key=lambda row: (-len(row.events), row.headline))
    score.worst_mixes = mixes[:10]


def _score_topics(
    score: Score,
    articles: Sequence[GoldArticle],
    stories: Sequence[IssueStory],
    story_of: Mapping[str, str],
    topics: Mapping[str, Sequence[str]],
) -> None:
    section = {story.id: story.section for story in stories}
    expected = expected_topics(articles, topics)
    score.standing_expected = len(expected)
    for event, topic in expected.items():
        homes = {
            section[story_of[a.key]]
            for a in articles
            if a.event == event and not a.is_degenerate and a.key in story_of
        }
        if topic in homes:
            score.standing_filed += 1
        elif homes:
            score.standing_elsewhere += 1
        else:
            score.standing_absent += 1


# A sentence of a marker this long or longer counts on its own ("Follow Ann on X" is
# too generic to say it was injected).
_MARKER_PART_WORDS = 5


def _count_furniture(
    score: Score,
    stories: Sequence[IssueStory],
    markers: Iterable[Marker],
    gold: Mapping[str, GoldArticle],
) -> None:
    """Count injected furniture (exact strings) and furniture patterns in story fields.

    A related headline counts only in a story holding no article of its own event.
    Whitespace is normalised on both sides (extraction may join lines). Each sentence of
    a marker of several counts as well (a bio's "X is a staff writer at Y." is printed
    without the "Follow X on X" after it), once, where the whole marker is not printed.
    """
    by_text: dict[str, tuple[str, set[int]]] = {}
    parts: dict[str, list[str]] = {}
    for marker in markers:
        text = " ".join(marker.text.split())
        kind, owners = by_text.setdefault(text, (marker.kind, set()))
        if marker.owner:
            owners.add(gold[marker.owner].event if marker.owner in gold else -1)
        sentences = [s for s in split_sentences(text) if len(s.split()) >= _MARKER_PART_WORDS]
        if len(sentences) > 1:
            parts[text] = sentences
    injected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    examples: defaultdict[str, list[str]] = defaultdict(list)
    for story in stories:
        events = {gold[key].event for key in story.members if key in gold}
        for name, raw in story.fields:
            text = " ".join(raw.split())
            for whole, (kind, owners) in by_text.items():
                if owners and owners & events:
                    continue
                needles = [whole] if whole in text else parts.get(whole, [])
                for needle in needles:
                    if needle in text:
                        injected[kind] += text.count(needle)
                        _example(examples, f"injected {kind}", story, name, needle)
            for kind, pattern in FURNITURE_PATTERNS.items():
                hits = pattern.findall(text)
                if hits:
                    found[kind] += len(hits)
                    _example(examples, kind, story, name, text)
    score.injected = dict(injected.most_common())
    score.patterns = dict(found.most_common())
    score.examples = dict(examples)


def _example(
    examples: defaultdict[str, list[str]], kind: str, story: IssueStory, name: str, text: str
) -> None:
    if len(examples[kind]) < 3:
        examples[kind].append(f"{story.headline[:60]!r} {name}: {text[:160]}")
