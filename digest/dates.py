"""Absolute dates: "on Tuesday" read the following Monday still says which Tuesday.

A weekly issue is read days after its articles were written, so "on Tuesday",
"yesterday" and "this week" would point at the wrong day. :func:`annotate_dates` adds
the date they mean, in brackets, worked out from the article's publication date:
"on Tuesday (17 November)", "this week (week of 16 November)", "last weekend (14–15
November)". A relative day is told as its weekday too, since "today" in an issue read
days later is another day: "voted today" becomes "voted on Saturday (21 November)",
"last night's" "Friday night's (20 November)". Otherwise it only *adds* a bracket after
the words; the sentence is the source's own.

Which Tuesday: in a sentence about the future ("will", "is due to", "next") the first
one from the publication day on; otherwise the latest one up to the publication's local
date. The store keeps times in UTC, so that is a day after the UTC date when the next
day could already have begun somewhere (from 10:00 UTC: the largest offset is +14, and
an Asian outlet's Tuesday morning is Monday in UTC), and the UTC date before that (an
article of 02:00 UTC that says "on Tuesday" cannot mean a day that has not begun
anywhere). When the feed wrote its date with a zone ("-0500", "+09:00"), the outlet's
own date is known and used instead, for both: a New York report of Wednesday 11:00
that says a crash happened "on Thursday" means last week's (the UTC date's slack would
have made it tomorrow), a Tokyo report of Thursday 01:00 means today. A date in UTC
("GMT", "Z") tells nothing of the outlet's clock: many feeds write every date so.

The verb governing the day decides its tense over the sentence: the nearest tense marker
before the day in its clause ("will become a museum, the mayor said on Tuesday" is last
Tuesday); a participle after "is", "be", "been" is passive, not past, and a condition
("if he is granted parole on Thursday", "until Monday") looks ahead; failing those, a
future elsewhere in the sentence counts unless a past tense or the start of a relative
clause stands between it and the day ("Last week, Netflix parted ways with him,
announcing that the season will ..."). "This weekend" told in the past before Saturday
is the weekend just gone.
A report the sentence dates tells of past days from its own day, not the publication's:
"On Friday CBS News reported that ... before Wednesday's attack" and "The suspect was
arrested Tuesday, police said Friday" mean the days before that Friday (only in the
report's own clause, with nothing still ahead for the speaker: not "said on Friday that
..., but on Monday ...", "would be lifted on Monday"); and a day that a dated order or
agreement set in motion through its infinitive ("On Thursday, Morsi ordered the prime
minister to lead a delegation into Gaza on Friday") is the first after that day.
A day with a name of its own ("Black Friday") is left alone, and so is a capitalised
"Today" after a word, which is part of a name ("USA Today", "Medical News Today").
:func:`relative_date_words` finds what is still relative in a text (for ``digest
check``); :func:`stale_future` the dated days a future tense is about, by the same rule
of tense.

Could wrongly hit: a present tense about the coming days with no future marker ("a
summit taking place Wednesday and Thursday" in a Wednesday 03:00 UTC article dates
Thursday last week); an adjective in "-ed" read as a past tense ("its delayed vote on
Monday"); a capitalised "Today" after a word that is the day in a title-case headline.
"""

from __future__ import annotations

import bisect
import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Final

from digest.text import MONTH_WRITTEN_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS, month_number

__all__ = [
    "a_week_on",
    "annotate_dates",
    "local_date",
    "names_a_day",
    "on_outlets_clock",
    "relative_date_words",
    "spoken_on",
    "stale_day",
    "stale_future",
    "strip_date_annotations",
    "unsure_of_the_day",
]

_PART_OF_DAY = r"(?:\s(?:morning|afternoon|evening|night))?"
# A date already given right after: "Tuesday, Nov. 17", "Tuesday 17 November", "(17".
_ALREADY_DATED = re.compile(
    r"^(?:,?\s(?:\d{1,2}(?:st|nd|rd|th)?\s[A-Z][a-z]+|[A-Z][a-z]{2,8}\.?\s\d{1,2})|\s?\()"
)
_DAY = re.compile(
    rf"\b(?P<before>(?:last|next|this|on|late|early)\s)?(?P<day>{'|'.join(WEEKDAYS)})"
    rf"(?P<part>{_PART_OF_DAY})(?:['’]s)?(?![\w'’])"
)
_AFTER_A_DAY = re.compile(
    rf"\b(?P<day>{'|'.join(WEEKDAYS)})\s+(?:and|or|to|through|until|till|-|–)\s+$"
)
_PAIR_CHARS = 20
_RELATIVE_DAY = re.compile(
    rf"(?<!USA\s)\b(?P<word>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|"
    rf"last night)(?P<part>{_PART_OF_DAY})(?:['’]s)?(?![\w'’])",
    re.IGNORECASE,
)
_RELATIVE_WEEK = re.compile(
    r"\b(?P<word>(?:earlier |later )?(?:this|next|last) (?:week|weekend))(?:['’]s)?(?![\w'’])",
    re.IGNORECASE,
)
# "Today's" before what belongs to an age rather than a day.
_OF_OUR_TIME = re.compile(
    r"today['’]s\s+(?:[a-z\-]+\s+)?(?:economy|world|society|culture|generation|youth|"
    r"children|kids|teens|teenagers|people|politics|climate|market|markets|media|"
    r"technology|standards|workplace|workforce|business|industry|consumers|voters|"
    r"parents|students|families|game|music|football|era|age|times)\b",
    re.IGNORECASE,
)
# The day a statement was made: "police said Monday", "officials announced on Friday".
_SAID_ON = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"  # "is to be announced on Friday": ahead
    r"\b(?:said|says|told|announced|confirmed|added|stated)\s+(?:on\s+|late\s+|early\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A plan told right before its day: "are expected on Sunday", "was set for Monday" (after
# "is"/"are" a future, after "was"/"were" the future as it stood then).
_PLAN_FOR_THE_DAY = (
    r"\s(?:(?:due|expected|scheduled|slated)(?:\s(?:back\s)?(?:in|at)\s[A-Z][\w'’-]+"
    # "was expected in Amman on Tuesday", "was due back in Kyiv on Friday"
    r"(?:\s[A-Z][\w'’-]+)?)?(?:\s(?:on|for))?|set\sfor)\s*$"
)
# "was due to brief Netanyahu on Friday", "were expected to meet on Monday".
_PLAN_TO = r"(?:was|were)\s(?:due|expected|scheduled|set|going)\sto"
# A sentence about the future: "will", "is due to", "is expected to".
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|expected|scheduled|going) to|to be held|"
    # "is to take effect", "are to meet": a plan; not "is to blame", "the aim is to".
    r"(?<!\baim )(?<!\bgoal )(?<!\bplan )(?<!\bidea )(?<!\bquestion )(?<!\bhope )"
    r"(?<!\bintention )(?<!\bobjective )(?<!\bpurpose )(?<!\bkey )(?<!\bstep )(?<!\bjob )"
    r"(?<!\btask )(?:is|are) to "
    r"(?:take effect|come into force|be held|be signed|be announced|be released|be sworn|"
    r"be completed|be deployed|be implemented|be introduced|be published|be debated|meet|"
    r"vote|visit|begin|start|open|close|resume|sign|travel|hold|attend|host|announce|decide|"
    r"resign|step down|return|launch|receive|debate|rule|arrive|testify|appear)|"
    r"as soon as)\b"
    rf"|\b(?:is|are){_PLAN_FOR_THE_DAY}"
)
# The future as it stood then, right before the day (see ``_tense``: what happened
# instead, told after it, puts the day in the past).
_PLANNED = re.compile(rf"\b(?:{_PLAN_TO}\s*$|(?:was|were){_PLAN_FOR_THE_DAY})")
_BUT = re.compile(r"\s(?:but|before|only)\s")
# What happened instead, told first after it: "was turned away", "the flight was
# cancelled" (not "officials said he would be late": a report, not the event).
_WHAT_HAPPENED = re.compile(
    r"(?:(?:the|a|an|its|his|her|their)\s+[\w\-]+\s+|(?:it|he|she|they)\s+)?(?:never\s+)?"
    r"(?:was|were|had|did|[a-z]+ed)\b"
)
# Reported speech's future ("fishermen said they would hold a protest on Thursday"), not
# its past ("would have"), and the future as it stood then, in the day's clause: a day
# after the statement's when the sentence dates it, else near the report (see
# ``annotate_dates``).
_WOULD = re.compile(
    rf"\bwould\b(?!(?: \w+)? have\b)|\b{_PLAN_TO}\b|\b(?:was|were){_PLAN_FOR_THE_DAY}"
)
# A present tense of a plan or a timetable before its day, as news tells the week ahead:
# "Kjellberg travels to Seoul on Thursday", "the deal provides for the reopening of the
# crossing on Monday", "is due in Seoul on Thursday". Verbs of saying are the report's
# own present ("says"), and the bare plural forms are only those no noun shares ("the
# vote on Monday", "a visit on Friday" are things).
_PRESENT_PLAN = re.compile(
    r"(?<!\bto )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )"
    r"\b(?:travels|visits|arrives|departs|leaves|begins|starts|opens|reopens|resumes|closes|"
    r"ends|meets|hosts|holds|convenes|heads|flies|returns|takes|goes|kicks|comes|expires|"
    r"sits|launches|provides|faces|arrive|depart|resume|reopen|convene|begin|meet|go|"
    r"(?:is|are)\s+due)\b"
)
# A day's possessive, and a deed after "after" or "following": a past event's day,
# not a plan's ("after winning the vote on", "after his release on", "following the
# strike on").
_POSSESSIVE_DAY = re.compile(
    rf"\W*(?:(?:last|next|this|on|late|early)\s)?(?:{'|'.join(WEEKDAYS)})['’]s\b"
)
_AFTER_A_DEED = re.compile(
    r"\b(?:after|following)\s+(?:[a-z]+ing\b|(?:his|her|their|its)\s+[a-z]+"
    r"|(?:the|a|an)\s+(?:strike|attack|vote|election|release|arrest|crash|clash|clashes|"
    r"protests?|raid|blast|explosion|quake|earthquake|storm|fire|shooting|killing|death|"
    r"defeat|win|victory|loss|ruling|verdict|resignation)\b)"
)
# A day looked forward to: "ahead of Saturday's election", "a stay-away until Friday"
# (told in the present or present perfect; "was closed until Saturday" is gone).
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|until|till"
    # "is unlikely to reopen before Friday": what is (un)likely to happen by the day.
    r"|(?:is|are)\s+(?:un)?likely\s+to\s+[a-z]+(?:\s+[a-z]+)?\s+(?:before|until|by|on))\s+$"
)
# When something agreed or announced begins: "a 90-day truce, starting Saturday", "new
# fares effective Monday". Told after whatever past tense agreed it, the day is ahead;
# "a strike starting Monday paralysed the city" has its past tense after the day.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
# Past tenses _PAST_VERB leaves out, where a day's event is told after it ("Talks
# scheduled for Thursday broke up ...", "a rally for Sunday that drew 20,000 people").
_IRREGULAR_PAST = re.compile(
    r"\b(?:broke|heard|drew|ran|hit|brought|became|got|cost|shut|kept|stood|drove|grew|knew|"
    r"paid|put|sold|spent|thought|threw|fought|fled|bought|caught|felt|meant|tore|bore|"
    r"burst|dealt|flew|froze|hid|lay|let|lit|rode|rang|sank|shook|shot|spread|stole|stuck|"
    r"swore|swung|wept|wound|saw|sent|went|came|took|gave|made|met|held|left|won|lost|"
    r"began|ended|rose|fell|struck|spoke|wrote|said|told|found|led)\b"
)
# A second verb of the one who called it: "... for Wednesday and threatened ...".
# With an object, as the caller's verb has (not a passive's: "scheduled for Sunday and
# monitored by EU observers passed off", "and billed as the largest in years drew").
_CALLERS_NEXT = re.compile(
    r"\s+and\s+(?=[a-z]+ed\s+(?:a|an|the|to|that|its|his|her|their|it|them|new|further)\b)"
)
_EVENT_FOR = re.compile(
    # "called a national day of protest for", "set the vote for"
    r"\b(?:called|calls|set|sets|scheduled|slated|planned|announced|fixed|organi[sz]ed|"
    r"convened|summoned|declared)\b[^,.;]{0,60}?\b(?:protests?|strikes?|walkouts?|"
    r"stoppages?|rall(?:y|ies)|march(?:es)?|demonstrations?|votes?|ballots?|meetings?|talks|"
    r"hearings?|sessions?|summit|debate|sitting)"
    # Where: "called a march to Congress for".
    r"(?:\s+(?:to|in|on|at|outside|against)\s+(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
    r"\s+for\s+$"
    # "a vote scheduled for"
    r"|\b(?:set|scheduled|slated|planned|fixed)\s+for\s+$"
)
# (A stoppage "from" its day is one called to start then: "have called a 48-hour walkout
# from Thursday", "called for a strike from Thursday".)
_STARTING = re.compile(
    r"\b(?:(?:starting|beginning|effective)(?:\s+(?:on|from))?|(?:call(?:ed|s)?(?:\s+for)?|announc(?:ed|es)|"
    r"declar(?:ed|es)|threaten(?:ed|s)|plann(?:ed|ing)|issued|filed)\s+(?:notice\s+(?:of|for)\s+)?"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:strike|walkout|stoppage|shutdown|blockade|lockout)s?"
    r"\s+from)\s+$"
)
# A day or week a decision is dated to, in its clause: "on Friday", "last week".
# (A weekday dates it too, and the end is that day's next: ``_decided_on``.)
_DATED_DECISION = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)})\b|\b(?i:last|this)\s+week\b|\b(?i:yesterday)\b|"
    rf"\b\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\b|\b(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}\b"
)
_PERFECT = re.compile(r"\b(?:has|have|’ve|'ve)\s+(?:[a-z]+ly\s+)?$")
# "flying on a Sunday", "every Monday", "the same Friday": not the week's day.
_ANY_DAY = re.compile(r"\b(?:a|every|each|any|one|same|following|previous)\s$", re.IGNORECASE)
# "the Sunday Times", "the Monday Night Football broadcast": the day starts a name.
_THE_BEFORE = re.compile(r"\bthe\s$", re.IGNORECASE)
_CAPITAL_AFTER = re.compile(r"^\s+[A-Z]")
# Days with a name of their own: "Black Friday" is no Friday of the article's week.
_NAMED_DAY = re.compile(
    r"\b(?:Black|Good|Cyber|Super|Ash|Bloody|Holy|Easter|Palm|Maundy|Shrove|Giving|Whit|"
    r"Blue)\s$"
)
# A past tense right before a day: "said on Tuesday", "met late Monday".
_PAST_VERB = re.compile(
    r"\b(?:said|told|met|held|made|took|gave|went|came|left|won|lost|began|wrote|spoke|saw|"
    r"sent|found|led|rose|fell|struck|had|gone|[a-z]{3,}ed)\b"
)
# A participle after a present "is", "be", "been" (an adverb between) is passive, not a
# past tense: "if he is granted parole on Thursday", "is expected to be formally charged";
# after an article or a possessive it describes a noun: "an estimated $200 million",
# "the newly proposed rules", "its delayed launch"; after "as" it is an adverb of how:
# "would end as planned on Friday", "as expected".
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|be|been|being|remains?|stays?|gets?|becomes?|a|an|the|its|his|her|their|"
    r"our|as)\s+"
    r"(?:[a-z]+ly\s+)?$"
    # ", with more dates threatened": a participle after "with" and its noun describes
    # (not "Talks with the unions collapsed").
    r"|,\s+with\s+(?:[a-z]+\s+){1,3}$",
    re.IGNORECASE,
)
# A condition looks ahead: "if he is granted parole on Thursday", "closed until Monday",
# but not the "if" of "whether" ("It was not clear if ...", "Reporters asked if ...").
_IF = re.compile(
    r"(?<!\bask )(?<!\basked )(?<!\basks )(?<!\bclear )(?<!\bunclear )(?<!\bwonder )"
    r"(?<!\bwondered )"
    r"(?<!\bknow )(?<!\bknew )(?<!\bsee )(?<!\bsure )(?<!\bcheck )(?<!\bchecked )"
    r"\b(?:if|unless)\b",
    re.IGNORECASE,
)
_LATER_THAN = re.compile(r"\b(?:once|until)\b", re.IGNORECASE)
# A past of "be", "do" or "have" inside the condition keeps it in the past.
_WAS = re.compile(r"\b(?:was|were|did|had)\b")
# What says a "today" is an age, not a day (_of_these_days): a comparison ending on it,
# a verb of a lasting state right before it, or, after an opening "Today,", a state
# that lasts or an "only".
_COMPARED = re.compile(
    r"\b(?:than|as)\s+(?:it|they|we|things|there|this|that|he|she)\s+"
    r"(?:is|are|was|were|does|do|stands?|looks?)\s+$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s*[A-Za-z]")
_LASTING = re.compile(
    r"\b(?:remains?|lingers?|lives?|exists?|survives?|stands?|persists?|endures?)\s+$"
)
_LASTING_AFTER = re.compile(
    r"\b(?:remains?|lingers?|lives?|exists?|survives?|stands?|persists?|endures?|only)\b"
)
# A relative clause tells of someone else's time: "co-anchors of the Saturday edition,
# who are scheduled to take over in January".
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose|where)\b")
# A capitalised word after a word is part of a name: "USA Today", "Medical News Today".
_WORD_BEFORE = re.compile(r"[\w'’.]\s+$")
# Where a new clause with its own verb begins: a relative clause, a second main clause.
_CLAUSE_BREAK = re.compile(r",\s+(?:which|who|where|while|but|and)\b|;\s+|\s+—\s+")
# What a dated order or agreement set in motion for a later day: "On Thursday, Morsi
# ordered the prime minister to lead a delegation into Gaza on Friday", "agreed on Monday
# to meet again on Wednesday". The verb that sets it, then its infinitive (not "to the
# scene"), then at most a few words before the day: further off, the day belongs to
# something named on the way ("urged the public to help identify a man seen near the
# scene on Friday"), as it does after "of", "over" or a possessive ("to send in videos
# of the shooting on Saturday").
_SETS_IN_MOTION = re.compile(
    r"\b(?:ordered|told|asked|urged|agreed|decided|voted|planned|promised|pledged|vowed|"
    r"arranged|scheduled|invited|instructed|directed|called on)\b"
)
_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|my|our|your|be)\b)"
    r"[a-z]{2,}\b(?P<rest>(?:\s+[\w\-]+){0,5}?\s+)(?:on\s+|late\s+|early\s+)?$"
)
_DAY_POSSESSIVE = re.compile(rf"(?:(?:on|late|early)\s+)?(?:{'|'.join(WEEKDAYS)})['’]s\b")
_NOT_THE_PLAN = re.compile(
    r"\b(?:of|over|about|after|since|before|until|from|than|last|his|her|their|its)\b"
)
# A report of a past day that the sentence dates: "On Friday CBS News reported that ...
# before Wednesday's attack", "police said Friday the suspect had fled on Tuesday". The
# verb of the report.
_REPORTING = re.compile(
    r"\b(?:said|reported|told|announced|confirmed|disclosed|revealed|wrote|added)\b"
)
# Between a report and the day it tells of, another clause ("said on Friday that ..., but
# on Monday prosecutors ...", "who started work on Tuesday") or a day still ahead for
# the speaker ("would be lifted on Monday", "plans to travel on Thursday").
_ANOTHER_CLAUSE = re.compile(
    r",\s+(?:which|who|whom|whose|where|while|but|and|or)\b|;|\s+—\s+|"
    r"\b(?:would|could|might|should|may|will|shall|plans?|intends?|expects?|expected|hopes?|"
    r"wants?|due|set|scheduled|going|to\s+(?!be\b)[a-z]+)\b"
)
# Between a day and a report's verb after it, an event of its own: "Shops closed on
# Friday after the government announced ...".
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|because|as|since|until|if|once|whether)\b")
# A day that opens a span ahead: "a ceasefire starting on Friday", "effective Monday".
_OPENS_A_SPAN = re.compile(
    r"\b(?:starting|beginning|effective|from|until|through|till)\s+(?:on\s+)?$"
)
# "The suspect was arrested Tuesday, police said Friday.": the report dated at the end.
_TAIL_REPORT = re.compile(
    r",[”\"’']?\s+(?:(?!(?:what|which|that|who|whom)\b)[\w.’'\-]+\s+){1,6}?"
    r"(?:said|says|told reporters|announced|confirmed|added)\s+(?:on\s+|late\s+|early\s+)?"
    rf"(?P<day>{'|'.join(WEEKDAYS)})\.?[”\"’']?\s*$"
)
# Words after which a day needs no "on": "until Saturday", "as early as Saturday",
# "yesterday and Saturday", "the vote of Friday".
_TAKES_A_BARE_DAY = frozenset(
    {
        *("on", "until", "till", "by", "from", "since", "before", "after", "through"),
        *("for", "of", "as", "than", "to", "at", "into", "past", "and", "or", "between"),
        *("beginning", "starting", "ending", "next", "last", "this", "every", "late", "early"),
    }
)
# A present state or an opening participle before a "today": the age, maybe ("is still
# divided today", "Based on the terrain today, ...").
_OF_THE_PRESENT = re.compile(
    r"\b(?:is|are|am|remains?|stays?|has|have|may|might|can)\b|^\s*(?:Based|Given|Judging)\b"
)
# A present tense right after the day: "The company, founded in 1902, today employs ...".
_PRESENT_AFTER = re.compile(r"^\s+(?:[a-z]+ly\s+)?(?:[a-z]+[^s\W]s|is|are|has|have|may|can)\b")
# The first or second person: "we", "you will say".
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|me|us|my|My|our|Our|you|You|your|Your)\b")
# 'The army shelled the town last night,' a spokesman said.
_SINGLE_QUOTED = re.compile(r"(?:^|\s)['‘][A-Z]|[,.?!]['’](?:\s|$)")
_TRANSCRIPT_LABEL = re.compile(r"^[A-Z][A-Z .'’\-]+:")
# "Tonight Show host", "Today Show co-host": the start of a name.
_NAME_AFTER = re.compile(r"^\s+[A-Z]")
# Words after which the relative word is an idiom, an anniversary or an age: "ten years
# ago today", "born yesterday", "as if it were yesterday", "the jobs of tomorrow",
# "compared with yesterday".
_KEEPS_THE_WORD = frozenset({"ago", "born", "were", "of", "with", "than", "like"})
# A day's event after a possessive: "today's vote", "last night's premiere".
_EVENT_AFTER = re.compile(
    # A name between them, or a word or two: "last night's Celebrity Apprentice premiere".
    r"^\s+(?:[A-Z][\w\-’'.]*\s+){0,3}(?:[a-z\-]+\s+){0,2}?"
    r"(?:vote|votes|voting|meeting|meetings|election|match|game|"
    r"announcement|decision|hearing|ruling|verdict|summit|talks|strike|protest|protests|"
    r"attack|attacks|speech|session|trial|debate|deadline|launch|event|show|premiere|race|"
    r"final|service|funeral|ceremony|rally|march|conference|briefing|statement|report|"
    r"episode|broadcast|interview|shooting|crash|storm|fire|explosion|raid|strikes|"
    r"opening|closing|parade|concert|festival|results?|poll|primary|runoff|visit|trip|"
    r"flight|address|appearance|testimony|court|arraignment|sentencing|signing|deal|"
    r"agreement|incident|accident|earthquake|quake|performance)\b"
    # ... that ends the noun phrase: "today's primary voters" are the age's.
    r"(?!\s+(?!(?:was|is|has|does|as|its|his|this|plus|less|across)\b)[a-z]{3,}s\b)"
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
# A relative day as a clause's subject: "Today marks ...", "said tonight was ...".
_SUBJECT_OF = re.compile(
    r"^\s+(?:is|was|will|would|has|had|marks|marked|saw|sees|brings|brought|became|becomes|"
    r"could|might|may|should|can)\b"
)
_MODAL = re.compile(r"\b(?:would|could|may|might|will|shall|to)\b")
# An occasion still to come before its day: "at its next meeting on", "the next session".
_NEXT_OCCASION = re.compile(
    r"\bnext\s+(?:\w+\s+)?(?:meeting|session|sitting|round|hearing|summit|cabinet)\b[^,;.]*$"
)
# The earliest local hour of a part of the day, and a clock time beside a weekday.
_PART_HOURS = {"afternoon": 12, "evening": 17, "night": 18}
_CLOCK = r"(?<![\d.:])(?P<hour>\d{1,2})(?:[:.]\d\d)?\s?(?P<half>[ap])\.?m\.?"
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}\s+(?:on\s+)?$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(rf"\s+(?:at\s+|around\s+|about\s+)?{_CLOCK}", re.IGNORECASE)
_DAY_OFFSET = {
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
}
_RELATIVE = re.compile(
    rf"(?<!USA\s)\b(?:(?:earlier |later )?(?:this|next|last) (?:week|weekend)|yesterday|"
    rf"today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night)\b"
    rf"(?!{_PART_OF_DAY}(?:['’]s)?(?:\s?\(|, \d{{1,2}} [A-Z]))",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
# "(17 November)", "(week of 16 November)", "(21–22 November)", "(31 October–1 November)",
# and inside brackets of the text's own ", 4 December)" after a day's word ("on Friday,
# 4 December)", "tonight, 4 December)"; not an outlet's "(Brussels, 18 December)"):
# groups "day" and "month" are the last day's.
_MONTH_NAME = "|".join(MONTHS)
_ANNOTATION = re.compile(
    rf"(?:(?P<open>\()|(?<=day|row|ght|ing|oon), (?=\d{{1,2}} (?:{_MONTH_NAME})\)))(?:week of )?"
    rf"(?:\d{{1,2}}(?: (?:{_MONTH_NAME}))?–)?(?P<day>\d{{1,2}}) (?P<month>{_MONTH_NAME})"
    r"(?(open)\)|(?=\)))"
)
# A date set in brackets inside the text's own: "(1412 GMT on Friday (4 December))".
_NESTED_ANNOTATION = re.compile(rf" \((\d{{1,2}} (?:{_MONTH_NAME}))\)(?=\))")
# The words of a dated phrase before its bracket: "on Tuesday night", "last week's".
_PHRASE_END = re.compile(
    rf"(?:\s*\b(?:{'|'.join(WEEKDAYS)}|on|late|early|last|next|this|earlier|later|week|weekend|"
    r"yesterday|today|tonight|tomorrow|morning|afternoon|evening|night)(?:['’]s)?)+$",
    re.IGNORECASE,
)
# The latest UTC hour at which the next calendar day has begun nowhere (UTC+14 is the
# largest offset in use).
_LAST_HOUR_OF_ONE_DATE: Final = 10
_ANNOTATION_WITH_SPACE = re.compile(r"(?: (?=\()|(?=, ))" + _ANNOTATION.pattern)


# A date the outlet put in brackets after a weekday, in its own style: "on Friday
# (December 4, 2026)", "Friday (4 December 2026)".
# A month as outlets write it in brackets: "December", "Dec", "Dec.", "Sept".
_MONTH_WRITTEN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:[a-z]{0,6})\.?"
_OWN_BRACKETED_DATE = re.compile(
    rf"\b(?P<weekday>{'|'.join(WEEKDAYS)})\s\((?:(?P<month1>{_MONTH_WRITTEN})\s(?P<day1>\d{{1,2}}),?"
    rf"|(?P<day2>\d{{1,2}})\s(?P<month2>{_MONTH_WRITTEN}))(?:\s(?P<year>\d{{4}}))?\)"
)


def _days_in_words(text: str, year: int) -> str:
    """``text`` with a day written in figures ("signed a decree on 05.12.2026") in the
    issue's style ("5 December"), with the year only when it is not the article's."""

    def written(match: re.Match[str]) -> str:
        number, month, written_year = (int(part) for part in match.groups())
        try:
            date(written_year, month, number)
        except ValueError:
            return match.group(0)
        return f"{number} {MONTHS[month - 1]}" + (
            "" if written_year == year else f" {written_year}"
        )

    return _FIGURES_DAY.sub(written, text)


# Day first with dots, as Central Asian and European outlets write it.
_FIGURES_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(20\d\d)(?![\d.]\d)")


def _house_style_dates(text: str, year: int) -> str:
    """An outlet's own bracketed date after a weekday, in the issue's style: "Friday (4
    December)" for "Friday (Dec 4)" or "Friday (December 4, 2026)", with the year only
    when it is not the article's; as written when the date is no such weekday (a typo
    is the outlet's to own) or its month no month ("Monday (Mayday)")."""

    def restyle(match: re.Match[str]) -> str:
        number_of_month = month_number(match.group("month1") or match.group("month2"))
        if not number_of_month:
            return match.group(0)
        month = MONTHS[number_of_month - 1]
        number = int(match.group("day1") or match.group("day2"))
        # No year: the article's, or, for January and December, the next or last one
        # when the weekday says so (a report of 30 December on "Friday (Jan 1)").
        years = [int(match.group("year"))] if match.group("year") else [year]
        if not match.group("year") and month in ("January", "December"):
            years.append(year + 1 if month == "January" else year - 1)
        for written in years:
            try:
                when = date(written, MONTHS.index(month) + 1, number)
            except ValueError:
                continue
            if WEEKDAYS[when.weekday()] == match.group("weekday"):
                shown = f"{number} {month}" + ("" if written == year else f" {written}")
                return f"{match.group('weekday')} ({shown})"
        return match.group(0)

    return _OWN_BRACKETED_DATE.sub(restyle, text)


def annotate_dates(
    text: str, published: datetime, utc_offset: int | None = None, *, reword: bool = True
) -> str:
    """``text`` with each relative day or week followed by the date it means, in brackets.

    ``published`` is the article's publication time (aware; its date in UTC is used).
    ``utc_offset`` (minutes east of UTC, as the feed wrote the date) gives the outlet's
    own date instead: then "on Friday" told in the past is never after it, nor does the
    UTC date's next day stand in for a far-east outlet's today.
    Weekdays already followed by a date ("Tuesday, Nov. 17") are left alone; a
    possessive gets its date after the "'s" ("Tuesday's (17 November) vote"). With
    ``reword`` false, a relative day keeps its word too ("today (21 November)"), so
    the text's weekdays are the source's own.
    """
    day = published.date()
    latest = published.date() + timedelta(days=1 if published.hour >= _LAST_HOUR_OF_ONE_DATE else 0)
    if utc_offset is not None:
        day = latest = local_date(published, utc_offset)
    text = _house_style_dates(_days_in_words(text, day.year), day.year)
    # Words inside a quotation are the speaker's, and often figurative ("what happens
    # today can happen tomorrow"): they are left as spoken.
    quoted = [m.span() for m in _QUOTATION.finditer(text)]

    def in_quote(match: re.Match[str]) -> bool:
        return any(start <= match.start() < end for start, end in quoted)

    def weekday(match: re.Match[str]) -> str:
        if in_quote(match) or _ALREADY_DATED.match(text[match.end() :]):
            return match.group(0)
        lead_in = text[max(0, match.start() - 40) : match.start()]
        if _day_in_a_name(text, match) or _ANY_DAY.search(lead_in):
            # "on a Sunday", "the following Monday": no date
            return match.group(0)
        return f"{match.group(0)} ({_day_month(date_of(match))})"

    dated: dict[int, date] = {}
    days = _Days(text)

    def date_of(match: re.Match[str]) -> date:
        # Each day once: an anchor is an earlier day, dated before the later ones.
        if match.start() not in dated:
            found = _date_of(match)
            # "a week on Monday": the Monday after the next one, of a day still ahead.
            if a_week_on(text, match.start()) and _tense(text, match.start()) != "past":
                found = _weekday_date(day, WEEKDAYS.index(match.group("day")), "", True, latest)
                found += timedelta(days=7)
            dated[match.start()] = found
        return dated[match.start()]

    def _date_of(match: re.Match[str]) -> date:
        before = (match.group("before") or "").strip()
        weekday = WEEKDAYS.index(match.group("day"))
        # The second day of a pair or a span is the first one's next: "expected to reach
        # the coast on Tuesday and Wednesday" (not a past Wednesday beside a Tuesday
        # ahead), "from Monday to Thursday".
        pair = _AFTER_A_DAY.search(text, max(0, match.start() - _PAIR_CHARS), match.start())
        first = next(
            (m for m in _DAY.finditer(text) if pair and m.start("day") == pair.start("day")),
            None,
        )
        if first is not None and not before:
            return _weekday_date(date_of(first), weekday, "", True, date.max)
        # The end a dated decision set: "A judge on Monday adjourned the trial until
        # Thursday" is the Thursday after that Monday, whenever the report came out.
        decided_on = _decided_on(text, match)
        if decided_on is not None:
            return _weekday_date(date_of(decided_on), weekday, "", True, date.max)
        future = _looks_ahead(text, match.start())
        if before not in ("last", "next", "this") and _tense(text, match.start()) == "would":
            # Reported speech's "would" tells of a day after the statement's, when the
            # sentence dates it ("said on Tuesday that he would resign on Friday"); else
            # of a day near the report, on either side: "said they would protest on
            # Thursday" in a Wednesday report is tomorrow, "forecasters had warned the
            # storm would land on Sunday" in a Monday's is yesterday.
            said = spoken_on(text, day, match.start("day"))
            if said != day:
                return _weekday_date(said, weekday, "", True, latest)
            ahead = _weekday_date(day, weekday, "", True, latest)
            back = _weekday_date(day, weekday, "", False, latest)
            # "would declare an emergency at its next meeting on Thursday": the next one
            # after the report, however near the last Thursday was.
            if _NEXT_OCCASION.search(
                text, max(0, match.start() - 40), match.start()
            ) and not re.search(
                r"\bhad\s+\w+[^,;]*$", text[max(0, match.start() - 80) : match.start()]
            ):
                return ahead
            return ahead if ahead - day < day - back else back
        if before not in ("last", "next", "this"):
            anchor = _set_in_motion_on(text, match.start(), days)
            if anchor is not None:
                # The first such day from the day the plan was made.
                return _weekday_date(date_of(anchor), weekday, "", True, latest)
            lead_in = max(0, match.start() - 30)
            if not future and not _OPENS_A_SPAN.search(text, lead_in, match.start("day")):
                # What a report of a day tells in the past had happened by then.
                statement = _reported_on(text, match, days)
                if statement is not None:
                    said = date_of(statement)
                    return _weekday_date(said, weekday, "", False, said)
                if days.tail is not None and days.tail.start() >= match.end():
                    said = spoken_on(text, day, match.start("day"))
                    return _weekday_date(said, weekday, "", False, said)
        start = spoken_on(text, day, match.start("day")) if future else day
        last = latest
        if (
            latest > day
            # The next day's local hour at the stamp, at UTC+14, the latest of any clock.
            and _earliest_hour(text, match) > published.hour - _LAST_HOUR_OF_ONE_DATE
            and _told_in_the_past(text, match.start())
        ):
            # The next day's evening had begun nowhere when the article was stamped
            # ("two men pulled guns about 7:30 p.m. Wednesday" at Tuesday 20:00 UTC:
            # Wednesday 19:30 is UTC+23.5): the day told in the past is last week's.
            last = day
        return _weekday_date(start, weekday, before, future, last)

    def relative_day(match: re.Match[str]) -> str:
        if (
            in_quote(match)
            or _ALREADY_DATED.match(text[match.end() :])
            or _is_name(text, match.start())
        ):
            return match.group(0)
        word = match.group("word").lower()
        if _nowadays(text, match):
            return match.group(0)
        meant = day + timedelta(days=_DAY_OFFSET[word])
        told = match.group(0)
        if may_reword and _may_tell_as_weekday(text, match):
            told = _as_weekday(text, match, meant)
        return f"{told} ({_day_month(meant)})"

    def relative_week(match: re.Match[str]) -> str:
        if in_quote(match) or _ALREADY_DATED.match(text[match.end() :]):
            return match.group(0)
        if _of_something_else(text, match.start(), match.end()):
            return match.group(0)
        word = match.group("word").lower()
        monday = day - timedelta(days=day.weekday())
        if "next" in word:
            monday += timedelta(days=7)
        elif "last" in word:
            monday -= timedelta(days=7)
        elif (
            word.endswith("weekend") and day.weekday() < 5 and _tense(text, match.start()) == "past"
        ):
            # Before Saturday, "this weekend" told in the past is the one just gone.
            monday -= timedelta(days=7)
        if word.endswith("weekend"):
            return f"{match.group(0)} ({_weekend(monday)})"
        return f"{match.group(0)} (week of {_day_month(monday)})"

    text = _DAY.sub(weekday, text)
    # The brackets moved the quotations: find them again for the relative days.
    quoted = [m.span() for m in _QUOTATION.finditer(text)]
    # A relative day is reworded only where the day is sure and the words are the
    # writer's: with no zone from the feed, an article stamped before 10:00 UTC may be
    # an American evening's ("voted tonight" at 02:00 UTC is Friday night in New York);
    # a speaker's words stay as spoken.
    may_reword = (
        reword and not unsure_of_the_day(published, utc_offset) and not _in_speakers_words(text)
    )
    text = _RELATIVE_DAY.sub(relative_day, text)
    quoted = [m.span() for m in _QUOTATION.finditer(text)]
    text = _RELATIVE_WEEK.sub(relative_week, text)
    return _NESTED_ANNOTATION.sub(_unnested, text)


def _unnested(match: re.Match[str]) -> str:
    """A date added inside the text's own brackets, after a comma: "(1412 GMT on Friday,
    4 December)", as nested brackets would read "(... Friday (4 December))"."""
    before = match.string[: match.start()]
    return f", {match.group(1)}" if before.count("(") > before.count(")") else match.group(0)


def _in_speakers_words(text: str) -> bool:
    """Whether ``text`` is, or holds, words someone speaks that the sentence splitter
    may have cut from their quotation marks: a quotation left open or closed without
    its opening, a single-quoted one, a transcript's speaker label ("TRUMP: ..."), or
    the first or second person outside double quotes ("Tomorrow, you will say ...")."""
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return True
    if _SINGLE_QUOTED.search(text) or _TRANSCRIPT_LABEL.match(text):
        return True
    return bool(_FIRST_PERSON.search(_QUOTATION.sub("", text)))


def _may_tell_as_weekday(text: str, match: re.Match[str]) -> bool:
    """Whether the relative day of ``match`` may be told as its weekday: not a name or a
    label ("Tonight Show host", "TONIGHT: ..."), not an anniversary ("ten years ago
    today"), not an idiom ("born yesterday", "the jobs of tomorrow"); a "today" or
    "tomorrow" only of an event, past or ahead, and a possessive only before an event
    ("today's vote", not "today's smartphones"): the age is told in the present."""
    said = match.group(0)
    after = text[match.end() :]
    possessive = said.endswith(("'s", "’s"))
    if (
        said.isupper()
        or after.startswith(":")
        or (said[0].isupper() and not possessive and _NAME_AFTER.match(after))
    ):
        return False
    before = text[max(0, match.start() - 40) : match.start()]
    last = _LAST_WORD.search(before)
    if last is not None and last.group(1).lower() in _KEEPS_THE_WORD:
        return False
    lowered = said.lower()
    if lowered.endswith(("'s", "’s")):
        return bool(_EVENT_AFTER.match(after))
    if lowered.startswith(("today", "tomorrow")):
        start = _clause_start(text, match.start())
        end = _CLAUSE_BREAK.search(text, match.end())
        clause = text[start : end.start() if end else len(text)]
        return (
            _tense(text, match.start()) is not None
            and not _OF_THE_PRESENT.search(clause)
            and not _PRESENT_AFTER.match(after)
        )
    return True


def _told_in_the_past(text: str, start: int) -> bool:
    """Whether a past tense governs the day at ``start`` from before it in its clause,
    with no modal after it ("two men pulled guns about 7:30 p.m. Wednesday"; not "would
    sign the bill Wednesday afternoon, aides said", a future reported)."""
    clause = _CLAUSE_BREAK.split(text[:start])[-1]
    past = _past_tenses(clause)
    return bool(past) and not _MODAL.search(clause, max(past))


def _earliest_hour(text: str, match: re.Match[str]) -> int:
    """The earliest local hour the weekday of ``match`` can mean by its part of the day
    ("Wednesday night": 18) or a clock time beside it ("about 7:30 p.m. Wednesday",
    "Wednesday at 9 p.m.": 19, 21); 0 when it says none."""
    hour = _PART_HOURS.get((match.group("part") or "").strip().lower(), 0)
    clock = _CLOCK_BEFORE.search(text, max(0, match.start() - 30), match.start()) or (
        _CLOCK_AFTER.match(text, match.end())
    )
    if clock is not None:
        hour = max(hour, int(clock["hour"]) % 12 + (12 if clock["half"][0] in "pP" else 0))
    return hour


def _as_weekday(text: str, match: re.Match[str], meant: date) -> str:
    """The relative day of ``match`` told as its weekday: "voted today" -> "voted on
    Saturday", "last night's" -> "Friday night's", "Until tonight" -> "Until Saturday
    night". The reader opens the issue days later, when "today" is another day."""
    said = match.group(0)
    word = match.group("word").lower()
    name = WEEKDAYS[meant.weekday()]
    if word in ("tonight", "last night"):
        name += " night"
    elif word.startswith("this "):
        name += word.removeprefix("this")
    name += match.group("part")
    possessive = said[-2:] if said[-2:] in ("'s", "’s") else ""
    if possessive:
        return name + possessive
    before = _LAST_WORD.search(text[max(0, match.start() - 40) : match.start()])
    after = text[match.end() :]
    # After a preposition ("until today", "as early as today"), or as the subject
    # ("Today marks ..."), the weekday stands alone; elsewhere it is "on Saturday".
    bare = (before is not None and before.group(1).lower() in _TAKES_A_BARE_DAY) or bool(
        _SUBJECT_OF.match(after)
    )
    phrase = name if bare else f"on {name}"
    return phrase[0].upper() + phrase[1:] if said[0].isupper() else phrase


def unsure_of_the_day(published: datetime, utc_offset: int | None) -> bool:
    """Whether the outlet's own date of ``published`` may be the day before its UTC
    date: the feed gave no zone and stamped it before 10:00 UTC, when it is still the
    evening before in the Americas."""
    return utc_offset is None and published.hour < _LAST_HOUR_OF_ONE_DATE


def spoken_on(text: str, day: date, ignore: int = -1) -> date:
    """The day the statement in ``text`` was made, when it says so ("..., police said
    Monday": the last Monday up to ``day``, the day it was published), else ``day``. A
    weekday ahead in the statement counts from then: "will take place on Tuesday,
    police said Monday" is the Tuesday after that Monday. The weekday at ``ignore`` (an
    offset into ``text``) is the one being dated, not the day of the statement."""
    said = next((m for m in _SAID_ON.finditer(text) if m.start("day") != ignore), None)
    if not said:
        return day
    return day - timedelta(days=(day.weekday() - WEEKDAYS.index(said.group("day"))) % 7)


def local_date(published: datetime, utc_offset: int | None) -> date:
    """The calendar date of ``published`` on the outlet's clock (``utc_offset`` minutes
    east of UTC, as its feed wrote the date); the UTC date when that is unknown."""
    return on_outlets_clock(published, utc_offset).date()


def on_outlets_clock(published: datetime, utc_offset: int | None) -> datetime:
    """``published`` (aware) as the outlet's clock reads it, the same instant: what its
    readers saw as the date, and what its text's "on Tuesday" counts from. In UTC when
    the feed did not say."""
    if utc_offset is None:
        return published.astimezone(UTC)
    return published.astimezone(timezone(timedelta(minutes=utc_offset)))


def strip_date_annotations(text: str) -> str:
    """``text`` without the brackets :func:`annotate_dates` added: the source's words."""
    return _ANNOTATION_WITH_SPACE.sub("", text)


def names_a_day(text: str) -> bool:
    """Whether ``text``, outside quotations, tells of a day of its week: a weekday that
    is no name ("Black Friday", "the Sunday Times") and no day of any week ("on a
    Sunday"), or a relative day or week ("yesterday", "this week")."""
    quoted = [m.span() for m in _QUOTATION.finditer(text)]
    for match in _DAY.finditer(text):
        lead_in = text[max(0, match.start() - 40) : match.start()]
        if not (
            any(start <= match.start() < end for start, end in quoted)
            or _day_in_a_name(text, match)
            or _ANY_DAY.search(lead_in)
        ):
            return True
    return bool(relative_date_words(text))


def relative_date_words(text: str) -> list[str]:
    """Relative date words in ``text`` not followed by a bracketed date ("this week").

    Words inside quotation marks are the speaker's and are not counted.
    """
    quoted = [m.span() for m in _QUOTATION.finditer(text)]
    return [
        m.group(0)
        for m in _RELATIVE.finditer(text)
        if not any(start <= m.start() < end for start, end in quoted)
        and not _of_something_else(text, m.start(), m.end())
        and not _is_name(text, m.start())
        and not _nowadays(text, m)
    ]


def _nowadays(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is a "today" that means "nowadays" (:func:`_of_these_days`);
    "today's decision" is a day's."""
    return (
        match.group(0).lower() == "today"
        and not text.startswith(("'s", "’s"), match.end())
        and _of_these_days(text, match.start(), match.end())
    )


def _is_name(text: str, start: int) -> bool:
    """A capitalised "Today" after a word is a name's: "USA Today", "Medical News Today";
    "today's economy" or "today's young people" is the present age, not a date."""
    if _OF_OUR_TIME.match(text[start:]):
        return True
    # "TODAY IN THE SKY:", "... blog, Today in the Sky,": a column's name.
    if text[start : start + 5] == "TODAY" or (
        text[start].isupper() and text[:start].rstrip().endswith(",")
    ):
        return True
    return text[start].isupper() and bool(_WORD_BEFORE.search(text[:start]))


def _of_something_else(text: str, start: int, end: int) -> bool:
    """ "the last weekend of the festival", "the next week": a week of something else."""
    return text[:start].endswith(("the ", "The ")) or text[end:].startswith(" of ")


def stale_future(text: str, issue_date: date) -> bool:
    """Whether ``text`` speaks in the future tense of a dated day before ``issue_date``.

    The verb governing the day decides, as it does for :func:`annotate_dates`: "Macron
    on Tuesday (17 February) invited Modi to the summit, which will be held in June"
    and "China warned Wednesday (18 November) it will retaliate" tell of a day past.
    """
    return stale_day(text, issue_date) is not None


def stale_day(text: str, issue_date: date) -> date | None:
    """The first day before ``issue_date`` that ``text`` speaks of in the future tense
    (see :func:`stale_future`), or None: a weekday's annotation ("Friday (4 December)")
    or a date as written ("on Friday, December 4", "on Dec. 4")."""
    found = [
        (m.start(), MONTHS.index(m.group("month")) + 1, m.group("day"), False)
        for m in _ANNOTATION.finditer(text)
    ]
    found += [
        (m.start(), month_number(m["month"] or m["month2"]), m["day"] or m["day2"], True)
        for m in _WRITTEN_DAY.finditer(text)
        # Not inside brackets: an annotation, or the text's own dateline ("The deal
        # (Geneva, 4 December) will be signed") that dates the report, not the deed.
        if text.rfind("(", 0, m.start()) <= text.rfind(")", 0, m.start())
    ]
    for at, month, day, written in sorted(found):
        year = issue_date.year - (1 if month > issue_date.month + 6 else 0)
        try:
            meant = date(year, month, int(day))
        except ValueError:
            continue
        if written:
            # A date as written is the window's only when it falls in the days the
            # issue's reports came out ("will take effect on January 1" in December is
            # next year's), and its own clause looks ahead to it ("goes to a vote on
            # Friday, December 4"; not "fans who bought tickets on December 1 will ...",
            # "after a first reading on Dec. 3").
            if not 0 < (issue_date - meant).days <= _WRITTEN_STALE_DAYS:
                continue
            clause = _CLAUSE_BEFORE.split(text[max(0, at - _CLAUSE_CHARS) : at])[-1]
            ahead = _WRITTEN_AHEAD.search(clause)
            if ahead and not _PAST_AFTER.search(clause, ahead.end()):
                return meant
            continue
        phrase = _PHRASE_END.search(text[:at])
        start = phrase.start() if phrase else at
        if meant < issue_date and _looks_ahead(text, start):
            return meant
    return None


_WRITTEN_STALE_DAYS = 14
_CLAUSE_CHARS = 100
_CLAUSE_BEFORE = re.compile(
    r"[,;:()—–]|\b(?:after|following|since|when|who|which|that|before|once|while)\b"
)
_WRITTEN_AHEAD = re.compile(
    r"\b(?:will|shall)\b|\b(?:is|are)\s+(?:due|expected|scheduled|set)\s+to\s+(?!(?:a|an|the)\b)"
    r"|\b(?:goes|go)\s+to\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}vote\b|\b(?:meets|holds|hosts|votes)\b",
    re.IGNORECASE,
)
# ... and the day is the verb's, not an event's a noun names ("will appear in court over
# the shooting on December 2", "victims of the floods on 1 December").
_PAST_AFTER = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:[a-z]{3,}ed|was|were|had|did|said|met|held|began)\b"
    r"|\b(?:over|of|for|about|against|into|behind|to|by|from)\s+(?:the|a|an|its|their|his|her)\s"
)


# A date as written, not in a year of its own ("on December 4", "on 4 Dec.", after its
# weekday: "on Friday, December 4"; not "December 4, 2019").
_WRITTEN_DAY = re.compile(
    rf"(?:\b(?:{WEEKDAY_PATTERN}),?\s)?\b(?:(?P<month>{MONTH_WRITTEN_PATTERN})\s?(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})\s(?P<month2>{MONTH_WRITTEN_PATTERN}))(?!\d)(?!,?\s(?:19|20)\d\d)"
)


def _day_in_a_name(text: str, match: re.Match[str]) -> bool:
    """Whether the weekday of ``match`` is part of a name: "Black Friday", "Super
    Tuesday", "the Sunday Times", "the Monday Night Football broadcast"."""
    lead_in = text[max(0, match.start() - 40) : match.start()]
    return bool(
        _NAMED_DAY.search(lead_in)
        or (_THE_BEFORE.search(lead_in) and _CAPITAL_AFTER.match(text[match.end() :]))
    )


class _Days:
    """The weekdays of one text and the days its reports are dated by ("said Friday"),
    found once: each day's rules look back at the ones before it."""

    def __init__(self, text: str) -> None:
        self.matches = [m for m in _DAY.finditer(text) if not _day_in_a_name(text, m)]
        self.starts = [m.start() for m in self.matches]
        self.said_on = {m.start("day") for m in _SAID_ON.finditer(text)}
        self.tail = _TAIL_REPORT.search(text)

    def last_before(self, position: int) -> re.Match[str] | None:
        index = bisect.bisect_left(self.starts, position)
        return self.matches[index - 1] if index else None


def _decided_on(text: str, day: re.Match[str]) -> re.Match[str] | None:
    """The weekday earlier in ``day``'s sentence on which a decision set ``day`` as its
    end ("on Monday adjourned the trial until Thursday"); None if there is none."""
    before = text[: day.start()]
    if not _UNTIL_END.search(before):
        return None
    start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    earlier = [m for m in _DAY.finditer(text, start, day.start()) if m.end() <= day.start()]
    if not earlier:
        return None
    between = text[earlier[-1].end() : day.start()]
    return (
        earlier[-1] if any(_AGREED.fullmatch(m.group(0)) for _, m in _past_verbs(between)) else None
    )


_UNTIL_END = re.compile(r"\b(?:until|till)\s+$")
# (The day in the infinitive's own clause: no comma, and no past tense between them,
# as in "told residents to return north, a day after the truce began on Sunday".)
_DIRECTED_TO = re.compile(
    r"\b(?:invited|asked|urged|ordered|instructed|summoned|called\s+on|told)\s+[^.;:,]{1,60}?"
    r"\bto\s+(?:meet|attend|join|visit|discuss|hold|sign|appear|testify|return|come|travel|"
    r"negotiate|resume|vote|present|submit|report)\b(?P<rest>[^.;:,]{0,60})$"
)


def a_week_on(text: str, end: int) -> bool:
    """Whether ``text`` says "a week on" just before ``end`` ("vote a week on Monday": the
    Monday after next)."""
    return _A_WEEK_ON.search(text, 0, end) is not None


# (Not "closed for a week on Monday", "once a week on Monday": a span, a habit.)
_A_WEEK_ON = re.compile(
    r"(?<!\bfor\s)(?<!\bonce\s)(?<!\bevery\s)(?<!\btwice\s)\ba\s+week\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _set_in_motion_on(text: str, start: int, days: _Days) -> re.Match[str] | None:
    """The earlier weekday of the clause on which an order or agreement was made that,
    through its infinitive, governs the day at ``start``: "On Thursday, Morsi ordered
    the prime minister to lead a delegation into Gaza on Friday" (the Friday after that
    Thursday); None if there is none."""
    earlier = _anchor_day(text, start, days)
    if earlier is None or _DAY_POSSESSIVE.match(text, start):
        return None  # "to rebuild the town hit by Saturday's earthquake": the quake's day
    clause_start = _clause_start(text, earlier.start())
    infinitive = _INFINITIVE.search(text, earlier.end(), start)
    if (
        infinitive is None
        or _NOT_THE_PLAN.search(infinitive.group("rest"))
        or _past_tenses(infinitive.group("rest"))
        or _CLAUSE_BREAK.search(text, earlier.end(), start)
        or not _SETS_IN_MOTION.search(text, clause_start, infinitive.start())
    ):
        return None
    return earlier


def _reported_on(text: str, day: re.Match[str], days: _Days) -> re.Match[str] | None:
    """The earlier weekday of the sentence that dates a report telling of ``day``: "On
    Friday CBS News reported that agencies saw activity before Wednesday's attack",
    "Police said Friday the suspect had fled on Tuesday"; None if there is none, or if
    another clause or event comes between ("Shops closed on Friday after the government
    announced ...", "said on Friday that ..., but on Monday ...")."""
    said_on = days.said_on
    if day.start("day") in said_on:
        return None  # "..., police said Friday": the day of the report itself
    start = day.start()
    earlier = _anchor_day(text, start, days)
    if earlier is None:
        return None
    said_day = earlier.start("day") in said_on
    if said_day:  # "police said Friday": the report's verb is before its day
        between = text[earlier.end() : start]
    else:  # "On Friday CBS News reported": after it, in its clause
        said = _REPORTING.search(text, earlier.end(), start)
        if said is None:
            return None
        lead = text[earlier.end() : said.start()]
        # (Another verb between is another event's: "those who voted on Sunday backed
        # the amendments, down from the share it had announced on Monday".)
        # ("the Saudi-led coalition said": an adjective, no verb.)
        verbs = [m for _, m in _past_verbs(lead) if lead[max(0, m.start() - 1)] != "-"]
        if _ANOTHER_CLAUSE.search(lead) or _SUBORDINATE.search(lead) or verbs:
            return None
        between = text[said.end() : start]
    if _ANOTHER_CLAUSE.search(between) or _QUOTATION.search(between):
        return None
    return earlier


def _anchor_day(text: str, start: int, days: _Days) -> re.Match[str] | None:
    """The last weekday before ``start`` that is a day of the week's news: not "every
    Monday", "Black Friday", a possessive ("Sunday's vote") or a day already dated."""
    found = days.last_before(start)
    if found is None:
        return None
    lead_in = text[max(0, found.start() - 40) : found.start()]
    if (
        _ANY_DAY.search(lead_in)
        or _NAMED_DAY.search(lead_in)
        or _DAY_POSSESSIVE.match(text, found.start())
        or _ALREADY_DATED.match(text[found.end() : found.end() + 40])
    ):
        return None
    return found


def _of_these_days(text: str, start: int, end: int) -> bool:
    """Whether "today" at ``start:end`` means "nowadays", on the evidence of a
    comparison ("than it is today") or of a state that lasts ("the water vapour that
    lingers today", "Today, only 13% of the ocean remains"). Any other "today" is the
    day: "The trial begins today", "Polls open today"."""
    before, after = text[:start], text[end:]
    clause = _CLAUSE_BREAK.split(after)[0]
    if _COMPARED.search(before) and not _WORD_AFTER.match(after):
        return True
    # A lasting state told in the present all through: "The strike remains today, union
    # leaders said" is that day's report.
    if _LASTING.search(before[-30:]) and not _FUTURE.search(text) and not _PAST_VERB.search(text):
        return True
    opening = not before.strip(" “\"‘'")
    # ("..., locked up in the polar caps": a participle after a comma describes.)
    told = [m for m in _PAST_VERB.finditer(clause) if not clause[: m.start()].endswith(", ")]
    return opening and bool(_LASTING_AFTER.search(clause)) and not told


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` begins."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def _looks_ahead(text: str, start: int) -> bool:
    """Whether the day at ``start`` of ``text`` is spoken of in the future tense."""
    return _tense(text, start) == "future"


def _tense(text: str, start: int) -> str | None:
    """The tense the day at ``start`` of ``text`` is spoken of in: "future", "past",
    "would" (reported speech's future, :data:`_WOULD`), or None when nothing says.

    The nearest tense before it in its clause decides; then a condition; then the
    future tense nearest to it in the sentence, unless a past tense (then past) or the
    start of a relative clause stands between; with no future, a past tense after it
    in its clause ("this weekend, when she was photographed").
    """
    clause = _CLAUSE_BREAK.split(text[:start])[-1]
    if _STARTING.search(clause) and _starts_ahead(text, start):
        return "future"
    # An event called or set for the day ("called a national day of protest for
    # Tuesday", "set the vote for Friday") is ahead, unless the sentence then tells it
    # as past ("The strike called for Tuesday paralysed the ports").
    # (Not a verb after "and", whose subject is who called it: "called a march to
    # Congress for Wednesday and threatened a general strike".)
    if (
        _EVENT_FOR.search(clause)
        and not _POSSESSIVE_DAY.match(text, start)
        and not _past_tenses(
            told := _CALLERS_NEXT.split(_SENTENCE_END.split(text[start:], maxsplit=1)[0])[0]
        )
        and not _IRREGULAR_PAST.search(told)
    ):
        return "future"
    # Someone invited or told to do something on the day ("invited the union leaders to
    # meet him in La Paz on Monday", "urged both sides to sign on Friday"): the doing
    # is ahead of the inviting.
    directed = _DIRECTED_TO.search(clause)
    if (
        directed
        and not _past_tenses(directed["rest"])
        and not _past_tenses(_SENTENCE_END.split(text[start:], maxsplit=1)[0])
    ):
        return "future"
    future = max((m.end() for m in _FUTURE.finditer(clause)), default=-1)
    # A present plan's own day, not a past event's after it: a day's possessive ("faces
    # pressure after Sunday's protests", "criticism for Sunday's remarks") or a deed
    # ("after winning the vote on Sunday", "after his release on Monday") is the event's.
    plans = [m.end() for m in _PRESENT_PLAN.finditer(clause)]
    possessive = _POSSESSIVE_DAY.match(text, start) is not None
    if plans and not (possessive or _AFTER_A_DEED.search(clause, plans[-1])):
        future = max(future, plans[-1])
    would = max((m.end() for m in _WOULD.finditer(clause)), default=-1)
    past = max(_past_tenses(clause), default=-1)
    if would > max(future, past):
        # "was due to dock on Monday but was turned away": what happened instead, told
        # after it, puts the day in the past.
        after = _BUT.split(text[start:], maxsplit=1)
        if (
            _PLANNED.search(clause[max(0, would - 30) : would])
            and len(after) > 1
            and _WHAT_HAPPENED.match(after[1])
        ):
            return "past"
        return "would"
    # A day inside a condition that follows the clause's tenses looks ahead with it:
    # "... could see 700,000 jobs hit if the government shuts down Monday night".
    # ("The road was closed until Saturday" tells of a Saturday gone: only "if" and
    # "unless" make a condition of what follows them.)
    condition = max((m.end() for m in _IF.finditer(clause)), default=-1)
    if condition > max(future, past) and not _WAS.search(clause, condition):
        return "future"
    # A decision's past tense sets the end ahead ("the government suspended classes until
    # Monday"), unless the sentence dates the decision ("on Friday adjourned the trial
    # until Monday", "Last week the judge ...") or tells the end as past after it ("...,
    # when the defendant pleaded not guilty").
    sentence_end = _SENTENCE_END.search(text, start)
    told_after = text[start : sentence_end.start() if sentence_end else len(text)]
    # (What a later clause tells: not the decision's own reason, "... until Monday after
    # the defence asked for more time".)
    later = told_after.partition(",")[2]
    decided = not _DATED_DECISION.search(clause) and not _past_tenses(later)
    if (
        _AHEAD_OF.search(clause)
        and future < 0
        and not _WAS.search(clause)
        and not any(
            not _PERFECT.search(clause, max(0, end - 60), m.start())
            and not (decided and _AGREED.fullmatch(m.group(0)))
            for end, m in _past_verbs(clause)
        )
    ):
        return "future"
    if future != past:
        return "future" if future > past else "past"
    if _IF.search(clause) or _LATER_THAN.search(clause):
        return "future"
    markers = [(m.start(), m.end()) for m in _FUTURE.finditer(text)]
    if not markers:
        return "past" if _past_tenses(_CLAUSE_BREAK.split(text[start:])[0]) else None
    begin, end = min(markers, key=lambda m: abs(m[0] - start))
    between = text[end:start] if begin < start else text[start:begin]
    if _past_tenses(between):
        return "past"
    return None if _RELATIVE_CLAUSE.search(between) else "future"


def _starts_ahead(text: str, start: int) -> bool:
    """Whether what "starting", "beginning" or "effective" puts on the day at ``start``
    lies ahead: agreed or announced before it ("have agreed to a 90-day truce, starting
    Saturday"), with no past tense after it in the sentence ("... but it collapsed on
    Sunday"), none before it but a perfect or a verb of agreeing or saying, and no
    span run before it ("three days of protests beginning Saturday", "for a week")."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    before = text[sentence_start:start]
    rest = _SENTENCE_END.split(text[start:], maxsplit=1)[0]
    if _WILL_AFTER.match(rest):
        return True  # "a new walkout starting Monday would be indefinite"
    if _past_tenses(rest):
        return False
    # A relative clause's span is another time's: "which has staged strikes for weeks".
    own = _RELATIVE_ASIDE.sub(" ", before)
    for span in _SPAN_BEFORE.finditer(own):
        # An infinitive's span is what was agreed: "agreed to stop fighting for 90 days".
        if not _SPAN_OF_PLAN.search(own, max(0, span.start() - 40), span.start()):
            return False
    return all(
        _PERFECT.search(own, max(0, end - 60), m.start()) or _AGREED.fullmatch(m.group(0))
        for end, m in _past_verbs(own)
    )


# What sets a start on a day: "agreed", "announced", "said" (a past tense that does not
# tell the thing itself as past).
_AGREED = re.compile(
    r"agreed|announced|said|decided|declared|ordered|approved|confirmed|signed|told|"
    r"voted|unveiled|introduced|published|issued|extended|raised|cut|lowered|imposed|set|"
    r"lifted|increased|reduced|fined|banned|suspended|renewed|called|threatened|planned|filed|"
    r"adjourned|postponed|deferred|gave|granted|allowed|offered"
)
_WILL_AFTER = re.compile(r"^\w+(?:\s+\w+)?\s+(?:will|would|is\s+to|are\s+to)\b")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\b[^,]*,")
_SPAN_OF_PLAN = re.compile(r"\bto\s+[a-z]+(?:\s+[a-z]+){0,3}\s+$")
# A span told before its first day: "three days of protests", "for a week", "has raged
# for four days".
_SPAN_BEFORE = re.compile(
    r"\b(?:days?|weeks?|months?|hours?|nights?)\s+of\b|\bfor\s+(?:a|an|one|two|three|four|"
    r"five|six|seven|several|\d+)\s+(?:days?|weeks?|months?|hours?|nights?)\b"
)


def _past_tenses(text: str) -> list[int]:
    """Where past tenses end in ``text``; a participle of a passive ("is granted") is none."""
    return [end for end, _ in _past_verbs(text)]


def _past_verbs(text: str) -> list[tuple[int, re.Match[str]]]:
    return [
        (m.end(), m)
        for m in _PAST_VERB.finditer(text)
        # The passive's "is" stands right before: a bounded look back, not the whole text.
        if not _PASSIVE_BEFORE.search(text, max(0, m.start() - 40), m.start())
    ]


def _weekday_date(day: date, weekday: int, before: str, is_future: bool, latest: date) -> date:
    if before == "next" or (is_future and before != "last"):
        offset = (weekday - day.weekday()) % 7
        if before == "next" and offset == 0:
            offset = 7
        return day + timedelta(days=offset)
    if before == "last":
        offset = (day.weekday() - weekday) % 7 or 7
        return day - timedelta(days=offset)
    # The latest such day up to the latest local date the publication time can have.
    offset = (latest.weekday() - weekday) % 7
    return latest - timedelta(days=offset)


def _weekend(monday: date) -> str:
    """ "14–15 November", "31 October–1 November": the weekend of ``monday``'s week."""
    saturday, sunday = monday + timedelta(days=5), monday + timedelta(days=6)
    if saturday.month == sunday.month:
        return f"{saturday.day}–{_day_month(sunday)}"
    return f"{_day_month(saturday)}–{_day_month(sunday)}"


def _day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"
