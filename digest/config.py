"""The settings file (``feeds.yaml``): typed models, loading, JSON Schema.

Every problem in a file is reported at once, each with its line, column and key path,
e.g. ``feeds.yaml:31:7: feeds[4].url: not an http(s) URL (got "bbc world")``. Reading
YAML with positions and wording pydantic's errors is ``config_yaml.py``; rules that span
entries (a feed given twice) are ``config_checks.py``.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from digest.config_checks import cross_entry_problems
from digest.config_yaml import plain, read_yaml, undecodable, validation_problems
from digest.errors import ConfigError, ConfigProblem
from digest.models import NewsWindow
from digest.text import content_words

__all__ = [
    "BrandConfig",
    "Config",
    "FeedConfig",
    "FetchConfig",
    "LLMConfig",
    "NewsletterConfig",
    "ScheduleConfig",
    "SmtpConfig",
    "StorageConfig",
    "TopicConfig",
    "config_schema",
    "load_config",
    "parse_config",
]

_EMAIL_RE = re.compile(r"^(?:[^<>]*<)?\s*[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+\s*>?$")


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f'not an http(s) URL (got "{value}"). Write it as https://host/path')
    return value


def _https_url(value: str) -> str:
    if not value.startswith("https://") or not urlsplit(value).netloc:
        raise ValueError(f'not an https URL (got "{value}"). Mail clients need https here')
    return value


def _mailbox(value: str) -> str:
    if not _EMAIL_RE.match(value.strip()):
        raise ValueError(f'not an email address (got "{value}"). Write "Name <addr@example.org>"')
    return value.strip()


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f'unknown time zone "{value}". Use an IANA name such as Europe/Brussels'
        ) from None
    return value


def _cron(value: str) -> str:
    # Imported here: APScheduler is only needed to check and run schedules.
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(value, timezone="UTC")
    except ValueError as exc:
        raise ValueError(
            f'bad cron expression "{value}" ({exc}). Use five fields: '
            'minute hour day month weekday, e.g. "0 6 * * MON"'
        ) from None
    return value


def _colour(value: str) -> str:
    text = value.strip().lower()
    if re.fullmatch(r"#[0-9a-f]{3}", text):
        text = "#" + "".join(c * 2 for c in text[1:])
    if not re.fullmatch(r"#[0-9a-f]{6}", text):
        raise ValueError(f'not a colour (got "{value}"). Write it as #rrggbb, e.g. "#a8361b"')
    return text


def _link_or_tag(value: str, info: Any) -> str:
    """An https or mailto URL, or one of the newsletter's ESP merge tags."""
    tags = info.data.get("merge_tags", ())
    if value in tags or value.startswith(("{{", "*|", "%")):
        return value
    if value.startswith("mailto:"):
        return value
    return _https_url(value)


HttpUrl = Annotated[str, AfterValidator(_http_url)]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Colour = Annotated[str, AfterValidator(_colour)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class BrandConfig(_Model):
    """The house style: what the masthead and footer say and the accent colour.

    Text colours are derived from ``accent`` so every one reaches WCAG AA contrast in
    light and dark mode whatever colour is chosen (a too-light accent is darkened for
    text, a too-dark one lightened in dark mode).
    """

    accent: Colour = Field(
        "#a8361b",
        description="Accent colour (#rrggbb) of topic kickers, story numbers and the take "
        "box's edge. Adjusted for contrast where used as text.",
    )
    tagline: str = Field(
        "", description="One line under the newsletter's name in the masthead (plain text)."
    )
    logo_url: HttpsUrl | None = Field(
        None,
        description="https URL of a logo image shown above the name; mail clients "
        "may block it until the reader allows images, so logo_alt must say what it shows.",
    )
    logo_alt: str = Field("", description="The logo's alternative text (required with logo_url).")
    logo_width: int = Field(
        160, ge=16, le=552, description="Width in pixels the logo is shown at (its height follows)."
    )
    why_you_get_this: str = Field(
        "",
        description="Footer line saying why the reader gets this email; default: "
        '"You get <name> because you subscribed to it."',
    )
    reply_invitation: str = Field(
        "Reply to this email to reach the editors: we read every reply.",
        description="Footer line inviting replies; empty to leave it out.",
    )

    @model_validator(mode="after")
    def _logo_has_alt(self) -> BrandConfig:
        # Checked after the fields: logo_alt's default is never validated on its own.
        if self.logo_url and not self.logo_alt.strip():
            raise ValueError(
                "logo_url needs alternative text. Add logo_alt: the newsletter's name, or "
                "what the image shows"
            )
        return self


class NewsletterConfig(_Model):
    name: str = Field(min_length=1, description="The newsletter's name, shown in the masthead.")
    from_: Annotated[str, AfterValidator(_mailbox)] = Field(
        alias="from", description='Sender, as "Name <addr@example.org>".'
    )
    to: str = Field(
        "undisclosed-recipients:;",
        description="The To header: a placeholder or an ESP merge tag; the sender fills it.",
    )
    # Before unsubscribe: its validator reads the merge tags.
    merge_tags: tuple[str, ...] = Field(
        (),
        description="ESP merge tags (e.g. '{{unsubscribe_url}}', '*|UNSUB|*') allowed to pass "
        "through unescaped where a URL is expected.",
    )
    unsubscribe: str = Field(
        description="Unsubscribe URL (https) or an ESP merge tag listed in merge_tags."
    )
    timezone: Annotated[str, AfterValidator(_timezone)] = Field(
        "UTC", description="IANA time zone of the newsletter (schedule and issue dates)."
    )
    window_days: int = Field(
        7,
        ge=1,
        le=31,
        description="Days of news one issue covers: from midnight that many days before the "
        "issue's day, in the newsletter's time zone, up to the run.",
    )
    subject: str = Field(
        "{headlines}",
        description="Subject pattern. {headlines}: the top stories' headlines, shortened to "
        "fit about 60 characters; {headline}: the lead story's; {name} and {date}. The "
        "newsletter's name belongs in the From name (newsletter.from), where inboxes show it.",
    )
    max_stories: int = Field(12, ge=1, le=60, description="At most this many stories per issue.")
    also_in_the_news: int = Field(
        8,
        ge=0,
        le=40,
        description="At most this many one-outlet stories listed after the main stories, "
        'under "Also in the news", each as a headline, outlet, link and one sentence; '
        "0 for no list.",
    )
    soft_news_last: bool = Field(
        True,
        description="Print sport, entertainment, lifestyle and obituaries after the hard news "
        "and cut them first (the editors' pins and order still decide); false: rank them "
        "like any story.",
    )
    templates: str | None = Field(
        None, description="Directory of template overrides, relative to this file."
    )
    editorial: str = Field(
        "editorial.yaml", description="The editors' file of takes and overrides."
    )
    postal_address: str = Field(
        "",
        description="The sender's postal address, printed in the footer. Anti-spam laws "
        "(CAN-SPAM in the US, CASL in Canada) require one in every newsletter sent; the "
        "build warns while it is empty.",
    )
    preferences: str | None = Field(
        None,
        description="URL (https) or ESP merge tag of the page where readers manage their "
        "subscription; linked in the footer beside Unsubscribe.",
    )
    subscribe: HttpsUrl | None = Field(
        None,
        description='https URL of the sign-up page; the footer\'s "Forwarded this? Subscribe" '
        "link and the forward link use it.",
    )
    brand: BrandConfig = Field(
        BrandConfig(), description="House style: accent colour, tagline, logo, footer lines."
    )
    web_url: HttpUrl | None = Field(
        None, description="Public URL of the web archive; enables 'view in browser' links."
    )
    language: str = Field("en", description="Language of the newsletter (html lang).")

    @field_validator("unsubscribe")
    @classmethod
    def _unsubscribe(cls, value: str, info: Any) -> str:
        return _link_or_tag(value, info)

    @field_validator("preferences")
    @classmethod
    def _preferences(cls, value: str | None, info: Any) -> str | None:
        return None if value is None else _link_or_tag(value, info)


class ScheduleConfig(_Model):
    cron: Annotated[str, AfterValidator(_cron)] = Field(
        "0 6 * * MON", description="When to build an issue (crontab, newsletter time zone)."
    )
    poll_cron: Annotated[str, AfterValidator(_cron)] | None = Field(
        None, description="Poll feeds more often than building, e.g. '0 */6 * * *'."
    )
    misfire_grace_seconds: int = Field(
        3600, ge=1, description="A run missed by less than this still runs."
    )


class StorageConfig(_Model):
    url: str = Field(
        "sqlite:///digest.db",
        description="SQLAlchemy URL; sqlite paths are relative to this file. "
        "postgresql+psycopg://... for a shared store.",
    )

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql")):
            raise ValueError(
                f'unsupported storage URL "{value}". Use sqlite:///FILE or postgresql+psycopg://...'
            )
        return value


class FetchConfig(_Model):
    allow_private: bool = Field(
        False, description="Allow article fetches from private, loopback and link-local hosts."
    )
    user_agent: str = Field(
        "newsletter-digest/0.1 (+https://github.com/newsletter-digest)",
        description="User-Agent sent to publishers.",
    )
    timeout_seconds: float = Field(15.0, gt=0, description="Connect and read timeout.")
    max_bytes: int = Field(5_000_000, gt=0, description="Largest response body accepted.")
    concurrency: int = Field(16, ge=1, le=256, description="Requests in flight at once.")
    per_host: int = Field(2, ge=1, le=32, description="Requests in flight per host.")
    retries: int = Field(2, ge=0, le=10, description="Retries on 429, 5xx and timeouts.")
    page_deadline_seconds: float = Field(
        60.0,
        gt=0,
        description="Longest one article page may take in all, redirects and retries "
        "included; a slower page is given up and the feed's text used.",
    )
    budget_seconds: float = Field(
        600.0,
        gt=0,
        description="Longest the article-fetching stage of a run may take; pages not "
        "fetched by then use the feed's text (with a warning) and are tried next run.",
    )


def _keyword(keyword: str) -> str:
    """A keyword that picks stories out. One of common words ("a", "the", "new") matches
    nearly every story: the topic would take over the issue. A capitalised word is a
    name, matched in capitals only ("WHO", "X"), and specific enough."""
    if not keyword.strip():
        raise ValueError("an empty keyword. Remove it, or write the word it lacks.")
    named = any(word[:1].isupper() for word in keyword.split())
    if (len(keyword.strip()) < 2 or not content_words(keyword)) and not named:
        raise ValueError(
            f'keyword "{keyword}" matches nearly every story (it is one letter or a common '
            'word). Use a name or a phrase, like "Greenland" or "frozen assets".'
        )
    return keyword


class TopicConfig(_Model):
    name: str = Field(min_length=1, description="Section heading in the email.")
    # Checked one by one, so an error names the keyword's own line.
    keywords: tuple[Annotated[str, AfterValidator(_keyword)], ...] = Field(
        min_length=1, description="Words and phrases that mark a story as on this topic."
    )
    description: str = Field("", description="A sentence describing the topic.")


class FeedConfig(_Model):
    url: HttpUrl = Field(description="The RSS or Atom feed URL.")
    name: str = Field(min_length=1, description="The outlet's name, shown beside its links.")
    enabled: bool = Field(True, description="Set false to stop polling this feed.")

    @field_validator("url", mode="before")
    @classmethod
    def _no_stray_quote(cls, value: Any) -> Any:
        # `{url: http://host/rss.xml", name: X}`: YAML keeps the quote, and the URL
        # would only fail later, as a 404 at every poll.
        # An apostrophe may sit inside a path ("/o'hare/rss"), never at either end.
        stray = isinstance(value, str) and (
            any(mark in value for mark in '"“”‘’')
            or value.strip().startswith("'")
            or value.strip().endswith("'")
        )
        if stray:
            raise ValueError(
                f"{value!r} has a quotation mark in it, which no feed URL has: a stray "
                "quote? Quote the whole URL or none of it."
            )
        return value


class LLMConfig(_Model):
    base_url: HttpUrl = Field(
        description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1"
    )
    model: str = Field(description="Model name sent with each request.")
    api_key_env: str = Field(
        "DIGEST_LLM_API_KEY", description="Environment variable holding the API key."
    )
    prompts: str | None = Field(None, description="Directory of prompt template overrides.")


class SmtpConfig(_Model):
    host: str = Field("localhost", description="SMTP server for `digest send`.")
    port: int = Field(587, ge=1, le=65535, description="587 for STARTTLS, 465 for SSL.")
    security: str = Field(
        "starttls", pattern="^(starttls|ssl|none)$", description="starttls, ssl or none."
    )
    username_env: str = Field("DIGEST_SMTP_USER", description="Env variable with the user.")
    password_env: str = Field("DIGEST_SMTP_PASSWORD", description="Env variable with the password.")
    timeout_seconds: float = Field(30.0, gt=0, description="Connection timeout.")


class Config(_Model):
    """The whole settings file. ``path`` is where it was read from (not a YAML key)."""

    newsletter: NewsletterConfig
    schedule: ScheduleConfig = ScheduleConfig()
    storage: StorageConfig = StorageConfig()
    fetch: FetchConfig = FetchConfig()
    topics: tuple[TopicConfig, ...] = ()
    feeds: tuple[FeedConfig, ...] = Field(description="The RSS/Atom feeds to poll.")
    llm: LLMConfig | None = None
    smtp: SmtpConfig = SmtpConfig()

    path: Path = Field(Path("feeds.yaml"), exclude=True)

    @field_validator("feeds")
    @classmethod
    def _some_feeds(cls, value: tuple[FeedConfig, ...]) -> tuple[FeedConfig, ...]:
        if not value:
            raise ValueError("no feeds. Add at least one: - {url: https://..., name: Outlet}")
        return value

    @property
    def base_dir(self) -> Path:
        return self.path.resolve().parent

    @property
    def database_url(self) -> str:
        """The storage URL with a relative sqlite path made relative to this file."""
        url = self.storage.url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
            return prefix + str(self.base_dir / url[len(prefix) :])
        return url

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite store's file, or None for another kind of store."""
        url = self.database_url
        prefix = "sqlite:///"
        if not url.startswith(prefix) or ":memory:" in url:
            return None
        return Path(unquote(url[len(prefix) :].split("?", 1)[0]))

    @property
    def editorial_path(self) -> Path:
        return self.base_dir / self.newsletter.editorial

    @property
    def templates_dir(self) -> Path | None:
        if self.newsletter.templates is None:
            return None
        return self.base_dir / self.newsletter.templates

    def news_window(self, now: datetime) -> NewsWindow:
        """The issue of ``now``: its date in the newsletter's time zone, and the news it
        covers, up to ``now`` from the start of the day ``window_days`` before the issue's.
        The one place this is computed.

        The window starts at midnight, not at ``now`` less seven days, because the issue
        names the days it covers ("29 November – 6 December"): a report of the small hours
        of the first day it names belongs in it."""
        zone = ZoneInfo(self.newsletter.timezone)
        local = now.astimezone(zone)
        first_day = local.date() - timedelta(days=self.newsletter.window_days)
        start = datetime(first_day.year, first_day.month, first_day.day, tzinfo=zone)
        return NewsWindow(local.date(), start.astimezone(now.tzinfo), now)


def config_schema() -> dict[str, Any]:
    """The JSON Schema of feeds.yaml."""
    schema = Config.model_json_schema(by_alias=True)
    schema["properties"].pop("path", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsletter-digest feeds.yaml"
    return schema


def _looked_in(file: Path) -> str:
    """Where a relative path was looked for: " in /srv/digest" (the working folder)."""
    return "" if file.is_absolute() else f" in {file.resolve().parent}"


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a settings file.

    Raises ConfigError listing every problem, each with line and key path.
    """
    file = Path(path)
    try:
        raw = file.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError([undecodable(str(file), raw, exc)]) from exc
    except FileNotFoundError:
        raise ConfigError(
            [
                ConfigProblem(
                    str(file),
                    None,
                    None,
                    "",
                    f"file not found{_looked_in(file)}. Pass --config PATH, or run "
                    "`digest init` to write a starter feeds.yaml here.",
                )
            ]
        ) from None
    except OSError as exc:
        raise ConfigError(
            [ConfigProblem(str(file), None, None, "", f"cannot read: {exc}")]
        ) from exc
    return parse_config(text, file)


def parse_config(text: str, path: Path) -> Config:
    """Validate settings given as YAML text; ``path`` is used in messages and for relative paths."""
    name = str(path)
    data = read_yaml(text, name)
    if not isinstance(data, dict):
        raise ConfigError(
            [ConfigProblem(name, 1, 1, "", "expected a mapping with newsletter: and feeds:")]
        )
    problems = cross_entry_problems(data, path.resolve().parent, name)
    try:
        config = Config.model_validate({**plain(data), "path": path})
    except ValidationError as exc:
        problems.extend(validation_problems(exc, data, name, Config))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0, p.key))
        raise ConfigError(problems)
    return config
