"""Feed bytes -> :class:`~digest.models.FeedEntry` values, with feedparser.

Pure and CPU-bound, no I/O: :mod:`digest.fetch` downloads the bytes and runs
:func:`parse_feed` in a worker process or a thread. Everything an entry carries
leaves here as plain text (:func:`html_to_text`), keyed by guid or canonical URL,
with an aware UTC date. feedparser's objects never leave this module.
"""

from __future__ import annotations

import email.utils
import itertools
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import feedparser

from digest.models import FeedEntry
from digest.text import remove_unsafe_characters
from digest.urls import canonical_url, is_http_url

__all__ = [
    "html_to_text",
    "is_html_type",
    "looks_like_html",
    "mime_type",
    "parse_feed",
    "utc_offset",
]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_UNTITLED = "(untitled)"
_TITLE_WORDS = 12
# Longest title and author name kept. News headlines run to ~70-120 characters; 300
# keeps every real one whole, while a 100 KB "title" would fill the subject, the
# headline and every source line of the email.
_TITLE_CHARS = 300
_AUTHOR_CHARS = 200
_SNIFF_BYTES = 1024
# One comment part, not "(...)*": a run of comments is itself one "<!--.*?-->", and the
# starred group could split such a run every way (seconds for 200 bytes of comments).
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def parse_feed(
    content: bytes,
    *,
    feed_url: str,
    outlet: str,
    content_type: str = "",
    encoding: str | None = None,
    base_url: str | None = None,
    fetched_at: datetime | None = None,
) -> tuple[tuple[FeedEntry, ...], tuple[str, ...], str]:
    """Feed bytes -> (entries, warnings, error); ``error`` is "" when usable.

    ``content_type`` is the response's Content-Type (its charset wins over the XML
    declaration, as RFC 7303 says); ``encoding`` supplies a charset when the header
    has none. Relative links resolve against ``base_url`` (default ``feed_url``).
    An entry with no date gets the feed's own date, else ``fetched_at`` (default:
    now, UTC), and ``dated=False``, so its page's own date can replace it. Entries
    without an http(s) link (and no http(s) guid) are skipped with a warning: they
    can be neither downloaded nor linked from the email.
    An entry's key is its guid/id, else its canonical URL (so, with link-less entries
    skipped, no hashed fallback is needed). Duplicate keys keep the first entry.
    Never raises on bad input.
    """
    if not content.strip():
        return (), (), "empty response"
    base = base_url or feed_url
    headers = {"content-location": base}
    if encoding and "charset=" not in content_type.lower():
        content_type = f"{content_type or 'application/xml'}; charset={encoding}"
    if content_type:
        headers["content-type"] = content_type
    # Entries leave this module as plain text (html_to_text drops every tag, and
    # script/style contents), so feedparser's HTML sanitiser and relative-URI
    # rewriting inside content would be work thrown away: together they were ~30% of
    # parse time on the polling benchmark (bench/poll.py).
    parsed = feedparser.parse(
        content, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    problem = parsed.get("bozo_exception")
    # A feed served as text/plain or without a Content-Type is everyday publisher
    # sloppiness, not a broken feed: feedparser flags it, we do not pass it on. So is a
    # charset the headers and the document disagree on ("text/xml", whose default is
    # us-ascii, over a windows-1252 document): feedparser reads it the way that decodes,
    # and every entry is there.
    is_malformed = bool(parsed.bozo) and not isinstance(
        problem, feedparser.NonXMLContentType | feedparser.CharacterEncodingOverride
    )
    # The XML parser names no file ("<unknown>:1:110: not well-formed"): say it plainly.
    bozo_message = _UNKNOWN_PLACE.sub(r"line \1, column \2: ", str(problem or "")) or (
        "unknown error"
    )
    if not parsed.entries:
        if not parsed.get("version") and looks_like_html(content, content_type):
            return (), (), "not a feed: got text/html page"
        if is_malformed:
            return (), (), f"malformed XML and no entries: {bozo_message}"
        if not parsed.get("version"):
            mime = mime_type(content_type)
            return (), (), f"not a feed: got {mime}" if mime else "not a feed: no RSS or Atom root"
    when = fetched_at or datetime.now(UTC)
    feed_date = _struct_datetime(parsed.feed.get("updated_parsed"))
    entries, entry_warnings = _entries(parsed.entries, feed_url, outlet, base, feed_date or when)
    if is_malformed and not entries:
        # What the parser salvaged holds no article: the feed failed, and says so on
        # every poll, not once.
        return (), (), f"malformed XML and no usable entries: {bozo_message}"
    warnings = (
        [
            f"malformed feed ({bozo_message}); {len(entries)} entries recovered, others may "
            "be lost: tell the publisher, or check the URL is the feed's"
        ]
        if is_malformed
        else []
    )
    return entries, (*warnings, *entry_warnings), ""


_UNKNOWN_PLACE = re.compile(r"^<unknown>:(\d+):(\d+):\s*")


def _entries(
    raw_entries: Sequence[Any], feed_url: str, outlet: str, base: str, default_date: datetime
) -> tuple[tuple[FeedEntry, ...], tuple[str, ...]]:
    entries: dict[str, FeedEntry] = {}
    without_link = duplicates = 0
    parsed = [_entry(raw, feed_url, outlet, base, default_date) for raw in raw_entries]
    links: dict[str, set[str]] = {}
    for entry in parsed:
        if entry is not None:
            links.setdefault(entry.key, set()).add(entry.url)
    for entry in parsed:
        if entry is None:
            without_link += 1
            continue
        if len(links[entry.key]) > 1:
            # Two items, two links, one guid: a publisher's CMS slip (Yonhap reused a
            # preview's guid for the report). Each link is an article, keyed by its link
            # whichever comes first: keyed by the guid, the first would take the other's
            # article over in the store, as a link that changed does.
            entry = replace(entry, key=entry.url)
        if entry.key in entries:
            duplicates += 1
        else:
            entries[entry.key] = entry
    warnings = []
    if without_link:
        warnings.append(
            f"{without_link} entries without an http(s) link skipped (no article to read)"
        )
    if duplicates:
        warnings.append(f"{duplicates} entries with a repeated id skipped")
    return tuple(entries.values()), tuple(warnings)


def _entry(
    raw: Any, feed_url: str, outlet: str, base: str, default_date: datetime
) -> FeedEntry | None:
    guid = str(raw.get("id") or "").strip()
    link = str(raw.get("link") or "").strip()
    if not link and is_http_url(guid):
        link = guid
    url = canonical_url(link, base=base) if link else ""
    if not is_http_url(url):
        return None
    title = _detail_text(raw.get("title_detail"), raw.get("title"))
    summary = _detail_text(raw.get("summary_detail"), raw.get("summary"))
    content = "\n\n".join(
        text for item in raw.get("content") or () if (text := _detail_text(item, None))
    )
    published_at = _feed_date(raw, "published")
    written = raw.get("published") if published_at else raw.get("updated")
    dated_at = published_at or _feed_date(raw, "updated")
    origin = _origin(raw)
    if origin:
        title, summary = _without_origin(title, summary, origin)
    else:
        # Some outlets sign every feed title: "... rises to 6 - China Daily".
        title = _without_outlet_tail(title, outlet)
    return FeedEntry(
        key=guid or url,
        feed_url=feed_url,
        outlet=origin or outlet,
        url=url,
        title=_shorten(_title(title, summary or content), _TITLE_CHARS),
        summary=summary,
        content=content,
        published=dated_at or default_date,
        author=_shorten(_one_line(str(raw.get("author") or "")), _AUTHOR_CHARS),
        utc_offset=utc_offset(str(written or "")),
        dated=dated_at is not None,
    )


# Longest outlet name an item's <source> may give; a real one is a few words.
_ORIGIN_CHARS = 80


def _origin(raw: Any) -> str:
    """The outlet an item names as its origin: RSS's ``<source>`` ("the channel the item
    came from"), as aggregators write it (Google News: ``<source url=...>RNZ</source>``)
    and Atom's ``<source><title>``. A report is its outlet's, not the aggregator's."""
    source = raw.get("source")
    if not isinstance(source, Mapping):
        return ""
    name = _one_line(html_to_text(str(source.get("title") or "")))
    return name if 0 < len(name) <= _ORIGIN_CHARS else ""


def _without_origin(title: str, summary: str, origin: str) -> tuple[str, str]:
    """An aggregated item's title without its " - Outlet" tail, and no summary when it
    only repeats the title and the outlet (Google News: a link to the title, then the
    outlet's name), which would otherwise be told as the report's one sentence."""
    title = _without_outlet_tail(title, origin)
    told = " ".join(summary.split())
    # An aggregator's description opens with the item's title (Google News: a link to it,
    # then the outlet's name, or a list of other outlets' headlines on the same story):
    # nothing of the report's own.
    if not told or told.startswith(title):
        summary = ""
    return title, summary


def _without_outlet_tail(title: str, outlet: str) -> str:
    """``title`` without a " - Outlet" tail naming ``outlet`` ("- RNZ") or its site
    ("- Reuters.com", "| Kun.uz")."""
    title = " ".join(title.split())
    for mark in (" - ", " | ", " – ", " — "):
        head, found, tail = title.rpartition(mark)
        if (
            found
            and head.strip()
            and _SITE_SUFFIX.sub("", tail).casefold()
            in (
                outlet.casefold(),
                _SITE_SUFFIX.sub("", outlet).casefold(),
            )
        ):
            return head.rstrip()
    return title


_SITE_SUFFIX = re.compile(r"\.(?:com|org|net|co\.uk|co\.nz|com\.au|co|news|info)$", re.IGNORECASE)


def _title(title: str, fallback_text: str) -> str:
    title = " ".join(title.split())
    if title:
        return title
    words = fallback_text.split()
    if not words:
        return _UNTITLED
    return " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")


def _one_line(text: str) -> str:
    return " ".join(remove_unsafe_characters(text).split())


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut) + "…"


def _detail_text(detail: Any, value: Any) -> str:
    """Plain text of a feedparser text construct (``{"type": ..., "value": ...}``).

    Control, bidi-override and noncharacter code points are removed: the text is stored
    and later put in XML (MJML), headers and links.
    """
    if isinstance(detail, Mapping):
        kind = str(detail.get("type") or "")
        text = str(detail.get("value") or "")
    else:
        kind = "text/html"
        text = str(value or "")
    if "html" in kind:
        return remove_unsafe_characters(html_to_text(text))
    return _plain_paragraphs(remove_unsafe_characters(text))


# The zone at the end of a date as feeds write it: "-0500", "+05:30", "EST".
_ZONE = re.compile(
    r"(?:\s|\d)(?:(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})|(?P<name>[A-Z]{3}))\s*$"
)
_ZONES = {
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}


def utc_offset(written: str) -> int | None:
    """Minutes east of UTC of a feed date as written ("Thu, 19 Nov 2026 14:48:00 -0500":
    -300; "2026-11-19T20:18:00+05:30": 330); None for UTC ("GMT", "Z", "+0000") or no
    zone: then the outlet's own clock is unknown."""
    zone = _ZONE.search(written.strip())
    if zone is None:
        return None
    if zone["name"]:
        return _ZONES.get(zone["name"])
    minutes = int(zone["hours"]) * 60 + int(zone["minutes"])
    if minutes == 0 or minutes > 14 * 60:
        return None
    return -minutes if zone["sign"] == "-" else minutes


def _feed_date(raw: Any, key: str) -> datetime | None:
    """An item's ``published`` or ``updated`` date, in UTC. A date written all in
    figures is read here first: feedparser reads Global Times' "2026/12/03 23:38:00" as
    1 December, midnight (its ISO reading stops at the month), and gives up on
    Drupal's "Tue, 12/01/2026 - 17:20". One naming no such day is no date at all."""
    written = str(raw.get(key) or "")
    if _FIGURES_DATE.match(written):
        return _figures_date(written)
    return (
        _struct_datetime(raw.get(f"{key}_parsed"))
        or _rfc822_without_zone(written)
        or _words_date(written)
    )


def _rfc822_without_zone(written: str) -> datetime | None:
    """An RFC 822 date with its zone left off ("Fri, 4 Dec 2026 07:45:00"), which
    feedparser gives up on: read as UTC, as it reads any other date with no zone, rather
    than lose the item's day."""
    parts = email.utils.parsedate_tz(written) if _RFC822_NO_ZONE.match(written) else None
    if parts is None:
        return None
    try:
        return datetime(*parts[:6], tzinfo=UTC)
    except ValueError:
        return None


_RFC822_NO_ZONE = re.compile(
    r"^\s*(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$"
)


def _words_date(written: str) -> datetime | None:
    """A date written out in words, as a page prints it, with no zone ("Wednesday, 2
    December 2026 00:00", "December 2, 2026 5:40 PM"), which feedparser gives up on:
    read as UTC, as any date with no zone is. One whose weekday names another day is no
    date."""
    found = _WORDS_DATE.match(written)
    if found is None:
        return None
    month = _MONTHS_BY_NAME.get((found["month1"] or found["month2"])[:3].lower())
    day = int(found["day1"] or found["day2"])
    hour, minute = int(found["hour"] or 0), int(found["minute"] or 0)
    if found["half"] and hour <= 12:
        hour = hour % 12 + (12 if found["half"].lower().startswith("p") else 0)
    try:
        dated = datetime(int(found["year"]), month or 0, day, hour, minute, tzinfo=UTC)
    except ValueError:
        return None
    weekday = (found["weekday"] or "")[:3].lower()
    return dated if not weekday or dated.strftime("%a").lower() == weekday else None


_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WORDS_DATE = re.compile(
    r"^\s*(?:(?P<weekday>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*)\.?,?\s+)?"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTH_WORD})"
    rf"|(?P<month2>{_MONTH_WORD})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?)"
    r"\s+(?P<year>\d{4})"
    r"(?:,?\s*(?:at\s+)?-?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?"
    r"\s*(?P<half>[AaPp]\.?[Mm]\.?)?)?\s*$",
    re.IGNORECASE,
)
_MONTHS_BY_NAME = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


# Dates written all in figures, as some CMSs put them in feeds, without a zone (read as
# UTC, as feedparser reads a date with none): year first with slashes ("2026/12/03
# 23:38:00"), Drupal's month first with a dash before the time ("Tue, 12/01/2026 -
# 17:20"), and day first with dots ("03.12.2026 14:00").
_FIGURES_DATE = re.compile(
    r"^\s*(?:(?P<weekday>[A-Za-z]{3}),?\s+)?(?:"
    r"(?P<y1>\d{4})/(?P<m1>\d{1,2})/(?P<d1>\d{1,2})"
    r"|(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{4})"
    r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4}))"
    r"(?:\s*-?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?\s*$"
)


def _figures_date(written: str) -> datetime | None:
    found = _FIGURES_DATE.match(written)
    if found is None:
        return None
    year, month, day = next(
        (int(found[f"y{n}"]), int(found[f"m{n}"]), int(found[f"d{n}"]))
        for n in (1, 2, 3)
        if found[f"y{n}"]
    )
    hour, minute, second = (int(found[part] or 0) for part in ("hour", "minute", "second"))
    # Month first, as Drupal writes it; a slashed date whose weekday says otherwise
    # ("Wed, 02/12/2026" is 2 December) or whose first number is no month is day first.
    readings = [(month, day), (day, month)] if found["m2"] else [(month, day)]
    weekday = (found["weekday"] or "").lower()
    for first, second_ in readings:
        try:
            dated = datetime(year, first, second_, hour, minute, second, tzinfo=UTC)
        except ValueError:  # 31 February, 25:00, a 13th month
            continue
        if not weekday or dated.strftime("%a").lower() == weekday:
            return dated
    return None


def _struct_datetime(value: Any) -> datetime | None:
    # feedparser normalises every date it understands to a UTC struct_time.
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


def looks_like_html(content: bytes, content_type: str) -> bool:
    """Whether ``content_type`` says HTML, or ``content`` starts like an HTML page."""
    return is_html_type(content_type) or bool(
        _HTML_START.match(content[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf"))
    )


def is_html_type(content_type: str) -> bool:
    """Whether a Content-Type header value names HTML or XHTML (parameters ignored)."""
    return mime_type(content_type) in _HTML_TYPES


def mime_type(content_type: str) -> str:
    """The lower-cased media type of a Content-Type header value, "" if there is none."""
    return content_type.split(";", 1)[0].strip().lower()


# ---------------------------------------------------------------------------- html to text

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr"),
        *("li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead"),
        *("tfoot", "tr", "td", "th", "ul"),
    }
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
_PARAGRAPH = "\x00p"
_LINE = "\x00l"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        # convert_charrefs unescapes entities (&amp;, &#8217;) in text for us.
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag == "br":
            self.parts.append(_LINE)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED_TAGS:  # <script/> opens nothing to skip
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\x00", ""))


# This many "<" that open no tag: broken or hostile markup, not a page's odd "a < b"
# or an inline script's comparisons (one page of the extraction set has 300).
_UNCLOSED_SLACK = 64
_UNCLOSED = re.compile(r"<(?![^<>]*>)")


def _unclosed_many(html: str) -> bool:
    """Whether more than ``_UNCLOSED_SLACK`` of the "<" in ``html`` open no tag."""
    found = itertools.islice(_UNCLOSED.finditer(html), _UNCLOSED_SLACK + 1)
    return sum(1 for _ in found) > _UNCLOSED_SLACK


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities unescaped.

    Block elements become paragraphs separated by a blank line, ``<br>`` a line
    break; other whitespace collapses to single spaces. Script and style contents
    are dropped. Never raises.
    """
    if "<" not in html and "&" not in html:
        return _plain_paragraphs(html)
    if _unclosed_many(html):
        # Python's parser (3.11.7) takes quadratic time over many "<" that open no tag
        # ("<a <a <a ...", "<!-- <!-- ...": 17 s for 32 KB). A "<" with no ">" before
        # the next "<" is text: written as "&lt;", the parser reads it as text at once.
        # A comment that a "-->" closes later stays the parser's: its body may hold "<".
        closes = html.rfind("-->")

        def as_text(match: re.Match[str]) -> str:
            kept = html.startswith("<!--", match.start()) and match.start() < closes
            return match.group() if kept else "&lt;"

        html = _UNCLOSED.sub(as_text, html)
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = []
    for block in "".join(collector.parts).split(_PARAGRAPH):
        lines = (" ".join(line.split()) for line in block.split(_LINE))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _plain_paragraphs(text: str) -> str:
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
