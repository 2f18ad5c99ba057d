"""Issues: the stories each issue told or left out, what readers have seen, and runs.

Every story an issue considered has a record (``issue_stories``) with its reason and
its articles (``story_articles``): the printed stories, those of "Also in the news"
(topic ``ALSO_IN_THE_NEWS``), and those left out or set aside. Only printed ones count
as seen by readers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select, update

from digest.ids import article_id_for
from digest.models import (
    ALSO_IN_THE_NEWS,
    ArticleId,
    Issue,
    LeftOut,
    Story,
    StoryId,
    StorySummary,
)
from digest.store import schema
from digest.store.articles import worker_state
from digest.store.base import StoreBase, _utc

__all__ = ["FiledStory", "FinalBuild", "IssueQueries", "SentStory"]


@dataclass(frozen=True, slots=True)
class _StoryRecord:
    """What an issue did with a story, and why: a row behind ``digest why``."""

    story_id: StoryId
    article_ids: tuple[ArticleId, ...]
    headline: str
    sentences: tuple[str, ...]
    topic: str
    is_included: bool
    why: str


@dataclass(frozen=True, slots=True)
class FinalBuild:
    """The final build of an issue: the one that counts as sent."""

    issue_date: str
    built_at: datetime  # the issue's clock (``--now``), UTC
    path: str

    def is_in(self, folder: Path) -> bool:
        """Whether ``folder`` holds this build's files (paths recorded before they were
        made absolute are taken from the current directory)."""
        return Path(self.path).resolve() == folder.resolve()


@dataclass(frozen=True, slots=True)
class FiledStory:
    """A story the editors filed under ``topic`` in the issue of ``issue_date``."""

    topic: str
    story_id: StoryId
    issue_date: str
    headline: str
    article_ids: tuple[ArticleId, ...]


@dataclass(frozen=True, slots=True)
class SentStory:
    """A story that went out in an earlier issue."""

    story_id: StoryId
    issue_date: str
    article_ids: frozenset[ArticleId]
    sentences: frozenset[str]
    headlines: frozenset[str] = frozenset()


class IssueQueries(StoreBase):
    """Queries about issues, the stories they held, and runs."""

    # -- stories and issues ---------------------------------------------------

    def sent_stories(self, *, before: str, since: str) -> list[SentStory]:
        """Stories of issues dated in [since, before): what readers have already seen.

        Only final builds (``digest run``, ``digest schedule``) count as sent; an
        editor's draft (``digest build``, the preview) does not, so its stories stay
        available to the real issue.
        """
        links, told, issues = schema.story_articles, schema.issue_stories, schema.issues
        sent_dates = select(issues.c.issue_date).where(
            and_(
                issues.c.issue_date < before,
                issues.c.issue_date >= since,
                issues.c.is_scheduled.is_(True),
            )
        )
        # Every story an issue considered has links; only those it printed were seen.
        printed = and_(
            told.c.issue_date == links.c.issue_date,
            told.c.story_id == links.c.story_id,
            told.c.is_included.is_(True),
        )
        with self._begin() as connection:
            rows = connection.execute(
                select(links.c.story_id, links.c.article_id, links.c.issue_date)
                .join(told, printed)
                .where(links.c.issue_date.in_(sent_dates))
            ).all()
            sentence_rows = connection.execute(
                select(told.c.story_id, told.c.sentences, told.c.headline).where(
                    and_(told.c.issue_date.in_(sent_dates), told.c.is_included.is_(True))
                )
            ).all()
        sentences: dict[str, set[str]] = {}
        headlines: dict[str, set[str]] = {}
        for story_id, blob, headline in sentence_rows:
            sentences.setdefault(story_id, set()).update(json.loads(blob))
            headlines.setdefault(story_id, set()).add(headline)
        grouped: dict[str, tuple[str, set[ArticleId]]] = {}
        for story_id, article_id, issue_date in rows:
            last, members = grouped.get(story_id, (issue_date, set()))
            members.add(ArticleId(article_id))
            grouped[story_id] = (max(last, issue_date), members)
        return [
            SentStory(
                StoryId(story_id),
                last,
                frozenset(members),
                frozenset(sentences.get(story_id, ())),
                frozenset(headlines.get(story_id, ())),
            )
            for story_id, (last, members) in sorted(grouped.items())
        ]

    def record_issue(
        self,
        issue: Issue,
        *,
        path: str,
        now: datetime,
        chosen: Sequence[Story],
        left_out: Sequence[LeftOut],
        is_final: bool,
        html_bytes: int,
        briefs: Sequence[Story] = (),
        filed: Mapping[StoryId, str] | None = None,
    ) -> None:
        """Record a built issue, the stories it holds and those it left out, and why.

        ``chosen`` are the selected stories (their articles and why they are in);
        ``briefs`` the stories of "Also in the news"; ``left_out`` every other story
        the issue considered, with its reason and articles; ``filed`` the printed
        stories the editors moved under a topic (examples of it for later issues).
        """
        issue_date = issue.issue_date.isoformat()
        stories = _story_records(issue, chosen, briefs, left_out)
        issues, told, links = schema.issues, schema.issue_stories, schema.story_articles
        examples = schema.topic_examples
        printed = {r.story_id for r in stories if r.is_included}
        with self._begin() as connection:
            previous = connection.execute(
                select(issues.c.is_scheduled).where(issues.c.issue_date == issue_date)
            ).scalar()
            if previous and not is_final:
                # A draft of an issue already sent: the records stay those of what was
                # sent, which later issues and `digest why` rely on.
                return
            connection.execute(issues.delete().where(issues.c.issue_date == issue_date))
            connection.execute(told.delete().where(told.c.issue_date == issue_date))
            connection.execute(links.delete().where(links.c.issue_date == issue_date))
            connection.execute(examples.delete().where(examples.c.issue_date == issue_date))
            connection.execute(
                issues.insert().values(
                    issue_date=issue_date,
                    built_at=now,
                    path=path,
                    is_scheduled=bool(is_final or previous),
                    story_count=len(issue.stories),
                    html_bytes=html_bytes,
                )
            )
            for story in stories:
                connection.execute(
                    told.insert().values(
                        issue_date=issue_date,
                        story_id=story.story_id,
                        headline=story.headline,
                        sentences=json.dumps(list(story.sentences), ensure_ascii=False),
                        topic=story.topic,
                        is_included=story.is_included,
                        why=story.why,
                    )
                )
                for article_id in sorted(set(story.article_ids)):
                    connection.execute(
                        links.insert().values(
                            story_id=story.story_id, article_id=article_id, issue_date=issue_date
                        )
                    )
            for story_id, topic in sorted((filed or {}).items()):
                if story_id in printed:
                    connection.execute(
                        examples.insert().values(
                            issue_date=issue_date, story_id=story_id, topic=topic
                        )
                    )

    def printed_headlines(self, issue_date: str) -> dict[str, str]:
        """Story id -> the headline it printed under in the last build of the issue."""
        told = schema.issue_stories
        query = select(told.c.story_id, told.c.headline).where(
            (told.c.issue_date == issue_date) & told.c.is_included
        )
        with self._begin() as connection:
            return {str(row.story_id): str(row.headline) for row in connection.execute(query)}

    def story_history(self, story_id: str) -> list[dict[str, Any]]:
        """Every issue that considered this story: date, topic, included or not, and why.

        Each row is about the issue's final build when it has one (``is_final``), else
        about its latest draft; ``built_at`` is that build's clock.
        """
        told, issues = schema.issue_stories, schema.issues
        query = (
            select(told, issues.c.is_scheduled, issues.c.built_at)
            .select_from(told.outerjoin(issues, issues.c.issue_date == told.c.issue_date))
            .where(told.c.story_id == story_id)
            .order_by(told.c.issue_date)
        )
        with self._begin() as connection:
            return [_history_row(row) for row in connection.execute(query)]

    def story_ids(self) -> list[str]:
        """Every story id an issue recorded, for suggesting one to an id copied wrong."""
        told = schema.issue_stories
        with self._begin() as connection:
            return [row[0] for row in connection.execute(select(told.c.story_id).distinct())]

    def article_history(self, url: str) -> list[dict[str, Any]]:
        """Every issue that considered the article at ``url``: as :meth:`story_history`,
        with the story that held it (``story_id``)."""
        told, links, issues = schema.issue_stories, schema.story_articles, schema.issues
        query = (
            select(told, issues.c.is_scheduled, issues.c.built_at)
            .join(
                links,
                and_(links.c.issue_date == told.c.issue_date, links.c.story_id == told.c.story_id),
            )
            .outerjoin(issues, issues.c.issue_date == told.c.issue_date)
            .where(links.c.article_id == article_id_for(url))
            .order_by(told.c.issue_date)
        )
        with self._begin() as connection:
            return [
                {**_history_row(row), "story_id": row.story_id} for row in connection.execute(query)
            ]

    def final_build(self, issue_date: str) -> FinalBuild | None:
        """When and where the final build of this issue was written, if there was one."""
        issues = schema.issues
        with self._begin() as connection:
            row = connection.execute(
                select(issues.c.built_at, issues.c.path).where(
                    and_(issues.c.issue_date == issue_date, issues.c.is_scheduled.is_(True))
                )
            ).first()
        if row is None:
            return None
        built_at = _utc(row.built_at)
        assert built_at is not None  # the column is NOT NULL
        return FinalBuild(issue_date, built_at, row.path)

    def move_issue_files(self, issue_date: str, path: str) -> None:
        """Record that the files of this issue's recorded build now live at ``path``."""
        issues = schema.issues
        with self._begin() as connection:
            connection.execute(
                update(issues).where(issues.c.issue_date == issue_date).values(path=path)
            )

    def issue_accounting(self, issue_date: str | None = None) -> list[dict[str, Any]]:
        """Every story the issue of ``issue_date`` (default: the latest) considered,
        with its reason and how many articles it held; printed stories first."""
        told, links, issues = schema.issue_stories, schema.story_articles, schema.issues
        with self._begin() as connection:
            if issue_date is None:
                issue_date = connection.execute(
                    select(issues.c.issue_date).order_by(issues.c.issue_date.desc()).limit(1)
                ).scalar()
            if issue_date is None:
                return []
            rows = connection.execute(select(told).where(told.c.issue_date == issue_date)).all()
            counts: dict[str, int] = {}
            for (story_id,) in connection.execute(
                select(links.c.story_id).where(links.c.issue_date == issue_date)
            ):
                counts[story_id] = counts.get(story_id, 0) + 1
        records = [
            {**_history_row(row), "story_id": row.story_id, "articles": counts.get(row.story_id, 0)}
            for row in rows
        ]
        records.sort(key=lambda r: (not r["is_included"], r["topic"] == ALSO_IN_THE_NEWS))
        return records

    def filed_stories(self, *, before: str, since: str) -> list[FiledStory]:
        """Stories the editors filed under a topic in issues dated in [since, before)."""
        examples, told, links = schema.topic_examples, schema.issue_stories, schema.story_articles
        same_story = and_(
            told.c.issue_date == examples.c.issue_date, told.c.story_id == examples.c.story_id
        )
        with self._begin() as connection:
            rows = connection.execute(
                select(
                    examples.c.topic, examples.c.story_id, examples.c.issue_date, told.c.headline
                )
                .join(told, same_story)
                .where(and_(examples.c.issue_date < before, examples.c.issue_date >= since))
                .order_by(examples.c.issue_date, examples.c.story_id)
            ).all()
            members: dict[tuple[str, str], list[ArticleId]] = {}
            for issue_date, story_id, article_id in connection.execute(
                select(links.c.issue_date, links.c.story_id, links.c.article_id)
                .join(
                    examples,
                    and_(
                        links.c.issue_date == examples.c.issue_date,
                        links.c.story_id == examples.c.story_id,
                    ),
                )
                .where(and_(examples.c.issue_date < before, examples.c.issue_date >= since))
            ):
                members.setdefault((issue_date, story_id), []).append(ArticleId(article_id))
        return [
            FiledStory(
                topic,
                StoryId(story_id),
                issue_date,
                headline,
                tuple(sorted(members.get((issue_date, story_id), []))),
            )
            for topic, story_id, issue_date, headline in rows
        ]

    def issue_number(self, issue_date: str) -> int:
        """The number of the issue of ``issue_date``: one more than the final (sent)
        issues before it. A draft or a rebuild keeps the number it will be sent with."""
        issues = schema.issues
        query = select(func.count()).where(
            issues.c.is_scheduled.is_(True), issues.c.issue_date < issue_date
        )
        with self._begin() as connection:
            return int(connection.execute(query).scalar() or 0) + 1

    def issue_is_final(self, issue_date: str) -> bool:
        """Whether a final build (one that counts as sent) made this issue."""
        issues = schema.issues
        with self._begin() as connection:
            value = connection.execute(
                select(issues.c.is_scheduled).where(issues.c.issue_date == issue_date)
            ).scalar()
        return bool(value)

    # -- runs ----------------------------------------------------------------

    def start_run(self, kind: str, *, now: datetime, worker: str = "") -> int:
        """Record a run's start; ``worker`` (``host:pid:token``) lets ``recent_runs`` tell a
        run whose process is gone from one still going."""
        summary = json.dumps({"worker": worker} if worker else {})
        with self._begin() as connection:
            result = connection.execute(
                schema.runs.insert().values(kind=kind, started_at=now, summary=summary)
            )
            key = result.inserted_primary_key
            return int(key[0]) if key is not None else 0

    def finish_run(self, run_id: int, *, now: datetime, ok: bool, summary: dict[str, Any]) -> None:
        runs = schema.runs
        with self._begin() as connection:
            connection.execute(
                update(runs)
                .where(runs.c.id == run_id)
                .values(finished_at=now, ok=ok, summary=json.dumps(summary, sort_keys=True))
            )

    def recent_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        runs = schema.runs
        with self._begin() as connection:
            rows = connection.execute(select(runs).order_by(runs.c.id.desc()).limit(limit)).all()
        return [
            {
                "id": row.id,
                "kind": row.kind,
                "started_at": _utc(row.started_at),
                "finished_at": _utc(row.finished_at),
                "ok": row.ok,
                "summary": json.loads(row.summary or "{}"),
                "process": _process(row),
            }
            for row in rows
        ]


def _process(run: Any) -> str:
    """An unfinished run's process: "running", "gone" (killed) or "unknown" (another
    machine); "" for a finished run."""
    started = _utc(run.started_at)
    if run.finished_at is not None or started is None:
        return ""
    return worker_state(str(json.loads(run.summary or "{}").get("worker", "")), started)


def _history_row(row: Any) -> dict[str, Any]:
    """A story's record in one issue; with the issue's build (``is_final``, ``built_at``)
    when the query joined it."""
    record = {
        "issue_date": row.issue_date,
        "headline": row.headline,
        "topic": row.topic,
        "is_included": bool(row.is_included),
        "why": row.why,
    }
    if "built_at" in row._fields:
        record["is_final"] = bool(row.is_scheduled)
        record["built_at"] = _utc(row.built_at)
    return record


def _story_records(
    issue: Issue, chosen: Sequence[Story], briefs: Sequence[Story], left_out: Sequence[LeftOut]
) -> list[_StoryRecord]:
    """One record per story the issue considered: printed ones first, then those of
    "Also in the news", then the others."""
    by_id = {s.id: s for s in chosen}
    records: dict[StoryId, _StoryRecord] = {}
    for topic in issue.topics:
        for summary in topic.stories:
            story = by_id.get(summary.story_id)
            records.setdefault(
                summary.story_id,
                _StoryRecord(
                    summary.story_id,
                    tuple(a.id for a in story.articles) if story else (),
                    summary.headline,
                    _sentences(summary),
                    topic.name,
                    True,
                    story.why if story else "",
                ),
            )
    printed_briefs = {b.story_id: b for b in issue.also_in_the_news}
    for story in briefs:
        brief = printed_briefs.get(story.id)
        if brief is None:
            continue
        records.setdefault(
            story.id,
            _StoryRecord(
                story.id,
                tuple(a.id for a in story.articles),
                brief.headline,
                (brief.sentence,) if brief.sentence else (),
                ALSO_IN_THE_NEWS,
                True,
                story.why,
            ),
        )
    for item in left_out:
        records.setdefault(
            item.story_id,
            _StoryRecord(
                item.story_id, item.article_ids, item.headline, (), item.topic, False, item.detail
            ),
        )
    return list(records.values())


def _sentences(summary: StorySummary) -> tuple[str, ...]:
    texts = [s.text for s in summary.briefly] + [s.text for s in summary.also_worth_noting]
    texts += [p.says for p in summary.perspectives]
    # The take too: an update of the story must not print last week's take again.
    if summary.take.strip():
        texts.append(summary.take.strip())
    return tuple(texts)
