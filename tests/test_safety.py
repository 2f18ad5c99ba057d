"""Untrusted content stays inert and private addresses stay out of reach, end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli
from digest.sample import serve_sample, write_sample_config


def test_links_to_private_addresses_are_refused_and_the_issue_still_builds(
    tmp_path: Path,
) -> None:
    """With allow_private false, article links on 127.0.0.1 are never fetched.

    The feed URLs are the operator's (trusted), so the feeds are polled; every article
    link inside them points at 127.0.0.1 and is refused, warned about, and replaced by
    the feed's own text.
    """
    with serve_sample(week=1) as site:
        config = write_sample_config(site, tmp_path)
        config.write_text(config.read_text().replace("allow_private: true", "allow_private: false"))
        result = CliRunner().invoke(
            cli,
            [
                "-v",
                "run",
                "--config",
                str(config),
                "--out",
                str(tmp_path / "out"),
                "--now",
                site.now.isoformat(),
            ],
        )
        pages = [path for path in site.hits if path.endswith(".html")]
    assert result.exit_code == 0, result.output
    assert pages == [], f"private pages were fetched: {pages[:3]}"
    digest = json.loads((tmp_path / "out" / "2026-11-23" / "digest.json").read_text())
    warnings = "\n".join(digest["warnings"])
    assert "127.0.0.1" in warnings and "used the feed's text instead" in warnings
    assert any(topic["stories"] for topic in digest["topics"])
    assert "Extracting articles:" in result.output or "Polling feeds:" in result.output
