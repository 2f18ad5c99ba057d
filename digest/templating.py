"""The one Jinja2 environment factory: the email, the archive, the prompts and the preview.

Defaults are the shipped ``templates/`` (inside the wheel as ``digest/templates``). An
override directory comes first in a ``ChoiceLoader``; ``default:NAME`` always names the
shipped template, so an override can extend it and replace one block. Undefined
variables fail (a misspelt name must not print "" to subscribers).

Environments are cached, because compiling the email templates takes ~40 ms, twenty
times the rendering itself. The cache key includes the override directory's file list
and modification times: Jinja's ``auto_reload`` notices an edited template it has
already loaded, but not an override created (or deleted) beside a default it loaded, so
a changed listing gets a fresh environment (``digest preview`` relies on this).
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import re
import textwrap
from pathlib import Path
from types import TracebackType
from typing import Final
from urllib.parse import urlsplit

import jinja2

from digest.errors import TemplateError
from digest.urls import display_url, reader_url

__all__ = [
    "as_title",
    "bracketed",
    "default_templates_dir",
    "http_url",
    "preview_environment",
    "prompt_environment",
    "render_template",
    "template_environment",
    "wrap_text",
]

# RFC 5322 recommends lines of at most 78 characters; wrap a little under it so
# "- " bullets with their indent still fit.
_TEXT_WIDTH: Final = 76
_PROMPTS: Final = "prompts"
_SPACE_OR_CONTROL: Final = re.compile(r"[\s\x00-\x1f]")


def default_templates_dir() -> Path:
    """Where the shipped templates are: inside the package, or the checkout's ``templates/``."""
    packaged = importlib.resources.files("digest") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    # An editable or source checkout has no digest/templates: the wheel build copies the
    # repo's top-level templates/ there (pyproject force-include), so use that directly.
    return Path(__file__).resolve().parent.parent / "templates"


def template_environment(templates_dir: Path | None) -> jinja2.Environment:
    """The email and archive environment: overrides in ``templates_dir`` first, then ours.

    Everything is HTML-escaped except ``*.txt.j2`` (the plain-text part, where "&amp;"
    would be a bug). Cached; see the module docstring for when a new one is made.
    """
    return _cached(templates_dir, _listing(templates_dir), "", is_prompt=False)


def prompt_environment(prompts_dir: Path | None) -> jinja2.Environment:
    """The language model's prompts: overrides in ``prompts_dir``, then ``prompts/``.

    Autoescape is off: a prompt is plain text for a model, and "&amp;" would only
    confuse it. That is safe because article text only ever arrives as a variable.
    """
    return _cached(prompts_dir, _listing(prompts_dir), _PROMPTS, is_prompt=True)


@functools.lru_cache(maxsize=1)
def preview_environment() -> jinja2.Environment:
    """The preview's own page (``digest/preview/templates``): not the newsletter's
    design, so editors do not override it. Always autoescaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("digest.preview", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _is_autoescaped(name: str | None) -> bool:
    return not (name or "").endswith(".txt.j2")


def _listing(directory: Path | None) -> tuple[tuple[str, int], ...]:
    """The override files and their modification times (empty when there is none)."""
    if directory is None:
        return ()
    found = []
    for root, _dirs, files in os.walk(directory):
        for name in files:
            path = os.path.join(root, name)
            try:
                found.append((path, os.stat(path).st_mtime_ns))
            except OSError:
                continue  # deleted while we looked: the next build sees it gone
    return tuple(sorted(found))


@functools.lru_cache(maxsize=16)
def _cached(
    directory: Path | None,
    _listing_key: tuple[tuple[str, int], ...],
    subdir: str,
    *,
    is_prompt: bool,
) -> jinja2.Environment:
    defaults = jinja2.FileSystemLoader(default_templates_dir() / subdir)
    loaders: list[jinja2.BaseLoader] = []
    if directory is not None:
        loaders.append(jinja2.FileSystemLoader(directory))
    loaders.append(defaults)
    loaders.append(jinja2.PrefixLoader({"default": defaults}, delimiter=":"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False if is_prompt else _is_autoescaped,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=not is_prompt,
    )
    env.filters["http_url"] = http_url
    env.filters["wrap"] = wrap_text
    env.filters["as_title"] = as_title
    env.filters["bracketed"] = bracketed
    return env


def bracketed(name: str) -> str:
    """A name set inside our round brackets, with round brackets of its own made square,
    as nested brackets are written: "(ABC News [Australia])", not "(ABC News (Australia))".
    """
    return name.replace("(", "[").replace(")", "]")


def as_title(text: str) -> str:
    """A headline quoted in running text, without the full stop some outlets end it
    with: “... Than He Thought.”; reads as a sentence ended twice. An abbreviation's
    stop stays ("U.S.", "9 p.m.", "Acme Inc."). Its own double quotation marks turn
    single, as a quotation inside a quotation does: “Israel's neighbors condemn ‘de
    facto beginning’ ...”."""
    text = text.strip().replace("“", "‘").replace("”", "’")
    last = text.rsplit(" ", 1)[-1]
    if not last.endswith(".") or "." in last[:-1] or len(last.strip("“”\"'’.")) <= 3:
        return text
    return text[:-1]


@functools.lru_cache(maxsize=4096)
def _checked_url(url: str) -> str:
    """:func:`http_url` of a stripped string; cached, as a story's links are checked for
    each version of the email and each fitting of it."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    if _SPACE_OR_CONTROL.search(url):
        return ""
    # A look-alike host (Cyrillic letters posing as Latin ones) is shown in punycode.
    return display_url(url)


def http_url(value: object) -> str:
    """``value`` when it is an absolute http(s) URL, else "" (templates drop the link);
    an AMP copy's address as its own page's (:func:`digest.urls.reader_url`)."""
    return _checked_url(reader_url(str(value).strip()))


# A space before a number with a full stop, or before a lone dash or bullet: a line
# break there would start a line that reads as an item of a numbered or bulleted list.
# (After a word only: a run of such marks, "1. 2. 3.", is a list already.)
_LIST_MARK_INSIDE = re.compile(r"(?<=[^\W\d_]|[,;:)’”]) (?=(?:\d{1,3}\.|[-–—*•])(?: |$))")


def wrap_text(value: object, width: int = _TEXT_WIDTH, indent: str = "") -> str:
    """Wrap plain text for the text part; words and URLs are never split, and no line
    starts with what reads as a list's mark ("15. The election ...", "- half the
    population"): such a figure or dash stays with the word before it."""
    text = _LIST_MARK_INSIDE.sub("\u00a0", " ".join(str(value).split()))
    wrapped = textwrap.fill(
        text,
        width=width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped.replace("\u00a0", " ")


def render_template(env: jinja2.Environment, name: str, context: dict[str, object]) -> str:
    """Template ``name`` rendered with ``context``.

    Raises TemplateError naming the template file and line (of an override too) when
    the template is broken, missing, or fails while rendering.
    """
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
