"""Independent counts of writing faults in a built issue, to set beside `digest check`.

Written apart from ``digest.check`` on purpose: other rules for the same categories
(the e2e bench's own furniture regexes, a plain word list for dangling starts, exact
repeats, bare relative-date words, a blunt test of speakers), so that the two agreeing
means something. Usage::

    .venv/bin/python bench/writing_counts.py out/2026-11-23 [...]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._e2e_week import FURNITURE_PATTERNS

_DANGLING = re.compile(r"^(?:He|She|It|They|This|That|These|Those|But|And|So|Also|However)\b")
_RELATIVE = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|this week|next week|last week)\b")
_DATED = re.compile(r"\((?:week of )?\d{1,2} [A-Z][a-z]+\)")
_NOT_SPEAKER = re.compile(
    r"^(?:(?:On |In |Last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"(?:When|As|While|If|After) |.*\b(?:you|we|I)\b|.*\b(?:Article|decision|data|report|"
    r"text|statement|analysis)$)"
)


def count(issue_dir: Path) -> Counter[str]:
    document = json.loads((issue_dir / "digest.json").read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    stories = [s for t in document["topics"] for s in t["stories"]]
    for story in stories:
        texts = [story["headline"], *(s["text"] for s in story["briefly_sentences"])]
        texts += [f"{p['who']}: {p['says']}" for p in story["perspectives"]]
        texts += [s["text"] for s in story["also_worth_noting"]]
        texts += [s["title"] for s in story["sources"]]
        for text in texts:
            for kind, pattern in FURNITURE_PATTERNS.items():
                if pattern.search(text):
                    counts["dateline" if kind == "dateline" else "furniture"] += 1
        printed = [s["text"] for s in story["briefly_sentences"]]
        printed += [s["text"] for s in story["also_worth_noting"]]
        printed += [p["says"] for p in story["perspectives"]]
        if story["briefly_sentences"] and _DANGLING.match(story["briefly_sentences"][0]["text"]):
            counts["dangling start"] += 1
        for text in printed:
            seen[" ".join(text.lower().split())] += 1
            bare = _DATED.sub("", text)
            if _RELATIVE.search(bare) and not re.search(
                r"\b(?:yesterday|today|tomorrow|tonight|week)(?:['’]s)? \(", text
            ):
                counts["relative date"] += 1
        counts["speaker"] += sum(1 for p in story["perspectives"] if _NOT_SPEAKER.match(p["who"]))
        counts["missing take"] += int(not story["take"])
        urls = [s["url"] for s in story["sources"]]
        counts["duplicate link"] += len(urls) - len(set(urls))
        counts["one outlet"] += int(
            len(urls) > 1 and len({s["outlet"] for s in story["sources"]}) == 1
        )
    counts["repeated sentence"] = sum(n - 1 for n in seen.values() if n > 1)
    counts["size"] = int((issue_dir / "email.html").stat().st_size > 102 * 1024)
    return counts


def main(argv: list[str]) -> int:
    for name in argv:
        counts = count(Path(name))
        shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v) or "nothing"
        print(f"{name}: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
