"""A big week's draft builds: the first, then a rebuild in the same process (the preview).

A kept ``bench/e2e.py`` week (``--keep DIR``: its store and feeds.yaml) is copied into
a new directory whose store holds the week's articles plus ``--copies`` copies of
each, made different by renaming the words that fewer than 5% of the week's articles
use (the names and particulars of each event) to made-up words, one set per copy.
Words in common use stay, so the copies read as English to the writing rules. Their
publication times are the originals', and the copies' events share the week's common
wording, so clustering joins many of them: the story count does not grow with the
copies the way a real week's would, and each story has more articles. The figure to
read is the build's time as the article count grows, not the stories' quality. The
copies' vectors are computed by the first build, as a cron run's would be.

    .venv/bin/python bench/e2e.py --keep /tmp/week
    .venv/bin/python bench/bigweek.py /tmp/week /tmp/bigweek --copies 6

Prints each build's wall time, how many texts it split into sentences (the rest it
found split already), and the process's peak memory.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import resource
import shutil
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
_COMMON_SHARE = 0.05  # of the week's articles
_CONSONANTS = "bcdfghjklmnprstvz"
_VOWELS = "aeiou"
_TEXT_COLUMNS = ("title", "summary", "content", "text")


def made_up(word: str, copy: int) -> str:
    """A pronounceable stand-in for ``word`` in ``copy``, of its length and case."""
    digest = hashlib.sha1(f"{word.lower()}:{copy}".encode()).digest()
    letters = "".join(
        (_CONSONANTS if i % 2 == 0 else _VOWELS)[digest[i % 20] % (17 if i % 2 == 0 else 5)]
        for i in range(len(word))
    )
    return letters.capitalize() if word[0].isupper() else letters


def copy_week(store: Path, copies: int) -> int:
    """Add ``copies`` renamed copies of every article to ``store``; the article count."""
    with sqlite3.connect(store) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(articles)")]
        rows = db.execute("SELECT * FROM articles").fetchall()
        at = {name: columns.index(name) for name in columns}
        use: Counter[str] = Counter()
        for row in rows:
            text = " ".join(row[at[c]] or "" for c in ("title", "text"))
            use.update({w.lower() for w in _WORD.findall(text)})
        common = {w for w, n in use.items() if n >= len(rows) * _COMMON_SHARE}
        insert = (
            f"INSERT INTO articles ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})"
        )
        for copy in range(1, copies + 1):

            def rename(text: str | None, copy: int = copy) -> str | None:
                if not text:
                    return text
                return _WORD.sub(
                    lambda m: m[0] if m[0].lower() in common else made_up(m[0], copy), text
                )

            for row in rows:
                new = list(row)
                new[at["id"]] = hashlib.sha1(f"{row[at['id']]}:{copy}".encode()).hexdigest()
                new[at["url"]] = f"{row[at['url']]}?copy={copy}"
                new[at["content_hash"]] = hashlib.sha1(
                    f"{row[at['id']]}#{copy}".encode()
                ).hexdigest()
                if row[at["owner_key"]]:
                    new[at["owner_key"]] = f"{row[at['owner_key']]}#{copy}"
                for column in _TEXT_COLUMNS:
                    new[at[column]] = rename(row[at[column]])
                db.execute(insert, new)
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("week", type=Path, help="a directory kept by bench/e2e.py --keep")
    parser.add_argument("work", type=Path, help="a new directory for the big week")
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--now", default="2026-11-23T06:00:00Z", help="the week's issue clock")
    options = parser.parse_args()
    if options.work.exists():
        parser.error(f"{options.work} exists: name a new directory")
    options.work.mkdir(parents=True)
    shutil.copy(options.week / "feeds.yaml", options.work / "feeds.yaml")
    # Through SQLite, so a write-ahead log not yet checkpointed comes along.
    with (
        sqlite3.connect(options.week / "digest.db") as source,
        sqlite3.connect(options.work / "digest.db") as copy,
    ):
        source.backup(copy)
    count = copy_week(options.work / "digest.db", options.copies)
    print(f"{count} articles ({options.copies} copies of {count // (options.copies + 1)})")

    from digest import text
    from digest.cli import cli

    os.chdir(options.work)
    split_before = 0
    for build in ("first", "rebuild"):
        started = time.perf_counter()
        # The command exits with its code (1 for warnings under --strict, 3 if nothing
        # could be built); its summary line says which.
        with contextlib.suppress(SystemExit):
            cli.main(
                ["build", "--out", str(options.work / f"out-{build}"), "--now", options.now],
                standalone_mode=False,
            )
        seconds = time.perf_counter() - started
        split = text._split_sentences.cache_info().misses
        print(f"{build}: {seconds:.1f} s; texts split {split - split_before}")
        split_before = split
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory {peak} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
