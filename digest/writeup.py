"""Writing: the selected stories written up in the house style, nothing else.

Each story is summarised extractively (``digest.summarize``); with a language model
configured, the model may improve what the sources support (``digest.llm``). Only the
stories the selection chose reach this step, so nothing is written (or sent to a model)
for a story that will not be printed.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import date

from digest.config import Config
from digest.llm import enhance_summary, model_from_config, prompts_dir_from_config
from digest.models import (
    LeftOut,
    LeftOutReason,
    Problem,
    Stage,
    StorySummary,
    TakeOrigin,
    TopicSection,
)
from digest.select import Selection
from digest.summarize import summarize_story

__all__ = ["Written", "write_stories"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Written:
    """The written sections, the stories that could not be written, and the problems."""

    sections: tuple[TopicSection, ...]
    left_out: tuple[LeftOut, ...] = ()
    problems: tuple[Problem, ...] = ()


def write_stories(
    config: Config,
    selection: Selection,
    *,
    previous_sentences: frozenset[str],
    issue_date: date | None = None,
) -> Written:
    """Summarise every selected story, in order; a story that fails is left out.

    ``previous_sentences`` (printed in earlier issues) are not repeated in Briefly. The
    model is not asked for a take where the editors wrote one (``selection.editor_takes``).
    """
    model = model_from_config(config.llm)
    prompts_dir = prompts_dir_from_config(config.llm, config.base_dir)
    sections: list[TopicSection] = []
    left_out: list[LeftOut] = []
    problems: list[Problem] = []
    for topic in selection.topics:
        summaries: list[StorySummary] = []
        for story in topic.stories:
            try:
                summary = summarize_story(
                    story, previous_sentences=previous_sentences, issue_date=issue_date
                )
                summary = dataclasses.replace(summary, rank=story.rank)
            except Exception as exc:
                # Per-story isolation: one story that trips the summarizer is left out
                # with a warning; the rest of the issue is still built.
                logger.exception("story %s: summarizing failed", story.id)
                reason = f"summarizing failed ({type(exc).__name__}: {exc})"
                problems.append(
                    Problem(Stage.SUMMARIZE, story.id, f"story {story.id}: left out, {reason}.")
                )
                left_out.append(
                    LeftOut(story.id, LeftOutReason.FAILED, reason, story.articles[0].title)
                )
                continue
            if not summary.briefly and not summary.perspectives:
                # Every sentence was page furniture (a crawl notice, a tweet widget): there
                # is nothing to print, and a headline alone would mislead.
                reason = "no article text left once page furniture was removed"
                left_out.append(
                    LeftOut(story.id, LeftOutReason.FAILED, reason, story.articles[0].title)
                )
                problems.append(
                    Problem(Stage.SUMMARIZE, story.id, f"story {story.id}: left out, {reason}.")
                )
                continue
            if model is not None:
                if story.id in selection.editor_takes:
                    # The editors wrote this take: the model is not asked for one (the
                    # text phase of the editorial plan puts the editors' words in).
                    summary = dataclasses.replace(summary, take_origin=TakeOrigin.EDITOR)
                summary, notes = enhance_summary(summary, story, model, prompts_dir=prompts_dir)
                problems.extend(Problem(Stage.LLM, story.id, note) for note in notes)
            problems.extend(
                Problem(Stage.SUMMARIZE, story.id, f"story {story.id}: {flag}")
                for flag in summary.flags
            )
            summaries.append(summary)
        if summaries:
            sections.append(TopicSection(topic.name, topic.configured, tuple(summaries)))
    return Written(tuple(sections), tuple(left_out), tuple(problems))
