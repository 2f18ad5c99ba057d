"""The store: feeds, articles, stories and issues, in SQLite or PostgreSQL.

Every query is a named method of :class:`Store`; no SQL outside this package. Work is
committed at stage boundaries (a feed's entries with its new ETag; each article's text
on its own; the issue last), so a killed run leaves the store consistent and the next
run picks up where it stopped (``extracted_at IS NULL``).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, create_engine, event, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from digest.errors import StoreError
from digest.models import (
    Article,
    ArticleId,
    FeedEntry,
    FetchOutcome,
    FetchResult,
    StoryId,
    TextOrigin,
)
from digest.store import schema
from digest.store.migrate import upgrade

__all__ = [
    "FeedState",
    "PendingPage",
    "PollCounts",
    "SentStory",
    "Store",
    "StoryRecord",
    "article_id_for",
    "open_store",
]

# After this many failures in a row a feed is polled less often: the wait doubles per
# failure from one hour, capped at a week, so a dead feed costs one request a week.
_BACKOFF_START = timedelta(hours=1)
_BACKOFF_CAP = timedelta(days=7)
_BACKOFF_AFTER = 3
_INSERT_RACE_RETRIES = 3


# Who claims pages: this process on this host.
_CLAIMER = f"{socket.gethostname()}:{os.getpid()}"


def _claimer_is_dead(claimer: str) -> bool:
    """True when ``claimer`` ran on this host and its process is gone."""
    host, _, pid = claimer.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine: only the claim's age can free it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def article_id_for(url: str) -> ArticleId:
    return ArticleId(hashlib.sha1(url.encode("utf-8")).hexdigest())


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; everything we store is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _content_hash(entry: FeedEntry) -> str:
    material = "\x1f".join((entry.title, entry.summary, entry.content, entry.url))
    return hashlib.sha1(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    name: str
    current_url: str
    etag: str | None
    last_modified: str | None
    is_gone: bool
    next_poll_at: datetime | None
    last_success_at: datetime | None
    last_error: str
    last_outcome: str
    consecutive_failures: int
    entries_seen: int


@dataclass(frozen=True, slots=True)
class PollCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True, slots=True)
class PendingPage:
    article_id: ArticleId
    url: str
    outlet: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """What an issue did with a story, for the store."""

    story_id: StoryId
    article_ids: tuple[ArticleId, ...]
    headline: str
    sentences: tuple[str, ...]
    topic: str
    is_included: bool
    why: str


@dataclass(frozen=True, slots=True)
class SentStory:
    """A story that went out in an earlier issue."""

    story_id: StoryId
    issue_date: str
    article_ids: frozenset[ArticleId]
    sentences: frozenset[str]


class Store:
    """A connection to the database. Use :func:`open_store`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except OperationalError as exc:
            raise StoreError(
                f"{self.url}: database error: {exc.orig}",
                url=self.url,
                hint="Check that the database is reachable and not locked by another program.",
            ) from exc

    # -- feeds ---------------------------------------------------------------

    def sync_feeds(self, configured: Iterable[tuple[str, str]]) -> None:
        """Make sure every configured (url, name) has a row; names follow the config."""
        table = schema.feeds
        with self._begin() as connection:
            existing = {row.url: row.name for row in connection.execute(select(table))}
            for url, name in configured:
                if url not in existing:
                    connection.execute(
                        table.insert().values(
                            url=url,
                            name=name,
                            current_url=url,
                            is_gone=False,
                            consecutive_failures=0,
                            entries_seen=0,
                        )
                    )
                elif existing[url] != name:
                    connection.execute(update(table).where(table.c.url == url).values(name=name))

    def feed_states(self, urls: Sequence[str] | None = None) -> list[FeedState]:
        table = schema.feeds
        query = select(table).order_by(table.c.name)
        if urls is not None:
            query = query.where(table.c.url.in_(list(urls)))
        with self._begin() as connection:
            return [
                FeedState(
                    url=row.url,
                    name=row.name,
                    current_url=row.current_url,
                    etag=row.etag,
                    last_modified=row.last_modified,
                    is_gone=bool(row.is_gone),
                    next_poll_at=_utc(row.next_poll_at),
                    last_success_at=_utc(row.last_success_at),
                    last_error=row.last_error or "",
                    last_outcome=row.last_outcome or "",
                    consecutive_failures=row.consecutive_failures,
                    entries_seen=row.entries_seen,
                )
                for row in connection.execute(query)
            ]

    def record_poll(self, feed_url: str, result: FetchResult, *, now: datetime) -> PollCounts:
        """Store a poll's entries and the feed's new state in one transaction.

        Two pollers sharing a store may insert the same new article at once; the loser's
        transaction fails on the unique URL and is simply run again, when it finds the
        winner's row.
        """
        for attempt in range(_INSERT_RACE_RETRIES):
            try:
                return self._record_poll(feed_url, result, now=now)
            except IntegrityError:
                if attempt == _INSERT_RACE_RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _record_poll(self, feed_url: str, result: FetchResult, *, now: datetime) -> PollCounts:
        table = schema.feeds
        counts = PollCounts()
        with self._begin() as connection:
            row = connection.execute(select(table).where(table.c.url == feed_url)).one()
            values: dict[str, Any] = {"last_polled_at": now, "last_outcome": result.outcome.value}
            if result.outcome is FetchOutcome.FAILED:
                failures = row.consecutive_failures + 1
                values.update(consecutive_failures=failures, last_error=result.error)
                if failures >= _BACKOFF_AFTER:
                    wait = min(_BACKOFF_START * 2 ** (failures - _BACKOFF_AFTER), _BACKOFF_CAP)
                    values["next_poll_at"] = now + wait
            else:
                values.update(
                    consecutive_failures=0, last_success_at=now, next_poll_at=None, last_error=None
                )
                if result.outcome is FetchOutcome.GONE:
                    values.update(is_gone=True, last_error=result.error or "410 Gone")
                if result.etag is not None or result.last_modified is not None:
                    values.update(etag=result.etag, last_modified=result.last_modified)
                if result.outcome is FetchOutcome.MOVED and result.final_url:
                    values["current_url"] = result.final_url
                if result.entries:
                    counts = self._upsert_entries(connection, feed_url, result.entries, now)
                    values["entries_seen"] = row.entries_seen + counts.new
            connection.execute(update(table).where(table.c.url == feed_url).values(**values))
        return counts

    def _upsert_entries(
        self, connection: Connection, feed_url: str, items: Sequence[FeedEntry], now: datetime
    ) -> PollCounts:
        articles, entries = schema.articles, schema.entries
        new = updated = unchanged = 0
        for entry in items:
            if not entry.url:
                continue
            content_hash = _content_hash(entry)
            linked = connection.execute(
                select(entries.c.article_id).where(
                    and_(entries.c.feed_url == feed_url, entries.c.key == entry.key)
                )
            ).scalar()
            by_url = connection.execute(
                select(articles.c.id, articles.c.content_hash).where(articles.c.url == entry.url)
            ).one_or_none()
            article_id = linked or (by_url.id if by_url is not None else None)
            if article_id is None:
                article_id = article_id_for(entry.url)
                connection.execute(
                    articles.insert().values(
                        id=article_id,
                        url=entry.url,
                        feed_url=feed_url,
                        outlet=entry.outlet,
                        title=entry.title,
                        summary=entry.summary,
                        content=entry.content,
                        author=entry.author,
                        published=entry.published,
                        content_hash=content_hash,
                        first_seen_at=now,
                        updated_at=now,
                        language="",
                    )
                )
                new += 1
            else:
                current = connection.execute(
                    select(articles.c.content_hash).where(articles.c.id == article_id)
                ).scalar()
                if current != content_hash and linked is not None:
                    # Same entry, new content: update in place and extract again.
                    connection.execute(
                        update(articles)
                        .where(articles.c.id == article_id)
                        .values(
                            title=entry.title,
                            summary=entry.summary,
                            content=entry.content,
                            author=entry.author,
                            content_hash=content_hash,
                            updated_at=now,
                            extracted_at=None,
                            claimed_at=None,
                            claimed_by=None,
                        )
                    )
                    updated += 1
                else:
                    unchanged += 1
            if linked is None:
                connection.execute(
                    entries.insert().values(feed_url=feed_url, key=entry.key, article_id=article_id)
                )
        return PollCounts(new=new, updated=updated, unchanged=unchanged)

    # -- extraction ----------------------------------------------------------

    def pending_pages(self, *, since: datetime, limit: int | None = None) -> list[PendingPage]:
        """Articles published since ``since`` whose page has not been extracted yet."""
        articles, pages = schema.articles, schema.article_pages
        query = (
            select(
                articles.c.id,
                articles.c.url,
                articles.c.outlet,
                pages.c.etag,
                pages.c.last_modified,
            )
            .select_from(articles.outerjoin(pages, pages.c.article_id == articles.c.id))
            .where(and_(articles.c.extracted_at.is_(None), articles.c.published >= since))
            .order_by(articles.c.published, articles.c.url)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._begin() as connection:
            return [
                PendingPage(ArticleId(r.id), r.url, r.outlet, r.etag, r.last_modified)
                for r in connection.execute(query)
            ]

    def claim_pages(
        self, *, since: datetime, clock_now: datetime, limit: int, stale: timedelta
    ) -> list[PendingPage]:
        """Claim up to ``limit`` pending pages for this worker.

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
            dead = sorted(c for c in claimers if _claimer_is_dead(c))
            free = or_(
                articles.c.claimed_at.is_(None),
                articles.c.claimed_at < clock_now - stale,
                articles.c.claimed_by.in_(dead),
            )
            query = (
                select(articles.c.id)
                .where(and_(pending, free))
                .order_by(articles.c.published, articles.c.url)
                .limit(limit)
            )
            if not self.is_sqlite:
                query = query.with_for_update(skip_locked=True)
            ids = [row.id for row in connection.execute(query)]
            if ids:
                connection.execute(
                    update(articles)
                    .where(articles.c.id.in_(ids))
                    .values(claimed_at=clock_now, claimed_by=_CLAIMER)
                )
        wanted = set(ids)
        return [p for p in self.pending_pages(since=since) if p.article_id in wanted]

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
    ) -> None:
        """Record one article's text; committed on its own so a crash loses nothing done."""
        articles, pages = schema.articles, schema.article_pages
        with self._begin() as connection:
            connection.execute(
                update(articles)
                .where(articles.c.id == article_id)
                .values(
                    text=text,
                    text_origin=origin.value,
                    extracted_at=now,
                    language=language,
                    extract_error=error or None,
                    claimed_at=None,
                    claimed_by=None,
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

    # -- articles and stories -------------------------------------------------

    def articles_between(self, start: datetime, end: datetime) -> list[Article]:
        articles = schema.articles
        query = (
            select(articles)
            .where(and_(articles.c.published >= start, articles.c.published <= end))
            .order_by(articles.c.published, articles.c.url)
        )
        with self._begin() as connection:
            return [_article(row) for row in connection.execute(query)]

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

    def sent_stories(self, *, before: str, since: str) -> list[SentStory]:
        """Stories of issues dated in [since, before): what readers have already seen."""
        links, told = schema.story_articles, schema.issue_stories
        with self._begin() as connection:
            rows = connection.execute(
                select(links.c.story_id, links.c.article_id, links.c.issue_date).where(
                    and_(links.c.issue_date < before, links.c.issue_date >= since)
                )
            ).all()
            sentence_rows = connection.execute(
                select(told.c.story_id, told.c.sentences).where(
                    and_(
                        told.c.issue_date < before,
                        told.c.issue_date >= since,
                        told.c.is_included.is_(True),
                    )
                )
            ).all()
        sentences: dict[str, set[str]] = {}
        for story_id, blob in sentence_rows:
            sentences.setdefault(story_id, set()).update(json.loads(blob))
        grouped: dict[str, tuple[str, set[ArticleId]]] = {}
        for story_id, article_id, issue_date in rows:
            last, members = grouped.get(story_id, (issue_date, set()))
            members.add(ArticleId(article_id))
            grouped[story_id] = (max(last, issue_date), members)
        return [
            SentStory(
                StoryId(story_id), last, frozenset(members), frozenset(sentences.get(story_id, ()))
            )
            for story_id, (last, members) in sorted(grouped.items())
        ]

    def record_issue(
        self,
        issue_date: str,
        *,
        path: str,
        now: datetime,
        stories: Sequence[StoryRecord],
        is_scheduled: bool,
        html_bytes: int,
    ) -> None:
        """Record a built issue, the stories it holds and those it left out, and why."""
        issues, told, links = schema.issues, schema.issue_stories, schema.story_articles
        with self._begin() as connection:
            previous = connection.execute(
                select(issues.c.is_scheduled).where(issues.c.issue_date == issue_date)
            ).scalar()
            connection.execute(issues.delete().where(issues.c.issue_date == issue_date))
            connection.execute(told.delete().where(told.c.issue_date == issue_date))
            connection.execute(links.delete().where(links.c.issue_date == issue_date))
            connection.execute(
                issues.insert().values(
                    issue_date=issue_date,
                    built_at=now,
                    path=path,
                    is_scheduled=bool(is_scheduled or previous),
                    story_count=sum(1 for s in stories if s.is_included),
                    html_bytes=html_bytes,
                )
            )
            for story in stories:
                connection.execute(
                    told.insert().values(
                        issue_date=issue_date,
                        story_id=story.story_id,
                        headline=story.headline,
                        sentences=json.dumps(list(story.sentences), ensure_ascii=False),
                        topic=story.topic,
                        is_included=story.is_included,
                        why=story.why,
                    )
                )
                if not story.is_included:
                    continue
                for article_id in sorted(set(story.article_ids)):
                    connection.execute(
                        links.insert().values(
                            story_id=story.story_id, article_id=article_id, issue_date=issue_date
                        )
                    )

    def story_history(self, story_id: str) -> list[dict[str, Any]]:
        """Every issue that considered this story: date, topic, included or not, and why."""
        told = schema.issue_stories
        query = select(told).where(told.c.story_id == story_id).order_by(told.c.issue_date)
        with self._begin() as connection:
            return [
                {
                    "issue_date": row.issue_date,
                    "headline": row.headline,
                    "topic": row.topic,
                    "is_included": bool(row.is_included),
                    "why": row.why,
                }
                for row in connection.execute(query)
            ]

    def issue_is_scheduled_built(self, issue_date: str) -> bool:
        issues = schema.issues
        with self._begin() as connection:
            value = connection.execute(
                select(issues.c.is_scheduled).where(issues.c.issue_date == issue_date)
            ).scalar()
        return bool(value)

    # -- runs ----------------------------------------------------------------

    def start_run(self, kind: str, *, now: datetime) -> int:
        with self._begin() as connection:
            result = connection.execute(
                schema.runs.insert().values(kind=kind, started_at=now, summary="{}")
            )
            key = result.inserted_primary_key
            return int(key[0]) if key is not None else 0

    def finish_run(self, run_id: int, *, now: datetime, ok: bool, summary: dict[str, Any]) -> None:
        runs = schema.runs
        with self._begin() as connection:
            connection.execute(
                update(runs)
                .where(runs.c.id == run_id)
                .values(finished_at=now, ok=ok, summary=json.dumps(summary, sort_keys=True))
            )

    def recent_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        runs = schema.runs
        with self._begin() as connection:
            rows = connection.execute(select(runs).order_by(runs.c.id.desc()).limit(limit)).all()
        return [
            {
                "id": row.id,
                "kind": row.kind,
                "started_at": _utc(row.started_at),
                "finished_at": _utc(row.finished_at),
                "ok": row.ok,
                "summary": json.loads(row.summary or "{}"),
            }
            for row in rows
        ]


def _article(row: Any) -> Article:
    text = row.text if row.text else (row.content or row.summary or "")
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
        title=row.title,
        published=published,
        text=text,
        summary=row.summary or "",
        text_origin=TextOrigin(origin),
        author=row.author or "",
        language=row.language or "",
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets a preview read while a poller writes; the busy timeout turns a brief lock
    # into a wait instead of an error.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # Take the write lock when a transaction starts. SQLite's default deferred start
    # lets two processes read the same pending rows and then fail to upgrade to a
    # write (SQLITE_BUSY_SNAPSHOT under WAL, which busy_timeout does not retry);
    # IMMEDIATE makes the second wait instead, so claims never overlap.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def open_store(url: str) -> Store:
    """Connect to ``url`` and bring its schema up to date.

    Raises StoreError when the database cannot be opened or is newer than this program.
    """
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(
            f"{url}: cannot open the store: {exc}",
            url=url,
            hint="Check storage.url in feeds.yaml (postgresql needs: pip install "
            "'newsletter-digest[postgres]').",
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        upgrade(engine, url=url)
    except OperationalError as exc:
        raise StoreError(
            f"{url}: cannot open the store: {exc.orig}",
            url=url,
            hint="Check that the directory exists and is writable, or that the server runs.",
        ) from exc
    return Store(engine, url)
