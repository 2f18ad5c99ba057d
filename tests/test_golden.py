"""Golden files: the demo issue, built with its fixed clock, is the same byte for byte.

The sample server listens on a random port, so its address is replaced by __BASE__
before comparing. Regenerate with `pytest tests/test_golden.py --update-golden` and read
the diff; never edit the files by hand.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden" / "demo"
FILES = ("email.html", "email.txt", "digest.json")
_BASE = re.compile(r"http://127\.0\.0\.1:\d+")


def _normalised(path: Path) -> str:
    return _BASE.sub("__BASE__", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_demo_matches_golden(demo_build: Path, name: str, request: pytest.FixtureRequest) -> None:
    actual = _normalised(demo_build / "2026-11-23" / name)
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    if not golden.exists():
        pytest.fail(f"{golden} is missing: run pytest tests/test_golden.py --update-golden")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"golden/{name}",
            f"built/{name}",
            lineterm="",
            n=2,
        )
        shown = "\n".join(list(diff)[:120])
        pytest.fail(f"{name} differs from the golden file:\n{shown}", pytrace=False)
