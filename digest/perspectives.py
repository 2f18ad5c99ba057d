"""Perspectives: which statements an issue shows, one voice per speaker.

``summarize.py`` ranks the sentences; :func:`find_perspectives` attributes them
(``attribution.py``), names each speaker as the article does (``naming.py``), keeps
one statement per speaker spread over outlets and groups speakers who say the same
thing with the same stance into "Critics, like A and B" (or "Supporters, ..."). A
perspective is printed in the present tense ("X says ...", "Critics, like A and B,
say ...").

A bullet is read alone, so a pronoun opening its reported speech must be able to be the
speaker: "The company says he was an icon" and "Ms. Shourd says he ..." point at
someone the reader never met and are left out (``_pronoun_fits``); so is reported
speech that points back with a demonstrative ("... mystified by that conclusion", "...
will move on from this incident": which?). A quote keeps its demonstratives: they are
the speaker's own words ("this study" of the scientist who wrote it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from digest.antecedent import opens_on_an_ordinal, points_back, unintroduced_surname
from digest.attribution import Statement, attribute_sentence
from digest.models import Perspective
from digest.naming import is_person_word, name_in_full, speaker_kind, speaks
from digest.places import DEMONYMS, PLACES
from digest.softnews import dead_counted
from digest.speakers import is_group_label, is_plural_speaker, same_speaker, speaker_key
from digest.text import (
    MONTH_PATTERN,
    TITLE_WORDS,
    WEEKDAY_PATTERN,
    content_words,
    fold_accents,
    says_no_comment,
    word_count,
)

__all__ = ["find_perspectives"]

# Statements shorter than this are fragments (the same floor summarize.py uses for
# sentences); longer than _MAX_WORDS they are run-ons the splitter failed to cut.
_MIN_WORDS, _MAX_WORDS = 7, 70
# A quote of fewer words is a reaction ("I heard the screaming.", "You can go either
# way."), not a position a reader can weigh.
_MIN_QUOTE_WORDS = 8
_OPEN_QUOTE = re.compile(r"^[\"“‘']")
_CRITICAL = re.compile(
    r"\b(?:criticis|criticiz|condemn|denounc|slam|accus|oppos|reject|illegal|unlawful|"
    r"dangerous|reckless|mistake|wrong|threat|provocat|violat|unacceptable)\w*",
    re.IGNORECASE,
)
_SUPPORTIVE = re.compile(
    r"\b(?:welcom|prais|hail|back(?:ed|s)|support|applaud|endors|commend)\w*", re.IGNORECASE
)
# A pronoun opening reported speech: who it is must be the speaker (_pronoun_fits).
_SUBJECT_PRONOUN = re.compile(r"(he|she|it|his|her|its)\b", re.IGNORECASE)
# A person spoken of in reported speech: who it is must be someone the claim names.
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her|himself|herself)\b")
_LOCATIVE = frozenset({"in", "at", "near", "into", "across", "outside", "through"})
_PLACE_ENDINGS = frozenset(
    {"City", "County", "State", "Province", "Island", "Islands", "Republic", "Kingdom"}
)
# People whose words do not end like a role's: "the suspect", "the accused", "a
# 34-year-old".
_PERSON_EXTRA = re.compile(
    r"^(?:suspect|accused|coach|nurse|baby|deceased|inmate|deputy|pilot|nominee|candidate|"
    r"employee|veteran|plaintiff|defendant|victim|gunman|assailant|detainee|prisoner|"
    r"toddler|infant|man|woman|\d+-year-old)s?$"
)
# "it" that refers to nothing: "it was hard to ...", "it is likely that ...", "it would
# take ...".
_EXPLETIVE_IT = re.compile(
    r"it(?:['’]s\s+|\s+(?:is|was|would be|will be|could be|may be|might be|has been|had been|"
    r"seems|seemed|appears|appeared)\s+)(?:not\s+)?(?:\S+\s+){0,2}?(?:to|that|for|when|whether|what|"
    r"how|if|likely|unlikely|clear|unclear|possible|impossible|too)\b|"
    r"it\s+(?:would|will|could|might|may)\s+(?:have\s+)?tak(?:e|en)\b",
    re.IGNORECASE,
)
# A quote that opens the claim and closes before its end: the words after it are the
# writer's ("“... my not guilty” plea in the killing.", "“... of him,” when asked about
# ..."), and "X says: “...” plea in ..." reads as a garbled quote. Double quotes only: a
# single closing quote is also an apostrophe.
# A quoted name or title of a few words ("“Today” averaged 5.6 million viewers") is not
# a quote.
_RUNS_ON = re.compile(
    r"^(?:“(?:[^”\s]+\s){3,}[^”]*”|\"(?:[^\"\s]+\s){3,}[^\"]*\")[\s,.;:!?]*[\w“\"‘']"
)
# A quotation that opens on a connective goes on from words of the speaker's the reader
# did not get: "“Moreover, Russia also failed to fulfil its agreed cuts.”"
# "it" for an event told before: "Harry Dreyfuss says it happened in 2008 in London":
# what happened? (Not "it was unclear", "it will appeal": the speaker's own or nothing.)
_EVENT_IT = re.compile(
    r"^it\s+(?:had\s+|has\s+)?(?:happened|happens|occurred|occurs|took place|began|started|"
    r"ended|came up|come up)\b",
    re.IGNORECASE,
)
_QUOTE_GOES_ON = re.compile(
    r"^[“\"]\s*(?:(?:Moreover|However|But|And|Also|Furthermore|In addition|Additionally|"
    r"Besides|Nevertheless|Nonetheless|That said|Still|Yet|Meanwhile|Instead|Otherwise|"
    r"Likewise|Similarly|Therefore|Thus|Hence|As a result|Even so)\b"
    # An answer to a question the reader did not get: "“Well, I don't know, I was given
    # that information.”", "“Yeah, it's ...”", "“So, let's do that.”"
    r"|(?:Well|Yes|Yeah|No|Oh|So|Sure|Okay|OK),)"
)
# A body by its kind alone: "The company", "The carrier", "The agency".
_GENERIC_BODY = re.compile(r"^The\s[a-z]+$")
# What a business is called by its kind; what a public body's name has in it instead.
_BUSINESS_NOUNS = frozenset(
    {
        *("company", "firm", "carrier", "airline", "retailer", "carmaker", "automaker"),
        *("chipmaker", "drugmaker", "lender", "insurer", "broadcaster", "network", "station"),
        *("publisher", "operator", "group", "business"),
    }
)
_PUBLIC_BODY_WORDS = frozenset(
    {
        *("government", "ministry", "department", "agency", "commission", "council", "court"),
        *("police", "army", "navy", "bank", "university", "parliament", "senate", "congress"),
        *("authority", "office"),
    }
)
_AGENCY_NOUNS = frozenset({"agency", "regulator", "ministry", "department", "office", "authority"})
# Statements, best-ranked first, that voices are chosen from: a few voices are printed,
# and speakers are compared pairwise (600 statements took 5 s; 60 take 0.05 s).
_STATEMENTS_CONSIDERED = 60
# Two statements saying the same thing: this share of the shorter one's content words.
_SAME_CLAIM = 0.4


# A statement made at another time, told in the words around it (not its quote): "In
# his 2013 parole hearing, Simpson told ...", "In a 2014 interview ... said", "... told
# CNBC in August", "estimated in 2014 that", "earlier this year, Ricks said". Printed as
# "X says", it would be a position the speaker may no longer hold. A month with a day
# ("on Nov. 20") is the week's; a year or a month alone is not.
_ANOTHER_TIME = re.compile(
    rf"\bin\s+(?:(?:a|an|his|her|their|its|the)\s+)?(?:{MONTH_PATTERN}\s+(?:of\s+)?)?(?:19|20)\d\d\b"
    rf"|\bin\s+(?:early\s+|late\s+|mid-)?{MONTH_PATTERN}\b(?!\s*\d)"
    r"|\b(?:last|earlier this|the previous)\s+(?:year|month|spring|summer|autumn|fall|winter)\b"
    # The week before the report's is the week before this window at least.
    r"|\b(?:last|the previous)\s+week\b"
    r"|\bon the campaign trail\b"
    r"|\b(?:\w+|\d+)\s+(?:years|months|decades)\s+(?:ago|earlier)\b",
    re.IGNORECASE,
)
# What describes the speaker, not the saying: "AirAsia, which began operations in 2001,
# said ...", "Vikki Joseph, whose brother disappeared in June of 2014, says ...".
_RELATIVE_CLAUSE = re.compile(r",?\s*\b(?:which|who|whose|where)\b[^,]*,?")
# A claim the sentence itself says was overtaken: reported in the past perfect with no
# day of the week ("The Sun had reported that ...", "Steele had said Cosby could ...":
# what came after is the news; "On Wednesday, the FBI had said ..." only orders the
# week's events) or answered by someone else's denial (", but police told ABC News that
# there is no investigation"; not the speaker's own ", but did not say who").
# Over Multi-News dev's 864 attributed statements, these rules and _ANOTHER_TIME take 11:
# Simpson's 2013 hearing, a 2014 interview, a 2014 estimate, "told CNBC in August",
# "suggested in February", "earlier this year", "following his guilty plea in
# February", The Sun's report and Steele's forecast; and two a reader might keep:
# "said Bernthal of working alongside Spacey in the 2017 film" and "Unruh said in July
# 2016 that" (the month is the assault's, written as the saying's).
_SUPERSEDED = re.compile(
    r"\bhad\s+(?:\w+ly\s+)?(?:reported|said|claimed|alleged|told|stated|suggested|insisted)\b",
    re.IGNORECASE,
)
# "Police previously said the airport had not been decontaminated": since overtaken. Only
# the saying before the claim: "..., said Ann Lee, originally told she had months to
# live" describes the speaker.
# A view said again and again ("Mr Trump has repeatedly said the US needs Greenland") is
# background, not what the speaker said this week.
_SAID_BEFORE = re.compile(
    r"\b(?:previously|initially|originally)\s+(?:reported|said|claimed|alleged|told|stated|"
    r"suggested|insisted|believed)\b"
    r"|\b(?:has|have)\s+(?:repeatedly|long|often|frequently|consistently|publicly)\s+"
    r"(?:said|claimed|argued|insisted|maintained|stated|suggested)\b"
    r"|\b(?:has|have)\s+(?:said|claimed|argued|insisted)\s+(?:repeatedly|for years|many times)\b",
    re.IGNORECASE,
)
_DENIED_AFTER = re.compile(
    r"^\W*(?:but|however)\s+(?!(?:did|does|do|was|were|is|are|has|have|had|would|could|"
    r"declined|refused|added|said|noted|also|not|never|he|she|it|they)\b)[^;]*?"
    r"\b(?:no|not|never|denied|denies|false|untrue)\b",
    re.IGNORECASE,
)
_THIS_WEEK = re.compile(rf"\b(?:{WEEKDAY_PATTERN}|yesterday|today|this week)\b", re.IGNORECASE)
_QUOTED_SPAN = re.compile(r'"[^"]*"')


def _not_current(sentence: str, says: str) -> bool:
    """Whether the words around ``says`` in ``sentence`` place the statement at another
    time (``_ANOTHER_TIME``) or say it was overtaken (``_SUPERSEDED``)."""
    plain = _straight_quotes(sentence)
    # The claim as attribution gives it: its first letter may be recased, its marks and
    # its full stop added.
    claim = _straight_quotes(says).strip(" .,;:!?\"'")
    found = plain.lower().find(claim[1:].lower())
    if found < 1 or len(claim) < 2:
        return False
    start, end = found - 1, found + len(claim) - 1
    after = plain[end:]
    frame = _RELATIVE_CLAUSE.sub(" ", _QUOTED_SPAN.sub(" ", f"{plain[:start]} {after}"))
    overtaken = _SUPERSEDED.search(frame) or _SAID_BEFORE.search(plain[:start])
    return bool(
        _ANOTHER_TIME.search(frame)
        # A plan told in the past perfect is overtaken whatever day it was made ("On
        # Tuesday, party leader Olivier Faure had said the Socialists would 'decide at
        # the last minute'", in the report of Thursday's vote).
        or (overtaken and (not _THIS_WEEK.search(frame) or _A_PLAN.match(claim)))
        or _DENIED_AFTER.search(after)
    )


# A claim that tells a plan: "the Socialists would decide ...", "it was going to ...".
_A_PLAN = re.compile(
    r"^(?:[\w'’,-]+\s+){0,5}?(?:would|was\s+going\s+to|were\s+going\s+to|planned\s+to|"
    r"intended\s+to)\b",
    re.IGNORECASE,
)


# A toll of another time ("methane explosions killed at least 12 miners in the same
# province in January 2025", "80 miners died in accidents last year"): background a
# speaker gives, not what they say of the week's news.
_EARLIER_TIME = re.compile(
    r"\bin\s+(?:(?:early|late|mid-?)\s*)?(?:\w+\s+)?(?:19|20)\d\d\b|\blast\s+year\b"
    r"|\b(?:\w+|\d+)\s+(?:years|decades)\s+ago\b|\bin\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:years|decades?)\b",
    re.IGNORECASE,
)


def _another_times_toll(says: str) -> bool:
    # In one clause: "the bombing killed 23 people, the deadliest attack since it was
    # retaken in 2017" is this week's toll.
    return any(
        dead_counted(clause) and _EARLIER_TIME.search(clause)
        for clause in re.split(r",\s|;\s|\s(?:which|who|since)\s", says)
    )


# A sentence that sets up a hypothesis ("If the tax were passed statewide, it would also
# cover syrups."), and a quotation after it in the future or conditional: the speaker's
# answer to the "if", which printed alone states as coming what may never come. 2 of
# Multi-News dev's 864 statements (a bartender on a tax not passed, an analyst on a
# share count not reached); reported speech after an "if" (1) restates the speaker's
# view and stays.
_HYPOTHESIS = re.compile(r"^\W*(?:If|Unless)\b")
_TO_COME = re.compile(r"\b(?:going to|gonna|would|will|could|might)\b|['’]ll\b", re.IGNORECASE)


def _answers_a_hypothesis(sentence: str, says: str, context: Sequence[str]) -> bool:
    """Whether the quotation ``says`` (of ``sentence``) answers the hypothesis the
    sentence before it in ``context`` sets up (``_HYPOTHESIS``)."""
    if sentence not in context or not says.startswith(("“", '"')):
        return False
    at = list(context).index(sentence)
    return at > 0 and bool(_HYPOTHESIS.match(context[at - 1])) and bool(_TO_COME.search(says))


# A statement any speaker makes after any event says nothing a reader can weigh: their
# sympathy, their cooperation, that they are watching, that more study is needed. 4 of
# Multi-News dev's 864 attributed statements ("Hotel officials say they were working
# with police to help in the investigation", "Our deepest sympathies go out to the
# family", "... had been closely monitoring the situation", "their results warrant
# further investigation").
# Cooperation only when it is all the claim says: "will work with police to add patrols"
# is a plan.
_EMPTY_CLAIM = re.compile(
    r"\b(?:thoughts and prayers|(?:deepest\s+)?(?:sympathies|condolences)\s+(?:go|are)\b|"
    r"(?:working|work|cooperating|cooperate)\s+(?:closely\s+|fully\s+)?with\s+(?:the\s+)?"
    r"(?:police|authorities|investigators|law enforcement)(?:\s+(?:to\s+help\s+)?"
    r"(?:in|on|with)\s+(?:the|their|its)\s+(?:investigation|inquiry|case))?[\s.,”\"]*$|"
    r"closely monitoring|warrants?\s+further\s+(?:investigation|study|research)|"
    # Help offered and precautions taken, as any official says after any event; and a
    # bystander's disbelief.
    r"offered\s+(?:all|any|every)\s+(?:available\s+|possible\s+)?(?:assistance|help|support|"
    r"resources)|all\s+(?:the\s+|of\s+the\s+)?necessary\s+precautions|"
    r"(?:can['’]?t|cannot|could(?:n['’]t| not))\s+believe)"
    # A claim cut short, as a caption's is ("the president should take... (AP)").
    r"|(?:\.\.\.|…)\W*$",
    re.IGNORECASE,
)
# What was not said: "The company said nothing about the cause of the fire", "nothing
# about when the attack began", "nothing further at this time". Not a claim whose
# subject is "nothing": "nothing more could be done", "nothing of the kind had been
# discussed", "nothing about this deal makes sense" (a verb follows).
_NOTHING = re.compile(
    r"^\W*nothing\s+(?:(?P<about>about|on|of|as\s+to)\s+(?P<wh>(?:when|whether|how|why|what|"
    r"where|who|whom|which|if)\b)?|(?:more|further|else)\b)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_FINITE_VERB = re.compile(
    r"\b(?:is|was|were|are|am|had|has|have|would|will|could|can|did|does|do|should|might|may|"
    r"must|shall|makes|made|means|meant|matters|mattered|seems|seemed|changes|changed|"
    r"remains|remained|happened|happens|needs|needed|stands|stood)\b"
)


# Words for the day they were said, in someone's mouth: a weekly issue prints them days
# later, when "tomorrow" has come and gone ("If you are travelling to Brussels tomorrow,
# check your booking"). Not the future as a thing ("the jobs of tomorrow", "tomorrow's
# pensioners", "not tonight, or any night") nor set against the present ("What happens
# in Ukraine today can happen in East Asia tomorrow.").
_FOR_THE_DAY = re.compile(r"\b(?:tomorrow|tonight)\b", re.IGNORECASE)
_TOMORROW_AS_A_THING = re.compile(
    r"\b(?:jobs|world|economy|economies|generations?|leaders|children|Europe|energy|"
    r"technolog(?:y|ies)|industries|skills|cities|challenges|fit|ready) (?:of|for) tomorrow\b"
    r"|\btomorrow['’]s (?:pensioners|children|generations?|leaders|world|workers|jobs|"
    r"voters|citizens|economy)\b|\btonight,? or any (?:other )?night\b"
    r"|\btoday\b[^.;]*\btomorrow(?=\s*[.,;!?\"”’]|$)",
    re.IGNORECASE,
)


def _for_the_day(says: str) -> bool:
    """Whether ``says`` speaks of "tomorrow" or "tonight" as a day (``_FOR_THE_DAY``)."""
    return bool(_FOR_THE_DAY.search(_TOMORROW_AS_A_THING.sub(" ", says)))


def _says_nothing(says: str) -> bool:
    nothing = _NOTHING.match(says)
    if nothing is None:
        return False
    return bool(nothing["wh"]) or not _FINITE_VERB.search(nothing["rest"])


_STRAIGHT = str.maketrans("“”„‘’", '"""\'\'')


def _straight_quotes(text: str) -> str:
    return text.translate(_STRAIGHT)


@dataclass(frozen=True, slots=True)
class _Found:
    index: int  # position in the caller's ranked sentences
    statement: Statement
    stance: str  # "critical", "supportive" or ""


# A person the article names only by a courtesy title and surname. A bare capitalised
# word may be a body ("United", "Police") that another report names otherwise.
_TITLED_SURNAME = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof)\.?\s[A-Z][\w'’\-]+")


def _named_in_story(
    who: str, doc: int, documents: Sequence[Sequence[str]], articles: Sequence[tuple[str, str]]
) -> str:
    """``who`` ("Ms Nathanielsen") as another report of the story names them in full, when
    every report that does names the same person and reports them speaking; "" when none
    does or they disagree (two people share the surname). A relative is often quoted
    beside the one the news is about ("Ms Foster said ..." of a detained "Craig Foster",
    who says nothing): the one another report names in full must speak there too."""
    surname = who.split()[-1]
    people: dict[str, str] = {}  # the given name and surname -> the first naming in full
    for other, context in enumerate(documents):
        if other == doc or not speaks(surname, context):
            continue
        outlet = articles[other][1] if other < len(articles) else ""
        named = name_in_full(surname, context, outlet)
        before = named[: named.find(f" {surname}")].split() if f" {surname}" in named else []
        if before and not _TITLED_SURNAME.fullmatch(named):
            people.setdefault(before[-1], named)
    return next(iter(people.values())) if len(people) == 1 else ""


# A ministry a home paper names bare ("the Foreign Ministry spokesperson"), beside the
# minister it names bare too ("Foreign Minister Hakan Fidan"): in a story of several
# countries, whose ministry it is, another report says ("Turkish Foreign Minister Hakan
# Fidan").
_BARE_MINISTRY = re.compile(
    r"^(?P<article>The|A|An)\s+(?P<rank>(?:senior|top)\s+)?"
    r"(?P<portfolio>Foreign|Defen[cs]e|Interior|Finance|Justice|Trade)\s+Ministry\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_MINISTER_NAME = r"([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,2})"


def _whose_ministry(who: str, doc: int, documents: Sequence[Sequence[str]]) -> str:
    """``who`` ("The Foreign Ministry spokesperson") with the country its article's own
    minister of that portfolio is given in the story ("The Turkish Foreign Ministry
    spokesperson"), when every report that qualifies the minister gives one country;
    "" otherwise."""
    match = _BARE_MINISTRY.match(who)
    if not match or doc >= len(documents):
        return ""
    portfolio = match["portfolio"].capitalize()
    own = " ".join(documents[doc])
    names = set(re.findall(rf"\b{portfolio} Minister {_MINISTER_NAME}", own))
    countries: set[str] = set()
    for name in names:
        for text in documents:
            for qualifier in re.findall(
                rf"\b([A-Z][\w'’]+?)(?:['’]s)?\s+{portfolio} Minister {re.escape(name)}\b",
                " ".join(text),
            ):
                if qualifier in DEMONYMS:
                    countries.add(qualifier)
                elif country := next(
                    (c for c, forms in DEMONYMS.items() if qualifier in forms), ""
                ):
                    countries.add(country)
    if len(countries) != 1:
        return ""
    [country] = countries
    adjective = DEMONYMS[country][0] if DEMONYMS[country] else f"{country}'s"
    rank = match["rank"] or ""
    article = match["article"].capitalize()
    if article != "The":
        article = "An" if (rank or adjective)[:1].upper() in "AEIOU" else "A"
    return f"{article} {rank}{adjective} {portfolio} Ministry{match['rest']}"


def find_perspectives(
    sentences: Sequence[tuple[str, int]],
    articles: Sequence[tuple[str, str]],
    *,
    limit: int,
    documents: Sequence[Sequence[str]] = (),
    known: frozenset[str] = frozenset(),
    unjoinable: frozenset[str] = frozenset(),
    written: Sequence[datetime] = (),
) -> list[tuple[int, Perspective]]:
    """Up to ``limit`` perspectives from ``sentences``, in the order they should be shown.

    ``sentences`` are ``(text, article index)`` pairs, best first (the caller's ranking
    decides which statement of a speaker wins); ``articles`` are ``(url, outlet)`` pairs;
    ``documents`` the articles' sentences in order, used to name a speaker in full
    ("Lefèvre" -> "Arnaud Lefèvre, a cattle farmer") and to resolve "the minister";
    ``known`` are content words the reader has met above the voices (the headline, the
    Briefly): a surname there needs no introduction in a voice.
    ``written`` (when each article was written) picks a speaker's newest words where
    reports of two days quote them: the minister after the signing, not before it.
    ``unjoinable`` are sentences the caller left out (overtaken, stale): a quotation
    running over several sentences is not completed with them (``_whole_quote``).
    Each result is ``(position in sentences, Perspective)``. One statement per speaker;
    the first pass takes one per outlet so the voices come from several sources.
    """
    found: list[_Found] = []
    for position, (text, doc) in enumerate(sentences):
        if not (_MIN_WORDS <= word_count(text) <= _MAX_WORDS):
            continue
        context = documents[doc] if doc < len(documents) else ()
        outlet = articles[doc][1] if doc < len(articles) else ""
        for statement in attribute_sentence(_whole_quote(text, context, unjoinable)):
            if _OPEN_QUOTE.match(statement.says) and word_count(statement.says) < _MIN_QUOTE_WORDS:
                continue  # "I heard the screaming.": a quote too short to say anything
            if _RUNS_ON.match(statement.says):
                continue  # "“... state my not guilty” plea in the killing.": half a quote
            if _QUOTE_GOES_ON.match(statement.says):
                continue  # "“Moreover, Russia also failed ...”": more than what?
            if (
                _EMPTY_CLAIM.search(statement.says)
                or says_no_comment(statement.says)
                or _says_nothing(statement.says)
            ):
                continue  # "... working with police to help in the investigation"
            if _for_the_day(statement.says):
                continue  # "If you are travelling to Brussels tomorrow, ...": a day gone
            if _not_current(text, statement.says):
                continue  # "In his 2013 parole hearing, Simpson told ...": not what he says now
            if _another_times_toll(statement.says):
                continue  # "Officials say blasts killed 12 miners in January 2025": history
            if _answers_a_hypothesis(text, statement.says, context):
                continue  # "If the tax were passed statewide, ..." "“It's going to ...”"
            who = name_in_full(statement.who, context, outlet)
            if _TITLED_SURNAME.fullmatch(who):
                who = _named_in_story(who, doc, documents, articles) or who
            who = _whose_ministry(who, doc, documents) or who
            if who:
                says = _fronted(_common_opening(statement.says, [s for s in context if s != text]))
                # Named anew ("Police" -> "Police Chief Jane Doe"): its number is the new name's.
                plural = statement.is_plural if who == statement.who else is_plural_speaker(who)
                if not _pronoun_fits(says, who, plural=plural, said_as=statement.who):
                    continue  # "The company says he was an icon": who is "he"?
                if _names_self(who, statement.who, says):
                    continue  # "Autumn Doe says he never met Autumn's family": her father
                if not _OPEN_QUOTE.match(says) and (
                    points_back(says) or opens_on_an_ordinal(says) or _EVENT_IT.match(says)
                ):
                    continue  # "Jane Doe says she was mystified by that conclusion": which?
                met = known | frozenset(content_words(who))
                if unintroduced_surname(says, documents, met, titled_only=True):
                    continue  # "The Pentagon says Panetta spoke to Mr. Barak": who is he?
                named = Statement(who, says, is_plural=plural)
                found.append(_Found(position, named, _stance(text)))
    # One voice per speaker, however the outlets name them: "The prosecutor", "Rory
    # Doyle, the prosecutor" and "Rory Doyle" are one speaker (see ``_speakers``). The
    # best-ranked statements are enough to choose from, and comparing every pair of a
    # big story's hundreds would cost seconds.
    found = found[:_STATEMENTS_CONSIDERED]
    # A passer-by one report quotes ("Sereana Koroi says: “My family are all voting for
    # change.”") speaks after the people the story is about: a bare name, no role, that
    # no other article names.
    found.sort(key=lambda f: _passer_by(f.statement, documents))
    speaker_of = _speakers(found, sentences, documents)
    # Each speaker's words from the newest report that quotes them first, when reports of
    # two days do; the speaker keeps the place of their best-ranked words.
    if written:
        places: dict[int, list[int]] = {}
        for number in range(len(found)):
            places.setdefault(speaker_of[number], []).append(number)
        order = [
            number
            for numbers in places.values()
            for number in sorted(
                numbers, key=lambda n: -_day(written, sentences[found[n].index][1]).toordinal()
            )
        ]
        found = [found[n] for n in order]
        speaker_of = [speaker_of[n] for n in order]
    chosen: list[_Found] = []
    speakers: set[int] = set()
    for one_per_outlet in (True, False):
        outlets = {sentences[f.index][1] for f in chosen}
        for number, item in enumerate(found):
            key = speaker_of[number]
            doc = sentences[item.index][1]
            if len(chosen) >= limit or key in speakers or (one_per_outlet and doc in outlets):
                continue
            if any(_same_claim(item.statement, c.statement) for c in chosen):
                continue
            chosen.append(item)
            speakers.add(key)
            outlets.add(doc)
    chosen = _group_by_stance(chosen, found)
    return [(f.index, _perspective(f.statement, articles[sentences[f.index][1]])) for f in chosen]


# A quotation of several sentences is cut by the splitter; its speaker is named after
# the last. This many sentences before that one may belong to it.
_QUOTE_RUN = 3
_ENDS_QUOTE = re.compile(r"^[^“”\"]+[,.!?]?[”\"][^“”\"]*$")
_OPENS_QUOTE = re.compile(r"^[“\"][^“”\"]+$")


def _whole_quote(text: str, context: Sequence[str], unjoinable: frozenset[str]) -> str:
    """``text`` with the sentences before it of the quotation it closes ("There is no
    such proposal. The government respects the judiciary,” the spokesperson said.":
    the first sentence too), when they are within ``_QUOTE_RUN`` and ``_MAX_WORDS``;
    else ``text``. The speaker's words in full, not a half that reads as the writer's."""
    if not _ENDS_QUOTE.match(text) or text not in context:
        return text
    at = context.index(text)
    for back in range(at - 1, max(at - 1 - _QUOTE_RUN, -1), -1):
        sentence = context[back]
        if _OPENS_QUOTE.match(sentence):
            if any(part in unjoinable for part in context[back:at]):
                return text  # "“There is no deal in sight. ...”" under the deal
            whole = " ".join((*context[back:at], text))
            return whole if word_count(whole) <= _MAX_WORDS else text
        if any(mark in sentence for mark in '“”"'):
            return text
    return text


def _day(written: Sequence[datetime], doc: int) -> date:
    """The day article ``doc`` was written (the earliest when unknown)."""
    return written[doc].date() if doc < len(written) else date.min


def _passer_by(statement: Statement, documents: Sequence[Sequence[str]]) -> bool:
    """Whether ``statement`` is a quotation of a bare name (no title, no role) that only
    one article names, however it spells the name ("Zelensky", "Zelenskyy")."""
    who = statement.who
    if (
        not _BARE_NAME.fullmatch(who)
        or not statement.says.startswith(("“", '"'))
        or who.split()[0] in TITLE_WORDS
        or speaker_kind(who) == "body"
        or len(documents) < 2
    ):
        return False
    stem = fold_accents(who.split()[-1]).lower()[:_SURNAME_STEM]
    surname = re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)
    named = sum(
        1 for sentences in documents if any(surname.search(fold_accents(s)) for s in sentences)
    )
    return named < 2


# How much of a surname two spellings share: "Zelensk" of "Zelensky" and "Zelenskyy".
_SURNAME_STEM = 6


_BARE_NAME = re.compile(r"[A-Z][a-z][\w'’\-]*(?:\s[A-Z][a-z][\w'’\-]*){1,2}")


def _speakers(
    found: Sequence[_Found],
    sentences: Sequence[tuple[str, int]],
    documents: Sequence[Sequence[str]],
) -> list[int]:
    """A speaker number per statement: two statements share one when their speakers are
    the same (``same_speaker``, or a body and "the carrier" its article names), and so
    on along a chain ("The prosecutor" ~ "Rory Doyle, the prosecutor" ~ "Rory Doyle")."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, one in enumerate(found):
        for j in range(i):
            other = found[j]
            if root(i) != root(j) and (
                same_speaker(one.statement.who, other.statement.who)
                or _body_named_as(one, other, sentences, documents)
                or _body_named_as(other, one, sentences, documents)
            ):
                parent[root(i)] = root(j)
    return [root(i) for i in range(len(found))]


def _body_named_as(
    generic: _Found,
    named: _Found,
    sentences: Sequence[tuple[str, int]],
    documents: Sequence[Sequence[str]],
) -> bool:
    """Whether ``generic`` ("The carrier", "The agency") is the body ``named`` names
    ("United Airlines", "The EPA", "United"): its own article names that body (or writes
    the name as an organisation's: "United Airlines said ..."), so "the carrier" there is
    United."""
    who = generic.statement.who
    if not _GENERIC_BODY.match(who) or speaker_kind(who) != "body":
        return False
    name = named.statement.who.split(", ")[0]
    kind = speaker_kind(name)
    if kind == "person" or not name[:1].isupper():
        return False
    # The kind must fit the name: "the bank" a bank, "the agency" an agency or "the EPA",
    # "the carrier" or "the company" a business, not the government or the central bank.
    noun = who.split()[1]
    words = [w.lower().rstrip(".") for w in name.split()]
    fits = (
        noun in words
        or (noun in _BUSINESS_NOUNS and not _PUBLIC_BODY_WORDS.intersection(words))
        or (noun in _AGENCY_NOUNS and bool(re.fullmatch(r"(?:The\s)?[A-Z]{2,6}", name)))
    )
    if not fits:
        return False
    first = name.removeprefix("The ").split()[0] if name.removeprefix("The ") else ""
    doc = sentences[generic.index][1]
    context = documents[doc] if doc < len(documents) else ()
    return bool(first) and any(
        kind == "body" or speaker_kind(run) == "body"
        for sentence in context
        for run in re.findall(rf"\b{re.escape(first)}\b(?:\s[A-Z][\w&.\-]*)*", sentence)
    )


def _fronted(says: str) -> str:
    """``says`` with "that" before a phrase the reported sentence put first: "says in
    Kyiv, four people were killed" reads as where the speaker spoke; "says that in Kyiv,
    four people were killed" as what they said."""
    return f"that {says}" if _FRONTED_PHRASE.match(says) else says


_FRONTED_PHRASE = re.compile(
    r"(?:in|on|at|after|before|during|since|across|under|for|despite|following|overnight)"
    r"\b[^,;:.\"“”]{0,40},\s"
)


def _common_opening(says: str, context: Sequence[str]) -> str:
    """``says`` with its first word in lower case when it was capitalised only because it
    opened the reported sentence ("says Regulators are likely ..."): the article's other
    sentences write the word in lower case inside a sentence, or it is a participle
    ("Staking its place ..."), and they never write it with a capital."""
    match = re.match(r"([A-Z][a-z]+)\b(?![’'.\-])", says)
    if not match:
        return says
    word = match.group(1)
    lower = capital = 0
    for sentence in context:
        for token in re.findall(r"[\w’'\-]+", sentence)[1:]:
            lower += token == word.lower()
            capital += token == word
    # "says staking its place since October, the camp had grown": an opening participle
    # the article never writes with a capital inside a sentence is no name either.
    # Not a subject that ends so: "says Beijing should respect ..." (a verb follows it).
    participle = (
        word.endswith("ing")
        and len(word) > 5
        and (after := re.match(r"\w+\s+([a-z]\w*)", says))
        and not _FINITE_VERB.fullmatch(after[1])
        and word not in PLACES
    )
    return says[0].lower() + says[1:] if (lower or participle) and not capital else says


def _pronoun_fits(says: str, who: str, *, plural: bool, said_as: str = "") -> bool:
    """Whether the pronoun opening reported speech can be the speaker, as a reader of the
    bullet alone will take it. "he"/"she" needs one person, of the title's sex if it has
    one ("Ms. Shourd says he ..." is someone else); a referring "it" needs a body, not a
    person or a group ("Police say it ...", "Tim Medlin says it happened"). An "it" that
    only opens the clause ("it was hard to ...", "it is likely that ...") refers to
    nothing, and "they" may be the speaker's people. Quotes are the speaker's own words.
    Where the words cannot tell person from body ("Neiman Marcus"), the bullet stays.
    ``said_as`` is how the report named the speaker ("Ms. Shourd" of "Sarah Shourd"), whose
    title tells the sex the full name may not."""
    match = _SUBJECT_PRONOUN.match(says)
    if not match:
        return not _someone_unnamed(says, who, plural=plural)
    # "his mother ..." leans on its owner as "he ..." does.
    pronoun = {"his": "he", "her": "she", "its": "it"}.get(
        match.group(1).lower(), match.group(1).lower()
    )
    kind = speaker_kind(who, plural=plural)
    if pronoun in ("he", "she"):
        title = re.match(r"(Mrs|Ms|Miss|Mr)\b", who) or re.match(r"(Mrs|Ms|Miss|Mr)\b", said_as)
        if title and (title.group(1) == "Mr") != (pronoun == "he"):
            return False
        return kind not in ("body", "group")
    if pronoun == "it" and not _EXPLETIVE_IT.match(says):
        return kind not in ("person", "group")
    return True


def _someone_unnamed(says: str, who: str, *, plural: bool) -> bool:
    """Whether the reported speech of a body or group speaks of a "he" or "she" it never
    named ("Police say the bus had stops where he could have got off"): the speaker is
    no one person, and nothing before the pronoun in the claim, a name or a person ("the
    driver"), is one the reader could take it for."""
    if _OPEN_QUOTE.match(says) or speaker_kind(who, plural=plural) not in ("body", "group"):
        return False
    pronoun = _PERSONAL.search(says)
    if pronoun is None:
        return False
    # A capitalised run is someone the pronoun may be, unless it is a place: after
    # "in", "at", "near" ..., or after "to" or "from" when it is a place by its name
    # ("headed to New York City"; "delivered to Johnson" is a person).
    words = [word.strip(",;:()“”\"'’") for word in says[: pronoun.start()].split()]
    at = 0
    while at < len(words):
        word = words[at]
        if not word[:1].isupper():
            if is_person_word(word.lower()) or _PERSON_EXTRA.match(word.lower()):
                return False
            at += 1
            continue
        end = at
        while end < len(words) and words[end][:1].isupper():
            end += 1
        run = " ".join(words[at:end])
        previous = words[at - 1].lower() if at else ""
        place = previous in _LOCATIVE or (
            previous in ("to", "from") and (run in PLACES or words[end - 1] in _PLACE_ENDINGS)
        )
        if not place:
            return False
        at = end
    return True


def _names_self(who: str, said: str, says: str) -> bool:
    """Whether the given name ``naming.py`` added to the surname ``said`` (Doe ->
    "Autumn Doe") is one the claim itself speaks of ("... never met Autumn's family"):
    then the speaker is someone else of the name, and the completion is wrong."""
    name = re.split(r",\s|\s(?:from|at|of|with)\s", who)[0].split()
    if who == said or len(name) < 2 or name[-1] != said.split()[-1]:
        return False
    return re.search(rf"\b{re.escape(name[-2])}\b", says) is not None


def _stance(text: str) -> str:
    if _CRITICAL.search(text):
        return "critical"
    return "supportive" if _SUPPORTIVE.search(text) else ""


def _same_claim(one: Statement, two: Statement) -> bool:
    a, b = set(content_words(one.says)), set(content_words(two.says))
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= _SAME_CLAIM


def _is_named(who: str) -> bool:
    """A speaker a reader can place: a name or a named body ("Russia", "NATO", "the White
    House", "Denmark's prime minister"), not a bare role ("The agency", "a spokesman"),
    which grouped with others would read "Critics, like the agency and the spokesman"."""
    words = who.split(",")[0].split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return any(word[:1].isupper() for word in words)


def _mid_sentence(name: str) -> str:
    """``name`` as it reads after "like": "The White House" -> "the White House"."""
    head, _, rest = name.partition(" ")
    return f"{head.lower()} {rest}" if head in ("The", "A", "An") and rest else name


def _group_by_stance(chosen: list[_Found], found: list[_Found]) -> list[_Found]:
    """Speakers who say the same thing with the same stance become one voice.

    "Critics, like A and B, say <A's claim>": a member's claim must share most of its
    content words with the first member's (speakers merely on the same side stay apart).
    Members may come from statements not chosen (a second outlet reporting the same
    criticism from another speaker).
    """
    out: list[_Found] = []
    merged: set[int] = set()
    for item in chosen:
        if item.index in merged:
            continue
        members = [item]
        if item.stance and not is_group_label(item.statement.who) and _is_named(item.statement.who):
            for other in (*chosen, *found):
                keys = {speaker_key(m.statement.who) for m in members}
                if (
                    other.stance == item.stance
                    and other.index not in {m.index for m in members}
                    and speaker_key(other.statement.who) not in keys
                    and _same_claim(item.statement, other.statement)
                    and not is_group_label(other.statement.who)
                    and _is_named(other.statement.who)
                ):
                    members.append(other)
        if len(members) >= 2:
            label = "Critics" if item.stance == "critical" else "Supporters"
            names = [_mid_sentence(m.statement.who.split(",")[0]) for m in members[:3]]
            who = f"{label}, like {', '.join(names[:-1])} and {names[-1]},"
            out.append(_Found(item.index, Statement(who, item.statement.says, True), item.stance))
            merged |= {m.index for m in members}
        else:
            out.append(item)
    return out


def _perspective(statement: Statement, article: tuple[str, str]) -> Perspective:
    url, outlet = article
    who = statement.who.rstrip(",")
    return Perspective(
        who=who, says=statement.says, source_url=url, outlet=outlet, verb=statement.verb
    )
