"""OPML import and export of the feed list, keeping feeds.yaml's comments and order."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from digest.config import FeedConfig, parse_config
from digest.errors import ConfigError, ConfigProblem
from digest.files import replace_file

__all__ = ["ImportReport", "export_opml", "import_opml", "read_opml"]


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[tuple[str, str], ...]  # (name, url)
    skipped: tuple[tuple[str, str], ...]  # already present, or not an http(s) feed


def read_opml(path: Path) -> list[tuple[str, str]]:
    """(name, url) of every outline with an xmlUrl, in document order.

    Raises ConfigError naming the file when it is not well-formed OPML.
    """
    try:
        # OPML from feed readers is small, and we read no DTD or entities (ElementTree
        # does not expand external entities).
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as exc:
        raise ConfigError(
            [ConfigProblem(str(path), None, None, "", f"not readable OPML: {exc}")]
        ) from exc
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url:
            continue
        name = (outline.get("title") or outline.get("text") or url).strip()
        feeds.append((name, url))
    return feeds


def import_opml(opml: Path, config_path: Path) -> ImportReport:
    """Add the OPML's feeds missing from ``config_path``, appended in OPML order.

    Comments, key order and formatting of the existing file are kept (ruamel.yaml
    round-trip). The result is validated before it replaces the file.
    """
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    data: Any = yaml.load(config_path.read_text(encoding="utf-8"))
    feeds = data.setdefault("feeds", CommentedSeq())
    known = {str(item.get("url", "")).rstrip("/") for item in feeds if isinstance(item, dict)}
    added, skipped = [], []
    for name, url in read_opml(opml):
        if url.rstrip("/") in known or not url.startswith(("http://", "https://")):
            skipped.append((name, url))
            continue
        entry = CommentedMap([("url", url), ("name", name)])
        entry.fa.set_flow_style()
        feeds.append(entry)
        known.add(url.rstrip("/"))
        added.append((name, url))
    text = io.StringIO()
    yaml.dump(data, text)
    # Validated before it replaces the file: a bad merge never breaks feeds.yaml.
    parse_config(text.getvalue(), config_path)
    replace_file(config_path, text.getvalue())
    return ImportReport(tuple(added), tuple(skipped))


def export_opml(feeds: Sequence[FeedConfig], *, title: str) -> str:
    """The feeds as an OPML 2.0 document."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        ElementTree.SubElement(
            body, "outline", type="rss", text=feed.name, title=feed.name, xmlUrl=feed.url
        )
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
