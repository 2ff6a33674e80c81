"""Shapes found in session 16 (probe wave 36 onwards). Each test fails on the session's
starting code or guards a counter-example of a rule."""

from __future__ import annotations

from eventledger.normalise.numbers import figures_in_sentence
from eventledger.pipeline import parse_text


def _record(text: str, fmt: str = "wikitext", name: str = "x") -> dict:
    return parse_text(text, format=fmt, name=name + (".wiki" if fmt == "wikitext" else ".txt"))[0]


def _q(ev: dict, key: str = "deaths") -> tuple:
    return ev[key]["low"], ev[key]["best"], ev[key]["high"]


def _codes(rec: dict) -> list[str]:
    return [f["code"] for f in rec["findings"]]


def _killed(text: str) -> list[tuple]:
    return [(f.low, f.best, f.high) for f in figures_in_sentence(text) if f.category == "killed"]


# ------------------------------------------------------- {{harvid}} anchors a full citation


_HARVID_PAGE = """{{Infobox civilian attack
| title = The massacres
| location = Rabinal, Guatemala
| date = 13 March 1982
| fatalities = At least 177
}}
The '''massacres''' were killings at Rabinal, Guatemala, on 13 March 1982.{{sfn|CEH|1999|p=43}}
The army carried them out.{{sfn|Hall|2010|p=108}}

==References==
{{reflist}}

==Bibliography==
* {{cite report |author=Comisión para el Esclarecimiento Histórico |title=Memoria del Silencio |year=1999 |ref={{harvid|CEH|1999}} |publisher=UNOPS}}
* {{cite book |last=Hall |first=Ann |title=Rabinal |year=2010 |publisher=Press}}
"""


def test_a_harvid_in_a_bibliography_entry_is_no_reference_and_anchors_its_short_cites() -> None:
    rec = _record(_HARVID_PAGE)
    shorts = [r for r in rec["references"] if r["kind"] == "short"]
    assert len(shorts) == 2  # the two {{sfn}}; the {{harvid}} in ref= cites nothing
    ceh = next(r for r in shorts if r["authors"] == ["CEH"])
    full = next(r for r in rec["bibliography"] if r["id"] == ceh["resolves_to"])
    assert full["title"] == "Memoria del Silencio"
    assert "SHORT_CITATION_UNRESOLVED" not in _codes(rec)


def test_a_short_cite_that_names_no_anchor_or_author_stays_unresolved() -> None:
    page = _HARVID_PAGE.replace("{{sfn|CEH|1999|p=43}}", "{{sfn|CIDH|1999|p=43}}")
    rec = _record(page)
    cidh = next(r for r in rec["references"] if r["authors"] == ["CIDH"])
    assert cidh["resolves_to"] is None
    assert "SHORT_CITATION_UNRESOLVED" in _codes(rec)


def test_a_literal_citeref_anchor_resolves_too() -> None:
    page = _HARVID_PAGE.replace("{{harvid|CEH|1999}}", "CITEREFCEH1999")
    rec = _record(page)
    ceh = next(r for r in rec["references"] if r["authors"] == ["CEH"])
    assert ceh["resolves_to"] is not None


# ------------------------------------------------------ a toll estimated at, a dead range


def test_a_death_toll_estimated_at_a_range_is_a_figure() -> None:
    assert _killed("The death toll was estimated at between 200 and 250.") == [(200, None, 250)]
    assert _killed("The death toll is estimated at 200.") == [(200, 200, 200)]
    assert _killed("The death toll was officially put at 59, but others differ.") == [(59, 59, 59)]
    assert _killed("The number of dead is estimated at between 200 and 250.") == [(200, None, 250)]


def test_estimates_of_the_total_dead_range_from_is_a_range() -> None:
    assert _killed("Estimates of the total dead range from about 200 to 250.") == [(200, None, 250)]


def test_the_dead_placed_at_graves_or_ranging_in_age_are_no_figure() -> None:
    assert _killed("The dead were placed at 3 mass graves.") == []
    assert _killed("Most of the dead ranged from 20 to 30 years old.") == []


# --------------------------------------------------- prose losses tied to sides by commander


def _battle(sentence: str, commander1: str = "[[Baji Rao I|Peshwa Baji Rao I]]") -> str:
    return (
        "{{Infobox military conflict\n| conflict = Battle of Palkhed\n| date = 28 February 1728\n"
        "| place = Palkhed, near [[Aurangabad]], India\n| result = Maratha victory\n"
        "| combatant1 = [[Maratha Empire]]\n| combatant2 = [[Hyderabad State|Nizam of Hyderabad]]\n"
        f"| commander1 = {commander1}<br/>[[Malhar Rao Holkar]]\n"
        "| commander2 = [[Asaf Jah I|Nizam-ul-Mulk Asaf Jah I]]\n}}\n"
        "The '''Battle of Palkhed''' was fought on 28 February 1728 at Palkhed between the "
        "[[Maratha Empire]] and the Nizam of Hyderabad.\n\n== Battle ==\n"
        f"The Nizam's army was surrounded. {sentence}\n"
    )


def _sides(rec: dict) -> list[tuple]:
    return [
        (s["casualties"]["killed"]["best"], s["casualties"]["wounded"]["best"])
        for s in rec["event"]["sides"]
    ]


def test_prose_losses_of_a_side_named_by_its_commander_are_that_sides() -> None:
    rec = _record(
        _battle(
            "In the fighting the Peshwa lost 180 men killed and 500 wounded, while 2,000 of "
            "the Nizam's soldiers were killed."
        )
    )
    assert _sides(rec) == [(180, 500), (2000, None)]
    assert _q(rec["event"]) == (2180, 2180, 2180)


def test_a_commander_word_of_both_sides_ties_nothing() -> None:
    # "Rao" commands on both sides: the word names no one side
    rec = _record(
        _battle(
            "In the fighting Rao lost 180 men killed and 500 wounded, while 2,000 of the "
            "Nizam's soldiers were killed.",
        ).replace("Nizam-ul-Mulk Asaf Jah I", "Rao Rambha")
    )
    assert _sides(rec) == [(None, None), (None, None)]


def test_a_commanders_rank_ties_nothing() -> None:
    rec = _record(
        _battle(
            "In the fighting the general lost 180 men killed and 500 wounded, while 2,000 of "
            "the Nizam's soldiers were killed.",
            commander1="General Baji Rao",
        )
    )
    assert _sides(rec)[0] == (None, None)


# ----------------------------------------- an operation's heading that names side 1's acronym


def _operation(heading1: str) -> str:
    return (
        "{{Infobox military operation\n|name=Operation Harling\n|scope=Sabotage\n"
        "|location=[[Gorgopotamos]], Greece\n|date=25–26 November 1942\n"
        "|executed_by={{plainlist|\n* [[Special Operations Executive]] (SOE)\n"
        "* [[Greek People's Liberation Army|ELAS]]}}\n"
        f"|casualties=<u>{heading1}:</u><br />None killed<br />4 wounded<br />"
        "<u>Italy:</u><br />c. 20–30 killed<br />Unknown wounded\n}}\n"
        "'''Operation Harling''' was a sabotage mission in Greece on 25 November 1942.\n"
    )


def test_an_operation_heading_with_side_ones_acronym_is_side_one() -> None:
    rec = _record(_operation("SOE and Greek resistance"))
    sides = rec["event"]["sides"]
    assert [c["name"] for c in sides[1]["combatants"]] == ["Italy"]
    assert (
        sides[0]["casualties"]["killed"]["best"],
        sides[0]["casualties"]["wounded"]["best"],
    ) == (
        0,
        4,
    )
    assert sides[1]["casualties"]["killed"]["low"] == 20


def test_an_operation_heading_with_another_acronym_is_not_side_one() -> None:
    rec = _record(_operation("KKE and Greek resistance"))
    assert len(rec["event"]["sides"]) == 1
