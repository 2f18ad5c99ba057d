"""Score the extractive Briefly against Multi-News references, next to a lead baseline.

The data file is JSON Lines with ``documents`` (article texts) and ``summary`` (the
reference), as in ``shared/data/summarization`` (README section 5). For each example:

* **ours**: ``extractive_briefly(documents, words=N)``: whole sentences, at most N words
  (``digest.text.word_count``); never cut mid-sentence, so it is usually a little under N.
* **lead**: the first document's text cut to its first N whitespace-separated words,
  as the issue defines the baseline (it may end mid-sentence). Documents that are crawl
  or reprint notices (``is_boilerplate_document``) are skipped for both systems, which
  makes the baseline stronger (R-1 26.2 instead of 25.7 on the dev half).

ROUGE-1/2/L F1 with ``rouge-score`` (Porter stemming on), averaged over examples, x100.
``rouge-score`` is the ``eval`` extra; it is imported only when this runs.
"""

from __future__ import annotations

import json
from pathlib import Path

from digest.briefly import extractive_briefly
from digest.errors import DigestError, InputError
from digest.hygiene import is_boilerplate_document
from digest.text import word_count

__all__ = ["evaluate_summaries"]

_METRICS = ("rouge1", "rouge2", "rougeL")


def evaluate_summaries(path: Path, *, words: int = 70) -> dict[str, float | int]:
    """ROUGE of our Briefly and of the same-budget lead baseline over a JSONL file.

    Returns ``rouge1``, ``rouge2``, ``rougeL``, ``lead_rouge1``, ``lead_rouge2``,
    ``lead_rougeL`` (F1 x100, rounded to 2 places), ``words`` (the budget), ``mean_words``
    and ``lead_mean_words`` (mean output length) and ``items`` (examples scored).
    Raises ``DigestError`` naming the extra if rouge-score is missing, ``OSError`` if
    the file can't be read and ``InputError`` (file and line) on a malformed line.
    """
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise DigestError(
            "summarization evaluation needs rouge-score, which is not installed.",
            hint="pip install 'newsletter-digest[eval]'",
        ) from exc
    scorer = rouge_scorer.RougeScorer(list(_METRICS), use_stemmer=True)
    totals = dict.fromkeys([*_METRICS, *(f"lead_{m}" for m in _METRICS)], 0.0)
    ours_words = lead_words = 0
    items = 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                documents = [str(d) for d in row["documents"]]
                reference = str(row["summary"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{path}:{number}: not a summarization example ({exc}).",
                    file=str(path),
                    line=number,
                    hint='Each line is {"documents": [...], "summary": "..."}.',
                ) from exc
            ours = " ".join(extractive_briefly(documents, words=words))
            first = next((d for d in documents if not is_boilerplate_document(d)), "")
            lead = " ".join(first.split()[:words])
            for prefix, text in (("", ours), ("lead_", lead)):
                scores = scorer.score(reference, text)
                for metric in _METRICS:
                    totals[prefix + metric] += scores[metric].fmeasure
            ours_words += word_count(ours)
            lead_words += word_count(lead)
            items += 1
    result: dict[str, float | int] = {
        key: round(100 * value / max(1, items), 2) for key, value in totals.items()
    }
    result["words"] = words
    result["mean_words"] = round(ours_words / max(1, items), 1)
    result["lead_mean_words"] = round(lead_words / max(1, items), 1)
    result["items"] = items
    return result
