"""Shapes found in session 12 (probe wave 22: attacks of 1970–2020, battles of 1600–1900,
massacres, riots and pogroms, browser copies). Each test fails on the session's starting code
or guards a counter-example of a new rule."""

from __future__ import annotations

import pytest

from eventledger.normalise.actors import split_actors
from eventledger.normalise.dates import parse_date
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
    ],
)
def test_old_style_date_then_new_style(text: str, start: str) -> None:
    d = parse_date(text)
    assert (d.start, d.end, d.precision) == (start, None, "day")
    assert text[d.start_offset : d.end_offset] == d.text


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


def test_rival_claims_about_one_group_stay_rivals() -> None:
    ev = _event(_attack("300 soldiers (Chinese claim)<br />500 soldiers (Japanese claim)"))
    assert _deaths(ev) == (300, None, 500)
    ev = _event(_attack("300 Chinese soldiers (Japanese claim)<br />500 soldiers (Chinese claim)"))
    assert _deaths(ev) == (300, None, 500)


def test_the_attackers_soldiers_in_the_lead_are_no_rival_of_the_toll() -> None:
    lead = "The soldiers killed 561 people, among them 248 women and children; two Dutch soldiers died."
    ev = _event(_attack("561", lead))
    assert _deaths(ev) == (561, 561, 561)
    # a larger count of soldiers is still a rival
    lead = "The attackers killed 600 soldiers."
    ev = _event(_attack("561", lead))
    assert _deaths(ev) == (561, None, 600)


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
