"""Which day a weekday means, and when a future tense is about a day gone by (digest.dates)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from digest.dates import (
    annotate_dates,
    relative_date_words,
    stale_day,
    stale_future,
    strip_date_annotations,
)
from digest.layout import short_date
from digest.models import Article, ArticleId, Story, StoryId
from digest.summarize import summarize_story
from digest.watch import find_events


def test_an_early_utc_article_never_dates_a_past_day_after_its_own_date() -> None:
    # A Wednesday, 03:00 UTC: Thursday has not begun anywhere yet.
    early = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)
    assert annotate_dates("A cyclist who fell on Thursday was taken to hospital.", early) == (
        "A cyclist who fell on Thursday (12 November) was taken to hospital."
    )
    assert annotate_dates("Thursday night's match ended in a draw.", early) == (
        "Thursday night's (12 November) match ended in a draw."
    )
    # The same day is today.
    assert annotate_dates("The ferry ran aground on Wednesday.", early) == (
        "The ferry ran aground on Wednesday (18 November)."
    )


def test_a_late_utc_article_keeps_a_days_slack_for_outlets_east_of_utc() -> None:
    # A Wednesday, 16:00 UTC: already Thursday in Auckland and Tokyo.
    late = datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
    assert annotate_dates("The harbour master said on Thursday the port is open.", late) == (
        "The harbour master said on Thursday (19 November) the port is open."
    )


def test_the_outlets_own_clock_decides_which_day_it_was() -> None:
    # Wednesday 16:00 UTC. In New York (UTC-5) it is Wednesday 11:00: a Thursday told
    # in the past is last week's; in Tokyo (UTC+9) it is Thursday 01:00: today.
    late = datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
    crash = "The driver crashed on Thursday near the harbour."
    assert annotate_dates(crash, late, -300) == (
        "The driver crashed on Thursday (12 November) near the harbour."
    )
    assert annotate_dates(crash, late, 540) == (
        "The driver crashed on Thursday (19 November) near the harbour."
    )
    # Tokyo's today is Thursday, so its yesterday is Wednesday.
    assert annotate_dates("The talks ended yesterday.", late, 540) == (
        "The talks ended on Wednesday (18 November)."
    )
    # With no zone from the feed, the UTC date keeps a day's slack, as before.
    assert annotate_dates(crash, late) == (
        "The driver crashed on Thursday (19 November) near the harbour."
    )


def test_a_passive_in_a_condition_looks_ahead() -> None:
    monday = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert annotate_dates(
        "The skipper could be home by Christmas if she is cleared by the inquiry on Thursday.",
        monday,
    ) == (
        "The skipper could be home by Christmas if she is cleared by the inquiry on "
        "Thursday (19 November)."
    )
    assert annotate_dates("If the loan is approved on Friday, work starts in spring.", monday) == (
        "If the loan is approved on Friday (20 November), work starts in spring."
    )
    assert annotate_dates("The bridge is closed until Saturday.", monday) == (
        "The bridge is closed until Saturday (21 November)."
    )
    assert annotate_dates("The fares are expected to be announced on Friday.", monday) == (
        "The fares are expected to be announced on Friday (20 November)."
    )
    # "Is to take effect" looks ahead, after an agreement told in the past.
    assert annotate_dates(
        "The sides agreed on Monday to a truce that is to take effect on Wednesday.", monday
    ) == (
        "The sides agreed on Monday (16 November) to a truce that is to take effect on "
        "Wednesday (18 November)."
    )
    assert annotate_dates("Ministers are to decide on Friday.", monday) == (
        "Ministers are to decide on Friday (20 November)."
    )
    # Not "is to blame", nor an aim or a hope.
    assert annotate_dates("Speeding is to blame for the crash on Friday.", monday) == (
        "Speeding is to blame for the crash on Friday (13 November)."
    )
    assert (
        annotate_dates(
            "The protest on Friday was calm, but the goal is to keep up pressure.", monday
        )
        == "The protest on Friday (13 November) was calm, but the goal is to keep up pressure."
    )
    # "Was" makes it past, a condition or not.
    assert annotate_dates("The loan was approved on Friday.", monday) == (
        "The loan was approved on Friday (13 November)."
    )


def test_an_event_called_for_a_day_is_ahead() -> None:
    saturday = datetime(2026, 12, 12, 8, 0, tzinfo=UTC)
    assert annotate_dates(
        "The union said the vote was “a betrayal” and called a national day of protest for "
        "Tuesday.",
        saturday,
    ) == (
        "The union said the vote was “a betrayal” and called a national day of protest for "
        "Tuesday (15 December)."
    )
    # With where it goes between.
    called = "The union called a march to Parliament for Tuesday and threatened a strike."
    assert annotate_dates(called, saturday) == (
        "The union called a march to Parliament for Tuesday (15 December) and threatened a strike."
    )
    organised = "The march scheduled for Tuesday and organised by the union drew 20,000 people."
    assert annotate_dates(organised, saturday) == (
        "The march scheduled for Tuesday (8 December) and organised by the union drew "
        "20,000 people."
    )
    billed = "The rally scheduled for Thursday and billed as the largest in years drew 50,000."
    assert "(10 December)" in annotate_dates(billed, saturday)
    assert annotate_dates("The speaker set the vote for Friday.", saturday) == (
        "The speaker set the vote for Friday (18 December)."
    )
    assert annotate_dates("A vote scheduled for Friday will decide the budget.", saturday) == (
        "A vote scheduled for Friday (18 December) will decide the budget."
    )
    # Told as past after the day, or not set by anyone, or a day's own: it is gone.
    assert annotate_dates("The rally for Tuesday attracted 5,000 people.", saturday) == (
        "The rally for Tuesday (8 December) attracted 5,000 people."
    )
    assert annotate_dates("The protest for Tuesday drew thousands.", saturday) == (
        "The protest for Tuesday (8 December) drew thousands."
    )
    assert annotate_dates("Talks scheduled for Thursday broke up in anger.", saturday) == (
        "Talks scheduled for Thursday (10 December) broke up in anger."
    )
    assert annotate_dates("Thousands joined a march for Tuesday's victims.", saturday) == (
        "Thousands joined a march for Tuesday's (8 December) victims."
    )


def test_what_starts_on_a_day_and_what_goes_as_planned_look_ahead() -> None:
    wednesday = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    thursday = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    # Agreed in the past, the truce starts on the coming Saturday.
    assert annotate_dates(
        "The two armies have agreed to stop fighting for 90 days, starting Saturday. "
        "The truce was announced on Tuesday.",
        wednesday,
    ) == (
        "The two armies have agreed to stop fighting for 90 days, starting Saturday "
        "(5 December). The truce was announced on Tuesday (1 December)."
    )
    # Its past tense after the day: a strike gone by; told as past before it, or as a
    # span run, so are protests and a truce that collapsed.
    assert annotate_dates("A strike starting Monday paralysed the city.", thursday) == (
        "A strike starting Monday (30 November) paralysed the city."
    )
    assert annotate_dates(
        "Police arrested 40 people during three days of protests beginning Monday.", thursday
    ) == ("Police arrested 40 people during three days of protests beginning Monday (30 November).")
    assert annotate_dates("The airline cancelled 300 flights starting Monday.", thursday) == (
        "The airline cancelled 300 flights starting Monday (30 November)."
    )
    # A measure set in the past that starts on the day; a walkout that "would" start.
    assert annotate_dates("The central bank raised rates, effective Monday.", thursday) == (
        "The central bank raised rates, effective Monday (7 December)."
    )
    assert annotate_dates(
        "The union, which has staged strikes for two weeks, said a walkout starting Monday "
        "would be indefinite.",
        thursday,
    ) == (
        "The union, which has staged strikes for two weeks, said a walkout starting Monday "
        "(7 December) would be indefinite."
    )
    assert annotate_dates(
        "The armies agreed to a truce, starting Monday, but it collapsed on Tuesday.", thursday
    ) == (
        "The armies agreed to a truce, starting Monday (30 November), but it collapsed on "
        "Tuesday (1 December)."
    )
    # A stoppage called "from" its day: the day it is to start (a participle after "with
    # ... dates" describes, it tells no past); told in the past after its day, a
    # stoppage gone by.
    assert annotate_dates(
        "Unions have called a 48-hour walkout from Friday, with more dates threatened over "
        "the holidays.",
        wednesday,
    ) == (
        "Unions have called a 48-hour walkout from Friday (4 December), with more dates "
        "threatened over the holidays."
    )
    assert annotate_dates(
        "The teachers' union called for a strike from Friday over unpaid allowances.", wednesday
    ) == (
        "The teachers' union called for a strike from Friday (4 December) over unpaid allowances."
    )
    assert annotate_dates("The walkout from Monday disrupted trains.", thursday) == (
        "The walkout from Monday (30 November) disrupted trains."
    )
    # Staged, not called; and "with" inside a clause leaves its verb a past tense.
    assert annotate_dates(
        "Drivers have staged a walkout from Monday, with trains cancelled.", thursday
    ) == ("Drivers have staged a walkout from Monday (30 November), with trains cancelled.")
    assert annotate_dates(
        "Talks with the unions collapsed on Monday and a strike will begin on Friday.", thursday
    ) == (
        "Talks with the unions collapsed on Monday (30 November) and a strike will begin on "
        "Friday (4 December)."
    )
    # What is (un)likely to happen by the day is ahead; a day told before "likely" is not.
    assert annotate_dates("The road is unlikely to reopen before Friday.", wednesday) == (
        "The road is unlikely to reopen before Friday (4 December)."
    )
    assert annotate_dates("Monday's vote is likely to reshape the coalition.", wednesday) == (
        "Monday's (30 November) vote is likely to reshape the coalition."
    )
    # "As planned" is how the strike ends, not a past tense.
    assert annotate_dates(
        "The union leader said the strike would end as planned at 4 a.m. on Friday.", thursday
    ) == ("The union leader said the strike would end as planned at 4 a.m. on Friday (4 December).")


def test_reported_speechs_would_tells_of_a_day_near_the_report_or_after_the_statement() -> None:
    wednesday = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    # The nearer of the coming day and the one gone.
    assert annotate_dates(
        "Forecasters had warned that the storm would make landfall on Sunday.", monday
    ) == ("Forecasters had warned that the storm would make landfall on Sunday (29 November).")
    assert annotate_dates(
        "The union said its members would walk out on Tuesday, and thousands did.", wednesday
    ) == ("The union said its members would walk out on Tuesday (1 December), and thousands did.")
    # An occasion still to come: the next one after the report, however near the last.
    saturday = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    assert annotate_dates(
        "The government said the cabinet would declare an emergency at its next meeting on "
        "Thursday.",
        saturday,
    ) == (
        "The government said the cabinet would declare an emergency at its next meeting on "
        "Thursday (10 December)."
    )
    # ... not one the sentence tells as done.
    assert annotate_dates(
        "The bank had signalled it would cut rates at its next meeting on Thursday, and it did.",
        saturday,
    ) == (
        "The bank had signalled it would cut rates at its next meeting on Thursday (3 "
        "December), and it did."
    )
    # A "had" in another clause tells nothing of this one.
    assert annotate_dates(
        "The council, which had postponed the vote, said it would decide at its next "
        "session on Thursday.",
        saturday,
    ).endswith("session on Thursday (10 December).")
    # After the day the sentence says it was said on.
    assert annotate_dates("He said on Tuesday that he would resign on Friday.", wednesday) == (
        "He said on Tuesday (1 December) that he would resign on Friday (4 December)."
    )
    assert annotate_dates(
        "The fishermen said they would hold a protest on Thursday.", wednesday
    ) == ("The fishermen said they would hold a protest on Thursday (3 December).")
    # The future as it stood then reads the same, on the outlet's own clock too.
    thursday_evening = datetime(2026, 12, 3, 18, 0, tzinfo=UTC)
    assert (
        annotate_dates(
            "An official said the envoy was due to brief the cabinet on Friday.",
            thursday_evening,
            120,
        )
        == "An official said the envoy was due to brief the cabinet on Friday (4 December)."
    )
    # Expected somewhere on a day: reported speech's future, near the report.
    saturday = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
    expected = "He told reporters that the energy minister was expected in Amman on Tuesday"
    assert annotate_dates(f"{expected}.", saturday) == f"{expected} (8 December)."
    assert (
        annotate_dates(
            "The minister was due to land on Tuesday but the flight was cancelled.",
            thursday_evening,
            120,
        )
        == "The minister was due to land on Tuesday (1 December) but the flight was cancelled."
    )
    # What happened instead, told after it, puts the plan's day in the past; a plan
    # that fell through is no future at all.
    assert (
        annotate_dates(
            "The ship was due to dock on Monday but was turned away by port officials.",
            thursday_evening,
            120,
        )
        == "The ship was due to dock on Monday (30 November) but was turned away by port officials."
    )
    assert (
        annotate_dates(
            "The ceasefire was supposed to take effect on Sunday.", thursday_evening, 120
        )
        == "The ceasefire was supposed to take effect on Sunday (29 November)."
    )
    # Its past tells of a day gone.
    assert annotate_dates("He said he would have resigned on Thursday.", wednesday) == (
        "He said he would have resigned on Thursday (26 November)."
    )
    # A day named before it is what it looks ahead from, and it is past.
    assert annotate_dates(
        "Shops closed on Friday after the port said the curfew would be lifted on Monday.",
        wednesday,
    ) == (
        "Shops closed on Friday (27 November) after the port said the curfew would be "
        "lifted on Monday (30 November)."
    )


def test_what_to_watch_and_the_briefly_give_a_conditional_day_the_same_date() -> None:
    friday = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    hearing = "The parole board will hear the skipper's case on Wednesday."
    release = "The skipper could walk free by spring if she is granted parole on Wednesday."
    story = Story(
        StoryId("s-1"),
        (
            Article(
                id=ArticleId("a-1"),
                url="https://quay.example.com/parole",
                outlet="Quay Post",
                feed_url="https://quay.example.com/feed",
                title="Skipper's parole hearing set",
                published=friday,
                text=f"{hearing} {release}",
            ),
        ),
    )
    (watched,) = find_events([story], date(2026, 11, 23))
    assert watched.day == date(2026, 11, 25)
    assert annotate_dates(release, friday).endswith("on Wednesday (25 November).")


def test_a_past_tense_before_the_futures_of_a_sentence_keeps_its_day_in_the_past() -> None:
    thursday = datetime(2026, 11, 19, 12, 0, tzinfo=UTC)
    # The day belongs to what the board did; the future is what it announced.
    assert annotate_dates(
        "On Tuesday, the board dismissed the director, saying the museum will reopen soon.",
        thursday,
    ) == (
        "On Tuesday (17 November), the board dismissed the director, saying the museum "
        "will reopen soon."
    )
    # Nothing past between them: the future governs the day.
    assert annotate_dates("On Tuesday, the board will name a new director.", thursday) == (
        "On Tuesday (24 November), the board will name a new director."
    )


def test_today_after_a_capitalised_word_is_part_of_a_name() -> None:
    published = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
    for text in (
        "TODAY IN THE HARBOUR: Would you sail to Mull in a gale?",
        "The paper's ferry column, Today on the Water, won an award.",
        "A survey published by Harbour Health Today last spring found the same.",
        "She told the Morning Today show she would run.",
    ):
        assert annotate_dates(text, published) == text
        assert relative_date_words(text) == []
    # A lower-case today after a name is the day; so is a Today opening the sentence.
    assert annotate_dates("Mayor Ortiz today opened the bridge.", published) == (
        "Mayor Ortiz on Wednesday (18 November) opened the bridge."
    )
    assert annotate_dates("Today the bridge opened.", published) == (
        "On Wednesday (18 November) the bridge opened."
    )
    # The present age is no date; today's vote is.
    for text in (
        "The fund says today's economy rewards savers less than ever.",
        "Today's young people rarely buy a newspaper.",
    ):
        assert annotate_dates(text, published) == text
    assert annotate_dates("Today's vote was delayed.", published) == (
        "Wednesday's (18 November) vote was delayed."
    )


def test_the_verb_governing_a_day_decides_whether_its_future_is_stale() -> None:
    issue = date(2026, 11, 23)
    # Past verbs govern the days; the futures are what was said or announced.
    for text in (
        "The ministry warned Wednesday (18 November) it will cut the grain quota.",
        "Last week (week of 9 November), the club sacked its coach, announcing that the "
        "new season will start without him.",
        "This week (week of 16 November), the airport changed its security lanes, a change "
        "that will shorten queues.",
    ):
        assert not stale_future(text, issue), text
    # A relative clause's future is someone else's.
    assert not stale_future(
        "She hosted the Sunday (15 November) quiz, whose producers will move it to radio.", issue
    )
    for text in (
        "The new tolls could take effect as soon as this week (week of 16 November).",
        "The skipper could be home by Christmas if she is cleared on Thursday (19 November).",
    ):
        assert stale_future(text, issue), text


def test_a_weekend_gets_its_own_dates_and_a_past_this_weekend_is_the_one_gone() -> None:
    monday = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert annotate_dates("The harbour regatta attracted record crowds this weekend.", monday) == (
        "The harbour regatta attracted record crowds this weekend (14–15 November)."
    )
    assert annotate_dates("The harbour regatta is this weekend.", monday) == (
        "The harbour regatta is this weekend (21–22 November)."
    )
    assert annotate_dates("The ferries will run next weekend.", monday) == (
        "The ferries will run next weekend (28–29 November)."
    )
    # Across a month's end; and a Sunday's "this weekend" is the one under way.
    sunday = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    assert annotate_dates("The regatta attracted crowds this weekend.", sunday) == (
        "The regatta attracted crowds this weekend (31 October–1 November)."
    )
    # The brackets come off again, giving the source's words.
    text = "The regatta attracted crowds this weekend."
    assert strip_date_annotations(annotate_dates(text, sunday)) == text
    issue = date(2026, 11, 23)
    assert stale_future("The tolls could start as soon as this weekend (21–22 November).", issue)


def test_a_story_dates_its_days_on_each_outlets_clock() -> None:
    late = datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
    text = "A ferry driver crashed into the harbour wall on Thursday, the port authority said."
    article = Article(
        id=ArticleId("ny-1"),
        url="https://harbour.example/crash",
        outlet="Harbour Radio",
        feed_url="https://harbour.example/feed",
        title="Ferry hits harbour wall",
        published=late,
        text=text,
        utc_offset=-300,
    )
    summary = summarize_story(Story(StoryId("crash"), (article,)))
    assert "on Thursday (12 November)" in summary.briefly[0].text


def test_a_day_ahead_counts_from_the_day_it_was_said_on() -> None:
    """ "Will vote on Friday, the mayor said Wednesday", in a Saturday report: the Friday
    after that Wednesday (the day before the report), not the next week's; and the
    Briefly's date is then a stale future, which the editors are told about."""
    saturday = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    sentence = "The harbour council will vote on Friday, the mayor said Wednesday."
    dated = annotate_dates(sentence, saturday)
    assert dated == (
        "The harbour council will vote on Friday (20 November), the mayor said Wednesday "
        "(18 November)."
    )
    assert stale_future(dated, date(2026, 11, 23))
    # Said on no particular day: the next Friday.
    assert annotate_dates("The harbour council will vote on Friday.", saturday) == (
        "The harbour council will vote on Friday (27 November)."
    )


def test_a_day_a_dated_past_verb_set_in_motion_comes_after_that_day() -> None:
    """ "On Thursday, the governor ordered the minister to lead a delegation on Friday",
    in a Thursday report: the Friday after, not the one before the order (which dated
    the plan before it was made)."""
    thursday = datetime(2026, 11, 19, 9, 0, tzinfo=UTC)
    ordered = (
        "On Thursday, the governor ordered the transport minister to lead a delegation "
        "to the port on Friday, state radio reported."
    )
    assert annotate_dates(ordered, thursday) == (
        "On Thursday (19 November), the governor ordered the transport minister to lead a "
        "delegation to the port on Friday (20 November), state radio reported."
    )
    agreed = "The two unions agreed on Monday to meet the ferry company again on Friday."
    assert annotate_dates(agreed, thursday) == (
        "The two unions agreed on Monday (16 November) to meet the ferry company again on "
        "Friday (20 November)."
    )
    # A day the infinitive does not reach stays in the past.
    for sentence, dated in (
        (
            "On Monday, fares rose to levels not seen since Friday.",
            "On Monday (16 November), fares rose to levels not seen since Friday (13 November).",
        ),
        (
            "The ferry was held on Monday, and it sailed on Friday.",
            "The ferry was held on Monday (16 November), and it sailed on Friday (13 November).",
        ),
        # No order: "to the scene" is no infinitive.
        (
            "On Monday, divers returned to the wreck of the ferry on Saturday.",
            "On Monday (16 November), divers returned to the wreck of the ferry on Saturday "
            "(14 November).",
        ),
        # The day belongs to what is named on the way, not to the plan.
        (
            "On Monday, the coastguard asked sailors to send in videos of the sinking on Saturday.",
            "On Monday (16 November), the coastguard asked sailors to send in videos of the "
            "sinking on Saturday (14 November).",
        ),
        (
            "On Monday, the mayor vowed to rebuild the pier hit by Saturday's storm.",
            "On Monday (16 November), the mayor vowed to rebuild the pier hit by Saturday's "
            "(14 November) storm.",
        ),
    ):
        assert annotate_dates(sentence, thursday) == dated


def test_what_a_dated_report_tells_is_dated_from_the_day_of_the_report() -> None:
    """ "On Friday the radio reported that ... before Wednesday's blast", in a Wednesday
    report: the Wednesday before that Friday, not the day of publication, which came
    after the report."""
    wednesday = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    cases = {
        "On Friday the state radio reported that inspectors had seen trucks at the depot "
        "before Wednesday's blast.": "On Friday (13 November) the state radio reported that "
        "inspectors had seen trucks at the depot before Wednesday's (11 November) blast.",
        "Harbour police said Friday the skipper had left port on Tuesday.": "Harbour police "
        "said Friday (13 November) the skipper had left port on Tuesday (10 November).",
        # The report's day named after what it tells; a story told in order keeps its order.
        "The ferry talks were settled on Tuesday, the union and the port said on Friday.": "The "
        "ferry talks were settled on Tuesday (10 November), the union and the port said on "
        "Friday (13 November).",
        "Protests began on Friday and police cleared the square on Tuesday.": "Protests began "
        "on Friday (13 November) and police cleared the square on Tuesday (17 November).",
        # Neither a statement inside the sentence nor a span that opens ahead.
        "The union replied Tuesday to what the port had said on Friday.": "The union replied "
        "Tuesday (17 November) to what the port had said on Friday (13 November).",
        "A strike starting on Tuesday was called off, the union said on Friday.": "A strike "
        "starting on Tuesday (17 November) was called off, the union said on Friday (13 "
        "November).",
        # Another clause or event between the report and the day.
        "Shops closed on Friday after the port announced that the curfew would be lifted on "
        "Monday.": "Shops closed on Friday (13 November) after the port announced that the "
        "curfew would be lifted on Monday (16 November).",
        "Police said on Friday that the skipper had been arrested, but on Monday prosecutors "
        "dropped the charges.": "Police said on Friday (13 November) that the skipper had been "
        "arrested, but on Monday (16 November) prosecutors dropped the charges.",
        "The ferry company said on Monday that bookings had risen, and its shares jumped on "
        "Tuesday.": "The ferry company said on Monday (16 November) that bookings had risen, "
        "and its shares jumped on Tuesday (17 November).",
        # A report's own day is not dated from an earlier day of the sentence.
        "The skipper was arrested Tuesday, police said Friday.": "The skipper was arrested "
        "Tuesday (10 November), police said Friday (13 November).",
        # An adjective in -led is no verb between the report and its day.
        "On Friday the Ostland-led coalition said the rebels had fired a missile on Tuesday.": "On "
        "Friday (13 November) the Ostland-led coalition said the rebels had fired a missile on "
        "Tuesday (10 November).",
        # A day of another verb's event is no report's: "voted on Sunday" dates no
        # "had announced ... on Tuesday".
        "The board said 71.6 percent of those who voted on Sunday backed the amendments, down "
        "from the 74.2 percent it had announced in preliminary figures on Monday.": "The "
        "board said 71.6 percent of those who voted on Sunday (15 November) backed the "
        "amendments, down from the 74.2 percent it had announced in preliminary figures on Monday "
        "(16 November).",
    }
    for sentence, dated in cases.items():
        assert annotate_dates(sentence, wednesday) == dated


def test_a_source_is_dated_on_its_outlets_clock_as_its_days_are() -> None:
    """A New York report of Sunday evening, 03:51 UTC on Monday: "tonight" is Sunday 22
    November, and so is the date its source line prints (a reader would otherwise see
    "On Sunday night (22 November)" over "23 Nov")."""
    evening = datetime(2026, 11, 23, 3, 51, tzinfo=UTC)
    article = Article(
        id=ArticleId("ny-2"),
        url="https://harbour.example/ferry-name",
        outlet="Harbour Radio",
        feed_url="https://harbour.example/feed",
        title="Harbour ferry gets its name",
        published=evening,
        text="Tonight the harbour board named its new ferry the Tern after a public vote.",
        utc_offset=-300,
    )
    summary = summarize_story(Story(StoryId("ferry"), (article,)))
    assert "On Sunday night (22 November)" in summary.briefly[0].text
    (source,) = summary.sources
    assert source.published == evening  # the same instant
    assert short_date(source.published) == "22\u00a0Nov"
    # Without a zone the feed said nothing of its clock: the UTC date.
    utc = summarize_story(Story(StoryId("ferry"), (replace(article, utc_offset=None),)))
    assert short_date(utc.sources[0].published) == "23\u00a0Nov"


def test_a_day_in_a_condition_after_the_clauses_verbs_looks_ahead() -> None:
    saturday = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    # "An estimated" describes a sum; the "if" clause holds the day, which is ahead.
    assert annotate_dates(
        "The region could lose an estimated $200 million a day if the government shuts "
        "down Monday night, an economist said.",
        saturday,
    ) == (
        "The region could lose an estimated $200 million a day if the government shuts "
        "down Monday night (23 November), an economist said."
    )
    # A past tense inside the condition keeps the day in the past.
    assert annotate_dates("If the bill passed on Tuesday, nobody noticed.", saturday) == (
        "If the bill passed on Tuesday (17 November), nobody noticed."
    )
    # The "if" of "whether" is no condition, nor one whose own verb is past.
    for text in (
        "It was not clear if the suspect was among those arrested on Monday.",
        "Reporters asked if the minister's call with the mayor on Monday went well.",
        "It is unclear if Monday's strike hit the depot.",
        "She wondered if the talks on Monday had changed anything.",
    ):
        assert "(16 November)" in annotate_dates(text, saturday), text
    # "Until" is no condition: a road closed until Saturday tells of the day gone.
    assert annotate_dates("The road was closed until Thursday.", saturday) == (
        "The road was closed until Thursday (19 November)."
    )


def test_a_participle_describing_a_noun_is_no_past_tense() -> None:
    saturday = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    for text in (
        "Organisers will welcome an estimated 300 people on Tuesday.",
        "The council will hear the newly proposed rules on Tuesday.",
    ):
        assert annotate_dates(text, saturday) == text.replace("Tuesday", "Tuesday (24 November)")
    # A past tense of its own still makes it past.
    assert annotate_dates("The council adopted the proposed rules on Tuesday.", saturday) == (
        "The council adopted the proposed rules on Tuesday (17 November)."
    )


def test_today_that_means_nowadays_gets_no_date() -> None:
    friday = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for text in (
        "Today, only a tenth of the old lake remains, locked in the northern marshes.",
        "The harbour is far quieter than it is today.",
        "The old quay survives today as a fish market.",
    ):
        assert annotate_dates(text, friday) == text
        assert relative_date_words(text) == []  # nor does the check ask for one
    # A day's event: done, ahead, under way, reported, or a decision of the day.
    for text in (
        "Today the minister pushed back.",
        "The board will vote today on the merger.",
        "The unions are meeting today in Leith.",
        "The team reports today in the journal Harbour Science.",
        "Today's decision is the group's first victory.",
        "What other news did the minister make today?",
        "The ferry strike begins today in Leith.",
        "Polls open today across the islands.",
        "Today, the council voted to keep the route, and only two members objected.",
        "A decision on the route could come as early as today.",
        "Fares rose as islanders booked today.",
        "The strike remains today, union leaders said.",
    ):
        assert "(20 November)" in annotate_dates(text, friday), text


def test_a_relative_day_is_told_as_its_weekday() -> None:
    """The issue is read days after its articles: "today" there is another day, so a
    relative day becomes its weekday, with "on" where the sentence needs one."""
    saturday = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    cases = {
        "Egyptians voted today in the runoff.": (
            "Egyptians voted on Saturday (21 November) in the runoff."
        ),
        "Tonight at a launch event, the console was shown.": (
            "On Saturday night (21 November) at a launch event, the console was shown."
        ),
        "The ratings for last night's premiere were high.": (
            "The ratings for Friday night's (20 November) premiere were high."
        ),
        "The ferry strike lasts until tonight.": (
            "The ferry strike lasts until Saturday night (21 November)."
        ),
        "A ruling will come as early as tomorrow.": (
            "A ruling will come as early as Sunday (22 November)."
        ),
        "The talks ended late yesterday afternoon.": (
            "The talks ended late Friday afternoon (20 November)."
        ),
        "Earlier today, the council met in Leith.": (
            "Earlier on Saturday (21 November), the council met in Leith."
        ),
        "He said this morning's fire was put out.": (
            "He said Saturday morning's (21 November) fire was put out."
        ),
        "Police closed the road yesterday and today.": (
            "Police closed the road on Friday (20 November) and Saturday (21 November)."
        ),
    }
    for sentence, told in cases.items():
        assert annotate_dates(sentence, saturday) == told
    # ... also after a weekday dated before it (the bracket moves the quotation).
    quoted_later = "On Monday night, the mayor asked marchers to “show restraint tonight.”"
    assert annotate_dates(quoted_later, saturday) == quoted_later.replace(
        "Monday night", "Monday night (16 November)"
    )
    # A speaker's words are theirs: in a quotation, one left open by the sentence
    # splitter, or in the first person. They are dated but not reworded.
    quoted = "“We will win today,” the captain said."
    assert annotate_dates(quoted, saturday) == quoted
    for spoken in (
        "“I came home last night and my phone was ringing.",
        "We must open our doors to the visitors today.",
    ):
        assert "Friday" not in annotate_dates(spoken, saturday)
        assert "Saturday" not in annotate_dates(spoken, saturday)
        assert "November)" in annotate_dates(spoken, saturday)
    # A "today" of a present state may be the age: dated as before, not reworded.
    for present in (
        "The country is still divided over the verdict today.",
        "Based on the terrain today, the scientists believe an ocean covered the plains.",
        "Relations between the two capitals are frosty today.",
        "The company, founded in 1902, today employs 50,000 people.",
        "Today, many of those who fled in 2015 have returned.",
        "Today marks ten years since the bridge fell.",
    ):
        dated = present.replace("today", "today (21 November)")
        assert annotate_dates(present, saturday) == dated.replace("Today", "Today (21 November)")
    # Nor are names, labels, anniversaries, idioms, an age's possessive, transcripts
    # and single-quoted words.
    for kept in (
        "Tonight Show host Ana Lind said the ferry jokes would stop.",
        "TONIGHT: Storm to hit the coast",
        "Ten years ago this morning, the ferry sank off Mull.",
        "He wasn't born yesterday, the skipper said of the new harbour master.",
        "Today's ferries are far faster than the old steamers.",
        "Today's island primary voters want a fighter, the poll found.",
        "Today's audiences love the show, the producer said.",
        "The skipper said he would not recognise today's harbour.",
        "The jobs of tomorrow will need new skills, the minister said.",
        "LIND: Tomorrow they will say the ferry was late.",
        "'The army shelled the town last night,' a spokesman said.",
        "The game was called off tonight,” the coach said.",
    ):
        told = annotate_dates(kept, saturday)
        assert not any(day in told for day in ("Friday", "Saturday", "Sunday")), told
    # A possessive before a day's event is the day's, a name between them or not.
    assert annotate_dates("Today's vote was delayed by the storm.", saturday) == (
        "Saturday's (21 November) vote was delayed by the storm."
    )
    assert annotate_dates("Last night's Harbour Awards ceremony ran late.", saturday) == (
        "Friday night's (20 November) Harbour Awards ceremony ran late."
    )
    # With no zone from the feed, an article stamped in the small hours UTC may be an
    # American evening's: "tonight" is then only dated, as before.
    small_hours = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)
    assert annotate_dates("The Senate voted tonight on the bill.", small_hours) == (
        "The Senate voted tonight (21 November) on the bill."
    )
    assert annotate_dates("The Senate voted tonight on the bill.", small_hours, -300) == (
        "The Senate voted on Friday night (20 November) on the bill."
    )


def test_a_past_evening_of_the_next_day_had_begun_nowhere() -> None:
    """With no zone from the feed, a weekday told in the past may be the next UTC day
    (a far-east outlet's); not when its hour had come nowhere yet: at Tuesday 20:00 UTC,
    Wednesday 19:30 would be UTC+23.5."""
    tuesday_evening = datetime(2026, 11, 17, 20, 3, tzinfo=UTC)
    cases = {
        "Two men pulled guns about 7:30 p.m. Wednesday outside the bar.": (
            "Two men pulled guns about 7:30 p.m. Wednesday (11 November) outside the bar."
        ),
        "The ferry capsized on Wednesday night off Mull.": (
            "The ferry capsized on Wednesday night (11 November) off Mull."
        ),
        "The fire began Wednesday at 9 p.m. near the quay.": (
            "The fire began Wednesday (11 November) at 9 p.m. near the quay."
        ),
        # A morning could have come in the far east; a day ahead is ahead.
        "The ferry sank on Wednesday morning off Mull.": (
            "The ferry sank on Wednesday morning (18 November) off Mull."
        ),
        "The ferry will sail at 9 p.m. Wednesday.": (
            "The ferry will sail at 9 p.m. Wednesday (18 November)."
        ),
        # Not told in the past: a present for what is coming, a future reported.
        "The vigil begins at 7 p.m. Wednesday at the quay.": (
            "The vigil begins at 7 p.m. Wednesday (18 November) at the quay."
        ),
        "The mayor would sign the order Wednesday evening, aides said.": (
            "The mayor would sign the order Wednesday evening (18 November), aides said."
        ),
    }
    for sentence, dated in cases.items():
        assert annotate_dates(sentence, tuesday_evening) == dated


def test_an_outlets_own_bracketed_date_reads_in_the_issues_style() -> None:
    friday = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    assert annotate_dates("The board on Friday (December 4, 2026) cut the rate.", friday) == (
        "The board on Friday (4 December) cut the rate."
    )
    assert annotate_dates("The board met on Friday (4 December 2026).", friday) == (
        "The board met on Friday (4 December)."
    )
    # Another year keeps its year; a date that is no such weekday stays as written.
    assert annotate_dates("It began on Thursday (December 4, 2025).", friday) == (
        "It began on Thursday (4 December 2025)."
    )
    assert annotate_dates("It met on Friday (December 5, 2026).", friday) == (
        "It met on Friday (December 5, 2026)."
    )
    # Short forms without a year, as wire copy writes them, in the year it fits.
    assert annotate_dates("Drills began on Wednesday (Dec 2) and Tuesday (Dec. 1).", friday) == (
        "Drills began on Wednesday (2 December) and Tuesday (1 December)."
    )
    assert annotate_dates("Talks resume on Friday (Jan 1).", friday) == (
        "Talks resume on Friday (1 January 2027)."
    )
    assert annotate_dates("It met on Thursday (Dec 2), in Mayday (May 2).", friday) == (
        "It met on Thursday (Dec 2), in Mayday (May 2)."
    )


def test_a_date_as_written_in_the_future_tense_before_the_issue_is_stale() -> None:
    issue = date(2026, 12, 7)
    preview = (
        "Vell's 2027 budget goes to a third-reading vote in parliament on Friday, December 4, "
        "with the ruling party's majority making passage near certain."
    )
    assert stale_day(preview, issue) == date(2026, 12, 4)
    assert stale_day("The ministers will meet on Dec. 4 in Ostby.", issue) == date(2026, 12, 4)
    assert stale_day("The ministers will meet on 4 December in Ostby.", issue) == date(2026, 12, 4)
    # Told in the past, ahead of the issue, or in a year of its own: not stale.
    for text in (
        "The ministers met on December 4 in Ostby.",
        "The ministers will meet on December 9 in Ostby.",
        "The accord will take effect on December 4, 2019.",
        # Another clause's day, past, beside the future.
        "Parliament will vote on the budget on Dec. 10, after a first reading on Dec. 3.",
        "Fans who bought tickets on December 1 will get refunds.",
        "The airport will stay shut until at least Dec. 10, after the storm hit on Dec. 6.",
        # An event a noun names, on its day: not the verb's.
        "Two men will appear in court over the shooting on December 2 in Ostby.",
        "The government will compensate victims of the floods on 1 December.",
        "The delay is due to a strike on December 2 at the port.",
        "The suspect is linked to a robbery on December 1 in Ostby.",
    ):
        assert stale_day(text, issue) is None, text
    # A date as written in a year to come: next January, next December.
    assert stale_day("The new law will take effect on January 1.", issue) is None
    assert stale_day("Elections will be held on Feb. 12.", date(2026, 11, 20)) is None
    assert stale_day("The trial will open on Dec. 1.", date(2026, 2, 5)) is None


def test_a_date_inside_the_texts_own_brackets_follows_a_comma() -> None:
    published = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)  # 15:00 on 5 December in Auckland
    told = annotate_dates(
        "The quake hit at 3:12 a.m. (1412 GMT on Friday) at a depth of 14 km, after "
        "Thursday's warning.",
        published,
        utc_offset=780,
    )
    assert told == (
        "The quake hit at 3:12 a.m. (1412 GMT on Friday, 4 December) at a depth of 14 km, "
        "after Thursday's (3 December) warning."
    )
    # Still the issue's date: stripped back to the source's words, and a stale future.
    assert strip_date_annotations(told) == (
        "The quake hit at 3:12 a.m. (1412 GMT on Friday) at a depth of 14 km, after "
        "Thursday's warning."
    )
    ahead = annotate_dates("Ministers (who met on Friday) will vote.", published, 780)
    assert ahead == "Ministers (who met on Friday, 4 December) will vote."
    assert stale_day("Ministers will vote (on Friday, 4 December).", date(2026, 12, 7)) == date(
        2026, 12, 4
    )
    assert relative_date_words("The talks (which ended yesterday, 4 December) resume.") == []
    # An outlet's own place and date in brackets is its text, not our date.
    own = "The deal (Geneva, 4 December) will be signed."
    assert strip_date_annotations(own) == own
    assert stale_day(own, date(2026, 12, 7)) is None


def test_the_second_day_of_a_pair_follows_the_first() -> None:
    saturday = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
    ahead = "The weather office said a cold front was expected on Tuesday and Wednesday."
    assert annotate_dates(ahead, saturday) == (
        "The weather office said a cold front was expected on Tuesday (8 December) and "
        "Wednesday (9 December)."
    )
    assert annotate_dates("Rain fell on Tuesday and Wednesday.", saturday) == (
        "Rain fell on Tuesday (1 December) and Wednesday (2 December)."
    )
    assert annotate_dates("Talks ran from Monday to Thursday.", saturday) == (
        "Talks ran from Monday (30 November) to Thursday (3 December)."
    )


def test_a_decisions_end_is_ahead_and_a_deeds_is_past() -> None:
    thursday = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert (
        annotate_dates(
            "The government suspended classes and non-essential work until Monday.", thursday
        )
        == "The government suspended classes and non-essential work until Monday (7 December)."
    )
    assert annotate_dates("The court adjourned the hearing until Monday.", thursday) == (
        "The court adjourned the hearing until Monday (7 December)."
    )
    for text in (
        "Protesters blocked the road until Saturday",
        "The road was closed until Saturday",
    ):
        assert annotate_dates(f"{text}.", thursday) == f"{text} (28 November)."
    # Not when the sentence dates the decision, or tells the end as past after it.
    dated = "The court on Monday adjourned the trial until Wednesday, when he pleaded guilty."
    assert annotate_dates(dated, thursday) == (
        "The court on Monday (30 November) adjourned the trial until Wednesday (2 December), "
        "when he pleaded guilty."
    )
    # A weekday dating the decision: the end is that day's next, whenever the report.
    sunday = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
    assert annotate_dates("On Friday the court adjourned the case until Monday.", sunday) == (
        "On Friday (27 November) the court adjourned the case until Monday (30 November)."
    )
    reason = "The court adjourned the hearing until Monday after the defence asked for time."
    assert annotate_dates(reason, thursday) == (
        "The court adjourned the hearing until Monday (7 December) after the defence asked "
        "for time."
    )
    # Someone invited or urged to do something on a day: the day is ahead of it, unless
    # the sentence tells it done.
    assert annotate_dates(
        "The minister invited the union leaders to meet him in the capital on Monday.", thursday
    ) == (
        "The minister invited the union leaders to meet him in the capital on Monday (7 December)."
    )
    assert "(7 December)" not in annotate_dates(
        "The army told residents to return north, a day after the truce began on Monday.",
        thursday,
    )
    assert annotate_dates(
        "Officials told residents to return home on Tuesday after the water receded.", thursday
    ) == (
        "Officials told residents to return home on Tuesday (1 December) after the water receded."
    )
    # An ultimatum or a plan the sentence tells as over by now.
    saturday = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    for text in (
        "The army gave residents until Friday to leave, and most had gone by then.",
        "The ship was expected in the port on Tuesday, but it never arrived.",
    ):
        assert "(11 December)" not in annotate_dates(text, saturday), text
        assert "(8 December)" not in annotate_dates(text, saturday), text
    # "a week on Monday" is the Monday after next; not a span's "for a week", a habit's
    # "once a week", nor a day told as past.
    assert annotate_dates("The Senate votes on the override a week on Monday.", thursday) == (
        "The Senate votes on the override a week on Monday (14 December)."
    )
    for text in (
        "Schools closed for a week on Monday because of the storm.",
        "It was a week on Monday that the rebels entered the city.",
    ):
        assert "(30 November)" in annotate_dates(text, thursday), text
    # An ultimatum: the time it gave ends ahead, dated or not.
    saturday = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
    assert annotate_dates(
        "The ministry on Saturday gave the rebels until Friday to hand over the dam.", saturday
    ) == (
        "The ministry on Saturday (5 December) gave the rebels until Friday (11 December) to "
        "hand over the dam."
    )
    assert annotate_dates("The union gave the government until Friday.", saturday) == (
        "The union gave the government until Friday (11 December)."
    )
    told = "The army suspended operations until Tuesday, and fighting resumed on Tuesday."
    assert annotate_dates(told, thursday) == (
        "The army suspended operations until Tuesday (1 December), and fighting resumed on "
        "Tuesday (1 December)."
    )


def test_a_day_a_plan_or_a_wait_looks_ahead_to_is_to_come() -> None:
    thursday = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    saturday = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    # A plan told right before its day, in the present or as it stood then.
    assert annotate_dates("Final results are expected on Sunday.", saturday) == (
        "Final results are expected on Sunday (6 December)."
    )
    assert annotate_dates("The count is slated for Sunday.", saturday) == (
        "The count is slated for Sunday (6 December)."
    )
    assert annotate_dates(
        "The chairman says the first results were expected on Sunday.", saturday
    ) == ("The chairman says the first results were expected on Sunday (6 December).")
    # A plan that fell through tells of the day gone.
    assert annotate_dates("The vote was scheduled for Tuesday but was postponed.", thursday) == (
        "The vote was scheduled for Tuesday (1 December) but was postponed."
    )
    # "Set on fire" is no plan.
    assert annotate_dates("The depot was set on fire on Tuesday.", thursday) == (
        "The depot was set on fire on Tuesday (1 December)."
    )
    # What is waited for, told in the present or present perfect.
    assert annotate_dates(
        "Campaigning ends on Thursday ahead of Saturday's presidential election.", thursday
    ) == (
        "Campaigning ends on Thursday (3 December) ahead of Saturday's (5 December) "
        "presidential election."
    )
    assert annotate_dates("The drivers' union has called a strike until Friday.", thursday) == (
        "The drivers' union has called a strike until Friday (4 December)."
    )
    # Told in the past, the wait is over.
    assert annotate_dates("The road was closed until Tuesday.", thursday) == (
        "The road was closed until Tuesday (1 December)."
    )


def test_a_plan_told_in_the_present_is_to_come() -> None:
    tuesday = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    friday = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    # News tells the week ahead in the present: the first such day from the report.
    assert annotate_dates("The envoy travels to Seoul on Thursday.", tuesday) == (
        "The envoy travels to Seoul on Thursday (3 December)."
    )
    assert annotate_dates("The envoy is due in Seoul on Thursday for talks.", tuesday) == (
        "The envoy is due in Seoul on Thursday (3 December) for talks."
    )
    assert annotate_dates(
        "The deal, reached in Doha on Thursday, provides for the crossing to reopen on Monday.",
        friday,
    ) == (
        "The deal, reached in Doha on Thursday (3 December), provides for the crossing to "
        "reopen on Monday (7 December)."
    )
    # A plan's own "after", "over" or "amid" is no past event's.
    for text, day in (
        ("The ceasefire takes effect after midnight on Sunday.", "6 December"),
        ("Parliament convenes after the holiday on Monday.", "7 December"),
        ("The minister meets bankers over lunch on Friday.", "4 December"),
    ):
        weekday = text.split(" on ")[-1].rstrip(".")
        assert annotate_dates(text, tuesday) == text.replace(weekday, f"{weekday} ({day})")
    # "Will remain closed" is no past tense.
    assert annotate_dates(
        "Schools will remain closed until Wednesday, officials said.", tuesday
    ) == ("Schools will remain closed until Wednesday (2 December), officials said.")
    # A thing, a report's own "says" and a past after the present are as they were.
    for text, day in (
        ("After the key vote on Monday, the leader resigned.", "30 November"),
        ("After a visit on Monday, the envoy left.", "30 November"),
        ("The ministry says the strike ended on Monday.", "30 November"),
        ("Schools remained closed until Monday.", "30 November"),
        # A present verb before a past event's phrase: the event's day is gone.
        ("The president faces mounting pressure after Monday's protests.", "30 November"),
        ("The truce holds after Monday's exchange of fire.", "30 November"),
        ("The minister faces questions over Monday's leak.", "30 November"),
        ("He takes office after winning the vote on Monday.", "30 November"),
        ("He faces criticism for Monday's remarks.", "30 November"),
    ):
        dated = (
            text.replace("Monday's", f"Monday's ({day})")
            if "Monday's" in text
            else text.replace("Monday", f"Monday ({day})")
        )
        assert annotate_dates(text, tuesday) == dated


def test_a_day_written_in_figures_is_written_as_the_issue_writes_days() -> None:
    friday = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    assert annotate_dates("The mayor signed a decree on 03.12.2026 on the fares.", friday) == (
        "The mayor signed a decree on 3 December on the fares."
    )
    assert annotate_dates("The fares rise on 01.01.2027.", friday) == (
        "The fares rise on 1 January 2027."
    )
    # No such day, or a version number, stays as written.
    assert annotate_dates("Rule 31.02.2026 and app 1.12.2026.5 stay.", friday) == (
        "Rule 31.02.2026 and app 1.12.2026.5 stay."
    )
