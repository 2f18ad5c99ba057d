"""Article extraction on hand-written pages: boilerplate, encodings, no-article pages.

Quality on real pages is gated in test_eval_extract.py; here each page is written to
show one behaviour a reader of the digest would notice.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

import digest.extract
from digest.extract import MIN_ARTICLE_CHARS, extract_article, extract_text_for_eval

STORY = (
    "The city council voted on Tuesday to turn the disused rail yard north of the river "
    "into a public park, ending a decade-long dispute over the site.",
    "Council members approved the plan by nine votes to two after a four-hour debate in "
    "which residents spoke both for and against the proposal.",
    "The park will include a community garden, a playground and a cycling path that links "
    "the northern suburbs to the centre of the city.",
    "Construction is expected to begin next spring and to cost about 14 million euros, "
    "most of it paid for by a regional development grant.",
    "Opponents argued that the land should have been used for affordable housing, which "
    "they said the city needs more urgently than green space.",
)

HEAD = """<title>Council backs rail-yard park | The Riverside Gazette</title>
<meta property="og:title" content="Council backs rail-yard park">
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="og:image" content="/images/park.jpg">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-14T09:30:00+02:00">"""

# Boilerplate marked up the way news sites do it: class names and landmarks.
WIDGET_PAGE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">{head}</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience
on our site. By continuing to browse you agree to our use of cookies.</p>
<button>Accept all cookies</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>Council backs rail-yard park</h1>
<div class="byline">By Jane Doe</div>
<div class="share-buttons"><a href="https://twitter.com/share">Share on Twitter</a>
<a href="https://facebook.com/share">Share on Facebook</a>
<a href="mailto:">Email this story</a></div>
{body}
<div class="newsletter-signup"><h3>Get the Gazette in your inbox</h3><p>Sign up for our daily
newsletter and never miss a story from the riverside.</p>
<form><input type="email"><button>Subscribe</button></form></div>
<aside class="related-articles"><h2>Related articles</h2><ul>
<li><a href="/a">Mayor promises more cycle lanes by 2026</a></li>
<li><a href="/b">Rail yard fire was arson, police say</a></li>
<li><a href="/c">Five parks to visit this summer</a></li></ul></aside>
<p>Follow us on Twitter and Facebook for the latest news.</p>
</article></main>
<footer><p>© 2024 The Riverside Gazette. All rights reserved.</p><a href="/privacy">Privacy</a>
</footer></body></html>"""

# The same boilerplate as plain paragraphs with no telling markup: only our clean-up
# of the extracted lines can remove it.
PLAIN_PAGE = """<html><head><title>Council backs rail-yard park - Gazette</title></head><body>
<div class="content"><div>
<p>Council backs rail-yard park</p>
<p>{0}</p><p>{1}</p>
<p>Related: Mayor promises more cycle lanes by 2026</p>
<p>{2}</p><p>{3}</p><p>{4}</p>
<h3>Don't miss</h3>
<p><a href="/a">Rail yard fire was arson, police say</a></p>
<p><a href="/c">Five parks to visit this summer</a></p>
<p>Like this story? Share it with a friend!</p>
<p>Get the latest local news delivered to your inbox. Sign up for the Gazette newsletter.</p>
</div></div></body></html>"""

BOILERPLATE = (
    "cookies",
    "Home",
    "Share on",
    "Sign up",
    "newsletter",
    "Related",
    "Mayor promises",
    "Rail yard fire",
    "Five parks",
    "Don't miss",
    "Follow us",
    "Share it",
    "All rights reserved",
    "Council backs",  # the headline belongs in .title, not in the body
)


def paragraphs_html(paragraphs: tuple[str, ...] = STORY) -> str:
    return "".join(f"<p>{p}</p>\n" for p in paragraphs)


def widget_page(*, head: str = HEAD, body: str = "") -> str:
    return WIDGET_PAGE.format(head=head, body=body or paragraphs_html())


@pytest.mark.parametrize(
    ("case", "html"),
    [("widgets", widget_page()), ("plain paragraphs", PLAIN_PAGE.format(*STORY))],
)
def test_only_the_story_is_kept(case: str, html: str) -> None:
    article = extract_article(html.encode(), "https://gazette.example/news/park")

    assert article is not None, case
    assert article.paragraphs == STORY, case
    for phrase in BOILERPLATE:
        assert phrase not in article.text, f"{case}: {phrase!r} was kept"


def test_text_is_plain_with_blank_lines_between_paragraphs() -> None:
    body = paragraphs_html(
        (
            f"<b>{STORY[0][:20]}</b>{STORY[0][20:]}",
            STORY[1].replace(" ", "  \n\t ", 3),
            STORY[2].replace(" ", "&nbsp;", 2),
            *STORY[3:],
        )
    )

    article = extract_article(widget_page(body=body))

    assert article is not None
    assert article.text == "\n\n".join(STORY)
    assert "<" not in article.text


def test_language_comes_from_json_ld_and_its_headline_stays_out_of_the_body() -> None:
    head = (
        HEAD
        + """
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Gazette site"},
  {"@type": "NewsArticle", "headline": "Council backs rail-yard park plan",
   "datePublished": "2024-05-14T09:30:00Z", "inLanguage": "en",
   "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ali Khan"}],
   "publisher": {"@type": "Organization", "name": "Riverside Gazette"},
   "image": {"@type": "ImageObject", "url": "https://cdn.gazette.example/park.jpg"}}]}
</script>"""
    )

    article = extract_article(widget_page(head=head), "https://gazette.example/news/park")

    assert article is not None
    assert article.language == "en"
    assert article.paragraphs == STORY


def test_language_falls_back_to_meta_tags() -> None:
    article = extract_article(widget_page(), "https://gazette.example/news/park")

    assert article is not None
    assert article.language == "en"


_JSON_LD_DATES = """<script type="application/ld+json">{"@type": "NewsArticle",
 "datePublished": "2024-05-13T18:00:00Z", "dateModified": "2024-06-01T08:00:00Z"}</script>"""


@pytest.mark.parametrize(
    ("head", "url", "published", "offset"),
    [
        # JSON-LD wins over <meta>; the modified date never counts.
        (HEAD + _JSON_LD_DATES, "", datetime(2024, 5, 13, 18, tzinfo=UTC), None),
        (HEAD, "", datetime(2024, 5, 14, 7, 30, tzinfo=UTC), 120),
        (
            '<meta name="pubdate" content="Tue, 14 May 2024 09:30:00 GMT">',
            "",
            datetime(2024, 5, 14, 9, 30, tzinfo=UTC),
            None,
        ),
        # A bare day is read as its noon, UTC; so is a day in the URL's path.
        (
            '<meta itemprop="datePublished" content="2024-05-14">',
            "",
            datetime(2024, 5, 14, 12, tzinfo=UTC),
            None,
        ),
        (
            "",
            "https://gazette.example/news/2024/5/14/park",
            datetime(2024, 5, 14, 12, tzinfo=UTC),
            None,
        ),
        # A list of dates (every edition's): the first.
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
            '["Tue, 14 May 2024 09:30:00 GMT", "2024-05-20T08:00:00Z"]}</script>',
            "",
            datetime(2024, 5, 14, 9, 30, tzinfo=UTC),
            None,
        ),
        # Placeholders and words are no dates; nor is 31 February in a path.
        ('<meta property="article:published_time" content="1970-01-01T00:00:00Z">', "", None, None),
        ('<meta name="date" content="yesterday">', "https://g.example/2024/02/31/x", None, None),
    ],
)
def test_the_pages_publication_date_is_read(
    head: str, url: str, published: datetime | None, offset: int | None
) -> None:
    article = extract_article(widget_page(head=head), url)

    assert article is not None
    assert article.published == published
    assert article.utc_offset == offset


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (
            '<script type="application/ld+json">{"@type": "OpinionNewsArticle"}</script>',
            "opinion",
        ),
        (
            '<script type="application/ld+json">{"@type": ["AnalysisNewsArticle"]}</script>',
            "analysis",
        ),
        ('<meta property="article:section" content="Commentary">', "opinion"),
        ('<meta property="article:section" content="Analysis">', "analysis"),
        ('<meta property="article:opinion" content="true">', "opinion"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"articleSection": ["Opinion", "Columnists"]}</script>',
            "opinion",
        ),
        ('<meta property="article:section" content="Opinion/Columnists">', "opinion"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"articleSection": "World"}</script>'
            '<meta property="article:section" content="Comment is free">',
            "opinion",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"articleSection": ["Argument"]}</script>',
            "opinion",
        ),
        # A report, and a section that only mentions opinion.
        ('<script type="application/ld+json">{"@type": "NewsArticle"}</script>', ""),
        ('<meta property="article:section" content="Opinion polls">', ""),
    ],
)
def test_a_page_that_says_it_argues_is_told_from_a_report(head: str, kind: str) -> None:
    article = extract_article(widget_page(head=head), "https://gazette.example/2024/05/park")

    assert article is not None
    assert article.kind == kind


@pytest.mark.parametrize(
    ("kicker", "kind"),
    [
        ('<div class="top-header"><span class="label">OPINION</span></div>', "opinion"),
        ('<p class="article-kicker">Analysis</p>', "analysis"),
        ('<div class="top-header"><span class="label">Politics</span></div>', ""),
        # Tags a reader does not see between the kicker and the headline.
        (
            '<p class="kicker">Opinion</p><meta itemprop="a" content="b"><meta itemprop="c" '
            'content="d"><link rel="x" href="/y"><!-- ad -->',
            "opinion",
        ),
        # A menu's "Opinion" (the page's nav has one too) is no label of the page.
        ('<ul class="labels"><li class="label">Opinion</li></ul>', ""),
    ],
)
def test_a_kicker_above_the_headline_says_a_page_argues(kicker: str, kind: str) -> None:
    page = widget_page().replace("<h1>", f"{kicker}<h1>", 1)
    article = extract_article(page, "https://gazette.example/entry/park-plan_n_123")

    assert article is not None
    assert article.kind == kind


def test_a_label_away_from_the_headline_is_another_pages() -> None:
    card = '<div class="card"><span class="label">Opinion</span><a href="/o">Why parks</a></div>'
    # A card after the report, on a page with no <h1>.
    page = widget_page().replace("<h1>", "<h2>", 1).replace("</h1>", "</h2>", 1)
    article = extract_article(page.replace("</article>", f"{card}</article>"))
    assert article is not None and article.kind == ""
    # A menu of labels above the headline.
    menu = "".join(
        f'<span class="section-label">{name}</span>'
        for name in ("News", "Sport", "Business", "Opinion", "Culture", "Travel", "Weather")
    )
    page = widget_page().replace(
        "<h1>", f'<div class="sections">{menu} Lifestyle Podcasts Newsletters Puzzles</div><h1>', 1
    )
    article = extract_article(page)
    assert article is not None and article.kind == ""


def test_a_date_shown_only_to_readers_dates_the_page() -> None:
    # No JSON-LD, meta tag, <time> or dated path: the byline's date, as a theme marks it.
    byline = '<div class="jeg_meta_date"><a>December 2, 2026</a></div>'
    related = '<aside><span class="post-date">November 20, 2026</span></aside>'
    undated = HEAD.split('<meta property="article:published_time"')[0]
    page = widget_page(head=undated, body=related + byline + paragraphs_html())
    article = extract_article(page, "https://gazette.example/news/park")
    assert article is not None
    assert article.published == datetime(2026, 12, 2, 12, tzinfo=UTC)
    assert article.utc_offset is None
    # A <time> with an empty machine date, written the Nordic way.
    nordic = '<time datetime="">30. november 2026 - 16:12</time>'
    page = widget_page(head=undated, body=nordic + paragraphs_html())
    article = extract_article(page, "https://gazette.example/news/park")
    assert article is not None
    assert article.published == datetime(2026, 11, 30, 12, tzinfo=UTC)
    norsk = '<time datetime="">3. desember 2026 kl. 09.48</time>'
    page = widget_page(head=undated, body=norsk + paragraphs_html())
    article = extract_article(page, "https://gazette.example/news/park")
    assert article is not None
    assert article.published == datetime(2026, 12, 3, 12, tzinfo=UTC)
    # A date element with no year, or no month, is no date.
    for shown in ("Dec 2", "Updated 4 weeks ago"):
        page = widget_page(
            head=undated, body=f'<div class="entry-date">{shown}</div>' + paragraphs_html()
        )
        article = extract_article(page, "https://gazette.example/news/park")
        assert article is not None and article.published is None


def test_title_tag_headline_without_the_site_is_dropped_from_the_body() -> None:
    html = f"<html><head><title>A quiet week - Gazette</title></head><body>{paragraphs_html()}"

    article = extract_article(
        html.replace("<body>", "<body><h2>A quiet week</h2>"), "https://www.gazette.example/a"
    )

    # The title tag's headline, without its "- Gazette" (the site, named by the URL), is
    # the page's title: repeated as the body's first line, it is dropped.
    assert article is not None
    assert article.paragraphs == STORY
    assert article.language == ""


def test_what_comes_before_the_pages_own_headline_is_left_out() -> None:
    # Another story's tail above the headline, as a site with a rolling front page
    # serves it: the article starts at its headline.
    promo = (
        "<p>Night vision is a setting that the new camera module switches on by itself "
        "whenever the light in a room falls below a certain level.</p>"
        "<h2>The new tablet is now on sale</h2>"
    )
    html = (
        "<html><head><title>A quiet week - Gazette</title></head><body><div class='post'>"
        f"{promo}<h2>A quiet week</h2>{paragraphs_html()}</div></body></html>"
    )

    article = extract_article(html, "https://www.gazette.example/a")

    assert article is not None
    assert article.paragraphs == STORY


def test_a_pull_quote_repeating_the_headline_does_not_cut_the_lead() -> None:
    # The headline outside the article's column, and repeated inside it as a pull quote
    # after the lead: the lead is the story, not another story's tail.
    more = tuple(
        f"Paragraph {n} of the report goes on about the shelters and the charities that "
        "run them in the city."
        for n in range(14)
    )
    html = (
        "<html><head><title>‘We are not afraid’</title></head><body>"
        "<header><h1>‘We are not afraid’</h1></header><article>"
        f"{paragraphs_html(STORY[:2])}<blockquote><p>We are not afraid</p></blockquote>"
        f"{paragraphs_html(more)}</article></body></html>"
    )

    article = extract_article(html, "https://www.gazette.example/a")

    assert article is not None
    assert article.paragraphs[:2] == STORY[:2]
    # The headline repeated below the lede goes; the report after it stays whole.
    assert article.paragraphs[2:] == more


FRENCH = (
    "Le café « naïve » de Zoë a ouvert ses portes à Besançon — “enfin”, disent les "
    "habitués, qui attendaient ce moment depuis l’été dernier."
)
EURO = "À Besançon, le café de Zoë coûte 2 € et l'œuf dur 1 €, un prix qui ravit les habitués."


@pytest.mark.parametrize(
    ("case", "charset_tag", "codec", "http_charset", "text"),
    [
        ("meta charset windows-1252", '<meta charset="windows-1252">', "cp1252", None, FRENCH),
        (
            "http-equiv ISO-8859-1 (read as windows-1252, as browsers do)",
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            "cp1252",
            None,
            FRENCH,
        ),
        ("HTTP charset beats a wrong meta", '<meta charset="utf-8">', "cp1252", "windows-1252",
         FRENCH),
        ("wrong meta, no HTTP charset", '<meta charset="utf-8">', "cp1252", None, FRENCH),
        ("no declaration at all", "", "cp1252", None, FRENCH),
        ("ISO-8859-15 from HTTP (euro sign differs from Latin-1)", "", "iso8859_15",
         "ISO-8859-15", EURO),
        ("UTF-8 with BOM beats meta", '<meta charset="iso-8859-1">', "utf-8-sig", None, FRENCH),
    ],
)  # fmt: skip
def test_legacy_encodings_decode(
    case: str, charset_tag: str, codec: str, http_charset: str | None, text: str
) -> None:
    paragraph = f"{text} {text}"
    body = paragraphs_html((paragraph, *STORY[1:]))
    html = widget_page(body=body).replace('<meta charset="utf-8">', charset_tag)

    article = extract_article(html.encode(codec), encoding=http_charset)

    assert article is not None, case
    assert article.paragraphs[0] == paragraph, case


@pytest.mark.parametrize(
    ("case", "page"),
    [
        ("login wall", b"<html><body><form><p>Please log in to continue.</p></form></body></html>"),
        ("paywall teaser", widget_page(body="<p>" + STORY[0] + "</p>").encode()),
        ("javascript shell", b"<html><body><div id='app'></div><script>x()</script></body></html>"),
        ("empty", b""),
        ("pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 40),
        ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000)),
        ("plain text", b"Just a line of text, not a web page."),
    ],
)
def test_no_article_returns_none(case: str, page: bytes) -> None:
    assert extract_article(page) is None, case
    assert extract_text_for_eval(page.decode("latin-1")) == "", case


def test_minimum_is_documented_and_enforced() -> None:
    just_over = "word " * (MIN_ARTICLE_CHARS // 5 + 10)
    page = widget_page(body=f"<p>{just_over.strip()}.</p>")

    article = extract_article(page)

    assert article is not None
    assert len(article.text) >= MIN_ARTICLE_CHARS


def test_five_megabyte_page_is_handled() -> None:
    comments = "".join(
        f'<div class="comment"><p>Comment {i}: I totally agree, great article!</p>'
        f'<a href="/u/{i}">user{i}</a></div>'
        for i in range(48_000)
    )
    html = widget_page().replace("</main>", f'</main><section id="comments">{comments}</section>')
    assert len(html) > 5_000_000

    article = extract_article(html.encode())

    assert article is not None
    assert article.paragraphs == STORY


def test_module_exports_its_public_names() -> None:
    public = {
        name
        for name, value in vars(digest.extract).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == "digest.extract"
    }
    assert public <= set(digest.extract.__all__)
    assert {"extract_article", "extract_text_for_eval", "MIN_ARTICLE_CHARS"} == set(
        digest.extract.__all__
    )


# A magazine layout: the body's container closes before a mid-article advertisement and
# an identical one opens after it (trafilatura alone keeps the first container).
SPLIT_BODY_PAGE = """<html><head><title>Council backs rail-yard park</title></head><body>
<article><header><h1>Council backs rail-yard park</h1></header>
<div class="grid grid-layout--adrail"><div class="body body__container article__body">{0}</div>
<div class="grid--item grid-layout__aside"><div class="ad ad--rail"></div></div></div>
<div class="row full-bleed-ad"><div class="ad"><span>Advertisement</span></div></div>
<div class="grid"><div class="body body__container article__body">{1}</div></div>
</article><footer><p>© 2024 The Riverside Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_a_body_split_around_an_advertisement_is_read_whole() -> None:
    html = SPLIT_BODY_PAGE.format(paragraphs_html(STORY[:3]), paragraphs_html(STORY[3:]))

    article = extract_article(html.encode(), "https://gazette.example/news/park")

    assert article is not None
    assert article.paragraphs == STORY


def test_hover_cards_inside_a_paragraph_are_dropped_and_the_name_kept() -> None:
    card = (
        '<span class="rollover"><a href="/people/jane-doe">Jane Doe</a>'
        '<span class="rollover-block"><span><img src="/jd.jpg" alt="">'
        '<a href="/people/jane-doe">Jane Doe</a><a href="/x">Mayor promises more cycle '
        'lanes by 2026</a> <a href="/y">Rail yard fire was arson, police say</a></span>'
        "</span></span>"
    )
    first = f"Council leader {card} said the park would open in 2027, ending a decade-long dispute."
    html = widget_page(body=paragraphs_html((first, *STORY[1:])))

    article = extract_article(html.encode(), "https://gazette.example/news/park")

    assert article is not None
    assert article.paragraphs[0] == (
        "Council leader Jane Doe said the park would open in 2027, ending a decade-long dispute."
    )
    assert "Mayor promises" not in article.text


def test_a_link_wrapped_in_a_chrome_looking_span_keeps_its_sentence_whole() -> None:
    # Precision mode prunes a span whose class is "link" (or that draws a border) as
    # page chrome; inside a sentence it is the sentence's own words.
    linked = (
        'The county clerk has confirmed that <span class="link"><a href="/fine">the '
        "council will fine the contractor</a></span> for the delays, a spokesman said."
    )
    boxed = (
        'Work on <span style="border-bottom: 1px dotted">the first playground</span> '
        "starts in March, according to the parks department."
    )
    promo = 'Also: <span class="link"><a href="/more">See all our rail-yard coverage</a></span>'
    html = widget_page(body=paragraphs_html((STORY[0], linked, boxed, promo, *STORY[1:])))

    article = extract_article(html.encode(), "https://gazette.example/news/park")

    assert article is not None
    assert article.paragraphs[1:3] == (
        "The county clerk has confirmed that the council will fine the contractor for the "
        "delays, a spokesman said.",
        "Work on the first playground starts in March, according to the parks department.",
    )
    assert "rail-yard coverage" not in article.text


def test_a_video_blurb_and_its_title_beside_the_report_are_left_out() -> None:
    # Local TV pages print each clip as a title and a blurb stamped "(Published ...)";
    # the first repeats the report (with the page's own typo), the second is older news.
    blurb = (
        "The city council voted on Tuesday to turn the old rail yard into a park, "
        "officials said. The vote ends a decade-long dispute. (Published Tuesday, May 14, "
        "2024)"
    )
    clip_title = "Residents Argue Over Rail Yard Future"
    older = (
        "Residents packed a hearing on the rail yard's future last month. (Published "
        "Friday, April 12, 2024)"
    )
    body = paragraphs_html((blurb, *STORY[:3], clip_title, older, *STORY[3:]))
    article = extract_article(widget_page(body=body).encode(), "https://tv.example/news/park")

    assert article is not None
    assert article.paragraphs == STORY


def test_a_publication_stamp_inside_a_paragraph_of_the_report_stays() -> None:
    quoted = (
        "The council's notice (published Tuesday, May 14, 2024) says the works will take "
        "two years and close the cycling path for six months."
    )
    body = paragraphs_html((*STORY, quoted))
    article = extract_article(widget_page(body=body).encode(), "https://tv.example/news/park")

    assert article is not None
    assert article.paragraphs == (*STORY, quoted)


def test_a_video_page_keeps_its_blurb_and_a_stamped_correction_stays() -> None:
    # A clip's page has only its blurb: that is its article.
    blurb = (
        "The city council voted on Tuesday to turn the old rail yard into a park, officials "
        "said. The vote ends a decade-long dispute over the site, which residents had asked "
        "to see used for housing, a school and a market hall. (Published Tuesday, May 14, "
        "2024)"
    )
    follow = (
        "Follow Channel 6 on Facebook and Twitter for the latest news from the city, and "
        "sign up for our morning newsletter to get the day's top stories, weather and "
        "traffic delivered to your inbox."
    )
    page = widget_page(body=paragraphs_html((blurb, follow))).encode()
    article = extract_article(page, "https://tv.example/video/park")
    assert article is not None
    assert article.paragraphs == (blurb,)
    # A correction ending on its stamp is the outlet's word on the report.
    correction = (
        "Correction: An earlier version of this story misstated the number of votes. "
        "(Posted Wednesday, May 15, 2024)"
    )
    body = paragraphs_html((*STORY, correction))
    article = extract_article(widget_page(body=body).encode(), "https://tv.example/news/park")
    assert article is not None
    assert article.paragraphs == (*STORY, correction)


def test_a_short_report_keeps_its_place_before_a_clip_of_other_news() -> None:
    report = (
        "A 17-year-old was shot in the leg outside a school on Friday, police said.",
        "He was taken to hospital and is expected to recover.",
    )
    clip = (
        "A water main break flooded several streets in the old town on Thursday morning. "
        "(Published Thursday, Feb. 26, 2015)"
    )
    page = widget_page(body=paragraphs_html((*report, clip))).encode()
    article = extract_article(page, "https://tv.example/news/shot")
    # Too short to stand without it, the report keeps the page's order: news first.
    assert article is None or article.paragraphs[0] == report[0]


def test_a_headline_the_extraction_sets_below_the_lede_goes() -> None:
    # A body split into one container per paragraph, as a large US paper's pages are:
    # the extraction has been seen to set the headline after the first paragraph.
    title = "Harbour board says it foiled a takeover of the ferry company"
    body = "".join(
        f"<div class='article-body' data-qa='article-body'><p>{p}</p></div>" for p in STORY
    )
    html = (
        f"<html><head><title>{title} - The Post</title></head><body><main><article>"
        f"<h1 data-qa='headline'><span>{title}</span></h1>"
        "<h2 data-qa='subheadline'>The chair said the company was fully under control after "
        "the vote in the harbour office.</h2>"
        f"<div class='grid-body'>{body}</div></article></main></body></html>"
    )

    article = extract_article(html, "https://www.post.example/a")

    assert article is not None
    assert title not in article.paragraphs
    assert [p for p in article.paragraphs if p in STORY] == list(STORY)


def test_a_headline_a_line_introduces_below_the_lede_is_the_news_and_stays() -> None:
    title = "The harbour master has resigned"
    more = tuple(
        f"Paragraph {n} of the report tells how the board met and what the harbour master "
        "said to the crews on the quay."
        for n in range(8)
    )
    html = (
        f"<html><head><title>{title}</title></head><body><article>"
        "<p>The harbour board said in a statement on Monday evening:</p>"
        f"<p>{title}</p>{paragraphs_html(more)}</article></body></html>"
    )

    article = extract_article(html, "https://www.gazette.example/a")

    assert article is not None
    assert article.paragraphs[:2] == (
        "The harbour board said in a statement on Monday evening:",
        title,
    )


# A report whose first sentence the outlet sets apart above the body, as the page's
# description too (France 24's "chapo"): the body alone starts mid-story.
CHAPO_LEDE = (
    "The prime minister of Norland said on Thursday that the army had put down a mutiny "
    "at the northern naval base, hours after sailors seized the harbour radio station."
)
CHAPO_BODY = tuple(
    f"Paragraph {n} of the report tells how the sailors held the station and what the "
    "harbour crews heard on the radio before dawn."
    for n in range(6)
)


def chapo_page(standfirst: str, *, description: str | None = None, after: bool = False) -> str:
    described = standfirst if description is None else description
    dek = f"<div class='t-content__chapo'>{standfirst}</div>"
    body = f"<div class='t-content__body'>{paragraphs_html(CHAPO_BODY)}</div>"
    return (
        "<html><head><title>Norland crushes naval mutiny</title>"
        f"<meta name='description' content='{described}'></head><body><main><article>"
        "<h1>Norland crushes naval mutiny</h1>"
        f"{body + dek if after else dek + body}"
        "</article></main></body></html>"
    )


def test_a_standfirst_that_is_the_lede_leads_the_text() -> None:
    article = extract_article(chapo_page(CHAPO_LEDE), "https://news.example/a")

    assert article is not None
    assert article.paragraphs[0] == CHAPO_LEDE
    assert article.paragraphs[1:] == CHAPO_BODY


@pytest.mark.parametrize(
    ("case", "standfirst", "description", "after"),
    [
        # A feature's dek says no day: a teaser, not the news.
        ("no day", "There is a lesson about mutinies hiding in the way the northern "
         "sailors were treated by the admirals for years.", None, False),
        # "the pause": read alone, nobody knows what; it sums up the headline.
        ("leans on the headline", "Mediators from two neighbours say the pause, starting "
         "on Saturday, will let aid reach the besieged northern harbour towns.", None, False),
        # Shown on the page but not what the page tells search engines.
        ("not the description", CHAPO_LEDE, "Norland's navy in turmoil.", False),
        # Below the body's start it is a box of another kind.
        ("after the body", CHAPO_LEDE, None, True),
    ],
)  # fmt: skip
def test_a_standfirst_that_is_not_the_lede_stays_out(
    case: str, standfirst: str, description: str | None, after: bool
) -> None:
    html = chapo_page(standfirst, description=description, after=after)

    article = extract_article(html, "https://news.example/a")

    assert article is not None
    assert article.paragraphs == CHAPO_BODY


def test_a_standfirst_the_body_retells_stays_out() -> None:
    retold = (
        "The prime minister of Norland said on Thursday that the army had put down the "
        "mutiny of sailors at the northern naval base and seized back the radio station.",
        *CHAPO_BODY,
    )
    html = chapo_page(CHAPO_LEDE).replace(paragraphs_html(CHAPO_BODY), paragraphs_html(retold))

    article = extract_article(html, "https://news.example/a")

    assert article is not None
    assert article.paragraphs == retold


def shell_page(article_body: str, *, free: str | None = None) -> str:
    """A page that builds its body in the browser: the text is only in its JSON-LD."""
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour board sells its ferries",
        "articleBody": article_body,
    }
    if free is not None:
        ld["isAccessibleForFree"] = free
    return (
        "<html><head><title>Harbour board sells its ferries</title>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>"
        "<body><div id='root'></div><noscript>Please enable JavaScript to read this "
        "article.</noscript><script src='/app.js'></script></body></html>"
    )


def test_a_javascript_shell_gives_the_text_of_its_json_ld() -> None:
    plain = "\n\n".join(STORY)
    as_html = "".join(f"<p>{p.replace('’', '&#8217;')}</p>" for p in STORY)

    for body in (plain, as_html):
        article = extract_article(shell_page(body), "https://wire.example/a")

        assert article is not None, body[:40]
        assert article.paragraphs == STORY


def test_a_plain_json_ld_body_keeps_its_angle_brackets() -> None:
    body = "\n\n".join((*STORY, "Rates stayed below 3% < 4% while growth held > 1% all year."))

    article = extract_article(shell_page(body), "https://wire.example/a")

    assert article is not None
    assert article.paragraphs[-1] == "Rates stayed below 3% < 4% while growth held > 1% all year."


@pytest.mark.parametrize(
    ("case", "body", "free"),
    [
        ("behind the paywall", "\n\n".join(STORY), "False"),
        (
            "behind the paywall, as schema.org writes it",
            "\n\n".join(STORY),
            "https://schema.org/False",
        ),
        ("cut short", "\n\n".join(STORY)[:400] + "...", None),
    ],
)
def test_a_json_ld_body_that_is_not_the_free_whole_text_is_not_used(
    case: str, body: str, free: str | None
) -> None:
    assert extract_article(shell_page(body, free=free), "https://wire.example/a") is None


def test_a_read_more_from_the_outlet_label_and_its_headlines_go() -> None:
    html = (
        "<html><head><title>Ferry fares to rise</title></head><body><article>"
        f"{paragraphs_html(STORY[:3])}<p>Read more from the Gazette:</p>"
        "<p><a href='/a'>Rail yard fire was arson, police say</a></p>"
        "<p><a href='/b'>Mayor: 'We did everything we could'</a></p>"
        f"{paragraphs_html(STORY[3:])}</article></body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert article.paragraphs == STORY


def test_a_box_of_other_news_with_summaries_goes() -> None:
    # trafilatura drops the box's linked headings and would keep their summaries as
    # the report's closing paragraphs.
    box = (
        "<div class='other-news'><h3>In other news</h3><ul>"
        "<li><h4><a href='/a'>Port workers end their strike</a></h4>"
        "<p>Dock workers in the northern port returned to work on Thursday after the "
        "union accepted a pay offer of six percent.</p></li>"
        "<li><h4><a href='/b'>Currency slips against the dollar</a></h4>"
        "<p>The currency weakened for a third day on Friday as investors waited for "
        "the central bank's decision.</p></li></ul></div>"
    )
    html = (
        "<html><head><title>Council backs rail-yard park</title></head><body><article>"
        f"{paragraphs_html()}{box}<p>READ: Mayor promises more cycle lanes by 2026</p>"
        "<p><strong>Disclaimer:</strong> The comments uploaded on this site do not "
        "necessarily represent the views of the management.</p></article></body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert article.paragraphs == STORY


def test_a_box_with_two_labelled_headings_goes_once() -> None:
    # "Trending" and "You May Also Like" in one sidebar: the first heading takes the box
    # with it, and the page is still read.
    box = (
        "<aside class='sidebar'><h3>Trending</h3><ul>"
        "<li><a href='/a'>Port workers end their strike</a></li></ul>"
        "<h3>You May Also Like</h3><ul>"
        "<li><a href='/b'>Currency slips against the dollar</a></li></ul></aside>"
    )
    html = (
        "<html><head><title>Council backs rail-yard park</title></head><body><article>"
        f"{paragraphs_html()}</article>{box}</body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert article.paragraphs == STORY


def test_a_box_so_labelled_that_holds_most_of_the_page_stays() -> None:
    html = (
        "<html><head><title>Council backs rail-yard park</title></head><body>"
        f"<div class='story'><h2>Latest news</h2>{paragraphs_html()}</div></body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert article.paragraphs[-len(STORY) :] == STORY


def test_a_video_page_under_a_menu_is_its_blurb_and_not_its_playlist() -> None:
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("News", "Politics", "World"))
    html = (
        "<html><head><title>Video shows the flooded market</title></head><body>"
        f"<nav><ul>{menu}</ul></nav><main><div class='player'><span>Play</span>"
        "<span>00:41</span></div><h1>Video shows the flooded market</h1>"
        "<p>Phone video from the old market shows water rising over the stalls as the "
        "river burst its banks on Tuesday.</p>"
        "<section class='playlist'><h2>Up next</h2><ul>"
        "<li>Evening News Full Broadcast (December 2nd)</li>"
        "<li>Watch: the prime minister addresses the Senate before losing the vote</li>"
        "<li>Japan and NATO sign a deal on a Tokyo office</li></ul></section>"
        "</main></body></html>"
    )

    article = extract_article(html, "https://tv.example/video/1")

    # Too short to be a report: the caller reads the feed's description instead.
    assert article is None or ("NATO" not in article.text and "Politics" not in article.text)


def test_a_page_laid_out_in_a_table_reads_as_paragraphs() -> None:
    html = (
        "<html><head><title>Council backs rail-yard park</title></head><body>"
        "<table width='100%'><tr><td class='leftCol'><h1>Council backs rail-yard park</h1>"
        "<div class='date'><span>AFP</span> , Wednesday 2 Dec 2026</div>"
        f"<div class='article'>{paragraphs_html()}</div></td>"
        "<td class='rightCol'><h3>Most Read</h3><ul><li><a href='/a'>Mayor promises more "
        "cycle lanes</a></li></ul></td></tr></table></body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert article.paragraphs[-len(STORY) :] == STORY
    assert "|" not in article.text


def test_a_data_table_in_a_report_stays_a_table() -> None:
    table = (
        "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Greens</td><td>12</td></tr>"
        "<tr><td>Liberals</td><td>9</td></tr></table>"
    )
    html = (
        "<html><head><title>Council backs rail-yard park</title></head><body><article>"
        f"{paragraphs_html()}{table}</article></body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert "Greens" in article.text and "|" in article.text


def test_a_page_without_paragraph_tags_keeps_its_text_under_a_latest_news_heading() -> None:
    body = "<br><br>".join(STORY)
    html = (
        "<html><head><title>Council backs rail-yard park</title></head><body>"
        f"<div class='col'><h2>Latest news</h2><div class='story'>{body}</div></div>"
        "</body></html>"
    )

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert STORY[0] in article.text


def test_a_data_table_with_paragraphs_in_its_cells_stays_a_table() -> None:
    rows = "".join(
        f"<tr><td><p>{name}</p></td><td><p>{vote}</p></td></tr>"
        for name, vote in (("Ana Lee", "For"), ("Tom Roe", "Against"), ("Eva Hart", "For"))
    )
    layout = (
        "<table><tr><td><h1>Council backs rail-yard park</h1>"
        f"{paragraphs_html()}<table>{rows}</table></td></tr></table>"
    )
    head = "<head><title>Council backs rail-yard park</title></head>"
    html = f"<html>{head}<body>{layout}</body></html>"

    article = extract_article(html, "https://gazette.example/a")

    assert article is not None
    assert STORY[0] in article.text
    # The vote table inside the laid-out page keeps its rows.
    assert any("Ana Lee" in line and "For" in line for line in article.text.splitlines())


def test_an_amp_copy_names_its_articles_own_address_on_the_same_site() -> None:
    body = "<p>" + "The harbour board said on Monday that the new ferry fares start in May. " * 6
    page = (
        '<html lang="en" amp><head><link rel="canonical" href="/news/ferry-fares/">'
        "<title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
        f"{body}</p></article></body></html>"
    )
    amp = "https://harbour.example/news/ferry-fares/lite/"
    found = extract_article(page, amp)
    assert found is not None and found.canonical == "https://harbour.example/news/ferry-fares/"
    # Not a page that is no AMP copy, nor a canonical link to another site (a republished
    # piece names its first outlet so).
    plain = page.replace(" amp>", ">")
    assert extract_article(plain, amp).canonical == ""  # type: ignore[union-attr]
    elsewhere = page.replace('href="/news/ferry-fares/"', 'href="https://wire.example/ferry"')
    assert extract_article(elsewhere, amp).canonical == ""  # type: ignore[union-attr]


def test_an_articles_next_page_is_its_own_address_one_page_on() -> None:
    body = "<p>" + "The harbour board said on Monday that the new ferry fares start in May. " * 6
    story = "https://harbour.example/news/ferry-fares-rise"

    def next_of(url: str, href: str, where: str = "link") -> str:
        link = (
            f'<link rel="next" href="{href}">'
            if where == "link"
            else f'<a class="next" rel="nofollow next" href="{href}">Next page</a>'
        )
        page = (
            f"<html><head><title>Ferry fares rise</title>{link if where == 'link' else ''}"
            f"</head><body><article><h1>Ferry fares rise</h1>{body}</p>"
            f"{link if where != 'link' else ''}</article></body></html>"
        )
        found = extract_article(page, url)
        assert found is not None
        return found.next_page

    # A page number in the path or the query, from the head or the pager.
    assert next_of(story, "/news/ferry-fares-rise/2/") == f"{story}/2/"
    assert next_of(f"{story}/2/", "../3/", "a") == f"{story}/3/"
    assert next_of(f"{story}?ref=rss", f"{story}?ref=rss&page=2", "a") == (
        f"{story}?ref=rss&page=2"
    )
    assert next_of(f"{story}/page/2", f"{story}/page/3") == f"{story}/page/3"
    # An article named by its id numbers its pages in words.
    by_id = "https://harbour.example/news/asean/40061877"
    assert next_of(by_id, f"{by_id}/page/2/") == f"{by_id}/page/2/"
    # The site's next article is no next page: another slug ("-2" is a CMS's second
    # article of one name), another id, another site, or no page on from this one.
    for url, href in (
        ("https://harbour.example/?p=48213", "https://harbour.example/?p=48214"),
        (story, "/news/port-strike-ends"),
        (story, f"{story}-2"),
        ("https://harbour.example/news/1234", "/news/1235"),
        ("https://harbour.example/news/12", "/news/13"),
        (story, "https://wire.example/news/ferry-fares-rise/2/"),
        (f"{story}/3/", f"{story}/2/"),
        (story, "javascript:next()"),
    ):
        assert next_of(url, href) == "", (url, href)


def test_the_pages_headline_is_read_decoded_and_never_a_slug() -> None:
    body = "Garment workers blocked the ring road for five hours on Wednesday. " * 6
    page = (
        "<html><head><title>ring-road-blocked</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Workers&#8217; protest blocks ring road &amp; port"}</script>'
        f"</head><body><article><h1>Workers block road</h1><p>{body}</p></article></body></html>"
    )
    extracted = extract_article(page.encode(), "https://example.org/news/ring-road-blocked")
    assert extracted is not None
    assert extracted.title == "Workers’ protest blocks ring road & port"
    slugged = page.replace(
        "Workers&#8217; protest blocks ring road &amp; port", "ring-road-blocked"
    )
    again = extract_article(slugged.encode(), "https://example.org/news/ring-road-blocked")
    assert again is not None and again.title == "Workers block road"


def test_a_first_word_set_in_capitals_is_written_as_the_text_writes_it() -> None:
    story = (
        "LEADER of the Opposition Matthew Wale has demanded that the Prime Minister table "
        "the policing agreement when Parliament resumes sitting on Tuesday.",
        "NATO said on Monday that it had no plans to open an office in the islands, and "
        "the Leader of the Opposition welcomed the statement.",
        "SADC leaders meeting in Gaborone approved the monitors' mandate on Friday.",
    )
    article = extract_article(widget_page(body=paragraphs_html(story)))
    assert article is not None
    # "Leader" is the text's own word; "NATO" and "SADC" it writes no other way.
    assert article.paragraphs == (f"Leader{story[0][6:]}", *story[1:])
    # A small word after it is the style's sign; an acronym the text writes inside its
    # sentences stays, whatever follows it.
    story = (
        "PRIME Minister Ana Lind has called a snap election, the Prime Minister's office said.",
        "NATO has offered to send observers, and Lind told NATO envoys she welcomed it.",
        "THE opposition said it would boycott the vote unless the roll was checked.",
    )
    article = extract_article(widget_page(body=paragraphs_html(story)))
    assert article is not None
    assert article.paragraphs == (f"Prime{story[0][5:]}", story[1], f"The{story[2][3:]}")
    # A function word no acronym is spelt as, whether or not the text writes it elsewhere.
    story = (
        "WITH the dry season setting in, many households in the capital are dealing with "
        "hot nights and rising power bills.",
        "AFTER weeks of talks, the unions and the ministry agreed a new timetable on Friday "
        "for the repair of the grid's oldest substations.",
        "The power company said the first substations would be repaired before the rains, "
        "and that households could expect fewer cuts from the end of the month.",
    )
    article = extract_article(widget_page(body=paragraphs_html(story)))
    assert article is not None
    assert article.paragraphs == (f"With{story[0][4:]}", f"After{story[1][5:]}", story[2])
    # Before an ordinal too: "THE 26th round of talks ...".
    story = (
        "THE 26th round of boundary talks between Vell and Ostland opened in the capital "
        "yesterday, with both sides agreeing to continue work on the three-step roadmap.",
        "The Vell delegation is led by the foreign minister, and Ostland's by a deputy "
        "foreign minister, the ministry said in a statement after the first session.",
    )
    article = extract_article(widget_page(body=paragraphs_html(story)))
    assert article is not None
    assert article.paragraphs[0] == f"The{story[0][3:]}"
    # A name's possessive, and a name before a team's number ("VELL 7s").
    story = (
        "OSTLAND'S foreign minister has told Vell that his country's islands will not be "
        "bought, sold or traded, at a meeting with the Vell cabinet on Thursday.",
        "VELL 7s coach Ana Lind named a squad of fourteen for the Perth leg of the series, "
        "and Ostland named its squad a day later for the same tournament.",
    )
    article = extract_article(widget_page(body=paragraphs_html(story)))
    assert article is not None
    assert article.paragraphs == (f"Ostland's{story[0][9:]}", f"Vell{story[1][4:]}")
    # A short acronym stays, whatever words the text writes alike.
    story = (
        "WHO officials, who arrived in the district on Monday with two planeloads of "
        "vaccines, said the outbreak was contained and schools could reopen next week.",
        "US and Chinese negotiators met us at the hotel on the harbour front, the "
        "delegation said, and agreed to resume talks on tariffs and port fees.",
        "PM Modi said at 6 pm that talks with both delegations would resume on Friday "
        "and that he expected a joint statement before the weekend.",
        "CARE International said health care workers had reached the district on Friday "
        "with two lorries of supplies.",
    )
    article = extract_article(widget_page(body=paragraphs_html(story)))
    assert article is not None
    assert article.paragraphs == story


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("<p class='updated'>Updated: January 10, 2027, 9:15 a.m.</p>", True),
        ("<span>Last updated 10 Jan 2027</span>", True),
        ("<p><em>Editor's note: This story has been updated to add a vote.</em></p>", True),
        # A site's notice, or the word in a headline, is no update of the report.
        ("<div class='cookie'>We have updated our privacy policy.</div>", False),
        ("<p>Get updates from the harbour in your inbox.</p>", False),
        ("<p>The agency's report was updated on Thursday with new figures.</p>", False),
        # Another story's stamp in a sidebar, a notice's date.
        ("<aside><p>Ferry strike ends · Updated 2 hours ago</p></aside>", False),
        ("<div class='cookie-notice'><p>Last updated 12 May 2025</p></div>", False),
    ],
)
def test_a_page_shows_its_update_above_or_beside_the_body(line: str, shown: bool) -> None:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    html = (
        f"<html><head><title>Park</title></head><body>{line}<article>{body}</article></body></html>"
    )
    extracted = extract_article(html, "https://paper.example/news/fares")
    assert extracted is not None
    assert extracted.update_shown is shown


def _interview_page(questions: tuple[str, ...], headline: str) -> str:
    answers = (
        "We were consulted, and more closely than in the past. The package was shaped by "
        "what our own hunters and fishermen see on the ice every winter.",
        "It is a start. For many years the north was where everyone planned and nobody "
        "spent, and now the ships and the radar are finally being paid for.",
        "On fisheries and on minerals we already decide for ourselves, within the self-rule "
        "act, and we will keep doing so whatever the capitals say.",
    )
    body = "".join(
        f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in zip(questions, answers, strict=True)
    )
    return (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>Vell's foreign minister spoke to the Courier by video on Thursday.</p>{body}"
        "</article></body></html>"
    )


def test_an_interviews_questions_are_the_interviewers_and_left_out() -> None:
    questions = (
        "Q: The ministry says the package was written with you. Was it?",
        "Q: Is the money enough?",
        "Q: Would you negotiate without the capital?",
    )
    article = extract_article(_interview_page(questions, "Vell's minister on the north"))
    assert article is not None
    assert not any("?" in paragraph for paragraph in article.paragraphs)
    assert any(p.startswith("It is a start.") for p in article.paragraphs)
    # Unlabelled, on a page its headline calls an interview: left out too.
    plain = tuple(q.removeprefix("Q: ") for q in questions)
    article = extract_article(_interview_page(plain, "Interview: Vell's minister on the north"))
    assert article is not None
    assert not any("?" in paragraph for paragraph in article.paragraphs)
    # An explainer's bold questions head its answers: kept, also where it is about an
    # interview.
    for headline in (
        "What we know about the north package",
        "Explainer: What the minister's TV interview means for the north",
    ):
        article = extract_article(_interview_page(plain, headline))
        assert article is not None
        assert sum("?" in paragraph for paragraph in article.paragraphs) == 3
