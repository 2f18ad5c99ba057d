"""Places and bodies of world news, by name: what tells the world's news from local news.

Two uses. A standing topic's keyword that names a place finds its people and adjective
too (:data:`DEMONYMS`: "Iran" finds "Iranian"; ``digest.topics``). And "Also in the
news" lists reports that name a country, a people, a capital, a region in the news, an
international body or a leader before those that name none (:func:`names_the_world`):
a foreign-affairs issue has room for a handful of one-line items, and a drugs bust in a
seaside town is not among them however hard its words.

The English-language feeds a newsletter reads are mostly published in the United
States, Britain, Ireland, Canada, Australia and New Zealand, and their domestic news
names its own country ("Australian man charged", "U.S. Senate passes ...", "London bus
strike"): those countries' names, capitals and seats of government count only beside
another name ("U.S. deports migrants to Cameroon").

The names are written out, not learnt: a country is a fact, and a list can be read and
corrected (the leaders' names need keeping as they change). Names that are as often
something else are left out: "Chad", "Jordan" and "Georgia" are places in
:data:`DEMONYMS` for the topics (a keyword names them on purpose), but as a first name,
a basketball player or a US state they would make a local story look foreign, so
:func:`names_the_world` reads only their adjectives; and it skips "American", "African"
and "Asian", which local reports use as often.
"""

from __future__ import annotations

import re

__all__ = [
    "CONTINENTS",
    "COUNTRIES_OF",
    "DEMONYMS",
    "NEIGHBOURS",
    "PLACES",
    "SHARED_SHORT_NAMES",
    "SPELLED_OUT",
    "countries_named",
    "is_a_city",
    "names_the_world",
]

# A place's people and adjective ("Iranian", "Iranians" for "Iran"): a keyword naming a
# place finds them too. Written out rather than made by endings, which give another
# place's word ("Niger": Nigerian) or a name's ("Iran": Smriti Irani). Left out: the
# forms that are as often a name or a plain word ("Dane", "Finn", "Pole", "Swede",
# "Turk": Dan, Finn, a pole, a swede, Turks and Caicos).
DEMONYMS = {
    place.strip(): tuple(forms.split())
    for place, forms in (
        entry.split(":")
        for entry in """Afghanistan: Afghan; Africa: African; Albania: Albanian;
        Algeria: Algerian; America: American; Argentina: Argentine Argentinian;
        Armenia: Armenian; Asia: Asian; Australia: Australian; Austria: Austrian;
        Azerbaijan: Azerbaijani Azeri; Bahrain: Bahraini; Bangladesh: Bangladeshi;
        Belarus: Belarusian; Belgium: Belgian; Bolivia: Bolivian; Bosnia: Bosnian;
        Brazil: Brazilian; Britain: British Briton; Bulgaria: Bulgarian;
        Cambodia: Cambodian; Canada: Canadian; Catalonia: Catalan; Chechnya: Chechen;
        Chile: Chilean; China: Chinese; Colombia: Colombian; Congo: Congolese;
        Crimea: Crimean; Croatia: Croatian; Cuba: Cuban; Cyprus: Cypriot; Czechia: Czech;
        Denmark: Danish; Ecuador: Ecuadorian; Egypt: Egyptian; England: English;
        Eritrea: Eritrean; Estonia: Estonian; Ethiopia: Ethiopian; Europe: European;
        Finland: Finnish; France: French; Gaza: Gazan; Georgia: Georgian; Germany: German;
        Ghana: Ghanaian; Greece: Greek; Greenland: Greenlandic Greenlander;
        Guatemala: Guatemalan; Haiti: Haitian; Honduras: Honduran; Hungary: Hungarian;
        Iceland: Icelandic Icelander; India: Indian; Indonesia: Indonesian; Iran: Iranian;
        Iraq: Iraqi; Ireland: Irish; Israel: Israeli; Italy: Italian; Japan: Japanese;
        Jordan: Jordanian; Kashmir: Kashmiri; Kazakhstan: Kazakh; Kenya: Kenyan;
        Korea: Korean; Kosovo: Kosovar; Kurdistan: Kurdish; Kuwait: Kuwaiti;
        Latvia: Latvian; Lebanon: Lebanese; Libya: Libyan; Lithuania: Lithuanian;
        Malaysia: Malaysian; Mali: Malian; Mexico: Mexican; Moldova: Moldovan;
        Mongolia: Mongolian; Morocco: Moroccan; Myanmar: Burmese; Nepal: Nepali Nepalese;
        Netherlands: Dutch; Nicaragua: Nicaraguan; Nigeria: Nigerian; Norway: Norwegian;
        Oman: Omani; Pakistan: Pakistani; Palestine: Palestinian; Panama: Panamanian;
        Peru: Peruvian; Philippines: Filipino Philippine; Poland: Polish;
        Portugal: Portuguese; Qatar: Qatari; Romania: Romanian; Russia: Russian;
        Rwanda: Rwandan; Scotland: Scottish; Senegal: Senegalese; Serbia: Serbian Serb;
        Slovakia: Slovak; Slovenia: Slovenian Slovene; Somalia: Somali; Spain: Spanish;
        Sudan: Sudanese; Sweden: Swedish; Switzerland: Swiss; Syria: Syrian;
        Taiwan: Taiwanese; Tanzania: Tanzanian; Thailand: Thai; Tibet: Tibetan;
        Tunisia: Tunisian; Turkey: Turkish; Uganda: Ugandan; Ukraine: Ukrainian;
        Uruguay: Uruguayan; Uzbekistan: Uzbek; Venezuela: Venezuelan;
        Vietnam: Vietnamese; Wales: Welsh; Yemen: Yemeni; Zambia: Zambian;
        Zimbabwe: Zimbabwean""".split(";")  # noqa: SIM905
    )
}

# Countries and regions with no entry above, and other names of those with one.
_COUNTRIES = """United States; U.S.; US; USA; U.S.A.; United Kingdom; U.K.; UK; New Zealand; Saudi
Arabia; Saudi; Saudis; United Arab Emirates; UAE; Emirati; Hong Kong; Sri Lanka; Sri
Lankan; South Africa; Singapore; Vatican; Holy See; Cameroon; Niger; Jamaica; Bahamas;
Barbados; Trinidad; Dominican Republic; Puerto Rico; Costa Rica; El Salvador;
Salvadoran; Belize; Paraguay; Paraguayan; Guyana; Suriname; Luxembourg; Liechtenstein;
Monaco; Malta; Maltese; Montenegro; North Macedonia; Macedonia; Andorra; Tajikistan;
Kyrgyzstan; Turkmenistan; Laos; Brunei; East Timor; Timor-Leste; Papua New Guinea; Fiji;
Samoa; Tonga; Maldives; Bhutan; Madagascar; Mozambique; Angola; Angolan; Namibia;
Botswana; Lesotho; Eswatini; Malawi; Burundi; Djibouti; Gabon; Liberia; Liberian; Sierra
Leone; Ivory Coast; Burkina Faso; Benin; Togo; Mauritania; Gambia; Cape Verde;
Seychelles; Mauritius; Comoros; South Sudan; Central African Republic; Equatorial
Guinea; Guinea; Sahel; Balkans; Caribbean; Middle East; Latin America; Arctic;
Antarctica; South America; South American; Central America; Central American; Latin
American; Persian Gulf; West Bank; Golan; Donbas; Kurds; Rohingya; Uyghur; Uyghurs;
Uighur""".split(";")  # noqa: SIM905
# The states and provinces an outlet writes after a town ("Greenbelt, Maryland"): with
# the countries, what may follow a place's comma inside a person's role.
_STATES = """Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware;
Florida; Georgia; Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine;
Maryland; Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska;
Nevada; New Hampshire; New Jersey; New Mexico; New York; North Carolina; North Dakota; Ohio;
Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee;
Texas; Utah; Vermont; Virginia; Washington; West Virginia; Wisconsin; Wyoming; D.C.;
Ontario; Quebec; British Columbia; Alberta; Manitoba; Saskatchewan; Nova Scotia; New
Brunswick; Newfoundland; New South Wales; Victoria; Queensland; Tasmania; Western
Australia; South Australia; England; Scotland; Wales; Northern Ireland""".split(";")  # noqa: SIM905
PLACES = frozenset(" ".join(n.split()) for n in (*DEMONYMS, *_COUNTRIES, *_STATES)) - {""}
# Bodies whose news is the world's: alliances, courts, the UN, governments by their seat.
_BODIES = """United Nations; U.N.; UN; NATO; European Union; EU; E.U.; European Commission; Security
Council; G7; G-7; G20; G-20; IMF; World Bank; OPEC; ASEAN; African Union; International
Criminal Court; ICC; Interpol; Red Cross; Amnesty International; Human Rights Watch;
Kremlin; Pentagon; White House; State Department; Downing Street; Elysee; Élysée;
Bundestag; Knesset; Duma; Hamas; Hezbollah; Taliban; Houthi; Houthis; Islamic State;
ISIS; al-Qaeda; Wagner""".split(";")  # noqa: SIM905
# International bodies by their short names and their full names ("Manila signs cyber
# pact with the North Atlantic Treaty Organization"): a keyword in one form finds the
# others. No loose name ("North Atlantic alliance" finds a fishing nations' alliance);
# and a short name another body or a currency shares ("ICC", the cricket council; "AU",
# the Australian dollar) is found only as written (``SHARED_SHORT_NAMES``).
SPELLED_OUT: dict[str, tuple[str, ...]] = {
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "EU": ("European Union",),
    "UN": ("United Nations",),
    "AU": ("African Union",),
    "ICC": ("International Criminal Court",),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "IMF": ("International Monetary Fund",),
    "WHO": ("World Health Organization", "World Health Organisation"),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "IAEA": ("International Atomic Energy Agency",),
}
SHARED_SHORT_NAMES = frozenset({"AU", "ICC"})
# Capitals and seats that stand for their governments ("Beijing says", "talks in Geneva").
_CAPITALS = """Washington; Moscow; Beijing; Kyiv; Kiev; Tehran; Jerusalem; Tel Aviv; Brussels;
London; Paris; Berlin; Rome; Madrid; Tokyo; Seoul; Pyongyang; New Delhi; Islamabad; Kabul;
Baghdad; Damascus; Beirut; Cairo; Ankara; Istanbul; Riyadh; Doha; Abu Dhabi; Caracas;
Havana; Taipei; Geneva; The Hague; Davos; Minsk; Warsaw; Budapest; Vienna; Prague;
Athens; Lisbon; Dublin; Stockholm; Oslo; Copenhagen; Helsinki; Nuuk; Ottawa; Mexico
City; Bogota; Bogotá; Buenos Aires; Brasilia; Brasília; Nairobi; Addis Ababa; Khartoum;
Tripoli; Abuja; Pretoria; Kinshasa; Manila; Jakarta; Bangkok; Hanoi; Dhaka; Kathmandu;
Colombo; Canberra; Pristina; Belgrade; Sarajevo; Tbilisi; Yerevan; Baku; Munich""".split(";")  # noqa: SIM905
# Cities and regions that foreign news names without its country ("Valencia flood
# inquiry", "strikes on Kharkiv"). No city of the home countries (see the module) is
# listed: in those outlets' feeds they are the local news.
_CITIES = """Valencia; Barcelona; Seville; Milan; Naples; Venice; Lyon; Marseille; Hamburg;
Frankfurt; Cologne; Amsterdam; Rotterdam; Antwerp; Zurich; Krakow; Gdansk; Kharkiv;
Odesa; Odessa; Lviv; Dnipro; Zaporizhzhia; Mariupol; Kherson; Donetsk; Luhansk; Bakhmut;
St Petersburg; St. Petersburg; Kaliningrad; Transnistria; Karabakh; Abkhazia; Aleppo;
Idlib; Homs; Mosul; Basra; Erbil; Rafah; Khan Younis; Hebron; Jenin; Nablus; Ramallah;
Darfur; El Fasher; Port Sudan; Goma; Mogadishu; Benghazi; Misrata; Jeddah; Mecca; Dubai;
Sharm el-Sheikh; Mumbai; Karachi; Lahore; Kolkata; Chennai; Bengaluru; Bangalore;
Balochistan; Xinjiang; Shanghai; Shenzhen; Guangzhou; Wuhan; Macau; Osaka; Kyoto;
Hiroshima; Fukushima; Okinawa; Busan; Aceh; Bali; Mindanao; Lagos; Johannesburg; Cape
Town; Durban; Sao Paulo; São Paulo; Rio de Janeiro; Guadalajara; Monterrey; Medellin;
Medellín; Quito; La Paz; Montevideo; Strait of Hormuz; Hormuz; Red Sea; South China Sea;
Black Sea""".split(";")  # noqa: SIM905
# Leaders a headline names alone ("Putin says ...", "Xi's purge"), as of 2026, and the
# regions and groups in the news the lists above do not hold ("Tigray", "M23").
_LEADERS = """Putin; Zelensky; Zelenskyy; Zelenskiy; Xi Jinping; Modi; Netanyahu; Erdogan;
Erdoğan; Khamenei; Kim Jong Un; Kim Jong-un; Macron; Merz; Meloni; Orban; Orbán; Milei;
Sheinbaum; Lula; Maduro; Lukashenko; Guterres; Rutte; von der Leyen; Kallas; Takaichi;
al-Sharaa; Sisi; el-Sisi; Abbas; Tigray; Kursk; Sinaloa; DRC; M23; Côte d'Ivoire; Al Qaeda;
Al-Qaeda""".split(";")  # noqa: SIM905
# The home countries of most English-language feeds (see the module), each with its
# names, capitals and seats: they count only beside another name, or one another
# ("Canada gives U.S. arms makers the cold shoulder").
_HOMES = {
    home: frozenset(" ".join(n.split()) for n in names.split(";"))
    for home, names in {
        "United States": """United States; U.S.; US; USA; U.S.A.; Washington; White House;
        Pentagon; State Department""",
        "United Kingdom": """United Kingdom; U.K.; UK; Britain; British; Briton; Britons;
        England; English; Scotland; Scottish; Wales; Welsh; London; Downing Street""",
        "Ireland": "Ireland; Irish; Dublin",
        "Canada": "Canada; Canadian; Canadians; Ottawa",
        "Australia": "Australia; Australian; Australians; Canberra",
        "New Zealand": "New Zealand",
    }.items()
}
_HOME = {name: home for home, names in _HOMES.items() for name in names}
# As often a first name, a player, a state or a bird as the place; and the continents
# whose adjective is in as many local reports ("an American Airlines flight", "African
# American voters").
_AMBIGUOUS = frozenset({"Chad", "Jordan", "Georgia", "Turkey"})
_CONTINENTS = frozenset({"America", "Africa", "Asia"})


def _alternatives() -> list[str]:
    # A name may break across the lines above: its words are joined by one space.
    every = (*_COUNTRIES, *_BODIES, *_CAPITALS, *_CITIES, *_LEADERS)
    names = {" ".join(n.split()) for n in every}
    names.discard("")
    for place, forms in DEMONYMS.items():
        if place in _CONTINENTS:
            continue
        if place not in _AMBIGUOUS:
            names.add(place)
        names.update(forms)
        names.update(form + "s" for form in forms if not form.endswith(("ese", "ss", "sh", "ch")))
    # Longest first, so "South Sudan" is read whole before "Sudan".
    return sorted(names, key=lambda n: (-len(n), n))


# A place in a paper's or a programme's name is no news of it: a photo credit "(... /The
# Washington Post)" or "a USA Today story" on a local report.
_MASTHEAD = (
    r"(?! (?:Post|Times|Today|Examiner|Journal|Herald|Tribune|Daily|Independent|Telegraph|"
    r"Star|Sun|Magazine)\b)"
)
# Case-sensitive: "US" is not "us", and "Turkish" not "turkish" of a recipe.
# A hyphen joins names ("Israel-Hamas talks", "Kyiv-based", "pro-Russian"); "Indian-
# American" is an American.
_WORLD = re.compile(
    r"(?<![\w.])(?:" + "|".join(map(re.escape, _alternatives())) + r")(?!\w|-American)" + _MASTHEAD
)


def names_the_world(text: str) -> bool:
    """Whether ``text`` names a country, its people, a capital, a region in the news, an
    international body or a leader ("Sudan", "Iranians", "Beijing", "NATO", "Putin"), as
    written with their capitals; a home country's names alone do not count (see the
    module)."""
    homes = set()
    for match in _WORLD.finditer(text):
        home = _HOME.get(match.group(0))
        if home is None:
            return True
        homes.add(home)
    return len(homes) > 1


# Each country by the names a lead gives it: its name, people and adjective (above), its
# other names and its capital. Regions inside a country count as the country ("Crimea",
# "Scotland"); regions across borders ("Kashmir", "Kurdistan"), continents and seas are
# no country. Palestine is one, and a report naming it fits one naming Israel (see
# :data:`NEIGHBOURS`). "Washington" is left out (a state, a person), and so are the
# names a lead uses as often for something else (:data:`_AMBIGUOUS`, "American").
_COUNTRY_NAMES = {
    country: names.split(";")
    for country, names in {
        "United States": "United States;U.S.;US;USA;U.S.A.;New Mexico",
        "Britain": "United Kingdom;U.K.;UK;London;Scotland;Scottish;Wales;Welsh;Northern Ireland",
        "Saudi Arabia": "Saudi Arabia;Saudi;Saudis;Riyadh;Jeddah",
        "United Arab Emirates": "United Arab Emirates;UAE;Emirati;Emiratis;Abu Dhabi;Dubai",
        "China": "Beijing;Hong Kong;Tibet;Tibetan;Xinjiang;Shanghai",
        "Russia": "Moscow;Kremlin;Chechnya;Chechen;Kaliningrad",
        "Ukraine": "Kyiv;Kiev;Crimea;Crimean;Donbas;Kharkiv;Odesa;Odessa;Lviv",
        "Palestine": "Gaza;Gazan;Gazans;West Bank;Ramallah;Rafah;Khan Younis",
        "Israel": "Jerusalem;Tel Aviv;Knesset",
        "Denmark": "Copenhagen;Greenland;Greenlandic;Nuuk",
        "Spain": "Madrid;Catalonia;Catalan",
        "Korea": "North Korea;South Korea;Seoul;Pyongyang",
        "Congo": "DRC;Kinshasa;Goma",
        "Ivory Coast": "Ivory Coast;Côte d'Ivoire",
        "Sri Lanka": "Sri Lanka;Sri Lankan;Sri Lankans;Colombo",
        "El Salvador": "El Salvador;Salvadoran",
        "North Macedonia": "North Macedonia;Macedonia",
        "East Timor": "East Timor;Timor-Leste",
        "Vatican": "Vatican;Holy See",
        "France": "Paris;Élysée;Elysee",
        "Germany": "Berlin;Bundestag",
        "Japan": "Tokyo;Okinawa",
        "India": "New Delhi;Mumbai",
        "Pakistan": "Islamabad;Karachi;Lahore;Balochistan",
        "Afghanistan": "Kabul",
        "Iran": "Tehran",
        "Iraq": "Baghdad;Mosul;Erbil",
        "Syria": "Damascus;Aleppo;Idlib",
        "Lebanon": "Beirut",
        "Egypt": "Cairo",
        "Turkey": "Ankara;Istanbul;Turkish;Turkiye;Türkiye",
        "Qatar": "Doha",
        "Venezuela": "Caracas",
        "Cuba": "Havana",
        "Taiwan": "Taipei",
        "Thailand": "Bangkok",
        "Vietnam": "Hanoi",
        "Philippines": "Manila;PH",
        "Indonesia": "Jakarta;Bali",
        "Sudan": "Khartoum;Darfur;El Fasher;Port Sudan",
        "South Sudan": "South Sudan;South Sudanese;Juba",
        "Guinea-Bissau": "Guinea-Bissau",
        "Libya": "Tripoli;Benghazi",
        "Nigeria": "Abuja;Lagos",
        "South Africa": "South Africa;Pretoria;Johannesburg;Cape Town",
        "Kenya": "Nairobi",
        "Ethiopia": "Addis Ababa;Tigray",
        "Colombia": "Bogota;Bogotá",
        "Argentina": "Buenos Aires",
        "Brazil": "Brasilia;Brasília;Sao Paulo;São Paulo;Rio de Janeiro",
        "Mexico": "Mexico City",
        "Belarus": "Minsk",
        "Poland": "Warsaw",
        "Hungary": "Budapest",
        "Austria": "Vienna",
        "Czechia": "Prague;Czech Republic",
        "Greece": "Athens",
        "Portugal": "Lisbon",
        "Ireland": "Dublin",
        "Sweden": "Stockholm",
        "Norway": "Oslo",
        "Finland": "Helsinki",
        "Canada": "Ottawa;British Columbia;Ontario;Quebec;Alberta",
        "Australia": "Canberra;New South Wales;Queensland;Tasmania",
        "Bangladesh": "Dhaka",
        "Nepal": "Kathmandu",
        "Serbia": "Belgrade",
        "Kosovo": "Pristina",
        "Bosnia": "Sarajevo",
        "Georgia": "Tbilisi;Georgian",
        "Armenia": "Yerevan",
        "Azerbaijan": "Baku",
        "Netherlands": "The Hague;Amsterdam",
        "Italy": "Rome",
        "Switzerland": "Geneva",
        "Somalia": "Mogadishu",
    }.items()
}
# The other capitals, as a dateline gives them ("TUNIS, Dec. 10 (TAP) - Parliament adopted
# the finance bill ..."): a national agency's report of its own news names its country by
# nothing else. Left out: capitals that are as often a person or another place ("Sofia",
# "Victoria", "Kingston", "Santiago", "Georgetown", "Nassau", "Male", "Wellington", and
# the surnames "Lima" and "Muscat", Malta's former prime minister's),
# those of a country the lists above leave out ("Amman", "N'Djamena"), and "Brazzaville"
# (the other Congo's).
_CAPITALS_ALONE = """Tunisia: Tunis; Morocco: Rabat; Algeria: Algiers; Bahrain: Manama;
Yemen: Sanaa, Sana'a; Zambia: Lusaka; Zimbabwe: Harare; Malawi: Lilongwe;
Angola: Luanda; Namibia: Windhoek; Botswana: Gaborone; Mozambique: Maputo;
Tanzania: Dodoma, Dar es Salaam; Uganda: Kampala; Rwanda: Kigali; Ghana: Accra;
Senegal: Dakar; Mali: Bamako; Niger: Niamey; Burkina Faso: Ouagadougou; Guinea: Conakry;
Sierra Leone: Freetown; Liberia: Monrovia; Togo: Lomé, Lome; Benin: Cotonou, Porto-Novo;
Cameroon: Yaoundé, Yaounde; Gabon: Libreville; Mauritania: Nouakchott; Gambia: Banjul;
Madagascar: Antananarivo; Eritrea: Asmara; Lesotho: Maseru; Eswatini: Mbabane;
Ecuador: Quito; Bolivia: La Paz; Uruguay: Montevideo;
Paraguay: Asunción, Asuncion; Nicaragua: Managua; Honduras: Tegucigalpa;
Guatemala: Guatemala City; Haiti: Port-au-Prince; Dominican Republic: Santo Domingo;
El Salvador: San Salvador; Romania: Bucharest; Moldova: Chisinau, Chișinău;
Lithuania: Vilnius; Latvia: Riga; Estonia: Tallinn; Iceland: Reykjavik, Reykjavík;
Malta: Valletta; Cyprus: Nicosia; Albania: Tirana; Montenegro: Podgorica; Croatia: Zagreb;
Slovenia: Ljubljana; Slovakia: Bratislava; Switzerland: Bern; Uzbekistan: Tashkent;
Kazakhstan: Astana; Kyrgyzstan: Bishkek; Tajikistan: Dushanbe; Turkmenistan: Ashgabat;
Mongolia: Ulaanbaatar; Cambodia: Phnom Penh; Laos: Vientiane;
Myanmar: Naypyitaw, Naypyidaw, Yangon; Malaysia: Kuala Lumpur; Bhutan: Thimphu;
Papua New Guinea: Port Moresby; Fiji: Suva; Samoa: Apia; Tonga: Nuku'alofa""".split(";")  # noqa: SIM905
for entry in _CAPITALS_ALONE:
    country, capitals = entry.split(":")
    for capital in capitals.split(","):
        _COUNTRY_NAMES.setdefault(country.strip(), []).append(capital.strip())
# The cities a dateline gives, in capitals too.
_DATELINE_CITIES = frozenset(
    " ".join(name.split())
    for name in (
        *_CAPITALS,
        *(capital for entry in _CAPITALS_ALONE for capital in entry.split(":")[1].split(",")),
    )
) - {""}
# Continents: where countries are, no country of their own.
CONTINENTS = frozenset({"Africa", "America", "Asia", "Europe"})
# The countries a topic named for a continent holds ("NATO in Asia": NATO with the
# Philippines is that topic). Asia as a foreign desk's Indo-Pacific: East, Southeast
# and South Asia; not the Middle East, Central Asia or Afghanistan, filed apart. Nor
# China or North Korea: beside a body of elsewhere they are as often its other news
# ("NATO says China is the main enabler of Russia's war").
COUNTRIES_OF = {
    "Asia": frozenset(
        {"Japan", "South Korea", "Taiwan", "Mongolia"}
        | {"Philippines", "Vietnam", "Thailand", "Cambodia", "Laos", "Myanmar", "Malaysia"}
        | {"Singapore", "Indonesia", "Brunei", "Timor-Leste", "India", "Pakistan"}
        | {"Bangladesh", "Sri Lanka", "Nepal", "Bhutan", "Maldives"}
    ),
}
# Sub-national places and regions of the lists above that are no one country.
_NO_COUNTRY = CONTINENTS | {"Kashmir", "Kurdistan", "England", "Jordan", "Chad"}
# The names of :data:`_COUNTRIES` that are regions or peoples across borders, and its
# adjectives, by country.
_REGIONS = frozenset(
    " ".join(name.split())
    for name in """Sahel;Balkans;Caribbean;Middle East;Latin America;Latin American;Arctic;
    Antarctica;South America;South American;Central America;Central American;Persian Gulf;
    Golan;Kurds;Rohingya;Uyghur;Uyghurs;Uighur""".split(";")  # noqa: SIM905
)
_PEOPLE = {
    "Salvadoran": "El Salvador",
    "Paraguayan": "Paraguay",
    "Maltese": "Malta",
    "Angolan": "Angola",
    "Liberian": "Liberia",
}
# Pairs of countries whose reports tell one conflict from either side.
NEIGHBOURS = frozenset({frozenset({"Israel", "Palestine"})})


def _country_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for place, adjectives in DEMONYMS.items():
        if place in _NO_COUNTRY:
            continue
        for form in (place, *adjectives):
            forms[form] = place
            if not form.endswith(("ese", "ss", "sh", "ch")):
                forms[form + "s"] = place
    for entry in _COUNTRIES:
        name = " ".join(entry.split())
        if name and name not in _REGIONS:
            forms.setdefault(name, _PEOPLE.get(name, name))
    for country, names in _COUNTRY_NAMES.items():
        for name in names:
            forms[" ".join(name.split())] = country
            # A dateline sets its city in capitals ("TUNIS, Dec. 10 (TAP) -"); not a
            # country's adjective ("GEORGIAN BAY COTTAGE FIRE").
            if name in _DATELINE_CITIES:
                forms[" ".join(name.upper().split())] = country
    for name in (
        "Georgia",
        "Georgians",
        "Turkey",
        "Turkeys",
        "England",
        "English",
        "Kashmiri",
        "Kurdish",
    ):
        forms.pop(name, None)
    forms["Georgian"] = "Georgia"
    # The country's institutions, which no US state has: "The Parliament of Georgia".
    for name in ("Parliament of Georgia", "Georgia's parliament", "Georgia's Parliament"):
        forms[name] = "Georgia"
    forms["Turkish"] = "Turkey"
    return forms


_COUNTRY_FORMS = _country_forms()
# A place's name inside another name: a treaty or a convention ("Rome Statute", "Paris
# Agreement", "Geneva Conventions"), a tournament or a club ("Australian Open", "Real
# Madrid", "Paris Saint-Germain", "Fighting Irish"), a sea or a delta ("Indian Ocean",
# "Gulf of Guinea", "Niger Delta"), a language ("Spanish-language"), a currency ("US$").
_INSIDE_A_NAME = r"(?<!\bReal )(?<!\bGulf of )(?<!\bFighting )(?<!\bNew )"
_NOT_THE_COUNTRY = (
    r"(?![ -](?:Statute|Conventions?|Agreement|Accords?|Protocol|Amendment|Manual|Group|Open|"
    r"Ocean|Sea|Delta|"
    r"Saint-Germain|language|speaking)\b|\$)"
)
# A US town named like a capital, as an AP dateline gives it: "ATHENS, Ga. (AP) -",
# "MOSCOW, Idaho" (the states it writes out), not a list ("Mexico, Texas and ...").
_A_TOWN_OF_A_STATE = (
    r"(?!,?\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|"
    r"Minn|Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|"
    r"Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo)\.|,\s+(?:Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Texas|Utah)"
    r"\b(?!\s+and\b))"
)
_COUNTRY = re.compile(
    r"(?<![\w.])"
    + _INSIDE_A_NAME
    + r"(?:"
    + "|".join(
        # "PH" is the Philippines as its outlets write it, not "a PH.D." nor "a pH of 7".
        r"(?<!\()PH(?!\.\w|\))(?!\s+of\b)" if name == "PH" else re.escape(name)
        for name in sorted(_COUNTRY_FORMS, key=lambda n: (-len(n), n))
    )
    + r")(?!\w|-American)"
    + _MASTHEAD
    + _NOT_THE_COUNTRY
    + _A_TOWN_OF_A_STATE
)


def is_a_city(name: str) -> bool:
    """Whether ``name`` is a capital or a city of the lists above ("Lusaka", "Geneva",
    "Doha"), not a country or a people."""
    return " ".join(name.split()) in _ANY_CITY


_ANY_CITY = _DATELINE_CITIES | {" ".join(n.split()) for n in _CITIES} - {""}


def countries_named(text: str) -> frozenset[str]:
    """The countries ``text`` names by a name, a people, an adjective or a capital, as
    written with their capitals ("Thai", "Kabul", "U.S."): one name per country."""
    return frozenset(_COUNTRY_FORMS[m.group(0)] for m in _COUNTRY.finditer(text))
