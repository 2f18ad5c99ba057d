"""Config loading: every problem reported at once, with line, column and key path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.config import config_schema, load_config
from digest.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]

GOOD = """\
newsletter: {name: Test, from: "Ed <ed@example.org>", unsubscribe: "https://x.org/u"}
feeds:
  - {url: "https://example.org/rss", name: Example}
"""

BAD = """\
newsletter:
  name: Test
  from: "Ed <ed@example.org>"
  unsubscribe: "https://x.org/u"
  timezone: Mars/Olympus
  window_days: seven
  colour: red
schedule: {cron: "0 99 * * MON"}
feeds:
  - {url: "bbc world", name: BBC}
  - {url: "https://ok.org/rss", nme: OK}
"""


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return [str(p).removeprefix(str(path)) for p in caught.value.problems]


def test_good_config_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(GOOD)
    config = load_config(path)
    assert config.newsletter.window_days == 7
    assert config.newsletter.from_ == "Ed <ed@example.org>"
    assert config.database_url == f"sqlite:///{tmp_path}/digest.db"
    assert config.fetch.allow_private is False


def test_every_problem_is_reported_with_line_and_key(tmp_path: Path) -> None:
    assert _problems(tmp_path, BAD) == [
        ':5:3: newsletter.timezone: unknown time zone "Mars/Olympus". '
        "Use an IANA name such as Europe/Brussels",
        ":6:3: newsletter.window_days: Input should be a valid integer, unable to parse "
        "string as an integer (got 'seven')",
        ":7:3: newsletter.colour: unknown key. Known keys: also_in_the_news, brand, editorial, "
        "from, language, max_stories, merge_tags, name, postal_address, preferences, subject, "
        "subscribe, templates, timezone, to, unsubscribe, web_url, window_days.",
        ':8:12: schedule.cron: bad cron expression "0 99 * * MON" (Error validating '
        "expression '99': the last value (99) is higher than the maximum value (23)). Use "
        'five fields: minute hour day month weekday, e.g. "0 6 * * MON"',
        ':10:6: feeds[0].url: not an http(s) URL (got "bbc world"). Write it as https://host/path',
        ":11:5: feeds[1].name: required key is missing. Add it.",
        ':11:33: feeds[1].nme: unknown key. Did you mean "name"? Known keys: enabled, name, url.',
    ]


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "newsletter: {name: [unclosed\nfeeds: []\n")
    assert len(problems) == 1
    assert problems[0].startswith(":2:") and "not valid YAML" in problems[0]


def test_empty_feed_list_is_an_error(tmp_path: Path) -> None:
    text = GOOD.split("feeds:")[0] + "feeds: []\n"
    assert _problems(tmp_path, text) == [
        ":2:1: feeds: no feeds. Add at least one: - {url: https://..., name: Outlet}"
    ]


def test_cli_exits_2_and_writes_nothing_on_bad_config(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(BAD)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", "--config", str(config), "--out", str(out)])
    assert result.exit_code == 2
    assert "7 problem(s)" in result.output
    assert f"{config}:5:3: newsletter.timezone" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.yaml"]


def test_shipped_feeds_yaml_is_valid_and_real() -> None:
    config = load_config(REPO / "feeds.yaml")
    assert 10 <= len(config.feeds) <= 20
    assert [t.name for t in config.topics] == [
        "NATO in Asia",
        "Greenland",
        "Frozen Russian assets",
    ]
    assert all(f.url.startswith("https://") for f in config.feeds)


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads((REPO / "digest-config.schema.json").read_text())
    assert committed == config_schema(), "run: digest schema config > digest-config.schema.json"


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(cli, ["schema", "config"])
    assert result.exit_code == 0
    assert json.loads(result.output)["properties"]["feeds"]["type"] == "array"


def test_unsubscribe_may_be_a_listed_merge_tag(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        GOOD.replace(
            'unsubscribe: "https://x.org/u"', 'unsubscribe: "[UNSUB]", merge_tags: ["[UNSUB]"]'
        )
    )
    assert load_config(path).newsletter.unsubscribe == "[UNSUB]"
    path.write_text(GOOD.replace('unsubscribe: "https://x.org/u"', 'unsubscribe: "[UNSUB]"'))
    with pytest.raises(ConfigError, match="not an https URL"):
        load_config(path)
