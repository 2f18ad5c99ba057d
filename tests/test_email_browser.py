"""The rendered email in real headless Chromium: fits a phone, reads well in light and dark.

Issues 8 and 17's acceptance test. One browser (Debian's system ``chromium`` through
Playwright) loads the email of a 12-story issue with every part of the house style (the
opening, takes, What to watch, Also in the news) and the hostile story (a 252-letter
word, Hebrew and Arabic, emoji), at 375 px (a phone) and 600 px (the email's width), with
``prefers-color-scheme`` light and dark, each as sent and with its ``<style>`` blocks
stripped (as Gmail's app does for accounts it does not host, and other clients that
drop ``<style>``), and checks what a reader would notice:

* no horizontal scrolling, no line of text cut off at either edge, and no request for
  remote content (mail clients block it by default);
* every visible piece of text reaches the WCAG AA contrast ratio against the background
  actually behind it (4.5:1; 3:1 for large text: >= 24 px, or bold and >= 18.66 px);
* every link is visible as a link: readable (as above) and underlined, or 3:1 against
  the text around it (WCAG 1.4.1);
* in dark mode the page really is dark (the dark palette is in effect);
* body text is at least 16 px. "Body text" is every visible ``p`` and ``li`` (with the
  links and bold runs inside them) that is not small print: small print is the
  ``.nd-muted`` block (each story's "Sources:" line and the footer, 14 px), the topic
  kickers and the "Update" badge (13 px). Small print must still be at least 13 px.

Full-page screenshots ``email-{width}-{scheme}[-nostyle].png`` go to ``$DIGEST_TEST_ARTEFACTS``
(default ``test-artifacts/`` at the repo root, which git ignores) for a human to look
at. The shared ``render_email.sh`` then screenshots the same file through Chromium's own
``--screenshot`` path into ``render_email/`` there, and the light and dark shots must differ.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from digest.render import render_issue
from tests.test_render import LONG_WORD, RTL, hostile_story, make_full_issue, make_newsletter

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
RENDER_EMAIL = REPO.parent / "shared" / "tools" / "render_email.sh"
CHROMIUM = os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or ""
WIDTHS = (375, 600)
SCHEMES = ("light", "dark")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BODY_TEXT_PX = 16.0
SMALL_PRINT_PX = 13.0

# Runs in the page. For each element that directly holds visible text: its text, tag,
# whether it is body text or small print (see the module docstring), font size and
# weight, its text colour and the colour actually behind it (ancestors' backgrounds
# composited, white under the lot), and the horizontal extent of its text.
MEASURE_JS = """
() => {
  const parse = (value) => {
    const m = value.match(/^rgba?\\(([^)]+)\\)$/);
    if (!m) throw new Error("unexpected colour " + value);
    const parts = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const backgroundOf = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const items = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/[\\s\\u034f\\u200c\\u00a0]+/g, " ").trim();
    const element = node.parentElement;
    if (!text || !element) continue;
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    let item = items.get(element);
    if (!item) {
      const style = getComputedStyle(element);
      const background = backgroundOf(element);
      item = {
        text: "",
        tag: element.tagName.toLowerCase(),
        isSmallPrint: element.closest(".nd-muted, .nd-badge, .nd-kicker") !== null,
        isBodyText: element.closest("p, li") !== null && !element.closest("h1, h2, h3"),
        fontSize: parseFloat(style.fontSize),
        fontWeight: parseInt(style.fontWeight, 10),
        color: over(parse(style.color), background).slice(0, 3),
        background: background.slice(0, 3),
        left: box.left,
        right: box.right,
      };
      items.set(element, item);
    }
    item.text = (item.text + " " + text).trim();
    item.left = Math.min(item.left, box.left);
    item.right = Math.max(item.right, box.right);
  }
  const links = [...document.querySelectorAll("a")]
    .filter((a) => a.checkVisibility({opacityProperty: true, visibilityProperty: true}))
    .filter((a) => a.textContent.trim())
    .map((a) => {
      const style = getComputedStyle(a);
      const background = backgroundOf(a);
      const around = a.parentElement ? getComputedStyle(a.parentElement) : style;
      return {
        text: a.textContent.trim(),
        color: over(parse(style.color), background).slice(0, 3),
        aroundColor: over(parse(around.color), background).slice(0, 3),
        background: background.slice(0, 3),
        isUnderlined: style.textDecorationLine.includes("underline"),
      };
    });
  return {
    links: links,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    pageBackground: backgroundOf(document.body).slice(0, 3),
    bodyText: document.body.innerText,
    texts: [...items.values()],
  };
}
"""


@dataclass(frozen=True, slots=True)
class TextRun:
    """One element's visible text as the reader sees it."""

    text: str
    tag: str
    is_small_print: bool
    is_body_text: bool
    font_size: float
    font_weight: int
    color: tuple[float, float, float]
    background: tuple[float, float, float]
    left: float
    right: float

    @property
    def is_large(self) -> bool:
        """WCAG's large text: 18 pt (24 px), or 14 pt (18.66 px) and bold."""
        return self.font_size >= 24 or (self.font_weight >= 700 and self.font_size >= 18.66)

    @property
    def contrast(self) -> float:
        return contrast_ratio(self.color, self.background)

    def describe(self) -> str:
        return (
            f"<{self.tag}> {self.text[:60]!r}: {_hex(self.color)} on {_hex(self.background)} "
            f"= {self.contrast:.2f}:1, {self.font_size:g}px weight {self.font_weight}"
        )


@dataclass(frozen=True, slots=True)
class LinkRun:
    """A visible link: its colour, the text colour around it, what is behind it."""

    text: str
    color: tuple[float, float, float]
    around_color: tuple[float, float, float]
    background: tuple[float, float, float]
    is_underlined: bool

    def describe(self) -> str:
        return (
            f"link {self.text[:40]!r}: {_hex(self.color)} on {_hex(self.background)} "
            f"({contrast_ratio(self.color, self.background):.2f}:1), text around "
            f"{_hex(self.around_color)}, underlined: {self.is_underlined}"
        )


@dataclass(frozen=True, slots=True)
class View:
    """The email as loaded at one width in one colour scheme."""

    width: int
    scheme: str
    is_stripped: bool
    scroll_width: int
    inner_width: int
    page_background: tuple[float, float, float]
    body_text: str
    texts: tuple[TextRun, ...]
    links: tuple[LinkRun, ...]
    blocked_requests: tuple[str, ...]


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour with 0-255 channels."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def _rgb(values: list[float]) -> tuple[float, float, float]:
    return (float(values[0]), float(values[1]), float(values[2]))


def _view(
    width: int,
    scheme: str,
    data: dict[str, Any],
    blocked_requests: tuple[str, ...] = (),
    *,
    is_stripped: bool = False,
) -> View:
    texts = tuple(
        TextRun(
            text=item["text"],
            tag=item["tag"],
            is_small_print=item["isSmallPrint"],
            is_body_text=item["isBodyText"],
            font_size=item["fontSize"],
            font_weight=item["fontWeight"],
            color=_rgb(item["color"]),
            background=_rgb(item["background"]),
            left=item["left"],
            right=item["right"],
        )
        for item in data["texts"]
    )
    links = tuple(
        LinkRun(
            text=item["text"],
            color=_rgb(item["color"]),
            around_color=_rgb(item["aroundColor"]),
            background=_rgb(item["background"]),
            is_underlined=item["isUnderlined"],
        )
        for item in data["links"]
    )
    return View(
        width=width,
        scheme=scheme,
        is_stripped=is_stripped,
        scroll_width=data["scrollWidth"],
        inner_width=data["innerWidth"],
        page_background=_rgb(data["pageBackground"]),
        body_text=data["bodyText"],
        texts=texts,
        links=links,
        blocked_requests=blocked_requests,
    )


@pytest.fixture(scope="module")
def artefacts() -> Path:
    default = REPO / "test-artifacts"
    directory = Path(os.environ.get("DIGEST_TEST_ARTEFACTS") or default)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="module")
def email_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """email.html of 11 ordinary stories plus the hostile one, in four topics, with
    every part of the house style."""
    issue = make_full_issue(11, extra=(hostile_story(),))
    assert sum(len(topic.stories) for topic in issue.topics) == 12
    path = tmp_path_factory.mktemp("email") / "email.html"
    path.write_text(render_issue(issue, make_newsletter()).html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def stripped_html(email_html: Path) -> Path:
    """The same email with every <style> block removed, as clients that drop them show it."""
    html = email_html.read_text(encoding="utf-8")
    stripped = re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)
    assert "<style" not in stripped and len(stripped) < len(html)
    path = email_html.with_name("email-nostyle.html")
    path.write_text(stripped, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def views(
    email_html: Path, stripped_html: Path, artefacts: Path
) -> dict[tuple[int, str, bool], View]:
    """All eight width x scheme x (styles kept, stripped) views from one browser launch;
    screenshots saved."""
    if not CHROMIUM:
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium, or DIGEST_CHROMIUM)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return {
                (width, scheme, is_stripped): _load(
                    browser,
                    stripped_html if is_stripped else email_html,
                    width,
                    scheme,
                    artefacts,
                    is_stripped=is_stripped,
                )
                for width in WIDTHS
                for scheme in SCHEMES
                for is_stripped in (False, True)
            }
        finally:
            browser.close()


def _load(
    browser: Any, email_html: Path, width: int, scheme: str, artefacts: Path, *, is_stripped: bool
) -> View:
    """Open the email at ``width`` in ``scheme``, measure it, save a full-page screenshot."""
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
    fetched: list[str] = []

    def block_network(route: Any) -> None:
        # Mail clients block remote content by default; the email must not rely on any.
        fetched.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(https?|wss?|ftp):"), block_network)
    page.emulate_media(color_scheme=scheme)
    page.goto(email_html.as_uri())
    data = page.evaluate(MEASURE_JS)
    suffix = "-nostyle" if is_stripped else ""
    page.screenshot(path=str(artefacts / f"email-{width}-{scheme}{suffix}.png"), full_page=True)
    page.close()
    return _view(width, scheme, data, tuple(fetched), is_stripped=is_stripped)


CASES = [
    pytest.param(w, s, is_stripped, id=f"{w}px-{s}{'-nostyle' if is_stripped else ''}")
    for w in WIDTHS
    for s in SCHEMES
    for is_stripped in (False, True)
]


@pytest.mark.parametrize(("width", "scheme", "is_stripped"), CASES)
def test_email_needs_no_horizontal_scrolling(
    views: dict[tuple[int, str, bool], View], width: int, scheme: str, is_stripped: bool
) -> None:
    view = views[(width, scheme, is_stripped)]
    assert view.inner_width == width
    assert view.scroll_width <= view.inner_width, (
        f"the page is {view.scroll_width}px wide in a {view.inner_width}px window"
    )
    cut_off = [
        f"<{t.tag}> {t.text[:60]!r} spans {t.left:.0f}..{t.right:.0f}px"
        for t in view.texts
        if t.left < -0.5 or t.right > view.inner_width + 0.5
    ]
    assert not cut_off, "text runs past the window edge:\n" + "\n".join(cut_off)
    assert not view.blocked_requests, "the email asks for remote content"
    # The hostile story is on the page, so the long word and RTL text were really tested.
    flat = "".join(view.body_text.split())
    assert LONG_WORD in flat and "".join(RTL.split()) in flat


@pytest.mark.parametrize(("width", "scheme", "is_stripped"), CASES)
def test_every_text_reaches_wcag_aa_contrast(
    views: dict[tuple[int, str, bool], View], width: int, scheme: str, is_stripped: bool
) -> None:
    view = views[(width, scheme, is_stripped)]
    assert len(view.texts) > 100, "expected the whole 12-story issue on the page"
    failures = [
        t.describe() for t in view.texts if t.contrast < (3.0 if t.is_large else 4.5) - 0.005
    ]
    assert not failures, f"text below WCAG AA in {scheme} mode:\n" + "\n".join(failures)


@pytest.mark.parametrize(("width", "scheme", "is_stripped"), CASES)
def test_every_link_is_visible_as_a_link(
    views: dict[tuple[int, str, bool], View], width: int, scheme: str, is_stripped: bool
) -> None:
    view = views[(width, scheme, is_stripped)]
    # The opening (5), sources, voices, Also in the news, What to watch and the footer.
    assert len(view.links) > 40
    hidden = [
        link.describe()
        for link in view.links
        if contrast_ratio(link.color, link.background) < 4.5 - 0.005
        or not (link.is_underlined or contrast_ratio(link.color, link.around_color) >= 3.0)
    ]
    assert not hidden, f"links not visible as links in {scheme} mode:\n" + "\n".join(hidden)


def test_dark_scheme_turns_the_page_dark(views: dict[tuple[int, str, bool], View]) -> None:
    for width in WIDTHS:
        light = views[(width, "light", False)]
        dark = views[(width, "dark", False)]
        assert relative_luminance(light.page_background) > 0.8, _hex(light.page_background)
        assert relative_luminance(dark.page_background) < 0.05, _hex(dark.page_background)
        # Text is light on dark, not dark text left over from the light palette.
        body = [t for t in dark.texts if t.is_body_text and not t.is_small_print]
        assert body and all(
            relative_luminance(t.color) > relative_luminance(t.background) for t in body
        )


@pytest.mark.parametrize("is_stripped", [False, True], ids=["styled", "nostyle"])
@pytest.mark.parametrize("width", WIDTHS)
def test_body_text_is_at_least_16px(
    views: dict[tuple[int, str, bool], View], width: int, is_stripped: bool
) -> None:
    view = views[(width, "light", is_stripped)]
    body = [t for t in view.texts if t.is_body_text and not t.is_small_print]
    # Story paragraphs and bullets of all 12 stories, the table of contents, the date.
    assert len(body) > 60
    small = [t.describe() for t in body if t.font_size < BODY_TEXT_PX]
    assert not small, "body text under 16px:\n" + "\n".join(small)
    tiny = [t.describe() for t in view.texts if t.font_size < SMALL_PRINT_PX]
    assert not tiny, "text under 13px:\n" + "\n".join(tiny)


def test_render_email_sh_shows_dark_mode(email_html: Path, artefacts: Path) -> None:
    """The shared screenshot tool (Chromium's own --screenshot) sees the dark CSS too."""
    if not RENDER_EMAIL.exists():
        pytest.skip(f"{RENDER_EMAIL} is not present (../shared is provided beside the repo in CI)")
    if not CHROMIUM:
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium, or DIGEST_CHROMIUM)"
        )
    out = artefacts / "render_email"
    env = {**os.environ, "CHROMIUM": CHROMIUM}
    result = subprocess.run(
        ["bash", str(RENDER_EMAIL), str(email_html), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shots = {(w, s): out / f"email-{w}-{s}.png" for w in WIDTHS for s in SCHEMES}
    for path in shots.values():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path
    assert shots[(600, "light")].read_bytes() != shots[(600, "dark")].read_bytes()
