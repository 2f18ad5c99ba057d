"""Stable identifiers of articles and stories, derived from URLs.

Editors key their edits by story id and the store keys articles by article id, so both
must survive reruns. Kept apart from clustering (which needs numpy and scipy) so that
reading the editors' file stays cheap.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from digest.models import ArticleId, StoryId

__all__ = ["article_id_for", "story_id_for"]


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
