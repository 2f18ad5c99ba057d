"""The built image under podman: fixtures that skip, saying why, where it cannot run.

`.ci/container` builds the image from the checkout (it needs the package index, which
tests may not reach) and names it in DIGEST_TEST_IMAGE; .ci/run sources its settings.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HOW_TO_BUILD = "bash .ci/container DIR, then source DIR/env (.ci/run does both)"


class Podman:
    """The podman command line, against the image under test."""

    def __init__(self, image: str) -> None:
        self.image = image
        self.names: list[str] = []

    def __call__(
        self, *args: str, timeout: float = 300, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        run = subprocess.run(["podman", *args], capture_output=True, text=True, timeout=timeout)
        if check and run.returncode != 0:
            raise AssertionError(
                f"podman {' '.join(args)} exited {run.returncode}:\n{run.stdout}\n{run.stderr}"
            )
        return run

    def name(self, what: str) -> str:
        """A fresh container or volume name, removed when the session ends."""
        name = f"digest-test-{what}-{uuid.uuid4().hex[:8]}"
        self.names.append(name)
        return name

    def volume(self, what: str) -> tuple[str, Path]:
        """A fresh named volume: (name, its directory on this machine).

        A named volume starts as a copy of the image's /data, owned by the image's user,
        as `docker compose` and `docker run -v digest-data:/data` make it.
        """
        name = self.name(what)
        self("volume", "create", name)
        mountpoint = self.inspect("volume", "inspect", name)["Mountpoint"]
        assert isinstance(mountpoint, str)
        return name, Path(mountpoint)

    def inspect(self, *args: str) -> dict[str, object]:
        data: list[dict[str, object]] = json.loads(self(*args).stdout)
        return data[0]

    def changes(self, container: str) -> set[str]:
        """`podman diff`: what the container changed in the image's filesystem."""
        return set(self("diff", container).stdout.splitlines())


@pytest.fixture(scope="session")
def podman() -> Iterator[Podman]:
    reason = os.environ.get("DIGEST_CONTAINER_UNAVAILABLE")
    if reason:
        pytest.skip(f"the image was not built: {reason}")
    if shutil.which("podman") is None:
        pytest.skip("podman is not installed (CI installs it: apt-get install podman runc)")
    image = os.environ.get("DIGEST_TEST_IMAGE")
    if not image:
        pytest.skip(f"DIGEST_TEST_IMAGE is not set; build the image first: {HOW_TO_BUILD}")
    tool = Podman(image)
    if tool("image", "exists", image, check=False).returncode != 0:
        pytest.fail(f"DIGEST_TEST_IMAGE={image} names no image in podman's storage")
    yield tool
    for name in tool.names:
        tool("rm", "--force", "--volumes", "--time", "0", name, check=False)
        tool("volume", "rm", "--force", name, check=False)


@pytest.fixture
def volume(podman: Podman) -> tuple[str, Path]:
    """A fresh named volume for the container's /data."""
    return podman.volume("data")


@pytest.fixture(scope="session")
def podman_own_changes(podman: Podman) -> Callable[[str], set[str]]:
    """podman's own changes to a container's filesystem for a network mode.

    podman creates mount points such as /etc/hosts when the image lacks them; a
    container that only runs `true` shows what is podman's and not ours.
    """
    seen: dict[str, set[str]] = {}

    def changes(network: str) -> set[str]:
        if network not in seen:
            name = podman.name("baseline")
            volume = f"{podman.name('baseline')}:/data"
            podman(
                "run",
                "--name",
                name,
                "--network",
                network,
                "--entrypoint",
                "true",
                "-v",
                volume,
                podman.image,
            )
            seen[network] = podman.changes(name)
        return seen[network]

    return changes
