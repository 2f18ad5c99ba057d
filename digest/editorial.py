"""The editors' file (``editorial.yaml``) as one plan, applied in exactly two phases.

The file is the single source of truth for editorial decisions: the preview's buttons
write to it, ``digest build`` reads it once (:func:`load_plan`). The plan then acts
twice in a build:

1. **Selection** (:func:`choose_stories`), before ranking and the cap: split, merge,
   drop, move, pin and order. A dropped or merged story frees its slot and is never
   written up.
2. **Text** (:func:`apply_text`), after writing: headline, Briefly, perspectives, notes
   and take replace the generated text.

Entries whose story is not among this issue's candidates are kept in the file and
reported, never dropped.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from ruamel.yaml.comments import CommentedMap

from digest.config_yaml import plain, read_yaml, undecodable, validation_problems
from digest.errors import ConfigError, ConfigProblem
from digest.ids import is_story_id, story_id_for
from digest.models import (
    LeftOut,
    LeftOutReason,
    Perspective,
    Problem,
    Sentence,
    Stage,
    Story,
    StoryId,
    StoryStatus,
    StorySummary,
    TakeOrigin,
    TopicSection,
    TopicStories,
)
from digest.text import curl_quotes, lower_words
from digest.urls import is_http_url

__all__ = [
    "EditorialPlan",
    "EditorsChoice",
    "PerspectiveEdit",
    "StoryEdit",
    "apply_text",
    "as_last_printed",
    "check_moves",
    "checked_entries",
    "choose_stories",
    "entry_position",
    "load_plan",
    "read_text",
    "shown_title",
]


class PerspectiveEdit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    who: str = Field(min_length=1, description="Who holds the view (a person, office or group).")
    says: str = Field(min_length=1, description="What they say, in one sentence.")


class StoryEdit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    take: str | None = Field(None, description="Our take, written by the editors.")
    pin: bool = Field(
        False, description="Lead the issue with this story; it comes in past max_stories."
    )
    keep: bool = Field(
        False,
        description="Bring this story in where its coverage ranks it, past max_stories "
        "and out of Also in the news (pin also puts it first).",
    )
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
        if story_id is not None and not is_story_id(story_id):
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
class EditorialPlan:
    """The editors' decisions, keyed by story id, as read from ``path``."""

    path: Path
    stories: dict[str, StoryEdit]


def load_plan(path: Path) -> EditorialPlan:
    """Read the editorial file; a missing file means no edits. Raises ConfigError."""
    text = read_text(path)
    if text is None:
        return EditorialPlan(path, {})
    data = read_yaml(text, str(path))
    if data is None:
        return EditorialPlan(path, {})
    if isinstance(data, dict) and data.get("stories") is None:
        data["stories"] = CommentedMap()  # "stories:" with nothing under it: no edits
    return EditorialPlan(path, checked_entries(data, str(path)))


def checked_entries(data: Any, name: str) -> dict[str, StoryEdit]:
    """The stories' edits of a parsed editorial file (``read_yaml``'s result, so each
    problem has its line). Raises ConfigError listing every problem."""
    try:
        parsed = _EditorialFile.model_validate(plain(data))
    except ValidationError as exc:
        raise ConfigError(validation_problems(exc, data, name, _EditorialFile)) from None
    return dict(parsed.stories)


def check_moves(
    plan: EditorialPlan, sections: Sequence[TopicStories], configured: Collection[str]
) -> None:
    """Raise ConfigError when the plan moves a story of ``sections`` to a topic that is
    neither ``configured`` nor in the issue by its own stories: a typo would otherwise
    print as a new section. Each problem names the line of the ``topic:`` key.
    """
    moved_to = {story_id: edit.topic for story_id, edit in plan.stories.items() if edit.topic}
    known = set(configured) | {
        section.name
        for section in sections
        if any(moved_to.get(story.id) != section.name for story in section.stories)
    }
    problems = []
    for story in (story for section in sections for story in section.stories):
        target = moved_to.get(story.id)
        if target is None or target in known:
            continue
        line, column = entry_position(plan.path, story.id, "topic")
        guess = difflib.get_close_matches(target, sorted(known), n=1)
        hint = f' Did you mean "{guess[0]}"?' if guess else ""
        problems.append(
            ConfigProblem(
                str(plan.path),
                line,
                column,
                f"stories.{story.id}.topic",
                f'no topic "{target}" in feeds.yaml or in this issue.{hint} Known topics: '
                f"{', '.join(sorted(known))}.",
            )
        )
    if problems:
        raise ConfigError(problems)


def _entry_lines(path: Path) -> dict[str, int]:
    """The line (1-based) of each story's entry in the file, for messages; read once
    for all of them, as entries kept for returning stories pile up week after week."""
    text = read_text(path)
    data = read_yaml(text, str(path)) if text else None
    stories = data.get("stories") if isinstance(data, CommentedMap) else None
    if not isinstance(stories, CommentedMap):
        return {}
    return {str(story_id): int(stories.lc.key(story_id)[0]) + 1 for story_id in stories}


def entry_position(path: Path, story_id: str, key: str) -> tuple[int | None, int | None]:
    """Line and column (1-based) of ``key`` in the entry of ``story_id``, for messages."""
    text = read_text(path)
    data = read_yaml(text, str(path)) if text else None
    stories = data.get("stories") if isinstance(data, CommentedMap) else None
    entry = stories.get(story_id) if isinstance(stories, CommentedMap) else None
    if isinstance(entry, CommentedMap) and key in entry:
        line, column = entry.lc.key(key)
        return line + 1, column + 1
    return None, None


def read_text(path: Path) -> str | None:
    """The file's text, None when there is no file; unreadable files are config errors."""
    try:
        raw = path.read_bytes()
        return raw.decode("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise ConfigError([undecodable(str(path), raw, exc)]) from exc
    except OSError as exc:
        raise ConfigError(
            [ConfigProblem(str(path), None, None, "", f"cannot read: {exc}")]
        ) from exc


@dataclass(frozen=True, slots=True)
class EditorsChoice:
    """The selection phase's result: the candidates as the editors shaped them.

    ``stories`` are the candidates after splits and merges, without dropped ones, in
    their original order (a split-out story right after its origin). ``left_out`` holds
    the merged and dropped stories with their reasons; ``requested`` the stories the
    editors asked to see (pinned, kept or split out), which come in whatever their rank;
    ``moves`` the topic each moved story goes under; ``order`` the position each
    ordered story takes in its topic; ``split_from`` maps a split-out story to the story
    it came from; ``editor_takes`` the stories whose take the editors wrote (the
    language model is not asked for one). ``problems`` are entries that could not be
    applied.
    """

    stories: tuple[Story, ...]
    left_out: tuple[LeftOut, ...] = ()
    requested: frozenset[StoryId] = frozenset()
    pinned: frozenset[StoryId] = frozenset()
    moves: Mapping[StoryId, str] = field(default_factory=dict)
    order: Mapping[StoryId, int] = field(default_factory=dict)
    split_from: Mapping[StoryId, StoryId] = field(default_factory=dict)
    editor_takes: frozenset[StoryId] = frozenset()
    problems: tuple[Problem, ...] = ()


def choose_stories(
    candidates: Sequence[Story], plan: EditorialPlan, told: Collection[str] = frozenset()
) -> EditorsChoice:
    """Phase 1: apply ``split``, then ``merge_into``, then ``drop``, ``topic``, ``pin``,
    ``keep`` and ``order`` to this issue's candidate stories.

    Splits come first, so a story split out can be merged into another. A split article
    is matched by host, path and query (scheme and port are ignored, as in story ids)
    and becomes a story of its own, with the id its URL gives. A merged story
    disappears; its target keeps its id, status and place. Entries whose story is not
    a candidate are reported, except those of stories in ``told``: sent in an earlier
    issue with nothing new since, their entries are last weeks' work, kept in case the
    story comes back, and a warning for each would grow every week (a pin stays in the
    file after its story went out, so it is no request for this issue either).
    """
    name = plan.path.name
    by_id: dict[StoryId, Story] = {s.id: s for s in candidates}
    order: list[StoryId] = list(by_id)
    problems: list[Problem] = []
    split_from: dict[StoryId, StoryId] = {}
    for story_id in sorted(plan.stories):
        for url in plan.stories[story_id].split:
            if story_id not in by_id:
                break
            new_id, note = _split_one(by_id, order, StoryId(story_id), url)
            if note:
                problems.append(
                    _problem(plan, story_id, f"{name}: {story_id}: split {url}: {note}")
                )
            if new_id is not None:
                split_from[new_id] = StoryId(story_id)
    left_out: list[LeftOut] = []
    targets = _merge_targets(by_id, plan, problems)
    for source in sorted(targets):
        target = targets[source]
        if target == source:
            continue
        merged_away = by_id.pop(source)
        by_id[target] = _merged(by_id[target], merged_away)
        if _edit(plan, source).drop:
            # Both can be meant (drop it, or fold it into another): the merge is done,
            # as merging comes first, and the editors are asked to keep one of the two.
            line, _column = entry_position(plan.path, source, "drop")
            where = f"{name}:{line}" if line else name
            problems.append(
                _problem(
                    plan,
                    source,
                    f"{where}: {source}: both drop and merge_into {target} are set; it is "
                    f"merged into {target}. Remove the one you do not mean.",
                )
            )
        unused = _text_edits(_edit(plan, source))
        if unused:
            # Written for a story that is no more: the merged story prints the target's.
            line, _column = entry_position(plan.path, source, unused[0])
            where = f"{name}:{line}" if line else name
            problems.append(
                _problem(
                    plan,
                    source,
                    f"{where}: {source}: its {' and '.join(unused)} "
                    f"{'is' if len(unused) == 1 else 'are'} not used: the story is merged "
                    f"into {target}. Move what you mean to keep to {target}'s entry.",
                )
            )
        left_out.append(
            LeftOut(
                source,
                LeftOutReason.MERGED,
                f"merged into {target} in {name}",
                shown_title(plan, merged_away),
            )
        )
    present = set(by_id) | {item.story_id for item in left_out}
    lines: dict[str, int] | None = None
    for story_id in sorted(plan.stories):
        if story_id in present or story_id in told:
            continue
        if lines is None:
            lines = _entry_lines(plan.path)
        problems.append(_problem(plan, story_id, _absent(plan, story_id, present, lines)))
    kept: list[Story] = []
    for story_id in order:
        story = by_id.get(story_id)
        if story is None:
            continue
        edit = _edit(plan, story_id)
        if edit.drop:
            if edit.pin or edit.keep or edit.order is not None:
                # Earlier previews wrote a drop beside a pin: the drop is the later word,
                # and an unattended build goes on with it rather than stopping.
                problems.append(
                    _problem(
                        plan,
                        story_id,
                        f"{name}: {story_id}: drop together with pin, keep or order; left out, as "
                        "the drop says. Remove the one you do not mean.",
                    )
                )
            left_out.append(
                LeftOut(
                    story_id,
                    LeftOutReason.DROPPED,
                    "dropped in the editorial file",
                    shown_title(plan, story),
                    tuple(a.id for a in story.articles),
                )
            )
        else:
            kept.append(story)
    ids = {s.id for s in kept}
    pinned = frozenset(i for i in ids if _edit(plan, i).pin)
    brought_in = frozenset(i for i in ids if _edit(plan, i).keep)
    return EditorsChoice(
        stories=tuple(kept),
        left_out=tuple(left_out),
        requested=pinned | brought_in | frozenset(i for i in split_from if i in ids),
        pinned=pinned,
        moves={i: e.topic for i in ids if (e := _edit(plan, i)).topic},
        order={i: e.order for i in ids if (e := _edit(plan, i)).order is not None},
        split_from={i: o for i, o in split_from.items() if i in ids},
        editor_takes=frozenset(i for i in ids if _edit(plan, i).take),
        problems=tuple(problems),
    )


def _edit(plan: EditorialPlan, story_id: str) -> StoryEdit:
    return plan.stories.get(story_id) or StoryEdit()


def _text_edits(edit: StoryEdit) -> list[str]:
    """The editors' texts an entry sets, by key: take, headline, briefly, ..."""
    keys = ("take", "headline", "briefly", "perspectives", "also_worth_noting")
    return [key for key in keys if getattr(edit, key) is not None]


def as_last_printed(left_out: Sequence[LeftOut], printed: Mapping[str, str]) -> tuple[LeftOut, ...]:
    """``left_out`` listed under the headlines their stories printed under in the last
    build of the issue (``printed``: story id -> headline), where they had one: the
    editor who drops a story finds it under the headline the preview showed."""
    return tuple(
        dataclasses.replace(item, headline=printed[item.story_id])
        if printed.get(item.story_id)
        else item
        for item in left_out
    )


def shown_title(plan: EditorialPlan, story: Story) -> str:
    """The title a story left out is listed under: the headline the editors gave it, or
    the one the build writes from its titles, not its first article's."""
    # Here, not at the top: the headline rules bring NumPy with them, and the preview
    # and the CLI read editorial.yaml without it.
    from digest.headline import make_headline

    return _edit(plan, story.id).headline or make_headline(story)


def _absent(
    plan: EditorialPlan, story_id: str, present: Collection[str], lines: Mapping[str, int]
) -> str:
    """What to tell the editors about an entry for a story not in this issue, with its
    line: a story that may come back, a slip in copying an id, or no id at all."""
    line = lines.get(story_id)
    where = f"{plan.path.name}:{line}" if line else plan.path.name
    # One or two characters off an id of this issue: a slip in copying it.
    guess = difflib.get_close_matches(story_id, sorted(present), n=1, cutoff=0.85)
    hint = f" Did you mean {guess[0]}?" if guess else ""
    if not is_story_id(story_id):
        return (
            f"{where}: {story_id!r} is not a story id (like s-2dc84f163699: copy one from "
            f"the preview or digest.json); this entry matches no story.{hint}"
        )
    return (
        f"{where}: story {story_id} is not in this issue; its edits are kept for when it "
        f"returns.{hint}"
    )


def _problem(plan: EditorialPlan, story_id: str, message: str) -> Problem:
    return Problem(Stage.EDITORIAL, f"{plan.path.name}: {story_id}", message)


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
    by_id: dict[StoryId, Story], plan: EditorialPlan, problems: list[Problem]
) -> dict[StoryId, StoryId]:
    """Each present story with ``merge_into`` -> the story its articles end up in.

    Chains are followed (a into b, b into c: both into c). A target not in the issue, or
    one that would close a circle, stops the chain there, with a problem reported.
    """
    name = plan.path.name
    wanted = {
        StoryId(i): StoryId(e.merge_into)
        for i, e in plan.stories.items()
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
            problems.append(
                _problem(
                    plan,
                    story_id,
                    f"{name}: {story_id}: merge_into {target}, which is not in this issue; "
                    f"{story_id} stays on its own.",
                )
            )
            final = story_id
        elif target in visiting or target == story_id:
            problems.append(
                _problem(
                    plan,
                    story_id,
                    f"{name}: {story_id}: merge_into {target} would merge stories in a circle; "
                    f"{story_id} stays on its own.",
                )
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
        # The story keeps its id, so it keeps its headline and lead: the editors moved
        # articles into it, not it into them.
        lead_articles=target.lead_articles or frozenset(seen),
    )


def apply_text(
    topics: Sequence[TopicSection],
    plan: EditorialPlan,
    printed_before: Mapping[StoryId, Collection[str]] | None = None,
) -> tuple[TopicSection, ...]:
    """Phase 2: the editors' headline, Briefly, perspectives, notes and take.

    Only text changes here; which stories are in, where and in what order was decided
    by :func:`choose_stories`. ``printed_before`` maps a story id to the texts earlier
    issues printed for it (its take among them): an update is not given the take its
    story went out with.
    """
    return tuple(
        dataclasses.replace(
            topic,
            stories=tuple(
                _edited(s, _edit(plan, s.story_id), (printed_before or {}).get(s.story_id, ()))
                for s in topic.stories
            ),
        )
        for topic in topics
    )


def _edited(
    story: StorySummary, edit: StoryEdit, printed_before: Collection[str] = frozenset()
) -> StorySummary:
    """The summary with the editors' text in place of the generated text.

    Replaced Briefly, perspectives and notes are attributed to the story's first
    source: the editors vouch for them, and every sentence of an issue links somewhere.
    """
    changes: dict[str, Any] = {}
    first_url = story.sources[0].url if story.sources else ""
    went_out = _went_out(edit, printed_before) if story.status is StoryStatus.UPDATE else ()
    if went_out:
        # The entry keeps the story's id, so the text written for the issue that sent
        # it would go out again under news that may have overtaken it ("the summit will
        # show ..."). The update is written from its new reports until the editors
        # write for it.
        changes["flags"] = (
            *story.flags,
            f"the {_joined(went_out)} in the editorial file went out with this story "
            f"before and {'is' if len(went_out) == 1 else 'are'} not printed again under "
            "the update: write for this week's news",
        )
    if edit.take and "take" not in went_out:
        changes.update(take=_typeset(edit.take), take_origin=TakeOrigin.EDITOR)
    if edit.headline and "headline" not in went_out:
        changes["headline"] = _typeset(edit.headline)
    if edit.briefly and story.briefly and "Briefly" not in went_out:
        changes["briefly"] = (dataclasses.replace(story.briefly[0], text=_typeset(edit.briefly)),)
    if edit.perspectives is not None and "perspectives" not in went_out:
        changes["perspectives"] = tuple(
            Perspective(who=_typeset(p.who), says=_typeset(p.says), source_url=first_url)
            for p in edit.perspectives
        )
    if edit.also_worth_noting is not None and "notes" not in went_out:
        changes["also_worth_noting"] = tuple(
            Sentence(_typeset(text), first_url) for text in edit.also_worth_noting if text.strip()
        )
    if {"briefly", "perspectives", "also_worth_noting"} & set(changes):
        # A flag about a sentence the editors replaced is settled (their Briefly has no
        # stale "will vote on Tuesday (17 November)"); one about text still printed stays.
        edited = dataclasses.replace(story, **changes)
        printed = " ".join(
            [
                edited.briefly_text,
                *(p.says for p in edited.perspectives),
                *(s.text for s in edited.also_worth_noting),
            ]
        )
        flags = changes.get("flags", story.flags)
        changes["flags"] = tuple(f for f in flags if _still_applies(f, printed))
    return dataclasses.replace(story, **changes) if changes else story


def _went_out(edit: StoryEdit, printed_before: Collection[str]) -> tuple[str, ...]:
    """Which of the editors' texts in ``edit`` an earlier issue printed as they stand."""
    fields = (
        ("headline", [edit.headline or ""]),
        ("Briefly", [edit.briefly or ""]),
        ("perspectives", [p.says for p in edit.perspectives or ()]),
        ("notes", list(edit.also_worth_noting or ())),
        ("take", [edit.take or ""]),
    )
    # Word for word, whatever the marks and spacing: "Belgium holds the key" went out
    # as "Belgium holds the key." (and an issue sent before texts were curled printed
    # straight quotation marks).
    printed = {_words(text) for text in printed_before}
    return tuple(
        name
        for name, texts in fields
        if any(text.strip() and _words(text) in printed for text in texts)
    )


def _typeset(text: str) -> str:
    """The editors' text in the marks the rest of the issue prints ("compact's" as
    "compact’s"): they type straight ones."""
    return curl_quotes(text.strip())


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_QUOTED_IN_FLAG = re.compile(r"“(.+)”")
_FIGURES_IN_FLAG = re.compile(
    r"^outlets give different figures: (.+?)(?: \([^()]*\))? and (.+?)(?: \([^()]*\))?;"
)


def _still_applies(flag: str, printed: str) -> bool:
    """Whether a build flag is about text that is still printed: the sentence it quotes
    (a long one cut with "..."), or one of the two figures it names."""
    shown = _words(printed)
    quoted = _QUOTED_IN_FLAG.search(flag)
    if quoted:
        text = quoted.group(1)
        cut = text.endswith(("...", "…"))
        said = _words(text.rstrip(".…"))
        # A quotation cut short may end inside a word: match up to the word before it.
        return (said.rsplit(" ", 2)[0] + " " if cut else said) in shown
    figures = _FIGURES_IN_FLAG.match(flag)
    if figures:
        return _words(figures.group(1)) in shown or _words(figures.group(2)) in shown
    return True


def _words(text: str) -> str:
    """``text`` as its words alone, so the marks' shapes (curled after the flag was
    written) and spacing do not count."""
    return " " + " ".join(lower_words(text)) + " "
