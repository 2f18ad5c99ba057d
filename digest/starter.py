"""``digest init``: a commented starter feeds.yaml and editorial.yaml for a new newsletter.

The starter is valid as written (two public feeds, one topic), so every command works
on it at once; its comments say what each key does and what to change first. The JSON
Schema is written beside it, so an editor with a YAML language server completes and
checks keys (the ``yaml-language-server`` comment on the first line points at it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from digest.config import config_schema, parse_config
from digest.errors import DeliveryError
from digest.files import replace_file

__all__ = ["SCHEMA_FILE", "StarterFiles", "write_starter"]

SCHEMA_FILE: Final = "digest-config.schema.json"

_FEEDS_YAML: Final = f"""\
# yaml-language-server: $schema={SCHEMA_FILE}
# The settings of your newsletter, written by `digest init`. Every key is described in
# {SCHEMA_FILE} (and by `digest schema config`); a mistake is reported with its line.
#
# First steps (see README.md):
#   digest fetch     poll the feeds below into the store (digest.db, beside this file)
#   digest preview   edit the draft in your browser at http://127.0.0.1:8765/
#   digest build     write a draft to out/<date>/: try it as often as you like
#   digest run       the final issue: fetch, build, and its stories count as sent

newsletter:
  name: My Newsletter                     # shown in the masthead and the subject
  from: "My Newsletter <news@example.org>"
  unsubscribe: "https://example.org/unsubscribe"   # an https URL or an ESP merge tag
  # postal_address: "My Newsletter, 1 Main Street, 1000 Brussels, Belgium"
  #                                       # anti-spam laws want one in every email
  timezone: UTC                           # IANA name, e.g. Europe/Brussels
  window_days: 7                          # days of news one issue covers
  max_stories: 12
  editorial: editorial.yaml               # the editors' takes and overrides
  # templates: my-templates               # a folder of template overrides

schedule:
  cron: "0 6 * * MON"                     # `digest schedule`: Mondays 06:00 (timezone above)

storage:
  url: "sqlite:///digest.db"              # relative to this file

# fetch:
#   allow_private: true   # needed when article links point at your own machine or network

# Standing topics: stories matching a topic's keywords are filed under it.
topics:
  - name: Europe
    keywords: [European Union, Brussels, NATO]

# The feeds to poll: replace these with your own (RSS or Atom URLs).
feeds:
  - {{url: "https://feeds.bbci.co.uk/news/world/rss.xml", name: BBC News}}
  - {{url: "https://www.theguardian.com/world/rss", name: The Guardian}}
"""

_EDITORIAL_YAML: Final = """\
# The editors' decisions, keyed by story id (the ids are in the preview and in
# out/<date>/digest.json). `digest preview` writes here when you press its buttons; you
# may also edit it by hand. Entries for stories not in the current issue are kept.
#
# stories:
#   s-3f2a9c1d0b7e:
#     take: "Our view, in a sentence or two."    # Our take
#     pin: true                                  # lead the issue with it
#     keep: true                                 # bring it in, past max_stories
#     drop: true                                 # leave the story out
#     order: 1                                   # position within its topic
#     topic: Europe                              # move under a configured topic
#     headline: "A better headline"
#     briefly: "Replaces the Briefly paragraph."
#     perspectives: [{who: Nuuk, says: "Greenland is not for sale."}]
#     also_worth_noting: ["A background fact."]
#     merge_into: s-0f9aa98d217a                 # one story with both sets of sources
#     split: [https://outlet.example/article]    # an article out, into its own story
stories: {}
"""


@dataclass(frozen=True, slots=True)
class StarterFiles:
    written: tuple[Path, ...]
    kept: tuple[Path, ...]  # already there, left as they were


def write_starter(folder: Path, *, force: bool = False) -> StarterFiles:
    """Write feeds.yaml, editorial.yaml and the config schema into ``folder``.

    Existing feeds.yaml or editorial.yaml are kept unless ``force``; the schema is
    always brought up to date. Raises DeliveryError when the folder is not writable.
    """
    files = {
        "feeds.yaml": _FEEDS_YAML,
        "editorial.yaml": _EDITORIAL_YAML,
        SCHEMA_FILE: json.dumps(config_schema(), indent=2, sort_keys=True) + "\n",
    }
    # The starter must load as written: a newcomer's first command works.
    parse_config(_FEEDS_YAML, folder / "feeds.yaml")
    written, kept = [], []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = folder / name
            if path.exists() and not force and name != SCHEMA_FILE:
                kept.append(path)
                continue
            replace_file(path, text)
            written.append(path)
    except OSError as exc:
        raise DeliveryError(
            f"{folder}: cannot write the starter files: {exc.strerror or exc}",
            path=str(folder),
            hint="Run `digest init` in a folder you can write to, or pass --dir.",
        ) from exc
    return StarterFiles(tuple(written), tuple(kept))
