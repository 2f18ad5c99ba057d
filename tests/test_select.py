"""Selection: topics, ranking, the cap and the editors' choices, on hand-written stories."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from digest.config import TopicConfig
from digest.editorial import EditorialPlan, load_plan
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
        # "Japanese" is not the keyword "Japan": whole words only.
        _story("food", ("Wire", "Japanese restaurants boom"), ("Post", "Sushi boom in Paris")),
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


def test_discovered_topics_and_elsewhere() -> None:
    tesla_a = _story(
        "t1", ("Wire", "Tesla recalls Cybertruck"), ("Post", "Tesla Cybertruck recall")
    )
    tesla_b = _story("t2", ("Wire", "Tesla profits fall"), ("Post", "Tesla earnings slump"))
    other = _story("o1", ("Wire", "Volcano erupts in Iceland"), ("Post", "Iceland eruption"))
    topics = _grouped([tesla_a, tesla_b, other], [GREENLAND], max_stories=10)
    assert [(t.name, t.configured) for t in topics] == [("Tesla", False), ("Elsewhere", False)]
    assert {s.id for s in topics[0].stories} == {"s-t1", "s-t2"}
    assert topics[0].stories[0].why.startswith('discovered topic "Tesla"')


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
    assert full.left_out[0].detail == "cut by max_stories (5) at rank 6"
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


def test_single_outlet_story_without_a_topic_is_left_out_with_its_reason() -> None:
    lone = _story("cheese", ("Wire", "Cheese prices rise in France"))
    selection = select_stories([lone], NO_EDITS, [GREENLAND], max_stories=5)
    assert selection.topics == ()
    assert [(o.story_id, o.reason, o.detail, o.headline) for o in selection.left_out] == [
        (
            "s-cheese",
            LeftOutReason.NO_TOPIC,
            "one outlet only and no standing topic matched",
            "Cheese prices rise in France",
        )
    ]
