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


def test_one_rate_told_with_different_words_around_it_is_flagged() -> None:
    flags = _check(
        "Turnout in the harbour town's referendum was about 45% on Sunday, officials said.",
        "Officials put turnout in the harbour town's referendum at 61 percent.",
    )
    assert len(flags) == 1 and "45%" in flags[0] and "61 percent" in flags[0]


def test_figures_measuring_different_things_are_not_flagged() -> None:
    # A share of the goods, the rate of one side's tariffs, the rate of the other's
    # duties: one trade deal, three quantities.
    share = "The harbour pact will cut or remove duties on more than 90% of goods traded."
    rate = "Norland has imposed tariffs of 50 percent on many goods from the harbour states."
    duty = (
        "Norland's wine makers, who have long faced harbour import duties of up to 150 "
        "percent, stand to gain most from the pact on goods."
    )
    assert _check(share, rate) == ()
    assert _check(duty, rate) == ()
    assert _check(share, duty) == ()


def test_a_count_of_two_thousand_is_no_year() -> None:
    flags = _check(
        "The harbour board spent $5 million to deploy 2000 officers at the ferry terminal.",
        "The harbour board spent $9 million to deploy officers at the ferry terminal.",
    )
    assert len(flags) == 1 and "$5 million" in flags[0]


def test_a_figure_dated_to_another_year_is_history_not_a_rival() -> None:
    assert (
        _check(
            "In 2011, harbour officials flushed 7.8 million gallons of reservoir water "
            "after a similar scare.",
            "Harbour officials flushed 38 million gallons of reservoir water this week.",
        )
        == ()
    )
