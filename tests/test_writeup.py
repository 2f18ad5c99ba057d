"""Also in the news: one line per one-outlet story, from its article's lead."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta
from pathlib import Path

from digest.config import Config, parse_config
from digest.dates import strip_date_annotations
from digest.models import Brief, LeftOutReason, Story, StoryId, TopicStories
from digest.select import Selection
from digest.text import pair_quotes
from digest.writeup import window_names, write_briefs, write_stories
from tests.test_cluster import _article


def _one_brief(title: str, text: str, summary: str = "") -> Brief:
    """The "Also in the news" line of a one-article story."""
    article = dataclasses.replace(
        _article("https://wire.example/a", "Wire", title, text), summary=summary
    )
    [brief] = write_briefs([Story(StoryId("s-a"), (article,))])
    assert (brief.story_id, brief.outlet, brief.url) == ("s-a", "Wire", "https://wire.example/a")
    return brief


def _brief_sentence(title: str, text: str, summary: str = "") -> str:
    """Which sentence the line prints, without the dates it adds to relative days."""
    return strip_date_annotations(_one_brief(title, text, summary).sentence)


def test_a_relative_day_in_the_line_gets_the_date_it_means() -> None:
    text = "The council voted on Thursday to fund the winter ferry until March."
    brief = _one_brief("Council funds the winter ferry", text)
    assert brief.sentence == (
        "The council voted on Thursday (31 October) to fund the winter ferry until March."
    )


def test_the_lead_sentence_cleaned_of_its_dateline() -> None:
    text = (
        "KYIV (Reuters) - Ukraine's parliament approved the 2027 budget on Thursday after "
        "a week of talks.\n\nThe vote was 260 to 40."
    )
    sentence = _brief_sentence("Ukraine passes its budget", text)
    assert sentence == (
        "Ukraine’s parliament approved the 2027 budget on Thursday after a week of talks."
    )


def test_a_lead_that_repeats_the_headline_gives_way_to_the_next_sentence() -> None:
    text = (
        "Dock workers in Antwerp walked out on Thursday. More than forty container ships "
        "waited at anchor off the Scheldt as the strike went on."
    )
    sentence = _brief_sentence("Dock workers in Antwerp walked out on Thursday", text)
    assert sentence.startswith("More than forty container ships")


def test_a_video_pages_furniture_does_not_use_up_the_lead_sentences() -> None:
    text = (
        "EMBED More News Videos Jane Doe heads to the county jail.\n\n"
        "Watch the report from Ann Holt on Channel 4 News at 4 p.m. on May 2, 2026.\n\n"
        "EMBED More News Videos First look at the new prison.\n\n"
        "Ann Holt reports during Channel 4 News at 6pm on May 1, 2026.\n\n"
        "This image provided by the county jail shows Jane Doe on Tuesday.\n\n"
        "Jane Doe spent her first night behind bars at the new state prison near Eastvale.\n\n"
        "Officials say Jane Doe will serve her sentence in a single cell."
    )
    sentence = _brief_sentence("Jane Doe spent her first night behind bars", text)
    assert sentence == "Officials say Jane Doe will serve her sentence in a single cell."


def test_a_quotation_the_next_sentence_closes_is_not_the_briefs_sentence() -> None:
    text = (
        "The store chain said hackers had been inside its network since July. "
        "A notice said that “some cards were used after purchases at our stores. "
        "We have told those customers.” The chain said no other data was taken."
    )
    sentence = _brief_sentence("Store chain hacked since July", text.split(". ", 1)[1])
    assert sentence == "The chain said no other data was taken."


def test_a_sentence_inside_a_quotation_is_not_the_briefs_sentence() -> None:
    text = (
        "“We were never told. The store chain kept the breach secret for four months. "
        "Nobody warned us,” said a customer in Leeds. The chain said on Friday that no "
        "card numbers were taken."
    )
    # The middle sentence has no quotation mark of its own: it is still the customer's.
    sentence = _brief_sentence("Store chain hacked", text)
    assert sentence == "The chain said on Friday that no card numbers were taken."


def test_a_staccato_lede_voicing_claims_is_not_the_briefs_sentence() -> None:
    text = (
        "The night ferry line is perfectly safe. The union's warnings about the lights are "
        "false. The night crossings to Setúbal will go on. That was the harbour authority's "
        "message on Sunday, hours before it suspended the line after its lights failed."
    )
    sentence = _brief_sentence("Setúbal night ferry suspended", text)
    assert sentence.startswith("That was the harbour authority’s message on Sunday")


def test_a_teaser_cut_short_by_the_feed_is_printed_only_to_its_last_whole_clause() -> None:
    teaser = "New owner of the island weekly is looking for a new publisher; several..."
    assert _brief_sentence("Island weekly sold", "", summary=teaser) == (
        "New owner of the island weekly is looking for a new publisher."
    )
    # No whole clause before the cut: nothing is printed.
    assert _brief_sentence("Island weekly sold", "", summary="The new owner says that...") == ""


def test_a_feed_teaser_without_a_full_stop_is_the_briefs_sentence() -> None:
    teaser = "The prime minister won a landslide election that gave her a strong mandate"
    sentence = _brief_sentence("Prime minister will be reappointed", teaser, summary=teaser)
    assert sentence == teaser + "."


def test_a_features_scene_setting_opening_gives_way_to_its_feeds_dek() -> None:
    text = (
        "Salt marshes north of Porto Alto used to turn white with egrets every spring. "
        "This year the birds came late, said a fisherman from the village of Porto Alto."
    )
    dek = (
        "Fishing villages that share the estuary with a new container port say dredging is "
        "draining the marshes faster than the port authority promised."
    )
    assert _brief_sentence("A port and the egrets", text, summary=dek) == dek
    # Without a dek of its own the scene is still better than nothing; a report's lede
    # stays whatever its feed says.
    assert _brief_sentence("A port and the egrets", text).startswith("Salt marshes")
    news = "The port authority opened the new container terminal on Monday, officials said."
    assert _brief_sentence("Port opens", news, summary=dek) == news


def test_an_anecdotal_lede_gives_way_to_the_report_a_few_paragraphs_down() -> None:
    scene = (
        "Marta Kovac was hanging washing on her balcony when the hillside above the road gave way."
    )
    below = [
        '"It sounded like a train. I took my daughter and ran," Kovac, 41, said.',
        "She said she saw a delivery van pushed off the road by the mud.",
        "The regional civil protection agency said two people died and 30 homes were "
        "evacuated after the landslide near the town of Vrana on Tuesday evening.",
        "Roads into the valley will stay closed until engineers check the slope.",
    ]
    text = "\n\n".join([scene, *below])
    title = "Landslide buries road near Vrana"
    report = _brief_sentence(title, text, summary=scene)
    assert report.startswith("The regional civil protection agency said two people died")
    # A scene someone reports ("aides said") is news, and so is one of someone the
    # headline names.
    known = "Marta Kovac was speaking to farmers in Vrana when the hillside gave way, aides said."
    assert _brief_sentence(title, known) == known
    named = "Marta Kovac was hanging washing on her balcony when the hillside gave way."
    headline = "Marta Kovac's road buried by landslide near Vrana"
    assert _brief_sentence(headline, "\n\n".join([named, *below])) == named
    # Neither history nor more of her own story is the report.
    for aside in (
        "In 2019, a similar landslide in the same valley killed 12 people, officials said.",
        "Last year, a landslide in the same valley killed 12 people, officials said.",
        "During the 2019 landslide in the same valley, 12 people were killed, officials said.",
        "Kovac, a retired teacher, has lived in the valley for 40 years and says she never "
        "felt unsafe.",
    ):
        text = "\n\n".join([scene, aside, *below])
        assert _brief_sentence(title, text, summary=scene) == report
    # "Last night" is this week's news.
    night = "Police said the landslide struck shortly after 11pm last night, killing two people."
    assert _brief_sentence(title, "\n\n".join([scene, night, *below]), summary=scene) == night
    # A feature's present is a scene too.
    habit = "Marta Kovac keeps the keys to her old flat on a hook by the door of her new one."
    assert _brief_sentence(title, "\n\n".join([habit, *below])) == report
    # With no report below it (only her own words), the scene is the line.
    alone = "\n\n".join([scene, *below[:2]])
    assert _brief_sentence(title, alone) == scene
    # A title is an office, not a stranger's scene: "Minister Ana Lind was visiting ...".
    office = "Minister Ana Lind was visiting the valley when the hillside above the road gave way."
    assert _brief_sentence(title, "\n\n".join([office, *below])) == office


def test_a_standfirst_above_its_byline_gives_way_to_the_report() -> None:
    report = (
        "The government on Tuesday extended a ban on diesel exports until the end of "
        "March, as drone strikes on refineries strained domestic supplies."
    )
    dek = "The ban, first imposed in August, has been extended four times."
    title = "Diesel export ban extended to March"
    for byline in ("Wire", "By Jane Doe"):  # the outlet's name, or a writer's
        text = "\n\n".join([dek, byline, report, "Prices rose 2.4% on the exchange."])
        assert _brief_sentence(title, text) == report
    # Under anything else, the first paragraph is the report's own lede.
    for line in ("Advertisement", "Reuters", "Kyiv", "Getty Images", "Key Figures"):
        text = "\n\n".join([dek, line, report])
        assert _brief_sentence(title, text).startswith("The ban"), line


def test_a_sentence_that_stands_alone_comes_before_one_that_leans_on_another() -> None:
    text = (
        "But the ferry company said the timetable would not change before the spring. "
        "The island's council voted on Tuesday to buy a second ferry for the winter route."
    )
    sentence = _brief_sentence("Island council buys a second ferry", text)
    assert sentence.startswith("The island’s council voted")
    # A quote without its speaker reads as no news either.
    quoted = (
        "“We have waited for this boat for ten years.” "
        "The island's council voted on Tuesday to buy a second ferry for the winter route."
    )
    assert _brief_sentence("Island council buys a second ferry", quoted).startswith("The island")
    # A definite subject the headline names has its antecedent; with no other sentence a
    # leaning one is still better than none.
    woman = "The woman, dressed as a porter, walked into the station's lost-property office."
    assert _brief_sentence("Police are looking for a woman", woman) == pair_quotes(woman)
    alone = "It happened on the last train from the harbour on Saturday night."
    assert _brief_sentence("A porter's bag goes missing", alone) == alone


def _config(tmp_path: Path) -> Config:
    return parse_config(
        'newsletter: {name: Test, from: "Ed <ed@example.org>", unsubscribe: "https://x.org/u"}\n'
        'feeds:\n  - {url: "https://example.org/rss", name: Example}\n',
        tmp_path / "feeds.yaml",
    )


def test_a_story_with_nothing_to_print_is_left_out_with_its_articles_and_why(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path)
    title_only = _article("https://wire.example/fence", "Wire", "A man jumps a fence", "")
    widget = _article(
        "https://post.example/widget", "Post", "Tweet", "Add a location to your Tweets."
    )
    stories = (Story(StoryId("s-a"), (title_only,)), Story(StoryId("s-b"), (widget,)))
    selection = Selection(topics=(TopicStories("Elsewhere", False, stories),))

    written = write_stories(config, selection, previous_sentences=frozenset())

    assert written.sections == ()
    assert [(o.story_id, o.reason, o.article_ids) for o in written.left_out] == [
        ("s-a", LeftOutReason.FAILED, (title_only.id,)),
        ("s-b", LeftOutReason.FAILED, (widget.id,)),
    ]
    assert "the feed gave only a title" in written.left_out[0].detail
    assert "page furniture was removed" in written.left_out[1].detail


def test_a_briefs_headline_link_and_sentence_are_one_articles() -> None:
    # Two pages of one outlet: the better title is the second page's.
    first = _article(
        "https://wire.example/ferry",
        "Wire",
        "Ferry Crews End Their Strike",
        "The ferry crews voted on Monday to end their two-week strike over pay.",
    )
    second = _article(
        "https://wire.example/quay",
        "Wire",
        "Harbour board approves a new quay for the winter ferry route",
        "The harbour board approved a new quay on Tuesday after two years of debate.",
    )
    [brief] = write_briefs([Story(StoryId("s-a"), (first, second))])
    assert brief.url == second.url and brief.headline == second.title
    assert strip_date_annotations(brief.sentence) == second.text
    # A title that is no headline: the first page is linked, under a headline of its own.
    blurb = dataclasses.replace(second, title="Watch: the quay")
    [brief] = write_briefs([Story(StoryId("s-b"), (first, blurb))])
    assert brief.url == first.url and brief.headline.lower() == first.title.lower()
    # A column on the report is not the line, however good its title.
    column = _article(
        "https://wire.example/opinion/editorial-the-sea-is-no-longer-a-border",
        "Wire",
        "Editorial: The sea is no longer a border for the harbour towns",
        "Great projects have too often died of grand declarations without follow-up.",
    )
    [brief] = write_briefs([Story(StoryId("s-c"), (first, column))])
    assert brief.url == first.url and brief.headline.lower() == first.title.lower()


def test_an_outlets_later_report_of_its_own_story_gives_the_line() -> None:
    # The polling day's preview, then the result a day later: the line tells the result,
    # though the preview's title would head the two.
    preview = _article(
        "https://wire.example/polls",
        "Wire",
        "Harbour Party's Ann Lee favourite as North Isle goes to the polls",
        "Voters in North Isle go to the polls today in a by-election that will test the "
        "Government's standing a year after the general election.",
    )
    result = _article(
        "https://wire.example/result",
        "Wire",
        "Ann Lee elected in North Isle as Harbour Party holds off Green Party",
        "Harbour Party's Ann Lee has been elected to parliament in the North Isle "
        "by-election, beating the Green Party's Jo Hart on the fourth count.",
        hours=26,
    )
    [brief] = write_briefs([Story(StoryId("s-a"), (preview, result))])
    assert brief.url == result.url and brief.headline.startswith("Ann Lee elected")
    # Two hours apart, one day's news: the best title heads it.
    same_day = dataclasses.replace(result, published=preview.published + timedelta(hours=2))
    [brief] = write_briefs([Story(StoryId("s-a"), (preview, same_day))])
    assert brief.url == preview.url
    # A side piece of the day after moves nothing on.
    side = _article(
        "https://wire.example/staff",
        "Wire",
        "North Isle count staff praised for quick tally",
        "Count staff in North Isle were praised by the returning officer for a quick and "
        "careful tally of the by-election ballots.",
        hours=38,
    )
    [brief] = write_briefs([Story(StoryId("s-a"), (preview, result, side))])
    assert brief.url == result.url


def test_a_name_in_the_news_all_over_the_window_needs_no_introduction(tmp_path: Path) -> None:
    config = _config(tmp_path)
    report = _article(
        "https://wire.example/ferry",
        "Wire",
        "Island council buys a second ferry",
        "The island's council voted on Tuesday to buy a second ferry for the winter route. "
        "Okafor said the harbour would need a longer pier before the boat arrives in May. "
        "“The islands cannot wait another winter,” Governor Ada Okafor told reporters.",
    )
    story = Story(StoryId("s-ferry"), (report,))
    selection = Selection(topics=(TopicStories("Elsewhere", False, (story,)),))

    def printed(window: tuple[Story, ...]) -> str:
        written = write_stories(
            config, selection, previous_sentences=frozenset(), known_names=window_names(window)
        )
        [summary] = written.sections[0].stories
        return " ".join(s.text for s in summary.briefly)

    # Alone, "Okafor said" needs her full name printed first, and the article gives it
    # only in a quote, which no Briefly opens with.
    assert "Okafor said" not in printed(())
    # Three other stories of the window say "Okafor said": readers know who she is.
    others = tuple(
        Story(
            StoryId(f"s-{n}"),
            (_article(f"https://wire.example/{n}", "Wire", f"Item {n}", f"Okafor said {what}."),),
        )
        for n, what in enumerate(("the budget passed", "taxes stay", "the port opens"))
    )
    assert "Okafor said" in printed((story, *others))


def test_a_question_is_never_the_briefs_sentence_and_a_qa_label_goes() -> None:
    # A page written as questions and answers: the question is no news; the answer is,
    # without its "A.".
    text = (
        "Here is a look at what comes next for the ferry budget.\n\n"
        "Q. What are the next steps for the island council?\n\n"
        "A. The council voted early Sunday to fund the winter route until March."
    )
    sentence = _brief_sentence("Island council races to fund the ferry", text)
    assert sentence == "The council voted early Sunday to fund the winter route until March."


def test_a_lead_that_goes_on_from_the_headline_comes_before_one_that_leans() -> None:
    # The feed made the title of the lead's first words; the next sentence leans on it.
    text = (
        "The island region, home to most of the ferry's passengers, could lose two "
        "million euros a month if the winter route stops. And that is not counting the "
        "blow to tourism, one of the islands' mainstays, said a council economist."
    )
    title = "The island region, home to most of the ferry's passengers"
    brief = _one_brief(title, text)
    # Printed once, as the headline (see the next test).
    assert brief.headline.startswith(title + ", could lose two million euros a month")
    assert "not counting" not in brief.headline + brief.sentence


def test_a_title_made_of_the_leads_first_words_is_printed_once() -> None:
    # The feed's title is the lead cut short: headline and sentence would repeat it.
    text = (
        "The harbour board has revealed the new ferry will be named after a local "
        "fisherwoman who rowed the route for forty years."
    )
    title = "The harbour board has revealed the new ferry will be named"
    brief = _one_brief(title, text)
    assert brief.headline == text.removesuffix(".")
    assert brief.sentence == ""


def test_a_lead_printed_as_the_headline_is_followed_by_the_next_sentence() -> None:
    # No sentence of the page stands alone, so the whole lead is the headline; the one
    # after it names "the company" the lead introduced, and reads after it.
    text = (
        "The computer network at Harbour Foods was entered by hackers as far back as "
        "July, according to people briefed on the inquiry.\n\n"
        "The company disclosed the theft of card numbers last week, saying it first "
        "learned of the intrusion in mid-December.\n\n"
        "It issued another notice on Thursday."
    )
    title = "The computer network at Harbour Foods was entered by hackers"
    brief = _one_brief(title, text)
    assert brief.headline.endswith("according to people briefed on the inquiry")
    assert brief.sentence.startswith("The company disclosed the theft of card numbers")
    # Not a sentence further on, whose "the company" may be another's.
    later = text.replace("The company disclosed", "Tellers said. The company disclosed")
    assert _brief_sentence(title, later) == ""


def test_a_lead_too_long_for_a_headline_stays_the_sentence() -> None:
    # A press release's one-sentence lead of 40 words: the headline is made of its
    # opening, the lead is the sentence, and its repetition further down (cut at
    # "S.A.") is not taken for another sentence.
    lead = (
        "Harbour Air today announced it has reached an agreement with Island Hopper "
        "S.A. and many of its affiliates for a joint business agreement that, pending "
        "government approval, is expected to bring lower fares between the islands and "
        "the mainland next spring."
    )
    again = "Harbour Air today announced it has reached an agreement with Island Hopper S.A."
    text = f"{lead}\n\n{again}"
    title = "Harbour Air today announced it has reached an agreement"
    brief = _one_brief(title, text)
    # (Its "today" is told as the weekday it was.)
    told = strip_date_annotations(brief.sentence)
    assert re.sub(r"\bon [A-Z][a-z]+day\b", "today", told, count=1) == lead
    assert 6 <= len(brief.headline.split()) <= 20
    # ... less the outlet's "today", which no headline keeps.
    assert lead.replace(" today", "").startswith(brief.headline)


def test_a_line_whose_speaker_is_a_bare_name_it_never_introduces_is_not_used() -> None:
    quote = "“If they make us choose, the choice is not a difficult one,” Fine said on X."
    # The headline says "a lawmaker"; the line alone cannot say who Fine is.
    assert _brief_sentence("Democrats slam lawmaker over remarks on migrants", quote, quote) == ""
    for other in (
        "“If they make us choose, the choice is not a difficult one,” said Fine.",
        "“If they make us choose, the choice is not a difficult one,” McFine said Tuesday.",
    ):
        assert _brief_sentence("Democrats slam lawmaker over remarks", other, other) == ""
    # Another sentence of the page that stands alone is used instead.
    text = f"{quote} The remarks drew condemnation from both parties on Tuesday evening."
    assert _brief_sentence("Democrats slam lawmaker over remarks on migrants", text) == (
        "The remarks drew condemnation from both parties on Tuesday evening."
    )
    # Named in the headline, or a name the whole window uses alone, the speaker needs
    # no introduction.
    assert _brief_sentence("Randy Fine defends his remarks on migrants", quote, quote) == quote
    title = "Democrats slam lawmaker over remarks on migrants"
    article = dataclasses.replace(
        _article("https://wire.example/fine", "Wire", title, quote), summary=quote
    )
    [brief] = write_briefs([Story(StoryId("s-f"), (article,))], known_names=frozenset({"fine"}))
    assert brief.sentence == quote


def test_a_report_opening_on_after_or_before_is_news_not_a_scene() -> None:
    dek = "Mediators hope the truce will hold as the region braces for a new phase."
    for lede in (
        "After 15 months of war, Norland and Sudland agreed on Wednesday to a ceasefire, "
        "mediators said.",
        "Before dawn on Tuesday, missiles struck the power grid of the northern harbour towns.",
        "Drones used to attack the harbour were made abroad, officials said on Sunday.",
    ):
        assert _brief_sentence("Norland and Sudland agree ceasefire", lede, summary=dek) == lede


def test_a_page_gone_at_build_time_is_not_linked_while_another_source_stays(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path)
    text = (
        "The island's council voted on Tuesday to buy a second ferry for the winter route. "
        "The harbour will need a longer pier before the boat arrives in May, "
        "Harbour master Ana Lind said on Tuesday."
    )
    live = _article("https://wire.example/ferry", "Wire", "Council buys a second ferry", text)
    dead = _article("https://post.example/ferry", "Post", "Island buys a ferry", text)
    story = Story(StoryId("s-ferry"), (live, dead))
    selection = Selection(
        topics=(TopicStories("Elsewhere", False, (story,)),),
        gone=frozenset({"https://post.example/ferry"}),
    )
    [summary] = write_stories(config, selection, previous_sentences=frozenset()).sections[0].stories
    assert [s.url for s in summary.sources] == ["https://wire.example/ferry"]
    assert "https://post.example/ferry" not in {p.source_url for p in summary.perspectives}

    # A page a feed's tracking link redirected to is linked at its own address.
    moved = dataclasses.replace(
        selection, moved={"https://wire.example/ferry": "https://wire.example/news/ferry"}
    )
    [summary] = write_stories(config, moved, previous_sentences=frozenset()).sections[0].stories
    assert [s.url for s in summary.sources] == ["https://wire.example/news/ferry"]
    assert "https://wire.example/ferry" not in {
        *(p.source_url for p in summary.perspectives),
        *(s.source_url for s in summary.briefly),
    }

    # An AMP copy in the feed beside its page is one source, at the page's address.
    amp = _article("https://wire.example/amp/ferry", "Wire", "Council buys a second ferry", text)
    both = dataclasses.replace(
        selection,
        topics=(TopicStories("Elsewhere", False, (Story(StoryId("s-ferry"), (live, amp)),)),),
        gone=frozenset(),
        moved={"https://wire.example/amp/ferry": "https://wire.example/ferry"},
    )
    [summary] = write_stories(config, both, previous_sentences=frozenset()).sections[0].stories
    assert [s.url for s in summary.sources] == ["https://wire.example/ferry"]

    [brief] = write_briefs(
        [Story(StoryId("s-a"), (live,))],
        moved={"https://wire.example/ferry": "https://wire.example/news/ferry"},
    )
    assert brief.url == "https://wire.example/news/ferry"

    # Every page gone: the links stay, for the editors to see where the story came from.
    selection = dataclasses.replace(selection, gone=frozenset({live.url, dead.url}))
    [summary] = write_stories(config, selection, previous_sentences=frozenset()).sections[0].stories
    assert len(summary.sources) == 2
