"""Stable identifiers of articles and stories, derived from URLs.

Editors key their edits by story id and the store keys articles by article id, so both
must survive reruns. Kept apart from clustering (which needs numpy and scipy) so that
reading the editors' file stays cheap.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from digest.models import ArticleId, StoryId

__all__ = ["article_id_for", "is_story_id", "story_id_for"]

_STORY_ID = re.compile(r"s-[0-9a-f]{12}")


def article_id_for(url: str) -> ArticleId:
    """An article's id: a hash of its canonical URL."""
    return ArticleId(hashlib.sha1(url.encode("utf-8")).hexdigest())


def story_id_for(url: str) -> StoryId:
    """A story's id: a hash of its first article's URL without scheme and port.

    Editors key their edits by this id, so it must survive reruns; leaving the port
    out also keeps it stable for the offline sample, which runs on a random port.
    """
    parts = urlsplit(url)
    key = f"{parts.hostname or ''}{parts.path}?{parts.query}"
    return StoryId("s-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12])


def is_story_id(text: str) -> bool:
    """Whether ``text`` has the form of a story id (:func:`story_id_for`)."""
    return bool(_STORY_ID.fullmatch(text))
