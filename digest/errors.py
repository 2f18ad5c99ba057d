"""The one exception tree of newsletter-digest.

    DigestError                 base; carries ``hint`` (what the user should do)
    ├── ConfigError             feeds.yaml / editorial.yaml: file, line, key path
    ├── InputError              a data file given on the command line: file, line
    ├── FetchError              a feed or article page could not be fetched: URL, status
    ├── ModelError              the language model gave no usable answer: endpoint
    ├── StoreError              the database: URL, schema version
    ├── TemplateError           a template: name, line
    ├── DeliveryError           an output path
    │   └── IssueSentError      a draft would replace the files of a sent issue
    └── LockedError             another process holds a store lock: which one

Library code raises these; only ``cli.py`` turns them into messages and exit codes.
Messages read *where: what happened. What to do.* Credentials in any URL of a message,
hint or URL field are masked as the error is made (:func:`digest.urls.redact_secrets`),
so no error can print a database password or a feed's token.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.urls import redact_secrets, redact_url

__all__ = [
    "ConfigError",
    "ConfigProblem",
    "DeliveryError",
    "DigestError",
    "FetchError",
    "InputError",
    "IssueSentError",
    "LockedError",
    "ModelError",
    "StoreError",
    "TemplateError",
]


class DigestError(Exception):
    """Base of every error this package raises on purpose."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        message = redact_secrets(message)
        super().__init__(message)
        self.message = message
        self.hint = redact_secrets(hint)

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One invalid setting: where it is and what is wrong with it."""

    file: str
    line: int | None
    column: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class ConfigError(DigestError):
    """The configuration cannot be used; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[ConfigProblem] | tuple[ConfigProblem, ...]) -> None:
        self.problems = tuple(problems)
        text = "\n".join(str(p) for p in self.problems)
        super().__init__(text, hint="")


class InputError(DigestError):
    """A data file (an evaluation set, a benchmark directory) is malformed."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None, hint: str = ""):
        super().__init__(message, hint=hint)
        self.file = file
        self.line = line


class FetchError(DigestError):
    """A feed or page could not be fetched; the poll or page fetch records why."""

    def __init__(
        self, message: str, *, url: str = "", status: int | None = None, hint: str = ""
    ) -> None:
        super().__init__(message, hint=hint)
        self.url = redact_url(url)
        self.status = status


class ModelError(DigestError):
    """The language model gave no usable answer; the extractive text is kept."""

    def __init__(self, message: str, *, endpoint: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.endpoint = redact_url(endpoint)


class StoreError(DigestError):
    def __init__(
        self, message: str, *, url: str = "", schema_version: int | None = None, hint: str = ""
    ) -> None:
        super().__init__(message, hint=hint)
        self.url = redact_url(url)
        self.schema_version = schema_version


class TemplateError(DigestError):
    def __init__(
        self, message: str, *, template: str = "", line: int | None = None, hint: str = ""
    ) -> None:
        super().__init__(message, hint=hint)
        self.template = template
        self.line = line


class DeliveryError(DigestError):
    def __init__(self, message: str, *, path: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.path = path


class IssueSentError(DeliveryError):
    """A draft would overwrite the folder of an issue that was already sent; nothing ran."""


class LockedError(DigestError):
    """Another process holds a store lock (``lock`` names it) past the wait allowed."""

    def __init__(self, message: str, *, lock: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.lock = lock
