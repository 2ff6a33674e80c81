"""Shapes found in session 15 (probe waves 30 onwards, and the shapes session 14 left
alone). Each test fails on the session's starting code or guards a counter-example of a
rule."""

from __future__ import annotations

from eventledger.pipeline import parse_text


def _record(text: str, fmt: str = "wikitext") -> dict:
    return parse_text(text, format=fmt, name="x.wiki" if fmt == "wikitext" else "x.txt")[0]


def _q(ev: dict, key: str = "deaths") -> tuple:
    return ev[key]["low"], ev[key]["best"], ev[key]["high"]


def _codes(rec: dict) -> list[str]:
    return [f["code"] for f in rec["findings"]]


# ------------------------------------------------------------- a toll revised by a pronoun


def _bombing(lead: str, fatalities: str = "") -> str:
    return (
        "{{Infobox civilian attack\n| title = The bombings\n| location = Sharm El Sheikh, Egypt\n"
        f"| date = 23 July 2005\n| fatalities = {fatalities}\n}}}}\n"
        f"The '''bombings''' took place in Sharm El Sheikh on 23 July 2005. {lead}\n"
    )


def test_a_toll_that_rose_as_a_pronoun_supersedes_the_initial_report() -> None:
    lead = (
        "Initial reports put the death toll at 64. It later rose to 88, the majority of them "
        "Egyptians, and more than 200 people were wounded."
    )
    assert _q(_record(_bombing(lead, "88"))["event"]) == (88, 88, 88)


def test_a_pronoun_that_rose_to_no_figure_revises_nothing() -> None:
    lead = (
        "Initial reports put the death toll at 64. It later rose to prominence as a symbol "
        "of the insurgency."
    )
    assert _q(_record(_bombing(lead, "88"))["event"])[0] == 64
