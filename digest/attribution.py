"""Attribution: the statements of a sentence, each a speaker and a clean claim.

An attributed statement is a speaker, a reporting verb and a claim. The forms are
those of real reporting (``attribute_sentence`` lists them): "X said (that) A and that
B", "A, X said.", "According to X, A", a quote then "said X, a cattle farmer", "X said:
"...", and a bulleted list of claims after "critics (like A and B) say X:". Two speakers
in one sentence ("X said A, while Y said B") give two statements.

The claim is a slice of the sentence: a quote keeps its words and quotation marks, and
reported speech becomes a clean clause only by deletion (the "that" of "and that B", a
trailing "adding that ...", another speaker's words, the listener after "told" up to
"that", the source's description after a closing quote in "'...,' the statement from
the network, X said"). When that boundary is not clear there is no statement: a voice
left out costs less than words given to the wrong speaker. Whether the phrase before the
verb is a speaker at all (people, governments and organisations, never a document, a
decision or a date) is ``speakers.py``'s call; which statements an issue shows is
``perspectives.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.speakers import is_common_plural, is_plural_speaker, recognise_speaker
from digest.text import (
    MONTH_PATTERN,
    MONTH_WRITTEN_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    end_sentence,
    month_number,
    quotes_balance,
    word_count,
)

__all__ = ["Statement", "attribute_sentence", "join_list_items"]

_MIN_CLAIM_WORDS = 4
# A word that makes "states" a noun after it: "Arab states", "member states", "the
# Gulf states", "island states", "frontline states".
_STATES_NOUN = re.compile(
    r"\b(?:Arab|Gulf|Baltic|Nordic|Balkan|Caribbean|Pacific|African|Asian|European|Western|"
    r"Muslim|Islamic|Arabian|Sahel|member|island|coastal|frontline|front-line|neighbouring|"
    r"neighboring|nuclear|small|other|several|many|some|both|all|these|those|rich|poor|"
    r"donor|EU|NATO|G7|G20|Opec|OPEC|Brics|BRICS|Asean|ASEAN|swing|republican-led|"
    r"democratic-led|republican|democratic|southern|northern|eastern|western|twenty|fifty|"
    r"\d+|several|few|most|those|affected|participating|signatory|sovereign|independent)\s*$",
    re.IGNORECASE,
)

_VERB_WORDS = (
    r"said|says|say|told|tells|argued|argues|argue|warned|warns|warn|claimed|claims|claim|"
    r"insisted|insists|insist|stated|states|added|adds|noted|notes|contended|contends|"
    r"maintained|maintains|maintain|believes|believe|wrote|writes|explained|explains|"
    r"acknowledged|acknowledges|conceded|concedes|predicted|predicts|suggested|suggests|"
    r"countered|counters|stressed|stresses|cautioned|cautions|declared|declares|"
    r"announced|announces|confirmed|confirms|estimated|estimates|reported|reports"
)
_VERBS = _VERB_WORDS
# Verbs that may come before their speaker ("..., said Jane Doe"); in "..., told the
# Hollywood Reporter" the name after the verb is who was told.
_SAID_BY = "|".join(v for v in _VERB_WORDS.split("|") if v not in {"told", "tells"})
_AUX = r"(?:(?:has|had|have|also|later|previously|earlier|then|publicly|repeatedly)\s+)*"
_WHO = r"(?:[A-Z]|the\s|an?\s|its\s|their\s|some\s|many\s|most\s)[^\"“”;:]{1,160}?"
# The same, running to the end of the sentence: "said Jane Doe, a farmer in the Limousin."
_WHO_WHOLE = _WHO.removesuffix("?")
_TIME = (
    # A date, whole: "late on Dec. 1", "on 1 December", "Dec. 1" (else "Dec. 1 that ..."
    # opens the claim).
    rf"(?:\s+(?:(?:(?:late|early)\s+)?(?:on\s+)?(?:{MONTH_WRITTEN_PATTERN}\s+\d{{1,2}}\b"
    rf"|\d{{1,2}}\s+{MONTH_WRITTEN_PATTERN})(?:,?\s+\d{{4}})?"
    rf"|(?:on|last|this|late|early|earlier|later)\s+[\w:.\- ]{{1,25}}?"
    rf"|in\s+(?:a\s+statement|an?\s+interview|{MONTH_PATTERN}(?:\s+\d{{4}})?|\d{{4}}"
    # "said in his address", "in a televised speech", "in her opening remarks".
    r"|(?:his|her|their|its|the|a|an)\s+(?:[\w-]+\s+){0,2}(?:address|speech|remarks|message|"
    r"post|briefing|keynote|sermon|video))"
    rf"|at\s+an?\s+[\w ]{{3,30}}?"
    rf"|{WEEKDAY_PATTERN}(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|again"
    # "during a visit to Budapest", "during a Fox News interview": up to what ends it, a
    # comma, a stop or the "that" of the claim (else "News interview that ..." is claim).
    # ("said after the signing", "following the meeting".)
    r"|(?:during|after|following)\s+(?:an?|the|his|her|their|its)\s+[\w\-’' ]{3,40}?"
    r"(?:\s+(?:to|in|at)\s+(?:the\s)?[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,2})?"
    # A "that" with a verb after it is the circumstance's own ("a meeting that included
    # Xi"); an aside after a comma ("during his visit, the first since ...") is no end.
    r"(?=\s+that\b(?!\s+(?:included|includes|was|were|is|are|had|has|have)\b)"
    r"|\s*,?\s*[“\"]|\s*\.?\s*$)))?"
)
# A day after the circumstance: "said in an interview Friday", "said in a statement on
# Monday" (the day would otherwise open the claim: "Friday there was little point").
_DAY = rf"(?:\s+(?:on\s+)?(?:{WEEKDAY_PATTERN})(?:\s+(?:morning|afternoon|evening|night))?)?"
_TIME += _DAY
# Where it was said: "in Nuuk", "at the United Nations".
_PLACE = (
    rf"(?:\s+(?:in|at|from)\s+(?!{MONTH_PATTERN}\b)"
    r"(?:the\s)?[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,3})?"
)
# The object of "told"/"tells": "reporters", "the BBC", "Reuters", "him".
_TOLD = (
    r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|lawmakers|parliament|"
    r"(?:the|a|an)\s+(?:[a-z]+\s){0,2}?(?:press|media|audience|crowd|committee|court|"
    r"newspaper|paper|conference|rally|parliament|assembly|council|broadcaster|station)|"
    r"the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|"
    r"[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|\d+)){0,3}|"
    r"him|her|them|us))?"
)
# A field in a body's name: "Infrastructure", "Climate Change".
# A person's name set after their role: "Nasser al-Majali", "María López de la Cruz".
_APPOSITIVE_NAME = (
    r"[A-Z][\w'’.\-]+(?:\s+(?:(?:al|el|bin|ibn|de|da|dos|del|la|van|von|der)[-\s])?"
    r"[A-Z][\w'’.\-]+){1,3}"
)
_FIELD_WORDS = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
_ATTRIBUTIONS = (
    # "Claim," said Jane Doe, a farmer.  /  "Claim," Jane Doe said on Monday.
    re.compile(
        rf"^[\"“](?P<says>[^\"“”]{{12,}}?)[,.?!]?[\"”],?\s+(?:(?:{_SAID_BY})\s+(?P<who1>{_WHO_WHOLE})"
        rf"|(?P<who2>{_WHO})\s+{_AUX}(?:{_VERBS}){_TOLD}{_PLACE}{_TIME}{_PLACE})\s*[.,]?$"
    ),
    re.compile(
        rf"^[\"“](?P<says>[^\"“”]{{12,}}?)[,.?!]?[\"”],?\s+(?:(?:{_SAID_BY})\s+(?P<who1>{_WHO})"
        rf"|(?P<who2>{_WHO})\s+{_AUX}(?:{_VERBS})){_TOLD}{_PLACE}{_TIME}[.,]"
    ),
    # According to Jane Doe, claim. (According to the Ministry of Development, Industry,
    # Trade and Services, claim: a body's fields listed in its name.)
    re.compile(
        rf"^According\s+to\s+(?P<who>{_WHO}(?:(?:,\s+{_FIELD_WORDS})+,?\s+and\s+{_FIELD_WORDS}(?=,))?"
        # A role and the name after it: "According to Jordan's foreign minister, Nasser
        # al-Majali, a compromise emerged" (not "police, John Smith, 45, was arrested").
        rf"(?:(?<=[a-z]),\s+{_APPOSITIVE_NAME}(?=,\s+(?!\d|(?:was|were|is|are|had|has)\b)))?),"
        rf"\s+(?P<says>[a-zA-Z0-9\"“].{{12,}})$"
    ),
    # Claim, according to Jane Doe.
    re.compile(r"^(?P<says>.{20,}?),\s+according\s+to\s+(?P<who>[^,]{3,80}(?:,[^,]{3,60})?)\.$"),
    # Claim, Jane Doe said (on Monday).  /  Claim, said Jane Doe, a farmer.
    re.compile(
        rf"^(?P<says>[A-Z\"“].{{20,}}?),\s+(?:(?P<who1>{_WHO})\s+{_AUX}(?:{_VERBS})"
        rf"|(?:{_SAID_BY})\s+(?P<who2>{_WHO})){_TOLD}{_PLACE}{_TIME}{_PLACE}\.$"
    ),
    # Jane Doe said (on Monday) (that) claim.  /  Jane Doe told Reuters: "claim."
    re.compile(
        rf"^(?P<who>{_WHO})\s+{_AUX}(?:{_VERBS}){_TOLD}{_PLACE}{_TIME}(?:,|:)?\s+(?P<that>that\s+)?"
        rf"(?P<says>[a-zA-Z0-9\"“].{{12,}})$"
    ),
)
_QUOTE_FORMS = (0, 1)
# The quote going on after its speaker: '“We want this country to do well,” Marco Rubio
# said, “especially as long as you're the prime minister.”' is one quoted sentence.
_QUOTE_RESUMES = re.compile(r"^[\"“](?P<more>[^\"“”]{3,}?[.?!])[\"”]$")
_SENTENCE_OPENER = re.compile(
    r"(?:The|A|An|It|Its|This|That|These|Those|There|We|They|He|She|You|Our|My|Your|His|"
    r"Her|Their|What|Why|How|Who|Where|Please|Thank|Thanks|Let|Let's|Everyone|Everybody|"
    r"Everything|Nobody|Nothing|Someone|Somebody)\b(?![’'])"
)
_ENDS_ON_COMMA = re.compile(r"^[\"“][^\"“”]+,[\"”]")
# A claim that goes on past its closing quote: '... notice," the statement from the network'.
_AFTER_QUOTE = re.compile(r'^(?P<quote>.*?[,.?!])(?P<mark>[”"])\s+(?P<rest>[^"“”]{1,80})$')
# "told" or "tells" right before the claim: the listener was not recognised.
_TOLD_NOBODY = re.compile(r"\b(?:told|tells)\s+$")
# A listener up to "that": a noun phrase, perhaps with its "who" clause.
_LISTENER = re.compile(
    r"(?:the|a|an|some|several|hundreds|thousands|dozens|\d[\d,]*|[A-Z][\w.'’\-]*)\s"
    r"(?:(?!that\b)[\w.'’\-]+\s){0,12}?that\s"
)
_AMOUNT_ADDED = re.compile(r"\b(?:added|adds)\s+[$€£]?\d[\d.,]*\s*(?:%|percent|per cent|points?)")
_AFTER_CLAIM_FORM = 4
_BEFORE_VERB_FORM = 5
# "X said A, while Y said B": the second speaker starts after one of these.
_SECOND_SPEAKER = re.compile(
    rf"(?:,|;)\s+(?:while\s+|whereas\s+|but\s+|and\s+)?(?=(?:{_WHO})\s+{_AUX}(?:{_VERBS})\b)"
)
# Inside a claim, another speaker's words: "... after the secretary general said ...".
_EMBEDDED_SPEAKER = re.compile(
    r"\b(?:said|says|say|told|tells|argued|warned|claimed|according to|insisted)\b"
)
# "she was waiting on the bus when someone told her there had been a shooting": what the
# speaker was told, and by no one named, is the speaker's own account. Hearsay ("the
# guard, someone said, had left") is not.
_TOLD_BY_NO_ONE = re.compile(
    r"\b(?:someone|somebody|no one|nobody)(?:\s+(?:else|had|has|ever|never|just|later|then))*"
    r"\s+(?:told|tells)\b"
)


def _embedded_speaker(claim: str) -> re.Match[str] | None:
    """Where another speaker's words begin inside ``claim`` (:data:`_EMBEDDED_SPEAKER`)."""
    told = [m.span() for m in _TOLD_BY_NO_ONE.finditer(claim)]
    for match in _EMBEDDED_SPEAKER.finditer(claim):
        if not any(start <= match.start() < end for start, end in told):
            return match
    return None


# Where a claim can be cut before another speaker's words.
_CLAUSE_CUT = re.compile(
    r",\s+(?:while|whereas|but|as|after|when|because|adding|saying|noting)\b|"
    r"\s+(?:after|while|whereas|as|when|because)\s+(?=\w)|;\s+"
)
# Verbs that take a bare clause; any other ("wrote", "noted") needs "that" after it.
_CORE_VERB = re.compile(r"\b(?:said|says|say|told|tells|added|adds|insisted|insists)\b")
# An indirect claim starts like a clause ("that ...", "the plan ...", "it was ...");
# "to move indoors" or "has upwards of" means the verb had an object we cut off.
_CLAUSE_START = re.compile(
    r"^(?:that\s|[\"“]|[A-Z0-9]|(?:the|a|an|it|he|she|they|there|his|her|their|its|this|"
    r"these|those|we|no|none|some|most|all|only|more|nobody|nothing|such|any|every)\b)"
)
# Words that open a sentence in capitals but are not names: lower-cased in a claim.
_COMMON_OPENER = re.compile(
    r"^(?:The|A|An|It|Its|This|That|These|Those|There|Some|Most|All|No|None|Only|More|"
    r"Many|Such|Any|Every|Each|Nobody|Nothing|Both|Neither|Another|Other|His|Her|Their|"
    r"They|He|She|We|Our|Your|My|Although|Though|While|When|If|Because|Since|After|Before|"
    r"Once|Unless|Until|Despite|During|In|On|At|For|With|Without|From|By|As|Even|And|But|"
    r"Or|Yet|Still|Now|Then)\b(?![’'.])"
)
# A connective that opened the reported sentence, and what still leans back after it.
_OPENING_CONNECTIVE = re.compile(r"^(?:and|but)\s+(?=\S)", re.IGNORECASE)
# A quotation that is only a dependent clause ("“After EPA contacted Magnolia,” the
# agency writes, “Magnolia took steps”): its main clause is in the part after the
# speaker, so the first part alone says nothing.
_DEPENDENT_ONLY = re.compile(
    r"^(?:after|when|whenever|if|although|though|because|while|as|since|before|unless|"
    r"once|until|whether)\b[^,;:]*$",
    re.IGNORECASE,
)
# An opening participle phrase ("Staking its place since October 1 on the grounds, the
# camp had grown to 400 tents"): after "X say", it reads as if X were staking; the claim
# is the clause after it.
_PARTICIPLE_OPENER = re.compile(r"^[A-Za-z]{2,}(?:ing|ed)\b[^,;:\"“”]{0,150},\s+(?=\S)")
_LEANING_START = re.compile(r"^(?:that|this|these|those|such|it)\b", re.IGNORECASE)
# No claim of its own: a verb or modal whose subject was the "that" taken for a
# conjunction ("Volkswagen estimates that could be 300 miles").
_NOT_A_CLAUSE = re.compile(
    r"^(?:is|are|was|were|could|would|will|can|may|might|should|must|has|have|had|"
    r"does|did)\b"
)
# A bare phrase ("has reported that for his role in the fight"), when it has no verb; an
# opening phrase ends at a comma ("as of 2016, the country had admitted ...").
_PHRASE_START = re.compile(r"^(?:for|to|in|on|at|with|by|from|of)\s[^,]*$")
# Roughly a finite verb: enough to tell "at least 20 people were killed" (a claim) from
# "for his role in the fight" (a phrase).
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|"
    r"should|did|does|do|[a-z]{3,}ed|[a-z]{3,}s)\b"
)
# "Sondland told him he had relayed ..., Morrison testified": the words are another
# speaker's account of the claim, so the claim is neither's.
_TRAILING_SPEAKER = re.compile(
    r",\s+(?:the\s+)?(?:[\w.'’\-]+\s){1,5}(?:said|says|testified|reported|added|told\s\w+)\.?$"
)
_FIRST_WORD = re.compile(r"([A-Z][a-z]+)\b(?![’'.])")
# A quote in single marks, as British outlets and Al Jazeera print them ("'War ... is
# still ongoing', Hamas says"): an apostrophe inside a word ("Israel’s") is no mark.
_SINGLE_QUOTED = re.compile(
    r"^['‘](?P<quote>(?:[^'‘’\"“”]|(?<=\w)['’](?=\w)){12,}?)(?P<stop>[,.?!]?)['’](?!\w)"
)
_ITEM_BULLET = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s+")
_LIST_INTRO = re.compile(rf"\b(?:{_VERBS})\s+(?:that\s+)?[^.!?]{{0,80}}:$")


@dataclass(frozen=True, slots=True)
class Statement:
    """One speaker's claim in a sentence. ``says`` is a clause or a quote in its marks."""

    who: str
    says: str
    is_plural: bool = False

    @property
    def verb(self) -> str:
        return "say" if self.is_plural else "says"


def join_list_items(sentences: Sequence[str]) -> list[str]:
    """Sentences with a bulleted list of claims joined to the sentence introducing it.

    "Critics (like A and B) say the alliance:" followed by "- is outdated" and "- serves
    one member" becomes "Critics (like A and B) say the alliance: is outdated; serves
    one member" (bullets and line ends removed, items joined by "; "), so the claims
    are attributed like any other statement. Other sentences pass through unchanged.
    """
    out: list[str] = []
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        items: list[str] = []
        if _LIST_INTRO.search(sentence.rstrip()):
            following = index + 1
            while following < len(sentences) and _is_list_item(sentences[following]):
                items.append(_ITEM_BULLET.sub("", sentences[following]).strip().rstrip(";,."))
                following += 1
            if items:
                out.append(f"{sentence.rstrip()} {'; '.join(items)}.")
                index = following
                continue
        out.append(sentence)
        index += 1
    return out


def _is_list_item(sentence: str) -> bool:
    text = sentence.strip()
    return bool(_ITEM_BULLET.match(text)) or (bool(text) and text[0].islower())


def attribute_sentence(sentence: str) -> tuple[Statement, ...]:
    """The attributed statements of one sentence, in order; ``()`` if there are none.

    Recognised: "X said (that) A", "X told Reuters A", "X said: \\"A\\"", "According to
    X, A", "A, according to X.", "\\"A,\\" said X." / "\\"A,\\" X said.", "A, X said.",
    "X say the thing: item; item." (see :func:`join_list_items`), a quote in single
    marks (printed in double ones), and two of these joined by ", while", "; " or ",
    but". Pronoun, vague and non-agent speakers ("he", "officials", "the decision") give
    nothing: they need context or are not speakers.
    """
    # "Quote from Zelenskyy: \"...\"": a news site's label for its speaker.
    sentence = _QUOTE_LABEL.sub(r"\g<who> said: ", sentence, count=1)
    quoted = re.split(r"[”\"]", sentence, maxsplit=1)[0]
    if _QUOTE_TAIL.match(sentence) and _VERB.search(quoted) and not _PHRASE.match(quoted):
        # The last sentence of a quotation the sentence before opened ("... difficult.
        # Several substations were hit directly and will take weeks to repair," said
        # ...): a quotation of its own, whole as its speaker ends it.
        sentence = "“" + sentence
    if not quotes_balance(sentence):
        return ()  # half a quote: the splitter cut inside it
    for split in _SECOND_SPEAKER.finditer(sentence):
        head, tail = sentence[: split.start()].rstrip(), sentence[split.end() :]
        one, two = _attribute(head.rstrip(",;") + "."), _attribute(tail[0].upper() + tail[1:])
        if one is not None and two is not None:
            return (one, two)
    first = _attribute(sentence)
    return () if first is None else (first,)


def _attribute(sentence: str) -> Statement | None:
    sentence = _SINGLE_QUOTED.sub(r"“\g<quote>\g<stop>”", sentence, count=1)
    # "..., regional governor Ihor Marchuk said": a role in lower case before the name.
    sentence = _LOWER_ROLE.sub(
        lambda m: f",{m['mark']} {m['role'].title()} {m['rest']}",
        sentence,
        count=1,
    )
    sentence = _SAID_LOWER_ROLE.sub(
        lambda m: f",{m['mark']} {m['verb']} {m['role'].title()} {m['rest']}", sentence, count=1
    )
    for number, pattern in enumerate(_ATTRIBUTIONS):
        match = pattern.match(sentence)
        if not match:
            continue
        groups = match.groupdict()
        raw = groups.get("who") or groups.get("who1") or groups.get("who2") or ""
        named = next((g for g in ("who", "who1", "who2") if groups.get(g)), None)
        if (
            named
            and _STATES_NOUN.search(raw)
            and sentence[match.end(named) :].lstrip().startswith("states")
        ):
            # "The Arab states that committed large sums have shown leadership": the
            # states are the subject, not a speaker's verb.
            continue
        if re.search(r"\bwho$", raw.strip()):
            # "Bauer and Fattal, who say they were hiking ..., are at the center of ...":
            # the report sits in a relative clause and the sentence goes on past it.
            continue
        if (
            number == _AFTER_CLAIM_FORM
            and _SAYING_IN_WHO.search(raw)
            and not _SAYING_IN_A_CLAUSE.search(raw)
        ):
            # "On Tuesday, its finance minister, Pieter Declercq, said his country had
            # obtained the guarantees it wanted from other member states": "states" is
            # no verb when the "speaker" before it says something itself.
            continue
        if (
            named
            and _DENIED.search(raw.strip())
            and _AS_A_NOUN.match(sentence[match.end(named) :].lstrip())
        ):
            # "Yapa rejected (the) claims that the bill ...", "The ministry denied media
            # reports that ...": "claims" and "reports" are what is denied, no saying.
            continue
        if (
            named == "who1"
            and (where := _CIRCUMSTANCE.search(raw))
            and not _BODY_IN_PLACE.search(raw, 0, where.end())
        ):
            # '..., said Hana Welde at a briefing': where they said it, not who they are.
            raw = raw[: where.start("cut")]
        if both := _DID_AND_SAID.match(raw.strip()):
            # "President Mohamed Muizzu thanked voters in a televised address and said
            # ...": the speaker is the first verb's subject.
            raw = both["subject"]
        who = recognise_speaker(raw)
        says = (groups.get("says") or "").strip()
        inner = (
            _ATTRIBUTIONS[_BEFORE_VERB_FORM].match(says) if number == _AFTER_CLAIM_FORM else None
        )
        if inner and inner["that"] and inner["who"] in _PRONOUNS:
            # "He added that the summit would discuss Gaza, Sudan, and ... Central Asian
            # states.": the claim has its speaker and verb already; "states" is a noun.
            continue
        if number == _AFTER_CLAIM_FORM and groups.get("who2") and recognise_speaker(says):
            # "Chen Yuhan, an expert at a Shanghai university, said the extension gives
            # ...": a speaker and their role before "said", not a claim; the form after
            # reads it.
            continue
        if (
            number == _AFTER_CLAIM_FORM
            and groups.get("who1")
            and (listed := _LIST_THEN_GROUP.match(raw.strip()))
            and (started := _LIST_STARTED.search(says))
            and not month_number(started["word"])
            and started["word"] not in WEEKDAYS
        ):
            # "... in the villages of Yater, Kafra and Majdal Selm, local officials
            # said": the list ends the claim, and the group after it is who speaks; a
            # group too vague to name ("officials") is no voice at all.
            group = recognise_speaker(listed["group"])
            if not group:
                continue
            who, raw = group, listed["group"]
            says = f"{says}, {listed['names']}"
        elif number == _AFTER_CLAIM_FORM and groups.get("who1") and who:
            # "A, the regulator, has asked, the Journal reported": the shortest claim
            # stopped at the first comma, and what the speaker was cleaned of is claim.
            start = raw.rfind(who[1:]) - 1
            rest = raw[:start].rstrip(" ,") if start > 0 else ""
            # "..., the statement from the network, Southern Cross Austereo, said": a
            # phrase with no verb is the speaker's own description, not claim.
            if rest and raw[:start].rstrip().endswith(",") and _FINITE.search(rest):
                says = f"{says}, {rest}"
        if not who or word_count(says) < _MIN_CLAIM_WORDS:
            continue
        if _AMOUNT_ADDED.search(match.group(0)):
            continue  # "Spot gold added 0.1% to $1,472": a price rose, nobody spoke
        if number in _QUOTE_FORMS:
            more = _QUOTE_RESUMES.match(sentence[match.end() :].strip())
            if more and _ENDS_ON_COMMA.match(sentence) and match.group(0).endswith(","):
                rest = more.group("more")
                # A sentence of its own ("..., “The police are lying.”") opens on a
                # pronoun or an article; a capital may be a name ("France will ...").
                own = _SENTENCE_OPENER.match(rest) and not _DEPENDENT_ONLY.match(says)
                joint = ". " if own else ", "
                if not own and _COMMON_OPENER.match(rest):
                    rest = rest[0].lower() + rest[1:]  # "..., because I shop here"
                says = f"{says.rstrip(',')}{joint}{rest}"
            if _OPENING_CONNECTIVE.match(says) or _DEPENDENT_ONLY.match(says):
                continue  # "“And I asked, well, on whose authority”": the rest is missing
            # A comma inside a quote within the quote becomes its stop: "‘Nobody should
            # dig away the hill a village stands on,’" ends "stands on.’".
            says = f"“{end_sentence(says)}”"
        else:
            listener = None
            if number == _BEFORE_VERB_FORM and _TOLD_NOBODY.search(sentence[: match.start("says")]):
                # "told a few thousand teachers on the lawn that ...": the listener runs
                # to "that"; with no "that" the claim's start is unknown.
                listener = _LISTENER.match(says)
                if listener is None:
                    continue
                says = says[listener.end() :]
            if (
                number == _BEFORE_VERB_FORM
                and not (
                    groups.get("that")
                    or listener
                    # The speaker's own verb, not one inside the claim: "Denmark announced
                    # a new package ..., as Greenland's premier said ..." is no saying.
                    or (
                        _CLAUSE_START.match(says)
                        and _CORE_VERB.search(sentence[match.end("who") : match.start("says")])
                    )
                )
            ):
                continue
            if number == _AFTER_CLAIM_FORM:
                cut = _cut_at_closing_quote(says)
                if cut is None:
                    continue
                says = cut
            claim = _clean_claim(says)
            if claim is None:
                continue
            says = claim
        return Statement(who, says, is_plural=is_plural_speaker(who, raw))
    return None


_PRONOUNS = frozenset({"He", "She", "They", "It", "We", "I"})
# A denial's verb and up to three words of its object before "claims" or "reports".
_DENIED = re.compile(
    r"\b(?:rejected|rejects|dismissed|dismisses|denied|denies|refuted|refutes|disputed|"
    r"disputes|rebutted|rebuts|questioned|questions)(?:\s+[\w'’-]+){0,5}$"
)
# The saying verbs that are nouns after a denial: "rejected the claims that".
_AS_A_NOUN = re.compile(r"(?:claims?|reports?|estimates?|notes?|states|suggestions?)\b")
# A name, a verb of its own in the past, and "and" before the saying verb.
_DID_AND_SAID = re.compile(r"^(?P<subject>[^,;]*?[A-Z][\w'’.-]*)\s+[a-z]{3,}ed\b[^;]*\s+and$")
# (Not in a clause of the speaker's own: "a tailor in Lagos who said she ...".)
_SAYING_IN_WHO = re.compile(r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)\b(?:said|says|told|tells)\b")
_SAYING_IN_A_CLAUSE = re.compile(
    r"\b(?:who|which|that|what|whom)\b[^,]{0,60}\b(?:said|says|told|tells)\b"
)
# Names in a list, then a group described in lower case with no article ("local
# officials", "residents", "police"): the group speaks; "Ana Ruiz, a spokeswoman" is one
# person and her description.
_LIST_THEN_GROUP = re.compile(
    r"^(?P<names>[A-Z][^,]*?\band\s+[A-Z][^,]*),\s+(?!(?:the|a|an|its|their|his|her|our)\s)"
    r"(?P<group>(?:[A-Z][\w'’-]*\s+(?:and\s+[A-Z][\w'’-]*\s+)?)?(?:[a-z]+\s+){0,2}"
    r"(?:[a-z]+s|police|people|media|agency|television|radio))$"
)
# ... when the list began in the claim: "in the villages of Yater, Kafra and ...".
_LIST_STARTED = re.compile(
    r"\b(?:of|in|at|from|near|around|to|into|between|include|includes|including|such\s+as|"
    r"like)\s+(?P<word>[A-Z][\w'’-]*)"
    r"(?:\s+[A-Z][\w'’-]*)?$"
)
_QUOTE_LABEL = re.compile(
    r"^(?:Quote|Quoting)\s+(?:from\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}):\s*(?=[“\"])"
)
_QUOTE_TAIL = re.compile(
    r"^(?=[A-Z])[^“”\"]{12,}[,.!?][”\"]\s+(?:(?:said|says|added|told|wrote)\s+[A-Z][^“”\"]*"
    # '... into law," Foreign Minister Jane Doe told the radio.': the speaker first.
    r"|[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|spokes(?:man|woman|person)|"
    r"minister|secretary|chief|adviser|advisor)){0,7}\s+(?:said|says|added|told|wrote)\b"
    r"[^“”\"]*)$"
)
# ... a sentence, not a phrase ("A call that would go for 30 seconds ...", "Several
# hundred homes without power"): a verb, and no opening on "a" thing and its clause.
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|"
    r"do|be|wants|needs|means|knows|thinks|believes|seems|remains|makes|takes|gives|"
    r"[a-z]{3,}(?<!hundr)(?<!need)(?<!speed)(?<!seed)ed)\b"
)
_PHRASE = re.compile(r"(?:A|An)\s+\w+\s+(?:that|which|who|lasting|of)\b")
_LOWER_ROLE_WORDS = (
    r"(?P<role>(?:[a-z]+\s){0,2}(?:governor|mayor|spokesman|spokeswoman|spokesperson|"
    r"minister|secretary|chief|director|commander|president|chairman|chairwoman|"
    # ("the official Xinhua News Agency" is no official's name.)
    r"(?<=[a-z]\s)official|"
    r"head|prosecutor|judge|lawyer|ambassador|envoy))"
)
_LOWER_ROLE = re.compile(
    # (After a quotation's comma too: '...,” government spokesperson Hana Welde said'.)
    rf",(?P<mark>[”\"]?)\s(?:(?:a|an|the)\s)?{_LOWER_ROLE_WORDS}\s(?P<rest>[A-Z][\w'’-]+"
    r"(?:\s[A-Z][\w'’-]+){1,2}\s(?:said|says|told|added)\b[^,;]*$)"
)
# Where a name said it, after the name: "said Hana Welde at a briefing", "said the
# Foreign Ministry in a statement" (not "the UN envoy in Sudan": a role's post).
_CIRCUMSTANCE = re.compile(
    r"(?<=[A-Z][a-z’'])[a-z’'-]*(?P<cut>\s(?:at|in|during|on|after|before|while|outside)\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:briefing|news\s+conference|"
    r"press\s+conference|conference|statement|interview|speech|address|rally|ceremony|"
    r"meeting|session|post|message|video|broadcast|debate|hearing|summit|visit)s?\b"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    # "on Telegram", "on state television", "on December 3", "in Geneva".
    r"|(?:Telegram|X|Twitter|Facebook|Instagram|social\s+media|(?:state\s+)?(?:television|"
    r"radio|TV))\b|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d|(?<=\sin\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\.?$"
    r"|(?<=\soutside\s)(?:the\s+)?[a-z]+)[^,]*)$"
)
# (A body is named by its seat: "the Health Ministry in Gaza", "the Embassy in Kyiv".)
_BODY_IN_PLACE = re.compile(
    r"\b(?:Ministry|Office|Embassy|Authority|Authorities|Council|Command|Mission|Department|"
    r"Agency|Committee|Court|Police)\s(?:in|at)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*\.?$"
)
# "..., said foreign ministry spokesperson Hana Welde (at a briefing)."
_SAID_LOWER_ROLE = re.compile(
    rf",(?P<mark>[”\"]?)\s(?P<verb>said|says|added)\s(?:(?:a|an|the)\s)?{_LOWER_ROLE_WORDS}"
    r"\s(?P<rest>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2}(?:[\s.][^,;“”\"]*)?$)"
)
_SECOND_REPORT = re.compile(
    r",(?P<mark>[”\"]?)\s+(?:adding|saying|noting|arguing|insisting)\b"
    # "... would be treated as theft and said Russia would respond": the speaker's own
    # second report, not another speaker's words.
    r"|(?P<quote>[”\"]?)\s+and\s+(?:said|says|added|warned|noted|insisted|argued|vowed)\b"
)
# A claim telling what a person did ("the defendant walked up to the counter and said
# he had a gun"): its "and said" is that person's, not the speaker's second report.
_TOLD_OF_SOMEONE = re.compile(
    r"(?:he|she|they|(?:the|a|an|his|her|their)\s+(?:[a-z]+\s+)?(?:defendant|suspect|man|"
    r"woman|boy|girl|gunman|attacker|driver|officer|victim|client|husband|wife|son|daughter|"
    r"father|mother|brother|sister|friend|neighbour|neighbor|customer|stranger|teenager|"
    r"student|teacher|soldier|guard|pilot|passenger|witness|accused|robber|thief|intruder))"
    r"\b",
    re.IGNORECASE,
)
_ANOTHER_SPEAKERS = re.compile(r",(?P<mark>[”\"]?)\s+(?:while|whereas)\s+(?=[A-Z]|the\s)")


def _clean_claim(says: str) -> str | None:
    """Reported speech as a clean clause, by deletion only; None if it cannot stand."""
    claim = says.removeprefix("that ").strip()
    # "A and that B" -> "A and B": the second "that" only repeats the reporting verb.
    claim = re.sub(r"(,?\s+(?:and|but|or))\s+that\s+", r"\1 ", claim)
    # "A, adding that B" / "A, saying B": what follows is a second report; "A, while
    # China's envoy accused ...": what follows is another speaker's.
    # The comma may sit inside the quotation the claim ends with: 'a “chronic
    # problem,” while ...' keeps its closing mark and loses the comma.
    for pattern in _SECOND_REPORT, _ANOTHER_SPEAKERS:
        rest = pattern.search(claim)
        if rest:
            marks = rest.groupdict()
            if marks.get("quote") is not None and _TOLD_OF_SOMEONE.match(claim):
                # "... that the defendant walked up to the counter and said he had a gun":
                # a told story's subject said it, not the speaker. No claim to cut.
                return None
            claim = claim[: rest.start()] + (marks["mark"] or marks.get("quote") or "")
    if _embedded_speaker(claim):
        cut = _cut_before_speaker(claim)
        if cut is None:
            return None
        # A "speaker" inside the quotation the claim quotes ("“in the small hours, after
        # everybody had said everything ...”") is the quoted words', not another speaker:
        # cut there, the quotation would never close.
        if quotes_balance(cut) or not quotes_balance(claim):
            claim = cut
    claim = claim.rstrip(" ,;:")
    # "But Delhi is not doomed ..., Prakash said": the connective links to the sentence
    # before; what Prakash said is the rest, unless that leans on it too ("And that's").
    opened = _OPENING_CONNECTIVE.match(claim)
    if opened:
        claim = claim[opened.end() :]
        if _LEANING_START.match(claim):
            return None
    participle = _PARTICIPLE_OPENER.match(claim)
    main = claim[participle.end() :] if participle else ""
    # Not a clause of its own joined by "and" ("Banking and energy shares led the
    # rally, and ..."): "Banking" is its subject, not a participle.
    if participle and _FINITE.search(main) and not _OPENING_CONNECTIVE.match(main):
        claim = main
    if _NOT_A_CLAUSE.match(claim) or _TRAILING_SPEAKER.search(claim):
        return None
    if _PHRASE_START.match(claim) and not _FINITE.search(claim):
        return None
    if word_count(claim) < _MIN_CLAIM_WORDS:
        return None
    claim = end_sentence(claim)
    # People in their role, not by name, too: "..., Mr Calamari said" -> "says regulators".
    first = _FIRST_WORD.match(claim)
    if _COMMON_OPENER.match(claim) or (first and is_common_plural(first.group(1))):
        claim = claim[0].lower() + claim[1:]
    return claim


def _cut_at_closing_quote(says: str) -> str | None:
    """A claim before its speaker, ended at its closing quote when what follows has no
    verb: '... "until further notice," the statement from the network, X said' is the
    source's description, not claim. A name there ('..." expert Jane Doe of Bevel,
    Gardner and Co said') is the speaker itself, cut at a comma: None."""
    tail = _AFTER_QUOTE.match(says)
    if not tail or _FINITE.search(tail.group("rest")):
        return says
    if re.search(r"\s[A-Z]", tail.group("rest")):
        return None
    quote = tail.group("quote")
    return (quote[:-1] + "." if quote.endswith(",") else quote) + tail.group("mark")


def _cut_before_speaker(claim: str) -> str | None:
    """The claim up to the clause where another speaker's words begin, or None."""
    embedded = _embedded_speaker(claim)
    assert embedded is not None
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(claim) if m.start() < embedded.start()]
    if not cuts:
        return None
    head = claim[: cuts[-1]]
    return head if word_count(head) >= _MIN_CLAIM_WORDS else None
