"""Score article-body extraction the way the Article Extraction Benchmark does.

The metric is the one of scrapinghub/article-extraction-benchmark's ``evaluate.py``
(re-implemented from its description, not copied): texts are tokenised with ``\\w+``,
cut into word 4-gram shingles counted as multisets, and each page gets a precision and
a recall from its shingle overlap; these are averaged over pages, and F1 is computed
from the two averages. It reproduces the published trafilatura 2.0.0 figures on the dev
half (F1 0.958, P 0.943, R 0.974).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from digest.errors import InputError
from digest.extract import extract_text_for_eval

__all__ = ["ExtractionScore", "evaluate_extraction", "score_extraction"]

_TOKEN = re.compile(r"\w+")
_SHINGLE_SIZE = 4


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    """Benchmark scores over ``pages`` documents; all figures are in [0, 1]."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float  # share of pages whose token sequence matches the truth exactly


def score_extraction(predicted: Mapping[str, str], truth: Mapping[str, str]) -> ExtractionScore:
    """Score predicted article bodies against true ones, page by page.

    Both map a page id to its text; a page missing from ``predicted`` counts as an
    empty extraction. Pages only in ``predicted`` are ignored.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    for page_id, true_text in truth.items():
        predicted_text = predicted.get(page_id) or ""
        predicted_tokens = _TOKEN.findall(predicted_text)
        true_tokens = _TOKEN.findall(true_text)
        exact += predicted_tokens == true_tokens
        precision, recall = _page_scores(_shingles(predicted_tokens), _shingles(true_tokens))
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    mean_precision = sum(precisions) / len(precisions) if precisions else 0.0
    mean_recall = sum(recalls) / len(recalls) if recalls else 0.0
    total = mean_precision + mean_recall
    return ExtractionScore(
        pages=len(truth),
        precision=mean_precision,
        recall=mean_recall,
        f1=2 * mean_precision * mean_recall / total if total else 0.0,
        accuracy=exact / len(truth) if truth else 0.0,
    )


def evaluate_extraction(directory: Path) -> dict[str, float | int]:
    """Run our extractor and bare ``trafilatura.extract`` over a benchmark directory.

    ``directory`` has the layout of the benchmark's dev half: ``ground-truth.json``
    (``{id: {"articleBody": ...}}``) and ``html/<id>.html.gz`` (UTF-8). ``seconds`` is
    the wall time of our extraction alone. Raises ``InputError`` naming the file when
    one is missing or malformed.
    """
    truth, pages = _load_benchmark(directory)
    started = time.perf_counter()
    ours = {page_id: extract_text_for_eval(html) for page_id, html in pages.items()}
    seconds = time.perf_counter() - started
    bare = {page_id: _bare_trafilatura(html) for page_id, html in pages.items()}
    score = score_extraction(ours, truth)
    baseline = score_extraction(bare, truth)
    return {
        "pages": score.pages,
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "accuracy": round(score.accuracy, 4),
        "trafilatura_f1": round(baseline.f1, 4),
        "trafilatura_precision": round(baseline.precision, 4),
        "trafilatura_recall": round(baseline.recall, 4),
        "seconds": round(seconds, 2),
    }


def _bare_trafilatura(html: str) -> str:
    text = trafilatura.extract(html)
    return text if isinstance(text, str) else ""


def _load_benchmark(directory: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(truth, html) by page id, read from a benchmark directory."""
    truth_path = directory / "ground-truth.json"
    hint = "Point the command at a directory laid out like extraction/aeb_dev/."
    try:
        raw = json.loads(truth_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{truth_path}:{exc.lineno}: not valid JSON ({exc.msg}).",
            file=str(truth_path),
            line=exc.lineno,
            hint=hint,
        ) from exc
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{truth_path}: cannot read the ground truth ({exc}).", file=str(truth_path), hint=hint
        ) from exc
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise InputError(
            f'{truth_path}:1: expected {{"<page id>": {{"articleBody": "..."}}, ...}}.',
            file=str(truth_path),
            line=1,
            hint=hint,
        )
    truth = {page_id: str(item.get("articleBody") or "") for page_id, item in raw.items()}
    pages: dict[str, str] = {}
    for page_id in truth:
        path = directory / "html" / f"{page_id}.html.gz"
        try:
            pages[page_id] = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        except (OSError, EOFError) as exc:
            raise InputError(
                f"{path}: cannot read the page ({exc}).",
                file=str(path),
                hint="Every id in ground-truth.json needs html/<id>.html.gz.",
            ) from exc
    return truth, pages


def _shingles(tokens: list[str]) -> Counter[tuple[str, ...]]:
    """Word 4-grams as a multiset; a shorter text is one shingle of all its tokens."""
    if len(tokens) < _SHINGLE_SIZE:
        return Counter([tuple(tokens)])
    return Counter(
        tuple(tokens[i : i + _SHINGLE_SIZE]) for i in range(len(tokens) - _SHINGLE_SIZE + 1)
    )


def _page_scores(
    predicted: Counter[tuple[str, ...]], true: Counter[tuple[str, ...]]
) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the benchmark leaves a page out.

    Upstream divides the three counts by their sum first; that changes none of the
    ratios or zero tests below, so the counts are used as they are.
    """
    true_positive = sum((predicted & true).values())
    false_positive = sum((predicted - true).values())
    false_negative = sum((true - predicted).values())
    precision = recall = 1.0
    if false_positive or false_negative:
        precision = _ratio(true_positive, false_positive)
        recall = _ratio(true_positive, false_negative)
    return (
        precision if true_positive + false_positive else None,
        recall if true_positive + false_negative else None,
    )


def _ratio(true_positive: int, wrong: int) -> float:
    return true_positive / (true_positive + wrong) if true_positive + wrong else 0.0
