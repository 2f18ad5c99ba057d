"""Names of world news (``digest.places``): countries, peoples, capitals and
international bodies, as outlets write them."""

from __future__ import annotations

import pytest

from digest.places import DEMONYMS, countries_named, names_the_world


@pytest.mark.parametrize(
    "text",
    [
        "Strike on a market in Sudan kills at least 28 people",
        "Iranians mourn slain protesters",  # a people, in the plural
        "US and EU trade officials meet",  # acronyms in capitals
        "The U.S. secretary of state said in Budapest that ...",
        "Beijing warns Washington over tariffs",  # seats speaking for governments
        "NATO allies meet in Brussels",
        "South Sudan's leaders sign a truce",  # read whole, before "Sudan"
        "The Jordanian king arrives",  # the adjective of a place left out as a name
        "Talks in The Hague resume",
        "Valencia flood inquiry blames late alert",  # a city foreign news names alone
        "Israel-Hamas ceasefire talks stall",  # names joined by a hyphen
        "Kyiv-based analysts doubt the figures",
        "In Xi Jinping's purge of the military, a search for loyalty",  # a leader alone
        "U.S. deports nine migrants to Cameroon",  # a home country beside another
        "Canada gives U.S. arms makers the cold shoulder",  # two home countries
    ],
)
def test_the_worlds_news_is_named(text: str) -> None:
    assert names_the_world(text)


@pytest.mark.parametrize(
    "text",
    [
        "$100k of cocaine seized in the Whitsundays",  # local news, however hard
        "Two people charged after police search an Airlie Beach property",
        "Rescuers search for skiers after California avalanche",
        "Tell us what you think",  # the pronoun, not the country
        "An American Airlines flight was delayed",  # the continents' adjectives
        "African American voters turn out",
        "Chad Smith scores twice",  # a first name, not the country
        "Michael Jordan's sneakers sell at auction",
        "Turkey prices rise before the holiday",
        # A home country of English-language feeds alone is domestic news.
        "Australian man charged over a fatal crash in Ballarat",
        "Washington state wildfire forces evacuations",
        "London bus strike called off",
        "U.S. Senate passes the farm bill",
        "An Indian-American doctor is honoured in Ohio",
        "Astronomers found it. (Jane Roe/The Washington Post)",  # a paper's name, a credit
        "The games were unveiled in a USA Today story",
    ],
)
def test_local_news_names_no_country(text: str) -> None:
    assert not names_the_world(text)


def test_the_topics_gazetteer_gives_each_place_its_people() -> None:
    # digest.topics reads the same list: a keyword "Iran" finds "Iranian".
    assert DEMONYMS["Iran"] == ("Iranian",)
    assert "Filipino" in DEMONYMS["Philippines"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Thailand and Cambodia reopen main border crossing", {"Thailand", "Cambodia"}),
        ("Thai and Cambodian traders queue at the gate", {"Thailand", "Cambodia"}),
        ("Talks in Istanbul reopen the crossing to Kabul", {"Turkey", "Afghanistan"}),
        ("Kyiv says Russian drones hit Odesa", {"Ukraine", "Russia"}),
        ("U.S. strikes a Venezuelan boat", {"United States", "Venezuela"}),
        ("South Korea and North Korea trade fire", {"Korea"}),
        ("Guinea and Papua New Guinea sign a fisheries pact", {"Guinea", "Papua New Guinea"}),
        ("Gaza ceasefire: Israeli cabinet votes", {"Palestine", "Israel"}),
        ("New Zealand votes", {"New Zealand"}),
        ("Georgia's governor signs a bill", set()),  # a US state as often as the country
        # ... but no US state has a parliament.
        ("The Parliament of Georgia adopts the budget", {"Georgia"}),
        ("Georgia's parliament adopts the budget", {"Georgia"}),
        ("Jordan scores 30 as American Airlines adds flights", set()),
        ("A USA Today investigation", set()),  # a paper's name, not the country
        ("Middle East talks in the Sahel", set()),  # regions, no one country
        # A state or province is its country's; a country's name inside another name is
        # none of its news.
        ("Bushfires across New South Wales", {"Australia"}),
        ("A wildfire in British Columbia", {"Canada"}),
        ("The governor of New Mexico", {"United States"}),
        ("South Sudanese refugees cross the border", {"South Sudan"}),
        ("Georgians head to the polls in the Senate runoff", set()),
        # "PH" as Philippine outlets write it, not a degree, a reading or a brand's.
        ("PH seeks closer NATO ties", {"Philippines"}),
        ("China must respect the rights of PH.", {"China", "Philippines"}),
        ("A PH.D. student measured a PH of 7 at Pizza Hut (PH)", set()),
        ("The Rome Statute and the Paris Agreement", set()),
        ("The Australian Open final and Real Madrid's win", set()),
        ("Piracy in the Gulf of Guinea and the Indian Ocean", set()),
        ("A US$2 billion Spanish-language deal", set()),
        # A national agency's dateline is its country's only name in its own news.
        ("TUNIS, Dec. 10 (TAP) - Parliament adopted the finance bill", {"Tunisia"}),
        ("NUKU'ALOFA (AFP) - A strong quake struck", {"Tonga"}),
        ("LUSAKA, Dec 9 - THE government has gazetted the Bill", {"Zambia"}),
        ("Envoys met in Rabat and Quito", {"Morocco", "Ecuador"}),
        ("Talks in Port Moresby and Sana'a", {"Papua New Guinea", "Yemen"}),
        # Capitals that are as often a person or another place are no country.
        ("Sofia and Victoria met in Kingston", set()),
        # ... and so are surnames ("Geddel Vieira Lima", Malta's Joseph Muscat), a US
        # town's dateline, a treaty's or a group's name, and a country's adjective in
        # capitals.
        ("Joseph Muscat denied it, Vieira Lima said", set()),
        ("ATHENS, Ga. (AP) - A man was sentenced", set()),
        ("Paris, Texas, and Odessa, Texas", set()),
        ("The Kigali Amendment and the Lima Group", set()),
        ("GEORGIAN BAY COTTAGE FIRE", set()),
        ("Tbilisi, Georgia", {"Georgia"}),
        # A list goes on after a state: "Paris, New York and Dubai".
        ("Offices in Paris, New York and Dubai", {"France", "United Arab Emirates"}),
        ("Flooding in Mexico, Texas and Louisiana", {"Mexico"}),
    ],
)
def test_the_countries_a_text_names(text: str, countries: set[str]) -> None:
    assert countries_named(text) == countries
