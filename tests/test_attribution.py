"""Attributed statements: speaker + reporting verb + claim, one voice per speaker."""

from __future__ import annotations

import pytest

from digest.attribution import attribute_sentence, find_perspectives

FORMS = [
    # (sentence, speaker, claim)
    (
        "Denmark's prime minister Mette Frederiksen said that the kingdom's constitution "
        "was not a bargaining chip.",
        "Denmark's prime minister Mette Frederiksen",
        "the kingdom's constitution was not a bargaining chip.",
    ),
    (
        '"We are not for sale and we will not be bought," Greenland\'s premier told reporters.',
        "Greenland's premier",
        "“We are not for sale and we will not be bought.”",
    ),
    (
        "According to a White House spokesperson, the offer was the most generous ever made.",
        "A White House spokesperson",
        "the offer was the most generous ever made.",
    ),
    (
        "The European Union stands in full solidarity with Denmark, said France's foreign "
        "minister Jean Martin.",
        "France's foreign minister Jean Martin",
        "The European Union stands in full solidarity with Denmark.",
    ),
    (
        "The talks will resume next week in Brussels, according to the Danish foreign ministry.",
        "The Danish foreign ministry",
        "The talks will resume next week in Brussels.",
    ),
]


@pytest.mark.parametrize(("sentence", "who", "says"), FORMS)
def test_each_reporting_form_gives_speaker_and_claim(sentence: str, who: str, says: str) -> None:
    assert attribute_sentence(sentence) == (who, says)


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the kingdom's constitution was not a bargaining chip.",  # pronoun
        "Officials said the offer would be answered within a week.",  # vague speaker
        "\"We are not for sale and we will not be bought, Greenland's premier said.",  # half
        "The offer was sent in a letter to the governments in Nuuk and Copenhagen.",
    ],
)
def test_unattributable_sentences_give_none(sentence: str) -> None:
    assert attribute_sentence(sentence) is None


ARTICLES = [("https://a.example/1", "Outlet A"), ("https://b.example/1", "Outlet B")]


def test_one_voice_per_speaker_spread_over_outlets() -> None:
    sentences = [
        ("Jane Doe said that the plan would cut costs for every household.", 0),
        ("Doe said that the plan was the best option on the table.", 0),  # same speaker
        ("Mark Roe said that the plan would take years to pay off.", 0),
        ("Anna Berg said that the region had waited long enough for it.", 1),
        ("The plan was published on Monday after weeks of talks.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=2)

    assert [(position, p.who, p.outlet) for position, p in found] == [
        (0, "Jane Doe", "Outlet A"),
        (3, "Anna Berg", "Outlet B"),
    ]
    assert found[1][1].source_url == "https://b.example/1"


def test_speakers_sharing_a_stance_are_grouped() -> None:
    sentences = [
        ("Jane Doe said that the decision was reckless and dangerous for the region.", 0),
        ("Mark Roe said that the move was illegal under the 1951 treaty.", 1),
        ("Anna Berg said that the vote would take place in the spring.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=4)

    whos = [p.who for _, p in found]
    assert whos == ["Critics, like Jane Doe and Mark Roe", "Anna Berg"]
    assert found[0][1].says == "the decision was reckless and dangerous for the region."
