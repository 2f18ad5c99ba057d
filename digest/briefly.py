"""Briefly: the event first, then what matters most, every sentence an article's own.

Sentences are scored once (:func:`score_sentences`): each is a TF-IDF vector; its score
mixes cosine to the story centroid (the mean of per-article vectors, so each article
weighs the same), its best match in each *other* article (cross-outlet support) and a
prior for early position. :func:`select_briefly` then writes the paragraph:

1. **The lead is the event**, chosen among the outlets' ledes (each article's first two
   clean sentences): the best-scored lede, with a bonus for saying when it happened and
   a penalty for a feature opening ("When ...", "As ...") that says no when.
2. **Then what matters most**: one or two more whole sentences within the word budget,
   by a small exhaustive search maximising score x length plus coverage.
3. **Readable on its own**: no sentence that needs a missing antecedent ("He", "This",
   "But", "The initiative ...", "mystified by that conclusion", "confirmed that on
   Sunday.", "Police believe he ...", "Hall said Caballero then ...") unless that
   antecedent is the sentence before it in the same article and in the Briefly, or the
   noun was named earlier in the Briefly. A definite "the X" whose X the article
   introduced a sentence or three before ("a 17-year-old deckhand" ... "the deckhand")
   needs it too, unless a title names it (:func:`leans_on`).
4. **In the outlets' voice, not a speaker's**: an article written mostly in the first
   person plural (a company's post) gives Briefly sentences only when no other article
   does (``summarize`` takes no note from it).
5. **Said once**: no two sentences saying the same thing (two outlets' ledes), judged
   by TF-IDF cosine and by shared content words.

Sentences come from ``digest.hygiene.clean_sentence`` (deletions only), so every one is
traceable to its article.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from digest.antecedent import introduced_before, needs_antecedent, unintroduced_surname
from digest.attribution import join_list_items
from digest.hygiene import (
    clean_sentence,
    clean_sentences,
    framing_sentences,
    is_boilerplate_document,
)
from digest.places import PLACES, countries_named
from digest.softnews import dead_counted
from digest.text import (
    MONTHS,
    TITLE_WORDS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    content_words,
    ends_a_sentence,
    inside_quotations,
    opens_with_interjection,
    quotes_balance,
    says_no_comment,
    split_sentences,
    word_count,
)

__all__ = [
    "LEDE_POSITIONS",
    "Candidate",
    "ScoredSentences",
    "extractive_briefly",
    "in_person",
    "in_speakers_words",
    "is_briefly_candidate",
    "is_explainer_title",
    "is_reaction",
    "is_redundant",
    "leans_on",
    "needs_antecedent",
    "opens_on_a_scene",
    "outside_quotations",
    "score_sentences",
    "select_briefly",
    "voiced_sentences",
]

logger = logging.getLogger(__name__)

_Matrix = npt.NDArray[np.float64]

# Weights of the Briefly score, chosen on the Multi-News dev half with a coarse grid
# (support 0-1 step 0.25, position 0-0.6 step 0.1, gamma 0.5-1); the top of the grid
# is flat (+-0.3 ROUGE-1), and we took its middle rather than the single best cell.
_SUPPORT_WEIGHT = 0.5
_POSITION_WEIGHT = 0.2
_POSITION_SCALE = 1.0  # sentence index at which the position prior has halved
_LENGTH_GAMMA = 1.0  # objective is score * words**gamma: 1 = fill the budget
_COVERAGE_WEIGHT = 0.07  # plus a little credit per distinct content word covered
_SHORTLIST = 25  # candidates enumerated as combinations
_REST_SIZES = (1, 2)  # sentences after the lead
# Sentences outside this range are fragments or run-ons. A wire's lede runs longer, to
# 60 words ("European Union finance ministers on Friday backed ..., but Belgium ...,
# leaving the final decision to EU leaders later this month."): at 55 the best lede was
# left out; a sentence that long further down is a run-on (a 58-word note).
_MIN_WORDS, _MAX_WORDS, _MAX_LEDE_WORDS = 7, 55, 60
# A run of this many plain sentences (a capital, a full stop) of at most _STACCATO_WORDS
# words each is rhetoric, not reporting (voiced_sentences). Over Multi-News dev's
# articles, runs of three such sentences hold 8 sentences Briefly could otherwise take:
# the AP lede voicing Trump's claims, his uranium riff, a police tweet's lines, live-blog
# siren alerts and a narrative's beats; none a fact a reader needs. Over the AEB pages'
# English text it takes two sentences of one argued paragraph ("By most accounts, the
# law worked. It slowed the decline of Punjab's water table. But delaying planting ...").
_STACCATO_WORDS = 8
_STACCATO_RUN = 3
# A sentence that introduces someone's words with a colon: what follows is theirs. Over
# Multi-News dev, 7 sentences that passed as news follow one: a suit's allegations, a
# fraternity's statement, a board's, a sheriff's account, "Per the Times:" before a
# reported peace plan, a father's statement, and one after the heading "What the Judges
# Said:" (a heading, its word capitalised, introduces nothing). Only the next sentence is
# marked: where the words end is not told.
_INTRODUCES = re.compile(
    r"(?P<cue>^Per\b|\baccording to\b|\bstatement\b|\breads?\b|\bsaid\b|\bsays\b|\bsaying\b|"
    r"\baccount\b|\bwrote\b|\bwrites\b|\bposted\b|\btweeted\b|\bas follows\b|"
    r"\bconsisted of\b|\bcomplaint\b|\bsuit\b|\bletter\b|\bmemo\b|\breport\b)[^:]*:\s*$",
    re.IGNORECASE,
)
# The register of a blog or a column, outside quotes ("everyday folks", "Kim
# Kardashian's crazier half", "telling haters to mind their business", "is totally
# normal"): our voice is plain, so such a sentence is told only when nothing plainer
# says as much (its score is weighted down, not dropped: "A few lucky folks ... after
# hitting Tuesday night's $636 million Mega Millions jackpot" can still lead). 16 of
# Multi-News dev's candidate sentences.
# The reported plan's later sentences, in its conditional, that _INTRODUCES also marks:
# over Multi-News dev, 3 more sentences (two more terms of the plan "Per the Times:"
# introduced, and a suit's next allegation).
_WOULD = re.compile(r"\bwould\b")
_PLAN_SENTENCES = 6  # at most, after the first
# In lower case only: a capital is a title's ("Crazy Rich Asians", "Guys and Dolls").
_INFORMAL = re.compile(
    r"\b(?:folks|gonna|gotta|wanna|kinda|sorta|y'all|haters|clapback|totally|pretty much|"
    r"crazy|crazier|craziest|insane|epic|badass|freaking|awesome|dude|guys|stuff|lol|"
    r"super\s+(?:stressed|excited|cool|happy|sad|important|easy|hard))\b|\b(?:LOL|OMG)\b"
)
_INFORMAL_WEIGHT = 0.5
_TEASER_WORDS = 3  # the last resort when a story has no full sentence
_NOVELTY_JACCARD = 0.6  # content-word overlap with a previous issue's sentence
# A colon this early is a label or a headline glued on ("Officials: Woman kills 3").
_LABEL_CHARS = 40
LEDE_POSITIONS = 2
"""An article's first this-many clean sentences are its lede: the news, not background."""
# A report of this many clean sentences or more is a page read whole, not a teaser.
_READ_PAGE_SENTENCES = 5
_LEADS_TRIED = 1  # the best ledes, each tried with its best following sentences
# Lead choice: a lede that says when gains, a feature opening without a when loses.
_WHEN_BONUS = 0.15
_FEATURE_PENALTY = 0.15
# A reaction names the event it reacts to, so it gains the agreement of the ledes that
# tell the event: twice a feature's penalty puts the event first. (At 0.15 a company's
# "disappointed" by a court order led the ruling: lede values 1.09 against 1.06.)
_REACTION_PENALTY = 0.3
# ... and a lede gains by how closely the other outlets' ledes tell the same event (mean
# of its best cosine to each other article's lede): the lead is what they all open with.
# 0.5-1.0 gave identical leads on the even-id half; 0.75 is the middle (docs/quality.md).
_LEDE_AGREEMENT = 0.75
# Two sentences say the same thing when their TF-IDF cosine reaches _SAME_COSINE, or
# when this share of the shorter one's content words is in the other. Chosen on the
# Multi-News dev items with even ids and confirmed on the odd ones (docs/quality.md).
_SAME_COSINE = 0.3
_SAME_WORDS = 0.7
_SAME_AS_LEAD = 0.6
# ... or when they share this many content words whatever their lengths: two long
# sentences giving the same name, figure and verb ("Bacall left her $26.6 million ...")
# tell one fact. 6-8 measured flat on both halves (docs/quality.md); 7 is the middle.
_SAME_COUNT = 7
# ... or when they give the same amount ("$26.6 million", "£14m", "42 per cent") and
# share this many other content words: one fact told twice. 2-4 flat on the even half;
# 3 is the middle. A bare number is not an amount: "Article 49.3", "911", a year.
_SAME_FIGURE_CONTEXT = 3
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:m|bn|k|tn)")  # "14m", "2.5bn": the scale in the word
_SCALE_WORDS = frozenset({"million", "billion", "trillion", "thousand", "percent", "cent"})
# ... or when they give the same sum of money, sign and all, and do the same thing with
# it: "agreed to pay a $40,000 fine" and "will pay a civil penalty of $40,000" tell one
# fact, though a fine and a penalty share no word. A sum is exact; a bare number is not.
# A second subject ("was also fined $500") is another fact.
_MONEY = re.compile(
    r"(?P<sign>[$£€¥])\s?(?P<figure>\d[\d,.]*\d|\d)"
    r"(?:\s?(?P<scale>million|billion|trillion|thousand|m\b|bn\b|k\b|tn\b))?"
)
_SCALES = {"m": "million", "bn": "billion", "k": "thousand", "tn": "trillion"}
_ANOTHER_SUBJECT = re.compile(r"\b(?:also|too|another|second|likewise|as well)\b", re.IGNORECASE)
_MODAL = frozenset({"will", "would", "must", "can", "could", "should", "may", "might", "to"})
# A day named in both is as telling as an amount: "Denmark summoned the US envoy in
# Copenhagen on Wednesday" and "Denmark's foreign ministry summoned the US chargé
# d'affaires in Copenhagen on Wednesday afternoon" are one event told twice.
_DAYS = frozenset({day.lower() for day in WEEKDAYS} | {"yesterday", "today"})
# ... or when they name the same participant and the same event verb and share this
# many words in all: "Tarique Rahman is sworn in as Prime Minister" and "Bangladesh's new
# prime minister has been sworn in" (Bangladesh, sworn, prime, minister) tell one event.
# Words are compared lightly stemmed and with hyphens split ("Kim Jong-nam" is "Kim Jong
# Nam", "killed" is "kill"); a name is a word the story capitalises inside sentences and
# never writes in lower case; an event verb is a past form that is not a report ("said")
# nor a hedge ("alleged"). 3 took topic pairs ("Gaza", "fired", "rockets"), 5 missed the
# oath; 4 chosen by reading the pairs it adds on the dev items and the e2e weeks.
_SAME_EVENT_WORDS = 4
_FACT_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W_]+)?|\d[\d.,]*\d|\d")
_MONTHS = frozenset(month.lower() for month in MONTHS)
# Irregular past forms, and nouns for an event a verb also tells ("the death of" / "died").
_IRREGULAR_PAST = frozenset(
    """sworn swore shot won lost fled struck hit met held took taken gave given found fell
    fallen died rose sold bought sent led began begun broke broken caught chose chosen drove flew
    hid kept paid quit sank sought spent stole stolen stood threw thrown ran beat beaten bit
    blew born brought built burst cut dealt dug drew drawn fought froze grew hung knew laid
    lent lit rode sang shook shut slid spoke spun split spread stuck swept swam swung taught
    tore torn upheld withdrew woke""".split()  # noqa: SIM905
)
_EVENT_NOUNS = {"death": "di", "dead": "di", "birth": "born", "sale": "sold", "loss": "lost"}
_DEATH_OF = re.compile(
    r"(?<!\bsince )(?<!\binto )(?<!\bover )(?<!\bafter )(?<!\bfollowing )(?<!\bin )(?<!\bfor )"
    r"\bthe death of\b",
    re.IGNORECASE,
)
# Forms too short for the suffix rules of ``_stem``, the stem their nouns above give.
_SHORT_FORMS = {"died": "di", "dies": "di", "die": "di", "dying": "di"}
# One arrest told two ways: "was arrested Sunday" / "was taken into custody late Sunday".
_CUSTODY = re.compile(r"\b(?:taken|placed)\s+into\s+(?:police\s+)?custody\b", re.IGNORECASE)
# Past forms that report, hedge or qualify rather than tell what happened.
_NOT_EVENTS = frozenset(
    """said told reported added noted stated claimed used based called named expected
    according including related involved asked believed wanted seemed appeared continued
    considered followed described showed shown posted tweeted wrote written confirmed
    announced explained alleged suspected accused reportedly hundred indeed speed proceed
    succeed exceed naked wicked sacred""".split()  # noqa: SIM905
)

_OPEN_QUOTE = re.compile(r"^[\"“‘']")
# A quotation of three words or more (and 20 characters) is someone's words; a quoted
# phrase of one or two ("dangerous disinformation") is the report's.
_QUOTED_SPAN = re.compile(r"[\"“](?=(?:[^\"“”\s]+\s+){2})[^\"“”]{20,}[\"”]")
# A sentence that opens on a full name (two or three capitalised words) as its subject.
_NAMED_SUBJECT = re.compile(r"^([A-Z][a-z][\w'’\-]*(?: [A-Z][a-z][\w'’\-]*){1,2})(?=,| [a-z])")
# A text in the first person plural outside quotes is a statement (a company's blog
# post, a press release, a fundraising page): its sentences are that speaker's claims,
# never news or background in our voice. "Mostly": at least this share of its sentences.
# On the dev items the shares fall from 0.55, 0.44, 0.40 and 0.39 (Netflix's and Tesla's
# posts, a paper's abstract, a fundraising page) to 0.33 and below (news reports quoting
# people, a script notice); 0.34-0.39 pick the same texts, 0.35 is inside the gap.
_STATEMENT_SHARE = 0.35
_STATEMENT_MIN_SENTENCES = 3
# Case matters: "US" is a country.
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Oo]urs|ourselves)\b")
_QUOTED_WHOLE = re.compile(r"[\"“][^\"“”]*[\"”]")
# "our solar system", "our planet": everyone's, not a speaker's.
_EVERYONES = re.compile(r"\b[Oo]ur (?:solar system|planet|galaxy|sun|moon)\b")
# First and second person: a column, an explainer or a quote, not a report.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|my|our|us|me|you|You|your|Your)\b")
# AP-style photo captions: "... in Beit Lahiya on Thursday, July 31, 2014."
_CAPTION_DATE = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}, (?:19|20)\d\d\.$)"
    r"|\b(?:is|are) seen\b"
)
# A photo's caption without its year: "Volunteers form a human chain to pass buckets of
# mud in Pandanarum village on Dec. 2." A scene in the present tense, in a place, on a
# day that ends it; news tells the day in the past ("searched ... on Dec. 2") or ahead.
_CAPTION_DAY = re.compile(
    r"\bin (?:the )?[A-Z][\w'’\-]+[^.]{0,60}\bon (?:(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
    r"Nov|Dec)\.? \d{1,2}|\d{1,2} (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December))\.$"
)
_AHEAD_OR_SAID = re.compile(
    r"\b(?:will|would|shall|is to|are to|due|set to|expected|scheduled|plans?|said|says|told|"
    # A day ahead in the present tense: "The trial begins in Manchester on 3 March",
    # "Voters go to the polls in Honduras on Nov. 30".
    r"begins?|opens?|starts?|resumes?|ends?|closes?|takes? effect|goes? to the polls|"
    r"go to the polls|votes?|meets?|holds?|reopens?|launch(?:es)?|runs? until)\b"
)


def _is_dated_caption(text: str) -> bool:
    return bool(
        _CAPTION_DAY.search(text) and not _AHEAD_OR_SAID.search(text) and not _tells_past(text)
    )


def _tells_past(text: str, *, passive_by: bool = True) -> bool:
    """Whether a verb in ``text`` is in the past tense: a past form not after a
    determiner ("searched the rubble", not "past a damaged house"); without
    ``passive_by``, not a participle before "by" either ("observers led by Malaysia")."""
    tokens = re.findall(r"[A-Za-z'’]+", text)
    return any(
        ((word.endswith("ed") and len(word) >= 5) or word in _IRREGULAR_PAST)
        and (place == 0 or tokens[place - 1].lower() not in _DETERMINERS)
        and (passive_by or place + 1 == len(tokens) or tokens[place + 1].lower() != "by")
        for place, word in enumerate(tokens)
    )


_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "two", "three"})


_NOT_NEWS = re.compile(
    r"https?://|www\.|@\s?[A-Za-z_]\w|\bclick\b|\bsubscribe\b|\bcookies?\b|"
    r"\b1-8\d\d\b|\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|"
    # A helpline to call, not a hotline two governments set up.
    r"\bhotline\s+(?:(?:on|number)\s+)?[\d(+]|^(?:Please\s+)?(?:Call|Contact|Ring|Phone)\s"
    r"[^.]{0,40}\bhotline\b|\b(?:can|should|may|must|urged\s+to|asked\s+to)\s+(?:call|contact|"
    r"ring|phone)\s[^.]{0,40}\bhotline\b|\bcall\s+\d|"
    # A publisher's disclaimer: "The views expressed ... do not necessarily reflect ...".
    r"\b(?:views|opinions)\b[^.]{0,80}\bnot necessarily (?:reflect|represent)",
    re.I,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WHEN = re.compile(
    rf"\b(?:{WEEKDAY_PATTERN}|{_MONTH} \d{{1,2}}|today|yesterday|overnight|this (?:week|morning)|"
    rf"last (?:week|night)|tonight|on \d{{1,2}} {_MONTH})\b"
)
# A tally or a habit since some earlier time ("... has resulted in at least 145 deaths
# since September", "tweets have repeatedly sparked controversy since he entered the
# White House"): background to the week's event, which another lede tells. Only since a
# month, a year or someone's taking up a post; not a record ("the first time since",
# "their worst day since 2020"), which is how news of the week is told, nor a cause
# ("since no quorum was reached").
_HURT = re.compile(r"\b(?:injured|wounded|hurt|displaced|homeless|evacuated)\b")
# A lede telling a stage of a bill the week went past ("approved in a first reading"):
# beside a lede telling the outcome, the outcome is the news. Not a lede that tells the
# final vote too ("... after it passed a first reading"), nor election results, whose
# preliminary count is often the news.
_PROVISIONAL = re.compile(
    r"\b(?:first|preliminary|initial) reading\b|\bpreliminary (?:vote|approval)\b",
    re.IGNORECASE,
)
_FINAL = re.compile(r"\bfinal\b", re.IGNORECASE)
# A lede that opens on someone's reaction to the event ("The Kremlin said Saturday that
# it welcomed the peace treaty signed by ...", "China condemned the sanctions"): beside
# a lede telling the event, the reaction is the second fact. The reaction is to a thing
# ("the treaty", "the sanctions"), not a welcome given to someone ("Pope Leo welcomed
# Zelensky", "welcomed their third child", "welcomed a record 2.3 million visitors"),
# and no body's vote ("condemned ... in a resolution passed 433 to 123").
_REACTION = r"(?:welcom|condemn|criticis|criticiz|prais|hail|denounc|deplor|decr[iy])\w*"
# "Japan on Friday lodged a protest with South Korea after its top court ordered ...":
# a country's protest over the event (not students' with their university).
_PROTEST_LODGED = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:['’]s\s+[a-z]+"
    rf"(?:\s+[a-z]+)?)?\s+(?:on\s+{WEEKDAY_PATTERN}\s+)?(?:(?:has|have)\s+)?(?:lodged|lodges|"
    r"filed|files|registered|made)\s+an?\s+(?:formal\s+|strong\s+|diplomatic\s+|stern\s+)?"
    r"protest\b"
)
# "China warned on Wednesday that NATO was “exporting bloc confrontation” to the
# Indo-Pacific after the alliance's secretary general said in Tokyo ...": a country's
# warning or charge told as its answer to what someone did.
_WARNED_AFTER = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:['’]s\s+[a-z]+"
    rf"(?:\s+[a-z]+)?)?\s+(?:on\s+{WEEKDAY_PATTERN}\s+)?(?:warned|accused|charged)\s+"
    rf"(?:on\s+{WEEKDAY_PATTERN}\s+)?(?:that\s+)?[^.;]{{0,200}}?\s(?:after|following)\s+"
    # What the other did, in the "after" clause's own verb: not the sentence's closing
    # attribution ("..., officials said."), nor the event itself ("after a bombing
    # killed 12").
    r"(?:the\s+|a\s+|an\s+)?[^.;,]{0,80}?\b(?:said|says|announced|called|proposed|signed|"
    r"agreed|voted|visited|offered|suggested)\b(?!\s*[.!?]?$)"
)
_REACTION_LEDE = re.compile(
    # "In a statement on Thursday, ..."
    rf"^(?:In\s+a\s+statement(?:\s+on\s+{WEEKDAY_PATTERN})?,\s+)?"
    # "Ostland", "The Kremlin", "Saudi Arabia, Qatar and Egypt", "Ostland's foreign ministry"
    r"(?:The\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:of|for|and|the|[A-Z][\w’'.-]*)){0,6}"
    r"(?:['’]s(?:\s+[a-z]+){1,2})?\s+"
    rf"(?:(?:(?:said|says)\s+(?:(?:on|late|early)\s+)?(?:{WEEKDAY_PATTERN}\s+)?(?:that\s+)?"
    rf"(?:it|he|she|they)\s+(?:had\s+|has\s+)?{_REACTION}|"
    rf"(?:(?:on\s+{WEEKDAY_PATTERN}|yesterday|today)\s+)?(?:(?:has|have)\s+)?"
    r"(?:(?:strongly|sharply|firmly|warmly)\s+)?"
    r"(?:welcom|condemn|criticis|criticiz|prais|hail|denounc|deplor|decri|decrie)(?:ed|es|s|e)?"
    rf"(?:\s+(?:on\s+)?{WEEKDAY_PATTERN})?)\s+(?:the|its|this|their)\s"
    # "welcomed an agreement", not "welcomed a record 2.3 million visitors".
    rf"|(?:(?:on\s+{WEEKDAY_PATTERN}|yesterday|today)\s+)?(?:(?:strongly|sharply|firmly|warmly)\s+)?"
    r"(?:welcom|condemn|criticis|criticiz|prais|hail|denounc|"
    r"deplor)\w*\s+an?\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|decision|move|ruling|verdict|"
    r"plan|proposal|announcement|ceasefire|truce|report|law|bill|arrangement|pact|accord|"
    r"treaty)\b"
    # "... said on Wednesday it was “disappointed” by a court order", "The Kremlin on
    # Friday vowed a ‘painful’ response": what someone made of the event.
    rf"|(?:said|says)\s+(?:(?:on|late|early)\s+)?(?:{WEEKDAY_PATTERN}\s+)?(?:that\s+)?"
    r"(?:it|he|she|they)\s+(?:was|were|is|are)\s+(?:deeply\s+|very\s+)?[\"“‘']?"
    r"(?:disappointed|dismayed|saddened|shocked|outraged|alarmed)\b"
    rf"|(?:on\s+{WEEKDAY_PATTERN}\s+)?(?:vow|promis|threaten)(?:ed|s)?\s+(?:an?\s+)?"
    r"(?:[\"“‘'][\w\-]+[\"”’']\s+|[a-z]+\s+)?(?:response|retaliation|reprisals?|countermeasures)\b"
    # "Lebanon filed a complaint with the UN Security Council over Israeli strikes ...":
    # a country's complaint to the UN, not a lawsuit or a complaint to the police.
    r"|(?:(?:has|have)\s+)?(?:(?:filed|lodged|submitted)\s+a\s+(?:formal\s+)?complaint"
    r"(?:\s+against\s+[A-Z]\w+)?|complained)\s+(?:with|to|at)\s+the\s+"
    r"(?:UN|United\s+Nations|Security\s+Council)\b)"
)
# "China on Tuesday warned NATO against expanding into Asia, a day after the alliance
# signed a partnership with Manila": a warning told as the answer to the event (which
# may be a vote: "a day after the parliament voted to apply").
_WARNING_REACTION = re.compile(
    r"^(?:The\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:of|for|and|the|[A-Z][\w’'.-]*)){0,6}"
    r"(?:['’]s(?:\s+[a-z]+){1,2})?\s+"
    rf"(?:on\s+{WEEKDAY_PATTERN}\s+)?(?:warn|caution)(?:ed|s)\s+(?:the\s+)?[A-Z][\w.'’-]*"
    r"(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,4}"
    rf"(?:\s+on\s+{WEEKDAY_PATTERN})?\s+(?:against|over|not\s+to)\b[^.;]{{0,160}}?"
    r",\s+(?:just\s+|only\s+|barely\s+|less\s+than\s+)?"
    r"(?:(?:a|one|two|three|the)\s+days?|hours|days|\d+\s+hours)\s+after\b"
)
# "Ryanair CEO Michael O'Leary on Friday called on the European Commission to protect
# flights ..., as a two-day walkout by French air traffic controllers came to an end": a
# call told as the answer to the event the clause after it tells.
_CALL_REACTION = re.compile(
    r"^(?:The\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:of|for|and|the|chief|head|boss|leader|"
    r"president|minister|spokes(?:man|woman|person)|executive|[A-Z][\w’'.-]*)){0,6}"
    r"(?:['’]s(?:\s+[a-z]+){1,2})?\s+"
    rf"(?:on\s+{WEEKDAY_PATTERN}\s+)?(?:called\s+on|urged|pressed|appealed\s+to)\s+(?:the\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,4}\s+to\s+[a-z]"
    # The clause after it is the event, not the caller's own act ("..., as it approved
    # a $2 billion disbursement"), nor its vote ("after 14 members voted in favour").
    r"(?:[^.;]{0,160}?,\s+(?:as|after|amid|following|(?:a|one|two)\s+days?\s+after)\s"
    # Without a comma, only after an event named as one: "... after US strikes on boats".
    r"|[^.;,]{0,120}?\s(?:after|following)\s+(?:[\w'’-]+\s+){0,3}?(?:strikes?|attacks?|"
    r"raids?|ruling|verdict|shelling|killings?|bombings?|arrests?|seizure|coup|crackdown)\b)"
    r"(?!(?:it|he|she|they|its|his|her|their)\b)(?![^.;]*\b(?:voted|votes?\s+of|resolution)\b)"
)
_AFTER_THE_EVENT = re.compile(
    r",\s+(?:just\s+|only\s+|barely\s+|less\s+than\s+)?"
    r"(?:(?:a|one|two|three|the)\s+days?|hours|days|\d+\s+hours)\s+after\b.*$"
)
_VOTED = re.compile(r"\b(?:resolution|voted|votes? of|passed)\b")
_SINCE_THEN = re.compile(
    r"\b(?:has|have)\b"
    r"(?:(?!\b(?:first|last|only|worst|best|(?<!at )(?:most|least)|\w\w+est)\b)[^.;:])*?"
    rf"\bsince\s+(?:(?:early |late |mid-?)?{_MONTH}(?! \d)|(?:in )?\d{{4}}\b|"
    r"(?:he|she|they|it)\s+(?:took|entered|became|came|won|was elected|returned)\b|"
    r"the (?:start|beginning) of\b)"
)
# An instruction to the reader, not news: promos ("See the full story", "Stay with ..."),
# page notices ("Please enable JavaScript") and a feature's address ("Don't worry").
# The verb must go on in lower case ("Discover Financial said", "Take-Two reported" are
# companies); verbs that are also nouns ("Share prices fell", "Watch officers") need
# an object a promo uses.
_IMPERATIVE = re.compile(
    r"^(?:(?:Please|Get|Read|Click|See|Find|Follow|Learn|Download|Listen|Join|Tell|Send|"
    r"Subscribe|Scroll|Stay|Don't|Do not|Let's|Make sure|Be sure|Visit|Explore|Discover|"
    r"Imagine|Enjoy)(?=\s+[a-z@])|Play\s+(?:with|the|our|along|now|it|this)\b|"
    r"(?:Share|Watch|Sign|Take|Check|Keep|Try)\s+"
    r"(?:this|it|our|your|us|up|in|out|now|more|the (?:full|latest|video|story))\b|"
    # A teaser's hand-over to the page: "Here's what they say they know about it."
    r"Here(?:'s|’s| is| are)\s+(?:what|how|why|where|who|everything|all)\b|"
    r"(?:What|Everything) (?:we|you) (?:know|need to know)\b)"
)
# The writer's verdict, not the news: "Fortunately, business managers are not stupid",
# "Turns out, a soda tax ...".
# "Because space travel and sustaining life off Earth are anything but easy.": a reason
# or a concession with no main clause to attach to (no comma, colon or dash) is a
# fragment, the answer to a sentence the reader has not seen.
_LONE_CLAUSE = re.compile(r"^(?:Because|Although|Though|Whereas)\b(?!\s+of\b)[^,;:—–]*[.!?]$")
# Headline-ese: a feed's teaser written as two headlines run together, the second
# without its subject ("Om Birla meets Tarique Rahman, hands over PM Modi's letter ...",
# "Xtend recently won US Defense Department contract, is bidding for another ..."). A
# clause with a capitalised subject and its verb, a comma, then a verb: an auxiliary, or
# a present in -s whose next word is no verb (else the -s word was a subject: "...,
# officials said"). Not after an opening clause ("When ..., is"), nor a list of verbs
# ("..., is friends with ... and has"), nor a trailing attribution ("..., rights group
# says."). None of Multi-News dev's 9,800 sentences nor AEB's 4,200 fits; two of the
# real feed set's 111 items do.
_HEADLINESE_OPENING = re.compile(
    r"^(?:When|After|As|If|Although|Though|While|Because|Since|Before|Despite|In|On|At|"
    r"For|With|From|By|Under|Over|During|Until|Once|Unlike|Like|According|Amid|Among|"
    r"Following|Besides|Beyond|Without|Within|Even|Still|Yet|But|And|So|Also|However|"
    r"Meanwhile|Instead|Otherwise|Moreover|Indeed|Then|Now|Today|Here|There|Sometimes|"
    r"Often|Usually|Last|Next|This|That|These|Those|It|They|He|She|We|I|You|One)\b"
)
# A present in -s is no word in -ss, -us or -is ("less", "versus", "this").
_SUBJECT_AND_VERB = re.compile(
    r"\b[A-Z][\w’'.-]*\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}s(?<!ss)(?<!us)(?<!is)|[a-z]{3,}ed|won|met|"
    r"took|made|gave|held|led|sent|left|got|hit|set|cut)\b"
)
_SUBJECTLESS_VERB = re.compile(
    r"^(?:(?P<aux>is|has|was|are|were|have|will)|(?P<verb>[a-z]{3,}s(?<!ss)(?<!us)(?<!is)))"
    r"\s+(?P<next>[a-z]+)\b"
)
# "..., sources familiar with the matter said.", "..., figures show.": a report's
# attribution at the end, after a plural noun that is no verb.
_ATTRIBUTION_END = re.compile(
    r"\b(?:said|says|say|show|shows|showed|found|find|finds|warn|warns|warned|reported|"
    r"reports|report|added|wrote|estimate|estimates|estimated|believe|believes|suggest|"
    r"suggests|according to [^,]+)(?:\s+(?:on|last|this)\s+\w+)?\.?$"
)
_NOT_A_VERB_IN_S = frozenset(
    {
        *("sometimes", "perhaps", "always", "thus", "plus", "minus", "towards", "besides"),
        *("thanks", "afterwards", "nevertheless", "news", "series", "species", "politics"),
        *("days", "weeks", "months", "years", "hours", "minutes", "decades", "moments"),
        *("dozens", "hundreds", "thousands", "millions", "tens", "scores", "whereas"),
        # A reporting verb inverted after its clause: "..., says the Financial Times".
        *("says", "adds", "notes", "writes", "reports", "argues", "insists", "explains"),
    }
)
_VERB_NEXT = re.compile(
    r"[a-z]+(?:ed|s)|said|say|told|were|are|was|is|have|had|will|would|could|can|may"
)


def _is_headlinese(text: str) -> bool:
    """Whether ``text`` is two headlines run together (see _HEADLINESE_OPENING), or a
    deck's two lines ("Two victims were counted twice, officials say; search for five
    missing continues"), or a deck in the headline's present ("Nielsen doubles down as
    Denmark summons the American ambassador.")."""
    if _DECK_TAIL.search(text) or _is_present_deck(text):
        return True
    first, comma, rest = text.partition(", ")
    if (
        not comma
        or "," in first
        or not first[:1].isupper()
        or len(first.split()) < 3
        or _HEADLINESE_OPENING.match(first)
        or not _SUBJECT_AND_VERB.search(first)
        or re.search(r"\b(?:and|or)\b", rest)
        or _ATTRIBUTION_END.search(rest)
    ):
        return False
    verb = _SUBJECTLESS_VERB.match(rest)
    if verb is None:
        return False
    if verb["aux"]:
        return True
    return (
        verb["verb"] not in _NOT_A_VERB_IN_S
        and verb["next"] != "of"  # "dozens of them", "thousands of": a noun
        and not _VERB_NEXT.fullmatch(verb["next"])
    )


# A deck under a headline, in the headline's present: a named subject, its verb in -s,
# "as", the next clause ("Jens-Frederik Nielsen doubles down as Denmark summons the
# American ambassador."). A report tells what happened in the past; a sentence in the
# present that says nothing happened before is no lede. Short, with no comma: a lede's
# present ("She keeps time ... as she plays") opens with a pronoun. None of Multi-News
# dev's, AEB's or the real feed set's 14,400 sentences fits; two of its titles do.
# The clause after "as" is a headline's too: a name, or a bare noun with no article
# ("as Denmark summons ...", "as opposition walks out"), and its verb in -s; not "as of",
# "as part of", "describes the law as a blow", "as it moves west".
_PRESENT_DECK = re.compile(
    r"^[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*(?:\s+[a-z][\w’'.-]*)?\s+"
    r"(?!(?:says|is|has|was)\b)[a-z]{3,}s(?<!ss)(?<!us)(?<!is)\b[^,;:]*\s+as\s+"
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+[a-z]+)?|(?!(?:the|a|an|it|its|their|his|her|they|he|she|"
    r"we|of|part|well|much|many|long|soon|far|such)\b)[a-z]+)\s+[a-z]{3,}s(?<!ss)(?<!us)\b"
)
# A day or a time says it is a report (a preview: "Chile votes in a runoff on Sunday as
# crime dominates the campaign"), not a deck.
_DECK_DAY = re.compile(
    rf"\b(?:{WEEKDAY_PATTERN}|today|tonight|tomorrow|this\s+week|next\s+week|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:[a-z]{3,}ed|said|was|were|had|told|went|came|took|made|gave|held|led|sent|"
    r"left|won|met)\b"
)
_DECK_WORDS = 16


def _is_present_deck(text: str) -> bool:
    return (
        len(text.split()) <= _DECK_WORDS
        and "," not in text
        and not _HEADLINESE_OPENING.match(text)
        and not text.startswith("Whether")
        and _PRESENT_DECK.search(text) is not None
        and not _PAST.search(text)
        and not _DECK_DAY.search(text)
    )


# A deck's second line after its attribution and a semicolon: a bare noun, no article,
# then its present tense (", officials say; search for five missing continues").
_DECK_TAIL = re.compile(
    # (After a deck's attribution in the present: ", officials say;". A report's lede
    # says "said": "... died in the floods; rescue work continues" is news.)
    r",\s+(?:[a-z]+\s+){0,2}says?;\s+"
    r"(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|it|they|he|she|we|"
    r"there|some|no|many|most|all|both|each|every|one|two|three)\b)[a-z][a-z-]+"
    r"(?:\s+[\w'’-]+){0,6}\s+(?:continues|continue|resumes|resume|grows|mounts|looms|"
    r"begins|widens|deepens|goes\s+on)\.$"
)
# A paper's pointer to its figures ("... thick and linear barbs (Fig. 4c).") marks a
# journal's text, which reads as a methods section, not as news.
# A reading of the news that commentators give ("... shows that the alliance, having
# failed in Ukraine, is seeking to export its confrontational policies to Asia, Iranian
# officials and analysts said"): their view, for Who says what, not what happened.
_COMMENTARY = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,4}(?:analysts|experts|observers|commentators|pundits)\s+"
    r"(?:said|say|says|noted|argued|believe|believed)\b[^.!?]{0,60}[.!?]?[\"”’]?$",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"[(;]\s*(?:see\s+)?(?:Figs?\.|Figures?|Table|Supplementary|Extended Data)\s*[\dA-Z]"
    # ... and its references, run into the words when the page is read as text
    # ("theropods2,5,28", "deinonychosaurs16–18").
    r"|\b[a-z]{4,}\d{1,3}[,–-]\d{1,3}\b"
)
# One reference mark ("paravians16") may be a name with a number; two are references.
_REFERENCE_MARK = re.compile(r"\b[a-z]{4,}\d{1,3}\b")
_OPINION_OPENING = re.compile(
    r"^(?:Fortunately|Unfortunately|Sadly|Thankfully|Luckily|Happily|Mercifully|Clearly|"
    r"Obviously|Frankly|Honestly|Surely|Ironically|Predictably|Needless to say|"
    r"(?:It )?[Tt]urns out|Make no mistake|Let['’]s be (?:clear|honest)|"
    # "In reality, Trump gave a weapons-grade crazy 77-minute press conference": the
    # writer setting their verdict against what someone claimed.
    r"In (?:reality|truth|fact, though)|(?:The )?[Tt]ruth (?:is|be told)|Let['’]s face it|"
    r"The (?:reality|irony|problem) is)\b"
)
# "The obvious reading is that this is about the United States": an analyst's reading
# of the news, not the news or its background; unless someone is reported saying it
# ("The likely explanation is a faulty valve, the safety board said").
_READING_OPENING = re.compile(
    r"^(?:The (?:(?:most|more) )?(?:obvious|likely|real|simple|short|honest|charitable|"
    r"cynical|plain|safe) (?:reading|answer|explanation|interpretation|lesson|takeaway|"
    r"conclusion|bet) is|One (?:reading|explanation|interpretation) is|"
    r"What(?: is|['’]s| seems| looks) (?:clear|obvious|certain) is)\b"
)
_REPORTED_AFTER = re.compile(r"\b(?:said|says|told|according to|added)\b")
# An interview's introduction: the outlet or "we" put a question to someone ("Kyiv Post
# asked Iryna Mudra, a former deputy minister, what the ruling means"). It tells what
# the page goes on to ask, not what happened.
_PUT_A_QUESTION = re.compile(
    r"^We (?:spoke (?:to|with)|talked (?:to|with)|sat down with|asked)\s[^.;]{0,160}?"
    r"\b(?:what|how|why|whether|about)\b"
    # "asked" a question of someone it introduces: not "asked the ministry whether".
    r"|^(?:The )?(?:[A-Z][\w'’.\-]*\s){1,4}?asked\s[A-Z][\w'’.\-]*+(?:\s[A-Z][\w'’.\-]*+){0,3},\s"
    r"(?:a|an|the|who)\s[^;]{0,140}?,\s(?:what|how|why|whether|about)\b"
)
# The writer's verdict anywhere outside quotes: "Netflix's policy deserves high marks",
# "the film undeniably chose well", "To be fair, the premiere faced ...", "It is
# ridiculous to claim ...". A speaker's verdict in quotation marks is a voice's.
_VERDICT = re.compile(
    r"\b(?:deserves? (?:high |top |full |some )?(?:marks|credit|praise|applause|kudos)|"
    r"undeniabl[ey]|arguabl[ey]|admittedly|unquestionabl[ey]|"
    r"to (?:be|put it) (?:fair|honest|blunt|mildly)|"
    r"(?:is|was|sounds|seems|looks) (?:absurd|ridiculous|laughable|shameful|disgraceful))\b",
    re.IGNORECASE,
)
# An explainer's title asks its question, with the mark or without ("Why the strait
# matters to Tehran", "How the vote works", "Who is the new envoy"): it
# promises an answer and reports no event. A question someone asked, in quotes at the
# end ('... asked CNN “says who?”'), is a report of it. A tracker, a map, a timeline
# or a gallery ("Mapping U.S. strikes in the Caribbean", "In pictures: ...", "The war
# in maps") is kept up to date or looked at, not a report of the week's event either.
_EXPLAINER_TITLE = re.compile(
    r"^(?:Why|How|What|Which|Who (?:is|are|was|were))\s|\?$"
    # after a label of two words or more ("Swiss arms re-exports: what the House vote
    # changes", "Ukraine war: What we know"); after one, only in lower case: "Zelensky:
    # What Russia offers is not peace" quotes him.
    r"|^[^:\s]+\s[^:]{1,60}:\s+(?:[Ww]hat|[Ww]hy|[Hh]ow)\s(?!I\b)"
    r"|^[^:\s]{3,30}:\s+(?:what|why|how)\s(?!I\b)"
    r"|^(?i:timelines?|explainer|explained|mapped)\s*(?::|of\b)"
    r"|^In (?i:pictures|photos|maps|charts|numbers|graphics)\s*:"
    r"|\b(?i:explained|in (?:\d+ )?(?:pictures|photos|maps|charts|numbers|graphics))$"
)
_TRACKER = re.compile(r"^(?:Mapping|Tracking)\s+(\S+)")
_TRACKED = frozenset("the a an how where what who which every all".split())  # noqa: SIM905
# "used to turn pink", not the passive "were used to attack".
_HABIT = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )\bused to\b"
    r"|\bevery (?:spring|summer|autumn|fall|winter|morning|evening|night|year)\b"
)
_REPORTED = re.compile(r"\b(?:said|says|announced|reported|told)\b")
# A person's full name, then the middle of an act: "Nino Beridze was making tea",
# "Ana Lind had just locked the shop", "Ana Lind keeps the keys". Two to three
# capitalised words, so a place or an office ("Police were searching") is not a person;
# a title before the name ("Minister Ana Lind was ...") is not a scene's opening either.
# What makes the act a scene: a moment breaking into it ("... when the floor beneath her
# jumped") or a life's things ("keeps the keys to her flat"). "Jimmy Lai was facing life
# in prison" has neither.
_SCENE_TURN = re.compile(r"\bwhen\b|\b(?:her|his|their)\s")
# Words of a firm's or a body's name, not a person's.
_FIRM = re.compile(
    r"\b(?:Bank|Air|Airlines?|Airways|Group|Motors?|Holdings|Energy|Oil|Capital|Partners|"
    r"City|County|Council|Party|United|Club|Inc|Corp|Ltd|News|Times|Post|Square|Palace|"
    r"Ministry|Office|Police|Army|Navy|Service|Authority|Commission|Airport|Port|Station|"
    r"University|College|Hospital|Company)\b"
)
_PERSON_DOING = re.compile(
    r"^(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|Some|Many)\s)"
    r"([A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*){1,2}),?(?:\s\d{1,3},)?\s"
    r"(?:(?:was|had been)\s(?:just\s|still\s|already\s)?\w+ing|had just\s\w+ed"
    # ... or in a feature's present, a habit of a life: "Olena Hrytsenko keeps the keys
    # to her Kharkiv flat on a hook by the door".
    # (Not "stands to lose", "sits out the match": a public figure's news.)
    r"|(?:still\s)?(?:keeps|lives|wakes|walks|remembers|recalls|spends|sleeps|cooks|tends|"
    r"counts|carries|pours|scrolls|clutches|stares|gazes))\b"
)
# How many sentences past the ledes a feature's news may come, and what marks one of
# them as background ("In 2022, a siege ...", "Last year a similar storm ...").
_NUT_GRAF = 2
_EARLIER_TIME = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:[Ll]ast|[Pp]revious)\s+(?:year|month|decade|winter|summer)\b|"
    r"\b[Pp]reviously\b|\bsimilar\b"
)
_FEATURE_OPENING = re.compile(
    r"^(?:When|As|While|After|Before|Although|Though|If|Imagine|Picture|For|It was|It is|"
    r"There (?:is|was|are|were)|In the|On a|At the|Once|Long before|Years? ago|Ever since)\b"
)
# A video's or a gallery's line: "Footage filmed by residents in Neiafu shows shelves
# toppling ...". The pictures of the event, where other reports tell the event.
_PICTURES_LINE = re.compile(
    r"^(?:(?:dramatic|amateur|drone|mobile[- ]phone|new|social media)\s+)?(?:video|footage|"
    r"images|pictures|photos|photographs|clips?)\b[^.]{0,80}?\b(?:shows?|showed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A clean sentence of article ``doc`` (its ``position``-th clean sentence there)."""

    text: str
    doc: int
    position: int
    words: int
    # Someone's words or the writer's rhetoric, not a report (``voiced_sentences``).
    voiced: bool = False
    # The end of a page's line without a stop: a subheading, a list item (``_unended_lines``).
    unended: bool = False
    # The outlet recalling its own earlier report ("As Ukrinform reported, ..."): background
    # it told before, not this news (``_without_own_credit``).
    recalled: bool = False


@dataclass(frozen=True, slots=True)
class ScoredSentences:
    """A story's clean sentences, their vectors and scores, computed once."""

    candidates: tuple[Candidate, ...]
    vectors: _Matrix  # one L2-normalised row per candidate
    scores: npt.NDArray[np.float64]
    bags: tuple[frozenset[str], ...]  # content words of each candidate
    weights: dict[str, float]  # how much covering each content word is worth
    documents: tuple[tuple[str, ...], ...]  # each article's clean sentences, in order
    titles: frozenset[str] = frozenset()  # content words of the story's titles
    statements: frozenset[int] = frozenset()  # articles that are a speaker's statement
    facts: tuple[frozenset[str], ...] = ()  # each candidate's words, stemmed (_fact_words)
    events: tuple[frozenset[str], ...] = ()  # ... of them, its event verbs
    names: frozenset[str] = frozenset()  # the story's names, stemmed (_story_names)
    explainers: frozenset[int] = frozenset()  # articles whose title is an explainer's
    # Answers of leans_on and is_redundant, which the Briefly's search asks again for
    # every set of sentences it tries. Not copied by ``replace``: the answers depend on
    # the fields (titles, among others).
    memo: dict[tuple[str, int, int], object] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )


def extractive_briefly(documents: Sequence[str], *, words: int = 70) -> list[str]:
    """The Briefly sentences for a set of article texts, in output order.

    Whole sentences only: the result has at most ``words`` words (``word_count``) unless
    no sentence fits, in which case it is the shortest good one. Used by the
    evaluation and by ``summarize_story``.
    """
    scored = score_sentences(list(documents), frozenset())
    return [scored.candidates[i].text for i in select_briefly(scored, words)]


# Scoring -------------------------------------------------------------------------------


def score_sentences(
    texts: Sequence[str],
    previous: frozenset[str],
    titles: Sequence[str] = (),
    known_names: frozenset[str] = frozenset(),
    outlets: Sequence[str] = (),
) -> ScoredSentences:
    """Clean, de-duplicate and score the sentences of ``texts`` (articles, in order).

    ``previous`` are sentences printed in earlier issues: near-copies score a fifth.
    ``titles`` are the articles' titles: one of them is the headline the reader sees
    first, so what a title names needs no introduction (:func:`leans_on`); nor do
    ``known_names`` (content words: names in the news all over the window, "trump").
    ``outlets`` name each text's outlet: a sentence's support is what other outlets
    say like it, each counting once however many pieces it has in the story; an outlet
    repeating itself is no support (by default each text is an outlet of its own).
    """
    named = frozenset(word for title in titles for word in content_words(title))
    named |= known_names
    candidates, documents = _candidates(texts)
    if outlets:
        candidates = [_without_own_credit(c, outlets[c.doc]) for c in candidates]
    words = [content_words(c.text) for c in candidates]
    vectors = _tfidf(words)
    bags = tuple(frozenset(w) for w in words)
    weights = _word_weights(candidates, bags)
    if not candidates:
        return ScoredSentences((), vectors, np.zeros(0), bags, weights, documents, named)
    statements = _statements(documents)
    docs = sorted({c.doc for c in candidates})
    doc_of = np.array([c.doc for c in candidates])
    doc_vectors = np.stack([_unit(vectors[doc_of == d].sum(axis=0)) for d in docs])
    centrality = vectors @ _unit(doc_vectors.mean(axis=0))
    # Beside a page read whole, a one-sentence feed teaser (its page unread) is its own
    # report's whole vector, so half the centroid beside one other report: its sentence
    # is measured against the other reports. (Where every report is a teaser, a feed-only
    # week, all are alike and none is.)
    sizes = np.bincount(doc_of)
    if len(docs) > 1 and sizes.max() >= _READ_PAGE_SENTENCES:
        total = doc_vectors.sum(axis=0)
        for alone in np.flatnonzero(sizes[doc_of] == 1):
            own = doc_vectors[int(np.searchsorted(docs, doc_of[alone]))]
            centrality[alone] = float(vectors[alone] @ _unit(total - own))
    # Who supports a sentence: the outlets, or the articles when the story has one
    # outlet (its pieces are all there is to weigh). Weighting each outlet once in the
    # centrality too was tried: on the realfeeds week it moved three Briefly paragraphs,
    # one of them for the worse (a lead without its place).
    outlet_of = [outlets[d] if d < len(outlets) else f"#{d}" for d in docs]
    if len(set(outlet_of)) < 2:
        outlet_of = [f"#{d}" for d in docs]
    sources = list(dict.fromkeys(outlet_of))
    source_of_doc = np.array([sources.index(o) for o in outlet_of])
    support = np.zeros(len(candidates))
    if len(sources) > 1:
        similarity = vectors @ vectors.T
        source_of = source_of_doc[np.searchsorted(docs, doc_of)]
        best = np.stack(
            [np.where(source_of == k, similarity, 0.0).max(axis=1) for k in range(len(sources))]
        )
        best[source_of, np.arange(len(candidates))] = 0.0
        support = best.sum(axis=0) / (len(sources) - 1)
    position = np.array([_position_prior(c.position) for c in candidates])
    scores = centrality + _SUPPORT_WEIGHT * support + _POSITION_WEIGHT * position
    informal = [bool(_INFORMAL.search(_QUOTED_WHOLE.sub("", c.text))) for c in candidates]
    scores[np.array(informal, dtype=bool)] *= _INFORMAL_WEIGHT
    if previous:
        seen = [set(content_words(s)) for s in previous]
        for i, candidate in enumerate(candidates):
            if _is_repeat(set(content_words(candidate.text)), seen):
                scores[i] *= 0.2
    return ScoredSentences(
        tuple(candidates),
        vectors,
        scores,
        bags,
        weights,
        documents,
        named,
        statements,
        tuple(_fact_words(c.text) for c in candidates),
        tuple(_event_verbs(c.text) for c in candidates),
        _story_names(documents),
        frozenset(d for d, title in enumerate(titles) if is_explainer_title(title)),
    )


def _without_own_credit(candidate: Candidate, outlet: str) -> Candidate:
    """``candidate`` without its outlet crediting itself at the end ("... in Ankara,
    Ukrinform reports."): said of the whole article, and printed under its name; and
    marked ``recalled`` where the outlet recalls its own earlier report."""
    full = re.sub(r"^The\s+", "", outlet.strip(), flags=re.IGNORECASE)
    # "Al Jazeera English" writes "Al Jazeera"; "BBC News", "the BBC".
    # "Trend News Agency" signs "Trend reports".
    core = re.sub(
        r"\s+(?:English|News|Online|International|World|Digital|News\s+Agency|Agency)$", "", full
    )
    name = "|".join(re.escape(n) for n in dict.fromkeys((full, core)) if n)
    if not name or not re.search(name, candidate.text, re.IGNORECASE):
        return candidate
    own = rf"(?:the\s+)?(?:{name})"
    if re.match(
        rf"As\s+(?:{own}\s+(?:has\s+|had\s+)?(?:previously\s+|earlier\s+|already\s+)?"
        rf"(?:first\s+)?(?:reported|wrote)|(?:previously\s+|earlier\s+)?reported\s+by\s+"
        rf"{own})\b",
        candidate.text,
        re.IGNORECASE,
    ):
        return replace(candidate, recalled=True)
    found = re.search(
        rf",\s+{own}\s+(?:reports|reported|has learned|learned)(?P<end>[.!?]?[\"”’]?)\s*$",
        candidate.text,
        re.IGNORECASE,
    )
    if not found:
        return candidate
    text = candidate.text[: found.start()] + (found["end"] or ".")
    return replace(candidate, text=text, words=word_count(text))


def _candidates(texts: Sequence[str]) -> tuple[list[Candidate], tuple[tuple[str, ...], ...]]:
    """Clean sentences of real articles, exact repeats (syndicated copies) dropped."""
    seen: set[str] = set()
    out: list[Candidate] = []
    documents: list[tuple[str, ...]] = []
    for doc, text in enumerate(texts):
        if is_boilerplate_document(text):
            documents.append(())
            continue
        position = 0
        sentences = join_list_items(clean_sentences(text))
        documents.append(tuple(sentences))
        # The outlet's framing above the agency copy it carries reads after the agency's
        # lede: that lede tells what happened (``framing_sentences``).
        framing = framing_sentences(text) if len(sentences) > 1 else 0
        moved = len(sentences) - framing
        unended = _unended_lines(text)
        voices = voiced_sentences(sentences)
        # A transcript's words under its speakers' labels are the speakers'.
        spoken = _transcript_speech(text)
        if spoken:
            voices = [
                v or _in_speech(sentence, spoken)
                for sentence, v in zip(sentences, voices, strict=True)
            ]
        for number, (sentence, voiced) in enumerate(zip(sentences, voices, strict=True)):
            key = " ".join(content_words(sentence))
            if not key or key in seen:
                continue
            seen.add(key)
            place = position
            if framing and 0 < framing < len(sentences):
                place = number - framing if number >= framing else moved + number
            out.append(
                Candidate(sentence, doc, place, word_count(sentence), voiced, key in unended)
            )
            position += 1
    return out, tuple(documents)


def _transcript_speech(text: str) -> list[str]:
    """The paragraphs of ``text`` that speakers say, when it is a transcript: three or
    more (``_TRANSCRIPT_LABELS``) paragraphs that are each a label, a name of two to
    four words, maybe with a role, and a colon ("Geoff Bennett:", "Jamieson Greer, U.S.
    Trade Representative:"), naming two people or more, one of them twice. What follows
    a label up to the next one is that person's words, with no "said" to tell the reader
    whose; after the last label, its one paragraph (a report may go on in its own words,
    as a court story does after the exchange it quotes). Whitespace collapsed; [] when
    ``text`` is no transcript."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    labels = {
        index: label.group("name")
        for index, paragraph in enumerate(paragraphs)
        if (label := _SPEAKER_LINE.fullmatch(paragraph))
        and not _HEADING_WORDS & set(label.group("name").lower().split())
    }
    labelled = sorted(labels)
    names = Counter(labels.values())
    if len(labelled) < _TRANSCRIPT_LABELS or len(names) < 2 or max(names.values()) < 2:
        return []
    ends = [*labelled[1:], labelled[-1] + 2]
    return [
        paragraphs[index]
        for start, end in zip(labelled, ends, strict=True)
        for index in range(start + 1, min(end, len(paragraphs)))
        if index not in labelled
    ]


def _in_speech(sentence: str, spoken: Sequence[str]) -> bool:
    """Whether ``sentence`` (cleaned) is part of one of the ``spoken`` paragraphs."""
    start = " ".join(sentence.split())[:_SPEECH_MATCH_CHARS]
    return any(start in paragraph for paragraph in spoken)


# A speaker's label on a line of its own, as a broadcast transcript prints it.
_SPEAKER_LINE = re.compile(r"(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){1,3})(?:, [^:]{2,80})?:")
# How much of a sentence's opening is looked for in a speaker's paragraph.
_SPEECH_MATCH_CHARS = 40
_TRANSCRIPT_LABELS = 3
# Words of a page's headings in Title Case, which no speaker's name holds ("Key Points:").
_HEADING_WORDS = frozenset(
    """key points steps next what why how background context update updates editor note
    read more related timeline summary latest highlights facts analysis reaction reactions
    takeaways watch listen see also the our at glance north south east west new central
    upper lower greater""".split()  # noqa: SIM905
)


def _unended_lines(text: str) -> frozenset[str]:
    """Content-word keys of what ends a line of a page without a stop: a subheading
    ("Spacey to be cut entirely from the film"), a related story's headline, a list
    item, a line a PDF wrapped mid-sentence. Headline-ese or half a sentence: no Briefly
    or note is made of one, though it counts as the article's text everywhere else."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return frozenset()  # a feed teaser: its one line is the text
    keys = set()
    for line in lines:
        if not ends_a_sentence(line):
            pieces = split_sentences(line)
            if pieces:
                last = clean_sentence(pieces[-1]) or pieces[-1]
                keys.add(" ".join(content_words(last)))
    return frozenset(keys)


def voiced_sentences(sentences: Sequence[str]) -> list[bool]:
    """For each of an article's sentences, whether it is someone's words or the writer's
    rhetoric rather than a report: inside a quotation that the sentences around it open
    and close (:func:`digest.text.inside_quotations`), or one of a run of
    ``_STACCATO_RUN`` or more short plain sentences, the staccato a lede uses to voice a
    speaker's claims ("The leaks are real. But the news about them is fake. The White
    House is a fine-tuned machine. Russia is a ruse."), or the sentence after one that
    introduces someone's words with a colon ("Per the Times:", "The full statement reads
    as follows:"; not a heading such as "What the Judges Said:")."""
    voiced = inside_quotations(sentences)
    short = [
        word_count(s) <= _STACCATO_WORDS
        and s.endswith(".")
        and s[0].isupper()
        and any(c.islower() for c in s)
        for s in sentences
    ]
    start = 0
    for end in range(len(sentences) + 1):
        if end < len(sentences) and short[end]:
            continue
        if end - start >= _STACCATO_RUN:
            voiced[start:end] = [True] * (end - start)
        start = end + 1
    for index in range(1, len(sentences)):
        match = _INTRODUCES.search(sentences[index - 1])
        # In a heading the word is capitalised ("What the Judges Said:").
        if match and (match.start() == 0 or match.group("cue")[0].islower()):
            voiced[index] = True
            # A reported plan goes on in its conditional: "The Palestinians would get a
            # state ... The Palestinians would not be given East Jerusalem ...".
            after = index + 1
            while (
                after < len(sentences)
                and after - index <= _PLAN_SENTENCES
                and _WOULD.search(sentences[index])
                and _WOULD.search(sentences[after])
            ):
                voiced[after] = True
                after += 1
    return voiced


def _statements(documents: Sequence[Sequence[str]]) -> frozenset[int]:
    """The articles written mostly in the first person plural outside quotes: a speaker's
    statement ("Since posting our first update, we have been working ..."), whose
    sentences without "we" ("Autopilot makes accidents much less likely") are still its
    claims."""
    return frozenset(
        doc
        for doc, sentences in enumerate(documents)
        if len(sentences) >= _STATEMENT_MIN_SENTENCES
        and sum(bool(_WE.search(_QUOTED_WHOLE.sub("", s))) for s in sentences) / len(sentences)
        >= _STATEMENT_SHARE
    )


def _word_weights(
    candidates: Sequence[Candidate], bags: Sequence[frozenset[str]]
) -> dict[str, float]:
    """A word is worth more the more articles use it, and the more often it recurs."""
    in_docs: dict[str, set[int]] = {}
    in_sentences: dict[str, int] = {}
    for candidate, bag in zip(candidates, bags, strict=True):
        for word in bag:
            in_docs.setdefault(word, set()).add(candidate.doc)
            in_sentences[word] = in_sentences.get(word, 0) + 1
    return {word: len(in_docs[word]) * float(np.log1p(in_sentences[word])) for word in in_docs}


def _tfidf(bags: list[list[str]]) -> _Matrix:
    vocabulary: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            vocabulary.setdefault(word, len(vocabulary))
    matrix = np.zeros((len(bags), max(1, len(vocabulary))))
    for row, bag in enumerate(bags):
        for word in bag:
            matrix[row, vocabulary[word]] += 1.0
    df = (matrix > 0).sum(axis=0)
    matrix = np.log1p(matrix) * (np.log((1 + len(bags)) / (1 + df)) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: _Matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return normalised


def _unit(vector: _Matrix) -> _Matrix:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _is_repeat(words: set[str], previous: list[set[str]]) -> bool:
    return any(len(words & old) / max(1, len(words | old)) >= _NOVELTY_JACCARD for old in previous)


# Sentence tests ------------------------------------------------------------------------


def _is_statement(text: str, words: int, longest: int = _MAX_WORDS) -> bool:
    """A complete, self-contained declarative sentence fit to stand alone."""
    return (
        _MIN_WORDS <= words <= longest
        and text[-1] in ".!\"”’'"
        and not text.endswith(("...", "…"))  # a teaser cut short
        # A question or an exclamation ("How noble of the council!") is the writer's.
        and not text.rstrip("\"”’'").endswith(("?", "!"))
        and text[0].isupper()
        and any(c.islower() for c in text)
        and not _NOT_NEWS.search(text)
        and not _is_table_row(text)
    )


def _is_table_row(text: str) -> bool:
    """A row of a table the page printed ("17 | Daniel Suarez | 846 | 0 | 1 |")."""
    return text.count("|") >= 2


def is_briefly_candidate(candidate: Candidate, *, quoted_phrase: bool = False) -> bool:
    """A plain declarative sentence of news: no quote, first person, caption or headline.

    With ``quoted_phrase``, a report may quote a few words of the statement it reports
    (``_quotes_someone``): a one-report story whose news is that statement has no
    other lede to tell it."""
    text = candidate.text
    longest = _MAX_LEDE_WORDS if candidate.position < LEDE_POSITIONS else _MAX_WORDS
    return (
        _is_statement(text, candidate.words, longest)
        and not candidate.voiced
        and not candidate.unended
        and not _OPEN_QUOTE.match(text)
        and not (_quotes_someone(text) if quoted_phrase else _QUOTED_SPAN.search(text))
        and not _FIRST_PERSON.search(_EVERYONES.sub("", text))  # "our solar system"
        and not opens_with_interjection(text)
        and not _IMPERATIVE.match(text)
        and not _OPINION_OPENING.match(text)
        and not (_READING_OPENING.match(text) and not _REPORTED_AFTER.search(text))
        and not (_PUT_A_QUESTION.match(text) and not _REPORTED_AFTER.search(text))
        and not _VERDICT.search(_QUOTED_WHOLE.sub("", text))
        and not says_no_comment(text)
        and not _LONE_CLAUSE.match(text)
        and not _is_headlinese(text)
        and not _CAPTION_DATE.search(text)
        and not _is_dated_caption(text)
        and not _CITATION.search(text)
        and not candidate.recalled
        and not _COMMENTARY.search(text)
        and len(_REFERENCE_MARK.findall(text)) < 2
        and not _is_title_case(text)
        and ":" not in text[:_LABEL_CHARS]
        and text.count("(") == text.count(")")
        and quotes_balance(text)
    )


def _quotes_someone(text: str) -> bool:
    """Whether ``text`` gives someone's words (``_QUOTED_SPAN``), not a report that
    quotes a phrase of what it reports them saying: "Egypt's minister warned on
    Wednesday that Ethiopia's “unilateral and uncoordinated” operation endangers ..."
    is the report, told with the minister's own few words."""
    spans = list(_QUOTED_SPAN.finditer(text))
    if not spans:
        return False
    [first, *more] = spans
    # The last "said that" before the quote; or the report's own object named in the
    # speaker's few words right before it ("denied the report on Thursday, calling it
    # “fabricated and malicious”").
    calling = _CALLING_IT.search(text, 0, first.start())
    if calling is not None and _ANOTHER_CLAUSE.search(text, 0, calling.start()):
        calling = None  # "..., and the opposition leader welcomed it, calling it “...”"
    reported = (
        max(_REPORTS_THAT.finditer(text, 0, first.start()), key=lambda m: m.start(), default=None)
        or calling
    )
    return bool(
        more
        or word_count(first.group(0)) > _QUOTED_PHRASE_WORDS
        or reported is None
        # The phrase is that statement's, not another clause's ("Officials said that 12
        # died, and a survivor described “a wall of mud”").
        or _ANOTHER_CLAUSE.search(text, reported.end(), first.start())
    )


# A phrase of a statement quoted inside the report of it: a few words after "warned
# that" or "said that" in the sentence's own voice.
_QUOTED_PHRASE_WORDS = 6
_ANOTHER_CLAUSE = re.compile(
    r",\s+(?:and|but|while|as)\b|;|\b(?:after|when|because|before|as)\s+(?:a|an|the|his|her|their)\s"
    # (Not the speaker's own aside: "the attackers, whom he described as cowards,".)
    r"|(?<!\bwhom\s)(?<!\bwhich\s)(?<!\bwhom\she\s)(?<!\bwhom\sshe\s)(?<!\bwhich\she\s)"
    r"(?<!\bwhich\sshe\s)(?<!\bwhom\sthey\s)(?<!\bwhich\sthey\s)"
    r"\b(?:heard|described|called|told|said|says|saw|wrote|chanted|shouted)\b"
)
_REPORTS_THAT = re.compile(
    r"\b(?:said|says|saying|stating|stated|warned|warns|warning|argued|arguing|insisted|"
    r"insisting|claimed|claiming|stressed|stressing|declared|declaring)\b"
    r"(?:\s+[\w’'-]+){0,4}\s+that\s"
)

# "..., calling it", "dismissing the claims as": a participle whose object is what the
# sentence reports, characterised in the speaker's words that follow.
_CALLING_IT = re.compile(
    r",\s+(?:calling|describing|branding|dismissing|labell?ing|terming)\s+"
    r"(?:it|them|this|the\s+(?:[\w’'-]+\s+){0,2}?(?:report|reports|claims?|allegations?|"
    r"accusations?|story|move|decision|ruling|plan|proposal|attack|remarks?|statement))"
    r"(?:\s+as)?\s*$"
)


def leans_on(scored: ScoredSentences, index: int) -> str:
    """What candidate ``index`` leans on: :func:`needs_antecedent` of its text, or else
    the noun of a definite "the X" its article introduced in the few sentences before
    ("Police questioned the teen ..." after "... a 16-year-old teen ..."), which a
    reader who did not read those sentences has not met, unless a title names it (the
    headline is one): see ``digest.antecedent``."""
    key = ("leans_on", index, index)
    if key not in scored.memo:
        scored.memo[key] = _leans_on(scored, index)
    return str(scored.memo[key])


def _leans_on(scored: ScoredSentences, index: int) -> str:
    candidate = scored.candidates[index]
    needed = needs_antecedent(candidate.text)
    if needed:
        return needed
    surname = unintroduced_surname(candidate.text, scored.documents, scored.titles)
    if surname:
        return surname
    sentences = scored.documents[candidate.doc]
    if candidate.text not in sentences:
        return ""
    at = sentences.index(candidate.text)
    # An explainer's answer without a verb of its own ("Who will monitor it?" "A team of
    # ASEAN observers led by Malaysia, with officers from Indonesia.") needs its question.
    if (
        at
        and sentences[at - 1].rstrip().endswith("?")
        and _NOUN_PHRASE_OPENING.match(candidate.text)
        and not _has_finite_verb(candidate.text)
    ):
        return "question"
    return introduced_before(candidate.text, sentences[:at], scored.titles)


def _has_finite_verb(text: str) -> bool:
    """Whether ``text`` has an auxiliary, a common verb in the present or a verb in the
    past tense (not a participle before "by": "observers led by Malaysia"). Any other
    present is not told from a plural noun, so a sentence with one only counts as none."""
    return bool(_AUXILIARY.search(text)) or _tells_past(text, passive_by=False)


# An answer that opens on a noun phrase ("A team of observers led by ...", "About 60,000
# people."): one with a subject of its own ("Negotiators resume work ...") is a sentence.
_NOUN_PHRASE_OPENING = re.compile(
    r"^(?:A|An|The|About|Around|Some|Up to|More than|Only|Just|Nearly|Almost|\d"
    # A count in words: "Six, according to the police."
    r"|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|"
    r"Fifty|Dozens|Hundreds|Thousands|Several|None|Most)\b"
)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|"
    r"do|does|did|isn't|aren't|wasn't|weren't|won't|can't)\b|['’](?:s|re|ll|ve|d)\b"
    # A present tense a plural is no form of: "commanders meet on Tuesday", "Malaysia
    # leads a team".
    r"|\b(?:meets?|leads?|includes?|remains?|says?|takes?|makes?|goes|heads?|holds?|faces?|"
    r"plans?|wants?|needs?|runs?|costs?|applies|apply|begins?|starts?|ends?|opens?|closes?|"
    r"sits?|stands?|covers?|requires?|allows?|means?|depends?|stays?|continues?|becomes?|"
    r"gets?|keeps?|lies|lie|seems?|knows?|thinks?|expects?|hopes?|fears?)\b",
    re.IGNORECASE,
)


def opens_on_a_scene(text: str, known: frozenset[str] | None = None) -> bool:
    """Whether a lede sets a scene instead of telling news: a feature's opening ("When
    the rains came ...", "There was a time ...") or a habit ("The lagoons used to turn
    pink with flamingos every spring"), saying no day and reporting no one. "After 15
    months of war, Israel and Hamas agreed on Wednesday ..." is news.

    Given the names a reader knows (``known``, lower-cased words), a lede that opens on
    someone else in the middle of doing something ("Nino Beridze was making tea in her
    kitchen when the floor beneath her jumped") is a scene too: an anecdote, with the
    news paragraphs below. "Rescuers were searching ..." opens on no one's name."""
    if _WHEN.search(text) or _REPORTED.search(text):
        return False
    if _FEATURE_OPENING.match(text) or _HABIT.search(text):
        return True
    if known is None:
        return False
    person = _PERSON_DOING.match(text)
    if person is None or not _SCENE_TURN.search(text, person.end()):
        return False
    name = person.group(1)
    # A place or a firm in the middle of something ("Hong Kong was bracing for ...",
    # "Deutsche Bank was considering a bid") is news, and so is anyone the reader knows.
    if (
        name in PLACES
        or countries_named(name)
        or _FIRM.search(name)
        or any(w in TITLE_WORDS for w in name.split())
    ):
        return False
    return not set(content_words(name)) & known


def is_explainer_title(title: str) -> bool:
    """Whether ``title`` is an explainer's, a tracker's or a question ("Why Jordan fears
    ...", "Mapping U.S. strikes ...", "Where are the next Games?"): it frames an angle
    on the news, or keeps a record of it, rather than telling it."""
    title = title.strip()
    if _EXPLAINER_TITLE.search(title):
        return True
    # "Mapping U.S. strikes", "Tracking the storm": the verb before its object, not the
    # noun of "Tracking device found on ..." or "Mapping firm sued". In Title Case every
    # word has a capital, so only a determiner says which.
    tracker = _TRACKER.match(title)
    if tracker is None:
        return False
    after = tracker.group(1)
    return after.lower() in _TRACKED or (after[:1].isupper() and not _is_title_case(title))


def in_speakers_words(text: str) -> bool:
    """Whether ``text`` is someone's words rather than a report: it opens on a quote
    ("“I believe ...,” said a lawmaker") or speaks in the first person outside quotes
    ("At Netflix, we work hard ..."; not "our solar system", everyone's)."""
    return bool(_OPEN_QUOTE.match(text)) or in_person(text)


def in_person(text: str) -> bool:
    """Whether ``text`` speaks in the first or second person outside its quotations
    ("my neighbour told me", "if you have ever ..."; not "our solar system")."""
    return bool(_FIRST_PERSON.search(_EVERYONES.sub("", outside_quotations(text))))


def outside_quotations(text: str) -> str:
    """``text`` without the double-quoted passages it opens and closes."""
    return _QUOTED_WHOLE.sub("", text)


def is_redundant(scored: ScoredSentences, one: int, two: int) -> bool:
    """Whether two sentences say the same thing (cosine, or shared content words: a
    share of the shorter one's, or a count)."""
    key = ("redundant", one, two)
    if key not in scored.memo:
        scored.memo[key] = _is_redundant(scored, one, two)
    return bool(scored.memo[key])


def _is_redundant(scored: ScoredSentences, one: int, two: int) -> bool:
    if float(scored.vectors[one] @ scored.vectors[two]) >= _SAME_COSINE:
        return True
    a, b = scored.bags[one], scored.bags[two]
    common = a & b
    shared = len(common)
    return bool(a and b) and (
        shared / min(len(a), len(b)) >= _SAME_WORDS
        or shared >= _SAME_COUNT
        or (
            shared > _SAME_FIGURE_CONTEXT
            and (_same_amount(common) or bool(common & _DAYS) or _same_month(common))
        )
        or _same_subject(scored.candidates[one].text, scored.candidates[two].text, shared)
        or _same_event(scored, one, two)
        or _same_sum(scored, one, two)
    )


def _same_month(common: frozenset[str]) -> bool:
    """A month and a year in common ("April 2027"): a day as plain as a weekday is."""
    return bool(common & _MONTH_WORDS) and any(_YEAR.fullmatch(word) for word in common)


_MONTH_WORDS = frozenset(month.lower() for month in MONTHS)


def _same_sum(scored: ScoredSentences, one: int, two: int) -> bool:
    """The same sum of money in both (:data:`_MONEY`) and a verb in common."""
    first, second = scored.candidates[one].text, scored.candidates[two].text
    if not (_sums(first) & _sums(second)) or _ANOTHER_SUBJECT.search(first + " " + second):
        return False
    return bool(_money_verbs(first) & _money_verbs(second))


def _sums(text: str) -> set[tuple[str, str, str]]:
    return {
        (m["sign"], m["figure"], _SCALES.get(m["scale"] or "", m["scale"] or ""))
        for m in _MONEY.finditer(text)
    }


def _money_verbs(text: str) -> frozenset[str]:
    """What is done with a sum: the event verbs (:func:`_event_verbs`) and a verb after a
    modal ("will pay")."""
    tokens = _FACT_TOKEN.findall(text)
    modal = {
        _stem(word)
        for before, word in itertools.pairwise(tokens)
        if before.lower() in _MODAL and word.islower()
    }
    return _event_verbs(text) | frozenset(modal)


def _same_event(scored: ScoredSentences, one: int, two: int) -> bool:
    """The same named participant and the same event verb (a verb in both), and
    _SAME_EVENT_WORDS shared words in all: "... used to kill Kim Jong Nam" / "Kim
    Jong-nam ... was killed"."""
    if not scored.facts:
        return False
    shared = scored.facts[one] & scored.facts[two]
    one_when, two_when = _times(scored.candidates[one].text), _times(scored.candidates[two].text)
    if one_when and two_when and not one_when & two_when:
        return False  # "summoned ... on Wednesday" and "summoned ... last month": two events
    return (
        len(shared) >= _SAME_EVENT_WORDS
        and bool(shared & scored.names)
        and bool(shared & scored.events[one] & scored.events[two])
    )


_TIME = re.compile(
    r"\b(?:(?:last|next|this) (?:week|month|year|spring|summer|autumn|fall|winter)|"
    r"(?:19|20)\d\d|yesterday|today|tonight)\b|\b[A-Z][a-z]+day\b|"
    r"\b(?:" + "|".join(MONTHS) + r")\b"
)


def _times(text: str) -> frozenset[str]:
    """The times ``text`` names ("Wednesday", "last month", "2024"): two sentences naming
    different ones tell two events, whatever else they share."""
    return frozenset(match.lower() for match in _TIME.findall(text))


def _stem(word: str) -> str:
    """A light stem for comparing sentences: "killed", "kills", "killing" -> "kill";
    "sentenced", "sentence" -> "sentenc"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if word in _EVENT_NOUNS:
        return _EVENT_NOUNS[word]
    if word in _SHORT_FORMS:
        return _SHORT_FORMS[word]
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _fact_words(text: str) -> frozenset[str]:
    """Content words of ``text``, hyphenated ones split, stemmed (:func:`_stem`)."""
    text = _CUSTODY.sub("arrested", text)
    return frozenset(_stem(t) for t in _FACT_TOKEN.findall(text) if content_words(t))


def _event_verbs(text: str) -> frozenset[str]:
    """Stems of the verbs in ``text`` that tell an event: past forms ("sworn", "killed")
    and infinitives ("used to kill"); and a death told as "the death of ..." when no
    other event is the sentence's own ("mourning the death of Walter Huang after he
    crashed" tells what "Walter Huang, 38, died" does; "The death of George Floyd
    sparked protests" tells the protests, "an inquiry into the death of" an inquiry)."""
    verbs = set(_past_verbs(text))
    death = _DEATH_OF.search(text)
    if death:
        after = _SUBORDINATE_AFTER.split(text[death.end() :], maxsplit=1)[0]
        if not _past_verbs(text[: death.start()]) and not _past_verbs(after):
            verbs.add(_EVENT_NOUNS["death"])
    return frozenset(verbs)


# Where a sentence's own clause ends and a subordinate one (the cause, the time) begins.
_SUBORDINATE_AFTER = re.compile(r"\s(?:after|when|as|before|because|while|following)\s")
# A relative's death is not the person's: "Rui Lopes's father died of cancer".
_KIN_BEFORE = re.compile(
    r"\b(?:father|mother|son|daughter|wife|husband|brother|sister|grandfather|grandmother|"
    r"uncle|aunt|parents?|child|children|baby|partner)(?:,[^,]{1,60},)?\s+$",
    re.IGNORECASE,
)


def _past_verbs(text: str) -> list[str]:
    """Stems of the past forms and infinitives in ``text`` (see :func:`_event_verbs`)."""
    verbs = []
    text = _CUSTODY.sub("arrested", text)
    tokens = list(_FACT_TOKEN.finditer(text))
    for place, match in enumerate(tokens):
        token = match[0]
        word = token.lower()
        if token[0].isupper() or word in _NOT_EVENTS or not content_words(word):
            continue
        if word == "died" and _KIN_BEFORE.search(text[: match.start()]):
            continue
        # "to pass", "to cross" are verbs; "to its", "to 5", "to business" are not.
        infinitive = (
            place > 0
            and tokens[place - 1][0] == "to"
            and word.isalpha()
            and (word[-1:] != "s" or word in _VERBS_IN_SS)
        )
        if (word.endswith("ed") and len(word) >= 5) or word in _IRREGULAR_PAST or infinitive:
            verbs.append(_stem(word))
    return verbs


# Verbs in -ss that tell an event after "to" ("voted 26 to 5 to pass the law"); most
# words in -ss after "to" are nouns ("a blow to business") or a purpose ("to discuss").
_VERBS_IN_SS = frozenset({"pass", "cross", "dismiss", "press"})


def _story_names(documents: Sequence[Sequence[str]]) -> frozenset[str]:
    """Stems of the words the story capitalises inside a sentence and never writes in
    lower case: its people, places and bodies ("Gianforte", "Bangladesh"), not "President"
    (also "the president") nor a day or month."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for sentences in documents:
        for sentence in sentences:
            for place, token in enumerate(re.findall(r"[^\W\d_][\w'’\-]*", sentence)):
                for part in token.split("-"):
                    stem = _stem(part)
                    if token[0].isupper():
                        if place:
                            capitalised.add(stem)
                    elif part[:1].isalpha():
                        lower.add(stem)
    return frozenset(
        w for w in capitalised - lower if w not in _DAYS | _MONTHS and content_words(w)
    )


def _same_subject(one: str, two: str, shared: int) -> bool:
    """ "Quentin Deranque died on Saturday, two days after being beaten in Lyon ..." and
    "Quentin Deranque, 23, was beaten to death ... in Lyon": the same named subject and
    at least _SAME_FIGURE_CONTEXT more words in common tell one fact twice."""
    first, second = _NAMED_SUBJECT.match(one), _NAMED_SUBJECT.match(two)
    return bool(
        first
        and second
        and first.group(1) == second.group(1)
        and shared - len(first.group(1).split()) >= _SAME_FIGURE_CONTEXT
    )


def _same_amount(common: frozenset[str]) -> bool:
    """Whether the shared words hold an amount: a number with its scale or unit shared
    too ("26.6" and "million"), or a number written with its scale ("14m")."""
    numbers = [
        w for w in common if any(c.isdigit() for c in w) and w.strip("0") and not _YEAR.fullmatch(w)
    ]
    return any(_AMOUNT.fullmatch(w) for w in numbers) or bool(numbers and common & _SCALE_WORDS)


def _shared_share(scored: ScoredSentences, one: int, two: int) -> float:
    a, b = scored.bags[one], scored.bags[two]
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _is_title_case(text: str) -> bool:
    """A headline glued into the text ("Hubby Wants FAT Allowance You Left Me Broke!")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


# Selection -----------------------------------------------------------------------------


def select_briefly(
    scored: ScoredSentences,
    budget: int,
    lead_docs: frozenset[int] = frozenset(),
    history: frozenset[int] = frozenset(),
) -> list[int]:
    """Indices of the Briefly sentences in reading order: the event first (see module).

    With ``lead_docs``, the lead comes from one of those articles when one of them
    offers a lead at all (a story the editors merged others into keeps its own).
    Sentences in ``history`` (what happened in years before: Also worth noting's) do
    not follow the lead."""
    one_report = len(scored.documents) == 1
    # A lede may quote a few words of the statement it reports ("India on Friday
    # declined to join ..., saying that it was “not in the business of blocs”"): it is
    # the report. Deeper in, a quote is a voice's.
    pool = [
        i
        for i, c in enumerate(scored.candidates)
        if is_briefly_candidate(c, quoted_phrase=one_report or c.position < LEDE_POSITIONS)
    ]
    # A speaker's statement tells the news in the speaker's words: another outlet's
    # report of it first, when there is one.
    reported = [i for i in pool if scored.candidates[i].doc not in scored.statements]
    pool = reported or pool
    if not pool:
        pool = [i for i, c in enumerate(scored.candidates) if _is_statement(c.text, c.words)]
    if not pool:
        # A feed teaser of short sentences: better its words than a headline alone.
        pool = [
            i
            for i, c in enumerate(scored.candidates)
            if c.words >= _TEASER_WORDS and not _is_table_row(c.text)
        ]
    pool.sort(key=lambda i: -scored.scores[i])
    shortlist = pool[:_SHORTLIST]
    leads = _choose_leads(scored, shortlist, budget)
    if lead_docs:
        own = [i for i in pool if scored.candidates[i].doc in lead_docs][:_SHORTLIST]
        own_leads = _choose_leads(scored, own, budget)
        # Only a lede of its own: a sentence from deep in its article is no better lead
        # than another report's lede.
        if own_leads and scored.candidates[own_leads[0]].position < LEDE_POSITIONS:
            leads = own_leads
            shortlist = [*own_leads, *(i for i in shortlist if i not in own_leads)]
    if not leads:
        if shortlist:
            logger.debug("no sentence fits %d words; using the shortest good one", budget)
            return [min(shortlist[:5], key=lambda i: scored.candidates[i].words)]
        return []
    best: tuple[float, list[int]] = (float("-inf"), [])
    for lead in leads:
        rest_budget = budget - scored.candidates[lead].words
        options: list[list[int]] = [[lead]]
        others = [
            i
            for i in shortlist
            if i != lead and i not in history and scored.candidates[i].words <= rest_budget
        ]
        for size in _REST_SIZES:
            for combo in itertools.combinations(others, size):
                if sum(scored.candidates[i].words for i in combo) > rest_budget:
                    continue
                ordered = _reading_order(scored, lead, list(combo))
                if ordered is not None:
                    options.append(ordered)
        for ordered in options:
            value = _value(scored, ordered)
            if value > best[0]:
                best = (value, ordered)
    return best[1]


def _choose_leads(scored: ScoredSentences, shortlist: list[int], budget: int) -> list[int]:
    """The ledes that best say what happened (best first); else the best sentence."""
    fitting = [
        i for i in shortlist if scored.candidates[i].words <= budget and not leans_on(scored, i)
    ]
    ledes = [i for i in fitting if scored.candidates[i].position < LEDE_POSITIONS]
    # A feature's scene ("At the Kasumbalesa border post on Saturday, the queue of trucks
    # ...") with no lede of another kind beside it: its news comes a paragraph or two on
    # ("The Zambian government plans to impose a 5 percent export duty ..."), and stands
    # as a lede beside it.
    if ledes and all(
        _FEATURE_OPENING.match(text := scored.candidates[i].text) and not dead_counted(text)
        for i in ledes
    ):
        ledes += [
            i
            for i in fitting
            if LEDE_POSITIONS <= scored.candidates[i].position < LEDE_POSITIONS + _NUT_GRAF
            # (Not a year's background: "In 2022, a siege ... killed 21".)
            and not _EARLIER_TIME.search(scored.candidates[i].text)
        ]
    if not ledes:
        return fitting[:1]
    every_lede: dict[int, list[int]] = {}
    for i, candidate in enumerate(scored.candidates):
        if candidate.position < LEDE_POSITIONS:
            every_lede.setdefault(candidate.doc, []).append(i)
    return sorted(ledes, key=lambda i: -_lead_value(scored, i, every_lede))[:_LEADS_TRIED]


def _position_prior(position: int) -> float:
    """How much a sentence's place in its article says it is the news: halved at
    ``_POSITION_SCALE``."""
    return 1.0 / (1.0 + position / _POSITION_SCALE)


def _lead_value(scored: ScoredSentences, index: int, ledes: dict[int, list[int]]) -> float:
    """The lede's score, more if other outlets open with the same event, adjusted for
    saying when (more) or opening like a feature, telling a tally since an earlier time
    or coming from an explainer (less)."""
    candidate = scored.candidates[index]
    text = candidate.text
    value = float(scored.scores[index])
    # A line without a stop above the report (a dek: "Belgium holds firm on guarantees
    # as decision is pushed to leaders' summit") does not push its lede down.
    above = [scored.candidates[i] for i in ledes.get(candidate.doc, ()) if i != index]
    lines = sum(1 for c in above if c.position < candidate.position and c.unended)
    if lines and lines == sum(1 for c in above if c.position < candidate.position):
        value += _POSITION_WEIGHT * (
            _position_prior(candidate.position - lines) - _position_prior(candidate.position)
        )
    others = [d for d in ledes if d != scored.candidates[index].doc]
    if others:
        vector = scored.vectors[index]
        # Two outlets' home angles ("Bulgaria supports the Commission's proposal ...",
        # "Romania supports the Commission's plan ...") agree on their wording, not on
        # the event: one home angle's lede finds no agreement in another country's.
        home = _home_angle(scored, index, ledes)
        agreement = [
            max(
                (
                    float(vector @ scored.vectors[i])
                    for i in ledes[d]
                    if not (home and (other := _home_angle(scored, i, ledes))) or other == home
                ),
                default=0.0,
            )
            for d in others
        ]
        value += _LEDE_AGREEMENT * sum(agreement) / len(agreement)
    # An explainer's teaser frames an angle ("... is raising concerns in neighbouring
    # Jordan"); a report of the same event says what happened.
    if (
        _FEATURE_OPENING.match(text)
        or candidate.doc in scored.explainers
        or (others and _PICTURES_LINE.match(text))
    ):
        value *= 1 - _FEATURE_PENALTY
    elif _WHEN.search(text):
        value *= 1 + _WHEN_BONUS
    elif _SINCE_THEN.search(text):
        value *= 1 - _FEATURE_PENALTY
    # Where people died, the dead come first: a lede counting only the injured or the
    # homeless, beside ledes counting the dead, tells the second fact first.
    dead_elsewhere = (dead_counted(scored.candidates[i].text) for d in others for i in ledes[d])
    if _HURT.search(text) and not dead_counted(text) and any(dead_elsewhere):
        value *= 1 - _FEATURE_PENALTY
    outcome_elsewhere = (
        _FINAL.search(scored.candidates[i].text)
        or not _PROVISIONAL.search(scored.candidates[i].text)
        for d in others
        for i in ledes[d]
    )
    if _PROVISIONAL.search(text) and not _FINAL.search(text) and any(outcome_elsewhere):
        value *= 1 - _FEATURE_PENALTY
    # A reaction beside a lede telling the event: the event first. So is someone
    # weighing what to do about it ("The Albanese government is examining whether to
    # follow Japan into ...", beside the pact's signing).
    events_elsewhere = (
        not _answers_event(scored.candidates[i].text) for d in others for i in ledes[d]
    )
    if _answers_event(text) and any(events_elsewhere):
        value *= 1 - _REACTION_PENALTY
    # One country's part, beside two or more reports whose ledes never name it ("Italy
    # will contribute 60 million euros ..." beside "Donors pledged a total of $11.6
    # billion ..."): the outlet's home angle on the event.
    if len(others) >= 2 and _home_angle(scored, index, ledes):
        value *= 1 - _FEATURE_PENALTY
    # The next round announced, beside ledes telling the round that was held: what
    # happened first, what comes next after it (or in What to watch).
    told_elsewhere = (
        not _NEXT_ROUND.search(scored.candidates[i].text) for d in others for i in ledes[d]
    )
    if _NEXT_ROUND.search(text) and not _THIS_ROUND.search(text) and any(told_elsewhere):
        value *= 1 - _FEATURE_PENALTY
    # The step ahead, after its report's lede told what happened ("The formal decision is
    # now expected from the finance ministers on 9 December."): what comes next comes
    # second. Like a reaction, it gains the agreement of other ledes that name the step
    # ahead, so it loses as much.
    # (A lede that told what happened: a sentence, not a deck line, in the past.)
    told_before = (
        not _NEXT_STEP.match(scored.candidates[i].text) and _tells_past(scored.candidates[i].text)
        for i in ledes.get(candidate.doc, ())
        if scored.candidates[i].position < candidate.position and not scored.candidates[i].unended
    )
    if _NEXT_STEP.match(text) and any(told_before):
        value *= 1 - _REACTION_PENALTY
    return value


def _answers_event(text: str) -> bool:
    return is_reaction(text) or bool(_WEIGHING.match(text))


# Someone weighing whether to act ("The government is examining whether to follow ...").
_WEIGHING = re.compile(
    r"^[^,;:]{3,80}?\s(?:is|are)\s+(?:now\s+)?(?:examining|considering|weighing|studying|"
    r"mulling|exploring|reviewing|debating|assessing)\s+whether\b"
)


# How much of a lede's opening is its subject, for the home angle: "The United States".
_SUBJECT_WORDS = 3


def _home_angle(scored: ScoredSentences, index: int, ledes: dict[int, list[int]]) -> frozenset[str]:
    """The countries the subject of lede ``index`` names when no other article's lede
    names them: one outlet's home angle ("Italy will contribute 60 million euros ..."
    beside "Donors pledged a total of $11.6 billion"), not the event's own country
    ("Kenya's High Court has suspended ..." beside "a Kenyan court order")."""
    text = scored.candidates[index].text
    country = countries_named(" ".join(text.split()[:_SUBJECT_WORDS]))
    doc = scored.candidates[index].doc
    if country and any(
        country & countries_named(scored.candidates[i].text)
        for d, indices in ledes.items()
        if d != doc
        for i in indices
    ):
        return frozenset()
    return country


_NEXT_ROUND = re.compile(
    r"\b[Nn]ext (?:round|meeting|session|sitting)\b[^.;]*\b(?:will|would|is to|are to|is due)\b"
)
# A sentence whose main verb is what comes next: "The formal decision is now expected
# from ...", "The measure will take effect on ...".
_NEXT_STEP = re.compile(
    # (No verb before it: "Leaders agreed that the bloc will ..." told what happened.)
    r"(?:(?!\b(?:that|say|said|says|told|tell|warn|warns|vow|vows|who|which|after|when|"
    r"because|\w+ed)\b)[^,;:]){0,80}?"
    r"\b(?:(?:is|are)\s+(?:now\s+|still\s+)?(?:expected|due|set|scheduled)\s"
    r"|will\s+(?:now\s+|then\s+)?\w)"
    # A count expected to move is no step: "The death toll is expected to rise".
    r"(?!\w*\s+(?:[a-z]+ly\s+)*(?:to\s+)?(?:rise|climb|increase|grow|mount|top|exceed|"
    r"surpass|reach|be\s+(?:dead|killed|higher)))"
)
# ... unless the lede tells this round too ("ended two days of talks without setting a
# date for the next round, which ... would be held in January").
_THIS_ROUND = re.compile(r"\b(?:ended|concluded|wrapped up|held|met|agreed|closed)\b")


def is_reaction(text: str) -> bool:
    """Whether ``text`` opens on a reaction to a thing ("China condemned the sanctions
    ..."), not the thing or a body's vote on it."""
    if (
        _WARNING_REACTION.match(text)
        or _CALL_REACTION.match(text)
        or _NAMED_REACTION.match(text)
        or _RUSHED_REACTION.match(text)
    ):
        return True
    lodged = _PROTEST_LODGED.match(text) or _WARNED_AFTER.match(text)
    if lodged and countries_named(lodged["subject"]):
        return True
    # A vote the reaction answers ("..., a day after the parliament voted to join") is
    # the event, not the reaction's body voting.
    own = _AFTER_THE_EVENT.sub("", text)
    return bool(_REACTION_LEDE.match(text)) and not _VOTED.search(own)


# A speaker named in an appositive, reacting: "Iceland's Minister for Foreign Affairs,
# Þorgerður Katrín Gunnarsdóttir, has welcomed the agreement signed in Nuuk".
_NAMED_REACTION = re.compile(
    r"^[^,;:]{3,80},\s+[^,;:]{3,60},\s+(?:(?:has|have|on\s+\w+)\s+)?(?:(?:strongly|sharply|"
    r"firmly|warmly)\s+)?(?:welcom|condemn|criticis|criticiz|prais|hail|denounc|deplor)\w*\s+"
    r"(?:the|this|its|their)\s"
)


# Many reacting at once: "Democrats lined up on Wednesday to denounce a Republican
# stopgap ...", "Allies rushed to welcome the deal".
_RUSHED_REACTION = re.compile(
    rf"^(?:The\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}(?:['’]s(?:\s+[a-z]+){{1,2}})?"
    rf"\s+(?:(?:on\s+{WEEKDAY_PATTERN}|"
    r"yesterday|today)\s+)?(?:lined\s+up|queued\s+up|rushed|hurried|(?:was|were)\s+quick)\s+"
    rf"(?:on\s+{WEEKDAY_PATTERN}\s+)?to\s+(?:welcom|condemn|criticis|criticiz|prais|hail|"
    r"denounc|deplor|slam)\w*\s+(?:(?:the|a|an|its|this|their)\s+|[A-Z][\w-]*['’]s\s+)"
    r"(?:[\w’'-]+\s+){0,3}?"
    # A thing done, not people ("welcome Pope Leo", "the freed hostages"); whose, or
    # none, may stand before it ("the court's decision", "Vell's decision").
    r"(?:decision|move|bill|plan|deal|law|ruling|verdict|agreement|proposal|announcement|"
    r"budget|measure|package|policy|vote|sanctions|pact|accord|treaty|truce|ceasefire)\b"
)


def _reading_order(scored: ScoredSentences, lead: int, rest: list[int]) -> list[int] | None:
    """Lead first, the rest in article order; None if a sentence lacks its antecedent
    or two sentences say the same thing."""
    chosen = [lead, *rest]
    for one, two in itertools.combinations(chosen, 2):
        if is_redundant(scored, one, two):
            return None
    # The lead is the event: a sentence sharing much of its wording tells it again.
    if any(_shared_share(scored, lead, other) >= _SAME_AS_LEAD for other in rest):
        return None
    candidates = scored.candidates
    rest.sort(key=lambda i: (candidates[i].position, candidates[i].doc))
    ordered = [lead]
    for index in rest:
        # A sentence that leans on the one before it in its article goes right after it.
        predecessor = next(
            (
                place
                for place, other in enumerate(ordered)
                if candidates[other].doc == candidates[index].doc
                and candidates[other].position == candidates[index].position - 1
            ),
            None,
        )
        if predecessor is not None and leans_on(scored, index):
            ordered.insert(predecessor + 1, index)
        else:
            ordered.append(index)
    for place, index in enumerate(ordered):
        needed = leans_on(scored, index)
        if not needed:
            continue
        before = ordered[place - 1] if place else None
        follows = (
            before is not None
            and candidates[before].doc == candidates[index].doc
            and candidates[before].position == candidates[index].position - 1
        )
        # A bare surname needs the full name printed before it, whatever the article's
        # sentence before it said.
        on_surname = needed == unintroduced_surname(
            candidates[index].text, scored.documents, scored.titles
        )
        if follows and not on_surname:
            continue
        named_before = any(
            needed in scored.bags[i]
            or re.search(rf"\b{re.escape(needed)}\b", candidates[i].text.lower())
            for i in ordered[:place]
        )
        if needed == "sentence" or not named_before:
            return None
    return ordered


def _value(scored: ScoredSentences, chosen: list[int]) -> float:
    words = {i: scored.candidates[i].words for i in chosen}
    covered = frozenset().union(*(scored.bags[i] for i in chosen))
    value = _COVERAGE_WEIGHT * sum(scored.weights[w] for w in covered)
    value += sum(float(scored.scores[i]) * float(words[i]) ** _LENGTH_GAMMA for i in chosen)
    return float(value)
