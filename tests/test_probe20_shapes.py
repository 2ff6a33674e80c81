"""Shapes found in session 20 (probe waves 57–60 re-read, wave 61 onwards). Each test fails on
the session's starting code or guards a counter-example of a rule."""

from __future__ import annotations

from eventledger.normalise.actors import split_actors

from .test_probe15_shapes import _battle, _codes, _q, _record, _side_killed
from .test_probe17_shapes import _attack


def _perps(rec: dict) -> list[str]:
    return [p["name"] for p in rec["event"]["perpetrators"]]


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
