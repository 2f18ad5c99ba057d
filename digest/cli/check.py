"""The ``digest check`` command: the pre-send check of a built issue."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from digest.cli._shared import EXIT_OK, EXIT_WARNINGS

__all__ = ["check"]


@click.command()
@click.argument("issue_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--online",
    is_flag=True,
    help="Also fetch every source link now and flag those that fail.",
)
@click.option(
    "--config",
    "config_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="feeds.yaml whose fetch settings --online uses (private addresses, timeouts).",
)
def check(issue_dir: str, as_json: bool, online: bool, config_path: str | None) -> None:
    """Check a built issue before sending it; exit 1 when anything is to fix.

    Flags page furniture or captions in any field, datelines, dangling starts
    ("He", "This", "The initiative ..."), repeated sentences, relative dates
    ("this week" without its date), speakers that are not people or
    organisations, missing takes, an email over Gmail's 102 KB clip, dead or
    duplicate links, stories of several sources all from one outlet, and what the
    build asked the editors to verify (figures the outlets disagree on; listed, but
    not failing the check).

    Example: digest check out/2026-11-23
    """
    from digest.check import check_issue

    fetch = None
    if config_path is not None:
        from digest.config import load_config

        fetch = load_config(config_path).fetch
    report = check_issue(Path(issue_dir), online=online, fetch=fetch)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True))
    else:
        for finding in report.findings:
            click.echo(str(finding))
        counts = ", ".join(f"{n} {category}" for category, n in report.counts.items())
        click.echo(
            f"{report.stories} stories checked: "
            + (f"{len(report.findings)} to look at ({counts})" if report.findings else "all clear"),
            err=True,
        )
    sys.exit(EXIT_WARNINGS if report.failing else EXIT_OK)
