"""Render an issue as an email: Jinja2 writes MJML, mjml-python (MRML) compiles it to HTML.

The default templates live in the repo's top-level ``templates/`` (shipped in the wheel as
``digest/templates``). Editors override any of them by putting a file of the same name in
``newsletter.templates``; an override can extend ``"default:issue.mjml.j2"`` to replace one
block. Feed text is data only: it is autoescaped and never compiled as a template.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime, parseaddr
from pathlib import Path
from types import TracebackType
from typing import Final
from urllib.parse import urlsplit

import jinja2
import mjml
from markupsafe import Markup

from digest.config import NewsletterConfig
from digest.errors import TemplateError
from digest.mail import MessageParts, build_message, header_text
from digest.models import (
    Issue,
    LeftOut,
    LeftOutReason,
    Problem,
    RenderedIssue,
    Stage,
    StoryId,
    StorySummary,
)
from digest.templating import http_url, template_environment

__all__ = [
    "HTML_TEMPLATE",
    "TEXT_TEMPLATE",
    "check_size",
    "format_date",
    "render_issue",
    "render_issue_isolated",
]

logger = logging.getLogger(__name__)

HTML_TEMPLATE: Final = "issue.mjml.j2"
TEXT_TEMPLATE: Final = "issue.txt.j2"

# Gmail clips messages whose HTML exceeds about 102 KB; warn with room to spare.
_CLIP_BYTES: Final = 102 * 1024
_WARN_BYTES: Final = 90 * 1024
_PREHEADER_CHARS: Final = 150
_SUBJECT_CHARS: Final = 140
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# System fonts only: a web font would need a <link> to a font host (an external request
# many clients block, and the email checker fails).
_FONT_STACK: Final = (
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
)
# Light and dark palettes; every text/background pair is at least 4.5:1 (WCAG AA).
# text #1f1f1f on #ffffff 16.3:1; link #0b57d0 on #ffffff 6.6:1; muted #555555 7.5:1
# (#4d4d4d on the #f2f2f2 page 7.6:1); badge white on #8a3b00 8.5:1.
_LIGHT: Final = {
    "page": "#f2f2f2",
    "card": "#ffffff",
    "text": "#1f1f1f",
    "muted": "#555555",
    "muted_on_page": "#4d4d4d",
    "link": "#0b57d0",
    "rule": "#d0d0d0",
    "badge": "#8a3b00",
    "badge_text": "#ffffff",
}
# text #e8e8e8 on #1e1e1e 13.9:1; link #8ab4f8 on #1e1e1e 7.6:1; muted #bdbdbd 9:1;
# badge #1e1e1e on #ffb870 10:1.
_DARK: Final = {
    "page": "#121212",
    "card": "#1e1e1e",
    "text": "#e8e8e8",
    "muted": "#bdbdbd",
    "link": "#8ab4f8",
    "rule": "#444444",
    "badge": "#ffb870",
    "badge_text": "#1e1e1e",
}


@dataclass(frozen=True, slots=True)
class _Link:
    """A line of a story's link list in the text part; ``url`` is empty when unsafe."""

    label: str
    url: str


def render_issue(
    issue: Issue, newsletter: NewsletterConfig, *, templates_dir: Path | None = None
) -> RenderedIssue:
    """Render ``issue`` as the email (HTML, text, .eml) and its web version.

    Pure: the same issue and settings give byte-identical output. The Date header is
    ``issue.generated_at`` (else the end of the issue window).
    Raises TemplateError naming the template and line when a template or MJML fails.
    """
    started = time.perf_counter()
    env = template_environment(templates_dir)
    subject = _subject(issue, newsletter)
    preheader = _preheader(issue)
    context = _context(issue, newsletter, subject)
    html = _compile_mjml(_render(env, HTML_TEMPLATE, {**context, "preheader": preheader}))
    web_html = _compile_mjml(_render(env, HTML_TEMPLATE, {**context, "is_web": True}))
    text = _tidy_text(_render(env, TEXT_TEMPLATE, context))
    size = len(html.encode("utf-8"))
    eml = _message(issue, newsletter, subject, text, html)
    logger.info(
        "rendered %s %s: HTML %.1f KB, text %.1f KB, in %.0f ms",
        issue.newsletter,
        issue.issue_date.isoformat(),
        size / 1024,
        len(text.encode("utf-8")) / 1024,
        (time.perf_counter() - started) * 1000,
    )
    return RenderedIssue(
        subject=subject,
        preheader=preheader,
        html=html,
        text=text,
        eml=eml,
        web_html=web_html,
    )


def render_issue_isolated(
    issue: Issue, newsletter: NewsletterConfig, *, templates_dir: Path | None = None
) -> tuple[Issue, RenderedIssue, tuple[LeftOut, ...]]:
    """:func:`render_issue`, leaving out any story that cannot be rendered.

    When the whole issue fails, each story is rendered alone; those that fail alone are
    left out, with a warning added to the issue, and the rest is rendered again. Returns
    the issue as rendered, the rendering and a record of each story left out. Raises
    the original TemplateError when no single story is to blame (a broken template
    fails every story, or none alone).
    """
    try:
        return issue, render_issue(issue, newsletter, templates_dir=templates_dir), ()
    except TemplateError as error:
        failures = _failing_stories(issue, newsletter, templates_dir)
        if not failures or len(failures) == len(issue.stories):
            raise
        logger.warning("%s; rendering the issue without %d story(s)", error, len(failures))
    topics = []
    for topic in issue.topics:
        kept = tuple(s for s in topic.stories if s.story_id not in failures)
        if kept:
            topics.append(dataclasses.replace(topic, stories=kept))
    problems = tuple(
        Problem(
            Stage.RENDER,
            story.story_id,
            f'story "{story.headline}" ({story.story_id}) was left out: it could not be '
            f"rendered ({failures[story.story_id]})",
        )
        for story in issue.stories
        if story.story_id in failures
    )
    kept_issue = dataclasses.replace(
        issue, topics=tuple(topics), problems=issue.problems + problems
    )
    rendered = render_issue(kept_issue, newsletter, templates_dir=templates_dir)
    left_out = tuple(
        LeftOut(
            story.story_id,
            LeftOutReason.FAILED,
            f"could not be rendered: {failures[story.story_id]}",
            story.headline,
        )
        for story in issue.stories
        if story.story_id in failures
    )
    return kept_issue, rendered, left_out


def _failing_stories(
    issue: Issue, newsletter: NewsletterConfig, templates_dir: Path | None
) -> dict[StoryId, str]:
    """Stories that fail to render in an issue of their own, with the reason."""
    failures: dict[StoryId, str] = {}
    for topic in issue.topics:
        for story in topic.stories:
            alone = dataclasses.replace(
                issue, topics=(dataclasses.replace(topic, stories=(story,)),), problems=()
            )
            try:
                render_issue(alone, newsletter, templates_dir=templates_dir)
            except TemplateError as error:
                failures[story.story_id] = error.message
    return failures


def _context(issue: Issue, newsletter: NewsletterConfig, subject: str) -> dict[str, object]:
    web_url = ""
    if newsletter.web_url:
        web_url = f"{newsletter.web_url.rstrip('/')}/{issue.issue_date.isoformat()}/"
    return {
        "issue": issue,
        "newsletter": newsletter,
        "title": subject,
        "preheader": "",
        "is_web": False,
        "language": newsletter.language or "en",
        "date_text": format_date(issue.issue_date, weekday=True),
        "web_url": web_url,
        "unsubscribe_href": _unsubscribe_href(newsletter),
        "font_stack": _FONT_STACK,
        "palette": _LIGHT,
        "dark": _DARK,
        "story_links": _story_links,
    }


def _render(env: jinja2.Environment, name: str, context: dict[str, object]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise TemplateError(
            f"{where}:{exc.lineno}: template syntax error: {exc.message}",
            template=where,
            line=exc.lineno,
            hint="Fix the template, or delete the override to use the default.",
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"{name}: template {exc.name!r} not found",
            template=str(exc.name),
            hint="Check the name in {% include %} / {% extends %}; defaults are "
            f'"default:{name}".',
        ) from exc
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        where, line = _template_frame(exc.__traceback__, name)
        raise TemplateError(
            f"{where}:{line or '?'}: {type(exc).__name__}: {exc}",
            template=where,
            line=line,
            hint="Fix the template, or delete the override to use the default.",
        ) from exc


def _template_frame(tb: TracebackType | None, fallback: str) -> tuple[str, int | None]:
    """The innermost template file and line in a traceback (Jinja maps frames to them)."""
    where, line = fallback, None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return where, line


def _compile_mjml(source: str) -> str:
    try:
        # fonts={}: without it MRML adds a Google Fonts <link> for its default font.
        return str(mjml.mjml2html(source, fonts={}, disable_comments=True))
    except ValueError as exc:
        line, excerpt = _mjml_position(source, str(exc))
        where = f" (rendered MJML line {line}: {excerpt!r})" if line else ""
        raise TemplateError(
            f"{HTML_TEMPLATE}: the MJML it produced is invalid{where}: {exc}",
            template=HTML_TEMPLATE,
            line=None,
            hint="Check tags and attributes in your template overrides.",
        ) from exc
    except BaseException as exc:
        # pyo3's PanicException (MRML hit a Rust panic, e.g. some non-ASCII text before
        # ">") derives from BaseException, not Exception; it is not importable by name.
        if type(exc).__name__ != "PanicException":
            raise
        raise TemplateError(
            f"{HTML_TEMPLATE}: the MJML compiler crashed on the rendered template: {exc}",
            template=HTML_TEMPLATE,
            hint="Look for literal non-ASCII text next to '>' in your template overrides.",
        ) from exc


def _mjml_position(source: str, message: str) -> tuple[int | None, str]:
    """Line and text of the MJML that MRML's "at position START:END" (bytes) points to."""
    match = re.search(r"position (\d+)", message)
    if match is None:
        return None, ""
    data = source.encode("utf-8")
    offset = min(int(match.group(1)), len(data))
    line = data.count(b"\n", 0, offset) + 1
    text = source.splitlines()[line - 1] if source.splitlines() else ""
    return line, text.strip()[:120]


def _story_links(story: StorySummary) -> list[_Link]:
    """Sources, then any other article a perspective links, each once."""
    links: list[_Link] = []
    seen: set[str] = set()
    for source in story.sources:
        label = f"{source.outlet}: {source.title}" if source.title else source.outlet
        url = http_url(source.url)
        links.append(_Link(label, url))
        seen.add(url)
    for perspective in story.perspectives:
        url = http_url(perspective.source_url)
        if url and url not in seen and perspective.outlet:
            links.append(_Link(perspective.outlet, url))
            seen.add(url)
    return links


def _tidy_text(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n"


def format_date(day: date, *, weekday: bool = False) -> str:
    """``6 May 2024`` (``Monday 6 May 2024`` with ``weekday``), in English.

    Built by hand: strftime("%A %B") follows the process locale, which would make the
    output differ between machines.
    """
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def _subject(issue: Issue, newsletter: NewsletterConfig) -> str:
    stories = issue.stories
    headline = stories[0].headline if stories else "this week's news"
    values = {
        "name": newsletter.name,
        "headline": headline,
        "date": format_date(issue.issue_date),
    }
    # Only the three documented fields are filled, in one pass, so braces inside a
    # headline are never read as another placeholder (str.format would).
    subject = re.sub(r"\{(name|headline|date)\}", lambda m: values[m.group(1)], newsletter.subject)
    # Feed text in a header is only ever encoded: no controls, no encoded words.
    subject = header_text(subject)
    if len(subject) > _SUBJECT_CHARS:
        subject = subject[: _SUBJECT_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return subject


def _preheader(issue: Issue) -> str:
    stories = issue.stories
    if not stories:
        return ""
    text = " ".join(stories[0].briefly_text.split())
    if len(text) > _PREHEADER_CHARS:
        text = text[: _PREHEADER_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


def _unsubscribe_href(newsletter: NewsletterConfig) -> str:
    value = newsletter.unsubscribe
    if value in newsletter.merge_tags:
        # The ESP replaces the tag at send time, so it must reach the HTML byte for byte.
        return Markup(value)
    if urlsplit(value).scheme in ("https", "http", "mailto"):
        return value
    logger.warning("unsubscribe %r is neither a URL nor a listed merge tag", value)
    return value


def check_size(rendered: RenderedIssue) -> tuple[Problem, ...]:
    """A problem when the email's HTML is near or over Gmail's clipping limit."""
    size = len(rendered.html.encode("utf-8"))
    kb = size / 1024
    if size > _CLIP_BYTES:
        message = (
            f"email HTML is {kb:.1f} KB: Gmail clips messages over about 102 KB, hiding the "
            "end of the issue and the unsubscribe link. Lower max_stories or trim templates."
        )
    elif size > _WARN_BYTES:
        message = (
            f"email HTML is {kb:.1f} KB, close to Gmail's ~102 KB clipping limit. "
            "Consider fewer stories."
        )
    else:
        return ()
    return (Problem(Stage.RENDER, "email.html", message),)


def _message(
    issue: Issue, newsletter: NewsletterConfig, subject: str, text: str, html: str
) -> bytes:
    parts = MessageParts(
        from_=newsletter.from_,
        to=newsletter.to,
        subject=subject,
        date=format_datetime(_sent_at(issue)),
        message_id=_message_id(issue, newsletter),
        unsubscribe=newsletter.unsubscribe,
        text=text,
        html=html,
    )
    return build_message(parts)


def _sent_at(issue: Issue) -> datetime:
    moment = issue.generated_at or issue.window_end
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _message_id(issue: Issue, newsletter: NewsletterConfig) -> str:
    address = parseaddr(newsletter.from_)[1]
    domain = address.rpartition("@")[2] or "localhost"
    slug = re.sub(r"[^a-z0-9]+", "-", newsletter.name.lower()).strip("-") or "digest"
    token = hashlib.sha256(f"{newsletter.name}\0{issue.issue_date}".encode()).hexdigest()[:12]
    return f"<{issue.issue_date.isoformat()}.{slug[:40]}.{token}@{domain}>"
