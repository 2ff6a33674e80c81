"""Page shapes from the session-7 probe: realistic pages written and coded blind by other
engineers (pogroms, lynchings, sieges with no infobox, news-event boxes). Each test is one
general rule a page of that shape showed to be missing; the pages stay outside the
repository."""

from __future__ import annotations

import pytest

from eventledger.normalise.numbers import figures_in_sentence
from eventledger.pipeline import parse_text

from .test_probe_shapes import _q


def _page(box: str, lead: str, title: str = "Example massacre", more: str = "") -> dict:
    wikitext = (
        box + f"'''{title}''' {lead}<ref>{{{{cite book |last=Smith |title=T |year=2001}}}}</ref>\n"
        "\n== Aftermath ==\n" + (more or "The town held a memorial service.") + "\n"
    )
    return parse_text(wikitext, title=title, format="wikitext")[0]


def test_infobox_news_event_is_an_event_infobox() -> None:
    rec = _page(
        "{{Infobox news event\n| title = Example riot\n"
        "| date = {{start date|1919|09|30}} – {{end date|1919|10|01}}\n"
        "| location = [[Elaine, Arkansas]], U.S.\n| coordinates = {{coord|34.3087|-90.8518}}\n"
        "| deaths = 100–237 Black people (est.)<br />5 white men\n}}\n",
        "was a massacre in the autumn of 1919.",
        title="Example riot",
    )
    ev = rec["event"]
    assert rec["infobox"]["template"] == "event"
    assert (ev["date"]["start"], ev["date"]["end"]) == ("1919-09-30", "1919-10-01")
    assert ev["location"]["country"] == "US" and ev["location"]["where_prec"] == 1
    # two groups of the dead on two lines, one toll
    assert _q(rec, "deaths") == (105, None, 242)


def test_the_killers_hanged_after_their_conviction_are_no_toll() -> None:
    assert (
        figures_in_sentence(
            "A second trial found seven of them guilty of murder, and the seven were hanged."
        )
        == []
    )
    # an execution that is the event stays
    assert [f.low for f in figures_in_sentence("The soldiers executed 300 prisoners.")] == [300]


def test_others_also_reported_killed_are_a_part_and_another_years_toll_is_no_rival() -> None:
    rec = _page(
        "{{Infobox event\n| title = Example pogrom\n| date = April 1903\n"
        "| location = [[Chișinău]]\n| deaths = 49\n"
        "| injuries = 92 seriously<br />c. 500 lightly\n}}\n",
        "was an anti-Jewish riot in April 1903 in which 49 Jews were killed. Two non-Jews were "
        "also reported killed in the disorders. It was followed by a second, smaller pogrom in "
        "October 1905, in which 19 Jews were killed.",
        title="Example pogrom",
    )
    assert _q(rec, "deaths") == (49, 49, 49)
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]
    # the seriously and the lightly injured are two parts of one toll
    assert _q(rec, "injuries") == (92, 592, None)


def test_a_further_toll_adds_to_the_leads_parts_on_a_page_without_an_infobox_figure() -> None:
    rec = _page(
        "",
        "was a siege in 1596. Twelve officers and 284 soldiers of the garrison died during the "
        "siege. A further 40 townspeople were killed by the bombardment.",
        title="Siege of Exampletown (1596)",
    )
    assert _q(rec, "deaths") == (336, 336, 336)
    # with an infobox toll, the further figure is a part of it, as before
    rec = _page(
        "{{Infobox civilian attack\n| title = Example bombing\n| date = {{start date|2001|5|4}}\n"
        "| location = [[Exampleton]]\n| fatalities = 52\n}}\n",
        "was a bombing in 2001 that killed 50 people. A further two people died in hospital.",
        title="Example bombing",
    )
    assert _q(rec, "deaths") == (52, 52, 52)


def test_a_total_with_its_parts_takes_no_further_figure_on_top() -> None:
    rec = _page(
        "",
        "was an offensive in 2016. Almost 1,200 people were killed during the operation, "
        "including more than 600 civilians, but at least 149 were also killed by shelling.",
        title="Example offensive (2016)",
    )
    assert _q(rec, "deaths")[1:] == (None, 1199)


def test_bare_numbers_of_a_comma_list_name_their_groups_after_them() -> None:
    rec = _page(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = {{start date|1997|11|17}}\n"
        "| location = [[Luxor]], Egypt\n"
        "| fatalities = 58 foreign tourists, 3 police officers, 1 tour guide<br />(+6 attackers)\n}}\n",
        "was an attack in which the gunmen killed 62 people.",
    )
    assert _q(rec, "deaths") == (62, 62, 62)


def test_the_number_killed_ranges_between_two_figures() -> None:
    figs = figures_in_sentence("Estimates of the number killed range from 25 to 120.")
    assert [(f.category, f.low, f.high) for f in figs] == [("killed", 25, 120)]
    figs = figures_in_sentence("Estimates of the death toll vary between 300 and 3,000.")
    assert [(f.category, f.low, f.high) for f in figs] == [("killed", 300, 3000)]


def _war(combatant1: str, combatant2: str, casualties1: str) -> dict:
    return _page(
        "{{Infobox military conflict\n| conflict = Example rebellion\n| date = 1952–1960\n"
        f"| place = [[Kenya]]\n| combatant1 = {combatant1}\n| combatant2 = {combatant2}\n"
        f"| casualties1 = {casualties1}\n| casualties2 = 11,000+ killed\n}}}}\n",
        "was an uprising.",
        title="Example rebellion",
    )


def test_parts_of_a_side_joined_by_and_and_polities_named_after_a_state() -> None:
    rec = _war(
        "{{flag|United Kingdom}}\n* [[Kenya Colony]]\n* [[Home Guard (Kenya)|Kikuyu Home Guard]]",
        "[[Mau Mau|Kenya Land and Freedom Army]] (Mau Mau)",
        "200 British soldiers and police killed<br>1,800+ Home Guard and loyalists killed",
    )
    s1, s2 = rec["event"]["sides"]
    # "Kenya Colony" is a polity, and a name one link gives whole keeps its state
    assert [a["name"] for a in s1["combatants"]] == [
        "United Kingdom",
        "Kenya Colony",
        "Kikuyu Home Guard",
    ]
    assert [a["name"] for a in s2["combatants"]] == ["Kenya Land and Freedom Army (Mau Mau)"]
    # two lines naming two parts of the side are summed (the second a floor)
    q = s1["casualties"]["killed"]
    assert (q["low"], q["best"], q["high"]) == (2000, None, None)


def test_a_lines_listed_parts_are_one_rival_of_the_other_sources_lines() -> None:
    rec = _war(
        "Macedon",
        "Persia",
        "100 infantry and 1,000 cavalry<br>(according to Arrian);<br>300 infantry<br>"
        "(according to Curtius Rufus);<br>500 infantry<br>(according to Diodorus)",
    )
    q = rec["event"]["sides"][0]["casualties"]["total"]
    assert (q["low"], q["best"], q["high"]) == (300, None, 1100)


def test_civilians_in_a_sides_column_floor_the_dead_when_no_side_counts_its_own() -> None:
    rec = _page(
        "{{Infobox military conflict\n| conflict = Example air campaign\n"
        "| date = 18–29 December 1972\n| place = [[Hanoi]]\n"
        "| combatant1 = {{flag|United States}}\n| combatant2 = {{flag|North Vietnam}}\n"
        "| casualties1 = 43 killed or missing<br />49 captured\n"
        "| casualties2 = 8 MiGs shot down (U.S. claim)<br />"
        "1,624 civilians killed (North Vietnamese claim)\n}}\n",
        "was a bombing campaign.",
        title="Example air campaign",
    )
    ev = rec["event"]
    assert _q(rec, "deaths") == (1624, None, None)
    # fighter names are aircraft, not people
    assert ev["sides"][1]["casualties"]["total"]["statements"] == []


def test_a_final_toll_supersedes_the_initial_one_and_a_comparison_dates_no_figure() -> None:
    rec = _page(
        "{{Infobox civilian attack\n| title = Example hall attack\n"
        "| date = {{start date|2024|3|22}}\n| location = [[Krasnogorsk]], Russia\n"
        "| fatalities = 145\n}}\n",
        "was a terrorist attack on 22 March 2024. Authorities initially reported 40 deaths on "
        "the evening of the attack. The final toll was 145 people killed, making it the "
        "deadliest terrorist attack in Russia since the Beslan school siege in 2004.",
        title="Example hall attack",
    )
    assert _q(rec, "deaths") == (145, 145, 145)
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]


def _operation(casualties: str, date: str = "{{start date|2019|10|26}}") -> dict:
    return _page(
        "{{Infobox military operation\n| name = Operation Example\n"
        f"| date = {date}\n| location = [[Barisha]], Syria\n"
        "| executed_by = {{flagicon|USA}} [[75th Ranger Regiment]]\n"
        f"| casualties = {casualties}\n}}}}\n",
        "was a raid.",
        title="Operation Example",
    )


def test_an_operations_parties_under_headings_or_named_in_lines_are_one_toll() -> None:
    rec = _operation(
        "'''Israel:'''<br />1 commando killed, 5 wounded<br />'''Hostages:'''<br />"
        "3 killed, 10 wounded<br />'''Uganda:'''<br />33–45 soldiers killed"
    )
    assert _q(rec, "injuries") == (15, 15, 15)
    assert _q(rec, "deaths") == (37, None, 49)
    rec = _operation(
        "{{ubl|2 children killed|6 ISIL militants killed|2 U.S. soldiers slightly wounded"
        "|1 military working dog wounded}}"
    )
    assert _q(rec, "deaths") == (8, 8, 8)
    assert _q(rec, "injuries") == (2, 2, 2)  # a dog is no casualty


def test_a_start_date_template_followed_by_the_end_in_text() -> None:
    rec = _operation("1 killed", date="{{start date|1976|07|03|df=y}}{{snd}}4 July 1976")
    d = rec["event"]["date"]
    assert (d["start"], d["end"], d["date_prec"]) == ("1976-07-03", "1976-07-04", 2)


def test_a_stated_event_total_beside_one_sides_figure_is_the_events() -> None:
    rec = _page(
        "{{Infobox civil conflict\n| title = Example unrest\n"
        "| date = 2 January 2022 – 11 January 2022\n| place = {{flag|Kazakhstan}}\n"
        "| side1 = Protesters\n| side2 = {{flagicon|Kazakhstan}} [[Government of Kazakhstan]]\n"
        "| casualties1 = 208 killed\n| casualties2 = 19 killed<br />1,300+ injured\n"
        "| injuries = 4,578+\n}}\n",
        "was a series of protests.",
        title="Example unrest",
    )
    assert _q(rec, "deaths") == (227, 227, 227)
    assert _q(rec, "injuries") == (4578, None, None)


def test_a_browser_copys_map_caption_is_no_location_and_named_groups_are_one_toll() -> None:
    text = (
        "Example massacre\nFrom Wikipedia, the free encyclopedia\nExample massacre\n"
        "LocationSand Creek, Kiowa County, Colorado Territory, United States\n"
        "38°32′55″N 102°30′32″W\nDateNovember 29, 1864\n"
        "Deaths69–600 Cheyenne and Arapaho[1]\n24 soldiers[1]\n"
        "Example massacre is located in Colorado\nExample massacre\n"
        "Location of the massacre in Colorado\n\n"
        "The Example massacre was a massacre of Cheyenne and Arapaho people by the army on "
        "November 29, 1864, in the southeast of the Colorado Territory of the United States.[1]\n"
        "\nReferences\n1. ^ Smith, A. (2001). The Plains. Denver: Example Press. p. 3.\n"
    )
    (rec,) = parse_text(text, format="plaintext", name="copy.txt")
    loc = rec["event"]["location"]
    assert (round(loc["lat"], 2), round(loc["lon"], 2), loc["country"]) == (38.55, -102.51, "US")
    assert _q(rec, "deaths") == (93, None, 624)


def test_a_boats_designation_is_no_count_and_no_casualties_is_zero() -> None:
    assert [f.low for f in figures_in_sentence("All 73 men aboard U-864 were killed.")] == [73]
    assert [f.low for f in figures_in_sentence("15 B-52s were lost and 33 airmen killed.")] == [33]
    rec = _page(
        "",
        "was a naval bombardment and burning of the town of Greytown (San Juan del Norte), on "
        "the Mosquito Coast of [[Nicaragua]], by the [[United States Navy]] on July 13, 1854. "
        "There were no casualties.",
        title="Bombardment of Greytown",
    )
    assert _q(rec, "deaths") == (0, 0, 0) and _q(rec, "injuries") == (0, 0, 0)
    # the lead's country decides between namesakes, also for "the town of X"
    assert rec["event"]["location"]["country"] == "NI"


def test_a_perpetrator_in_a_bracket_after_his_number() -> None:
    rec = _page(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = {{start date|1987|8|19}}\n"
        "| location = [[Hungerford]], England\n| fatalities = 16 +1 (perpetrator)\n}}\n",
        "was a spree shooting in which the gunman shot dead sixteen people before killing himself.",
    )
    assert _q(rec, "deaths") == (16, 16, 16)


def test_state_killing_units_and_a_town_the_lead_places_in_its_province() -> None:
    from eventledger.normalise.actors import split_actors

    for name in ("Kenpeitai", "Einsatzgruppe C", "New South Wales Mounted Police", "NKVD"):
        assert [a.kind for a in split_actors(name, [])] == ["state"], name
    rec = _page(
        "",
        "(also known as the '''Sack of Lunenburg''') occurred on 1 July 1782 when American "
        "privateers from [[Boston]] attacked the town of [[Lunenburg, Nova Scotia]], during "
        "the [[American Revolutionary War]].",
        title="Raid on Lunenburg",
    )
    assert rec["event"]["location"]["country"] == "CA"


def test_a_stacked_cells_bracketed_line_goes_with_the_line_above() -> None:
    from eventledger.read.plaintext import _stacked_split

    lines = ["Eastern Army", "(Tokugawa loyalists)", "Western Army", "(Toyotomi loyalists)"]
    assert _stacked_split("combatants", lines) == (2, 0)
    assert _stacked_split("combatants", ["A", "B", "C"]) is None


@pytest.mark.parametrize(
    ("fatalities", "deaths"),
    [
        # a field list's words after a bare number name people, not a qualifier (review)
        ("58 confirmed, 70 estimated", (58, None, 70)),
        ("50 per police, 100 per organisers", (50, None, 100)),
        ("13 initially, 17 eventually", (13, None, 17)),
        ("7 confirmed and 12 possible", (7, None, 12)),
        ("58 foreign tourists and 4 Egyptians", (62, 62, 62)),
    ],
)
def test_field_list_words_name_people_not_qualifiers(
    fatalities: str, deaths: tuple[int | None, ...]
) -> None:
    rec = _page(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = {{start date|1997|11|17}}\n"
        f"| location = [[Luxor]], Egypt\n| fatalities = {fatalities}\n}}}}\n",
        "was an attack.",
    )
    assert _q(rec, "deaths") == deaths


@pytest.mark.parametrize(
    ("sentence", "lows"),
    [
        # the perpetrator's own death is no further part of the victims' toll
        ("The gunman killed 9 people and also killed himself.", [9]),
        ("The explosion killed 22 and the bomber also died.", [22]),
        # no conviction, or a conviction in another clause: the dead are the event's
        (
            "No Soviet official was ever convicted of the killings, in which 22,000 Polish "
            "officers were executed.",
            [22000],
        ),
        ("Two were found guilty of the massacre; 40 men had been hanged at the bridge.", [40]),
        # counts of people next to a designation, pirates, and people beside dogs
        ("All 12 Il-76 passengers were killed.", [12]),
        ("5 F-16 aircrew were killed.", [5]),
        ("The bombing killed 7 people and 3 police dogs.", [7]),
    ],
)
def test_review_of_session_7_rules(sentence: str, lows: list[int]) -> None:
    assert [f.low for f in figures_in_sentence(sentence)] == lows


def test_a_count_after_on_is_no_year_and_a_lone_further_figure_stands() -> None:
    rec = _page(
        "",
        "was a shooting on 4 August 2019. Soldiers opened fire on 2000 protesters, killing 12 "
        "people.",
        title="Example shooting",
    )
    assert _q(rec, "deaths") == (12, 12, 12)


def test_stacked_split_keeps_a_sides_ways_of_dying_together() -> None:
    from eventledger.read.plaintext import _stacked_split

    assert (
        _stacked_split(
            "casualties", ["4,000 killed in action", "2,000 died of disease", "500 killed"]
        )
        is None
    )


def test_label_patterns_read_indented_lines() -> None:
    from eventledger.extract.statements import _GROUP_LABEL, _line_groups

    # indentation before a label (a browser copy's tabs) is no part of it; a line of spaces
    # and one word is no label (how the patterns scale with such runs: bench/pathological.py)
    assert _GROUP_LABEL.match("\t\t* Prussians : 7,000").group("label") == "Prussians"
    assert _GROUP_LABEL.match(" " * 2000 + "x") is None
    assert len(_line_groups(" " * 2000 + "x\n" + "\t" * 2000 + "12 killed")) == 2


def test_groups_of_one_toll_after_qualifiers_are_summed() -> None:
    rec = _page(
        "",
        "were a series of riots in November 1910. Nearly 80 police officers and more than 500 "
        "residents were injured.",
        title="Example riots",
    )
    assert _q(rec, "injuries") == (501, None, None)
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]


def test_wave_10_shapes() -> None:
    # a reprisal's cause is another incident, also on an attack's page
    rec = _page(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = {{start date|1943|3|22}}\n"
        "| location = [[Khatyn]], Belarus\n| fatalities = 149\n}}\n",
        "was a massacre of 149 inhabitants of the village. It was a reprisal for an ambush "
        "earlier that day in which partisans killed four German policemen.",
    )
    assert _q(rec, "deaths") == (149, 149, 149)
    # "first reported 103 deaths, a figure lowered to 95": the lead replaces its figure
    rec = _page(
        "{{Infobox civilian attack\n| title = Example bombings\n| date = {{start date|2024|1|3}}\n"
        "| location = [[Kerman]], Iran\n"
        "| fatalities = 95 (+2 perpetrators)<br />103 {{small|(initial count)}}\n}}\n",
        "were two bombings that killed 95 people. Iranian authorities first reported 103 deaths, a "
        "figure lowered to 95 after some victims were counted twice.",
        title="Example bombings",
    )
    assert _q(rec, "deaths") == (95, 95, 95)
    # "of whom perhaps 2,000 to 4,000 were killed in Paris": a part of a range the scan did not
    # take for a figure
    figs = figures_in_sentence(
        "Modern estimates range from 5,000 to 30,000 across France, of whom perhaps 2,000 to "
        "4,000 were killed in Paris."
    )
    assert [f.subset for f in figs] == [True]


@pytest.mark.parametrize(
    ("fatalities", "lead", "deaths"),
    [
        # a lead toll that includes the perpetrators as the infobox's does: the same toll
        (
            "10 (including the perpetrator)",
            "The gunman killed 10 people, including himself.",
            (9, 9, 9),
        ),
        (
            "29 (including 5 perpetrators)",
            "In total 29 people died, including the five perpetrators and two members of the "
            "staff. The hostage-takers killed 20 hostages. Two police officers died in an "
            "exchange of fire.",
            (24, 24, 24),
        ),
        # without an infobox toll that counts them, the lead's figure stands as written
        ("", "The gunman killed 10 people, including himself.", (10, 10, 10)),
    ],
)
def test_a_lead_toll_including_the_perpetrators(
    fatalities: str, lead: str, deaths: tuple[int, ...]
) -> None:
    field = f"| fatalities = {fatalities}\n" if fatalities else ""
    rec = _page(
        "{{Infobox civilian attack\n| title = Example attack\n| date = {{start date|2016|7|1}}\n"
        f"| location = [[Dhaka]], Bangladesh\n{field}}}}}\n",
        "was an attack. " + lead,
        title="Example attack",
    )
    assert _q(rec, "deaths") == deaths
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]


@pytest.mark.parametrize(
    ("lead", "perpetrators"),
    [
        (
            "was an attack on a group of Kamilaroi people by a detachment of the [[New South "
            "Wales Mounted Police]] under Major [[James Nunn]] on 26 January 1838.",
            [("New South Wales Mounted Police", "state")],
        ),
        (
            "was the massacre of 300 villagers by German troops on 3 May 1944.",
            [("German troops", "state")],
        ),
    ],
)
def test_the_agent_after_the_target_of_an_attack_noun(
    lead: str, perpetrators: list[tuple[str, str]]
) -> None:
    rec = _page("", lead)
    assert [(p["name"], p["kind"]) for p in rec["event"]["perpetrators"]] == perpetrators


def test_a_stated_total_bounds_the_sides_open_sum() -> None:
    rec = _page(
        "{{Infobox civil conflict\n| title = Example protests\n| date = 28–30 June 1956\n"
        "| place = [[Poznań]], Poland\n| side1 = Workers\n| side2 = [[Polish People's Army]]\n"
        "| casualties1 = At least 49 killed<br />Hundreds wounded\n"
        "| casualties2 = 8 killed {{small|(4 soldiers, 3 UB officers, 1 militiaman)}}\n"
        "| fatalities = 57–78\n}}\n",
        "were the first of several massive protests.",
        title="Example protests",
    )
    assert _q(rec, "deaths") == (57, None, 78)
