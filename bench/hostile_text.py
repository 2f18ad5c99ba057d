"""Hostile-text benchmark: how long the writing stage takes on text shaped to be slow.

    .venv/bin/python bench/hostile_text.py          # print the table
    .venv/bin/python bench/hostile_text.py --write  # also update docs/benchmarks.md

    # the same shapes with an older source tree, for comparison:
    git archive 1ba0209 | tar -x -C /tmp/before   # (mkdir /tmp/before first)
    .venv/bin/python bench/hostile_text.py --before /tmp/before

Feed and page text is the world's: a page can hold a run of thousands of capital letters,
spaces or "today today ...", by accident (a broken template, a scraped table) or on
purpose. A regular expression that backtracks on such a run turns one article into
minutes of a build. Each shape below is one article's text, a plain news paragraph
followed by the run, at two sizes; a story of two such articles goes through
``summarize_story`` (sentence splitting, clean-up, attribution, naming, headline), timed
in a child process so that a shape that hangs is stopped at ``--limit`` seconds. A
linear stage takes about the same time per character at both sizes. Shapes named with
a stage in brackets go through that function alone: ``parse_feed`` on a body that is no
feed, ``html_to_text`` on a feed item's HTML, ``headline_from_sentence``.

The shapes are inputs that an audit of the patterns applied to article text found
super-linear (session 12), and a few like them. Not every one is slow through this path
at these sizes: the audit timed some patterns alone, on longer runs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shlex
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._docs import write_section

_HEADING = "## Hostile text"
_LEAD = (
    "The council voted on Tuesday to close the old harbour bridge to lorries. "
    "Inspectors found corrosion in two of its piers, the council said. "
)
_SIZES = (2_000, 8_000)


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# name -> (what the text is, a function of the run's size in characters)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    # Through other stages than the writing (the name says which).
    "feed of comments (parse_feed)": (
        "a body of '<!---->' comments that is no feed, 200 bytes to 8 KB",
        lambda n: "<!---->" + "\t<!---->" * (n // 400 + 24),
    ),
    "unclosed tags (html_to_text)": (
        "a feed item's HTML with '<a <a <a ...'",
        lambda n: "<p>Intro</p>" + "<a " * (n // 3),
    ),
    "datelines (headline)": (
        "a sentence of 'LONDON, Nov 3 - ' runs built into a headline",
        lambda n: _run("LONDON, Nov 3 - ", n) + "the council voted to close the bridge.",
    ),
    "newsletter sentence of long words": (
        "a promo-like sentence of 12 words of 12 letters or more",
        lambda n: (
            _LEAD
            + " ".join(["Administrations"] * 3 + ["internationally"] * min(9, n // 1000))
            + " circulated newsletters."
        ),
    ),
    "'By' and capitals": (
        "a byline start followed by a run of capitals",
        lambda n: "By " + "A" * (n // 40) + " said the council. " + _LEAD,
    ),
    "speaker and 'today'": (
        "quotations said by 'the minister today today ... of Paris'",
        lambda n: (
            _LEAD
            + " ".join(
                "“The plan is fine and it will work for all of us,” said the minister"
                + " today" * 24
                + " of Paris."
                for _ in range(n // 250)
            )
        ),
    ),
    "escaped tags": (
        "'&lt;i&gt;' repeated: each becomes a space",
        lambda n: _LEAD + "Word" + "&lt;i&gt;" * (n // 9) + "word.",
    ),
    "dotted initials": (
        "'A.A.A. ...'",
        lambda n: _LEAD + "The " + _run("A.", n) + " said it was fine.",
    ),
    "dotted e-mail": (
        "'a.a.a. ...@' (an address gone wrong)",
        lambda n: _LEAD + "Mail " + _run("a.", n) + "@b",
    ),
    "capitalised words": (
        "a run of capitalised words (a menu)",
        lambda n: _LEAD + _run("Home World Politics ", n) + "minister said no.",
    ),
    "curly quotes": (
        "a run of opening quotes",
        lambda n: _LEAD + "The minister said " + _run("“word ", n) + "end.",
    ),
}


def _story(text: str):  # type: ignore[no-untyped-def]  # digest is imported in the child
    from digest.models import Article, ArticleId, Story, StoryId, StoryStatus

    start = datetime(2026, 11, 20, tzinfo=UTC)
    articles = tuple(
        Article(
            id=ArticleId(f"a{k}"),
            url=f"https://outlet{k}.example/a",
            outlet=f"Outlet {k}",
            feed_url=f"https://outlet{k}.example/feed",
            title="Council closes harbour bridge to lorries",
            published=start + timedelta(hours=k),
            text=text,
        )
        for k in range(2)
    )
    return Story(id=StoryId("s-hostile"), articles=articles, status=StoryStatus.NEW)


def _child(tree: str, name: str, size: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    sys.path.insert(0, tree)
    from digest.feeds import html_to_text, parse_feed
    from digest.headline import headline_from_sentence
    from digest.summarize import summarize_story

    text = SHAPES[name][1](size)
    run: Callable[[], object] = lambda: summarize_story(_story(text))  # noqa: E731
    if "(parse_feed)" in name:
        run = lambda: parse_feed(text.encode(), feed_url="https://x.example/f", outlet="X")  # noqa: E731
    elif "(html_to_text)" in name:
        run = lambda: html_to_text(text)  # noqa: E731
    elif "(headline)" in name:
        run = lambda: headline_from_sentence(text)  # noqa: E731
    started = time.perf_counter()
    run()
    out.put(time.perf_counter() - started)


def measure(tree: Path, name: str, size: int, limit: float) -> float | None:
    """Seconds ``summarize_story`` of ``tree`` took on the shape, or None past ``limit``."""
    # A fresh interpreter per run, so the tree named is the one imported.
    spawn = multiprocessing.get_context("spawn")
    queue = spawn.Queue()
    child = spawn.Process(target=_child, args=(str(tree), name, size, queue))
    child.start()
    child.join(limit + 10)  # the child's own start-up (imports) is not in the limit
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get() if not queue.empty() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--before", type=Path, help="also time the source tree DIR")
    parser.add_argument("--before-label", default="", help="what the --before tree is")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is stopped")
    args = parser.parse_args()
    trees = [("this tree", Path(__file__).resolve().parents[1])]
    if args.before:
        trees.append((args.before_label or f"before ({args.before})", args.before.resolve()))
    header = (
        "| shape | "
        + " | ".join(f"{label}, {size:,} chars" for label, _ in trees for size in _SIZES)
        + " |"
    )
    lines = [header, "|" + " --- |" * (1 + len(trees) * len(_SIZES))]
    for name, (what, _make) in SHAPES.items():
        cells = []
        for _label, tree in trees:
            for size in _SIZES:
                seconds = measure(tree, name, size, args.limit)
                cells.append(f"> {args.limit:.0f} s" if seconds is None else f"{seconds:.2f} s")
        lines.append(f"| {name} ({what}) | " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
    table = "\n".join(lines)
    if args.write:
        body = (
            f"{_HEADING}\n\n"
            f"`.venv/bin/python bench/hostile_text.py {shlex.join(sys.argv[1:])}` "
            f"(Python {platform.python_version()}, {platform.machine()}, "
            f"{os.cpu_count()} CPUs). Seconds of `summarize_story` for a story of two "
            "articles whose text is a news paragraph and the run named, at two sizes of "
            "run (or of the function in brackets on the text); a run is stopped after "
            f"{args.limit:.0f} s. See the module's docstring for why, and the next "
            f"section for what was fixed.\n\n{table}\n"
        )
        write_section(_HEADING, body)


if __name__ == "__main__":
    main()
