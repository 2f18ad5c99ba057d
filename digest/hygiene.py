"""Page furniture: what must never reach a story field, found and removed in one place.

Real pages and feeds carry text that is not the story: photo captions and credits,
gallery counters ("Hide Caption 2 of 9 Photos"), video-player chrome ("Full Screen
Autoplay Close Skip Ad"), "Story highlights" boxes, correction notices, datelines
("CHICAGO (Skyline 7) —", "Salahuddin, Libya (CNN) --"), bylines and wire credits,
newsletter and "Read more" promos, cookie banners, tweet embeds, crawl notices, a
page's own section labels ("Briefly:"), WordPress's "The post ... appeared first on
..." and the reporter's routine ("did not immediately return a request for comment"),
appeals to readers ("Anyone with information ... call (555) ..."), teasers ("Here's what
we know:", a "Related stories:" list), a live blog's entry times, stock tickers
("TSLA, +5.77%", "US30YT=RR") and sentences a page cut or began mid-clause. Every rule
here is a pattern of the web, not of one site; each only *deletes*: a whole sentence, a
label, dateline or credit at its start or end, or a ticker inside it. What is left is a
slice of the source's own words in the source's order, so every sentence the summary
prints can still be traced to an article.

:func:`clean_sentence` applies the rules to one sentence (the summary, headline and
perspective stages all go through it); :func:`furniture_kind` says which rule a text
would trip, for ``digest check`` to flag furniture in a built issue.
"""

from __future__ import annotations

import functools
import itertools
import re

from digest.places import PLACES, countries_named
from digest.text import (
    LINKS_HEADING,
    PHOTO_CREDIT,
    WEEKDAY_PATTERN,
    content_words,
    plain_text,
    split_sentences,
    word_count,
)

__all__ = [
    "clean_sentence",
    "clean_sentences",
    "clean_title",
    "framing_sentences",
    "furniture_kind",
    "is_boilerplate_document",
]

# --- starts and ends that are removed, leaving the sentence --------------------------

# "KYIV (Reuters) -", "WASHINGTON (AP) —", "NEW YORK, June 3 (Reuters) -", "BRUSSELS —",
# "CAIRO—", "CHICAGO (Skyline 7) —", "LONDON:". The place is in capitals (three letters
# or more) so an ordinary first word, or "US—China", is left alone. Or a place in any
# case with an outlet in brackets and a dash: "Salahuddin, Libya (CNN) --"; a wire
# service's name in brackets needs no dash: "Washington (CNN) The ...", "(AP) —",
# "(Associated Press)"; or places joined by a slash ("GAZA/JERUSALEM Israel's ...").
_WIRE = (
    r"(?:CNN|AP|AFP|Reuters|BBC|UPI|dpa|DPA|Bloomberg|XINHUA|Xinhua|CNSNews\.com|NBC|CBS|ABC|"
    r"Associated[ ]Press|ANSA|EFE|PTI|IANS|Kyodo|Yonhap|TASS|Interfax|CNA|CN|Bernama|VNA|"
    # (Not the agencies whose initials name parties and bodies as often: PAP, PNA, TAP.)
    r"KUNA|WAM|Anadolu|Prensa[ ]Latina|Telam|IRNA|Sputnik|Lusa|Ukrinform|Saba|Antara|KCNA|"
    r"Agerpres|Notimex|Andina|ANDINA|WAFA|MENA|PETRA|Petra|QNA|BSS|ANI)"
)
_CAPS_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)[A-Z]{0,6}"
# A national agency's initials after its dateline's place ("Damascus, SANA –"); not a US
# state's two letters ("New York, NY -", told apart below).
_AGENCY_CAPS = r"(?:[A-Z]{3,6}|AP|AA)"
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
# A dateline's capitals, Vietnamese and Central European ones among them ("HÀ NỘI —",
# "ĐÀ NẴNG —", "ŁÓDŹ"). (The extended blocks mix cases; the rest of the dateline's
# shape keeps a Title Case word out.)
_CAPS = "A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ"
_DATELINE = re.compile(
    rf"""^\s*(?:
        (?=[{_CAPS}][{_CAPS}.'’\-]{{2}}|[{_CAPS}]{{2}}[ ][{_CAPS}]{{2}})  # HÀ NỘI
        [{_CAPS}][{_CAPS}.'’\-]+                        # KYIV / BOGOTÁ / ĐÀ NẴNG
           (?:(?:[ ]?/[ ]?|[ ])[{_CAPS}][{_CAPS}.'’\-]+){{0,3}}  # NEW YORK / DILLING / KADUGLI
           (?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){{0,2}})?  # , United Arab Emirates
           (?:,?[ ](?:[A-Z][a-z]{{2,8}}|{_CAPS_MONTH})\.?[ ]\d{{1,2}}  # , June 3 / , DEC 1
                (?:,?[ ]\d{{4}})?                                # , 2026
             |,[ ]\d{{1,2}}(?:st|nd|rd|th)?[ ](?:[A-Z][a-z]{{2,8}}|{_CAPS_MONTH})\.?  # , 2 Dec
                (?:,?[ ]\d{{4}})?)?
           (?:,[ ][A-Z]{{2,8}}(?=[ ]*[-–—]))?                  # , WAFA –
           (?:[ ]?\([A-Za-z0-9 .&'’\-]{{2,40}}\))?            # (Reuters) / (Asia-Plus)
           (?:[ ]*(?:[-–—]{{1,2}}|:)[ ]+|[ ]*(?:[–—]|--)[ ]*(?=[A-Z"“]))
      | (?:{_MONTH_NAME}\.?[ ]\d{{1,2}}[ ]*                       # Dec 17 (Reuters) -
         |[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){{0,3}}              # Salahuddin, Libya
           (?:,[ ]{_MONTH_NAME}\.?[ ]\d{{1,2}})?[ ]*(?:--)?)?      # Hanoi, December 3
        \([A-Z][\w.&'’]*(?:[ ][A-Z0-9][\w.&'’]*){{0,3}}\)      # (Skyline 7), --(BUSINESS WIRE)
        [ ]*[-–—]{{1,2}}[ ]*(?=\S)
      | (?:[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){{0,3}}         # Washington
           (?:,[ ]{_MONTH_NAME}\.?[ ]\d{{1,2}})?[ ]*)?              # Taipei, Nov. 29
        \({_WIRE}[A-Za-z .]*\)[ ]*(?:\.?[-–—]{{1,2}}|:|\.(?=[ ]*$))?[ ]*  # (CNN) / (EFE).-
        (?=[A-Z0-9"“‘']|$)                            # the sentence starts: not "(VNA) reported"
      | (?!(?:At|In|On|For|From|With|By|The|An?|And|But|Of|As|To)\b)
        (?:[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){{0,3}}[ ]?)?     # CNN's pages set the
        CNN[ ]*(?:[–—]|--)[ ]*(?=\S)                           # place and "CNN" apart:
                                                               # "Bogotá, ColombiaCNN —"
      | [A-Z][A-Za-z.'’\-]*(?:[ ,]+[A-Z][A-Za-z.'’\-]*){{0,3}},[ ]+ # a press release's:
        [A-Z][a-z]{{2,8}}\.?[ ]\d{{1,2}},[ ]\d{{4}}[ ]+            # CHICAGO, Nov. 30, 2018
        (?:/[^/\n]{{2,40}}/|\([A-Z][A-Za-z ]{{2,40}}\))            # /PRNewswire/, (GLOBE NEWSWIRE)
        [ ]*(?:[-–—]{{1,2}})?[ ]*(?=\S)
      | [A-Z]{{3,}}(?:[ ][A-Z]{{2,}}){{0,2}}                      # GAZA/JERUSALEM,
        (?:/[A-Z]{{3,}}(?:[ ][A-Z]{{2,}}){{0,2}})+                # JAKARTA/PANGKALAN BUN,
        (?:,[ ](?:(?:North|South|East|West|New|Saudi|Sri|Hong|United|Costa|Puerto|El|
                   Sierra|Burkina|Papua|Ivory|Czech|Dominican)[ ])?[A-Z][a-z]+)?  # Indonesia
        (?:[ ]?\({_WIRE}[A-Za-z .]*\))?[ ]*(?:[-–—]{{1,2}}[ ]*)?(?=[A-Z][a-z'’]|["“])
      | \d{{1,2}}:\d\d(?:[ ]?[AaPp]\.?[Mm]\b\.?)?+               # 12:55 A.M. (a live
        (?:[ ](?:ET|EST|EDT|GMT|BST|CET|UTC|PT|PST|PDT)\b)?+      # blog's entry), its
        [ ]*(?:[-–—:]{{1,2}}[ ]*)?(?=[A-Z"“])                     # zone never taken alone
      | [A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}},[ ]{_AGENCY_CAPS}    # Damascus, SANA –
        [ ]*[-–—]{{1,2}}[ ]+(?=[A-Z"“])
      | [A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}},[ ]                # New York, NY -
        (?:[A-Z]{{2}}|[A-Z]\.[A-Z]\.|[A-Z][a-z]{{1,4}}\.)[ ]+[-–—]{{1,2}}[ ]+(?=[A-Z])  # Ore. -
      | (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{{1,2}}
        [ ]*[-–—]{{1,2}}[ ]+(?=[A-Z"“])                         # Dec 17 - (not "May 5 - 7")
      | (?:[A-Z][\w'’.]*[ ]){{0,3}}(?:News|Agency|Press|TV|Radio|Online|Times|Post|Wire|
         Network|Service)/[ ]+(?=[A-Z"“])                      # Shafaq News/ (its own credit)
    )""",
    re.VERBOSE,
)
_OPENING_DATE_LINE = re.compile(
    r"^\s*(?:(?:Updated|Published|Posted)(?:[ ]on)?:?[ ]+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ ])?"
    rf"(?:{_MONTH_NAME}\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ ]{_MONTH_NAME}\.?[ ]\d{{4}})"
    # The place in capitals after the date: "December 26, 2026 (AL-KHUWEI) – ".
    r"(?:[ ]?\([A-Z][A-Z .'’\-]{2,30}\))?"
    r"[ ]*[-–—|]{1,2}[ ]+(?=[A-Z\"“])"
)
# A place in Title Case and a spaced dash opening a page's first sentence: "Addis Abeba
# – Heads of state ...", "Copenhagen — Denmark announced ...". Only there: elsewhere a
# name and a dash open an aside ("Boris Johnson — Britain's former prime minister —
# said"), and an aside closes with a second dash, which a dateline's sentence lacks.
_OPENING_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][a-zà-ÿ'’]+(?:(?:[ -](?:au|es|de|del|la|el|do|da)(?=[ -]))?"
    r"[ -][A-Z][a-zà-ÿ'’]+){0,3})"
    rf"(?:,[ ][A-Z][a-z]+)?(?:,?[ ]{_MONTH_NAME}\.?[ ]\d{{1,2}})?"
    r"(?:[ ]+[–—]{1,2}[ ]+|[ ]*—[ ]*)(?=[A-Z])(?![^–—]*[–—])"
)
# "Ukraine – Russia talks", "India – Pakistan tensions": two sides joined by a dash.
_TWO_SIDES = re.compile(
    r"[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*)?[ ]+(?:talks|tensions|ties|relations|border|"
    r"match|game|clash|clashes|derby|summit|war|deal|trade|dispute|rivalry|conflict|"
    r"meeting|final|series)\b"
)
# A byline glued to the front of a sentence: "By Jane Doe | ...", "By JANE DOE, Reuters —".
_BYLINE_PREFIX = re.compile(
    r"^\s*By[ ]+(?:[A-Z][\w.'’\-]*+[ ]*){1,3}(?:,[ ]*[A-Z][\w ]{1,30})?[ ]*[|•·–—][ ]*"
    # A photo credit run into the caption or sentence after it: "Associated Press An
    # Israeli soldier rides ...", "Getty All the things ...".
    r"|^\s*(?:Associated Press|AP|AFP|Reuters|Getty(?: Images)?|EPA|Bloomberg)[ ]+"
    r"(?=(?:A|An|The|All|This|These|Those|In|At|On)[ ])"
)
# A page's own labels for a block: "Briefly:", "Story highlights", "Why it matters:".
# Most need their colon or dash; the unmistakable ones are labels even without.
_SECTION_LABEL = re.compile(
    r"^\s*(?:(?:Briefly|In brief|Summary|TL;?DR|Key (?:points|takeaways|facts)|Highlights|"
    r"Story [Hh]ighlights|Story at a glance|At a glance|The big picture|Why it matters|"
    r"What happened|What's happening|What we know|The bottom line|Catch up quick|"
    r"Driving the news|Go deeper|The latest|Latest|Context|Background|Updated?|"
    r"Breaking(?: news)?|Exclusive|Watch|Live|Analysis|Explainer|Opinion|Listen|Audio|"
    r"Video|Podcast|Photos|Gallery|LISTEN|WATCH|VIDEO|PHOTOS)"
    r"[ ]*[:|–—][ ]*"
    r"|(?:Story [Hh]ighlights|Story at a glance|Key points|Briefly|UPDATED?|BREAKING(?: NEWS)?|"
    r"EXCLUSIVE|WATCH|LIVE)[ ]+(?=[A-Z\"“])"
    # An interview's "Q." and "A.": before a sentence's first word, not a name's initial
    # ("A. Philip Randolph", "A. A. Milne", "A. Will Smith": no "A", "I" or "Will" here).
    r"|[QA]\.[ ]+(?=(?:The|An|It|We|You|He|She|They|This|That|There|What|Why|How|When|"
    r"Where|Who|Which|Is|Are|Was|Were|Do|Does|Did|Could|Would|Should|No|Yes|Well|In|So|"
    r"Not)\b)"
    r"|[QA]:[ ]+"
    # A wire's own marks on a title: Yonhap's "(LEAD)", "(2nd LD)", "(News Focus)",
    # Reuters' "UPDATE 2-", "REFILE-" (a hyphen with no space: no word ends that way).
    r"|\((?:LEAD|URGENT|CORRECTED|REFILE|UPDATE(?:[ ]\d+)?|\d+(?:st|nd|rd|th)[ ]LD"
    r"(?:[-– ][A-Z]+)*|LD[-– ][A-Z]+|News[ ](?:Focus|Analysis)|Yonhap[ ](?:Interview|"
    r"Feature))\)[ ]+(?=\S)"
    r"|(?:UPDATE[ ]\d+|REFILE|CORRECTED|RPT|WRAPUP(?:[ ]\d+)?)-(?=[A-Z])"
    # A feed's section before its title: "[Nation] ...", "World | ..." (a table's row of
    # "|"-separated cells has more than one).
    # (Not an editor's bracket opening a quote: "[The ceasefire] is holding".)
    r"|\[(?!(?:The|A|An|This|That|These|Those|It|He|She|They|We)\b)[A-Z][\w&/' -]{1,24}\]"
    r"[ ]+(?=[A-Z\"“‘'])"
    # (Not a promo's "READ | ...", furniture whole; nor a title before its site's name,
    # "Gaza Ceasefire Holds | AP News": the section is the shorter side.)
    r"|[A-Z][a-z][\w&/'-]*(?:[ ][A-Z&][\w&/'-]*)?[ ]\|[ ]+(?=(?:[^|\s]+[ ]+){2}[^|]*$)"
    # "Update, 21 April:", "Updated at 3:15 p.m. ET:": a note of when, with a figure.
    r"|(?:Updated?|UPDATED?)(?:,|[ ]+(?:at|on))?[ ]*\(?(?=[^:]{0,30}\d)"
    r"(?:\d{1,4}|[A-Z][a-z]{2,8}\.?|[ap]\.?m\.?|[A-Z]{2,4}|[ ,:/.\-])+?\)?:[ ]+(?=[A-Z\"“]))",
)
# A credit or a clip's title run into the sentence after it, with no stop between:
# "Boston Globe The sale to ...", "Dinosaurs 101 They ruled the Earth ...". No sentence
# goes on from a name to a capitalised "The" and a word in lower case ("Netflix's The
# Crown" goes on in capitals). Not after a sentence's own opener ("In", "When", ...).
_GLUED_LABEL = re.compile(
    r"^(?!(?:The|A|An|In|On|At|When|If|After|Before|As|For|But|And|Or|So|It|He|She|They|"
    r"We|I|This|That)\b)(?:[A-Z][\w'’&.\-]*+|\d++)(?:[ ](?:[A-Z][\w'’&.\-]*+|\d++)){0,3}[ ]"
    # ("Hoi An streets ...": "An" before a consonant is a name's, not the article.)
    r"(?=(?:The|A|They|He|She|It|We|This|These|Those)[ ][a-z]|An[ ][aeiouh])"
)
# A label or counter with nothing after it: "Story highlights", "1 of 6.".
_LABEL_ONLY = re.compile(
    r"^\s*(?:Story highlights|Story at a glance|Key points|Highlights|Briefly|In brief|Synopsis|"
    r"Summary|Photos?|Gallery|Video|Watch|Listen|Related|Latest|More|Comments?|Transcript|"
    r"\d{1,3} of \d{1,3}(?: Photos)?|\d{1,2}:\d\d(?: ?[ap]\.?m\.?)?|_{2,}|[-–—=*~]{3,})\W*$",
    re.IGNORECASE,
)
# Slide-show counters glued to a caption: "1 of 6. The encampment ..."
_GALLERY = re.compile(r"^\s*\d{1,3} of \d{1,3}\.?\s+")
# Credits in brackets: "(Photo: AP)", "(David Warren / Staff Photographer)".
_CREDIT = re.compile(
    r"[ ]*[(\[][^()\[\]]{0,80}(?:Photo|Photographer|Getty|Images|AP Photo|Reuters|AFP|"
    r"Shutterstock|Credit|/)[^()\[\]]{0,80}[)\]]",
)
# An audio or video player's fallback text left at the end of a title or sentence: "...
# at Costco Your browser does not support the audio element." (or cut to "Your browser").
_PLAYER_TAIL = re.compile(r"[ ]+Your browser(?: (?:does not|doesn['’]t) support\b.*)?$")
# Stock tickers and Reuters instrument codes inside a sentence, printed by the page as
# links: "Tesla Inc.'s TSLA, +5.77% board", "The 30-year bond US30YT=RR rose",
# "Apple (AAPL.O) said", "(NYSE: TSLA)".
_TICKER = re.compile(
    r"[ ]?\b[A-Z]{1,5}(?:\.[A-Z]{0,2})?,[ ][+\-−]\d+(?:\.\d+)?%"
    r"|[ ]\.(?!NET\b|COM\b|ORG\b)[A-Z][A-Z0-9]{1,5}(?=[ ,;)])"
    r"|[ ]?\b[A-Z][A-Z0-9]{1,8}=[A-Z]{0,3}(?![\w=])"
    r"|[ ]?\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|OTC|AMEX)[ ]?:[ ]?[A-Z.]{1,6}\)"
    r"|[ ]?\([A-Z0-9]{2,6}(?:_[a-z])?\.[A-Z]{1,2}\)"
)
# A caption: a sentence the page follows with a photo credit ("... on Monday. (JANE
# ROE/AFP)"); ``split_sentences`` puts the credit with the sentence it follows.
_CAPTION_CREDIT = re.compile(rf"(?:{PHOTO_CREDIT.pattern})\W*$")
# Not a sentence a reader can use: one that starts mid-clause in lower case ("into the
# market in 2022") or ends on an article, a possessive or a conjunction, or a
# preposition and "new" ("... stunning in new."), or inside a bracket it opened
# ("~161 Myr (Supplementary Figs."), where the page or feed cut it. A name's
# particle ("de Blasio"), a brand ("iPhone", "eBay") or a prefix ("e-bikes") may start one.
_BROKEN = re.compile(
    r"^(?!(?:de|da|di|du|del|della|der|den|des|van|von|al|el|bin|ibn|la|le|dos|das|ter)\b)"
    r"[a-z]+(?=[ ,;:.!?])"
    r"|\b(?:a|the|its|their|our|your|whose|and|or)[.,;:]?$"
    r"|\b(?:in|on|at|of|for|with|from|to|by|into)[ ](?:new|latest|recent|former|upcoming)\.?$"
    r"|\([^()]*$"
)
_FURNITURE_TAIL = re.compile(
    r"[ ]*(?:[|•·–—-][ ]*)?(?:Read more|Read also|Continue reading|Click here|More:|"
    r"Related:|Advertisement)\b.*$"
    r"|[ ]*The post\b.{1,300}?\bappeared first on\b.*$"
    # Vietnam News Agency's end mark, "... among the victims./.": the stop stays.
    r"|(?<=\.)/\.$",
    re.IGNORECASE,
)

# --- sentences that are furniture whole ----------------------------------------------

# Each kind is one regex searched in the cleaned sentence; a match drops the sentence.
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_NAME = r"[A-Z][\w'’.\-]+(?:[ ][A-Z][\w'’.\-]+){0,3}"
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        # A live page's standing lines: "This page is updated continuously.", "All times
        # are Tashkent time (GMT+5).", "Refresh for the latest."
        "live page notice",
        re.compile(
            r"^\s*(?:This (?:page|blog|story|live blog) (?:is|will be) (?:being )?(?:updated|"
            r"refreshed)\b|(?:All )?[Tt]imes (?:are|shown are|are in) [A-Z][\w ]{0,30}?\b"
            r"(?:time|GMT|UTC)\b|Refresh (?:the page )?for (?:the )?latest\b"
            # "Newest updates appear first.", "Latest posts are at the top.", "LIVE".
            r"|(?:The )?(?:[Nn]ewest|[Ll]atest|[Mm]ost recent) (?:updates|posts|entries) "
            r"(?:appear|are|come) (?:first|at the top)\b|(?:LIVE|Live)(?: UPDATES| [Uu]pdates)?"
            r"\W*$|Follow this page for (?:the latest|updates|more)\b)"
        ),
    ),
    (
        "player chrome",
        re.compile(
            r"^\s*(?:CLOSE|EMBED|Now Playing|Up Next|Autoplay|Full ?Screen|Skip Ad|"
            r"Skip in|Media playback|Replay)\b|\bAutoplay\b|\bSkip Ad\b|\bFull Screen\b|"
            r"Media playback is unsupported|video has been rented|More News Videos|"
            r"This (?:video|feature) is not available|interactive transcript|"
            r"Please try again later|Watch Now\b|Press play\b|"
            r"Your browser (?:does not|doesn['’]t) support\b|"
            r"\b(?:please |to )?(?:enable|turn on) JavaScript\b|^\s*Video duration\b|"
            # A clip's card: its title run into its length ("Bank of Canada cuts key
            # rate to 2%2:31"), or the programme, day and length run together ("The
            # NationalDec 3, 2026Duration 2:14").
            r"(?<=[a-z%)’'!?])\d{1,2}:\d\d\s*$|(?<![A-Za-z])Duration\s*\d{1,2}:\d\d\b|"
            # A broadcast transcript's marks: "(SOUNDBITE OF MUSIC)", a speaker's label
            # alone ("DANA KESSLER, HOST:"), and the programme's notice on its
            # transcripts ("Accuracy and availability of NPR transcripts may vary").
            r"^\s*\((?:SOUNDBITE|BEGIN|END|MUSIC|LAUGHTER|APPLAUSE|CROSSTALK|INAUDIBLE|"
            r"BEGIN VIDEO CLIP|END VIDEO CLIP)\b[^)]*\)\s*$|"
            r"^\s*[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}(?:,[ ][A-Z][A-Z ]{1,30})?:\s*$|"
            r"\b[Tt]ranscripts? (?:text )?may (?:vary|be revised)\b|"
            r"\b[Aa]udio on \S+ may be edited\b|\bauthoritative record of \S+ programming\b|"
            # The host's hand-off: "NPR's Jane Doe has been following the story from
            # Johannesburg", "... joins us now from Lusaka".
            r"\bhas been (?:following|covering) (?:the|this) story from\b|"
            r"\bjoins us (?:now )?(?:from|on the line)\b|"
            # A news video's page: the call to watch it, and its caption ("Dana Ruiz
            # reports during Evening News at 6pm on June 1, 2018").
            r"^\s*Watch (?:the|our|this|his|her|their|a) (?:full |live |latest |entire )?"
            r"(?:report|video|clip|segment|interview|broadcast|coverage|livestream)\b|"
            # A clip's caption: "Sky's Holly Brennan reports from Kyiv on the attack".
            r"^\s*(?:The[ ])?[A-Z][\w'’.\-]*['’]s[ ](?:[A-Z][\w'’.\-]+[ ]){1,3}reports from "
            r"[A-Z][\w'’\-]+(?:[ ]on[ ][^.!?;:]{1,60})?\s*$|"
            rf"^\s*{_NAME} reports (?:live )?(?:during|on|for) "
            r"[A-Z][\w'’.\-]*(?: [\w'’.\-]+){0,3} at \d{1,2}(?::\d\d)?\s?[ap]\.?m\b",
        ),
    ),
    (
        "photo caption or credit",
        re.compile(
            r"Hide Caption|Show Caption|(?:Image|Media|Photo) caption\b|^\s*Caption:|"
            r"Enlarge (?:this )?[Ii]mage|Expand image|"
            r"View Images|Image copyright|Getty Images|AP Photo|\bfile (?:photo|image)\b|"
            # An agency's credit after a caption's dash: "— VNA/VNS Photo Đinh Hương".
            r"[—–][ ]?(?:[A-Z]{2,}/)*[A-Z]{2,}[ ](?:File[ ])?Photos?\b|"
            r"^\s*FILE(?: PHOTO)?\b|\bPhotos?:|"
            r"^\s*[(\[]?(?:Photo|Photograph|Image|Picture|Video|Caption|Credit|File photo)s?"
            r"(?:[ ]credit)?(?:[ ]by)?[ ]*[:|]|"
            r"^\s*(?:Photo|Image|Picture)s? (?:by|courtesy|credit)\b|"
            # A photographer's name alone in brackets, its caption gone: "(Takashi Ohno)".
            r"^\s*\((?:[A-Z][\w.'’\-]+ ?){1,4}(?:/ ?[A-Z][\w .'’\-]{1,40})?\)\W*$|"
            # A page's time stamp alone: "December 2, 2026 at 20:15 JST".
            r"^\s*(?:(?:Updated|Published|Posted):?\s+)?(?:[A-Z][a-z]+\.?\s\d{1,2},?\s\d{4}|"
            r"\d{1,2}\s[A-Z][a-z]+\.?,?\s\d{4})(?:,?\s(?:at\s)?\d{1,2}[:.]\d{2}(?:\s?[APap]\.?[Mm]\.?)?"
            r"(?:\s[A-Z]{2,5})?)?\s*$|"
            r"^\s*In this.{0,80}?\b(?:photo|image|picture|frame grab|video)\b|"
            # The wire's caption: "This image provided by the county jail shows ...",
            # "An undated handout photo released by police shows ...". Not "A photo
            # obtained by the AP shows the president ...": news of what it shows.
            r"^\s*This (?:[\w\-]+ ){0,2}(?:image|photo|photograph|picture|"
            r"mugshot|video still) (?:provided|released|made available) by\b.{0,120}?"
            r"\bshows?\b|"
            r"^\s*An? (?:undated |handout )+(?:image|photo|photograph|picture)s? "
            r"(?:provided|released|made available|taken) by\b.{0,120}?\bshows?\b|"
            # A figure's caption: "Fig. 4 Feathers preserved in ...", "Figure 2: The site".
            r"^\s*(?:Fig\.|FIG\.)[ ]?\d+[A-Za-z]?\b|^\s*Figure[ ]\d+[A-Za-z]?[.:|]|"
            # An illustration's caption, a noun phrase: "An artist's impression of Planet
            # Nine, which could ...". Not a sentence about it, whose verb comes before any
            # comma: "An artist's impression of the planet shows ...", "... was released".
            r"^\s*(?:An?|The) artist[’']s (?:impression|rendering|illustration|conception|"
            r"depiction|concept) of\b(?![^,]{0,120}?\b(?:shows?|showed|depicts?|depicted|"
            r"was|were|is|are|has|have|had)\b)|"
            # AP-style caption dates: "..., Thursday, Feb. 16, 2017, in the East Room";
            # not a report's own day ("a strike from today, Monday, November 30, 2026").
            r"(?<!\btoday)(?<!\btomorrow)(?<!\byesterday)(?<!\btonight)"
            rf",\s{WEEKDAY_PATTERN},? {_MONTH},? \d{{1,2}},? (?:19|20)\d\d\b|"
            rf"\b{WEEKDAY_PATTERN},? {_MONTH},? \d{{1,2}},? (?:19|20)\d\d\.?$|"
            # A credit line: "Lena Marsh / Quayside Pictures", "Jonathan Ernst/Reuters".
            rf"^\s*{_NAME} ?/ ?{_NAME}(?: ?/ ?{_NAME})?\s*$|"
            r"^\s*[A-Z]{2,}(?:[ ]?/[ ]?[A-Z]{2,})+(?:[ ][A-Z.]+)*\s*$|"
            rf"(?<![\w'’.\-]){_NAME} ?/ ?"
            r"(?:AFP|AP|Reuters|EPA|Getty|Bloomberg|Sipa|Zuma|Polaris)\b|"
            rf"(?:{PHOTO_CREDIT.pattern})\W*$|"
            # A caption cut short, with the wire's name as its credit ("Sessions told
            # reporters Thursday, the president should take... (Associated Press)").
            rf"(?:\.\.\.|…)[ ]*\((?:The )?{_WIRE}\)\.?\s*$|"
            r"^\s*Courtesy\b|\bHandout\b|\bvia (?:REUTERS|Reuters|AP|AFP|Getty)\b|"
            r"/ ?Via\b|\bscreen ?grab\b|"
            # Who stands where: "Jane Doe, left, and John Roe", "Roe (right) greets ...".
            r"(?<![\w'’\-])[A-Z][\w'’\-]++,? "
            r"\((?:far |second from )?(?:left|right|centre|center)\)|"
            r"(?<![\w'’\-])[A-Z][\w'’\-]++, "
            r"(?:far |second from )?(?:left|right|centre|center),\s|"
            r"\((?:from left|from right|L-R|l-r|left to right)\)|"
            # A picture described in the present: "Mike Brown stands for a portrait in
            # front of ...", "A leopard sits in a tree at ...", "Jane Doe poses with ...".
            r"^[A-Z][^,.;:]{0,60}?\s(?:poses (?:for|with|in|at|beside|next to)|"
            r"stands for a (?:portrait|photo)|sits (?:in|on) a (?:tree|chair|bench|car)|"
            r"looks on (?:as|during|from)|waves to (?:the|supporters|the crowd|reporters)|"
            r"holds up (?:a|an|the|his|her|their)|rides (?:on top of|atop|in the back of)|"
            r"arrives (?:to|for) (?:a|an|the) (?:news|press|court|hearing|meeting|ceremony)|"
            r"speaks (?:to|with) (?:reporters|the media|journalists) (?:at|in|outside|after)|"
            r"speaks (?:during|at) (?:a|an|the) (?:news|press) (?:conference|briefing)|"
            r"gestures (?:as|while|during|to))\b|"
            # A person showing a wound or a prize: "The villager shows his injured leg
            # after ...". Not "An MRI scan shows his knee injury will ...".
            r"^(?:The|A|An)\s(?:[a-z\-]+\s){0,2}?(?:villagers?|man|men|woman|women|boy|girl|"
            r"child|children|resident|farmer|soldier|worker|survivor|patient|victim|player|"
            r"athlete|winner|fan|protester|refugee|migrant|student|firefighter|fisherman|"
            r"owner|driver|officer)\sshows (?:off )?(?:his|her|their) (?:[a-z]+ )?(?:legs?|"
            r"arms?|hands?|face|wounds?|injury|injuries|scars?|medals?|trophy|ring|passport|"
            r"ballot|certificate|tattoos?|badge)\b(?!\s+(?:is|was|will|has|had|were|are)\b)",
        ),
    ),
    (
        # Appeals to readers, not news: "Anyone with information is asked to call (555)
        # 010-2000", a helpline's number.
        "call to action",
        re.compile(
            r"\b[Aa]nyone (?:with|who has|having) (?:any )?information\b|"
            r"\b(?:is|are) (?:being )?(?:asked|urged|encouraged|requested) to "
            r"(?:call|contact|come forward)\b|"
            r"\(\d{3}\)[ ]?\d{3}[-.]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b|"
            r"\b1-8\d\d-[A-Z0-9]{3}-[A-Z0-9]{4}\b|"
            # "Australians concerned about family can contact the 24-hour Consular
            # Emergency Centre": where readers turn, not what happened.
            r"^(?!.*\b(?:said|says|told)\b)[^.]{0,80}\b(?:can|should|may) (?:contact|call|"
            r"phone|ring|reach) (?:the |a |its )?(?:[\w-]+ ){0,4}(?:hotline|helpline|"
            r"(?:Emergency|Crisis|Consular|Call|Contact) (?:[\w-]+ )?(?:Centre|Center|Line|"
            r"Unit))\b|"
            # "British nationals in need of help should contact the embassy in Bangkok".
            r"^(?!.*\b(?:said|says|told)\b)\s*(?:[A-Z]\w+\s+)?(?:nationals|citizens|travellers|"
            r"travelers|Britons|Americans|Australians|Canadians|relatives|families)\b[^.]{0,60}"
            r"\b(?:should|can|may) (?:contact|call) (?:the|their) (?:[\w-]+ ){0,2}(?:embassy|"
            r"consulate|high commission)\b"
        ),
    ),
    (
        # A teaser for what follows on the page: "Here's what we know.", "... here's
        # what led to the arrest:" (the clause runs to the end), or a links heading.
        "teaser",
        re.compile(
            r"\b[Hh]ere(?:'s|’s| is| are) (?:what|how|why|who|where|when|the latest|"
            r"everything)\b[^:;.!?,\"“”‘’]*[:.!?…]?\s*$|" + LINKS_HEADING.pattern + "|"
            # A page's list run into one line: "The application enables office staff to:
            # Instantly see where ...", "They include: Assassin's Creed, ...".
            r"\b(?:to|include|includes|including|following)\s?:\s+[A-Z]|"
            # A live page speaking of itself: "Welcome to our live coverage", "Thanks for
            # joining us", "Stick with us for the latest", "Here is a summary of the
            # latest developments:".
            # Not where someone is reported saying it ("Stick with us, he said").
            r"^(?!.*\b(?:said|says|told)\b)(?:.*\b(?:our|this) live (?:coverage|blog|page|"
            r"updates)\b|\s*(?:Thanks|Thank you) for (?:joining|following|reading|staying "
            r"with) us\b|\s*(?:Stick|Stay) with us\b|\s*(?:Thanks|Thank you) for "
            r"(?:following|reading) along\b|\s*(?:You can )?[Ss]croll (?:down|up) to "
            r"(?:catch up|read|see|follow|find)\b|"
            r"(?:\s*|.*,? and )[Ww]e['’]ll be back (?:in the morning|tomorrow|later|shortly|"
            r"soon)\W*$)|"
            r"^\s*Follow (?:live|our live|along|the latest)\b|"
            r"^\s*We['’]ll (?:continue to )?bring you (?:the latest|more|updates|further)\b|"
            r"^\s*Here(?:'s|’s| is| are) (?:a )?(?:quick )?(?:summary|recap|round-?up) of "
            r"(?:the )?(?:latest|key|main)\b"
        ),
    ),
    (
        "correction notice",
        re.compile(
            r"\bCORRECT(?:S|ED|ION)\b|^\s*\(?(?:Correction|Clarification|Editor'?s note)\b|"
            r"\b(?:An|A previous|An earlier) (?:earlier )?version of this "
            r"(?:article|story|report|post)\b|"
            # The note's second sentence: "An earlier version was published on Dec. 1.",
            # "... in error", "... with an incorrect headline". (Not "The original
            # version appeared on the band's 1979 album", a record's.)
            r"^\s*An? (?:earlier|previous) version (?:was (?:first )?(?:published|posted)|"
            r"appeared|ran) (?:online |here )?(?:on (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+|"
            r"[A-Z][a-z]+day)\b[^.]{0,30}\.?$|in error\b|with an? (?:incorrect|wrong)\b|"
            # "... at 9:30 a.m.", "... at 14:05 GMT".
            r"at \d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.?m\b\.?|GMT|UTC|CET|IST|local time|hours?)"
            r"[^.]{0,30}\.?$)|"
            r"\bThis (?:article|story|report) (?:has been|was) (?:last )?(?:updated|corrected|"
            r"amended)|"
            # A change note without its subject: "Updated on January 1 with the comments of
            # the Prime Minister.", "Updated to include the minister's reply."
            r"^\s*(?:Updated|UPDATED|Amended|Corrected)(?:\s+(?:on|at)\s+[^.;,]{1,30}?)?\s+"
            r"(?:with|to\s+(?:include|add|reflect|correct))\b(?![^,]*,)|"
            # A wire service's machine-translation notice ("... fact-checked by an
            # external editorial team ... automatic translation tools such as DeepL").
            r"\bfact-checked by an external editorial team\b|"
            r"^(?!.*\b(?:said|says|told)\b).*?\b(?:we|We)\b[^.]{0,80}?\buse (?:automatic|"
            r"machine) translation tools?\b|"
            r"\b[Pp]roviding you with (?:automatically|machine)[ -]translated\b|"
            # The article speaking of itself: "the court order referred to in this story
            # has been amended", "Stay with us for developments in this story", "the
            # publisher of this report". ("No winners in this story", "the findings in
            # this report" are the news.)
            r"\b(?:referred to|mentioned|named|quoted|cited|pictured|featured) in this "
            r"(?:article|story|report|post)\b|\bdevelopments in this story\b|"
            r"\bpublisher of this (?:article|report)\b|"
            # A translated page's notice: "This is a translation of an article first
            # published in French; only the French version is binding".
            r"^(?!.*\b(?:said|says|told)\b)(?:\s*Log in\s+)?\s*This is a translation of an? "
            r"(?:article|story|report)\b|"
            r"\bonly the \w+ version is binding on the publisher\b|"
            # A page's stamp alone: "Published - December 5, 2026 10:10 pm IST".
            rf"^\s*(?:Published|Updated|Posted|Last updated|First published)\s*(?:on|at)?"
            rf"\s*[-:–—]?\s*(?:[A-Z][a-z]+day,?\s+)?(?:\d{{1,2}}\s+)?(?:{_MONTH}\s*)?"
            r"\d{1,2},?\s+\d{4}\b[^.;!?]{0,30}$|"
            # A live page's notice: "This is a developing story and will be updated."
            r"^\s*This is an? (?:developing|breaking)(?: news)? (?:story|situation)\b|"
            r"^\s*(?:This|The) (?:story|article|page|post) (?:will be|is being|may be) "
            r"updated\b|^\s*This report (?:will be|is being) updated (?:as|when|with)\b|"
            r"^\s*(?:Please )?[Cc]heck back (?:later |soon |here )?for (?:updates|more)\b",
        ),
    ),
    (
        "byline or wire credit",
        re.compile(
            r"^\s*\(?(?:Reporting|Writing|Additional reporting|Editing|Compiled|Edited|"
            r"Written|Produced|Contributing|Research) by\b|\bEditing by\b|"
            # Possessive (*+): a name can no more be cut at each capital, which took
            # seconds on "By" before a long run of capitals.
            r"^\s*By[ ]+(?:[A-Z][\w.'’\-]*+[ ,]*){1,4}"
            r"(?:(?:and|&)[ ]+(?:[A-Z][\w.'’\-]*+[ ]*){1,3})?"
            r"(?:[,|/–—-][ ]*[\w .]{0,40})?\s*$|"
            r"^\s*Contact (?:the )?(?:author|reporter|writer)\b|"
            # A column's disclaimer: "The author is a Reuters Breakingviews columnist."
            r"^\s*The (?:author|writer) is an? [^.]{0,80}\b(?:columnist|contributor|"
            r"correspondent|writer|editor|professor|fellow|commentator)\b|"
            r"^\s*The (?:opinions|views) expressed\b|"
            # The writer's bio under a page: "Ann Lee is a staff writer at The Courier."
            # A staff post only, and nothing more: "is a reporter for the Journal" or
            # "is a contributing editor at Traveler and an actor" may be news of them.
            r"^\s*(?:[A-Z][\w.'’\-]*+[ ]+){1,3}(?:is|was) an? staff (?:writer|reporter|editor|"
            r"correspondent|photographer|producer) (?:at|for|with) (?:(?!and\b)[^.,;]){1,40}"
            r"(?:,[ ](?:where|covering|who covers)[^.]{0,60})?\.?\s*$|"
            # "NBC News' Matthew DeLuca contributed to this report."
            r"\bcontributed (?:reporting )?to this (?:report|story|article)\b|"
            # Where the reporters were, the whole line: "Ana Lind reported from Kyiv and
            # Oleh Petrenko from Lviv."
            r"^\s*(?:The )?(?:[A-Z][\w.'’\-]*+[ ]+){1,4}(?:reported|reports|contributed "
            r"reporting) from (?:[A-Z][\w'’\-]*+(?:,[ ]|,?[ ](?:and[ ])?)?){1,8}"
            r"(?:from (?:[A-Z][\w'’\-]*+[ ]?){1,3})?\.?\s*$|"
            # The desk's initials and its sources ("mf/jsi (AP, Reuters, AFP)"), a credit
            # to the wires ("ABC/wires", "(FRANCE 24 with AFP)", "(With inputs from
            # agencies)"), a syndication notice, the writer's post alone ("Jane Doe is the
            # Guardian's Europe correspondent").
            r"^\s*[a-z]{2,4}(?:/[a-z]{2,4})+(?:[ ]*\([^()]{1,60}\))?\s*$|"
            r"^\s*[A-Z][\w ]{0,20}/wires?\s*$|"
            r"^\s*\((?:With inputs? from [^()]{1,40}|(?:[A-Z0-9][\w ]{0,20} with )?"
            r"(?:AFP|AP|Reuters|dpa|Xinhua|ANI|PTI|IANS|agencies)"
            r"(?:(?:,[ ]|,?[ ]and[ ])(?:AFP|AP|Reuters|dpa|Xinhua|ANI|PTI|IANS|agencies))*)"
            r"\)\.?\s*$|"
            r"\bpublished from a syndicated feed\b|\bhas not been edited by [\w ]{1,30}staff\b|"
            r"^\s*(?:[A-Z][\w.'’\-]*+[ ]+){1,3}is (?:the|an?) (?:[A-Z][\w'’&.\-]*+[ ]){1,4}?"
            r"(?:[A-Z][\w&.\-]*+['’]s[ ])?(?:[A-Za-z]+[ ]){0,3}(?:correspondent|editor|"
            r"reporter|columnist|bureau chief)\s*$|"
            # A news agency's note on who funds a beat ("AP's climate coverage receives
            # financial support from ...", "AP is solely responsible for all content").
            r"\bcoverage receives (?:financial )?support (?:from|through)\b|"
            r"\bis solely responsible for (?:all|this) content\b|"
            r"\bstandards for working with philanthropies\b|"
            # A desk's funder and its disclaimer ("The Africa Desk is supported by the ...
            # Foundation", "... do not reflect those of the Foundation"), a section's
            # ("Disclaimer: Views expressed by writers in this section are their own").
            r"\b(?:[Dd]esk|[Cc]overage|[Jj]ournalism|[Ff]ellowship) (?:is|are) "
            r"(?:supported|funded|made possible|sponsored) (?:in part )?(?:by|through) "
            r"(?:a grant from )?(?:the )?(?:(?:[A-Z][\w'’.&\-]*+|&)[ ]?){1,7}\.?\s*$|"
            r"\b(?:contained herein|expressed (?:in|by) (?:this|these|the) (?:article|column|"
            r"section|piece|op-ed|writers?|authors?|contributors?))\b[^.;]{0,80}\b(?:do|does) "
            r"not (?:necessarily )?reflect\b|"
            r"^\s*Disclaimer\s*:|"
            # Where a report's facts came from: "Some information for this report came
            # from AP and Reuters", "With reports from Jane Doe in Ottawa", "(With AFP)",
            # a wire's name alone under the text ("- AFP").
            r"^\s*(?:Some )?(?:information|material) (?:for|in) this (?:report|story|article) "
            r"(?:came|comes|is) from\b|"
            r"^\s*With (?:files|reports|reporting) from (?:[A-Z][\w.'’\-]*+[ ,]*){1,6}"
            r"(?:(?:in|and) [A-Z][\w'’\- ]{1,40})?\.?\s*$|"
            r"^\s*\(With (?:AFP|AP|Reuters|dpa|Xinhua|agencies|wires)\)\.?\s*$|"
            r"^\s*(?:[-–—]\s*)?(?:With )?(?:AFP|AP|Reuters|dpa|Xinhua|ANI|PTI|IANS|Bloomberg)"
            r"\.?\s*$|"
            # A page's comment box, closed: "Comments have been closed for this article."
            r"^\s*Comments (?:have been|are|were) (?:closed|disabled|turned off)"
            r"(?:\s+(?:for|on) this (?:article|story|post|page))?\.?\s*$|"
            r"^\s*We have (?:closed|disabled|turned off) comments on this (?:article|story|post)\b|"
            # A transcript's note on itself.
            r"^\s*This (?:transcript|interview) has been (?:edited|condensed|lightly edited)\b",
        ),
    ),
    (
        "tweet or social embed",
        re.compile(
            r"pic\.twitter\.com|\bt\.co/|\(@\w{1,20}\) " + _MONTH + r" \d{1,2}, \d{4}|"
            r"[Yy]our [Tt]weets?\b|[Tt]weet location|[Tt]weet with a location|"
            r"\b[Ff]ollow (?:us|@\w+)\b|"
            r"\b[Ff]ollow [A-Z]\w+(?: [A-Z]\w+)? on (?:Twitter|Facebook|Instagram|X)\b|"
            r"^\s*Share (?:this|on)\b|Like us on Facebook|\bRetweet\b|\(@\w{1,20}\)|"
            r"A post shared by\b|\b[Ff]ollow (?:him|her|them|me) on\b|\bShare On\b|"
            r"^\s*Click to (?:share|email|print)\b|\(Opens in (?:a )?new window\)|"
            r"\bRead or Share this story\b|\bReach (?:him|her|them) at\b|"
            r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+\b|"
            # Hashtags alone ("#BBCBreaking"), a newsroom's contact line ("WhatsApp: +44
            # ..."), and the consent box in place of an embedded post ("Allow X content?",
            # "This article contains content provided by X. We ask for your permission").
            r"^\s*(?:#\w+\s*)+$|^\s*(?:WhatsApp|Telegram|Signal|SMS|Text us)\s*:\s*[+\d@]|"
            r"^\s*Allow (?:X|Twitter|Instagram|Facebook|YouTube|TikTok|Bluesky|Threads|"
            r"Google|Spotify)(?: content)?\?|"
            r"^\s*This (?:article|page|story|post) contains content provided by\b|"
            r"\bpermission before anything is loaded\b|"
            r"\bchoose ['‘’\"“]?accept and continue\b",
        ),
    ),
    (
        "promo or newsletter",
        re.compile(
            # A link to another story under its label: "READ | Gambians vote as ...".
            r"^\s*(?:ALSO READ|Also read|READ MORE|Read more|READ|RELATED|Related|WATCH|"
            r"LISTEN)\s*[|›»]|"
            # A paywall's or a geoblock's notice.
            r"\b(?:reached|used up) (?:your|the) (?:limit|maximum) of (?:free )?"
            r"(?:articles|stories)\b|^\s*(?:This|The) (?:content|video|article|page|story|"
            r"service|feature|site) is (?:not|currently not) available in your (?:region|"
            r"country|area)\b|"
            r"^\s*(?:Read more|Read also|Related|Advertisement|Click here|Sign up|Subscribe|"
            r"Follow us|Share this|Listen|Continue reading|Get the latest|Get Latest|Don't miss|"
            r"Download (?:our|the) app|Like us on|This article (?:was|has been|originally)|"
            r"This copy is for your personal|Dow Jones Reprints|To order presentation-ready|"
            r"Story continues below|Thank you for subscribing|Already a subscriber)\b|"
            r"\b(?:Advertisement|ADVERTISEMENT)\s*$|"
            r"\bappeared first on\b|"
            # What a paywall, a sign-in box or a sponsor leaves in the text: "You have
            # 71.2% of this article left to read", "Log in", "Join ST's WhatsApp Channel",
            # "Good journalism takes time and money", "A message from Acme:".
            r"\bof this article left to read\b|"
            r"^\s*The rest (?:of (?:this|the) (?:article|story) )?is (?:reserved )?for "
            r"subscribers\b|"
            r"^\s*(?:Already a subscriber\?\s*)?(?:Log in|Sign in|Login)\W*$|"
            r"^(?!.*\b(?:said|says|told|urged|wrote)\b)\s*Join\b.{0,40}\b(?:WhatsApp|Telegram|"
            r"Viber|Signal|LINE) (?:channel|community)\b|"
            r"^(?!.*\b(?:said|says|told|wrote|argued|added)\b)\s*(?:Good|Quality|Independent|"
            r"Trusted) journalism (?:takes|costs|needs|depends|relies)\b|"
            # A reader-funding box: "Support truly independent journalism.", "Our
            # mission is to deliver unbiased, fact-based reporting ...".
            r"^\s*(?:Please )?[Ss]upport (?!for\b)(?:\w+ ){0,2}(?:journalism|reporting|newsroom)"
            r"(?:\s+(?:today|now|from\s+as\s+little\s+as\b[^.]{0,30}))?\W*$|"
            # "Dear Reader, The Tico Times has been reporting on Costa Rica since 1956.
            # Our journalism is free to read, but ... please consider supporting us with
            # a monthly contribution."
            r"^Dear (?:[Rr]eaders?|[Ss]ubscribers?|[Ff]riends),|"
            r"^\s*Our (?:journalism|reporting|work) is free (?:to read|for everyone)\b|"
            r"^\s*Please consider (?:supporting|subscribing to) (?:us|our|The\s)|"
            r"^(?!.*\b(?:said|says|told|urged|wrote|posted)\b).*\bplease consider (?:supporting|"
            r"donating to|contributing to|subscribing to|becoming a \w+ of) (?:us|our|"
            r"independent journalism)\b|"
            r"^\s*Our mission is to (?:deliver|provide|bring|produce|offer)\b[^.]{0,80}"
            r"\b(?:journalism|reporting|news)\b|"
            r"^\s*A message from [^.:]{1,60}:\s*$|"
            # "Follow Lusaka Times on WhatsApp", a wire's desk codes ("PTI ACB ZMN RT"), a
            # page template's unfilled field ("{{hitsCtrl.values.hits}}").
            r"^(?!.*\b(?:said|says|told|urged|wrote)\b)\s*Follow [A-Z][\w.'’ ]{1,40} on "
            r"(?:WhatsApp|Telegram|X|Twitter|Facebook|Instagram|Google News|YouTube|Threads|"
            r"LinkedIn)\b|"
            r"^\s*(?:PTI|IANS|ANI)(?:\s+[A-Z]{2,4}){1,6}\s*$|"
            r"\{\{[^{}]{1,80}\}\}|"
            # A site's follow widget: "Add Donald Trump as an interest to stay up to date".
            r"\bas an interest to stay up to date\b|"
            # A link to more of the outlet ("Follow AP's Africa coverage at https://..."),
            # a newsletter's own blurb ("Our morning email breaks down ..."), "Stay
            # informed with the latest business news", "skip past newsletter promotion".
            r"^\s*(?:Find|Follow|Read|See|Visit|Watch|Listen to|Get|Download)\b.{0,120}"
            r"\bat https?://\S+\s*$|"
            r"^\s*Our (?:morning|evening|daily|weekly|free|new) (?:email|newsletter|briefing|"
            r"bulletin)\b|^\s*Stay (?:informed|up to date|updated) with\b|"
            r"\bnewsletter promotion\b|"
            r"\bto stay up to date (?:on|with) (?:the latest|all the latest|breaking)\b|"
            # A call to subscribe: the subscription words with "you"/"your" or an order.
            # Anchored: tried from every position, the lookahead made this pattern
            # quadratic in the sentence's length and most of a build's clean-up time.
            # Whole words in the last lookahead: a long word cut every way took seconds.
            r"^(?=.*\b(?:subscri\w+|newsletters?|inbox|sign[ -]?up|"
            r"(?:news|email|breaking) alerts)\b)"
            r"(?:.*\b(?:you|your)\b|\s*(?:Get|Sign|Join|Receive|Enter|Want|Never miss|"
            r"Stay|Subscribe|View all|Could not|Newsletter)\b|(?=\W*(?:\w+\b\W*){0,10}$))",
            re.IGNORECASE,
        ),
    ),
    (
        "cookie or legal notice",
        re.compile(
            r"\buses? cookies\b|\bcookie (?:policy|settings)\b|\bprivacy (?:policy|notice)\b|"
            r"\bTerms of (?:Use|Service)\b|^\s*Manage (?:settings|choices|preferences)\b|"
            r"^[^.,;]{0,40}\bvalues your privacy\W*$|^\W*Your privacy(?:,| is)? our priority\b|"
            r"^\s*(?:Copyright|©)|\bAll rights reserved\b|"
            r"^\s*This material may not be published",
            re.IGNORECASE,
        ),
    ),
    (
        "crawl notice",
        re.compile(
            r"crawl data|Wayback Machine after an embargo|outsider-uploaded WARCs|WARCZone|"
            r"references to these archived pages|These crawls are part of an effort to archive"
        ),
    ),
    (
        # The outlet's routine, not news: "did not immediately return a request for
        # comment", "could not be reached for comment".
        "no comment",
        re.compile(
            r"\b(?:did not|didn['’]t) (?:immediately )?(?:return|respond to|reply to) "
            r"[^.]{0,60}\brequests? for comment\b|"
            r"\bcould not (?:immediately )?be reached for comment\b|"
            r"\bdid not (?:immediately )?respond to (?:an? )?(?:emailed |phoned )?(?:emails?|"
            r"messages?|phone calls?|voicemails?|inquiry|inquiries)\b|"
            r"\bno immediate comment from\b",
            re.IGNORECASE,
        ),
    ),
    (
        # A character lost in decoding shows as "?" inside a word ("Page?s trip",
        # "declassi?cation", "a 90?day renewal") or for both quotation marks around
        # one ("The ?dossier? compiled by ..."): the sentence would print garbled.
        "garbled characters",
        re.compile(
            r"[A-Za-z]\?[a-z]|\d\?[a-z]|(?<![\w?])\?[A-Za-z][\w\-]{0,30}\?(?=[\s\-,.;:)])|\ufffd"
        ),
    ),
)
# Not articles: the Wayback Machine's crawl notice (a known bad retrieval in Multi-News,
# upstream issue #11), paywall and reprint notices, "enable JavaScript" shells.
_BOILERPLATE_DOCUMENT = re.compile(
    r"Alexa Internet has been donating|Wayback Machine|crawl data|"
    r"This copy is for your personal, non-commercial use|enable JavaScript|"
    # A shell that cannot run here; an audio or video player's fallback line ("does
    # not support the audio element") sits above a real article and is cut as a sentence.
    r"Your browser (?:does not|doesn't) support (?:JavaScript|i?frames|cookies)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w")
_PROMO = "promo or newsletter"
_PROMO_WORDS = 40
# Removing a start can expose another ("CHICAGO (Skyline 7) — Story highlights ...").
_MAX_PASSES = 4


# The same sentences are cleaned by several stages (see text.split_sentences); a pure
# function of its argument, so one answer serves them all.
@functools.lru_cache(maxsize=1 << 16)
def clean_sentence(sentence: str) -> str:
    """Strip page furniture from one sentence; ``""`` if nothing worth keeping is left.

    Each rule only deletes, so the result is a sub-sequence of the sentence's words:

    1. Markup is removed and entities decoded (``&amp;`` -> ``&``); whitespace collapses.
    2. At the start, repeatedly: a byline prefix ("By Jane Doe |"), a slide counter
       ("1 of 6."), a dateline ("KYIV (Reuters) -", "CHICAGO (Skyline 7) —", "CAIRO—",
       "Salahuddin, Libya (CNN) --", "(CNN) —", places joined by slashes as in
       "JAKARTA/PANGKALAN BUN, Indonesia", a live blog's "12:55 A.M.") and the page's
       own section label ("Briefly:", "Story highlights", "Why it matters:", "LISTEN:",
       an interview's "Q." and "A."), and a credit or clip title run into the sentence
       with no stop ("Boston Globe The sale ...", unless the whole is furniture).
    3. A sentence that ends on a photo credit ("... on Monday. (JANE ROE/AFP)") is a
       caption and goes whole: ``split_sentences`` gives the credit a page prints after
       a caption to that caption. A real sentence the page happens to follow with a
       credit for the next picture would go too; pages print credits after captions.
    4. Credits in brackets ("(Photo: AP)") anywhere; at the end "Read more ...",
       "Related: ...", "The post ... appeared first on ...", an end mark ("./.") and a
       player's "Your browser does not support the audio element"; tickers and
       instrument codes anywhere ("TSLA, +5.77%", "US30YT=RR", "(ACME.O)", "(NYSE:
       TDW)", ".SPX"). A figure with a sign after a capitalised word and a comma ("the
       UK, +2%") would be cut too; prose writes "up 2%". A courtesy "Hon." before a name
       ("Hon. Mulambo Haimbe", "the Rt. Hon. ...") anywhere: news names a minister by
       office. A video transcript's time mark ("[01:30]") anywhere.
    5. The whole sentence goes when it is furniture of a kind :func:`furniture_kind`
       names: player chrome, a photo caption or credit, a call to action, a teaser, a
       correction notice, a byline or wire credit, a tweet embed, a promo or newsletter
       box, a cookie or legal notice, a crawl notice; when no word is left; or when it
       is broken (``_BROKEN``): it starts mid-clause in lower case or ends on "the",
       "a", a possessive, "and"/"or", a preposition and "new", or inside a bracket it
       opened — a page's or feed's cut, never the end of an English sentence. A name's
       particle ("de Vries"), a brand ("eBay") or a prefix ("e-bikes") may open a
       sentence; "an" may end one in German.
    """
    text = " ".join(plain_text(sentence).split())
    for _ in range(_MAX_PASSES):
        before = text
        text = _BYLINE_PREFIX.sub("", text)
        text = _GALLERY.sub("", text, count=1)
        text = _DATELINE.sub("", text, count=1)
        text = _SECTION_LABEL.sub("", text, count=1)
        # "View Images The skull of ...": a caption, whole. The label is looked for
        # first: the furniture test is the dearer one.
        if (label := _GLUED_LABEL.match(text)) and not _kind(text):
            text = text[label.end() :]
        text = text.lstrip("-–—|•·: ").strip()
        if text == before:
            break
    if _CAPTION_CREDIT.search(text):
        return ""
    text = _CREDIT.sub("", text).strip()
    text = _FURNITURE_TAIL.sub("", text).strip()
    text = _without_agency_tail(text)
    text = _PLAYER_TAIL.sub("", text)
    text = _TICKER.sub("", text)
    text = _NATIVE_SCRIPT.sub(r"\g<name>", text)
    text = _HONOURABLE.sub("", text)
    text = _TIMESTAMP.sub("", text).strip()
    if not _WORD.search(text) or _BROKEN.search(text) or _kind(text) or _LABEL_ONLY.match(text):
        return ""
    return text


# A video transcript's time mark, anywhere: "[01:30] The price tag is ₱2.4 billion".
_TIMESTAMP = re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?\]\s*")
# A courtesy title before a name: "Hon. Mulambo Haimbe", "The Rt Hon Keir Starmer" (Keir
# Starmer, not "The Keir Starmer"), India's "Hon'ble Minister"; not a court's ("the
# Hon'ble High Court of Madras"), and not "Hon" alone, which may be a name.
_HONOURABLE = re.compile(
    r"\b(?:[Tt]he\s+(?=(?:Rt\.?\s+)?Hon\S*\s+[A-Z][\w'’-]+\s+[A-Z]))?"
    r"(?:Rt\.?\s+Hon\.?|Hon['’]ble|Hon\.)\s+"
    r"(?=[A-Z])(?!(?:High|Supreme|Apex|District|Sessions|Family)\s+Court|Court|Tribunal|Bench)"
)


def _opening_recased(
    text: str, cases: tuple[frozenset[str], frozenset[str], frozenset[str]]
) -> str:
    """``text`` with a lede's opening words in capitals, a newspaper's style ("DENMARK AND
    GREENLAND signed ...", "THE House of Representatives ...", "PRESIDENT Ferdinand
    Marcos Jr. ..."), as the article writes those words inside its sentences (``cases``:
    :func:`_written_cases`): capitalised where it writes them so and never in lower case,
    and a place ("DONALD TRUMP said", "DENMARK"); in capitals where it writes them so
    ("UNICEF AND WFP staff"); else in lower case ("AN OFF-DUTY POLICE OFFICER was shot").
    A lone word in capitals may be a name ("NASA says") and stays."""
    run = _CAPS_OPENING.match(text)
    if run is None:
        return text
    words = run["run"].split()
    if len(words) == 1 and words[0] not in _CAPS_OPENERS:
        return text
    lower, capitalised, capitals = cases
    after = text[run.end() :]
    recased = []
    for place, word in enumerate(words):
        low = word.lower()
        if low in _SMALL_WORDS:
            recased.append(word.capitalize() if place == 0 else low)
        elif word in capitals or word in _KNOWN_ACRONYMS:
            recased.append(word)
        elif (low in capitalised and low not in lower) or word.capitalize() in PLACES:
            recased.append(word.capitalize())
        else:
            recased.append(word.capitalize() if place == 0 else low)
    return " ".join(recased) + " " + after


_SMALL_WORDS = frozenset(
    {"and", "or", "of", "the", "in", "on", "at", "for", "to", "a", "an", "it", "is", "was"}
    | {"has", "have", "had", "he", "she", "they", "we", "his", "her", "its", "their", "as"}
)
# Capitals opening a lede, then a word in lower case ("GREENLAND signed").
_CAPS_OPENING = re.compile(r"^(?P<run>(?:[A-Z][A-Z'’\-]+\s+)+)(?=[A-Z]?[a-z])")
_CAPS_OPENERS = frozenset(
    {"THE", "AN", "IN", "ON", "AT", "AS", "FOR", "PRESIDENT", "PRIME", "FORMER", "POLICE"}
)
_KNOWN_ACRONYMS = frozenset(
    """EU US UK UN UAE NATO IMF ICC ICJ ECB FBI CIA NHS AU ASEAN OPEC GDP COP AI BBC CNN
    G7 G20 MPs MP PM WHO IAEA OSCE CIS SCO BRICS""".split()  # noqa: SIM905
)


def _without_agency_tail(text: str) -> str:
    """``text`` without a news agency's own signature at its end ("..., Kazinform News
    Agency correspondent reports."): the agency's house form, which would make it the
    speaker. (An outlet's name alone, ", Trend reports.", is another outlet's credit as
    often as its own: ``digest.briefly`` tells them apart by the article's outlet.)"""
    tail = _AGENCY_TAIL.search(text)
    return text if tail is None else text[: tail.start()].rstrip(" ,") + "."


_AGENCY_TAIL = re.compile(
    r",\s+(?:[A-Z][\w.\-]*\s+){1,3}?(?:News\s+Agency\s+)?correspondents?\s+(?:reports|reported)\.?$"
)


# A name's own script after it, in brackets: "Premier Cho Jung-tai (卓榮泰)". An English
# issue prints the name as the outlet romanised it. (Not a word's gloss: "peace (мир)".)
_NATIVE_SCRIPT = re.compile(
    r"(?P<name>\b[A-Z][\w’'.-]*)\s*[(（][\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff"
    r"\u0600-\u06ff\u0590-\u05ff·・\s,，、]+[)）]"
)


# An interview's labels opening its sentences. One sentence alone cannot tell "Q.
# Senate Democrats say ..." from an initial ("Q. Lindqvist chaired ..."), so
# ``clean_sentence`` strips the labels only before words no name starts with; a text
# where both labels open sentences, three times or more, and a "Q." asks a question, is
# an interview, and every label goes.
_INTERVIEW_LABEL = re.compile(r"^\s*([QA])\.[ ]+(?=[A-Z\"“])")
_INTERVIEW_LABELS = 3


def clean_title(title: str) -> str:
    """A page's title as a source line prints it: cleaned as a sentence is, or "" when
    it is furniture whole. A title of ``_TITLE_NOT_TEASER_WORDS`` words or more that only
    reads as a teaser ("Europe wants to lend Ukraine Russia’s money. Here’s why Belgium
    is nervous") is the page's own, and stays whole; a caption or a byline taken for a
    title still goes."""
    if not title.strip():
        return ""
    cleaned = clean_sentence(title)
    if cleaned or word_count(title) < _TITLE_NOT_TEASER_WORDS or furniture_kind(title) != "teaser":
        return cleaned
    return " ".join(title.split())


# A title of this many words that reads as a teaser is the page's (see clean_title).
_TITLE_NOT_TEASER_WORDS = 6


def clean_sentences(text: str, limit: int | None = None) -> list[str]:
    """The sentences of ``text`` a reader would see, in order: each sentence of
    :func:`digest.text.split_sentences` through :func:`clean_sentence`, those with
    nothing left dropped; the first ``limit`` of them if given (the rest are not
    cleaned). "The first sentences" of a page are these: a video page's furniture above
    the report ("Watch the report ...", captions) is not among them. An interview's "Q."
    and "A." go wherever they stand, and so does a page's list of names with their
    descriptions after a colon, and a date line opening the first sentence ("December 1,
    2026 - ")."""
    raw = split_sentences(
        _without_questions(
            _narration(
                _without_embedded_posts(
                    _without_synopsis(_without_timeline(_without_credited(text)))
                )
            )
        )
    )
    labelled = [(m[1], s) for s in raw if (m := _INTERVIEW_LABEL.match(s))]
    labels = [label for label, _ in labelled]
    asks = any(label == "Q" and s.rstrip("”\"’' ").endswith("?") for label, s in labelled)
    if len(labels) >= _INTERVIEW_LABELS and {"Q", "A"} <= set(labels) and asks:
        raw = [_INTERVIEW_LABEL.sub("", sentence, count=1) for sentence in raw]
    raw = _without_speaker_labels(raw)
    if raw and (opening := _OPENING_DATELINE.match(raw[0])):
        # Not a country (a dateline is a city's), nor "A – B talks".
        place = opening["place"]
        if place not in countries_named(place) and not _TWO_SIDES.match(raw[0], opening.end()):
            raw[0] = raw[0][opening.end() :]
    listed = _list_lines(raw)
    kept = (sentence for index, sentence in enumerate(raw) if index not in listed)
    cleaned = (clean for sentence in kept if (clean := clean_sentence(sentence)))
    sentences = list(itertools.islice(cleaned, limit))
    # A page's date line with a year opens its text only (after its byline or share
    # buttons, which went): "December 1, 2026 - ...", "Updated: December 1, 2026 -".
    # Further on, "March 11, 2011 – A magnitude 9.0 earthquake struck" is a timeline's.
    if sentences and (dated := _OPENING_DATE_LINE.match(sentences[0])):
        sentences[0] = sentences[0][dated.end() :]
    if any(_CAPS_OPENING.match(sentence) for sentence in sentences):
        cases = _written_cases(text)
        sentences = [_opening_recased(sentence, cases) for sentence in sentences]
    return sentences


def _written_cases(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """How ``text`` writes its words inside its sentences: (in lower case, capitalised,
    in capitals)."""
    lower, capitalised, capitals = set(), set(), set()
    for match in _INNER_WORD.finditer(text):
        word = match[1]
        if word.islower():
            lower.add(word)
        elif word.isupper() and len(word) > 1:
            capitals.add(word)
        elif word[:1].isupper():
            capitalised.add(word.lower())
    return frozenset(lower), frozenset(capitalised), frozenset(capitals)


# A word after a word in lower case or a comma: not a sentence's first.
_INNER_WORD = re.compile(r"(?<=[a-z,;] )([A-Za-z][\w'’\-]*)")


def _without_credited(text: str) -> str:
    """``text`` without its captions that close on an agency's photo credit ("Residents
    move their belongings to a safe place on November 29. — VNA/VNS Photo Đinh Hương"):
    a paragraph of one or two sentences and the credit, whose sentences the splitter
    would part from the credit that tells them for a caption. A longer paragraph (a
    feed's summary run together with its credit) loses the credit alone."""
    paragraphs = text.split("\n\n")
    kept = []
    for paragraph in paragraphs:
        credit = _CREDIT_CLOSING.search(paragraph)
        if credit is None:
            kept.append(paragraph)
        elif len(split_sentences(paragraph[: credit.start()])) > _CAPTION_SENTENCES:
            kept.append(paragraph[: credit.start()].rstrip(" |"))
    return text if kept == paragraphs else "\n\n".join(kept)


# A caption's sentences at most ("Residents wade through floodwater in Huế on November
# 29. The water rose two metres overnight.").
_CAPTION_SENTENCES = 2
# An agency's credit closing a paragraph, a table cell's bar or a stop after it or not.
_CREDIT_CLOSING = re.compile(
    r"[—–][ ]?(?:[A-Z]{2,}/)*[A-Z]{2,}[ ](?:File[ ])?Photos?\b[^.!?|\n]{0,40}[ .|]*$"
)


def _without_synopsis(text: str) -> str:
    """``text`` without a summary box set above the report: a paragraph that is only
    its label ("Synopsis", "In brief") and the box after it (one paragraph, or a run of
    bullets), when the report goes on for ``_REPORT_AFTER_BOX`` paragraphs or more and
    tells again much of what the box tells (``_RETOLD``). The box retells the report
    out of its order (The Economic Times' "Synopsis" opens on Belgium dropping its
    objection, the report on the loan approved). A page that is the box alone keeps it,
    and so does one whose "box" is its dateline's lead (the box's own text lost)."""
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs[:_BOX_OPENING]):
        label = _SYNOPSIS.match(paragraph)
        if not label:
            continue
        # Key points are a list: a label alone above the report (a box that did not
        # load) leaves the lede where it is.
        if label["points"] and not _BULLET.match("".join(paragraphs[index + 1 : index + 2])):
            return text
        end = index + 2
        if paragraphs[index + 1 : index + 2] and _BULLET.match(paragraphs[index + 1]):
            while end < len(paragraphs) and _BULLET.match(paragraphs[end]):
                end += 1
        box, rest = paragraphs[index + 1 : end], paragraphs[end:]
        if not box or len(rest) < _REPORT_AFTER_BOX or _DATELINE.match(box[0]):
            return text
        told = set(content_words(" ".join(box)))
        again = told & set(content_words(" ".join(rest)))
        if told and len(again) >= _RETOLD * len(told):
            return "\n\n".join(paragraphs[:index] + rest)
        return text
    return text


def _without_timeline(text: str) -> str:
    """``text`` without a timeline box: a heading that is only its label ("Timeline: how
    the crisis unfolded", "Key dates") and the run of ``_TIMELINE_ENTRIES`` bullets or
    more after it, dates and what happened on each told in the headline's present
    ("County assembly votes 40-16 to impeach the governor."). Its lines retell the
    story's past out of the report's order; read as the report's sentences, one led a
    Briefly on the Senate's vote."""
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        if not _TIMELINE.match(paragraph):
            continue
        end = index + 1
        while end < len(paragraphs) and _BULLET.match(paragraphs[end]):
            end += 1
        if end - index - 1 >= _TIMELINE_ENTRIES:
            return "\n\n".join(paragraphs[:index] + paragraphs[end:])
    return text


_TIMELINE = re.compile(
    r"^\s*(?:Timeline|Chronology|Key dates|Key events|How (?:it|the \w+) unfolded)\b[^.!?\n]*$",
    re.IGNORECASE,
)
_TIMELINE_ENTRIES = 3
_SYNOPSIS = re.compile(
    r"^\s*(?:Synopsis|Summary|In brief|In short|TL;?DR|(?P<points>Key (?:points|takeaways|"
    r"facts)|(?:Story )?highlights|(?:Story )?at a glance))\W*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–•*·▪●◦‣■□➤►]|\d{1,2}[.)])\s")
# Where a summary box stands (among a page's first paragraphs), how many paragraphs of
# report it needs after it, and how much of its words the report must tell again: a box
# paraphrases, so half ("dropped its opposition" is "ended its objection" below; The
# Economic Times' box shares 0.56 of its words with its report, an unrelated paragraph
# next to none).
_BOX_OPENING = 3
_REPORT_AFTER_BOX = 2
_RETOLD = 0.5


def _without_speaker_labels(sentences: list[str]) -> list[str]:
    """An interview set out by who speaks ("Iceland Review: When will Icelanders vote?",
    "Hildur Sveinsdóttir: Our aim is March 20, 2027.", then "IR:" and "HS:"): with
    ``_INTERVIEW_LABELS`` labelled lines or more, of two to four speakers, one of them
    asking, the labels go, as "Q." and "A." do; the answers are then someone's words in
    the first person, never the outlet's news."""
    labelled = [(m["label"], s) for s in sentences if (m := _SPEAKER_LABEL.match(s))]
    speakers = {label for label, _ in labelled}
    asks = any(s.rstrip("”\"’' ").endswith("?") for _, s in labelled)
    if len(labelled) < _INTERVIEW_LABELS or not 2 <= len(speakers) <= 4 or not asks:
        return sentences
    return [
        sentence[m.end() :] if (m := _SPEAKER_LABEL.match(sentence)) else sentence
        for sentence in sentences
    ]


def _without_questions(text: str) -> str:
    """An interview set out as "Q:" and "A:" paragraphs without its questions, whole:
    "Q: Minister, the doctors say they have waited for months. Why ...?" is the
    interviewer's, and its first sentence would read as news. An interview's answers
    speak in the first person ("We have paid ..."); an explainer's ("Q. What happens
    now? A. The council votes on Monday.") are the outlet's own, and its questions stay
    (``clean_sentences`` drops the labels). An answer in the question's paragraph
    ("Q: ...? A: ...") is kept. Any other text as it is."""
    paragraphs = [p.strip() for p in text.split("\n\n")]
    if unlabelled := _unlabelled_questions(paragraphs):
        return "\n\n".join(p for i, p in enumerate(paragraphs) if i not in unlabelled)
    labels = [_QA_PARAGRAPH.match(p) for p in paragraphs]
    kinds = [label["kind"][0].upper() if label else "" for label in labels]
    questions = [p for kind, p in zip(kinds, paragraphs, strict=True) if kind == "Q"]
    answers = [p for kind, p in zip(kinds, paragraphs, strict=True) if kind == "A"]
    answers += [p[m.end() :] for p in questions if (m := _INNER_ANSWER.search(p))]
    # Answers of a few words ("None.") say nothing of who speaks.
    told = [a for a in answers if len(a.split()) >= _ANSWER_WORDS]
    spoken = sum(bool(_FIRST_PERSON.search(a)) for a in told)
    # Put to someone ("Minister, ...", "you"), or answered in the first person: the
    # interviewer's; an explainer asks no one and answers as the outlet.
    put_to = any(_ADDRESSED.search(q) for q in questions)
    if (
        sum(map(bool, kinds)) < _INTERVIEW_LABELS
        or not {"Q", "A"} <= set(kinds)
        or not any("?" in q for q in questions)
        or not (put_to or 2 * spoken > len(told))
    ):
        return text
    kept = []
    for p, label, kind in zip(paragraphs, labels, kinds, strict=True):
        if kind == "Q":
            answer = _INNER_ANSWER.search(p)
            if answer is None:
                continue
            p, label = p[answer.end() :], None
        kept.append(p[label.end() :] if label else p)
    return "\n\n".join(kept)


def _unlabelled_questions(paragraphs: list[str]) -> set[int]:
    """The questions of an interview set out without labels: paragraphs ending on a
    question mark ("Kinshasa says Rwanda must withdraw its measures first. Is that
    acceptable?"), each answered by the next paragraph, in the first person, three times
    or more. An explainer's questions are answered by the outlet, not "we" or "I"."""
    asked = [
        i
        for i, p in enumerate(paragraphs[:-1])
        if p.endswith("?")
        and word_count(p) <= _QUESTION_WORDS
        and not paragraphs[i + 1].endswith("?")
        # Not someone's question the report quotes ("Anna Bakker asked the crowd: ...?"),
        # nor an interview that labels its speakers ("Iceland Review: ...?").
        and not _QUOTED_OR_LABELLED.search(p)
    ]
    answers = [paragraphs[i + 1] for i in asked]
    spoken = sum(bool(_FIRST_PERSON.search(a)) for a in answers)
    if len(asked) < _INTERVIEW_LABELS or 2 * spoken <= len(answers):
        return set()
    return set(asked)


# A question put in an interview is a sentence or two.
_QUESTION_WORDS = 60
_QUOTED_OR_LABELLED = re.compile(
    r"[\"“”]|\b(?:asked|asks|wondered|put it)\b|^[A-Z][\w .’'-]{0,30}:\s"
)
_QA_PARAGRAPH = re.compile(r"^(?P<kind>Q|A|Question|Answer)(?:\.|:)[ ]+(?=[A-Z\"“‘'])")
_INNER_ANSWER = re.compile(r"(?:\n|(?<=[?.])\s+)(?:A|Answer)(?:\.|:)\s+(?=[A-Z\"“‘'])")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
_ANSWER_WORDS = 5
_ADDRESSED = re.compile(
    r"\b(?:you|your|You|Your)\b|^(?:Q|Question)[.:]\s+(?:But\s+|And\s+|So\s+)?(?:Mr|Mrs|Ms|Dr|"
    r"Minister|President|Prime\s+Minister|Secretary|Governor|Mayor|Sir|Madam|General)\b[^,?]{0,30},"
)


def _narration(text: str) -> str:
    """A video's transcript ("Narrator: Residents filmed ...", "Resident: It came so
    fast. In five minutes ...") as its narration alone: that is the outlet's report;
    the others' paragraphs are words with no one named to say them. Any other text as
    it is."""
    paragraphs = text.split("\n\n")
    labels = [_SPEAKER_LABEL.match(p.strip()) for p in paragraphs]
    if not any(label and label["label"] in _NARRATORS for label in labels):
        return text
    return "\n\n".join(
        p.strip()[label.end() :] if label else p
        for p, label in zip(paragraphs, labels, strict=True)
        if label is None or label["label"] in _NARRATORS
    )


# A video's own voice in its transcript.
# (Not "Reporter:": at a briefing the reporter asks and the spokesman's answers are the
# news.)
_NARRATORS = frozenset({"Narrator", "Voiceover", "Voice-over", "VO", "Presenter", "Anchor"})
# Who speaks, before a colon: initials ("IR", "HS") or a name of one to three words.
# Not a note's or a list's label ("Editor's note:", "Update:", "Watch:"), which
# _SECTION_LABEL and the furniture kinds read.
_SPEAKER_LABEL = re.compile(
    r"^\s*(?P<label>[A-Z]{2,4}|[A-Z][\w’'.-]+(?:[ ][A-Z][\w’'.-]+){0,2}):[ ]+(?=[A-Z\"“])"
)


# An embedded social post as a page's text gives it: the post's words, then its
# signature ("— UN OCHA Sudan (@OCHA_Sudan) December 3, 2026"), in one paragraph or two.
# The words are the poster's, with no "said" to tell the reader whose; the report
# around them says what matters in them. (Extraction keeps them: a benchmark's reader
# counts an embed as part of the page.)
# (Or the handle alone: "— @NaleraqParty, January 1, 2027".)
_POST_SIGNATURE = re.compile(
    r"[—–-]{1,2}[ ]?(?:[^\n()—–]{1,80}\(@\w{1,30}\)|@\w{1,30},?)[ ]?(?:on )?"
    + _MONTH
    + r"[ ]\d{1,2},[ ]\d{4}\s*$"
)


def _without_embedded_posts(text: str) -> str:
    if "@" not in text:
        return text
    # By line: a page's paragraphs are a blank line apart, a corpus's one newline.
    lines = text.split("\n")
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        signature = _POST_SIGNATURE.search(line)
        if signature is None:
            continue
        dropped.add(index)
        if line[: signature.start()].strip():
            continue  # the post's words are on the signature's line
        above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
        # The post's words stand on the line above, unless that line reports it ("She
        # said in a statement on X that ...").
        if above is not None and not _REPORTS.search(lines[above]):
            dropped.add(above)
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)


_REPORTS = re.compile(r"\b(?:said|says|wrote|writes|posted|tweeted|told)\b")


# "These games include:" then "Joyride" / "A racing game where players can steer using
# their hands." / "Kinect Sports" / "Boxing, bowling, ... table tennis.": a page's list
# of names, each with a line describing it. The descriptions read as sentences, but they
# are a catalogue's entries, not reports. A line is an entry's name when it has no end
# mark and few words; a sentence is a description when it stands between two names, or
# after a name once two such have been seen (the pattern is then the list's, and the
# last entry has a description too). Two names at least, or a run is no list: a
# "He said:" before a quotation is followed by a sentence, not a name. The list's
# introduction goes with it ("These games include:" says nothing alone); the sentence
# after the list is news again ("The carriers expect ...").
#
# Only a catalogue's introduction opens one ("include:", "features:", "such as:", "can:"):
# news lists its victims ("Police identified the victims:" / "Maria Lopez" / "Lopez,
# 34, was a nurse"), results and key points the same way, and those are the story. A
# description goes only where two have been seen: a list of two is kept whole, so no
# "He coached ..." is left without its name. An introduction with news of its own
# ("United, Avianca and Copa plan to offer customers many benefits, including:") stays.
_ENDED = re.compile(r"[.!?…:;\"”’']\W*$")
_CATALOGUE_INTRO = re.compile(
    r"\b(?:includes?|including|included|features?|featuring|offers?|such as|can)\s*:$",
    re.IGNORECASE,
)
_NAME_WORDS = 12
_SHOWN_DESCRIPTIONS = 2


def _list_lines(sentences: list[str]) -> set[int]:
    listed: set[int] = set()
    for intro, sentence in enumerate(sentences):
        if not _CATALOGUE_INTRO.search(sentence.rstrip()):
            continue
        names: list[int] = []
        described: list[int] = []
        index = intro + 1
        while index < len(sentences):
            line = sentences[index]
            if _is_list_name(line):
                names.append(index)
            elif (
                names
                and names[-1] == index - 1
                and (
                    len(described) >= _SHOWN_DESCRIPTIONS
                    or (index + 1 < len(sentences) and _is_list_name(sentences[index + 1]))
                )
            ):
                described.append(index)
            else:
                break
            index += 1
        if len(names) >= 2 and (not described or len(described) >= _SHOWN_DESCRIPTIONS):
            short = word_count(sentence) <= _NAME_WORDS
            listed.update([*([intro] if short else []), *names, *described])
    return listed


def _is_list_name(line: str) -> bool:
    # A bulleted or lower-case item ("- is outdated") continues a claim, which
    # digest.attribution.join_list_items joins to its speaker.
    opening = line.lstrip()[:1]
    return (
        (opening.isupper() or opening.isdigit())
        and not _ENDED.search(line)
        and word_count(line) <= _NAME_WORDS
    )


def furniture_kind(text: str) -> str:
    """The kind of furniture ``text`` is or starts with ("" for none).

    A kind of :func:`clean_sentence`'s whole-sentence rules ("photo caption or
    credit", "player chrome", ...), or "dateline", "section label", "byline" when the
    text starts with one. For checking text that is about to be printed.
    """
    text = " ".join(plain_text(text).split())
    for kind, pattern in (
        ("dateline", _DATELINE),
        ("section label", _SECTION_LABEL),
        ("section label", _LABEL_ONLY),
        ("byline", _BYLINE_PREFIX),
        ("photo caption or credit", _GALLERY),
    ):
        if pattern.match(text):
            return kind
    return _kind(text)


def _kind(text: str) -> str:
    for kind, pattern in _KINDS:
        # A long sentence that mentions a newsletter or an inbox is reporting, not a box.
        if pattern.search(text) and not (kind == _PROMO and word_count(text) > _PROMO_WORDS):
            return kind
    return ""


def framing_sentences(text: str) -> int:
    """How many clean sentences an outlet set above the agency copy it carries: the
    sentences of the paragraphs before one that opens on a wire's dateline ("ABU DHABI,
    Jan 2 (Reuters) - Australia and ... signed ..."), within the first
    ``_FRAMING_PARAGRAPHS``; 0 when no such paragraph follows the first. The dateline's
    sentence is what happened; the outlet's paragraph above it is its framing
    ("Australia has been trying to land a trade agreement since 2022, ...")."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for index, paragraph in enumerate(paragraphs[1:_FRAMING_PARAGRAPHS], start=1):
        if _WIRE_DATELINE.match(paragraph):
            framing = "\n\n".join(paragraphs[:index])
            # Background ("has been trying ... since 2022"), not the outlet's own news
            # ("At least 30 people were killed ...") above another matter's wire copy.
            if not _BACKGROUND.search(framing):
                return 0
            return len(clean_sentences(framing))
    return 0


_BACKGROUND = re.compile(
    r"\b(?:has|have|had)\s+(?:long\s+)?been\s+[a-z]+ing\b|\bsince\s+(?:19|20)\d\d\b|"
    r"\bfor\s+(?:years|months|decades)\b"
)


_FRAMING_PARAGRAPHS = 4
_WIRE_DATELINE = re.compile(
    rf"^\s*[{_CAPS}][{_CAPS} .'’/\-]{{2,40}}(?:,[^()\n]{{1,40}})?[ ]*\({_WIRE}\)[ ]*[-–—]"
)


def is_boilerplate_document(text: str) -> bool:
    """True for a "document" that is a crawl, paywall or reprint notice, not an article.

    Only the first 2,000 characters are checked: the notices come first.
    """
    return not text.strip() or bool(_BOILERPLATE_DOCUMENT.search(text[:2000]))
