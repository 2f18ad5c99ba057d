"""The issue archive on disk: write a rendered issue and keep index.html and feed.xml current.

Layout of the output directory::

    DIR/index.html            archive of issues, newest first
    DIR/feed.xml              Atom feed of the issues
    DIR/<issue-date>/email.html, email.txt, email.eml, digest.json, index.html (web version)

An issue directory is written to a temporary directory first and renamed into place, so
readers never see half an issue. The archive pages are rebuilt from the ``digest.json``
files present, so they never drift from the issues on disk. What ``digest.json`` holds
is ``issue_json.py``'s.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from digest.errors import DeliveryError, IssueSentError
from digest.files import replace_file
from digest.issue_json import issue_to_json
from digest.layout import format_date
from digest.models import Issue, RenderedIssue
from digest.templating import template_environment

if TYPE_CHECKING:
    from digest.store.issues import FinalBuild

__all__ = [
    "ARCHIVE_TEMPLATE",
    "keep_sent_copy",
    "refuse_over_sent",
    "sent_at",
    "write_archive",
    "write_issue",
]

logger = logging.getLogger(__name__)

ARCHIVE_TEMPLATE: Final = "archive.html.j2"
_ATOM: Final = "http://www.w3.org/2005/Atom"
# Fixed namespace for the feed's and entries' urn:uuid ids: the same newsletter and date
# always give the same id, which is what feed readers use to spot new entries.
_ID_NAMESPACE: Final = uuid.UUID("6f1d3c2a-8b7e-5a4f-9c1d-2e3f4a5b6c7d")
_DATE_DIR: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _dump_json(document: dict[str, object]) -> bytes:
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def write_issue(
    out_dir: Path, issue: Issue, rendered: RenderedIssue, *, templates_dir: Path | None = None
) -> Path:
    """Write ``out_dir/<issue-date>/`` and rebuild ``out_dir/index.html`` and ``feed.xml``.

    The archive page uses the editors' template overrides (``templates_dir``) too.

    The issue directory is built under a temporary name and renamed into place; an
    existing directory for the same date is replaced. Returns the issue directory.
    Raises DeliveryError naming the path that could not be written.
    """
    final = out_dir / issue.issue_date.isoformat()
    files = {
        "email.html": rendered.html.encode("utf-8"),
        "email.txt": rendered.text.encode("utf-8"),
        "email.eml": rendered.eml,
        "digest.json": _dump_json(issue_to_json(issue)),
        "index.html": (rendered.web_html or rendered.html).encode("utf-8"),
    }
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=out_dir))
    except OSError as exc:
        raise DeliveryError(
            f"{out_dir}: cannot create the output directory: {exc.strerror}",
            path=str(out_dir),
            hint="Check that the path is writable or pass another --out directory.",
        ) from exc
    try:
        # mkdtemp makes the directory private (0700); the archive is meant to be served.
        staging.chmod(0o755)
        for name, data in files.items():
            (staging / name).write_bytes(data)
        _swap_into_place(staging, final)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DeliveryError(
            f"{final}: cannot write the issue: {exc.strerror or exc}",
            path=str(final),
            hint="Check free space and permissions of the output directory.",
        ) from exc
    write_archive(out_dir, templates_dir=templates_dir)
    return final


def refuse_over_sent(issue_dir: Path, *, sent_at: datetime) -> None:
    """Raise IssueSentError when ``issue_dir`` exists: it holds what was sent at
    ``sent_at``, which a draft must not replace unless forced."""
    if not issue_dir.exists():
        return
    raise IssueSentError(
        f"{issue_dir}: issue {issue_dir.name} was already sent (final build of "
        f"{sent_at:%Y-%m-%d %H:%M} UTC); a draft would overwrite what was sent.",
        path=str(issue_dir),
        hint="Build the draft into another folder (--out drafts), or pass --force: the "
        f"sent copy is then kept as {issue_dir}.sent/.",
    )


def sent_at(final: FinalBuild | None, issue_dir: Path) -> datetime | None:
    """When ``issue_dir`` holds an issue that was sent, when it was built: the store's
    record of the final build points there, or the folder's own ``digest.json`` says so
    (the project was moved or restored, so the recorded path is another)."""
    if final is not None and final.is_in(issue_dir):
        return final.built_at
    return _sent_build_in(issue_dir)


def _sent_build_in(issue_dir: Path) -> datetime | None:
    """When the issue in ``issue_dir`` is a final build, what its ``digest.json`` says:
    the time it was built (or the end of its window), else None.

    The store records where it wrote the issue that was sent, but a project folder that
    was moved, restored from a backup or mounted at another path no longer matches that
    record; the folder's own file still says it was sent. A file that cannot be read
    says nothing (the archive page reports it).
    """
    try:
        document = json.loads((issue_dir / "digest.json").read_text(encoding="utf-8"))
        # Files written before digest.json said "draft" (schema 1) are taken as sent:
        # refusing a draft once too often costs an --out; overwriting costs the issue.
        if document.get("draft", False) is not False:
            return None
        when = document.get("generated_at") or document["window"]["end"]
        return datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def keep_sent_copy(issue_dir: Path) -> Path | None:
    """Move the folder of a sent issue aside before a new build of it is written.

    It becomes ``<date>.sent`` (``.sent-2``, ... if that exists) beside it, which the
    archive pages do not list. Returns the new path, or None when there was no folder.
    Raises DeliveryError when it cannot be moved.
    """
    if not issue_dir.exists():
        return None
    for number in range(1, 1000):
        kept = issue_dir.with_name(issue_dir.name + (".sent" if number == 1 else f".sent-{number}"))
        if not kept.exists():
            break
    try:
        issue_dir.rename(kept)
    except OSError as exc:
        raise DeliveryError(
            f"{issue_dir}: cannot keep the sent issue aside as {kept}: {exc.strerror or exc}",
            path=str(issue_dir),
            hint="Check the permissions of the output directory.",
        ) from exc
    return kept


def _swap_into_place(staging: Path, final: Path) -> None:
    """Rename ``staging`` to ``final``, replacing an existing ``final``.

    POSIX cannot rename a directory over a non-empty one, so the old issue is first moved
    aside; for that instant the date is missing, never half-written.
    """
    if not final.exists():
        staging.rename(final)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".old", dir=final.parent))
    old.rmdir()
    final.rename(old)
    try:
        staging.rename(final)
    except OSError:
        old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class _ArchiveEntry:
    issue_date: str
    newsletter: str
    headline: str
    summary: str
    updated: str
    stories: int
    topics: tuple[str, ...]
    href: str
    draft: bool


def _archive_entries(out_dir: Path) -> list[_ArchiveEntry]:
    entries = []
    for child in out_dir.iterdir():
        if not (child.is_dir() and _DATE_DIR.match(child.name)):
            continue
        path = child / "digest.json"
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            entries.append(_archive_entry(child.name, document))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            logger.warning("%s: skipped in the archive: %s", path, exc)
    entries.sort(key=lambda e: e.issue_date, reverse=True)
    return entries


def _archive_entry(name: str, document: Any) -> _ArchiveEntry:
    # ``document`` is parsed JSON from disk; a wrong shape raises KeyError/TypeError,
    # which the caller reports and skips.
    topics = document["topics"]
    stories = [s for t in topics for s in t["stories"]]
    # The issue's lead is its story no. 1 (``rank``), which need not be in its first
    # topic: the email opens with it, and so do the archive and the feed.
    ranked = [s for s in stories if isinstance(s.get("rank"), int) and s["rank"] > 0]
    first = (
        min(ranked, key=lambda s: s["rank"])
        if ranked
        else stories[0]
        if stories
        else {"headline": "", "briefly": ""}
    )
    updated = document.get("generated_at") or document["window"]["end"]
    return _ArchiveEntry(
        issue_date=name,
        newsletter=str(document["newsletter"]),
        headline=str(first["headline"]),
        summary=str(first["briefly"]),
        updated=str(updated),
        stories=len(stories),
        topics=tuple(str(t["name"]) for t in topics),
        href=f"{name}/index.html",
        # digest.json before schema 2 does not say: such an issue is listed as before.
        draft=document.get("draft") is True,
    )


def write_archive(out_dir: Path, *, templates_dir: Path | None = None) -> None:
    """Rebuild ``index.html`` and ``feed.xml`` from the issues present in ``out_dir``."""
    entries = _archive_entries(out_dir)
    name = entries[0].newsletter if entries else "Newsletter"
    language = _page_language(out_dir / entries[0].issue_date) if entries else "en"
    html = (
        template_environment(templates_dir)
        .get_template(ARCHIVE_TEMPLATE)
        .render(
            newsletter=name,
            language=language,
            entries=entries,
            date_text={e.issue_date: _long_date(e.issue_date) for e in entries},
        )
    )
    replace_file(out_dir / "index.html", html.encode("utf-8"))
    # Subscribers' feed readers would show a draft as the issue: the feed has none.
    sent = [e for e in entries if not e.draft]
    replace_file(out_dir / "feed.xml", _atom_feed(name, sent))


def _page_language(issue_dir: Path) -> str:
    try:
        head = (issue_dir / "index.html").read_text(encoding="utf-8")[:2000]
    except OSError:
        return "en"
    match = re.search(r'<html[^>]*\blang="([A-Za-z0-9-]+)"', head)
    return match.group(1) if match else "en"


def _long_date(text: str) -> str:
    return format_date(date.fromisoformat(text))


def _atom_feed(name: str, entries: list[_ArchiveEntry]) -> bytes:
    ET.register_namespace("", _ATOM)

    def sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}", attrs)
        if text:
            element.text = text
        return element

    feed = ET.Element(f"{{{_ATOM}}}feed")
    sub(feed, "title", name)
    sub(feed, "id", _uuid_urn(name))
    sub(feed, "updated", max((e.updated for e in entries), default="1970-01-01T00:00:00Z"))
    author = sub(feed, "author")
    sub(author, "name", name)
    # Relative links, resolved against the feed's own URL: the archive does not know the
    # address it will be served from.
    sub(feed, "link", rel="self", href="feed.xml", type="application/atom+xml")
    sub(feed, "link", rel="alternate", href="index.html", type="text/html")
    sub(feed, "generator", "newsletter-digest")
    for entry in entries:
        item = sub(feed, "entry")
        title = entry.headline or f"{entry.newsletter}, {_long_date(entry.issue_date)}"
        sub(item, "title", title)
        sub(item, "id", _uuid_urn(f"{entry.newsletter}\0{entry.issue_date}"))
        sub(item, "updated", entry.updated)
        sub(item, "link", rel="alternate", href=entry.href, type="text/html")
        summary = entry.summary or f"{entry.stories} stories: {', '.join(entry.topics)}"
        sub(item, "summary", summary)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _uuid_urn(key: str) -> str:
    return uuid.uuid5(_ID_NAMESPACE, key).urn
