"""Credentials never reach a log line, an error or a file; a broken store is one clear error.

Issue 13 items 5 and 11: the database password was printed by `digest status`, `run`,
`feeds status` and `db upgrade`, in text and JSON log formats; a corrupt SQLite file or
a refused PostgreSQL login ended in a traceback and exit 1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy.engine import make_url

from digest.urls import redact_secrets, redact_url

from .hostile_site import NOW, Item, article_page, digest, issue_json, rss, write_config

SECRET = "S3cr3t-pw"
COMMANDS = [
    ("status",),
    ("run", "--now=" + NOW.isoformat()),
    ("feeds", "status"),
    ("db", "upgrade"),
    ("db", "status"),
]
IDS = [" ".join(c).split(" --")[0] for c in COMMANDS]


def _unreachable_store() -> str:
    """A PostgreSQL URL with a password that cannot be used: a missing database on the
    test server when there is one (the server answers FATAL, as for a bad password),
    else a closed port."""
    base = os.environ.get("DIGEST_TEST_PG_URL")
    if base:
        url = make_url(base).set(password=SECRET, database="digest_no_such_db")
        return url.render_as_string(hide_password=False)
    return f"postgresql+psycopg://digest:{SECRET}@127.0.0.1:9/digest"


@pytest.mark.parametrize("log_format", ["text", "json"])
@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_the_database_password_is_never_printed(
    tmp_path: Path, command: tuple[str, ...], log_format: str
) -> None:
    config = write_config(tmp_path, [("E", "https://example.org/rss")], storage_url="")
    config.write_text(
        config.read_text().replace('url: ""', f"url: {json.dumps(_unreachable_store())}")
    )
    result = digest("--log-format", log_format, *command, "--config", str(config))
    assert result.exit_code == 3, result.output
    assert SECRET not in result.output
    assert "postgresql+psycopg://" in result.output and ":***@" in result.output
    assert "Traceback" not in result.output and "cannot" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_corrupt_sqlite_file_is_a_clear_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    config = write_config(tmp_path, [("E", "https://example.org/rss")])
    (tmp_path / "digest.db").write_bytes(b"this is not a database\n" * 200)
    result = digest(*command, "--config", str(config))
    assert result.exit_code == 3, result.output
    assert "digest.db" in result.output and "not a database" in result.output
    assert "restore it from a backup" in result.output
    assert "Traceback" not in result.output


def test_a_feed_token_stays_out_of_logs_and_the_published_issue(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/a.html").respond_with_data(
        article_page("Talks"), content_type="text/html"
    )
    httpserver.expect_request("/ok.xml").respond_with_data(
        rss([Item("Ruritania talks", httpserver.url_for("/a.html"))]), content_type="text/xml"
    )
    httpserver.expect_request("/private.xml").respond_with_data("no", status=500)
    private = httpserver.url_for("/private.xml").replace("://", f"://reader:{SECRET}@")
    feeds = [("Open", httpserver.url_for("/ok.xml")), ("Private", f"{private}?token={SECRET}")]
    config = write_config(tmp_path, feeds)
    for log_format in ("text", "json"):
        result = digest(
            *("-v", "--log-format", log_format, "run", "--config", str(config), "--force"),
            *("--out", str(tmp_path / "out"), "--now", NOW.isoformat()),
        )
        assert result.exit_code == 0, result.output
        assert "Private" in result.output and SECRET not in result.output, log_format
    published = json.dumps(issue_json(tmp_path / "out"))
    assert 'feed \\"Private\\"' in published and SECRET not in published
    assert "token=***" in published


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://digest:pw@db:5432/digest", "postgresql://digest:***@db:5432/digest"),
        ("postgresql://digest:p/w@x@db/digest", "postgresql://digest:***@db/digest"),
        ("https://x.org/feed?token=abc&page=2#t", "https://x.org/feed?token=***&page=2#t"),
        ("https://x.org/rss?API_KEY=abc", "https://x.org/rss?API_KEY=***"),
        ("https://medium.com/@writer/post", "https://medium.com/@writer/post"),
        ("sqlite:////data/digest.db", "sqlite:////data/digest.db"),
    ],
)
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_redact_secrets_in_free_text() -> None:
    text = 'connect "postgresql://u:pw@h/db" failed; dsn host=h password=pw user=u'
    assert redact_secrets(text) == (
        'connect "postgresql://u:***@h/db" failed; dsn host=h password=*** user=u'
    )
