"""Speakers: whether a phrase names a person, government or organisation, and who.

:func:`recognise_speaker` cleans the phrase a reporting pattern matched before the verb
("Ditching decorum, Trump" -> "Trump", "Its spokesman on Monday" -> "Spokesman") and
keeps it only if it is an agent: a person, government or organisation, named or
described, never a pronoun, a vague "officials", a document, a decision or a date.
It refuses rather than mislabels: a sentence adverb ("Unfortunately, they"), a participle
("Quoted by the Straits Times", "attended UMass Boston", "A study published by"), a verb
and its object ("a neighbor shot his neighbors"), a clause ending in its predicate, a
place's end ("Virginia, police") or half a name cut at its comma ("Climatology and
Geophysics Agency") give no speaker; "Bernthal of finally working with ..." is
"Bernthal"; a role is kept when its head, before "of" or "at", names a person
("associate professor of physics at ...") and an aside ("about an hour later", "appearing
thin", "which ...") is not. :func:`speaker_key` tells when two phrases name the same
speaker.

``naming.py`` names a speaker in full; ``attribution.py`` finds the statements;
``perspectives.py`` chooses and groups them.
"""

from __future__ import annotations

import re

from digest.places import PLACES, countries_named
from digest.text import MONTH_PATTERN, TITLE_WORDS, WEEKDAY_PATTERN, fold_accents

__all__ = [
    "FIELD_WORD",
    "is_common_plural",
    "is_group_label",
    "is_plural_speaker",
    "is_speaker",
    "recognise_speaker",
    "same_speaker",
    "speaker_key",
]

_PRONOUN = re.compile(
    r"^(?:he|she|they|it|we|i|you|this|that|these|those|there|who|which|what|his|her|"
    r"their|its|one|some|many|others|anyone|someone|everyone|nobody|our|my)\b",
    re.IGNORECASE,
)
# A quantity before a group's described members: "some Belgian officials".
_QUANTIFIED = re.compile(r"^(?:some|many|most|several|other)\s+(?=\S+\s+\S)", re.IGNORECASE)
# A speaker that is a single vague word ("officials", "an insider") says nothing useful.
_VAGUE = re.compile(
    r"^(?:an?\s+|the\s+|some\s+|many\s+|most\s+|other\s+)?(?:officials?|sources?|insiders?|"
    r"people|experts?|analysts?|observers?|reports?|witness(?:es)?|residents?|spokes(?:man|"
    r"woman|person)|critics?|supporters?|others)$",
    re.IGNORECASE,
)
# Words a speaker's name never contains; finding one means the match ran over a clause.
_NOT_IN_SPEAKER = re.compile(
    r"\b(?:that|which|when|if|because|is|are|was|were|be|been|would|will|can|could|should|"
    r"must|do|did|does|not|to|you|we|I|after|before|while|whether|has|have|had|as|"
    r"although|though|\w+n['’]t)\b"
)
# Intro phrases before the speaker, cut at their comma: "Ditching decorum, Trump said".
_INTRO = re.compile(
    r"^(?:(?:As|When|While|After|Before|Although|Though|If|Since|Because|Once|Until|In|On|"
    r"At|During|Speaking|Asked|Meanwhile|However|But|And|Still|Yet|Later|Earlier|Now|Then|"
    r"Separately|Instead|Previously|Also|Indeed|Today|Yesterday|Tomorrow|Tonight|For|With|"
    r"Afterwards?|So|Well|Oh|Look|Actually|Basically|Anyway|"
    r"Without|Despite|"
    r"Under|Over|From|By|To)\b|[A-Z]?[a-z]+(?:ing|ed)\b|[a-z]|"
    # A sentence adverb ("Unfortunately, they said"); "Sally" or "Kelly" has no suffix before
    # its "ly".
    r"[A-Z][a-z]{2,}(?:al|ate|ent|ant|ous|ing|ed|ib|ab|ic|ful|less|ive|ar)ly$)"
)
# A name's gloss after it: "known by its French initials CEP", "also known as the
# Kremlin's cook", "formerly Twitter".
_GLOSS = re.compile(
    r"(?:also\s+)?(?:known|referred\s+to|abbreviated)\s+(?:as|by)\b|formerly\b|"
    r"(?:previously\s+)?called\b"
)
# Forms of address before a name: "H.E.", "His Excellency", "The Hon.", "Rt Hon".
_ADDRESS = re.compile(
    r"^(?:H\.\s?E\.|(?:His|Her)\s+Excellency|(?:The\s+)?(?:Rt\.?\s+Hon\b\.?|(?:Right\s+)?"
    r"(?:Hon\.|Honourable|Honorable)))\s+(?=[A-Z])"
)
# Whose figures a claim is "according to": "preliminary figures from the council", "a
# report by Amnesty International", "data released by the ministry".
_FIGURES_FROM = re.compile(
    r"(?:the\s+|an?\s+)?(?:(?:latest|preliminary|official|new|early|final|provisional|"
    r"partial|unofficial)\s+)?(?:figures|data|results|estimates|statistics|numbers|count|"
    r"tally|tallies|report|survey)\s+(?:(?:released|published|compiled|issued)\s+)?"
    r"(?:from|by|of)\s+(?=(?:the\s+)?[A-Z])"
)
# An intro ending on where ("... at the Defense Ministry in Ichigaya"), before a place's
# wider place ("Tokyo", "New South Wales").
# Places that are people's first names as often ("Speaking in Brussels, Jordan, the
# union's negotiator, said").
_ALSO_FIRST_NAMES = frozenset(
    {"Jordan", "Georgia", "Israel", "Victoria", "Chad", "Florence", "Austin", "Sydney",
     "Adelaide", "Charlotte", "Chelsea", "Virginia", "Carolina", "Eugene", "Orlando"}
)  # fmt: skip
_PLACE_NAME = re.compile(r"[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*){0,2}")
_INTRO_ENDS_IN_A_PLACE = re.compile(r"\b(?:in|at|near|outside|from)\s+(?:[A-Z][\w'’\-]*\s?)+$")
# A name with its role: "Dylan Nelson, a postdoctoral fellow at the Max Planck Institute
# for Astrophysics in Munich, Germany" is 15 words; a clause read as a speaker runs longer.
_MAX_SPEAKER_WORDS = 18
_POSSESSIVE_LEAD = re.compile(r"^(?:Its|Their|His|Her)\s+[a-z]")
_NAME_IN = re.compile(r"\b[A-Z][a-z]")
_PAST_TIME = re.compile(
    rf"^(?:In|By|Until|Since)\s+(?:\d{{4}}|{MONTH_PATTERN})\b|^(?:Years|Decades) ago\b"
)
_LEADING_TIME = re.compile(
    rf"^(?:(?:on\s+)?(?:{WEEKDAY_PATTERN}|Today|Yesterday|Tonight|Earlier|Later|Now|Then|Also)"
    rf"(?:\s+(?:morning|afternoon|evening|night))?,?\s+)+"
)
_DAY_DATED = re.compile(rf"\b({WEEKDAY_PATTERN})\s*\([^()]{{1,20}}\)")
_SPEAKER_TAIL = re.compile(
    r"(?:,?\s+(?:on|last|this|late|early|earlier|later|also|again|in a statement|today|"
    r"however|though|too|meanwhile|instead|"
    rf"yesterday|{WEEKDAY_PATTERN})"
    # "on Monday" is "on", then "Monday" from the list above; a day's name or "today"
    # here as well could match two ways, exponential in a run of them.
    r"(?:\s+(?:week|month|year|night|morning|evening|afternoon|day))?)+$"
)
# Heads of a speaker phrase that are people or organisations, when not a proper name.
_AGENT_HEAD = re.compile(
    r"^(?:[\w\-]*(?:er|or|ist|ian|ant|ent|man|men|woman|women|person|people)s?|"
    r"officials?|ministry|ministries|minister|secretary|government|governments|police|"
    r"authorities|authority|agency|agencies|bureau|office|department|party|parties|group|"
    r"groups|company|companies|firm|firms|bank|banks|union|unions|council|commission|"
    r"committee|board|administration|army|military|navy|court|courts|team|campaign|"
    r"critics|supporters|opponents|activists|campaigners|protesters|doctors|scientists|"
    r"experts?|economists?|analysts?|diplomats?|lawmakers?|legislators?|senators?|"
    r"presidents?|premier|chief|head|leaders?|envoy|ambassador|spokes\w+|aides?|allies|"
    r"ally|adviser|advisers|advisor|staff|family|families|residents|victims|voters|"
    r"media|state media|organisers|organizers|coalition|alliance|regime|cabinet|"
    r"parliament|congress|senate|assembly|judge|judges|prosecutors?|lawyers?|attorneys?|"
    r"investigators|regulators?|operator|owners?|unionists|farmers|workers|students|"
    r"citizens|locals|officers|troops|rebels|militants|clerics?|bishop|pope|king|queen|"
    r"prince|mayor|governor|chancellor|ministers|members?|representatives?|delegates?|"
    r"organi[sz]ations?|associations?|federations?|countries|country|states|nations|"
    r"lobby|lobbies|industry|businesses|charity|charities|NGOs|institute|university)$",
    re.IGNORECASE,
)
# Capitalised heads that are documents, places in time or parts of a text.
_NOT_AGENT = re.compile(
    r"^(?:Article|Section|Chapter|Clause|Paragraph|Act|Bill|Law|Treaty|Report|Study|"
    r"Survey|Poll|Data|Figures|Statement|Decision|Text|Document|Letter|Records?|Video|"
    r"Footage|Map|Website|Page|Post|Tweet|Filing|Complaint|Lawsuit|Memo|Ruling|Order|"
    r"Plan|Deal|Agreement|Proposal|Constitution|Statistics|Findings|Results|Research|"
    r"Analysis|Paper|Book|List|"
    # Days, singular or plural ("Tuesdays, Thursdays and Saturdays, the ministry said":
    # a list that ends the claim, not the speaker).
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?|"
    r"January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Today|Yesterday|Tomorrow|Tonight)$"
)
# Lower-case heads that end like a person's ("statement" like "president", "numbers" like
# "farmers") but are things.
_THING_HEAD = re.compile(
    r"^(?:statements?|documents?|agreements?|arguments?|comments?|announcements?|"
    r"assessments?|judgments?|judgements?|payments?|settlements?|treatments?|"
    r"developments?|experiments?|elements?|moments?|governments?_|numbers?|papers?|"
    r"letters?|orders?|matters?|chapters?|registers?|parameters?|computers?|meters?|lists?|"
    r"percent|per cent)$"
)
_SUBORDINATE_START = re.compile(
    r"^(?:When|As|While|If|After|Before|Because|Although|Though|Since|Until|Once|Unless|"
    r"Whether|Where|"
    # A preposition: "At United", the place of the speaker, not the speaker.
    r"At|In|On|From|By|With|Without|Under|Over|Into|Through|Across|Among|Amid)\s"
)
_PLURAL_LEAD = re.compile(r"^(?:Critics|Supporters|Opponents)\b")
# A modal or an -ly adverb, then a lower-case word: a clause ("Will board", "Allegedly
# sent"); a name goes on with a capital ("Will Smith", "Kelly Jones").
_VERB_OR_ADVERB_START = re.compile(
    r"^(?:Will|Would|Can|Could|Should|May|Might|Must|Shall|[A-Z][a-z]+ly)\s+[a-z]"
)
# Plural common nouns that open a speaker phrase with a capital only because they open
# the sentence ("Officials in Gaza said", "Scientists say"). A closed list: a surname
# can end like a plural ("Sanders", "Waters") and takes "says".
_PLURAL_OPENING = re.compile(
    r"^(?:Officials|Authorities|Critics|Supporters|Opponents|Scientists|Researchers|"
    r"Astronomers|Experts|Economists|Analysts|Diplomats|Lawmakers|Legislators|Senators|"
    r"Leaders|Aides|Allies|Advisers|Advisors|Residents|Witnesses|Victims|Voters|Organisers|"
    r"Organizers|Judges|Prosecutors|Lawyers|Attorneys|Investigators|Regulators|Owners|"
    r"Farmers|Workers|Students|Parents|Teachers|Doctors|Nurses|Paramedics|Firefighters|"
    r"Rescuers|Citizens|Locals|Officers|Troops|Soldiers|Rebels|Militants|Activists|"
    r"Campaigners|Protesters|Members|Representatives|Delegates|Ministers|Historians|"
    r"Scholars|Engineers|Employees|Executives|Shareholders|Investors|Traders|Fans|"
    r"Relatives|Neighbours|Neighbors|Survivors|Medics|Staffers|People|Police|Onlookers|"
    r"Observers|Sources|Insiders|Donors|Passengers|Pilots|Crews|Guards|Inspectors|"
    r"Negotiators|Detectives|Deputies|Agents|Troopers|Marshals|Physicians|Surgeons|"
    r"Families|Forecasters|Spokespeople|Appropriators|Mediators|Envoys|Monitors|Auditors|"
    r"Planners|Strategists|Commanders|Generals|Governors|Mayors|Councillors|"
    r"Councilors|Unions|Teams|Operators|Volunteers)$"
)
# People named by what they do, plural only alone: after a name they are one body's
# ("Blue Diamond Growers", "Pacific Coast Producers").
_PLURAL_ALONE = re.compile(
    r"^(?:Shopkeepers|Merchants|Vendors|Retailers|Businesses|Villagers|Drivers|Pilgrims|"
    r"Migrants|Refugees|Evacuees|Tenants|Landlords|Customers|Consumers|Users|Patients|"
    r"Mourners|Worshippers|Demonstrators|Strikers|Miners|Fishermen|Herders|Growers|"
    r"Producers|Exporters|Importers|Lenders)$"
)
# Plural proper nouns: parties, peoples, movements ("Senate Democrats", "Palestinians").
# Endings no common surname has ("Evans", "Sanders" and "Waters" take "says").
_PLURAL_NAME = re.compile(
    r"^(?:[A-Z][a-z]+(?:ians|icans|ists|ites|ocrats)|Tories|Greens|Conservatives|Liberals|"
    r"Israelis|Iraqis|Pakistanis|Saudis|Yemenis|Houthis|Emiratis|Somalis|Kuwaitis|Qataris|"
    r"Omanis|Bahrainis|Bangladeshis|Nepalis|Azeris|Kurds|Europeans|Koreans|Chinese|"
    r"Japanese|Taliban)$"
)
# Singular names after "The" that end like a plural: papers, countries, bodies, events.
_SINGULAR_THE_NAMES = frozenset(
    """Times News Express Sports States Philippines Netherlands Bahamas Maldives Seychelles
    Comoros Emirates Islands Falklands Nations Institutes Olympics Games Awards Masters
    Headquarters Series Politics Economics""".split()  # noqa: SIM905
)
# A speaker cut at a title's full stop by the sentence splitter ("Democratic Sen.").
_BARE_TITLE = re.compile(r"^(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Dr|Mr|Mrs|Ms|Prof|St)$")
# Titles before a surname: "Mr. Herman" and "Jeff Herman" are one person.
_TITLES = frozenset(
    {
        *("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt"),
        *("President", "Minister", "Secretary", "Senator", "Governor", "Mayor", "Judge"),
        *("Justice", "Chief", "Director", "Chairman", "Ambassador", "Officer", "Detective"),
        *("Leader", "Speaker", "Attorney", "General", "Prince", "Princess", "King", "Queen"),
    }
)
# Titles that take "of" and a lower-case word: "Secretary of state", "head of security".
_ROLE_WORDS = _TITLES | {"Head", "Professor", "Chair", "Dean", "Commissioner", "Vice"}
# People by kin or acquaintance, whose heads do not end like a role's ("brother" does).
_PERSON_HEAD = re.compile(
    r"^(?:witness|friend|son|wife|husband|spouse|cousin|uncle|aunt|niece|nephew|grandson|"
    r"girl|boy|child|fiancée?|colleague|classmate|roommate|teen|guest|survivor|victim|"
    r"bystander|neighbou?r|customer|patient|passenger|resident|relative)$"
)
# The end of a clause read as a speaker: "The attack, and how it happened, is unnerving, said".
_ENDS_IN_PREDICATE = re.compile(
    r"(?<!\bwho\s)(?<!\bthat\s)\b(?:is|are|was|were|has|have|had)\s+\w+$|\bwhich$"
)
# A participle opening what is left of a speaker once its intro is gone ("..., and
# attended UMass Boston", "citing administration officials"): a clause, not a name.
_STARTS_AS_VERB = re.compile(r"^[a-z]+(?:ed|ing)\s")
# A participle and "by" ("Quoted by the Straits Times", "A study published by the
# university"): a document or a clause, never the speaker itself.
_PASSIVE_BY = re.compile(
    r"(?:^|\s)[A-Za-z][a-z]+ed\s+by\s|^[A-Z][a-z]+ing\s+(?!of\b|for\b|at\b)[a-z]"
)
# A verb and its object ("a neighbor shot his neighbors"); "A spokesman for his company"
# has a preposition there.
_VERB_WITH_OBJECT = re.compile(
    r"\b(?!(?:for|of|at|from|with|in|on|to|by|and|or)\s)[a-z]+\s+(?:his|her|their|its|my|our)\s"
)
# A verb and a count after it: "The strikes killed 12 people" is a clause, not a speaker
# (a name of people counted is written "12 residents", with no verb before it).
_VERB_WITH_COUNT = re.compile(
    r"\b[a-z]{3,}ed\s+(?:(?:at\s+least|more\s+than|about|nearly|some|over)\s+)?\d[\d,.]*"
    # (Not an ordinal: "the Russian-backed 2nd Army Corps".)
    r"(?![\d,.]|st\b|nd\b|rd\b|th\b)"
)
# "Indonesia's Meteorology, Climatology and Geophysics Agency": a comma inside a name.
_IN_A_NAME_LIST = re.compile(r"^[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)*\s(?:and|&)\s[A-Z]")
# A name, then "of" and a lower-case word that is no determiner: the topic, not the name.
_OF_TOPIC = re.compile(r"\b([A-Z][\w'’\-]+)\s+of\s+(?!(?:the|a|an|his|her|their|its)\b)[a-z][^,]*")
# Words that open an aside, not a role ("Okanogan County, about an hour later,
# officials", "Sigman, now a grandmother", "Sorkin, his father").
_NOT_A_ROLE_START = re.compile(
    r"(?:about|as|after|before|when|while|since|until|now|then|later|earlier|also|even|just|"
    r"still|only|once|nearly|almost|around|over|under|in|on|at|for|from|with|by|to|of|and|"
    r"or|but|so|not|where|his|her|their|its|our|my|your)\b"
)
# A singular role with no article, possessive or name ("Former news anchor", "Senior
# official"): how a headline or a caption writes its speaker, not a report. Groups and
# bodies that go without an article in prose ("Russian state media") are not hit.
_HEADLINE_ROLE = re.compile(
    r"(?!(?:The|A|An|This|That|One|Its|His|Her|Their|Our|Every|Each|No|Some|Any)\s)"
    r"[A-Z][a-z\-]+(?:\s[a-z][\w\-]*){1,3}"
    r"(?<!media)(?<!police)(?<!staff)(?<!personnel)(?<!military)(?<!intelligence)"
    r"(?<!security)(?<!government)(?<!management)(?<!leadership)(?<!s)"
)
_CONNECTIVE = re.compile(r"(?:but|and|or|yet|so|nor|then|also|still)", re.IGNORECASE)
# A conjunction left before the speaker ("But the board said"): not part of the name.
_LEADING_CONJUNCTION = re.compile(
    r"^(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]till|[Mm]eanwhile|[Hh]owever)\s+(?=\S)"
)


# A name that ends in an abbreviation ends in its stop, which a sentence's stop after it
# stands for: "the U.K.", "Acme Inc.", "John Doe Jr.".
_ENDS_IN_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.[A-Z]|\b(?:Inc|Corp|Ltd|Jr|Sr|Bros)|& Co)$")


def recognise_speaker(raw: str) -> str:
    """The speaker ``raw`` names, cleaned (see :func:`_clean_speaker`); "" if not an agent.

    "His office" or "Their lawyer" needs the sentence before it; without a name of its
    own ("Its chief executive, Jane Doe") it is no speaker here.
    """
    flat = " ".join(raw.split()).strip(" ,")
    if _ENDS_IN_PREDICATE.search(flat) or _STARTS_AS_VERB.match(
        _clean_speaker(raw, capitalise=False)
    ):
        return ""  # "The murder ... is unnerving", "attended UMass Boston": a clause
    who = _clean_speaker(raw)
    if re.search(r"\s(?:his|her|their|its)\s", who) and not _NAME_IN.search(who[1:]):
        return ""  # "A spokesman for his company": whose? The sentence before says.
    if _HEADLINE_ROLE.fullmatch(who):
        return ""  # "Former news anchor says ...": a headline's grammar, with no one named
    if _POSSESSIVE_LEAD.match(flat):
        if not _NAME_IN.search(who[1:]):
            return ""
        # "His father, SSP Jane Doe": the name says who; "father" needs the sentence before.
        named = re.fullmatch(r"[A-Z][a-z\- ]+, ([A-Z][^,]+)", who)
        who = named.group(1) if named else who
    return who if who and _is_agent(who) else ""


def _clean_speaker(raw: str, *, capitalise: bool = True) -> str:
    """The speaker as named: intro phrases, time words and "Its" removed, brackets as commas."""
    who = " ".join(raw.split()).strip(" ,").removesuffix(".")
    if _ENDS_IN_ABBREVIATION.search(who):
        who += "."  # the sentence's stop was also the name's: "the U.K.", "Acme Inc."
    if _BODY_OF_FIELDS.fullmatch(who):
        # "the Ministry of Land, Infrastructure, Transport and Tourism": one body.
        return who[:1].upper() + who[1:] if capitalise else who
    parts = who.split(", ")
    # "the Provisional Electoral Council, known by its French initials CEP": the name's
    # gloss, not the speaker.
    while len(parts) > 1 and _GLOSS.match(parts[-1]):
        parts = parts[:-1]
    # "H.E. Gen. Tea Seiha", "The Hon. Jane Doe": a form of address, not part of who.
    parts[0] = _ADDRESS.sub("", parts[0])
    # "preliminary figures from the Provisional Electoral Council": whose figures.
    if figures := _FIGURES_FROM.match(parts[0]):
        parts[0] = parts[0][figures.end() :]
    # "Ditching decorum and diplomacy, Trump" / "As the polls opened, some analysts": the
    # speaker starts after the intro's comma. An appositive ("Jane Doe, a farmer") stays.
    while len(parts) > 1 and _INTRO.match(parts[0]) and not _IN_A_NAME_LIST.match(parts[1]):
        if re.fullmatch(
            r"[a-z][\w\-]*(?:\s[a-z][\w\-]*)*(?:\s[A-Z][\w.\-]*)+", parts[0]
        ) and re.match(r"(?:an?|the)\s", parts[1]):
            break  # "study co-author Xing Xu, a paleontologist": a name and its role
        place = _INTRO_ENDS_IN_A_PLACE.search(parts[0])
        by_someone = _BY_SOMEONE.search(parts[0])
        parts = parts[1:]
        # "In a statement issued by the embassy's press secretary, Dickson Mwale,
        # Haimbe": the name after the intro is the one who issued it, not the speaker.
        # ("In a statement posted by the party, Lind, the party leader, said": the name
        # and its role are the speaker.)
        if (
            by_someone
            and len(parts) > 1
            and _NAME_ONLY.fullmatch(parts[0])
            and _NAMED_ONE.fullmatch(parts[1])
        ):
            parts = parts[1:]
        # "Speaking ... in Ichigaya, Tokyo, Rutte": the intro's place goes on into the
        # next part ("Tokyo"); a name's own role ("Rutte, the NATO chief") does not.
        if (
            place
            and len(parts) > 1
            and _PLACE_NAME.fullmatch(parts[0])
            and parts[0] not in _ALSO_FIRST_NAMES
            and (parts[0] in PLACES or countries_named(parts[0]))
            # Not a name that is a place too: "Speaking in Brussels, Jordan, the union's
            # negotiator" (Brussels is no part of Jordan).
            and (
                not (inner := countries_named(place.group(0)))
                or bool(inner & countries_named(parts[0]))
            )
        ):
            parts = parts[1:]
    # "Chengalpattu and Tiruvallur will stay shut on Tuesday as well, the district
    # collectors": a clause before the comma is the claim's end, not who speaks.
    clauses = [
        n
        for n, part in enumerate(parts[:-1])
        if _CLAUSE_PART.search(part) and not _RELATIVE_PART.match(part)
    ]
    # (Not "State Highway 35 is closed ..., and Waka Kotahi NZTA says it is unlikely to
    # reopen": a second clause, whose "it" is the first one's.)
    if clauses and not re.match(r"(?:and|but|while)\s", parts[clauses[-1] + 1]):
        parts = parts[clauses[-1] + 1 :]
    who = ", ".join(parts)
    who = _LEADING_TIME.sub("", who)
    # "on Thursday (Dec. 3)": the outlet's own date of the day goes with the day.
    who = _DAY_DATED.sub(r"\1", who)
    who = _SPEAKER_TAIL.sub("", who).strip(" ,")
    who = _LEADING_CONJUNCTION.sub("", who)
    who = re.sub(r"^(?:Its|Their|His|Her)\s+(?=[a-z])", "", who)
    # "Dylan Nelson, a fellow at the institute, and co-author of the study": the first
    # role names him; the second is a second appositive, not a second speaker.
    who = re.split(r",\s+and\s+(?=[a-z])", who, maxsplit=1)[0]
    # "Morbidelli, an expert in orbits who was not involved in either study": the role
    # says who he is; the relative clause is the article's aside.
    who = re.sub(r"(,\s+(?:an?|the)\s[^,]*?)\s+who\b.*$|,\s+(?:whos?e?|which)\b.*$", r"\1", who)
    who = re.sub(r"\s*\(((?:like|including|such as)\s[^()]{2,80})\)", r", \1,", who)
    # "said Bernthal of finally working alongside Spacey": what a name is "of", in lower
    # case, is the topic; "Lt. Jane Doe of the sheriff's office" and "Secretary of state
    # Jane Doe" keep theirs.
    # An age: the speaker's own right after the name ("Jane Doe, 45, a farmer" -> "Jane
    # Doe, a farmer"); later it is someone's in the role ("father of Jane Roe, 28, a
    # student"), where the role ends.
    who = re.sub(r"^([^,]+),\s\d{1,3},\s", r"\1, ", who)
    who = re.sub(r",\s\d{1,3}(?:,.*)?$", "", who)
    who = _OF_TOPIC.sub(lambda m: m.group(0) if m.group(1) in _ROLE_WORDS else m.group(1), who)
    who = who.strip(" ,")
    return who[:1].upper() + who[1:] if capitalise else who


# A body named by its fields: "the Ministry of Development, Industry, Trade and
# Services", "Vell's Ministry of Environment, Forest and Climate Change".
_FIELD_NAME = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
_BODY_OF_FIELDS = re.compile(
    r"(?:the\s+|[A-Z][\w’'.-]*(?:['’]s)?\s+)?(?:Ministry|Department|Office|Bureau|Agency|"
    r"Commission|Council|Institute|Centre|Center|Secretariat)\s+(?:of|for)\s+"
    rf"{_FIELD_NAME}(?:,\s+{_FIELD_NAME})+,?\s+and\s+{_FIELD_NAME}"
)
# A finite verb: "will stay shut", "were killed", "has been closed".
_CLAUSE_PART = re.compile(
    r"\b(?:will|would|shall|can|could|must|may|might)\s+(?:not\s+)?(?:be\s+|have\s+)?[a-z]{3,}"
    r"|\b(?:is|are|was|were|has|have|had)\s+(?:not\s+)?(?:been\s+)?[a-z]{3,}(?:ed|en)\b"
)
_RELATIVE_PART = re.compile(r"^(?:who|which|that|whose)\b")
# A name or a body named in capitals ("Haimbe", "the DSS"), not a role ("the party leader").
_NAME_ONLY = re.compile(r"[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,3}")
_NAMED_ONE = re.compile(rf"(?:[Tt]he\s+)?{_NAME_ONLY.pattern}")
# An intro ending on who did something: "In a statement issued by its press secretary".
_BY_SOMEONE = re.compile(r"\b(?:issued|signed|released|read|quoted|cited|posted)\s+by\s+[^,]+$")


def _is_agent(who: str) -> bool:
    """A person, government or organisation, named or described; not a clause or a thing."""
    if _CONNECTIVE.fullmatch(who):
        return False  # "..., but said the strike would continue": the subject is far back
    words = who.split()
    if not (0 < len(words) <= _MAX_SPEAKER_WORDS) or _PRONOUN.match(who) or _VAGUE.match(who):
        return False
    if _PAST_TIME.match(who) or _SUBORDINATE_START.match(who):
        return False  # "In 2023 the president": long ago; "When Jane Doe": a clause
    if _VERB_OR_ADVERB_START.match(who) or _PASSIVE_BY.search(who):
        return False  # "Will board in group 2", "Quoted by the Times": a clause, not a name
    name = re.split(r",\s+(?:a|an|the|who|like|including|such as)\b|,", who)[0].strip()
    for appositive in re.findall(r",\s+([^,]+)", who):
        # "Jane Doe, a farmer" / "Critics, like A" / "A spokesman, Geng Shuang": a comma
        # followed by anything else ("Tomorrow, you will") means the match ran over.
        # "Jack Buser, director for games at Google" and "Jane Doe, associate professor
        # of physics" are roles: their head, before "of" or "at", names a person.
        heads = re.split(r"\s(?:of|for|at|from|with|in|on|to|and)\s", appositive)[0].split()
        if not re.match(r"(?:(?:a|an|the|like|including|such|who)\b|[A-Z])", appositive) and (
            _NOT_A_ROLE_START.match(appositive)
            or not any(
                (_AGENT_HEAD.match(h) or _PERSON_HEAD.match(h)) and not _THING_HEAD.match(h)
                for h in heads
            )
        ):
            return False
    if (
        _NOT_IN_SPEAKER.search(name)
        or _VERB_WITH_OBJECT.search(name)
        or _VERB_WITH_COUNT.search(name)
    ):
        return False
    if re.fullmatch(r"[A-Z][\w\-]+,\s[a-z]+", who):
        return False  # "Alexandria, Virginia, police said": the place's end, then a bare noun
    head_phrase = re.split(r"\s(?:of|for|at|from|with|in|on|to|by)\s", name)[0]
    tokens = [re.sub(r"(?:['’]s?)?\.?$", "", t) for t in head_phrase.split()]
    head = tokens[-1] if tokens else ""
    if not head or any(c.isdigit() for c in head) or _NOT_AGENT.match(head):
        return False
    if _BARE_TITLE.match(head):
        return False  # "Democratic Sen": the name was cut off
    if head[0].isupper() or _LOWER_PARTICLE.match(head):
        return not _NOT_AGENT.match(head)  # "Mohammed al-Haddad"
    return bool(_AGENT_HEAD.match(head)) and not _THING_HEAD.match(head)


# An Arabic surname's article, written in lower case inside a name: "al-Haddad".
_LOWER_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|abu)-[A-Z]")


def is_speaker(who: str) -> bool:
    """Whether ``who`` names a person, government or organisation (for checking an issue).

    Group labels ("Critics, like A and B") count when their members do.
    """
    text = who.strip().rstrip(",")
    grouped = re.match(r"^(?:Critics|Supporters|Opponents), (?:like|including|such as) (.+)$", text)
    if grouped:
        members = re.split(r",\s|\s+and\s+", grouped.group(1))
        # "including some Belgian officials": a quantity of described members, as
        # "several European ministers" is ("some officials" alone stays too vague).
        described = (_QUANTIFIED.sub("", m.strip()) for m in members if m.strip())
        return all(_is_agent(m) for m in described)
    cleaned = _clean_speaker(text)
    # The stop an abbreviation takes back ("Acme Corp" -> "Acme Corp.") changes nothing.
    as_given = text[:1].upper() + text[1:]
    return _is_agent(cleaned) and cleaned.removesuffix(".") == as_given.removesuffix(".")


def is_common_plural(word: str) -> bool:
    """Whether ``word`` is a plural common noun for people ("Officials", "Regulators"):
    capitalised only when it opens a sentence."""
    return bool(_PLURAL_OPENING.match(word))


# Nouns for a body, not a person: "the military and President X" are two speakers.
_BODY_NOUNS = frozenset(
    """police people staff crew media children men women military army navy board
    government ministry campaign family party council committee cabinet team court
    administration opposition company office department agency union parliament""".split()  # noqa: SIM905
)


def _one_described(name: str) -> bool:
    """Whether "A and B NAME" is one person given two descriptions: "CNN contributor and
    Trump supporter Jeffrey Lord", "Acme's chairman and chief executive Ana Ruiz". The
    first is a bare singular noun for a person (no "the", no plural, no body: "Ukraine's
    military and ..." are two); the second has a word in lower case before a name of two
    words or more. A title in capitals after "and" introduces someone else ("... and
    President Volodymyr Zelensky", "The mayor and Governor Ann Holt")."""
    before, _, after = name.partition(" and ")
    first, last = before.split(), after.split()
    if not first or first[0].lower() in ("the", "a", "an", "his", "her", "its", "their"):
        return False
    if _two_titles(first, last) or _portfolio_of_two(first, last):
        return True
    noun = first[-1]
    if not noun.islower() or noun in _BODY_NOUNS or (noun.endswith("s") and noun[-2:] != "ss"):
        return False
    start = len(last)
    while start and last[start - 1][:1].isupper():
        start -= 1
    described = last[:start]
    return (
        len(last) - start >= 2 and 0 < len(described) <= 4 and any(w.islower() for w in described)
    )


# The last word of a title in capitals: an office ("Minister", "Secretary of State",
# "Crown Prince", "National Security Adviser").
_TITLE_ENDS = TITLE_WORDS | {
    *("State", "Prince", "Adviser", "Advisor", "Envoy", "Chancellor", "Premier"),
    *("Commissioner", "Governor", "Treasurer", "Ambassador", "Chairman", "Chair"),
    "Representative",  # the EU's "High Representative for Foreign Affairs and ..."
    # Ireland's deputy and prime ministers: "Tánaiste and Minister for Finance Simon Harris".
    *("Tánaiste", "Tanaiste", "Taoiseach"),
}


def _two_titles(first: list[str], last: list[str]) -> bool:
    """Whether "A and B NAME" gives one person two titles in capitals: "Qatar's Prime
    Minister and Minister of Foreign Affairs Sheikh Mohammed Al-Thani". The first title
    names no one (a possessive and title words only), so the name after "and" is its."""
    if not 1 <= len(first) <= 5 or first[-1] not in _TITLE_ENDS:
        return False
    words = first[1:] if first[0].endswith(("'s", "’s")) else first
    # "Secretary of State", "UAE Deputy Prime Minister": capitals, an acronym, an "of".
    if not all(word[:1].isupper() or word == "of" for word in words):
        return False
    titled = [i for i, word in enumerate(last) if word in _TITLE_ENDS]
    return bool(titled) and len(last) - titled[-1] >= 3 and last[0][:1].isupper()


def _portfolio_of_two(first: list[str], last: list[str]) -> bool:
    """Whether "A and B NAME" is one office's two portfolios, then its holder: "Egypt's
    Minister of Water Resources and Irrigation Hani Sewilam". Before the "and", a title
    "of"/"for" one or two words in capitals; after it, a word in capitals and a
    name of two words or three, with no title of its own ("... and Governor Ann Holt")."""
    office = [i for i, word in enumerate(first[:-1]) if word in _TITLE_ENDS]
    if not office or first[office[-1] + 1] not in ("of", "for"):
        return False
    # A portfolio is a word or two ("Health", "Water Resources"): three or more hold the
    # first holder's name ("Minister of Health Aaron Motsoaledi and Mary Jane Smith").
    portfolio = [w for w in first[office[-1] + 2 :] if w != "the"]
    if not 1 <= len(portfolio) <= 2 or not all(w[:1].isupper() for w in portfolio):
        return False
    return (
        3 <= len(last) <= 4
        and all(w[:1].isupper() for w in last)
        and not any(w in _TITLE_ENDS for w in last)
    )


# A portfolio's field ("Relations", "Revenue"), not a name ("Trump", "Mary") nor a body
# ("Nations").
_FIELD_WORD = (
    r"(?!Nations\b)[A-Z][a-z]+(?:tion|tions|ics)"
    r"|Foreign|Home|Defence|Defense|Health|Finance|Trade|Energy|Revenue|Disaster|Justice|"
    r"Interior|Labour|Labor|Transport|Tourism|Sports?|Youth|Water|Mines|Works|Housing|"
    r"Lands|Affairs|Planning|Commerce|Welfare|Security|Fisheries|Forests?|Management|"
    r"Development|Environment|Employment|Government|Infrastructure|Agriculture|Culture|"
    r"Heritage|Resources|Industry|Industries|Telecommunications|Services|Law|Legal|Reform"
)
FIELD_WORD = re.compile(_FIELD_WORD)
"""A word of a portfolio's field, capitalised: "Relations", "Revenue", "Affairs"."""
# Two fields of one office before its title and one name: "Revenue and Disaster
# Management Minister K Selvaraj" (not "Anna Lee and Minister Jo Hart", "Trump and
# Defense Secretary Pete Hegseth").
# (Or in lower case, as some papers write a portfolio: "Law and institutional reform
# minister Azalina Othman Said".)
_FIELDS_BEFORE_TITLE = re.compile(
    rf"^(?:[A-Z][\w'’\-]*\s){{0,2}}(?:{_FIELD_WORD})\sand\s(?:[A-Za-z][\w'’\-]*\s){{1,3}}"
    r"(?:[Mm]inister|[Ss]ecretary|[Cc]ommissioner|[Dd]irector|[Ss]pokesperson|[Ss]pokesman|"
    r"[Ss]pokeswoman|[Cc]hief|[Aa]dviser|[Aa]dvisor)\s(?:[A-Z][\w.'’\-]*\s){0,2}[A-Z][\w'’\-]+$"
)


def _and_in_portfolio(name: str) -> bool:
    """Whether the "and" of ``name`` joins two fields of one office or body, not two
    speakers: "Myanmar's Department of Meteorology and Hydrology", "The Director of
    Information and Public Relations in the Federal Ministry of Health". A title or a
    body "of"/"for" fields in capitals, and after the "and" a run of capitals ending on
    a field's word (not "The Department of Justice and Google")."""
    if name.count(" and ") > 1:
        return False  # "The Department of Homeland Security and Immigration and Customs ..."
    found = _PORTFOLIO_AND.search(name)
    if found is not None and _FIELD.fullmatch(found["field"]):
        return True
    # With its holder after it, both sides of the "and" are fields: not "Secretary of
    # State Marco Rubio and Defense Secretary Pete Hegseth".
    held = _PORTFOLIO_AND_HELD.search(name)
    return (
        held is not None
        and bool(_FIELD.fullmatch(held["field"]))
        and bool(_FIELD.fullmatch(held[0].split(" and ")[0].split()[-1]))
    )


# What a body's name ends on or opens with, so that its "and" joins no two speakers:
# "Meteorology, Climatology and Geophysics Agency", "Centre for Volcanology and
# Geological Hazard Mitigation", "Department of Health and Human Services".
_BODY_HEADS = frozenset(
    """Agency Ministry Department Centre Center Institute Office Bureau Commission Council
    Committee Authority Board Service Services School College University Academy Foundation
    Society Association Federation Union Organisation Organization Administration
    Corporation Museum Fund Court Tribunal Network Group""".split()  # noqa: SIM905
)
_PORTFOLIO_AND = re.compile(
    r"\b(?:"
    + "|".join(sorted(_BODY_HEADS | {w for w in _TITLE_ENDS if w[:1].isupper()}))
    + r")\s(?:of|for)\s(?:the\s)?[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)*\sand"
    r"(?:\s[A-Z][\w'’\-]*)*?\s(?P<field>[A-Z][\w'’\-]*)(?=$|,|\s(?:in|at|of|for)\s)"
)
# The same office with its holder's name after it: "High Representative for Foreign
# Affairs and Security Policy Kaja Kallas".
_PORTFOLIO_AND_HELD = re.compile(
    _PORTFOLIO_AND.pattern.removesuffix(r"(?=$|,|\s(?:in|at|of|for)\s)")
    + r"\s(?:[A-Z][\w'’\-]*\s){0,2}[A-Z][\w'’\-]+$"
)
# A field an office or body is "of": "Hydrology", "Public Relations", "Social Welfare".
_FIELD = re.compile(
    r"[A-Z][a-z]+(?:ology|ics|ment|tions?|ure|ing|ance|ence|ity|ism|fare)|Industry|Forestry"
    r"|Affairs|Relations|Resources|Security|Defen[cs]e|Trade|Energy|Justice|Health|Finance"
    r"|Labou?r|Tourism|Culture|Sports?|Youth|Water|Irrigation|Fisheries|Mines|Transport"
    r"|Education|Environment|Planning|Housing|Research|Information|Communications?"
    r"|Oil|Gas|Petroleum|Power|Electricity|Mining|Minerals|Science|Commerce|Works|Interior"
    r"|Heritage|Antiquities|Livestock|Railways?|Ports|Shipping|Telecoms?"
)
# Two words at least after the "and": "The Department of Justice and Google" are two.
_ONE_BODY = re.compile(
    r"\b(?:" + "|".join(sorted(_BODY_HEADS)) + r")\s(?:of|for)\s(?:the\s)?"
    r"[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)*\sand\s[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)+$"
)
# A body whose own name holds "and": "The National Disaster Risk Reduction and Management
# Council", "the Food and Drug Administration" (not "Britain and the European Union").
_ONE_NAMED_BODY = re.compile(
    r"\sand(?:\s[A-Z][\w'’\-]*){0,3}\s(?:" + "|".join(sorted(_BODY_HEADS)) + r")$"
)
_AND_IN_A_NAME = re.compile(
    r"\b(?:Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|"
    r"(?:Saint|St\.?) Kitts and Nevis|(?:Saint|St\.?) Vincent and the Grenadines|"
    r"São Tomé and Príncipe|Sao Tome and Principe|Turks and Caicos|Heard and McDonald)\b"
)
# Names in a list: "Russia, Kazakhstan and Turkey", each of one to three capitalised words.
_LIST_ITEM = r"[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2}"
_LISTED_NAMES = re.compile(rf"^{_LIST_ITEM}(?:,\s{_LIST_ITEM})+,?\sand\s{_LIST_ITEM}$")


def is_plural_speaker(who: str, raw: str = "") -> bool:
    """Whether ``who`` takes "say": a group, "A and B", or a plural description.

    ``raw``, the speaker as the sentence wrote it, tells a plural noun that the sentence
    wrote in lower case ("But onlookers said") from a name.
    """
    base = _clean_speaker(raw, capitalise=False) if raw else ""
    if base[:1].islower():
        who = base
    # A country's name that holds "and" is one place: "Bosnia and Herzegovina's Foreign
    # Minister".
    who = _AND_IN_A_NAME.sub(lambda found: found[0].replace(" and ", "-"), who)
    if _PLURAL_LEAD.match(who):
        return True
    if (
        _LISTED_NAMES.match(who)
        and who.split()[-1] not in _BODY_HEADS
        and not any(word.strip(",") in TITLE_WORDS for word in who.split())
    ):
        return True  # "Russia, Kazakhstan and Turkey say"; not "Jamie Dimon, Chairman and CEO"
    name = re.split(r",", who)[0]
    if (
        re.search(r"\sand\s", name)
        and not _one_described(name)
        and not _ONE_BODY.search(name)
        and not _ONE_NAMED_BODY.search(name)
        and not _and_in_portfolio(name)
        and not _FIELDS_BEFORE_TITLE.match(name)
    ):
        return True
    head_phrase = re.split(r"\s(?:of|for|at|from|with|in|on|to)\s", name)[0].split()
    head = head_phrase[-1] if head_phrase else ""
    if head.lower() == "police" or _PLURAL_NAME.match(head):
        return True  # "Los Angeles Police say", "Senate Democrats say"
    if (
        len(head_phrase) > 1
        and head_phrase[0] in ("The", "the")
        and head_phrase == name.split()  # "The Veterans of Foreign Wars" is one body
        and all(word[:1].isupper() for word in head_phrase[1:])
        and head[:1].isupper()
        and len(head) > 3
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is", "'s", "’s"))
        and head not in _SINGULAR_THE_NAMES
    ):
        return True  # "The Buffalo Jills say", "The Jets say": a team, a band, a group
    if _PLURAL_ALONE.match(head) and len(head_phrase) == 1:
        return True  # "Shopkeepers say"
    if _PLURAL_OPENING.match(head) and (len(head_phrase) == 1 or head_phrase[-2][:1].isupper()):
        # "Officials in Gaza say": capitalised only to open the sentence; "Los Angeles
        # County Sheriff's Homicide Detectives say": a unit's name ending in its people.
        return True
    return head[:1].islower() and (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def is_group_label(who: str) -> bool:
    """Whether ``who`` is already a group: "Critics, like A and B", "Supporters"."""
    return bool(_PLURAL_LEAD.match(who))


def speaker_key(who: str) -> str:
    """One key per speaker: "Geng Shuang" = "A foreign ministry spokesman, Geng Shuang",
    "President Donald Trump" = "Donald Trump" = "Donald Trump from the White House"; a
    description ("Denmark's prime minister") is its own key."""
    text = re.split(r",\s(?:like|including|such as)\s", who)[0]
    for segment in (_name_part(who), text):
        # "Nasser al-Majali" and "Nasser Al Majali" are one man: the article is no part
        # of the surname the outlets agree on.
        segment = _ARTICLE_PREFIX.sub(_after_a_name, segment)
        runs = re.findall(r"(?:[A-Z][\w.'’\-]+\s)+[A-Z][\w.'’\-]+", segment)
        runs = [r for r in runs if not re.match(r"(?:A|An|The)\s", r) or len(r.split()) > 2]
        if runs:
            last = re.sub(r"['’]s$", "", runs[-1].split()[-1])
            if last in _BODY_NOUNS:
                # A body is keyed whole: Japan's and China's Foreign Ministry are two.
                return _description_key(segment)
            return _surname_key(last)
    if re.fullmatch(r"[A-Z][\w'’\-]+", text.strip()):
        return _surname_key(text.strip())  # a surname alone: "Zelenskyy"
    return _description_key(text)


_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|Al|El)[-‐]\s*(?=[A-Z])|\b(?:Al|El)\s+(?=[A-Z][a-z])")


def _after_a_name(found: re.Match[str]) -> str:
    """The article dropped after a first name ("Nasser Al Majali"), kept where it opens
    the name ("Al Gore", "vice-president Al Gore")."""
    before = found.string[: found.start()].split()
    return "" if before and re.fullmatch(r"[A-Z][a-z'’-]+", before[-1]) else found.group()


def _surname_key(surname: str) -> str:
    """A surname as outlets' transliterations agree on it: "Zelenskyy", "Zelenskiy",
    "Zelenskyi" and "Zelensky" one."""
    return re.sub(r"(?:yy|iy|yi)$", "y", fold_accents(surname.lower()))


def _description_key(text: str) -> str:
    """A body or a description as one key, however an outlet spells and cases it:
    "Taiwan’s Defense Ministry" = "Taiwan's defence ministry"."""
    key = fold_accents(text.lower()).replace("’", "'")
    key = re.sub(r"'s\b|^the\s+", "", key)
    for british, american in _SPELLINGS:
        key = re.sub(rf"\b{british}\b", american, key)
    return " ".join(key.split())


# The last word of a body's name ("Foreign Ministry", "Israel Defense Forces").
_BODY_NOUNS = frozenset(
    """Ministry Forces Bank Office Department Agency Command Council Commission Court
    Parliament Government Police Army Navy Guard Service Committee Authority
    Administration Assembly Cabinet Party Union Institute Organization Organisation
    Kremlin Pentagon""".split()  # noqa: SIM905
)
_SPELLINGS = (("defence", "defense"), ("organisation", "organization"), ("centre", "center"))


# What a company's name ends with, after the name it is called by for short.
_COMPANY_ENDING = re.compile(
    r"^(?:Airlines|Airways|Air|Inc|Corp|Corporation|Co|Company|Group|Ltd|LLC|PLC|Holdings|"
    r"Motors|Technologies|Systems|Media|Entertainment|Pharmaceuticals|Energy)\.?$"
)
# What ends a name that a longer one goes on from: "Donald Trump Jr." is not his father.
_NAME_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
# "The prosecutor", "The foreign minister": someone by their role alone.
_BARE_ROLE = re.compile(r"^The\s(?P<role>[a-z][a-z\-]*(?:\s[a-z][a-z\-]*){0,2})$")


def same_speaker(one: str, other: str) -> bool:
    """Whether two speakers of one story are the same (one voice each): the same key
    (``speaker_key``); a bare surname and the full name ("Clarke, an expert on birds" and
    "Julia Clarke"); a name and the same name going on ("United" and "United Airlines",
    not "Police" and "Police Chief Jane Doe", nor "Donald Trump" and "Donald Trump Jr.");
    or a role alone and a name with that role ("The prosecutor" and "Mustafa Suleiman,
    the prosecutor")."""
    if speaker_key(one) == speaker_key(other) or _swapped(speaker_key(one), speaker_key(other)):
        return True
    if (key := _spelling_key(_name_part(one))) and key == _spelling_key(_name_part(other)):
        return True  # "Mohammad bin Abdul Rahman" and "Mohammed bin Abdulrahman"
    for a, b in ((one, other), (other, one)):
        name_a, name_b = _name_part(a), _name_part(b)
        words_a, words_b = name_a.split(), name_b.split()
        if (
            len(words_a) == 1
            and words_a[0][:1].isupper()
            and speaker_key(b) == _surname_key(words_a[0])
        ):
            return True
        extra = words_b[len(words_a) :]
        if (
            words_a
            and words_a[0] not in ("The", "A", "An")
            and len(words_b) > len(words_a)
            and words_b[: len(words_a)] == words_a
            and all(w[:1].isupper() for w in extra)
            and not any(w.rstrip(".") in _TITLES for w in extra)
            and not _NAME_SUFFIX.match(words_b[-1])
            # One word is often a country or a party ("Israel", "Hamas"), and what goes
            # on from it another body ("Israel Defense Forces"): only a company's own
            # ending makes it the same one ("United" / "United Airlines").
            and (len(words_a) >= 2 or any(_COMPANY_ENDING.match(w) for w in extra))
        ):
            return True
        role = _BARE_ROLE.match(a.strip().rstrip(","))
        if role and re.search(
            rf",\s(?:the|a|an)\s(?:[\w’'\-]+\s){{0,3}}{re.escape(role['role'])}\b", b
        ):
            return True
    return False


def _swapped(one: str, other: str) -> bool:
    """Whether two keys differ by two neighbouring letters swapped in a word of five
    letters or more: the commonest typo ("Telsa" for "Tesla"). A changed letter is
    another name as often as a typo ("Iran", "Iraq"; "Marta", "Maria"), so not that."""
    if len(one) != len(other):
        return False
    differ = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    if not (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and one[differ[0]] == other[differ[1]]
        and one[differ[1]] == other[differ[0]]
    ):
        return False
    word = next(w for w in re.finditer(r"\S+", one) if w.start() <= differ[0] < w.end())
    return len(word.group()) >= 5 and " " not in one[differ[0] : differ[1] + 1]


def _spelling_key(name: str) -> str:
    """A name of three words or more as outlets' spellings of it agree: titles dropped,
    "Mohammad", "Muhammad" and "Mohamed" one, "Abdul Rahman" one word, "Zelenskyy" and
    "Zelensky" one. A name of two words only by that ending: two such names spelt
    otherwise apart may be two people. "" for one word."""
    words = [w for w in fold_accents(name.lower()).replace("-", " ").split() if w]
    words = [w for w in words if w.rstrip(".").title() not in _TITLES and w != "sheikh"]
    if len(words) < _SPELLED_NAME_WORDS - 1:
        return ""
    if len(words) < _SPELLED_NAME_WORDS:
        # Two words: only the transliterations' doubled ending ("Volodymyr Zelenskyy"),
        # which no two people's names differ by.
        return re.sub(r"yy\b", "y", " ".join(words))
    joined = re.sub(r"\b(abdul|abdel|abd|abu)\s+", r"\1", " ".join(words))
    joined = re.sub(r"\b(?:moham+[ae]d|muham+[ae]d|mohamed|mohammed)\b", "mohammed", joined)
    return re.sub(r"yy\b", "y", joined).replace("abdel", "abdul")


_SPELLED_NAME_WORDS = 3


def _name_part(who: str) -> str:
    """The name a speaker is given, without its role ("Jane Doe, a farmer" -> "Jane Doe";
    "Jane Doe from Eastvale University" is Jane Doe, not the university)."""
    head = re.split(r",\s(?:like|including|such as)\s", who)[0].split(", ")[0]
    first = re.split(r"\s(?:from|at|with|of)\s", head)[0].strip()
    # A role's own "of" ("Minister of Foreign Affairs Badr Abdelatty"): the name is
    # after the body it heads.
    if first.split()[-1:] and first.split()[-1] in _ROLE_WORDS and first != head:
        return re.split(r"\s(?:from|at|with)\s", head)[0].strip()
    return first
