"""Page furniture never reaches a story field; real sentences that look like it stay.

Each case is written in the shape real pages and feeds give it (captions, player
chrome, galleries, wire credits, datelines of every form), and each false-positive
guard is a news sentence that shares a word with a rule.
"""

from __future__ import annotations

import pytest

from digest.hygiene import clean_sentence, clean_sentences, furniture_kind


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("CHICAGO (Skyline 7) — Police closed the bridge.", "Police closed the bridge."),
        ("Salahuddin, Libya (CNN) -- Fighters took the town.", "Fighters took the town."),
        # CNN's pages today: the place and "CNN" in two spans, read as one word or two.
        ("Bogotá, ColombiaCNN — Venezuela freed 23 men.", "Venezuela freed 23 men."),
        ("Hong KongCNN — The court ruled.", "The court ruled."),
        ("Washington CNN — The Senate voted.", "The Senate voted."),
        ("CNN — The Senate voted.", "The Senate voted."),
        ("CNN reported the vote — and the senators' anger.", None),
        ("CAIRO—Protesters filled the square.", "Protesters filled the square."),
        ("NEW YORK - Stocks fell on Monday.", "Stocks fell on Monday."),
        # An agency's credit with the place and day before it, and a date with the place.
        ("Ostby, Dec 24 (Prensa Latina) Vell signed the pact.", "Vell signed the pact."),
        ("GAZA/JERUSALEM Israel's cabinet met late.", "Israel's cabinet met late."),
        # Capitals past Latin-1, and a place of two short words.
        ("HÀ NỘI — Rain flooded 22,000 houses.", "Rain flooded 22,000 houses."),
        ("ĐÀ NẴNG — The toll rose to 17.", "The toll rose to 17."),
        ("ŁÓDŹ — The plant closed.", "The plant closed."),
        ("(Associated Press) The court ruled on Friday.", "The court ruled on Friday."),
        ("Briefly: The alliance agreed a new plan.", "The alliance agreed a new plan."),
        ("Story highlights NASA says the crew is safe.", "NASA says the crew is safe."),
        ("Why it matters: Prices are rising.", "Prices are rising."),
        # Wires' marks on a title.
        ("(LEAD) BOK cuts key rate to 2.25 pct", "BOK cuts key rate to 2.25 pct"),
        ("(2nd LD) N. Korea fires ballistic missile", "N. Korea fires ballistic missile"),
        ("(News Focus) Why the pact matters to Seoul", "Why the pact matters to Seoul"),
        ("UPDATE 2-Bank of Korea cuts rates", "Bank of Korea cuts rates"),
        ("REFILE-Bank of Korea cuts rates", "Bank of Korea cuts rates"),
        # A feed's section before a title; a table's row of cells stays.
        (
            "[Nation] PBBM, NATO chief seal maritime framework",
            "PBBM, NATO chief seal maritime framework",
        ),
        ("World | Denmark summons US envoy", "Denmark summons US envoy"),
        ("Asia Pacific | Vell signs pact with Ostland", "Vell signs pact with Ostland"),
        ("Harbour Strike Ends | Vell News", "Harbour Strike Ends | Vell News"),
        ("World | Ostland strikes Vell", "Ostland strikes Vell"),
        ("The plan [for Gaza] stalls on Monday.", "The plan [for Gaza] stalls on Monday."),
        (
            "[The ceasefire] is holding, the envoy said.",
            "[The ceasefire] is holding, the envoy said.",
        ),
        (
            "The People's Action Party (PAP) MP said so.",
            "The People's Action Party (PAP) MP said so.",
        ),
        ("(UN) peacekeepers left the town on Monday.", None),
        ("PRE-OWNED car sales rose 4% in May.", None),
        # A correction's date.
        ("Update, 21 April: The hearing was moved to May.", "The hearing was moved to May."),
        ("Updated at 3:15 p.m. ET: The ferry sailed.", "The ferry sailed."),
        ("Updated figures from 2020 show: the ferry ran late.", None),
        ("BOSTON — Story highlights The race resumed.", "The race resumed."),
        # Press releases syndicated into feeds.
        (
            "CHICAGO, Nov. 30, 2018 /PRNewswire/ -- The airline announced a new alliance.",
            "The airline announced a new alliance.",
        ),
        (
            "TORONTO, Jan. 5, 2024 (GLOBE NEWSWIRE) -- The miner reported record sales.",
            "The miner reported record sales.",
        ),
        (
            "SAN FRANCISCO--(BUSINESS WIRE)--The chipmaker agreed to buy a rival.",
            "The chipmaker agreed to buy a rival.",
        ),
        ("BOSTON--The hospital opened a new wing.", "The hospital opened a new wing."),
        # A wire's date in capitals (ANSA), an agency after a place and date (VNA).
        ("CAIRO, DEC 1 - Italy will give 60 million euros.", "Italy will give 60 million euros."),
        ("ROME, NOV 30 - Premier Meloni met Erdogan.", "Premier Meloni met Erdogan."),
        ("Hanoi, December 3 (VNA) – Floods killed nine.", "Floods killed nine."),
        ("ABU DHABI, 2nd December, 2026 (WAM) -- The fair opened.", "The fair opened."),
        ("DUBAI, 3 December 2026 (WAM) -- The fair opened.", "The fair opened."),
        ("EURO 2028 — Britain and Ireland will host the tournament.", None),
        ("Rome, December 3 was a wet day in the capital.", None),
        ("Ho Chi Minh City, December 3 (VNA) – Floods killed nine.", "Floods killed nine."),
        ("PARIS, 3 DEC (AFP) - Protesters marched.", "Protesters marched."),
        # An agency with the date and no dash (CNA); EFE's ".-".
        (
            "Taipei, Nov. 29 (CNA) The opposition won 14 of 22 races.",
            "The opposition won 14 of 22 races.",
        ),
        ("Kuala Lumpur (EFE).- At least five people died.", "At least five people died."),
        # An agency named as the subject is no dateline.
        ("Vietnam News Agency (VNA) reported that floods had killed nine people.", None),
        ("REAL MADRID 2 - 1 BARCELONA: Mbappe scored twice.", None),
        ("Apollo 11 (NASA) – The crew landed.", None),
        (
            "Dec 17 (Reuters) - A ticket frenzy gripped the state.",
            "A ticket frenzy gripped the state.",
        ),
        ("Chicago, Nov. 30, 2018 was the coldest day of the year.", None),
        ("May 5 - 7 were the days of the harbour fair.", None),
        # A timeline's entry keeps its date (a page's date line opens its text only).
        ("March 11, 2011 – A magnitude 9.0 earthquake struck off the coast.", None),
        # A country of three words; a city with its state's abbreviation.
        (
            "DUBAI, United Arab Emirates — The airline ordered 30 jets.",
            "The airline ordered 30 jets.",
        ),
        (
            "New York, NY – The startup named a new strategy chief.",
            "The startup named a new strategy chief.",
        ),
        ("Portland, Ore. — The city closed the bridge.", "The city closed the bridge."),
        # Places joined by a slash, with a place of two words and its country.
        (
            "MANILA/TACLOBAN CITY, Philippines Rescue crews reached the coast.",
            "Rescue crews reached the coast.",
        ),
        ("OSLO/BERGEN, South Korea Officials met.", "Officials met."),
        ("OSLO/BERGEN (Reuters) - Talks resumed on Monday.", "Talks resumed on Monday."),
        ("DILLING / KADUGLI – The toll rose to 26.", "The toll rose to 26."),
        # An outlet's own credit before a slash; not two places joined by one.
        (
            "Harbour News/ The ministry said the tables were ready.",
            "The ministry said the tables were ready.",
        ),
        ("Kyiv/Moscow talks resumed on Friday.", "Kyiv/Moscow talks resumed on Friday."),
        # A place written with its accents, in capitals.
        ("BOGOTÁ, Colombia — The toll rose to 31.", "The toll rose to 31."),
        ("SÃO PAULO — Rates held on Wednesday.", "Rates held on Wednesday."),
        ("ÉVORA (Reuters) - A fire broke out.", "A fire broke out."),
        # A national agency's, with the date's year and the agency after it.
        ("RAMALLAH, January 9, 2027, WAFA – The office denied it.", "The office denied it."),
        ("GAZA, AP – The ministry said so.", "The ministry said so."),
        ("Damascus, SANA – The ministry said so.", "The ministry said so."),
        # A transcript's time marks.
        (
            "[00:12] The minister said the price was ₱2.4 billion. [01:30] Talks go on.",
            "The minister said the price was ₱2.4 billion. Talks go on.",
        ),
        # A US state's letters are kept apart from an agency's.
        ("New York, NY - The mayor said so.", "The mayor said so."),
        # An agency's name with a hyphen in it.
        (
            "DUSHANBE, December 3 (Asia-Plus) — Two days on, talks began.",
            "Two days on, talks began.",
        ),
        # A record's or a bill's versions are no correction notes.
        ("The original version appeared on the band's 1979 album.", None),
        ("A previous version has been vetoed twice by the president.", None),
        ("Families can contact the embassy, the minister said on Monday.", None),
        ("Aid convoys can reach the front line only at night, when drones are grounded.", None),
        ("Under the deal, migrants may contact the consulate to renew passports.", None),
        ("Support for local journalism fell by a third under the new budget.", None),
        ("Support for local journalism with public money fell sharply last year.", None),
        # A call to support reporters that someone made is news.
        ("Support local journalism, the mayor told the council on Monday.", None),
        # A news agency's end mark.
        ("Two citizens were among the victims./.", "Two citizens were among the victims."),
        ("The fare rose 3/4 of a point.", None),
        # A live blog's entry time.
        ("10:42 P.M. The ceasefire held overnight.", "The ceasefire held overnight."),
        ("11:05 Rockets were fired at the port.", "Rockets were fired at the port."),
        ("The vote closed at 10:42 P.M. on Friday.", None),
        # An audio player's label and its fallback text.
        (
            "LISTEN: Bus fares rise again in the capital Your browser does not support the "
            "audio element.",
            "Bus fares rise again in the capital",
        ),
        ("Bus fares rise again in the capital Your browser", "Bus fares rise again in the capital"),
        ("Clear the history in your browser after each visit.", None),
        # Tickers and instrument codes the page prints as links.
        (
            "Shares of Harbor Ltd.’s HBR, +2.31% parent rose.",
            "Shares of Harbor Ltd.’s parent rose.",
        ),
        ("The 10-year note DE10YT=RR fell 3/32.", "The 10-year note fell 3/32."),
        ("Acme Corp (ACME.O) said it would cut jobs.", "Acme Corp said it would cut jobs."),
        ("Tidewater (NYSE: TDW) and the index .SPX rose.", "Tidewater and the index rose."),
        ("The S&P 500, +1.2% on the week, closed higher.", None),
        ("Paris, France and Berlin agreed on the plan.", None),
        (
            "The review is out. The post Our review appeared first on Gadget Blog.",
            "The review is out.",
        ),
        # A courtesy title before a name goes; "an honourable member" stays.
        ("Hon. Haimbe held talks in Beijing.", "Haimbe held talks in Beijing."),
        ("The Rt. Hon. Ann Lee spoke first.", "Ann Lee spoke first."),
        ("Hon'ble Minister Rai visited Chennai.", "Minister Rai visited Chennai."),
        ("She was a Hon. member of the club.", None),
        ("The Rt Hon Ann Lee MP spoke first.", "Ann Lee MP spoke first."),
        ("He appeared before the Hon'ble High Court of Ardell.", None),
        ("Hon Lai spoke first.", None),
    ],
)
def test_starts_and_ends_that_are_furniture_are_cut(raw: str, clean: str | None) -> None:
    assert clean_sentence(raw) == (raw if clean is None else clean)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("Hide Caption 1 of 13 Photos: Notable moments of the station.", "photo caption"),
        ("Full Screen Autoplay Close Skip Ad × The moment a lion is shot.", "player chrome"),
        ("CLOSE Animal advocacy group files a complaint.", "player chrome"),
        ("Rating is available when the video has been rented.", "player chrome"),
        # A live page's standing lines.
        ("This page is updated continuously.", "live page notice"),
        ("All times are Tashkent time (GMT+5).", "live page notice"),
        ("Times are Peru time (GMT-5).", "live page notice"),
        ("Newest updates appear first.", "live page notice"),
        ("LIVE", "live page notice"),
        ("Follow this page for updates.", "live page notice"),
        # A news video's page: a call to watch, the clip's caption.
        ("Watch the report from Dana Ruiz on Channel 4 News at 6 p.m. Monday.", "player"),
        ("Watch the full interview below.", "player chrome"),
        ("Dana Ruiz reports during Evening News at 6pm on June 1, 2018.", "player chrome"),
        ("Ann Holt reports for Eyewitness News at 11 p.m. on Friday.", "player chrome"),
        ("Ann Holt reports during Channel 4 News at 6pm on May 1, 2026.", "player chrome"),
        ("Media playback is unsupported on your device Media caption A march.", "player"),
        ("CORRECTS DAY OF DANCE TO SATURDAY Police cars sit parked.", "correction"),
        ("Correction, Nov. 18: An earlier version of this article misstated a day.", "correct"),
        ("An earlier version was published on Dec. 1.", "correction"),
        ("An earlier version was published in error.", "correction"),
        ("An earlier version was published at 9:30 a.m. on Thursday.", "correction"),
        ("An earlier version appeared at 14:05 GMT.", "correction"),
        ("The court order referred to in this story has been amended.", "correction"),
        ("Stay with Harbour Radio for developments in this story.", "correction"),
        ("This is a developing story and will be updated.", "correction"),
        ("The app lets harbour staff to: Instantly see where every ferry is.", "teaser"),
        ("The fisherman shows his injured hand after the crossing.", "photo caption"),
        ("Ana Lind reported from Setubal and Ola Berg from Lisbon.", "byline"),
        ("Please check back later for updates.", "correction"),
        ("You have reached your limit of free articles.", "promo"),
        ("Support truly independent journalism.", "promo"),
        ("Please support our journalism today.", "promo"),
        ("(Takashi Ohno)", "photo caption or credit"),
        ("(Ana Lind/Harbour Press)", "photo caption or credit"),
        ("December 2, 2026 at 20:15 JST", "photo caption or credit"),
        ("Posted 3 December 2026, 10:15", "photo caption or credit"),
        ("Dear Reader, The Harbour Times has been reporting on the coast since 1956.", "promo"),
        ("Our journalism is free to read, but it is not free to produce.", "promo"),
        ("If you value our reporting, please consider supporting us with a monthly gift.", "promo"),
        ("Please consider supporting The Harbour Times by becoming a member.", "promo"),
        ("Our journalism is free for everyone, funded by readers like you.", "promo"),
        ("Britons in need of help should contact the embassy in Ardell.", "call to action"),
        ("Our mission is to deliver unbiased, fact-based reporting to all.", "promo"),
        ("This video is not available in your region.", "player"),
        ("This content is not available in your country.", "promo"),
        ("Neil Warner / Splash News", "photo caption"),
        ("Jonathan Ernst/Reuters", "photo caption"),
        ("Enlarge image Protesters Mohammed Abed/AFP/Getty Images Men walk past.", "photo"),
        ("President Smith speaks in the East Room, Thursday, Feb. 16, 2017.", "photo caption"),
        ("Jane Doe, left, and John Roe, right, at the awards dinner.", "photo caption"),
        ("Finance minister Jane Doe (right) greets her Danish counterpart.", "photo caption"),
        ("Members of the winning crew (from left) pose with the trophy.", "photo caption"),
        ("Mike Brown stands for a portrait in front of an artist's portrayal.", "photo caption"),
        ("A leopard sits in a tree at the Mashatu game reserve in Botswana.", "photo caption"),
        ("The new minister poses with her cabinet outside the palace.", "photo caption"),
        ("FILE - In this Aug. 26, 2014, file photo, a senator arrives.", "dateline"),
        ("| Soldiers help residents clean mud from houses. — VNA/VNS Photo |", "photo caption"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("— Jane Doe (@janedoe) November 18, 2026", "tweet"),
        ("Add a location to your Tweets", "tweet"),
        ("Get breaking news alerts delivered to your inbox.", "promo"),
        ("Newsletter Sign Up", "promo"),
        ("Starting in 1996, Alexa Internet has been donating their crawl data.", "crawl"),
        ("The Gazette uses cookies to personalise content.", "cookie"),
        ("Story highlights", "section label"),
        ("Story continues below", "promo"),
        ("Add Donald Trump as an interest to stay up to date on the latest news.", "promo"),
        ("Get Latest Harbour News along with Latest News from Politics and Crime.", "promo"),
        ("Follow Harbour Times on WhatsApp for the latest news.", "promo"),
        ("PTI ACB ZMN RT", "promo"),
        ("Views: {{hitsCtrl.values.hits}}", "promo"),
        ("The author is a Reuters Breakingviews columnist.", "byline"),
        ("The opinions expressed are his own.", "byline"),
        ("The Harbour Courier's Jane Roe contributed to this report.", "byline"),
        ("The shipyard did not immediately return a request for comment.", "no comment"),
        ("The mayor could not be reached for comment on Monday.", "no comment"),
        ("Anyone with information is asked to call detectives at (555) 010-4477.", "call to"),
        ("Witnesses are urged to contact the harbour police.", "call to action"),
        ("The helpline, 555-010-2233, is open all night.", "call to action"),
        ("Norlanders worried about family can contact the 24-hour Emergency Centre.", "call"),
        ("Here's what we know so far.", "teaser"),
        ("According to the coastguard, here’s how the rescue unfolded:", "teaser"),
        ("More from the Courier: Ferry fares to rise", "teaser"),
        # A sentence the page follows with a photo credit is the photo's caption.
        ("The captain waves from the bridge on Monday. (JANE ROE/AFP)", "photo caption"),
        ("Crews clear the quay on May 2. (Photo: John Doe, AP)", "photo caption"),
        ("The yard at dusk (AP Photo/Jane Roe, File)", "photo caption"),
        ("This image provided by the county jail shows Jane Doe on Tuesday.", "photo caption"),
        ("An undated photo released by police shows the boat in the harbour.", "photo"),
        ("NASA/ROE/DOE ET AL.", "photo caption"),
        ("Jane Doe speaks during a news conference in Cork on May 2.", "photo caption"),
        ("The crew on deck. (Jane Roe/for The Courier)", "photo caption"),
        # A caption cut short, credited to the wire.
        ("Doe told reporters Thursday, the president should take... (Associated Press)", "photo"),
        ("Moving swiftly, the agency forced out… (AP)", "photo caption"),
        # What today's outlets print around a report: credits and sign-offs, the wires'
        # funding notes, live pages' chatter, embeds' consent boxes, transcripts' marks.
        ("Daria Ivanova reported from Bishkek, and Timur Aliev from Osh.", "credit"),
        ("mf/jsi (AP, Reuters, AFP)", "credit"),
        ("ABC/wires", "credit"),
        ("(FRANCE 24 with AFP and Reuters)", "credit"),
        ("(With inputs from agencies)", "credit"),
        (
            "(Except for the headline, this story has not been edited by NDTV staff and is "
            "published from a syndicated feed.)",
            "credit",
        ),
        ("Jane Hale is the Courier’s Europe correspondent", "credit"),
        (
            "The wire's climate coverage receives financial support from private foundations.",
            "credit",
        ),
        ("AP is solely responsible for all content.", "credit"),
        ("The Courier's Coast Desk is supported by the Harbour Trust Foundation.", "credit"),
        (
            "The stories produced through the Coast Desk and the opinions that may be "
            "contained herein do not reflect those of the Harbour Trust Foundation.",
            "credit",
        ),
        ("Disclaimer: Views expressed by writers in this section are their own.", "credit"),
        ("Some information for this report came from the wires.", "credit"),
        ("With reports from Jane Roe in Ottawa", "credit"),
        ("(With AFP)", "credit"),
        ("- AFP", "credit"),
        ("Comments have been closed for this article.", "credit"),
        ("This transcript has been edited for length and clarity.", "credit"),
        ("READ | Ferry fares rise for the third time this year", "promo"),
        ("The Coast Health Desk is supported by the Ana & Jon Holm Foundation.", "credit"),
        ("This coverage is supported by a grant from the Harbour Trust.", "credit"),
        ("— With Reuters", "credit"),
        ("We have closed comments on this story for legal reasons.", "credit"),
        ("Follow the wire's Africa coverage at https://example.org/hub/africa", "promo"),
        ("Our morning email breaks down the key stories of the day", "promo"),
        ("Stay informed with the latest business news and market updates.", "promo"),
        ("skip past newsletter promotion", "promo"),
        ("Good morning and welcome to our live coverage of the eruption.", "teaser"),
        ("Thanks for joining us.", "teaser"),
        ("Stick with us for the latest.", "teaser"),
        ("Follow live as rescuers search for survivors after the quake.", "teaser"),
        ("Here is a summary of the latest developments:", "teaser"),
        ("#BBCBreaking", "social"),
        ("WhatsApp: +44 7700 900000", "social"),
        ("Allow X content?", "social"),
        (
            "This article contains content provided by X. We ask for your permission before "
            "anything is loaded, as they may be using cookies.",
            "social",
        ),
        (
            "To view this video please enable JavaScript, and consider upgrading your browser.",
            "player chrome",
        ),
        ("Video duration 04:12", "player chrome"),
        ("DANA KESSLER, HOST:", "player chrome"),
        ("(SOUNDBITE OF ARCHIVED RECORDING)", "player chrome"),
        ("The network's Jane Doe has been following the story from Johannesburg.", "player"),
        ("Our correspondent Tom Roe joins us now from Lusaka.", "player chrome"),
        ("Accuracy and availability of NPR transcripts may vary.", "player chrome"),
        ("The authoritative record of the programming is the audio record.", "player chrome"),
        # Clip cards, paywalls, sign-in boxes, channel calls, a sponsor's slot, a
        # translated page's notice, a privacy box and a page's stamp.
        ("Harbour board cuts ferry fares by 10%2:31", "player chrome"),
        ("The Evening ReportDec 3, 2026Duration 2:14", "player chrome"),
        ("You have 64.5% of this article left to read.", "promo"),
        ("The rest is for subscribers only.", "promo"),
        ("Log in This is a translation of an article first published in Spanish.", "notice"),
        ("Already a subscriber? Log in", "promo"),
        ("Join the Courier's WhatsApp Channel and get the latest news.", "promo"),
        ("Good journalism takes time and money.", "promo"),
        ("A message from the Harbour Ferry Alliance:", "promo"),
        (
            "This is a translation of an article first published in Portuguese on the "
            "paper's site; only the Portuguese version is binding on the publisher.",
            "correction notice",
        ),
        ("Published - December 5, 2026 10:10 pm IST", "correction notice"),
        ("This story was last updated at 9:45 pm with the latest figures.", "correction"),
        (
            "This news story has been written and carefully fact-checked by an external "
            "editorial team.",
            "correction notice",
        ),
        (
            "At Harbour Wire we select the news and we use automatic translation tools to "
            "translate it into English.",
            "correction notice",
        ),
        ("The Harbour Courier values your privacy", "cookie"),
        ("Thanks for following along.", "teaser"),
        (
            "You can scroll down to catch up on the day's developments, and we'll be back "
            "in the morning.",
            "teaser",
        ),
        ("The Courier's Jane Roe reports from Lusaka on the night's events", "player chrome"),
        # A dateline set as a line of its own.
        ("Lima, Jan. 7 (ANDINA).", "dateline"),
    ],
)
def test_furniture_sentences_are_dropped_and_named(raw: str, kind: str) -> None:
    assert clean_sentence(raw) == ""
    assert kind in furniture_kind(raw)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rocket alerts were sounded across the south on Tuesday.",
        "The Reuters/Ipsos poll found support had fallen to 38 per cent.",
        "The company said its newsletter business grew by 12 per cent last year.",
        "Live Nation said ticket sales had recovered.",
        "Background checks will be required for every gun sale, the governor said.",
        "US—China talks resume in Geneva next month.",
        "Prime Minister Jane Doe (Labour) said the vote would go ahead.",
        "Officials will follow up on the complaints next week.",
        "The Internet Archive said it would appeal the ruling.",
        "Three agencies contributed to this effort, the coastguard said.",
        "The film re-creates parts of this story told by a girl in 1973.",
        "Officials said the harbour rules will be updated next year.",
        "The poll shows his lead over the mayor has narrowed to two points.",
        "The question for the council is: who pays for the new quay?",
        "The autopsy report shows her injuries were consistent with a fall.",
        "The harbour board said the report is being updated to include new data.",
        "The ministry said machine translation tools would be banned in the courts.",
        "Brussels plans to regulate machine translation tools used by courts and hospitals.",
        "“This is a developing situation,” the harbour master said.",
        "The service, which is not available in your country yet, launched in May.",
        # Reports that use the words today's furniture uses.
        "The BBC's live coverage of the funeral drew 20 million viewers.",
        "Follow the money, the prosecutor told the jury.",
        "Jane Doe is the Courier's Europe correspondent and was detained on Monday.",
        "The agency receives support from the World Bank for its flood work.",
        "Stay-at-home orders were lifted on Monday.",
        "Carroll, who has been following the story closely, said the verdict was a relief.",
        "The National Archives called the tapes the authoritative record of the meeting.",
        "Regulators examined content provided by TikTok under the Digital Services Act.",
        "Evan Gershkovich is the Wall Street Journal's Moscow correspondent.",
        "At CNN — where he worked for two decades — King covered five presidents.",
        "Stay tuned, the minister said of a possible deal.",
        "Stick with us, he said, as the vote count continued.",
        "Telegram: founder Pavel Durov charged in France.",
        # Reports that use the words of today's new furniture.
        "The ferry left at 9:15 and reached the island at 10:40",
        "Residents were asked to log in to the council's portal to claim the grant.",
        "He urged voters to join the party's WhatsApp group, prosecutors said.",
        "Good journalism takes time and money, the editor told the inquiry.",
        "The court published its ruling on December 5, 2026, after a two-year inquiry.",
        "The regulator said the bank values your privacy less than its profits.",
        "Jane Roe reports from Lusaka that the curfew has been lifted.",
        "The minister said talks would resume and we'll be back at the table soon.",
        # A reviewer's sentences in the words of this session's patterns.
        "Striking dockers promised to return: we'll be back in the morning, one shouted.",
        "The treaty says only the English version is binding, the lawyers argued.",
        "This is a translation of an article that appeared in a French paper, the embassy said.",
        "The new AI feature is for subscribers only, the company announced on Monday.",
        "Login.gov, the federal sign-in service, went down on Monday.",
        "Sign in sheets at polling stations showed long queues.",
        "Join the thousands who have left Telegram group chats, the ministry urged.",
        "Good journalism depends on sources, Judge Smith wrote in the ruling.",
        "Scroll back to the 1990s, when the plant first opened.",
        "Amnesty International reports from Gaza on the famine",
        "The judge barred our live coverage of the sentencing, the station said.",
        "Ana Lind reported from Setubal that the ferry had docked safely.",
        "The situation at the quay is developing quickly, the mayor said.",
        "“There are no winners in this story,” the judge said.",
        "The ministry objected strongly to this report, calling it biased.",
        "The Pentagon did not respond to questions about the findings in this report.",
        "The Kremlin declined to comment on the talks.",
        "The ministry did not respond to the union's demands until March.",
        "The ministry did not respond to requests from the union to reopen the talks.",
        "Watchdogs said the caption on the ministry's post was misleading.",
        "The party turned right, left and right again over the budget, Doe said.",
        "Voters on the left (and some on the right) backed the plan.",
        "The author is suing the publisher over unpaid royalties, her lawyer said.",
        "Farmers want to stay up to date with the new rules, the minister said.",
        "Follow Harbour Times on WhatsApp, the ministry told civil servants, was a ban breach.",
        "PTI reported that the ferry docked at 6 a.m. on Monday.",
        "The boy who climbed the tree poses a question the council cannot answer.",
        "Jane Doe stands for re-election in the northern seat next spring.",
        "Here's what I think: the tax is too high, the mayor said.",
        "“Here’s what we will do,” the mayor said.",
        "The vote was 215-213 after a night of talks.",
        "Police said the caller dialled 911 at 2 a.m.",
        "Officials asked residents to report damage to the council.",
        "Watchers of the case expect a ruling on Friday.",
        "The photo shows the damage was worse than the council said.",
        "A photo obtained by the Courier shows the mayor meeting the donor in May.",
        "These images released by the agency on Tuesday show a galaxy far away.",
        "A report released by the ministry shows exports fell by a tenth.",
        "Watch groups reported the ship to the coastguard in May.",
        "Dana Ruiz reports on the talks from Geneva for the Courier.",
        "The BBC reports that the talks will resume on Monday at 10am.",
        # In the words of the desks' funders, sources and comment boxes.
        "The project is funded by the European Union and will build 40 schools.",
        "Critics say the measures do not reflect the views of most voters.",
        "The reforms do not reflect those of the previous government.",
        "With reports from the front line, the army said it had advanced.",
        "Comments by the minister were closed to the press, the union said.",
        "Analysts noted that the concerns expressed by investors do not reflect the fundamentals.",
        "According to the ministry, the views expressed by the envoy do not reflect its policy.",
        "Comments have been disabled on the video after a flood of abuse, the platform said.",
        "Comments are closed on Sundays, the museum said.",
        # A report's own day written out, as a caption's is.
        "The union declared a strike from today, Monday, November 30, 2026, over pay.",
        "“Please consider supporting the families of the crew,” the harbour master said.",
        "“Dear friends, I am alive and I am not giving up,” the skipper wrote from his cell.",
        "The blood bank asked residents to please consider donating after the ferry fire.",
        "December 2, 2026 was the coldest day on record at the harbour.",
        "The ferry sailed on (despite the storm) to the islands.",
    ],
)
def test_news_sentences_that_share_a_word_with_a_rule_are_kept(sentence: str) -> None:
    assert clean_sentence(sentence) == sentence
    assert furniture_kind(sentence) == ""


def test_a_sentence_garbled_in_decoding_is_not_printed() -> None:
    # A character lost in decoding shows as "?" inside a word.
    assert clean_sentence("The memo dwells on the harbour master?s trip to Oslo.") == ""
    assert furniture_kind("Officials discussed the declassi?cation of the files.")
    assert furniture_kind("The ferry's licence needs a 90?day renewal.")
    # ... or for the quotation marks around a word.
    assert clean_sentence("The ?dossier?- compiled by a harbour clerk - was leaked.") == ""
    # A question mark between sentences, or before a space, is punctuation.
    assert clean_sentence("What? The ferry left at noon.") == "What? The ferry left at noon."
    assert clean_sentence("Late again? Blame the tide, the captain said.") == (
        "Late again? Blame the tide, the captain said."
    )


def test_the_wires_underscore_dash_prints_as_a_dash() -> None:
    assert clean_sentence("The ferry sailed at noon _ two hours late.") == (
        "The ferry sailed at noon — two hours late."
    )


def test_a_caption_run_into_its_credit_or_told_in_the_present_is_not_printed() -> None:
    for caption in (
        "Associated Press A fisherman rides on top of a trawler's wheelhouse near Cobh.",
        "The harbour master holds up a copy of the new tide tables at a news conference.",
        "Attorney Jane Doe arrives for a court hearing in Cork on Monday.",
        "The mayor speaks to reporters outside the town hall after the vote.",
    ):
        assert clean_sentence(caption) == "", caption
    # A credit run into a sentence is cut; news in the present or naming a wire stays.
    assert clean_sentence("Reuters The ferry left Cork at noon, two hours late.") == (
        "The ferry left Cork at noon, two hours late."
    )
    for news in (
        "Reuters reported the sale of the ferry line on Monday.",
        "The minister arrives for a summit in Brussels on Thursday.",
    ):
        assert clean_sentence(news) == news


def test_a_sentence_cut_or_begun_mid_clause_is_not_printed() -> None:
    for broken in (
        "into the harbour sometime in 2022, the port said.",
        "which were shared online on Sunday.",
        "The choir, which in 2019 won the.",
        "Pictures show the mayor looking relaxed in new.",
        "The council approved the plan and",
        "The fossil is about 160 million years old (Supplementary Figs.",
    ):
        assert clean_sentence(broken) == "", broken
    for whole in (
        "de Vries said the talks would resume.",
        "eBay said sales rose by a fifth.",
        "e-bikes were banned from the pier.",
        "The answer was a flat no.",
        "Sales rose in the US.",
        "The fossil (a small feathered dinosaur) is about 160 million years old.",
    ):
        assert clean_sentence(whole) == whole


def test_an_embedded_post_is_no_sentence_of_the_report() -> None:
    text = (
        "The two countries reopened the crossing on Friday.\n\n"
        "A spokesman welcomed the reopening on social media.\n\n"
        "The crossing is open again. We thank our brothers for their efforts.\n\n"
        "— Ahmad Rahimi (@ARahimi) December 4, 2026\n\n"
        "Traders said they had lost millions.\n\n"
        "Strong quake near Osh, felt across the valley. #earthquake— Quake Watch "
        "(@QuakeWatch) December 2, 2026\n\n"
        "Rescuers reached the valley by noon."
    )

    assert clean_sentences(text) == [
        "The two countries reopened the crossing on Friday.",
        "A spokesman welcomed the reopening on social media.",
        "Traders said they had lost millions.",
        "Rescuers reached the valley by noon.",
    ]
    # One newline apart, as a corpus's paragraphs are: the report stays, the post goes.
    single = (
        "Rescuers reached the valley.\nStrong quake near Osh.\n— Quake Watch (@QW) December 2, 2026"
    )
    assert clean_sentences(single) == ["Rescuers reached the valley."]
    # Signed with the handle alone.
    handle = (
        "The party was less impressed.\n\nShips and radars for the island. Who asked us?\n\n"
        "— @IslandParty, January 1, 2027\n\nThe Liberals backed the package."
    )
    assert clean_sentences(handle) == [
        "The party was less impressed.",
        "The Liberals backed the package.",
    ]
    # A line that reports the post is the report's own.
    reported = (
        "She said in a statement on X that she wanted to spend time with her family.\n\n"
        "— Jane Doe (@janedoe) December 4, 2026"
    )
    assert clean_sentences(reported) == [
        "She said in a statement on X that she wanted to spend time with her family."
    ]


def test_a_date_line_opening_a_page_goes() -> None:
    assert clean_sentences("December 1, 2026 - The two leaders signed a deal. It is big.") == [
        "The two leaders signed a deal.",
        "It is big.",
    ]
    assert clean_sentences("Tuesday, 1 December 2026 – The talks went well.") == [
        "The talks went well."
    ]
    # After a byline that went, or after "Updated:".
    assert clean_sentences("By Jane Doe\n\nDecember 1, 2026 - The talks went well.") == [
        "The talks went well."
    ]
    assert clean_sentences("Updated: December 1, 2026 - The talks went well.") == [
        "The talks went well."
    ]
    # Further on, a timeline's entry.
    later = "Quakes are common.\n\nMarch 11, 2011 – A magnitude 9.0 earthquake struck."
    assert clean_sentences(later)[-1] == "March 11, 2011 – A magnitude 9.0 earthquake struck."


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Addis Abeba – Heads of state adopted a roadmap.", "Heads of state adopted a roadmap."),
        ("Copenhagen — Denmark will spend more.", "Denmark will spend more."),
        ("Ho Chi Minh City — Floods cut roads.", "Floods cut roads."),
        # An aside between two dashes is no dateline.
        (
            "Boris Johnson — a former prime minister — said he would run.",
            "Boris Johnson — a former prime minister — said he would run.",
        ),
        ("Madrid – a city of three million – voted.", "Madrid – a city of three million – voted."),
        # A country, two sides of a dash, a speaker before a quotation: no datelines.
        (
            "Ukraine – Russia talks resumed in Istanbul.",
            "Ukraine – Russia talks resumed in Istanbul.",
        ),
        (
            "Ukraine — Russia fired 80 drones overnight.",
            "Ukraine — Russia fired 80 drones overnight.",
        ),
        (
            "Norland – Vell tensions eased after the call.",
            "Norland – Vell tensions eased after the call.",
        ),
        (
            "Ann Holt — “I am not done,” she told supporters.",
            "Ann Holt — “I am not done,” she told supporters.",
        ),
        # Places with particles, a date, an unspaced dash.
        ("Port-au-Prince — Gangs attacked a police station.", "Gangs attacked a police station."),
        ("Dar es Salaam — The president spoke.", "The president spoke."),
        ("Kuala Lumpur, Dec 3 — Floods cut roads.", "Floods cut roads."),
        ("Copenhagen—Denmark will spend more.", "Denmark will spend more."),
    ],
)
def test_a_place_and_a_dash_opening_a_page_is_its_dateline(text: str, first: str) -> None:
    assert clean_sentences(f"{text} Talks resume on Monday.") == [first, "Talks resume on Monday."]
    # Not after the first sentence: there a name and a dash are the sentence's own.
    assert clean_sentences(f"Talks resume on Monday. {text}")[1] == text


def test_a_caption_closing_on_an_agencys_credit_goes_whole() -> None:
    # The splitter parts the caption's sentence from its credit: the paragraph goes.
    caption = (
        "| Residents move their belongings to a safe place on November 29. "
        "— VNA/VNS Photo Đinh Hương |"
    )
    report = "Torrential rain has left nine people dead and four missing."
    assert clean_sentences(f"{caption}\n\n{report}") == [report]
    # A paragraph of several sentences loses the credit alone; a stop after it is its.
    run = (
        "Floods killed 14 people. Rescuers search for four more. Roads are cut. "
        "— VNA/VNS Photo Đinh Hương"
    )
    assert clean_sentences(run) == [
        "Floods killed 14 people.",
        "Rescuers search for four more.",
        "Roads are cut.",
    ]
    two = "Residents wade through floodwater. The water rose overnight. — VNA/VNS Photo Hà"
    assert clean_sentences(f"{two}\n\n{report}") == [report]
    stopped = "| Residents move belongings on November 29. — VNA/VNS Photo Đinh Hương. |"
    assert clean_sentences(f"{stopped}\n\n{report}") == [report]
    # A sentence naming an agency's photo in its own words stays.
    told = "The agency's AFP Photo desk filed the pictures on Monday."
    assert clean_sentences(f"{told}\n\n{report}") == [told, report]


def test_a_timeline_box_inside_a_report_goes() -> None:
    report = "The Senate removed the governor on Thursday.\n\nHer deputy will be sworn in."
    after = "Her lawyer said she would go to court."
    timeline = (
        "Timeline: how the crisis unfolded\n\n- November 19\n\n"
        "- County assembly votes 40-16 to impeach the governor.\n\n- December 3\n\n"
        "- Senators uphold all three charges; governor removed."
    )
    assert clean_sentences(f"{report}\n\n{timeline}\n\n{after}") == clean_sentences(
        f"{report}\n\n{after}"
    )
    # A report's sentence about a timeline, or a label over one or two lines, stays.
    told = "Timeline of the talks was agreed on Monday."
    assert told in clean_sentences(f"{report}\n\n{told}\n\n- Ministers meet in March.")
    short = "Key dates\n\n- The vote is on December 9."
    assert "The vote is on December 9." in " ".join(clean_sentences(f"{report}\n\n{short}"))


def test_a_summary_box_above_the_report_goes_and_a_page_of_it_alone_stays() -> None:
    box = "Belgium dropped its objection after partners agreed to share the legal risk."
    report = (
        "EU governments on Friday approved a loan to Ukraine, after Belgium dropped its "
        "objection when partners agreed to share the legal risk.\n\n"
        "Ambassadors endorsed the text by qualified majority."
    )
    assert clean_sentences(f"Synopsis\n\n{box}\n\n{report}") == clean_sentences(report)
    assert clean_sentences(f"Synopsis\n\n{box}") == [box]
    # A report's own paragraph that starts with the word is no box.
    summary = f"Summary of the talks was given to reporters.\n\n{box}\n\n{report}"
    assert box in clean_sentences(summary)
    # A box of bullets goes whole; a "box" the report does not tell again stays, and so
    # does one that is the report's dateline lead.
    bullets = "- Three people were killed.\n\n- Power was cut to 200,000 homes."
    told = (
        "A storm killed three people on Monday, officials said.\n\n"
        "Power was cut to 200,000 homes across the region."
    )
    assert clean_sentences(f"In brief\n\n{bullets}\n\n{told}") == clean_sentences(told)
    # A "Key points" box is one too: the lede is the report's first sentence.
    assert clean_sentences(f"Key points\n\n{bullets}\n\n{told}") == clean_sentences(told)
    assert clean_sentences(f"Key takeaways:\n\n{bullets}\n\n{told}") == clean_sentences(told)
    # ... but a label alone above the report (its box not loaded) takes no lede with it.
    assert clean_sentences(f"Highlights\n\n{told}") == clean_sentences(told)
    numbered = "1. Three people were killed.\n\n2. Power was cut to 200,000 homes."
    assert clean_sentences(f"Key points\n\n{numbered}\n\n{told}") == clean_sentences(told)
    lead = "KYIV, Nov 30 (Reuters) - Russia launched a drone attack on Kyiv overnight."
    kept = clean_sentences(f"Summary\n\n{lead}\n\n{told}")
    assert kept[0] == "Russia launched a drone attack on Kyiv overnight."
    unrelated = "The ferry line will add a winter timetable for the islands."
    assert unrelated in clean_sentences(f"Summary\n\n{unrelated}\n\n{told}")


def test_an_interviews_questions_go_whole_and_its_answers_lose_their_labels() -> None:
    text = (
        "The health minister spoke to the programme on Wednesday about the strike.\n\n"
        "Q: Minister, the doctors say they have waited for months. Why has the fund "
        "not been paid?\n\n"
        "A: That is not correct. We have paid most of the fund.\n\n"
        "Q: The strike is on. What are you doing this week?\n\n"
        "A: We have invited the union to a meeting on Friday."
    )
    assert clean_sentences(text) == [
        "The health minister spoke to the programme on Wednesday about the strike.",
        "That is not correct.",
        "We have paid most of the fund.",
        "We have invited the union to a meeting on Friday.",
    ]
    # Put to someone, the questions are the interviewer's whoever answers how.
    third = (
        "The minister spoke to the programme on Wednesday.\n\n"
        "Q: Minister, the envoy says the deal is dead. Is that true?\n\n"
        "A: The envoy has no proof of any of this at all.\n\n"
        "Q: What comes next?\n\n"
        "A: The country is always ready to talk to its neighbours."
    )
    assert "Minister, the envoy says the deal is dead." not in clean_sentences(third)
    # One "Q:" line is no interview: a list's or a quiz's label stays as it was.
    once = "Q: Minister, the doctors say they have waited. Why?\n\nThe strike goes on."
    assert clean_sentences(once)[-1] == "The strike goes on."
    assert len(clean_sentences(once)) == 3


def test_an_interview_set_out_without_labels_loses_its_questions() -> None:
    text = (
        "The Harbour Times spoke to the port's envoy about the talks. Excerpts:\n\n"
        "Where do the talks stand?\n\n"
        "We have agreed on most of the text. The rest is about sequencing.\n\n"
        "The union says the port must cut fares first. Is that acceptable?\n\n"
        "Our position has not changed. We will cut fares in phases.\n\n"
        "What happens if the talks fail?\n\n"
        "Then we come back and try again."
    )
    cleaned = clean_sentences(text)
    assert "The union says the port must cut fares first." not in cleaned
    assert "Our position has not changed." in cleaned
    # An explainer's questions, answered by the outlet, stay.
    explainer = (
        "What is the new fare?\n\nThe fare rises to 4 euros on Monday.\n\n"
        "Who pays it?\n\nEvery passenger over 12 pays the full fare.\n\n"
        "Why now?\n\nThe port board says costs rose by a third."
    )
    assert "Who pays it?" in clean_sentences(explainer)
    # Speakers' questions a report quotes, and an interview's labelled ones, are no such.
    quoted = (
        "Dockers marched on the quay.\n\nOne skipper put it simply: “Who will buy our fish?”\n\n"
        "We have fished here for forty years, he said.\n\nThe union leader asked the crowd: "
        "“Why should we pay?”\n\nWe will not pay, they answered.\n\nWhat happens next?\n\n"
        "We will march again on Monday."
    )
    assert "One skipper put it simply: “Who will buy our fish?”" in clean_sentences(quoted)
    labelled = (
        "Harbour Times: Where do the talks stand?\n\nHS: We have agreed on most of it.\n\n"
        "Harbour Times: Is that acceptable?\n\nHS: Our position has not changed.\n\n"
        "Harbour Times: What if they fail?\n\nHS: We try again."
    )
    assert "Where do the talks stand?" in clean_sentences(labelled)


def test_an_interview_set_out_by_who_speaks_loses_its_labels() -> None:
    text = (
        "The council has said Vell will vote on the harbour plan by March.\n\n"
        "Harbour Weekly: When will Vell vote?\n\n"
        "Ana Lind: Our aim is March 20. The council still has to pass the bill.\n\n"
        "HW: What are people being asked?\n\n"
        "AL: Only whether we should build the second pier."
    )
    assert clean_sentences(text) == [
        "The council has said Vell will vote on the harbour plan by March.",
        "When will Vell vote?",
        "Our aim is March 20.",
        "The council still has to pass the bill.",
        "What are people being asked?",
        "Only whether we should build the second pier.",
    ]
    # A video's transcript: the narration is the report, the others' lines go.
    video = (
        "Narrator: Residents filmed a car carried down the road by floodwater on Wednesday.\n\n"
        "Resident: It came so fast. In five minutes the road was a river.\n\n"
        "Narrator: The weather service expects more rain at the weekend."
    )
    assert clean_sentences(video) == [
        "Residents filmed a car carried down the road by floodwater on Wednesday.",
        "The weather service expects more rain at the weekend.",
    ]
    # At a briefing the reporter asks: the spokesman's answers stay.
    briefing = (
        "Reporter: Will Ardell send a delegation to the talks?\n\n"
        "Lin Ode: We will release information in due course.\n\n"
        "Reporter: What about the coast guard?\n\n"
        "Lin Ode: The coast guard took necessary measures."
    )
    assert "The coast guard took necessary measures." in clean_sentences(briefing)
    # Places before a colon, with no one asking, are no speakers.
    roundup = "Kyiv: Drones hit the grid. Moscow: Talks stall. Warsaw: Troops move east."
    assert clean_sentences(roundup)[0] == "Kyiv: Drones hit the grid."


def test_a_name_in_its_own_script_after_it_goes() -> None:
    assert clean_sentence(
        "Premier Cho Jung-tai (卓榮泰) said the cut (NT$12 billion) would stand, and "
        "Defense Minister Wellington Koo (顧立雄) agreed."
    ) == (
        "Premier Cho Jung-tai said the cut (NT$12 billion) would stand, and Defense "
        "Minister Wellington Koo agreed."
    )
    # A word's gloss is no name's script.
    assert clean_sentence("The word for peace (мир) was used.") == (
        "The word for peace (мир) was used."
    )


@pytest.mark.parametrize(
    ("sentence", "cleaned"),
    [
        ("The commission approved the final results at its meeting on Wednesday, Kazinform "
         "News Agency correspondent reports.",
         "The commission approved the final results at its meeting on Wednesday."),
        # An outlet's name alone may be another outlet's: whose claim it is.
        ("Harbour fees will rise, Port Minister Ana Lind told reporters on December 5, "
         "Harbour Wire reports.",
         "Harbour fees will rise, Port Minister Ana Lind told reporters on December 5, "
         "Harbour Wire reports."),
        ("The ferry sank off the coast on Monday, the BBC reports.",
         "The ferry sank off the coast on Monday, the BBC reports."),
        ("Fares rose 4% in November, Harbour Wire reported.",
         "Fares rose 4% in November, Harbour Wire reported."),
    ],
)  # fmt: skip
def test_an_agencys_correspondent_signature_goes(sentence: str, cleaned: str) -> None:
    assert clean_sentence(sentence) == cleaned


@pytest.mark.parametrize(
    ("sentence", "cleaned"),
    [
        ("PORTUGAL AND SPAIN signed a ferry accord on Wednesday.",
         "Portugal and Spain signed a ferry accord on Wednesday."),
        ("THE harbour board on Saturday approved the new fares.",
         "The harbour board on Saturday approved the new fares."),
        ("PRESIDENT Ana Sousa opened the new quay on Friday.",
         "President Ana Sousa opened the new quay on Friday."),
        ("FERRIES STAYED IN port across the islands on Thursday.",
         "Ferries stayed in port across the islands on Thursday."),
        ("AN OFF-DUTY HARBOUR OFFICER was hurt on the quay.",
         "An off-duty harbour officer was hurt on the quay."),
        # Names as the article writes them: capitalised, or in capitals.
        ("ANA SOUSA said on Monday the quay would reopen.",
         "Ana Sousa said on Monday the quay would reopen."),
        ("UNICEF AND WFP staff left the harbour town.",
         "UNICEF and WFP staff left the harbour town."),
        # An acronym opening a sentence, or a short word that may be one, stays.
        ("NATO said the exercise would go ahead.", "NATO said the exercise would go ahead."),
        ("FBI agents searched the harbour office.", "FBI agents searched the harbour office."),
    ],
)  # fmt: skip
def test_a_ledes_opening_in_capitals_is_put_in_sentence_case(sentence: str, cleaned: str) -> None:
    rest = (
        "The ferries stayed late, and Portugal and Spain agree. Later Ana Sousa spoke for "
        "the harbour. Staff of UNICEF and the WFP stayed in port and signed."
    )
    assert clean_sentences(f"{sentence} {rest}")[0] == cleaned


def test_a_date_with_its_place_in_capitals_opening_a_page_goes() -> None:
    text = "December 26, 2026 (AL-KHUWEI) – The army and the rebels swapped 312 prisoners."
    assert clean_sentences(text) == ["The army and the rebels swapped 312 prisoners."]


def test_a_change_note_without_its_subject_is_no_sentence_of_the_report() -> None:
    text = (
        "The ministers signed the accord on Tuesday in Ardell. Updated on January 1 with the "
        "comments of the prime minister. UPDATED to include the opposition's reply. Updated "
        "figures show exports rose 8 percent in 2026."
    )
    assert clean_sentences(text) == [
        "The ministers signed the accord on Tuesday in Ardell.",
        "Updated figures show exports rose 8 percent in 2026.",
    ]


def test_a_lede_opening_on_its_update_is_kept() -> None:
    text = "Updated with the latest figures, the death toll from the Ardell floods rose to 41."
    assert clean_sentences(text) == [text]
