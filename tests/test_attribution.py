"""Who says what, as real reporting writes it: one clean statement per speaker.

Each form below is a pattern of news prose (the sentences are ours). A statement must
name the speaker as the sentence does, keep quotes verbatim in quotation marks, turn
reported speech into a clean clause (no dangling "and that"), never glue a second
speaker on, and never make a document or a date a speaker.
"""

from __future__ import annotations

import pytest

from digest.attribution import Statement, attribute_sentence, join_list_items

FORMS = [
    # (sentence, speaker, claim)
    # A clause of the speaker's own may say something too, whatever comes between.
    (
        "The fares will rise on Friday, Ana Sousa, an aide who was told of the decision, said.",
        "Ana Sousa, an aide",
        "the fares will rise on Friday.",
    ),
    (
        "“The fares went up twice this year,” said Ana Sousa, a ferry pilot who said she "
        "has sailed the route for ten years.",
        "Ana Sousa, a ferry pilot",
        "“The fares went up twice this year.”",
    ),
    # "member states" ends the claim; the speaker is the one who said it.
    (
        "On Tuesday, its harbour minister, Ana Sousa, said her country had obtained the "
        "guarantees it wanted from other member states.",
        "Ana Sousa",
        "her country had obtained the guarantees it wanted from other member states.",
    ),
    # A role without an article is an appositive; the name after "told" is the listener.
    (
        '"The port will reopen by spring," Ana Sousa, director of the harbour board, told '
        "The Coastal Gazette.",
        "Ana Sousa, director of the harbour board",
        "“The port will reopen by spring.”",
    ),
    # A long role, and a second one joined by "and", still name one speaker.
    (
        '"The tide tables were wrong all winter," Ana Sousa, a senior pilot at the harbour '
        "board of the Port of Setubal in southern Portugal, and co-author of the report, "
        "said in a statement.",
        "Ana Sousa, a senior pilot at the harbour board of the Port of Setubal in southern "
        "Portugal",
        "“The tide tables were wrong all winter.”",
    ),
    # The role says who the speaker is; a relative clause after it is the article's aside.
    (
        '"The tide tables were wrong all winter," said Ana Sousa, a pilot at the harbour '
        "board who was not involved in the inquiry.",
        "Ana Sousa, a pilot at the harbour board",
        "“The tide tables were wrong all winter.”",
    ),
    (
        "Critics, including those who fish from the old quay, say the plan ignores them.",
        "Critics, including those who fish from the old quay",
        "the plan ignores them.",
    ),
    # A month with its year is a time, not a place.
    (
        "Jane Roe, an analyst at a shipping firm, told the Gazette in October 2025 that the "
        "port was losing trade.",
        "Jane Roe, an analyst at a shipping firm",
        "the port was losing trade.",
    ),
    # A connective that opened the sentence links to the one before, not to the claim.
    (
        "But the harbour is not doomed to lose its ferries, Sousa said.",
        "Sousa",
        "the harbour is not doomed to lose its ferries.",
    ),
    (
        "Afterward, Sousa said she had written to the minister.",
        "Sousa",
        "she had written to the minister.",
    ),
    (
        "Sousa, however, said the union had not been consulted on the plan.",
        "Sousa",
        "the union had not been consulted on the plan.",
    ),
    # A claim with commas of its own runs to the speaker, not to its first comma.
    (
        "The harbour authority, the port's owner, has asked for an inquiry, the Coastal "
        "Gazette reported.",
        "The Coastal Gazette",
        "the harbour authority, the port's owner, has asked for an inquiry.",
    ),
    (
        "The company, which employs 500 people, will close the plant, the union said.",
        "The union",
        "the company, which employs 500 people, will close the plant.",
    ),
    # Single quotation marks, as British outlets print a quote; "haven’t" is no mark.
    (
        "‘Nobody has told us when the crossing will reopen’, the Red Crescent says, "
        "calling for a timetable.",
        "The Red Crescent",
        "“Nobody has told us when the crossing will reopen.”",
    ),
    (
        "'Our members haven’t been paid since March,' said Ana Sousa, a union leader.",
        "Ana Sousa, a union leader",
        "“Our members haven’t been paid since March.”",
    ),
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
    # A role and the name after it.
    (
        "According to Vell's foreign minister, Nasser al-Majali, a compromise emerged "
        "overnight on the gas price.",
        "Vell's foreign minister, Nasser al-Majali",
        "a compromise emerged overnight on the gas price.",
    ),
    # A body's fields listed in its name.
    (
        "According to Vell's Ministry of Development, Industry, Trade and Services, exports "
        "to the Gulf reached $3.2 billion last year.",
        "Vell's Ministry of Development, Industry, Trade and Services",
        "exports to the Gulf reached $3.2 billion last year.",
    ),
    (
        "According to the Ministry of Land, Infrastructure, Transport and Tourism, exports "
        "to the Gulf reached $3.2 billion last year.",
        "The Ministry of Land, Infrastructure, Transport and Tourism",
        "exports to the Gulf reached $3.2 billion last year.",
    ),
    (
        "The station and crew aboard were never in any danger, according to NASA.",
        "NASA",
        "the station and crew aboard were never in any danger.",
    ),
    # A form of address is not part of who speaks.
    (
        "“Both sides agreed that peace is the foundation,” H.E. Gen. Lor Vanna said.",
        "Gen. Lor Vanna",
        "“Both sides agreed that peace is the foundation.”",
    ),
    # Whose figures, without the name's gloss.
    (
        "Turnout was about 28% of registered voters, according to preliminary figures from "
        "the Electoral Council of Norland, known by its French initials CEN.",
        "The Electoral Council of Norland",
        "Turnout was about 28% of registered voters.",
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
        "“When the water came, we had ten minutes to leave,” said Ana Ruiz, a farmer.",
        "Ana Ruiz, a farmer",
        "“When the water came, we had ten minutes to leave.”",
    ),
    (
        "Reid said in an interview Friday there was little point for Obama to engage "
        "directly in the fiscal fights.",
        "Reid",
        "there was little point for Obama to engage directly in the fiscal fights.",
    ),
    (
        "“We will not bend on this,” the minister said in a statement on Monday night.",
        "The minister",
        "“We will not bend on this.”",
    ),
    (
        "Ditching decorum and diplomacy, Trump told the press that the public did not "
        "believe it anymore.",
        "Trump",
        "the public did not believe it anymore.",
    ),
    (
        # An outlet's own date of the day goes with the day, out of the speaker.
        "The Ministry of Foreign Affairs on Thursday (Dec. 3) announced that the island "
        "will send a rescue team to the typhoon-hit coast.",
        "The Ministry of Foreign Affairs",
        "the island will send a rescue team to the typhoon-hit coast.",
    ),
    (
        # The intro's place goes on past its comma; the speaker comes after.
        "Speaking at a joint news conference at the defence ministry in Ichigaya, Tokyo, "
        "Lind said the office would help the allies share information on cyber-attacks.",
        "Lind",
        "the office would help the allies share information on cyber-attacks.",
    ),
    (
        "Speaking at a news conference in Ichigaya, Tokyo, the alliance's chief said the "
        "office would open in January.",
        "The alliance's chief",
        "the office would open in January.",
    ),
    (
        # A first name that is a place too is the speaker's.
        "Speaking in Brussels, Jordan, the union's negotiator, said the talks would go on.",
        "Jordan, the union's negotiator",
        "the talks would go on.",
    ),
    (
        "Speaking in Brussels, Lind, the alliance's chief, said the office would open soon.",
        "Lind, the alliance's chief",
        "the office would open soon.",
    ),
    (
        # A list in the claim, then a clause before the comma: the claim's end.
        "Schools in Ardell, Vell, Norby and Tarn will stay shut on Tuesday as well, the "
        "district collectors said.",
        "The district collectors",
        "Schools in Ardell, Vell, Norby and Tarn will stay shut on Tuesday as well.",
    ),
    (
        # The name after an intro of who issued something is theirs, not the speaker's.
        "In a statement issued by the embassy's press secretary, Mr. Ian Mole, Haimbe said "
        "the railway would cut the cost of moving copper.",
        "Haimbe",
        "the railway would cut the cost of moving copper.",
    ),
    (
        # ... and so is a body named after the issuer's name.
        "In a statement signed by its spokesman, Ana Lind, the Harbour Authority said the "
        "suspects were arrested.",
        "The Harbour Authority",
        "the suspects were arrested.",
    ),
    (
        # ... but a name and its role after such an intro are the speaker.
        "In a statement posted by the party on Facebook, Lind, the party leader, said the "
        "vote was rigged.",
        "Lind, the party leader",
        "the vote was rigged.",
    ),
    (
        "China's foreign ministry said NATO was exporting bloc confrontation to Asia after "
        "the alliance's secretary general said in Tokyo that allies should open an office.",
        "China's foreign ministry",
        "NATO was exporting bloc confrontation to Asia.",
    ),
    (
        # Told by no one named: the speaker's own account, not another speaker's words.
        "Marta Quintal, who works at the fish market, said she was waiting for the ferry "
        "when someone told her the crane had fallen.",
        "Marta Quintal",
        "she was waiting for the ferry when someone told her the crane had fallen.",
    ),
    (
        "Marta Quintal said nobody had ever told her the ferry was cancelled.",
        "Marta Quintal",
        "nobody had ever told her the ferry was cancelled.",
    ),
    # A quote split around its speaker is one quoted sentence; "during a visit to ..."
    # is when it was said, not part of the speaker.
    (
        "“We want the port to stay open,” Ana Sousa said during a visit to Setubal, "
        "“at least until the new dock is built.”",
        "Ana Sousa",
        "“We want the port to stay open, at least until the new dock is built.”",
    ),
    # A first half that is only a clause is completed by the second.
    (
        "“After the board approved the loan,” Ana Sousa said, “the works began at once.”",
        "Ana Sousa",
        "“After the board approved the loan, the works began at once.”",
    ),
    # A second half that starts with a capital is a sentence of its own.
    (
        "“We did nothing wrong,” Ana Sousa said, “The board knew of the works.”",
        "Ana Sousa",
        "“We did nothing wrong. The board knew of the works.”",
    ),
    # So does a question or a thank-you.
    (
        "“We lost the ferry this week,” Ana Sousa said, “What are we supposed to do now?”",
        "Ana Sousa",
        "“We lost the ferry this week. What are we supposed to do now?”",
    ),
    # ... but a name is no sentence opener: the quote goes on.
    (
        "“Whatever the board decides,” Ana Sousa said, “Setubal will keep its ferries.”",
        "Ana Sousa",
        "“Whatever the board decides, Setubal will keep its ferries.”",
    ),
    # A common opener after the comma is written in lower case.
    (
        "“It is hard for all of us,” Ana Sousa said, “Because the ferry was our only link.”",
        "Ana Sousa",
        "“It is hard for all of us, because the ferry was our only link.”",
    ),
    # A "that" with a verb after it belongs to the circumstance.
    (
        "Ana Sousa said during a meeting that included the mayor that the dock would open.",
        "Ana Sousa",
        "the dock would open.",
    ),
    # "during ..." runs to the claim's "that", capitals and all.
    (
        "Ana Sousa said during a Harbour Radio interview that the dock would open in May.",
        "Ana Sousa",
        "the dock would open in May.",
    ),
    # A date, however written, is when it was said, not the claim's opening.
    (
        "Ana Sousa said late on Dec. 1 that the dock would open in May.",
        "Ana Sousa",
        "the dock would open in May.",
    ),
    (
        "Ana Sousa said 1 December 2026 that the dock would open.",
        "Ana Sousa",
        "the dock would open.",
    ),
    # A first half that ends its sentence stands alone: the next quote is another one.
    (
        "“The port will stay open.” Ana Sousa said during a news conference, “We are sure.”",
        "Ana Sousa",
        "“The port will stay open.”",
    ),
]


@pytest.mark.parametrize(("sentence", "who", "says"), FORMS)
def test_each_reporting_form_gives_speaker_and_clean_claim(
    sentence: str, who: str, says: str
) -> None:
    statements = attribute_sentence(sentence)

    assert [(s.who, s.says) for s in statements] == [(who, says)]
    assert "and that" not in statements[0].says


@pytest.mark.parametrize(
    ("sentence", "who", "verb"),
    [
        (
            "Officials in Gaza said 29 Palestinians were killed in the strikes.",
            "Officials in Gaza",
            "say",
        ),
        (
            "Astronomers at the California Institute of Technology said they had found a "
            "tenth planet.",
            "Astronomers at the California Institute of Technology",
            "say",
        ),
        (
            "Scientists said the feathers had been preserved in remarkable detail.",
            "Scientists",
            "say",
        ),
        (
            "The animals were found in the house, Los Angeles Police said.",
            "Los Angeles Police",
            "say",
        ),
        ("Sanders said the bill would never pass the Senate this year.", "Sanders", "says"),
        ("The company said the chief executive had been paid too much.", "The company", "says"),
        ("But onlookers said she still managed to cause a stir at the gala.", "Onlookers", "say"),
        (
            "Volunteers said they were treating the injured in a clinic nearby.",
            "Volunteers",
            "say",
        ),
        (
            "Senate Democrats said they would reject any changes to the health law.",
            "Senate Democrats",
            "say",
        ),
        ("Evans said the club would appeal against the ban this week.", "Evans", "says"),
        # One person given two descriptions; two people, or a group, with one.
        (
            "Radio host and former mayor Dana Ruiz said the vote would be close this year.",
            "Radio host and former mayor Dana Ruiz",
            "says",
        ),
        (
            "The mayor and Governor Ann Holt said the bridge would reopen next week.",
            "The mayor and Governor Ann Holt",
            "say",
        ),
        (
            "Chile and Peru said the reef belonged to neither of them in any case.",
            "Chile and Peru",
            "say",
        ),
        (
            "Chile's navy and President Ana Ruiz said the reef belonged to neither of them.",
            "Chile's navy and President Ana Ruiz",
            "say",
        ),
        (
            "Acme's chairman and chief executive Ana Ruiz said the cranes would stay idle.",
            "Acme's chairman and chief executive Ana Ruiz",
            "says",
        ),
        (
            "Acme's board and Chief Executive Ana Ruiz said the cranes would stay idle.",
            "Acme's board and Chief Executive Ana Ruiz",
            "say",
        ),
        # Police units by their people, opening the sentence or named in full.
        ("Detectives said there was an unlocked door at the back.", "Detectives", "say"),
        (
            "Harbour County Sheriff's Homicide Detectives said the door was unlocked.",
            "Harbour County Sheriff's Homicide Detectives",
            "say",
        ),
        # A surname that ends like a plural is one person.
        ("Ana Waters said the door had been unlocked for weeks.", "Ana Waters", "says"),
        # A team or band after "The" is many; a paper or a country after it is one.
        ("The Harbour Gulls said the club had paid them $3 an hour.", "The Harbour Gulls", "say"),
        ("The Financial Times said the deal was worth $2 billion.", "The Financial Times", "says"),
        ("The Philippines said the reef was its territory.", "The Philippines", "says"),
        (
            "The Houthis said on Sunday that they would keep attacking ships in the Red Sea.",
            "The Houthis",
            "say",
        ),
        (
            "The United Nations said on Monday that aid trucks had been held at the border.",
            "The United Nations",
            "says",
        ),
        (
            "The Veterans of Foreign Wars said the clinic would close.",
            "The Veterans of Foreign Wars",
            "says",
        ),
    ],
)
def test_a_plural_speaker_says_say_even_when_it_opens_the_sentence(
    sentence: str, who: str, verb: str
) -> None:
    assert [(s.who, s.verb) for s in attribute_sentence(sentence)] == [(who, verb)]


def test_a_conjunction_is_not_part_of_the_speaker_and_a_bare_title_is_no_speaker() -> None:
    [board] = attribute_sentence("But the board said it will rule on the case the same day.")
    assert board.who == "The board"
    # The splitter cut "Democratic Sen." from its name: the quote has no speaker left.
    assert attribute_sentence("“He has been the rock of our caucus,” said Democratic Sen.") == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The envoys will meet again in the spring, said Sami Haddad, the Palestinian "
            "representative to the U.K.",
            "Sami Haddad, the Palestinian representative to the U.K.",
        ),
        (
            "The plant will close by March, said Jane Doe, a spokeswoman for Acme Inc.",
            "Jane Doe, a spokeswoman for Acme Inc.",
        ),
        ("The plant will close by March, said Jane Doe.", "Jane Doe"),
    ],
)
def test_a_speaker_ending_in_an_abbreviation_keeps_its_stop(sentence: str, speaker: str) -> None:
    # One stop ends both the name and the sentence: the name keeps it ("the U.K").
    [statement] = attribute_sentence(sentence)
    assert statement.who == speaker


def test_a_subordinate_clause_reported_reads_in_lower_case() -> None:
    [statement] = attribute_sentence(
        "Although the chief executive received a raise, total pay fell by a fifth, the "
        "company said."
    )
    assert statement.says == (
        "although the chief executive received a raise, total pay fell by a fifth."
    )


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


def test_another_speakers_words_after_a_quotation_and_while_are_not_the_claim() -> None:
    # The comma sits inside the quotation: what follows ", while" is still another's.
    sentence = (
        "The trade minister said that tensions with the island are a “chronic problem,” "
        "while the island's envoy at the WTO accused the ministry of “extortion.”"
    )

    [statement] = attribute_sentence(sentence)

    assert statement.who == "The trade minister"
    assert statement.says == "tensions with the island are a “chronic problem.”"


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
        # "A, according to X, B" read backwards: the clause is no speaker.
        "Chase co-branded credit card holders, according to the blog Wandering Aramean, "
        "will board in group 2.",
        "Allegedly sent from his email address, the message said the photos were fake.",
        # Ends like "farmers", but numbers are no speaker.
        "The ratings were down, the network's tracking numbers said on Tuesday.",
        "Fifty-one percent said the mayor should resign before the summer.",
        # "His office" needs the sentence before it to say whose.
        "His office said he was keeping his plans to travel to the harbour.",
        # Not a claim of its own: "that" was the subject, "And that's" leans back, a bare
        # phrase, a price that rose.
        "In the US, the carmaker estimates that could be more like 300 miles per charge.",
        "And that's a big deal for the harbour's ferries, according to the agency.",
        "The league's insider has reported that for his role in the fight.",
        "Spot gold added 0.1% to $1,472.19 an ounce in late trading.",
        # A quote that opens on "And" goes on from words the reader does not have.
        '"And I asked, well, on whose authority," said Jane Roe, a harbour pilot.',
        # The report is a relative clause; the sentence goes on past it.
        "The two hikers, who say they were lost in the hills, are at the centre of a dispute.",
        # Another speaker's account of the claim: neither's words.
        "Afterward, Sousa told him she had written to the minister, the clerk testified.",
        "The mayor said the port was a lost cause, the state news agency reported.",
        # A place, not a speaker: "At Aer Lingus" is where the change is.
        "At Aer Lingus says it is changing the way passengers board its planes.",
        # The claim has its speaker and verb already ("He added that"): the list that
        # ends it ends on a noun ("... and Central Asian states"), no verb of saying.
        "He added that the summit would also discuss the situation in Gaza, Sudan, and "
        "relations with Iran, as well as its dialogues with ASEAN and Central Asian states.",
        # "announced" with a thing as its object; the "said" is the clause's after it.
        "Vell on Wednesday announced a new 2-billion-crown package to strengthen its navy, "
        "as Ostland's premier said the islands belong to islanders.",
        # "states" is the subject's noun: the Arab states, the member states.
        "The Arab states that committed large sums have shown leadership.",
        "The member states that backed the plan will meet in Ostby on Monday.",
        "Other states that host Norland's bases have stayed silent on the strikes.",
    ],
)
def test_no_speaker_that_is_not_a_person_or_organisation(sentence: str) -> None:
    assert attribute_sentence(sentence) == ()


def test_a_claim_ending_on_a_quoted_word_gets_its_stop_inside_the_quote() -> None:
    (statement,) = attribute_sentence(
        'Regulators will ask whether funding was "secured", Mr Calamari said.'
    )
    assert statement.who == "Mr Calamari"
    assert statement.says.endswith('"secured."')


def test_a_quote_within_a_quote_ends_on_its_own_stop() -> None:
    (statement,) = attribute_sentence(
        "“The mayor said, and I quote, ‘Nobody should dig away the hill a village stands "
        "on,’” Ms Ardell told reporters."
    )
    assert statement.says.endswith("stands on.’”")
    (statement,) = attribute_sentence("“The players’ union will not back down,” Smith said.")
    assert statement.says == "“The players’ union will not back down.”"


def test_people_named_by_their_role_lose_the_capital_of_the_sentence_they_opened() -> None:
    (statement,) = attribute_sentence(
        "Regulators are likely to ask for the board's minutes, Mr Calamari said."
    )
    assert statement.says.startswith("regulators are likely")


def test_a_list_of_days_ending_the_claim_is_not_the_speaker() -> None:
    found = attribute_sentence(
        "The ferry may only sail on Mondays, Tuesdays and Saturdays, the harbour board said."
    )
    assert not any("Tuesdays" in statement.who for statement in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # A sentence adverb is an intro; what is left is a pronoun.
        "Regrettably, they said the bridge would stay closed until the spring.",
        # The X of "according to X" ends at its comma: what follows is a clause.
        "Mara Holt left the yard in 2009, according to her blog, and joined Harbour Rowing.",
        # A participle in the speaker: a clause or a document, never who spoke.
        '"The tide will turn before dawn," said the report, cited by the Harbour Gazette.',
        "A survey published by the Coastal Institute in May says most fishermen want more.",
        "The review by harbour historian Ada Klein says the pier was built in 1890.",
        # A comma inside a name ("the Met, Marine and Coastal Office"): no speaker is
        # better than half of one.
        "The surge was worse than forecast, according to a bulletin from the Met, Marine "
        "and Coastal Office.",
        # A place's end and a bare noun: "Calais, France, police said".
        "The ferry was held at the quay in Calais, France, police said.",
        "The ferry was last seen off the coast near Tarn, Wold County, about an hour later, "
        "harbour officials said.",
        # "his company" needs the sentence before to say whose, as "His office" does.
        "A spokesman for his company said the row was a storm in a teacup.",
        "The court has thrown out an appeal by the boat maker, Keelco, which argued that it "
        "owns the hull design.",
        # The subject far back, a conjunction before the verb: "But" is nobody.
        "After the announcement, the drivers' union lifted its blockade of the ring road, but "
        "said the strike would go on at depots that had not paid wages.",
        # A second clause's speaker, whose "it" is the first clause's road.
        "The coast road is closed between Tarn and Wold because of slips, and the roads "
        "agency says it is unlikely to reopen before Friday.",
    ],
)
def test_no_speaker_from_a_clause_an_intro_or_a_document(sentence: str) -> None:
    assert attribute_sentence(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # What the speaker spoke "of", in lower case, is the topic.
        ('"Nobody expected the pier to hold," said Vale of rebuilding the old jetty.', "Vale"),
        ("Generally, harbour masters say the channel is safe at high tide.", "Harbour masters"),
        # "Her brother, Sgt. Ole Brandt": the name says who; "brother" needs context.
        (
            "Her brother, Sgt. Ole Brandt, said the boat had been moored there for years.",
            "Sgt. Ole Brandt",
        ),
        # A role without an article is a role all the same.
        (
            '"It will take weeks to dry out," said Rosa Lind, co-founder of the rowing club.',
            "Rosa Lind, co-founder of the rowing club",
        ),
        # A role is known by its head, before "of" or "at"; an aside ("about an hour
        # later") is no role.
        (
            '"The models are huge," said Ana Roth, associate professor of physics at Tarn.',
            "Ana Roth, associate professor of physics at Tarn",
        ),
        # A "which" clause is the article's aside about the employer.
        (
            '"Prices will rise before the winter," said Ana Roth, the chief economist at Tarn '
            "Freight, which moves grain for farmers.",
            "Ana Roth, the chief economist at Tarn Freight",
        ),
        # A participle phrase after the name is how they looked, not who they are.
        (
            '"The pier was never safe for the ferries," said Durn, appearing tired in a grey suit.',
            "Durn",
        ),
    ],
)
def test_the_speaker_is_named_without_the_words_around_the_name(sentence: str, who: str) -> None:
    assert [s.who for s in attribute_sentence(sentence)] == [who]


@pytest.mark.parametrize(
    ("sentence", "says"),
    [
        # The listener after "told" is never part of the claim.
        (
            "Ada Klein told KXYZ-TV 7 News her brother works at the depot on the quay.",
            "her brother works at the depot on the quay.",
        ),
        (
            "The union's leader told hundreds of dockers who filled the square that the port "
            "should pay for the repairs.",
            "the port should pay for the repairs.",
        ),
        # An opening participle phrase would read as the speaker's doing after "say".
        (
            "Camping on the lawns around the town hall since March, the protest had grown "
            "to about 300 tents, organisers and council officials said.",
            "the protest had grown to about 300 tents.",
        ),
        # A verbless phrase after the closing quote describes the source; it is no claim.
        (
            'The two hosts "will stay off the air until further notice," the statement from '
            "the station, Harbour Radio, said.",
            'the two hosts "will stay off the air until further notice."',
        ),
    ],
)
def test_the_claim_leaves_out_the_listener_and_the_words_after_its_quote(
    sentence: str, says: str
) -> None:
    assert [s.says for s in attribute_sentence(sentence)] == [says]


@pytest.mark.parametrize(
    "sentence",
    [
        # No "that" after the listener: where the claim starts is unknown.
        "Ada Klein told her friends at the rowing club the pier was not safe any more.",
        # A name after the closing quote: the speaker was cut at a comma of their name.
        '"The method is sound," harbour engineer Tom Vale of Vale, Rees and Co said.',
        # A quote cut at its speaker after a dependent clause: the main clause follows.
        "“After the inspectors wrote to the builder about the scaffolding,” the agency "
        "writes, “the firm took immediate steps” to meet the rules.",
    ],
)
def test_no_statement_when_the_claim_or_speaker_has_no_clean_boundary(sentence: str) -> None:
    assert attribute_sentence(sentence) == ()


def test_an_age_after_the_name_is_dropped_and_the_claim_before_it_is_the_speakers() -> None:
    # Not "The new pier says Tom Vale, 71, ...": the words before "said" end in their
    # predicate, so they are the claim; the age is the speaker's.
    statements = attribute_sentence(
        "The new pier, and the speed with which it went up, is remarkable, said Tom Vale, "
        "71, who retired from the yard last year."
    )

    assert [(s.who, s.says) for s in statements] == [
        ("Tom Vale", "the new pier, and the speed with which it went up, is remarkable.")
    ]
    # An age further on is someone's in the role, where the role ends.
    statements = attribute_sentence(
        '"She would never do that," said Ole Brandt, father of Ida Brandt, 19, a student.'
    )
    assert [s.who for s in statements] == ["Ole Brandt, father of Ida Brandt"]


def test_hearsay_inside_a_claim_is_not_the_speakers_own_account() -> None:
    # "someone said" inside the claim: another (unnamed) speaker's words, with no clean
    # place to cut them off.
    sentence = "Marta Quintal said the crane driver, someone said, had left the cab early."
    assert attribute_sentence(sentence) == ()


@pytest.mark.parametrize("who", ["Acme Corp", "Acme Corp.", "Tata Sons Ltd", "the U.S", "Jane Doe"])
def test_a_name_written_with_or_without_its_abbreviations_stop_is_a_speaker(who: str) -> None:
    # `digest check` asks this of every printed voice: "Acme Corp" is no less a company
    # for the stop a cleaned name takes back.
    from digest.speakers import is_speaker

    assert is_speaker(who)


@pytest.mark.parametrize(
    ("who", "speaker"),
    [
        # `digest check` asks this of each printed voice the build grouped.
        ("Critics, including some Belgian officials", True),
        ("Critics, including several European environment ministers", True),
        ("Critics, including some officials", False),  # too vague to name anyone
    ],
)
def test_a_group_of_quantified_members_is_a_speaker(who: str, speaker: bool) -> None:
    from digest.speakers import is_speaker

    assert is_speaker(who) is speaker


def test_an_aside_after_during_is_not_taken_for_the_claim() -> None:
    sentence = (
        "Ana Sousa said during her visit, the first since the storm, that the dock would open."
    )

    assert all(not s.says.startswith("the first") for s in attribute_sentence(sentence))


def test_a_clause_opening_on_a_word_in_ing_is_not_cut_as_a_participle() -> None:
    # "Banking" is the subject of the first clause, not "Speaking to reporters, ...".
    [statement] = attribute_sentence(
        "Banking and energy shares led the rally, and the dollar bonds due in 2031 rose by "
        "more than a cent, according to traders."
    )
    assert statement.says.startswith("Banking and energy shares led the rally")
    [spoken] = attribute_sentence(
        "Speaking to reporters in Doha, the minister said the talks would resume next week."
    )
    assert (spoken.who, spoken.says) == ("The minister", "the talks would resume next week.")


def test_a_speaker_and_role_before_said_is_not_read_as_a_claim() -> None:
    [statement] = attribute_sentence(
        "Chen Yuhan, an expert on trade at a Shanghai university, said the extension gives "
        "exporters a year of predictability."
    )
    assert statement.who == "Chen Yuhan, an expert on trade at a Shanghai university"
    assert statement.says == "the extension gives exporters a year of predictability."
    # A claim before "said" and its speaker still reads so.
    [inverted] = attribute_sentence(
        "The extension is a turning point for exporters, said Chen Yuhan, a trade expert."
    )
    assert inverted.says == "the extension is a turning point for exporters."


def test_the_speakers_own_second_report_ends_the_claim_whole() -> None:
    # "... and said Russia would respond" is the Kremlin's second report, not another
    # speaker's words to cut before: the first claim keeps its "as theft".
    [statement] = attribute_sentence(
        "The Kremlin has warned that any use of the assets would be treated as theft and "
        "said Russia would respond by seizing Western property in the country."
    )
    assert statement.who == "The Kremlin"
    assert statement.says == "any use of the assets would be treated as theft."


def test_and_said_in_a_told_story_is_its_subjects_and_cuts_no_claim() -> None:
    # The defendant said it, not the shop owner: no claim is cut to half of what the
    # owner told the court.
    assert (
        attribute_sentence(
            "The shop owner told the court that the defendant walked up to the counter and "
            "said he had a gun."
        )
        == ()
    )


def test_a_past_claim_before_the_speakers_second_report_is_kept() -> None:
    [statement] = attribute_sentence(
        "Kremlin spokesman Dmitry Peskov said the drone attack on the refinery was a "
        "provocation and said Moscow would respond."
    )
    assert statement.says == "the drone attack on the refinery was a provocation."


def test_a_list_of_places_before_a_group_ends_the_claim_and_the_group_speaks() -> None:
    sentence = (
        "The strikes hit homes and a petrol station in the villages of Yater, Kafra and "
        "Majdal Selm, local officials said."
    )
    (statement,) = attribute_sentence(sentence)
    assert statement.who == "Local officials"
    assert statement.says.endswith("in the villages of Yater, Kafra and Majdal Selm.")
    # However the list began; a group too vague to name is no voice.
    (two,) = attribute_sentence(
        "Troops will come from Vell, Norland and Ostland, two officials said."
    )
    assert (two.who, two.says) == (
        "Two officials",
        "troops will come from Vell, Norland and Ostland.",
    )
    assert attribute_sentence("The ministry sent aid to Vell, Ardo and Keld, officials said.") == ()
    (army,) = attribute_sentence(
        "Drones hit depots near Vell, Ardo and Keld, Norland army officials said."
    )
    assert army.says.endswith("near Vell, Ardo and Keld.")
    (media,) = attribute_sentence(
        "Shells hit the villages of Vell, Ardo and Keld, Norland state media said."
    )
    assert media.who == "Norland state media"
    assert media.says.endswith("hit the villages of Vell, Ardo and Keld.")
    (both,) = attribute_sentence(
        "Drones hit depots near Vell, Ardo and Keld, Norland and Ostland officials said."
    )
    assert both.who == "Norland and Ostland officials"
    # Two people and what they are, after a claim ending in a month: they speak.
    (pair,) = attribute_sentence("The plant will close in March, Smith and Jones, analysts, said.")
    assert pair.who == "Smith and Jones, analysts"


def test_a_quotations_last_sentence_and_a_role_in_lower_case_are_attributed() -> None:
    # The sentence before opened the quotation; its last sentence ends it with the speaker.
    (tail,) = attribute_sentence(
        "Several substations were hit and will take weeks to repair,” said Ana Ruiz, chief "
        "executive of the grid operator."
    )
    assert tail.who == "Ana Ruiz, chief executive of the grid operator"
    assert tail.says == "“Several substations were hit and will take weeks to repair.”"
    # A fragment is no sentence of its own.
    assert attribute_sentence("and then it stopped,” said Ana Ruiz.") == ()
    assert attribute_sentence("A call that would last for a minute at most,” said Ana Ruiz.") == ()
    assert attribute_sentence("Several hundred homes without power,” said Ana Ruiz.") == ()
    (who,) = attribute_sentence("Anyone who stayed behind has lost everything,” said Ana Ruiz.")
    assert who.says == "“Anyone who stayed behind has lost everything.”"
    (governor,) = attribute_sentence(
        "Three people were killed when a missile struck a block of flats, regional governor "
        "Ivo Marek said."
    )
    assert governor.who == "Regional Governor Ivo Marek"
    # The speaker before the verb, and a circumstance after it.
    (minister,) = attribute_sentence(
        "Now Europe is finally putting it into law,” Foreign Minister Ana Ruiz told reporters."
    )
    assert (minister.who, minister.says) == (
        "Foreign Minister Ana Ruiz",
        "“Now Europe is finally putting it into law.”",
    )
    (premier,) = attribute_sentence(
        'Neither of us wants to depend on one market," Premier Ivo Marek said in his address.'
    )
    assert (premier.who, premier.says) == (
        "Premier Ivo Marek",
        "“Neither of us wants to depend on one market.”",
    )
    assert attribute_sentence("Several hundred homes without power,” Ana Ruiz said.") == ()
    (secretary,) = attribute_sentence(
        "We will keep talking to both families,” Secretary of State Ivo Marek told reporters."
    )
    assert secretary.who == "Secretary of State Ivo Marek"
    (nightly,) = attribute_sentence(
        "“We will keep talking to both families,” Ana Ruiz said in her nightly video address."
    )
    assert nightly.who == "Ana Ruiz"


def test_a_sites_quote_label_names_the_speaker() -> None:
    (said,) = attribute_sentence('Quote from Marek: "The money will work for our defence."')
    assert said.who == "Marek"
    assert "work for our defence" in said.says


def test_a_speaker_who_did_something_and_said_is_the_first_verbs_subject() -> None:
    [statement] = attribute_sentence(
        "President Mara Lind thanked voters in a televised address on Sunday morning and "
        "said the change would bring stability to the islands."
    )
    assert statement.who == "President Mara Lind"
    assert not statement.is_plural
    assert statement.says == "the change would bring stability to the islands."


def test_claims_a_speaker_rejects_are_no_saying_verb() -> None:
    # "rejected claims that ...": the minister denies it; no voice says the opposite.
    for sentence in (
        "Winding up the debate, Minister of Public Security Tomas Vell rejected claims that "
        "the bill would be used against journalists.",
        "The ministry denied reports that troops had crossed the border on Friday.",
        "Minister Tomas Vell rejected the claims that the bill would be used against journalists.",
        "The ministry denied media reports that troops had crossed the border on Friday.",
    ):
        assert all("says" not in s.who for s in attribute_sentence(sentence)), sentence
        assert not any(
            s.says.startswith(("the bill would", "troops had"))
            for s in attribute_sentence(sentence)
        ), sentence
    # A denial of a thing, then a saying: the speaker's.
    [statement] = attribute_sentence(
        "Foreign Minister Ana Lind rejected the proposal and said Vell would not negotiate."
    )
    assert statement.who == "Foreign Minister Ana Lind"


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will not back down on the port deal,” government spokesperson Hana Welde said.",
        "“We will not back down on the port deal,” government spokesperson Hana Welde told "
        "reporters in Ardell.",
    ],
)
def test_a_role_in_lower_case_after_a_quotation_names_its_speaker(sentence: str) -> None:
    assert attribute_sentence(sentence) == (
        Statement(
            "Government Spokesperson Hana Welde", "“We will not back down on the port deal.”"
        ),
    )


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "“We will not reopen the crossing before the vote,” said foreign ministry "
            "spokesperson Hana Welde.",
            "Foreign Ministry Spokesperson Hana Welde",
        ),
        # Where she said it is not who she is.
        (
            "“We will not reopen the crossing before the vote,” said Hana Welde at a briefing.",
            "Hana Welde",
        ),
        (
            "“We will not reopen the crossing before the vote,” said Hana Welde on Telegram.",
            "Hana Welde",
        ),
        (
            "“We will not reopen the crossing before the vote,” said Hana Welde in Geneva.",
            "Hana Welde",
        ),
        (
            "“We will not reopen the crossing before the vote,” said Hana Welde outside the "
            "courthouse.",
            "Hana Welde",
        ),
        # A body is named by its seat.
        (
            "“We will not reopen the crossing before the vote,” said the Interior Ministry "
            "in Ardell.",
            "The Interior Ministry in Ardell",
        ),
    ],
)
def test_who_said_a_quotation_is_named_without_where_they_said_it(sentence: str, who: str) -> None:
    [statement] = attribute_sentence(sentence)
    assert statement.who == who


def test_a_clause_counting_the_dead_is_the_claim_not_its_speaker() -> None:
    assert attribute_sentence("The strikes killed 12 people, said Hana Welde.") == (
        Statement("Hana Welde", "the strikes killed 12 people."),
    )


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "“The talks will go on into the spring,” said the Council on Foreign Relations.",
            "The Council on Foreign Relations",
        ),
        (
            "“The talks will go on into the spring,” said the Chief of Staff at the White House.",
            "The Chief of Staff at the White House",
        ),
    ],
)
def test_a_name_or_post_with_a_preposition_is_kept_whole(sentence: str, who: str) -> None:
    [statement] = attribute_sentence(sentence)
    assert statement.who == who


def test_an_ordinal_unit_is_a_speaker_not_a_count() -> None:
    [statement] = attribute_sentence(
        "The town was taken on Monday, the Russian-backed 2nd Army Corps said."
    )
    assert statement.who == "The Russian-backed 2nd Army Corps"


def test_a_speaker_inside_the_quoted_words_does_not_cut_the_quotation() -> None:
    [statement] = attribute_sentence(
        "The chief mediator, Ana Ruiz, said on Saturday that the breakthrough came “in the "
        "small hours, after everybody had said everything they needed to say.”"
    )
    assert statement.says == (
        "the breakthrough came “in the small hours, after everybody had said everything they "
        "needed to say.”"
    )
