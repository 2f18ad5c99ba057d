"""newsletter-digest: turn a list of news feeds into a send-ready weekly email digest.

The library surface: load a config, build an issue.

    from digest import load_config, run_issue, BuildOptions
    config = load_config("feeds.yaml")
    result = run_issue(config, BuildOptions(out_dir=Path("out"), now=now))
"""

from __future__ import annotations

import logging

from digest.errors import (
    ConfigError,
    DeliveryError,
    DigestError,
    FetchError,
    InputError,
    LockedError,
    ModelError,
    StoreError,
    TemplateError,
)

__version__ = "0.1.0"

__all__ = [
    "BuildOptions",
    "ConfigError",
    "DeliveryError",
    "DigestError",
    "FetchError",
    "InputError",
    "IssueResult",
    "LockedError",
    "ModelError",
    "StoreError",
    "TemplateError",
    "__version__",
    "build_issue",
    "load_config",
    "run_issue",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    # The pipeline pulls in trafilatura, numpy and mjml; load it only when asked so that
    # `digest --help` and config checks start fast.
    if name in ("BuildOptions", "IssueResult", "build_issue", "run_issue"):
        from digest import build

        return getattr(build, name)
    if name == "load_config":
        from digest.config import load_config

        return load_config
    raise AttributeError(name)
