"""The article page of each sample outlet, wrapped in that outlet's own boilerplate.

The page skeletons are ``layouts/<outlet>.html`` (``string.Template`` syntax) after the
shared ``layouts/_head.html``; this module fills them in.

Every outlet has a different skeleton (class names, nesting, where the boilerplate sits
relative to the text) so that extraction is tested on more than one kind of markup.
Each distinctive boilerplate string is declared once in ``_CHROME`` and collected into
``BOILERPLATE``; the tests assert none of them reaches the digest.

No boilerplate string contains ``&``, quotes or apostrophes, so a test can look for it
in rendered HTML as well as in plain text without worrying about escaping.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib import resources
from string import Template
from zoneinfo import ZoneInfo

from digest.sample._data import SampleArticle

__all__ = ["BOILERPLATE", "render_page"]


@dataclass(frozen=True, slots=True)
class _Chrome:
    """The boilerplate strings of one outlet's pages."""

    cookie: tuple[str, ...]
    navigation: tuple[str, ...]
    newsletter: tuple[str, ...]
    share: tuple[str, ...]
    related_heading: str
    related: tuple[str, ...]  # headlines of teasers for pieces that are not in the sample
    footer: tuple[str, ...]
    extras: tuple[str, ...]  # ads, comment teasers, tip boxes

    def strings(self) -> tuple[str, ...]:
        return (
            *self.cookie,
            *self.navigation,
            *self.newsletter,
            *self.share,
            self.related_heading,
            *self.related,
            *self.footer,
            *self.extras,
        )


_CHROME: dict[str, _Chrome] = {
    "ledger": _Chrome(
        cookie=("The Atlantic Ledger uses cookies to keep the lights on", "Manage choices"),
        navigation=("Ledger Live", "Crosswords and Puzzles", "Subscribe from 1 pound a week"),
        newsletter=(
            "Get the Ledger Morning Dispatch",
            "Our editors pick the essential world news, every weekday at 7am",
        ),
        share=("Share this article on X", "Copy link to article", "Email this article"),
        related_heading="More from the Ledger",
        related=(
            "The lighthouse keepers of the Faroe Islands",
            "Ten recipes from a Lisbon fish market",
            "Inside the race to map the Atlantic seabed",
            "Letters: the week readers wrote back",
        ),
        footer=("Atlantic Ledger Media Ltd. All rights reserved", "Syndication and licensing"),
        extras=("Advertisement - story continues below", "Join the conversation"),
    ),
    "baltic": _Chrome(
        cookie=("We use cookies to improve your experience on Baltic Wire", "Cookie settings"),
        navigation=("Wire Podcast", "Tallinn - Riga - Vilnius - Helsinki - Stockholm"),
        newsletter=(
            "Sign up for our morning briefing",
            "The Baltic region in five minutes, every weekday",
        ),
        share=("Share this story", "Send via Telegram"),
        related_heading="Elsewhere on Baltic Wire",
        related=(
            "Amber, ferries and saunas: a winter guide to Saaremaa",
            "Why the art nouveau facades of Riga keep falling down",
            "Podcast: the slow economics of Baltic rail",
            "Quiz: how well do you know the Hanseatic League",
        ),
        footer=("Baltic Wire OU, Tallinn", "Reproduction without permission prohibited"),
        extras=("Support independent journalism from the Baltic Sea region", "Most read this week"),
    ),
    "observer": _Chrome(
        cookie=(
            "Pacific Observer respects your privacy",
            "By continuing to browse you agree to our cookie policy",
        ),
        navigation=("Oceania Business", "Weekend Long Reads"),
        newsletter=(
            "The Observer Briefing: five stories before breakfast",
            "Get the briefing",
        ),
        share=("Share on WhatsApp", "Copy the link to this article"),
        related_heading="Read next from the Observer",
        related=(
            "The surfers saving the reefs of Tonga",
            "Long read: the last pearl divers of Broome",
            "Ask the Observer: your questions on kava answered",
            "Photo essay: monsoon markets of Samoa",
        ),
        footer=("Published by Southern Cross Press Ltd", "Contact the newsroom"),
        extras=("Sponsored content from our partners", "Tip us off: secure contact options"),
    ),
    "review": _Chrome(
        cookie=("Cookies help us deliver Continental Review", "Choose your settings"),
        navigation=("Review Podcasts", "The Archive since 1998"),
        newsletter=(
            "Subscribe to The Continental Letter",
            "Every Friday, the week in Europe explained by our correspondents",
        ),
        share=("Send to a friend", "Print this page"),
        related_heading="From our correspondents across Europe",
        related=(
            "The quiet revival of European night trains",
            "Portrait: the translator who made Calvino German",
            "In the archive: the first editorial of the Review",
            "Why Brussels is running out of office space",
        ),
        footer=("Continental Review Publishing SA", "Published in Brussels since 1998"),
        extras=("Comments are closed for this article", "Also in the Review:"),
    ),
}

BOILERPLATE: tuple[str, ...] = tuple(
    dict.fromkeys(s for chrome in _CHROME.values() for s in chrome.strings())
)


def render_page(article: SampleArticle) -> str:
    """The full HTML page of ``article`` in its outlet's layout; links use ``__BASE__``."""
    slug = article.outlet.slug
    chrome = _CHROME[slug]
    fields = _common_fields(article, chrome) | _LAYOUTS[slug](article, chrome)
    return _template("_head").substitute(fields) + _template(slug).substitute(fields)


def _template(name: str) -> Template:
    text = (resources.files(__package__) / "layouts" / f"{name}.html").read_text("utf-8")
    return Template(text)


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _numbered(prefix: str, values: tuple[str, ...]) -> dict[str, str]:
    return {f"{prefix}_{n}": value for n, value in enumerate(values, start=1)}


def _common_fields(article: SampleArticle, chrome: _Chrome) -> dict[str, str]:
    return {
        "title": _text(article.title),
        "title_attr": _attr(article.title),
        "summary": _text(article.summary),
        "summary_attr": _attr(article.summary),
        "author": _text(article.author),
        "author_attr": _attr(article.author),
        "author_slug": _slugify(article.author),
        "site_name": article.outlet.name,
        "url": f"__BASE__/{article.path}",
        "published": article.published.isoformat(),
        "related_heading": chrome.related_heading,
        **_numbered("cookie", chrome.cookie),
        **_numbered("nav", chrome.navigation),
        **_numbered("newsletter", chrome.newsletter),
        **_numbered("share", chrome.share),
        **_numbered("footer", chrome.footer),
        **_numbered("extra", chrome.extras),
    }


def _number(article: SampleArticle, modulo: int) -> int:
    # A stable per-article number (comment counts, teaser rotation): pages must be
    # byte-identical on every run so the committed site can be checked for drift.
    return int(hashlib.sha256(article.path.encode()).hexdigest()[:8], 16) % modulo


def _teasers(article: SampleArticle, chrome: _Chrome, count: int = 3) -> list[tuple[str, str]]:
    start = _number(article, len(chrome.related))
    picked = [chrome.related[(start + i) % len(chrome.related)] for i in range(count)]
    slug = article.outlet.slug
    return [(_text(title), f"__BASE__/{slug}/features/{_slugify(title)}.html") for title in picked]


def _list_items(teasers: list[tuple[str, str]], indent: str) -> str:
    return "\n".join(f'{indent}<li><a href="{href}">{title}</a></li>' for title, href in teasers)


def _slugify(title: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "-".join(words)


def _paragraphs(article: SampleArticle, indent: str, css: str = "") -> list[str]:
    attr = f' class="{css}"' if css else ""
    return [f"{indent}<p{attr}>{_text(p)}</p>" for p in article.paragraphs]


def _ledger(article: SampleArticle, chrome: _Chrome) -> dict[str, str]:
    when = article.published
    body = _paragraphs(article, " " * 8)
    ad = (
        '        <div class="ad-slot ad-slot--mpu" aria-label="advertisement">\n'
        f'          <span class="ad-slot__label">{chrome.extras[0]}</span>\n'
        "        </div>"
    )
    body.insert(3, ad)
    return {
        "lang": "en-GB",
        "body": "\n".join(body),
        "date_label": f"{when.day} {when:%B %Y, %H:%M} GMT",
        "comment_count": str(_number(article, 90) + 7),
        "teasers": _list_items(_teasers(article, chrome), " " * 8),
    }


def _baltic(article: SampleArticle, chrome: _Chrome) -> dict[str, str]:
    local = article.published.astimezone(ZoneInfo("Europe/Tallinn"))
    body = _paragraphs(article, " " * 10)
    # The sign-up box sits between paragraphs, as it does on many WordPress sites: the
    # extractor has to drop it without losing the text on either side.
    signup = (
        '          <div class="bw-inline-signup">\n'
        f"            <strong>{chrome.newsletter[0]}</strong>\n"
        f"            <span>{chrome.newsletter[1]}.</span>\n"
        '            <input type="email" aria-label="Email"><button>Subscribe</button>\n'
        "          </div>"
    )
    body.insert(2, signup)
    return {
        "lang": "en",
        "body": "\n".join(body),
        "post_id": str(48000 + _number(article, 1000)),
        "local_iso": local.isoformat(),
        "date_label": f"{local:%b} {local.day}, {local:%Y %H:%M}",
        "teasers": _list_items(_teasers(article, chrome), " " * 14),
        "more_teasers": _list_items(_teasers(article, chrome, count=4), " " * 14),
    }


def _observer(article: SampleArticle, chrome: _Chrome) -> dict[str, str]:
    local = article.published.astimezone(ZoneInfo("Pacific/Auckland"))
    cards = "\n".join(
        f'      <div class="card"><a class="card__link" href="{href}">'
        f'<h3 class="card__title">{title}</h3></a></div>'
        for title, href in _teasers(article, chrome)
    )
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": article.published.isoformat(),
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": "Pacific Observer"},
        },
        ensure_ascii=False,
    )
    return {
        "lang": "en-NZ",
        "body": "\n".join(_paragraphs(article, " " * 8, "article__text")),
        "date_label": f"{local:%a} {local.day} {local:%b %Y %H.%M} NZ time",
        "teasers": cards,
        # "</" would end the script element early; JSON allows "<\/" in its place.
        "json_ld": json_ld.replace("</", "<\\/"),
    }


def _review(article: SampleArticle, chrome: _Chrome) -> dict[str, str]:
    local = article.published.astimezone(ZoneInfo("Europe/Brussels"))
    first, *rest = article.paragraphs
    # A drop cap splits the first word across two elements, as magazine templates do.
    body = [f'        <p><span class="rv-dropcap">{_text(first[0])}</span>{_text(first[1:])}</p>']
    body += [f"        <p>{_text(p)}</p>" for p in rest]
    (also_title, also_href), *side = _teasers(article, chrome, count=4)
    body.insert(
        3,
        f'        <aside class="rv-readalso"><span>{chrome.extras[1]}</span> '
        f'<a href="{also_href}">{also_title}</a></aside>',
    )
    return {
        "lang": "en",
        "body": "\n".join(body),
        "date_label": f"{local:%d.%m.%Y %H:%M}",
        "teasers": _list_items(side, " " * 8),
    }


_LAYOUTS: dict[str, Callable[[SampleArticle, _Chrome], dict[str, str]]] = {
    "ledger": _ledger,
    "baltic": _baltic,
    "observer": _observer,
    "review": _review,
}
