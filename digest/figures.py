"""Figures the outlets disagree on: keep the one most of them give, or flag it.

Two printed sentences from different articles that state the same kind of figure
(money in one currency, a percentage, a count of the same thing) about the same thing
(they share at least ``_SHARED_CONTEXT`` content words besides the figures) but differ
by more than ``_SAME_FIGURE`` conflict, unless either sentence gives both figures (then
they count two things: an estate and a bequest from it), the words beside the figures
say they measure different things (a share of goods, a rate of tariffs), or a year
named in one sentence only dates it elsewhere. The story's sentences then
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
from digest.text import content_words

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
# Words either side of a figure that say what it measures; the quantifiers and verbs
# of being between the noun and the figure are skipped ("turnout was about 45%").
_NEAR = 2
_QUANTIFIERS = frozenset(
    {"a", "about", "almost", "an", "around", "at", "be", "been", "by", "is", "just", "least",
     "more", "nearly", "of", "only", "over", "roughly", "than", "the", "to", "under", "up",
     "was", "were", "are", "some", "approximately", "less", "fewer", "estimated"}
)  # fmt: skip
_WORD = re.compile(r"[\w'’-]+")
# A year, not a count ("2000 officers").
_YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!\s+[a-z]+s\b)")
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
    # What the figure measures, as content words next to it ("tariffs", "turnout"); for
    # a share ("90% of goods") the words after "of", and ``share`` is set.
    measures: frozenset[str] = frozenset()
    share: bool = False


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
        if len(shared) < _SHARED_CONTEXT or set(_YEAR.findall(a.text)) != set(
            _YEAR.findall(b.text)
        ):
            # A year named in one only dates it elsewhere ("In 2011, officials flushed
            # 7.8 million gallons" beside this week's 38 million): history, not a rival.
            continue
        for x, y in itertools.product(figures[one], figures[two]):
            if x.kind != y.kind or same_figure(x.value, y.value) or not _same_measure(x, y):
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
        before = _WORD.findall(text[: match.start()])
        after = _WORD.findall(text[match.end() :])
        share = bool(after) and after[0].lower() == "of"
        if share:
            measures = content_words(" ".join(after[1 : 1 + _NEAR]))
        else:
            near = [w for w in before if w.lower() not in _QUANTIFIERS][-_NEAR:]
            measures = content_words(" ".join([*near, *after[:_NEAR]]))
        out.append(_Figure(kind, value, match.group(0).strip(), frozenset(measures), share))
    return out


def _same_measure(one: _Figure, two: _Figure) -> bool:
    """Whether two figures could be one quantity: both shares or neither, with a word
    of what they measure in common. "Duties on more than 90% of goods" is a share of
    the goods; "tariffs of 50 percent" a rate; "Indian import duties of up to 150
    percent" the rate of other duties: three quantities, no disagreement. A figure with
    no such word beside it is compared on the sentences' context alone."""
    if one.share != two.share:
        return False
    if not one.measures or not two.measures:
        return True
    return bool(one.measures & two.measures)


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
