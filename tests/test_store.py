"""The store on a real SQLite file (and PostgreSQL when DIGEST_TEST_PG_URL is set)."""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from digest.errors import LockedError, StoreError
from digest.models import FeedEntry, FetchOutcome, FetchResult, TextOrigin
from digest.store import Store, open_store, schema
from digest.store.locks import MIGRATION_LOCK, build_lock
from digest.store.migrate import all_migrations, pending
from digest.store.vectors import RETENTION

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
FEED = "https://example.org/feed.xml"
OTHER = "https://other.example/rss"


def _entry(key: str, url: str, title: str = "Title", feed: str = FEED, **extra: str) -> FeedEntry:
    return FeedEntry(
        key=key,
        feed_url=feed,
        outlet="Example" if feed == FEED else "Other",
        url=url,
        title=title,
        summary=extra.get("summary", "A teaser."),
        content=extra.get("content", ""),
        published=NOW - timedelta(days=1),
    )


def _ok(*entries: FeedEntry, etag: str = '"v1"') -> FetchResult:
    return FetchResult(FEED, FetchOutcome.OK, FEED, etag=etag, entries=entries)


def _pg_url() -> str:
    url = os.environ.get("DIGEST_TEST_PG_URL")
    if not url:
        pytest.skip("DIGEST_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'digest.db'}"
    else:
        url = _pg_url()
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
    opened = open_store(url)
    opened.sync_feeds([(FEED, "Example"), (OTHER, "Other")])
    yield opened
    opened.close()


def test_migrations_create_exactly_the_declared_schema(store: Store) -> None:
    inspector = inspect(store.engine)
    assert set(inspector.get_table_names()) == set(schema.metadata.tables)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
        keys = inspector.get_pk_constraint(table.name)["constrained_columns"]
        assert set(keys) == {c.name for c in table.primary_key.columns}, table.name
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name
    assert pending(store.engine) == ()
    assert [m.version for m in all_migrations()] == list(range(1, len(all_migrations()) + 1))


def test_rerun_of_the_same_poll_adds_nothing(store: Store) -> None:
    result = _ok(
        _entry("guid-1", "https://example.org/a"), _entry("guid-2", "https://example.org/b")
    )
    first = store.record_poll(FEED, result, now=NOW)
    second = store.record_poll(FEED, result, now=NOW)
    assert (first.new, second.new, second.unchanged) == (2, 0, 2)
    assert len(store.articles_between(NOW - timedelta(days=7), NOW)) == 2


def test_the_zone_a_feed_wrote_its_date_in_is_kept(store: Store) -> None:
    zoned = dataclasses.replace(_entry("g1", "https://example.org/a"), utc_offset=-300)
    store.record_poll(FEED, _ok(zoned, _entry("g2", "https://example.org/b")), now=NOW)
    articles = store.articles_between(NOW - timedelta(days=7), NOW)
    assert sorted((a.url, a.utc_offset) for a in articles) == [
        ("https://example.org/a", -300),
        ("https://example.org/b", None),
    ]


def test_a_pages_zone_is_the_outlets_clock_when_its_feed_wrote_none(store: Store) -> None:
    zoned = dataclasses.replace(_entry("g1", "https://example.org/a"), utc_offset=-300)
    store.record_poll(FEED, _ok(zoned, _entry("g2", "https://example.org/b")), now=NOW)
    for page in store.pending_pages(since=NOW - timedelta(days=7)):
        store.save_extraction(
            page.article_id,
            text="Body.",
            origin=TextOrigin.PAGE,
            now=NOW,
            page_published=NOW - timedelta(hours=3),
            page_utc_offset=480,
        )
    articles = store.articles_between(NOW - timedelta(days=7), NOW)
    # The feed's own zone stands; a GMT date takes the page's. The feed's dates stand.
    assert sorted((a.url, a.utc_offset) for a in articles) == [
        ("https://example.org/a", -300),
        ("https://example.org/b", 480),
    ]
    assert {a.published for a in articles} == {_entry("g", "https://example.org/a").published}


def test_a_feed_date_written_in_the_pages_local_time_without_its_zone_is_that_time(
    store: Store,
) -> None:
    # Kuala Lumpur's feed writes "2026-11-22 06:00:00", its page "...T06:00:00+08:00".
    feed_time = _entry("g", "https://example.org/a").published
    local = feed_time.replace(tzinfo=timezone(timedelta(hours=8)))
    store.record_poll(
        FEED,
        _ok(_entry("g1", "https://example.org/a"), _entry("g2", "https://example.org/b")),
        now=NOW,
    )
    pages = {p.url: p for p in store.pending_pages(since=NOW - timedelta(days=7))}
    for url, stated in (
        ("https://example.org/a", local),
        # Another wall clock: the feed's date is another instant, and stands.
        ("https://example.org/b", local - timedelta(hours=3)),
    ):
        store.save_extraction(
            pages[url].article_id,
            text="Body.",
            origin=TextOrigin.PAGE,
            now=NOW,
            page_published=stated,
            page_utc_offset=480,
        )
    articles = {a.url: a for a in store.articles_between(NOW - timedelta(days=7), NOW)}
    assert articles["https://example.org/a"].published == feed_time - timedelta(hours=8)
    assert articles["https://example.org/b"].published == feed_time
    assert {a.utc_offset for a in articles.values()} == {480}


def test_changed_entry_updates_in_place_and_is_extracted_again(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("g", "https://example.org/a", "Old title")), now=NOW)
    [page] = store.pending_pages(since=NOW - timedelta(days=7))
    store.save_extraction(page.article_id, text="Body.", origin=TextOrigin.PAGE, now=NOW)
    assert store.pending_pages(since=NOW - timedelta(days=7)) == []
    counts = store.record_poll(
        FEED, _ok(_entry("g", "https://example.org/a", "New title")), now=NOW
    )
    assert counts.updated == 1
    [article] = store.articles_between(NOW - timedelta(days=7), NOW)
    assert article.title == "New title"
    assert article.text == "A teaser.", "the old page text no longer stands for the entry"
    assert len(store.pending_pages(since=NOW - timedelta(days=7))) == 1


def test_same_article_through_two_feeds_is_stored_once(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("a", "https://example.org/story")), now=NOW)
    other = FetchResult(
        OTHER,
        FetchOutcome.OK,
        OTHER,
        entries=(_entry("x", "https://example.org/story", feed=OTHER),),
    )
    counts = store.record_poll(OTHER, other, now=NOW)
    assert counts.new == 0
    assert len(store.articles_between(NOW - timedelta(days=7), NOW)) == 1


def test_only_the_entry_that_created_an_article_writes_its_content(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("a", "https://example.org/story", "Real")), now=NOW)
    hostile = FetchResult(
        OTHER,
        FetchOutcome.OK,
        OTHER,
        entries=(_entry("x", "https://example.org/story", "Fake", feed=OTHER, summary="Lies."),),
    )
    counts = [store.record_poll(OTHER, hostile, now=NOW) for _ in range(3)]
    assert [(c.new, c.updated) for c in counts] == [(0, 0)] * 3
    [article] = store.articles_between(NOW - timedelta(days=7), NOW)
    assert (article.title, article.outlet, article.summary) == ("Real", "Example", "A teaser.")
    again = store.record_poll(FEED, _ok(_entry("a", "https://example.org/story", "Real")), now=NOW)
    assert (again.updated, again.unchanged) == (0, 1), "no tug of war with the linking feed"


def test_what_a_page_says_it_is_is_kept_with_its_article(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("k", "https://example.org/view")), now=NOW)
    [page] = store.pending_pages(since=NOW - timedelta(days=7))
    store.save_extraction(
        page.article_id, text="Body.", origin=TextOrigin.PAGE, now=NOW, page_kind="analysis"
    )
    [article] = store.articles_between(NOW - timedelta(days=7), NOW)
    assert article.page_kind == "analysis"
    # Read again as a report, the page is one.
    store.save_extraction(page.article_id, text="Body.", origin=TextOrigin.PAGE, now=NOW)
    [article] = store.articles_between(NOW - timedelta(days=7), NOW)
    assert article.page_kind == ""


def test_a_page_read_at_another_address_is_known_by_the_feeds_link(store: Store) -> None:
    for key, url in (("r", "https://feeds.example/~r/world/1"), ("d", "https://example.org/d")):
        store.record_poll(FEED, _ok(_entry(key, url)), now=NOW)
    pages = {p.url: p for p in store.pending_pages(since=NOW - timedelta(days=7))}
    store.save_extraction(
        pages["https://feeds.example/~r/world/1"].article_id,
        text="Body.",
        origin=TextOrigin.PAGE,
        now=NOW,
        final_url="https://example.org/world/arctic-pact",
    )
    store.save_extraction(
        pages["https://example.org/d"].article_id,
        text="Body.",
        origin=TextOrigin.PAGE,
        now=NOW,
        final_url="https://example.org/d",
    )
    assert store.moved_pages(NOW - timedelta(days=7), NOW) == {
        "https://feeds.example/~r/world/1": "https://example.org/world/arctic-pact"
    }
    # Sent to a consent wall, the page gave no text: the feed's link stays.
    store.save_extraction(
        pages["https://feeds.example/~r/world/1"].article_id,
        text="Teaser.",
        origin=TextOrigin.FEED_SUMMARY,
        now=NOW,
        final_url="https://consent.example/?continue=1",
    )
    assert store.moved_pages(NOW - timedelta(days=7), NOW) == {}


def test_a_moved_link_reuses_nothing_of_the_old_page(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("g", "https://example.org/old")), now=NOW)
    [page] = store.pending_pages(since=NOW - timedelta(days=7))
    store.save_extraction(
        page.article_id, text="Old body.", origin=TextOrigin.PAGE, now=NOW, etag='"old"'
    )
    store.record_poll(FEED, _ok(_entry("g", "https://example.org/new")), now=NOW)
    [pending] = store.pending_pages(since=NOW - timedelta(days=7))
    assert (pending.article_id, pending.url, pending.etag) == (
        page.article_id,
        "https://example.org/new",
        None,
    )
    # A new entry for the old URL is a new article, although the id it would get is taken.
    store.record_poll(FEED, _ok(_entry("h", "https://example.org/old")), now=NOW)
    urls = sorted(a.url for a in store.articles_between(NOW - timedelta(days=7), NOW))
    assert urls == ["https://example.org/new", "https://example.org/old"]


def test_feed_state_follows_outcomes(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("a", "https://example.org/a"), etag='"e1"'), now=NOW)
    [state] = store.feed_states([FEED])
    assert (state.etag, state.consecutive_failures, state.entries_seen) == ('"e1"', 0, 1)
    failed = FetchResult(FEED, FetchOutcome.FAILED, FEED, error="HTTP 500")
    for _ in range(3):
        store.record_poll(FEED, failed, now=NOW)
    [state] = store.feed_states([FEED])
    assert state.consecutive_failures == 3 and state.last_error == "HTTP 500"
    assert state.next_poll_at is not None and state.next_poll_at > NOW
    moved = FetchResult(FEED, FetchOutcome.MOVED, "https://example.org/new.xml")
    store.record_poll(FEED, moved, now=NOW)
    [state] = store.feed_states([FEED])
    assert state.current_url == "https://example.org/new.xml" and state.next_poll_at is None
    store.record_poll(FEED, FetchResult(FEED, FetchOutcome.GONE, FEED), now=NOW)
    assert store.feed_states([FEED])[0].is_gone


def test_claims_do_not_overlap(store: Store) -> None:
    store.record_poll(
        FEED, _ok(*(_entry(f"g{i}", f"https://example.org/{i}") for i in range(5))), now=NOW
    )
    since = NOW - timedelta(days=7)
    stale = timedelta(minutes=30)
    first = store.claim_pages(since=since, clock_now=NOW, limit=3, stale=stale)
    second = store.claim_pages(since=since, clock_now=NOW, limit=3, stale=stale)
    assert len(first) == 3 and len(second) == 2
    assert not {p.article_id for p in first} & {p.article_id for p in second}
    later = NOW + timedelta(hours=1)
    retaken = store.claim_pages(since=since, clock_now=later, limit=10, stale=stale)
    assert len(retaken) == 5, "old claims expire"


def test_claims_of_a_dead_worker_are_free_at_once(store: Store) -> None:
    store.record_poll(FEED, _ok(_entry("g", "https://example.org/0")), now=NOW)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with store.engine.begin() as connection:
        connection.execute(
            schema.articles.update().values(
                claimed_at=NOW, claimed_by=f"{socket.gethostname()}:{dead.pid}"
            )
        )
    since = NOW - timedelta(days=7)
    claimed = store.claim_pages(since=since, clock_now=NOW, limit=5, stale=timedelta(hours=1))
    assert len(claimed) == 1


def test_upgrade_from_version_1_records_who_owns_each_article(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'digest.db'}"
    engine = create_engine(url)
    [initial] = [m for m in all_migrations() if m.version == 1]
    with engine.begin() as connection:
        schema.schema_migrations.create(connection)
        initial.upgrade(connection)
        connection.execute(
            schema.schema_migrations.insert().values(version=1, name="initial", applied_at=NOW)
        )
        columns = {c["name"] for c in inspect(connection).get_columns("articles")}
        assert "owner_key" not in columns
        connection.execute(
            text(
                "INSERT INTO feeds (url, name, current_url, is_gone, consecutive_failures, "
                "entries_seen) VALUES (:a, 'A', :a, 0, 0, 1), (:b, 'B', :b, 0, 0, 0)"
            ),
            {"a": FEED, "b": OTHER},
        )
        connection.execute(
            text(
                "INSERT INTO articles (id, url, feed_url, outlet, title, summary, content, "
                "author, published, content_hash, first_seen_at, updated_at, language) VALUES "
                "('x1', 'https://example.org/s', :a, 'A', 'Real', '', '', '', :t, 'h', :t, :t, '')"
            ),
            {"a": FEED, "t": NOW - timedelta(days=1)},
        )
        connection.execute(
            text("INSERT INTO entries VALUES (:b, 'zz', 'x1'), (:a, 'guid-1', 'x1')"),
            {"a": FEED, "b": OTHER},
        )
    engine.dispose()
    store = open_store(url)
    try:
        hostile = FetchResult(
            OTHER, FetchOutcome.OK, OTHER, entries=(_entry("zz", "https://example.org/s", "Fake"),)
        )
        store.record_poll(OTHER, hostile, now=NOW)
        [article] = store.articles_between(NOW - timedelta(days=7), NOW)
        assert article.title == "Real"
        with store.engine.connect() as connection:
            owner = connection.execute(text("SELECT owner_key FROM articles")).scalar()
        assert owner == "guid-1"
    finally:
        store.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'digest.db'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            schema.schema_migrations.insert().values(version=999, name="future", applied_at=NOW)
        )
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 999 is newer"):
        open_store(url)


def test_unwritable_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(f"sqlite:///{tmp_path / 'missing-dir' / 'digest.db'}")


def test_build_lock_excludes_a_second_holder(store: Store) -> None:
    with build_lock(store.engine, "issue:2026-11-23"), pytest.raises(LockedError):
        second = open_store(store.url)
        try:
            with build_lock(second.engine, "issue:2026-11-23"):
                pass
        finally:
            second.close()
    with build_lock(store.engine, "issue:2026-11-23"):
        pass  # released after the first block


@pytest.mark.parametrize(
    ("lock", "named"),
    [
        ("issue:2026-11-23", "the build lock of issue 2026-11-23 is held"),
        (MIGRATION_LOCK, "the migration lock is held"),
    ],
)
def test_a_lock_timeout_says_which_lock(store: Store, lock: str, named: str) -> None:
    second = open_store(store.url)
    try:
        with (
            build_lock(store.engine, lock),
            pytest.raises(LockedError) as caught,
            build_lock(second.engine, lock, wait_seconds=0.3),
        ):
            pass
    finally:
        second.close()
    assert str(caught.value).startswith(named) and caught.value.lock == lock


def test_text_vectors_are_kept_per_model_and_a_second_save_keeps_the_first(store: Store) -> None:
    first = bytes(range(256)) * 6
    store.save_text_vectors("model-a", {"k1": first, "k2": b"\x01" * 1536}, now=NOW)
    # Another process saving the same text (the preview beside the cron build) is no error.
    store.save_text_vectors("model-a", {"k1": b"\x00" * 1536, "k3": b"\x03" * 1536}, now=NOW)
    found = store.text_vectors("model-a", ["k1", "k3", "absent", "k1"], now=NOW)
    assert found == {"k1": first, "k3": b"\x03" * 1536}
    assert store.text_vectors("model-b", ["k1", "k2"], now=NOW) == {}
    # A row of another size (damaged) is replaced by the next save.
    store.save_text_vectors("model-a", {"k2": b"\x02" * 99}, now=NOW)
    store.save_text_vectors("model-a", {"k2": b"\x04" * 1536}, now=NOW)
    assert store.text_vectors("model-a", ["k2"], now=NOW) == {"k2": b"\x04" * 1536}


def test_text_vectors_nobody_reads_are_pruned_and_read_ones_stay(store: Store) -> None:
    store.save_text_vectors("m", {"read": b"r" * 8, "unread": b"u" * 8}, now=NOW)
    weekly = [NOW + timedelta(weeks=w) for w in range(1, RETENTION // timedelta(weeks=1) + 2)]
    for when in weekly:
        assert store.text_vectors("m", ["read"], now=when) == {"read": b"r" * 8}
    store.save_text_vectors("m", {"new": b"n" * 8}, now=weekly[-1])
    assert store.text_vectors("m", ["read", "unread", "new"], now=weekly[-1]) == {
        "read": b"r" * 8,
        "new": b"n" * 8,
    }


def test_text_vectors_read_and_save_more_keys_than_one_statement_takes(store: Store) -> None:
    rows = {f"{i:040x}": i.to_bytes(4, "little") for i in range(1_234)}
    store.save_text_vectors("m", rows, now=NOW)
    assert store.text_vectors("m", list(rows), now=NOW) == rows


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_store_leaves_no_lock_file(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store(url) as memory, build_lock(memory.engine, "issue:2026-11-23"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_lock_files_live_in_one_folder_and_old_ones_are_cleared(tmp_path: Path) -> None:
    """A year of weekly issues left 52 ``digest.db.<hash>.lock`` files beside the store;
    they now sit in ``digest.db.locks/``, named for what they guard, and the old files
    go once no process holds them."""
    import fcntl

    database = tmp_path / "digest.db"
    stale = tmp_path / "digest.db.3f2a9c1d0b7e.lock"
    held = tmp_path / "digest.db.0123456789ab.lock"
    stale.write_bytes(b"")
    held.write_bytes(b"")
    other = tmp_path / "notes.3f2a9c1d0b7e.lock"  # not the store's: left alone
    other.write_bytes(b"")
    with open(held, "rb") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)  # an older version, still running
        with open_store(f"sqlite:///{database}") as store:
            with build_lock(store.engine, "issue:2026-11-23"):
                pass
            with build_lock(store.engine, MIGRATION_LOCK):
                pass
    assert sorted(p.name for p in (tmp_path / "digest.db.locks").iterdir()) == [
        "issue-2026-11-23.lock",
        "schema-migrations.lock",
    ]
    assert not stale.exists()
    assert held.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "digest.db",
        "digest.db.0123456789ab.lock",
        "digest.db.locks",
        "notes.3f2a9c1d0b7e.lock",
    ]
