"""The sample's source data: outlets and the article records in ``data/week*.txt``.

The generator turns these into pages and feeds under ``site/``; the public constants in
``digest.sample`` (expected stories, continuations) are derived from the same records so
the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from importlib import resources

__all__ = [
    "BROKEN_OUTLET",
    "OUTLETS",
    "WEEK_NOW",
    "FeedFormat",
    "Outlet",
    "SampleArticle",
    "load_articles",
]


class FeedFormat(StrEnum):
    RSS = "rss"
    ATOM = "atom"
    BROKEN = "broken"  # not XML at all: exercises the fetch stage's failure path


@dataclass(frozen=True, slots=True)
class Outlet:
    """A fictional publication: its URL prefix, its feed and the feed's format."""

    slug: str
    name: str
    feed_format: FeedFormat

    @property
    def feed_path(self) -> str:
        file = "atom.xml" if self.feed_format is FeedFormat.ATOM else "rss.xml"
        return f"{self.slug}/{file}"


OUTLETS: tuple[Outlet, ...] = (
    Outlet("ledger", "The Atlantic Ledger", FeedFormat.RSS),
    Outlet("baltic", "Baltic Wire", FeedFormat.ATOM),
    Outlet("observer", "Pacific Observer", FeedFormat.RSS),
    Outlet("review", "Continental Review", FeedFormat.ATOM),
    Outlet("meridian", "Meridian Daily", FeedFormat.BROKEN),
)
BROKEN_OUTLET = OUTLETS[-1]

# The fixed clock of each week's demo: the Monday morning after the week's news.
WEEK_NOW: dict[int, datetime] = {
    1: datetime(2026, 11, 23, 6, 0, tzinfo=UTC),
    2: datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
}


@dataclass(frozen=True, slots=True)
class SampleArticle:
    """One article record. ``path`` is relative to the site root, e.g.
    ``ledger/2026/11/18/nato-tokyo-office.html``; ``is_dead`` means the feed links to it
    but the server has no page (404)."""

    path: str
    week: int
    published: datetime
    author: str
    story: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    continues: str = ""
    is_dead: bool = False

    @property
    def outlet(self) -> Outlet:
        slug = self.path.split("/", 1)[0]
        return next(o for o in OUTLETS if o.slug == slug)

    @property
    def slug(self) -> str:
        return self.path.rsplit("/", 1)[-1].removesuffix(".html")

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@cache
def load_articles(week: int) -> tuple[SampleArticle, ...]:
    """The records of ``data/week{week}.txt`` in file order.

    Raises ValueError naming the record if one is malformed, so a typo in the data
    fails the generator and the tests rather than producing a quietly broken site.
    """
    text = (resources.files(__package__) / "data" / f"week{week}.txt").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    chunks = "\n".join(lines).split("\n=== ")[1:]
    return tuple(_parse_record(chunk, week) for chunk in chunks)


def _parse_record(chunk: str, week: int) -> SampleArticle:
    head, _, body = chunk.partition("\n---\n")
    path, *header_lines = head.strip().splitlines()
    fields = {}
    for line in header_lines:
        key, sep, value = line.partition(": ")
        if not sep:
            raise ValueError(f"week{week}.txt: {path}: bad header line {line!r}")
        fields[key] = value.strip()
    try:
        published = datetime.fromisoformat(fields["published"]).astimezone(UTC)
        article = SampleArticle(
            path=path.strip(),
            week=week,
            published=published,
            author=fields["author"],
            story=fields["story"],
            title=fields["title"],
            summary=fields["summary"],
            paragraphs=tuple(p.strip() for p in body.split("\n\n") if p.strip()),
            continues=fields.get("continues", ""),
            is_dead=fields.get("dead", "") == "yes",
        )
    except KeyError as exc:
        raise ValueError(f"week{week}.txt: {path}: missing header {exc}") from None
    expected_prefix = f"{article.outlet.slug}/{published:%Y/%m/%d}/"
    if not article.path.startswith(expected_prefix):
        raise ValueError(f"week{week}.txt: {path}: path should start with {expected_prefix}")
    return article
