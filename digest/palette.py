"""The email's colours, light and dark, from the editors' accent colour.

Every text colour is checked against every background it is printed on and, if it
falls short of WCAG AA (4.5:1 for normal text), moved towards black (light mode) or
white (dark mode) until it passes. So an editor may pick any accent in
``newsletter.brand.accent`` and the kickers, numbers and take box stay readable.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["Palette", "contrast_ratio", "palettes"]

# WCAG 2.x AA for body-size text; the target is a little above so rounding of the hex
# value never lands a colour at 4.49:1.
_AA: Final = 4.5
_TARGET: Final = 4.6
# How much of the accent tints the take box: enough to see a box, little enough that
# the text on it keeps near the contrast it has on the card.
_TINT_LIGHT: Final = 0.09
_TINT_DARK: Final = 0.2


@dataclass(frozen=True, slots=True)
class Palette:
    """One colour scheme. Pairs used for text all reach WCAG AA (tested)."""

    page: str  # behind the cards
    card: str  # the cards' background
    text: str
    muted: str  # small print on the card
    muted_on_page: str  # the footer, on the page background
    link: str
    rule: str  # dividers
    badge: str  # the "Update" badge's background
    badge_text: str
    accent: str  # kickers, numbers, labels: the editors' accent made readable
    accent_edge: str  # the take box's edge: the accent as given (not text)
    tint: str  # the take box's background


@functools.lru_cache(maxsize=8)
def palettes(accent: str) -> tuple[Palette, Palette]:
    """The light and the dark palette for ``accent`` (``#rrggbb``)."""
    light_tint = _mix(accent, "#ffffff", _TINT_LIGHT)
    light = Palette(
        page="#f2f2f2",
        card="#ffffff",
        text="#1f1f1f",
        muted="#555555",
        muted_on_page="#4d4d4d",
        link=_readable("#0b57d0", ("#ffffff", light_tint, "#f2f2f2"), towards="#000000"),
        rule="#d0d0d0",
        badge="#8a3b00",
        badge_text="#ffffff",
        accent=_readable(accent, ("#ffffff", light_tint), towards="#000000"),
        accent_edge=accent,
        tint=light_tint,
    )
    dark_tint = _mix(accent, "#1e1e1e", _TINT_DARK)
    dark = Palette(
        page="#121212",
        card="#1e1e1e",
        text="#e8e8e8",
        muted="#bdbdbd",
        muted_on_page="#bdbdbd",
        link=_readable("#8ab4f8", ("#1e1e1e", dark_tint, "#121212"), towards="#ffffff"),
        rule="#444444",
        badge="#ffb870",
        badge_text="#1e1e1e",
        accent=_readable(accent, ("#1e1e1e", dark_tint), towards="#ffffff"),
        accent_edge=_readable(accent, ("#1e1e1e",), towards="#ffffff", ratio=3.0),
        tint=dark_tint,
    )
    return light, dark


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _readable(
    colour: str, backgrounds: Sequence[str], *, towards: str, ratio: float = _TARGET
) -> str:
    """``colour``, moved towards ``towards`` in small steps until it reaches ``ratio``
    against every background (black or white always does)."""
    for step in range(21):
        candidate = _mix(towards, colour, step / 20)
        if all(contrast_ratio(candidate, b) >= ratio for b in backgrounds):
            return candidate
    return towards


def _mix(top: str, bottom: str, amount: float) -> str:
    """``amount`` of ``top`` over ``bottom`` (0: bottom, 1: top)."""
    a, b = _rgb(top), _rgb(bottom)
    return "#" + "".join(
        f"{round(x * amount + y * (1 - amount)):02x}" for x, y in zip(a, b, strict=True)
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
