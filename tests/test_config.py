"""Config loading: every problem reported at once, with line, column and key path."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.config import config_schema, load_config
from digest.errors import ConfigError

from .local_site import serve_outlets, write_config

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
        ':6:3: newsletter.window_days: should be a whole number (got "seven")',
        ":7:3: newsletter.colour: unknown key. Known keys: also_in_the_news, brand, editorial, "
        "from, language, max_stories, merge_tags, name, postal_address, preferences, "
        "soft_news_last, subject, subscribe, templates, timezone, to, unsubscribe, web_url, "
        "window_days.",
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


def _cli(tmp_path: Path, text: str, *args: str) -> tuple[int, str]:
    config = tmp_path / "feeds.yaml"
    config.write_text(text)
    result = CliRunner().invoke(cli, [*args, "--config", str(config)])
    return result.exit_code, result.output.replace(str(config), "feeds.yaml")


TWICE = """\
newsletter: {name: Test, from: "Ed <ed@example.org>", unsubscribe: "https://x.org/u"}
topics:
  - {name: Greenland, keywords: [Nuuk]}
  - {name: greenland , keywords: [Denmark]}
feeds:
  - {url: "http://127.0.0.1:9/a.xml", name: A}
  - {url: "http://127.0.0.1:9/b.xml", name: B}
  - {url: "http://127.0.0.1:9/a.xml", name: A again}
"""


@pytest.mark.parametrize("command", ["fetch", "run"])
def test_the_same_feed_or_topic_twice_is_a_config_error_naming_both_lines(
    tmp_path: Path, command: str
) -> None:
    out = ["--out", str(tmp_path / "out")] if command == "run" else []
    code, output = _cli(tmp_path, TWICE, command, *out)
    assert code == 2, output
    assert output.splitlines() == [
        "error: 2 problem(s) in the configuration:",
        "  feeds.yaml:4:6: topics[1].name: the same topic name as topics[0] on line 3 "
        '("greenland"). Remove one of the two entries.',
        "  feeds.yaml:8:6: feeds[2].url: the same feed URL as feeds[0] on line 6 "
        '("http://127.0.0.1:9/a.xml"). Remove one of the two entries.',
    ]
    assert not (tmp_path / "digest.db").exists() and not (tmp_path / "out").exists()


def test_a_templates_folder_that_does_not_exist_is_a_config_error(tmp_path: Path) -> None:
    text = GOOD.replace(
        'unsubscribe: "https://x.org/u"}',
        'unsubscribe: "https://x.org/u",\n  templates: my-templates}',
    )
    code, output = _cli(tmp_path, text, "build")
    assert code == 2, output
    assert (
        f'  feeds.yaml:2:14: newsletter.templates: no folder "my-templates" beside this file '
        f"({tmp_path / 'my-templates'}). Create it with the templates you override, or remove "
        "the key to use the default templates."
    ) in output.splitlines()
    (tmp_path / "my-templates").mkdir()
    assert _cli(tmp_path, text, "feeds", "export")[0] == 0


def test_an_editorial_file_named_but_not_there_is_a_config_error(tmp_path: Path) -> None:
    # A typo in its name would drop every take, pin and drop of the editors unsaid.
    (tmp_path / "editorial.yaml").write_text("stories: {}\n")
    text = GOOD.replace(
        'unsubscribe: "https://x.org/u"}',
        'unsubscribe: "https://x.org/u",\n  editorial: editorials.yaml}',
    )
    code, output = _cli(tmp_path, text, "build")
    assert code == 2, output
    assert (
        f'  feeds.yaml:2:14: newsletter.editorial: no file "editorials.yaml" beside this file '
        f"({tmp_path / 'editorials.yaml'}). Correct the name, create the file (`digest init` "
        "writes a starter), or remove the key for the default editorial.yaml."
    ) in output.splitlines()
    # The default name needs no file, written out or not: no edits yet.
    (tmp_path / "editorial.yaml").unlink()
    assert _cli(tmp_path, GOOD, "feeds", "export")[0] == 0
    default = text.replace("editorials.yaml", "editorial.yaml")
    assert _cli(tmp_path, default, "feeds", "export")[0] == 0


@pytest.mark.parametrize(
    ("keywords", "told"),
    [
        ("- a\n      - frozen assets", ':5:9: topics[0].keywords[0]: keyword "a" matches nearly'),
        ("- Greenland\n      - the new", ':6:9: topics[0].keywords[1]: keyword "the new" matches'),
        ('- Greenland\n      - "  "', ":6:9: topics[0].keywords[1]: an empty keyword. Remove it"),
    ],
)
def test_a_keyword_that_would_match_every_story_is_a_config_error(
    tmp_path: Path, keywords: str, told: str
) -> None:
    # Each told at its own line.
    topic = f"topics:\n  - name: Greenland\n    keywords:\n      {keywords}\nfeeds:"
    code, output = _cli(tmp_path, GOOD.replace("feeds:", topic), "feeds", "export")
    assert code == 2, output
    assert f"feeds.yaml{told}" in output, output


def test_a_name_in_capitals_is_a_keyword_however_short(tmp_path: Path) -> None:
    # Capitals are matched as written: "WHO" is the organisation, "X" the company.
    text = GOOD.replace("feeds:", "topics:\n  - name: Health\n    keywords: [WHO, X]\nfeeds:")
    code, output = _cli(tmp_path, text, "feeds", "export")
    assert code == 0, output


def test_a_file_that_is_not_utf8_is_told_with_its_line_and_column(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_bytes(GOOD.replace("Test", "Café").encode("latin-1"))
    result = CliRunner().invoke(cli, ["feeds", "export", "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert ":1:23: not UTF-8 text (byte 0xe9). Save the file as UTF-8" in result.output


def test_a_key_written_twice_is_told_without_its_values(tmp_path: Path) -> None:
    # The parser's message holds both values whole: a feed list as a Python repr.
    text = GOOD + 'feeds:\n  - {url: "https://example.org/b", name: B}\n'
    code, output = _cli(tmp_path, text, "feeds", "export")
    assert code == 2, output
    assert 'feeds.yaml:4:1: not valid YAML: found duplicate key "feeds" (the key' in output
    assert "{'url'" not in output


def test_type_errors_speak_yaml(tmp_path: Path) -> None:
    text = """\
newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u", max_stories: 0}
topics: NATO
feeds: {url: "https://example.org/rss", name: E}
fetch: {allow_private: maybe, timeout_seconds: soon}
"""
    assert _problems(tmp_path, text) == [
        ":1:82: newsletter.max_stories: should be at least 1 (got 0)",
        ":2:1: topics: should be a list: one '- item' per line, or [a, b] (got \"NATO\")",
        ":3:1: feeds: should be a list: one '- item' per line, or [a, b] (got a mapping)",
        ':4:9: fetch.allow_private: should be true or false (got "maybe")',
        ':4:31: fetch.timeout_seconds: should be a number (got "soon")',
    ]


def test_unknown_editorial_key_lists_known_keys_and_the_nearest(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(GOOD)
    editorial = tmp_path / "editorial.yaml"
    editorial.write_text(
        "stories:\n  s-3f2a9c1d0b7e:\n    tkae: Our view.\n"
        "    perspectives: [{who: Nuuk, sayz: No.}]\n"
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    lines = result.output.replace(str(editorial), "editorial.yaml").splitlines()
    assert lines[1:] == [
        "  editorial.yaml:3:5: stories.s-3f2a9c1d0b7e.tkae: unknown key. "
        'Did you mean "take"? Known keys: also_worth_noting, briefly, drop, headline, '
        "keep, merge_into, order, perspectives, pin, split, take, topic.",
        "  editorial.yaml:4:20: stories.s-3f2a9c1d0b7e.perspectives[0].says: "
        "required key is missing. Add it.",
        "  editorial.yaml:4:32: stories.s-3f2a9c1d0b7e.perspectives[0].sayz: unknown key. "
        'Did you mean "says"? Known keys: says, who.',
    ]


def test_editorial_topic_naming_no_topic_is_a_config_error(tmp_path: Path) -> None:
    with serve_outlets() as site:
        config = write_config(site, tmp_path)
        runner = CliRunner()
        args = ["--config", str(config), "--out", str(tmp_path / "out")]
        assert runner.invoke(cli, ["fetch", "--config", str(config)]).exit_code == 0
        first = runner.invoke(cli, ["build", *args])
        assert first.exit_code == 0, first.output
    [issue] = (tmp_path / "out").glob("20*/digest.json")
    story = json.loads(issue.read_text())["topics"][0]["stories"][0]["id"]
    editorial = tmp_path / "editorial.yaml"
    editorial.write_text(f"stories:\n  {story}:\n    pin: true\n    topic: Europa\n")
    result = runner.invoke(cli, ["build", *args])
    assert result.exit_code == 2, result.output
    assert result.output.replace(str(editorial), "editorial.yaml").splitlines() == [
        "error: 1 problem(s) in the configuration:",
        f'  editorial.yaml:4:5: stories.{story}.topic: no topic "Europa" in feeds.yaml or '
        'in this issue. Did you mean "Europe"? Known topics: Europe.',
    ]
    editorial.write_text(f"stories:\n  {story}:\n    topic: Europe\n")
    assert runner.invoke(cli, ["build", *args]).exit_code == 0


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        ("newsletter:\n\tname: X\n", ":2:1:", "a tab: YAML indents with spaces only"),
        (
            "feeds:\n  - url: https://a.example/rss\n    name: A\n   enabled: true\n",
            ":4:4:",
            "the indentation does not match the lines above",
        ),
        ("newsletter: {name: X}\nnewsletter: {name: Y}\n", ":2:1:", "the key is written twice"),
        ("newsletter:\n  name: Foreign desk: weekly\n", ":2:21:", "a value holding ': ' needs"),
        ('newsletter:\n  name: "Foreign desk\n', ":3:1:", "a quotation mark is opened and never"),
        # The parser stops at the end of the file; the message also says where to look.
        ('newsletter:\n  name: "Foreign desk\n', ":3:1:", "quoted text began at line 2, column 9"),
        ("newsletter: {name: [unclosed\nfeeds: []\n", ":2:6:", "a '[' or '{' left open"),
        ("newsletter: {name: [unclosed\nfeeds: []\n", ":2:6:", "bracket began at line 1"),
    ],
)
def test_yaml_syntax_errors_say_what_to_do(
    tmp_path: Path, text: str, where: str, hint: str
) -> None:
    [problem] = _problems(tmp_path, text)
    assert problem.startswith(where) and "not valid YAML" in problem and hint in problem


def test_the_sqlite_file_is_the_one_the_store_opens(tmp_path: Path) -> None:
    def stored(url: str) -> Path | None:
        config = tmp_path / "feeds.yaml"
        config.write_text(GOOD + f'storage: {{url: "{url}"}}\n')
        return load_config(config).sqlite_file

    assert stored("sqlite:///my%20store.db") == tmp_path / "my store.db"
    assert stored("sqlite:////srv/digest.db?mode=ro") == Path("/srv/digest.db")
    assert stored("postgresql+psycopg://u@h/db") is None


def test_a_key_moved_left_out_of_its_block_is_named_with_its_line(tmp_path: Path) -> None:
    # The parser stops at the line after it; the line to fix is the one before.
    text = """\
newsletter:
  name: Test
  from: "Ed <ed@example.org>"
max_stories: 12
  unsubscribe: "https://x.org/u"
feeds:
  - {url: "https://example.org/rss", name: Example}
"""
    code, output = _cli(tmp_path, text, "feeds", "export")
    assert code == 2, output
    assert "feeds.yaml:5:14: not valid YAML: mapping values are not allowed here (line 4 is " in (
        output
    )
    assert "indented less than this one" in output
    # A colon in a value is still told as such.
    colon = text.replace("max_stories: 12\n  ", "  ").replace("name: Test", "name: Test: two")
    code, output = _cli(tmp_path, colon, "feeds", "export")
    assert code == 2 and "a value holding ': ' needs quotes" in output, output


def test_a_stray_quote_in_a_feed_url_is_a_config_error(tmp_path: Path) -> None:
    # YAML keeps the quote of `{url: http://host/rss.xml", ...}`; every poll would 404.
    text = GOOD.split("feeds:")[0] + (
        'feeds:\n  - {url: https://quay.example/rss.xml", name: Quay}\n'
        "  - {url: https://example.org/o'hare/rss, name: Apostrophe}\n"
    )
    [problem] = _problems(tmp_path, text)
    assert "feeds[0].url" in problem and "a stray quote?" in problem


def test_a_key_without_its_colon_is_told_at_its_own_line(tmp_path: Path) -> None:
    # The parser notices on the line after; the key to fix is the one before.
    text = (
        "newsletter:\n  name: Test\n  timezone Europe/Brussels\n"
        "feeds:\n  - {url: https://a.example/rss, name: A}\n"
    )
    [problem] = _problems(tmp_path, text)
    assert problem.endswith("the key without its colon is at line 3"), problem


def test_the_window_starts_at_midnight_of_the_first_day_the_issue_names(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(GOOD.replace("unsubscribe:", "timezone: Asia/Tokyo, unsubscribe:"))
    config = load_config(path)
    # Sunday 6 December, 15:00 in Tokyo: the issue names 29 November to 6 December.
    window = config.news_window(datetime(2026, 12, 6, 6, 0, tzinfo=UTC))
    assert str(window.issue_date) == "2026-12-06"
    # A report of 02:30 on 29 November, Tokyo time (17:30 UTC the day before), is in it;
    # one of the last minute of 28 November is not.
    assert window.start == datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    assert window.start <= datetime(2026, 11, 28, 17, 30, tzinfo=UTC)
    assert window.end == datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
