"""Tables of the store, on one MetaData (SQLAlchemy Core).

This describes the *current* schema; ``migrations/`` creates and changes it step by
step. A test checks that running every migration yields exactly these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "article_pages",
    "articles",
    "entries",
    "feeds",
    "issue_stories",
    "issues",
    "metadata",
    "runs",
    "schema_migrations",
    "story_articles",
    "text_vectors",
    "topic_examples",
]

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# One row per configured feed, keyed by the URL in feeds.yaml; ``current_url`` follows
# permanent redirects so the operator's key stays stable.
feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("current_url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("is_gone", Boolean, nullable=False, default=False),
    Column("last_polled_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_outcome", String(20)),
    Column("last_error", Text),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("entries_seen", Integer, nullable=False, default=0),
    Column("next_poll_at", DateTime(timezone=True)),
)

# One row per article, keyed by its canonical URL's hash: the same article reached
# through two feeds is stored once. Its content belongs to the entry that created it
# (``feed_url`` + ``owner_key``); entries of other feeds only link to it.
articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("feed_url", Text, nullable=False),
    Column("owner_key", Text),  # NULL only for rows older than migration 0002
    Column("outlet", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False, default=""),
    Column("content", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("published", DateTime(timezone=True), nullable=False),
    Column("content_hash", String(40), nullable=False),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Extraction state: NULL extracted_at means the page still has to be fetched.
    Column("extracted_at", DateTime(timezone=True)),
    Column("text", Text),
    Column("text_origin", String(20)),
    Column("language", String(20), nullable=False, default=""),
    Column("extract_error", Text),
    Column("claimed_at", DateTime(timezone=True)),  # wall-clock time of the claim
    Column("claimed_by", Text),  # "host:pid" of the worker extracting it
    Column("utc_offset", Integer),  # minutes east of UTC of the feed's date (0004); NULL: unknown
    # False: the feed gave no date, ``published`` is the poll time until the page gives
    # one (0005); NULL (older rows) is read as dated.
    Column("feed_dated", Boolean),
    # What the page says it is: "opinion", "analysis"; NULL or "": a report (0007).
    Column("page_kind", String(20)),
    # When the page says it last changed its text, within a week of its date (0008).
    Column("updated", DateTime(timezone=True)),
    Index("ix_articles_published", "published"),
    Index("ix_articles_extracted", "extracted_at"),
)

# Feed items: (feed, key) -> article. Keeps the identity a feed gives its items.
entries = Table(
    "entries",
    metadata,
    Column("feed_url", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id"), nullable=False),
)

article_pages = Table(
    "article_pages",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("final_url", Text),
)

# Which story each article belongs to once it has been in an issue: continuity.
story_articles = Table(
    "story_articles",
    metadata,
    Column("issue_date", String(10), primary_key=True),
    Column("story_id", String(40), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
)

issues = Table(
    "issues",
    metadata,
    Column("issue_date", String(10), primary_key=True),
    Column("built_at", DateTime(timezone=True), nullable=False),
    Column("path", Text, nullable=False),
    # True when a final build made the issue: its stories count as sent. (The column
    # keeps the name it had before the concept was named; renaming it would need a
    # migration for no change in meaning.)
    Column("is_scheduled", Boolean, nullable=False, default=False),
    Column("story_count", Integer, nullable=False, default=0),
    Column("html_bytes", Integer, nullable=False, default=0),
)

issue_stories = Table(
    "issue_stories",
    metadata,
    Column("issue_date", String(10), primary_key=True),
    Column("story_id", String(40), primary_key=True),
    Column("headline", Text, nullable=False),
    Column("sentences", Text, nullable=False, default="[]"),  # JSON list of sentences used
    Column("topic", Text, nullable=False, default=""),
    Column("is_included", Boolean, nullable=False, default=True),
    Column("why", Text, nullable=False, default=""),  # for `digest why` and the preview
)

# Stories the editors filed under a topic (``topic:`` in editorial.yaml), by issue: later
# issues take them as examples of the topic. Their articles are in story_articles.
topic_examples = Table(
    "topic_examples",
    metadata,
    Column("issue_date", String(10), primary_key=True),
    Column("story_id", String(40), primary_key=True),
    Column("topic", Text, nullable=False),
)

# Sentence vectors of the texts clustering reads (0006), keyed by the encoder's identity
# and the text's SHA-1: a build reads back what an earlier build or the preview encoded.
# ``used_at`` is refreshed by use; rows unused for weeks are pruned.
text_vectors = Table(
    "text_vectors",
    metadata,
    Column("model", String(80), primary_key=True),
    Column("text_key", String(40), primary_key=True),
    Column("vector", LargeBinary, nullable=False),  # float32, little-endian
    Column("used_at", DateTime(timezone=True), nullable=False),
    Index("ix_text_vectors_used_at", "used_at"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("ok", Boolean),
    Column("summary", Text, nullable=False, default="{}"),  # JSON
)
