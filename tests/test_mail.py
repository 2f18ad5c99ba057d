"""email.eml: a headline from a feed never becomes a header or a body (issue 13, item 1).

The end-to-end test polls a hostile feed from a real server and reads the message the
run wrote. The interpreter test runs ``digest/mail.py`` under every Python found on the
machine, at and below the supported floor too (3.11.7 and 3.12.1 decode encoded words in
header values into real line breaks; 3.11.10, 3.12.5 and 3.13 do not).
"""

from __future__ import annotations

import base64
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from digest import mail
from digest.build import BuildOptions
from digest.build import run_issue as run_build
from digest.config import load_config
from digest.editorial_edits import update_story_edit
from digest.errors import DeliveryError
from digest.mail import MessageParts, build_message, header_text
from digest.sample import serve_sample, write_sample_config

from .hostile_site import ISSUE, KEYWORD, Item, article_page, rss, run_issue, write_config

REPO = Path(__file__).resolve().parents[1]

_PHISH = "x\r\nContent-Type: text/html\r\n\r\n<h1>PHISH</h1>"
HOSTILE_TITLES = {
    "b-word-body": "=?utf-8?b?" + base64.b64encode(_PHISH.encode()).decode() + "?=",
    "q-word-bcc": "=?utf-8?q?x=0D=0ABcc:_v@evil.test?=",
    "raw-crlf": "Talks\r\nBcc: v@evil.test",
    "controls": "Talks\x08\x0b\x1b[31m\u202eend\u2066",
}
EXPECTED_HEADERS = [
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "List-Id",
    "MIME-Version",
    "Content-Type",
]


@pytest.mark.parametrize("title", list(HOSTILE_TITLES.values()), ids=list(HOSTILE_TITLES))
def test_a_hostile_headline_stays_inside_the_subject(
    httpserver: HTTPServer, tmp_path: Path, title: str
) -> None:
    httpserver.expect_request("/a.html").respond_with_data(
        article_page("Talks"), content_type="text/html"
    )
    item = Item(title=title, link=httpserver.url_for("/a.html"))
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([item]), content_type="application/rss+xml"
    )
    config = write_config(tmp_path, [("Hostile", httpserver.url_for("/feed.xml"))])
    result = run_issue(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    data = (tmp_path / "out" / ISSUE / "email.eml").read_bytes()
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert message.keys() == EXPECTED_HEADERS
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    subject = str(message["Subject"])
    assert subject and not re.search(r"[\x00-\x1f\u202e\u2066]", subject)
    assert message["List-Id"] == "The Desk <the-desk.example.org>"
    head = data.split(b"\r\n\r\n", 1)[0]
    assert b"PHISH" not in head and not re.search(rb"^Bcc:", head, re.I | re.M)
    text = message.get_body(("plain",))
    assert text is not None and KEYWORD in text.get_content()


def test_header_text_cannot_carry_header_syntax() -> None:
    assert header_text("a\r\nBcc: x") == "a Bcc: x"
    assert header_text("=?utf-8?q?x?=") == "= ?utf-8?q?x?="
    assert header_text("=\x00?utf-8?q?x?=") == "= ?utf-8?q?x?="
    assert header_text("left\u202eright\u2066 \ufeffend") == "left right end"


_PROBE = """
import json, sys
from email import policy
from email.parser import BytesParser
from digest.mail import MessageParts, build_message
results = []
for subject in json.loads(sys.argv[1]):
    data = build_message(MessageParts(
        from_="The Desk <desk@example.org>", to="undisclosed-recipients:;",
        subject="The Desk: " + subject, date="Mon, 23 Nov 2026 06:00:00 +0000",
        message_id="<1@example.org>", unsubscribe="https://example.org/u",
        text="Body text.", html="<p>Body</p>", list_id="The Desk <desk.example.org>"))
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    results.append({"keys": parsed.keys(), "subject": str(parsed["Subject"]),
                    "parts": [p.get_content_type() for p in parsed.iter_parts()]})
print(json.dumps({"version": list(sys.version_info[:3]), "results": results}))
"""


def _interpreters() -> list[str]:
    """This interpreter and every other CPython 3.10+ found (PATH, pyenv), deduplicated."""
    found = [sys.executable]
    # Every python3.X on PATH, not only the first: pyenv's shims hide the system's.
    directories = os.environ.get("PATH", "").split(os.pathsep)
    names: list[str | None] = [
        shutil.which(f"python3.{minor}", path=directory)
        for directory in directories
        if "shims" not in directory
        for minor in range(10, 16)
    ]
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    for path in sorted(glob.glob(os.path.join(pyenv, "versions", "3.*", "bin", "python3"))):
        minor = int(Path(path).parents[1].name.split(".")[1])
        names.append(path if minor >= 10 else None)  # the package needs 3.10 to import
    seen = {os.path.realpath(sys.executable)}
    for name in names:
        if name and os.path.realpath(name) not in seen:
            seen.add(os.path.realpath(name))
            found.append(name)
    return found


def _floor() -> tuple[int, int]:
    spec = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    match = re.search(r">=\s*3\.(\d+)", spec)
    assert match, spec
    return (3, int(match.group(1)))


def test_every_python_on_the_machine_keeps_the_headers_intact() -> None:
    subjects = list(HOSTILE_TITLES.values())
    tested: list[tuple[int, ...]] = []
    for python in _interpreters():
        run = subprocess.run(
            [python, "-c", _PROBE, json.dumps(subjects)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=60,
        )
        assert run.returncode == 0, f"{python}: {run.stderr}"
        report = json.loads(run.stdout)
        tested.append(tuple(report["version"]))
        for subject, result in zip(subjects, report["results"], strict=True):
            assert result["keys"] == EXPECTED_HEADERS, (python, subject)
            assert result["parts"] == ["text/plain", "text/html"], (python, subject)
            assert "\n" not in result["subject"] and "\r" not in result["subject"]
    floor = _floor()
    if not any(version[:2] <= floor for version in tested):
        pytest.skip(f"no Python {floor[0]}.{floor[1]} found to test the supported floor on")


def test_bytes_that_do_not_say_what_was_set_are_refused() -> None:
    parts = MessageParts(
        from_="The Desk <desk@example.org>",
        to="undisclosed-recipients:;",
        subject="Talks resume",
        date="Mon, 23 Nov 2026 06:00:00 +0000",
        message_id="<1@example.org>",
        unsubscribe="https://example.org/u",
        text="Body",
        html="<p>Body</p>",
    )
    data = build_message(parts)
    assert str(BytesParser(policy=policy.default).parsebytes(data)["Subject"]) == "Talks resume"
    # What a vulnerable standard library makes of a decoded CR/LF: the check must see it.
    injected = data.replace(b"Subject: Talks resume", b"Subject: x\r\nBcc: v@evil.test", 1)
    with pytest.raises(DeliveryError, match="Bcc"):
        mail._verify(injected, mail._headers(parts))


def test_a_corrected_issue_gets_a_new_message_id_and_both_carry_list_id(tmp_path: Path) -> None:
    """Issue 17: the editors drop a story and rebuild the same issue date. Gmail drops a
    message whose Message-ID it has already seen, so the corrected one needs its own."""
    with serve_sample(week=1) as site:
        config = load_config(write_sample_config(site, tmp_path / "work"))
        first = run_build(config, BuildOptions(out_dir=tmp_path / "out", now=site.now))
        dropped = first.issue.stories[1]
        update_story_edit(config.editorial_path, dropped.story_id, {"drop": True})
        second = run_build(
            config, BuildOptions(out_dir=tmp_path / "out", now=site.now, fetch=False)
        )
    assert dropped.story_id not in {s.story_id for s in second.issue.stories}
    assert second.issue.issue_date == first.issue.issue_date
    messages = [
        BytesParser(policy=policy.default).parsebytes(result.rendered.eml)
        for result in (first, second)
    ]
    written = BytesParser(policy=policy.default).parsebytes(
        (second.path / "email.eml").read_bytes()
    )
    assert written["Message-ID"] == messages[1]["Message-ID"]
    assert messages[0]["Message-ID"] != messages[1]["Message-ID"]
    for message in messages:
        assert re.fullmatch(
            r"<2026-11-23\.[0-9a-f]{16}\.[a-z0-9-]+@example\.org>", message["Message-ID"]
        )
        assert message["List-Id"] == (
            "The Foreign Desk Sample <the-foreign-desk-sample.example.org>"
        )
