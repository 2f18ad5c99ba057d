"""OPML import keeps feeds.yaml's comments and order; export round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.config import load_config
from digest.errors import ConfigError
from digest.opml import read_opml

CONFIG = """\
# The editors' feed list
newsletter: {name: Desk, from: "Desk <d@example.org>", unsubscribe: "https://x.org/u"}
feeds:
  - {url: "https://a.example/rss", name: A}   # our oldest source
"""

OPML = """\
<?xml version="1.0"?>
<opml version="1.0"><head><title>subs</title></head><body>
  <outline text="News">
    <outline text="A again" xmlUrl="https://a.example/rss/"/>
    <outline text="B Daily" title="B Daily" xmlUrl="https://b.example/feed"/>
    <outline text="Gopher" xmlUrl="gopher://old.example/"/>
  </outline>
  <outline text="C &amp; Co" xmlUrl="https://c.example/atom.xml"/>
</body></opml>
"""


def test_import_merges_and_keeps_comments(tmp_path: Path) -> None:
    config, opml = tmp_path / "feeds.yaml", tmp_path / "subs.opml"
    config.write_text(CONFIG)
    opml.write_text(OPML)
    result = CliRunner().invoke(cli, ["feeds", "import", str(opml), "--config", str(config)])
    assert result.exit_code == 0, result.output
    text = config.read_text()
    assert text.startswith("# The editors' feed list")
    assert "# our oldest source" in text
    names = [f.name for f in load_config(config).feeds]
    assert names == ["A", "B Daily", "C & Co"]
    assert "skipped  Gopher" in result.output and "skipped  A again" in result.output


def test_export_round_trips(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG)
    result = CliRunner().invoke(cli, ["feeds", "export", "--config", str(config)])
    assert result.exit_code == 0
    exported = tmp_path / "out.opml"
    exported.write_text(result.output)
    assert read_opml(exported) == [("A", "https://a.example/rss")]


def test_malformed_opml_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline")
    with pytest.raises(ConfigError, match="not readable OPML"):
        read_opml(bad)
