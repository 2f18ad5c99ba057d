"""A sentence that leans on something the reader never saw (``digest.briefly``).

Our own fixture sentences: each rule on the sentences it must catch, and on the ones
that look alike but stand alone.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.antecedent import known_surnames
from digest.briefly import (
    Candidate,
    _same_sum,
    extractive_briefly,
    is_briefly_candidate,
    is_explainer_title,
    is_redundant,
    leans_on,
    needs_antecedent,
    score_sentences,
    select_briefly,
)
from digest.hygiene import framing_sentences
from digest.models import Article, ArticleId, Story, StoryId
from digest.summarize import summarize_story
from digest.text import word_count


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        # A demonstrative determiner anywhere points back at the thing it names.
        ("Harbour master Ines Duarte said she was puzzled by that ruling.", "ruling"),
        ("The council will vote on these fares before the ferry season opens.", "fare"),
        ("Ferry captains across the islands rejected those figures on Monday.", "figure"),
        # People by a plural name: which Icelanders?
        ("One of those Icelanders, a ferry pilot, was released on Friday.", "icelanders"),
        ("Of those, about 900 households were rehoused by the summer.", "sentence"),
        # "that" before a thing someone had or wanted: which information, which money?
        ("Harbour pilots had that information from the coastguard's radar.", "information"),
        ("Ines Duarte wanted that money to be spent on the night ferry.", "money"),
        # "that" before a bare noun that ends the sentence: no clause, a pointer.
        ("Critics say the new timetable ignores that ruling.", "ruling"),
        # A step of a sequence told before.
        ("First, the engineers measured the depth of the harbour mouth.", "sentence"),
        ("Finally, the crew lowered the new cable onto the seabed.", "sentence"),
        ("The harbour board said it would appeal that decision.", "decision"),
        ("The board only hears a few of the appeals that are.", ""),
        ("Harbour fees are all that remains of the old port.", ""),
        # In a relative clause late in a long sentence, about a thing it named.
        (
            "Ferry owners agreed on Monday night on a pay deal for the crews of the island "
            "routes, clearing the last objection from Ostby, which runs most of those ferries.",
            "",
        ),
        ("The board, which rejected those demands, will meet the crews.", "demand"),
        (
            "Lawmakers in the lower house voted late on Wednesday to extend the state of "
            "emergency for another three months, which critics say will let these abuses go on.",
            "abuse",
        ),
    ],
)
def test_a_demonstrative_points_at_a_noun_the_reader_must_have_met(
    sentence: str, noun: str
) -> None:
    assert needs_antecedent(sentence) == noun


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("The decision was taken by the harbour board on Monday.", "decision"),
        # Someone's act with an irregular past: which statement?
        ("The statement came hours after the mayor met the ferry unions.", "statement"),
        (
            "The statement by harbour spokesperson Ines Duarte came a day after the strike.",
            "statement",
        ),
        # A plural subject before a verb in the present: which charges, which researchers?
        ("The charges carry a sentence of up to ten years.", "charges"),
        ("The researchers say the ferry's hull was never inspected.", "researchers"),
        ("The officials spoke on condition of anonymity.", "officials"),
        # A plural noun that modifies the subject, and nouns there all along.
        ("The jobs report shows hiring slowed at the port in May.", ""),
        ("The authorities say the ferry will sail again on Monday.", ""),
        # Someone's act told before: "Duarte's vow came as ..." (which vow?), unless what
        # follows the noun says which ("Duarte's visit to Oban was her first").
        ("Ines Duarte's vow came as the ferry talks stalled for a third week.", "vow"),
        ("Today's decision is the union's first win since 2019.", "decision"),
        ("Ines Duarte's visit to Oban was her first as harbour master.", ""),
        # An epithet of second mention (which initiative, which gunman?), or an adverb
        # between the noun and its verb.
        (
            "The latest initiative comes as the port struggles to fill its night shifts.",
            "initiative",
        ),
        ("The alleged gunman was arrested at the ferry terminal on Monday.", "gunman"),
        ("The revised figure was announced at a briefing on Saturday.", "figure"),
        # A body every country has: which one, unless the sentence names its subject.
        ("The government has revised the death toll down to 28.", "government"),
        ("The government has revised the death toll from Cyclone Arnab down to 28.", ""),
        ("The government has set aside 9.9 trillion yen in the year to March.", "government"),
        ("The government will appeal, Justice Minister Ana Ruiz said.", "government"),
        ("The government has not commented, Reuters reported.", "government"),
        ("The government, led by Prime Minister Ana Lind, approved a budget on Friday.", ""),
        ("The company itself had 1,200 staff on the islands in June.", "company"),
        ("The band currently sits third in the regatta's fan vote.", "band"),
        # "The authorities" are there all along, whatever the verb's form.
        ("The authorities moved to close the north quay on Monday.", ""),
        # A reaction to an act named only as "the X": which threat, which move?
        ("Ferry union leader Ines Duarte dismissed the threat.", "threat"),
        ("Islanders rejected the move as a betrayal of the ferry pledge.", "move"),
        ("Oban's council welcomed the decision, calling it overdue.", "decision"),
        # ... not one that says which.
        ("Ferry unions rejected the threat of fines for the night crews.", ""),
        ("Islanders welcomed the plan for a second night ferry.", ""),
    ],
)
def test_a_definite_subject_needs_its_noun_met_before(sentence: str, noun: str) -> None:
    # "" where the subject needs nothing met before.
    assert needs_antecedent(sentence) == noun


@pytest.mark.parametrize(
    "sentence",
    [
        # A demonstrative pronoun: only the sentence before says what it is.
        "With this in mind, the council will vote on the ferry fares next month.",
        "Beyond that, the port will stay open to cargo ships through the winter.",
        # A report with nothing reported: what was said was the sentence before.
        "The port authority's spokesman, Tomas Lind, confirmed that on Monday (16 November).",
        "Ines Duarte wrote on her Save the Night Ferry page.",
        "The harbour authority said in a statement.",
        # "he"/"she" with no one before it in the sentence to stand for.
        "Most passengers on the morning crossing never learn the name of the route he charted.",
        "Police believe he boarded the last ferry to the islands on Friday night.",
        # "then" after the subject: the next step of a sequence told before.
        "Duarte said Lind then steered the ferry back into the harbour at dawn.",
        # "him" in the clause of the sentence's only person is someone else, told of
        # before: the sentence alone would make the accuser the accused.
        "Ines Duarte came forward last month to accuse him of sinking the ferry.",
        # A day told in another sentence: which day is "that day"?
        "The navy answered by sending three patrol boats to the harbour that day.",
        "Ferries resumed later that afternoon, after the port reopened the north quay.",
        "A second ferry ran aground near the same quay the day before.",
        # A place told in another sentence: where is "there"?
        "About 40 tonnes of diesel were trapped there when the ferry sank in 2009.",
        "The skipper's brother said nobody there threw a line to the deckhand.",
        # Later than a time told before.
        "Coastguard boats reached the ferry just over five minutes later.",
        "Two days later, the harbour board closed the north quay.",
        # "The two" after a fronted time: which two? A month after which?
        "In June 2022 the two countries ended their dispute over the island.",
        "Foreign ministers of the three countries met in Kabul in August.",
        "The new wage was signed into law the following month.",
        # Since a time told before.
        "Since then the board has dredged the north quay twice.",
        "By then the night ferry had stopped running.",
        # "May" here is a name, not the month.
        "Theresa May left the harbour talks that evening.",
        # "One" as the subject: one of a group told before.
        "One grabbed the pilot's radio and steered the ferry towards the rocks.",
        "One was a deckhand from Setúbal who had joined the crew in May.",
        # A count with no noun: of whom?
        "Eight were taken to hospital in Setúbal with hypothermia.",
        "Eighteen were rescued from the ferry's hold.",
        "Three of them were children.",
        "Most were fishermen from the islands.",
        # "the same" as what a sentence before told.
        "Ferry crews on the islands have been asking the same thing, the union said.",
        "Ines Duarte urged the other harbour towns to do the same.",
        "Fishermen on the islands felt the same way.",
        # A connective that takes up what was told before.
        "For example, the night ferry ran half empty through the winter.",
        "As such, the north quay is the only berth deep enough for the new ferries.",
        "At first, there was no sign of the missing deckhand.",
        "Closer to home, the harbour board raised fares by a fifth.",
        "Coming back to the port, pilots say the upside is limited.",
        "Flash-forward to 2017, when the ferry changed hands again.",
        "A separate petition to save the night ferry was started by a deckhand.",
        "Even friends of the skipper said they had seen the radio switched off.",
        # "Nor" goes on from a denial told before.
        "Nor did the harbour board say when the north quay would reopen.",
        # "its" after a fronted phrase or a clause with no verb: whose?
        "In Setúbal, its new office will open next year.",
        "Last year, its profits fell by half.",
        "Separately, its shares fell 5 per cent.",
        # How someone spoke, what they said left to the next sentence.
        "The island's mayor, Ines Duarte, was more pointed.",
        "The harbour master went further.",
        "Ferry union leader Ana Lind struck a more conciliatory tone.",
        "Mr. Varga was more pointed.",
        "The mayor put it more bluntly on Harbour Radio.",
    ],
)
def test_a_sentence_that_leans_on_the_one_before(sentence: str) -> None:
    assert needs_antecedent(sentence) == "sentence"


@pytest.mark.parametrize(
    "sentence",
    [
        # Times the reader shares, and "those who ..." (anyone who is).
        "The harbour authority raised ferry fares by a fifth this year.",
        "Refunds will go to those who missed the last ferry on Sunday night, the operator said.",
        "Ferry fares have risen sharply in these days of dear diesel, operators say.",
        # "that" opening a clause, not pointing back.
        "The mayor said on Monday that the port would close for two weeks in March.",
        "The council said in a statement that the ferry would run again from May.",
        # A report that says what was said.
        "Officials said the strike at the container terminal would end on Friday.",
        "Ferry fares rose by a fifth this year, the harbour authority said on Monday.",
        # The person the pronoun stands for comes first.
        "A retired ferry captain steered his boat through the storm to rescue four men.",
        "An experienced harbour pilot fell to her death from the quay on Sunday.",
        "Police say a Setúbal man stole his neighbour's fishing boat on Sunday night.",
        # "then" inside the sentence's own sequence.
        "Passengers waited in the terminal for hours and then boarded a bus to the city.",
        # "him" with someone in the sentence to stand for.
        "Tomas Lind's rescuers pulled him from the water near the quay.",
        "Police questioned the skipper and released him without charge.",
        "Duarte alleged that Lind had steered the ferry at him.",
        # "there is", "Is there ...?", "out there", and a place the sentence names.
        "The harbour board said that there were 40 tonnes of diesel aboard the ferry.",
        "Is there a ferry to the islands on Sundays this winter?",
        "The harbour board says there probably will be no night ferry until March.",
        "The night ferry is the cheapest crossing out there, passengers say.",
        "Lind grew up in Setúbal and learned to sail there as a boy.",
        "In Setúbal, the port authority said pilots there lacked fuel.",
        "Storms in Oman have left thousands of passengers stranded there.",
        "Harbour pilots in Łódź said the barges there were safe.",
        "Has there been any progress on the new quay, the mayor was asked.",
        "The harbour board said the new ferries were not there yet.",
        "Fuel bought in Portuguese ports costs a fifth more than in Spain.",
        # The sentence says which day itself.
        "Setúbal port closed on Friday, and later that day the navy sent three patrol boats.",
        "A ferry ran aground on Nov. 19 and a second one the next day.",
        "The port law passed in 2019 and took effect the following year.",
        "In the two years since the ferry sank, fares have doubled.",
        "Norland and Vell said ties between the two countries would improve.",
        "Yesterday the port closed, and that night the navy sent three patrol boats.",
        "The ferry sank in 2009, and two years later the north quay reopened.",
        "Ferries docked an hour later than planned on Sunday.",
        "Setúbal opened its north quay in 2009, and since then it has been dredged twice.",
        "Ines Duarte was hired by then-mayor Ana Sousa to run the night ferry.",
        # "that" opening a clause after a verb of saying, or part of a word.
        "Officials warned that night flights over the harbour would be banned.",
        "The port said that day-to-day operations would continue through the strike.",
        # "The same day" may say which itself.
        "Injured passengers were treated and discharged the same day.",
        "The strike began on the same day that the council raised ferry fares.",
        "The ferry ran aground the night before the harbour regatta.",
        # "One of ..." says of what; "the same" that says as what, or a time.
        "One of the ferries was towed back to the harbour on Friday.",
        "Fares on the night ferry are the same as on the morning crossing.",
        "Ferries from both ports left the harbour at the same time on Sunday.",
        "Ines Duarte did the same thing as her father had done in 1987, the harbour master said.",
        # "that" opening a clause, or a pointer whose noun the sentence gave.
        "The survey found that passengers slept better on the night ferry.",
        "Officials hope to make that happen before the regatta.",
        "The ferry lost fuel overnight and could not replace that fuel until Monday.",
        # A number, or "One" before an adjective and its noun.
        "One hundred passengers were taken off the ferry by lifeboat.",
        "One unnamed official said the ferry talks had stalled.",
        "One injured deckhand was flown to Lisbon on Friday.",
        "Eight passengers were taken to hospital in Setúbal.",
        "2026 was the harbour's busiest year.",
        "Most ferries were cancelled on Sunday.",
        # A crowd opens a wire's report.
        "Dozens were killed in strikes on the harbour overnight, the civil defence said.",
        # The sentence tells what the same is, or it is no pointer at all.
        "When Setúbal cut its ferry fares, Lisbon did the same.",
        "The north quay closed in May; the south quay did the same in June.",
        "Fares and fees are not the same thing, the operator said.",
        "Harbour pilots want the same deal for themselves that the deckhands got.",
        # A plural subject that says which: a phrase or clause after its noun.
        "The talks in Setúbal resume on Monday, the union said.",
        "The ferries and their crews stayed in port through the storm.",
        "A young skipper saved the day after the engine failed off the north quay.",
        # A hyphenated word is no connective: "Then-", "So-called".
        "Then-President Ines Duarte opened the north quay in 2009.",
        "So-called ghost ferries sail without passengers to keep their routes.",
        "The two-day harbour summit opens in Setúbal on Tuesday.",
        "At first light the coastguard found the ferry adrift.",
        "Even as the talks went on, the ferry line cut its night crossings.",
        "Even more passengers took the night ferry in March.",
        "The harbour master went further than ever before in criticising the plan.",
        # "its" after a main clause is that clause's subject's.
        "The ferry line will open an office in Setúbal next year, its first abroad, the "
        "harbour master said on Monday.",
        "The ferry line opens an office in Setúbal, its first abroad.",
        # "those where" is the sentence's own: the districts it named.
        "Two deaths were counted by the districts where the victims lived and by those "
        "where they died.",
        # A style of address is no pronoun.
        "His Majesty King Aldo and President Ines Duarte signed the ferry accord in "
        "Setúbal on Saturday.",
        "Her Excellency Ambassador Ines Duarte opened the harbour office on Monday.",
    ],
)
def test_look_alikes_that_stand_alone(sentence: str) -> None:
    # (A style of address with no name after it leans on one: "His Majesty said ...".)
    assert needs_antecedent("His Majesty said the ferry accord was historic.") == "sentence"
    assert needs_antecedent(sentence) == ""


def test_an_explainers_answer_without_a_verb_leans_on_its_question() -> None:
    text = (
        "A truce between Ostland and Norland took effect at midnight on Friday.\n\n"
        "What triggered the fighting?\n\n"
        "Clashes broke out on Monday near the Tarsk temple, which both countries claim.\n\n"
        "Who will monitor it?\n\n"
        "A team of regional observers led by Vell, with officers from Sudland.\n\n"
        "What comes next?\n\n"
        "The border committee will meet on December 22.\n\n"
        "Who leads the talks?\n\n"
        "Vell leads them, with envoys from Sudland.\n\n"
        "How many prisoners are still at large?\n\n"
        "Six, according to the border police on Thursday."
    )
    scored = score_sentences([text], frozenset())
    by_text = {c.text.split()[0]: i for i, c in enumerate(scored.candidates)}

    assert leans_on(scored, by_text["A"]) == "question"
    assert leans_on(scored, by_text["Six,"]) == "question"
    # An answer with a verb of its own stands alone.
    assert leans_on(scored, by_text["Clashes"]) == ""
    assert leans_on(scored, by_text["The"]) == ""
    # ... in the present tense too.
    assert leans_on(scored, by_text["Vell"]) == ""


def test_a_body_a_possessive_introduced_leans_on_it_after_a_fronted_phrase() -> None:
    text = (
        "Vell's defence ministry on Saturday gave the rebels ten days to hand over the dam. "
        "In a statement read on state television, the ministry said the rebels must leave. "
        "The rebels rejected what they called the language of ultimatums on Sunday."
    )
    scored = score_sentences([text], frozenset())
    by_text = {c.text.split()[0]: i for i, c in enumerate(scored.candidates)}
    # Which ministry, the sentence before said: a reader of this one alone has not met it.
    assert leans_on(scored, by_text["In"]) == "ministry"
    assert leans_on(scored, by_text["Vell's"]) == ""
    # A headline that names the ministry introduces it.
    titled = score_sentences([text], frozenset(), ["Vell ministry gives rebels ten days"])
    assert leans_on(titled, by_text["In"]) == ""


def test_a_closing_attribution_to_a_body_named_just_before_leans_on_it() -> None:
    text = (
        "The Department of Disaster Prevention and Mitigation said seven people had died in "
        "the floods in the south. Nearly 6,000 people are staying in shelters, the "
        "department said. Rain is forecast to ease from Friday across the three provinces."
    )
    scored = score_sentences([text], frozenset())
    by_text = {c.text.split()[0]: i for i, c in enumerate(scored.candidates)}
    assert leans_on(scored, by_text["Nearly"]) == "department"
    assert leans_on(scored, by_text["Rain"]) == ""


def test_a_definite_noun_the_article_introduced_just_before_leans_on_it() -> None:
    text = (
        "A storm closed the harbour at Setúbal for two days last week. "
        "A 17-year-old deckhand was pulled from the water near the north quay on Sunday. "
        "Police questioned the deckhand and released the whole crew without charges on Monday. "
        "Ferries returned to the harbour and divers checked the quay on Tuesday morning."
    )
    scored = score_sentences([text], frozenset())
    by_text = {c.text.split()[0]: i for i, c in enumerate(scored.candidates)}

    # "the deckhand" was "a 17-year-old deckhand" one sentence before: a reader who did
    # not read it has not met him.
    assert leans_on(scored, by_text["Police"]) == "deckhand"
    # "the harbour" was there all along ("closed the harbour"): nothing was introduced.
    assert leans_on(scored, by_text["Ferries"]) == ""
    # A title (the headline is one) that names the deckhand introduces him.
    titled = score_sentences([text], frozenset(), ["Deckhand rescued from Setúbal harbour"])
    assert leans_on(titled, by_text["Police"]) == ""
    # A noun that is only the modifier of a new thing ("the deckhand union") is not it.
    other = text.replace("questioned the deckhand and", "questioned the deckhand union and")
    scored = score_sentences([other], frozenset())
    police = next(i for i, c in enumerate(scored.candidates) if c.text.startswith("Police"))
    assert leans_on(scored, police) == ""
    # Deep in the sentence, "the X" is a detail a reader takes as given: the sentence
    # that introduces the story's people must not be lost for it.
    deep = (
        "A crane toppled onto a warehouse in Setúbal on Sunday night. "
        "Police believe Rui Matos, 31, and a colleague were checking its cables on the "
        "quay when the wind tipped over the crane."
    )
    scored = score_sentences([deep], frozenset())
    police = next(i for i, c in enumerate(scored.candidates) if c.text.startswith("Police"))
    assert leans_on(scored, police) == ""


def _one_outlet_story(text: str) -> Story:
    article = Article(
        id=ArticleId("harbour-1"),
        url="https://harbour.example/lind",
        outlet="Harbour Radio",
        feed_url="https://harbour.example/feed",
        title="Harbour pilot Maria Lind will consider a council run",
        published=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        text=text,
        summary=text,
    )
    return Story(StoryId("lind"), (article,))


def test_a_briefly_that_can_only_lean_is_printed_and_flagged_for_the_editors() -> None:
    # The outlet's teaser is the story's only sentence: it leans on its title.
    story = _one_outlet_story(
        "The former ferry captain says the port needs a voice in the council."
    )
    summary = summarize_story(story)

    # Never lose a story for want of a sentence: it is printed, and the editors told.
    assert [s.text for s in summary.briefly] == [
        "The former ferry captain says the port needs a voice in the council."
    ]
    assert [f for f in summary.flags if f.startswith("Briefly leans on what the reader")]

    # A quote and nothing else says no more what happened: it is flagged too.
    quoted = _one_outlet_story(
        "“The port needs a voice in the council,” said a ferry captain on Friday."
    )
    assert [f for f in summarize_story(quoted).flags if f.startswith("Briefly is someone's words")]

    # A report with a short quote in it, and "our solar system", are no one's words.
    for report in (
        "Backlash came swiftly for harbour pilot Maria Lind after saying the port “has "
        "nothing left to offer” its ferry crews.",
        "Astronomers say they have found a ninth planet on the far edge of our solar system.",
    ):
        flags = summarize_story(_one_outlet_story(report)).flags
        assert not [f for f in flags if f.startswith("Briefly is someone's words")]

    # A sentence that stands alone raises no flag.
    plain = _one_outlet_story(
        "Harbour pilot Maria Lind said on Friday she would stand for the port council in May."
    )
    assert not [f for f in summarize_story(plain).flags if f.startswith("Briefly leans")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Anyone with information is asked to call the harbour police at (555) 014-2210.",
        "The views expressed in this column do not necessarily reflect those of the Courier.",
        # A list's call to play: the game's blurb.
        "Play with twenty different ferries like a tug, a trawler and a liner.",
        "Worried families can call the harbour hotline on 0800 555 010 around the clock.",
        "Call the free crisis hotline if you or someone you know needs help today.",
        # An interview's introduction: what the page asks, not what happened.
        "Harbour Post asked Ana Lind, a former port judge who now advises the council, what "
        "the ruling means.",
    ],
)
def test_a_call_to_action_or_a_disclaimer_is_not_news(sentence: str) -> None:
    candidate = Candidate(sentence, 0, 3, word_count(sentence))
    assert not is_briefly_candidate(candidate)


def test_a_decks_two_lines_are_no_lede_and_a_sentence_with_its_article_is() -> None:
    deck = (
        "Two victims were recorded in both Vell and Norby, officials say; search for five "
        "missing continues."
    )
    assert not is_briefly_candidate(Candidate(deck, 0, 3, word_count(deck)))
    told = "Two victims were counted twice; the search for five missing people continues."
    assert is_briefly_candidate(Candidate(told, 0, 3, word_count(told)))
    eased = "Prices rose in November; inflation in the euro zone continues to ease."
    assert is_briefly_candidate(Candidate(eased, 0, 3, word_count(eased)))
    # A lede's own second clause, with no deck's "say;" before it.
    truce = "The two sides signed a truce on Monday; fighting in the east continues."
    assert is_briefly_candidate(Candidate(truce, 0, 3, word_count(truce)))


def test_a_deck_in_the_headlines_present_is_no_lede() -> None:
    for deck in (
        "Jens Moller doubles down as Vell summons the Norland ambassador.",
        "Treasury chief doubles down as opposition walks out.",
        "Moller doubles down as Vell envoy heads to Ostby.",
    ):
        assert not is_briefly_candidate(Candidate(deck, 1, 3, word_count(deck))), deck
    # The same turn told as a report tells it, in the past, is.
    told = "Vell summoned the Norland ambassador on Friday as Jens Moller doubled down."
    assert is_briefly_candidate(Candidate(told, 1, 3, word_count(told)))
    # A present with a pronoun, and a present with a past beside it, are a report's.
    for sentence in (
        "She keeps time on the drum and nods to patrons as she plays.",
        "Vell remains under curfew as the army said it had retaken the port.",
        # "as of", "as part of", "describes ... as", a clause after "as" with its article or
        # pronoun, and a preview's day: a report's present.
        "The Health Ministry puts the death toll at 61 as of Sunday evening.",
        "Vell holds a referendum on Sunday as part of its crackdown on gangs.",
        "Amnesty International describes the law as a blow to free speech.",
        "Parliament reconvenes as the government seeks to pass the budget.",
        "Tropical Storm Erin strengthens as it moves west across the Atlantic.",
        "Vell votes in a presidential runoff on Sunday as crime dominates the campaign.",
    ):
        assert is_briefly_candidate(Candidate(sentence, 1, 3, word_count(sentence)))


def test_play_that_resumed_is_news() -> None:
    sentence = "Play resumed at the harbour cup after a two-hour rain delay on Sunday."
    assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence)))
    # A hotline two governments agreed to set up is the news.
    sentence = (
        "Norland and Vell agreed on Saturday to set up a hotline for reporting incidents "
        "involving merchant ships in the Black Sea."
    )
    assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence)))
    # A question put without an introduction is someone's act: news.
    for sentence in (
        "Councillors asked the port authority whether the dredging had been approved.",
        "Harbour Mayor Ana Lind spoke to reporters about the dredging on Monday.",
    ):
        assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence)))


def test_a_one_report_storys_lede_may_quote_a_few_of_the_words_it_reports() -> None:
    def candidate(sentence: str) -> Candidate:
        return Candidate(sentence, 0, 0, word_count(sentence))

    lede = candidate(
        "Norland's water minister warned on Wednesday that Vell's “unilateral and "
        "uncoordinated” dam releases endanger the towns downstream."
    )
    assert is_briefly_candidate(lede, quoted_phrase=True)
    # Without leave (a sentence below the ledes of a story many reports tell), the quote
    # is a voice's.
    assert not is_briefly_candidate(lede)
    # A participle reports the phrase too, of up to six words, and the speaker's own
    # aside before it is no other clause.
    for words in (
        "Vell's president said that the attackers, whom he described as cowards, would face "
        "“the full force of the law”.",
        "Vell on Friday declined to join the river council, saying that it was “not in the "
        "business of blocs”.",
        "Vell said it would not take part, stating that it did not see itself as part of "
        "“any bloc arrangement”.",
    ):
        assert is_briefly_candidate(candidate(words), quoted_phrase=True), words
    # Someone's words at length, or two quotations, or a quotation no verb reports.
    for words in (
        "Norland's water minister warned on Wednesday that the releases were “a danger to "
        "every town along the river”.",
        "Norland's water minister warned that the “unilateral and uncoordinated” releases "
        "put “lives and livelihoods at risk”.",
        "The “unilateral and uncoordinated” releases flooded three towns on Wednesday.",
        # Another's words after the statement reported: a survivor's, a witness's.
        "Officials said that 12 people died, and a survivor described “a wall of mud and rocks”.",
        "Police said that two men were arrested after a witness heard “screams from the house”.",
    ):
        assert not is_briefly_candidate(candidate(words), quoted_phrase=True), words


def test_a_reason_or_concession_without_its_main_clause_is_a_fragment() -> None:
    def candidate(sentence: str) -> Candidate:
        return Candidate(sentence, 0, 3, word_count(sentence))

    assert not is_briefly_candidate(
        candidate("Because dredging a channel that deep is anything but cheap for a town.")
    )
    # With its main clause, the reason is part of a whole sentence.
    assert is_briefly_candidate(
        candidate("Because the channel silted up, the ferry to Setúbal stopped running on Monday.")
    )


@pytest.mark.parametrize(
    ("sentence", "fit"),
    [
        # Two headlines run together: the second has no subject.
        ("Harbour chief Ana Lind meets the mayor, hands over the dockers' letter.", False),
        ("Setubal Ferries recently won the island contract, is bidding for another.", False),
        # Whole sentences with the same shape of words.
        ("Harbour chief Ana Lind met the mayor, officials said on Monday in Setubal.", True),
        ("Ferry fares rose sharply in May, months before the new contract was signed.", True),
        ("Police found the abandoned car near the quay, minus the stolen cash.", True),
        ("Lind runs the port, is friends with the mayor and has sat on the board.", True),
        ("Strike on the ferry line enters its third day, union says.", True),
        # A word in -ss, -us or -is, a reporting verb, a count, an attribution: no verb.
        ("Lind signed the order in March, less than two months after taking office.", True),
        ("Berg visited Setubal in May, this time as the first harbour chief to do so.", True),
        ("Setubal shares fell sharply on Monday, says the Harbour Times.", True),
        ("Strikes hit 30 trawlers overnight, dozens of them from Setubal.", True),
        ("Setubal Ferries will cut fares next year, sources familiar with the plan said.", True),
        ("Ferries carried 40,000 cars in May, figures show.", True),
    ],
)
def test_two_headlines_run_together_are_no_briefly_sentence(sentence: str, fit: bool) -> None:
    assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence))) is fit


def test_a_companys_own_statement_is_not_told_in_our_voice() -> None:
    report = (
        "Harbour Ferries withdrew its new electric ferry on Monday after a battery fire "
        "off Setúbal. The fire broke out in the engine room while the ferry was empty. "
        "Nobody was hurt, the harbour police said. The line carried 1.2 million passengers "
        "in 2024, a record for the port since it opened in 1968. Its older diesel ferries "
        "will run the crossing until the inquiry ends next spring."
    )
    post = (
        "Since the fire on Monday, we have been working with the harbour police to find its "
        "cause. We have inspected every battery on our fleet twice. Our crews are the best "
        "trained on the coast. Electric ferries have caught fire ten times less often than "
        "diesel ferries since 2010. We will share everything we learn with our passengers."
    )
    story = Story(
        StoryId("ferry"),
        tuple(
            Article(
                id=ArticleId(slug),
                url=f"https://{slug}.example/ferry",
                outlet=outlet,
                feed_url=f"https://{slug}.example/feed",
                title="Harbour Ferries withdraws electric ferry after battery fire",
                published=datetime(2026, 11, 20, 9 + n, 0, tzinfo=UTC),
                text=text,
            )
            for n, (slug, outlet, text) in enumerate(
                [("courier", "Harbour Courier", report), ("ferries", "Harbour Ferries", post)]
            )
        ),
    )
    summary = summarize_story(story)
    printed = [s.text for s in (*summary.briefly, *summary.also_worth_noting)]

    # Written mostly as "we": the line's claim, not news or background in our voice; the
    # harbour's own report tells the story.
    assert summary.briefly
    assert not [text for text in printed if "ten times less often" in text]


_SUSPENDED = (
    "The night ferry line to Setúbal was suspended on Monday, a day after the ferry crossed "
    "with 40 passengers aboard and its lights failed. Nobody was hurt. Repairs will take "
    "two weeks, the harbour authority said."
)
_EARLIER = (
    "The harbour authority said on Sunday that the night ferry to Setúbal was safe, "
    "hours before it suspended the night ferry line to Setúbal."
)


def test_a_sentence_inside_someones_quotation_is_not_told_as_fact() -> None:
    quoted = (
        "The harbour authority suspended the night ferry line to Setúbal on Monday. “We "
        "asked for this for years. The night ferry to Setúbal crossed with 40 passengers and "
        "no working lights on Sunday. Every night crossing since March has broken the safety "
        "rules,” the pilots' union leader Ines Duarte said."
    )
    briefly = extractive_briefly([quoted, _SUSPENDED, _EARLIER], words=70)

    # The union leader's words, though the sentence carries no mark of its own.
    assert briefly
    assert not [s for s in briefly if "no working lights" in s]


def test_the_sentence_after_a_colon_that_introduces_someones_words_is_theirs() -> None:
    introduced = (
        "The harbour authority suspended the night ferry line to Setúbal on Monday. Per "
        "the Harbour Courier:\n\nThe night ferry to Setúbal crossed with 40 passengers "
        "and no working lights on Sunday."
    )
    briefly = extractive_briefly([introduced, _SUSPENDED, _EARLIER], words=70)

    # The Courier's report, not ours.
    assert briefly
    assert not [s for s in briefly if "no working lights" in s]
    # A heading introduces nothing: what follows it is the writer's.
    headed = (
        "The harbour authority suspended the night ferry line to Setúbal on Monday. What "
        "the Pilots Said:\n\nThe night ferry to Setúbal crossed with 40 passengers and no "
        "working lights on Sunday."
    )
    briefly = extractive_briefly([headed, _SUSPENDED, _EARLIER], words=70)
    assert [s for s in briefly if "no working lights" in s]


def test_a_reported_plan_goes_on_in_its_conditional_after_the_colon() -> None:
    introduced = (
        "The harbour authority suspended the night ferry line to Setúbal on Monday. Per "
        "the Harbour Courier:\n\nThe night ferry to Setúbal would be sold to a private "
        "operator in the spring. The new operator of the Setúbal night ferry would cut the "
        "fares by a third after the repairs."
    )
    briefly = extractive_briefly([introduced, _SUSPENDED, _EARLIER], words=70)

    # Both terms are the Courier's account of a plan, not settled facts.
    assert briefly
    assert not [s for s in briefly if "would" in s]


def test_a_staccato_lede_voicing_claims_is_no_fact() -> None:
    staccato = (
        "LISBON — The night ferry line is perfectly safe. The union's warnings about the "
        "lights are false. The night crossings to Setúbal will go on. That was the harbour "
        "authority's message on Sunday, hours before it suspended the night ferry line to "
        "Setúbal after its lights failed."
    )
    briefly = extractive_briefly([staccato, _SUSPENDED], words=70)

    # The authority's claims in the writer's voice, not facts to repeat.
    assert briefly
    assert not [s for s in briefly if "will go on" in s or "are false" in s]


def test_a_sentence_in_a_blogs_register_ranks_below_the_same_news_told_plainly() -> None:
    plain = "Riders of the Setúbal night ferry were glad to see the line reopen on Monday."
    informal = (
        "Folks on the Setúbal night ferry were totally glad to see the line reopen on Monday."
    )
    scored = score_sentences([plain, informal], frozenset())
    score = {c.text: float(s) for c, s in zip(scored.candidates, scored.scores, strict=True)}

    # Our voice is plain: the blog's words count for less, whatever else they share.
    assert score[informal] < 0.6 * score[plain]
    # A title in capitals is no slang.
    titled = "Crazy Rich Ferries, the harbour musical, reopened in Setúbal on Monday."
    plain_title = "Rich Ferries, the harbour musical, reopened in Setúbal on Monday."
    scored = score_sentences([plain_title, titled], frozenset())
    score = {c.text: float(s) for c, s in zip(scored.candidates, scored.scores, strict=True)}
    assert score[titled] > 0.8 * score[plain_title]


@pytest.mark.parametrize(
    ("sentence", "news"),
    [
        ("The harbour authority did not comment on the report on Friday.", False),
        ("The ferry operator didn't respond to an email seeking comment.", False),
        ("A spokeswoman for the ferry line declined to comment on the inquiry.", False),
        ("The harbour master could not be reached on Monday for a second day.", False),
        ("Harbour Ferries did not immediately respond to a request for comment.", False),
        ("The maritime regulator, the country's watchdog, has not yet commented.", False),
        ("The skipper's family has not been reached.", False),
        ("Harbour police did not immediately provide any other details.", False),
        ("No further details were released by the coastguard on Monday.", False),
        # What someone would not tell.
        ("The ferry line said nothing about when the engine failed.", False),
        ("The skipper declined to say which of the crew had fallen ill.", False),
        ("The coastguard did not say whether the second boat was searched.", False),
        ("The ferry contract does not specify a deadline for the new route.", True),
        # A claim beside the silence is news; so is a "not" about something else.
        ("The union called the report unfounded but declined to comment further.", True),
        ("The ferry did not return to port until late on Monday night.", True),
        ("The council has not responded to the ferry plan since it was published.", True),
        ("The law does not allow the public to comment on the fares before May.", True),
        ("The port did not release details of the new timetable until Monday.", True),
    ],
)
def test_a_sentence_that_only_reports_no_comment_is_no_news(sentence: str, news: bool) -> None:
    assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence))) is news


@pytest.mark.parametrize(
    ("sentence", "news"),
    [
        # A name for something, quoted, is the report's word for it; the sentence says
        # what happened (issue 15: a ministry calling an envoy's claim "dangerous
        # disinformation" was lost for a sentence that leaned on the headline).
        (
            "Port authorities called the harbour master's intervention in the dispute "
            "“dangerous disinformation.”",
            True,
        ),
        ("The union said the new rota was “unacceptable and unworkable” on Friday.", False),
        (
            "The ferry line said the fares were “a fair price for a safer crossing” on Friday.",
            False,
        ),
    ],
)
def test_a_quoted_phrase_of_two_words_is_a_report_and_a_longer_quote_is_not(
    sentence: str, news: bool
) -> None:
    assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence))) is news


def test_one_event_told_twice_in_other_words_is_redundant() -> None:
    # The same participant (Valdoria), the same event verb (sworn) and two more words
    # (prime, minister): the cosine is low because the whole story says them.
    one = "Valdoria is opening a new chapter as Mirela Ostrava is sworn in as Prime Minister."
    two = (
        "Valdoria's new prime minister has been sworn in after her party's clear win in the "
        "spring vote."
    )
    first = [
        "Valdoria's parliament met in Ardell on Monday to count the ballots of the spring vote.",
        "The prime minister's party promised cheaper ferries for Valdoria.",
        "Ostrava was sworn in by the chief justice of Valdoria.",
    ]
    second = [
        "Crowds in Valdoria waved flags outside parliament as the prime minister spoke.",
        "The outgoing prime minister of Valdoria conceded defeat and wished her rival well.",
        "Ostrava's cabinet will be sworn in next week, her office in Valdoria says.",
    ]
    scored = score_sentences([" ".join([one, *first]), " ".join([two, *second])], frozenset())
    texts = [c.text for c in scored.candidates]
    assert is_redundant(scored, texts.index(one), texts.index(two))


def test_one_plan_told_twice_with_its_month_and_year_is_redundant() -> None:
    one = "According to the agreement, the office is scheduled to begin work in April 2027."
    two = (
        "The office, due to open in April 2027, will coordinate joint work on cyber defence, "
        "maritime security and supply chains, officials said."
    )
    other = "The office will sit in a rented floor of the harbour tower, officials said."
    scored = score_sentences(
        [
            f"The alliance will open an office in Ardell, its chief said on Wednesday. {one}",
            f"Ministers signed the deal in Ardell on Wednesday. {two} {other}",
        ],
        frozenset(),
    )
    texts = [c.text for c in scored.candidates]
    assert is_redundant(scored, texts.index(one), texts.index(two))
    assert not is_redundant(scored, texts.index(one), texts.index(other))


def test_an_arrest_told_as_custody_is_the_same_arrest() -> None:
    one = (
        "Lopes's girlfriend, Ana Cary, was arrested Sunday evening in Barreiro, where Lopes lives."
    )
    two = (
        "Late Sunday, Lopes's girlfriend was taken into custody on charges unrelated to the crash."
    )
    scored = score_sentences(
        [
            f"Police said Rui Lopes drove the stolen van into the harbour on Saturday night. {one}",
            f"Police are looking for Rui Lopes after the crash in Setúbal. {two}",
        ],
        frozenset(),
    )
    texts = [c.text for c in scored.candidates]
    assert is_redundant(scored, texts.index(one), texts.index(two))


def test_a_death_told_as_a_noun_and_as_died_is_one_death() -> None:
    one = (
        "Colleagues are mourning the death of engineer Rui Lopes after his Volta crashed in "
        "Setubal on Friday."
    )
    two = "Rui Lopes, 38, died when his Volta Model S slammed into a barrier near Setubal."
    other = "Rui Lopes had driven the coast road to work at the shipyard for twelve years."
    scored = score_sentences(
        [
            "Volta said its driver-assist system was engaged when the car crashed in Setubal. "
            f"{one} The carmaker's shares fell after the statement.",
            f"Investigators in Setubal are reviewing the car's logs. {two} {other} "
            "Volta has sold 20,000 of the cars in Portugal.",
        ],
        frozenset(),
    )
    texts = [c.text for c in scored.candidates]
    assert is_redundant(scored, texts.index(one), texts.index(two))
    assert not is_redundant(scored, texts.index(two), texts.index(other))
    # A death named as the frame of another fact is no telling of it.
    frame = (
        "Volta's board opened an inquiry into the death of engineer Rui Lopes near Setubal "
        "and hired a law firm."
    )
    scored = score_sentences(
        [
            f"Investigators in Setubal are reviewing the car's logs. {two} {other}",
            f"Volta has sold 20,000 of the cars in Portugal. {frame} Its shares fell.",
        ],
        frozenset(),
    )
    texts = [c.text for c in scored.candidates]
    assert not is_redundant(scored, texts.index(two), texts.index(frame))
    # Nor is a death that another event of the sentence follows, or a relative's.
    for other_fact in (
        "The death of Rui Lopes in Setubal sparked protests by workers.",
        "Rui Lopes's mother died in Setubal years ago, after a long illness at home.",
        "Rui Lopes's mother, a retired teacher, died in Setubal years ago, after a long illness.",
        "Prosecutors in Setubal blame the other driver for the death of Rui Lopes.",
    ):
        scored = score_sentences(
            [
                "Investigators in Setubal are reviewing the car's logs and the barrier. "
                f"{two} {other}",
                f"Volta has sold 20,000 of the cars in Portugal. {other_fact} Its shares fell.",
            ],
            frozenset(),
        )
        texts = [c.text for c in scored.candidates]
        assert not is_redundant(scored, texts.index(two), texts.index(other_fact)), other_fact


def test_one_sum_of_money_told_twice_is_a_repeat() -> None:
    # A fine and a penalty share no word; the sum and the verb tell one fact twice.
    one = (
        "The Ardell ferry operator has agreed to pay a $42,500 fine for dumping bilge water "
        "in the harbour."
    )
    two = "Harbour Ferries will pay a civil penalty of $42,500."
    scored = score_sentences([one, two], frozenset())
    assert is_redundant(scored, 0, 1)


@pytest.mark.parametrize(
    "two",
    [
        # The same sum, nothing else in common: another fact.
        "A new ticket machine at the pier cost $42,500.",
        # The same word, another sum.
        "The council will pay $8,000 to clean the beach.",
        # A bare number is no sum.
        "Harbour Ferries will pay for 42,500 new life jackets.",
        # Another currency, another subject, or nothing done alike: another fact.
        "Harbour Ferries will pay a €42,500 fine for the same spill.",
        "A second operator was also fined $42,500 for dumping bilge water.",
        "The mayor said the $42,500 fine for the operator was too small.",
    ],
)
def test_a_sum_is_a_repeat_only_with_its_words(two: str) -> None:
    one = "The Ardell ferry operator has agreed to pay a $42,500 fine for dumping bilge water."
    # The rule for sums alone: two sentences this alike may repeat each other otherwise.
    assert not _same_sum(score_sentences([one, two], frozenset()), 0, 1)


def test_a_sum_with_its_scale_written_short_is_that_sum_and_no_shared_word() -> None:
    one = "Harbour City paid $40m for the stadium site last year."
    two = "A $40m grant went to the hospital in the spring."
    assert not _same_sum(score_sentences([one, two], frozenset()), 0, 1)
    three = "The harbour board, its chairman said, had paid $40 million for the land."
    assert _same_sum(score_sentences([one, three], frozenset()), 0, 1)


def test_a_vote_to_pass_a_law_tells_its_passing_again() -> None:
    # "voted ... to pass" is the passing told again, with its count; "to 9" is no verb.
    one = (
        "On Thursday, the parliament of Valdoria passed a law requiring approval for any "
        "foreign buyer of a stake in a harbour, a mine or a ferry line."
    )
    two = "Lawmakers in Valdoria voted 41 to 9 to pass the harbour screening law."
    scored = score_sentences([one, two], frozenset())
    assert scored.events[1] == frozenset({"vot", "pass"})
    assert is_redundant(scored, 0, 1)
    # A meeting "to discuss" it is another event than a cabinet that discussed it; a
    # "blow to business" tells no event.
    ahead = (
        "Ministers in Valdoria will meet next month to discuss whether the harbour "
        "screening law should cover ferry lines."
    )
    done = "Valdoria's cabinet discussed the harbour screening law after a bid for the port."
    scored = score_sentences([ahead, done], frozenset())
    assert not is_redundant(scored, 0, 1)
    blow = score_sentences(["The closure was a heavy blow to business in Valdoria."], frozenset())
    assert "business" not in blow.events[0]


def test_a_shared_name_without_a_shared_event_is_not_a_repeat() -> None:
    one = "Valdoria's parliament approved the harbour budget on a late vote in Ardell."
    two = "Valdoria's coast guard rescued eleven fishermen near Ardell after the storm."
    scored = score_sentences([one, two], frozenset())
    assert not is_redundant(scored, 0, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "In reality, the mayor gave a rambling forty-minute speech about the harbour.",
        "The truth is the ferry fares were never going to fall this winter.",
        "Let's face it, the council's harbour plan was drawn up in a hurry.",
        "The obvious reading is that the harbour law is aimed at one buyer.",
        "The likely explanation is that the council simply ran out of money.",
        "What is clear is that the ferry fares will not fall this winter.",
        "The most obvious reading is that the harbour law is aimed at one buyer.",
        "What's clear is that the ferry fares will not fall this winter.",
        "One reading is that the council never wanted the harbour sold.",
    ],
)
def test_the_writers_verdict_against_a_claim_is_no_news_nor_background(sentence: str) -> None:
    candidate = Candidate(sentence, 0, 3, word_count(sentence))
    assert not is_briefly_candidate(candidate)


def test_a_photos_caption_without_its_year_is_no_news_nor_background() -> None:
    caption = "Volunteers form a human chain to pass buckets of mud in Ardell village on Dec. 2."
    assert not is_briefly_candidate(Candidate(caption, 0, 3, word_count(caption)))
    walker = "A woman walks past a damaged house in Ardell on December 3."
    assert not is_briefly_candidate(Candidate(walker, 0, 3, word_count(walker)))
    # The day told in the past, or ahead, or said: news.
    for sentence in (
        "Rescuers searched the rubble in Ardell village on Dec. 2.",
        "Ministers will meet in Ardell on 2 December.",
        "Protesters gathered in Ardell on Dec. 1.",
        "The mayor said the harbour reopens in Ardell on Dec. 2.",
        "The trial of the four men begins in Ardell on 3 March.",
        "Voters go to the polls in Ardell on Nov. 30.",
        "Talks between the two sides resume in Ardell on Jan. 12.",
    ):
        assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence)))


def test_a_reading_or_an_answer_that_is_news_stays() -> None:
    for sentence in (
        "The likely explanation is a faulty fuel valve, the safety board said.",
        "What is clear is that the fire spread fast, according to the fire brigade.",
        "The second reading is scheduled for Tuesday in the harbour council.",
        "The real estate board is due to vote on the harbour plan on Monday.",
    ):
        assert is_briefly_candidate(Candidate(sentence, 0, 3, word_count(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "The second incident occurred near the ferry pier on Sunday night.",
        "Okonjo then had the idea of a fund for the harbour workers.",
        # The ordinal opens the reported clause: the first vote was told before.
        "A councillor said that the second vote was never counted by the harbour board.",
    ],
)
def test_an_ordinal_or_a_then_counts_on_what_was_told_before(sentence: str) -> None:
    assert needs_antecedent(sentence) == "sentence"


def test_a_vote_told_without_its_motion_leans_on_the_sentence_before() -> None:
    for sentence in (
        "The opposition Harbour and Ferry parties voted against.",
        "Lawmakers voted 243 to 12 in favour.",
        "Two members of the board abstained.",
    ):
        assert needs_antecedent(sentence) == "sentence"
    for sentence in (
        "Parliament voted against the harbour bill on Friday.",
        "Lawmakers voted in favour of the budget by 243 to 12.",
        "Only 178 members voted in favour of the text, while 371 voted against and 41 abstained.",
        # The motion named before the count.
        "The harbour council survived a vote of no confidence on Friday, with 14 members "
        "backing it and 9 voting against.",
        "Opposition members tabled a motion on the ferry fares, but 30 voted against.",
    ):
        assert needs_antecedent(sentence) == ""


def test_a_ranking_or_a_round_is_no_ordinal_reference() -> None:
    assert needs_antecedent("The second-largest port in Valdoria reopened on Monday.") == ""
    assert needs_antecedent("The second round of harbour talks opens in Ardell on Monday.") == ""
    assert needs_antecedent("Officials said the second round of talks opens in May.") == ""


_QUAY_REPORT = (
    "A crane toppled onto a warehouse on the north quay of Setúbal harbour on Sunday night. "
    "Harbour police chief Ana Ferreira said two dock workers were hurt and taken to hospital. "
    "Ferreira said gusts reached 90 kilometres an hour on the quay. "
    "Cargo ships were sent to the south quay while engineers checked the other cranes, "
    "Ferreira said. "
    "Police said the warehouse held fertiliser and was sealed off overnight. "
    "Ferreira in March warned that the cranes were too old for the winter gales. "
    "When Ferreira and her officers reached the quay, the warehouse roof had caved in. "
    "Ferreira and Okafor were the last to leave the quay on Sunday."
)


def test_a_bare_surname_needs_the_full_name_before_it() -> None:
    scored = score_sentences([_QUAY_REPORT], frozenset())
    by_start: dict[str, int] = {}
    for i, c in enumerate(scored.candidates):
        by_start.setdefault(c.text.split()[0], i)

    # "Ferreira said ..." and "..., Ferreira said.": the article named her in full once;
    # a reader of the sentence alone does not know who she is.
    assert leans_on(scored, by_start["Ferreira"]) == "ferreira"
    assert leans_on(scored, by_start["Cargo"]) == "ferreira"
    # ... also with a time between her name and her verb.
    warned = next(i for i, c in enumerate(scored.candidates) if "warned" in c.text)
    assert leans_on(scored, warned) == "ferreira"
    # ... and as the subject of an opening clause, with her people.
    assert leans_on(scored, by_start["When"]) == "ferreira"
    last = next(i for i, c in enumerate(scored.candidates) if "last to leave" in c.text)
    assert leans_on(scored, last) == "ferreira"
    # "Police" is capitalised only to open the sentence: no one's surname.
    assert leans_on(scored, by_start["Police"]) == ""
    # A title that names her, or a name in the news all over the issue, needs no more.
    titled = score_sentences([_QUAY_REPORT], frozenset(), ["Ferreira: crane fell in high wind"])
    assert leans_on(titled, by_start["Ferreira"]) == ""
    known = score_sentences([_QUAY_REPORT], frozenset(), known_names=frozenset({"ferreira"}))
    assert leans_on(known, by_start["Ferreira"]) == ""
    # A surname written with its accents is one too.
    accented = score_sentences(
        [
            "Harbour Master Sunna Björk Jónsdóttir closed the quay on Monday after the crane "
            "fell. Jónsdóttir had been expected to reopen it this week. The talks on the "
            "crane's insurance will resume in January, Đorđević said. Minister Željko "
            "Đorđević chairs them. Cîțu had been expected to attend. Mayor Florin Cîțu "
            "did not."
        ],
        frozenset(),
    )
    found = {c.text.split()[0]: i for i, c in enumerate(accented.candidates)}
    assert leans_on(accented, found["Jónsdóttir"]) != ""
    assert leans_on(accented, found["The"]) != ""
    assert leans_on(accented, found["Cîțu"]) != ""

    def leaning(text: str, opening: str) -> str:
        scored = score_sentences([text], frozenset())
        return leans_on(
            scored, next(i for i, c in enumerate(scored.candidates) if c.text.startswith(opening))
        )

    # A particle capitalised to open the sentence is the name's in lower case inside it.
    said = (
        "The accord will hold, Harbour Minister Khalid bin Saad al-Muraikhi said on Friday. "
        "Al-Muraikhi announced it after nine hours of talks at the quay."
    )
    assert leaning(said, "Al-Muraikhi") == "al-muraikhi"
    # A group's name after a possessive is no person named in full.
    group = (
        "Somalia's al-Shabaab militants attacked the port on Friday. Al-Shabaab said it had "
        "targeted the harbour office."
    )
    assert leaning(group, "Al-Shabaab") == ""


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        # Anywhere in the sentence, "Ms. Ferreira" is a second reference.
        ("Officials at the port confirmed Ms. Ferreira was on the quay.", "ferreira"),
        ("The harbour board thanked Mrs Ferreira's officers for their work.", "ferreira"),
        # A surname the articles never gave in full: the title still shows it is one.
        ("The port said it had spoken to Mr. Okafor about the crane.", "okafor"),
        # After an opening that names no one ("Officials said"), and with a capital
        # inside.
        ("Officials said Ms. Ferreira was on the quay.", "ferreira"),
        ("Dockers said they expected Mr. McAllister to reopen the quay.", "mcallister"),
        # A role beside the name says who he is; "Mr. Mayor" addresses an office.
        ("Crews praised the harbour master, Mr. Okafor, for his calm.", ""),
        ("Mr. Okafor, the harbour master, praised the crews.", ""),
        ("Thank you, Mr. Mayor, the dockers wrote to the council.", ""),
        # Named in full earlier in the sentence itself.
        ("Ana Ferreira's deputy said Ms. Ferreira was on the quay.", ""),
        # A role says who she is, within the sentence.
        ("Police Chief Ferreira thanked the crew, and Ms. Ferreira later visited them.", ""),
        # "Dr. Ana Ferreira" gives her in full.
        ("Officials at the port confirmed Dr. Ana Ferreira was on the quay.", ""),
    ],
)
def test_a_surname_after_a_courtesy_title_needs_the_full_name_before_it(
    sentence: str, leans: str
) -> None:
    scored = score_sentences([_QUAY_REPORT + " " + sentence], frozenset())
    [index] = [i for i, c in enumerate(scored.candidates) if c.text == sentence]
    assert leans_on(scored, index) == leans


def test_a_briefly_names_a_person_in_full_before_their_surname() -> None:
    # The article gives her full name only at the end: "Ferreira said ..." right after
    # the lede follows its sentence before, but that sentence never said who she is.
    text = (
        "A crane toppled onto a warehouse on the north quay of Setúbal harbour on Sunday "
        "night. Ferreira said two dock workers on the north quay were hurt and taken to "
        "hospital. Police said the warehouse held fertiliser and was sealed off overnight. "
        "Ana Ferreira has led the harbour police since 2019."
    )
    article = Article(
        id=ArticleId("quay-1"),
        url="https://harbour.example/crane",
        outlet="Harbour Radio",
        feed_url="https://harbour.example/feed",
        title="Crane topples onto Setúbal warehouse",
        published=datetime(2026, 11, 16, 9, 0, tzinfo=UTC),
        text=text,
    )
    summary = summarize_story(Story(StoryId("quay"), (article,)))
    printed = [s.text for s in (*summary.briefly, *summary.also_worth_noting)]
    assert printed[0].startswith("A crane toppled")
    assert not [t for t in printed if t.startswith("Ferreira said")], printed


def test_those_people_need_the_same_people_printed_before_them() -> None:
    # "Icelandic officials" before "One of those Icelanders" did not say which
    # Icelanders: the ones held in British jails, in a sentence too long to print too.
    text = (
        "Icelandic officials delayed the trial of two British sailors on Monday, a week "
        "before it was due to open. Reykjavik has said for months, in letters to London and "
        "in talks at the United Nations in Geneva, that it wants the Icelanders held in "
        "British jails for smuggling and fraud sent home to serve their sentences. One of "
        "those Icelanders, a ferry pilot jailed for smuggling, told state radio on Monday "
        "that he had been badly treated in a British prison."
    )
    scored = score_sentences([text], frozenset())
    chosen = [scored.candidates[i].text for i in select_briefly(scored, 50)]
    assert chosen[0].startswith("Icelandic officials delayed")
    assert not [t for t in chosen if t.startswith("One of those Icelanders")], chosen


def test_names_used_alone_in_many_stories_are_known() -> None:
    stories = [
        ["President Ana Ferreira visited the port. Ferreira said the quay would reopen."],
        ["Ferreira's government announced new ferry fares on Monday."],
        ["Ferreira has promised a second crane inspection. Rui Matos said he was hurt."],
        ["Dock worker Rui Matos spoke to reporters. Matos said the wind was strong."],
    ]
    known = known_surnames(stories)
    # Three stories use "Ferreira" alone; "Matos" alone only one ("Rui Matos said" is
    # the full name).
    assert "ferreira" in known and "mato" not in known and "matos" not in known


@pytest.mark.parametrize(
    ("title", "explainer"),
    [
        ("Why the strait matters to Tehran", True),
        ("Where are the next Winter Games?", True),
        # Trackers, maps, timelines and galleries are kept up to date or looked at.
        ("Mapping U.S. strikes in the Caribbean and eastern Pacific", True),
        ("In pictures: floods sweep through Valencia", True),
        ("The front line in maps", True),
        ("The ceasefire deal explained", True),
        # Reports, even of a map or a timeline.
        ("Navy strikes a boat off Venezuela, killing 3", False),
        ("Howard resigns as party leader", False),
        ("Ministry publishes a timeline of the evacuation", False),
        ("Tracking device found on a minister's car", False),
        ("Tracking Device Found on Minister's Car", False),
        ("Tracking the storm as it nears the coast", True),
        ("Timeline for the withdrawal agreed at Cairo talks", False),
        ("Mapping firm sued over border lines", False),
        ("In charts we trust, says the central bank", False),
        ("EXPLAINED: How the vote works", True),
        ("Timeline: the road to the ceasefire", True),
        ("The war in 10 maps", True),
        ("Arms re-exports: what the House vote changes, and what it doesn't", True),
        ("Gaza truce: How the deal works", True),
        ("Lind: What Vell offers is not peace", False),
        ("Vell war: What we know on day 1,000", True),
        ("Ports reopen: shipping resumes on the Danube", False),
    ],
)
def test_an_explainer_or_tracker_title_is_told_from_a_report(title: str, explainer: bool) -> None:
    assert is_explainer_title(title) is explainer


@pytest.mark.parametrize(
    ("lede", "reaction"),
    [
        ("The Kremlin said Saturday that it welcomed the peace treaty signed in Geneva.", True),
        ("China condemned the sanctions on Friday, saying they broke international law.", True),
        ("Norland strongly condemned on Thursday the drone attack on a market in Vell.", True),
        ("Norland has strongly condemned the drone attack on a market in Vell.", True),
        ("Norland's foreign ministry condemned the drone attack on Vell.", True),
        ("In a statement on Thursday, Norland condemned the drone attack on Vell.", True),
        ("Norland, Ostland and Vell condemned the attack on the market.", True),
        ("Norland condemns the heinous attack on the market in Vell.", True),
        ("Vell filed a complaint with the UN Security Council over the strikes.", True),
        ("Vell has lodged a formal complaint with the Security Council.", True),
        ("The union filed a lawsuit against the ministry over the strikes.", False),
        ("Vell complained to the UN Security Council about the strikes.", True),
        ("Norway on Friday lodged a protest with Vell after its court fined the firm.", True),
        ("The union lodged a protest march through the capital on Friday.", False),
        ("Students lodged a protest with the university over fee rises.", False),
        (
            "The Security Council on Friday called on Vell and Norland to accept the truce, "
            "after 14 members voted in favour.",
            False,
        ),
        ("The fund urged Vell to rebuild its reserves, as it approved a $2 billion loan.", False),
        ("Norland's president called on Vell to respect its borders, after the raids.", True),
        ("The agency called on Vell to share all data as soon as possible.", False),
        ("Norway urged Vell to let aid in after the strike on the convoy.", True),
        ("The fund urged Vell to keep cutting spending after a decade of deficits.", False),
        # A welcome of an agreement, a company's disappointment, a vow of a response.
        ("Norland on Friday welcomed an agreement between Vell and Ostland on the border.", True),
        ('Harbour Gate Ports said on Wednesday it was "disappointed" by the court order.', True),
        ("The Kremlin on Friday vowed a 'painful' response to the decision on the assets.", True),
        ("Ostland threatened retaliation against the new tariffs.", True),
        ("Norland welcomed a delegation of Vell's farmers to its capital.", False),
        ("The ministry vowed to rebuild the bridge by March.", False),
        # A warning told as the answer to the event, not a warning that is the news.
        (
            "Ostland on Tuesday warned Norland against arming the islands, a day after "
            "Norland signed a defence pact with Vell.",
            True,
        ),
        (
            "Ostland warned Norland and Vell on Tuesday against arming the islands, just "
            "hours after the Norland parliament voted to buy missiles.",
            True,
        ),
        ("Ostland on Tuesday warned Norland against arming the islands.", False),
        # A country's warning that answers what someone said or did.
        (
            "China warned on Wednesday that the alliance was “exporting confrontation” "
            "after its secretary general said in Vell that a liaison office should open.",
            True,
        ),
        ("Officials warned on Tuesday that the river could burst after rain fell.", False),
        (
            "Russia warned on Tuesday that it would respond after Finland said it would host "
            "NATO troops.",
            True,
        ),
        ("China warned Japan after Takaichi said Tokyo could intervene over Taiwan.", True),
        # The event itself, with its attribution after: no reaction.
        (
            "Pakistan accused Afghanistan of harbouring militants after a suicide bombing "
            "outside a court in Islamabad killed 12 people, officials said.",
            False,
        ),
        (
            "Japan warned on Monday of possible aftershocks after the earthquake, which the "
            "agency said measured 7.5.",
            False,
        ),
        # A call told as the answer to the event after it, not a call that is the news.
        (
            "Skyline chief Ana Ruiz on Friday called on the European Commission to protect "
            "flights over Norland, as a two-day walkout by its controllers came to an end.",
            True,
        ),
        ("Norland urged Vell to free the crew, after the ship was seized on Monday.", True),
        ("Skyline chief Ana Ruiz called on the Commission to protect flights over Norland.", False),
        ("The judge urged the jury to take its time, as the trial entered its fifth week.", False),
        ("Ostland condemned the move, a day after Norland's parliament voted to join.", True),
        ("The weather office warned residents against travel, hours after the storm hit.", False),
        # A complaint that is the news: to the police, to a regulator.
        ("Ann Holt filed a complaint with the police accusing the senator of assault.", False),
        ("The games maker filed a complaint with the European Commission.", False),
        # A welcome given, a child, visitors, a body's vote: the news itself.
        ("Pope Leo welcomed President Volodymyr Zelensky to the Vatican on Tuesday.", False),
        ("The couple welcomed their third child, a daughter, on Monday.", False),
        ("The Tourism Ministry said it had welcomed a record 2.3 million visitors.", False),
        (
            "The European Parliament condemned the media law in a resolution passed 433 to 123.",
            False,
        ),
        # A speaker named between commas, reacting.
        ("Ostland's Foreign Minister, Ana Lind, has welcomed the agreement signed in Vell.", True),
        # Yesterday's condemnation, of a thing named with its kind.
        ("Ostland yesterday condemned a cyberdefense arrangement between Norland and Vell.", True),
        # Many reacting at once; not a queue for something else.
        ("Opposition MPs lined up on Wednesday to denounce a budget that passed by 4 votes.", True),
        ("Vell's allies rushed to welcome the border deal.", True),
        ("Opposition MPs rushed to condemn the court's decision.", True),
        ("Vell's neighbours were quick to hail Norland's ceasefire proposal.", True),
        ("Fans rushed to welcome the team's coach at the airport.", False),
        ("Voters lined up on Wednesday to cast their ballots in Vell.", False),
        ("Hundreds lined up to welcome the Pope in Vell.", False),
        ("Vell's army rushed to attack the rebels' positions.", False),
    ],
)
def test_a_reaction_lede_is_a_reaction_to_a_thing(lede: str, reaction: bool) -> None:
    from digest.briefly import is_reaction

    assert is_reaction(lede) is reaction


@pytest.mark.parametrize(
    ("lede", "stage"),
    [
        ("The Storting approved in a first reading on Wednesday a bill to dissolve itself.", True),
        ("The bill passed its final reading on Thursday, a day after a first reading.", False),
        ("Preliminary results showed Anna Lind won the presidency with 54% of the vote.", False),
    ],
)
def test_a_provisional_lede_is_a_bills_stage_without_its_outcome(lede: str, stage: bool) -> None:
    from digest.briefly import _FINAL, _PROVISIONAL

    assert (bool(_PROVISIONAL.search(lede)) and not _FINAL.search(lede)) is stage


def test_a_wire_lede_of_near_sixty_words_may_lead_and_a_run_on_may_not() -> None:
    # Sentence positions 0 and 1 are a report's lede.
    lede = (
        "Finance ministers of the Norland Union on Friday backed the legal text for a loan of "
        "up to 140 billion crowns to Vell, funded by central bank assets frozen in the union, "
        "but Ostland, where most of the money is held, still refused to sign off, leaving the "
        "final decision to the union's leaders at their summit later this month."
    )
    assert 55 < word_count(lede) <= 60
    assert is_briefly_candidate(Candidate(lede, 0, 0, word_count(lede)))
    # As long further down, it is a run-on.
    assert not is_briefly_candidate(Candidate(lede, 0, 5, word_count(lede)))
    run_on = lede[:-1] + ", while the two other holdouts said they needed more time to study it."
    assert word_count(run_on) > 60
    assert not is_briefly_candidate(Candidate(run_on, 0, 0, word_count(run_on)))


def test_a_transcripts_answers_are_the_speakers_words_not_the_news() -> None:
    transcript = (
        "Ann Holt speaks with Trade Representative Bo Lind about the truce.\n\n"
        "Ann Holt:\n\nThe two countries agreed over the weekend to extend their truce for "
        "another year.\n\n"
        "Bo Lind, Trade Representative:\n\nThanks for having me, Ann.\n\n"
        "Ann Holt:\n\nIs this a step toward a real agreement?\n\n"
        "Bo Lind:\n\nTariffs have brought investment back and brought the other side to the "
        "table.\n"
    )
    scored = score_sentences([transcript], frozenset())
    voiced = {c.text: c.voiced for c in scored.candidates}
    assert voiced["Ann Holt speaks with Trade Representative Bo Lind about the truce."] is False
    assert voiced["Tariffs have brought investment back and brought the other side to the table."]
    # Headings with a colon are no speakers' labels.
    report = (
        "The two countries agreed on Sunday to extend their truce for another year.\n\n"
        "Key Points:\n\nTariffs will stay at their current level until next November.\n\n"
        "Next Steps:\n\nThe text will be signed by 15 December.\n\n"
        "Key Points:\n\nFarm purchases resume in the spring.\n"
    )
    assert not any(c.voiced for c in score_sentences([report], frozenset()).candidates)
    # A report that quotes an exchange goes on in its own words after it; place
    # headings are no speakers.
    court = (
        "The trial of Bo Lind ended on Friday.\n\n"
        "Ann Holt:\n\nDid you see the money change hands?\n\n"
        "Bo Lind:\n\nNo, I never saw any money change hands that night.\n\n"
        "Ann Holt:\n\nNot once?\n\n"
        "Bo Lind:\n\nNot once.\n\n"
        "The jury deliberated for less than four hours before returning its verdict.\n"
    )
    voiced = {c.text: c.voiced for c in score_sentences([court], frozenset()).candidates}
    assert voiced["No, I never saw any money change hands that night."] is True
    assert not voiced["The jury deliberated for less than four hours before returning its verdict."]
    states = (
        "Storms swept the coast on Sunday.\n\n"
        "North Vell:\n\nFlooding closed 120 roads, and two people died.\n\n"
        "South Vell:\n\nPower was cut to 40,000 homes.\n\n"
        "North Vell:\n\nSchools will stay shut on Monday.\n"
    )
    assert not any(c.voiced for c in score_sentences([states], frozenset()).candidates)


def test_an_outlet_crediting_itself_and_recalling_its_own_reports_is_left_out() -> None:
    texts = [
        "Ukraine and Turkey agreed that talks on shipping in the Black Sea will take place "
        "in Istanbul on December 15. The foreign minister said this after a meeting in "
        "Ankara, Ukrinform reports. As Ukrinform reported, strikes on the ports damaged 14 "
        "civilian vessels this year.",
        "Ukraine and Turkey will hold talks on Black Sea shipping in Istanbul next month, "
        "the two foreign ministers said after meeting in Ankara.",
    ]
    scored = score_sentences(texts, frozenset(), outlets=["Ukrinform", "Wire"])
    said = {c.text for c in scored.candidates}
    assert "The foreign minister said this after a meeting in Ankara." in said
    recalled = next(c for c in scored.candidates if c.text.startswith("As Ukrinform"))
    assert not is_briefly_candidate(recalled)
    # Another outlet's credit is a source named, and stays.
    other = score_sentences(texts, frozenset(), outlets=["Wire", "Ukrinform"])
    assert any(c.text.endswith("Ankara, Ukrinform reports.") for c in other.candidates)
    # Nor is another outlet's report recalled the outlet's own background.
    assert all(not c.recalled for c in other.candidates)
    # "Trend News Agency" signs as "Trend".
    trend = ["Fees will rise, the minister told reporters on December 5, Trend reports."]
    [signed] = score_sentences(trend, frozenset(), outlets=["Trend News Agency"]).candidates
    assert signed.text == "Fees will rise, the minister told reporters on December 5."
    # "The Guardian" credits itself as "the Guardian" too.
    guardian = ["Talks will resume in Geneva on Monday, the Guardian reported."]
    [credited] = score_sentences(guardian, frozenset(), outlets=["The Guardian"]).candidates
    assert credited.text == "Talks will resume in Geneva on Monday."


@pytest.mark.parametrize(
    ("outlet", "text"),
    [
        ("Al Jazeera English", "As Al Jazeera reported last week, talks stalled in Doha."),
        ("BBC News", "As the BBC reported on Monday, the talks stalled in Doha again."),
        ("Ukrinform", "As previously reported by Ukrinform, strikes damaged 14 vessels."),
    ],
)
def test_an_outlet_recalls_its_own_report_under_its_short_name(outlet: str, text: str) -> None:
    [candidate] = score_sentences([text], frozenset(), outlets=[outlet]).candidates
    assert candidate.recalled


def test_a_reading_commentators_give_is_no_briefly_sentence() -> None:
    read = Candidate(
        "The office shows that the alliance, having failed in Ukraine, is seeking to export "
        "its policies to Asia, officials and analysts said on Wednesday.",
        0,
        3,
        24,
    )
    told = Candidate(
        "The office will open on January 15 with a dozen staff, officials said on Wednesday.",
        0,
        3,
        15,
    )
    assert not is_briefly_candidate(read)
    assert is_briefly_candidate(told)


@pytest.mark.parametrize(
    ("lede", "answers"),
    [
        (
            "The Vell government is examining whether to follow Norland into a cyber pact "
            "with the alliance.",
            True,
        ),
        ("Officials in Vell are weighing whether to seek a pact of their own.", True),
        ("Norland and the alliance signed a cyber pact on Wednesday.", False),
        # Whether someone did something is the news itself.
        ("Investigators are examining the wreck for signs of sabotage.", False),
    ],
)
def test_someone_weighing_what_to_do_about_the_event_answers_it(lede: str, answers: bool) -> None:
    """Such a lede, beside one telling the event, gives way to it (as a reaction does)."""
    from digest.briefly import _answers_event

    assert _answers_event(lede) is answers


@pytest.mark.parametrize(
    ("sentence", "news"),
    [
        (
            "The Ardell presidency on Thursday denied a report that the cabinet planned to "
            "enlarge the high court, calling the report “fabricated and malicious.”",
            True,
        ),
        (
            "The port authority on Monday rejected the union's claims about night shifts, "
            "dismissing them as “a campaign of half-truths.”",
            True,
        ),
        # Someone else's words after the report's own clause: a voice, not the report.
        (
            "The presidency denied the report on Thursday, and a lawyer for the judges "
            "called it “a warning shot at the whole bench.”",
            False,
        ),
        # The words characterise no object the sentence reports: a quote of its own.
        (
            "The minister left the chamber on Thursday, calling “for calm on every side "
            "of this house.”",
            False,
        ),
    ],
)
def test_a_denial_that_names_what_it_denies_in_the_speakers_words_is_a_report(
    sentence: str, news: bool
) -> None:
    candidate = Candidate(sentence, 0, 0, word_count(sentence))
    assert is_briefly_candidate(candidate, quoted_phrase=True) is news


def test_an_outlets_framing_above_the_agency_copy_it_carries_is_no_lede() -> None:
    framed = (
        "Vell has been trying to land a trade agreement with Norland since talks were "
        "launched in 2022, and as recently as Tuesday its trade minister said the two sides "
        "were still some distance apart.\n\n"
        "ARDELL, Jan 2 (Reuters) - Vell and Norland signed a free-trade agreement on "
        "Saturday that will remove tariffs on almost all goods, the two governments said.\n\n"
        "The agreement was signed in Ardell by the two trade ministers after talks that ran "
        "through the night."
    )
    scored = score_sentences([framed], frozenset())
    positions = {c.text[:20]: c.position for c in scored.candidates}
    assert positions == {
        "Vell and Norland sig": 0,
        "The agreement was si": 1,
        "Vell has been trying": 2,
    }
    assert framing_sentences(framed) == 1
    # A dateline opening the page frames nothing; nor is the outlet's own news above
    # another matter's wire copy its framing.
    assert framing_sentences(framed.split("\n\n", 1)[1]) == 0
    own = (
        "At least 30 people were killed when a bus fell into a ravine near Ostby on "
        "Sunday, police said.\n\n"
        "ARDELL, Jan 2 (Reuters) - Norland's central bank held its main rate on Sunday."
    )
    assert framing_sentences(own) == 0
    perfect = own.replace("were killed", "have been killed")
    assert framing_sentences(perfect) == 0


def test_a_features_scene_gives_way_to_its_news_a_paragraph_on() -> None:
    text = (
        "At the Ostby border post on Saturday, the queue of lorries loaded with copper ore "
        "stretched for miles along the highway. That trade is about to become dearer. The "
        "Vellish government plans to impose a 5 percent export duty on unprocessed copper "
        "from April 1, according to a Treasury document seen by the Ardell Monitor. The "
        "document says the duty is meant to push miners to refine more ore at home."
    )
    scored = score_sentences([text], frozenset())
    lead = select_briefly(scored, 40)[0]
    assert scored.candidates[lead].text.startswith("The Vellish government plans")
