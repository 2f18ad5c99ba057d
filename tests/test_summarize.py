"""The extractive summary: house-style parts, traceable to the sources, no furniture."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from digest.briefly import (
    Candidate,
    ScoredSentences,
    extractive_briefly,
    is_briefly_candidate,
    is_redundant,
    needs_antecedent,
    score_sentences,
)
from digest.dates import (
    annotate_dates,
    names_a_day,
    relative_date_words,
    stale_future,
    strip_date_annotations,
)
from digest.headline import (
    ends_short,
    has_news_title,
    headline_from_sentence,
    make_headline,
    normalise_headline,
    word_cases,
)
from digest.hygiene import clean_sentence
from digest.models import (
    Article,
    ArticleId,
    Perspective,
    Story,
    StoryId,
    StoryStatus,
    StorySummary,
    TakeOrigin,
)
from digest.sample import EXPECTED_STORIES, EXPECTED_TOPIC, WEEK2_STORIES
from digest.sample._data import load_articles
from digest.summarize import SummaryOptions, summarize_story
from digest.text import pair_quotes, split_sentences, word_count

from .conftest import shared_path

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

LEDGER = """\
By Jane Doe, Ledger correspondent

COPENHAGEN (Reuters) - Denmark summoned the US ambassador on Wednesday after Washington \
offered Greenland $1.2 billion in return for a say over mining licences on the island.

The offer, sent in a letter to the governments in Nuuk and Copenhagen, would also let \
the US enlarge the Pituffik Space Base in the north-west of Greenland.

Denmark's prime minister Mette Frederiksen said that the kingdom's constitution was not \
a bargaining chip and that any deal would need both governments.

Photo: The harbour in Nuuk, Greenland's capital.

Read more: Greenland's long road to self-rule
"""

WIRE = """\
NUUK — Greenland's government rejected a US proposal on Wednesday that would have given \
Washington a veto over mining licences, a day after Denmark summoned the US ambassador.

"We are not for sale and we will not be bought with ports and runways," Greenland's \
premier told reporters in Nuuk.

According to a White House spokesperson, the offer was the most generous ever made to \
the people of Greenland.

Greenland has been self-governing since 1979 and took control of its mineral resources \
in 2010, but Denmark still runs its defence and foreign policy.

The proposal would cost the US about $1.2 billion over ten years &amp; fund ports, \
airports and a university campus.
"""

REVIEW = """\
BRUSSELS (AP) — European governments rallied behind Denmark on Wednesday after the US \
offer to Greenland, which Copenhagen called an attack on the kingdom's sovereignty.

The European Union stands in full solidarity with Denmark, said France's foreign \
minister Jean Martin.

Critics, including Greenland's largest opposition party, argued that the island should \
deal directly with Washington and use US interest to speed up independence.

About 57,000 people live in Greenland, most of them Inuit, and the island's economy \
depends on fishing and an annual block grant from Copenhagen.
"""


def _article(slug: str, outlet: str, title: str, text: str, hours: int) -> Article:
    return Article(
        id=ArticleId(slug),
        url=f"https://{slug}.example/greenland",
        outlet=outlet,
        feed_url=f"https://{slug}.example/feed",
        title=title,
        published=T0 + timedelta(hours=hours),
        text=text,
    )


def _printed(summary: StorySummary) -> list[str]:
    """What a story prints as text: its Briefly, notes and voices' claims."""
    return [
        *(s.text for s in (*summary.briefly, *summary.also_worth_noting)),
        *(p.says for p in summary.perspectives),
    ]


@pytest.fixture()
def story() -> Story:
    return Story(
        id=StoryId("greenland"),
        articles=(
            _article(
                "ledger", "The Atlantic Ledger", "Denmark summons US envoy | Ledger", LEDGER, 0
            ),
            _article("wire", "Baltic Wire", "Greenland rejects US offer - Baltic Wire", WIRE, 2),
            _article("review", "Continental Review", "EU rallies behind Denmark", REVIEW, 3),
        ),
        status=StoryStatus.UPDATE,
    )


def _source_sentences(story: Story, url: str) -> list[str]:
    # As printed: the quotation marks' shapes are the issue's own (``pair_quotes``).
    article = next(a for a in story.articles if a.url == url)
    return [pair_quotes(clean_sentence(s)) for s in split_sentences(article.text)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(word in rest for word in part)


def _as_written(text: str, articles: str, sources: list[str]) -> bool:
    """Whether ``text`` is one of ``sources``, once up to two given names the write-up
    may add are taken out: a capitalised word before a surname, where the articles write
    the two together ("Ola Lindqvist")."""
    added = [
        m
        for m in re.finditer(r"\b([A-Z][a-z]+) (?=([A-Z][a-z]+)\b)", text)
        if f"{m[1]} {m[2]}" in articles
    ]
    for taken in itertools.chain.from_iterable(itertools.combinations(added, n) for n in range(3)):
        left = text
        for match in sorted(taken, key=lambda m: -m.start()):
            left = left[: match.start()] + left[match.end() :]
        if left in sources:
            return True
    return False


def _assert_traceable(summary: StorySummary, story: Story) -> None:
    # Documented changes: clean-ups only delete; a date is added in brackets after a
    # relative day ("on Tuesday (17 November)"); a person's given names are added before
    # their surname's first mention ("Flynn" -> "Michael Flynn"), from the story.
    texts = " ".join(a.text for a in story.articles)
    for sentence in (*summary.briefly, *summary.also_worth_noting):
        source = strip_date_annotations(sentence.text)
        sources = _source_sentences(story, sentence.source_url)
        assert _as_written(source, texts, sources), sentence
    for perspective in summary.perspectives:
        sources = _source_sentences(story, perspective.source_url)
        # A claim is the sentence's words in order with some deleted ("that", another
        # speaker's clause); the speaker is named as somewhere in the same article.
        claim = _words(strip_date_annotations(perspective.says))
        assert any(_is_subsequence(claim, _words(s)) for s in sources), perspective
        article = " ".join(sources).lower()
        for word in _words(perspective.who.split(", like ")[0]):
            assert word in article or word in ("critics", "supporters"), perspective
        outlet = next(a.outlet for a in story.articles if a.url == perspective.source_url)
        assert perspective.outlet == outlet


def _all_text(summary: StorySummary) -> list[str]:
    return [
        summary.headline,
        *(s.text for s in summary.briefly),
        *(s.text for s in summary.also_worth_noting),
        *(p.who for p in summary.perspectives),
        *(p.says for p in summary.perspectives),
    ]


def _assert_clean(summary: StorySummary) -> None:
    for text in _all_text(summary):
        assert not re.search(r"<[a-zA-Z/]|&[a-z]+;|&#\d+;", text), text
        assert not re.search(r"\bBy Jane\b|Photo:|Read more|\(Reuters\)|\(AP\)", text), text
        # No dateline such as "BRUSSELS (AP) — " is left at the start.
        assert not re.match(r"[A-Z]{3,}(?: [A-Z]{2,})*(?: \([^)]*\))? [—-] ", text), text


def test_briefly_is_two_or_three_whole_sentences_within_budget(story: Story) -> None:
    summary = summarize_story(story)

    assert 2 <= len(summary.briefly) <= 3
    assert word_count(strip_date_annotations(summary.briefly_text)) <= 70
    for sentence in summary.briefly:
        assert sentence.text[0].isupper()
        assert sentence.text.endswith((".", "!", '."', ".”"))
    # The fact the outlets agree on leads.
    assert "summoned the US ambassador" in summary.briefly_text


def test_every_sentence_is_traceable_to_its_source(story: Story) -> None:
    summary = summarize_story(story)

    _assert_traceable(summary, story)
    _assert_clean(summary)


ATTRIBUTED = [
    # (reporting form, expected who, start of says, outlet)
    (
        "X said that ...",
        "Denmark's prime minister Mette Frederiksen",
        "the kingdom's constitution was not a bargaining chip",
        "The Atlantic Ledger",
    ),
    (
        '"...," X told reporters',
        "Greenland's premier",
        "“We are not for sale and we will not be bought with ports and runways.”",
        "Baltic Wire",
    ),
    (
        "According to X, ...",
        "A White House spokesperson",
        "the offer was the most generous ever made",
        "Baltic Wire",
    ),
    (
        "..., said X.",
        "France's foreign minister Jean Martin",
        "the European Union stands in full solidarity with Denmark.",
        "Continental Review",
    ),
    (
        "X argued that ...",
        "Critics, including Greenland's largest opposition party",
        "the island should deal directly with Washington",
        "Continental Review",
    ),
]


def test_a_person_the_write_up_names_first_by_surname_is_named_in_full_there() -> None:
    # The articles introduce the harbour master only in a photo's caption, which the
    # write-up never prints; where it first prints "Lindqvist", the reader gets the full
    # name.
    ledger = (
        "Harbour master Ola Lindqvist, 58, inspects the cracked quay in Vassby on Monday. "
        "(Photo: Baltic Wire/Ann Berg)\n"
        "The harbour at Vassby will close for a month from May after divers found cracks "
        "in the main quay, the port authority said on Monday. "
        "Ferry operators said the closure would cost them their spring trade. "
        "The repairs ordered by Lindqvist are expected to cost 40 million kronor. "
        "Lindqvist said the quay had not been repaired since 1987."
    )
    wire = (
        "Vassby's harbour will shut for four weeks in May for repairs to its cracked main "
        "quay, the port authority announced on Monday. "
        "Fishermen warned that a closure ordered by Lindqvist would hit their catch. "
        "The town council said it would seek state money for the repairs. "
        "Lindqvist said the quay had not been repaired since 1987."
    )
    story = Story(
        id=StoryId("quay"),
        articles=(
            _article(
                "ledger", "The Atlantic Ledger", "Vassby harbour to close for repairs", ledger, 0
            ),
            _article("wire", "Baltic Wire", "Cracked quay shuts Vassby harbour", wire, 1),
        ),
    )

    summary = summarize_story(story)
    printed = [
        *(s.text for s in summary.briefly),
        *(p.says for p in summary.perspectives),
        *(s.text for s in summary.also_worth_noting),
    ]
    first = next(text for text in printed if "Lindqvist" in text)
    assert "Ola Lindqvist" in first, printed
    assert sum(text.count("Ola Lindqvist") for text in printed) == 1, printed
    _assert_traceable(summary, story)


def test_a_name_with_a_particle_inside_is_named_whole() -> None:
    tribune = (
        "The army and the rebels signed a 90-day truce in Ostby on Friday, ending three "
        "weeks of talks, officials said. Rebel negotiator Dr. Izz al-Din Hassan al-Safi "
        "said his delegation had approved the final draft on Thursday night. Al-Safi said "
        "the rebels would open the roads to the south within hours of the truce."
    )
    wire = (
        "Sudland's army and the rebel forces signed a three-month truce in Ostby on Friday "
        "after talks mediated by Vell, the mediators said in a statement. Aid convoys are "
        "expected to move next week."
    )
    story = Story(
        id=StoryId("truce"),
        articles=(
            _article("tribune", "Ostby Tribune", "Truce signed in Ostby", tribune, 0),
            _article("wire", "Vell Wire", "Sudland sides sign three-month truce", wire, 1),
        ),
    )
    summary = summarize_story(story)
    printed = [*(s.text for s in summary.briefly), *(p.who for p in summary.perspectives)]
    named = [text for text in printed if "al-Safi" in text]
    assert named and all("Izz al-Din Hassan al-Safi" in text for text in named), printed


def test_a_claim_names_a_person_in_full_after_its_speaker_who_is_left_as_named() -> None:
    from digest.summarize import _names_introduced

    texts = [
        "Harbour master Ola Lindqvist, 58, quit on Monday.",
        "Lindqvist said the board had ignored the cracks.",
    ]
    voices = (
        Perspective(who="Tom Berg", says="the board was wrong.", outlet="A", source_url="u"),
        Perspective(who="A lawyer", says="Lindqvist will appeal.", outlet="A", source_url="u"),
    )
    sentences, claims = _names_introduced("Harbour master quits", [], 0, voices, texts, frozenset())

    # "Lindqvist will appeal" is read after "A lawyer says": no sentence's first word,
    # so its capital tells that it is a name; the speakers stay as name_in_full gave them.
    assert [(c.who, c.says) for c in claims] == [
        ("Tom Berg", "the board was wrong."),
        ("A lawyer", "Ola Lindqvist will appeal."),
    ]
    assert sentences == []


def test_a_speaker_the_briefly_introduced_with_the_same_role_is_named_without_it() -> None:
    from digest.summarize import _roles_once

    def voice(who: str) -> Perspective:
        return Perspective(who=who, says="the quay is safe.", outlet="A", source_url="u")

    before = "The plan drew criticism from Ann Lind, a harbour pilot, on Monday."
    voices = (
        voice("Ann Lind, a harbour pilot"),
        voice("Tom Berg, a ferry captain"),
        voice("Tom Berg, a ferry captain"),
        voice("Ola Moss, a diver and safety inspector at the port"),
    )
    shown = [v.who for v in _roles_once(f"{before} Diver Ola Moss found cracks.", voices)]
    # Told already: the name alone. Told by an earlier voice: the same. A role the
    # Briefly only hinted at ("Diver Ola Moss") is new to the reader and stays.
    assert shown == [
        "Ann Lind",
        "Tom Berg, a ferry captain",
        "Tom Berg",
        "Ola Moss, a diver and safety inspector at the port",
    ]


def test_perspectives_attribute_each_reporting_form(story: Story) -> None:
    summary = summarize_story(story, options=SummaryOptions(max_perspectives=6))

    by_who = {p.who: p for p in summary.perspectives}
    attributed = 0
    for form, written, says, outlet in ATTRIBUTED:
        who = pair_quotes(written)  # as printed: "Greenland’s premier"
        if who not in by_who:
            # A statement may instead lead Briefly; it is then not repeated as a view.
            assert who.lower() in summary.briefly_text.lower(), form
            continue
        assert by_who[who].says.startswith(pair_quotes(says)), form
        assert by_who[who].outlet == outlet, form
        attributed += 1
    assert attributed >= 4
    assert len({p.outlet for p in summary.perspectives}) >= 2
    assert len({p.who for p in summary.perspectives}) == len(summary.perspectives)


def test_notes_add_background_not_shown_above(story: Story) -> None:
    summary = summarize_story(story)

    shown = {s.text for s in summary.briefly}
    assert 1 <= len(summary.also_worth_noting) <= 3
    assert not shown & {s.text for s in summary.also_worth_noting}
    assert any("1979" in s.text or "57,000" in s.text for s in summary.also_worth_noting)


def test_take_status_and_sources(story: Story) -> None:
    summary = summarize_story(story)

    assert summary.take == ""
    assert summary.take_origin is TakeOrigin.MISSING
    assert summary.status is StoryStatus.UPDATE
    assert [s.outlet for s in summary.sources] == [
        "Baltic Wire",
        "Continental Review",
        "The Atlantic Ledger",
    ]
    assert summary.sources[0].url == "https://wire.example/greenland"
    assert summary.sources[0].title == "Greenland rejects US offer - Baltic Wire"


def test_sources_are_one_per_url_in_outlet_then_time_order(story: Story) -> None:
    repeat = story.articles[0]
    later = _article("ledger2", "The Atlantic Ledger", "Update", LEDGER, -5)
    doubled = Story(StoryId("s"), (*story.articles, repeat, later))

    urls = [s.url for s in summarize_story(doubled).sources]

    assert urls == [
        "https://wire.example/greenland",
        "https://review.example/greenland",
        "https://ledger2.example/greenland",
        "https://ledger.example/greenland",
    ]


# A piece of an outlet's own on the story, for tests about its source line (the wire's
# text word for word would be the wire's report, labelled as such).
OWN = (
    "The envoy's remarks in Copenhagen drew a sharp reply from Nuuk, where the premier "
    "said the island's future was for its people to decide and called the offer a "
    "distraction from talks on fishing rights."
)


def test_source_titles_print_in_the_headlines_quotation_marks(story: Story) -> None:
    """One outlet's title of straight marks beside a headline of curly ones reads as two
    styles in one story."""
    quoted = _article(
        "quoted",
        "Harbour Radio",
        "Denmark's envoy says island 'not for sale', calls offer \"absurd\"",
        OWN,
        4,
    )
    summary = summarize_story(Story(StoryId("s"), (*story.articles, quoted)))
    [title] = [s.title for s in summary.sources if s.outlet == "Harbour Radio"]
    assert title == "Denmark’s envoy says island ‘not for sale’, calls offer “absurd”"


def test_a_source_title_in_a_teasers_words_is_kept(story: Story) -> None:
    """ "Here's why ..." reads as a teaser when cleaned as a sentence; a title of its own
    words is the page's, and the reader should see it."""
    teased = _article(
        "teased",
        "Harbour Review",
        "Norland wants to buy the island. Here’s why Denmark is nervous",
        OWN,
        4,
    )
    summary = summarize_story(Story(StoryId("s"), (*story.articles, teased)))
    [title] = [s.title for s in summary.sources if s.outlet == "Harbour Review"]
    assert title == "Norland wants to buy the island. Here’s why Denmark is nervous"
    # A byline or a caption taken for a title is still left out.
    bio = _article("bio", "Harbour Notes", "The author is a Harbour Review columnist", WIRE, 4)
    summary = summarize_story(Story(StoryId("s2"), (*story.articles, bio)))
    assert [s.title for s in summary.sources if s.outlet == "Harbour Notes"] == [""]


def test_a_lede_that_quotes_a_phrase_of_the_statement_it_reports_leads() -> None:
    said = _article(
        "said",
        "Vell Times",
        "Vell says it will not join river council",
        "Vell on Friday declined to join the new river council of the Norland basin states, "
        "saying that it was “not in the business of blocs”.\n\n"
        "The statement by foreign ministry spokesperson Ana Lind came a day after the "
        "basin's ministers, meeting in Ostby, agreed to set up the council.\n\n"
        "The council's first meeting is planned for February in Ostby, according to a "
        "statement.",
        0,
    )
    stated = _article(
        "stated",
        "Basin Post",
        "Vell stays out of basin council",
        "Vell said on Friday it would not take part in the river council, stating that it "
        "did not see itself as part of “any bloc arrangement”.\n\n"
        "“Our engagement with our neighbours is guided by our own interests,” Lind told "
        "reporters in the capital.\n\nNorland's foreign minister said the door would stay "
        "open to Vell.",
        2,
    )
    summary = summarize_story(Story(StoryId("s"), (said, stated)))
    assert summary.briefly[0].text.startswith("Vell on Friday")
    assert "declined to join" in summary.briefly[0].text


def test_a_live_pages_entry_heading_is_no_voice() -> None:
    # Each entry under a heading with no stop; a heading can read as "X says ...".
    report = _article(
        "report",
        "Nuuk Post",
        "Survey ship leaves Greenland waters",
        "An unmarked survey ship left Greenland's waters on Sunday after two days off Nuuk. "
        "The vessel had no flag and did not answer calls from the coastguard, according to "
        "port records.\n\nIt was last seen heading south towards the Labrador Sea.",
        0,
    )
    live = _article(
        "live",
        "Harbour Radio",
        "Greenland survey ship: latest updates",
        "Police say they questioned the crew of the survey ship at sea\n\n"
        "A patrol vessel followed the ship for two days before it left Greenland's waters "
        "on Sunday, and an aircraft photographed it on Saturday.\n\n"
        "Union wants quotas kept out of talks\n\n"
        "The island's catch quotas must not become a bargaining chip in any talks with "
        "Washington, union chairman Aqqaluk Berthelsen said.",
        5,
    )
    summary = summarize_story(
        Story(StoryId("s"), (report, live)), options=SummaryOptions(max_perspectives=8)
    )
    claims = [p.says for p in summary.perspectives]
    assert not any("questioned the crew" in c for c in claims), claims
    # The entry's own statement is a voice.
    assert any(c.startswith("the island’s catch quotas") for c in claims), claims


def test_an_outlets_view_says_so_in_its_source_line(story: Story) -> None:
    """Cleaning takes "EDITORIAL:" off a title as a label; the line still says whose
    view the link is. A title that already says it is left alone."""
    leader = _article("leader", "Harbour Radio", "EDITORIAL: A deal, not a gift", OWN, 6)
    column = dataclasses.replace(
        _article("column", "Ridge Times", "Opinion: Nuuk holds the cards", OWN, 7),
        url="https://column.example/opinion/nuuk",
    )
    summary = summarize_story(Story(StoryId("s"), (*story.articles, leader, column)))
    titles = {s.outlet: s.title for s in summary.sources}
    assert titles["Harbour Radio"] == "A deal, not a gift (opinion)"
    assert titles["Ridge Times"] == "Nuuk holds the cards (opinion)"
    # A report's title is as it was.
    assert not any(
        t.startswith("Opinion")
        for o, t in titles.items()
        if o not in {"Harbour Radio", "Ridge Times"}
    )
    # A page that says it is an analysis, under an address and title like a report's.
    analysis = dataclasses.replace(
        _article("analysis", "Coast Review", "Arctic pacts are more paper than power", OWN, 8),
        page_kind="analysis",
    )
    summary = summarize_story(Story(StoryId("s"), (*story.articles, analysis)))
    titles = {s.outlet: s.title for s in summary.sources}
    assert titles["Coast Review"] == "Arctic pacts are more paper than power (analysis)"


def test_headline_is_plain_without_site_suffix(story: Story) -> None:
    headline = make_headline(story)

    assert "|" not in headline and "Ledger" not in headline and "Wire" not in headline
    assert headline in {"Denmark summons US envoy", "Greenland rejects US offer"}


def test_a_title_that_names_no_one_gives_way_to_one_that_says_whose() -> None:
    # A home paper's title, closer to the lead's words, beside one that says whose.
    text = (
        "The legislature passed a special harbour defence budget of 1.2 billion crowns on "
        "Friday, after months of debate over the coast guard's patrol boats and their cost."
    )
    home = _article(
        "a", "A", "Legislature passes 1.2 billion special harbour defence budget", text, 0
    )
    abroad = _article(
        "b", "B", "Taiwan parliament approves $40m special harbour defence budget", text, 1
    )
    assert make_headline(Story(StoryId("s"), (home, abroad))) == abroad.title
    # Nor does a home paper's compass word alone ("North" for North Norland).
    launch = (
        "North Norland test-fired a long-range missile on Friday, officials in Vell said, "
        "its first such launch in two years."
    )
    home = _article("a", "A", "North fires missile over Vell", launch, 0)
    abroad = _article("b", "B", "Norland fires missile over Vell", launch, 1)
    assert make_headline(Story(StoryId("s"), (home, abroad))) == abroad.title
    # A title whose first word is a name the story writes says whose too: see
    # test_a_headline_gives_no_vague_count_far_below_the_briefly_toll ("Kunar quake ...").


def test_a_title_leading_with_one_countrys_part_gives_way_to_the_events() -> None:
    # Czechia's refusal, beside two titles and a lead that tell the ministers' delay.
    lead = (
        "European Union finance ministers on Friday put off until a summit of EU leaders a "
        "decision on lending Ukraine 140 billion euros, after Belgium again refused to sign."
    )
    home = _article(
        "a",
        "A",
        "Finance minister: Czechia will not put up guarantees for EU loan to Ukraine",
        lead,
        0,
    )
    wire = _article("b", "B", "EU delays decision on 140 bln euro Ukraine loan to summit", lead, 1)
    paper = _article("c", "C", "EU finance ministers again fail to agree on Ukraine loan", lead, 2)
    story = Story(StoryId("s"), (home, wire, paper))
    assert make_headline(story, lead) != home.title
    # With one other title only, no angle is told apart...
    assert make_headline(Story(StoryId("s"), (home, wire)), lead) in (home.title, wire.title)
    # ... unless the angle's title names the lead's country after its own.
    flights = (
        "Hundreds of flights were cancelled at Portuguese airports on Friday, the first of "
        "two days of strike action by ground-handling workers."
    )
    irish = _article(
        "g",
        "G",
        "Irish passengers hit by cancellations as Portuguese airport workers strike",
        flights,
        0,
    )
    plain = _article("h", "H", "Hundreds of flights cancelled as airport staff strike", flights, 1)
    assert make_headline(Story(StoryId("s"), (irish, plain)), flights) == plain.title
    # A country that does the act the others tell is no angle: "Ostland vetoes ...".
    veto = "Ostland's prime minister on Wednesday blocked the union's 20th sanctions package."
    actor = _article("d", "D", "Hungary vetoes EU's 20th sanctions package", veto, 0)
    others = (
        _article("e", "E", "Prime minister blocks new EU sanctions package", veto, 1),
        _article("f", "F", "EU envoys fail to agree 20th sanctions package", veto, 2),
    )
    assert make_headline(Story(StoryId("s"), (actor, *others)), veto) == (
        "Hungary vetoes EU’s 20th sanctions package"
    )


def test_a_title_opening_on_a_surname_gives_way_to_one_that_says_which_country() -> None:
    lead = (
        "Italy's government lost a confidence vote in the Senate on Wednesday, forcing Prime "
        "Minister Marco Bellandi to resign."
    )
    surname = _article("a", "A", "Bellandi loses Senate confidence vote on budget", lead, 0)
    country = _article("b", "B", "Italy's Bellandi loses confidence vote over pensions", lead, 1)
    assert make_headline(Story(StoryId("s"), (surname, country)), lead) == (
        "Italy’s Bellandi loses confidence vote over pensions"
    )
    # With no other title naming the country, the surname's title keeps its place.
    own = "Prime Minister Marco Bellandi lost a confidence vote in Italy's Senate on Wednesday."
    named = _article("d", "D", "Bellandi loses Senate confidence vote", own, 0)
    vague = _article("c", "C", "Government loses Senate confidence vote", own, 1)
    assert make_headline(Story(StoryId("s"), (named, vague)), own) == named.title


def test_headline_prefers_plain_title_over_bait() -> None:
    bait = _article("a", "A", "You won't believe what Denmark did next!", LEDGER, 0)
    plain = _article("b", "B", "BREAKING: Denmark summons US envoy over Greenland", WIRE, 1)

    assert make_headline(Story(StoryId("s"), (bait, plain))) == (
        "Denmark summons US envoy over Greenland"
    )
    # Other labels a newsroom puts before its headline.
    for label in ("Scoop", "In Pics", "In pictures"):
        labelled = _article("c", "C", f"{label}: Denmark summons US envoy over Greenland", WIRE, 1)
        assert make_headline(Story(StoryId("s"), (labelled,))) == (
            "Denmark summons US envoy over Greenland"
        )


def test_a_headline_attributed_at_its_end_is_complete_but_a_cut_off_one_is_not() -> None:
    text = "Brazil's space agency published its yearly satellite figures on Friday."
    attributed = _article(
        "a", "A", "Amazon deforestation falls again, Brazil's space agency says", text, 0
    )
    cut_off = _article(
        "b", "B", "Deforestation in the Amazon falls again, and the agency says", text, 1
    )

    assert make_headline(Story(StoryId("s"), (attributed,))) == (
        "Amazon deforestation falls again, Brazil’s space agency says"  # curly: house style
    )
    assert make_headline(Story(StoryId("t"), (cut_off,))) != cut_off.title
    # "several" is a pronoun as often as a quantifier: the headline is whole.
    several = _article("c", "C", "Fire at the ferry terminal injures several", text, 2)
    assert make_headline(Story(StoryId("u"), (several,))) == several.title


def test_the_headline_tells_what_the_briefly_leads_with_when_the_titles_disagree() -> None:
    # Two reports filed as one story, each titled for its own angle: the headline is
    # the one about what the Briefly says, though a title in sentence case ranks before
    # one in Title Case (which the text may not show how to recase).
    drills = _article(
        "a",
        "A",
        "Iran Holds Naval Drills in Strait of Hormuz Before Nuclear Talks",
        "Iran ran live-fire drills in the Strait of Hormuz on Monday, a day before the "
        "nuclear talks resume in Geneva.",
        0,
    )
    crises = _article(
        "b",
        "B",
        "White House juggles three crises as envoys head to Geneva",
        "Envoys flew to Geneva for talks on Ukraine, Gaza and Iran this week.",
        1,
    )
    story = Story(StoryId("s"), (crises, drills))
    assert "Hormuz" in make_headline(story, drills.text, lead_article=1)
    # Led by the other report, the other title.
    assert make_headline(story, crises.text, lead_article=0) == crises.title


def test_a_speakers_name_and_colon_is_no_headline_where_another_title_tells_it() -> None:
    # "Anwar: ...": one speaker's side under their name; "Gaza: ..." is a place's label.
    lead = (
        "Norland and Vell on Wednesday signed an agreement to settle their trade in krona "
        "and mark, as Norland's Prime Minister Ivo Marin hosted Vell's leader Ana Holt."
    )
    pact = _article(
        "a",
        "A",
        "Jet upkeep, pilot training: Norland and Vell sign defence pact as Marin hosts Holt",
        lead,
        0,
    )
    said = f"{lead} Holt said the harbour chip parks were on the table."
    quoted = _article(
        "b", "B", "Holt: Harbour chip parks on the table as Vell, Norland widen ties", said, 20
    )
    own = _article("c", "C", "Norland, Vell trade deal: what it means", lead, 10)
    story = Story(StoryId("s"), (pact, quoted, own))
    assert make_headline(story, lead, lead_article=2) == pact.title
    # A subject's label is no speaker: "Brexit: ..." stays a headline.
    deal = "Britain and the bloc agreed a trade deal on Thursday after months of talks."
    labelled = _article("d", "D", "Brexit: Britain and bloc agree trade deal", deal, 0)
    side = _article("e", "E", "Fishermen voice anger at trade deal", deal, 5)
    own_deal = _article("f", "F", "Trade deal: what it means", deal, 3)
    assert make_headline(Story(StoryId("t"), (labelled, side, own_deal)), deal, lead_article=2) == (
        labelled.title
    )


def _one(title: str, text: str) -> str:
    return make_headline(Story(StoryId("s"), (_article("a", "A", title, text, 0),)))


def test_a_title_case_title_is_a_headline_recased_only_as_far_as_the_text_shows() -> None:
    # Real feeds (NYT, TIME) title in Title Case; the verb is capitalised too.
    teaser = "Riku Miura and Ryuichi Kihara of Japan emerged with the gold medal."
    title = "Japan Wins Pairs Figure Skating, Knocking China From the Top"
    # The teaser shows neither "China" nor "wins": keep the outlet's case, small words
    # lowered, rather than print "knocking china".
    assert _one(title, teaser) == "Japan Wins Pairs Figure Skating, Knocking China from the Top"
    # A text that shows every word mid-sentence allows sentence case.
    text = (
        "Japan wins pairs figure skating gold, knocking the champions from China off the "
        "top of the podium for the first time."
    )
    assert _one(title, text) == "Japan wins pairs figure skating, knocking China from the top"
    # An abbreviation does not end a sentence; a new sentence keeps its capital.
    assert _one(
        "U.S. Leaders Push Back Against the Claim", "Many leaders push back against the claim."
    ) == ("U.S. leaders push back against the claim")
    assert _one("Rage Grows. The New Mood Is Grief", "A new mood is grief; rage grows.") == (
        "Rage grows. The new mood is grief"
    )


def test_a_title_cases_unseen_verbs_and_compounds_follow_its_words_in_lower_case() -> None:
    # The text writes "aid", "townships" and "toll" in lower case, and never "restricts",
    # "climbs" or "quake-hit": a headline's verbs and a compound go with them.
    text = (
        "The death toll from the quake has risen, as the junta began requiring permits for "
        "aid convoys to the worst-hit townships in the region."
    )
    title = "Junta Restricts Aid to Quake-Hit Townships as Toll Climbs to 41"
    assert _one(title, text) == "Junta restricts aid to quake-hit townships as toll climbs to 41"
    # A count in words the text writes only opening a sentence ("Eleven people ...").
    eleven = f"Eleven people were killed. {text}"
    assert _one("Townships Toll Climbs to Eleven as Junta Restricts Aid", eleven) == (
        "Townships toll climbs to eleven as junta restricts aid"
    )
    # A number in a name stays: "Formula One".
    assert _one("Formula One Boss Quits", text).startswith("Formula One")
    # A hyphened word lowered keeps its parts alike: "visa-free", not "visa-Free".
    visa = "The commission proposed suspending visa-free travel for all citizens of the state."
    assert _one("Commission Proposes Suspending Visa-Free Travel for All Citizens", visa) == (
        "Commission proposes suspending visa-free travel for all citizens"
    )
    # An unseen word that may be a name keeps the title's case: "Ming", a subject in -s
    # before its verb ("Marcos Visits"), a hyphened name.
    assert _one("Yao Ming Steps Down as Harbour Board Chief", text) == (
        "Yao Ming Steps Down as Harbour Board Chief"
    )
    for title in (
        "Aid to Townships Stalls as Marcos Visits Region",
        "Aid to Townships Stalls as Al-Sharaa Visits Region",
    ):
        assert _one(title, text) == title


def test_a_pair_inside_a_longer_name_is_no_evidence_for_its_capitals() -> None:
    # "Tsunami Warning" is written with capitals only inside "Pacific Tsunami Warning
    # Center"; on its own the text writes "tsunami warning".
    title = "Strong Quake Kills Three in Tonga, Tsunami Warning Lifted"
    text = (
        "A strong quake struck off Tonga on Thursday. The Pacific Tsunami Warning Center "
        "lifted its tsunami warning two hours later."
    )
    story = Story(StoryId("s"), (_article("a", "A", title, text, 0),))
    week = word_cases(["Officials said the quake kills three in Tonga."])
    assert make_headline(story, cases=week) == (
        "Strong quake kills three in Tonga, tsunami warning lifted"
    )


def test_a_title_case_title_is_recased_on_the_evidence_of_the_whole_week() -> None:
    """A teaser that never shows "presses" or "disarmament" keeps the Title Case; the
    week's other articles writing them (or "press") mid-sentence allow sentence case,
    and the names they capitalise stay capitalised."""
    title = "Harbour Board Presses Union on Disarmament of Pickets, Officials Say"
    teaser = "The Harbour Board met union leaders for the third time in a week."
    story = Story(StoryId("s"), (_article("a", "A", title, teaser, 0),))
    assert make_headline(story) == title
    week = word_cases(
        [
            "Reporters pressed the minister on the disarmament of the militias, officials say.",
            "The union said the press of pickets at the gate had eased; the Harbour Board "
            "did not comment.",
        ]
    )
    assert make_headline(story, cases=week) == (
        "Harbour Board presses union on disarmament of pickets, officials say"
    )


def test_a_verb_the_week_writes_in_another_form_is_recased() -> None:
    title = "Harbour Board Cuts Fees as Trade Stays Low and Cargo Holds Up"
    teaser = "The Harbour Board met shipping lines on Thursday."
    story = Story(StoryId("s"), (_article("a", "A", title, teaser, 0),))
    week = word_cases(
        [
            "Port fees were cut twice last year, and trade stayed weak.",
            "The board is holding talks on cargo rates, which are low.",
        ]
    )
    # "Stays" by "stayed", "Holds" by "holding": verbs, as the week writes them.
    assert make_headline(story, cases=week) == (
        "Harbour Board cuts fees as trade stays low and cargo holds up"
    )
    # A name in -ing is no verb's form, whatever "me" the week writes.
    named = "Yao Ming Steps Down as Harbour Board Chief"
    teaser = "The former player leaves the board after two years."
    chief = Story(StoryId("m"), (_article("b", "B", named, teaser, 0),))
    words = word_cases(["Coach Yao told me he would step down as chief of the harbour board."])
    assert make_headline(chief, cases=words) == named


def test_a_quoted_first_person_is_the_speakers_and_a_quote_before_a_colon_is_left_out() -> None:
    teaser = "Backlash came swiftly for LeBron James after he spoke about Israel."
    quoted = "'I've heard nothing but great things,' LeBron James says of Israel"
    assert _one(quoted, teaser) == (
        "‘I’ve heard nothing but great things,’ LeBron James says of Israel"
    )
    titled = "I would scream in my sleep: Women from Syria's Alawite minority tell of kidnap"
    assert _one(titled, "The BBC hears accounts of assaults.") == (
        "Women from Syria’s Alawite minority tell of kidnap"
    )
    # "Our solar system" is everyone's.
    assert (
        _one(
            "Astronomers say they have evidence of a ninth planet in our solar system",
            "The planet would orbit far beyond Neptune.",
        )
        == "Astronomers say they have evidence of a ninth planet in our solar system"
    )
    # Written in the first person by the outlet: still not a headline.
    assert _one("I tried the new tax app: it works", teaser) != "it works"


@pytest.mark.parametrize(
    "title",
    [
        "No DNA matches on glove found in the harbour case, police say",  # "No" is no "No,"
        "Tarique Rahman sworn in as prime minister of Bangladesh",  # a bare participle
        "Well-known harbour pilot retires after forty years at sea",
        # The wires' future and present: a name, "to" and a verb, or a verb in -ing.
        "Ottawa to pause low-wage harbour work for a year",
        "Harbour Board pausing night ferry until spring",
        # Two names and a comma before the wires' future.
        "Norland, Vell to settle trade in krona and mark, link ZapPay with KwikNet",
    ],
)
def test_real_headline_forms_are_headlines(title: str) -> None:
    assert _one(title, "The harbour authority said little on Monday.") == title


def test_our_solar_system_is_everyones_in_a_briefly_sentence() -> None:
    sentence = (
        "Astronomers at the Harbour Observatory said on Wednesday they had found evidence "
        "of a giant planet far beyond the orbit of Neptune in our solar system."
    )
    assert is_briefly_candidate(Candidate(sentence, 0, 0, word_count(sentence)))
    ours = "We found evidence of a giant planet far beyond the orbit of Neptune last year."
    assert not is_briefly_candidate(Candidate(ours, 0, 0, word_count(ours)))


def test_a_news_sentence_may_open_with_no() -> None:
    sentence = "No one was hurt when the crane collapsed onto the quay on Monday."
    assert is_briefly_candidate(Candidate(sentence, 0, 0, word_count(sentence)))


def test_an_outlets_title_without_a_verb_beats_a_sentence_cut_to_fit() -> None:
    teaser = (
        "By reaching back to old tactics of rectification, the leader is signalling that "
        "control over the army requires a state of constant purges and fresh oaths of loyalty."
    )
    title = "In the Leader's Purge of the Army, a Search for Absolute Loyalty"
    assert _one(title, teaser) == "In the Leader’s Purge of the Army, a Search for Absolute Loyalty"
    # A sentence short enough to print whole still beats it, unless it is the lead the
    # Briefly prints right under the headline.
    short = "Democrats are testing their messages in Europe before the midterms."
    assert _one("Auditioning to Beat the President", short) == short.rstrip(".")
    story = Story(
        StoryId("s"), (_article("a", "A", "Auditioning to Beat the President", short, 0),)
    )
    assert make_headline(story, short, lead_article=0) == "Auditioning to Beat the President"


def test_a_title_without_a_verb_that_shares_no_word_with_the_lead_is_not_the_headline() -> None:
    # One page opens with an app maker's statement and tells the inquest below it; its
    # title is the statement's first words, which say nothing of the story. The lead
    # comes from the other page, whose title is its first sentence cut short.
    lead = (
        "An experienced hill walker fell to her death while looking for a safe way down "
        "from the summit of Tryfan in thick cloud, an inquest in Caernarfon has heard."
    )
    statement = (
        "“Due to the nature of mobile devices, we encourage walkers to carry a paper map "
        f"as well,” the app maker said in a statement.\n\n{lead}"
    )
    articles = (
        _article("a", "A", "An experienced hill walker fell to her death", lead, 0),
        _article("b", "B", "Due to the nature of mobile devices", statement, 1),
    )
    headline = make_headline(Story(StoryId("s"), articles), lead, lead_article=0)

    assert "mobile devices" not in headline
    # The lead's own title without a verb stays a headline, whatever words it uses.
    creative = (
        "Democratic hopefuls are quietly testing their campaign messages on audiences in "
        "Berlin and Madrid, a rehearsal for a run at the White House in 2028."
    )
    story = Story(StoryId("s"), (_article("a", "A", "Auditioning to Beat Trump", creative, 0),))
    assert make_headline(story, creative, lead_article=0) == "Auditioning to Beat Trump"


def test_a_title_ending_on_a_noun_in_ing_is_whole() -> None:
    text = (
        "The island's parliament adopted the 2027 budget on Thursday, with 57 members "
        "voting in favour.\n\nDefence takes two-thirds of the total."
    )
    title = "Parliament adopts 2027 budget with defence taking two-thirds of spending"
    assert _one(title, text) == title
    # A preposition and a gerund with no object: a title cut short.
    assert _one("Talks in the capital aimed at averting", text) != (
        "Talks in the capital aimed at averting"
    )


def test_a_title_that_is_the_opening_quotation_cut_short_is_no_headline() -> None:
    text = (
        "“Walter was just a straight up, caring guy,” a neighbour said on Sunday outside "
        "the house in Foster City.\n\nWalter Huang, an engineer, died on Friday when his car "
        "struck a barrier on the highway near Mountain View."
    )
    assert _one("Walter was just a straight up", text) != "Walter was just a straight up"


@pytest.mark.parametrize(
    "start",
    ["RIVERTON (Wirepoint) - ", "RIVERTON — ", "Story highlights\n\n- "],
)
def test_a_title_that_opens_a_caption_after_a_dateline_or_dash_is_no_headline(start: str) -> None:
    caption = "Flood-hit families wait for buses outside a school in Riverton"
    text = (
        f"{start}{caption}, on Tuesday, March 3, 2026. (Associated Press)\n\n"
        "RIVERTON (AP) — The river burst its banks on Monday night and forced hundreds of "
        "families from their homes in the lower town.\n\nThe mayor said the school would "
        "stay open as a shelter."
    )
    headline = _one(caption, text)
    assert "Flood-hit families wait" not in headline
    assert headline.startswith("The river burst its banks")
    # The same words opening the page's prose are its lead, and the title stands.
    prose = f"RIVERTON (AP) — {caption} after the river burst its banks on Monday night."
    assert _one(caption, prose) == caption


def test_a_headline_built_from_the_text_skips_a_pages_leftovers() -> None:
    text = (
        "Video: what we know about\n\nPhoto Advertisement Continue reading the main story\n\n"
        "The harbour authority closed the old port on Tuesday after inspectors found cracks."
    )
    assert _one("Is the old port safe?", text) == (
        "The harbour authority closed the old port after inspectors found cracks"
    )


def test_a_long_clause_before_the_subject_is_no_headline_of_its_own() -> None:
    """Cut at the clause set before the subject, a headline is that clause alone ("When
    the alliance's chief stood ... on Tuesday"): it starts at the subject instead."""
    assert (
        headline_from_sentence(
            "When the alliance's secretary general stood beside Japan's prime minister in "
            "Tokyo on Tuesday and called for an office there, the sharpest reply came from "
            "Paris."
        )
        == "The sharpest reply came from Paris"
    )
    assert (
        headline_from_sentence(
            "As the talks in Geneva entered their second day with both delegations far "
            "apart on territory, Russia launched new strikes on Kyiv."
        )
        == "Russia launched new strikes on Kyiv"
    )
    # Nor from a pronoun whose noun is in the clause left out.
    assert headline_from_sentence(
        "Although Germany's parliament approved the package, its details remain unclear to "
        "most voters."
    ).startswith("Although Germany’s parliament approved the package, its details")
    # A comma inside the clause leaves no clause after it to start from.
    assert headline_from_sentence(
        "When Smith, the mayor, arrived, the crowd cheered loudly for him and his wife."
    ).startswith("When Smith")


def test_a_headline_built_from_a_sentence_starts_at_its_subject_and_ends_outside_quotes() -> None:
    assert (
        headline_from_sentence(
            "In the aftermath of another wave of antigovernment unrest, Iran is gripped by a "
            "mood of collective grief and uncertainty about the future."
        )
        == "Iran is gripped by a mood of collective grief and uncertainty about the future"
    )
    assert (
        headline_from_sentence(
            "In the 1990s, a group of women were accused of fabricating claims about the bridge."
        )
        == "A group of women were accused of fabricating claims about the bridge"
    )
    # An opening phrase with a quotation in it, closed before the subject.
    assert (
        headline_from_sentence(
            "By reaching back to the tactics of “rectification,” the leader is signalling that "
            "the army answers to him alone."
        )
        == "The leader is signalling that the army answers to him alone"
    )
    # No clause after the comma: the opening stays.
    assert headline_from_sentence(
        "In Paris, London and Rome, crowds filled the streets after the final whistle."
    ).startswith("In Paris")
    built = headline_from_sentence(
        "Backlash came swiftly for basketball star LeBron James after saying he’s heard "
        "“nothing but great things” about Israel."
    )
    assert built == "Backlash came swiftly for basketball star LeBron James"
    # A cut that keeps a verb beats one that leaves only a noun phrase.
    assert (
        headline_from_sentence(
            "Kim Jong-nam, the half-brother of North Korea's leader, was killed on Monday at "
            "the airport in Kuala Lumpur, police said."
        )
        == "Kim Jong-nam, the half-brother of North Korea’s leader, was killed"
    )
    # A quotation closed at the cut is whole, whatever its last word: the cut before
    # "when" is taken, not 14 words that end mid-clause.
    assert (
        headline_from_sentence(
            "The harbour master, Ines Duarte, twice asked the minister “and then who?” when "
            "reporters said the ferry would be sold."
        )
        == "The harbour master, Ines Duarte, twice asked the minister “and then who?”"
    )


def test_a_built_headline_keeps_the_sentences_own_verb() -> None:
    """Where no cut within 14 words keeps the sentence's verb, the headline is the same
    sentence without the aside after its subject, or a longer clause (up to 20 words),
    rather than the noun phrase before it; never a cut inside the aside (whose verb is
    not the sentence's) or on a verb that asks for what was said."""
    # Before: "A routine survey at a limestone quarry".
    assert (
        headline_from_sentence(
            "A routine survey at a limestone quarry in County Antrim has uncovered a burial "
            "ground dating back 5,000 years."
        )
        == "A routine survey at a limestone quarry in County Antrim has uncovered a burial ground"
    )
    # Before: "Maura Keane, daughter of the former harbour master Liam Keane".
    assert (
        headline_from_sentence(
            "Maura Keane, daughter of the former harbour master Liam Keane, has run the ferry "
            "company since 1998 and is stepping down this winter."
        )
        == "Maura Keane has run the ferry company since 1998 and is stepping down this winter"
    )
    # Before: "Council candidate Ana Ruiz, who became famous for a filibuster".
    built = headline_from_sentence(
        "Council candidate Ana Ruiz, who became famous for a filibuster on the housing bill "
        "last spring, discloses in her memoir that she once lived in a car for a year."
    )
    assert built.startswith("Council candidate Ana Ruiz discloses in her memoir that she")
    # Not "... Nuala Brennan reveals": what she reveals is the news.
    assert headline_from_sentence(
        "The retired Galway schoolteacher Nuala Brennan, the last speaker of the island "
        "dialect, reveals in her new book that the school closed in 1961 after a storm."
    ) == (
        "The retired Galway schoolteacher Nuala Brennan reveals in her new book that the "
        "school closed in 1961"
    )
    # "claims" is a noun too: a cut may end on it.
    assert (
        headline_from_sentence(
            "The harbour minister of the northern province rejected the insurance claims, "
            "saying the storm damage was far too old to count."
        )
        == "The harbour minister of the northern province rejected the insurance claims"
    )
    # "and" opening a clause of its own is where the first one ends.
    assert (
        headline_from_sentence(
            "There was good news at the harbour on Friday: the ferry is running again and "
            "it’s expected to keep running all winter."
        )
        == "There was good news at the harbour: the ferry is running again"
    )


def test_a_headline_cut_from_a_sentence_ends_on_a_whole_clause() -> None:
    # Before "if": not on the "he" of the clause it opens.
    assert (
        headline_from_sentence(
            "Galway's striker Dara Quinn could be back as soon as next month if he passes a "
            "fitness test."
        )
        == "Galway’s striker Dara Quinn could be back as soon as next month"
    )
    # Not on "as part": a cut before "of" is the last resort.
    assert (
        headline_from_sentence(
            "A delegation of Irish fishermen met the commissioner last Tuesday as part of a "
            "campaign against the new quotas."
        )
        == "A delegation of Irish fishermen met the commissioner last Tuesday"
    )
    # Not inside "as ... as" (the clause, 17 words, is too long to keep whole).
    built = headline_from_sentence(
        "The computer network at the Cork depot was penetrated by hackers as far back as "
        "last July, the company said."
    )
    assert built == "The computer network at the Cork depot was penetrated by hackers"
    # A whole clause of up to 16 words is kept rather than cut before its last phrase.
    built = headline_from_sentence(
        "Vell has unveiled a new multi-billion package to strengthen its military presence "
        "in the Arctic, as tension with Norland over the islands shows no sign of cooling."
    )
    assert built == (
        "Vell has unveiled a new multi-billion package to strengthen its military presence "
        "in the Arctic"
    )
    # Its weekday goes, after a figure too.
    built = headline_from_sentence(
        "The central bank kept its benchmark interest rate unchanged at 4 percent on "
        "Thursday, as inflation stayed high."
    )
    assert built == "The central bank kept its benchmark interest rate unchanged at 4%"
    # Before "and" and a second verb: not after "tens of".
    assert (
        headline_from_sentence(
            "The navy began moving tens of thousands of sandbags Thursday and extended the "
            "flood barriers along the quays of Cork to a third mile early Friday."
        )
        == "The navy began moving tens of thousands of sandbags"
    )
    # Not on an adjective that asks for its complement ("privy | to ..."): the clause
    # goes on to a whole phrase (15 words) rather than stopping at 14.
    built = headline_from_sentence(
        "The retired keeper says he was privy to talks between the club and its owners over "
        "the sale of the ground last spring."
    )
    assert built == "The retired keeper says he was privy to talks between the club and its owners"
    # Nor on "your" or "my".
    assert ends_short("Winter sunlight that reaches your") and ends_short("a letter to my")
    # Not between a participle after a noun and its agent, nor a gerund and its
    # infinitive; after an auxiliary the clause is whole.
    built = headline_from_sentence(
        "The Galway plan is a report drafted by the staff of the county council that "
        "proposes closing two ferry piers before the summer season begins."
    )
    assert built.startswith("The Galway plan is a report drafted by the staff")
    built = headline_from_sentence(
        "Thieves robbed a Limerick family hoping to buy their daughter a used bicycle "
        "advertised online, then fled with the cash, gardaí say."
    )
    assert built.startswith("Thieves robbed a Limerick family hoping to buy their daughter")
    built = headline_from_sentence(
        "The old lighthouse keeper on the island of Inishmore was rescued by a fishing crew "
        "from Rossaveal late on Sunday night."
    )
    assert built == "The old lighthouse keeper on the island of Inishmore was rescued"


def test_words_that_only_look_like_verbs_do_not_make_a_title_a_headline() -> None:
    text = (
        "The harbour authority closed the old port on Tuesday after finding cracks. "
        "Ferries will use the new terminal until repairs end."
    )
    # "this" ends in -s like "closes"; the title says nothing happened.
    assert _one("Please read this notice from the harbour office", text) == (
        "The harbour authority closed the old port after finding cracks"
    )
    assert _one("Harbour office closes the old port", text) == "Harbour office closes the old port"
    # A social post's hashtags or handle: not a newsroom's headline.
    assert _one("#breaking Fire closes the old port in #cork", text).startswith("The harbour")
    assert _one("Port closes, says @ corkharbour", text).startswith("The harbour")


def test_a_feed_teaser_without_a_stop_is_printed_as_a_sentence() -> None:
    teaser = (
        "Japanese Prime Minister Sanae Takaichi last week won a landslide election that "
        "gave her a strong public mandate"
    )
    item = _article("a", "A", "Takaichi will be reappointed as Japan's prime minister", "", 0)
    summary = summarize_story(Story(StoryId("s"), (dataclasses.replace(item, summary=teaser),)))

    assert [strip_date_annotations(s.text) for s in summary.briefly] == [teaser + "."]


def test_a_feed_teaser_cut_by_the_outlet_is_printed_to_its_last_whole_clause() -> None:
    teaser = (
        "Ireland's coast guard stood down its search late on Friday, preparing to hand the "
        "case to police after the kayakers' empty boat was found by a…"
    )
    item = _article("a", "A", "Search for kayakers off Dingle is called off", "", 0)
    summary = summarize_story(Story(StoryId("s"), (dataclasses.replace(item, summary=teaser),)))

    assert [strip_date_annotations(s.text) for s in summary.briefly] == [
        "Ireland’s coast guard stood down its search late on Friday, preparing to hand the "
        "case to police after the kayakers’ empty boat was found."
    ]


def test_a_feed_teaser_without_a_stop_is_a_sentence_like_any_other() -> None:
    # Pages out of reach: each article is its feed teaser, and many teasers have no
    # full stop. Such a teaser says what happened as well as one that has it.
    event = dataclasses.replace(
        _article("a", "A", "Expectations are low for a new round of harbour talks", "", 0),
        summary=(
            "A union delegation is meeting the port authority in Lisbon for another round "
            "of talks, days before the harbour strike deadline"
        ),
    )
    other = dataclasses.replace(
        _article("b", "B", "Will the harbour talks end the strike?", "", 1),
        summary="Negotiations will continue on Wednesday, but expectations for a deal are low.",
    )
    summary = summarize_story(Story(StoryId("s"), (other, event)))

    texts = [strip_date_annotations(s.text) for s in summary.briefly]
    assert event.summary + "." in texts


def test_previous_issue_sentences_are_not_repeated_in_briefly(story: Story) -> None:
    first = summarize_story(story)
    lead = first.briefly[0].text

    again = summarize_story(story, previous_sentences=frozenset({lead}))

    assert lead not in {s.text for s in again.briefly}


def test_extractive_briefly_respects_budget_and_order() -> None:
    documents = [LEDGER, WIRE, REVIEW]

    short = extractive_briefly(documents, words=40)
    default = extractive_briefly(documents)

    assert word_count(" ".join(default)) <= 70
    assert 2 <= len(default) <= 3
    assert word_count(" ".join(short)) <= 40 or len(short) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # The pronoun's antecedent is earlier in the same sentence.
        "Thieves stopped a Leeds family selling their van online and took the cash, police say.",
        "Retired judge Amara Okafor left most of her estate to a library in Enugu, her will shows.",
        "Harbour pilot Ines Duarte and her crew, of Setúbal, refused the night shift.",
        "After Mayor Tomas Lind was re-elected on Sunday, his deputies resigned.",
        "When Nadia Ferreira met her new pupils, she thought the year would be hard.",
        "Mayor Tomas Lind said he would not stand again when his term ends in May.",
    ],
)
def test_a_pronoun_with_its_antecedent_in_the_sentence_stands_alone(sentence: str) -> None:
    assert needs_antecedent(sentence) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "On his blog, Lind said the vote was rigged.",
        "After the show was dropped, he went back to radio.",
        "As her rivals questioned the budget, Lind walked out.",
        "Police say his van, a white Ford, was found near the docks.",
        "Speaking to his supporters, Lind promised a recount.",
        "In Lisbon, she told reporters the strike would go on.",
        "After leaving Lisbon, he flew to Madrid.",
        "By cutting the fares, they hoped to win back riders.",
        # "also" or "in turn" after the subject adds to a sentence before it.
        "Lind also promised a recount of the postal votes in the north.",
        "The harbour authority would in turn open its books to the port's unions.",
        "In return the unions would call off the strike at the container terminal.",
        "The harbour authority has never suggested the version published by the unions was "
        "wrong, she said, always maintaining that it did not know how the leak happened.",
        # A connective answers the sentence before, at the start or in the first clause.
        "In fact, the harbour authority still believes in ferries for the islands.",
        "Indeed, the vote on the new quay was never held.",
        "Amid all this, a rumour about the mayor spread across the town.",
        "In each case, the harbour authority tied itself to the outcome of the vote.",
        "Even though he is no longer the harbour master he still rows out every morning.",
        "Reaching the outer islands by ferry, however, has not become any easier.",
    ],
)
def test_a_pronoun_before_anyone_it_could_stand_for_needs_an_antecedent(sentence: str) -> None:
    assert needs_antecedent(sentence) == "sentence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Stay with Harbour Radio 1090 AM for developments in this story.",
        "See the full list of this year's winners at the bottom of the page.",
        "Please enable JavaScript to view the comments on this article.",
        "Get a taste of the new season in the trailer below the article.",
        "Study the harbour master's statement again, @ harbourpilots.",
        "Here's what they say they know about it.",
        "Here’s how the new boarding process works at the gate.",
        "What we know about the harbour strike so far.",
        # The writer's verdict.
        "Fortunately, the harbour's ferry captains are not easily fooled by such schemes.",
        "Turns out, the new tax on ferry tickets went into effect without much warning.",
        "The operator's new leave policy deserves high marks for covering deckhands too.",
        "To be fair, the ferry faced a stiff headwind all the way from the islands.",
        "In casting two seasoned pilots, the film undeniably chose well.",
    ],
)
def test_an_instruction_to_the_reader_is_not_news(sentence: str) -> None:
    assert not is_briefly_candidate(Candidate(sentence, 0, 0, word_count(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices in Lisbon fell by a fifth on Monday after the harbour strike began.",
        "Discover Financial said its quarterly profit rose by a tenth on higher card spending.",
        "Take-Two Interactive reported a wider loss on Tuesday as game sales slowed.",
        "Watch officers arrested two men near the docks early on Sunday morning.",
        # A speaker's verdict in quotes is theirs (a voice), not the writer's.
        "The ferry union said the new roster “is absurd” and walked out on Monday.",
    ],
)
def test_a_noun_or_a_name_that_looks_like_an_instruction_is_news(sentence: str) -> None:
    assert is_briefly_candidate(Candidate(sentence, 0, 0, word_count(sentence)))


def test_a_definite_subject_named_in_apposition_stands_alone() -> None:
    # A feed teaser under the title "Belgium accuses U.S. envoy ...".
    assert needs_antecedent("The diplomat, Bill White, met with a foreign ministry official.") == ""
    assert needs_antecedent("The diplomat, who arrived on Monday, met officials.") == "diplomat"


def test_in_doing_so_leans_on_the_sentence_before() -> None:
    assert needs_antecedent("In doing so, the council broke its own rules on tenders.")


def _told_twice(
    documents: list[str], twice: str, other: str
) -> tuple[ScoredSentences, list[int], int]:
    """The scored sentences, those holding ``twice`` and the first holding ``other``."""
    scored = score_sentences(documents, frozenset())
    texts = [c.text for c in scored.candidates]
    same = [i for i, t in enumerate(texts) if twice in t]
    return scored, same, next(i for i, t in enumerate(texts) if other in t)


def test_one_fact_told_twice_in_other_words_is_redundant() -> None:
    # Little wording in common (cosine about 0.2), but the same figure, name and verb.
    ledger = (
        "Retired appeals judge Amara Okafor left the bulk of her $12.4 million estate to "
        "the Enugu public library and two nephews, according to a will filed in the Lagos "
        "high court. The library plans a new reading wing."
    )
    wire = (
        "Okafor, who died in March after a long illness at her farm near Nsukka, left an "
        "estate worth $12.4 million, lawyers for the family said. Harbour pilots in "
        "Setúbal refused the night shift on Friday after a collision."
    )
    scored, estate, pilots = _told_twice([ledger, wire], "12.4", "pilots")

    assert is_redundant(scored, *estate)
    assert not is_redundant(scored, estate[0], pilots)


def test_one_event_told_twice_on_the_same_day_is_redundant() -> None:
    # The same actor, act, place and day, in other words: one event.
    ledger = (
        "Portugal summoned the most senior Spanish diplomat in Lisbon on Wednesday after "
        "Madrid sent a proposal for a joint river authority that officials said overstepped. "
        "The plan covers the Tagus and the Douro."
    )
    wire = (
        "Portugal's foreign ministry summoned Spain's chargé d'affaires in Lisbon on "
        "Wednesday afternoon over the river plan. Portugal also summoned its own envoy home "
        "from Madrid for talks in Lisbon last month."
    )
    scored, summoned, last_month = _told_twice([ledger, wire], "Wednesday", "last month")

    assert len(summoned) == 2 and is_redundant(scored, *summoned)
    assert not is_redundant(scored, summoned[0], last_month)


def test_one_fact_about_a_named_person_told_twice_is_redundant() -> None:
    # The same named subject and three more words in common, no figure and no day.
    ledger = (
        "Quentin Deranque died in hospital on the weekend, two days after being beaten in a "
        "Lyon street by masked men; police believe the attackers were far-left militants. "
        "Quentin Deranque had studied mathematics at a university in the south."
    )
    wire = (
        "Quentin Deranque, a 23-year-old nationalist student, was beaten to death in Lyon, "
        "and prosecutors blame far-left activists."
    )
    scored, beaten, studied = _told_twice([ledger, wire], "beaten", "studied")

    assert len(beaten) == 2 and is_redundant(scored, *beaten)
    assert not is_redundant(scored, beaten[0], studied)


def test_boilerplate_documents_are_ignored() -> None:
    wayback = "Starting in 1996, Alexa Internet has been donating their crawl data. " * 5

    chosen = extractive_briefly([wayback, WIRE])

    assert chosen and not any("Alexa" in s for s in chosen)


def test_empty_story_gives_empty_parts() -> None:
    empty = Story(StoryId("e"), (_article("x", "X", "Quiet day", "", 0),))

    summary = summarize_story(empty)

    assert summary.briefly == () and summary.perspectives == ()
    assert summary.headline == "Quiet day"


def _sample_stories() -> list[tuple[str, Story]]:
    stories = []
    for week, groups in ((1, EXPECTED_STORIES), (2, WEEK2_STORIES)):
        records = {a.path: a for a in load_articles(week)}
        for label, paths in groups.items():
            if label not in EXPECTED_TOPIC:
                continue
            articles = tuple(
                sorted(
                    (
                        Article(
                            id=ArticleId(path),
                            url=f"https://sample.example/{path}",
                            outlet=records[path].outlet.name,
                            feed_url="https://sample.example/feed",
                            title=records[path].title,
                            published=records[path].published,
                            text="\n\n".join(records[path].paragraphs),
                        )
                        for path in paths
                    ),
                    key=lambda a: a.published,
                )
            )
            stories.append((f"week{week}-{label}", Story(StoryId(label), articles)))
    return stories


@pytest.mark.parametrize(("label", "story"), _sample_stories())
def test_bundled_sample_standing_topic_stories(label: str, story: Story) -> None:
    summary = summarize_story(story)

    assert 2 <= len(summary.briefly) <= 3, label
    assert word_count(summary.briefly_text) <= 80, label
    assert len(summary.perspectives) >= 2, label
    assert len({p.outlet for p in summary.perspectives}) >= 2, label
    assert summary.sources and len(summary.sources) == len({a.url for a in story.articles})
    # Background only: a story whose articles give one fact with a mark of background
    # (a date, a figure, a history) prints one, not a plan or a voice to make up two.
    assert 1 <= len(summary.also_worth_noting) <= 3, label
    _assert_traceable(summary, story)
    _assert_clean(summary)


def test_a_possessive_definite_subject_needs_its_noun_named_first() -> None:
    assert needs_antecedent("The alliance's secretary general used a visit to Japan.") == (
        "alliance"
    )
    assert needs_antecedent("NATO's secretary general used a visit to Japan.") == ""


def test_a_lead_that_leans_on_its_title_is_printed_under_that_title() -> None:
    # Neither text has a sentence that stands alone; the teaser chosen leans on its title.
    vote = _article(
        "a",
        "A",
        "Port council vote delayed again as harbour pilots stage a walkout over pay",
        "It was the third time this year that the council had put off the vote on the "
        "new harbour rules.",
        0,
    )
    run = _article(
        "b",
        "B",
        "Harbour Pilot Maria Lind Says She Will Run for the Port Council",
        "The former ferry captain says the port needs a voice in the council.",
        1,
    )

    summary = summarize_story(Story(StoryId("s"), (vote, run)))

    assert [s.text for s in summary.briefly] == [run.text]
    assert summary.headline == run.title


def test_a_future_tense_is_stale_only_in_the_clause_of_a_day_gone_by() -> None:
    issue = date(2026, 2, 18)
    assert stale_future("The council will vote on Tuesday (17 February) on the port plan.", issue)
    assert stale_future(
        "On Tuesday (17 February), the council will vote on the port plan, its clerk said.", issue
    )
    # The day belongs to what already happened; the future is another clause's.
    assert not stale_future(
        "The mayor on Tuesday (17 February) invited the minister to the port summit, which "
        "will be held in the town in June.",
        issue,
    )
    assert not stale_future("The council will vote on Friday (20 February).", issue)


def test_a_day_takes_the_tense_of_the_verb_before_it_and_named_days_are_no_dates() -> None:
    published = datetime(2026, 11, 18, 12, tzinfo=UTC)  # a Wednesday
    # The sentence speaks of the future, the day of what was said.
    assert (
        annotate_dates(
            "The old customs house will become a museum, the mayor said on Tuesday.", published
        )
        == "The old customs house will become a museum, the mayor said on Tuesday (17 November)."
    )
    assert annotate_dates("The council will vote on Tuesday.", published) == (
        "The council will vote on Tuesday (24 November)."
    )
    for named in ("Black Friday", "Good Friday", "Super Tuesday", "Cyber Monday"):
        assert annotate_dates(f"Shops opened early for {named}.", published) == (
            f"Shops opened early for {named}."
        )
    # A day that starts a name after "the" is no day either; the day after it is.
    assert annotate_dates("The Sunday Times reported the deal on Monday.", published) == (
        "The Sunday Times reported the deal on Monday (16 November)."
    )


def test_a_sentence_names_a_day_of_its_week_unless_the_day_is_a_name_or_quoted() -> None:
    assert names_a_day("Police gathered near the harbour office Thursday for the vote.")
    assert names_a_day("Police gathered near the Harbour Office Thursday for the vote.")
    assert names_a_day("A second ferry could join the route as soon as this week.")
    for text in (
        "Shops opened early for Black Friday in 2019.",
        "The Sunday Times first reported the subsidy plan in 2019.",
        "The airline flew the route on a Sunday in 1990.",
        "He said “we will decide on Monday” in a 2019 interview.",
    ):
        assert not names_a_day(text), text


def test_any_sunday_and_the_last_week_of_something_get_no_date() -> None:
    published = datetime(2026, 11, 19, 12, tzinfo=UTC)  # a Thursday
    for text in (
        "The airline broke its licence by flying the route on a Sunday.",
        "The ferry sails every Monday and on the following Friday.",
        "Crowds came in the last weekend of the harbour festival.",
    ):
        assert annotate_dates(text, published) == text
    # ... and the pre-send check does not ask for one.
    assert relative_date_words("Crowds came in the last weekend of the harbour festival.") == []
    # "As soon as" looks ahead.
    assert annotate_dates("The ferry could sail as soon as Saturday.", published) == (
        "The ferry could sail as soon as Saturday (21 November)."
    )
    assert annotate_dates("It happened last weekend.", published) == (
        "It happened last weekend (14–15 November)."
    )


def test_a_title_ending_on_a_quotation_is_complete() -> None:
    # "her" would end a title cut short; inside the closing quote it ends a quotation.
    title = 'Video shows the rescue of a stranded ferry skipper: "We got her!"'
    assert _one(title, "The coastguard released the footage on Monday.") == (
        "Video shows the rescue of a stranded ferry skipper: “We got her!”"
    )
    # A title cut short is still one.
    assert _one("Harbour pilots say the new quay will be", "Pilots spoke on Monday.") != (
        "Harbour pilots say the new quay will be"
    )


# A ferry story with one background note to find ("Winter storms ..."), to which a test
# adds the sentence it is about.
FERRY = (
    "The island council voted on Tuesday to buy a second ferry for the winter route. "
    "The second ferry will sail the winter route from December, the council said. "
    "The vote on the second ferry was twelve to three. "
    "The ferry will cost about 30 million euros, paid over ten years. "
    "Work on a new quay for the second ferry starts in March. "
    "The island has had one ferry since 1987. "
    "Winter storms cancelled 41 crossings in 2025. "
)


def _ferry(last: str) -> StorySummary:
    article = _article("a", "A", "Island council buys a ferry", FERRY + last, 0)
    return summarize_story(Story(StoryId("s"), (article,)))


def _printed(summary: StorySummary) -> list[str]:
    return [s.text for s in (*summary.briefly, *summary.also_worth_noting)]


def test_a_reported_claim_is_no_background_note() -> None:
    # Attribution refuses the claim (the page cut it short); it is still no background.
    summary = _ferry(
        "The Harbour Gazette has reported that for his part in the 2019 quay contract."
    )

    notes = [s.text for s in summary.also_worth_noting]

    assert notes == ["Winter storms cancelled 41 crossings in 2025."]


def test_a_demand_of_the_week_is_no_background_note() -> None:
    from digest.summarize import _is_note

    # "urged" is a voice; with a year it is history.
    assert not _is_note("Holt urged the ferry company to learn the lessons of the storms.", 5)
    assert _is_note("In 2019 the harbour board urged both sides to resume talks.", 5)


def test_a_note_whose_subject_is_a_pronoun_after_a_long_opening_is_no_note() -> None:
    # "they": the crew, two sentences back in the article; alone as a bullet, nobody.
    summary = _ferry(
        "Two days and several rough crossings later they reached the harbour at Inishmore."
    )

    notes = [s.text for s in summary.also_worth_noting]

    assert notes == ["Winter storms cancelled 41 crossings in 2025."]


def test_no_reply_to_a_request_for_comment_is_printed() -> None:
    summary = _ferry(
        "The shipyard building the second ferry did not return a request for comment on the "
        "winter route."
    )

    printed = _printed(summary)
    assert len(summary.briefly) >= 2 and not any("request for comment" in s for s in printed)


def test_an_exclamation_is_neither_briefly_nor_a_note() -> None:
    printed = _printed(
        _ferry("How noble of the council, which had ignored the winter route since 1987!")
    )

    assert len(printed) >= 3 and not any(s.endswith("!") for s in printed), printed


def test_a_tables_rows_are_no_sentences_to_print() -> None:
    # A standings page: nothing but a table and its blurbs.
    text = (
        "Here are the regatta standings after the last race!\n\n"
        "1 | Harbour Crew | 846 | 4 | 11 |.\n\n2 | Ferry Club | 700 | 3 | 6 |.\n\n"
        "3 | Lighthouse Team | 679 | 1 | 3 |.\n\n"
        "Check back for the standings after every race!"
    )
    story = Story(StoryId("s"), (_article("a", "A", "Regatta standings", text, 0),))

    printed = _printed(summarize_story(story))
    assert not any("|" in s for s in printed), printed


def test_a_voice_may_name_by_surname_someone_the_briefly_named_in_full() -> None:
    lead = (
        "Harbour master Tomas Lind closed the north quay of Setúbal harbour on Sunday after "
        "a crane toppled onto a warehouse in high wind."
    )
    voice = "Mayor Ida Kross said she had spoken to Mr. Lind about the crane twice this week."
    story = Story(
        StoryId("quay"),
        (
            _article(
                "a",
                "Harbour Radio",
                "Crane topples in Setúbal",
                f"{lead} Two dock workers were hurt when the crane fell onto the warehouse "
                "roof and were taken to hospital, police said.",
                1,
            ),
            _article(
                "b",
                "Coast Courier",
                "Setúbal crane falls on warehouse",
                "A crane toppled onto a warehouse in Setúbal harbour in high wind on Sunday, "
                "hurting two dock workers. Police sealed off the warehouse, which held "
                f"fertiliser, overnight. {voice} Engineers checked the other cranes on the "
                "quay overnight.",
                2,
            ),
        ),
    )
    # A Briefly of the lead alone: the voice is left for Who says what.
    summary = summarize_story(story, options=SummaryOptions(briefly_words=25))
    briefly = " ".join(s.text for s in summary.briefly)
    assert briefly.startswith("Harbour master Tomas Lind"), briefly
    assert [p.who for p in summary.perspectives] == ["Mayor Ida Kross"]


def test_a_claim_its_title_rests_on_unnamed_sources_keeps_them() -> None:
    # The title says whose word it is; the teaser under it states the claim flat, and
    # printed alone it would read as ours.
    teaser = (
        "Denmark's prime minister offered Greenland's premier a referendum on "
        "independence within two years during a private meeting in Nuuk on Monday."
    )
    title = "Denmark offered Greenland a vote on independence, officials say"
    item = dataclasses.replace(_article("wire", "Baltic Wire", title, "", 0), summary=teaser)

    def briefly(article: Article) -> str:
        summary = summarize_story(Story(StoryId("s"), (article,)))
        return " ".join(s.text for s in summary.briefly)

    printed = briefly(item)
    assert "meeting in Nuuk on Monday" in printed
    assert printed.endswith(", according to officials.")
    # A title that makes the claim itself, or a sentence that says whose word it is,
    # is left as it is.
    plain = dataclasses.replace(item, title="Denmark offers Greenland a vote on independence")
    assert "according to" not in briefly(plain)
    told = teaser.replace("offered", "told lawmakers he had offered")
    assert "according to" not in briefly(dataclasses.replace(item, summary=told))


def _ferry_notes(after_lede: str) -> str:
    """The notes of a one-article story: a two-sentence lede, then ``after_lede``."""
    text = (
        "The island council voted on Thursday to fund the winter ferry until March. "
        "The vote ends a month of talks between the council and the operator.\n\n" + after_lede
    )
    article = _article("wire", "Baltic Wire", "Island council funds the winter ferry", text, 0)
    summary = summarize_story(
        Story(StoryId("s"), (article,)), options=SummaryOptions(briefly_words=16, max_notes=5)
    )
    return " ".join(n.text for n in summary.also_worth_noting)


def test_a_note_told_on_a_day_of_the_week_is_the_event_not_background() -> None:
    # "On Friday ..." and "this week" tell the event or its aftermath; background is
    # what came before (a history, a figure), and a day inside a name is no day.
    notes = _ferry_notes(
        "On Friday, the operator's crews began repainting the two ferries in Oban. "
        "A second vessel could join the route as soon as this week.\n\n"
        "Ferries have sailed between the islands since 1962 and carried 40,000 "
        "passengers last year. "
        "The Sunday Times first reported the subsidy plan in 2019."
    )
    assert "since 1962" in notes
    assert "The Sunday Times first reported" in notes
    assert "repainting" not in notes
    assert "as soon as this week" not in notes


def test_a_note_has_a_mark_of_background() -> None:
    # After the lede, a sentence with no date, figure or history mostly goes on telling
    # the event ("Four people were taken to hospital"), or a plan; background has one.
    notes = _ferry_notes(
        "Crews from the operator repainted the ferry in the harbour at Oban.\n\n"
        "Ferries have sailed between the islands for decades, and the operator has "
        "lost money on the route for most of the past three years."
    )
    assert "for decades" in notes
    assert "repainted" not in notes


def test_a_plan_or_a_prescription_is_no_background_note() -> None:
    # Background is what has been: what will be is news a week may overtake, and what
    # should be is the writer's view.
    notes = _ferry_notes(
        "Harbour engineers will inspect the pier at Oban on April 16, 2027.\n\n"
        "A bigger vessel is expected to join the route in 2027.\n\n"
        "Islanders should have been asked before the timetable changed in 2019.\n\n"
        "Ferries have sailed between the islands since 1962 and carried 40,000 "
        "passengers last year."
    )
    assert "since 1962" in notes
    for told in ("will inspect", "bigger vessel", "should have"):
        assert told not in notes


def test_a_sentence_that_leans_on_a_moment_told_before_is_no_note() -> None:
    notes = _ferry_notes(
        "The operator warned it would stop sailing in January.\n\n"
        "At that point, 1,200 islanders had signed a petition for the route.\n\n"
        "Ferries have sailed between the islands since 1962."
    )
    assert "since 1962" in notes
    assert "At that point" not in notes


def test_a_papers_methods_text_is_neither_briefly_nor_note() -> None:
    # A journal's pointers to its figures and its references run into the words.
    for sentence in (
        "The hull plates are riveted in two overlapping rows (Fig. 4c).",
        "The hull resembles those of other Baltic ferries of the period (Supplementary Table 2).",
        "As in many ferries16, a rear ramp is present, and it is long as in most tugs16.",
        "Its keel is longer than those of other known coastal ferries2,5,28.",
        "Its rear plates overlap (eg, the inner plate is twice as wide; Fig. 4g) at an angle.",
    ):
        assert sentence not in _ferry_notes(
            f"{sentence}\n\nFerries have sailed between the islands since 1962."
        )


def test_a_name_only_another_outlets_title_gives_is_not_printed_bare() -> None:
    # The reader sees the headline, not the other outlets' titles: "Lind" was met only
    # in a title the email never shows.
    story = Story(
        StoryId("quay"),
        (
            _article(
                "a",
                "Harbour Radio",
                "Crane topples onto Setúbal warehouse in high wind",
                "A crane toppled onto a warehouse in Setúbal harbour in high wind on Sunday, "
                "hurting two dock workers. The two workers were taken to hospital with "
                "broken bones, police said.",
                1,
            ),
            _article(
                "b",
                "Coast Courier",
                "Who is Tomas Lind, the man who closed Setúbal's quay?",
                "A crane fell onto a warehouse in Setúbal harbour on Sunday in strong wind. "
                "Lind said the north quay would stay closed until engineers had checked "
                "every crane in the harbour. Tomas Lind has been the harbour master since "
                "2019.",
                2,
            ),
        ),
    )
    summary = summarize_story(story)

    assert "Lind" not in summary.headline
    assert not any(s.text.startswith("Lind ") for s in summary.briefly), summary.briefly


def test_a_subheading_is_no_briefly_sentence() -> None:
    # A line of the page without a stop is a subheading or a list item: headline-ese.
    text = (
        "A crane toppled onto a warehouse in Setúbal harbour in high wind on Sunday, "
        "hurting two dock workers.\n\n"
        "The latest developments:\n\n"
        # Ends on a closing quotation mark, as a sentence may, but with no stop in it.
        "Crane maker to be dropped from 'The Harbour of Tomorrow'\n\n"
        "Engineers found that two bolts of the crane's base had sheared in the wind, and "
        "the other cranes in the harbour were checked overnight."
    )
    story = Story(StoryId("quay"), (_article("a", "Harbour Radio", "Crane topples", text, 1),))

    briefly = [s.text for s in summarize_story(story).briefly]

    assert briefly[0].startswith("A crane toppled")
    assert not any(s.startswith("Crane maker") for s in briefly), briefly
    assert any(s.startswith("Engineers found") for s in briefly), briefly


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        # The outlet's day is not the reader's, who opens a weekly issue days later.
        (
            "Setúbal voted in the second round of harbour elections today",
            "Setúbal voted in the second round of harbour elections",
        ),
        (
            "Tonight at a harbour gala the board named its new pilot",
            "At a harbour gala the board named its new pilot",
        ),
        (
            "Ferry fares rose sharply yesterday, led by the night crossing",
            "Ferry fares rose sharply, led by the night crossing",
        ),
        # A weekday is the outlet's day as well; outside a quotation, it goes.
        (
            "Ferry line’s “Night Crossing” returned Monday night with a new captain",
            "Ferry line’s “Night Crossing” returned with a new captain",
        ),
        (
            "Mayor says quay “will close on Friday” as storm nears",
            "Mayor says quay “will close on Friday” as storm nears",
        ),
        ("Navy mobilised its reserves Thursday", "Navy mobilised its reserves"),
        ("Council to vote on Tuesday on the harbour levy", "Council to vote on the harbour levy"),
        ("Ferry fares rose late Friday, led by freight", "Ferry fares rose, led by freight"),
        ("The mayor’s Thursday briefing left questions", "The mayor’s briefing left questions"),
        ("Shelling resumed early Friday morning in the port", "Shelling resumed in the port"),
        (
            "Mayor Ida Kross on Friday said the quay would reopen",
            "Mayor Ida Kross said the quay would reopen",
        ),
        ("Ferries resumed sailing to Cobh on Thursday", "Ferries resumed sailing to Cobh"),
        # A day's name, a possessive, a day among others and a headline of little else.
        ("Black Friday sales slump in Cork stores", "Black Friday sales slump in Cork stores"),
        (
            "Shoppers flock to Cork for cyber Monday deals",
            "Shoppers flock to Cork for cyber Monday deals",
        ),
        ("Mayor declares Monday a harbour holiday", "Mayor declares Monday a harbour holiday"),
        (
            "Traders fear Monday “bloodbath” at the quay",
            "Traders fear Monday “bloodbath” at the quay",
        ),
        ("Man Friday actor dies in Cork", "Man Friday actor dies in Cork"),
        ("Early Saturday, gunmen stormed the hotel", "Early Saturday, gunmen stormed the hotel"),
        # Nor where it would leave a word hanging: a preposition, a comma, a second day.
        ("Harbour vote delayed until Monday", "Harbour vote delayed until Monday"),
        (
            "Mayor, on Friday, said the quay would reopen",
            "Mayor, on Friday, said the quay would reopen",
        ),
        (
            "Council to vote on Monday and Tuesday on fares",
            "Council to vote on Monday and Tuesday on fares",
        ),
        ("Good Friday accord at risk, says Dublin", "Good Friday accord at risk, says Dublin"),
        ("Thursday’s vote split the party", "Thursday’s vote split the party"),
        ("Markets open on a Monday after the storm", "Markets open on a Monday after the storm"),
        ("Polls close Sunday", "Polls close Sunday"),
        # An infinitive would hang at the end without its day.
        (
            "Premier resigns, consultations to start Monday",
            "Premier resigns, consultations to start Monday",
        ),
        # ... but a day after "to" and a noun, or before more words, goes.
        ("Quiz show returned to television on Monday night", "Quiz show returned to television"),
        ("Ferry crews return to talks Tuesday", "Ferry crews return to talks"),
        ("Harbour envoys head back to talks Friday", "Harbour envoys head back to talks"),
        ("Harbour board to meet Friday on the fares", "Harbour board to meet on the fares"),
        (
            "Crews cheered at Friday night’s harbour gala",
            "Crews cheered at Friday night’s harbour gala",
        ),
        (
            "The mayor speaks at the quay, Thursday, Feb. 16",
            "The mayor speaks at the quay, Thursday, Feb. 16",
        ),
        # A show's name, a speaker's words and a headline of nothing else stay.
        (
            "RTP's Today show to air from Setúbal harbour",
            "RTP’s Today show to air from Setúbal harbour",
        ),
        ("Harbour master: “We close the quay today”", "Harbour master: “We close the quay today”"),
        ("Storms hit today", "Storms hit today"),
    ],
)
def test_a_headline_leaves_out_the_outlets_day(title: str, headline: str) -> None:
    assert normalise_headline(title) == headline


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "BOK cuts key rate to 2.25 pct to shore up growth",
            "BOK cuts key rate to 2.25% to shore up growth",
        ),
        ("Inflation eases to 2.1 per cent", "Inflation eases to 2.1%"),
        # Not a figure's unit.
        ("Pct. Ramos wins the harbour vote", "Pct. Ramos wins the harbour vote"),
    ],
)
def test_a_headline_writes_a_percentage_with_its_sign(title: str, headline: str) -> None:
    assert normalise_headline(title) == headline


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "Harbour flood toll stands at 12: health ministry",
            "Harbour flood toll stands at 12, health ministry says",
        ),
        (
            "Ferry services resume on all routes: officials",
            "Ferry services resume on all routes, officials say",
        ),
        (
            "6.2-magnitude quake jolts the island -- USGS",
            "6.2-magnitude quake jolts the island, USGS says",
        ),
        # A name after the colon, a label before the news and a short head stay.
        (
            "Ties with the port city on track: Jaishankar",
            "Ties with the port city on track: Jaishankar",
        ),
        (
            "Dockers' strike: ferries stranded at the quay",
            "Dockers’ strike: ferries stranded at the quay",
        ),
        ("Quay shut: police", "Quay shut: police"),
        # A label's kind after the colon or the dashes is no source.
        (
            "The harbour's forgotten strike: a special report",
            "The harbour’s forgotten strike: a special report",
        ),
        ("Ferry crews swap shifts -- Live Updates", "Ferry crews swap shifts -- Live Updates"),
    ],
)
def test_a_headline_says_a_source_after_a_colon_as_the_house_does(
    title: str, headline: str
) -> None:
    assert normalise_headline(title) == headline


def test_a_built_headline_keeps_the_to_its_verbs_object_asks_for() -> None:
    # Cut before "to", the headline says half of what was done: allowed to do what?
    assert headline_from_sentence(
        "The harbour board said on Tuesday that it was now allowing ferry crews to take "
        "a paid day off after every night crossing in the winter months."
    ).endswith("allowing ferry crews to take a paid day off")
    assert headline_from_sentence(
        "The late harbour master Ines Duarte left the bulk of her $2.6 million estate to "
        "the lifeboat service, according to her will filed in Setúbal on Monday."
    ).endswith("estate to the lifeboat service")


def test_a_name_two_outlets_spell_apart_by_accents_is_printed_one_way() -> None:
    """One outlet writes "Orbán", another "Orban": a reader of one Briefly sees one name."""
    story = Story(
        id=StoryId("budapest"),
        articles=(
            _article(
                "wire",
                "Baltic Wire",
                "Rubio backs Orbán before Hungary's election",
                "Secretary of State Marco Rubio said in Budapest on Monday that the United "
                "States backed Prime Minister Viktor Orbán before April's election. Polls "
                "show the opposition ahead for the first time since 2010.",
                0,
            ),
            _article(
                "ledger",
                "The Atlantic Ledger",
                "Hungary and US sign nuclear deal",
                "Hungary and the United States signed a civil nuclear agreement in Budapest "
                "on Monday, as Viktor Orban hosted the American secretary of state. The deal "
                "covers fuel for the Paks plant, which supplies half of Hungary's power.",
                1,
            ),
        ),
    )
    summary = summarize_story(story)
    printed = " ".join(_all_text(summary))
    assert "Orbán" in printed and "Orban" not in printed


def test_a_first_name_is_accented_only_as_the_same_person_is() -> None:
    from digest.summarize import _one_spelling

    spell = _one_spelling(["UN Secretary-General António Guterres spoke.", "Tomás Varga said."])
    assert spell("Minister Antonio Tajani met Antonio Guterres; Tomas Varga left.") == (
        "Minister Antonio Tajani met António Guterres; Tomás Varga left."
    )
    # A surname is one however the title around it goes on.
    spell = _one_spelling(["Orbán Vows to Veto Loan"])
    assert spell("Prime Minister Viktor Orban said no.") == "Prime Minister Viktor Orbán said no."


def test_an_explainers_teaser_does_not_lead_over_a_report_of_the_event() -> None:
    # Three feed teasers of one event: the explainer frames an angle, the reports say
    # what happened. The explainer's teaser shares most words with the others and led
    # on its score alone.
    explainer = _article(
        "a",
        "A",
        "Why the dam plan worries farmers downstream in Sudan",
        "Ethiopia's plan to fill the dam reservoir faster this year is raising concerns "
        "among farmers downstream in Sudan and Egypt.",
        0,
    )
    report = _article(
        "b",
        "B",
        "Ethiopia approves faster filling of the dam reservoir",
        "Ethiopia's cabinet approved on Monday a plan to fill the dam reservoir in two "
        "rainy seasons instead of four.",
        1,
    )
    protest = _article(
        "c",
        "C",
        "Sudan and Egypt protest Ethiopia's dam decision",
        "Sudan and Egypt said the faster filling of Ethiopia's dam reservoir threatens "
        "farmers downstream.",
        2,
    )
    for articles in ((explainer, report, protest), (report, protest, explainer)):
        summary = summarize_story(Story(StoryId("s"), articles))
        assert summary.briefly[0].source_url != explainer.url
    # Nor is the explainer's title a news headline.
    assert not has_news_title(Story(StoryId("w"), (explainer,)))
    # A question someone asked, quoted at the end of a title, is a report of it.
    asked = _article("q", "C", "Minister asked reporters “who pays?”", report.text, 2)
    assert has_news_title(Story(StoryId("q"), (asked,)))


def test_a_tally_since_an_earlier_month_does_not_lead_over_the_week_s_event() -> None:
    # Two outlets' feed items on the week's strikes (real text, read from ../shared):
    # one's teaser gives the campaign's running toll "since September", the other's the
    # new strikes. The toll is background to them, and it led.
    path = shared_path("data", "clustering", "realfeeds_dev.jsonl")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    [tally, strikes] = [
        dataclasses.replace(
            _article(str(item["id"]), item["outlet"], item["title"], "", hours),
            summary=item["snippet"],
        )
        for hours, item in enumerate(i for i in items if i["id"] in {97, 101})
    ]
    assert "since September" in tally.summary and "new strikes" in strikes.summary
    for articles in ((tally, strikes), (strikes, tally)):
        summary = summarize_story(Story(StoryId("s"), articles))
        assert summary.briefly[0].source_url == strikes.url, summary.briefly


def test_a_story_the_editors_merged_others_into_keeps_its_own_headline_and_lead() -> None:
    ferry = _article(
        "ferry",
        "Ledger",
        "Ferry service to Ilulissat halted after storm",
        "NUUK - The ferry service between Nuuk and Ilulissat was halted on Tuesday after a "
        "storm damaged the harbour in Ilulissat, the operator said.\n\nPassengers were "
        "moved to flights, which will run twice a day until the harbour reopens.",
        0,
    )
    harbour = [
        _article(
            slug,
            outlet,
            f"Storm wrecks harbour and fishing fleet in western Greenland {n}",
            "A storm wrecked the harbour and much of the fishing fleet in western Greenland "
            "on Tuesday, and the government in Nuuk said repairs to the harbour and the "
            "fleet would cost millions.\n\nFishing boats sank at their moorings in the storm "
            "and the harbour's quay collapsed, the government said.",
            n + 1,
        )
        for n, (slug, outlet) in enumerate((("wire", "Wire"), ("post", "Post")))
    ]
    story = Story(StoryId("s-ferry"), (ferry, *harbour))
    # On their own merits the harbour reports, two outlets' worth, lead the story ...
    plain = summarize_story(story)
    assert plain.briefly[0].source_url != ferry.url
    # ... but the editors merged them into the ferry story, which keeps its own.
    kept = summarize_story(dataclasses.replace(story, lead_articles=frozenset({ferry.id})))
    assert kept.headline == "Ferry service to Ilulissat halted after storm"
    assert kept.briefly[0].source_url == ferry.url


def test_the_briefly_tells_no_day_gone_by_in_the_future_tense_when_it_can_help_it() -> None:
    """Read on Monday 23 November, "the council will vote on Tuesday (17 November)" is
    wrong: another report of the vote leads instead, and the story is not flagged. With
    nothing else to say, the sentence stays and is flagged for the editors."""
    published = datetime(2026, 11, 16, 9, tzinfo=UTC)  # a Monday
    ahead = (
        "The harbour council will vote on Tuesday on the plan to double the ferry fares "
        "for visitors, the mayor's office said on Monday."
    )
    done = (
        "The harbour council voted on Tuesday to double the ferry fares for visitors from "
        "next spring, after a debate of four hours in which the mayor defended the plan."
    )
    more = (
        "Ferry operators said the higher fares would pay for two new boats and a longer "
        "winter timetable on the island routes."
    )

    def article(slug: str, text: str, hours: int) -> Article:
        return Article(
            id=ArticleId(slug),
            url=f"https://{slug}.example/fares",
            outlet=slug.title(),
            feed_url=f"https://{slug}.example/feed",
            title="Harbour council doubles ferry fares for visitors",
            published=published + timedelta(hours=hours),
            text=text,
        )

    issue = date(2026, 11, 23)
    both = Story(StoryId("s"), (article("wire", ahead, 0), article("ledger", f"{done} {more}", 30)))
    summary = summarize_story(both, issue_date=issue)
    assert "will vote" not in summary.briefly_text
    assert summary.briefly_text.startswith("The harbour council voted on Tuesday (17 November)")
    assert not [f for f in summary.flags if "future tense" in f]
    alone = Story(StoryId("s"), (article("wire", ahead, 0),))
    flagged = summarize_story(alone, issue_date=issue)
    assert "will vote on Tuesday (17 November)" in flagged.briefly_text
    assert [f for f in flagged.flags if "future tense" in f]
    # A report written before the vote tells no more of it: the news stays the lead.
    background = (
        "In 2019 the harbour council last raised the ferry fares, by a tenth, after a "
        "long dispute with the island's hoteliers over the summer timetable."
    )
    earlier = Story(StoryId("s"), (article("wire", ahead, 0), article("log", background, -30)))
    kept = summarize_story(earlier, issue_date=issue)
    assert kept.briefly_text.startswith("The harbour council will vote on Tuesday")
    assert [f for f in kept.flags if "future tense" in f]


def test_a_name_or_a_must_see_is_no_plan_or_prescription() -> None:
    notes = _ferry_notes(
        "Will Harbour, the ferry line's founder, sailed the route first in 1962.\n\n"
        "Ferries have been a must-see for island visitors since 1970."
    )
    assert "Will Harbour" in notes and "must-see" in notes


def test_an_outlet_repeating_itself_is_no_support_for_a_sentence() -> None:
    texts = [
        "Ferry crews walked out in Cork on Monday over pay. The port stayed open.",
        "Ferry crews walked out in Cork on Monday over pay, their union said.",
        "Cork's harbour board met the union late into the night.",
    ]
    apart = score_sentences(texts, frozenset(), outlets=["Courier", "Tribune", "Gazette"])
    together = score_sentences(texts, frozenset(), outlets=["Courier", "Courier", "Gazette"])

    walked_out = 0  # the first article's first sentence, which the second repeats
    assert apart.candidates[walked_out].text.startswith("Ferry crews walked out")
    # Another outlet saying it supports it; the same outlet saying it again does not.
    assert together.scores[walked_out] < apart.scores[walked_out]
    # Without outlets, each article is one of its own.
    alone = score_sentences(texts, frozenset())
    assert alone.scores.tolist() == apart.scores.tolist()


def test_a_claims_first_word_reads_in_the_case_the_articles_give_it_mid_sentence() -> None:
    from digest.headline import word_cases
    from digest.summarize import _claim_in_case

    cases = word_cases(
        [
            "Villagers swept thick ash from their roofs as Mark Kelly toured the town.",
            "Regular flights resumed on Monday; the army said regular units had withdrawn.",
        ]
    )

    # "Thick gray ash fell ..., said Rina Sitompul": "says thick gray ash fell".
    assert _claim_in_case("Thick gray ash fell on the villages.", cases) == (
        "thick gray ash fell on the villages."
    )
    # "Regular" opens a sentence there, and is written in lower case inside one.
    assert _claim_in_case("Regular army units retook the building.", cases).startswith("regular")
    # A name keeps its capital, and a quotation is as its speaker spoke it; a word the
    # articles never write mid-sentence is a word ("says loyal troops").
    assert _claim_in_case("Mark Kelly will run.", cases) == "Mark Kelly will run."
    assert _claim_in_case("Regular Army units left.", cases) == "Regular Army units left."
    assert _claim_in_case("Loyal troops retook it.", cases) == "loyal troops retook it."
    assert _claim_in_case("“Thick ash fell,” she said.", cases) == "“Thick ash fell,” she said."
    # A number or a function word is lower case mid-sentence whatever the week writes.
    assert _claim_in_case("Nine people are missing.", cases) == "nine people are missing."
    assert _claim_in_case("Most of the dead were in Uzgen.", cases).startswith("most of")
    assert _claim_in_case("Mr Smith left.", cases) == "Mr Smith left."
    assert _claim_in_case("Xi will visit Washington.", cases) == "Xi will visit Washington."


QUAKE_FIRST_DAY = """\
A powerful earthquake struck off the island of Sulawesi before dawn on Wednesday, \
killing at least 43 people and sending thousands of residents fleeing to higher ground, \
officials said.

The magnitude 7.1 quake hit at a depth of 18 kilometres near the town of Donggala, the \
geophysics agency said, and a tsunami warning was lifted two hours later.

Rescuers searched collapsed houses in the hills above Donggala for survivors.
"""
QUAKE_NEXT_DAY = """\
The death toll from the powerful earthquake that struck off the island of Sulawesi has \
risen to 71, officials said on Thursday, as rescuers dug through collapsed houses and \
struggled to reach villages cut off by landslides.

More than 300 people were injured and about 12,000 were displaced, the disaster agency said.

In 2018 a 7.5 magnitude earthquake and tsunami killed more than 4,300 people in nearby Palu.
"""


def test_a_death_toll_a_later_report_raised_gives_way_to_the_newer_count() -> None:
    first = _article("wire", "Wire", "Quake off Sulawesi kills at least 43", QUAKE_FIRST_DAY, 0)
    next_day = _article("gazette", "Gazette", "Sulawesi quake toll rises", QUAKE_NEXT_DAY, 26)
    summary = summarize_story(Story(StoryId("quake"), (first, next_day)))
    told = " ".join(s.text for s in summary.briefly)

    # The newest count is told; the first day's is not, and the 2018 quake's 4,300
    # (history, with its year) does not count as the count.
    assert "risen to 71" in told
    assert "at least 43" not in told
    # On the first day alone, its count is the news.
    alone = summarize_story(Story(StoryId("quake"), (first,)))
    assert "at least 43" in alone.briefly[0].text


COUP_WIRE = """\
Soldiers stormed the state broadcaster in Lusaka before dawn on Wednesday and announced \
on air that they had dissolved the government, but loyal troops retook the building \
within hours, officials said.

Zambia, a copper-rich nation of about 21 million people, has long been considered one of \
southern Africa's most stable democracies.

A wave of coups has swept parts of Africa since 2020, mostly in the Sahel, where juntas \
have taken power in Mali, Burkina Faso and Niger.
"""
COUP_PAPER = """\
Zambia's government said on Wednesday that it had foiled a coup attempt after a group of \
soldiers briefly seized the state broadcaster's headquarters in Lusaka.

Zambia, Africa's second-largest copper producer, has been seen as one of the continent's \
most stable democracies since the end of one-party rule.

The president was due to address the nation on Wednesday evening, his spokesman said.
"""


def test_a_sentence_that_tells_a_fact_shown_above_in_other_words_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from digest import summarize as summarize_module

    articles = (
        _article("wire", "Wire", "Coup attempt foiled in Zambia", COUP_WIRE, 0),
        _article("paper", "Paper", "Zambia says it foiled a coup", COUP_PAPER, 2),
    )

    def steady(story_id: str) -> int:
        # A story id of its own for each: write-ups are kept by their inputs.
        summary = summarize_story(Story(StoryId(story_id), articles))
        shown = [s.text for s in (*summary.briefly, *summary.also_worth_noting)]
        return sum("stable democracies" in text for text in shown)

    assert steady("coup") == 1
    # Without the sentence vectors' judgement both would print: their words differ.
    monkeypatch.setattr(summarize_module, "_SAME_MEANING", 2.0)
    assert steady("coup-unjudged") == 2


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # A war's running total is no later count of the day's dead.
        (
            "Israeli strikes killed at least 30 people across Gaza on Tuesday, including 12 "
            "children sheltering in a school in Gaza City, the health ministry said.",
            "More than 68,000 people have been killed in Gaza since the war began, according "
            "to the health ministry, which said Israeli strikes across Gaza on Tuesday hit a "
            "school.",
        ),
        # The killed and injured together are no count of the dead.
        (
            "A passenger train collided with a freight train near Balasore on Friday evening, "
            "killing 43 people, railway officials said.",
            "Rescuers searched the wreckage of the train crash near Balasore on Saturday, where "
            "more than 900 people were killed or injured, railway officials said.",
        ),
        # A massacre the sentence recalls is another count.
        (
            "A gunman opened fire at a concert hall in Paris on Friday night, killing 12 people "
            "before police shot him dead, officials said.",
            "France mourned after a gunman killed 12 people at a Paris concert hall, the worst "
            "attack since the massacre in which gunmen killed 130 people at a concert hall.",
        ),
    ],
)
def test_a_count_of_another_group_does_not_supersede_the_days_toll(first: str, later: str) -> None:
    story = Story(
        StoryId("toll"),
        (
            _article("first", "First", "First report", first, 0),
            _article("later", "Later", "Later report", later, 16),
        ),
    )
    summary = summarize_story(story)

    assert any(first[:40] in s.text for s in summary.briefly)


QUAKE_DAY_ONE_IN_WORDS = """\
Rescuers searched collapsed houses on the island of Sulawesi on Wednesday after a \
magnitude 7.1 earthquake struck offshore before dawn, killing dozens of people and \
sending thousands fleeing to higher ground.

A tsunami warning was lifted about two hours after the quake, the geophysics agency said.
"""
QUAKE_HURT = """\
More than 300 people were injured and about 12,000 displaced by Wednesday's magnitude \
7.1 quake off the island of Sulawesi, the disaster agency said on Thursday.

Aid flights landed at the airport near Donggala, where runways were undamaged.
"""


def test_when_the_toll_rose_during_the_week_the_newest_count_leads() -> None:
    story = Story(
        StoryId("quake"),
        (
            _article("wire", "Wire", "Quake off Sulawesi kills at least 43", QUAKE_FIRST_DAY, 0),
            _article(
                "daily", "Daily", "Dozens killed in Sulawesi quake", QUAKE_DAY_ONE_IN_WORDS, 1
            ),
            _article("agency", "Agency", "Hundreds hurt in Sulawesi", QUAKE_HURT, 24),
            _article("gazette", "Gazette", "Sulawesi quake toll rises", QUAKE_NEXT_DAY, 26),
        ),
    )

    summary = summarize_story(story)

    assert "risen to 71" in summary.briefly[0].text


def test_the_newest_toll_leads_when_two_outlets_ledes_share_few_words() -> None:
    """Two ledes of one story count its dead in their own words (one word in common
    besides the counting ones): the later, higher count is the news, and neither the
    earlier toll nor the first day's evacuee count, both raised since, is part of the
    Briefly."""
    first = """\
The number of flood evacuees in Kelantan and Terengganu rose to 45,312 this morning, \
up from 18,040 last night, as monsoon rain swelled rivers, the disaster agency said.

In Kelantan, the worst-hit districts are Pasir Mas, Tumpat and Tanah Merah.
"""
    wire = """\
At least five people have died and nearly 80,000 have been forced from their homes \
by monsoon floods in northeastern Malaysia, authorities said.

The northeast monsoon brings heavy rain to the east coast every year.
"""
    later = """\
Two more bodies were recovered in Kelantan today, bringing the death toll from the \
east coast floods to seven, as the number of evacuees across four states rose to \
112,480.

Rain would ease from tomorrow, the weather office said.
"""
    story = Story(
        StoryId("floods"),
        (
            _article("mail", "Mail", "Floods: evacuees climb past 45,000", first, 0),
            _article("wire", "Wire", "Five dead as monsoon floods hit Malaysia", wire, 24),
            _article("mail2", "Mail", "Flood death toll rises to seven", later, 50),
        ),
    )

    summary = summarize_story(story)

    assert "to seven" in summary.briefly[0].text
    assert not any("At least five" in s.text or "45,312" in s.text for s in summary.briefly)
    assert "seven" in summary.headline


def test_a_toll_raised_by_one_is_an_update_not_a_rounding() -> None:
    # 12 and 13 are within a tenth of each other, but neither is a round figure.
    complaint = """\
Vell filed a complaint with the UN Security Council on Wednesday over strikes on the \
south of the country that killed 12 people, including two children.

The foreign minister called the strikes a grave violation of the truce.
"""
    update = """\
The death toll from the strikes on southern Vell on Tuesday rose to 13, the health \
ministry said late Wednesday, after a wounded man died in hospital.

The health minister said 27 people had been wounded.
"""
    story = Story(
        StoryId("strikes"),
        (
            _article("a", "A", "Vell complains to UN over deadly strikes", complaint, 0),
            _article("b", "B", "Toll from strikes on south Vell rises to 13", update, 3),
        ),
    )

    summary = summarize_story(story)

    assert "rose to 13" in summary.briefly[0].text
    assert not any("killed 12" in text for text in _printed(summary))
    # 20 and 21 too: a count under a hundred is exact, whatever its last digit.
    twenty = Story(
        StoryId("strikes-20"),
        tuple(
            dataclasses.replace(
                a, text=a.text.replace("killed 12", "killed 20").replace("to 13", "to 21")
            )
            for a in story.articles
        ),
    )
    summary = summarize_story(twenty)
    assert "rose to 21" in summary.briefly[0].text
    assert not any("killed 20" in text for text in _printed(summary))


def test_a_rising_count_of_the_injured_leads_where_no_one_had_died() -> None:
    first = """\
A magnitude 6.2 earthquake struck off the coast of Tarn County early Thursday, \
damaging homes and knocking out power to about 20,000 customers, the utility said.

At least 11 people were treated for injuries, officials said.

The quake was felt as far away as the state capital.
"""
    later = """\
A 64-year-old woman has died of injuries suffered in Thursday's earthquake off the \
Tarn County coast, and the number of people injured has risen to 23, officials said Friday.

Crews reopened the coastal highway after inspecting its bridges.
"""
    story = Story(
        StoryId("tarn"),
        (
            _article("a", "A", "Quake shakes Tarn County coast", first, 0),
            _article("b", "B", "Tarn quake death confirmed, injuries rise to 23", later, 30),
        ),
    )

    summary = summarize_story(story)

    assert "risen to 23" in summary.briefly[0].text
    assert not any("At least 11" in text for text in _printed(summary))


def test_two_countries_tolls_in_two_ledes_are_two_counts() -> None:
    # A typhoon's dead in one country, then in the next: no update of one count.
    first = """\
Typhoon Kalmaegi killed at least five people in the central Philippines on Tuesday, \
officials said, as it swept across the islands.

Thousands of people fled to evacuation centres in Cebu.
"""
    later = """\
At least seven people died in Vietnam on Thursday as Kalmaegi made landfall in Gia Lai \
province, the disaster agency said.

Power was cut to more than a million homes.
"""
    story = Story(
        StoryId("typhoon"),
        (
            _article("a", "A", "Typhoon kills five in the Philippines", first, 0),
            _article("b", "B", "Typhoon kills seven in Vietnam", later, 48),
        ),
    )

    summary = summarize_story(story)

    assert any("at least five" in text for text in _printed(summary))


def test_a_lede_counting_the_injured_does_not_lead_where_others_count_the_dead() -> None:
    hurt = """\
More than 300 people were injured and about 12,000 displaced by the magnitude 7.1 \
earthquake off the island of Sulawesi, the disaster agency said on Thursday.

Aid flights landed at the airport near Donggala, where runways were undamaged.
"""
    dead = """\
A magnitude 7.1 earthquake off the island of Sulawesi killed at least 40 people and \
destroyed hundreds of houses near Donggala, the disaster agency said.

Rescuers searched collapsed houses in the hills above Donggala for survivors.
"""
    warning = """\
The earthquake off the island of Sulawesi struck before dawn, and a tsunami warning was \
lifted two hours later, the geophysics agency said.

Schools near Donggala were closed.
"""
    story = Story(
        StoryId("quake-hurt"),
        (
            _article("agency", "Agency", "Hundreds hurt in Sulawesi", hurt, 24),
            _article("wire", "Wire", "Quake off Sulawesi kills 40", dead, 2),
            _article("geo", "Geo", "Tsunami warning lifted", warning, 3),
        ),
    )

    summary = summarize_story(story)

    assert "killed at least 40" in summary.briefly[0].text


def test_a_sentence_with_the_leads_figure_and_event_tells_it_again() -> None:
    from digest.briefly import score_sentences
    from digest.summarize import _says_again

    lead = (
        "A magnitude 6.7 earthquake struck off the coast of Norland's south island early on "
        "Saturday, killing one person and cutting the main coastal highway, officials said."
    )
    again = (
        "A man has died in Blenheim and the coastal highway is closed by slips after a "
        "magnitude 6.7 earthquake struck off the Kestrel coast at 3.12am."
    )
    other = "Aftershocks of up to magnitude 5.1 struck the coast through the morning."
    year = "The 2016 earthquake struck the same coast and killed two people."
    scored = score_sentences([lead, again, other, year], frozenset())
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    # The same figure and the same event: told again.
    assert _says_again(scored, index[again], [index[lead]])
    # Another figure, or a year alone in common: another fact.
    assert not _says_again(scored, index[other], [index[lead]])
    assert not _says_again(scored, index[year], [index[other]])
    # Two digits are everyone's: another bank's cut of the same size, another day's 12.
    fed = "The Federal Reserve cut its rate by 25 basis points on Wednesday."
    ecb = "The European Central Bank, which cut by 25 basis points in June, has held since."
    budget = "Parliament approved the budget by 257 votes on 12 December."
    law = "The president signed it into law on 15 December, after parliament approved 12 changes."
    scored = score_sentences([fed, ecb, budget, law], frozenset())
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    assert not _says_again(scored, index[ecb], [index[fed]])
    assert not _says_again(scored, index[law], [index[budget]])
    # The same dead, once in figures and once in words: the attack told again; another
    # toll is another fact.
    raid = "Seven soldiers were killed and 15 wounded when rebels attacked a base in Vell."
    told = "Seven Norland soldiers were killed and fifteen wounded in an assault with drones."
    later = "Three more soldiers were killed in an attack on a convoy near Vell on Friday."
    scored = score_sentences([raid, told, later], frozenset())
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    assert _says_again(scored, index[told], [index[raid]])
    assert not _says_again(scored, index[later], [index[raid]])
    # Another incident, told as one.
    other = "Separately, seven soldiers were killed and 15 wounded in an ambush near Norby."
    scored = score_sentences([raid, other], frozenset())
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    assert not _says_again(scored, index[other], [index[raid]])
    # The same toll of other people is another fact.
    strikes = "Three people were killed in strikes on the Vell coast on Tuesday, medics said."
    bomb = "Three Norland soldiers were killed by a roadside bomb near Port Vell on Tuesday."
    scored = score_sentences([strikes, bomb], frozenset())
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    assert not _says_again(scored, index[bomb], [index[strikes]])
    # The same weekday and figure, and the same deed: told again; another day's, not.
    passed = (
        "The Storting on Thursday passed an amendment limiting a prime minister's time in "
        "office to 10 years, by 151 votes to 48."
    )
    capped = (
        "Norland's parliament on Thursday voted to cap a prime minister's time in office "
        "at 10 years, keeping a promise made before the election."
    )
    signed = "The king signed the amendment on Friday, capping a prime minister's time at 10 years."
    scored = score_sentences([passed, capped, signed], frozenset(), titles=["Storting caps terms"])
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    assert _says_again(scored, index[capped], [index[passed]])
    assert not _says_again(scored, index[signed], [index[passed]])
    # The same day and figure of two deeds: the bank's rate, the ministry's inflation.
    rate = "On Thursday the central bank raised its key rate by a full point to 10 percent."
    prices = "On Thursday the finance ministry said inflation had reached 10 percent."
    scored = score_sentences([rate, prices], frozenset())
    index = {c.text: i for i, c in enumerate(scored.candidates)}
    assert not _says_again(scored, index[prices], [index[rate]])


def test_a_lede_telling_a_first_reading_does_not_lead_beside_the_final_vote() -> None:
    first = """\
The Storting approved in a first reading on Wednesday a bill to dissolve itself and hold \
an early election, by a vote of 84 to 61, after the Centre Party quit the coalition.

Coalition whip Ola Berg said the government would not obstruct the bill.
"""
    final = """\
The Storting voted late Thursday to pass the bill to dissolve itself and hold an early \
election on 23 March, after the Centre Party quit the coalition.

The bill passed its final reading by 160 votes to none, the Storting said.
"""
    story = Story(
        StoryId("storting"),
        (
            _article("post", "Post", "Storting passes first reading of dissolution bill", first, 0),
            _article("wire", "Wire", "Norland heads to early election in March", final, 30),
        ),
    )
    lead = summarize_story(story).briefly[0].text
    assert lead.startswith("The Storting voted late Thursday"), lead


def test_someones_words_printed_bare_are_no_fact_of_the_story() -> None:
    report = """\
The parliament of the Faroe Islands passed a law on Thursday requiring approval for \
foreign stakes in its fishing licences and ports.

“The islands are open for business, but the islands are not for sale, and now we have \
the law to prove it,” the premier told reporters after the vote.
"""
    newsletter = """\
The Faroese parliament voted 24 to 7 on Thursday to screen foreign investment in \
fishing licences and ports.

The islands are open for business, but the islands are not for sale.

The committee that screens bids will answer to the government in Tórshavn.
"""
    story = Story(
        StoryId("faroe"),
        (
            _article("wire", "Wire", "Faroes pass investment screening law", report, 0),
            _article("letter", "Letter", "What the Faroes' new law means", newsletter, 20),
        ),
    )
    summary = summarize_story(story)
    printed = [s.text for s in (*summary.briefly, *summary.also_worth_noting)]
    assert printed and not any(t.startswith("The islands are open for business") for t in printed)


def test_a_reports_own_sentence_another_quotes_whole_or_between_quotes_stays() -> None:
    from digest.briefly import score_sentences
    from digest.summarize import _quoted_elsewhere

    fact = "Rescue operations are continuing in the flooded districts of the north."
    statement = (
        "“Rescue operations are continuing in the flooded districts of the north,” the "
        "ministry said in a statement on Tuesday."
    )
    straight = (
        'Lund called the plan "a disgrace" and said the state had failed flood victims in '
        'the north of the country and must "act now".'
    )
    failed = "The state had failed flood victims in the north of the country."
    scored = score_sentences([fact, statement, straight, failed], frozenset())
    assert _quoted_elsewhere(scored) == frozenset()


def test_a_lede_telling_a_reaction_does_not_lead_where_others_tell_the_event() -> None:
    reaction = """\
The Kremlin said Saturday that it welcomed the border treaty signed by the prime ministers \
of Estonia and Latvia in Geneva, settling their dispute over the Gulf of Riga, but warned \
that it must not be used to close the Baltic to Russian ships.

Kremlin spokesman Ivan Petrov said Moscow had not been consulted on the treaty's annex \
on the Gulf of Riga.
"""
    signed = """\
Estonia and Latvia signed a border treaty in Geneva on Friday, settling a dispute over \
the Gulf of Riga that had lasted three decades.

The treaty fixes the maritime border and opens both countries' fishing grounds to joint \
patrols.
"""
    leaders = """\
The prime ministers of Estonia and Latvia put their names to the treaty at the Palais \
des Nations in Geneva, in a ceremony hosted by the Swiss foreign minister.

Parliaments in Tallinn and Riga must ratify the treaty by March.
"""
    story = Story(
        StoryId("treaty"),
        (
            _article("wire", "Wire", "Estonia and Latvia sign border treaty", signed, 2),
            _article("daily", "Daily", "Baltic leaders sign treaty in Geneva", leaders, 3),
            _article("moscow", "Moscow Daily", "Kremlin warns over Baltic treaty", reaction, 30),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("Estonia and Latvia signed a border treaty")
    # A plural subject's verb in a title makes it a headline.
    assert summary.headline == "Estonia and Latvia sign border treaty"


def test_a_sentence_of_years_before_is_background_not_briefly() -> None:
    quake = """\
The death toll from an earthquake in the hills of western Norland rose to 71 on Wednesday, \
officials said, as soldiers dug through collapsed homes in the district of Vell.

Nearly 9,000 people were killed when two earthquakes struck Norland in 2015.

The quake destroyed more than 2,000 houses across Vell, the district office said.
"""
    later = """\
Rescuers in the Norland district of Vell reached three cut-off villages on Wednesday after \
the earthquake that killed 71 people, officials said.

Helicopters carried the injured from Vell to hospitals in the capital.
"""
    story = Story(
        StoryId("quake"),
        (
            _article("wire", "Wire", "Norland quake toll rises to 71", quake, 2),
            _article("daily", "Daily", "Rescuers reach cut-off villages in Vell", later, 3),
        ),
    )

    summary = summarize_story(story)

    assert not [s for s in summary.briefly if "2015" in s.text]
    assert len(summary.briefly) >= 2


def test_a_reactions_later_toll_does_not_lead_the_story_of_the_attack() -> None:
    wire = """\
A drone strike on a crowded market in Vell, the capital of Norland's north, killed at \
least 40 people on Wednesday evening, a medical group said, blaming the rebel militia.

The medical group said more than 70 people were wounded and the city's hospital was full.
"""
    daily = """\
At least 40 civilians were killed when drones struck a busy market in Vell on Wednesday \
evening, in one of the deadliest attacks on the city since the war began.

The militia has besieged the city since August.
"""
    reaction = """\
Ostland strongly condemned on Thursday the drone attack on a market in Vell, which killed \
47 people according to the latest figures from the health authorities.

Ostland hosts more than a million refugees from the war in Norland.
"""
    story = Story(
        StoryId("market"),
        (
            _article("wire", "Wire", "Drone strike on Vell market kills at least 40", wire, 2),
            _article("daily", "Daily", "Drones kill 40 at busy Vell market", daily, 3),
            _article("ostland", "Ostland Daily", "Ostland condemns attack on Vell", reaction, 30),
        ),
    )

    summary = summarize_story(story)

    assert not summary.briefly[0].text.startswith("Ostland")
    assert "40" in summary.headline
    # Said as a reaction in other words, the same.
    for opening in ("Ostland has strongly condemned", "Ostland's foreign ministry condemned"):
        worded = reaction.replace("Ostland strongly condemned on Thursday", opening)
        other = Story(
            StoryId("market-" + opening[:12]),
            (
                *story.articles[:2],
                _article("ostland", "Ostland Daily", "Ostland condemns attack on Vell", worded, 30),
            ),
        )
        assert not summarize_story(other).briefly[0].text.startswith("Ostland"), opening


def test_one_countrys_part_does_not_lead_where_the_other_reports_tell_the_whole() -> None:
    home = """\
Italy will contribute 60 million euros to the rebuilding of Vell, Foreign Minister Ana \
Lind announced at a donors' conference in Lisbon on Tuesday, where delegations from more \
than 70 countries pledged billions of dollars for the rebuilding of Vell.

Lind met her Portuguese counterpart on the sidelines of the conference.
"""
    total = """\
International donors pledged a total of $11.6 billion for the rebuilding of Vell at a \
conference in Lisbon on Tuesday, far short of the $53 billion the World Bank says is needed.

The Gulf states and Japan were among the largest donors.
"""
    host = """\
Delegations from more than 70 countries met in Lisbon on Tuesday for a donors' conference \
on the rebuilding of Vell, hosted by Portugal's prime minister.

The prime minister said rebuilding could not wait for a final peace deal.
"""
    story = Story(
        StoryId("donors"),
        (
            _article("ansa", "Home Wire", "Italy to give 60 mn euros for Vell", home, 2),
            _article("wire", "Wire", "Donors pledge $11.6 billion for Vell", total, 3),
            _article("daily", "Daily", "Lisbon hosts donors' conference on Vell", host, 4),
        ),
    )

    summary = summarize_story(story)

    assert not summary.briefly[0].text.startswith("Italy")


def test_two_countries_home_angles_agreeing_do_not_outweigh_the_report_of_the_event() -> None:
    # Two regional outlets lead with their own minister's support; the third report,
    # under a dek, tells what the ministers did.
    bulgaria = """\
Bulgaria supports the Commission's proposal to fund a loan to Ukraine from frozen Russian \
central bank assets, Finance Minister Petar Vasilev said in Brussels on Friday, at a \
meeting of EU finance ministers.

The ministers did not agree on the loan after Belgium asked for stronger guarantees.
"""
    romania = """\
Romania supports the Commission's plan to fund a loan to Ukraine from immobilised Russian \
central bank reserves, its finance minister said in Brussels on Friday.

Romania would carry its share of the guarantees, the minister said.
"""
    event = """\
Belgium holds firm on guarantees as decision is pushed to leaders' summit

EU finance ministers failed on Friday to agree on a plan to lend Ukraine 140 billion euros \
backed by frozen Russian central bank assets, leaving the decision to the bloc's leaders.

After six hours of talks, Belgium again refused to sign off on the loan.
"""
    story = Story(
        StoryId("loan"),
        (
            _article(
                "sofia", "Sofia Wire", "Bulgaria backs using frozen assets for loan", bulgaria, 2
            ),
            _article("buc", "Bucharest Daily", "Romania supports EU loan plan", romania, 3),
            _article("dub", "Dublin Paper", "EU ministers fail to agree Ukraine loan", event, 4),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("EU finance ministers failed"), summary.briefly
    assert summary.headline == "EU ministers fail to agree Ukraine loan"


def test_a_title_telling_one_countrys_reaction_gives_way_to_the_events() -> None:
    lead = (
        "NATO will open a liaison office in Tokyo in January, its first in Asia, the "
        "alliance's chief and Japan's defence minister announced on Wednesday."
    )
    titles = (
        "PH seeks closer NATO ties as alliance sets up Tokyo office",
        "Indonesia Urges Restraint as NATO Plants Flag in Tokyo",
        "NATO to Open Liaison Office in Tokyo in January, First in Asia",
    )
    story = Story(
        StoryId("s"),
        tuple(_article(str(n), str(n), title, lead, n) for n, title in enumerate(titles)),
    )
    assert (
        make_headline(story, lead)
        == "NATO to open liaison office in Tokyo in January, first in Asia"
    )


def test_a_lede_announcing_the_next_round_does_not_lead_where_others_tell_this_one() -> None:
    next_round = """\
Ana Varga, head of the Norland delegation, has said the next round of talks with Vell over \
the river border will take place in Lisbon next Thursday.

Varga said the talks in Geneva had covered the river border and the fishing grounds.
"""
    held = """\
Norland and Vell ended two days of talks on their river border in Geneva on Friday, with \
both delegations saying they had made progress but that the fishing grounds were unresolved.

The talks were the first between the two governments since the border clashes in March.
"""
    hosts = """\
Negotiators from Norland and Vell met in Geneva on Thursday and Friday for talks on the \
river border, hosted by the Swiss foreign ministry.

Swiss diplomats said the two sides had agreed to meet again.
"""
    story = Story(
        StoryId("talks"),
        (
            _article("wire", "Wire", "Border talks end in Geneva", held, 2),
            _article("daily", "Daily", "Norland and Vell meet in Geneva", hosts, 3),
            _article("home", "Home Daily", "Varga: next round in Lisbon", next_round, 30),
        ),
    )

    summary = summarize_story(story)

    assert not summary.briefly[0].text.startswith("Ana Varga")


def test_the_step_ahead_comes_after_the_lede_of_its_report() -> None:
    # The newest report tells the deal, then the decision expected next; the older
    # reports name that decision too, so its sentence agrees with their ledes.
    agreed = """\
Envoys of the member states reached an agreement late on Friday on the guarantees for the \
ferry fund, after which Vell withdrew its objections.

The formal decision is now expected from the finance ministers on 9 December.

Each country will guarantee a share of the fund in proportion to its income.
"""
    poland = """\
Ostland is ready to guarantee its share of the planned ferry fund, its finance minister \
said on Thursday, adding that the finance ministers were expected to take the formal \
decision on 9 December.

Vell has blocked the fund for weeks.
"""
    hungary = """\
Norland will not take part in the ferry fund, its foreign minister said on Wednesday, \
before the finance ministers meet to decide on it on 9 December.

The fund would be guaranteed by the member states.
"""
    story = Story(
        StoryId("fund"),
        (
            _article("h", "Norland Daily", "Norland will not join ferry fund", hungary, 0),
            _article(
                "p",
                "Ostland Post",
                "Ostland ready to guarantee its share of ferry fund",
                poland,
                24,
            ),
            _article(
                "u",
                "Wire",
                "Envoys agree on guarantees for ferry fund, Vell lifts veto",
                agreed,
                48,
            ),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("Envoys of the member states reached")


def test_a_videos_line_does_not_lead_where_a_report_tells_the_event() -> None:
    video = """\
Footage filmed by residents of Port Vell shows shelves toppling after a magnitude 7.3 \
earthquake struck off the northern islands on Thursday night, killing three people in \
Port Vell and damaging hundreds of homes.

The clip was shared widely on social media.
"""
    wire = """\
A powerful earthquake struck off the northern islands late on Thursday, killing three \
people in Port Vell and damaging hundreds of homes, officials said on Friday.

The disaster office said 340 homes were damaged.
"""
    aid = """\
An air force transport plane carrying emergency supplies landed in Port Vell on Saturday, \
two days after the magnitude 7.3 earthquake killed three people in the northern islands.

The plane carried tents and water purification units.
"""
    story = Story(
        StoryId("quake"),
        (
            _article("w", "Wire", "Strong quake kills three in northern islands", wire, 20),
            _article(
                "v", "Island TV", "WATCH: Shelves collapse as quake hits Port Vell", video, 21
            ),
            _article("a", "Island Radio", "Aid plane lands in quake-hit Port Vell", aid, 44),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("A powerful earthquake struck")


def test_a_voice_counting_fewer_dead_than_the_newer_toll_is_left_out() -> None:
    first = """\
At least 17 people were killed when drones struck a camp for displaced families in Tarsk \
on Monday, local officials said.

“We have counted seventeen bodies so far and the number may rise,” said Dr. Ana Lind, \
a surgeon.

The camp shelters about 20,000 people who fled fighting in the hills.
"""
    later = """\
The attack on the Tarsk camp killed 51 people, including 19 children, the provincial \
government said on Thursday in a consolidated toll.

Governor Tomas Varga said the government would not return to the talks while bodies were \
still being counted.

Aid agencies said the camp's clinic had run out of dressings.
"""
    third = """\
Ostland condemned the drone attack on the Tarsk camp on Tuesday and called for a return to \
the talks.

Foreign Minister Ola Berg said Ostland was ready to host the two sides.

“Nobody wins a war on the displaced,” Berg told reporters in the capital.
"""
    story = Story(
        StoryId("camp"),
        (
            _article("a", "Camp News", "Drone strike on Tarsk camp kills 17", first, 0),
            _article("c", "Ostland Post", "Ostland condemns Tarsk camp attack", third, 30),
            _article("b", "Wire", "Tarsk camp toll reaches 51", later, 72),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("The attack on the Tarsk camp killed 51")
    assert not any("seventeen" in p.says for p in summary.perspectives)


def test_what_was_pending_before_the_turn_leaves_the_briefly() -> None:
    debate = """\
Opposition leader Ola Berg opened a three-day censure debate against Prime Minister Tomas \
Lind in the House on Tuesday, accusing the government of leaving border villages exposed.

The opposition is seeking a no-confidence vote against Lind and five ministers, including \
the defence and foreign ministers.

Berg's party holds 143 seats.
"""
    result = """\
Prime Minister Tomas Lind comfortably survived a no-confidence vote in the House on Friday, \
with 286 MPs voting to keep him in office after a three-day censure debate.

The opposition motion received 190 votes, while 11 MPs abstained.

Lind said the vote showed the coalition was stable.
"""
    wire = """\
Prime Minister Tomas Lind survived a no-confidence vote on Friday, as his coalition held \
together after three days of debate over the border.

The five ministers named in the motion also survived.
"""
    story = Story(
        StoryId("censure"),
        (
            _article(
                "a", "Harbour Post", "Berg opens censure attack on Lind over border", debate, 0
            ),
            _article(
                "b",
                "Harbour Post",
                "Lind survives with 286 votes as coalition holds firm",
                result,
                76,
            ),
            _article("c", "Wire", "Lind survives no-confidence vote", wire, 80),
        ),
    )

    briefly = [b.text for b in summarize_story(story).briefly]

    assert "survived a no-confidence vote" in briefly[0]
    assert not any("is seeking" in text for text in briefly)


STORM_MONDAY = """\
Typhoon Mara tore across the north of the island of Luzon on Monday, killing at least 12 \
people and flattening houses in the hill towns of Benguet, the disaster agency said.

Nine people are missing and more than 250,000 have been evacuated, according to the \
disaster agency in Manila.
"""
STORM_THURSDAY = """\
The death toll from Typhoon Mara on the island of Luzon rose to 47 on Thursday, the \
disaster agency said, as rescuers dug through landslides in the hill towns of Benguet.

The disaster agency in Manila said 24 people were still missing and 96 injured on the \
island of Luzon.
"""
STORM_FRIDAY = """\
The island of Luzon declared a state of calamity on Friday after Typhoon Mara killed at \
least 61 people, the disaster agency said.

The disaster agency in Manila said 61 people had died and 14 were still missing on the \
island of Luzon, most of them in the hill towns of Benguet.
"""


def test_counts_of_the_missing_a_later_report_updates_are_not_printed() -> None:
    story = Story(
        StoryId("storm"),
        (
            _article("sky", "Sky", "Typhoon Mara: at least 12 dead", STORM_MONDAY, 0),
            _article("agency", "Agency", "Death toll from Typhoon Mara rises to 47",
                     STORM_THURSDAY, 72),
            _article("paper", "Paper", "Luzon declares calamity as Mara toll rises to 61",
                     STORM_FRIDAY, 96),
        ),
    )  # fmt: skip

    summary = summarize_story(story)
    printed = [summary.headline, *_printed(summary)]

    # The newest counts (61 dead, 14 missing) are told; Monday's nine missing and
    # Thursday's 24 and its toll of 47, in the headline too, are not.
    assert "61" in summary.headline
    assert any("61" in text for text in printed[1:])
    assert not any(re.search(r"\b(?:Nine|nine|24|47)\b", text) for text in printed)


def test_a_headline_never_gives_an_older_toll_than_the_briefly_under_it() -> None:
    from digest.headline import make_headline

    story = Story(
        StoryId("storm-title"),
        (
            _article("agency", "Agency", "Death toll from Typhoon Mara in Luzon rises to 47",
                     STORM_THURSDAY, 72),
            # Title Case, which the headline passes over when it can.
            _article("paper", "Paper", "Typhoon Mara: Luzon Declares State of Calamity as "
                     "Toll Rises to 61", STORM_FRIDAY, 96),
        ),
    )  # fmt: skip
    lead = STORM_FRIDAY.split("\n\n")[0].replace("\n", " ").strip()

    assert "61" in make_headline(story, lead, lead_article=1)


def test_a_headline_gives_no_vague_count_far_below_the_briefly_toll() -> None:
    from digest.headline import make_headline

    day_one = "An earthquake struck Kunar province before dawn, flattening mountain villages."
    later = (
        "The death toll from the earthquake in Kunar province has risen to 1,124, the "
        "disaster authority said on Wednesday."
    )
    story = Story(
        StoryId("quake-title"),
        (
            _article("wire", "Wire", "Strong earthquake kills dozens in Kunar", day_one, 0),
            _article("daily", "Daily", "Kunar quake death toll climbs past 1,000", later, 50),
        ),
    )
    assert make_headline(story, later) == "Kunar quake death toll climbs past 1,000"
    # "Dozens" of 61 dead is no contradiction.
    sixty = later.replace("1,124", "61")
    assert make_headline(story, sixty) == "Strong earthquake kills dozens in Kunar"


def test_a_disasters_toll_by_its_name_is_a_toll_and_a_floor_just_below_is_the_same() -> None:
    from digest.headline import make_headline

    lead = (
        "The disaster agency said on Thursday that 117 people had died in the earthquake "
        "that struck Poso on Monday, and 40 were still missing."
    )
    story = Story(
        StoryId("quake-floor"),
        (
            _article("wire", "Wire", "Poso quake toll climbs to 74 as rescue teams arrive",
                     lead.replace("117", "74"), 0),
            _article("daily", "Daily", "Poso earthquake death toll passes 100", lead, 50),
        ),
    )  # fmt: skip
    assert make_headline(story, lead) == "Poso earthquake death toll passes 100"
    # A floor far below the toll is an older count: a title with none comes first.
    plain = _article("post", "Post", "Rescuers dig through buried villages around Poso", lead, 60)
    far = lead.replace("117", "171")
    with_plain = Story(StoryId("quake-floor"), (*story.articles, plain))
    assert make_headline(with_plain, far) == "Rescuers dig through buried villages around Poso"


def test_a_title_telling_someones_answer_gives_way_to_one_telling_the_event() -> None:
    from digest.headline import make_headline

    lead = (
        "Lawmakers in Vell on Monday passed a law allowing the government to screen and "
        "block foreign investments in mines, ports and telecommunications."
    )
    story = Story(
        StoryId("law"),
        (
            _article("daily", "Daily", "Vell passes law to vet foreign investors", lead, 0),
            _article("wire", "Wire", "Norland 'takes note' of Vell law that could block buyers",
                     "Norland said on Tuesday it had taken note of the law.", 20),
        ),
    )  # fmt: skip
    assert make_headline(story, lead) == "Vell passes law to vet foreign investors"
    # The subject the lead opens on is the story's own: its call is the news.
    call = "Norland on Monday demanded that Vell repeal its investment law within a month."
    own = Story(
        StoryId("call"),
        (
            _article("daily", "Daily", "Norland demands Vell repeal investment law", call, 0),
            _article("wire", "Wire", "Ultimatum over the Vell investment law", call, 2),
        ),
    )  # fmt: skip
    assert make_headline(own, call) == "Norland demands Vell repeal investment law"


def test_a_title_telling_what_is_to_come_gives_way_under_a_lead_telling_what_happened() -> None:
    from digest.headline import make_headline

    lead = (
        "More than 1,100 flights were cancelled across Norland on Thursday as air traffic "
        "controllers began a two-day strike, the aviation authority said."
    )
    before = "Norland air traffic controllers will strike on Thursday and Friday, the union said."
    story = Story(
        StoryId("atc"),
        (
            _article("wire", "Wire", "Norland air traffic controllers to strike Thursday and "
                     "Friday, flights to be cut", before, 0),
            _article("daily", "Daily", "Controllers' strike grounds hundreds of flights across "
                     "Norland", lead, 24),
        ),
    )  # fmt: skip
    assert make_headline(story, lead) == (
        "Controllers’ strike grounds hundreds of flights across Norland"
    )
    # Under a lead telling what is to come, the title telling it stands.
    assert "to strike" in make_headline(story, before)
    # What the sides agreed to do is what happened.
    from digest.headline import _tells_ahead

    assert _tells_ahead("Ardo to meet Vell's president at the palace")
    assert _tells_ahead("Ardo To Meet Vell's President")
    assert not _tells_ahead("Ardo to blame for border chaos, says poll")
    assert not _tells_ahead("Time to act on the harbour, mayor says")
    assert not _tells_ahead("Rescuers race to open roads as the toll climbs to 74")
    assert not _tells_ahead("Pope travels to Vell to meet its leaders")
    assert not _tells_ahead("Army and rebels agree to open two aid corridors as talks begin")
    assert not _tells_ahead("Parliament votes to hold a referendum in March")
    assert _tells_ahead("Dockers to walk out on Monday as pay talks fail")


def test_a_title_told_by_unnamed_sources_gives_way_to_one_on_record() -> None:
    from digest.headline import make_headline

    lead = (
        "Gulf leaders meeting in Ardell on Tuesday agreed a single tourist visa, while two "
        "delegations clashed over the war in Vell at the summit."
    )
    story = Story(
        StoryId("gulf"),
        (
            _article("eye", "Eye", "Delegations clashed over Vell war at Gulf summit in "
                     "Ardell, sources say", lead, 0),
            _article("daily", "Daily", "Gulf summit agrees single tourist visa", lead, 2),
        ),
    )  # fmt: skip
    assert make_headline(story, lead) == "Gulf summit agrees single tourist visa"


def test_a_clips_title_heads_no_story_a_report_tells() -> None:
    from digest.headline import make_headline

    lead = (
        "At least 23 people have died in floods in Vell province, officials said on "
        "Friday, as cars were swept away in the port city."
    )
    clip = _article(
        "tv",
        "TV",
        "WATCH | Cars swept away as floodwaters tear through Vell",
        "Residents filmed cars swept away by the water on Wednesday night.",
        10,
    )
    report = _article("paper", "Paper", "Vell floods: death toll rises to 23", lead, 12)
    story = Story(StoryId("floods"), (clip, report))  # fmt: skip
    assert make_headline(story, lead) == "Vell floods: death toll rises to 23"
    # A clip alone still has its title.
    assert "swept away" in make_headline(Story(StoryId("clip"), (clip,)), clip.text)


def test_a_transcripts_title_heads_no_story_a_report_tells() -> None:
    from digest.headline import make_headline

    lead = (
        "The ruling party won 33 of the 57 seats on the Ostby council, the electoral "
        "commission said on Sunday, as the opposition alleged vote-buying."
    )
    transcript = _article(
        "transcript",
        "Post",
        "Transcript: Electoral commission on ruling party's 33 of the 57 Ostby council seats",
        "Chairman: Good evening. The commission has counted all ballots in Ostby.",
        10,
    )
    report = _article("paper", "Post", "Ruling party sweeps Ostby council vote", lead, 9)
    story = Story(StoryId("vote"), (report, transcript))
    assert make_headline(story, lead) == "Ruling party sweeps Ostby council vote"


def test_an_editorial_joined_to_a_story_does_not_tell_its_news() -> None:
    report = """\
The central bank of Norland cut its key interest rate by a quarter point to 5% on \
Friday, citing slowing inflation and weak private investment.

The bank's governor said further cuts would depend on food prices over the winter.
"""
    leader = """\
The central bank of Norland cut its key interest rate by a quarter point to 5% on \
Friday, and it was right to do so, whatever the hawks on its board may say.

Monetary policy alone cannot revive private investment, which remains the missing \
piece of the country's growth story.

The government must now do its part by cutting red tape for the builders it courts.
"""
    editorial = _article("leader", "Leader", "Room to move: On the rate cut", leader, 3)
    editorial = dataclasses.replace(
        editorial, url="https://leader.example/opinion/editorial/rate-cut"
    )
    story = Story(
        StoryId("rate"),
        (editorial, _article("wire", "Wire", "Norland cuts rates to 5%", report, 0)),
    )

    summary = summarize_story(story)

    assert all(s.source_url.startswith("https://wire.example") for s in summary.briefly)
    assert not any("missing piece" in s.text for s in summary.also_worth_noting)


def test_an_older_count_of_the_missing_in_other_words_is_not_printed_beside_the_newer() -> None:
    monday = """\
Typhoon Mara tore across the north of Luzon on Monday, killing at least 12 people and \
flattening houses in the hill towns, officials said.

Nine people are missing and more than 250,000 have been evacuated, according to the \
country's weather service.
"""
    friday = """\
The island of Luzon declared a state of calamity on Friday after Typhoon Mara killed at \
least 61 people, with more than a dozen still missing.

Rescuers in the hill towns of Benguet dug through mud with shovels and bare hands.
"""
    story = Story(
        StoryId("storm-words"),
        (
            _article("sky", "Sky", "Typhoon Mara: at least 12 dead", monday, 0),
            _article("paper", "Paper", "Luzon declares calamity as Mara toll rises", friday, 96),
        ),
    )

    summary = summarize_story(story)
    printed = _printed(summary)

    assert "more than a dozen still missing" in summary.briefly[0].text
    assert not any(re.search(r"\b[Nn]ine people are missing\b", text) for text in printed)


def test_a_listicles_title_is_no_news_headline() -> None:
    from digest.headline import _is_news_headline

    assert not _is_news_headline("Things to watch at the harbour board meeting this week")
    assert _is_news_headline("Ottawa to pause low-wage harbour work for a year")
    # In Title Case too, of a name; a listicle's plural is no name.
    assert _is_news_headline("NATO to Open Liaison Office in Tokyo in January")
    assert not _is_news_headline("Players to Watch at the World Cup Draw")
    assert not _is_news_headline("Stocks to Watch Ahead of Fed Meeting")
    # A name the articles write inside their sentences opens one too.
    assert _is_news_headline("Lind to Visit Vell in April", names=frozenset({"Lind"}))
    assert not _is_news_headline("Lind to Visit Vell in April")


def test_a_pact_sealed_or_talks_held_is_a_headlines_verb() -> None:
    from digest.headline import _is_news_headline

    assert _is_news_headline("Norland, NATO seal partnership program")
    assert _is_news_headline("Norland and Vell ink defence pact")
    assert _is_news_headline("Norland, Vell hold talks on fishing rights")
    assert _is_news_headline("Norland and union reach tentative deal, ending strike")
    # "Hold" is a verb only before what is held.
    assert not _is_news_headline("Fishing deal on hold after Vell row")


def test_title_case_keeps_a_verbs_particle_capitalised() -> None:
    from digest.headline import _sentence_case

    # No article shows how the words are written mid-sentence: headline-style title
    # case, where a preposition is lowered and a verb's particle is not.
    assert _sentence_case("Growth Holds Up as Inflation Stays Low", []) == (
        "Growth Holds Up as Inflation Stays Low"
    )
    assert _sentence_case("Rain Knocks Out Power in Up to 400 Homes", []) == (
        "Rain Knocks Out Power in up to 400 Homes"
    )
    assert _sentence_case("Growth Holds Firm as Rates Go Up", []).endswith("Go Up")
    # A noun's "off" is a preposition: "Tariffs off the Table".
    assert _sentence_case("Tariffs Off the Table for Now", []).startswith("Tariffs off")


def test_a_one_sentence_teaser_does_not_outweigh_a_page_read_whole_for_being_short() -> None:
    teaser = "The Bank of Norland lowered its policy rate to the lowest level since 2022."
    report = """\
The Bank of Norland cut its benchmark interest rate by a quarter of a percentage point \
on Wednesday, bringing it to two per cent, as rising unemployment weighed on the economy.

Norland's unemployment rate rose to 7.3 per cent in October, the statistics office said.

Governor Ana Lind told reporters the bank would watch the job market closely.

Economists at the harbour bank said another cut in January was possible.

The currency weakened slightly against the euro after the announcement.
"""
    story = Story(
        StoryId("rates"),
        (
            _article("wire", "Wire", "Bank of Norland cuts to 2%", teaser, 0),
            _article("paper", "Paper", "Bank of Norland cuts key rate to 2%", report, 1),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("The Bank of Norland cut its benchmark")


def test_counts_of_two_groups_in_two_places_are_both_told() -> None:
    monday = """\
Typhoon Mara tore across the north of Luzon on Monday, killing at least 12 people, \
officials said.

Nine people are missing in Benguet after a landslide buried a mining camp.
"""
    friday = """\
Typhoon Mara killed at least 61 people across Luzon before moving out to sea, officials \
said on Friday, and five people were missing after their fishing boat sank off Samar.

Rescuers in the hill towns dug through mud with shovels and bare hands.
"""
    story = Story(
        StoryId("storm-two-groups"),
        (
            _article("sky", "Sky", "Typhoon Mara: at least 12 dead", monday, 0),
            _article("paper", "Paper", "Mara toll rises to 61", friday, 96),
        ),
    )

    summary = summarize_story(story)
    printed = _printed(summary)

    # Benguet's nine are not Samar's five: told apart, neither goes.
    assert any("Benguet" in text for text in printed)


def test_an_older_death_toll_told_as_the_toll_is_no_voice() -> None:
    first = """\
A powerful earthquake struck off the island of Sulawesi before dawn on Wednesday, \
flattening houses in the hill towns, officials said.

Norland's disaster agency said the death toll stands at 56, with more than 250 injured.
"""
    later = """\
The death toll from the powerful earthquake off Norland's Sulawesi island has risen to \
71, officials said on Thursday, as rescuers dug through rubble.

Aid flights landed at the airport near Donggala, where runways were undamaged.
"""
    story = Story(
        StoryId("quake-voice"),
        (
            _article("wire", "Wire", "Quake off Sulawesi flattens houses", first, 0),
            _article("paper", "Paper", "Sulawesi quake death toll rises to 71", later, 26),
        ),
    )

    summary = summarize_story(story)
    printed = _printed(summary)

    assert not any("56" in text for text in printed)


def test_a_note_with_a_lower_toll_than_the_briefly_is_left_out() -> None:
    first = """\
A powerful earthquake struck off the island of Sulawesi before dawn on Wednesday, \
flattening houses in the hill towns, officials said.

Rescuers searched collapsed houses in the hills above Donggala for survivors.

Thick mud covered the coastal road to the provincial capital, Palu.

At least 56 people have been killed, most of them in Donggala regency.
"""
    later = """\
The death toll from the powerful earthquake off the island of Sulawesi has risen to \
71, officials said on Thursday, as rescuers dug through rubble.

Aid flights landed at the airport near Donggala, where runways were undamaged.
"""
    story = Story(
        StoryId("quake-note"),
        (
            _article("wire", "Wire", "Quake off Sulawesi flattens houses", first, 0),
            _article("paper", "Paper", "Sulawesi quake death toll rises to 71", later, 26),
        ),
    )

    summary = summarize_story(story)

    assert "71" in summary.briefly[0].text
    assert not any("56" in s.text for s in summary.also_worth_noting)


def test_a_note_with_another_places_toll_stays() -> None:
    first = """\
A powerful earthquake struck off the island of Sulawesi before dawn on Wednesday, \
flattening houses in the hill towns, officials said.

Rescuers searched collapsed houses in the hills above Donggala for survivors.

Thick mud covered the coastal road to the provincial capital, Palu.

Three people were killed in Gorontalo, across the gulf, when a market hall collapsed.
"""
    later = """\
The death toll from the powerful earthquake off the island of Sulawesi has risen to \
71, officials said on Thursday, as rescuers dug through rubble.

Aid flights landed at the airport near Donggala, where runways were undamaged.
"""
    story = Story(
        StoryId("quake-note-elsewhere"),
        (
            _article("wire", "Wire", "Quake off Sulawesi flattens houses", first, 0),
            _article("paper", "Paper", "Sulawesi quake death toll rises to 71", later, 26),
        ),
    )

    summary = summarize_story(story)
    printed = [s.text for s in (*summary.briefly, *summary.also_worth_noting)]

    assert any("Gorontalo" in text for text in printed)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Estonia and Latvia sign border treaty", True),
        ("IMF staff, Norland reach agreement on loan review", True),
        ("Donors pledge $11.6 billion for Vell at Lisbon conference", True),
        # A verb that is a noun here: no headline.
        ("Winter storm warning for Scotland", False),
        ("Rocket launch from the north coast tonight", False),
        ("A welcome change for the harbour", False),
        ("The long reach of the navy", False),
    ],
)
def test_a_plural_subjects_verb_makes_a_headline_and_a_noun_does_not(
    title: str, headline: bool
) -> None:
    from digest.headline import _is_news_headline

    assert _is_news_headline(title) is headline


def test_a_headline_word_is_cased_as_the_articles_write_it_beside_its_neighbour() -> None:
    from digest.headline import _sentence_case

    # "Court" and "Bank" are names' words too ("the Vell Arbitration Court", "Bank of
    # Norland"); beside "Vell" and "central" the articles write them in lower case.
    texts = [
        "A Vell arbitration court on Thursday ordered the depository to pay Norland's "
        "central bank about $230 billion. The Vell court ruling was dismissed as a stunt, "
        "and it orders nothing abroad. The central bank filed the suit to pay its debts. "
        "A spokesman for the Vell Arbitration Court said the claim was granted in full, "
        "and the Bank of Norland welcomed it."
    ]
    assert (
        _sentence_case(
            "Vell Court Orders Depository to Pay Norland's Central Bank $230 Billion", texts
        )
        == "Vell court orders depository to pay Norland's central bank $230 billion"
    )
    # Written with its capitals beside its neighbour, a name keeps them.
    assert _sentence_case(
        "Norland Central Bank Cuts Rates to Pay Debts",
        ["Each year the Norland Central Bank cuts rates to pay debts, and the bank said so."],
    ) == ("Norland Central Bank cuts rates to pay debts")


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        # A comparison of this count with the war's others: the count is this attack's.
        (
            "At least 40 civilians were killed at the market, in one of the deadliest "
            "attacks on the city since the war began.",
            False,
        ),
        # A running total, a year's count: another count.
        ("More than 40,000 people have been killed in Vell since the war began.", True),
        (
            "At least 70,000 people have died in the worst humanitarian crisis since the war "
            "began.",
            True,
        ),
        ("In 2018 a quake killed more than 4,300 people.", True),
    ],
)
def test_a_count_compared_with_the_wars_others_is_this_events(sentence: str, other: bool) -> None:
    from digest.tolls import other_count

    assert other_count(sentence) is other


def test_words_a_speaker_added_are_no_background_note() -> None:
    from digest.summarize import _is_note

    added = (
        "The regional security forum, which Vell joined in 2023, offers a better model "
        "based on mutual respect, the professor added."
    )
    assert not _is_note(added, 5)
    assert not _is_note(
        "Rents in Ostra have doubled since 2015, Maria Costa, a professor at Ostra "
        "University, added.",
        5,
    )
    assert _is_note("Troops were added to the border force in 2019.", 5)
    assert _is_note(
        "Ostra's metro opened in 1998 with 12 stations; four more have since been added.", 5
    )


def test_a_gallerys_captions_are_no_news_or_background_beside_a_report() -> None:
    report = """\
Flash floods killed at least nine people in the city of Ostra on Monday night, \
officials said on Tuesday.

Rescue teams searched the river banks for two missing children.

The city was last flooded in 2021, when 12 people died.
"""
    gallery = """\
Residents of Ostra spent Wednesday clearing mud from their homes and shops.

Civil defence teams pump water out of an underpass on the 60-metre road.

A woman carries a rug to dry on a wall in the old town, built in 1820 beside the river.
"""
    story = Story(
        StoryId("floods"),
        (
            _article("a", "A", "Flash floods kill nine in Ostra", report, 0),
            _article("b", "B", "In Pictures: Ostra digs out after the floods", gallery, 30),
        ),
    )

    summary = summarize_story(story)

    # The report tells the news; the pictures' captions are neither news nor background.
    printed = [s.text for s in (*summary.briefly, *summary.also_worth_noting)]
    assert not any("underpass" in n or "rug" in n for n in printed)


def test_an_older_lower_toll_or_state_is_no_second_sentence_under_the_newest_toll() -> None:
    day_one = """\
At least a dozen people were killed after Typhoon Marisol made landfall in Guiuan late \
Monday, the civil defence office said on Tuesday.

Signal No. 4 remains raised over the eastern islands.

More than 200,000 people were moved to evacuation centres before the storm hit, the \
disaster agency said.
"""
    day_three = """\
The death toll from Typhoon Marisol climbed to 41 on Thursday, with 12 people still \
missing, as the president ordered the release of P2 billion for the rehabilitation of \
typhoon-hit areas.

Relief flights resumed to the worst-hit island after its airport reopened on Thursday.
"""
    day_two = """\
According to the disaster agency, 27 people have been confirmed dead in Samar and Leyte \
provinces after Typhoon Marisol.

Rescuers reached three villages cut off by landslides.
"""
    story = Story(
        StoryId("marisol"),
        (
            _article(
                "one", "Island Wire", "At least a dozen dead as Typhoon Marisol hits", day_one, 0
            ),
            _article("two", "Sea Post", "Marisol toll reaches 27", day_two, 30),
            _article("three", "Capital Daily", "Marisol toll climbs to 41", day_three, 72),
        ),
    )

    briefly = [s.text for s in summarize_story(story).briefly]

    assert briefly[0].startswith("The death toll from Typhoon Marisol climbed to 41")
    # Not "at least a dozen" nor "27" beside 41, nor day one's signal as this week's.
    assert not any("dozen" in s or " 27 " in s or "Signal" in s for s in briefly[1:]), briefly
    # The rest is chosen again from what is left.
    assert len(briefly) >= 2, briefly


def test_the_ruling_leads_the_reaction_under_its_dek_and_a_lede_below_furniture_counts() -> None:
    ruling = """\
The High Court in Port Vell has suspended a 30-year concession that would have handed four \
container berths to a Gulf port operator, pending a full hearing.

Justice Ana Lind ruled on Tuesday that the dockworkers had raised serious questions about \
whether the port authority had consulted the public.
"""
    reaction = """\
Gulf operator says it remains committed to Vell

Harbour Gate Ports said on Wednesday it was "disappointed" by a Vell court order \
suspending its 30-year concession to run four container berths at the port.

The company said it respected the courts and was confident the deal was lawful.
"""
    story = Story(
        StoryId("berths"),
        (
            _article("east", "East Paper", "Vell court suspends port concession", ruling, 2),
            _article(
                "gulf", "Gulf Daily", "Harbour Gate 'disappointed' by Vell ruling", reaction, 20
            ),
        ),
    )

    summary = summarize_story(story)

    assert summary.briefly[0].text.startswith("The High Court in Port Vell"), summary.briefly
    # A lede under a dek leads over a vow of a response.
    loan = """\
Ministers seal the deal after a year of talks

Finance ministers agreed on Thursday to lend Vell 140 billion euros backed by frozen \
central bank assets, after Ostland dropped its objection.

Ostland agreed after the others promised to share the risk.
"""
    kremlin = """\
The Kremlin on Friday vowed a "painful" response to the ministers' decision to lend Vell \
140 billion euros backed by frozen central bank assets.

"This is theft," the Kremlin's spokesman said.
"""
    feature = """\
It took a year, three summits and many late-night calls, but the ministers finally agreed.

The loan will be paid out over two years.
"""
    story = Story(
        StoryId("loan"),
        (
            _article("brx", "Brussels Post", "Ministers agree Vell loan", loan, 2),
            _article("msk", "Moscow Wire", "Kremlin vows response to loan", kremlin, 20),
            _article("mag", "Weekly", "How the loan was won", feature, 30),
        ),
    )

    assert summarize_story(story).briefly[0].text.startswith("Finance ministers agreed")


def test_a_source_title_set_in_capitals_is_printed_in_sentence_case() -> None:
    from digest.headline import from_capitals

    text = (
        "The Nigeria Labour Congress (NLC) began a strike in Abuja on Monday, and the "
        "EU urged talks."
    )
    assert from_capitals("NLC STRIKE: NATIONWIDE SHUTDOWN AS LABOUR DIGS IN IN ABUJA", [text]) == (
        "NLC strike: nationwide shutdown as Labour digs in in Abuja"
    )
    assert from_capitals("US AND EU SAY HE WILL GO", [text]) == "US and EU say he will go"
    assert from_capitals("NIGERIA'S UNIONS DIG IN", [text]) == "Nigeria's unions dig in"
    # A title with lower-case letters is as written.
    assert from_capitals("Strike: FG invites labour to talks", [text]) == (
        "Strike: FG invites labour to talks"
    )
    story = Story(
        StoryId("strike"),
        (
            _article(
                "ng", "Lagos Paper", "NLC STRIKE: NATIONWIDE SHUTDOWN AS LABOUR DIGS IN", text, 0
            ),
            _article("gt", "Gulf Paper", "Nigeria paralysed by general strike", text, 2),
        ),
    )
    titles = {s.outlet: s.title for s in summarize_story(story).sources}
    assert titles["Lagos Paper"] == "Nationwide shutdown as Labour digs in"


def test_a_story_told_at_stages_is_headed_by_the_stage_its_briefly_leads_with() -> None:
    from digest.headline import make_headline

    raid = (
        "Gunmen abducted 38 students and two teachers in a raid on a boarding school in "
        "Vell province on Monday night, police said."
    )
    rescue = (
        "Troops have rescued 17 of the 38 students abducted by gunmen in a raid on a "
        "boarding school in Vell province on Monday, the army said on Wednesday."
    )
    rescued = "Troops rescue 17 abducted Vell pupils"
    story = Story(
        StoryId("s-vell"),
        (
            _article("a", "Wire", "Gunmen abduct 38 students in Vell school raid", raid, 0),
            _article("b", "Post", "Gunmen seize 38 students in Vell school raid", raid, 6),
            _article("c", "Daily", rescued, rescue, 52),
        ),
    )
    assert make_headline(story, rescue, lead_article=2) == rescued
    # Told the same day, the rescue report is one more report: the outlets' majority heads.
    same_day = Story(
        story.id, (*story.articles[:2], dataclasses.replace(story.articles[2], published=T0))
    )
    assert make_headline(same_day, rescue, lead_article=2) != rescued
    # A late report titled by something else than its lead retells: not its title.
    condemned = Story(
        story.id,
        (
            *story.articles[:2],
            _article("d", "Daily", "UN chief condemns Vell school abduction", raid, 50),
        ),
    )
    assert (
        make_headline(condemned, raid, lead_article=2) != "UN chief condemns Vell school abduction"
    )


def test_the_weeks_count_of_the_displaced_is_no_background_note() -> None:
    from digest.summarize import _is_note

    assert not _is_note("More than 22,000 people have been displaced.", 5)
    assert not _is_note("About 300 people are still missing in the hill towns.", 5)
    # Another time's counts are background.
    assert _is_note("Floods in 2022 left more than 40,000 people displaced in the region.", 5)
    assert _is_note("Some 4,000 people remain missing from the civil war of the 1990s.", 5)
    assert not _is_note("At least 40 people were injured in the blast at the market.", 5)
    assert not _is_note("At least 200 people remain missing, the worst in the nation's history.", 5)
    assert _is_note("Roughly 70,000 people are still missing in the drug war.", 5)


def test_a_headline_naming_no_country_gets_the_one_its_story_is_in() -> None:
    from digest.headline import placed_headline

    texts = [
        "Transport operators in Nepal called off their strike on Tuesday. Trucks queued at "
        "the Birgunj crossing into Nepal on Wednesday, the Transport Minister said. Buses ran "
        "again across Nepal after the transport strike. India's exporters welcomed the deal."
    ]
    head = "Transport strike called off after government agrees to review vehicle tax"
    assert placed_headline(head, "The strike is over.", texts) == f"Nepal: {head}"
    # Named already, in the headline or the line under it; or no clear country.
    assert placed_headline("Nepal strike ends", "", texts) == "Nepal strike ends"
    assert placed_headline(head, "Nepal's truckers went back to work.", texts) == head
    even = ["Nepal and India signed a deal. Nepal and India will meet again."]
    assert placed_headline(head, "", even) == head
    korea = ["South Korea's court ruled. Seoul said North Korea fired a missile."]
    assert placed_headline(head, "", korea) == head
    # A label's colon, or the country in a body's name, leaves the headline as it is.
    assert placed_headline(f"Strike: {head}", "", texts) == f"Strike: {head}"
    # A headline naming a body or a person is theirs: the country named most may be
    # the one it is aimed at.
    chips = [
        "The Senate voted to curb exports of advanced chips to China. China called the vote "
        "hostile. Exports to China fell last year. The Senate will vote again in March."
    ]
    curb = "Senate passes bill to curb advanced chip exports"
    assert placed_headline(curb, "", chips) == curb
    posts = ["Canada Post workers went on strike in Canada. Mail stopped across Canada."]
    assert placed_headline("Canada Post and union reach deal", "", posts) == (
        "Canada Post and union reach deal"
    )
    # A body's initials name no one a reader abroad can place.
    votes = [
        "The CEC of Nepal approved the final results. Voters in Nepal backed the change. "
        "Turnout in Nepal was 61.8%, the CEC said."
    ]
    cec = "CEC announces final results of national referendum"
    assert placed_headline(cec, "", votes) == f"Nepal: {cec}"
    # A meeting's place is no place of the story; the capital where it happens is.
    truce = [
        "The river militias signed a truce in Lusaka on Monday after three days of talks in "
        "Lusaka. The Lusaka talks had been brokered in Lusaka by the regional bloc."
    ]
    collapse = "River truce collapses as shelling kills nine"
    assert placed_headline(collapse, "", truce) == collapse
    met = [
        "The militias met in Lusaka on Monday. Talks in Lusaka went on. They met again in Lusaka."
    ]
    assert placed_headline(collapse, "", met) == collapse
    # A country after "talks" is the story's: "talks on ending the war in Sudan".
    war = ["Talks on ending the war in Sudan stalled. The truce in Sudan collapsed on Friday."]
    assert placed_headline(collapse, "", war) == f"Sudan: {collapse}"
    at_home = ["Police in Harare arrested 40 traders. Vendors in Harare vowed to return."]
    assert placed_headline(collapse, "", at_home) == f"Zimbabwe: {collapse}"


def test_a_day_ahead_told_twice_is_told_once() -> None:
    texts = [
        "Harbour ministers on Friday agreed the legal text of a loan to rebuild the ferry "
        "port. The final decision is expected at the harbour council on December 17-18.",
        "The harbour ministers' deal clears the way for the loan. Leaders of the 12 port "
        "towns will meet in Setubal on 17 and 18 December to take the final decision.",
    ]
    articles = [
        _article(f"d{n}", f"Outlet {n}", "Ministers agree port loan", t, n)
        for n, t in enumerate(texts)
    ]
    summary = summarize_story(Story(StoryId("s"), tuple(articles)))
    assert summary.briefly_text.count("final decision") == 1, summary.briefly_text


def test_a_title_giving_another_magnitude_than_the_lead_does_not_head_it() -> None:
    from digest.headline import make_headline

    articles = [
        _article("w1", "Wire", "6.2-magnitude quake jolts the island -- USGS",
                 "A 6.2-magnitude earthquake jolted the island on Tuesday, the USGS said.", 0),
        _article("w2", "Island Times", "Strong quake shakes the island's north coast",
                 "A magnitude 6.4 earthquake shook the island at 3:42 a.m. on Tuesday, the "
                 "national seismic network said.", 2),
    ]  # fmt: skip
    story = Story(StoryId("s"), tuple(articles))
    lead = "A magnitude 6.4 earthquake shook the island at 3:42 a.m. on Tuesday."
    headline = make_headline(story, lead, lead_article=1)
    assert headline == "Strong quake shakes the island’s north coast"


def test_a_title_giving_the_briefs_toll_heads_a_toll_story() -> None:
    from digest.headline import make_headline

    articles = [
        _article("f1", "City Times", "Fire engulfs commercial complex in the old town, several "
                 "feared trapped", "A fire broke out at a commercial complex in the old town "
                 "on Wednesday night.", 0),
        _article("f2", "Town Post", "Four dead, 11 injured as fire guts old town complex",
                 "Four people died when a fire gutted a commercial complex in the old town.", 8),
        _article("f3", "Wire", "Death toll from old town market fire rises to 6",
                 "The death toll from a fire that broke out at a commercial complex in the old "
                 "town on Wednesday night has risen to six, police said on Thursday.", 20),
    ]  # fmt: skip
    story = Story(StoryId("s"), tuple(articles))
    lead = (
        "The death toll from a fire that broke out at a commercial complex in the old town "
        "on Wednesday night has risen to six, police said on Thursday."
    )
    headline = make_headline(story, lead, lead_article=2, told=lead)
    assert headline == "Death toll from old town market fire rises to 6"


def test_a_titles_explainer_tail_is_not_its_headline() -> None:
    from digest.headline import make_headline

    text = (
        "Labour and four other parties reached a deal on next year's harbour budget late on "
        "Friday, clearing the way for a vote on the 15th."
    )
    deal = _article(
        "n1", "Harbour Local", "Ferry town strikes budget deal: What changes for residents", text, 0
    )
    assert make_headline(Story(StoryId("s"), (deal,)), text) == "Ferry town strikes budget deal"


def test_two_facts_of_one_day_sharing_the_storys_words_are_both_told() -> None:
    from digest.briefly import score_sentences
    from digest.summarize import _says_again

    texts = [
        "Parliament will vote on the harbour bill on December 17.",
        "Dockers plan a general strike on December 17 if parliament passes the bill.",
    ]
    scored = score_sentences(texts, frozenset(), titles=["Parliament to vote on harbour bill"])
    assert not _says_again(scored, 1, [0])


def test_no_deaths_told_on_day_one_gives_way_to_a_later_death() -> None:
    articles = [
        _article("q1", "Island Times", "Strong quake shakes the island's north coast",
                 "A magnitude 6.4 earthquake shook the island at 3:42 a.m. on Tuesday, the "
                 "seismic network said. The emergency commission said there were no immediate "
                 "reports of deaths. Power was cut in three towns.", 0),
        _article("q2", "Island Times", "One dead, 46 homes damaged after north coast quake",
                 "A 62-year-old man died in Hojancha after a wall collapsed on him during "
                 "Tuesday's earthquake, the emergency commission said on Wednesday.", 30),
    ]  # fmt: skip
    summary = summarize_story(Story(StoryId("s"), tuple(articles)))
    assert "no immediate reports of deaths" not in summary.briefly_text


def test_a_note_giving_the_headlines_figure_is_the_weeks_news_again() -> None:
    from digest.summarize import _select_notes

    text = (
        "The death toll from floods in the Norby district rose to nine on Tuesday, the "
        "disaster agency said. Nearly 3,000 people are now in 40 relief camps across the "
        "district, the agency said. Rivers in the district burst their banks for a third "
        "day. Mayor Ana Lind wrote to Prime Minister Tomas Varga seeking interim relief of "
        "2,500 crowns from the national disaster fund for the flooded district."
    )
    scored = score_sentences([text], frozenset(), titles=["Norby flood toll rises to 9"])
    shown = {0, 1, 2}
    assert _select_notes(scored, shown, [], 3) == [3]
    headline = "Norby flood toll rises to 9; mayor seeks 2,500 crowns from state"
    assert _select_notes(scored, shown, [], 3, headline=headline) == []
    # A name's or a year's digits are no figure the note repeats.
    named = "G2500 mayors meet over Norby floods in Budget 2026 talks"
    assert _select_notes(scored, shown, [], 3, headline=named) == [3]


def test_a_names_digits_are_no_headline_figure() -> None:
    from digest.summarize import _HEADLINE_FIGURE

    headline = "Covid-19 cases rise to 40 in Norby as F-16 jets fly 2,500 km"
    assert _HEADLINE_FIGURE.findall(headline) == ["40", "2,500"]


def test_a_title_a_day_older_than_the_leads_report_gives_way_to_its_title() -> None:
    envoys = "EU envoys back reparations loan for Vell, Norland still wants guarantees"
    lifted = "Norland lifts objection to reparations loan for Vell"
    lead = (
        "Norland on Friday dropped its objection to the EU reparations loan for Vell, after "
        "the other member states agreed to share the legal risks, diplomats said."
    )
    story = Story(
        StoryId("s"),
        (
            _article("a", "Harbour Post", envoys, "EU envoys backed the loan on Wednesday.", 0),
            _article("b", "Ridge Times", envoys, "EU envoys backed the loan on Wednesday.", 1),
            _article("c", "Island Times", lifted, lead, 50),
            _article("d", "Vell Daily", "Moscow threatens seizures over loan", "Moscow said.", 70),
        ),
    )
    assert make_headline(story, lead, lead_article=2) == lifted
    # Within a day of the title's report, the titles' consensus heads it.
    close = Story(
        StoryId("s"),
        (
            *story.articles[:2],
            dataclasses.replace(story.articles[2], published=T0 + timedelta(hours=12)),
        ),
    )
    assert make_headline(close, lead, lead_article=2) != lifted


def test_a_live_pages_newest_toll_is_told_after_every_report_and_heads_nothing() -> None:
    # The live page opened on the quake's morning; its top entry's toll came after the
    # day-two report's. Its title is its running label, no headline.
    live = _article(
        "live",
        "Island Times",
        "Vell earthquake LIVE: death toll rises to 19, new aftershock",
        "This page is updated continuously.\n\nToll rises to 19.\n\nVell's civil defence "
        "agency raises the number of dead to 19 in its latest bulletin after rescuers "
        "recovered two bodies from a collapsed house.\n\nIndeci updates: 14 dead, 160 "
        "injured.",
        0,
    )
    report = _article(
        "report",
        "Harbour Post",
        "Norland flies aid to quake-hit Vell",
        "A Norland air force plane landed in Vell on Friday with 12 tonnes of tents and "
        "water, a day after a magnitude 6.9 earthquake in southern Vell that left at least "
        "14 people dead. Rescue teams reached the coastal villages by helicopter.",
        30,
    )
    first = _article(
        "first",
        "Island Times",
        "Magnitude 6.9 earthquake hits Vell: six dead",
        "A magnitude 6.9 earthquake struck southern Vell before dawn on Thursday, killing "
        "at least six people and damaging hundreds of homes, the civil defence agency said.",
        2,
    )
    summary = summarize_story(Story(StoryId("quake"), (live, first, report)))
    assert "to 19" in summary.briefly_text
    assert "six people" not in summary.briefly_text
    assert "LIVE" not in summary.headline


def test_a_live_pages_revised_toll_under_its_standing_lines_leads_and_titles_the_story() -> None:
    # Four standing lines above the newest entry; its title, its label cut off, gives
    # the revised toll, and a report of aid tells none.
    live = _article(
        "live",
        "Island Times",
        "LIVE UPDATES: Cyclone Tarsk death toll revised to 38",
        "Latest updates on Cyclone Tarsk, which made landfall near Ostby on Monday night. "
        "Newest updates appear first. Emergency hotline: 117.\n\nLIVE\n\nDeath toll revised "
        "down to 38\n\nThe disaster centre has revised the death toll from Cyclone Tarsk to "
        "38, down from the 41 announced this morning, after it found that three deaths had "
        "been recorded twice. Nine people remain missing.\n\nToll rises to 41\n\nThe "
        "centre said 41 people have died and 11 are missing.",
        30,
    )
    aid = _article(
        "aid",
        "Harbour Post",
        "Norland readies aid package for cyclone-hit Vell, say officials",
        "Norland is preparing an aid package for Vell after Cyclone Tarsk crossed the coast "
        "near Ostby, officials said. At least 19 people have died, the disaster centre said.",
        10,
    )
    summary = summarize_story(Story(StoryId("cyclone"), (live, aid)))
    assert summary.briefly_text.startswith("The disaster centre has revised the death toll")
    assert summary.headline == "Cyclone Tarsk death toll revised to 38"


def test_what_was_undecided_before_a_vote_is_no_voice_or_note_under_its_result() -> None:
    before = _article(
        "before",
        "Vell Daily",
        "Lind forces budget through, opposition files censure motions",
        "Prime Minister Lind Harald forced the 2027 budget through parliament without a vote "
        "on Monday, and the opposition filed two censure motions against his government. "
        "The fate of the government rests with the Farmers' Party, whose 41 deputies could "
        "tip the balance. Farmers' Party leader Ostrov Dan said his party had not made up its "
        "mind. The motions will be debated on Thursday.",
        0,
    )
    after = _article(
        "after",
        "Vell Wire",
        "Lind government survives censure vote by 12 votes",
        "The government of Prime Minister Lind Harald survived a censure vote in parliament on "
        "Thursday evening, when the main motion received 139 votes, 12 short of the majority "
        "needed. On Monday, Ostrov Dan had said the Farmers' Party would \"decide at the last "
        'minute" and would judge the prime minister on his pension offer. The opposition '
        "said it would take the budget to the constitutional court, which has a month to rule.",
        75,
    )
    summary = summarize_story(Story(StoryId("s"), (before, after)))
    printed = " ".join(_printed(summary))
    assert summary.briefly_text.startswith("The government of Prime Minister Lind Harald survived")
    assert "tip the balance" not in printed
    assert "made up its mind" not in printed
    assert "last minute" not in printed


def test_a_forecast_of_the_votes_outcome_is_no_briefly_voice_or_note_under_its_result() -> None:
    before = _article(
        "before",
        "Ridge Radio",
        "Harland faces confidence test after nine MPs defect",
        "Prime Minister Tomas Harland will face a motion of no confidence on Thursday after "
        "nine government MPs crossed the floor over a mining royalties dispute. Opposition "
        "leader Ana Sorell claimed the opposition now had 31 members in the 60-seat "
        "parliament, enough to carry the motion if all of them turn up. Analyst Mira Kell "
        "said the outcome would depend on how many defectors the government could win back "
        "before the vote.",
        0,
    )
    after = _article(
        "after",
        "Coast Wire",
        "Harland survives no-confidence vote",
        "Prime Minister Tomas Harland has survived a motion of no confidence in parliament, "
        "ending a week of uncertainty that began when nine government MPs defected.",
        72,
    )
    summary = summarize_story(Story(StoryId("s"), (before, after)))
    printed = " ".join(_printed(summary))
    assert summary.briefly_text.startswith("Prime Minister Tomas Harland has survived")
    assert "would depend on" not in printed
    assert "enough to carry the motion" not in printed


def test_a_vote_still_ahead_is_no_forecast_of_an_earlier_result() -> None:
    before = _article(
        "before",
        "Ridge Radio",
        "Vell referendum set for December",
        "Vell will hold a referendum on the new constitution on 17 December. Voters will "
        "decide whether to replace the 1980 charter, which the opposition has called a "
        "relic of military rule.",
        0,
    )
    after = _article(
        "after",
        "Coast Wire",
        "Left-wing parties reject draft constitution",
        "Vell's left-wing parties on Wednesday rejected the draft constitution that goes to "
        "a referendum on 17 December, saying it kept too many of the old charter's powers.",
        72,
    )
    summary = summarize_story(Story(StoryId("s"), (before, after)))
    assert "Voters will decide" in " ".join(_printed(summary))


def test_the_talks_state_before_a_deal_is_no_voice_or_note_under_the_deal() -> None:
    before = _article(
        "before",
        "Vell Daily",
        "Vell and Norland trade talks stall over steel quotas",
        "Trade negotiators from Vell and Norland broke off a third round of talks in Ardell on "
        "Monday without agreeing on steel quotas, officials said. “We are still far apart on "
        "steel, and there is no deal in sight before the new year. Our farmers deserve better "
        "than a rushed text,” Trade Minister Ostrov Dan told reporters. Norland's farm lobby "
        "urged both governments to close the deal before the spring planting season. Steel "
        "makes up a fifth of Vell's exports to Norland.",
        0,
    )
    after = _article(
        "after",
        "Vell Wire",
        "Vell and Norland sign trade agreement in Ardell",
        "Vell and Norland signed a free-trade agreement in Ardell on Wednesday that removes "
        "tariffs on 98 per cent of goods, ending two years of talks. “This is the best deal "
        "our farmers have ever had,” Trade Minister Ostrov Dan said after the signing. "
        "Norland's parliament is expected to ratify the agreement in March, and the "
        "steel quotas will be phased out over five years, the two governments said.",
        50,
    )
    summary = summarize_story(Story(StoryId("s"), (before, after)))
    printed = " ".join(_printed(summary))
    assert summary.briefly_text.startswith("Vell and Norland signed a free-trade agreement")
    assert "far apart" not in printed
    assert "close the deal" not in printed
    # The minister's words after the signing, not before it.
    assert [p.says for p in summary.perspectives if p.who.endswith("Ostrov Dan")] == [
        "“This is the best deal our farmers have ever had.”"
    ]


@pytest.mark.parametrize(
    ("lead", "done"),
    [
        ("Vell and Norland signed a free-trade agreement in Ardell on Wednesday.", True),
        ("Envoys agreed late on Wednesday on a system of guarantees for the loan.", True),
        ("The round ended on Wednesday without having reached a deal.", False),
        ("Ministers have not yet reached an agreement on the loan.", False),
        ("Farmers signed a petition against the agreement on Wednesday.", False),
        ("The sides agreed to keep talking about a deal next month.", False),
        ("Neither side has signed the agreement yet.", False),
        ("Ministers hope to have agreed the accord by Friday.", False),
    ],
)
def test_a_deal_done_is_told_apart_from_one_missed(lead: str, done: bool) -> None:
    from digest.summarize import _tells_deal_done

    assert _tells_deal_done(lead) is done


@pytest.mark.parametrize(
    ("sentence", "before_deal"),
    [
        ("The text of the accord that the two countries are expected to sign was complete.", True),
        ("Officials said the leaders were due to sign the pact in Aqaba.", True),
        ("We are still far apart on steel.", True),
        ("The spokesman said the talks were “constructive and continuing”.", True),
        ("He said the remaining points are technical.", True),
        ("Vell wants a transit fee that Norland considers too high.", True),
        ("The Commission has proposed lending Vell up to €140 billion.", False),
        # What the deal is expected to do once signed is the deal's news.
        ("Parliament is expected to ratify the agreement in March.", False),
        ("The leaders signed the pact in Aqaba on Saturday.", False),
    ],
)
def test_a_signing_still_ahead_is_the_talks_state_before_a_deal(
    sentence: str, before_deal: bool
) -> None:
    from digest.summarize import _NOT_YET

    assert bool(_NOT_YET.search(sentence)) is before_deal
