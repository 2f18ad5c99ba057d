"""Optional sending of a built issue over SMTP (STARTTLS, SSL or plain on localhost)."""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Sequence
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from digest.config import SmtpConfig
from digest.errors import DeliveryError

__all__ = ["send_issue"]


def send_issue(
    issue_dir: Path, recipients: Sequence[str], settings: SmtpConfig, *, configured: bool = True
) -> str:
    """Send ``issue_dir/email.eml`` to ``recipients``; returns the Message-ID.

    Credentials come from the environment variables the settings name, never from the
    config file. Raises DeliveryError with what to check when sending fails; with
    ``configured`` false (the file has no ``smtp:`` section) it says so, as the
    settings to check are not in the file at all.
    """
    path = issue_dir / "email.eml"
    try:
        message = BytesParser(policy=policy.SMTP).parsebytes(path.read_bytes())
    except OSError as exc:
        raise DeliveryError(
            f"{path}: cannot read the message: {exc}",
            path=str(path),
            hint="Pass the directory of a built issue, e.g. out/2026-11-23.",
        ) from exc
    assert isinstance(message, EmailMessage)
    del message["To"]
    message["To"] = ", ".join(recipients)
    user = os.environ.get(settings.username_env, "")
    password = os.environ.get(settings.password_env, "")
    try:
        _deliver(message, recipients, settings, user, password)
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise DeliveryError(
            f"{settings.host}:{settings.port}: sending failed: {exc}",
            path=str(path),
            hint=(
                "Check smtp.host, smtp.port, smtp.security and the credentials in "
                f"${settings.username_env} / ${settings.password_env}."
                if configured
                else f"The settings file has no smtp: section, so {settings.host}:"
                f"{settings.port} was tried. Add one: smtp: {{host: smtp.example.org, "
                "port: 587, security: starttls}, and set the credentials in "
                f"${settings.username_env} / ${settings.password_env}."
            ),
        ) from exc
    return str(message["Message-ID"])


def _deliver(
    message: EmailMessage, recipients: Sequence[str], settings: SmtpConfig, user: str, password: str
) -> None:
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.security == "ssl":
        client = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout_seconds, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_seconds)
    with client:
        if settings.security == "starttls":
            client.starttls(context=context)
        if user:
            client.login(user, password)
        client.send_message(message, to_addrs=list(recipients))
