"""What the preview page shows, as plain data for its Jinja template (``page.html.j2``).

Everything shown comes from the build and the editors' file; the template autoescapes
it. Buttons carry the edit they post as JSON in a data attribute; the page script
(``static/preview.js``) sends it to ``/api/edit`` with the session token.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from digest.build import BuildOutcome, IssueResult
from digest.check import Finding, check_issue
from digest.editorial import StoryEdit
from digest.errors import DigestError
from digest.ids import story_id_for
from digest.layout import print_order
from digest.models import (
    Brief,
    LeftOut,
    LeftOutReason,
    Problem,
    Stage,
    Story,
    StorySummary,
    TopicSection,
)
from digest.templating import preview_environment

__all__ = [
    "BriefItem",
    "Button",
    "LeftOutItem",
    "Member",
    "Starter",
    "StoryPanel",
    "TextField",
    "render_page",
]

# Stories the selection left out that ``keep`` brings in: the cap and the one-outlet
# list cut them, or screening set them aside; a kept story always comes in, where its
# coverage ranks it (a pin would also make it the issue's lead and its subject).
_BROUGHT_IN_BY_KEEP = frozenset(
    {LeftOutReason.OVER_CAP, LeftOutReason.ONE_OUTLET, LeftOutReason.SET_ASIDE}
)

_FRAMES = (
    ("Phone, 375 px", 375, ""),
    ("Desktop, 600 px", 620, ""),
    ("Phone, dark", 375, "?scheme=dark"),
    ("Desktop, dark", 620, "?scheme=dark"),
)


@dataclass(frozen=True, slots=True)
class Button:
    """A button the page script posts: ``changes``/``edits`` as JSON, or ``field`` to read."""

    label: str
    action: str
    story: str
    changes: str = ""  # JSON of one story's changes
    edits: str = ""  # JSON of several stories' changes
    field: str = ""  # the input whose value is posted
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Member:
    outlet: str
    url: str
    title: str
    published: str
    split: Button | None


@dataclass(frozen=True, slots=True)
class TextField:
    key: str
    label: str
    text: str
    is_set: bool
    save: Button


@dataclass(frozen=True, slots=True)
class Starter:
    """A source's analytical sentence offered to start a take: the outlet's words."""

    text: str
    outlet: str
    url: str


@dataclass(frozen=True, slots=True)
class StoryPanel:
    story_id: str
    headline: str
    topic: str
    status: str
    take_origin: str
    take: str
    why: str
    pin: Button
    drop: Button
    moves: tuple[Button, Button]
    topics: tuple[tuple[str, bool], ...]  # (name, selected)
    merge_targets: tuple[tuple[str, str], ...]  # (story id, headline)
    members: tuple[Member, ...]
    put_back: tuple[tuple[str, Button], ...]  # (origin, button)
    fields: tuple[TextField, ...]
    starters: tuple[Starter, ...] = ()
    flags: tuple[str, ...] = ()
    number: int = 0  # its number in the email
    # Undoes "Bring in" / "Make it a story": the cap and the one-outlet list decide again.
    send_back: Button | None = None


@dataclass(frozen=True, slots=True)
class BriefItem:
    """A line of "Also in the news", with the button that makes it a main story."""

    story_id: str
    headline: str
    outlet: str
    url: str
    button: Button


@dataclass(frozen=True, slots=True)
class LeftOutItem:
    story_id: str
    title: str
    reason: str
    button: Button | None


def render_page(
    *,
    token: str,
    version: int,
    error: str,
    result: IssueResult | None,
    out_dir: Path,
    edits: dict[str, StoryEdit],
    topic_names: tuple[str, ...],
    config_name: str = "feeds.yaml",
) -> str:
    """The whole preview page: the draft, its editing panel and the build error if any."""
    context: dict[str, object] = {"token": token, "version": version, "error": error}
    if result is not None and not result.is_written:
        context.update(_empty(result, config_name))
    elif result is not None:
        context.update(_draft(result, out_dir, edits, topic_names))
    return preview_environment().get_template("page.html.j2").render(context, draft=result)


def _empty(result: IssueResult, config_name: str) -> dict[str, object]:
    """A build with no story: why, and what to do."""
    if result.outcome is BuildOutcome.NOTHING_FETCHED:
        message = (
            f"Nothing fetched yet: run `digest fetch --config {config_name}`, then reload "
            "this page."
        )
    else:
        issue = result.issue
        message = (
            f"No stories in the window ({issue.window_start:%Y-%m-%d %H:%M} to "
            f"{issue.window_end:%Y-%m-%d %H:%M} UTC): nothing to send. See the warnings; "
            f"reload this page after the next `digest fetch --config {config_name}`."
        )
    return {
        "empty": message,
        "warnings": _grouped(result.issue.problems),
    }


def _draft(
    result: IssueResult, out_dir: Path, edits: dict[str, StoryEdit], configured: tuple[str, ...]
) -> dict[str, object]:
    relative = result.path.relative_to(out_dir).as_posix()
    src = f"/out/{relative}/email.html"
    names = tuple(dict.fromkeys([*(t.name for t in result.issue.topics), *configured]))
    headlines = tuple((s.story_id, s.headline) for s in result.issue.stories)
    clustered = {s.id: s for s in result.stories}
    # Listed as the email numbers them; Up and Down still move a story within its topic
    # (its topic's stories keep the topic's places in the email).
    numbers: dict[str, int] = {
        story.story_id: number
        for number, (_, story) in enumerate(print_order(result.issue), start=1)
    }
    panels = sorted(
        (
            _panel(
                topic,
                index,
                edits,
                clustered.get(topic.stories[index].story_id),
                names,
                headlines,
                numbers,
            )
            for topic in result.issue.topics
            for index in range(len(topic.stories))
        ),
        key=lambda panel: panel.number,
    )
    try:
        findings = _folded_findings(check_issue(result.path).findings)
    except DigestError as error:
        findings = [_Warning(f"the check could not read the draft: {error}")]
    return {
        "check": findings,
        "missing_takes": len(result.stories_without_take),
        "subject": result.rendered.subject,
        "preheader": result.rendered.preheader,
        "size_kb": f"{len(result.rendered.html.encode('utf-8')) / 1024:.1f}",
        "warnings": _grouped(result.issue.problems),
        "frames": [(label, width, src + query) for label, width, query in _FRAMES],
        "text": result.rendered.text,
        "stories": panels,
        "also_in_the_news": [_brief_item(brief) for brief in result.issue.also_in_the_news],
        "left_out": [_left_out_item(item, edits) for item in result.left_out],
    }


# Where each stage's warnings stand in the preview, first to last.
_WARNING_RANK = {
    str(stage): rank
    for rank, stage in enumerate(
        (
            Stage.EDITORIAL,
            Stage.SUMMARIZE,
            Stage.LLM,
            Stage.RENDER,
            Stage.FETCH,
            Stage.SCREEN,
            Stage.EXTRACT,
        )
    )
}


@dataclass(frozen=True, slots=True)
class _Warning:
    """A warning, and the others that say the same of other items (folded under it)."""

    text: str
    more: tuple[str, ...] = ()


def _grouped(problems: tuple[Problem, ...]) -> list[_Warning]:
    """One line per kind of warning: the same words about another item ("article URL
    (ABC News): HTTP 404 Not Found; used the feed's text instead" for 11 URLs) fold
    under the first, so a paywalled outlet is one line, not a page of them."""
    kinds: dict[tuple[str, str], list[str]] = {}
    for problem in problems:
        kind = problem.message.replace(problem.where, "") if problem.where else problem.message
        kinds.setdefault((str(problem.stage), kind), []).append(str(problem))
    # What the editors can act on in this issue comes first; an article read from its
    # feed's text (111 lines on a week of paywalled pages) last.
    ordered = sorted(
        kinds.items(), key=lambda item: _WARNING_RANK.get(item[0][0], len(_WARNING_RANK))
    )
    return [_Warning(texts[0], tuple(texts[1:])) for _, texts in ordered]


def _folded_findings(findings: Iterable[Finding]) -> list[_Warning]:
    """One line per kind of finding, the rest folded under it: 27 "missing take" lines
    (one per story) or a dead link per unreadable page would bury the one finding that
    matters."""
    kinds: dict[str, list[str]] = {}
    for finding in findings:
        kinds.setdefault(finding.category, []).append(str(finding))
    return [_Warning(texts[0], tuple(texts[1:])) for texts in kinds.values()]


def _edit(edits: dict[str, StoryEdit], story_id: str) -> StoryEdit:
    return edits.get(story_id) or StoryEdit()


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word within ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-") + "…"


def _changes(label: str, action: str, story: str, changes: object) -> Button:
    return Button(label, action, story, changes=json.dumps(changes))


def _panel(
    topic: TopicSection,
    index: int,
    edits: dict[str, StoryEdit],
    clustered: Story | None,
    topic_names: tuple[str, ...],
    headlines: tuple[tuple[str, str], ...],
    numbers: dict[str, int],
) -> StoryPanel:
    story = topic.stories[index]
    story_id = story.story_id
    edit = _edit(edits, story_id)
    outlets = {source.url: source.outlet for source in story.sources}
    pin = (
        _changes("Unpin", "unpin", story_id, {"pin": None})
        if edit.pin
        else _changes("Pin", "pin", story_id, {"pin": True})
    )
    return StoryPanel(
        story_id=story_id,
        headline=story.headline,
        topic=topic.name,
        status=story.status.value,
        take_origin=story.take_origin.value,
        take=story.take,
        why=(clustered.why if clustered is not None else "") or "not recorded",
        pin=pin,
        drop=_changes(
            "Drop", "drop", story_id, {"drop": True, "pin": None, "keep": None, "order": None}
        ),
        send_back=(
            _changes("Send back", "send-back", story_id, {"keep": None}) if edit.keep else None
        ),
        moves=_move_buttons(topic, index, edits, numbers),
        number=numbers.get(story_id, 0),
        topics=tuple((name, name == edit.topic) for name in topic_names),
        merge_targets=tuple((i, _shortened(h, 70)) for i, h in headlines if i != story_id),
        members=_members(story, clustered, edits),
        put_back=_put_back(story_id, edits),
        fields=_text_fields(story, edit),
        starters=tuple(
            Starter(s.text, outlets.get(s.source_url, ""), s.source_url)
            for s in story.take_starters
        )
        if not story.take
        else (),
        flags=story.flags,
    )


def _move_buttons(
    topic: TopicSection, index: int, edits: dict[str, StoryEdit], numbers: dict[str, int]
) -> tuple[Button, Button]:
    """Up and Down: write ``order`` 1..n for the whole topic, with two stories swapped.

    Pinned stories sort before the rest whatever their order, so a story only moves
    past a neighbour with the same pin state. A topic's stories keep the topic's places
    in the email, so a move takes the neighbour's number, which the label says ("Down
    to no. 6"): the next story of the topic may be several numbers further.
    """
    ids = [s.story_id for s in topic.stories]
    buttons = []
    for label, action, other in (("Up", "up", index - 1), ("Down", "down", index + 1)):
        if (
            not 0 <= other < len(ids)
            or _edit(edits, ids[index]).pin != _edit(edits, ids[other]).pin
        ):
            buttons.append(Button(label, action, ids[index], disabled=True))
            continue
        if numbers.get(ids[other]):
            label = f"{label} to no. {numbers[ids[other]]}"
        swapped = list(ids)
        swapped[index], swapped[other] = swapped[other], swapped[index]
        order = [{"story": s, "changes": {"order": n}} for n, s in enumerate(swapped, start=1)]
        buttons.append(Button(label, action, ids[index], edits=json.dumps(order)))
    return buttons[0], buttons[1]


def _members(
    story: StorySummary, clustered: Story | None, edits: dict[str, StoryEdit]
) -> tuple[Member, ...]:
    """The story's articles, with a Split out button for each but the one giving its id."""
    if clustered is None:
        return ()
    split = list(_edit(edits, story.story_id).split)
    members = []
    for article in clustered.articles:
        button = None
        if len(clustered.articles) > 1 and story_id_for(article.url) != story.story_id:
            button = _changes(
                "Split out", "split", story.story_id, {"split": [*split, article.url]}
            )
        published = article.published.strftime("%Y-%m-%d %H:%M UTC")
        members.append(Member(article.outlet, article.url, article.title, published, button))
    return tuple(members)


def _put_back(story_id: str, edits: dict[str, StoryEdit]) -> tuple[tuple[str, Button], ...]:
    """For a story the editors split out: a button removing it from its origin's split."""
    items = []
    for origin, edit in sorted(edits.items()):
        for url in edit.split:
            if story_id_for(url) == story_id:
                rest = [u for u in edit.split if u != url] or None
                button = _changes(f"Put back into {origin}", "unsplit", origin, {"split": rest})
                items.append((origin, button))
    return tuple(items)


def _text_fields(story: StorySummary, edit: StoryEdit) -> tuple[TextField, ...]:
    story_id = story.story_id
    perspectives = "\n".join(f"{p.who}: {p.says}" for p in story.perspectives)
    notes = "\n".join(s.text for s in story.also_worth_noting)
    fields = []
    for key, label, save, text, is_set in (
        ("briefly", "Briefly", "Save Briefly", story.briefly_text, edit.briefly is not None),
        (
            "perspectives",
            "Perspectives (Who: what they say)",
            "Save Perspectives",
            perspectives,
            edit.perspectives is not None,
        ),
        (
            "also_worth_noting",
            "Also worth noting (one per line)",
            "Save Also worth noting",
            notes,
            edit.also_worth_noting is not None,
        ),
    ):
        fields.append(TextField(key, label, text, is_set, Button(save, key, story_id, field=key)))
    return tuple(fields)


def _brief_item(brief: Brief) -> BriefItem:
    button = _changes("Make it a story", "keep", brief.story_id, {"keep": True})
    return BriefItem(brief.story_id, brief.headline, brief.outlet, brief.url, button)


def _left_out_item(item: LeftOut, edits: dict[str, StoryEdit]) -> LeftOutItem:
    """A story not in the issue and why, with the button that undoes an editor's choice
    or, for a story the cap or screening left out, the one that brings it in (``keep``)."""
    edit = _edit(edits, item.story_id)
    button = None
    if edit.drop:
        button = _changes("Restore", "restore", item.story_id, {"drop": None})
    elif edit.merge_into:
        button = _changes("Unmerge", "unmerge", item.story_id, {"merge_into": None})
    elif item.reason in _BROUGHT_IN_BY_KEEP:
        button = _changes("Bring in", "bring-in", item.story_id, {"keep": True})
    return LeftOutItem(item.story_id, item.headline, item.detail, button)
