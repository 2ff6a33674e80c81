"""Shapes found in session 12 (probe wave 22: attacks of 1970–2020, battles of 1600–1900,
massacres, riots and pogroms, browser copies). Each test fails on the session's starting code
or guards a counter-example of a new rule."""

from __future__ import annotations

import pytest

from eventledger.normalise.actors import split_actors
from eventledger.normalise.dates import parse_date
from eventledger.normalise.numbers import figures_in_field
from eventledger.pipeline import parse_text


def _record(wikitext: str) -> dict:
    return parse_text(wikitext, format="wikitext", name="x.wiki")[0]


def _event(wikitext: str) -> dict:
    return _record(wikitext)["event"]


def _attack(fatalities: str, lead: str = "", perpetrators: str = "") -> str:
    return (
        "{{Infobox civilian attack\n| title = The attack\n| location = Lyon, France\n"
        f"| date = 23 January 1870\n| fatalities = {fatalities}\n"
        f"| perpetrators = {perpetrators}\n}}}}\n"
        f"The '''attack''' took place in Lyon on 23 January 1870. {lead}\n\n"
        "== Aftermath ==\nThe town was rebuilt.\n"
    )


DUTCH_ARMY = "{{flagdeco|Netherlands}} [[Royal Netherlands Army]]"


def _deaths(ev: dict) -> tuple:
    return ev["deaths"]["low"], ev["deaths"]["best"], ev["deaths"]["high"]


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("27 July O.S. (7 August N.S.) 1714", "1714-08-07"),
        ("27 July (O.S.) / 7 August (N.S.) 1714", "1714-08-07"),
        ("27 July [O.S.] / 7 August [N.S.] 1714", "1714-08-07"),
        ("July 27 O.S. (August 7 N.S.), 1714", "1714-08-07"),
        # the other shapes are read as before
        ("7 September [O.S. 26 August] 1812", "1812-09-07"),
        ("24 September 1636 (O.S.)", "1636-09-24"),
        ("4 October 1636 (N.S.)", "1636-10-04"),
        ("Feb. 3 O.S. (Feb. 14 N.S.) 1710", "1710-02-14"),
        # a dual year: the new-style date is in the later one (review)
        ("10 February O.S. (21 February N.S.) 1710/11", "1711-02-21"),
    ],
)
def test_old_style_date_then_new_style(text: str, start: str) -> None:
    d = parse_date(text)
    assert (d.start, d.end, d.precision) == (start, None, "day")
    assert text[d.start_offset : d.end_offset] == d.text


def test_old_style_pairs_of_a_range_and_across_a_year() -> None:
    d = parse_date("27 July O.S. (7 August N.S.) 1714 – 30 July O.S. (10 August N.S.) 1714")
    assert (d.start, d.end) == ("1714-08-07", "1714-08-10")
    # December (old) and January (new): which year is written is not said, the year stays
    d = parse_date("21 December O.S. (1 January N.S.) 1700")
    assert (d.start, d.precision) == ("1700", "year")


# ---------------------------------------------------------------------------- figures


def test_a_range_between_two_numbers_names_its_part() -> None:
    # the Piegan dead and the one soldier are two groups, no rival estimates (before: a
    # CONTRADICTION and a toll of 1–217)
    ev = _event(_attack("Between 173 and 217 Piegan<br />1 U.S. soldier"))
    assert _deaths(ev) == (174, None, 218)


def test_a_claim_about_one_group_beside_another_group_is_a_part() -> None:
    ev = _event(
        _attack(
            "At least 78 hostages, soldiers and police<br />153 militants {{small|(Russian claim)}}"
        )
    )
    assert _deaths(ev) == (231, None, None)


@pytest.mark.parametrize(
    "fatalities",
    [
        "300 soldiers (Chinese claim)<br />500 soldiers (Japanese claim)",
        "300 Chinese soldiers (Japanese claim)<br />500 soldiers (Chinese claim)",
        # two claims in other words, and one group in two words (review)
        "300 militants (Russian claim)<br />500 fighters (Chechen claim)",
        "300 insurgents (Iraqi government claim)<br />500 rebels (rebel claim)",
        "300 civilians<br />500 villagers (per local sources)",
    ],
)
def test_rival_claims_about_one_group_stay_rivals(fatalities: str) -> None:
    assert _deaths(_event(_attack(fatalities))) == (300, None, 500)


def test_a_columns_own_figure_and_the_enemys_claim_stay_rivals() -> None:
    # (review) a side's column: "1,500 Red Army soldiers killed" and the enemy's claim
    text = (
        "{{Infobox military conflict\n| conflict = Battle of X\n| date = 3 May 1943\n"
        "| place = Kursk, Russia\n| combatant1 = Germany\n| combatant2 = Soviet Union\n"
        "| casualties1 = 3,000 killed\n| casualties2 = 1,500 Red Army soldiers killed "
        "(Soviet figure)<br />4,000 Soviets killed (German claim)\n}}\n"
        "The '''Battle of X''' was fought near Kursk on 3 May 1943.\n"
    )
    side2 = _event(text)["sides"][1]["casualties"]["killed"]
    assert (side2["low"], side2["high"]) == (1500, 4000)


def test_the_attackers_soldiers_in_the_lead_are_no_rival_of_the_toll() -> None:
    lead = "The soldiers killed 561 people, among them 248 women and children; two Dutch soldiers died."
    ev = _event(_attack("561", lead, DUTCH_ARMY))
    assert _deaths(ev) == (561, 561, 561)
    # a larger count of soldiers is still a rival
    lead = "The attackers killed 600 soldiers."
    ev = _event(_attack("561", lead, DUTCH_ARMY))
    assert _deaths(ev) == (561, None, 600)


@pytest.mark.parametrize(
    ("fatalities", "lead", "perpetrators"),
    [
        # (review) an armed group attacked: the soldiers are its victims
        ("45", "Militants attacked an army outpost; 12 soldiers were killed.", "[[Boko Haram]]"),
        # the infobox names the group it counts: no victims' toll
        ("45 militants", "Militants attacked an army outpost; 12 soldiers were killed.", ""),
        ("40 Kurds", "Eight soldiers died in the clashes that followed.", "[[Turkish Army]]"),
    ],
)
def test_soldiers_in_the_lead_stay_when_they_may_be_victims(
    fatalities: str, lead: str, perpetrators: str
) -> None:
    low, _best, high = _deaths(_event(_attack(fatalities, lead, perpetrators)))
    assert low is not None and low < 40 and high in (40, 45)


# ---------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Disputed:\nShabiha and Syrian Army (per UN commission)\nArmed terrorist groups",
            ["Shabiha", "Syrian Army", "Armed terrorist groups"],
        ),
        ("Suspected:", []),
        ("Disputed", []),
        ("Unknown; al-Qaeda in Iraq suspected", ["Unknown", "al-Qaeda in Iraq"]),
        ("Suspected: Al-Shabaab", ["Al-Shabaab"]),
        ("Claimed by: ISIL", ["ISIL"]),
    ],
)
def test_qualifier_words_name_nobody(text: str, names: list[str]) -> None:
    assert [a.name for a in split_actors(text)] == names


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("50,000 deported", []),
        ("10,000 expelled", []),
        ("around 110,000 Poles expelled from 297 villages", []),
        ("2,000 killed<br>10,000 expelled", [("killed", 2000)]),
        ("300 killed", [("killed", 300)]),
    ],
)
def test_people_expelled_or_deported_are_no_casualties(text: str, figures: list) -> None:
    assert [(f.category, f.best) for f in figures_in_field(text)] == figures
