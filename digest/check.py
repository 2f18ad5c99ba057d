"""The pre-send check: what an editor should fix in a built issue before it goes out.

:func:`check_issue` reads an issue directory (``digest.json`` and ``email.html``, as
``digest build`` writes them) and flags, story by story:

* **furniture**: a caption, credit, player chrome, promo, correction notice or other
  page furniture in any printed field (``digest.hygiene.furniture_kind``);
* **dateline**: a dateline at the start of a field or after a sentence in it;
* **dangling start**: a Briefly that opens on a sentence leaning on an earlier one
  ("He", "This", "The initiative, ...", "by that conclusion", "wrote on his page."),
  a teaser under its own article's title included (said so: it leans on that title), a
  note that does, a claim starting "and that";
* **repeated sentence**: the same sentence twice in the issue, or two sentences of one
  story that share most of their words;
* **relative date**: "this week", "yesterday" and the like without the date they mean;
* **speaker**: a perspective whose speaker is not a person, government or organisation;
* **missing take**: a story without "Our take";
* **size**: an HTML email over Gmail's clipping size (102 KB);
* **dead link** / **duplicate link**: a link that is not http(s), whose page answered an
  error when the issue was built (the build's warnings say so), or, with ``online``, that
  fails now (a login, paywall or rate-limit answer, 401/402/403/429, is not dead: a
  reader gets through where the fetcher did not); the same article linked twice in a
  story or in two stories;
* **unreachable link**: links to a site that refused the connection or answered a
  server error (5xx) at build time, one line per site: it was down, not the pages gone;
* **one outlet**: a story of two or more sources that all come from one outlet (one
  outlet's own pages told as a story; a single report a standing topic keeps is not);
* **to verify**: what the build flagged for the editors in the story (figures the
  outlets disagree on, a future tense about a day already past), as long as the
  text it is about is printed; listed, but it does not fail the check.

Nothing here changes the issue. The check reads what was built, so it also catches what
the editors' own text or a language model put there.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from digest.briefly import needs_antecedent
from digest.config import FetchConfig
from digest.dates import relative_date_words, strip_date_annotations
from digest.errors import FetchError, InputError
from digest.hygiene import clean_title, furniture_kind
from digest.net import create_client, run_blocking
from digest.speakers import is_speaker
from digest.text import content_words, is_title_of, split_sentences

__all__ = ["CATEGORIES", "GMAIL_CLIP_BYTES", "CheckReport", "Finding", "check_issue"]

GMAIL_CLIP_BYTES = 102 * 1024
"""Gmail shows "[Message clipped]" for an HTML body over about 102 KB."""

CATEGORIES = (
    "furniture",
    "dateline",
    "dangling start",
    "repeated sentence",
    "relative date",
    "speaker",
    "missing take",
    "size",
    "dead link",
    "unreachable link",
    "duplicate link",
    "one outlet",
    "to verify",
)
# Two sentences of one story that share this much of the shorter one's content words
# say the same thing.
_SAME_WORDS = 0.8
_MID_DATELINE = re.compile(
    r"(?<=[.!?”\"] )"
    r"(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]{2,}(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+){0,3}"
    r"(?: \([^)]{2,30}\))? ?[—–-]{1,2} "
    r"|[A-Z][\w.'’]+(?:,? [A-Z][\w.'’]+){0,3} \([A-Z][\w .]{1,30}\) ?[—–-]{1,2} )"
)
_DANGLING_CLAIM = re.compile(r"^(?:and|but|or) (?:that )?|^that\b", re.IGNORECASE)
# A page the build could not read is a dead link, except behind a login, a paywall or a
# rate limit (401, 402, 403, 429): the outlet refused the fetcher, not the reader, and
# flagging every New York Times source of every issue would teach editors to ignore it.
_BROKEN_PAGE = re.compile(
    r"^article (?P<url>\S+) \(.*?\): (?P<reason>HTTP (?!40[123]|429)[45]\d\d[^;]*|"
    r"[^;]*refused[^;]*|[^;]*not found[^;]*|[^;]*no such host[^;]*)"
)
_REFUSED_FETCHER = frozenset({401, 402, 403, 429})
# A refused connection or a server error says the site was down when the issue was
# built, not that the page is gone: one line per site, not one per link.
_PASSING = re.compile(r"refused|HTTP 5\d\d")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to fix: its category, where (story id and field) and what."""

    category: str
    story_id: str
    headline: str
    where: str
    detail: str

    def __str__(self) -> str:
        story = f"{self.story_id} “{self.headline}”" if self.story_id else "issue"
        # "missing take: take: ..." says its field twice.
        where = "" if self.category.endswith(self.where) else f"{self.where}: "
        return f"{story}: {self.category}: {where}{self.detail}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Every finding of one issue, in story order."""

    issue_dir: Path
    stories: int
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def failing(self) -> tuple[Finding, ...]:
        """The findings that fail the check: all but "to verify", which the editors may
        have verified already and cannot always make go away (two outlets' figures)."""
        return tuple(f for f in self.findings if f.category != "to verify")

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(f.category for f in self.findings)
        return {category: counted[category] for category in CATEGORIES if counted[category]}

    def to_json(self) -> dict[str, Any]:
        return {
            "issue_dir": str(self.issue_dir),
            "stories": self.stories,
            "counts": self.counts,
            "findings": [
                {
                    "category": f.category,
                    "story_id": f.story_id,
                    "headline": f.headline,
                    "where": f.where,
                    "detail": f.detail,
                }
                for f in self.findings
            ],
        }


def check_issue(
    issue_dir: Path, *, online: bool = False, fetch: FetchConfig | None = None
) -> CheckReport:
    """Check the built issue in ``issue_dir`` (see the module docstring for what).

    ``online`` also fetches every link (with ``fetch`` settings: timeouts, whether
    private addresses may be reached) and flags those that fail. Raises InputError when
    the directory holds no readable ``digest.json``.
    """
    document = _read_json(issue_dir / "digest.json")
    stories = [s for topic in document.get("topics", []) for s in topic.get("stories", [])]
    findings: list[Finding] = []
    for story in stories:
        findings.extend(_story_findings(story))
    findings.extend(_repeats_across(stories))
    # Also in the news and What to watch link articles too: a dead one there reads as
    # badly as under Sources.
    others = [
        _Link(str(b.get("id", "")), str(b.get("headline", "")), "also in the news", str(url))
        for b in document.get("also_in_the_news", [])
        if (url := b.get("url"))
    ] + [
        _Link(str(w.get("story_id", "")), str(w.get("text", "")), "what to watch", str(url))
        for w in document.get("watch", [])
        if (url := w.get("url"))
    ]
    findings.extend(_links(stories, others, document.get("warnings", []), online, fetch))
    html = issue_dir / "email.html"
    if html.exists() and html.stat().st_size > GMAIL_CLIP_BYTES:
        size = html.stat().st_size
        findings.append(
            Finding(
                "size",
                "",
                "",
                "email.html",
                f"{size / 1024:.0f} KB: Gmail clips the email after 102 KB; cut stories "
                "(newsletter.max_stories) or drop some in editorial.yaml.",
            )
        )
    return CheckReport(issue_dir, len(stories), tuple(findings))


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"{path}: no such file.",
            file=str(path),
            hint="Point digest check at an issue directory, like out/2026-11-23.",
        ) from None
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: not a readable digest.json ({exc}).",
            file=str(path),
            hint="Build the issue again with digest build.",
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a digest.json document.", file=str(path))
    return data


def _fields(story: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) of every printed field of a story."""
    yield "headline", str(story.get("headline", ""))
    for n, sentence in enumerate(story.get("briefly_sentences", []), start=1):
        yield f"Briefly sentence {n}", str(sentence.get("text", ""))
    for n, perspective in enumerate(story.get("perspectives", []), start=1):
        yield f"perspective {n} speaker", str(perspective.get("who", ""))
        yield f"perspective {n}", str(perspective.get("says", ""))
    if story.get("take"):
        yield "take", str(story["take"])
    for n, note in enumerate(story.get("also_worth_noting", []), start=1):
        yield f"note {n}", str(note.get("text", ""))
    for n, source in enumerate(story.get("sources", []), start=1):
        yield f"source {n} title", str(source.get("title", ""))


def _under_own_title(story: Mapping[str, Any]) -> bool:
    """Whether the Briefly opens on a teaser printed under its own article's title: an
    outlet writes the two as a pair ("The former Navy captain ... says" under "Senator
    Mark Kelly tells BBC ..."), so the headline is what the teaser leans on (the finding
    says so; the Briefly still says neither who nor what on its own)."""
    sentences = story.get("briefly_sentences") or [{}]
    url = sentences[0].get("source_url")
    headline = str(story.get("headline", ""))
    return any(
        source.get("url") == url and is_title_of(headline, str(source.get("title", "")))
        for source in story.get("sources", [])
    )


def _story_findings(story: Mapping[str, Any]) -> Iterator[Finding]:
    story_id, headline = str(story.get("id", "")), str(story.get("headline", ""))

    def finding(category: str, where: str, detail: str) -> Finding:
        return Finding(category, story_id, headline, where, detail)

    for where, text in _fields(story):
        # A source's title the build keeps whole though it reads as a teaser is the
        # page's own (digest.hygiene.clean_title).
        is_kept_title = where.endswith("title") and clean_title(text) == " ".join(text.split())
        kind = "" if is_kept_title else furniture_kind(text)
        if kind == "dateline" or (kind == "" and _MID_DATELINE.search(text)):
            yield finding("dateline", where, _quote(text))
        elif kind:
            yield finding("furniture", where, f"{kind}: {_quote(text)}")
        if not where.endswith(("speaker", "title")) and where != "headline":
            for words in relative_date_words(text):
                yield finding("relative date", where, f"“{words}” without a date: {_quote(text)}")
    briefly = [str(s.get("text", "")) for s in story.get("briefly_sentences", [])]
    if briefly and needs_antecedent(briefly[0]):
        # Under its own article's title the outlet's teaser reads as the pair it was
        # written as, but a reader still gets a Briefly that does not say who or what.
        own = "leans on its own article's title (the headline) or on text not shown: "
        detail = f"{own if _under_own_title(story) else ''}{_quote(briefly[0])}"
        yield finding("dangling start", "Briefly sentence 1", detail)
    for n, note in enumerate(story.get("also_worth_noting", []), start=1):
        if needs_antecedent(str(note.get("text", ""))):
            yield finding("dangling start", f"note {n}", _quote(str(note.get("text", ""))))
    for n, perspective in enumerate(story.get("perspectives", []), start=1):
        who, says = str(perspective.get("who", "")), str(perspective.get("says", ""))
        if _DANGLING_CLAIM.match(says):
            yield finding("dangling start", f"perspective {n}", _quote(says))
        # The build names a speaker with the role after the name ("Budiyono, who heads
        # ...", "Yale Galanter, one of the defense attorneys"): the name is the speaker.
        if not is_speaker(who) and not is_speaker(who.split(", ", 1)[0]):
            yield finding("speaker", f"perspective {n}", f"“{who}” is not a person or organisation")
    yield from _repeats_within(story, finding)
    if not str(story.get("take", "")).strip():
        yield finding("missing take", "take", "write one in editorial.yaml or the preview")
    outlets = {str(s.get("outlet", "")) for s in story.get("sources", [])}
    if len(story.get("sources", [])) > 1 and len(outlets) == 1:
        yield finding("one outlet", "sources", f"every source is {next(iter(outlets))}")
    # What the build asked the editors to verify (figures the outlets disagree on, a
    # future tense about a day already past): the build warned, the check says it again.
    for flag in story.get("flags", []):
        yield finding("to verify", "", str(flag))


def _printed_sentences(story: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = [
        (f"Briefly sentence {n}", str(s.get("text", "")))
        for n, s in enumerate(story.get("briefly_sentences", []), start=1)
    ]
    out += [
        (f"perspective {n}", str(p.get("says", "")))
        for n, p in enumerate(story.get("perspectives", []), start=1)
    ]
    out += [
        (f"note {n}", str(s.get("text", "")))
        for n, s in enumerate(story.get("also_worth_noting", []), start=1)
    ]
    return out


def _repeats_within(story: Mapping[str, Any], finding: Any) -> Iterator[Finding]:
    printed = _printed_sentences(story)
    # The dates the build adds ("Tuesday (17 November)") are not the sentence's own words:
    # two sentences about the same day are not a repeat.
    bags = [(where, text, _words_of(where, text)) for where, text in printed]
    for index, (where, text, bag) in enumerate(bags):
        for other_where, _other_text, other in bags[:index]:
            if bag and other and len(bag & other) / min(len(bag), len(other)) >= _SAME_WORDS:
                yield finding(
                    "repeated sentence",
                    where,
                    f"says what {other_where} says: {_quote(text)}",
                )
                break


def _words_of(where: str, text: str) -> set[str]:
    """The words a printed sentence says, for :func:`_repeats_within`. A voice's claim
    without the names in it: "they were not invited to the Cairo conference on Gaza's
    reconstruction" shares the event's names with the Briefly's "Egypt will host the
    Cairo conference on Gaza's reconstruction", not what it says of them."""
    words = set(content_words(strip_date_annotations(text)))
    if where.startswith("perspective"):
        names = {w for m in _NAME_IN_TEXT.finditer(text) for w in content_words(m.group(0))}
        words -= names
    return words


# A capitalised word after the first: a name.
_NAME_IN_TEXT = re.compile(r"(?<=\s)[A-Z][\w'’\-]*")


def _repeats_across(stories: Iterable[Mapping[str, Any]]) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for story in stories:
        for where, text in _printed_sentences(story):
            for sentence in split_sentences(text):
                key = " ".join(content_words(sentence))
                if len(key.split()) < 4:
                    continue
                if key in seen and seen[key] != story.get("id"):
                    yield Finding(
                        "repeated sentence",
                        str(story.get("id", "")),
                        str(story.get("headline", "")),
                        where,
                        f"also printed in story {seen[key]}: {_quote(sentence)}",
                    )
                seen.setdefault(key, str(story.get("id", "")))


@dataclass(frozen=True, slots=True)
class _Link:
    """One link the issue gives a reader, and where it stands."""

    story_id: str
    headline: str
    where: str  # "sources", "also in the news", "what to watch"
    url: str


def _links(
    stories: list[Mapping[str, Any]],
    others: Sequence[_Link],
    warnings: Iterable[str],
    online: bool,
    fetch: FetchConfig | None,
) -> Iterator[Finding]:
    broken = {}
    for warning in warnings:
        match = _BROKEN_PAGE.match(str(warning))
        if match:
            broken[match.group("url")] = match.group("reason").strip()
    links: list[_Link] = []
    for story in stories:
        story_id, headline = str(story.get("id", "")), str(story.get("headline", ""))
        counts = Counter(str(s.get("url", "")) for s in story.get("sources", []))
        for url, count in counts.items():
            if count > 1:
                yield Finding(
                    "duplicate link", story_id, headline, "sources", f"{url} listed {count} times"
                )
            links.append(_Link(story_id, headline, "sources", url))
    linked: dict[str, str] = {}
    urls: dict[str, _Link] = {}
    down: dict[tuple[str, str], list[_Link]] = {}
    for link in (*links, *others):
        url = link.url
        if link.where == "what to watch":
            # It links the article of a story above on purpose: checked once, as a source.
            if url in linked:
                continue
        else:
            if url in linked and linked[url] != link.story_id:
                yield Finding(
                    "duplicate link",
                    link.story_id,
                    link.headline,
                    link.where,
                    f"{url} is also a source of {linked[url]}",
                )
            linked.setdefault(url, link.story_id)
        urls.setdefault(url, link)
        if not re.match(r"^https?://[^\s/]+", url):
            detail = f"not a web address: {url!r}"
        elif url in broken and _PASSING.search(broken[url]):
            down.setdefault((urlsplit(url).netloc, broken[url]), []).append(link)
            continue
        elif url in broken:
            detail = f"{url}: {broken[url]} at build time"
        else:
            continue
        yield Finding("dead link", link.story_id, link.headline, link.where, detail)
    for (site, reason), failed in down.items():
        first = failed[0]
        one_story = len({link.story_id for link in failed}) == 1
        links_of = f"{len(failed)} link{'s' if len(failed) > 1 else ''}"
        yield Finding(
            "unreachable link",
            first.story_id if one_story else "",
            first.headline if one_story else "",
            first.where if len(failed) == 1 else "",
            f"{links_of} to {site}: {reason} at build time (the site was down or refused the "
            "fetcher, e.g. " + first.url + "); `digest check --online` tries them again",
        )
    if online:
        for url, reason in _fetch_all(
            sorted(u for u in urls if u.startswith("http")), fetch
        ).items():
            link = urls[url]
            yield Finding("dead link", link.story_id, link.headline, link.where, f"{url}: {reason}")


def _fetch_all(urls: list[str], fetch: FetchConfig | None) -> dict[str, str]:
    """Each URL that does not answer 2xx now, with the reason."""

    async def run() -> dict[str, str]:
        failed: dict[str, str] = {}
        async with create_client(fetch or FetchConfig()) as client:

            async def one(url: str) -> None:
                try:
                    response = await client.get(url)
                except FetchError as exc:
                    failed[url] = exc.message
                    return
                if not 200 <= response.status < 300 and response.status not in _REFUSED_FETCHER:
                    failed[url] = response.reason

            await asyncio.gather(*(one(url) for url in urls))
        return failed

    return run_blocking(run())


def _quote(text: str) -> str:
    short = text if len(text) <= 120 else text[:117] + "..."
    return f"“{short}”"
