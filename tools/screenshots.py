"""Screenshots of the demo's email for the README: phone and desktop, light and dark.

Builds the bundled sample's issue exactly as ``digest demo`` does (same sample, same
clock), opens ``email.html`` in headless Chromium (Debian's ``chromium`` through
Playwright, network blocked) and saves the top of it as ``docs/email-{375,600}-{light,
dark}.png``, plus the end of the desktop view (What to watch and the footer) as
``docs/email-600-end.png``. PNGs are quantised with ``pngquant`` when it is installed,
which keeps the five under a few hundred KB.

    .venv/bin/python -m tools.screenshots                       # the demo as shipped
    .venv/bin/python -m tools.screenshots --editorial FILE      # with an editorial.yaml
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
CHROMIUM = os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or ""
TOP_PX = {375: 1800, 600: 1450}
END_PX = 900


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editorial", type=Path, help="editorial.yaml to build with")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    if not CHROMIUM:
        sys.exit("needs Debian's chromium (apt-get install chromium) or DIGEST_CHROMIUM")
    with tempfile.TemporaryDirectory() as work:
        email = _build_demo(Path(work), args.editorial)
        shots = _screenshots(email, args.out)
    for path in shots:
        _shrink(path)
        print(f"{path.relative_to(REPO)}: {path.stat().st_size / 1024:.0f} KB")
    return 0


def _build_demo(work: Path, editorial: Path | None) -> Path:
    from digest.build import BuildOptions, run_issue
    from digest.config import load_config
    from digest.sample import serve_sample, write_sample_config

    with serve_sample(week=1) as site:
        # With the sample's takes, as `digest demo` builds it.
        config = load_config(write_sample_config(site, work / "site", with_takes=True))
        if editorial is not None:
            shutil.copyfile(editorial, config.editorial_path)
        result = run_issue(config, BuildOptions(out_dir=work / "out", now=site.now))
    return result.path / "email.html"


def _screenshots(email: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for width, height in TOP_PX.items():
                for scheme in ("light", "dark"):
                    path = out / f"email-{width}-{scheme}.png"
                    _shoot(browser, email, width, scheme, path, top=0, height=height)
                    shots.append(path)
            path = out / "email-600-end.png"
            _shoot(browser, email, 600, "light", path, top=None, height=END_PX)
            shots.append(path)
        finally:
            browser.close()
    return shots


def _shoot(
    browser: Any, email: Path, width: int, scheme: str, path: Path, *, top: int | None, height: int
) -> None:
    """``height`` pixels of the page from ``top`` (None: the end of the page)."""
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page.route(
        "**/*",
        lambda route: (
            route.abort()
            if "://" in route.request.url and not route.request.url.startswith("file:")
            else route.continue_()
        ),
    )
    page.emulate_media(color_scheme=scheme)
    page.goto(email.as_uri())
    full = int(page.evaluate("document.documentElement.scrollHeight"))
    start = max(full - height, 0) if top is None else top
    clip = {"x": 0, "y": start, "width": width, "height": min(height, full - start)}
    page.screenshot(path=str(path), full_page=True, clip=clip)
    page.close()


def _shrink(path: Path) -> None:
    pngquant = shutil.which("pngquant")
    if pngquant is None:
        return
    # Text on flat colours needs few colours; quality 70-95 keeps edges crisp.
    subprocess.run(
        [
            pngquant,
            "--force",
            "--skip-if-larger",
            "--quality=70-95",
            "--output",
            str(path),
            "--",
            str(path),
        ],
        check=False,
    )


if __name__ == "__main__":
    raise SystemExit(main())
