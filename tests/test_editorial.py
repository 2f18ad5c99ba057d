"""The editors' file: read, written without losing comments, applied to an issue."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest.editorial import apply_editorial, load_editorial, update_story_edit
from digest.errors import ConfigError
from digest.models import Sentence, Source, StoryId, StorySummary, TakeOrigin, TopicSection

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


def _apply(tmp_path: Path, text: str) -> tuple[tuple[TopicSection, ...], tuple[str, ...]]:
    path = tmp_path / "editorial.yaml"
    path.write_text(text)
    return apply_editorial(SECTIONS, load_editorial(path))


def _ids(sections: tuple[TopicSection, ...]) -> list[tuple[str, list[str]]]:
    return [(t.name, [s.story_id for s in t.stories]) for t in sections]


def test_missing_file_changes_nothing(tmp_path: Path) -> None:
    sections, notes = apply_editorial(SECTIONS, load_editorial(tmp_path / "none.yaml"))
    assert sections == SECTIONS and notes == ()


def test_pin_drop_move_and_take(tmp_path: Path) -> None:
    sections, notes = _apply(
        tmp_path,
        """\
stories:
  s-c: {pin: true, take: "  Our view.  "}
  s-a: {drop: true}
  s-d: {topic: Greenland, headline: New D}
  s-gone: {take: kept for later}
""",
    )
    assert _ids(sections) == [("Greenland", ["s-c", "s-b", "s-d"])]
    pinned = sections[0].stories[0]
    assert (pinned.take, pinned.take_origin) == ("Our view.", TakeOrigin.EDITOR)
    assert sections[0].stories[2].headline == "New D"
    assert notes == (
        "editorial.yaml: story s-gone is not in this issue; its edits are kept for when it "
        "returns.",
    )


def test_bad_entry_reports_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    path.write_text("stories:\n  s-a:\n    pin: maybe\n    colour: red\n")
    with pytest.raises(ConfigError) as caught:
        load_editorial(path)
    text = [str(p) for p in caught.value.problems]
    assert text[0].startswith(f"{path}:3:5: stories.s-a.pin:")
    assert text[1].startswith(f"{path}:4:5: stories.s-a.colour: unknown key.")


def test_update_keeps_comments_and_other_entries(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    path.write_text("# our notes\nstories:\n  s-b:\n    take: Keep me  # why\n")
    update_story_edit(path, "s-a", {"pin": True, "take": "New take"})
    update_story_edit(path, "s-b", {"drop": True})
    text = path.read_text()
    assert "# our notes" in text and "# why" in text
    edits = load_editorial(path).stories
    assert edits["s-a"].pin and edits["s-a"].take == "New take"
    assert edits["s-b"].take == "Keep me" and edits["s-b"].drop
    update_story_edit(path, "s-a", {"pin": None, "take": None})
    assert "s-a" not in load_editorial(path).stories


def test_new_file_gets_an_explaining_header(tmp_path: Path) -> None:
    path = tmp_path / "editorial.yaml"
    update_story_edit(path, "s-a", {"take": "First."})
    assert path.read_text().startswith("# Editorial decisions for newsletter-digest")
    assert load_editorial(path).stories["s-a"].take == "First."
