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
        """Insert new articles, update the ones these entries own, link the rest.

        An article's content is written only by the entry that created it: another
        feed listing the same URL (a syndicated copy, or a hostile feed with a
        ``?utm_source=`` variant) gets an ``entries`` row pointing at it and nothing
        more. When an owning entry keeps its guid but changes its link, the article
        moves to the new URL and its page is fetched again.
        """
        articles, entries = schema.articles, schema.entries
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        for entry in items:
            if not entry.url:
                continue
            linked = connection.execute(
                select(articles.c.id, articles.c.url, articles.c.feed_url, articles.c.owner_key)
                .select_from(articles.join(entries, entries.c.article_id == articles.c.id))
                .where(and_(entries.c.feed_url == feed_url, entries.c.key == entry.key))
            ).one_or_none()
            is_owner = linked is not None and _owns(linked, feed_url, entry.key)
            # An owner whose new link is already another article's joins that one.
            moves_in_place = linked is not None and (
                linked.url == entry.url or (is_owner and not self._url_taken(connection, entry.url))
            )
            if linked is not None and moves_in_place:
                if is_owner:
                    outcome = self._update_owned(connection, linked.id, entry, now)
                else:
                    outcome = "unchanged"  # another entry's article: a link only
            else:
                article_id, outcome = self._article_for_url(connection, feed_url, entry, now)
                if linked is None:
                    connection.execute(
                        entries.insert().values(
                            feed_url=feed_url, key=entry.key, article_id=article_id
                        )
                    )
                else:  # a linking entry now points elsewhere: follow it
                    connection.execute(
                        update(entries)
                        .where(and_(entries.c.feed_url == feed_url, entries.c.key == entry.key))
                        .values(article_id=article_id)
                    )
            counts[outcome] += 1
        return PollCounts(**counts)

    def _article_for_url(
        self, connection: Connection, feed_url: str, entry: FeedEntry, now: datetime
    ) -> tuple[str, str]:
        """The article at ``entry.url`` (linked, not changed), else a new one it owns."""
        articles = schema.articles
        existing = connection.execute(
            select(articles.c.id).where(articles.c.url == entry.url)
        ).scalar()
        if existing is not None:
            return str(existing), "unchanged"
        article_id = article_id_for(entry.url)
        suffix = 0
        while connection.execute(select(articles.c.id).where(articles.c.id == article_id)).first():
            # The id of an article that has since moved to a new link (ids never change).
            suffix += 1
            article_id = article_id_for(f"{entry.url}\n{suffix}")
        connection.execute(
            articles.insert().values(
                id=article_id,
                url=entry.url,
                feed_url=feed_url,
                owner_key=entry.key,
                outlet=entry.outlet,
                title=entry.title,
                summary=entry.summary,
                content=entry.content,
                author=entry.author,
                published=entry.published,
                utc_offset=entry.utc_offset,
                feed_dated=entry.dated,
                content_hash=_content_hash(entry),
                first_seen_at=now,
                updated_at=now,
                language="",
            )
        )
        return article_id, "new"

    def _update_owned(
        self, connection: Connection, article_id: str, entry: FeedEntry, now: datetime
    ) -> str:
        """Bring an article up to date with the entry that owns it: "updated" or "unchanged"."""
        articles = schema.articles
        row = connection.execute(
            select(articles.c.url, articles.c.content_hash, articles.c.owner_key).where(
                articles.c.id == article_id
            )
        ).one()
        content_hash = _content_hash(entry)
        if row.content_hash == content_hash and row.owner_key is not None:
            return "unchanged"
        values: dict[str, Any] = {"owner_key": entry.key}
        if row.content_hash != content_hash:
            values.update(
                title=entry.title,
                summary=entry.summary,
                content=entry.content,
                author=entry.author,
                utc_offset=entry.utc_offset,
                content_hash=content_hash,
                updated_at=now,
                # The old page text no longer describes the entry: drop it, so a failed
                # refetch falls back to the new feed text.
                text=None,
                text_origin=None,
                extracted_at=None,
                claimed_at=None,
                claimed_by=None,
            )
        if row.url != entry.url:
            # Same guid, new link: the new link wins and its page is fetched afresh (the
            # old page's validators must not be sent to the new URL).
            values["url"] = entry.url
            pages = schema.article_pages
            connection.execute(pages.delete().where(pages.c.article_id == article_id))
        connection.execute(update(articles).where(articles.c.id == article_id).values(**values))
        return "updated" if row.content_hash != content_hash else "unchanged"

    def _url_taken(self, connection: Connection, url: str) -> bool:
        articles = schema.articles
        return (
            connection.execute(select(articles.c.id).where(articles.c.url == url)).first()
            is not None
        )


def _owns(article: Any, feed_url: str, key: str) -> bool:
    """Whether the entry ``(feed_url, key)`` owns ``article`` (a row with feed_url, owner_key).

    A row from before ownership was recorded (NULL owner_key) belongs to its own feed.
    """
    return bool(article.feed_url == feed_url and article.owner_key in (key, None))
