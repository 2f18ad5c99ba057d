"""Story -> StorySummary in the house style, extractively: no model, no network.

Every sentence printed comes from an article (after the clean-ups of
``digest.hygiene``, which only delete, and the date annotations of ``digest.dates``,
which only add a bracketed date) and records the article's URL. The pieces:

* **Headline** (``digest.headline``): the most informative outlet title that is a
  complete news headline, normalised; else one built from the lead.
* **Briefly** (``digest.briefly``): the event first, from the outlets' ledes, then what
  matters most; no sentence that leans on a missing antecedent, nothing said twice.
* **Perspectives** (``digest.perspectives``): one voice per speaker, spread over
  outlets, in the present tense; speakers saying the same thing grouped.
* **Also worth noting**: background, never the news again: no lede, no attributed
  statement (those are perspectives), nothing that repeats what is shown above, nothing
  that leans on a missing antecedent, nothing from a text written mostly in the first
  person plural (a company's post: its claims, not our background); sentences with
  history, numbers and dates first.
* **Figures**: where outlets give different figures for the same thing, the one most
  of the story's sentences give is kept; a tie is flagged for the editors.
* **For the editors** (never printed): flags, and the sources' strongest analytical
  sentences as starting points for a take. When every sentence of a story leans on one
  the reader will not see (a one-outlet teaser: "The former Navy captain and astronaut
  says ...") or is no report (only a quote: "“I believe ...,” said a lawmaker"), the
  Briefly is still that sentence, under the article's own title when it has one (a
  story is never lost for want of a sentence), and a flag says so.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import numpy as np

from digest.antecedent import unintroduced_surname
from digest.attribution import attribute_sentence
from digest.briefly import (
    LEDE_POSITIONS,
    ScoredSentences,
    in_speakers_words,
    is_briefly_candidate,
    is_reaction,
    is_redundant,
    leans_on,
    needs_antecedent,
    score_sentences,
    select_briefly,
)
from digest.dates import (
    annotate_dates,
    local_date,
    names_a_day,
    on_outlets_clock,
    stale_day,
)
from digest.embed import sentence_vectors
from digest.figures import figure_conflicts
from digest.headline import WordCases, curl_quotes, from_capitals, make_headline, placed_headline
from digest.headline import word_cases as cases_of
from digest.hygiene import clean_title
from digest.kept import Kept
from digest.models import (
    Article,
    Perspective,
    Sentence,
    Source,
    Story,
    StorySummary,
    TakeOrigin,
)
from digest.naming import introduce_names, name_once
from digest.perspectives import find_perspectives
from digest.softnews import (
    NUMBER_WORDS,
    dead_counted,
    denies_deaths,
    is_gallery,
    is_opinion,
    opinion_kind,
    people_counted,
    tells_deaths,
)
from digest.stages import counts_in_progress, latest_turn
from digest.text import (
    MONTH_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    content_words,
    end_sentence,
    end_teaser,
    fold_accents,
    lower_words,
    month_number,
    pair_quotes,
    repeated_copies,
    republished_from,
    same_outlet,
    spelled_out_titles,
    split_sentences,
)
from digest.tolls import (
    below_told_toll,
    counts_again,
    elsewhere_on_live,
    newest_toll,
    other_count,
    superseded_counts,
)

__all__ = ["SummaryOptions", "summarize_story"]

logger = logging.getLogger(__name__)


# The digests of the last few of a build's shared inputs (the sentences printed before,
# the window's names and word cases: megabytes, and one object per build), by identity:
# computed once per build rather than once per story, and a kept write-up holds the
# digest, not the build's copy.
_DIGESTS: Kept[int, tuple[object, bytes]] = Kept(8)


def _digest_of(value: frozenset[str] | WordCases) -> bytes:
    kept = _DIGESTS.get(id(value))
    if kept is not None and kept[0] is value:
        return kept[1]
    if isinstance(value, WordCases):
        words = [*sorted(value.capitalised), "\0", *sorted(value.lowered)]
    else:
        words = sorted(value)
    digest = hashlib.sha256("\n".join(words).encode("utf-8")).digest()
    # The object is held with its digest, so its id cannot pass to another meanwhile.
    _DIGESTS.put(id(value), (value, digest))
    return digest


# Write-ups kept for the life of the process, newest last, keyed by all that decides
# them: the preview rebuilds the whole issue on every edit, and an edit to one story
# (its take, a pin, a drop) leaves the others' write-ups as they were. Writing up the
# 60 stories of bench/e2e.py's week took 14 s of a 20 s rebuild. An entry is the
# write-up (a few kilobytes) and digests of its inputs; 300 are a few weeks of a
# scheduler's issues, or an editor's many rebuilds.
_WRITTEN: Kept[tuple[object, ...], StorySummary] = Kept(300)


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """Sizes of the summary parts. ``briefly_words`` is a hard cap on whole sentences."""

    briefly_words: int = 70
    max_perspectives: int = 4
    max_notes: int = 3
    max_take_starters: int = 3


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# (Not a name's digits: "G20", "Covid-19", "F-16".)
_HEADLINE_FIGURE = re.compile(r"(?<![A-Za-z\d])(?<![A-Za-z]-)\d+(?:[.,]\d+)*")
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d")
_SAME_AS_CLAIM = 0.6  # share of content words a note may have in common with a claim
# A Briefly sentence about a day already past in the future tense is ranked last and the
# choice made again at most this many times (each pass drops the ones it chose).
_STALE_RETRIES = 3
_FACT = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b"
)
_BACKGROUND = re.compile(
    r"\b(?:since|first|last year|previous(?:ly)?|earlier|former|history|founded|record|"
    r"percent|per cent|million|billion|ago|decades?|in (?:19|20)\d\d|\d+%|"
    r"(?:past|last)\s+(?:\w+\s+)?(?:years|decades|months)|for (?:years|decades))\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|according to|argued|argues|warned|"
    # "..., the professor added": someone's words, ending as a report of them does.
    r"(?<=,\s)(?!(?:with|and|but|as|after|before|while)\b)"
    r"(?:(?!(?:been|was|were|be|is|are|being)\b)[\w'’.,-]+\s+){1,12}"
    r"(?:added|adds|noted|explained|insisted|stressed)"
    r"(?=[.!?\"”’]*$)|"
    r"(?:reported|reports|estimated|estimates|claimed|claims|believes|believe) that)\b"
    # Someone's demand of the week ("Lin urged Japan to earnestly learn the lessons of
    # history"): a voice, not background. A year names history ("In 2019 the UN urged").
    r"|^(?!.*\b(?:19|20)\d\d\b).*\b(?:urged|urges|called\s+on|calls\s+on)\b",
    re.IGNORECASE,
)
# A title that rests its claim on people it does not name ("Trump told Netanyahu he
# would support strikes, sources say"; "..., Officials Say"; "..., report says"): the
# teaser or lede under it states the claim flat, which printed on its own reads as the
# newsletter's word. "who" may carry one qualifier ("Israeli officials", "U.S. sources").
_SOURCED_TITLE = re.compile(
    r",\s+(?P<who>(?:(?:U\.S\.|[A-Z][\w\-]*)\s+)?"
    r"(?:sources?|officials|aides|diplomats|insiders|reports?|a report))"
    r"\s+(?:say|says|said)\W*$",
    re.IGNORECASE,
)
# A sentence that already says whose word it is.
_OWN_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according|reported|reportedly|report|sources?|"
    r"officials?|claim(?:s|ed)?|alleged(?:ly)?|allegations?|believed)\b",
    re.IGNORECASE,
)

# A word of letters; those that start with a capital are names, as spelling goes.
_LETTERS = re.compile(r"[^\W\d_]+")
# A note is a bullet of its own: a pronoun early on has nothing to refer to.
_EARLY_PRONOUN = re.compile(
    r"^(?:\S+\s){0,5}?(?:it|its|they|them|their|he|him|his|she|her)\b"
    # ... or as the subject after a longer opening ("Four days and several moves later
    # they ended up in Evin prison").
    r"|^(?:\S+\s){6,9}?(?:they|he|she)\s+(?:[a-z]+ed|[a-z]+s|had|has|were|was|are|is)\b"
)
# In lower case: "Will Smith" is a name, and a sentence opening "Will ..." a question.
_AHEAD = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are) (?:due|set|expected|scheduled|going|poised) to)\b"
)
_PRESCRIBED = re.compile(r"\b(?:[Ss]hould|[Oo]ught to|[Mm]ust)\b(?!-)")  # not "a must-see"
# Analysis rather than report: what an event means, may lead to, or puts at stake.
_ANALYSIS = re.compile(
    r"\b(?:means|meaning that|signals?|suggests?|reflects?|underlines?|underscores?|"
    r"shows? (?:that|how)|raises? (?:questions|the question|doubts)|at stake|"
    r"a test (?:of|for)|the (?:real|bigger|larger|key) (?:question|issue|problem|test)|"
    r"in other words|could (?:mean|signal|prove|undermine|reshape|set|open|end)|"
    r"is (?:likely|unlikely) to|risks? (?:undermining|making|turning|becoming)|"
    r"what (?:matters|is at stake)|for the first time since)\b",
    re.IGNORECASE,
)


def summarize_story(
    story: Story,
    *,
    options: SummaryOptions = SummaryOptions(),
    previous_sentences: frozenset[str] = frozenset(),
    issue_date: date | None = None,
    known_names: frozenset[str] = frozenset(),
    word_cases: WordCases | None = None,
) -> StorySummary:
    """Write up one story extractively (default mode: no model, no network).

    ``previous_sentences`` are sentences printed in earlier issues; near-copies of them
    are not chosen for Briefly, so an update leads with what is new. ``issue_date``
    (when given) lets a future tense about a day before it be flagged. ``known_names``
    (``digest.antecedent.known_surnames`` of the window's stories) may stand alone as a
    sentence's subject ("Trump said ..."); another person's bare surname needs their
    full name before it (``digest.antecedent.unintroduced_surname``). ``word_cases`` (of
    the window's articles) helps put a Title Case title in sentence case. The take is left
    empty (``TakeOrigin.MISSING``): the build fills it from the editorial file.
    """
    # Everything that decides the write-up; the story's place and the reason it is in
    # (its rank and why) do not. The story by a digest of all its fields, so that a kept
    # entry does not hold its articles' texts.
    key = (
        hashlib.sha256(repr(replace(story, why="", rank=0)).encode("utf-8")).digest(),
        options,
        _digest_of(previous_sentences),
        issue_date,
        _digest_of(known_names),
        None if word_cases is None else _digest_of(word_cases),
    )
    kept = _WRITTEN.get(key)
    if kept is not None:
        return kept
    summary = _write_up(
        story,
        options=options,
        previous_sentences=previous_sentences,
        issue_date=issue_date,
        known_names=known_names,
        word_cases=word_cases,
    )
    _WRITTEN.put(key, summary)
    return summary


def _write_up(
    story: Story,
    *,
    options: SummaryOptions,
    previous_sentences: frozenset[str],
    issue_date: date | None,
    known_names: frozenset[str],
    word_cases: WordCases | None,
) -> StorySummary:
    """:func:`summarize_story`, written afresh."""
    articles = story.articles
    # A feed teaser often has no full stop; it is a sentence all the same. One the
    # outlet cut mid-sentence ("... fired a…") ends where its last whole clause does.
    texts = [a.text if _page_read(a) else end_sentence(end_teaser(a.summary)) for a in articles]
    scored = score_sentences(
        texts,
        previous_sentences,
        [a.title for a in articles],
        known_names=known_names,
        outlets=[a.outlet for a in articles],
    )
    # An outlet's column or leader argues; its sentences tell the news only where no
    # report does, as a speaker's own statement does (``statements``). A gallery's
    # captions describe its pictures ("Civil defense teams pump water out of an
    # underpass"): no background, and the news only where no report tells it.
    opinions = frozenset(i for i, a in enumerate(articles) if is_opinion(a) or is_gallery(a))
    if opinions:
        scored = replace(scored, statements=scored.statements | opinions)
    lead_docs = frozenset(i for i, a in enumerate(articles) if a.id in story.lead_articles)
    updated = superseded_counts(scored, articles)
    # Someone's words another report quotes, printed bare (a newsletter's pull quote):
    # told as a fact, they would be nobody's. Left out as a superseded count is.
    superseded = (
        frozenset(updated)
        | _quoted_elsewhere(scored)
        | _deaths_denied(scored, articles)
        | counts_in_progress([c.text for c in scored.candidates])
        | elsewhere_on_live(scored, articles)
    )
    if superseded:
        scores = scored.scores.copy()
        scores[list(superseded)] = float(scores.min()) - 1.0
        # The toll rose during the week: its latest, highest count is the news a weekly
        # issue opens with, not a day-one lede's "killing dozens"; or, corrected down,
        # the correction's ("The toll now stands at 12, not 14 as reported earlier").
        newest = newest_toll(scored, updated, articles)
        candidates = scored.candidates
        if newest is not None:
            scores[newest] = float(scores.max()) + _NEWEST_TOLL_LIFT
            # Its report gives the lead, unless the editors chose whose it is.
            lead_docs = lead_docs or frozenset({candidates[newest].doc})
            # A live page's newest entry is its lede, below the page's standing lines.
            if candidates[newest].position >= LEDE_POSITIONS:
                candidates = tuple(
                    replace(c, position=0) if i == newest else c for i, c in enumerate(candidates)
                )
        scored = replace(scored, scores=scores, candidates=candidates)

    def stale_of(index: int) -> date | None:
        candidate = scored.candidates[index]
        article = articles[candidate.doc]
        if issue_date is None:
            return None
        dated = annotate_dates(candidate.text, article.written, article.utc_offset)
        return stale_day(dated, issue_date)

    def written_on(index: int) -> date:
        return _day_of(articles[scored.candidates[index].doc])

    first = scored
    scored, briefly = _briefly_of_now(
        scored, options.briefly_words, lead_docs, stale_of, written_on, superseded
    )
    # A story told over days leads with where it stands: the truce's collapse, not the
    # day-one lede of its agreement (``digest.stages``); unless the lead is a later
    # day's already (the talks' postponement is no turn beside their outcome).
    # A toll's report, a day or more before the turn, gives way to it: the miners
    # pulled out alive on Thursday lead over Monday's toll of six.
    turn = frozenset() if story.lead_articles else latest_turn(articles)
    staged = False
    if briefly and turn and written_on(briefly[0]) < min(_day_of(articles[i]) for i in turn):
        lead_docs = turn
        scored, briefly = _briefly_of_now(
            first, options.briefly_words, lead_docs, stale_of, written_on, superseded
        )
        staged = bool(briefly) and scored.candidates[briefly[0]].doc in turn
    headline = _headline(story, scored, briefly, word_cases, staged=staged)
    # A title introduces what it names only if the reader sees it: the email shows the
    # headline, not the other outlets' titles. The first pass needs every title to find
    # the lead the headline is made with.
    shown = frozenset(content_words(headline)) | known_names
    if shown != scored.titles:
        seen, again = _briefly_of_now(
            replace(scored, titles=shown),
            options.briefly_words,
            lead_docs,
            stale_of,
            written_on,
            superseded,
        )
        if again:
            if again[:1] != briefly[:1]:
                staged = staged and seen.candidates[again[0]].doc in turn
                headline = _headline(story, seen, again, word_cases, staged=staged)
            scored, briefly = seen, again
    # An older, lower toll in whatever words ("At least a dozen people were killed" under
    # "climbed to 41") is no second sentence of the Briefly: two tolls contradict. Nor is
    # a state an older report told in the present ("Signal No. 4 remains raised over
    # Eastern Samar" on day one, under day four's toll): by the lead's day it has moved
    # on. The rest of the Briefly is chosen again without them.
    if briefly:
        lead = briefly[0]
        at_turn = scored.candidates[lead].doc in turn
        # A lead telling the vote's result decides what was undecided before it, as the
        # voices' and notes' ``decided`` below.
        lead_decides = at_turn or bool(_DECIDED.search(scored.candidates[lead].text))
        rest = [i for i in range(len(scored.candidates)) if i != lead]
        kept = set(below_told_toll(scored, articles, [lead], rest, exact=False, anywhere=True))
        behind = frozenset(
            i
            for i in rest
            if i not in kept
            or (
                (
                    _STILL.search(scored.candidates[i].text)
                    # What was pending before the turn the lead tells: "The People's
                    # Party is seeking a no-confidence vote against ..." under its result.
                    or (at_turn and _PENDING.search(scored.candidates[i].text))
                    or (at_turn and _UNDECIDED.search(scored.candidates[i].text))
                    # A forecast of the vote's outcome, under any lead telling a result:
                    # "the outcome would depend on ...", "enough to carry the motion if".
                    or (lead_decides and _FORECAST.search(scored.candidates[i].text))
                )
                and (written_on(lead) - written_on(i)).days >= _STALE_STATE_DAYS
            )
            # The talks' state before the deal the lead tells (see ``dealt`` below).
            or (
                (at_turn or _tells_deal_done(scored.candidates[lead].text))
                and _talks_before(articles, scored, i, lead)
            )
        )
        if behind & set(briefly):
            seen, again = _briefly_of_now(
                scored, options.briefly_words, lead_docs, stale_of, written_on, superseded | behind
            )
            if again[:1] == [lead]:
                scored, briefly = seen, again
            else:
                briefly = [i for i in briefly if i not in behind]
    used = set(briefly)
    # A voice counting fewer dead than the Briefly's newer toll ("We have counted
    # seventeen bodies so far" under 51) is as old as a note that does.
    everyone = list(range(len(scored.candidates)))
    counted_before = frozenset(everyone) - set(below_told_toll(scored, articles, briefly, everyone))
    # Under the turn or the decision the Briefly leads with, what was undecided days
    # before it ("Faure says his party had not made up its mind", "whose 69 deputies
    # could tip the balance") is neither a voice nor a note: the vote has decided it.
    # (What was pending, "is expected to ...", only under a turn the stages read: a lead
    # that merely says "approved" may tell another step than the one pending.)
    turned = bool(briefly) and scored.candidates[briefly[0]].doc in turn
    decided = turned or (
        bool(briefly) and bool(_DECIDED.search(scored.candidates[briefly[0]].text))
    )
    undecided = frozenset(
        i
        for i in everyone
        if decided
        and (
            _UNDECIDED.search(scored.candidates[i].text)
            or (turned and _PENDING.search(scored.candidates[i].text))
        )
        and (written_on(briefly[0]) - written_on(i)).days >= _STALE_STATE_DAYS
    )
    # Under a deal the lead tells, the talks' state before it ("We are still far apart",
    # "There is no deal in sight", "urged partners to close the deal") told before it is
    # history: the voices and notes are the deal's.
    dealt = bool(briefly) and (turned or _tells_deal_done(scored.candidates[briefly[0]].text))
    undecided |= frozenset(
        i for i in everyone if dealt and _talks_before(articles, scored, i, briefly[0])
    )
    perspectives = _select_perspectives(
        scored,
        briefly,
        story,
        options.max_perspectives,
        superseded | counted_before | undecided,
        newest_words=dealt,
    )
    used |= {index for index, _ in perspectives}
    claims = [set(content_words(p.says)) for _, p in perspectives]
    notes = _select_notes(scored, used, claims, options.max_notes, superseded | undecided, headline)
    notes = below_told_toll(scored, articles, briefly, notes)
    conflicts = figure_conflicts(scored, briefly, notes, [a.outlet for a in articles])
    notes = [i for i in notes if i not in conflicts.drop]
    used |= set(notes)

    sourced = [_sourced_by(a.title) for a in articles]

    def sentence(index: int) -> Sentence:
        candidate = scored.candidates[index]
        article = articles[candidate.doc]
        text = end_sentence(annotate_dates(candidate.text, article.written, article.utc_offset))
        text = spelled_out_titles(text)
        if sourced[candidate.doc] and candidate.position < LEDE_POSITIONS:
            text = _attributed(text, sourced[candidate.doc])
        return Sentence(text, article.url)

    printed = [sentence(i) for i in (*briefly, *notes)]
    stale = (
        tuple(
            f"future tense about a day already past ({past.day} {MONTHS[past.month - 1]}, "
            f"before the issue date): “{s.text}”; check it still reads right."
            for s in printed
            if (past := stale_day(s.text, issue_date)) is not None
        )
        if issue_date is not None
        else ()
    )
    cases = word_cases if word_cases is not None else cases_of(texts)
    voices = tuple(
        replace(p, says=_claim_in_case(p.says, cases))
        for p in (_dated_perspective(p, story) for _, p in perspectives)
    )
    one_spelling = _one_spelling(
        [headline, *(s.text for s in printed), *(f"{p.who} {p.says}" for p in voices)]
    )

    def spell(text: str) -> str:
        return pair_quotes(one_spelling(text))

    printed = [replace(s, text=spell(s.text)) for s in printed]
    voices = tuple(replace(p, who=spell(p.who), says=spell(p.says)) for p in voices)
    printed, voices = _names_introduced(
        spell(headline), printed, len(briefly), voices, texts, known_names
    )
    return StorySummary(
        story_id=story.id,
        headline=spell(headline),
        briefly=tuple(printed[: len(briefly)]),
        perspectives=voices,
        also_worth_noting=tuple(printed[len(briefly) :]),
        sources=_sources(story),
        take="",
        take_origin=TakeOrigin.MISSING,
        status=story.status,
        sent_on=story.sent_on,
        flags=conflicts.flags + stale + _weak_lead(scored, briefly),
        take_starters=tuple(
            sentence(i) for i in _take_starters(scored, used, options.max_take_starters)
        ),
    )


def _quoted_elsewhere(scored: ScoredSentences) -> frozenset[int]:
    """The candidates, outside quotation marks themselves, whose words are inside a
    quotation of the story's articles: "Greenland is open for business, but Greenland
    is not for sale." under a report's “Greenland is open for business, but Greenland is
    not for sale, and now we have the law to prove it,” he told reporters."""
    quoted = [
        lower_words(m.group(1))
        for document in scored.documents
        for sentence in document
        # Straight marks pair for sure only when a sentence has two of them.
        for m in (
            _CURLY.finditer(sentence) if sentence.count('"') != 2 else _STRAIGHT.finditer(sentence)
        )
    ]
    if not quoted:
        return frozenset()
    found = set()
    for index, candidate in enumerate(scored.candidates):
        if "“" in candidate.text or '"' in candidate.text:
            continue
        words = lower_words(candidate.text)
        said = f" {' '.join(words)} "
        # A pull quote is an excerpt of a longer quotation: a report's whole sentence
        # that a statement quotes back ("Rescue operations are continuing ...") is the
        # report's own.
        if len(words) >= _QUOTED_WORDS and any(
            len(q) >= len(words) + _EXCERPT_SHORTER and said in f" {' '.join(q)} " for q in quoted
        ):
            found.add(index)
    return frozenset(found)


_CURLY = re.compile(r"“([^”]{20,})”")
_STRAIGHT = re.compile(r'"([^"]{20,})"')
_QUOTED_WORDS = 6  # shorter runs ("the people have spoken") are everyone's words
_EXCERPT_SHORTER = 3


# The newest toll's lede scores above the best: its report's best lede.
_NEWEST_TOLL_LIFT = 0.05


def _briefly_of_now(
    scored: ScoredSentences,
    budget: int,
    lead_docs: frozenset[int],
    stale: Callable[[int], date | None],
    written_on: Callable[[int], date],
    superseded: frozenset[int] = frozenset(),
) -> tuple[ScoredSentences, list[int]]:
    """The Briefly, without a sentence that tells in the future tense of a day before
    the issue ("will use Article 49.3 on Tuesday (17 November)" in an issue of the 23rd)
    when the articles offer another: each such sentence chosen is ranked last and the
    choice made again. A new lead must come from a report written on or after that day:
    one written before it tells no more of the day, and is often background ("On Oct. 3,
    1995, a jury acquitted ..." for a parole hearing); then the first choice stays, and
    is flagged for the editors. A sentence in ``superseded`` (a death toll a later report
    raised) is left out unless it is the whole Briefly, and so is one that tells again
    what a sentence before it told (:func:`_says_again`). Nor does a sentence telling
    of a year before its report's follow the lead ("Nearly 9,000 people were killed
    when two earthquakes struck Nepal in 2015"): it is background. Returns the scores
    so ranked, for the rest."""
    history = frozenset(
        i
        for i, candidate in enumerate(scored.candidates)
        if _tells_history(candidate.text, written_on(i).year)
    )
    briefly = select_briefly(scored, budget, lead_docs, history)
    for _ in range(_STALE_RETRIES):
        past = {i: day for i in briefly if (day := stale(i)) is not None}
        if not past:
            break
        scores = scored.scores.copy()
        scores[list(past)] = float(scores.min()) - 1.0
        demoted = replace(scored, scores=scores)
        again = select_briefly(demoted, budget, lead_docs, history)
        if not again:
            break
        day = past.get(briefly[0]) or max(past.values())
        if again[0] != briefly[0] and written_on(again[0]) < day:
            break
        scored, briefly = demoted, again
    # A count a later report raised is no part of the Briefly beside another sentence,
    # nor is a sentence that tells again, in other words, what one before it told.
    briefly = [i for i in briefly if i not in superseded] or briefly
    # Nor, beside the lead, one that counts the missing, injured, affected or displaced
    # as another sentence written on a later day does, in whatever words ("nine people
    # are missing" on Monday under Friday's "more than a dozen still missing").
    briefly = [
        i
        for place, i in enumerate(briefly)
        if not place
        or not any(
            written_on(j) > written_on(i)
            and counts_again(scored.candidates[i].text, scored.candidates[j].text)
            for j in briefly
        )
    ]
    told: list[int] = []
    for index in briefly:
        if not _says_again(scored, index, told):
            told.append(index)
    return scored, told


# A state told as holding when it was written, and how many days older than the lead's
# report it must be to have moved on.
_STILL = re.compile(
    # "remains raised", "is still closed": a state of alert, a road, a border; not "the
    # remains of the captain" nor "human remains".
    r"\b(?:remains?|(?:is|are)\s+still|stays?)\s+(?:raised|hoisted|closed|open|shut|cut|"
    r"blocked|suspended|in\s+(?:place|force|effect)|on\s+(?:alert|high\s+alert)|under\s+water)\b"
)
_STALE_STATE_DAYS = 2
# A forecast of a vote's outcome: "the outcome would depend on how many defectors ...",
# a count "enough to carry the motion if all of them turn up".
_FORECAST = re.compile(
    r"\b(?:outcome|result)\s+(?:of\s+(?:the\s+)?(?:\w+\s+){0,3}?)?(?:(?:would|will|could|might|"
    r"may)\s+)?(?:depends?|depend)\s+on\b"
    r"|\benough\s+(?:votes\s+)?to\s+(?:carry|pass|defeat|topple|oust|block|sink|win)\s+"
    r"(?:\w+\s+){0,3}?(?:motion|bill|vote|amendment|law|budget|government)\b[^.]*?\bif\b",
    re.IGNORECASE,
)
# Who had not decided before a vote, and who would ("The fate of the government rests
# with the Socialist Party, whose 69 deputies could tip the balance"), and forecasts.
_UNDECIDED = re.compile(
    r"\b(?:(?:not|never)\s+(?:yet\s+)?made\s+up\s+(?:its|their|his|her)\s+minds?|undecided|"
    r"(?:has|have)\s+yet\s+to\s+decide|(?:could|would|might|may)\s+(?:tip|swing)\s+the\s+"
    r"(?:balance|vote|outcome)|(?:would|will)\s+decide|(?:fate|outcome)\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}?(?:rests?|hangs?|depends?)\s+(?:with|on)|kingmakers?)\b"
    + f"|{_FORECAST.pattern}",
    re.IGNORECASE,
)
# A lead telling a decision taken: a vote won or lost, a bill passed, a motion defeated.
_DECIDED = re.compile(
    r"\b(?:survived|survives|passed|adopted|approved|rejected|defeated|toppled|ousted|"
    r"(?:won|lost)\s+(?:a|the|its|his|her|their)\s+(?:\w+\s+){0,2}votes?)\b"
)
# A lead telling a deal done, and the talks' state before one.
_DEAL_DONE = re.compile(
    r"\b(?:agreed|signed|sealed|clinched|struck|reached|concluded|inked|lifted|dropped)\b"
    r"(?:\s+(?!against\b|petition|letter|to\b|talk|negotiat|keep\b)[\w’'-]+){0,8}?\s+"
    r"(?:deal|agreement|accord|pact|"
    r"treaty|protocol|guarantees?|"
    r"compromise|veto)\b|\b(?:deal|agreement|accord)\s+(?:was|has\s+been)\s+"
    r"(?:reached|signed|agreed|sealed|struck)\b",
    re.IGNORECASE,
)
# A deal not done: "without having reached a deal", "have not yet signed the accord",
# "signed a petition against the agreement".
_DEAL_NOT_DONE = re.compile(
    r"\b(?:without|not|never|no|neither|nor|yet\s+to|failed\s+to|fail\s+to|against|hopes?|"
    r"hoped|expects?|expected|aims?|seeks?|plans?|wants?)\b(?:\s+[\w’'-]+){0,3}\s*$",
    re.IGNORECASE,
)


def _talks_before(
    articles: Sequence[Article], scored: ScoredSentences, index: int, lead: int
) -> bool:
    """Whether candidate ``index`` tells the talks' state (``_NOT_YET``) in a report
    written before the lead's: by the hour, as a state told on the morning of a deal
    signed that evening is before it."""
    written = [articles[scored.candidates[i].doc].written for i in (index, lead)]
    return bool(_NOT_YET.search(scored.candidates[index].text)) and written[0] < written[1]


def _tells_deal_done(text: str) -> bool:
    """Whether ``text`` tells a deal done (``_DEAL_DONE``), not one missed or ahead."""
    return any(
        not _DEAL_NOT_DONE.search(text, 0, found.start())
        and not re.search(
            r"\b(?:without|no)\s+(?:an?\s+)?(?:deal|agreement|accord)\b", text[found.start() :]
        )
        for found in _DEAL_DONE.finditer(text)
    )


_NOT_YET = re.compile(
    r"\b(?:(?:still|remain|remained|remains|are|were|is|was)\s+(?:\w+\s+)?(?:far|some\s+"
    r"distance|a\s+long\s+way)\s+apart|no\s+(?:deal|agreement|accord|breakthrough)\s+"
    r"(?:is\s+|was\s+)?(?:yet\s+|in\s+sight)|not\s+there\s+yet|(?:talks|negotiations)\s+"
    r"(?:have\s+|had\s+)?(?:stalled|stall|collapsed|broke\s+down)|deadlock(?:ed)?|"
    r"(?:urged|urges|pressed|presses|called\s+on|calls\s+on)\s+(?:\w+\s+){1,3}?to\s+"
    r"(?:close|clinch|seal|finish|conclude|reach|strike)\s+(?:the|a|an)\s+(?:deal|agreement|"
    r"accord)|working\s+(?:day\s+and\s+night|around\s+the\s+clock)|before\s+(?:a|any)\s+"
    r"(?:deal|agreement)\s+(?:is|can\s+be)\b"
    # The signing still ahead: "the accord that Jordan, Egypt and Syria are expected to
    # sign in Aqaba on Saturday".
    r"|(?:is|are|was|were)\s+(?:expected|due|set|scheduled|poised)\s+to\s+(?:sign|seal|clinch|"
    r"conclude|finalise|finalize)\b"
    # Talks told as still going: "the talks were “constructive and continuing”", "the
    # remaining points are technical".
    r"|(?:talks|negotiations)\s+(?:were|are|remain|remained)\s+[“\"]?(?:\w+\s+){0,2}?"
    r"(?:constructive|continuing|ongoing|under\s+way|progressing)"
    r"|(?:remaining|outstanding)\s+(?:points|issues|differences|gaps)\s+(?:are|were)\b"
    # A side's objection in the talks: "a transit fee of 11 cents, which the Syrian
    # delegation considers too high".
    r"|\bconsiders?\s+(?:\w+\s+){0,2}?too\s+(?:high|low|much|little)\b)",
    re.IGNORECASE,
)
_PENDING = re.compile(
    r"\b(?:is|are)\s+(?:still\s+)?(?:seeking|pushing\s+for|calling\s+for|demanding|"
    r"threatening|planning|preparing|expected\s+to|set\s+to|due\s+to|scheduled\s+to)\b"
)


def _tells_history(text: str, year: int) -> bool:
    """Whether ``text`` tells of a year before ``year`` ("in 2015", "The 2015 Gorkha
    earthquake killed ...") and of no day of its own week (:func:`names_a_day`)."""
    years = [int(y) for found in _IN_A_YEAR.findall(text) for y in found if y]
    return any(y < year for y in years) and not names_a_day(text)


# "in 2015", "in June 2025", "on September 9, 2025", "mid-2015": a year, not a count,
# nor a comparison of this week's news ("higher than in the 2021 election", "the first
# since 2015").
_IN_A_YEAR = re.compile(
    # "The 2015 Gorkha earthquake" opening the sentence: its subject is history; "the 2015
    # nuclear deal" after a verb may be this week's news of it.
    r"(?<!\bthan )(?<!\bthan in )(?:^The|\b(?:[Ii]n|of|from|during|until|early|late|"
    rf"(?:{'|'.join(MONTHS)})(?:\s+\d{{1,2}},)?))\s+((?:19|20)\d\d)\b"
    r"(?!\s*(?:people|of|per|[a-z]+s\b))|\bmid-((?:19|20)\d\d)\b"
)


def _headline(
    story: Story,
    scored: ScoredSentences,
    briefly: list[int],
    cases: WordCases | None,
    *,
    staged: bool = False,
) -> str:
    """The story's headline, made with the Briefly's lead (:func:`make_headline`);
    ``staged``: the lead tells the story's latest turn."""
    lead = scored.candidates[briefly[0]].text if briefly else ""
    lead_article = scored.candidates[briefly[0]].doc if briefly else None
    # The Briefly's toll: not a year's ("In 2018 a quake killed 4,300") nor a war's, nor
    # a reaction's after the lead ("Egypt condemned the attack, which killed 47").
    told = " ".join(
        text
        for place, i in enumerate(briefly)
        if not other_count(text := scored.candidates[i].text) and not (place and is_reaction(text))
    )
    headline = make_headline(
        story, lead, lead_article=lead_article, cases=cases, told=told, staged=staged
    )
    return placed_headline(headline, lead, [a.text for a in story.articles])


def _names_introduced(
    headline: str,
    printed: list[Sentence],
    briefly: int,
    voices: tuple[Perspective, ...],
    texts: list[str],
    known_names: frozenset[str],
) -> tuple[list[Sentence], tuple[Perspective, ...]]:
    """The Briefly, the voices' claims and the notes with each person's first mention in
    full (``digest.naming.introduce_names``), in the order the email prints them: the
    headline, the Briefly, who says what, the notes; and a later mention in the same
    part by the surname (``digest.naming.name_once``). A speaker is named by
    ``name_in_full`` already; one the reader has just met with the same role ("Ana
    Navarro, a CNN contributor" in the Briefly) is named without it."""
    voices = _roles_once(" ".join([headline, *(s.text for s in printed[:briefly])]), voices)
    # A claim is read after its speaker's "says": its first word opens no sentence.
    says = "They say "
    reading = [
        *(s.text for s in printed[:briefly]),
        *(part for p in voices for part in (p.who, says + p.says)),
        *(s.text for s in printed[briefly:]),
    ]
    speakers = frozenset(briefly + 2 * n for n in range(len(voices)))
    context = tuple(sentence for text in texts for sentence in split_sentences(text))
    named = iter(
        introduce_names(reading, context, known=known_names, shown=headline, read_only=speakers)
    )
    told = [next(named) for _ in printed[:briefly]]
    heard = [next(named) for _ in range(2 * len(voices))]
    noted = [next(named) for _ in printed[briefly:]]
    # Named once each, within a part: the layout cuts voices and notes from the end to
    # fit the email, and a model may rewrite the Briefly, so a first mention in another
    # part may not be printed.
    told = name_once(told, context)
    heard = name_once(heard, context, read_only=frozenset(range(0, len(heard), 2)))
    noted = name_once(noted, context)
    sentences = [replace(s, text=text) for s, text in zip(printed, [*told, *noted], strict=True)]
    claims = tuple(
        replace(voice, says=claim.removeprefix(says))
        for voice, claim in zip(voices, heard[1::2], strict=True)
    )
    return sentences, claims


# A speaker's role is told already when most of its content words are in what the
# reader read before the voice (a judgement: "a CNN contributor" twice is a repeat,
# "Archaeologist Giles Hamm" does not tell "a consultant archaeologist and doctoral
# student at La Trobe University").
_ROLE_TOLD = 0.75


def _roles_once(before: str, voices: tuple[Perspective, ...]) -> tuple[Perspective, ...]:
    """``voices`` with a speaker's role left out where ``before`` and the voices ahead of
    it told it with the name already."""
    out = []
    for voice in voices:
        name, comma, role = voice.who.partition(", ")
        role_words = set(content_words(role))
        told = set(content_words(before))
        if (
            comma
            and " " in name
            and re.search(rf"\b{re.escape(name)}\b", before)
            and role_words
            and len(role_words & told) >= _ROLE_TOLD * len(role_words)
        ):
            voice = replace(voice, who=name)
        out.append(voice)
        before = f"{before} {voice.who} {voice.says}"
    return tuple(out)


def _one_spelling(texts: list[str]) -> Callable[[str], str]:
    """A function that writes each name the way ``texts`` write it with its accents: two
    outlets in one story print "Orbán" and "Orban", and the reader should see one
    name. Only capitalised words that differ by accents alone are touched, and a first
    name only before the surname it was accented before: "António Guterres" leaves
    "Antonio Tajani" as he is."""
    accented: dict[str, str] = {}
    before: dict[str, set[str]] = {}  # the capitalised word after each accented one
    for text in texts:
        for match in _LETTERS.finditer(text):
            word = match.group(0)
            plain = fold_accents(word)
            if plain != word and word[0].isupper():
                accented.setdefault(plain, word)
                before.setdefault(plain, set()).add(_next_name(text, match.end()))
    if not accented:
        return lambda text: text

    def spelt(match: re.Match[str]) -> str:
        word = match.group(0)
        if word not in accented:
            return word
        # A word before a capitalised one may be a first name: only before the same.
        following = _next_name(match.string, match.end())
        return accented[word] if not following or following in before[word] else word

    return lambda text: _LETTERS.sub(spelt, text)


def _next_name(text: str, end: int) -> str:
    """The capitalised word right after ``end`` in ``text`` (accents folded), or ""."""
    following = _NEXT_WORD.match(text, end)
    return fold_accents(following.group(1)) if following and following.group(1)[0].isupper() else ""


_NEXT_WORD = re.compile(r" ([^\W\d_][^\W_]*)")


def _sourced_by(title: str) -> str:
    """Who a title says its claim comes from ("sources", "Israeli officials", "a
    report"), or "" when it makes the claim itself."""
    match = _SOURCED_TITLE.search(title)
    if match is None:
        return ""
    *qualifier, noun = match["who"].split()
    noun = noun.lower()
    if noun == "report" and not qualifier:
        return "a report"
    if qualifier and qualifier[0].lower() in {"a", "the"}:
        qualifier = [qualifier[0].lower()]
    return " ".join([*qualifier, noun])


def _attributed(text: str, who: str) -> str:
    """``text`` with "according to ``who``" before its full stop, unless it already
    says whose word it is (or ends in a quotation, where the addition would not read)."""
    if _OWN_ATTRIBUTION.search(text) or not text.endswith(".") or text.endswith(".."):
        return text
    return f"{text[:-1]}, according to {who}."


def _weak_lead(scored: ScoredSentences, briefly: list[int]) -> tuple[str, ...]:
    """A flag when the Briefly opens on a sentence that no Briefly should: one that leans
    on a sentence the reader will not see, or someone's words (a quote, first person)
    rather than a report. Only a story with nothing better gets one (a one-outlet
    teaser), and it is still printed (a standing topic's story is never lost for want of
    a sentence), so the editors are told."""
    if not briefly:
        return ()
    lead = scored.candidates[briefly[0]]
    if leans_on(scored, briefly[0]):
        what = "leans on what the reader has not seen"
    elif in_speakers_words(lead.text) or lead.voiced:
        what = (
            "is someone's words, not a report (a quote, first person, or claims in the "
            "writer's voice)"
        )
    else:
        return ()
    return (
        f"Briefly {what}: “{lead.text}”; no sentence of the story does better: write the "
        "Briefly in the editorial file or the preview, or drop the story.",
    )


def _select_notes(
    scored: ScoredSentences,
    used: set[int],
    claims: list[set[str]],
    limit: int,
    superseded: frozenset[int] = frozenset(),
    headline: str = "",
) -> list[int]:
    """Background sentences: no lede, no statement, nothing shown above, no count a
    later report updated, best first. The ``headline``'s figures are shown above too:
    a note giving them ("Stalin wrote to Modi seeking ₹2,500 crore" under "... Stalin
    seeks ₹2,500 crore") is the week's news again."""
    shown = list(used)
    shown_numbers = {n for i in used for n in _NUMBER.findall(scored.candidates[i].text)}
    # (A figure, not a name's or a year's: "G20", "Covid-19", "Budget 2026".)
    shown_numbers |= {n for n in _HEADLINE_FIGURE.findall(headline) if not _YEAR_ALONE.fullmatch(n)}
    ranked = sorted(
        (
            i
            for i, c in enumerate(scored.candidates)
            if i not in used
            and i not in superseded
            and c.doc not in scored.statements
            and _is_note(c.text, c.position)
            and _stands_as_note(scored, i, used)
        ),
        key=lambda i: (
            not _marked(scored.candidates[i].text),
            -(
                scored.scores[i]
                * (1.5 if _BACKGROUND.search(scored.candidates[i].text) else 1.0)
                * (1.2 if _FACT.search(scored.candidates[i].text) else 1.0)
            ),
        ),
    )
    notes: list[int] = []
    for i in ranked:
        if len(notes) >= limit:
            break
        # Background has a mark of it; after the lede, a sentence without one mostly
        # goes on telling the event ("Four people were taken to hospital"). A story with
        # no marked sentence may still print one such note (marked ones rank first).
        if notes and not _marked(scored.candidates[i].text):
            break
        if not is_briefly_candidate(scored.candidates[i]):
            continue
        if any(is_redundant(scored, i, j) for j in shown):
            continue
        # Nor what a perspective already says, reported by another outlet.
        bag = scored.bags[i]
        if any(
            bag and c and len(bag & c) / min(len(bag), len(c)) >= _SAME_AS_CLAIM for c in claims
        ):
            continue
        # A note whose figures were all printed already repeats a fact in other words.
        numbers = set(_NUMBER.findall(scored.candidates[i].text))
        if numbers and numbers <= shown_numbers:
            continue
        if _says_again(scored, i, shown):
            continue
        shown_numbers |= numbers
        notes.append(i)
        shown.append(i)
    return notes


def _stands_as_note(scored: ScoredSentences, index: int, used: set[int]) -> bool:
    """Whether candidate ``index`` reads on its own under the story: it leans on nothing,
    or only on a person's surname that the Briefly or a voice above named in full."""
    needed = leans_on(scored, index)
    if not needed:
        return True
    surname = unintroduced_surname(scored.candidates[index].text, scored.documents, scored.titles)
    return needed == surname and any(surname in scored.bags[i] for i in used)


def _shares(one: frozenset[str], two: set[str]) -> float:
    return len(one & two) / min(len(one), len(two)) if one and two else 0.0


def _is_note(text: str, position: int) -> bool:
    return (
        position >= LEDE_POSITIONS
        and not needs_antecedent(text)
        and not _EARLY_PRONOUN.match(text)
        and not _REPORTED.search(text)
        # Background is what has been: what will be is the week's news or a plan a
        # week may overtake ("BP's shareholders will vote on the matter on April 16"
        # under the report of that vote), and what should be is the writer's view.
        and not _AHEAD.search(text)
        and not _PRESCRIBED.search(text)
        # A sentence told on a day of the event's week is the event or its aftermath,
        # not background: "was found dead around 5 p.m. Monday", "On Friday, the
        # Russian government called on ...", "as soon as this week".
        and not names_a_day(text)
        # The week's own counts of the missing, hurt or displaced ("More than 22,000
        # people have been displaced", "40 people were injured") are its news; another
        # time's ("missing from the civil war of the 1990s") are background.
        and not (people_counted(text, vague=True) and not _ANOTHER_TIME.search(text))
    )


# A count of another time: a year, a decade, a war, "since", "ago", "last year".
_ANOTHER_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|(?:19|20)?\d0s|ago|last\s+year|(?:civil|drug|world|cold)\s+wars?)\b",
    re.IGNORECASE,
)


def _marked(text: str) -> bool:
    """Whether ``text`` has a mark of background: a figure, a date, a history ("since",
    "former", "first", "ago", "for decades", ...)."""
    return bool(_BACKGROUND.search(text) or _FACT.search(text))


def _select_perspectives(
    scored: ScoredSentences,
    briefly: list[int],
    story: Story,
    limit: int,
    superseded: frozenset[int] = frozenset(),
    *,
    newest_words: bool = False,
) -> list[tuple[int, Perspective]]:
    """Perspectives among the sentences not in Briefly nor repeating it, nor giving a
    count a later report updated ("the agency says nine people are missing" on Monday,
    14 on Friday); candidate indices."""
    published = [a.published for a in story.articles]

    def when(i: int) -> datetime:
        return published[scored.candidates[i].doc]

    # Nor a count of the missing, injured, affected or displaced that the Briefly, from
    # a later report, gives in other figures or words.
    def recounted(i: int) -> bool:
        text = scored.candidates[i].text
        return any(
            when(j) > when(i) and counts_again(text, scored.candidates[j].text) for j in briefly
        )

    order = [
        int(i)
        for i in np.argsort(-scored.scores, kind="stable")
        if int(i) not in briefly
        and int(i) not in superseded
        and not any(is_redundant(scored, int(i), j) for j in briefly)
        and not recounted(int(i))
        # A page's line with no stop is a heading ("Army says it repelled attack on
        # eastern front", a live page's entry), not a statement to quote.
        and not scored.candidates[int(i)].unended
    ]
    sentences = [(scored.candidates[i].text, scored.candidates[i].doc) for i in order]
    articles = [(a.url, a.outlet) for a in story.articles]
    known = scored.titles.union(*(scored.bags[i] for i in briefly))
    found = find_perspectives(
        sentences,
        articles,
        limit=limit,
        documents=scored.documents,
        known=known,
        unjoinable=frozenset(scored.candidates[i].text for i in superseded),
        # Under a deal the lead tells, each speaker's words after it first.
        written=[a.written for a in story.articles] if newest_words else (),
    )
    return [(order[position], perspective) for position, perspective in found]


# A claim's first word, capitalised because it opened the outlet's sentence ("Thick gray
# ash fell ..., said Rina Sitompul"): after "says" it is mid-sentence.
_CLAIM_OPENING = re.compile(r"([A-Z][a-z]+)\b(?![’'.\-])(?!\s+[A-Z])")


def _claim_in_case(says: str, cases: WordCases) -> str:
    """``says`` with its first word in lower case, unless the articles write that word
    with a capital inside a sentence (a name keeps its own: "Mark Kelly will run") and
    it is no function word or number ("says the ministry ...", "says nine people are
    missing", whatever "The Times" elsewhere), or it is the first of two capitalised
    words ("Bill Gates will give"). A word the week never writes mid-sentence is read
    as a word, not a name: a name is seldom met only at a sentence's start."""
    opening = _CLAIM_OPENING.match(says)
    if opening is None:
        return says
    word = opening.group(1)
    plain = word.lower() in NUMBER_WORDS or not content_words(word)
    if (word in cases.capitalised or len(word) <= _SHORT_NAME) and not plain:
        return says  # and "Xi", "Li", "Wu": a word of two letters is a name
    return word.lower() + says[opening.end() :]


_SHORT_NAME = 2


# Two sentences whose sentence vectors are this close tell one fact in other words
# ("Zambia, a copper-rich nation ..., has long been considered one of southern Africa's
# most stable democracies" and "Zambia, Africa's second-largest copper producer, has
# been seen as one of the continent's most stable democracies ...": 0.84). Read on
# Multi-News dev (30 events, pairs of sentences from different articles): every pair
# from 0.78 up tells one fact twice; from 0.72 to 0.77 some tell two related facts
# ("Caballero's girlfriend was arrested" beside "Cary lives with Caballero").
_SAME_MEANING = 0.8


def _deaths_denied(scored: ScoredSentences, articles: Sequence[Article]) -> frozenset[int]:
    """The sentences saying no one died ("... said there were no immediate reports of
    deaths") in a story a later report's title counts dead in ("One Dead, 46 Homes
    Damaged After Nicoya Quake"): overtaken, as a raised toll is."""
    told = [a.published for a in articles if tells_deaths(a.title)]
    if not told:
        return frozenset()
    return frozenset(
        i
        for i, candidate in enumerate(scored.candidates)
        if denies_deaths(candidate.text) and articles[candidate.doc].published < max(told)
    )


def _says_again(scored: ScoredSentences, index: int, shown: list[int]) -> bool:
    """Whether the candidate at ``index`` tells what a sentence in ``shown`` told, in
    other words (False without the sentence encoder)."""
    if not shown:
        return False
    # The same figure and the same event ("a magnitude 6.7 earthquake struck ...",
    # "... after a magnitude 6.7 earthquake struck off the Kaikoura coast"): the event
    # told again, whatever else is added.
    figures = _event_figures(scored.candidates[index].text)
    if figures and scored.events:
        for other in shown:
            if figures & _event_figures(scored.candidates[other].text) and (
                scored.events[index] & scored.events[other]
            ):
                return True
    # The same dead, in figures or words ("Seven soldiers were killed and 15 wounded when
    # ...", "Seven Colombian soldiers were killed and fifteen wounded in an assault ..."):
    # the attack told again.
    text = scored.candidates[index].text
    dead = 0 if _SEPARATE.match(text) else dead_counted(text, exact=True)
    if dead and any(
        dead_counted(told := scored.candidates[other].text, exact=True) == dead
        and (not scored.events or scored.events[index] & scored.events[other])
        # Of the same people too (the same wounded, or words): not "Three Israeli soldiers
        # were killed ..." after "Three people were killed in strikes on Gaza".
        and (
            _same_hurt(text, told)
            or len(_shared_words(text, told) - scored.titles - _COUNTING) >= _SAME_DAY_WORDS
        )
        for other in shown
    ):
        return True
    # The same day ahead and what happens on it ("The final decision is expected at the
    # European Council on December 17-18." and "Leaders ... will meet in Brussels on 17
    # and 18 December to take the final decision.").
    days = _days_named(text)
    # (Words of the titles are the story's, which any two of its sentences share: "the
    # bill" of a vote and of a strike called for the same day.)
    if days and any(
        days & _days_named(told := scored.candidates[i].text)
        and len((_plain_words(text) & _plain_words(told)) - scored.titles) >= _SAME_DAY_WORDS
        for i in shown
    ):
        return True
    # The same weekday and the same figure ("The Dewan Rakyat on Thursday passed an
    # amendment limiting a prime minister's time in office to 10 years", "Malaysia's
    # lower house on Thursday voted to cap a prime minister's time in office at 10
    # years"): the day's deed told again.
    weekdays, numbers = _weekdays_named(text), _figures(text)
    if (
        weekdays
        and numbers
        and any(
            weekdays & _weekdays_named(told := scored.candidates[i].text)
            and numbers & _figures(told)
            and len(_shared_words(text, told) - scored.titles - _COUNTING) >= _SAME_DEED_WORDS
            for i in shown
        )
    ):
        return True
    vectors = sentence_vectors([scored.candidates[i].text for i in (index, *shown)])
    if vectors is None:
        return False
    return bool((vectors[1:] @ vectors[0] >= _SAME_MEANING).any())


# Another incident, as a report tells it: "Separately, ...", "In a separate incident, ...".
_SEPARATE = re.compile(
    r"^(?:Separately|Elsewhere|Meanwhile|In\s+(?:a\s+)?(?:separate|another|an\s+unrelated)\s+\w+)\b"
)


def _same_hurt(text: str, other: str) -> bool:
    """Whether both sentences count the same injured (in figures or words)."""
    hurt = people_counted(text).get("injured")
    return bool(hurt) and hurt == people_counted(other).get("injured")


def _shared_words(text: str, other: str) -> set[str]:
    """The plain words two sentences share, but the days of the week."""
    return (_plain_words(text) & _plain_words(other)) - _WEEKDAY_WORDS


def _weekdays_named(text: str) -> set[str]:
    return {w.lower() for w in _WEEKDAY_NAMED.findall(text)}


def _figures(text: str) -> set[str]:
    """The figures of ``text`` but years."""
    return {n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n)}


def _days_named(text: str) -> set[tuple[int, int]]:
    """The (month, day) pairs ``text`` names: "December 17-18", "17 and 18 December"."""
    found = set()
    for match in _DAYS_OF_A_MONTH.finditer(text):
        month = month_number(match["m1"] or match["m2"])
        for day in (match["a1"] or match["a2"], match["b1"] or match["b2"]):
            if day and month:
                found.add((month, int(day)))
    return found


def _plain_words(text: str) -> set[str]:
    return {w for w in content_words(text) if not w.isdigit() and not month_number(w)}


_SPAN_JOIN = r"\s*(?:-|–|and|to)\s*"
_DAYS_OF_A_MONTH = re.compile(
    rf"\b(?P<m1>{MONTH_PATTERN})\s+(?P<a1>\d{{1,2}})(?:{_SPAN_JOIN}(?P<b1>\d{{1,2}}))?\b"
    rf"|\b(?P<a2>\d{{1,2}})(?:{_SPAN_JOIN}(?P<b2>\d{{1,2}}))?\s+(?P<m2>{MONTH_PATTERN})\b"
)
# Words two sentences naming the same day share, besides the day, to tell one thing.
_SAME_DAY_WORDS = 2
_WEEKDAY_NAMED = re.compile(rf"\b({WEEKDAY_PATTERN})\b")
_WEEKDAY_WORDS = frozenset(content_words(" ".join(WEEKDAYS)))
# What counts and what is counted: no sign of one deed ("killed", "percent", "votes").
_COUNTING = frozenset(
    content_words(
        "killed dead died deaths wounded injured people percent per cent year years vote "
        "votes seat seats million billion one two three four five six seven eight nine ten "
        "eleven twelve dozen dozens hundreds thousands"
    )
)
# Words besides the weekday, the figure and what is counted that tell one deed again
# ("prime", "minister", "time", "office").
_SAME_DEED_WORDS = 3


def _event_figures(text: str) -> set[str]:
    """The figures of ``text`` that tell an event apart: a decimal ("magnitude 6.7") or
    three digits or more ("1,124", "102 votes"); not a year, nor a day of a month. Two
    digits are everyone's ("25 basis points", "12 December")."""
    found = set()
    for match in _NUMBER.finditer(text):
        figure = match.group(0)
        digits = figure.replace(",", "").replace(".", "")
        if _YEAR.fullmatch(figure) or not ("." in figure or len(digits) >= _FIGURE_DIGITS):
            continue
        around = text[max(0, match.start() - 12) : match.end() + 12]
        if _DAY_OF_MONTH.search(around):
            continue
        found.add(figure)
    return found


_FIGURE_DIGITS = 3
_YEAR = re.compile(r"(?:19|20)\d\d")
_DAY_OF_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")


def _day_of(article: Article) -> date:
    """The day ``article`` was written, on its outlet's clock."""
    return local_date(article.written, article.utc_offset)


def _page_read(article: Article) -> bool:
    """Whether the article has text of its own beyond its feed teaser."""
    text = " ".join(article.text.split())
    return bool(text) and text != " ".join(article.summary.split())


def _dated_perspective(perspective: Perspective, story: Story) -> Perspective:
    article = next((a for a in story.articles if a.url == perspective.source_url), None)
    if article is None:
        return perspective
    return Perspective(
        spelled_out_titles(perspective.who),
        spelled_out_titles(annotate_dates(perspective.says, article.written, article.utc_offset)),
        perspective.source_url,
        perspective.outlet,
        perspective.verb,
    )


def _take_starters(scored: ScoredSentences, used: set[int], limit: int) -> list[int]:
    """The sources' most central sentences that analyse rather than report."""
    ranked = [
        int(i)
        for i in np.argsort(-scored.scores, kind="stable")
        if int(i) not in used
        and _ANALYSIS.search(scored.candidates[int(i)].text)
        and not attribute_sentence(scored.candidates[int(i)].text)
        and 10 <= scored.candidates[int(i)].words <= 45
    ]
    return ranked[:limit]


_SAYS_OPINION = re.compile(r"(?:Opinion|Editorial|Comment|Analysis|Column)\b", re.IGNORECASE)


def _sources(story: Story) -> tuple[Source, ...]:
    """One per URL, by outlet then time; titles cleaned of datelines and labels, and
    left out when they are furniture whole (the outlet's name still links)."""
    seen: set[str] = set()
    sources = []
    outlets = {a.outlet for a in story.articles}
    copies = repeated_copies(tuple((a.outlet, a.text) for a in story.articles))
    copied_from = {
        article.url: story.articles[earlier].outlet
        for article, earlier in zip(story.articles, copies, strict=True)
        if earlier is not None
    }
    for article in sorted(story.articles, key=lambda a: (a.outlet.lower(), a.published)):
        if article.url in seen:
            continue
        seen.add(article.url)
        # In the headline's quotation marks: "he will 'seriously consider' a run" under
        # a headline that prints ‘seriously consider’ reads as two styles.
        title = from_capitals(curl_quotes(clean_title(article.title)), [article.text])
        if title and is_opinion(article) and not _SAYS_OPINION.match(title):
            # Cleaning takes "EDITORIAL:" off as a label; the reader should still see
            # that this link is the outlet's view, not its report. After the title: in
            # front, "Opinion:" is a label again (`digest check` flags it).
            title = f"{title} ({opinion_kind(article)})"
        # A copy of another source's report says whose it is.
        credited = republished_from(article.text)
        if (
            title
            and credited
            and any(same_outlet(credited, o) for o in outlets if o != article.outlet)
        ):
            title = f"{title} (from {credited})"
        elif title and article.url in copied_from:
            # Wire copy another outlet carried too: one report, as the count says.
            title = f"{title} (the same report as {copied_from[article.url]})"
        # Dated as the outlet dated it: its "on Tuesday" counts from that day.
        published = on_outlets_clock(article.published, article.utc_offset)
        sources.append(Source(article.outlet, title, article.url, published))
    return tuple(sources)
