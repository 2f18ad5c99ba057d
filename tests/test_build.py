"""The orchestrator: a flat sequence of stage calls, the editors' plan acting twice."""

from __future__ import annotations

import ast
import dataclasses
import sys
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from digest import build as build_module
from digest import continuity as continuity_module
from digest import render as render_module
from digest import summarize as summarize_module
from digest.build import BuildOptions, run_issue
from digest.config import load_config
from digest.editorial_edits import update_story_edit
from digest.kept import Kept
from digest.sample import serve_sample, write_sample_config

BUILD = Path(build_module.__file__)
EDITORIAL = str(Path(build_module.__file__).with_name("editorial.py"))
SUMMARIZE = str(Path(build_module.__file__).with_name("summarize.py"))
PACKAGE = str(Path(build_module.__file__).parent)


def test_the_editorial_plan_is_read_once_and_acts_once_per_phase(tmp_path: Path) -> None:
    """From run_issue to the written issue: selection before writing, text after it."""
    with serve_sample(week=1) as site:
        config_path = write_sample_config(site, tmp_path)
        config = load_config(config_path)
        run_issue(config, BuildOptions(out_dir=tmp_path / "first", now=site.now))
    update_story_edit(config.editorial_path, "s-000000000000", {"take": "Kept for later."})
    calls: list[str] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call" or frame.f_back is None:
            return
        here, caller = frame.f_code.co_filename, frame.f_back.f_code.co_filename
        # The pipeline's calls, not pydantic's calls of a model's own validators.
        if here == EDITORIAL and caller != EDITORIAL and caller.startswith(PACKAGE):
            calls.append(frame.f_code.co_name)
        elif here == SUMMARIZE and frame.f_code.co_name == "summarize_story":
            calls.append("summarize_story")

    sys.setprofile(profile)
    try:
        result = run_issue(
            config, BuildOptions(out_dir=tmp_path / "second", now=site.now, fetch=False)
        )
    finally:
        sys.setprofile(None)
    assert result.issue.stories
    # Helpers that name a left-out story read no plan of their own.
    helpers = ("summarize_story", "shown_title", "as_last_printed")
    visits = [c for c in calls if c not in helpers]
    # check_moves only checks the selection's topics against the plan (issue 18).
    assert visits == ["load_plan", "choose_stories", "check_moves", "apply_text"], visits
    first_write = calls.index("summarize_story")
    last_write = len(calls) - 1 - calls[::-1].index("summarize_story")
    assert calls.index("choose_stories") < first_write < last_write < calls.index("apply_text")
    assert calls.count("summarize_story") == len(result.issue.stories)


def test_a_rebuild_writes_up_again_only_the_stories_an_edit_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview rebuilds the whole issue after every edit. A take or a pin changes no
    story's write-up, and a merge only that of the story merged into."""
    written: list[str] = []
    write_up = summarize_module._write_up

    def counting(story: Any, **kwargs: Any) -> Any:
        written.append(story.id)
        return write_up(story, **kwargs)

    monkeypatch.setattr(summarize_module, "_write_up", counting)
    monkeypatch.setattr(summarize_module, "_WRITTEN", Kept(300))  # none from other tests
    with serve_sample(week=1) as site:
        config = load_config(write_sample_config(site, tmp_path))
        first = run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=site.now))
    ids = [s.story_id for s in first.issue.stories]
    assert set(ids) <= set(written)
    written.clear()
    update_story_edit(config.editorial_path, ids[0], {"take": "Kept for later."})
    update_story_edit(config.editorial_path, ids[-1], {"pin": True})
    again = run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=site.now, fetch=False))
    assert written == []
    assert next(s.rank for s in again.issue.stories if s.story_id == ids[-1]) == 1
    assert next(s.take for s in again.issue.stories if s.story_id == ids[0]) == "Kept for later."
    # The same write-ups, whatever their new places.
    assert {s.story_id: s.briefly for s in again.issue.stories} == {
        s.story_id: s.briefly for s in first.issue.stories
    }
    update_story_edit(config.editorial_path, ids[2], {"merge_into": ids[1]})
    merged = run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=site.now, fetch=False))
    new = {s.story_id for s in merged.issue.stories} - set(ids)  # into the freed slot
    assert ids[1] in written and set(written) <= {ids[1], *new}, written


def test_a_rebuild_screens_and_clusters_the_window_again_only_when_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit to a story's take leaves the window's candidates as they were; a pin may
    bring a set-aside article back (``keep``), and a new article changes the window."""
    screened: list[int] = []
    screen = continuity_module.screen_articles

    def counting(articles: Any) -> Any:
        screened.append(len(articles))
        return screen(articles)

    monkeypatch.setattr(continuity_module, "screen_articles", counting)
    monkeypatch.setattr(continuity_module, "_GATHERED", Kept(2))  # none from other tests
    with serve_sample(week=1) as site:
        config = load_config(write_sample_config(site, tmp_path))
        first = run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=site.now))
    assert len(screened) == 1
    ids = [s.story_id for s in first.issue.stories]
    update_story_edit(config.editorial_path, ids[0], {"take": "Kept for later."})
    again = run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=site.now, fetch=False))
    assert len(screened) == 1
    assert [s.story_id for s in again.issue.stories] == ids
    assert next(s.take for s in again.issue.stories if s.story_id == ids[0]) == "Kept for later."
    update_story_edit(config.editorial_path, ids[-1], {"pin": True})
    run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=site.now, fetch=False))
    assert len(screened) == 2
    # Two days later the window has lost its first days' articles: screened again.
    later = site.now + timedelta(days=2)
    run_issue(config, BuildOptions(out_dir=tmp_path / "out", now=later, fetch=False))
    assert len(screened) == 3


def test_build_is_short_and_imports_only_stage_modules() -> None:
    source = BUILD.read_text(encoding="utf-8")
    assert len(source.splitlines()) < 300
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("digest")
    }
    stages = {
        "digest.accounting",
        "digest.archive",
        "digest.outcome",
        "digest.config",
        "digest.continuity",
        "digest.editorial",
        "digest.ingest",
        "digest.models",
        "digest.render",
        "digest.select",
        "digest.store",
        "digest.store.locks",
        "digest.watch",
        "digest.writeup",
    }
    assert imported <= stages, sorted(imported - stages)


def test_the_ranks_in_digest_json_close_up_over_a_story_that_was_not_printed() -> None:
    from digest.layout import print_order
    from tests.test_render import make_issue

    issue = make_issue(6)
    # Story 3 could not be written or rendered: the email numbers the rest 1 to 5.
    gapped = dataclasses.replace(
        issue,
        topics=tuple(
            dataclasses.replace(t, stories=tuple(s for s in t.stories if s.rank != 3))
            for t in issue.topics
        ),
    )
    numbered = render_module._numbered(gapped)
    printed = [story.story_id for _, story in print_order(numbered)]
    assert [s.rank for _, s in print_order(numbered)] == [1, 2, 3, 4, 5]
    assert printed == [story.story_id for _, story in print_order(gapped)]
