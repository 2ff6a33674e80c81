"""Actors read from the lead's sentences (extract/prose_actors.py) and the records they make."""

from __future__ import annotations

import pytest

from eventledger.extract.prose_actors import lead_actors
from eventledger.pipeline import parse_text
from eventledger.read.prose import read_prose


def _sides(text: str, kind: str = "battle") -> list[list[str]]:
    doc = read_prose(text, "T")
    found = lead_actors([s for s in doc.body()][:3], kind)
    sides: dict[int | None, list[str]] = {}
    for m in found:
        assert m.sentence.plain.text[m.start : m.end] == m.actor.name
        sides.setdefault(m.side, []).append(m.actor.name)
    return [sides[k] for k in sorted(sides, key=lambda x: x or 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later sentence opposing a force of the same state to another names side 2
        # ("Russian Navy" ~ "Russian forces"; "northern Turkish-led forces" ~ "Turkish Armed
        # Forces")
        (
            "On 24 February, the Russian Navy attacked Snake Island and captured it. Later, "
            "Ukraine launched a campaign against Russian forces on the island.",
            [["Russian Navy"], ["Ukraine"]],
        ),
        (
            "The Battle of X included an offensive launched by Syrian rebel groups and the "
            "Turkish Armed Forces north of Aleppo. The northern Turkish-led forces intended to "
            "capture X from the Islamic State of Iraq and the Levant (ISIL).",
            [
                ["Syrian rebel groups", "Turkish Armed Forces"],
                ["Islamic State of Iraq and the Levant (ISIL)"],
            ],
        ),
        # the opponent named before the agent: "an attack against B launched by A"
        (
            "The X offensive was an offensive launched by the Islamic State of Iraq and the "
            "Levant (ISIL) against government-held military installations. It was the largest "
            "military attack against the Syrian government launched by ISIL since 2013.",
            [["Islamic State of Iraq and the Levant (ISIL)"], ["Syrian government"]],
        ),
        # a siege by A; a later sentence names the force raised to fight A
        (
            "The siege of X was a siege of the town of X by the Islamic State of Iraq and the "
            "Levant (ISIL). The town was besieged by ISIL forces from June 2014. The residents "
            "had organized local self-defense militias to fight against ISIL.",
            [["Islamic State of Iraq and the Levant (ISIL)"], ["local self-defense militias"]],
        ),
        # ... but a force raised to fight someone else is no side
        (
            "The siege of X was a siege of the town of X by the Islamic State of Iraq and the "
            "Levant (ISIL). The residents had organized local militias to fight against crime.",
            [["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        # A's attacks "repelled by B": B is side 2; A repelled by A's own forces is none
        (
            "Russian forces began an offensive on 3 August 2022, shelling Xville. Repeated local "
            "Russian assaults on X continued into October, with many repelled by the Ukrainian "
            "army.",
            [["Russian forces"], ["Ukrainian army"]],
        ),
        (
            "Russian forces began an offensive on 3 August 2022. Ukrainian counterattacks were "
            "later repelled by Russian troops near X.",
            [["Russian forces"]],
        ),
        # different parties of one country are not one side
        (
            "The battle began with an offensive launched by Syrian rebel groups north of Aleppo. "
            "The Syrian government forces launched an offensive against ISIL.",
            [["Syrian rebel groups"]],
        ),
    ],
)
def test_sides_across_lead_sentences(text: str, expected: list[list[str]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause with no subject of its own ("…, but were repulsed by B") shares the armed
        # subject before it; a place in the list before is no subject
        (
            "The battle began on May 9, after Russian and LPR forces launched attacks on the "
            "villages of X, Y, and Z, but were repulsed by Ukrainian forces.",
            [["Russian and LPR forces"], ["Ukrainian forces"]],
        ),
        (
            "The battle began on May 9 around the villages of X, Y, and Z, but were repulsed by "
            "Ukrainian forces.",
            [],
        ),
        # a numbered unit "of" its parent force fights on the parent's side; a bare numbered
        # unit names no side
        (
            "Russian forces from the 74th Brigade were defeated by tanks of the 30th Mechanized "
            "Brigade and artillery of the 17th Tank Brigade of the Ukrainian Armed Forces.",
            [["Russian forces"], ["Ukrainian Armed Forces"]],
        ),
        (
            "Russian forces were defeated by the 30th Mechanized Brigade near X.",
            [],
        ),
        # "saw heavy fighting from A (alongside C) and B" opposes A (with C) and B
        (
            "The engagement saw heavy fighting from the Russian Armed Forces (alongside the "
            "Wagner Group) and the Ukrainian Armed Forces for control of X.",
            [["Russian Armed Forces", "Wagner Group"], ["Ukrainian Armed Forces"]],
        ),
        (
            "The engagement saw fighting from house to house in X.",
            [],
        ),
        # a multi-sided confrontation's comma list: one side per party; without "multi-sided"
        # a comma list is no two sides
        (
            "It was a multi-sided military confrontation between the Syrian Army, the Syrian "
            "Democratic Forces (SDF), other FSA factions, and the Islamic State of Iraq and the "
            "Levant (ISIL) in the area.",
            [
                ["Syrian Army"],
                ["Syrian Democratic Forces (SDF)"],
                ["other FSA factions"],
                ["Islamic State of Iraq and the Levant (ISIL)"],
            ],
        ),
        (
            "It was a military confrontation between the Syrian Army, the Syrian Democratic "
            "Forces (SDF), other FSA factions, and the Islamic State of Iraq and the Levant.",
            [],
        ),
        # "attempted to occupy" makes side 1; "taken back by B" later names side 2
        (
            "Fighting began as Russian forces attempted to occupy the city. On March 26, the "
            "town of Y was taken back by Ukrainian forces.",
            [["Russian forces"], ["Ukrainian forces"]],
        ),
    ],
)
def test_sides_session4_shapes(text: str, expected: list[list[str]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Battle of X was a military engagement between the Armed Forces of Ukraine and "
            "the Armed Forces of the Russian Federation during the war.",
            [["Armed Forces of Ukraine"], ["Armed Forces of the Russian Federation"]],
        ),
        (
            "The Battle of X was a battle fought in August 2016 between the Free Syrian Army "
            "(FSA) and the Islamic State of Iraq and the Levant in the border town of Y.",
            [["Free Syrian Army (FSA)"], ["Islamic State of Iraq and the Levant"]],
        ),
        (
            "The Battle of X is an ongoing battle taking place in the city of X between the "
            "Armed Forces of Russia and the separatist Donetsk People's Republic against the "
            "Armed Forces of Ukraine.",
            [
                ["Armed Forces of Russia", "separatist Donetsk People's Republic"],
                ["Armed Forces of Ukraine"],
            ],
        ),
        (
            "The Battle of X was a series of engagements between the Armed Forces of Ukraine "
            "and the Armed Forces of the Russian Federation and the allied separatist Donetsk "
            "People's Republic during the battle.",
            [
                ["Armed Forces of Ukraine"],
                ["Armed Forces of the Russian Federation", "separatist Donetsk People's Republic"],
            ],
        ),
        (
            "The Battle of X was a military engagement between Russian and Ukrainian forces "
            "that began on 24 February 2022.",
            [["Russian"], ["Ukrainian forces"]],
        ),
        (
            "The X offensive was an operation by the Syrian Army against Islamic State of Iraq "
            "and the Levant (ISIL) in the countryside of Y.",
            [["Syrian Army"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        (
            "The X offensive was a military operation launched on 30 April 2019 by the Syrian "
            "Armed Forces and its allies against rebel groups in northwestern Syria.",
            [["Syrian Armed Forces"], ["rebel groups"]],
        ),
        (
            "The Second Battle of X was a battle in which Iraqi Security Forces recaptured the "
            "city of X from the Islamic State of Iraq and the Levant (ISIL).",
            [["Iraqi Security Forces"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        (
            "The Battle of X was part of the Kyiv offensive. The combatants were elements of "
            "the Russian Armed Forces and Ukrainian Ground Forces.",
            [["Russian Armed Forces"], ["Ukrainian Ground Forces"]],
        ),
        (
            "The Nineveh Plains offensive was a battle in which the Islamic State of Iraq and "
            "the Levant (ISIL) mounted a multi–front attack against Peshmerga forces in the area.",
            [["Islamic State of Iraq and the Levant (ISIL)"], ["Peshmerga forces"]],
        ),
        (
            "The siege of X refers to the siege of two army bases, X and Y (both outside Z), by "
            "rebel forces, starting on 11 October 2012.",
            [["rebel forces"]],
        ),
        (
            "The Battle of X was a military engagement during the invasion. The city of X was "
            "attacked by Russian forces in late February. Occupied for a month, it was "
            "re-captured by Ukrainian forces in late March.",
            [["Russian forces"], ["Ukrainian forces"]],
        ),
        (
            "The Battle of X was a military engagement during the invasion. The city was "
            "captured by Russian forces in late February. It was later shelled by Russian "
            "artillery.",
            [["Russian forces"]],
        ),
        (
            "The Battle of X was a series of engagements. Russian forces began an offensive on "
            "3 August 2022, shelling the town.",
            [["Russian forces"]],
        ),
        (
            "The Battle of X was an engagement. Russian and DPR forces engaged Ukrainian forces "
            "at the small city of X.",
            [["Russian and DPR forces"], ["Ukrainian forces"]],
        ),
        (
            "The Battle of Sumy was an engagement. The Russian army attempted to capture Sumy. "
            "Ukrainian paratroopers began engaging Russian forces near the city.",
            [["Russian army"], ["Ukrainian paratroopers"]],
        ),
        (
            "The siege of X was part of fighting between the Russian Armed Forces (alongside "
            "the Donetsk People's Republic People's Militia) and the Ukrainian Armed Forces.",
            [
                ["Russian Armed Forces", "Donetsk People's Republic People's Militia"],
                ["Ukrainian Armed Forces"],
            ],
        ),
        (
            "The X offensive was an operation by the Syrian Army against the remaining Islamic "
            "State of Iraq and the Levant (ISIL) strongholds in the east.",
            [["Syrian Army"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        (
            "The Battle of Brovary was an engagement. Russian forces advanced west from the "
            "north and were engaged by Ukrainian forces.",
            [["Russian forces"], ["Ukrainian forces"]],
        ),
        (
            "The Battle of Tabqa was a Syrian Democratic Forces (SDF) military operation "
            "against the Islamic State of Iraq and the Levant (ISIL) to capture the dam.",
            [["Syrian Democratic Forces (SDF)"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        (
            "The siege of Wadi Deif refers to the siege of two Syrian Army bases, Wadi Deif and "
            "Hamadiyah, by rebel forces, starting on 11 October 2012.",
            [["rebel forces"], ["Syrian Army"]],
        ),
        (
            "The Palmyra offensive was a military operation launched during the Syrian Civil "
            "War by the Islamic State of Iraq and the Levant (ISIL) on May 13, 2015.",
            [["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        # adverbs after a subject are not part of the party
        (
            "The Battle of X was an engagement. Russia later captured the town.",
            [["Russia"]],
        ),
        # an opponent named after another agent of the sentence is that agent's
        (
            "The Battle of X included an offensive launched by Syrian rebel groups. It was "
            "concurrent with the Raqqa campaign launched by the SDF, and the Palmyra "
            "offensive, conducted by ISIL against Syrian government forces.",
            [["Syrian rebel groups"]],
        ),
        # a line of contact (a border, talks) between two parties is not who fought
        (
            "The Battle of X is a military engagement near the line of contact between "
            "Ukraine and the self-proclaimed Donetsk People's Republic.",
            [],
        ),
        (
            "During this operation, poor cooperation between the Kriegsmarine and the "
            "Luftwaffe resulted in the loss of two German ships.",
            [],
        ),
        # the subject of a passive suffered the act: no side
        ("The Battle of X ended in Russian forces being repulsed from the city.", []),
        # no party named: "between 4 and 10 June", a place after "against"
        ("The fall of X occurred between 4 and 10 June 2014 in the city.", []),
        (
            "The X offensive was a military offensive launched by the Syrian Armed Forces "
            "against rebel-held districts in Aleppo.",
            [["Syrian Armed Forces"]],
        ),
        ("The Battle of X was a military engagement in the town of X during the war.", []),
        # "<A> intended to capture <place> from <B>": the place's holder is side 2
        (
            "The Turkish-led forces intended to capture Y from the Islamic State of Iraq and "
            "the Levant (ISIL), as part of the intervention.",
            [["Turkish-led forces"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        # ... but not a time or place after "from"
        ("The Syrian Army captured Palmyra from the south in March 2016.", [["Syrian Army"]]),
        # "an operation of <A> against <B>"
        (
            "The X campaign was a large-scale military operation of the Syrian Army (SAA) "
            "against the Islamic State of Iraq and the Levant (ISIL) during the war.",
            [["Syrian Army (SAA)"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        ("The X campaign was a campaign of bombing against the city of X.", []),
        # "an offensive conducted by <A> on areas controlled by <B>"
        (
            "The X campaign started with an offensive conducted by ISIL forces on areas "
            "controlled by Tahrir al-Sham (HTS) in the north.",
            [["ISIL forces"], ["Tahrir al-Sham (HTS)"]],
        ),
        # "launched by <A> … to expel <B>": only an armed party driven out
        (
            "A military counteroffensive was launched by Ukraine on 29 August 2022 to expel "
            "Russian forces occupying the southern regions of X.",
            [["Ukraine"], ["Russian forces"]],
        ),
        (
            "A counteroffensive was launched by Ukraine on 29 August 2022 to expel Russia's "
            "influence from the region.",
            [["Ukraine"]],
        ),
        # a place attacked is no side; a participle clause names the foe
        (
            "On 24 February, the Russian Navy attacked Snake Island, a Ukrainian island in the "
            "Black Sea, and captured it.",
            [["Russian Navy"]],
        ),
        (
            "From their base in Crimea, the Russian Armed Forces attacked Kherson Oblast, "
            "Mykolaiv Oblast, and Zaporizhzhia Oblast in southern Ukraine, battling the Armed "
            "Forces of Ukraine.",
            [["Russian Armed Forces"], ["Armed Forces of Ukraine"]],
        ),
        ("In March, Russian forces besieged Chernihiv for a month.", [["Russian forces"]]),
        # a country attacked is a party
        (
            "In 2022, Russian forces attacked Ukraine from three directions.",
            [["Russian forces"], ["Ukraine"]],
        ),
        # a subject that is a comma list; the invaded country is side 2
        (
            "The invasion lasted a month, in which a combined force of troops from the United "
            "States, the United Kingdom, Australia and Poland invaded Iraq.",
            [["United States", "United Kingdom", "Australia", "Poland"], ["Iraq"]],
        ),
        ("In 2003, Russia invaded Ukraine.", [["Russia"], ["Ukraine"]]),
        # who code-named the operation runs it, against the party after "against"
        (
            "The Third Battle of X, code-named Operation Y by the Iraqi government, was a "
            "military operation against ISIL launched to capture the city of X.",
            [["Iraqi government"], ["ISIL"]],
        ),
        # a place's bearing from another place does not end "capturing X … from B"
        (
            "The X offensive was launched by the Turkish Armed Forces and allied groups, with "
            "the goal of capturing the town of X, north of Aleppo from the Islamic State of "
            "Iraq and the Levant (ISIL).",
            [["Turkish Armed Forces"], ["Islamic State of Iraq and the Levant (ISIL)"]],
        ),
        (
            "The X offensive was launched by the Turkish Armed Forces, with the goal of "
            "capturing the town of X, north of Aleppo, from the south.",
            [["Turkish Armed Forces"]],
        ),
        # "A pushed B back": A fought B; "pushed into" a place names no opponent
        (
            "By 13 May, Ukrainian forces pushed Russian units attempting to encircle the city "
            "back towards the border.",
            [["Ukrainian forces"], ["Russian units"]],
        ),
        ("By 13 May, Russian forces pushed into the city centre.", []),
        ("In March, Russia and Belarus invaded the Kyiv Oblast.", [["Russia", "Belarus"]]),
        # a list of two after a comma is not extended over the clause before it
        (
            "After the Battle of Kyiv, Russian forces and the Wagner Group captured Y.",
            [["Russian forces", "Wagner Group"]],
        ),
    ],
)
def test_sides_from_lead(text: str, expected: list[list[str]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "During the night of 31 December, the Ukrainian Ground Forces launched a rocket "
            "strike on the building of a school in X.",
            ["Ukrainian Ground Forces"],
        ),
        (
            "On 25 February 2022, the air base in X was attacked by Ukrainian forces during "
            "the invasion.",
            ["Ukrainian forces"],
        ),
        (
            "The bombing was carried out by the Irish Republican Army in 1974.",
            ["Irish Republican Army"],
        ),
        ("The Islamic State claimed responsibility for the attack on 3 May.", ["Islamic State"]),
        ("The X strike was an Israeli airstrike on a suspected reactor.", ["Israeli"]),
        ("The attacks were a series of Ukrainian attacks against the airport.", ["Ukrainian"]),
        ("The X bombing was a Palestinian suicide bombing in Y.", []),
        (
            "On January 21, a mass shooting occurred in X. The perpetrator was identified as "
            "72-year-old Huu Can Tran.",
            ["Huu Can Tran"],
        ),
        (
            "Amir Locke was fatally shot on February 2, 2022, by SWAT officer Mark Hanneman of "
            "the police department.",
            ["SWAT officer Mark Hanneman of the police department"],
        ),
        (
            "A truck bomb exploded. Ukraine's Deputy Minister of Defense Hanna Maliar "
            "acknowledged Ukraine had claimed responsibility.",
            [],
        ),
        (
            "The attack was carried out by Serb militants. Milan Radoičić later admitted "
            "responsibility for the attack.",
            ["Serb militants", "Milan Radoičić"],
        ),
        # suspicion, accusation, denial: nobody is the perpetrator
        ("The attack was allegedly carried out by Ukrainian saboteurs on 3 May.", []),
        (
            "A terrorist attack occurred in Istanbul. No group has claimed responsibility, but the "
            "authorities blamed Kurdish separatists.",
            [],
        ),
        ("Officials said that the strike was launched by Russian forces.", []),
    ],
)
def test_perpetrators_from_lead(text: str, expected: list[str]) -> None:
    assert [n for side in _sides(text, "attack") for n in side] == expected


def test_kinds_of_prose_actors() -> None:
    doc = read_prose(
        "The X offensive was an offensive launched by the Syrian Democratic Forces (SDF) "
        "against the Islamic State of Iraq and the Levant (ISIL) in 2016.",
        "T",
    )
    kinds = {m.actor.name: m.actor.kind for m in lead_actors(doc.body()[:1], "battle")}
    assert kinds == {
        "Syrian Democratic Forces (SDF)": "non-state",
        "Islamic State of Iraq and the Levant (ISIL)": "non-state",
    }


def test_prose_sides_in_record_keep_text_figures() -> None:
    """Sides named only in prose carry no figures: the event's deaths still come from the
    text's own total, not from an empty sum over the sides."""
    text = (
        "The Battle of Xville was a battle between the Armed Forces of Ukraine and the Russian "
        "Armed Forces in Xville in March 2022. In all, 52 people were killed in the battle.\n"
    )
    rec = parse_text(text, title="Battle of Xville", format="prose")[0]
    sides = rec["event"]["sides"]
    assert [[c["name"] for c in s["combatants"]] for s in sides] == [
        ["Armed Forces of Ukraine"],
        ["Russian Armed Forces"],
    ]
    by_id = {st["id"]: st for st in rec["statements"]}
    for side in sides:
        for c in side["combatants"]:
            st = by_id[c["statement"]]
            assert st["origin"] == "body" and text[st["span"][0] : st["span"][1]] == c["name"]
    assert rec["event"]["deaths"]["best"] == 52


def test_infobox_actors_win_over_prose() -> None:
    wikitext = (
        "{{Infobox military conflict\n| conflict = Battle of Y\n| combatant1 = [[Kingdom of "
        "England]]\n| combatant2 = [[Kingdom of Scotland]]\n}}\n'''Battle of Y''' was fought "
        "between the Armed Forces of Ukraine and the Russian Armed Forces in 1400.\n"
    )
    rec = parse_text(wikitext, title="Battle of Y", format="wikitext")[0]
    names = [[c["name"] for c in s["combatants"]] for s in rec["event"]["sides"]]
    assert names == [["Kingdom of England"], ["Kingdom of Scotland"]]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Viet Cong", "non-state"),
        ("Boko Haram", "non-state"),
        ("Free Syrian Army", "non-state"),
        ("Syrian Democratic Forces", "non-state"),
        ("Donetsk People's Republic", "non-state"),
        ("Wagner Group", "non-state"),
        ("Serb militants", "non-state"),
        ("Syrian Arab Army", "state"),
        ("Russian Federation", "state"),
        ("Kriegsmarine", "state"),
    ],
)
def test_actor_kinds_of_named_groups(name: str, kind: str) -> None:
    from eventledger.normalise.actors import split_actors

    (actor,) = split_actors(name)
    assert actor.kind == kind


def _record_sides(text: str) -> list[list[str]]:
    rec = parse_text(text, title="Battle of Xville", format="prose")[0]
    return [[c["name"] for c in s["combatants"]] for s in rec["event"]["sides"]]


_LEAD_NO_SIDE = (
    "The Battle of Xville was a series of military engagements for control of the town of "
    "Xville in March 2022.\n\n"
)
_BACKGROUND = "## Background\n\nIn 2014 Russian forces attacked Ukrainian forces in the Donbas.\n\n"


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        # one party, then a sentence that names its opponent with it
        (
            "The Russians continuously attacked the town with artillery. By mid-March, Russian "
            "forces still faced fierce resistance from Ukrainian defenders.",
            [["Russians"], ["Ukrainian defenders"]],
        ),
        # a participle clause: the sentence's subject fights the party after it
        (
            "On 6 September, Ukrainian forces launched an offensive towards Xville. Some "
            "Ukrainian forces stayed near Xville, fighting Russian forces in the center.",
            [["Ukrainian forces"], ["Russian forces"]],
        ),
        (
            "Russian forces launched an assault on the northern part of Xville. Ukrainian "
            "forces withdrew to the south of the city, offering fierce resistance.",
            [["Russian forces"], ["Ukrainian forces"]],
        ),
        # "A repelled B's attack": B attacked, B is side 1
        (
            "The same day, the Ukrainian military repelled a Russian attack in Xville.",
            [["Russian"], ["Ukrainian military"]],
        ),
        # "A were driven away by B": A suffered B's act
        (
            "After three hours of fighting, Russian forces were driven away by Ukrainian forces.",
            [["Russian forces"], ["Ukrainian forces"]],
        ),
        # a place is no side; a subject ends before its relative clause or its verb
        (
            "On 28 February, Russian forces attacked the Xville Correctional Colony.",
            [["Russian forces"]],
        ),
        (
            "The battle began when the Russian soldiers who captured the checkpoint attempted "
            "to advance towards the town.",
            [["Russian soldiers"]],
        ),
        # a detachment counted by its vehicles is no side
        (
            "Two Ukrainian tanks of the 30th Brigade engaged at least four Russian BMPs at a "
            "distance of 1200 m.",
            [],
        ),
        # an opponent after the opening sentences (an incident nearby) is not read
        (
            "Fighting started. " * 10 + "During a counteroffensive by the Armed Forces of "
            "Ukraine, the village of Y near Xville was recaptured.",
            [],
        ),
    ],
)
def test_sides_from_first_narrative_section(narrative: str, expected: list[list[str]]) -> None:
    text = _LEAD_NO_SIDE + _BACKGROUND + "## Battle\n\n" + narrative + "\n"
    assert _record_sides(text) == expected


def test_narrative_sides_only_when_the_lead_names_none() -> None:
    lead = (
        "The Battle of Xville was a battle between the Armed Forces of Ukraine and the Russian "
        "Armed Forces in March 2022.\n\n"
    )
    narrative = "## Battle\n\nThe Russians attacked Polish forces near Xville.\n"
    assert _record_sides(lead + narrative) == [
        ["Armed Forces of Ukraine"],
        ["Russian Armed Forces"],
    ]
    # no narrative section (only background): no side
    assert _record_sides(_LEAD_NO_SIDE + _BACKGROUND) == []


def test_narrative_side_statements_keep_sentence_span_and_section() -> None:
    text = (
        _LEAD_NO_SIDE
        + _BACKGROUND
        + "## Battle\n\nBy mid-March, Russian forces still faced fierce resistance from "
        "Ukrainian defenders.\n"
    )
    rec = parse_text(text, title="Battle of Xville", format="prose")[0]
    by_id = {st["id"]: st for st in rec["statements"]}
    names = []
    for side in rec["event"]["sides"]:
        for c in side["combatants"]:
            st = by_id[c["statement"]]
            assert st["origin"] == "body" and st["section"] == "Battle"
            assert text[st["span"][0] : st["span"][1]] == c["name"]
            names.append(c["name"])
    assert names == ["Russian forces", "Ukrainian defenders"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle "forcing out B" after a verb whose object is no party
        (
            "Russian forces attacked and besieged the city for nine days, forcing out "
            "Ukrainian defenders.",
            [["Russian forces"], ["Ukrainian defenders"]],
        ),
        (
            "Russian forces attacked and besieged the city, forcing out residents.",
            [["Russian forces"]],
        ),
        # "A held B": only an armed object makes it a fight
        (
            "On the evening of 26 February, Ukrainian forces held the Russian Forces on the "
            "outskirts of the city.",
            [["Ukrainian forces"], ["Russian Forces"]],
        ),
        ("Ukrainian forces held the Xville Bridge for a week.", []),
        # "though" opens a clause: the connective is no part of its subject
        (
            "ISIL launched a counter-attack against Point 939, though the Army repelled it.",
            [["Army"]],
        ),
        # later lead sentences that oppose another party to side 1
        (
            "It was an offensive launched by the Syrian Democratic Forces (SDF) in 2016. The "
            "main goal was to capture the city from the Islamic State of Iraq and the Levant.",
            [["Syrian Democratic Forces (SDF)"], ["Islamic State of Iraq and the Levant"]],
        ),
        (
            "It was an offensive by the Syrian Democratic Forces (SDF) in 2019. The SDF "
            "declared final victory over the Islamic State on 23 March.",
            [["Syrian Democratic Forces (SDF)"], ["Islamic State"]],
        ),
        (
            "It was an offensive by the Syrian Democratic Forces (SDF) in 2019. Stiff "
            "resistance by Islamic State jihadists, coupled with bad weather, prolonged it.",
            [["Syrian Democratic Forces (SDF)"], ["Islamic State jihadists"]],
        ),
        # another party's clause: the resistance is not side 1's opponent
        (
            "It was an offensive by the Syrian Democratic Forces (SDF) in 2019. The Syrian "
            "Army met resistance from the Islamic State near Palmyra.",
            [["Syrian Democratic Forces (SDF)"]],
        ),
        # a capture by another party names no opponent of side 1
        (
            "It was an offensive launched by ISIL in 2015. Kurdish forces captured a village "
            "from the Syrian Army.",
            [["ISIL"]],
        ),
        # "A took all the B posts": the posts' owner is the opponent
        (
            "It was an offensive launched by ISIL in 2015. ISIL took all the Syrian Army "
            "posts near the town.",
            [["ISIL"], ["Syrian Army"]],
        ),
    ],
)
def test_side_two_shapes(text: str, expected: list[list[str]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    ("lead", "narrative", "expected"),
    [
        # side 1 in the lead, its opponent in the narrative's opening
        (
            "The Battle of Xville was fought in 2022. Russian forces attacked the town in March.",
            "Russian forces captured the village of Y, although Ukrainian forces retained "
            "control of the town.",
            [["Russian forces"], ["Ukrainian forces"]],
        ),
        (
            "The Battle of Xville was fought in 2022. Russian forces attacked the town in March.",
            "That day, Russian soldiers fired at Ukrainian troops at a gas station.",
            [["Russian forces"], ["Ukrainian troops"]],
        ),
        # a claim of control with no opponent named before it names no side 2
        (
            "The Battle of Xville was fought in 2022. Russian forces attacked the town in March.",
            "The fighting was heavy, although Ukrainian forces retained control of the town.",
            [["Russian forces"]],
        ),
        # a body sentence that names only side 1's own allies gives no side 2
        (
            "The Battle of Xville was fought in 2022. Russian forces attacked the town in March.",
            "Russian and LPR forces fired at a checkpoint.",
            [["Russian forces"]],
        ),
    ],
)
def test_side_two_from_narrative_when_lead_names_one(
    lead: str, narrative: str, expected: list[list[str]]
) -> None:
    text = lead + "\n\n" + _BACKGROUND + "## Battle\n\n" + narrative + "\n"
    assert _record_sides(text) == expected
