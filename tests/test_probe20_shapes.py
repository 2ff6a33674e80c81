"""Shapes found in session 20 (probe waves 57–60 re-read, wave 61 onwards). Each test fails on
the session's starting code or guards a counter-example of a rule."""

from __future__ import annotations

from eventledger.extract.prose_sides import split_by_lead
from eventledger.normalise.actors import split_actors

from .test_probe15_shapes import _battle, _codes, _perps, _q, _record, _side_killed
from .test_probe17_shapes import _attack

# ---------------------------------------------- a clause on what befell the actor, after it


def test_a_clause_after_the_perpetrators_name_is_no_actor():
    names = [
        a.name
        for a in split_actors(
            "Evan Pederick was tried, convicted and sentenced to 20 years' imprisonment"
        )
    ]
    assert names == ["Evan Pederick"]
    rec = _record(
        _attack(
            "3",
            "A bomb exploded.",
            perpetrators="Evan Pederick was tried, convicted and sentenced to 20 years",
        )
    )
    assert _perps(rec) == ["Evan Pederick"]


def test_names_without_a_clause_keep_their_list():
    names = [a.name for a in split_actors("Timothy McVeigh, Terry Nichols and Michael Fortier")]
    assert names == ["Timothy McVeigh", "Terry Nichols", "Michael Fortier"]
    # a verb clause needs "was"/"were": a participle list stays what it was
    names = [a.name for a in split_actors("Irish Republican Army, convicted members")]
    assert names[0] == "Irish Republican Army"


# ------------------------------------------------------- who ordered the attack itself


def test_the_one_who_ordered_the_bombing_is_its_perpetrator():
    text = (
        "{{Infobox aircraft occurrence\n| name = Flight 9\n| date = 27 November 1989\n"
        "| occurrence_type = Bombing\n| site = Soacha, Colombia\n| total_fatalities = 110\n}}\n"
        "'''Flight 9''' was a passenger flight destroyed by a bomb over Soacha on 27 November "
        "1989. All 107 people on board were killed. The bombing had been ordered by the "
        "[[Medellín Cartel]], led by Pablo Escobar, in an attempt to kill a candidate.\n"
    )
    assert _perps(_record(text)) == ["Medellín Cartel"]


def test_a_mission_ordered_by_someone_names_no_perpetrator():
    text = (
        "{{Infobox aircraft occurrence\n| name = Flight 9\n| date = 27 November 1989\n"
        "| occurrence_type = Bombing\n| site = Soacha, Colombia\n| total_fatalities = 110\n}}\n"
        "'''Flight 9''' was a relief flight on a mission ordered by the [[United Nations]]. "
        "It was destroyed by a bomb over Soacha on 27 November 1989.\n"
    )
    assert _perps(_record(text)) == []


# --------------------------------------- "two garbage collectors and a police officer": three


def test_one_more_person_after_a_figure_that_ends_inside_the_words():
    rec = _record(
        _attack(
            "3",
            "The bomb killed two garbage collectors and a police officer, and injured eleven "
            "other people.",
        )
    )
    assert _q(rec["event"]) == (3, 3, 3)
    assert "CONTRADICTION" not in _codes(rec)


def test_a_one_who_opens_a_clause_of_its_own_is_not_counted():
    rec = _record(
        _attack("2", "The bomb killed two garbage collectors and a police officer was wounded.")
    )
    assert _q(rec["event"]) == (2, 2, 2)


# --------------------------------- a lead that repeats the box's toll tells its episodes


def test_a_smaller_lead_figure_beside_the_repeated_toll_is_an_episode():
    lead = (
        "Fourteen women were murdered. He shot all nine women in the room, killing six. He "
        "then moved through the corridors and killed fourteen women in less than twenty minutes."
    )
    rec = _record(_attack("15 (including the perpetrator)", lead))
    assert _q(rec["event"]) == (14, 14, 14)
    assert "CONTRADICTION" not in _codes(rec)


def test_a_smaller_lead_figure_stays_a_rival_when_the_lead_does_not_repeat_the_toll():
    lead = "He shot all nine women in the room, killing six."
    rec = _record(_attack("15 (including the perpetrator)", lead))
    assert _q(rec["event"])[0] == 6
    # nor when the smaller figure names its own source
    lead = "Fourteen women were murdered. According to the police, six people were killed."
    rec = _record(_attack("14", lead))
    assert _q(rec["event"])[0] == 6


# --------------------------------------------- a hatnote above a mobile copy's first paragraph

_MOBILE = """Open main menu

Wikipedia
The Free Encyclopedia
Search
Battle of Foo

Article
Talk
Language
Watch
Edit
1955 offensive and reprisals in Algeria
{hatnote}
Coordinates: 36°52′22″N 6°54′36″E
The Battle of Foo was a series of raids launched on 20 August 1955 on various towns of the \
Constantine region by insurgents and armed mobs during the Algerian War.[1] The raids were \
followed by reprisals which resulted in the death of several thousand Algerians.[2]

Battle of Foo
Part of the Algerian War

Philippeville on a 1950s map of Algeria
Date\t20 August 1955
Location\tPhilippeville, French Algeria
Belligerents
FLN\tFrance
Casualties and losses
1,273 killed\t123 killed
Background

Attacks
At noon on 20 August 1955, units of the ALN attacked police stations in some thirty localities \
around Philippeville, Constantine, Collo and Guelma.[1]

References
^ Horne, Alistair (2006). A Savage War of Peace. p. 118.
^ Horne 2006, p. 122.
"""


def test_a_hatnote_above_a_mobile_copys_first_paragraph_is_no_paragraph():
    hatnote = (
        '"Foo massacre" and "El-Halia mine massacre" redirect here. For the 1871 massacre, see '
        "Mokrani Revolt."
    )
    rec = _record(_MOBILE.format(hatnote=hatnote), fmt="plaintext")
    assert rec["event"]["date"]["start"] == "1955-08-20"
    assert rec["event"]["location"]["country"] == "DZ"
    sides = rec["event"]["sides"]
    assert [c["name"] for c in sides[0]["combatants"]] == ["FLN"]
    assert sides[1]["casualties"]["killed"]["best"] == 123


def test_a_long_first_line_that_is_no_hatnote_is_still_the_paragraph():
    # without the hatnote the page reads the same (the guard of the rule's other side)
    rec = _record(_MOBILE.format(hatnote=""), fmt="plaintext")
    assert rec["event"]["date"]["start"] == "1955-08-20"


# ------------------------------------------------ a force's levies are other men than its own


def test_a_sides_levies_line_under_its_bare_line_is_summed():
    rec = _record(_battle("24 killed<br />6 levies killed<br />37 wounded"))
    assert _side_killed(rec, 2) == (30, 30, 30)


def test_a_named_part_under_a_bare_line_is_still_a_part():
    rec = _record(_battle("24 killed<br />6 cavalry killed"))
    assert _side_killed(rec, 2) == (24, 24, 24)


# ------------------------- a Firefox copy's belligerents in one list: the lead tells the split


def _firefox(belligerents: str, lead: str, casualties: str = "169 killed\n379 wounded") -> str:
    return (
        "Jump to content\nMain menu\nSearch\nDonate\nCreate account\nLog in\n"
        "Battle of Foo\n41 languages\nArticle\nTalk\nRead\nEdit\nView history\nTools\n"
        "From Wikipedia, the free encyclopedia\nBattle of Foo\nPart of the Third Silesian War\n"
        "Date\n5 November 1757\nLocation\nRossbach, Electorate of Saxony\nResult\nVictory\n"
        f"Belligerents\n{belligerents}\nCommanders and leaders\nFrederick II\nPrince de Soubise\n"
        f"Casualties and losses\n{casualties}\nMap\nAbout OpenStreetMaps\nMaps: terms of use\n"
        "200km\n125miles\n12\nBattle of Torgau on 3 November 1760\n"
        f"The Battle of Foo took place on 5 November 1757 near Rossbach. {lead}\n\n"
        "Background\nThe war had begun the year before, and both armies marched west in the "
        "autumn of the year.[1]\n\nReferences\n^ Showalter, Dennis (2012). Frederick the Great. "
        "p. 190.\n"
    )


def _side_names(rec: dict) -> list[list[str]]:
    return [[c["name"] for c in s["combatants"]] for s in rec["event"]["sides"]]


def test_one_list_of_belligerents_takes_its_split_from_the_lead():
    lead = (
        "In about ninety minutes Frederick the Great defeated an allied army of French troops "
        "and the Reichsarmee of the Holy Roman Empire under the Prince de Soubise."
    )
    rec = _record(_firefox(" Prussia\n France\n Holy Roman Empire", lead), fmt="plaintext")
    assert _side_names(rec) == [["Prussia"], ["France", "Holy Roman Empire"]]


def test_a_name_between_the_sides_goes_with_the_peoples_its_side_lists():
    lead = (
        "A Pragmatic Army of British, Hanoverian and Austrian troops under the personal command "
        "of George II of Great Britain defeated a French army under the duc de Noailles."
    )
    names = ["Great Britain", "Hanover", "Habsburg monarchy", "France"]
    assert split_by_lead(names, [lead]) == 3


def test_a_name_between_the_sides_with_no_people_listed_leaves_no_split():
    lead = (
        "It was fought between the French army in Egypt under Napoleon Bonaparte and the forces "
        "of the local Mamluk rulers under Murad Bey."
    )
    assert split_by_lead(["French Republic", "Ottoman Empire", "Mamluks"], [lead]) is None
    rec = _record(_firefox(" French Republic\n Ottoman Empire\n Mamluks", lead), fmt="plaintext")
    assert rec["event"]["sides"] == [] or all(not s["combatants"] for s in rec["event"]["sides"])


def test_words_two_names_share_tie_neither_and_allies_are_no_second_side():
    # "Vietnam" names both South and North Vietnam: only the whole name tells them apart
    lead = (
        "It was the first major battle between the United States Army and the People's Army "
        "of Vietnam."
    )
    assert split_by_lead(["United States", "South Vietnam", "North Vietnam"], [lead]) is None
    # "the Kingdom of Hungary and its allies": one side's "and"
    lead = (
        "It was fought between the forces of the Kingdom of Hungary and its allies, led by "
        "Louis II, and those of the Ottoman Empire."
    )
    assert (
        split_by_lead(["Kingdom of Hungary", "Kingdom of Croatia", "Kingdom of Bohemia"], [lead])
        is None
    )
    lead = "It was undertaken by forces of the French Republic against Royalist rebels."
    assert split_by_lead(["French Republic", "French Royalists", "Great Britain"], [lead]) == 1


_SIEGE_LEAD = (
    "The siege was a successful British siege against Spanish-ruled Havana that lasted from "
    "March to August 1762, part of the Seven Years' War."
)


def test_a_firefox_row_with_one_empty_line_between_its_cells_is_split_there():
    rec = _record(
        _firefox("\n Great Britain\n British America\n\n Spain", _SIEGE_LEAD),
        fmt="plaintext",
    )
    assert _side_names(rec) == [["Great Britain", "British America"], ["Spain"]]


def test_the_interactive_maps_credits_end_the_row_above_them():
    rec = _record(
        _firefox(
            "\n Great Britain\n\n Spain",
            _SIEGE_LEAD,
            casualties="169 killed\n379 wounded\n8,000 killed, wounded and captured",
        ),
        fmt="plaintext",
    )
    fields = [st["text"] for st in rec["statements"] if st.get("field") == "Casualties and losses"]
    assert not any("Torgau" in t or "OpenStreet" in t for t in fields)
    assert rec["event"]["sides"][0]["casualties"]["killed"]["best"] == 169


# ------------------------------------- quoted names, leaders in brackets, agents at a place


def test_a_quoted_name_and_its_leader_in_brackets():
    names = [
        (a.name, a.start, a.end)
        for a in split_actors('"Arm of the Arab Revolution" (led by Carlos the Jackal)')
    ]
    assert names == [("Arm of the Arab Revolution", 1, 27), ("Carlos the Jackal", 37, 54)]
    # a remark that names no leader is still no actor
    assert [a.name for a in split_actors("Red Army (see below)")] == ["Red Army"]


def test_the_agent_after_a_place_and_a_peoples_men_of_the_group():
    text = (
        "{{Infobox aircraft occurrence\n| name = Flight 73\n| date = 5 September 1986\n"
        "| occurrence_type = Hijacking\n| site = Karachi, Pakistan\n| total_fatalities = 21\n}}\n"
        "'''Flight 73''' was a passenger flight from Bombay to New York. On 5 September 1986 "
        "the aircraft was hijacked on the ground at Karachi by four armed Palestinians of the "
        "[[Abu Nidal Organization]].\n"
    )
    assert _perps(_record(text)) == ["Abu Nidal Organization"]


def test_an_agent_of_another_participle_after_the_verb_is_still_refused():
    text = (
        "{{Infobox aircraft occurrence\n| name = Flight 73\n| date = 5 September 1986\n"
        "| occurrence_type = Hijacking\n| site = Karachi, Pakistan\n| total_fatalities = 21\n}}\n"
        "'''Flight 73''' was a passenger flight from Bombay to New York. On 5 September 1986 "
        "the aircraft was hijacked at the airport, which was guarded by the [[Pakistan Army]].\n"
    )
    assert _perps(_record(text)) == []


def test_a_states_peoples_army_keeps_the_states_name():
    assert [a.name for a in split_actors("Zimbabwe People's Revolutionary Army")] == [
        "Zimbabwe People's Revolutionary Army"
    ]
    # a state's own force after its name still loses it (its country)
    actors = split_actors("Soviet Union Red Army")
    assert [(a.name, a.country) for a in actors] == [("Red Army", "Soviet Union")]


# ------------------------------------------------------------------------------- wave 62


def test_the_massacre_of_a_people_by_its_perpetrators_in_the_lead():
    text = (
        "{{Infobox event\n| title = Shusha massacre\n| date = 22–26 March 1920\n"
        "| location = [[Shusha]], Azerbaijan\n| type = [[Massacre]]\n| deaths = 500–20,000\n}}\n"
        "The '''Shusha massacre''' was the massacre of the Armenian population of the town "
        "of Shusha (Shushi) in Karabakh by [[Azerbaijani Armed Forces|Azerbaijani troops]] "
        "between 22 and 26 March 1920.\n"
    )
    assert _perps(_record(text)) == ["Azerbaijani troops"]


def test_a_toll_of_the_perpetrator_alone_leaves_no_victim():
    rec = _record(_attack("1 (the perpetrator)", "A man stabbed seven shoppers."))
    assert _q(rec["event"]) == (0, 0, 0)
    # a perpetrators' figure the box does not give as the toll's whole stays what it was
    rec = _record(_attack("12", "Two attackers were also killed."))
    assert _q(rec["event"]) == (12, 12, 12)


def test_the_leads_toll_as_the_box_writes_it_with_its_attacker():
    rec = _record(
        _attack(
            "8 (including the attacker)",
            "The attack caused eight deaths, including the driver, who died the next day.",
        )
    )
    assert _q(rec["event"]) == (7, 7, 7)


def test_compound_peoples_and_the_place_after_the_second_party():
    lead = (
        "It was fought on 17 May 1648 between an Imperial-Bavarian army under Peter Melander "
        "and an allied Franco-Swedish army commanded by Carl Gustaf Wrangel, near Zusmarshausen "
        "in the district of Augsburg, Bavaria."
    )
    names = ["Swedish Empire", "Kingdom of France", "Electorate of Bavaria", "Holy Roman Empire"]
    # (the Holy Roman Empire, placed by no word, goes with the names after it: the only split)
    assert split_by_lead(names, [lead]) == 2
    lead = (
        "A combined French and Hessian army under the Duc d'Enghien defeated an "
        "Imperial-Bavarian army under Franz von Mercy."
    )
    names = ["Kingdom of France", "Hesse-Kassel", "Electorate of Bavaria", "Holy Roman Empire"]
    assert split_by_lead(names, [lead]) == 2


def test_two_battles_of_one_year_in_one_date_field_with_a_slash():
    from eventledger.normalise.dates import parse_date

    v = parse_date("16–18 April / 6–11 July 1953")
    assert (v.start, v.end) == ("1953-04-16", "1953-07-11")
    # one month's two days with a slash stay one span of days
    v = parse_date("4 / 5 July 1953")
    assert (v.start, v.end) == ("1953-07-04", "1953-07-05")


# ------------------------------------------------------------------------------- wave 63

_CHROME_COPY = """Jump to content
Main menu
Search
Donate
Create account
Log in
2009 Hotel Foo bombing
12 languages
Article
Talk
Read
Edit
View history
Tools
From Wikipedia, the free encyclopedia
2009 Hotel Foo bombing
Location\tMogadishu, Somalia
Date\t3 December 2009
{rows}
The 2009 Hotel Foo bombing was a suicide bombing at the Hotel Foo in Mogadishu, Somalia, on \
3 December 2009. {lead}

The bombing[edit]
The attack took place inside the meeting hall of the hotel during a graduation ceremony, and \
was carried out by a suicide bomber standing near the front of the stage.[1]

"I got down on the ground and looked back. Dozens of people were on the ground."

Abdinasir Mohamed, The Wall Street Journal
{body}

Reactions[edit]
The President described the attack as a national disaster and declared three days of mourning.[1]

References[edit]
^ "Somalia bombing". BBC News. 3 December 2009.
"""


def _chrome(rows: str, lead: str, body: str = "The bombing killed 24 people.[1]") -> dict:
    return _record(_CHROME_COPY.format(rows=rows, lead=lead, body=body), fmt="plaintext")


def test_a_campaign_box_under_the_last_row_is_no_part_of_it():
    rec = _chrome(
        "Deaths\t25\nInjured\t60\nv\nt\ne\nSomali Civil War\n(2009–present)",
        "The bombing killed 25 people and injured 60 more.[1]",
    )
    assert _q(rec["event"], "injuries") == (60, 60, 60)
    rec = _chrome(
        "Deaths\t25\nPerpetrator(s)\tUnknown; no one claimed responsibility\n"
        "Bombings and terrorist attacks of the Iraq War\nAttacks with 80+ deaths in bold:\n"
        "Jordanian embassy – UN headquarters – Imam Ali Mosque – 1st Baghdad – Nasiriyah – "
        "Karbala",
        "The bombing killed 25 people.[1]",
    )
    assert _perps(rec) == []


def test_a_quotations_source_between_paragraphs_is_no_heading_in_a_marked_copy():
    rec = _chrome("Deaths\t25", "The bombing killed 25 people.[1]")
    sections = {st["section"] for st in rec["statements"] if st.get("section")}
    assert "Abdinasir Mohamed, The Wall Street Journal" not in sections
    assert "The bombing" in sections


def test_the_toll_of_the_event_it_is_compared_with_by_that():
    rec = _chrome(
        "Deaths\t25",
        "The bombing killed 25 people, making it the deadliest attack in Somalia since the "
        "Beledweyne bombing on 18 June 2009 that claimed more than 30 lives.[1]",
    )
    assert _q(rec["event"]) == (25, 25, 25)


def test_a_victory_for_one_party_over_another_and_a_partys_unnamed_allies():
    lead = (
        "It was a decisive victory for a force of about 900 Missouri volunteers under Colonel "
        "Doniphan over a larger Mexican army of regulars, militia of the state of Chihuahua "
        "and mounted rancheros."
    )
    names = ["United States", "Missouri volunteers", "Mexico", "Chihuahua militia"]
    assert split_by_lead(names, [lead]) == 2
    lead = (
        "On March 27, 1814, United States forces and their Native American allies under Major "
        "General Andrew Jackson defeated the Red Sticks, a part of the Muscogee people."
    )
    names = ["United States", "Tennessee militia", "Cherokee", "Lower Creeks", "Red Sticks"]
    assert split_by_lead(names, [lead]) == 4
    # without the allies the names between stay unplaced
    lead = lead.replace(" and their Native American allies", "")
    assert split_by_lead(names, [lead]) is None


def test_the_second_partys_words_end_at_its_first_comma():
    # "…, resulting in a decisive victory for the Patriots" names the first party again
    lead = (
        "It was fought between Patriot and Loyalist militias in South Carolina, resulting in a "
        "decisive victory for the Patriots."
    )
    names = ["Patriot militia", "Loyalist militia"]
    assert split_by_lead(names, [lead]) == 1


def test_a_totals_breakdown_in_brackets_on_the_line_under_it():
    rec = _record(
        _battle(
            "27,410<br />(5,125 killed, 9,818 missing, 12,467 wounded)<br />25,650<br />"
            "(7,083 killed, 8,167 missing, 10,400 wounded)<br />Total: 53,060<br />"
            "(12,208 killed, 17,985 missing, 22,867 wounded)"
        )
    )
    assert _side_killed(rec, 2) == (12208, 12208, 12208)


# ------------------------------------------------------------------------------- wave 64

_MOBILE_TITLES = """Open main menu

Wikipedia
The Free Encyclopedia
Search
Foo shooting

Article
Talk
Language
Watch
Edit
The Foo shooting was a mass shooting that took place on October 16, 1991, at a cafeteria in \
Killeen, Texas, United States, in which the gunman killed 23 people.[1]
Foo shooting
Date\tOctober 16, 1991
Location\tKilleen, Texas, United States
Attack type\tMass shooting
Weapons\tGlock 17 pistol
Deaths\t24 (including the perpetrator)
Injured\t27
Perpetrator\tGeorge Hennard
Perpetrator
edit
George Pierre Hennard was born on October 15, 1956, in Sayre, Pennsylvania, and was raised in \
several places where his father was posted.[2]
Victims
edit
Twenty-three people were killed. Early news reports put the number of dead at 22, besides the \
gunman; the toll rose to 23 when another victim died.[1]
References
edit
Jump up ^ Smith 1991, p. 3.
^ Jump up to: a b "Gunman kills 23". The New York Times. 17 October 1991.
"""


def test_a_mobile_section_title_that_reads_as_a_label_ends_the_box():
    rec = _record(_MOBILE_TITLES, fmt="plaintext")
    assert _perps(rec) == ["George Hennard"]
    sections = {st["section"] for st in rec["statements"] if st.get("section")}
    assert "Victims" in sections
    assert _q(rec["event"]) == (23, 23, 23)


def test_the_older_skins_single_backlink_before_its_caret():
    rec = _record(_MOBILE_TITLES, fmt="plaintext")
    assert rec["counts"]["footnotes"] == 2
