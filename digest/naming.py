"""Naming: a speaker as the article names them, and what kind of speaker that is.

:func:`name_in_full` completes a bare surname, "Mr Calamari" or "the minister" from the
article: the first full mention, with the role the article gives on it ("Arnaud
Lefèvre, a cattle farmer in the Limousin", "Anna Harding, co-director of the school",
"France's agriculture minister"). A wrong name on a quote is the worst thing a digest
can print, so when the article leaves doubt (two people with one surname, a "Mr" and a
"Mrs" of one name, "Obama's first year as president" for "the president") the speaker
keeps the name the sentence gave. :func:`speaker_kind` tells a person from a body or a
group where the words alone tell it, for ``perspectives.py``'s pronoun check.

Whether a phrase is a speaker at all is ``speakers.py``'s call; its word tables are
shared here.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from digest.places import CONTINENTS, DEMONYMS, PLACES, countries_named
from digest.speakers import (
    _AGENT_HEAD,
    _COMPANY_ENDING,
    _LEADING_CONJUNCTION,
    _LEADING_TIME,
    _PERSON_HEAD,
    _PLURAL_OPENING,
    _THING_HEAD,
    _TITLES,
    FIELD_WORD,
    _is_agent,
    is_plural_speaker,
)
from digest.text import MONTHS, WEEKDAYS, content_words, month_number, word_count

__all__ = [
    "introduce_names",
    "is_person_word",
    "name_in_full",
    "name_once",
    "speaker_kind",
    "speaks",
]

# Words that open a sentence but never a name: counts, articles and a question's verb
# ("Three Israeli ...", "The Israel Defense Forces ...", "Is Google ...").
_NEVER_NAMES = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "twenty", "hundreds", "thousands", "dozens", "several"),
        *("many", "some", "most", "all", "both", "few", "no", "more", "other", "another"),
        *("the", "a", "an", "this", "that", "these", "those", "whatever"),
        # A question's verb: "Is Google ...".
        *("is", "are", "was", "were", "do", "does", "did", "will", "can", "could", "should"),
    }
)

# A description that introduces a person by one name: "A witness, Bo," / "Walter Huang's
# brother, Will,". A word of a name is 30 characters at most (see _full_name).
_DESCRIPTION = (
    r"(?P<description>\b(?:[Aa]n?|[Tt]he)\s(?:[a-z][\w\-]*\s){0,3}[a-z][\w\-]*|"
    r"(?:[Tt]he\s)?(?:[A-Z][\w.\-]{0,30}\s){0,2}[A-Z][\w.\-]{0,30}['’]s\s(?:[a-z][\w\-]*\s){0,2}"
    r"[a-z][\w\-]*)"
)

# A name run after one of these may open with the preposition's object ("envoy to Ukraine
# Kurt Volker").
_PREPOSITIONS = frozenset({"to", "of", "for", "in", "at", "from", "with", "on", "by"})

# Words that never sit between a possessive and a title ("France's agriculture minister").
_ROLE_FILLER = re.compile(
    r"['’]s\s(?:[a-z\-]+\s)*(?:as|of|in|at|on|for|to|by|with|and|or|the|a|an|is|are|was|were|"
    r"has|had|year|years|day|days|week|time|first|last)\s"
)

_TIME_OWNER = re.compile(r"(?:Today|Yesterday|Tonight|Tomorrow|This|Last|Next)['’]s\s")

# A role given after a name without an article ("Jane Doe, co-director of the school",
# "one of the defence lawyers"): its head must name a person; an age (", 45,") or a
# "who" clause is no role.
# What follows a name after a comma may be the sentence going on, not a role: "According
# to NATO, the office will open on January 15, ...".
_CLAUSE_AFTER_A_NAME = re.compile(
    r",\s(?:a|an|the)\s(?:[\w\-]+\s){1,3}?(?:will|would|is|are|was|were|has|have|had|can|"
    r"could|may|might|shall|should|must|does|did)\b"
)
_BARE_ROLE = (
    r"(?P<bare>,\s(?:one\sof\s[^,.;:\"“”]{3,60}|(?:[a-z][\w\-]*\s){0,2}[a-z][\w\-]*"
    r"(?:\s(?:of|at|for|with|in)\s[^,;:\"“”]{3,80}?)?)(?=,|\s(?:said|says|told)\b|\.?$))"
)
# A role told by what the person heads ("Budiyono, who heads East Java's identification
# unit and ..."): unlike other relative clauses, the clause is the role, up to its "and".
_HEADS_ROLE = re.compile(
    r",\swho\s(?:heads|leads|runs|directs|chairs|manages|oversees|coordinates)\s"
    r"[^,;:\"“”]{3,80}?(?=,|\s(?:and|but|said|says|told)\b|\.?$)"
)
# A role told by what the person works as, after their age or not ("Bruce Goodman, 59,
# who works as a freelance colorist in the motion picture industry"): the role is the
# noun phrase, "a freelance colorist in the motion picture industry".
_WORKS_AS_ROLE = re.compile(
    r",(?:\s\d{1,3},)?\swho\s(?:works|worked|serves|served)\sas\s"
    r"(?P<role>(?:a|an|the)\s[^,;:\"“”]{3,80}?)(?=,|\s(?:and|but|said|says|told)\b|\.?$)"
)
# Where a person works, after the name ("Jane Doe from Eastvale University in Rimton",
# "at the Centre for Coastal Studies"): a run of capitalised words whose words name an
# institution (a place alone, "from Polson", says where they live, not what they do).
_PLACE_ROLE = re.compile(
    r"\s(?:from|at|of|with)\s(?:the\s)?[A-Z][\w'’.\-]*(?:\s(?:(?:of|for|and|the|on|in)\s)*"
    r"[A-Z][\w'’.\-]*)*(?=[,.;]|\s(?:said|says|told|who|which|pointed|added)\b|$)"
)
_INSTITUTION = re.compile(
    r"\b(?:University|Institute|College|School|Center|Centre|Museum|Laboratory|Academy|"
    r"Society|Hospital|Foundation|Department|Agency|Service|Council|Commission|Bureau|Office|"
    r"Ministry|Association|Observatory|Survey|Clinic|Library|Program|Programme|Project)\b"
)
# A clause or a preposition opening a sentence before a name ("When Arthur Doe asked
# ...", "After Jane Doe won ..."): not part of the name.
_OPENING_CLAUSE = re.compile(
    r"^(?:When|As|While|If|After|Before|Because|Although|Though|Since|Until|Once|Unless|"
    r"Whether|Where|At|In|On|From|By|With|Without|Under|Over|Into|Through|Across|Among|"
    r"Amid|Like|Unlike|For|To|Of|But|And|So|Then)\s"
)
# Speech verbs next to a full name: the one of two people with a surname the article
# reports speaking ("said Arthur Doe", "Arthur Doe, her husband, told ...").
_SPOKE = r"(?:said|says|told|added|adds|explained|wrote|noted)"
# A bare surname two people share is the one the article names in full this many times
# as often as the other: the story's subject ("O.J. Doe" three times, "Nicole Brown Doe"
# once). Chosen by reading every shared surname of the dev weeks (docs/quality.md): at
# two, a lawyer named once beside the client named twice lost his words to the client.
_DOMINANT = 3
# Bodies, not people: a last word or a lower-case head that names an organisation.
_BODY_WORD = re.compile(
    r"^(?:Company|Inc|Corp|Corporation|News|Times|Post|Police|Department|Agency|Office|"
    r"Ministry|University|Bank|Airlines?|Association|Council|Court|Group|Party|Media|Radio|"
    r"TV|Network|Bureau|Service|Institute|Foundation|Commission|Committee|Board|"
    r"Administration|Authority|Ltd|LLC|Journal|Chronicle|Tribune|Herald|Gazette|Press|"
    r"company|agency|firm|department|office|ministry|government|board|police|newspaper|"
    r"network|station|channel|court|council|union|group|party|bank|airline|carrier|"
    r"administration|military|army|navy|team|school|university|hospital|paper|magazine|"
    r"broadcaster|regulator|club|league|embassy|palace|church|campaign|website|carmaker|"
    r"automaker|drugmaker|chipmaker|retailer|manufacturer|provider|operator|publisher|"
    r"lender|insurer|exporter|importer|producer|developer|supplier|distributor|brewer)$"
)
_PERSON_TITLES = _TITLES | {
    *("Maj", "Cmdr", "Capt", "Insp", "Supt", "CEO", "Commissioner", "Inspector", "Sheriff"),
    *("Trooper", "Coach", "Principal", "Rev", "Pastor", "Rabbi", "Imam", "Lord", "Lady"),
    *("Sir", "Dame", "Chairwoman", "Deputy", "Assistant"),
    *("Commodore", "Admiral", "Colonel", "Lieutenant", "Brigadier", "Sergeant", "Captain"),
    *("Representative", "Envoy"),
}
# A role written in lower case before a name, after what it belongs to ("CNN
# contributor", "U.S. Forest Service volunteer", "and Trump supporter"): the head is one
# of these nouns.
_ROLE_NOUNS = (
    r"(?:contributor|commentator|analyst|volunteer|supporter|expert|economist|adviser|"
    r"advisor|strategist|correspondent|reporter|columnist|editor|historian|activist|"
    r"spokesman|spokeswoman|spokesperson|lawyer|attorney|professor|researcher|scientist|"
    r"official|officer|director|chairman|chairwoman|executive|founder|owner|manager|coach|"
    r"actor|actress|singer|author|writer|producer|host|anchor|lawmaker|candidate|"
    r"campaigner|witness|student|teacher|doctor|nurse|paleontologist|archaeologist|"
    r"astronomer|geologist|biologist|engineer|pilot|captain|prosecutor|diplomat|envoy|"
    r"consultant|pollster|lobbyist|chief|commander)"
)
_ROLE_WORDS_BEFORE = rf"(?:[A-Z][\w.&'’\-]*\s){{0,4}}(?:[a-z][\w\-]*\s)?{_ROLE_NOUNS}"
_ROLE_BEFORE = rf"(?P<role>{_ROLE_WORDS_BEFORE}(?:\sand\s{_ROLE_WORDS_BEFORE})?)"
_ROLE_NOUN_END = re.compile(rf"\b{_ROLE_NOUNS}$")
# A rank written short between a role and a name ("Police chief Adj. Sr. Comr. Mariska
# Fendi Susanto"): part of neither as the issue prints them.
_RANKS = r"(?:[A-Z][a-z]{1,4}\.\s){0,4}"
_ROLE_THEN_NAME = re.compile(
    rf"(?<![\w'’]){_ROLE_BEFORE}\s{_RANKS}"
    rf"(?P<name>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){{1,2}})(?![\w'’])"
)
# People by their role: "The lawmaker", "A witness".
_PERSON_ROLE = re.compile(
    r"^(?:lawmaker|actor|actress|author|judge|senator|mayor|governor|spokes(?:man|woman|"
    r"person)|official|officer|lawyer|attorney|teacher|doctor|suspect|singer|president|"
    r"minister|chairman|director|professor|scientist|researcher|detective|pope|king|queen)$"
)


# "Jordan Milner, who lives across the street from the crime scene, said ...": the
# clause is why the reader hears them. Over Multi-News dev 6 speakers are described so
# in their own sentence (a neighbour, a lawyer of 30 years, the buyer of a ring, the
# co-author of a paper, a researcher not involved); 3 printed voices gain it.
_WHO_CLAUSE_WORDS = 15


def _who_clause(who: str, said_as: str, sentences: Sequence[str]) -> str:
    """``who`` with the "who ..." clause the first of ``sentences`` (the article's) that
    describes them so before a verb of saying gives, when it is short; else ``who``.
    ``said_as`` is the name the statement gave them."""
    # The full name, as the statement named them, or the surname alone.
    names = "|".join(
        re.escape(name) for name in dict.fromkeys((who, said_as, who.split()[-1])) if name
    )
    pattern = re.compile(
        rf"(?<![\w'’])(?:{names}),\s+(?P<clause>who\s[^,;:“”\"()]{{3,150}}),\s+"
        r"(?:said|says|told|tells|added|adds)\b"
    )
    for sentence in sentences:
        found = pattern.search(sentence)
        # Not "an official of the Ministry of Finance, who requested anonymity, said":
        # the clause is the official's.
        if (
            found
            and word_count(found["clause"]) <= _WHO_CLAUSE_WORDS
            and not _OF_BEFORE.search(sentence[: found.start()])
        ):
            return f"{who}, {found['clause']}"
    return who


# A name right after "of": what follows it tells of the head before the "of".
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


# Two people by their surnames: "Christian and Greig".
_TWO_NAMES = re.compile(r"([A-Z][a-z][\w'’\-]*) and ([A-Z][a-z][\w'’\-]*)")
# A surname with the sentence's own description of its bearer: "Morbidelli, an expert".
_DESCRIBED_SURNAME = re.compile(r"(?P<surname>[A-Z][\w'’\-]+),\s+(?P<role>(?:an?|the)\s.+)")
# Words that open a place's name, never a person's ("West Belfast", "Port Moresby").
_PLACE_OPENERS = frozenset(
    """north south east west northern southern eastern western central upper lower greater
    new san santa st saint port fort mount lake cape""".split()  # noqa: SIM905
)
# Capitalised words for a kind of person that are surnames too ("Christian groups" in
# a story with a Michael Christian): a surname alone only in a pair ("Greig and
# Christian").
_KINDS_OF_PEOPLE = frozenset(
    """christian catholic protestant baptist muslim democrat republican liberal labour
    conservative independent green young king queen prince bishop judge marshal major
    general""".split()  # noqa: SIM905
)
# Particles that open a surname ("de Blasio", "van Gogh"): capitalised at a sentence's
# start, no given name; lower case before a word, that word is no surname alone.
_NAME_PARTICLES = frozenset(
    "de da di du del della der den des van von al el bin ibn la le dos das ter".split()  # noqa: SIM905
)
# Family names a child calls a relative by, before a given name ("Grandma Lynn").
_KIN_NAMES = frozenset({"grandma", "grandpa", "granny", "mom", "dad", "mum", "auntie", "nana"})
_KIN = re.compile(
    r"\b(?:son|daughter|wife|husband|father|mother|brother|sister|widow|widower|niece|"
    r"nephew|cousin|uncle|aunt|grand\w+|partner|fianc[eé]e?|parents?|children|child)\b"
)
# A person's cue beside a full name: a description or a reporting verb after it, a role
# in lower case before it ("planetary scientist Alessandro Morbidelli").
_PERSON_CUE_AFTER = re.compile(
    r"^(?:,\s+(?:an?|the|who|whose|\d{1,3}(?:,|\.?$))(?:\s|\b|$)|\s+(?:said|says|told|added|"
    r"wrote|agreed|argued|explained|noted|warned|called|believes|thinks)\b)"
)
# ... an age or a role set off by a comma before it ("33-year-old Markus Austin", "his
# co-author, Konstantin Batygin").
_PERSON_CUE_BEFORE = re.compile(r"(?:\b\d{1,3}-year-old|\b(?P<role>[a-z][a-z\-]+),)\s+$")
# ... and, for a pair of speakers, as one of two who spoke: "Mel Greig and Michael
# Christian told" (firms may be named so too: "Merrill Lynch and Morgan Stanley said",
# whose names are then right as well).
_PAIR_CUE_AFTER = re.compile(
    r"^\s+and\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+\s+(?:said|says|told|added|wrote|"
    r"agreed|argued|explained|noted|warned)\b"
)
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_WORD_AFTER_COMMA = re.compile(r"^,\s+([a-z]+)\b")
_SAID = frozenset({"said", "says", "told", "added", "wrote"})
_TITLE_BEFORE = re.compile(r"\b(?:Prime|Vice|Foreign|Defence|Defense|First)\s+$")


def _one_bearer(
    surname: str,
    description: str,
    context: Sequence[str],
    *,
    in_pair: bool = False,
    titled: bool = False,
) -> str:
    """The one person ``context`` names in full by ``surname`` ("Alessandro Morbidelli"),
    given names and surname, where it also shows them to be a person (a description, an
    age, a reporting verb, a role before the name, or with ``titled`` a title: "Treasury
    Secretary Steven Mnuchin"); "" when it names none, two ("Joe Biden", "Hunter
    Biden"), only a name that may be a firm's ("at Goldman Sachs"), or one whose title is
    not ``description`` ("Prime Minister Boris Johnson" for "Johnson, a council
    spokesperson"). A kinship word is no given name ("Grandma Lynn")."""
    # A middle initial and a suffix are part of the name ("Robert S. Mueller III"); a
    # capitalised word after it is another name ("Christian Bale" is no Christian).
    full = re.compile(
        rf"(?<![\w.’'-])((?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?){{1,2}}){re.escape(surname)}\b(?!-)"
        r"(?P<suffix>,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?(?!\s+[A-Z])"
    )
    names: set[str] = set()
    cued: set[str] = set()
    for sentence in context:
        for match in full.finditer(sentence):
            given = match.group(1).split()
            longer = _LONGER_NAME_BEFORE.search(sentence[: match.start()])
            if longer and not any(
                word.rstrip(".") in _PERSON_TITLES
                or not content_words(word)
                or is_person_word(word.lower())
                for word in (longer[1], given[0])
            ):
                cued.add("")  # "President Andres Manuel Lopez Obrador": more than we see
            # "President Joe Biden", "Prosecutor Ann Lind", "When Ann Lind": a title, a
            # role or a function word is no given name.
            titles = []
            if len(given) == 2 and re.search(
                r"\b(?:of|to|for|from|in|at)\s+$", sentence[: match.start()]
            ):
                given.pop(0)  # "Secretary of State Mike Pompeo", "envoy to Ukraine Kurt Volker"
            while given and (
                given[0].rstrip(".") in _PERSON_TITLES
                or not content_words(given[0])
                or is_person_word(given[0].lower())
            ):
                titles.append(given.pop(0))
            if not given or (
                given[-1].lower() in _NAME_PARTICLES
                and re.search(rf"\b{given[-1].lower()}\s+{re.escape(surname)}\b", " ".join(context))
            ):
                continue  # "De Blasio said" beside "de Blasio": the particle opens the surname
            if not sentence[: match.start()].strip(" \"“‘'") and re.search(
                r"(?:ing|ly)$", given[0]
            ):
                continue  # "Complicating Mnuchin's efforts": a participle opening a sentence
            if given[0].lower() in _PLACE_OPENERS:
                continue  # "West Belfast", "Fort Worth": a place
            if _KIN.fullmatch(given[0].lower()) or given[0].lower() in _KIN_NAMES:
                cued.add("")  # "Grandma Lynn", "Aunt Mary": whose?
                continue
            suffix = (match["suffix"] or "").strip(", ")
            name = " ".join([*given, surname, *([suffix] if suffix else [])])
            names.add(name)
            before, after = sentence[: match.start()], sentence[match.end() :]
            titles = [t for t in titles if content_words(t)]
            titled_so = bool(titles or _TITLE_BEFORE.search(before))
            if titled_so and titled:
                cued.add(name)
            elif titled_so and not any(title.lower() in description.lower() for title in titles):
                cued.add("")  # a title the description does not give: no one bearer
            role = _WORD_BEFORE.search(before)
            person_after = _WORD_AFTER_COMMA.match(after)
            set_off = _PERSON_CUE_BEFORE.search(before)
            if (
                (set_off is not None and (not set_off["role"] or is_person_word(set_off["role"])))
                or _PERSON_CUE_AFTER.match(after)
                or (in_pair and _PAIR_CUE_AFTER.match(after))
                or (person_after is not None and is_person_word(person_after.group(1)))
                or (role is not None and (is_person_word(role.group(1)) or role.group(1) in _SAID))
            ):
                cued.add(name)
    if len(names) != 1 or "" in cued or not cued:
        return ""
    name = next(iter(names))
    if _other_given_names(surname, name, context):
        return ""
    return "" if speaker_kind(name) == "body" else name


# A capitalised word before a run of given names: the name is longer than the run (a
# title or a function word is no part of it).
_LONGER_NAME_BEFORE = re.compile(r"(?<![\w'’.\-])([A-Z][a-z]+)\s+$")


def _other_given_names(surname: str, name: str, context: Sequence[str]) -> bool:
    """Whether ``context`` puts before ``surname`` a word that may be another person's
    given name ("Peter", "O.J.", "Jean-Pierre", "Bronny"), or the name's own words in
    another order: "Ann Flynn" is not the one bearer where "Peter Flynn" is named too.
    ``_one_bearer``'s names are the ones it can tell for a person's; these are the ones
    it cannot rule out."""
    own = {word.replace(".", "") for word in name.split()[:-1]}
    for sentence in context:
        for match in re.finditer(rf"(\S+)\s+{re.escape(surname)}\b(?!-)", sentence):
            word = match[1].strip("\"“”‘’'(")
            bare = word.replace(".", "")
            opens = not sentence[: match.start(1)].strip(" \"“‘'(")
            if (
                not word[:1].isupper()
                or not re.fullmatch(r"[\w'’.\-]+", word)  # "Network, Greig": a clause's end
                or bare in own
                or word.rstrip(".") in _PERSON_TITLES
                or not content_words(word)
                or word.lower() in _PLACE_OPENERS
                or (word.endswith(".") and len(bare) > 2 and not bare.isupper())  # a full stop
                or (opens and re.search(r"(?:ing|ly)$", word))
            ):
                continue
            return True
    return False


# A capitalised word that may be a surname on its own: "Flynn", "Mnuchin's",
# "Dewey-Plante", "O'Neil".
_BARE_WORD = re.compile(r"(?<![\w'’.\-])((?:O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w\-])")
# A capitalised word right before it, across a closing quote (Michael "Mike" Flynn).
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w'’.\-]*)[\"”’]?\s+$")
# ... or a word that makes it a modifier, a firm's or a place's: "the Flynn family", "a
# Biden administration", "Johnson &", "Biden supporters"; "flew home to Austin",
# "Residents of Jackson", "Shares of Ford", "an Oscar for Lincoln", "aboard Reagan"
# (a city, a firm, a film or a ship named so, which no capital tells from the person).
_MODIFIER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|outside|inside|into|across|around|towards?|to|of|for|aboard|"
    r"among)\s+$",
    re.IGNORECASE,
)
_FIRM_AFTER = re.compile(r"^\s*(?:&|\+)")
# A possessive opening a sentence is a name's ("Mnuchin's efforts were unsuccessful"):
# a common noun so placed is rare ("Price's ..."), and a firm's is caught by the rest.
_POSSESSIVE_AFTER = re.compile(r"^['’]s\s+[a-z]")
_THING_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:administration|supporters|voters|family|campaign|era|cars?|jets?|"
    r"shares|stock|stores?|plants?|factory|hotels?|foundation|library|center|centre|"
    r"museum|airport|bridge|street|avenue|university|school|county|city|company|brand|"
    r"film|movie|team|group|estate|fund|building|award|prize|products?)\b"
)
# The article's own bare use of the surname for a person: "Flynn said", "Mr. Flynn",
# "Flynn, 58,", "Flynn, who".
_HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quotes someone: paired marks (“...”, "...", ‘...’), and the run to a
    closing mark with no opening before it or from an opening mark with no close (a
    quotation the sentence splitter cut)."""
    paired = [
        m.span()
        for m in re.finditer(
            r"“[^”]*”|\"[^\"]*\"|(?<!\w)‘[^’]*’(?!\w)|(?<!\w)'[^']*'(?!\w)|«[^»]*»", text
        )
    ]
    spans = list(paired)
    for mark in re.finditer(r"[”\"]|(?<=\w[.,!?])’", text):
        if any(a <= mark.start() < b for a, b in paired):
            continue
        start = mark.start()
        if (
            mark[0] == '"'
            and (start == 0 or text[start - 1] in " \t\n:([—")
            and text[start + 1 : start + 2].isalnum()
        ):
            # A straight mark that opens ('said: "I ...'), to the next closing mark.
            close = re.compile(r"[”\"]").search(text, mark.end())
            spans.append((start, close.end() if close else len(text)))
        elif not re.search(r"[“\"‘]", text[: mark.start()]):
            spans.append((0, mark.end()))
    for mark in re.finditer(r"[“‘«]", text):
        if not any(a <= mark.start() < b for a, b in paired):
            spans.append((mark.start(), len(text)))
    return spans


def introduce_names(
    texts: Sequence[str],
    context: Sequence[str],
    *,
    known: frozenset[str],
    shown: str = "",
    read_only: frozenset[int] = frozenset(),
) -> list[str]:
    """``texts``, in the order a reader meets them, with the first mention of each bare
    surname given in full ("questions about Flynn" -> "questions about Michael Flynn")
    when the reader has not met the person yet and the story's articles (``context``)
    name one person so, show them to be a person (``_one_bearer``) and use the surname
    alone for them ("Flynn said", "Mr. Flynn").

    The sentences are the articles' own; an article met the person before the cut the
    digest prints, so its later "Flynn" leans on a name the reader never saw. ``shown``
    is what the reader sees before (the headline); ``known`` holds names in the news all
    over the window ("trump", content words), which stand alone; the texts at
    ``read_only`` are read, not changed (a speaker named already). A surname stays as
    written inside a quotation; after a capitalised word ("President Trump", "Mr.
    Flynn": titled, or a longer name) or before one; as a modifier or a firm's name
    ("the Flynn family", "Johnson & Johnson"); where its full name is in the sentence;
    and opening a sentence, where a capital says nothing ("Price controls ...", "Ford
    said it ..."), and where a bare surname as the subject is ``digest.antecedent``'s
    to judge, unless it is a possessive ("Mnuchin's efforts ...").

    The other way round, see :func:`name_once`.
    """
    seen = [shown.lower()]
    out = []
    for index, text in enumerate(texts):
        if index not in read_only:
            text = _named_in(text, " ".join(seen), tuple(context), known)
        seen.append(text.lower())
        out.append(text)
    return out


_MOST_ROLE_WORDS = 4
# What may stand right before a name the reader met, the name alone then reading right:
# a function word, a verb of saying or acting ("said", "sued", "accused"), a clause's
# punctuation. A noun there is the name's description ("disgraced star Kevin Spacey").
_BEFORE_A_NAME = re.compile(
    r"(?:[\w'’]+ed|said|says|told|tells|saw|met|hit|shot|against|about|and|or|but|by|with|"
    r"to|of|for|from|that|than|as|at|in|on|after|before|when|while|like|including|between|"
    r"among)"
)


def name_once(
    texts: Sequence[str], context: Sequence[str], *, read_only: frozenset[int] = frozenset()
) -> list[str]:
    """``texts`` with a person named in full in an earlier one called by the surname
    after ("Bill Cosby spent his first night" -> "Cosby spent ..."), as a report names
    them after the first mention. ``texts`` are read in order and all printed, or cut
    from the end: a first mention the reader may not see (a voice the layout cuts, a
    Briefly a model rewrites) must not be in them. Only the story's one person of the
    surname whom its articles (``context``) call by it alone (``_bearer_of``); a title
    or role before the name goes too when the reader met the name after the same words
    ("chief executive Bob Dudley", then "Chief Executive Bob Dudley" -> "Dudley"), a
    description the reader did not meet keeps the name whole ("UWA communications
    manager Bashir Hangi"). The texts at ``read_only`` (a speaker's name) are read, not
    changed; quotations stay as spoken."""
    met: list[str] = []
    out = []
    for index, text in enumerate(texts):
        if index not in read_only:
            text = _named_again(text, " ".join(met), tuple(context))
        met.append(text.lower())
        out.append(text)
    return out


def _named_again(text: str, met: str, context: tuple[str, ...]) -> str:
    """``text`` with each person the reader ``met`` (lower case) in full called by the
    surname (see :func:`name_once`)."""
    quoted = _quoted_spans(text)
    edits: list[tuple[int, int, str]] = []
    for match in _BARE_WORD.finditer(text):
        surname = match[1]
        # A capitalised word after it goes on with the name ("Obama's Secretary" too).
        if not _may_be_surname(surname) or re.match(r"['’]?\s+[A-Z]", text[match.end() :]):
            continue
        full = _bearer_of(surname, context, text)
        start = match.end() - len(full)
        if (
            not full
            or not text[: match.end()].endswith(full)
            or (start > 0 and text[start - 1] not in " \"“‘'([")
        ):
            continue
        seen = re.search(rf"(?<![\w'’\-]){re.escape(full.lower())}(?![\w\-])", met)
        if seen is None or _listed(text, start, match.end()) or _used_apart(surname, context):
            continue
        first = seen.start()
        # Title and role words before the name go where the reader met the name after
        # the same ones; what stands before them must read right before a bare name.
        printed = text[:start].split()[-_MOST_ROLE_WORDS:]
        read = met[:first].split()[-_MOST_ROLE_WORDS:]
        same = 0
        while (
            same < min(len(printed), len(read))
            and printed[-1 - same].lower() == read[-1 - same]
            and _is_title_word(printed[-1 - same])
        ):
            same += 1
        rest = printed[: len(printed) - same]
        # The text's own honorific stays with the surname ("Dr. Bangalore").
        honorific = bool(rest) and rest[-1].rstrip(".") in _HONORIFICS
        # A bare office before the name the reader met under another ("Premier Marco
        # Bellandi" after "Prime Minister Marco Bellandi") goes with it, as the same
        # one would: it says nothing the reader does not know.
        office = 0
        while office < len(rest) and _is_office(rest[-1 - office]):
            office += 1
        # Only where the reader met the same office under another name ("prime minister"
        # for "Premier"): an office not met is news ("Prime Minister Pita Kova was sworn
        # in" after "Opposition leader Pita Kova"; "President" after "Vice President").
        met_office = _office_words(read)
        new_office = _office_words(rest[len(rest) - office :])
        if office and not honorific and met_office and met_office == new_office and not same:
            before = rest[: len(rest) - office]
            if not before or (
                _BEFORE_A_NAME.fullmatch(before[-1].lower()) or before[-1][-1] in _CLAUSE_MARKS
            ):
                same += office
                rest = before
        if rest and not (
            honorific or _BEFORE_A_NAME.fullmatch(rest[-1].lower()) or rest[-1][-1] in _CLAUSE_MARKS
        ):
            continue
        if same:
            start = len(text[:start].rstrip()) - len(" ".join(printed[len(printed) - same :]))
        if any(start < b and a < match.end() for a, b in quoted):
            continue
        edits.append((start, match.end(), surname))
    for start, end, surname in reversed(edits):
        text = text[:start] + surname + text[end:]
    return text


# Punctuation a bare name may follow: a clause's, a quotation's or a bracket's (not an
# abbreviation's full stop: "U.S. Barr").
_CLAUSE_MARKS = frozenset(",;:(—\"“‘'")


def _listed(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is one of a list of names ("Shane Bauer and Josh
    Fattal", "George H.W. Bush in 1988, Bill Clinton in 1992; and Barack Obama"):
    shortened alone, it would read unlike the others. Two other full names in the text
    make a list, as does one right beside it."""
    others = [m for m in _FULL_NAMES.finditer(text) if m.end() <= start or m.start() >= end]
    return (
        len(others) >= 2
        or bool(
            re.search(r"(?:,|\band)\s+$", text[:start])
            and re.search(r"[A-Z][a-z]+(?:,|\s+and)\s+$", text[:start])
        )
        or bool(re.match(r"(?:,\s+|\s+and\s+)(?:[A-Z][a-z]+\s+){1,2}[A-Z]", text[end:]))
    )


# A person's name in full, roughly: a given name, initials, a surname.
_FULL_NAMES = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.)+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


def _used_apart(surname: str, context: tuple[str, ...]) -> bool:
    """Whether the articles use ``surname`` alone for a place or a firm: after a place's
    preposition ("in Austin", "to Jackson") or before another capitalised word ("Fox
    News", "Klein Group")."""
    text = " ".join(context)
    name = re.escape(surname)
    # Fewer prepositions than _PLACE_BEFORE's: "voted for Obama", "the election of
    # Obama" are the person's.
    if re.search(rf"\b(?:in|to|from|near|at)\s+{name}\b", text):
        return True
    return any(
        word not in WEEKDAYS and word not in MONTHS
        for word in re.findall(rf"(?<![\w'’.\-]){name}\s+([A-Z][a-z]+)", text)
    )


def _is_office(word: str) -> bool:
    """A word of a bare office before a name: "Premier", "Prime", "Minister"."""
    bare = word.rstrip(".")
    return bare not in _HONORIFICS and (bare in _PERSON_TITLES or bare in _OFFICE_WORDS)


_OFFICE_WORDS = frozenset({"Premier", "Prime", "Vice", "Chancellor"})
_OFFICE_NAMES = (_PERSON_TITLES | _OFFICE_WORDS) - frozenset(_HONORIFICS)
# The same office in other words.
_SAME_OFFICE = {"premier": ("prime", "minister")}


def _office_words(words: Sequence[str]) -> frozenset[str]:
    """The office the last of ``words`` name, in lower case ("japan's prime minister,"
    -> prime, minister; "Premier" -> prime, minister)."""
    found: list[str] = []
    for word in reversed(words):
        bare = word.strip(".,;:").lower()
        if bare.capitalize() not in _OFFICE_NAMES:
            break
        found.extend(_SAME_OFFICE.get(bare, (bare,)))
    return frozenset(found)


def _is_title_word(word: str) -> bool:
    """A title's or role's word before a name: "President", "Chief", "Executive",
    "spokesman", "Rep."."""
    bare = word.rstrip(".")
    if bare in _HONORIFICS:
        return False  # it stays: "Dr. Bangalore", "Mr. Cohen"
    return (
        bare in _PERSON_TITLES
        or is_person_word(bare.lower())
        or (bare[:1].isupper() and bool(content_words(bare)))
    )


def _named_in(text: str, seen: str, context: tuple[str, ...], known: frozenset[str]) -> str:
    """``text`` with its bare surnames in full (see :func:`introduce_names`); ``seen`` is
    what the reader read before it, in lower case."""
    quoted = _quoted_spans(text)
    bare: dict[int, re.Match[str]] = {}
    for match in _BARE_WORD.finditer(text):
        head = text[: match.start()]
        before = _CAPITALISED_BEFORE.search(head)
        if not (
            (before and (content_words(before[1]) or before[1].rstrip(".") in _PERSON_TITLES))
            or (
                not re.split(r"[;:]\s", head)[-1].strip(" \"“‘'([")
                and not _POSSESSIVE_AFTER.match(text[match.end() :])
            )
            or _MODIFIER_BEFORE.search(head)
            or _PLACE_BEFORE.search(head)
            or head.rstrip().rsplit(" ", 1)[-1] in _NAME_PARTICLES
            or re.match(r"\s+[A-Z]", text[match.end() :])
            or _FIRM_AFTER.match(text[match.end() :])
            or _THING_AFTER.match(text[match.end() :])
            or any(a <= match.start() < b for a, b in quoted)
            or set(content_words(match[1])) & known
        ):
            bare[match.start()] = match
    edits: dict[int, str] = {}
    for start, match in bare.items():
        if full := _full_for(match[1], text, f"{seen} {text[:start].lower()}", context):
            edits[start] = full
    # "Greig and Christian": both in full or both as written, for a reader would take
    # "Mel Greig and Christian" for two given names. A word that may also be a person's
    # kind ("Christian") is a surname here.
    for pair in _TWO_NAMES.finditer(text):
        one, other = pair.start(1), pair.start(2)
        if (one in edits) == (other in edits):
            continue
        missing = other if one in edits else one
        met = f"{seen} {text[:missing].lower()}"
        if missing in bare and (
            full := _full_for(bare[missing][1], text, met, context, kinds_too=True)
        ):
            edits[missing] = full
        else:
            # The other is as written ("Rudolph and Garrett" opening a sentence): so is this.
            edits.pop(one if one in edits else other)
    for start in sorted(edits, reverse=True):
        end = bare[start].end()
        if edits[start].endswith(".") and text[end : end + 1] == ".":
            end += 1  # "... backed Kennedy." -> "... backed Robert F. Kennedy Jr."
        text = text[:start] + edits[start] + text[end:]
    return text


def _full_for(
    word: str, text: str, met: str, context: tuple[str, ...], *, kinds_too: bool = False
) -> str:
    """The full name for the bare ``word`` in ``text``, or "" when the reader ``met``
    the word before (in full or as written) or ``text`` has the full name itself."""
    if not _may_be_surname(word, kinds_too=kinds_too) or re.search(
        rf"\b{re.escape(word.lower())}\b", met
    ):
        return ""
    full = _bearer_of(word, context, text, alone_or_paired=kinds_too)
    return "" if not full or full in text else full


def _may_be_surname(word: str, *, kinds_too: bool = False) -> bool:
    bare = word.split("-")[0]
    return (
        len(word) > 2
        and word not in PLACES
        and bare not in MONTHS
        and bare not in WEEKDAYS
        and word not in _PERSON_TITLES
        and word.lower() not in _NEVER_NAMES
        and (kinds_too or word.lower() not in _KINDS_OF_PEOPLE)
        and bool(content_words(word))
    )


@functools.lru_cache(maxsize=4096)
def _bearer_of(
    surname: str, context: tuple[str, ...], printed: str, *, alone_or_paired: bool = False
) -> str:
    """The one person ``context`` names in full as ``surname`` and, in a sentence other
    than ``printed``, also calls by it alone ("Flynn said", "Mr. Flynn", "Flynn, 58,",
    "... and Flynn was"), or "": "Price controls" in a story with a Tom Price is no
    one's. With ``alone_or_paired``, the surname is one of a pair whose other member is
    that person's ("Greig and Christian"), and the pair is the use. A title on the
    surname alone that the full name never has ("Gov. Wilson" beside "Officer Darren
    Wilson"), or a "Mr." and a "Mrs." of it, is someone else, and no one is named."""
    full = _one_bearer(surname, "", context, in_pair=True, titled=True)
    if not full:
        return ""
    if not (alone_or_paired or _called_alone(surname, context, printed)):
        return ""
    name = re.escape(surname)
    text = " ".join(context)
    if any(
        _COMPANY_ENDING.match(after) or after in ("Motor", "shares", "stock")
        for after in re.findall(rf"\b{name}(?:['’]s)?\s+(\w+)", text)
    ):
        return ""  # "Ford Motor", "Dell Inc.", "Ford's shares": a firm has the name too
    titles, on_full = _titles_before(name, text), _titles_before(re.escape(full), text)
    if ("Mr" in titles and titles & {"Mrs", "Ms", "Miss"}) or (
        titles - on_full - {"Mr", "Mrs", "Ms", "Miss"}
    ):
        return ""
    return full


def _titles_before(name: str, text: str) -> set[str]:
    """The person's titles ``text`` puts right before the pattern ``name`` ("Gov",
    "Mr")."""
    found = re.findall(rf"\b([A-Z][a-z]{{1,12}})\.?\s+{name}\b", text)
    return {title for title in found if title in _PERSON_TITLES}


# The surname alone as a person's, after it: reporting, an age, "who"; or, where a
# capital tells something (not opening a sentence), a verb ("Austin allegedly hit",
# "Crudup would be charged").
_SAID_ALONE = re.compile(
    r"^(?:\s+(?:said|says|told|added|wrote|testified|explained)\b|,\s+(?:\d{1,3},|who\b))"
)
_ACTS_ALONE = re.compile(
    r"^(?:['’]s)?\s+(?:was|is|has|had|would|will|could|did|does|allegedly|reportedly|"
    r"also|then|later|[a-z]{3,}ed)\b"
)
_FIRM_SAID = re.compile(r"^\s+(?:said|says|told)\s+(?:it|its)\b")
_PRINTED_SHARE = 0.8  # of a context sentence's words in the printed one: the same sentence


def _called_alone(surname: str, context: tuple[str, ...], printed: str) -> bool:
    name = re.escape(surname)
    printed_words = set(content_words(printed))
    # Opening a sentence, a capital tells a name only of a word the articles never
    # write in lower case ("Mnuchin was ...", not "Power was restored" beside "power").
    proper = not re.search(rf"\b{re.escape(surname.lower())}\b", " ".join(context))
    for sentence in context:
        words = set(content_words(sentence))
        if words and len(words & printed_words) >= _PRINTED_SHARE * max(
            len(words), len(printed_words)
        ):
            continue  # the printed sentence itself is no other use
        for match in re.finditer(rf"(?<![\w'’.\-]){name}\b", sentence):
            head, tail = sentence[: match.start()], sentence[match.end() :]
            before = re.search(r"(\S+)\s+$", head)
            if before and before[1].rstrip(".") in _HONORIFICS:
                return True
            if before and before[1][:1].isupper() and content_words(before[1]):
                continue  # "Tom Price", "President Price": another name, or titled
            opens = not head.strip(" \"“‘'([")
            if _FIRM_SAID.match(tail):
                continue  # "Ford said it would cut jobs": a firm
            if _SAID_ALONE.match(tail) or ((proper or not opens) and _ACTS_ALONE.match(tail)):
                return True
    return False


# (A role after the body's name is no part of it: "Ministry of Foreign Affairs Spokesman".)
_ROLE_WORDS = r"(?:Spokesman|Spokeswoman|Spokesperson|Minister|Secretary|Director|Head|Chief)"
_BODY_ALONE = re.compile(
    r"The\s+(Ministry|Department|Agency|Office|Authority|Commission|Directorate|Council)"
)


def _body_named(noun: str, context: Sequence[str]) -> str:
    """The one body of that kind the article names in full ("The Ministry of Defense"),
    or "" when it names none or several."""
    names = {
        " ".join(found.split())
        for found in re.findall(
            rf"\b{noun}\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]+"
            rf"(?:\s+(?:and\s+)?(?!{_ROLE_WORDS}\b)[A-Z][\w'’-]+){{0,3}}",
            " ".join(context),
        )
    }
    return f"The {names.pop()}" if len(names) == 1 else ""


def name_in_full(who: str, context: Sequence[str], outlet: str) -> str:
    """``who`` named as the article ``context`` names them; "" if they stay unnamed.

    "Our correspondent" becomes ``outlet``'s; a bare title ("Mr") is unnamed; a surname
    gets the first full mention and its role; "The minister" the article's first
    "France's agriculture minister", and "The president" the article's "President
    Donald Trump" when he is the one (or by far the most) it gives that title.
    """
    said_as = who
    if (body := _BODY_ALONE.fullmatch(who)) and (named := _body_named(body[1], context)):
        # "The Ministry", a home paper's capital for the one it named: "the Ministry of
        # Defense said ..." earlier.
        return named
    if re.match(r"^Our\s+(?:correspondent|reporter|editor)", who):
        who = f"{outlet}'s {who.split(maxsplit=1)[1]}" if outlet else ""
    elif re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Prof)\.?", who):
        return ""
    elif re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Prof|Professor)\.?\s[A-Z][\w'’\-]+", who):
        # "Mr Calamari" -> "Andrew M Calamari, a partner at ...": the first full mention,
        # unless a "Mr" and a "Mrs" share the surname (a couple: whose full name is it?).
        surname = who.split()[1]
        titles = set(
            re.findall(rf"\b(Mrs|Ms|Miss|Mr)\.?\s{re.escape(surname)}\b", " ".join(context))
        )
        full = (
            _full_name(surname, context) if len(titles & {"Mr"}) + len(titles - {"Mr"}) < 2 else ""
        )
        who = full if full and full != surname else who
    elif countries_named(who) == {who} and not _surname_here(who, context):
        pass  # "China said": its government, not a name to complete ("South China Sea")
    elif (
        (bare := re.fullmatch(r"(?:The\s+)?((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)", who))
        and who.split()[-1] in _PERSON_TITLES
        and (holder := _titled_person(bare[1], context, sole=True))
    ):
        # "The Prime Minister", a home paper's capitals: the one the article so titles.
        who = holder
    elif re.fullmatch(r"[A-Z][\w'’\-]+", who):
        # A group ("Police", "Democrats") is qualified ("Vermont State Police") but never
        # read as a surname ("Police Chief Jane Doe" is someone else).
        plural = is_plural_speaker(who)
        who = (not plural and _spoken_in_full(who, context)) or _full_name(
            who, context, qualifier_only=plural
        )
    elif re.fullmatch(r"[A-Z][\w'’\-]+(?:\s(?:[A-Z]\.?|[A-Z][\w'’\-]+)){1,2}", who) and not (
        is_plural_speaker(who) or speaker_kind(who) == "body" or who.split()[0] in _PERSON_TITLES
    ):
        # "Abdel Fattah" -> "Nabil Abdel Fattah, director of ...", "Harry Kazianis" ->
        # "Harry Kazianis, director of defense studies at ...": the name in full, the role.
        who = _full_name(who, context)
    elif (titled := re.fullmatch(r"(?P<title>[A-Z][a-z]+)\s(?P<surname>[A-Z][\w'’\-]+)", who)) and (
        titled["title"] in _PERSON_TITLES
    ):
        # "Minister Lamsal" -> "Transport Minister Sunil Kumar Lamsal": the first full
        # mention, when it gives the same title.
        full = _full_name(titled["surname"], context)
        if full != titled["surname"] and re.search(rf"\b{titled['title']}\b", full):
            who = full
    elif (pair := _TWO_NAMES.fullmatch(who)) and not any(
        is_plural_speaker(name) for name in (pair[1], pair[2])
    ):
        # "Christian and Greig" -> "Michael Christian and Mel Greig": each by the one
        # person the article names so, or both as written.
        one, other = (_one_bearer(name, "", context, in_pair=True) for name in pair.groups())
        if one and other and pair[1] != pair[2]:
            who = f"{one} and {other}"
    elif described := _DESCRIBED_SURNAME.fullmatch(who):
        # "Morbidelli, an expert in orbits" -> "Alessandro Morbidelli, an expert in
        # orbits": the name in full, the role the sentence gave. A relative ("Biden, the
        # president's son") is described so because the surname is shared: as written.
        if not _KIN.search(described["role"]):
            name = _one_bearer(described["surname"], described["role"], context)
            who = f"{name}, {described['role']}" if name else who
    elif leader := _LEADER.fullmatch(who):
        # "The head of state said", "the Mozambican statesman": the article's president
        # (or prime minister), when it names one only and no monarch.
        role = " ".join(leader["role"].lower().split())
        holder = (
            ""
            if any(_MONARCH.search(sentence) for sentence in context)
            else _titled_person(_LEADER_TITLES[role], context, sole=True)
        )
        # "The Japanese head of state" is no French president.
        nationality = (leader["nation"] or "").strip()
        if holder and (not nationality or nationality in holder):
            who = holder
    elif re.fullmatch(r"The\s+[a-z][a-z ]{2,40}", who):
        who = _resolve_role(who, context)
    elif re.fullmatch(r"The\s+[A-Z][a-z]+\s[a-z]+", who):
        # "The Israeli official" the article met as "A senior Israeli official".
        who = _met_as_one(who.split(maxsplit=1)[1], context) or who
    elif re.fullmatch(r"The\s+[A-Z][a-z]+", who):
        who = _qualified_body(who, context)
    elif re.fullmatch(r"The\s+[A-Z][a-z]+\s[A-Z][a-z]+", who):
        # "The Central Bank" -> "Russia's Central Bank": only by a country's name, as a
        # two-word body is qualified by others too ("the president's White House").
        who = _qualified_body(who, context, by_country=True)
    if re.fullmatch(r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,2}", who) and who.split()[0] not in (
        _PERSON_TITLES
    ):
        # "CNN contributor Jeffrey Lord", or "A foreign ministry spokesman, Geng Shuang,
        # said" -> "Geng Shuang, a foreign ministry spokesman".
        who = _role_before(who, context) or _introduced(who, context) or who
    if who and "," not in who:
        who = _who_clause(who, said_as, context)
    return who


# A leader named by the office's kind: the article's holder of the title.
# (A nationality before it, not "former", "late" or "veteran": another person.)
_LEADER = re.compile(
    r"[Tt]he\s+(?P<nation>(?!Former\b|Late\b|Veteran\b|Elder\b|Then\b|Head\b)[A-Z][a-z]+\s+)?"
    r"(?P<role>[Hh]ead\s+of\s+[Ss]tate|[Hh]ead\s+of\s+[Gg]overnment|[Ss]tates(?:man|woman))"
)
# A monarch in the article: "the head of state" may be the king, not the president.
_MONARCH = re.compile(
    r"\b(?:[Kk]ing|[Qq]ueen|[Ee]mperor|[Mm]onarch|Emir|Sultan|Grand Duke|Prince)\b"
)
_LEADER_TITLES = {
    "head of state": "president",
    "statesman": "president",
    "stateswoman": "president",
    "head of government": "prime minister",
}

_COMPASS = frozenset(
    {"North", "South", "East", "West", "Central", "New", "Upper", "Lower", "Greater", "Mainland"}
)


def _surname_here(country: str, context: Sequence[str]) -> bool:
    """Whether the article writes ``country`` as someone's surname ("Former congressman
    Steve Israel, who ...", "coach Andrew Ireland"): a capitalised word before it, the
    name ending there, not a place's part ("South China Sea", "in Israel")."""
    for sentence in context:
        for match in re.finditer(rf"(?<![\w'’])([A-Z][a-z]+)\s{re.escape(country)}\b", sentence):
            first = match.group(1)
            if (
                first not in _COMPASS
                and first.lower() not in _NEVER_NAMES | _PREPOSITIONS
                and not re.match(r"\s[A-Z]", sentence[match.end() :])
                and match.start() > 0
            ):
                return True
    return False


def _spoken_in_full(word: str, context: Sequence[str]) -> str:
    """The one person the article reports speaking under a name that begins with
    ``word`` ("said Inspector-General of Police Khalid Abu Bakar" for "Khalid"), as it
    writes them; "" when it reports none, or two. A given name used alone is how the
    article goes on to name them, however often it does ("Khalid said ...").

    Only a name that ``word`` opens, of two or three words, that is no body's ("Fox
    News", "Washington Post") and has no title after ``word`` ("Microsoft Vice Chair
    Brad Smith"); and only when the article writes ``word`` nowhere else beside another
    capitalised word: "Scott James" makes "James" his, and "Donald Trump Jr." is no
    "Trump" it opens."""
    found = set()
    for sentence in context:
        for match in _SAID_NAME.finditer(sentence):
            words = match.group("run").split()
            if word not in words[:-1]:
                continue
            at = words.index(word)
            name, before = words[at:], words[:at]
            if not 2 <= len(name) <= 3 or any(w.rstrip(".") in _PERSON_TITLES for w in name):
                continue
            if name[-1].rstrip(".") in _SUFFIXES:
                continue  # "Donald Trump Jr.": someone else's name goes on
            # What comes before the name is its title ("Inspector-General of Police",
            # "Prime Minister"), not a given name ("Donald" of "Donald Trump Jr.").
            if before and not any(w in _PERSON_TITLES or w == "of" for w in before):
                continue
            if speaker_kind(" ".join(name)) == "body":
                continue
            found.add(match.group("run"))
    if len(found) != 1:
        return ""
    (run,) = found
    name = " ".join(run.split()[run.split().index(word) :])
    text = " ".join(context).replace(name, " ")
    # "Mr Khalid" is him too: a title before the word is no other name.
    before_it = re.findall(rf"([A-Z][\w'’.\-]*)\s{re.escape(word)}\b", text)
    if any(w.rstrip(".") not in _PERSON_TITLES for w in before_it):
        return ""
    return "" if re.search(rf"\b{re.escape(word)}\s[A-Z]", text) else run


_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
# "said" and a person as the attribution writes them: up to three words of title or
# role, then capitalised words to the end of the sentence or a comma. Not "told": who
# was told is the listener.
_SAID_NAME = re.compile(
    r"\b(?:said|says|added|adds|explained|wrote|noted)\s"
    r"(?P<run>(?:[A-Z][\w.'’\-]*\s(?:of\s(?:the\s)?)?){0,3}"
    r"(?:[A-Z][\w'’\-]+\s){1,3}[A-Z][\w'’\-]+)(?=[,.]|$)"
)


def _role_before(name: str, context: Sequence[str]) -> str:
    """``name`` with the role the article writes before it in lower case ("CNN
    contributor and Trump supporter Jeffrey Lord", "U.S. Forest Service volunteer Jules
    Fijolek"), as written; "" when it gives none."""
    for sentence in context:
        if name not in sentence or _title_case(sentence):
            continue
        found = next(
            (m for m in _ROLE_THEN_NAME.finditer(sentence) if m["name"].startswith(name)), None
        )
        if found:
            role = found.group("role")
            opener = role.split()[0]
            if opener.lower() in _NEVER_NAMES or _OPENING_CLAUSE.match(role + " "):
                role = role.partition(" ")[2]  # "The CNN contributor": "CNN contributor"
            # "director Bryan Okafor" or "his spokesperson Andrew Wyatt" alone does not
            # say whose role it is: only one that names it ("CNN contributor") is
            # printed before the name.
            if any(w[:1].isupper() for w in role.split()) and _ROLE_NOUN_END.search(role):
                return f"{role} {name}"
            return ""
    return ""


# "South Korea's Navy", "the South Korean Navy", "The New York Times": a body named with
# what it belongs to.
_QUALIFIER = r"(?P<qualifier>(?:[A-Z][\w.\-]*\s){0,2}[A-Z][\w.\-]*(?:['’]s)?)\s"


def _qualified_body(who: str, context: Sequence[str], *, by_country: bool = False) -> str:
    """``who`` ("The Navy") as the article first names it in full ("South Korea's Navy", "The
    South Korean Navy"), when every full mention starts alike; else ``who``: with "the
    Royal Navy" and "the Russian Navy" in one article, whose navy said it is not told.
    With ``by_country``, only a country's name qualifies it."""
    noun = who.split(maxsplit=1)[1]
    found: list[str] = []
    for sentence in context:
        if _title_case(sentence):
            continue
        for match in re.finditer(rf"(?<![\w'’]){_QUALIFIER}{re.escape(noun)}\b", sentence):
            if _MODIFIES_A_ROLE.match(sentence, match.end()):
                continue  # "VOA Pentagon correspondent Carla Babb": VOA's, not the Pentagon
            qualifier = match["qualifier"]
            if by_country and not countries_named(qualifier):
                continue
            first = qualifier.split()[0]
            if first.lower() in _NEVER_NAMES:  # "The South Korean Navy": "The" opens it
                qualifier = qualifier.partition(" ")[2]
                if not qualifier:
                    continue
                found.append(f"The {qualifier} {noun}")
            elif qualifier.endswith(("'s", "’s")):
                found.append(f"{qualifier} {noun}")
            elif not sentence[: match.start()].strip(" \"“‘'"):
                continue  # a sentence's first word is capitalised whatever it is
            else:
                found.append(f"The {qualifier} {noun}")
    # "Chile's Navy" and "the Chilean Navy" are one: compared by the start of the first
    # word ("Chil"), not "the Royal Navy" and "the Russian Navy".
    firsts = {
        _PLAIN_WORD.sub("", name.removeprefix("The ").split()[0]).lower()[:4] for name in found
    }
    return found[0] if len(firsts) == 1 else who


_PLAIN_WORD = re.compile(r"['’]s$|\W")
# A body's name before a person's role is that role's qualifier, not the body named.
_MODIFIES_A_ROLE = re.compile(
    r"\s+(?:correspondent|reporter|spokes(?:man|woman|person)|official|source|analyst|"
    r"editor|producer|anchor|contributor|columnist|chief|officer|commander)s?\b"
)


# A role too long to print whole ends at its last "and" before a lower-case word within
# 70 characters ("a partner at the law firm X and former director of ..."); not at an
# "and" inside a name ("the Center for Strategic and International Studies"). A role
# is a noun phrase: one with a verb is a clause of its own ("According to CNN, the
# items being bought are mortar rounds and ...").
_LONG_ROLE = re.compile(r"^,\s((?:a|an|the)\s[^,.;:\"“”]{3,70})\sand\s+[a-z]")
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|which|that|whose)\b")
_VERB_IN_ROLE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|being)\b")


def _long_role(tail: str) -> str:
    match = _LONG_ROLE.match(tail)
    if not match or _VERB_IN_ROLE.search(match[1]) or _RELATIVE_CLAUSE.search(match[1]):
        return ""
    return f", {match[1]}"


# A surname's particle and what follows it: "Luiz Inácio Lula da Silva" is named so in
# full, not "Luiz Inácio Lula".
_PARTICLE_TAIL = r"(?:\s(?:da|de|dos|das|van|von|der|del|della|di|bin|ibn)\s[A-Z][\w'’\-]+)?"


# A given name after the family name, as Korean names are romanised ("Kim Yun-duk",
# "Lee Jae-myung"): its hyphen joins a lower-case syllable, as no surname's does.
_GIVEN_AFTER = r"(?:\s[A-Z][a-z]+-[a-z]+(?![\w'’\-]))?"


_INNER_PARTICLE = r"(?:al|el|bin|bint|ibn|abu|de|da|dos|das|del|van|von|der|di|du)"
_CAPITAL_PARTICLE = re.compile(r"(?:Al|El|Ad|Ar|As|Ash|At|Az|An|Abu)-[A-Z]")


def _full_name(surname: str, context: Sequence[str], *, qualifier_only: bool = False) -> str:
    """The first full mention of a person in the article, with the role it gives; with
    ``qualifier_only``, only names that end with ``surname`` ("Los Angeles Police").

    A name written first ("Geng" -> "Geng Shuang") is completed by the words after it,
    unless the article mostly writes it alone (``_mostly_alone``: "Apple", not "Apple
    TV"). A sentence's first word is capitalised whatever it is: a mention that opens one
    ("Frail Robert Durst sentenced ...", a headline) gives way to a shorter one of the
    same name elsewhere ("Robert Durst"), and a count, an article, a question's verb or
    a clause's opening is never part of a name ("Three Israeli ...", "The Israel Defense
    Forces", "Is Google", "When Arthur Doe asked"). The role may follow the name (", a
    professor", ", director of ...", ", who heads ...", "from Eastvale University"). A
    person known by one name ("Budiyono, who heads ...") keeps the role the article gives
    them. Two people with the surname ("Bryan Singer", "Marty Singer"): the one the
    article reports speaking, or "" (no one) when it cannot tell, rather than one's words
    given to the other.
    """
    name = re.escape(surname)
    if _CAPITAL_PARTICLE.match(surname):
        # "Al-Haddad said ...", capitalised to open its sentence: "Mohammed al-Haddad".
        name = f"[{surname[0]}{surname[0].lower()}]{re.escape(surname[1:])}"
    after = ""
    if not qualifier_only and " " not in surname and not _mostly_alone(name, context):
        # Not "Flight 8501", nor "Apple CEO Tim" of "Apple CEO Tim Cook": a name ends
        # where its capitalised words do.
        after = rf"|{name}(?:\s[A-Z][\w'’\-]+){{1,2}}(?!\s\d|\s[A-Z])"
    found: list[tuple[str, bool]] = []  # each mention, and whether it opens its sentence
    alone: list[str] = []  # the name alone with a role: "Budiyono, who heads ..."
    for sentence in context:
        if _title_case(sentence):
            continue  # a headline capitalises every word: its runs of capitals are no names
        for match in re.finditer(
            # A name's word is 30 characters at most: unbounded, a run like "A-A-A-..."
            # was scanned to its end from each capital, quadratic in its length.
            # A particle inside it stays ("Izz al-Din Hassan al-Safi", "Thani bin Ahmed
            # Al Zeyoudi"): a name is not cut after one ("Din Hassan al-Safi").
            rf"(?<![\w'’\-])((?:(?:{_INNER_PARTICLE}[-\s])?[A-Z][\w'’.\-]{{0,30}}\s){{1,6}}"
            rf"{name}{_GIVEN_AFTER}{_PARTICLE_TAIL}"
            rf"{after}|{name}{_GIVEN_AFTER})(?!\w)"
            rf"(?:(?P<role>,\s(?:a|an|the)\s[^,.;:\"“”]{{3,70}}(?=,|\s(?:said|says|told)\b|\.?$))"
            rf"|{_BARE_ROLE})?",
            sentence,
        ):
            full = _LEADING_CONJUNCTION.sub("", match.group(1))  # "And Democrats say"
            # A rank written short ("Adj. Sr. Comr. Mariska Fendi Susanto") is no part of
            # the name; a title is ("Gen. Mark Milley", "Dr. Jane Doe").
            # Only after a role written in lower case ("Police chief Adj. Sr. Comr. ..."),
            # where the role says what the rank would: "Ma. Lourdes Sereno", "Fr.
            # Michael Kelly" and "Adm. Brad Cooper" keep theirs.
            if _ROLE_NOUN_END.search(sentence[: match.start(1)].rstrip()):
                while (rank := _SHORT_RANK.match(full)) and rank[1] not in _PERSON_TITLES:
                    full = full[rank.end() :]
            # "EU Commissioner for Industrial Strategy Stéphane Séjourné": the title goes
            # on before its "for", not from "Industrial".
            # Only a title's object before a full name: "Commissioner of Police Rahim" is
            # read as a one-word name after a title's common noun (see below).
            if (
                (title_for := _TITLE_FOR.search(sentence[: match.start(1)]))
                and (
                    _portfolios_only(title_for["portfolios"], context)
                    if title_for["portfolios"]
                    else len(full.split()) >= 3
                )
                and any(word.rstrip(".") in _PERSON_TITLES for word in title_for["title"].split())
            ):
                full = title_for.group(0) + full
            # "spokesperson for the West Philippine Sea Commodore Jay Tarriela": the place
            # ends the role before it; the name begins at the rank.
            if _OF_THE_BEFORE.search(sentence[: match.start(1)]):
                ranks = [
                    i
                    for i, word in enumerate(full.split()[1:-1], start=1)
                    if word.rstrip(".") in _PERSON_TITLES
                ]
                if ranks:
                    full = " ".join(full.split()[ranks[0] :])
            # A title of a body's plural ("Chairman of the Cabinet of Ministers Adylbek
            # Kasymaliev"): the run of capitals starts at "Ministers", the title before.
            of_a_body = (
                _TITLE_CHAIN.search(sentence, 0, match.start(1))
                if full.split()[0] in _BODY_PLURALS
                else None
            )
            if of_a_body and of_a_body["title"] in _PERSON_TITLES:
                full = f"{of_a_body[0].strip()} {full}"
            # "International Relations and Cooperation Minister Ronald Lamola": the run of
            # capitals starts after the "and" of the office's two fields. Not another
            # person's name and title before it ("Prime Minister Ana Lind and Foreign
            # Minister ..."), nor a name alone ("Lind and Foreign Minister ...").
            fields = _FIELDS_AND.search(sentence, 0, match.start(1))
            first = full.split()[0]
            if (
                fields
                and first not in _PERSON_TITLES
                and any(word.rstrip(".") in _PERSON_TITLES for word in full.split()[1:-1])
                and not any(w in _PERSON_TITLES for w in fields["fields"].split())
                and FIELD_WORD.fullmatch(fields["fields"].split()[-1])
                and not speaks(fields["fields"].split()[-1], context)
            ):
                full = f"{fields['fields']} and {full}"
            # A family name first, its given name after: "Foreign Minister Wang Yi" is no
            # "Foreign Minister Wang", however often the article writes "Wang" alone.
            given_after = _GIVEN_NAME_AFTER.match(sentence, match.end(1))
            if (
                given_after
                and full.endswith(surname)
                and not any(
                    word in _PERSON_TITLES or month_number(word) or word in WEEKDAYS
                    for word in given_after[1].split()
                )
                and any(word.rstrip(".") in _PERSON_TITLES for word in full.split()[:-1])
            ):
                full = f"{full} {given_after[1]}"
            opens = not sentence[: match.start()].strip(" \"“‘'")
            opener, _, rest = full.partition(" ")
            envoy = _ENVOY_TO.search(sentence[: match.start(1)]) if rest else None
            posted = ""
            if envoy and len(rest.split()) >= 2:
                # "Russian Ambassador to Denmark Vladimir Barbin": the country ends the
                # title, which is the role: "Vladimir Barbin, Russian ambassador to Denmark".
                full = rest
                title = envoy["title"].strip()
                posted = f", {title[: -len(envoy['office'])]}{envoy['office'].lower()} to {opener}"
            elif rest and opens and (opener.lower() in _NEVER_NAMES or _OPENING_CLAUSE.match(full)):
                full = rest
            elif (
                rest
                and _after_preposition(sentence, match.start())
                and _is_a_name_alone(opener, rest, context)
            ):
                full = rest  # "envoy to Ukraine Kurt Volker": Ukraine ends the role
            if full.split().count(surname.split()[-1]) > 1:
                continue  # "President Trump Donald John Trump": two mentions run together
            if (
                full.startswith(f"{surname} ")
                and speaker_kind(full) == "body"
                and not _COMPANY_ENDING.match(full.split()[-1])
            ):
                continue  # "Harbour" is not "Harbour News": another body ("United Airlines" is)
            role = match.group("role") or _person_role(match.group("bare") or "")
            if role:
                role = _role_whole(role, sentence[match.end() :])
            # "Jane Doe, the lawyer who has filed four suits": a relative clause is a
            # story of its own, not a role; what the person heads is one.
            if (
                _RELATIVE_CLAUSE.search(role)
                or _CLAUSE_AFTER_A_NAME.match(role)
                or _names_another(role)
                or _AN_OCCASION.match(role)
            ):
                role = ""
            if not role:
                tail = sentence[match.end(1) :]
                role = (
                    _role_after(tail, titled=_is_titled(full, surname))
                    or _long_role(tail)
                    or posted
                )
                if _names_another(role):
                    role = posted
            # "the Minister of Public Service, Mr Moses Kagwa, said": the role is set
            # before the name, between commas.
            before_name = _ROLE_SET_BEFORE.search(sentence, 0, match.start(1))
            if not role and before_name and sentence[match.end(1) :].startswith(","):
                role = f", {before_name['role']}"
            # "Mr Moses Kagwa": the honorific goes with a given name there.
            if _HONORIFIC.match(full) and len(full.split()) >= 3:
                full = full.split(maxsplit=1)[1]
            if _LEADING_TIME.match(full + " ") or not _is_agent(full):
                continue
            if full.lower() == surname.lower():  # "al-Shabaab" of "Al-Shabaab said"
                if role and not qualifier_only:
                    alone.append(full + role)
                continue
            found.append((full + role, opens))
    if not found:
        return (alone[0] if alone else "") or _introduced(surname, context) or surname
    names = [re.split(r",\s|\s(?:from|at|of|with)\s", named)[0] for named, _ in found]
    given = [
        # Initials with or without stops are one given name ("O.J." and "OJ").
        name[: -len(surname)].split()[-1].replace(".", "")
        if name.lower().endswith(f" {surname.lower()}")  # "Ammar al-Hakim" of "Al-Hakim"
        else ""
        for name in names
    ]
    people = Counter(
        g for g in given if g and g not in _TITLES and _a_given_name(g, surname, context)
    )
    if len(people) > 1:
        if qualifier_only:
            return surname
        top = _one_of_several(names, given, people, context)
        if not top:
            return ""
        kept = [i for i, g in enumerate(given) if g in (top, "") or g in _TITLES]
        found, names = [found[i] for i in kept], [names[i] for i in kept]
    for (named, opens), name in zip(found, names, strict=True):
        # "Frail Robert Durst" opening a headline, "Robert Durst" inside a sentence.
        shorter = [n for n in names if n != name and name.endswith(f" {n}") and " " in n]
        titled = any(w.rstrip(".") in _PERSON_TITLES for w in name.split()[:-1])
        if not (opens and shorter) or titled:
            return named  # "Senate Majority Leader Harry Reid" opening a sentence stays
    return surname


def _one_of_several(
    names: Sequence[str], given: Sequence[str], people: Counter[str], context: Sequence[str]
) -> str:
    """Which of several people with one surname a bare surname is, by the given name:
    the only one the article reports speaking ("said Arthur Doe" where "Betty Doe" never
    speaks), else the one it names in full at least ``_DOMINANT`` times as often as any
    other (the story's subject, "Donald Doe" four times and "Melania Doe" once); "" if
    neither tells."""
    speaking = {g for name, g in zip(names, given, strict=True) if g and speaks(name, context)}
    # Every mention counts here, also those no role or name run was read from
    # ("Donald Doe's", a headline): how often the article names each of them.
    surname = names[0].split()[-1]
    text = " ".join(context).replace(".", "")
    counts = Counter(
        {g: len(re.findall(rf"\b{re.escape(g)}\s{re.escape(surname)}\b", text)) for g in people}
    )
    (top, count), (_, second) = counts.most_common(2)
    if len(speaking) == 1:
        return speaking.pop()
    return top if count >= _DOMINANT * second else ""


def _a_given_name(word: str, surname: str, context: Sequence[str]) -> bool:
    """Whether ``word`` before ``surname`` is a given name: not a preposition or a clause's
    opening ("For Doe, the vote ..."), nor a name the article mostly writes without the
    surname ("told Reuters Doe ...", "Getty Images" of a photo credit)."""
    if word.lower() in _NEVER_NAMES | _PREPOSITIONS or _OPENING_CLAUSE.match(word + " "):
        return False
    text = " ".join(context).replace(".", "")
    with_surname = len(
        re.findall(rf"\b{re.escape(word)}\s{re.escape(surname)}\b", text, flags=re.IGNORECASE)
    )
    return with_surname * 2 >= len(re.findall(rf"\b{re.escape(word)}\b", text))


def _role_after(tail: str, *, titled: bool = False) -> str:
    """A role after a name that is neither an apposition with an article nor a bare one:
    what the person heads (", who heads the identification unit") or where they work
    ("from Eastvale University in Rimton"); "" if none. After a ``titled`` name, "at" an
    institution is where something happened ("NATO Deputy Secretary General Radmila
    Shekerinska at the Department of Foreign Affairs"); "with" or "from" one is still
    where they work ("Lt. John Corina with the Los Angeles County Sheriff's Department").
    """
    heads = _HEADS_ROLE.match(tail)
    if heads:
        return heads.group(0)
    works = _WORKS_AS_ROLE.match(tail)
    if works:
        return f", {works.group('role')}"
    place = _PLACE_ROLE.match(tail)
    if place and titled and place.group(0).split()[0] == "at":
        place = None
    if place and _INSTITUTION.search(place.group(0)):
        return place.group(0).rstrip(".")  # the sentence's full stop
    return ""


_OF_THE_BEFORE = re.compile(r"\b[a-z]+\s(?:for|of)\sthe\s$")
_SHORT_RANK = re.compile(r"([A-Z][a-z]{1,4})\.\s(?=[A-Z])")
# A portfolio is a word or two ("Trade", "Foreign Affairs"); three capitalised words
# before "and" are as often a portfolio and a name ("Secretary of State Marco Rubio and
# Special Envoy Steve Witkoff": two people).
_PORTFOLIO = r"[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)?"
# "Minister for Foreign Affairs and Trade Winston Peters", "Minister for Business, Trade,
# Mineral Resources, Justice and Gender Equality Naaja H. Nathanielsen": a title's
# portfolios may be listed before the one that runs into the name.
_TITLE_FOR = re.compile(
    rf"(?<![\w'’])(?P<title>(?:[A-Z][\w'’.\-]*\s){{1,4}})(?:for|of)\s(?:the\s)?"
    rf"(?P<portfolios>(?:{_PORTFOLIO},\s)*{_PORTFOLIO},?\sand\s)?$"
)


def _portfolios_only(portfolios: str, context: Sequence[str]) -> bool:
    """Whether a list before "and" names a title's portfolios ("Foreign Affairs and",
    "Mineral Resources, Justice and"), not a titled person before another ("Minister for
    Health Stephen Donnelly and", "Health, Finance Minister Roe and"): no title before
    another word of an item, and none of its words someone the article quotes or calls
    "Mr"."""
    items = re.split(r",\s|\sand\s", portfolios.strip().removesuffix(" and"))
    text = " ".join(context)
    return not any(
        any(word in _PERSON_TITLES for word in item.split()[:-1])
        or any(
            re.search(
                rf"(?:\b(?:Mr|Ms|Mrs|Dr)\.?\s{re.escape(word)}|\b{re.escape(word)}\s"
                r"(?:said|says|told))\b",
                text,
            )
            for word in item.split()
        )
        for item in items
    )


def _is_titled(full: str, surname: str) -> bool:
    """Whether a mention gives its person an office before the name ("NATO Deputy
    Secretary General Radmila Shekerinska"), not a name alone ("Jane Doe") nor a
    courtesy or academic title ("Dr. Anna Berg at the Karolinska Institute" works there)."""
    before = full[: full.rfind(surname)].split()
    return any(
        word.rstrip(".") in _PERSON_TITLES and word.rstrip(".") not in _COURTESY for word in before
    )


_COURTESY = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame"})


def speaks(name: str, context: Sequence[str]) -> bool:
    """Whether the article reports ``name`` speaking: "said Arthur Doe", "Arthur Doe, her
    husband, told ..."."""
    escaped = re.escape(name)
    pattern = (
        rf"\b(?!told){_SPOKE}\s(?:[\w.'’\-]+,?\s){{0,3}}{escaped}\b"  # "told X": the listener
        rf"|\b{escaped}(?:,[^,]{{3,80}},)?\s{_SPOKE}\b"
    )
    return any(re.search(pattern, sentence) for sentence in context)


def _title_case(sentence: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


_ROLE_SET_BEFORE = re.compile(
    r"(?:^|,\s|\s)(?P<role>the\s+(?:[A-Z][\w'’\-]*\s+){0,2}(?:Minister|Secretary|Governor|"
    r"Mayor|Chairman|Chairperson|Chair|President|Director|Commissioner|Ambassador|Speaker|"
    r"Attorney\s+General)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:and\s+)?"
    r"[A-Z][\w'’\-]*){0,4})?),\s+$"
)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss)\.?\s")
_BODY_PLURALS = frozenset({"Ministers", "Deputies", "Representatives", "Commons", "Lords"})
# The fields of an office opening its sentence or after a lower-case word: not a body's
# ("The United Nations and ...", "the Department of Economic Affairs and ...").
_FIELDS_AND = re.compile(
    r"(?:^|(?<=\s)(?!(?:of|the|for)\s)[a-z]+\s|['’]s\s|,\s)"
    r"(?P<fields>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\sand\s$"
)
_TITLE_CHAIN = re.compile(r"\b(?P<title>[A-Z][a-z]+)(?:\s+(?:of|the|[A-Z][\w'’\-]*)){1,5}\s+of\s+$")
# (One or two words: "Wang Yi", "Kim Jong Un".)
_GIVEN_NAME_AFTER = re.compile(r" ([A-Z][a-z]{1,12}(?: [A-Z][a-z]{1,12})?)(?![\w'’.\-])")
# A "role" that is the next person of a list ("Mette Frederiksen, the island's premier
# Jens-Frederik Nielsen and the Faroese leader ..."): a title in lower case, then a name.
_ANOTHER_PERSON = re.compile(
    r"\b(?:premier|leader|minister|president|chief|secretary|spokes(?:man|woman|person)|"
    r"ambassador|governor|mayor|chair(?:man|woman)?|director|envoy|commander|counterpart|"
    r"king|queen|prince|senator|general)\s+(?:[A-Z][\w'’\-.]*\s+){0,3}[A-Z][\w'’\-]+$"
)


# An apposition telling an occasion, not who someone is: "Mette Frederiksen, the first
# visit to Greenland by a Canadian head of government" (the sentence's event, after the
# last name of a list).
_AN_OCCASION = re.compile(
    r",\s(?:a|an|the)\s(?:(?:first|second|third|last|latest|final|only|rare|historic|"
    r"surprise|brief|two-day|three-day|official|state)\s)*(?:visit|trip|tour|time|day|week|"
    r"meeting|event|occasion|move|step|decision|ceremony|summit|signing)s?"
    r"\s(?:to|of|by|for|since|in|at|on|after|before)\b"
)


def _names_another(role: str) -> bool:
    """Whether ``role`` is the next person of a list, not a role: a title and a name,
    with no "to", "of" or "for" that makes the name part of the role ("chief of staff
    to Labour leader Keir Starmer")."""
    found = _ANOTHER_PERSON.search(role)
    return found is not None and not _ROLE_PREPOSITION.search(role, 0, found.start())


_ROLE_PREPOSITION = re.compile(r"\b(?:to|of|for|with|at|under|from|by)\b")


def _role_whole(role: str, tail: str) -> str:
    """``role`` with what goes on after the comma it stopped at, when that is part of
    it: a place's state or country ("in Greenbelt" + ", Maryland" or ", Md."). A name
    set beside a relative in the role ("brother of the heir to the throne" + ",
    Charles") leaves it reading garbled: "" (the name alone is said). Anything else
    after the comma leaves the role as it was cut ("a professor at the University of
    California" before ", Berkeley")."""
    after = _CUT_AT_COMMA.match(tail)
    if not after or after["run"] in WEEKDAYS or after["run"] in MONTHS:
        return role  # "Jane Doe, a lawyer, Tuesday said": the time, not the role's
    run = after["run"]
    if (run in PLACES or run in _STATE_ABBREVIATIONS) and len(role) + len(after[0]) <= (
        _MAX_ROLE_CHARS
    ):
        return role + after[0]
    return "" if _OF_A_RELATIVE.search(role) else role


# AP's abbreviations of US states, as datelines and roles write them ("Greenbelt, Md.").
_STATE_ABBREVIATIONS = frozenset(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass.
    Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa.
    R.I. S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.""".split()  # noqa: SIM905
)
# A role that names a relative of someone the next comma names: "brother of the heir".
_OF_A_RELATIVE = re.compile(
    r"\b(?:brother|sister|son|daughter|wife|husband|widow|mother|father|cousin|uncle|aunt|"
    r"nephew|niece|grandson|granddaughter)\s+of\b"
)


# A capitalised run between a role's comma and the next comma (or "said", or the end).
# One with a role of its own is the next person of a list ("Jane Doe, a lawyer, Bob
# Roe, a teacher"), and the first role is whole.
_CUT_AT_COMMA = re.compile(
    r",\s(?P<run>(?:[A-Z][\w'’.\-]*\s){0,2}[A-Z][\w'’.\-]*)"
    r"(?=,(?!\s(?:an?|the)\s)|\s(?:said|says|told)\b|\.?$)"
)
# A role longer than this (with its place) is a sentence's aside, not a label.
_MAX_ROLE_CHARS = 90


def _person_role(role: str) -> str:
    """``role`` (", co-director of the school") if its head names a person, else ""."""
    words = re.split(r"\s(?:of|at|for|with|in)\s", role.strip(" ,."))[0].split()
    if not words or words[0] in ("who", "whose", "which", "his", "her", "their", "its"):
        return ""
    if re.fullmatch(_SPOKE + r"|asked|according", words[0]):
        # "Jane Doe, told the court": the report's verb, not a role (its object, "the
        # court", looks like a body).
        return ""
    if words[0] == "one" or _is_a_person(" ".join(words)):
        return role.rstrip(" .")
    return ""


# A title that a country ends: "Russian Ambassador to ", "the UN's Envoy to ".
_ENVOY_TO = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?)\s)?(?P<title>(?:[A-Z][\w'’.\-]*\s|special\s|deputy\s|former\s|acting\s|outgoing\s){0,3}"
    r"(?P<office>Ambassador|Envoy|ambassador|envoy))\sto\s(?:the\s)?$"
)


def _after_preposition(sentence: str, start: int) -> bool:
    before = sentence[:start].split()
    return bool(before) and before[-1] in _PREPOSITIONS


def _is_a_name_alone(opener: str, rest: str, context: Sequence[str]) -> bool:
    """Whether ``opener``, before a person's given name and surname (``rest``), is a name
    of its own that the article writes alone, twice or more ("Ukraine" of "aid to
    Ukraine"). Before a title it qualifies the title ("with Apple CEO Tim Cook"), and a
    person's given name is not written alone before they are introduced whole."""
    given = rest.split()[0]
    if len(rest.split()) > 2 or opener in _TITLES or given in _TITLES or given.isupper():
        return False
    common = re.search(rf"\b{re.escape(opener.lower())}\b", " ".join(context))
    if len(rest.split()) == 1 and not (common or _PLURAL_OPENING.match(opener)):
        # "Inspector-General of Police Khalid": "Police", a common noun, ends the title;
        # "at Neiman Marcus" is one name.
        return False
    alone = re.findall(rf"(?<![\w'’]){re.escape(opener)}(?![\w'’]|\s[A-Z])", " ".join(context))
    return len(alone) >= 2


def _introduced(name: str, context: Sequence[str]) -> str:
    """A person the article names by one name only, with the description that introduces
    them: "A witness, Bo, who did not give his last name" -> "Bo, a witness"; "Huang's
    brother, Will, told ..." -> "Will, Huang's brother". "" if the article gives none."""
    word = re.escape(name)
    for sentence in context:
        before = re.search(rf"{_DESCRIPTION},\s{word},", sentence)
        after = re.search(
            rf"(?<![\w'’]){word},\s(?P<description>(?:an?|the)\s[^,.;:\"“”]{{3,60}}),", sentence
        )
        found = before or after
        if found and _is_a_person(found.group("description")):
            description = found.group("description")
            if after and found is after:
                description = _role_whole(description, sentence[after.end() - 1 :])
                if not description:
                    continue
            if re.match(r"(?:A|An|The)\s", description):
                description = description[0].lower() + description[1:]
            return f"{name}, {description}"
    return ""


def is_person_word(word: str) -> bool:
    """Whether the lower-case ``word`` may name a person or people ("driver", "son",
    "officials"), as a speaker's head would; errs toward yes ("-er" words)."""
    return bool(
        (_AGENT_HEAD.match(word) or _PERSON_HEAD.match(word)) and not _THING_HEAD.match(word)
    )


def _is_a_person(description: str) -> bool:
    head = description.split()[-1]
    if _THING_HEAD.match(head) or re.search(r"\b(?:who|which|that|whose)\b", description):
        return False
    return bool(_AGENT_HEAD.match(head) or _PERSON_HEAD.match(head))


def _mostly_alone(name: str, context: Sequence[str]) -> bool:
    """Whether the article writes ``name`` alone more than twice as often as followed by
    another capitalised word. A given name or a family name written first ("Geng" of
    "Geng Shuang", "Isaiah" of "Isaiah Silva") is introduced whole and then used alone
    a time or two; a company or a country ("Apple", "Israel") stands alone throughout,
    and what follows it once is another thing ("Apple TV", "Israel Radio")."""
    text = " ".join(context)
    alone = len(re.findall(rf"(?<![\w'’]){name}(?!\w|\s[A-Z])", text))
    followed = len(re.findall(rf"(?<![\w'’]){name}\s[A-Z]", text))
    return alone > 2 * followed


def _resolve_role(who: str, context: Sequence[str]) -> str:
    """ "The minister" -> "France's agriculture minister", as the article first says it."""
    role = who.split(maxsplit=1)[1]
    head = role.split()[-1]
    for sentence in context:
        # At most six words own the role ("The European Union's"): unbounded, a page's
        # long run of capitalised words took this search seconds per sentence.
        match = re.search(
            rf"(?<![\w'’.\-])((?:[A-Z][\w.\-]*+(?:\s[A-Z][\w.\-]*+){{0,5}}['’]s\s)"
            rf"(?:[a-z][\w\-]*\s){{0,3}}{re.escape(head)})\b",
            sentence,
        )
        # "Obama's first year as president", "Today's decision is the group": a clause or
        # a time, not a title; the role stays unnamed rather than take the wrong name.
        if (
            match
            and not _ROLE_FILLER.search(match.group(1))
            and not _TIME_OWNER.match(match.group(1))
        ):
            return match.group(1)
    titled = _titled_person(role, context)
    if titled:
        return titled
    # An institution named only by its role ("The ministry", "The group": which of the
    # story's groups?) is not a named speaker.
    unnamed = ("minister", "ministry", "spokesman", "spokeswoman", "official", "group")
    if head in unnamed:
        return ""
    if met := _met_as_one(role, context):
        return met
    # "The actor" where the article names someone so ("actor Anthony Rapp") may be that
    # one or another (the actor speaking was Jon Bernthal): unnamed rather than the
    # wrong person, as a reader would take it.
    if speaker_kind(who) == "person" and _described_as(head, context):
        return ""
    return who


def _met_as_one(role: str, context: Sequence[str]) -> str:
    """ "A French diplomat" for the role "diplomat" (or "Israeli official" for "An
    Israeli official") when the article opens a sentence so once and no other way: a
    bullet read alone does not know which diplomat "the" is; "" otherwise."""
    words = role.split()
    # Its qualifiers only ("A senior French diplomat"), not another noun's phrase ("A
    # car carrying the diplomat", "A lawyer for the witness"), and the role the subject.
    qualifier = (
        r"(?!(?:of|for|to|the|with|and|by|from|near|at|in|on|second|third|fourth|another|"
        r"other|one|two|three|first|last|new)\b)(?![\w\-]+ing\b)[\w\-]+\s"
    )
    before = rf"(?:{qualifier}){{0,3}}?" if len(words) == 1 else rf"(?:{qualifier}){{0,2}}?"
    pattern = re.compile(
        rf"(?:^|(?<=[.;:]\s))(An?\s{before}{re.escape(role)})\b(?=,|\s+(?:who|said|says|"
        r"told|added|warned|argued|insisted|speaking|familiar|close)\b)"
    )
    met = {m.group(1) for sentence in context for m in pattern.finditer(sentence)}
    return met.pop() if len(met) == 1 else ""


def _described_as(head: str, context: Sequence[str]) -> set[str]:
    """The full names ``context`` gives the role ``head`` in lower case: "actor Jon
    Bernthal", "Jon Bernthal, an actor"."""
    name = r"((?:[A-Z][a-z]+\s+){1,2}[A-Z][\w'’\-]*[a-z])"
    before = re.compile(rf"\b{re.escape(head)}\s+{name}\b(?!\s+[A-Z])")
    after = re.compile(
        rf"(?<![\w.’'-]){name},\s+(?:an?|the)\s+(?:[a-z\-]+\s+){{0,3}}{re.escape(head)}\b"
    )
    return {
        m.group(1) for sentence in context for p in (before, after) for m in p.finditer(sentence)
    }


_POSSESSIVE_END = re.compile(r"['’]s$")
# Words before a title that make it another office ("Vice President", "Prime Minister",
# "Attorney General", "Majority Leader"); "District Judge" is still a judge.
_OTHER_TITLE = frozenset(
    """vice deputy acting interim former ex co assistant associate lieutenant prime
    attorney solicitor surgeon major brigadier inspector majority minority""".split()  # noqa: SIM905
)


def _titled_person(role: str, context: Sequence[str], *, sole: bool = False) -> str:
    """ "president" -> "President Dana Whitlock" when that is the one person the article
    gives the title, or the one it gives it ``_DOMINANT`` times as often as any other
    ("President Dana Whitlock met President Ivo Marin": which one?)."""
    title = " ".join(word.capitalize() for word in role.split())
    # Only a title that goes before names ("Judge", "Prime Minister"), never a job
    # ("actor"), and never in a headline's Title Case ("Actor Made Sexual Advances").
    if not title or title.split()[-1] not in _PERSON_TITLES:
        return ""
    forms = "|".join(re.escape(form) for form in (title, *_ABBREVIATED.get(title, ())))
    people: list[list[tuple[str, ...]]] = []  # per person, the names it is written with
    chief: set[tuple[str, ...]] = set()  # names written after "Chief Justice", not "Justice"
    # The portfolio the article writes before the title ("Foreign Minister Fadi Nassar"):
    # "Minister Fadi Nassar" alone says less than the article did.
    portfolio: dict[tuple[str, ...], str] = {}
    for sentence in context:
        if _headline_case(sentence):
            continue
        # A country's title may name it before the holder: "Prime Minister of Armenia
        # Nikol Pashinyan", "President of the Republic of Türkiye Recep Tayyip Erdoğan".
        # Only a nation's title: "Governor of Georgia Brian Kemp" is no Georgian's.
        of_country = (
            rf"(?:\sof\s(?:the\s)?(?:Republic\sof\s)?(?P<country>{_COUNTRY_NAMES}))?"
            if title.split()[-1] in _NATIONAL_TITLES
            else r"(?P<country>(?!))?"
        )
        found = (
            rf"(?<![\w.])(?P<chief>Chief\s)?(?:{forms}){of_country}"
            rf"(?P<name>(?:\s{_NAME_WORD}){{1,5}})"
        )
        for match in re.finditer(found, sentence):
            name = _name_after_title(match.group("name").split())
            if name and match.group("chief"):
                chief.add(name)
            before = _PORTFOLIO_BEFORE.search(sentence[: match.start()])
            if name and before and before.group(1) not in _NOT_PORTFOLIOS:
                portfolio.setdefault(name, before.group(1))
            elif name and (country := match.group("country")):
                forms_of = DEMONYMS.get(country) or DEMONYMS.get(
                    next(iter(countries_named(country)), "")
                )
                portfolio.setdefault(name, forms_of[0] if forms_of else f"{country}'s")
            if name and not _another_title(sentence[: match.start()]):
                same = next((p for p in people if any(_one_person(name, n) for n in p)), None)
                if same is None:
                    people.append([name])
                else:
                    same.append(name)
    people.sort(key=len, reverse=True)
    # One person, or one the article is about: "President Donald Trump" seven times
    # against "President Barack Obama" once.
    # (``sole``: the one person so titled, however often another is: a home paper's
    # "The Prime Minister" is its own, though the visitor is named more.)
    if not people or (len(people) > 1 and (sole or len(people[0]) < _DOMINANT * len(people[1]))):
        return ""
    fullest = max(people[0], key=lambda name: len(name))  # "Xi Jinping", not "Xi"
    rank = "Chief " if chief.intersection(people[0]) and not title.startswith("Chief") else ""
    field = next((portfolio[name] for name in people[0] if name in portfolio), "")
    if field and not rank:
        rank = f"{field} "
    return f"{rank}{title} {' '.join(fullest)}"


# Countries as a title names them after "of", longest first ("Republic of Türkiye").
_NOT_NATIONS = frozenset(
    CONTINENTS
    | {"Gaza", "West Bank", "Kurdistan", "Catalonia"}
    | {"Crimea", "Chechnya", "Kashmir", "Tibet", "Northern Ireland", "Ontario", "Quebec"}
)
_COUNTRY_NAMES = "|".join(
    re.escape(name)
    for name in sorted(
        {
            *(n for n in DEMONYMS if n not in _NOT_NATIONS),
            # Countries of more words, as titles write them after "of".
            "United States", "United Kingdom", "South Africa", "New Zealand",
            "Saudi Arabia", "United Arab Emirates", "South Korea", "North Korea",
            "Sri Lanka", "Republic of Korea", "Czech Republic", "Papua New Guinea",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
_NATIONAL_TITLES = frozenset({"President", "Minister", "Chancellor", "Premier", "King", "Queen"})
# One capitalised word right before a title: its portfolio ("Foreign", "Health").
# One word, or two whose second is a portfolio's ("External Affairs Minister", "Public
# Security Minister"; not "Sri Lankan Foreign Minister").
_PORTFOLIO_BEFORE = re.compile(
    r"(?:^|[\s(])((?:[A-Z][a-z]{3,}\s(?=(?:Affairs|Security|Works|Administration)\s$))?"
    r"[A-Z][a-z]{3,})\s$"
)
_NOT_PORTFOLIOS = frozenset(
    {"The", "This", "That", "Then", "When", "While", "After", "Before", "Former", "Acting"}
    | {"Yesterday", "Today", "Tonight", "Earlier", "Also", "However", "Meanwhile", "Instead"}
    | {"Outgoing", "Incoming", "Then-", "Both", "Only", "Even", "Said", "Says", "With"}
    | set(WEEKDAYS)
    | set(MONTHS)
)


# A word of a name after a title: capitalised, an initial ("W."), or a particle between
# two such words ("Ursula von der Leyen", "Mohammed bin Salman", "Lula da Silva").
_PARTICLES = r"(?:von|van|der|den|de|da|di|du|la|le|bin|ibn|al|el|dos|das|del)"
_NAME_WORD = rf"(?:{_PARTICLES}\s)*[A-Z][\w.'’\-]*"
# Titles written short before a name ("Sen. Ted Cruz"), printed in full.
_ABBREVIATED = {
    "Senator": ("Sen.",),
    "Governor": ("Gov.",),
    "General": ("Gen.",),
    "Representative": ("Rep.",),
    "Professor": ("Prof.",),
    "Inspector": ("Insp.",),
}


def _name_after_title(words: list[str]) -> tuple[str, ...]:
    """The person's name in the words after a title, or () when they name something
    else ("General Motors", "Director General of", "Justice Department"). A day or month
    after the name ("President Whitlock Tuesday signed") is not part of it; a possessive
    or a mark after a word ends it; an initial keeps its full stop ("George W. Bush")."""
    name: list[str] = []
    for word in words:
        initial = re.fullmatch(r"[A-Z]\.", word) is not None
        plain = word if initial else _POSSESSIVE_END.sub("", word.rstrip(".,;:"))
        if plain in WEEKDAYS or plain in MONTHS:
            break
        if plain in _PERSON_TITLES or _BODY_WORD.match(plain) or _COMPANY_ENDING.match(plain):
            return ()
        name.append(plain)
        if plain != word:  # a possessive or punctuation ends the name
            break
    while name and (name[-1][:1].islower() or name[-1].endswith(".")):
        name.pop()  # "Ursula von" cut at a sentence's end; a trailing initial
    return tuple(name) if name and not (len(name) == 1 and len(name[0]) == 1) else ()


def _one_person(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names after one title are one person written two ways: the shorter
    begins or ends the longer ("Xi" / "Xi Jinping", "Trump" / "Donald Trump"), not two
    people with a given name in common ("John Smith" / "John Doe")."""
    short, long = sorted((one, other), key=len)
    return long[: len(short)] == short or long[len(long) - len(short) :] == short


def _another_title(before: str) -> bool:
    """Whether the words just before a title make it another office: "Vice-President",
    "Former Philippine President", "former President", "Prime Minister", "Attorney
    General", "Senate Majority Leader"; not "U.S. District Judge", "Russian President",
    "Foreign Minister" or "a former adviser to President"."""
    if before.endswith("-"):
        return True
    words = before.split()
    # The capitalised words that run up to the title, and the word before them.
    run = len(words)
    while run > 0 and words[run - 1][:1].isupper() and words[run - 1][-1:].isalnum():
        run -= 1
    return any(w.lower().split("-")[0] in _OTHER_TITLE for w in words[max(0, run - 1) :])


def _headline_case(sentence: str) -> bool:
    """A line in Title Case: every word capitalised but a few small ones (a sentence
    full of names, "Trump met Polish President Andrzej Duda.", has a verb in lower case;
    ``_title_case`` skips every word of three letters or fewer, so "met" does not count)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", sentence) if w.lower() not in _SMALL]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


_SMALL = frozenset("a an the of in to and or for on at by with from as vs".split())  # noqa: SIM905


def speaker_kind(who: str, *, plural: bool = False) -> str:
    """What ``who`` names, where the words tell: "group" (a plural speaker), "body" (an
    organisation: "The company", "WOGX", "The Chronicle", "Vermont State Police"),
    "person" (a title, a role or a person's description: "Ms. Shourd", "Jane Doe, a
    professor", "The lawmaker"); "" when a bare name could be either ("Jane Doe",
    "Neiman Marcus")."""
    if plural:
        return "group"
    name = re.split(r",\s", who)[0].strip()
    head_phrase = re.split(r"\s(?:of|for|at|from|with|in|on|to|by)\s", name)[0]
    words = [w.rstrip(".") for w in head_phrase.split()]
    if not words:
        return ""
    head = re.sub(r"['’]s?$", "", words[-1])
    if _BODY_WORD.match(head) or re.fullmatch(r"[A-Z]{2,6}", head):
        return "body"
    if (
        re.match(r"The\s[A-Z]", name)
        and head[:1].isupper()
        and not any(w in _TITLES for w in words)
    ):
        return "body"  # "The Chronicle", "The New York Times"; not "The party's leader"
    if any(w in _PERSON_TITLES or _PERSON_ROLE.match(w) for w in words[:-1]):
        return "person"  # "Maj. Glenn Hall", "Foreign Ministry spokesman Ramin Mehmanparast"
    if _PERSON_ROLE.match(head) or _PERSON_HEAD.match(head) or head in ("leader", "chief", "head"):
        return "person"
    if "," in who:
        role = re.split(r"\s(?:of|for|at|from|with|in|on|to|by)\s", who.split(",", 1)[1])[0]
        role_head = role.split()[-1] if role.split() else ""
        if (_AGENT_HEAD.match(role_head) or _PERSON_HEAD.match(role_head)) and not (
            _BODY_WORD.match(role_head) or _THING_HEAD.match(role_head)
        ):
            return "person"  # "Jane Doe, a weapons expert at the institute"
    return ""
