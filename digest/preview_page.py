"""The preview's HTML page: the draft in frames, and a panel of editing controls.

Everything shown comes from the build and is escaped; the page's script posts edits
to ``/api/edit`` with the session token from ``data-token``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.build import IssueResult
from digest.editorial import StoryEdit
from digest.ids import story_id_for
from digest.models import Story, StorySummary, TopicSection

__all__ = ["render_page"]


_SCRIPT = """
const token = document.body.dataset.token;
let version = Number(document.body.dataset.version);
async function post(body) {
  const r = await fetch('/api/edit', {method: 'POST', headers: {'Content-Type':
    'application/json', 'X-Digest-Token': token}, body: JSON.stringify(body)});
  if (!r.ok) { alert(await r.text()); return; }
  version = (await r.json()).version;
  location.reload();
}
function field(action, story) { return document.getElementById(action + '-' + story); }
function lines(text) { return text.split('\\n').map((l) => l.trim()).filter((l) => l); }
const readers = {
  take: (box) => box.value.trim() || null,
  headline: (box) => box.value.trim() || null,
  briefly: (box) => box.value.trim() || null,
  topic: (box) => box.value || null,
  merge_into: (box) => box.value || null,
  also_worth_noting: (box) => lines(box.value).length ? lines(box.value) : null,
  perspectives: (box) => {
    const items = lines(box.value).map((l) => {
      const at = l.indexOf(':');
      if (at < 1) throw new Error('Write each perspective as "Who: what they say".');
      return {who: l.slice(0, at).trim(), says: l.slice(at + 1).trim()};
    });
    return items.length ? items : null;
  },
};
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  const story = b.dataset.story;
  if (b.dataset.edits) return post({edits: JSON.parse(b.dataset.edits)});
  if (b.dataset.changes) return post({story, changes: JSON.parse(b.dataset.changes)});
  const key = b.dataset.field;
  let value;
  try { value = readers[key](field(key, story)); } catch (err) { alert(err.message); return; }
  if (key === 'merge_into' && !value) return;
  post({story, changes: {[key]: value}});
});
setInterval(async () => {
  try {
    const r = await fetch('/api/version');
    const v = (await r.json()).version;
    if (v !== version) location.reload();
  } catch (e) {}
}, 700);
"""

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111}
header{background:#111827;color:#fff;padding:10px 16px}
main{display:flex;gap:16px;padding:16px;flex-wrap:wrap}
section{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px #0002}
section.panel{max-width:44em}
.error{background:#fee2e2;color:#7f1d1d;white-space:pre-wrap;font-family:monospace;padding:12px}
iframe{border:1px solid #ccc;background:#fff}
pre{white-space:pre-wrap;max-width:80ch}
.story{border-top:1px solid #ddd;padding:8px 0}
.why,.members{color:#444;font-size:13px}
textarea{width:100%;min-height:3em}
input[type=text]{width:70%}
details{margin:4px 0}
"""


def render_page(
    *,
    token: str,
    version: int,
    error: str,
    result: IssueResult | None,
    out_dir: Path,
    edits: dict[str, StoryEdit],
    topic_names: tuple[str, ...],
) -> str:
    """The whole preview page: the draft, its editing panel and the build error if any."""
    esc = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>digest preview</title>",
        f"<style>{_STYLE}</style></head>",
        f"<body data-token='{esc(token)}' data-version='{version}'>",
        "<header><strong>digest preview</strong></header>",
    ]
    if error:
        parts.append(
            f"<div class='error' id='build-error'>Build failed:\n{esc(error)}\n"
            "The last good draft is shown below.</div>"
        )
    if result is None:
        parts.append("<main><p>No draft yet.</p></main>")
    else:
        view = _View.of(result, edits, topic_names)
        parts.append(_draft(result, out_dir, view))
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "".join(parts)


@dataclass(frozen=True)
class _View:
    """What the editing panel needs besides the issue: current edits and the clustering."""

    edits: dict[str, StoryEdit]
    clustered: dict[str, Story]
    topic_names: tuple[str, ...]
    headlines: tuple[tuple[str, str], ...]  # (story id, headline) of the issue's stories

    @classmethod
    def of(
        cls, result: IssueResult, edits: dict[str, StoryEdit], configured: tuple[str, ...]
    ) -> _View:
        names = dict.fromkeys([*(t.name for t in result.issue.topics), *configured])
        return cls(
            edits=edits,
            clustered={s.id: s for s in result.stories},
            topic_names=tuple(names),
            headlines=tuple((s.story_id, s.headline) for s in result.issue.stories),
        )

    def edit(self, story_id: str) -> StoryEdit:
        return self.edits.get(story_id, StoryEdit())


def _button(label: str, action: str, story_id: str, **data: Any) -> str:
    """A button the page script posts: ``changes``/``edits`` as JSON, or ``field`` to read."""
    attributes = "".join(
        f" data-{name}='{html.escape(value if isinstance(value, str) else json.dumps(value))}'"
        for name, value in data.items()
    )
    return (
        f"<button type='button' data-action='{action}' data-story='{html.escape(story_id)}'"
        f"{attributes}>{html.escape(label)}</button>"
    )


def _draft(result: IssueResult, out_dir: Path, view: _View) -> str:
    esc = html.escape
    relative = result.path.relative_to(out_dir).as_posix()
    size = len(result.rendered.html.encode("utf-8"))
    src = f"/out/{relative}/email.html"
    frames = "".join(
        f"<figure><figcaption>{label}</figcaption><iframe title='{label}' src='{src}{query}' "
        f"width='{width}' height='900'></iframe></figure>"
        for label, width, query in (
            ("Phone, 375 px", 375, ""),
            ("Desktop, 600 px", 620, ""),
            ("Phone, dark", 375, "?scheme=dark"),
            ("Desktop, dark", 620, "?scheme=dark"),
        )
    )
    warnings = "".join(f"<li>{esc(str(w))}</li>" for w in result.issue.problems) or "<li>none</li>"
    stories = "".join(
        _story_panel(topic, index, view)
        for topic in result.issue.topics
        for index in range(len(topic.stories))
    )
    return (
        "<main>"
        f"<section class='panel'><h2>Inbox</h2>"
        f"<p><strong id='subject'>{esc(result.rendered.subject)}</strong>"
        f"<br><span id='preheader'>{esc(result.rendered.preheader)}</span></p>"
        f"<p id='size'>HTML size: {size / 1024:.1f} KB of Gmail's 102 KB limit</p>"
        f"<h3>Warnings</h3><ul id='warnings'>{warnings}</ul>"
        f"<h3>Stories</h3>{stories}"
        f"<h3>Left out</h3><ul id='left-out'>{_left_out(result, view)}</ul></section>"
        f"<section><h2>Email</h2>{frames}</section>"
        f"<section><h2>Plain text</h2><pre id='text'>{esc(result.rendered.text)}</pre></section>"
        "</main>"
    )


def _story_panel(topic: TopicSection, index: int, view: _View) -> str:
    esc = html.escape
    story = topic.stories[index]
    story_id = story.story_id
    edit = view.edit(story_id)
    clustered = view.clustered.get(story_id)
    why = clustered.why if clustered is not None else ""
    pin = (
        _button("Unpin", "unpin", story_id, changes={"pin": None})
        if edit.pin
        else _button("Pin", "pin", story_id, changes={"pin": True})
    )
    return (
        f"<div class='story' id='story-{esc(story_id)}'>"
        f"<strong>{esc(story.headline)}</strong> <code>{esc(story_id)}</code> "
        f"<span class='why'>{esc(topic.name)}; {esc(story.status.value)}; "
        f"take: {esc(story.take_origin.value)}</span>"
        f"<div class='why' id='why-{esc(story_id)}'>In because: {esc(why or 'not recorded')}</div>"
        f"{pin} {_button('Drop', 'drop', story_id, changes={'drop': True})} "
        f"{_move_buttons(topic, index, view)}"
        f"<br>{_topic_select(story_id, topic.name, edit, view)} "
        f"{_merge_select(story_id, view)}"
        f"{_members(story, clustered, view)}"
        f"{_text_fields(story, edit)}"
        "</div>"
    )


def _move_buttons(topic: TopicSection, index: int, view: _View) -> str:
    """Up and Down: write ``order`` 1..n for the whole topic, with two stories swapped.

    Pinned stories sort before the rest whatever their order, so a story only moves
    past a neighbour with the same pin state.
    """
    ids = [s.story_id for s in topic.stories]
    buttons = []
    for label, action, other in (("Up", "up", index - 1), ("Down", "down", index + 1)):
        if not 0 <= other < len(ids) or view.edit(ids[index]).pin != view.edit(ids[other]).pin:
            buttons.append(f"<button type='button' disabled>{label}</button>")
            continue
        swapped = list(ids)
        swapped[index], swapped[other] = swapped[other], swapped[index]
        edits = [
            {"story": sid, "changes": {"order": position}}
            for position, sid in enumerate(swapped, start=1)
        ]
        buttons.append(_button(label, action, ids[index], edits=edits))
    return " ".join(buttons)


def _topic_select(story_id: str, current: str, edit: StoryEdit, view: _View) -> str:
    esc = html.escape
    options = ["<option value=''>(as grouped)</option>"] + [
        f"<option value='{esc(name)}'{' selected' if name == edit.topic else ''}>"
        f"{esc(name)}</option>"
        for name in view.topic_names
    ]
    return (
        f"<label>Topic <select id='topic-{esc(story_id)}'>{''.join(options)}</select></label>"
        + _button("Move", "topic", story_id, field="topic")
    )


def _merge_select(story_id: str, view: _View) -> str:
    esc = html.escape
    others = [(i, h) for i, h in view.headlines if i != story_id]
    if not others:
        return ""
    options = ["<option value=''>(choose a story)</option>"] + [
        f"<option value='{esc(i)}'>{esc(h[:70])} ({esc(i)})</option>" for i, h in others
    ]
    return (
        f"<label>Merge into <select id='merge_into-{esc(story_id)}'>"
        f"{''.join(options)}</select></label>"
        + _button("Merge", "merge", story_id, field="merge_into")
    )


def _members(story: StorySummary, clustered: Story | None, view: _View) -> str:
    """The story's articles, with a Split out button for each but the one giving its id."""
    esc = html.escape
    if clustered is None:
        return ""
    split = list(view.edit(story.story_id).split)
    items = []
    for article in clustered.articles:
        button = ""
        if len(clustered.articles) > 1 and story_id_for(article.url) != story.story_id:
            button = " " + _button(
                "Split out", "split", story.story_id, changes={"split": [*split, article.url]}
            )
        items.append(
            f"<li>{esc(article.outlet)}: <a href='{esc(article.url)}'>{esc(article.title)}</a> "
            f"<time>{article.published.strftime('%Y-%m-%d %H:%M UTC')}</time>{button}</li>"
        )
    items.extend(_put_back(story.story_id, view))
    return f"<ul class='members' id='members-{esc(story.story_id)}'>{''.join(items)}</ul>"


def _put_back(story_id: str, view: _View) -> list[str]:
    """For a story the editors split out: a button removing it from its origin's split."""
    items = []
    for origin, edit in sorted(view.edits.items()):
        for url in edit.split:
            if story_id_for(url) == story_id:
                rest = [u for u in edit.split if u != url] or None
                button = _button(
                    f"Put back into {origin}", "unsplit", origin, changes={"split": rest}
                )
                items.append(f"<li>split out of <code>{html.escape(origin)}</code> {button}</li>")
    return items


def _text_fields(story: StorySummary, edit: StoryEdit) -> str:
    esc = html.escape
    story_id = esc(story.story_id)
    perspectives = "\n".join(f"{p.who}: {p.says}" for p in story.perspectives)
    notes = "\n".join(s.text for s in story.also_worth_noting)
    fields = [
        f"<label>Headline <input type='text' id='headline-{story_id}' "
        f"value='{esc(story.headline)}'></label>"
        + _button("Save", "headline", story.story_id, field="headline"),
        f"<label>Our take<textarea id='take-{story_id}'>{esc(story.take)}</textarea></label>"
        + _button("Save take", "take", story.story_id, field="take"),
    ]
    for key, label, text, is_set in (
        ("briefly", "Briefly", story.briefly_text, edit.briefly is not None),
        (
            "perspectives",
            "Perspectives (Who: what they say)",
            perspectives,
            edit.perspectives is not None,
        ),
        (
            "also_worth_noting",
            "Also worth noting (one per line)",
            notes,
            edit.also_worth_noting is not None,
        ),
    ):
        state = " (edited; empty it and save to restore)" if is_set else ""
        fields.append(
            f"<details><summary>{esc(label)}{state}</summary>"
            f"<textarea id='{key}-{story_id}'>{esc(text)}</textarea>"
            + _button(f"Save {label.split(' (')[0]}", key, story.story_id, field=key)
            + "</details>"
        )
    return "".join(f"<div>{f}</div>" for f in fields)


def _left_out(result: IssueResult, view: _View) -> str:
    """Stories not in the issue and why, with the button that undoes an editor's choice."""
    esc = html.escape
    items = []
    for item in result.left_out:
        story_id, reason = item.story_id, item.detail
        edit = view.edit(story_id)
        clustered = view.clustered.get(story_id)
        title = f"{esc(clustered.articles[0].title)} " if clustered else ""
        button = ""
        if edit.drop:
            button = _button("Restore", "restore", story_id, changes={"drop": None})
        elif edit.merge_into:
            button = _button("Unmerge", "unmerge", story_id, changes={"merge_into": None})
        items.append(
            f"<li id='left-{esc(story_id)}'>{title}<code>{esc(story_id)}</code>: "
            f"{esc(reason)} {button}</li>"
        )
    return "".join(items) or "<li>none</li>"
