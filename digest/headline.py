"""A story's headline in house style: the most informative complete news headline.

Candidates are the outlets' titles, stripped of " | Site" suffixes and "BREAKING:"
style prefixes. A title is not a candidate when it is not a news headline: first
person outside quotation marks ("I have been a victim of ..."; in "'I've heard
nothing but great things,' LeBron James says" the "I" is the speaker's, and in "I would
scream in my sleep: Women tell of ..." the part after the colon is the headline), a
photo caption or other furniture (checked
against the article's own text too: a title that opens a caption is a caption), a
question (unless every title asks one), an interjection or a reader's comment ("Wow,
the ratings are in"), or incomplete (it ends on a function word, "aimed at averting",
or is a lone subordinate clause: "As Israel's operation entered its 24th day").

Among the rest the most informative wins: the one sharing most content words with the
other titles and the lead sentence, per square root of its length, bait and very long
or short titles last. It is normalised to one style: curly quotes, "%" after a
number, sentence case for a title in Title Case when the articles show how each of its
words is written mid-sentence (else headline-style title case: only small words
lowered), no final full stop. Plain titles rank before Title Case ones. When no title
fits, the headline is built from the lead sentence: from its subject on (an opening
"In the aftermath of ..., " is left out), cut at a clause boundary outside quotation
marks, preferring a cut that keeps a verb; when it had to be cut, an outlet's title that
fails only for want of a verb ("In Xi Jinping's Purge of the Military, a Search for
Absolute Loyalty") is used instead.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digest.briefly import is_explainer_title, is_reaction, needs_antecedent
from digest.figures import same_figure
from digest.hygiene import clean_sentence, clean_sentences, furniture_kind
from digest.models import Article, Story
from digest.places import PLACES, countries_named, is_a_city
from digest.softnews import (
    NUMBER_WORDS,
    dead_counted,
    denies_deaths,
    is_gallery,
    is_opinion,
    is_video,
    tells_deaths,
)
from digest.text import (
    CLAUSE_BOUNDARY,
    CUT_DANGLING_END,
    DANGLING_END,
    MONTH_WRITTEN_PATTERN,
    MONTHS,
    PREPOSITION_BOUNDARY,
    TITLE_WORDS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    content_words,
    curl_quotes,
    is_live_page,
    month_number,
    opens_with_interjection,
    spelled_out_titles,
    split_sentences,
    word_count,
    word_starts,
)

__all__ = [
    "WordCases",
    "curl_quotes",
    "ends_short",
    "from_capitals",
    "has_news_title",
    "headline_from_sentence",
    "is_headline_source",
    "make_headline",
    "normalise_headline",
    "parts_complement",
    "placed_headline",
    "word_cases",
]

_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•]\s+[^|\-–—:·•]{2,40}$")
_TITLE_PREFIX = re.compile(
    r"^(?:BREAKING|Breaking|UPDATE|Update|UPDATED|LIVE|Live|WATCH|Watch|VIDEO|Video|"
    r"EXCLUSIVE|Exclusive|SCOOP|Scoop|Opinion|OPINION|Analysis|ANALYSIS|Explainer|PHOTOS|"
    r"Photos|(?i:in pic(?:ture)?s))"
    r"(?:\s+news|\s+(?i:updates|blog))?\s*[:|\-–—]\s*"
)
_CLICKBAIT = re.compile(
    r"you won't believe|here's (?:what|why|how)|this is (?:what|why)|what (?:we|you) know|"
    r"!$|^(?:why|how|what)\b|shocking|jaw-dropping|\bslams\b|things to know",
    re.IGNORECASE,
)
# "our solar system", "our planet": everyone's, not the outlet's voice.
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|me|my|we|We|(?:our|Our)(?! (?:solar system|planet|galaxy|sun)\b)|us)\b"
)
_SUBORDINATE = re.compile(
    r"^(?:As|When|While|After|Before|Although|Though|If|Because|Since|Until|Once|Unless|"
    r"Whether|Where)\b"
)
# "..., Brazil's satellite agency says": a headline's attribution, not a cut-off.
_ATTRIBUTED_END = re.compile(
    r",\s(?!(?:and|but|or|as|while|which|who|that)\b)[^,]{2,60}\s(?:says|said|say)$"
)
# "aimed at averting": a preposition then a gerund with no object.
# ("... two-thirds of spending", "... cut in funding": nouns, the title whole.)
_GERUND_END = re.compile(
    r"\b(?:at|of|for|by|to|in|on|about|from|without)\s+(?!(?:spending|funding|building|"
    r"housing|training|meeting|bombing|shooting|ceiling|warning|ruling|hearing|fighting|"
    r"shelling|flooding|clothing|lending|borrowing|pricing|planning|policing|voting|polling|"
    r"financing|shipping|mining|fishing|farming|gaming|banking|nursing|schooling|"
    r"sentencing|testing|screening|rationing|looting|rioting|wedding|morning|evening|"
    r"landing|offering|uprising|wellbeing|being|nothing|something|anything|everything)\W*$)"
    r"\w+ing\W*$"
)
_MIN_WORDS, _MAX_WORDS = 3, 16
_SCANNED_SENTENCES = 40  # captions sit near the top of a page
_TOP_CHARS = 8_000  # about _SCANNED_SENTENCES sentences of news prose
# The longest start a page puts before a caption: a dateline with its wire, a dash.
_CAPTION_START = 50
_CUT_SHORT = 3  # a title this many words shorter than the sentence it opens is cut short
_OPENING_MARKS = "\"'“‘«„ "
_PERCENT = re.compile(r"(\d)\s*(?:per ?cent|percent|pct)\b", re.IGNORECASE)
_MIN_BUILT_WORDS, _MAX_BUILT_WORDS = 6, 14
# No headline's words run longer than this on average: a longer head is not read.
_CHARS_PER_WORD = 30
# A capitalised word inside a sentence (after a lower-case word or a comma), and a word
# in lower case: how articles write each word where case is not the sentence's.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][\w'’\-]*)")
_LOWER_WORD = re.compile(r"\b[a-z][\w'’\-]*")
# A clause with its verb up to this long beats a phrase without one ("A chance discovery
# at a rock shelter").
_LONGEST_BUILT_WORDS = 20
# An aside after a sentence's subject: a relative clause, an apposition or an age
# between commas ("Wendy Davis, who became ..., said", "Jane Doe, 29, was").
_ASIDE = re.compile(
    r"^(?P<subject>[A-Z][^,;:“”\"]{1,80}?),\s(?:(?:who|which)\s[^,;:“”\"]{3,160}|"
    r"(?:a|an|the|son|daughter|wife|husband|brother|sister|mother|father|one|head|chief|"
    r"director|editor|author|founder)\s[^,;:“”\"]{2,120}|\d{1,3}),\s(?P<rest>[a-z].+)$"
)
# Before a participle that follows its noun ("a settlement | dating back 49,000 years"),
# not one an auxiliary heads ("was | trying") nor a noun in -ing ("the | meeting").
_PARTICIPLE_BOUNDARY = re.compile(
    r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbeen)(?<!\bbe)(?<!\bthe)(?<!\ba)(?<!\ban)"
    r"\s(?=(?!(?:morning|evening|building|meeting|wedding|hearing|briefing|ruling|thing|"
    r"king|spring|string|ring|wing|ceiling|funding|spending|training|housing|during)\b)"
    r"[a-z]{3,}ing\s)"
)
# Words title case leaves in lower case (articles, conjunctions, short prepositions).
_SMALL_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for"),
        *("with", "by", "from", "as", "than", "via", "vs", "per", "off", "out", "up"),
    }
)
_PARTICLES = frozenset({"up", "off", "out"})
# Before a particle: a past or a present participle, or a word in -s not followed by a
# preposition's object ("Rules Out Talks"; "Tariffs Off the Table" is a noun's). A last
# word is a particle whatever precedes it ("Growth Holds Up").
_VERB_ENDINGS = ("ed", "ing")
_PREPOSITION_OBJECTS = frozenset({"the", "a", "an", "of", "for", "to", "in", "on", "at", "my"})
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen)\.)$")
# "of" binds two nouns into one ("part of", "the half-brother of"): a cut before it is
# the last resort.
_OF = re.compile(r"\sof(?=\s)")
# "as big | as Neptune", "as far back | as July": a cut before this "as" would leave
# half a comparison.
_HALF_COMPARISON = re.compile(r"\bas(?:\s+\S+){1,3}$")
# A word and the phrase it asks for, which a cut must not part: a participle after a
# noun and its agent ("a document created | by the staff", "long considered | by
# some"), and a gerund and its infinitive ("a couple looking | to buy a car"). After an
# auxiliary the clause is whole: "was killed | by a nerve agent", "has been trying | to".
_BOUND_COMPLEMENT = re.compile(
    r"(?P<before>\S+)\s+(?:[a-z]{2,}(?:ed|en)\s+by|"
    r"(?!(?:morning|evening|building|meeting|wedding|hearing|briefing|ruling|thing|"
    r"king|spring|string|ring|wing|ceiling|funding|spending|training|housing)\b)"
    r"[a-z]{2,}ing\s+to)\s$"
)
# A verb that asks for what it is to do: "NATO, Japan agree | to open an office", "vows |
# to retaliate", "set | to vote". Cut there, the subject line says nothing was agreed.
_INFINITIVE_COMPLEMENT = re.compile(
    r"\b(?:(?:agree|vote|decide|refuse|promise|pledge|hope|prepare|continue|intend|move|"
    r"scramble|race|resolve|strive)(?:s|d)?|(?:vow|plan|seek|threaten|aim|want|fail|offer|"
    r"attempt|struggle|look|expect|need|start|begin|opt|commit|fight|work|battle)"
    r"(?:s|ed|ned|ted|le|les|led)?|(?:rush|push)(?:es|ed)?|tr(?:y|ies|ied)|sought|set|poised|"
    r"due|likely|ready|able)\s+to\s$"
)
# A verb whose object asks for a "to" after it: "allowing employees | to take leave",
# "left the bulk of her fortune | to family". Cut there, the headline says half of what
# was done.
_OBJECT_COMPLEMENT = re.compile(
    r"\b(?:(?:allow|ask|order|bequeath)(?:s|ed|ing)?|permit(?:s|ted|ting)?|"
    r"(?:urg|forc|persuad|invit|encourag|enabl|requir|leav)(?:e|es|ed|ing))"
    r"\s+(?:[\w$'’.,\-]+\s+){1,6}to\s$|"
    r"\bleft\s+(?:the|his|her|their|its|a|an)\s+(?:[\w$'’.,\-]+\s+){0,6}to\s$"
)
# A verb of going whose "to" says where: "as Ukraine talks move | to Geneva", "Team USA
# heads | to the final". Cut there, the headline says something else ("talks move").
_WHERE_COMPLEMENT = re.compile(
    r"\b(?:mov(?:e|es|ed|ing)|head(?:s|ed|ing)?|go(?:es|ing|ne)?|went|"
    r"travel(?:s|led|ling|ed|ing)?|fl(?:y|ies|ew|ying|own)|shift(?:s|ed|ing)?|"
    r"relocat(?:e|es|ed|ing)|return(?:s|ed|ing)?|sen[dt](?:s|ing)?|bound)"
    r"\s+(?:to|into|toward|towards)\s$",
    re.IGNORECASE,
)
_AUXILIARY = frozenset(
    {
        *("is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets"),
        *("just", "still", "now", "not", "already", "also", "has", "have", "had", "'s", "’s"),
    }
)
# A headline says something happened: it has a verb (a finite form is enough to spot).
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|did|does|will|would|can|could|may|might|must|"
    r"says|said|took|made|gave|went|came|met|held|left|lost|rose|fell|hit|set|put|cut|"
    r"shot|told|sent|spent|sold|won|ran|broke|stood|began|led|fled|paid|quit|wins|"
    r"tell|say|seek|face|vow|warn|urge|push|win|meet|join|deny|reject|agree|demand|fear|"
    r"kill|die|flee|ask|want|need|"
    # A plural subject's verbs that are seldom a headline's nouns ("Armenia and
    # Azerbaijan sign peace treaty", "Rebels seize airport").
    # Not those a headline uses as nouns too ("Rocket launch from ...", "A welcome
    # change", "Winter storm warning"); "reach" only before what is reached.
    r"sign|seize|unveil|approve|condemn|discuss|dissolve|elect|arrest|accuse|announce|"
    r"defend|expand|extend|resign|restore|sue|suspend|threaten|topple|accept|adopt|allow|"
    r"appoint|capture|deploy|detain|evacuate|expel|oust|overturn|pledge|reopen|retake|"
    r"reach(?=\s(?:an?\s)?(?:[a-z-]+\s){0,2}(?:agreement|deal|accord|truce|ceasefire|"
    r"settlement)\b)|"
    # Headline words for a pact made ("Philippines, NATO seal partnership program",
    # "Japan, UK ink defence pact"), and "hold" only before what is held.
    r"seal|ink|forge|renew|resume|"
    r"hold(?=\s(?:talks|joint|first|fresh|new|emergency|snap|drills|exercises|elections?|"
    r"a\s|an\s))|"
    # Irregular past participles a headline uses without "has" ("Rahman sworn in").
    r"sworn|taken|given|shown|seen|known|found|built|chosen|driven|written|drawn|fallen|"
    r"beaten|broken|stolen|frozen|born|struck|caught|brought|bought|fought|sought|kept|"
    r"won|begun|grown|thrown|hidden|"
    # Any other word in -s or -ed, but not the words that only look like verbs
    # ("Please study this quote", "news", "perhaps").
    r"(?!(?:this|thus|perhaps|always|news|across|unless|whereas|besides|towards|"
    r"afterwards|sometimes|nowadays|series|species|politics|less|various|previous|"
    r"years|months|weeks|days|hours|minutes|decades|centuries)\b)"
    r"[a-z]{2,}(?:ed|es|s))\b"
)
# The wires' future and present: a name, then "to" and a verb or a verb in -ing
# ("Ottawa to pause low-wage foreign worker program", "EU pausing tariff talks").
_NAMED_THEN_VERB = re.compile(
    r"^(?!(?:Things|Ways|Reasons|Places|What|Where|How|Why|When|Who)\b|[A-Z][a-z]+ing\b)"
    # ("India, Malaysia to settle trade ...": two names and a comma.)
    r"[A-Z][\w'’.\-]*(?:(?:,\s+|\s+(?:and\s+)?)[A-Z][\w'’.\-]*){0,3}\s+"
    r"(?:(?:to|set to|poised to|plans to|moves to)\s+(?!(?:the|a|an|be|this|that|its|their)\b)"
    r"[a-z]{3,}|[a-z]{3,}ing)\b(?=\s+[a-z])"
)
# "#breaking A horror film come to life in #lancaster", "@ realDonaldTrump": a social
# post's hashtags and handles, not a newsroom's headline.
_SOCIAL_TAG = re.compile(r"(?<![\w&])[#@]\s?[A-Za-z]\w")
_CONTINUATION = re.compile(r"^(?:And|But|Or|So|Yet|Because|Then)\b")
_PRONOUN_START = re.compile(r"^(?:He|She|It|They|We|This|That|These|Those|His|Her|Their|Its)\b")
# A quotation: curly or straight; a closing single quote is one not inside a word
# ("I’ve" keeps its apostrophe).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘.*?’(?![A-Za-z])|(?<!\w)'.*?'(?![A-Za-z])")
# "In the aftermath of the unrest, Iran is gripped by ...": an opening phrase before
# the sentence's subject, which a headline leaves out.
_OPENING_PHRASE = re.compile(
    r"^(?:In|On|At|After|Before|During|Amid|Amidst|Despite|Following|Since|With|As|When|"
    r"While|Once|Under|Over|For|Ahead of|Across|Throughout|Earlier|Later|Last|This|By)\b"
    r"[^;:]{2,90}?,[”’\"]?\s+(?=[A-Za-z“\"‘'0-9])"
)
# A clause set before the subject may run long ("When NATO's secretary general stood
# next to Japan's prime minister in Tokyo on Tuesday and called for ..., the most
# important reaction ..."): cut at it, a headline is that clause alone, with no subject.
_OPENING_CLAUSE = re.compile(
    r"^(?:When|While|As|After|Before|Although|Though|Because|Since|Once|Until)\b"
    r"[^;:]{2,240}?,[”’\"]?\s+(?=[A-Za-z“\"‘'0-9])"
)


def make_headline(
    story: Story,
    lead: str = "",
    *,
    lead_article: int | None = None,
    cases: WordCases | None = None,
    told: str = "",
    staged: bool = False,
) -> str:
    """The story's headline: the best outlet title that is a news headline, else one
    built from ``lead`` (the Briefly's first sentence) or the first article's text.

    ``lead_article`` is the index of the article the lead comes from. An outlet writes
    its title and teaser as a pair, so that article's title is the headline when the
    lead leans on it ("The former Navy captain and astronaut says ..." under "Senator
    Mark Kelly tells BBC he will consider a run"), and, when no title is a headline,
    that title without a verb ("Auditioning to Beat Trump") rather than the lead again.
    ``cases`` (:func:`word_cases` of the issue's articles) tells how words the story's
    own articles never write mid-sentence are written, for putting a Title Case title
    in sentence case. ``told`` is the whole Briefly: a title giving another death toll
    than the one it gives is passed over. ``staged``: the lead tells the story's latest
    turn (``digest.stages``), and its report's title heads it.
    """
    texts = [a.text or a.summary for a in story.articles]
    titles, good = _news_titles(story, texts)
    if story.lead_articles:
        # A story the editors merged others into keeps its own titles first.
        kept = {titles[i] for i, a in enumerate(story.articles) if a.id in story.lead_articles}
        good = [t for t in good if any(k.endswith(t) for k in kept if k)] or good
    own = titles[lead_article] if lead_article is not None else ""
    if own and needs_antecedent(lead):
        paired = [t for t in good if own.endswith(t)]  # or its part after a colon
        if paired:
            return normalise_headline(paired[0], texts, cases)
    if not good:
        questions = [t for t in titles if t and t.endswith("?") and _is_news_headline(t[:-1])]
        if questions and len(questions) == len([t for t in titles if t]):
            good = questions  # the story is a question: every outlet asks it
    if good:
        # A live page's title is its running label ("Arequipa earthquake LIVE: death toll
        # rises to 19"), not a headline, while a report's title is there.
        live = {titles[i] for i, a in enumerate(story.articles) if is_live_page(a.title, a.url)}
        # Unless the lead is its newest entry's toll and the title, its label cut off,
        # gives it: "LIVE UPDATES: Cyclone Arnab death toll revised to 38" over a report
        # of India's aid (not "Vell earthquake LIVE: death toll rises to 19").
        dead = dead_counted(told or lead, exact=True)
        if (
            dead
            and lead_article is not None
            and titles[lead_article] in live
            and not is_live_page(titles[lead_article])
        ):
            own_toll = dead_counted(titles[lead_article], exact=True)
            if own_toll and same_figure(own_toll, dead):
                live.discard(titles[lead_article])
        good = [t for t in good if t not in live] or good
        # A title with another toll than the Briefly's ("Death toll ... rises to 47"
        # over "... killed at least 61") would contradict the Briefly under it.
        good = _counting_as(good, told or lead) or good
        # So would another magnitude ("6.2-magnitude quake jolts ..." over "A magnitude
        # 6.4 earthquake shook ...").
        good = _measuring_as(good, lead) or good
        # Nor does "... no immediate reports of deaths" head a story another title counts
        # dead in ("One Dead, 46 Homes Damaged After Nicoya Quake").
        if any(tells_deaths(t) for t in titles if t):
            good = [t for t in good if not denies_deaths(t)] or good
        # A story told at stages is headed by the stage its Briefly leads with: the
        # lead's own report, written a day or more after every other, titles it ("Troops
        # rescue 17 abducted Kebbi pupils" over two reports of the raid).
        # So is the report of a turn its title tells ("Sudan truce collapses ..."),
        # though a feature came out after it (``staged``).
        # Not a column, a live page or a title about something else than the lead
        # tells ("UN chief condemns ..." over a lead retelling the raid).
        if (
            own
            and lead_article is not None
            and not is_opinion(story.articles[lead_article])
            and not is_live_page(own)
            and (_latest_by(story, lead_article, _STAGE_HOURS) or staged)
        ):
            # (A turn's title is the turn's, whatever words the lead tells it in:
            # "Bellandi resigns" over "handed his resignation".)
            latest = [t for t in (good if staged else _telling(good, lead)) if own.endswith(t)]
            if latest and not is_reaction(latest[0]):
                return normalise_headline(latest[0], texts, cases)
            if staged and (built := headline_from_sentence(lead, texts)):
                # The turn's own title unusable (another toll than its text's): the lead
                # heads the story, as no other title tells the turn.
                return built
        # The headline tells what the Briefly tells. Where the outlets' titles disagree
        # (NPR's "Trump administration tries to resolve three crises" beside the
        # Times's "Iran Holds Exercises in Strait of Hormuz"), one sharing far fewer
        # words with the lead than another is passed over (``_telling``).
        telling = _telling(good, lead)
        chosen = _most_informative(telling, titles, lead)
        # Nor is a story headed by a title a day or more older than the report its
        # Briefly leads with, when that report's own title tells the lead too: "EU envoys
        # back loan, Belgium still wants guarantees" is stale over a lead telling
        # Belgium's objection lifted two days on.
        if own and lead_article is not None and _fresher(story, titles, chosen, lead_article):
            fresher = [t for t in telling if own.endswith(t)]
            if fresher and not is_reaction(fresher[0]):
                return normalise_headline(fresher[0], texts, cases)
        return normalise_headline(chosen, texts, cases)
    clean = [c for text in texts for c in clean_sentences(text)]
    # The first statement: a page's leftovers ("what we know", "Photo Advertisement")
    # start in lower case or have no verb.
    source = lead or next((c for c in clean if is_headline_source(c)), clean[0] if clean else "")
    built = headline_from_sentence(source, texts)
    openings = _furniture_openings(texts)
    # (Against the sentence as a headline prints it: "on Tuesday" left out is no cut.)
    whole = _without_relative_day(_from_subject(source.strip().rstrip(".!")))
    if word_count(built) < word_count(whole):
        # A sentence cut to fit ("... requires a state") reads worse than the outlet's
        # own title without a verb ("In Xi's Purge of the Military, a Search for ...").
        # The lead's own title ("Auditioning to Beat Trump" over its teaser), or one
        # about the lead's story: another page that opens with something else (an app
        # maker's statement above the inquest report) is titled by that.
        lead_words = set(content_words(source))
        nominal = [
            t
            for t in titles
            if t
            and _is_news_headline(t, openings, need_verb=False)
            and (t == own or lead_words & set(content_words(t)))
        ]
        if nominal:
            return normalise_headline(_most_informative(nominal, titles, lead), texts, cases)
    elif own and _is_news_headline(own, openings, need_verb=False):
        return normalise_headline(own, texts, cases)  # the lead whole: the Briefly prints it
    # With no usable title and no text, any title beats "Untitled story".
    return built or next(
        (normalise_headline(t, texts, cases) for t in titles if t), "Untitled story"
    )


def placed_headline(headline: str, told: str, texts: Sequence[str]) -> str:
    """``headline`` with the country its story happens in before it ("Nepal: Transport
    strike called off ...") when neither it nor ``told`` (the line printed under it)
    names a country and ``texts`` (the story's articles) clearly name one: a home paper
    leaves its own country unsaid, which a reader abroad does not know. As it is
    otherwise."""
    # A label's colon is taken ("Doctors' strike: Patients stranded ..."). A headline
    # naming someone ("Senate passes ...", "Putin says ...", "Hezbollah fires ...") is
    # theirs, whatever country the articles name most: often the one it is aimed at.
    if countries_named(headline) or countries_named(told) or ": " in headline:
        return headline
    cases = word_cases(texts)
    lowered = {word.lower() for word in cases.lowered}
    names = {
        word
        for word in cases.capitalised
        if word.lower() not in lowered
        and word not in _NOT_NAMES
        and not month_number(word)
        and word not in TITLE_WORDS
        and word not in PLACES
        # A body's initials ("CEC", "MOM") name no one a reader abroad can place.
        and not (word.isupper() and word not in _ACRONYMS)
    }
    if any(word.strip(".,;:!?'’\"“”()") in names for word in headline.split()):
        return headline
    counts: Counter[str] = Counter()
    for text in texts:
        for sentence in clean_sentences(text, limit=_PLACE_SENTENCES):
            counts.update(countries_named(_VENUE.sub(_unless_a_city, sentence)))
    ranked = counts.most_common(2)
    if not ranked:
        return headline
    country, most = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    # Two of a country's halves read as one ("South Korea", "North Korea": "Korea").
    if most < _PLACE_MENTIONS or most <= _PLACE_LEAD * second or country in _HALVES:
        return headline
    if re.search(rf"\b{re.escape(country)}\b", headline):
        return headline  # in a body's name: "Canada Post and union reach ..."
    return f"{country}: {headline}"


# Capitalised words that name no one: days, and a title's short form.
_NOT_NAMES = frozenset({*WEEKDAYS, "PM", "President", "Minister", "Premier", "Chancellor"})
# A story's country, for a headline naming none: named in this many of its articles'
# first sentences, this many times as often as any other.
_PLACE_SENTENCES = 20
_PLACE_MENTIONS = 2
_PLACE_LEAD = 2
_HALVES = frozenset({"Korea", "Congo"})
# A meeting's place is no place of the story: "three days of talks in Lusaka", "signed
# a two-week truce in Doha", "the Geneva talks" (the river provinces' truce is not
# Zambia's). A city only: "talks on ending the war in Ukraine" are Ukraine's.
_VENUE = re.compile(
    r"\b(?:(?i:talks|summit|meeting|conference|negotiations|mediation|signed|hosted|brokered)"
    r"(?:\s+[\w'’-]+){0,4}?|met(?:\s+again)?)\s+in\s+(?P<at>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    r"|(?P<before>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:talks|summit|peace\s+process)\b"
)


def _unless_a_city(venue: re.Match[str]) -> str:
    """A meeting's place (``_VENUE``) gone when it is a city, kept otherwise."""
    place = venue["at"] or venue["before"]
    return " " if is_a_city(place) else venue.group(0)


def has_news_title(story: Story) -> bool:
    """Whether one of the story's titles is a news headline by the rules above (not a
    caption, a quote, a question, first person or cut short)."""
    # Only the top of each page: captions and openings sit there, and a big window has
    # thousands of one-outlet stories to rank.
    tops = [(a.text or a.summary)[:_TOP_CHARS] for a in story.articles]
    return bool(_news_titles(story, tops)[1])


def _news_titles(story: Story, texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """The story's titles made plain, and those of them that are news headlines (checked
    against the openings of ``texts``, the articles' text)."""
    outlets = {a.outlet.lower() for a in story.articles}
    titles = [_plain_title(a.title, outlets) for a in story.articles]
    openings = _furniture_openings(texts)
    names = word_cases(texts).capitalised
    good = []
    for title in dict.fromkeys(titles):
        if not title:
            continue
        if _is_news_headline(title, openings, names=names):
            good.append(title)
            continue
        # "I would scream in my sleep: Women from Syria's Alawite minority tell of ...":
        # a quote, then the headline proper.
        head, colon, tail = title.partition(": ")
        if colon and _FIRST_PERSON.search(head) and _is_news_headline(tail, openings):
            good.append(tail)
    # A clip's or a gallery's title names what it shows ("Cars swept away as floodwaters
    # tear through Durban"); a report's says what happened.
    # So does a view's (a column argues, a transcript names its occasion: "Transcript:
    # NIEBC chairman's press conference on Banadir results").
    shown = {titles[i] for i, a in enumerate(story.articles) if _shows(a) or is_opinion(a)}
    if any(t not in shown for t in good):
        good = [t for t in good if t not in shown]
    # "Anwar: Sarawak's chip parks on the table ...": a speaker's words under their
    # name, one side of the story, where another title tells it.
    return titles, [t for t in good if not _speaker_label(t, texts)] or good


def _speaker_label(title: str, texts: Sequence[str]) -> bool:
    """Whether ``title`` opens on one capitalised name and a colon, the name one the
    story's texts report speaking ("Anwar said"): a speaker's words, not a label of a
    place or a subject ("Sagaing: ...", "Brexit: ...", "Analysis: ...")."""
    label = _ONE_NAME_LABEL.match(title)
    if not label or label["name"] in _PAGE_LABELS:
        return False
    name = re.escape(label["name"])
    speaking = re.compile(
        rf"\b{name}(?:\s[A-Z][\w'’\-]+)?,?\s(?:said|says|told|added|stated)\b"
        rf"|\b(?:said|says|told|added)\s(?:[A-Z][\w'’\-]+\s)?{name}\b"
    )
    return any(speaking.search(text) for text in texts)


_ONE_NAME_LABEL = re.compile(r"^(?P<name>[A-Z][a-z'’\-]+):\s")
_PAGE_LABELS = frozenset(
    {"Exclusive", "Analysis", "Opinion", "Update", "Updated", "Watch", "Live", "Explainer"}
    | {"Breaking", "Video", "Review", "Editorial", "Comment", "Interview", "Factbox"}
    | {"Timeline", "Explained", "Photos", "Podcast", "Listen", "Correction", "Obituary"}
)


def _shows(article: Article) -> bool:
    """Whether ``article`` is a video's or a gallery's page."""
    return is_gallery(article) or is_video(article)


def headline_from_sentence(sentence: str, texts: Sequence[str] = ()) -> str:
    """A headline made of a sentence's opening (14 words, 20 at most), no full stop.

    A longer sentence is cut at its last clause boundary within 6-14 words (a comma,
    a dash, "who", "if", ...), else before its last preposition there ("in", "by",
    "as", ...), each after a verb, so the headline ends on a whole phrase; a sentence
    of up to 16 words that offers neither is kept whole. A longer one loses the aside
    after its subject (", who ...,", ", son of ...,") and is cut the same way, or at a
    participle after its noun, within 20 words, or kept whole up to 20; only then is it
    cut before "of" ("part of"), else at a noun phrase, else after its 14th word. A cut
    never ends on a word that asks for more ("if he", "as part", "almost"), nor parts a
    participle from its agent or a gerund from its infinitive ("created | by the staff",
    "looking | to buy").
    """
    text = whole = _from_subject(sentence.strip().rstrip(".!"))
    if word_count(text) > _MAX_BUILT_WORDS:
        # A whole clause first; then the sentence whole if it is not too long for a
        # headline; then the same without an aside after its subject, or a longer
        # clause, rather than a phrase with no verb; then a cut before "of"; then a
        # noun phrase.
        cut = _best_cut(text, (CLAUSE_BOUNDARY,), verb=True)
        if cut is None:
            # A whole clause of up to 16 words keeps the phrase a preposition's cut
            # would lose ("... to strengthen its military presence | in the Arctic,").
            cut = _best_cut(text, (CLAUSE_BOUNDARY,), verb=True, longest=_MAX_WORDS)
        if cut is None:
            cut = _best_cut(text, (PREPOSITION_BOUNDARY,), verb=True)
        aside = _aside(text)
        if cut is not None and aside and cut < aside.start("rest"):
            # A cut inside the aside ("Ana Ruiz, who became famous for a filibuster")
            # has the aside's verb, not the sentence's.
            cut = None
        if cut is None and word_count(text) > _MAX_WORDS:
            if aside:
                text = whole = f"{aside['subject']} {aside['rest']}"
            cut = _best_cut(text, (CLAUSE_BOUNDARY, PREPOSITION_BOUNDARY), verb=True)
            if cut is None:
                cut = _best_cut(
                    text,
                    (CLAUSE_BOUNDARY, PREPOSITION_BOUNDARY, _PARTICIPLE_BOUNDARY),
                    verb=True,
                    longest=_LONGEST_BUILT_WORDS,
                )
            if cut is None and word_count(text) <= _LONGEST_BUILT_WORDS:
                cut = len(text)
        if cut is None and word_count(text) > _MAX_WORDS:
            cut = _best_cut(text, (_OF,), verb=True)
            if cut is None:
                cut = _best_cut(text, (CLAUSE_BOUNDARY, PREPOSITION_BOUNDARY, _OF), verb=False)
            if cut is None:
                cut = len(" ".join(text.split()[:_MAX_BUILT_WORDS]))
        if cut is not None:
            text = text[:cut]
    text = text.rstrip(" ,;:—–-")
    dangling = CUT_DANGLING_END if text != whole else DANGLING_END
    while _dangles(text, dangling) and word_count(text) > 3:
        text = text.rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return normalise_headline(text, texts) if text else ""


def ends_short(headline: str) -> bool:
    """Whether a headline ends on a word that asks for more ("if he", "as part", "the")."""
    return bool(CUT_DANGLING_END.search(headline))


def _best_cut(
    text: str,
    boundaries: Sequence[re.Pattern[str]],
    *,
    verb: bool,
    longest: int = _MAX_BUILT_WORDS,
) -> int | None:
    """Where to cut a sentence too long for a headline, or None: the last place within
    6-14 (or ``longest``) words before the first of ``boundaries`` found, with a verb
    before it if ``verb``. A cut never ends inside a quotation or on a word that asks
    for more ("as part", "he").
    """
    # Words before each place, from one pass: counting each head again, and reading
    # heads longer than any headline, made a sentence of thousands of boundaries (or of
    # " , , ," runs, which are no words) quadratic.
    starts = word_starts(text)
    for boundary in boundaries:
        found = []
        for m in boundary.finditer(text):
            words = bisect.bisect_left(starts, m.start())  # = word_count(text[:m.start()])
            if words > longest or m.start() > longest * _CHARS_PER_WORD:
                break  # longer heads never have fewer words
            head = text[: m.start()]
            if (
                words >= _MIN_BUILT_WORDS
                and not _open_quote(head)
                and not _dangles(head.rstrip(" ,;:—–-"), CUT_DANGLING_END)
                and not (m.group().strip() == "as" and _HALF_COMPARISON.search(head))
                and not parts_complement(head + m.group() + " ")
                and (not verb or _VERB.search(head.split(" ", 1)[-1]))
                # Nor end on its only verb ("Wendy Davis discloses | in her memoir that
                # ..."): what it says is after the cut.
                and (not verb or _VERB.search(" ".join(head.split()[1:-1])))
            ):
                found.append(m.start())
        if found:
            return found[-1]
    return None


def _aside(text: str) -> re.Match[str] | None:
    """An aside between the subject of ``text`` and its verb ("Richard Reston, son of the
    columnist James Reston, has been ..."), which a headline may leave out ("Richard
    Reston has been ..."): a deletion that keeps the sentence's own words and its main
    clause; None if there is none."""
    aside = _ASIDE.match(text)
    if not aside or not _VERB.match(aside["rest"]) or word_count(aside["subject"]) > 8:
        return None
    return aside


def _dangles(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``text`` ends on a word that asks for more; a closed quotation is whole,
    whatever its last word ("asked CNN “says who?”")."""
    return not _QUOTATION_END.search(text) and bool(pattern.search(text))


_QUOTATION_END = re.compile(r"(?:“[^”]*”|\"[^\"]*\")$")


def parts_complement(head: str) -> bool:
    """Whether a cut after ``head`` (which ends on the boundary word) parts a word from
    the phrase it asks for (see ``_BOUND_COMPLEMENT``, ``_OBJECT_COMPLEMENT``,
    ``_WHERE_COMPLEMENT``)."""
    bound = _BOUND_COMPLEMENT.search(head)
    if bound is not None and bound.group("before").lower() not in _AUXILIARY:
        return True
    return (
        _OBJECT_COMPLEMENT.search(head) is not None
        or _WHERE_COMPLEMENT.search(head) is not None
        or _INFINITIVE_COMPLEMENT.search(head) is not None
    )


def _from_subject(text: str) -> str:
    """``text`` without an opening phrase before its subject ("In the 1990s, ...")."""
    phrase = _OPENING_PHRASE.match(text)
    opening = phrase or _OPENING_CLAUSE.match(text)
    if opening and not _open_quote(opening.group(0)):
        rest = text[opening.end() :]
        # The rest must be a clause of its own: "In Paris, London and Rome, ..." is not.
        # After a long clause a short one still beats a headline of that clause alone
        # ("When the storm hit ..., thousands fled inland").
        clause = rest.split(",", 1)[0].split(" ", 1)[-1]
        least = _MIN_BUILT_WORDS if phrase else _MIN_WORDS
        # "..., its details remain unclear": a pronoun's noun was in what is left out.
        leans = _PRONOUN_START.match(rest[0].upper() + rest[1:])
        if word_count(rest) >= least and _VERB.search(clause) and not leans:
            return rest[0].upper() + rest[1:]
    return text


def is_headline_source(sentence: str) -> bool:
    """Whether a headline may be built from ``sentence``: a statement of six words or
    more with a verb, not a page's leftovers ("what we know", "Photo Advertisement")
    nor a sentence going on from another ("And ...")."""
    opening = sentence.lstrip("“\"‘'")
    return (
        opening[:1].isupper()
        and not _CONTINUATION.match(opening)
        and word_count(sentence) >= _MIN_BUILT_WORDS
        and bool(_VERB.search(sentence.split(" ", 1)[-1]))
    )


def _open_quote(text: str) -> bool:
    """Whether ``text`` ends inside a quotation."""
    return (
        text.count("“") > text.count("”")
        or text.count('"') % 2 == 1
        or len(re.findall(r"(?<!\w)‘", text)) > len(re.findall(r"’(?![A-Za-z])", text))
    )


def normalise_headline(
    title: str, texts: Sequence[str] = (), cases: WordCases | None = None
) -> str:
    """House style: curly quotes, "%" after numbers, sentence case, no final stop."""
    text = " ".join(title.split()).rstrip(" .")
    text = _PERCENT.sub(r"\1%", text)
    text = curl_quotes(text)
    if _is_title_case(text):
        text = _sentence_case(text, texts, cases)
    return _without_relative_day(_source_said(spelled_out_titles(text)))


# "6.2-magnitude quake jolts Costa Rica -- USGS": a wire's source after two dashes.
_SOURCE_AFTER_DASHES = re.compile(r"\s+--\s+(?P<source>[A-Z]{2,6}(?:\s[A-Z]{2,6})?)$")
# "... toll stands at 12: health ministry": a South Asian and Gulf desk's attribution
# after a colon, which a reader elsewhere takes for a cut-off. Said as the house says
# it: "..., health ministry says". Only a role in lower case (not "...: Jaishankar",
# nor a label before the news, "Doctors' strike: ...").
_SOURCE_AFTER_COLON = re.compile(
    r":\s+(?P<source>(?!(?:a|an|the)\s)(?:[a-z][\w'’\-]*\s+){0,2}"
    r"(?P<noun>ministry|minister|official|officials|police|army|military|sources?|report|"
    r"spokesperson|spokesman|spokeswoman|agency|governor|mayor|authorities|commission|"
    r"council|court|study|survey|data|poll))$"
)
_PLURAL_SOURCES = frozenset({"officials", "police", "authorities", "sources", "data"})


def _source_said(headline: str) -> str:
    if (dashed := _SOURCE_AFTER_DASHES.search(headline)) and word_count(
        headline[: dashed.start()]
    ) >= _MIN_WORDS:
        return f"{headline[: dashed.start()]}, {dashed.group('source')} says"
    match = _SOURCE_AFTER_COLON.search(headline)
    if not match or word_count(headline[: match.start()]) < _MIN_WORDS:
        return headline
    verb = "say" if match.group("noun") in _PLURAL_SOURCES else "says"
    return f"{headline[: match.start()]}, {match.group('source')} {verb}"


# Acronyms of the news that a title in capitals may use where its article does not.
_ACRONYMS = frozenset(
    """EU US UK UN UAE NATO IMF ICC ICJ ECB FBI CIA NHS AU ASEAN OPEC GDP COP AI BBC CNN
    G7 G20 MPs MP PM""".split()  # noqa: SIM905
)


def from_capitals(title: str, texts: Sequence[str]) -> str:
    """``title`` in sentence case when an outlet set it all in capitals ("NATIONWIDE
    SHUTDOWN AS LABOUR DIGS IN"): each word as the articles write it inside a sentence
    ("NLC", "Abuja"), else in lower case; as it was when it has lower-case letters."""
    letters = [c for c in title if c.isalpha()]
    if len(title.split()) < _MIN_WORDS or not letters or any(c.islower() for c in letters):
        return title
    written = " ".join(texts)
    capitalised = word_cases(texts).capitalised

    def recased(match: re.Match[str]) -> str:
        word, possessive = match.group("word"), (match.group("tail") or "").lower()
        return recase(word) + possessive

    def recase(word: str) -> str:
        if re.search(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", written):
            return word  # an acronym the articles write so
        named = word.capitalize()
        if capitalised & {named, f"{named}'s", f"{named}’s"}:
            return named
        if word in _ACRONYMS:
            return word  # "EU", "US": the articles may not write it, but it is one
        return word.lower()

    cased = re.sub(r"(?P<word>[^\W\d_]+)(?P<tail>['’][^\W\d_]+)?", recased, title)
    return cased[:1].upper() + cased[1:]


# "today", "last night": the outlet's day, not the reader's, who opens a weekly issue
# days later. Left out of a headline (a Briefly sentence says the date instead).
_RELATIVE_DAY = re.compile(
    r"(?:,\s*)?\s(?:earlier\s+|late\s+)?(?:today|tonight|yesterday|last\s+night|"
    r"this\s+(?:morning|afternoon|evening))\b(?=\s*(?:$|[,;:—–]|\s[a-z]))"
)
_OPENING_RELATIVE_DAY = re.compile(r"^(?:Today|Tonight|Yesterday|Last night),?\s+(?=\S)")
# A weekday is the outlet's day too: "... mobilized troops Thursday", "Senate to vote on
# Tuesday on the bill", "Trump's Thursday press conference", "President Trump on Friday
# said". Only where it goes cleanly: after a word in lower case or a possessive, or after
# a name with "on", "early" or "late" before the day. A capitalised word right before
# it may make a name of the day ("Good Friday", "Man Friday", "Happy Friday"); a
# preposition would be left without its object ("delayed until Monday"); a comma would
# be left twice ("Trump, on Friday, said"); and a headline naming two days ("on Monday
# and Tuesday") keeps both.
_WEEKDAY_WHEN = re.compile(
    r"(?<!\S)(?P<before>[\w’'\-.%]+)(?P<comma>,)?\s"
    rf"(?P<lead>(?i:on\s+)?(?i:early\s+|late\s+)?){WEEKDAY_PATTERN}"
    # (Possessive: "Wednesday night's screening" is not "Wednesday" before "night's".)
    r"(?:\s+(?:morning|afternoon|evening|night))?+\b(?=\s*(?:$|[,;:—–.!?]|\s[a-z]))"
    # A day that is the verb's object ("declares Monday a holiday") is the news.
    r"(?!\s+(?:a|an|the)\s)"
    # A date written out ("Thursday, Feb. 16") is a caption's or a dateline's.
    rf"(?!,?\s*(?:{'|'.join(MONTHS)}|{'|'.join(m[:3] for m in MONTHS)}|\d))"
)
_ANY_WEEKDAY = re.compile(rf"\b{WEEKDAY_PATTERN}\b")
# Words a day cannot be taken from without leaving them hanging.
_KEEPS_THE_DAY = frozenset(
    {"on", "until", "till", "by", "for", "to", "from", "through", "since", "before", "after"}
    | {"at", "of", "between", "into", "and", "or", "nor", "but", "than", "as", "next", "last"}
    | {"this", "that", "every", "each", "a", "an", "the", "early", "late"}
)


# Days with a name of their own, which a Title Case headline put in sentence case may
# have lowered ("cyber Monday deals").
_NAMED_DAY = frozenset(
    {"good", "black", "super", "cyber", "ash", "holy", "easter", "palm", "bloody", "maundy"}
    | {"fat", "shrove", "whit", "blue", "giving", "mad", "manic", "low", "mothering"}
)


def _without_weekday(text: str, match: re.Match[str]) -> str:
    before = match["before"]
    possessive = before.endswith(("’s", "'s"))
    if match["comma"] or before.lower() in _KEEPS_THE_DAY:
        return match[0]
    # An infinitive's day right after it ("consultations to start Monday"): "to start"
    # would hang at the end.
    if (
        not match["lead"].strip()
        and _TO_BEFORE.search(text, 0, match.start("before"))
        and not text[match.end() :].strip(" .!?")
    ):
        return match[0]
    if before.lower() in _NAMED_DAY and not match["lead"].strip():
        return match[0]
    if before[:1].isupper() and not possessive and not match["lead"].strip():
        return match[0]  # "Good Friday", "Man Friday", "Hama Thursday"
    return before


# (Not after a verb of going: "Ukraine returns to talks Tuesday" goes somewhere.)
_TO_BEFORE = re.compile(
    r"(?<!\S)(?!(?:return|head|go|come|move|travel|fl[yi]|went|came|flew|back)(?:s|es|ed)?\s)"
    r"\S+\s+to\s$|^to\s$",
    re.IGNORECASE,
)
# A quotation's words are the speaker's ("“We close the quay today”") or a title's
# ("“Celebrity Apprentice”"): the day outside it goes, the words inside stay.
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _without_relative_day(headline: str) -> str:
    if _open_quote(headline):
        return headline
    one_day = len(_ANY_WEEKDAY.findall(headline)) == 1
    pieces = []
    start = 0
    for quotation in [*_QUOTATION.finditer(headline), None]:
        end = quotation.start() if quotation else len(headline)
        # With the quotation's opening mark after it, so a day right before a quotation
        # is not taken for the headline's last word ("fear Monday “bloodbath”").
        mark = headline[end : end + 1]
        piece = _RELATIVE_DAY.sub("", headline[start:end] + mark)
        if one_day:
            piece = _WEEKDAY_WHEN.sub(functools.partial(_without_weekday, piece), piece)
        pieces.append(piece[: len(piece) - len(mark)])
        if quotation:
            pieces.append(quotation.group())
            start = quotation.end()
    text = "".join(pieces)
    opening = _OPENING_RELATIVE_DAY.match(text)
    if opening:
        rest = text[opening.end() :]
        text = rest[0].upper() + rest[1:]
    return text if word_count(text) >= 3 else headline


@dataclass(frozen=True, slots=True)
class WordCases:
    """How articles write words inside a sentence: with a capital ("Hamas", "Board"),
    or in lower case ("officials", "disarmament")."""

    capitalised: frozenset[str]
    lowered: frozenset[str]


def word_cases(texts: Iterable[str]) -> WordCases:
    """The words ``texts`` write with a capital inside a sentence, and those they write in
    lower case: evidence for sentence case beyond one story's own few lines."""
    capitalised: set[str] = set()
    lowered: set[str] = set()
    for body in texts:
        capitalised.update(m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(body))
        lowered.update(_LOWER_WORD.findall(body))
    return WordCases(frozenset(capitalised), frozenset(lowered))


def _phrase_case(words: list[str], place: int, core: str, texts: Sequence[str]) -> bool | None:
    """Whether the articles write the headline's word at ``place`` in lower case beside
    the word before or after it: True ("Russia's central bank", "Moscow court"), False
    (they write the pair with its capital: "Central Bank of Russia"), None when they
    never write either pair mid-sentence or write it both ways as often. A word alone is
    both a name's and a noun's ("the Moscow Arbitration Court", "the court ruled")."""
    strip = "“”‘’\"'()[],:;!?."
    lower = upper = 0
    for other, first in ((place - 1, True), (place + 1, False)):
        if not 0 <= other < len(words):
            continue
        neighbour = words[other].strip(strip)
        if not neighbour:
            continue
        pair = (
            rf"{re.escape(neighbour)}\s+{re.escape(core)}"
            if first
            else (rf"{re.escape(core)}\s+{re.escape(neighbour)}")
        )
        for text in texts:
            for match in re.finditer(rf"(?<=[\w,;] )(?i:{pair})\b", text):
                written = match.group(0).split()
                word = written[-1] if first else written[0]
                if word[:1].islower():
                    lower += 1
                elif (
                    word[:1].isupper()
                    and (written[0] if first else written[-1])[:1].isupper()
                    # Not inside a longer name: "Pacific Tsunami Warning Center" says
                    # nothing of "Tsunami Warning".
                    and not _CAPITAL_BEFORE.search(text, 0, match.start())
                    and not _CAPITAL_AFTER.match(text, match.end())
                ):
                    upper += 1
    if lower == upper:
        return None
    return lower > upper


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")
_CAPITAL_AFTER = re.compile(r"\s[A-Z]")


def _lower_forms(word: str) -> set[str]:
    """``word`` in lower case, its other number and, for a verb in -s, its other forms
    ("Presses" -> "presses", "press"; "Climbs" -> "climb", "climbed", "climbing")."""
    low = word.lower()
    forms = {low, low + "s", low + "es"}
    if low.endswith("es"):
        forms.add(low[:-2])
    if low.endswith("s"):
        stem = low[:-1]
        forms.add(stem)
        if len(stem) >= _VERB_STEM:
            forms |= {stem + "ed", stem + "d", stem + "ing"}
    # "Backing" -> "back", "backed"; "Rising" -> "rise"; "Backed" -> "backing" ("United"
    # is no "unit" and no "units").
    stem = low.removesuffix("ing")
    if stem != low and len(stem) > _VERB_STEM:
        forms |= {stem, stem + "e", stem + "s", stem + "es", stem + "ed"}
    stem = low.removesuffix("ed")
    if stem != low and len(stem) > _VERB_STEM:
        forms |= {stem + "e", stem + "es", stem + "ing"}
    return forms


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "into", "of", "outside"})
# A headline's verb in -s ("Restricts", "Climbs"); not -ed ("Ahmed").
_VERB_S = re.compile(r"[A-Z][a-z]{2,}s")
# Capitalised words of a Title Case title whose case the articles show, at least, two
# thirds of them in lower case, before the words they never write are lowered too (see
# _sentence_case).
_KNOWN_WORDS = 3
# A headline's verb in -s ("Climbs", "Stays") is a word the week may write as "climbed"
# or "staying". Not the other way: a name in -ing or -ed ("Ming", "Wing", "Woking",
# "Hawking") would be lowered by "me", "we", "woke", "hawk".
_VERB_STEM = 3


def _plain_title(title: str, outlets: set[str]) -> str:
    text = clean_sentence(title) if title.strip() else ""
    for _ in range(2):
        match = _TITLE_SUFFIX.search(text)
        # Drop the tail when it names an outlet or reads like a site name (<= 4 words);
        # longer tails are part of the headline ("Talks collapse - what next for X").
        if match and (
            match.group(0).strip(" |-–—:·•").lower() in outlets or word_count(match.group(0)) <= 4
        ):
            text = text[: match.start()]
    text = _TITLE_PREFIX.sub("", text).strip()
    # "Norway's government strikes budget deal: What changes for residents": the news,
    # then the explainer it promises.
    tail = _EXPLAINER_TAIL.search(text)
    if tail and word_count(text[: tail.start()]) >= _MIN_WORDS:
        text = text[: tail.start()]
    return text.rstrip(" .").strip()


_EXPLAINER_TAIL = re.compile(
    r":\s+(?:What|Here['’]s|Here\s+is|How|Why|Who|Everything)\b[^:]{0,60}$"
)


def _furniture_openings(texts: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The articles' first sentences, lower-cased: (furniture ones, the others)."""
    furniture: list[str] = []
    prose: list[str] = []
    for text in texts:
        for raw in split_sentences(text)[:_SCANNED_SENTENCES]:
            clean = clean_sentence(raw)
            if clean:
                prose.append(clean.lower())
            else:
                furniture.append(raw.lower())
    return tuple(furniture), tuple(prose)


def _is_news_headline(
    title: str,
    openings: tuple[Sequence[str], Sequence[str]] = ((), ()),
    *,
    need_verb: bool = True,
    names: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``title`` is a news headline. ``names`` are words the articles write
    capitalised inside a sentence: a Title Case title opening on one is a name's ("Trump
    to Visit China"), not a listicle's plural ("Players to Watch")."""
    words = word_count(title)
    if not (_MIN_WORDS <= words <= _MAX_WORDS + 8):
        return False
    # "'I've heard nothing but great things,' LeBron James says": a quoted speaker's
    # "I" is not the outlet writing in the first person.
    unquoted = _QUOTED.sub(" ", title)
    if title.endswith("?") or _FIRST_PERSON.search(unquoted) or opens_with_interjection(title):
        return False
    if furniture_kind(title) or _GERUND_END.search(title) or _SOCIAL_TAG.search(title):
        return False
    # A quotation ends where its closing mark says ("... victim: “We got her!”").
    if DANGLING_END.search(unquoted) and not _ATTRIBUTED_END.search(title):
        return False
    if _SUBORDINATE.match(title) and "," not in title:
        return False
    if is_explainer_title(title):
        return False
    # In Title Case ("Japan Wins Pairs Figure Skating") the verb is capitalised too.
    first, _, rest = title.partition(" ")
    title_case = _is_title_case(title)
    if title_case:
        rest = rest.lower()
    if _PRONOUN_START.match(title) or (
        need_verb
        and not _VERB.search(rest)
        # "NATO to Open Liaison Office in Tokyo": the wires' future, in Title Case, of a
        # name (an acronym, a country), not "Players to Watch at the World Cup Draw".
        and not (
            (not title_case or first.isupper() or countries_named(first) or first in names)
            and _NAMED_THEN_VERB.match(f"{first} {rest}")
        )
    ):
        return False
    # A title that opens one of the articles' captions is that caption; one that opens
    # a longer sentence of the text is that sentence cut short (feeds without titles).
    furniture, prose = openings
    key = title.rstrip(" .").lower()
    # A caption is furniture as the page prints it, after a dateline or a list's dash
    # ("GAZA (AP) - Displaced families wait ..., on Thursday, July 31, 2014.").
    if any(0 <= sentence.find(key[:60]) <= _CAPTION_START for sentence in furniture):
        return False
    # A sentence may open with its quotation mark (“Walter was just a straight up, ...”).
    return not any(
        sentence.lstrip(_OPENING_MARKS).startswith(key.lstrip(_OPENING_MARKS))
        and word_count(sentence) >= word_count(key) + _CUT_SHORT
        for sentence in prose
    )


# Words of when, not of what: a weekday both titles happen to name is no agreement.
_WHEN_WORDS = frozenset(w.lower() for w in (*WEEKDAYS, *MONTHS)) | {"today", "yesterday"}


def _counting_as(titles: list[str], told: str) -> list[str]:
    """Those of ``titles`` that give the highest exact death toll ``told`` gives, if any
    does (the toll is the news: "Death toll from Kathmandu market fire rises to 6" over
    the first hours' "Fire engulfs commercial complex ..."); else those that give no
    exact toll, or that one, and no vague one far below it ("kills dozens" over a
    Briefly's 1,124)."""
    dead = dead_counted(told, exact=True)
    if not dead:
        return titles
    counts = {t: dead_counted(t, exact=True) for t in titles}
    giving = [t for t in titles if counts[t] and same_figure(counts[t], dead)]
    # Only where the toll moved (another title gives another): then the toll is the news.
    if giving and any(count and not same_figure(count, dead) for count in counts.values()):
        return giving
    return [
        t
        for t in titles
        if (
            (same_figure(count, dead) or _below_as_written(t, count, dead))
            if (count := dead_counted(t, exact=True))
            else dead < _VAGUE_BELOW * dead_counted(t)
        )
        or not dead_counted(t)
    ]


def _measuring_as(titles: list[str], lead: str) -> list[str]:
    """Those of ``titles`` that give no magnitude, or the one ``lead`` gives first."""
    told = _MAGNITUDE.search(lead)
    if told is None:
        return titles
    value = next(group for group in told.groups() if group)
    return [
        t
        for t in titles
        if (given := _MAGNITUDE.search(t)) is None
        or next(group for group in given.groups() if group) == value
    ]


_MAGNITUDE = re.compile(
    r"\bmagnitude[- ](?:of\s+)?(\d\.\d)\b|\b(\d\.\d)[- ]magnitude\b"
    r"|\b(\d\.\d)\s+(?:quake|earthquake|tremor)\b",
    re.IGNORECASE,
)


def _below_as_written(title: str, count: int, dead: int) -> bool:
    """Whether ``title`` gives ``count`` as a floor the toll ``dead`` is just above ("death
    toll passes 100" over a Briefly's 117): within a half of it, the same news."""
    floors = (int(m[1].replace(",", "")) for m in _FLOOR.finditer(title))
    return count in floors and count <= dead < _FLOOR_SPAN * count


_FLOOR = re.compile(
    r"\b(?:pass(?:es|ed)?|past|tops?|topped|exceeds?|exceeded|more\s+than|over|above|"
    r"at\s+least)\s+(\d{1,3}(?:,\d{3})*|\d+)\b",
    re.IGNORECASE,
)
_FLOOR_SPAN = 1.5
# A vague count ("dozens": 24 and up, "hundreds": 200 and up) is another toll than an
# exact one this many times its least: "dozens" of 61 dead is no contradiction, of 1,124
# one.
_VAGUE_BELOW = 4


def _names_someone(title: str, names: set[str]) -> bool:
    """Whether ``title`` names a place, person or body: a capitalised word after its
    first (not a figure, "NT$1.25"), or a first word that is a country or one of
    ``names`` ("Taiwan ...", "Kunar ...")."""
    words = title.split()
    later = any(
        w[:1].isupper() and w[:1].isalpha() and not any(c.isdigit() for c in w) for w in words[1:]
    )
    first = words[0].strip(".,:;'’\"“”") if words else ""
    return later or first in names or bool(countries_named(title))


def _fresher(story: Story, titles: Sequence[str], chosen: str, index: int) -> bool:
    """Whether article ``index`` of ``story`` (a report: no column or live page) came
    out ``_STAGE_HOURS`` or more after every article whose title (of ``titles``, one per
    article) is ``chosen``."""
    article, own = story.articles[index], titles[index]
    if own.endswith(chosen) or is_opinion(article) or is_live_page(own):
        return False
    older = [a.published for a, t in zip(story.articles, titles, strict=True) if t.endswith(chosen)]
    return bool(older) and all(
        (article.published - t).total_seconds() >= _STAGE_HOURS * 3600 for t in older
    )


def _latest_by(story: Story, index: int, hours: float) -> bool:
    """Whether article ``index`` of ``story`` came out ``hours`` or more after each of
    the others (and there are others)."""
    mine = story.articles[index].published
    others = [a.published for i, a in enumerate(story.articles) if i != index]
    return bool(others) and all((mine - t).total_seconds() >= hours * 3600 for t in others)


# How much later than every other report a stage's report is (a day: a wire's copies
# come within hours of each other, a story's next stage the day after or later).
_STAGE_HOURS = 24.0


def _telling(titles: list[str], lead: str) -> list[str]:
    """Those of ``titles`` that share at least half as many content words with ``lead``
    as the one that shares most, when that one shares three or more: one shared word
    beside another title's three is a title about something else. With less to go on
    (a lead that shares a word or two with any title), all of them."""
    lead_words = set(content_words(lead)) - _WHEN_WORDS
    shared = {t: len(lead_words & set(content_words(t))) for t in titles}
    most = max(shared.values(), default=0)
    if most < 3:
        return titles
    return [t for t in titles if 2 * shared[t] >= most]


def _most_informative(good: list[str], titles: list[str], lead: str) -> str:
    bags = {t: set(content_words(t)) for t in good}
    others = [set(content_words(t)) for t in titles if t]
    lead_words = set(content_words(lead))

    # Words the titles and lead capitalise inside a sentence: names ("Kunar" opening
    # "Kunar quake death toll climbs past 1,000" is one).
    names = {
        w.strip(".,:;'’\"“”")
        for text in (*titles, lead)
        for w in text.split()[1:]
        if w[:1].isupper() and w[:1].isalpha()
    }
    named = any(_names_someone(title, names) for title in good)
    lead_countries = countries_named(lead)

    def home_angle(title: str) -> bool:
        """A title whose subject is a country that neither the lead nor any of two or
        more other titles names ("Finance minister: Czechia will not put up guarantees
        ..." beside "EU delays decision on ..."): one outlet's home angle."""
        told = title.split(": ", 1)[-1]
        subject = " ".join(told.split()[:_SUBJECT_WORDS])
        country = countries_named(subject)
        rest = [t for t in titles if t and t != title]
        return (
            bool(country)
            # Its own part, not the act ("Hungary vetoes EU's 20th sanctions package" is
            # the news the others tell in other words).
            and _OWN_PART.search(" ".join(told.split()[: _SUBJECT_WORDS + 2])) is not None
            # (Beside one other title, when it names the lead's country after its own:
            # "Irish passengers hit by cancellations as Portuguese airport workers strike".)
            and (len(rest) >= 2 or bool(rest and countries_named(told) & lead_countries))
            and not country & lead_countries
            and not any(country & countries_named(t) for t in rest)
        )

    answers = {t: _answers(t, lead) for t in good}
    some_tell = not all(answers.values())
    # A title telling what is to come ("French air traffic controllers to strike
    # Thursday and Friday, flights to be cut"), beside one telling what happened, under
    # a lead that tells what happened.
    ahead = {t: _tells_ahead(t) for t in good}
    told_done = not _AHEAD_LEAD.search(lead) and not all(ahead.values())

    def rank(title: str) -> tuple[int, int, int, int, int, int, int, int, int, int, float]:
        bag = bags[title]
        shared = sum(len(bag & other) for other in others) - len(bag) + len(bag & lead_words)
        length = word_count(title)
        return (
            int(bool(_CLICKBAIT.search(title))),
            # A live page's title labels a running page ("Ukraine war latest: ..."),
            # not the event.
            int(is_live_page(title)),
            # Someone's answer to the event ("US 'takes note' of Nuuk law ...",
            # "Ryanair's O'Leary demands EU protection ... as French strike ends")
            # beside a title telling the event.
            int(answers[title] and some_tell),
            int(ahead[title] and told_done),
            # Unnamed sources' account ("..., sources say") beside an account on record.
            int(bool(_HEARSAY.search(title))),
            int(home_angle(title)),
            int(length > 14 or length < 5),
            # A plain title needs no recasing, which a teaser's few words may not allow.
            int(_is_title_case(title)),
            # A home paper's title names no one ("Legislature passes NT$1.25 trillion
            # special defense budget"), or names a country by its compass word alone
            # ("North fires ICBM ..."): beside one that says whose, it says too little.
            int(named and not _names_someone(title, names)) + int(bool(_BARE_COMPASS.match(title))),
            # Where the lead says which country, a title that does beats one opening on
            # a person the reader may not know ("Bellandi loses Senate confidence vote"
            # beside "Italy's Bellandi loses confidence vote").
            int(
                _opens_on_a_surname(title, lead)
                and any(countries_named(t) & lead_countries for t in good if t != title)
            ),
            -shared / max(1.0, len(bag) ** 0.5),
        )

    return min(good, key=rank)


def _tells_ahead(title: str) -> bool:
    """Whether ``title`` tells what is to come: right after a subject in capitals
    ("Zelensky to meet Trump", "Pope to visit Lebanon"), or with its day ("Controllers
    to strike Thursday and Friday"). A purpose ("Rescuers race to open roads", "Pope
    travels to Lebanon to meet ...") is neither."""
    if _AHEAD_AFTER_SUBJECT.match(title):
        return True
    return bool(_WHEN_AHEAD.search(title)) and any(
        not _DONE_BEFORE.search(title[: m.start()]) for m in _AHEAD.finditer(title)
    )


_AHEAD_AFTER_SUBJECT = re.compile(
    r"^(?!(?:Time|Key|Right|Back|Welcome|Return|Road|Path|Way|Answer|Threat|Risk|Route|Set)\s)"
    r"(?:[A-Z][\w.'’-]*(?:['’]s)?,?\s+){1,4}(?:[Tt]o|[Ww]ill)\s+(?!blame\b)(?:[Bb]e\s+[a-z]+ed|"
    r"[A-Za-z]+)\b(?<!\bto be)(?<!\bTo Be)"
)
_WHEN_AHEAD = re.compile(
    rf"\b(?:{WEEKDAY_PATTERN}|{MONTH_WRITTEN_PATTERN}\s+\d{{1,2}}\b|\d{{1,2}}\s+"
    rf"{MONTH_WRITTEN_PATTERN}|tomorrow|next\s+(?:week|month|year)|(?:this|next)\s+"
    r"(?:weekend|spring|summer|autumn|winter)|in\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)


def _answers(title: str, lead: str) -> bool:
    """Whether ``title`` tells someone's answer to the event: a subject of a few words in
    capitals, then a reaction ("takes note of", "demands", "warns", "welcomes"), when
    the lead does not open on that subject."""
    found = _ANSWER_TITLE.match(title.split(": ", 1)[-1])
    if not found:
        return False
    subject = set(content_words(found["subject"]))
    opening = set(content_words(" ".join(lead.split()[: _SUBJECT_WORDS + 2])))
    return not subject & opening


_AHEAD = re.compile(
    r"\b(?:to|will)\s+(?:be\s+(?:cut|held|closed|grounded|cancelled|canceled|delayed|shut|"
    r"suspended)|strike|walk\s+out|hold|stage|meet|vote|open|begin|start|launch|visit|host|"
    r"resume)\b",
    re.IGNORECASE,
)
# ... unless a verb of the event comes before it: "Sudan's army and RSF agree to open two
# aid corridors", "Parliament votes to hold a referendum".
_DONE_BEFORE = re.compile(
    r"\b(?:agree|vote|decide|move|fail|refuse|pledge|promise|vow|seek|want|ask|urge|order|"
    r"allow|sign|deal|accord|plan|bid|push|call|pressure|decision)(?:s|d|ed)?\s+$",
    re.IGNORECASE,
)
_AHEAD_LEAD = re.compile(
    r"\b(?:will|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|plans?\s+to)\b"
)
_HEARSAY = re.compile(
    r"[,:–—-]\s*(?:(?:diplomatic|security|military|government|official|informed)\s+)?"
    r"(?:sources?|insiders?|people familiar(?:\s+with\s+[\w\s]+)?)\s+(?:say|said|tell\s+\w+)\s*$"
    r"|^(?:EXCLUSIVE|Exclusive)\b",
    re.IGNORECASE,
)
# Answers only: "rejects" (a vote's, a court's), "warns" and "calls for" are as often
# the news itself.
_ANSWER_TITLE = re.compile(
    r"(?P<subject>(?:(?:[A-Z][\w.’'-]*(?:['’]s)?|boss|chief|head|leader|minister|"
    r"president|spokes(?:man|woman|person))\s+){1,5}?)[\"“‘']?(?i:takes?\s+note|demands?|"
    r"welcomes?|hails?|praises?|slams?|blasts?|condemns?|criticises?|criticizes?|decries|"
    r"denounces?|reacts?|responds?)\b"
)


def _opens_on_a_surname(title: str, lead: str) -> bool:
    """Whether ``title`` opens on a surname the lead gives in full ("Bellandi loses ..."
    under "Prime Minister Marco Bellandi") and names no country."""
    first = re.match(r"([A-Z][a-z]+)(?:['’]s)?\s", title)
    if not first or countries_named(title):
        return False
    given = re.search(rf"\b([A-Z][a-z]+)\s{re.escape(first[1])}\b", lead)
    return given is not None and given[1] not in ("The", "A", "An", "Typhoon", "Storm")


_BARE_COMPASS = re.compile(r"^(?:North|South|East|West)\s+[a-z]")
# How much of a title's opening (after a label's colon) is its subject: "Italy will",
# "Finance minister: Czechia will".
_SUBJECT_WORDS = 3
# A country's own part in an event: what it will or will not put in, or what it makes
# of it ("Indonesia urges restraint as NATO plants flag in Tokyo", "PH seeks closer NATO
# ties as alliance sets up Tokyo office", "Bulgaria backs using frozen assets").
_OWN_PART = re.compile(
    r"\b(?:will|won['’]t|to|pledges?|pledged|gives?|offers?|sends?|contributes?|commits?|"
    r"refuses?|declines?|joins?|welcomes?|urges?|seeks?|backs?|supports?|hails?|praises?|"
    r"condemns?|criticises?|criticizes?|slams?|rejects?|warns?|protests?|calls\s+for|"
    r"stands?\s+with|"
    # Its people caught up in it: "Irish passengers hit by cancellations as ...".
    r"(?:hit|affected|caught\s+up|stranded)\b(?:\s+(?:by|in))?)\b",
    re.IGNORECASE,
)


def _is_title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _sentence_case(text: str, texts: Sequence[str], window: WordCases | None = None) -> str:
    """Sentence case for a Title Case headline, where the articles show how each word
    is written mid-sentence; else headline-style title case (only small words lowered).

    The story's own articles decide first; a word they never write mid-sentence is
    decided by the rest of the issue (``window``), as written or in its other number
    ("Presses" by "presses" or "press"). A feed item's one-line teaser rarely shows
    every word: lowering "China" for want of evidence ("knocking china from the top") is
    worse than keeping the outlet's case.
    """
    own = word_cases(texts)
    capitalised, lowered = own.capitalised, own.lowered
    words = text.split(" ")
    decided: list[bool | None] = []  # per word after the first: lower it, keep it, unknown
    for place, (before, word) in enumerate(itertools.pairwise(words), start=1):
        core = word.strip("“”‘’\"'()[],:;!?.")
        # A new sentence ("Rage Grows. The New Mood"), not an abbreviation ("U.S. Leaders").
        starts = before.rstrip("“”‘’\"')")[-1:] in (".", "!", "?", ":") and not (
            _ABBREVIATION.search(before)
        )
        by_phrase = (
            None
            if starts or core.isupper() or not core[:1].isupper()
            else _phrase_case(words, place, core, texts)
        )
        if by_phrase is not None:
            decided.append(by_phrase)
        elif starts or core in capitalised or core.isupper() or not core[:1].isupper():
            decided.append(False)
        elif (
            core.lower() in lowered
            # (Another form after a preposition may be a place: "charged in Reading".)
            or (
                not (before.lower() in _PLACE_PREPOSITIONS and core.lower().endswith("ing"))
                and _lower_forms(core) & lowered
            )
            or core.lower() in _SMALL_WORDS
            # A number in words after a small word ("Toll Rises to Eleven"): a count, not
            # a name's ("Formula One", "Channel Four").
            or (core.lower() in NUMBER_WORDS and before.lower() in _SMALL_WORDS)
        ):
            decided.append(True)
        elif window is not None and core in window.capitalised:
            decided.append(False)
        elif window is not None and _lower_forms(core) & window.lowered:
            decided.append(True)
        else:
            decided.append(None)
    # Words the week never writes, each a headline's verb or a hyphened compound
    # ("Restricts", "Climbs", "Quake-Hit"), in a title whose other words the articles
    # mostly write in lower case: lower too. An unseen word of any other shape may be a
    # name ("Yao Ming", "Maria Lind"): then the title keeps its case.
    cores = [w.strip("“”‘’\"'()[],:;!?.") for w in words[1:]]
    known = [
        d
        for d, core in zip(decided, cores, strict=True)
        if d is not None and core[:1].isupper() and core.lower() not in _SMALL_WORDS
    ]
    lowered_anywhere = {
        part
        for word in (lowered | (window.lowered if window is not None else frozenset()))
        for part in word.split("-")
    }

    def verb_or_compound(place: int) -> bool:
        core = cores[place]
        if countries_named(core):
            return False
        if "-" in core:
            # Each part written in lower case somewhere: "quake" and "hit".
            return all(part.lower() in lowered_anywhere for part in core.split("-"))
        # A verb in -s has its object or a small word after it; a name in -s is a
        # subject, its verb next ("as Marcos Visits Region").
        after = decided[place + 1] if place + 1 < len(decided) else False
        return bool(_VERB_S.fullmatch(core)) and after is not None

    unseen = [place for place, d in enumerate(decided) if d is None]
    if (
        unseen
        and all(verb_or_compound(place) for place in unseen)
        and len(known) >= _KNOWN_WORDS
        and 3 * sum(known) >= 2 * len(known)
    ):
        decided = [True if d is None else d for d in decided]
    sure = None not in decided
    out = [words[0]]
    for place, (word, lower) in enumerate(zip(words[1:], decided, strict=True), start=1):
        core = word.strip("“”‘’\"'()[],:;!?.")
        # A verb's particle is no preposition: title case keeps "Growth Holds Up".
        after = words[place + 1].lower() if place + 1 < len(words) else ""
        previous = words[place - 1].lower()
        particle = core.lower() in _PARTICLES and (
            not after
            or previous.endswith(_VERB_ENDINGS)
            # "Holds Up as ...", "Rules Out Talks"; not "Tariffs Off the Table".
            or (previous.endswith("s") and after not in _PREPOSITION_OBJECTS)
        )
        small = core.lower() in _SMALL_WORDS and not particle
        if lower if sure else lower is not False and small:
            # "Quake-Hit": each part of a word joined by hyphens.
            low = "-".join(p[:1].lower() + p[1:] if p[1:].islower() else p for p in core.split("-"))
            word = word.replace(core, low, 1)
        out.append(word)
    return " ".join(out)
