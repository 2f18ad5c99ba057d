"""The editors' preview, driven in real headless Chromium (Playwright, system chromium)."""

from __future__ import annotations

import html
import itertools
import json
import logging
import os
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from digest.build import BuildOptions, run_issue
from digest.cli import cli
from digest.config import load_config
from digest.editorial import load_plan
from digest.preview import PreviewServer, start_preview
from digest.sample import serve_sample, write_sample_config

CHROMIUM = os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or ""

OVERRIDE = """\
{% extends "default:issue.mjml.j2" %}
{% block footer %}
    <mj-section><mj-column><mj-text>FOOTER {{ marker }}</mj-text></mj-column></mj-section>
{% endblock %}
"""


MASTHEAD = """\
<mj-section><mj-column><mj-text>A NEW MASTHEAD</mj-text></mj-column></mj-section>
"""


@dataclass
class Draft:
    config: Path
    out: Path
    now: datetime
    server: PreviewServer
    url: str


def _with_templates(config: Path) -> None:
    text = config.read_text()
    config.write_text(text.replace("newsletter:\n", "newsletter:\n  templates: my-templates\n", 1))
    overrides = config.parent / "my-templates"
    overrides.mkdir()
    (overrides / "issue.mjml.j2").write_text(OVERRIDE.replace("{{ marker }}", "ONE"))


@pytest.fixture
def draft(tmp_path: Path) -> Iterator[Draft]:
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        _with_templates(config)
        out = tmp_path / "out"
        run_issue(load_config(config), BuildOptions(out_dir=out, now=site.now))
    server, url = start_preview(config, out, now=site.now)
    try:
        yield Draft(config, out, site.now, server, url)
    finally:
        server.stop()


def _playwright() -> Any:
    """Playwright's sync API, or a skip saying what is missing."""
    if not CHROMIUM:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return pytest.importorskip("playwright.sync_api")


def _artefacts(tmp_path: Path) -> Path:
    """Where screenshots go: DIGEST_TEST_ARTEFACTS (CI keeps them), else a temp folder."""
    folder = Path(os.environ.get("DIGEST_TEST_ARTEFACTS", tmp_path / "artefacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _get(url: str, timeout: float = 10, **kwargs: Any) -> tuple[int, bytes]:
    request = urllib.request.Request(url, **kwargs)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_preview_binds_loopback_and_serves_nothing_else(draft: Draft) -> None:
    assert draft.url.startswith("http://127.0.0.1:")
    status, body = _get(draft.url)
    assert status == 200 and b"Frozen Russian assets" in body
    for path in (
        "out/../feeds.yaml",
        "out/%2e%2e/feeds.yaml",
        "out/..%2ffeeds.yaml",
        "out//etc/passwd",
        "../feeds.yaml",
        "digest.db",
    ):
        assert _get(draft.url + path)[0] == 404, path


def test_merge_choices_name_each_story_in_whole_words(draft: Draft) -> None:
    """The merge list cuts a long headline at a word, with an ellipsis, never mid-word
    ("... hung parliamen")."""
    _status, body = _get(draft.url)
    options = re.findall(r'<option value="s-[0-9a-f]{12}">([^<]*)</option>', body.decode())
    headlines = {s["headline"] for t in _topics(draft) for s in t["stories"]}
    assert options
    for label in html.unescape("\n".join(options)).splitlines():
        option = label.rsplit(" (s-", 1)[0]  # "Headline (s-...)"
        assert option in headlines or (
            option.endswith("…")
            and any(h.startswith(option[:-1] + " ") for h in headlines)
            and len(option) <= 70
        ), option


def test_write_actions_need_the_session_token(draft: Draft) -> None:
    body = json.dumps({"story": "s-000000000000", "changes": {"drop": True}}).encode()
    for headers in (
        {"Content-Type": "application/json"},
        {"Content-Type": "application/json", "X-Digest-Token": "guess"},
        {"Content-Type": "text/plain", "X-Digest-Token": draft.server.token},
    ):
        status, _ = _get(draft.url + "api/edit", data=body, headers=headers, method="POST")
        assert status == 403
    assert not load_config(draft.config).editorial_path.exists()


def test_edits_are_checked_before_anything_is_written(draft: Draft) -> None:
    headers = {"Content-Type": "application/json", "X-Digest-Token": draft.server.token}
    story = "s-000000000000"
    for body in (
        {"story": story, "changes": {"pin": "true"}},
        {"story": story, "changes": {"order": "2"}},
        {"story": story, "changes": {"colour": "red"}},
        {"story": "../feeds", "changes": {"pin": True}},
        {"story": story, "changes": {"merge_into": "s-nope"}},
        {"story": story, "changes": {"split": ["javascript:alert(1)"]}},
        {"story": story, "changes": {"perspectives": [{"who": "Nuuk"}]}},
        {"story": story, "changes": {"also_worth_noting": "one line"}},
        {"edits": [{"story": story, "changes": {"pin": True}}, {"story": story}]},
        {"edits": []},
        ["not", "an", "object"],
        # Written, a move to no known topic would stop every build until removed by hand.
        {"story": story, "changes": {"topic": "No Such Topic"}},
    ):
        data = json.dumps(body).encode()
        status, said = _get(draft.url + "api/edit", data=data, headers=headers, method="POST")
        assert status == 400, body
        # Told in the file's words, not pydantic's ("validation error for StoryEdit").
        assert b"pydantic" not in said and b"validation error" not in said, said
    assert not load_config(draft.config).editorial_path.exists()
    data = json.dumps({"story": story, "changes": {"topic": "Frozen Russian asets"}}).encode()
    _, said = _get(draft.url + "api/edit", data=data, headers=headers, method="POST")
    assert b'Did you mean "Frozen Russian assets"?' in said, said
    good = {"story": story, "changes": {"also_worth_noting": ["One.", "Two."], "order": 3}}
    data = json.dumps({"edits": [good]}).encode()
    status, _ = _get(draft.url + "api/edit", data=data, headers=headers, method="POST")
    assert status == 200
    edit = load_plan(load_config(draft.config).editorial_path).stories[story]
    assert (edit.also_worth_noting, edit.order) == (("One.", "Two."), 3)


@pytest.mark.browser
def test_editor_shapes_the_draft_in_the_browser(draft: Draft, tmp_path: Path) -> None:
    sync_api = _playwright()
    artefacts = _artefacts(tmp_path)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page()
        page.goto(draft.url)
        topics = _topics(draft)
        first_topic = next(t for t in topics if len(t["stories"]) >= 2)
        to_pin = first_topic["stories"][-1]["id"]
        to_drop = next(t for t in topics if t is not first_topic)["stories"][0]["id"]

        with page.expect_navigation():
            page.click(f"button[data-action=pin][data-story='{to_pin}']")
        assert _topic_of(draft, to_pin)["stories"][0]["id"] == to_pin

        with page.expect_navigation():
            page.click(f"button[data-action=drop][data-story='{to_drop}']")
        assert to_drop not in _ids(draft)
        # A dropped story stays listed, with the button that undoes the drop.
        with page.expect_navigation():
            page.click(f"#left-{to_drop} button[data-action=restore]")
        assert to_drop in _ids(draft)
        with page.expect_navigation():
            page.click(f"button[data-action=drop][data-story='{to_drop}']")
        assert to_drop not in _ids(draft)
        # Dropping the pinned story unpins it: the file never holds both decisions.
        with page.expect_navigation():
            page.click(f"button[data-action=drop][data-story='{to_pin}']")
        assert to_pin not in _ids(draft)
        dropped = load_plan(load_config(draft.config).editorial_path).stories[to_pin]
        assert dropped.drop and not dropped.pin
        for action in ("restore", "pin"):
            with page.expect_navigation():
                page.click(f"button[data-action={action}][data-story='{to_pin}']")
        assert _topic_of(draft, to_pin)["stories"][0]["id"] == to_pin

        biggest = max(
            (t for t in _topics(draft) if t["name"] != first_topic["name"]),
            key=lambda t: len(t["stories"]),
        )
        assert len(biggest["stories"]) >= 4, "the sample has a topic with four stories"
        second = biggest["stories"][1]["id"]
        # The page lists the stories as the email numbers them, and a move says which
        # number the story goes to: the next story of its topic may be further down.
        assert _page_order(page) == _email_order(draft)
        places = page.locator(".story > span.why").all_inner_texts()
        assert [p.split()[1] for p in places] == [str(n) for n in range(1, len(places) + 1)]
        first_of_biggest = biggest["stories"][0]["id"]
        number = _email_order(draft).index(_story(draft, second)["headline"][:30]) + 1
        down = page.locator(f"button[data-action=down][data-story='{first_of_biggest}']")
        assert down.inner_text() == f"Down to no. {number}"
        with page.expect_navigation():
            page.click(f"button[data-action=up][data-story='{second}']")
        assert _topic_of(draft, second)["stories"][0]["id"] == second
        assert _page_order(page) == _email_order(draft)

        source, target = (s["id"] for s in _topic_of(draft, second)["stories"][2:4])
        source_urls = {s["url"] for s in _story(draft, source)["sources"]}
        page.select_option(f"#merge_into-{source}", target)
        with page.expect_navigation():
            page.click(f"button[data-action=merge][data-story='{source}']")
        assert source not in _ids(draft)
        assert source_urls <= {s["url"] for s in _story(draft, target)["sources"]}
        assert page.locator(f"#left-{source} button[data-action=unmerge]").count() == 1

        to_split = next(s["id"] for s in first_topic["stories"] if s["id"] != to_pin)
        before = len(_story(draft, to_split)["sources"])
        with page.expect_navigation():
            page.click(f"#members-{to_split} button[data-action=split] >> nth=0")
        assert len(_story(draft, to_split)["sources"]) == before - 1
        assert len(_ids(draft)) == len(set(_ids(draft))), "no story twice"

        page.fill(f"#take-{to_pin}", "Tokyo gains more from this than NATO does.")
        with page.expect_navigation():
            page.click(f"button[data-action=take][data-story='{to_pin}']")
        frame = page.frame_locator("iframe[title='Desktop, 600 px']")
        assert "Tokyo gains more from this than NATO does." in frame.locator("body").inner_text()
        page.screenshot(path=str(artefacts / "preview-edited.png"), full_page=True)

        override = draft.config.parent / "my-templates" / "issue.mjml.j2"
        with page.expect_navigation(timeout=15_000):
            override.write_text(OVERRIDE.replace("{{ marker }}", "TWO"))
        assert "FOOTER TWO" in frame.locator("body").inner_text()

        with page.expect_navigation(timeout=15_000):
            override.write_text(OVERRIDE.replace("{% endblock %}", "{% endblok %}"))
        error = page.locator("#build-error").inner_text()
        assert "issue.mjml.j2" in error and ":4" in error
        assert "FOOTER TWO" in frame.locator("body").inner_text(), "last good draft stays"

        with page.expect_navigation(timeout=15_000):
            override.write_text(OVERRIDE.replace("{{ marker }}", "THREE"))
        assert page.locator("#build-error").count() == 0
        assert "FOOTER THREE" in frame.locator("body").inner_text()

        # An override created while the preview runs is used by the next build.
        created = override.parent / "partials" / "masthead.mjml.j2"
        created.parent.mkdir()
        with page.expect_navigation(timeout=15_000):
            created.write_text(MASTHEAD)
        assert "A NEW MASTHEAD" in frame.locator("body").inner_text()

        # Another site cannot frame the preview (one click there would post an edit).
        attacker = browser.new_page()
        attacker.set_content(f"<iframe id='x' src='{draft.url}' width='800' height='600'></iframe>")
        attacker.wait_for_timeout(500)
        framed = attacker.frames[1] if len(attacker.frames) > 1 else None
        assert framed is None or "digest preview" not in framed.content()
        browser.close()

    edits = load_plan(load_config(draft.config).editorial_path).stories
    assert edits[to_pin].pin and edits[to_drop].drop
    # What the editor saw is what ships: a plain build applies the same file.
    rebuilt = tmp_path / "rebuilt"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "--config",
            str(draft.config),
            "--out",
            str(rebuilt),
            "--now",
            draft.now.isoformat(),
        ],
    )
    assert result.exit_code == 0, result.output
    digest = json.loads((rebuilt / "2026-11-23" / "digest.json").read_text())
    ids = [s["id"] for t in digest["topics"] for s in t["stories"]]
    assert to_drop not in ids
    pinned = next(t for t in digest["topics"] if to_pin in [s["id"] for s in t["stories"]])
    assert pinned["stories"][0]["id"] == to_pin
    assert pinned["stories"][0]["take_origin"] == "editor"
    assert source not in ids and target in ids
    moved = next(t for t in digest["topics"] if second in [s["id"] for s in t["stories"]])
    assert moved["stories"][0]["id"] == second


def test_a_story_left_out_or_in_also_in_the_news_is_brought_in_from_the_page(
    draft: Draft,
) -> None:
    """Every story the issue left out is listed with its reason; those the cap or the
    one-line list left out come in with one click, as do the one-line ones, where their
    coverage ranks them: not as the issue's lead, which only a pin makes. "Send back"
    undoes it."""
    sync_api = _playwright()
    result = draft.server.state.result
    assert result is not None
    # The sample's one-outlet item whose page is gone (the list takes the others).
    [left_out] = [item for item in result.left_out if item.reason == "one_outlet"]
    brief = result.issue.also_in_the_news[0].story_id
    lead = _ids(draft)[0]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(draft.url)
        reason = page.locator(f"#left-{left_out.story_id}").inner_text()
        assert "one outlet only" in reason and "answered not found at build time" in reason
        with page.expect_navigation():
            page.click(f"#left-{left_out.story_id} button[data-action=bring-in]")
        assert left_out.story_id in _ids(draft)
        assert "brought in by the editors" in page.locator(f"#why-{left_out.story_id}").inner_text()
        with page.expect_navigation():
            page.click(f"#also-{brief} button[data-action=keep]")
        assert brief in _ids(draft)
        assert page.locator(f"#also-{brief}").count() == 0
        # Neither leads the issue nor takes its subject: one outlet each.
        assert _ids(draft)[0] == lead
        edits = load_plan(load_config(draft.config).editorial_path).stories
        assert edits[left_out.story_id].keep and edits[brief].keep
        assert not edits[left_out.story_id].pin and not edits[brief].pin
        with page.expect_navigation():
            page.click(f"button[data-action=send-back][data-story='{brief}']")
        assert brief not in _ids(draft)
        assert page.locator(f"#also-{brief}").count() == 1
        browser.close()
    assert brief not in load_plan(load_config(draft.config).editorial_path).stories


def test_text_typed_but_not_saved_survives_the_reloads(draft: Draft) -> None:
    """Saving one box reloads the page, and so does another window's edit: the take
    typed in another story's box (not saved yet) is still there after each, marked as
    not saved, and is saved when its own button is pressed."""
    sync_api = _playwright()
    first, second, third = _ids(draft)[:3]
    take = "Tokyo gains more from this than NATO does."
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(draft.url)
        page.fill(f"#take-{first}", take)
        page.fill(f"#headline-{second}", "Ferry fares double overnight")
        with page.expect_navigation():
            page.click(f"button[data-action=headline][data-story='{second}']")
        assert page.input_value(f"#take-{first}") == take
        assert "unsaved" in (page.get_attribute(f"#take-{first}", "class") or "")
        # The saved box shows the file's text, not marked.
        assert page.input_value(f"#headline-{second}") == "Ferry fares double overnight"
        assert "unsaved" not in (page.get_attribute(f"#headline-{second}", "class") or "")
        # Another window's edit: the server pushes the new draft and the page reloads.
        # The fetch is not awaited: the reload it causes can come before its response,
        # and would destroy the context an awaited promise lives in.
        with page.expect_navigation(timeout=15_000):
            page.evaluate(
                """([story, token]) => { fetch('/api/edit', {method: 'POST',
                    headers: {'Content-Type': 'application/json', 'X-Digest-Token': token},
                    body: JSON.stringify({story, changes: {pin: true}})}); }""",
                [third, page.get_attribute("body", "data-token")],
            )
        assert page.input_value(f"#take-{first}") == take
        with page.expect_navigation():
            page.click(f"button[data-action=take][data-story='{first}']")
        assert page.input_value(f"#take-{first}") == take
        assert "unsaved" not in (page.get_attribute(f"#take-{first}", "class") or "")
        # A perspective without "Who:" is refused with the line that lacks it.
        said: list[str] = []
        page.once("dialog", lambda dialog: (said.append(dialog.message), dialog.dismiss()))
        page.evaluate(
            """(story) => {
                document.getElementById('perspectives-' + story).value =
                    'Nuuk: Greenland is not for sale.\\nDenmark says the letter changes nothing';
                document.querySelector(
                    `button[data-action=perspectives][data-story='${story}']`).click();
            }""",
            first,
        )
        for _ in range(100):  # the dialog's handler runs here, in Python: poll for it
            if said:
                break
            page.wait_for_timeout(100)
        assert said and said[0].startswith('Perspective 2 ("Denmark says the letter'), said
        # Typing in a story that another window then merges away is shown, to copy,
        # rather than dropped with its box.
        fourth = _ids(draft)[3]
        lost = "Nobody in Copenhagen expected the letter to be this blunt."
        page.fill(f"#take-{fourth}", lost)
        assert not page.is_visible("#lost-drafts")
        with page.expect_navigation(timeout=15_000):
            page.evaluate(
                """([story, into, token]) => { fetch('/api/edit', {method: 'POST',
                    headers: {'Content-Type': 'application/json', 'X-Digest-Token': token},
                    body: JSON.stringify({story, changes: {merge_into: into}})}); }""",
                [fourth, second, page.get_attribute("body", "data-token")],
            )
        assert page.locator(f"#take-{fourth}").count() == 0
        assert page.is_visible("#lost-drafts")
        assert page.input_value("#lost-draft-0") == lost
        assert "Our take of “" in page.inner_text("#lost-drafts")
        # It stays through the next reload, until the tab is closed.
        with page.expect_navigation():
            page.reload()
        assert page.input_value("#lost-draft-0") == lost
        assert "Our take of “" in page.inner_text("#lost-drafts")
        # Done with them: gone, and not shown again.
        page.click("#lost-drafts-done")
        assert not page.is_visible("#lost-drafts")
        with page.expect_navigation():
            page.reload()
        assert page.locator("#lost-draft-0").count() == 0
        # A draft kept by the page's earlier version (its text alone) is put back as text.
        with page.expect_navigation():
            page.evaluate(
                """([id, text]) => {
                    leaving = true;  // as the page does before its own reloads
                    sessionStorage.setItem('digest-preview-drafts',
                                           JSON.stringify({[id]: text}));
                    location.reload();
                }""",
                [f"take-{second}", "An older page's draft."],
            )
        assert page.input_value(f"#take-{second}") == "An older page's draft."
        browser.close()
    edits = load_plan(load_config(draft.config).editorial_path).stories
    assert edits[first].take == take and edits[third].pin
    assert edits[second].headline == "Ferry fares double overnight"


def test_on_a_wide_screen_the_email_stays_in_view_beside_the_controls(
    draft: Draft, tmp_path: Path
) -> None:
    """At 1400 px the email is beside the stories' controls and stays in view as the
    page scrolls: an edit's effect is seen without scrolling past every story (it was
    7,000 px down, below all of them)."""
    sync_api = _playwright()
    artefacts = _artefacts(tmp_path)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(draft.url)
        panel = page.locator("section.panel").bounding_box()
        email = page.locator("section.email").bounding_box()
        assert panel is not None and email is not None
        assert email["y"] < 100 and email["x"] >= panel["x"] + panel["width"]
        last = _ids(draft)[-1]
        page.locator(f"#story-{last}").scroll_into_view_if_needed()
        frame = page.locator("iframe[title='Phone, 375 px']").bounding_box()
        assert frame is not None and 0 <= frame["y"] < 900, frame
        page.screenshot(path=str(artefacts / "preview-wide.png"))
        browser.close()


def _topics(draft: Draft) -> list[dict[str, Any]]:
    result = draft.server.state.result
    assert result is not None
    data = json.loads((result.path / "digest.json").read_text())
    topics: list[dict[str, Any]] = data["topics"]
    return topics


def _email_order(draft: Draft) -> list[str]:
    """The starts of the headlines as the email's plain-text part numbers them."""
    result = draft.server.state.result
    assert result is not None
    lines = (result.path / "email.txt").read_text().splitlines()
    # A story: its section in capitals (none for "Elsewhere"), then "N. Headline".
    return [
        line.split(". ", 1)[1][:30]
        for above, line in itertools.pairwise(lines)
        if re.match(r"(?:[A-Z][^a-z]+)?$", above) and re.match(r"\d+\. ", line)
    ]


def _page_order(page: Any) -> list[str]:
    return [h[:30] for h in page.locator(".story > strong").all_inner_texts()]


def _ids(draft: Draft) -> list[str]:
    return [s["id"] for t in _topics(draft) for s in t["stories"]]


def _story(draft: Draft, story_id: str) -> dict[str, Any]:
    return next(s for t in _topics(draft) for s in t["stories"] if s["id"] == story_id)


def _topic_of(draft: Draft, story_id: str) -> dict[str, Any]:
    return next(t for t in _topics(draft) if story_id in [s["id"] for s in t["stories"]])


def test_dark_variant_switches_the_palette_on(draft: Draft) -> None:
    result = draft.server.state.result
    assert result is not None
    relative = result.path.relative_to(draft.out).as_posix()
    _, light = _get(f"{draft.url}out/{relative}/email.html")
    _, dark = _get(f"{draft.url}out/{relative}/email.html?scheme=dark")
    assert b"prefers-color-scheme: dark" in light
    assert b"prefers-color-scheme" not in dark and len(dark) < len(light)


def test_other_host_names_and_origins_are_refused(draft: Draft) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 gets nothing."""
    port = draft.url.rsplit(":", 1)[1].rstrip("/")
    status, body = _get(draft.url, headers={"Host": f"evil.example:{port}"})
    assert status == 403 and draft.server.token.encode() not in body
    edit = json.dumps({"story": "s-000000000000", "changes": {"take": "x"}}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Digest-Token": draft.server.token,
        "Origin": "http://evil.example",
    }
    status, _ = _get(draft.url + "api/edit", data=edit, headers=headers, method="POST")
    assert status == 403
    assert not load_config(draft.config).editorial_path.exists()
    assert _get(draft.url, headers={"Host": f"localhost:{port}"})[0] == 200


def test_every_answer_forbids_framing_by_other_sites(draft: Draft) -> None:
    """Issue 13.9: the page sends a CSP with frame-ancestors 'none' and X-Frame-Options."""
    with urllib.request.urlopen(draft.url, timeout=10) as response:
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    result = draft.server.state.result
    assert result is not None
    relative = result.path.relative_to(draft.out).as_posix()
    with urllib.request.urlopen(f"{draft.url}out/{relative}/email.html", timeout=10) as response:
        email_policy = response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in email_policy and "script-src" not in email_policy
    with urllib.request.urlopen(draft.url + "static/preview.js", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
    assert _get(draft.url + "static/../feeds.yaml")[0] == 404


def test_two_previews_on_one_editorial_file_lose_no_edit(draft: Draft, tmp_path: Path) -> None:
    """Issue 13.8: parallel edits through two preview servers all land in the file."""
    from concurrent.futures import ThreadPoolExecutor

    second, second_url = start_preview(draft.config, tmp_path / "second", now=draft.now)
    try:
        servers = [(draft.url, draft.server.token), (second_url, second.token)]

        def post(index: int) -> int:
            url, token = servers[index % 2]
            body = {"story": f"s-{index:012x}", "changes": {"take": f"Take {index}."}}
            headers = {"Content-Type": "application/json", "X-Digest-Token": token}
            data = json.dumps(body).encode()
            # Edits queue behind each other's rebuilds: on a loaded machine the last of
            # 20 waits well past the usual 10 s, and this test is about lost edits.
            return _get(url + "api/edit", 120, data=data, headers=headers, method="POST")[0]

        with ThreadPoolExecutor(max_workers=20) as pool:
            statuses = list(pool.map(post, range(20)))
    finally:
        second.stop()
    assert statuses == [200] * 20
    edits = load_plan(load_config(draft.config).editorial_path).stories
    assert {i: e.take for i, e in edits.items()} == {f"s-{i:012x}": f"Take {i}." for i in range(20)}


def test_unreadable_editorial_file_shows_an_error_and_recovers(
    draft: Draft, caplog: pytest.LogCaptureFixture
) -> None:
    path = load_config(draft.config).editorial_path
    path.write_bytes('stories:\n  s-000000000000: {take: "caf\xe9"}\n'.encode("latin-1"))
    with caplog.at_level(logging.WARNING):
        draft.server.rebuild()
    # Where the first byte that is not UTF-8 is, and what to do.
    assert "editorial.yaml:2:30: not UTF-8 text (byte 0xe9). Save the file as UTF-8" in (
        draft.server.state.error
    )
    # The terminal the preview runs in says so too, not only the page.
    assert any("Save the file as UTF-8" in r.getMessage() for r in caplog.records)
    path.write_text("stories:\n")
    draft.server.rebuild()
    assert draft.server.state.error == ""


def test_warnings_of_one_kind_fold_into_one_line(tmp_path: Path) -> None:
    # An outlet whose pages cannot be read (a paywall, a dead site) gives the same
    # warning for each of its articles: the editor sees one line, the rest folded.
    from email.utils import format_datetime
    from threading import Thread

    from digest.sample._server import SampleServer

    site = tmp_path / "site"
    (site / "walled").mkdir(parents=True)
    with serve_sample(week=1) as sample:
        items = "".join(
            f"<item><title>Harbour pilots vote on strike, day {n}</title>"
            f"<link>__BASE__/walled/story-{n}</link><guid>walled-{n}</guid>"
            f"<pubDate>{format_datetime(sample.now - timedelta(hours=n + 2))}</pubDate>"
            "<description>Harbour pilots in the port of Setubal voted on a strike over "
            "night shifts and pay, their union said on Monday.</description></item>"
            for n in range(3)
        )
        (site / "walled" / "feed.xml").write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Walled Gazette</title>'
            f"<link>__BASE__/walled/</link><description>News</description>{items}"
            "</channel></rss>",
            encoding="utf-8",
        )
        walled = SampleServer((site,))
        Thread(target=walled.serve_forever, daemon=True).start()
        try:
            config = write_sample_config(sample, tmp_path / "desk")
            text = config.read_text(encoding="utf-8")
            feed = f"{walled.base_url}/walled/feed.xml"
            config.write_text(
                text + f'  - name: "Walled Gazette"\n    url: "{feed}"\n', encoding="utf-8"
            )
            out = tmp_path / "out"
            run_issue(load_config(config), BuildOptions(out_dir=out, now=sample.now))
            server, url = start_preview(config, out, now=sample.now)
            try:
                status, body = _get(url)
            finally:
                server.stop()
        finally:
            walled.shutdown()
            walled.server_close()

    assert status == 200
    page = body.decode("utf-8")
    warnings = page.split('<ul id="warnings">', 1)[1].split("</ul>\n<h3>", 1)[0]
    walled_lines = [line for line in warnings.split("<li>") if "(Walled Gazette)" in line]
    # One line shown with the first article; the other two folded under it.
    assert walled_lines[0].count("/walled/story-") == 1
    assert "and 2 more like it" in walled_lines[0]
    assert warnings.count("/walled/story-") == 3
    # The pre-send check folds the same way: one line per kind of finding, here the
    # missing take of every story, none of them lost.
    check = page.split('<ul id="check">', 1)[1].split("</ul>\n<h3>", 1)[0]
    shown = [line.split("<details>")[0] for line in check.split("\n<li>")[1:]]
    kinds = [line.split(": ", 2)[1] for line in shown]
    assert "missing take" in kinds and len(kinds) == len(set(kinds)), shown
    stories = page.count('<div class="story" id="story-')
    assert stories > 1 and check.count(": missing take: ") == stories
    assert f"and {stories - 1} more like it" in check


def test_warnings_the_editors_can_act_on_come_before_page_fallbacks() -> None:
    from digest.models import Problem, Stage
    from digest.preview.page import _grouped

    fallbacks = [
        Problem(
            Stage.EXTRACT,
            f"https://walled.example/{n}",
            f"article https://walled.example/{n} (Walled): HTTP 403; used the feed's text.",
        )
        for n in range(5)
    ]
    problems = (
        *fallbacks,
        Problem(Stage.SUMMARIZE, "s-1", "story s-1: Briefly leans on what is not printed."),
        Problem(Stage.FETCH, "Dead Feed", 'feed "Dead Feed" failed: HTTP 410.'),
        Problem(Stage.EDITORIAL, "s-9", "editorial.yaml: s-9 is not in this issue."),
    )
    grouped = _grouped(problems)
    assert [w.text.split(":")[0] for w in grouped] == [
        "editorial.yaml",
        "story s-1",
        'feed "Dead Feed" failed',
        "article https",
    ]
    assert len(grouped[-1].more) == 4


def test_a_sent_issue_points_the_preview_to_another_folder(tmp_path: Path) -> None:
    """A preview over the folder of a sent issue says how to go on with what the preview
    has (another --out), not with an option it lacks (--force)."""
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        out = tmp_path / "out"
        run_issue(load_config(config), BuildOptions(out_dir=out, now=site.now, is_final=True))
    server, _ = start_preview(config, out, now=site.now)
    try:
        server.rebuild()
    finally:
        server.stop()
    assert "already sent" in server.state.error
    assert "--out drafts" in server.state.error and "--force" not in server.state.error
