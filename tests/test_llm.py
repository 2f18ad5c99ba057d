"""LLM mode (issue 7) against a real local server speaking the chat-completions protocol.

The server (pytest-httpserver on 127.0.0.1) checks each request the way a llama.cpp or
Ollama server would receive it and answers with canned completions. What a user would
notice: grounded text is used with its origin recorded; invented numbers, names and
quotes never reach the email; a dead or confused server costs warnings, not the issue.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from digest.config import LLMConfig
from digest.grounding import check_grounding
from digest.llm import (
    ChatMessage,
    HttpChatModel,
    enhance_summary,
    model_from_config,
    prompts_dir_from_config,
)
from digest.models import Article, ArticleId, Story, StoryId, StorySummary, TakeOrigin
from digest.summarize import summarize_story
from digest.text import word_count

LEDGER = """\
COPENHAGEN (Reuters) - Denmark summoned the US ambassador on Wednesday after Washington \
offered Greenland $1.2 billion in return for a say over mining licences on the island.

The offer would also let the US enlarge the Pituffik Space Base in the north-west of Greenland.

Denmark's prime minister Mette Frederiksen said that the kingdom's constitution was not \
a bargaining chip.
"""

WIRE = """\
NUUK — Greenland's government rejected a US proposal on Wednesday that would have given \
Washington a veto over mining licences.

"We are not for sale and we will not be bought with ports and runways," Greenland's \
premier told reporters in Nuuk.

About 57,000 people live in Greenland, and unemployment stands at 4.6%.

The proposal would cost the US about $1.2 billion over ten years and fund ports and airports.
"""

BRIEFLY = (
    "Denmark summoned the US ambassador after Washington offered Greenland $1.2 billion "
    "for a say over mining licences. Greenland's government rejected the US proposal, "
    "which would have given Washington a veto over mining licences."
)
TAKE = (
    'Greenland\'s answer, "we are not for sale", leaves Washington with a $1.2 billion '
    "offer nobody in Nuuk wants."
)


def _article(slug: str, outlet: str, title: str, text: str) -> Article:
    return Article(
        id=ArticleId(slug),
        url=f"https://{slug}.example/greenland",
        outlet=outlet,
        feed_url=f"https://{slug}.example/feed",
        title=title,
        published=datetime(2026, 3, 4, 8, tzinfo=UTC),
        text=text,
    )


@pytest.fixture()
def story() -> Story:
    return Story(
        StoryId("greenland"),
        (
            _article("ledger", "The Atlantic Ledger", "Denmark summons US envoy", LEDGER),
            _article("wire", "Baltic Wire", "Greenland rejects US offer", WIRE),
        ),
    )


@pytest.fixture()
def summary(story: Story) -> StorySummary:
    return summarize_story(story)


def _completion(content: str) -> Response:
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
    }
    return Response(json.dumps(body), content_type="application/json")


def _serve(server: HTTPServer, *, briefly: str = BRIEFLY, take: str = TAKE) -> list[dict[str, Any]]:
    """Answer Briefly and take prompts; return the request bodies as they arrive."""
    bodies: list[dict[str, Any]] = []

    def handle(request: Request) -> Response:
        body = json.loads(request.get_data())
        bodies.append(body)
        prompt = body["messages"][-1]["content"]
        return _completion(take if "Our take" in prompt else briefly)

    server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(handle)
    return bodies


def _model(server: HTTPServer, api_key: str | None = "sekrit") -> HttpChatModel:
    return HttpChatModel(server.url_for("/v1"), "test-model", api_key=api_key)


def test_grounded_briefly_and_take_are_kept_with_origins(
    httpserver: HTTPServer, story: Story, summary: StorySummary
) -> None:
    bodies = _serve(httpserver)

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert warnings == ()
    assert [s.text for s in enhanced.briefly] == [
        "Denmark summoned the US ambassador after Washington offered Greenland $1.2 billion "
        "for a say over mining licences.",
        "Greenland's government rejected the US proposal, which would have given Washington "
        "a veto over mining licences.",
    ]
    assert [s.source_url for s in enhanced.briefly] == [
        "https://ledger.example/greenland",
        "https://wire.example/greenland",
    ]
    assert enhanced.take == TAKE
    assert enhanced.take_origin is TakeOrigin.LLM
    # The request is what an OpenAI-compatible server expects.
    assert len(bodies) == 2
    for body in bodies:
        assert body["model"] == "test-model"
        assert body["temperature"] == 0
        messages = body["messages"]
        assert isinstance(messages, list) and messages[-1]["role"] == "user"
        assert "Washington offered Greenland $1.2 billion" in messages[-1]["content"]
    request, _ = httpserver.log[0]
    assert request.headers["Authorization"] == "Bearer sekrit"
    assert request.headers["Content-Type"] == "application/json"


def test_invented_number_falls_back_to_the_extractive_sentence(
    httpserver: HTTPServer, story: Story, summary: StorySummary
) -> None:
    invented = (
        "Denmark summoned the US ambassador after Washington offered Greenland $1.2 billion "
        "for a say over mining licences. Greenland's government rejected the proposal, "
        "which 5,000 protesters in Nuuk welcomed on Wednesday. About 57,000 people live in "
        "Greenland, where unemployment stands at 4.6%."
    )
    _serve(httpserver, briefly=invented)

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    texts = [s.text for s in enhanced.briefly]
    assert not any("5,000" in t for t in texts)
    assert texts[0].startswith("Denmark summoned the US ambassador after Washington")
    assert "About 57,000 people live in Greenland, where unemployment stands at 4.6%." in texts
    assert len(warnings) == 1
    assert 'story "greenland"' in warnings[0] and 'the number "5000"' in warnings[0]


@pytest.mark.parametrize(
    ("briefly", "reason"),
    [
        (
            "Norway summoned the US ambassador over mining licences in Greenland. "
            "Sweden's government rejected a US proposal on mining licences.",
            'the name "Norway"',
        ),
        (
            'Greenland\'s premier said "we will never be bought" in Nuuk on Wednesday. '
            "Denmark summoned the US ambassador after a $1.2 billion offer.",
            "not word for word",
        ),
        (
            "The markets rallied strongly as investors cheered the new technology deal.",
            "too little",
        ),
        ("", "the answer was empty"),
    ],
)
def test_unsupported_briefly_keeps_the_extractive_one(
    httpserver: HTTPServer, story: Story, summary: StorySummary, briefly: str, reason: str
) -> None:
    _serve(httpserver, briefly=briefly)

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert enhanced.briefly == summary.briefly
    assert any(
        'story "greenland"' in w and reason in w and "kept the extractive Briefly" in w
        for w in warnings
    ), warnings


@pytest.mark.parametrize(
    ("take", "reason"),
    [
        ("Copenhagen should ask Berlin for help before the election.", 'name "Berlin"'),
        ("A $2 billion offer would not have changed Nuuk's answer.", 'number "2 billion"'),
        ('Nuuk said "never, ever" and meant it.', "not word for word"),
    ],
)
def test_unsupported_take_is_dropped_and_left_missing(
    httpserver: HTTPServer, story: Story, summary: StorySummary, take: str, reason: str
) -> None:
    _serve(httpserver, take=take)

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert enhanced.take == "" and enhanced.take_origin is TakeOrigin.MISSING
    assert any("take" in w and reason in w and "missing" in w for w in warnings), warnings


def test_model_declining_a_take_leaves_it_missing_without_warning(
    httpserver: HTTPServer, story: Story, summary: StorySummary
) -> None:
    _serve(httpserver, take="NONE")

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert enhanced.take_origin is TakeOrigin.MISSING and warnings == ()


def test_editors_take_is_never_replaced(
    httpserver: HTTPServer, story: Story, summary: StorySummary
) -> None:
    bodies = _serve(httpserver)
    edited = replace(summary, take="Ours.", take_origin=TakeOrigin.EDITOR)

    enhanced, _ = enhance_summary(edited, story, _model(httpserver), prompts_dir=None)

    assert (enhanced.take, enhanced.take_origin) == ("Ours.", TakeOrigin.EDITOR)
    assert len(bodies) == 1  # only Briefly was asked for


def test_unreachable_server_gives_warnings_and_the_extractive_summary(
    story: Story, summary: StorySummary, refused_port: int
) -> None:
    model = HttpChatModel(f"http://127.0.0.1:{refused_port}/v1", "m", timeout_seconds=2)

    enhanced, warnings = enhance_summary(summary, story, model, prompts_dir=None)

    assert enhanced == summary
    assert len(warnings) == 2
    assert "cannot reach the LLM server" in warnings[0] and "extractive" in warnings[0]
    assert "no take from the model" in warnings[1]


def _respond(server: HTTPServer, make: Callable[[], Response]) -> None:
    server.expect_request("/v1/chat/completions").respond_with_handler(lambda _: make())


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (lambda: Response("not json", content_type="text/plain"), "not a chat-completions"),
        (lambda: Response(json.dumps({"choices": []})), "not a chat-completions"),
        (lambda: Response(json.dumps({"choices": [{"message": {}}]})), "not a chat-completions"),
        (
            lambda: Response(
                json.dumps({"error": {"message": "model m not found", "code": "model_not_found"}}),
                status=404,
            ),
            "LLM server: HTTP 404 Not Found (model_not_found).",
        ),
        (lambda: Response("overloaded", status=503), "HTTP 503 Service Unavailable."),
    ],
)
def test_malformed_or_failed_answers_give_warnings(
    httpserver: HTTPServer,
    story: Story,
    summary: StorySummary,
    answer: Callable[[], Response],
    message: str,
) -> None:
    _respond(httpserver, answer)

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert enhanced == summary
    assert warnings and all(message in w for w in warnings), warnings


def test_a_failing_server_is_skipped_after_two_failures(httpserver: HTTPServer) -> None:
    _respond(httpserver, lambda: Response("down", status=502))
    model = _model(httpserver)
    question = [ChatMessage("user", "Hello?")]

    for expected in ("HTTP 502", "HTTP 502", "skipped"):
        with pytest.raises(Exception, match=expected):
            model.complete(question)

    assert len(httpserver.log) == 2


def test_thinking_and_labels_are_not_part_of_the_answer(
    httpserver: HTTPServer, story: Story, summary: StorySummary
) -> None:
    _serve(httpserver, briefly=f"<think>Let me see.</think>\nBriefly: {BRIEFLY}")

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert warnings == ()
    assert enhanced.briefly_text == BRIEFLY


def test_prompt_override_directory_is_used(
    httpserver: HTTPServer, story: Story, summary: StorySummary, tmp_path: Path
) -> None:
    bodies = _serve(httpserver)
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "briefly.txt.j2").write_text(
        'HOUSE RULES for "{{ headline }}".\n{% include "default:briefly.txt.j2" %}',
        encoding="utf-8",
    )
    config = LLMConfig.model_validate(
        {"base_url": httpserver.url_for("/v1"), "model": "m", "prompts": "prompts"}
    )
    prompts_dir = prompts_dir_from_config(config, tmp_path)

    enhance_summary(summary, story, _model(httpserver), prompts_dir=prompts_dir)

    briefly_prompt = bodies[0]["messages"][-1]["content"]
    take_prompt = bodies[1]["messages"][-1]["content"]
    assert briefly_prompt.startswith(f'HOUSE RULES for "{summary.headline}".')
    assert 'You write the "Briefly" paragraph' in briefly_prompt  # the default, included
    assert not take_prompt.startswith("HOUSE RULES")  # no override: the shipped prompt


def test_story_text_is_passed_literally_not_evaluated(
    httpserver: HTTPServer, summary: StorySummary
) -> None:
    bodies = _serve(httpserver)
    text = LEDGER + "\nThe ministry's page showed {{ 7*7 }} and {% raw %} in its template.\n"
    story = Story(StoryId("greenland"), (_article("ledger", "Ledger", "{{ 7*7 }}", text),))

    enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    prompt = bodies[0]["messages"][-1]["content"]
    assert "showed {{ 7*7 }} and {% raw %} in its template" in prompt
    assert "Title: {{ 7*7 }}" in prompt
    assert "49" not in prompt


def test_model_from_config_reads_the_key_from_the_environment(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _respond(httpserver, lambda: _completion("Hi."))
    config = LLMConfig.model_validate(
        {"base_url": httpserver.url_for("/v1/"), "model": "m", "api_key_env": "MY_KEY"}
    )
    monkeypatch.delenv("MY_KEY", raising=False)

    assert model_from_config(None) is None
    assert prompts_dir_from_config(config, Path("/x")) is None
    keyless = model_from_config(config)
    assert keyless is not None and keyless.complete([ChatMessage("user", "Hi?")]) == "Hi."
    monkeypatch.setenv("MY_KEY", "k-123")
    keyed = model_from_config(config)
    assert keyed is not None and keyed.complete([ChatMessage("user", "Hi?")]) == "Hi."

    first, second = (request for request, _ in httpserver.log)
    assert "Authorization" not in first.headers
    assert second.headers["Authorization"] == "Bearer k-123"
    assert first.path == "/v1/chat/completions"


SOURCES = [LEDGER, WIRE]


@pytest.mark.parametrize(
    ("sentence", "ok", "reason"),
    [
        ("Washington offered Greenland $1.2 billion for a say over mining licences.", True, ""),
        (
            "Washington offered Greenland $1.2 million for a say over mining licences.",
            False,
            'number "1.2 million"',
        ),
        ("Unemployment in Greenland, home to 57000 people, is 4.6 percent.", True, ""),
        ("Unemployment in Greenland, home to 57,000 people, is 4.8%.", False, 'number "4.8"'),
        ("The plan would cost about $1.2 billion over 10 years.", True, ""),
        ("The plan would cost about $1.2 billion over twelve years.", False, 'number "12"'),
        ("Frederiksen said the constitution was not a bargaining chip.", True, ""),
        ("Jensen said the constitution was not a bargaining chip.", False, 'name "Jensen"'),
        ("The premier said Greenland is “not for sale” to reporters.", True, ""),
        ("The premier said Greenland is “not for rent” to reporters.", False, "word for word"),
        ('The premier said "we are not for sale" to reporters.', True, ""),
        ("The premier said “we are not for sale to reporters.", False, "pair up"),
        ("However, the U.S. would enlarge the Pituffik Space Base in Greenland.", True, ""),
        ("Critics fear the island's fishing economy will suffer.", False, "too little"),
    ],
)
def test_check_grounding(sentence: str, ok: bool, reason: str) -> None:
    result = check_grounding(sentence, SOURCES)

    assert result.ok is ok, result
    assert reason in result.reason
    if ok:
        assert result.source_sentence and word_count(result.source_sentence) > 5


def test_an_answer_cut_off_mid_sentence_loses_the_unfinished_part(
    httpserver: HTTPServer, story: Story, summary: StorySummary
) -> None:
    _serve(httpserver, briefly=BRIEFLY + " About 57,000 people live in Greenland, and")

    enhanced, warnings = enhance_summary(summary, story, _model(httpserver), prompts_dir=None)

    assert enhanced.briefly_text.startswith(BRIEFLY)
    assert "live in Greenland, and" not in enhanced.briefly_text
    assert any("sentence 3" in w and "unfinished" in w for w in warnings), warnings
