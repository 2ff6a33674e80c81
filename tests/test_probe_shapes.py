"""Page shapes from the session-6 probe: realistic pages written and coded blind by other
engineers (attacks, battles, operations, riots, pages without an infobox). Each test is one
general rule a page of that shape showed to be missing; the pages themselves stay outside the
repository."""

from __future__ import annotations

import pytest

from eventledger.normalise.places import resolve_place
from eventledger.pipeline import parse_text


def _attack(fields: str, lead: str, title: str = "2019 X shooting") -> dict:
    wikitext = (
        "{{Infobox civilian attack\n| title = " + title + "\n| date = {{Start date|2019|8|4}}\n"
        "| location = [[Dayton, Ohio]], United States\n" + fields + "}}\n"
        f"The '''{title}''' {lead}\n\n== Aftermath ==\nThe city held a vigil.\n"
    )
    return parse_text(wikitext, title=title, format="wikitext")[0]


def _q(rec: dict, key: str) -> tuple[int | None, int | None, int | None]:
    q = rec["event"][key]
    return q["low"], q["best"], q["high"]


def _contradictions(rec: dict) -> int:
    return sum(1 for f in rec["findings"] if f["code"] == "CONTRADICTION")


def test_a_toll_including_the_perpetrator_and_the_leads_victims_agree() -> None:
    rec = _attack(
        "| fatalities = 10 (including the perpetrator)\n| injuries = 27 (17 from gunfire)\n",
        "was a mass shooting on August 4, 2019. The gunman opened fire outside a bar, killing "
        "nine people and wounding 17 others. Another ten people were injured in the panic.",
    )
    assert _q(rec, "deaths") == (9, 9, 9)  # the victims, as the lead counts them
    assert _q(rec, "injuries") == (27, 27, 27)
    assert _contradictions(rec) == 0


def test_a_lead_total_makes_the_stages_of_the_toll_its_parts() -> None:
    rec = _attack(
        "| fatalities = 60\n",
        "was a hijacking on 23 November 1985. The hijackers shot five passengers, two of whom "
        "died. The following day commandos stormed the aircraft; the assault killed 57 more "
        "people, with 60 deaths in total.",
        title="X Flight 648",
    )
    assert _q(rec, "deaths") == (60, 60, 60)


def test_another_events_toll_in_the_lead_is_no_rival() -> None:
    rec = _attack(
        "| fatalities = 29\n",
        "was a suicide bombing on 17 March 1992. It was the deadliest attack in the country "
        "until the [[AMIA bombing]] of 1994, which killed 85 people.",
        title="1992 X embassy attack",
    )
    assert _q(rec, "deaths") == (29, 29, 29)


def test_counts_of_assailants_are_no_actors() -> None:
    rec = _attack(
        "| fatalities = 149\n| perpetrators = [[Tehrik-i-Taliban Pakistan]]\n"
        "| assailants = 7 gunmen\n",
        "was a school attack on 16 December 2014.",
    )
    assert [p["name"] for p in rec["event"]["perpetrators"]] == ["Tehrik-i-Taliban Pakistan"]


def test_the_date_of_a_source_in_its_bracket_is_no_figure() -> None:
    rec = _attack(
        "| fatalities = 35 (official French report, 1945)<br />70 (French government, 2014)\n",
        "was a massacre on 1 December 1944.",
        title="X massacre",
    )
    assert all(
        s["best"] not in (1945, 2014) for s in rec["statements"] if s["property"] == "deaths"
    )


@pytest.mark.parametrize(
    ("casualties", "deaths"),
    [
        ("1 hostage killed<br />2 commandos killed<br />14 MRTA militants killed", 17),
        ("10 Iraqi soldiers killed<br />1 French civilian killed", 11),
    ],
)
def test_an_operations_lines_naming_different_parties_are_summed(
    casualties: str, deaths: int
) -> None:
    wikitext = (
        "{{Infobox military operation\n| name = Operation X\n| date = 22 April 1997\n"
        "| executed_by = [[Peruvian Armed Forces]]\n| casualties = " + casualties + "\n}}\n"
        "'''Operation X''' was a military operation carried out on 22 April 1997.\n"
    )
    rec = parse_text(wikitext, title="Operation X", format="wikitext")[0]
    assert _q(rec, "deaths") == (deaths, deaths, deaths)
    assert _contradictions(rec) == 0


def test_sides_with_their_commanders_in_the_lead() -> None:
    wikitext = (
        "The '''Battle of X''' was fought on 12 July 1260 near X, between the [[Kingdom of "
        "Bohemia]] under [[Ottokar II of Bohemia|Ottokar II]] and the [[Kingdom of Hungary]] "
        "under [[Béla IV of Hungary|Béla IV]] and his son [[Stephen V of Hungary|Stephen]].\n\n"
        "== Battle ==\nThe armies met.\n"
    )
    rec = parse_text(wikitext, title="Battle of X", format="wikitext")[0]
    sides = [[c["name"] for c in s["combatants"]] for s in rec["event"]["sides"]]
    assert sides == [["Kingdom of Bohemia"], ["Kingdom of Hungary"]]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Nemanjina 11, Belgrade, Serbia and Montenegro", "Belgrade", "RS"),
        ("Bratislava, Czechoslovakia", "Bratislava", "SK"),
    ],
)
def test_a_former_state_after_a_town_contains_it(text: str, name: str, country: str) -> None:
    p = resolve_place(text)
    assert (p.name, p.country, p.where_prec) == (name, country, 1)


def _battle_side1(casualties1: str, casualties3: str = "") -> dict:
    wikitext = (
        "{{Infobox military conflict\n| conflict = Battle of X\n| date = 20 November 1943\n"
        "| combatant1 = A\n| combatant2 = B\n"
        f"| casualties1 = {casualties1}\n| casualties2 = 1,000 killed\n"
        + (f"| casualties3 = {casualties3}\n" if casualties3 else "")
        + "}}\nThe '''Battle of X''' was fought in 1943.\n"
    )
    return parse_text(wikitext, title="Battle of X", format="wikitext")[0]


@pytest.mark.parametrize(
    ("line", "category", "value"),
    [
        ("4,690 killed<br />17 Japanese and 129 Koreans captured", "captured", 146),
        ("500 German and 300 Italian soldiers killed", "killed", 800),
    ],
)
def test_groups_listed_on_one_line_are_summed(line: str, category: str, value: int) -> None:
    q = _battle_side1(line)["event"]["sides"][0]["casualties"][category]
    assert (q["low"], q["best"], q["high"]) == (value, value, value)


def test_civilians_column_groups_and_the_displaced() -> None:
    rec = _battle_side1(
        "100 killed",
        "4,289 civilians executed by the rebels<br />931 civilians killed by mines<br />"
        "c. 700,000 internally displaced",
    )
    # 100 + 1,000 + 4,289 + 931: two ways the civilians died, and the displaced are no
    # casualties (they left the sum a floor)
    assert _q(rec, "deaths") == (6320, 6320, 6320)


def test_a_riots_parties_are_one_toll() -> None:
    wikitext = (
        "{{Infobox civil conflict\n| title = X Uprising\n| date = 18–27 May 1980\n"
        "| injuries = 3,139 civilians<br />253 soldiers<br />144 policemen\n}}\n"
        "The '''X Uprising''' was a popular uprising in May 1980. Some 3,139 civilians were "
        "injured.\n"
    )
    rec = parse_text(wikitext, title="X Uprising", format="wikitext")[0]
    assert _q(rec, "injuries") == (3536, 3536, 3536)


def test_hostage_takers_are_perpetrators() -> None:
    rec = _attack(
        "| fatalities = {{plainlist|\n* 40 hostage-takers\n* 130–204 hostages}}\n",
        "was a hostage crisis on 23 October 2002.",
        title="X theater hostage crisis",
    )
    assert _q(rec, "deaths") == (130, None, 204)
    assert _contradictions(rec) == 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb's second object shares its category
        (
            "The perpetrators murdered twelve students and one teacher.",
            [("killed", 12, False), ("killed", 1, False)],
        ),
        # more victims of the same toll are a part of it
        (
            "Twenty-one additional people were injured by gunfire, and three others were "
            "injured while escaping.",
            [("wounded", 21, True), ("wounded", 3, True)],
        ),
        # "others" after a figure of another category is the toll itself
        (
            "The attack killed 5 people and injured 20 others.",
            [("killed", 5, False), ("wounded", 20, False)],
        ),
    ],
)
def test_lead_figures_that_go_on_counting(
    sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    from eventledger.normalise.numbers import figures_in_sentence

    assert [(f.category, f.best, f.subset) for f in figures_in_sentence(sentence)] == expected


def test_a_toll_including_the_perpetrators_counts_the_victims() -> None:
    rec = _attack(
        "| fatalities = 15 (including both perpetrators)\n| injuries = 24 (21 by gunfire)\n",
        "was a school shooting on April 20, 1999. The perpetrators murdered twelve students "
        "and one teacher. Ten of the students were killed in the library. Twenty-one "
        "additional people were injured by gunfire, and three others were injured while "
        "escaping.",
        title="X High School massacre",
    )
    assert _q(rec, "deaths") == (13, 13, 13)
    assert _q(rec, "injuries") == (24, 24, 24)
    assert _contradictions(rec) == 0


def test_an_infobox_line_called_initial_is_superseded() -> None:
    rec = _attack(
        "| fatalities = 23 (including 5 soldiers)<br />20 (initial count)\n",
        "was a twin bombing on 27 January 2019.",
        title="2019 X Cathedral bombings",
    )
    assert _q(rec, "deaths") == (23, 23, 23)


def test_an_unknown_perpetrator_names_nobody() -> None:
    rec = _attack("| fatalities = 80\n| perpetrator = Unknown\n", "was a truck bombing.")
    assert rec["event"]["perpetrators"] == []
    assert any(s["property"] == "perpetrator" for s in rec["statements"])


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("7 gunmen", []),
        ("40–50 militants led by Movsar Barayev", []),
        ("[[27th (Inniskilling) Regiment of Foot|27th Foot]] volunteers", ["27th Foot volunteers"]),
        ("[[3 Commando Brigade]]", ["3 Commando Brigade"]),
    ],
)
def test_a_count_of_people_is_no_actor_but_a_numbered_unit_is(value: str, names: list[str]) -> None:
    rec = _attack(f"| fatalities = 5\n| perpetrators = {value}\n", "was an attack.")
    assert [p["name"] for p in rec["event"]["perpetrators"]] == names


def test_a_lead_figure_the_sentence_says_was_later_replaced() -> None:
    rec = _attack(
        "| fatalities = 354<ref name=a>{{cite news |title=Toll rises to 354 |url=https://www.x"
        ".example/a}}</ref>\n",
        "was a wave of unrest in July 2021. The minister put the death toll at 337 on 22 July,"
        "<ref name=a/> later revised to 354.",
        title="2021 X unrest",
    )
    assert _q(rec, "deaths") == (354, 354, 354)
    rec = _attack(
        "| fatalities = 13\n",
        "was a mass shooting on April 19, 2019. Authorities initially reported 14 dead, a "
        "figure the prosecutor's office later corrected to 13.",
        title="X massacre",
    )
    assert _q(rec, "deaths") == (13, 13, 13)


def test_an_ongoing_battle_started_by_template_has_an_open_end() -> None:
    wikitext = (
        "{{Infobox military conflict\n| conflict = Battle of X\n"
        "| date = {{Start date and age|2024|4|4|df=yes}} – present\n"
        "| combatant1 = A\n| combatant2 = B\n}}\nThe '''Battle of X''' is an ongoing battle.\n"
    )
    date = parse_text(wikitext, title="Battle of X", format="wikitext")[0]["event"]["date"]
    assert (date["start"], date["end"], date["date_prec"]) == ("2024-04-04", None, 5)


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [("51°3.6′N 12°49′W", 51.06, -12.8167), ("50°27′49″N 2°08′30″E", 50.4636, 2.1417)],
)
def test_coordinates_with_decimal_minutes(text: str, lat: float, lon: float) -> None:
    p = resolve_place(f"Atlantic Ocean, off the coast of County Cork, Ireland {text}")
    assert (round(p.lat, 4), round(p.lon, 4)) == (lat, lon)


def test_two_towns_sharing_a_units_noun_are_one_actor() -> None:
    from eventledger.normalise.actors import split_actors

    names = [
        (a.name, a.kind) for a in split_actors("Manchester and Salford Yeomanry, 15th Hussars")
    ]
    assert names == [("Manchester and Salford Yeomanry", "state"), ("15th Hussars", "state")]


def test_the_counts_of_a_conviction_are_some_of_the_toll() -> None:
    rec = _attack(
        "| fatalities = 347–504\n",
        "was a mass murder on 16 March 1968. Only one officer was convicted; found guilty of "
        "murdering 22 villagers, he served three and a half years.",
        title="X massacre",
    )
    assert _q(rec, "deaths") == (347, None, 504)


def test_browser_copy_headings_with_an_edit_line_under_them() -> None:
    from eventledger.read.plaintext import read_plaintext

    text = (
        "X massacre\nFrom Wikipedia, the free encyclopedia\nX massacre\n"
        "Date\t5–6 September 1972\nDeaths\t17 total\nNo. of participants\t8\n\n"
        "The X massacre was a terrorist attack carried out during the 1972 Summer Olympics in "
        "Munich, West Germany, by eight members of a militant organisation.[1][a]\n\n"
        "Notes\nEdit\n^ Initial reports wrongly said that all the hostages had been freed.\n\n"
        "References\nEdit\n^ Reeve, Simon (2000). One Day in September. p. 2.\n"
    )
    doc = read_plaintext(text, "x.txt")
    assert [(r.label, r.group) for r in doc.references] == [("a", "notes"), ("1", None)]
    assert [f.key for f in doc.infobox.fields] == ["date", "deaths", "participants"]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # phases on one line: the event spans them
        ("June 1685; July 1686 – May 1687", ("1685-06", "1687-05", 5)),
        # a labelled phase on a line of its own stays apart
        ("20 January – 24 March 2018<br />Insurgency phase: 25 March 2018 – 9 August 2019",
         ("2018-01-20", "2018-03-24", 5)),
    ],
)  # fmt: skip
def test_a_date_field_with_phases(date: str, expected: tuple) -> None:
    wikitext = (
        "{{Infobox military conflict\n| conflict = Siege of X\n| date = " + date + "\n"
        "| combatant1 = A\n| combatant2 = B\n}}\nThe '''Siege of X''' was a siege.\n"
    )
    d = parse_text(wikitext, title="Siege of X", format="wikitext")[0]["event"]["date"]
    assert (d["start"], d["end"], d["date_prec"]) == expected


def test_an_old_style_date_template_gives_the_new_style_date() -> None:
    wikitext = (
        "The '''sack of X''' was a massacre committed on {{OldStyleDate|19 March|1631|9 March}}"
        ", when imperial troops stormed the town of X.\n\n== Aftermath ==\nThe town burned.\n"
    )
    d = parse_text(wikitext, title="Sack of X", format="wikitext")[0]["event"]["date"]
    assert (d["start"], d["precision"]) == ("1631-03-19", "day")


@pytest.mark.parametrize(
    ("sentence", "subset"),
    [
        ("Of the black dead, 17 were killed by police officers.", [True]),
        ("Between 81 and 88 Jews were killed; a few Christians also died.", [False, True]),
    ],
)
def test_parts_of_a_toll_named_before(sentence: str, subset: list[bool]) -> None:
    from eventledger.normalise.numbers import figures_in_sentence

    assert [f.subset for f in figures_in_sentence(sentence)] == subset


def test_a_figure_that_was_revised_down_takes_no_part() -> None:
    rec = _attack(
        "| fatalities = 135\n",
        "was a crush on 1 October 2022. Initial reports put the death toll at 174, a figure "
        "that was revised down to 125 the following day.",
        title="X Stadium disaster",
    )
    assert _q(rec, "deaths") == (135, 135, 135)


def test_people_and_units_of_a_state() -> None:
    from eventledger.normalise.actors import split_actors

    kinds = [
        (a.name, a.kind)
        for a in split_actors("People's Liberation Army; Nazi Germany (Sicherheitspolizei)")
    ]
    assert kinds == [
        ("People's Liberation Army", "state"),
        ("Nazi Germany (Sicherheitspolizei)", "state"),
    ]


def test_browser_copy_numbered_notes_list_without_edit_marks() -> None:
    from eventledger.read.plaintext import read_plaintext

    text = (
        "X massacre\n\nX massacre\nDate4 June 1989\nDeathsEstimates range from 300 to 3,000[a]"
        "\n\nThe X massacre was the suppression of the protests by troops who opened fire on "
        "civilians in the city centre on the night of 3 to 4 June 1989.[1][b]\n\n"
        "Notes\n\n  1. ^ Estimates by the Red Cross, later withdrawn, were around 2,600.\n"
        "  2. ^ The cable relied on a single source.\n\n"
        "References\n\n  1. ^ a b Brook, Timothy (1998). Quelling the People. p. 154.\n"
    )
    doc = read_plaintext(text, "x.txt")
    assert [(r.label, r.group) for r in doc.references] == [
        ("a", "notes"),
        ("b", "notes"),
        ("1", None),
    ]


def test_an_old_style_remark_inside_a_date() -> None:
    from eventledger.normalise.dates import parse_date

    d = parse_date("7 September [O.S. 26 August] 1812")
    assert (d.start, d.precision, d.text) == (
        "1812-09-07",
        "day",
        "7 September [O.S. 26 August] 1812",
    )


@pytest.mark.parametrize(
    ("sentence", "best"),
    [
        ("Eleven detainees were clubbed to death by warders.", 11),
        ("40 people were burned to death in the church.", 40),
    ],
)
def test_ways_of_killing_to_death(sentence: str, best: int) -> None:
    from eventledger.normalise.numbers import figures_in_sentence

    assert [(f.category, f.best) for f in figures_in_sentence(sentence)] == [("killed", best)]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ba'athist Iraq", "state"),
        ("Imperial Japan", "state"),
        ("Tehrik-i-Taliban Pakistan", "non-state"),  # a group named after its country: no state
    ],
)
def test_a_regimes_name_for_its_state(name: str, kind: str) -> None:
    from eventledger.normalise.actors import split_actors

    assert [a.kind for a in split_actors(name)] == [kind]
