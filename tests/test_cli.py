"""The command line: every command documented, exit codes, the README in step with --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from digest.cli import cli

REPO = Path(__file__).resolve().parents[1]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


@pytest.mark.parametrize("path", _commands(cli), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help, f"digest {' '.join(path)} has no help text"
    # Groups too: `digest feeds --help` is where a user looks first.
    assert "Example:" in command.help, f"digest {' '.join(path)} --help has no example"


def test_usage_error_exits_2() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "digest", "run", "--no-such-option"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 2
    assert "No such option" in run.stderr


def _assert_only_the_stop_is_said(script: str) -> None:
    """``script`` (Python, run from the repository) exits 130 and its stderr is the stop's
    message alone."""
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert run.returncode == 130
    assert run.stderr.strip().splitlines() == [
        "error: interrupted; what was already stored (feeds polled, pages read) is kept, "
        "and the next run goes on from there"
    ], run.stderr


def test_a_stop_says_what_was_kept_and_nothing_after_it() -> None:
    # A stop while pages are fetched can leave a connection attempt's coroutine never
    # awaited in uncollected garbage; Python's warning of it at exit came after the
    # message (seen in the Ctrl-C test of tests/test_operator.py, now and then).
    script = """
import sys
from digest import cli as c

async def connect() -> None: ...

@c.cli.command("stopper")
def stopper() -> None:
    held: list[object] = []
    held.append(held)  # a cycle: only the collector frees it
    held.append(connect())
    raise KeyboardInterrupt

sys.argv = ["digest", "stopper"]
c.main()
"""
    _assert_only_the_stop_is_said(script)


def test_a_stop_before_the_command_begins_says_so_too() -> None:
    # Ctrl-C while the program loads or reads its options: logging is not set up yet.
    script = """
import sys
from digest import cli as c

def stopped(args: list[str]) -> list[str]:
    raise KeyboardInterrupt

c._hoist_global_options = stopped
sys.argv = ["digest", "status"]
c.main()
"""
    _assert_only_the_stop_is_said(script)


def test_missing_config_exits_2_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = CliRunner().invoke(cli, ["run", "--config", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.output.splitlines()[1] == (
        f"  {tmp_path / 'nope.yaml'}: file not found. Pass --config PATH, or run `digest init` "
        "to write a starter feeds.yaml here."
    )
    # A relative path says which folder it was looked for in.
    monkeypatch.chdir(tmp_path)
    relative = CliRunner().invoke(cli, ["status"])
    assert f"feeds.yaml: file not found in {tmp_path.resolve()}. Pass" in relative.output


def test_readme_command_reference_is_current() -> None:
    cog = pytest.importorskip("cogapp")
    checker = cog.Cog()
    checker.options.verbosity = 0
    assert checker.main(["cog", "--check", str(REPO / "README.md")]) == 0, (
        "README.md is out of date: run `cog -r README.md`"
    )


def test_db_status_lists_migrations(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
        'feeds: [{url: "https://example.org/rss", name: E}]\n'
    )
    before = CliRunner().invoke(cli, ["db", "status", "--config", str(config)])
    assert before.exit_code == 0 and "0001 initial" in before.output
    assert "pending" in before.output
    upgrade = CliRunner().invoke(cli, ["db", "upgrade", "--config", str(config)])
    assert upgrade.exit_code == 0 and "applied 0001 initial" in upgrade.output
    after = CliRunner().invoke(cli, ["db", "status", "--config", str(config)])
    assert "applied" in after.output and "pending" not in after.output


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_read_commands_leave_an_older_schema_alone(tmp_path: Path, backend: str) -> None:
    # After a package upgrade, `digest status` on a shared store must not upgrade it under
    # a scheduler of the earlier version: it says what to do, and `db upgrade` does it.
    from contextlib import ExitStack
    from datetime import UTC, datetime

    from sqlalchemy import create_engine

    from digest.store import schema
    from digest.store.migrate import all_migrations, applied_versions

    from .conftest import fresh_pg_database

    with ExitStack() as stack:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'digest.db'}"
        else:
            url = stack.enter_context(fresh_pg_database(f"older_{tmp_path.name}"))
        *earlier, _latest = all_migrations()
        engine = create_engine(url)
        with engine.begin() as connection:
            schema.schema_migrations.create(connection)
            for migration in earlier:
                migration.upgrade(connection)
                connection.execute(
                    schema.schema_migrations.insert().values(
                        version=migration.version,
                        name=migration.name,
                        applied_at=datetime.now(UTC),
                    )
                )
        config = tmp_path / "feeds.yaml"
        config.write_text(
            'newsletter: {name: T, from: "T <t@example.org>", unsubscribe: "https://x.org/u"}\n'
            'feeds: [{url: "https://example.org/rss", name: E}]\n'
            f"storage: {{url: {url!r}}}\n"
        )
        for command in (["status"], ["why"], ["feeds", "status"]):
            result = CliRunner().invoke(cli, [*command, "--config", str(config)])
            assert result.exit_code == 3, (command, result.output)  # as any store error
            assert "older than this program" in result.output, result.output
            assert f"migration {_latest.version:04d} not applied" in result.output
            assert "digest db upgrade" in result.output
            assert applied_versions(engine) == {m.version for m in earlier}
        upgrade = CliRunner().invoke(cli, ["db", "upgrade", "--config", str(config)])
        assert upgrade.exit_code == 0, upgrade.output
        assert f"applied {_latest.version:04d}" in upgrade.output
        status = CliRunner().invoke(cli, ["status", "--config", str(config)])
        assert status.exit_code == 0, status.output
        assert "no runs recorded yet" in status.output
        engine.dispose()


def test_repeated_warnings_are_grouped_with_a_tally() -> None:
    import logging

    from digest.logs import configure_logging

    limit = configure_logging()
    log = logging.getLogger("digest.test")
    for number in range(8):
        log.warning("feed %s failed", number)
    log.warning("feed 0 failed")  # an identical message is not counted twice
    assert limit.hidden() == {"feed %s failed": 3}


def test_problems_logged_whole_are_grouped_by_what_they_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import logging

    from digest.cli import _print_tally
    from digest.logs import configure_logging

    limit = configure_logging()
    log = logging.getLogger("digest.test")
    for number in range(7):
        log.warning("%s", f"article https://a.example/{number} (Gazette): HTTP 404; used feed text")
    stale = (
        "story s-{}: future tense about a day already past (17 November, before the issue "
        "date): “{}”; check it."
    )
    for story, quote in (("d7cb964c18bc", "It votes Monday."), ("21f098573a65", "He will say.")):
        log.warning("%s", stale.format(story, quote))
    log.warning("%s", "24 articles set aside as not news")
    _print_tally(limit)
    err = capsys.readouterr().err
    # Every different problem is shown; only the sixth and seventh dead link are counted.
    assert "s-d7cb964c18bc" in err and "s-21f098573a65" in err and "24 articles set" in err
    assert "WARNING: article https://a.example/4 " in err
    assert "WARNING: article https://a.example/5 " not in err
    assert "...and 2 more like: article https://a.example/5 (Gazette): HTTP 404" in err


@pytest.mark.parametrize(
    ("command", "name", "text", "line"),
    [
        ("cluster", "items.jsonl", '{"text": "a", "cluster": 1}\n{"text": "b", "clus', 2),
        ("cluster", "items.jsonl", '{"text": "a", "cluster": "one"}\n', 1),
        ("summarize", "items.jsonl", '{"documents": ["a"], "summary": "b"}\n\n[1, 2]\n', 3),
        ("extract", "ground-truth.json", '{\n  "page": {"articleBody": "x"},\n  oops\n}', 3),
    ],
)
def test_eval_on_a_malformed_file_exits_2_naming_file_and_line(
    tmp_path: Path, command: str, name: str, text: str, line: int
) -> None:
    (tmp_path / name).write_text(text)
    target = tmp_path if command == "extract" else tmp_path / name
    result = CliRunner().invoke(cli, ["eval", command, str(target)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [message] = result.output.strip().splitlines()
    assert message.startswith(f"error: {tmp_path / name}:{line}: "), message


def test_a_bad_now_names_the_option() -> None:
    result = CliRunner().invoke(cli, ["build", "--now", "not-a-date"])
    assert result.exit_code == 2
    assert "Invalid value for '--now'" in result.output
    assert "2026-11-23T06:00:00+00:00" in result.output


def test_the_demos_hint_calls_digest_the_way_it_was_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `make demo` runs .venv/bin/digest, which a fresh shell does not find as `digest`.
    from digest.cli.issue import _program

    script = tmp_path / ".venv" / "bin" / "digest"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "demo"])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert _program() == str(script)
    monkeypatch.setenv("PATH", f"{script.parent}:/usr/bin:/bin")
    assert _program() == "digest"
