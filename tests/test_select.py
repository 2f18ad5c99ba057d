"""Selection: topics, ranking, the cap and the editors' choices, on hand-written stories."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from digest.config import TopicConfig
from digest.editorial import EditorialPlan, load_plan
from digest.ids import story_id_for
from digest.models import LeftOutReason, Story, StoryId, TopicStories
from digest.select import Selection, select_stories
from tests.test_cluster import _article

NO_EDITS = EditorialPlan(Path("editorial.yaml"), {})


def _grouped(
    stories: Sequence[Story], topics: Sequence[TopicConfig], *, max_stories: int
) -> tuple[TopicStories, ...]:
    return select_stories(stories, NO_EDITS, topics, max_stories=max_stories).topics


def _story(name: str, *outlets_and_titles: tuple[str, str], hours: int = 0) -> Story:
    articles = tuple(
        _article(f"https://{outlet.lower()}.example/{name}", outlet, title, title, hours + i)
        for i, (outlet, title) in enumerate(outlets_and_titles)
    )
    return Story(id=StoryId(f"s-{name}"), articles=articles)


JAPAN = TopicConfig(name="Japan", keywords=("Japan", "Bank of Japan", "Tokyo"), description="")
LOANS = TopicConfig(name="Ukraine finance", keywords=("reparations loan",), description="")
GREENLAND = TopicConfig(name="Greenland", keywords=("Greenland", "Nuuk"), description="")


def test_keywords_match_case_plural_possessive_and_phrases() -> None:
    stories = [
        _story(
            "boj", ("Wire", "Japan's central bank holds rates"), ("Post", "BANK OF JAPAN waits")
        ),
        _story("eu", ("Wire", "EU agrees reparations loans for Kyiv"), ("Post", "Kyiv loan deal")),
        # "Japanology" is not the keyword "Japan": whole words only (a demonym,
        # "Japanese", is the place's own word: see test_topics).
        _story("food", ("Wire", "Japanology courses boom"), ("Post", "Sushi boom in Paris")),
    ]
    topics = _grouped(stories, [JAPAN, LOANS], max_stories=10)
    named = {t.name: [s.id for s in t.stories] for t in topics}
    assert named["Japan"] == ["s-boj"]
    assert named["Ukraine finance"] == ["s-eu"]
    assert "s-food" not in named["Japan"]
    boj = topics[0].stories[0]
    assert boj.why == 'topic "Japan": keywords Japan, Bank of Japan; 2 outlets'


def test_one_topic_per_story_and_config_order() -> None:
    both = _story(
        "both", ("Wire", "Greenland and Japan sign Arctic deal"), ("Post", "Nuuk hosts Tokyo envoy")
    )
    tokyo = _story("tokyo", ("Wire", "Tokyo stocks rise"), ("Post", "Japan stocks rise"))
    topics = _grouped([both, tokyo], [GREENLAND, JAPAN], max_stories=10)
    assert [t.name for t in topics] == ["Greenland", "Japan"]
    ids = [s.id for t in topics for s in t.stories]
    assert sorted(ids) == ["s-both", "s-tokyo"]  # each story once


def test_single_outlet_story_kept_for_configured_topic_only() -> None:
    lone_match = _story("nuuk", ("Wire", "Nuuk airport opens new runway"))
    lone_other = _story("cheese", ("Wire", "Cheese prices rise in France"))
    topics = _grouped([lone_match, lone_other], [GREENLAND], max_stories=10)
    assert [(t.name, [s.id for s in t.stories]) for t in topics] == [("Greenland", ["s-nuuk"])]
    assert topics[0].stories[0].why == 'topic "Greenland": keywords Nuuk; 1 outlet'


def test_discovered_sections_are_named_by_what_they_share_and_the_rest_is_elsewhere() -> None:
    def story(name: str, *titles: str, text: str) -> Story:
        articles = tuple(
            _article(f"https://{outlet}.example/{name}", outlet, title, f"{title}. {text}", i)
            for i, (outlet, title) in enumerate(zip(("wire", "post"), titles, strict=False))
        )
        return Story(id=StoryId(f"s-{name}"), articles=articles)

    talks = "Negotiators from Iran and the United States met in Geneva on Tuesday."
    geneva = story(
        "geneva",
        "Iran and US resume nuclear talks in Geneva",
        "Nuclear talks with Iran resume",
        text=talks,
    )
    oman = story("oman", "Iran nuclear talks move to Oman", "Oman hosts nuclear talks", text=talks)
    peru = "Lawmakers in Peru voted late on Thursday, officials in Lima said."
    congress = story(
        "congress", "Peru congress ousts its speaker", "Vote in Peru congress", text=peru
    )
    ballot = story("ballot", "Peru sets election date", "Peru election set", text=peru)
    trump = "On Monday, Donald Trump spoke to reporters. Aides said Donald Trump would travel."
    tariffs = story("tariffs", "Donald Trump weighs new tariffs", "Tariffs loom", text=trump)
    summit = story("summit", "Donald Trump plans a Korea summit", "Summit plans", text=trump)
    south = "Officials in the South of the country counted the damage on Friday."
    cheese = story("cheese", "Cheese prices climb in the South", "Cheese costs more", text=south)
    trains = story("trains", "Rail strike halts trains in the South", "Trains stop", text=south)
    stories = [geneva, oman, congress, ballot, tariffs, summit, cheese, trains]
    topics = _grouped(stories, [GREENLAND], max_stories=10)
    named = {t.name: {s.id for s in t.stories} for t in topics}
    assert named == {
        "Iran nuclear talks": {"s-geneva", "s-oman"},
        "Peru politics": {"s-congress", "s-ballot"},
        "Donald Trump": {"s-tariffs", "s-summit"},
        "Elsewhere": {"s-cheese", "s-trains"},
    }
    assert [t.name for t in topics][-1] == "Elsewhere"
    assert all(not t.configured for t in topics)
    iran = next(t for t in topics if t.name == "Iran nuclear talks")
    assert iran.stories[0].why.startswith(
        'discovered topic "Iran nuclear talks": stories share "Iran, nuclear talks"'
    )


def test_what_two_titles_say_was_done_is_no_section_of_their_own() -> None:
    talks = _story(
        "talks",
        ("Wire", "Ostland, Vell agree to resume talks on sea borders"),
        ("Post", "Ostland and Vell agree on new round of border talks"),
    )
    truce = _story(
        "truce",
        ("Wire", "Norland factions agree truce, Ostland welcomes deal"),
        ("Post", "Ostland hails as Norland factions agree to truce"),
    )
    topics = _grouped([talks, truce], [GREENLAND], max_stories=10)
    assert all("agree" not in t.name for t in topics), [t.name for t in topics]
    # Nor how two titles put it ("ready").
    ready = [
        _story(
            "a", ("Wire", "Ostland ready for talks with Vell"), ("Post", "Ostland says it is ready")
        ),
        _story(
            "b", ("Wire", "Ostland ready to host Norland truce"), ("Post", "Ostland ready to help")
        ),
    ]
    topics = _grouped(ready, [GREENLAND], max_stories=10)
    assert all("ready" not in t.name for t in topics), [t.name for t in topics]
    # Nor a verb and its object ("holds talks"), nor a sum two titles name ("500 crore").
    meetings = [
        _story(
            "c",
            ("Wire", "Minister holds talks with Vell counterpart"),
            ("Post", "Vell budget gets 500 crore for ports"),
        ),
        _story(
            "d",
            ("Wire", "President holds talks with Norland envoy"),
            ("Post", "Norland pledges 500 crore for rail"),
        ),
    ]
    names = [t.name for t in _grouped(meetings, [GREENLAND], max_stories=10)]
    assert all("talks" not in n.lower() and "crore" not in n for n in names), names
    # A thing named by a noun and a verb's form is a subject: "rate rise".
    rises = [
        _story("e", ("Wire", "Ostland braces for rate rise"), ("Post", "Ostland rate rise looms")),
        _story("f", ("Wire", "Vell shrugs off rate rise"), ("Post", "Vell rate rise priced in")),
    ]
    names = [t.name for t in _grouped(rises, [GREENLAND], max_stories=10)]
    assert "Rate rise" in names, names
    # ... but a verb's past is what was done ("Deal reached"), and a year is no sum.
    deals = [
        _story("g", ("Wire", "Ostland deal reached after talks"), ("Post", "Ostland deal reached")),
        _story("h", ("Wire", "Vell trade deal reached"), ("Post", "Vell deal reached at last")),
    ]
    names = [t.name for t in _grouped(deals, [GREENLAND], max_stories=10)]
    assert all("reached" not in n for n in names), names
    budgets = [
        _story(
            "i", ("Wire", "Ostland 2027 budget debate opens"), ("Post", "Ostland budget debate")
        ),
        _story(
            "j", ("Wire", "Vell 2027 budget debate stalls"), ("Post", "Vell budget debate ends")
        ),
    ]
    names = [t.name for t in _grouped(budgets, [GREENLAND], max_stories=10)]
    assert "Budget debate" in names, names


def test_two_disasters_death_tolls_are_no_section_of_their_own() -> None:
    typhoon = _story(
        "typhoon",
        ("Wire", "Typhoon death toll rises to 41 in the Philippines"),
        ("Post", "Typhoon kills 41, more missing"),
    )
    floods = _story(
        "floods",
        ("Wire", "Flood death toll rises to 34 in Sri Lanka"),
        ("Post", "Floods kill 34 as rivers rise"),
    )
    topics = _grouped([typhoon, floods], [GREENLAND], max_stories=10)
    assert "Death toll" not in [t.name for t in topics]
    assert [t.name for t in topics] == ["Weather and disasters"]


def test_a_countrys_politics_and_its_sport_are_no_section_of_its_name() -> None:
    crisis = _story(
        "crisis",
        ("Wire", "Italian government falls after Senate vote"),
        ("Post", "Italy's prime minister resigns after losing confidence vote"),
    )
    final = _story(
        "final",
        ("Wire", "Davis Cup: Italy beats Spain for fourth straight title"),
        ("Post", "Spain falls short again as Italy keeps the Davis Cup"),
    )
    topics = _grouped([crisis, final], [GREENLAND], max_stories=10)
    assert [(t.name, {s.id for s in t.stories}) for t in topics] == [
        ("Elsewhere", {"s-crisis", "s-final"})
    ]


def test_stories_of_one_kind_are_grouped_under_it_whatever_the_inflection() -> None:
    plot = _story(
        "plot",
        ("Wire", "Man indicted over concert plot"),
        ("Post", "Teenager charged over plot against Vienna concert"),
    )
    activist = _story(
        "activist",
        ("Wire", "France arrests nine over killing of activist"),
        ("Post", "Nine suspects held in Lyon over activist's death"),
    )
    # "Charges" also means fees: not a word that says crime.
    fees = _story(
        "fees",
        ("Wire", "Banks scrap overdraft charges for students"),
        ("Post", "Energy standing charges to rise again in April"),
    )
    topics = _grouped([plot, activist, fees], [GREENLAND], max_stories=10)
    assert [(t.name, {s.id for s in t.stories}) for t in topics] == [
        ("Crime and courts", {"s-plot", "s-activist"}),
        ("Elsewhere", {"s-fees"}),
    ]


def test_ranking_by_outlets_then_recency_and_max_stories_cap() -> None:
    three = _story(
        "three", ("A", "Greenland ice"), ("B", "Greenland ice"), ("C", "Greenland ice"), hours=0
    )
    two_old = _story("two-old", ("A", "Greenland fish"), ("B", "Greenland fish"), hours=0)
    two_new = _story("two-new", ("A", "Greenland oil"), ("B", "Greenland oil"), hours=10)
    one = _story("one", ("A", "Greenland dogs"), hours=20)
    stories = [one, two_old, three, two_new]
    topics = _grouped(stories, [GREENLAND], max_stories=10)
    assert [s.id for s in topics[0].stories] == ["s-three", "s-two-new", "s-two-old", "s-one"]
    capped = _grouped(stories, [GREENLAND], max_stories=2)
    assert [s.id for s in capped[0].stories] == ["s-three", "s-two-new"]


def test_each_chosen_story_carries_its_rank_across_topics() -> None:
    # Issue 17: the email numbers stories by this rank, whatever section they are in.
    japan = _story("boj", ("A", "Bank of Japan holds"), ("B", "Tokyo waits"), ("C", "Japan"))
    ice = _story("ice", ("A", "Greenland ice"), ("B", "Greenland ice"), hours=5)
    fish = _story("fish", ("A", "Greenland fish"), ("B", "Greenland fish"), hours=1)
    topics = _grouped([fish, ice, japan], [GREENLAND, JAPAN], max_stories=10)
    ranks = {s.id: s.rank for t in topics for s in t.stories}
    assert ranks == {"s-boj": 1, "s-ice": 2, "s-fish": 3}
    assert [t.name for t in topics] == ["Greenland", "Japan"]  # sections keep their order


def test_the_biggest_news_prints_first_though_the_cap_keeps_the_standing_topic() -> None:
    # A one-outlet item a standing topic took stays in the issue over a bigger
    # "Elsewhere" story (the cap), but does not open the issue ahead of it.
    lone = _story("lone", ("A", "Greenland dogs race"), hours=30)
    quake = _story(
        "quake", ("A", "Quake hits Chile"), ("B", "Chile quake"), ("C", "Chile shaken"), hours=1
    )
    pair = _story("ice", ("A", "Greenland ice melts"), ("B", "Greenland ice sheet"), hours=2)
    both = _grouped([lone, quake, pair], [GREENLAND], max_stories=3)
    ranks = {s.id: s.rank for t in both for s in t.stories}
    assert ranks == {"s-quake": 1, "s-ice": 2, "s-lone": 3}
    assert both[0].name == "Greenland"  # sections keep their order
    capped = _grouped([lone, quake, pair], [GREENLAND], max_stories=2)
    assert {s.id: s.rank for t in capped for s in t.stories} == {"s-ice": 1, "s-lone": 2}


def _select(tmp_path: Path, edits: str, stories: Sequence[Story], max_stories: int) -> Selection:
    path = tmp_path / "editorial.yaml"
    path.write_text(edits)
    return select_stories(stories, load_plan(path), [GREENLAND], max_stories=max_stories)


def _five_and_one() -> list[Story]:
    """Five two-outlet Greenland stories (s-g0 newest) and one single-outlet one."""
    stories = [
        _story(f"g{i}", ("A", f"Greenland item {i}"), ("B", f"Greenland item {i}"), hours=50 - i)
        for i in range(5)
    ]
    return [*stories, _story("lone", ("A", "Greenland dogs"), hours=0)]


def test_a_drop_frees_its_slot_and_is_never_selected(tmp_path: Path) -> None:
    stories = _five_and_one()
    full = _select(tmp_path, "", stories, 5)
    assert [s.id for s in full.stories] == ["s-g0", "s-g1", "s-g2", "s-g3", "s-g4"]
    assert [(o.story_id, o.reason) for o in full.left_out] == [("s-lone", LeftOutReason.OVER_CAP)]
    assert (
        full.left_out[0].detail == 'cut by max_stories (5) at rank 6 (standing topic "Greenland")'
    )
    dropped = _select(tmp_path, "stories:\n  s-g1: {drop: true}\n", stories, 5)
    assert len(dropped.stories) == 5
    assert "s-g1" not in [s.id for s in dropped.stories] and "s-lone" in [
        s.id for s in dropped.stories
    ]
    assert [(o.story_id, o.detail) for o in dropped.left_out] == [
        ("s-g1", "dropped in the editorial file")
    ]


def test_a_pinned_story_from_beyond_the_cap_comes_in_first(tmp_path: Path) -> None:
    selection = _select(tmp_path, "stories:\n  s-lone: {pin: true}\n", _five_and_one(), 5)
    assert [s.id for s in selection.stories] == ["s-lone", "s-g0", "s-g1", "s-g2", "s-g3"]
    assert [o.story_id for o in selection.left_out] == ["s-g4"]


def test_the_editors_order_within_a_topic_is_the_rank_the_issue_numbers_by(
    tmp_path: Path,
) -> None:
    # digest.json carries the rank; readers of it (the archive's lead, scripts) must see
    # the order the email prints, not the order before the editors moved a story up.
    ordered = _select(tmp_path, "stories:\n  s-g3: {order: 1}\n", _five_and_one(), 5)
    [section] = ordered.topics
    assert [(s.id, s.rank) for s in section.stories] == [
        ("s-g3", 1),
        ("s-g0", 2),
        ("s-g1", 3),
        ("s-g2", 4),
        ("s-g4", 5),
    ]


def test_a_story_split_out_comes_in_but_prints_where_its_coverage_puts_it(
    tmp_path: Path,
) -> None:
    big = _story(
        "big", ("A", "Greenland vote"), ("B", "Greenland vote held"), ("C", "Greenland count")
    )
    url = big.articles[2].url
    edits = f"stories:\n  s-big: {{split: ['{url}']}}\n"
    selection = _select(tmp_path, edits, [*_five_and_one(), big], 5)
    split = story_id_for(url)
    # One outlet past the cap of five: in all the same, as the editors asked for it ...
    assert split in [s.id for s in selection.stories]
    # ... but not at the top of the issue: it prints after the stories two outlets told.
    ranks = {s.id: s.rank for s in selection.stories}
    assert ranks[split] == max(ranks.values()) == 5


def test_a_one_outlet_item_whose_page_is_gone_is_not_listed_in_also_in_the_news() -> None:
    dead = _story("dead", ("Wire", "Harbour reopens after the storm"), hours=3)
    alive = _story("alive", ("Post", "Ferry timetable changes"), hours=1)
    selection = select_stories(
        [dead, alive],
        NO_EDITS,
        [GREENLAND],
        max_stories=5,
        also_in_the_news=5,
        gone={dead.articles[0].url},
    )
    # The link is all a reader gets of the item: a page that answered 404 is no item.
    assert [s.id for s in selection.briefs] == ["s-alive"]
    [left] = selection.left_out
    assert left.story_id == "s-dead" and "answered not found at build time" in left.detail


def test_one_outlet_stories_go_to_also_in_the_news_within_its_own_cap() -> None:
    lone = [
        _story(f"lone{i}", ("Wire", f"Cheese prices rise in town {i}"), hours=i) for i in range(4)
    ]
    main = _story("main", ("Wire", "Greenland ice melts"), ("Post", "Greenland ice melting"))
    selection = select_stories(
        [*lone, main], NO_EDITS, [GREENLAND], max_stories=5, also_in_the_news=2
    )
    assert [s.id for s in selection.stories] == ["s-main"]
    # Newest first, within the list's own cap; the others left out with their reason.
    assert [s.id for s in selection.briefs] == ["s-lone3", "s-lone2"]
    assert selection.briefs[0].why == "one outlet only (Wire): in Also in the news"
    assert [(o.story_id, o.reason, o.detail, o.headline) for o in selection.left_out] == [
        (
            "s-lone1",
            LeftOutReason.ONE_OUTLET,
            "one outlet only (Wire); Also in the news holds 2 (newsletter.also_in_the_news) "
            "and this one ranked 3: item no. 3 of its kind from Wire, and the list takes "
            "one item per outlet in turn",
            "Cheese prices rise in town 1",
        ),
        (
            "s-lone0",
            LeftOutReason.ONE_OUTLET,
            "one outlet only (Wire); Also in the news holds 2 (newsletter.also_in_the_news) "
            "and this one ranked 4: item no. 4 of its kind from Wire, and the list takes "
            "one item per outlet in turn",
            "Cheese prices rise in town 0",
        ),
    ]
    assert selection.left_out[0].article_ids == ("https://wire.example/lone1",)


def test_also_in_the_news_takes_each_outlets_first_before_any_outlets_second() -> None:
    # One feed posts five local items, newer than the others' one each.
    busy = [
        _story(f"busy{i}", ("Metro", f"Cheese prices rise in town {i}"), hours=10 + i)
        for i in range(5)
    ]
    others = [
        _story("wire", ("Wire", "Ferry timetable changes for the winter season"), hours=1),
        _story("post", ("Post", "Wages lagged inflation over the past year"), hours=2),
    ]
    selection = select_stories(
        [*busy, *others], NO_EDITS, [GREENLAND], max_stories=5, also_in_the_news=4
    )

    assert [s.id for s in selection.briefs] == ["s-busy4", "s-post", "s-wire", "s-busy3"]
    assert [o.story_id for o in selection.left_out] == ["s-busy2", "s-busy1", "s-busy0"]


def test_also_in_the_news_prefers_a_report_to_a_fragment() -> None:
    body = (
        "The regional council voted on Tuesday to close the old harbour bridge to lorries "
        "after inspectors found corrosion in two of its supporting piers. "
    ) * 5
    report = Story(
        id=StoryId("s-report"),
        articles=(
            _article(
                "https://wire.example/bridge",
                "Wire",
                "Council shuts harbour bridge to lorries",
                body,
                0,
            ),
        ),
    )
    tweet = Story(
        id=StoryId("s-tweet"),
        articles=(
            _article(
                "https://post.example/tweet",
                "Post",
                "I wish you the best of luck and I hope you will work for all",
                "I wish you the best of luck and I hope you will work for all of us.",
                5,
            ),
        ),
    )
    caption = Story(
        id=StoryId("s-caption"),
        articles=(
            _article(
                "https://daily.example/gala",
                "Daily",
                "Jane Doe, left, and John Roe, right, at the awards dinner",
                "Jane Doe, left, and John Roe, right, at the awards dinner. " + body,
                6,
            ),
        ),
    )

    selection = select_stories(
        [report, tweet, caption], NO_EDITS, [], max_stories=5, also_in_the_news=1
    )

    # The newest two are a tweet and a photo caption: the older report goes first.
    assert [s.id for s in selection.briefs] == ["s-report"]


def test_a_pinned_one_outlet_story_becomes_a_main_story(tmp_path: Path) -> None:
    lone = _story("cheese", ("Wire", "Cheese prices rise in France"))
    path = tmp_path / "editorial.yaml"
    path.write_text("stories:\n  s-cheese: {pin: true}\n")
    selection = select_stories([lone], load_plan(path), [GREENLAND], max_stories=5)
    assert [(t.name, [s.id for s in t.stories]) for t in selection.topics] == [
        ("Elsewhere", ["s-cheese"])
    ]
    assert selection.briefs == () and selection.left_out == ()
    # Its reason says what brought it in, for `digest why` and the preview.
    assert "pinned by the editors" in selection.topics[0].stories[0].why


def test_standing_topic_stories_are_never_cut_for_elsewhere() -> None:
    """Three big stories no topic wants and three small Greenland ones, two slots more
    than Greenland needs: Greenland's stories all come in, however few their outlets."""
    big = [
        _story(f"big{i}", ("A", f"Cheese fair {i}"), ("B", f"Cheese fair {i}"), ("C", f"Fair {i}"))
        for i in range(3)
    ]
    small = [_story("g1", ("A", "Greenland dogs"), ("B", "Greenland sled dogs"))]
    small += [_story(f"g{i}", ("A", f"Nuuk harbour item {i}"), hours=i) for i in (2, 3)]
    selection = select_stories([*big, *small], NO_EDITS, [GREENLAND], max_stories=5)
    assert [(t.name, [s.id for s in t.stories]) for t in selection.topics] == [
        ("Greenland", ["s-g1", "s-g3", "s-g2"]),
        ("Elsewhere", ["s-big0", "s-big1"]),
    ]
    assert [(o.story_id, o.detail) for o in selection.left_out] == [
        ("s-big2", "cut by max_stories (5) at rank 6")
    ]


def test_a_title_only_item_of_a_standing_topic_is_listed_not_written_up() -> None:
    # A feed without descriptions whose pages cannot be read: only the title is known.
    bare = _article("https://wire.example/nuuk-port", "Wire", "Nuuk port reopens after storm", "")
    told = _story("runway", ("Wire", "Nuuk airport opens new runway"))
    stories = [Story(StoryId("s-port"), (bare,)), told]

    selection = select_stories(stories, NO_EDITS, [GREENLAND], max_stories=10, also_in_the_news=8)

    assert [[s.id for s in t.stories] for t in selection.topics] == [["s-runway"]]
    assert [s.id for s in selection.briefs] == ["s-port"]


def test_a_page_in_someones_own_words_or_a_papers_text_is_not_listed_as_news() -> None:
    def lone(name: str, title: str, text: str, hours: int) -> Story:
        return Story(
            id=StoryId(f"s-{name}"),
            articles=(_article(f"https://{name}.example/1", name.title(), title, text, hours),),
        )

    report = lone(
        "wire",
        "Council shuts harbour bridge to lorries",
        "The regional council voted on Tuesday to close the old harbour bridge to lorries. "
        "Inspectors found corrosion in two of its piers. Buses may still cross.",
        0,
    )
    essay = lone(
        "post",
        "It is the worst we have seen",
        "“It is the worst we have seen in our lifetime,” my neighbour told me last week. "
        "I had heard her say it before. The harbour has been quiet since the spring.",
        5,
    )
    listicle = lone(
        "daily",
        "If you have ever waited for a ferry",
        "If you have ever waited for a ferry in the rain, you know the feeling. "
        "Your coat is wet and your ticket is soggy. Here are ten ways to pass the time.",
        6,
    )

    quoted = lone(
        "news",
        "Lawmaker attacked over remarks about migrants",
        "“If they make us choose, the choice is not a difficult one,” the lawmaker wrote.",
        1,
    )
    paper = lone(
        "journal",
        "Trenches were dug within the shelter",
        "Two trenches were dug within the shelter (Fig. 1a, b). Charcoal was sampled at "
        "each level (Supplementary Table 2). The lowest level held stone tools (fig. 3) "
        "and bone (Extended Data Fig. 4c).",
        2,
    )
    about_a_paper = lone(
        "science",
        "Stone tools found in desert shelter are 49,000 years old",
        "Archaeologists dated stone tools found in a desert rock shelter to 49,000 years "
        "ago (see Table 1), the journal reported on Wednesday (Table 2). Most were made "
        "of quartz (Figure 3).",
        3,
    )

    selection = select_stories(
        [report, quoted, essay, listicle, paper, about_a_paper],
        NO_EDITS,
        [],
        max_stories=5,
        also_in_the_news=6,
    )

    # Room for all, yet only the reports are listed (a teaser that opens on an
    # attributed quotation is one, and so is a report of a paper); the others are
    # accounted for.
    # (The lawmaker "attacked" is hard news by its word, and comes first.)
    assert [s.id for s in selection.briefs] == ["s-news", "s-science", "s-wire"]
    left = {o.story_id: o for o in selection.left_out}
    assert set(left) == {"s-post", "s-daily", "s-journal"}
    assert all(o.reason == LeftOutReason.ONE_OUTLET for o in left.values())
    assert "someone's own words" in left["s-post"].detail
    assert "a research paper's text" in left["s-journal"].detail


def test_a_pages_opening_is_read_past_its_furniture() -> None:
    # A video page: the player's call to watch and a wire caption sit above the text.
    # What a reader meets first is the text, so that is what says whose words these are.
    furniture = (
        "Watch the report from Dana Frey on Channel 9 News at 6 p.m. "
        "This image provided by the Harbour Trust shows the old pier at dusk. "
    )

    def lone(name: str, text: str) -> Story:
        title = "The old pier closes"
        return Story(
            id=StoryId(f"s-{name}"),
            articles=(_article(f"https://{name}.example/1", name.title(), title, text, 1),),
        )

    memoir = lone(
        "column",
        furniture + "The pier was closed on Monday. I walked there every morning for ten "
        "years. We will miss it, and you will too.",
    )
    report = lone(
        "channel",
        furniture + "The pier was closed on Monday. Engineers found its piles rotten. "
        "The harbour board will decide on repairs in March.",
    )

    # A report whose quotation the splitter cut in two: its halves are the leader's.
    quoted = lone(
        "senate",
        furniture + "The Senate leader said Friday that a vote on the sanctions bill will "
        "be pushed to January. “We’re not going to get to it next week. It’ll be the first "
        "thing we look at when we come back,” he told reporters.",
    )

    # The writer's own words after a quotation's close are the writer's all the same.
    told_me = lone(
        "mother",
        furniture + "“It’s the worst we’ve seen in our lifetime. And there’s no hope left,” "
        "my mother-in-law told me recently. “Everyone is frightened, we don’t know where "
        "to turn.”",
    )

    # Straight marks, and a quotation cut in three: its middle part has no mark at all.
    straight = lone(
        "union",
        "The pier workers' union declared an indefinite strike on Monday over unpaid "
        'allowances. "We have written letter after letter. We have been promised, and '
        "promised again. Our members can no longer wait,\" the union's president said.",
    )

    # An essay whose writer's "my" and "me" come once among reporting sentences.
    essay = lone(
        "essay",
        "“It’s the worst we’ve seen. There’s no hope left,” my aunt told me recently. "
        "She was talking about the slump, now in its third year. Her voice was thick with "
        "gloom, but there was truth in her words.",
    )

    selection = select_stories(
        [memoir, report, quoted, told_me, straight, essay],
        NO_EDITS,
        [],
        max_stories=5,
        also_in_the_news=6,
    )

    assert sorted(s.id for s in selection.briefs) == ["s-channel", "s-senate", "s-union"]
    assert sorted(left.story_id for left in selection.left_out) == [
        "s-column",
        "s-essay",
        "s-mother",
    ]
    assert all("someone's own words" in left.detail for left in selection.left_out)


def test_soft_news_prints_after_the_hard_news_and_is_cut_first(tmp_path: Path) -> None:
    # A final four outlets carried, against talks and a strike two each.
    final = _story(
        "final",
        ("A", "Hosts win the World Cup final"),
        ("B", "World Cup final goes to the hosts"),
        ("C", "Hosts lift the World Cup"),
        ("D", "World Cup: hosts win the final"),
        hours=9,
    )
    talks = _story("talks", ("A", "Ceasefire talks resume"), ("B", "Ceasefire talks go on"))
    strike = _story("strike", ("A", "Dockers strike at ports"), ("B", "Port strike"), hours=1)
    topics = _grouped([final, talks, strike], [GREENLAND], max_stories=3)
    printed = {s.id: s for t in topics for s in t.stories}
    assert sorted(printed, key=lambda i: printed[i].rank) == ["s-strike", "s-talks", "s-final"]
    assert printed["s-final"].why.endswith("sport: printed after the hard news")
    assert "hard news" not in printed["s-talks"].why
    # The cap cuts it before any hard story, and says why.
    selection = select_stories([final, talks, strike], NO_EDITS, [], max_stories=2)
    assert [s.id for s in selection.stories] == ["s-strike", "s-talks"]
    (cut,) = selection.left_out
    assert cut.story_id == "s-final"
    assert cut.detail == "cut by max_stories (2) at rank 3; sport, ranked after the hard news"
    # The editors decide: pinned, it comes in first and its reason says so, not "after".
    pinned = _select(tmp_path, "stories:\n  s-final: {pin: true}\n", [final, talks, strike], 2)
    first = min(pinned.stories, key=lambda s: s.rank)
    assert first.id == "s-final"
    assert "after the hard news" not in first.why
    # A newsletter that wants sport as news says so (newsletter.soft_news_last: false).
    as_news = select_stories(
        [final, talks, strike], NO_EDITS, [], max_stories=2, soft_news_last=False
    )
    top = min(as_news.stories, key=lambda s: s.rank)
    assert top.id == "s-final"
    assert "hard news" not in top.why


def test_also_in_the_news_lists_the_hard_news_before_soft_and_quiet_items() -> None:
    items = [
        _story("gala", ("Metro", "Robots dance at the new year gala"), hours=9),
        _story("derby", ("Post", "City beat United in the derby: a 2-1 win"), hours=8),
        _story("raid", ("Wire", "Police arrest six in dawn raids on smugglers"), hours=1),
        _story("market", ("Daily", "Strike on a market kills 20"), hours=0),
    ]
    selection = select_stories(items, NO_EDITS, [], max_stories=5, also_in_the_news=3)
    # The strike's twenty dead come before the newer raid; both before the quiet gala.
    assert [s.id for s in selection.briefs] == ["s-market", "s-raid", "s-gala"]
    (left,) = selection.left_out
    assert left.story_id == "s-derby"
    # With room to spare, sport is still no item of a foreign desk's list; a
    # newsletter that ranks soft news like any says so.
    selection = select_stories(items, NO_EDITS, [], max_stories=5, also_in_the_news=8)
    assert [s.id for s in selection.briefs] == ["s-market", "s-raid", "s-gala"]
    (left,) = selection.left_out
    assert left.detail == (
        "one outlet only (Post); sport (soft news), so not listed as news in Also in the news"
    )
    selection = select_stories(
        items, NO_EDITS, [], max_stories=5, also_in_the_news=8, soft_news_last=False
    )
    assert "s-derby" in [s.id for s in selection.briefs]
    # An obituary of someone the world's news is about stays; a singer's does not.
    deaths = [
        _story("lungu", ("Wire", "Former Zambian president Edgar Lungu dies aged 68"), hours=3),
        _story("singer", ("Post", "Soul singer Ann Holt dies aged 82"), hours=2),
    ]
    selection = select_stories(deaths, NO_EDITS, [], max_stories=5, also_in_the_news=8)
    assert [s.id for s in selection.briefs] == ["s-lungu"]


def test_also_in_the_news_lists_the_worlds_news_before_local_news() -> None:
    # Both are hard news; the foreign-affairs issue's one-line items are the world's.
    items = [
        _story(
            "bust",
            ("Coast", "Police arrested two men over cocaine found in a seaside raid"),
            hours=12,
        ),
        _story("strike", ("Wire", "Sudan's military shells a market town"), hours=6),
        _story("truce", ("Daily", "Guatemala ends emergency powers after a crackdown"), hours=9),
    ]
    selection = select_stories(items, NO_EDITS, [], max_stories=5, also_in_the_news=2)
    assert [s.id for s in selection.briefs] == ["s-truce", "s-strike"]  # then the newest
    (left,) = selection.left_out
    assert left.story_id == "s-bust"
    # Its reason is what the last item listed does not have against it.
    assert left.detail.endswith(
        "and this one ranked 3: names no country, people or international body"
    )


def test_also_in_the_news_lists_a_report_of_many_dead_before_newer_news() -> None:
    items = [
        _story("talks", ("Wire", "Kenya and Somalia agree a border ceasefire"), hours=9),
        _story("strike", ("Daily", "Strike on a market in Sudan kills at least 28"), hours=0),
        _story("crash", ("Post", "Bus crash in Peru leaves 3 dead"), hours=5),
    ]
    selection = select_stories(items, NO_EDITS, [], max_stories=5, also_in_the_news=3)
    # Ten dead or more first; then the newest: three dead is a report like any other.
    assert [s.id for s in selection.briefs] == ["s-strike", "s-talks", "s-crash"]


def test_also_in_the_news_lists_a_report_before_a_tracker_of_the_same_news() -> None:
    items = [
        _story("map", ("Post", "Mapping the strikes on boats off Venezuela"), hours=9),
        _story("strike", ("Wire", "Navy strikes a boat off Venezuela, killing 3"), hours=0),
    ]
    selection = select_stories(items, NO_EDITS, [], max_stories=5, also_in_the_news=1)
    assert [s.id for s in selection.briefs] == ["s-strike"]
    (left,) = selection.left_out
    assert "ranked 2: no news headline among its titles" in left.detail


def test_an_item_left_out_of_also_in_the_news_is_told_what_kept_it_out() -> None:
    def item(name: str, outlet: str, title: str, hours: int) -> Story:
        return _story(name, (outlet, title), hours=hours)

    # An essay in its writer's own words is set aside before the list is made: it takes
    # no turn from its outlet, whose report is listed.
    essay = item("essay", "Wire", "I watched my city fall to the army. I stayed.", 9)
    report = item("report", "Wire", "Military takes the city of Kherson after a siege", 5)
    other = item("other", "Post", "Court jails the mayor of Kherson", 0)
    selection = select_stories(
        [essay, report, other], NO_EDITS, [], max_stories=5, also_in_the_news=2
    )
    assert [s.id for s in selection.briefs] == ["s-report", "s-other"]
    # Two outlets' first items, then one outlet's second: the other second is out for
    # its age, not its turn, which it shares with the last item listed.
    items = [
        item("a0", "Wire", "Military takes Kherson after a siege", 9),
        item("b0", "Post", "Court jails the mayor of Kherson", 8),
        item("a1", "Wire", "Missile attack hits a power plant in Kherson", 7),
        item("b1", "Post", "Missile attack hits a bridge in Kherson", 6),
    ]
    selection = select_stories(items, NO_EDITS, [], max_stories=5, also_in_the_news=3)
    assert [s.id for s in selection.briefs] == ["s-a0", "s-b0", "s-a1"]
    (left,) = selection.left_out
    assert left.detail.endswith(
        "ranked 4: a report like those listed, with fewer articles, fewer dead or older"
    )


def test_an_old_page_the_feed_brought_back_is_not_listed_as_this_weeks_news() -> None:
    def lone(name: str, url: str, title: str) -> Story:
        return Story(StoryId(f"s-{name}"), (_article(url, "Post", title, title, 0),))

    week = _article("https://x.example/a", "Post", "x", "x").published.date()
    old = week.replace(year=week.year - 1)
    tracker = lone(
        "tracker",
        f"https://post.example/world/{old:%Y/%m/%d}/strikes-map/",
        "Mapping the strikes at sea since the campaign began",
    )
    report = lone(
        "report",
        f"https://post.example/world/{week:%Y/%m/%d}/strikes-report/",
        "Navy strikes three more boats, killing 11",
    )
    undated = lone("plain", "https://wire.example/strikes-plan", "Pentagon plans more strikes")
    selection = select_stories(
        [tracker, report, undated], NO_EDITS, [], max_stories=5, also_in_the_news=5
    )
    assert {s.id for s in selection.briefs} == {"s-report", "s-plain"}
    (left,) = selection.left_out
    assert left.story_id == "s-tracker"
    assert left.detail.startswith("one outlet only (Post); a page from ")
    assert "(its address dates it) that the feed brought back" in left.detail


def test_a_story_with_a_fresh_report_beside_an_old_page_is_listed() -> None:
    week = _article("https://x.example/a", "Post", "x", "x").published.date()
    old = week.replace(year=week.year - 1)
    tracker = _article(
        f"https://post.example/{old:%Y/%m/%d}/map/", "Post", "Mapping the strikes", "x", 0
    )
    report = _article(
        f"https://post.example/{week:%Y/%m/%d}/report/", "Post", "Navy strikes a boat", "y", 5
    )
    for articles in ((tracker, report), (report, tracker)):
        story = Story(StoryId("s-both"), articles)
        selection = select_stories([story], NO_EDITS, [], max_stories=5, also_in_the_news=5)
        assert [s.id for s in selection.briefs] == ["s-both"]


def test_an_opinion_piece_is_not_listed_as_news() -> None:
    def lone(url: str, title: str) -> Story:
        text = (
            "Every winter the same pictures arrive from the harbour towns: roofs torn away "
            "and ferries aground. The storms are not the islanders' doing, and the bill "
            "should not be theirs either."
        )
        name = url.split("/")[2].split(".")[0]
        return Story(StoryId(f"s-{name}"), (_article(url, name.title(), title, text),))

    filed = lone("https://paper.example/voices/harbour-storms-bill", "The islands pay for storms")
    titled = lone("https://gazette.example/2026/12/04/harbour", "Opinion: The islands pay again")
    report = lone("https://wire.example/world/harbour-storm", "Storm sinks two harbour ferries")

    selection = select_stories(
        [filed, titled, report], NO_EDITS, [], max_stories=5, also_in_the_news=6
    )

    assert [s.id for s in selection.briefs] == ["s-wire"]
    left = {o.story_id: o.detail for o in selection.left_out}
    assert set(left) == {"s-paper", "s-gazette"}
    assert all("an opinion piece" in detail for detail in left.values())


def test_a_piece_republished_under_its_first_outlets_credit_is_that_outlets_report() -> None:
    text = (
        "Nato will open a liaison office in Tokyo next year after signing a memorandum with "
        "Japan on Tuesday, the alliance said."
    )
    first = _article("https://times.example/nato", "The Times", "Nato opens Tokyo office", text)
    again = _article(
        "https://herald.example/nato",
        "NZ Herald",
        "Nato to set up Tokyo office",
        f"{text}\n\nThis article first appeared in The Times.",
        3,
    )
    story = Story(id=StoryId("s-nato"), articles=(first, again))
    assert story.outlets == ("The Times",)
    # Its source line says whose report it is.
    from digest.summarize import summarize_story

    titles = [s.title for s in summarize_story(story).sources]
    assert "Nato to set up Tokyo office (from The Times)" in titles
    selection = select_stories([story], NO_EDITS, [], max_stories=5, also_in_the_news=2)
    assert [s.id for s in selection.briefs] == ["s-nato"]
    assert not selection.stories
    # A third outlet's own report makes it a story of two; a credit to an outlet that is
    # not in the story, or a study "first published in" a journal, counts the outlet.
    own = _article("https://post.example/nato", "Post", "Nato in Tokyo", text, 5)
    assert Story(id=StoryId("s-3"), articles=(first, again, own)).outlets == ("The Times", "Post")
    for credit in (
        "This article first appeared in The Guardian.",
        "The study, first published in The Times of Science, counted 40 offices.",
    ):
        other = _article("https://herald.example/x", "NZ Herald", "Nato", f"{text}\n\n{credit}")
        assert Story(id=StoryId("s-2"), articles=(first, other)).outlets == (
            "The Times",
            "NZ Herald",
        )


def test_one_wire_copy_carried_by_two_outlets_is_one_report() -> None:
    wire = (
        "The Pacific Islands Forum will hold an emergency meeting in Suva on Friday after "
        "a cyclone tore through the northern atolls of Tuvalu and Kiribati, the forum's "
        "secretariat said on Wednesday. At least nine people were killed and some 4,000 "
        "left without shelter, officials said, as relief flights from Australia and New "
        "Zealand began landing at Funafuti. “The scale of what we are seeing is beyond "
        "anything these islands have faced in a generation,” Secretary General Mele "
        "Tavita told reporters in Suva. The storm, named Kaveni, weakened to a tropical "
        "depression on Thursday as it moved south towards open water, forecasters said. "
        "Aid agencies warned that drinking water on the smaller islands would run short "
        "within days unless desalination units arrived."
    )
    first = _article("https://gazette.example/pacific", "Gazette", "Forum to meet on cyclone", wire)
    # The second outlet carries it under its own headline, dateline and byline, and adds
    # a paragraph of its own at the end.
    carried = _article(
        "https://islands.example/news/kaveni",
        "Islands Daily",
        "Cyclone kills nine in Tuvalu and Kiribati",
        f"SUVA (AFP) — {wire}\n\nIslands Daily has asked the government for comment on "
        "its own relief plans.",
        3,
    )
    story = Story(id=StoryId("s-cyclone"), articles=(first, carried))
    assert story.outlets == ("Gazette",)
    from digest.summarize import summarize_story

    titles = [s.title for s in summarize_story(story).sources]
    assert "Cyclone kills nine in Tuvalu and Kiribati (the same report as Gazette)" in titles
    selection = select_stories([story], NO_EDITS, [], max_stories=5, also_in_the_news=2)
    assert [s.id for s in selection.briefs] == ["s-cyclone"] and not selection.stories
    # A report of the outlet's own that quotes the same secretary general is a second one.
    own = _article(
        "https://post.example/world/kaveni",
        "Post",
        "Pacific leaders called to Suva",
        "Leaders of the Pacific Islands Forum were called to Suva for Friday as the toll "
        "from Cyclone Kaveni in Tuvalu and Kiribati reached nine. “The scale of what we "
        "are seeing is beyond anything these islands have faced in a generation,” Mele "
        "Tavita said. New Zealand pledged NZ$5 million and sent a navy ship carrying water "
        "and tarpaulins, while Fiji offered engineers to repair the runway at Funafuti, "
        "which was flooded for two days. Kiribati's president declared a state of "
        "emergency on the outer islands of the Gilbert group and asked for help in "
        "restoring radio links, cut since the storm passed late on Monday night.",
        5,
    )
    both = Story(id=StoryId("s-3"), articles=(first, carried, own))
    assert both.outlets == ("Gazette", "Post")
    assert not any("same report" in s.title for s in summarize_story(both).sources[2:])
    # A live page quoting the copy in full among many entries of its own is no copy of
    # it, nor the copy of the page.
    entries = " ".join(
        f"Update {n}: relief flight {n} landed at Funafuti with water, tents and medicine "
        f"for the families of the outer atolls, officials from the aid agency {n} said."
        for n in range(1, 16)
    )
    live = _article(
        "https://live.example/kaveni", "Live Wire", "Live: Cyclone Kaveni", f"{entries} {wire}", -2
    )
    copied = Story(id=StoryId("s-5"), articles=(live, first))
    assert copied.outlets == ("Live Wire", "Gazette")
    # A teaser too short to tell counts its outlet.
    teaser = _article("https://brief.example/k", "Brief", "Cyclone", wire[:300], 4)
    assert Story(id=StoryId("s-4"), articles=(first, teaser)).outlets == ("Gazette", "Brief")


def test_a_story_of_views_only_is_no_main_story_and_says_why(tmp_path: Path) -> None:
    # A column and a fact check on one event, from two outlets: no report of the news.
    column = _article(
        "https://paper.example/opinion/can-the-truce-hold", "Paper", "Can the truce hold?", "x"
    )
    check = _article(
        "https://eye.example/news/fact-check-army-chief-video",
        "Eye",
        "Fact check: Did the army chief reject the truce in a video?",
        "y",
        2,
    )
    views = Story(StoryId("s-views"), (column, check))
    selection = select_stories([views], NO_EDITS, [], max_stories=5, also_in_the_news=5)
    assert selection.stories == () and selection.briefs == ()
    [left] = selection.left_out
    assert left.story_id == "s-views"
    assert left.detail.startswith("views only (opinion, fact check")
    # Asked for by the editors, it comes in.
    pinned = _select(tmp_path, "stories:\n  s-views: {pin: true}\n", [views], 5)
    assert [s.id for s in pinned.stories] == ["s-views"]
