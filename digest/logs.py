"""Logging set-up for the command line: grouped warnings, text or JSON lines.

Both formats mask credentials in every URL of a line, tracebacks included
(:func:`digest.urls.redact_secrets`): a database password or a feed token in a message
never reaches the terminal, a container log or a log collector.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

from digest.urls import redact_secrets

__all__ = ["OUTPUT_LOGGER", "LimitFilter", "configure_logging", "is_json_lines"]

# The command line's own report lines (summaries, errors, the tally): always shown, as
# plain text or, with --log-format json, as JSON like every other line.
OUTPUT_LOGGER = "digest.output"

# After this many warnings of one kind, further ones are counted, not shown.
_SHOWN_PER_KIND = 5


# What varies between two messages of one kind written out whole: links, story ids,
# quotations, figures.
_VARIABLE = re.compile(r"\S+://\S+|\bs-[0-9a-f]{6,}\b|“[^”]*”|\"[^\"]*\"|\d+(?:[.,]\d+)*")
_PLACEHOLDER = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdrfi%]")


class LimitFilter(logging.Filter):
    """Collapse identical messages; show at most five of one kind, then count the rest.

    A message's kind is its format string (``record.msg``), so "feed X failed" and
    "feed Y failed" logged with the same format are one kind. A message passed whole
    (``"%s"``: a build's or a poll's list of problems) is its own text with links,
    quotations and figures left out: "article <link> (Bayfront Herald): HTTP <n> ..."
    groups one outlet's dead links, and is never lumped with a different warning.
    """

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()
        self._per_kind: dict[str, int] = {}
        self._first_hidden: dict[str, str] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        text = record.getMessage()
        if text in self._seen:
            return False
        self._seen.add(text)
        kind = _kind(record, text)
        count = self._per_kind.get(kind, 0) + 1
        self._per_kind[kind] = count
        if count == _SHOWN_PER_KIND + 1:
            self._first_hidden[kind] = text
        return count <= _SHOWN_PER_KIND

    def hidden(self) -> dict[str, int]:
        """Kinds with messages that were not shown, and how many."""
        return {k: n - _SHOWN_PER_KIND for k, n in self._per_kind.items() if n > _SHOWN_PER_KIND}

    def first_hidden(self, kind: str) -> str:
        """The first message of ``kind`` that was not shown: the tally's example."""
        return self._first_hidden.get(kind, kind)


def _kind(record: logging.LogRecord, text: str) -> str:
    template = str(record.msg)
    if record.args and re.search(r"[A-Za-z]", _PLACEHOLDER.sub("", template)):
        return template
    return _VARIABLE.sub("_", text)


class _TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact_secrets(super().format(record))


class _ReportFormatter(_TextFormatter):
    """The command line's report lines: errors start "error:", warnings "WARNING:"."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if record.levelno >= logging.ERROR:
            return f"error: {text}"
        if record.levelno >= logging.WARNING:
            return f"WARNING: {text}"
        return text


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact_secrets(record.getMessage()),
        }
        if record.exc_info:
            payload["traceback"] = redact_secrets(self.formatException(record.exc_info))
        return json.dumps(payload, ensure_ascii=False)


def is_json_lines() -> bool:
    """Whether every line goes out as JSON (then nothing may draw on the terminal)."""
    handlers = logging.getLogger(OUTPUT_LOGGER).handlers
    return any(isinstance(handler.formatter, _JsonFormatter) for handler in handlers)


def configure_logging(
    *,
    verbose: int = 0,
    json_lines: bool = False,
    limit_repeats: bool = True,
    show_info: bool = False,
) -> LimitFilter:
    """Send the package's log records to stderr; returns the filter (for the tally).

    ``limit_repeats`` groups repeated warnings, for one-shot commands; a long-running
    process (the scheduler, the preview) logs every record, or its weekly results would
    be swallowed after the fifth week. ``show_info`` shows routine progress (INFO)
    without ``-v``, for those long-running processes.
    """
    quiet = logging.INFO if show_info else logging.WARNING
    level = quiet if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        _JsonFormatter() if json_lines else _TextFormatter("%(levelname)s: %(message)s")
    )
    limit = LimitFilter()
    if limit_repeats:
        handler.addFilter(limit)
    root = logging.getLogger("digest")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    output = logging.StreamHandler(sys.stderr)
    output.setFormatter(_JsonFormatter() if json_lines else _ReportFormatter("%(message)s"))
    report = logging.getLogger(OUTPUT_LOGGER)
    report.handlers[:] = [output]
    report.setLevel(logging.INFO)
    report.propagate = False
    return limit
