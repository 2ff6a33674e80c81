"""Event assembly: the three policies, contradictions, sums over sides and contingents."""

from __future__ import annotations

import pytest

from eventledger.extract.assemble import (
    UnknownPolicy,
    _side_quantity,
    combine,
    event_kind,
    sum_quantities,
)
from eventledger.models import Document, Infobox, Source, Statement


def st(
    n: int,
    low: int | None,
    high: int | None,
    best: int | None = None,
    *,
    comparator: str = "range",
    support: str = "direct",
    subset: bool = False,
    **kw,
) -> Statement:  # noqa: ANN003
    return Statement(
        id=f"st{n}",
        property="deaths",
        text=f"t{n}",
        span=(n, n + 1),
        origin="body",
        category="killed",
        comparator=comparator,
        low=low,
        best=best,
        high=high,
        support=support,
        subset=subset,
        **kw,
    )


def test_ranges_intersects_overlapping_statements() -> None:
    q, finding = combine([st(1, 1001, None), st(2, 901, 1800), st(3, 1001, None)])
    assert (q["low"], q["best"], q["high"], q["policy"]) == (1001, None, 1800, "ranges")
    assert finding is None


def test_ranges_best_must_lie_inside_the_interval() -> None:
    q, _ = combine([st(1, None, None, 200, comparator="~"), st(2, 300, 500)])
    assert (q["low"], q["best"], q["high"]) == (300, None, 500)
    q, _ = combine([st(1, None, None, 400, comparator="~"), st(2, 300, 500)])
    assert q["best"] == 400


def test_ranges_contradiction_gives_the_envelope() -> None:
    q, finding = combine(
        [st(1, 12, 12, 12, comparator="="), st(2, 86, 86, 86, comparator="=")], label="deaths"
    )
    assert (q["low"], q["high"]) == (12, 86)
    assert finding is not None and finding.code == "CONTRADICTION"
    assert finding.statements == ["st1", "st2"]


def test_unbounded_stays_unbounded_in_the_envelope() -> None:
    q, finding = combine([st(1, 5, 5, 5, comparator="="), st(2, 100, None, comparator=">=")])
    assert finding is not None and (q["low"], q["high"]) == (5, None)


def test_subsets_and_unknowns_take_no_part() -> None:
    q, finding = combine(
        [
            st(1, 12, 12, 12, comparator="="),
            st(2, 2, 2, 2, subset=True),
            st(3, None, None, None, comparator=None),
        ]
    )
    assert finding is None and (q["low"], q["high"]) == (12, 12) and q["statements"] == ["st1"]


def test_conservative_takes_the_smallest_supported_floor() -> None:
    sts = [
        st(1, 1001, None, comparator=">", support="unsourced"),
        st(2, 901, 1800),
        st(3, 1200, 1200, 1200),
    ]
    q, _ = combine(sts, "conservative")
    assert (q["low"], q["best"], q["high"], q["policy"]) == (901, 901, None, "conservative")


def test_strict_needs_agreeing_exact_figures() -> None:
    q, _ = combine([st(1, 12, 12, 12, comparator="="), st(2, 10, 20)], "strict")
    assert (q["low"], q["best"], q["high"]) == (12, 12, 12)
    q, _ = combine([st(1, 12, 12, 12, comparator="="), st(2, 13, 13, 13, comparator="=")], "strict")
    assert (q["low"], q["best"], q["high"]) == (None, None, None)
    q, _ = combine([st(1, 1001, None, comparator=">")], "strict")
    assert q["best"] is None


def test_unknown_policy() -> None:
    with pytest.raises(UnknownPolicy, match="unknown policy 'median'"):
        combine([], "median")


def _q(low, best, high):  # noqa: ANN001, ANN202
    return {"low": low, "best": best, "high": high, "policy": "ranges", "statements": ["x"]}


def test_sum_over_sides_is_interval_arithmetic() -> None:
    q = sum_quantities([_q(100, 100, 100), _q(200, None, 300)], "ranges")
    assert (q["low"], q["best"], q["high"]) == (300, None, 400)
    q = sum_quantities([_q(100, 100, 100), _q(1001, None, None)], "ranges")
    assert (q["low"], q["high"]) == (1101, None)  # unbounded stays unbounded
    q = sum_quantities([_q(100, 100, 100), _q(None, 50, None)], "ranges")
    assert (q["low"], q["best"], q["high"]) == (100, 150, None)  # "about 50" gives no floor


def test_contingents_are_summed_and_totals_win() -> None:
    killed = [
        st(1, 3500, 3500, 3500, comparator="=", group="Anglo-allies", group_seq=0),
        st(2, 1200, 1200, 1200, comparator="=", group="Prussians", group_seq=1),
    ]
    findings: list = []
    q = _side_quantity(killed, "ranges", "side 2 killed", findings, sum_groups=True)
    assert (q["low"], q["best"], q["high"]) == (4700, 4700, 4700) and not findings
    total = st(3, 24000, 24000, 24000, comparator="=", total=True)
    q = _side_quantity([*killed, total], "ranges", "x", findings, sum_groups=True)
    assert q["low"] == 24000
    q = _side_quantity(killed, "ranges", "strength", findings, sum_groups=False)
    assert q["low"] is None  # strength lists are phases as often as contingents: no sum


def _doc(title: str, template: str | None) -> Document:
    box = Infobox(template, (0, 0), []) if template else None
    return Document(Source("wikitext", "x", "0"), "", title, infobox=box)


@pytest.mark.parametrize(
    ("title", "template", "kind"),
    [
        ("Battle of Hastings", "military conflict", "battle"),
        ("Second Punic War", "military conflict", "war"),
        ("Haitian Revolution", "military conflict", "war"),
        ("Operation Overlord", "military conflict", "battle"),
        ("2016 Berlin attack", "civilian attack", "attack"),
        ("Réveillon riots", None, "other"),
        ("Siege of Somewhere", None, "battle"),
        ("Some massacre", None, "attack"),
        ("Imber friendly fire incident", "event", "other"),
        # the taking of a place is a battle; the fall of a thing that is no place is not
        ("Capture of Chernobyl", None, "battle"),
        ("Seizure of Kherson", None, "battle"),
        ("Fall of Saigon", None, "battle"),
        ("Fall of the Berlin Wall", None, "other"),
        ("Capture of Chernobyl", "civilian attack", "attack"),
        # a riot, protest or revolution with a civil-conflict box is no war; an operation a battle
        ("2011 Egyptian revolution", "civil conflict", "other"),
        ("1992 Los Angeles riots", "civil conflict", "other"),
        ("1989 Tiananmen Square protests and massacre", "civil conflict", "attack"),
        ("Operation Neptune Spear", "military operation", "battle"),
        ("Bombing of Somewhere", "military operation", "attack"),
        # an event box: no battle or war whatever the title says, unless it names an attack
        ("Battle of Los Angeles", "historical event", "other"),
        ("French Revolution", "historical event", "other"),
        ("2009 Somewhere bombing", "event", "attack"),
    ],
)
def test_event_kind(title: str, template: str | None, kind: str) -> None:
    assert event_kind(_doc(title, template)) == kind


def test_disjoint_detection_matches_the_pairwise_definition() -> None:
    import random

    from eventledger.extract.assemble import _in_disjoint_pairs

    rnd = random.Random(7)
    for _ in range(500):
        sts = []
        for n in range(rnd.randint(1, 7)):
            low = rnd.choice([None, rnd.randint(0, 100)])
            high = rnd.choice([None, (low or 0) + rnd.randint(0, 60)])
            sts.append(st(n + 1, low, high))

        def apart(a: Statement, b: Statement) -> bool:
            return (a.low or 0) > (b.high if b.high is not None else float("inf")) or (
                b.low or 0
            ) > (a.high if a.high is not None else float("inf"))

        expected = {a.id for a in sts for b in sts if a is not b and apart(a, b)}
        assert {s.id for s in _in_disjoint_pairs(sts)} == expected


def _battle(casualties1: str, casualties2: str) -> dict:
    """A two-sided military-conflict page with the given casualty fields, assembled."""
    from eventledger.pipeline import parse_text

    w = (
        "{{Infobox military conflict\n| conflict = Battle of the Mill\n| date = 1 June 1650\n"
        f"| combatant1 = Kingdom of A\n| combatant2 = Duchy of B\n| casualties1 = {casualties1}\n"
        f"| casualties2 = {casualties2}\n}}}}\n'''The Battle of the Mill''' was fought in 1650."
        "<ref>Jones 1990, p. 4.</ref>\n"
    )
    (rec,) = parse_text(w, name="Battle_of_the_Mill.wiki", format="wikitext")
    return rec["event"]


@pytest.mark.parametrize(
    ("cas1", "cas2", "deaths", "injuries"),
    [
        # every side counts its dead and wounded: the sum is exact
        (
            "300 killed<br>500 wounded",
            "100 killed<br>200 wounded",
            (400, 400, 400),
            (700, 700, 700),
        ),
        # a side with no figure: the others' sum is only a floor
        ("300 killed<br>500 wounded", "Unknown", (300, None, None), (500, None, None)),
        ("300 killed<br>500 wounded", "estimates vary", (300, None, None), (500, None, None)),
        # only undifferentiated casualties ("killed, wounded", a bare total): the dead are hidden
        (
            "300 killed<br>500 wounded",
            "2,000 killed, wounded",
            (300, None, None),
            (500, None, None),
        ),
        ("300 killed", "1,000–2,000", (300, None, None), (None, None, None)),
        # a side's killed but not its wounded: deaths exact, injuries a floor
        ("300 killed<br>500 wounded", "100 killed", (400, 400, 400), (500, None, None)),
        # casualties "none" are 0 in each category: the sum stays exact
        ("300 killed<br>500 wounded", "none", (300, 300, 300), (500, 500, 500)),
        ("300 killed<br>500 wounded", "None", (300, 300, 300), (500, 500, 500)),
    ],
)
def test_sum_over_sides_is_a_floor_when_a_side_is_uncounted(
    cas1: str, cas2: str, deaths: tuple, injuries: tuple
) -> None:
    event = _battle(cas1, cas2)
    got = {k: (event[k]["low"], event[k]["best"], event[k]["high"]) for k in ("deaths", "injuries")}
    assert got == {"deaths": deaths, "injuries": injuries}
    for k, want in (("deaths", deaths), ("injuries", injuries)):
        assert bool(event[k].get("lower_bound_only")) == (want[0] is not None and want[2] is None)


@pytest.mark.parametrize(
    ("cas2", "expected"),
    [
        ("none", {"killed": 0, "wounded": 0, "captured": 0, "missing": 0}),
        # a stated category keeps its figure; only the unstated ones become 0
        ("Unknown", {"killed": None, "wounded": None, "captured": None, "missing": None}),
        ("2,000", {"killed": None, "wounded": None, "captured": None, "missing": None}),
    ],
)
def test_casualties_none_are_zero_in_each_category(cas2: str, expected: dict) -> None:
    cas = _battle("300 killed", cas2)["sides"][1]["casualties"]
    assert {c: cas[c]["best"] for c in expected} == expected


@pytest.mark.parametrize(
    ("cas1", "expected"),
    [
        # every contingent counts its missing: an exact sum
        (
            "American:<br>300 killed<br>40 missing<br>British:<br>20 killed<br>5 missing",
            {"killed": (320, 320, 320), "missing": (45, 45, 45)},
        ),
        # the Americans' missing hide in "captured or missing": the sum is a floor
        (
            "American:<br>1,000 casualties<br>300 killed<br>700 captured or missing<br>"
            "British:<br>20 killed<br>5 missing",
            {"killed": (320, 320, 320), "missing": (5, None, None)},
        ),
        # a contingent with no casualty figure at all hides nothing
        (
            "American:<br>300 killed<br>40 missing<br>British:<br>20 killed",
            {"killed": (320, 320, 320), "missing": (40, 40, 40)},
        ),
    ],
)
def test_contingent_sums_are_floors_when_a_contingent_hides_the_category(
    cas1: str, expected: dict
) -> None:
    cas = _battle(cas1, "100 killed")["sides"][0]["casualties"]
    assert {c: (cas[c]["low"], cas[c]["best"], cas[c]["high"]) for c in expected} == expected


def _battle_page(fields: str, body: str = "") -> dict:
    """A two-sided battle with extra infobox *fields* and a body section, assembled."""
    from eventledger.pipeline import parse_text

    w = (
        "{{Infobox military conflict\n| conflict = Battle of the Mill\n| date = 1 June 1650\n"
        "| combatant1 = Kingdom of Arden\n| combatant2 = Duchy of Brill\n"
        "| commander1 = Henry Smith\n| commander2 = Otto Brown\n"
        f"{fields}}}}}\n'''The Battle of the Mill''' was fought in 1650.<ref>Jones 1990, p. 4.</ref>"
        f"\n\n== Aftermath ==\n{body}<ref>Jones 1990, p. 9.</ref>\n"
    )
    (rec,) = parse_text(w, name="Battle_of_the_Mill.wiki", format="wikitext")
    return rec["event"]


def _lbh(q: dict) -> tuple:
    return (q["low"], q["best"], q["high"])


@pytest.mark.parametrize(
    ("cas3", "deaths"),
    [
        # a column of no side with a bare figure: its dead are uncounted, the sum is a floor
        ("White colonists: 2,000", (400, None, None)),
        ("2,000", (400, None, None)),
        ("Civilians: 2,000 casualties", (400, None, None)),
        # the same column counting its dead adds them (civilians): still exact
        ("2,000 civilians killed", (2400, 2400, 2400)),
        # a total line counts the sides' casualties again: no floor
        ("Total: 2,000", (400, 400, 400)),
        ("Total casualties: 2,000", (400, 400, 400)),
    ],
)
def test_undifferentiated_column_of_no_side_makes_deaths_a_floor(cas3: str, deaths: tuple) -> None:
    event = _battle_page(
        f"| casualties1 = 300 killed\n| casualties2 = 100 killed\n| casualties3 = {cas3}\n"
    )
    assert _lbh(event["deaths"]) == deaths
    assert bool(event["deaths"].get("lower_bound_only")) == (deaths[2] is None)


@pytest.mark.parametrize(
    ("cas", "deaths"),
    [
        # a column of no side lists phases and their Total: the total is the civilians' figure
        (
            "| casualties1 = 300 killed\n| casualties2 = 100 killed\n| casualties3 = Civilian "
            "deaths:<br>1,000–2,000 killed in the bombing<br>1,500–2,500 killed in the invasion"
            "<br>Total: 2,500–4,500 killed\n",
            (2900, None, 4900),
        ),
        # the sides count only undifferentiated casualties: the civilians' total is the floor
        (
            "| casualties1 = 3,000 casualties\n| casualties2 = 1,000 casualties\n"
            "| casualties3 = Civilian deaths:<br>1,000–2,000 killed in the bombing<br>"
            "1,500–2,500 killed in the invasion<br>Total: 2,500–4,500 killed\n",
            (2500, None, None),
        ),
        # without a Total line the lines stay rival figures of one column (as before)
        (
            "| casualties1 = 300 killed\n| casualties2 = 100 killed\n| casualties3 = Civilian "
            "deaths:<br>1,000–2,000 killed<br>1,500–2,500 killed\n",
            (1900, None, 2400),
        ),
    ],
)
def test_total_line_of_a_column_of_no_side_wins(cas: str, deaths: tuple) -> None:
    event = _battle_page(cas)
    assert _lbh(event["deaths"]) == deaths


@pytest.mark.parametrize(
    ("cas2", "body", "killed2"),
    [
        # the body states the same number dead: the bare figure is the side's dead
        ("120", "In the fighting, 120 men had died.", (120, 120, 120)),
        ("120", "In the end one hundred and twenty attackers died.", (120, 120, 120)),
        ("1,200", "In Otto's chronicle, 1,200 of Brown's men died in the battle.", (1200,) * 3),
        (
            "100",
            "In the chronicle, 100 of Otto's men, compared to 1,000 of Henry's, died here.",
            (100, 100, 100),
        ),
        # the sentence's dead belong to the other side's commander: no
        ("120", "In the chronicle, 120 of Henry's men died.", (None, None, None)),
        ("1,200", "In Otto's chronicle, 1,200 of Henry's men died.", (None, None, None)),
        # another category, two categories, another number, an estimate: no
        ("120", "In the fighting, 120 men were wounded.", (None, None, None)),
        ("120", "In the fighting, 120 men were killed or wounded.", (None, None, None)),
        ("120", "In the fighting, 121 men died.", (None, None, None)),
        ("120", "In the fighting, about 120 men died.", (None, None, None)),
        # the infobox figure is an estimate or a range, or too small to tell: no
        ("~120", "In the fighting, 120 men died.", (None, None, None)),
        ("100–120", "In the fighting, 120 men died.", (None, None, None)),
        ("8", "In the fighting, 8 men died.", (None, None, None)),
    ],
)
def test_bare_side_figure_is_killed_when_the_body_states_it_dead(
    cas2: str, body: str, killed2: tuple
) -> None:
    event = _battle_page(f"| casualties1 = 300 killed\n| casualties2 = {cas2}\n", body)
    assert _lbh(event["sides"][1]["casualties"]["killed"]) == killed2
    want = (420, 420, 420) if killed2 == (120, 120, 120) else None
    if want:
        assert _lbh(event["deaths"]) == want
    elif killed2[0] is None:
        assert _lbh(event["deaths"]) == (300, None, None)


@pytest.mark.parametrize(
    ("cas2", "body", "killed2", "deaths"),
    [
        # both ends of a bare range are stated dead in the body: the side's killed range
        (
            "700–2,500",
            "A chronicle says 2,500 of Brown's men were killed. Others give only 700 dead.",
            (700, None, 2500),
            (1000, None, 2800),
        ),
        ("120 to 150", "Some say 120 men died. Others say 150 men died.", (120, None, 150), None),
        # one end only, an end stated for the other side, or an end too small: no
        ("700–2,500", "A chronicle says 2,500 of Brown's men were killed.", (None,) * 3, None),
        (
            "700–2,500",
            "Some 2,500 of Henry's men were killed. Only 700 of Brown's men died.",
            (None,) * 3,
            None,
        ),
        ("5–150", "Some say 5 men died. Others say 150 men died.", (None,) * 3, None),
        # an approximate range is no bare figure
        ("c. 700–2,500", "Some 2,500 men were killed. Others say 700 died.", (None,) * 3, None),
    ],
)
def test_bare_side_range_is_killed_when_the_body_states_both_ends_dead(
    cas2: str, body: str, killed2: tuple, deaths: tuple | None
) -> None:
    event = _battle_page(f"| casualties1 = 300 killed\n| casualties2 = {cas2}\n", body)
    assert _lbh(event["sides"][1]["casualties"]["killed"]) == killed2
    if deaths is not None:
        assert _lbh(event["deaths"]) == deaths
    elif killed2[0] is None:
        assert _lbh(event["deaths"]) == (300, None, None)


@pytest.mark.parametrize(
    ("cas2", "body", "expected"),
    [
        # one clause's killed + wounded sum exactly to the bare figure: its breakdown
        (
            "979",
            "Brill's losses according to Otto were 370 killed and 609 wounded, the others lost "
            "about 1800 dead.",
            {"killed": (370, 370, 370), "wounded": (609, 609, 609), "total": (979, 979, 979)},
        ),
        (
            "1,000",
            "In all 400 were killed and 500 wounded and 100 captured.",
            {"killed": (400, 400, 400), "wounded": (500, 500, 500), "captured": (100,) * 3},
        ),
        # figures in separate clauses are no breakdown of one figure
        (
            "1,000",
            "In all 400 were killed, 500 wounded and 100 captured.",
            {"killed": (None,) * 3, "wounded": (None,) * 3, "total": (1000, 1000, 1000)},
        ),
        # the sum differs, a figure is approximate, or the clause names the other side: no
        (
            "980",
            "Brill's losses were 370 killed and 609 wounded.",
            {"killed": (None,) * 3, "wounded": (None,) * 3},
        ),
        (
            "979",
            "Brill's losses were about 370 killed and 609 wounded.",
            {"killed": (None,) * 3, "wounded": (None,) * 3},
        ),
        (
            "979",
            "Henry's losses were 370 killed and 609 wounded.",
            {"killed": (None,) * 3, "wounded": (None,) * 3},
        ),
        # one category only is no breakdown (that is the same-number rule's case)
        ("979", "Some 979 men were wounded.", {"killed": (None,) * 3, "wounded": (None,) * 3}),
    ],
)
def test_bare_side_figure_broken_down_by_one_body_clause(
    cas2: str, body: str, expected: dict
) -> None:
    event = _battle_page(f"| casualties1 = 300 killed\n| casualties2 = {cas2}\n", body)
    cas = event["sides"][1]["casualties"]
    assert {c: _lbh(cas[c]) for c in expected} == expected


def test_breakdown_statements_name_the_bare_figure() -> None:
    from eventledger.pipeline import parse_text

    w = (
        "{{Infobox military conflict\n| conflict = Battle of the Mill\n| date = 1 June 1650\n"
        "| combatant1 = Kingdom of Arden\n| combatant2 = Duchy of Brill\n"
        "| casualties1 = 300 killed\n| casualties2 = 979\n}}\n"
        "'''The Battle of the Mill''' was fought in 1650.\n\n== Aftermath ==\n"
        "Brill lost 370 killed and 609 wounded.<ref>Jones 1990, p. 9.</ref>\n"
    )
    (rec,) = parse_text(w, name="Battle_of_the_Mill.wiki", format="wikitext")
    (bare,) = [s for s in rec["statements"] if s["origin"] == "infobox" and s["text"] == "979"]
    parts = [s for s in rec["statements"] if s["origin"] == "body" and s["side"] == 2]
    assert sorted((s["category"], s["best"]) for s in parts) == [("killed", 370), ("wounded", 609)]
    assert {s["value"]["breakdown_of"] for s in parts} == {bare["id"]}
    assert (rec["event"]["deaths"]["low"], rec["event"]["deaths"]["best"]) == (670, 670)


@pytest.mark.parametrize(
    ("strength2", "expected"),
    [
        # a figure marked "total" is the side's strength; the others are its parts
        ("20,000 infantry, 2,000 light infantry, 2,500 cavalry, 24,500 men total", (24500,) * 3),
        ("16,000 phalangites, 4,000 light infantry, 2,000 cavalry, 22,000 total", (22000,) * 3),
        ("16,000 phalangites and 6,000 cavalry, 22,000 in total", (22000,) * 3),
        # vehicles, aircraft and guns are not strength: the soldiers under "Total strength:"
        (
            "Total strength:<br>766,750 soldiers<br>1,519 AFVs<br>2,224 aircraft<br>"
            "9,303 artillery pieces",
            (766750,) * 3,
        ),
        # a part given as unknown makes the known figure a floor
        ("17,000 light cavalry<br>unknown infantry", (17000, None, None)),
        ("17,000 light cavalry<br>Unknown", (17000,) * 3),
        ("17,000", (17000,) * 3),
    ],
)
def test_strength_totals_parts_and_unknown_parts(strength2: str, expected: tuple) -> None:
    event = _battle_page(f"| strength1 = 5,000\n| strength2 = {strength2}\n")
    assert _lbh(event["sides"][1]["strength"]) == expected
    assert _lbh(event["sides"][0]["strength"]) == (5000, 5000, 5000)


def test_one_body_figure_confirms_one_side_only() -> None:
    event = _battle_page(
        "| casualties1 = 120\n| casualties2 = 120–400\n",
        "Some say 120 men died. Others say 400 men died.",
    )
    killed = [_lbh(s["casualties"]["killed"]) for s in event["sides"]]
    assert killed == [(120, 120, 120), (None, None, None)]


def test_bare_figure_shared_by_two_sides_is_not_confirmed() -> None:
    event = _battle_page("| casualties1 = 120\n| casualties2 = 120\n", "Some say 120 men died.")
    assert [s["casualties"]["killed"]["best"] for s in event["sides"]] == [None, None]


def test_confirmed_bare_figure_statement_names_its_confirmation() -> None:
    from eventledger.pipeline import parse_text

    w = (
        "{{Infobox military conflict\n| conflict = Battle of the Mill\n| date = 1 June 1650\n"
        "| combatant1 = Kingdom of Arden\n| combatant2 = Duchy of Brill\n"
        "| casualties1 = 300 killed\n| casualties2 = 120\n}}\n"
        "'''The Battle of the Mill''' was fought in 1650.\n\n== Aftermath ==\n"
        "In the fighting, 120 men had died.<ref>Jones 1990, p. 9.</ref>\n"
    )
    (rec,) = parse_text(w, name="Battle_of_the_Mill.wiki", format="wikitext")
    by_id = {s["id"]: s for s in rec["statements"]}
    (bare,) = [
        s
        for s in rec["statements"]
        if s["origin"] == "infobox" and s["side"] == 2 and s["category"] is not None
    ]
    assert (bare["property"], bare["category"], bare["best"]) == ("deaths", "killed", 120)
    body = by_id[bare["value"]["confirmed_by"]]
    assert (body["origin"], body["category"], body["best"]) == ("body", "killed", 120)


def _page(title: str, lead: str) -> dict:
    from eventledger.pipeline import parse_text

    filler = " Newspapers in many countries reported on it at length during the following weeks."
    (rec,) = parse_text(f"{title}\n\n{lead}{filler}\n", name="page.txt")
    return rec


@pytest.mark.parametrize(
    ("title", "lead", "kind"),
    [
        # attack words of the title
        ("2017 Mosul airstrike", "The airstrike hit a house in Mosul on 17 March 2017.", "attack"),
        ("Makiivka shelling", "Rockets hit a school in Makiivka on 1 January 2023.", "attack"),
        ("Kramatorsk missile strike", "A missile hit the station on 8 April 2022.", "attack"),
        # a generic "Operation" yields to the first sentence's "was an <attack noun>"
        (
            "Operation Orchard",
            "Operation Orchard was an Israeli airstrike on a reactor in Syria in 2007.",
            "attack",
        ),
        (
            "Operation Nightfall",
            "Operation Nightfall was a military operation of the army in 1944.",
            "battle",
        ),
        # "was an attack on ...": the head noun counts, a later noun does not
        (
            "Operation Dawn",
            "Operation Dawn was a campaign against a bombing network in 1990.",
            "battle",
        ),
        # an explosion is an attack only when the first sentence names a bomb or missile
        (
            "Bridge explosion",
            "On 8 October 2022 a fire broke out after the explosion of a bomb on a truck.",
            "attack",
        ),
        (
            "Port explosion",
            "On 4 August 2020 a stock of ammonium nitrate exploded in the port.",
            "other",
        ),
        # ... or when a lead sentence says it was / had been a missile strike, undenied
        (
            "Airbase explosions",
            "Explosions occurred at the airbase on 9 August 2022. The commander later said"
            " that it had been a Ukrainian missile strike.",
            "attack",
        ),
        (
            "Depot explosion",
            "A depot exploded on 9 August 2022. Officials denied that it had been an attack.",
            "other",
        ),
        (
            "Depot explosion",
            "A depot exploded on 9 August 2022. It was a warm day.",
            "other",
        ),
        # a labour strike is no attack
        ("General strike of 1926", "The general strike began on 4 May 1926.", "other"),
        # lists, timelines, orders of battle and representations are no event
        (
            "Syrian civil war in popular culture",
            "The following are representations of the Syrian civil war in popular culture.",
            "other",
        ),
        ("List of massacres in Syria", "This is a list of massacres in Syria.", "other"),
        ("Order of battle for the Battle of Mosul", "These units fought at Mosul.", "other"),
        ("Timeline of the war in Donbas", "This is a timeline of the war in Donbas.", "other"),
    ],
)
def test_event_kind_from_title_and_first_sentence(title: str, lead: str, kind: str) -> None:
    assert _page(title, lead)["event"]["kind"] == kind


def test_contradiction_leaves_best_null() -> None:
    """Disjoint statements share no figure: the envelope, and no best."""
    q, f = combine([st(1, 400, 400, best=400), st(2, 63, 63, best=63)])
    assert f is not None and f.code == "CONTRADICTION"
    assert (q["low"], q["best"], q["high"]) == (63, None, 400)
    q, f = combine([st(1, 60, 70, best=65), st(2, 63, 63, best=63)])
    assert f is None and (q["low"], q["best"], q["high"]) == (63, 63, 63)


@pytest.mark.parametrize(
    ("lead", "deaths"),
    [
        # a figure dated to another year counts another event
        (
            "A suicide bombing in Istanbul on 13 November 2022 killed six people. An earlier "
            "bombing in the same district killed four people in 2016.",
            (6, 6, 6),
        ),
        # a year inside the event's own span keeps the figure
        (
            "A suicide bombing in Istanbul on 13 November 2022 killed six people. By the end "
            "of the day police said it killed six people in 2022.",
            (6, 6, 6),
        ),
    ],
)
def test_lead_figures_dated_to_another_year_are_dropped(lead: str, deaths: tuple) -> None:
    d = _page("Istanbul bombing", lead)["event"]["deaths"]
    assert (d["low"], d["best"], d["high"]) == deaths


@pytest.mark.parametrize(
    ("lead", "deaths", "injuries"),
    [
        # a later confirmation supersedes the initial reports, both categories
        (
            "The base was attacked on 13 March 2022. Initial reports stated that 35 soldiers "
            "were killed and 134 others were injured. Later, the police confirmed 61 people "
            "were killed and 160 were injured.",
            (61, 61, 61),
            (160, 160, 160),
        ),
        # "initially … but raised the death toll to": the other party's claim stays
        (
            "The school was struck on 1 January 2023. Officials of one side claimed that the "
            "attack killed 400 troops, while the other side initially confirmed that 63 troops "
            "were killed, but raised the death toll to 89 two days later.",
            (89, None, 400),
            (None, None, None),
        ),
        # no figure called initial: a later figure does not replace the earlier ones
        (
            "The base was attacked on 13 March 2022. Officials said 35 soldiers were killed. "
            "Later, the police confirmed 61 people were killed.",
            (35, None, 61),
            (None, None, None),
        ),
        # initial figures without a later revision stay
        (
            "The base was attacked on 13 March 2022. Initial reports stated that 35 soldiers "
            "were killed and 134 others were injured.",
            (35, 35, 35),
            (134, 134, 134),
        ),
    ],
)
def test_a_later_confirmed_toll_supersedes_initial_reports(
    lead: str, deaths: tuple, injuries: tuple
) -> None:
    from eventledger.pipeline import parse_text

    filler = " Newspapers in many countries reported on it at length during the following weeks."
    (rec,) = parse_text(f"Testbase attack\n\n{lead}{filler}\n", name="page.txt")
    got = {
        k: tuple(rec["event"][k][x] for x in ("low", "best", "high"))
        for k in ("deaths", "injuries")
    }
    assert got == {"deaths": deaths, "injuries": injuries}


@pytest.mark.parametrize(
    ("title", "section", "body", "injuries"),
    [
        # the lead gives no injuries: the Casualties section's figure is the event's
        (
            "Testgrad shelling",
            "Casualties",
            "Between 400 and 500 deaths and 300 injuries were reported by the army.",
            (300, 300, 300),
        ),
        # a section of another name counts other things
        (
            "Testgrad shelling",
            "Aftermath",
            "Between 400 and 500 deaths and 300 injuries were reported by the army.",
            (None, None, None),
        ),
        # rival or partial counts in the section: none is the event's
        (
            "Testgrad shelling",
            "Victims",
            "The army reported 300 injured. A hospital said 12 people were injured.",
            (None, None, None),
        ),
        # a battle's casualty section counts sides and single days
        (
            "Battle of Testgrad",
            "Casualties",
            "A strike on 27 June killed at least 8 civilians and wounded 42.",
            (None, None, None),
        ),
    ],
)
def test_a_casualty_section_fills_a_category_the_lead_leaves_out(
    title: str, section: str, body: str, injuries: tuple
) -> None:
    from eventledger.pipeline import parse_text

    text = (
        f"# {title}\n\nThe {title} took place on 1 January 2023 in Testgrad. It killed 63 "
        f"soldiers.\n\n## {section}\n\n{body}\n"
    )
    (rec,) = parse_text(text, name="page.md")
    assert tuple(rec["event"]["injuries"][x] for x in ("low", "best", "high")) == injuries
