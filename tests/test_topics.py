"""Matching stories to the editors' standing topics, on hand-written articles."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest.config import TopicConfig
from digest.continuity import gather_examples
from digest.editorial import EditorialPlan
from digest.ids import article_id_for
from digest.models import (
    Article,
    FeedEntry,
    FetchOutcome,
    FetchResult,
    Issue,
    NewsWindow,
    Story,
    StoryId,
    StorySummary,
    TextOrigin,
    TopicSection,
)
from digest.select import select_stories
from digest.store import Store, open_store
from digest.topics import TopicExample, match_topics, stem
from tests.test_cluster import _article as cluster_article

T0 = datetime(2026, 11, 16, 8, 0, tzinfo=UTC)
FROZEN = TopicConfig(
    name="Frozen Russian assets",
    keywords=("frozen assets", "Euroclear", "reparations loan"),
    description="Using immobilised Russian central-bank assets to fund Ukraine.",
)
ARCTIC = TopicConfig(name="Greenland", keywords=("Greenland", "Nuuk"), description="")
US = TopicConfig(name="United States", keywords=("US",), description="")


def _article(slug: str, title: str, text: str) -> Article:
    return cluster_article(f"https://wire.example/{slug}", "Wire", title, text)


def _story(*articles: Article) -> Story:
    return Story(id=StoryId("s-" + articles[0].url.rsplit("/", 1)[1]), articles=articles)


def _topic_of(story: Story, *topics: TopicConfig, examples: tuple[TopicExample, ...] = ()) -> str:
    matching = match_topics([story], topics, examples)
    return matching.placed[0].topic if matching.placed else ""


def test_an_article_on_frozen_russian_assets_lands_under_its_standing_topic() -> None:
    """The held-out seed case: the keyword says "frozen assets", the article never
    writes those two words side by side."""
    article = _article(
        "asset-debate",
        "The Russian asset debate dividing Europe",
        "$245B in frozen Russian assets sits in a Brussels clearing house, and the "
        "question of who may touch it has split the European Union's capitals.\n\n"
        "Belgium, where most of the money is held, wants guarantees before it agrees to "
        "lend against it. Germany says the plan is the only way to keep Kyiv solvent.",
    )
    story = _story(article)
    matching = match_topics([story], [ARCTIC, FROZEN])
    [placed] = matching.placed
    assert placed.topic == "Frozen Russian assets"
    assert placed.story.why.startswith('topic "Frozen Russian assets": keywords frozen assets')


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("EU leaders back an asset freeze on Moscow's reserves", "Frozen Russian assets"),
        ("Ministers froze the assets of three Russian banks", "Frozen Russian assets"),
        ("Russia's assets, frozen since 2022, earn Euroclear a windfall", "Frozen Russian assets"),
        ("Assets were frozen in place at the start of the war", "Frozen Russian assets"),
        # Two words of the phrase too far apart, and a different sense of one of them.
        ("Frozen lakes in the north draw skaters as local tourism assets grow", ""),
        ("Frozen food sales climb in Belgium", ""),
    ],
)
def test_keyword_phrases_match_in_any_inflection_order_and_with_a_gap(
    title: str, expected: str
) -> None:
    story = _story(_article("a", title, title + " Officials gave no further details."))
    assert _topic_of(story, FROZEN) == expected


def test_stems_are_consistent_across_inflections() -> None:
    assert {stem(w) for w in ("freeze", "froze", "frozen", "freezing", "freezes")} == {"freez"}
    assert stem("assets") == stem("asset")
    assert stem("seized") == stem("seize") and stem("immobilized") == stem("immobilised")
    assert stem("economies") == stem("economy") and stem("banned") == stem("ban")


def test_a_short_acronym_keyword_matches_only_in_capitals() -> None:
    ours = _story(_article("us", "Tell us what you think", "Write to us with your questions."))
    theirs = _story(_article("usa", "US and China agree on chips", "The US said on Monday..."))
    assert _topic_of(ours, US) == ""
    assert _topic_of(theirs, US) == "United States"


def test_a_capitalised_keyword_is_a_name_and_a_lowercase_one_matches_any_case() -> None:
    tech = TopicConfig(name="Tech companies", keywords=("Apple", "chip exports"), description="")
    recipe = _story(
        _article(
            "salad",
            "A winter salad for busy weeks",
            "Slice one medium apple and one small apple. Add a grated apple to the dressing "
            "and keep a fourth apple for later.",
        )
    )
    company = _story(_article("iphone", "APPLE CUTS IPHONE PRICES", "The company said so."))
    exports = _story(_article("chips", "Chip Exports to China Fall", "Officials said so."))
    assert _topic_of(recipe, tech) == ""
    assert _topic_of(company, tech) == _topic_of(exports, tech) == "Tech companies"


MIDEAST = TopicConfig(name="Middle East", keywords=("Israel", "Iran", "Syria"), description="")
NORDIC = TopicConfig(name="Nordics", keywords=("Denmark", "Greenland"), description="")
SAHEL = TopicConfig(name="Sahel", keywords=("Niger", "Mali"), description="")
UK = TopicConfig(name="Britain", keywords=("Britain",), description="")


@pytest.mark.parametrize(
    ("topic", "title", "expected"),
    [
        (MIDEAST, "Iranians Mourn Slain Protesters With Revolutionary Rage", "Middle East"),
        (MIDEAST, "Israeli cabinet approves a new West Bank plan", "Middle East"),
        (MIDEAST, "Syrian refugees return from Lebanon as the border reopens", "Middle East"),
        (NORDIC, "Danish lawmakers debate the Arctic budget", "Nordics"),
        (NORDIC, "Greenlandic hunters fear for the ice", "Nordics"),
        (MIDEAST, "Israelis rally in Tel Aviv for the hostages", "Middle East"),
        (SAHEL, "Malian troops retake a desert town", "Sahel"),
        (UK, "British ministers meet the rail unions again", "Britain"),
        # A first name is no Dane; a word that only starts like a place is no demonym.
        (NORDIC, "Dan Halvorsen wins the chess final in Oslo", ""),
        (MIDEAST, "Syriac manuscripts go on show in Oxford", ""),
        (MIDEAST, "Smriti Irani returns to the cabinet in Delhi", ""),
        # Another country's people ("Nigerian" is Nigeria's, not Niger's), and a
        # demonym inside another place's name.
        (SAHEL, "Nigerian army rescues kidnapped schoolgirls", ""),
        (UK, "British Columbia wildfires force thousands to leave", ""),
        (NORDIC, "Danish Open draws a record field of badminton players", ""),
    ],
)
def test_a_place_keyword_finds_its_people_and_adjective(
    topic: TopicConfig, title: str, expected: str
) -> None:
    story = _story(_article("d", title, title + " Officials gave no further details."))
    assert _topic_of(story, topic) == expected


def test_a_keyword_that_writes_a_demonym_keeps_it() -> None:
    # "Israeli settlers" is a keyword of its own: its "Israeli" is not read as "Israel",
    # whichever keyword comes first.
    story = _story(_article("s", "Israeli settlers attack a village", "Officials said so."))
    for keywords in (("Israeli settlers", "Israel"), ("Israel", "Israeli settlers")):
        topic = TopicConfig(name="West Bank", keywords=keywords, description="")
        [placed] = match_topics([story], [topic]).placed
        assert placed.story.why.startswith('topic "West Bank": keywords Israeli settlers;')


GREENLAND = TopicConfig(
    name="Greenland",
    keywords=("Greenland", "Nuuk", "Denmark"),
    description="Greenland, Denmark and great-power interest in the Arctic island.",
)


def test_another_country_beside_the_one_a_topic_is_named_for_files_nothing_alone() -> None:
    # Denmark has news of its own: a keyword naming it counts beside the topic's own
    # evidence, not alone.
    deal = _story(
        _article(
            "hydrogen",
            "Kenya and Denmark sign green hydrogen deal",
            "Kenya and Denmark signed a deal on Thursday to build a hydrogen plant near "
            "Naivasha, with Danish funds paying for half of it. Danish officials said the "
            "first shipments could leave Mombasa in 2029.",
        )
    )
    arctic = _story(
        _article(
            "patrols",
            "Denmark orders four Arctic patrol ships",
            "Denmark ordered four patrol ships on Thursday, its largest naval purchase in "
            "decades. Danish officials said the ships would watch the waters around "
            "Greenland from 2028.",
        )
    )
    assert _topic_of(deal, GREENLAND) == ""
    assert _topic_of(arctic, GREENLAND) == "Greenland"
    [placed] = match_topics([arctic], [GREENLAND]).placed
    assert "Denmark" in placed.story.why


def test_one_side_of_a_topic_named_x_in_y_files_nothing_alone() -> None:
    topic = TopicConfig(
        name="NATO in Asia",
        keywords=("NATO", "Indo-Pacific", "liaison office"),
        description="NATO's partnerships and presence in the Indo-Pacific.",
    )
    europe = _story(
        _article(
            "air-defence",
            "NATO foreign ministers pledge more air defence for Ukraine",
            "NATO foreign ministers meeting in Brussels on Thursday pledged more air "
            "defence systems for Ukraine before the end of winter. NATO's secretary "
            "general said the alliance would also train more crews in Poland.",
        )
    )
    tokyo = _story(
        _article(
            "tokyo",
            "NATO and Japan sign deal on Tokyo office",
            "NATO and Japan signed a deal on Wednesday to open a liaison office in Tokyo "
            "next year, NATO's first in the region.",
        )
    )
    assert _topic_of(europe, topic) == ""
    assert _topic_of(tokyo, topic) == "NATO in Asia"
    # The thing with a country of the continent is the topic, in no keyword's words.
    manila = _story(
        _article(
            "manila",
            "NATO deputy chief signs partnership programme in Manila",
            "NATO and the Philippines signed a partnership programme on Tuesday covering "
            "cyber defence and maritime awareness, the alliance's deputy chief said.",
        )
    )
    assert _topic_of(manila, topic) == "NATO in Asia"
    # A country of another continent, or of the Middle East, is not.
    ankara = _story(
        _article(
            "ankara",
            "NATO and Turkey agree on air defence exercise",
            "NATO and Turkey agreed on Tuesday to hold an air defence exercise near Konya "
            "in the spring, the alliance's deputy chief said.",
        )
    )
    assert _topic_of(ankara, topic) == ""
    # The alliance spelt out, as an outlet may write it: one body, two names.
    spelt = TopicConfig(
        name="Atlantic pact", keywords=("North Atlantic Treaty Organization",), description=""
    )
    assert _topic_of(europe, spelt) == "Atlantic pact"
    # The short name finds the full one; no loose pair of its words finds it.
    alliance = TopicConfig(name="The alliance news", keywords=("NATO",), description="")
    full = _story(
        _article(
            "full",
            "Manila signs pact with North Atlantic Treaty Organization",
            "The Philippines signed a cyber pact with the North Atlantic Treaty "
            "Organization on Monday, officials said.",
        )
    )
    cod = _story(
        _article(
            "cod",
            "Fishing nations form alliance to protect North Atlantic cod",
            "Fishing nations around the North Atlantic formed an alliance to protect cod "
            "stocks, officials said on Monday.",
        )
    )
    assert _topic_of(full, alliance) == "The alliance news"
    assert _topic_of(cod, alliance) == ""


def test_the_country_a_topic_is_named_for_and_its_parts_file_alone() -> None:
    war = TopicConfig(name="War in Ukraine", keywords=("Ukraine", "Russia"), description="")
    strike = _story(
        _article(
            "odesa",
            "Drones strike Odesa port, killing four",
            "Drones struck the port of Odesa overnight, killing four people, Ukraine's "
            "emergency service said. Ukraine's air force said it downed most of them.",
        )
    )
    spain = TopicConfig(name="Spain", keywords=("Spain", "Catalonia"), description="")
    vote = _story(
        _article(
            "vote",
            "Catalonia votes in snap regional election",
            "Catalonia voted on Sunday in a snap election. Turnout in Catalonia was high.",
        )
    )
    assert _topic_of(strike, war) == "War in Ukraine"
    assert _topic_of(vote, spain) == "Spain"


def test_a_part_of_a_country_named_as_a_topic_has_countries_beside_it() -> None:
    gaza = TopicConfig(name="Gaza", keywords=("Gaza", "Hamas", "Israel"), description="")
    budget = _story(
        _article("budget", "Israel's Knesset passes 2027 budget", "Lawmakers voted late on.")
    )
    truce = _story(_article("truce", "Hamas accepts Gaza truce plan", "Mediators said so."))
    assert _topic_of(budget, gaza) == ""
    assert _topic_of(truce, gaza) == "Gaza"
    # The X of "China in Africa" is a side, as NATO is of "NATO in Asia".
    africa = TopicConfig(name="China in Africa", keywords=("China", "Zambia"), description="")
    growth = _story(_article("growth", "China sets 2027 growth target", "Officials said so."))
    debt = _story(_article("debt", "China agrees to restructure Zambia's debt", "It did."))
    assert _topic_of(growth, africa) == ""
    assert _topic_of(debt, africa) == "China in Africa"


def test_a_topic_named_for_no_country_is_made_of_the_countries_it_names() -> None:
    nordics = TopicConfig(name="Nordics", keywords=("Denmark", "Norway"), description="")
    mideast = TopicConfig(name="Middle East", keywords=("Israel", "Iran"), description="")
    danish = _story(_article("d", "Denmark raises its pension age", "Lawmakers voted so."))
    iranian = _story(_article("i", "Iran holds a runoff vote", "Voters queued all day."))
    assert _topic_of(danish, nordics) == "Nordics"
    assert _topic_of(iranian, mideast) == "Middle East"


def test_the_topic_description_and_name_count_as_evidence() -> None:
    by_description = _story(
        _article(
            "loan",
            "Kyiv's lenders look to Moscow's money",
            "Ukraine could be funded for two years from Russian central bank reserves "
            "immobilised in Europe, the commission said in a paper on Wednesday.",
        )
    )
    by_name = _story(_article("name", "Frozen Russian assets: what happens next", "Explainer."))
    unrelated = _story(
        _article("war", "Russian drones hit Kyiv", "Ukraine's air force said Russian drones hit.")
    )
    assert _topic_of(by_description, FROZEN) == "Frozen Russian assets"
    # A country's adjective in the description is its name in a lead ("Russian" /
    # "Russia's").
    possessive = _story(
        _article(
            "sovereign",
            "Ministers back plan to tap sovereign funds for Kyiv",
            "Finance ministers backed a plan to use Russia's sovereign assets held in Europe "
            "to fund a loan for Ukraine, though one member state still wants guarantees.",
        )
    )
    assert _topic_of(possessive, FROZEN) == "Frozen Russian assets"
    matching = match_topics([by_name], [FROZEN])
    assert 'the name "Frozen Russian assets"' in matching.placed[0].story.why
    assert _topic_of(unrelated, FROZEN) == ""


_PASSAGE = (
    "Container ships crossed the Northwest Passage in record numbers this autumn, as "
    "melting sea ice opened the Arctic shipping route through the Canadian archipelago for "
    "eleven weeks, insurers in London said."
)
_LATER = (
    "Insurers in London raised premiums for container ships on the Arctic shipping route "
    "after a record season in the Northwest Passage."
)


def _stored(store: Store, items: list[tuple[str, str, str, str, int]]) -> list[Article]:
    """Articles (outlet, slug, title, text, hours after T0) as polled and extracted."""
    feeds = sorted({f"https://{o.lower()}.example/feed" for o, *_ in items})
    store.sync_feeds([(feed, feed.split("//")[1].split(".")[0].title()) for feed in feeds])
    for outlet, slug, title, text, hours in items:
        feed = f"https://{outlet.lower()}.example/feed"
        url = f"https://{outlet.lower()}.example/{slug}"
        entry = FeedEntry(slug, feed, outlet, url, title, "", "", T0 + timedelta(hours=hours))
        store.record_poll(feed, FetchResult(feed, FetchOutcome.OK, feed, entries=(entry,)), now=T0)
        [article] = store.articles_by_id([article_id_for(url)])
        store.save_extraction(article.id, text=text, origin=TextOrigin.PAGE, now=T0)
    ids = [article_id_for(f"https://{o.lower()}.example/{slug}") for o, slug, *_ in items]
    return store.articles_by_id(ids)


def test_a_story_the_editors_filed_under_a_topic_is_an_example_in_later_issues(
    tmp_path: Path,
) -> None:
    """Week 1: the editors move a story on Arctic shipping under "Greenland". Week 2: a
    new story on the same route, which names neither Greenland nor Nuuk, goes there too;
    without the example it would not."""
    with open_store(f"sqlite:///{tmp_path / 'digest.db'}") as store:
        week1 = _stored(
            store,
            [
                ("Wire", "passage-1", "Record year for the Northwest Passage", _PASSAGE, 0),
                ("Post", "passage-2", "Northwest Passage traffic hits a record", _PASSAGE, 2),
            ],
        )
        filed = Story(StoryId("s-passage-1"), tuple(week1))
        summary = StorySummary(filed.id, "Record year for the Northwest Passage", (), (), (), ())
        issue = Issue(
            "T",
            T0.date(),
            T0 - timedelta(days=7),
            T0,
            (TopicSection("Greenland", True, (summary,)),),
        )
        store.record_issue(
            issue,
            path="out",
            now=T0,
            chosen=[filed],
            left_out=[],
            is_final=True,
            html_bytes=0,
            filed={filed.id: "Greenland"},
        )
        title = "Insurers raise Arctic shipping premiums after a record Northwest Passage season"
        later = _stored(
            store, [("Wire", "premiums", title, _LATER, 200), ("Post", "cover", title, _LATER, 201)]
        )
        now = T0 + timedelta(days=9)
        examples = gather_examples(store, NewsWindow(now.date(), now - timedelta(days=7), now))
    assert [(e.topic, e.issue_date, len(e.articles)) for e in examples] == [
        ("Greenland", T0.date().isoformat(), 2)
    ]
    week2 = Story(StoryId("s-premiums"), tuple(later))
    assert _topic_of(week2, ARCTIC) == ""
    plan = EditorialPlan(tmp_path / "editorial.yaml", {})
    selection = select_stories([week2], plan, [ARCTIC], max_stories=5, examples=examples)
    [topic] = selection.topics
    assert topic.name == "Greenland"
    assert 'like "Record year for the Northwest Passage", filed here by the editors' in (
        topic.stories[0].why
    )


MIDEAST = TopicConfig(name="Middle East", keywords=("Israel", "Gaza"), description="")


def test_a_name_dropped_once_in_the_lead_is_in_passing_and_the_title_is_not() -> None:
    """One quote naming Greenland in the lead of a report on farm policy does not make it
    a Greenland story, even when the feed's teaser is the text's first lines (read once,
    not as lead and body). Named in the title, or in the lead and taken up again further
    on, it is what the story is about; so is a mention in a teaser that is all there is
    to read (its lead is the whole report)."""
    teaser = (
        "Nothing in Brussels has felt the same since the row over Greenland, a Danish "
        "minister told reporters after the vote."
    )
    body = "\n\n" + "The minister spoke for an hour about cheese prices and milk quotas. " * 8
    passing = _story(
        dataclasses.replace(
            _article("dairy", "Farm ministers settle on a new dairy quota", teaser + body),
            summary=teaser,
        )
    )
    titled = _story(_article("nuuk", "Greenland's farmers ask for a dairy quota", teaser + body))
    taken_up = _story(
        _article(
            "quota",
            "Farm ministers settle on a new dairy quota",
            teaser + body + "\n\nFarmers in Greenland, she added, would get a quota of their own.",
        )
    )
    alone = _story(
        dataclasses.replace(
            _article("brief", "Farm ministers settle on a new dairy quota", teaser),
            summary=teaser,
        )
    )
    assert _topic_of(passing, ARCTIC) == ""
    assert _topic_of(titled, ARCTIC) == "Greenland"
    assert _topic_of(taken_up, ARCTIC) == "Greenland"
    assert _topic_of(alone, ARCTIC) == "Greenland"


def test_two_keywords_in_one_aside_sentence_are_one_mention() -> None:
    """A missile report that recalls, in one sentence of its body, the alliance's new
    office in Tokyo is not an alliance story: two keywords in one aside are one mention,
    and so is an aside of two sentences (a question and its answer). Two mentions a
    paragraph apart take the subject up again: they are two."""
    asia = TopicConfig(
        name="NATO in Asia", keywords=("NATO", "liaison office", "Indo-Pacific"), description=""
    )
    lead = (
        "North Korea fired an intercontinental ballistic missile into the sea on Friday, "
        "its first such launch in two years, the South's military said."
    )
    filler = " ".join(["The missile flew for about an hour before it fell into the sea."] * 6)
    aside = "The launch came days after NATO agreed to open a liaison office in Tokyo."
    once = _story(
        _article("icbm", "North Korea fires ICBM into the sea", f"{lead}\n\n{filler} {aside}")
    )
    twice = _story(
        _article(
            "icbm2",
            "North Korea fires ICBM into the sea",
            f"{lead}\n\n{aside}\n\n{filler}\n\nNATO condemned the launch and said its office "
            "would follow the programme.",
        )
    )
    answered = _story(
        _article(
            "icbm3",
            "North Korea fires ICBM into the sea",
            f"{lead}\n\n{filler}\n\nDoes NATO worry Pyongyang?\n\nNATO is a concern for it, "
            "the analyst said.",
        )
    )
    assert _topic_of(once, asia) == ""
    assert _topic_of(answered, asia) == ""
    assert _topic_of(twice, asia) == "NATO in Asia"
    # Mentions a short paragraph apart, all through the body, do not chain into one.
    paragraph = "The missile flew for about an hour before it fell into the sea east of it."
    spread = _story(
        _article(
            "icbm4",
            "North Korea fires ICBM into the sea",
            "\n\n".join(
                [lead] + [f"{paragraph} {paragraph} The liaison office said it was watching."] * 4
            ),
        )
    )
    assert _topic_of(spread, asia) == "NATO in Asia"


def test_a_name_only_quoted_in_a_teaser_is_someones_words_in_passing() -> None:
    """A feed teaser with nothing else to read counts as a title, but a lawmaker's quoted
    words naming Greenland in a report on EU unity are not a Greenland story; the
    outlet's own words naming it, or its title, still are."""
    quoted = (
        '“Since the row over Greenland, everyone in Brussels has woken up," a German '
        "lawmaker said as EU leaders met in Munich."
    )
    own_words = (
        "Since the row over Greenland, EU leaders meeting in Munich have talked of "
        "standing together, a German lawmaker said."
    )

    def teaser_only(slug: str, title: str, teaser: str) -> Story:
        return _story(dataclasses.replace(_article(slug, title, teaser), summary=teaser))

    assert _topic_of(teaser_only("unity", "EU leaders vow to stand together", quoted), ARCTIC) == ""
    assert (
        _topic_of(teaser_only("own", "EU leaders vow to stand together", own_words), ARCTIC)
        == "Greenland"
    )
    assert (
        _topic_of(teaser_only("title", "EU leaders stand together on Greenland", quoted), ARCTIC)
        == "Greenland"
    )


_FILLER = "\n\nThe letters, written between 1940 and 1946, fill forty boxes. " * 6


def test_a_keyword_inside_a_longer_proper_name_counts_less() -> None:
    """ "Israel" in the name of a Toronto institute is not news of Israel; the same
    number of plain mentions is."""
    in_names = _story(
        _article(
            "archive",
            "Toronto archive opens wartime letters to historians",
            "The Institute for Israel Studies at a Toronto college said on Monday it would "
            "open a collection of wartime letters.\n\nA spokeswoman for the Institute for "
            "Israel Studies said scholars could apply from March. The Society for Israel "
            "Heritage, which lent part of the collection, welcomed the move." + _FILLER,
        )
    )
    plain = _story(
        _article(
            "letters",
            "Toronto archive opens wartime letters to historians",
            "Historians in Israel said on Monday they would study a collection of wartime "
            "letters.\n\nA spokeswoman said scholars from Israel could apply from March, and "
            "that Israel would lend part of the collection." + _FILLER,
        )
    )
    assert _topic_of(in_names, MIDEAST) == ""
    assert _topic_of(plain, MIDEAST) == "Middle East"
