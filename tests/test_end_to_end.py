"""The whole pipeline on the bundled sample, served by a real HTTP server on 127.0.0.1.

The session fixture `demo_build` runs `digest demo` exactly as the README's quick start
does; the other tests build into their own directories with their own SQLite files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner, Result

from digest import continuity, embed
from digest.cli import cli
from digest.config import load_config
from digest.sample import (
    BROKEN_FEED_NAME,
    DEAD_LINK_PATH,
    EXPECTED_STORIES,
    EXPECTED_TOPIC,
    WEEK2_CONTINUES,
    SampleSite,
    serve_sample,
    write_sample_config,
)
from tools.sample_site.pages import BOILERPLATE

from .conftest import shared_path

STANDING = ("NATO in Asia", "Greenland", "Frozen Russian assets")


def _issue_dir(out: Path) -> Path:
    [issue] = [p for p in out.iterdir() if re.fullmatch(r"\d{4}-\d\d-\d\d", p.name)]
    return issue


def _digest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_issue_dir(out) / "digest.json").read_text())
    return data


def _stories(digest: dict[str, Any]) -> list[dict[str, Any]]:
    return [story for topic in digest["topics"] for story in topic["stories"]]


def _paths(story: dict[str, Any]) -> set[str]:
    return {re.sub(r"^https?://[^/]+/", "", s["url"]) for s in story["sources"]}


def test_demo_writes_the_output_contract(demo_build: Path) -> None:
    issue = _issue_dir(demo_build)
    assert issue.name == "2026-11-23"
    for name in ("email.html", "email.txt", "email.eml", "digest.json"):
        assert (issue / name).stat().st_size > 0, name
    assert (demo_build / "index.html").exists() and (demo_build / "feed.xml").exists()
    digest = _digest(demo_build)
    assert digest["issue_date"] == "2026-11-23"
    assert set(digest["window"]) == {"start", "end"}


def test_standing_topics_each_hold_a_multi_outlet_story(demo_build: Path) -> None:
    digest = _digest(demo_build)
    topics = {t["name"]: t for t in digest["topics"]}
    for name in STANDING:
        assert name in topics, f"topic {name} missing"
        outlets = [{s["outlet"] for s in story["sources"]} for story in topics[name]["stories"]]
        assert any(len(o) >= 2 for o in outlets), f"{name}: no story from 2+ outlets"
        assert topics[name]["configured"] is True


def test_expected_sample_stories_are_grouped_whole(demo_build: Path) -> None:
    stories = _stories(_digest(demo_build))
    for label, paths in EXPECTED_STORIES.items():
        holders = [s for s in stories if _paths(s) & set(paths)]
        assert len(holders) == 1, f"{label} is split over {len(holders)} stories"
        assert set(paths) <= _paths(holders[0]), f"{label} lost sources"
        others = {
            other
            for other, other_paths in EXPECTED_STORIES.items()
            if other != label and _paths(holders[0]) & set(other_paths)
        }
        assert not others, f"{label} was merged with {sorted(others)}"
    for label, topic in EXPECTED_TOPIC.items():
        digest = _digest(demo_build)
        [holder] = [
            t["name"]
            for t in digest["topics"]
            for s in t["stories"]
            if _paths(s) & set(EXPECTED_STORIES[label])
        ]
        assert holder == topic, label


def test_no_boilerplate_reaches_the_email(demo_build: Path) -> None:
    issue = _issue_dir(demo_build)
    for name in ("digest.json", "email.html", "email.txt"):
        text = (issue / name).read_text()
        leaked = [b for b in BOILERPLATE if b.lower() in text.lower()]
        assert leaked == [], f"{name} contains page boilerplate: {leaked}"


def test_broken_feed_and_dead_link_are_warnings(demo_build: Path) -> None:
    warnings = "\n".join(_digest(demo_build)["warnings"])
    assert BROKEN_FEED_NAME in warnings
    assert DEAD_LINK_PATH in warnings


def test_demo_email_passes_the_independent_checker(demo_build: Path) -> None:
    checker = shared_path("tools", "check_email.py")
    eml = _issue_dir(demo_build) / "email.eml"
    run = subprocess.run(
        [sys.executable, str(checker), "--json", str(eml)], capture_output=True, text=True
    )
    report = json.loads(run.stdout)
    failed = [c for c in report["checks"] if c["status"] == "FAIL"]
    assert failed == [] and run.returncode == 0


def _run(config: Path, out: Path, site: SampleSite, *extra: str) -> Result:
    """`digest run` on the sample's config with the sample's fixed clock."""
    args = ["run", "--config", str(config), "--out", str(out), "--now", site.now.isoformat()]
    return CliRunner().invoke(cli, [*args, *extra])


def _build(site_week: int, workdir: Path, out: Path, *extra: str, port: int = 0) -> dict[str, Any]:
    return _build_on(site_week, workdir, out, *extra, port=port)[0]


def _build_on(
    site_week: int, workdir: Path, out: Path, *extra: str, port: int = 0
) -> tuple[dict[str, Any], int]:
    """The build's digest.json and the port the sample was served on."""
    with serve_sample(week=site_week, port=port) as site:
        result = _run(write_sample_config(site, workdir), out, site, *extra)
        assert result.exit_code == 0, result.output
        built = json.loads((out / site.now.date().isoformat() / "digest.json").read_text())
        return built, urlsplit(site.base_url).port or 0


@pytest.mark.slow
def test_second_week_leaves_out_sent_stories_and_marks_updates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    # One port for both weeks, the first week's own: the URLs stay the same, and no
    # probe socket leaves the port free for another process before the first bind.
    # The sample's takes on week 1's stories, kept in editorial.yaml for week 2 too.
    takes = resources.files("digest.sample").joinpath("data", "editorial.yaml")
    (tmp_path / "editorial.yaml").write_text(takes.read_text(encoding="utf-8"), "utf-8")
    first, port = _build_on(1, tmp_path, out)
    second = _build(2, tmp_path, out, port=port)
    first_ids = {s["id"] for s in _stories(first)}
    sent_takes = {s["id"]: s["take"] for s in _stories(first) if s.get("take")}
    second_stories = _stories(second)
    updates = [s for s in second_stories if s["status"] == "update"]
    assert updates, "no continued story was marked as an update"
    for story in updates:
        assert story["id"] in first_ids, "an update keeps the id of the story it continues"
        assert story["sent_on"] == "2026-11-23", "an update says which issue told it"
    # The reader is told what the update updates.
    text = (out / "2026-11-30" / "email.txt").read_text(encoding="utf-8")
    assert text.count("An update to our story of 23 November 2026") == len(updates)
    week2_new_paths = {p for paths in WEEK2_CONTINUES.values() for p in paths}
    for story in second_stories:
        if story["status"] == "new":
            assert story["id"] not in first_ids, f"{story['headline']} was sent last week"
    continued = [s for s in updates if _paths(s) & week2_new_paths]
    assert len(continued) >= 1
    # Last week's take is not printed again under news that may have overtaken it; the
    # editors are told to write a new one.
    retaken = [s for s in updates if s["id"] in sent_takes]
    assert retaken, "no update of a story sent with a take"
    for story in retaken:
        assert not story.get("take"), story["headline"]
        assert any("went out with this story before" in f for f in story["flags"])
    # The entries of stories sent last week with nothing new stay quiet.
    warnings = json.dumps(second["warnings"])
    assert "is not in this issue" not in warnings, warnings
    index = (out / "index.html").read_text()
    assert index.index("2026-11-30") < index.index("2026-11-23"), "archive is newest first"


@pytest.mark.slow
def test_same_now_gives_identical_files(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        outputs = []
        for attempt in ("a", "b"):
            work = tmp_path / attempt
            work.mkdir()
            result = _run(write_sample_config(site, work), work / "out", site)
            assert result.exit_code == 0, result.output
            outputs.append(_issue_dir(work / "out"))
    for name in ("email.html", "email.txt", "digest.json", "email.eml"):
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), name


def test_fetch_counts_the_pages_it_read_apart_from_those_it_only_tried(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        config = str(write_sample_config(site, tmp_path))
        fetched = CliRunner().invoke(
            cli, ["fetch", "--config", config, "--now", site.now.isoformat()]
        )
    assert fetched.exit_code == 0, fetched.output
    read = re.search(r"(\d+) of (\d+) pages read \(the rest keep the feed's text\)", fetched.output)
    # The sample's one dead article link is tried, not read.
    assert read is not None, fetched.output
    assert int(read.group(1)) == int(read.group(2)) - 1


def test_rerun_fetches_nothing_new(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        config_path = write_sample_config(site, tmp_path)
        first = _run(config_path, tmp_path / "out", site, "--force")
        second = _run(config_path, tmp_path / "out", site, "--force")
    assert first.exit_code == 0 and second.exit_code == 0
    assert " 0 new articles" in second.output
    config = load_config(config_path)
    assert config.database_url.endswith("digest.db")


def _count_encoding(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the batches the encoder runs from now on, as they run."""
    encoded: list[int] = []
    forward = embed._forward

    def counting(weights: Any, sequences: Any, scratch: Any) -> Any:
        encoded.append(len(sequences))
        return forward(weights, sequences, scratch)

    monkeypatch.setattr(embed, "_forward", counting)
    return encoded


@pytest.mark.skipif(embed._model_dir() is None, reason="the model package is not installed")
def test_a_new_process_reads_the_kept_vectors_and_builds_the_same_issue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    encoded = _count_encoding(monkeypatch)
    with serve_sample(week=1) as site:
        config_path = write_sample_config(site, tmp_path)
        files: list[Any] = []
        for _ in ("cron at six", "cron at seven"):
            # Each one-shot run from cron starts with nothing in memory: no vectors, no
            # clustered window (which would spare the second run its clustering).
            embed._SEEN.clear()
            continuity._GATHERED.clear()
            encoded.clear()
            result = _run(config_path, tmp_path / "out", site, "--force")
            assert result.exit_code == 0, result.output
            files.append(_digest(tmp_path / "out")["topics"])
            counts = sum(encoded)
            if len(files) == 1:
                first = counts
    assert first > 20, "the first run encodes the week's leads and bodies"
    assert counts == 0, "the second run reads every vector back from the store"
    assert files[0] == files[1]  # (the warnings count the broken feed's failures)


def test_scheduled_run_does_not_rebuild_a_built_issue(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        config_path = write_sample_config(site, tmp_path)
        first = _run(config_path, tmp_path / "out", site)
        second = _run(config_path, tmp_path / "out", site)
    assert first.exit_code == 0
    assert second.exit_code == 0
    assert "already built" in second.output


def test_strict_exits_1_on_warnings(tmp_path: Path) -> None:
    with serve_sample(week=1) as site:
        result = _run(write_sample_config(site, tmp_path), tmp_path / "out", site, "--strict")
    assert result.exit_code == 1
    assert (tmp_path / "out" / "2026-11-23" / "email.eml").exists()


def test_llm_take_is_checked_and_attributed(tmp_path: Path) -> None:
    """A local chat-completions server writes takes; only grounded ones ship."""
    from pytest_httpserver import HTTPServer
    from werkzeug import Request, Response

    def answer(request: Request) -> Response:
        prompt = json.dumps(request.get_json())
        if '\\"Our take\\"' in prompt or "Our take" in prompt:
            # "Belgium" is named only in some stories: elsewhere the take must be refused.
            content = "The real test is whether Belgium accepts the risk."
        else:
            content = "NONE"
        body = {"choices": [{"message": {"role": "assistant", "content": content}}]}
        return Response(json.dumps(body), content_type="application/json")

    with HTTPServer(host="127.0.0.1", port=0) as llm:
        llm.expect_request("/v1/chat/completions", method="POST").respond_with_handler(answer)
        with serve_sample(week=1) as site:
            config = write_sample_config(site, tmp_path)
            text = config.read_text()
            config.write_text(
                text + f'llm:\n  base_url: "{llm.url_for("/v1")}"\n  model: test-model\n'
            )
            result = _run(config, tmp_path / "out", site)
        assert result.exit_code == 0, result.output
    digest = _digest(tmp_path / "out")
    stories = _stories(digest)
    by_origin = {s["take_origin"] for s in stories}
    assert "llm" in by_origin and "missing" in by_origin
    topics = {s["id"]: t["name"] for t in digest["topics"] for s in t["stories"]}
    for story in stories:
        if story["take_origin"] == "llm":
            assert story["take"] == "The real test is whether Belgium accepts the risk."
        else:
            assert story["take"] == ""
    grounded = {topics[s["id"]] for s in stories if s["take_origin"] == "llm"}
    assert "Frozen Russian assets" in grounded, "the Belgian story's take names Belgium"
    assert any("take" in w.lower() for w in digest["warnings"])


def test_status_feeds_and_why_explain_the_build(demo_build: Path) -> None:
    config = str(demo_build / "_demo" / "feeds.yaml")
    runner = CliRunner()
    feeds = runner.invoke(cli, ["feeds", "status", "--config", config], env={"COLUMNS": "200"})
    assert feeds.exit_code == 0, feeds.output
    assert BROKEN_FEED_NAME in feeds.output and "failed" in feeds.output
    status = runner.invoke(cli, ["status", "--config", config])
    assert status.exit_code == 0 and status.output.splitlines()[1].endswith("draft built")
    story = _stories(_digest(demo_build))[0]
    why = runner.invoke(cli, ["why", story["id"], "--config", config])
    assert why.exit_code == 0, why.output
    assert why.output.startswith("2026-11-23 (draft of 2026-11-23 06:00 UTC, not sent): in under")
    missing = runner.invoke(cli, ["why", "s-000000000000", "--config", config])
    assert missing.exit_code == 3
    assert "not in any issue the store recorded" in missing.output
    # Neither an id nor a URL (a headline pasted, a typo) is a usage error, told as such.
    pasted = runner.invoke(cli, ["why", "Greenland vote", "--config", config])
    assert pasted.exit_code == 2
    assert "'Greenland vote' is neither a story id" in pasted.output
    # An id with a character lost in copying: the recorded one it was meant to be.
    cut = runner.invoke(cli, ["why", story["id"][:-1], "--config", config])
    assert cut.exit_code == 2
    assert f"Did you mean {story['id']}?" in cut.output
    # ... or changed: still an id, in no issue, and the one it was meant to be.
    slip = story["id"][:-1] + ("0" if story["id"][-1] != "0" else "1")
    changed = runner.invoke(cli, ["why", slip, "--config", config])
    assert changed.exit_code == 3
    assert f"Did you mean {story['id']}?" in changed.output


def test_a_draft_build_is_not_sent(tmp_path: Path) -> None:
    """An editor's draft two days early must not use up the stories of the real issue."""
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        draft_now = (site.now - timedelta(days=2)).isoformat()
        draft = CliRunner().invoke(
            cli, ["fetch", "--config", str(config), "--now", site.now.isoformat()]
        )
        assert draft.exit_code == 0, draft.output
        early = CliRunner().invoke(
            cli,
            [
                "build",
                "--config",
                str(config),
                "--out",
                str(tmp_path / "drafts"),
                "--now",
                draft_now,
            ],
        )
        assert early.exit_code == 0, early.output
        real = _run(config, tmp_path / "out", site)
    assert real.exit_code == 0, real.output
    assert len(_stories(_digest(tmp_path / "out"))) == 12


def test_a_dropped_story_frees_its_slot_and_is_never_written(tmp_path: Path) -> None:
    """max_stories: 5 and one story dropped: still 5 stories, and the dropped one is
    never summarised: the language model is not even shown its articles."""
    from pytest_httpserver import HTTPServer
    from werkzeug import Request, Response

    prompts: list[str] = []

    def answer(request: Request) -> Response:
        prompts.append(json.dumps(request.get_json()))
        body = {"choices": [{"message": {"role": "assistant", "content": "NONE"}}]}
        return Response(json.dumps(body), content_type="application/json")

    def build(config: Path, site: SampleSite) -> dict[str, Any]:
        out, now = str(tmp_path / "out"), site.now.isoformat()
        result = CliRunner().invoke(
            cli, ["build", "--config", str(config), "--out", out, "--now", now]
        )
        assert result.exit_code == 0, result.output
        return _digest(tmp_path / "out")

    with HTTPServer(host="127.0.0.1", port=0) as llm:
        llm.expect_request("/v1/chat/completions", method="POST").respond_with_handler(answer)
        with serve_sample(week=1) as site:
            config = write_sample_config(site, tmp_path)
            text = config.read_text().replace(
                "  window_days: 7\n", "  window_days: 7\n  max_stories: 5\n"
            )
            config.write_text(text + f'llm:\n  base_url: "{llm.url_for("/v1")}"\n  model: m\n')
            fetched = CliRunner().invoke(
                cli, ["fetch", "--config", str(config), "--now", site.now.isoformat()]
            )
            assert fetched.exit_code == 0, fetched.output
            before = _stories(build(config, site))
            assert len(before) == 5
            dropped = before[0]
            (tmp_path / "editorial.yaml").write_text(
                f"stories:\n  {dropped['id']}: {{drop: true}}\n"
            )
            prompts.clear()
            after = _stories(build(config, site))
    assert len(after) == 5, "the drop frees a slot for the next story"
    assert dropped["id"] not in {s["id"] for s in after}
    assert {s["id"] for s in before[1:]} < {s["id"] for s in after}
    assert prompts, "the model wrote the printed stories"
    for url in (s["url"] for s in dropped["sources"]):
        assert not any(json.dumps(url)[1:-1] in p for p in prompts), f"{url} went to the model"
    why = CliRunner().invoke(cli, ["why", dropped["id"], "--config", str(config)])
    assert why.exit_code == 0, why.output
    assert why.output.splitlines()[-1].endswith("left out: dropped in the editorial file")
