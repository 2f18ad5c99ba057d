"""Which voices an issue shows: one per speaker, named in full, grouped when they agree.

A perspective names the speaker as the article does, with their role, reads in the
present tense, keeps quotes verbatim, and comes from several outlets where it can
(the sentences are ours).
"""

from __future__ import annotations

import pytest

from digest.attribution import Statement
from digest.models import Perspective
from digest.naming import _titled_person, name_in_full
from digest.perspectives import find_perspectives
from digest.speakers import is_plural_speaker, same_speaker, speaker_key
from digest.text import split_sentences

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


def test_a_speaker_named_differently_by_two_outlets_is_still_one_voice() -> None:
    """A bare surname, a shorter name of a body, "the carrier" in an article that names
    the carrier, and a role alone, each after the same speaker's voice: one voice each.
    A police force and its chief, or a father and his son, stay two."""
    three = [
        ("https://a.example/1", "Outlet A"),
        ("https://b.example/1", "Outlet B"),
        ("https://c.example/1", "Outlet C"),
    ]
    documents = [
        [
            "Maria Quinn, a geologist at Galway University, said that the cliff had moved.",
            "Atlantic Ferry Company said that the crossing would stay closed until Friday.",
            "The prosecutor said that the skipper had ignored three warnings that night.",
        ],
        [
            "Quinn, an expert on coastal erosion, said that more rockfalls were likely.",
            "Atlantic said that passengers would get their fares back in full.",
            "Rory Doyle, the prosecutor, said that the case would be heard in spring.",
        ],
        [
            "Atlantic Ferry Company runs four boats between the islands and the mainland.",
            "The carrier said that it had asked the navy to inspect the harbour wall.",
            "Rory Doyle said that the court would sit in Galway for the hearing.",
        ],
    ]
    sentences = [(documents[d][i], d) for i in range(3) for d in range(3) if i or d < 2]
    sentences = [s for s in sentences if "runs four boats" not in s[0]]
    found = find_perspectives(sentences, three, limit=9, documents=documents)
    assert [p.who for _, p in found] == [
        "Maria Quinn, a geologist at Galway University",
        "Atlantic",
        "Rory Doyle",
    ]

    two_people = [
        ("Police said that the road would reopen on Monday morning after repairs.", 0),
        ("Police Chief Ann Kerr said that the driver had been arrested at the scene.", 1),
        ("Donal Burke said that the family had farmed the land for a century.", 0),
        ("Donal Burke Jr. said that he would keep the farm going for his children.", 1),
        ("Norway said that it would send two more patrol boats to the fishing grounds.", 0),
        ("Norway Coastal Guard said that the trawler had ignored three radio calls.", 1),
    ]
    found = find_perspectives(two_people, ARTICLES, limit=6)
    assert len(found) == 6
    # "The government" is not the bank its article names.
    lenders = [
        [
            "The Nordic Investment Bank said that it would lend up to €200 million to the mine.",
            "The government said that the mine would create 300 jobs in the south.",
        ]
    ]
    found = find_perspectives(
        [(lenders[0][0], 0), (lenders[0][1], 0)], ARTICLES[:1], limit=4, documents=lenders
    )
    assert [p.who for _, p in found] == ["The Nordic Investment Bank", "The government"]


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


def test_a_family_name_written_first_keeps_its_given_name() -> None:
    documents = [
        [
            "Harbour Minister Tan Wei held talks with the port unions on Tuesday.",
            "Tan said the fares would not rise this winter.",
            "Mr Tan also met the ferry owners.",
            "Tan said the talks would go on.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Harbour Minister Tan Wei"]
    # A given name of two words.
    documents = [
        [
            "Harbour Chairman Kim Jong Un opened the quay on Tuesday.",
            "Kim said the quay would bring jobs to the town.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Harbour Chairman Kim Jong Un"]


def test_a_role_set_before_the_name_between_commas_is_its_role() -> None:
    documents = [
        [
            "Speaking in Setubal on Thursday, the Minister of Harbours, Mr Tomas Varga, said "
            "the strike was illegal.",
            "Mr Varga said the port could not pay dockers who were not working.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Tomas Varga, the Minister of Harbours"]


def test_a_title_of_a_bodys_plural_is_taken_whole() -> None:
    documents = [
        [
            "Chairman of the Cabinet of Ministers Ana Sousa opened the new quay on Friday.",
            "Sousa said the port had waited forty years for the day.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Chairman of the Cabinet of Ministers Ana Sousa"]


def test_an_office_of_two_fields_is_taken_whole() -> None:
    documents = [
        [
            "International Relations and Cooperation Minister Ana Sousa urged both sides to "
            "accept the truce on Friday.",
            "Sousa said the port city could not wait for the generals.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == [
        "International Relations and Cooperation Minister Ana Sousa"
    ]
    # After a lower-case word or a possessive: the office still, not the word.
    for opening in ("The truce was backed by", "On Friday, Ardell's"):
        documents = [
            [
                f"{opening} International Relations and Cooperation Minister Ana Sousa, who "
                "spoke to reporters in the port city after the talks.",
                "Sousa said the port city could not wait for the generals.",
            ]
        ]
        found = find_perspectives(
            [(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents
        )
        assert [p.who for _, p in found] == [
            "International Relations and Cooperation Minister Ana Sousa"
        ], opening
    # A name before the "and" is another person's.
    documents = [
        [
            "Ana Sousa and Harbour Minister Tomas Varga met on Friday, officials said.",
            "Varga said the port city could not wait for the generals.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Harbour Minister Tomas Varga"]
    # Nor is a body's name before it ("The United Nations and ...").
    documents = [
        [
            "The United Nations and Foreign Minister Tomas Varga urged a truce on Friday.",
            "Varga said the port city could not wait for the generals.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Foreign Minister Tomas Varga"]


def test_a_title_and_surname_is_named_in_full_when_the_article_gives_that_title() -> None:
    documents = [
        [
            "Truckers ended their strike after a deal with the government.",
            "Transport Minister Sunil Kumar Lamsal signed the deal late on Tuesday.",
            "Minister Lamsal said the government had listened to an important sector.",
        ]
    ]
    sentences = [(documents[0][2], 0)]
    found = find_perspectives(sentences, ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Transport Minister Sunil Kumar Lamsal"]
    # Given in full without the title, the title and surname stay as written.
    documents[0][1] = "Sunil Kumar Lamsal signed the deal late on Tuesday."
    found = find_perspectives(sentences, ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Minister Lamsal"]


@pytest.mark.parametrize(
    ("introduction", "named"),
    [
        # The town's state goes with the role: cut at its comma, the role stops mid-place.
        (
            "“The water is there,” said Tomas Varga, a geologist at the Dunmore Institute "
            "in Hagerstown, Maryland, who led the survey.",
            "Tomas Varga, a geologist at the Dunmore Institute in Hagerstown, Maryland",
        ),
        # A name set beside the role's last word: "brother of the heir" would read
        # garbled without it, so the person is named alone.
        (
            "Prince Ardal, the younger brother of the heir to the throne, Cormac, told "
            "friends that the interview had gone well.",
            "Prince Ardal",
        ),
        # A state as AP abbreviates it goes with the role too.
        (
            "“The levee held,” said Tomas Varga, an engineer in Hagerstown, Md., on Friday.",
            "Tomas Varga, an engineer in Hagerstown, Md.",
        ),
        # Anything else after the comma: the role as it was cut, which still reads.
        (
            "“The data are clear,” said Tomas Varga, a professor at the University of "
            "Avalon, Riverside, who led the survey.",
            "Tomas Varga, a professor at the University of Avalon",
        ),
        # The next person of a list has a role of their own: the first role is whole.
        (
            "Nora Quill, a lawyer, Bram Holt, a teacher, and two others wrote the letter.",
            "Nora Quill, a lawyer",
        ),
        # A role naming someone after "to" or "of" is still the speaker's role.
        (
            "Nora Quill, chief of staff to harbour leader Bram Holt, said the fares were fair.",
            "Nora Quill, chief of staff to harbour leader Bram Holt",
        ),
        # A title and a name after the comma are the next person of the list.
        (
            "The pact was signed by Harbour Minister Nora Quill, the island's premier Bram "
            "Holt and the port's mayor Ida Kross, in the old customs house.",
            "Harbour Minister Nora Quill",
        ),
    ],
)
def test_a_role_is_taken_whole_or_not_at_all(introduction: str, named: str) -> None:
    surname = named.split(",")[0].split()[-1]
    documents = [[introduction, f"{surname} said that the findings would be published soon."]]

    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)

    assert [p.who for _, p in found] == [named]


def test_a_given_name_used_alone_is_the_person_the_article_reports_speaking_in_full() -> None:
    # A name used alone by its given name, as many Malay, Arab and Indonesian names are,
    # however often: the article introduced it speaking, title and all.
    documents = [
        [
            "“The samples were sent to the state laboratory,” said Inspector-General of "
            "Police Hamid Nor Aziz.",
            "Hamid told reporters that one of the two women had fallen ill after the attack.",
            "Mr Hamid said officers were still tracing where the chemical had been bought.",
            "Asked later whether the search had widened, Hamid said it had not.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Inspector-General of Police Hamid Nor Aziz"]
    # A company is no given name: "Orchard CEO Tim Bell" does not make "Orchard" him,
    # nor a name end at "Tim".
    documents = [
        [
            "The tablet will be late, said Orchard CEO Tim Bell on Monday evening.",
            "Orchard said that the first shipments would now reach shops in the spring.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Orchard"]


def test_a_role_written_before_the_name_in_lower_case_is_kept() -> None:
    documents = [
        [
            "“Dunes are fragile,” said Coastal Trust volunteer Orla Byrne on the beach.",
            "Byrne said that the new path had cut erosion by half since the spring.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Coastal Trust volunteer Orla Byrne"]
    # "his spokesperson": whose? The name alone.
    documents = [
        [
            "“The ruling is wrong,” said his spokesperson Aoife Walsh after the hearing.",
            "Walsh said that the singer would appeal within the month.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Aoife Walsh"]


def test_a_title_alone_is_the_one_person_the_article_gives_that_title() -> None:
    documents = [
        [
            "President Dana Whitlock took questions for an hour at the harbour on Thursday.",
            "Dana Whitlock said that the new quay would open before the summer season.",
            "The president said that the leaks about the contract were false.",
        ]
    ]
    sentences = [(documents[0][1], 0), (documents[0][2], 0)]

    found = find_perspectives(sentences, ARTICLES[:1], limit=3, documents=documents)

    # One voice: "the president" is Whitlock, the only president the article names.
    assert len(found) == 1
    # Two presidents named: which one is "the president"? Not named.
    documents = [
        [
            "President Dana Whitlock met President Ivo Marin at the border on Thursday.",
            "The president said that the leaks about the contract were false.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["The president"]
    # Unless the article is about one of them: three mentions against one.
    documents[0][0:0] = [
        "President Dana Whitlock opened the quay on Monday.",
        "President Dana Whitlock thanked the builders.",
    ]
    found = find_perspectives([(documents[0][3], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["President Dana Whitlock"]
    # A job is no title, and a headline's Title Case is no name.
    documents = [
        [
            "Former Child Star Says Actor Made Sexual Advances At A Party",
            "The actor said that he did not remember the party at all.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["The actor"]
    # A title that names its country before the holder ("Prime Minister of Armenia
    # Nikol Pashinyan"): the holder, with the country's adjective.
    documents = [
        [
            "Prime Minister of Estonia Ivo Marin has sent a message of condolence over the "
            "earthquake, his office said.",
            "The Prime Minister noted that Estonia stands ready to provide assistance.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert [p.who for _, p in found] == ["Estonian Prime Minister Ivo Marin"]
    # Two prime ministers, one titled with a country of two words: neither is named,
    # rather than the words given to the visitor.
    documents = [
        [
            "Prime Minister of the United Kingdom Ivo Marin hosted talks on Tuesday with "
            "Prime Minister Ana Holt of Canada.",
            "The Prime Minister said Britain would send 200 more troops to Estonia.",
        ]
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents)
    assert "Holt" not in found[0][1].who
    # A nation's title; not a region's ("First Minister of Northern Ireland").
    for named, who in (
        ("Prime Minister of Georgia Ivo Marin", "Georgian Prime Minister Ivo Marin"),
        ("First Minister of Northern Ireland Ivo Marin", "First Minister"),
    ):
        title = named.split(" of ")[0]
        documents = [
            [
                f"{named} met union leaders on Tuesday.",
                f"The {title} said that the new law would pass before the summer.",
            ]
        ]
        found = find_perspectives(
            [(documents[0][1], 0)], ARTICLES[:1], limit=3, documents=documents
        )
        assert [p.who for _, p in found] == [who]


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
    # A body's name with its acronym in brackets takes no closing comma.
    agency = "Ardell's Meteorology, Climatology and Geophysics Agency (AMKG)"
    body = Perspective(agency, "the quake was shallow.", "https://a.example/1", verb="says")
    assert _line(body) == f"{agency} says the quake was shallow."


def _line(perspective: Perspective) -> str:
    return f"{perspective.who}{perspective.connective} {perspective.says}"


def test_a_word_capitalised_only_to_open_the_reported_sentence_reads_in_lower_case() -> None:
    documents = [
        [
            "Regulators opened an inquiry into the merger on Monday.",
            "Mr Calamari said Regulators are likely to ask what the banks knew and when.",
            "The regulators have until March to decide.",
            "Mr Calamari said that Ferguson had known about the deal for months.",
        ]
    ]
    sentences = [(documents[0][1], 0), (documents[0][3], 0)]

    found = find_perspectives(sentences, ARTICLES[:1], limit=2, documents=documents)

    says = [p.says for _, p in found]
    assert says[0] == "regulators are likely to ask what the banks knew and when."
    # A name keeps its capital: the article never writes it in lower case.
    found = find_perspectives([(documents[0][3], 0)], ARTICLES[:1], limit=1, documents=documents)
    assert found[0][1].says == "Ferguson had known about the deal for months."


def test_a_phrase_the_reported_sentence_put_first_follows_that() -> None:
    claim = "In Vell, four people were killed and 19 injured, reported Ana Lind, the mayor."
    documents = [["Drones struck the port of Vell overnight.", claim]]
    [(_, found)] = find_perspectives([(claim, 0)], ARTICLES[:1], limit=1, documents=documents)
    # Not "says in Vell, four people ...": where the mayor spoke.
    assert found.says == "that in Vell, four people were killed and 19 injured."


def test_a_group_is_qualified_as_the_article_names_it_but_not_taken_for_a_surname() -> None:
    claim = "Police said the driver had not been charged with any offence so far."
    chief = "Police Chief Jane Doe said the bus had been stopped at the border."
    state = "The driver was arrested by Vermont State Police on Friday evening."

    def voice(*context: str) -> tuple[str, str]:
        documents = [[*context, claim]]
        [(_, found)] = find_perspectives([(claim, 0)], ARTICLES[:1], limit=1, documents=documents)
        return found.who, found.verb

    assert voice(chief) == ("Police", "say")
    assert voice("And Police said the road would stay closed until Monday.") == ("Police", "say")
    assert voice(chief, state) == ("Vermont State Police", "say")


def test_a_body_is_named_with_what_it_belongs_to_when_the_article_says_so() -> None:
    claim = "“We will answer any landing on the reef at once,” the Navy said on Sunday."
    own = "Chile's Navy sent two patrol boats to the reef after the fishing fleet left."
    again = "The Chilean Navy has patrolled the reef since the summer."
    other = "A Peruvian Navy frigate sailed past the reef on Saturday."

    def who(*context: str) -> str:
        documents = [[*context, claim]]
        [(_, found)] = find_perspectives([(claim, 0)], ARTICLES[:1], limit=1, documents=documents)
        return found.who

    # The article's first full name for it; the same navy in other words does not matter.
    assert who(own, again) == "Chile's Navy"
    assert who(again) == "The Chilean Navy"
    # Two navies in the article: whose navy spoke is not told, so it stays "The Navy".
    assert who(own, other) == "The Navy"
    assert who() == "The Navy"
    # A name before a person's role qualifies the role: the reporter is Harbour TV's,
    # and "Harbour TV Navy" is no navy.
    role = "The admiral told Harbour TV Navy correspondent Ana Lind that the reef was safe."
    assert who(role) == "The Navy"


def test_a_two_word_body_is_named_with_its_country_only() -> None:
    claim = "The Central Bank said the depository's actions were illegal and costly."

    def who(*context: str) -> str:
        documents = [[*context, claim]]
        [(_, found)] = find_perspectives([(claim, 0)], ARTICLES[:1], limit=1, documents=documents)
        return found.who

    assert who("Chile's Central Bank sued the depository on Thursday.") == "Chile's Central Bank"
    assert who("The Chilean Central Bank sued the depository.") == "The Chilean Central Bank"
    # A person's is no qualifier of a body: "the governor's Central Bank" stays as said.
    assert who("Governor Ana Lind's Central Bank sued the depository.") == "The Central Bank"


def test_a_surname_is_not_named_after_a_headline_word_or_another_person() -> None:
    def named(document: list[str], said: str) -> list[str]:
        documents = [[*document, said]]
        found = find_perspectives([(said, 0)], ARTICLES[:1], limit=3, documents=documents)
        return [p.who for _, p in found]

    # A headline's first word is capitalised whatever it is: a mention inside a
    # sentence names the person.
    durst = [
        "Gaunt Tomas Varga jailed for smuggling in Rotterdam",
        "A judge in Rotterdam on Monday jailed Tomas Varga for four years.",
    ]
    assert named(durst, "Varga said that he would appeal the sentence at once.") == ["Tomas Varga"]
    # A name is a whole word, and a number that opens a sentence is no part of one.
    rockets = ["Three Israeli soldiers were wounded near the border, the army said."]
    assert named(rockets, "Israel said that the rocket had landed in an open field.") == ["Israel"]
    # Two people share the surname: neither's first name is lent to the other, and a
    # bare "Okafor says" would leave the reader to guess which, so the voice is left out.
    singers = [
        "The director Bryan Okafor denied the claims on Monday.",
        "His lawyer, Marty Okafor, called the suit baseless.",
    ]
    assert named(singers, "Okafor said that the claims would be dismissed.") == []
    assert named(singers[:1], "Okafor said that the claims would be dismissed.") == ["Bryan Okafor"]
    # A name written first is completed by what follows it (and keeps the role that
    # introduced it); a company the article mostly names alone is not ("Apple TV" is a
    # product).
    geng = ["A foreign ministry spokesman, Geng Shuang, spoke in Beijing on Monday."]
    assert named(geng, "Geng said that the two sides would keep talking next week.") == [
        "Geng Shuang, a foreign ministry spokesman"
    ]
    apple = [
        "Apple cut the price of the Apple TV box on Monday.",
        "Apple reported higher sales in Europe, and Apple expects more next year.",
    ]
    assert named(apple, "Apple said that the cheaper box would sell well in Europe.") == ["Apple"]
    # A first name, introduced whole and then used alone, is completed.
    isaiah = [
        "Isaiah Okoro, a ferry deckhand from Cobh, joined the crew in March.",
        "Isaiah had worked the crossing for a decade before the strike.",
    ]
    assert named(isaiah, "Isaiah said that the crew had not been paid since the spring.") == [
        "Isaiah Okoro, a ferry deckhand from Cobh"
    ]
    # A surname's particle and what follows it are the name's: "Lula da Silva".
    tariff = ["Norland's Ana Maria Varga da Costa defended the common external tariff."]
    assert named(tariff, "Varga said that the customs union must hold.") == [
        "Norland's Ana Maria Varga da Costa"
    ]


def test_a_quote_too_short_to_weigh_is_no_perspective() -> None:
    sentences = [
        ('"I heard the screaming," said Jane Doe, a ferry passenger.', 0),
        ('"The ferry should never have sailed in that wind," said Mark Roe, a pilot.', 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=3)

    assert [p.who for _, p in found] == ["Mark Roe, a pilot"]


def test_a_claim_opening_on_a_participle_phrase_starts_at_its_main_clause() -> None:
    text = (
        "Staking its place on the quay since October, the protest camp had grown to 500 "
        "tents, organisers said."
    )
    documents = [["Police cleared the harbour camp on Monday.", text]]

    found = find_perspectives([(text, 0)], ARTICLES[:1], limit=3, documents=documents)

    # Not "organisers say staking its place ...": that reads as if they were staking.
    assert [p.says for _, p in found] == ["the protest camp had grown to 500 tents."]


def test_a_person_named_by_one_name_keeps_the_description_that_introduced_them() -> None:
    documents = [
        [
            "Smoke rose over the depot on Harbour Lane for most of the afternoon.",
            "A neighbour, Tam, who asked that his surname not be printed, saw the first flames.",
            "Tam said that the alarm had rung for ten minutes before anyone came out.",
        ]
    ]

    found = find_perspectives([(documents[0][2], 0)], ARTICLES[:1], limit=2, documents=documents)

    assert [p.who for _, p in found] == ["Tam, a neighbour"]


def test_a_full_name_keeps_the_description_written_before_it() -> None:
    # "the Courier's harbour editor, Ines Duarte," introduces her; "Duarte says" alone
    # would not tell the reader why she speaks.
    documents = [
        [
            "The ferry ran aground off Oban, the Courier's harbour editor, Ines Duarte, "
            "wrote on Monday.",
            "“The crew had warned about the buoys for a year,” Duarte said.",
        ]
    ]

    found = find_perspectives([(documents[0][1], 0)], ARTICLES[:1], limit=2, documents=documents)

    assert [p.who for _, p in found] == ["Ines Duarte, the Courier's harbour editor"]


def test_a_place_before_a_persons_name_is_not_part_of_it_but_a_company_before_a_title_is() -> None:
    documents = [
        [
            "The talks on aid to Moldova resumed in Vienna on Tuesday.",
            "The former envoy to Moldova Lena Marsh told the panel the aid was never in doubt.",
            "Moldova had asked for the money in the spring.",
            "Marsh said that the delay had come from the ministry, not from donors.",
        ],
        [
            "Shares in Orchard rose after the results.",
            "At a dinner with Orchard CEO Paul Finch, investors asked about the phones.",
            "Orchard sold fewer phones than last year.",
            "Finch said that the company would cut prices before the holidays.",
        ],
    ]
    sentences = [(documents[0][3], 0), (documents[1][3], 1)]

    found = find_perspectives(sentences, ARTICLES, limit=2, documents=documents)

    assert [p.who for _, p in found] == [
        "Lena Marsh, former envoy to Moldova",
        "Orchard CEO Paul Finch",
    ]


def _named(documents: list[list[str]], sentence: int) -> list[str]:
    found = find_perspectives(
        [(documents[0][sentence], 0)], ARTICLES[:1], limit=2, documents=documents
    )
    return [p.who for _, p in found]


def test_an_office_for_two_fields_names_its_holder_whole() -> None:
    documents = [
        [
            "The agenda was signed by EU High Representative for Foreign Affairs and Security "
            "Policy Ana Lindqvist and the foreign minister of Vell.",
            "Lindqvist said the bloc would stand by Vell in the years ahead.",
        ]
    ]
    assert _named(documents, 1) == [
        "EU High Representative for Foreign Affairs and Security Policy Ana Lindqvist"
    ]


def test_the_president_is_never_named_after_a_phrase_that_merely_ends_in_president() -> None:
    documents = [
        [
            "In Mr Hale's second year as president of the club, the fees rose twice.",
            "The president said that the fees would fall again after the summer.",
        ]
    ]

    assert _named(documents, 1) == ["The president"]


def test_a_title_and_surname_is_completed_with_a_middle_initial_and_the_role() -> None:
    documents = [
        [
            "Shares in Tidal Lines fell after the filing.",
            "The rules are clear, said Paula K Weir, a partner at the law firm Bell & Rowe.",
            "Ms Weir said that regulators would want to see the contracts first.",
        ]
    ]

    assert _named(documents, 2) == ["Paula K Weir, a partner at the law firm Bell & Rowe"]


def test_an_arabic_surname_capitalised_to_open_a_sentence_is_named_in_full() -> None:
    context = [
        "The chief of staff, Lt. Gen. Yusuf al-Harrani, said units had begun withdrawing.",
        "Al-Harrani said a joint committee would report within ten days.",
    ]
    assert name_in_full("Al-Harrani", context, "Outlet A") == "Lt. Gen. Yusuf al-Harrani"
    # A body whose name opens so stays as written.
    paper = ["Al-Sabah reported the talks.", "Al-Sabah said the talks had ended."]
    assert name_in_full("Al-Sabah", paper, "Outlet A") == "Al-Sabah"
    # Written in lower case inside the article, a group's name keeps its capital.
    group = ["Fighters of al-Harrah attacked the base.", "Al-Harrah said it carried it out."]
    assert name_in_full("Al-Harrah", group, "Outlet A") == "Al-Harrah"
    # Two people of that surname: no one, rather than one's words given to the other.
    two = [
        "Ammar al-Harrani, head of the Hikma movement, met the envoy.",
        "Yusuf al-Harrani, the UN envoy, arrived later.",
        "Al-Harrani said the talks went well.",
    ]
    assert name_in_full("Al-Harrani", two, "Outlet A") == ""


def test_an_occasion_after_a_name_is_no_role() -> None:
    context = [
        "Nielsen spoke after signing the accord with Vell's Prime Minister Tomas Varga and "
        "Ostland's counterpart Ana Lind, the first visit to Nuuk by a Vell head of "
        "government in office.",
        "Lind said the agreement was not aimed at anyone.",
    ]
    assert name_in_full("Lind", context, "Outlet A") == "Ana Lind"
    # A person's description with "first" stays.
    first = ["Ana Lind, the first woman to lead the party, said the vote was close."]
    assert name_in_full("Lind", first, "Outlet A") == "Ana Lind, the first woman to lead the party"


def test_a_long_role_ends_at_its_last_and_and_a_clause_is_no_role() -> None:
    from digest.naming import name_in_full

    long_role = [
        "Filings are the rule, said Paula K Weir, a partner at the law firm Bell & Rowe "
        "and former director of the harbour authority's legal office in the old town.",
        "Ms Weir said regulators would want to see the contracts.",
    ]
    assert name_in_full("Ms Weir", long_role, "Outlet A") == (
        "Paula K Weir, a partner at the law firm Bell & Rowe"
    )
    # Named with the middle initial in the sentence itself.
    assert name_in_full("Paula K Weir", long_role, "Outlet A") == (
        "Paula K Weir, a partner at the law firm Bell & Rowe"
    )
    clause = [
        "According to Ola Lind, the boats being bought are two ferries and a tug "
        "that will serve the outer islands from the spring onwards, officials say."
    ]
    assert name_in_full("Ola Lind", clause, "Outlet A") == "Ola Lind"
    # Nor is the sentence going on after "According to X,".
    going_on = ["According to NATO, the office will open on January 15, 2027 with eight staff."]
    assert name_in_full("NATO", going_on, "Outlet A") == "NATO"
    # A role that fits is printed whole, its "and" and its verbs too; an "and" inside a
    # name is no end of a role.
    for role in (
        "a scientist at the Harbour Oceanic and Atmospheric Office in Vassby",
        "the mother of a pupil being treated at the hospital",
        "a fellow at the Centre for Strategic and Maritime Studies in the old town",
    ):
        context = [f"The rules are clear, said Ola Lind, {role}, on Monday.", "Lind said so."]
        named = name_in_full("Lind", context, "Outlet A")
        assert named in (f"Ola Lind, {role}", "Ola Lind"), named
        assert "Strategic," not in named and not named.endswith(" Strategic")
    fits = ["Ola Lind, the mother of a pupil being treated at the hospital, said so."]
    assert name_in_full("Lind", fits, "Outlet A") == (
        "Ola Lind, the mother of a pupil being treated at the hospital"
    )


def test_a_title_and_surname_two_people_share_stays_as_it_is() -> None:
    documents = [
        [
            "Nora Hale and her husband set out from the harbour at dawn.",
            "Mrs Hale fell from the deck as the wind rose.",
            "Mr Hale said that the sea had been calm for most of the morning.",
        ]
    ]

    assert _named(documents, 2) == ["Mr Hale"]


def test_the_role_the_article_gives_without_an_article_comes_with_the_name() -> None:
    documents = [
        [
            "“The water is safe to drink,” said Rosa Lind, co-director of the board's laboratory.",
            "Lind said that the tests would go on through the summer and autumn.",
            "“We expected worse,” said Tom Vale, one of the club's two coaches.",
            "Vale said that the rowers would be back on the river within a week.",
        ]
    ]

    assert _named(documents, 1) == ["Rosa Lind, co-director of the board's laboratory"]
    assert _named(documents, 3) == ["Tom Vale, one of the club's two coaches"]


def test_a_long_title_is_named_whole_and_a_headline_gives_no_names() -> None:
    documents = [
        [
            "Watch Senator Ada Klein Grill Harbour Chief Tom Rees Over The Leaks",
            "Northfield County Harbour Office Inspector Tam Rees said the quay was closed.",
            "Rees said that the ferry would run again on Friday if the wind dropped.",
        ]
    ]

    assert _named(documents, 2) == ["Northfield County Harbour Office Inspector Tam Rees"]


def test_a_title_ending_in_a_common_noun_is_not_part_of_a_one_word_name() -> None:
    documents = [
        [
            "The inquiry is led by the Commissioner of Police Rahim, who took office in May.",
            "Police closed the coast road on Sunday.",
            "Police reopened it on Monday morning.",
            "Rahim said that the two suspects had crossed the border at night.",
        ],
        [
            "Shoppers queued at Harbourman Mills on Friday.",
            "Harbourman had warned of long queues.",
            "Harbourman said that it would open two more stores before the winter.",
        ],
    ]

    assert _named(documents, 3) == ["Rahim"]
    assert _named([documents[1]], 2) == ["Harbourman Mills"]


def test_a_pronoun_opening_the_claim_must_be_able_to_refer_to_the_speaker() -> None:
    sentences = [
        ("The company said he had been the best skipper the harbour ever had.", 0),
        ("Ms. Okafor said he was the first person they met on the quay that night.", 0),
        ("Police said she had climbed the crane before anyone could stop her.", 0),
        ("Tom Vale, a retired engineer, said it happened in the spring of 2009.", 0),
        ("The Harbour Gazette said his mother had run the chandlery for forty years.", 0),
        # Fits: a body's "it", a person's "he", an "it" that refers to nothing.
        ("The ferry company said it would add two sailings a day from June.", 1),
        ("Mr. Okafor said he had sailed the route for thirty years without a delay.", 1),
        ("Ana Roth, a harbour pilot, said it was hard to see the buoys in the fog.", 1),
        ("Lena Marsh, a coastguard officer, said it was her “duty” to warn the ferries.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=10)

    assert [p.who for _, p in found] == [
        "The ferry company",
        "Mr. Okafor",
        "Ana Roth, a harbour pilot",
        "Lena Marsh, a coastguard officer",
    ]


def test_a_body_speaking_of_someone_it_never_names_is_left_out() -> None:
    """A body or a group is no "he": reported speech that speaks of one nobody in the
    claim can be (a place is no one) points at someone the reader never met."""
    dropped = [
        "Police said the ferry was headed to Oban City but stopped at two towns where he "
        "could have got off.",
        "The harbour board said once inside, she locked the office and left the quay.",
        "The coastguard service said the boat ran aground in Oban before she could turn.",
    ]
    kept = [
        # The claim names the person, by name or as a person, or the speaker is one.
        "Police said the skipper steered his boat onto the sandbank at dawn.",
        "The ferry company said Ola Berg would keep his post until the spring.",
        "Ms. Okafor said the ferry stopped at two towns where he could have got off.",
        "The Pentagon said the letter was delivered to Lind two days before he resigned.",
        "Prosecutors said the accused denied all the charges and he would appeal.",
    ]
    for sentence in dropped:
        assert find_perspectives([(sentence, 0)], ARTICLES, limit=10) == [], sentence
    for sentence in kept:
        assert len(find_perspectives([(sentence, 0)], ARTICLES, limit=10)) == 1, sentence


def test_a_name_followed_by_a_numbered_thing_is_not_completed_with_it() -> None:
    documents = [
        [
            "The search for Keelair Flight 802 went on through the night.",
            "Keelair said that it was reviewing its winter schedules for the island routes.",
        ]
    ]

    assert _named(documents, 1) == ["Keelair"]


def test_a_titled_name_opening_a_sentence_keeps_its_title() -> None:
    documents = [
        [
            "Harbour Board Chairman Ada Klein said the vote would wait until spring.",
            "The board met on Monday without Ada Klein, who was abroad.",
            "Klein said that the dredging contract would be signed before the summer.",
        ]
    ]

    assert _named(documents, 2) == ["Harbour Board Chairman Ada Klein"]


def test_the_group_the_article_never_names_is_no_speaker() -> None:
    documents = [
        [
            "Rights groups and the harbour board met on Monday.",
            "The group said that the new quay would block the fishermen's access to the sea.",
        ]
    ]

    assert _named(documents, 1) == []


def test_a_possessive_description_of_a_person_is_a_person() -> None:
    # "The Harbour Party's leader" is someone, not the party: "her" may be hers.
    sentences = [("The Harbour Party's leader said her party would vote against the plan.", 0)]

    found = find_perspectives(sentences, ARTICLES[:1], limit=2)

    assert [p.who for _, p in found] == ["The Harbour Party's leader"]


def test_a_headline_style_speaker_with_no_article_or_name_is_no_voice() -> None:
    sentences = [
        ("Former harbour master says Lind sank the dredging plan for the channel.", 0),
        ("Maria Lind, a former harbour master, said the council ignored three warnings.", 1),
        ("Russian state media said the ship had left port before the storm.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=3)

    assert [p.who for _, p in found] == [
        "Maria Lind, a former harbour master",
        "Russian state media",
    ]


def test_the_role_after_the_name_comes_with_it_in_every_form_the_article_gives() -> None:
    documents = [
        [
            # A long role after the name, and a name of two words completed.
            "“The vote changes little,” Samir Hadi Nour, director of the Eastvale Institute "
            "for Coastal and Harbour Studies in Rimton, said on Tuesday.",
            "“The new council will quarrel over every harbour fee,” said Hadi Nour.",
            # A person known by one name, with what they head.
            "Most of the victims were identified within a week, said Wiranto, who heads "
            "the province's forensic identification unit and uses only one name.",
            "Wiranto said the last of the victims would be named before the weekend.",
            # Where a person works, after the name.
            "The bones were cut with tools, adds Petra Lindqvist from Norrvik University in "
            "Eastvale, because the marks are regular.",
            "Lindqvist said that the site would be dug again next summer by her team.",
            # A clause opening the sentence is no part of the name.
            "When Oskar Brandt asked the council for the records, he was refused twice.",
            "Brandt said that the records had been kept from him for three years.",
            # What a person works as, after their age.
            "The fire was frightening, said Lena Moss, 59, who works as a night nurse at "
            "the harbour clinic.",
        ]
    ]

    assert _named(documents, 1) == [
        "Samir Hadi Nour, director of the Eastvale Institute for Coastal and Harbour Studies"
        " in Rimton"
    ]
    assert _named(documents, 3) == [
        "Wiranto, who heads the province's forensic identification unit"
    ]
    assert _named(documents, 5) == ["Petra Lindqvist from Norrvik University in Eastvale"]
    assert _named(documents, 7) == ["Oskar Brandt"]
    assert _named(documents, 8) == ["Lena Moss, a night nurse at the harbour clinic"]


def test_a_shared_surname_goes_to_the_one_the_article_quotes_or_to_no_one() -> None:
    couple = [
        [
            "Greta Holm wore the brooch every day for fifty years.",
            "“It was gone when I came back,” said her husband, Anders Holm.",
            "Holm said that the nurses had searched the whole ward for it.",
        ]
    ]
    assert _named(couple, 2) == ["Anders Holm"]
    # Neither is reported speaking: a bare "Holm says" would leave the reader guessing.
    neither = [
        [
            "The film's director Ivo Marsh was named in the suit.",
            "His lawyer, Dana Marsh, has called the suit reckless.",
            "Marsh said that the case would be thrown out within weeks.",
        ]
    ]
    assert _named(neither, 2) == []


def test_reported_speech_that_points_back_with_a_demonstrative_is_no_voice() -> None:
    documents = [
        [
            "The inquiry found that the fire had started in the kitchen.",
            "Ms. Varga said she was baffled by that finding from the inquiry.",
            "Mayor Ida Kross said the town would move past this episode by spring.",
            "Mayor Ida Kross said the town had asked for a new ruling and would obey "
            "that ruling in full.",
            "“We will learn from this fire and rebuild the hall,” said Ida Kross.",
            "Of those, about 900 households were rehoused by the summer, Ida Kross said.",
        ]
    ]

    assert _named(documents, 1) == []
    assert _named(documents, 2) == []
    # The noun said before in the same claim, or a quote in the speaker's own words.
    assert _named(documents, 3) == ["Mayor Ida Kross"]
    assert _named(documents, 4) == ["Mayor Ida Kross"]
    # "Of those": households the reader never saw counted.
    assert _named(documents, 5) == []


def test_a_statement_made_at_another_time_or_overtaken_is_no_voice() -> None:
    documents = [
        [
            "In his 2019 parole hearing, Tomas Varga told the board that he regretted the fire.",
            "In a 2021 interview, harbour master Ines Duarte said the quay was unsafe.",
            "The dredging will take a decade, Ivo Brandt told a radio station in August.",
            "The Courier had reported that the mayor would resign, but the council said "
            "there was no such plan.",
            "Mayor Ida Kross had said the ferry would run all winter.",
            "Ivo Brandt said last week that the quay would close for a month.",
            "While on the campaign trail, Ida Kross said she would cut the fares.",
            "Police previously said the quay had not been searched since the fire.",
            # A time that describes the speaker, or the week's own day, is no other time.
            "Harbour Ferries, which began sailing in 1998, said the crossing would reopen.",
            "On Wednesday, the Coast Guard had said the wreck posed no risk to shipping.",
            "Mayor Ida Kross said the ferry would run again on Monday, but did not say when "
            "the fares would fall.",
            # A description of the speaker, after the claim, is no earlier saying.
            "“The new ferry saved our business this winter,” said Ana Berg, initially told "
            "the yard would close.",
        ]
    ]

    for position in range(8):
        assert _named(documents, position) == [], documents[0][position]
    assert _named(documents, 8)
    assert _named(documents, 9) == ["The Coast Guard"]
    assert _named(documents, 10) == ["Mayor Ida Kross"]
    assert _named(documents, 11)


def test_a_toll_of_another_time_is_background_not_a_voice() -> None:
    documents = [
        [
            "Local officials said gas explosions killed at least 12 miners in the same "
            "province in January 2025.",
            "The miners' union said more than 80 miners died in accidents in the province "
            "last year.",
            # The week's toll, and a comparison with another year, are the news.
            "The governor said the blast killed 12 miners and that the pit would stay shut.",
            "The governor said the bombing killed 23 people, the deadliest attack on the town "
            "since it was rebuilt in 2017.",
            "The union said the mine had been reported twice in 2025 for poor ventilation.",
        ]
    ]

    assert _named(documents, 0) == []
    assert _named(documents, 1) == []
    assert _named(documents, 2) == ["The governor"]
    assert _named(documents, 3) == ["The governor"]
    assert _named(documents, 4) == ["The union"]


def test_a_speaker_described_by_a_who_clause_keeps_it() -> None:
    # The clause says why the reader hears them, in the statement's sentence or in
    # another that introduces them; a long clause is left out.
    documents = [
        [
            "Tomas Varga, who lives across the quay from the ferry office, said the alarm "
            "rang for ten minutes.",
            "Varga said the crew had left the ferry before the fire spread.",
            "Ana Ruiz, who has sailed the route for every winter since the old harbour was "
            "rebuilt after the great storm of 1987, said the ferry was sound.",
        ]
    ]

    assert _named(documents, 1) == ["Tomas Varga, who lives across the quay from the ferry office"]
    assert _named(documents, 2) == ["Ana Ruiz"]


def test_a_quotation_answering_an_if_before_it_is_no_voice() -> None:
    # The bartender answers a tax that has not passed: alone, her words say it is coming.
    documents = [
        [
            "If the levy were passed statewide, it would also cover the syrups bars use.",
            "“Bars are going to raise their prices, and we're going to lose customers,” "
            "said Ana Ruiz, a bartender.",
            "The city's levy took effect in January.",
            "“Bars across the state are going to raise their prices,” said Ivo Brandt, a "
            "bartender.",
        ]
    ]

    assert _named(documents, 1) == []
    # The same words after a sentence that sets up no "if" are a voice.
    assert _named(documents, 3) == ["Ivo Brandt, a bartender"]


def test_a_statement_any_speaker_makes_after_any_event_is_no_voice() -> None:
    documents = [
        [
            "Harbour Ferries said it was working closely with police on the inquiry.",
            "“Our deepest sympathies go out to the crew's families,” said Ana Ruiz.",
            "Mayor Ida Kross said she was closely monitoring the salvage on Monday.",
            "The researchers said their results warrant further investigation.",
            "The harbour board said it would not comment on the wreck, since it does not "
            "own the ferry.",
            "Council leader Ana Ruiz said the government has offered all available assistance.",
            "“We are taking all of the necessary precautions to keep the crew safe,” the "
            "operator's chief Ivo Brandt said.",
            "Neighbour Tomas Varga said he can't believe it happened in the harbour.",
            "Mayor Ida Kross said the ferry line would reopen with two new boats.",
            "Mayor Ida Kross said the town would work with police to add patrols at the quay.",
            # What was not said, and a claim cut short.
            "Harbour Ferries said nothing about when the leak began and when it was stopped.",
            "Senator Ivo Brandt told reporters on Thursday that the minister should take...",
            # "nothing" as the subject of a claim is a claim.
            "Mayor Ida Kross said nothing more could be done to save the old ferry line.",
            "Harbour master Ivo Brandt said nothing of the kind had been discussed at the board.",
            "Harbour Ferries said nothing about the cause of the fire on the night crossing.",
            "A spokesman for Harbour Ferries said nothing further about the crossing at this time.",
            "Mayor Ida Kross said nothing about the ferry deal makes sense for the town of Cobh.",
        ]
    ]

    for position in (*range(8), 10, 11):
        assert _named(documents, position) == [], documents[0][position]
    assert _named(documents, 8) == ["Mayor Ida Kross"]
    # Working with the police on something of its own is a plan, not a courtesy.
    assert _named(documents, 9) == ["Mayor Ida Kross"]
    assert _named(documents, 12) == ["Mayor Ida Kross"]
    assert _named(documents, 13) == ["Harbour master Ivo Brandt"]
    assert _named(documents, 14) == []
    assert _named(documents, 15) == []
    assert _named(documents, 16) == ["Mayor Ida Kross"]


def test_reported_speech_that_opens_on_an_ordinal_is_no_voice() -> None:
    documents = [
        [
            "Mayor Ida Kross said that the second ballot was never counted by the board.",
            "Mayor Ida Kross said the second-largest party would lead the council.",
        ]
    ]

    # "the second ballot": the first was told somewhere the reader has not been.
    assert _named(documents, 0) == []
    assert _named(documents, 1) == ["Mayor Ida Kross"]


def test_a_quote_that_runs_on_into_the_writers_words_is_no_voice() -> None:
    documents = [
        [
            "“I have waited a year to enter my not guilty” plea, said Tomas Varga on Monday.",
            "“I lost all respect for the man,” Hanna Sol said when asked about the director.",
            "“The harbour will be dredged before the first storms arrive,” said Ivo Brandt.",
        ]
    ]

    assert _named(documents, 0) == []
    assert _named(documents, 1) == []
    assert _named(documents, 2) == ["Ivo Brandt"]


def test_a_surname_is_not_completed_with_a_given_name_the_claim_speaks_of() -> None:
    documents = [
        [
            "Rescuers found Greta Lind alive on Monday, three days after the crash.",
            "Greta Lind walked out of the forest with burns on her hands.",
            "Her father, Nils Lind, drove through the night to the hospital.",
            "Greta Lind was treated for dehydration and burns, doctors said.",
            "Lind said he had never met Greta's new friends from the camp.",
        ]
    ]

    assert _named(documents, 4) == []


def test_a_name_written_with_and_without_its_accents_is_one_speaker() -> None:
    assert same_speaker("Viktor Orbán", "Viktor Orban")
    assert same_speaker("Conor O’Brién", "Conor O’Brien")  # a curly apostrophe stays
    assert same_speaker("Orban", "Prime Minister Viktor Orbán")
    assert not same_speaker("Viktor Orbán", "Péter Magyar")


def test_a_name_after_its_roles_body_is_the_speakers() -> None:
    # "Minister of Foreign Affairs" takes its own "of": the name comes after it.
    assert same_speaker("Badr Abdelatty", "Egyptian Minister of Foreign Affairs Badr Abdelatty")
    assert not same_speaker("Badr Abdelatty", "Egyptian Minister of Finance Ahmed Kouchouk")
    # One name, two outlets' spellings; two names that share their first words.
    assert same_speaker("Sheikh Mohammad bin Abdul Rahman", "Sheikh Mohammed bin Abdulrahman")
    assert not same_speaker("Mohammed bin Salman", "Mohammed bin Zayed")
    # Two words: the transliteration's doubled ending only.
    assert same_speaker("Volodymyr Zelenskyy", "President Volodymyr Zelensky")
    assert same_speaker("Zelenskyy", "Volodymyr Zelensky")
    assert same_speaker("President Zelenskyy", "President Zelensky")
    assert same_speaker("Volodymyr Zelenskiy", "Volodymyr Zelensky")
    assert speaker_key("Zelenskyy") == speaker_key("Volodymyr Zelenskyy")
    assert not same_speaker("Volodymyr Zelensky", "Volodymyr Zelenko")
    # A name's "of" still ends it: Jane Doe of the university is Jane Doe.
    assert same_speaker("Jane Doe of Eastvale University", "Jane Doe")
    # An Arabic surname's article, however an outlet writes it.
    assert same_speaker("Jordanian Foreign Minister Nasser al-Majali", "Minister Nasser Al Majali")
    assert same_speaker("Ziad Al-Rawashdeh", "Energy Minister Ziad al-Rawashdeh")
    assert not same_speaker("Nasser al-Majali", "Nasser al-Rawashdeh")
    # A first name "Al" is the name's own.
    assert same_speaker("Al Gore", "former vice-president Al Gore")
    assert same_speaker("Al Gore", "Mr Gore")


def test_two_countries_ministries_are_two_speakers_and_one_spelt_two_ways_is_one() -> None:
    assert not same_speaker("Japan’s Foreign Ministry", "China’s Foreign Ministry")
    assert not same_speaker("Valdoria’s Central Bank", "Ardell’s Central Bank")
    assert same_speaker("Taiwan’s Defense Ministry", "Taiwan’s defence ministry")
    assert same_speaker("The Israel Defense Forces", "Israel Defense Forces")


def test_a_name_with_two_letters_swapped_is_the_same_speaker() -> None:
    # "Telsa says" beside "Tesla says" in one story: a typo, not a second voice.
    assert same_speaker("Telsa", "Tesla")
    assert same_speaker("Ursula von der Leyne", "Ursula von der Leyen")
    # A letter changed, or a short name, is another one.
    assert not same_speaker("Iran", "Iraq")
    assert not same_speaker("Mali", "Mail")
    assert not same_speaker("Austria", "Australia")


@pytest.mark.parametrize(
    ("article", "role", "named"),
    [
        # Another title that ends in the same word, before or joined to it.
        ("Former Philippine President Rodrigo Duterte was flown to The Hague.", "president", ""),
        ("Vice-President Kamala Harris spoke first.", "president", ""),
        ("Ex-President Dana Whitlock wrote a book.", "president", ""),
        ("Prime Minister Keir Starmer met the unions.", "minister", ""),
        ("Attorney General Pam Bondi signed the order.", "general", ""),
        ("Senate Majority Leader Chuck Schumer objected.", "leader", ""),
        # A title before what is not a person's name.
        ("General Motors cut 1,000 jobs at the plant.", "general", ""),
        ("The Director General of the BBC resigned.", "director", ""),
        # The same person written two ways; a day after the name is not the name.
        ("President Xi Jinping arrived. President Xi spoke.", "president", "President Xi Jinping"),
        ("President Dana Whitlock on Tuesday signed it.", "president", "President Dana Whitlock"),
        ("President Dana Whitlock Tuesday signed it.", "president", "President Dana Whitlock"),
        # The word before the title that the article writes with it is kept.
        (
            "Russian President Vladimir Putin replied.",
            "president",
            "Russian President Vladimir Putin",
        ),
        ("U.S. President Dana Whitlock replied.", "president", "President Dana Whitlock"),
        ("Later, President Dana Whitlock replied.", "president", "President Dana Whitlock"),
        ("U.S. District Judge Kurt Engel said no.", "judge", "District Judge Kurt Engel"),
        # Two people who share a given name are two; a title's words earlier in the
        # sentence ("a former adviser to President ...") make no other office.
        ("Judge John Smith ruled. Judge John Doe had ruled before.", "judge", ""),
        ("President Ana Ruiz spoke. President Ana Moll replied.", "president", ""),
        (
            "A former adviser to President Ana Ruiz spoke. President Ivo Marin said no.",
            "president",
            "",
        ),
        (
            "former President Ana Ruiz spoke. President Ivo Marin said no.",
            "president",
            "President Ivo Marin",
        ),
        # Initials, particles and a short title belong to the name and the title.
        ("President George W. Bush spoke on Monday.", "president", "President George W. Bush"),
        ("President Ursula von der Leyen spoke.", "president", "President Ursula von der Leyen"),
        (
            "Sen. Ana Ruiz said no. Sen. Ana Ruiz said it again. Sen. Ivo Marin agreed.",
            "senator",
            "",
        ),
        ("Sen. Ana Ruiz said no, and she said it again.", "senator", "Senator Ana Ruiz"),
        # A sentence full of names is no Title Case headline.
        ("Ruiz met Polish President Andrzej Duda. President Ruiz later said it.", "president", ""),
        ("Foreign Minister Ana Ruiz said no.", "minister", "Foreign Minister Ana Ruiz"),
        # "The justice" of a story about the chief justice keeps the rank.
        (
            "Chief Justice Ana Ruiz wrote the ruling. Justice Ruiz read it out.",
            "justice",
            "Chief Justice Ana Ruiz",
        ),
        ("Chief Justice Ana Ruiz wrote it.", "chief justice", "Chief Justice Ana Ruiz"),
        (
            "When President Dana Whitlock arrived, she spoke.",
            "president",
            "President Dana Whitlock",
        ),
    ],
)
def test_a_title_alone_resolves_only_to_a_person_given_that_title(
    article: str, role: str, named: str
) -> None:
    assert _titled_person(role, split_sentences(article)) == named


def test_a_voice_naming_someone_only_by_a_courtesy_title_needs_them_met_above() -> None:
    documents = [
        [
            "Harbour master Tomas Lind closed the north quay on Sunday.",
            "Mayor Ida Kross said she had spoken to Mr. Lind about the crane twice this week.",
            "Mayor Ida Kross said she had spoken to Tomas Lind about the crane twice.",
        ]
    ]
    voice = documents[0][1]

    def named(known: frozenset[str]) -> list[str]:
        found = find_perspectives(
            [(voice, 0)], ARTICLES[:1], limit=2, documents=documents, known=known
        )
        return [p.who for _, p in found]

    # A reader of the voice alone does not know who Mr. Lind is.
    assert named(frozenset()) == []
    # The headline or the Briefly above named him.
    assert named(frozenset({"lind"})) == ["Mayor Ida Kross"]
    # Named in full in the claim itself.
    assert _named(documents, 2) == ["Mayor Ida Kross"]


def test_a_claim_opening_on_a_body_or_naming_the_speaker_is_still_a_voice() -> None:
    documents = [
        [
            "The Valdorian Congress passed the harbour bill.",
            "Senate Democrats blocked the ferry subsidy.",
            "Governor Ana Ruiz said Congress had failed the island's fishermen for a decade.",
            "Governor Ana Ruiz said Democrats had refused to fund the ferry.",
            "Tomas Lind's lawyer said Mr. Lind had been ill for a long time.",
        ]
    ]
    assert _named(documents, 2) == ["Governor Ana Ruiz"]
    assert _named(documents, 3) == ["Governor Ana Ruiz"]
    # The speaker's own words say who Mr. Lind is.
    assert _named(documents, 4) == ["Tomas Lind's lawyer"]


def test_a_claim_about_an_it_told_before_is_no_voice() -> None:
    sentences = [
        ("Ines Duarte said it happened in 2019 on the night ferry to the islands.", 0),
        ("Tomas Lind, a pilot, said it had come up at a crew meeting before the crossing.", 1),
        ("Anna Berg, a port engineer, said it was unclear when the quay would reopen.", 1),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=3)

    # What happened, what came up? "it was unclear" leans on nothing.
    assert [p.who for _, p in found] == ["Anna Berg, a port engineer"]


def test_a_quote_that_opens_on_a_connective_is_no_voice() -> None:
    # "Moreover", "But": the speaker's words go on from others the reader did not get.
    sentences = [
        (
            "“Moreover, the ferry line also failed to run its promised night crossings,” "
            "Jane Doe, a harbour analyst, said.",
            0,
        ),
        ("“But the quay will reopen in March,” Mark Roe, the harbour master, said.", 1),
        # "Well", "Yeah": an answer to a question the reader did not get.
        ("“Well, I don't know, I was given that information,” Ines Duarte said.", 0),
        ("“Yeah, the quay will be shut for a while,” Tomas Lind, a pilot, said.", 1),
        (
            "“The quay will reopen in March after the inspection,” Anna Berg, a port "
            "engineer, said.",
            1,
        ),
    ]

    found = find_perspectives(sentences, ARTICLES, limit=5)

    assert [p.who for _, p in found] == ["Anna Berg, a port engineer"]


@pytest.mark.parametrize(
    ("who", "context", "named"),
    [
        # A surname: the article's own full mention, not another person speaking.
        (
            "Quill",
            ["Nora Quill, a farmer, said the harvest was late.", "It was late, said Quill Abel."],
            "Nora Quill, a farmer",
        ),
        # "Jr." is someone else going on from the name.
        (
            "Abel",
            ["Abel said the deal was done.", "It was good, said Tomas Abel Jr."],
            "Tomas Abel",
        ),
        # A body speaking, and its officer named after it: the body's words stay its own.
        (
            "Orchard",
            ["Orchard said it would appeal.", "We will appeal, said Orchard Vice Chair Ann Lee."],
            "Orchard",
        ),
        # Who was told is the listener, not the speaker.
        (
            "Harbour",
            ["Harbour said it would close.", "It is over, he told Harbour News."],
            "Harbour",
        ),
    ],
)
def test_a_one_word_speaker_is_named_in_full_only_by_its_own_mentions(
    who: str, context: list[str], named: str
) -> None:
    from digest.naming import name_in_full

    assert name_in_full(who, context, "Outlet A") == named


@pytest.mark.parametrize(
    ("who", "context", "named"),
    [
        # The sentence describes the bearer of a surname; the article named them before.
        (
            "Morbidelli, an expert in orbits",
            [
                "Planetary scientist Alessandro Morbidelli agreed the case was stronger.",
                "Morbidelli, an expert in orbits, said the paper was careful.",
            ],
            "Alessandro Morbidelli, an expert in orbits",
        ),
        # Two people of that surname: which one is unknown, so it stays as written.
        (
            "Lind, a local farmer",
            ["Ola Lind and Kari Lind run the farm.", "Lind, a local farmer, said it flooded."],
            "Lind, a local farmer",
        ),
        # Never named in full: as written.
        (
            "Lind, a local farmer",
            ["Lind, a local farmer, said the water rose fast."],
            "Lind, a local farmer",
        ),
        # Named in full once, as a person (an age): completed.
        (
            "Lind, a local farmer",
            ["Ola Lind, 54, saw the river rise.", "Lind, a local farmer, said it flooded."],
            "Ola Lind, a local farmer",
        ),
        # A relative is described so because the surname is shared.
        (
            "Lind, the mayor's son",
            ["Mayor Ola Lind said the quay would reopen.", "Lind, the mayor's son, said no."],
            "Lind, the mayor's son",
        ),
        # The only full name is a titled office-holder's, or a firm's: as written.
        (
            "Lind, a council spokesperson",
            ["Prime Minister Ola Lind said the plan would work."],
            "Lind, a council spokesperson",
        ),
        (
            "Sachs, an economist at the university",
            ["Banks such as Goldman Sachs rose on Monday."],
            "Sachs, an economist at the university",
        ),
    ],
)
def test_a_described_surname_is_named_in_full_with_its_description(
    who: str, context: list[str], named: str
) -> None:
    from digest.naming import name_in_full

    assert name_in_full(who, context, "Outlet A") == named


def test_two_speakers_by_surname_are_named_in_full_each_or_as_written() -> None:
    from digest.naming import name_in_full

    context = [
        "Mel Lind and Michael Berg told of their distress on the morning show.",
        "“Our thoughts are with the family,” said Michael Berg.",
        "Lind and Berg said they thought the joke was on them.",
    ]
    assert name_in_full("Lind and Berg", context, "Outlet A") == "Mel Lind and Michael Berg"
    # One of them never named in full, or named as two people: both as written.
    assert name_in_full("Lind and Okafor", context, "Outlet A") == "Lind and Okafor"
    twice = [*context, "Ann Lind, her sister, said nothing."]
    assert name_in_full("Lind and Berg", twice, "Outlet A") == "Lind and Berg"
    # A middle initial is still a name: "Mel J. Lind" and his sister are two Linds.
    initialled = [
        "Mel J. Lind and Michael Berg told of their distress on the morning show.",
        "His sister, Ann Lind, a nurse, said he was shaken.",
        "“Our thoughts are with the family,” said Michael Berg.",
    ]
    assert name_in_full("Lind and Berg", initialled, "Outlet A") == "Lind and Berg"
    # One surname twice is a firm's name, or two people: as written.
    lawyer = ["Mark Lind, a lawyer for the crew, said the claim was filed."]
    assert name_in_full("Lind and Lind", lawyer, "Outlet A") == "Lind and Lind"
    # Two firms speaking together show no person for a described surname.
    firms = ["Harbour Lind and Quay Berg said the merger was off."]
    assert name_in_full("Lind, an analyst", firms, "Outlet A") == "Lind, an analyst"


def test_a_role_the_article_gives_a_named_person_is_no_speaker_alone() -> None:
    """ "The actor told ..." where the article names "actor Ola Lind": the reader takes
    the role for Lind, who may not be the speaker (it was another actor): unnamed, the
    voice goes. A role the article gives nobody by name stays as written."""
    from digest.naming import name_in_full

    context = [
        "Ferry drama star Ana Berg was accused by actor Ola Lind of bullying the crew.",
        "The actor told a radio station he had lost respect for her on the set.",
    ]
    assert name_in_full("The actor", context, "Outlet A") == ""
    assert name_in_full("The skipper", context, "Outlet A") == "The skipper"


def test_a_bare_surname_is_given_in_full_where_the_reader_first_meets_it() -> None:
    from digest.naming import introduce_names

    context = [
        "Harbour master Ola Lindqvist, 58, said the quay would stay shut.",
        "Lindqvist said the ferries would wait.",
        # A capitalised word ending a clause before the surname is no given name.
        "In an interview with the Harbour Network, Lindqvist added that he was sorry.",
        "Treasury Secretary Ann Okafor said the money was there.",
        "Ms. Okafor declined to say more.",
        "The call, with Greig and Christian posing as inspectors, was broadcast.",
        "Mel Greig and Tom Christian told of their distress.",
        "Greig said she was shaken.",
        "The trust's spokesman, Nils Berg, said it would appeal.",
        "Berg said the trust had done nothing wrong.",
        "Complicating Mnuchin's efforts, a senator objected.",
        "Treasury Secretary Steven Mnuchin said the talks would go on.",
        "Mr. Mnuchin said so again.",
        "Secretary of State Ann Pike said she would go.",
        "Pike said the visit was on.",
    ]
    printed = [
        "Questions about Lindqvist and the ferry went unanswered.",
        "A plan by Okafor was welcomed; “Okafor is right,” a trader said.",
        "The board thanked Lindqvist.",
        "The call, with Greig and Christian posing as inspectors, was broadcast.",
        "It was the first appeal by Berg's trust.",
        "Talks led by Mnuchin and Pike went on.",
    ]

    assert introduce_names(printed, context, known=frozenset()) == [
        # An age is a person's cue; the first mention only: the second leans on it.
        "Questions about Ola Lindqvist and the ferry went unanswered.",
        # A title is a person's cue; a quotation stays as spoken.
        "A plan by Ann Okafor was welcomed; “Okafor is right,” a trader said.",
        "The board thanked Lindqvist.",
        # A pair: both in full, though "Christian" alone may be a person's kind.
        "The call, with Mel Greig and Tom Christian posing as inspectors, was broadcast.",
        # A role set off by a comma before the name is a cue too.
        "It was the first appeal by Nils Berg's trust.",
        # A sentence's opening participle is no given name ("Complicating Mnuchin"),
        # nor is a preposition's object ("Secretary of State Ann Pike").
        "Talks led by Steven Mnuchin and Ann Pike went on.",
    ]
    # A word the articles never write in lower case is a name's even opening a sentence.
    mnuchin = [
        "Treasury Secretary Steven Mnuchin, 55, led the talks.",
        "Mnuchin was among the officials who tried to save the deal.",
    ]
    assert introduce_names(["Talks led by Mnuchin stalled."], mnuchin, known=frozenset()) == [
        "Talks led by Steven Mnuchin stalled."
    ]
    power = [
        "USAID Administrator Samantha Power, 52, said aid was coming.",
        "Power was restored to most homes, and the power cuts ended.",
    ]
    assert introduce_names(["Crews thanked Power."], power, known=frozenset()) == [
        "Crews thanked Power."
    ]
    # A possessive opening a sentence is a name's.
    assert introduce_names(["Lindqvist’s plan was dropped."], context, known=frozenset()) == [
        "Ola Lindqvist’s plan was dropped."
    ]
    # A suffix is part of the name: "Robert F. Kennedy" is the father.
    kennedy = [
        "Robert F. Kennedy Jr., 70, said so.",
        "Crowds cheered as Kennedy said he would run.",
    ]
    assert introduce_names(["Voters backed Kennedy."], kennedy, known=frozenset()) == [
        "Voters backed Robert F. Kennedy Jr."
    ]
    # Met in the headline (in any case), or a name in the news all week: as written.
    for shown in ("Ola Lindqvist quits", "LINDQVIST QUITS"):
        named = introduce_names(printed[:1], context, known=frozenset(), shown=shown)
        assert named == printed[:1]
    assert introduce_names(printed[:1], context, known=frozenset({"lindqvist"})) == printed[:1]


# A person the articles name in full and call by the surname alone: "Lindqvist" would be
# completed anywhere but where a guard says otherwise.
_LINDQVIST = ["Ola Lindqvist, a pilot, said the quay was shut.", "Lindqvist said so again."]


def test_a_surname_with_its_particle_is_one_name() -> None:
    from digest.naming import introduce_names

    context = [
        "Mayor Ana de Brandt, 56, said the port was ready.",
        "De Brandt said the ferries would run.",
        "Critics said de Brandt had waited too long.",
    ]
    printed = ["Critics blamed Brandt."]
    # "De" opening a sentence is the surname's particle, no given name.
    assert introduce_names(printed, context, known=frozenset()) == printed
    # A word after a particle is no surname alone, whoever else bears it.
    pilot = ["Rui Brandt, 40, a pilot, said the port was ready.", "Brandt said ferries wait."]
    printed = ["Crews thanked the mayor, Ana de Brandt."]
    assert introduce_names(printed, pilot, known=frozenset()) == printed
    # A given name that reads like a particle is one where the articles never write it
    # in lower case ("Al Gore", "Van Morrison").
    former = ["Former minister Al Brandt, 70, said so.", "Brandt said ferries wait."]
    assert introduce_names(["Critics blamed Brandt."], former, known=frozenset()) == [
        "Critics blamed Al Brandt."
    ]
    # A straight mark opens a quotation that a curly one closes.
    mother = ["Ana Brandt, 40, a mother, said she was shocked.", "Brandt said ferries wait."]
    assert introduce_names(['"How can they do that?” says Brandt.'], mother, known=frozenset()) == [
        '"How can they do that?” says Ana Brandt.'
    ]


def test_a_person_met_in_full_is_called_by_the_surname_after() -> None:
    from digest.naming import name_once

    context = [
        "Harbour master Ola Lindqvist, 58, said the quay would stay shut.",
        "Lindqvist said the ferries would wait.",
        "President Ann Okafor said the money was there.",
        "Okafor said so again.",
        "The trust's spokesman, Nils Berg, said it would appeal.",
        "Berg said the trust had done nothing wrong.",
        "Peter Holm, 40, a pilot, said the quay was unsafe.",
        "Holm said he had warned the port.",
        "Ann Holm, his sister, said she agreed.",
        "Officer Dan Varga, 31, shot dead the driver.",
        "Varga said he had feared for his life.",
    ]
    printed = [
        "Ola Lindqvist, 58, said the quay would stay shut.",
        "Ola Lindqvist said the ferries would wait; President Ann Okafor agreed.",
        "Union leaders said President Ann Okafor had the money.",
        "The trust's spokesman, Nils Berg, said it would appeal.",
        "Trust spokesman Nils Berg later said it had done nothing wrong.",
        "“Ola Lindqvist saved us,” a pilot said.",
        'A pilot said: "Ola Lindqvist saved us all',
        "Peter Holm, 40, a pilot, said the quay was unsafe.",
        "Peter Holm said he had warned the port.",
        "The driver was shot dead by Officer Dan Varga.",
        "Witnesses said the driver was unarmed when he was shot by Officer Dan Varga.",
        "The union thanked Dan Varga and disgraced leader Ann Okafor.",
    ]

    assert name_once(printed, context) == [
        "Ola Lindqvist, 58, said the quay would stay shut.",
        # Then the surname, as a report names a person again; a first mention stays.
        "Lindqvist said the ferries would wait; President Ann Okafor agreed.",
        # A title the reader met with the name goes with the given name.
        "Union leaders said Okafor had the money.",
        "The trust's spokesman, Nils Berg, said it would appeal.",
        # A role the reader did not meet before the name is news: the name stays whole.
        "Trust spokesman Nils Berg later said it had done nothing wrong.",
        # A quotation stays as spoken, a straight one the splitter left open too.
        "“Ola Lindqvist saved us,” a pilot said.",
        'A pilot said: "Ola Lindqvist saved us all',
        "Peter Holm, 40, a pilot, said the quay was unsafe.",
        # Another person of the surname: "Holm" alone could be either.
        "Peter Holm said he had warned the port.",
        "The driver was shot dead by Officer Dan Varga.",
        # Only the title goes: the words before it are the sentence's own.
        "Witnesses said the driver was unarmed when he was shot by Varga.",
        # A description before the name keeps it whole.
        "The union thanked Varga and disgraced leader Ann Okafor.",
    ]
    # Nothing is shortened against what the reader does not read in the same part.
    assert name_once(printed[1:2], context) == printed[1:2]
    # A name met only inside other words ("... quoted Ed Okafor") was not met.
    assert name_once(
        ["Critics quoted Ted Okafor.", "Ed Okafor said no."],
        ["Ed Okafor, 50, a pilot, said no.", "Okafor said ferries wait."],
    ) == ["Critics quoted Ted Okafor.", "Ed Okafor said no."]
    # An abbreviation's stop is no clause's: "U.S. Okafor" would garble the sentence.
    met = ["Pilot Ed Okafor said no.", "Unions said U.S. Pilot Ed Okafor was right."]
    assert name_once(met, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."]) == met
    # One of a list of names keeps its given name with the others'.
    listed = ["Ed Okafor said no.", "Ed Okafor and Ines Duarte were freed."]
    assert name_once(listed, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."]) == listed
    # An office the reader met under another name goes too ("Premier" after "Prime
    # Minister"); a description of the reader's own does not ("Trust spokesman").
    # An office the reader did not meet before the name is news and stays.
    met_bare = ["Ed Okafor resigned.", "Prime Minister Ed Okafor left the palace."]
    assert name_once(met_bare, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."]) == met_bare
    # Nor one the reader met under another office: a new office is news.
    new_office = ["Opposition leader Ed Okafor conceded.", "Prime Minister Ed Okafor was sworn in."]
    assert name_once(new_office, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."]) == (
        new_office
    )
    appositive = ["Ostland's prime minister, Ed Okafor, spoke.", "Premier Ed Okafor left."]
    assert name_once(appositive, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."])[1] == (
        "Okafor left."
    )
    premier = ["Prime Minister Ed Okafor resigned.", "Premier Ed Okafor left the palace."]
    assert name_once(premier, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."]) == [
        "Prime Minister Ed Okafor resigned.",
        "Okafor left the palace.",
    ]
    # A surname the articles use for a place as well ("in Austin") stays in full.
    austin = ["Ed Austin, 50, said no.", "Austin said ferries wait.", "Crews flew to Austin."]
    assert name_once(["Ed Austin said no.", "Unions backed Ed Austin."], austin) == [
        "Ed Austin said no.",
        "Unions backed Ed Austin.",
    ]
    # The text's own honorific stays with the surname; none is taken from the articles,
    # where it may be a relative's ("Mrs. Okafor", his wife).
    doctor = ["Dr. Ed Okafor, 50, led the study.", "Mrs. Okafor said he was tired."]
    doctor += ["Okafor said the results were clear."]
    printed = ["Dr. Ed Okafor led the study.", "Nurses thanked Dr. Ed Okafor and the staff."]
    printed += ["Patients said Ed Okafor had been kind."]
    assert name_once(printed, doctor) == [
        "Dr. Ed Okafor led the study.",
        "Nurses thanked Dr. Okafor and the staff.",
        "Patients said Okafor had been kind.",
    ]
    # A list of names: one shortened alone would read unlike the others.
    names = [
        "Ed Okafor said no.",
        "They were Ines Duarte in 1988, Rui Lopes in 1992; and Ed Okafor.",
    ]
    assert name_once(names, ["Ed Okafor, 50, said no.", "Okafor said ferries wait."]) == names


@pytest.mark.parametrize(
    ("printed", "context"),
    [
        # Two people by the surname: whose?
        (
            "The quay was shut by Lindqvist on Monday.",
            [*_LINDQVIST, "His sister, Ann Lindqvist, a nurse, agreed."],
        ),
        # A place, not a person ("West Belfast"); a relative ("Grandma Lynn").
        (
            "She was abducted from her Belfast home.",
            ["Jo Kerr of West Belfast, 40, said so.", "Belfast said it would help."],
        ),
        ("He thanked Lynn warmly.", ["Grandma Lynn, 80, said so.", "Lynn said so."]),
        # No sign the full name is a person's: a firm's name may be written so.
        ("Shares in Sachs fell.", ["Goldman Sachs reported a loss.", "Sachs said so."]),
        # A person, but the articles never call them by the surname alone: "Price" may
        # be anything.
        ("They voted on Price controls.", ["Health Secretary Tom Price, 62, said it was fair."]),
        # A sentence's opening participle is no given name: without the rule,
        # "Complicating Mnuchin" would be a second person and no one would be named, so
        # the rule is what lets the secretary be named (see the test above).
        # A title on the surname alone that the full name never has is someone else.
        (
            "The inquiry cleared Wilson.",
            [
                "Officer Darren Wilson, 28, said he feared for his life.",
                "Gov. Wilson said the inquiry was fair.",
            ],
        ),
        # A "Mr." and a "Mrs." of the surname: a couple.
        (
            "The house was sold by Flynn.",
            ["Mark Flynn, 61, said so.", "Mr. Flynn said it.", "Mrs. Flynn said nothing."],
        ),
        # After a capitalised word: titled ("Mr. Lindqvist"), or a longer name; before one.
        ("The board thanked Mr. Lindqvist.", _LINDQVIST),
        ("The board thanked President Lindqvist.", _LINDQVIST),
        ("The board thanked Lindqvist Shipping.", _LINDQVIST),
        # A nickname between the given name and the surname is the full name already.
        ('The board thanked Ola "Oli" Lindqvist.', _LINDQVIST),
        # A modifier or a firm's name, not the person.
        ("The board met the Lindqvist family.", _LINDQVIST),
        ("Shares in Lindqvist & Berg fell.", _LINDQVIST),
        # The full name is in the sentence.
        ("A lawyer for Lindqvist said Ola Lindqvist would appeal.", _LINDQVIST),
        # A pair of whom one is named in full nowhere: both as written.
        ("The call, with Lindqvist and Moss posing as inspectors, aired.", _LINDQVIST),
        # Quoted: in any marks, or a quotation the sentence splitter cut.
        ("‘Lindqvist lied to us,’ a trader said.", _LINDQVIST),
        ("and Lindqvist knew it,” the trader said.", _LINDQVIST),
        ("The trader said: “We told Lindqvist", _LINDQVIST),
        # Opening a sentence, a capital tells nothing: "Price controls ...".
        ("Lindqvist resigned on Monday.", _LINDQVIST),
        # A kind of person that is a surname too ("Christian groups"), alone.
        ("The protest drew Christian groups.", ["Tom Christian, 40, said so.", "Christian said."]),
        # "Secretary of State Ann Okafor": "State Ann" is no given name, so "State Ann
        # Okafor" is not printed (the right name is; see the test above).
        # Another person of the surname whose given name reads like a role ("Peter"),
        # is initials or joins a maiden name: "Ann Flynn" is no one bearer.
        (
            "The house was owned by Lindqvist until March.",
            [*_LINDQVIST, "Her brother Peter Lindqvist, 61, said so."],
        ),
        (
            "The case against Lindqvist was weak.",
            [*_LINDQVIST, "Her ex-husband O.J. Lindqvist was acquitted."],
        ),
        (
            "The rally cheered Obrador on Sunday.",
            ["President Andres Manuel Lopez Obrador, 68, said so.", "Obrador said so."],
        ),
        (
            "The race was won by Smith.",
            ["The sprinter Ann Smith-Jones said she was tired.", "Smith said so."],
        ),
        # A place, a firm, a ship or a film named like the person.
        ("She flew home to Lindqvist on Monday.", _LINDQVIST),
        ("It would be a Lindqvist government.", _LINDQVIST),
        ("Polls showed Lindqvist supporters ahead.", _LINDQVIST),
        (
            "Unions criticised Ford over the cuts.",
            ["Henry Ford, 60, founded the firm.", "Ford said it would cut 3,000 jobs."],
        ),
        # A firm with the name: "Ford was hit by tariffs" is no person's use.
        (
            "Unions criticised Ford over the cuts.",
            [
                "Ford Motor's chairman, Bill Ford, 67, said the cuts were needed.",
                "Ford was hit by the tariffs.",
            ],
        ),
        # A title on the surname alone that the untitled full name never has.
        (
            "The inquiry cleared Wilson.",
            ["Darren Wilson, 28, said so.", "Gov. Wilson said the inquiry was fair."],
        ),
        ("Patients treated by Berg sued.", ["Ann Berg, 52, said so.", "Dr. Berg said it."]),
        # After a semicolon a capital tells nothing either; quotations in any marks.
        ("The plan was shelved; Lindqvist quit.", _LINDQVIST),
        ("A trader said: 'I think Lindqvist lied.'", _LINDQVIST),
        ("Le trader a dit: « Lindqvist a menti »", _LINDQVIST),
        # A pair whose first opens the sentence: both as written.
        ("Moss and Lindqvist argued on the quay.", _LINDQVIST),
    ],
)
def test_a_bare_surname_stays_as_written_when_the_full_name_is_in_doubt(
    printed: str, context: list[str]
) -> None:
    from digest.naming import introduce_names

    assert introduce_names([printed], context, known=frozenset()) == [printed]


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        # Three countries say; no comma closes their list.
        (
            "Russia, Kazakhstan and Turkey said they were sending rescue teams to the region.",
            "Russia, Kazakhstan and Turkey say they were sending rescue teams to the region.",
        ),
        # One body, whose name holds a list or an "and".
        (
            "The quake struck at a depth of 18 kilometers off the coast of Sulawesi, according "
            "to Indonesia’s Meteorology, Climatology and Geophysics Agency.",
            "Indonesia’s Meteorology, Climatology and Geophysics Agency says the quake struck "
            "at a depth of 18 kilometers off the coast of Sulawesi.",
        ),
        (
            "Indonesia's Centre for Volcanology and Geological Hazard Mitigation said the ash "
            "column reached 11 kilometres above the summit.",
            "Indonesia's Centre for Volcanology and Geological Hazard Mitigation says the ash "
            "column reached 11 kilometres above the summit.",
        ),
        # A description after the name is closed by a comma, "and" in it or not.
        (
            "The coup attempt looks like the work of a small faction, said Chipo Mulenga, a "
            "political analyst at the University of Zambia and Mines.",
            "Chipo Mulenga, a political analyst at the University of Zambia and Mines, says the "
            "coup attempt looks like the work of a small faction.",
        ),
        (
            "The reports were troubling, said Shira Katz, chief executive of the Centre for "
            "Israel and Jewish Affairs.",
            "Shira Katz, chief executive of the Centre for Israel and Jewish Affairs, says the "
            "reports were troubling.",
        ),
        # A speaker after a spoken "So" or "Well" and a time: a broadcast's transcript.
        (
            "So at about 3 in the morning, residents of Lusaka say they heard gunfire "
            "near the broadcaster.",
            "Residents of Lusaka say they heard gunfire near the broadcaster.",
        ),
        # A person's capitalised titles are no list; a body's "and" one word long is
        # a second speaker.
        (
            "The bank would keep lending to small firms, said Jamie Dimon, JPMorgan Chase "
            "Chairman and CEO.",
            "Jamie Dimon, JPMorgan Chase Chairman and CEO, says the bank would keep lending to "
            "small firms.",
        ),
        (
            "The Department of Justice and Google said they had reached a settlement over the "
            "search case.",
            "The Department of Justice and Google say they had reached a settlement over the "
            "search case.",
        ),
        # A body whose own name holds "and" is one.
        (
            "Nine people were still missing, the Harbour Safety and Rescue Council said.",
            "The Harbour Safety and Rescue Council says Nine people were still missing.",
        ),
        # Two people of two places are two speakers.
        (
            "The president of France and the chancellor of Germany said the summit would go "
            "ahead next week.",
            "The president of France and the chancellor of Germany say the summit would go "
            "ahead next week.",
        ),
    ],
)
def test_lists_of_speakers_say_and_bodies_whose_names_hold_a_list_say_as_one(
    sentence: str, line: str
) -> None:
    found = find_perspectives([(sentence, 0)], ARTICLES[:1], limit=1)

    assert [_line(p) for _, p in found] == [line]


def test_a_titled_speaker_is_named_with_the_whole_title_and_no_place() -> None:
    documents = [
        [
            "The pact was signed by Harbour Minister Ana Lind and Alliance Deputy Secretary "
            "General Tomas Varga at the Department of Foreign Affairs in Ardell City.",
            "The deal covers ferry inspections and port security along the northern coast.",
            "Varga said that the alliance would send a team to Ardell early next year.",
            "The agreement was signed by Alliance Commissioner for Maritime Affairs Lena "
            "Okafor Brandt at the harbour.",
            "Brandt said that the first inspections would begin before the spring.",
            "The harbour was closed by Ardell Police chief Adj. Sr. Comr. Rudi Hartono Wibowo.",
            "Wibowo said that the harbour would stay closed to night traffic until Friday.",
        ]
    ]
    # A place "at" which something happened is no role of a titled person's.
    assert _named(documents, 2) == ["Alliance Deputy Secretary General Tomas Varga"]
    # A title goes on before its "for".
    assert _named(documents, 4) == ["Alliance Commissioner for Maritime Affairs Lena Okafor Brandt"]
    # A rank written short is no part of the name, and "chief" is a role.
    assert _named(documents, 6) == ["Ardell Police chief Rudi Hartono Wibowo"]


def test_a_courtesy_title_keeps_the_workplace_and_a_rank_its_name() -> None:
    documents = [
        [
            "The study was presented by Dr. Anna Berg at the Harbour Institute in Ardell.",
            "It followed 4,000 ferry workers for ten years.",
            "Berg said that the results were clear enough to change the rules.",
            "The appeal was filed by Ma. Lourdes Sereno, a former judge, on Monday.",
            "Sereno said that the court had ignored its own rules on the harbour.",
        ]
    ]
    assert _named(documents, 2) == ["Dr. Anna Berg at the Harbour Institute in Ardell"]
    assert _named(documents, 4) == ["Ma. Lourdes Sereno, a former judge"]


def test_a_title_with_listed_portfolios_is_named_whole_and_reads_without_a_comma() -> None:
    documents = [
        [
            "The charter was signed in Vell by Harbour Minister for Fisheries, Ports, Justice "
            "and Lighthouses Tove Aalund Riis.",
            "Riis said that the first licences would be issued before the summer.",
            "Minister for Roads and Rail Ivo Marten opened the new bridge at the harbour mouth.",
            "Marten said that the bridge would carry trains from the end of the year.",
            "Minister for Health Oda Lesk and Chief Engineer Pavel Rand toured the clinic.",
            "Ms Lesk said that the clinic would be staffed by the end of the month.",
            "Rand said that the foundations were laid before the ground froze in November.",
        ]
    ]
    [riis] = _named(documents, 1)
    assert riis == (
        "Harbour Minister for Fisheries, Ports, Justice and Lighthouses Tove Aalund Riis"
    )
    # Every word after the title's last comma is capitalised: the name ends the title, and
    # no comma stands before "says".
    assert _line(Perspective(riis, "the licences come first.", "u", verb="says")).startswith(
        "Harbour Minister for Fisheries, Ports, Justice and Lighthouses Tove Aalund Riis says"
    )
    # After a name, a role's list is an apposition: its comma closes before "says".
    apposition = "Sara Holm, the port's head of Ferries, Planning and Design"
    assert _line(Perspective(apposition, "fares rise.", "u", verb="says")).startswith(
        f"{apposition}, says"
    )
    assert _named(documents, 3) == ["Minister for Roads and Rail Ivo Marten"]
    # The list before "and" ends on someone the article quotes: two people, not a title.
    assert _named(documents, 6) == ["Chief Engineer Pavel Rand"]
    # A title of something and a name before "and": two people.
    envoys = [
        [
            "Secretary of State Ana Lind and Special Envoy Tomas Varga met the harbour board.",
            "Varga said the talks had been productive and would continue next week.",
        ]
    ]
    assert _named(envoys, 1) == ["Special Envoy Tomas Varga"]


def test_a_surname_the_report_leaves_bare_is_named_as_another_report_names_them() -> None:
    documents = [
        [
            "Tove Aalund Riis, the fisheries minister, signed the charter on Tuesday.",
            "Riis said that the first licences would be issued before the summer.",
        ],
        [
            "The northern fleets welcomed the charter signed in Vell this week.",
            "Ms Riis said the fleets wanted “partners who come with a contract, not a threat”.",
        ],
    ]
    found = find_perspectives([(documents[1][1], 1)], ARTICLES, limit=1, documents=documents)
    assert [p.who for _, p in found] == ["Tove Aalund Riis, the fisheries minister"]

    # Named in full, she is still the "Ms" her report called her: "he" is someone else.
    documents[1].append("Ms Riis said he had refused to sign the first draft in October.")
    found = find_perspectives([(documents[1][2], 1)], ARTICLES, limit=1, documents=documents)
    assert found == []

    # A relative quoted beside the one the news is about: "Ms Holm" is not the detained
    # "Jon Holm" another report names, who says nothing there.
    relatives = [
        [
            "The aid worker was detained in Vell in March.",
            "Ms Holm said she had not been allowed to speak to her husband since his arrest.",
        ],
        [
            "Aid worker Jon Holm was arrested at Vell airport in March, his family said.",
            "Holm, 52, has been held in the city's prison since then.",
        ],
    ]
    found = find_perspectives([(relatives[0][1], 0)], ARTICLES, limit=1, documents=relatives)
    assert [p.who for _, p in found] == ["Ms Holm"]

    # Two reports naming two people of that surname: the bare name stays as written.
    documents.append(
        ["Harbour master Jon Riis closed the port.", "Riis said that the port would reopen."]
    )
    articles = [*ARTICLES, ("https://c.example/1", "Outlet C")]
    found = find_perspectives([(documents[1][1], 1)], articles, limit=1, documents=documents)
    assert [p.who for _, p in found] == ["Ms Riis"]


def test_a_country_a_rank_after_a_place_and_two_titles_read_as_the_report_means() -> None:
    documents = [
        [
            "A coast guard ship fired a water cannon near the shoal in the South China Sea.",
            "China said its coast guard had acted lawfully to expel the fishing boat.",
            "Coast guard spokesperson for the West Harbour Sea Commodore Ana Lind Roque said "
            "the crew had been treated on board.",
            "Roque said the two injured crew members had been treated for cuts.",
        ]
    ]
    # A country speaking is its government: no name to complete from "South China Sea".
    assert _named(documents, 1) == ["China"]
    # ... unless the article names someone so.
    congressman = [
        [
            "Former congressman Steve Israel, who now runs a bookshop, backed the harbour bill.",
            "Israel said the party needed a new message on the economy.",
        ]
    ]
    assert _named(congressman, 1) == ["Steve Israel"]
    # The place ends the role before it; the name begins at the rank.
    assert _named(documents, 3) == ["Commodore Ana Lind Roque"]


def test_a_view_said_again_and_again_is_no_voice_of_the_week() -> None:
    documents = [
        [
            "The premier signed the Arctic pact in Vell on Wednesday.",
            "Mr Holt has repeatedly said the republic needs the island for its security.",
            "Mr Holt said on Wednesday that the pact changed nothing for the republic.",
        ]
    ]
    assert _named(documents, 1) == []
    assert _named(documents, 2) == ["Mr Holt"]


def test_one_person_with_two_titles_says() -> None:
    statement = Statement(
        "Norland's Prime Minister and Minister of Foreign Affairs Ana Lind Roque",
        "the talks would resume.",
        is_plural=is_plural_speaker(
            "Norland's Prime Minister and Minister of Foreign Affairs Ana Lind Roque"
        ),
    )
    assert statement.verb == "says"
    for one in (
        "Secretary of State and National Security Adviser Ana Lind",
        "Norland Crown Prince and Prime Minister Tomas Varga",
        "UAE Deputy Prime Minister and Foreign Minister Sheikh Ana bin Lind",
        # One office's two portfolios, then its holder.
        "Norland's Minister of Water Resources and Irrigation Tomas Varga",
        "The Vell government's Minister of Oil and Gas",
        # Ireland's deputy prime minister's title.
        "Tánaiste and Minister for Finance Ana Lind",
        # Two fields before the title ("Revenue and Disaster Management Minister").
        "Revenue and Harbour Management Minister T Varga",
        "Law and institutional reform minister Ana Lind Said",  # a paper's lower case
        # A country's name with "and" in it.
        "Bosnia and Herzegovina's Minister of Foreign Affairs Ana Lind",
        "Trinidad and Tobago's Prime Minister Ana Lind",
        # An office for two fields, then its holder.
        "EU High Representative for Foreign Affairs and Security Policy Ana Lind",
    ):
        assert not is_plural_speaker(one), one
    # A body's or an office's two fields.
    for one in (
        "Norland's Department of Meteorology and Hydrology",
        "The Director of Information and Public Relations in the Ministry of Health, Ann Holt",
        "The Coordinating Minister of Health and Social Welfare, Prof. Ann Holt",
    ):
        assert not is_plural_speaker(one), one
    assert is_plural_speaker("The Department of Justice and Google")
    for two in (
        "The Ministry of Health and Ministry of Education",
        "The Department of Homeland Security and Immigration and Customs Enforcement",
        "The Department of Energy and Treasury officials",
    ):
        assert is_plural_speaker(two), two
    assert is_plural_speaker("The mayor and Governor Ann Holt")
    assert is_plural_speaker("Ana Lind and Minister Tomas Varga")
    assert is_plural_speaker("Varga and Defence Secretary Ana Lind")
    assert is_plural_speaker("Ana Lind and Health Minister Tomas Varga")
    assert is_plural_speaker("Ana Lind and health minister Tomas Varga")
    assert is_plural_speaker("Bosnia and Herzegovina's minister and Ana Lind")
    assert is_plural_speaker("Secretary of State Ana Lind and Defense Secretary Tomas Varga")
    assert is_plural_speaker("Minister of Foreign Affairs Ana Lind and Defence Minister Jo Hart")
    assert is_plural_speaker("Ana Spence and Health Secretary Tomas Varga")
    assert is_plural_speaker("Appropriators in both chambers")
    assert is_plural_speaker("Mediators in Doha")
    assert is_plural_speaker("The Minister of Finance and Governor Ann Holt")
    assert is_plural_speaker("Minister of Health Ann Smith and Bob Jones")
    assert is_plural_speaker("Minister of Health Ann Smith and Mary Jane Jones")
    assert is_plural_speaker("Minister for Foreign Affairs Ann Smith and Deputy Bob Jones")
    # A role's list after a titled name is an apposition too.
    professor = "Professor Jane Doe, head of the School of Law, Politics and Sociology"
    assert _line(Perspective(professor, "fees rise.", "u", verb="says")).startswith(
        f"{professor}, says"
    )


def test_a_ministry_a_home_paper_names_bare_is_given_its_country() -> None:
    documents = [
        [
            "Foreign Minister Ana Lind hosted her counterparts in Vell on Thursday.",
            "Asked about the objections, the Foreign Ministry spokesperson said Norland "
            "“does not have a veto over who keeps the peace in the harbour.”",
        ],
        ["In Vell, Turkish Foreign Minister Ana Lind told reporters the force needed a mandate."],
    ]
    found = find_perspectives([(documents[0][1], 0)], ARTICLES, limit=1, documents=documents)
    assert [p.who for _, p in found] == ["The Turkish Foreign Ministry spokesperson"]
    # No report says whose minister she is: the ministry stays as written.
    found = find_perspectives(
        [(documents[0][1], 0)], ARTICLES[:1], limit=1, documents=documents[:1]
    )
    assert [p.who for _, p in found] == ["The Foreign Ministry spokesperson"]


def test_a_surname_named_in_full_after_a_title_of_a_portfolio_keeps_the_whole_title() -> None:
    from digest.naming import name_in_full

    context = [
        "The two countries signed the deal at the State Department on Wednesday.",
        "US Deputy Secretary of State Ann Holt, who hosted the ceremony, called it historic.",
        "Holt said a consortium would build the route.",
    ]
    # Not "State Ann Holt": "State" is what she is secretary of.
    assert name_in_full("Holt", context, "Outlet A") == "US Deputy Secretary of State Ann Holt"


def test_a_who_clause_is_a_persons_and_belongs_to_the_head_before_of() -> None:
    from digest.naming import name_in_full

    context = [
        "An official of the Ministry of Finance, who requested anonymity, said the fund had "
        "asked for a higher sales tax.",
        "Disbursements will rise to about $4.3 billion, according to the Ministry of Finance.",
    ]
    assert name_in_full("The Ministry of Finance", context, "Outlet A") == (
        "The Ministry of Finance"
    )
    person = ["Ann Holt, who chairs the harbour board, said the pier would reopen."]
    assert name_in_full("Ann Holt", person, "Outlet A") == "Ann Holt, who chairs the harbour board"
    # A person named with a body's title keeps theirs.
    governor = ["Bank of Vell Governor Ann Holt, who sits on the committee, said rates would hold."]
    assert name_in_full("Bank of Vell Governor Ann Holt", governor, "Outlet A") == (
        "Bank of Vell Governor Ann Holt, who sits on the committee"
    )


def test_the_minister_is_named_with_the_portfolio_the_article_gives() -> None:
    from digest.naming import name_in_full

    context = [
        "Vell filed a complaint with the Security Council on Wednesday over the strikes.",
        "Foreign Minister Ann Holt said the complaint described the strikes as a violation.",
        "The minister said she had also contacted the ambassadors.",
    ]
    assert name_in_full("The minister", context, "Outlet A") == "Foreign Minister Ann Holt"
    # A day before the title is no portfolio.
    dated = ["On Tuesday Minister Ann Holt said so.", "The minister said more."]
    assert name_in_full("The minister", dated, "Outlet A") == "Minister Ann Holt"


def test_a_body_a_home_paper_capitalises_is_the_one_it_named_in_full() -> None:
    from digest.naming import name_in_full

    context = [
        "The Ministry of Defense said progress had been made in the talks.",
        "The Ministry said the two sides agreed on joint committees.",
    ]
    assert name_in_full("The Ministry", context, "Outlet A") == "The Ministry of Defense"
    # Two ministries named: which one, the sentence does not say.
    both = ["The Ministry of Defense and the Ministry of Finance met on Monday.", *context[1:]]
    assert name_in_full("The Ministry", both, "Outlet A") == "The Ministry"


def test_an_ambassador_to_a_country_is_named_with_the_post_as_the_role() -> None:
    from digest.naming import name_in_full

    context = [
        "The package is part of a drive to militarise the Arctic, Norland's neighbour Ostland "
        "cannot ignore, Ostlandic Ambassador to Norland Ivan Petrov told reporters.",
        "Petrov added that Norland prefers to spend billions on the island.",
    ]
    # Not "Norland Ivan Petrov", nor the name without the post.
    assert name_in_full("Petrov", context, "Outlet A") == (
        "Ivan Petrov, Ostlandic ambassador to Norland"
    )


def test_people_named_by_what_they_do_say() -> None:
    # Opening a sentence, a plural noun is capitalised like a name.
    for many in ("Shopkeepers", "Villagers", "Fishermen", "Exporters"):
        assert is_plural_speaker(many), many
    assert not is_plural_speaker("Peters")  # a surname alone
    assert not is_plural_speaker("United Airlines")  # a company's name
    assert not is_plural_speaker("Blue Diamond Growers")  # a co-operative's


def test_a_korean_name_keeps_its_given_name_after_the_surname() -> None:
    context = [
        "Land Minister Kim Yun-duk expressed regret over the strike and urged talks.",
        "“A strike that takes the public’s commute hostage cannot win sympathy,” Kim said.",
    ]
    assert name_in_full("Kim", context, "Wire") == "Land Minister Kim Yun-duk"
    # A double-barrelled surname is no given name after it.
    western = ["Senator Jane Smith-Jones said so.", "Smith-Jones told reporters."]
    assert name_in_full("Smith-Jones", western, "Wire") == "Senator Jane Smith-Jones"


def test_a_capital_whose_name_ends_in_ing_is_no_participle() -> None:
    text = (
        "The Mainland Affairs Council said Beijing should respect the choices of the "
        "island's voters."
    )
    documents = [["Voters went to the polls on Saturday.", text]]

    found = find_perspectives([(text, 0)], ARTICLES[:1], limit=3, documents=documents)

    assert [p.says for _, p in found] == [
        "Beijing should respect the choices of the island's voters."
    ]


def test_words_for_the_day_they_were_said_are_no_voice_a_week_on() -> None:
    text = (
        '"If you are travelling to Brussels tomorrow, please check your booking before '
        'you leave home," a rail company spokesman said.'
    )
    found = find_perspectives([(text, 0)], ARTICLES[:1], limit=3, documents=[[text]])
    assert found == []


def test_tomorrow_set_against_today_is_no_day_gone() -> None:
    text = (
        '"What happens in Ukraine today can happen in East Asia tomorrow," Prime Minister '
        "Ana Holt said."
    )
    found = find_perspectives([(text, 0)], ARTICLES[:1], limit=3, documents=[[text]])
    assert [p.says for _, p in found] == [
        "“What happens in Ukraine today can happen in East Asia tomorrow.”"
    ]


@pytest.mark.parametrize(
    "quote",
    [
        "We have to decide whether our children have the jobs of tomorrow",
        "This plan would leave tomorrow's pensioners poorer than today's",
        "We will not rest tonight, or any night, until every hostage is home",
    ],
)
def test_tomorrow_as_a_thing_is_still_a_voice(quote: str) -> None:
    text = f'"{quote}," Finance Minister Ana Holt said.'
    found = find_perspectives([(text, 0)], ARTICLES[:1], limit=3, documents=[[text]])
    assert len(found) == 1


@pytest.mark.parametrize(
    "quote",
    [
        "Tomorrow's vote will decide whether this government survives the winter",
        "The strike planned for tomorrow will go ahead unless the ministry calls us",
        "We met the unions today and we will sign the agreement tomorrow morning",
    ],
)
def test_a_day_gone_is_no_voice_whatever_the_form(quote: str) -> None:
    text = f'"{quote}," Finance Minister Ana Holt said.'
    assert find_perspectives([(text, 0)], ARTICLES[:1], limit=3, documents=[[text]]) == []


def test_a_passer_by_one_report_quotes_speaks_after_the_people_of_the_story() -> None:
    from digest.perspectives import find_perspectives

    koro = "“I am voting for change because nothing works in Ba any more,” said Sela Koro."
    official = "Election supervisor Losa Vuni said all polling stations had opened on time."
    minister = "Foreign Minister Hemi Kerr said New Zealand had sent eight observers."
    documents = [[koro, official], [minister, "Kerr said the count would take days."]]
    sentences = [(koro, 0), (official, 0), (minister, 1)]
    articles = [("https://a.example/1", "Island Times"), ("https://b.example/2", "Harbour News")]

    found = find_perspectives(sentences, articles, limit=2, documents=documents)

    assert [p.who for _, p in found] == [
        "Election supervisor Losa Vuni",
        "Foreign Minister Hemi Kerr",
    ]
    # Named by two reports, however spelt, a bare name is someone the story is about.
    spelt = [[koro, official], [minister, "Koró, a teacher, said she had waited two hours."]]
    found = find_perspectives(sentences, articles, limit=2, documents=spelt)
    assert found[0][1].who.startswith("Sela Koro")
    documents[1].append("Koro, a teacher, said she had waited two hours.")
    found = find_perspectives(sentences, articles, limit=2, documents=documents)
    assert found[0][1].who.startswith("Sela Koro")


def test_a_quotation_of_two_sentences_is_quoted_whole_by_its_speaker() -> None:
    opener = "“There is no such proposal, no such discussion and no such plan."
    closer = (
        "The cabinet respects the independence of the courts,” presidential spokesperson "
        "Hana Welde told reporters in Ardell."
    )
    lede = "The presidency on Thursday denied a report that it would enlarge the court."
    documents = [[lede, opener, closer, "The report cited unnamed officials."]]
    articles = [("https://a.example/1", "Island Times")]

    found = find_perspectives([(closer, 0)], articles, limit=2, documents=documents)

    assert [(p.who, p.says) for _, p in found] == [
        (
            "Presidential Spokesperson Hana Welde",
            "“There is no such proposal, no such discussion and no such plan. The cabinet "
            "respects the independence of the courts.”",
        )
    ]
    # Another quotation between them: the sentences are not one quotation.
    broken = [[lede, opener, "“We will see,” one judge said.", closer]]
    assert find_perspectives([(closer, 0)], articles, limit=2, documents=broken) == []


def test_the_role_a_quote_names_is_the_one_the_article_met_with_an_article() -> None:
    met = [
        "Paris vetoed the idea in 2023.",
        "A French diplomat said on Wednesday that nothing had changed in the treaty.",
    ]
    assert name_in_full("The diplomat", met, "Island Times") == "A French diplomat"
    israeli = ["A senior Israeli official said the deadline stood.", "Talks went on."]
    assert name_in_full("The Israeli official", israeli, "X") == "A senior Israeli official"
    # Two of them: which one spoke is not known.
    two = [*met, "A German diplomat said Berlin backed the office."]
    assert name_in_full("The diplomat", two, "Island Times") == "The diplomat"


@pytest.mark.parametrize(
    ("context", "holder"),
    [
        (
            "External Affairs Minister Ravi Anand said on Tuesday that aid would follow.",
            "External Affairs Minister Ravi Anand",
        ),
        (
            "Public Security Minister Tomas Ardo replied to the opposition on Thursday.",
            "Public Security Minister Tomas Ardo",
        ),
        # A nationality before the portfolio is no part of it.
        (
            "Ardellian Foreign Minister Tomas Ardo replied to the opposition on Thursday.",
            "Foreign Minister Tomas Ardo",
        ),
    ],
)
def test_the_minister_is_named_with_a_portfolio_of_two_words(context: str, holder: str) -> None:
    assert name_in_full("The minister", [context, "Aid will follow, the minister said."], "X") == (
        holder
    )


@pytest.mark.parametrize("who", ["The head of state", "The Head of State", "The Vellish statesman"])
def test_the_head_of_state_is_the_president_the_article_names(who: str) -> None:
    context = [
        "Vellish President Ana Ruiz said the accord was historic.",
        "“This is a victory for patience,” the head of state said.",
    ]
    assert name_in_full(who, context, "X") == "Vellish President Ana Ruiz"
    # Two presidents: which one spoke is not known.
    two = [*context, "Ostlandish President Ivo Marin said he was satisfied."]
    assert name_in_full(who, two, "X") == who


def test_another_person_or_another_nouns_phrase_is_no_role_met() -> None:
    context = ["Vellish President Ana Ruiz said the accord was historic."]
    # A predecessor, or a monarch beside the president, is someone else.
    assert name_in_full("The former head of state", context, "X") == "The former head of state"
    assert name_in_full("The veteran statesman", context, "X") == "The veteran statesman"
    king = [*context, "King Harald welcomed the president at the palace."]
    assert name_in_full("The head of state", king, "X") == "The head of state"
    # A president of another nation, and a second witness, are not "the" one.
    assert name_in_full("The Japanese head of state", context, "X") == (
        "The Japanese head of state"
    )
    witness = ["A second witness said the ferry left late.", "Talks went on."]
    assert name_in_full("The witness", witness, "X") == "The witness"
    # "A car carrying the diplomat" met no diplomat.
    car = ["A car carrying the diplomat was stopped at the border.", "Talks went on."]
    assert name_in_full("The diplomat", car, "X") == "The diplomat"
