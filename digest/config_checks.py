"""Rules of feeds.yaml that span entries, checked on the YAML as written (with positions).

pydantic checks each value; these check how values relate: a feed URL or topic name
given twice, a ``templates:`` folder that is not there. Each problem names the lines of
both entries, so the user can pick which one to remove.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from digest.errors import ConfigProblem

__all__ = ["cross_entry_problems"]

_DEFAULT_EDITORIAL = "editorial.yaml"


def cross_entry_problems(data: Any, base_dir: Path, name: str) -> list[ConfigProblem]:
    """Problems between entries of the settings ``data`` (ruamel round-trip types)."""
    if not isinstance(data, CommentedMap):
        return []
    problems = [
        *_twice(data, "feeds", "url", name, what="feed URL", key=str.strip),
        # Topic names differing only in case would print as two near-identical sections.
        *_twice(data, "topics", "name", name, what="topic name", key=_folded),
    ]
    problems.extend(_missing_templates(data, base_dir, name))
    problems.extend(_missing_editorial(data, base_dir, name))
    return problems


def _folded(value: str) -> str:
    return value.strip().casefold()


def _twice(
    data: CommentedMap,
    section: str,
    field: str,
    name: str,
    *,
    what: str,
    key: Callable[[str], str],
) -> list[ConfigProblem]:
    """Entries of the list ``section`` whose ``field`` repeats an earlier entry's."""
    items = data.get(section)
    if not isinstance(items, CommentedSeq):
        return []
    first: dict[str, tuple[int, int]] = {}  # normalised value -> (index, line)
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, CommentedMap) or not isinstance(item.get(field), str):
            continue
        line, column = item.lc.key(field)
        seen = first.setdefault(key(item[field]), (index, line + 1))
        if seen[0] == index:
            continue
        earlier, earlier_line = seen
        problems.append(
            ConfigProblem(
                name,
                line + 1,
                column + 1,
                f"{section}[{index}].{field}",
                f"the same {what} as {section}[{earlier}] on line {earlier_line} "
                f'("{item[field]}"). Remove one of the two entries.',
            )
        )
    return problems


def _missing_templates(data: CommentedMap, base_dir: Path, name: str) -> list[ConfigProblem]:
    return _missing_path(
        data,
        "templates",
        base_dir,
        name,
        is_there=Path.is_dir,
        what="folder",
        to_do="Create it with the templates you override, or remove the key to use the "
        "default templates.",
    )


def _missing_editorial(data: CommentedMap, base_dir: Path, name: str) -> list[ConfigProblem]:
    """An editorial file named in the settings that is not there. A typo in its name
    would drop every take, pin and drop without a word; the default name, written out
    as the starter does, may be absent (no edits yet)."""
    newsletter = data.get("newsletter")
    named = newsletter.get("editorial") if isinstance(newsletter, CommentedMap) else None
    if isinstance(named, str) and named.strip() == _DEFAULT_EDITORIAL:
        return []
    return _missing_path(
        data,
        "editorial",
        base_dir,
        name,
        is_there=Path.is_file,
        what="file",
        to_do="Correct the name, create the file (`digest init` writes a starter), or "
        "remove the key for the default editorial.yaml.",
    )


def _missing_path(
    data: CommentedMap,
    key: str,
    base_dir: Path,
    name: str,
    *,
    is_there: Callable[[Path], bool],
    what: str,
    to_do: str,
) -> list[ConfigProblem]:
    """A problem at ``newsletter.<key>`` when the path it names, beside the settings
    file, is not there."""
    newsletter = data.get("newsletter")
    if not isinstance(newsletter, CommentedMap):
        return []
    value = newsletter.get(key)
    if not isinstance(value, str) or is_there(base_dir / value):
        return []
    line, column = newsletter.lc.value(key)
    return [
        ConfigProblem(
            name,
            line + 1,
            column + 1,
            f"newsletter.{key}",
            f'no {what} "{value}" beside this file ({base_dir / value}). {to_do}',
        )
    ]
