"""Selection: which candidate stories make the issue, under which topic, in what order.

One step, in this order:

1. the editors' selection decisions (``digest.editorial.choose_stories``: split, merge,
   drop, move, pin, order), so a dropped story frees its slot and is never written;
2. filing under topics (``digest.topics.file_stories``) and the editors' moves;
3. ranking: stories the editors asked for (pinned or split out) first, then by
   outlets, latest article and match strength;
4. the cap (``newsletter.max_stories``) on that ranking;
5. the order within each topic: pinned first, then the editors' ``order``, then rank.

Every candidate not chosen is returned as a :class:`~digest.models.LeftOut` with its
specific reason, for ``digest why``, the preview and the run summary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from digest.config import TopicConfig
from digest.editorial import EditorialPlan, EditorsChoice, choose_stories
from digest.models import LeftOut, LeftOutReason, Problem, Story, StoryId, TopicStories
from digest.topics import Placement, file_stories

__all__ = ["Selection", "select_stories"]

# A story without an editor's ``order`` sorts after every ordered one in its topic.
_UNORDERED = 10_000


@dataclass(frozen=True, slots=True)
class Selection:
    """The stories to write, grouped under topics in print order, and the rest.

    ``editor_takes`` names the chosen stories whose take the editors wrote.
    """

    topics: tuple[TopicStories, ...]
    left_out: tuple[LeftOut, ...] = ()
    editor_takes: frozenset[StoryId] = frozenset()
    problems: tuple[Problem, ...] = ()

    @property
    def stories(self) -> tuple[Story, ...]:
        return tuple(s for t in self.topics for s in t.stories)


def select_stories(
    candidates: Sequence[Story],
    plan: EditorialPlan,
    topics: Sequence[TopicConfig],
    *,
    max_stories: int,
) -> Selection:
    """Choose at most ``max_stories`` of ``candidates`` and group them (see module doc)."""
    choice = choose_stories(candidates, plan)
    filing = file_stories(choice.stories, topics)
    placements, unplaced = _placed(choice, filing.placed, filing.unplaced, topics)
    # Topics print in filing order (configured ones in config order, then discovered),
    # topics the editors moved stories to after them.
    topic_order = list(
        dict.fromkeys([*(t.name for t in topics), *(p.topic for p in filing.placed)])
    )
    topic_order.extend(dict.fromkeys(p.topic for p in placements if p.topic not in topic_order))
    by_importance = sorted(placements, key=_importance)
    ranked = sorted(by_importance, key=lambda p: p.story.id not in choice.requested)
    limit = max(max_stories, 0)
    chosen, cut = ranked[:limit], ranked[limit:]
    left_out = [
        *choice.left_out,
        *(
            LeftOut(
                s.id,
                LeftOutReason.NO_TOPIC,
                "one outlet only and no standing topic matched",
                _title(s),
            )
            for s in unplaced
        ),
        *(
            LeftOut(
                p.story.id,
                LeftOutReason.OVER_CAP,
                f"cut by max_stories ({max_stories}) at rank {rank}",
                _title(p.story),
            )
            for rank, p in enumerate(cut, start=limit + 1)
        ),
    ]
    return Selection(
        topics=_sections(sorted(chosen, key=_importance), choice, topic_order),
        left_out=tuple(left_out),
        editor_takes=choice.editor_takes & {p.story.id for p in chosen},
        problems=choice.problems,
    )


def _placed(
    choice: EditorsChoice,
    filed: Sequence[Placement],
    unfiled: Sequence[Story],
    topics: Sequence[TopicConfig],
) -> tuple[list[Placement], list[Story]]:
    """Placements after the editors' moves, each story's earlier reason kept.

    Filing gives each story its topic reason; the reason it had before (an update, a
    merge or split by the editors) is kept after it. A story the editors split out or
    moved that filing left unplaced goes under its origin's topic or the one named: the
    editors asked for it.
    """
    before = {s.id: s for s in choice.stories}
    configured = {t.name for t in topics}
    topic_of = {p.story.id: p.topic for p in filed}
    placements = []
    for placement in filed:
        earlier = before[placement.story.id].why
        why = placement.story.why
        why = f"{why}; {earlier}" if earlier and earlier not in why else why or earlier
        placements.append(
            dataclasses.replace(placement, story=dataclasses.replace(placement.story, why=why))
        )
    unplaced = []
    for story in unfiled:
        origin = choice.split_from.get(story.id)
        topic = choice.moves.get(story.id) or (topic_of.get(origin) if origin else None)
        if topic is None:
            unplaced.append(story)
        else:
            placements.append(Placement(story, topic, topic in configured, 0.0))
    moved = []
    for placement in placements:
        target = choice.moves.get(placement.story.id)
        if target is not None and target != placement.topic:
            placement = dataclasses.replace(
                placement, topic=target, configured=target in configured
            )
        moved.append(placement)
    return moved, unplaced


def _importance(placement: Placement) -> tuple[int, float, float, str]:
    """Most outlets first, then the latest news, then the strongest topic match."""
    story = placement.story
    latest = max(a.published for a in story.articles)
    return (
        -len(story.outlets),
        -latest.timestamp(),
        -placement.score,
        story.id,
    )


def _sections(
    chosen: Sequence[Placement], choice: EditorsChoice, topic_order: Sequence[str]
) -> tuple[TopicStories, ...]:
    """Chosen stories (most important first) grouped by topic in ``topic_order``;
    within a topic pinned first, then the editors' order, then importance."""
    members: dict[str, list[tuple[int, Placement]]] = {}
    configured: dict[str, bool] = {}
    for rank, placement in enumerate(chosen):
        members.setdefault(placement.topic, []).append((rank, placement))
        configured[placement.topic] = placement.configured
    names = sorted(members, key=topic_order.index)
    sections = []
    for name in names:
        ranked = sorted(
            members[name],
            key=lambda item: (
                item[1].story.id not in choice.pinned,
                choice.order.get(item[1].story.id, _UNORDERED),
                item[0],
            ),
        )
        # Rank 1 is the most important story: the renderer numbers by it.
        stories = tuple(dataclasses.replace(p.story, rank=rank + 1) for rank, p in ranked)
        sections.append(TopicStories(name, configured[name], stories))
    return tuple(sections)


def _title(story: Story) -> str:
    return story.articles[0].title if story.articles else ""
