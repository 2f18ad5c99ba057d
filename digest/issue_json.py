"""The ``digest.json`` format: an issue as plain JSON, and that format's JSON Schema.

Each issue directory of the archive (``archive.py``) holds a ``digest.json`` written by
:func:`issue_to_json`; :func:`digest_schema` (``digest schema digest``) describes it,
and :data:`SCHEMA_VERSION` changes whenever a field does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from digest.models import Issue, Sentence, StorySummary

__all__ = ["SCHEMA_VERSION", "digest_schema", "issue_to_json"]

SCHEMA_VERSION: Final = 4


def _iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``; naive times are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    text = moment.astimezone(UTC).isoformat(timespec="seconds")
    return text.removesuffix("+00:00") + "Z"


def _sentences(sentences: tuple[Sentence, ...]) -> list[dict[str, object]]:
    return [{"text": s.text, "source_url": s.source_url} for s in sentences]


def _story_to_json(story: StorySummary) -> dict[str, object]:
    return {
        "id": str(story.story_id),
        "headline": story.headline,
        "briefly": story.briefly_text,
        "briefly_sentences": _sentences(story.briefly),
        "perspectives": [
            {"who": p.who, "says": p.says, "source_url": p.source_url, "outlet": p.outlet}
            for p in story.perspectives
        ],
        "take": story.take if story.take_origin != "missing" else "",
        "take_origin": str(story.take_origin),
        "also_worth_noting": _sentences(story.also_worth_noting),
        "sources": [
            {
                "outlet": s.outlet,
                "title": s.title,
                "url": s.url,
                "published": _iso(s.published),
            }
            for s in story.sources
        ],
        "status": str(story.status),
        "sent_on": story.sent_on or None,
        "rank": story.rank,
        "flags": list(story.flags),
    }


def issue_to_json(issue: Issue) -> dict[str, object]:
    """The issue as the ``digest.json`` document (see ``digest_schema()``).

    Only plain JSON types; times are ISO 8601 UTC strings. No wall-clock time is added:
    ``generated_at`` is the issue's own (or null).
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "newsletter": issue.newsletter,
        "issue_date": issue.issue_date.isoformat(),
        "generated_at": _iso(issue.generated_at) if issue.generated_at else None,
        "number": issue.number,
        "draft": issue.is_draft,
        "window": {"start": _iso(issue.window_start), "end": _iso(issue.window_end)},
        "watch": [
            {
                "month": item.month.isoformat()[:7],
                "day": item.day.isoformat() if item.day else None,
                "text": item.text,
                "outlet": item.outlet,
                "url": item.url,
                "story_id": str(item.story_id),
            }
            for item in issue.watch
        ],
        "topics": [
            {
                "name": topic.name,
                "anchor": topic.anchor,
                "configured": topic.configured,
                "stories": [_story_to_json(story) for story in topic.stories],
            }
            for topic in issue.topics
        ],
        "warnings": [str(p) for p in issue.problems],
        "also_in_the_news": [
            {
                "id": str(brief.story_id),
                "headline": brief.headline,
                "outlet": brief.outlet,
                "url": brief.url,
                "sentence": brief.sentence,
                "published": _iso(brief.published),
            }
            for brief in issue.also_in_the_news
        ],
    }


def _string(description: str, **extra: object) -> dict[str, object]:
    return {"type": "string", "description": description, **extra}


def _object(properties: dict[str, object], description: str) -> dict[str, object]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def digest_schema() -> dict[str, object]:
    """JSON Schema (draft 2020-12) of ``digest.json``."""
    timestamp = _string("ISO 8601 time in UTC, e.g. 2024-05-06T06:00:00Z.", format="date-time")
    sentence = _object(
        {
            "text": _string("One sentence, plain text."),
            "source_url": _string("The article the sentence comes from."),
        },
        "A sentence and the article it was taken from.",
    )
    perspective = _object(
        {
            "who": _string("Who holds the view (a person, group or outlet)."),
            "says": _string("What they say, plain text."),
            "source_url": _string("The article reporting it."),
            "outlet": _string("The outlet of source_url; may be empty."),
        },
        "An attributed viewpoint.",
    )
    source = _object(
        {
            "outlet": _string("The outlet's name, used as link text."),
            "title": _string("The article's title."),
            "url": _string("The article URL as published; may be any scheme (unchecked)."),
            "published": timestamp,
        },
        "An article the story is based on.",
    )
    story = _object(
        {
            "id": _string("Stable story id."),
            "headline": _string("The story's headline."),
            "briefly": _string("The Briefly paragraph: briefly_sentences joined by spaces."),
            "briefly_sentences": {"type": "array", "items": sentence},
            "perspectives": {"type": "array", "items": perspective},
            "take": _string("Our take; empty when take_origin is missing."),
            "take_origin": _string("Who wrote the take.", enum=["editor", "llm", "missing"]),
            "also_worth_noting": {"type": "array", "items": sentence},
            "sources": {"type": "array", "items": source},
            "status": _string(
                "new, or update of a story in an earlier issue.", enum=["new", "update"]
            ),
            "sent_on": {
                "anyOf": [_string("The date.", format="date"), {"type": "null"}],
                "description": "An update: the date of the issue that last told the story; "
                "null for a new story.",
            },
            "rank": {
                "type": "integer",
                "minimum": 0,
                "description": "Importance in the issue: 1 is the most important; 0 unranked.",
            },
            "flags": {
                "type": "array",
                "items": _string("One thing to verify, in words."),
                "description": "For the editors, never printed: what to verify before "
                "sending (figures the outlets disagree on, a future tense about a date "
                "already past).",
            },
        },
        "A story written up in the house style.",
    )
    brief = _object(
        {
            "id": _string("Stable story id."),
            "headline": _string("The story's headline."),
            "outlet": _string("The outlet that reported it."),
            "url": _string("The article URL as published; may be any scheme (unchecked)."),
            "sentence": _string("The article's lead sentence; may be empty."),
            "published": timestamp,
        },
        'A story from one outlet, told in one line under "Also in the news".',
    )
    watch = _object(
        {
            "month": _string("The month of the event, YYYY-MM."),
            "day": {
                "anyOf": [_string("The day.", format="date"), {"type": "null"}],
                "description": "The day of the event; null when only the month is known.",
            },
            "text": _string("The sentence of the article that names the event."),
            "outlet": _string("The outlet of that article."),
            "url": _string("The article's URL."),
            "story_id": _string("The story the article belongs to."),
        },
        "An event ahead that an article mentions (a summit, a vote, a deadline).",
    )
    topic = _object(
        {
            "name": _string("Section heading."),
            "anchor": _string("URL fragment of the section in the web version."),
            "configured": {"type": "boolean", "description": "Listed in feeds.yaml topics."},
            "stories": {"type": "array", "items": story},
        },
        "A topic section, stories best first.",
    )
    schema = _object(
        {
            "schema_version": {"type": "integer", "const": SCHEMA_VERSION},
            "newsletter": _string("The newsletter's name."),
            "issue_date": _string("The issue date.", format="date"),
            "generated_at": {
                "anyOf": [timestamp, {"type": "null"}],
                "description": "When the issue was built (UTC), if recorded.",
            },
            "number": {
                "type": "integer",
                "minimum": 0,
                "description": "The issue's number (1 = the first sent); 0 = not numbered.",
            },
            "draft": {
                "type": "boolean",
                "description": "Built as a draft, not the issue to send.",
            },
            "window": _object(
                {"start": timestamp, "end": timestamp},
                "The news window the issue covers: start inclusive, end exclusive.",
            ),
            "watch": {"type": "array", "items": watch, "description": "What to watch."},
            "topics": {"type": "array", "items": topic},
            "warnings": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Problems met while building the issue.",
            },
            "also_in_the_news": {
                "type": "array",
                "items": brief,
                "description": "Stories from one outlet, listed after the main stories.",
            },
        },
        "One issue of a newsletter-digest newsletter (digest.json).",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:newsletter-digest:schema:digest-issue:{SCHEMA_VERSION}",
        "title": "newsletter-digest digest.json",
        **schema,
    }
