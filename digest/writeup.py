"""Writing: the selected stories written up in the house style, nothing else.

Each story is summarised extractively (``digest.summarize``); with a language model
configured, the model may improve what the sources support (``digest.llm``). Only the
stories the selection chose reach this step, so nothing is written (or sent to a model)
for a story that will not be printed. The one-outlet stories of "Also in the news" get
a headline and their article's lead sentence (``write_briefs``), no model.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from digest.antecedent import closing_speaker, known_surnames
from digest.briefly import needs_antecedent, opens_on_a_scene, voiced_sentences
from digest.config import Config
from digest.dates import annotate_dates, on_outlets_clock
from digest.headline import (
    WordCases,
    headline_from_sentence,
    make_headline,
    placed_headline,
    word_cases,
)
from digest.hygiene import clean_sentences
from digest.llm import enhance_summary, model_from_config, prompts_dir_from_config
from digest.models import (
    Brief,
    LeftOut,
    LeftOutReason,
    Problem,
    Source,
    Stage,
    Story,
    StorySummary,
    TakeOrigin,
    TopicSection,
)
from digest.select import Selection
from digest.softnews import is_opinion
from digest.stages import newest_report
from digest.summarize import summarize_story
from digest.text import (
    content_words,
    end_sentence,
    end_teaser,
    is_title_of,
    pair_quotes,
    quotes_balance,
    spelled_out_titles,
    word_count,
)

__all__ = ["Written", "window_cases", "window_names", "write_briefs", "write_stories"]

# A brief's sentence: the first of the lead that reads as one (a statement of at least
# this many words, not the headline again). News leads run to 25-50 words; one past
# _BRIEF_MAX_WORDS is a run-on (or several sentences the splitter could not part).
_BRIEF_MIN_WORDS = 8
_BRIEF_MAX_WORDS = 70
_BRIEF_LEAD_SENTENCES = 4
# The longest lead an "Also in the news" line prints whole as its headline. Headlines
# built from a sentence stop at 20 words (digest.headline) and news leads run to 25-50;
# past 30 a headline no longer reads at a glance (a judgement, not fitted: on the dev
# weeks it keeps a 29-word lead whole and leaves 31- and 60-word ones as sentences).
_LEAD_HEADLINE_WORDS = 30
_QUOTE_MARKS = "\"“‘'"
_WORD = re.compile(r"\w+")

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Written:
    """The written sections, the stories that could not be written, and the problems."""

    sections: tuple[TopicSection, ...]
    left_out: tuple[LeftOut, ...] = ()
    problems: tuple[Problem, ...] = ()


def write_stories(
    config: Config,
    selection: Selection,
    *,
    previous_sentences: frozenset[str],
    issue_date: date | None = None,
    known_names: frozenset[str] | None = None,
    cases: WordCases | None = None,
) -> Written:
    """Summarise every selected story, in order; a story that fails is left out.

    ``previous_sentences`` (printed in earlier issues) are not repeated in Briefly. The
    model is not asked for a take where the editors wrote one (``selection.editor_takes``).
    ``known_names`` (:func:`window_names` of the issue's window; default: of the
    selected stories) need no introduction.
    ``cases`` (``headline.word_cases`` of the window's articles) helps put Title Case
    titles in sentence case.
    """
    model = model_from_config(config.llm)
    prompts_dir = prompts_dir_from_config(config.llm, config.base_dir)
    sections: list[TopicSection] = []
    left_out: list[LeftOut] = []
    problems: list[Problem] = []
    if known_names is None:
        known_names = window_names(selection.stories)
    for topic in selection.topics:
        summaries: list[StorySummary] = []
        for story in topic.stories:
            try:
                summary = summarize_story(
                    story,
                    previous_sentences=previous_sentences,
                    issue_date=issue_date,
                    known_names=known_names,
                    word_cases=cases,
                )
                summary = dataclasses.replace(
                    _linked(summary, selection.gone, selection.moved), rank=story.rank
                )
            except Exception as exc:
                # Per-story isolation: one story that trips the summarizer is left out
                # with a warning; the rest of the issue is still built.
                logger.exception("story %s: summarizing failed", story.id)
                failed, problem = _failed(
                    story, f"summarizing failed ({type(exc).__name__}: {exc})"
                )
                left_out.append(failed)
                problems.append(problem)
                continue
            if not summary.briefly and not summary.perspectives:
                # Every sentence was page furniture (a crawl notice, a tweet widget), or
                # there was no text at all: a headline alone would mislead.
                reason = (
                    "no article text left once page furniture was removed"
                    if story.has_text
                    else "no article text: the page could not be read and the feed gave "
                    "only a title"
                )
                failed, problem = _failed(story, reason)
                left_out.append(failed)
                problems.append(problem)
                continue
            if model is not None:
                if story.id in selection.editor_takes:
                    # The editors wrote this take: the model is not asked for one (the
                    # text phase of the editorial plan puts the editors' words in).
                    summary = dataclasses.replace(summary, take_origin=TakeOrigin.EDITOR)
                summary, notes = enhance_summary(summary, story, model, prompts_dir=prompts_dir)
                problems.extend(Problem(Stage.LLM, story.id, note) for note in notes)
            problems.extend(
                Problem(Stage.SUMMARIZE, story.id, f"story {story.id}: {flag}")
                for flag in summary.flags
            )
            summaries.append(summary)
        if summaries:
            sections.append(TopicSection(topic.name, topic.configured, tuple(summaries)))
    return Written(tuple(sections), tuple(left_out), tuple(problems))


def _linked(summary: StorySummary, gone: frozenset[str], moved: Mapping[str, str]) -> StorySummary:
    """``summary`` linking each page where the reader will find it.

    A page that answered "not found" at build time is not linked: its feed item still
    told the story, but a reader who follows the link finds nothing. Its source goes
    when another stays; a voice keeps its outlet's name without the link. A page a
    redirect moved (a feed's tracking link) is linked at its own address, and an AMP
    copy at its page's, once."""
    if not gone and not moved:
        return summary
    sources = tuple(s for s in summary.sources if s.url not in gone) or summary.sources
    sources = tuple(dataclasses.replace(s, url=moved.get(s.url, s.url)) for s in sources)
    # An outlet's AMP copy and its page, both in its feed, are one source at one address.
    once: dict[str, Source] = {}
    for source in sources:
        once.setdefault(source.url, source)
    sources = tuple(once.values())
    voices = tuple(
        dataclasses.replace(
            p, source_url="" if p.source_url in gone else moved.get(p.source_url, p.source_url)
        )
        for p in summary.perspectives
    )
    briefly, notes = (
        tuple(
            dataclasses.replace(s, source_url=moved.get(s.source_url, s.source_url)) for s in part
        )
        for part in (summary.briefly, summary.also_worth_noting)
    )
    return dataclasses.replace(
        summary, sources=sources, perspectives=voices, briefly=briefly, also_worth_noting=notes
    )


def _failed(story: Story, reason: str) -> tuple[LeftOut, Problem]:
    """A story that could not be written: left out with its articles (so each is still
    accounted for), and the warning that says why."""
    left_out = LeftOut(
        story.id,
        LeftOutReason.FAILED,
        reason,
        story.articles[0].title,
        tuple(a.id for a in story.articles),
    )
    return left_out, Problem(Stage.SUMMARIZE, story.id, f"story {story.id}: left out, {reason}.")


def window_names(window: Sequence[Story]) -> frozenset[str]:
    """Names the window's stories use alone all over (``antecedent.known_surnames``):
    "Trump said" needs no introduction."""
    return known_surnames([[a.text or a.summary for a in story.articles] for story in window])


def window_cases(window: Sequence[Story]) -> WordCases:
    """How the window's articles write each word mid-sentence (``headline.word_cases``)."""
    return word_cases(a.text or a.summary for story in window for a in story.articles)


def write_briefs(
    stories: Sequence[Story],
    cases: WordCases | None = None,
    known_names: frozenset[str] = frozenset(),
    moved: Mapping[str, str] | None = None,
) -> tuple[Brief, ...]:
    """One line per story: its headline, outlet, link and lead sentence, in order.

    ``known_names`` (``antecedent.known_surnames`` of the window) may speak alone in a
    line's sentence ("..., Trump said."); anyone else must be named in the headline,
    or the sentence is not used: "..., Fine said on X." under "Democrats slam US
    lawmaker" does not say who Fine is.

    The headline is the story's newest report's title, when that report came out hours
    after the first (an outlet's later report of its own story tells where it stands),
    else its best title; the article linked (and whose lead is the sentence) is the one
    that title is from: a line whose headline is another
    page's would send the reader somewhere else. Where the headline was built from the
    text, the first article (the one the story's id comes from) is linked, at the
    address a redirect took its page to (``moved``), if one did.
    """
    briefs = []
    for story in stories:
        # (Not where the editors chose the lead.)
        newest = None if story.lead_articles else newest_report(story.articles)
        if newest is not None:
            # An outlet's later report of its own story tells where it stands: the
            # result, not the polling day's preview.
            article = story.articles[newest]
            headline = make_headline(Story(story.id, (article,)), cases=cases)
        else:
            # A report's title and lead, not a column's on it ("Editorial: The Atlantic is
            # no longer a border" beside the ministers' signing it argues about).
            reports = tuple(a for a in story.articles if not is_opinion(a)) or story.articles
            headline = make_headline(dataclasses.replace(story, articles=reports), cases=cases)
            article = next(
                (a for a in reports if is_title_of(headline, a.title)),
                reports[0],
            )
            if article is reports[0] and len(reports) > 1:
                headline = make_headline(Story(story.id, (article,)), cases=cases)
        known = known_names | frozenset(content_words(headline))
        sentence = end_sentence(
            _lead_sentence(
                article.text,
                article.summary,
                headline,
                known,
                outlet=article.outlet,
                year=article.published.year,
            )
        )
        if sentence and _goes_on_from(sentence, _words(headline)):
            # The feed made its title of the lead's first words: "Gloria Chapman has
            # revealed husband Mark told her he was going (...): Gloria Chapman has
            # revealed ..." would say them twice. A lead that reads as a headline is the
            # headline, and the line's sentence is the next one that stands alone, if
            # any: one that leans on the lead ("And that is not counting ...") says
            # nothing here. A longer lead stays the sentence, under a headline made of
            # its opening: a 60-word headline is no headline.
            if word_count(sentence) > _LEAD_HEADLINE_WORDS:
                headline = headline_from_sentence(sentence) or headline
            else:
                headline = _as_headline(sentence)
                known = known_names | frozenset(content_words(headline))
                sentence = end_sentence(
                    _lead_sentence(
                        article.text,
                        article.summary,
                        headline,
                        known,
                        after_lead=True,
                        outlet=article.outlet,
                        year=article.published.year,
                    )
                )
        briefs.append(
            Brief(
                story_id=story.id,
                headline=placed_headline(headline, sentence, [article.text]),
                outlet=article.outlet,
                url=(moved or {}).get(article.url, article.url),
                # "on Sunday" gets the date it means, as in a story's Briefly.
                sentence=pair_quotes(
                    spelled_out_titles(
                        annotate_dates(sentence, article.written, article.utc_offset)
                    )
                )
                if sentence
                else "",
                published=on_outlets_clock(article.published, article.utc_offset),
            )
        )
    return tuple(briefs)


def _lead_sentence(
    text: str,
    summary: str,
    headline: str,
    known: frozenset[str] = frozenset(),
    *,
    after_lead: bool = False,
    outlet: str = "",
    year: int = 0,
) -> str:
    """The article's lead sentence, cleaned of datelines, bylines and captions.

    A question ("Q. What are the next steps?") or a sentence cut short by the feed
    ("...") is never used. A sentence that stands alone (no "And ...", "It ...", "The
    decision ..." unless the headline names the decision, no quote without its speaker
    or left open) comes first; then one that goes on from the headline (feeds often make
    the title of an item's first words), which is redundant but reads; then one that
    does not stand alone; last, someone's words or claims the writer voices
    (:func:`digest.briefly.voiced_sentences`), which would read as ours. One that only
    repeats the headline is never used. With ``after_lead`` (the headline is the whole
    lead), only a sentence that stands alone will do, or the one right after the lead
    whose "the company" the lead introduced. A sentence whose speaker is a bare name not
    in ``known`` (the headline's words and the window's known names) is never used.
    """
    title = _words(headline)
    repeats = fallback = voiced_last = scene = ""
    dek = _dek(text, outlet)
    # A feed teaser often has no full stop: it is a sentence all the same.
    for feed, source in enumerate((text, end_sentence(end_teaser(summary)))):
        if feed and source == text:
            break  # a feed item's text is its teaser: read once
        # The first sentences a reader would see: a video page's furniture ("EMBED More
        # News Videos ...", captions) above the report does not count.
        sentences = clean_sentences(source, _BRIEF_LEAD_SENTENCES)
        lead_at = -2
        for n, (sentence, voiced) in enumerate(
            zip(sentences, voiced_sentences(sentences), strict=True)
        ):
            words = word_count(sentence)
            ending = sentence.rstrip("\"'”’)")
            if words < _BRIEF_MIN_WORDS or words > _BRIEF_MAX_WORDS:
                continue
            # A question is no news ("Q. What are the next steps in Congress?").
            if ending.endswith(("...", "…")) or not ending.endswith((".", "!")):
                continue
            said = _words(sentence)
            if len(said) < len(title) and said == title[: len(said)]:
                continue  # the headline's own opening again
            if _goes_on_from(sentence, title):
                lead_at = n
                if len(_words(sentence)) > len(title) + 2:
                    repeats = repeats or sentence
                continue
            if voiced:
                voiced_last = voiced_last or sentence
                continue
            if not feed and dek and sentence in dek:
                # The page's standfirst, above its byline ("The ban, first imposed in
                # August, has been extended four times." / "The Moscow Times"): the
                # report below it says what happened.
                fallback = fallback or sentence
                continue
            speaker = closing_speaker(sentence)
            if speaker and not set(content_words(speaker)) <= known:
                continue  # whose words, the line cannot say
            leans_on = needs_antecedent(sentence)
            # A pronoun or connective ("And that is not counting ...") does not read
            # after a headline even when it was the lead.
            if after_lead and n == lead_at + 1 and leans_on != "sentence":
                leans_on = ""
            # "The woman, dressed as ..." under "Detectives are looking for a woman" has
            # its antecedent; a quote without its speaker does not read as news, nor
            # one the next sentence closes ('The notice said that “some cards ...').
            if (
                (not leans_on or leans_on in title)
                and sentence[0] not in _QUOTE_MARKS
                and quotes_balance(sentence)
            ):
                # A feature opens on a scene ("The lagoons ... used to turn pink with
                # flamingos every spring"); its feed's dek, if it has one of its own,
                # says what the story is.
                if not feed and opens_on_a_scene(sentence, known):
                    scene = sentence
                    break
                if scene and opens_on_a_scene(sentence, known):
                    break  # the feed's teaser is the scene again
                return sentence
            fallback = fallback or sentence
    if scene:
        return _news_below(text, scene, known, year) or scene
    if after_lead:
        return ""
    # A sentence that goes on from the headline is redundant; one that leans on what the
    # reader has not seen ("And that's not counting ...") does not read at all.
    return repeats or fallback or voiced_last


def _news_below(text: str, scene: str, known: frozenset[str], year: int) -> str:
    """The first sentence below a scene-setting lede that reports the news: one that
    says who told it or when ("The Ministry of Internal Affairs said one man, aged 72,
    died ..."), stands alone and is no one's unattributed words. An anecdote's news
    comes a few paragraphs down; past ``_SCENE_SENTENCES`` the page is telling its
    story, and the scene, which is the page's own opening, stays."""
    sentences = clean_sentences(text, _SCENE_SENTENCES)
    if scene not in sentences:
        return ""
    below = sentences[sentences.index(scene) + 1 :]
    # The scene's own person again ("Kovac, a retired teacher, says ...") is more of it.
    named = _OPENING_NAME.match(scene)
    person = set(content_words(named.group(1))) - known if named else set()
    for sentence, voiced in zip(below, voiced_sentences(below), strict=True):
        if set(content_words(" ".join(sentence.split()[:2]))) & person:
            continue
        if _EARLIER.search(sentence) or any(int(y) < year for y in _IN_YEAR.findall(sentence)):
            continue  # "In 2019, a similar landslide killed 12": the past, not the news
        words = word_count(sentence)
        if voiced or not _BRIEF_MIN_WORDS <= words <= _BRIEF_MAX_WORDS:
            continue
        if sentence[0] in _QUOTE_MARKS or not sentence.rstrip("\"'”’)").endswith("."):
            continue
        speaker = closing_speaker(sentence)
        if speaker and not set(content_words(speaker)) <= known:
            continue
        if needs_antecedent(sentence) or not quotes_balance(sentence):
            continue
        if opens_on_a_scene(sentence, known) or not _TELLS_NEWS.search(sentence):
            continue
        return sentence
    return ""


# How far below a scene-setting lede its news may be: an anecdote runs two to four
# paragraphs of one or two sentences before the report (a judgement from the replica
# weeks' features; past this the page is a feature, not a report with a scene on top).
_SCENE_SENTENCES = 10
# An earlier event's like, or a year before the report's: background, however told.
# (Not "last night", "the deadliest since 2019": the news.)
_EARLIER = re.compile(
    r"\bsimilar\b|\bprevious\s+(?!day|night|evening)|\blast\s+(?:year|month|time|decade|week)\b",
    re.IGNORECASE,
)
# A year as a time ("In March 2019,", "On 4 March 2019", "During the 2019 landslide"),
# not a count ("About 2000 residents") nor a record ("the deadliest since 2019").
_IN_YEAR = re.compile(
    r"\b(?:in|on|during|by|of|from)\s+(?:the\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?"
    r"(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A scene opening on someone's name: "Marta Kovac was hanging washing ...".
_OPENING_NAME = re.compile(r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})\s")
# A report's verbs: someone told it, or it happened to people.
_TELLS_NEWS = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|told|according to|"
    r"died|killed|injured|wounded|arrested|charged|evacuated)\b"
)


def _dek(text: str, outlet: str) -> str:
    """The text's first paragraph when a byline follows it (the outlet's name, "The
    Moscow Times", or "By Jane Doe"): a standfirst, set above the report. "" when there
    is none; a line of anything else ("Advertisement", "Reuters", a place) is no byline."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paragraphs) < _DEK_PARAGRAPHS:
        return ""
    line = paragraphs[1]
    if line.casefold() == outlet.strip().casefold() or _BYLINE_LINE.match(line):
        return paragraphs[0]
    return ""


# A standfirst, a byline, then the report: three paragraphs at least.
_DEK_PARAGRAPHS = 3
# "By" and a name of two to four words, in capitals: a writer's byline.
_BYLINE_LINE = re.compile(
    r"^By\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+|de\s+|van\s+)?[A-Z][\w.'’-]*){1,3}$"
)


def _goes_on_from(sentence: str, title: list[str]) -> bool:
    """Whether ``sentence`` opens with the words of ``title`` (lower-cased, as
    :func:`_words` gives them): a feed's title made of the lead's first words."""
    return _words(sentence)[: len(title)] == title


def _as_headline(sentence: str) -> str:
    """A sentence printed as a headline: without its full stop (a headline has none)."""
    if sentence.endswith(".") and not sentence.endswith(".."):
        return sentence[:-1]
    return sentence


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]
