"""Rendering: templates, MJML compilation, the text part and the .eml message."""

from __future__ import annotations

import dataclasses
import email
import email.message
import email.policy
import html as html_module
import itertools
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import mjml
import pytest

from digest.config import NewsletterConfig
from digest.errors import TemplateError
from digest.inbox import short_headline, subject_line
from digest.models import (
    ELSEWHERE,
    Issue,
    Perspective,
    Problem,
    RenderedIssue,
    Sentence,
    Source,
    Stage,
    StoryId,
    StoryStatus,
    StorySummary,
    TakeOrigin,
    TopicSection,
    WatchItem,
)
from digest.palette import contrast_ratio, palettes
from digest.render import (
    check_frame,
    check_issue,
    check_size,
    render_issue,
    render_issue_isolated,
)
from digest.templating import default_templates_dir, template_environment

TEMPLATES = default_templates_dir()
CHECKER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check_email.py"
OUTLETS = (
    "The Atlantic Ledger",
    "Northern Courier",
    "Le Quotidien du Matin",
    "Harbour City Post",
    "Westbrook Gazette",
)
TOPICS = ("Climate & Energy", "Europe", "Technology", "Health")


def make_newsletter(**changes: object) -> NewsletterConfig:
    data: dict[str, object] = {
        "name": "The Weekly Brief",
        "from": "The Weekly Brief <brief@news.example.org>",
        "unsubscribe": "https://news.example.org/unsubscribe?list=weekly",
        "postal_address": "Example Media, 1 Rue de la Loi, 1000 Brussels, Belgium",
        "web_url": "https://news.example.org/archive",
    }
    data.update(changes)
    return NewsletterConfig.model_validate(data)


def make_story(n: int, *, status: StoryStatus = StoryStatus.NEW, sources: int = 3) -> StorySummary:
    """A realistic story ranked ``n``: three outlets, two perspectives, a take on odd
    stories."""
    published = datetime(2024, 5, 1, 8, 0, tzinfo=UTC) + timedelta(hours=7 * n)
    made = tuple(
        Source(
            outlet=OUTLETS[(n + i) % len(OUTLETS)],
            title=f"Officials weigh the next step in negotiation round {n} (part {i + 1})",
            url=f"https://outlet{(n + i) % len(OUTLETS)}.example.com/2024/05/story-{n}-{i}",
            published=published + timedelta(hours=i),
        )
        for i in range(sources)
    )
    return _story_text(n, made, status)


def _story_text(n: int, sources: tuple[Source, ...], status: StoryStatus) -> StorySummary:
    briefly = (
        Sentence(
            f"Negotiators from twelve countries agreed on Tuesday to a draft framework "
            f"for story number {n}, after three days of talks that ran past midnight.",
            sources[0].url,
        ),
        Sentence(
            "The text still needs approval from national parliaments, which is "
            "expected to take until the autumn at the earliest.",
            sources[1].url,
        ),
    )
    perspectives = (
        Perspective(
            "The lead negotiator",
            "the deal is the best that could be reached and protects smaller members.",
            sources[0].url,
            sources[0].outlet,
        ),
        Perspective(
            "Opposition leaders",
            "the framework shifts costs onto households and was rushed through.",
            sources[2].url,
            sources[2].outlet,
        ),
    )
    also = (
        Sentence("Markets barely moved on the news; bond yields ended flat.", sources[1].url),
        Sentence("A similar agreement collapsed in 2019 over enforcement.", sources[2].url),
    )
    has_take = n % 2 == 1
    return StorySummary(
        story_id=StoryId(f"story-{n:02d}"),
        headline=f"Twelve countries agree draft framework on shared grid ({n})",
        briefly=briefly,
        perspectives=perspectives,
        also_worth_noting=also,
        sources=sources,
        take="Expect the parliamentary votes to be closer than the ministers suggest."
        if has_take
        else "",
        take_origin=TakeOrigin.EDITOR if has_take else TakeOrigin.MISSING,
        status=status,
        rank=n,
    )


def make_issue(
    stories: int = 12,
    *,
    issue_date: date = date(2024, 5, 6),
    extra: tuple[StorySummary, ...] = (),
    sources: int = 3,
) -> Issue:
    """An issue of ``stories`` stories spread over four topics, plus ``extra`` in the first."""
    made = [
        make_story(n, status=StoryStatus.UPDATE if n == 2 else StoryStatus.NEW, sources=sources)
        for n in range(1, stories + 1)
    ]
    sections = []
    for t, name in enumerate(TOPICS):
        picked = tuple(made[t :: len(TOPICS)])
        if t == 0:
            picked = extra + picked
        if picked:
            sections.append(TopicSection(name, t < 3, picked))
    end = datetime.combine(issue_date, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
    return Issue(
        newsletter="The Weekly Brief",
        issue_date=issue_date,
        window_start=end - timedelta(days=7),
        window_end=end,
        topics=tuple(sections),
        problems=(
            Problem(
                Stage.FETCH, "Harbour City Post", "feed Harbour City Post returned 503; skipped"
            ),
        ),
        generated_at=end,
    )


@dataclass(frozen=True, slots=True)
class NewsItem:
    """An "Also in the news" item with the fields the story-assembly stage (issue 15)
    gives its ``models.Brief``: a one-outlet story's headline, outlet, link, lead."""

    story_id: StoryId
    headline: str
    outlet: str
    url: str
    sentence: str
    published: datetime


@dataclass(frozen=True, slots=True)
class IssueWithNews(Issue):
    """An Issue carrying ``also_in_the_news``. The story-assembly stage adds that field
    to Issue itself (issue 15); until it is on this branch, tests make one this way."""

    also_in_the_news: tuple[NewsItem, ...] = ()


def news_items(count: int = 6) -> tuple[NewsItem, ...]:
    return tuple(
        NewsItem(
            story_id=StoryId(f"brief-{n:02d}"),
            headline=f"Harbour strike enters its {n + 2}nd day in the north",
            outlet=OUTLETS[n % len(OUTLETS)],
            url=f"https://outlet{n % len(OUTLETS)}.example.com/2024/05/brief-{n}",
            sentence="Dock workers say they will stay out until the pay offer improves.",
            published=datetime(2024, 5, 4, 9, 0, tzinfo=UTC),
        )
        for n in range(count)
    )


def watch_items(issue_date: date = date(2024, 5, 6)) -> tuple[WatchItem, ...]:
    return (
        WatchItem(
            month=date(2024, 5, 1),
            day=date(2024, 5, 14),
            text="Ministers are due to vote on the grid framework on 14 May.",
            outlet=OUTLETS[1],
            url="https://outlet1.example.com/2024/05/story-1-0",
            story_id=StoryId("story-01"),
        ),
        WatchItem(
            month=date(2025, 1, 1),
            day=None,
            text="The agreement is expected to take effect in January.",
            outlet=OUTLETS[2],
            url="https://outlet2.example.com/2024/05/story-3-1",
            story_id=StoryId("story-03"),
        ),
    )


def make_full_issue(stories: int = 12, *, extra: tuple[StorySummary, ...] = ()) -> Issue:
    """Every part of the house style: stories, takes, Also in the news, What to watch."""
    base = replace(make_issue(stories, extra=extra), watch=watch_items(), number=42)
    # Once Issue has the field itself (issue 15), the subclass only restates it.
    fields = {f: getattr(base, f) for f in Issue.__dataclass_fields__ if f != "also_in_the_news"}
    return IssueWithNews(**fields, also_in_the_news=news_items())


HOSTILE_HEADLINE = "<script>alert(1)</script> {{ 7*7 }} {% raw %} ends here"
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitän" * 6
RTL = "שלום עולם مرحبا بالعالم"


def hostile_story() -> StorySummary:
    base = make_story(99)
    return StorySummary(
        story_id=StoryId("hostile"),
        headline=HOSTILE_HEADLINE,
        briefly=(Sentence(f"Inline <b>bold</b> & {{{{ 7*7 }}}} and {RTL} 📰🔥 {LONG_WORD}.", "x"),),
        perspectives=(
            Perspective(
                "<img src=x onerror=alert(1)>",
                "says {% raw %}hi",
                "javascript:alert(1)",
                "Evil Outlet",
            ),
        ),
        also_worth_noting=(Sentence("{{ config }} stays literal", "data:text/html,hi"),),
        sources=(
            Source(
                "Evil Outlet",
                "<script>x</script>",
                "javascript:alert(document.cookie)",
                base.sources[0].published,
            ),
            Source(
                "Good Outlet",
                "Fine",
                "https://good.example.com/a?b=1&c=2",
                base.sources[0].published,
            ),
        ),
        take="{{ 7*7 }}",
        take_origin=TakeOrigin.LLM,
    )


def run_checker(path: Path, *extra: str) -> dict[str, object]:
    if not CHECKER.exists():
        pytest.skip(f"email checker not found at {CHECKER}")
    result = subprocess.run(
        [sys.executable, str(CHECKER), "--json", *extra, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    report: dict[str, object] = json.loads(result.stdout)
    return report


def failures(report: dict[str, object]) -> list[dict[str, str]]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return [c for c in checks if c["status"] == "FAIL"]


def parse(eml: bytes) -> email.message.EmailMessage:
    message = email.message_from_bytes(eml, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


@pytest.fixture(scope="module")
def full() -> RenderedIssue:
    return render_issue(make_issue(12), make_newsletter())


@pytest.mark.parametrize("stories", [3, 12])
def test_checker_passes(tmp_path: Path, stories: int) -> None:
    rendered = render_issue(make_issue(stories), make_newsletter())
    path = tmp_path / "email.eml"
    path.write_bytes(rendered.eml)
    report = run_checker(path)
    assert failures(report) == []
    counts = report["counts"]
    assert isinstance(counts, dict)
    assert counts["failed"] == 0
    assert counts["warnings"] == 0


def test_full_issue_fits_gmail(full: RenderedIssue) -> None:
    assert len(full.html.encode()) < 90 * 1024
    assert check_size(full) == ()


def test_a_60_story_week_is_shortened_to_fit_gmail_and_the_web_keeps_everything() -> None:
    issue = make_issue(60, sources=7)
    rendered = render_issue(issue, make_newsletter())
    size = len(rendered.html.encode())
    assert size <= 90 * 1024 and check_size(rendered) == ()
    # The opening's five stories keep four sources and every note; later ones lose
    # sources first, and point to the web version for the rest.
    first, later = _story_html(rendered.html, 1), _story_html(rendered.html, 40)
    assert first.count("(part ") == 0 and _source_links(first) == 4
    assert "A similar agreement collapsed" in first
    assert _source_links(later) < 4
    assert re.search(
        r'and <a href="https://news\.example\.org/archive/2024-05-06/#story-40"[^>]*>\d more</a>',
        later,
    )
    # The web version holds all seven sources of every story, with their titles.
    web_later = _story_html(rendered.web_html, 40)
    assert _source_links(web_later) == 7 and "(part 7)" in web_later
    assert len(rendered.web_html.encode()) > size


def test_a_shortened_email_with_no_web_version_tells_the_editors() -> None:
    big, whole = make_issue(60, sources=7), make_issue(12)
    without_web = make_newsletter(web_url=None)
    shortened = render_issue(big, without_web)
    problems = [p for p in check_issue(shortened, without_web) if "web_url" in p.message]
    assert len(problems) == 1
    assert shortened.shortened and f"holds only {shortened.shortened}" in problems[0].message
    # With a web version the email links to the rest; an issue that fits needs none.
    with_web = make_newsletter()
    assert not [
        p for p in check_issue(render_issue(big, with_web), with_web) if "web_url" in p.message
    ]
    assert not [
        p
        for p in check_issue(render_issue(whole, without_web), without_web)
        if "web_url" in p.message
    ]


def test_without_a_web_version_the_email_lists_every_source() -> None:
    # "and 3 more" with nothing to click hides three outlets' reports from every reader.
    issue = make_issue(3, sources=7)
    without_web = render_issue(issue, make_newsletter(web_url=None))
    first = _story_html(without_web.html, 1)
    assert _source_links(first) == 7 and " more" not in first.split("Sources: ", 1)[1]
    assert without_web.shortened == ""
    # With one, the email shows four and links the rest in the web version.
    with_web = render_issue(issue, make_newsletter())
    assert _source_links(_story_html(with_web.html, 1)) == 4
    # The text part is never clipped: every source's link, either way, and no "more".
    for rendered in (without_web, with_web):
        sources_1 = rendered.text.split("\nSources:\n", 1)[1].split("\n\n", 1)[0]
        assert sources_1.count("https://outlet") == 7 and " more" not in sources_1


def test_an_issue_too_big_even_shortened_warns_with_its_size() -> None:
    long = " ".join(["The talks went on late into the night and resumed at dawn."] * 25)
    stories = tuple(
        replace(make_story(n), briefly=(Sentence(long, "https://a.example.com/x"),))
        for n in range(1, 41)
    )
    issue = make_issue(0, extra=stories)
    rendered = render_issue(issue, make_newsletter())
    problems = check_size(rendered)
    assert len(problems) == 1 and problems[0].stage is Stage.RENDER
    assert re.search(r"\d+\.\d KB even with source lists and notes shortened", problems[0].message)
    # It did shorten before warning: no notes after the opening, one source each.
    assert "Also worth noting" not in _story_html(rendered.html, 30)
    assert _source_links(_story_html(rendered.html, 30)) == 1


def _story_html(html: str, number: int) -> str:
    """The HTML of story ``number``, from its block to the next one."""
    start = html.index(f'id="story-{number}"')
    end = html.find('id="story-', start + 10)
    return html[start : end if end > 0 else len(html)]


def _source_links(story_html: str) -> int:
    sources = story_html.split("Sources: ", 1)[1].split("</p>", 1)[0]
    return len(re.findall(r'<a href="https://outlet', sources))


def test_email_layout(full: RenderedIssue) -> None:
    html = full.html
    assert '<html lang="en"' in html
    assert '<meta name="color-scheme" content="light dark"' in html
    assert "prefers-color-scheme: dark" in html
    assert "font-size:16px" in html
    assert "max-width:600px" in html
    assert "fonts.googleapis.com" not in html
    # Headings in order: one h1 (masthead), h2 for the opening and for each story.
    levels = re.findall(r"<h([1-6])\b", html)
    assert levels[0] == "1" and levels.count("1") == 1
    assert levels.count("2") == 1 + 12 and set(levels) == {"1", "2"}
    assert "Monday 6 May 2024" in html
    assert 'href="https://news.example.org/archive/2024-05-06/"' in html
    assert "Example Media, 1 Rue de la Loi" in html
    assert ">Unsubscribe</a>" in html
    # House style: numbered stories under topic kickers, labelled parts, dividers.
    for number in range(1, 13):
        assert f'id="story-{number}" class="nd-rule" style="border-top:1px solid' in html
        assert f'<span class="nd-accent" style="color:#a8361b">{number}.</span>' in html
    assert html.count('class="nd-kicker"') == 12 + 1  # 12 stories and the opening
    assert ">Climate &amp; Energy</p>" in html and "text-transform:uppercase" in html
    assert "<strong>Briefly:</strong>" in html
    assert html.count("<strong>Who says what</strong>") == 12
    assert "<strong>The lead negotiator:</strong>" in html
    assert "<strong>Also worth noting</strong>" in html
    assert re.search(r">The Atlantic Ledger</a> \(\d\u00a0May\)", html)
    assert "click here" not in html.lower()
    # Takes only where one was written (stories 1, 3, 5, ...), each in a tinted box.
    assert html.count('class="nd-take" style="margin:0 0 12px;padding:12px 16px;background:') == 6
    assert html.count(">Our take:</strong>") == 6
    assert html.count(">Update</span>") == 1


def test_stories_print_by_rank_keeping_the_editors_order_within_a_topic() -> None:
    # Ranks 1..6 over two topics; the editors put story 5 first in "Europe" (a pin).
    europe = tuple(make_story(n) for n in (5, 2, 4))
    climate = tuple(make_story(n) for n in (1, 3, 6))
    issue = replace(
        make_issue(0),
        topics=(TopicSection("Europe", True, europe), TopicSection("Climate", True, climate)),
    )
    rendered = render_issue(issue, make_newsletter())
    printed = re.findall(r"shared grid \((\d+)\)</h2>", rendered.html)
    # Places by rank: Climate holds 1, 3, 6 and Europe 2, 4, 5, which it fills in its
    # own order: 5, 2, 4.
    assert printed == ["1", "5", "3", "2", "4", "6"]
    kickers = re.findall(r'class="nd-kicker" style="[^"]*">([^<]+)</p>', rendered.html)
    assert kickers == ["Climate", "Europe", "Climate", "Europe", "Europe", "Climate"]


def test_a_story_with_no_topic_prints_no_kicker() -> None:
    # "Elsewhere" says only that a story has no topic; above the issue's lead story a
    # reader takes it for "minor". The text part drops it too.
    issue = replace(
        make_issue(0),
        topics=(
            TopicSection(ELSEWHERE, False, (make_story(1),)),
            TopicSection("Climate", True, (make_story(2),)),
        ),
    )
    rendered = render_issue(issue, make_newsletter())

    kickers = re.findall(r'class="nd-kicker" style="[^"]*">([^<]+)</p>', rendered.html)
    assert kickers == ["Climate"]
    assert "ELSEWHERE" not in rendered.text and "Elsewhere" not in rendered.text
    # The text part labels the story's topic under its title, as a part of it: in
    # capitals above the title it read as a section heading over the stories after it.
    assert re.search(r"\n2\. [^\n]+\n-+\nTopic: Climate\n", rendered.text)
    assert rendered.text.count("Topic:") == 1


def test_the_opening_lists_the_top_five_linked_to_their_stories(full: RenderedIssue) -> None:
    html = full.html
    opening = html.split("The week in 60 seconds", 1)[1].split("</ol>", 1)[0]
    assert "29 April – 6 May 2024 · " in opening and "-minute read" in opening
    items = re.findall(r'<li dir="auto"><a href="([^"]+)"[^>]*>([^<]+)</a></li>', opening)
    assert [href for href, _ in items] == [
        f"https://news.example.org/archive/2024-05-06/#story-{n}" for n in range(1, 6)
    ]
    assert items[0][1].endswith("(1)")
    # The table of topic counts it replaces is gone.
    assert "In this issue" not in html and "stories)" not in html
    # The web version links within the page.
    assert 'href="#story-1"' in full.web_html and 'href="#' not in html
    # Without a web version the lines are plain text (no link that goes nowhere).
    plain = render_issue(make_issue(12), make_newsletter(web_url=None)).html
    assert "#story-1" not in plain and '<li dir="auto">Twelve countries' in plain


def test_subject_names_the_top_stories_and_preheader_teases_the_rest(full: RenderedIssue) -> None:
    assert full.subject == "Twelve countries agree draft framework on shared grid (1)"
    assert len(full.subject) <= 60 and "The Weekly Brief" not in full.subject
    assert full.preheader == (
        "Plus: Twelve countries agree draft framework on shared grid (2) · "
        "Twelve countries agree draft framework on shared grid (3)"
    )
    head = full.html.split("<body", 1)[1].split("<h1", 1)[0]
    assert full.preheader in head and "mso-hide:all" in head and "display:none" in head
    assert full.preheader not in full.web_html
    assert "View in your browser" not in full.web_html
    short = [
        replace(make_story(n), headline=h)
        for n, h in enumerate(
            ("France's government on the brink", "Russia sues Euroclear", "Storm hits Luzon"), 1
        )
    ]
    rendered = render_issue(make_issue(0, extra=tuple(short)), make_newsletter())
    assert rendered.subject == "France's government on the brink; Russia sues Euroclear"
    assert rendered.preheader == "Plus: Storm hits Luzon"


def test_the_sources_shown_are_one_per_outlet_before_any_outlets_second() -> None:
    published = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    outlets = ["Alpha News", "Alpha News", "Alpha News", "Beta Post", "Gamma Wire", "Delta"]
    sources = tuple(
        Source(name, f"Report {i}", f"https://s{i}.example.com/a", published + timedelta(hours=i))
        for i, name in enumerate(sorted(outlets, key=str.lower))
    )
    story = _story_text(1, sources, StoryStatus.NEW)
    rendered = render_issue(make_issue(0, extra=(story,)), make_newsletter())

    line = rendered.html.split("Sources: ", 1)[1].split("</p>", 1)[0]
    for outlet in ("Beta Post", "Gamma Wire", "Delta"):
        assert f">{outlet}</a>" in line
    assert line.count(">Alpha News</a>") < 3 and " more" in line


def test_an_outlet_shown_twice_under_sources_is_told_apart_by_its_titles() -> None:
    published = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    sources = (
        Source("Alpha News", "Rahman sworn in", "https://a.example.com/1", published),
        # A title that ends with a full stop, as some outlets' do, loses it in the list.
        Source("Alpha News", "Why two parties stayed away.", "https://a.example.com/2", published),
        Source("Alpha News", "Talks with the U.S.", "https://a.example.com/3", published),
        Source("Beta Post", "New premier takes office", "https://b.example.com/1", published),
    )
    story = _story_text(1, sources, StoryStatus.NEW)
    rendered = render_issue(make_issue(0, extra=(story,)), make_newsletter())
    line = rendered.html.split("Sources: ", 1)[1].split("</p>", 1)[0]
    # "Alpha News; Alpha News" alone would not say which link is which.
    assert "“Rahman sworn in”" in line and "“Why two parties stayed away”;" in line
    assert "“Talks with the U.S.”" in line  # an abbreviation keeps its stop
    # An outlet shown once needs no title in the email (the web version has them all).
    assert "New premier takes office" not in line


def test_the_articles_briefly_is_taken_from_are_among_the_sources_shown() -> None:
    published = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    outlets = ["Alpha News", "Beta Post", "Gamma Wire", "Delta", "Epsilon", "Zeta", "Zeta"]
    sources = tuple(
        Source(name, f"Report {i}", f"https://s{i}.example.com/a", published + timedelta(hours=i))
        for i, name in enumerate(outlets)
    )
    story = _story_text(1, sources, StoryStatus.NEW)
    # Briefly quotes Zeta's second article and Epsilon's.
    briefly = (
        replace(story.briefly[0], source_url=sources[6].url),
        replace(story.briefly[1], source_url=sources[4].url),
    )
    rendered = render_issue(
        make_issue(0, extra=(replace(story, briefly=briefly),)), make_newsletter()
    )

    line = rendered.html.split("Sources: ", 1)[1].split("</p>", 1)[0]
    assert sources[6].url in line and sources[4].url in line and " more" in line
    assert sources[5].url not in line  # Zeta is shown once, by the article quoted
    assert sources[0].url in line  # then the other outlets, before a second of any


def test_a_shortened_headline_in_the_subject_keeps_half_its_names() -> None:
    # Cut before "for", the lead would read "Expectations are low": of what? Cut before
    # "between", "... the latest US-brokered talks": whose? Rather run long than lose them.
    headlines = [
        "Expectations are low for the latest US-brokered talks between Russia and Ukraine",
        "Popular anger burns in Iran after crackdown, as Trump turns up pressure",
    ]
    subject, named = subject_line(headlines)
    assert subject == headlines[0] and named == 1
    # Two of three names kept (NATO, Tokyo) is enough; one of two (Iran) too.
    assert (
        short_headline("NATO revives plan for a liaison office in Tokyo as China objects")
        == "NATO revives plan for a liaison office in Tokyo"
    )
    assert short_headline(headlines[1], 50) == "Popular anger burns in Iran after crackdown"
    # Not "NATO, Japan agree": what they agreed to do is the news.
    for verb in ("agree", "scramble", "race", "rush"):
        assert short_headline(
            f"NATO, Japan {verb} to open alliance’s first Asian liaison office in Tokyo"
        ) == (f"NATO, Japan {verb} to open alliance’s first Asian liaison office")
    # Not "..., forcing 300,000": the verb's object asks for its "to evacuate".
    assert (
        short_headline("Typhoon makes landfall in northern Luzon, forcing 300,000 to evacuate")
        == "Typhoon makes landfall in northern Luzon"
    )
    # Not "... as Ukraine talks move": where they move to is what the clause says.
    headline = "Russia presses demands, and faces pressure, as Ukraine talks move to Geneva"
    assert short_headline(headline) == headline
    assert short_headline("Pope heads to Lebanon on his first trip abroad as crowds gather") == (
        "Pope heads to Lebanon on his first trip abroad"
    )
    # Without any name in the headline, a phrase cut is still fine.
    headline = "Talks on the future of the old harbour bridge collapse over the cost"
    assert short_headline(headline) == "Talks on the future of the old harbour bridge collapse"


def test_text_part_reads_on_its_own(full: RenderedIssue) -> None:
    text = full.text
    assert text.startswith("The Weekly Brief\n================\nMonday 6 May 2024\n")
    assert "THE WEEK IN 60 SECONDS\n29 April – 6 May 2024 · " in text
    # The number with the headline, as in the HTML part, and the topic under it.
    assert re.search(
        r"\n1\. Twelve countries agree draft framework on shared grid \(1\)\n-+\n"
        r"Topic: Climate & Energy\n",
        text,
    )
    assert "Briefly: Negotiators" in text
    assert "Who says what:\n- The lead negotiator: the deal is" in text
    assert "Our take: Expect" in text
    assert "[Update] Twelve countries" in text
    assert "  https://outlet1.example.com/2024/05/story-1-0\n" in text
    assert "Unsubscribe: https://news.example.org/unsubscribe?list=weekly" in text
    assert "Reply to this email" in text
    for line in text.splitlines():
        assert len(re.sub(r"https?://\S+", "", line)) <= 78, line


def test_headers(full: RenderedIssue) -> None:
    message = parse(full.eml)
    assert message.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert message["Subject"] == full.subject
    assert message["From"] == "The Weekly Brief <brief@news.example.org>"
    assert message["To"] == "undisclosed-recipients:;"
    assert message["Date"] == "Mon, 06 May 2024 06:00:00 +0000"
    assert re.fullmatch(
        r"<2024-05-06\.[0-9a-f]{16}\.the-weekly-brief@news\.example\.org>",
        message["Message-ID"],
    )
    assert message["List-Id"] == "The Weekly Brief <the-weekly-brief.news.example.org>"
    assert message["List-Unsubscribe"] == "<https://news.example.org/unsubscribe?list=weekly>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_message_id_changes_with_the_issue_and_the_build_time_only() -> None:
    newsletter = make_newsletter()
    issue = make_issue(12)
    first = parse(render_issue(issue, newsletter).eml)["Message-ID"]
    assert parse(render_issue(issue, newsletter).eml)["Message-ID"] == first
    corrected = replace(issue, topics=issue.topics[1:])
    assert parse(render_issue(corrected, newsletter).eml)["Message-ID"] != first
    later = replace(issue, generated_at=issue.generated_at + timedelta(minutes=5))
    assert parse(render_issue(later, newsletter).eml)["Message-ID"] != first


def test_a_long_subject_reads_back_exactly_from_the_folded_header() -> None:
    for headline in (
        "Ministers from twelve countries agree a long framework on the shared grid at last",
        "Café talks in Zürich: “déjà vu” — 東京 🌍 and a long tail of words to fold",
    ):
        newsletter = make_newsletter(subject="{name}: {headline}")
        story = replace(make_story(1), headline=headline)
        rendered = render_issue(make_issue(0, extra=(story,)), newsletter)
        assert rendered.subject == f"The Weekly Brief: {headline}"
        assert parse(rendered.eml)["Subject"] == rendered.subject
        head = rendered.eml.split(b"\r\n\r\n", 1)[0]
        assert b"Subject:\r\n" not in head
        lines = head.split(b"\r\n")
        start = next(i for i, line in enumerate(lines) if line.startswith(b"Subject: "))
        folded = [lines[start]]
        folded += itertools.takewhile(lambda line: line.startswith(b" "), lines[start + 1 :])
        assert len(folded) >= 2 and all(len(line) <= 78 for line in folded)


def test_from_gets_the_newsletter_name_when_it_has_none() -> None:
    rendered = render_issue(make_issue(2), make_newsletter(**{"from": "brief@news.example.org"}))
    assert parse(rendered.eml)["From"] == "The Weekly Brief <brief@news.example.org>"


def test_subject_pattern_fills_only_known_fields() -> None:
    newsletter = make_newsletter(subject="{name} for {date}: {headline} {unknown}")
    story = replace(make_story(1), headline="Odd {name} braces {0}")
    issue = make_issue(0, extra=(story,))
    rendered = render_issue(issue, newsletter)
    assert rendered.subject == "The Weekly Brief for 6 May 2024: Odd {name} braces {0} {unknown}"


def test_mailto_unsubscribe_has_no_one_click_header() -> None:
    rendered = render_issue(make_issue(2), make_newsletter(unsubscribe="mailto:leave@example.org"))
    message = parse(rendered.eml)
    assert message["List-Unsubscribe"] == "<mailto:leave@example.org>"
    assert message["List-Unsubscribe-Post"] is None


@pytest.mark.parametrize("tag", ["{{unsubscribe_url}}", "*|UNSUB|*"])
def test_merge_tag_passes_through_only_in_unsubscribe_href(tmp_path: Path, tag: str) -> None:
    newsletter = make_newsletter(merge_tags=[tag], unsubscribe=tag, to="{{email}}")
    story = replace(make_story(1), headline=f"Headline quoting {tag}")
    rendered = render_issue(make_issue(1, extra=(story,)), newsletter)
    assert f'href="{tag}"' in rendered.html
    assert f"Unsubscribe: {tag}" in rendered.text
    message = parse(rendered.eml)
    assert message["List-Unsubscribe"] == f"<{tag}>"
    assert message["List-Unsubscribe-Post"] is None
    # The same characters in story text are escaped/inert, never a live tag in an href.
    assert rendered.html.count(f'"{tag}"') == 1
    if "{{" in tag:
        path = tmp_path / "merge.eml"
        plain = render_issue(make_issue(2), newsletter)
        path.write_bytes(plain.eml)
        report = run_checker(path, "--allow-merge-tags")
        assert [c["id"] for c in failures(report)] == ["hdr.list-unsubscribe"]


def test_hostile_story_renders_inert_and_intact() -> None:
    rendered = render_issue(make_issue(2, extra=(hostile_story(),)), make_newsletter())
    for html in (rendered.html, rendered.web_html):
        assert "<script" not in html.lower()
        assert "onerror=" not in html.replace("onerror=alert", "")  # only as escaped text
        assert "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %} ends here" in html
        assert "49" not in html
        assert not re.search(r"""href=["']?\s*(javascript|data):""", html, re.I)
        assert 'href="https://good.example.com/a?b=1&amp;c=2"' in html
        assert RTL in html and "📰🔥" in html and LONG_WORD in html
        assert "overflow-wrap: anywhere" in html and "word-break:break-word" in html
    text = rendered.text
    assert HOSTILE_HEADLINE in text
    assert "Inline <b>bold</b> & {{ 7*7 }} and" in text
    assert RTL in text and "📰🔥" in text and LONG_WORD in text
    assert "javascript:" not in text
    assert "https://good.example.com/a?b=1&c=2" in text
    assert "Our take: {{ 7*7 }}" in text


def test_non_ascii_parts_are_quoted_printable() -> None:
    story = replace(make_story(1), headline="Café talks in Zürich: “déjà vu” — 東京 🌍")
    rendered = render_issue(make_issue(1, extra=(story,)), make_newsletter())
    assert rendered.eml.isascii()
    message = parse(rendered.eml)
    for part in message.iter_parts():
        assert part["Content-Transfer-Encoding"] == "quoted-printable"
        assert part.get_content_charset() == "utf-8"
    text = next(message.iter_parts()).get_content()
    assert "Café talks in Zürich: “déjà vu” — 東京 🌍" in text
    assert all(len(line) <= 78 for line in rendered.eml.split(b"\r\n"))


def test_rendering_is_deterministic() -> None:
    first = render_issue(make_issue(12), make_newsletter())
    second = render_issue(make_issue(12), make_newsletter())
    assert first == second


def test_override_directory_replaces_a_partial(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.mjml.j2").write_text(
        "<mj-section><mj-column><mj-text>Custom footer for {{ newsletter.name }}"
        ' <a href="{{ unsubscribe_href }}">Leave</a></mj-text></mj-column></mj-section>\n'
    )
    rendered = render_issue(make_issue(2), make_newsletter(), templates_dir=tmp_path)
    assert "Custom footer for The Weekly Brief" in rendered.html
    assert ">Leave</a>" in rendered.html
    assert "Example Media, 1 Rue de la Loi" not in rendered.html


def test_override_can_extend_the_default_layout(tmp_path: Path) -> None:
    (tmp_path / "issue.mjml.j2").write_text(
        '{% extends "default:issue.mjml.j2" %}\n'
        "{% block masthead %}\n"
        "<mj-section><mj-column><mj-text><h1>Special edition: {{ newsletter.name }}</h1>"
        "</mj-text></mj-column></mj-section>\n"
        "{% endblock %}\n"
    )
    rendered = render_issue(make_issue(2), make_newsletter(), templates_dir=tmp_path)
    assert "<h1>Special edition: The Weekly Brief</h1>" in rendered.html
    assert "<strong>Briefly:</strong>" in rendered.html  # the rest is the default


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "story.mjml.j2").write_text(
        "<mj-text>\n{{ story.headline }}\n{% if story.take %}\n</mj-text>\n"
    )
    with pytest.raises(TemplateError) as info:
        render_issue(make_issue(1), make_newsletter(), templates_dir=tmp_path)
    assert info.value.template.endswith("partials/story.mjml.j2")
    assert info.value.line is not None and info.value.line >= 3
    assert "story.mjml.j2:" in str(info.value)


def test_undefined_variable_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.mjml.j2").write_text(
        "<mj-section><mj-column>\n<mj-text>\n{{ newsletter.nmae }}</mj-text>"
        "</mj-column></mj-section>\n"
    )
    with pytest.raises(TemplateError) as info:
        render_issue(make_issue(1), make_newsletter(), templates_dir=tmp_path)
    assert info.value.template.endswith("partials/footer.mjml.j2")
    assert info.value.line == 3


def test_missing_include_is_a_template_error(tmp_path: Path) -> None:
    (tmp_path / "issue.mjml.j2").write_text('{% include "partials/nope.mjml.j2" %}\n')
    with pytest.raises(TemplateError, match=r"nope\.mjml\.j2"):
        render_issue(make_issue(1), make_newsletter(), templates_dir=tmp_path)


def test_feed_text_is_never_compiled_as_a_template() -> None:
    env = template_environment(None)
    story = replace(make_story(1), headline="{{ newsletter.from_ }} {% for x in y %}")
    rendered = render_issue(make_issue(0, extra=(story,)), make_newsletter())
    assert "{{ newsletter.from_ }} {% for x in y %}" in rendered.html
    assert "brief@news.example.org" not in rendered.html.split("<body", 1)[1].split("Our take")[0]
    assert env.autoescape("issue.mjml.j2") is True  # type: ignore[operator]


def test_the_frame_masthead_and_footer() -> None:
    newsletter = make_newsletter(
        subscribe="https://news.example.org/join",
        preferences="https://news.example.org/preferences?list=weekly",
        brand={
            "accent": "#1d5c63",
            "tagline": "Europe's week, briefly",
            "logo_url": "https://news.example.org/logo.png",
            "logo_alt": "The Weekly Brief",
            "logo_width": 120,
            "reply_invitation": "Write back: the editors answer.",
        },
    )
    rendered = render_issue(make_full_issue(), newsletter)
    html = rendered.html
    masthead = html.split("<body", 1)[1].split("The week in 60 seconds", 1)[0]
    assert re.search(
        r'<img alt="The Weekly Brief"[^>]* src="https://news\.example\.org/logo\.png"', masthead
    )
    assert 'width="120"' in masthead
    assert "Europe&#39;s week, briefly" in masthead
    assert "No. 42 · Monday 6 May 2024" in masthead
    assert "border-top:4px solid #1d5c63" in masthead
    footer = html.rsplit("What to watch", 1)[1]
    assert "Write back: the editors answer." in footer
    assert "You get The Weekly Brief because you subscribed to it." in footer
    assert 'Forwarded this? <a href="https://news.example.org/join"' in footer
    assert re.search(
        r'<a href="mailto:\?subject=[^"&]+&amp;body=https://news\.example\.org/archive/'
        r'2024-05-06/"[^>]*>Forward it to a friend</a>',
        footer,
    )
    assert '<a href="https://news.example.org/preferences?list=weekly"' in footer
    assert '>Unsubscribe</a> · <a href="https://news.example.org/archive/2024-05-06/"' in footer
    assert "Example Media, 1 Rue de la Loi, 1000 Brussels, Belgium" in footer
    text = rendered.text
    assert "No. 42 · Monday 6 May 2024" in text and "Europe's week, briefly" in text
    assert "Forwarded this? Subscribe: https://news.example.org/join" in text
    assert "Your preferences: https://news.example.org/preferences?list=weekly" in text
    # The default: no logo, the newsletter's name in the reason line.
    plain = render_issue(make_issue(2), make_newsletter()).html
    assert "<img" not in plain and "Reply to this email to reach the editors" in plain


def test_the_build_warns_without_a_postal_address() -> None:
    assert check_frame(make_newsletter()) == ()
    [problem] = check_frame(make_newsletter(postal_address=""))
    assert problem.stage is Stage.RENDER and problem.where == "newsletter.postal_address"
    assert "anti-spam laws" in problem.message and "postal_address:" in problem.message


def test_standards_for_clients_that_drop_style(full: RenderedIssue) -> None:
    html = full.html
    head = html.split("<body", 1)[0]
    assert '<meta name="x-apple-disable-message-reformatting"' in head
    assert '<meta name="format-detection" content="telephone=no' in head
    assert re.search(r"<!--\[if mso\]><style>[^<]*font-family: 'Segoe UI', Arial", head)
    preheader = re.search(r'<div class="nd-preheader" style="([^"]+)"', html)
    assert preheader and "mso-hide:all" in preheader.group(1)
    for anchor in re.findall(r"<a\b[^>]*>", html):
        assert re.search(r'style="[^"]*color:#[0-9a-f]{6}', anchor), anchor
    lists = re.findall(r"<(?:ul|ol)\b[^>]*>", html)
    assert len(lists) > 12
    for tag in lists:
        assert re.search(r'style="margin:[^"]*;padding:[^"]*"', tag), tag


def test_also_in_the_news_and_what_to_watch() -> None:
    rendered = render_issue(make_full_issue(), make_newsletter())
    news = rendered.html.split(">Also in the news</h2>", 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li dir=\"auto\">(.*?)</li>", news)
    assert len(items) == 6
    assert items[0] == (
        '<a href="https://outlet0.example.com/2024/05/brief-0" style="color:#0b57d0">'
        "Harbour strike enters its 2nd day in the north</a> (The Atlantic Ledger): Dock "
        "workers say they will stay out until the pay offer improves."
    )
    watch = rendered.html.split(">What to watch</h2>", 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<strong>([^<]+):</strong>", watch) == ["Tuesday 14 May", "January 2025"]
    assert '(<a href="https://outlet1.example.com/2024/05/story-1-0"' in watch
    text = rendered.text
    assert "ALSO IN THE NEWS\n- Harbour strike enters its 2nd day in the north (The" in text
    assert "WHAT TO WATCH\n- Tuesday 14 May: Ministers are due to vote" in text
    # Each line says whose event it is: the number of the story it comes from.
    number = re.search(r"grid\s+framework\s+on\s+14\s+May\.\s+\([^)]*,\s+story\s+(\d+)\)", text)
    assert number, text.split("WHAT TO WATCH", 1)[1]
    assert re.search(rf"^{number.group(1)}\. [^\n]*shared grid \(1\)$", text, re.M)
    assert f", story {number.group(1)})</li>" in watch
    # An outlet whose name has brackets of its own takes square ones inside ours.
    issue = make_full_issue()
    items = (replace(issue.also_in_the_news[0], outlet="ABC News (AU)"),)
    aside = render_issue(replace(issue, also_in_the_news=items), make_newsletter())
    assert "(ABC News [AU]): Dock workers" in aside.html
    assert "(ABC News [AU]): Dock" in " ".join(aside.text.split())
    # Neither section appears when it has nothing to say.
    bare = render_issue(make_issue(3), make_newsletter()).html
    assert "Also in the news" not in bare and "What to watch" not in bare


def test_a_watch_line_from_also_in_the_news_names_the_items_headline() -> None:
    issue = make_full_issue()
    brief = issue.also_in_the_news[0]
    ahead = WatchItem(
        month=date(2024, 5, 1),
        day=date(2024, 5, 20),
        text="Talks <resume> at the port authority.",
        outlet=brief.outlet,
        url=brief.url,
        story_id=brief.story_id,
    )
    rendered = render_issue(replace(issue, watch=(*issue.watch, ahead)), make_newsletter())
    text = " ".join(rendered.text.split())
    assert (
        f"Monday 20 May: Talks <resume> at the port authority. ({brief.outlet}, “{brief.headline}”)"
    ) in text
    watch = rendered.html.split(">What to watch</h2>", 1)[1].split("</ul>", 1)[0]
    assert "Talks &lt;resume&gt; at the port authority." in watch
    assert f"{brief.outlet}</a>, “{brief.headline}”)</li>" in watch
    # A line from a story points to the story, not to a headline.
    assert re.search(r"14 May\. \(<a [^>]+>[^<]+</a>, story \d+\)</li>", watch)
    # A title made of a whole lead is cut to what the item is about.
    long = replace(brief, headline=" ".join(["Dock workers at the northern harbour"] * 6))
    items = (long, *issue.also_in_the_news[1:])
    cut = render_issue(
        replace(issue, watch=(ahead,), also_in_the_news=items), make_newsletter()
    ).text.split("WHAT TO WATCH", 1)[1]
    quoted = re.search(r"“([^”]+)”", cut)
    assert quoted and len(quoted.group(1)) <= 90 and quoted.group(1).startswith("Dock workers")
    # One that says it in two lines stays whole, clauses and all.
    whole = "Kyrgyzstan: six candidates cleared for January presidential vote, two barred"
    items = (replace(brief, headline=whole), *issue.also_in_the_news[1:])
    kept = render_issue(replace(issue, watch=(ahead,), also_in_the_news=items), make_newsletter())
    assert f"“{whole}”" in " ".join(kept.text.split())


def test_also_in_the_news_is_shortened_before_the_opening_s_stories() -> None:
    big = make_full_issue(60)
    issue = replace(big, also_in_the_news=news_items(30))
    rendered = render_issue(issue, make_newsletter())
    news = rendered.html.split(">Also in the news</h2>", 1)
    assert len(news) == 1 or news[1].split("</ul>", 1)[0].count("<li") <= 10
    assert news_items(30)[-1].url not in rendered.html
    assert news_items(30)[-1].url in rendered.web_html
    assert "A similar agreement collapsed" in _story_html(rendered.html, 1)


@pytest.mark.parametrize("accent", ["#a8361b", "#ffff00", "#000000", "#ff66cc", "#8ab4f8"])
def test_any_accent_keeps_every_text_pair_at_wcag_aa(accent: str) -> None:
    light, dark = palettes(accent)
    for palette in (light, dark):
        pairs = [
            (palette.text, palette.card),
            (palette.text, palette.tint),
            (palette.accent, palette.card),
            (palette.accent, palette.tint),
            (palette.link, palette.card),
            (palette.link, palette.tint),
            (palette.link, palette.page),
            (palette.muted, palette.card),
            (palette.muted_on_page, palette.page),
            (palette.badge_text, palette.badge),
        ]
        for colour, background in pairs:
            assert contrast_ratio(colour, background) >= 4.5, (accent, colour, background)
    assert light.accent_edge == accent  # the box's edge is the colour the editors chose


# mjml-python (MRML) differs from the reference MJML compiler; these pin the
# differences our templates and render.py work around.


def test_mjml_python_adds_google_fonts_unless_fonts_is_empty() -> None:
    source = (
        "<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column>"
        "</mj-section></mj-body></mjml>"
    )
    assert "fonts.googleapis.com" in mjml.mjml2html(source)
    assert "fonts.googleapis.com" not in mjml.mjml2html(source, fonts={})


def test_mjml_python_image_without_alt_gets_no_alt() -> None:
    source = (
        '<mjml><mj-body><mj-section><mj-column><mj-image src="https://e.example/a.png"'
        " /></mj-column></mj-section></mj-body></mjml>"
    )
    html = mjml.mjml2html(source, fonts={})
    assert "<img" in html and "alt=" not in html
    # So our templates give every image an alt (today they have none at all).
    for path in TEMPLATES.rglob("*.mjml.j2"):
        for tag in re.findall(r"<mj-image\b[^>]*>", path.read_text()):
            assert "alt=" in tag, (path, tag)


def test_templates_give_zero_lengths_a_unit() -> None:
    # Reference MJML accepts padding="0"; MRML's parsers are stricter about units in
    # several attributes, so the shipped templates always write "0px".
    for path in TEMPLATES.rglob("*.mjml.j2"):
        text = path.read_text()
        assert not re.search(r'(padding|border-width|height|width)="0[ "]', text), path


def test_mj_attributes_defaults_are_applied(full: RenderedIssue) -> None:
    # Older MRML ignored some mj-attributes defaults; the body text size and system font
    # stack must reach every text block.
    blocks = full.html.count('<div style="font-family:')
    assert blocks >= 4  # masthead, opening, stories, footer
    assert full.html.count("font-size:16px;line-height:1.5") == blocks - 1  # footer: 14px
    assert full.html.count("-apple-system") >= blocks
    assert "Ubuntu" not in full.html


def test_mjml_attributes_whitespace_quirk_becomes_template_error(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "head.mjml.j2").write_text(
        '<mj-attributes>  <mj-all font-family="Arial" /></mj-attributes>\n'
    )
    with pytest.raises(TemplateError) as info:
        render_issue(make_issue(1), make_newsletter(), templates_dir=tmp_path)
    assert info.value.template == "issue.mjml.j2"
    assert "rendered MJML line" in str(info.value)


def test_mjml_panic_becomes_template_error(tmp_path: Path) -> None:
    # MRML 1.4.2 panics (pyo3 PanicException, a BaseException) on an emoji right before
    # a literal ">" in text. Feed text is escaped, so only a template can trigger it.
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.mjml.j2").write_text(
        "<mj-section><mj-column><mj-text>😀></mj-text></mj-column></mj-section>\n"
    )
    with pytest.raises(TemplateError, match="crashed") as info:
        render_issue(make_issue(1), make_newsletter(), templates_dir=tmp_path)
    assert info.value.template == "issue.mjml.j2"


def test_a_story_the_mjml_compiler_rejects_is_left_out_with_a_warning() -> None:
    # Text reaching the renderer uncleaned (a row stored by an older version, a new
    # kind of bad input): a backspace makes MRML reject the whole document.
    bad = replace(make_story(99), headline="Talks\x08 collapse")
    issue = make_issue(3, extra=(bad,))
    with pytest.raises(TemplateError):
        render_issue(issue, make_newsletter())
    kept, rendered, left_out = render_issue_isolated(issue, make_newsletter())
    assert [record.story_id for record in left_out] == [bad.story_id]
    assert len(kept.stories) == 3 and bad.story_id not in {s.story_id for s in kept.stories}
    assert any(
        "could not be rendered" in p.message and bad.story_id in p.message for p in kept.problems
    )
    assert "\x08" not in rendered.html and rendered.html.count("<h2") >= 3


def test_a_template_that_fails_every_story_still_fails_the_issue(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "story.mjml.j2").write_text("{{ story.no_such_field }}\n")
    with pytest.raises(TemplateError, match="no_such_field"):
        render_issue_isolated(make_issue(3), make_newsletter(), templates_dir=tmp_path)


def _scroll_width_at_375(chromium: str, page: str, tmp_path: Path) -> int:
    """Document scroll width of ``page`` in a 375 px frame (headless windows are >= 500)."""
    probe = tmp_path / "probe.html"
    probe.write_text(
        '<!doctype html><body style="margin:0"><iframe id="f" style="width:375px;'
        f'height:800px;border:0" srcdoc="{html_module.escape(page, quote=True)}"></iframe>'
        '<script>document.getElementById("f").onload=function(){document.body.setAttribute('
        '"data-sw",this.contentDocument.documentElement.scrollWidth)}</script></body>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=800,900",
            "--virtual-time-budget=3000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    match = re.search(r'data-sw="(\d+)"', result.stdout)
    assert match, result.stdout[-500:]
    return int(match.group(1))


@pytest.mark.browser
def test_long_words_do_not_widen_a_phone_layout(tmp_path: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("needs Debian chromium")
    # Control: without wrapping CSS the same word overflows, so the probe can fail.
    assert _scroll_width_at_375(chromium, f"<p>{LONG_WORD}</p>", tmp_path) > 375
    rendered = render_issue(make_issue(2, extra=(hostile_story(),)), make_newsletter())
    assert _scroll_width_at_375(chromium, rendered.html, tmp_path) == 375


def test_a_voices_article_beyond_the_shown_sources_is_labelled_like_a_source() -> None:
    story = make_story(1, sources=6)
    quoted = story.sources[5]  # the email shows four sources; this one is beyond them
    voice = Perspective("Jane Doe", "the talks will go on.", quoted.url, quoted.outlet, "says")
    issue = make_issue(0, extra=(replace(story, perspectives=(voice,)),))

    text = render_issue(issue, make_newsletter()).text

    links = text.split("Sources:", 1)[1].split("\n\n", 1)[0]
    assert f"- {quoted.outlet}, {quoted.published.day} May: {quoted.title}" in links.replace(
        "\n  ", " "
    )
    assert quoted.url in links


def test_an_outlet_with_brackets_of_its_own_takes_square_ones_in_a_voice() -> None:
    story = make_story(1)
    source = replace(story.sources[0], outlet="ABC News (Australia)")
    voice = Perspective("Jane Doe", "the talks will go on.", source.url, source.outlet, "says")
    story = replace(story, sources=(source, *story.sources[1:]), perspectives=(voice,))
    rendered = render_issue(make_issue(0, extra=(story,)), make_newsletter())
    assert "the talks will go on. (ABC News [Australia])" in " ".join(rendered.text.split())
    assert "the talks will go on. (ABC News [Australia])</li>" in rendered.html
    # The sources list names the outlet as it names itself.
    assert "- ABC News (Australia), " in rendered.text


def test_a_source_without_a_title_still_shows_its_outlet_and_date() -> None:
    story = make_story(1)
    untitled = replace(story.sources[1], title="")  # the page's title was a caption
    story = replace(story, sources=(story.sources[0], untitled, story.sources[2]))
    rendered = render_issue(make_issue(1, extra=(story,)), make_newsletter())
    label = f"- {untitled.outlet}, {untitled.published.day} May"
    assert label in rendered.text.splitlines()
    assert f">{untitled.outlet}</a> ({untitled.published.day}\xa0May)" in rendered.html


def test_the_reading_time_counts_also_in_the_news() -> None:
    from digest.layout import reading_minutes

    issue = make_full_issue()
    brief = issue.also_in_the_news[0]
    # Forty more one-line items of 60 words: about ten minutes more to read.
    longer = dataclasses.replace(brief, sentence=" ".join(["word"] * 60))
    more = dataclasses.replace(issue, also_in_the_news=(*issue.also_in_the_news, *[longer] * 40))
    assert reading_minutes(more) - reading_minutes(issue) >= 9


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("It Is Harder Than He Thought.", "It Is Harder Than He Thought"),
        ("Strike called off until 9 p.m.", "Strike called off until 9 p.m."),
        ("Shares of Acme Inc.", "Shares of Acme Inc."),
        ("Talks with the U.S.", "Talks with the U.S."),
        ("Neighbours condemn “de facto” annexation", "Neighbours condemn ‘de facto’ annexation"),
        ("Minister says “Enough.”", "Minister says ‘Enough.’"),
    ],
)
def test_a_title_quoted_in_running_text_loses_only_a_sentences_stop(
    title: str, quoted: str
) -> None:
    from digest.templating import as_title

    assert as_title(title) == quoted
