"""Headlines built from lead sentences, to read: how ``headline_from_sentence`` cuts.

Where no outlet's title is a news headline, the story's headline is the opening of its
lead sentence, cut to at most 14 words. This bench takes the first two statements of
every document of ``../shared/data/summarization/multinews_longbench_dev100.jsonl``
(read at run time, never copied) that are longer than 14 words, builds a headline from
each, and prints them with a count of those that still end on a word that asks for more
(a function word, a subject pronoun, "as part"). Reading the list is the measure; the
count only points at the worst::

    .venv/bin/python bench/headlines.py            # the count
    .venv/bin/python bench/headlines.py --show     # and every sentence with its headline
    .venv/bin/python bench/headlines.py --json     # {sentence: headline}, to diff two runs

Without the data it prints why and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.headline import ends_short, headline_from_sentence, is_headline_source
from digest.hygiene import clean_sentence
from digest.text import split_sentences, word_count

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "summarization" / "multinews_longbench_dev100.jsonl"
LEAD_STATEMENTS = 2
LONG = 14  # words: a sentence this long or shorter is a headline whole


def lead_sentences(path: Path) -> list[str]:
    """The first ``LEAD_STATEMENTS`` statements of each document longer than ``LONG`` words."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for document in json.loads(line)["documents"]:
            statements = 0
            for sentence in split_sentences(document.replace("\n", "\n\n")):
                clean = clean_sentence(sentence)
                if not clean or not is_headline_source(clean):
                    continue
                statements += 1
                if word_count(clean) > LONG:
                    found.append(clean)
                if statements >= LEAD_STATEMENTS:
                    break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print every headline")
    parser.add_argument("--json", action="store_true", help="print {sentence: headline}")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}: nothing to measure (see ../shared/data/README.md)")
        return 0
    built = {sentence: headline_from_sentence(sentence) for sentence in lead_sentences(args.data)}
    if args.json:
        print(json.dumps(built, ensure_ascii=False, indent=1))
        return 0
    short = [headline for headline in built.values() if ends_short(headline)]
    if args.show:
        for sentence, headline in built.items():
            print(f"{sentence}\n  -> {headline}")
    print(f"{len(built)} lead sentences over {LONG} words; {len(short)} headlines end short")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
