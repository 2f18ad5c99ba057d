"""Whether a sentence leans on something the reader has not seen, and on what.

Briefly, the notes, the headline, "What to watch", "Also in the news" and `digest
check` ask this of a sentence about to be printed on its own. :func:`needs_antecedent`
reads the sentence alone:

* an opening that answers the sentence before: a pronoun, a demonstrative, a
  connective ("He", "This", "But", "In fact", "The former ..."), "however" or "also"
  in the first clause, "..., she said, ..." anywhere;
* a pronoun early on with no one before it in the sentence ("After the show was
  dropped, he ...", "Police say his car ..."), or "he"/"she" anywhere after an opening
  on a determiner or a group with no name nor person before it ("Police believe he
  ...", "Most members of the public ... the planets he has found");
* a demonstrative anywhere ("by that conclusion", "these feathers", "With this in
  mind", "Beyond that,"), not a shared time ("this week", "at this point") nor "those
  who ..." (anyone who is);
* a report with nothing reported ("Crowley confirmed that on Sunday.", "Piatt wrote on
  his fundraising page.", "Officials said in a statement.");
* "then" after the subject ("Hall said Caballero then confronted ...");
* an ordinal opening the reported clause ("said that the second oath ...");
* a definite subject with no qualifier ("The initiative, agreed ..."), or a reaction
  to an act named only as "the X" ("... dismissed the threat.").

:func:`introduced_before` needs the article: "the X" in a sentence's opening that the few
sentences before introduced ("a 17-year-old deckhand" ... "Police questioned the
deckhand"). :func:`unintroduced_surname` needs the story: a subject that is a bare
surname ("Gahler said ...", "Dr Brown still gets ...") of someone the articles name in
full elsewhere ("Sheriff Jeffrey Gahler"): news style names a person in full once, and a
reader of the sentence alone does not know who Gahler is.

What could be wrongly hit, and how it was checked: the rules were read on every
Briefly-eligible sentence of the Multi-News dev items and the real feed snippets
(docs/quality.md, "Leaning on what the reader never saw"); a pronoun resolved in its
own sentence ("A father tried to shield his wife") passes, so the rules err toward
printing.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from digest.naming import _PERSON_TITLES
from digest.places import DEMONYMS, countries_named
from digest.text import MONTHS, WEEKDAYS, content_words

__all__ = [
    "closing_speaker",
    "introduced_before",
    "known_surnames",
    "needs_antecedent",
    "opens_on_an_ordinal",
    "points_back",
    "unintroduced_surname",
]

# Openings that lean on an earlier sentence: pronouns, demonstratives, connectives.
_DANGLING_START = re.compile(
    r"^(?:He|She|They|It|Its|His|Her|Their|Them|This|That|These|Those|But|And|Or|So|Also|"
    r"However|Still|Yet|Meanwhile|Instead|Then|There|Here|I|We|You|Our|My|Both|Neither|Nor|"
    r"Another|Others|Such|Later|Earlier|Afterwards|Months later|Days later|Weeks later|"
    r"Years later|Hours later|The next day|The following|Even so|Despite this|As a result|"
    r"In response|In return|In turn|In exchange|In addition|Additionally|Moreover|"
    r"Furthermore|Besides|Similarly|"
    r"Likewise|Nevertheless|Nonetheless|Otherwise|Thus|Therefore|Hence|Now|Again|Once again|"
    r"In doing so|By doing so|In so doing|Doing so|To do so|"
    r"The two|The pair|The couple|The latter|The former|The same|In fact|Indeed|After all|"
    r"Of course|On the other hand|By contrast|In contrast|That said|Amid (?:all )?(?:this|that)|"
    r"Even then|For example|For instance|As such|At first(?=,)|In other words|To that end|"
    r"To this end|Closer to home|Coming back to|Back to|Flash[- ]forward|Fast[- ]forward|"
    # "A separate campaign ...": apart from one told before. "Even friends of ...": even
    # they, after others told before (not "Even as ...", "Even before ...": a time).
    r"An? separate|Even(?= (?!as\b|before\b|after\b|though\b|if\b|when\b|while\b|so\b|"
    r"then\b|now\b|today\b|with\b|without\b|in\b|at\b|on\b|for\b|during\b|more\b|less\b|"
    r"worse\b|better\b|larger\b|bigger\b|higher\b|lower\b|greater\b|fewer\b))|"
    r"In (?:each|both|either|this|that|these|those|such|every|neither) (?:case|cases|"
    r"instance|instances|way)|"
    # "First, the scientists calculated ...", "Finally, Keller and her team ...": a step
    # of a sequence told before.
    r"(?:First|Firstly|Second|Secondly|Third|Thirdly|Finally|Lastly|Next)(?=,)|"
    # "At that point, the ball will be back in ...": the moment told before.
    r"(?:At|On|By|From|Until|Since|Up to) that (?:point|time|moment|stage|juncture)|"
    # "The second incident occurred ...": an ordinal counts on a first one told before.
    r"The (?:second|third|fourth|fifth|other|latter) (?!time\b|half\b|quarter\b|round\b)"
    r"(?=[a-z]))\b(?![-‐])"  # "The two-day summit", "Then-President Obama", "So-called"
)
_STYLE_OF_ADDRESS = re.compile(
    r"(?:His|Her|Their|Your)\s+(?:Royal\s+|Imperial\s+|Serene\s+)?(?:Majesty|Majesties|"
    r"Highness|Highnesses|Holiness|Excellency|Excellencies|Eminence|Beatitude|Grace)\s+"
    # (The name or title it styles: not "His Majesty said ...", which leans on one.)
    r"(?=(?:the\s+)?[A-Z])"
)
# "In June 2022 the two countries ended ...", "Foreign ministers of the three countries
# met ...": which ones, the sentence before said (unless this one names them first).
_THE_FEW = re.compile(
    r"\bthe\s+(?:two|three|four|five)\s+(?:countries|nations|sides|governments|leaders|"
    r"parties|neighbours|neighbors|allies|states|capitals|men|women)\b",
    re.IGNORECASE,
)
# "Even though he isn't a baby anymore ...": a clause that opens the sentence with a
# pronoun has no one before it to stand for, comma or not.
_SUBORDINATE_PRONOUN = re.compile(
    r"^(?:Even though|Although|Though|Because|When|While|If|Since|As|After|Before|Once|"
    r"Until|Unless)\s+(?:[a-z]\S*\s+){0,2}?(?:he|she|they|his|her|their|him|them)\b"
)
# "One grabbed the woman's purse": "one" as the subject is one of a group told before.
# Not a number ("One hundred people"), nor "One" before an adjective and its noun ("One
# unnamed official", "One armed man"): a past form counts only before an object or a
# preposition.
# A count with no noun of its own, counting people a sentence before named: "Eight were
# taken to hospital", "Three of them were children", "Most were women". ("Eight people
# were ...", "Two ferries sank" name what they count; a crowd's "Dozens were killed in
# strikes on Gaza overnight" opens a wire's report.)
_COUNT_ALONE = re.compile(
    r"^(?:(?!(?:19|20)\d\d\b)\d[\d,]*|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|"
    r"Twelve|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teen|(?:Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)ty"
    r"|Most|Many|Some|Several|Both|All|None|Half)(?:\s+of\s+(?:them|those|these|whom))?\s+"
    r"(?:were|was|are|is|had|have|remain|remained|died|survived|suffered|escaped|fled)\b"
)
_ONE_OF_THEM = re.compile(
    r"^One\s+(?:(?!hundred\b)[a-z]+ed(?=\s+(?:the|a|an|his|her|their|its|him|them|it|to|in|"
    r"on|at|into|from|with|up|out|down|off|back|away|over)\b|[,.;])|was|is|had|has|says|said|"
    r"told|took|ran|made|got|went|came|saw|left|gave|found|held|kept|won|lost|fell|hit|shot|"
    r"stood)\b"
)
# "... have been wondering the same thing", "urged others to do the same": the same as
# what a sentence before told, in the sentence's first clause (in "When Germany cut its
# gas use, France did the same" the sentence tells it). Not the same as something the
# sentence names next ("the same deal for farmers that Canada got", "the same way as"),
# nor "the same day", "at the same time", "are not the same thing": only "the same",
# "the same thing" or "the same way" at the end of a clause or before an adverbial.
# How someone spoke, with what they said in the next sentence: "Greenland's premier,
# Jens-Frederik Nielsen, was more pointed.", "The minister went further."
_ONLY_HOW_SAID = re.compile(
    r"^[^;:]{3,90}?\s(?:(?:was|were)\s+(?:even\s+|far\s+|much\s+)?(?:more|less)\s+"
    r"(?:pointed|blunt|direct|forthright|cautious|measured|explicit|scathing|critical|emphatic|"
    r"candid|conciliatory|guarded|optimistic|pessimistic|combative|circumspect)"
    r"|(?:was|were)\s+blunter|went\s+(?:even\s+|much\s+)?further|put\s+it\s+(?:more\s+)?"
    r"(?:bluntly|plainly|simply|starkly|differently)|struck\s+a\s+(?:more\s+)?[a-z]+\s+tone)"
    r"(?:\s+(?:still|(?:on|in)\s+[A-Za-z][\w’']*(?:\s+[A-Z][\w’']*){0,2}))?[.!]?$"
)
_SAME_AS_BEFORE = re.compile(
    r"^[^,;:]*?\b(?:do|does|did|doing|done|say|says|said|feel|feels|felt|think|thinks|"
    r"thought|try|tries|tried|trying|wonder|wondering|wondered|want|wants|wanted|expect|"
    r"expects|expected|ask|asks|asked|asking)\s+the\s+same(?:\s+(?:thing|way))?"
    r"(?=\s*[.,;:!?\"”]|\s+(?:again|too|now|today|later|soon|since|for\s+(?:his|her|their|its)"
    r"|with\s+(?:his|her|their|its))\b|$)"
)
# A vote told without what it was on: "The opposition parties voted against.", "Two
# members abstained." (what they voted on is the sentence before's).
_VOTE_WITHOUT_MOTION = re.compile(
    r"\b(?:voted|vote|votes|voting)(?:\s+[\d,]+\s+to\s+[\d,]+)?\s+(?:against|in\s+favou?r|for)"
    r"\s*[.!]?[\"”]?\s*$"
    r"|\babstained\s*[.!]?\s*$"
)
# ... unless the sentence says what the vote was on: "Only 178 MEPs voted in favour of
# the text, while 371 voted against and 41 abstained", "The government survived a vote
# of no confidence, with 104 MPs backing it and 83 voting against."
_VOTE_ON = re.compile(
    r"\bvot(?:ed|e|es|ing)\s+(?:against|in\s+favou?r\s+of|for|on)\s+(?:the|a|an|his|her|its|their)\b"
    r"|\b(?:vote|motion)\s+of\s+(?:no\s+)?(?:confidence|censure)\b|\bno-confidence\b"
    r"|\b(?:motion|bill|resolution|referendum|amendment|impeachment|censure)\b"
)
# "Staying on the Moon, however, has not": a "however" in the first clause answers the
# sentence before.
_HOWEVER = re.compile(r"^[^,.;:]{1,80},\s+(?:however|though|too|then|therefore|instead),")
# "Smith also defended ...", "Greenland would in turn consult ...": "also" or "in turn"
# after the subject adds to a sentence before it.
_ALSO_SUBJECT = re.compile(r"^(?:\S+\s){1,4}(?:also|in turn)\s")
# "..., she said, ..." anywhere: a speaker named in another sentence (_INTRO_PRONOUN
# looks only at the first 80 characters).
_PRONOUN_SPEAKER = re.compile(
    r",\s+(?:he|she|they)\s+(?:said|says|added|told|wrote|argued|noted|insisted|explained)\b"
)
# "<intro>, he said ..." / "After the show was cancelled, he ...": a pronoun subject
# after an opening phrase; "On her page, Yellin ...": a pronoun in the opening phrase.
# Either is fine when the pronoun has its antecedent earlier in the same sentence
# (see _pronoun_dangles): "After Bill Cosby was sentenced, his lawyers ...".
_INTRO_PRONOUN = re.compile(
    r"^(?P<before>[^,]{1,80}),\s+(?P<pronoun>he|she|they|it|his|her|their|its|this|these|those)\b"
)
_OPENING_PRONOUN = re.compile(
    r"^(?P<before>[^,]{0,60}?)\b(?P<pronoun>he|she|his|her|him|they|them|their)\b[^,]{0,40},"
)
# A sentence that opens with a phrase or clause before its subject ("On her page,",
# "After the show was cancelled,", "Speaking to reporters,"): a pronoun there comes
# before anyone it could stand for.
_FRONTED = re.compile(
    r"^(?:On|In|At|After|Before|During|With|Without|For|From|Despite|Since|Until|Upon|"
    r"Following|Like|Unlike|As|When|While|Although|Though|Because|If|Once|By|Through|"
    r"Under|Among|Within|Amid|Throughout|Unless|Whether|Asked|Told|Given|\w+ing)\b"
)
# ... unless that clause's own subject is a name: "After Bill Cosby was sentenced".
_NAMED_CLAUSE = re.compile(
    r"^(?:After|Before|When|As|While|Since|Because|Although|Though|If|Once|Until|Unless)"
    r"\s+(?:[A-Z][\w'’.\-]*\s+){1,4}[a-z]"
)
_NAME_BEFORE = re.compile(r"^\S+\s.*?\b[A-Z][a-z]")  # a capitalised word after the first
_CLOSING_ATTRIBUTION = re.compile(
    r",\s+[^,]{0,80}?\b(?:said|says|reported|reports|told|added|announced)\b[^,]*$"
)
_STANDING_BODIES = frozenset({"government", "military", "army", "police", "opposition", "navy"})
# A name after the first word, not a month's or a day's ("in the year to March").
_NAMED_LATER = re.compile(rf"(?<=\s)(?!(?:{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)})\b)[A-Z][a-z]")
_PERSONAL = frozenset({"he", "she", "his", "her", "him", "they", "them", "their"})
_SINGULAR = frozenset({"he", "she", "his", "her", "him"})
_POSSESSIVE = frozenset({"his", "her", "their"})
# "The initiative, agreed ..." / "The decision follows ...": a definite noun phrase used
# as the subject without a qualifier of its own ("The death toll from the storm" has one).
# A modifier makes it specific ("The north quay", "The jobs report"), except the
# epithets news gives a thing or person on second mention ("The latest initiative",
# "The alleged gunman", "The embattled chief executive").
# Someone's act the sentence before told, with an irregular past: "The statement came
# hours after Rutte met ...", "The move drew ...".
_ACT_CAME = re.compile(
    r"^The\s+(?P<noun>statement|move|decision|announcement|remarks?|comments?|warning|"
    r"threat|offer|visit|speech|call)(?:\s+(?:by|from|of)\s+[^,.;]{1,80}?)?\s+"
    r"(?:came|drew|sparked|prompted|followed)\b"
)
_DEFINITE_SUBJECT = re.compile(
    r"^The\s+(?:(?:latest|new|recent|proposed|planned|alleged|embattled|beleaguered|"
    r"troubled|controversial|disputed|unnamed|aforementioned|revised|updated|earlier|"
    r"previous|original|same)\s+)?"
    r"(?P<noun>(?!(?:authorities|polls|odds|stakes|markets|elections)\b)[a-z][\w\-]+)"
    r"(?:['’]s\s|,|\s+(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|"
    r"should|did|does|do|also|then|now|still|itself|themselves|currently|already|recently|"
    r"reportedly)\b|\s+\w+(?:ed|es|s)\b)"
)
# "The charges carry ...", "The researchers say ...", "The officials spoke ...": a plural
# definite subject before a verb _DEFINITE_SUBJECT's endings do not see (the present of
# a plural, an irregular past). The word after the noun is no function word ("The talks
# in Geneva", "The victims and their families"), and the word after that is no verb: in
# "The jobs report shows" the noun is a modifier. Nouns that are there all along ("The
# authorities say", "The polls close") need nothing met before.
_PLURAL_SUBJECT = re.compile(
    r"^The\s+(?!(?:authorities|polls|odds|stakes|markets|elections)\b)"
    r"(?P<noun>[a-z][\w\-]*[^sui\W]s)\s+(?!(?:of|from|in|at|on|for|who|that|which|"
    r"whose|to|and|or|but|as|with|by|into|onto|near|after|before|when|while|because|if|than|"
    r"the|a|an|this|these|their|its|his|her|over|under|against|about|between|among|across|"
    r"during|since|until|without|within|behind|around|through|per|like|up|down|out|off|also|"
    r"then|now|still|not|only|just|all|both|each|so|too|very|more|most|here|there)\b)"
    r"[a-z]+\b(?!['’])(?!\s+(?:[a-z]+s|is|are|was|were|has|have|had)\b)"
)
# "The diplomat, Bill White, ...", "The company, Acme Corp., ...": named in apposition.
_NAMED_APPOSITIVE = re.compile(
    r"^The\s+[a-z][\w\-]+(?:\s+[a-z][\w\-]+)?,\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3},\s"
)
# A demonstrative that points back: "mystified by that conclusion", "these feathers",
# "With this in mind", "Beyond that,". Not a time the reader shares ("this week", "these
# days", "at this point"), nor "those who/with/involved ..." (anyone who is), nor "that"
# opening a clause ("said that the", "in that it").
_DEICTIC_TIME = (
    r"(?:week|weekend|year|month|morning|afternoon|evening|night|summer|spring|autumn|fall|"
    r"winter|season|time|past|term|century|decade|days|point|moment)(?:['’]s)?"
)
_AUXILIARY = (
    r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do)"
)
_PREPOSITION = (
    r"(?:[Bb]y|[Oo]f|[Ii]n|[Oo]n|[Aa]t|[Ww]ith|[Ff]rom|[Aa]bout|[Ff]or|[Tt]o|[Dd]espite|[Aa]fter|"
    r"[Bb]efore|[Oo]ver|[Aa]gainst|[Uu]nder|[Bb]eyond|[Dd]uring|[Ll]ike|[Ww]ithout|[Ii]nto|"
    r"[Tt]hrough|[Aa]mid)"
)
# "that" as a determiner after a verb that takes a thing ("had that information from",
# "wanted that money to be used"), when a preposition, a clause's end or "to" follows its
# noun: after "said", "found" or "make" it opens a clause ("found that people ...",
# "make that happen").
_HOLDING_VERB = (
    r"(?:had|has|have|having|got|gets|get|getting|wanted|wants|want|needed|needs|took|takes|"
    r"take|saw|sees|heard|hears|gave|gives|give|received|receives|receive|kept|keeps|keep|"
    r"shared|shares|share|sent|sends|spent|spends|paid|pays|accepted|accepts|accept|"
    r"rejected|rejects|reject|approved|approves|approve|lost|loses|lose)"
)
_AFTER_HELD = (
    r"(?=\s*[.,;:!?)\"”]|\s+(?:to|from|for|in|on|at|with|when|and|but|because|until|since|"
    r"again|too|either|anymore|into|out|up|back)\b)"
)
# Words after "that" that make it no determiner of a noun ("by that the", "of that is").
_NOT_A_NOUN = (
    r"(?:the|a|an|it|he|she|they|we|you|i|his|her|their|its|our|is|was|would|will|has|had)"
)
_GENERIC_THOSE = (
    r"(?:who|whom|whose|that|which|where|of|with|in|at|on|not|for|from|familiar|responsible|close|"
    r"involved|affected|\w+ing|\w+ed)"
)
_DEMONSTRATIVE = re.compile(
    rf"\b(?:this|these)\s+(?!{_DEICTIC_TIME}\b)(?!{_AUXILIARY}\b)(?P<this>[a-z][\w\-]*)"
    rf"|\bthose\s+(?!{_DEICTIC_TIME}\b)(?!{_AUXILIARY}\b)(?!{_GENERIC_THOSE}\b)(?P<those>[a-z][\w\-]*)"
    rf"|\b{_PREPOSITION}\s+that\s+(?!{_DEICTIC_TIME}\b)(?!{_NOT_A_NOUN}\b)(?P<that>[a-z][\w\-]*)"
    rf"|\b{_PREPOSITION}\s+(?:this|that|these|those)(?=[,.;!?]|$)"
    rf"|\b{_HOLDING_VERB}\s+that\s+(?!{_DEICTIC_TIME}\b)(?!{_NOT_A_NOUN}\b)"
    r"(?!(?:this|these|those|there|if|when|what|much|many|far|long|way|kind|sort)\b)"
    rf"(?P<held>[a-z][\w\-]*){_AFTER_HELD}"
    # A plural name of people: "One of those Iranians", "these Democrats".
    r"|\b(?:these|those)\s+(?P<people>[A-Z][a-z]+s)\b"
    # "... says the text ignores that ruling.": a clause "that" opens is no bare noun
    # at the sentence's end, so the "that" points. Not "all that remains", "that
    # happened", "that matters": a relative or a subject with its verb.
    r"|(?<!\ball )(?<!\bwhat )\bthat\s+(?!(?:is|was|are|were|do|does|did|has|have|had|can|could|"
    r"will|would|way|time|day|year|week|one|much|many|far|"
    r"long|too|so|kind|sort|same|said|says)\b)(?P<ending>[a-z]+(?<!ed)(?<![^s]s))(?=[.!?]?[”\"’']?$)"
)
# A report whose content is missing ("Crowley confirmed that on Sunday.", "Piatt wrote on
# his fundraising page."): the reporting verb is followed by nothing but a pointer back
# (that/this/so/it) or where and when it was said. "Officials said in a statement." is
# the same: the statement was the sentence before.
_REPORTING_VERB = (
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )\b(?:said|says|wrote|writes|"
    r"confirmed|confirms|denied|denies|added|adds|explained|noted|announced|tweeted|posted|"
    r"acknowledged|reported)"
)
_ONLY_WHERE = (
    r"(?:\s+(?:on|in|at|during|via|through|to (?:reporters|journalists))\b(?:\s+(?!(?:that|he|"
    r"she|they|it|we|i|there|is|are|was|were|has|have|had|will|would|could|can|should|must|"
    r"may|might)\b)[\w'’.\-]+)+?)?"
)
_REPORT_END = r"\s*(?:\([^)]*\))?[.!]$"
_EMPTY_REPORT = re.compile(
    rf"^[^\"“”]*?{_REPORTING_VERB}\s+(?:that|this|so|it){_ONLY_WHERE}{_REPORT_END}"
    rf"|^[^,\"“”]*?{_REPORTING_VERB}{_ONLY_WHERE}{_REPORT_END}"
)
# "he"/"she" with no one before it to stand for: the sentence opens on a determiner,
# a quantifier or a plural group, and no name (a capitalised word) nor a singular noun
# for a person comes before the pronoun ("Most members of the public don't know the
# planetoids he has found"; "Police believe he ..."; but "A father tried to shield his
# wife" and "An experienced walker fell to her death" have their person).
_GROUP_OPENING = (
    r"(?:The|A|An|Most|Many|Some|All|Few|Several|No|Every|Each|Both|Only|Just|Even|Not|Never|"
    r"Now|Still|Police|Officials|Authorities|Investigators|Prosecutors)"
)
_PERSON_NOUN = (
    r"(?:man|woman|boy|girl|child|baby|teen|teenager|youngster|victim|suspect|mother|father|"
    r"mom|dad|son|daughter|wife|husband|brother|sister|grandmother|grandfather|aunt|uncle|"
    r"niece|nephew|widow|daredevil|person|patient|student|pupil|officer|doctor|nurse|"
    r"lawyer|attorney|judge|chief|president|minister|senator|actress|actor|singer|star|"
    r"athlete|player|coach|priest|bishop|spokesman|spokeswoman|spokesperson|resident|"
    r"driver|pilot|soldier|veteran|survivor|witness|friend|neighbou?r|colleague|partner|"
    r"owner|founder|chef|author|artist|guard|cop|detective|agent|celebrity|bride|groom|"
    r"captain|crew|king|queen|prince|princess|pope|host|\w+(?:man|woman)|"
    r"(?!(?:never|ever|over|under|after|other|either|neither|whether|rather|however|further|"
    r"together|later|earlier|former|latter|per|nor|prior|major|minor)\b)"
    r"\w{2,}(?:er|or|ist|ian|ant|ent|ee))"
)
_UNRESOLVED_PERSON = re.compile(
    rf"^{_GROUP_OPENING}\b(?:(?!\b{_PERSON_NOUN}\b)[^A-Z\"“”])*?\b(?:he|she|him|his|her|himself|"
    r"herself)\b"
)
# "A BNP member said that the second oath was not taken": an ordinal opening the
# reported clause counts on a first one told before, as at the start of a sentence.
_ORDINAL = (
    r"the\s+(?:second|third|fourth|fifth|latter)\s+(?!time\b|half\b|quarter\b|round\b)"
    r"(?=[a-z])"
)
_REPORTED_ORDINAL = re.compile(
    rf"\b(?:said|says|told\s+\w+|added|confirmed|claimed|insisted)\s+(?:that\s+)?{_ORDINAL}"
)
_CLAUSE_ORDINAL = re.compile(rf"^(?:that\s+)?{_ORDINAL}", re.IGNORECASE)


def opens_on_an_ordinal(clause: str) -> bool:
    """Whether a reported clause opens on "the second X" (a voice's "says the second
    oath was not taken"): it counts on a first one told elsewhere."""
    return bool(_CLAUSE_ORDINAL.match(clause))


# "Christine Blasey Ford came forward to accuse him of ...": "him" in the clause of the
# sentence's only person, its subject, is someone else (it would be "herself" or
# "himself" if not), told of in another sentence. Not after a possessive ("Kim Jong
# Nam's assassins killed him") nor past another noun or clause ("the teen ... him", "said
# ... him").
_OBJECT_OF_ANOTHER = re.compile(
    r"^(?:[A-Z][\w\-]*+\s+){0,2}[A-Z][\w\-]*+\s+"
    r"(?:(?!(?:that|who|whom|which|when|while|because|after|before|if|as|since|until|"
    r"said|says|told|and|but|or|where|whose|the|a|an|his|her|their|its|with)\b)"
    r"[a-z][\w'’\-]*+\s+){1,10}him\b"
)
# "Caballero then confronted Austin": "then" after the subject continues a sequence told
# before ("and then", ", then", "who then" continue one inside the sentence).
_THEN = re.compile(
    r"(?<!\band )(?<!, )(?<!\bsince )(?<!\buntil )(?<!\bby )(?<!\bfrom )(?<!\bjust )"
    r"(?<!\bonly )(?<!\beven )(?<!\bback )(?<!\bwas )(?<!\bis )(?<!\bwere )(?<!\bwho )"
    r"(?<!\bwhich )\bthen\s+(?:was|were|had|went|took|gave|made|told|said|left|ran|fled|came|"
    r"began|became|got|saw|found|[a-z]+ed)\b"
)
# "launching a blitz of airstrikes that day", "later that afternoon", "the day before.":
# a time told in another sentence, unless this one named a time before it ("On Friday
# ... later that day"). "The day before Thanksgiving" says which; so may "the same
# day" ("discharged the same day", "the same day the council met"), which is left be.
# After a verb of saying, "that" opens a clause ("warned that night flights ...").
_POINTED_TIME = re.compile(
    r"(?<!\bsaid )(?<!\bsays )(?<!\bwarned )(?<!\bargued )(?<!\bannounced )(?<!\bclaimed )"
    r"(?<!\bbelieve )(?<!\bbelieved )(?<!\bthink )(?<!\bthought )(?<!\bfeared )(?<!\bsaid, )"
    r"\b(?:(?:that|the\s+next|the\s+following|the\s+previous|the\s+preceding)\s+"
    r"(?:day|night|morning|afternoon|evening|week|weekend|month|year)(?![\w-])"
    r"|the\s+(?:day|night|week)\s+(?:before|after|earlier)(?=\s*[,.;:!?]|\s*$)"
    # "arrived just over five minutes later", "Two days later, ...": later than a time
    # told before ("an hour later than planned" compares).
    r"|\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+)?"
    r"(?:moments?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+later\b(?!\s+than)"
    # "Since then the campaign has ...", "By then the fire had spread": since when?
    r"|\b(?:since|until|till|by|before|from)\s+then\b(?![-‐‑–]))",
    re.IGNORECASE,
)
# A time the sentence names itself. "May" only as a month: "in May", "May 3".
_NAMED_TIME = re.compile(
    rf"\b(?:{'|'.join(m for m in (*WEEKDAYS, *MONTHS) if m != 'May')}"
    r"|[Yy]esterday|[Tt]oday|[Tt]onight|(?:1[89]|20)\d\d)\b"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s+\d"
    r"|\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?)\s+May\b|\bMay\s+\d"
)


def _points_to_a_time(text: str) -> bool:
    pointer = _POINTED_TIME.search(text)
    return pointer is not None and not _NAMED_TIME.search(text, 0, pointer.start())


# "... about €185 billion in Russian reserves was trapped there.", "Nobody there
# administered CPR": a place told in another sentence. Not the "there" of "there is",
# "Is there ...?", "Has there been ...", "there probably will be" (an adverb may come
# between), nor of "out there", "not there yet", "then and there", "Hi there"; and not
# after a place the sentence names itself ("Floods in Pakistan ... stranded there").
_POINTED_PLACE = re.compile(
    r"(?<!^)(?<!\bout )(?<!\bhere and )(?<!\bnor )(?<!\bthen and )(?<!\bhi )(?<!\bbeen )"
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bhas )(?<!\bhave )(?<!\bhad )"
    r"(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bcan )(?<!\bthat )"
    r"\bthere\b(?![-’'])(?!\s+yet\b)(?!\s*(?:(?:\w+ly|once|still|also|now|already|never|often|"
    r"always|just|only|even|soon)\s+)?(?:is|are|was|were|has|have|had|will|would|may|might|"
    r"could|can|should|must|needs?|seems?|seemed|appears?|appeared|remains?|remained|exists?|"
    r"existed|comes?|came|used to|lies|lay|stands?|stood|being|be|to be|isn|aren|wasn|"
    r"weren|hasn|haven|hadn|won|wouldn|couldn|shouldn)\b)",
    re.IGNORECASE,
)
# A preposition of place and the capitalised word after it ("in Gaza", "to Oman", "in
# Łódź", "in the U.S."), unless that word is a people's ("in Russian reserves").
_AT_A_NAME = re.compile(
    r"\b(?:in|at|to|from|near|outside|inside|across|around|into)\s+(?:the\s+)?"
    r"([^\W\d_][\w.’'-]*)",
    re.IGNORECASE,
)
_PEOPLES = frozenset(
    word for forms in DEMONYMS.values() for form in forms for word in (form, form + "s")
)


def _names_a_place(text: str) -> bool:
    return any(
        word[0].isupper() and word.rstrip(".’'") not in _PEOPLES
        for word in _AT_A_NAME.findall(text)
    )


def _points_to_a_place(text: str) -> bool:
    pointer = _POINTED_PLACE.search(text)
    return pointer is not None and not _names_a_place(text[: pointer.start()])


# Context: "the teen" where the article introduced "a 16-year-old teen" a sentence or
# three before. The head noun of "the (adjective) noun", not one qualified right after
# it ("the death toll from ..." says which).
_DEFINITE = re.compile(
    r"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<noun>[a-z][\w\-]+)\b"
    r"(?!\s+(?:of|from|in|at|on|for|who|that|which|whose|to)\b|,\s+\w+ed\b)"
)
# ... and the noun is the head of its phrase: punctuation, a function word, a verb form
# or an adverb follows it ("the teen was", "the suspect returned"), not another noun
# ("the drug company", "the gun charge": the modifier of a new thing).
_HEAD_ENDS = re.compile(
    r"^(?:[^\w\s]|\s+(?:is|was|were|are|has|had|have|will|would|could|can|may|might|did|does|"
    r"and|or|but|as|with|by|into|onto|near|after|before|when|while|because|if|said|says|"
    r"told|\w+ed|\w+ly|\w+ing)\b|$)"
)
# ... introduced there by an indefinite at most two words before the noun ("a 16-year-old
# teen"), so "the government", "the police" (there all along) do not count.
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "five", "several", "some"})
_INTRODUCED_WITHIN = 3  # the indefinite and up to two words between it and its noun
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its"})
_CONTEXT_SENTENCES = 3
# ... and "the X" stands in the sentence's opening, where its subject or first object
# is ("Police questioned the deckhand", "The deckhand was released"). Deeper in, it is a
# detail a reader takes as given ("Police believe Connor Cummings, 20, and a friend were
# trying to take pictures from the hotel scaffolding"): dropping such a sentence lost
# the one that introduced the story's people.
_OPENING_WORDS = 4
_FRONTED_PHRASE = re.compile(
    r"(?:In|On|At|After|Before|During|Following|Speaking|Asked|Later|Earlier)\b[^,;:.]{0,60},\s"
)
_TOKEN = re.compile(r"[\w'’\-]+")


# Someone's act told before, as the subject and straight before its verb: "Netanyahu's
# vow came as ...", "Warren's comments came amid ...", "Today's decision is ...". With
# what defines it after the noun ("Biden's visit to Kyiv was ...") it stands alone. All
# 6 such sentences of Multi-News dev lean on the one before.
_SOMEONES_ACT = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.'’\-]*\s){0,3}[A-Z][\w.'’\-]*['’]s\s+(?:[a-z][\w\-]*\s+)?"
    r"(?P<noun>vow|comments?|remarks?|statement|announcement|decision|move|visit|speech|"
    r"testimony|warning|call|threat|letter|claims?|words|pledge|promise|admission|apology|"
    r"response|reply|proposal|offer|order|request|refusal|appearance|arrest|death|"
    r"resignation|departure)\s+(?:came|comes|was|is|has|had|drew|draws|followed|follows|"
    r"sparked|prompted|raised|caused|were|are|marked|marks|left|added)\b"
)

# A reaction to an act the sentence names only as "the X": "Union leader Robert
# Tumuhimbise dismissed the threat.", "Critics rejected the move as illegal". The act is
# one a sentence before told; "rejected the threat of sanctions" names its own, and so
# does a sentence whose main clause told it ("The council voted to double the fares,
# after a debate in which the mayor defended the plan").
_REACTED_TO = re.compile(
    r"^[^,;:]{0,90}?\b(?:dismissed|rejected|welcomed|condemned|criticised|criticized|slammed|denounced|"
    r"praised|hailed|defended|brushed\s+aside|shrugged\s+off|downplayed|ridiculed)\s+the\s+"
    r"(?:(?:latest|new|government['’]s|minister['’]s)\s+)?"
    r"(?P<noun>threats?|move|decision|statement|remarks|comments|claims?|announcement|plan|"
    r"proposal|offer|ultimatum|warning|accusations?|allegations?|ruling|verdict|order)"
    r"(?=\s*(?:[.;!]|,\s|$|\s+(?:as|and|but|saying|calling)\b))"
)


# The Briefly's search asks it of the same sentences many times over (every combination
# of a story's sentences it tries): 47,000 calls on 6,000 sentences for a week of 60
# stories, a quarter of the write-up's time.
@functools.lru_cache(maxsize=1 << 16)
def needs_antecedent(text: str) -> str:
    """What ``text`` leans on from an earlier sentence: "" (nothing), "sentence" (a
    pronoun or connective: only the sentence before it will do) or the noun of its
    definite subject ("initiative" for "The initiative, agreed ...")."""
    # "His Majesty King Abdullah ...": a style of address, no pronoun; the sentence leans
    # on what follows it ("King Abdullah ...").
    if styled := _STYLE_OF_ADDRESS.match(text):
        rest = text[styled.end() :]
        text = rest[:1].upper() + rest[1:]
    if (
        _DANGLING_START.match(text)
        or _few_unnamed(text)
        or _HOWEVER.match(text)
        or _SUBORDINATE_PRONOUN.match(text)
        or _ALSO_SUBJECT.match(text)
        or _PRONOUN_SPEAKER.search(text)
        or _pronoun_dangles(text)
        or _EMPTY_REPORT.search(text)
        or _UNRESOLVED_PERSON.match(text)
        or _THEN.search(text)
        or _REPORTED_ORDINAL.search(text)
        or _OBJECT_OF_ANOTHER.match(text)
        or _points_to_a_time(text)
        or _points_to_a_place(text)
        or _ONE_OF_THEM.match(text)
        or _COUNT_ALONE.match(text)
        or _SAME_AS_BEFORE.search(text)
        or _ONLY_HOW_SAID.match(text)
        or (_VOTE_WITHOUT_MOTION.search(text) and not _VOTE_ON.search(text))
    ):
        return "sentence"
    pointed = points_back(text)
    if pointed:
        return pointed
    act = _SOMEONES_ACT.match(text) or _REACTED_TO.match(text)
    if act:
        return act["noun"]  # "Netanyahu's vow came as ...": the vow was told before
    match = _DEFINITE_SUBJECT.match(text) or _PLURAL_SUBJECT.match(text) or _ACT_CAME.match(text)
    if match and _NAMED_APPOSITIVE.match(text):
        return ""  # "The diplomat, Bill White, met ...": the sentence names him itself
    # (Not in a closing attribution: "The government will appeal, Justice Minister Ana
    # Ruiz said" names the speaker, not the government.)
    if (
        match
        and match.group("noun") in _STANDING_BODIES
        and _NAMED_LATER.search(_CLOSING_ATTRIBUTION.sub("", text))
    ):
        # "The government has revised the death toll from Cyclone Arnab ...": a body
        # every country has, in a sentence that names what it is about.
        return ""
    return match.group("noun") if match else ""


def _few_unnamed(text: str) -> bool:
    """Whether ``text`` speaks of "the two countries" (three, four ...) without naming
    two before it ("Japan and China said relations between the two countries ...")."""
    few = _THE_FEW.search(text)
    if few is None or few.start() == 0:
        return False  # at the opening, _DANGLING_START's "The two" decides
    before = text[: few.start()]
    named = countries_named(before) | {m.group(0) for m in _CAPITALISED.finditer(before)}
    return len(named) < 2


# A name inside the sentence, or two joined at its opening ("Norland and Vell said").
_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b|^[A-Z][a-z]+(?= and [A-Z])")


def points_back(text: str) -> str:
    """The noun of a demonstrative in ``text`` that points at an earlier sentence ("by
    that conclusion" -> "conclusion", "from this incident"), "sentence" for a bare one
    ("Beyond that,"), or "" when there is none, or when ``text`` itself said the noun
    before ("a new ruling ... that ruling")."""
    demonstrative = _DEMONSTRATIVE.search(text)
    if not demonstrative:
        return ""
    people = demonstrative["people"]
    if people:
        # "those Iranians" are people met as "Iranians", not in "Iranian authorities":
        # the plural as written, which a stem would not tell from the adjective.
        earlier = re.search(rf"\b{people}\b", text[: demonstrative.start()])
        return "" if earlier else people.lower()
    noun = (
        demonstrative["this"]
        or demonstrative["those"]
        or demonstrative["that"]
        or demonstrative["held"]
        or demonstrative["ending"]
    )
    stem = content_words(noun) if noun else []
    if stem and stem[0] in content_words(text[: demonstrative.start()]):
        return ""
    relative = _IN_A_RELATIVE.search(text[: demonstrative.start()])
    if (
        stem
        and relative
        and len(text[: relative.start()].split()) >= _TOLD_BEFORE_WORDS
        and _PARTITIVE.search(text[: demonstrative.start()])
    ):
        # "... clearing the last objection from Belgium, which holds most of those
        # assets": a share of a thing a long sentence named, in a clause about it (not
        # "The government, which rejected those demands, ...", nor "..., which critics
        # say will let these abuses continue").
        return ""
    return stem[0] if stem else "sentence"


# A relative clause the demonstrative stands in, after this many of its sentence's words.
_IN_A_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*$")
_TOLD_BEFORE_WORDS = 12
_PARTITIVE = re.compile(
    r"\b(?:most|much|some|all|many|part|half|none|one|each|bulk|majority|share|thirds?|"
    r"quarters?|per\s*cent|percent)\s+of\s+$"
)


def introduced_before(text: str, before: Sequence[str], titles: frozenset[str]) -> str:
    """The head noun of a definite "the X" in ``text`` that the last few of ``before``
    (the sentences ahead of it in its article) introduced with an indefinite ("a
    17-year-old deckhand" ... "the deckhand"), unless ``text`` named it earlier or
    ``titles`` (content words of the story's titles: the headline is one) name it;
    else ""."""
    introduced = set()
    for sentence in before[-_CONTEXT_SENTENCES:]:
        tokens = [t.lower() for t in _TOKEN.findall(sentence)]
        for place, token in enumerate(tokens):
            ahead = tokens[max(0, place - _INTRODUCED_WITHIN) : place]
            # An indefinite, or a name's possessive: "Syria's defence ministry" ... "the
            # ministry" is met as one the reader was told whose.
            last = max(
                (n for n, t in enumerate(ahead) if t in _INDEFINITE or t.endswith(("'s", "’s"))),
                default=None,
            )
            if last is not None and not _DETERMINERS.intersection(ahead[last:]):
                introduced.update(content_words(token))
        # A body named in full: "the Department of Disaster Prevention and Mitigation"
        # ... ", the department said".
        for name in _BODY_NAME.finditer(sentence):
            introduced.update(content_words(name["body"]))
    # The opening is the subject's, after a phrase put before it ("In a statement read
    # on state television, the ministry said ...").
    fronted = _FRONTED_PHRASE.match(text)
    opening = fronted.end() if fronted else 0
    definites = [
        match
        for match in itertools.takewhile(
            lambda m: len(text[opening : m.start()].split()) <= _OPENING_WORDS,
            _DEFINITE.finditer(text, opening),
        )
        if _HEAD_ENDS.match(text[match.end() :])
    ]
    # And a closing attribution's: "..., the department said."
    if said := _SAID_BY_THE.search(text):
        definites.append(said)
    for match in definites:
        stem = content_words(match["noun"])
        earlier = set(content_words(text[: match.start()]))
        if len(stem) == 1 and stem[0] in introduced and stem[0] not in earlier | titles:
            return stem[0]
    return ""


# A body's name in Title Case with its head noun first: "Department of Disaster
# Prevention", "Ministry of Foreign Affairs", "Agency for ...".
_BODY_NAME = re.compile(
    r"\b(?P<body>Department|Ministry|Agency|Office|Authority|Council|Commission|Directorate|"
    r"Committee|Service|Bureau)\s+(?:of|for)\s+[A-Z]"
)
_SAID_BY_THE = re.compile(
    r",\s+the\s+(?P<noun>department|ministry|agency|office|authority|council|commission|"
    r"directorate|committee|service|bureau)\s+(?:said|says|added|reported|announced|told)\b"
    r"[^,;]*$"
)


def _pronoun_dangles(text: str) -> bool:
    """A pronoun early in ``text`` with nothing before it in the sentence to stand for.

    After an opening phrase, only a clause whose subject is a name resolves a personal
    pronoun ("After Bill Cosby was sentenced, his lawyers"); in a sentence that opens
    with its subject, "they"/"their" take it ("Gunmen shot a couple ... their son") and
    "he"/"she"/"his"/"her" need a name before them ("Lauren Bacall left her fortune";
    "Police say his car" still dangles).
    """
    intro = _INTRO_PRONOUN.match(text)
    if intro and not _resolved(text, intro["before"], intro["pronoun"], possessive_only=True):
        return True
    opening = _OPENING_PRONOUN.match(text)
    return opening is not None and not _resolved(text, opening["before"], opening["pronoun"])


def _resolved(text: str, before: str, pronoun: str, *, possessive_only: bool = False) -> bool:
    """Whether ``pronoun`` can stand for something in ``before`` (the words ahead of it).

    A subject pronoun after a comma ("..., he said") is the speaker of another sentence,
    unless a fronted clause named them ("After Lind won, he ..."); a possessive may
    refer back into the clause ("Lind left most of her estate to ..., her will shows").
    """
    if pronoun == "its":
        # "NATO opens an office in Tokyo, its first in Asia": the main clause's subject,
        # before the comma; after a fronted phrase or a time ("Last year, its profits
        # ...", "Separately, its shares ..."), no one yet.
        return not _FRONTED.match(text) and not _TIME_OPENING.match(before.strip())
    if pronoun not in _PERSONAL:
        return False
    if _FRONTED.match(text):
        return bool(_NAMED_CLAUSE.match(f"{before} {pronoun}"))
    if possessive_only and pronoun not in _POSSESSIVE:
        return False
    if pronoun in _SINGULAR:
        return bool(_NAME_BEFORE.match(before))
    return bool(before.strip())


_TIME_OPENING = re.compile(
    r"^(?:[A-Z][a-z]+ly|Last|Next|This|Earlier|Later|Meanwhile|Today|Yesterday|Now|Then|"
    r"(?:One|Two|Three|Four|Five|Six|Several|A\s+few|\d+)\s+\w+\s+(?:ago|earlier|later))"
    r"(?:\s+\w+)?$"
)
# Letters a name may open with and go on in, accented ones included ("Jónsdóttir",
# "Đorđević", "Cîțu", "Nguyễn"). Latin Extended-A, -B and Additional hold both cases.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"
_LOWER = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
# A sentence whose subject is one capitalised word, perhaps after a title, then a verb or
# a comma: "Gahler said ...", "Dr Brown still gets ...", "Wagner, who spent ...".
_SURNAME_SUBJECT = re.compile(
    # A subordinate clause may open the sentence: "When Brown and his team found ...".
    r"^(?:(?:When|After|Before|As|Since|While|Although|Though|Because|Once|Until)\s+)?"
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sgt|Det|Lt|Capt|Col|Gen|Judge|Officer|Sheriff|Chief)\.?\s+)?"
    rf"(?P<name>[{_UPPER}][{_LOWER}]+(?:[-’'][{_UPPER}][{_LOWER}]+)?)"
    # ... then what a person does: a verb, perhaps after an adverb or an auxiliary
    # ("Portland leaders opted" has a place as its first word, not a person), perhaps
    # with their people ("Brown and his team found").
    r"(?=,\s+(?:who|whose)\b|(?:\s+and\s+(?:(?:his|her|their)\s+[a-z]+|[A-Z][a-z]+))?"
    r"(?:\s+(?:in|on|last|this)\s+(?:[A-Z][a-z]+|week|month|year))?"
    r"\s+(?:(?:still|also|later|then|now|never|once|first|"
    r"previously|recently|had|has|have|was|is|will|would|could|did)\s+)?"
    r"(?:[a-z]+ed|said|says|told|tells|gets|got|went|goes|made|makes|took|takes|gave|"
    r"gives|wrote|writes|knew|knows|thinks|thought|saw|came|left|spent|became|began|won|"
    r"lost|ran|met|felt|found|kept|led|heard|held|brought|sent|sought|paid|built|stood|"
    r"fell|chose|spoke|grew|lives|works|remains|faces|plays|serves|runs|owns|believes|"
    r"hopes|wants|needs|holds|leads|are|were)\b|\s+(?:has|had|was|is|will|would|could|did)\b)"
)

# "..., Gahler said." at the end: the speaker named by a bare surname.
_SURNAME_SPEAKER = re.compile(
    r",[”\"’']?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Sgt|Det)\.?\s+)?"
    rf"(?P<name>[{_UPPER}][{_LOWER}]+(?:[-’'][{_UPPER}][{_LOWER}]+)?)"
    r"\s+(?:said|says|told \w+|added|wrote|explained|noted)\.?$"
)

# A sentence that ends on its speaker's one name, however the attribution runs
# ('“...,” Fine said on X.', '..., said Fine.', '..., McCarthy told reporters.'):
# broader than _SURNAME_SPEAKER, which only names a surname the story gave in full.
_ONE_NAME = r"[A-Z](?:[a-z]+|[a-z]*[A-Z][a-z]+|['’][A-Z][a-z]+)(?:-[A-Z][a-z]+)?"
_CLOSING_SPEAKER = re.compile(
    rf"[,”\"’']\s+(?:(?P<name>{_ONE_NAME})\s+(?:said|says|wrote|writes|added|told "
    rf"[\w ]{{1,20}}?)(?:\s+[^.,;]{{1,30}})?|(?:said|says)\s+(?P<after>{_ONE_NAME}))\.$"
)

# "confirmed Mr. Jabari was killed": anywhere in a sentence, a courtesy title before a
# surname is a news report's second reference to someone it named before. The surname
# may have a capital inside ("McConnell", "O'Brien", "DeSantis").
_COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr"})
_TITLED_SURNAME = re.compile(
    rf"\b(?:{'|'.join(_COURTESY_TITLES)})\.?\s+"
    r"(?P<name>[A-Z][a-z]*(?:['’]?[A-Z][a-z]+)+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z])"
)
# "the harbour master, Mr. Lind," or "Mr. Lind, the harbour master,": the sentence says
# who he is.
_ROLE_BEFORE = re.compile(
    rf"\b(?:the|a|an|its|their|his|her)\s+(?:[a-z][\w'’-]*\s+){{0,3}}{_PERSON_NOUN},\s*$"
)
_ROLE_AFTER = re.compile(
    rf"^,\s+(?:the|a|an|its|their|his|her)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUN}|[A-Z]{{2,}})\b"
)


def unintroduced_surname(
    text: str,
    documents: Sequence[Sequence[str]],
    titles: frozenset[str],
    *,
    titled_only: bool = False,
) -> str:
    """The surname (as a content word) that ``text`` opens on, ends on as its speaker
    ("..., Gahler said."), or gives after a courtesy title ("... Mr. Jabari ..."), when
    ``documents`` (the story's articles, as sentences) name that person in full somewhere
    ("Jeffrey Gahler"), or a courtesy title shows it is a surname, but ``text`` and
    ``titles`` (content words of the story's titles) do not; else "". With
    ``titled_only``, only surnames after a courtesy title count.

    A bare word the articles also write in lower case is a common noun ("Police said"),
    and one never seen after another capitalised word is no surname the story gave in
    full.
    """
    matches: list[re.Match[str]] = []
    if not titled_only:
        matches += [m for m in (_SURNAME_SUBJECT.match(text), _SURNAME_SPEAKER.search(text)) if m]
    matches += _TITLED_SURNAME.finditer(text)
    for match in matches:
        surname = _unintroduced(text, match, documents, titles)
        if surname:
            return surname
    return ""


def _unintroduced(
    text: str, match: re.Match[str], documents: Sequence[Sequence[str]], titles: frozenset[str]
) -> str:
    name = match["name"]
    stem = content_words(name)
    titled = match.re is _TITLED_SURNAME
    if len(stem) != 1 or stem[0] in titles or (titled and name in _PERSON_TITLES):
        return ""  # "Mr. President": a form of address
    if titled and (
        _ROLE_BEFORE.search(text, 0, match.start()) or _ROLE_AFTER.match(text[match.end() :])
    ):
        return ""
    # From a word's start only: from every capital of a dotted run ("A.A.A. ...") the
    # search took quadratic time.
    # A particle opening a sentence is capitalised, and in the middle of a name not
    # ("Al-Muraikhi announced ..." after "Khalid bin Saad al-Muraikhi").
    particle = _NAME_PARTICLE.match(name)
    written = (
        rf"(?i:{re.escape(particle[1])}){re.escape(name[particle.end(1) :])}"
        if particle
        else re.escape(name)
    )
    full = re.compile(rf"(?<![\w’'.-])[{_UPPER}][\w’'.-]*+\s+(?:[{_UPPER}]\.\s+)?{written}\b")

    def in_full(sentence: str, not_given: frozenset[str]) -> bool:
        firsts = (m.group().split()[0] for m in full.finditer(sentence))
        return any(
            first != name
            and first.rstrip(".") not in not_given
            # "The Clorox Company", "When Kim ...": a function word is no given name;
            # nor is a possessive ("Somalia's al-Shabaab militants").
            and bool(content_words(first))
            and not first.endswith(("'s", "’s"))
            for first in firsts
        )

    # In the sentence itself a role says who it is ("President Trump ... Mr. Trump");
    # in the articles only a given name shows they named the person in full ("Dr
    # Brown" and "Sgt. Boody" do not).
    if in_full(text[: match.start()] + " " + text[match.end() :], _COURTESY_TITLES):
        return ""
    if titled:
        # "Mr. Barak" is a second reference even where the articles never gave the first,
        # and "Mrs. May" a surname however often they write "may".
        return stem[0]
    lower = re.compile(rf"\b{re.escape(name.lower())}\b")
    named_in_full = False
    for sentence in (s for document in documents for s in document):
        if lower.search(sentence):
            return ""
        named_in_full = named_in_full or in_full(sentence, _PERSON_TITLES)
    return stem[0] if named_in_full else ""


# An Arabic surname's particle, joined by a hyphen: "al-", "el-".
_NAME_PARTICLE = re.compile(r"^(Al|El|Ul|Ad|As|Ash|At|Az)-(?=[A-Z])")
# A name used on its own as a subject in the texts of this many of an issue's stories is
# in the news all over it ("Trump said", "Obama's"): its bearer needs no introduction.
_KNOWN_IN_STORIES = 3
# A text is read up to here: a whole article (the dev week's 150 stories take 0.05 s),
# not a page's endless comments. The first 3,000 characters alone miss "Obama" there.
_KNOWN_READ_CHARS = 20_000
_NAME_AS_SUBJECT = re.compile(
    r"\b(?P<name>[A-Z][a-z]+)"
    r"(?:['’]s\b|\s+(?:said|says|told|added|wrote|has|had|was|is|will|would)\b)"
)
# The word before a name that makes it part of a longer one ("Donald Trump", "Mr. Hall").
_NAME_BEFORE_WORD = re.compile(r"[A-Z][\w.’'-]*$")


def known_surnames(stories: Sequence[Sequence[str]]) -> frozenset[str]:
    """Content words of the names that ``stories`` (each its articles' texts) use on
    their own as a subject ("Trump said", "Obama's") in at least ``_KNOWN_IN_STORIES``
    stories: a reader of the issue meets them everywhere.
    """
    counts: dict[str, int] = {}
    for texts in stories:
        names = set()
        for text in texts:
            text = text[:_KNOWN_READ_CHARS]
            for match in _NAME_AS_SUBJECT.finditer(text):
                before = text[max(0, match.start() - 40) : match.start()].split()
                ends_sentence = not before or before[-1][-1] in '.!?"”'
                if ends_sentence or not _NAME_BEFORE_WORD.match(before[-1]):
                    names.add(match["name"])
        for stem in {c for name in names for c in content_words(name)}:
            counts[stem] = counts.get(stem, 0) + 1
    return frozenset(stem for stem, count in counts.items() if count >= _KNOWN_IN_STORIES)


def closing_speaker(text: str) -> str:
    """The one name ``text`` ends on as its speaker ("..., Fine said on X."), or ""."""
    match = _CLOSING_SPEAKER.search(text)
    return (match["name"] or match["after"]) if match else ""
