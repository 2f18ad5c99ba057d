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
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path
from typing import Final
from urllib.parse import quote, urlsplit

import jinja2
import mjml
from markupsafe import Markup

from digest.config import NewsletterConfig
from digest.errors import TemplateError
from digest.inbox import preheader, short_headline, subject_line
from digest.layout import (
    LAST_FITS,
    OPENING_STORIES,
    WEB,
    Fit,
    PrintedStory,
    briefs,
    covered_dates,
    email_fits,
    format_date,
    graded_fit,
    lay_out,
    reading_minutes,
    short_date,
    story_links,
    told_before,
    watch_date,
)
from digest.mail import MessageParts, build_message, header_text
from digest.models import (
    Issue,
    LeftOut,
    LeftOutReason,
    Problem,
    RenderedIssue,
    Stage,
    StoryId,
)
from digest.palette import palettes
from digest.templating import render_template, template_environment

__all__ = [
    "HTML_TEMPLATE",
    "TEXT_TEMPLATE",
    "check_frame",
    "check_issue",
    "check_size",
    "render_issue",
    "render_issue_isolated",
]

logger = logging.getLogger(__name__)

HTML_TEMPLATE: Final = "issue.mjml.j2"
TEXT_TEMPLATE: Final = "issue.txt.j2"

# Gmail clips messages whose HTML exceeds about 102 KB; the email is fitted within
# _WARN_BYTES by shortening (see digest.layout), and the build warns past it.
_CLIP_BYTES: Final = 102 * 1024
_WARN_BYTES: Final = 90 * 1024
_SUBJECT_CHARS: Final = 140
# After the preheader: invisible characters that keep inbox previews from running on
# into the email's first lines (the masthead, "View in your browser").
_PREHEADER_FILLER: Final = Markup("&#847;&zwnj;&nbsp;" * 40)
# An "Also in the news" headline named in a What to watch line: what the item is about,
# not the whole of a 30-word title made of its lead: about two lines of the plain text
# (``short_headline`` may stretch a clause it cannot cut to its own longer limit).
_WATCH_HEADLINE_CHARS: Final = 80
# System fonts only: a web font would need a <link> to a font host (an external request
# many clients block, and the email checker fails).
_FONT_STACK: Final = (
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
)


def render_issue(
    issue: Issue, newsletter: NewsletterConfig, *, templates_dir: Path | None = None
) -> RenderedIssue:
    """Render ``issue`` as the email (HTML, text, .eml) and its web version.

    The email's HTML is fitted under Gmail's clipping size (see :data:`FITS`); the web
    version and the text part hold everything. Pure: the same issue and settings give
    byte-identical output. The Date header is ``issue.generated_at`` (else the end of
    the issue window). Raises TemplateError naming the template and line when a
    template or MJML fails.
    """
    started = time.perf_counter()
    env = template_environment(templates_dir)
    headlines = [entry.story.headline for entry in lay_out(issue, WEB)]
    subject, named = _subject(issue, newsletter, headlines)
    teaser = preheader(headlines, named, issue.stories[0].briefly_text if issue.stories else "")
    context = _context(issue, newsletter, subject)
    fits = email_fits(bool(newsletter.web_url))
    html, fit = _fitted_html(env, issue, {**context, "preheader": teaser}, fits)
    web = _with_stories(context, issue, WEB, is_web=True)
    web_html = _compile_mjml(render_template(env, HTML_TEMPLATE, web))
    # Plain text is never clipped: it holds every story in full, every source included.
    full = _with_stories(context, issue, WEB, is_web=False)
    text = _tidy_text(render_template(env, TEXT_TEMPLATE, full))
    eml = _message(issue, newsletter, subject, text, html)
    logger.info(
        "rendered %s %s: HTML %.1f KB (%s), text %.1f KB, in %.0f ms",
        issue.newsletter,
        issue.issue_date.isoformat(),
        len(html.encode("utf-8")) / 1024,
        fit.label,
        len(text.encode("utf-8")) / 1024,
        (time.perf_counter() - started) * 1000,
    )
    return RenderedIssue(
        subject=subject,
        preheader=teaser,
        html=html,
        text=text,
        eml=eml,
        web_html=web_html,
        shortened="" if fit == fits[0] else fit.label,
    )


def _fitted_html(
    env: jinja2.Environment,
    issue: Issue,
    context: dict[str, object],
    fits: Sequence[Fit],
) -> tuple[str, Fit]:
    """The email's HTML at the first :class:`Fit` within budget (else the last one).

    ``fits`` first (:func:`~digest.layout.email_fits`); then the largest number of
    stories kept above Briefly that fits (a binary search: the size only grows with
    it); then :data:`LAST_FITS`.
    """

    def html_at(fit: Fit) -> str:
        printed = _with_stories(context, issue, fit, is_web=False)
        return _compile_mjml(render_template(env, HTML_TEMPLATE, printed))

    def within(html: str) -> bool:
        return len(html.encode("utf-8")) <= _WARN_BYTES

    for fit in fits:
        if within(html := html_at(fit)):
            return html, fit
    low, high = OPENING_STORIES, len(issue.stories) - 1  # middle_until that may fit
    best: tuple[str, Fit] | None = None
    while low <= high:
        middle = (low + high) // 2
        if within(html := html_at(fit := graded_fit(middle))):
            best, low = (html, fit), middle + 1
        else:
            high = middle - 1
    if best is not None:
        return best
    for fit in LAST_FITS:
        if within(html := html_at(fit)):
            break
    return html, fit


def render_issue_isolated(
    issue: Issue, newsletter: NewsletterConfig, *, templates_dir: Path | None = None
) -> tuple[Issue, RenderedIssue, tuple[LeftOut, ...]]:
    """:func:`render_issue`, leaving out any story that cannot be rendered.

    When the whole issue fails, each story is rendered alone; those that fail alone are
    left out, with a warning added to the issue, and the rest is rendered again. Returns
    the issue as rendered (with the render stage's warnings added: stories left out and
    :func:`check_issue`), the rendering and a record of each story left out. Raises
    the original TemplateError when no single story is to blame (a broken template
    fails every story, or none alone).
    """
    kept, rendered, left_out = _render_without_failures(issue, newsletter, templates_dir)
    problems = kept.problems + check_issue(rendered, newsletter)
    return _numbered(dataclasses.replace(kept, problems=problems)), rendered, left_out


def _numbered(issue: Issue) -> Issue:
    """``issue`` with its stories' ranks closed up to 1, 2, 3, ... in the same order: a
    story that could not be written or rendered leaves a gap that the email's numbers
    (``layout.print_order``) close, and ``digest.json`` must say the same numbers."""
    ranked = sorted((s.rank, s.story_id) for s in issue.stories if s.rank > 0)
    number = {story_id: place for place, (_, story_id) in enumerate(ranked, start=1)}
    if all(rank == number[story_id] for rank, story_id in ranked):
        return issue
    topics = tuple(
        dataclasses.replace(
            topic,
            stories=tuple(
                dataclasses.replace(s, rank=number[s.story_id]) if s.rank > 0 else s
                for s in topic.stories
            ),
        )
        for topic in issue.topics
    )
    return dataclasses.replace(issue, topics=topics)


def _render_without_failures(
    issue: Issue, newsletter: NewsletterConfig, templates_dir: Path | None
) -> tuple[Issue, RenderedIssue, tuple[LeftOut, ...]]:
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
    """What every template sees, whatever is printed of the stories."""
    web_url = ""
    if newsletter.web_url:
        web_url = f"{newsletter.web_url.rstrip('/')}/{issue.issue_date.isoformat()}/"
    light, dark = palettes(newsletter.brand.accent)
    return {
        "issue": issue,
        "newsletter": newsletter,
        "brand": newsletter.brand,
        "title": subject,
        "preheader": "",
        "preheader_filler": _PREHEADER_FILLER,
        "is_web": False,
        "language": newsletter.language or "en",
        "date_text": format_date(issue.issue_date, weekday=True),
        "covered": covered_dates(issue, newsletter.timezone),
        "reading_minutes": reading_minutes(issue),
        "web_url": web_url,
        "unsubscribe_href": _unsubscribe_href(newsletter),
        "preferences_href": _merge_tag_or_url(newsletter, newsletter.preferences),
        "forward_href": _forward_href(subject, web_url or newsletter.subscribe or ""),
        "why_text": newsletter.brand.why_you_get_this
        or f"You get {newsletter.name} because you subscribed to it.",
        "font_stack": _FONT_STACK,
        "palette": light,
        "dark": dark,
        "watch_date": lambda item: watch_date(item, issue.issue_date),
        "told_before": lambda story: told_before(story, newsletter.web_url or ""),
        "short_date": short_date,
    }


def _with_stories(
    context: dict[str, object], issue: Issue, fit: Fit, *, is_web: bool
) -> dict[str, object]:
    """``context`` plus the stories as printed at ``fit``, and where each one lives."""
    stories = lay_out(issue, fit)
    web_url = str(context["web_url"])

    def story_href(entry: PrintedStory) -> str:
        # In-page "#story-3" links break in many mail clients (and are relative, which
        # email checkers fail); the email links the story in the web version instead.
        if is_web:
            return f"#{entry.anchor}"
        return f"{web_url}#{entry.anchor}" if web_url else ""

    return {
        **context,
        "is_web": is_web,
        "stories": stories,
        "opening": stories[:OPENING_STORIES],
        "briefs": briefs(issue, fit),
        "story_href": story_href,
        "story_links": story_links,
        # A What to watch line says whose event it is: "(Outlet, story 12)".
        "watch_story": lambda item: next(
            (entry for entry in stories if entry.story.story_id == item.story_id), None
        ),
        # An event from an "Also in the news" item has no story to point to, and its
        # sentence seldom says where it is ("Official campaigning begins."): the item's
        # headline does ("(Outlet, “Kyrgyzstan clears six candidates for vote”)").
        "watch_headline": lambda item: next(
            (
                short_headline(b.headline, _WATCH_HEADLINE_CHARS)
                for b in issue.also_in_the_news
                if b.story_id == item.story_id
            ),
            "",
        ),
    }


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


def _tidy_text(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n"


def _subject(issue: Issue, newsletter: NewsletterConfig, headlines: list[str]) -> tuple[str, int]:
    """The subject from ``newsletter.subject`` and how many stories it names."""
    short, named = subject_line(headlines) if headlines else ("this week's news", 0)
    pattern = newsletter.subject
    values = {
        "name": newsletter.name,
        "headlines": short,
        "headline": headlines[0] if headlines else "this week's news",
        "date": format_date(issue.issue_date),
    }
    if "{headlines}" not in pattern:
        named = 1 if "{headline}" in pattern and headlines else 0
    # Only the documented fields are filled, in one pass, so braces inside a headline
    # are never read as another placeholder (str.format would).
    subject = re.sub(r"\{(name|headlines|headline|date)\}", lambda m: values[m.group(1)], pattern)
    # Feed text in a header is only ever encoded: no controls, no encoded words.
    subject = header_text(subject)
    if len(subject) > _SUBJECT_CHARS:
        subject = subject[: _SUBJECT_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return subject, named


def _forward_href(subject: str, url: str) -> str:
    """A mailto: link that starts an email to a friend with the issue's link in it."""
    if not url:
        return ""
    return f"mailto:?subject={quote(subject)}&body={quote(url, safe=':/')}"


def _merge_tag_or_url(newsletter: NewsletterConfig, value: str | None) -> str:
    if not value:
        return ""
    if value in newsletter.merge_tags:
        return Markup(value)
    return value


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
    """A problem when the email's HTML is near or over Gmail's clipping limit, after
    the renderer shortened what it could."""
    size = len(rendered.html.encode("utf-8"))
    kb = size / 1024
    if size > _CLIP_BYTES:
        message = (
            f"email HTML is {kb:.1f} KB even with source lists and notes shortened: Gmail "
            "clips messages over about 102 KB, hiding the end of the issue and the "
            "unsubscribe link. Lower max_stories or trim templates."
        )
    elif size > _WARN_BYTES:
        message = (
            f"email HTML is {kb:.1f} KB even with source lists and notes shortened, close "
            "to Gmail's ~102 KB clipping limit. Consider fewer stories."
        )
    else:
        return ()
    return (Problem(Stage.RENDER, "email.html", message),)


def check_issue(rendered: RenderedIssue, newsletter: NewsletterConfig) -> tuple[Problem, ...]:
    """Everything the build warns about in a rendered issue: :func:`check_size`, an
    email that leaves part of the issue out with nowhere to read it, and
    :func:`check_frame`."""
    shortened = _check_shortened(rendered, newsletter)
    return (*check_size(rendered), *shortened, *check_frame(newsletter))


def _check_shortened(rendered: RenderedIssue, newsletter: NewsletterConfig) -> tuple[Problem, ...]:
    """A problem when the email's HTML leaves part of the issue out and its readers have
    no web version to read the rest in: most subscribers see only the HTML part."""
    if not rendered.shortened or newsletter.web_url:
        return ()
    message = (
        f"the email's HTML holds only {rendered.shortened} to stay under Gmail's ~102 KB "
        "clip, and newsletter.web_url is not set, so its readers cannot reach the rest "
        "(it is in the text part and the issue's index.html). Publish index.html and set "
        "web_url (the email then links to it), or lower max_stories."
    )
    return (Problem(Stage.RENDER, "email.html", message),)


def check_frame(newsletter: NewsletterConfig) -> tuple[Problem, ...]:
    """Problems with what every issue's frame needs before a real send."""
    if newsletter.postal_address.strip():
        return ()
    message = (
        "newsletter.postal_address is empty: anti-spam laws (CAN-SPAM in the US, CASL in "
        "Canada) require the sender's postal address in every newsletter. Add "
        'postal_address: "Name, street, city, country" to feeds.yaml.'
    )
    return (Problem(Stage.RENDER, "newsletter.postal_address", message),)


def _message(
    issue: Issue, newsletter: NewsletterConfig, subject: str, text: str, html: str
) -> bytes:
    parts = MessageParts(
        from_=_from_header(newsletter),
        to=newsletter.to,
        subject=subject,
        date=format_datetime(_sent_at(issue)),
        message_id=_message_id(issue, newsletter, text + html),
        unsubscribe=newsletter.unsubscribe,
        text=text,
        html=html,
        list_id=_list_id(newsletter),
    )
    return build_message(parts)


def _from_header(newsletter: NewsletterConfig) -> str:
    """``newsletter.from``, with the newsletter's name as the display name when it has
    none: inboxes show the From name, so the subject need not spend room on it."""
    name, address = parseaddr(newsletter.from_)
    return newsletter.from_ if name else formataddr((newsletter.name, address))


def _slug(newsletter: NewsletterConfig) -> str:
    return re.sub(r"[^a-z0-9]+", "-", newsletter.name.lower()).strip("-")[:40] or "digest"


def _domain(newsletter: NewsletterConfig) -> str:
    return parseaddr(newsletter.from_)[1].rpartition("@")[2].lower() or "localhost"


def _list_id(newsletter: NewsletterConfig) -> str:
    """RFC 2919 List-Id: the name, then the list's label in the sender's domain."""
    return f"{newsletter.name} <{_slug(newsletter)}.{_domain(newsletter)}>"


def _sent_at(issue: Issue) -> datetime:
    moment = issue.generated_at or issue.window_end
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _message_id(issue: Issue, newsletter: NewsletterConfig, body: str) -> str:
    """A Message-ID of this build: the issue date and a hash of the build time and of
    what the message says. A corrected issue (a story dropped, a typo fixed) or a later
    rebuild gets a new one (Gmail drops a message whose Message-ID it has seen, so a
    re-send must not reuse it); the same inputs and clock give the same one."""
    built = _sent_at(issue).isoformat()
    token = hashlib.sha256(f"{newsletter.name}\0{built}\0{body}".encode()).hexdigest()[:16]
    slug = _slug(newsletter)[:24].strip("-")
    return f"<{issue.issue_date.isoformat()}.{token}.{slug}@{_domain(newsletter)}>"
