"""Selection: which candidate stories make the issue, under which topic, in what order.

One step, in this order:

1. the editors' selection decisions (``digest.editorial.choose_stories``: split, merge,
   drop, move, pin, order), so a dropped story frees its slot and is never written;
2. filing under the standing topics (``digest.topics.match_topics``) and the editors'
   moves;
3. ranking, in three tiers: the stories the editors asked for (pinned or split out),
   then the standing topics' stories, then the rest; within a tier the hard news
   before soft news (sport, entertainment, lifestyle, obituaries: ``digest.softnews``),
   then by importance (outlets, articles, the world's news before local news, the
   latest article, match strength). A standing topic is what the
   editors asked to follow, so its stories are never cut to make room for a story of a
   discovered section or "Elsewhere";
4. the cap (``newsletter.max_stories``) on that ranking. The chosen stories then print
   (``Story.rank``, which the email numbers by) most important first: the editors'
   pins, then the hard news before soft news, then by outlets and articles, a
   standing topic first only between stories of equal coverage, so a one-outlet item
   the topic took does not open the issue ahead of the week's biggest story;
5. sections for the chosen stories no standing topic took (``digest.sections``), then
   the order within each topic: pinned first, then the editors' ``order``, then rank;
   a topic's stories take its places in the ranking in that order, so ``Story.rank``
   is the number the email prints.

A story from one outlet that no standing topic took is not a main story: up to
``also_in_the_news`` of them (no sport, entertainment, lifestyle or obituary of no
public figure, with ``soft_news_last``; reports before fragments, the hard news before
quiet items and the world's news before local news, most articles, a report of ten or
more dead, then newest first, one per outlet before any outlet's second) are listed in
one line each under "Also in the news" (``Selection.briefs``). Every candidate not chosen is
returned as a :class:`~digest.models.LeftOut` with its specific reason and its
articles, for ``digest why``, the preview and the run summary.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from digest.briefly import in_person, outside_quotations
from digest.config import TopicConfig
from digest.editorial import EditorialPlan, EditorsChoice, choose_stories, shown_title
from digest.headline import has_news_title
from digest.hygiene import clean_sentences
from digest.models import (
    ArticleId,
    LeftOut,
    LeftOutReason,
    Problem,
    Story,
    StoryId,
    TopicStories,
)
from digest.sections import ELSEWHERE, discover_sections
from digest.softnews import (
    death_toll,
    hard_news,
    is_opinion,
    opinion_kind,
    soft_news,
    world_news,
)
from digest.text import MONTHS, inside_quotations, quotes_balance, word_count
from digest.topics import Placement, TopicExample, match_topics
from digest.urls import url_date

__all__ = ["Selection", "select_stories"]

# A story without an editor's ``order`` sorts after every ordered one in its topic.
_UNORDERED = 10_000
# A chosen story no standing topic took, before sections are found for it.
_UNFILED = ""
# "Also in the news" puts a report before a fragment: a page with fewer words than this
# of its own is a tweet, a blurb or a caption page (the e2e bench counts pages under 60
# words as not news; 80 leaves room for a short real report's furniture).
_BRIEF_REPORT_WORDS = 80
# A one-outlet page whose address dates it more than this many days before its feed
# does is an old page brought back (a tracker kept up to date, an archive piece), not
# the week's news: a month leaves room for a report updated over some days.
_OLDER_PAGE_DAYS = 30
# Within a tier of Also in the news, a report of this many dead or more comes before a
# newer item: a strike that killed 28 is the week's news whatever day it was told. Ten
# is where news counts deaths in figures rather than by name (a judgement, not fitted).
_MANY_DEAD = 10
# Sentences of a one-outlet page read to tell a report from someone's own words.
_OPENING_SENTENCES = 3
# ... and how many more are read, for a quotation one of them opens to close in
# (``digest.text.inside_quotations`` pairs marks over as many).
_QUOTE_SPAN = 8
# A paper's text cites its figures and tables ("(Extended Data Fig. 1a–c)", "(Table
# 2)"); a news report about a paper seldom does, and never this often.
_FIGURE_REFERENCE = re.compile(
    r"\((?:[^()]{0,40}\s)?(?:[Ff]ig(?:ure)?s?\.?|Tables?)\s?S?\d+[a-zA-Z]?\b[^()]{0,60}\)"
)
# A data story may point at its own charts a time or three ("(see Table 1)"); the
# methods section in the bench did it 13 times.
_PAPER_REFERENCES = 4


@dataclass(frozen=True, slots=True)
class Selection:
    """The stories to write, grouped under topics in print order, and the rest.

    ``editor_takes`` names the chosen stories whose take the editors wrote; ``briefs``
    the one-outlet stories listed under "Also in the news", in print order; ``filed``
    the chosen stories the editors moved under a topic, and the topic; ``gone`` the
    article URLs whose page answered "not found" or "gone" (no link to print), and
    ``moved`` where a redirect took the others (the link to print).
    """

    topics: tuple[TopicStories, ...]
    left_out: tuple[LeftOut, ...] = ()
    editor_takes: frozenset[StoryId] = frozenset()
    problems: tuple[Problem, ...] = ()
    briefs: tuple[Story, ...] = ()
    filed: Mapping[StoryId, str] = field(default_factory=dict)
    gone: frozenset[str] = frozenset()
    moved: Mapping[str, str] = field(default_factory=dict)

    @property
    def stories(self) -> tuple[Story, ...]:
        return tuple(s for t in self.topics for s in t.stories)


def select_stories(
    candidates: Sequence[Story],
    plan: EditorialPlan,
    topics: Sequence[TopicConfig],
    *,
    max_stories: int,
    also_in_the_news: int = 0,
    examples: Sequence[TopicExample] = (),
    soft_news_last: bool = True,
    gone: Collection[str] = frozenset(),
    told: Collection[str] = frozenset(),
    moved: Mapping[str, str] | None = None,
) -> Selection:
    """Choose at most ``max_stories`` of ``candidates`` and group them (see module doc).

    ``examples`` are stories the editors filed under a topic in earlier issues. With
    ``soft_news_last`` false (``newsletter.soft_news_last``), sport, entertainment,
    lifestyle and obituaries rank like any story. ``gone`` are article URLs whose page answered "not
    found" or "gone" at build time: a one-outlet item whose every link is one is not
    listed in Also in the news, where the link is all a reader gets. ``told`` are the
    ids of stories sent before with nothing new: editorial entries for them are quiet.
    ``moved`` maps article URLs to where a redirect took their page; the selection
    keeps it for the links the issue prints.
    """
    soft = _once(soft_news) if soft_news_last else _never_soft
    choice = choose_stories(candidates, plan, told)
    matching = match_topics(choice.stories, topics, examples)
    placements, briefs = _placed(choice, matching.placed, matching.rest, topics)
    ranked = sorted(placements, key=lambda p: _rank(p, choice, soft))
    limit = max(max_stories, 0)
    chosen, cut = ranked[:limit], ranked[limit:]
    chosen = sorted(_discovered(chosen), key=lambda p: _print_rank(p, choice, soft))
    chosen = [_soft_noted(p, choice, soft) for p in chosen]
    # Pages that are no report are set aside first: they take no outlet's turn. So is
    # soft news: a foreign desk's "Also in the news" lists no squad named for a futsal
    # championship (the editors may keep one).
    unreported = {
        story.id: why
        for story in briefs
        if (why := _not_a_report(story, gone) or _soft_brief(story, soft, choice))
    }
    listed = _brief_order([story for story in briefs if story.id not in unreported], soft)
    withheld = [story for story in briefs if story.id in unreported]
    briefs = [b.story for b in listed]
    shown = max(also_in_the_news, 0)
    last = listed[min(shown, len(listed)) - 1] if shown and listed else None
    left_out = [
        *choice.left_out,
        *(
            LeftOut(
                p.story.id,
                LeftOutReason.OVER_CAP,
                f"cut by max_stories ({max_stories}) at rank {rank}"
                + (f' (standing topic "{p.topic}")' if p.configured else "")
                + (f"; {kind}, ranked after the hard news" if (kind := soft(p.story)) else ""),
                shown_title(plan, p.story),
                _article_ids(p.story),
                p.topic if p.configured else "",
            )
            for rank, p in enumerate(cut, start=limit + 1)
        ),
        *(
            LeftOut(
                brief.story.id,
                LeftOutReason.ONE_OUTLET,
                _over_briefs(brief, shown, rank, last),
                _title(brief.story),
                _article_ids(brief.story),
            )
            for rank, brief in enumerate(listed[shown:], start=shown + 1)
        ),
        *(
            LeftOut(
                story.id,
                LeftOutReason.ONE_OUTLET,
                f"one outlet only ({story.outlets[0] if story.outlets else '?'}); "
                f"{unreported[story.id]}, so not listed as news in Also in the news",
                _title(story),
                _article_ids(story),
            )
            if len(story.outlets) < 2
            else LeftOut(
                story.id,
                LeftOutReason.SET_ASIDE,
                f"{unreported[story.id]}, so not printed as news",
                _title(story),
                _article_ids(story),
            )
            for story in withheld
        ),
    ]
    configured = [t.name for t in topics]
    discovered = [p.topic for p in chosen if p.topic not in configured and p.topic != ELSEWHERE]
    topic_order = list(dict.fromkeys([*configured, *discovered, ELSEWHERE]))
    return Selection(
        topics=_sections(chosen, choice, topic_order),
        left_out=tuple(left_out),
        editor_takes=choice.editor_takes & {p.story.id for p in chosen},
        problems=choice.problems,
        briefs=tuple(
            dataclasses.replace(s, why=f"one outlet only ({s.outlets[0]}): in Also in the news")
            for s in briefs[:shown]
        ),
        filed={p.story.id: p.topic for p in chosen if p.story.id in choice.moves},
        gone=frozenset(gone),
        moved=dict(moved or {}),
    )


def _placed(
    choice: EditorsChoice,
    filed: Sequence[Placement],
    rest: Sequence[Story],
    topics: Sequence[TopicConfig],
) -> tuple[list[Placement], list[Story]]:
    """Main-story placements after the editors' moves, and the one-outlet rest.

    Filing gives each story its topic reason; the reason it had before (an update, a
    merge or split by the editors) is kept after it. A story no standing topic took is
    a main story when it has two or more outlets or the editors asked for it (pinned,
    split out or moved); its section is found once the cap has chosen. A one-outlet
    story with no text at all (a title-only feed item whose page could not be read) is
    a brief even under a standing topic: there is nothing to write it up from.
    """
    before = {s.id: s for s in choice.stories}
    configured = {t.name for t in topics}
    placements = []
    briefs = []
    for placement in filed:
        story = placement.story
        asked = story.id in choice.requested or story.id in choice.moves
        if not asked and ((len(story.outlets) < 2 and not story.has_text) or _views_only(story)):
            # A feed item with a title only (its page unread): nothing to write a story
            # from, but its headline and link still belong in "Also in the news". Views
            # alone (a column and a fact check) report nothing: set aside there.
            briefs.append(story)
            continue
        earlier = before[placement.story.id].why
        why = placement.story.why
        why = f"{why}; {earlier}" if earlier and earlier not in why else why or earlier
        placements.append(
            dataclasses.replace(placement, story=dataclasses.replace(placement.story, why=why))
        )
    for story in rest:
        asked = story.id in choice.requested or story.id in choice.moves
        if (len(story.outlets) >= 2 and not _views_only(story)) or asked:
            placements.append(Placement(story, _UNFILED, False, 0.0))
        else:
            briefs.append(story)
    moved = []
    for placement in placements:
        story_id = placement.story.id
        asked_for = (
            "pinned by the editors"
            if story_id in choice.pinned
            else "brought in by the editors"
            if story_id in choice.requested and story_id not in choice.split_from
            else ""
        )
        if asked_for:
            # What brought it in first: "1 outlet" alone would not say why it is here.
            story = placement.story
            why = f"{asked_for}; {story.why}" if story.why else asked_for
            placement = dataclasses.replace(placement, story=dataclasses.replace(story, why=why))
        target = choice.moves.get(placement.story.id)
        if target is not None and target != placement.topic:
            note = f'filed under "{target}" by the editors'
            story = placement.story
            why = f"{note}; {story.why}" if story.why else note
            placement = Placement(
                dataclasses.replace(story, why=why), target, target in configured, 0.0
            )
        moved.append(placement)
    return moved, briefs


def _rank(
    placement: Placement, choice: EditorsChoice, soft: Callable[[Story], str]
) -> tuple[bool, bool, bool, int, int, bool, float, float, str]:
    """Asked for by the editors first, then standing topics, then the hard news before
    soft news (``digest.softnews``), then by importance: most outlets, most articles,
    the world's news before local news (``softnews.world_news``), the latest news, the
    strongest topic match."""
    story = placement.story
    latest = max(a.published for a in story.articles)
    return (
        story.id not in choice.requested,
        not placement.configured,
        bool(soft(story)),
        -len(story.outlets),
        -len(story.articles),
        not world_news(story),
        -latest.timestamp(),
        -placement.score,
        story.id,
    )


def _print_rank(
    placement: Placement, choice: EditorsChoice, soft: Callable[[Story], str]
) -> tuple[bool, bool, int, int, bool, bool, float, float, str]:
    """The order the chosen stories print in: what the editors pinned, then the
    biggest news, soft news (sport, entertainment, lifestyle, obituaries) after all the
    hard news however many outlets carried it. A standing topic keeps its stories in the issue
    (``_rank`` decides the cap) but does not put a one-outlet item above a story six
    outlets carried; between stories of equal coverage it comes first, then the world's
    news before local news."""
    story = placement.story
    latest = max(a.published for a in story.articles)
    return (
        # A story split out is asked into the issue (``_rank``), not to the top of it:
        # the editors split to mend a grouping, and its one report is seldom the lead.
        story.id not in choice.pinned,
        bool(soft(story)),
        -len(story.outlets),
        -len(story.articles),
        not placement.configured,
        not world_news(story),
        -latest.timestamp(),
        -placement.score,
        story.id,
    )


def _brief_marks(story: Story, soft: Callable[[Story], str]) -> tuple[str, ...]:
    """What counts against a one-outlet item in "Also in the news", each in words: a
    page without a news headline among its titles, with less than
    ``_BRIEF_REPORT_WORDS`` words of text, soft news (an obituary of a public figure),
    telling of no hard news, or naming no country, people or international body."""
    words = max(word_count(a.text or a.summary) for a in story.articles)
    marks = (
        "no news headline among its titles" if not has_news_title(story) else "",
        f"under {_BRIEF_REPORT_WORDS} words of text" if words < _BRIEF_REPORT_WORDS else "",
        soft(story),
        "no hard news in its title or opening" if not hard_news(story) else "",
        "names no country, people or international body" if not world_news(story) else "",
    )
    return tuple(mark for mark in marks if mark)


def _brief_rank(story: Story, marks: int) -> tuple[int, int, bool, float, str]:
    """ "Also in the news" order: fewest marks against it (``_brief_marks``), then
    most articles, then a report of ``_MANY_DEAD`` or more dead, then the newest."""
    latest = max(a.published for a in story.articles)
    return (
        marks,
        -len(story.articles),
        death_toll(story) < _MANY_DEAD,
        -latest.timestamp(),
        story.id,
    )


def _views_only(story: Story) -> bool:
    """Whether every page of ``story`` is an outlet's view or someone's words whole
    (``digest.softnews.opinion_kind``): a column and a fact check tell no news."""
    return all(is_opinion(a) for a in story.articles)


def _not_a_report(story: Story, gone: Collection[str] = frozenset()) -> str:
    """Why a one-outlet page is not a report to list as news, or "": a page that is gone
    (``gone``), someone's own words, an opinion piece, a research paper's text, or an
    old page the feed brought back (a tracker, a republished archive piece) whose
    address dates it well before the feed does."""
    if story.articles and all(a.url in gone for a in story.articles):
        return "its page answered not found at build time (a reader's link would fail)"
    if _in_own_words(story):
        return "written in someone's own words (the first or second person)"
    if _views_only(story):
        kinds = list(dict.fromkeys(opinion_kind(a) for a in story.articles))
        if len(story.articles) > 1:
            return f"views only ({', '.join(kinds)}: their addresses or titles say so), no report"
        kind = {"opinion": "an opinion piece", "analysis": "an analysis"}.get(
            kinds[0], f"a {kinds[0]}"
        )
        return f"{kind} (its address or title says so), not a report"
    article = story.articles[0]
    filed = [url_date(a.url) for a in story.articles]
    if all(
        day is not None and (a.published.date() - day).days > _OLDER_PAGE_DAYS
        for a, day in zip(story.articles, filed, strict=True)
    ):
        day = filed[0]
        assert day is not None
        return (
            f"a page from {day.day} {MONTHS[day.month - 1]} {day.year} (its address "
            "dates it) that the feed brought back, not a report of this week"
        )
    if len(_FIGURE_REFERENCE.findall(article.text)) >= _PAPER_REFERENCES:
        return "a research paper's text (it cites its own figures and tables)"
    return ""


def _soft_brief(story: Story, soft: Callable[[Story], str], choice: EditorsChoice) -> str:
    """Why a one-outlet item of sport, entertainment, lifestyle or an obituary of no
    public figure is not listed, or "" (not when the editors pinned it)."""
    kind = soft(story)
    # (An obituary of someone the world's news is about stays: a former president's.)
    if story.id in choice.pinned or not kind or (kind == "obituary" and world_news(story)):
        return ""
    return f"{kind} (soft news)"


def _in_own_words(story: Story) -> bool:
    """Whether a one-outlet page is written as someone's own words rather than reported:
    most of its first ``_OPENING_SENTENCES`` sentences speak in the first or second
    person outside quotes (an essay, a listicle's "you", a bare post). Its one line in
    "Also in the news" would read as that person, not as news. A teaser that opens on an
    attributed quotation (“If they force us ...,” Fine said) is a report, and so is a
    quotation the splitter cut into sentences (“We’re not going to get to it next week.
    It’ll be the first thing ...,” Thune told reporters): each part holds half of it."""
    article = story.articles[0]
    sentences = clean_sentences(article.text or article.summary, _OPENING_SENTENCES + _QUOTE_SPAN)
    # Someone's words alone (a quotation, or a part of one the splitter cut, the middle
    # parts with no mark of their own) are neither: the sentences the writer speaks in
    # decide.
    inside = inside_quotations(sentences)
    outside = [
        outside_quotations(_outside_half_quote(s))
        for s, quoted in zip(sentences, inside, strict=True)
        if not quoted
    ]
    writer = [text for text in outside if word_count(text) >= _WRITER_WORDS]
    writer = writer[:_OPENING_SENTENCES]
    own = sum(map(in_person, writer))
    # A writer's "my" or "me" is an essay's, whatever else the opening tells: a report
    # never says "my mother-in-law told me".
    mine = any(_SINGULAR_FIRST.search(text) for text in writer)
    return bool(writer) and (2 * own > len(writer) or mine)


_QUOTE_MARK = re.compile(r"[“”\"]")
_SINGULAR_FIRST = re.compile(
    r"(?<!War )(?<!Phase )(?<!Part )(?<!Article )(?<!Chapter )(?<!Title )\bI\b"
    r"|\b(?:me|my|My|mine|myself)\b"
)
# Words a sentence needs outside quotations to be the writer's: "Thune told reporters."
_WRITER_WORDS = 3


def _outside_half_quote(sentence: str) -> str:
    """``sentence`` without the part of a quotation it holds only half of: what comes
    before its closing mark ("... next week,” Thune told reporters." -> " Thune told
    reporters."), or after its opening mark ("“We’re not going to get to it")."""
    if quotes_balance(sentence):
        return sentence
    marks = [m for m in _QUOTE_MARK.finditer(sentence)]
    if not marks:
        return sentence
    # The last mark decides: one that opens leaves the writer's words before it; one
    # that closes, those after it. A straight mark opens at the start or after a space
    # ("We have written letter after letter.).
    last = marks[-1]
    at = last.start()
    opens = last.group() == "“" or (
        last.group() == '"' and (at == 0 or sentence[at - 1].isspace() or sentence[at - 1] in "(—–")
    )
    return sentence[:at] if opens else sentence[at + 1 :]


@dataclass(frozen=True, slots=True)
class _Brief:
    """A one-outlet item in the order of "Also in the news", with what counts against it
    and its place in its outlet's turn (0 for the outlet's first item of its tier)."""

    story: Story
    marks: tuple[str, ...]
    turn: int


def _brief_order(briefs: Sequence[Story], soft: Callable[[Story], str]) -> list[_Brief]:
    """Briefs by ``_brief_rank``, each outlet's second brief after every outlet's first
    (and so on) within a tier: a list of eight from the one feed that posts most often
    is no "also in the news"."""
    marked = [(story, _brief_marks(story, soft)) for story in briefs]
    ranked = sorted(marked, key=lambda pair: _brief_rank(pair[0], len(pair[1])))
    seen: Counter[tuple[int, str]] = Counter()
    keyed = []
    for position, (story, marks) in enumerate(ranked):
        tier, outlet = len(marks), story.outlets[0] if story.outlets else ""
        turn = seen[(tier, outlet)]
        keyed.append(((tier, turn, position), _Brief(story, marks, turn)))
        seen[(tier, outlet)] += 1
    return [brief for _, brief in sorted(keyed, key=lambda pair: pair[0])]


def _over_briefs(brief: _Brief, shown: int, rank: int, last: _Brief | None) -> str:
    """Why a one-outlet item is not in "Also in the news": what counts against it that
    the last item listed does not have, else its outlet's turn, else its age."""
    outlet = brief.story.outlets[0] if brief.story.outlets else "?"
    if shown == 0 or last is None:
        return f"one outlet only ({outlet}); Also in the news is off (newsletter.also_in_the_news)"
    head = (
        f"one outlet only ({outlet}); Also in the news holds {shown} "
        f"(newsletter.also_in_the_news) and this one ranked {rank}"
    )
    if len(brief.marks) > len(last.marks):
        return f"{head}: {', '.join(m for m in brief.marks if m not in last.marks)}"
    if brief.turn > last.turn:
        return (
            f"{head}: item no. {brief.turn + 1} of its kind from {outlet}, and the list "
            "takes one item per outlet in turn"
        )
    return f"{head}: a report like those listed, with fewer articles, fewer dead or older"


def _never_soft(story: Story) -> str:
    return ""


def _once(judge: Callable[[Story], str]) -> Callable[[Story], str]:
    """``judge`` read once per story id: ranking, printing and the reasons all ask, and
    a big window has thousands of stories (the editors' edits change a story's reason,
    not its articles)."""
    seen: dict[StoryId, str] = {}

    def judged(story: Story) -> str:
        if story.id not in seen:
            seen[story.id] = judge(story)
        return seen[story.id]

    return judged


def _soft_noted(
    placement: Placement, choice: EditorsChoice, soft: Callable[[Story], str]
) -> Placement:
    """A soft story the editors did not pin, with its reason saying why it prints after
    the hard news (the editors may move it up with ``order`` or ``pin``); a story split
    out prints where its coverage puts it, so it gets the note too."""
    story = placement.story
    kind = soft(story)
    if not kind or story.id in choice.pinned:
        return placement
    note = f"{kind}: printed after the hard news"
    why = f"{story.why}; {note}" if story.why else note
    return dataclasses.replace(placement, story=dataclasses.replace(story, why=why))


def _discovered(chosen: Sequence[Placement]) -> list[Placement]:
    """The chosen stories no topic took, filed under sections found among them."""
    unfiled = [p.story for p in chosen if p.topic == _UNFILED]
    named = {
        story.id: (section.name, story)
        for section in discover_sections(unfiled)
        for story in section.stories
    }
    result = []
    for placement in chosen:
        if placement.topic == _UNFILED:
            name, story = named[placement.story.id]
            earlier = placement.story.why
            why = f"{story.why}; {earlier}" if earlier else story.why
            placement = Placement(dataclasses.replace(story, why=why), name, False, 0.0)
        result.append(placement)
    return result


def _sections(
    chosen: Sequence[Placement], choice: EditorsChoice, topic_order: Sequence[str]
) -> tuple[TopicStories, ...]:
    """Chosen stories (in rank order) grouped by topic in ``topic_order``, other names
    the editors moved stories to before "Elsewhere"; within a topic pinned first, then
    the editors' order, then rank."""
    members: dict[str, list[tuple[int, Placement]]] = {}
    configured: dict[str, bool] = {}
    for rank, placement in enumerate(chosen):
        members.setdefault(placement.topic, []).append((rank, placement))
        configured[placement.topic] = placement.configured
    order = [t for t in topic_order if t != ELSEWHERE]
    order += [t for t in members if t not in order and t != ELSEWHERE] + [ELSEWHERE]
    sections = []
    for name in (t for t in order if t in members):
        ranked = sorted(
            members[name],
            key=lambda item: (
                item[1].story.id not in choice.pinned,
                choice.order.get(item[1].story.id, _UNORDERED),
                item[0],
            ),
        )
        # Rank 1 is the most important story: the renderer numbers by it. The
        # topic's stories take its places in the ranking in the editors' order, so a
        # pinned story is numbered where it prints, in the email and in digest.json.
        places = [rank for rank, _ in members[name]]  # ascending: chosen is in rank order
        stories = tuple(
            dataclasses.replace(p.story, rank=place + 1)
            for place, (_, p) in zip(places, ranked, strict=True)
        )
        sections.append(TopicStories(name, configured[name], stories))
    return tuple(sections)


def _title(story: Story) -> str:
    return story.articles[0].title if story.articles else ""


def _article_ids(story: Story) -> tuple[ArticleId, ...]:
    return tuple(a.id for a in story.articles)
