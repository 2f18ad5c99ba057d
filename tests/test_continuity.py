"""Whether new reports clustered with a sent story continue it (digest.continuity)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digest.continuity import _same_subject
from digest.models import Article, ArticleId, StoryId
from digest.store import SentStory

SENT_ON = datetime(2026, 11, 16, 9, tzinfo=UTC)


def _article(key: str, title: str, text: str, *, days: int = 0) -> Article:
    return Article(
        id=ArticleId(key),
        url=f"https://{key}.example/{key}",
        outlet=key.title(),
        feed_url=f"https://{key}.example/rss",
        title=title,
        published=SENT_ON + timedelta(days=days),
        text=f"{title}. {text}",
    )


def _continues(told: list[Article], fresh: list[Article]) -> bool:
    sent = SentStory(
        StoryId("s-000000000001"), "2026-11-16", frozenset(a.id for a in told), frozenset()
    )
    return _same_subject([*told, *fresh], fresh, {a.id: sent for a in told})


def test_new_reports_that_name_someone_the_sent_ones_named_continue_them() -> None:
    told = [
        _article(
            "ledger",
            "Thieves take crown jewels from the Louvre",
            "Thieves broke into the Louvre in Paris on Sunday and took eight jewels, the "
            "Paris prosecutor said. The Louvre stayed closed.",
        )
    ]
    # The title names France; the lead names the Louvre.
    fresh = [
        _article(
            "review",
            "French police hold two men over jewel theft",
            "Police arrested two men over the Louvre theft, the Paris prosecutor said.",
            days=7,
        )
    ]
    assert _continues(told, fresh)


def test_new_reports_on_the_same_subject_naming_no_one_the_sent_ones_named_do_not() -> None:
    told = [
        _article(
            "ledger",
            "Harbour Lines and Tidewater sign a pact to guard ferry cables",
            "Harbour Lines and Tidewater agreed in Oban on Monday to share data on "
            "threats to ferry cables. Tidewater runs the Oban crossings.",
        )
    ]
    fresh = [
        _article(
            "review",
            "Ferry cable to Mull cut, trawler held",
            "A power cable to Mull was cut on Sunday and Mull coastguards held a trawler "
            "that had dragged its anchor, the Mull harbour master said.",
            days=7,
        )
    ]
    assert not _continues(told, fresh)
