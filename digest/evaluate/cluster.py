"""Score ``cluster_texts`` on a labelled JSONL file (``digest eval cluster``).

Each line is ``{"title": ..., "text": ..., "cluster": <gold label>}`` (the format of
``shared/data/clustering/googlenews_dev.jsonl``). Metrics are computed here with numpy
from the contingency table, so scikit-learn is not needed at runtime:

- B-cubed precision and recall: per item, the share of its predicted cluster that has
  its gold label (and the reverse), averaged over items; F1 of the two averages.
- ARI: Hubert and Arabie's adjusted Rand index.
- NMI: mutual information over the arithmetic mean of the two entropies (the
  scikit-learn default).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt

from digest.cluster import cluster_texts
from digest.embed import sentence_vectors
from digest.errors import InputError

__all__ = [
    "adjusted_rand_index",
    "bcubed",
    "evaluate_clustering",
    "normalized_mutual_information",
]


def evaluate_clustering(path: Path) -> dict[str, float | int]:
    """Cluster the file's texts and score them against its gold labels.

    Returns items, clusters (found), bcubed_precision, bcubed_recall, bcubed_f1, ari,
    nmi and seconds (wall time of clustering only). Raises InputError naming the file
    and line of a line that is not a JSON object with "text" and an integer "cluster".
    """
    texts: list[str] = []
    titles: list[str] = []
    published: list[datetime] = []
    gold: list[int] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or "text" not in row or "cluster" not in row:
                    raise ValueError('expected an object with "text" and "cluster"')
                label = int(row["cluster"])
                if "published" in row:
                    published.append(datetime.fromisoformat(str(row["published"])))
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                raise InputError(
                    f"{path}:{number}: not a labelled item ({exc}).",
                    file=str(path),
                    line=number,
                    hint='Each line is {"title": ..., "text": ..., "cluster": <int>}.',
                ) from exc
            texts.append(str(row["text"]))
            titles.append(str(row.get("title", "")))
            gold.append(label)
    started = time.perf_counter()
    # Publication times are used only when every line has one.
    times = published if len(published) == len(texts) else None
    predicted = cluster_texts(
        texts, titles=titles, published=times, meaning=sentence_vectors(texts)
    )
    seconds = time.perf_counter() - started
    precision, recall, f1 = bcubed(predicted, gold)
    return {
        "items": len(texts),
        "clusters": len(set(predicted)),
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(f1, 4),
        "ari": round(adjusted_rand_index(predicted, gold), 4),
        "nmi": round(normalized_mutual_information(predicted, gold), 4),
        "seconds": round(seconds, 3),
    }


def bcubed(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of a predicted labelling against the gold one."""
    table = _contingency(predicted, gold)
    if table.size == 0:
        return 1.0, 1.0, 1.0
    squares = table.astype(np.float64) ** 2
    total = table.sum()
    precision = float((squares.sum(axis=1) / table.sum(axis=1)).sum() / total)
    recall = float((squares.sum(axis=0) / table.sum(axis=0)).sum() / total)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand_index(predicted: Sequence[int], gold: Sequence[int]) -> float:
    """Adjusted Rand index; 1.0 when both labellings are identical up to renaming."""
    table = _contingency(predicted, gold).astype(np.float64)
    n = table.sum()
    pairs_cells = _pairs(table).sum()
    pairs_rows = _pairs(table.sum(axis=1)).sum()
    pairs_cols = _pairs(table.sum(axis=0)).sum()
    expected = pairs_rows * pairs_cols / _pairs(np.array([n])).sum() if n > 1 else 0.0
    best = (pairs_rows + pairs_cols) / 2
    if best == expected:
        # Both labellings are all-singletons or all-one-cluster: a perfect, trivial match.
        return 1.0
    return float((pairs_cells - expected) / (best - expected))


def normalized_mutual_information(predicted: Sequence[int], gold: Sequence[int]) -> float:
    """Mutual information over the arithmetic mean of the two label entropies."""
    table = _contingency(predicted, gold).astype(np.float64)
    if table.shape[0] == table.shape[1] <= 1:
        return 1.0
    n = table.sum()
    rows = table.sum(axis=1)
    cols = table.sum(axis=0)
    nonzero = table > 0
    joint = table[nonzero] / n
    outer = np.outer(rows, cols)[nonzero] / (n * n)
    mutual = float((joint * np.log(joint / outer)).sum())
    entropy_rows = _entropy(rows / n)
    entropy_cols = _entropy(cols / n)
    mean = (entropy_rows + entropy_cols) / 2
    if mutual <= 0 or mean <= 0:
        return 0.0
    return min(mutual / mean, 1.0)


def _contingency(predicted: Sequence[int], gold: Sequence[int]) -> npt.NDArray[np.int64]:
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    _, pred_ids = np.unique(np.asarray(predicted), return_inverse=True)
    _, gold_ids = np.unique(np.asarray(gold), return_inverse=True)
    if len(pred_ids) == 0:
        return np.zeros((0, 0), dtype=np.int64)
    table = np.zeros((int(pred_ids.max()) + 1, int(gold_ids.max()) + 1), dtype=np.int64)
    np.add.at(table, (pred_ids.ravel(), gold_ids.ravel()), 1)
    return table


def _pairs(counts: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return counts * (counts - 1) / 2


def _entropy(probabilities: npt.NDArray[np.float64]) -> float:
    p = probabilities[probabilities > 0]
    return float(-(p * np.log(p)).sum())
