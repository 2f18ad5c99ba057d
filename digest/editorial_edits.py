"""Writing the editors' file: the preview's edits, applied safely.

Reading and applying the file is ``digest.editorial``; this module only changes it,
keeping the editors' comments, under a lock that two previews (or a preview and a
script) on one file share, so no edit is lost.
"""

from __future__ import annotations

import fcntl
import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from digest.config_yaml import read_yaml
from digest.editorial import checked_entries, read_text
from digest.errors import ConfigError, ConfigProblem
from digest.files import replace_file

__all__ = ["update_story_edit", "update_story_edits"]

_HEADER = """\
# Editorial decisions for newsletter-digest, keyed by story id.
# Story ids appear in digest.json and in the preview. Each story may have:
#   take: "Our take, in the editors' words."
#   pin: true            # lead the issue with it (it comes in past max_stories)
#   keep: true           # bring it in where its coverage ranks it, past max_stories
#   drop: true           # leave it out of the issue
#   order: 2             # position within its topic (1 = first)
#   topic: Greenland     # move it under another topic
#   headline: "..."      # replace the generated headline
#   briefly: "..."       # replace the Briefly paragraph
#   perspectives:        # replace the perspectives (linked to the story's first source)
#     - {who: "Denmark's foreign minister", says: "The letter changes nothing."}
#   also_worth_noting:   # replace Also worth noting (linked to the first source); [] = none
#     - "One line per note."
#   merge_into: s-...    # move this story's articles into that story (this id goes away)
#   split:               # take these articles out, each into a story of its own that
#                        # comes into the issue where its coverage puts it (not the
#                        # story's first article: that one gives it its id)
#     - https://outlet.example/the-article-url
# Entries whose story is not in the current issue are kept and reported.
"""

# Tries at an edit when the file keeps changing under us (someone saving it by hand).
_WRITE_ATTEMPTS = 3


def update_story_edit(path: Path, story_id: str, changes: dict[str, Any]) -> None:
    """Set (or with value None, remove) keys of one story's entry, keeping comments."""
    update_story_edits(path, [(story_id, changes)])


def update_story_edits(path: Path, edits: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """Apply several stories' changes in one write, keeping comments.

    A value of None, False or blank text (or an empty ``split``) removes the key; an entry left
    empty is removed. Every changed entry is validated before anything is written, so a
    bad edit never corrupts the editors' file. Raises ConfigError, with the line of the
    entry, for a bad value or a key mistyped in the file.

    Safe against other writers: the read-modify-write holds a lock across processes (two
    previews on one file, or a preview and a script), and the file is checked not to
    have changed since it was read (an editor saving it by hand) before it is replaced;
    if it did, the edit is applied again to the new text. Raises ConfigError when the
    file keeps changing.
    """
    with _file_lock(path):
        for _ in range(_WRITE_ATTEMPTS):
            before = read_text(path)
            after = _edited_text(path, before, edits)
            if read_text(path) == before:
                replace_file(path, after)
                return
    raise ConfigError(
        [
            ConfigProblem(
                str(path),
                None,
                None,
                "",
                "changed while the edit was being written; nothing was written. Try again.",
            )
        ]
    )


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for ``path`` across processes.

    The lock is a sidecar file (``.editorial.yaml.lock``): the editorial file itself is
    replaced by a rename on every write, so a lock on it would not cover the next
    reader. flock waits in the kernel (no polling) and dies with its process.
    """
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        problem = f"cannot lock it ({lock_path}): {exc.strerror}. Check the folder is writable."
        raise ConfigError([ConfigProblem(str(path), None, None, "", problem)]) from exc
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _edited_text(path: Path, text: str | None, edits: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """The file's new text with ``edits`` applied to ``text`` (None: no file yet)."""
    yaml = YAML(typ="rt")
    yaml.width = 100
    data: Any = read_yaml(text, str(path)) if text is not None else None
    is_new = data is None
    if data is None:
        data = CommentedMap()
    if data.get("stories") is None:
        data["stories"] = CommentedMap()
    stories = data["stories"]
    for story_id, changes in edits:
        entry = stories.setdefault(story_id, CommentedMap())
        for key, value in changes.items():
            # An emptied text box removes its key: an empty headline or take would be
            # written to the file and then silently ignored.
            blank = isinstance(value, str) and not value.strip()
            if value is None or value is False or blank or (key == "split" and not value):
                entry.pop(key, None)
            else:
                entry[key] = value
        if not entry:
            del stories[story_id]
    # The whole file, as a build reads it: a key an editor mistyped by hand ("tak:") is
    # told with its line, as the build would tell it, and nothing is written.
    checked_entries(data, str(path))
    buffer = io.StringIO()
    if is_new:
        buffer.write(_HEADER)
    yaml.dump(data, buffer)
    return buffer.getvalue()
