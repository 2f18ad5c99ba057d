"""Counts that move during a week (``digest.tolls``), read straight from scored sentences."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from digest.briefly import ScoredSentences, score_sentences
from digest.models import Article, Story, StoryId
from digest.summarize import summarize_story
from digest.tolls import elsewhere_on_live, superseded_counts
from tests.test_summarize import _article


def _superseded(first: str, later: str) -> list[str]:
    """The sentences of two reports (the second written two days later) that give a
    count the later one updates."""
    articles = [
        _article("a", "A", "First report", first, 0),
        _article("b", "B", "Later report", later, 50),
    ]
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    return [scored.candidates[i].text for i in superseded_counts(scored, articles)]


LATER = (
    "The strike in Ardel spread as 97 schools closed, up from {old} on Monday, the "
    "education office said on Wednesday."
)


@pytest.mark.parametrize(
    ("first", "old", "expected"),
    [
        # Any count a later report says it moved from is the older one.
        ("At least 41 schools in Ardel were closed on Monday after teachers walked out.",
         "41", True),
        # A day of the month is no count, whatever figure moves from it.
        ("Schools in Ardel were closed on 30 November after teachers walked out.", "30", False),
        ("Schools in Ardel were closed on Nov. 30 after teachers walked out.", "30", False),
        # Another figure is another count.
        ("At least 41 schools in Ardel were closed on Monday after teachers walked out.",
         "45", False),
    ],
)  # fmt: skip
def test_a_count_a_later_sentence_moved_from_is_superseded(
    first: str, old: str, expected: bool
) -> None:
    found = _superseded(first, LATER.format(old=old))
    assert (first in found) is expected
    assert LATER.format(old=old) not in found


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # The plan a later report says was moved is no longer the plan, however the
        # day is written.
        ("Ardel's assembly is set to vote on Dec. 10 on the referendum bill, the speaker said.",
         True),
        ("Ardel's assembly will vote on 10 December on the referendum bill, the speaker said.",
         True),
        # Another day, or the same bill on no day, stands.
        ("Ardel's assembly is set to vote on Dec. 3 on the referendum bill, the speaker said.",
         False),
        ("Ardel's assembly is set to vote on the referendum bill, the speaker said.", False),
        ("Ardel's assembly will vote on 10th December on the referendum bill.", True),
        # One that tells the move itself already gives the new day.
        ("Ardel's assembly vote, originally set for Dec. 10, will now be held on Dec. 17.",
         False),
    ],
)  # fmt: skip
def test_an_events_day_a_later_report_moved_it_from_is_superseded(
    first: str, expected: bool
) -> None:
    later = (
        "Ardel's assembly has postponed by one week its vote on the referendum bill, "
        "moving it from December 10 to December 17, the speaker said on Thursday."
    )
    found = _superseded(first, later)
    assert (first in found) is expected
    assert later not in found
    # Delays a traveller faced are no event moved.
    faced = "Travellers to Ardel have faced delays from December 10, the airport said."
    assert not _superseded(first, faced)


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # The strike a later report says has ended is the week's past.
        ("About 5,000 Ardel port workers went on strike on Wednesday, halting ferries.", True),
        ("Ferries to the islands will not sail during the Ardel port strike.", True),
        # History stays history; another state is another story.
        ("The last Ardel port strike, in 2024, lasted 32 days.", False),
        ("Ardel port workers blocked the harbour road on Wednesday.", False),
    ],
)  # fmt: skip
def test_a_state_a_later_report_says_has_ended_is_superseded(first: str, expected: bool) -> None:
    later = (
        "Ardel's port authority and the dockers' union reached a tentative agreement on "
        "Friday, ending a three-day strike at the port."
    )
    found = _superseded(first, later)
    assert (first in found) is expected
    assert later not in found
    # Talks meant to end it, an end weighed or waited for, and an earlier strike's end
    # end nothing.
    for failed in (
        "The meeting to end the Ardel port strike ended in a deadlock on Friday.",
        "Talks aimed at ending the Ardel port strike broke up on Friday without a deal.",
        "The Ardel port union said it was considering calling off the strike if pay rose.",
        "Ferries to Ardel port will not sail until the union calls off the strike.",
        "If the union calls off the strike at Ardel port on Friday, ferries will sail again.",
        "The Ardel port union said it would consider a deal ending the strike.",
        "Ardel port workers ended their first week on strike with a march on Friday.",
        "The last Ardel port strike ended after 32 days in 2023.",
        "Ardel port workers, who ended a 40-day strike in 2026, walked out again on Friday.",
        "Ardel port workers ended a previous strike in March after twelve days.",
    ):
        assert not _superseded(first, failed), failed
    # An air strike is no workforce's, nor a nation's strikes.
    for raid in (
        "An air strike hit the Ardel port road on Wednesday, officials said.",
        "Israeli strikes hit the Ardel port road on Wednesday, officials said.",
    ):
        assert not _superseded(raid, later)
    # A strike joined, a strike talks ended in, a week ending with one: no end.
    for joined in (
        "More Ardel port workers ended up joining the strike on Friday.",
        "Talks at Ardel port ended in a strike on Friday.",
        "The week at Ardel port ends with a general strike on Friday.",
    ):
        assert not _superseded(first, joined), joined
    # Ends that did happen, however the sentence opens.
    for done in (
        ()
        if not expected
        else (
            "After urgent talks the Ardel port union ended its strike on Friday.",
            "Ardel port workers stayed out until the union ended the strike on Friday.",
            "Ardel port workers ended their longest strike since 2019 on Friday.",
            "Ardel port workers ended weeks of strikes on Friday.",
            "The Ardel port strike is over, the dockers' union said on Friday.",
        )
    ):
        assert first in _superseded(first, done), done


def test_a_count_moved_from_in_a_report_on_another_subject_stands() -> None:
    # One shared word is not one subject when the sentences are no two ledes.
    first = (
        "The ministry said on Monday. Officials met in the capital. "
        "Farmers in the north sold 41 tractors at the spring fair in Vell."
    )
    assert not _superseded(first, LATER.format(old="41"))


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("The death toll from the floods in Ardel stands at 12, the ministry said on "
         "Thursday, revising down an earlier figure after two victims were counted twice.",
         True),
        # A lower count that corrects nothing may be one town's or one day's.
        ("Floods in Ardel killed 12 people in the old town, the ministry said on Thursday.",
         False),
    ],
)  # fmt: skip
def test_a_toll_revised_down_supersedes_the_higher_one(later: str, expected: bool) -> None:
    first = "Flash floods in Ardel killed 14 people on Monday night, the ministry said."
    assert (first in _superseded(first, later)) is expected


def test_the_same_old_count_is_old_only_in_a_short_sentence_of_no_other_place() -> None:
    articles = [
        _article("a", "A", "Typhoon kills five", "Typhoon Kalmaegi killed at least five "
                 "people in the central Philippines on Tuesday, officials said.", 0),
        _article("b", "B", "Toll rises to nine", "The death toll from Typhoon Kalmaegi in "
                 "the central Philippines rose to nine on Wednesday, officials said.", 30),
        _article("c", "C", "Typhoon reaches Vietnam", "At least five people died in Vietnam "
                 "on Thursday as Kalmaegi made landfall in Gia Lai province, the disaster "
                 "agency said.", 48),
        _article("d", "D", "Five dead", "At least five people died, officials said.", 1),
    ]  # fmt: skip
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    found = {scored.candidates[i].text for i in superseded_counts(scored, articles)}
    assert articles[0].text in found
    assert articles[3].text in found  # short, no place of its own: the old count again
    assert articles[2].text not in found  # Vietnam's five, two days later


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # A year is no count a later figure moved from, nor an age.
        ("Port traffic in Ardel has grown every year since 2019, the port authority said.",
         "Container traffic in Ardel rose to 9,000 boxes a day, up from 2019 levels, the "
         "port authority said on Wednesday."),
        ("The strike in Ardel was called by the union's 62-year-old leader, teachers said.",
         "The strike in Ardel spread as 97 schools closed, up from 62 on Monday, the "
         "education office said on Wednesday."),
        # Rain recorded twice a month's average corrects no toll.
        ("Flash floods in Ardel killed 14 people on Monday night, the ministry said.",
         "Floods in Ardel have killed 12 people in the old town, after the weather station "
         "recorded twice its monthly average rainfall on Thursday."),
        # A growth forecast revised down corrects no toll.
        ("Flash floods in Ardel killed 14 people on Monday night, the ministry said.",
         "Floods in Ardel killed 12 people in the old town, and the central bank revised "
         "down its growth forecast on Thursday."),
    ],
)  # fmt: skip
def test_what_is_no_count_is_not_superseded(first: str, later: str) -> None:
    assert first not in _superseded(first, later)


def test_a_count_of_marines_is_no_date() -> None:
    first = "At least 12 Marines in Ardel were wounded in the attack, officials said."
    later = (
        "The number of Marines wounded in Ardel has risen to 19, up from 12, officials "
        "said on Wednesday."
    )
    assert first in _superseded(first, later)


@pytest.mark.parametrize(
    "correction",
    [
        "after two people were counted twice",
        "revising down its earlier toll",
        "revising the death toll downwards",
        "after it lowered the death toll to 12 from 14",
    ],
)
def test_a_toll_corrected_in_other_words_supersedes_the_higher_one(correction: str) -> None:
    first = "Flash floods in Ardel killed 14 people on Monday night, the ministry said."
    later = (
        f"The death toll from the floods in Ardel stands at 12, the ministry said, {correction}."
    )
    assert first in _superseded(first, later)


def test_an_age_is_no_count_and_a_short_count_in_a_city_is_its_own() -> None:
    later = "The strike spread as 97 schools closed, up from 62 on Monday, officials said."
    for first in (
        "The union's leader, Maria Costa, 62, called the strike on Monday, teachers said.",
        "The strike was called by the union's leader, aged 62, teachers said on Monday.",
    ):
        assert first not in _superseded(first, later)


def test_in_the_briefly_an_older_lower_toll_goes_but_another_groups_few_dead_stay() -> None:
    from digest.tolls import below_told_toll

    first = (
        "At least a dozen people were killed after the typhoon made landfall in Guiuan.\n\n"
        "Two soldiers were killed on Monday when their rescue boat capsized."
    )
    later = "The death toll from the typhoon climbed to 41 on Thursday, officials said."
    articles = [
        _article("a", "A", "First report", first, 0),
        _article("b", "B", "Later report", later, 72),
    ]
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    lead = next(i for i, c in enumerate(scored.candidates) if c.text.startswith("The death toll"))
    rest = [i for i in range(len(scored.candidates)) if i != lead]
    kept = below_told_toll(scored, articles, [lead], rest, exact=False, anywhere=True)
    assert [scored.candidates[i].text for i in kept] == [
        "Two soldiers were killed on Monday when their rescue boat capsized."
    ]


def test_a_report_correcting_the_toll_down_leads_with_its_count() -> None:
    """The correction is told in one sentence and the count in the next ("lowered the
    death toll ..., saying two victims had been counted twice." "The toll now stands at
    12, not 14 as reported earlier."): the report's lower count is the story's."""
    from digest.models import Story, StoryId
    from digest.summarize import summarize_story

    articles = [
        _article("a", "A", "Landslide kills 14 in Ardel",
                 "A landslide buried part of a mining village in Ardel on Monday night, "
                 "killing 14 people, the provincial disaster office said. Rescuers searched "
                 "the mud for nine people still missing in the village.", 0),
        _article("b", "B", "14 dead, 9 missing as landslide buries Ardel village",
                 "At least 14 people were killed when a landslide buried part of a mining "
                 "village in Ardel, the provincial disaster office said on Tuesday. Nine "
                 "people were still missing.", 10),
        _article("c", "C", "Ardel landslide death toll revised to 12; 3 still missing",
                 "Authorities on Wednesday lowered the death toll from the landslide that "
                 "buried part of a mining village in Ardel, saying two of the victims had "
                 "been counted twice. The toll now stands at 12, not 14 as reported earlier, "
                 "the provincial disaster office said. Three people remain missing.", 50),
    ]  # fmt: skip
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    found = {scored.candidates[i].text for i in superseded_counts(scored, articles)}
    assert any("killing 14 people" in text for text in found)
    summary = summarize_story(Story(StoryId("s"), tuple(articles)))
    assert summary.headline == "Ardel landslide death toll revised to 12; 3 still missing"
    assert "The toll now stands at 12" in summary.briefly_text
    assert "killing 14" not in summary.briefly_text


def test_a_columns_later_toll_supersedes_no_reports() -> None:
    report = "Floods in the Norby district have killed nine people, the disaster agency said."
    later = (
        "The floods, which have killed at least 12 people, show the cost of building on "
        "floodplains."
    )
    assert _superseded(report, later) == [report]
    # The same sentence in a column (an address under /opinion/): no Briefly leads with
    # it, and the report's toll stays the story's.
    articles = [
        _article("a", "A", "First report", report, 0),
        dataclasses.replace(
            _article("b", "B", "Norby must stop building on floodplains", later, 50),
            url="https://b.example/opinion/norby-floodplains",
        ),
    ]
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    assert superseded_counts(scored, articles) == {}


def test_a_live_pages_older_toll_below_a_later_reports_is_superseded() -> None:
    # The live page opened on Friday evening; its entries from before a Saturday report
    # give lower tolls, far down the page.
    live = _article(
        "live",
        "Radio",
        "Live updates: Vell floods death toll rises to 37",
        "Death toll rises to 37\n\n"
        "The interior ministry said 37 people had died in the floods.\n\n"
        "Toll climbs in Tarsk\n\n"
        "Local authorities in Tarsk province raised the death toll to 29.\n\n"
        "Rescuers reach the valley\n\n"
        "Army trucks reached villages cut off by the water.\n\n"
        "First reports\n\n"
        "At least 11 people were killed when flash floods swept through Tarsk province "
        "overnight, local authorities said.",
        30,
    )
    report = _article(
        "report",
        "Wire",
        "Vell flood toll rises to 42",
        "Forty-two people have been killed in the floods that struck Tarsk province on "
        "Wednesday night, the interior ministry said on Saturday.",
        45,
    )
    articles = [live, report]
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    old = {scored.candidates[i].text for i in superseded_counts(scored, articles)}
    assert "Local authorities in Tarsk province raised the death toll to 29." in old
    assert any(text.startswith("At least 11 people") for text in old)
    assert not any(text.startswith("Forty-two") for text in old)


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # One more death told on its own, before a later report's toll: within it.
        ("A 74-year-old man has died in hospital in Harlen, the regional broadcaster said.",
         True),
        ("Another victim was found dead under a collapsed house near the harbour.", True),
        ("One more person died overnight of injuries suffered in the quake.", True),
        # A person told by role is news of its own; and a death abroad is another's.
        ("A journalist was killed when a wall fell on him in Harlen.", False),
        ("A man has died in hospital in Peru after a quake there on Monday, officials said.",
         False),
        # A death of its own: in custody, elsewhere in the country.
        ("A man who was detained at a checkpoint died in police custody in Harlen.", False),
        ("A woman was found dead in Ostby after a separate landslide.", False),
        ("A man died in hospital in Ostby after shelling hit his village.", False),
    ],
)  # fmt: skip
def test_one_more_death_told_before_a_later_toll_is_within_it(first: str, expected: bool) -> None:
    later = (
        "Eleven people were killed by the earthquake that struck Harlen province in Greece "
        "on Tuesday, the civil protection agency said on Thursday."
    )
    assert (first in _superseded(first, later)) is expected
    # Told after the toll, it is news the toll does not hold.
    assert first not in _superseded(later, first)


def test_a_disasters_live_page_without_a_count_in_its_title_supersedes_its_older_entries() -> None:
    live = _article(
        "live",
        "Radio",
        "LIVE: Flash floods in the south — latest updates",
        "Civil Defence confirms the recovery of two more bodies in Harlen, raising the death "
        "toll to 12.\n\n"
        "The Education Ministry says classes will stay suspended until next week.\n\n"
        "The death toll rises to 10, according to the Public Security Directorate.\n\n"
        "Civil Defence says seven people have died after flash floods swept through Harlen.",
        30,
    )
    for title in (live.title, "LIVE: Earthquake strikes the south — latest updates"):
        page = dataclasses.replace(live, title=title)
        scored = score_sentences([page.text], frozenset(), titles=[page.title])
        old = {scored.candidates[i].text for i in superseded_counts(scored, [page])}
        assert "The death toll rises to 10, according to the Public Security Directorate." in old
        assert not any("toll to 12" in text for text in old)


def test_a_reports_lede_leads_over_a_live_entry_giving_the_same_toll() -> None:
    live = _article(
        "live",
        "Radio",
        "LIVE: Flash floods in the south — latest updates",
        "Civil Defence confirms the recovery of two more bodies in Harlen, raising the death "
        "toll to 12.\n\n"
        "The death toll rises to 10, according to the Public Security Directorate.\n\n"
        "Civil Defence says seven people have died after flash floods swept through Harlen.",
        20,
    )
    report = _article(
        "report",
        "Wire",
        "Twelve dead as flash floods sweep the south",
        "Twelve people were killed and one remains missing after flash floods swept through "
        "the south, civil defence officials said on Thursday, a day after torrents tore "
        "through the town of Harlen.",
        30,
    )
    summary = summarize_story(Story(StoryId("floods"), (live, report)))
    assert summary.briefly_text.startswith("Twelve people were killed")


def test_a_live_pages_revision_down_and_a_war_pages_other_town_stand() -> None:
    report = _article(
        "report",
        "Wire",
        "Vell flood toll rises to 37",
        "At least 37 people have been killed in the floods in Tarsk province, the interior "
        "ministry said on Saturday.\n\n"
        "At least 14 people were killed in the shelling of Kessel on Friday, officials said.",
        45,
    )

    def old_counts(live: Article) -> set[str]:
        articles = [live, report]
        scored = score_sentences(
            [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
        )
        return {scored.candidates[i].text for i in superseded_counts(scored, articles)}

    # A page on the floods' dead: its revision down is its newest word.
    revised = _article(
        "live",
        "Radio",
        "Live updates: Vell floods death toll revised to 35",
        "Toll revised\n\n"
        "The interior ministry revised the death toll down to 35 after two victims were "
        "counted twice.\n\n"
        "Rescuers reach the valley\n\n"
        "Army trucks reached villages cut off by the water.",
        30,
    )
    old = old_counts(revised)
    assert not any("revised the death toll down to 35" in text for text in old)
    assert any(text.startswith("At least 37 people") for text in old)
    # A war's page: the Dorrin market's five are not Kessel's fourteen.
    war = _article(
        "live",
        "Radio",
        "Live updates: war in Vell",
        "Market hit in Dorrin\n\n"
        "Five people were killed when a shell hit the market in Dorrin, officials said.",
        30,
    )
    assert not any(text.startswith("Five people were killed") for text in old_counts(war))


def _scored(articles: list[Article]) -> ScoredSentences:
    return score_sentences([a.text for a in articles], frozenset(), [a.title for a in articles])


def _old(articles: list[Article]) -> set[str]:
    """The sentences of ``articles`` whose counts a later one supersedes."""
    scored = _scored(articles)
    return {scored.candidates[i].text for i in superseded_counts(scored, articles)}


def _away(articles: list[Article]) -> set[str]:
    """The sentences of ``articles``' live pages that tell an incident elsewhere."""
    scored = _scored(articles)
    return {scored.candidates[i].text for i in elsewhere_on_live(scored, articles)}


def test_a_war_pages_newest_entry_on_another_town_neither_leads_nor_corrects() -> None:
    # The Dnipro-like case: a war's live page opens on a strike in another town, and
    # further down carries the one story's revision down and its older, higher count.
    live = _article(
        "live",
        "Post",
        "War latest: Tarsk strike, rescue work and attacks - live updates",
        "Drone strike on Dorrin kills four\n\n"
        "Drones hit a residential street in Dorrin overnight, killing four people, the city "
        "administration said.\n\n"
        "Tarsk toll revised to 31\n\n"
        "The regional administration has lowered the death toll from the missile strike to "
        "31, from 38, after seven victims were registered twice.\n\n"
        "Death toll in Tarsk rises to 38\n\n"
        "Regional head Anton Vell says 38 people are now confirmed dead, among them five "
        "children.",
        0,
    )
    first = _article(
        "first",
        "Wire",
        "Missile strike on Tarsk apartment block kills 38",
        "Thirty-eight people were killed when a missile hit an apartment block in Tarsk on "
        "Tuesday, the regional administration said.",
        30,
    )
    lowered = _article(
        "lowered",
        "Post",
        "Tarsk strike toll lowered to 31 after double counting",
        "Authorities in Tarsk lowered the death toll from Tuesday's missile strike on an "
        "apartment block to 31 from 38, saying seven victims had been counted twice.",
        80,
    )
    articles = [live, first, lowered]
    old = _old(articles)
    # The revision stands: the page's higher entry is from before it, and the other
    # town's four correct nothing.
    assert not any(text.startswith("Authorities in Tarsk lowered") for text in old)
    assert any(text.startswith("Regional head Anton Vell says 38") for text in old)
    assert any(text.startswith("Thirty-eight people") for text in old)
    # The other town's entry is no sentence of the story.
    away = _away(articles)
    assert any(text.startswith("Drones hit a residential street in Dorrin") for text in away)
    assert not any("Tarsk" in text for text in away)
    summary = summarize_story(Story(StoryId("s"), tuple(articles)))
    assert summary.briefly_text.startswith("Authorities in Tarsk lowered the death toll")
    assert "Dorrin" not in summary.briefly_text
    assert "31" in summary.headline


def test_a_live_page_on_one_event_keeps_its_towns_and_a_later_entry_raises_a_revision() -> None:
    report = _article(
        "report",
        "Wire",
        "Quake toll in Vell rises to 1,644",
        "The death toll from the earthquake that struck Tarsk on Friday rose to 1,644, the "
        "interior ministry said.",
        30,
    )
    # A page on one quake: its entry on another town is the quake's own news.
    quake = _article(
        "live",
        "Radio",
        "Vell earthquake: rescuers search rubble - live updates",
        "Rescuers reach Dorrin\n\n"
        "Rescuers in Dorrin pulled more bodies from the rubble, and the death toll from the "
        "quake rose to 1,700, officials said.",
        40,
    )
    articles = [report, quake]
    assert _away(articles) == set()
    # A war page's entry in the story's town, told with a possessive, is the story's.
    war = dataclasses.replace(
        quake,
        title="Vell war live: Tarsk strike and rescue work",
        text="More bodies found\n\nRescuers in Tarsk's Novy district pulled three more bodies "
        "from the rubble, officials said.",
    )
    articles = [report, war]
    assert _away(articles) == set()
    # A war page's entry above the report's revision down, raising the toll again, is
    # newer than the revision.
    lowered = _article(
        "lowered",
        "Post",
        "Tarsk strike toll lowered to 31",
        "Authorities in Tarsk lowered the death toll from the missile strike to 31 from 38, "
        "saying seven victims had been counted twice.",
        30,
    )
    raised = dataclasses.replace(
        war,
        # The page opened before the revision.
        published=lowered.published - timedelta(hours=20),
        text="Two more bodies found in Tarsk\n\nRescuers found two more bodies in Tarsk, "
        "bringing the death toll from the missile strike to 33, officials said.",
    )
    articles = [lowered, raised]
    old = _old(articles)
    assert any(text.startswith("Authorities in Tarsk lowered") for text in old)


def test_a_revision_down_stands_over_the_figure_it_moved_from_on_a_live_page() -> None:
    lowered = _article(
        "lowered",
        "Post",
        "Tarsk strike toll lowered to 31",
        "Authorities in Tarsk lowered the death toll from the missile strike to 31 from 38, "
        "saying seven victims had been counted twice.",
        30,
    )

    # The page's 38 is the figure the report moved from, whatever the page's age.
    page = _article(
        "live",
        "Radio",
        "Vell-Ostra live: Tarsk strike latest",
        "Toll rises\n\nRegional head Anton Vell says 38 people are now confirmed dead in Tarsk "
        "after the missile strike.",
        0,
    )
    assert not any(
        text.startswith("Authorities in Tarsk lowered") for text in _old([lowered, page])
    )
    # Another town's revision on the page says nothing of the Tarsk entry below it.
    other = dataclasses.replace(
        page,
        text="Dorrin toll lowered\n\nOfficials in Dorrin lowered the death toll from Sunday's "
        "shelling to four from six.\n\nTwo more bodies\n\nRescuers found two more bodies in "
        "Tarsk, bringing the death toll from the missile strike to 33, officials said.",
    )
    assert any(text.startswith("Authorities in Tarsk lowered") for text in _old([lowered, other]))


# The story's own report, beside a live page that runs entries on other towns.
TARSK_REPORT = _article(
    "report",
    "Wire",
    "Missile strike on Tarsk kills 38",
    "Thirty-eight people were killed when a missile hit an apartment block in Tarsk.",
    10,
)


def test_a_live_pages_incident_elsewhere_is_left_out_whatever_its_title() -> None:
    report = TARSK_REPORT
    page = _article(
        "live",
        "Radio",
        "Vell-Ostra live: Tarsk strike latest and attacks overnight",
        "Dorrin hit\n\nDrones hit a residential street in Dorrin overnight, killing four "
        "people, officials said.",
        20,
    )
    articles = [report, page]
    away = _away(articles)
    assert any(text.startswith("Drones hit a residential street in Dorrin") for text in away)
    # A fire's page: its other town's toll is the fire's own.
    fire = dataclasses.replace(
        page,
        title="Corvan wildfire live: crews fighting flames as winds pick up",
        text="Pellam evacuated\n\nEveryone in Pellam was told to leave as the death toll from "
        "the fire rose to 14.",
    )
    articles = [report, fire]
    assert _away(articles) == set()


def test_a_live_pages_entry_on_an_incident_elsewhere_goes_whole() -> None:
    report = TARSK_REPORT
    page = _article(
        "live",
        "Radio",
        "Tarsk attack: latest updates",
        "Air force strikes camp\n\nThe air force says a strike destroyed a camp near "
        "Dorrin, killing 12 fighters. Its spokesman said the strike was not linked to the "
        "Tarsk attack.\n\nGovernor visits\n\nThe governor visited Tarsk and said the "
        "town would be rebuilt.",
        20,
    )
    away = _away([report, page])
    # The entry's spokesman goes with its count; the next entry stays.
    assert any(text.startswith("Its spokesman said the strike") for text in away)
    assert not any("governor" in text for text in away)
    # A day's summary goes on to the story's own town: that and what follows stay.
    summary = dataclasses.replace(
        page,
        text="Summary of the day\n\nDrones hit a street in Dorrin overnight, killing four "
        "people. In Tarsk, officials lowered the death toll to 31. The president will visit "
        "the city on Friday.\n\nMore later\n\nRescue work goes on.",
    )
    away = _away([report, summary])
    assert any(text.startswith("Drones hit a street in Dorrin") for text in away)
    assert not any(text.startswith(("In Tarsk", "The president")) for text in away)
    # On a page of one paragraph there are no entries to tell apart.
    flat = dataclasses.replace(page, text=page.text.replace("\n\n", " "))
    away = _away([report, flat])
    assert not any(text.startswith("Its spokesman") for text in away)


def test_a_toll_revised_down_from_a_figure_supersedes_that_figure_in_any_words() -> None:
    earlier = _article(
        "earlier",
        "Daily",
        "Rescuers race against cold as landslide toll reaches 38",
        "Rescuers worked through the night in Tarsk.\n\n"
        "Excavators cleared the county road by noon.\n\n"
        "Volunteers brought tents and blankets to the school.\n\n"
        "The headquarters said on Wednesday that 38 people had been confirmed dead and nine "
        "were missing.",
        10,
    )
    lowered = _article(
        "lowered",
        "Wire",
        "Landslide toll revised down to 31",
        "Authorities in Vell on Friday lowered the death toll from Monday's landslide in "
        "Tarsk to 31 from 38, saying seven victims had been counted twice.",
        60,
    )
    articles = [earlier, lowered]
    old = _old(articles)
    assert any("38 people had been confirmed dead" in text for text in old)
    assert not any(text.startswith("Authorities in Vell on Friday lowered") for text in old)


def test_a_live_page_last_changed_before_a_later_report_tells_its_counts_as_of_then() -> None:
    # Opened and last changed on Tuesday: its "two people found dead" is Tuesday's count,
    # under Thursday's toll of eleven, however near the quake it is told.
    live = _article(
        "live",
        "Island Mail",
        "LIVE: Strong earthquake hits Tarsk",
        "The fire service says two people have been found dead in a house that collapsed "
        "near Ostby.\n\n"
        "A strong earthquake of magnitude 6.4 struck off Tarsk at 04:12 local time, the "
        "seismology institute said.",
        0,
    )
    live = dataclasses.replace(live, updated=live.published + timedelta(hours=17))
    report = _article(
        "report",
        "Wire",
        "Tarsk earthquake death toll rises to eleven",
        "Eleven people were killed by the earthquake that struck Tarsk early on Tuesday, the "
        "authorities said on Thursday, as rescue teams ended their search of the last "
        "collapsed buildings in Ostby.",
        50,
    )
    summary = summarize_story(Story(StoryId("quake"), (live, report)))
    assert summary.briefly_text.startswith("Eleven people were killed")
    assert "two people have been found dead" not in summary.briefly_text
