"""A page that rounds up several of the week's stories tells none of them: set aside."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from digest import roundups as roundups_module
from digest.cluster import cluster_stories
from digest.models import Article, Story, StoryId
from digest.roundups import set_aside_roundups
from digest.screen import Rejected
from tests.test_screen import _article as screened_article

# Four events, each reported by two outlets in their own words.
QUAKE = (
    "A magnitude 6.1 earthquake struck Kunar province in eastern Afghanistan before dawn "
    "on Monday, flattening mud-brick homes in mountain villages near Asadabad.",
    "The Taliban government said on Wednesday the death toll had risen to 1,124, with "
    "more than 3,000 injured, as rescuers dug through rubble in remote valleys.",
    "Aid agencies said landslides had blocked the roads into Kunar and that helicopters "
    "were ferrying the injured to hospitals in Jalalabad.",
)
QUAKE_2 = (
    "Rescuers in Afghanistan's Kunar province searched collapsed houses on Tuesday after "
    "an earthquake killed hundreds of people in villages near Asadabad.",
    "The Taliban's disaster authority said the toll could pass 1,000 as teams reached "
    "valleys cut off by landslides, and appealed for tents and blankets.",
    "Pakistan sent a relief convoy through the Torkham crossing carrying food, medicine "
    "and shelter for families in Kunar.",
)
LOAN = (
    "EU ambassadors agreed on Wednesday to lend Ukraine 140 billion euros backed by frozen "
    "Russian central bank assets, after Belgium dropped its objections.",
    "Most of the immobilised assets are held at Euroclear in Brussels, and Belgium had "
    "demanded guarantees that other member states would share the risk.",
    "Leaders are expected to approve the reparations loan at their summit on 17 December.",
)
LOAN_2 = (
    "Belgium lifted its veto on a reparations loan for Ukraine funded by frozen Russian "
    "assets, clearing the way for EU ambassadors to sign off on Wednesday.",
    "The 140 billion euro loan will draw on Russian central bank reserves immobilised at "
    "Euroclear since 2022, with member states guaranteeing Belgium's share.",
    "Moscow said it would sue Euroclear and called the plan theft.",
)
KNESSET = (
    "Israel's Knesset voted on Wednesday to dissolve itself, setting an early election for "
    "23 March after ultra-Orthodox parties quit Netanyahu's coalition over conscription.",
    "The final reading passed by 102 votes to none, as opposition lawmakers backed the bill.",
    "Polls show Netanyahu's Likud losing seats to a new centre-right list.",
)
KNESSET_2 = (
    "Lawmakers in Israel's Knesset approved a bill to dissolve parliament by 102 votes to "
    "none, sending Israelis to the polls on 23 March.",
    "The ultra-Orthodox parties left Netanyahu's coalition last month in a dispute over "
    "military conscription for yeshiva students.",
    "It will be the sixth Knesset election since 2019.",
)
RATES = (
    "The Bank of Korea cut its benchmark interest rate by a quarter point to 2.25 percent on "
    "Thursday, citing weak exports and a slump in construction.",
    "Governor Rhee Chang-yong said further cuts were possible if the won stabilised.",
    "The won has fallen past 1,480 per dollar, its weakest level since 2009.",
)
RATES_2 = (
    "South Korea's central bank lowered its policy rate to 2.25 percent on Thursday, its "
    "first cut in five months, as chip exports and construction weakened.",
    "Bank of Korea governor Rhee Chang-yong told reporters the board had not ruled out "
    "another cut early next year.",
    "Economists had expected the move after third-quarter growth slowed to 0.6 percent.",
)
ROUNDUP = (
    "Israel's Knesset voted to dissolve itself, after ultra-Orthodox parties deserted "
    "Netanyahu's coalition over conscription. An election is set for 23 March.",
    "An earthquake in Kunar province in eastern Afghanistan killed more than 1,000 people, "
    "according to the Taliban government.",
    "EU ambassadors agreed to lend Ukraine 140 billion euros backed by frozen Russian "
    "assets held mostly at Euroclear in Belgium.",
    "The Bank of Korea cut its benchmark rate to 2.25 percent, citing weak exports.",
)


def _article(n: int, outlet: str, title: str, paragraphs: tuple[str, ...], hours: float) -> Article:
    return screened_article(n, outlet, title, "\n\n".join(paragraphs), hours=hours)


def _assembled(
    *extra: Article, candidates: int | None = None
) -> tuple[tuple[Story, ...], tuple[Rejected, ...]]:
    """The test week with ``extra``, clustered, its roundups set aside: all its pages are
    candidates, or its first ``candidates``."""
    week = _week(*extra)
    return set_aside_roundups(cluster_stories(week), {a.id for a in week[:candidates]})


def _week(*extra: Article) -> list[Article]:
    return [
        _article(1, "Harbour Post", "Afghan quake toll passes 1,100", QUAKE, 50),
        _article(2, "Ridge Times", "Rescuers search Kunar villages after quake", QUAKE_2, 30),
        _article(3, "Harbour Post", "EU agrees reparations loan for Ukraine", LOAN, 54),
        _article(4, "Ridge Times", "Belgium lifts veto on Ukraine loan", LOAN_2, 56),
        _article(5, "Harbour Post", "Knesset votes to dissolve, election in March", KNESSET, 55),
        _article(6, "Ridge Times", "Israel heads to early election", KNESSET_2, 57),
        _article(7, "Ridge Times", "Bank of Korea cuts rate to 2.25%", RATES, 72),
        _article(8, "Harbour Post", "South Korea cuts rates as exports slow", RATES_2, 73),
        *extra,
    ]


def _story_of(stories: Sequence[Story], article_id: str) -> set[str]:
    return next(
        {a.id for a in s.articles} for s in stories if article_id in {a.id for a in s.articles}
    )


def test_a_roundup_of_the_weeks_stories_is_set_aside_with_its_reason() -> None:
    roundup = _article(9, "Weekly Review", "The world this week: Politics", ROUNDUP, 75)
    stories, rejected = _assembled(roundup)

    [set_aside] = rejected
    assert set_aside.article == roundup
    assert set_aside.kind == "roundup"
    assert set_aside.reason.startswith("a roundup of 4 of this issue's stories")
    # Each event is still its own story, told by its own reports.
    assert all("a9" not in {a.id for a in s.articles} for s in stories)
    assert _story_of(stories, "a1") == {"a1", "a2"}
    assert _story_of(stories, "a5") == {"a5", "a6"}
    assert sum(len(s.articles) for s in stories) == len(_week())


def test_a_brief_whose_paragraph_tells_two_stories_is_a_roundup() -> None:
    # A short brief: one paragraph tells the Knesset's vote and the quake, one sentence
    # each; by paragraphs it tells only the loan and the rates, by sentences four.
    brief = (
        "It was a week of votes and money, and of one disaster that no vote could help "
        "with in the mountains of the east.",
        "Israel's Knesset voted to dissolve itself, with an early election set for 23 "
        "March after ultra-Orthodox parties quit. An earthquake in Kunar province in "
        "eastern Afghanistan killed more than 1,000 people, the Taliban government said.",
        "EU ambassadors agreed to lend Ukraine 140 billion euros backed by frozen Russian "
        "assets held mostly at Euroclear in Belgium.",
        "The Bank of Korea cut its benchmark interest rate to 2.25 percent, citing weak "
        "exports and a slump in construction.",
    )
    page = _article(9, "Weekly Review", "The Brief: votes, a quake and a loan", brief, 75)
    stories, rejected = _assembled(page)
    [set_aside] = rejected
    assert set_aside.article == page
    assert set_aside.reason.startswith("a roundup of 4 of this issue's stories")
    assert all("a9" not in {a.id for a in s.articles} for s in stories)


def test_a_report_that_recalls_other_stories_in_passing_is_no_roundup() -> None:
    # A Knesset report recalls the week's loan and quake: two of its five paragraphs
    # tell other stories, a roundup's are most of its paragraphs.
    aside = (
        *KNESSET_2,
        "The vote came on the day EU ambassadors agreed to lend Ukraine 140 billion euros "
        "backed by frozen Russian assets held at Euroclear.",
        "Israel also sent a field hospital to Kunar province in Afghanistan after the "
        "earthquake that killed more than 1,000 people.",
    )
    report = _article(9, "Gulf Daily", "Knesset dissolves itself", aside, 58)
    stories, rejected = _assembled(report)
    assert rejected == ()
    assert "a9" in _story_of(stories, "a5")


def test_only_the_windows_pages_and_those_the_editors_did_not_keep_are_set_aside() -> None:
    roundup = _article(9, "Weekly Review", "The world this week: Politics", ROUNDUP, 75)
    # Not a candidate (a report of an earlier issue, or one the editors brought back in).
    stories, rejected = _assembled(roundup, candidates=-1)
    assert rejected == ()
    assert any("a9" in {a.id for a in s.articles} for s in stories)


def test_a_short_report_with_half_its_paragraphs_on_other_stories_is_kept() -> None:
    # Four paragraphs, two of them background another story tells: still a report.
    report = (
        "The Bank of Korea cut its benchmark interest rate to 2.25 percent on Thursday, "
        "citing weak exports and a slump in construction across the country.",
        "EU ambassadors agreed to lend Ukraine 140 billion euros backed by frozen Russian "
        "assets held mostly at Euroclear in Belgium, as markets watched.",
        "An earthquake in Kunar province in eastern Afghanistan killed more than 1,000 "
        "people, according to the Taliban government.",
        "Governor Rhee Chang-yong said further cuts to the benchmark rate were possible "
        "if exports kept weakening into the new year.",
    )
    page = _article(9, "Gulf Daily", "Bank of Korea cuts rate again", report, 74)
    stories, rejected = _assembled(page)
    assert rejected == ()
    assert any("a9" in {a.id for a in s.articles} for s in stories)


NEWSLETTER = (
    "Israel's Knesset voted to dissolve itself, setting an early election for 23 March "
    "after ultra-Orthodox parties quit Netanyahu's coalition over conscription.",
    "An earthquake in Kunar province in eastern Afghanistan killed more than 1,000 people, "
    "according to the Taliban government.",
    "EU ambassadors agreed to lend Ukraine 140 billion euros backed by frozen Russian "
    "assets held mostly at Euroclear in Belgium.",
    "Spotted at the embassy's winter party on Thursday night: two ambassadors, a former "
    "minister and a columnist who asked us not to name him.",
    "PRESENTED BY THE HARBOUR ENERGY COALITION: reliable power for every home starts with "
    "the grid we build together this winter.",
    "Birthdays today include a retired general, two senators and the newsletter's own "
    "founding editor, who turns sixty this weekend.",
    "Send tips, gossip and your best holiday party photos to our team, and we will read "
    "every one of them before the weekend.",
)


def test_a_page_that_calls_itself_a_briefing_is_a_roundup_of_two_other_stories() -> None:
    # Most of a morning newsletter's sentences are its asides, ads and gossip: told by no
    # story, they do not make it a report of the one it opens with.
    for title, url in (
        ("Morning Brief: Knesset dissolves, Kunar quake and more", ""),
        ("Your Monday Briefing: Israel's Knesset dissolves", ""),
        ("5 things to know before the stock market opens Monday", ""),
        ("The Island Briefing: Knesset dissolves, quake in Kunar", ""),
        ("Gulf Morning: Knesset dissolves; Kunar quake toll rises", ""),
        ("The Week in Asia: Knesset dissolves, a quake in Kunar", ""),
        ("The Knesset's last day", "https://weekly.example/newsletters/playbook/2026/12/04"),
        # A week's list, behind or ahead.
        ("The Real Israel. This week: Knesset dissolves, a Kunar quake, and more", ""),
        ("The week ahead: Knesset vote, Kunar appeal, EU loan", ""),
    ):
        page = _newsletter_page(title, url)
        stories, rejected = _assembled(page)
        [set_aside] = rejected
        assert set_aside.article == page
        assert all("a9" not in {a.id for a in s.articles} for s in stories)
    # The same page under a report's title and address is a report; so it is under an
    # explainer's title or in a section of long reads.
    for title, url in (
        ("The Knesset's last day", ""),
        ("Five things to know about Israel's snap election", ""),
        ("Gulf Morning Markets Slide as the Knesset Dissolves", ""),
        ("Election Brief", ""),
        ("This week: the Knesset dissolves", ""),
        ("The week ahead for the Knesset", ""),
        ("The Knesset's last day", "https://weekly.example/briefing/2026/12/04/knesset"),
    ):
        stories, rejected = _assembled(_newsletter_page(title, url))
        assert rejected == (), title


def _newsletter_page(title: str, url: str) -> Article:
    """The newsletter's text under ``title``, at ``url`` if one is given."""
    page = _article(9, "Weekly Review", title, NEWSLETTER, 75)
    return dataclasses.replace(page, url=url) if url else page


# A live page's entries: two on the Knesset's vote, then one on the loan and a second
# paragraph of that entry (a statement that tells no story by its words alone).
LIVE = (
    "Israel's Knesset has voted to dissolve itself in its final reading, 102 votes to none, "
    "setting an early election for 23 March.",
    "Opposition lawmakers backed the bill after the coalition of Netanyahu agreed on the "
    "date; the ultra-Orthodox parties had quit over conscription.",
    "EU ambassadors agreed to lend Ukraine 140 billion euros backed by frozen Russian "
    "assets at Euroclear, after Belgium dropped its objections.",
    "A spokesman said the matter was being reviewed and that there would be no further "
    "comment tonight.",
)


def _text_in_stories(stories: Sequence[Story], article_id: str) -> str:
    return next(a.text for s in stories for a in s.articles if a.id == article_id)


def test_a_live_page_keeps_only_its_own_storys_entries() -> None:
    page = _article(9, "Gulf Daily", "Liveblog 3 December", LIVE, 58)
    stories, rejected = _assembled(page)
    assert rejected == ()
    assert "a9" in _story_of(stories, "a5")
    # The loan's entry and the paragraph after it are the loan story's news.
    assert _text_in_stories(stories, "a9").split("\n\n") == list(LIVE[:2])
    # Its own outlets' pages are untouched.
    assert _text_in_stories(stories, "a5") == "\n\n".join(KNESSET)


def test_a_live_pages_entry_on_an_event_without_a_story_goes_and_its_own_stay() -> None:
    # Entries under headings: one on the vote told in other words (its heading tells
    # no story by itself), one on a strike the week has no story for.
    entries = (
        "Knesset dissolves itself",
        LIVE[0],
        "Lapid hails the vote",
        "The opposition leader said Netanyahu's coalition had run out of road and that "
        "Israelis would now decide in March.",
        "Three killed in Khan Younis strike",
        "Civil defence workers said three people, including a child, were killed when a "
        "tent camp was hit before dawn; the army said it had targeted militants.",
    )
    page = _article(9, "Gulf Daily", "Middle East live: Knesset votes to dissolve", entries, 58)
    stories, _ = _assembled(page)
    assert "a9" in _story_of(stories, "a5")
    assert _text_in_stories(stories, "a9").split("\n\n") == list(entries[:4])


def test_a_live_pages_own_entry_goes_on_after_a_line_of_another_storys_background() -> None:
    entries = (
        LIVE[0],
        LIVE[2],  # the loan, told in passing
        "Opposition leader Yair Lapid called the Knesset vote a victory and said "
        "Netanyahu's coalition of ultra-Orthodox parties had run out of road.",
        LIVE[3],  # a statement on nothing the week tells
    )
    page = _article(9, "Gulf Daily", "Israel politics live: Knesset votes to dissolve", entries, 58)
    stories, _ = _assembled(page)
    assert "a9" in _story_of(stories, "a5")
    assert _text_in_stories(stories, "a9").split("\n\n") == [entries[0], *entries[2:]]


def test_an_article_that_recalls_another_story_keeps_its_text() -> None:
    # The same paragraphs on an article's page: background, not another entry.
    page = _article(9, "Gulf Daily", "Knesset dissolves itself, election in March", LIVE, 58)
    stories, _ = _assembled(page)
    assert "a9" in _story_of(stories, "a5")
    assert _text_in_stories(stories, "a9") == "\n\n".join(LIVE)


def test_a_live_page_of_a_story_told_by_one_outlet_keeps_its_text() -> None:
    # Nothing shows what a one-outlet story's words are: no entry is told apart.
    typhoon = (
        "Typhoon Halong made landfall on Luzon before dawn, flooding rice fields and "
        "cutting power to half a million homes in Isabela and Cagayan.",
        "Evacuation centres in Tuguegarao filled by mid-morning as the Cagayan river rose "
        "past its warning level, provincial officials said.",
        *LIVE[2:],
    )
    page = _article(9, "Gulf Daily", "Typhoon live updates", typhoon, 58)
    stories, _ = _assembled(page)
    assert _story_of(stories, "a9") == {"a9"}
    assert _text_in_stories(stories, "a9") == "\n\n".join(typhoon)


# One paper's report of an event no other outlet told: its live page carries it too.
SHEKEL = (
    "The Bank of Israel cut its benchmark interest rate by a quarter point to 3.75 "
    "percent on Monday, saying inflation had returned to its target range.",
    "Governor Amir Yaron said the shekel was stable enough to allow further careful cuts, "
    "and the next decision is due on January 4.",
    "Economists had expected the move after consumer prices rose 2.6 percent in October.",
)
SHEKEL_LIVE = (
    "Israel's Knesset has voted to dissolve itself in its final reading, 102 votes to none, "
    "setting an early election for 23 March after the ultra-Orthodox parties quit.",
    "The Bank of Israel cut its benchmark interest rate by a quarter point to 3.75 percent, "
    "saying inflation had returned to its target range and the shekel was stable.",
    "Opposition economists criticised the government after the rate cut, saying the budget "
    "still had no credible plan for the deficit.",
)


def test_a_live_page_does_not_bridge_two_events_and_keeps_only_its_own_entries() -> None:
    report = _article(9, "Gulf Daily", "Bank of Israel cuts interest rate to 3.75%", SHEKEL, 57)
    page = _article(
        10, "Gulf Daily", "Israel news live: Knesset dissolves; Bank of Israel cuts rate",
        SHEKEL_LIVE, 58,
    )  # fmt: skip
    stories, rejected = _assembled(report, page)
    assert rejected == ()
    # The rate cut is a story of its own, not the Knesset's through the live page.
    assert _story_of(stories, "a9") == {"a9"}
    assert "a10" in _story_of(stories, "a5")
    # The live page keeps its Knesset entry; the rate cut's entries (the second one
    # naming no bank) go with the rate cut's story.
    assert _text_in_stories(stories, "a10") == SHEKEL_LIVE[0]


def test_a_roundup_set_aside_leaves_apart_what_only_it_joined() -> None:
    # A week of our own (tests/fixtures/brief_week.json): a Morning Brief gives an item
    # each to a state visit, a cyclone, NATO's chief in Seoul and relief sent to Sri
    # Lanka. Clustered with it, the relief report joined the brief and the brief the
    # state visit; without it, nothing joins the relief report to the visit.
    from datetime import datetime
    from pathlib import Path

    from digest.continuity import continue_stories
    from digest.models import ArticleId

    rows = json.loads((Path(__file__).parent / "fixtures" / "brief_week.json").read_text())
    articles = [
        Article(
            id=ArticleId(row["url"]),
            url=row["url"],
            outlet=row["outlet"],
            feed_url=f"https://{row['url'].split('/')[2]}/feed",
            title=row["title"],
            published=datetime.fromisoformat(row["published"]),
            text=row["text"],
        )
        for row in rows
    ]
    stories, _, rejected = continue_stories(articles, {a.id for a in articles}, [])
    assert [r.article.title[:13] for r in rejected] == ["Morning Brief"]
    relief = next(a for a in articles if "Relief Ship" in a.title)
    [with_relief] = [s for s in stories if relief in s.articles]
    assert with_relief.articles == (relief,)
    visit = [s for s in stories if any("Bhutan PM" in a.title for a in s.articles)]
    assert len(visit) == 1 and len(visit[0].articles) == 3


def test_a_briefing_of_stories_one_outlet_each_tells_is_a_roundup() -> None:
    # A regional briefing gives a line each to the islands' news, which one paper each
    # tells: those count among the stories it tells, as the Knesset's two reports do.
    strike = (
        "Dockworkers at Port Vell walked off the job on Tuesday over unpaid overtime, "
        "leaving 14 container ships waiting offshore.",
        "The dockworkers' union said the strike would continue until the port authority "
        "paid arrears of 3.2 million dollars.",
    )
    swap = (
        "Norland completed a debt-for-climate swap on Wednesday, refinancing 250 million "
        "dollars of commercial debt with a loan guaranteed by two development banks.",
        "The finance ministry said the savings would fund sea walls along the south coast.",
    )
    ferry = (
        "The Ostland ferry Marisol ran aground off Cape Dell on Wednesday with 212 "
        "passengers aboard, all of whom were taken off by lifeboats before nightfall.",
        "The coast guard said the ferry's hull was breached and an oil boom had been laid "
        "around the wreck to protect the seal colony on the cape's northern shore.",
        "Captain Ivo Marsh, who has sailed the route for eleven years, told investigators "
        "that a steering fault had left the vessel drifting onto the reef.",
    )
    briefing = (
        "Israel's Knesset voted to dissolve itself after ultra-Orthodox parties deserted "
        "Netanyahu's coalition over conscription, with an election set for 23 March.",
        "Dockworkers at Port Vell stayed off the job over unpaid overtime, with 14 container "
        "ships still waiting offshore on Thursday.",
        "Norland refinanced 250 million dollars of commercial debt in a debt-for-climate "
        "swap guaranteed by two development banks.",
        "The Ostland ferry Marisol ran aground off Cape Dell with 212 passengers, all of "
        "whom lifeboats took off before nightfall.",
        "Sign up to receive this briefing in your inbox every weekday morning, free of charge.",
    )
    week = [
        _article(5, "Harbour Post", "Knesset votes to dissolve, election in March", KNESSET, 55),
        _article(6, "Ridge Times", "Israel heads to early election", KNESSET_2, 57),
        _article(7, "Vell Daily", "Port Vell dockworkers strike over overtime", strike, 50),
        _article(8, "Norland Herald", "Norland seals debt-for-climate swap", swap, 52),
        _article(10, "Ostland Star", "Ferry runs aground off Cape Dell", ferry, 51),
    ]
    # (Two one-outlet stories recalled in passing are an analysis's background: three
    # make a briefing.)
    for title, lines, expected in (
        ("The Island Briefing: Knesset dissolves, dock strike, debt swap", briefing, 1),
        ("Knesset dissolves, dock strike, debt swap", briefing, 0),
        ("The Island Briefing: Knesset dissolves", briefing[:3] + briefing[4:], 0),
    ):
        page = _article(9, "Vell Daily", title, lines, 70)
        _, rejected = set_aside_roundups(
            cluster_stories([*week, page]), {a.id for a in [*week, page]}
        )
        assert len(rejected) == expected, title


def test_a_week_ahead_page_alone_telling_three_stories_is_a_roundup() -> None:
    # A week-ahead page no report joined is its story alone: three others make it a
    # roundup. Joined to one of them, it must tell three besides that one.
    ahead = (
        "Rescuers will dig through the rubble in the remote Kunar valleys, where the "
        "earthquake's death toll has risen to 1,124.",
        "EU finance ministers are expected to sign off the reparations loan for Ukraine "
        "backed by frozen Russian assets held at Euroclear in Belgium.",
        "The Bank of Korea will publish the minutes of the meeting at which it cut its rate "
        "to 2.25% as exports slowed.",
    )
    page = _article(9, "Weekly Review", "The week ahead: Kunar, the loan, Korea's rates", ahead, 75)
    assert roundups_module._calls_itself_a_briefing(page)
    stories = list(cluster_stories(_week()))
    alone = Story(id=StoryId("ahead"), articles=(page,))
    sentences = list(ahead)
    assert roundups_module._briefing_tells([*stories, alone], alone, page, sentences) == 3
    loan = next(s for s in stories if "a3" in {a.id for a in s.articles})
    joined = dataclasses.replace(loan, articles=(*loan.articles, page))
    others = [s for s in stories if s is not loan]
    assert roundups_module._briefing_tells([*others, joined], joined, page, sentences) == 0
