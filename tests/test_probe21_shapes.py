"""Shapes found in session 21 (probe wave 65). Each test fails on the session's starting code
or guards a counter-example of a rule."""

from __future__ import annotations

from eventledger.normalise.dates import parse_date
from eventledger.normalise.numbers import figures_in_sentence
from eventledger.normalise.places import resolve_place

from .test_probe15_shapes import _battle, _perps, _q, _record, _side_killed

# ---------------------------------------------- ways of dying, each line its own men


def test_killed_in_fighting_and_executed_lines_are_summed():
    rec = _record(_battle("1 killed in fighting<br />59 summarily executed<br />4 survived"))
    assert _side_killed(rec, 2) == (60, 60, 60)


def test_two_lines_of_one_way_of_dying_stay_rival_figures():
    # two readings of the same kind of death are no parts of each other
    rec = _record(_battle("100 executed<br />300 executed"))
    assert _side_killed(rec, 2) == (100, None, 300)


# ------------------------------------------------- each ancient writer's count under his name


def test_each_authors_parts_are_summed_and_the_authors_are_rivals():
    rec = _record(
        _battle(
            "Arrian:<br />80 infantry killed<br />230 cavalry killed<br />Diodorus:<br />"
            "700 infantry killed<br />280 cavalry killed"
        )
    )
    assert _side_killed(rec, 2) == (310, None, 980)


def test_without_author_headings_repeated_parts_stay_rivals():
    rec = _record(
        _battle(
            "Early reports:<br />80 infantry killed<br />230 cavalry killed<br />Later:<br />"
            "700 infantry killed<br />280 cavalry killed"
        )
    )
    assert _side_killed(rec, 2) != (310, None, 980)


# --------------------------------------------------------- a river no country holds


def _river(lead: str) -> str:
    return (
        "{{Infobox military conflict\n| conflict = Battle of Baekgang\n| date = 27 August 663\n"
        "| place = Mouth of the Baek River, Korean Peninsula\n"
        "| combatant1 = [[Tang dynasty]]\n| combatant2 = [[Baekje]]\n}}\n"
        f"{lead}\n\n== Background ==\nThe Tang court in present-day China sent a fleet.\n"
    )


def test_the_lead_says_in_which_country_a_river_lies_now():
    rec = _record(
        _river(
            "The '''Battle of Baekgang''' took place at the Baek River, thought to be the "
            "lower reaches of the Geum River in present-day South Korea."
        )
    )
    assert rec["event"]["location"]["country"] == "KR"
    assert rec["event"]["location"]["country_lead"] == "present-day South Korea"


def test_a_present_day_country_in_another_sentence_is_no_evidence():
    rec = _record(
        _river(
            "The '''Battle of Baekgang''' took place at the Baek River. Tang ships sailed from "
            "present-day China."
        )
    )
    assert rec["event"]["location"]["country"] is None


# ------------------------------------- a massacre in a conflict box: the killers' side


def _catavi(lead: str) -> str:
    return (
        "{{Infobox civil conflict\n| title = Catavi massacre\n| date = 21 December 1942\n"
        "| place = [[Catavi]], [[Bolivia]]\n"
        "| side1 = Miners of the Catavi mines and their families\n"
        "| side2 = {{flagicon|Bolivia}} [[Bolivian Army]] (Ingavi Regiment)<br />"
        "{{flagicon|Bolivia}} [[Carabineros (Bolivia)|Carabineros]]\n"
        "| fatalities = 19\n}}\n"
        f"The '''Catavi massacre''' was {lead} on 21 December 1942.\n"
    )


def test_forces_named_by_their_people_are_the_side_of_that_state():
    text = _catavi("the killing of striking miners by Bolivian government forces")
    rec = _record(text, name="Catavi massacre")
    assert _perps(rec) == ["Bolivian Army (Ingavi Regiment)", "Carabineros"]
    st = next(s for s in rec["statements"] if s["property"] == "perpetrator")
    assert st["origin"] == "infobox"
    assert text[st["span"][0] : st["span"][1]] == st["text"]


def test_forces_of_another_people_name_no_side():
    rec = _record(_catavi("the killing of miners by Peruvian troops"), name="Catavi massacre")
    assert _perps(rec) == []


# ------------------------------------------------ the page after a footnote marker ({{rp}})


def _copy(casualties: str, prose: str) -> str:
    return (
        "Battle of Manila (1945)\n\nFrom Wikipedia, the free encyclopedia\n\n"
        "Battle of Manila\nDate\t3 February – 3 March 1945\nLocation\tManila, Philippines\n"
        f"Casualties and losses\n{casualties}\n"
        "The Battle of Manila was fought by American and Filipino forces against the Japanese "
        f"garrison of the city between February and March 1945.[1] {prose}\n\nReferences\n"
        "^ Connaughton, Richard (1995). Corregidor. p. 195.\n"
    )


def test_a_page_number_after_a_marker_is_no_figure():
    rec = _record(
        _copy("1,010 killed\n5,565 wounded[1]: 195 ", "The Americans lost 1,010 killed.[1]: 174  "),
        fmt="plaintext",
    )
    assert rec["event"]["injuries"]["low"] == 5565
    sts = [s for s in rec["statements"] if s["property"] == "injuries"]
    assert [s["text"] for s in sts] == ["5,565 wounded"]


def test_a_figure_after_a_marker_and_a_colon_with_its_word_stays():
    rec = _record(_copy("Killed[1]: 25 killed", "It ended."), fmt="plaintext")
    assert _q(rec["event"]) == (25, 25, 25)


# ------------------------------------------------------------- hidden ISO dates in a copy


def test_hidden_iso_dates_before_the_visible_range_are_skipped():
    v = parse_date("(1937-09-22) (1937-09-29)September 22–29, 1937\n(1 week)")
    assert (v.start, v.end) == ("1937-09-22", "1937-09-29")
    assert v.text == "September 22–29, 1937"
    v = parse_date("(1937-09-22)")
    assert v.start == "1937-09-22"


# ---------------------------------------------------------- colonies and territories


def test_colonial_names_and_territories_give_todays_code():
    assert resolve_place("Slim River, British Malaya").country == "MY"
    assert resolve_place("Wake Island, U.S. territory").country == "UM"
    assert resolve_place("Guam, U.S. territory").country == "GU"
    assert resolve_place("Nouméa, New Caledonia, France").country == "NC"
    assert resolve_place("Springfield, Illinois, United States").country == "US"


# ---------------------------------------------------- a bombing told in a conflict box


def test_a_bombing_the_first_sentence_calls_a_massacre_is_an_attack():
    text = (
        "{{Infobox military conflict\n| conflict = Bombing of Plaza de Mayo\n"
        "| date = 16 June 1955\n| place = [[Buenos Aires]], Argentina\n"
        "| combatant1 = [[Argentine Army]]\n| combatant2 = Rebel units of the [[Argentine Navy]]\n"
        "| casualties2 = 308+ killed\n}}\n"
        "The '''bombing of Plaza de Mayo''' was a massacre that took place in Buenos Aires on "
        "16 June 1955.\n"
    )
    assert _record(text, name="Bombing of Plaza de Mayo")["event"]["kind"] == "attack"
    # a battle's title keeps the battle, whatever its first sentence says
    battle = text.replace("Bombing of", "Battle of").replace("bombing of", "battle of")
    assert _record(battle, name="Battle of Plaza de Mayo")["event"]["kind"] == "battle"


# ---------------------------------------------- two clauses, each with its own subjects


def test_the_next_clauses_subjects_take_its_verb():
    figs = figures_in_sentence(
        "In total, 47 Jews and 48 Arabs were killed and 146 Jews and 73 Arabs were wounded."
    )
    assert [(f.best, f.category) for f in figs] == [
        (47, "killed"),
        (48, "killed"),
        (146, "wounded"),
        (73, "wounded"),
    ]
    figs = figures_in_sentence("The gunmen murdered twelve students and one teacher.")
    assert [f.category for f in figs] == ["killed", "killed"]


# ------------------------------------------------------------------ who planted the bomb


def test_who_planted_the_bomb_is_its_perpetrator():
    text = (
        "{{Infobox aircraft occurrence\n| name = Flight 108\n| date = 9 September 1949\n"
        "| occurrence_type = Bombing\n| site = Cap Tourmente, Quebec, Canada\n"
        "| fatalities = 23\n}}\n"
        "'''Flight 108''' was destroyed by a bomb on 9 September 1949, killing all 23 people on "
        "board. The bomb had been planted by Albert Guay, a jeweller who wanted to kill his "
        "wife.\n"
    )
    assert _perps(_record(text)) == ["Albert Guay"]


# ------------------------------------------------ wave 66: suspects, headings, totals


def _mobile(rows: str, heading: str = "Explosion") -> str:
    return (
        "Open main menu\n\nWikipedia\nThe Free Encyclopedia\n\nSearch\n1975 LaGuardia Airport "
        "bombing\n\nLanguage\nWatch\nEdit\nArticle\nTalk\nTerrorist attack in New York City\n\n"
        "The 1975 LaGuardia Airport bombing was a terrorist attack that took place on December "
        "29, 1975, when a bomb exploded near the baggage claim area at LaGuardia Airport. The "
        "explosion killed 11 people.[1]\n\n1975 LaGuardia Airport bombing\n"
        "The damaged baggage claim area the morning after the explosion\n"
        "Location\tLaGuardia Airport, Queens, New York City, U.S.\n"
        "Coordinates\t40°46′37″N 73°52′26″W\nDate\tDecember 29, 1975\n"
        "Target\tBaggage claim area\nAttack type\tTime bomb\n"
        f"Deaths\t11\n{rows}\n\n{heading}\n\n"
        "The bomb had been left in a coin-operated locker next to the baggage carousels of the "
        "terminal and exploded at 6:33 p.m. during the holiday travel period.[1]\n\n"
        "References\n\n^ Smith, J. (1976). The bombing. p. 3.\n"
    )


def test_suspected_perpetrators_are_a_row_of_their_own_and_no_perpetrators():
    rec = _record(
        _mobile(
            "Perpetrator\tUnknown\nSuspected perpetrators\tCroatian nationalists; Puerto Rican "
            "nationalists (disputed)"
        ),
        fmt="plaintext",
    )
    assert _perps(rec) == []


def test_a_mobile_section_title_after_the_box_is_no_part_of_its_last_row():
    rec = _record(_mobile("Injured\t74"), fmt="plaintext")
    injured = [s for s in rec["statements"] if s["property"] == "injuries"]
    assert [s["text"] for s in injured] == ["74"]
    from eventledger.read.plaintext import read_plaintext

    doc = read_plaintext(_mobile("Injured\t74"), "x.txt")
    assert "Explosion" in {s.section for s in doc.body()}


def test_the_boer_republics_and_colonies_give_south_africa():
    assert resolve_place("Orange Free State").country == "ZA"
    assert resolve_place("Pietermaritzburg, Colony of Natal").country == "ZA"
    # several of today's countries: a region, no country
    place = resolve_place("Cape Colony, Bechuanaland Protectorate and Rhodesia")
    assert place.country is None


def _one_list(casualties: str) -> str:
    return (
        "{{Infobox military conflict\n| conflict = North Yemen Civil War\n"
        "| date = 1962–1970\n| place = [[North Yemen]]\n"
        "| combatant1 = [[Yemen Arab Republic]]\n| combatant2 = [[Kingdom of Yemen]]\n"
        f"| casualties3 = {casualties}\n}}}}\n"
        "The '''North Yemen Civil War''' was fought in North Yemen from 1962 to 1970.\n"
    )


def test_a_last_total_line_of_a_field_of_no_side_is_its_figure():
    from eventledger.extract.statements import extract_statements
    from eventledger.read.wikitext import read_wikitext

    # a field of no side read from a copy: the "Total:" line at its end wins
    doc = read_wikitext(
        _one_list(
            "Egypt: 26,000 killed<br />Republicans: unknown<br />"
            "Total: 100,000–200,000 killed (all sides)"
        ),
        "x",
    )
    for f in doc.infobox.fields:
        if f.key.startswith("casualties"):
            f.key, f.side = "casualties", None
    totals = [s for s in extract_statements(doc) if s.total]
    assert [s.text for s in totals] == ["100,000–200,000 killed"]


def test_a_total_line_with_lines_after_it_closes_one_column_only():
    from eventledger.extract.statements import extract_statements
    from eventledger.read.wikitext import read_wikitext

    doc = read_wikitext(
        _one_list("79 killed<br />Total: 234 killed<br />PAVN figures:<br />559 killed"), "x"
    )
    for f in doc.infobox.fields:
        if f.key.startswith("casualties"):
            f.key, f.side = "casualties", None
    assert not [s for s in extract_statements(doc) if s.total]


def _two_attacks(date: str) -> str:
    return (
        "{{Infobox civilian attack\n| title = 2003 Istanbul bombings\n"
        f"| location = [[Istanbul]], Turkey\n| date = {date}\n| fatalities = 57\n}}}}\n"
        "The '''2003 Istanbul bombings''' were truck bombings in Istanbul in November 2003.\n"
    )


def test_a_second_attacks_line_of_the_date_field_ends_the_event():
    rec = _record(
        _two_attacks(
            "'''First attacks''' – {{start date|2003|11|15|df=y}}:<br />9:30 a.m.<br />"
            "'''Second attacks''' – 20 November 2003:<br />10:55 a.m."
        )
    )
    assert (rec["event"]["date"]["start"], rec["event"]["date"]["end"]) == (
        "2003-11-15",
        "2003-11-20",
    )


def test_a_time_line_under_the_date_ends_nothing():
    rec = _record(_two_attacks("{{start date|2003|11|15|df=y}}<br />9:30 a.m. – 11:00 a.m."))
    assert rec["event"]["date"]["end"] is None


def test_the_toll_of_what_the_event_was_a_prelude_to_is_not_its_own():
    text = (
        "{{Infobox civilian attack\n| title = Kristallnacht\n| location = Germany\n"
        "| date = 9–10 November 1938\n| fatalities = 91+\n}}\n"
        "'''Kristallnacht''' was a pogrom against Jews carried out by the SA on 9–10 November "
        "1938. At least 91 Jews were killed in the attacks. Historians view Kristallnacht as "
        "a prelude to the Final Solution and the murder of six million Jews during the "
        "Holocaust.\n"
    )
    assert _q(_record(text, name="Kristallnacht")["event"]) == (91, None, None)
