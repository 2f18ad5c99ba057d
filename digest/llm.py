"""Optional LLM mode (issue 7): a chat model may write Briefly and the take, checked.

The extractive summary is always made first; this module only *replaces* parts of it,
and only with text the sources support:

* **Briefly.** The model's sentences are kept one by one if each passes
  ``check_grounding`` (content-word overlap with a source sentence, quotes verbatim,
  numbers and names present). A failing sentence is replaced by the extractive sentence
  in the same place; with fewer than two passing, the extractive Briefly stays whole.
* **Our take.** A view, so it is not held to overlap, but its names and numbers must be
  in the sources and its quotes verbatim; otherwise it is dropped and the take stays
  missing. An editor's take is never replaced.

Every fallback comes back as a warning naming the story and the reason. The model is
anything with ``complete(messages) -> str`` (``ChatModel``); ``HttpChatModel`` speaks
the OpenAI-compatible chat-completions protocol (llama.cpp's server, Ollama, vLLM,
hosted APIs). Prompts are Jinja2 templates (``templates/prompts/``), overridable from
the ``llm.prompts`` directory; story text is passed in as variables, never as template
source, so "{{ ... }}" inside an article is just text.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import httpx
import jinja2

from digest.config import LLMConfig
from digest.errors import ModelError
from digest.grounding import SourceIndex
from digest.models import Sentence, Story, StorySummary, TakeOrigin
from digest.templating import prompt_environment
from digest.text import content_words, split_sentences, word_count

__all__ = [
    "ChatMessage",
    "ChatModel",
    "HttpChatModel",
    "enhance_summary",
    "model_from_config",
    "prompts_dir_from_config",
]

logger = logging.getLogger(__name__)

_MIN_BRIEFLY, _MAX_BRIEFLY = 2, 3
_TAKE_MAX_WORDS = 60
# An extractive stand-in sharing this share of its content words with a kept model
# sentence would say the same thing twice, so the place stays empty instead.
_REDUNDANT = 0.5
# An answer cut off at the token limit ends mid-sentence; that part is not kept.
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*$")
# Prompt budget: about 3,000 tokens of article text, leaving room for the instructions
# and the answer in the 4,096-token context llama.cpp and Ollama default to.
_PROMPT_CHARS = 12_000
_MAX_PROMPT_ARTICLES = 6
_TIMEOUT_SECONDS = 120.0  # a CPU-only local model can take a minute on a long prompt
_CONNECT_SECONDS = 10.0
_MAX_FAILURES = 2  # in a row; then the rest of the run skips the server at once
_MAX_RESPONSE_BYTES = 1_000_000
# How errors name the endpoint: llm.base_url may be an internal host, and the messages
# reach digest.json, which is published.
_SERVER = "LLM server"
_ERROR_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{0,39}")

_THINKING = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:\*\*)?(?:briefly|our take|take|summary)(?:\*\*)?\s*:\s*", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: str  # "system", "user" or "assistant"
    content: str


class ChatModel(Protocol):
    """A chat model. ``complete`` returns the answer's text.

    Raises ``ModelError`` (with a hint) when there is no answer; callers turn that into
    a warning and keep the extractive text.
    """

    def complete(self, messages: Sequence[ChatMessage]) -> str: ...


# HTTP client ---------------------------------------------------------------------------


class HttpChatModel:
    """POSTs to ``{base_url}/chat/completions`` (OpenAI-compatible), temperature 0.

    Sends ``Authorization: Bearer <api_key>`` when a key is given. After
    ``_MAX_FAILURES`` transport errors or 5xx answers in a row it stops trying, so a
    server that is down costs one timeout or two per run, not one per story.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_seconds: float = _TIMEOUT_SECONDS,
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self._api_key = api_key
        self._timeout = httpx.Timeout(
            timeout_seconds, connect=min(_CONNECT_SECONDS, timeout_seconds)
        )
        self._failures = 0

    def complete(self, messages: Sequence[ChatMessage]) -> str:
        if self._failures >= _MAX_FAILURES:
            raise ModelError(
                f"{_SERVER}: skipped, the last {self._failures} requests failed.",
                hint="Check that the LLM server is running, then build again.",
            )
        body = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": 0,
        }
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        try:
            with httpx.Client(timeout=self._timeout, follow_redirects=False) as client:
                response = client.post(self.url, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            self._failures += 1
            raise ModelError(
                f"{_SERVER}: no answer within {self._timeout.read:g} s.",
                hint="Use a smaller model or check the server's load.",
            ) from exc
        except httpx.HTTPError as exc:
            self._failures += 1
            # The exception's text names the endpoint, which may be an internal host;
            # the kind of failure is enough here (the traceback keeps the rest).
            raise ModelError(
                f"{_SERVER}: cannot reach the LLM server ({_failure_kind(exc)}).",
                hint="Check llm.base_url in feeds.yaml and that the server is running.",
            ) from exc
        if response.status_code >= httpx.codes.INTERNAL_SERVER_ERROR:
            self._failures += 1
        else:
            self._failures = 0
        return _answer_text(response)


def _failure_kind(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ConnectError):
        return "connection failed"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the connection broke"
    return type(exc).__name__


def _answer_text(response: httpx.Response) -> str:
    """The first choice's message content, or ModelError saying what was wrong.

    Errors never quote the server's answer: an error body may repeat the API key or
    the prompt, and these messages end up in published warnings. A short error code
    (OpenAI's ``error.code`` or ``error.type``, such as ``invalid_api_key``) is kept.
    """
    if len(response.content) > _MAX_RESPONSE_BYTES:
        raise ModelError(f"{_SERVER}: answer larger than {_MAX_RESPONSE_BYTES} bytes.")
    try:
        data: Any = response.json()
    except ValueError:
        data = None
    if not response.is_success:
        reason = httpx.codes.get_reason_phrase(response.status_code)
        code = _error_code(data)
        raise ModelError(
            f"{_SERVER}: HTTP {response.status_code} {reason}{f' ({code})' if code else ''}.",
            hint="Check llm.model and the API key variable (llm.api_key_env).",
        )
    try:
        content = data["choices"][0]["message"]["content"]
    except (TypeError, KeyError, IndexError):
        content = None
    if not isinstance(content, str):
        raise ModelError(
            f"{_SERVER}: not a chat-completions answer (no choices[0].message.content).",
            hint="llm.base_url must be an OpenAI-compatible endpoint, usually ending in /v1.",
        )
    return content


def _error_code(data: Any) -> str:
    """An error body's machine-readable code, if it is a short identifier; else ""."""
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return ""
    for key in ("code", "type"):
        value = error.get(key)
        if isinstance(value, str) and _ERROR_CODE.fullmatch(value):
            return value
    return ""


def model_from_config(
    config: LLMConfig | None, *, environ: Mapping[str, str] | None = None
) -> ChatModel | None:
    """The configured chat model, or None when feeds.yaml has no ``llm:`` section.

    The API key is read from ``config.api_key_env`` in ``environ`` (default: the
    process environment); local servers need none, so a missing key is not an error.
    """
    if config is None:
        return None
    env = os.environ if environ is None else environ
    return HttpChatModel(config.base_url, config.model, api_key=env.get(config.api_key_env) or None)


def prompts_dir_from_config(config: LLMConfig | None, base_dir: Path) -> Path | None:
    """The prompt override directory (``llm.prompts``, relative to feeds.yaml), if any."""
    if config is None or config.prompts is None:
        return None
    return base_dir / config.prompts


# Prompts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PromptArticle:
    outlet: str
    title: str
    published: str
    url: str
    text: str


def _prompt_articles(story: Story) -> list[_PromptArticle]:
    """The first articles, each cut at a sentence end to its share of the budget."""
    articles = [a for a in story.articles if (a.text or a.summary).strip()]
    articles = articles[:_MAX_PROMPT_ARTICLES]
    share = _PROMPT_CHARS // max(1, len(articles))
    out = []
    for article in articles:
        kept: list[str] = []
        size = 0
        for sentence in split_sentences(article.text or article.summary):
            if kept and size + len(sentence) > share:
                break
            kept.append(sentence)
            size += len(sentence) + 1
        published = article.published.date().isoformat()
        out.append(
            _PromptArticle(article.outlet, article.title, published, article.url, " ".join(kept))
        )
    return out


def _ask(
    model: ChatModel, prompts_dir: Path | None, name: str, context: Mapping[str, object]
) -> tuple[str | None, str]:
    """(answer, "") or (None, why there is none)."""
    try:
        prompt = prompt_environment(prompts_dir).get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{name}:{line}" if line else name
        return None, f"prompt template {where}: {exc}. Fix the template in llm.prompts."
    try:
        answer = model.complete([ChatMessage("user", prompt)])
    except ModelError as exc:
        return None, str(exc)
    return _THINKING.sub("", answer).strip(), ""


def _answer_sentences(answer: str) -> list[str]:
    text = _BULLET.sub("", _LABEL.sub("", answer.strip().strip("`")))
    return [s for s in split_sentences(" ".join(text.split())) if s]


# Enhancing a summary -------------------------------------------------------------------


def enhance_summary(
    summary: StorySummary,
    story: Story,
    model: ChatModel,
    *,
    prompts_dir: Path | None = None,
    briefly_words: int = 70,
) -> tuple[StorySummary, tuple[str, ...]]:
    """``summary`` with the model's Briefly and take where the sources support them.

    Asks ``model`` twice (Briefly, then the take unless an editor wrote one). Returns the
    new summary and warnings; a model failure is a warning, never an exception, and
    leaves the extractive text. ``briefly_words`` caps the model's Briefly as
    ``SummaryOptions.briefly_words`` caps the extractive one.
    """
    sources = SourceIndex([a.text or a.summary for a in story.articles])
    if not sources.has_text:
        return summary, ()
    context: dict[str, object] = {
        "headline": summary.headline,
        "status": str(summary.status),
        "articles": _prompt_articles(story),
        "extractive": [s.text for s in summary.briefly],
        "briefly": summary.briefly_text,
        "perspectives": summary.perspectives,
        "min_sentences": _MIN_BRIEFLY,
        "max_sentences": _MAX_BRIEFLY,
        "max_words": briefly_words,
    }
    warnings: list[str] = []
    where = f'story "{story.id}"'
    answer, problem = _ask(model, prompts_dir, "briefly.txt.j2", context)
    briefly = summary.briefly
    if answer is None:
        warnings.append(f"{where}: no Briefly from the model ({problem}); kept the extractive one.")
    else:
        briefly = _checked_briefly(answer, summary.briefly, story, sources, briefly_words, warnings)
    changes: dict[str, Any] = {"briefly": briefly}
    if summary.take_origin is not TakeOrigin.EDITOR:
        context.update(briefly=" ".join(s.text for s in briefly), max_words=_TAKE_MAX_WORDS)
        take = _checked_take(model, prompts_dir, context, sources, where, warnings)
        if take:
            changes.update(take=take, take_origin=TakeOrigin.LLM)
    for warning in warnings:
        logger.debug("%s", warning)
    return dataclasses.replace(summary, **changes), tuple(warnings)


def _checked_briefly(
    answer: str,
    extractive: tuple[Sentence, ...],
    story: Story,
    sources: SourceIndex,
    budget: int,
    warnings: list[str],
) -> tuple[Sentence, ...]:
    """The model's sentences that pass, each failing one swapped for the extractive one."""
    where = f'story "{story.id}"'
    proposed = _answer_sentences(answer)
    if len(proposed) > _MAX_BRIEFLY:
        warnings.append(
            f"{where}: the model wrote {len(proposed)} Briefly sentences; "
            f"kept the first {_MAX_BRIEFLY}."
        )
        proposed = proposed[:_MAX_BRIEFLY]
    chosen: list[Sentence | None] = []
    reasons: list[str] = []
    for number, text in enumerate(proposed, start=1):
        result = sources.check(text)
        if result.ok and not _FINISHED.search(text):
            result = dataclasses.replace(result, ok=False, reason="it is unfinished")
        if result.ok:
            doc = sources.document_of(result.source_sentence)
            chosen.append(Sentence(text, story.articles[doc].url))
        else:
            chosen.append(None)
            reasons.append(f'sentence {number} ("{text}"): {result.reason}')
    passed = [s for s in chosen if s is not None]
    if len(passed) < _MIN_BRIEFLY:
        why = "; ".join(reasons) or "the answer was empty"
        warnings.append(
            f"{where}: {len(passed)} of {len(proposed)} Briefly sentences from the model "
            f"are supported by the sources ({why}); kept the extractive Briefly."
        )
        return extractive
    for reason in reasons:
        warnings.append(f"{where}: dropped the model's Briefly {reason}.")
    filled = _fill_from_extractive(chosen, extractive)
    if word_count(" ".join(s.text for s in filled)) > budget:
        warnings.append(
            f"{where}: the model's Briefly is over {budget} words; kept the extractive one."
        )
        return extractive
    return filled


def _fill_from_extractive(
    chosen: list[Sentence | None], extractive: tuple[Sentence, ...]
) -> tuple[Sentence, ...]:
    """Put the extractive sentence of the same place where a model sentence failed,
    unless it repeats a sentence already kept (then the place stays empty)."""
    kept = [s for s in chosen if s is not None]
    out: list[Sentence] = []
    for index, sentence in enumerate(chosen):
        if sentence is not None:
            out.append(sentence)
            continue
        if index < len(extractive) and not any(
            _is_redundant(extractive[index].text, s.text) for s in [*kept, *out]
        ):
            out.append(extractive[index])
    return tuple(dict.fromkeys(out))


def _is_redundant(a: str, b: str) -> bool:
    words_a, words_b = set(content_words(a)), set(content_words(b))
    return len(words_a & words_b) / max(1, min(len(words_a), len(words_b))) >= _REDUNDANT


def _checked_take(
    model: ChatModel,
    prompts_dir: Path | None,
    context: Mapping[str, object],
    sources: SourceIndex,
    where: str,
    warnings: list[str],
) -> str:
    """The model's take if its names, numbers and quotes are in the sources, else ""."""
    answer, problem = _ask(model, prompts_dir, "take.txt.j2", context)
    if answer is None:
        warnings.append(f"{where}: no take from the model ({problem}); the take is missing.")
        return ""
    take = " ".join(_LABEL.sub("", answer).split())
    if len(take) > 1 and take[0] in '"“' and take[-1] in '"”' and take.count(take[0]) <= 2:
        take = take[1:-1].strip()
    if not take or take.rstrip(".").upper() == "NONE":
        return ""  # the model declined; the preview flags the take as missing
    if word_count(take) > _TAKE_MAX_WORDS:
        warnings.append(
            f"{where}: the model's take is over {_TAKE_MAX_WORDS} words; the take is missing."
        )
        return ""
    for sentence in split_sentences(take):
        result = sources.check(sentence, require_overlap=False)
        if not result.ok:
            warnings.append(
                f'{where}: dropped the model\'s take ("{take}"): {result.reason}; '
                "the take is missing."
            )
            return ""
    return take
