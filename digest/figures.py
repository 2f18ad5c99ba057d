"""Figures the outlets disagree on: keep the one most of them give, or flag it.

Two printed sentences from different articles that state the same kind of figure
(money in one currency, a percentage, a count of the same thing) about the same thing
(they share at least ``_SHARED_CONTEXT`` content words besides the figures) but differ
by more than ``_SAME_FIGURE`` conflict, unless either sentence gives both figures (then
they count two things: an estate and a bequest from it). The story's sentences then
vote: each one giving either figure in a like context counts for it. A note with the
minority figure is dropped; a Briefly sentence stays (it was chosen as the news) and the
conflict is flagged for the editors, as is a tie.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.briefly import ScoredSentences

__all__ = ["FigureCheck", "figure_conflicts", "same_figure"]

# "€140bn", "$1.2 billion", "42.7%", "30 per cent", "350 jobs": a number with a unit.
_FIGURE = re.compile(
    r"(?P<currency>[€$£¥])?\s?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
    r"(?P<scale>bn|billion|m\b|million|trillion|thousand|k\b)?\s?"
    r"(?P<unit>%|per ?cent|percent|(?:euros?|dollars?|pounds?|roubles?|yuan|kroner)\b)?",
    re.IGNORECASE,
)
_SCALES = {
    "bn": 1e9,
    "billion": 1e9,
    "m": 1e6,
    "million": 1e6,
    "trillion": 1e12,
    "thousand": 1e3,
    "k": 1e3,
}
_SHARED_CONTEXT = 3
_SAME_FIGURE = 0.1  # relative difference under which two figures are the same (rounding)


@dataclass(frozen=True, slots=True)
class FigureCheck:
    """Notes to drop (their figure is the minority's) and flags for the editors."""

    drop: frozenset[int]
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Figure:
    kind: str  # "€", "%", ...
    value: float
    text: str


def figure_conflicts(
    scored: ScoredSentences,
    briefly: Sequence[int],
    notes: Sequence[int],
    outlets: Sequence[str] = (),
) -> FigureCheck:
    """Conflicting figures among the printed sentences (``briefly`` and ``notes``)."""
    printed = [*briefly, *notes]
    figures = {i: _figures(scored.candidates[i].text) for i in range(len(scored.candidates))}
    drop: set[int] = set()
    flags: list[str] = []
    for one, two in itertools.combinations(printed, 2):
        a, b = scored.candidates[one], scored.candidates[two]
        if a.doc == b.doc or one in drop or two in drop:
            continue
        shared = scored.bags[one] & scored.bags[two]
        if len(shared) < _SHARED_CONTEXT:
            continue
        for x, y in itertools.product(figures[one], figures[two]):
            if x.kind != y.kind or same_figure(x.value, y.value):
                continue
            # A sentence giving both figures counts two things ("her $26.6 million
            # fortune ..., a $10,000 bequest for her dog"): they do not disagree.
            if _gives(figures[one], y) or _gives(figures[two], x):
                continue
            votes_x = _votes(scored, figures, x, shared)
            votes_y = _votes(scored, figures, y, shared)
            loser = two if votes_x > votes_y else one if votes_y > votes_x else None
            if loser is not None and loser in notes:
                drop.add(loser)
            else:
                where_a = _outlet(outlets, a.doc)
                where_b = _outlet(outlets, b.doc)
                flags.append(
                    f"outlets give different figures: {x.text}{where_a} and {y.text}{where_b}; "
                    "check which is right, or say that they differ."
                )
            break
    return FigureCheck(frozenset(drop), tuple(dict.fromkeys(flags)))


def _figures(text: str) -> list[_Figure]:
    out = []
    for match in _FIGURE.finditer(text):
        currency, scale, unit = match.group("currency"), match.group("scale"), match.group("unit")
        if not (currency or scale or unit):
            continue  # a bare number: a year, an age, a count of unknown things
        value = float(match.group("number").replace(",", ""))
        value *= _SCALES.get((scale or "").lower(), 1.0)
        unit_key = (unit or "").lower().replace(" ", "")
        kind = "%" if unit_key in ("%", "percent", "percent") else currency or unit_key or "n"
        out.append(_Figure(kind, value, match.group(0).strip()))
    return out


def _gives(found: list[_Figure], figure: _Figure) -> bool:
    return any(f.kind == figure.kind and same_figure(f.value, figure.value) for f in found)


def same_figure(one: float, two: float) -> bool:
    """Whether two figures are one, told with different rounding."""
    return abs(one - two) <= _SAME_FIGURE * max(abs(one), abs(two))


def _votes(
    scored: ScoredSentences,
    figures: dict[int, list[_Figure]],
    figure: _Figure,
    context: frozenset[str],
) -> int:
    """Sentences of the story giving ``figure`` in a context like ``context``."""
    return sum(
        1
        for i, found in figures.items()
        if _gives(found, figure) and len(scored.bags[i] & context) >= _SHARED_CONTEXT - 1
    )


def _outlet(outlets: Sequence[str], doc: int) -> str:
    return f" ({outlets[doc]})" if doc < len(outlets) and outlets[doc] else ""
