"""``digest init``: the way in for a new newsletter."""

from __future__ import annotations

from pathlib import Path

import click

from digest.cli._shared import output

__all__ = ["init"]


@click.command()
@click.option(
    "--dir",
    "folder",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to write the starter files into.",
)
@click.option("--force", is_flag=True, help="Overwrite feeds.yaml and editorial.yaml.")
def init(folder: str, force: bool) -> None:
    """Write a commented starter feeds.yaml and editorial.yaml to begin a newsletter.

    Also writes digest-config.schema.json, which the first line of feeds.yaml points
    editors with a YAML language server to. Existing files are kept unless --force.

    Example: mkdir my-news && cd my-news && digest init
    """
    from digest.starter import write_starter

    files = write_starter(Path(folder), force=force)
    for path in files.written:
        click.echo(f"wrote  {path}")
    for path in files.kept:
        click.echo(f"kept   {path} (already there; --force overwrites it)")
    config = Path(folder) / "feeds.yaml"
    where = "" if folder == "." else f" --config {config}"
    output.info(
        "next: put your feeds under feeds: in %s, then `digest fetch%s` and `digest preview%s`",
        config,
        where,
        where,
    )
