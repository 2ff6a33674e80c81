"""Lead places on a front line's end, and lead figures of one incident inside a battle."""

from __future__ import annotations

import pytest

from eventledger.pipeline import parse_text


@pytest.mark.parametrize(
    ("text", "title", "name", "where_prec"),
    [
        # one end of a front is not the place: the lead's next place is taken
        (
            "The Battle of the River was a series of engagements on the Lyman–Sievierodonetsk "
            "front of the battle of Donbas during the Russian invasion of Ukraine.\n",
            "Battle of the River",
            "Donbas",
            5,
        ),
        # the line is the page's own subject: its first town stands for it
        (
            "The Battle of the Svatove–Kreminna line is a series of engagements in Eastern "
            "Ukraine along a frontline running from the village of Tavilzhanka, the city of "
            "Svatove, and to the city of Kreminna.\n",
            "Battle of the Svatove–Kreminna line",
            "Svatove",
            5,
        ),
    ],
)
def test_line_end_is_no_lead_place(text: str, title: str, name: str, where_prec: int) -> None:
    loc = parse_text(text, title=title, format="prose")[0]["event"]["location"]
    assert (loc["name"], loc["country"], loc["where_prec"]) == (name, "UA", where_prec)


_SIEGE = (
    "The siege of Exampletown was a siege laid by government forces in April 2013 during the "
    "Syrian civil war.\n\nOn April 8, 2018, an agreement was reached following the chemical "
    "weapons attack that reportedly killed 70 people, and injured 500 who displayed symptoms."
    "\n\nThousands of people were killed during this 5-year siege period.\n"
)


def test_incident_figure_is_not_a_battles_figure() -> None:
    event = parse_text(_SIEGE, title="Siege of Exampletown", format="prose")[0]["event"]
    assert event["injuries"]["low"] is None and event["injuries"]["best"] is None
    assert event["deaths"]["low"] == 2000 and event["deaths"]["high"] == 9999


def test_attack_page_keeps_its_own_figure() -> None:
    text = (
        "The Exampletown bombing was a suicide attack that killed 70 people and injured 500 "
        "in Exampletown, Syria, on 8 April 2018.\n"
    )
    event = parse_text(text, title="Exampletown bombing", format="prose")[0]["event"]
    assert event["deaths"]["best"] == 70 and event["injuries"]["best"] == 500


def test_plural_strikes_may_be_the_events_toll() -> None:
    """ "airstrikes which killed over 5,000 civilians" is no single incident: the figure stays
    the siege's."""
    text = (
        "The siege of Exampletown was a siege laid by government forces in April 2013 during the "
        "Syrian civil war. The siege was marked by airstrikes which killed over 5,000 civilians.\n"
    )
    event = parse_text(text, title="Siege of Exampletown", format="prose")[0]["event"]
    assert event["deaths"]["low"] == 5001
