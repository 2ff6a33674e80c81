"""Shapes found in session 18 (probe wave 52 onwards). Each test fails on the session's
starting code or guards a counter-example of a rule."""

from __future__ import annotations

from eventledger.normalise.actors import split_actors
from eventledger.normalise.numbers import figures_in_sentence
from eventledger.normalise.places import resolve_place

from .test_probe15_shapes import _codes, _q, _record
from .test_probe17_shapes import _attack

# ----------------------------------------------- "of the N agents who carried out the attack"


def test_partitive_of_the_perpetrators_counts_them():
    figs = figures_in_sentence(
        "Of the three North Korean agents who carried out the attack, one was killed and two "
        "were captured."
    )
    assert [(f.text, f.party) for f in figs][:1] == [("one was killed", "perpetrators")]
    figs = figures_in_sentence("Of the nine gunmen, seven were shot dead by police.")
    assert [f.party for f in figs] == ["perpetrators"]
    rec = _record(
        _attack(
            "21",
            "The bomb killed 21 people. Of the three agents who carried out the attack, one "
            "was killed and two were captured.",
        )
    )
    assert _q(rec["event"]) == (21, 21, 21)


def test_partitive_of_other_groups_or_of_their_victims_is_no_perpetrator():
    for text in (
        "Of the 300 villagers, 40 were killed.",
        "Of the attackers' 30 victims, 12 died.",
        "Of the men who defended the post, five were killed.",
    ):
        assert [f.party for f in figures_in_sentence(text)] == [None], text


# ----------------------------------------------------------- a town of a border since moved


def test_town_written_with_the_state_of_its_time_is_where_it_lies_now():
    for text, country in (
        ("Lwów, Poland", "UA"),
        ("Danzig, Germany", "PL"),
        ("Pressburg, Hungary", "SK"),
        ("Wilno, Poland", "LT"),
    ):
        place = resolve_place(text)
        assert place.country == country, text
        assert place.where_prec == 1, text


def test_moved_border_rule_keeps_towns_the_country_has_and_unknown_villages():
    assert resolve_place("Lisbon, Ohio").country == "US"
    assert resolve_place("Alexandria, Romania").country == "RO"
    assert resolve_place("Tripoli, Lebanon").country == "LB"
    # (a name no large town abroad bears: the country stays, at its own precision)
    place = resolve_place("Zzyzxville, Poland")
    assert (place.country, place.where_prec) == ("PL", 6)
    # (not a town far from the country the text names: "Paris, Poland" is no French town)
    assert resolve_place("Paris, Poland").country == "PL"


def test_forays_beyond_the_place_are_not_its_country():
    place = resolve_place("Dhofar, Oman; cross-border raids into South Yemen")
    assert place.country == "OM"


# ------------------------------------------------------------------ actors of a war's box


def _war(combatant1: str, combatant2: str, casualties2: str = "1,000 killed") -> str:
    return (
        "{{Infobox military conflict\n| conflict = Dhofar Rebellion\n| date = 1962–1976\n"
        "| place = Dhofar, Oman\n"
        f"| combatant1 = {combatant1}\n| combatant2 = {combatant2}\n"
        f"| casualties1 = 700 killed\n| casualties2 = {casualties2}\n}}}}\n"
        "The '''Dhofar Rebellion''' was fought from 1962 to 1976 in Dhofar, Oman.\n"
    )


def _names(side: dict, key: str = "combatants") -> list:
    return [(a["name"], a["link"]) for a in side[key]]


def test_supported_by_lists_supporters_not_combatants():
    rec = _record(
        _war(
            "{{flag|Muscat and Oman}}<br />{{flag|Iran|1964}} (from 1973)<br />"
            "'''Supported by:'''<br />{{flag|Saudi Arabia}}<br />{{flag|Jordan}}",
            "[[Dhofar Liberation Front]] (1962–1968)<br />Supported by: [[South Yemen]], "
            "[[Soviet Union]]",
        )
    )
    one, two = rec["event"]["sides"]
    assert _names(one) == [("Muscat and Oman", "Muscat and Oman"), ("Iran", "Iran")]
    assert _names(one, "supporters") == [("Saudi Arabia", "Saudi Arabia"), ("Jordan", "Jordan")]
    assert _names(two) == [("Dhofar Liberation Front", "Dhofar Liberation Front")]
    assert [a["name"] for a in two["supporters"]] == ["South Yemen", "Soviet Union"]
    props = {
        st["value"]["name"]: st["property"]
        for st in rec["statements"]
        if st["side"] is not None and st["property"] in ("combatant", "supporter")
    }
    assert props["Saudi Arabia"] == "supporter" and props["Iran"] == "combatant"


def test_another_label_ends_the_supporters():
    actors = split_actors("Oman\nSupported by:\nIran\nAllies:\nJordan")
    assert [(a.name, a.support) for a in actors] == [
        ("Oman", False),
        ("Iran", True),
        ("Jordan", False),
    ]
    assert [a.name for a in split_actors("From 1827:\nUnited Kingdom\nRussian Empire")] == [
        "United Kingdom",
        "Russian Empire",
    ]
    # a year in a name's own words stays ("Unit 731", "2nd Division (1940)" is a period)
    assert [a.name for a in split_actors("Unit 731\n2nd Division (1940)")] == [
        "Unit 731",
        "2nd Division",
    ]


# --------------------------------------------------------- rival lines of one infobox field


def test_field_line_naming_other_sources_is_a_rival_even_when_approximate():
    rec = _record(
        _war("[[Oman]]", "[[PFLO]]", "1,400 killed<br />{{circa|2,000}} killed (other estimates)")
    )
    killed = rec["event"]["sides"][1]["casualties"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (1400, None, 2000)
    assert "CONTRADICTION" in _codes(rec)
    # two authors' figures in one field, one of them approximate
    rec = _record(
        _war(
            "[[Oman]]",
            "[[PFLO]]",
            "{{circa}} 7,000 killed (Theodoret)<br />15,000 killed (Theophanes)",
        )
    )
    killed = rec["event"]["sides"][1]["casualties"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (7000, None, 15000)


def test_unattributed_approximate_line_stays_inside_the_figure():
    rec = _record(_war("[[Oman]]", "[[PFLO]]", "1,400 killed<br />{{circa|2,000}} killed"))
    killed = rec["event"]["sides"][1]["casualties"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (1400, 1400, 1400)


# --------------------------------------------------------------------- vague words in prose


def test_vague_word_in_a_sentence_does_not_contradict_a_figure():
    rec = _record(
        _attack(
            "1",
            "The hijackers fatally stabbed one passenger and injured several others.",
        ).replace("| fatalities = 1\n", "| fatalities = 1\n| injuries = 17\n")
    )
    assert _q(rec["event"], "injuries") == (17, 17, 17)
    # alone, the vague word is the figure
    rec = _record(_attack("1", "The hijackers injured several others."))
    assert _q(rec["event"], "injuries") == (3, None, 9)


# ------------------------------------------------ a Firefox copy: "[edit]" under the heading


def test_edit_link_on_its_own_line_marks_headings_and_notes_stay_apart():
    copy = (
        "Peterloo Massacre\n\nFrom Wikipedia, the free encyclopedia\n\nPeterloo Massacre\n"
        "Date\n16 August 1819\nDeaths\n18\n\n"
        "The Peterloo Massacre took place at St Peter's Field in Manchester, England, on "
        "Monday 16 August 1819, when cavalry charged into a crowd that had gathered to demand "
        "the reform of parliamentary representation.[1][a] Eighteen people died and several "
        "hundred were injured in the confusion that followed the charge.[2]\n\nNotes\n[edit]\na. ^ Some sources give fifteen deaths.[2]\n"
        "References\n[edit]\n1. ^ Riding 2018, p. 1.\n2. ^ a b Poole 2019, p. 3.\n"
    )
    rec = _record(copy, fmt="plaintext", name="Peterloo Massacre")
    assert rec["counts"]["footnotes"] == 2


# ------------------------------------------------------ an event box whose type is an attack


def _event_box(type_: str, lead: str) -> dict:
    return _record(
        "{{Infobox event\n| title = Bloody Sunday\n| date = 22 January 1905\n"
        f"| location = [[Saint Petersburg]], [[Russian Empire]]\n| type = {type_}\n"
        "| deaths = 96\n}}\n"
        f"'''Bloody Sunday''' was the series of events on 22 January 1905 in Saint Petersburg, "
        f"when {lead}\n",
        name="Bloody_Sunday",
    )


def test_event_box_of_a_massacre_is_an_attack_and_fired_upon_by_names_its_perpetrator():
    rec = _event_box(
        "[[Massacre]]",
        "unarmed demonstrators were fired upon by soldiers of the [[Imperial Guard (Russia)|"
        "Imperial Guard]] as they marched towards the Winter Palace.",
    )
    assert rec["event"]["kind"] == "attack"
    assert [p["name"] for p in rec["event"]["perpetrators"]] == ["Imperial Guard"]


def test_event_box_of_another_type_stays_an_event():
    rec = _event_box("Protest march", "workers marched towards the Winter Palace.")
    assert rec["event"]["kind"] == "other"
