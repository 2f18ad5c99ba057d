"""Perspectives: who says what in a story's articles, one voice per speaker.

An attributed statement is a speaker, a reporting verb and a claim. The forms are
those of real reporting (``attribute_sentence`` lists them): "X said (that) A and that
B", "A, X said.", "According to X, A", a quote then "said X, a cattle farmer", "X said:
"...", and a bulleted list of claims after "critics (like A and B) say X:". Two speakers
in one sentence ("X said A, while Y said B") give two statements.

The claim is a slice of the sentence: a quote keeps its words and quotation marks, and
reported speech becomes a clean clause only by deletion (the "that" of "and that B", a
trailing "adding that ...", another speaker's words). The speaker is named as the
article names them, with their role: a bare surname or "the minister" is completed
from the article ("Arnaud Lefèvre, a cattle farmer in the Limousin", "France's
agriculture minister"). Only people, governments and organisations are speakers, never
a document, a decision or a date. A perspective is printed in the present tense ("X
says ...", "Critics, like A and B, say ...").

``summarize.py`` ranks the sentences; :func:`find_perspectives` keeps one statement per
speaker spread over outlets and groups speakers who say the same thing with the same
stance into "Critics, like A and B" (or "Supporters, ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.models import Perspective
from digest.text import content_words, word_count

__all__ = [
    "Statement",
    "attribute_sentence",
    "find_perspectives",
    "is_speaker",
    "join_list_items",
]

# Statements shorter than this are fragments (the same floor summarize.py uses for
# sentences); longer than _MAX_WORDS they are run-ons the splitter failed to cut.
_MIN_WORDS, _MAX_WORDS = 7, 70
_MIN_CLAIM_WORDS = 4
_QUOTE_CHARS = '"“”'

_VERBS = (
    r"said|says|say|told|tells|argued|argues|argue|warned|warns|warn|claimed|claims|claim|"
    r"insisted|insists|insist|stated|states|added|adds|noted|notes|contended|contends|"
    r"maintained|maintains|maintain|believes|believe|wrote|writes|explained|explains|"
    r"acknowledged|acknowledges|conceded|concedes|predicted|predicts|suggested|suggests|"
    r"countered|counters|stressed|stresses|cautioned|cautions|declared|declares|"
    r"announced|announces|confirmed|confirms|estimated|estimates|reported|reports"
)
_AUX = r"(?:(?:has|had|have|also|later|previously|earlier|then|publicly|repeatedly)\s+)*"
_WHO = r"(?:[A-Z]|the\s|an?\s|its\s|their\s|some\s|many\s|most\s)[^\"“”;:]{1,110}?"
# The same, running to the end of the sentence: "said Jane Doe, a farmer in the Limousin."
_WHO_WHOLE = _WHO.removesuffix("?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_TIME = (
    rf"(?:\s+(?:(?:on|last|this|late|early|earlier|later)\s+[\w:.\- ]{{1,25}}?"
    rf"|in\s+(?:a\s+statement|an?\s+interview|{_MONTH}|\d{{4}})|at\s+an?\s+[\w ]{{3,30}}?"
    rf"|{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|again))?"
)
# Where it was said: "in Nuuk", "at the United Nations".
_PLACE = r"(?:\s+(?:in|at|from)\s+(?:the\s)?[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,3})?"
# The object of "told"/"tells": "reporters", "the BBC", "Reuters", "him".
_TOLD = (
    r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|lawmakers|parliament|"
    r"(?:the|a|an)\s+(?:[a-z]+\s){0,2}?(?:press|media|audience|crowd|committee|court|"
    r"newspaper|paper|conference|rally|parliament|assembly|council|broadcaster|station)|"
    r"the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,3}|"
    r"him|her|them|us))?"
)
_ATTRIBUTIONS = (
    # "Claim," said Jane Doe, a farmer.  /  "Claim," Jane Doe said on Monday.
    re.compile(
        rf"^[\"“](?P<says>[^\"“”]{{12,}}?)[,.?!]?[\"”],?\s+(?:(?:{_VERBS})\s+(?P<who1>{_WHO_WHOLE})"
        rf"|(?P<who2>{_WHO})\s+{_AUX}(?:{_VERBS}){_TOLD}{_PLACE}{_TIME}{_PLACE})\s*[.,]?$"
    ),
    re.compile(
        rf"^[\"“](?P<says>[^\"“”]{{12,}}?)[,.?!]?[\"”],?\s+(?:(?:{_VERBS})\s+(?P<who1>{_WHO})"
        rf"|(?P<who2>{_WHO})\s+{_AUX}(?:{_VERBS})){_TOLD}{_PLACE}{_TIME}[.,]"
    ),
    # According to Jane Doe, claim.
    re.compile(rf"^According\s+to\s+(?P<who>{_WHO}),\s+(?P<says>[a-zA-Z\"“].{{12,}})$"),
    # Claim, according to Jane Doe.
    re.compile(r"^(?P<says>.{20,}?),\s+according\s+to\s+(?P<who>[^,]{3,80}(?:,[^,]{3,60})?)\.$"),
    # Claim, Jane Doe said (on Monday).  /  Claim, said Jane Doe, a farmer.
    re.compile(
        rf"^(?P<says>[A-Z\"“].{{20,}}?),\s+(?:(?P<who1>{_WHO})\s+{_AUX}(?:{_VERBS})"
        rf"|(?:{_VERBS})\s+(?P<who2>{_WHO})){_TOLD}{_PLACE}{_TIME}{_PLACE}\.$"
    ),
    # Jane Doe said (on Monday) (that) claim.  /  Jane Doe told Reuters: "claim."
    re.compile(
        rf"^(?P<who>{_WHO})\s+{_AUX}(?:{_VERBS}){_TOLD}{_PLACE}{_TIME}(?:,|:)?\s+(?P<that>that\s+)?"
        rf"(?P<says>[a-zA-Z0-9\"“].{{12,}})$"
    ),
)
_QUOTE_FORMS = (0, 1)
_BEFORE_VERB_FORM = 5
# "X said A, while Y said B": the second speaker starts after one of these.
_SECOND_SPEAKER = re.compile(
    rf"(?:,|;)\s+(?:while\s+|whereas\s+|but\s+|and\s+)?(?=(?:{_WHO})\s+{_AUX}(?:{_VERBS})\b)"
)
# Inside a claim, another speaker's words: "... after the secretary general said ...".
_EMBEDDED_SPEAKER = re.compile(
    r"\b(?:said|says|say|told|tells|argued|warned|claimed|according to|insisted)\b"
)
# Where a claim can be cut before another speaker's words.
_CLAUSE_CUT = re.compile(
    r",\s+(?:while|whereas|but|as|after|when|because|adding|saying|noting)\b|"
    r"\s+(?:after|while|whereas|as|when|because)\s+(?=\w)|;\s+"
)
_PRONOUN = re.compile(
    r"^(?:he|she|they|it|we|i|you|this|that|these|those|there|who|which|what|his|her|"
    r"their|its|one|some|many|others|anyone|someone|everyone|nobody|our|my)\b",
    re.IGNORECASE,
)
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
    r"must|do|did|does|not|to|you|we|I|after|before|while|whether)\b"
)
# Intro phrases before the speaker, cut at their comma: "Ditching decorum, Trump said".
_INTRO = re.compile(
    r"^(?:(?:As|When|While|After|Before|Although|Though|If|Since|Because|Once|Until|In|On|"
    r"At|During|Speaking|Asked|Meanwhile|However|But|And|Still|Yet|Later|Earlier|Now|Then|"
    r"Separately|Instead|Previously|Also|Indeed|Today|Yesterday|Tomorrow|Tonight|For|With|"
    r"Without|Despite|"
    r"Under|Over|From|By|To)\b|[A-Z]?[a-z]+(?:ing|ed)\b|[a-z])"
)
_PAST_TIME = re.compile(
    rf"^(?:In|By|Until|Since)\s+(?:\d{{4}}|{_MONTH})\b|^(?:Years|Decades) ago\b"
)
_LEADING_TIME = re.compile(
    rf"^(?:(?:on\s+)?(?:{_WEEKDAY}|Today|Yesterday|Tonight|Earlier|Later|Now|Then|Also)"
    rf"(?:\s+(?:morning|afternoon|evening|night))?,?\s+)+"
)
_SPEAKER_TAIL = re.compile(
    r"(?:,?\s+(?:on|last|this|late|early|earlier|later|also|again|in a statement|today|"
    rf"yesterday|{_WEEKDAY})"
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"night|morning|evening|afternoon|day|today))?)+$"
)
# Verbs that take a bare clause; any other ("wrote", "noted") needs "that" after it.
_CORE_VERB = re.compile(r"\b(?:said|says|say|told|tells|added|adds|insisted|insists)\b")
# An indirect claim starts like a clause ("that ...", "the plan ...", "it was ...");
# "to move indoors" or "has upwards of" means the verb had an object we cut off.
_CLAUSE_START = re.compile(
    r"^(?:that\s|[\"“]|[A-Z0-9]|(?:the|a|an|it|he|she|they|there|his|her|their|its|this|"
    r"these|those|we|no|none|some|most|all|only|more|nobody|nothing|such|any|every)\b)"
)
# Heads of a speaker phrase that are people or organisations, when not a proper name.
_AGENT_HEAD = re.compile(
    r"^(?:\w*(?:er|or|ist|ian|ant|ent|man|men|woman|women|person|people)s?|"
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
    r"Plan|Deal|Agreement|Proposal|Constitution|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Today|Yesterday|Tomorrow|Tonight)$"
)
# Lower-case heads that end like a person's ("statement" like "president") but are things.
_THING_HEAD = re.compile(
    r"^(?:statements?|documents?|agreements?|arguments?|comments?|announcements?|"
    r"assessments?|judgments?|judgements?|payments?|settlements?|treatments?|"
    r"developments?|experiments?|elements?|moments?|governments?_)$"
)
_SUBORDINATE_START = re.compile(
    r"^(?:When|As|While|If|After|Before|Because|Although|Though|Since|Until|Once|Unless|"
    r"Whether|Where)\s"
)
_PLURAL_LEAD = re.compile(r"^(?:Critics|Supporters|Opponents)\b")
_CRITICAL = re.compile(
    r"\b(?:criticis|criticiz|condemn|denounc|slam|accus|oppos|reject|illegal|unlawful|"
    r"dangerous|reckless|mistake|wrong|threat|provocat|violat|unacceptable)\w*",
    re.IGNORECASE,
)
_SUPPORTIVE = re.compile(
    r"\b(?:welcom|prais|hail|back(?:ed|s)|support|applaud|endors|commend)\w*", re.IGNORECASE
)
# Words that open a sentence in capitals but are not names: lower-cased in a claim.
_COMMON_OPENER = re.compile(
    r"^(?:The|A|An|It|Its|This|That|These|Those|There|Some|Most|All|No|None|Only|More|"
    r"Many|Such|Any|Every|Each|Nobody|Nothing|Both|Neither|Another|Other|His|Her|Their|"
    r"They|He|She|We)\b"
)
# Two statements saying the same thing: this share of the shorter one's content words.
_SAME_CLAIM = 0.4
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
    "X say the thing: item; item." (see :func:`join_list_items`), and two of these
    joined by ", while", "; " or ", but". Pronoun, vague and non-agent speakers ("he",
    "officials", "the decision") give nothing: they need context or are not speakers.
    """
    if sum(sentence.count(q) for q in _QUOTE_CHARS) % 2:
        return ()  # half a quote: the splitter cut inside it
    for split in _SECOND_SPEAKER.finditer(sentence):
        head, tail = sentence[: split.start()].rstrip(), sentence[split.end() :]
        one, two = _attribute(head.rstrip(",;") + "."), _attribute(tail[0].upper() + tail[1:])
        if one is not None and two is not None:
            return (one, two)
    first = _attribute(sentence)
    return () if first is None else (first,)


def _attribute(sentence: str) -> Statement | None:
    for number, pattern in enumerate(_ATTRIBUTIONS):
        match = pattern.match(sentence)
        if not match:
            continue
        groups = match.groupdict()
        who = _clean_speaker(groups.get("who") or groups.get("who1") or groups.get("who2") or "")
        says = (groups.get("says") or "").strip()
        if not who or not _is_agent(who) or word_count(says) < _MIN_CLAIM_WORDS:
            continue
        if number in _QUOTE_FORMS:
            says = f"“{says.rstrip(',')}.”" if says[-1] not in ".?!" else f"“{says}”"
        else:
            if number == _BEFORE_VERB_FORM and not (
                groups.get("that")
                or (_CLAUSE_START.match(says) and _CORE_VERB.search(match.group(0)))
            ):
                continue
            claim = _clean_claim(says)
            if claim is None:
                continue
            says = claim
        return Statement(who, says, is_plural=_is_plural(who))
    return None


def _clean_speaker(raw: str) -> str:
    """The speaker as named: intro phrases, time words and "Its" removed, brackets as commas."""
    who = " ".join(raw.split()).strip(" ,").removesuffix(".")
    parts = who.split(", ")
    # "Ditching decorum and diplomacy, Trump" / "As the polls opened, some analysts": the
    # speaker starts after the intro's comma. An appositive ("Jane Doe, a farmer") stays.
    while len(parts) > 1 and _INTRO.match(parts[0]):
        parts = parts[1:]
    who = ", ".join(parts)
    who = _LEADING_TIME.sub("", who)
    who = _SPEAKER_TAIL.sub("", who).strip(" ,")
    who = re.sub(r"^(?:Its|Their|His|Her)\s+(?=[a-z])", "", who)
    who = re.sub(r"\s*\(((?:like|including|such as)\s[^()]{2,80})\)", r", \1,", who)
    who = who.strip(" ,")
    return who[:1].upper() + who[1:] if who else ""


def _is_agent(who: str) -> bool:
    """A person, government or organisation, named or described; not a clause or a thing."""
    words = who.split()
    if not (0 < len(words) <= 14) or _PRONOUN.match(who) or _VAGUE.match(who):
        return False
    if _PAST_TIME.match(who) or _SUBORDINATE_START.match(who):
        return False  # "In 2023 the president": long ago; "When Jane Doe": a clause
    name = re.split(r",\s+(?:a|an|the|who|like|including|such as)\b|,", who)[0].strip()
    for appositive in re.findall(r",\s+(\S+)", who):
        # "Jane Doe, a farmer" / "Critics, like A" / "A spokesman, Geng Shuang": a comma
        # followed by anything else ("Tomorrow, you will") means the match ran over.
        if not re.match(r"(?:a|an|the|like|including|such|who|[A-Z])", appositive):
            return False
    if _NOT_IN_SPEAKER.search(name):
        return False
    head_phrase = re.split(r"\s(?:of|for|at|from|with|in|on|to)\s", name)[0]
    tokens = [re.sub(r"(?:['’]s?)?\.?$", "", t) for t in head_phrase.split()]
    head = tokens[-1] if tokens else ""
    if not head or any(c.isdigit() for c in head) or _NOT_AGENT.match(head):
        return False
    if head[0].isupper():
        return not _NOT_AGENT.match(head)
    return bool(_AGENT_HEAD.match(head)) and not _THING_HEAD.match(head)


def is_speaker(who: str) -> bool:
    """Whether ``who`` names a person, government or organisation (for checking an issue).

    Group labels ("Critics, like A and B") count when their members do.
    """
    text = who.strip().rstrip(",")
    grouped = re.match(r"^(?:Critics|Supporters|Opponents), (?:like|including|such as) (.+)$", text)
    if grouped:
        members = re.split(r",\s|\s+and\s+", grouped.group(1))
        return all(_is_agent(m.strip()) for m in members if m.strip())
    return _is_agent(_clean_speaker(text)) and _clean_speaker(text) == text[:1].upper() + text[1:]


def _is_plural(who: str) -> bool:
    if _PLURAL_LEAD.match(who):
        return True
    name = re.split(r",", who)[0]
    if re.search(r"\sand\s", name):
        return True
    head_phrase = re.split(r"\s(?:of|for|at|from|with|in|on|to)\s", name)[0].split()
    head = head_phrase[-1] if head_phrase else ""
    return head[:1].islower() and (
        (head.endswith("s") and not head.endswith(("ss", "us", "is"))) or head == "police"
    )


def _clean_claim(says: str) -> str | None:
    """Reported speech as a clean clause, by deletion only; None if it cannot stand."""
    claim = says.removeprefix("that ").strip()
    # "A and that B" -> "A and B": the second "that" only repeats the reporting verb.
    claim = re.sub(r"(,?\s+(?:and|but|or))\s+that\s+", r"\1 ", claim)
    # "A, adding that B" / "A, saying B": what follows is a second report; "A, while
    # China's envoy accused ...": what follows is another speaker's.
    claim = re.split(r",\s+(?:adding|saying|noting|arguing|insisting)\b", claim)[0]
    claim = re.split(r",\s+(?:while|whereas)\s+(?=[A-Z]|the\s)", claim)[0]
    if _EMBEDDED_SPEAKER.search(claim):
        cut = _cut_before_speaker(claim)
        if cut is None:
            return None
        claim = cut
    claim = claim.rstrip(" ,;:")
    if word_count(claim) < _MIN_CLAIM_WORDS:
        return None
    if claim[-1] not in '.?!"”':
        claim += "."
    if _COMMON_OPENER.match(claim):
        claim = claim[0].lower() + claim[1:]
    return claim


def _cut_before_speaker(claim: str) -> str | None:
    """The claim up to the clause where another speaker's words begin, or None."""
    embedded = _EMBEDDED_SPEAKER.search(claim)
    assert embedded is not None
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(claim) if m.start() < embedded.start()]
    if not cuts:
        return None
    head = claim[: cuts[-1]]
    return head if word_count(head) >= _MIN_CLAIM_WORDS else None


# Choosing and grouping ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    index: int  # position in the caller's ranked sentences
    statement: Statement
    stance: str  # "critical", "supportive" or ""


def find_perspectives(
    sentences: Sequence[tuple[str, int]],
    articles: Sequence[tuple[str, str]],
    *,
    limit: int,
    documents: Sequence[Sequence[str]] = (),
) -> list[tuple[int, Perspective]]:
    """Up to ``limit`` perspectives from ``sentences``, in the order they should be shown.

    ``sentences`` are ``(text, article index)`` pairs, best first (the caller's ranking
    decides which statement of a speaker wins); ``articles`` are ``(url, outlet)`` pairs;
    ``documents`` the articles' sentences in order, used to name a speaker in full
    ("Lefèvre" -> "Arnaud Lefèvre, a cattle farmer") and to resolve "the minister".
    Each result is ``(position in sentences, Perspective)``. One statement per speaker;
    the first pass takes one per outlet so the voices come from several sources.
    """
    found: list[_Found] = []
    for position, (text, doc) in enumerate(sentences):
        if not (_MIN_WORDS <= word_count(text) <= _MAX_WORDS):
            continue
        context = documents[doc] if doc < len(documents) else ()
        outlet = articles[doc][1] if doc < len(articles) else ""
        for statement in attribute_sentence(text):
            named = _name_in_full(statement, context, outlet)
            if named is not None:
                found.append(_Found(position, named, _stance(text)))
    chosen: list[_Found] = []
    speakers: set[str] = set()
    for one_per_outlet in (True, False):
        outlets = {sentences[f.index][1] for f in chosen}
        for item in found:
            key = _speaker_key(item.statement.who)
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


def _stance(text: str) -> str:
    if _CRITICAL.search(text):
        return "critical"
    return "supportive" if _SUPPORTIVE.search(text) else ""


def _name_in_full(statement: Statement, context: Sequence[str], outlet: str) -> Statement | None:
    """The statement with its speaker named as the article names them; None if unnamed."""
    who = statement.who
    if re.match(r"^Our\s+(?:correspondent|reporter|editor)", who):
        who = f"{outlet}'s {who.split(maxsplit=1)[1]}" if outlet else ""
    elif re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Prof)\.?", who):
        return None
    elif re.fullmatch(r"[A-Z][\w'’\-]+", who):
        who = _full_name(who, context)
    elif re.fullmatch(r"The\s+[a-z][a-z ]{2,40}", who):
        who = _resolve_role(who, context)
    if not who:
        return None
    return Statement(who, statement.says, is_plural=statement.is_plural)


def _full_name(surname: str, context: Sequence[str]) -> str:
    """The first full mention of a person in the article, with the role it gives."""
    name = re.escape(surname)
    for sentence in context:
        match = re.search(
            rf"(?<![\w'’])((?:[A-Z][\w'’.\-]+\s){{1,3}}{name}|{name}(?:\s[A-Z][\w'’\-]+){{1,2}})"
            rf"(?P<role>,\s(?:a|an|the)\s[^,.;:\"“”]{{3,70}}(?=,|\s(?:said|says|told)\b))?",
            sentence,
        )
        if match:
            full = match.group(1)
            if _LEADING_TIME.match(full + " ") or not _is_agent(full):
                continue
            role = match.group("role") or ""
            # "Jane Doe, the lawyer who has filed four suits": a relative clause is a
            # story of its own, not a role.
            return full if re.search(r"\b(?:who|which|that|whose)\b", role) else full + role
    return surname


def _resolve_role(who: str, context: Sequence[str]) -> str:
    """ "The minister" -> "France's agriculture minister", as the article first says it."""
    role = who.split(maxsplit=1)[1]
    head = role.split()[-1]
    for sentence in context:
        match = re.search(
            rf"(?<![\w'’])((?:[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)*['’]s\s)(?:[a-z][\w\-]*\s){{0,3}}"
            rf"{re.escape(head)})\b",
            sentence,
        )
        if match:
            return match.group(1)
    # An institution named only by its role ("The ministry") is not a named speaker.
    return "" if head in ("minister", "ministry", "spokesman", "spokeswoman", "official") else who


def _speaker_key(who: str) -> str:
    """One key per speaker: "Geng Shuang" = "A foreign ministry spokesman, Geng Shuang",
    "President Donald Trump" = "Donald Trump"; a description ("Denmark's prime
    minister") is its own key."""
    text = re.split(r",\s(?:like|including|such as)\s", who)[0]
    segments = text.split(", ")
    for segment in (segments[0], text):
        runs = re.findall(r"(?:[A-Z][\w.'’\-]+\s)+[A-Z][\w.'’\-]+", segment)
        runs = [r for r in runs if not re.match(r"(?:A|An|The)\s", r) or len(r.split()) > 2]
        if runs:
            return re.sub(r"['’]s$", "", runs[-1].split()[-1]).lower()
    return text.lower()


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
        if (
            item.stance
            and not _PLURAL_LEAD.match(item.statement.who)
            and _is_named(item.statement.who)
        ):
            for other in (*chosen, *found):
                keys = {_speaker_key(m.statement.who) for m in members}
                if (
                    other.stance == item.stance
                    and other.index not in {m.index for m in members}
                    and _speaker_key(other.statement.who) not in keys
                    and _same_claim(item.statement, other.statement)
                    and not _PLURAL_LEAD.match(other.statement.who)
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
