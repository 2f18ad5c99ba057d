"""Writing a file so that readers see the old or the new version, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from digest.errors import DeliveryError

__all__ = ["replace_file"]


def replace_file(path: Path, data: bytes | str) -> None:
    """Write ``path`` atomically: a temp file in the same directory, then os.replace.

    Raises DeliveryError naming the path when the file cannot be written.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        if temp:
            Path(temp).unlink(missing_ok=True)
        raise DeliveryError(
            f"{path}: cannot write: {exc.strerror or exc}",
            path=str(path),
            hint="Check free space and permissions of the directory.",
        ) from exc
