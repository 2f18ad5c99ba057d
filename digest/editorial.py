"""The editors' file (``editorial.yaml``): takes and overrides keyed by stable story ids.

The file is the single source of truth for editorial decisions: the preview's buttons
write to it, ``digest build`` reads it. Overrides whose story is not in the current
issue are kept in the file and reported, never dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from digest.config import plain, read_yaml, validation_problems
from digest.errors import ConfigError
from digest.models import StorySummary, TakeOrigin, TopicSection

__all__ = [
    "Editorial",
    "StoryEdit",
    "apply_editorial",
    "load_editorial",
    "update_story_edit",
]

_HEADER = """\
# Editorial decisions for newsletter-digest, keyed by story id.
# Story ids appear in digest.json and in the preview. Each story may have:
#   take: "Our take, in the editors' words."
#   pin: true            # put it first in its topic
#   drop: true           # leave it out of the issue
#   order: 2             # position within its topic (1 = first)
#   topic: Greenland     # move it under another topic
#   headline: "..."      # replace the generated headline
#   briefly: "..."       # replace the Briefly paragraph
# Entries whose story is not in the current issue are kept and reported.
"""


class StoryEdit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    take: str | None = Field(None, description="Our take, written by the editors.")
    pin: bool = Field(False, description="Show this story first in its topic.")
    drop: bool = Field(False, description="Leave this story out of the issue.")
    order: int | None = Field(None, ge=1, description="Position within its topic.")
    topic: str | None = Field(None, description="Move the story under this topic.")
    headline: str | None = Field(None, description="Replace the generated headline.")
    briefly: str | None = Field(None, description="Replace the Briefly paragraph.")


class _EditorialFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stories: dict[str, StoryEdit] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Editorial:
    path: Path
    stories: dict[str, StoryEdit]


def load_editorial(path: Path) -> Editorial:
    """Read the editorial file; a missing file means no edits. Raises ConfigError."""
    if not path.exists():
        return Editorial(path, {})
    text = path.read_text(encoding="utf-8")
    data = read_yaml(text, str(path))
    if data is None:
        return Editorial(path, {})
    try:
        parsed = _EditorialFile.model_validate(plain(data))
    except ValidationError as exc:
        raise ConfigError(validation_problems(exc, data, str(path), _EditorialFile)) from None
    return Editorial(path, dict(parsed.stories))


def update_story_edit(path: Path, story_id: str, changes: dict[str, Any]) -> None:
    """Set (or with value None, remove) keys of one story's entry, keeping comments."""
    yaml = YAML(typ="rt")
    yaml.width = 100
    data: Any = yaml.load(path.read_text(encoding="utf-8")) if path.exists() else None
    is_new = data is None
    if data is None:
        data = CommentedMap()
    stories = data.setdefault("stories", CommentedMap())
    entry = stories.setdefault(story_id, CommentedMap())
    for key, value in changes.items():
        if value is None or value is False:
            entry.pop(key, None)
        else:
            entry[key] = value
    if not entry:
        del stories[story_id]
    # Validate before writing: a bad edit must never corrupt the editors' file.
    StoryEdit.model_validate(plain(entry) if story_id in stories else {})
    temporary = path.with_suffix(path.suffix + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        if is_new:
            handle.write(_HEADER)
        yaml.dump(data, handle)
    temporary.replace(path)


def apply_editorial(
    topics: Sequence[TopicSection], editorial: Editorial
) -> tuple[tuple[TopicSection, ...], tuple[str, ...]]:
    """Apply the editors' decisions; returns the new sections and notes for editors."""
    notes = []
    present = {s.story_id for t in topics for s in t.stories}
    for story_id in sorted(editorial.stories):
        if story_id not in present:
            notes.append(
                f"{editorial.path.name}: story {story_id} is not in this issue; "
                "its edits are kept for when it returns."
            )
    placed: dict[str, list[tuple[StorySummary, StoryEdit]]] = {}
    configured = {t.name: t.configured for t in topics}
    order = [t.name for t in topics]
    for topic in topics:
        for story in topic.stories:
            edit = editorial.stories.get(story.story_id, StoryEdit())
            if edit.drop:
                continue
            target = edit.topic or topic.name
            if target not in configured:
                configured[target] = False
                order.append(target)
            placed.setdefault(target, []).append((_edited(story, edit), edit))
    sections = []
    for name in order:
        items = placed.get(name, [])
        if not items:
            continue
        ranked = sorted(
            enumerate(items),
            key=lambda pair: (
                not pair[1][1].pin,
                pair[1][1].order if pair[1][1].order is not None else 10_000,
                pair[0],
            ),
        )
        stories = tuple(item[0] for _, item in ranked)
        sections.append(TopicSection(name=name, configured=configured[name], stories=stories))
    return tuple(sections), tuple(notes)


def _edited(story: StorySummary, edit: StoryEdit) -> StorySummary:
    changes: dict[str, Any] = {}
    if edit.take:
        changes.update(take=edit.take.strip(), take_origin=TakeOrigin.EDITOR)
    if edit.headline:
        changes["headline"] = edit.headline.strip()
    if edit.briefly and story.briefly:
        # The editors' text replaces the sentences; it is attributed to the first source.
        changes["briefly"] = (dataclasses.replace(story.briefly[0], text=edit.briefly.strip()),)
    return dataclasses.replace(story, **changes) if changes else story
