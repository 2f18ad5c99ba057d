"""OPML import keeps feeds.yaml's comments and order; export round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.config import load_config
from digest.errors import InputError
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
    with pytest.raises(InputError, match="not readable OPML"):
        read_opml(bad)


UNTIDY = """\
# yaml-language-server: $schema=digest-config.schema.json
newsletter:   {name: 'Desk',  from: "Desk <d@example.org>", unsubscribe: "https://x.org/u"}

feeds:
- url:  'https://a.example/rss'     # our oldest source
  name: A
-   {url: "https://z.example/rss",   name: "Z"}

# Topics come last in this file.
topics:
  - {name: Greenland,   keywords: [Nuuk]}
"""


def test_import_changes_no_line_it_does_not_add(tmp_path: Path) -> None:
    config, opml = tmp_path / "feeds.yaml", tmp_path / "subs.opml"
    config.write_text(UNTIDY)
    opml.write_text(OPML)
    result = CliRunner().invoke(cli, ["feeds", "import", str(opml), "--config", str(config)])
    assert result.exit_code == 0, result.output
    lines = config.read_text().splitlines()
    # After the last feed, indented as the first one.
    added = [
        '- {url: "https://b.example/feed", name: "B Daily"}',
        '- {url: "https://c.example/atom.xml", name: "C & Co"}',
    ]
    old = UNTIDY.splitlines()
    assert lines == [*old[:7], *added, *old[7:]]
    assert [f.name for f in load_config(config).feeds] == ["A", "Z", "B Daily", "C & Co"]


def test_import_reports_every_outline_it_skips(tmp_path: Path) -> None:
    config, opml = tmp_path / "feeds.yaml", tmp_path / "subs.opml"
    config.write_text(CONFIG)
    opml.write_text(
        OPML.replace(
            "</body>", '<outline text="Just a web page" htmlUrl="https://w.example/"/></body>'
        )
    )
    result = CliRunner().invoke(cli, ["feeds", "import", str(opml), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "added    B Daily <https://b.example/feed>",
        "added    C & Co <https://c.example/atom.xml>",
        "skipped  Just a web page: an outline without xmlUrl, not a feed",
        "skipped  A again <https://a.example/rss/>: already in feeds.yaml",
        "skipped  Gopher <gopher://old.example/>: not an http(s) URL",
    ]
    assert f"2 feed(s) added to {config}, 3 outline(s) skipped" in result.stderr


def test_import_rejects_a_file_that_is_not_opml(tmp_path: Path) -> None:
    config, feed = tmp_path / "feeds.yaml", tmp_path / "rss.xml"
    config.write_text(CONFIG)
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>"
    )
    result = CliRunner().invoke(cli, ["feeds", "import", str(feed), "--config", str(config)])
    assert result.exit_code == 2
    assert result.output.startswith(
        f"error: {feed}: not an OPML file (its root element is <rss>, not <opml>). Export your "
        "subscriptions from your feed reader as OPML"
    )
    assert config.read_text() == CONFIG
