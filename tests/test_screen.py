"""Pages that are not articles never make a story; real reporting always gets through."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digest.cluster import cluster_stories
from digest.models import Article, ArticleId, TextOrigin
from digest.screen import screen_articles

MONDAY = datetime(2026, 11, 16, 8, tzinfo=UTC)

CRAWL = (
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period."
)
WIDGET = (
    "Add this map to your page by copying the code below and pasting it into your site's "
    "template. The map updates itself every few minutes and needs no account to use."
)
FLOOD = (
    "Rivers in the Po valley burst their banks on Monday after three days of rain, forcing "
    "the evacuation of 4,000 people from villages near Ferrara. Regional officials said the "
    "water was still rising and asked residents to keep away from the embankments."
)
STRIKE = (
    "Dock workers in Antwerp walked out on Thursday over a pension reform, leaving more than "
    "forty container ships waiting at anchor off the Scheldt. The union said the strike "
    "would last until the government withdrew the bill."
)
WIRE = (
    "The central bank of Chile raised its main interest rate by half a point to 6.25 percent "
    "on Tuesday, citing inflation that has stayed above target for eleven months."
)


def _article(
    n: int,
    outlet: str,
    title: str,
    text: str,
    *,
    hours: float = 0,
    summary: str = "",
    origin: TextOrigin = TextOrigin.PAGE,
) -> Article:
    return Article(
        id=ArticleId(f"a{n}"),
        url=f"https://{outlet.lower().replace(' ', '')}.example/{n}",
        outlet=outlet,
        feed_url=f"https://{outlet.lower().replace(' ', '')}.example/feed",
        title=title,
        published=MONDAY + timedelta(hours=hours),
        text=text,
        summary=summary,
        text_origin=origin,
    )


def test_crawl_notices_from_unrelated_events_are_set_aside_with_their_reason() -> None:
    notices = [
        _article(1, "Harbour Post", "Ok", CRAWL, hours=0),
        _article(2, "Valley Times", "Archive", CRAWL, hours=30),
        _article(3, "Capital Wire", "Page", CRAWL, hours=90),
    ]
    real = _article(4, "Harbour Post", "Po valley floods force 4,000 from their homes", FLOOD)
    screened = screen_articles([*notices, real])
    assert [a.id for a in screened.kept] == ["a4"]
    assert {r.article.id for r in screened.rejected} == {"a1", "a2", "a3"}
    assert all("crawl, error or paywall" in r.reason for r in screened.rejected)
    # Without the screen, the notices would make a story of several outlets.
    assert any(len(s.articles) >= 2 for s in cluster_stories(notices))
    assert all(len(s.articles) == 1 for s in cluster_stories(screened.kept))


def test_a_feed_teaser_stands_in_for_a_page_that_is_a_notice() -> None:
    article = _article(
        1,
        "Harbour Post",
        "Floods in the Po valley",
        "We've detected that JavaScript is disabled in your browser. Please enable it.",
        summary=FLOOD,
    )
    screened = screen_articles([article])
    assert not screened.rejected
    (kept,) = screened.kept
    assert kept.text == FLOOD
    assert kept.text_origin is TextOrigin.FEED_SUMMARY
    assert screened.teaser_used == 1


def test_text_repeated_on_unrelated_pages_days_apart_is_furniture() -> None:
    flood = _article(1, "Harbour Post", "Po valley floods", f"{FLOOD}\n\n{WIDGET}", hours=0)
    strike = _article(2, "Valley Times", "Antwerp dock strike", f"{STRIKE}\n\n{WIDGET}", hours=75)
    empty = _article(3, "Capital Wire", "Map", WIDGET, hours=100)
    screened = screen_articles([flood, strike, empty])
    kept = {a.id: a for a in screened.kept}
    assert set(kept) == {"a1", "a2"}
    assert kept["a1"].text == FLOOD and kept["a2"].text == STRIKE
    (rejected,) = screened.rejected
    assert rejected.article.id == "a3"
    assert "repeats text found on unrelated pages" in rejected.reason


def test_wire_copy_of_one_event_within_a_day_is_kept_whole() -> None:
    copies = [
        _article(n, outlet, "Chile raises rates to 6.25%", WIRE, hours=n * 3)
        for n, outlet in enumerate(["Harbour Post", "Valley Times", "Capital Wire"], 1)
    ]
    screened = screen_articles(copies)
    assert screened.kept == tuple(copies)
    assert not screened.rejected
    (story,) = cluster_stories(screened.kept)
    assert len(story.articles) == 3


def test_a_feed_item_with_a_real_headline_and_a_short_teaser_is_kept() -> None:
    item = _article(
        1,
        "Capital Wire",
        "Antwerp dock workers strike over pension reform",
        "Forty ships wait at anchor.",
        origin=TextOrigin.FEED_SUMMARY,
    )
    nothing = _article(2, "Capital Wire", "Watch", "", origin=TextOrigin.FEED_SUMMARY)
    screened = screen_articles([item, nothing])
    assert screened.kept == (item,)
    (rejected,) = screened.rejected
    assert rejected.article.id == "a2" and "too little text" in rejected.reason


def test_player_chrome_inside_a_real_article_loses_only_that_sentence() -> None:
    text = f"Your browser does not support the audio element.\n\n{FLOOD}"
    screened = screen_articles([_article(1, "Harbour Post", "Po valley floods", text)])
    (kept,) = screened.kept
    assert kept.text == FLOOD


def test_a_page_whose_title_is_a_notice_or_the_start_of_one_is_set_aside() -> None:
    """Error pages carry a paragraph of help, and a notice page's title is often its
    own first sentence: neither is a headline."""
    error = _article(
        1,
        "Harbour Post",
        "Sorry, the page you requested was not found",
        "Please check the URL for proper spelling and capitalization. If you are having "
        "trouble finding a destination, try visiting the home page or searching the site "
        "for the story you wanted to read today.",
    )
    archive = _article(
        2,
        "Valley Times",
        "These crawls are part of an effort to archive pages",
        "These crawls are part of an effort to archive pages as they are created. The rest "
        "of the notice says little.",
    )
    real = _article(3, "Capital Wire", "Po valley floods force 4,000 from homes", FLOOD)
    screened = screen_articles([error, archive, real])
    assert screened.kept == (real,)
    assert [(r.article.id, r.kind) for r in screened.rejected] == [
        ("a1", "notice"),
        ("a2", "notice"),
    ]


def test_an_outlets_own_promo_lines_do_not_count_as_the_pages_text() -> None:
    """An embedded post page keeps only its outlet's sign-off and promo, repeated on the
    outlet's pages all week: not enough to say what happened. Real pages carrying the
    same promo are kept whole, promo and all."""
    promo = "Latest on this story: here is what we know so far. Live updates on our site."
    pages = [
        _article(n, "Capital Wire", title, f"{text}\n\n{promo}", hours=n * 40)
        for n, (title, text) in enumerate(
            [("Po valley floods", FLOOD), ("Antwerp dock strike", STRIKE), ("Chile rates", WIRE)]
        )
    ]
    embed = _article(
        9, "Capital Wire", "Tweet", f"Learn more about this.\n\n{promo}\n\nMore soon.", hours=60
    )
    screened = screen_articles([*pages, embed])
    assert screened.kept == tuple(pages)
    (rejected,) = screened.rejected
    assert rejected.article.id == "a9" and rejected.kind == "short"


def test_twitters_location_widget_is_not_an_article() -> None:
    text = (
        "Add a location to your Tweets\n\nWhen you tweet with a location, Twitter stores that "
        "location. You can switch location on/off before each Tweet and always have the "
        "option to delete your location history. Learn more"
    )
    widget = _article(1, "Harbour Post", "When you tweet with a location", text)
    screened = screen_articles([widget])
    assert screened.kept == ()
    assert screened.rejected[0].kind == "notice"


def test_a_page_that_is_only_an_embedded_post_titled_with_its_words_is_set_aside() -> None:
    post = (
        "Wow, the ferry queue in Cork is longer than ever and the harbour board says "
        "nothing. So much for the new timetable...."
    )
    signature = "— Jane Roe (@janeroe_cork) November 23, 2026"
    page = _article(
        1,
        "Harbour Daily",
        "Wow, the ferry queue in Cork is longer than ever",
        f"{post}\n\n{signature}",
    )
    report = _article(
        2,
        "Harbour Daily",
        "Cork adds two ferry crossings as queues grow",
        "The harbour board of Cork added two ferry crossings on Monday after queues at the "
        "terminal stretched past the old customs house for a third day running.\n\n"
        f"{post}\n\n{signature}\n\nThe board said the extra crossings would run until March.",
    )

    screened = screen_articles([page, report])

    assert [a.id for a in screened.kept] == [report.id]
    assert [r.kind for r in screened.rejected] == ["short"]


def test_a_corrections_page_and_a_year_in_review_are_set_aside_with_their_reasons() -> None:
    body = (
        "An earlier version of our report on the Ardell floods misstated the toll. Eleven "
        "people died, not twelve. A report on the port strike gave the wrong date for the "
        "vote, which is on 12 January. The minister's name was misspelt in a caption."
    )
    review = (
        "In January the ferry strike closed Ardell's harbour for a month. In May voters "
        "returned the coalition to power. In December floods in the south killed eleven "
        "people and displaced thousands more from the river towns."
    )
    pages = [
        _article(1, "Harbour Daily", "Corrections and clarifications", body),
        _article(2, "Harbour Daily", "2026 in review: the ten stories that shaped Ardell", review),
        _article(3, "Harbour Daily", "Corrections officers strike over pay in Ardell", review),
    ]
    screened = screen_articles(pages)
    assert [a.id for a in screened.kept] == [pages[2].id]
    assert [(r.kind, r.reason) for r in screened.rejected] == [
        ("corrections", "not a report: the outlet's list of corrections to earlier articles"),
        ("roundup", "not a report: a review of the year's stories"),
    ]


def test_a_report_labelled_clarification_or_its_moments_is_kept() -> None:
    text = (
        "The prime minister of Ardell did not resign on Monday, his office said, denying a "
        "report by a local broadcaster that he had handed his letter to the president."
    )
    pages = [
        _article(1, "Harbour Daily", "Clarification: PM did not resign, his office says", text),
        _article(2, "Harbour Daily", "Five moments that defined the presidential debate", text),
        _article(3, "Harbour Daily", "Corrections: Mayor of Ostby resigns over ferry deal", text),
        _article(4, "Harbour Daily", "Five moments that defined the 2026 World Cup final", text),
    ]
    assert [a.id for a in screen_articles(pages).kept] == [p.id for p in pages]
