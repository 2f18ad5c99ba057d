"""The editors' preview: a local web app that shows the draft and rebuilds on change.

``server`` builds and watches, ``http`` answers requests, ``page`` turns a build into
what the page template (``templates/page.html.j2``) shows; the page's script and style
are files in ``static/``.
"""

from __future__ import annotations

from digest.preview.server import PreviewServer, PreviewState, serve_preview, start_preview

__all__ = ["PreviewServer", "PreviewState", "serve_preview", "start_preview"]
