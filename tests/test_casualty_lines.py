"""Casualty lines of war infoboxes: people counted through a unit word, deserters, and the
line that counts the dead from all causes."""

from __future__ import annotations

import pytest

from eventledger.normalise.numbers import figures_in_field
from eventledger.pipeline import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4,000 army troops killed in battle", [("killed", 4000)]),
        ("27,000 army troops died of disease", [("killed", 27000)]),
        ("300 navy sailors killed", [("killed", 300)]),
        # unit counts stay out
        ("3 armies destroyed", []),
        ("2 divisions", []),
        # deserters are neither killed, wounded, captured nor missing
        ("42,000 deserted", []),
        ("~400 deserted", []),
        ("2,000 deserters", []),
        ("500 killed, 300 deserted", [("killed", 500)]),
        # a bracket after a count of units remarks on those units
        ("2,200 merchant ships (600 to American privateers) lost", []),
        ("3 tanks (2 captured)", []),
        # … unless it counts their people
        ("2 divisions (5,000 men) destroyed", [("casualties", 5000)]),
        ("500 killed (200 civilians)", [("killed", 500), ("killed", 200)]),
        # "c." and "ca." glued to the number; a tilde after it; a tilde between two numbers
        ("c.150", [("casualties", None)]),
        ("c.1,500 killed", [("killed", None)]),
        ("600~ prisoners", [("captured", None)]),
        ("600~700 killed", [("killed", 600)]),
        ("p.150", []),
        # a count of units, also with a designation; and what a bracket after them says
        ("15 light naval units", []),
        ("53 B-24s destroyed (20 by the Romanian Air Force)", []),
        # a bracket broken over lines, or on its own line, remarks on the figure above it
        (
            "5,296\n(1,317 killed on land,\n2,375 lost at sea,\n1,604 wounded)",
            [("casualties", 5296), ("killed", 1317), ("killed", 2375), ("wounded", 1604)],
        ),
        ("at least 7,000 dead\n(2,112 in the United States)", [("killed", 7000), ("killed", 2112)]),
        # "(incomplete)" above the figures: each a floor
        ("(incomplete)\n12,157 men\n101 tanks destroyed", [("casualties", 12157)]),
    ],
)
def test_casualty_field_lines(text: str, expected: list[tuple[str, int]]) -> None:
    got = [(f.category, f.low) for f in figures_in_field(text, "casualties")]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "1,000 killed (Soviet estimate: 5,000)",
        "1,000 killed\n(Soviet claim: 5,000)",
        "1,000 killed (5,000 per Soviet sources)",
    ],
)
def test_a_larger_figure_in_a_source_bracket_is_a_rival(text: str) -> None:
    main, other = figures_in_field(text, "casualties")
    assert (main.low, main.subset) == (1000, False)
    assert (other.low, other.category, other.subset) == (5000, "killed", False)
    assert other.attribution and "Soviet" in other.attribution


def test_bracket_below_a_figure_is_its_part_or_its_source() -> None:
    figs = figures_in_field("at least 7,000 dead\n(2,112 in the United States)", "casualties")
    assert [f.subset for f in figs] == [False, True]
    figs = figures_in_field("300 killed\n(French claim)\n500 wounded", "casualties")
    assert [(f.low, f.attribution) for f in figs] == [(300, "(French claim)"), (500, None)]


def _war(casualties1: str, casualties2: str) -> dict:
    wikitext = (
        "{{Infobox military conflict\n| conflict = War of X\n| date = 1775–1783\n"
        "| combatant1 = [[Kingdom of A]]\n| combatant2 = [[Kingdom of B]]\n"
        f"| casualties1 = {casualties1}\n| casualties2 = {casualties2}\n}}}}\n"
        "The '''War of X''' was a war between A and B.\n"
    )
    return parse_text(wikitext, title="War of X", format="wikitext")[0]["event"]


def _battle(casualties1: str) -> dict:
    """The record of a battle whose side 1 lists *casualties1* (side 2: 7,600 killed)."""
    wikitext = (
        "{{Infobox military conflict\n| conflict = Battle of X\n| date = 1 May 1942\n"
        "| combatant1 = A\n| combatant2 = B\n"
        f"| casualties1 = {casualties1}\n| casualties2 = 7,600 killed\n}}}}\n"
        "The '''Battle of X''' was fought in 1942.\n"
    )
    return parse_text(wikitext, title="Battle of X", format="wikitext")[0]


def _attack_lead(lead: str) -> dict:
    """The record of an attack page with no infobox whose lead goes on with *lead*."""
    wikitext = f"'''X attack''' {lead}\n\n== References ==\n{{{{reflist}}}}\n"
    return parse_text(wikitext, title="2016 X attack", format="wikitext")[0]


def test_all_causes_line_is_the_contingents_figure() -> None:
    ev = _war(
        "'''Americans:'''<br />6,824 killed in battle<br />25,000–70,000 dead from all causes<br />"
        "'''Spain:''' 5,000 killed",
        "'''Britain:'''<br />4,000 army troops killed in battle<br />27,000 army troops died of "
        "disease<br />At least 51,000 dead from all causes<br />42,000 deserted\n"
        "'''Germans:''' 1,800 killed in battle<br>4,888 deserted<br>7,774 dead from all causes",
    )
    one, two = (s["casualties"]["killed"] for s in ev["sides"])
    assert (one["low"], one["best"], one["high"]) == (30000, None, 75000)
    assert (two["low"], two["best"], two["high"]) == (58774, None, None)


def test_without_all_causes_line_figures_stay_rival_estimates() -> None:
    ev = _war("6,824 killed<br />25,000 dead", "100 killed")
    one = ev["sides"][0]["casualties"]["killed"]
    assert (one["low"], one["high"]) == (6824, 25000)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Spanish Empire\n----\nCo-belligerents:\n\nDutch Republic",
            ["Spanish Empire", "Dutch Republic"],
        ),
        ("Germany\nSupported by:\nItaly", ["Germany", "Italy"]),
        ("In support:\nUnited States", ["United States"]),
        ("Allies", ["Allies"]),
    ],
)
def test_list_labels_are_not_actors(value: str, expected: list[str]) -> None:
    from eventledger.normalise.actors import split_actors

    assert [a.name for a in split_actors(value)] == expected


@pytest.mark.parametrize(
    ("casualties1", "killed", "contradiction"),
    [
        # each line names its own part of the side: summed, no rival estimates
        ("3,550 Swedes dead<br>2,000 Saxons dead", (5550, 5550, 5550), False),
        ("3,000 infantry killed<br>1,000 cavalry killed", (4000, 4000, 4000), False),
        ("10,000 Soviet KIA<br>700 Polish KIA", (10700, 10700, 10700), False),
        ("50 officers killed<br>1,200 men killed<br>3,000 wounded", (1250, 1250, 1250), False),
        # different ways of dying count different men
        ("2,000 killed in action<br>4,000 drowned", (6000, 6000, 6000), False),
        ("566,852 killed in action<br>235,339 died from non-combat causes", (802191,) * 3, False),
        # … also under a heading that names a source, not a contingent
        (
            "Based on Soviet archives:<br>566,852 killed in action<br>"
            "235,339 died from non-combat causes",
            (802191,) * 3,
            False,
        ),
        ("6,000–7,000 killed in action<br>2,000 executed", (8000, None, 9000), False),
        # rival claims, a qualifier that is no part: as before
        ("300 killed (Chinese claim)<br>50 killed (US claim)", (50, None, 300), True),
        ("35,478 confirmed dead<br>2,715 killed", (2715, None, 35478), True),
        # a bare line with a part of the side under it holds the part; a way of dying under
        # it counts other men (session 7: two blind codings summed the executed)
        ("12,000 killed<br>3,000 cavalry killed", (12000,) * 3, False),
        ("300 dead<br>2 executed", (302,) * 3, False),
        # the part above the bare line: no sign which holds which, rivals as before
        ("3,000 cavalry killed<br>12,000 killed", (3000, None, 12000), True),
        ("765 KIA<br>8,825 KIA", (765, None, 8825), True),
        # phases of the event lose other men: summed like contingents
        (
            "First invasion:<br>300 killed<br>Second invasion (Montevideo):<br>200 killed",
            (500, 500, 500),
            False,
        ),
        ("First day:<br>1,000 killed<br>Second day:<br>2,000 killed", (3000, 3000, 3000), False),
        # ... but a first and a later estimate are rivals
        ("First estimate:<br>300 killed<br>Later estimate:<br>500 killed", (300, None, 500), True),
        # two parts with the same name are no two parts
        ("500 Swedes killed<br>700 Swedes killed", (500, None, 700), True),
        # a heading that names a source is no contingent: its figures are rival claims
        ("Per Ukraine:<br>5,000 killed<br>Per Russia:<br>1,000 killed", (1000, None, 5000), True),
        ("Per Ukraine: 5,000 killed<br>Per Russia: 1,000 killed", (1000, None, 5000), True),
    ],
)
def test_lines_naming_parts_of_a_side_are_summed(
    casualties1: str, killed: tuple[int | None, ...], contradiction: bool
) -> None:
    rec = _battle(casualties1)
    one = rec["event"]["sides"][0]["casualties"]["killed"]
    assert (one["low"], one["best"], one["high"]) == killed
    codes = [f["code"] for f in rec["findings"]]
    assert ("CONTRADICTION" in codes) is contradiction


@pytest.mark.parametrize(
    ("casualties1", "killed", "wounded", "contradiction"),
    [
        # a flag that opens a line labels its contingent: contingents are summed
        ("{{flagicon|Germany}} 5,000 killed<br>{{flagicon|Italy}} 2,000 killed", 7000, None, False),
        ("{{flag|Germany}} 5,000 killed<br>{{flag|Italy}} 2,000 killed", 7000, None, False),
        (
            "{{flagicon|Germany}} 5,000 killed<br>12,000 wounded<br>"
            "{{flagicon|Italy}} 2,000 killed<br>3,000 wounded",
            7000,
            15000,
            False,
        ),
        # a flag alone on its line heads the lines below it
        (
            "{{flagicon|Germany}}<br>31,700 killed<br>{{flagicon|Romania}}<br>25,800 killed",
            57500,
            None,
            False,
        ),
        # the same flag twice: two claims about one contingent, rival figures
        (
            "{{flagicon|Germany}} 5,000 killed (German claim)<br>"
            "{{flagicon|Germany}} 9,000 killed (Soviet claim)",
            None,
            None,
            True,
        ),
        # a Total line still wins; a flag inside a line labels nothing
        (
            "Total: 9,000 killed<br>{{flagicon|Germany}} 5,000 killed<br>{{flagicon|Italy}} 4,000 killed",
            9000,
            None,
            False,
        ),
        ("5,000 killed {{flagicon|Germany}}<br>2,000 killed {{flagicon|Italy}}", None, None, True),
    ],
)
def test_flags_opening_lines_label_contingents(
    casualties1: str, killed: int | None, wounded: int | None, contradiction: bool
) -> None:
    rec = _battle(casualties1)
    cas = rec["event"]["sides"][0]["casualties"]
    assert cas["killed"]["best"] == killed
    assert cas["wounded"]["best"] == wounded
    codes = [f["code"] for f in rec["findings"]]
    assert ("CONTRADICTION" in codes) is contradiction


@pytest.mark.parametrize(
    ("fatalities", "deaths"),
    [
        # the attackers who died, beside the victims, are no rival figure
        ("49 (+1 perpetrator)", (49, 49, 49)),
        ("49 victims + 1 perpetrator", (49, 49, 49)),
        ("12 victims, 1 perpetrator", (12, 12, 12)),
        ("130 (+7 attackers)", (130, 130, 130)),
        # a toll that includes them counts the victims without them, as the ones above
        ("5 (including 2 attackers)", (3, 3, 3)),
        ("23 (including the perpetrator)", (22, 22, 22)),
        # alone, the perpetrator's death is the field's figure
        ("1 perpetrator", (1, 1, 1)),
    ],
)
def test_perpetrators_dead_beside_the_victims(fatalities: str, deaths: tuple[int, ...]) -> None:
    wikitext = (
        "{{Infobox civilian attack\n| title = X attack\n| date = 1 May 2016\n"
        f"| location = Paris, France\n| fatalities = {fatalities}\n| injuries = 56\n}}}}\n"
        "The X attack was a shooting in Paris on 1 May 2016.\n"
    )
    rec = parse_text(wikitext, title="X attack", format="wikitext")[0]
    ev = rec["event"]
    assert (ev["deaths"]["low"], ev["deaths"]["best"], ev["deaths"]["high"]) == deaths
    assert "CONTRADICTION" not in [f["code"] for f in rec["findings"]]


@pytest.mark.parametrize(
    ("lead", "deaths"),
    [
        # the attackers' dead in the lead are no rival of the victims' toll
        (
            "was an attack on 1 May 2016 in which 3 police officers were killed. "
            "Two attackers were also killed.",
            (3, 3, 3),
        ),
        # said alone, they are the figure
        ("was an attack on 1 May 2016. Two attackers were killed.", (2, 2, 2)),
    ],
)
def test_attackers_dead_in_the_lead(lead: str, deaths: tuple[int, ...]) -> None:
    rec = _attack_lead(lead)
    d = rec["event"]["deaths"]
    assert (d["low"], d["best"], d["high"]) == deaths


@pytest.mark.parametrize(
    ("casualties1", "total", "contradiction"),
    [
        # a total with its parts in two-category phrases: the total
        ("1,129,619<br>478,741 killed or missing<br>650,878 wounded or sick", 1129619, False),
        ("86,469<br>45,219 KIA and MIA<br>41,250 WIA", 86469, False),
        ("37,423<br>23,547 wounded/sick", 37423, False),
        # complementary parts with no total: their sum
        ("43,476 killed or missing<br>150,715 wounded and sick", 194191, False),
        ("3,500 killed or wounded<br>1,300 captured or missing", 4800, False),
        # mixes that share a category are rival figures
        ("3,500 killed or wounded<br>4,000 killed or missing", None, True),
    ],
)
def test_two_category_parts(casualties1: str, total: int | None, contradiction: bool) -> None:
    rec = _battle(casualties1)
    got = rec["event"]["sides"][0]["casualties"]["total"]
    assert got["best"] == total
    assert ("CONTRADICTION" in [f["code"] for f in rec["findings"]]) is contradiction


@pytest.mark.parametrize(
    ("lead", "deaths"),
    [
        # a sentence that lists the groups of one toll: their sum
        (
            "was a mass shooting at a school on 24 May 2022, in which 19 students and 2 "
            "teachers were killed.",
            (21, 21, 21),
        ),
        (
            "was a battle in 1900 in which 300 Russian and 150 Ukrainian soldiers were killed.",
            (450,) * 3,
        ),
        # a range, a subset and one group named twice are no list
        ("was an attack on 1 May 2016 that killed 5 or 6 people.", (5, None, 6)),
        (
            "was a bombing on 1 May 2016 that killed 22 people, including 10 children.",
            (22, 22, 22),
        ),
        ("was an attack in 2016 in which 40 soldiers and 40 soldiers were killed.", (40, 40, 40)),
    ],
)
def test_listed_groups_of_one_toll_are_summed(lead: str, deaths: tuple[int | None, ...]) -> None:
    rec = _attack_lead(lead)
    d = rec["event"]["deaths"]
    assert (d["low"], d["best"], d["high"]) == deaths
    # the sum names every statement it stands for
    assert len(d["statements"]) == (2 if deaths[0] in (21, 450) else len(d["statements"]))


def _side1(casualties1: str) -> dict[str, tuple[int | None, int | None, int | None]]:
    """Side 1's casualty quantities (low, best, high) of :func:`_battle`, null ones left out."""
    cas = _battle(casualties1)["event"]["sides"][0]["casualties"]
    return {
        k: (q["low"], q["best"], q["high"])
        for k, q in cas.items()
        if (q["low"], q["best"], q["high"]) != (None, None, None)
    }


@pytest.mark.parametrize(
    ("casualties1", "expected"),
    [
        # the sick are no casualty category: no undifferentiated total of 1,000
        ("30 killed, 58 wounded<br />1,000 sick", {"killed": (30,) * 3, "wounded": (58,) * 3}),
        # "deceased" are dead
        ("9,300 deceased<br>32,400 wounded", {"killed": (9300,) * 3, "wounded": (32400,) * 3}),
        # the Soviet archives' irrecoverable and sanitary losses are complementary parts
        ("70,373 irrecoverable<br>145,301 sanitary", {"total": (215674,) * 3}),
        # a count of equipment spelled out does not swallow the men before it
        ("3,000 and two cannons", {"total": (3000,) * 3}),
        # "unknown" beside a two-category figure is no total it would be a part of
        ("150 killed or wounded<br>unknown", {"total": (150,) * 3}),
        # aircraft types are no numbers, and a count of them no casualties
        (
            "2 Bf 109s destroyed<br />1 Bf 109 non-combat<br />2 pilots killed",
            {"killed": (2,) * 3},
        ),
        # the bare numbers that break an equipment count down are aircraft too
        (
            "2,585 aircrew killed and missing, 925 captured <br/> 1,977 aircraft destroyed, "
            "1,634 in combat and 343 non-combat",
            {"captured": (925,) * 3, "total": (2585,) * 3},
        ),
        # the civilians' injured are not the side's wounded
        (
            "1,542 aircrew killed<br />422 aircrew wounded<br />14,281 civilians killed, "
            "20,325 injured",
            {"killed": (1542,) * 3, "wounded": (422,) * 3},
        ),
        # a campaign's figure beside the battle's is a wider scope, not a contingent
        ("Campaign: 2,000<br>Battle: 1,000", {"total": (1000,) * 3}),
        ("'''Campaign:'''<br>2,000 killed<br>'''Battle:'''<br>500 killed", {"killed": (500,) * 3}),
        # a contingent that lost nobody hides nothing; one with figures but no total makes the
        # sum of totals a floor, and "none" no longer claims 0 killed for the whole side
        (
            "'''American:'''<br>2 wounded<br>'''British:'''<br>None",
            {"wounded": (2,) * 3, "total": (0, None, None)},
        ),
        # an ungrouped "unknown" line does not set the contingents' sum aside
        (
            "'''Germans:''' 500<br>'''Italians:''' 300<br>'''Estimated:''' unknown",
            {"total": (800,) * 3},
        ),
        # an equipment heading is no contingent, and tractors are no men
        (
            "'''Manpower:'''<br>'''Germans:''' 500 killed<br>'''Italians:''' 300 killed<br>"
            "'''Equipment:'''<br>49 tractors<br>significant vehicle losses",
            {"killed": (800,) * 3},
        ),
    ],
)
def test_side_lines_read_by_the_second_infobox_coding(
    casualties1: str, expected: dict[str, tuple[int | None, ...]]
) -> None:
    assert _side1(casualties1) == expected


@pytest.mark.parametrize(
    ("casualties1", "expected"),
    [
        # lines labelled by a day are phases: each day's losses are other men's
        (
            "14 April: 1,500 casualties<br>15 April: 938 casualties",
            {"total": (2438,) * 3},
        ),
        ("April 14: 300 killed<br>April 15: 200 killed", {"killed": (500,) * 3}),
        # a way of dying under a bare line of the dead counts other men: summed
        ("245,549 killed<br>31,200 died from wounds", {"killed": (276749,) * 3}),
        # a part of the side under a bare line is inside it: no rival estimate, no sum
        ("6,000 captured<br>3,000 men captured at Merseburg", {"captured": (6000,) * 3}),
        # … but civilians under a side's dead are no part of the side, nor a rival of its
        # figure (they count in the event's dead apart)
        ("168 killed<br>87 civilians killed", {"killed": (168,) * 3}),
        # "ca" without its dot is circa; tankettes are equipment
        ("ca 1,100 killed or wounded", {"total": (None, 1100, None)}),
        ("20,000 killed<br>several tankettes lost", {"killed": (20000,) * 3}),
    ],
)
def test_side_lines_read_by_the_third_infobox_coding(
    casualties1: str, expected: dict[str, tuple[int | None, ...]]
) -> None:
    assert _side1(casualties1) == expected
