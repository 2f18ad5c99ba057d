"""Write the static sample site (``site/week1``, ``site/week2``) from ``data/week*.txt``.

Run ``python -m tools.sample_site`` (from the repository root) after editing the data or
the page layouts,
then commit the result; ``tests/test_sample.py`` fails if the committed site drifts
from what this script produces.

``site/week2`` is an overlay: the server looks there first and falls back to
``site/week1``, so week-1 pages stay reachable a week later without being copied.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from digest.sample._data import OUTLETS, WEEK_NOW, SampleArticle, load_articles
from tools.sample_site.feeds import render_feed
from tools.sample_site.pages import render_page

__all__ = ["KEPT_FROM_WEEK1", "SITE_DIR", "build_site", "main", "week2_feed_articles"]

SITE_DIR = Path(__file__).resolve().parents[2] / "digest" / "sample" / "site"

# How many of an outlet's newest week-1 items its feed still lists a week later, as a
# feed keeps a rolling window: enough to test that re-polling does not duplicate them.
KEPT_FROM_WEEK1 = 2

_log = logging.getLogger(__name__)


def week2_feed_articles(slug: str) -> tuple[SampleArticle, ...]:
    """The entries of outlet ``slug``'s week-2 feed: its new items plus the newest kept."""
    old = sorted(
        (a for a in load_articles(1) if a.outlet.slug == slug),
        key=lambda a: a.published,
    )
    new = tuple(a for a in load_articles(2) if a.outlet.slug == slug)
    return (*old[len(old) - KEPT_FROM_WEEK1 :], *new) if old else new


def build_site(directory: Path) -> tuple[Path, ...]:
    """Write every page and feed of both weeks under ``directory``; return the files.

    ``directory`` is emptied first, so files of deleted articles do not linger.
    """
    if directory.exists():
        shutil.rmtree(directory)
    written: list[Path] = []
    for week in (1, 2):
        root = directory / f"week{week}"
        for article in load_articles(week):
            if not article.is_dead:
                written.append(_write(root / article.path, render_page(article)))
        for outlet in OUTLETS:
            if week == 1:
                entries = tuple(a for a in load_articles(1) if a.outlet == outlet)
            else:
                entries = week2_feed_articles(outlet.slug)
            feed = render_feed(outlet, entries, WEEK_NOW[week])
            written.append(_write(root / outlet.feed_path, feed))
    return tuple(written)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    files = build_site(SITE_DIR)
    size = sum(f.stat().st_size for f in files)
    _log.info("wrote %d files (%d bytes) under %s", len(files), size, SITE_DIR)


if __name__ == "__main__":
    main()
