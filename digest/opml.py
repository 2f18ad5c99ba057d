"""OPML import and export of the feed list; an import changes no line of feeds.yaml."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from digest.config import FeedConfig, parse_config
from digest.errors import ConfigError, ConfigProblem, InputError
from digest.files import replace_file

__all__ = ["ImportReport", "export_opml", "import_opml", "read_opml"]


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[tuple[str, str], ...]  # (name, url)
    skipped: tuple[tuple[str, str, str], ...]  # (name, url, why)


def read_opml(path: Path) -> list[tuple[str, str]]:
    """(name, url) of every outline with an xmlUrl, in document order.

    Raises InputError naming the file when it is not well-formed OPML.
    """
    return _outlines(path)[0]


def _outlines(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The feeds of an OPML file, and the names of outlines that are not feeds.

    An outline with children is a folder, not a skipped feed.
    """
    try:
        # OPML from feed readers is small, and we read no DTD or entities (ElementTree
        # does not expand external entities).
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as exc:
        raise InputError(
            f"{path}: not readable OPML: {exc}",
            file=str(path),
            hint="Export your subscriptions from your feed reader as OPML.",
        ) from exc
    if root.tag != "opml":
        raise InputError(
            f"{path}: not an OPML file (its root element is <{root.tag}>, not <opml>).",
            file=str(path),
            hint="Export your subscriptions from your feed reader as OPML; a single feed "
            "goes into feeds.yaml as - {url: ..., name: ...}.",
        )
    feeds, others = [], []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        name = (outline.get("title") or outline.get("text") or url).strip()
        if url:
            feeds.append((name or url, url))
        elif len(outline) == 0:
            others.append(name or "(an outline without a name)")
    return feeds, others


def import_opml(opml: Path, config_path: Path) -> ImportReport:
    """Add the OPML's feeds missing from ``config_path``, appended in OPML order.

    New entries go at the end of the ``feeds:`` list as lines of their own; every other
    line of the file stays exactly as it was. The result is validated before it
    replaces the file. Raises InputError for a file that is not OPML.
    """
    feeds, others = _outlines(opml)
    text = config_path.read_text(encoding="utf-8")
    data: Any = YAML(typ="rt").load(text)
    present = data.get("feeds") if isinstance(data, CommentedMap) else None
    items = present if isinstance(present, CommentedSeq) else []
    known = {str(item.get("url", "")).rstrip("/") for item in items if isinstance(item, dict)}
    added: list[tuple[str, str]] = []
    skipped = [(name, "", "an outline without xmlUrl, not a feed") for name in others]
    for name, url in feeds:
        if url.rstrip("/") in known:
            skipped.append((name, url, "already in feeds.yaml"))
        elif not url.startswith(("http://", "https://")):
            skipped.append((name, url, "not an http(s) URL"))
        else:
            known.add(url.rstrip("/"))
            added.append((name, url))
    if added:
        merged = _append_feeds(text, data, added, name=str(config_path))
        # Validated before it replaces the file: a bad merge never breaks feeds.yaml.
        parse_config(merged, config_path)
        replace_file(config_path, merged)
    return ImportReport(tuple(added), tuple(skipped))


def _append_feeds(text: str, data: Any, feeds: Sequence[tuple[str, str]], *, name: str) -> str:
    """``text`` with one ``- {url: ..., name: ...}`` line per feed after the last feed."""
    entries = [f"{{url: {json.dumps(url)}, name: {json.dumps(name)}}}" for name, url in feeds]
    if not text.endswith("\n"):
        text += "\n"
    lines = text.splitlines(keepends=True)
    items = data.get("feeds") if isinstance(data, CommentedMap) else None
    if not isinstance(items, CommentedSeq) or not items or items.fa.flow_style():
        if isinstance(data, CommentedMap) and "feeds" in data:
            raise ConfigError(
                [
                    ConfigProblem(
                        name,
                        data.lc.key("feeds")[0] + 1,
                        None,
                        "feeds",
                        "is not a list with one feed per line; write it as lines of "
                        "'- {url: ..., name: ...}', then import again.",
                    )
                ]
            )
        return text + "feeds:\n" + "".join(f"  - {entry}\n" for entry in entries)
    key_line, key_column = data.lc.key("feeds")
    item_line, item_column = items.lc.item(0)
    prefix = lines[item_line][:item_column]  # the first entry's indent and "- "
    last = key_line
    for number in range(key_line + 1, len(lines)):
        stripped = lines[number].strip()
        if not stripped or stripped.startswith("#"):
            continue  # a blank line or comment: the list may go on after it
        indent = len(lines[number]) - len(lines[number].lstrip(" "))
        if indent > key_column or (indent == key_column and stripped.startswith("-")):
            last = number
            continue
        break
    new = [f"{prefix}{entry}\n" for entry in entries]
    return "".join([*lines[: last + 1], *new, *lines[last + 1 :]])


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
