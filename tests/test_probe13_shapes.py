"""Shapes found in session 13 (probe wave 24: sieges, wars and operations of 1800-2010,
massacres and bombings of 1900-1969, browser copies; and the operation pages of waves 20 and
23). Each test fails on the session's starting code or guards a counter-example of a rule."""

from __future__ import annotations

import pytest

from eventledger.pipeline import parse_text


def _record(wikitext: str) -> dict:
    return parse_text(wikitext, format="wikitext", name="x.wiki")[0]


def _event(wikitext: str) -> dict:
    return _record(wikitext)["event"]


def _q(ev: dict, key: str = "deaths") -> tuple:
    return ev[key]["low"], ev[key]["best"], ev[key]["high"]


def _side(ev: dict, n: int, cat: str = "killed") -> tuple | None:
    side = ev["sides"][n - 1]["casualties"].get(cat)
    return None if side is None else (side["low"], side["best"], side["high"])


def _operation(executed_by: str, casualties: str, lead: str = "") -> str:
    return (
        "{{Infobox military operation\n| name = Operation Test\n| location = Kandahar, "
        f"Afghanistan\n| date = March 1–18, 2002\n| executed_by = {executed_by}\n"
        f"| casualties = {casualties}\n}}}}\n"
        f"'''Operation Test''' was a military operation in March 2002. {lead}\n\n"
        "== Aftermath ==\nThe valley was quiet.\n"
    )


def _attack(fatalities: str, lead: str = "", injuries: str = "") -> str:
    return (
        "{{Infobox civilian attack\n| title = The attack\n| location = Lyon, France\n"
        f"| date = 23 January 1930\n| fatalities = {fatalities}\n| injuries = {injuries}\n}}}}\n"
        f"The '''attack''' took place in Lyon on 23 January 1930. {lead}\n\n"
        "== Aftermath ==\nThe town was rebuilt.\n"
    )


def _bombings(lead: str) -> str:
    """A bombing's page whose infobox gives no figure: the lead's is the toll."""
    return (
        "{{Infobox civilian attack\n| title = The bombings\n| location = Dublin, Ireland\n"
        "| date = 17 May 1974\n}}\n"
        f"The '''bombings''' took place in Dublin on 17 May 1974. {lead}\n"
    )


# ------------------------------------------------------------- an operation's party headings

COALITION = (
    "'''Coalition:'''\n* {{flagicon|United States}} [[United States Army]]\n"
    "* {{flagicon|Afghanistan}} [[Afghan Militia Forces]]"
)


def test_operation_headings_give_the_other_party_a_side() -> None:
    ev = _event(
        _operation(
            COALITION,
            "'''Coalition:'''<br />{{flagicon|United States}} 8 killed, 82 wounded<br />"
            "{{flagicon|Afghanistan}} 7 killed, 40 wounded<br />'''Total:''' 15 killed, "
            "122 wounded<br />'''Al-Qaeda and Taliban:'''<br />500–800 killed "
            "{{small|(US estimate)}}<br />100–200 killed {{small|(other estimates)}}",
        )
    )
    assert len(ev["sides"]) == 2
    assert [a["name"] for a in ev["sides"][1]["combatants"]] == ["Al-Qaeda", "Taliban"]
    assert _side(ev, 1) == (15, 15, 15)
    assert _side(ev, 1, "wounded") == (122, 122, 122)
    assert _side(ev, 2)[0] == 100 and _side(ev, 2)[2] == 800
    assert _q(ev)[0] == 115 and _q(ev)[2] == 815


def test_operation_heading_that_names_side_one_by_its_country() -> None:
    # "India:" names the "Indian Navy" of executed_by; "Pakistan:" is the other party
    ev = _event(
        _operation(
            "{{navy|India}}<br />25th Missile Boat Squadron",
            "'''Pakistan:'''<br />c. 720 killed or wounded<br />'''India:'''<br />2 wounded",
        )
    )
    assert [a["name"] for a in ev["sides"][1]["combatants"]] == ["Pakistan"]
    assert _side(ev, 1, "wounded") == (2, 2, 2)
    assert _side(ev, 2, "total") == (None, 720, None)


@pytest.mark.parametrize(
    "casualties",
    [
        # neither heading names the executing side: which is which is not said
        "'''Allies:''' None<br />'''Japan:''' 7 ships sunk, 39 killed",
        # one heading only
        "'''North Vietnam:'''<br />42 killed",
        # text before the first heading
        "15 killed<br />'''Taliban:''' 500 killed<br />'''Coalition:''' 3 killed",
    ],
)
def test_operation_headings_left_without_sides(casualties: str) -> None:
    ev = _event(_operation(COALITION, casualties))
    assert len(ev["sides"]) <= 1


# ------------------------------------------------------------------- lists in one field line


def test_a_list_on_one_line_is_one_part_beside_the_other_lines() -> None:
    ev = _event(
        _operation(
            "{{ubl|[[National Security Guard]]|[[Punjab Police]]}}",
            "41 militants killed<br />192 militants surrendered<br />"
            "1 [[Black Cat commandos|NSG commando]] and 1 police officer killed",
        )
    )
    assert _q(ev) == (43, 43, 43)


def test_a_field_list_of_groups_named_after_their_figures() -> None:
    ev = _event(_attack("3", injuries="1 police sergeant, 5 firefighters and 1 bystander"))
    assert _q(ev, "injuries") == (7, 7, 7)


# ------------------------------------------------------------------------------- the prose


def test_figures_after_most_of_the_group_colon_are_some_of_it() -> None:
    ev = _event(
        _attack(
            "25",
            "Twenty-two villagers and three guards died. Most of the villagers were killed "
            "after resistance had ended: eight died when the guards set fire to a hut, and "
            "twelve prisoners were shot.",
        )
    )
    assert _q(ev) == (25, 25, 25)


def test_a_quoted_no_wounded_is_no_count() -> None:
    ev = _event(
        _attack(
            "25",
            'The government was accused of having ordered "no wounded, no prisoners".',
            injuries="Unknown",
        )
    )
    assert _q(ev, "injuries") != (0, 0, 0)
    # unquoted, it is a count
    ev = _event(_attack("25", "There were no wounded."))
    assert _q(ev, "injuries") == (0, 0, 0)


@pytest.mark.parametrize(
    ("lead", "deaths"),
    [
        ("The bombs killed 33 civilians and a full-term unborn child.", (34, 34, 34)),
        ("Twenty-six people and an unborn child died in Dublin.", (27, 27, 27)),
        # more than one person, or no person at all: the count as it is
        ("The bombs killed 33 civilians and a dozen soldiers were wounded.", (33, 33, 33)),
    ],
)
def test_and_one_more_person_is_counted(lead: str, deaths: tuple) -> None:
    assert _q(_event(_bombings(lead))) == deaths


def test_a_series_toll_that_includes_the_events_victims_is_not_the_events() -> None:
    ev = _event(
        _attack(
            "12",
            "Two gunmen killed 12 people. Several related attacks followed in the region, in "
            "which a total of 17 people were killed, including the victims at the office.",
        )
    )
    assert _q(ev) == (12, 12, 12)


# ------------------------------------------------------------- the review's counter-examples


@pytest.mark.parametrize(
    ("executed_by", "casualties", "side2"),
    [
        # initials and a country's short name tie a heading to the executing side
        (
            "{{flag|United States}}<br />{{flag|South Vietnam}}",
            "'''US:''' 5 killed, 30 wounded<br />'''Viet Cong:''' 120 killed",
            "Viet Cong",
        ),
        (
            "[[Provisional Irish Republican Army]]",
            "'''IRA:''' 2 killed<br />'''British Army:''' 18 killed, 6 wounded",
            "British Army",
        ),
    ],
)
def test_operation_heading_tied_by_initials_or_country(
    executed_by: str, casualties: str, side2: str
) -> None:
    ev = _event(_operation(executed_by, casualties))
    assert [a["name"] for a in ev["sides"][1]["combatants"]] == [side2]


@pytest.mark.parametrize(
    ("executed_by", "casualties", "deaths"),
    [
        # a generic word or a demonym ties nothing: no side is guessed
        (
            "[[Syrian Arab Army]]",
            "'''Government forces:''' 20 killed<br />'''Free Syrian Army:''' 100 killed",
            120,
        ),
        (
            "[[Soviet Army]]<br />[[Democratic Republic of Afghanistan]]",
            "'''USSR:''' 9 killed<br />'''Afghan mujahideen:''' 300 killed",
            309,
        ),
        # two parties besides the executing side
        (
            "[[Turkish Armed Forces]]<br />[[Syrian National Army]]",
            "'''Turkey:''' 5 killed<br />'''Syrian National Army:''' 50 killed<br />"
            "'''Syrian Democratic Forces:''' 300 killed",
            355,
        ),
        # a source, a loss, the victims: no party
        ("{{flag|United States}}", "'''United States:''' 2 wounded<br />'''SOHR:''' 9 killed", 9),
        ("{{flag|Israel}}", "'''Israel:''' 1 killed<br />'''Aircraft:''' 2 F-16s lost", 1),
        (
            "{{flag|Israel}}",
            "'''Israel:''' 1 killed, 5 wounded<br />'''Hostages:''' 3 killed, 10 wounded",
            4,
        ),
    ],
)
def test_operation_headings_that_give_no_side(
    executed_by: str, casualties: str, deaths: int
) -> None:
    ev = _event(_operation(executed_by, casualties))
    assert len(ev["sides"]) <= 1
    assert _q(ev) == (deaths, deaths, deaths)


def test_operation_total_under_the_last_heading_gives_no_side() -> None:
    # "Total:" after the last party may count both parties: no side is guessed
    ev = _event(
        _operation(
            COALITION,
            "'''Coalition:''' 3 killed<br />'''Taliban:''' 50 killed<br />'''Total:''' 53 killed",
        )
    )
    assert len(ev["sides"]) <= 1
    assert _q(ev) != (56, 56, 56)


@pytest.mark.parametrize(
    "lead",
    [
        "Most of the victims were women and children: in total, 35 people were killed.",
        "Many of the dead were never identified: 35 people were killed.",
        "Half of the town was destroyed: 35 people were killed.",
        "Some of the heaviest fighting took place at the bridge: 35 people were killed there.",
    ],
)
def test_a_colon_after_most_of_without_a_death_is_no_breakdown(lead: str) -> None:
    assert _q(_event(_attack("", lead))) == (35, 35, 35)


def test_a_spokesmans_quoted_no_one_injured_is_a_count() -> None:
    ev = _event(_attack("4", 'A police spokesman said "no one was injured" in the blast.'))
    assert _q(ev, "injuries") == (0, 0, 0)


@pytest.mark.parametrize(
    ("lead", "deaths"),
    [
        ("The bomb killed 33 civilians and a police officer was wounded.", (33, 33, 33)),
        ("The explosion killed 17 people and a woman was seriously injured.", (17, 17, 17)),
        ("The bomb killed at least 33 civilians and an unborn child.", (34, None, None)),
        ("Militants killed two NSG commandos and one police officer.", (3, 3, 3)),
    ],
)
def test_one_more_person_review_cases(lead: str, deaths: tuple) -> None:
    assert _q(_event(_bombings(lead))) == deaths


@pytest.mark.parametrize(
    "lead",
    [
        "The explosions killed 193 people, including the victims at Atocha station.",
        "The two bombs killed 193 people, including the victims of the second explosion.",
        "In total 193 people were killed, including those killed in the fire that followed.",
    ],
)
def test_the_events_own_toll_with_its_parts_named_stays(lead: str) -> None:
    assert _q(_event(_attack("", lead))) == (193, 193, 193)
