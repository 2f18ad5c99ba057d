"""Rendering time of a full issue (12 stories), and mjml-python vs the reference ``mjml``.

Run from the repo root::

    .venv/bin/python bench/render.py                      # print the table
    .venv/bin/python bench/render.py --write              # also update docs/benchmarks.md
    .venv/bin/python bench/render.py --node-modules DIR   # DIR/mjml from `npm install mjml@4`

The issue is the 12-story test issue of ``tests/test_render.py`` (reused so the
benchmark and the tests render the same thing). ``render_issue`` compiles the MJML twice
(email and web version) and builds the .eml; the MJML columns time one compile of the
same rendered MJML source. Node's number is measured inside one node process (startup
excluded), so it compares the compilers, not the process launch. Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import mjml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._docs import write_section  # noqa: E402
from digest import render, templating  # noqa: E402
from digest.config import NewsletterConfig  # noqa: E402
from digest.layout import FITS  # noqa: E402
from tests.test_render import make_issue, make_newsletter  # noqa: E402

__all__ = ["main"]

_HEADING = "## Rendering"
_NODE_SCRIPT = """
const mjml2html = require('mjml');
const fs = require('fs');
const src = fs.readFileSync(process.argv[1], 'utf8');
const runs = Number(process.argv[2]);
let out = mjml2html(src, {validationLevel: 'soft'});
const times = [];
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  out = mjml2html(src, {validationLevel: 'soft'});
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({median_ms: times[Math.floor(times.length / 2)],
  bytes: Buffer.byteLength(out.html, 'utf8'), errors: out.errors.length,
  version: require('mjml/package.json').version}));
"""


def _median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm-up: template compilation, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _node_mjml(source: str, node_modules: Path, runs: int) -> dict[str, object] | None:
    node = shutil.which("node")
    if node is None or not (node_modules / "mjml").is_dir():
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".mjml", delete=False) as file:
        file.write(source)
    try:
        result = subprocess.run(
            [node, "-e", _NODE_SCRIPT, file.name, str(runs)],
            capture_output=True,
            text=True,
            check=True,
            env={"NODE_PATH": str(node_modules), "PATH": "/usr/bin:/bin"},
        )
    finally:
        Path(file.name).unlink()
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def _measure(runs: int, node_modules: Path | None) -> list[tuple[str, str, str]]:
    issue = make_issue(12)
    newsletter = make_newsletter()
    env = templating.template_environment(None)
    # Private helpers on purpose: the bench times the Jinja step on its own.
    context = {
        **render._with_stories(
            render._context(issue, newsletter, "Subject"), issue, FITS[0], is_web=False
        ),
        "preheader": "Plus: the rest of the issue",
    }
    template = env.get_template(render.HTML_TEMPLATE)
    source = template.render(context)
    started = time.perf_counter()
    rendered = render.render_issue(issue, newsletter)
    cold_ms = (time.perf_counter() - started) * 1000
    html_kb = len(rendered.html.encode()) / 1024
    rows = [
        (
            "first render_issue in a process (compiles the templates)",
            f"{cold_ms:.1f} ms",
            "",
        ),
        (
            "render_issue, 12 stories (Jinja x3, MJML x2, .eml)",
            f"{_median_ms(lambda: render.render_issue(issue, newsletter), runs):.1f} ms",
            f"HTML {html_kb:.1f} KB, text {len(rendered.text.encode()) / 1024:.1f} KB, "
            f".eml {len(rendered.eml) / 1024:.1f} KB",
        ),
        _sixty_stories(newsletter, max(runs // 6, 3)),
        (
            "Jinja2 only (MJML source)",
            f"{_median_ms(lambda: template.render(context), runs):.1f} ms",
            f"MJML source {len(source.encode()) / 1024:.1f} KB",
        ),
        (
            "mjml-python 1.4.2, one compile",
            f"{_median_ms(lambda: mjml.mjml2html(source, fonts={}), runs):.2f} ms",
            f"{len(mjml.mjml2html(source, fonts={}).encode()) / 1024:.1f} KB HTML",
        ),
    ]
    node = _node_mjml(source, node_modules, runs) if node_modules else None
    if node is not None:
        rows.append(
            (
                f"mjml {node['version']} (node {_node_version()}), one compile",
                f"{float(str(node['median_ms'])):.2f} ms",
                f"{int(str(node['bytes'])) / 1024:.1f} KB HTML, {node['errors']} validation errors",
            )
        )
    else:
        rows.append(("mjml (npm)", "not measured", "pass --node-modules DIR with mjml installed"))
    return rows


def _sixty_stories(newsletter: NewsletterConfig, runs: int) -> tuple[str, str, str]:
    """A 60-story issue of seven sources each: over Gmail's clip in full, so render_issue
    fits it (several compiles), which the build pays once per issue."""
    issue = make_issue(60, sources=7)
    rendered = render.render_issue(issue, newsletter)
    return (
        f"render_issue, 60 stories fitted under the clip (median of {runs})",
        f"{_median_ms(lambda: render.render_issue(issue, newsletter), runs):.0f} ms",
        f"HTML {len(rendered.html.encode()) / 1024:.1f} KB, web version "
        f"{len(rendered.web_html.encode()) / 1024:.1f} KB",
    )


def _load() -> str:
    # Other work on the machine slows every row alike; the load says how busy it was.
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def _node_version() -> str:
    node = shutil.which("node")
    if node is None:
        return "?"
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()


def _table(rows: list[tuple[str, str, str]], runs: int) -> str:
    lines = [
        _HEADING,
        "",
        "`.venv/bin/python bench/render.py --node-modules DIR --write` "
        f"(median of {runs} runs; Python {platform.python_version()}, {platform.machine()}). "
        "Target: a 12-story render under 50 ms after the first (issue 17). "
        f"Load average at the end: {_load()}.",
        "",
        "| what | time | size |",
        "| --- | ---: | --- |",
    ]
    lines += [f"| {what} | {took} | {size} |" for what, took, size in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--node-modules", type=Path, default=None)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)
    table = _table(_measure(args.runs, args.node_modules), args.runs)
    sys.stdout.write(table)
    if args.write:
        write_section(_HEADING, table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
