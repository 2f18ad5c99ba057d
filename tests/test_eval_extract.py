"""The extraction scorer and the extraction quality gate.

The scorer must reproduce the figures the shared data README gives for the upstream
reference outputs. The gate scores our extractor on the benchmark's dev half against
the floor pinned in ``tests/eval_floors.json`` (section "extraction"), next to a hash
of the data it was measured on.

Re-pin after an intended change (never lowers a floor unless also allowed)::

    DIGEST_UPDATE_FLOORS=1 .venv/bin/pytest tests/test_eval_extract.py
    DIGEST_UPDATE_FLOORS=1 DIGEST_ALLOW_REGRESSION=1 .venv/bin/pytest tests/test_eval_extract.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest

from digest.errors import DigestError
from digest.evaluate.extract import evaluate_extraction, score_extraction

from .conftest import shared_path

FLOORS = Path(__file__).with_name("eval_floors.json")
SECTION = "extraction"
ACCEPTANCE_F1 = 0.96  # issue 5: must beat bare trafilatura's ~0.955 on the dev half


def load_truth(directory: Path) -> dict[str, str]:
    raw = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: item["articleBody"] for page_id, item in raw.items()}


def load_reference(directory: Path, name: str) -> dict[str, str]:
    path = directory / "reference_outputs" / f"{name}.json"
    output = json.loads(path.read_text(encoding="utf-8"))["output"]
    return {page_id: item["articleBody"] or "" for page_id, item in output.items()}


def data_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in [directory / "ground-truth.json", *sorted((directory / "html").glob("*.gz"))]:
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# --- the scorer ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        # README section 2, "Reference scores on the 90 dev pages": F1, P, R, accuracy
        ("trafilatura-2.0.0", (0.958, 0.943, 0.974, 0.256)),
        ("html-text-0.7.0", (0.690, 0.529, 0.994, 0.000)),
    ],
)
def test_scorer_reproduces_readme_reference_figures(
    reference: str, expected: tuple[float, ...]
) -> None:
    directory = shared_path("data", "extraction", "aeb_dev")

    score = score_extraction(load_reference(directory, reference), load_truth(directory))

    assert score.pages == 90
    got = (score.f1, score.precision, score.recall, score.accuracy)
    assert tuple(round(x, 3) for x in got) == expected


def test_scorer_on_small_cases() -> None:
    truth = {
        "same": "one two three four five",
        "extra": "alpha beta gamma delta epsilon",
        "missing": "red green blue yellow",
        "short": "hi there",
    }
    predicted = {
        "same": "One, two; three four five!",  # only \w+ tokens count, case kept
        "extra": "alpha beta gamma delta epsilon zeta eta theta",
        "short": "hi there",
    }

    score = score_extraction(predicted, truth)

    # extra: 2 true shingles found out of 5 predicted -> P 0.4, R 1.0
    # missing: nothing predicted -> P 0, R 0 ("same" differs in case: P 0.5, R 0.5)
    assert score.pages == 4
    assert score.precision == pytest.approx((0.5 + 0.4 + 0.0 + 1.0) / 4)
    assert score.recall == pytest.approx((0.5 + 1.0 + 0.0 + 1.0) / 4)
    assert score.accuracy == pytest.approx(1 / 4)


def test_evaluate_extraction_reports_ours_and_bare(tmp_path: Path) -> None:
    story = " ".join(f"Sentence number {i} of the story about the river park." for i in range(30))
    page = f"<html><body><nav>Home News</nav><article><p>{story}</p></article></body></html>"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"a": {"articleBody": story}}))

    result = evaluate_extraction(tmp_path)

    assert result["pages"] == 1
    assert result["f1"] == 1.0
    assert set(result) == {
        "pages", "precision", "recall", "f1", "accuracy", "trafilatura_f1",
        "trafilatura_precision", "trafilatura_recall", "seconds",
    }  # fmt: skip


def test_evaluate_extraction_names_a_missing_page(tmp_path: Path) -> None:
    (tmp_path / "ground-truth.json").write_text(json.dumps({"a": {"articleBody": "x"}}))

    with pytest.raises(DigestError, match=r"a\.html\.gz"):
        evaluate_extraction(tmp_path)


# --- the gate ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_result() -> dict[str, float | int]:
    return evaluate_extraction(shared_path("data", "extraction", "aeb_dev"))


def test_extraction_quality_gate(dev_result: dict[str, float | int]) -> None:
    directory = shared_path("data", "extraction", "aeb_dev")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    pinned = floors[SECTION]
    measured = {key: float(dev_result[key]) for key in ("f1", "precision", "recall")}
    summary = (
        f"F1 {measured['f1']:.4f} (P {measured['precision']:.4f}, R {measured['recall']:.4f}); "
        f"pinned F1 {pinned['f1']:.4f} (P {pinned['precision']:.4f}, R {pinned['recall']:.4f}) "
        f"- margin {pinned['noise_margin']}; bare trafilatura F1 {dev_result['trafilatura_f1']}"
    )

    if os.environ.get("DIGEST_UPDATE_FLOORS"):
        lowered = measured["f1"] < pinned["f1"]
        if lowered and not os.environ.get("DIGEST_ALLOW_REGRESSION"):
            pytest.fail(f"refusing to lower the extraction floor: {summary}")
        floors[SECTION] = {
            **pinned,
            "data_sha256": data_hash(directory),
            "pages": int(dev_result["pages"]),
            **{key: round(value, 4) for key, value in measured.items()},
        }
        FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n")
        return

    assert data_hash(directory) == pinned["data_sha256"], (
        f"{directory} changed since the floor was pinned; check the scores and re-pin "
        "with DIGEST_UPDATE_FLOORS=1"
    )
    assert dev_result["pages"] == pinned["pages"]
    assert measured["f1"] >= pinned["f1"] - pinned["noise_margin"], f"regressed: {summary}"
    assert measured["f1"] >= ACCEPTANCE_F1, summary
    assert measured["f1"] >= float(dev_result["trafilatura_f1"]), f"below bare: {summary}"
