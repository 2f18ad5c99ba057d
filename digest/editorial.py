"""The editors' file (``editorial.yaml``): takes and overrides keyed by stable story ids.

The file is the single source of truth for editorial decisions: the preview's buttons
write to it, ``digest build`` reads it. Overrides whose story is not in the current
issue are kept in the file and reported, never dropped.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from digest.config import plain, read_yaml, validation_problems
from digest.errors import ConfigError, ConfigProblem
from digest.files import replace_file
from digest.ids import story_id_for
from digest.models import (
    Perspective,
    Sentence,
    Story,
    StoryId,
    StoryStatus,
    StorySummary,
    TakeOrigin,
    TopicSection,
)
from digest.urls import is_http_url

__all__ = [
    "Editorial",
    "PerspectiveEdit",
    "Restructured",
    "StoryEdit",
    "apply_editorial",
    "apply_structure",
    "load_editorial",
    "update_story_edit",
    "update_story_edits",
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
#   perspectives:        # replace the perspectives (linked to the story's first source)
#     - {who: "Denmark's foreign minister", says: "The letter changes nothing."}
#   also_worth_noting:   # replace Also worth noting (linked to the first source); [] = none
#     - "One line per note."
#   merge_into: s-...    # move this story's articles into that story (this id goes away)
#   split:               # take these articles out, each into a story of its own
#                        # (not the story's first article: that one gives it its id)
#     - https://outlet.example/the-article-url
# Entries whose story is not in the current issue are kept and reported.
"""

_STORY_ID_PATTERN = r"s-[0-9a-f]{12}"


class PerspectiveEdit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    who: str = Field(min_length=1, description="Who holds the view (a person, office or group).")
    says: str = Field(min_length=1, description="What they say, in one sentence.")


class StoryEdit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    take: str | None = Field(None, description="Our take, written by the editors.")
    pin: bool = Field(False, description="Show this story first in its topic.")
    drop: bool = Field(False, description="Leave this story out of the issue.")
    order: int | None = Field(None, ge=1, description="Position within its topic.")
    topic: str | None = Field(None, description="Move the story under this topic.")
    headline: str | None = Field(None, description="Replace the generated headline.")
    briefly: str | None = Field(None, description="Replace the Briefly paragraph.")
    perspectives: tuple[PerspectiveEdit, ...] | None = Field(
        None, description="Replace the perspectives; each links to the story's first source."
    )
    also_worth_noting: tuple[str, ...] | None = Field(
        None,
        description="Replace Also worth noting (one note per item, [] for none); "
        "each links to the story's first source.",
    )
    merge_into: str | None = Field(
        None, description="Move this story's articles into the story with this id."
    )
    split: tuple[str, ...] = Field(
        (), description="URLs of articles to take out of this story, each into its own story."
    )

    @field_validator("merge_into")
    @classmethod
    def _story_id(cls, story_id: str | None) -> str | None:
        if story_id is not None and not re.fullmatch(_STORY_ID_PATTERN, story_id):
            raise ValueError(
                f"not a story id (got {story_id!r}); copy one from the preview or digest.json, "
                "like s-2dc84f163699"
            )
        return story_id

    @field_validator("split")
    @classmethod
    def _split_urls(cls, urls: tuple[str, ...]) -> tuple[str, ...]:
        for url in urls:
            if not is_http_url(url):
                raise ValueError(f"not an http(s) article URL (got {url!r})")
        return urls


class _EditorialFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stories: dict[str, StoryEdit] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Editorial:
    path: Path
    stories: dict[str, StoryEdit]


def load_editorial(path: Path) -> Editorial:
    """Read the editorial file; a missing file means no edits. Raises ConfigError."""
    text = _read_text(path)
    if text is None:
        return Editorial(path, {})
    data = read_yaml(text, str(path))
    if data is None:
        return Editorial(path, {})
    if isinstance(data, dict) and data.get("stories") is None:
        data["stories"] = CommentedMap()  # "stories:" with nothing under it: no edits
    try:
        parsed = _EditorialFile.model_validate(plain(data))
    except ValidationError as exc:
        raise ConfigError(validation_problems(exc, data, str(path), _EditorialFile)) from None
    return Editorial(path, dict(parsed.stories))


def _read_text(path: Path) -> str | None:
    """The file's text, None when there is no file; unreadable files are config errors."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            [ConfigProblem(str(path), None, None, "", f"cannot read: {exc}. Save it as UTF-8.")]
        ) from exc


def update_story_edit(path: Path, story_id: str, changes: dict[str, Any]) -> None:
    """Set (or with value None, remove) keys of one story's entry, keeping comments."""
    update_story_edits(path, [(story_id, changes)])


def update_story_edits(path: Path, edits: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """Apply several stories' changes in one write, keeping comments.

    A value of None or False (or an empty ``split``) removes the key; an entry left
    empty is removed. Every changed entry is validated before anything is written, so a
    bad edit never corrupts the editors' file. Raises pydantic's ValidationError (a
    ValueError) for a bad value.
    """
    yaml = YAML(typ="rt")
    yaml.width = 100
    text = _read_text(path)
    data: Any = read_yaml(text, str(path)) if text is not None else None
    is_new = data is None
    if data is None:
        data = CommentedMap()
    if data.get("stories") is None:
        data["stories"] = CommentedMap()
    stories = data["stories"]
    for story_id, changes in edits:
        entry = stories.setdefault(story_id, CommentedMap())
        for key, value in changes.items():
            if value is None or value is False or (key == "split" and not value):
                entry.pop(key, None)
            else:
                entry[key] = value
        if not entry:
            del stories[story_id]
        StoryEdit.model_validate(plain(entry) if story_id in stories else {})
    buffer = io.StringIO()
    if is_new:
        buffer.write(_HEADER)
    yaml.dump(data, buffer)
    replace_file(path, buffer.getvalue())


@dataclass(frozen=True, slots=True)
class Restructured:
    """Stories after the editors' merges and splits.

    ``merged`` lists the stories merged away, each with the reason (for the left-out
    list); ``split_from`` pairs each story split out with the story it came from;
    ``notes`` are problems with the file (an unknown URL, a merge target not in the
    issue), for the issue's warnings.
    """

    stories: tuple[Story, ...]
    merged: tuple[tuple[StoryId, str], ...] = ()
    split_from: tuple[tuple[StoryId, StoryId], ...] = ()
    notes: tuple[str, ...] = ()


def apply_structure(stories: Sequence[Story], editorial: Editorial) -> Restructured:
    """Apply ``split`` and then ``merge_into`` entries to clustered stories.

    Splits come first, so a story split out can be merged into another. A split article
    is matched by host, path and query (scheme and port are ignored, as in story ids)
    and becomes a story of its own, with the id its URL gives as a seed. A merged story
    disappears; its target keeps its id, status and place. Entries whose story is not
    here are left to :func:`apply_editorial`, which reports them.
    """
    name = editorial.path.name
    by_id: dict[StoryId, Story] = {s.id: s for s in stories}
    order: list[StoryId] = list(by_id)
    notes: list[str] = []
    split_from: list[tuple[StoryId, StoryId]] = []
    for story_id in sorted(editorial.stories):
        for url in editorial.stories[story_id].split:
            if story_id not in by_id:
                break
            new_id, note = _split_one(by_id, order, StoryId(story_id), url)
            if note:
                notes.append(f"{name}: {story_id}: split {url}: {note}")
            if new_id is not None:
                split_from.append((new_id, StoryId(story_id)))
    merged: list[tuple[StoryId, str]] = []
    targets = _merge_targets(by_id, editorial, notes)
    for source in sorted(targets):
        target = targets[source]
        if target == source:
            continue
        by_id[target] = _merged(by_id[target], by_id.pop(source))
        merged.append((source, f"merged into {target} in {name}"))
    return Restructured(
        stories=tuple(by_id[i] for i in order if i in by_id),
        merged=tuple(merged),
        split_from=tuple(split_from),
        notes=tuple(notes),
    )


def _split_one(
    by_id: dict[StoryId, Story], order: list[StoryId], story_id: StoryId, url: str
) -> tuple[StoryId | None, str]:
    """Take the article at ``url`` out of ``story_id``; returns the new id or a note."""
    story = by_id[story_id]
    key = story_id_for(url)
    taken = tuple(a for a in story.articles if story_id_for(a.url) == key)
    if not taken:
        return None, "that article is not in this story (any more); nothing was split."
    if len(taken) == len(story.articles):
        return None, "it is the story's only article; nothing was split."
    new_id = story_id_for(taken[0].url)
    if new_id in by_id:
        # Splitting a story's first article would give the new story the old one's id.
        return None, (
            "it is the article that gives the story its id; split the other articles out instead."
        )
    by_id[story_id] = dataclasses.replace(
        story, articles=tuple(a for a in story.articles if a not in taken)
    )
    by_id[new_id] = Story(
        id=new_id,
        articles=taken,
        status=StoryStatus.NEW,
        why=f"split out of {story_id} in the editorial file",
    )
    order.insert(order.index(story_id) + 1, new_id)
    return new_id, ""


def _merge_targets(
    by_id: dict[StoryId, Story], editorial: Editorial, notes: list[str]
) -> dict[StoryId, StoryId]:
    """Each present story with ``merge_into`` -> the story its articles end up in.

    Chains are followed (a into b, b into c: both into c). A target not in the issue, or
    one that would close a circle, stops the chain there, with a note.
    """
    name = editorial.path.name
    wanted = {
        StoryId(i): StoryId(e.merge_into)
        for i, e in editorial.stories.items()
        if e.merge_into and i in by_id
    }
    resolved: dict[StoryId, StoryId] = {}

    def resolve(story_id: StoryId, visiting: frozenset[StoryId]) -> StoryId:
        if story_id in resolved:
            return resolved[story_id]
        target = wanted.get(story_id)
        if target is None:
            final = story_id
        elif target not in by_id:
            notes.append(
                f"{name}: {story_id}: merge_into {target}, which is not in this issue; "
                f"{story_id} stays on its own."
            )
            final = story_id
        elif target in visiting or target == story_id:
            notes.append(
                f"{name}: {story_id}: merge_into {target} would merge stories in a circle; "
                f"{story_id} stays on its own."
            )
            final = story_id
        else:
            final = resolve(target, visiting | {story_id})
        resolved[story_id] = final
        return final

    return {source: resolve(source, frozenset()) for source in sorted(wanted)}


def _merged(target: Story, source: Story) -> Story:
    seen = {a.id for a in target.articles}
    articles = [*target.articles, *(a for a in source.articles if a.id not in seen)]
    reason = f"merged with {source.id} in the editorial file"
    return dataclasses.replace(
        target,
        articles=tuple(sorted(articles, key=lambda a: (a.published, a.url))),
        why=f"{target.why}; {reason}" if target.why else reason,
    )


def apply_editorial(
    topics: Sequence[TopicSection],
    editorial: Editorial,
    *,
    merged: Collection[StoryId] = (),
) -> tuple[tuple[TopicSection, ...], tuple[str, ...]]:
    """Apply the editors' decisions; returns the new sections and notes for editors.

    ``merged`` names the stories :func:`apply_structure` merged away: their entries did
    their job and are not reported as missing.
    """
    notes = []
    present = {s.story_id for t in topics for s in t.stories} | set(merged)
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
    """The summary with the editors' text in place of the generated text.

    Replaced Briefly, perspectives and notes are attributed to the story's first
    source: the editors vouch for them, and every sentence of an issue links somewhere.
    """
    changes: dict[str, Any] = {}
    first_url = story.sources[0].url if story.sources else ""
    if edit.take:
        changes.update(take=edit.take.strip(), take_origin=TakeOrigin.EDITOR)
    if edit.headline:
        changes["headline"] = edit.headline.strip()
    if edit.briefly and story.briefly:
        changes["briefly"] = (dataclasses.replace(story.briefly[0], text=edit.briefly.strip()),)
    if edit.perspectives is not None:
        changes["perspectives"] = tuple(
            Perspective(who=p.who.strip(), says=p.says.strip(), source_url=first_url)
            for p in edit.perspectives
        )
    if edit.also_worth_noting is not None:
        changes["also_worth_noting"] = tuple(
            Sentence(text.strip(), first_url) for text in edit.also_worth_noting if text.strip()
        )
    return dataclasses.replace(story, **changes) if changes else story
