"""Figures the outlets disagree on (digest.figures)."""

from __future__ import annotations

from digest.briefly import score_sentences
from digest.figures import figure_conflicts


def _check(first: str, second: str) -> tuple[str, ...]:
    scored = score_sentences([first, second], frozenset())
    one = next(i for i, c in enumerate(scored.candidates) if c.doc == 0)
    two = next(i for i, c in enumerate(scored.candidates) if c.doc == 1)
    return figure_conflicts(scored, [one, two], [], ["Quay Post", "Shore Times"]).flags


def test_two_outlets_giving_one_quantity_differently_are_flagged() -> None:
    flags = _check(
        "The harbour board fined the ferry operator $40,000 over the diesel spill.",
        "The harbour board fined the ferry operator $90,000 over the diesel spill.",
    )
    assert len(flags) == 1
    assert "$40,000 (Quay Post)" in flags[0] and "$90,000 (Shore Times)" in flags[0]


def test_a_sentence_giving_both_figures_shows_they_count_two_things() -> None:
    # The larger sum is the whole grant; the smaller is the part set aside for one use.
    assert (
        _check(
            "The harbour board gave the ferry operator a $12.4 million grant, setting aside "
            "$5,000 of it for a new gangway.",
            "The harbour board gave the ferry operator a grant of $12 million last year.",
        )
        == ()
    )
