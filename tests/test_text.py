"""Sentence splitting and clean-up: what a reader would see go wrong in a summary."""

from __future__ import annotations

import pytest

from digest.hygiene import clean_sentence, is_boilerplate_document
from digest.text import content_words, end_sentence, end_teaser, split_sentences, word_count


def test_abbreviations_initials_and_quotes_do_not_split() -> None:
    text = (
        'Mr. J. R. Smith of the U.S. Navy said "the ship is safe." '
        "He left at 5 p.m. on Sunday. Rep. Jane Doe agreed."
    )

    assert split_sentences(text) == [
        'Mr. J. R. Smith of the U.S. Navy said "the ship is safe."',
        "He left at 5 p.m. on Sunday.",
        "Rep. Jane Doe agreed.",
    ]


def test_paragraphs_end_sentences_and_soft_wraps_join() -> None:
    text = "A headline without a stop\n\nThe first paragraph\ncontinues here.\nA new line."

    assert split_sentences(text) == [
        "A headline without a stop",
        "The first paragraph continues here.",
        "A new line.",
    ]


def test_markup_and_entities_are_decoded_not_kept() -> None:
    sentences = split_sentences("<p>Trade &amp; tariffs rose 5&nbsp;per cent.</p><p>Done.</p>")

    assert sentences == ["Trade & tariffs rose 5 per cent.", "Done."]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("KYIV (Reuters) - Russia launched drones overnight.", "Russia launched drones overnight."),
        ("BRUSSELS — Ministers met on Monday.", "Ministers met on Monday."),
        ("NEW YORK, June 3 (Reuters) - Stocks fell.", "Stocks fell."),
        ("Washington (CNN) -- The envoy visited Hama.", "The envoy visited Hama."),
        ("(CNN) — A storm hit the coast.", "A storm hit the coast."),
        ("1 of 6. The camp is cleared.", "The camp is cleared."),
        ("(Photo: AP) Crowds gathered.", "Crowds gathered."),
        ("Crowds gathered. (Jane Roe / Staff Photographer)", "Crowds gathered."),
        ("Prices rose sharply. Read more: why prices rise", "Prices rose sharply."),
        ("The port &amp; the airport <b>reopened</b>.", "The port & the airport reopened."),
        ("The U.S. (and Canada) agreed - mostly.", "The U.S. (and Canada) agreed - mostly."),
    ],
)
def test_clean_sentence_strips_furniture(raw: str, clean: str) -> None:
    assert clean_sentence(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "By Jane Doe",
        "By Jane Doe and John Roe, Reuters",
        "Photo: Crowds outside parliament.",
        "In this Aug. 15, 2014 file photo, the heir leaves a court.",
        "Read more about the talks here.",
        "Advertisement",
        "Sign up for our newsletter.",
        "— | —",
    ],
)
def test_clean_sentence_drops_boilerplate_sentences(raw: str) -> None:
    assert clean_sentence(raw) == ""


def test_word_count_ignores_punctuation_tokens() -> None:
    assert word_count("The U.S. economy grew 2.5% — a record, officials said.") == 9
    assert word_count("") == 0


def test_content_words_drop_stop_words_and_plurals() -> None:
    assert content_words("The protesters' tents were cleared by the police.") == [
        "protester",
        "tent",
        "cleared",
        "police",
    ]


def test_content_words_of_latin_letters_are_compared_without_accents() -> None:
    # Outlets differ on accents ("Orbán", "Orban"); both are one name to compare.
    assert content_words("Orbán met the mayor of Zürich") == content_words(
        "Orban met the mayor of Zurich"
    )
    # Other scripts keep their marks: they are part of the letters.
    assert content_words("Привет, мир") == ["привет", "мир"]


def test_boilerplate_documents_are_recognised() -> None:
    assert is_boilerplate_document("   ")
    assert is_boilerplate_document("Starting in 1996, Alexa Internet has been donating ...")
    assert not is_boilerplate_document("Ministers met in Brussels on Monday.")


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # Feed teasers often end without a stop.
        ("She won a landslide that gave her a strong mandate", "...a strong mandate."),
        ("Done.", "Done."),
        ("Why now?", "Why now?"),
        # A stop goes inside a closing quote, replacing the comma a cut claim ends on.
        ("Mr Musk said funding was “secured”", "...was “secured.”"),
        ("“It is over,”", "“It is over.”"),
        ("The Taliban’s", "The Taliban’s."),  # an apostrophe, not a quote
        ("It went to the players'", "It went to the players'."),
        ("Trump's 'Board of Peace'", "Trump's 'Board of Peace.'"),
        ("It happened (in 2024)", "It happened (in 2024)."),
    ],
)
def test_a_printed_sentence_ends_with_a_stop(printed: str, expected: str) -> None:
    ended = end_sentence(printed)
    if expected.startswith("..."):
        assert ended.endswith(expected[3:]) and ended.startswith(printed[:10])
    else:
        assert ended == expected


def test_a_headline_is_its_title_whatever_the_quotes_case_and_colon() -> None:
    from digest.text import is_title_of

    title = "Mayor's 'Harbour Plan' Faces a Vote: Council Meets on Monday"
    assert is_title_of("Mayor’s ‘harbour plan’ faces a vote: council meets on Monday", title)
    assert is_title_of("Council meets on Monday", title)
    assert not is_title_of("Council meets on Tuesday", title)
    assert not is_title_of("", title)


def test_a_teaser_cut_by_the_outlet_ends_where_its_last_whole_clause_does() -> None:
    assert end_teaser(
        "Ireland's coast guard stood down its search late on Friday, after the missing "
        "kayakers were found on a beach near Dingle by a…"
    ) == (
        "Ireland's coast guard stood down its search late on Friday, after the missing "
        "kayakers were found on a beach near Dingle."
    )
    # Its whole sentences stay; the cut one is ended at a preposition.
    assert (
        end_teaser("The ferry sank on Monday. Rescuers say the crew of six was picked up by a…")
        == "The ferry sank on Monday. Rescuers say the crew of six was picked up."
    )
    # Too little before any boundary: the cut sentence goes, or all stays as it was.
    assert end_teaser("The ferry sank on Monday. Rescuers say that...") == (
        "The ferry sank on Monday."
    )
    assert end_teaser("Ferry talks go on…") == "Ferry talks go on…"
    # Not cut: an ellipsis after a stop, or none.
    assert end_teaser("So much for that....") == "So much for that...."
    assert end_teaser("The ferry sank.") == "The ferry sank."
