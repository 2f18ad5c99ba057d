"""Feed rows and polls: which feeds exist, their HTTP state, and the entries a poll brings."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, select, update
from sqlalchemy.exc import IntegrityError

from digest.errors import StoreError
from digest.ids import article_id_for
from digest.models import FeedEntry, FetchOutcome, FetchResult
from digest.store import schema
from digest.store.base import StoreBase, _utc

__all__ = ["FeedQueries", "FeedState", "PollCounts"]

# After this many failures in a row a feed is polled less often: the wait doubles per
# failure from one hour, capped at a week, so a dead feed costs one request a week.
_BACKOFF_START = timedelta(hours=1)
_BACKOFF_CAP = timedelta(days=7)
_BACKOFF_AFTER = 3
_INSERT_RACE_RETRIES = 3


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


class FeedQueries(StoreBase):
    """Queries about feeds and the entries their polls bring."""

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
            except IntegrityError as exc:
                if attempt == _INSERT_RACE_RETRIES - 1:
                    raise StoreError(
                        f"{self.url}: could not store the entries of {feed_url}: {exc.orig}",
                        url=self.url,
                        hint="Another poller kept writing the same entries; run again.",
                    ) from exc
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
            elif result.outcome is FetchOutcome.GONE:
                # Not a success: the feed's last success stays the last time it answered.
                values.update(is_gone=True, last_error=result.error or "410 Gone")
            else:
                values.update(
                    consecutive_failures=0, last_success_at=now, next_poll_at=None, last_error=None
                )
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
                            # The old page text no longer describes the entry: drop it,
                            # so a failed refetch falls back to the new feed text.
                            text=None,
                            text_origin=None,
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
