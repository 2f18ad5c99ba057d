"""The summarization quality gate: our extractive Briefly against a same-budget lead.

Scores the shared Multi-News dev half (``shared/data/summarization``, README section 5)
with ROUGE F1 (``rouge-score``, stemming on) and checks issue 7's acceptance bar (R-1 at
least 2 points above the lead baseline cut to 70 words, R-2 above it) and the floors
pinned in ``tests/eval_floors.json`` (section "summarization") next to a hash of the data.

Re-pin after an intended change (never lowers a floor unless also allowed)::

    DIGEST_UPDATE_FLOORS=1 .venv/bin/pytest tests/test_eval_summarize.py
    DIGEST_UPDATE_FLOORS=1 DIGEST_ALLOW_REGRESSION=1 .venv/bin/pytest tests/test_eval_summarize.py
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from digest.evaluate.summarize import evaluate_summaries

from .conftest import shared_path

FLOORS = Path(__file__).with_name("eval_floors.json")
SECTION = "summarization"
DATA = ("data", "summarization", "multinews_longbench_dev100.jsonl")
METRICS = ("rouge1", "rouge2", "rougeL")


@pytest.fixture(scope="module")
def dev_result() -> dict[str, float | int]:
    pytest.importorskip("rouge_score", reason="rouge-score (the eval extra) is not installed")
    return evaluate_summaries(shared_path(*DATA), words=70)


def test_result_has_the_documented_keys(dev_result: dict[str, float | int]) -> None:
    assert set(dev_result) == {
        "rouge1", "rouge2", "rougeL", "lead_rouge1", "lead_rouge2", "lead_rougeL",
        "words", "mean_words", "lead_mean_words", "items",
    }  # fmt: skip
    assert dev_result["items"] == 100
    # Whole sentences never exceed the budget; the lead is cut at exactly 70 words.
    assert float(dev_result["mean_words"]) <= 70


def test_briefly_beats_same_budget_lead(dev_result: dict[str, float | int]) -> None:
    ours, lead = float(dev_result["rouge1"]), float(dev_result["lead_rouge1"])

    assert ours >= lead + 2, dev_result
    assert float(dev_result["rouge2"]) > float(dev_result["lead_rouge2"]), dev_result


def test_summarization_quality_gate(dev_result: dict[str, float | int]) -> None:
    path = shared_path(*DATA)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    pinned = floors.get(SECTION)
    measured = {key: float(dev_result[key]) for key in METRICS}
    data_sha256 = hashlib.sha256(path.read_bytes()).hexdigest()

    if os.environ.get("DIGEST_UPDATE_FLOORS"):
        lowered = bool(pinned) and measured["rouge1"] < pinned["rouge1"]
        if lowered and not os.environ.get("DIGEST_ALLOW_REGRESSION"):
            pytest.fail(f"refusing to lower the summarization floor: {measured} < {pinned}")
        floors[SECTION] = {
            **(pinned or {}),
            "data": "/".join(DATA[1:]),
            "data_sha256": data_sha256,
            "items": int(dev_result["items"]),
            "words": 70,
            **measured,
            **{f"lead_{key}": float(dev_result[f"lead_{key}"]) for key in METRICS},
        }
        FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n")
        return

    assert pinned, "no summarization floor pinned; run with DIGEST_UPDATE_FLOORS=1"
    assert data_sha256 == pinned["data_sha256"], (
        f"{path} changed since the floor was pinned; check the scores and re-pin "
        "with DIGEST_UPDATE_FLOORS=1"
    )
    assert dev_result["items"] == pinned["items"]
    for key in METRICS:
        assert measured[key] >= pinned[key] - pinned["noise_margin"], (
            f"{key} regressed: {measured} vs pinned {pinned}"
        )
