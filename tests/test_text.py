"""Sentence splitting and clean-up: what a reader would see go wrong in a summary."""

from __future__ import annotations

import pytest

from digest.hygiene import clean_sentence, clean_sentences, is_boilerplate_document
from digest.text import (
    content_words,
    end_sentence,
    end_teaser,
    in_another_language,
    inside_quotations,
    is_live_page,
    pair_quotes,
    quotes_balance,
    republished_from,
    same_outlet,
    spelled_out_titles,
    split_sentences,
    word_count,
)


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


def test_an_explainers_answer_is_no_numbers_abbreviation() -> None:
    text = (
        "Was there a tsunami? No. The warning centre said the threat had passed. "
        "Signal No. 4 remains raised, and the No. 10 spokesman said so. Will aid come? Yes. "
        "Flights land on Sunday."
    )
    assert split_sentences(text) == [
        "Was there a tsunami?",
        "No.",
        "The warning centre said the threat had passed.",
        "Signal No. 4 remains raised, and the No. 10 spokesman said so.",
        "Will aid come?",
        "Yes.",
        "Flights land on Sunday.",
    ]
    # A rank is no answer.
    assert split_sentences("She is the party's No. Two. No. Two candidates ran.") == [
        "She is the party's No. Two.",
        "No. Two candidates ran.",
    ]


def test_paragraphs_a_page_ran_together_are_split_where_a_stop_meets_a_capital() -> None:
    # A page whose paragraphs lost the space between them ("<p>...</p><p>...</p>").
    text = (
        "He spent his first night in a prison near Philadelphia.The department says he "
        'will serve his sentence there."We are taking every precaution," a warden said.'
        "Staff at Acme Inc. met him and the U.S. Marshals left.“It went well,” she said."
        "He said “that was all.”Then he left."
        'Was it safe?""It was," the driver said.'
        "He died on Friday.WKRB News filmed the scene from section A."
        " It happened in 2004.Officials say the 3.5 m wall held."
    )

    assert split_sentences(text) == [
        "He spent his first night in a prison near Philadelphia.",
        "The department says he will serve his sentence there.",
        '"We are taking every precaution," a warden said.',
        "Staff at Acme Inc. met him and the U.S. Marshals left.",
        "“It went well,” she said.",
        "He said “that was all.”",
        "Then he left.",
        'Was it safe?"',
        '"It was," the driver said.',
        "He died on Friday.",
        "WKRB News filmed the scene from section A.",
        "It happened in 2004.",
        "Officials say the 3.5 m wall held.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The report is at https://example.org/news/report.Html for all to read.",
        "Forms are at www.Gov.uk and in every post office this week.",
        "Write to jane.Doe@example.com before Friday to take part.",
        "Mrs.Smith met the mayor at the harbour on Monday.",
    ],
)
def test_an_address_or_a_title_glued_to_a_capital_is_not_split(text: str) -> None:
    assert split_sentences(text) == [text]


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
        # A sentence the page follows with a credit is the photo's caption.
        ("Crowds gathered. (Jane Roe / Staff Photographer)", ""),
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
    # One word as outlets spell it apart.
    assert content_words("Zelenskyy backs Kiev bypolls") == content_words(
        "Zelensky backs Kyiv by-elections"
    )


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


def test_a_photo_credit_goes_with_the_caption_before_it_and_both_are_dropped() -> None:
    text = (
        "The ferry captain waves from the bridge in Cork on Monday. (JANE ROE/AFP) "
        "Passengers waited two hours for the crossing.\n\n"
        "A crane lifts the hull near the quay on May 2. (Photo: John Doe, AP) The yard "
        "said repairs would take a month."
    )

    sentences = split_sentences(text)

    assert sentences[0] == (
        "The ferry captain waves from the bridge in Cork on Monday. (JANE ROE/AFP)"
    )
    assert [c for c in map(clean_sentence, sentences) if c] == [
        "Passengers waited two hours for the crossing.",
        "The yard said repairs would take a month.",
    ]
    # A credit that opens a paragraph credits what follows: only the credit goes.
    assert [clean_sentence(s) for s in split_sentences("(Photo: AP) Crowds gathered.")] == [
        "Crowds gathered."
    ]
    # A caption the page cut short, credited to the wire alone: both go. After a finished
    # sentence the wire's name is the report's credit, and only it goes.
    cut = (
        "The mayor is seen at the quay. Doe told reporters Thursday, the ferry should "
        "take... (Associated Press)\n\nThe crossing resumed. (Reuters)\n\nThe ferry crew on "
        "the quay in Cobh, Ireland, Saturday,... (Associated Press)"
    )
    assert [c for c in map(clean_sentence, split_sentences(cut)) if c] == [
        "The mayor is seen at the quay.",
        "The crossing resumed.",
    ]


def test_a_name_in_capitals_with_a_stop_inside_is_not_split() -> None:
    assert split_sentences(
        "Add a second motor and the XR. NOVA TOURER would reach 60 mph in five seconds. "
        "It goes on sale in May."
    ) == [
        "Add a second motor and the XR. NOVA TOURER would reach 60 mph in five seconds.",
        "It goes on sale in May.",
    ]
    # Capitals with no prose after them are a sentence of their own.
    assert split_sentences("Agents briefed the FBI. NATO ALLIES MET.") == [
        "Agents briefed the FBI.",
        "NATO ALLIES MET.",
    ]
    assert split_sentences("The effect is shown in Figs. 2 and 3 of the report.") == [
        "The effect is shown in Figs. 2 and 3 of the report."
    ]
    # A month's abbreviation before its days, however the segmenter reads "17-18.".
    assert split_sentences("Leaders meet in Vell on Dec. 17-18. The talks are open.") == [
        "Leaders meet in Vell on Dec. 17-18.",
        "The talks are open.",
    ]
    # Before anything but its day, it may end one.
    assert split_sentences("Ferry fares have risen 20% since Jan. Captains expect more.") == [
        "Ferry fares have risen 20% since Jan.",
        "Captains expect more.",
    ]
    assert split_sentences("The fine is Tsh. 500,000 for each boat. It was paid.") == [
        "The fine is Tsh. 500,000 for each boat.",
        "It was paid.",
    ]
    # A currency's abbreviation before its amount.
    assert split_sentences("The grant was increased by Rs. 15 billion, he said. It is paid.") == [
        "The grant was increased by Rs. 15 billion, he said.",
        "It is paid.",
    ]


def test_a_quoted_question_and_who_asked_it_are_one_sentence() -> None:
    assert split_sentences(
        "“Are you hurt?” Ines Duarte anxiously asked the deckhand. He shook his head."
    ) == ["“Are you hurt?” Ines Duarte anxiously asked the deckhand.", "He shook his head."]
    assert split_sentences("“Why not?” The harbour master said. The quay stayed shut.") == [
        "“Why not?” The harbour master said.",
        "The quay stayed shut.",
    ]
    # "said" with more after it opens a sentence of its own.
    assert split_sentences("“We won!” Officials said the vote was close.") == [
        "“We won!”",
        "Officials said the vote was close.",
    ]


def test_a_sentence_broken_over_paragraphs_is_mended() -> None:
    text = (
        "Pictures\n\nwhich were shared online on Sunday,\n\nshow the mayor wearing a new\n\n"
        "winter coat.\n\nThe choir, which in 2019 won the\n\nCivic Trust Award, sang again."
        "\n\nA heading\n\nThe council met."
    )

    assert split_sentences(text) == [
        "Pictures which were shared online on Sunday, show the mayor wearing a new winter coat.",
        "The choir, which in 2019 won the Civic Trust Award, sang again.",
        "A heading",
        "The council met.",
    ]


def test_the_links_under_a_related_heading_are_one_piece_that_is_dropped() -> None:
    text = (
        "Divers will return on Friday.\n\nRelated stories on the Courier:\n\n"
        "Second wreck found off the cape\n\nHarbour reopens after the storm\n\n"
        "The search cost the county $40,000."
    )

    sentences = split_sentences(text)

    assert sentences == [
        "Divers will return on Friday.",
        "Related stories on the Courier: Second wreck found off the cape Harbour reopens "
        "after the storm",
        "The search cost the county $40,000.",
    ]
    assert clean_sentence(sentences[1]) == ""


def test_a_document_with_an_audio_players_fallback_line_is_an_article() -> None:
    assert not is_boilerplate_document(
        "LISTEN: Bus fares rise again Your browser does not support the audio element.\n"
        "Commuters will pay 40 cents more from March, the transit authority said."
    )
    assert is_boilerplate_document("Your browser does not support JavaScript. Please update.")


@pytest.mark.parametrize(
    ("sentence", "printed"),
    [
        # The page closed a curly quote with a straight mark: the reader sees a pair.
        (
            'She declined to join his “Board of Peace."',
            "She declined to join his “Board of Peace.”",
        ),
        ('“It is over," the coach said.', "“It is over,” the coach said."),
        # Straight marks on their own are curled when they pair up, as one outlet's quote
        # would read beside another's curly one; a pair already curly stays.
        ('He said the plan was "dead" and "buried".', "He said the plan was “dead” and “buried”."),
        ('She said: "It is over," and left.', "She said: “It is over,” and left."),
        (
            "The mayor called it “a disgrace” on Monday.",
            "The mayor called it “a disgrace” on Monday.",
        ),
        # Marks that do not pair (inches, half a quote) stay straight: a wrong curl is worse.
        ('A 6" pipe burst near the "old mill.', 'A 6" pipe burst near the "old mill.'),
        ('It is "over and "done".', 'It is "over and "done".'),
        # An apostrophe between letters is curly like the rest.
        (
            "The council isn't sure O'Brien's plan, or the players' union.",
            "The council isn’t sure O’Brien’s plan, or the players’ union.",
        ),
        # An address keeps its marks, whatever the words around it take.
        (
            "See https://example.org/wiki/O'Hare or write to sean.o'brien@example.ie, O'Brien's.",
            "See https://example.org/wiki/O'Hare or write to sean.o'brien@example.ie, O’Brien’s.",
        ),
        # A straight mark after a closed curly pair opens nothing: left alone.
        ('“Yes,” she said of the "deal".', '“Yes,” she said of the "deal".'),
        # A quote inside a quote, or inches, while the curly one closes later: left alone.
        (
            '“He called it "fake news" today,” she said.',
            '“He called it "fake news" today,” she said.',
        ),
        ('“It is a 65" screen,” he said.', '“It is a 65" screen,” he said.'),
        # Single marks that pair up as a quotation (a wire's style) are curled too.
        (
            "Vell calls the drill 'an unjustified show of force', Lind's aide said.",
            "Vell calls the drill ‘an unjustified show of force’, Lind’s aide said.",
        ),
        ("She said 'yes and left.", "She said 'yes and left."),
    ],
)
def test_pair_quotes_closes_a_curly_quote_with_its_own_mark(sentence: str, printed: str) -> None:
    assert pair_quotes(sentence) == printed


@pytest.mark.parametrize(
    ("sentence", "balanced"),
    [
        ("The mayor called it “a disgrace” on Monday.", True),
        ("Nobody expected the bridge to close.", True),
        ('He said the plan was "dead" and "buried".', True),
        # Pages mix the two kinds of mark; the pair still closes.
        ('“It is over," the coach said.', True),
        ("The players’ union said they don’t agree.", True),
        # Half a quote: the next sentence closes it, or a paragraph reopens it.
        ("The notice said that “some cards may not work.", False),
        ('The notice said that "some cards may not work.', False),
        ("“We stayed. “We had nowhere to go.", False),
    ],
)
def test_quotes_balance_says_whether_a_sentence_closes_its_quotes(
    sentence: str, balanced: bool
) -> None:
    assert quotes_balance(sentence) is balanced


@pytest.mark.parametrize(
    ("sentence", "cleaned"),
    [
        ("A. The council voted to fund the route.", "The council voted to fund the route."),
        ("Q. What comes next for the ferry?", "What comes next for the ferry?"),
        # An initial is no label.
        ("A. Philip Randolph led the march.", "A. Philip Randolph led the march."),
        ("Q. Lindqvist chaired the inquiry.", "Q. Lindqvist chaired the inquiry."),
        ("A. A. Lindqvist chaired the inquiry.", "A. A. Lindqvist chaired the inquiry."),
        ("A. Will Lindqvist chaired the inquiry.", "A. Will Lindqvist chaired the inquiry."),
        # Answers that open on a word of their own, and labels with a colon.
        ("A. Well, the route stops in December.", "Well, the route stops in December."),
        ("A: The route stops in December.", "The route stops in December."),
    ],
)
def test_an_interviews_q_and_a_labels_go_and_initials_stay(sentence: str, cleaned: str) -> None:
    assert clean_sentence(sentence) == cleaned


def test_in_an_interview_every_q_and_a_label_goes_whatever_follows() -> None:
    interview = (
        "Q. What happens to the ferry route now?\n\n"
        "A. Council is not due to vote on the levy until Monday.\n\n"
        "Q. Harbour traders say they will fight the levy. Can they?\n\n"
        "A. Traders have a strong case, lawyers say."
    )

    assert clean_sentences(interview) == [
        "What happens to the ferry route now?",
        "Council is not due to vote on the levy until Monday.",
        "Harbour traders say they will fight the levy.",
        "Can they?",
        "Traders have a strong case, lawyers say.",
    ]
    # Initials in one text are no interview, however often they open a sentence: an
    # interview asks.
    named = (
        "The report named Q. Lindqvist and A. Berg. Q. Lindqvist chaired the inquiry. "
        "A. Berg resigned. A. Berg later returned."
    )
    assert clean_sentences(named)[1:] == [
        "Q. Lindqvist chaired the inquiry.",
        "A. Berg resigned.",
        "A. Berg later returned.",
    ]
    initials = "Q. Lindqvist chaired the inquiry. A. Philip Randolph led the march."
    assert clean_sentences(initials) == [
        "Q. Lindqvist chaired the inquiry.",
        "A. Philip Randolph led the march.",
    ]


def test_a_pages_list_of_names_and_descriptions_is_not_news() -> None:
    # A ferry operator's catalogue of routes, each a name and a line describing it.
    catalogue = (
        "The operator said three routes would run through the winter.\n"
        "The new timetable includes:\n"
        "Harbour Loop\n"
        "A circular route that calls at every quay in the old town.\n"
        "Island Hopper\n"
        "Four islands, two cafes and a lighthouse.\n"
        "Night Crossing (weekends only)\n"
        "A late boat that waits for the last train from the city.\n"
        "Fares will rise by a tenth in March, the council said."
    )

    assert clean_sentences(catalogue) == [
        "The operator said three routes would run through the winter.",
        "Fares will rise by a tenth in March, the council said.",
    ]


def test_lines_after_a_colon_that_are_no_catalogue_are_kept() -> None:
    # A quotation after "said:", and one name after a colon: neither is a catalogue.
    quoted = (
        "The harbour master said:\n"
        "\u201cWe will not close the quay while the boats still run.\u201d\n"
        "Traders welcomed the news."
    )
    one_name = "The council named its new chair:\nAnn Lindqvist\nShe takes office in May."
    # News lists its victims, results and key points so: they are the story.
    victims = (
        "Police identified the victims on Monday:\nMaria Lopez\n"
        "Lopez, 34, was a nurse at the clinic.\nJames Carter\n"
        "Carter, 52, coached the school's football team.\nAnn Wu\n"
        "Wu, 19, was studying to be a vet.\nThe gunman died at the scene."
    )
    # A catalogue of two: kept whole, or "He ran the bakery" would lose its name.
    two = (
        "The fair's lineup includes:\nAnn Lind\nShe coached Little League for decades.\n"
        "Tom Berg\nHe ran the bakery on Quay Street.\nThe fair opens on Friday."
    )
    # An introduction with news of its own stays; the list after it goes.
    long_intro = (
        "By pooling their routes, the three ferry lines plan to offer travellers many "
        "benefits, including:\nShorter crossings\nLater sailings\nOne ticket for all three\n"
        "The plan needs the regulator's approval."
    )

    assert clean_sentences(quoted) == [
        "The harbour master said:",
        "\u201cWe will not close the quay while the boats still run.\u201d",
        "Traders welcomed the news.",
    ]
    assert "She takes office in May." in clean_sentences(one_name)
    assert "Carter, 52, coached the school's football team." in clean_sentences(victims)
    assert clean_sentences(two)[1:5] == [
        "Ann Lind",
        "She coached Little League for decades.",
        "Tom Berg",
        "He ran the bakery on Quay Street.",
    ]
    assert clean_sentences(long_intro) == [
        "By pooling their routes, the three ferry lines plan to offer travellers many "
        "benefits, including:",
        "The plan needs the regulator's approval.",
    ]


@pytest.mark.parametrize(
    ("sentence", "cleaned"),
    [
        # The writer's bio under a page.
        ("Ann Lindqvist is a staff writer at The Harbour Courier.", ""),
        ("Tom Reyes is a staff reporter for the Quay, covering ports.", ""),
        (
            "Tom Reyes is a contributing editor at Coast Traveler and an actor.",
            "Tom Reyes is a contributing editor at Coast Traveler and an actor.",
        ),
        # News about a reporter is news.
        (
            "Ann Lindqvist is a reporter for The Harbour Courier.",
            "Ann Lindqvist is a reporter for The Harbour Courier.",
        ),
        # An illustration's caption; a sentence about the illustration stays.
        ("An artist's impression of the comet, which may pass Earth in May.", ""),
        (
            "An artist's impression of the comet was released on Monday.",
            "An artist's impression of the comet was released on Monday.",
        ),
        # A figure's caption; the text that points at the figure stays.
        ("Fig. 3 Scales preserved in the fossil's tail.", ""),
        (
            "Two trenches were dug in the shelter (Fig. 1a).",
            "Two trenches were dug in the shelter (Fig. 1a).",
        ),
        # A credit or a clip's title run into the sentence after it.
        (
            "Quayside Gazette The sale of the island weekly includes its printing press.",
            "The sale of the island weekly includes its printing press.",
        ),
        ("Comets 101 They are made of ice and dust.", "They are made of ice and dust."),
        ("Netflix's The Crown returns in May.", "Netflix's The Crown returns in May."),
        ("Photos: Hoi An streets become waterways.", "Hoi An streets become waterways."),
        ("Quayside Gazette An hour later the ferry left.", "An hour later the ferry left."),
    ],
)
def test_bios_illustrations_and_glued_credits_are_furniture(sentence: str, cleaned: str) -> None:
    assert clean_sentence(sentence) == cleaned


def test_sentences_between_a_quotations_opening_and_closing_are_inside_it() -> None:
    sentences = [
        "The harbour master spoke after the vote.",
        "“The ferry was never safe at night.",
        "Its lights failed twice in March.",
        "We warned the council in writing,” she said.",
        "The council meets again on Monday.",
    ]
    assert inside_quotations(sentences) == [False, False, True, False, False]


@pytest.mark.parametrize(
    ("sentences", "inside"),
    [
        # Straight marks: one opens before a word, one closes after it.
        (
            ['She said: "We stayed.', "The water rose all night.", 'Then it stopped," she said.'],
            [False, True, False],
        ),
        # An inch mark closes nothing that is open and opens nothing.
        (
            ['A 6" pipe burst on Monday.', "The street flooded.", 'Crews said "it will hold."'],
            [False, False, False],
        ),
        # A quote that runs on past a paragraph reopens with “ and goes on.
        (
            ["“We waited.", "“Nobody came.", "The boats were gone.", "Then the rain,” he said."],
            [False, True, True, False],
        ),
        # „German“ marks pair; “ closes them.
        (
            ["Er sagte: „Wir bleiben.", "Das Wasser steigt.", "Wir haben keine Wahl“."],
            [False, True, False],
        ),
        # A mark left open (or a stray one) marks nothing.
        (["“We stayed.", "The water rose.", "Nobody came.", "Crews left."], [False] * 4),
    ],
)
def test_inside_quotations_pairs_the_marks_pages_use(
    sentences: list[str], inside: list[bool]
) -> None:
    assert inside_quotations(sentences) == inside


def test_a_quotation_not_closed_within_a_few_sentences_is_a_stray_mark() -> None:
    plain = [f"The ferry made crossing number {n} of the day." for n in range(12)]
    sentences = ["Critics called it a “lifeline.", *plain, "Nobody, they said, was counting.”"]
    assert not any(inside_quotations(sentences))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("The compact's audience", "The compact’s audience"),
        ('He called it "a pretext".', "He called it “a pretext”."),
        ("a 'second' veto", "a ‘second’ veto"),
        # An elision is an apostrophe wherever it stands.
        ("the '90s", "the ’90s"),
        ("rock 'n' roll", "rock ’n’ roll"),
        ("the '90s and 'old' ways", "the ’90s and ‘old’ ways"),
        # A quotation that opens on a figure is a quotation.
        ("PM pledges '40 new hospitals' by 2030", "PM pledges ‘40 new hospitals’ by 2030"),
        ("Minister: '5,000 jobs at risk'", "Minister: ‘5,000 jobs at risk’"),
    ],
)
def test_curl_quotes_gives_typed_text_the_issues_marks(typed: str, printed: str) -> None:
    from digest.text import curl_quotes

    assert curl_quotes(typed) == printed


@pytest.mark.parametrize(
    ("title", "url", "live"),
    [
        ("Liveblog December 03, 2026", "https://example.com/liveblog-2026-12-03/", True),
        ("Ukraine war latest: drones hit Kyiv", "https://example.com/a/1", True),
        ("Gaza live updates", "https://example.com/a/2", True),
        ("Quake hits Sulawesi", "https://example.com/news/live/c9dp4kq27w1t/", True),
        ("Quake hits Sulawesi", "https://example.com/live-news/quake-12-03/", True),
        ("Quake hits Sulawesi", "https://example.com/2026/quake-live-updates", True),
        # The host is no evidence, nor a slug's word "live".
        ("Quake hits Sulawesi", "https://live.example.com/news/quake", False),
        ("How to live longer", "https://example.com/health/how-to-live-longer", False),
        ("Pope delivers Christmas message", "https://example.com/delivered/1", False),
        ("Live: Bali flights cancelled as volcano erupts", "https://example.com/a/3", True),
        ("Live Nation posts record quarterly revenue", "https://example.com/b/1", False),
        ("Live-fire drills around Taiwan enter second day", "https://example.com/b/2", False),
        ("Live music venues warn of closures", "https://example.com/b/3", False),
        ("Gaza war live", "https://example.com/a/4", True),
        (
            "How to watch the World Cup draw live: time and channel",
            "https://example.com/b/4",
            False,
        ),
        ("Where the rich live", "https://example.com/b/5", False),
    ],
)
def test_a_live_page_is_known_by_its_title_or_its_path(title: str, url: str, live: bool) -> None:
    assert is_live_page(title, url) is live


def test_a_title_abbreviated_before_a_name_ends_no_sentence() -> None:
    assert split_sentences("Nine are missing. Maj. Gen. (Retd.) Lal Wan apologised.") == [
        "Nine are missing.",
        "Maj. Gen. (Retd.) Lal Wan apologised.",
    ]
    assert split_sentences("Engr. Musa Bello spoke first. Assoc. Prof. Ann Lee agreed.") == [
        "Engr. Musa Bello spoke first.",
        "Assoc. Prof. Ann Lee agreed.",
    ]
    # "Eng." ends a name as often as it opens one: "Lim Guan Eng." ends its sentence.
    assert split_sentences("The charges were political, said Lim Guan Eng. It rained.") == [
        "The charges were political, said Lim Guan Eng.",
        "It rained.",
    ]
    # "Hon.": the sentence was cut at "... First Secretary Mr. Dickson Mwale, Hon."
    assert split_sentences(
        "In a statement issued by its press secretary, Hon. Mulambo Haimbe said the talks "
        "went well. He flew home on Friday."
    ) == [
        "In a statement issued by its press secretary, Hon. Mulambo Haimbe said the talks "
        "went well.",
        "He flew home on Friday.",
    ]
    # A Dutch navy ship's prefix: the quote "the minehunter, the Zr." was cut there.
    [one] = split_sentences("Officials said the minehunter, the Zr.Ms. Vlaardingen, would sail.")
    assert one == "Officials said the minehunter, the Zr.Ms. Vlaardingen, would sail."


def test_a_surname_that_is_also_a_title_abbreviation_still_ends_a_sentence() -> None:
    assert split_sentences(
        "The memo was written for Attorney General William Barr. It argued otherwise."
    ) == ["The memo was written for Attorney General William Barr.", "It argued otherwise."]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("News.\n\nThis article first appeared in The Times.", "The Times"),
        ("Originally published by Meduza.\n\nNews.", "Meduza"),
        ("News.\n\nThis story was originally published in Russian by Meduza.", "Meduza"),
        ("News.\n\nRepublished with permission from Politico Europe", "Politico Europe"),
        (
            "News.\n\nThis article is republished from The Conversation under a Creative "
            "Commons license.",
            "The Conversation",
        ),
        # A study's journal, a date, a credit inside a paragraph of news: none.
        ("News.\n\nThe report, first published in The Lancet, found three deaths.", ""),
        ("News.\n\nThis article was first published on Dec. 3.", ""),
        ("The minister said the article first appeared in The Times on Monday.", ""),
        # Another outlet's interview or report, told as news: no credit.
        ("News.\n\nThe interview was published by Der Spiegel on Saturday.", ""),
        ("News.\n\nThe report published by the World Bank in October said growth slowed.", ""),
        ("News.\n\nThe piece ran in The Atlantic last year.", ""),
        ("News.\n\nThis story was originally published by RFE/RL.", "RFE/RL"),
        ("News.\n\nThis story originally appeared in The 19th.", "The 19th"),
        (
            "News.\n\nThis piece was first published in Le Monde diplomatique.",
            "Le Monde diplomatique",
        ),
        (
            "News.\n\nThis article was first published by The Dispatch, which reported it.",
            "The Dispatch",
        ),
    ],
)
def test_a_republished_piece_names_its_first_outlet(text: str, outlet: str) -> None:
    assert republished_from(text) == outlet


def test_one_outlets_names() -> None:
    assert same_outlet("The Times", "Times")
    assert same_outlet("Meduza (English)", "meduza")
    assert not same_outlet("The Times", "The Sunday Times")
    assert not same_outlet("", "")


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("PM Modi hosted the talks", "Prime Minister Modi hosted the talks"),
        ("KRG PM meets envoys", "KRG prime minister meets envoys"),
        ("Denmark’s PM rebuffs the envoy", "Denmark’s prime minister rebuffs the envoy"),
        ("deputy PM Dar said so", "Deputy Prime Minister Dar said so"),
        ("the PM said", "the prime minister said"),
        # A time, a particle size, a speaker's own words stay; so does "FM", a foreign
        # or a finance minister or a radio band.
        ("The meeting ends at 5 PM Tuesday", "The meeting ends at 5 PM Tuesday"),
        ("Smog hit the PM 2.5 limit", "Smog hit the PM 2.5 limit"),
        ("PM2.5 levels rose", "PM2.5 levels rose"),
        ("He said: “The PM knows it.”", "He said: “The PM knows it.”"),
        ("FM Sitharaman presents the budget", "FM Sitharaman presents the budget"),
    ],
)
def test_a_leaders_short_title_is_spelled_out(text: str, spelled: str) -> None:
    assert spelled_out_titles(text) == spelled


def test_a_title_in_another_language_than_its_english_page_is_told() -> None:
    english = "Ferry crews strike over pay in the Ardel islands"
    for title in (
        "Huelga de los ferris en las islas de Ardel",
        "Grève des ferries dans les îles d'Ardel",
        "Welga ng mga tripulante sa Ardel",
        "اعتصاب کارکنان کشتی",
    ):
        assert in_another_language(title, english), title
    # A name from another language in an English title is no other language.
    for title in (
        "Ferry strike: De la Cruz meets crews",
        "Lula da Silva visits Ardel",
        "Ministers do not rule out tax rise",
        "Inflation hits 3.2 per cent, highest since 2023",
    ):
        assert not in_another_language(title, english), title
    # Nor is anything told against a page title that is not English.
    assert not in_another_language("Huelga de los ferris en Ardel", "Huelga en Ardel")


def test_english_prose_is_told_from_another_language_by_its_commonest_words() -> None:
    from digest.text import reads_as_english

    english = (
        "The government of Ardell said on Monday that it would reopen the border crossing "
        "with Norland to freight from January 12, after talks with the haulage union."
    )
    german = (
        "Die Regierung in Ardell hat am Montag angekündigt, den Grenzübergang nach Norland "
        "ab dem 12. Januar wieder für den Güterverkehr zu öffnen, nach Gesprächen mit der "
        "Gewerkschaft."
    )
    names = "Victims: Ana Ruiz, 34; Ivo Marin, 51; Sela Koro, 28; Tomas Ardo, 60; Lena Marsh, 44."
    assert reads_as_english(english) is True
    assert reads_as_english(german) is False
    assert reads_as_english("Too short to say.") is None
    # A list of names reads as little prose: plainly another language only below a
    # lower share.
    assert reads_as_english(names * 3) is False
    assert reads_as_english(german, share=0.08) is False
