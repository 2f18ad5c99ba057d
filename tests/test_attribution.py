"""Who says what, as real reporting writes it: one clean statement per speaker.

Each form below is a pattern of news prose (the sentences are ours). A perspective must
name the speaker as the article does, with their role, read in the present tense, keep
quotes verbatim in quotation marks, turn reported speech into a clean clause (no
dangling "and that"), never glue a second speaker on, and never make a document or a
date a speaker.
"""

from __future__ import annotations

import pytest

from digest.attribution import Statement, attribute_sentence, find_perspectives, join_list_items
from digest.models import Perspective

FORMS = [
    # (sentence, speaker, claim)
    (
        "Denmark's prime minister said that the kingdom's constitution was not a "
        "bargaining chip and that any deal would need both governments.",
        "Denmark's prime minister",
        "the kingdom's constitution was not a bargaining chip and any deal would need "
        "both governments.",
    ),
    (
        "The talks will resume next week in Brussels, the Danish foreign ministry said.",
        "The Danish foreign ministry",
        "the talks will resume next week in Brussels.",
    ),
    (
        "According to a White House spokesperson, the offer was the most generous ever made.",
        "A White House spokesperson",
        "the offer was the most generous ever made.",
    ),
    (
        "The station and crew aboard were never in any danger, according to NASA.",
        "NASA",
        "the station and crew aboard were never in any danger.",
    ),
    (
        "“We are asked to meet the strictest standards in the world,” said Arnaud Lefèvre, "
        "a cattle farmer in the Limousin.",
        "Arnaud Lefèvre, a cattle farmer in the Limousin",
        "“We are asked to meet the strictest standards in the world.”",
    ),
    (
        '"We are not for sale and we will not be bought," Greenland\'s premier told reporters.',
        "Greenland's premier",
        "“We are not for sale and we will not be bought.”",
    ),
    (
        "Prime Minister Benjamin Netanyahu said Thursday that Israel will destroy the "
        "tunnel network with or without a cease-fire.",
        "Prime Minister Benjamin Netanyahu",
        "Israel will destroy the tunnel network with or without a cease-fire.",
    ),
    (
        "Ditching decorum and diplomacy, Trump told the press that the public did not "
        "believe it anymore.",
        "Trump",
        "the public did not believe it anymore.",
    ),
    (
        "China's foreign ministry said NATO was exporting bloc confrontation to Asia after "
        "the alliance's secretary general said in Tokyo that allies should open an office.",
        "China's foreign ministry",
        "NATO was exporting bloc confrontation to Asia.",
    ),
]


@pytest.mark.parametrize(("sentence", "who", "says"), FORMS)
def test_each_reporting_form_gives_speaker_and_clean_claim(
    sentence: str, who: str, says: str
) -> None:
    statements = attribute_sentence(sentence)

    assert [(s.who, s.says) for s in statements] == [(who, says)]
    assert "and that" not in statements[0].says


def test_two_speakers_in_one_sentence_are_two_statements() -> None:
    sentence = (
        "Russia's foreign minister said the sanctions were illegal, while the European "
        "Commission said they would stay until the war ends."
    )

    statements = attribute_sentence(sentence)

    assert [(s.who, s.says) for s in statements] == [
        ("Russia's foreign minister", "the sanctions were illegal."),
        ("The European Commission", "they would stay until the war ends."),
    ]


def test_a_bulleted_list_of_claims_after_critics_say_is_one_grouped_statement() -> None:
    sentences = join_list_items(
        [
            "The alliance marked its anniversary on Tuesday.",
            "Its critics (like Russia and China) say the alliance:",
            "- is a relic of the Cold War;",
            "- serves the interests of one member;",
            "- provokes the conflicts it claims to prevent.",
            "Its members disagree.",
        ]
    )

    assert len(sentences) == 3
    statements = attribute_sentence(sentences[1])
    assert [(s.who, s.verb) for s in statements] == [("Critics, like Russia and China", "say")]
    assert statements[0].says == (
        "the alliance: is a relic of the Cold War; serves the interests of one member; "
        "provokes the conflicts it claims to prevent."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the kingdom's constitution was not a bargaining chip.",  # pronoun
        "Officials said the offer would be answered within a week.",  # vague speaker
        "\"We are not for sale and we will not be bought, Greenland's premier said.",  # half
        "The offer was sent in a letter to the governments in Nuuk and Copenhagen.",
        "NATO's Article 10 says only European countries are eligible to join.",  # a text
        "The final decision says countries will report by 2028 on their plans.",  # a text
        "When you look at the numbers, you said the plan would never work.",  # "When you"
        "FactSet data showed that analysts expected earnings to fall.",  # data
    ],
)
def test_no_speaker_that_is_not_a_person_or_organisation(sentence: str) -> None:
    assert attribute_sentence(sentence) == ()


ARTICLES = [("https://a.example/1", "Outlet A"), ("https://b.example/1", "Outlet B")]


def test_one_voice_per_speaker_spread_over_outlets() -> None:
    sentences = [
        ("Jane Doe said that the plan would cut costs for every household.", 0),
        ("Doe said that the plan was the best option on the table.", 0),  # same speaker
        ("Mark Roe said that the harbour would need years of dredging first.", 0),
        ("Anna Berg said that the region had waited long enough for it.", 1),
        ("The plan was published on Monday after weeks of talks.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=2)

    assert [(position, p.who, p.outlet) for position, p in found] == [
        (0, "Jane Doe", "Outlet A"),
        (3, "Anna Berg", "Outlet B"),
    ]
    assert found[1][1].source_url == "https://b.example/1"


def test_a_surname_is_named_in_full_with_the_role_the_article_gives() -> None:
    documents = [
        [
            "Farmers blocked the road to the abattoir at dawn.",
            "Arnaud Lefèvre, a cattle farmer in the Limousin, said he had lost money.",
            "Lefèvre said that imports would drive small farms out of business.",
        ]
    ]
    sentences = [(documents[0][2], 0)]

    found = find_perspectives(sentences, ARTICLES[:1], limit=3, documents=documents)

    assert [p.who for _, p in found] == ["Arnaud Lefèvre, a cattle farmer in the Limousin"]


def test_a_role_is_named_as_the_article_first_names_it() -> None:
    documents = [
        [
            "France's agriculture minister visited the protest on Friday.",
            "The minister said that the government would vote against the agreement.",
        ]
    ]

    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)

    assert [p.who for _, p in found] == ["France's agriculture minister"]


def test_speakers_saying_the_same_thing_are_grouped_in_the_present_tense() -> None:
    sentences = [
        ("Russia said that the alliance was a dangerous relic of the Cold War.", 0),
        ("China said that the alliance was a dangerous relic of the Cold War era.", 1),
        ("Anna Berg said that the vote would take place in the spring.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=4)

    perspectives = [p for _, p in found]
    assert [(p.who, p.verb) for p in perspectives] == [
        ("Critics, like Russia and China", "say"),
        ("Anna Berg", "says"),
    ]
    assert perspectives[0].says == "the alliance was a dangerous relic of the Cold War."
    assert _line(perspectives[0]) == (
        "Critics, like Russia and China, say the alliance was a dangerous relic of the Cold War."
    )


def test_bare_roles_are_not_grouped_and_a_named_body_reads_mid_sentence() -> None:
    # "Critics, like The agency and The spokesman" names nobody a reader can place.
    roles = [
        ("The agency said that the fence was far too low to stop intruders.", 0),
        ("The spokesman said that the fence was far too low to stop any intruder.", 1),
    ]
    found = [p for _, p in find_perspectives(roles, ARTICLES, limit=4)]
    assert not any(p.who.startswith(("Critics", "Supporters")) for p in found)

    named = [
        ("The White House said that the plan was a dangerous waste of public money.", 0),
        ("China said that the plan was a dangerous waste of public money.", 1),
    ]
    (grouped,) = [p for _, p in find_perspectives(named, ARTICLES, limit=4)]
    assert grouped.who == "Critics, like the White House and China"


def test_speakers_on_the_same_side_with_different_claims_stay_apart() -> None:
    sentences = [
        ("Jane Doe said that the decision was reckless and dangerous for the region.", 0),
        ("Mark Roe said that the move was illegal under the 1951 treaty.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=4)

    assert [p.who for _, p in found] == ["Jane Doe", "Mark Roe"]


def test_a_quote_reads_as_a_quote_and_a_clause_as_a_clause() -> None:
    quote = Perspective("Jane Doe", "“We will not pay.”", "https://a.example/1", verb="says")
    clause = Perspective("The ministry", "the state will not pay.", "https://a.example/1")

    assert _line(quote) == "Jane Doe says: “We will not pay.”"
    assert _line(clause) == "The ministry: the state will not pay."
    assert Statement("Critics", "x", is_plural=True).verb == "say"


def _line(perspective: Perspective) -> str:
    return f"{perspective.who}{perspective.connective} {perspective.says}"
