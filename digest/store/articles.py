"""Articles: claiming pages for extraction, saving the text, and reading articles back."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update

from digest.ids import article_id_for
from digest.models import Article, ArticleId, TextOrigin
from digest.store import schema
from digest.store.base import StoreBase, _utc
from digest.text import remove_unsafe_characters

__all__ = ["ArticleQueries", "PendingPage", "new_claimer", "worker_is_gone", "worker_state"]


def new_claimer() -> str:
    """A name for one worker's claims: ``host:pid:token``.

    The token tells apart two runs in one process (the scheduler's poll and build jobs
    are threads of one process), so a build can see which pages another run claimed.
    """
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


# Claims made without a claimer of their own (older callers).
_CLAIMER = new_claimer()


def worker_state(claimer: str, started: datetime) -> str:
    """ "running", "gone" or "unknown": whether the process of ``claimer`` that began its
    work at ``started`` still runs. Known only on this machine; a process id taken by a
    process that started later (a restarted container reuses small ids) is gone too."""
    host, _, rest = claimer.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return "unknown"
    if worker_is_gone(claimer):
        return "gone"
    began = _process_start(int(pid))
    if began is None:
        return "unknown"
    return "gone" if began > started + _CLOCK_SLACK else "running"


# Process start times are read in clock ticks since boot: allow for their rounding.
_CLOCK_SLACK = timedelta(seconds=5)
# How long after its date a page's last change still dates its text: a report rewritten
# over the days of its event (two to three and a half days in the replica weeks' updated
# pages), not an archive page touched a year on. (ingest keeps only a change the page
# tells of: a touch-up's stamp is no rewrite.)
_UPDATED_WITHIN = timedelta(days=7)


def _process_start(pid: int) -> datetime | None:
    """When process ``pid`` started, from /proc (Linux); None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            # The command name (field 2) may hold spaces: fields are counted after it.
            fields = stat.read().rpartition(")")[2].split()
        with open("/proc/stat", encoding="ascii") as system:
            boot = next(int(line.split()[1]) for line in system if line.startswith("btime "))
        ticks = int(fields[19])  # field 22, starttime
        return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), UTC)
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def worker_is_gone(claimer: str) -> bool:
    """True when ``claimer`` ran on this host and its process is gone.

    Claimers are ``host:pid:token``, or ``host:pid`` as older versions wrote them.
    """
    host, _, rest = claimer.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine: only the claim's age can free it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(frozen=True, slots=True)
class PendingPage:
    article_id: ArticleId
    url: str
    outlet: str
    etag: str | None
    last_modified: str | None
    claimed_by: str | None = None


class ArticleQueries(StoreBase):
    """Queries about articles: extraction work and the articles of a window."""

    # -- extraction ----------------------------------------------------------

    def pending_pages(
        self, *, since: datetime, limit: int | None = None, ids: Sequence[str] | None = None
    ) -> list[PendingPage]:
        """Articles published since ``since`` whose page has not been extracted yet.

        ``ids`` narrows the answer to those articles (a batch just claimed).
        """
        articles, pages = schema.articles, schema.article_pages
        query = (
            select(
                articles.c.id,
                articles.c.url,
                articles.c.outlet,
                pages.c.etag,
                pages.c.last_modified,
                articles.c.claimed_by,
            )
            .select_from(articles.outerjoin(pages, pages.c.article_id == articles.c.id))
            .where(and_(articles.c.extracted_at.is_(None), articles.c.published >= since))
            .order_by(articles.c.published, articles.c.url)
        )
        if ids is not None:
            query = query.where(articles.c.id.in_(list(ids)))
        if limit is not None:
            query = query.limit(limit)
        with self._begin() as connection:
            return [
                PendingPage(ArticleId(r.id), r.url, r.outlet, r.etag, r.last_modified, r.claimed_by)
                for r in connection.execute(query)
            ]

    def claim_pages(
        self,
        *,
        since: datetime,
        clock_now: datetime,
        limit: int,
        stale: timedelta,
        claimer: str = _CLAIMER,
    ) -> list[PendingPage]:
        """Claim up to ``limit`` pending pages for ``claimer`` (see :func:`new_claimer`).

        ``clock_now`` is the wall clock (not the issue's fixed ``--now``). A claim is
        free again once it is older than ``stale`` or its worker, on this host, is no
        longer running (killed with -9), so a rerun after a crash redoes the work at
        once. On PostgreSQL candidate rows are locked with FOR UPDATE SKIP LOCKED while
        claimed, so pollers sharing the store never extract the same article twice.
        """
        articles = schema.articles
        pending = and_(articles.c.extracted_at.is_(None), articles.c.published >= since)
        with self._begin() as connection:
            claimers = connection.execute(
                select(articles.c.claimed_by)
                .where(and_(pending, articles.c.claimed_by.is_not(None)))
                .distinct()
            ).scalars()
            dead = sorted(c for c in claimers if worker_is_gone(c))
            free = or_(
                articles.c.claimed_at.is_(None),
                articles.c.claimed_at < clock_now - stale,
                articles.c.claimed_by.in_(dead),
            )
            query = (
                select(articles.c.id)
                .where(and_(pending, free))
                # Pages never tried before those a run already failed on.
                .order_by(
                    articles.c.extract_error.is_not(None), articles.c.published, articles.c.url
                )
                .limit(limit)
            )
            if not self.is_sqlite:
                query = query.with_for_update(skip_locked=True)
            ids = [row.id for row in connection.execute(query)]
            if ids:
                connection.execute(
                    update(articles)
                    .where(articles.c.id.in_(ids))
                    .values(claimed_at=clock_now, claimed_by=claimer)
                )
        return self.pending_pages(since=since, ids=ids) if ids else []

    def pages_claimed_by_others(
        self, *, since: datetime, clock_now: datetime, stale: timedelta, claimer: str
    ) -> list[PendingPage]:
        """Pending pages another live worker holds a fresh claim on (it is fetching them)."""
        pending = self.pending_pages(since=since)
        cutoff = clock_now - stale
        claimed = [p for p in pending if p.claimed_by and p.claimed_by != claimer]
        if not claimed:
            return []
        articles = schema.articles
        with self._begin() as connection:
            fresh = set(
                connection.execute(
                    select(articles.c.id).where(
                        and_(
                            articles.c.id.in_([p.article_id for p in claimed]),
                            articles.c.claimed_at >= cutoff,
                            # A page that failed is held for a later run, not in flight.
                            articles.c.extract_error.is_(None),
                        )
                    )
                ).scalars()
            )
        return [
            p for p in claimed if p.article_id in fresh and not worker_is_gone(p.claimed_by or "")
        ]

    def release_claim(self, article_id: ArticleId, *, claimer: str) -> None:
        """Give a claimed page back unfetched, for the next run (if ``claimer`` holds it)."""
        articles = schema.articles
        with self._begin() as connection:
            connection.execute(
                update(articles)
                .where(and_(articles.c.id == article_id, articles.c.claimed_by == claimer))
                .values(claimed_at=None, claimed_by=None)
            )

    def release_failed(self, *, claimer: str) -> int:
        """Free the pages ``claimer`` failed on and left pending (``save_extraction``'s
        ``retry``), for the next run; how many."""
        articles = schema.articles
        with self._begin() as connection:
            result = connection.execute(
                update(articles)
                .where(
                    and_(
                        articles.c.claimed_by == claimer,
                        articles.c.extracted_at.is_(None),
                        articles.c.extract_error.is_not(None),
                    )
                )
                .values(claimed_at=None, claimed_by=None)
            )
        return int(result.rowcount or 0)

    def save_extraction(
        self,
        article_id: ArticleId,
        *,
        text: str,
        origin: TextOrigin,
        now: datetime,
        language: str = "",
        error: str = "",
        etag: str | None = None,
        last_modified: str | None = None,
        final_url: str | None = None,
        page_published: datetime | None = None,
        page_utc_offset: int | None = None,
        page_kind: str = "",
        page_modified: datetime | None = None,
        retry: bool = False,
        title: str = "",
    ) -> None:
        """Record one article's text; committed on its own so a crash loses nothing done.

        A ``title`` replaces the feed's (when the feed's was no headline: a slug).

        With ``retry`` (the page failed for a reason that may pass: a timeout, a refused
        connection, a 5xx, an address the settings block) the text is the feed's for now
        and the page stays pending, still claimed: this run does not fetch it again;
        :meth:`release_failed` leaves it to the next.

        ``page_published`` (when the page says it came out) becomes the article's date
        only if its feed gave it none (``feed_dated`` false): a feed's own date is what
        the outlet announced, while an undated item's poll time says nothing. The page's
        ``page_utc_offset`` (the zone its date is written in) becomes the outlet's clock
        when the feed wrote its date in none (GMT: a Taipei paper's item of "Thu, 03 Dec
        2026 19:00:00 GMT" is its Friday's paper, as the page's "+08:00" says). A feed
        date in none that reads as the page's own local time is that time, and the
        page's date replaces it.

        ``page_modified`` (when the page says it was last changed) is kept as when its
        text was written (``Article.updated``) when it is later than its date by up to
        ``_UPDATED_WITHIN``: a report rewritten in place ("raised the toll to 23 on
        Friday", updated on Friday) tells its days from the update. Its date stays: an
        old article updated today is old, and a report corrected two days on is still
        the day's report for clustering.
        """
        articles, pages = schema.articles, schema.article_pages
        with self._begin() as connection:
            if title:
                connection.execute(
                    update(articles).where(articles.c.id == article_id).values(title=title)
                )
            if page_published is not None:
                connection.execute(
                    update(articles)
                    .where(and_(articles.c.id == article_id, articles.c.feed_dated.is_(False)))
                    # In UTC: SQLite keeps no zone, and every stored time is read as UTC.
                    .values(published=page_published.astimezone(UTC), utc_offset=page_utc_offset)
                )
            if page_published is not None and page_utc_offset is not None:
                feed = connection.execute(
                    select(articles.c.published, articles.c.utc_offset).where(
                        articles.c.id == article_id
                    )
                ).first()
                if (
                    feed is not None
                    and feed.utc_offset is None
                    and (stamp := _utc(feed.published)) is not None
                    and stamp.replace(tzinfo=None) == page_published.replace(tzinfo=None)
                ):
                    # The feed wrote the page's own local time without its zone, or
                    # with a wrong one ("2026-12-01 18:00:00" for a Kuala Lumpur page's
                    # "2026-12-01T18:00:00+08:00"): read as UTC, it is hours late.
                    connection.execute(
                        update(articles)
                        .where(articles.c.id == article_id)
                        .values(published=page_published.astimezone(UTC))
                    )
            if page_modified is not None:
                row = connection.execute(
                    select(articles.c.published).where(articles.c.id == article_id)
                ).first()
                dated = None if row is None else _utc(row.published)
                changed = page_modified.astimezone(UTC)
                if dated is not None and dated < changed <= dated + _UPDATED_WITHIN:
                    connection.execute(
                        update(articles).where(articles.c.id == article_id).values(updated=changed)
                    )
            if page_utc_offset is not None:
                connection.execute(
                    update(articles)
                    .where(and_(articles.c.id == article_id, articles.c.utc_offset.is_(None)))
                    .values(utc_offset=page_utc_offset)
                )
            done = {} if retry else {"extracted_at": now, "claimed_at": None, "claimed_by": None}
            connection.execute(
                update(articles)
                .where(articles.c.id == article_id)
                .values(
                    text=text,
                    text_origin=origin.value,
                    language=language,
                    extract_error=error or None,
                    page_kind=page_kind or None,
                    **done,
                )
            )
            connection.execute(pages.delete().where(pages.c.article_id == article_id))
            connection.execute(
                pages.insert().values(
                    article_id=article_id,
                    etag=etag,
                    last_modified=last_modified,
                    final_url=final_url,
                )
            )

    def keep_extraction(self, article_id: ArticleId, *, now: datetime) -> None:
        """The page answered 304: the text we have is still current."""
        articles = schema.articles
        with self._begin() as connection:
            connection.execute(
                update(articles)
                .where(articles.c.id == article_id)
                .values(extracted_at=now, claimed_at=None, claimed_by=None)
            )

    def extraction_problems(self, start: datetime, end: datetime) -> list[tuple[str, str, str]]:
        """(url, outlet, error) of window articles whose page could not be used."""
        articles = schema.articles
        query = (
            select(articles.c.url, articles.c.outlet, articles.c.extract_error)
            .where(
                and_(
                    articles.c.published >= start,
                    articles.c.published <= end,
                    articles.c.extract_error.is_not(None),
                )
            )
            .order_by(articles.c.url)
        )
        with self._begin() as connection:
            return [(r.url, r.outlet, r.extract_error) for r in connection.execute(query)]

    def moved_pages(self, start: datetime, end: datetime) -> dict[str, str]:
        """Window articles whose page was read at another address, by the address the
        feed gave: a tracking link that redirects ("feeds.example/~r/...") -> the page.
        Only where the page gave the article's text: a redirect to a consent or login
        wall is no address for a reader."""
        articles, pages = schema.articles, schema.article_pages
        query = (
            select(articles.c.url, pages.c.final_url)
            .join(pages, pages.c.article_id == articles.c.id)
            .where(
                and_(
                    articles.c.published >= start,
                    articles.c.published <= end,
                    pages.c.final_url.is_not(None),
                    pages.c.final_url != articles.c.url,
                    articles.c.text_origin == TextOrigin.PAGE.value,
                )
            )
        )
        with self._begin() as connection:
            return {r.url: r.final_url for r in connection.execute(query)}

    # -- articles --------------------------------------------------------------

    def has_articles(self) -> bool:
        """Whether any feed has brought an article yet (an empty store: nothing fetched)."""
        with self._begin() as connection:
            return connection.execute(select(schema.articles.c.id).limit(1)).first() is not None

    def newest_published(self) -> datetime | None:
        """When the newest article in the store was published; None for an empty store."""
        with self._begin() as connection:
            newest = connection.execute(select(func.max(schema.articles.c.published))).scalar()
        return _utc(newest) if newest is not None else None

    def articles_between(self, start: datetime, end: datetime) -> list[Article]:
        articles = schema.articles
        query = (
            select(articles)
            .where(and_(articles.c.published >= start, articles.c.published <= end))
            .order_by(articles.c.published, articles.c.url)
        )
        with self._begin() as connection:
            return [_article(row) for row in connection.execute(query)]

    def article_dating(self, url: str) -> tuple[datetime, bool] | None:
        """When the article at ``url`` counts as published, and whether its feed said so
        (false: its page did, or, unread, the poll time stands in); None if not stored."""
        articles = schema.articles
        with self._begin() as connection:
            row = connection.execute(
                select(articles.c.published, articles.c.feed_dated).where(
                    articles.c.id == article_id_for(url)
                )
            ).first()
        published = _utc(row.published) if row is not None else None
        if row is None or published is None:
            return None
        return published, row.feed_dated is not False

    def articles_by_id(self, ids: Iterable[str]) -> list[Article]:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        articles = schema.articles
        query = (
            select(articles)
            .where(articles.c.id.in_(wanted))
            .order_by(articles.c.published, articles.c.url)
        )
        with self._begin() as connection:
            return [_article(row) for row in connection.execute(query)]


def _article(row: Any) -> Article:
    # Text is cleaned as it is stored; cleaning again as it is read heals rows stored by
    # versions that did not (one control character in a title broke every rebuild).
    clean = remove_unsafe_characters
    text = clean(row.text if row.text else (row.content or row.summary or ""))
    origin = row.text_origin or (
        TextOrigin.FEED_CONTENT.value if row.content else TextOrigin.FEED_SUMMARY.value
    )
    published = _utc(row.published)
    assert published is not None  # the column is NOT NULL
    return Article(
        id=ArticleId(row.id),
        url=row.url,
        outlet=row.outlet,
        feed_url=row.feed_url,
        title=clean(row.title),
        published=published,
        text=text,
        summary=clean(row.summary or ""),
        text_origin=TextOrigin(origin),
        author=clean(row.author or ""),
        utc_offset=row.utc_offset,
        language=row.language or "",
        page_kind=row.page_kind or "",
        updated=_utc(row.updated),
    )
