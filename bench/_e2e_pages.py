"""Article pages of the bench's outlets, with the furniture real pages carry.

``render_page`` wraps one article's paragraphs in its outlet's skeleton and returns the
HTML with the list of furniture it injected (``Marker``), so the harness can count
exactly which of it reached the built issue. Captions, video titles and tweets name a
person or place of the article itself, as real ones do: that is what makes them
dangerous to a summarizer.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from bench._e2e_outlets import Outlet
from bench._e2e_week import WeekArticle, native_dateline

__all__ = ["Marker", "Page", "render_page"]

# Dateline cities an article may name (checked in its first two paragraphs).
_CITIES = (
    "Washington", "New York", "Los Angeles", "Chicago", "Houston", "Boston", "Seattle",
    "San Francisco", "Miami", "Atlanta", "Dallas", "Denver", "Philadelphia", "Baltimore",
    "New Orleans", "Las Vegas", "London", "Paris", "Berlin", "Moscow", "Beijing", "Tokyo",
    "Seoul", "Cairo", "Jerusalem", "Gaza", "Damascus", "Tehran", "Sydney", "Toronto",
    "Kuala Lumpur", "Jakarta", "Dublin", "Belfast", "Albany", "Austin", "Kampala",
)  # fmt: skip
_PHOTOGRAPHERS = ("Lena Marsh", "Tomas Reyna", "Aiko Brandt", "Pavel Ocampo", "Ruth Kessel")
_AGENCIES = ("Northlight Images", "Brightwater Photo", "Quayside Pictures", "Pool Lens")
_CAPTIONS = (
    "{name} is seen in a photo released earlier this year.",
    "{name}, pictured in an undated handout photo.",
    "Onlookers watch as {name} arrives on {weekday}.",
    "A file image of {name} taken last spring.",
)
_NO_NAME_CAPTION = "A scene from the story, in a photo supplied to {outlet}."
_CORRECTIONS = (
    "the day of the court hearing",
    "the age of one of the people involved",
    "the name of a spokesperson",
)
_NAV = ("Home", "News", "Politics", "Business", "Entertainment", "Sports", "Opinion")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b")
_NOT_NAMES = frozenset(
    (  # noqa: SIM905 (a word list reads better as one string)
        "The A An In On At He She It But And This That When After Monday Tuesday Wednesday "
        "Thursday Friday Saturday Sunday January February March April May June July August "
        "September October November December Mr Mrs Ms Dr"
    ).split()
)


@dataclass(frozen=True, slots=True)
class Marker:
    """One piece of furniture injected into a page, as plain text.

    ``owner`` is the key of the article a related headline belongs to: that headline
    is a leak only in a story that does not hold its own article.
    """

    kind: str
    text: str
    owner: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    html: str
    markers: tuple[Marker, ...]


def render_page(
    outlet: Outlet,
    article: WeekArticle,
    *,
    url: str,
    others: Sequence[WeekArticle],
    seed: int,
) -> Page:
    """The article's page at ``outlet``; ``others`` feed its related and most-read lists."""
    rng = random.Random(f"{seed}:{article.key}")
    page = _PageBuilder(outlet, article, rng)
    teasers = [a for a in others if a.event != article.event and not a.is_degenerate]
    picks = rng.sample(teasers, min(5, len(teasers)))
    body = page.body(picks)
    blocks = {
        "head": _head(outlet, article, url),
        "cookie": page.cookie(),
        "nav": page.nav(),
        "byline": page.byline(),
        "top": page.top(),
        "body": body,
        "after": page.after(),
        "aside": page.aside(picks),
        "footer": page.footer(),
    }
    html = _SKELETONS[outlet.layout].format(
        slug=outlet.slug, name=escape(outlet.name), title=escape(article.title), **blocks
    )
    return Page(html, tuple(page.markers))


class _PageBuilder:
    """Renders one page's blocks and records every marker it injects."""

    def __init__(self, outlet: Outlet, article: WeekArticle, rng: random.Random) -> None:
        self.outlet = outlet
        self.article = article
        self.rng = rng
        self.markers: list[Marker] = []
        self.name = _salient_name(article.text)
        self.author = outlet.staff[article.position % len(outlet.staff)]

    def mark(self, kind: str, text: str, owner: str = "") -> str:
        self.markers.append(Marker(kind, text, owner))
        return escape(text)

    def has(self, part: str) -> bool:
        return part in self.outlet.parts

    def cookie(self) -> str:
        if not self.has("cookie"):
            return ""
        text = self.mark("cookie banner", self.outlet.cookie)
        return f'<div class="consent" role="dialog"><p>{text}</p><button>Accept</button></div>'

    def nav(self) -> str:
        if not self.has("nav"):
            return ""
        skip = self.mark("navigation", "Skip to main content")
        items = "".join(f'<li><a href="#">{label}</a></li>' for label in _NAV)
        return f'<a class="skip" href="#main">{skip}</a><nav><ul>{items}</ul></nav>'

    def byline(self) -> str:
        parts = []
        if self.has("byline"):
            parts.append(
                f'<p class="byline">By <a rel="author">{self.mark("byline", self.author)}</a></p>'
            )
        if self.has("updated"):
            when = self.article.published
            stamp = f"Updated {when:%-I:%M %p} ET, {when:%a %B %-d, %Y}"
            parts.append(f'<p class="timestamp">{self.mark("timestamp", stamp)}</p>')
        return "\n".join(parts)

    def top(self) -> str:
        """Blocks between the headline and the text: player, highlights, correction."""
        blocks = []
        if self.has("video"):
            blocks.append(self._player())
        if self.has("audio"):
            chrome = self.mark(
                "player chrome",
                f"Listen · {self.rng.randint(2, 9)}:{self.rng.randint(10, 59)} "
                "Download Embed Transcript",
            )
            blocks.append(f'<div class="audio-player">{chrome}</div>')
        if self.has("highlights") and self.article.lede:
            label = self.mark("story highlights", "Story highlights")
            bullets = "".join(f"<li>{escape(s)}</li>" for s in self.article.lede)
            blocks.append(f'<div class="highlights"><h3>{label}</h3><ul>{bullets}</ul></div>')
        if self.has("correction") and self.outlet.layout == "wire" and self.rng.random() < 0.3:
            what = self.rng.choice(_CORRECTIONS).upper()
            text = self.mark("correction", f"CORRECTS {what} IN SECOND PARAGRAPH")
            blocks.append(f'<p class="correction">{text}</p>')
        if self.has("gallery"):
            blocks.append(self._gallery())
        elif self.has("figure"):
            blocks.append(self._figure())
        if self.has("credit"):
            credit = self.mark("photo credit", self._credit())
            blocks.append(f'<p class="photo-credit">{credit}</p>')
        return "\n".join(blocks)

    def body(self, picks: Sequence[WeekArticle]) -> str:
        paragraphs = [p.strip() for p in self.article.text.split("\n") if p.strip()]
        if self.has("dateline") and paragraphs and not native_dateline(self.article.text):
            dateline = self._dateline()
            paragraphs[0] = f"{dateline} {paragraphs[0]}"
            self.markers.append(Marker("dateline", dateline))
        html = [f"<p>{escape(p)}</p>" for p in paragraphs]
        inserts: list[tuple[int, str]] = []
        if self.has("readmore"):
            for position, teaser in zip((2, 5), picks[:2], strict=False):
                title = self.mark("related headline", teaser.title, teaser.key)
                inserts.append(
                    (
                        position,
                        '<p class="inline-link"><strong>READ MORE:</strong> '
                        f'<a href="#">{title}</a></p>',
                    )
                )
        if self.has("ad"):
            label = self.mark("advert", "Story continues below advertisement")
            inserts.append(
                (3, f'<div class="ad-slot"><span>ADVERTISEMENT</span><p>{label}</p></div>')
            )
        if self.has("tweet"):
            inserts.append((4, self._tweet()))
        for position, block in sorted(inserts, key=lambda item: -item[0]):
            html.insert(min(position, len(html)), block)
        return "\n".join(html)

    def after(self) -> str:
        """Blocks after the text: sign-off, correction, bio, paywall, social, newsletter."""
        blocks = []
        if self.has("signoff"):
            editor = self.outlet.staff[(self.article.position + 1) % len(self.outlet.staff)]
            text = self.mark("byline", f"Reporting by {self.author}; Editing by {editor}")
            blocks.append(f'<p class="signoff">({text})</p>')
        if self.has("correction") and self.outlet.layout != "wire" and self.rng.random() < 0.4:
            what = self.rng.choice(_CORRECTIONS)
            day = f"{self.article.published:%b. %-d}"
            text = self.mark(
                "correction",
                f"Correction, {day}: An earlier version of this article misstated {what}.",
            )
            blocks.append(f'<p class="correction"><em>{text}</em></p>')
        if self.has("bio"):
            first = self.author.split()[0]
            text = self.mark(
                "author bio",
                f"{self.author} is a staff writer at {self.outlet.name}. "
                f"Follow {first} on X at @{self.outlet.handle}.",
            )
            blocks.append(f'<p class="author-bio">{text}</p>')
        for part, kind in (("paywall", "paywall"), ("extra", "widget"), ("comments", "comments")):
            if self.has(part) and self.outlet.extra:
                blocks.append(f'<p class="{part}">{self.mark(kind, self.outlet.extra)}</p>')
        if self.has("social"):
            text = self.mark("social", "Share this story Facebook X WhatsApp Email Copy link")
            blocks.append(f'<div class="share-bar">{text}</div>')
        if self.has("newsletter") and self.outlet.newsletter:
            text = self.mark("newsletter", self.outlet.newsletter)
            blocks.append(
                f'<aside class="newsletter-signup"><p>{text}</p><input type="email">'
                "<button>Sign up</button></aside>"
            )
        return "\n".join(blocks)

    def aside(self, picks: Sequence[WeekArticle]) -> str:
        if not (self.has("related") or self.has("mostread")) or not picks:
            return ""
        heading = self.mark("related heading", self.outlet.related_heading)
        tag = "ol" if self.has("mostread") else "ul"
        items = "".join(
            f'<li><a href="#">{self.mark("related headline", a.title, a.key)}</a></li>'
            for a in picks
        )
        return f'<section class="related"><h2>{heading}</h2><{tag}>{items}</{tag}></section>'

    def footer(self) -> str:
        return f"<footer><p>{self.mark('footer', self.outlet.footer)}</p></footer>"

    def _dateline(self) -> str:
        head = " ".join(self.article.text.split("\n")[:2])
        found = [(head.find(city), city) for city in _CITIES if city in head]
        city = min(found)[1].upper() if found else self.outlet.home_city
        return self.outlet.dateline.format(city=city, date=f"{self.article.published:%b. %-d}")

    def _caption(self) -> str:
        if not self.name:
            return _NO_NAME_CAPTION.format(outlet=self.outlet.name)
        template = self.rng.choice(_CAPTIONS)
        return template.format(name=self.name, weekday=f"{self.article.published:%A}")

    def _credit(self) -> str:
        return f"{self.rng.choice(_PHOTOGRAPHERS)} / {self.rng.choice(_AGENCIES)}"

    def _gallery(self) -> str:
        total = self.rng.randint(4, 14)
        slides = []
        for number in range(1, 3):
            label = self.mark("gallery label", f"Hide Caption {number} of {total} Photos:")
            caption = self.mark("caption", self._caption())
            credit = self.mark("photo credit", self._credit())
            slides.append(
                f'<figure class="slide"><img src="#" alt=""><figcaption><button>{label}</button> '
                f'{caption} <span class="credit">{credit}</span></figcaption></figure>'
            )
        return f'<div class="gallery">{"".join(slides)}</div>'

    def _figure(self) -> str:
        caption = self.mark("caption", self._caption())
        credit = self.mark("photo credit", self._credit())
        return (
            f'<figure><img src="#" alt="{caption}"><figcaption>{caption} '
            f'<span class="credit">(Photo: {credit})</span></figcaption></figure>'
        )

    def _player(self) -> str:
        subject = self.name or "the story"
        title = self.mark("video title", f"Video: what we know about {subject}")
        chrome = self.mark("player chrome", "Now Playing Autoplay Full Screen Mute Skip Ad Close ×")
        return (
            f'<div class="video-player"><p class="video-title">{title}</p>'
            f'<div class="controls">{chrome}</div></div>'
        )

    def _tweet(self) -> str:
        subject = self.name or "this story"
        text = self.mark(
            "tweet", f"Latest on {subject}: here is what we know so far. Live updates on our site."
        )
        handle = self.mark("tweet", f"(@{self.outlet.handle})")
        day = f"{self.article.published:%B %-d, %Y}"
        return (
            f'<blockquote class="twitter-tweet"><p>{text}</p>— {escape(self.outlet.name)} '
            f'{handle} <a href="#">{day}</a></blockquote>'
        )


def _salient_name(text: str) -> str:
    """The most frequent capitalised name (two or three words) of the article's opening."""
    head = " ".join(text.split("\n")[:4])
    counts: Counter[str] = Counter()
    for match in _NAME.finditer(head):
        phrase = match.group(1)
        if phrase.split()[0] not in _NOT_NAMES:
            counts[phrase] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _head(outlet: Outlet, article: WeekArticle, url: str) -> str:
    description = escape(" ".join(article.lede[:1]), quote=True)
    return f"""<meta charset="utf-8">
<title>{escape(article.title)} | {escape(outlet.name)}</title>
<meta name="description" content="{description}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title, quote=True)}">
<meta property="og:site_name" content="{escape(outlet.name, quote=True)}">
<meta property="article:published_time" content="{article.published.isoformat()}">
<link rel="canonical" href="{escape(url, quote=True)}">"""


# Four page skeletons; outlets that share one differ in the furniture they fill it with.
_SKELETONS = {
    "semantic": """<!DOCTYPE html>
<html lang="en"><head>
{head}
</head><body class="{slug}">
{cookie}
<header class="masthead"><a class="logo" href="/{slug}/">{name}</a>{nav}</header>
<main id="main"><article class="story">
<h1 class="headline">{title}</h1>
{byline}
{top}
<div class="story-body">
{body}
</div>
{after}
</article>
{aside}
</main>
{footer}
</body></html>
""",
    "wire": """<!DOCTYPE html>
<html lang="en"><head>
{head}
</head><body>
{cookie}{nav}
<div class="article-wrap"><div class="article-header"><h1>{title}</h1>{byline}</div>
{top}
<div class="ArticleBody">
{body}
{after}
</div></div>
<div class="trending">{aside}</div>
{footer}
</body></html>
""",
    "tabloid": """<!DOCTYPE html>
<html lang="en"><head>
{head}
</head><body>
{cookie}
<div id="top-bar">{nav}<span class="brand">{name}</span></div>
<div class="col-wrap"><div class="col-left">{aside}</div>
<div class="col-main"><div class="article-text" itemprop="articleBody">
<h1 itemprop="headline">{title}</h1>
{byline}
{top}
{body}
</div>
{after}
</div></div>
{footer}
</body></html>
""",
    "sidebar": """<!DOCTYPE html>
<html lang="en"><head>
{head}
</head><body>
{cookie}
<header>{nav}<div class="site-name">{name}</div></header>
<div class="layout"><section class="content">
<article>
<header><h1>{title}</h1>{byline}</header>
{top}
<section class="article-body">
{body}
</section>
</article>
{after}
</section>
<aside class="rail">{aside}</aside></div>
{footer}
</body></html>
""",
}
