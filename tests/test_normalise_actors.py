"""Tests for eventledger.normalise.actors (real perpetrator/combatant values from the corpus)."""

from __future__ import annotations

import re

import pytest

from eventledger.normalise.actors import Actor, split_actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Soviet Union Red Army 39th Army and local Chinese rioters",
            [
                ("Red Army 39th Army", "state", "Soviet Union"),
                ("local Chinese rioters", "civilians", None),
            ],
        ),
        ("Japanese women and children", [("Japanese women and children", "civilians", None)]),
        # militias are armed groups, even local ones; armed civilians stay civilians
        ("local self-defense militias", [("local self-defense militias", "non-state", None)]),
        ("Shia militias", [("Shia militias", "non-state", None)]),
        ("armed civilians", [("armed civilians", "civilians", None)]),
        ("Unknown", [("Unknown", "unknown", None)]),
        # a state's generic force keeps its state in the name ("Defense Forces" names no one)
        ("Israel Defense Forces", [("Israel Defense Forces", "state", "Israel")]),
        ("United States Army", [("United States Army", "state", "United States")]),
        ("Somalia National Army", [("Somalia National Army", "state", "Somalia")]),
        # a label that qualifies the actor is no part of its name
        ("Suspected: Al-Shabaab", [("Al-Shabaab", "non-state", None)]),
        ("Claimed by: Islamic State", [("Islamic State", "non-state", None)]),
        ("Bosnia and Herzegovina", [("Bosnia and Herzegovina", "state", None)]),
        (
            "Octavian's Roman and allied supporters and forces",
            [("Octavian's Roman and allied supporters and forces", "state", None)],
        ),
        (
            "Polish-Lithuanian Commonwealth\nMoldavia",
            [("Polish-Lithuanian Commonwealth", "state", None), ("Moldavia", "state", None)],
        ),
        (
            "Ottoman Empire\nCrimean Khanate\nWallachia",
            [
                ("Ottoman Empire", "state", None),
                ("Crimean Khanate", "state", None),
                ("Wallachia", "state", None),
            ],
        ),
        ("Parisian militia", [("Parisian militia", "non-state", None)]),
        ("Stockade insurgents", [("Stockade insurgents", "non-state", None)]),
        (
            "Provisional Irish Republican Army",
            [("Provisional Irish Republican Army", "non-state", None)],
        ),
        ("Islamic State", [("Islamic State", "non-state", None)]),
        ("Empire of Japan", [("Empire of Japan", "state", None)]),
        ("United Kingdom", [("United Kingdom", "state", None)]),
        (
            "United Kingdom of Great Britain and Ireland",
            [("United Kingdom of Great Britain and Ireland", "state", None)],
        ),
        ("Royal forces", [("Royal forces", "state", None)]),
        ("French government", [("French government", "state", None)]),
        (
            "Saxons and Thuringians\nBavarians",
            [
                ("Saxons", "unknown", None),
                ("Thuringians", "unknown", None),
                ("Bavarians", "unknown", None),
            ],
        ),
        (
            "Ulster Volunteer Force / Red Hand Commando",
            [("Ulster Volunteer Force", "non-state", None), ("Red Hand Commando", "unknown", None)],
        ),
        (
            "Roman Republic; Aetolian League",
            [("Roman Republic", "state", None), ("Aetolian League", "unknown", None)],
        ),
    ],
)
def test_split_actors(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    actors = split_actors(text)
    assert [(a.name, a.kind, a.country) for a in actors] == expected
    for a in actors:
        assert re.sub(r"([(\[])\s+|\s+([)\]])", r"\1\2", text[a.start : a.end]) == a.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("House of Tudor ( Lancastrian)", "House of Tudor (Lancastrian)"),
        ("Red Army ( Soviet Union )", "Red Army (Soviet Union)"),
        ("Smith [ 1 ]", "Smith [1]"),
    ],
)
def test_space_inside_brackets_is_closed_up(text: str, name: str) -> None:
    (actor,) = split_actors(text)
    assert actor.name == name
    assert text[actor.start : actor.end].replace(" ", "") == name.replace(" ", "")


def test_links_attach_and_protect_names() -> None:
    text = "Soviet Union Red Army and Ulster Volunteer Force"
    links = [("Red Army", "Red Army", 13, 21), ("Ulster Volunteer Force", "UVF", 26, 48)]
    actors = split_actors(text, links)
    assert actors == [
        Actor("Red Army", "Red Army", "state", "Soviet Union", 13, 21),
        Actor("Ulster Volunteer Force", "UVF", "non-state", None, 26, 48),
    ]


def test_separator_inside_link_does_not_split() -> None:
    text = "Catholic and Royal Army, Chouans"
    actors = split_actors(text, [("Catholic and Royal Army", "Catholic and Royal Army", 0, 23)])
    assert [a.name for a in actors] == ["Catholic and Royal Army", "Chouans"]
    assert actors[0].link == "Catholic and Royal Army"


def test_labels_are_not_actors() -> None:
    actors = split_actors("Seventh Coalition:\nSupported by:\nKingdom of Hanover")
    assert [a.name for a in actors] == ["Seventh Coalition", "Kingdom of Hanover"]


def test_empty() -> None:
    assert split_actors("") == []


def test_parentheses_do_not_separate_and_remarks_are_dropped() -> None:
    from eventledger.normalise.actors import split_actors

    assert [a.name for a in split_actors("World Trade Center (AA11, UA 175)")] == [
        "World Trade Center (AA11, UA 175)"
    ]
    (amri,) = split_actors("Anis Amri (deceased)")
    assert amri.name == "Anis Amri" and amri.end == len("Anis Amri")


def test_labels_and_periods_are_not_actors() -> None:
    from eventledger.normalise.actors import split_actors

    assert [a.name for a in split_actors("Allies")] == ["Allies"]
    assert [a.name for a in split_actors("Allies:\nFrance\nBritain")] == ["France", "Britain"]
    assert [a.name for a in split_actors("1791–1793:\nEx-slaves")] == ["Ex-slaves"]


def test_dagger_of_the_fallen_is_not_part_of_the_name() -> None:
    from eventledger.normalise.actors import split_actors

    assert [a.name for a in split_actors("Harold Godwinson †")] == ["Harold Godwinson"]
