"""The end-to-end week harness (bench/e2e.py) measures what it says it measures.

These tests check the instrument, not the pipeline's quality: the metrics on toy
partitions worked out by hand, the gold rules on written examples, and one small real
run (a handful of Multi-News events, served on 127.0.0.1, built by the real CLI) whose
counts must agree with each other and with the built digest.json.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bench._e2e_pages import Marker
from bench._e2e_score import (
    GoldArticle,
    IssueStory,
    bcubed,
    expected_topics,
    score_issue,
    score_stage,
)
from bench._e2e_week import Event, degenerate_documents, headline_from, native_dateline
from digest.evaluate.cluster import bcubed as digest_bcubed

from .conftest import shared_path

DATA = ("data", "summarization", "multinews_longbench_dev100.jsonl")


def test_bcubed_on_a_partition_worked_out_by_hand() -> None:
    gold = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2"}  # "e" is in no story: alone

    precision, recall, f1 = bcubed(predicted, gold)

    # Precision: a 2/2, b 2/2, c 1/2, d 1/2, e 1/1. Recall: a 2/3, b 2/3, c 1/3, d 1/2, e 1/2.
    assert precision == pytest.approx(4 / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 / 2 + 1 / 2) / 5)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_bcubed_agrees_with_the_pipelines_own_scorer_on_random_partitions() -> None:
    rng = random.Random(7)
    for _ in range(20):
        items = [f"i{n}" for n in range(rng.randint(1, 40))]
        gold = {item: str(rng.randint(0, 5)) for item in items}
        predicted = {item: str(rng.randint(0, 8)) for item in items}
        ours = bcubed(predicted, gold)
        theirs = digest_bcubed([int(predicted[i]) for i in items], [int(gold[i]) for i in items])
        assert ours == pytest.approx(theirs)


def _article(key: str, event: int, outlet: str, *, degenerate: bool = False) -> GoldArticle:
    return GoldArticle(key, event, degenerate, outlet, f"title {key}", f"lede {key}")


def _story(story_id: str, section: str, members: set[str], *fields: str) -> IssueStory:
    return IssueStory(
        story_id,
        section,
        section == "Standing",
        f"headline {story_id}",
        tuple(("briefly", text) for text in fields),
        frozenset(members),
    )


def test_score_counts_a_toy_issue() -> None:
    articles = [
        _article("1-0", 1, "a"), _article("1-1", 1, "b"),  # covered whole, clean
        _article("2-0", 2, "a"), _article("2-1", 2, "b"), _article("2-2", 2, "c"),  # split
        _article("3-0", 3, "a"), _article("3-1", 3, "b"),  # partly left out; 3-1 mixed into m
        _article("4-0", 4, "c"), _article("4-1", 4, "d", degenerate=True),  # single report
        _article("5-0", 5, "a"), _article("5-1", 5, "b", degenerate=True),  # single, lost
        _article("6-0", 6, "c", degenerate=True), _article("7-0", 7, "d", degenerate=True),
        _article("8-0", 8, "a"), _article("8-1", 8, "c"),  # missing
    ]  # fmt: skip
    stories = [
        _story("s1", "Standing", {"1-0", "1-1"}, "BOSTON — it happened", "title 2-0 leaked"),
        _story("s2", "Elsewhere", {"2-0", "2-1"}, "title 2-0 is its own"),
        _story("m", "Elsewhere", {"2-2", "3-1"}),
        _story("j", "Elsewhere", {"6-0", "7-0"}),
    ]
    markers = [
        Marker("dateline", "BOSTON —"),
        Marker("related headline", "title 2-0", owner="2-0"),
    ]

    score = score_issue(
        articles,
        stories,
        anywhere={"4-0"},
        left_out=3,
        markers=markers,
        topics={"Standing": ("title",)},
    )

    assert (score.events, score.events_multi, score.events_single) == (8, 4, 2)
    assert score.degenerate == 4
    assert (score.covered, score.covered_clean, score.split) == (1, 1, 1)
    assert (score.partial, score.missing) == (1, 1)
    assert score.covered + score.split + score.partial + score.missing == score.events_multi
    assert (score.mixed_stories, score.junk_stories, score.all_junk_stories) == (1, 1, 1)
    assert score.single_lost == 1  # event 5; event 4's report is linked in the issue
    assert score.sections == {"Standing": 1, "Elsewhere": 3}
    assert score.non_standing_printed == 3
    # The related headline counts in s1 (no article of event 2) but not in s2 (its own).
    assert score.injected == {"dateline": 1, "related headline": 1}
    assert score.patterns["dateline"] == 1
    # Gold: one class per event plus one singleton class per degenerate article.
    labels = {a.key: f"junk:{a.key}" if a.is_degenerate else str(a.event) for a in articles}
    predicted = {key: s.id for s in stories for key in s.members}
    assert score.bcubed_f1 == pytest.approx(bcubed(predicted, labels)[2])


def test_stage_lists_each_split_event_and_mixing_story_report_by_report() -> None:
    articles = [
        _article("1-0", 1, "a"), _article("1-1", 1, "b"),  # whole: not listed
        _article("2-0", 2, "a"), _article("2-1", 2, "b"), _article("2-2", 2, "c"),  # split
        _article("3-0", 3, "c"), _article("3-1", 3, "d", degenerate=True),  # junk in x
    ]  # fmt: skip
    partition = {"1-0": "x1", "1-1": "x1", "2-0": "x2", "2-1": "x2", "2-2": "x3"}
    partition |= {"3-0": "x3", "3-1": "x3"}
    texts = {key: f"clustered {key} " + "word " * 100 for key in partition}

    stage = score_stage(articles, partition, [], topics={}, texts=texts)

    (split,) = stage["split_events"]  # type: ignore[misc]
    assert split["event"] == 2
    rows = [(r["key"], r["story"], r["outlet"]) for r in split["reports"]]
    assert rows == [("2-0", "S1", "a"), ("2-1", "S1", "b"), ("2-2", "S2", "c")]
    assert split["reports"][0]["text"].startswith("clustered 2-0 word")
    assert len(split["reports"][0]["text"]) == 150  # the start of what clustering saw
    (mix,) = stage["mixed_cases"]  # type: ignore[misc]
    assert mix["label"].startswith("MIX story S2")  # the story 2-2 went to
    assert sorted(r["key"] for r in mix["reports"]) == ["2-2", "3-0", "3-1"]
    assert [r["degenerate"] for r in mix["reports"]] == [False, False, True]


def test_expected_topic_needs_half_of_the_real_reports() -> None:
    articles = [
        GoldArticle("1-0", 1, False, "a", "Kim Jong visits", ""),
        GoldArticle("1-1", 1, False, "b", "Talks resume", "North Korea said"),
        GoldArticle("2-0", 2, False, "a", "Kim Jong again", ""),
        GoldArticle("2-1", 2, False, "b", "Weather", ""),
        GoldArticle("2-2", 2, False, "c", "Sports", ""),
        GoldArticle("3-0", 3, True, "a", "North Korea notice", ""),
    ]

    expected = expected_topics(articles, {"North Korea": ("North Korea", "Kim Jong")})

    assert expected == {1: "North Korea"}


def test_degenerate_documents_follow_the_documented_rule() -> None:
    notice = "An archive notice that several crawled pages carry instead of their article."
    real = " ".join(f"word{n}" for n in range(80))
    events = [
        Event(1, (notice, real)),
        Event(2, (notice + "\n" + "short own text", real + " more")),
        Event(3, ("Too short to be a report of anything at all.", real + " other")),
        Event(4, ("The Wayback Machine kept this page. " + " ".join(["x"] * 100), real + "!")),
        Event(5, ("The Wayback Machine kept this page. " + " ".join(["y"] * 200), real + "?")),
    ]

    assert degenerate_documents(events) == {(1, 0), (2, 0), (3, 0), (4, 0)}


def test_headline_and_dateline_from_a_written_lede() -> None:
    text = (
        "By Jo Staff\n"
        "SPRINGFIELD (AP) — The city council voted on Tuesday to close the old bridge, "
        "which had been shut twice this year, after engineers found cracks. More follows."
    )

    assert native_dateline(text) == "SPRINGFIELD (AP) —"
    assert headline_from(text) == "The city council voted on Tuesday to close the old bridge"


@pytest.mark.slow
def test_a_small_week_runs_end_to_end_and_its_counts_agree(tmp_path: Path) -> None:
    data = shared_path(*DATA)
    from bench.e2e import WeekOptions, run_week

    result = run_week(WeekOptions(seed=3, events=4, keep=tmp_path / "week", data=data))

    assert result.run["exit_code"] == 0, result.run
    score, week = result.score, result.week
    gold = json.loads((tmp_path / "week" / "gold.json").read_text(encoding="utf-8"))
    assert score.articles == len(gold) and week["events"] == len({g["event"] for g in gold})
    assert score.degenerate == sum(g["degenerate"] for g in gold)
    assert score.covered + score.split + score.partial + score.missing == score.events_multi
    assert score.events_multi + score.events_single <= score.events
    # Every printed story was read back and each of its sources matched to the week.
    (issue_file,) = (tmp_path / "week" / "out").glob("*/digest.json")
    issue = json.loads(issue_file.read_text(encoding="utf-8"))
    printed = [story for topic in issue["topics"] for story in topic["stories"]]
    assert score.stories == len(printed) == sum(score.sections.values())
    assert week["unknown_source_urls"] == 0
    assert 0 <= score.bcubed_f1 <= 1 and "error" not in score.stage
    # The store holds a record for every article of the week: the assembled partition
    # covers them all, and is at least as good as the printed one (nothing is lost).
    assert score.unaccounted == 0 and score.single_unaccounted == 0
    assembled_f1 = score.assembled.get("bcubed_f1")
    assert isinstance(assembled_f1, float) and assembled_f1 >= round(score.bcubed_f1, 4)
    # The pages carried the furniture the harness says it injected.
    page = next((tmp_path / "week" / "site").rglob("*.html")).read_text(encoding="utf-8")
    assert "<footer>" in page and week["furniture_injected"]["footer"] == score.articles


@pytest.mark.slow
def test_the_feed_text_variant_serves_no_pages(tmp_path: Path) -> None:
    data = shared_path(*DATA)
    from bench.e2e import WeekOptions, run_week

    result = run_week(
        WeekOptions(seed=2, events=3, variant="feedtext", keep=tmp_path / "week", data=data)
    )

    assert result.run["exit_code"] == 0, result.run
    assert not list((tmp_path / "week" / "site").rglob("*.html"))
    assert set(result.week["furniture_injected"]) <= {"feed promo"}
    assert result.run["warning_lines"] >= 1  # the dead links are reported


@pytest.mark.slow
def test_real_feed_items_cluster_in_the_pipeline_as_the_evaluation_scores_them(
    tmp_path: Path,
) -> None:
    # The real outlets' items go through `digest run` with their pages out of reach,
    # so each article is its feed text; the clustering stage must then score what
    # `digest eval cluster` scores on the same items (it once counted teasers twice).
    data = shared_path("data", "clustering", "realfeeds_dev.jsonl")
    from bench.e2e import WeekOptions, run_week
    from digest.evaluate.cluster import evaluate_clustering

    result = run_week(WeekOptions(variant="realfeeds", keep=tmp_path / "week", data=data))

    assert result.run["exit_code"] == 0, result.run
    assert not list((tmp_path / "week" / "site").rglob("*.html"))
    score = result.score
    rows = data.read_text(encoding="utf-8").splitlines()
    assert score.articles == len(rows) and score.unaccounted == 0
    stage_f1 = score.stage.get("bcubed_f1")
    assert isinstance(stage_f1, float)
    assert abs(stage_f1 - float(evaluate_clustering(data)["bcubed_f1"])) < 0.01
    # Out of reach is not gone: the one-outlet reports are still listed (a 404 for
    # every page once emptied Also in the news).
    (issue,) = (tmp_path / "week" / "out").glob("*/digest.json")
    assert len(json.loads(issue.read_text(encoding="utf-8"))["also_in_the_news"]) >= 5


def test_real_pages_are_written_up_and_checked(tmp_path: Path) -> None:
    import subprocess
    import sys

    shared_path("data", "extraction", "aeb_dev", "html")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, str(root / "bench" / "pages.py"), "--limit", "6", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    counts = json.loads(done.stdout)
    # Every page with article text gets a write-up with a Briefly; the checks ran on it.
    assert counts["stories"] >= 5 and counts["printed"]["briefly"] >= counts["stories"]
    assert isinstance(counts["findings"], dict)


def test_headlines_built_from_lead_sentences_are_listed() -> None:
    import subprocess
    import sys

    data = shared_path("data", "summarization", "multinews_longbench_dev100.jsonl")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, str(root / "bench" / "headlines.py"), "--data", str(data), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    built = json.loads(done.stdout)
    # Every sentence is over 14 words; its headline is kept whole up to 16, else cut,
    # at 20 words at most (a clause with its verb rather than a phrase without one).
    assert len(built) > 100
    for sentence, headline in built.items():
        words = [w for w in headline.split() if any(c.isalnum() for c in w)]  # not "--"
        assert 0 < len(words) <= min(20, len(sentence.split()))
    assert sum(len(h.split()) < len(s.split()) for s, h in built.items()) > len(built) / 2
