"""YAML settings files read with node positions, and pydantic's errors in YAML terms.

``feeds.yaml`` (``config.py``) and ``editorial.yaml`` (``editorial.py``) are both read
here: :func:`read_yaml` keeps each node's line and column, :func:`plain` hands pydantic
plain dicts and lists, and :func:`validation_problems` turns every pydantic error into a
:class:`~digest.errors.ConfigProblem` at the line and key path it concerns, worded for
someone who wrote YAML ("should be a list: one '- item' per line", "unknown key. Did
you mean ...?").
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from digest.errors import ConfigError, ConfigProblem

__all__ = ["plain", "read_yaml", "undecodable", "validation_problems"]


def read_yaml(text: str, name: str) -> Any:
    """Parse YAML keeping node positions (ruamel round-trip types)."""
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        # A duplicate key's message holds both values whole: a feed list as a Python repr.
        said = re.sub(r'(found duplicate key "[^"]*").*', r"\1", exc.problem or "", flags=re.S)
        moved = mark is not None and "mapping values are not allowed" in (exc.problem or "")
        hint = _outdented(text, mark.line) if moved and mark is not None else ""
        problem = f"not valid YAML: {said}{hint or _hint(exc)}{_opened(exc)}"
        raise ConfigError([ConfigProblem(name, line, column, "", problem)]) from exc


def _outdented(text: str, index: int) -> str:
    """A hint when the key before line ``index`` (0-based) is indented less than this
    line and holds a value: it was moved left out of the block this line belongs to, and
    the parser stops only here ("mapping values are not allowed")."""
    lines = text.splitlines()
    if index >= len(lines):
        return ""
    here = lines[index]
    before = next(
        (
            (number, line)
            for number, line in reversed(list(enumerate(lines[:index])))
            if line.strip() and not line.lstrip().startswith("#")
        ),
        None,
    )
    if before is None:
        return ""
    number, line = before
    indent = len(here) - len(here.lstrip(" "))
    if len(line) - len(line.lstrip(" ")) < indent and _KEY_WITH_VALUE.match(line.strip()):
        return (
            f" (line {number + 1} is indented less than this one: if it belongs with the "
            "keys below it, indent it as they are, with spaces)"
        )
    return ""


_KEY_WITH_VALUE = re.compile(r"[\w.\-]+:\s+\S")


def undecodable(name: str, raw: bytes, exc: UnicodeDecodeError) -> ConfigProblem:
    """A file that is not UTF-8, with the line and column of its first bad byte."""
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    column = exc.start - (before.rfind(b"\n") + 1) + 1
    return ConfigProblem(
        name,
        line,
        column,
        "",
        f"not UTF-8 text (byte 0x{raw[exc.start]:02x}). Save the file as UTF-8 in your editor.",
    )


# What the YAML parser's words usually mean in a hand-written settings file, and what to
# do: (words of the problem, words of its context or "", the hint).
_HINTS = (
    ("character '\\t'", "", "a tab: YAML indents with spaces only"),
    ("duplicate key", "", "the key is written twice here: keep one"),
    (
        "mapping values are not allowed",
        "",
        "a colon where none can be: a value holding ': ' needs quotes, or the line "
        "before has a key without its colon",
    ),
    ("expected ',' or ", "", "a '[' or '{' left open, or a comma missing between its items"),
    ("end of stream", "quoted", "a quotation mark is opened and never closed"),
    (
        "expected <block end>",
        "",
        "the indentation does not match the lines above: line this key up with the keys "
        "beside it (spaces only), and start each list item with '- '; or text follows a "
        "closing quote",
    ),
    ("could not find expected ':'", "", "a key without its colon, or a quote left open"),
)


def _opened(exc: MarkedYAMLError) -> str:
    """Where the quote or bracket the parser was inside began, when that is on another
    line than the one it stopped at: an unclosed quote is found only at the end of the
    file, far from the line to fix."""
    start, stop = exc.context_mark, exc.problem_mark
    if start is None or stop is None or start.line == stop.line:
        return ""
    context = exc.context or ""
    if "quoted" in context:
        what = "quoted text"
    elif "flow" in context:  # "while parsing a flow mapping" / "... sequence"
        what = "bracket"
    elif "simple key" in context:
        # A key without its colon is noticed only on the line after it.
        return f"; the key without its colon is at line {start.line + 1}"
    else:
        return ""
    return f"; the {what} began at line {start.line + 1}, column {start.column + 1}"


def _hint(exc: MarkedYAMLError) -> str:
    """The plain-words hint for a parser error, or ""."""
    problem, context = exc.problem or "", exc.context or ""
    for words, where, hint in _HINTS:
        if words in problem and where in context:
            return f" ({hint})"
    return ""


def plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def validation_problems(
    exc: ValidationError, data: Any, name: str, root: type[BaseModel]
) -> list[ConfigProblem]:
    """pydantic's errors as problems with the YAML line and column of each key."""
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        line, column = _position(data, loc)
        key = _key_path(loc)
        message = _message(error, root)
        problems.append(ConfigProblem(name, line, column, key, message))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0, p.key))
    return problems


def _key_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str) and part not in ("function-after",):
            path += ("." if path else "") + part
    return path


def _message(error: Any, root: type[BaseModel]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        known = _known_keys(root, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f' Did you mean "{guess[0]}"?' if guess else ""
        return f"unknown key.{hint} Known keys: {', '.join(sorted(known))}."
    if kind == "missing":
        return "required key is missing. Add it."
    value = error.get("input")
    if kind in _YAML_WORDS:
        # pydantic speaks Python ("a valid tuple"); the user wrote YAML.
        return f"{_YAML_WORDS[kind]} (got {_shown(value)})"
    if kind in _BOUNDS:
        limit = next(iter(error.get("ctx", {}).values()), "")
        return f"{_BOUNDS[kind]} {limit} (got {_shown(value)})"
    message = str(error["msg"])
    message = message.removeprefix("Value error, ")
    if kind.endswith("_type") or kind.endswith("_parsing"):
        message += f" (got {value!r})"
    return message


# What each pydantic type error means in YAML terms.
_LIST = "should be a list: one '- item' per line, or [a, b]"
_MAPPING = "should be a mapping: 'key: value' lines, or {key: value}"
_YAML_WORDS = {
    "tuple_type": _LIST,
    "list_type": _LIST,
    "set_type": _LIST,
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "string_type": "should be text (put it in quotes)",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "string_too_short": "should not be empty",
    "too_short": "should not be empty",
}
_BOUNDS = {
    "greater_than_equal": "should be at least",
    "less_than_equal": "should be at most",
    "greater_than": "should be more than",
    "less_than": "should be less than",
}


def _shown(value: Any) -> str:
    """A value as the user wrote it in YAML, not as Python prints it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _known_keys(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    model: Any = root
    is_mapping_key = False
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        if is_mapping_key:
            # The key of a mapping of models (editorial.yaml's story ids): the model
            # stays the same.
            is_mapping_key = False
            continue
        field = model.model_fields.get(part)
        if field is None:
            for candidate in model.model_fields.values():
                if candidate.alias == part:
                    field = candidate
        if field is None:
            return []
        model, is_mapping_key = _inner_model(field.annotation)
        if model is None:
            return []
    keys = []
    for field_name, info in model.model_fields.items():
        if field_name == "path" and model is root:
            continue
        keys.append(info.alias or field_name)
    return keys


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (itself, in a list, an optional or a mapping's values),
    and whether the field is a mapping (so its keys come next in an error's path)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for inner in getattr(annotation, "__args__", ()):
        model, _ = _inner_model(inner)
        if model is not None:
            return model, getattr(annotation, "__origin__", None) is dict
    return None, False


def _position(data: Any, loc: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest YAML node that ``loc`` reaches."""
    node = data
    line: int | None = 1
    column: int | None = 1
    for part in loc:
        try:
            if isinstance(node, CommentedMap) and part in node:
                key_line, key_col = node.lc.key(part)
                line, column = key_line + 1, key_col + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                item_line, item_col = node.lc.item(part)
                line, column = item_line + 1, item_col + 1
                node = node[part]
            else:
                break
        except KeyError:  # a key added in code (an edit being written) has no line yet
            return None, None
    return line, column
