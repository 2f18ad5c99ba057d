"""What to watch: dated events ahead, found conservatively in the articles' sentences.

Each case is a sentence written for this test, the day its article was published and
what the section should say about it (the date, or nothing). The issue is dated Monday
23 November 2026.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest

from digest.models import Article, ArticleId, Story, StoryId
from digest.watch import MAX_ITEMS, find_events

ISSUE = date(2026, 11, 23)
TUESDAY = date(2026, 11, 17)
FRIDAY = date(2026, 11, 20)
SATURDAY = date(2026, 11, 21)


def _story(*texts: str, published: date = TUESDAY, story_id: str = "s-1", hour: int = 9) -> Story:
    articles = tuple(
        Article(
            id=ArticleId(f"{story_id}-{n}"),
            url=f"https://outlet{n}.example.com/{story_id}",
            outlet=f"Outlet {n}",
            feed_url="https://outlet.example.com/feed",
            title="A title",
            published=datetime.combine(published, time(hour), tzinfo=UTC),
            text=text,
        )
        for n, text in enumerate(texts)
    )
    return Story(StoryId(story_id), articles)


# (what it tests, sentence, publication day, expected (day, month) or None)
CASES = [
    (
        "a meeting's day in reported speech, in the present after 'when'",
        "Diplomats said the council was expected to sign off on the package when allied "
        "foreign ministers meet in Vell on Nov. 30.",
        TUESDAY,
        (date(2026, 11, 30), date(2026, 11, 1)),
    ),
    (
        "the same told as past after 'when'",
        "Diplomats said the council signed off on the package when allied foreign "
        "ministers met in Vell on Nov. 16.",
        TUESDAY,
        None,
    ),
    (
        "'meets' its demands is no meeting",
        "The union said the strike could end once the government meets its demands by Nov. 30.",
        TUESDAY,
        None,
    ),
    (
        "'it' after a clause: not listed (what it is, only a reader of the page knows)",
        "Despite the protests, parliament will vote on it on December 17.",
        FRIDAY,
        None,
    ),
    (
        "a day after 'when' that a modal hedges is not the diary's",
        "Diplomats said the council would sign off when the ministers could meet in Vell "
        "on Nov. 30.",
        TUESDAY,
        None,
    ),
    (
        "a day of next year after a long clause with the future in it",
        "Norland and Vell’s envoys agreed that the land border will be opened for citizens "
        "of other countries and for holders of diplomatic passports as of 15 January 2027.",
        TUESDAY,
        (date(2027, 1, 15), date(2027, 1, 1)),
    ),
    (
        "a ban from a day of next year, far from its verb",
        "Petrol motorbikes will be banned from the area inside the ring road in the old "
        "city from July 1, 2027, under a plan the council approved.",
        TUESDAY,
        (date(2027, 7, 1), date(2027, 7, 1)),
    ),
    (
        "a day of next year reported as the past's plan",
        "The border had been due to be opened for holders of diplomatic passports and "
        "for third-country citizens on 15 January 2027.",
        TUESDAY,
        None,
    ),
    (
        "a past move to a day months on, its year inferred",
        "The final, which was moved to September 5 because of the heat, drew a record crowd.",
        TUESDAY,
        None,
    ),
    (
        "a figure's date",
        "As of June 30, the central bank's reserves stood at $40 billion, and they are "
        "expected to fall further.",
        TUESDAY,
        None,
    ),
    (
        "a forecast reaching a month of next year",
        "Inflation will stay high, the bank said, and is forecast to ease to 2% by March 2027.",
        TUESDAY,
        None,
    ),
    (
        "a move three months on",
        "The election has been postponed until February 15.",
        TUESDAY,
        (date(2027, 2, 15), date(2027, 2, 1)),
    ),
    (
        "a rule in force as of a day, the future before it",
        "The new tariffs will apply as of January 1.",
        TUESDAY,
        (date(2027, 1, 1), date(2027, 1, 1)),
    ),
    (
        "a hearing brought forward",
        "The hearing was brought forward to December 1.",
        TUESDAY,
        (date(2026, 12, 1), date(2026, 12, 1)),
    ),
    (
        "a meeting moved to a day",
        "The border committee’s meeting, originally scheduled for November 20 in the "
        "capital, has been moved to December 1 and will take place abroad, the minister "
        "said.",
        TUESDAY,
        (date(2026, 12, 1), date(2026, 12, 1)),
    ),
    (
        "voted to hold an event on a day",
        "The parliament voted 23-8 on Thursday to hold a referendum on independence on "
        "April 6, 2027.",
        TUESDAY,
        (date(2027, 4, 6), date(2027, 4, 1)),
    ),
    (
        "voted against holding an event",
        "Lawmakers voted against a proposal to hold a referendum on 6 December.",
        TUESDAY,
        None,
    ),
    (
        "voted to hold an event, then vetoed",
        "The council voted to hold a referendum on 6 December, a move the governor vetoed.",
        TUESDAY,
        None,
    ),
    (
        "agreed to hold talks, then called off",
        "The parties agreed to hold talks on 3 December, but the talks were called off.",
        TUESDAY,
        None,
    ),
    (
        "agreed to act, however long the clause, at an event of next year",
        "Setubal and Vigo agreed to sign a trade framework, covering fares, fuel and "
        "pilots, at a summit of their mayors in Setubal on January 15, 2027.",
        TUESDAY,
        (date(2027, 1, 15), date(2027, 1, 1)),
    ),
    (
        "agreed to meet at an event",
        "Setubal and Vigo agreed to meet again at a summit in Geneva on 4 December.",
        TUESDAY,
        (date(2026, 12, 4), date(2026, 12, 1)),
    ),
    (
        "agreed to act on a weekday: the day it was agreed, maybe",
        "Setubal and Vigo agreed to extend the truce on Tuesday.",
        FRIDAY,
        None,
    ),
    (
        "an event another clause rejects something of stays",
        "Talks between Setubal and Vigo will resume on December 2, but Vigo rejected the "
        "latest fare offer.",
        FRIDAY,
        (date(2026, 12, 2), date(2026, 12, 1)),
    ),
    (
        "an ordinal that is a reading of a bill",
        "The Setubal assembly is expected to vote on the 2nd reading of the bill next week.",
        FRIDAY,
        None,
    ),
    (
        "agreed to a thing on a day gone",
        "Setubal and Vigo agreed to a ceasefire on Tuesday night after two days of clashes.",
        FRIDAY,
        None,
    ),
    (
        "agreed to act, then the deal collapsed",
        "Setubal and Vigo agreed to swap pilots on 5 December, but the deal collapsed on Friday.",
        TUESDAY,
        None,
    ),
    (
        "agreed to hold, then vetoed",
        "The Setubal council agreed to hold a referendum on 6 December, a move the governor "
        "vetoed.",
        TUESDAY,
        None,
    ),
    (
        "a weekday ending the sentence",
        "Talks between the Setubal dockers and the port are scheduled for next Monday.",
        FRIDAY,
        (date(2026, 11, 23), date(2026, 11, 1)),
    ),
    (
        "a day in figures",
        "The Setubal assembly will ratify the ferry accord on 15.12.2026.",
        TUESDAY,
        (date(2026, 12, 15), date(2026, 12, 1)),
    ),
    (
        "a day of the month alone, after it has passed this month",
        "The Setubal assembly will vote on the harbour budget on the 15th.",
        FRIDAY,
        (date(2026, 12, 15), date(2026, 12, 1)),
    ),
    (
        "an ordinal that is no day",
        "The Setubal mayor will open the harbour fair for the 15th time.",
        TUESDAY,
        None,
    ),
    (
        "day month, due",
        "The new duties are due to take effect on 1 December.",
        TUESDAY,
        (date(2026, 12, 1), date(2026, 12, 1)),
    ),
    (
        "month day with year",
        "Leaders will meet in Lisbon on December 14, 2026 for a summit.",
        TUESDAY,
        (date(2026, 12, 14), date(2026, 12, 1)),
    ),
    (
        "weekday, year inferred across new year",
        "The next rate decision is due on 3 February.",
        TUESDAY,
        (date(2027, 2, 3), date(2027, 2, 1)),
    ),
    (
        "month alone",
        "The court is expected to hold a first hearing in January.",
        TUESDAY,
        (None, date(2027, 1, 1)),
    ),
    (
        "next month",
        "A vote in parliament is expected next month.",
        TUESDAY,
        (None, date(2026, 12, 1)),
    ),
    (
        "weekday after a Friday article",
        "Ministers will vote on Tuesday on the budget.",
        FRIDAY,
        (date(2026, 11, 24), date(2026, 11, 1)),
    ),
    (
        "opening date, marker after",
        "On 2 December, the parliament will debate the motion.",
        TUESDAY,
        (date(2026, 12, 2), date(2026, 12, 1)),
    ),
    (
        "deadline noun",
        "Negotiators face a deadline on 31 December to agree the text.",
        TUESDAY,
        (date(2026, 12, 31), date(2026, 12, 1)),
    ),
    (
        "a timetable's present: money that runs out",
        "Government funding runs out at midnight on 11 December.",
        TUESDAY,
        (date(2026, 12, 11), date(2026, 12, 1)),
    ),
    (
        "what had run out by a day is past",
        "A nurse told reporters that the hospital had run out of anaesthetics by Tuesday night.",
        FRIDAY,
        None,
    ),
    (
        "a place's aside does not hide the event put off",
        "The by-election on 12 December in Tarn, where violence erupted last week, has been "
        "postponed.",
        TUESDAY,
        None,
    ),
    (
        "what a place after the date went through is not the event",
        "The commission will hold by-elections on 20 December in 12 towns where voting "
        "last year was cancelled because of fighting.",
        TUESDAY,
        (date(2026, 12, 20), date(2026, 12, 1)),
    ),
    (
        "a deadline given",
        "Rail unions have given the operator and the government until 12 December to "
        "improve their offer.",
        TUESDAY,
        (date(2026, 12, 12), date(2026, 12, 1)),
    ),
    (
        "an end ahead",
        "The navy reserved an area south of the cape for research, valid until 18 December.",
        TUESDAY,
        (date(2026, 12, 18), date(2026, 12, 1)),
    ),
    (
        "an event named before a date a fortnight on, no future tense",
        "The ruling comes as EU leaders prepare a loan at a summit in Brussels on Dec. 3.",
        TUESDAY,
        (date(2026, 12, 3), date(2026, 12, 1)),
    ),
    (
        "a span's first day, the span kept",
        "Ministers meet at a summit in Brussels on 17-18 December.",
        TUESDAY,
        (date(2026, 12, 17), date(2026, 12, 1)),
    ),
    (
        "the diary's present tense before a date",
        "The issue now goes to the European Council, which meets on December 17-18.",
        TUESDAY,
        (date(2026, 12, 17), date(2026, 12, 1)),
    ),
    (
        "the diary's present tense, a span in words",
        "The question passes to EU leaders, who meet in Brussels on December 17 and 18.",
        TUESDAY,
        (date(2026, 12, 17), date(2026, 12, 1)),
    ),
    (
        "a span in words, the span kept",
        "The deal will be put to EU leaders at a summit in Brussels on 17 and 18 December.",
        TUESDAY,
        (date(2026, 12, 17), date(2026, 12, 1)),
    ),
    (
        "planned for a date",
        "A further day of action is planned for 15 December.",
        TUESDAY,
        (date(2026, 12, 15), date(2026, 12, 1)),
    ),
    (
        "an event named before a date, future after it",
        "The summit on 17 December will be held in Brussels.",
        TUESDAY,
        (date(2026, 12, 17), date(2026, 12, 1)),
    ),
    # What must not become an event:
    (
        "an event named before a date, told as past",
        "Talks in Geneva on 3 December ended without a deal.",
        TUESDAY,
        None,
    ),
    (
        "the diary's verb in the past",
        "The European Council met on 17 December to discuss the loan.",
        TUESDAY,
        None,
    ),
    (
        "a span with 'to'",
        "The climate summit will be held in Ostra from 10 to 21 December.",
        TUESDAY,
        (date(2026, 12, 10), date(2026, 12, 1)),
    ),
    (
        "a date moved: no span, and not the day given up",
        "The deadline for asylum applications has been pushed back from 10 to 24 December.",
        TUESDAY,
        None,
    ),
    (
        "an event called off",
        "The summit on 17 December has been called off after the attack.",
        TUESDAY,
        None,
    ),
    ("an event put off", "The vote on 2 December has been postponed.", TUESDAY, None),
    (
        "an event put off to its day: that day's",
        "The electoral commission said the runoff will not be held until December 13.",
        TUESDAY,
        (date(2026, 12, 13), date(2026, 12, 1)),
    ),
    (
        "an event off until further notice",
        "The vote scheduled for December 9 will not take place until further notice.",
        TUESDAY,
        None,
    ),
    (
        "an event that will not take place",
        "The government withdrew its budget, and the vote set for 9 December will not take place.",
        TUESDAY,
        None,
    ),
    (
        "last year's event",
        "At the summit in Brussels on 14 December last year, leaders agreed to open talks.",
        TUESDAY,
        None,
    ),
    (
        "an event told as past further on",
        "Talks on 3 December between the two sides ended without a deal.",
        TUESDAY,
        None,
    ),
    (
        "a quotation's last sentence",
        "Lind wrote: “We agreed on the main points. The next round will take place in "
        "Lisbon on 3 December.”",
        TUESDAY,
        None,
    ),
    (
        "a quotation's first sentence",
        "“The next round will be held in Lisbon on 3 December. We agreed on the main "
        "points,” Lind said.",
        TUESDAY,
        None,
    ),
    (
        "an event named before a date, reported",
        "The minister said at a summit on 3 December that talks will resume.",
        TUESDAY,
        None,
    ),
    (
        "an event named before a date months on, no future tense",
        "Leaders meet at a summit in Brussels on 17 March.",
        TUESDAY,
        None,
    ),
    (
        "no event named before a date, no future tense",
        "A report near the border on 2 December tells of shelling.",
        TUESDAY,
        None,
    ),
    ("what should have been", "The treaty should have been signed on 1 December.", TUESDAY, None),
    ("a demand", "Critics say the talks should be held on 3 December instead.", TUESDAY, None),
    ("valid then", "The permits were valid until 1 December, officials said.", TUESDAY, None),
    (
        "reported on a date",
        "The minister said on 3 December that talks will resume.",
        TUESDAY,
        None,
    ),
    ("weekday in the past", "The court ruled on Friday that the plan will go ahead.", FRIDAY, None),
    ("past expectation", "Divers were expected to search the wreck on Saturday.", FRIDAY, None),
    ("already past by the issue", "The no-confidence vote is expected on Thursday.", TUESDAY, None),
    ("no future at all", "Fighting broke out on 1 December last year.", TUESDAY, None),
    ("month verb, not month", "Farmers will march through the capital in protest.", TUESDAY, None),
    ("past year in the sentence", "On June 24, the 2010 tour will set off again.", TUESDAY, None),
    ("first person", "We will be back on 5 December with more.", TUESDAY, None),
    (
        "inside a quotation",
        'Quote: "Work goes on. The next meeting will be held on 3 December. That is all."',
        TUESDAY,
        None,
    ),
    # Printed alone, a line must not lean on the sentence before it.
    ("a pronoun's event", "Their deployment will begin on Thursday.", FRIDAY, None),
    ("what 'it' is", "The Norland parliament is set to vote on it on December 17.", FRIDAY, None),
    (
        "what the vote is on, named",
        "The Norland parliament is set to vote on the harbour bill on December 17.",
        FRIDAY,
        (date(2026, 12, 17), date(2026, 12, 1)),
    ),
    ("a connective's event", "And the union, too, will march on 1 December.", TUESDAY, None),
    ("a thing's it", "It is set to come into force on 1 December.", TUESDAY, None),
    (
        "an expletive it",
        "It is unclear whether the council will vote on 1 December.",
        TUESDAY,
        (date(2026, 12, 1), date(2026, 12, 1)),
    ),
    # Reported speech puts the future a tense back.
    (
        "reported future",
        "The minister told reporters that the board would hold its first meeting on December 8.",
        TUESDAY,
        (date(2026, 12, 8), date(2026, 12, 1)),
    ),
    (
        "reported expectation, a span",
        "The forecaster warned that a second surge was expected to hit the coast between "
        "December 12 and 16.",
        TUESDAY,
        (date(2026, 12, 12), date(2026, 12, 1)),
    ),
    (
        "reported, but what would have been",
        "He said the talks would have resumed on December 9 had the strike ended.",
        TUESDAY,
        None,
    ),
    ("would, unreported", "The board would hold its first meeting on December 8.", TUESDAY, None),
    (
        "reported, called off",
        "Officials said the summit, which had been due to open on December 8, would not "
        "take place.",
        TUESDAY,
        None,
    ),
    (
        "reported, in doubt",
        "Diplomats said the talks would probably not resume on December 8.",
        TUESDAY,
        None,
    ),
    (
        "reported long ago, since overtaken",
        "Mr. Lee said last winter that the plant would close on December 20, but it is still "
        "running.",
        TUESDAY,
        None,
    ),
    (
        "reported before, in the past perfect",
        "The minister had said the plant would close on December 20.",
        TUESDAY,
        None,
    ),
    ("reported, never", "The firm said it would never again meet on December 8.", TUESDAY, None),
    (
        "an obligation within days of the report",
        "The ministry said the rebels must withdraw from the dam within ten days.",
        TUESDAY,
        (date(2026, 11, 27), date(2026, 11, 1)),
    ),
    (
        "within days of another day",
        "Parliament must meet within 14 days of the declaration of the results.",
        TUESDAY,
        None,
    ),
    (
        "the end of the month",
        "The government must publish an election calendar before the end of the month.",
        TUESDAY,
        (date(2026, 11, 30), date(2026, 11, 1)),
    ),
    (
        "a day and a month in figures",
        "The council will vote on the harbour budget on 28/11.",
        TUESDAY,
        (date(2026, 11, 28), date(2026, 11, 1)),
    ),
    ("figures either way round", "The council will vote on 6/12.", TUESDAY, None),
    (
        "a week on Monday",
        "The Senate will vote on the override a week on Monday.",
        TUESDAY,
        (date(2026, 11, 30), date(2026, 11, 1)),
    ),
    (
        "a span of centuries",
        "The treaty will restore monasteries built from the 12th to the 15th century.",
        TUESDAY,
        None,
    ),
    (
        "within days of a day the sentence names",
        "On 2 November the court ruled the rebels must withdraw within 30 days.",
        TUESDAY,
        None,
    ),
    (
        "within days of the day it was said",
        "The rebels must surrender within seven days, the army said on Friday.",
        TUESDAY,
        None,
    ),
    ("all the time", "The border will be monitored on 24/7 basis.", TUESDAY, None),
    (
        "within the next days and within a week",
        "The rebels must hand over the dam within a week.",
        TUESDAY,
        (date(2026, 11, 24), date(2026, 11, 1)),
    ),
    (
        "the end of a month named otherwise",
        "The ceasefire must hold until the end of the month of Ramadan.",
        TUESDAY,
        None,
    ),
    (
        "a span from a day, not a day a week on",
        "The Senate will break for a week on Wednesday.",
        FRIDAY,
        (date(2026, 11, 25), date(2026, 11, 1)),
    ),
    (
        "the ordinal day before an infinitive",
        "The committee will meet again on the 26th to review the plan.",
        TUESDAY,
        (date(2026, 11, 26), date(2026, 11, 1)),
    ),
    ("beyond the horizon", "The treaty takes effect on 1 January 2029.", TUESDAY, None),
    ("not a date", "The summit will open on 31 February.", TUESDAY, None),
    ("this month alone", "A decision is expected in November.", TUESDAY, None),
    (
        "marker too far from the date",
        "The agency will publish its long-awaited review of the accident that happened "
        "near the border on 2 December.",
        TUESDAY,
        None,
    ),
]


# A sentence that ends on its day is printed without it, after the date.
PRINTED = {
    "Government funding runs out at midnight on 11 December.": (
        "Government funding runs out at midnight."
    ),
    "Talks between the Setubal dockers and the port are scheduled for next Monday.": (
        "Talks between the Setubal dockers and the port are scheduled."
    ),
    "The Setubal assembly will ratify the ferry accord on 15.12.2026.": (
        "The Setubal assembly will ratify the ferry accord."
    ),
    "The Setubal assembly will vote on the harbour budget on the 15th.": (
        "The Setubal assembly will vote on the harbour budget."
    ),
    "Setubal and Vigo agreed to sign a trade framework, covering fares, fuel and pilots, at a "
    "summit of their mayors in Setubal on January 15, 2027.": (
        "Setubal and Vigo agreed to sign a trade framework, covering fares, fuel and pilots, "
        "at a summit of their mayors in Setubal."
    ),
    "Talks between Setubal and Vigo will resume on December 2, but Vigo rejected the latest "
    "fare offer.": (
        "Talks between Setubal and Vigo will resume on December 2, but Vigo rejected the "
        "latest fare offer."
    ),
    "Setubal and Vigo agreed to meet again at a summit in Geneva on 4 December.": (
        "Setubal and Vigo agreed to meet again at a summit in Geneva."
    ),
    "The new duties are due to take effect on 1 December.": (
        "The new duties are due to take effect."
    ),
    "The next rate decision is due on 3 February.": "The next rate decision is due.",
    "The Senate will break for a week on Wednesday.": "The Senate will break for a week.",
    "The council will vote on the harbour budget on 28/11.": (
        "The council will vote on the harbour budget."
    ),
    "The parliament voted 23-8 on Thursday to hold a referendum on independence on "
    "April 6, 2027.": (
        "The parliament voted 23-8 on Thursday (12 November) to hold a referendum on independence."
    ),
    "The ruling comes as EU leaders prepare a loan at a summit in Brussels on Dec. 3.": (
        "The ruling comes as EU leaders prepare a loan at a summit in Brussels."
    ),
    "It is unclear whether the council will vote on 1 December.": (
        "It is unclear whether the council will vote."
    ),
    "The minister told reporters that the board would hold its first meeting on "
    "December 8.": "The minister told reporters that the board would hold its first meeting.",
    "The Norland parliament is set to vote on the harbour bill on December 17.": "The "
    "Norland parliament is set to vote on the harbour bill.",
    "Diplomats said the council was expected to sign off on the package when allied "
    "foreign ministers meet in Vell on Nov. 30.": "Diplomats said the council was expected "
    "to sign off on the package when allied foreign ministers meet in Vell.",
}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [pytest.param(s, p, e, id=name) for name, s, p, e in CASES],
)
def test_dated_events_ahead(
    sentence: str, published: date, expected: tuple[date | None, date] | None
) -> None:
    items = find_events([_story(f"Some context first. {sentence}", published=published)], ISSUE)
    if expected is None:
        assert items == ()
        return
    [item] = items
    assert (item.day, item.month) == expected
    assert item.text == PRINTED.get(sentence, sentence)
    assert item.outlet == "Outlet 0" and item.url == "https://outlet0.example.com/s-1"
    assert item.story_id == "s-1"


def test_one_event_reported_by_two_outlets_is_listed_once_with_the_plainer_sentence() -> None:
    story = _story(
        "The duties, announced on Tuesday by the commerce ministry after weeks of threats, "
        "are due to take effect on 1 December.",
        "The duties are due to take effect on 1 December.",
    )
    [item] = find_events([story], ISSUE)
    assert item.text == "The duties are due to take effect."
    assert item.outlet == "Outlet 1"


def test_an_items_other_days_are_dated_and_its_own_day_is_not_repeated() -> None:
    # Beside "Tuesday 1 December", a bare "on Tuesday" would read as that Tuesday.
    story = _story(
        "The duties, announced by the commerce ministry on Tuesday and due to take effect "
        "on 1 December, will apply to dozens of dairies.",
        published=FRIDAY,
    )
    [item] = find_events([story], ISSUE)
    assert item.text == (
        "The duties, announced by the commerce ministry on Tuesday (17 November) and due to "
        "take effect on 1 December, will apply to dozens of dairies."
    )
    # The item's weekday keeps the item's date alone.
    meeting = _story("Ministers will meet on Friday to decide.", published=SATURDAY, hour=12)
    [item] = find_events([meeting], ISSUE)
    assert (item.day, item.text) == (date(2026, 11, 27), "Ministers will meet on Friday to decide.")
    # Told on that weekday, it is that very day in wire style, or a week on: not listed.
    # Nor, with no zone and a stamp before 10:00 UTC, the weekday of the day before.
    for published, hour in ((FRIDAY, 12), (SATURDAY, 3)):
        told = _story("Ministers will meet on Friday to decide.", published=published, hour=hour)
        assert find_events([told], ISSUE) == ()
    # A bracket or a dash against the weekday changes nothing (and breaks nothing).
    for text in (
        "The ministers (who will meet on Friday) are divided.",
        "Ministers will meet again on Friday—and decide.",
    ):
        [item] = find_events([_story(text, published=SATURDAY, hour=12)], ISSUE)
        assert (item.day, item.text) == (date(2026, 11, 27), text)
    strike = _story(
        "The strike, which began on Monday, is set to end on Friday at noon.",
        published=SATURDAY,
        hour=12,
    )
    [item] = find_events([strike], ISSUE)
    assert item.text == (
        "The strike, which began on Monday (16 November), is set to end on Friday at noon."
    )
    # A relative day keeps its word here: told as its weekday ("yesterday" of a Friday
    # is Thursday), it would be counted as the item's own.
    talks = _story(
        "After talks broke down yesterday, negotiators will meet again on Thursday in Geneva.",
        published=FRIDAY,
        hour=12,
    )
    [item] = find_events([talks], ISSUE)
    assert (item.day, item.text) == (
        date(2026, 11, 26),
        "After talks broke down yesterday (19 November), negotiators will meet again on "
        "Thursday in Geneva.",
    )
    hearing = _story("The parole board will hear the case on Wednesday.", published=FRIDAY)
    [item] = find_events([hearing], ISSUE)
    assert (item.day, item.text) == (
        date(2026, 11, 25),
        "The parole board will hear the case.",
    )


def test_a_month_alone_gives_way_to_a_day_in_that_month_of_the_same_story() -> None:
    story = _story(
        "A ruling is expected in December. The judges will rule on 9 December, the court says."
    )
    assert [(i.day, i.month) for i in find_events([story], ISSUE)] == [
        (date(2026, 12, 9), date(2026, 12, 1))
    ]


def test_soonest_first_dated_before_month_only_and_capped() -> None:
    stories = [
        _story("A hearing is expected in December.", story_id="s-month"),
        *(
            _story(f"The vote is due on {day} December.", story_id=f"s-{day:02d}")
            for day in (*(20, 3, 11, 5, 27, 14, 8, 22, 24, 26)[:MAX_ITEMS], 9)
        ),
    ]
    items = find_events(stories, ISSUE)
    assert len(items) == MAX_ITEMS
    days = [i.day for i in items]
    assert days == sorted(d for d in days if d is not None)
    assert days[0] == date(2026, 12, 3)
    assert all(i.story_id != "s-month" for i in items)  # month-only sorts after the days
    # The cap keeps the first stories' dates, the issue's order: not the 9th's.
    assert all(i.story_id != "s-09" for i in items)


def test_each_storys_soonest_date_comes_before_any_storys_second() -> None:
    busy = _story(
        *(
            f"The {name} board will meet on {day} December."
            for name, day in zip(
                ("port", "rail", "bus", "ferry", "tram", "road", "air", "canal", "bridge"),
                (7, 8, 9, 10, 11, 14, 15, 16, 17),
                strict=True,
            )
        ),
        story_id="s-busy",
    )
    later = _story("The office will open on 15 January 2027.", story_id="s-later")
    items = find_events([busy, later], ISSUE)
    assert len(items) == MAX_ITEMS
    assert items[-1].story_id == "s-later" and items[-1].day == date(2027, 1, 15)


def test_stories_second_dates_come_soonest_first() -> None:
    firsts = [
        _story(f"The {name} board will meet on {day} December.", story_id=f"s-{name}")
        for name, day in zip(
            ("port", "rail", "bus", "ferry", "tram", "road", "air", "canal", "bridge"),
            (7, 8, 9, 10, 11, 14, 15, 16, 18),
            strict=True,
        )
    ]
    office = _story(
        "The council will vote on 9 December. The office will open on 1 April 2027.",
        story_id="s-office",
    )
    summit = _story(
        "The ministers will meet on 16 December. Leaders will sign it at a summit on 17 December.",
        story_id="s-summit",
    )
    # The stories' firsts (the two stories with two dates last, their firsts in the
    # issue's order), then the soonest second in the last slot, not the issue's first one.
    items = find_events([*firsts[: MAX_ITEMS - 3], office, summit], ISSUE)
    assert len(items) == MAX_ITEMS
    assert (StoryId("s-summit"), date(2026, 12, 17)) in [(i.story_id, i.day) for i in items]
    assert all(i.day != date(2027, 4, 1) for i in items)


def test_a_day_put_off_to_is_in_the_diary_and_a_month_in_someones_words_is_not() -> None:
    story = _story(
        "The summit has been postponed until 15 January 2027, the office said. "
        "\u201cThose concerns will be just as valid in January,\u201d an aide said.",
        story_id="s-riga",
    )
    assert [i.day for i in find_events([story], ISSUE)] == [date(2027, 1, 15)]
    printed = {StoryId("s-riga"): ["The summit has been postponed until 15 January 2027."]}
    assert find_events([], ISSUE, printed, also=[story]) == ()
    # Another event of that month stays.
    rules = _story(
        "The summit has been postponed until 15 January 2027, the office said. "
        "Officials said the new port rules take effect in January.",
        story_id="s-riga",
    )
    assert [i.month for i in find_events([rules], ISSUE, printed)] == [date(2027, 1, 1)]
    # However the move is told: active, ahead, after earlier delays.
    for text in (
        "The electoral commission postponed the vote until 15 January.",
        "The vote will be postponed until 15 January, the speaker said.",
        "After repeated delays, the launch has been postponed until 15 January.",
        "The vote on the proposed budget was postponed until 15 January.",
        "Prosecutors asked for more time and the judge postponed the trial until 15 January.",
    ):
        assert [i.day for i in find_events([_story(text)], ISSUE)] == [date(2027, 1, 15)], text
    # A move wished, weighed, refused or undone puts nothing in the diary.
    for text in (
        "Opposition parties want the vote postponed until 15 January.",
        "The president said the election could be postponed until 15 January.",
        "The government rejected calls for the vote to be delayed until 15 January.",
        "The vote, which was postponed until 15 December, has now been cancelled.",
        "The vote will be held as planned and will not be postponed until January.",
        "If the vote is postponed until 15 January, the opposition will boycott it.",
        "Troops moved into the town and stayed until 15 January.",
    ):
        assert find_events([_story(text)], ISSUE) == (), text


def test_a_one_outlet_storys_date_fills_room_the_stories_leave() -> None:
    brief = _story(
        "The central bank cut rates again. The governor will present the inflation report "
        "on 11 December.",
        story_id="s-brief",
    )
    main = _story("The vote is due on 20 December.", story_id="s-main")
    items = find_events([main], ISSUE, also=[brief])
    assert [(i.story_id, i.day) for i in items] == [
        ("s-brief", date(2026, 12, 11)),
        ("s-main", date(2026, 12, 20)),
    ]
    # Its line under Also in the news is not printed twice.
    line = "The governor will present the inflation report on 11 December."
    assert find_events([main], ISSUE, {StoryId("s-brief"): [line]}, also=[brief]) == items[1:]
    # The stories' own dates come first: a full calendar leaves none for it.
    full = [
        _story(f"The vote is due on {day} December.", story_id=f"s-{day:02d}")
        for day in (20, 13, 14, 15, 16, 17, 18, 19, 21, 22)[:MAX_ITEMS]
    ]
    assert len(full) == MAX_ITEMS
    assert all(i.story_id != "s-brief" for i in find_events(full, ISSUE, also=[brief]))
    # But its only date comes before a main story's third: two stories of five dates
    # each leave it a line; stories of two dates each filling the list do not.
    pairs = [
        _story(
            f"The vote is due on {day} December. The council meets on {day + 1} December.",
            story_id=f"s-{day:02d}",
        )
        for day in (13, 15, 17, 19, 21)[: MAX_ITEMS // 2]
    ]
    assert all(i.story_id != "s-brief" for i in find_events(pairs, ISSUE, also=[brief]))
    crowded = [
        _story(
            " ".join(f"The {what} meets on {day} December." for day in days),
            story_id=f"s-{what}",
        )
        for what, days in (("council", (14, 15, 16, 17, 18)), ("board", (21, 22, 23, 28, 29)))
    ]
    # Also in the news' dates soonest first, whatever their order in the list.
    later = _story("The council will vote on the ferry fares on 29 January.", story_id="s-later")
    sooner = _story("The port board will meet on 9 December.", story_id="s-sooner")
    six = [
        _story(f"The vote is due on {day} December.", story_id=f"s-{day:02d}")
        for day in (20, 13, 14, 15, 16, 17, 21, 22)[: MAX_ITEMS - 2]
    ]
    kept = [i.story_id for i in find_events(six, ISSUE, also=[later, sooner, brief])]
    assert "s-sooner" in kept and "s-brief" in kept and "s-later" not in kept
    # A date only a printed sentence gives ranks after them.
    printed = {StoryId("s-20"): ["The vote is due on 20 December."]}
    eight = [
        *six,
        *(_story(f"The vote is due on {d} December.", story_id=f"s-{d}") for d in (18, 19)),
    ]
    kept = [i.story_id for i in find_events(eight, ISSUE, printed, also=[sooner])]
    assert "s-sooner" in kept and "s-20" not in kept
    items = find_events(crowded, ISSUE, also=[brief])
    assert len(items) == MAX_ITEMS
    assert ("s-brief", date(2026, 12, 11)) in [(i.story_id, i.day) for i in items]
    assert [i.story_id for i in items].count("s-council") == MAX_ITEMS // 2


def test_a_weekday_ahead_counts_from_the_day_the_outlet_wrote_on() -> None:
    # Monday 23 November, 03:00 UTC: still Sunday evening in New York.
    sunday_evening = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    sentence = "The harbour council will vote on Monday on the ferry fares."

    def watched(utc_offset: int | None) -> list[date | None]:
        article = Article(
            id=ArticleId("ny-1"),
            url="https://harbour.example/vote",
            outlet="Harbour Radio",
            feed_url="https://harbour.example/feed",
            title="Council to vote on fares",
            published=sunday_evening,
            text=f"Fares have doubled since the spring. {sentence}",
            utc_offset=utc_offset,
        )
        return [i.day for i in find_events([Story(StoryId("s-vote"), (article,))], ISSUE)]

    # On the outlet's clock it was Sunday: "on Monday" is the next day, the issue's.
    assert watched(-300) == [date(2026, 11, 23)]
    # On the UTC date alone it was Monday already, and Sunday on an American clock:
    # "on Monday" may be the day of writing, or a week on. No telling: not listed.
    assert watched(None) == []


def test_a_weekday_ahead_counts_from_the_day_it_was_said_on() -> None:
    """ "Will take place on Tuesday, police said Monday", published on Saturday 21
    November: the Tuesday after that Monday (17 November), long past by the issue; told
    on the day of the issue, it is the next day."""
    sentence = "A postmortem examination will take place on Tuesday, police said Monday."
    saturday = date(2026, 11, 21)
    assert [i.day for i in find_events([_story(sentence, published=saturday)], ISSUE)] == []
    assert [i.day for i in find_events([_story(sentence, published=ISSUE)], ISSUE)] == [
        date(2026, 11, 24)
    ]
    # Without the day it was said, the Tuesday after publication.
    plain = "A postmortem examination will take place on Tuesday."
    assert [i.day for i in find_events([_story(plain, published=saturday)], ISSUE)] == [
        date(2026, 11, 24)
    ]


def test_a_sentence_that_ends_on_its_day_is_printed_without_it() -> None:
    for text, printed in (
        ("The harbour law takes effect on March 1, 2027.", "The harbour law takes effect."),
        ("The ferry vote is expected on Thursday, 26 November.", "The ferry vote is expected."),
        # Before a reporting clause or in the middle, the day stays: the rest leans on it.
        (
            "The ferry vote is expected on 1 December, officials said.",
            "The ferry vote is expected on 1 December, officials said.",
        ),
        (
            "Leaders will meet on 14 December in Ardell for a summit.",
            "Leaders will meet on 14 December in Ardell for a summit.",
        ),
        # After a bare "is", the day is what the sentence says.
        (
            "The deadline for applications is on 5 December.",
            "The deadline for applications is on 5 December.",
        ),
        # Only a day said with "on": "by", "until" or "from" a day is part of the news.
        (
            "The ban will apply from 1 December.",
            "The ban will apply from 1 December.",
        ),
    ):
        [item] = find_events([_story(text, published=FRIDAY, hour=12)], ISSUE)
        assert item.text == printed


def test_a_sentence_the_story_already_prints_gives_way_to_another_of_its_day() -> None:
    """The Briefly prints "... will resume on Tuesday (1 December)"; What to watch tells
    that day in another outlet's own sentence when there is one, else in that one: the
    calendar is the week's whole. A one-outlet item's line is not printed twice."""
    told = "Talks on the ferry fares will resume on 1 December, the ministry says."
    as_printed = "Talks on the ferry fares will resume on 1 December, the ministry says."
    other = "The unions are expected to strike on 1 December unless the fares are cut."
    only_told = _story(told)
    [item] = find_events([only_told], ISSUE, {"s-1": [as_printed]})
    assert item.text == told and item.day == date(2026, 12, 1)
    for both in (_story(told, other), _story(other, told)):
        [item] = find_events([both], ISSUE, {"s-1": [as_printed]})
        assert item.text == other and item.day == date(2026, 12, 1)
    # The Briefly's own edits (a date in brackets, curled quotes) still read as the same.
    edited = "Talks on the ferry fares will resume on 1 December (Tuesday), the ministry says."
    assert find_events([only_told], ISSUE, {"s-1": [edited]}, also=[]) != ()
    assert find_events([], ISSUE, {"s-1": [edited]}, also=[only_told]) == ()
    [item] = find_events([only_told], ISSUE, {"s-2": [as_printed]})
    assert item.text == told
    # Another story giving the day in a sentence of its own tells it for both.
    elsewhere = _story(other, story_id="s-2")
    [item] = find_events([only_told, elsewhere], ISSUE, {"s-1": [as_printed]})
    assert item.story_id == "s-2"
    # Both printed: the day is still in the calendar.
    both = find_events([only_told, elsewhere], ISSUE, {"s-1": [as_printed], "s-2": [other]})
    assert {i.day for i in both} == {date(2026, 12, 1)}


def test_an_item_opening_on_the_bank_names_the_bank_its_story_names() -> None:
    def titled(text: str, title: str = "Bank of Norland cuts its key rate to 2%") -> Story:
        story = _story(text)
        return Story(story.id, tuple(dataclasses.replace(a, title=title) for a in story.articles))

    line = "The bank's next rate announcement is scheduled for Jan. 27."
    named = titled(f"Bank of Norland Governor Ana Lind cut the key rate to 2% on Tuesday. {line}")
    [item] = find_events([named], ISSUE)
    assert item.text == "The Bank of Norland’s next rate announcement is scheduled for Jan. 27."

    # Two banks the title names: which one, the line cannot tell, so it is left as
    # written; nor does a bank the title does not name (economists quoted on it).
    two = titled(
        f"The Bank of Norland and the Reserve Bank of Sudland both cut rates on Tuesday. {line}",
        "Bank of Norland and Reserve Bank of Sudland cut rates",
    )
    quoted = titled(
        f"Harbour Bank economists expect the central bank to hold rates on Tuesday. {line}",
        "Central bank expected to hold rates",
    )
    [item] = find_events([two], ISSUE)
    assert item.text == "The bank’s next rate announcement is scheduled for Jan. 27."
    # The story's own words for it, when its openings and titles name no bank.
    [item] = find_events([quoted], ISSUE)
    assert item.text == "The central bank’s next rate announcement is scheduled for Jan. 27."


def test_an_item_opening_on_the_law_says_which_law_as_its_story_does() -> None:
    def titled(text: str, title: str) -> Story:
        story = _story(text)
        return Story(story.id, tuple(dataclasses.replace(a, title=title) for a in story.articles))

    line = "The law takes effect on 1 March 2027."
    passed = titled(
        f"Lawmakers in Ardell voted 26 to 5 to pass a foreign investment screening law. {line}",
        "Ardell passes foreign investment screening law",
    )
    [item] = find_events([passed], ISSUE)
    assert item.text == "The foreign investment screening law takes effect."
    # Told shorter elsewhere, or as "new": the fullest telling says which.
    shorter = titled(
        f"The new screening law passed in Ardell. It is a foreign investment screening law. {line}",
        "Ardell passes foreign investment screening law | Ardell's new screening law",
    )
    [item] = find_events([shorter], ISSUE)
    assert item.text == "The foreign investment screening law takes effect."
    # Words the titles do not use ("new"), or two laws: left as written.
    for text, title in (
        (f"Lawmakers in Ardell passed a new law on Tuesday. {line}", "Ardell passes law"),
        # A law the story tells of beside its own: only as a title writes it, whole.
        (
            f"The court struck down a harbour screening law, and lawmakers passed a "
            f"replacement bill. {line}",
            "Court strikes down harbour law; Ardell passes a replacement",
        ),
        (
            f"Ardell passed a harbour screening law and a ferry pricing law. {line}",
            "Ardell passes harbour screening and ferry pricing laws",
        ),
    ):
        [item] = find_events([titled(text, title)], ISSUE)
        assert item.text == "The law takes effect."


def test_an_item_opening_on_the_new_parliament_says_whose_as_its_titles_do() -> None:
    def titled(text: str, *titles: str) -> Story:
        story = _story(*([text] * len(titles)))
        return Story(
            story.id,
            tuple(
                dataclasses.replace(a, title=t) for a, t in zip(story.articles, titles, strict=True)
            ),
        )

    line = "The new parliament is due to hold its first session on Dec. 9."
    lead = "Bulgaria's centre-right won the snap election on Sunday."
    [item] = find_events([titled(f"{lead} {line}", "Bulgaria's GERB wins snap vote")], ISSUE)
    assert item.text == "Bulgaria’s new parliament is due to hold its first session."
    both = titled(f"{lead} {line}", "GERB wins Bulgarian vote", "Sofia: coalition talks loom")
    [item] = find_events([both], ISSUE)
    assert item.text.startswith("Bulgaria’s new parliament")
    manila = "Voters in the Philippines chose a new congress on Sunday."
    [item] = find_events(
        [
            titled(
                f"{manila} The new cabinet will be sworn in on Dec. 9.", "Vote in the Philippines"
            )
        ],
        ISSUE,
    )
    assert item.text == "The Philippines’ new cabinet will be sworn in."
    # Titles naming two countries or none, a report opening on another country or on
    # none, a sentence naming its own, an institution "of" something, or a person's
    # office (whose president?): left as written.
    for text, title in (
        (f"{lead} {line}", "Bulgaria and Romania hold votes"),
        (f"{lead} {line}", "Centre-right wins snap vote"),
        (f"The centre-right won the vote on Sunday. {line}", "Bulgaria's GERB wins"),
        (f"Hamas handed over an Israeli hostage's remains. {line}", "Gaza hostage returned"),
        (f"{lead} The new parliament of Kosovo will meet on Dec. 9.", "Bulgaria votes"),
        (f"{lead} The new parliament in Pristina will meet on Dec. 9.", "Bulgaria votes"),
        (f"{lead} The government of the region will meet on Dec. 9.", "Bulgaria votes"),
        (f"{lead} The president will name a premier on Dec. 9.", "Bulgaria votes"),
    ):
        [item] = find_events([titled(text, title)], ISSUE)
        assert item.text.startswith("The "), (text, item.text)


def test_a_surname_opening_an_item_is_named_in_full_as_its_article_names_them() -> None:
    story = _story(
        "The meeting, convened by the Minister of Labour, Ann Holt, lasted five hours but "
        "failed to produce an agreement. Holt said both parties would meet again on "
        "Tuesday, December 1, to review the payments.",
        published=TUESDAY,
    )
    [item] = find_events([story], ISSUE)
    # With the role the article sets before the name, between commas.
    assert item.text.startswith("Ann Holt, the Minister of Labour, said both parties would meet")


def test_a_date_a_later_report_of_the_story_puts_off_is_not_listed() -> None:
    def report(n: int, day: date, text: str) -> Article:
        return Article(
            id=ArticleId(f"s-summit-{n}"),
            url=f"https://outlet{n}.example.com/summit",
            outlet=f"Outlet {n}",
            feed_url="https://outlet.example.com/feed",
            title="A title",
            published=datetime.combine(day, time(9), tzinfo=UTC),
            text=text,
        )

    early = report(
        0,
        TUESDAY,
        "Some context first. Qatar will take part in the summit in Manila on December 14.",
    )
    put_off = report(
        1, TUESDAY + timedelta(days=2), "The summit in Manila has been postponed to 2027."
    )
    assert find_events([Story(StoryId("s-summit"), (early, put_off))], ISSUE) == ()
    # Its old day in a relative clause ("which had been scheduled for ...") is no new day.
    relative = dataclasses.replace(
        put_off,
        text="The third summit, which had been scheduled for December 14 in Manila, has "
        "been postponed to 2027, the ministry said.",
    )
    assert find_events([Story(StoryId("s-summit"), (early, relative))], ISSUE) == ()
    # Not another summit put off, one that is merely doubted, nor one set anew.
    for text in (
        "Last month's summit in Rome was postponed because of the storm.",
        "A breakthrough at the summit is unlikely, diplomats said.",
        "The summit, postponed last month, will be held on December 14 as planned.",
    ):
        other = dataclasses.replace(put_off, text=text)
        [stays] = find_events([Story(StoryId("s-summit"), (early, other))], ISSUE)
        assert stays.day == date(2026, 12, 14), text
    # A later report that gives the day it was put off to keeps that day.
    moved = report(
        2, TUESDAY + timedelta(days=2), "The summit in Manila has been postponed until December 14."
    )
    [kept] = find_events([Story(StoryId("s-summit"), (early, moved))], ISSUE)
    assert kept.day == date(2026, 12, 14)
    # Told the other way round (the date given after the delay), the date stands.
    later = dataclasses.replace(early, published=put_off.published + timedelta(days=1))
    [item] = find_events([Story(StoryId("s-summit"), (put_off, later))], ISSUE)
    assert item.day == date(2026, 12, 14)


def test_a_storys_event_comes_before_its_other_dates_when_the_list_is_full() -> None:
    others = [
        _story(
            "Some context first. The Vell council will meet on 1 December to set the fares.",
            story_id=f"s-{n}",
        )
        for n in range(MAX_ITEMS)
    ]
    polls = _story(
        "Some context first. Voter rolls in Setubal will be updated until 30 November. "
        "The Setubal by-election will be held on 21 January 2027.",
        story_id="s-polls",
    )
    days = {(item.story_id, item.day) for item in find_events([polls, *others], ISSUE)}
    assert ("s-polls", date(2027, 1, 21)) in days


def test_a_weekday_a_deadline_ends_on_stays_in_the_items_text() -> None:
    from digest.watch import _dated_text, _mentions

    for sentence, kept in (
        ("Storm Ana is expected to leave the Setubal coast by Thursday.", "by Thursday."),
        ("The Setubal embassy will stay closed until next Thursday.", "until next Thursday."),
    ):
        [mention] = _mentions(sentence, FRIDAY, ISSUE)
        article = _story(sentence, published=FRIDAY).articles[0]
        assert _dated_text(sentence, article, mention).endswith(kept)


def test_a_columns_dates_are_its_arguments_while_the_story_has_a_report() -> None:
    story = _story(
        "Norland and Vell agreed on Friday to open the border crossing for diplomats.",
        "The crossing will open on January 15, and it is tempting to see a breakthrough.",
    )
    report, column = story.articles
    column = dataclasses.replace(column, url="https://outlet1.example.com/opinion/crossing")
    assert find_events([Story(story.id, (report, column))], ISSUE) == ()
    # A column alone on its story still gives its dates.
    assert find_events([Story(story.id, (column,))], ISSUE) != ()


def test_the_week_until_the_next_issue_comes_first_whatever_story_gives_it() -> None:
    stories = [
        _story(f"The {name} board will meet on {day} December.", story_id=f"s-{name}")
        for name, day in zip(
            ("port", "rail", "bus", "ferry", "tram", "road", "air", "dock", "lock", "canal"),
            (7, 8, 9, 10, 11, 14, 15, 16, 17, 18),
            strict=True,
        )
    ][-MAX_ITEMS:]
    # The last story's deadline falls before the next issue: the cap does not cut it.
    deadline = _story(
        "The union has given the ministry until Friday, 27 November, to answer.",
        story_id="s-deadline",
    )
    items = find_events([*stories, deadline], ISSUE)
    assert len(items) == MAX_ITEMS
    assert items[0].story_id == "s-deadline" and items[0].day == date(2026, 11, 27)
    assert all(i.story_id != "s-canal" for i in items)


def test_one_storys_many_days_this_week_do_not_push_out_another_storys_only_date() -> None:
    busy = _story(
        *(
            f"The {name} board will meet on {day} November."
            for name, day in zip(
                ("port", "rail", "bus", "ferry", "tram", "road", "air", "canal", "dock", "lock"),
                (24, 24, 25, 25, 26, 26, 27, 27, 28, 28),
                strict=True,
            )
        ),
        story_id="s-busy",
    )
    others = [
        _story(f"The {name} vote is due on {day} December.", story_id=f"s-{name}")
        for name, day in (("budget", 3), ("election", 6))
    ]
    kept = {i.story_id for i in find_events([busy, *others], ISSUE)}
    assert {"s-busy", "s-budget", "s-election"} <= kept
