"""Sending over SMTP to a real local server (aiosmtpd)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest

from digest.config import SmtpConfig
from digest.errors import DeliveryError
from digest.send import send_issue

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[_Inbox, int]]:
    inbox = _Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _issue(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Desk <desk@example.org>"
    message["To"] = "undisclosed-recipients:;"
    message["Subject"] = "Desk: Übersicht"
    message["Message-ID"] = "<issue-2026-11-23@example.org>"
    message.set_content("Grüße aus Brüssel\n", cte="quoted-printable")
    (tmp_path / "email.eml").write_bytes(message.as_bytes())
    return tmp_path


def test_send_delivers_the_issue_to_each_recipient(
    tmp_path: Path, smtp: tuple[_Inbox, int]
) -> None:
    inbox, port = smtp
    settings = SmtpConfig(host="127.0.0.1", port=port, security="none")
    message_id = send_issue(_issue(tmp_path), ["a@example.org", "b@example.org"], settings)
    assert message_id == "<issue-2026-11-23@example.org>"
    [(recipients, raw)] = inbox.messages
    assert recipients == ["a@example.org", "b@example.org"]
    received = BytesParser(policy=policy.default).parsebytes(raw)
    assert received["To"] == "a@example.org, b@example.org"
    assert received.get_content().rstrip() == "Grüße aus Brüssel"


def test_unreachable_server_is_a_delivery_error(tmp_path: Path) -> None:
    settings = SmtpConfig(host="127.0.0.1", port=9, security="none", timeout_seconds=2)
    with pytest.raises(DeliveryError, match="sending failed"):
        send_issue(_issue(tmp_path), ["a@example.org"], settings)


def test_sending_a_draft_says_it_is_a_proof(tmp_path: Path, smtp: tuple[_Inbox, int]) -> None:
    """`digest send` of a draft goes out (a proof to oneself) with a warning that its
    stories do not count as sent; a final issue goes out without one."""
    from tests.hostile_site import digest, write_config

    inbox, port = smtp
    smtp_settings = f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  security: none\n"
    config = write_config(tmp_path, [("E", "https://example.org/rss")], extra=smtp_settings)
    issue = _issue(tmp_path / "issue")
    for draft, warned in ((True, True), (False, False)):
        (issue / "digest.json").write_text(f'{{"draft": {str(draft).lower()}}}')
        result = digest("send", str(issue), "--to", "a@example.org", "--config", str(config))
        assert result.exit_code == 0, result.output
        assert ("is a draft (digest build)" in result.output) is warned
    assert len(inbox.messages) == 2


def test_sending_without_an_smtp_section_says_the_section_is_missing(tmp_path: Path) -> None:
    """With no smtp: in the file, `digest send` tries localhost:587; when that fails the
    hint says to add the section, not to check settings the file does not have."""
    from tests.hostile_site import digest, write_config

    with socket.socket() as probe:  # nothing listens on 587 here: the try must fail
        if probe.connect_ex(("127.0.0.1", 587)) == 0:
            pytest.skip("something listens on localhost:587")
    config = write_config(tmp_path, [("E", "https://example.org/rss")])
    issue = _issue(tmp_path / "issue")
    result = digest("send", str(issue), "--to", "a@example.org", "--config", str(config))
    assert result.exit_code != 0
    assert "no smtp: section, so localhost:587 was tried" in result.output
    assert "Check smtp.host" not in result.output
