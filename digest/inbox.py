"""What the inbox shows before the email is opened: the subject and the preheader.

The subject names the top stories in about 60 characters (phones show 30-40, desktop
clients 60-70), shortening a headline at a clause or a phrase rather than mid-word:
"NATO revives plan for a liaison office in Tokyo as China objects" becomes "NATO
revives plan for a liaison office in Tokyo". A shortened headline keeps at least half
of the headline's names and figures: never "Expectations are low for the latest
US-brokered talks" (whose?) for "Expectations are low for the latest US-brokered talks
between Russia and Ukraine"; when no cut within the limit does, the headline may run to
:data:`SUBJECT_STRETCH` characters (desktop clients show 70-90) rather than lose
them. The preheader, shown after the
subject, teases the next stories, so the two together say what is in the issue. The
newsletter's name is in the From name, which inboxes show anyway.

Pure text functions; nothing here knows about HTML or headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from digest.headline import parts_complement
from digest.text import MONTHS, WEEKDAYS

__all__ = [
    "PREHEADER_CHARS",
    "SUBJECT_CHARS",
    "SUBJECT_STRETCH",
    "preheader",
    "short_headline",
    "subject_line",
]

SUBJECT_CHARS: Final = 60
# How long a shortened headline may run to keep the names that say what it is about.
SUBJECT_STRETCH: Final = 90
# Inbox previews show 40-140 characters of it; what is cut off is never missed.
PREHEADER_CHARS: Final = 140
# Only the first few stories compete for the subject: it names the top of the issue.
_SUBJECT_STORIES: Final = 3
_SEPARATOR: Final = "; "
# Day and month names (and their abbreviations: "Oct", "Sept"), in lower case.
_CALENDAR: Final = frozenset(
    {n.lower() for n in (*WEEKDAYS, *MONTHS)}
    | {n[:3].lower() for n in (*WEEKDAYS, *MONTHS)}
    | {"sept", "tues", "thurs"}
)
# A shortened headline keeps at least this many words, or it no longer says what happened.
_MIN_WORDS: Final = 3
# Cut points, strongest first: a clause ("... in Tokyo as China objects"), then a phrase.
_CLAUSE = re.compile(
    r"(?:\s+[—–-]\s+|;\s+|,\s+|\s+(?=(?:as|after|while|amid|despite|but|with|following|"
    r"before|ahead of|even as|over|because)\s))"
)
_PHRASE = re.compile(
    r"\s+(?=(?:for|in|on|at|to|from|of|by|against|into|under|near|between|among|about|during|since)\s)"
)


def short_headline(headline: str, limit: int = SUBJECT_CHARS) -> str:
    """``headline`` within ``limit`` characters: whole if it fits, else cut at a clause,
    else at a phrase, keeping half its names; else the shortest such form up to
    :data:`SUBJECT_STRETCH`; else a cut within ``limit`` that keeps one name; else cut
    at a word with an ellipsis."""
    text = " ".join(headline.split()).rstrip(".")
    forms = _forms(text)
    fitting = [form for form in forms if len(form) <= limit]
    if fitting:
        return fitting[0]
    if len(forms[-1]) <= max(limit, SUBJECT_STRETCH):
        return forms[-1]
    # Nothing keeps half the names in reach ("... the killing of internationally known
    # hairdresser and beauty company executive Fabio Sementilli"): a whole phrase beats
    # a word cut off mid-phrase.
    named = bool(_names(text))
    loose = [f for f in _forms(text, share=0.0) if len(f) <= limit and _names(f) >= named]
    if loose:
        return loose[0]
    cut = text[: max(limit - 1, 1)].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def subject_line(headlines: Sequence[str], limit: int = SUBJECT_CHARS) -> tuple[str, int]:
    """The top stories' headlines joined with "; " in at most ``limit`` characters, and
    how many stories it names.

    The lead story always comes first, shortened as needed. A further story joins only
    whole or cut at a clause: a headline cut down to its first phrase to squeeze a
    second one in says too little about either ("NATO revives plan").
    """
    if not headlines:
        return "", 0
    texts = [" ".join(h.split()).rstrip(".") for h in headlines[:_SUBJECT_STORIES]]
    subject = short_headline(texts[0], limit)
    named = 1
    for text in texts[1:]:
        room = limit - len(subject) - len(_SEPARATOR)
        fitting = [form for form in _forms(text, phrases=False) if len(form) <= room]
        if not fitting:
            break
        subject = f"{subject}{_SEPARATOR}{fitting[0]}"
        named += 1
    return subject, named


def preheader(headlines: Sequence[str], named: int, fallback: str) -> str:
    """A teaser for the stories after the ``named`` ones the subject names: "Plus: A ·
    B · C", within :data:`PREHEADER_CHARS`. ``fallback`` (the lead's first sentence)
    when there are none."""
    rest = [short_headline(h) for h in headlines[named:]]
    if not rest:
        text = " ".join(fallback.split())
        if len(text) > PREHEADER_CHARS:
            text = text[: PREHEADER_CHARS - 1].rsplit(" ", 1)[0] + "…"
        return text
    text = "Plus: " + rest[0]
    for headline in rest[1:]:
        candidate = f"{text} · {headline}"
        if len(candidate) > PREHEADER_CHARS:
            break
        text = candidate
    return text


def _forms(text: str, *, phrases: bool = True, share: float = 0.5) -> list[str]:
    """``text`` and its shortened forms, longest first: each ends before a clause (or,
    with ``phrases``, a phrase) and keeps at least :data:`_MIN_WORDS` words."""
    forms = [text]
    named = _names(text)
    for pattern in (_CLAUSE, _PHRASE) if phrases else (_CLAUSE,):
        for match in reversed(list(pattern.finditer(text))):
            form = text[: match.start()].rstrip(",;:–—- ")
            # "..., forcing 300,000" (to evacuate): the verb's object asks for its "to".
            boundary = text[match.end() :].split(" ", 1)[0]
            if parts_complement(f"{text[: match.end()]}{boundary} "):
                continue
            # "Expectations are low for the latest US-brokered talks" (between Russia and
            # Ukraine) does not say whose talks: a form keeps half the headline's names.
            if _names(form) < share * named:
                continue
            if len(form.split()) >= _MIN_WORDS and form not in forms:
                forms.append(form)
    return sorted(forms, key=len, reverse=True)


def _names(text: str) -> int:
    """How many words of ``text`` name someone, somewhere or something, or give a
    figure: capitalised words after the first, acronyms and numbers, each once. Days
    and months say when, not what: "Police on Tuesday were investigating the killing"
    names no one."""
    words = text.split()
    return len(
        {
            core
            for index, word in enumerate(words)
            if (core := word.strip("“”‘’\"'(),.:;!?").lower()) not in _CALENDAR
            and (
                any(c.isdigit() for c in word)
                or (index > 0 and word[:1].isupper())
                or sum(c.isupper() for c in word) >= 2
            )
        }
    )
