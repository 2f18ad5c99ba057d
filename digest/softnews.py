"""Soft news: sport, entertainment, lifestyle and obituaries, told from the hard news by
their words.

A foreign-affairs issue ranks stories by how many outlets carried them, and a week of
the Winter Olympics gives a hockey semifinal as many outlets as a round of peace talks.
The editors' readers expect the news first: :func:`soft_news` names what makes a story
soft (its sport, its show, its obituary form), and selection prints such stories after
the hard news, keeps them out of "The week in 60 seconds" and the inbox preview unless
nothing else is there, and lists them last in "Also in the news".

The words are each section's own vocabulary (games, medals, leagues, awards, the
obituary headline's "dies at 87"), not any week's items; a report that also tells of
killing, arrests, courts, war, elections, diplomacy or a disaster is news whatever its
setting (a plot against a concert, athletes barred over a war), and a story with one
such report in four is never soft. Only each article's title, feed teaser and the
first lines of its page are read: a report of a summit may mention a football match in
its tenth paragraph.

The same openings tell two more things selection weighs in "Also in the news":
:func:`world_news`, whether a story names the world beyond the outlets' home countries
(``digest.places``), and :func:`death_toll`, how many dead it reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import urlsplit

from digest.models import Article, Story
from digest.places import names_the_world

__all__ = [
    "NUMBER_WORDS",
    "dead_counted",
    "death_toll",
    "denies_deaths",
    "hard_news",
    "is_gallery",
    "is_opinion",
    "is_video",
    "opening",
    "opinion_kind",
    "people_counted",
    "soft_news",
    "tells_deaths",
    "world_news",
]

# Each alternative is matched at word starts, case-insensitively; a trailing "\w*"
# takes inflections ("medal", "medals", "medalist"). Lemmatised text ("champion
# league") matches as well as the outlets' own.
_SOFT_WORDS = {
    "sport": (
        r"olympi\w*|paralympi\w*|medal(?!s? of\b)\w*|world cup|super bowl|grand slam|grand prix|"
        r"formula (?:one|1)|premier league|champions? league|europa league|la liga|serie a|"
        r"bundesliga|nba|nfl|nhl|mlb|fifa|uefa|wimbledon|tournament\w*|semi-?finals?|"
        r"quarter-?finals?|play-?offs?|championships?|hockey|(?<!political )football\w*|soccer|"
        r"tennis|"
        r"cricket\w*|rugby|golfers?|pga|baseball|basketball|volleyball|figure skat\w*|skater\w*|"
        r"snowboard\w*|slalom|bobsle\w*|ski jump\w*|goalkeeper\w*|striker\w*|"
        r"quarterback\w*|coach\w*|jockey\w*|boxing|sprinter\w*|touchdown\w*|free agent\w*|"
        r"rookie\w*|innings?|wide receiver\w*|pitcher\w*|home run\w*|grand final\w*|"
        r"ski team\w*|ski racer\w*|racing driver\w*|title fight\w*|derby|derbies|futsal|"
        r"stadium|warm-up match\w*|test match\w*|friendlies|wickets|t20\w*|"
        r"one-day (?:series|international)|test series|midfielder\w*|transfer window\w*|"
        r"netball\w*|rugby sevens|\d+s coach\w*|wild-card weekend|"
        r"(?:pacific|commonwealth|asian|african|mediterranean|sea|pan american) games"
    ),
    "entertainment": (
        r"box office|box-office|album\w*|oscars?|academy awards?|grammys?|emmys?|"
        r"golden globes?|baftas?|red carpet|film festival\w*|fashion week|mascot\w*|"
        r"celebrit\w*|sitcom\w*|blockbuster\w*|reality (?:tv|show)\w*|horoscope\w*|"
        r"actress\w*|pop star\w*|rock star\w*|rapper\w*|singer\w*|hip-?hop|"
        r"musician\w*|world tour\w*|"
        r"music video\w*|movie\w*|sequel\w*|premiere\w*|"
        r"dancing with the stars|talk show\w*|tv series"
    ),
    # A city's leisure pages: where to eat, what to do over the holidays.
    "lifestyle": (
        r"recipes|hotpot|brunch\w*|foodies?|street food|food zones?|christmas markets?|"
        r"christmas lights|christmas decorations|festivities|light installation\w*|"
        r"mulled wine|ice rinks?|things to do|where to eat|gift guide\w*|travel guide\w*|"
        r"carnival\w*|pre-carnival|samba schools?|blocos?"
    ),
}
# A service page's title: "How to keep your home cool without running the generator
# all night", "Ten Christmas bakes to try this year", "Where to find the city's best
# noodles" (not "How the vote was won", nor
# "Five killed as ...": a count of the dead is the hard news's, told apart after).
# (Not "How to vote in Saturday's referendum", "Three things to watch in the runoff":
# a home's and a table's verbs only.)
_SERVICE_TITLE = re.compile(
    r"^(?:how\s+to\s+(?:keep|make|cook|bake|save|spend|enjoy|celebrate|stay\s+(?:cool|warm)|"
    r"dress|decorate|host|choose|pick|plan\s+your|beat\s+the\s+(?:heat|cold))|\d+\s+ways\s+to\s+"
    r"(?:save|keep|cook|enjoy|stay)|(?:three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:[\w-]+\s+){0,2}(?:to\s+(?:try|make|cook|bake|buy|eat)|tips|recipes)|"
    # "Where to find Hanoi's best winter bun cha" (not "Where to find shelter ...").
    r"where\s+to\s+(?:find|eat|buy|get|try|drink|shop\s+for)\s+(?:[\w'’-]+\s+){0,3}best)\b",
    re.IGNORECASE,
)
_SOFT = {
    kind: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
    for kind, words in _SOFT_WORDS.items()
}
# A match score said with its result ("a 1-0 win", "beating Spain 2-1"): single figures,
# so neither a court's "5-4 ruling" nor a Senate's "51-49 victory" is a game
# (basketball's scores are missed).
_SCORE = re.compile(
    r"\b\d[-–]\d (?i:win|victory|draw|defeat|loss)\b"
    r"|\b(?i:beat(?:s|ing)?|defeat(?:s|ed|ing)?) (?:[A-Z][\w'’.-]+ ){1,2}\d[-–:]\d\b"
    # Not a vote's count: "beat Labour 3-2 in Thursday's council by-elections".
    r"(?![^.]{0,60}\b(?i:votes?|ballots?|elections?|by-elections?|polls?|seats)\b)"
)
# The cups named for a person or a place, as names: "the Davis Cup" (a museum's stolen
# "gold cup" is none).
_CUP = re.compile(r"\b(?:Davis|Ryder|Stanley|America['’]s|Billie Jean King|FA|Asian|Africa) Cup\b")
# The obituary's own headline forms: "Fania Fénelon, 74; Memoirs ...", "Name, Who Did
# This, Dies", "..., dies at 87" ("dead at", "dies aged", "has died at the age of"). An
# age from 30: "died at 17 in custody" is a report of a death, and "dies at 10 a.m." a
# time.
_OBITUARY = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’.-]*, \d{2,3}[;:]|, (?i:dies)$|"
    r"\b(?i:(?:dies|dead) (?:at|aged)|has died at the age of) (?:[3-9]\d|1[01]\d)\b"
    r"(?!\s?(?i:a\.?m|p\.?m)\b|:)"
)
# Words of the hard news: a story that tells of any of these is news whatever its
# setting.
_HARD = re.compile(
    # (Not a team's "attack": "strengthen its attack", "the fourth-ranked rushing attack".)
    r"(?<![\w-])(?:kill\w*|(?<!\bits )(?<!\btheir )(?<!\brushing )(?<!\bpassing )attack\w*|"
    r"terror\w*|bomb\w*|shooting\w*|gunm[ae]n|(?<!star )wars?|"
    r"troops?|military|missile\w*|nuclear|sanction\w*|coups?|protest\w*|crackdown\w*|"
    r"arrest\w*|charged?|charges|indict\w*|court\w*|trial|convict\w*|hostage\w*|"
    r"refugee\w*|invasion|invade\w*|cease-?fire\w*|election\w*|boycott\w*|banned|barred|"
    r"ban|bans|doping|spy|spies|espionage|deaths|death toll|dead|abuse\w*|assault\w*|"
    r"rape\w*|molest\w*|lawsuits?|sued|sues|murder\w*|prison\w*|jail\w*|sentenced|"
    r"died|death|homicide\w*|stabb\w*|airstrikes?|air strikes?|explosions?|blasts?|"
    r"earthquakes?|quakes?|floods?|flooding|hurricanes?|typhoons?|cyclones?|wildfires?|"
    r"avalanches?|crash\w*|disasters?)(?![\w-])",
    re.IGNORECASE,
)
# Statecraft is a foreign-affairs issue's hard news as much as war: an investigation, talks
# between states, a treaty, a government sworn in. Sport and show business use some of
# the words too ("trade talks with the Lakers", "Federer ousted", "The Diplomat"
# renewed, "NBA probes"), so these count only beside a country, its people or an
# international body (``digest.places.names_the_world``), and only the words a league
# or a studio seldom uses.
_STATECRAFT = re.compile(
    r"(?<![\w-])(?:investigat(?:e|es|ing|ion|ions|ors?)|(?:peace|nuclear|ceasefire|cease-fire|"
    r"bilateral) (?:talks|deals?|accords?|agreements?)|round of talks|treat(?:y|ies)|"
    r"(?:leaders|G\d+|G-\d+|NATO|Nato|EU|ASEAN|Asean|APEC|BRICS|peace|security|climate) summits?|"
    r"tariffs?|annex\w*|referendums?|impeach\w*|sworn in|inaugurat(?:ed|ion)|"
    r"reappoint\w*|summon(?:s|ed)|expel(?:s|led)|juntas?|insurgen\w*|militants?|"
    r"genocide|corruption|brib\w*)(?![\w-])",
    re.IGNORECASE,
)
# A number of dead, as headlines and teasers give it: "kills at least 28", "killing 11",
# "13 Israeli soldiers killed", "28 people have died", "10 police killings", "dozens
# dead", "death toll rises to 40". Not a number of dead: a year, a date or an age
# ("killed 20 years ago", "killed 12 May", "COVID-19 deaths", "a 38-year-old man was
# killed"), the injured or homeless ("leaves 300 injured"), or a war's running total
# ("has killed more than 2,000 since 2023"), which tells of no new event.
_COUNT_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "dozens": 24, "scores": 40,
    "hundred": 100, "hundreds": 200, "thousands": 2000,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "Twenty-seven people are now confirmed dead", "Forty-two killed".
_COUNT_WORDS |= _TENS | {
    f"{tens}{joint}{unit}": value + place
    for tens, value in _TENS.items()
    for place, unit in enumerate(_UNITS, start=1)
    for joint in ("-", " ", "\u2011")  # "twenty-seven", "twenty seven", a no-break hyphen
}
# Counts in words that say how many: "nine people are missing" is a count as "9" is;
# "dozens" is not. ("One" is left out: "no one was hurt".)
_SMALL_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
# "A hundred" is "more than a hundred" as often as it is 100.
_VAGUE = frozenset({"dozen", "dozens", "scores", "hundred", "hundreds", "thousands"})
_PRECISE = {**_SMALL_WORDS, **{w: n for w, n in _COUNT_WORDS.items() if w not in _VAGUE}}
_ALL_WORDS = {**_COUNT_WORDS, **_SMALL_WORDS}
NUMBER_WORDS = frozenset({*_ALL_WORDS, "one", "sixty", "seventy", "eighty", "ninety", "hundred"})
"""Numbers written as words, "two" to "thousands": a count, never a name."""


def _count_pattern(group: str = "", words: Iterable[str] = _ALL_WORDS) -> str:
    """A count of people, in figures or ``words``, captured (in group ``group`` if
    named)."""
    return (
        # Not the tens of "three hundred and forty-two": a count of its own.
        r"(?<![\w.,/-])(?<!hundred\s)(?<!hundred\sand\s)(?<!thousand\s)(?<!thousand\sand\s)("
        + (f"?P<{group}>" if group else "")
        + r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+million)?|"
        # "Three hundred people": a count of hundreds as exact as "300" (not "three
        # hundred thousand", nor "three hundred and twelve", which it would cut short).
        + r"(?:"
        + "|".join(_SMALL_WORDS)
        + r")\s+hundred(?!\s+(?:thousand|million|billion|and)\b)|"
        # The longest first: "twenty seven" before "twenty".
        + "|".join(sorted(words, key=len, reverse=True))
        # Whole or not at all: not "1" of "1,200", nor "three" of "three hundred".
        + r")(?![\w-])(?!,\d)(?!\s+(?:hundred|thousand)\b)"
        # A part of a count, not one: "Nineteen of the dead were children".
        r"(?!\s+of\s+(?:the|those|them)\b)"
        r"(?!\s+(?:years?|months?|weeks?|days?|hours?|per\s*cent|percent|"
        r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|billion|bn|trillion|dollars?|"
        r"euros?|pounds?|yuan|yen|rupees?|francs?)\b)"
    )


_COUNT = _count_pattern()
# A span a toll is totalled over; "since Sunday" is the disaster's own days.
_SPAN = (
    r"(?:since(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+weekend|"
    r"last\s+week|the\s+(?:storm|flood|quake|earthquake|cyclone|typhoon)))|this\s+(?:year|season|"
    r"decade|century)|so\s+far\s+this|(?:over|in)\s+the\s+(?:past|last)"
    # ... but "in the past three days", "over the past 48 hours" are its own.
    r"(?!\s+(?:\d+|two|three|four|five|six|seven|few)\s+(?:days|hours))|worldwide|"
    r"a\s+year|every\s+year|each\s+year|annually|in\s+recent\s+(?:years|decades))\b"
)
_DEATHS = re.compile(
    rf"(?<!has )(?<!have )(?<!had )\bkill(?:s|ed|ing)?(?:\s+(?:at\s+least|more\s+than|"
    rf"over|nearly|almost|some|about|around|as\s+many\s+as|up\s+to))?\s+(?:a\s+)?{_COUNT}"
    # A disaster's toll in the perfect ("Floods and landslides have killed at least 14
    # people"), which a war's running total ("has killed 2,000 since 2023") is not.
    # Not a total over a span ("over the past decade", "so far this season", "this
    # year", "since 2000", "worldwide"), nor an earlier disaster's ("had killed"), nor
    # a war's ("The war, marked by air strikes, has killed": no comma between).
    # (The disaster as the subject, an aside between commas allowed: "The floods, the
    # worst in decades, have killed 40"; not one listed in a war's ("marked by air
    # strikes and explosions").)
    rf"|(?<!\d,\s)(?<!by\s)(?<!and\s)\b(?:floods?|flooding|(?:heavy\s+)?rains?|landslides?|"
    rf"mudslides?|quakes?|earthquakes?|storms?|typhoons?|cyclones?|hurricanes?|wildfires?|"
    rf"blasts?|explosions?|avalanches?|heatwaves?)\b(?:(?!{_SPAN})[^.;]){{0,100}}?"
    rf"\b(?:has|have)\s+(?:now\s+)?killed(?:\s+(?:at\s+least|more\s+than|over|nearly|"
    rf"almost|some|about|around))?\s+{_COUNT}(?![^.;,]{{0,60}}\b{_SPAN})"
    # One attack's toll in the perfect, the attack its subject with no aside: "A drone
    # attack on the market in Tarsk has killed at least 37". Not a war's ("Russia's
    # full-scale attack on Ukraine has killed", "Since the Oct. 7 attack, Israel's
    # offensive has killed"), nor attacks' over one.
    rf"|(?:^|(?<=[.;!?]\s))(?:An?|The)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:attack|strike|bombing)\s+(?:(?:on|in|at|near|of)\s+[^.;,]{{1,80}}?\s+)?"
    rf"(?:has|have)\s+(?:now\s+)?killed(?:\s+(?:at\s+least|more\s+than|over|nearly|"
    rf"almost|some|about|around))?\s+{_COUNT}(?![^.;,]{{0,60}}\b{_SPAN})"
    # A decimal is a magnitude, not people: "a 6.3 earthquake killed at least 1,124".
    # ("had been confirmed dead", as reported speech gives the toll; not "had been
    # killed", which may be an earlier disaster's.)
    # (An aside of who they were between: "42 people, including 11 children, were
    # killed".)
    rf"|(?<![\d.,])(?!\d+\.\d){_COUNT}(?:\s+[\w.]+){{0,2}}?"
    rf"(?:,\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them)\s+[^,.;]{{1,50}},)?"
    rf"\s+(?:(?:were|are|have\s+been|have|has)\s+"
    rf"|had\s+been\s+(?=(?:confirmed|reported|found)\s))?"
    rf"(?:(?:now|so\s+far|already)\s+)?(?:(?:confirmed|reported|found)\s+)?"
    rf"(?:killed|dead|deaths|died|killings)\b(?!\s+since\b)"
    # The dead buried: "38 people have been buried" (not homes, nor those a landslide
    # buried, who may be alive).
    rf"|(?<![\d.,]){_COUNT}\s+(?:people|bodies|victims)\s+(?:have\s+been|had\s+been|were)\s+"
    rf"buried\b(?!\s+(?:alive|under|beneath|by|in\s+(?:the\s+)?(?:rubble|mud|debris|snow|sand))\b)"
    # "The number of people killed ... rose to 23": a count that rises (one that falls,
    # "fell from 1,200 to 980 last year", is a statistic), of the dead alone.
    rf"|\bnumber\s+of\s+(?:confirmed\s+)?(?:deaths|fatalities|dead|(?:people\s+|those\s+)?"
    rf"(?:(?:confirmed|reported)\s+)?(?:killed|dead|who\s+died))\b(?!\s+(?:or|and)\s)"
    # (A magnitude's point is no stop: "killed by the magnitude 6.9 earthquake that
    # struck ... rose to eleven".)
    rf"(?:[^.]|(?<=\d)\.(?=\d)){{0,160}}?\b(?:rose|risen|climbed|"
    rf"increased|jumped|reached|hit)\s+(?:to\s+)?(?:more\s+than\s+|at\s+least\s+)?{_COUNT}"
    # A toll something brings to its count: "raises the number of dead to 19", "taking
    # the toll to 19" (not a road's toll: "raises the toll to 2.5 euros per vehicle").
    rf"|\b(?:raises?|raised|raising|brings?|brought|bringing|takes?|took|taking|push(?:es|ed)?|"
    rf"lifts?|lifted)\s+the\s+(?:number\s+of\s+(?:dead|deaths|fatalities|people\s+killed)|"
    rf"(?:death\s+)?toll)\s+to\s+(?:more\s+than\s+|at\s+least\s+)?{_COUNT}"
    rf"(?![.,]\d)(?!\s*(?:euros?|dollars?|cents?|pounds?|rupees?|per\b|%|percent))"
    # A count someone puts the toll at: "community leaders put the number of those
    # killed at 31".
    rf"|\b(?:put|puts|putting|placed|places|placing)\s+the\s+number\s+of\s+(?:deaths|"
    rf"fatalities|dead|(?:people|those)\s+(?:killed|dead|who\s+died))\s+at\s+"
    rf"(?:(?:more\s+than|at\s+least|nearly|around|about|some|over|almost)\s+)?{_COUNT}"
    rf"(?![\d.,]*\s*(?:%|per\b|percent|million|billion|euros?|dollars?|pounds?|rupees?|[$€£]))"
    rf"(?![^.;,]{{0,60}}\b{_SPAN})"
    # An attack's toll by the attack: "Toll from Gwada-Kasuwa raid hits 31", "toll in
    # the market shelling rises to 26".
    rf"|\btoll\s+(?:from|in|of)\s+(?:the\s+|last\s+\w+['’]s\s+|\w+['’]s\s+)?"
    rf"(?:(?!(?:cyber|rail|labour|labor|general|hunger|teachers['’]?|doctors['’]?|workers['’]?)\s)"
    rf"[\w’'-]+\s+){{0,3}}?(?:attacks?|raids?|bombings?|shelling|shootings?|massacre|ambush|"
    rf"clashes|fighting|strikes?|air\s?strikes?)\s+(?:(?:rises|rose|climbs|climbed|jumps|"
    rf"jumped|increases|increased)\s+to|hits|hit|reaches|reached|tops|topped|passes|passed)\s+"
    rf"(?:(?:more\s+than|at\s+least|nearly|around|about|over|almost)\s+)?{_COUNT}"
    rf"(?![\d.,]*\s*(?:%|per\b|percent|million|billion|euros?|dollars?|pounds?|rupees?|[$€£]))"
    rf"(?![^.;,]{{0,60}}\b{_SPAN})"
    # Not a count of things: "hits 400 companies", "reached 40 cancelled trains".
    rf"(?![\d.,]*\s+(?:[a-z]+\s+)?(?:companies|firms|businesses|trains|flights|families|homes|"
    rf"houses|buildings|schools|hospitals|vehicles|cars|trucks|shops|jobs|points|computers|"
    rf"systems|accounts|sites|websites|servers|cases|claims)\b)"
    # "Death toll", and a disaster's toll by its name: "Sulawesi quake toll climbs to 74",
    # "Cyclone Ditwah toll rises to 123". Not a toll "on farms" or "to the economy".
    rf"|(?:\bdeath\s+toll\b|\b(?:quake|earthquake|flood|flooding|storm|typhoon|cyclone|"
    rf"hurricane|landslide|mudslide|avalanche|blast|explosion|fire|wildfire|bushfire|crash|"
    rf"disaster|eruption|(?:Cyclone|Hurricane|Typhoon|Storm)\s+[A-Z][\w-]+)\s+toll\b"
    # A toll "on homes", "to the economy": no count of the dead.
    # A magnitude on the way is no sentence's end: "toll from the 7.1 quake ... to 300".
    rf"(?!\s+(?:on|for)\b)(?!\s+to\s+(?:the\s+)?[a-z]))(?:(?!(?<!said\s)(?<!which\s)(?:is|was|remains|remained)\s+(?:still\s+)?(?:not\s+(?:yet\s+)?known|unknown|unclear|not\s+clear))(?:[^.]|(?<=\d)\.(?=\d))){{0,120}}?"
    rf"\b(?:to|at|reaches|reached|hits|hit|past|of|tops|"
    rf"passes|exceeds|climbs|rises)\s+(?:more\s+than\s+|at\s+least\s+|nearly\s+)?{_COUNT}"
    # The count is the dead, not what else the gap ran on to: "the rubble of 300 homes".
    r"(?!\s+(?:homes|houses|buildings|villages|towns|schools|hospitals|districts|provinces|"
    r"km|kilometres|kilometers|miles|metres|meters|feet)\b)"
    # The toll said outright, as a revision says it ("two victims had been counted twice,
    # and the toll is 12"): the story's toll, whatever it is of, when it is a number of
    # people, not a fare ("the toll is $5") or a road's.
    rf"|(?<!road\s)(?<!bridge\s)(?<!motorway\s)(?<!highway\s)(?<!injury\s)"
    rf"(?<!economic\s)(?<!financial\s)(?<!emotional\s)\btoll\s+(?:now\s+|so\s+far\s+)?"
    rf"(?:is|was|stands\s+at|stood\s+at)\s+(?:now\s+)?(?:more\s+than\s+|at\s+least\s+|nearly\s+)?"
    rf"{_COUNT}(?![\d.,]*\s*(?:%|per\s*cent|percent|million|billion|injured|wounded|hurt|"
    rf"displaced|homeless|evacuated|missing|euros?|dollars?|pounds?|rupees?|[$€£]|"
    rf"for\s+(?:cars?|vehicles?|trucks?|lorries|motorists|drivers)\b))"
    # The bodies found so far: "recovered 31 bodies", "at least nine bodies were pulled
    # out", "we have counted seventeen bodies". Not "eight more bodies", a day's find,
    # nor bodies handed over or received ("returned 15 bodies of Palestinians"), nor
    # bodies of water or of regulators.
    rf"|\b(?:recovered|retrieved|found|pulled|dug\s+out|unearthed|exhumed|located|"
    rf"counted)\s+"
    rf"(?:the\s+|a\s+total\s+of\s+)?"
    rf"(?:(?:at\s+least|more\s+than|over|nearly|some|about|around)\s+)?(?<!more\s){_COUNT}"
    rf"\s+bodies\b"
    rf"|(?<![\d.,])(?<!more\s)(?!\d+\.\d){_COUNT}\s+bodies\s+(?:(?:have|had)\s+)?"
    rf"(?:(?:so\s+far|now|already|since)\s+)?(?:(?:been|were|was)\s+)?"
    rf"(?:recovered|retrieved|found|pulled|dug\s+out|unearthed|exhumed|located|counted)\b",
    re.IGNORECASE,
)


# The other counts a disaster's reports update day by day: "24 people were still
# missing and 96 injured", "more than 250,000 have been evacuated", "injuring 19".
def _people_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(
        rf"{_count_pattern('count', words)}"
        # "24 people", "1.3 million people in 11 provinces", "14 others": whom it counts,
        # never "11 provinces".
        r"(?:\s+(?:more\s+)?(?:people|persons|residents|villagers|civilians|children|others|"
        r"families|individuals|passengers|workers|soldiers|tourists|migrants))?"
        r"(?:\s+(?:in|across|from|on|at|near)\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)?\s+"
        r"(?:(?:were|are|was|is|remain|remained|have\s+been|had\s+been|has\s+been|still)\s+){0,2}"
        r"(?P<kind>missing|injured|wounded|hurt|affected|evacuated|displaced"
        # "12 people were treated for minor injuries": the injured.
        r"|treated\s+(?:(?:in|at)\s+(?:a\s+|the\s+)?(?:hospital|scene)\s+)?for\s+"
        r"(?:[a-z-]+\s+){0,2}(?:injuries|wounds))\b"
        # Not an adjective before its noun: "10 affected sites", "3 missing ballot boxes".
        r"(?!\s+(?!(?:and|or|in|on|at|after|as|by|from|since|when|while|across|but|"
        r"including|with|during|following|to|over|because|due|according|so|the|a|an|"
        r"overnight|yesterday|today|sustained|suffered)\b)[a-z])"
        rf"|\b(?:injur|wound)ing\s+(?:at\s+least\s+|more\s+than\s+|about\s+)?"
        rf"{_count_pattern('injuring', words)}"
        # The displaced as a noun: "112,480 evacuees", "the number of flood evacuees in
        # Kelantan rose to 45,312", "evacuees top 112,000".
        # Not those who went home or died: "2,000 evacuees returned home".
        rf"|{_count_pattern('evacuees', words)}\s+(?:flood\s+)?evacuees\b"
        r"(?![^.,;]{0,40}\b(?:returned|return|went|left|died|dead|killed|headed|allowed)\b)"
        rf"|\bevacuees\b[^.]{{0,80}}?\b(?:rose|risen|climbed|reached|topped|tops?|passed|"
        rf"increased|jumped|fell|dropped|declined|numbered|totall?ed|totals?|stood\s+at)\s+"
        rf"(?:to\s+)?(?:more\s+than\s+|nearly\s+|about\s+|over\s+)?"
        rf"{_count_pattern('evacuees_to', words)}"
        # The count itself, not of something else ("reached 12 relief centres").
        r"(?!\s+(?!(?:people|persons|in|on|at|by|across|as|from|after|this|last|early|late|"
        r"and|or|but|while|with|according)\b)[a-z])"
        # "the number of people injured (in Monday's quake) has risen to 19".
        r"|\b(?:number\s+of\s+(?:people\s+|those\s+)?|those\s+)"
        r"(?P<kind_to>injured|wounded|missing|displaced|hurt)(?:\s+people)?"
        r"(?:\s+(?:in|from|after|by|during|on)\s+[^,.;]{1,60}?)?\s+(?:(?:has|have|had)\s+)?"
        r"(?:rose|risen|climbed|reached|increased|jumped|fell|fallen|dropped|declined)\s+to\s+"
        rf"(?:more\s+than\s+|nearly\s+|about\s+|over\s+)?{_count_pattern('count_to', words)}",
        re.IGNORECASE,
    )


_PEOPLE = _people_pattern(_PRECISE)
_PEOPLE_ANY = _people_pattern(_ALL_WORDS)
_PEOPLE_KINDS = {
    "missing": "missing",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "affected": "affected",
    "evacuated": "displaced",
    "displaced": "displaced",
}


# Where outlets file their columns, leaders and letters, and how they title them.
_OPINION_PATH = re.compile(
    r"/(?:opinions?|voices|commentisfree|comment|editorials?|op-?eds?|columns?|columnists?|"
    r"letters)(?:/|$)",
    re.IGNORECASE,
)
_ANALYSIS_TITLE = re.compile(r"\s*(?:News\s+)?Analysis\s*[:|–—]", re.IGNORECASE)
# A title, or its last sentence, asking why: an explainer argues its answer (not "Why
# did they shoot him? Family demands answers ...", a report of someone asking).
_WHY_TITLE = re.compile(r"(?:^|[.?!]\s+)Why\s+(?!not\b)[^.?!]*\??\s*$")
# A label, not a report of one ("Transcript of call shows ...").
_TRANSCRIPT_TITLE = re.compile(
    r"\s*(?:(?:Full|Read(?: the)?(?: full)?)\s+)?(?:Transcript|Text)\s*[:|–—]"
    r"|\s*(?:Full|Read(?: the)?(?: full)?)\s+(?:transcript|text)\s+of\b",
    re.IGNORECASE,
)
_FACT_CHECK_TITLE = re.compile(r"\s*Fact[- ]?check(?:ed|ing)?\s*[:|–—]", re.IGNORECASE)
_FACT_CHECK_PATH = re.compile(r"/(?:fact-?checks?|fact-?checking|verifica)(?:/|$)", re.IGNORECASE)
_OPINION_TITLE = re.compile(
    r"^\s*(?:Opinion|Editorial|Op-?Ed|Comment|Column|Letters?)\s*[:|–—]",
    re.IGNORECASE,
)


# A story is news if one report in this many tells of the hard news.
_HARD_SHARE = 4
# How much of an article's text is its opening: the feed teaser's length, about.
_OPENING_CHARACTERS = 300


def soft_news(story: Story) -> str:
    """What makes ``story`` soft news ("sport", "entertainment", "lifestyle", "obituary"),
    or "".

    Soft when more than half of its articles' titles and openings speak of it, and
    fewer than one in ``_HARD_SHARE`` tells of the hard news (see module): in a story
    of a hundred reports, one that mentions a court is not what the story is about.
    """
    kinds: list[str] = []
    hard = 0
    for article in story.articles:
        texts = (article.title, *_openings(article))
        kind = _kind(texts) or _section_kind(article.url)
        if kind != "obituary" and any(_tells_hard_news(text) for text in texts):
            hard += 1
        elif kind:
            kinds.append(kind)
    count = len(story.articles)
    if 2 * len(kinds) <= count or hard * _HARD_SHARE >= count:
        return ""
    return max(sorted(set(kinds)), key=kinds.count)  # a tie: the first by name


# An outlet's section in the address: "/sport/cricket/...", "/recipes/...". (Not
# "/travel/" or "/food/": an airport's closure and a food recall are filed there.)
_SECTIONS = {
    "sport": re.compile(
        r"/(?:sports?|football|soccer|cricket|rugby|tennis|golf|motorsports?|athletics|nfl|nba|"
        r"mlb|nhl|basketball|baseball|hockey|netball)(?:/|$)"
    ),
    # A city's leisure section: "/lifestyle/", "/rio-life/".
    "lifestyle": re.compile(r"/(?:recipes|fashion|lifestyle|life|[a-z]+-life)(?:/|$)"),
}


def _section_kind(url: str) -> str:
    """The soft kind of the section an outlet files ``url`` under, or ""."""
    path = urlsplit(url).path.lower()
    return next((kind for kind, section in _SECTIONS.items() if section.search(path)), "")


def hard_news(story: Story) -> bool:
    """Whether any article of ``story`` tells of the hard news in its title or opening:
    killing, arrests, courts, war, elections, talks between states, investigations
    and the like (``_HARD``, ``_STATECRAFT``)."""
    return any(_tells_hard_news(text) for text in _heads(story))


def world_news(story: Story) -> bool:
    """Whether any article of ``story`` names a country, its people, a capital or an
    international body in its title or opening (:func:`digest.places.names_the_world`):
    the world's news, as a foreign-affairs issue reads it, rather than local news."""
    return any(names_the_world(text) for text in _heads(story)) or any(
        names_the_world(_dateline_place(article.text)) for article in story.articles
    )


def _dateline_place(text: str) -> str:
    """The place a page's dateline names, as a sentence writes it: "SINGAPORE — ..." is
    "Singapore", where a home paper's report leaves its country unsaid after."""
    found = _DATELINE_PLACE.match(text) or _DATELINE_WITH_COUNTRY.match(text)
    return " ".join(word.capitalize() for word in found[1].split()) if found else ""


# (With its wire in brackets, "SINGAPORE (Reuters) -"; not a town and its state, "LEBANON,
# Ohio —", "ATHENS, Ga. —", which a home paper's datelines write.)
_DATELINE_PLACE = re.compile(
    r"^\s*([A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,2})\s*(?:\([^)]{1,30}\)\s*)?"
    r"(?:[:]|\s?[—–-]|,(?!\s+[A-Z][a-z]+\.?\s*[—–-]|\s+[A-Z][a-z]+\.?,?\s*\([^)]*\)))"
)
# A city and its country ("CAIRO, Egypt —"): the country is the place.
_DATELINE_WITH_COUNTRY = re.compile(
    r"^\s*[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,2},\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
    r"\s*(?:\([^)]{1,30}\)\s*)?[—–-]"
)


def death_toll(story: Story) -> int:
    """The largest number of dead any article of ``story`` reports in its title or
    opening ("kills at least 28", "11 killed", "death toll rises to 40"), or 0."""
    return max((dead_counted(text) for text in _heads(story)), default=0)


def dead_counted(text: str, *, exact: bool = False) -> int:
    """The largest number of dead ``text`` reports ("kills at least 28", "11 killed",
    "death toll rises to 40"), or 0; with ``exact``, of those that say how many, in
    figures or words ("risen to nine", not "dozens dead")."""
    written = (
        next(group for group in m.groups() if group)
        for m in _DEATHS.finditer(text)
        # A range is no exact count: "Between 40 and 50 people were killed", "40 to 50".
        if not (
            exact
            and (
                _RANGE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or _RANGE_AFTER.match(text, _count_end(m))
            )
        )
    )
    return max(
        (
            _count(w)
            for w in written
            if not exact
            or w[:1].isdigit()
            or w.lower() in _PRECISE
            or w.lower().endswith(" hundred")
        ),
        default=0,
    )


# The start of a range just before a count ("between 40 and ", "40 to "), or its end
# after one ("40 and 50 killed").
_RANGE_BEFORE = re.compile(r"\b(?:between\s+[\w-]+\s+and|\d+\s+to)\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    r"\s*(?:and|to|or|-|–)\s*\d[\d,]*\s+(?:people\s+)?(?:(?:were|are|have\s+been)\s+)?"
    r"(?:killed|dead|died)\b"
)


def _count_end(found: re.Match[str]) -> int:
    """Where the count a ``_DEATHS`` match read ends."""
    return next(found.end(i) for i, group in enumerate(found.groups(), 1) if group)


def denies_deaths(text: str) -> bool:
    """Whether ``text`` says no one died ("no immediate reports of deaths")."""
    return bool(_NO_DEATHS.search(text))


def tells_deaths(text: str) -> bool:
    """Whether ``text`` tells of the dead, in any number ("One Dead, 46 Homes Damaged"),
    and not of none ("No one killed as strong quake shakes ...")."""
    return any(
        not _NEGATED.search(text, max(0, m.start() - _NEGATION_CHARS), m.start())
        for m in _DEATHS_TOLD.finditer(text)
    ) and not denies_deaths(text)


_NO_DEATHS = re.compile(
    r"\bno\s+(?:immediate\s+|initial\s+)?(?:reports?\s+of\s+)?(?:(?:injuries|damage|"
    r"injured)\s+or\s+)?(?:deaths|casualties|fatalities|victims|dead)\b"
    r"|\b(?:no\s+one|nobody|no\s+deaths?)\s+(?:was\s+|were\s+)?(?:(?:injured|hurt)\s+or\s+)?"
    r"(?:killed|reported|hurt|died)\b",
    re.IGNORECASE,
)
# A word of none before a death: "No one killed", "nobody was killed", "without deaths".
_NEGATED = re.compile(r"\b(?:no(?:\s+one)?|nobody|none|not|without)\b(?:\s+\w+){0,3}\s*$", re.I)
_NEGATION_CHARS = 30
_DEATHS_TOLD = re.compile(
    r"\b(?:dead|killed|kills|died|dies|death\s+toll|fatality|fatalities)\b(?<!no\sdead)",
    re.IGNORECASE,
)


def is_opinion(article: Article) -> bool:
    """Whether ``article`` is an outlet's opinion or analysis, not its report
    (``opinion_kind``)."""
    return bool(opinion_kind(article))


def opinion_kind(article: Article) -> str:
    """ "opinion", "analysis", "transcript" or "fact check" when ``article`` is one, not
    a report: its page says so (``Article.page_kind``), its address files it under
    opinion ("/opinion/", "/voices/", "/commentisfree/", "/editorial/") or fact checks,
    or its title says so ("Opinion: ...", "Editorial | ...", "Transcript: ...", "Fact
    check: ...", "Analysis: ...", or asks why: "Russia's frozen billions are about to
    fund Ukraine. Why India's banks are watching nervously"); else ""."""
    if article.page_kind:
        return article.page_kind
    if _ANALYSIS_TITLE.match(article.title) or _WHY_TITLE.search(article.title):
        return "analysis"
    # Someone's words whole, or a check of someone's claim: no report of the news.
    if _TRANSCRIPT_TITLE.match(article.title):
        return "transcript"
    if _FACT_CHECK_TITLE.match(article.title) or _FACT_CHECK_PATH.search(
        urlsplit(article.url).path
    ):
        return "fact check"
    if _OPINION_PATH.search(urlsplit(article.url).path) or _OPINION_TITLE.match(article.title):
        return "opinion"
    return ""


def is_video(article: Article) -> bool:
    """Whether ``article`` is a video's page, by its title's label ("WATCH | ...",
    "Video: ...", not "Video-sharing app ...") or a path segment of its own."""
    return bool(_VIDEO_LABEL.match(article.title) or _VIDEO_PATH.search(urlsplit(article.url).path))


_VIDEO_LABEL = re.compile(r"^\W*(?:WATCH|Watch|VIDEO|Video|Videos)\s*(?:[|:–—]|\s-\s)")
_VIDEO_PATH = re.compile(r"/(?:videos?|watch)(?:/|$)|/video-\d+(?:/|$)", re.IGNORECASE)


def is_gallery(article: Article) -> bool:
    """Whether ``article`` is a photo gallery, by its title ("In Pictures: ...", "Photos:
    ...") or its address ("/photos/", "/gallery/"): its sentences are captions."""
    path = urlsplit(article.url).path
    return bool(_GALLERY_TITLE.match(article.title) or _GALLERY_PATH.search(path))


_GALLERY_TITLE = re.compile(
    r"^(?:In (?:pictures|photos|images)|Photos?|Gallery|Photo essay)\s*[:|–—-]",
    re.IGNORECASE,
)
_GALLERY_PATH = re.compile(r"/(?:photos?|galleries|gallery|in-pictures|photo-essays?)/")


def people_counted(text: str, *, vague: bool = False) -> dict[str, int]:
    """The counts of the missing, injured, affected and displaced ``text`` gives in
    figures or precise words, the largest of each kind ("24 people were still missing
    and 96 injured": {"missing": 24, "injured": 96}); with ``vague``, in any words too
    ("more than a dozen still missing")."""
    found: dict[str, int] = {}
    words = _ALL_WORDS if vague else _PRECISE
    for match in (_PEOPLE_ANY if vague else _PEOPLE).finditer(text):
        evacuees = match.group("evacuees") or match.group("evacuees_to")
        written = (
            match.group("count") or match.group("injuring") or evacuees or match.group("count_to")
        )
        written = (written or "").lower()
        value = _count(written) if written[:1].isdigit() else words.get(written, 0)
        if not value:
            continue
        said = (match.group("kind") or match.group("kind_to") or "injured").lower()
        kind = "displaced" if evacuees else _PEOPLE_KINDS.get(said, "injured")
        found[kind] = max(found.get(kind, 0), value)
    return found


def _tells_hard_news(text: str) -> bool:
    # Sport and show business name countries too ("India's cricket board to investigate
    # the pitch"): their own words rule the statecraft words out.
    return bool(_HARD.search(text)) or (
        bool(_STATECRAFT.search(text)) and names_the_world(text) and not _kind((text,))
    )


def _count(written: str) -> int:
    """ "1,200" -> 1200, "1.5 million" -> 1500000, "dozens" -> 24; a year -> 0."""
    word = written.lower()
    if word in _ALL_WORDS:
        return _ALL_WORDS[word]
    hundreds, _, hundred = word.partition(" ")
    if hundred.strip() == "hundred" and hundreds in _SMALL_WORDS:
        return _SMALL_WORDS[hundreds] * 100
    number, _, million = word.partition(" ")
    value = float(number.replace(",", "")) * (1_000_000 if million else 1)
    if not million and "," not in number and 1900 <= value <= 2100:
        return 0  # "2024 deaths", "death toll in 2025": a year
    return int(value)


def _heads(story: Story) -> Iterator[str]:
    """Each article's title and openings: all of a story these judgements read."""
    for article in story.articles:
        yield article.title
        yield from _openings(article)


def opening(article: Article, chars: int) -> str:
    """``article``'s title and the first ``chars`` characters of its text (its feed
    summary when the page was not read): where a report says what it is."""
    return f"{article.title}\n{(article.text or article.summary)[:chars]}"


def _openings(article: Article) -> tuple[str, str]:
    """The feed's teaser and the page's opening: a teaser is often one sentence, and
    the page says what the story is about in its first lines."""
    return article.summary[:_OPENING_CHARACTERS], article.text[:_OPENING_CHARACTERS]


def _kind(texts: Sequence[str]) -> str:
    if _OBITUARY.search(texts[0]):
        return "obituary"
    if _SERVICE_TITLE.match(texts[0]):
        return "lifestyle"
    for kind, pattern in _SOFT.items():
        if any(pattern.search(text) for text in texts):
            return kind
    if any(_SCORE.search(text) or _CUP.search(text) for text in texts):
        return "sport"
    return ""
