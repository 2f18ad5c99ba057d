"""Counts that move during a week (``digest.tolls``), read straight from scored sentences."""

from __future__ import annotations

import pytest

from digest.briefly import score_sentences
from digest.tolls import superseded_counts
from tests.test_summarize import _article


def _superseded(first: str, later: str) -> list[str]:
    """The sentences of two reports (the second written two days later) that give a
    count the later one updates."""
    articles = [
        _article("a", "A", "First report", first, 0),
        _article("b", "B", "Later report", later, 50),
    ]
    scored = score_sentences(
        [a.text for a in articles], frozenset(), titles=[a.title for a in articles]
    )
    return [scored.candidates[i].text for i in superseded_counts(scored, articles)]


LATER = (
    "The strike in Ardel spread as 97 schools closed, up from {old} on Monday, the "
    "education office said on Wednesday."
)


@pytest.mark.parametrize(
    ("first", "old", "expected"),
    [
        # Any count a later report says it moved from is the older one.
        ("At least 41 schools in Ardel were closed on Monday after teachers walked out.",
         "41", True),
        # A day of the month is no count, whatever figure moves from it.
        ("Schools in Ardel were closed on 30 November after teachers walked out.", "30", False),
        ("Schools in Ardel were closed on Nov. 30 after teachers walked out.", "30", False),
        # Another figure is another count.
        ("At least 41 schools in Ardel were closed on Monday after teachers walked out.",
         "45", False),
    ],
)  # fmt: skip
def test_a_count_a_later_sentence_moved_from_is_superseded(
    first: str, old: str, expected: bool
) -> None:
    found = _superseded(first, LATER.format(old=old))
    assert (first in found) is expected
    assert LATER.format(old=old) not in found


def test_a_count_moved_from_in_a_report_on_another_subject_stands() -> None:
    # One shared word is not one subject when the sentences are no two ledes.
    first = (
        "The ministry said on Monday. Officials met in the capital. "
        "Farmers in the north sold 41 tractors at the spring fair in Vell."
    )
    assert not _superseded(first, LATER.format(old="41"))


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("The death toll from the floods in Ardel stands at 12, the ministry said on "
         "Thursday, revising down an earlier figure after two victims were counted twice.",
         True),
        # A lower count that corrects nothing may be one town's or one day's.
        ("Floods in Ardel killed 12 people in the old town, the ministry said on Thursday.",
         False),
    ],
)  # fmt: skip
def test_a_toll_revised_down_supersedes_the_higher_one(later: str, expected: bool) -> None:
    first = "Flash floods in Ardel killed 14 people on Monday night, the ministry said."
    assert (first in _superseded(first, later)) is expected
