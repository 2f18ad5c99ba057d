"""The editors' file: read, written without losing comments, applied to an issue."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from digest.build import BuildOptions, IssueResult, run_issue
from digest.config import TopicConfig, load_config
from digest.editorial import (
    EditorsChoice,
    apply_text,
    choose_stories,
    load_plan,
)
from digest.editorial_edits import update_story_edit, update_story_edits
from digest.errors import ConfigError
from digest.ids import story_id_for
from digest.models import (
    Article,
    ArticleId,
    Sentence,
    Source,
    Story,
    StoryId,
    StoryStatus,
    StorySummary,
    TakeOrigin,
    TopicSection,
    TopicStories,
)
from digest.sample import (
    EXPECTED_STORIES,
    WEEK2_CONTINUES,
    SampleSite,
    serve_sample,
    write_sample_config,
)
from digest.select import select_stories
from digest.text import curl_quotes

WHEN = datetime(2026, 11, 20, tzinfo=UTC)


def _story(story_id: str, headline: str) -> StorySummary:
    url = f"https://example.org/{story_id}"
    return StorySummary(
        story_id=StoryId(story_id),
        headline=headline,
        briefly=(Sentence(f"{headline} happened.", url),),
        perspectives=(),
        also_worth_noting=(),
        sources=(Source("Example", headline, url, WHEN),),
    )


SECTIONS = (
    TopicSection("Greenland", True, (_story("s-a", "A"), _story("s-b", "B"), _story("s-c", "C"))),
    TopicSection("Elsewhere", False, (_story("s-d", "D"),)),
)


def _apply(tmp_path: Path, text: str) -> tuple[TopicSection, ...]:
    path = tmp_path / "editorial.yaml"
    path.write_text(text)
    return apply_text(SECTIONS, load_plan(path))


def _ids(sections: Sequence[TopicStories]) -> list[tuple[str, list[str]]]:
    return [(t.name, [s.id for s in t.stories]) for t in sections]


def _two_outlets(story_id: str, title: str, hour: int) -> Story:
    articles = tuple(
        Article(
            id=ArticleId(f"https://{outlet}.example/{story_id}"),
            url=f"https://{outlet}.example/{story_id}",
            outlet=outlet,
            feed_url=f"https://{outlet}.example/feed",
            title=title,
            published=WHEN.replace(hour=hour),
            text=f"{title}.",
        )
        for outlet in ("ledger", "review")
    )
    return Story(id=StoryId(story_id), articles=articles)


GREENLAND = TopicConfig(name="Greenland", keywords=("Greenland",))
CANDIDATES = (
    _two_outlets("s-a", "Greenland votes on mining", 1),
    _two_outlets("s-b", "Greenland opens an airport", 9),
    _two_outlets("s-c", "Greenland talks in Nuuk", 2),
    _two_outlets("s-d", "Volcano erupts in Iceland", 3),
)


def test_an_updates_text_that_went_out_is_not_printed_again(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    path.write_text(
        "stories:\n  s-c:\n    take: Belgium holds the key\n"
        "    headline: Copenhagen calls in the US envoy\n"
    )
    plan = load_plan(path)
    update = dataclasses.replace(_story("s-c", "C"), status=StoryStatus.UPDATE)
    written = (TopicSection("Greenland", True, (update,)),)
    # Word for word, whatever the marks: "key." went out, "key" is the same text.
    sent = {"s-c": {"Belgium holds the key.", "Copenhagen calls in the US envoy"}}
    [story] = apply_text(written, plan, sent)[0].stories
    assert (story.take, story.headline) == ("", "C")
    assert story.flags == (
        "the headline and take in the editorial file went out with this story before and "
        "are not printed again under the update: write for this week's news",
    )
    # Text the editors changed since is theirs for this week; a new story is untouched.
    [edited] = apply_text(written, plan, {"s-c": {"Belgium held the key last week."}})[0].stories
    # Another story's words are not this story's.
    [other] = apply_text(written, plan, {"s-d": sent["s-c"]})[0].stories
    assert other.take == "Belgium holds the key"
    assert edited.take == "Belgium holds the key"
    new = (TopicSection("Greenland", True, (_story("s-c", "C"),)),)
    assert apply_text(new, plan, sent)[0].stories[0].take == "Belgium holds the key"


def test_entries_for_stories_sent_before_with_nothing_new_stay_quiet(tmp_path: Path) -> None:
    # A pin stays in the file after its story went out: a warning each week would grow.
    path = tmp_path / "editorial.yaml"
    path.write_text("stories:\n  s-0123456789ab: {pin: true}\n  s-0123456789cd: {take: Old.}\n")
    plan = load_plan(path)
    quiet = select_stories(
        CANDIDATES, plan, [GREENLAND], max_stories=10, told={"s-0123456789ab", "s-0123456789cd"}
    )
    assert quiet.problems == ()
    told = select_stories(CANDIDATES, plan, [GREENLAND], max_stories=10, told={"s-0123456789ab"})
    assert [str(p) for p in told.problems] == [
        "editorial.yaml:3: story s-0123456789cd is not in this issue; its edits are kept for "
        "when it returns."
    ]


def test_missing_file_changes_nothing(tmp_path: Path) -> None:
    plan = load_plan(tmp_path / "none.yaml")
    assert apply_text(SECTIONS, plan) == SECTIONS
    choice = choose_stories(CANDIDATES, plan)
    assert choice.stories == CANDIDATES and choice.left_out == () and choice.problems == ()


def test_pin_drop_and_move_act_before_writing_and_take_after(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    path.write_text(
        """\
stories:
  s-c: {pin: true, take: "  Our view.  "}
  s-a: {drop: true}
  s-d: {topic: Greenland, headline: New D}
  s-0123456789ab: {take: kept for later}
  s-Bangladesh: {drop: true}
  s-cc: {take: a slip in copying s-c}
"""
    )
    plan = load_plan(path)
    selection = select_stories(CANDIDATES, plan, [GREENLAND], max_stories=10)
    assert _ids(selection.topics) == [("Greenland", ["s-c", "s-b", "s-d"])]
    assert [(o.story_id, o.detail) for o in selection.left_out] == [
        ("s-a", "dropped in the editorial file")
    ]
    assert selection.editor_takes == {"s-c"}
    # Each entry that matches no story is told apart, with its line: a story that may
    # come back, and keys that never can.
    assert [str(p) for p in selection.problems] == [
        "editorial.yaml:5: story s-0123456789ab is not in this issue; its edits are kept "
        "for when it returns.",
        "editorial.yaml:6: 's-Bangladesh' is not a story id (like s-2dc84f163699: copy one "
        "from the preview or digest.json); this entry matches no story.",
        "editorial.yaml:7: 's-cc' is not a story id (like s-2dc84f163699: copy one from the "
        "preview or digest.json); this entry matches no story. Did you mean s-c?",
    ]
    # An entry for a story sent in an earlier issue, with nothing new since, is last
    # weeks' work: kept quietly, not a warning that grows every week.
    told = select_stories(CANDIDATES, plan, [GREENLAND], max_stories=10, told={"s-0123456789ab"})
    assert not any("s-0123456789ab" in str(p) for p in told.problems)
    assert len(told.problems) == len(selection.problems) - 1
    written = (TopicSection("Greenland", True, (_story("s-c", "C"), _story("s-d", "D"))),)
    pinned, moved = apply_text(written, plan)[0].stories
    assert (pinned.take, pinned.take_origin) == ("Our view.", TakeOrigin.EDITOR)
    assert moved.headline == "New D"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "stories:\n  s-a:\n    pin: maybe\n    colour: red\n",
            [":3:5: stories.s-a.pin:", ":4:5: stories.s-a.colour: unknown key."],
        ),
        (
            "stories:\n  s-a:\n    merge_into: story-b\n    split: [not a url]\n",
            [
                ":3:5: stories.s-a.merge_into: not a story id",
                ":4:5: stories.s-a.split: not an http",
            ],
        ),
    ],
)
def test_bad_entry_reports_line_and_key(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "editorial.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_plan(path)
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(f"{path}{start}"), problem


def test_update_keeps_comments_and_other_entries(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    path.write_text("# our notes\nstories:\n  s-b:\n    take: Keep me  # why\n")
    update_story_edit(path, "s-a", {"pin": True, "take": "New take"})
    update_story_edit(path, "s-b", {"drop": True})
    text = path.read_text()
    assert "# our notes" in text and "# why" in text
    edits = load_plan(path).stories
    assert edits["s-a"].pin and edits["s-a"].take == "New take"
    assert edits["s-b"].take == "Keep me" and edits["s-b"].drop
    update_story_edit(path, "s-a", {"pin": None, "take": None})
    assert "s-a" not in load_plan(path).stories
    # An emptied box removes its key: an empty headline would be written and ignored.
    update_story_edit(path, "s-b", {"headline": "  ", "take": ""})
    assert "headline" not in path.read_text() and "Keep me" not in path.read_text()
    assert load_plan(path).stories["s-b"].drop


def test_new_file_gets_an_explaining_header(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    update_story_edit(path, "s-a", {"take": "First."})
    assert path.read_text().startswith("# Editorial decisions for newsletter-digest")
    assert load_plan(path).stories["s-a"].take == "First."


def test_perspectives_and_notes_replace_the_generated_ones(tmp_path: Path) -> None:
    sections = _apply(
        tmp_path,
        """\
stories:
  s-a:
    perspectives:
      - {who: "Denmark's foreign minister", says: " The letter changes nothing. "}
    also_worth_noting: ["Nuuk votes next week.", "  ", "Copenhagen pays the bill."]
  s-b: {also_worth_noting: []}
""",
    )
    story_a, story_b = sections[0].stories[0], sections[0].stories[1]
    first_source = "https://example.org/s-a"
    # In the marks the rest of the issue prints: the editors type straight ones.
    assert [(p.who, p.says, p.source_url) for p in story_a.perspectives] == [
        ("Denmark’s foreign minister", "The letter changes nothing.", first_source)
    ]
    assert story_a.also_worth_noting == (
        Sentence("Nuuk votes next week.", first_source),
        Sentence("Copenhagen pays the bill.", first_source),
    )
    assert story_b.also_worth_noting == ()


# -- merge and split -----------------------------------------------------------------------


def _article(url: str, hour: int, outlet: str = "Ledger") -> Article:
    return Article(
        id=ArticleId(url),
        url=url,
        outlet=outlet,
        feed_url="https://example.org/feed",
        title=f"Title of {url}",
        published=WHEN.replace(hour=hour),
        text="Text.",
    )


def _clustered(*urls_per_story: tuple[str, ...]) -> list[Story]:
    stories = []
    for urls in urls_per_story:
        articles = tuple(_article(url, hour) for hour, url in enumerate(urls, start=1))
        stories.append(Story(id=story_id_for(urls[0]), articles=articles, why="2 outlets"))
    return stories


A = ("https://ledger.example/a1", "https://review.example/a2", "https://observer.example/a3")
B = ("https://ledger.example/b1", "https://review.example/b2")
C = ("https://ledger.example/c1",)
ID_A, ID_B, ID_C = story_id_for(A[0]), story_id_for(B[0]), story_id_for(C[0])


def _structure(tmp_path: Path, text: str, stories: list[Story]) -> EditorsChoice:
    path = tmp_path / "editorial.yaml"
    path.write_text(text)
    return choose_stories(stories, load_plan(path))


def _notes(choice: EditorsChoice) -> tuple[str, ...]:
    return tuple(str(p) for p in choice.problems)


def _urls(story: Story) -> list[str]:
    return [a.url for a in story.articles]


def test_merge_moves_every_article_into_the_target(tmp_path: Path) -> None:
    result = _structure(
        tmp_path, f"stories:\n  {ID_B}: {{merge_into: {ID_A}}}\n", _clustered(A, B, C)
    )
    assert [s.id for s in result.stories] == [ID_A, ID_C]
    merged = result.stories[0]
    assert _urls(merged) == [A[0], B[0], A[1], B[1], A[2]], "earliest first"
    assert "merged with " + ID_B in merged.why
    assert [(o.story_id, o.detail) for o in result.left_out] == [
        (ID_B, f"merged into {ID_A} in editorial.yaml")
    ]
    assert _notes(result) == ()


def test_merge_follows_chains_and_reports_what_it_cannot_do(tmp_path: Path) -> None:
    gone = "s-0000000000ff"
    text = (
        f"stories:\n  {ID_A}: {{merge_into: {ID_B}}}\n  {ID_B}: {{merge_into: {ID_C}}}\n"
        f"  {ID_C}: {{merge_into: {ID_A}}}\n  s-00000000abcd: {{merge_into: {gone}}}\n"
    )
    stories = [*_clustered(A, B, C), *_clustered(("https://other.example/x",))]
    lonely = stories[-1].id
    text = text.replace("s-00000000abcd", lonely)
    result = _structure(tmp_path, text, stories)
    # A -> B -> C -> (A: a circle), so C stays and takes everything.
    assert [s.id for s in result.stories] == [ID_C, lonely]
    assert len(result.stories[0].articles) == 6
    assert _notes(result) == (
        f"editorial.yaml: {ID_C}: merge_into {ID_A} would merge stories in a circle; "
        f"{ID_C} stays on its own.",
        f"editorial.yaml: {lonely}: merge_into {gone}, which is not in this issue; "
        f"{lonely} stays on its own.",
    )


def test_drop_and_merge_into_on_one_story_merges_and_says_so(tmp_path: Path) -> None:
    text = f"stories:\n  {ID_A}:\n    drop: true\n    merge_into: {ID_B}\n"
    result = _structure(tmp_path, text, _clustered(A, B))
    assert [s.id for s in result.stories] == [ID_B]
    assert len(result.stories[0].articles) == len(A) + len(B)
    assert _notes(result) == (
        f"editorial.yaml:3: {ID_A}: both drop and merge_into {ID_B} are set; it is merged "
        f"into {ID_B}. Remove the one you do not mean.",
    )


def test_split_takes_an_article_into_its_own_story(tmp_path: Path) -> None:
    # The editors' URL may differ in scheme and port from the stored one.
    asked = "http://review.example:8080/a2"
    text = f"stories:\n  {ID_A}:\n    split:\n      - {asked}\n"
    result = _structure(tmp_path, text, _clustered(A, B))
    new_id = story_id_for(A[1])
    assert [s.id for s in result.stories] == [ID_A, new_id, ID_B]
    assert _urls(result.stories[0]) == [A[0], A[2]]
    assert _urls(result.stories[1]) == [A[1]]
    assert result.stories[1].why == f"split out of {ID_A} in the editorial file"
    assert result.split_from == {new_id: ID_A}
    assert result.requested == {new_id}, "the editors asked for it: it comes in"


def test_split_then_merge_regroups_articles(tmp_path: Path) -> None:
    new_id = story_id_for(A[2])
    text = f"stories:\n  {ID_A}: {{split: ['{A[2]}']}}\n  {new_id}: {{merge_into: {ID_B}}}\n"
    result = _structure(tmp_path, text, _clustered(A, B))
    assert [(s.id, len(s.articles)) for s in result.stories] == [(ID_A, 2), (ID_B, 3)]
    assert all(new_id not in note for note in _notes(result))


def test_split_that_cannot_happen_is_a_note(tmp_path: Path) -> None:
    text = (
        f"stories:\n  {ID_A}: {{split: ['{A[0]}', 'https://nowhere.example/z']}}\n"
        f"  {ID_C}: {{split: ['{C[0]}']}}\n"
    )
    result = _structure(tmp_path, text, _clustered(A, C))
    assert [len(s.articles) for s in result.stories] == [3, 1]
    assert _notes(result) == (
        f"editorial.yaml: {ID_A}: split {A[0]}: it is the article that gives the story its "
        "id; split the other articles out instead.",
        f"editorial.yaml: {ID_A}: split https://nowhere.example/z: that article is not in "
        "this story (any more); nothing was split.",
        f"editorial.yaml: {ID_C}: split {C[0]}: it is the story's only article; nothing was split.",
    )


def test_batch_update_writes_lists_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    update_story_edits(
        path,
        [
            (ID_A, {"order": 2, "split": [A[1]], "also_worth_noting": ["One.", "Two."]}),
            (ID_B, {"order": 1, "perspectives": [{"who": "Nuuk", "says": "No."}]}),
        ],
    )
    edits = load_plan(path).stories
    assert edits[ID_A].split == (A[1],) and edits[ID_A].also_worth_noting == ("One.", "Two.")
    assert edits[ID_B].perspectives is not None and edits[ID_B].perspectives[0].who == "Nuuk"
    before = path.read_text()
    with pytest.raises(ConfigError, match=rf"stories\.{ID_A}\.merge_into: not a story id"):
        update_story_edits(path, [(ID_C, {"pin": True}), (ID_A, {"merge_into": "nope"})])
    assert path.read_text() == before
    # A key mistyped by hand in another entry is told with its line, as a build tells it.
    path.write_text(before + f"  {ID_C}:\n    tak: Our view.\n")
    with pytest.raises(ConfigError) as typo:
        update_story_edit(path, ID_C, {"pin": True})
    assert (
        f':{before.count(chr(10)) + 2}:5: stories.{ID_C}.tak: unknown key. Did you mean "take"?'
        in (str(typo.value))
    )
    path.write_text(before)
    update_story_edit(path, ID_A, {"split": []})
    assert load_plan(path).stories[ID_A].split == ()


# -- overrides across rebuilds, on the bundled sample ---------------------------------------


def _paths(urls: Sequence[str]) -> frozenset[str]:
    return frozenset(urlsplit(u).path.lstrip("/") for u in urls)


def _id_of(result: IssueResult, label: str) -> StoryId:
    wanted = frozenset(EXPECTED_STORIES[label])
    return next(
        s.story_id for s in result.issue.stories if _paths([x.url for x in s.sources]) == wanted
    )


def _build(site: SampleSite, directory: Path, now: datetime) -> IssueResult:
    config = write_sample_config(site, directory)
    # Scheduled, as `digest run` builds: each week's issue counts as sent.
    return run_issue(
        load_config(config),
        BuildOptions(out_dir=directory / "out", now=now, is_final=True, force=True),
    )


_WENT_OUT = "went out with this story before"


def _curled(text: str) -> str:
    return curl_quotes(text.strip())


def _check_overrides(result: IssueResult, path: Path) -> set[StoryId]:
    """Assert every override whose story is in ``result`` is applied and the others are
    reported; returns the ids whose overrides applied."""
    edits = load_plan(path).stories
    shown = {s.story_id: (t, s) for t in result.issue.topics for s in t.stories}
    left_out = {o.story_id: o.detail for o in result.left_out}
    warnings = "\n".join(str(p) for p in result.issue.problems)
    applied = set()
    for story_id, edit in edits.items():
        if story_id in shown:
            topic, story = shown[story_id]
            if any(_WENT_OUT in flag for flag in story.flags):
                # An update: the text went out with the story before (see below).
                applied.add(StoryId(story_id))
                continue
            if edit.take:
                assert (story.take, story.take_origin) == (_curled(edit.take), TakeOrigin.EDITOR)
            if edit.headline:
                assert story.headline == _curled(edit.headline)
            if edit.pin:
                assert topic.stories[0].story_id == story_id
            if edit.perspectives is not None:
                assert [(p.who, p.says) for p in story.perspectives] == [
                    (_curled(p.who), _curled(p.says)) for p in edit.perspectives
                ]
            if edit.also_worth_noting is not None:
                assert [s.text for s in story.also_worth_noting] == [
                    _curled(text) for text in edit.also_worth_noting
                ]
            for url in edit.split:
                assert urlsplit(url).path not in {urlsplit(s.url).path for s in story.sources}
                assert story_id_for(url) in shown or url in warnings
            assert not edit.drop and not edit.merge_into
            applied.add(StoryId(story_id))
        elif edit.drop and left_out.get(StoryId(story_id)) == "dropped in the editorial file":
            applied.add(StoryId(story_id))
        elif edit.merge_into and left_out.get(StoryId(story_id), "").startswith("merged into"):
            merged = shown[StoryId(edit.merge_into)][1]
            assert len(merged.sources) >= 4
            applied.add(StoryId(story_id))
        elif story_id in left_out:
            # A candidate the selection left out (one outlet, or past the cap) is
            # reported with its reason, for `digest why` and the preview.
            assert left_out[StoryId(story_id)]
        else:
            assert f"story {story_id} is not in this issue" in warnings
    return applied


def test_overrides_survive_rebuilds_and_new_articles(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        first = _build(site, tmp_path, site.now)
        week1_now = site.now
        ids = {label: _id_of(first, label) for label in EXPECTED_STORIES}
        assert {"reparations-loan", "nato-tokyo-office", "greenland-us-pressure"} <= set(
            WEEK2_CONTINUES
        )
        tokyo = next(s for s in first.stories if s.id == ids["nato-tokyo-office"])
        split_url = tokyo.articles[1].url
        path = load_config(tmp_path / "feeds.yaml").editorial_path
        update_story_edits(
            path,
            [
                (ids["reparations-loan"], {"take": "Belgium holds the key."}),
                (ids["russia-euroclear-lawsuit"], {"merge_into": ids["reparations-loan"]}),
                (ids["nato-ip4-maritime"], {"pin": True}),
                (ids["bulgaria-election"], {"drop": True}),
                (ids["nato-tokyo-office"], {"split": [split_url]}),
                (
                    ids["greenland-us-pressure"],
                    {
                        "headline": "Copenhagen calls in the US envoy",
                        "perspectives": [{"who": "Nuuk", "says": "Greenland is not for sale."}],
                        "also_worth_noting": ["Denmark's parliament debates it on Tuesday."],
                    },
                ),
            ],
        )
        edited = _build(site, tmp_path, site.now)
    assert _check_overrides(edited, path) == set(load_plan(path).stories)
    assert story_id_for(split_url) in {s.story_id for s in edited.issue.stories}
    assert ids["russia-euroclear-lawsuit"] not in {s.story_id for s in edited.issue.stories}

    # New articles arrive (week 2's feeds) and week 1 is built again: every story is
    # still there, so every override still applies.
    # The publishers' URLs stay the same from one week to the next: same port.
    with serve_sample(week=2, port=urlsplit(site.base_url).port or 0) as site:
        again = _build(site, tmp_path, week1_now)
        assert _check_overrides(again, path) == set(load_plan(path).stories)
        # The next week: stories that continue keep their overrides, the rest are reported.
        later = _build(site, tmp_path, site.now)
    applied = _check_overrides(later, path)
    assert {ids["reparations-loan"], ids["greenland-us-pressure"]} <= applied
    # Their text was written for the issue that sent them: the updates do not print it
    # again ("Copenhagen calls in the US envoy" over Nuuk's vote a week later), and the
    # editors are told to write for this week's news.
    updates = {s.story_id: s for s in later.issue.stories}
    reparations, greenland = updates[ids["reparations-loan"]], updates[ids["greenland-us-pressure"]]
    assert reparations.take != "Belgium holds the key."
    assert greenland.headline != "Copenhagen calls in the US envoy"
    assert "Greenland is not for sale." not in [p.says for p in greenland.perspectives]
    assert any("the take in the editorial file" in f for f in reparations.flags)
    assert any(
        "the headline, perspectives and notes in the editorial file" in f for f in greenland.flags
    )
    assert ids["nato-tokyo-office"] in applied, "the split does not hand the id to the split story"
    assert ids["bulgaria-election"] not in applied
    assert set(load_plan(path).stories) == {
        ids[label]
        for label in (
            "reparations-loan",
            "russia-euroclear-lawsuit",
            "nato-ip4-maritime",
            "bulgaria-election",
            "nato-tokyo-office",
            "greenland-us-pressure",
        )
    }, "nothing is lost from the file"


# -- writers in parallel (issue 13.8) ---------------------------------------------------------


def _write_take(job: tuple[str, int]) -> None:
    path, index = job
    update_story_edit(Path(path), f"s-{index:012x}", {"take": f"Take {index}."})


def test_parallel_writers_in_separate_processes_lose_no_edit(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    path = tmp_path / "editorial.yaml"
    path.write_text("# kept\nstories:\n")
    with ProcessPoolExecutor(max_workers=8) as pool:
        list(pool.map(_write_take, [(str(path), i) for i in range(40)]))
    edits = load_plan(path).stories
    assert {i: e.take for i, e in edits.items()} == {f"s-{i:012x}": f"Take {i}." for i in range(40)}
    assert path.read_text().startswith("# kept")


def test_drop_beside_pin_leaves_the_story_out_and_says_so(tmp_path: Path) -> None:
    # Earlier previews wrote a drop beside a pin: a build goes on with the drop, and the
    # editors are told, rather than every unattended build stopping on their file.
    path = tmp_path / "editorial.yaml"
    path.write_text("stories:\n  s-a: {pin: true, drop: true}\n  s-b: {drop: true, order: 2}\n")
    choice = choose_stories(CANDIDATES, load_plan(path))
    assert {o.story_id for o in choice.left_out} == {"s-a", "s-b"}
    assert "s-a" not in choice.pinned
    notes = [p.message for p in choice.problems]
    said = "drop together with pin, keep or order; left out"
    assert len(notes) == 2 and all(said in n for n in notes)


def test_a_story_left_out_by_the_editors_is_listed_under_the_headline_they_saw(
    tmp_path: Path,
) -> None:
    """A dropped or merged story is listed (preview, ``digest why``) under the headline
    the issue gave it, or the editors' own, not its first article's title."""
    teaser = "Photo gallery: the scene on Tuesday"
    news = "Bulgaria's eighth election in five years leaves another hung parliament"
    dropped = Story(
        story_id_for(B[0]),
        (
            dataclasses.replace(_article(B[0], 1), title=teaser),
            dataclasses.replace(_article(B[1], 2, "Review"), title=news),
        ),
    )
    merged = Story(story_id_for(C[0]), (dataclasses.replace(_article(C[0], 3), title=teaser),))
    choice = _structure(
        tmp_path,
        f"stories:\n  {ID_B}: {{drop: true}}\n"
        f"  {ID_C}: {{merge_into: {ID_A}, headline: Sofia votes again}}\n",
        [*_clustered(A), dropped, merged],
    )
    titles = {item.story_id: item.headline for item in choice.left_out}
    assert titles == {ID_B: news.replace("'", "’"), ID_C: "Sofia votes again"}
    # Text written for a story merged into another is not printed: the editors are told.
    assert _notes(choice) == (
        f"editorial.yaml:3: {ID_C}: its headline is not used: the story is "
        f"merged into {ID_A}. Move what you mean to keep to {ID_A}'s entry.",
    )


def test_a_flag_about_text_the_editors_replaced_is_settled(tmp_path: Path) -> None:
    """The build flags a stale future tense and two outlets' figures; the editors write
    a Briefly without the stale sentence, so its flag goes, while the figure they still
    print keeps its own (``digest check`` lists it as "to verify")."""
    stale = (
        "future tense about a day already past (17 November, before the issue date): "
        "“A happened on Tuesday.”; check."
    )
    figures = "outlets give different figures: 12 (Wire) and 14 (Ledger); check which is right."
    flagged = dataclasses.replace(
        _story("s-a", "A"),
        briefly=(Sentence("A happened on Tuesday. At least 12 people died.", "u"),),
        flags=(stale, figures, "Briefly is weak: “A happened on Tuesday.”; no better"),
    )
    sections = (TopicSection("Greenland", True, (flagged,)),)
    path = tmp_path / "editorial.yaml"
    path.write_text("stories:\n  s-a:\n    briefly: The vote passed; 12 people died.\n")
    [story] = apply_text(sections, load_plan(path))[0].stories
    assert story.flags == (figures,)
    path.write_text("stories:\n  s-a:\n    take: Only a take.\n")
    [untouched] = apply_text(sections, load_plan(path))[0].stories
    assert untouched.flags == flagged.flags
