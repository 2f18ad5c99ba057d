"""A story told over days leads with its latest turn (``digest.stages``)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from digest.models import Article, ArticleId, Story, StoryId
from digest.stages import counts_in_progress, latest_turn
from digest.summarize import summarize_story

MONDAY = datetime(2026, 11, 30, 9, tzinfo=UTC)


def _report(outlet: str, title: str, days: float, text: str = "", url: str = "") -> Article:
    return Article(
        id=ArticleId(f"{outlet}-{days}"),
        url=url or f"https://{outlet.lower()}.example/{days}",
        outlet=outlet,
        feed_url=f"https://{outlet.lower()}.example/feed",
        title=title,
        published=MONDAY + timedelta(days=days),
        text=text,
    )


AGREED = (
    "Rival militias in the river provinces agreed on Monday to a two-week truce that is "
    "to take effect at dawn on Tuesday, the mediators announced after three days of talks "
    "in Lusaka."
)
AGREED_TOO = (
    "The two militias fighting over the river provinces signed a two-week truce in Lusaka "
    "on Monday, with the mediators promising monitors on the ground within days."
)
WELCOMED = (
    "Aid agencies welcomed on Monday the two-week truce agreed by the river militias and "
    "said their convoys were ready to move at dawn."
)
COLLAPSED = (
    "The two-week truce between the river militias collapsed on Wednesday, a day after it "
    "took effect, when shelling of a market in the provincial capital killed nine people, "
    "local doctors said."
)
FEATURE = (
    "The convoys never moved: on Thursday morning the lorries were still parked in rows "
    "outside the depot, their drivers waiting for a call that did not come."
)


def _truce(*later: Article) -> list[Article]:
    return [
        _report("Courier", "River militias agree to two-week truce in Lusaka talks", 0, AGREED),
        _report("Tribune", "Militias sign river truce after three days of talks", 0.1, AGREED_TOO),
        _report(
            "Gazette", "Aid agencies welcome river truce, ready to send convoys", 0.2, WELCOMED
        ),
        *later,
    ]


def test_a_later_report_whose_title_tells_the_thing_turning_is_the_latest_turn() -> None:
    collapse = _report("Herald", "River truce collapses as shelling kills nine", 2, COLLAPSED)
    feature = _report("Review", "The convoys that never moved", 3, FEATURE)
    articles = _truce(collapse, feature)
    assert latest_turn(articles) == frozenset({3})
    # The same words on the story's first day are its start, not a turn.
    assert latest_turn([*_truce(), _report("Herald", "River truce collapses", 0.3)]) == set()


def test_a_turn_an_earlier_title_told_is_the_same_stage_told_again() -> None:
    passed = [
        _report("Courier", "Harbour council approves ferry fare rise after long debate", 0),
        _report("Tribune", "Ferry fares to double as harbour council votes", 0.2),
    ]
    # The next day on an outlet's clock further east: the same vote, no turn.
    again = _report("Herald", "Harbour council approves doubling of ferry fares", 1)
    assert latest_turn([*passed, again]) == set()
    # One turn in other words: "resigns", then "steps down".
    resigned = [
        _report("Courier", "Harbour master resigns over ferry fare row", 0),
        _report("Tribune", "Harbour master's ferry fare row explained", 0.2),
    ]
    stepped = _report("Herald", "Harbour master steps down amid ferry fare row", 1)
    assert latest_turn([*resigned, stepped]) == set()
    # A turn of its own that day: the rise suspended.
    halted = _report("Herald", "Ferry fare rise suspended by the courts", 1)
    assert latest_turn([*passed, halted]) == frozenset({2})


def test_a_turn_told_verb_first_names_the_thing_as_its_object() -> None:
    trapped = [
        _report("Courier", "Twelve miners trapped after tunnel caves in", 0),
        _report("Tribune", "Rescuers drill towards twelve trapped miners", 1),
    ]
    freed = _report("Herald", "Rescuers free all 12 trapped miners after five days", 4)
    assert latest_turn([*trapped, freed]) == frozenset({2})
    # Found on day two is not freed on day four.
    found = _report("Wire", "Twelve trapped miners found alive after two days", 2)
    pulled = _report("Herald", "All 12 trapped miners pulled out alive", 4)
    assert latest_turn([*trapped, found, pulled]) == frozenset({3})


def test_a_reaction_a_side_event_or_a_question_is_no_turn() -> None:
    for title in (
        # A reaction changes nothing of the truce.
        "Regional bloc welcomes river truce, urges monitors",
        # "resumes after" tells of something else than the truce.
        "Ferry service resumes after truce in the river provinces",
        # The thing turning is no thing the other reports are about.
        "Militia commander resigns over corruption claims",
        # Asked, not told.
        "River truce collapses?",
        # The turn is a circumstance of another thing: the main clause is the demand.
        "Aid chief demands safe passage for convoys as river truce collapses",
        # A turn ahead.
        "Militias to scrap river truce on Friday",
        # Someone's claim that it turned, in their words or in quotation marks.
        "Militia leaders say river truce has failed",
        "Militia chief: 'river truce has failed'",
        # A reaction or a verb that is no turn of the truce's own.
        "River truce wins backing of UN Security Council",
        "River truce lifts hopes for aid convoys",
        "River truce begins to fray",
        "Lessons from the failed river truces of the past",
        # A video's or a live page's title.
        "WATCH: River truce collapses as shelling resumes",
        "Live updates: River truce collapses",
    ):
        assert latest_turn([*_truce(), _report("Herald", title, 2)]) == set(), title
    column = _report(
        "Herald",
        "The river truce collapses, as everyone knew it would",
        2,
        url="https://herald.example/opinion/river-truce",
    )
    assert latest_turn([*_truce(), column]) == set()


def test_a_story_told_over_days_leads_with_its_latest_turn() -> None:
    collapse = _report("Herald", "River truce collapses as shelling kills nine", 2, COLLAPSED)
    feature = _report("Review", "The convoys that never moved", 3, FEATURE)
    summary = summarize_story(Story(StoryId("s"), tuple(_truce(collapse, feature))))
    assert summary.briefly_text.startswith("The two-week truce between the river militias")
    assert "collapsed on Wednesday" in summary.briefly_text
    assert summary.headline == "River truce collapses as shelling kills nine"
    # Without the turn, the agreement leads.
    before = summarize_story(Story(StoryId("s"), tuple(_truce())))
    assert "agreed on Monday" in before.briefly_text.split(".")[0]


def test_a_turn_before_the_latest_news_does_not_lead() -> None:
    postponed = (
        "The talks on a river truce were postponed by a day on Tuesday after one "
        "militia's delegation was held up at the border, the mediators said."
    )
    corridors = (
        "The river militias agreed on Wednesday to open two aid corridors into the "
        "besieged towns of the provinces on the first day of their talks in Lusaka."
    )
    corridors_too = (
        "Two aid corridors into the besieged river towns are to open within a week, the "
        "mediators said on Wednesday after the first day of the Lusaka talks."
    )
    articles = (
        _report("Courier", "Lusaka to host river truce talks on Tuesday", 0, AGREED_TOO),
        _report("Courier", "River truce talks postponed by a day", 1, postponed),
        _report(
            "Tribune", "Two aid corridors for the river towns on first day of talks", 2, corridors
        ),
        _report(
            "Herald", "Aid corridors into besieged river towns within a week", 2.2, corridors_too
        ),
    )
    assert latest_turn(articles) == frozenset({1})
    summary = summarize_story(Story(StoryId("s"), articles))
    assert "postponed" not in summary.briefly_text.split(".")[0]
    assert "aid corridors" in summary.briefly_text.split(".")[0]


def test_a_turn_after_a_rising_toll_leads_over_it() -> None:
    blast = (
        "Sixteen miners were trapped on Saturday night when a gas blast collapsed the main "
        "tunnel of a coal mine in the northern hills, killing two miners, officials said."
    )
    reached = (
        "Rescuers reached twelve of the trapped miners on Monday, while the bodies of four "
        "others were recovered, raising the death toll from the blast to six, officials said."
    )
    freed = (
        "All twelve miners trapped in the coal mine since Saturday were brought out alive "
        "early on Thursday, ending a rescue that lasted five days."
    )
    days = (
        _report("Courier", "Sixteen miners trapped, two dead after coal mine blast", 0, blast),
        _report(
            "Tribune", "Rescuers reach twelve miners; mine blast toll rises to six", 2, reached
        ),
    )
    # The toll rose: its report leads, until the miners are out.
    before = summarize_story(Story(StoryId("s"), days))
    assert before.briefly_text.startswith("Rescuers reached twelve")
    out = _report("Herald", "All 12 trapped miners pulled out alive after five days", 5, freed)
    after = summarize_story(Story(StoryId("s"), (*days, out)))
    assert after.briefly_text.startswith("All twelve miners trapped")
    assert after.headline.endswith("All 12 trapped miners pulled out alive after five days")


def test_a_place_acting_or_a_thing_acting_on_another_is_no_turn() -> None:
    quake = [
        _report("Courier", "Strong quake kills 12 in Myanmar", 0),
        _report("Tribune", "Myanmar quake toll climbs to 41", 2),
    ]
    # The country is where the story happens, not the thing that turns.
    mourning = _report("Herald", "Myanmar begins three days of mourning for quake victims", 3)
    assert latest_turn([*quake, mourning]) == set()
    strike = [
        _report("Courier", "Rail strike begins across the north", 0),
        _report("Tribune", "Rail strike enters second day", 1),
    ]
    # The strike halting freight is the strike acting, not the strike stopped.
    assert (
        latest_turn([*strike, _report("Herald", "Rail strike halts freight to ports", 2)]) == set()
    )
    assert latest_turn([*strike, _report("Herald", "Rail strike suspended for pay talks", 2)]) == {
        2
    }


def test_a_turn_back_to_an_earlier_kind_is_a_turn_and_an_earlier_aside_blocks_none() -> None:
    strike = [
        _report("Courier", "Rail strike begins across the north", 0),
        _report("Tribune", "Rail strike suspended for pay talks", 2),
    ]
    # Begun, suspended, resumed: the last is news though "begins" was told before.
    resumed = _report("Herald", "Rail strike resumes as pay talks collapse", 4)
    assert latest_turn([*strike, resumed]) == {2}
    # A kind an earlier title tells of something else blocks nothing.
    truce = [
        _report("Courier", "River militias agree to two-week truce in Lusaka talks", 0),
        _report("Tribune", "Militias sign new river truce months after last one failed", 0.1),
    ]
    collapse = _report("Herald", "River truce collapses as shelling kills nine", 2)
    assert latest_turn([*truce, collapse]) == {2}
    # Half a day after the first report at least: an hour later on the next day of an
    # outlet's clock is the same day's news.
    soon = _report("Herald", "River truce collapses as shelling kills nine", 0.05)
    late_night = [dataclasses.replace(a, utc_offset=180) for a in truce[:1]]
    assert latest_turn([*late_night, truce[1], dataclasses.replace(soon, utc_offset=-180)]) == set()


def test_a_turn_whose_title_cannot_head_the_story_is_headed_by_its_lead() -> None:
    # The collapse's title gives another toll than its text: the lead heads the story,
    # never the agreement's title above a lead telling the collapse.
    collapse = _report("Herald", "River truce collapses as shelling kills 14", 2, COLLAPSED)
    summary = summarize_story(Story(StoryId("s"), tuple(_truce(collapse))))
    assert "collapsed" in summary.briefly_text.split(".")[0]
    assert "agree" not in summary.headline.lower()
    assert "collapse" in summary.headline.lower()


def test_a_bills_passing_an_elections_outcome_and_a_rescue_told_plainly_are_turns() -> None:
    law = [
        _report("Courier", "Parliament debates press law", 0),
        _report("Tribune", "Press law faces vote in parliament", 0.2),
    ]
    assert latest_turn([*law, _report("Herald", "Press law passes despite protests", 2)]) == {2}
    assert latest_turn([*law, _report("Herald", "Press law passes Senate", 2)]) == {2}
    # The past tense with an object tells the doer passing it.
    passed = _report("Herald", "Senate passed press law changes", 2)
    assert latest_turn([*law, passed]) == {2}
    vote = [
        _report("Courier", "Zambia votes in presidential election", 0),
        _report("Tribune", "Zambia presidential election count begins", 1),
    ]
    won = _report("Herald", "Hichilema wins Zambia presidential election", 2)
    assert latest_turn([*vote, won]) == {2}
    polls = [
        _report("Courier", "Lee favourite as North Isle by-election polls open", 0),
        _report("Tribune", "North Isle by-election count under way", 1),
    ]
    elected = _report("Herald", "Lee elected in North Isle by-election", 2)
    assert latest_turn([*polls, elected]) == {2}
    aside = _report("Herald", "Lee, elected in 2019, faces North Isle by-election", 2)
    assert latest_turn([*polls, aside]) == set()
    # The talks' place between them and their verb.
    talks = [_report("Courier", "Norland hosts Vell-Sudland talks on Black Sea shipping", 0)]
    ended = _report("Tribune", "Black Sea talks in Port Vell end with shipping hotline deal", 1)
    assert latest_turn([*talks, ended]) == {1}
    collapse = _report("Tribune", "Black Sea talks collapse as Vell walks out", 1)
    assert latest_turn([*talks, collapse]) == {1}
    calls = _report("Tribune", "Calls grow for end to Black Sea talks deadlock", 1)
    assert latest_turn([*talks, calls]) == set()
    # Nouns, asides and a turn someone works to stop: no turn.
    for title in (
        "Mediators race to prevent Black Sea talks collapse",
        "Risk of Black Sea talks collapse rises",
        "Black Sea talks end date set for Friday",
        "Vell, sacked from the talks in March, launches a shipping line",
    ):
        assert latest_turn([*talks, _report("Tribune", title, 1)]) == set(), title
    # A minister censured after the motion against them was admitted; the noun is none.
    motion = [_report("Courier", "Congress admits censure motion against interior minister", 0)]
    censured = _report("Courier", "Congress censures interior minister Lara", 3)
    assert latest_turn([*motion, censured]) == {1}
    assert latest_turn([*motion, _report("Courier", "Interior minister censured", 3)]) == {1}
    debate = _report("Courier", "Censure motion against interior minister debated", 3)
    assert latest_turn([*motion, debate]) == set()
    mine = [
        _report("Courier", "Twelve miners trapped after tunnel caves in", 0),
        _report("Tribune", "Rescuers drill towards twelve trapped miners", 1),
    ]
    assert latest_turn([*mine, _report("Herald", "Trapped miners rescued safely", 3)]) == {2}
    # The noun "rescue" is no verb; an explainer tells no turn.
    stalls = _report("Herald", "Mine rescue stalls, trapped miners' families despair", 3)
    assert latest_turn([*mine, stalls]) == set()
    why = _report("Herald", "Why the rescue of the trapped miners failed", 3)
    assert latest_turn([*mine, why]) == set()
    # A turn told two ways on two days is one.
    curfew = [
        _report("Courier", "Curfew imposed in capital after riots", 0),
        _report("Tribune", "Curfew in capital enters third day", 1),
        _report("Herald", "Curfew lifted in capital", 2),
    ]
    assert latest_turn([*curfew, _report("Wire", "Government lifts curfew", 3)]) == {2}


EXIT_POLL = (
    "Voters on the island approved a single-chamber parliament in Sunday's referendum "
    "with 72.6% backing the change, an exit poll published by the state broadcaster showed."
)
PRELIMINARY = (
    "Preliminary results released by the electoral board on Monday showed 69.4% of voters "
    "backing the amendments, on a turnout of 61.8%."
)
FINAL = (
    "The electoral board on Wednesday announced the final results of Sunday's referendum, "
    "confirming that 70.9% of voters backed a unicameral parliament."
)


def test_a_deal_the_sides_reach_and_a_government_surviving_a_vote_are_turns() -> None:
    stalled = [
        _report("Courier", "Harbour delegation in Ostby as talks on ferry wages stall", 0),
        _report("Tribune", "Ferry wage talks drag on in Ostby", 0.5),
    ]
    for title in (
        "Ostby and Vell reach agreement to release ferry wages",
        "Unions and owners strike deal to end ferry wage standoff",
        "Ferry wage deal reached after four days of talks",
        "Ostby and Vell sign ferry wage agreement",
        "Unions, owners ink ferry wage pact in Ostby",
    ):
        assert latest_turn([*stalled, _report("Herald", title, 3)]) == {2}, title
    # A deal missed, ahead, said, or about something else is none.
    for title in (
        "Sides fail to reach agreement on ferry wages",
        "No deal reached on ferry wages",
        "Owners say deal on ferry wages is close",
        "Vell and Sudland reach agreement on fishing quotas",
        "Ostby and Vell to sign ferry wage agreement",
        "Ferry crews sign letter urging wage deal",
    ):
        assert latest_turn([*stalled, _report("Herald", title, 3)]) == set(), title
    motion = [
        _report("Courier", "Opposition files no-confidence motion against Lind government", 0),
        _report("Tribune", "Lind government faces confidence vote on Friday", 1),
    ]
    survived = _report("Herald", "Lind government narrowly survives confidence vote", 4)
    assert latest_turn([*motion, survived]) == {2}
    # The motion and the cabinet, named another way the day it fails.
    filed = _report("Courier", "Opposition files no-confidence motion against Lind cabinet", 0)
    for title in (
        "Lind government survives censure vote as only 196 MPs back the motion",
        "Vell Government Survives Opposition Bid to Topple It",
        "Lind survives with 286 votes as coalition holds firm",
    ):
        assert latest_turn([filed, _report("Herald", title, 4)]) == {1}, title
    # An attempt on a leader's life is no vote survived.
    attempt = _report("Herald", "Lind survives assassination bid", 4)
    assert latest_turn([filed, attempt]) == set()
    # A deal since voted down: the vote leads, and a chamber's rejection is one too (not
    # another's "rejects", a reaction); nor do strikes "threatening" it.
    deal = _report("Herald", "Ostby and Vell reach agreement to release ferry wages", 3)
    down = _report("Wire", "Ferry crews vote down wage deal", 5)
    assert latest_turn([*stalled, deal, down]) == {3}
    rejected = _report("Wire", "Parliament rejects ferry wage deal", 5)
    assert latest_turn([*stalled, deal, rejected]) == {3}
    reacted = _report("Wire", "Union rejects ferry wage deal", 5)
    assert latest_turn([*stalled, deal, reacted]) == set()
    # A chamber's rejection of another thing the story's person brought is another vote.
    motion = [
        _report("Courier", "Opposition files impeachment motion against Holt", 0),
        _report("Tribune", "Holt impeachment motion heads to a vote", 1),
    ]
    budget = _report("Wire", "Parliament rejects Holt's budget", 3)
    assert latest_turn([*motion, budget]) == set()
    voted = _report("Wire", "Parliament rejects impeachment motion against Holt", 3)
    assert latest_turn([*motion, voted]) == {2}
    for title in (
        "Parliament rejects motion to adjourn Holt impeachment debate",
        "Parliament rejects opposition amendment to Holt impeachment motion",
    ):
        assert latest_turn([*motion, _report("Wire", title, 3)]) == set(), title
    for title in ("Ferry wage strikes threaten deal", "Ferry wage pact struck down by court"):
        assert latest_turn([*stalled, _report("Herald", title, 3)]) == set(), title
    # Agreeing on the thing, or on a part of it within a few words, is a deal; not when
    # it is ahead, refused or about something else.
    for title in (
        "Envoys agree on guarantees for ferry wage fund, Vell lifts veto",
        "Ostby agrees ferry wage package",
    ):
        assert latest_turn([*stalled, _report("Herald", title, 3)]) == {2}, title
    for title in (
        "Envoys fail to agree on ferry wages",
        "Owners set to agree on ferry wages",
        "Vell does not agree to ferry wage plan",
        "Vell won't agree to ferry wage plan",
        "Envoys agree on fishing quotas, ferry wages next",
        # A view, a step put off, a deal agreed before, or not yet.
        "Analysts agree ferry wage deal unlikely to last",
        "Owners agree to delay decision on ferry wages",
        "Strikers defy agreed ferry wage deal",
        "Envoys still haven't agreed on ferry wages",
        "Envoys have not yet agreed on ferry wages",
        "Mediators agree ferry wage deal is fragile",
        "Owners and crews agree that ferry wages must rise",
        "Crews Cross Agreed Ferry Wage Line",
        "Owners agree to hold further talks on ferry wages",
    ):
        assert latest_turn([*stalled, _report("Herald", title, 3)]) == set(), title


def test_an_ultimatum_days_later_is_the_latest_turn() -> None:
    row = [
        _report("Courier", "Norland demands answers over Vell survey of its voters", 0),
        _report("Tribune", "Norland minister says trust in Vell at lowest point", 2),
    ]
    for title in (
        "Norland gives Vell until Friday to explain survey",
        "Norland gives Vell two weeks to explain survey or face sanctions",
        "Norland threatens to suspend joint committee over Vell survey",
        "Norland sets Vell a year-end deadline to explain survey",
    ):
        assert latest_turn([*row, _report("Herald", title, 4)]) == {2}, title
    # Said, or on the story's first day: none.
    said = _report("Herald", "Minister says Norland may give Vell until Friday to explain", 4)
    assert latest_turn([*row, said]) == set()
    first = _report("Herald", "Norland gives Vell until Friday to explain survey", 0.1)
    assert latest_turn([*row[:1], first]) == set()
    # Given by someone the story's other titles never name, or in a disaster's story, or a
    # day before the story's last reports: none.
    court = _report("Herald", "Court gives prosecutors until Friday to file charges", 4)
    assert latest_turn([*row, court]) == set()
    # Given to one of the story's parties by a capital the other titles name otherwise.
    talks = [
        _report("Courier", "Ardel and the Vell Front resume integration talks", 0),
        _report("Tribune", "Defence ministry reports progress with Vell Front", 1),
    ]
    given = _report("Herald", "Norland gives Vell Front ten days to hand over the dam", 3)
    assert latest_turn([*talks, given]) == {2}
    # A court's order to a party is on the side of the story.
    ordered = _report("Herald", "Court gives Vell Front until Friday to file its papers", 3)
    assert latest_turn([*talks, ordered]) == set()
    # Nor a bank's order that shares only a place with the story.
    banks = _report("Herald", "Central bank gives Ardel lenders until Friday to report", 3)
    assert latest_turn([*talks, banks]) == set()
    # The ultimatum's own words ("until Friday") name no party.
    friday = _report("Tribune", "Talks on Friday end without a deal on the dam", 1)
    ordered = _report("Herald", "Court gives prosecutors until Friday to file charges", 3)
    assert latest_turn([talks[0], friday, ordered]) == set()
    storm = [
        _report("Courier", "Cyclone Belna makes landfall in Norland", 0),
        _report("Tribune", "Cyclone Belna kills 12 in Norland", 1),
    ]
    aid = _report("Herald", "Norland gives aid agencies until Friday to register convoys", 3)
    assert latest_turn([*storm, aid]) == set()
    answered = _report("Wire", "Vell rejects Norland's demand over survey", 5)
    given = _report("Herald", "Norland gives Vell until Friday to explain survey", 4)
    assert latest_turn([*row, given, answered]) == set()


def test_a_denial_of_an_earlier_titles_claim_is_the_latest_turn() -> None:
    claim = _report("Courier", "Exclusive: Prime Minister Holt submits resignation, sources say", 0)
    for title in (
        "Cabinet office denies reports that premier Holt has resigned",
        "Norland denies Holt has quit as prime minister",
        "Prime Minister Holt has not resigned, office says",
    ):
        assert latest_turn([claim, _report("Herald", title, 1)]) == {1}, title
    # A denial of something else, or the same day's: none. Nor a party's denial of an
    # attack, which is its line, not a turn of the story.
    other = _report("Herald", "Army denies reports of shelling near Ardel", 1)
    assert latest_turn([claim, other]) == set()
    strike = _report("Courier", "Missile hits Ardel children's hospital, killing 12", 0)
    for title in (
        "Norland denies claims it struck Ardel children's hospital",
        "Norland rejects reports of Ardel hospital strike",
        "Army denies reports of dead civilians at Ardel hospital",
    ):
        assert latest_turn([strike, _report("Herald", title, 2)]) == set(), title
    early = _report("Herald", "Office denies reports that Holt has resigned", 0.1)
    assert latest_turn([claim, early]) == set()
    # "has not resigned" denies nothing no earlier title claimed.
    pressed = _report("Courier", "Holt faces pressure over flood response", 0)
    stays = _report("Herald", "Holt has not resigned despite pressure, office says", 1)
    assert latest_turn([pressed, stays]) == set()
    # The story then leads with the denial.
    denied = _report(
        "Herald",
        "Cabinet office denies reports that premier Holt has resigned",
        1,
        "The cabinet office on Tuesday denied reports that Prime Minister Ann Holt had "
        "submitted her resignation, calling them false. Holt was in Ardel on Tuesday "
        "to visit flood shelters.",
    )
    told = dataclasses.replace(
        claim,
        text="Prime Minister Ann Holt has submitted her resignation to the president, two "
        "government sources told the Courier on Monday, after weeks of dispute over the "
        "flood response.",
    )
    summary = summarize_story(Story(StoryId("s"), (told, denied)))
    assert summary.briefly_text.startswith("The cabinet office on Tuesday")


def _vote(final_title: str, *, provisional: bool = True) -> list[Article]:
    first = EXIT_POLL if provisional else EXIT_POLL.replace(", an exit poll", ", a survey")
    title = "Islanders back single-chamber parliament with 72.6%, exit poll shows"
    return [
        _report(
            "Courier",
            title if provisional else "Islanders back single-chamber parliament",
            0,
            first,
        ),
        _report(
            "Tribune",
            "Island votes to scrap its senate",
            0.2,
            PRELIMINARY if provisional else first,
        ),
        _report("Gazette", final_title, 2, FINAL),
    ]


def test_a_final_count_after_a_provisional_one_is_the_latest_turn() -> None:
    articles = _vote("Electoral Board Confirms 70.9% Backing for Unicameral Parliament")
    assert latest_turn(articles) == {2}
    assert latest_turn(_vote("Final results: 70.9% for the single chamber")) == {2}
    story = Story(id=StoryId("vote"), articles=articles)
    summary = summarize_story(story)
    assert summary.briefly[0].text.startswith("The electoral board on Wednesday")
    assert summary.headline == "Electoral board confirms 70.9% backing for unicameral parliament"
    # A count never told as provisional has no final turn; nor has a confirmation of
    # anything but a result, nor someone's claim about the result.
    assert latest_turn(_vote("Electoral board confirms 70.9% backing", provisional=False)) == set()
    assert latest_turn(_vote("Electoral board confirms chairman's resignation")) == set()
    assert latest_turn(_vote("Opposition says final results were rigged")) == set()


def test_a_thing_named_two_ways_is_one_thing() -> None:
    agreed = [
        _report("Courier", "River militias agree ceasefire in Lusaka talks", 0),
        _report("Tribune", "Ceasefire between river militias to take effect at dawn", 0.2),
    ]
    assert latest_turn([*agreed, _report("Herald", "River truce collapses", 2)]) == {2}
    walkout = [
        _report("Courier", "Dock workers begin walkout over pay", 0),
        _report("Tribune", "Dock walkout enters second day", 1),
    ]
    assert latest_turn([*walkout, _report("Herald", "Dock strike called off", 3)]) == {2}


SHAKES = (
    "A magnitude 6.1 earthquake shook the northern coast at dawn on Monday, cutting power "
    "to several towns, and there were no immediate reports of deaths, the civil defence "
    "agency said."
)
FIRST_DEATH = (
    "A 71-year-old fisherman died when the wall of his shed collapsed on him during "
    "Monday's magnitude 6.1 earthquake, the civil defence agency confirmed on Wednesday, "
    "the first death linked to the quake."
)


def _quake(later_title: str, *, deathless: bool = True) -> list[Article]:
    first = (
        SHAKES
        if deathless
        else SHAKES.replace("there were no immediate reports of deaths", "roads cracked")
    )
    return [
        _report("Courier", "Strong 6.1 quake shakes northern coast", 0, first),
        _report("Tribune", "Northern coast quake cuts power to towns", 0.2, first),
        _report("Gazette", later_title, 2, FIRST_DEATH),
    ]


def test_a_first_death_after_a_report_of_none_is_the_latest_turn() -> None:
    articles = _quake("One dead, 30 homes damaged after northern coast quake")
    assert latest_turn(articles) == {2}
    summary = summarize_story(Story(id=StoryId("quake"), articles=articles))
    assert summary.briefly[0].text.startswith("A 71-year-old fisherman died")
    assert latest_turn(_quake("Fisherman killed as quake wall collapses")) == {2}
    # Deaths never denied are no turn; nor is a report of none, nor someone's claim.
    assert latest_turn(_quake("One dead after northern coast quake", deathless=False)) == set()
    assert latest_turn(_quake("No one killed as aftershocks rattle northern coast")) == set()
    assert latest_turn(_quake("Villagers say two died in quake, officials deny it")) == set()
    assert latest_turn(_quake("Coast residents recall 1991 quake that killed 48")) == set()
    # A record's year is no other event's.
    assert latest_turn(_quake("One dead after coast quake, strongest since 2012")) == {2}


def test_a_count_still_going_on_gives_way_to_its_result() -> None:
    leads = "Lee leads with 41 per cent of the vote to 39 per cent for the Greens' Jo Hart."
    took = "Harbour Party candidate Ann Lee took 41.2 per cent of the vote, the count showed."
    assert counts_in_progress([leads, took]) == {0}
    assert counts_in_progress(["Ann Lee leads the count in North Isle.", took]) == {0}
    # Another candidate's lead, no result to overtake it, a poll of another time, a
    # market's lead, a shared weekday: still news.
    assert counts_in_progress(["Hart leads with 39 per cent of the vote.", took]) == set()
    assert counts_in_progress([leads, "Ann Lee thanked voters in North Isle."]) == set()
    # A place both name is no one's count.
    ohio = ["Lee leads with 45% of the vote in Ohio.", "Hart won 43% of the vote in Ohio."]
    assert counts_in_progress(ohio) == set()
    assert (
        counts_in_progress(
            [
                "Harbour Party leads with 31 per cent of the vote in the latest poll.",
                "Harbour Party won 14 per cent of the vote at the election in July.",
            ]
        )
        == set()
    )
    assert (
        counts_in_progress(
            [
                "Lee leads with 41 per cent of the vote on Monday.",
                "Hart took 38 per cent of the vote on Monday.",
            ]
        )
        == set()
    )
    result = _report(
        "Courier",
        "Harbour Party wins North Isle by-election",
        1,
        "The Harbour Party has won the North Isle by-election, taking a seat it had never "
        f"held since 1988. {took}",
    )
    # A live page's count, as it stood hours before the result.
    live = _report(
        "Tribune",
        "North Isle by-election: live results",
        0.9,
        "Ann Lee of the Harbour Party leads the count in North Isle, the electoral office "
        f"said. {leads} Turnout was 52 per cent.",
    )
    summary = summarize_story(Story(id=StoryId("vote"), articles=[result, live]))
    assert not any(" leads " in s.text for s in summary.briefly), summary.briefly


def test_a_bill_passed_under_its_name_or_clearing_parliament_is_the_turn() -> None:
    debate = _report(
        "Courier", "Opposition to vote against Media Safety amendments as debate opens", 0
    )
    for title in (
        "Media Safety (Amendment) Bill passed with 141 votes",
        "Media Safety amendments clear Parliament 141–52",
        "Media Safety amendments sail through second reading",
    ):
        assert latest_turn([debate, _report("Herald", title, 3)]) == {1}, title
    # Someone else's bill passed, or the bill clearing a committee's hurdle ahead, is none.
    for title in ("Fisheries Bill passed with 120 votes", "Media Safety amendments to clear House"):
        assert latest_turn([debate, _report("Herald", title, 3)]) == set(), title


def test_a_counts_progress_is_overtaken_where_the_count_is_done() -> None:
    texts = [
        "The commission has announced the final provisional results for the 57-seat council.",
        "The commission says 41% of ballots have been counted.",
        "Counting is finished in 14 of the 17 districts.",
        "Counting has begun in the 523 polling centres.",
        "Turnout was 47.3% of the 918,000 registered voters.",
    ]
    assert counts_in_progress(texts) == {1, 2, 3}
    # Under way with no count done, it is the news.
    assert counts_in_progress(texts[1:]) == set()
    # Nor where the count done is still ahead.
    ahead = [
        "With 41% of ballots counted, Lind leads with 52%.",
        "Final results are expected on Thursday.",
    ]
    assert counts_in_progress(ahead) == set()
