"""Statement extraction rules that no reader decides: lead fallbacks, support, contingents."""

from __future__ import annotations

import pytest

from eventledger.pipeline import parse_text

NO_BOX = (
    "Market riot\n\n"
    "The Market riot broke out on 3 May 1871 in the old market quarter of Marseille, where a "
    "crowd of dockers attacked the grain stores and soldiers killed 14 rioters.[1] The army "
    "restored order two days later.\n\n"
    "Aftermath\n\n"
    "In a later riot in 1880 at Toulon, soldiers killed 40 people in the harbour district.[1]\n\n"
    "  1. ^ Dupont 1990, p. 4.\n"
)


def test_page_without_infobox_takes_date_place_and_figure_from_the_lead() -> None:
    (rec,) = parse_text(NO_BOX, name="riot.txt")
    ev = rec["event"]
    assert ev["date"]["start"] == "1871-05-03"
    assert (ev["location"]["name"], ev["location"]["country"]) == ("Marseille", "FR")
    loc = [s for s in rec["statements"] if s["property"] == "location"]
    assert loc[0]["origin"] == "body" and loc[0]["text"] == "Marseille"
    # the Aftermath's 40 is about another riot: a statement, but not the event's figure
    deaths = [s for s in rec["statements"] if s["property"] == "deaths"]
    assert sorted(s["low"] for s in deaths) == [14, 40]
    assert (ev["deaths"]["low"], ev["deaths"]["high"]) == (14, 14)
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]


def test_support_direct_covered_unsourced() -> None:
    (rec,) = parse_text(NO_BOX, name="riot.txt")
    support = [(s["support"], s["section"]) for s in rec["sentences"] if s["origin"] == "body"]
    assert support == [("direct", None), ("unsourced", None), ("direct", "Aftermath")]
    unsourced = [f for f in rec["findings"] if f["code"] == "UNSOURCED_SENTENCE"]
    assert len(unsourced) == 1


def test_title_coordinates_outside_the_infobox_locate_the_event() -> None:
    wiki = (
        "{{Infobox military conflict\n| conflict = Battle of the Ford\n| date = 1 June 1650\n"
        "| place = Near the ford\n}}\n'''The Battle of the Ford''' was fought in 1650 when the "
        "army of the kingdom crossed the river.<ref>Jones 1990, p. 4.</ref>\n\n==References==\n"
        "{{reflist}}\n{{coord|45|30|N|7|15|E|display=title}}\n"
    )
    (rec,) = parse_text(wiki, name="Battle_of_the_Ford.wiki", format="wikitext")
    loc = rec["event"]["location"]
    assert (loc["lat"], loc["lon"], loc["where_prec"]) == (45.5, 7.25, 1)
    (st,) = [s for s in rec["statements"] if s["property"] == "coordinates"]
    assert st["origin"] == "body" and st["text"].startswith("{{coord|45|30|N")


def test_lead_date_prefers_the_most_precise_date_of_its_sentence() -> None:
    text = (
        "The 1871 Market riot\n\nThe 1871 Market riot broke out on 3 May 1871 in the old market "
        "quarter of Marseille, where soldiers killed 14 rioters who had attacked the grain stores.[1]\n\n"
        "  1. ^ Dupont 1990, p. 4.\n"
    )
    (rec,) = parse_text(text, name="riot.txt")
    assert (rec["event"]["date"]["start"], rec["event"]["date"]["precision"]) == (
        "1871-05-03",
        "day",
    )


BATTLE = """{{Infobox military conflict
| conflict = Battle of the Ford
| date = 1 June 1650
| place = Near the ford
| combatant1 = Kingdom of A
| combatant2 = Duchy of B
| casualties1 = Total: 900<br>Foot: 500<br>300 killed<br>Horse: 400<br>100 killed
| casualties2 = Estimated:<br>2,000\ufffd\ufffd\ufffd3,000 killed<br>Inside the town:<br>about 800 killed<br>1,000 civilian dead
}}
'''The Battle of the Ford''' was fought in 1650.<ref>Jones 1990, p. 4.</ref>
"""


def test_contingents_summed_qualifiers_not_and_civilians_apart() -> None:
    (rec,) = parse_text(BATTLE, name="Battle_of_the_Ford.wiki", format="wikitext")
    s1, s2 = rec["event"]["sides"]
    k1, k2 = s1["casualties"]["killed"], s2["casualties"]["killed"]
    assert (k1["low"], k1["high"]) == (400, 400)  # Foot 300 + Horse 100
    assert s1["casualties"]["total"]["low"] == 900  # the Total line
    # "Estimated:" and "Inside the town:" qualify figures, they are no contingents: no sum;
    # the garbled dash still makes a range; the civilians are not the duchy's dead
    assert (k2["low"], k2["high"]) == (2000, 3000)
    deaths = rec["event"]["deaths"]
    assert (deaths["low"], deaths["high"]) == (400 + 2000 + 1000, 400 + 3000 + 1000)


def test_total_lines_count_their_civilians_once() -> None:
    w = """{{Infobox military conflict
| conflict = War of Tests
| date = 1939–1945
| combatant1 = Allies
| combatant2 = Axis
| casualties1 = Military dead:<br>Over 100<br>Civilian dead:<br>Over 400<br>Total dead:<br>Over 500
| casualties2 = Military dead:<br>Over 10<br>Civilian dead:<br>Over 20<br>Total dead:<br>Over 30
}}
'''The War of Tests''' was a war.<ref>Jones 1990, p. 4.</ref>
"""
    (rec,) = parse_text(w, name="War_of_Tests.wiki", format="wikitext")
    assert [s["casualties"]["killed"]["low"] for s in rec["event"]["sides"]] == [501, 31]
    assert rec["event"]["deaths"]["low"] == 532  # the Total lines hold the civilians already


def test_an_empty_infobox_date_leaves_the_lead_date() -> None:
    w = (
        "{{Infobox civilian attack\n|title=X bombing\n|date=\n}}\n'''The X bombing''' happened on "
        "3 May 1990 in Paris, killing 12 people.<ref>a</ref>\n"
    )
    (rec,) = parse_text(w, name="X_bombing.wiki", format="wikitext")
    assert rec["event"]["date"]["start"] == "1990-05-03"


def test_a_page_that_is_no_event_makes_no_event_figure() -> None:
    text = (
        "History of Ruritania\n\nThe history of Ruritania spans three thousand years of farming, "
        "trade and kings, and in 1901 a flood killed 2,977 people in the capital, which was rebuilt.[1]\n\n"
        "  1. ^ Dupont 1990, p. 4.\n"
    )
    (rec,) = parse_text(text, name="h.txt")
    assert [s["low"] for s in rec["statements"] if s["property"] == "deaths"] == [2977]
    assert rec["event"]["deaths"]["low"] is None


def test_prose_rules_are_english_only() -> None:
    from eventledger.pipeline import document_records
    from eventledger.read import read_text

    w = "'''Berlin''' ist die Hauptstadt. 1990 wuchsen die Städte, und 300 Menschen starben am 3. Mai 1990.\n"
    doc = read_text(w, "Berlin.wiki", format="wikitext", language="de")
    (rec,) = document_records(doc)
    assert rec["statements"] == []


@pytest.mark.parametrize(
    ("casualties2", "expected"),
    [
        # the note breaks an undifferentiated total down: each category is the side's figure
        (
            "67,459{{efn|10,749 dead; 34,225 wounded; 22,487 captured}} casualties",
            {"killed": 10749, "wounded": 34225, "captured": 22487, "missing": None},
        ),
        (
            "5,000 casualties<ref group=Note>Of these 1,200 killed.</ref>",
            {"killed": 1200, "wounded": None, "captured": None, "missing": None},
        ),
        # the field already counts its dead: the note's figure of that category is a part
        (
            "300 killed{{efn|Including 100 killed by artillery.}}",
            {"killed": 300, "wounded": None, "captured": None, "missing": None},
        ),
        # a citation is a source, not a note: its numbers are not read
        (
            "5,000 casualties<ref>Smith 1990, 1,200 killed, p. 4.</ref>",
            {"killed": None, "wounded": None, "captured": None, "missing": None},
        ),
        # a note figure without a category word only elaborates the field's figure
        (
            "5,000 casualties{{efn|About 3,000 according to another source.}}",
            {"killed": None, "wounded": None, "captured": None, "missing": None},
        ),
    ],
)
def test_notes_of_casualty_fields_give_their_categories(casualties2: str, expected: dict) -> None:
    w = (
        "{{Infobox military conflict\n| conflict = Battle of the Mill\n| date = 1 June 1650\n"
        "| combatant1 = Kingdom of A\n| combatant2 = Duchy of B\n| casualties1 = 300 killed\n"
        f"| casualties2 = {casualties2}\n}}}}\n'''The Battle of the Mill''' was fought in 1650."
        "<ref>Jones 1990, p. 4.</ref>\n{{notelist}}\n"
    )
    (rec,) = parse_text(w, name="Battle_of_the_Mill.wiki", format="wikitext")
    cas = rec["event"]["sides"][1]["casualties"]
    assert {c: cas[c]["best"] for c in expected} == expected


@pytest.mark.parametrize(
    ("title", "lead", "start", "end"),
    [
        # a birth–death parenthesis on a page about a person is not the event's date
        (
            "Darya Dugina",
            "Darya Dugina (15 December 1992 – 20 August 2022) was a Russian journalist. "
            "She was killed in August 2022 in a car bombing.",
            "2022-08",
            None,
        ),
        # an event's own parenthesised span stays
        (
            "Vietnam War",
            "The Vietnam War (1 November 1955 – 30 April 1975) was a conflict in Vietnam.",
            "1955-11-01",
            "1975-04-30",
        ),
        # a season's range of years inside a name is not the date
        (
            "Cup final",
            "The Cup final was the last match of the 2021–22 Champions League. It was "
            "played on 28 May 2022 in Paris.",
            "2022-05-28",
            None,
        ),
        # unless the title holds the range
        (
            "2020–2021 Ayn Issa clashes",
            "The 2020–2021 Ayn Issa clashes were fought near Ayn Issa.",
            "2020",
            "2021",
        ),
        # a single year before the name stays: it is the event's year
        ("2014 Idlib offensive", "The 2014 Idlib offensive was fought in Idlib.", "2014", None),
        # a later day without a year takes the year stated earlier in the same sentence
        (
            "Capture of Testgrad",
            "During the 2022 invasion, the zone was captured on 24 February by the army.",
            "2022-02-24",
            None,
        ),
        (
            "Testgrad campaign",
            "The 2016 Testgrad campaign was a series of operations that started on 1 April.",
            "2016-04-01",
            None,
        ),
        # no such day: the year stays
        (
            "Testgrad unrest",
            "During the 2022 unrest a crowd marched through Testgrad.",
            "2022",
            None,
        ),
    ],
)
def test_lead_date_skips_life_spans_and_years_in_names(
    title: str, lead: str, start: str, end: str | None
) -> None:
    filler = " Newspapers in many countries reported on it at length during the following weeks."
    (rec,) = parse_text(f"{title}\n\n{lead}{filler}\n", name="page.txt")
    assert (rec["event"]["date"]["start"], rec["event"]["date"]["end"]) == (start, end)


@pytest.mark.parametrize(
    ("title", "lead", "start", "end", "date_prec"),
    [
        # a later lead sentence says the attacker left: the siege ends that day
        (
            "Siege of Testgrad",
            "The Siege of Testgrad was an engagement in the city of Testgrad. It began on 24 "
            "February 2022. On 4 April 2022, officials stated that the army had left Testgrad "
            "Oblast.",
            "2022-02-24",
            "2022-04-04",
            5,
        ),
        # a day written without a year takes the start's year
        (
            "Siege of Testville",
            "The town was besieged from June 2014. On August 31, the army broke the siege.",
            "2014-06",
            "2014-08-31",
            5,
        ),
        (
            "Battle of Testford",
            "The battle began on 24 February 2022. The battle ended on 2 March 2022 with the "
            "capture of the city.",
            "2022-02-24",
            "2022-03-02",
            3,
        ),
        # no ending verb: the later date is something else; a siege that began that day
        # and lasted an unknown time is not one exact day (date_prec 5, not 1)
        (
            "Siege of Testgrad",
            "The siege began on 24 February 2022. On 4 April 2022, officials visited the city.",
            "2022-02-24",
            None,
            5,
        ),
        # not a lasting event: an attack's later dates are its aftermath
        (
            "Testgrad attack",
            "The attack took place on 24 February 2022. On 4 April 2022 the attackers withdrew "
            "from Testgrad.",
            "2022-02-24",
            None,
            1,
        ),
        # an "end" before the start is not the end
        (
            "Siege of Testgrad",
            "The siege began on 24 February 2022. On 4 January 2022 the army had left Testgrad.",
            "2022-02-24",
            None,
            5,
        ),
        # a battle on a day the lead does not say it began: that day, exactly
        (
            "Battle of Testgrad",
            "The Battle of Testgrad was fought on 24 February 2022 near the city.",
            "2022-02-24",
            None,
            1,
        ),
        # an offensive launched on a day, with no end: not one exact day
        (
            "Testgrad offensive (2017)",
            "The Testgrad offensive was a military operation launched by the army against "
            "rebels, to capture the city of Testgrad, on 14 January 2017.",
            "2017-01-14",
            None,
            5,
        ),
        # (re)capturing the title's place ends the battle, the start's year for a bare day
        (
            "Third Battle of Testgrad",
            "The Third Battle of Testgrad was a military operation launched to capture the "
            "city of Testgrad. The operation began on 22 May 2016. On 26 June, army forces "
            "recaptured the city of Testgrad.",
            "2016-05-22",
            "2016-06-26",
            5,
        ),
        # the first sentence's goal ("with the goal of recapturing X") is the place too
        (
            "Testland offensive (2017)",
            "The Testland offensive was launched by the army in January 2017, with the goal of "
            "recapturing Testopol. On 2 March 2017, the army succeeded in recapturing the "
            "beleaguered city of Testopol.",
            "2017-01",
            "2017-03-02",
            5,
        ),
        # "fully captured" the title's place ends it
        (
            "Battle of Testgrad",
            "The battle began on 6 May 2022. On 25 June 2022, the army fully captured Testgrad.",
            "2022-05-06",
            "2022-06-25",
            5,
        ),
        # recapturing another place (a village on the way) does not end it
        (
            "Battle of Testgrad",
            "The battle began on 22 May 2016. On 26 June, army forces recaptured the village "
            "of Otherville.",
            "2016-05-22",
            None,
            5,
        ),
    ],
)
def test_lead_end_date_of_a_siege_or_battle(
    title: str, lead: str, start: str, end: str | None, date_prec: int
) -> None:
    filler = " Newspapers in many countries reported on it at length during the following weeks."
    (rec,) = parse_text(f"{title}\n\n{lead}{filler}\n", name="page.txt")
    d = rec["event"]["date"]
    assert (d["start"], d["end"], d["date_prec"]) == (start, end, date_prec)


@pytest.mark.parametrize(
    ("title", "lead", "start", "end"),
    [
        # the title's year dates months and days without a year in the next lead sentence;
        # a sentence that opens the event and says it took its object spans the two
        (
            "2016 Testabad offensive",
            "The 2016 Testabad offensive was a military offensive to capture Testabad. It began "
            "in September and resulted in the capture of Testabad by the army on 16 October.",
            "2016-09",
            "2016-10-16",
        ),
        # no opening verb: the first yearless date alone
        (
            "2016 Testabad offensive",
            "The 2016 Testabad offensive was a military offensive. The army reached Testabad on "
            "16 October.",
            "2016-10-16",
            None,
        ),
        # a lasting event's lone yearless day after "capture": its end, the year stands as
        # the start (the capture of the title's place ends it: fix-j rule 1)
        (
            "Battle of Testabad (2019)",
            "The Battle of Testabad occurred during the 2019 offensive. The battle resulted in "
            "the capture of Testabad by the army on 20 October.",
            "2019",
            "2019-10-20",
        ),
        # a year not in the title is not a year to lend, on a title that names no lasting
        # event
        (
            "Testabad massacre",
            "The Testabad massacre was a killing of civilians in 2016. It began in September.",
            "2016",
            None,
        ),
        # a battle/offensive title with no year takes the lead's year (a name's year too)
        (
            "Testabad offensive",
            "The Testabad offensive was a military offensive in 2016. It began in September.",
            "2016-09",
            None,
        ),
        (
            "Battle of Testopol",
            "The Battle of Testopol was a military engagement in the city of Testopol. It was "
            "part of the southern offensive of the 2022 Russian invasion of Ukraine. Russian "
            "forces attacked the city on 25 February, and captured it after heavy fighting by "
            "1 March.",
            "2022-02-25",
            "2022-03-01",
        ),
        # a year in the title other than the lead's: nothing lent
        (
            "Battle of Testopol (2015)",
            "The Battle of Testopol was a battle of the 2014 war. Forces attacked the city on 25 "
            "February.",
            "2014",
            None,
        ),
        # a siege's "besieged since <date>" is its start, the lead's day its end
        (
            "Siege of Testabad Airbase",
            "The siege of Testabad Airbase was a battle for the airbase. It was captured by "
            "rebels on 9 September 2015. The base had been besieged since September 2012.",
            "2012-09",
            "2015-09-09",
        ),
        # not a siege title: "besieged since" is background
        (
            "Testabad massacre",
            "The Testabad massacre was a killing of civilians on 9 September 2015. The town "
            "had been besieged since September 2012.",
            "2015-09-09",
            None,
        ),
        # an end day inside a start that is only a month, in the sentence that opens it
        (
            "Battle of Testabad",
            "The Battle of Testabad was a battle for the city. Rebel forces launched the "
            'offensive in early March 2013, and declared themselves in "near-total control" on '
            "5 March, the first city to fall.",
            "2013-03",
            "2013-03-05",
        ),
        # a later day without an ending word does not end it
        (
            "Battle of Testabad",
            "The Battle of Testabad was a battle for the city. Rebel forces launched the "
            "offensive in early March 2013, and reached the centre on 5 March.",
            "2013-03",
            None,
        ),
        # "began" of another clause does not open the event; "attacked on <day> and captured
        # it on <day>" spans the two
        (
            "Battle of Testabad",
            "The war, which began in 2011, reached the city; rebels attacked on 3 March 2013 and "
            "captured it on 5 March.",
            "2013-03-03",
            "2013-03-05",
        ),
        (
            "Battle of Testabad",
            "The war, which began in 2011, reached the city; rebels shelled it on 3 March 2013 "
            "and captured it on 5 March.",
            "2013-03-03",
            None,
        ),
    ],
)
def test_lead_date_yearless_continuation_siege_start_and_same_sentence_end(
    title: str, lead: str, start: str, end: str | None
) -> None:
    filler = " Newspapers in many countries reported on it at length during the following weeks."
    (rec,) = parse_text(f"{title}\n\n{lead}{filler}\n", name="page.txt")
    d = rec["event"]["date"]
    assert (d["start"], d["end"]) == (start, end)


_LATER_FILLER = " Newspapers in many countries reported on it at length in the following weeks."


@pytest.mark.parametrize(
    ("title", "paragraphs", "start", "end"),
    [
        # the first paragraph has no day: a later lead paragraph's "began … on <day>" dates
        # the event, and a later "secured control of the town" with a yearless day after a
        # full date of the next year ends it (that year, the most precise date of the
        # sentence)
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was a series of engagements in the 2022 war.",
                "Army forces began an offensive on 3 August 2022, shelling Testgrad.",
                "Assaults resumed in late December-early January 2023, and on 16 January army "
                "forces secured control of the town.",
            ],
            "2022-08-03",
            "2023-01-16",
        ),
        # ", starting on <day>" opens the event too
        (
            "Second Battle of Testgrad",
            [
                "The Second Battle of Testgrad was a battle in which the army retook the city.",
                "After months of preparation, the army moved to retake the city, starting on 2 "
                "March 2015.",
            ],
            "2015-03-02",
            None,
        ),
        # a later day no clause opens the event at (an order before it) is not its date
        (
            "2019 Testland offensive",
            [
                "The 2019 Testland offensive was a cross-border military operation.",
                "On 6 October 2019, the government ordered troops to withdraw. The operation "
                "began on 9 October 2019 when aircraft struck border towns.",
            ],
            "2019-10-09",
            None,
        ),
        # "began on <day> and ended on <day>": the second day is the end, not the start; the
        # yearless first day (spaces lost: "3March") is the start, in the end's year
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was a battle for the city of Testgrad.",
                "The battle began on 3March and ended on 7 May 2022 with a victory.",
            ],
            "2022-03-03",
            "2022-05-07",
        ),
        # the first paragraph has a day (in a later sentence than its first date): later
        # paragraphs are not read, the first dated sentence stands
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was a battle in 2022. By 14 June 2022, the army held "
                "most of the city.",
                "The army began an assault on 24 June 2022.",
            ],
            "2022",
            None,
        ),
        # a sentence that says the battle lasted from one day to another dates it, in the
        # first paragraph too, over a year in a name ("the 2022 Russian invasion")
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was part of the Kyiv offensive in the 2022 Russian "
                "invasion of Ukraine. The battle lasted from 27 February 2022 to 28 March 2022 "
                "and ended with the army recapturing the city.",
            ],
            "2022-02-27",
            "2022-03-28",
        ),
        # the year of the range's end is its start's too
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was a series of engagements during the 2022 Russian "
                "invasion of Ukraine. The battle lasted from 5 March to 21 March 2022, and has "
                "been described as fierce.",
            ],
            "2022-03-05",
            "2022-03-21",
        ),
        # "took place from … to …" in a later paragraph
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was an engagement of the 2022 Russian invasion.",
                "The fighting took place from 2 April 2022 to 9 May 2022 in the eastern suburbs.",
            ],
            "2022-04-02",
            "2022-05-09",
        ),
        # a span of something else (the shelling of the town) is not the battle's
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was part of the Kyiv offensive in the 2022 Russian "
                "invasion. Shelling of the town lasted from 27 February 2022 to 28 March 2022.",
            ],
            "2022",
            None,
        ),
        # a span outside the first paragraph's year is another event's
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was a battle in 2015.",
                "The battle lasted from 3 March 2017 to 5 May 2017.",
            ],
            "2015",
            None,
        ),
        # outside the title's year: no date from the later paragraph
        (
            "2016 Testgrad offensive",
            [
                "The 2016 Testgrad offensive was a military offensive.",
                "The army began the offensive on 3 March 2017.",
            ],
            "2016",
            None,
        ),
        # outside the first paragraph's year: no date from the later paragraph
        (
            "Battle of Testgrad",
            [
                "The Battle of Testgrad was a battle in 2015.",
                "The army began the offensive on 3 March 2017.",
            ],
            "2015",
            None,
        ),
    ],
)
def test_lead_date_from_a_later_lead_paragraph(
    title: str, paragraphs: list[str], start: str | None, end: str | None
) -> None:
    lead = "\n\n".join(p + _LATER_FILLER for p in paragraphs)
    text = f"# {title}\n\n{lead}\n\n## Background\n\nThe city had been shelled for months.\n"
    (rec,) = parse_text(text, name="page.md", format="prose")
    d = rec["event"]["date"]
    assert (d["start"], d["end"]) == (start, end)


@pytest.mark.parametrize(
    ("title", "lead", "deaths", "said"),
    [
        # a killing title and its subject "was fatally shot": one dead, on those words
        (
            "Killing of Tam Rocke",
            "Tam Rocke, a 22-year-old man, was fatally shot on 2 February 2022 by a police "
            "officer inside an apartment in Minneapolis.",
            1,
            "fatally shot",
        ),
        ("Murder of Jane Roe", "Jane Roe was murdered on 3 May 2019 in Leeds.", 1, "murdered"),
        (
            "Assassination of Omar Testi",
            "Omar Testi was shot dead outside his home in Beirut on 4 July 2005.",
            1,
            "shot dead",
        ),
        # a death title: "died" says it too
        (
            "Death of Jane Roe",
            "Jane Roe died in police custody in Leeds on 3 May 2020.",
            1,
            "died",
        ),
        # a biography with a life span, whose later lead sentence says "She was killed"
        (
            "Daria Testina",
            "Daria Aleksandrovna Testina (15 December 1992 – 20 August 2022) was a Russian "
            "journalist. She was killed in August 2022 in a car bombing near Moscow.",
            1,
            "killed",
        ),
        # no life span: a pronoun may be anyone
        (
            "Daria Testina",
            "Daria Testina is a Russian journalist. She was killed in a novel by her father.",
            None,
            None,
        ),
        # a biography whose first sentence says its subject was killed (no life span needed)
        (
            "Jane Roe",
            "Jane Roe, a teacher from Leeds, was killed by a stray bullet on 3 May 2019.",
            1,
            "killed",
        ),
        # another person's killing on the subject's page
        (
            "Killing of Jane Roe",
            "Jane Roe's brother was killed on 3 May 2019 in Leeds.",
            None,
            None,
        ),
        # more than one victim: not "one named victim"
        (
            "Killing of Jane Roe",
            "Jane Roe and two friends were killed on 3 May 2019 in Leeds.",
            None,
            None,
        ),
        # a stated toll wins
        (
            "Killing of Jane Roe",
            "Jane Roe was killed on 3 May 2019 in a bombing in Leeds that killed 5 people.",
            5,
            None,
        ),
        # a shooting may leave its victim alive: no rule for "Shooting of X"
        (
            "Shooting of Jane Roe",
            "Jane Roe was shot seven times by a police officer in Leeds on 3 May 2019.",
            None,
            None,
        ),
        # "died" on a killing title's page of somebody else
        (
            "Killing of Jane Roe",
            "Jane Roe was arrested on 3 May 2019 in Leeds. Her father died in 2001.",
            None,
            None,
        ),
        # an event title is no person
        (
            "2019 Leeds bombing",
            "2019 Leeds bombing was killed on 3 May 2019.",
            None,
            None,
        ),
    ],
)
def test_one_named_victim(title: str, lead: str, deaths: int | None, said: str | None) -> None:
    filler = " Newspapers in many countries reported on it at length during the following weeks."
    (rec,) = parse_text(f"{title}\n\n{lead}{filler}\n", name="page.txt")
    q = rec["event"]["deaths"]
    assert (q["low"], q["best"], q["high"]) == (deaths, deaths, deaths)
    victims = [
        st for st in rec["statements"] if st["property"] == "deaths" and "victim" in st["value"]
    ]
    assert [st["text"] for st in victims] == ([said] if said else [])
