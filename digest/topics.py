"""Stories -> the editors' standing topics (``topics:`` in feeds.yaml).

A story matches a topic on four kinds of evidence, each found in its articles' titles
and leads. Where a mention is says how central the topic is: one in a title counts
``_TITLE_WEIGHT`` times one in the rest of a body, one in a lead ``_LEAD_WEIGHT`` times,
so the title, or a lead mention taken up again further on, files a story, while a name
dropped once in the lead ("a lawmaker said, after what happened with Greenland") does
not. A teaser that is all there is to read is its whole report, so a mention there
counts as a title's, except inside a quotation: someone's words in passing ("“What
happened with Greenland woke everyone up,” a lawmaker said") count as a lead's. A
keyword inside a longer proper name ("the Centre for Israel and Jewish Affairs", "the
Bank of Japan") names something else and counts ``_INSIDE_NAME`` of a mention:

- **keywords and the topic's name**, as phrases: their words in any order and any
  inflection, with up to ``_GAP`` other words among them, so the keyword "frozen
  assets" finds "frozen Russian assets", "asset freeze" and "froze the assets". Both
  sides are stemmed lightly (``_stem``: plural and verb endings, and the irregular verbs
  of ``_IRREGULAR``). Acronyms of two or three capitals ("US", "EU") match only in
  capitals, so "US" is not the pronoun, and a capitalised keyword word is a name
  ("Apple" matches "Apple" and "APPLE", not the apple of a recipe); a word the editors
  wrote in lower case matches in any case. A place's name also finds its people and
  adjective ("Iran": "Iranian", "Iranians"; "Denmark": "Danish"; see ``_DEMONYMS``).
- **a country beside the topic's own**: in a topic named for a country or a part of one
  ("Greenland", "Gaza"), a keyword naming another country ("Denmark") says where its
  news is, not what it is about: Denmark has news of its own (a Kenyan hydrogen deal).
  Its mentions count only beside other evidence of the topic (its name, another
  keyword, the description, an example). A topic named for no country ("Middle East",
  "Nordics") is made of the countries its keywords name, and each of them files a story
  alone; a country's parts (Catalonia, Scotland) are no other country. So, in a topic
  named "X in Y" ("NATO in Asia", "China in Africa"), does a keyword that is X alone:
  NATO's news from Europe is not the topic's. Y is the place the topic is named for
  ("Ukraine" of "War in Ukraine" files alone).
- **the description**: a title and lead holding most of its content words (at least
  ``_BAG_MIN`` and ``_BAG_SHARE`` of them) count as one mention in the head.
- **the editors' filings**: a story the editors moved under a topic (``topic:`` in
  editorial.yaml) in an earlier issue is an example of it. Its core words (those of at
  least half its titles and leads, less words too common in this issue's news to tell
  stories apart) are a bag like the description's, needing ``_EXAMPLE_SHARE`` of them.

A story needs ``_MATCH_THRESHOLD`` per article on average; it goes to the topic it
matches best. Stories no topic takes are grouped later (``digest.sections``); ranking
and the cap are the selection step's (``digest.select``).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.config import TopicConfig
from digest.models import Article, Story
from digest.places import CONTINENTS, COUNTRIES_OF
from digest.places import DEMONYMS as _DEMONYMS
from digest.places import SHARED_SHORT_NAMES as _SHARED_SHORT_NAMES
from digest.places import SPELLED_OUT as _SPELLED_OUT
from digest.text import content_words

__all__ = [
    "Matching",
    "Placement",
    "TopicExample",
    "match_topics",
    "outlet_count",
    "stem",
]

# A keyword in a title counts this many body mentions, one in a lead this many, and a
# story needs this much per article on average. A title mention (3) passes; a single
# mention anywhere else (lead 1.5, body 1) is in passing and does not; two mentions (a
# lead one taken up in the body, or two in the body) do. A description or example found
# in a title and lead counts as a title mention: it takes several of its words at once.
_TITLE_WEIGHT = 3.0
_LEAD_WEIGHT = 1.5
# An article with fewer words than this after its lead (a feed teaser, all that could be
# read) has no body to repeat its subject in: its lead is the whole report, and a mention
# there counts as one in the title.
_BODY_MIN = 40
_MATCH_THRESHOLD = 2.0
# Body mentions this close (in words) are one passage, an aside however many sentences
# it takes: a question and its answer, a claim and the reply to it. A paragraph of news
# runs 40-70 words; two mentions a paragraph or more apart take the subject up again.
_PASSAGE_WORDS = 50
# A mention inside a longer proper name ("Centre for Israel", "Bank of Japan": a
# capitalised word and "of"/"for" before it) counts this share of one: the name is
# another thing's, so three such mentions weigh one plain one.
_INSIDE_NAME = 1 / 3
_NAME_JOINERS = frozenset({"of", "for"})
_LEAD_CHARS = 400
# A quotation: double quotes of any style, closed within the lead. Single quotes are
# left alone: outlets put names in them ("Trump's ‘Board of Peace’").
_QUOTATION = re.compile(r"[“\"«„][^“”\"«»„]{1,600}[”\"»]")
# Words allowed among a phrase's own: "frozen [Russian] assets", "froze [the] assets".
_GAP = 2
# A bag of words (a description, an example's core words) is found in a title and lead
# that hold at least this many of its words and this share of them. Three words in
# common is where two reports start to be about the same thing, not just the same
# country. A description is a sentence of chosen words; an example's core is a whole
# lead's worth (15-30 words), of which a later story on the subject repeats a part.
_BAG_MIN = 3
_DESCRIPTION_SHARE = 0.5
_EXAMPLE_SHARE = 0.25
# Words in more than this share of the issue's stories (and three at least) are too
# common to say what an example is about.
_COMMON_SHARE = 0.2
# Words that join a phrase without carrying it ("Bank of Japan", "NATO in Asia").
_PHRASE_STOP = frozenset("a an the of in on at to for and or by with from".split())  # noqa: SIM905
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.!?;:\n]")
# Where a sentence or line ends: a phrase is never found across it.
_BARRIER = "|"
# Marks the stem of a capitalised word (see _tokens).
_NAME_MARK = "^"
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# Irregular verb forms -> the base form, so "froze" and "frozen" find "freeze". Only
# verbs whose forms news headlines use; regular forms are handled by _stem.
_IRREGULAR = {
    form: base
    for line in """
    arise arose arisen; bear bore borne; beat beaten; become became; begin began begun;
    bite bit bitten; blow blew blown; break broke broken; bring brought; build built;
    buy bought; catch caught; choose chose chosen; deal dealt; draw drew drawn;
    drive drove driven; eat ate eaten; fall fell fallen; feel felt; fight fought;
    flee fled; fly flew flown; forbid forbade forbidden; forgive forgave forgiven;
    freeze froze frozen; give gave given; go went gone; grow grew grown; hide hid hidden;
    hold held; keep kept; know knew known; lead led; lose lost; mean meant; meet met;
    pay paid; ride rode ridden; rise rose risen; run ran; seek sought; sell sold;
    send sent; shake shook shaken; shoot shot; shrink shrank shrunk; sink sank sunk;
    slay slew slain; speak spoke spoken; spend spent; stand stood; steal stole stolen;
    strike struck stricken; swear swore sworn; take took taken; teach taught;
    tear tore torn; think thought; throw threw thrown; wake woke woken; wear wore worn;
    win won; withdraw withdrew withdrawn; write wrote written
    """.split(";")  # noqa: SIM905 (a table of verb forms reads better as text)
    for words in [line.split()]
    for form in words[1:]
    if words
    for base in [words[0]]
}


@dataclass(frozen=True, slots=True)
class TopicExample:
    """A story the editors filed under ``topic`` in an earlier issue (``issue_date``)."""

    topic: str
    headline: str
    issue_date: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Placement:
    """A story filed under a topic; ``score`` is its match (0 when discovered)."""

    story: Story
    topic: str
    configured: bool
    score: float


@dataclass(frozen=True, slots=True)
class Matching:
    """Stories filed under standing topics (config order), and the stories none took."""

    placed: tuple[Placement, ...]
    rest: tuple[Story, ...]


# A demonym before one of these words (as stem gives them) is part of another place's or
# thing's name ("British Columbia", "the French Open", "the Indian Ocean", "Indian Wells",
# "the Indian Premier League", "African Americans").
_NOT_AFTER_DEMONYM = frozenset(
    """columbia open ocean well american premier""".split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=1 << 16)  # every story's every word goes through it
def stem(word: str) -> str:
    """A word's light stem: "assets" -> "asset", "frozen" -> "freez", "seized" -> "seiz".

    Both sides of a match go through it, so it only has to be consistent, not a
    dictionary form. Acronyms of two or three capitals are kept as written.
    """
    if 2 <= len(word) <= 3 and word.isupper():
        return word
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s").removesuffix("'")
    word = _IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in ("ing", "ed"):
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 3 and any(v in base for v in "aeiouy"):
            if ending == "ed" and base.endswith("i"):
                base = base[:-1] + "y"  # carried -> carry
            elif len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]  # banned -> ban, shipping -> ship
            word = base
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if word.endswith("iz"):
        word = word[:-2] + "is"  # immobilized / immobilised
    return word


def _tokens(text: str) -> list[str]:
    """Stemmed words, with ``_BARRIER`` where a sentence or line ends; a capitalised
    word's stem is marked ``_NAME_MARK`` ("Apple" -> "^appl", "apple" -> "appl")."""
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return [
        (_NAME_MARK + stem(word) if _is_capitalised(word) else stem(word))
        if word[0].isalnum()
        else _BARRIER
        for word in _TOKEN.findall(text)
    ]


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()  # "Apple", "APPLE", "McDonald"


def _phrase(text: str, *, name: bool = False) -> tuple[str, ...]:
    """A keyword's words as the text must show them: a capitalised keyword word ("Apple")
    is a name and matches only capitalised ("apple" in a recipe is no company); other
    words match in any case. A topic's name is in sentence case, so its first word is
    read in any case ("Frozen Russian assets")."""
    words = [w for w in _tokens(text) if w != _BARRIER]
    if name and words:
        words[0] = words[0].removeprefix(_NAME_MARK)
    kept = tuple(w for w in words if _plain(w).lower() not in _PHRASE_STOP)
    return kept or tuple(words)


def _plain(token: str) -> str:
    return token.removeprefix(_NAME_MARK)


def _bag(text: str) -> frozenset[str]:
    """The content words of ``text`` (stop words out), stemmed, in lower case."""
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    words = _TOKEN.findall(text)
    return frozenset(
        _as_place(stem(w).lower()) if w[:1].isupper() else stem(w).lower()
        for w in words
        if w[0].isalnum() and content_words(w)
    )


def _as_place(word: str) -> str:
    """A people's or adjective's stem as its place's: a description's "Russian" is a
    lead's "Russia's". Only for a capitalised word: "polish" is no Pole's."""
    return _PLACE_OF_DEMONYM.get(word, word)


_PLACE_OF_DEMONYM = {
    stem(form).lower(): stem(place).lower()
    for place, forms in _DEMONYMS.items()
    if " " not in place
    for form in forms
    if " " not in form
}


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What one topic is recognised by."""

    phrases: tuple[tuple[str, tuple[str, ...]], ...]  # (keyword as written, stems)
    # The keywords naming a country beside the one the topic is named for.
    beside: frozenset[str]
    bags: tuple[tuple[str, frozenset[str], float], ...]  # (what it is, words, share needed)
    # A demonym's token -> the place's, for the places the phrases name.
    places: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Words:
    """A story's words: per article, the title, the lead and the rest of the body (and
    the title and lead together, as a bag)."""

    titles: tuple[list[str], ...]
    leads: tuple[list[str], ...]  # quotations cut out (a barrier in their place)
    quotations: tuple[list[str], ...]  # the lead's quotations
    bodies: tuple[list[str], ...]
    head_bags: tuple[frozenset[str], ...]
    # Every word of the story as written and without its name mark: a phrase with a
    # word not in here cannot match, and most phrases are not in most stories.
    vocabulary: frozenset[str]


def match_topics(
    stories: Sequence[Story],
    topics: Sequence[TopicConfig],
    examples: Sequence[TopicExample] = (),
) -> Matching:
    """File each story under the standing topic it matches best (see module doc).

    Each placed story's ``why`` says which keywords, name, description or example made
    it match, and how many outlets it has.
    """
    words = [_story_words(story) for story in stories]
    evidence = _evidence(topics, examples, words)
    assigned: dict[int, list[tuple[Story, float]]] = {}
    rest: list[Story] = []
    for story, story_words in zip(stories, words, strict=True):
        best: tuple[float, int, list[str]] | None = None
        for index, topic_evidence in enumerate(evidence):
            score, hits = _match(story_words, topic_evidence)
            score /= len(story.articles)
            if score >= _MATCH_THRESHOLD and (best is None or score > best[0]):
                best = (score, index, hits)
        if best is None:
            rest.append(story)
            continue
        score, index, hits = best
        why = f'topic "{topics[index].name}": {"; ".join(hits)}; {outlet_count(story)}'
        assigned.setdefault(index, []).append((dataclasses.replace(story, why=why), score))
    placed = tuple(
        Placement(story, topics[i].name, True, score)
        for i in range(len(topics))
        for story, score in assigned.get(i, [])
    )
    return Matching(placed, tuple(rest))


def outlet_count(story: Story) -> str:
    """ "1 outlet", "3 outlets": the end of every story's ``why``."""
    count = len(story.outlets)
    return f"{count} outlet" if count == 1 else f"{count} outlets"


def _story_words(story: Story) -> _Words:
    titles, leads, quotations, bodies = [], [], [], []
    for article in story.articles:
        titles.append(_tokens(article.title))
        lead = _lead_text(article)
        leads.append(_tokens(_QUOTATION.sub("\n", lead)))
        quotations.append(_tokens("\n".join(_QUOTATION.findall(lead))))
        bodies.append(_tokens(_body_text(article)))
    bags = tuple(
        frozenset(t + lead + quoted)
        for t, lead, quoted in zip(titles, leads, quotations, strict=True)
    )
    written = {word for tokens in (*titles, *leads, *quotations, *bodies) for word in tokens}
    vocabulary = frozenset(written | {_plain(word) for word in written})
    return _Words(tuple(titles), tuple(leads), tuple(quotations), tuple(bodies), bags, vocabulary)


def _lead_text(article: Article) -> str:
    return article.summary or article.text[:_LEAD_CHARS]


def _body_text(article: Article) -> str:
    """The text after the lead. A feed's teaser is often the text's own first lines (or
    all of it, when only the feed's text was reachable): those are not read twice."""
    if not article.summary:
        return article.text[_LEAD_CHARS:]
    start = article.text.find(article.summary.strip())
    if 0 <= start <= _LEAD_CHARS:
        return article.text[start + len(article.summary.strip()) :]
    return article.text


def _head_text(article: Article) -> str:
    """An article's title and lead: its feed teaser, else the start of its text."""
    return f"{article.title}\n{article.summary or article.text[:_LEAD_CHARS]}"


def _evidence(
    topics: Sequence[TopicConfig], examples: Sequence[TopicExample], words: Sequence[_Words]
) -> list[_Evidence]:
    """Each topic's phrases (keywords, then its name) and bags (description, examples)."""
    common = _common_words(words)
    result = []
    for topic in topics:
        phrases = [(k, _phrase(form)) for k in topic.keywords for form in _forms(k)]
        known = {tuple(map(_plain, p)) for _, p in phrases}
        named = _phrase(topic.name, name=True)
        if tuple(map(_plain, named)) not in known:
            phrases.append((f'the name "{topic.name}"', named))
        phrases += _in_a_continent(topic.name)
        bags = []
        if topic.description:
            bags.append(("its description", _bag(topic.description), _DESCRIPTION_SHARE))
        for example in examples:
            if example.topic == topic.name and example.articles:
                what = f'like "{example.headline}", filed here by the editors on '
                core = _core(example) - common
                bags.append((what + example.issue_date, core, _EXAMPLE_SHARE))
        result.append(
            _Evidence(
                tuple((k, p) for k, p in phrases if p),
                _beside(topic),
                tuple(bag for bag in bags if bag[1]),
                _places(topic.keywords),
            )
        )
    return result


def _in_a_continent(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """For a topic named for one thing in a continent ("NATO in Asia"), the thing with
    each country of the continent, as phrases ("NATO" with "Philippines"): the thing in
    one of its countries is the topic, where either alone is broader news."""
    parts = [side for side in _IN.split(name) if side]
    if len(parts) != 2 or parts[1] not in COUNTRIES_OF:
        return []
    thing = parts[0]
    return [
        (f'"{thing}" with {country}', _phrase(f"{thing} {country}"))
        for country in sorted(COUNTRIES_OF[parts[1]])
    ]


def _forms(keyword: str) -> tuple[str, ...]:
    """``keyword`` and the other forms of the body it names: "NATO" and "North Atlantic
    Treaty Organization" (``digest.places.SPELLED_OUT``), either way round."""
    written = " ".join(keyword.split())
    for short, long in _SPELLED_OUT.items():
        if written == short:
            return (written, *long)
        if written.lower() in {f.lower() for f in long}:
            # A short name others share is no sign of this body ("ICC" of cricket).
            shorts = () if short in _SHARED_SHORT_NAMES else (short,)
            return (written, *shorts, *(f for f in long if f.lower() != written.lower()))
    return (written,)


# Places a topic may be named for that hold countries, not stand beside them.
_REGIONS = CONTINENTS
# Parts of a country, not another one beside it: Catalonia's news is Spain's.
_PARTS_OF_COUNTRIES = frozenset(
    {"Catalonia", "Chechnya", "Crimea", "England", "Gaza", "Kashmir", "Kurdistan", "Scotland",
     "Tibet", "Wales"}
)  # fmt: skip


def _beside(topic: TopicConfig) -> frozenset[str]:
    """The keywords naming another country than the one ``topic`` is named for, and
    the X of a topic named "X in Y" ("NATO" of "NATO in Asia")."""
    countries = _DEMONYMS.keys() - _REGIONS - _PARTS_OF_COUNTRIES
    # The place a topic is named for: its name, or in "X in Y" the Y ("War in Ukraine");
    # the X of "China in Africa" is a side like NATO's.
    parts = [side for side in _IN.split(topic.name) if side]
    place = parts[-1] if len(parts) > 1 else topic.name
    named = {word for word in re.findall(r"[^\W\d_]+", place) if word in _DEMONYMS}
    sides = {_phrase(side) for side in parts} if len(parts) > 1 else set()
    return frozenset(
        k
        for k in topic.keywords
        # The country the topic is named for is its own ("Ukraine" of "War in Ukraine").
        if k.strip() not in named
        and (
            (named & (countries | _PARTS_OF_COUNTRIES) and " ".join(k.split()) in countries)
            or _phrase(k) in sides
        )
    )


# "NATO in Asia", "China in Africa": a topic of one thing in one place, where either
# alone is broader news (NATO's air defence for Ukraine; Japan's budget).
_IN = re.compile(r"\s+(?:in|across)\s+(?:the\s+)?", re.IGNORECASE)


def _places(keywords: Sequence[str]) -> dict[str, str]:
    """The tokens of the demonyms of the places the keywords name, each to the place's
    own token ("^iranian", "^iranis" -> "^iran"): a keyword word's own token is never
    read as another's ("Israeli settlers" beside "Israel" keeps "Israeli")."""
    places: dict[str, str] = {}
    own: set[str] = set()
    for keyword in keywords:
        for word in re.findall(r"[^\W\d_]+", keyword):
            own.add(_NAME_MARK + stem(word))
            for form in _DEMONYMS.get(word, ()):
                # "Israelis" keeps its -is under stem (as "crisis" does): both forms.
                for written in (form, form + "s"):
                    places.setdefault(_NAME_MARK + stem(written), _NAME_MARK + stem(word))
    return {form: place for form, place in places.items() if form not in own}


def _core(example: TopicExample) -> frozenset[str]:
    """The words at least half of an example's titles and leads use."""
    heads = [_bag(_head_text(a)) for a in example.articles]
    counts = Counter(word for head in heads for word in head)
    return frozenset(word for word, count in counts.items() if count * 2 >= len(heads))


def _common_words(words: Sequence[_Words]) -> frozenset[str]:
    """Words in the titles and leads of more than ``_COMMON_SHARE`` of the stories."""
    df: Counter[str] = Counter()
    for story in words:
        df.update(frozenset(_plain(w).lower() for head in story.head_bags for w in head))
    floor = max(3.0, _COMMON_SHARE * len(words))
    return frozenset(word for word, count in df.items() if count > floor)


def _match(words: _Words, evidence: _Evidence) -> tuple[float, list[str]]:
    """Weighted mentions of the topic in a story, and what was found (for ``why``)."""
    score = 0.0
    beside = 0.0
    keywords: list[str] = []
    others: list[str] = []
    if evidence.places and not words.vocabulary.isdisjoint(evidence.places):
        words = _as_places(words, evidence.places)
    # A body's sentence counts once however many keywords it holds: "NATO opened a
    # liaison office in Tokyo last week" in a missile report is one aside, not two
    # mentions of the topic.
    sentences: dict[tuple[int, int], tuple[float, bool, int]] = {}  # weight, beside, at
    for keyword, phrase in evidence.phrases:
        if not words.vocabulary.issuperset(phrase):
            continue
        found = sum(_count_phrase(title, phrase) for title in words.titles) * _TITLE_WEIGHT
        found += sum(
            _count_phrase(lead, phrase)
            * (_LEAD_WEIGHT if body_words >= _BODY_MIN else _TITLE_WEIGHT)
            for lead, body_words in zip(words.leads, map(len, words.bodies), strict=True)
        )
        found += sum(_count_phrase(quoted, phrase) for quoted in words.quotations) * _LEAD_WEIGHT
        aside = keyword in evidence.beside
        in_body = False
        for article, body in enumerate(words.bodies):
            for at, weight in _mentions(body, phrase):
                key = (article, _sentence_at(body, at))
                held, only, first = sentences.get(key, (0.0, True, at))
                sentences[key] = (max(held, weight), only and aside, min(first, at))
                in_body = True
        if (found or in_body) and aside:
            beside += found
            keywords.append(keyword)
        elif found or in_body:
            score += found
            (others if keyword.startswith("the name ") else keywords).append(keyword)
    for weight, only_beside in _passages(sentences):
        if only_beside:
            beside += weight
        else:
            score += weight
    for what, bag, share in evidence.bags:
        need = max(_BAG_MIN, math.ceil(share * len(bag)))
        hits = sum(1 for head in words.head_bags if len(bag & _stems_of(head)) >= need)
        if hits:
            score += hits * _TITLE_WEIGHT
            others.append(what)
    if not score:
        return 0.0, []
    score += beside
    found_text = [f"keywords {', '.join(keywords)}"] if keywords else []
    return score, found_text + others


def _passages(
    sentences: dict[tuple[int, int], tuple[float, bool, int]],
) -> list[tuple[float, bool]]:
    """Body mentions (per sentence: weight, beside only, word position) merged into
    passages: a mention fewer than ``_PASSAGE_WORDS`` words after the first of its
    article's current passage goes on the same aside ("Greenland's parliament debates
    its referendum this week. Does that affect Iceland?" / "Greenland's debate is
    theirs."), and counts once."""
    passages: list[tuple[float, bool]] = []
    start: dict[int, int] = {}  # where each article's current passage began
    for (article, _), (weight, only_beside, at) in sorted(
        sentences.items(), key=lambda item: (item[0][0], item[1][2])
    ):
        if article in start and at - start[article] < _PASSAGE_WORDS:
            held, only = passages[-1]
            passages[-1] = (max(held, weight), only and only_beside)
        else:
            passages.append((weight, only_beside))
            start[article] = at
    return passages


def _as_places(words: _Words, places: dict[str, str]) -> _Words:
    """``words`` with each demonym read as its place ("Iranians" as "Iran"), except in
    another name ("British Columbia")."""

    def read(tokens: Sequence[list[str]]) -> tuple[list[str], ...]:
        return tuple(
            [
                places[token]
                if token in places
                and (i + 1 == len(part) or _plain(part[i + 1]) not in _NOT_AFTER_DEMONYM)
                else token
                for i, token in enumerate(part)
            ]
            for part in tokens
        )

    return dataclasses.replace(
        words,
        titles=read(words.titles),
        leads=read(words.leads),
        quotations=read(words.quotations),
        bodies=read(words.bodies),
        vocabulary=words.vocabulary | {places[w] for w in words.vocabulary & places.keys()},
    )


def _stems_of(head: frozenset[str]) -> frozenset[str]:
    # Heads are tokenised with acronyms in capitals; bags are lower case.
    return frozenset(
        _as_place(_plain(word).lower()) if word.startswith(_NAME_MARK) else word.lower()
        for word in head
    )


def _count_phrase(words: list[str], phrase: tuple[str, ...]) -> float:
    """Mentions of ``phrase``: all its words within ``len + _GAP`` words, in any order;
    one inside a longer proper name counts ``_INSIDE_NAME`` (see ``_inside_name``).

    Mentions do not overlap: after one, the search goes on past its last word.
    """
    return sum(weight for _, weight in _mentions(words, phrase))


def _mentions(words: list[str], phrase: tuple[str, ...]) -> list[tuple[int, float]]:
    """Where ``phrase`` is mentioned in ``words``, and what each mention weighs (see
    :func:`_count_phrase`)."""
    # A word the keyword writes in lower case matches the text in any case.
    loose = {w for w in phrase if not w.startswith(_NAME_MARK)}
    if loose:
        words = [_plain(w) if w.startswith(_NAME_MARK) and _plain(w) in loose else w for w in words]
    needed = set(phrase)
    span = len(phrase) + _GAP
    found: list[tuple[int, float]] = []
    index = 0
    while index < len(words):
        if words[index] in needed:
            window = words[index : index + span]
            if _BARRIER in window:
                window = window[: window.index(_BARRIER)]
            if needed <= set(window):
                found.append((index, _INSIDE_NAME if _inside_name(words, index) else 1.0))
                index += max(window.index(w) for w in needed) + 1
                continue
        index += 1
    return found


def _sentence_at(words: list[str], index: int) -> int:
    """Which sentence (counted by barriers) ``words[index]`` is in."""
    return sum(1 for word in words[:index] if word == _BARRIER)


def _inside_name(words: list[str], index: int) -> bool:
    """Whether the mention starting at ``words[index]`` is part of a longer name: a
    capitalised word and "of" or "for" come before it ("Centre for Israel"), the
    capitalised word not the first of its sentence (where every word is capitalised:
    "Most of Israel")."""
    if index < 2 or words[index - 1] not in _NAME_JOINERS:
        return False
    if not words[index - 2].startswith(_NAME_MARK):
        return False
    return index >= 3 and words[index - 3] != _BARRIER
